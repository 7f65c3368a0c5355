"""The word and character tables of the proofreading rules, loaded on first use and cached.

Words and frequencies come from jieba's own ``dict.txt`` (jieba is a dependency already; its
idioms are tagged ``i``/``l``), plus the 公文 phrases of ``rules/dict/gongwen.txt`` and the
political terms of ``rules/dict/gov.txt``. Character similarity comes from
``rules/dict/charsim.json`` (built by ``scripts/build_charsim.py``: shapes from the cjk-decomp
decomposition data, sounds from pypinyin). Nothing is downloaded. The derived tables are kept
in reportlint's cache folder as one file of ``marshal`` records (a format that cannot run code),
rebuilt when jieba's dictionary, the phrase lists or this module's format change. Beside it, a
``.pairs`` file keeps numpy's hash tables of pairs of characters (``Lexicon._pair_table``: 25 ms to
build, 1–2 ms to read back), sealed as every cache entry is (``store.write_entry``: a CRC-32 of the
whole), keyed by a CRC-32 of the head they were built from, and built afresh on any doubt.

Loading is what a check of one report pays for, so the file is laid out for it: a small head
read at once (the two-character words as one string of second characters per first character,
the first two and the second and third characters of longer words, the first two and the last two
of the idioms and phrases of four characters, the heads of the phrases with a character missing)
and five hash tables (the longer words, the masked words offered as corrections and the idioms and
phrases among them, the dropped phrases by their first three characters, the facts of each
character) whose records are read one at a time, when a document asks for a key of theirs. A
report of 10,000 characters reads about a thousand small records instead of unpacking 250,000
words (about 4 ms instead of 60–110 ms).
"""

from __future__ import annotations

import marshal
import os
import sys
from array import array
from collections.abc import Callable, Iterable
from contextlib import suppress
from functools import lru_cache
from importlib.util import find_spec
from operator import add
from pathlib import Path
from typing import Any, BinaryIO
from zlib import crc32

FORMAT = 14  # bump when the derived tables change shape (and the pair flags: the ``.pairs`` file keeps them)
COVER_MIN = 5  # a word this frequent or more counts as a word of the text (jieba's 3 marks many noise entries)
TARGET_MIN = {2: 50, 3: 20, 4: 10}  # how frequent a word must be to be offered as a correction
IDIOM_TAGS = ("i", "l")
PHRASE_FREQ = 1000  # frequency given to the curated phrases
# the offsets are read in place as unsigned ints of this machine: its byte order and int size are in the magic
_MAGIC = b"RLLEX" + FORMAT.to_bytes(2, "big") + sys.byteorder[0].encode() + bytes([array("I").itemsize])
_HEAD_LEN = 8  # bytes giving the length of the head record
_ASKED_MAX = 200_000  # answers kept for keys asked again (a report repeats its phrases); then forgotten
# the flags of a pair of neighbouring characters (see ``Lexicon.pair_flags``)
WORD = 1  # the pair is a word of two characters
NOT_HAN = 2  # its first character is not Chinese (U+4E00–U+9FFF)
HEAD = 4  # it begins one of the phrases with a character missing (``dropped_heads``)
LONGER = 8  # it begins a word of three or more characters (``starts``)
TAIL = 16  # it is the second and third characters of one of ``dropped_heads``
# characters flagged one pair at a time (about 0.05 µs each, each distinct pair worked out once: ``_one_by_one``)
# before numpy and the hash table of pair codes (about 85 ms of processor time to import and build, then 0.01–0.03 µs
# a pair) pay for themselves; a run told it will read more (``expect``) builds the table at once. Of those 85 ms the
# build (about 25) is paid once: later runs read the table from the ``.pairs`` file in 1–2 ms (the threshold was
# chosen with the build counted)
_BY_CODES_AFTER = 2_000_000
_expected = 0  # characters this process is expected to check in all (see ``expect``)
# a text this short is flagged one pair at a time even with numpy's table at hand: numpy's dozen steps cost about
# 50 µs whatever the length (T105 asks about phrases of 3–8 characters with one missing, a few hundred a batch)
_SHORT_TEXT = 64
# the hash tables of pair codes (``_pair_table``): a pair's code × an odd number (mod 2^32, one to one) is its hash;
# the top bits of the hash pick the slot. A slot holds one uint32: the hash shifted left by 9 bits (with the slot,
# enough to tell the pair apart from any other), the flags in bits 0–7, with ``_SHARED`` when other pairs have this
# slot too (a pair's own flags never have that bit, nor NOT_HAN: it is the text's, from a table of characters)
_LEVELS = ((19, 0x9E3779B1), (16, 0x85EBCA6B))  # (bits, multiplier): 2^19 slots (2 MB) for about 100,000 pairs,
#                                                 then 2^16 for the pairs that share a slot there (about one in 12)
_SHARED = 128
# the ``.pairs`` file beside the cache file (``_pack_pairs``): magic, then the tables in this machine's byte order
_PAIRS_MAGIC = b"RLPAIRS" + FORMAT.to_bytes(2, "big") + sys.byteorder[0].encode()
_PAIRS_KIND = "lexicon-pairs"  # of the sealed envelope (``store``) around it
_PAIRS_REST_MAX = 1 << 22  # bytes of ``rest`` (a few thousand pairs: about 10 kB) beyond which a file is refused
_TAG_SHIFT = 9  # a table of fewer than 2^9 slots would leave some bits of the hash in neither tag nor slot

Target = tuple[str, int, bool]  # a word offered as a correction, its frequency, whether it is an idiom or phrase
# a phrase with one character missing: the text left, whether it counts only before a punctuation mark (the last
# character missing), the phrase
Dropped = tuple[str, bool, str]


class _Table:
    """A table of string keys: in memory as built, or in a cache file as a hash table read one bucket
    at a time. A document asks for a few thousand keys, most of them absent, so the CRC-32 of a key
    is first looked up in a bit array (16 bits per key: an absent key passes one time in sixteen),
    then picks the bucket; an array of offsets says where each bucket's ``marshal`` record lies.
    The bit array and the offsets are read with the head; nothing else is unpacked beforehand."""

    __slots__ = ("_bits", "_buckets", "_data", "_failed", "_nbits", "_offsets", "_records", "_valid")

    def __init__(self, data: dict[Any, Any], parts: tuple[Any, Any, Any] | None = None,
                 valid: Callable[[object], bool] = bool, failed: Callable[[], dict[str, Any]] | None = None) -> None:
        self._data = data  # in memory: key → value; from a file: bucket number → {key: value}
        given: tuple[Any, Any, Any] = parts if parts is not None else (b"", None, b"")
        self._bits, self._offsets, self._records = given
        self._valid, self._failed = valid, failed
        self._buckets = len(self._offsets) - 1 if self._offsets is not None else 0
        self._nbits = 8 * len(self._bits)

    def get(self, key: str, default: Any = None) -> Any:
        if self._offsets is None:
            return self._data.get(key, default)
        h = crc32(key.encode())
        bit = h % self._nbits
        if not self._bits[bit >> 3] >> (bit & 7) & 1:
            return default
        number = h % self._buckets
        bucket = self._data.get(number)
        if bucket is None:
            bucket = self._data[number] = self._read(number)
        value = bucket.get(key, default)
        if value is not default and not self._valid(value):
            return self._fail().get(key, default)
        return value

    def _read(self, number: int) -> dict[str, Any]:
        start, end = self._offsets[number], self._offsets[number + 1]
        if start == end:
            return {}
        try:
            got = marshal.loads(self._records[start:end]) if start < end <= len(self._records) else None
        except (ValueError, EOFError, TypeError):
            got = None
        return got if isinstance(got, dict) else self._fail()

    def _fail(self) -> dict[str, Any]:
        """A damaged cache file: every answer comes from tables built afresh, never half from each."""
        self._data, self._offsets = dict(self._failed()) if self._failed is not None else {}, None
        return self._data

    def whole(self) -> dict[str, Any]:
        """Every key and value (for tests and for writing the cache)."""
        if self._offsets is None:
            return dict(self._data)
        out: dict[str, Any] = {}
        for number in range(self._buckets):
            for key in self._read(number):
                out[key] = self.get(key)
                if self._offsets is None:
                    return dict(self._data)
        return out

    @staticmethod
    def pack(data: dict[str, Any]) -> tuple[bytes, bytes, bytes]:
        """The bit array, the array of offsets and the records of ``data`` (about two keys a bucket)."""
        bits = bytearray(2 * len(data) + 1)
        buckets: list[dict[str, Any]] = [{} for _ in range(len(data) // 2 + 1)]
        for key, value in data.items():
            h = crc32(key.encode("utf-8"))
            bit = h % (8 * len(bits))
            bits[bit >> 3] |= 1 << (bit & 7)
            buckets[h % len(buckets)][key] = value
        offsets, records = array("I"), bytearray()
        for bucket in buckets:
            offsets.append(len(records))
            if bucket:
                records += marshal.dumps(bucket)
        offsets.append(len(records))
        return bytes(bits), offsets.tobytes(), bytes(records)


class Lexicon:
    """The tables. ``two`` and ``starts`` map a character to a string of the characters after it in a
    word of two characters, and at the head of a word of three or more (``mids``: second and third);
    ``phrase_heads`` and ``phrase_tails`` do so for the idioms and phrases of four characters. The rest
    is looked up one key at a time (see ``_Table``)."""

    __slots__ = ("_asked", "_chars", "_codes", "_dropped_seen", "_flagged", "_heads2", "_long", "_masked", "_memos",
                 "_pairs", "_phrasal", "_seen", "_words", "dropped", "dropped_heads", "mids", "pairs_file",
                 "phrase_heads", "phrase_tails", "short_chars", "short_phrasal", "starts", "two")

    def __init__(self, two: dict[str, str], starts: dict[str, str], mids: dict[str, str], dropped_heads: frozenset[str],
                 short_phrasal: frozenset[str], phrase_heads: dict[str, str], phrase_tails: dict[str, str],
                 chars: _Table, dropped: _Table, long: _Table, masked: _Table, phrasal: _Table) -> None:
        self.two, self.starts = two, starts
        self.mids = mids  # as ``two``: the second and third characters of the words of three or more characters
        # the first three characters of a fixed phrase with one character missing → what is left of such phrases
        # (see ``dropped_from``)
        self.dropped = dropped
        self.dropped_heads = dropped_heads  # its keys
        self._dropped_seen: dict[str, tuple[Dropped, ...]] = {}
        self._chars = chars  # character → (its frequency as a word, the characters after it in some word,
        #                      its shape signatures, its toneless readings)
        self._seen: dict[str, tuple[int, str, frozenset[str], frozenset[str]]] = {}
        self._long = long  # the words of 3 or more characters → True
        self._masked = masked  # a target word with one character masked ("?于") → the targets
        self._phrasal = phrasal  # the same for the targets that are idioms or phrases, a small part
        self.short_phrasal = short_phrasal  # its keys of 2–3 characters
        self.short_chars = frozenset("".join(short_phrasal)).difference("?")  # the characters of those keys
        # the first two and the last two characters of the idioms and phrases of four characters offered as
        # corrections, as ``two`` (a key of four characters with its first or last two left whole and not among
        # these has no ``targets(key, True)``)
        self.phrase_heads, self.phrase_tails = phrase_heads, phrase_tails
        self._asked: tuple[dict[str, tuple[Target, ...]], dict[str, tuple[Target, ...]]] = ({}, {})  # keys asked
        self._words: dict[str, bool] = {}  # longer words asked: a report repeats its phrases
        self._heads2: tuple[frozenset[str], frozenset[str]] | None = None  # see ``_pairs_of_heads``
        self._codes: tuple[list[Any], dict[int, int], Any] | None = None  # tables of pair codes (``_pair_table``)
        self._flagged = 0  # characters flagged so far, one pair at a time
        self._pairs: dict[int, int] = {}  # the flags of the pairs met so far (see ``_one_by_one``)
        self._memos: dict[str, dict[Any, Any]] = {}
        # where ``_pair_table`` keeps its tables, and the CRC-32 of the head of the cache file (the small tables
        # they are built from): set by ``lexicon()``; None builds them in memory
        self.pairs_file: tuple[Path, int] | None = None

    def word(self, text: str) -> bool:
        """Whether ``text`` is a word of 2 or more characters of the dictionary (frequent enough)."""
        n = len(text)
        if n == 2:
            return text[1] in self.two.get(text[0], "")
        if n < 3:
            return False
        got = self._words.get(text)
        if got is None:
            if len(self._words) > _ASKED_MAX:
                self._words.clear()
            got = self._words[text] = self._long.get(text) is True
        return got

    def dropped_from(self, head: str) -> tuple[Dropped, ...]:
        """The fixed phrases with one character missing whose text left begins with ``head`` (three characters),
        longest first, and of one length the one missing a character inside before the one missing its last."""
        got = self._dropped_seen.get(head)
        if got is None:
            got = self._dropped_seen[head] = self.dropped.get(head, ())
        return got

    def dropped_phrase(self, key: str) -> str | None:
        """The fixed phrase that ``key`` is with one character missing (a key ending in "$": its last character,
        missing before a punctuation mark); None when it is none."""
        at_end = key.endswith("$")
        left = key[:-1] if at_end else key
        return next((phrase for text, last, phrase in self.dropped_from(left[:3]) if text == left and last == at_end),
                    None)

    def pair_flags(self, text: str, units: bytes | None = None) -> bytes:
        """One byte for each pair of neighbouring characters of ``text`` (``len(text) - 1`` bytes, none for a
        text shorter than two): ``WORD | NOT_HAN | HEAD | LONGER | TAIL`` as they apply. Large texts are flagged by
        numpy over the pairs' codes (``_by_codes``); the first characters a process sees, and a text with
        characters outside the BMP, one pair at a time (``_one_by_one``), and so is a short text (``_SHORT_TEXT``):
        the same bytes either way. ``units``: ``text`` in UTF-16-LE (``surrogatepass``), when the caller has it."""
        if len(text) <= _SHORT_TEXT or (self._codes is None
                                        and max(self._flagged + len(text), _expected) < _BY_CODES_AFTER):
            self._flagged += len(text)
            return self._one_by_one(text, units)
        got = self._by_codes(text, units)
        return self._one_by_one(text, units) if got is None else got

    def _pairs_of_heads(self) -> tuple[frozenset[str], frozenset[str]]:
        """The first two and the last two characters of ``dropped_heads``."""
        if self._heads2 is None:
            self._heads2 = (frozenset(h[:2] for h in self.dropped_heads), frozenset(h[1:3] for h in self.dropped_heads))
        return self._heads2

    def _one_by_one(self, text: str, units: bytes | None = None) -> bytes:
        """``pair_flags`` from the flags of the pairs met before (``_pairs``), each pair read as the number of its
        two UTF-16 code units (``array("I")`` in this machine's byte order): the pairs at even places, then those at
        odd places, by ``map`` in C; when some were not met before, they are worked out together (``_flags_of``) and
        the text mapped again. About 0.05–0.1 µs a character; a text with characters outside the BMP, pair by pair
        (0.3 µs)."""
        n = len(text)
        if units is None:
            units = text.encode("utf-16-le", "surrogatepass")
        if len(units) != 2 * n:
            return self._flags_of(map(add, text, text[1:]))
        even = memoryview(units[:n // 2 * 4]).cast("I")
        odd = memoryview(units[2:2 + (n - 1) // 2 * 4]).cast("I")
        known = self._pairs
        get, out = known.__getitem__, bytearray(max(0, n - 1))
        try:
            out[0::2], out[1::2] = bytes(map(get, even)), bytes(map(get, odd))
        except KeyError:  # pairs not met before: work them all out, then again
            if len(known) > _ASKED_MAX:
                known.clear()
            new = list(set(even).union(odd).difference(known))
            chars = array("I", new).tobytes().decode("utf-16-le", "surrogatepass")
            known.update(zip(new, self._flags_of(map(add, chars[0::2], chars[1::2])), strict=True))
            out[0::2], out[1::2] = bytes(map(get, even)), bytes(map(get, odd))
        return bytes(out)

    def _flags_of(self, pairs: Iterable[str]) -> bytes:
        """The flags of each pair of characters, from the tables."""
        two, starts, (heads, tails) = self.two, self.starts, self._pairs_of_heads()
        return bytes([(b in two.get(a, "")) | (0 if "\u4e00" <= a <= "\u9fff" else NOT_HAN)
                      | (HEAD if pair in heads else 0) | (LONGER if b in starts.get(a, "") else 0)
                      | (TAIL if pair in tails else 0)
                      for pair in pairs for a, b in ((pair[0], pair[1]),)])

    def _pair_table(self) -> tuple[list[Any], dict[int, int], Any]:
        """``_pair_table`` of these tables, once (numpy is imported here, not by a check of a short text): read from
        ``pairs_file`` when it holds them, else built and written there (a folder that cannot be written to is left
        as it is)."""
        if self._codes is None:
            got = _read_pairs(*self.pairs_file) if self.pairs_file is not None else None
            if got is None:
                got = _pair_table(self.two, self.starts, *self._pairs_of_heads())
                if self.pairs_file is not None:
                    from .store import write_entry

                    path, key = self.pairs_file
                    with suppress(ValueError):
                        write_entry(path, _PAIRS_KIND, _pack_pairs(got[0], got[1], key))
            self._codes = got
        return self._codes

    def _by_codes(self, text: str, units: bytes | None = None) -> bytes | None:
        """``pair_flags`` by numpy: the text as UTF-16 code units, each pair of neighbouring units read in place as
        one unsigned int (the first character's code in the low 16 bits), looked up in the hash tables of the pairs
        that have flags (``_pair_table``) by whole-array steps: all in the first, the few whose slot there holds
        another pair and is shared in the second, the very few shared there too in a dict. None for a text with a
        character outside the BMP (two units for one character).

        One uint32 a slot, in a table of 2 MB: reports are flagged between other work, which pushes the table out
        of the processor's caches, so that each pair of a report costs a read from memory; two tables (keys and
        flags) of 5 MB cost twice as many, in more pages (about 40% more time on reports of 6,000 characters)."""
        n = len(text)
        if n < 2:
            return b""
        units = text.encode("utf-16-le", "surrogatepass") if units is None else units
        if len(units) != 2 * n:
            return None
        import numpy as np

        tables, rest, not_han = self._pair_table()
        pair = np.ndarray((n - 1,), dtype="<u4", buffer=units, strides=(2,))  # units k and k + 1, unaligned
        # each step writes into an array made before it where it can: in a batch the arrays of the last report
        # have left the caches, and a fresh array costs more to write than the step's own work
        flags, shared = self._look_up(pair, tables[0], *_LEVELS[0])
        more = np.flatnonzero(shared)
        if more.size:
            found, shared = self._look_up(pair[more], tables[1], *_LEVELS[1])
            last = np.flatnonzero(shared)
            flags[more] = found
            if last.size:
                flags[more[last]] = [rest.get(p, 0) for p in pair[more[last]].tolist()]
        flags |= not_han.take(np.frombuffer(units, dtype=np.uint16)[:-1])
        return flags.tobytes()  # type: ignore[no-any-return]

    @staticmethod
    def _look_up(pair: Any, table: Any, bits: int, mult: int) -> tuple[Any, Any]:
        """The flags of each pair code in one table of ``_pair_table`` (0 where the slot is another pair's), and
        where the slot is another pair's and shared (the pair may be in the next table), by numpy."""
        import numpy as np

        h = np.multiply(pair, np.uint32(mult))
        x = np.right_shift(h, np.uint32(32 - bits))
        np.take(table, x, out=x)
        h <<= np.uint32(_TAG_SHIFT)
        x ^= h  # below 2^_TAG_SHIFT where the slot holds this pair: then its flags
        flags = x.astype(np.uint8)
        hit = np.less(x, np.uint32(1 << _TAG_SHIFT))
        shared = np.greater_equal(flags, np.uint8(_SHARED))
        np.greater(shared, hit, out=shared)  # shared and not hit
        np.multiply(flags, hit, out=flags)
        flags &= np.uint8(~_SHARED & 0xFF)
        return flags, shared

    def memo(self, name: str) -> dict[Any, Any]:
        """A table of answers that depend on these tables alone, kept as long as they are (callers bound it)."""
        got = self._memos.get(name)
        if got is None:
            got = self._memos[name] = {}
        return got

    def targets(self, key: str, phrases_only: bool = False) -> tuple[Target, ...]:
        """The words that fit ``key`` (a word with one character masked as "?"), in dictionary order;
        only the idioms and phrases among them if ``phrases_only``."""
        asked = self._asked[phrases_only]
        got = asked.get(key)
        if got is None:
            if len(asked) > _ASKED_MAX:
                asked.clear()
            got = asked[key] = self._targets(key, phrases_only)
        return got

    def _targets(self, key: str, phrases_only: bool) -> tuple[Target, ...]:
        if len(key) > 2 and key[0] != "?" != key[1] and key[1] not in self.starts.get(key[0], ""):
            return ()  # no word of three or more characters begins with these two
        if phrases_only:
            if len(key) <= 3 and key not in self.short_phrasal:
                return ()
            return self._phrasal.get(key, ())  # type: ignore[no-any-return]
        return self._masked.get(key, ())  # type: ignore[no-any-return]

    def _char(self, ch: str) -> tuple[int, str, frozenset[str], frozenset[str]]:
        got = self._seen.get(ch)
        if got is None:
            single, follow, shape, sound = self._chars.get(ch, _NO_CHAR)
            got = self._seen[ch] = (single, follow, frozenset(shape.split()), frozenset(sound.split()))
        return got

    def single(self, ch: str) -> int:
        """How frequent the character is as a word of its own (0 when it never is)."""
        return self._char(ch)[0]

    def paired(self, pair: str) -> bool:
        """Whether these two characters stand side by side in some dictionary word."""
        return len(pair) == 2 and pair[1] in self._char(pair[0])[1]

    def similar(self, a: str, b: str) -> str | None:
        """"形近", "音近" or None."""
        ia, ib = self._char(a), self._char(b)
        if not ia[2].isdisjoint(ib[2]):
            return "形近"
        if not ia[3].isdisjoint(ib[3]):
            return "音近"
        return None


_NO_CHAR = (0, "", "", "")


def expect(chars: int) -> None:
    """Say that this process will check about ``chars`` characters in all (a batch knows the size of its files):
    when that is enough for numpy's hash table of pair codes to pay for itself, ``pair_flags`` uses it from the
    first text on instead of after ``_BY_CODES_AFTER`` characters flagged one pair at a time. A wrong guess costs
    time only: the flags are the same bytes either way."""
    global _expected
    _expected = max(_expected, chars)


def _codes_of(firsts: Any, seconds: str) -> Any:
    """The pairs of the code points ``firsts[k]`` (a numpy array) and the characters ``seconds[k]`` as codes (see
    ``Lexicon._by_codes``), those outside the BMP left out."""
    import numpy as np

    b = np.frombuffer(seconds.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    keep = (firsts <= 0xFFFF) & (b <= 0xFFFF)
    return firsts[keep] | b[keep] << np.uint32(16)


def _pair_table(two: dict[str, str], starts: dict[str, str], heads: frozenset[str],
                tails: frozenset[str]) -> tuple[list[Any], dict[int, int], Any]:
    """The hash tables of the pairs with flags, without probing (see ``_LEVELS``): the first holds the first pair
    of each slot, the second the first of each of its slots among the others; the rest (a few thousand) in a dict,
    code → flags (about 20 ms: numpy steps over all the pairs at once); and a table of the 65,536 characters of the BMP
    giving ``NOT_HAN`` for those outside U+4E00–U+9FFF."""
    import numpy as np

    groups = []
    for flag, table in ((WORD, two), (LONGER, starts)):
        table = {a: rest for a, rest in table.items() if len(a) == 1}
        firsts = np.frombuffer("".join(table).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        lengths = np.fromiter(map(len, table.values()), dtype=np.intp, count=len(table))
        codes = _codes_of(np.repeat(firsts, lengths), "".join(table.values()))
        groups.append((codes, np.full(codes.size, flag, dtype=np.uint8)))
    for flag, pairs in ((HEAD, heads), (TAIL, tails)):
        two_chars = [p for p in pairs if len(p) == 2]
        firsts = np.frombuffer("".join(p[0] for p in two_chars).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        codes = _codes_of(firsts, "".join(p[1] for p in two_chars))
        groups.append((codes, np.full(codes.size, flag, dtype=np.uint8)))
    every = np.concatenate([codes for codes, _ in groups])
    codes, which = np.unique(every, return_inverse=True)  # each pair once, its flags ORed over the groups
    flags = np.zeros(codes.size, dtype=np.uint8)
    np.bitwise_or.at(flags, which.ravel(), np.concatenate([f for _, f in groups]))
    tables = []
    for bits, mult in _LEVELS:
        level, codes, flags = _hash_level(codes, flags, bits, mult)
        tables.append(level)
    return tables, dict(zip(codes.tolist(), flags.tolist(), strict=True)), _not_han()


def _not_han() -> Any:
    """The table of the 65,536 characters of the BMP giving ``NOT_HAN`` for those outside U+4E00–U+9FFF."""
    import numpy as np

    not_han = np.full(1 << 16, NOT_HAN, dtype=np.uint8)
    not_han[0x4E00:0xA000] = 0
    return not_han


def _pairs_head(key: int) -> bytes:
    """What a ``.pairs`` file begins with: the magic, ``key`` (the CRC-32 of the head of the cache file whose small
    tables the hash tables were built from) and ``_LEVELS``, 4 bytes each, so the tables after it are aligned."""
    head = _PAIRS_MAGIC + bytes(-len(_PAIRS_MAGIC) % 4) + key.to_bytes(4, "big")
    return head + b"".join(bits.to_bytes(4, "big") + mult.to_bytes(4, "big") for bits, mult in _LEVELS)


def _pack_pairs(tables: list[Any], rest: dict[int, int], key: int) -> bytes:
    """What the ``.pairs`` file holds (in the cache's sealed envelope: ``store.write_entry``): ``_pairs_head``,
    the length of ``rest``'s record, the hash tables' slots and ``rest`` as ``marshal``."""
    import numpy as np

    record = marshal.dumps(rest)
    out = bytearray(_pairs_head(key) + len(record).to_bytes(4, "big"))
    for table, (bits, _) in zip(tables, _LEVELS, strict=True):
        if table.dtype != np.uint32 or table.shape != (1 << bits,):
            raise ValueError("a hash table of pair codes of the wrong shape")
        out += table.tobytes()
    return bytes(out + record)


def _read_pairs(path: Path, key: int) -> tuple[list[Any], dict[int, int], Any] | None:
    """The tables of ``_pair_table`` from a ``.pairs`` file written by ``_pack_pairs`` for ``key`` (the hash tables
    left in the bytes read, read-only); None when it is not exactly that (``store.read_entry``: missing, not a
    regular file of this user's, its seal broken)."""
    import numpy as np

    from .store import read_entry

    data = read_entry(path, _PAIRS_KIND)
    head = _pairs_head(key)
    slots = sum(1 << bits for bits, _ in _LEVELS)
    start = len(head) + 4
    if data is None or not start + 4 * slots <= len(data) <= start + 4 * slots + _PAIRS_REST_MAX:
        return None
    if data[:len(head)] != head or start + 4 * slots + int.from_bytes(data[len(head):start], "big") != len(data):
        return None
    try:
        rest = marshal.loads(memoryview(data)[start + 4 * slots:])
    except (ValueError, EOFError, TypeError):
        return None
    if type(rest) is not dict or not all(type(k) is int and 0 <= k <= 0xFFFFFFFF and type(v) is int
                                         and 0 <= v < _SHARED for k, v in rest.items()):
        return None
    tables, at = [], start
    for bits, _ in _LEVELS:
        tables.append(np.frombuffer(data, dtype=np.uint32, count=1 << bits, offset=at))
        at += 4 << bits
    return tables, rest, _not_han()


def _hash_level(codes: Any, flags: Any, bits: int, mult: int) -> tuple[Any, Any, Any]:
    """A table of 2^``bits`` slots of ``_by_codes`` holding the first of ``codes`` (with its ``flags``) whose slot
    each is, ``_SHARED`` set where others have it too; and those others, with their flags."""
    import numpy as np

    if not _TAG_SHIFT <= bits <= 32:
        raise ValueError(f"a table of pair codes of 2^{bits} slots")
    h = codes.astype(np.uint32) * np.uint32(mult)
    slot = h >> np.uint32(32 - bits)
    _, first = np.unique(slot, return_index=True)  # the first pair of each slot stays there
    table = np.zeros(1 << bits, dtype=np.uint32)
    table[slot[first]] = (h[first] << np.uint32(_TAG_SHIFT)) | flags[first]
    rest = np.ones(codes.size, dtype=bool)
    rest[first] = False
    table[slot[rest]] |= np.uint32(_SHARED)
    return table, codes[rest], flags[rest]


def _is_char(value: object) -> bool:
    return (isinstance(value, tuple) and len(value) == 4 and isinstance(value[0], int)
            and all(isinstance(x, str) for x in value[1:]))


def _dict_dir() -> Path:
    from .rulebook import builtin_rules_dir

    return builtin_rules_dir() / "dict"


def _jieba_dict() -> Path | None:
    spec = find_spec("jieba")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).with_name("dict.txt")
    return path if path.is_file() else None


def _read_phrases(path: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    with suppress(OSError, UnicodeDecodeError):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if not parts or line.startswith("#"):
                continue
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdecimal() else PHRASE_FREQ
            out[parts[0]] = freq
    return out


def _build(jieba_dict: Path | None, dict_dir: Path) -> Lexicon:
    """The tables, built from the dictionary and the rule data (about a second)."""
    freq: dict[str, int] = {}
    single: dict[str, int] = {}
    idioms: set[str] = set()
    bigrams: set[str] = set()
    lines: list[str] = []
    if jieba_dict is not None:
        with suppress(OSError, UnicodeDecodeError):
            lines = jieba_dict.read_text(encoding="utf-8").splitlines()
    for line in lines:
        parts = line.split()
        if len(parts) < 2 or not parts[1].isdecimal():
            continue
        word, f = parts[0], int(parts[1])
        tag = parts[2] if len(parts) > 2 else ""
        for k in range(len(word) - 1):
            bigrams.add(word[k:k + 2])
        if len(word) == 1:
            single[word] = f
        elif f >= COVER_MIN or tag in IDIOM_TAGS:
            freq[word] = f
            if tag in IDIOM_TAGS and len(word) >= 4:
                idioms.add(word)
    curated = _read_phrases(dict_dir / "gongwen.txt")
    for word, f in _read_phrases(dict_dir / "gov.txt").items():
        curated.setdefault(word, f)
    for word, f in curated.items():
        freq[word] = max(freq.get(word, 0), f)
        bigrams.update(word[k:k + 2] for k in range(len(word) - 1))
    for word in _read_phrases(dict_dir / "known.txt"):  # words of the genre jieba lacks: they cover their
        if len(word) >= 2 and word not in freq:          # characters, and are too rare to be offered as corrections
            freq[word] = COVER_MIN
            bigrams.update(word[k:k + 2] for k in range(len(word) - 1))
    phrases = idioms | set(curated)
    masked: dict[str, list[Target]] = {}
    for word, f in freq.items():
        n = len(word)
        if word in curated or (n in TARGET_MIN and f >= TARGET_MIN[n]) or (word in idioms and f >= TARGET_MIN[4]):
            if n > 6:
                continue
            target = (word, f, word in phrases)
            for i in range(n):
                masked.setdefault(word[:i] + "?" + word[i + 1:], []).append(target)
    # a phrase of 5 or more characters with one missing: 扶再贷款 (扶贫再贷款), 准化建设 (标准化建设). Its
    # last character only counts before a punctuation mark (受理渠。): 公务用 goes on as 公务用房. Shorter
    # phrases are left out: 行有效, 与不同, 化改革 are the ordinary text of 进行有效, 与不同部门, 市场化改革.
    dropped: dict[str, str] = {}
    for word in sorted(set(curated) | idioms):
        if len(word) >= 4 and (word in curated or freq[word] >= 30):
            dropped.setdefault(word[:-1] + "$", word)
            if len(word) >= 5:
                for i in range(len(word) - 1):
                    dropped.setdefault(word[:i] + word[i + 1:], word)
    dropped = {k: v for k, v in dropped.items() if k.rstrip("$") not in freq}
    import json  # here: only a build reads the JSON file

    table: dict[str, dict[str, str]] = {}
    with suppress(OSError, UnicodeDecodeError, ValueError):
        loaded = json.loads((dict_dir / "charsim.json").read_text(encoding="utf-8"))
        if isinstance(loaded, dict):
            table = {k: v for k, v in loaded.items() if isinstance(v, dict)}
    shape, sound, follow = dict(table.get("shape", {})), dict(table.get("sound", {})), _follow(bigrams)
    chars = {ch: (single.get(ch, 0), follow.get(ch, ""), _text(shape.get(ch)), _text(sound.get(ch)))
             for ch in sorted(set(single) | set(follow) | set(shape) | set(sound))}
    phrasal = {k: tuple(t for t in v if t[2]) for k, v in masked.items() if any(t[2] for t in v)}
    four = {t[0] for v in phrasal.values() for t in v if len(t[0]) == 4}
    return Lexicon(
        two=_follow({w for w in freq if len(w) == 2}),
        starts=_follow({w[:2] for w in freq if len(w) >= 3}),
        mids=_follow({w[1:3] for w in freq if len(w) >= 3}),
        dropped_heads=frozenset(w[:3] for w in dropped),
        short_phrasal=frozenset(k for k in phrasal if len(k) <= 3),
        phrase_heads=_follow({w[:2] for w in four}),
        phrase_tails=_follow({w[2:] for w in four}),
        chars=_Table(chars),
        dropped=_Table(_by_head(dropped)),
        long=_Table({w: True for w in freq if len(w) > 2}),
        masked=_Table({k: tuple(v) for k, v in masked.items()}),
        phrasal=_Table(phrasal),
    )


def _by_head(dropped: dict[str, str]) -> dict[str, tuple[Dropped, ...]]:
    """The phrases with a character missing (key → phrase, "$" ending a key whose phrase lost its last character)
    grouped by the first three characters left, in the order ``Lexicon.dropped_from`` gives: a place of a text asks
    for its own three characters once, instead of once for each length of piece that begins there."""
    grouped: dict[str, list[Dropped]] = {}
    for key, phrase in dropped.items():
        at_end = key.endswith("$")
        left = key[:-1] if at_end else key
        grouped.setdefault(left[:3], []).append((left, at_end, phrase))
    return {head: tuple(sorted(found, key=lambda d: (-len(d[0]), d[1]))) for head, found in grouped.items()}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _follow(bigrams: set[str]) -> dict[str, str]:
    """The pairs as one string of following characters per character: thousands of strings
    load from the cache in a few milliseconds, a set of 300,000 pairs in a tenth of a second."""
    grouped: dict[str, set[str]] = {}
    for pair in bigrams:
        grouped.setdefault(pair[0], set()).add(pair[1])
    return {first: "".join(sorted(rest)) for first, rest in grouped.items()}


def _stamp(jieba_dict: Path | None, dict_dir: Path) -> str:
    """The sizes and modification times of the files the tables are built from (reading and
    hashing the 230 kB of charsim.json cost 1.5 ms of every check that proofreads)."""
    from .store import sha256

    h = sha256(f"{FORMAT}".encode())
    for path in (jieba_dict, dict_dir / "gongwen.txt", dict_dir / "gov.txt", dict_dir / "known.txt",
                 dict_dir / "charsim.json"):
        if path is None:
            h.update(b"-|")
            continue
        try:
            st = path.stat()
        except OSError:
            h.update(b"?|")  # a missing file is a state of its own: the tables built without it
            continue
        h.update(f"{st.st_size}-{st.st_mtime_ns}|".encode())
    return str(h.hexdigest()[:16])


def _is_targets(value: object) -> bool:
    return isinstance(value, tuple) and all(
        isinstance(t, tuple) and len(t) == 3 and isinstance(t[0], str) and isinstance(t[1], int) for t in value)


def _is_dropped(value: object) -> bool:
    return isinstance(value, tuple) and all(
        isinstance(d, tuple) and len(d) == 3 and isinstance(d[0], str) and isinstance(d[1], bool)
        and isinstance(d[2], str) for d in value)


_TABLES = ("_chars", "dropped", "_long", "_masked", "_phrasal")


_SEP = "\x00"  # between the strings of a table of the head (no word holds it: ``_packed_strings`` checks)


def _packed_strings(strings: Iterable[str]) -> bytes:
    """Strings as one UTF-16 text, separated by ``_SEP``: read back by one decode and one split, in C. The
    head's 16,000 strings cost twice as much as ``marshal``'s strings (a UTF-8 decode each)."""
    strings = list(strings)
    if any(_SEP in x for x in strings):
        raise ValueError("a string of the lexicon holds the separator")
    return _SEP.join(strings).encode("utf-16-le", "surrogatepass")


def _unpacked_strings(data: object) -> list[str] | None:
    if type(data) is not bytes:
        return None
    try:
        text = data.decode("utf-16-le", "surrogatepass")
    except UnicodeDecodeError:
        return None
    return text.split(_SEP) if text else []


def _pack(lex: Lexicon) -> bytes:
    """The cache file: magic, the length of the head, the head (the small tables, their strings packed by
    ``_packed_strings``, and the sizes of the parts after it), padding to four bytes, then the parts of the
    hash tables (the offsets first)."""
    packed = [_Table.pack(getattr(lex, name).whole()) for name in _TABLES]
    parts = [p[1] for p in packed] + [p[0] for p in packed] + [p[2] for p in packed]  # the arrays first, aligned
    tables = [_packed_strings(x) for x in (lex.two, lex.two.values(), lex.starts, lex.starts.values(), lex.mids,
                                           lex.mids.values(), sorted(lex.dropped_heads), lex.phrase_heads,
                                           lex.phrase_heads.values(), lex.phrase_tails, lex.phrase_tails.values())]
    head = marshal.dumps((*tables, lex.short_phrasal, tuple(len(p) for p in parts)))
    out = bytearray(_MAGIC + len(head).to_bytes(_HEAD_LEN, "big") + head)
    out += bytes(-len(out) % 4)
    for part in parts:
        out += part
    return bytes(out)


def _small_tables(head: object) -> list[Any] | None:
    """``two``, ``starts``, ``mids``, ``dropped_heads``, ``short_phrasal``, ``phrase_heads``, ``phrase_tails`` and the
    sizes of the parts, from the head ``_pack`` writes; None when it is not that."""
    k = len(_TABLES)
    if not (isinstance(head, tuple) and len(head) == 13 and isinstance(head[11], frozenset)
            and all(type(x) is str for x in head[11]) and isinstance(head[12], tuple) and len(head[12]) == 3 * k
            and all(isinstance(n, int) and n > 0 for n in head[12]) and all(n % 4 == 0 for n in head[12][:k])):
        return None
    strings = [_unpacked_strings(x) for x in head[:11]]
    heads = strings[6]
    # ``two``, ``starts``, ``mids``, ``phrase_heads`` and ``phrase_tails``: each its keys, then its values
    follows = [_zipped(strings[j], strings[j + 1]) for j in (0, 2, 4, 7, 9)]
    if heads is None or any(x is None for x in follows):
        return None
    two, starts, mids, phrase_heads, phrase_tails = follows
    return [two, starts, mids, frozenset(heads), head[11], phrase_heads, phrase_tails, head[12]]


def _zipped(keys: list[str] | None, values: list[str] | None) -> dict[str, str] | None:
    """The table of these keys and values; None when either is missing or they are not as many."""
    if keys is None or values is None or len(keys) != len(values):
        return None
    return dict(zip(keys, values, strict=True))


class _FilePart:
    """Records of an open file, read on demand with ``os.pread``. Not a memory map: a cache file cut
    short under a running process then gives a short read (a damaged record), never a crash."""

    __slots__ = ("_file", "_size", "_start")

    def __init__(self, file: BinaryIO, start: int, size: int) -> None:
        self._file, self._start, self._size = file, start, size

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, part: slice) -> bytes:
        return os.pread(self._file.fileno(), part.stop - part.start, self._start + part.start)


def _head_key(data: bytes) -> int:
    """The CRC-32 of the head of a cache file ``_pack`` wrote (the key of its ``.pairs`` file)."""
    start = len(_MAGIC) + _HEAD_LEN
    return crc32(data[start:start + int.from_bytes(data[len(_MAGIC):start], "big")])


def _read(f: BinaryIO) -> tuple[list[Any], list[Any], bool, int] | None:
    """The small tables, the parts of the hash tables, whether the file must stay open for them and the CRC-32 of
    the head (see ``_head_key``)."""
    start = len(_MAGIC) + _HEAD_LEN
    first = f.read(start)
    if len(first) < start or first[:len(_MAGIC)] != _MAGIC:
        return None
    size = int.from_bytes(first[len(_MAGIC):], "big")
    head = f.read(size)
    tables = _small_tables(marshal.loads(head))
    if tables is None:
        return None
    *small, sizes = tables
    k = len(_TABLES)
    f.read(-(start + size) % 4)
    arrays = f.read(sum(sizes[:2 * k]))  # the offsets and the bits
    at = f.tell()
    if len(arrays) != sum(sizes[:2 * k]) or at + sum(sizes[2 * k:]) != os.fstat(f.fileno()).st_size:
        return None
    view = memoryview(arrays)
    parts: list[Any] = []
    for n in sizes[:2 * k]:
        parts.append(view[:n])
        view = view[n:]
    if hasattr(os, "pread"):
        for n in sizes[2 * k:]:
            parts.append(_FilePart(f, at, n))
            at += n
        return small, parts, True, crc32(head)
    view = memoryview(f.read())  # no positioned reads here: the records are read at once
    for n in sizes[2 * k:]:
        parts.append(view[:n])
        view = view[n:]
    return small, parts, False, crc32(head)


def _open(path: Path, rebuild: Callable[[], Lexicon]) -> Lexicon | None:
    """The tables of a cache file: the head and the arrays read now, the records when asked for;
    None when it is not such a file."""
    got = None
    f = path.open("rb")
    try:
        got = _read(f)
    finally:
        if got is None or not got[2]:
            f.close()
    if got is None:
        return None
    small, parts, _, key = got
    k = len(_TABLES)
    valid: dict[str, Callable[[object], bool]] = {
        "_chars": _is_char, "dropped": _is_dropped, "_long": lambda v: v is True,
        "_masked": _is_targets, "_phrasal": _is_targets}
    tables = [_Table({}, (parts[k + j], parts[j].cast("I"), parts[2 * k + j]), valid[name],
                     lambda name=name: getattr(rebuild(), name).whole())  # type: ignore[misc]
              for j, name in enumerate(_TABLES)]
    lex = Lexicon(*small, *tables)
    lex.pairs_file = path.with_suffix(".pairs"), key
    return lex


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The tables, built once and then read from the cache folder."""
    from .store import cache_dir, write_atomic

    jieba_dict, dict_dir = _jieba_dict(), _dict_dir()
    cache = cache_dir() / f"lexicon-{_stamp(jieba_dict, dict_dir)}.marshal"

    @lru_cache(maxsize=1)
    def rebuild() -> Lexicon:  # a record of the cache file is damaged: build afresh, drop the file
        with suppress(OSError):
            cache.unlink()
        return _build(jieba_dict, dict_dir)

    with suppress(OSError, ValueError, EOFError, TypeError):
        opened = _open(cache, rebuild)
        if opened is not None:
            return opened
    lex = _build(jieba_dict, dict_dir)
    with suppress(OSError):
        _prune(cache.parent, _KEPT_TABLES - 1)
    with suppress(OSError, ValueError):
        data = _pack(lex)
        lex.pairs_file = cache.with_suffix(".pairs"), _head_key(data)
        write_atomic(cache, data)
    return lex


_KEPT_TABLES = 3  # tables kept in one cache folder: several environments (a virtualenv, pre-commit's) share it


def _prune(folder: Path, keep: int) -> None:
    """Remove all but the ``keep`` most recently written tables (of an older jieba or rule data, or of
    another environment, whose jieba was installed at another time): removing every other one made
    two environments sharing the folder rebuild the tables, two seconds, at each alternation."""
    tables = sorted(folder.glob("lexicon-*.marshal"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in tables[keep:]:
        with suppress(OSError):
            old.unlink()
    kept = {p.with_suffix(".pairs") for p in tables[:keep]}
    for pairs in folder.glob("lexicon-*.pairs"):  # each goes with its cache file
        if pairs not in kept:
            with suppress(OSError):
                pairs.unlink()


def loaded() -> bool:
    """Whether the tables have been loaded in this process (for tests and benchmarks)."""
    return lexicon.cache_info().currsize > 0
