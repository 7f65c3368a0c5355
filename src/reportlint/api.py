"""The small public API for Python callers: lint a text or a file, get the findings.

    >>> from reportlint import lint_text
    >>> [f.rule for f in lint_text("……\\n本文档由用户上传，仅供参考", select="B101")]
    ['B101']

Both run the built-in rules and the installed plugins' rules, as ``reportlint check`` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .config import Config, find_config
from .engine import Session, Settings, check_document
from .engine import lint_file as _lint_file
from .errors import ConfigError, ErrorKind, LoadError
from .model import Finding
from .store import sha256

_SESSION: list[Session] = []
_TEXT_SUFFIXES = (".txt", ".md")


def _session() -> Session:
    if not _SESSION:
        _SESSION.append(Session())
    return _SESSION[0]


def _settings(profile: str | None, select: str | Iterable[str] | None) -> Settings:
    if isinstance(select, str):
        select = select.split(",")
    codes = None if select is None else tuple(c.strip().upper() for c in select if c.strip())
    return Settings(select=codes, profile=profile)


def lint_text(text: str, *, name: str = "input.txt", profile: str | None = None,
              select: str | Iterable[str] | None = None) -> list[Finding]:
    """Findings for ``text``, as if it were a plain-text file called ``name`` (``.md`` reads it
    as Markdown). ``profile`` names the document type (else it is detected); ``select`` keeps
    the rules whose codes start with one of these prefixes (``"N1,B101"`` or a list). No
    configuration file applies and nothing is read from or written to disk."""
    session = _session()
    registry, rulebook = session.books()
    settings = _settings(profile, select)
    suffix = Path(name).suffix.lower()
    data = text.encode("utf-8")
    doc = registry.loaders[suffix if suffix in _TEXT_SUFFIXES else ".txt"](Path(name), data)
    doc = replace(doc, meta={**doc.meta, "sha256": sha256(data).hexdigest()})
    config = Config()
    if profile and rulebook.profile(profile) is None:
        raise ConfigError(f"未知的文种“{profile}”")
    findings, _, _ = check_document(doc, Path(name), registry, rulebook, config, settings)
    return sorted(findings, key=Finding.sort_key)


def lint_file(path: str | Path, *, profile: str | None = None,
              select: str | Iterable[str] | None = None) -> list[Finding]:
    """Findings for a .docx, .pdf, .txt or .md file, with the configuration found above it (as
    ``reportlint check``). Raises ``LoadError`` (with ``code`` X101/X102 and ``kind``) when the
    file cannot be read."""
    path = Path(path)
    config = find_config(path.resolve().parent)
    result = _lint_file(path, _session(), config, _settings(profile, select))
    if result.error:
        error = result.error
        raise LoadError(error["message"], error["rule"], ErrorKind(error.get("kind", ErrorKind.UNREADABLE)))
    return result.findings
