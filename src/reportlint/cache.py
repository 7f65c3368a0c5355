"""The result cache: a file's findings kept under a key of everything they depend on.

The key covers the file's bytes and path, reportlint's code and version, the code of every
loaded plugin, the rules, profiles, configuration and options, and the reference corpus
index (its documents, or its file's identity when it cannot be read). An entry is JSON of
plain values, sealed by ``store`` and rebuilt field by field into a FileResult; anything
that does not fit (a damaged file, ``null``, another format) is a miss and the file is
checked again. A cache folder that is not safe to use (``store.trusted``) is not used.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from . import __version__
from .engine import FileResult, Session, Settings
from .model import SEVERITY_RANK, Finding
from .store import code_stamp, read_entry, sha256, trusted, write_entry

if TYPE_CHECKING:
    from .config import Config
    from .plugins import Registry

_KIND = "result"
_FINDING_FIELDS = tuple(f.name for f in fields(Finding))
_STR_FIELDS = tuple(_FINDING_FIELDS.index(n) for n in ("path", "rule", "name", "message", "excerpt"))
_INT_FIELDS = tuple(_FINDING_FIELDS.index(n) for n in ("block", "start", "end_block", "end",
                                                        "line", "column", "end_line", "end_column"))
_PAGE, _SUGGESTION, _RELATED, _SEVERITY = (_FINDING_FIELDS.index(n) for n in ("page", "suggestion", "related",
                                                                             "severity"))
_FIX = _FINDING_FIELDS.index("fix")
MAX_PLUGIN_FILES = 2000


class Cache:
    """Results by file content, path and everything else a result depends on (see the
    module's docstring), in a directory that is safe to delete; entries are written
    atomically, so concurrent runs never see a half-written one."""

    def __init__(self, root: Path) -> None:
        self.root = root / f"v{__version__}"
        self._base = root
        self._usable: bool | None = None
        self._fingerprints: dict[tuple[int, str], str] = {}

    @property
    def usable(self) -> bool:
        if self._usable is None:
            self._usable = trusted(self._base) and trusted(self.root)
        return self._usable

    def _fingerprint(self, config: Config, session: Session, settings: Settings) -> str:
        marker = (id(config), repr(settings))
        if marker not in self._fingerprints:
            registry, book = session.books(config)
            data = {
                "code": code_stamp(),
                "plugin_code": plugin_stamp(registry),
                "rules": {c: [r.check, r.severity, dict(r.params), dict(r.messages)] for c, r in book.rules.items()},
                "profiles": {p.id: repr(p) for p in book.profiles.values()},
                "plugins": sorted(registry.owners.items()),
                "config": repr(config),
                "settings": repr(settings),
                "corpus": corpus_stamp(settings.corpus or config.corpus),
            }
            blob = json.dumps(data, sort_keys=True, default=repr)
            self._fingerprints[marker] = sha256(blob.encode()).hexdigest()
        return self._fingerprints[marker]

    def key(self, job: Any, session: Session, settings: Settings) -> str | None:
        """The key of ``job`` (anything with ``path`` and ``config``), or None when the file
        cannot be read or the cache cannot be used."""
        if not self.usable:
            return None
        try:
            if not job.path.is_file() or job.path.is_symlink():
                return None
            with open(job.path, "rb") as fh:
                digest = sha256(fh.read()).hexdigest()
        except (OSError, ValueError):
            return None
        raw = f"{self._fingerprint(job.config, session, settings)}|{os.fsencode(str(job.path)).hex()}|{digest}"
        return sha256(raw.encode()).hexdigest()

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str, path: str | None = None) -> FileResult | None:
        """The stored result, or None: missing, damaged or not for ``path``."""
        if not self.usable:
            return None
        payload = read_entry(self._file(key), _KIND)
        if payload is None:
            return None
        result = decode(payload)
        if result is None or (path is not None and result.path != path):
            return None
        return result

    def put(self, key: str, result: FileResult) -> None:
        """Store ``result``; a cache that cannot be written only costs speed."""
        if not self.usable:
            return
        data = encode(result)
        if data is not None:
            write_entry(self._file(key), _KIND, data)


def encode(result: FileResult) -> bytes | None:
    """JSON of the result's plain values (ASCII: a file name with undecodable bytes keeps
    them as escaped surrogates); None when something cannot be written as JSON."""
    data = {
        "path": result.path,
        "findings": [[getattr(f, n) for n in _FINDING_FIELDS] for f in result.findings],
        "doctype": result.doctype,
        "error": result.error,
        "skipped": result.skipped,
        "lines": {str(k): v for k, v in result.lines.items()},
    }
    try:
        return json.dumps(data, ensure_ascii=True, default=_jsonable).encode("ascii")
    except (ValueError, TypeError, RecursionError):
        return None


def decode(payload: bytes) -> FileResult | None:
    """The FileResult in ``payload``, or None when it is not exactly what ``encode`` writes."""
    try:
        data = json.loads(payload)
    except (ValueError, RecursionError):
        return None
    if type(data) is not dict or set(data) != {"path", "findings", "doctype", "error", "skipped", "lines"}:
        return None
    path, doctype, error, skipped, lines, rows = (data["path"], data["doctype"], data["error"], data["skipped"],
                                                  data["lines"], data["findings"])
    if not (type(path) is str and _opt_str(doctype) and _opt_str(skipped) and type(rows) is list):
        return None
    if error is not None and not (type(error) is dict and set(error) == {"rule", "message"}
                                  and all(type(v) is str for v in error.values())):
        return None
    if type(lines) is not dict or not all(type(v) is str and k.isdecimal() for k, v in lines.items()):
        return None
    findings = []
    for row in rows:
        finding = _finding(row)
        if finding is None:
            return None
        findings.append(finding)
    return FileResult(path, findings=findings, doctype=doctype, error=error, skipped=skipped,
                      lines={int(k): v for k, v in lines.items()})


def _finding(row: Any) -> Finding | None:
    if type(row) is not list or len(row) != len(_FINDING_FIELDS):
        return None
    if not (all(type(row[i]) is str for i in _STR_FIELDS) and all(type(row[i]) is int for i in _INT_FIELDS)):
        return None
    page, suggestion, related = row[_PAGE], row[_SUGGESTION], row[_RELATED]
    if row[_SEVERITY] not in SEVERITY_RANK or not (page is None or type(page) is int) or not _opt_str(suggestion):
        return None
    if type(related) is not list or not all(type(r) is dict for r in related):
        return None
    fix = row[_FIX]
    if type(fix) is not list or not all(type(e) is list and len(e) == 4 and all(type(v) is int for v in e[:3])
                                        and type(e[3]) is str for e in fix):
        return None
    values = dict(zip(_FINDING_FIELDS, row, strict=True))
    values["related"] = tuple(related)
    values["fix"] = tuple(tuple(e) for e in fix)
    return Finding(**values)


def _opt_str(value: Any) -> bool:
    return value is None or type(value) is str


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, tuple):
        return list(value)
    return str(value)


_PLUGIN_STAMPS: dict[frozenset[str], str] = {}


def plugin_stamp(registry: Registry) -> str:
    """A digest of the source of every plugin outside reportlint itself (its whole top-level
    package), so that an edited or upgraded plugin never reuses old results."""
    names: set[str] = set()
    plugins = registry.pm.get_plugins() if registry.pm is not None else ()
    for plugin in plugins:
        names.add(plugin.__name__ if isinstance(plugin, ModuleType) else getattr(plugin, "__module__", "") or "")
    for table in (registry.checks, registry.loaders):
        names.update(getattr(fn, "__module__", "") or "" for fn in table.values())
    tops = frozenset(n.partition(".")[0] for n in names if n and n.partition(".")[0] != "reportlint")
    if tops not in _PLUGIN_STAMPS:
        digest = sha256()
        for top in sorted(tops):
            digest.update(f"|{top}|".encode())
            for file in _source_files(sys.modules.get(top)):
                try:
                    digest.update(f"{file}:".encode("utf-8", "surrogateescape") + Path(file).read_bytes())
                except OSError:
                    digest.update(f"{file}:unreadable".encode("utf-8", "surrogateescape"))
        _PLUGIN_STAMPS[tops] = digest.hexdigest()
    return _PLUGIN_STAMPS[tops]


def _source_files(module: ModuleType | None) -> list[str]:
    if module is None:
        return []
    folders = list(getattr(module, "__path__", ()) or ())
    if not folders:
        file = getattr(module, "__file__", None)
        return [file] if file else []
    found: list[str] = []
    for folder in folders:
        for base, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            found.extend(os.path.join(base, f) for f in sorted(files) if f.endswith((".py", ".toml")))
            if len(found) > MAX_PLUGIN_FILES:
                return found[:MAX_PLUGIN_FILES]
    return found


def corpus_stamp(index: Path | None) -> Any:
    """What identifies the reference corpus index: the documents it holds (path and content
    digest of each) and its metadata, read from SQLite without writing anything beside it;
    the file's identity when it cannot be read that way."""
    if index is None:
        return None
    if os.path.isdir(index):  # a shard folder: its documents are listed in its index.sqlite
        index = Path(index) / "index.sqlite"
    try:
        import sqlite3
        from urllib.parse import quote

        wal = os.path.exists(f"{index}-wal")  # changes not yet in the main file: read through SQLite's log
        uri = f"file:{quote(os.path.abspath(index))}?mode=ro" + ("" if wal else "&immutable=1")
        db = sqlite3.connect(uri, uri=True)
        try:
            digest = sha256()
            for row in db.execute("SELECT key, value FROM meta ORDER BY key"):
                digest.update(repr(row).encode("utf-8", "surrogateescape"))
            for row in db.execute("SELECT path, sha256 FROM documents ORDER BY path"):
                digest.update(repr(row).encode("utf-8", "surrogateescape"))
            return [str(index), digest.hexdigest()]
        finally:
            db.close()
    except Exception:  # not an index B105 can read (B105 says so): the file's identity is the key
        pass
    try:
        st = os.stat(index)
        return [str(index), "unreadable", st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]
    except OSError:
        return [str(index), "missing"]
