"""Helpers for tests of rules and plugins: lint text or a file with chosen rules."""

from __future__ import annotations

from pathlib import Path

from .config import Config, find_config
from .engine import FileResult, Session, Settings, lint_file
from .model import Finding

_SESSIONS: dict[tuple[str, ...], Session] = {}


def session(plugins: tuple[str, ...] = ()) -> Session:
    """A cached session without entry-point plugins, with ``plugins`` (module names) added."""
    if plugins not in _SESSIONS:
        _SESSIONS[plugins] = Session(entry_points=False, extra_plugins=plugins)
    return _SESSIONS[plugins]


def lint_path(path: Path, select: str | None = None, profile: str | None = None,
              plugins: tuple[str, ...] = (), use_config: bool = False) -> FileResult:
    """Lint one file without entry-point plugins; ``use_config`` reads the configuration
    found above the file (otherwise none applies)."""
    settings = Settings(select=tuple(select.split(",")) if select else None, profile=profile)
    config = find_config(path.resolve().parent) if use_config else Config()
    return lint_file(path, session(plugins), config, settings)


def lint_text(text: str, tmp_path: Path, select: str | None = None, profile: str | None = None,
              name: str = "doc.txt", plugins: tuple[str, ...] = (), use_config: bool = False) -> list[Finding]:
    """Write ``text`` to ``tmp_path/name`` and return the findings of the selected rules."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = lint_path(path, select, profile, plugins, use_config)
    assert result.error is None, result.error
    return result.findings


def codes(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]
