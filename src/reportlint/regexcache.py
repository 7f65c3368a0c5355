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
which need a parse of their own, and other facts about the patterns (``FACT_KINDS``) are kept in
the same file. Anything unexpected (another Python, a changed ``re``, an unreadable file) only
means that patterns are compiled as usual.
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
# anchored at line starts has none; 5: facts of more kinds than the leads (``FACT_KINDS``); 6: a lead's second
# characters are grouped by the first ones they follow; 7: and the anchors of ``scan.anchor``; 8: and the line
# leads of ``scan.line_lead``
_FORMAT = 8
_CODE = "I"  # the array type of the code: 32 bits (``_sre.CODESIZE``) where the table is used
MAX_PATTERNS = 2000  # a table grown past this keeps only the patterns the current run has in use
_known: set[tuple[str, int]] = set()
# scan.first_chars, needchars.needed_chars, scan.line_lead (a string each, or None), scan.anchor (a string)
FACT_KINDS = ("leads", "needs", "anchors", "lines")
_facts: dict[str, dict[tuple[str, int], str | None]] = {kind: {} for kind in FACT_KINDS}
_new_facts: set[tuple[str, str, int]] = set()  # (kind, pattern, flags) found by this run
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
    empty: Table = {"patterns": {}, **{kind: {} for kind in FACT_KINDS}}
    payload = read_entry(path, _KIND)
    if payload is None:
        return empty
    try:
        table = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return empty
    if type(table) is not dict or set(table) != {"patterns", *FACT_KINDS}:
        return empty
    patterns = table["patterns"]
    if type(patterns) is not dict or any(type(table[kind]) is not dict for kind in FACT_KINDS):
        return empty
    for key, value in patterns.items():
        if not (_key(key) and type(value) is tuple and len(value) == 4 and type(value[0]) is int
                and type(value[1]) is bytes and len(value[1]) % 4 == 0 and type(value[2]) is int
                and type(value[3]) is dict
                and all(type(k) is str and type(v) is int for k, v in value[3].items())):
            return empty
    if not all(_key(k) and (v is None or type(v) is str) for kind in FACT_KINDS for k, v in table[kind].items()):
        return empty
    return table


def _key(key: object) -> bool:
    return type(key) is tuple and len(key) == 2 and type(key[0]) is str and type(key[1]) is int


def recall(kind: str, pattern: str, flags: int) -> tuple[bool, str | None]:
    """(known, value) of a fact of ``kind`` (one of ``FACT_KINDS``) about a pattern, remembered from an
    earlier run or this one."""
    facts = _facts[kind]
    key = (pattern, int(flags))
    return (key in facts, facts.get(key))


def remember(kind: str, pattern: str, flags: int, value: str | None) -> None:
    """Keep a fact of ``kind`` about a pattern for this run and, once ``save`` runs, for the next ones."""
    _facts[kind][(pattern, int(flags))] = value  # a plain int: marshal refuses re.RegexFlag
    _new_facts.add((kind, pattern, int(flags)))


def prime() -> int:
    """Make the table's patterns ready for ``re``; returns how many. On CPython 3.11, whose ``re._compile`` looks a
    pattern up in ``re._cache`` by subscript, the cache becomes a ``_ReadyCache``: each pattern is built when a run
    first asks for it (a one-report check asks for about 400 of 1,000, and building is most of priming's 10–15 ms).
    Elsewhere every pattern is built now."""
    # re keeps 512 compiled patterns and drops the oldest beyond that; the checks compile about as many, so which ones
    # were dropped by the end of a run (and were missing from ``save``'s table, to be added by the next run) depended
    # on the order they came in. Room for the whole table keeps every pattern of a run
    re._MAXCACHE = max(getattr(re, "_MAXCACHE", 0), MAX_PATTERNS)  # type: ignore[attr-defined]
    path = _table_file()
    if path is None:
        return 0
    table = _read(path)
    for kind in FACT_KINDS:
        _facts[kind].update(table[kind])
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    if sys.version_info[:2] == (3, 11) and type(cache) is dict:
        lazy = _ReadyCache(cache, table["patterns"])
        re._cache = lazy  # type: ignore[attr-defined]
        _known.update(lazy.table)
        return len(lazy.table)
    for (pattern, flags), entry in table["patterns"].items():
        compiled = _build(pattern, entry)
        if compiled is not None:
            cache[(str, pattern, flags)] = compiled
            _known.add((pattern, flags))
    return len(_known)


def _build(pattern: str, entry: tuple[int, bytes, int, dict[str, int]]) -> re.Pattern[str] | None:
    """The pattern object of a table entry, or None when ``_sre`` refuses it (then ``re`` compiles it as usual)."""
    final_flags, code, groups, groupindex = entry
    if not 0 <= groups < 1000 or not all(0 < i <= groups for i in groupindex.values()):
        return None
    indexgroup: list[str | None] = [None] * (groups + 1)
    for name, i in groupindex.items():
        indexgroup[i] = name
    try:
        return _sre.compile(pattern, final_flags, array(_CODE, code).tolist(), groups,  # type: ignore[no-any-return]
                            groupindex, tuple(indexgroup))
    except Exception:  # another engine's format
        return None


class _ReadyCache(dict):  # type: ignore[type-arg]
    """``re._cache`` that builds a pattern of the table when ``re`` first looks for it (``__missing__``, which
    ``dict`` calls for a subclass on a failed subscript): the same objects as eager priming gives, for the patterns
    used. A pattern the table lacks or ``_sre`` refuses raises KeyError, and ``re`` compiles it as usual."""

    __slots__ = ("table",)

    def __init__(self, current: dict[Any, Any], table: dict[tuple[str, int], Any]) -> None:
        super().__init__(current)
        self.table = table

    def __missing__(self, key: Any) -> re.Pattern[str]:
        kind, pattern, flags = key
        entry = self.table.get((pattern, flags)) if kind is str else None
        compiled = _build(pattern, entry) if entry is not None else None
        if compiled is None:
            raise KeyError(key)
        self[key] = compiled
        return compiled


def save() -> int:
    """Add the patterns compiled since ``prime`` to the table (one more parse each, only
    for new patterns, so a run that met no new pattern pays nothing); returns how many."""
    path = _table_file()
    if path is None:
        return 0
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    current = [(key[1], key[2], compiled) for key, compiled in list(cache.items()) if key[0] is str]
    new = [entry for entry in current if (entry[0], entry[1]) not in _known]
    if not new and not _new_facts:
        return 0
    from re import _compiler, _parser  # type: ignore[attr-defined]

    table = _read(path)
    patterns, facts = table["patterns"], {kind: table[kind] for kind in FACT_KINDS}
    if len(patterns) + len(new) > MAX_PATTERNS:
        in_use = {(p, f) for p, f, _ in current}
        patterns = {k: v for k, v in patterns.items() if k in in_use}
        facts = {kind: {k: v for k, v in facts[kind].items() if k in _facts[kind]} for kind in FACT_KINDS}
    for pattern, flags, compiled in new:
        try:
            code = array(_CODE, [int(op) for op in _compiler._code(_parser.parse(pattern, flags), flags)]).tobytes()
        except Exception:  # re changed its internals (or a number beyond 32 bits): keep the table as it is
            return 0
        patterns[(pattern, int(flags))] = (compiled.flags, code, compiled.groups, dict(compiled.groupindex))
        _known.add((pattern, flags))
    for kind, pattern, flags in _new_facts:
        facts[kind][(pattern, flags)] = _facts[kind][(pattern, flags)]
    _new_facts.clear()
    try:
        data = marshal.dumps({"patterns": patterns, **facts})
    except ValueError:
        return 0
    return len(new) if write_entry(path, _KIND, data) else 0
