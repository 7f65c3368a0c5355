"""The four hooks a reportlint plugin can implement.

Every hook receives a ``register`` callback; the host validates what is registered,
rejects duplicates and names the plugin responsible. Implementations may accept any
subset of the arguments (pluggy's rule), so hooks can gain arguments later without
breaking plugins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

import pluggy

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from .context import Context
    from .model import Document, Finding, Rule

hookspec = pluggy.HookspecMarker("reportlint")
hookimpl = pluggy.HookimplMarker("reportlint")


class Loader(Protocol):
    def __call__(self, path: Path, data: bytes) -> Document: ...


class Check(Protocol):
    def __call__(self, ctx: Context, rule: Rule) -> Iterable[Finding]: ...


class Reporter(Protocol):
    def __call__(self, results: list, out: TextIO, options: dict) -> None: ...


@hookspec
def register_loaders(register: Callable[[str, Loader], None]) -> None:
    """Register a loader for a file type: ``register(".docx", load_docx)``.

    The type is the canonical suffix reportlint decides from the file's first bytes
    (``.txt``, ``.docx``, ``.pdf``) or, for other types, the file's own suffix.
    A loader takes the path and the file's bytes and returns a ``Document``; it raises
    ``reportlint.LoadError`` with a Chinese reason when the file cannot be read.
    """


@hookspec
def register_checks(register: Callable[[str, Check], None]) -> None:
    """Register check functions by name: ``register("numbering.sequence", check_sequence)``.

    A check takes the ``Context`` of one document (``ctx.doc`` blocks, ``ctx.outline``,
    ``ctx.profile``) and one ``Rule`` whose
    ``check`` names it, and yields ``Finding`` objects made with ``rule.finding(...)``.
    """


@hookspec
def register_rulebooks(register: Callable[[Traversable], None]) -> None:
    """Register rule data: a directory holding ``*.toml`` rule files and ``profiles/``.

    ``register(importlib.resources.files(__package__) / "rules")``.
    """


@hookspec
def register_reporters(register: Callable[[str, Reporter], None]) -> None:
    """Register an output format: ``register("json", report_json)``.

    A reporter receives the list of per-file results, the output stream and the run's
    options (``{"color": bool, "fail_on": str, ...}``) and writes the report.
    """
