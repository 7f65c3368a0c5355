"""reportlint: lint Chinese official reports for numbering, section, measure and boilerplate defects.

Public API for rule and plugin authors::

    from reportlint import hookimpl, Document, Block, Rule, Finding, Context, lint_text
"""

from __future__ import annotations

__version__ = "0.1.0"

from .context import Context
from .errors import ConfigError, LoadError, ReportlintError, RulebookError
from .hookspecs import hookimpl
from .model import Block, Document, Finding, Rule

__all__ = [
    "Block",
    "ConfigError",
    "Context",
    "Document",
    "Finding",
    "LoadError",
    "ReportlintError",
    "Rule",
    "RulebookError",
    "__version__",
    "hookimpl",
]
