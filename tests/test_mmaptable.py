"""The memory-mapped word table: what is written is read back, absent words are absent, and a
damaged file is rejected or read without a crash or an endless probe."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.mmaptable import _HEAD, open_table, write_table


def test_round_trip_str_and_int(tmp_path: Path) -> None:
    words = {"整改": "v", "落实": "v", "责任单位": "n", "两个维护": "l", "𠀀字": "x"}
    write_table(tmp_path / "s.tab", words.items())
    table = open_table(tmp_path / "s.tab")
    assert table is not None and len(table) == 5
    assert all(table[w] == t for w, t in words.items())
    assert "整" not in table and table.get("整改落实") is None and 3 not in table
    assert dict(table.items()) == words
    freq = {"整改": 5321, "落实": 12000, "的": 318825, "负数": -1}
    write_table(tmp_path / "i.tab", freq.items())
    table = open_table(tmp_path / "i.tab")
    assert table is not None and {w: table.get(w) for w in freq} == freq and table.get("无", 0) == 0


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=6), st.integers(-2**40, 2**40), max_size=60),
       st.lists(st.text(min_size=1, max_size=6), max_size=20))
def test_lookups_match_a_dict(tmp_path_factory, words: dict[str, int], probes: list[str]) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("t") / "w.tab"
    write_table(path, words.items())
    table = open_table(path)
    assert table is not None
    for key in [*words, *probes]:
        assert table.get(key) == words.get(key)


def test_damaged_files_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "w.tab"
    write_table(path, {f"词{i}": i for i in range(50)}.items())
    good = path.read_bytes()
    for damaged in (b"", good[:10], good[:-3], b"XXXXXXXX" + good[8:], good[:-1] + bytes([good[-1] ^ 1])):
        path.write_bytes(damaged)
        assert open_table(path) is None
    assert open_table(tmp_path / "missing.tab") is None


def test_consistent_but_wrong_offsets_neither_crash_nor_loop(tmp_path: Path) -> None:
    """Slots that point past the end or into each other, with a checksum that matches: every
    lookup ends, returning nothing or some stored value, never raising."""
    path = tmp_path / "w.tab"
    write_table(path, {f"词{i}": i for i in range(20)}.items())
    data = bytearray(path.read_bytes())
    magic, kind, slots, entries, _ = _HEAD.unpack_from(data, 0)
    for i in range(slots):
        struct.pack_into("<I", data, _HEAD.size + 4 * i, [0xFFFFFF, 3, 1][i % 3])
    struct.pack_into("<8sIIII", data, 0, magic, kind, slots, entries, zlib.crc32(bytes(data[_HEAD.size:])))
    path.write_bytes(bytes(data))
    table = open_table(path)
    assert table is not None
    for key in ("词1", "词19", "没有"):
        table.get(key)
    list(table.items())
