"""The reference corpus behind B105: a SQLite index of passage fingerprints.

Fingerprints are winnowed character k-grams (Schleimer, Wilkerson and Aiken 2003, the
scheme of MOSS): the text of each block is normalised (width folded, punctuation and
spaces dropped), every k-gram is hashed, and the minimum hash of every window of w hashes
is kept. Any passage shared by two documents that is at least k + w - 1 characters long is
then guaranteed to share a fingerprint, and each fingerprint keeps its block, so a match
points at the source paragraph. Whole-document MinHash (datasketch) would say *that* two
documents overlap but not *where*; winnowing gives both, and needs no extra dependency.
Candidate paragraphs found through the index are confirmed with a character similarity
before anything is reported.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from .model import Document

K = 10  # characters per k-gram
W = 8  # hashes per winnowing window: shared runs of K + W - 1 = 17 characters are always found
MIN_CHARS = 20  # a paragraph shorter than this (normalised) is neither indexed nor queried
SCHEMA_VERSION = 2

_DROP = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Width folded, punctuation and spaces dropped: the form passages are compared in."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text))


def fingerprints(text: str) -> set[int]:
    """Winnowed k-gram hashes of a normalised text."""
    if len(text) < K:
        return set()
    raw = text.encode("utf-32-le")
    hashes = [zlib.crc32(raw[4 * i:4 * (i + K)]) for i in range(len(text) - K + 1)]
    if len(hashes) <= W:
        return {min(hashes)}
    chosen: set[int] = set()
    window_min = -1
    for start in range(len(hashes) - W + 1):
        if window_min < start:  # the minimum left the window: find the new rightmost minimum
            window = hashes[start:start + W]
            m = min(window)
            window_min = start + W - 1 - window[::-1].index(m)
        elif hashes[start + W - 1] <= hashes[window_min]:
            window_min = start + W - 1
        chosen.add(hashes[window_min])
    return chosen


@dataclass(frozen=True, slots=True)
class Match:
    block: int  # block of the checked document
    source: str  # path of the corpus document
    source_block: int
    similarity: float


class Index:
    """A SQLite file of documents, their paragraphs and their fingerprints."""

    def __init__(self, path: Path, create: bool = False) -> None:
        if not create and not path.exists():
            raise FileNotFoundError(f"参考语料索引“{path}”不存在；先用 reportlint corpus build 建立")
        self.path = path
        self.db = sqlite3.connect(str(path))
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(
            """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS documents (
                id INTEGER PRIMARY KEY, path TEXT UNIQUE, sha256 TEXT, chars INTEGER);
            CREATE TABLE IF NOT EXISTS blocks (
                doc INTEGER, block INTEGER, text TEXT, PRIMARY KEY (doc, block)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS prints (
                hash INTEGER, doc INTEGER, block INTEGER, PRIMARY KEY (hash, doc, block)) WITHOUT ROWID;
            """
        )
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('k_w', ?)", (f"{K},{W}",))

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, doc: Document, sha256: str) -> bool:
        """Index a document; a document already indexed with the same content is left alone.
        Returns whether anything changed."""
        key = os.path.abspath(doc.path)
        row = self.db.execute("SELECT id, sha256 FROM documents WHERE path = ?", (key,)).fetchone()
        if row and row[1] == sha256:
            return False
        if row:
            self.remove(row[0])
        chars = sum(len(b.text) for b in doc.blocks)
        cur = self.db.execute("INSERT INTO documents (path, sha256, chars) VALUES (?, ?, ?)", (key, sha256, chars))
        doc_id = cur.lastrowid
        blocks, prints = [], []
        for b in doc.blocks:
            norm = normalise(b.text)
            if len(norm) < MIN_CHARS:
                continue
            blocks.append((doc_id, b.index, b.text))
            prints.extend((h - (1 << 31), doc_id, b.index) for h in fingerprints(norm))
        self.db.executemany("INSERT INTO blocks VALUES (?, ?, ?)", blocks)
        self.db.executemany("INSERT OR IGNORE INTO prints VALUES (?, ?, ?)", prints)
        return True

    def remove(self, doc_id: int) -> None:
        # the fingerprints are keyed by hash first: recompute them from the stored paragraphs
        # and delete by key rather than scanning the whole table for the document
        rows = self.db.execute("SELECT block, text FROM blocks WHERE doc = ?", (doc_id,)).fetchall()
        keys = [(h - (1 << 31), doc_id, block) for block, text in rows for h in fingerprints(normalise(text))]
        self.db.executemany("DELETE FROM prints WHERE hash = ? AND doc = ? AND block = ?", keys)
        self.db.execute("DELETE FROM blocks WHERE doc = ?", (doc_id,))
        self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def query(self, doc: Document, threshold: float, exclude_sha256: str | None = None) -> list[Match]:
        """Paragraphs of ``doc`` whose text reappears in another indexed document, confirmed by a
        character similarity of at least ``threshold``; the document itself is left out."""
        own = os.path.abspath(doc.path)
        excluded = {r[0] for r in self.db.execute(
            "SELECT id FROM documents WHERE path = ? OR sha256 = ?", (own, exclude_sha256 or ""))}
        matches: list[Match] = []
        for b in doc.blocks:
            norm = normalise(b.text)
            if len(norm) < MIN_CHARS:
                continue
            prints = [h - (1 << 31) for h in fingerprints(norm)]
            if not prints:
                continue
            hits: dict[tuple[int, int], int] = defaultdict(int)
            for chunk in _chunks(prints, 500):
                marks = ",".join("?" * len(chunk))
                for doc_id, block in self.db.execute(
                        f"SELECT doc, block FROM prints WHERE hash IN ({marks})", chunk):
                    if doc_id not in excluded:
                        hits[(doc_id, block)] += 1
            best = self._confirm(norm, sorted(hits.items(), key=lambda kv: -kv[1])[:5], len(prints))
            if best and best[2] >= threshold:
                matches.append(Match(b.index, best[0], best[1], round(best[2], 2)))
        return matches

    def _confirm(self, norm: str, candidates: list[tuple[tuple[int, int], int]],
                 total: int) -> tuple[str, int, float] | None:
        best: tuple[str, int, float] | None = None
        for (doc_id, block), shared in candidates:
            if shared * 5 < total:  # too few shared fingerprints to be worth comparing
                continue
            row = self.db.execute(
                "SELECT d.path, b.text FROM blocks b JOIN documents d ON d.id = b.doc WHERE b.doc = ? AND b.block = ?",
                (doc_id, block)).fetchone()
            if row is None:
                continue
            other = normalise(row[1])
            score = _containment(norm, other)
            if best is None or score > best[2]:
                best = (row[0], block, score)
        return best


def _containment(a: str, b: str) -> float:
    """How much of paragraph ``a`` appears in ``b``: matched characters over the length of a."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in matcher.get_matching_blocks()) / max(len(a), 1)


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def file_sha256(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def build(index_path: Path, documents: Iterable[tuple[Document, str]], fresh: bool) -> tuple[int, int]:
    """Add documents to the index (a fresh one when ``fresh``); returns (added, total)."""
    if fresh and index_path.exists():
        index_path.unlink()
    added = 0
    with Index(index_path, create=True) as index:
        for doc, sha in documents:
            added += index.add(doc, sha)
            if added and added % 500 == 0:
                index.db.commit()
        total = index.count()
    return added, total
