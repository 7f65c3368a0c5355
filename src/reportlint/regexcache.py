"""Compiled regular expressions kept between runs.

Compiling reportlint's few hundred patterns costs Python's ``re`` 20–30 ms per process, a
fifth of a one-file check, mostly spent tabulating classes of Chinese characters. ``re``
cannot pickle a compiled pattern, but it compiles in two steps: Python code turns the
pattern into a list of integers, then ``_sre.compile`` (C) builds the pattern object from
that list. The lists are kept in the cache directory, one file per Python version and ``re``
engine version, and ``prime`` fills ``re``'s own cache from them, so every ``re.compile``
or ``re.search`` of a known pattern finds its object ready. ``save`` adds the patterns a run
compiled that the file did not have. Anything unexpected (another Python, a changed ``re``,
an unreadable file) only means that patterns are compiled as usual.
"""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path
from typing import Any

from .store import cache_dir, write_atomic

try:
    import _sre
except ImportError:  # not CPython: nothing to prime
    _sre = None  # type: ignore[assignment]

MAX_PATTERNS = 2000  # a table grown past this starts again from the current run's patterns
_known: set[tuple[str, int]] = set()


def _table_file() -> Path | None:
    if _sre is None or not isinstance(getattr(re, "_cache", None), dict):
        return None
    return cache_dir() / f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"


def _read(path: Path) -> dict[tuple[str, int], tuple[int, list[int], int, dict[str, int]]]:
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def prime() -> int:
    """Fill ``re``'s cache from the table; returns how many patterns were made ready."""
    path = _table_file()
    if path is None:
        return 0
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    for (pattern, flags), (final_flags, code, groups, groupindex) in _read(path).items():
        indexgroup: list[str | None] = [None] * (groups + 1)
        for name, i in groupindex.items():
            indexgroup[i] = name
        try:
            compiled = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
        except Exception:  # the engine's format is not what the table holds: compile as usual
            return len(_known)
        cache[(str, pattern, flags)] = compiled
        _known.add((pattern, flags))
    return len(_known)


def save() -> int:
    """Add the patterns compiled since ``prime`` to the table (one more parse each, only
    for new patterns, so a run that met no new pattern pays nothing); returns how many."""
    path = _table_file()
    if path is None:
        return 0
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    new = [(key[1], key[2], compiled) for key, compiled in list(cache.items())
           if key[0] is str and (key[1], key[2]) not in _known]
    if not new:
        return 0
    from re import _compiler, _parser  # type: ignore[attr-defined]

    table = _read(path)
    if len(table) + len(new) > MAX_PATTERNS:
        table = {}
    for pattern, flags, compiled in new:
        try:
            code = [int(op) for op in _compiler._code(_parser.parse(pattern, flags), flags)]  # plain ints
        except Exception:  # re changed its internals: keep the table as it is
            return 0
        table[(pattern, int(flags))] = (compiled.flags, code, compiled.groups, dict(compiled.groupindex))
        _known.add((pattern, flags))
    try:
        write_atomic(path, marshal.dumps(table))
    except (OSError, ValueError):
        return 0
    return len(new)
