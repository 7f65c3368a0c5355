"""Matching rule patterns over a whole document in few regular-expression calls.

* ``PatternSet`` matches a list of patterns as one alternation. Python's ``re`` tries every
  branch of an alternation of groups at every character; when each branch can only begin
  with a few known characters, the set first finds those characters (a character-class
  scan in C) and tries the alternation only there. Its matches are exactly those of the
  alternation's ``finditer``.
* ``Body`` joins the paragraphs with line breaks into one text, so a pattern is scanned
  once per document instead of once per paragraph, and maps each match back to its
  paragraph. A match never spans paragraphs, nor begins at the line break between two; a
  look-around at a paragraph's edge sees a line break (as ``^`` and ``$`` do under
  ``re.MULTILINE``).
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import accumulate
from re import _compiler, _parser  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any

from . import regexcache

if TYPE_CHECKING:
    from .model import Block

First = tuple[int, int] | str  # a range of code points, or a class escape (\\d, \\s)
_CATEGORIES = {sre.CATEGORY_DIGIT: "\\d", sre.CATEGORY_SPACE: "\\s"}  # rare in Chinese text: they filter well
_MAX_FIRST = 400  # a first-character set wider than this is no filter (all Chinese characters, \w …)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


class _Unknown(Exception):
    """The pattern may begin with a character the analysis cannot bound."""


def _first_of_class(items: list[tuple[object, object]]) -> set[First]:
    out: set[First] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add((av, av))  # type: ignore[arg-type]
        elif op is sre.RANGE:
            out.add(av)  # type: ignore[arg-type]
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])  # type: ignore[index]
        else:  # NEGATE, \w …
            raise _Unknown
    return out


Head = tuple[frozenset[First], ...]  # the classes of a match's first one or two characters
_MAX_HEADS = 512  # more ways to begin than this: the analysis gives up (no filter)


def _then(first: set[Head], rest: set[Head]) -> set[Head]:
    """The heads of a match of one part followed by another: each head of the first part too short
    to be two characters long goes on with the heads of the rest."""
    out: set[Head] = set()
    for p in first:
        if len(p) >= 2:
            out.add(p)
        else:
            out.update((p + q)[:2] for q in rest)
    if len(out) > _MAX_HEADS:
        raise _Unknown
    return out


def _group_items(av: object) -> list[tuple[object, object]]:
    """The items inside a group ``(…)`` / ``(?:…)``; ``_Unknown`` for one whose flags make it case-insensitive (its
    characters are then not the only ones it matches)."""
    _, add, _, sub = av  # type: ignore[misc]
    if add & re.IGNORECASE:
        raise _Unknown
    return sub.data  # type: ignore[no-any-return]


def _heads(items: Iterable[tuple[object, object]]) -> set[Head]:
    """The classes of the first two characters a match of this sequence can begin with; a head of
    one character, or none, where the match can end that soon. Look-arounds and anchors are
    skipped: they match no character, so leaving them out only lets more places through."""
    out: set[Head] = {()}
    for op, av in items:
        if all(len(p) >= 2 for p in out):
            break
        out = _then(out, _heads_of(op, av))
    return out


_ANY: First = "any"  # any character: no filter where it stands
_ANY_HEAD: set[Head] = {(frozenset({_ANY}),)}


def _heads_of(op: object, av: object) -> set[Head]:
    if op in _ZERO_WIDTH:
        return {()}
    if op is sre.LITERAL:
        return {(frozenset({(av, av)}),)}  # type: ignore[arg-type]
    if op is sre.IN:
        try:
            return {(frozenset(_first_of_class(av)),)}  # type: ignore[arg-type]
        except _Unknown:  # a negated class, \w …
            return _ANY_HEAD
    if op in (sre.ANY, sre.NOT_LITERAL):
        return _ANY_HEAD
    if op is sre.SUBPATTERN:
        return _heads(_group_items(av))
    if op is sre.ATOMIC_GROUP:
        return _heads(av.data)  # type: ignore[attr-defined]
    if op is sre.BRANCH:
        out: set[Head] = set()
        for branch in av[1]:  # type: ignore[index]
            out |= _heads(branch.data)
        return out
    if op in _REPEATS:
        low, high, sub = av  # type: ignore[misc]
        once = _heads(sub.data)
        out = {()} if low == 0 else set()
        if low <= 1 <= high:
            out |= once
        if high >= 2:  # two or more copies: after two, a head is complete or the copies are empty
            out |= _then(once, once)
        return out
    raise _Unknown  # ANY, NOT_LITERAL, back-references …


def _width(chars: Iterable[First]) -> int:
    return sum((_MAX_FIRST + 1 if c == _ANY else 10) if isinstance(c, str) else c[1] - c[0] + 1 for c in chars)


def _class(chars: Iterable[First], first: bool = True) -> str:
    """A class of ``chars``; a first character's ``\\s`` leaves out the line break (see ``_class_item``)."""
    return "[" + "".join(sorted("\\s" if c == "\\s" and not first else _class_item(c) for c in chars)) + "]"


def _lead_source(heads: Iterable[Head]) -> str | None:
    """A pattern that matches where a match with one of ``heads`` can begin: the class of the first
    characters, which ``re`` skips to by itself, then the second character a head allows after the
    first (checked by a look-behind at the first). None when it would not filter (a match may be
    empty, or begin with too many characters)."""
    after: dict[frozenset[First], set[First] | None] = {}  # a first class -> the second characters (None: any)
    for head in heads:
        if not head:
            return None
        seconds = after.setdefault(head[0], set())
        if len(head) == 1 or seconds is None:
            after[head[0]] = None
        else:
            seconds |= head[1]
    firsts = set().union(*after)
    if not firsts or _width(firsts) > _MAX_FIRST:
        return None
    any_second: set[First] = set()  # first characters any second character may follow
    follows: dict[First, set[First]] = {}  # a second character (a range, a class escape) -> the first ones it follows
    for first_class, seconds in after.items():
        if seconds is None or _width(seconds) > _MAX_FIRST:
            any_second |= first_class  # too many seconds to filter on
        else:
            for second in seconds:
                follows.setdefault(second, set()).update(first_class)
    if any_second == firsts:
        return _class(firsts)
    # each branch begins with its second characters, which ``re`` rejects at once when they do not
    # follow (a look-behind first would be tried at every first character); before the branches, one
    # look-ahead for any second character rejects most places in a single test. The second characters
    # are grouped by the first ones they may follow: most groups are one character, which ``re`` tests
    # by one comparison where it tests a class by a table look-up; a place the look-ahead lets through
    # tries every branch (B101's patterns: 141 branches of classes, 147 mostly of one character; its lead
    # 38.5 -> 31.2 ns per character of the real texts and a twentieth of the batch corpus, medians of 15)
    by_firsts: dict[frozenset[First], set[First]] = {}
    for second, first in follows.items():
        by_firsts.setdefault(frozenset(first), set()).add(second)
    branches = [f"(?<={_class(any_second)})"] if any_second else []
    branches += sorted(_class(second, first=False) + f"(?<={_class(first)}[\\s\\S])"
                       for first, second in by_firsts.items())
    ahead = "" if any_second else "(?=" + _class(set(follows), first=False) + ")"
    return _class(firsts) + ahead + "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=256)
def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A pattern matching where a match of ``pattern`` can begin (the class of its first
    characters, then the second characters each first one allows: see ``_lead_source``),
    or None when that cannot be bounded (the pattern may match empty text, begins with
    ``.``, ``\\d``, a negated class, or is case-insensitive) or when ``re`` already skips
    ahead by itself (every branch begins with a plain character)."""
    return _recalled("leads", _first_chars, pattern, flags)


def _recalled(kind: str, compute: Callable[[str, int], str | None], pattern: str, flags: int) -> str | None:
    """``compute(pattern, flags)``, kept between runs by ``regexcache`` under ``kind``."""
    known, value = regexcache.recall(kind, pattern, flags)
    if not known:
        value = compute(pattern, flags)
        regexcache.remember(kind, pattern, flags, value)
    return value


def _analysed(pattern: str, flags: int, analyse: Callable[[Any], str | None]) -> str | None:
    """``analyse`` of ``pattern`` as ``re``'s parser reads it; None for a case-insensitive pattern or one the analysis
    cannot read (another shape, or a private helper of ``re`` changed: no filter, the same matches)."""
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE:  # (?i) at the pattern's start
            return None
        return analyse(parsed)
    except (_Unknown, re.error, RecursionError):
        return None
    except Exception:
        return None


def _first_chars(pattern: str, flags: int) -> str | None:
    def analyse(parsed: Any) -> str | None:
        if _compiler._get_literal_prefix(parsed, flags)[0] or _compiler._get_charset_prefix(parsed, flags):
            return None
        return None if _anchored(parsed.data) else _lead_source(_heads(parsed.data))

    return _analysed(pattern, flags, analyse)


_LINE_STARTS = (sre.AT_BEGINNING, sre.AT_BEGINNING_LINE, sre.AT_BEGINNING_STRING)


def _anchored(items: list[tuple[object, object]]) -> bool:
    """Every match begins at a line start (each alternative opens with ``^`` or ``\\A``): ``re`` rejects
    any other place in one step, as cheap as a first-character scan and with no Python step per
    candidate (坚持 found inside a sentence, then refused by ``^``), so such a pattern gets no filter."""
    if not items:
        return False
    op, av = items[0]
    if op is sre.AT:
        return av in _LINE_STARTS
    if op is sre.SUBPATTERN:
        return _anchored(av[3].data)  # type: ignore[index]
    if op is sre.BRANCH:
        return all(_anchored(branch.data) for branch in av[1])  # type: ignore[index]
    return False


# every character ``str.isspace`` (so ``\s``) matches lies below U+3001
_BLANKS = frozenset(c for c in range(0x3001) if chr(c).isspace())


def _blank_only(chars: Iterable[First]) -> bool:
    """Every character of a class is a blank (``\\s``, a space, a tab, U+3000 …)."""
    return all(c == "\\s" or (not isinstance(c, str) and all(x in _BLANKS for x in range(c[0], c[1] + 1)))
               for c in chars)


def _blank_run(op: object, av: object) -> bool:
    """A repeat of blanks alone (``\\s*``, ``[ \\t\\u3000]{0,3}``), as a line-start pattern opens with."""
    if op not in _REPEATS:
        return False
    sub = av[2].data  # type: ignore[index]
    if len(sub) != 1:
        return False
    sub_op, sub_av = sub[0]
    if sub_op is sre.LITERAL:
        return sub_av in _BLANKS  # type: ignore[operator]
    if sub_op is sre.IN:
        try:
            return _blank_only(_first_of_class(sub_av))  # type: ignore[arg-type]
        except _Unknown:
            return False
    return False


def _line_heads(items: list[tuple[object, object]]) -> set[Head]:
    """The heads (see ``_heads``) of what a match of a line-start pattern holds past its line start, its look-arounds
    and its leading blanks. Raises ``_Unknown`` for another shape. (``re``'s parser takes the items the alternatives
    share out of them: ``(?:^\\s*甲)|(?:^\\s*乙)`` is ``^`` then the alternatives.)"""
    if not items:
        raise _Unknown
    op, av = items[0]
    if op is sre.SUBPATTERN:
        return _line_heads([*_group_items(av), *items[1:]])
    if op is sre.BRANCH:
        return set().union(*(_line_heads([*branch.data, *items[1:]]) for branch in av[1]))  # type: ignore[index]
    if op is not sre.AT or av not in _LINE_STARTS:
        raise _Unknown
    return _past_blanks(items[1:])


def _past_blanks(items: list[tuple[object, object]]) -> set[Head]:
    """The heads of ``items`` past their look-arounds and a leading run of blanks (in each alternative)."""
    k = 0
    while k < len(items) and items[k][0] in (sre.ASSERT, sre.ASSERT_NOT):
        k += 1
    if k < len(items):
        op, av = items[k]
        if op is sre.SUBPATTERN:
            return _past_blanks([*_group_items(av), *items[k + 1:]])
        if op is sre.BRANCH:
            return set().union(*(_past_blanks([*branch.data, *items[k + 1:]]) for branch in av[1]))  # type: ignore
        if _blank_run(op, av):
            k += 1
    return _heads(items[k:])


@lru_cache(maxsize=256)
def line_lead(pattern: str, flags: int = 0) -> str | None:
    """For a pattern whose matches all begin at a line start (each alternative opens with ``^`` or ``\\A``, maybe
    look-arounds, then maybe blanks: ``^\\s*温馨提示\\s*$``): a look-ahead that holds at a line start where a match
    can begin, whose first two characters past the blanks are ones the pattern allows there. After a line break
    (``\\n`` + it) it finds those places in one scan in C.
    None when that cannot be bounded (another shape, a match that may hold nothing past the blanks, a blank among
    those characters, a case-insensitive pattern). ``re`` tries every alternative at every line start itself: B101's
    41 line patterns cost 1.2 us a line. Kept between runs by ``regexcache``."""
    return _recalled("lines", _line_lead, pattern, flags)


def _line_lead(pattern: str, flags: int) -> str | None:
    return _analysed(pattern, flags, _line_lead_of)


def _line_lead_of(parsed: Any) -> str | None:
    heads = _line_heads(parsed.data)
    if not heads or () in heads:
        return None
    firsts: set[First] = set().union(*(head[0] for head in heads))
    if any(c == "\\s" or (not isinstance(c, str) and not _BLANKS.isdisjoint(range(c[0], c[1] + 1))) for c in firsts):
        return None
    lead = _lead_source(heads)  # the first two characters past the blanks, as for a set's filter
    # the line's blanks (\s, not the class of _class_item: they may hold line breaks), then a place the lead allows
    return None if lead is None else "(?=\\s*" + lead + ")"


@lru_cache(maxsize=1)
def _spaces_but_newline() -> str:
    """What ``\\s`` matches, without the line break that joins paragraphs in ``Body``: a
    match never begins there, and counting every paragraph end as a candidate costs time."""
    return "".join(re.escape(c) for c in map(chr, range(0x3001)) if c.isspace() and c != "\n")


@lru_cache(maxsize=1)
def _decimal_digits() -> str:
    """What ``\\d`` matches, as a class body ``re`` tests with one table lookup: the digits of the
    Basic Multilingual Plane listed (one bitmap with the class's other characters), every character
    beyond it as one range. ``\\d`` itself is a Unicode category test, which ``re`` makes for every
    character the rest of the class does not hold: two to three times the cost of the scan."""
    bmp = array("I", range(0x10000)).tobytes().decode("utf-32-le", "surrogatepass")
    runs: list[list[int]] = []
    for c in map(ord, re.findall(r"\d", bmp)):
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(_class_item((lo, hi)) for lo, hi in runs) + "\U00010000-\U0010ffff"


def _class_item(item: First) -> str:
    if item == "\\s":
        return _spaces_but_newline()
    if item == "\\d":
        return _decimal_digits()
    if isinstance(item, str):
        return item
    lo, hi = item
    return re.escape(chr(lo)) + (f"-{re.escape(chr(hi))}" if hi > lo else "")


@lru_cache(maxsize=1024)
def _branch_heads(pattern: str, flags: int) -> frozenset[Head] | None:
    """The heads (see ``_heads``) a match of one branch can begin with (None when unbounded),
    whether or not ``re`` would skip ahead by itself: the union over branches is what counts."""
    if flags & re.IGNORECASE:
        return None
    try:
        heads = _heads(_parser.parse(pattern, flags).data)
    except (_Unknown, re.error, RecursionError):
        return None
    except Exception:  # a private helper of ``re`` changed: no filter, the same matches
        return None
    return None if not heads or () in heads else frozenset(heads)


@lru_cache(maxsize=256)
def _lead_of(heads: frozenset[Head]) -> re.Pattern[str] | None:
    source = _lead_source(heads)
    return None if source is None else re.compile(source)


_NOTHING = re.compile(r"[^\s\S]")  # no branch can match: a filter that finds nothing
# characters: below this, reading the branches costs more than a scan saves. The anchors and first
# characters are remembered per pattern, so what a text pays is one scan for the anchors; at 200,000 a
# report of 7,000 characters ran B102's fused-header branch ([\u4e00-\u9fff]{0,8}会议?材料之…, which may
# begin at any Chinese character) over every position: all rules 434 -> 325 ms per MB when lowered
_NARROW_FROM = 2_000


class PatternSet:
    """Patterns (rule data) matched as the alternation ``(?:p1)|(?:p2)|…``, in a paragraph or
    in ``Body``'s joined text (a match never begins at a line break). Compiled on first use:
    a rule whose patterns a document never needs costs nothing."""

    __slots__ = ("_branches", "_flags", "_fused", "_lead", "_lines", "_pattern", "_refused", "_scans", "_source",
                 "_split")

    def __init__(self, patterns: Iterable[str], flags: int = re.MULTILINE) -> None:
        self._branches = tuple(patterns)
        self._source = "|".join(f"(?:{p})" for p in self._branches)
        self._flags = flags
        self._pattern: re.Pattern[str] | None = None
        self._lead: re.Pattern[str] | None = None
        self._fused: re.Pattern[str] | bool = False  # see _candidates
        self._refused = 0  # places the filter let through that the alternation refused, so far
        self._scans = 0  # scans with the filter so far (see _split_scans)
        self._split: tuple[re.Pattern[str], ...] | None = None  # see _split_scans
        # see _line_starts: the scan for the places after a line break, the test at the text's start (None: not asked)
        self._lines: tuple[re.Pattern[str], re.Pattern[str]] | bool | None = None

    def for_text(self, text: str) -> PatternSet:
        """This set as it can match in ``text``: the same pattern, with a first-character
        filter when the set has none because of branches that cannot match in ``text`` (their
        ``anchor`` is absent), e.g. one branch that may begin with any Chinese character.
        A branch that never matches takes no part in the alternation, so the matches are
        those of the whole set. Only for a long text, scanned once (``Body``)."""
        pattern = self.pattern
        if self._lead is not None or len(self._branches) < 2 or len(text) < _NARROW_FROM:
            return self
        if all(p.startswith("^") for p in self._branches):
            # every branch at a line start: ``re`` refuses any other place in one step, and the filter a text would
            # get costs each process about 2 ms to build (each branch parsed), more than a report's scan saves
            return self
        anchors = [anchor(p) for p in self._branches]
        if not any(anchors):
            return self
        present = literals_present((a for a in anchors if a), text)
        heads: set[Head] = set()
        for p, a in zip(self._branches, anchors, strict=True):
            if a and a not in present:
                continue
            first = _branch_heads(p, self._flags)
            if first is None:
                return self
            heads |= first
        lead = _lead_of(frozenset(heads)) if heads else _NOTHING
        if lead is None:
            return self
        narrowed = PatternSet.__new__(PatternSet)
        narrowed._branches, narrowed._source, narrowed._flags = self._branches, self._source, self._flags
        narrowed._pattern, narrowed._lead = pattern, lead
        narrowed._fused, narrowed._refused = False, -1  # a filter per text: never fused (a pattern per text)
        narrowed._scans, narrowed._split = -1, None  # nor split
        narrowed._lines = False  # (it has a filter)
        return narrowed

    def __bool__(self) -> bool:
        return bool(self._source)

    def may_begin(self, text: str) -> bool:
        """False only when no match can begin anywhere in ``text`` nor in any piece of it (the set's
        first-character filter finds no place, or every match begins with the same characters and
        ``text`` holds none of them): one scan in C for many short texts joined. Otherwise True."""
        self.pattern  # noqa: B018 - compiles the filter
        if self._lead is None:
            prefix = _literal_prefix(self._source, self._flags)
            return not prefix or prefix in text
        return self._lead.search(text) is not None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The alternation itself (for ``match`` and ``fullmatch``)."""
        if self._pattern is None:
            lead = first_chars(self._source, self._flags)
            self._lead = re.compile(lead) if lead else None
            self._pattern = re.compile(self._source, self._flags)
        return self._pattern

    def _refusing(self, refused: int) -> None:
        """Count places the filter let through in vain; past ``_FUSE_AFTER`` the set gets ``fused_starts``'s
        pattern, which refuses them in C. Only a set that proved costly pays for one more compile."""
        if self._refused < 0:
            return
        self._refused += refused
        if self._refused >= _FUSE_AFTER:
            self._refused = -1
            self._fused = fused_starts(self._lead.pattern, self._source, self._flags,  # type: ignore[union-attr]
                                       self._branches) or False

    def _line_starts(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """For a set without a filter whose matches all begin at a line start: ``line_lead`` after a line break (a
        scan finds the places past it) and alone (a test of the text's start); else None. Worked out at the first
        question (a set only ever tried on short texts asks none)."""
        lines = self._lines
        if lines is None:
            source = line_lead(self._source, self._flags)
            lines = self._lines = (re.compile("\n" + source), re.compile(source)) if source else False
        return lines or None

    def match(self, text: str) -> re.Match[str] | None:
        """``pattern.match(text)``; for a set whose matches all begin at a line start, refused at once where
        ``line_lead`` says none can begin at the text's start."""
        pattern = self._pattern or self.pattern
        if self._lead is None and (lines := self._line_starts()) is not None and lines[1].match(text) is None:
            return None
        return pattern.match(text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        pattern = self._pattern or self.pattern
        end = len(text) if endpos is None else endpos
        lead = self._lead
        if lead is None:
            lines = self._line_starts() if end - pos >= _SPLIT_FROM else None
            if lines is None:
                return pattern.search(text, pos, end)
            return next(_line_matches(pattern, lines, text, pos, end), None)
        fused = self._fused
        if fused:
            hit = fused.search(text, pos, end)  # type: ignore[union-attr]
            return None if hit is None else pattern.match(text, hit.start(), end)
        find, match = lead.search, pattern.match
        refused = 0
        while (candidate := find(text, pos, end)) is not None:
            at = candidate.start()
            m = match(text, at, end)
            if m is not None:
                break
            refused += 1
            pos = at + 1
        else:
            m = None
        if refused:
            self._refusing(refused)
        return m

    def _splitting(self) -> tuple[re.Pattern[str], ...] | None:
        """Count a scan with the filter; at ``_SPLIT_AFTER`` the set gets ``_split_scans``' patterns (or
        none, when its first characters do not fit): a set a run scans often pays their compiles."""
        if self._scans >= 0:
            self._scans += 1
            if self._scans >= _SPLIT_AFTER:
                self._scans = -1
                self._split = _split_scans(self._lead.pattern, self._source, self._flags,  # type: ignore[union-attr]
                                           self._branches)
        return self._split

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        pattern = self._pattern or self.pattern
        end = len(text) if endpos is None else endpos
        lead = self._lead
        if lead is None:
            lines = self._line_starts() if end - pos >= _SPLIT_FROM else None
            if lines is None:
                yield from pattern.finditer(text, pos, end)
                return
            yield from _line_matches(pattern, lines, text, pos, end)
            return
        split = (self._split or self._splitting()) if end - pos >= _SPLIT_FROM else None
        if split:
            # every place a match begins, from one literal scan per first character; then, as below,
            # the next match begins at the first of them past the end of the last
            match = pattern.match
            places = [hit.start() for scan in split for hit in scan.finditer(text, pos, end)]
            if len(split) > 1:
                places.sort()
            for at in places:
                if at >= pos and (m := match(text, at, end)) is not None:
                    yield m
                    pos = m.end() if m.end() > at else at + 1
            return
        # ``search`` repeated, in one loop: a match found, the next search starts at its end
        fused = self._fused
        find, match = (fused.search if fused else lead.search), pattern.match  # type: ignore[union-attr]
        refused = 0
        try:
            while (candidate := find(text, pos, end)) is not None:
                at = candidate.start()
                m = match(text, at, end)
                if m is None:  # never with the fused pattern: its places all begin a match
                    refused += 1
                    pos = at + 1
                    continue
                yield m
                pos = m.end() if m.end() > at else at + 1
        finally:
            if refused:
                self._refusing(refused)


def _line_matches(pattern: re.Pattern[str], lines: tuple[re.Pattern[str], re.Pattern[str]], text: str, pos: int,
                  end: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, end)`` for a pattern whose matches all begin at a line start, ``lines`` the
    scan and the test of ``PatternSet._line_starts``: tried at the text's start when the test lets it through, then
    after each line break the scan finds. As with ``split`` in
    ``PatternSet.finditer``, no match is empty (``line_lead``), so the next one begins at the first of those places
    past the end of the last."""
    match = pattern.match
    scan, test = lines
    if pos == 0 and test.match(text, 0, end) is not None and (m := match(text, 0, end)) is not None:
        yield m
        pos = m.end()
    for hit in scan.finditer(text, max(pos - 1, 0), end):
        at = hit.end()  # past the line break
        if at >= pos and (m := match(text, at, end)) is not None:
            yield m
            pos = m.end()


@lru_cache(maxsize=256)
def _literal_prefix(pattern: str, flags: int) -> str:
    """The characters every match of ``pattern`` begins with (``re``'s own literal prefix, as it skips
    ahead by itself), or "" when there are none or they cannot be known."""
    if flags & re.IGNORECASE:
        return ""
    try:
        prefix = _compiler._get_literal_prefix(_parser.parse(pattern, flags), flags)[0]
        return "".join(map(chr, prefix))
    except Exception:  # a bad pattern, or a private helper of ``re`` changed: no prefix, no skipping
        return ""


def _first_class(lead: str) -> str | None:
    """The class ``[…]`` a lead source (``_lead_source``) opens with: its first characters."""
    if not lead.startswith("["):
        return None
    i = 1
    while i < len(lead) and lead[i] != "]":
        i += 2 if lead[i] == "\\" else 1
    return lead[:i + 1] if i < len(lead) else None


_FUSED_MAX = 20_000  # characters of pattern: a longer set keeps the Python loop (one more compile of it)
# first characters: up to this many, one literal scan for each (re's fastest search, a tenth of a class
# scan's time per character) beats the one scan for their class: 2 -> 17 us per report down to 5, 4 ->
# 21 down to 10, 6 -> 26 down to 18, 11 -> 39 up to 44 (bq corpus, min of 7)
_SPLIT_MAX = 6
_SPLIT_AFTER = 16  # scans of a set before it is split: the split compiles the set once per first character
_SPLIT_FROM = 400  # characters: in a shorter text, a call per scan costs more than the class scan it spares
# places refused in Python (about half a microsecond each) before a set is fused: a set's compile costs
# a few milliseconds once, and a one-report run reaches this with its costliest sets only
_FUSE_AFTER = 5_000


@lru_cache(maxsize=256)
def fused_starts(lead: str, source: str, flags: int, branches: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """One pattern that finds, in C, the places where a match of ``source`` begins: it opens with the
    lead's first characters (``re`` skips to them itself), then looks back one character to test
    the lead there and the whole alternation as a look-ahead. A place the filter lets through
    but the alternation refuses costs no Python step; the match itself is then ``pattern.match``
    at that place. None when the set does not fit (a back-reference, an inline flag …).
    ``branches``: the alternatives ``source`` joins (a ``PatternSet``'s), when known: the look-ahead is then
    ``_guarded_branches``' (the same places, fewer alternatives tried at each)."""
    first = _first_class(lead)
    if first is None or len(source) > _FUSED_MAX:
        return None
    ahead = _guarded_branches(branches, flags) or f"(?={source})"
    try:
        return re.compile(f"{first}(?<=(?={lead}){ahead}[\\s\\S])", flags)
    except (re.error, RecursionError, OverflowError):
        return None


def _guarded_branches(branches: tuple[str, ...], flags: int) -> str | None:
    """A look-ahead that holds where one of ``branches`` matches, as ``(?=(?:b1)|(?:b2)|…)`` does, with each branch
    behind the class of its own first characters (the class of ``_lead_source`` of its heads). ``re`` passes over an
    alternative whose class refuses the character in one test, where the plain alternation tries every branch,
    and the look-behinds most of them open with, at every place (B103's 31 placeholder branches at each ``（`` of a
    heading, which six of them may begin with). Only whether some branch matches is asked, each class holds every
    character its branch can begin with, so the places are the same; the branches keep their order, so their groups
    keep their numbers. None when a branch's heads cannot be bounded (the set then has no lead), or for one branch."""
    if len(branches) < 2:
        return None
    guarded = []
    for branch in branches:
        heads = _branch_heads(branch, flags)
        lead = _lead_source(heads) if heads is not None else None
        first = _first_class(lead) if lead is not None else None
        if first is None:
            return None
        # the class takes the character, then the branch is tried from the place before it
        guarded.append(f"{first}(?<=(?=(?:{branch}))[\\s\\S])")
    return "(?=" + "|".join(guarded) + ")"


@lru_cache(maxsize=256)
def _split_scans(lead: str, source: str, flags: int,
                 branches: tuple[str, ...] = ()) -> tuple[re.Pattern[str], ...] | None:
    """``fused_starts``'s pattern once for each of the lead's first characters, opening with that character
    instead of their class: each is a literal scan, and together they find the places ``fused_starts``'s
    pattern finds (each place begins a match). None when the first characters are not a few plain
    ones (``_SPLIT_MAX``) or the set does not fit (see ``fused_starts``)."""
    first = _first_class(lead)
    if first is None or len(source) > _FUSED_MAX:
        return None
    try:
        parsed = _parser.parse(first).data
        if len(parsed) != 1 or parsed[0][0] is not sre.IN:
            return None
        chars = []
        for op, av in parsed[0][1]:
            if op is sre.LITERAL:
                chars.append(chr(av))
            elif op is sre.RANGE and av[1] - av[0] < _SPLIT_MAX:
                chars.extend(map(chr, range(av[0], av[1] + 1)))
            else:  # a category, a negation …
                return None
        if not chars or len(chars) > _SPLIT_MAX:
            return None
        ahead = _guarded_branches(branches, flags) or f"(?={source})"
        return tuple(re.compile(f"{re.escape(c)}(?<=(?={lead}){ahead}[\\s\\S])", flags) for c in chars)
    except (re.error, RecursionError, OverflowError):
        return None
    except Exception:  # a private helper of ``re`` changed: no split, the same matches
        return None


@lru_cache(maxsize=256)
def _as_set(pattern: str, flags: int) -> PatternSet | re.Pattern[str]:
    """A compiled pattern scanned over ``Body`` as a one-branch set, which skips to the
    characters a match can begin with when ``re`` itself cannot (a pattern that opens with a
    look-behind); the pattern itself when it does not fit in a set (a global inline flag)."""
    patterns = PatternSet((pattern,), flags)
    try:
        patterns.pattern  # noqa: B018 - compiled here, so a pattern that does not fit fails now
    except re.error:
        return re.compile(pattern, flags)
    return patterns


@lru_cache(maxsize=128)
def pattern_set(patterns: tuple[str, ...]) -> PatternSet | None:
    """The compiled set of a rule's pattern list (None when the list is empty)."""
    return PatternSet(patterns) if patterns else None


class Body:
    """The document's paragraphs as one text joined by line breaks."""

    __slots__ = ("_utf16", "blocks", "found", "starts", "text")

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self.blocks = blocks
        texts = [b.text for b in blocks]
        self.text = "\n".join(texts)
        self.found: dict[object, bool] = {}  # whether a scan of the whole text found something: stages share it
        # each paragraph begins one past the end of the one before (the line break): sums in C
        self.starts: list[int] = list(accumulate(map((1).__add__, map(len, texts[:-1])), initial=0)) if texts else []
        self._utf16: bytes | None = None

    def utf16(self) -> bytes:
        """The joined text in UTF-16-LE (two bytes a character, four outside the BMP, a lone surrogate two), encoded
        once for what reads it as code units: the pair flags of the lexicon, T105's anchor pairs, T101's and T103's
        scans on bytes."""
        if self._utf16 is None:
            self._utf16 = self.text.encode("utf-16-le", "surrogatepass")
        return self._utf16

    def block_at(self, pos: int) -> int:
        """Index of the paragraph holding text position ``pos`` (a line break counts with the one before)."""
        return bisect.bisect_right(self.starts, pos) - 1

    def finditer(self, matcher: Matcher) -> Iterator[tuple[Block, int, re.Match[str]]]:
        """(paragraph, offset of the paragraph in the joined text, match) for every match.
        Subtract the offset from the match's positions to get positions in the paragraph."""
        text, pos, starts, blocks = self.text, 0, self.starts, self.blocks
        if isinstance(matcher, re.Pattern):
            matcher = _as_set(matcher.pattern, matcher.flags)
        if isinstance(matcher, PatternSet):
            matcher = matcher.for_text(text)
        find = bisect.bisect_right  # block_at, inlined: one call per match
        while pos <= len(text):
            for m in matcher.finditer(text, pos):
                start, stop = m.span()
                i = find(starts, start) - 1
                offset = starts[i]
                end = offset + len(blocks[i].text)
                if (start < end and stop <= end) or start == stop == end:
                    yield blocks[i], offset, m
                    continue
                # the match runs into the next paragraph: search this one again, cut at its end
                for cut in matcher.finditer(text, m.start(), end):
                    yield blocks[i], offset, cut
                pos = end + 1
                break
            else:
                return


@lru_cache(maxsize=32)
def _by_first(pieces: str | tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``pieces`` grouped by their first character: (that character, the longer pieces beginning with it), no
    longer pieces when the character is one of ``pieces`` itself (its presence says enough)."""
    groups: dict[str, list[str]] = {}
    for piece in pieces:
        groups.setdefault(piece[0], []).append(piece if len(piece) > 1 else "")
    return tuple((ch, () if "" in group else tuple(group)) for ch, group in groups.items())


def has_any(text: str, pieces: str | tuple[str, ...]) -> bool:
    """Whether one of ``pieces`` (characters, or longer strings) occurs in ``text``: a search each
    (``str.__contains__``, a fast C loop) costs less than a regular expression tested at every character, when
    they are rare. The pieces that begin with a character the text lacks are not looked for: one search for it
    instead of one per piece (the 16 of T108's ``_LOST_BLANK_COUNT_NEED`` begin with a blank, which most texts
    lack; X103's Word field names, with a capital letter)."""
    return any(ch in text and (not longer or any(piece in text for piece in longer))
               for ch, longer in _by_first(pieces))


def literals_present(literals: Iterable[str], text: str) -> set[str]:
    """Which of ``literals`` occur in ``text``: one scan for all of them (an alternation of
    plain strings, which ``re`` runs by skipping to their first characters), stepping one
    character after each hit so overlapping occurrences are found too."""
    words = _by_length(tuple(literals))
    if not words:
        return set()
    rx = _literal_alternation(words)
    found: set[str] = set()
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        found.add(m.group())
        pos = m.start() + 1
    # a shorter literal that begins a found one (局部 in 局部党员) occurs as well: the prefixes of the few found,
    # instead of comparing each literal with each of them
    return {f[:k] for f in found for k in range(1, len(f) + 1)}.intersection(words) if found else found


def literal_alternation(literals: Iterable[str]) -> re.Pattern[str] | None:
    """The distinct non-empty ``literals`` as one pattern of plain strings, the longest first,
    compiled once per list; None when there is none."""
    words = _by_length(tuple(literals))
    return _literal_alternation(words) if words else None


@lru_cache(maxsize=64)
def _by_length(literals: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct non-empty ``literals``, longest first (stable: one pattern per list), sorted once
    per list: a rule asks with the same anchors for every document."""
    return tuple(sorted({w for w in literals if w}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=64)
def _literal_alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words)))


_LOOKAROUND = re.compile(r"\(\?<?[=!](?:[^()]|\([^()]*\))*\)")
_CLASS = re.compile(r"\[[^\]]*\]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


# what gives a pattern its structure, read in one scan: an escape, a class (a ] right after [ or [^ is a member:
# the possessive ?+ never gives it back), a class never closed, a bracket, a bar
_SYNTAX = re.compile(r"\\[\s\S]|\[\^?+\]?+(?:\\[\s\S]|[^\]\\])*\]|[\[()|]")


def top_level_branches(pattern: str) -> list[str] | None:
    """``pattern`` cut at its top-level ``|`` (outside groups and classes), or None when the
    scan is unsure of the structure (unbalanced brackets). One ``re`` scan steps over the text
    between brackets and bars (a loop over each character cost a one-file check about 4 ms)."""
    branches: list[str] = []
    depth = start = 0
    for m in _SYNTAX.finditer(pattern):
        token = m.group()
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
            if depth < 0:
                return None
        elif token == "|":
            if depth == 0:
                branches.append(pattern[start:m.start()])
                start = m.end()
        elif token == "[":  # a class never closed
            return None
    if depth:
        return None
    branches.append(pattern[start:])
    return branches


def _branch_anchor(pattern: str) -> str:
    """``anchor`` of a pattern without top-level alternatives."""
    core = _CLASS.sub(" ", _LOOKAROUND.sub(" ", pattern))
    if "|" in re.sub(r"\((?:[^()]|\([^()]*\))*\)", "", core):
        return ""  # an alternative the group scan did not see (an escape, deep nesting): unsure
    core = re.sub(r"\((?:[^()]|\([^()]*\))*\)[?*]?", " ", core)  # groups may be optional or alternative
    if "(" in core or ")" in core:
        return ""  # groups nested deeper than the scan reads (or escaped brackets): unsure
    core = re.sub(r"[\u4e00-\u9fff](?:[?*]|\{)", " ", core)  # 议? 议* 议{0,2}: maybe absent
    runs = _HAN_RUN.findall(core)
    return max(runs, key=len) if runs else ""


@lru_cache(maxsize=1024)
def anchor(pattern: str) -> str:
    """The longest run of Chinese characters every match of ``pattern`` must contain, or ""
    when there is none or the pattern's structure makes it unsafe. Top-level alternatives
    (效劳(?=…)|(?:优化|…)效劳) share the longest run that each of them contains. Used to skip
    patterns whose anchor does not occur in the text at all. Kept between runs by ``regexcache``
    as the patterns are: working them out cost a one-report check about 2 ms."""
    known, value = regexcache.recall("anchors", pattern, 0)
    if not known:
        value = _anchor(pattern)
        regexcache.remember("anchors", pattern, 0, value)
    return value or ""


def _anchor(pattern: str) -> str:
    branches = top_level_branches(pattern)
    if not branches:
        return ""
    anchors = [_branch_anchor(b) for b in branches]
    if len(anchors) == 1 or not all(anchors):
        return anchors[0] if len(anchors) == 1 else ""
    first = min(anchors, key=len)
    for size in range(len(first), 0, -1):  # the longest piece of the shortest anchor that all contain
        for at in range(len(first) - size + 1):
            piece = first[at:at + size]
            if all(piece in a for a in anchors):
                return piece
    return ""


_TAIL_MAX = 8  # a middle whose width varies more than this gets no tail scans (one look-behind per width)


def _last_chars(items: list[tuple[object, object]]) -> tuple[set[int], bool]:
    """The code points a match of this sequence can end with, and whether the match may be empty
    (then the items before it end the match too). Raises ``_Unknown`` where that cannot be bounded."""
    out: set[int] = set()
    for op, av in reversed(items):
        chars, empty = _last_of(op, av)
        out |= chars
        if not empty:
            return out, False
    return out, True


def _last_of(op: object, av: object) -> tuple[set[int], bool]:
    if op is sre.LITERAL:
        return {av}, False  # type: ignore[set-item]
    if op is sre.IN:
        chars: set[int] = set()
        for first in _first_of_class(av):  # type: ignore[arg-type] # raises _Unknown for NEGATE, \w …
            if isinstance(first, str) or first[1] - first[0] >= _MAX_FIRST:
                raise _Unknown  # \d, \s, a wide range
            chars.update(range(first[0], first[1] + 1))
        return chars, False
    if op is sre.SUBPATTERN:
        return _last_chars(_group_items(av))
    if op is sre.BRANCH:
        out: set[int] = set()
        empty = False
        for branch in av[1]:  # type: ignore[index]
            chars, maybe = _last_chars(branch.data)
            out |= chars
            empty = empty or maybe
        return out, empty
    if op in _REPEATS:
        low, _, sub = av  # type: ignore[misc]
        chars, empty = _last_chars(sub.data)
        return chars, empty or low == 0
    raise _Unknown  # a look-around, an anchor, ``.``, a back-reference …


def _plain_strings(items: list[tuple[object, object]]) -> set[str]:
    """Every text a sequence of plain characters and alternatives of them matches (its language,
    finite); raises ``_Unknown`` for anything else."""
    out = {""}
    for op, av in items:
        if op is sre.LITERAL:
            out = {w + chr(av) for w in out}  # type: ignore[arg-type]
        elif op is sre.SUBPATTERN:
            out = {w + t for w in out for t in _plain_strings(_group_items(av))}
        elif op is sre.BRANCH:
            tails = set().union(*(_plain_strings(branch.data) for branch in av[1]))  # type: ignore[index]
            out = {w + t for w in out for t in tails}
        else:
            raise _Unknown
    return out


def _zero_width_free(items: list[tuple[object, object]]) -> bool:
    """No look-around, anchor or back-reference anywhere in the pattern (it matches what it spans)."""
    for op, av in items:
        if op in _ZERO_WIDTH or op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            return False
        subs = (av[3],) if op is sre.SUBPATTERN else av[1] if op is sre.BRANCH else (av[2],) \
            if op in _REPEATS else ()  # type: ignore[index]
        if op is sre.ATOMIC_GROUP:
            subs = (av,)
        if not all(_zero_width_free(sub.data) for sub in subs):  # type: ignore[attr-defined]
            return False
    return True


@lru_cache(maxsize=64)
def tail_scans(pattern: str, flags: int = 0) -> tuple[re.Pattern[str], ...] | None:
    """Scans that find the end of every match of ``pattern``, for a pattern made of a head (which
    ends with one of a few characters), a middle of bounded width and a tail of a few plain strings
    (为期 + 三 + 年): one scan per tail string, which ``re`` runs as a literal search (the fastest it
    has) and tests, by a look-behind, for a head's last character the middle's width before it.
    Every match's tail is found (a scan's match is that tail); some places found begin no match.
    None when the pattern is not of that form, has a look-around, an anchor or a back-reference
    (its match would not be what it spans), may match empty text, or is case-insensitive."""
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        items = list(parsed.data)
        if parsed.state.flags & re.IGNORECASE or len(items) < 2 or not _zero_width_free(items):
            return None
        heads, empty = _last_of(*items[0])
        if empty or not heads:
            return None
        low, high = _parser.SubPattern(parsed.state, items[1:-1]).getwidth() if len(items) > 2 else (0, 0)
        tails = _plain_strings(items[-1:])
    except (_Unknown, re.error, RecursionError):
        return None
    except Exception:  # a private helper of ``re`` changed: no scans, the caller's own search
        return None
    if high - low > _TAIL_MAX or "" in tails or any(_overlaps_itself(t) for t in tails):
        return None
    head, anything = _class((c, c) for c in heads), "[\\s\\S]"
    return tuple(re.compile(re.escape(t) + "(?:" + "|".join(
        f"(?<={head}{anything * width}{re.escape(t)})" for width in range(low, high + 1)) + ")")
        for t in sorted(tails))


def _overlaps_itself(text: str) -> bool:
    """Can two occurrences of ``text`` overlap (a scan, stepping past each, would miss one)?"""
    return any(text[:n] == text[-n:] for n in range(1, len(text)))


class LiteralMatch:
    """The part of ``re.Match`` the checks use, for a match found by ``str.find``."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int) -> None:
        self._text, self._start, self._end = text, start, start + len(text)

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self) -> str:
        return self._text


class Literal:
    """A pattern without metacharacters, searched with ``str.find``: most phrase-list entries
    are plain words, and compiling hundreds of them as regular expressions costs more than
    checking a short report."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def search(self, haystack: str, pos: int = 0, endpos: int | None = None) -> LiteralMatch | None:
        at = haystack.find(self.text, pos, len(haystack) if endpos is None else endpos)
        return LiteralMatch(self.text, at) if at >= 0 else None

    def finditer(self, haystack: str, pos: int = 0, endpos: int | None = None) -> Iterator[LiteralMatch]:
        while (m := self.search(haystack, pos, endpos)) is not None:
            yield m
            pos = m.end()


Matcher = PatternSet | re.Pattern[str] | Literal
_META = re.compile(r"[.^$*+?{}\[\]\\|()]")


@lru_cache(maxsize=64)
def compile_each(patterns: tuple[str, ...]) -> tuple[tuple[str, Literal | PatternSet], ...]:
    """Each pattern compiled alone (plain words as ``Literal``), with its anchor (``anchor``)."""
    return tuple((anchor(p), Literal(p) if not _META.search(p) else PatternSet((p,))) for p in patterns)


def active(compiled: tuple[tuple[str, Literal | PatternSet], ...], text: str) -> list[int]:
    """Indexes of the patterns that can match somewhere in ``text`` (their anchor occurs)."""
    present = literals_present((a for a, _ in compiled), text)
    return [i for i, (a, _) in enumerate(compiled) if not a or a in present]
