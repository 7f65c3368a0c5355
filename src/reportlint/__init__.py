"""reportlint: lint Chinese official reports for numbering, section, measure and boilerplate defects.

Public API::

    from reportlint import lint_text, lint_file          # findings for a text or a file
    from reportlint import hookimpl, Document, Block, Rule, Finding, Context   # for plugins

``lint_text(text, *, name="input.txt", profile=None, select=None)`` and
``lint_file(path, *, profile=None, select=None)`` return a list of ``Finding``; they are
imported on first use, so ``import reportlint`` stays light.
"""

from __future__ import annotations

__version__ = "0.1.0"

import gc as _gc
from typing import Any

_collecting = _gc.isenabled()
_gc.disable()  # while the imports below build their objects: the collector's passes were 1 % of a check's start
try:
    from .context import Context
    from .errors import ConfigError, CorpusError, ErrorKind, LoadError, ReportlintError, RulebookError
    from .hookspecs import hookimpl
    from .model import Block, Document, Finding, Rule
finally:
    if _collecting:
        _gc.enable()

__all__ = [
    "Block",
    "ConfigError",
    "Context",
    "CorpusError",
    "Document",
    "ErrorKind",
    "Finding",
    "LoadError",
    "ReportlintError",
    "Rule",
    "RulebookError",
    "__version__",
    "hookimpl",
    "lint_file",
    "lint_text",
]


def __getattr__(name: str) -> Any:
    if name in ("lint_text", "lint_file"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'reportlint' has no attribute {name!r}")
