"""Compiled regular expressions kept between runs.

Compiling reportlint's few hundred patterns costs Python's ``re`` 20–30 ms per process, a
fifth of a one-file check, mostly spent tabulating classes of Chinese characters. ``re``
cannot pickle a compiled pattern, but it compiles in two steps: Python code turns the
pattern into a list of integers, then ``_sre.compile`` (C) builds the pattern object from
that list. The lists are kept in the cache directory as arrays of 32-bit numbers (one ``bytes``
each: unpacked in C, where a ``marshal``led list of ints cost half the priming), one file per
Python version, ``re`` engine version and byte order, sealed by ``store`` (a damaged or edited
table is ignored whole), and ``prime`` fills ``re``'s own cache from them, so every ``re.compile``
or ``re.search`` of a known pattern finds its object ready. ``save`` adds the patterns a run
compiled that the file did not have. The first-character classes of ``scan.first_chars``,
which need a parse of their own, are kept in the same file. Anything unexpected (another
Python, a changed ``re``, an unreadable file) only means that patterns are compiled as usual.
"""

from __future__ import annotations

import marshal
import re
import sys
from array import array
from pathlib import Path
from typing import Any

from .store import cache_root, read_entry, write_entry

try:
    import _sre
except ImportError:  # not CPython: nothing to prime
    _sre = None  # type: ignore[assignment]

_KIND = "regex"
# 2: each pattern's code as the bytes of an array of 32-bit numbers; 3: and the leads of ``scan.first_chars``
# give the second characters each first one allows; 4: a lead lists the digits \\d matches, and a pattern
# anchored at line starts has none; 5: a lead's second characters are grouped by the first ones they follow
_FORMAT = 5
_CODE = "I"  # the array type of the code: 32 bits (``_sre.CODESIZE``) where the table is used
MAX_PATTERNS = 2000  # a table grown past this keeps only the patterns the current run has in use
_known: set[tuple[str, int]] = set()
_leads: dict[tuple[str, int], str | None] = {}  # scan.first_chars results, kept alike
_new_leads: set[tuple[str, int]] = set()
Table = dict[str, dict[tuple[str, int], Any]]


def _table_file() -> Path | None:
    if (_sre is None or not isinstance(getattr(re, "_cache", None), dict) or _sre.CODESIZE != 4
            or array(_CODE).itemsize != 4):
        return None
    root = cache_root()
    if root is None:
        return None
    return root / f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{sys.byteorder}-{_FORMAT}.marshal"


def _read(path: Path) -> Table:
    """The table at ``path``; an empty one when it is missing, damaged or not the shape
    ``save`` writes."""
    empty: Table = {"patterns": {}, "leads": {}}
    payload = read_entry(path, _KIND)
    if payload is None:
        return empty
    try:
        table = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return empty
    if type(table) is not dict or set(table) != {"patterns", "leads"}:
        return empty
    patterns, leads = table["patterns"], table["leads"]
    if type(patterns) is not dict or type(leads) is not dict:
        return empty
    for key, value in patterns.items():
        if not (_key(key) and type(value) is tuple and len(value) == 4 and type(value[0]) is int
                and type(value[1]) is bytes and len(value[1]) % 4 == 0 and type(value[2]) is int
                and type(value[3]) is dict
                and all(type(k) is str and type(v) is int for k, v in value[3].items())):
            return empty
    if not all(_key(k) and (v is None or type(v) is str) for k, v in leads.items()):
        return empty
    return table


def _key(key: object) -> bool:
    return type(key) is tuple and len(key) == 2 and type(key[0]) is str and type(key[1]) is int


def lead(pattern: str, flags: int) -> tuple[bool, str | None]:
    """(known, value) of a first-character class remembered from an earlier run."""
    key = (pattern, int(flags))
    return (key in _leads, _leads.get(key))


def remember_lead(pattern: str, flags: int, value: str | None) -> None:
    key = (pattern, int(flags))  # a plain int: marshal refuses re.RegexFlag
    _leads[key] = value
    _new_leads.add(key)


def prime() -> int:
    """Fill ``re``'s cache from the table; returns how many patterns were made ready."""
    path = _table_file()
    if path is None:
        return 0
    table = _read(path)
    _leads.update(table["leads"])
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    for (pattern, flags), (final_flags, code, groups, groupindex) in table["patterns"].items():
        if not 0 <= groups < 1000 or not all(0 < i <= groups for i in groupindex.values()):
            continue
        indexgroup: list[str | None] = [None] * (groups + 1)
        for name, i in groupindex.items():
            indexgroup[i] = name
        try:
            compiled = _sre.compile(pattern, final_flags, array(_CODE, code).tolist(), groups, groupindex,
                                    tuple(indexgroup))
        except Exception:  # _sre refuses the code (another engine's format): compile as usual
            continue
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
    current = [(key[1], key[2], compiled) for key, compiled in list(cache.items()) if key[0] is str]
    new = [entry for entry in current if (entry[0], entry[1]) not in _known]
    if not new and not _new_leads:
        return 0
    from re import _compiler, _parser  # type: ignore[attr-defined]

    table = _read(path)
    patterns, leads = table["patterns"], table["leads"]
    if len(patterns) + len(new) > MAX_PATTERNS:
        in_use = {(p, f) for p, f, _ in current}
        patterns = {k: v for k, v in patterns.items() if k in in_use}
        leads = {k: v for k, v in leads.items() if k in _leads}
    for pattern, flags, compiled in new:
        try:
            code = array(_CODE, [int(op) for op in _compiler._code(_parser.parse(pattern, flags), flags)]).tobytes()
        except Exception:  # re changed its internals (or a number beyond 32 bits): keep the table as it is
            return 0
        patterns[(pattern, int(flags))] = (compiled.flags, code, compiled.groups, dict(compiled.groupindex))
        _known.add((pattern, flags))
    leads.update({k: _leads[k] for k in _new_leads})
    _new_leads.clear()
    try:
        data = marshal.dumps({"patterns": patterns, "leads": leads})
    except ValueError:
        return 0
    return len(new) if write_entry(path, _KIND, data) else 0
