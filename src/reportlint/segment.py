"""Word segmentation with part-of-speech tags, behind one small interface and loaded lazily.

The words and tags are exactly those of ``jieba.posseg.cut(text, HMM=False)`` with the
government terms of ``rules/dict/gov.txt`` added the way ``jieba.add_word`` adds them (so
that formulas such as 三严三实 and 两个维护 stay single words and their numerals are not
taken for quantities). jieba's own start costs 0.4 s (it rebuilds a 15 MB dict per run) and
rjieba's 50 ms; here jieba's dictionary (dict.txt, 349k words) is kept as a marisa trie (a
succinct C++ trie, 1.3 MB) with one packed count-and-tag number per word, built once into
reportlint's cache folder, sealed, and loaded in about 5 ms (mostly the seal check). The segmentation is
jieba's algorithm in a few lines: blocks of Chinese/ASCII, a DAG of the dictionary words
starting at each character, the most probable route, runs of ASCII letters and digits
merged as ``eng``.
"""

from __future__ import annotations

import re
import struct
import sys
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache
from math import log
from pathlib import Path
from typing import Any

Tagger = Callable[[str], list[tuple[str, str]]]

FORMAT = 2  # of the cached lexicon (file name and payload); bump on any change
_KIND = "seglex"

# jieba.posseg's block patterns (jieba/posseg/__init__.py, 0.42.1), written as raw strings
_RE_HAN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._]+)")
_RE_SKIP = re.compile(r"(\r\n|\s)")
# characters of blocks (runs of Chinese/ASCII between punctuation) whose words a tagger keeps
# (~25 bytes each, the pairs being shared; 8 MB at most): the rules ask about some texts
# again (M103's repeat check, T101's windows); a 100-page report's texts fit many times over
_MEMO_CHARS = 300_000
_PAIRS = 200_000  # words whose weight and (word, tag) pair a tagger keeps
_MISSING = object()
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # posseg's re_eng1


class Lexicon:
    """jieba's dictionary as a trie: ``trie`` gives word ids; ``packed[id]`` holds the word's
    count shifted left by ``shift`` bits plus the index of its tag in ``tags`` (padded to
    ``1 << shift`` entries, so every packed number names a tag). A count too large for its
    field (all ones there) is found in ``big_counts`` at the place of the id in the sorted
    ``big_ids``. ``total`` is jieba's sum of counts, ``longest`` the longest word's length."""

    __slots__ = ("big_counts", "big_ids", "longest", "packed", "shift", "tags", "total", "trie")

    def __init__(self, trie: Any, packed: Any, shift: int, tags: tuple[str, ...], total: int, longest: int,
                 big_ids: Any, big_counts: Any) -> None:
        self.trie, self.packed, self.shift, self.tags, self.total, self.longest = (
            trie, packed, shift, tags, total, longest)
        self.big_ids, self.big_counts = big_ids, big_counts

    def count(self, key: int) -> int:
        count = self.packed[key] >> self.shift
        if count == (1 << (self.packed.itemsize * 8 - self.shift)) - 1:
            at = bisect_left(self.big_ids, key)
            if at == len(self.big_ids) or self.big_ids[at] != key:
                raise ValueError("reportlint's word lexicon is inconsistent")
            count = self.big_counts[at]
        return int(count)

    def tag(self, key: int) -> str:
        return self.tags[self.packed[key] & ((1 << self.shift) - 1)]


# --- building ---------------------------------------------------------------------------

def read_jieba_dict(data: bytes) -> tuple[dict[str, tuple[int, str]], int]:
    """Word → (count, tag) and the total of counts, read as jieba reads dict.txt: a line is
    ``word count tag``; a word listed twice keeps its last count and tag and both counts
    enter the total (``Tokenizer.gen_pfdict`` and ``POSTokenizer.load_word_tag``)."""
    words: dict[str, tuple[int, str]] = {}
    total = 0
    for raw in data.split(b"\n"):
        line = raw.strip().decode("utf-8")
        if not line:
            continue
        word, count, tag = line.split(" ")
        words[word] = (int(count), tag)
        total += int(count)
    return words, total


def user_words() -> list[tuple[str, int, str]]:
    """The government terms of ``rules/dict/gov.txt``: (word, count, tag)."""
    words = []
    for line in _gov_path().read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and not line.startswith("#"):
            words.append((parts[0], int(parts[1]), parts[2]))
    return words


def _gov_path() -> Path:
    from .rulebook import builtin_rules_dir

    return builtin_rules_dir() / "dict" / "gov.txt"


def build(words: dict[str, tuple[int, str]], total: int, extra: Iterable[tuple[str, int, str]]) -> Lexicon:
    """The lexicon of ``words`` with ``extra`` added as ``jieba.add_word(word, count, tag)``
    adds them: the count and tag replace the word's own and the total grows by the count."""
    import marisa_trie

    words = dict(words)
    for word, count, tag in extra:
        words[word] = (count, tag)
        total += count
    trie = marisa_trie.Trie(words)
    names = sorted({tag for _, tag in words.values()})
    shift = max(1, (len(names) - 1).bit_length())
    tags = tuple(names) + ("x",) * ((1 << shift) - len(names))
    index = {tag: i for i, tag in enumerate(names)}
    packed = array("H" if shift <= 8 else "I", bytes(len(trie) * (2 if shift <= 8 else 4)))
    full = (1 << (packed.itemsize * 8 - shift)) - 1  # most counts fit in the rest of 16 bits
    big_ids, big_counts = array("I"), array("Q")
    big = []
    for word, key in trie.iteritems():
        count, tag = words[word]
        if count >= full:
            big.append((key, count))
            count = full
        packed[key] = count << shift | index[tag]
    for key, count in sorted(big):
        big_ids.append(key)
        big_counts.append(count)  # OverflowError beyond 2**64: no such dictionary
    return Lexicon(trie, packed, shift, tags, total, max(map(len, words), default=1), big_ids, big_counts)


# The cached payload: a fixed header, then the tag names, the packed numbers, the ids and
# counts of large counts and marisa's own bytes, each part starting at a multiple of 8. Read
# back, the numbers and the trie are used in place (memoryview casts, ``Trie.map``): no copy
# of the 2 MB after the seal check.
_HEAD = struct.Struct("<8s4I5Q")  # magic, FORMAT, shift, longest, itemsize; total, byte lengths of the 4 parts
_MAGIC = b"SEGLEX" + (b"le" if sys.byteorder == "little" else b"be")  # the numbers are native


def _pad(n: int) -> int:
    return -n % 8


def encode(lex: Lexicon) -> bytes:
    parts = ["\n".join(lex.tags).encode("utf-8"), lex.packed.tobytes(), lex.big_ids.tobytes(),
             lex.big_counts.tobytes()]
    trie = lex.trie.tobytes()
    head = _HEAD.pack(_MAGIC, FORMAT, lex.shift, lex.longest, lex.packed.itemsize, lex.total,
                      *map(len, parts[:3]), len(trie))
    return b"".join([head, *(part + bytes(_pad(len(part))) for part in parts), trie])


_mapped: list[type] = []


def _trie_class() -> type:
    if not _mapped:
        import marisa_trie

        class MappedTrie(marisa_trie.Trie):  # type: ignore[misc]
            __slots__ = ("buffer",)

        _mapped.append(MappedTrie)
    return _mapped[0]


def decode(payload: bytes) -> Lexicon | None:
    """The lexicon in a cache payload whose seal has been checked, or None when any field is
    not what ``encode`` writes. The trie's bytes reach marisa only after the seal matched,
    and they are mapped where they are (the payload is an immutable ``bytes``)."""
    if type(payload) is not bytes or len(payload) < _HEAD.size:
        return None
    magic, fmt, shift, longest, itemsize, total, tags_len, packed_len, big_len, trie_len = _HEAD.unpack_from(payload)
    if not (magic == _MAGIC and fmt == FORMAT and 1 <= shift <= 16 and longest >= 1 and total > 0
            and itemsize in (2, 4) and shift < itemsize * 8 and packed_len % itemsize == 0 and big_len % 4 == 0
            and trie_len > 0):
        return None
    spans, at = [], _HEAD.size
    for length in (tags_len, packed_len, big_len, big_len * 2):
        spans.append((at, at + length))
        at += length + _pad(length)
        if any(payload[at - _pad(length):at]):
            return None  # padding is zeros
    if at + trie_len != len(payload):
        return None
    view = memoryview(payload)
    try:
        tags = tuple(str(view[slice(*spans[0])], "utf-8").split("\n"))
    except UnicodeDecodeError:
        return None
    packed = view[slice(*spans[1])].cast("H" if itemsize == 2 else "I")
    big_ids, big_counts = view[slice(*spans[2])].cast("I"), view[slice(*spans[3])].cast("Q")
    if len(tags) != 1 << shift or packed.itemsize != itemsize or big_ids.itemsize != 4 or big_counts.itemsize != 8:
        return None
    ids = big_ids.tolist()
    if ids != sorted(ids) or (ids and ids[-1] >= len(packed)):  # sorted: bisect finds them (O(n) when so)
        return None
    trie = _trie_class()()
    trie.buffer = view[at:]
    try:
        trie.map(trie.buffer)
    except Exception:  # marisa's own format check failed
        return None
    if len(trie) != len(packed):
        return None
    return Lexicon(trie, packed, shift, tags, total, longest, big_ids, big_counts)


def _jieba_dict() -> Path | None:
    """jieba's installed dict.txt, found without importing jieba (its import costs 0.1 s)."""
    from importlib.util import find_spec

    try:
        spec = find_spec("jieba")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).with_name("dict.txt")


def load() -> Lexicon:
    """The lexicon from reportlint's cache folder when a sealed, well-formed copy for this
    dict.txt and gov.txt is there; else built (0.9 s) and, when the folder may be used,
    written there."""
    from .store import cache_root, read_entry, sha256, write_entry

    dictionary = _jieba_dict()
    if dictionary is None:
        raise ImportError("reportlint needs jieba's dictionary: pip install jieba")
    gov = _gov_path().read_bytes()
    st = dictionary.stat()
    key = sha256(f"{dictionary}|{st.st_size}|{st.st_mtime_ns}|".encode() + gov).hexdigest()[:32]
    root = cache_root()
    cache = root / f"seglex-{FORMAT}-{key}.bin" if root is not None else None
    if cache is not None:
        payload = read_entry(cache, _KIND)
        lex = decode(payload) if payload is not None else None
        if lex is not None:
            return lex
    words, total = read_jieba_dict(dictionary.read_bytes())
    lex = build(words, total, user_words())
    if cache is not None:
        write_entry(cache, _KIND, encode(lex))
    return lex


# --- segmenting -------------------------------------------------------------------------

def make_tagger(lex: Lexicon) -> Tagger:
    """``jieba.posseg.cut(text, HMM=False)`` as (word, tag) pairs, on ``lex``."""
    prefixes = lex.trie.iter_prefixes_with_ids
    key_id = lex.trie.get
    count_of, tag_of, longest = lex.count, lex.tag, lex.longest
    logtotal = log(lex.total)
    single = log(1) - logtotal  # jieba's ``FREQ.get(char) or 1`` for a character no word starts with
    split_han, han, split_skip, skip = _RE_HAN.split, _RE_HAN.match, _RE_SKIP.split, _RE_SKIP.match
    alnum, missing, low = _ALNUM, _MISSING, -float("inf")
    # per word id: jieba's log(count) - log(total) (None for a count of 0) and the (word, tag)
    # pair; per block: its pairs (the rules ask about the same texts again). All bounded.
    weights: dict[int, float | None] = {}
    pairs: dict[int | str, tuple[str, str]] = {}
    memo: dict[str, list[tuple[str, str]]] = {}
    held = [0]  # characters of the blocks in memo

    def pair_of(word: str, key: int | None) -> tuple[str, str]:
        if key is None:  # a character no word of count > 0 starts with: its own tag, if listed
            found = pairs.get(word)
            if found is None:
                key = key_id(word)
                found = pairs[word] = (word, "x" if key is None else tag_of(key))
            return found
        found = pairs[key] = (word, tag_of(key))
        return found

    def cut_block(blk: str) -> list[tuple[str, str]]:
        # Tokenizer.get_DAG and Tokenizer.calc in one pass from the end: the words of count > 0
        # starting at each character (else the character alone), and
        # route[idx] = max((log(freq or 1) - logtotal + route[x + 1][0], x) for x in DAG[idx]).
        # marisa gives the prefixes shortest first, so x grows and ``>=`` is max's tie-breaking.
        n = len(blk)
        score = [0.0] * (n + 1)
        ends = [0] * n
        keys: list[int | None] = [None] * n
        for idx in range(n - 1, -1, -1):
            top_s, top_x, top_key = low, -1, None
            for word, key in prefixes(blk[idx:idx + longest]):
                weight = weights.get(key, missing)
                if weight is missing:
                    count = count_of(key)
                    weight = weights[key] = log(count) - logtotal if count else None
                if weight is not None:
                    x = idx + len(word)
                    s = weight + score[x]
                    if s >= top_s:
                        top_s, top_x, top_key = s, x, key
            if top_x < 0:
                score[idx], ends[idx] = single + score[idx + 1], idx + 1
            else:
                score[idx], ends[idx], keys[idx] = top_s, top_x, top_key
        # POSTokenizer.__cut_DAG_NO_HMM: single ASCII letters and digits run together as 'eng'
        out: list[tuple[str, str]] = []
        x, buf = 0, ""
        while x < n:
            y, key = ends[x], keys[x]
            if y - x == 1 and blk[x] in alnum:
                buf += blk[x]
            else:
                if buf:
                    out.append((buf, "eng"))
                    buf = ""
                out.append(pairs.get(key) or pair_of(blk[x:y], key) if key is not None else pair_of(blk[x], None))
            x = y
        if buf:
            out.append((buf, "eng"))
        held[0] += n
        if held[0] > _MEMO_CHARS:  # the older half goes: the rules pass over a document's texts in turn
            for old in list(memo)[:len(memo) // 2]:
                if memo.pop(old, None) is not None:
                    held[0] -= len(old)
        memo[blk] = out
        if len(pairs) > _PAIRS or len(weights) > _PAIRS:
            pairs.clear()
            weights.clear()
        return out

    def tag(text: str) -> list[tuple[str, str]]:
        # POSTokenizer.__cut_internal
        out: list[tuple[str, str]] = []
        for blk in split_han(text):
            if han(blk):
                out += memo.get(blk) or cut_block(blk)
                continue
            # jieba tags a character here 'm' when it is an ASCII digit or '.', 'eng' when its
            # run starts with an ASCII letter or digit: those characters are all in _RE_HAN's
            # blocks, so every whitespace run (\r\n or one \s) and every other character is 'x'
            for part in split_skip(blk):
                if skip(part):
                    out.append((part, "x"))
                else:
                    out.extend((ch, "x") for ch in part)
        return out

    return tag


@lru_cache(maxsize=1)
def tagger() -> Tagger:
    """The part-of-speech tagger, loaded on first use only."""
    return make_tagger(load())


def loaded() -> bool:
    """Whether the segmenter has been loaded in this process (for tests and benchmarks)."""
    return tagger.cache_info().currsize > 0
