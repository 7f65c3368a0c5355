"""Winnowed character k-gram fingerprints, vectorised with numpy.

Winnowing (Schleimer, Wilkerson and Aiken 2003, the scheme of MOSS): every k-gram of the
normalised text is hashed and the rightmost minimum hash of every window of ``W`` hashes is
kept, so any shared run of ``K + W - 1`` normalised characters yields a shared fingerprint.

The hash is our own and stable across processes, machines and Python versions (never the
salted built-in ``hash()``): a polynomial over the code points modulo 2**64, then the
splitmix64 finaliser so that every bit depends on every character. ``reference_winnow`` is
the same computation in plain Python, one window at a time; a test holds the two equal.

Offsets: ``normalise_with_offsets`` keeps, for every normalised character, its offset in the
original text, so a fingerprint points at the passage where it starts.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

K = 10  # characters per k-gram
W = 8  # hashes per window: shared runs of K + W - 1 = 17 characters are always found
MASK = (1 << 64) - 1
BASE = 0x100000001B3  # the 64-bit FNV prime, as the polynomial's base
MIX1, MIX2 = 0xBF58476D1CE4E5B9, 0x94D049BB133111EB  # splitmix64 finaliser constants
ROTATE = 16  # stored keys are the hash rotated right by this: its LOW bits come first (see store_keys)

_DROP = re.compile(r"[\W_]+")
# NFKC's own mapping of the full-width forms (U+FF01..FF5E to ASCII, U+3000 to a space), applied
# first by str.translate: Chinese text is full of ，；： and, with them mapped, normalize() takes
# its quick path; the result is the same as NFKC alone
_WIDE = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "\u3000": " "})


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text.translate(_WIDE))
_KEEP = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Width folded, punctuation and spaces dropped: the form passages are compared in."""
    return _DROP.sub("", _fold(text))


def normalise_with_offsets(text: str) -> tuple[str, np.ndarray]:
    """``normalise(text)`` and, for each of its characters, the offset in ``text`` it came from."""
    folded = _fold(text)
    if len(folded) == len(text):  # width folding only (the usual case): offsets carry over
        spans = [m.span() for m in _KEEP.finditer(folded)]  # the runs that _DROP leaves
        if not spans:
            return "", np.zeros(0, np.int64)
        starts, ends = np.array(spans, dtype=np.int64).T
        lengths = ends - starts
        shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        return "".join(folded[a:b] for a, b in spans), np.arange(int(lengths.sum()), dtype=np.int64) + shift
    chars: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):  # a character that folds into several (㈠ → (一)): each, one at a time
        kept = _DROP.sub("", unicodedata.normalize("NFKC", c))
        chars.append(kept)
        where.extend([i] * len(kept))
    norm = normalise(text)
    if "".join(chars) != norm:  # composition across characters: offsets point at the nearest start
        where = [min(i * len(text) // max(len(norm), 1), max(len(text) - 1, 0)) for i in range(len(norm))]
    return norm, np.asarray(where, dtype=np.int64)


def _mix(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(MIX1)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(MIX2)
    return h ^ (h >> np.uint64(31))


def kgram_hashes(norm: str) -> np.ndarray:
    """The hash of every k-gram of ``norm`` (uint64, one per start position)."""
    n = len(norm) - K + 1
    if n <= 0:
        return np.zeros(0, np.uint64)
    return _hash_codepoints(np.frombuffer(norm.encode("utf-32-le"), dtype="<u4").astype(np.uint64))


def _hash_codepoints(cp: np.ndarray) -> np.ndarray:
    n = len(cp) - K + 1
    h = np.zeros(n, np.uint64)
    base = np.uint64(BASE)
    with np.errstate(over="ignore"):
        for j in range(K):
            h = h * base + cp[j:j + n]
        return _mix(h)


def winnow(norm: str) -> tuple[np.ndarray, np.ndarray]:
    """Fingerprints of a normalised text: (hashes uint64, start positions in ``norm``), each
    selected position once, in order."""
    h = kgram_hashes(norm)
    if len(h) == 0:
        return h, np.zeros(0, np.int64)
    width = min(W, len(h))
    windows = sliding_window_view(h, width)
    rightmost = width - 1 - np.argmin(windows[:, ::-1], axis=1)  # argmin takes the first: reversed, the rightmost
    pos = np.unique(np.arange(len(windows)) + rightmost)
    return h[pos], pos.astype(np.int64)


def fingerprint(text: str) -> tuple[np.ndarray, np.ndarray, int]:
    """Fingerprints of an original text: (hashes, offsets in ``text``, normalised length)."""
    norm, offsets = normalise_with_offsets(text)
    hashes, pos = winnow(norm)
    return hashes, offsets[pos] if len(pos) else pos, len(norm)


def fingerprint_texts(texts: list[str], min_chars: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fingerprints of many paragraphs at once, equal to ``fingerprint`` of each: (hashes,
    offsets in their paragraph, index of the paragraph), for paragraphs whose normalised form
    has at least ``min_chars`` (>= K + W - 1) characters; no k-gram or window crosses from one
    paragraph to the next. The whole document is folded, filtered and hashed as one array of
    code points (a document of 5,000 characters in ~0.2 ms instead of a regex pass and a
    string per paragraph); a document whose folding changes its length takes the general path."""
    assert min_chars >= K + W - 1
    joined = "\n".join(texts)  # a separator normalisation drops: nothing crosses it
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.uint32)
    wide = (cp >= 0xFF01) & (cp <= 0xFF5E)  # the full-width forms of _WIDE, folded in place
    cp[wide] -= np.uint32(0xFEE0)
    cp[cp == 0x3000] = 0x20
    folded = cp.tobytes().decode("utf-32-le", "surrogatepass")
    try:
        stable = unicodedata.is_normalized("NFKC", folded)
    except (UnicodeError, ValueError):
        stable = False
    if not stable:
        refolded = unicodedata.normalize("NFKC", folded)
        if len(refolded) != len(folded):
            return fingerprint_texts_each(texts, min_chars)
        cp = np.frombuffer(refolded.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.uint32)
    where = np.flatnonzero(_kept(cp))  # offsets in ``joined`` of the normalised characters
    lengths = np.fromiter((len(t) + 1 for t in texts), np.int64, len(texts))
    ends = np.cumsum(lengths)
    para = np.searchsorted(ends, where, side="right")
    long = np.bincount(para, minlength=len(texts)) >= min_chars
    chosen = long[para]
    where, para = where[chosen], para[chosen]
    empty = np.zeros(0, np.int64)
    if len(where) < K + W - 1:
        return np.zeros(0, np.uint64), empty, empty
    h = _hash_codepoints(cp[where].astype(np.uint64))
    span = K + W - 2  # a window starting at i reads characters i .. i + span
    n = len(h) - W + 1
    valid = para[span:span + n] == para[:n]  # its last k-gram ends in the paragraph it starts in
    low = h[:n].copy()
    for j in range(1, W):
        np.minimum(low, h[j:j + n], out=low)
    rightmost = np.zeros(n, np.int64)
    for j in range(1, W):  # the rightmost position holding the window's minimum: the last written
        np.copyto(rightmost, j, where=h[j:j + n] == low)
    pos = (np.arange(n) + rightmost)[valid]
    if len(pos):  # the chosen positions never decrease: a repeat is a neighbour
        keep = np.ones(len(pos), bool)
        keep[1:] = pos[1:] != pos[:-1]
        pos = pos[keep]
    starts = ends - lengths
    return h[pos], where[pos] - starts[para[pos]], para[pos]


_CLASS: np.ndarray | None = None  # per code point: 0 not seen yet, 1 kept, 2 dropped by normalise()


def _kept(cp: np.ndarray) -> np.ndarray:
    """Which code points ``normalise`` keeps, from a table filled as code points are first met
    (by the very pattern normalise uses, one character at a time: the same answer)."""
    global _CLASS
    table = _CLASS  # one reference throughout: threads (Dask workers) may make a table each at first;
    if table is None:  # each fills and reads its own, and an entry is the same in every table
        table = _CLASS = np.zeros(0x110000, np.uint8)
    cls = table[cp]
    unknown = cls == 0
    if unknown.any():
        for c in np.unique(cp[unknown]).tolist():
            table[c] = 1 if _KEEP.fullmatch(chr(c)) else 2
        cls = table[cp]
    return cls == 1


def fingerprint_texts_each(texts: list[str], min_chars: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``fingerprint_texts`` normalising one paragraph at a time (the general case: a text whose
    folding changes its length, ㈠ → (一)); the k-grams and windows in one pass all the same."""
    assert min_chars >= K + W - 1
    norms, offsets, which = [], [], []
    for i, text in enumerate(texts):
        norm, off = normalise_with_offsets(text)
        if len(norm) >= min_chars:
            norms.append(norm)
            offsets.append(off)
            which.append(i)
    if not norms:
        empty = np.zeros(0, np.int64)
        return np.zeros(0, np.uint64), empty, empty
    lengths = np.array([len(n) for n in norms], dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    h = kgram_hashes("".join(norms))  # k-grams across a boundary are computed, never chosen
    windows = sliding_window_view(h, W)
    rightmost = W - 1 - np.argmin(windows[:, ::-1], axis=1)
    # a window is whole when it starts in a paragraph and its last k-gram ends in the same one
    owner = np.repeat(np.arange(len(norms)), lengths)[: len(windows)]
    valid = np.arange(len(windows)) + W - 1 + K <= (starts + lengths)[owner]
    pos = np.unique((np.arange(len(windows)) + rightmost)[valid])
    block = np.repeat(np.arange(len(norms)), lengths)[pos]
    flat = np.concatenate(offsets)
    return h[pos], flat[pos], np.asarray(which, dtype=np.int64)[block]


def store_keys(hashes: np.ndarray) -> np.ndarray:
    """The int64 keys the index stores: the hash rotated right by ROTATE bits, so the low bits
    (uniform; winnowing keeps minima, which piles the high bits up near 0) lead and name the
    bucket, then the sign bit flipped, so SQLite's signed order is the unsigned order and a
    build writing bucket after bucket writes the table in key order."""
    h = hashes.astype(np.uint64, copy=False)
    rotated = (h >> np.uint64(ROTATE)) | (h << np.uint64(64 - ROTATE))
    return (rotated ^ np.uint64(1 << 63)).view(np.int64)


def bucket_of(keys: np.ndarray, bits: int) -> np.ndarray:
    """Bucket (0 .. 2**bits - 1) of stored keys: the top bits, i.e. low bits of the hash. ``bits``
    is at most 16 (indexes use 1 to 8, checked when one is opened)."""
    # uint16: numpy sorts so small an integer by radix, in linear time (the splits by bucket)
    if not 0 < bits <= 16:
        raise ValueError(f"bucket bits {bits} outside 1..16")
    return ((keys.view(np.uint64) ^ np.uint64(1 << 63)) >> np.uint64(64 - bits)).astype(np.uint16)


def split_by_bucket(postings: np.ndarray, bits: int) -> list[np.ndarray]:
    """Rows of ``postings`` (key first) by ``bucket_of`` their key: one list item per bucket, each
    bucket's rows in the order they came. One gather (np.take: ~6x faster than indexing for
    rows); the buckets are slices of it."""
    buckets = bucket_of(np.ascontiguousarray(postings[:, 0]), bits)
    bounds = np.concatenate(([0], np.cumsum(np.bincount(buckets, minlength=1 << bits)))).tolist()
    postings = np.take(postings, np.argsort(buckets, kind="stable"), axis=0)
    return [postings[bounds[b]:bounds[b + 1]] for b in range(1 << bits)]


def reference_winnow(norm: str) -> list[tuple[int, int]]:
    """Plain-Python winnowing, window by window: [(hash, position)] sorted by position."""
    hashes = []
    for i in range(len(norm) - K + 1):
        h = 0
        for c in norm[i:i + K]:
            h = (h * BASE + ord(c)) & MASK
        h ^= h >> 30
        h = (h * MIX1) & MASK
        h ^= h >> 27
        h = (h * MIX2) & MASK
        hashes.append(h ^ (h >> 31))
    if not hashes:
        return []
    width = min(W, len(hashes))
    chosen: dict[int, int] = {}
    for start in range(len(hashes) - width + 1):
        window = hashes[start:start + width]
        m = min(window)
        p = start + width - 1 - window[::-1].index(m)
        chosen[p] = hashes[p]
    return [(chosen[p], p) for p in sorted(chosen)]
