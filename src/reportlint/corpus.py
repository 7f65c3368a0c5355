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

import functools
import hashlib
import itertools
import os
import secrets
import shutil
import sqlite3
import stat
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np

from .errors import CorpusError
from .fingerprint import K, W, bucket_of, fingerprint, fingerprint_texts, normalise, split_by_bucket, store_keys, winnow
from .model import Document

MIN_CHARS = 20  # a paragraph shorter than this (normalised) is neither indexed nor queried
SCHEMA_VERSION = 5  # 5: postings in sorted runs (4: a row per posting; 3: crc32)
READABLE_SCHEMAS = frozenset({"5"})
TABLES = frozenset({"meta", "documents", "blocks", "prints", "added", "frequent"})
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_SECONDS = 30.0  # how long a reader or writer waits while another process holds the file
FREQUENT_DOCS = 50  # a fingerprint in more documents than this is 套话: kept once, without postings
SHARD_BITS = 4  # a shard folder holds 16 fingerprint files, one per bucket of the hash's low bits
MAIN = "index.sqlite"  # in a shard folder: documents and paragraphs (its prints table stays empty)
PAGE_SIZE = 16384
READERS = 4  # connections (threads) reading the keys of one draft at once
CHUNK = 500  # keys per SQL statement (SQLite's default limit on variables is 32766; small stays fast)
# postings per row of ``prints`` in a bulk build (more when one key has more: a key is never cut). A
# query reads a run per key of the draft: at 20k documents, runs of 256 made it fetch 1.2 MB (warm
# 3.7 ms, cold 20 ms), runs of 64 a quarter of that (warm 2.3 ms, cold 15 ms, as 32); size the same
RUN = 64
SEGMENT_BITS = 8  # runs also end where these top bits of the key change: every build cuts the same runs
# a run's postings: packed little-endian records of key, document, paragraph and offset (20 bytes each)
RUN_DTYPE = np.dtype([("key", "<i8"), ("doc", "<i4"), ("block", "<i4"), ("pos", "<i4")])
INT32 = np.iinfo(np.int32)


def fingerprints(text: str) -> set[int]:
    """Winnowed k-gram hashes of a normalised text (unsigned 64-bit)."""
    return set(winnow(text)[0].tolist())


def block_keys(text: str) -> tuple[np.ndarray, np.ndarray, int]:
    """Stored keys of a paragraph's fingerprints, their offsets in the paragraph and its
    normalised length; nothing for a paragraph shorter than MIN_CHARS."""
    hashes, offsets, length = fingerprint(text)
    if length < MIN_CHARS:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), length
    return store_keys(hashes), offsets, length


SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, path TEXT UNIQUE, sha256 TEXT, chars INTEGER);
CREATE TABLE IF NOT EXISTS blocks (doc INTEGER, block INTEGER, text TEXT, PRIMARY KEY (doc, block)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS prints (first INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS added (
    hash INTEGER, doc INTEGER, block INTEGER, pos INTEGER, PRIMARY KEY (hash, doc, block)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS frequent (hash INTEGER PRIMARY KEY, docs INTEGER);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256);
"""


def document_postings(doc: Document, doc_id: int) -> tuple[list[tuple[int, int, str]], np.ndarray]:
    """The paragraphs of ``doc`` worth indexing, as rows of ``blocks``, and its postings: an
    (n, 4) int64 array of (key, doc, block, offset of the fingerprint in the paragraph)."""
    hashes, offsets, which = fingerprint_texts([b.text for b in doc.blocks], MIN_CHARS)
    indexed = sorted(set(which.tolist()))
    blocks = [(doc_id, doc.blocks[i].index, doc.blocks[i].text) for i in indexed]
    postings = np.empty((len(hashes), 4), np.int64)
    postings[:, 0], postings[:, 1], postings[:, 3] = store_keys(hashes), doc_id, offsets
    postings[:, 2] = np.array([b.index for b in doc.blocks], dtype=np.int64)[which] if len(which) else 0
    return blocks, postings


@dataclass(frozen=True, slots=True)
class Match:
    block: int  # block of the checked document
    source: str  # path of the corpus document, as the index's own path was given
    source_block: int
    similarity: float


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that never writes the index. ``mode=ro`` first; when that cannot
    open the file (a WAL index in a read-only folder has no ``-shm`` file and none can be
    made), ``immutable=1``, which reads the file as it is without locks."""
    uri = Path(os.path.abspath(path)).as_uri()
    failure: sqlite3.OperationalError | None = None
    for params in ("mode=ro", "mode=ro&immutable=1"):
        # used by one thread at a time, not always the one that opened it (Index._lookups)
        db = sqlite3.connect(f"{uri}?{params}", uri=True, timeout=BUSY_SECONDS, check_same_thread=False)
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # SQLite opens lazily
            return db
        except sqlite3.OperationalError as exc:
            db.close()
            if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise  # another process holds the file: reading it without locks would be unsafe
            failure = exc
        except BaseException:
            db.close()
            raise
    assert failure is not None
    raise failure


def shard_name(bucket: int) -> str:
    return f"prints-{bucket:02d}.sqlite"


def _open_writable(path: Path, frequent_docs: int) -> sqlite3.Connection:
    db = sqlite3.connect(str(path), timeout=BUSY_SECONDS)
    try:
        # a new file's pages: 16 KiB (4 KiB by default) measured 38% smaller at 20k documents
        # and a cold query ~20% faster (a shallower tree); no effect on an existing file
        db.execute(f"PRAGMA page_size={PAGE_SIZE}")
        db.execute("PRAGMA journal_mode=WAL")  # readers go on while this writes
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        db.execute("INSERT OR IGNORE INTO meta VALUES ('k_w', ?)", (f"{K},{W}",))
        db.execute("INSERT OR IGNORE INTO meta VALUES ('frequent_docs', ?)", (str(frequent_docs),))
    except sqlite3.OperationalError as exc:
        db.close()
        raise _unwritable(path, exc) from exc
    return db


class Index:
    """A SQLite file of documents, their paragraphs and their fingerprints; or a shard folder:
    ``index.sqlite`` with the documents and paragraphs, and one file of fingerprints per bucket
    of the hash's low bits (``prints-00.sqlite`` ...), which Dask workers write side by side
    and a query opens only for the buckets its fingerprints fall in. Both are read by the
    same code: a single file is a folder of one bucket. In each file, the postings of a bulk
    build are sorted runs in ``prints`` (see ``write_bucket``), those added one document at a
    time since are rows of ``added``; every reader reads both.

    ``Index(path)`` reads (it never writes the file, so checks run during ``corpus add`` and
    on read-only folders); ``Index(path, create=True)`` writes, creating the file when it is
    missing (``shards=bits``: a new shard folder). Document paths are stored relative to the
    folder the index is in, so an index moved together with its documents, or built on
    another machine, still knows them."""

    def __init__(self, path: Path, create: bool = False, frequent_docs: int = FREQUENT_DOCS,
                 shards: int | None = None) -> None:
        self.path = Path(path)
        self.folder = os.path.dirname(os.path.abspath(self.path))
        self.sharded = shards is not None or self.path.is_dir()
        self.main = self.path / MAIN if self.sharded else self.path
        self.writable = create
        self._shards: dict[int, sqlite3.Connection] = {}
        self._any: dict[tuple[int, str], bool] = {}
        self._new_folder = False
        self.build_id = ""
        self._readers: dict[int, sqlite3.Connection] = {}
        self._pool: ThreadPoolExecutor | None = None
        if not create:
            if not self.main.is_file():
                raise CorpusError(f"参考语料索引“{self.path}”不存在；先用 reportlint corpus build 建立")
            self.db = _connect_readonly(self.main)
            self.bits = self._shard_bits()
            return
        if shards is not None:
            with suppress(FileExistsError):
                self.path.mkdir()
        elif self.sharded and not self.main.exists():
            shards = SHARD_BITS  # corpus add into an empty folder: a new shard folder
        validate(self.path, "add")
        self.db = _open_writable(self.main, frequent_docs)
        try:
            if shards is not None:
                self._new_folder = True
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('shards', ?)", (str(shards),))
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('build', ?)", (secrets.token_hex(8),))
                self.db.commit()
            self.frequent_docs = self._frequent_setting()
            self.bits = self._shard_bits()
        except BaseException:
            self.db.close()
            raise

    def _shard_bits(self) -> int:
        """0 for a single file; for a shard folder, the bits of its buckets (1 to 8)."""
        if not self.sharded:
            return 0
        row = self.db.execute("SELECT value FROM meta WHERE key = 'build'").fetchone()
        self.build_id = str(row[0]) if row else ""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'shards'").fetchone()
        value = str(row[0]) if row else ""
        if not value.isdecimal() or not 1 <= int(value) <= 8:
            raise CorpusError(f"参考语料索引“{self.path}”已损坏（分片数 {value!r} 无效）；"
                              f"请用 reportlint corpus build 材料目录 -o {self.path} 重新建立（会替换它）")
        return int(value)

    def prints_db(self, bucket: int) -> sqlite3.Connection:
        """The connection holding the fingerprints of a bucket: the index itself for a single
        file, else that bucket's shard, opened on first use."""
        if not self.bits:
            return self.db
        if bucket not in self._shards:
            path = self.path / shard_name(bucket)
            new = not path.is_file()
            if new and not (self.writable and self._new_folder):
                raise CorpusError(f"参考语料索引“{self.path}”已损坏（缺少分片 {shard_name(bucket)}）；"
                                  f"请用 reportlint corpus build 材料目录 -o {self.path} 重新建立（会替换它）")
            if self.writable:
                db = _open_writable(path, self.frequent_docs)
                if new:  # corpus add into a new shard folder: its shards begin here
                    db.execute("INSERT OR IGNORE INTO meta VALUES ('bucket', ?)", (str(bucket),))
                    db.execute("INSERT OR IGNORE INTO meta VALUES ('build', ?)", (self.build_id,))
            else:
                db = _connect_readonly(path)
            try:
                row = db.execute("SELECT value FROM meta WHERE key = 'build'").fetchone()
            except sqlite3.DatabaseError:
                row = None
            if row is None or str(row[0]) != self.build_id:  # another build's shard (a rebuild meanwhile)
                db.close()
                raise CorpusError(f"参考语料索引“{self.path}”的分片 {shard_name(bucket)} 与索引不是同一次建立的"
                                  "（可能正在重建）；请稍后再试，或用 reportlint corpus build 重新建立")
            self._shards[bucket] = db
        return self._shards[bucket]

    def by_bucket(self, keys: np.ndarray) -> Iterator[tuple[sqlite3.Connection, np.ndarray]]:
        """``keys`` split by the shard that holds them, in bucket order (selections of ``keys``)."""
        if not self.bits:
            yield self.db, np.arange(len(keys))
            return
        buckets = bucket_of(np.ascontiguousarray(keys), self.bits)
        order = np.argsort(buckets, kind="stable")
        bounds = np.searchsorted(buckets[order], np.arange((1 << self.bits) + 1))
        for b in range(1 << self.bits):
            if bounds[b] < bounds[b + 1]:
                yield self.prints_db(b), order[bounds[b]:bounds[b + 1]]

    def _frequent_setting(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'frequent_docs'").fetchone()
        try:
            value = int(str(row[0])) if row else FREQUENT_DOCS
        except ValueError:
            value = -1
        if value < 1:
            raise CorpusError(f"参考语料索引“{self.path}”已损坏（高频指纹阈值 {row[0] if row else ''!r} 无效）；"
                              f"请用 reportlint corpus build 材料目录 -o {self.path} 重新建立（会替换它）")
        return value

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        for db in self._readers.values():
            db.close()
        self._readers.clear()
        self._any.clear()  # keyed by the id of connections closed here
        for db in [*self._shards.values(), self.db]:
            if self.writable:
                db.commit()
                with suppress(sqlite3.OperationalError):  # readers still open: the file stays in WAL mode
                    db.execute("PRAGMA busy_timeout = 2000")
                    db.execute("PRAGMA journal_mode=DELETE")  # at rest, no -wal/-shm files beside it
            db.close()
        self._shards.clear()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is not None and self.writable:
            for db in [*self._shards.values(), self.db]:
                db.rollback()  # a document half added is not kept (those committed before are)
        self.close()

    def key(self, path: str) -> str:
        """How a document's path is stored: relative to the index's folder, with ``/``."""
        absolute = os.path.abspath(path)
        try:
            return Path(os.path.relpath(absolute, self.folder)).as_posix()
        except ValueError:  # another drive (Windows): only the absolute path can say where it is
            return Path(absolute).as_posix()

    def shown(self, stored: str) -> str:
        """A stored path as users see it: beside the index, in the terms its path was given."""
        return os.path.normpath(os.path.join(os.path.dirname(str(self.path)), stored))

    def add(self, doc: Document, sha256: str) -> bool:
        """Index a document; a document already indexed with the same content is left alone.
        Returns whether anything changed. (One document at a time, for ``corpus add``; a whole
        corpus is built faster, in bounded memory, by ``build``.) Its postings go to ``added``,
        a row each, beside the runs of the bulk build; a damaged run is a CorpusError."""
        try:
            return self._add(doc, sha256)
        except ValueError as exc:
            raise CorpusError(f"参考语料索引“{self.path}”已损坏（{exc}）；"
                              f"请用 reportlint corpus build 材料目录 -o {self.path} 重新建立（会替换它）") from exc

    def _add(self, doc: Document, sha256: str) -> bool:
        if self._new_folder:  # a shard folder begun by corpus add: every shard exists from the start
            for bucket in range(1 << self.bits):
                self.prints_db(bucket)
        key = self.key(doc.path)
        row = self.db.execute("SELECT id, sha256 FROM documents WHERE path = ?", (key,)).fetchone()
        if row and row[1] == sha256:
            return False
        if row:
            self.remove(row[0])
        chars = sum(len(b.text) for b in doc.blocks)
        cur = self.db.execute("INSERT INTO documents (path, sha256, chars) VALUES (?, ?, ?)", (key, sha256, chars))
        doc_id = int(cur.lastrowid or 0)
        blocks, postings = document_postings(doc, doc_id)
        self.db.executemany("INSERT INTO blocks VALUES (?, ?, ?)", blocks)
        for db, part in self.by_bucket(postings[:, 0]):
            self._add_postings(db, postings[part])
        return True

    def _add_postings(self, db: sqlite3.Connection, postings: np.ndarray) -> None:
        keys = sorted({int(k) for k in postings[:, 0].tolist()})
        frequent = self._frequent(keys, db)
        if frequent:
            db.executemany("UPDATE frequent SET docs = docs + 1 WHERE hash = ?", [(k,) for k in frequent])
            postings = postings[~np.isin(postings[:, 0], np.fromiter(frequent, np.int64, len(frequent)))]
        db.executemany("INSERT OR IGNORE INTO added VALUES (?, ?, ?, ?)", rows(postings))
        self._set_apart([k for k in keys if k not in frequent], db)

    @staticmethod
    def _frequent(keys: list[int], db: sqlite3.Connection) -> set[int]:
        out: set[int] = set()
        for chunk in _chunks(keys, CHUNK):
            marks = ",".join("?" * len(chunk))
            out.update(r[0] for r in db.execute(f"SELECT hash FROM frequent WHERE hash IN ({marks})", chunk))
        return out

    def _set_apart(self, keys: list[int], db: sqlite3.Connection) -> None:
        """Fingerprints among ``keys`` now in more than ``frequent_docs`` documents (counted in
        the bulk build's runs and in the rows added since) become frequent: their postings go."""
        docs: dict[int, set[int]] = defaultdict(set)
        runs = runs_holding(db, keys)
        held = postings_in(runs, np.asarray(keys, dtype=np.int64))
        for key, doc in zip(held["key"].tolist(), held["doc"].tolist(), strict=True):
            docs[key].add(doc)
        for chunk in _chunks(keys, CHUNK):
            marks = ",".join("?" * len(chunk))
            for key, doc in db.execute(f"SELECT hash, doc FROM added WHERE hash IN ({marks})", chunk):
                docs[int(key)].add(int(doc))
        found = sorted((key, len(d)) for key, d in docs.items() if len(d) > self.frequent_docs)
        if not found:
            return
        db.executemany("INSERT OR REPLACE INTO frequent VALUES (?, ?)", found)
        db.executemany("DELETE FROM added WHERE hash = ?", [(k,) for k, _ in found])
        gone = np.array([k for k, _ in found], dtype=np.int64)
        for first, records in runs:
            _rewrite_run(db, first, records, np.isin(records["key"], gone))

    def remove(self, doc_id: int) -> None:
        # the fingerprints are keyed by hash first: recompute them from the stored paragraphs
        # and delete by key rather than scanning the whole table for the document.
        # (A frequent fingerprint stays frequent: its postings are gone, its count is a floor.)
        stored = self.db.execute("SELECT block, text FROM blocks WHERE doc = ?", (doc_id,)).fetchall()
        keys = np.array([(int(k), block) for block, text in stored for k in block_keys(str(text))[0].tolist()],
                        dtype=np.int64).reshape(-1, 2)
        for db, part in self.by_bucket(keys[:, 0]):
            db.executemany("DELETE FROM added WHERE hash = ? AND doc = ? AND block = ?",
                           [(int(k), doc_id, int(block)) for k, block in keys[part].tolist()])
            for first, records in runs_holding(db, sorted(set(keys[part, 0].tolist()))):
                _rewrite_run(db, first, records, records["doc"] == doc_id)
        self.db.execute("DELETE FROM blocks WHERE doc = ?", (doc_id,))
        self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def _itself(self, doc: Document, sha256: str | None) -> set[int]:
        """Indexed documents that are ``doc`` itself: the same file (its stored path, or a link
        to it), or a copy with the same content and the same file name (the index was built
        elsewhere). A copy under another name is another document, and its reuse is reported."""
        own = self.key(doc.path)
        name = os.path.basename(doc.path)
        out = set()
        for doc_id, stored, _ in self.db.execute(
                "SELECT id, path, sha256 FROM documents WHERE path IN (?, ?) OR sha256 = ?",
                (own, Path(os.path.abspath(doc.path)).as_posix(), sha256 or "")):
            if stored in (own, Path(os.path.abspath(doc.path)).as_posix()) or os.path.basename(stored) == name:
                out.add(doc_id)
                continue
            with suppress(OSError):
                if os.path.samefile(os.path.join(self.folder, stored), doc.path):
                    out.add(doc_id)
        return out

    def query(self, doc: Document, threshold: float, exclude_sha256: str | None = None) -> list[Match]:
        """Paragraphs of ``doc`` whose text reappears in another indexed document, confirmed by a
        character similarity of at least ``threshold``; the document itself is left out.
        What the index holds is not trusted: a garbled row is a CorpusError naming the file."""
        try:
            return self._query(doc, threshold, exclude_sha256)
        except (sqlite3.DatabaseError, TypeError, ValueError, OverflowError) as exc:
            raise CorpusError(f"参考语料索引“{self.path}”已损坏（{exc}）；"
                              f"请用 reportlint corpus build 材料目录 -o {self.path} 重新建立（会替换它）") from exc

    def _query(self, doc: Document, threshold: float, exclude_sha256: str | None) -> list[Match]:
        excluded = self._itself(doc, exclude_sha256)
        hashes, _, which = fingerprint_texts([b.text for b in doc.blocks], MIN_CHARS)  # = block_keys of each
        all_keys = store_keys(hashes)
        # every fingerprint of the draft looked up at once, in READERS parts read side by side
        unique = np.unique(all_keys)
        frequent: set[int] = set()
        found: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for part_frequent, part_rows in self._lookups(unique):
            frequent |= part_frequent
            for key, doc_id, block in part_rows:
                if doc_id not in excluded:
                    found[int(key)].append((int(doc_id), int(block)))
        matches: list[Match] = []
        bounds = np.flatnonzero(np.diff(which)) + 1 if len(which) else which
        for keys, where in zip(np.split(all_keys, bounds), np.split(which, bounds), strict=True):
            if len(keys) == 0:
                continue
            b = doc.blocks[int(where[0])]
            rare = [k for k in sorted(set(keys.tolist())) if k not in frequent]
            hits: dict[tuple[int, int], int] = defaultdict(int)
            for k in rare:
                for ref in found.get(k, ()):
                    hits[ref] += 1
            best = self._confirm(normalise(b.text), sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:5],
                                 len(rare))
            if best and best[2] >= threshold:
                matches.append(Match(b.index, self.shown(best[0]), best[1], round(best[2], 2)))
        return matches

    def _lookups(self, unique: np.ndarray) -> Iterator[tuple[set[int], list[Any]]]:
        """The frequent keys and the postings of ``unique`` (sorted keys), read by READERS
        threads at once, each on its own connection: a cold index answers by random page reads
        (one or two per key), which the disk serves side by side; SQLite lets go of the GIL
        while it reads. A shard folder: one part per shard, opened in the thread that reads it;
        a single file: contiguous ranges of keys, each on one of READERS connections."""
        if self.bits:
            buckets = bucket_of(np.ascontiguousarray(unique), self.bits)
            jobs = [(functools.partial(self.prints_db, int(b)), unique[buckets == b].tolist())
                    for b in np.unique(buckets).tolist()]
        else:
            jobs = [(functools.partial(self._reader, i), part.tolist())
                    for i, part in enumerate(np.array_split(unique, READERS)) if len(part)]
        if len(jobs) <= 1 or self.writable:
            for connect, keys in jobs:
                yield self._lookup(connect(), keys)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(READERS, thread_name_prefix="reportlint-corpus")
        futures = [self._pool.submit(lambda c=connect, k=keys: self._lookup(c(), k)) for connect, keys in jobs]
        for future in futures:
            yield future.result()

    def _reader(self, i: int) -> sqlite3.Connection:
        """The i-th read-only connection to a single-file index (0: the index's own)."""
        if i == 0:
            return self.db
        if i not in self._readers:
            self._readers[i] = _connect_readonly(self.main)
        return self._readers[i]

    def _lookup(self, db: sqlite3.Connection, keys: list[int]) -> tuple[set[int], list[Any]]:
        """The frequent keys among ``keys`` (sorted) and the postings of the others, as
        (key, doc, block): from the runs of the bulk build, and the rows added since."""
        frequent = self._frequent(keys, db) if self._has(db, "frequent") else set()
        rare = [k for k in keys if k not in frequent]
        held = postings_in(runs_holding(db, rare), np.asarray(rare, dtype=np.int64))
        found: list[Any] = list(zip(held["key"].tolist(), held["doc"].tolist(), held["block"].tolist(), strict=True))
        if self._has(db, "added"):
            for chunk in _chunks(rare, CHUNK):
                marks = ",".join("?" * len(chunk))
                found.extend(db.execute(f"SELECT hash, doc, block FROM added WHERE hash IN ({marks})", chunk))
        return frequent, found

    def _has(self, db: sqlite3.Connection, table: str) -> bool:
        """Whether a table of ``db`` has any row (asked once per connection): most indexes have
        nothing in ``added``, and a corpus smaller than the frequent limit nothing in ``frequent``.
        The reader threads of ``_lookups`` ask at once: each asks about its own connection, and two
        asking about the same one store the same answer. The connections live as long as the index,
        so no other takes the ``id`` of one while its answer is kept."""
        if (id(db), table) not in self._any:
            self._any[id(db), table] = db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
        return self._any[id(db), table]

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
            if not isinstance(row[0], str) or not isinstance(row[1], str):
                raise ValueError(f"第 {doc_id} 号文档的段落记录不是文本")
            other = normalise(row[1])
            score = _containment(norm, other)
            if best is None or score > best[2]:
                best = (row[0], block, score)
        return best


def _unwritable(path: Path, exc: sqlite3.OperationalError) -> CorpusError:
    if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return CorpusError(f"参考语料索引“{path}”正被另一个进程写入，请稍后再试")
    return CorpusError(f"无法写入参考语料索引“{path}”：{exc}；请检查文件和所在目录的写权限")


def _stamp(path: Path) -> str | None:
    """What changes whenever the index (or its write-ahead log) is written."""
    parts = []
    for p in (str(path), f"{path}-wal"):
        try:
            st = os.stat(p)
        except FileNotFoundError:
            continue
        except OSError:
            return None
        parts.append(f"{os.path.abspath(p)}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}")
    return "\n".join(parts) if parts else None


def _verified_marker(path: Path) -> Path | None:
    from .store import cache_dir, sha256

    stamp = _stamp(path)
    if stamp is None:
        return None
    return cache_dir() / "corpus-verified" / sha256(stamp.encode()).hexdigest()[:32]


def validate(path: Path, purpose: str = "check") -> None:
    """Raise CorpusError, with a message naming the file, unless ``path`` is a reportlint index
    that ``purpose`` can use: ``check`` needs a sound index; ``add`` also accepts a missing file;
    ``build`` replaces anything but a file that belongs to something else."""
    name = str(path)
    rebuild = f"请用 reportlint corpus build 材料目录 -o {name} 重新建立（会替换它）"
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if purpose == "check":
            raise CorpusError(f"参考语料索引“{name}”不存在；先用 reportlint corpus build 建立") from None
        return
    except OSError as exc:
        raise CorpusError(f"无法读取参考语料索引“{name}”：{exc.strerror}") from exc
    if stat.S_ISDIR(st.st_mode):
        _validate_folder(Path(path), purpose)
        return
    if st.st_size == 0:
        if purpose == "build":
            return
        raise CorpusError(f"参考语料索引“{name}”是空文件（0 字节），不是索引；{rebuild}")
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise CorpusError(f"无法读取参考语料索引“{name}”：{exc.strerror}") from exc
    if not header.startswith(SQLITE_MAGIC):
        keep = ("请检查 --corpus 或配置中 corpus 的路径" if purpose == "check"
                else "为免覆盖其他文件，没有改动它；请换一个索引文件名")
        raise CorpusError(f"“{name}”不是参考语料索引（不是 SQLite 数据库文件）；{keep}")
    try:
        problem = _problem(path, purpose)
    except sqlite3.DatabaseError as exc:
        problem = f"damaged:SQLite 报告 {exc}"
    if problem is None:
        return
    kind, _, detail = problem.partition(":")
    if kind == "foreign":
        raise CorpusError(f"“{name}”是别的程序的 SQLite 数据库，不是 reportlint 的参考语料索引（{detail}）；"
                          "请检查路径" + ("，或换一个索引文件名" if purpose != "check" else ""))
    if purpose == "build":
        return  # damaged or from another version: build replaces it
    if kind == "version":
        raise CorpusError(f"参考语料索引“{name}”由不兼容的 reportlint 版本建立（{detail}）；{rebuild}")
    raise CorpusError(f"参考语料索引“{name}”已损坏（{detail}）；{rebuild}")


def _validate_folder(folder: Path, purpose: str) -> None:
    """A shard folder: its ``index.sqlite`` and every shard it names, each validated as a file;
    a shard of the wrong bucket, or missing, is damage. ``build`` replaces a shard folder or
    fills an empty folder, and leaves any other folder alone."""
    name = str(folder)
    main = folder / MAIN
    try:
        entries = sorted(os.listdir(folder))
    except OSError as exc:
        raise CorpusError(f"无法读取参考语料索引“{name}”：{exc.strerror}") from exc
    if MAIN not in entries:
        if purpose != "check" and not entries:
            return  # an empty folder: build and add fill it
        raise CorpusError(f"“{name}”是一个目录，不是参考语料索引（其中没有 {MAIN}）；请检查路径")
    validate(main, purpose)
    if purpose == "build":
        return
    rebuild = f"请用 reportlint corpus build 材料目录 -o {name} 重新建立（会替换它）"
    try:
        db = _connect_readonly(main)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('shards', 'build')").fetchall())
        finally:
            db.close()
        bits = str(meta.get("shards", ""))
        if not bits.isdecimal() or not 1 <= int(bits) <= 8:
            raise CorpusError(f"参考语料索引“{name}”已损坏（分片数 {bits!r} 无效）；{rebuild}")
        for bucket in range(1 << int(bits)):
            shard = folder / shard_name(bucket)
            if not shard.is_file():
                raise CorpusError(f"参考语料索引“{name}”已损坏（缺少分片 {shard_name(bucket)}）；{rebuild}")
            validate(shard, purpose)
            db = _connect_readonly(shard)
            try:
                marks = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('bucket', 'build')").fetchall())
            finally:
                db.close()
            if str(marks.get("bucket")) != str(bucket) or str(marks.get("build")) != str(meta.get("build")):
                raise CorpusError(f"参考语料索引“{name}”已损坏（分片 {shard_name(bucket)} 不属于这个位置或这次建立）；"
                                  f"{rebuild}")
    except sqlite3.DatabaseError as exc:
        raise CorpusError(f"参考语料索引“{name}”已损坏（SQLite 报告 {exc}）；{rebuild}") from exc


def _problem(path: Path, purpose: str) -> str | None:
    """None for a sound index; else "kind:detail" with kind foreign, version or damaged."""
    # (No judgement from the raw header: read without SQLite's locks it can be caught halfway
    # through another process's write; quick_check below reads under a consistent snapshot.)
    db = _connect_readonly(path)
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = sorted(TABLES - tables)
        if "meta" in missing or "documents" in missing:
            return f"foreign:缺少 {'、'.join(missing)} 表"
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is not None and row[0] not in READABLE_SCHEMAS:  # an older format has other tables
            return f"version:索引格式 {row[0]}，本版本可读 {'、'.join(sorted(READABLE_SCHEMAS))}"
        if missing:
            return f"damaged:缺少 {'、'.join(missing)} 表"
        if row is None:
            return f"version:索引格式 未知，本版本可读 {'、'.join(sorted(READABLE_SCHEMAS))}"
        if purpose == "build":
            return None
        marker = _verified_marker(path)
        if marker is not None and marker.exists():
            return None  # verified since its last change
        result = db.execute("PRAGMA quick_check").fetchone()
        if not result or result[0] != "ok":
            return f"damaged:{result[0] if result else '完整性检查无结果'}"
        remember_verified(path)
        return None
    finally:
        db.close()


def remember_verified(path: Path) -> None:
    """Note that the index as it is now is sound (checked, or just written by SQLite), so the
    next check need not read all of it again."""
    if os.path.isdir(path):
        for name in sorted(os.listdir(path)):
            if name.endswith(".sqlite"):
                remember_verified(Path(path) / name)
        return
    marker = _verified_marker(path)
    if marker is not None:
        with suppress(OSError):
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()


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


BUCKET_BITS = 8  # 256 buckets: a bucket of a 10^5-document corpus is ~12 MB of postings, of 10^6 ~125 MB
SPILL_ROWS = 2_000_000  # postings held in memory (64 MB) before they are appended to the bucket files


class Spill:
    """Postings sorted out by bucket (the low bits of the hash, see ``store_keys``): held in
    memory up to SPILL_ROWS, then split by bucket in one pass and appended to one file per
    bucket, so a build of any size needs memory for one bucket only (an external sort: bucket,
    then sort each bucket). 256 buckets: ~4 M postings (128 MB) each at 10^6 documents."""

    def __init__(self, folder: Path, bits: int = BUCKET_BITS, limit: int | None = None) -> None:
        self.folder, self.bits, self.limit = folder, bits, SPILL_ROWS if limit is None else limit
        self.flushes = 0
        self.held: list[np.ndarray] = []
        self.rows = 0

    def add(self, postings: np.ndarray) -> None:
        if not len(postings):
            return
        self.held.append(postings)
        self.rows += len(postings)
        if self.rows >= self.limit:
            self.flush()

    def _split(self) -> Iterator[tuple[int, np.ndarray]]:
        """The held postings by bucket, each bucket's in the order they were added."""
        if not self.held:
            return
        held = np.concatenate(self.held)
        self.held, self.rows = [], 0
        for b, part in enumerate(split_by_bucket(held, self.bits)):
            if len(part):
                yield b, part

    def flush(self) -> None:
        for b, part in self._split():
            with open(self.folder / f"{b:04d}.bin", "ab") as fh:
                part.tofile(fh)
        self.flushes += 1

    def buckets(self) -> Iterator[np.ndarray]:
        last = dict(self._split())
        for b in range(1 << self.bits):
            parts = [last.pop(b)] if b in last else []
            stored = self.folder / f"{b:04d}.bin"
            if stored.exists():
                parts.insert(0, np.fromfile(stored, dtype=np.int64).reshape(-1, 4))
                stored.unlink()
            yield np.concatenate(parts) if len(parts) > 1 else parts[0] if parts else np.zeros((0, 4), np.int64)


def reduce_bucket(postings: np.ndarray, frequent_docs: int) -> tuple[np.ndarray, np.ndarray]:
    """One bucket's postings sorted by key, one per (key, doc, block) keeping the first offset,
    and its frequent fingerprints apart: (postings (n, 4), frequent (m, 2) of key and documents).
    The rows are gathered in key order once (a random gather costs a cache miss a row)."""
    if not len(postings):
        return postings, np.zeros((0, 2), np.int64)
    # the one gather in random order (np.take: ~6x faster than indexing for rows); the rest in sequence
    p = np.take(postings, _key_order(postings), axis=0)
    key, doc, block = (p[:, j] for j in range(3))
    n = len(p)
    new_key = np.ones(n, bool)
    np.not_equal(key[1:], key[:-1], out=new_key[1:])
    new_doc = new_key.copy()
    new_doc[1:] |= doc[1:] != doc[:-1]
    first = new_doc.copy()
    first[1:] |= block[1:] != block[:-1]
    start = np.flatnonzero(new_key)
    docs = np.add.reduceat(new_doc, start, dtype=np.int64)
    frequent = docs > frequent_docs
    if bool(frequent.any()):
        first &= ~np.repeat(frequent, np.diff(np.append(start, n)))
    return np.take(p, np.flatnonzero(first), axis=0), np.stack([key[start[frequent]], docs[frequent]], axis=1)


def rows(table: np.ndarray) -> Iterator[tuple[int, ...]]:
    """The rows of an int64 table as tuples of Python ints, made column by column (one
    ``tolist`` per column costs a tenth of ``table.tolist()``, which builds a list per row)."""
    return zip(*(table[:, j].tolist() for j in range(table.shape[1])), strict=True)


def _key_order(postings: np.ndarray) -> np.ndarray:
    """The order of postings by (key, doc, block, offset). Builds add documents in order and
    each document's postings in order of block and offset, so the rows usually come sorted by
    the last three: then the keys alone are sorted (numpy's unstable sort, a fifth of the time
    of a stable one) and only the rows sharing a key are put back in the order they came in."""
    d, b, o = (np.diff(postings[:, j]) for j in (1, 2, 3))
    if not bool(np.all((d > 0) | ((d == 0) & ((b > 0) | ((b == 0) & (o >= 0)))))):
        return np.lexsort((postings[:, 3], postings[:, 2], postings[:, 1], postings[:, 0]))
    keys = np.ascontiguousarray(postings[:, 0])
    order = np.argsort(keys)
    keys = keys[order]
    tie = keys[1:] == keys[:-1]
    if bool(tie.any()):
        shared = np.zeros(len(order), bool)  # rows whose key another row has too
        shared[1:] |= tie
        shared[:-1] |= tie
        where = np.flatnonzero(shared)
        order[where] = order[where][np.lexsort((order[where], keys[where]))]
    return order


def run_bounds(keys: np.ndarray) -> np.ndarray:
    """Where the runs of sorted ``keys`` start: at 0, wherever the top SEGMENT_BITS of the key
    change, and, counting from there, at the first change of key at or after each multiple of
    RUN postings. The runs depend on the keys alone, not on how a build split them into buckets
    (spill and shuffle buckets are made of whole segments), so every build writes the same rows.
    (Few temporaries: a bucket holds millions of postings.)"""
    n = len(keys)
    if not n:
        return np.zeros(0, np.int64)
    cand = np.flatnonzero(keys[1:] != keys[:-1])  # a key ends here: a run may start after it
    cand += 1
    cand = np.concatenate(([0], cand))
    # the segments' first positions: the first key at or above each segment's lowest key
    lowest = ((np.arange(1 << SEGMENT_BITS, dtype=np.uint64) << np.uint64(64 - SEGMENT_BITS))
              ^ np.uint64(1 << 63)).view(np.int64)
    starts = np.unique(np.searchsorted(keys, lowest))
    starts = starts[starts < n]
    begins = np.searchsorted(starts, cand, side="right")  # 1 + the segment of each candidate
    begins -= 1
    step = cand - starts[begins]
    step //= RUN
    cut = np.empty(len(cand), bool)
    cut[0] = True
    np.not_equal(step[1:], step[:-1], out=cut[1:])
    cut[np.searchsorted(cand, starts)] = True  # a segment's start is always a change of key
    return cand[cut]


def _as_records(postings: np.ndarray) -> np.ndarray:
    """(n, 4) postings of (key, doc, block, offset) as records of RUN_DTYPE (the caller checks the range)."""
    records = np.empty(len(postings), RUN_DTYPE)
    for j, name in enumerate(RUN_DTYPE.names or ()):
        records[name] = postings[:, j]
    return records


def _as_table(records: np.ndarray) -> np.ndarray:
    """Records of RUN_DTYPE as (n, 4) int64 postings: ``_as_records`` undone."""
    table = np.empty((len(records), 4), np.int64)
    for j, name in enumerate(RUN_DTYPE.names or ()):
        table[:, j] = records[name]
    return table


def write_bucket(db: sqlite3.Connection, postings: np.ndarray, frequent: np.ndarray) -> None:
    """A bucket's postings, sorted by key, as runs: one row of ``prints`` per run, named by its
    first key, holding its postings as packed records (RUN_DTYPE); one row per frequent key."""
    if len(postings):
        narrow = postings[:, 1:]
        if int(narrow.min()) < INT32.min or int(narrow.max()) > INT32.max:
            raise ValueError("文档、段落编号或位置超出索引格式的范围")
        records = _as_records(postings)
        starts = run_bounds(postings[:, 0])
        data = memoryview(records.view(np.uint8))
        size = RUN_DTYPE.itemsize
        ends = [*starts[1:].tolist(), len(postings)]
        db.executemany("INSERT INTO prints VALUES (?, ?)",
                       ((int(first), data[a * size:b * size])
                        for first, a, b in zip(postings[starts, 0].tolist(), starts.tolist(), ends, strict=True)))
    db.executemany("INSERT INTO frequent VALUES (?, ?)", rows(frequent))


@dataclass(frozen=True, slots=True)
class Runs:
    """Rows of ``prints`` decoded: their postings together (records of RUN_DTYPE, key order),
    run i being ``records[starts[i]:starts[i + 1]]``, named by its first key (``decode_runs``
    checked that it is the row's ``first``)."""
    starts: list[int]
    records: np.ndarray

    def __iter__(self) -> Iterator[tuple[int, np.ndarray]]:
        for a, b in itertools.pairwise(self.starts):
            run = self.records[a:b]
            yield int(run["key"][0]), run


def decode_runs(found: list[tuple[Any, Any]]) -> Runs:
    """Rows (first, data) of ``prints``, checked (nothing read from disk is trusted) and decoded
    in one pass: a run that is not a whole number of records, does not begin with its own
    first key, is not sorted by key, or reaches into the next run's keys is damage (ValueError)."""
    if not all(isinstance(f, int) and isinstance(d, bytes) for f, d in found):
        raise ValueError("指纹记录的类型不对")
    found = sorted(found, key=lambda row: int(row[0]))
    size = RUN_DTYPE.itemsize
    lengths = [len(d) for _, d in found]
    if any(n == 0 or n % size for n in lengths):
        raise ValueError(f"指纹记录的长度不是 {size} 字节的整数倍")
    records = np.frombuffer(b"".join(d for _, d in found), RUN_DTYPE)
    starts = [0, *itertools.accumulate(n // size for n in lengths)]
    keys = records["key"]
    if found and not np.array_equal(keys[starts[:-1]], np.asarray([f for f, _ in found], np.int64)):
        raise ValueError("指纹记录不是从它的首键开始")
    step = np.diff(keys)
    if bool(np.any(step < 0)) or bool(np.any(step[np.asarray(starts[1:-1], np.int64) - 1] == 0)):
        raise ValueError("指纹记录的键顺序错乱或互相重叠")
    return Runs(starts, records)


def runs_holding(db: sqlite3.Connection, keys: list[int]) -> Runs:
    """The runs of ``prints`` that may hold ``keys`` (sorted): for each key, the run with the
    greatest first key not above it, each run once. A key's postings are never split, so they
    are all in that run or nowhere."""
    found: dict[int, Any] = {}
    for chunk in _chunks(keys, CHUNK):
        marks = ",".join(["(?)"] * len(chunk))
        found.update(db.execute(
            "SELECT first, data FROM prints WHERE first IN (SELECT (SELECT first FROM prints WHERE first <= "
            f"k.column1 ORDER BY first DESC LIMIT 1) FROM (VALUES {marks}) AS k)", chunk).fetchall())
    return decode_runs(list(found.items()))


def postings_in(runs: Runs, keys: np.ndarray) -> np.ndarray:
    """The records of ``runs`` whose key is among ``keys`` (sorted), in key order."""
    stored = runs.records["key"]
    lo = np.searchsorted(stored, keys, side="left")
    n = np.searchsorted(stored, keys, side="right") - lo
    total = int(n.sum())
    return np.take(runs.records, np.repeat(lo - (np.cumsum(n) - n), n) + np.arange(total))


def _rewrite_run(db: sqlite3.Connection, first: int, records: np.ndarray, drop: np.ndarray) -> None:
    """A run of ``prints`` without the postings ``drop`` marks: named by its new first key, or
    gone when nothing is left (the runs stay in key order, each key still whole in one run)."""
    if not bool(drop.any()):
        return
    db.execute("DELETE FROM prints WHERE first = ?", (first,))
    kept = records[~drop]
    if len(kept):
        db.execute("INSERT INTO prints VALUES (?, ?)", (int(kept["key"][0]), kept.tobytes()))


def stored_postings(db: sqlite3.Connection, runs_per_part: int = 4096) -> Iterator[np.ndarray]:
    """Every posting of one file of an index, as (n, 4) int64 arrays of (key, doc, block,
    offset) in key order, then doc and block: the runs of the bulk build merged with the rows
    ``corpus add`` wrote apart. Each part holds whole keys (all of a key's postings)."""
    cursor = db.execute("SELECT first, data FROM prints ORDER BY first")
    low: int | None = None  # the keys of ``added`` below this went out with an earlier part
    while True:
        batch = cursor.fetchmany(runs_per_part)
        more = len(batch) == runs_per_part
        runs = decode_runs(batch)
        high = db.execute("SELECT first FROM prints WHERE first > ? ORDER BY first LIMIT 1",
                          (int(runs.records["key"][-1]),)).fetchone() if more else None
        where, args = [], []
        if low is not None:
            where.append("hash >= ?")
            args.append(low)
        if high is not None:
            where.append("hash < ?")
            args.append(int(high[0]))
        condition = " WHERE " + " AND ".join(where) if where else ""
        extra = db.execute(f"SELECT hash, doc, block, pos FROM added{condition}", args).fetchall()
        table = np.concatenate([np.array(extra, dtype=np.int64).reshape(-1, 4), _as_table(runs.records)])
        if len(table):
            yield table[np.lexsort((table[:, 2], table[:, 1], table[:, 0]))]
        if high is None:
            return
        low = int(high[0])


def build(index_path: Path, documents: Iterable[tuple[Document, str]], fresh: bool,
          frequent_docs: int = FREQUENT_DOCS, shards: bool = False) -> tuple[int, int]:
    """Add documents to the index; returns (added, total). ``fresh`` builds a new index in a
    temporary file beside it by an external sort (postings spilled by bucket, each bucket
    sorted and written in key order) and renames it over the old one at the end, so checks
    running meanwhile read the old index whole, and a failed build leaves it as it was.
    ``shards`` (or an index that is a folder already): a shard folder, one file per bucket."""
    target = index_path
    shards = shards or index_path.is_dir()
    if fresh:
        validate(index_path, "build")  # Index(create=True) checks an index it adds to
        index_path = index_path.with_name(f".{index_path.name}.{os.getpid()}.building")
        remove_index(index_path)
    added = 0
    try:
        with Index(index_path, create=True, frequent_docs=frequent_docs,
                   shards=SHARD_BITS if fresh and shards else None) as index:
            if fresh:
                added = _bulk(index, documents)
            else:
                for doc, sha in documents:
                    added += index.add(doc, sha)
                    if added and added % 500 == 0:
                        index.db.commit()
            total = index.count()
        if fresh:
            replace_index(index_path, target)
        remember_verified(target)
    except sqlite3.OperationalError as exc:
        raise _unwritable(target, exc) from exc
    finally:
        if fresh:
            remove_index(index_path)
    return added, total


def unjournaled(db: sqlite3.Connection) -> None:
    """A new index is written to a temporary file renamed at the end: a crash leaves only that
    file, so the journal and the waits for the disk are not needed while it is written."""
    db.commit()
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-65536")  # 64 MiB


def write_shard(folder: Path, bucket: int, frequent_docs: int, parts: Iterable[tuple[np.ndarray, np.ndarray]],
                build_id: str) -> int:
    """A shard file of a new shard folder: the postings and frequent fingerprints of one
    bucket, given in key order (by the embedded build, or by a Dask worker), marked with the
    build it belongs to; returns its rows."""
    path = folder / shard_name(bucket)
    _unlink_database(path)
    db = _open_writable(path, frequent_docs)
    written = 0
    try:
        unjournaled(db)
        # runs are appended in key order, each page written once: a small cache suffices, and a
        # worker writing shard after shard does not touch 64 MiB of fresh memory for each
        db.execute("PRAGMA cache_size=-4096")
        db.execute("INSERT OR IGNORE INTO meta VALUES ('bucket', ?)", (str(bucket),))
        db.execute("INSERT OR IGNORE INTO meta VALUES ('build', ?)", (build_id,))
        for postings, frequent in parts:
            write_bucket(db, postings, frequent)
            written += len(postings)
        db.commit()
        db.execute("PRAGMA journal_mode=DELETE")
    finally:
        db.close()
    return written


def _bulk(index: Index, documents: Iterable[tuple[Document, str]]) -> int:
    """A new index's documents, paragraphs, then its fingerprints bucket by bucket."""
    added = 0
    unjournaled(index.db)
    with tempfile.TemporaryDirectory(prefix=f".{index.path.name}.spill", dir=index.folder) as folder:
        spill = Spill(Path(folder), max(BUCKET_BITS, index.bits))
        for doc, sha in documents:
            key = index.key(doc.path)
            cur = index.db.execute("INSERT OR IGNORE INTO documents (path, sha256, chars) VALUES (?, ?, ?)",
                                   (key, sha, sum(len(b.text) for b in doc.blocks)))
            if not cur.rowcount:  # the same file named twice
                continue
            blocks, postings = document_postings(doc, int(cur.lastrowid or 0))
            index.db.executemany("INSERT INTO blocks VALUES (?, ?, ?)", blocks)
            spill.add(postings)
            added += 1
            if added % 500 == 0:
                index.db.commit()
        index.db.commit()
        reduced = (reduce_bucket(bucket, index.frequent_docs) for bucket in spill.buckets())
        if not index.bits:
            for postings, frequent in reduced:
                write_bucket(index.db, postings, frequent)
            return added
        per_shard = 1 << (spill.bits - index.bits)  # spill buckets, in order, make up each shard
        for shard in range(1 << index.bits):
            write_shard(index.path, shard, index.frequent_docs, itertools.islice(reduced, per_shard), index.build_id)
    return added


def replace_index(built: Path, target: Path) -> None:
    """Put a newly built index (a file or a shard folder) in the place of ``target``. A folder
    cannot be renamed over another: the old one is moved aside first and removed after."""
    if not built.is_dir() and not target.is_dir():
        os.replace(built, target)
        return
    aside = target.with_name(f".{target.name}.{os.getpid()}.old")
    remove_index(aside)
    if target.is_dir() or target.exists():
        os.replace(target, aside)
    os.replace(built, target)
    remove_index(aside)


def remove_index(path: Path) -> None:
    """Remove an index file (and its journal files) or a shard folder reportlint made."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        _unlink_database(path)


def _unlink_database(path: Path) -> None:
    for p in (str(path), f"{path}-wal", f"{path}-shm", f"{path}-journal"):
        with suppress(FileNotFoundError):
            os.unlink(p)


@dataclass(frozen=True, slots=True)
class Pair:
    first: str  # paths as users see them
    second: str
    shared: int  # fingerprints the two documents share (frequent ones, 套话, not counted)
    share: float  # shared over the fingerprints of the document with fewer of them


def pairs(index_path: Path, min_shared: int = 10, min_share: float = 0.1) -> list[Pair]:
    """Every pair of indexed documents sharing at least ``min_shared`` fingerprints that make at
    least ``min_share`` of the smaller document's: a self-join of the postings, read in key
    order (so one key's documents at a time), without Dask. Most shared first."""
    validate(index_path, "check")
    with Index(index_path) as index:
        try:
            return _pairs(index, min_shared, min_share)
        except (sqlite3.DatabaseError, TypeError, ValueError, OverflowError) as exc:
            raise CorpusError(f"参考语料索引“{index_path}”已损坏（{exc}）；"
                              f"请用 reportlint corpus build 材料目录 -o {index_path} 重新建立（会替换它）") from exc


def _pairs(index: Index, min_shared: int, min_share: float) -> list[Pair]:
    totals: dict[int, int] = defaultdict(int)
    paths = {int(i): str(p) for i, p in index.db.execute("SELECT id, path FROM documents")}
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for bucket in range(1 << index.bits):  # a key lives in one shard only: the counts add up
        for part in stored_postings(index.prints_db(bucket)):  # whole keys, sorted by key and document
            new = np.ones(len(part), bool)
            new[1:] = (part[1:, 0] != part[:-1, 0]) | (part[1:, 1] != part[:-1, 1])
            once = part[new, :2]  # (key, doc) once each
            for d, n in zip(*np.unique(once[:, 1], return_counts=True), strict=True):
                totals[int(d)] += int(n)
            new = np.ones(len(once), bool)
            new[1:] = once[1:, 0] != once[:-1, 0]
            start = np.flatnonzero(new)
            size = np.diff(np.append(start, len(once)))
            for a, n in zip(start[size > 1].tolist(), size[size > 1].tolist(), strict=True):  # keys in 2+ documents
                _count(once[a:a + n, 1].tolist(), shared)
    out = []
    for (a, b), n in shared.items():
        share = n / max(min(totals.get(a, 0), totals.get(b, 0)), 1)
        if n >= min_shared and share >= min_share and a in paths and b in paths:
            out.append(Pair(index.shown(paths[a]), index.shown(paths[b]), n, round(share, 3)))
    return sorted(out, key=lambda p: (-p.share, -p.shared, p.first, p.second))


def _count(docs: list[int], shared: dict[tuple[int, int], int]) -> None:
    for i, a in enumerate(docs):  # a key is in at most frequent_docs documents: few pairs
        for b in docs[i + 1:]:
            shared[(a, b)] += 1
