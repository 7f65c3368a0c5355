"""A read-only word table (str → str or int) kept in one file and memory-mapped: opening it
costs a checksum pass, not the building of a Python dict.

Why: a dictionary of jieba's size (349k words) takes 140-180 ms to ``marshal.loads`` on the
2-core benchmark machine, more than the whole rest of a .txt run's start-up; a run that looks
up a few thousand words of one report pays that for nothing. Here a lookup reads the file
where the word hashes to: open addressing (linear probing, table at most half full) over
``zlib.crc32`` of the word's UTF-8 bytes, about 1 µs per lookup against 0.05 µs in a dict, so
the table wins up to a few hundred thousand lookups per run and a dict beyond that (a caller
with a very long document loads ``dict(table.items())`` once).

Layout (little-endian): 8-byte magic, kind (0 str values, 1 int values), slot count,
entry count, CRC-32 of everything after the header, then one uint32 per slot (1 + offset
of the entry in the data area; 0 empty), then the entries: key length and value length
(uint16 each), the key's UTF-8 bytes, the value (UTF-8 bytes, or an int64). Nothing read
from disk is trusted: ``open_table`` checks the magic, the sizes and the checksum, and every
read is bounds-checked, so a damaged file is rejected (None: the caller rebuilds it), never
a crash or an endless probe.
"""

from __future__ import annotations

import mmap
import os
import struct
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

MAGIC = b"RLMTAB01"
_HEAD = struct.Struct("<8sIIII")  # magic, kind, slots, entries, crc of the rest
_SLOT = struct.Struct("<I")
_ENTRY = struct.Struct("<HH")
_INT = struct.Struct("<q")
STR, INT = 0, 1


def write_table(path: Path, items: Iterable[tuple[str, str | int]]) -> None:
    """Write ``items`` (unique keys; all values str, or all int) as a table at ``path``
    atomically (a reader sees the old file or the new one, never half of one)."""
    pairs = list(items)
    kind = INT if pairs and isinstance(pairs[0][1], int) else STR
    slots_n = max(8, 2 * len(pairs) + 1)
    slots = [0] * slots_n
    data = bytearray()
    for key, value in pairs:
        kb = key.encode("utf-8")
        vb = _INT.pack(value) if kind == INT else str(value).encode("utf-8")
        if isinstance(value, int) != (kind == INT) or len(kb) > 0xFFFF or len(vb) > 0xFFFF:
            raise ValueError(f"entry not storable: {key!r}")
        i = zlib.crc32(kb) % slots_n
        while slots[i]:
            i = (i + 1) % slots_n
        slots[i] = len(data) + 1
        data += _ENTRY.pack(len(kb), len(vb)) + kb + vb
    body = struct.pack(f"<{slots_n}I", *slots) + bytes(data)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(_HEAD.pack(MAGIC, kind, slots_n, len(pairs), zlib.crc32(body)) + body)
    os.replace(tmp, path)


class Table:
    """The mapping over a memory-mapped table file (``in``, ``get``, ``[]``, ``len``, ``items``)."""

    __slots__ = ("_data", "_kind", "_mm", "_n", "_size", "_slots")

    def __init__(self, mm: mmap.mmap, kind: int, slots: int, entries: int) -> None:
        self._mm, self._kind, self._slots, self._n = mm, kind, slots, entries
        self._data = _HEAD.size + 4 * slots
        self._size = len(mm)

    def _entry(self, offset: int) -> tuple[bytes, int, int] | None:
        """The key bytes, value start and value length of the entry at ``offset`` (1-based)."""
        p = self._data + offset - 1
        if p + 4 > self._size:
            return None
        klen, vlen = _ENTRY.unpack_from(self._mm, p)
        if p + 4 + klen + vlen > self._size:
            return None
        return self._mm[p + 4:p + 4 + klen], p + 4 + klen, vlen

    def _value(self, start: int, length: int) -> str | int:
        if self._kind == INT:
            return _INT.unpack_from(self._mm, start)[0] if length == 8 else 0
        return self._mm[start:start + length].decode("utf-8", "replace")

    def get(self, key: str, default: str | int | None = None) -> str | int | None:
        kb = key.encode("utf-8", "surrogatepass")
        n = self._slots
        i = zlib.crc32(kb) % n
        for _ in range(n):  # a damaged table cannot make the probe endless
            offset = _SLOT.unpack_from(self._mm, _HEAD.size + 4 * i)[0]
            if offset == 0:
                return default
            entry = self._entry(offset)
            if entry is None:
                return default
            if entry[0] == kb:
                return self._value(entry[1], entry[2])
            i = i + 1 if i + 1 < n else 0
        return default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __getitem__(self, key: str) -> str | int:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __len__(self) -> int:
        return self._n

    def items(self) -> Iterator[tuple[str, str | int]]:
        for i in range(self._slots):
            offset = _SLOT.unpack_from(self._mm, _HEAD.size + 4 * i)[0]
            entry = self._entry(offset) if offset else None
            if entry is not None:
                yield entry[0].decode("utf-8", "replace"), self._value(entry[1], entry[2])


def open_table(path: Path) -> Table | None:
    """The table in ``path``, or None when it is missing, unreadable or damaged."""
    try:
        with open(path, "rb") as fh:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable, empty
        return None
    if len(mm) < _HEAD.size:
        mm.close()
        return None
    magic, kind, slots, entries, crc = _HEAD.unpack_from(mm, 0)
    if (magic != MAGIC or kind not in (STR, INT) or slots < 1 or entries > slots
            or _HEAD.size + 4 * slots > len(mm) or zlib.crc32(memoryview(mm)[_HEAD.size:]) != crc):
        mm.close()
        return None
    return Table(mm, kind, slots, entries)
