"""The built-in plugin that registers reportlint's own rule data (``rules/``), like any
third-party plugin registers its rulebook; rulebook.py only reads rule data."""

from __future__ import annotations

from .hookspecs import hookimpl
from .rulebook import builtin_rules_dir


@hookimpl
def register_rulebooks(register):  # type: ignore[no-untyped-def]
    register(builtin_rules_dir())
