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
import stat
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from .errors import CorpusError
from .model import Document

K = 10  # characters per k-gram
W = 8  # hashes per winnowing window: shared runs of K + W - 1 = 17 characters are always found
MIN_CHARS = 20  # a paragraph shorter than this (normalised) is neither indexed nor queried
SCHEMA_VERSION = 3  # 3: document paths relative to the index's folder (2: absolute paths)
READABLE_SCHEMAS = frozenset({"2", "3"})
TABLES = frozenset({"meta", "documents", "blocks", "prints"})
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_SECONDS = 30.0  # how long a reader or writer waits while another process holds the file

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
        db = sqlite3.connect(f"{uri}?{params}", uri=True, timeout=BUSY_SECONDS)
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


class Index:
    """A SQLite file of documents, their paragraphs and their fingerprints.

    ``Index(path)`` reads (it never writes the file, so checks run during ``corpus add`` and
    on read-only folders); ``Index(path, create=True)`` writes, creating the file when it is
    missing. Document paths are stored relative to the index's folder, so an index moved
    together with its documents, or built on another machine, still knows them."""

    def __init__(self, path: Path, create: bool = False) -> None:
        self.path = Path(path)
        self.folder = os.path.dirname(os.path.abspath(self.path))
        self.writable = create
        if not create:
            if not self.path.is_file():
                raise CorpusError(f"参考语料索引“{self.path}”不存在；先用 reportlint corpus build 建立")
            self.db = _connect_readonly(self.path)
            return
        validate(self.path, "add")
        self.db = sqlite3.connect(str(self.path), timeout=BUSY_SECONDS)
        try:
            self.db.execute("PRAGMA journal_mode=WAL")  # readers go on while this writes
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
            self._upgrade()
        except sqlite3.OperationalError as exc:
            self.db.close()
            raise _unwritable(self.path, exc) from exc

    def _upgrade(self) -> None:
        """Schema 2 stored absolute paths: store them relative to the index's folder."""
        if self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0] != "2":
            return
        rows = self.db.execute("SELECT id, path FROM documents").fetchall()
        self.db.executemany("UPDATE documents SET path = ? WHERE id = ?", [(self.key(p), i) for i, p in rows])
        self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        if self.writable:
            self.db.commit()
            with suppress(sqlite3.OperationalError):  # readers still open: the file stays in WAL mode
                self.db.execute("PRAGMA busy_timeout = 2000")
                self.db.execute("PRAGMA journal_mode=DELETE")  # at rest, no -wal/-shm files beside it
        self.db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is not None and self.writable:
            self.db.rollback()  # a document half added is not kept (those committed before are)
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
        Returns whether anything changed."""
        key = self.key(doc.path)
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
        character similarity of at least ``threshold``; the document itself is left out."""
        excluded = self._itself(doc, exclude_sha256)
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
                matches.append(Match(b.index, self.shown(best[0]), best[1], round(best[2], 2)))
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
        raise CorpusError(f"“{name}”是一个目录，不是参考语料索引文件")
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
        if missing:
            return f"damaged:缺少 {'、'.join(missing)} 表"
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None or row[0] not in READABLE_SCHEMAS:
            return f"version:索引格式 {row[0] if row else '未知'}，本版本可读 {'、'.join(sorted(READABLE_SCHEMAS))}"
        if purpose == "build":
            return None
        marker = _verified_marker(path)
        if marker is not None and marker.exists():
            return None  # verified since its last change
        result = db.execute("PRAGMA quick_check").fetchone()
        if not result or result[0] != "ok":
            return f"damaged:{result[0] if result else '完整性检查无结果'}"
        _remember_verified(path)
        return None
    finally:
        db.close()


def _remember_verified(path: Path) -> None:
    """Note that the index as it is now is sound (checked, or just written by SQLite), so the
    next check need not read all of it again."""
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


def build(index_path: Path, documents: Iterable[tuple[Document, str]], fresh: bool) -> tuple[int, int]:
    """Add documents to the index; returns (added, total). ``fresh`` builds a new index in a
    temporary file beside it and renames it over the old one at the end, so checks running
    meanwhile read the old index whole, and a failed build leaves it as it was."""
    target = index_path
    if fresh:
        validate(index_path, "build")  # Index(create=True) checks an index it adds to
        index_path = index_path.with_name(f".{index_path.name}.{os.getpid()}.building")
        _unlink_database(index_path)
    added = 0
    try:
        with Index(index_path, create=True) as index:
            for doc, sha in documents:
                added += index.add(doc, sha)
                if added and added % 500 == 0:
                    index.db.commit()
            total = index.count()
        if fresh:
            os.replace(index_path, target)
        _remember_verified(target)
    except sqlite3.OperationalError as exc:
        raise _unwritable(target, exc) from exc
    finally:
        if fresh:
            _unlink_database(index_path)
    return added, total


def _unlink_database(path: Path) -> None:
    for p in (str(path), f"{path}-wal", f"{path}-shm", f"{path}-journal"):
        with suppress(FileNotFoundError):
            os.unlink(p)
