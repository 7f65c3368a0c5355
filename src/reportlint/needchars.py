"""The characters a regular expression cannot match without: a cheap test that a pattern
has no match in a text at all (none of them occurs there), made before searching it.

``needed_chars`` reads the parsed pattern: a literal character is needed; a group, a
repetition of at least one copy or an alternation (the union of what each alternative needs)
passes on what its parts need; of the needed parts of a sequence the one with the fewest
characters is kept. Anything unsure (a negated class, ``.``, ``\\d``, case-insensitive
matching, an optional part) needs nothing, and a pattern that needs nothing is searched
as before.

The parse comes from ``re._parser``, a private module (CPython 3.11+; scan.py and regexcache.py
use it too): a Python that renames it fails at this import, loudly, rather than filtering
wrongly; an error while reading a changed parse gives no filter (``needed_chars``,
``Anchored.of``), so the matches stay those of the pattern. An operator the analysis does not
know needs nothing. tests/test_measures_shortcuts.py checks the filters against plain searches."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

from . import regexcache

_WIDEST = 128  # a class wider than this filters nothing worth the test
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


def _of_class(items: list[tuple[object, object]]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))  # type: ignore[arg-type]
        elif op is sre.RANGE:
            lo, hi = av  # type: ignore[misc]
            if hi - lo >= _WIDEST:
                return None
            chars.update(map(chr, range(lo, hi + 1)))
        else:  # NEGATE, a category (\d, \w …)
            return None
    return frozenset(chars) if len(chars) <= _WIDEST else None


def _of_sequence(items: list[tuple[object, object]]) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    for op, av in items:
        found = _of_item(op, av)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _of_item(op: object, av: object) -> frozenset[str] | None:
    if op is sre.LITERAL:
        return frozenset(chr(av))  # type: ignore[arg-type]
    if op is sre.IN:
        return _of_class(av)  # type: ignore[arg-type]
    if op is sre.SUBPATTERN:
        _, add, _, sub = av  # type: ignore[misc]
        return None if add & re.IGNORECASE else _of_sequence(sub.data)
    if op is sre.ATOMIC_GROUP:
        return _of_sequence(av.data)  # type: ignore[attr-defined]
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            found = _of_sequence(branch.data)
            if found is None:
                return None
            union |= found
        return frozenset(union)
    if op in _REPEATS:
        low, _, sub = av  # type: ignore[misc]
        return _of_sequence(sub.data) if low >= 1 else None
    return None  # look-arounds and anchors match no character; ., negated literals, references: unsure


@lru_cache(maxsize=1024)
def needed_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Characters of which every match of ``pattern`` holds at least one, or None when the
    pattern needs none that the analysis can name (see the module's text). Kept between runs
    by ``regexcache`` as the patterns are: a parse each cost a one-report check 12–17 ms."""
    known, value = regexcache.recall("needs", pattern, flags)
    if not known:
        found = _needed_chars(pattern, flags)
        value = "".join(sorted(found)) if found is not None else None
        regexcache.remember("needs", pattern, flags, value)
    return frozenset(value) if value is not None else None


def _needed_chars(pattern: str, flags: int) -> frozenset[str] | None:
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        return _of_sequence(parsed.data)
    except (re.error, RecursionError):
        return None
    except Exception:  # a private helper of ``re`` changed: no filter, the same matches
        return None


def needed_class(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """A character class of ``needed_chars``, or None when the pattern needs none."""
    need = needed_chars(pattern, flags)
    return re.compile("[" + "".join(map(re.escape, sorted(need))) + "]") if need else None


class Guarded:
    """A compiled pattern searched only where a character it needs occurs in the searched range
    (one scan for a character class, in C): the same matches, and most texts are passed over.
    ``hint``: a stricter filter the caller knows, a pattern of which every match of ``pattern`` holds a
    match (a literal word rather than one of its characters); the needed characters when None."""

    __slots__ = ("_hint", "pattern")

    def __init__(self, pattern: re.Pattern[str], hint: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        self._hint = hint or needed_class(pattern.pattern, pattern.flags)

    def first_possible(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> int:
        """Where the first needed character (or match of the hint) of ``text[pos:endpos]`` is (``pos``
        when the pattern needs none), or -1: no match can lie in the range before it."""
        if self._hint is None:
            return pos if pos <= min(endpos, len(text)) else -1
        m = self._hint.search(text, pos, endpos)
        return -1 if m is None else m.start()

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._hint is not None and self._hint.search(text, pos, endpos) is None:
            return None
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if self._hint is not None and self._hint.search(text, pos, endpos) is None:
            return iter(())
        return self.pattern.finditer(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos)


class Anchored:
    """A pattern each match of which holds one of ``anchors`` (plain text, see ``scan.anchor``) and
    is at most ``width`` characters long, tried only at the ``width`` positions before each
    occurrence of an anchor (found by ``str.find``): a match can begin nowhere else, so the
    matches are the pattern's, without trying the pattern at every position of a long text."""

    __slots__ = ("_anchors", "_width", "pattern")

    def __init__(self, pattern: re.Pattern[str], anchors: Iterable[str], width: int) -> None:
        found = set(anchors)  # an anchor holding another is found with it (提出如下 with 如下)
        self._anchors = tuple(sorted(a for a in found if not any(b != a and b in a for b in found)))
        self.pattern, self._width = pattern, width

    @classmethod
    def of(cls, pattern: re.Pattern[str], anchors: Iterable[str]) -> Anchored | None:
        """None when an anchor is empty or the pattern's matches have no bounded length."""
        anchors = tuple(anchors)
        if not anchors or not all(anchors):
            return None
        try:
            width = _parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
        except Exception:  # re.error, or a private helper of ``re`` changed
            return None
        return cls(pattern, anchors, width) if width < sre.MAXREPEAT else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else min(endpos, len(text))
        tried = pos  # no match begins before this
        while (at := min((i for a in self._anchors if (i := text.find(a, pos, end)) >= 0), default=-1)) >= 0:
            for start in range(max(tried, at - self._width), at + 1):
                m = self.pattern.match(text, start, end)
                if m is not None:
                    return m
            tried = pos = at + 1
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """The matches from ``pos`` on, each search going on from the end of the last (``PatternSet``'s way)."""
        while (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1
