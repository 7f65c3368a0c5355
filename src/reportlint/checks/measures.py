"""M1 checks: measures that cannot be checked later (no number, deadline, owner or target)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, reduce
from itertools import accumulate, islice, pairwise
from operator import or_
from typing import Any, TypeVar

from ..context import Context
from ..doctype import site_titles
from ..hookspecs import hookimpl
from ..model import SEVERITY_RANK, Finding, Rule
from ..needchars import Anchored, Guarded, needed_chars, needed_class
from ..outline import Marker, cn_value, list_lead
from ..scan import (
    PatternSet,
    anchor,
    first_chars,
    fused_starts,
    literal_alternation,
    pattern_set,
    top_level_branches,
)
from ..textutil import (
    CLOSING_MARKS,
    DATE_LINE,
    ISSUED,
    ISSUER_LINE,
    ITEM_LABEL,
    SENTENCE_ENDS,
    open_tail,
    sentences,
    strip_label,
)
from .numbering import articles
from .sections import YEAR_FIRST, judged_after, locate_sections

DIMENSIONS = ("amount", "deadline", "owner", "target")
DIMENSION_NAMES = {"amount": "量化指标", "deadline": "完成时限", "owner": "责任主体", "target": "可检验的目标"}


@dataclass(slots=True, repr=False)
class Measure:
    """One measure (a numbered item or an inline 一是…) of a part that lists measures."""
    block: int
    start: int  # where the measure starts (its label included)
    end_block: int
    end: int
    text: str  # the measure's text, blocks joined by a line break
    inline: int = 0  # the value of the inline token it starts at (一是 → 1, 建议二 → 2); 0 for an item
    unlabelled: str | None = field(default=None, compare=False)  # ``body``, once made
    # the set of norms found nowhere in ``text`` (``_is_norm``: ``_conduct_items`` asks for every item, ``_no_task``
    # again for each one not quantified; the second search was 1% of the M1 rules' instructions)
    free_of: object = field(default=None, compare=False)
    no_task: tuple[Any, bool] | None = field(default=None, compare=False)  # ``_no_task``'s sets and answer, once asked
    # what the part's heading states for every measure under it: a stage's period (（一）推进实施阶段（2021年12月至
    # 2022年2月）) is the deadline of each task of that stage
    given: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def body(self) -> str:
        """``text`` stripped, without its label: what the rules weigh (made once; M101 and M103 ask some five
        times per item)."""
        if self.unlabelled is None:
            self.unlabelled = strip_label(self.text.strip())
        return self.unlabelled


@dataclass(slots=True, repr=False)
class MeasureSection:
    """A part of the document that holds measures: from its heading to where it stops."""

    block: int
    start: int
    head_end: int  # end of the heading inside ``block`` (M103 points there)
    end_block: int
    end: int
    depth: int = -1  # the heading item's depth in the outline; -1 for other headings
    body: int = -1  # where its measures may start inside ``block`` (after the heading's label)


# the parameters that decide which dimensions a text states (``Dimensions`` compiles them once)
_DIMENSION_KEYS = ("exclude", "amount", "deadline", "owner", "target", "generic_owners", "segment_hint",
                   "classifiers", "vague_numerals", "time_units", "time_limits")
_NUMERALS = frozenset("一二三四五六七八九十两百千万零〇")
_NUMERALS_BUT_ONE = _NUMERALS - {"一"}
# where a segmenter's text blocks end: punctuation and spaces, which no word spans (jieba and
# jieba-rs cut Chinese text into runs of Han characters, letters and digits and segment each
# run alone); a clause between them segments as it does inside the whole text
_SEPARATORS = r"\s，。；：、！？“”‘’（）《》〈〉【】「」『』…—,;:!?()\[\]{}<>\"'`|/\\"  # inside a class


def _clauses_holding(chars: Iterable[str]) -> Callable[[str], list[str]]:
    """The clauses (runs without a separator) of a text that hold one of ``chars``, in order: one scan
    of the text after a separator put in front, each match a separator and the clause after it. A
    pattern that opens with the separators' class lets ``re`` skip in C to where a clause begins (a
    look-behind first had it try every character): the same clauses in half the time."""
    wanted = "".join(re.escape(c) for c in sorted(set(chars)) if not re.match(f"[{_SEPARATORS}]", c))
    if not wanted:
        return lambda text: []
    # the run up to the first wanted character taken whole (possessive): a clause without one fails at once
    # ``findall`` gives the one group's texts in C (a third faster than a comprehension over ``finditer``)
    findall = re.compile(f"[{_SEPARATORS}]([^{_SEPARATORS}{wanted}]*+[{wanted}][^{_SEPARATORS}]*)").findall
    return lambda text: findall("，" + text)  # type: ignore[no-any-return]


def _holding_any(words: Iterable[str]) -> Callable[[str], object]:
    """Whether a text holds one of ``words`` (a true value when it does): ``any(w in text for w in words)`` as one
    search in C (``scan.literal_alternation``), where the generator cost a Python step per word (``_may_count`` asks
    twice for most clauses)."""
    rx = literal_alternation(words)
    return rx.search if rx is not None else lambda text: False


_AFTER_LIMITS = ("以前", "之前", "以内")  # a word after a time word that makes it a deadline (年底 以前)
_MEMO_MAX = 50_000  # answers kept per parameter set (a batch repeats its set phrases), then forgotten
_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(memo: dict[_K, _V], key: _K, value: _V) -> _V:
    """``memo[key] = value``, the memo emptied first when it holds ``_MEMO_MAX`` answers; ``value``."""
    if len(memo) >= _MEMO_MAX:
        memo.clear()
    memo[key] = value
    return value


class _Narrowing:
    """Pattern lists searched with only the patterns that can match in a text: those whose
    needed characters (``needed_chars``) occur in it. A pattern that matches nowhere in a text
    takes no part in the alternation's matches there, so the narrowed list finds the same
    matches; one scan of the text finds the needed characters of every list. Most texts lack
    what a pattern that may begin at any Chinese character needs (负责/牵头 after an office)."""

    __slots__ = ("_always", "_bits", "_chars", "_each", "_kept", "_lists", "_plans", "_whole")

    def __init__(self, lists: Sequence[tuple[str, ...]]) -> None:
        self._lists: list[tuple[int, tuple[str, ...]]] = []  # each list's first bit and its patterns
        self._bits: dict[str, int] = {}  # a needed character -> the patterns (bits) needing it
        self._always = 0  # the patterns that need nothing the analysis can name
        # the lists whose whole alternation ``_whole_list`` finds in one scan in C: never narrowed
        self._whole: dict[int, Callable[[str], object]] = {}
        bit = 0
        for k, patterns in enumerate(lists):
            self._lists.append((bit, patterns))
            whole = _whole_list(patterns) if len(patterns) > 1 else None
            if whole is not None:
                self._whole[k] = whole
                bit += len(patterns)
                continue  # its characters need no finding: the list is searched whole in any text
            for p in patterns:
                need = needed_chars(p, re.MULTILINE)
                if need is None:
                    self._always |= 1 << bit
                for c in need or ():
                    self._bits[c] = self._bits.get(c, 0) | 1 << bit
                bit += 1
        self._chars = re.compile("[" + "".join(map(re.escape, sorted(self._bits))) + "]") if self._bits else None
        # each pattern alone (bit -> whether it matches in a text, ``_search``), compiled on first use
        self._each: list[Callable[[str], object] | None] = [None] * bit
        self._kept: dict[tuple[int, int], tuple[Callable[[str], object], ...]] = {}  # (list, kept) -> searches
        self._plans: dict[int, tuple[tuple[Callable[[str], object], ...], ...]] = {}  # mask -> ``searches``

    def mask(self, text: str) -> int:
        """The patterns (bits) that may match in ``text``."""
        if self._chars is None:
            return self._always
        # every occurrence ORed in (OR is idempotent): cheaper than making a set of them first
        return reduce(or_, map(self._bits.__getitem__, self._chars.findall(text)), self._always)

    def filled(self, mask: int, filler: str) -> int:
        """``mask`` for the text with some characters turned into ``filler`` (the exclusions and the generic
        owners, blanked before the patterns)."""
        return mask | self._bits.get(filler, 0)

    def searches(self, mask: int) -> tuple[tuple[Callable[[str], object], ...], ...]:
        """For each list, the searches (``_search``) of its patterns in ``mask``, remembered per mask.
        One of them matches in a text exactly when the list's alternation does. Each pattern is
        searched alone, in C, until one matches: a list whose texts keep many subsets (the deadline
        patterns kept some 70 over a batch) would compile an alternation for each, which cost more
        than the searches."""
        found = self._plans.get(mask)
        if found is None:
            found = _remember(self._plans, mask, tuple(self._kept_searches(k, mask) for k in range(len(self._lists))))
        return found

    def _kept_searches(self, k: int, mask: int) -> tuple[Callable[[str], object], ...]:
        whole = self._whole.get(k)
        if whole is not None:
            return (whole,)
        first, patterns = self._lists[k]
        kept = mask >> first & (1 << len(patterns)) - 1
        found = self._kept.get((k, kept))
        if found is None:
            found = self._kept[(k, kept)] = tuple(
                self._search(first + i, patterns[i]) for i in range(len(patterns)) if kept >> i & 1)
        return found

    def _search(self, bit: int, pattern: str) -> Callable[[str], object]:
        """Whether ``pattern`` matches in a text (a true value when it does), compiled once. A pattern
        ``re`` cannot skip ahead in by itself (it begins with one of several classes, 二十个 or 20个) is
        searched from the first place a match can begin (``scan.first_chars``, a class ``re`` skips to in
        C): no match begins before it, and most texts have none."""
        search = self._each[bit]
        if search is None:
            rx = re.compile(pattern, re.MULTILINE).search
            lead_source = first_chars(pattern, re.MULTILINE)
            if lead_source is None:
                search = rx  # the compiled pattern's own search, called in C (its match or None)
            else:
                lead = re.compile(lead_source).search

                def search(text: str) -> bool:
                    at = lead(text)
                    return at is not None and rx(text, at.start()) is not None
            self._each[bit] = search
        return search


def _whole_list(patterns: tuple[str, ...]) -> Callable[[str], object] | None:
    """Whether one of ``patterns`` matches in a text, as one search in C (a match or None): ``scan``'s fused
    pattern, which ``re`` skips through to the characters a match can begin with (``first_chars``), then tests
    the whole alternation there in a look-around. Searching each narrowed pattern alone cost a Python call per
    pattern: the amount and deadline lists took 19 and 17 ms over the 8,500 texts of the batch corpus, their
    fused patterns 10 and 11 ms; and their characters, the commonest (年, 全, 项, 完), leave ``mask``. None
    when the list has no such lead (a pattern may begin at any Chinese character) or does not fuse."""
    source = "|".join(f"(?:{p})" for p in patterns)
    lead = first_chars(source, re.MULTILINE)
    fused = fused_starts(lead, source, re.MULTILINE) if lead else None
    return fused.search if fused is not None else None


# a preposition or a verb right before a class of units that makes it only the object (向广大职工公告, 明确各部门职责),
# not who acts; not 督促, 组织, 要求, 推动 …, whose object does the next verb's work (组织各部门负责巡查: a pivot, 兼语)
_OBJECT_BEFORE = re.compile(r"(?:向|对|给|为|明确|告知|通知)$")
_OWNER = DIMENSIONS.index("owner")  # the lists of ``Dimensions._needs``: the dimensions, in their order
_DATED = DIMENSIONS.index("deadline")
# every answer of ``Dimensions.of``, made once: the dimensions found, in their order
_FOUND = {found: frozenset(found) for found in (tuple(d for i, d in enumerate(DIMENSIONS) if n >> i & 1)
                                                for n in range(1 << len(DIMENSIONS)))}


class Dimensions:
    """The dimensions (amount, deadline, owner, target) a text states under one set of M101
    parameters: the patterns compiled once per process, the answers remembered per document
    (M101, M102 and M103 ask about the same measures, passages and sentences)."""

    __slots__ = ("_classifiers", "_clauses", "_dated", "_exclude", "_exclusions", "_generic", "_hint", "_judged",
                 "_known", "_limit_in", "_limit_words", "_limits", "_needs", "_numerals", "_owners", "_stated",
                 "_unit_in", "_units", "_vague")

    def __init__(self, params: Mapping[str, Any]) -> None:
        self._needs = _Narrowing([tuple(params.get(k, ())) for k in DIMENSIONS])
        # the exclusions and the classes of departments, each list compiled whole, once: ``PatternSet`` skips in C to
        # where a match can begin (numerals, 第, 各, 有关 …). Narrowed to the patterns whose characters a text holds,
        # as the dimensions are, they made a compile per subset (28 over a batch) and were searched without that skip
        self._exclude = pattern_set(tuple(params.get("exclude", ())))
        self._generic = pattern_set(tuple(params.get("generic_owners", ())))
        self._hint = pattern_set(tuple(params.get("segment_hint", ())))
        self._classifiers = frozenset(params.get("classifiers", ""))
        self._vague = frozenset(params.get("vague_numerals", ()))
        self._units = params.get("time_units", "年月季周旬")
        self._clauses = _clauses_holding(_NUMERALS.union(self._units))
        self._limits = tuple(params.get("time_limits", ("前", "内", "底", "末")))
        self._limit_words = (*self._limits, *_AFTER_LIMITS)
        self._unit_in, self._limit_in = _holding_any(self._units), _holding_any(self._limit_words)
        self._known: dict[str, frozenset[str]] = {}  # a text -> ``quantified``
        self._stated: dict[str, frozenset[str]] = {}  # a text -> ``of``
        self._dated: dict[str, bool] = {}  # a text ``of`` was not asked about -> ``dated``
        self._judged: dict[str, frozenset[str]] = {}  # a clause -> what ``_judge`` finds in its words
        self._exclusions: dict[str, tuple[int, list[tuple[int, int]]]] = {}  # see ``_excluded``
        self._owners: dict[str, str] = {}  # a text -> ``generic_owner``
        self._numerals: dict[str, frozenset[str]] = {}  # the same for clauses of numerals, kept by ``fresh``

    def generic_owner(self, text: str) -> str:
        """The first class of departments ``text`` names instead of an office (有关部门) as who acts, or "": not one
        that a verb or a preposition makes its object (推动明确各有关部门的职责, 向广大职工公告). Remembered for the
        document: M101 asks for each bare item, M101 and M103 again whether it binds every unit addressed (three asks
        per item)."""
        found = self._owners.get(text)
        if found is None:
            generic = self._generic
            names = generic.finditer(text) if generic is not None else ()  # read up to the first acting one
            acting = next((m for m in names if not _OBJECT_BEFORE.search(text, max(0, m.start() - 4), m.start())),
                          None)
            found = _remember(self._owners, text, acting.group() if acting else "")
        return found

    def of(self, text: str) -> frozenset[str]:
        """Which dimensions ``text`` states by the rule's patterns. ``exclude`` patterns are
        blanked out first (ordinals such as 十四届三次, 第二批)."""
        found = self._stated.get(text)
        if found is None:
            found = _remember(self._stated, text, self._of(text))
        return found

    def dated(self, text: str) -> bool:
        """Whether ``text`` states a deadline: ``"deadline" in of(text)``, with only the deadline patterns searched
        when ``of`` was not asked about the text (a heading's period, a stage's dates in an item's title: these
        callers ask for nothing else, and the owner patterns cost the most)."""
        found = self._stated.get(text)
        if found is not None:
            return "deadline" in found
        known = self._dated.get(text)
        if known is None:
            searched, mask = self._searched(text)
            # as ``_of`` searches the deadline list: the text with its ``exclude`` spans blanked, the owners left
            known = _remember(self._dated, text, any(search(searched) for search in self._needs.searches(mask)[_DATED]))
        return known

    def _searched(self, text: str) -> tuple[str, int]:
        """``text`` with its ``exclude`` spans blanked, and the patterns (``_Narrowing.mask``) that may match in it.
        Read plain first (``_plain``): a short name in brackets and a year left blank say nothing either way."""
        text = _plain(text)
        mask, spans = self._excluded(text)
        if spans:
            return _fill(text, spans, "　"), self._needs.filled(mask, "　")
        return text, mask

    def _of(self, text: str) -> frozenset[str]:
        needs = self._needs
        text, mask = self._searched(text)
        plan = needs.searches(mask)
        found = []
        for k, dim in enumerate(DIMENSIONS):
            searches, searched = plan[k], text
            if k == _OWNER:
                generic = self._generic
                if generic is not None and generic.search(text) is not None:  # every match blanked, as many fillers
                    searched = generic.pattern.sub(lambda m: "，" * len(m.group()), text)
                    searches = needs.searches(needs.filled(mask, "，"))[k]
            for search in searches:
                if search(searched):
                    found.append(dim)
                    break
        return _FOUND[tuple(found)]

    def _excluded(self, text: str) -> tuple[int, list[tuple[int, int]]]:
        """The patterns that may match in ``text`` (``_Narrowing.mask``) and where ``exclude``
        matches, remembered for the document (``of`` and ``_segmented`` blank them)."""
        found = self._exclusions.get(text)
        if found is None:
            exclude = self._exclude
            spans = [m.span() for m in exclude.finditer(text)] if exclude is not None else []
            found = _remember(self._exclusions, text, (self._needs.mask(text), spans))
        return found

    def quantified(self, text: str) -> frozenset[str]:
        """The dimensions ``text`` states: the regular expressions first; only when they find
        none and the text has Chinese numerals or time words (``segment_hint``) is the segmenter
        asked, for a numeral with a classifier (三个乡镇, 两批次) or a time word with 前/内/底."""
        found = self._known.get(text)
        if found is None:
            found = self._stated.get(text)  # ``of``, its memo read here (every measure comes here first)
            if found is None:
                found = _remember(self._stated, text, self._of(text))
            if not found and self._hint is not None and self._hint.search(text):
                found = self._segmented(text)
            _remember(self._known, text, found)
        return found

    def _segmented(self, text: str) -> frozenset[str]:
        """Amounts and deadlines the segmenter finds. Only the clauses that may hold a word
        judged here are segmented (``_may_count``): the same words, for a fraction of the text."""
        text = _fill(text, self._excluded(text)[1], "，")
        found: set[str] = set()
        for clause in self._clauses(text):
            # a clause of numerals alone (the 三 of a label （三）, which every unquantified item brings here) is
            # judged once per process: the labels of every document are the same few
            judged = self._numerals.get(clause)
            if judged is None:
                if not self._may_count(clause):
                    continue
                memo = self._numerals if _NUMERALS.issuperset(clause) else self._judged
                judged = memo.get(clause)
                if judged is None:
                    judged = _remember(memo, clause, frozenset(self._judge(self._tag(clause))))
            found |= judged
            if len(found) == 2:
                break
        return frozenset(found)

    def _may_count(self, clause: str) -> bool:
        """Whether ``_judge`` may find something in ``clause``: an amount needs a numeral word
        other than a bare 一 (so a numeral other than 一, or two 一), a deadline a unit of time and
        a limit (前, 内 …) or the word after it (以前, 之前, 以内)."""
        if not _NUMERALS_BUT_ONE.isdisjoint(clause) or clause.count("一") >= 2:
            return True
        return bool(self._unit_in(clause) and self._limit_in(clause))

    def _tag(self, clause: str) -> list[tuple[str, str]]:
        from ..segment import tagger

        return tagger()(clause)

    def _judge(self, words: list[tuple[str, str]]) -> set[str]:
        found: set[str] = set()
        classifiers, units, limits = self._classifiers, self._units, self._limits
        for i, (word, tag) in enumerate(words):
            if tag != "m" and tag != "t":
                continue  # most words: nothing to look at
            after = words[i + 1] if i + 1 < len(words) else ("", "")
            # 一个时期 / 一项任务: a bare 一 is an article in official prose, not a quantity
            if tag == "m" and word not in self._vague and (
                    word[-1] in classifiers or after[1] == "q" or (after[0] and after[0][0] in classifiers)):
                digits = "".join(ch for ch in word if ch in _NUMERALS)
                if digits and digits != "一":
                    found.add("amount")
            # a time word names a deadline when it has a unit of time and a limit: 年底前, 季度末;
            # 当前 or 今后 name no time at all
            if tag == "t" and any(u in word for u in units) and (
                    word.endswith(limits) or after[0] in limits or after[0] in _AFTER_LIMITS):
                found.add("deadline")
        return found


    def fresh(self) -> Dimensions:
        """The same patterns with no answers remembered (for the next document)."""
        new = Dimensions.__new__(Dimensions)
        for name in self.__slots__:
            setattr(new, name, getattr(self, name))
        new._known, new._stated, new._judged, new._exclusions, new._owners, new._dated = {}, {}, {}, {}, {}, {}
        return new


# a short name given in brackets after a body's full name (……指挥部（以下简称“森防指”）负责……): the body is the
# subject of what follows all the same; and a year left blank in a template's date (20__年10月30日前, 20XX年6月底前),
# still a date
_SHORT_NAME = re.compile(r"[（(](?:以下简称|以下称|下称|简称)[^（）()\n]{1,20}[）)]")
_BLANK_YEAR = re.compile(r"(?<![\d_＿])(?:19|20)(?:[_＿]{2}|[XxＸｘ×]{2})(?=\s*年)|(?<![\d_＿])[_＿]{4}(?=\s*年)")


def _plain(text: str) -> str:
    """``text`` with the short names in brackets taken out and blank years filled (``_SHORT_NAME``, ``_BLANK_YEAR``),
    for the dimensions' patterns alone: what they find is a set of dimensions, not places in the text."""
    if "称" in text:
        text = _SHORT_NAME.sub("", text)
    if "_" in text or "＿" in text or "X" in text or "x" in text or "×" in text or "Ｘ" in text or "ｘ" in text:
        text = _BLANK_YEAR.sub("2000", text)
    return text


def _fill(text: str, spans: list[tuple[int, int]], filler: str) -> str:
    """``text`` with each of ``spans`` (in order, not overlapping) turned into ``filler`` characters."""
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for s, e in spans:
        out += (text[pos:s], filler * (e - s))
        pos = e
    out.append(text[pos:])
    return "".join(out)


_compiled: dict[Hashable, Dimensions] = {}  # signature → patterns compiled, no answers kept


def _signature(params: Mapping[str, Any], keys: Iterable[str] = _DIMENSION_KEYS) -> Hashable:
    """The values of ``keys`` in ``params`` (what ``Dimensions`` reads), as a key: the lists as
    tuples (their strings are the rulebook's, whose hashes are kept, so the key hashes and
    compares fast); the ``repr`` of values that do not hash."""
    get = params.get
    try:
        # one list made in a comprehension (a generator per key cost more than the tuples themselves)
        key = tuple([(k, type(v), tuple(v) if type(v) is list else v) for k in keys for v in (get(k),)])
        hash(key)
    except TypeError:
        return repr(tuple((k, get(k)) for k in keys))
    return key


def _same_params(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two parameter mappings have equal ``_signature``s over all their keys, compared without building
    them: the mappings a document's rules are given are copies of one another (``merged_params``) that share their
    lists, so ``==`` compares them by identity, item by item; the types are compared as ``_signature`` does (True
    is not 1). Building and hashing M101's signature of 26 parameters took some 16 µs, four times per document for
    the memos of ``_counted`` and ``_vague_spans``: 4% of the M1 rules' instructions."""
    return a is b or (a == b and all(type(v) is type(b[k]) for k, v in a.items()))


def dimensions_of(ctx: Context, params: Mapping[str, Any]) -> Dimensions:
    """The ``Dimensions`` of ``params`` for this document; mappings with the same patterns
    share one (M102 and M103 copy M101's parameters)."""
    by_id: dict[int, tuple[Mapping[str, Any], Dimensions]] = ctx.memo("dimensions-by-id", dict)
    entry = by_id.get(id(params))
    if entry is not None:
        return entry[1]
    signature = _signature(params)
    by_signature: dict[Hashable, Dimensions] = ctx.memo("dimensions", dict)
    found = by_signature.get(signature)
    if found is None:
        compiled = _compiled.get(signature)
        if compiled is None:
            if len(_compiled) >= 32:
                _compiled.clear()
            compiled = _compiled[signature] = Dimensions(params)
        found = by_signature[signature] = compiled.fresh()
    by_id[id(params)] = (params, found)  # the entry keeps ``params`` alive: its id is not reused meanwhile
    return found


def dimensions(ctx: Context, text: str, params: Mapping[str, Any]) -> frozenset[str]:
    """Which of amount, deadline, owner and target ``text`` states, by the rule's patterns."""
    return dimensions_of(ctx, params).of(text)


def generic_owner(ctx: Context, text: str, params: Mapping[str, Any]) -> str:
    """The first class of departments ``text`` names instead of an office (有关部门), or ""."""
    return dimensions_of(ctx, params).generic_owner(text)


def quantified(ctx: Context, text: str, params: Mapping[str, Any]) -> frozenset[str]:
    """The dimensions ``text`` states, the segmenter asked when the patterns find none."""
    return dimensions_of(ctx, params).quantified(text)


Pos = tuple[int, int]
_SEQ_TOKEN = Guarded(re.compile(r"(?<![统唯单同专万])([一二三四五六七八九十]{1,2})是"),
                     re.compile("[一二三四五六七八九十]是"))  # a numeral before 是, rarer than 是 alone
_NAMED_TOKEN = Guarded(re.compile(r"(?:建议|措施|举措|任务|要求)([一二三四五六七八九十]{1,2})[：:]"))


def _doc_end(ctx: Context) -> Pos:
    last = len(ctx.doc.blocks) - 1
    return last, len(ctx.doc.blocks[last].text)


def _item_end(ctx: Context, i: int) -> Pos:
    """Where item ``i``'s subtree stops: at the next real item of its depth or shallower, or
    of a numbering style that ranks as high (一、 after （三） ends the （三） part even
    when the outline nested it). Found by walking on through the item's subtree (an outline
    is a few levels deep, so all the items walk about as far as there are items times levels),
    only for the items asked about, remembered for the document."""
    ends: dict[int, Pos] = ctx.memo("item-ends", dict)
    end = ends.get(i)
    if end is None:
        items = ctx.outline.items
        depth, rank = items[i].depth, items[i].marker.rank
        end = _doc_end(ctx)
        for j in range(i + 1, len(items)):
            it = items[j]
            mk = it.marker
            if mk.stray or (mk.family == "heading" and it.depth > depth):
                continue  # a heading below the item is inside it; one of its level or above ends it (第三章 附则)
            if it.depth <= depth or (rank and mk.rank and mk.rank < rank):
                end = mk.block, mk.start
                break
        ends[i] = end
    return end


def measure_sections(ctx: Context, params: Mapping[str, Any]) -> list[MeasureSection]:
    """The measures parts of a document: the profile's measures and safeguards sections;
    any numbered or styled heading naming measures (措施, 下一步, 建议, 工作要求 …, the
    ``sections`` parameter); a lead-in announcing requirements (要求如下：); with
    ``scope = "document"`` (工作要点) every top-level item after the ``framing`` ones (总体要求). Nested parts are
    merged."""
    key = "measure-sections:" + "|".join((*params.get("sections", ()), "", *params.get("not_sections", ()), "",
                                          *params.get("not_titles", ()), "", *params.get("framing", ()))) \
        + str(params.get("scope", ""))
    return ctx.memo(key, lambda: _measure_sections(ctx, params))  # type: ignore[no-any-return]


def _measure_sections(ctx: Context, params: Mapping[str, Any]) -> list[MeasureSection]:
    doc = ctx.doc
    if not doc.blocks or not_a_plan(ctx, params):
        return []
    items = ctx.outline.items
    real = [i for i, it in enumerate(items) if not it.marker.stray and it.marker.family != "heading"]
    found: list[MeasureSection] = []
    if params.get("scope") == "document":
        top = [i for i in real if items[i].depth == min(items[j].depth for j in real)] if real else []
        # the framing items a plan opens with (一、总体要求 with its 指导思想 and 工作目标) set no task: the tasks begin
        # after them
        framing = pattern_set(tuple(params.get("framing", ())))
        if len(top) >= 2:
            while framing is not None and len(top) > 1 and framing.pattern.search(items[top[0]].marker.title[:12]):
                top = top[1:]
            mk = items[top[0]].marker
            last = _doc_end(ctx)
            end = _stop_early(ctx, (mk.block, mk.start), last)
            found.append(MeasureSection(mk.block, mk.start, mk.end + len(mk.title), end[0], end[1], -2, mk.start))
            return found
    words = pattern_set(tuple(params.get("sections", ())))
    unless = pattern_set(tuple(params.get("not_sections", ())))
    heads: list[tuple[int, int, int, int]] = []  # block, start, end, item index or -1
    wanted = [sec for sec in ctx.profile.sections if sec.role in ("measures", "safeguards")] if ctx.profile else []
    if wanted:  # the sections are located only when the profile names a measures part
        by_pos = {(items[i].marker.block, items[i].marker.start): i for i in real}
        located = locate_sections(ctx)
        for wanted_sec in wanted:
            if wanted_sec.name in located:
                h = located[wanted_sec.name]
                heads.append((h.block, h.start, h.end, by_pos.get((h.block, h.start), -1)))
    review = _review_part(ctx, params)  # the review of work done of a summary: headings and lead-ins there set no tasks
    if words is not None:
        for i in _titles_holding(items, real, tuple(params.get("sections", ())), 12):
            mk = items[i].marker
            if _names_measures(mk.title, 12, words, unless) and not _under_review(items, i) \
                    and not review(mk.block, mk.start, mk.title) and not _part_of_a_content_list(ctx, i) \
                    and not (_results_follow(items, i) and not _names_a_plan(mk.title, params)):
                heads.append((mk.block, mk.start, mk.end + len(mk.title), i))
        for h in ctx.outline.headings:
            if h.source != "marker" and _names_measures(h.text, 16, words, unless) \
                    and not review(h.block, h.start, h.text):
                heads.append((h.block, h.start, h.end, -1))
    for block, start, head_end, i in heads:
        body = items[i].marker.end if i >= 0 else head_end
        if i >= 0:
            end = _item_end(ctx, i)
            depth = items[i].depth
        else:
            later = [(h.block, h.start) for h in ctx.outline.headings if h.source != "marker"
                     and (h.block, h.start) > (block, start)]
            end = min(later) if later else _doc_end(ctx)
            depth = -1
        end = _before_closing(ctx, (block, body), _stop_early(ctx, (block, head_end), end), params)
        found.append(MeasureSection(block, start, head_end, end[0], end[1], depth, body))
    lead = _lead_ins(tuple(params.get("lead_ins", ())))
    if lead is not None:
        for b, offset, m in ctx.body.finditer(lead):  # type: ignore[arg-type]
            pos = (b.index, m.end() - offset)
            sentence = b.text[max(b.text.rfind("。", 0, m.start() - offset), 0):pos[1]]
            if review(pos[0], m.start() - offset, sentence):
                continue  # a summary's 主要措施如下： in its review of the work done: what was done, not tasks
            nxt = next((i for i in real if (items[i].marker.block, items[i].marker.start) >= pos), None)
            if nxt is None or items[nxt].marker.block > pos[0] + 2:
                continue
            depth = items[nxt].depth
            end = next(((items[j].marker.block, items[j].marker.start) for j in real
                        if j > nxt and items[j].depth < depth), _doc_end(ctx))
            end = _before_closing(ctx, pos, _stop_early(ctx, pos, end), params)
            found.append(MeasureSection(pos[0], pos[1], pos[1], end[0], end[1], depth - 1))
    found.sort(key=lambda s: ((s.block, s.start), (-s.end_block, -s.end)))
    merged: list[MeasureSection] = []
    in_template = _in_a_template(ctx)
    for sec in found:
        if merged and (sec.block, sec.start) < (merged[-1].end_block, merged[-1].end):
            continue  # inside (or overlapping) a part already taken
        if in_template((sec.block, sec.start)):
            continue  # 附件 务虚报告（模板）…… 二、工作思路及措施: what to write there, not measures
        merged.append(sec)
    return merged


# an attachment that is a form or a template to fill in (附件 ××报告（模板）, 附件2 填报格式, 样表): its headings say
# what to write, not what is done
_TEMPLATE_TITLE = re.compile(r"模板|样表|样式|格式|范本|填写说明|填报说明|提纲")


def _in_a_template(ctx: Context) -> Callable[[Pos], bool]:
    """For a place: whether the last part it lies in (附件, 第X部分) is titled, in the words right after its label, as
    a template or a form to fill in."""
    blocks = ctx.doc.blocks
    parts = [((mk.block, mk.start), bool(_TEMPLATE_TITLE.search(blocks[mk.block].text, mk.start, mk.end + 30)))
             for mk in ctx.outline.parts()]
    if not any(template for _, template in parts):
        return lambda pos: False

    def inside(pos: Pos) -> bool:
        at = bisect_right(parts, (pos, True)) - 1
        return at >= 0 and parts[at][1]

    return inside


@lru_cache(maxsize=32)
def _lead_ins(patterns: tuple[str, ...]) -> Anchored | PatternSet | None:
    """The lead-in patterns, searched from near their anchors (如下) when each has one."""
    lead = pattern_set(patterns)
    return lead and (Anchored.of(lead.pattern, (anchor(p) for p in patterns)) or lead)


# an attachment line (at the head of a paragraph or of a sentence: 具体要求见附件1 in a sentence only refers to one), a
# closing formula (特此报告, 妥否，请批示; a reply letter's 以上答复 and its thanks for the
# addressee's 关心和支持) or a signature ends the body
# … and so does the signature: a short issuing body right after a sentence and the date of issue (GB/T 9704-2012
# §7.3.5: 发文机关署名 and 成文日期 close the body): a paragraph that is a date alone, or 国网保密办2021年1月15日 in a
# document stored on one line; a date that a sentence is about (定于2021年1月18日, 自2021年3月1日起) is no signature
# … and so does a list of documents (附件 alone on its line, 附件目录, 需要回收的文件目录：): titles, not measures
# … and so does the heading of the notes after the text (注释, 参考文献 alone on a line): explanations, not measures
# … and so does the contact block after the body: the 附注 with 联系人 and 电话 (GB/T 9704-2012 §7.3.7) or a policy
# explainer's 解读机构及咨询方式 / 政策解读单位：… / 咨询电话：… lines (government portals' 政策解读 pages)
_PART_END = Guarded(re.compile(
    r"(?:^|(?<=[。！？；;\s]))附\s*件\s*[:：\d一二三四五六七八九十]|特此(?:报告|通知|请示|函告|通报|函复)|妥否|以上(?:报告|意见|方案|答复)[，,。]"
    r"|^\s*[（(]?(?:(?:政策)?解读(?:机构|单位)|(?:具体)?联系人(?:及(?:联系)?(?:电话|方式))?|联系(?:电话|方式)|咨询(?:电话|方式))"
    r"(?:及咨询方式\s*$|\s*[:：])"
    # a reply letter's closing thanks (答复函: 感谢您对我县卫生工作的关心和支持), after its last point
    r"|^\s*(?:衷心|再次)?感谢(?:您|你|贵)[^。！\n]{0,40}(?:关心|支持|理解|关注)"
    rf"|(?<=[。！？])[^。！？，,、；;：:\s\d]{{2,16}}(?<![于在至到从自为是止起])\s*{ISSUED}(?![起前后止以内至到，,、])"
    rf"|^\s*{ISSUED}\s*$"
    # a list of documents after the body: 附件 on a line of its own, 附件目录, 需要回收的文件目录：
    r"|^\s*附\s*件\s*(?:目\s*录|清\s*单)?\s*$|^\s*目\s*录\s*$|(?:文件|资料|材料|附件)目录\s*[:：]"
    # the notes after the text (an edition's 注释 to a speech or a directive, a report's 参考文献): explanations;
    # and a footnote, a paragraph opening with its number in square brackets ([1]1、农业；2、……: what a term of the
    # text covers)
    r"|^\s*(?:注\s*释|注\s*解|尾\s*注|参考文献)\s*[:：]?\s*$|^\s*\[\d{1,2}\]"),
    # what every branch above holds, each a word or a month after 年 (searched in C from its first character): far
    # rarer than the characters 以 or 年 alone, which most paragraphs hold
    re.compile(r"附\s*件|特此|妥否|以上|解读|联系|咨询|感谢|年[\d一二三四五六七八九十]{1,3}月|目\s*录|注\s*[释解]|尾\s*注|参考文献"
               r"|\[\d"))


def _stop_early(ctx: Context, start: Pos, end: Pos) -> Pos:
    """A measures part stops before a table (a budget table's rows are no measures), before
    an attachment line (附件：…, 附件2) and before the closing formula (特此报告), which also
    end the body of a document stored on one line."""
    blocks = ctx.doc.blocks
    table = next((b for b in range(start[0] + 1, end[0] + 1) if blocks[b].kind == "cell" or blocks[b].table), 0)
    if table:  # the part runs into a table: it stops before
        end = stop = table - 1, len(blocks[table - 1].text)
    else:
        stop = end
    for b in _blocks_possible(ctx, _PART_END, start, stop):  # those holding a character an end needs
        m = _PART_END.pattern.search(blocks[b].text, start[1] if b == start[0] else 0,
                                     stop[1] if b == stop[0] else len(blocks[b].text))
        if m:
            if m.start() == 0 and DATE_LINE.match(blocks[b].text):
                return _before_issuer(ctx, start, b)
            return b, m.start()
    return end




def _before_issuer(ctx: Context, start: Pos, date: int) -> Pos:
    """Where a measures part ends that runs into the signature: before the date of issue (block ``date``) and the
    issuing body's lines over it (at most two), so the last measure does not take the signature in."""
    blocks = ctx.doc.blocks
    b, lines = date, 0
    while lines < 2:
        above = b - 1
        while above > start[0] and not blocks[above].text.strip():
            above -= 1
        if above <= start[0] or not ISSUER_LINE.match(blocks[above].text):
            break
        b, lines = above, lines + 1
    return b, 0


_HAN_CHARS = re.compile(r"[\u4e00-\u9fff]")
# a line of a signature block: the issuing body or a date, short and with no punctuation of a sentence (XX镇人民政府,
# 2020年X月XX日 with its figures still to fill in, which _PART_END's date does not take)
_SIGNATURE_LINE = re.compile(r"[ \t\u3000]*[^，。；：,;:！？!?\s]{2,25}[ \t\u3000]*$")


def _before_closing(ctx: Context, start: Pos, end: Pos, params: Mapping[str, Any]) -> Pos:
    """Where a part of numbered measures ends when its last paragraph is the closing of the document or of the
    part (``closings``: 我镇将以此次整改为契机……, 总之……, 让我们……): a pledge in general words after the last item,
    with a subject of its own, that belongs to no item. Only right after a last item of one paragraph, and only
    when it states no amount, deadline or target (then it is that item's own paragraph). The part ends before
    it; ``end`` otherwise."""
    closings = pattern_set(tuple(params.get("closings", ())))
    if closings is None:
        return end
    blocks = ctx.doc.blocks
    last = _trim(ctx, start, end)
    b = last[0]
    if last[1] < len(blocks[b].text.rstrip()):
        return end  # the part ends inside a block (a document on one line)
    while b > start[0] and _SIGNATURE_LINE.match(blocks[b].text):  # a signature or a date the part ran into
        b = _trim(ctx, start, (b, 0))[0]
    if b <= start[0] or not closings.search(blocks[b].text):
        return end  # one block (a document on one line), a part cut inside the block, or no closing
    places = _item_places(ctx)
    items = ctx.outline.items
    k = bisect_left(places, (start, -1))
    numbered = [j for _, j in places[k:bisect_left(places, ((b + 1, 0), -1))]
                if not items[j].marker.stray and items[j].marker.family != "heading"]
    before = _trim(ctx, start, (b, 0))
    # a part that is one paragraph, its heading run in (三、下一步拟采取的措施。发展改革委拟……), ends before a closing
    run_in = before[0] == start[0] and "。" in blocks[start[0]].text[start[1]:].rstrip()[:-1]
    last_item = items[numbered[-1]].marker.block if numbered else -1
    # (or a heading on its own line over that one paragraph: 二、组织开展形式 / 采取……的方式。 / 各单位要高度重视……)
    headed = last_item == before[0] - 1 and "。" not in blocks[last_item].text.rstrip("。")
    if not run_in and (not numbered or (last_item != before[0] and not headed)):
        return end  # no item before it (the part's paragraphs are its measures), an item itself, or one of several
    if quantified(ctx, blocks[b].text, params) - {"owner"}:
        return end  # it says how much, by when or to what target: the last item's own paragraph
    return before


def _titles_holding(items: Sequence[Any], indices: list[int], patterns: tuple[str, ...], within: int) -> list[int]:
    """Those of ``indices`` whose item title may hold a match of ``patterns`` in its first ``within``
    characters: every pattern has an anchor (``scan.anchor``, a run of Chinese characters each
    match holds) and the title holds one. One scan of the titles joined by line breaks, which no
    anchor holds; all of ``indices`` when a pattern has none."""
    every, rx = _title_anchors(patterns)
    titles = [items[i].marker.title[:within] for i in indices]
    if every or not titles:
        return [i for i, t in zip(indices, titles, strict=True) if t]
    ends = list(accumulate(len(t) + 1 for t in titles))  # where each title's line ends, its break included
    found = sorted({bisect_right(ends, m.start()) for m in rx.finditer("\n".join(titles))}) if rx else []
    return [indices[k] for k in found]


@lru_cache(maxsize=32)
def _title_anchors(patterns: tuple[str, ...]) -> tuple[bool, re.Pattern[str] | None]:
    """For ``_titles_holding``, once per list: whether a pattern has no anchor (every title may
    hold a match), else the anchors as one alternation."""
    anchors = {anchor(p) for p in patterns}
    return "" in anchors, None if "" in anchors else literal_alternation(sorted(anchors))


# the heading of a part that tells what was done (一、一年来工作回顾, 二、主要工作及成效, 2023年工作总结): the 措施 its
# items name (（一）采取果断措施，抗击非典) were taken, not planned (主要工作 alone heads a plan's tasks as often)
_REVIEW = re.compile(r"回顾|成效|成绩|工作情况|进展情况|完成情况|主要做法|(?:19|20)\d\d年工作总结")


def _review_part(ctx: Context, params: Mapping[str, Any]) -> Callable[[int, int, str], bool]:
    """Whether a heading (block, offset, text) lies in the review of the work done of a summary or a 述职报告: its
    profile has a part of achievements (工作开展情况) and the heading comes after it, before the profile's parts on
    problems and plans, and names no plan (``plan_words``: 下一步, 打算, 2024年 …). There, 二、工作举措 or 主要措施 say
    what was done (成绩—问题—打算, the order of a 总结), not tasks to quantify. A report of work done by its title
    (……工作总结) without a heading of that part is reviewed from its title on."""
    profile = ctx.profile
    roles = {sec.name: sec.role for sec in profile.sections} if profile is not None else {}
    if "achievements" not in roles.values():
        return _no_review
    located = locate_sections(ctx)
    starts = [(h.block, h.start) for name, h in located.items() if roles.get(name) == "achievements"]
    if not starts and not _reports_work_done(ctx):
        return _no_review
    # (a summary whose review has no heading of its own, ……工作总结 / 一、主要措施 / 1、加强领导……: from the title on)
    begin = min(starts) if starts else (-1, 0)
    ends = [(h.block, h.start) for name, h in located.items()
            if roles.get(name) in ("problems", "measures") and (h.block, h.start) > begin]
    end = min(ends) if ends else (len(ctx.doc.blocks), 0)
    def inside(block: int, start: int, title: str) -> bool:
        return begin < (block, start) < end and not _names_a_plan(title, params)

    return inside


def _no_review(block: int, start: int, title: str) -> bool:
    return False


# the line that opens a list of what a document to hand in must hold (汇报PPT需要包括以下内容：, 报告应包含下列部分：)
_CONTENTS_LEAD = re.compile(r"(?:包括|包含|涵盖|应有|列明)[^。；;\n]{0,12}(?:内容|部分|要素|事项|方面)\s*[:：]\s*$")


def _part_of_a_content_list(ctx: Context, i: int) -> bool:
    """Whether item ``i`` is one of the parts a document to hand in must hold (汇报PPT需要包括以下内容：/ 1、项目方案 /
    5、下一步工作计划): a list under a line that says so. Its 下一步工作计划 names a part of that document, not the
    plans of this one."""
    return _CONTENTS_LEAD.search(list_lead(ctx.doc.blocks, ctx.outline, i)) is not None


# the heading of the results a report tells (二、工作成效, （三）取得的成绩, 主要成果): not the effects a plan expects
# (预期成效, 预期效果)
_RESULTS = re.compile(r"\s*(?:工作|主要|取得的?|阶段性|整治|整改)?(?:成效|成果|成绩)")


def _results_follow(items: Sequence[Any], i: int) -> bool:
    """Whether a later item of the same list heads the results of the work (一、推进措施 … 二、工作成效): the order of a
    report of work done (措施—成效—问题), whose measures part tells what was taken, not tasks to quantify (unless its
    heading names plans: ``_names_a_plan``)."""
    parent, depth = items[i].parent, items[i].depth
    return any(it.parent == parent and it.depth == depth and _RESULTS.match(it.marker.title)
               for it in items[i + 1:i + 12])


def _names_a_plan(title: str, params: Mapping[str, Any]) -> bool:
    """Whether a heading names plans in its first words (``plan_words``: 下一步, 打算, 2025年 …)."""
    plan = pattern_set(tuple(params.get("plan_words", ())))
    return plan is not None and plan.search(title[:20]) is not None


def _under_review(items: Sequence[Any], i: int) -> bool:
    """Whether an item above item ``i`` heads a review of the work done (``_REVIEW``), or the content of an assessment
    (``_ASSESSED``: 二、考核内容 / （二）重点工作。主要考核……: what is scored, not tasks)."""
    j, seen = items[i].parent, 0
    while j >= 0 and seen < 8:
        title = items[j].marker.title[:16]
        if _REVIEW.search(title) or _ASSESSED.search(title):
            return True
        j, seen = items[j].parent, seen + 1
    return False


# the heading of what an assessment, an inspection or a rating covers and how it scores (考核内容, 检查范围, 评分标准,
# 计分办法): the parts of a 考核办法 or a 检查方案 listed under it are what is scored, each a kind of work, not a task
_ASSESSED = re.compile(r"(?:考核|考评|检查|督查|评价|评比|评分|计分|测评)(?:的)?"
                       r"(?:内容|范围|项目|指标|标准|细则|对象|方式|方法|办法|程序)")


_REVIEWED = re.compile(r"\s*(?:的|和|及|与|以及)?(?:主要|取得的?)?"
                       r"(?:成效|成果|成绩|亮点|回顾|进展|(?:完成|开展|落实|推进|执行|办理|采纳|答复)?情况)")


# measures said to be carried out, a clause of its own (防汛准备充分，措施落实。): how the work went, in a report
_CARRIED_OUT = re.compile(r"\s*(?:已|均已|全面|全部)?(?:落实|落地)(?:[。，,；;！!]|\s*$)")


def _names_measures(title: str, within: int, words: Any, unless: Any = None) -> bool:
    """A heading that names a measures part in its first words, not a problem about
    measures (整改措施落实不够到位), nor the sanctions for breaking rules (``unless`` before
    the words: 违反规范的处理措施)."""
    m = words.search(title, 0, within)
    # 措施 qualifying a noun (车位管控措施的充电设施数量) or said to be absent (无管控措施) names no measures part, nor
    # do the results of the work it names (重点工作成效, 主要任务完成情况, 整改措施落实情况, 主要措施和成效: a review of
    # work done), nor a clause saying they were carried out (……准备充分，措施落实)
    return m is not None and not judged_after(title, m.end(), pending=not m.group().startswith("下")) \
        and not _REVIEWED.match(title, m.end()) and not _CARRIED_OUT.match(title, m.end()) \
        and title[m.end():m.end() + 1] != "的" and title[m.start() - 1:m.start()] not in ("无", "没") \
        and not (unless is not None and unless.search(title, 0, m.start()))


def _item_places(ctx: Context) -> list[tuple[Pos, int]]:
    """The items' places in document order with their indices, remembered for the document."""
    return ctx.memo("item-places", lambda: sorted(  # type: ignore[no-any-return]
        ((it.marker.block, it.marker.start), j) for j, it in enumerate(ctx.outline.items)))


def _cuts(ctx: Context, sec: MeasureSection) -> list[tuple[Pos, int]]:
    """Where measures start inside a section: numbered items below its heading, and
    inline 一是…二是… or 建议一： runs. Each with its depth (tokens sit below items)."""
    body = sec.body if sec.body >= 0 else sec.head_end
    lo, hi = (sec.block, body), (sec.end_block, sec.end)
    cuts: list[tuple[Pos, int]] = []
    items = ctx.outline.items
    # the items' places in document order with their indices: the items inside the section are found by
    # bisection, then taken in the outline's order
    places = _item_places(ctx)
    inside = sorted(j for _, j in places[bisect_left(places, (lo, -1)):bisect_left(places, (hi, -1))])
    for j in inside:
        it = items[j]
        mk = it.marker
        if mk.stray or mk.family == "heading" or mk.intro:
            continue
        if lo <= (mk.block, mk.start) < hi:
            if not cuts and mk.value == 2:
                first = _first_label(ctx, mk, lo)
                if first is not None:
                    cuts.append((first, it.depth))
            cuts.append(((mk.block, mk.start), it.depth))
    for rx in (_SEQ_TOKEN, _NAMED_TOKEN):
        for b in _blocks_possible(ctx, rx, lo, hi):
            text = ctx.doc.blocks[b].text
            s = body if b == sec.block else 0
            e = sec.end if b == sec.end_block else len(text)
            expected = 1
            run: list[int] = []
            for m in rx.pattern.finditer(text, s, e):
                value = cn_value(m.group(1))
                if value == expected:
                    run.append(m.start())
                    expected += 1
                elif value == 1:  # a new run (（一）一是…二是…（二）一是…): keep the one before
                    if len(run) >= 2:
                        cuts.extend(((b, p), 99) for p in run)
                    run, expected = [m.start()], 2
            if len(run) >= 2:
                cuts.extend(((b, p), 99) for p in run)
    cuts.sort()
    return cuts


def _blocks_possible(ctx: Context, rx: Guarded, lo: Pos, hi: Pos) -> Iterator[int]:
    """The blocks from ``lo`` to ``hi`` that hold a character every match of ``rx`` needs inside
    that range (``Guarded.first_possible``), in order: one scan of the joined text."""
    body = ctx.body
    pos, last = body.starts[lo[0]] + lo[1], body.starts[hi[0]] + hi[1]
    while (at := rx.first_possible(body.text, pos, last)) >= 0:
        b = body.block_at(at)
        yield b
        if b + 1 >= len(body.starts):
            return
        pos = body.starts[b + 1]


def _token_value(text: str) -> int:
    """The value of the inline token ``text`` starts with (二是 → 2, 建议三： → 3), else 0."""
    m = _SEQ_TOKEN.match(text) or _NAMED_TOKEN.match(text)
    return cn_value(m.group(1)) or 0 if m else 0


def _first_label(ctx: Context, second: Marker, lo: Pos) -> Pos | None:
    """Item 1 the outline missed because it stood glued to the heading (（五）工作要求1.提高…
    2.加强…): the label of value 1 in the same style between the part's start and item 2."""
    if lo[0] != second.block:
        return None
    text = ctx.doc.blocks[second.block].text
    at = text.rfind(second.label_for(1), lo[1], second.start)
    return (second.block, at) if at >= 0 else None


def _span_text(ctx: Context, a: Pos, b: Pos) -> str:
    blocks = ctx.doc.blocks
    if a[0] == b[0]:
        return blocks[a[0]].text[a[1]:b[1]]
    parts = [blocks[a[0]].text[a[1]:]] + [blocks[i].text for i in range(a[0] + 1, b[0])] + [blocks[b[0]].text[:b[1]]]
    return "\n".join(parts)


# what may stand before an item's number on its line and is no text of the item before: blanks and Markdown's marks of
# a heading, emphasis or quotation (#### （三）, **2.**, > 3.)
_MARKUP_BEFORE = " \t\n\r\u3000\u2003\u00a0#*>"


def _trim(ctx: Context, a: Pos, b: Pos) -> Pos:
    """Pull an end back over empty blocks, the Markdown marks before the next item's number, and trailing spaces."""
    blocks = ctx.doc.blocks
    block, end = b
    while block > a[0] and not blocks[block].text[:end].strip(_MARKUP_BEFORE):
        block -= 1
        end = len(blocks[block].text)
    text = blocks[block].text[:end]
    return block, len(text.rstrip())


def find_measures(ctx: Context, params: Mapping[str, Any]) -> tuple[list[Measure], list[MeasureSection]]:
    """The measures of a document: the items (numbered, or 一是…二是…) of its measures
    parts, each up to the next item; a part without items is one measure per paragraph.
    An item with sub-items whose own text is a short heading is no measure itself."""
    key = "measures:" + "|".join(params.get("sections", ())) + str(params.get("scope", ""))
    return ctx.memo(key, lambda: _find_measures(ctx, params))  # type: ignore[no-any-return]


def _find_measures(ctx: Context, params: Mapping[str, Any]) -> tuple[list[Measure], list[MeasureSection]]:
    sections = measure_sections(ctx, params)
    heading_chars = params.get("heading_chars", 30)
    framing = pattern_set(tuple(params.get("framing", ())))
    roster = pattern_set(tuple(params.get("roster_lines", ())))
    done = pattern_set(tuple(params.get("done_leads", ())))
    measures: list[Measure] = []
    # what parts outside the measures parts give every task: a schedule's dates, a division of duties' owners
    apart = (_DEADLINE if sections and _scheduled_apart(ctx, sections, params) else frozenset()) \
        | (_OWNED if sections and _owners_apart(ctx, sections, params) else frozenset())
    for sec in sections:
        if _outline_only(ctx, sec):
            continue  # 七、保障措施 / 7.1组织保障体系构建 / 7.2……: a part of a table of contents, headings with no text
        end = (sec.end_block, sec.end)
        cuts = _cuts(ctx, sec)
        # the schedule dates and the duties part assigns the tasks, not the requirements and safeguards that go with
        # them (四、工作要求)
        given = _given(ctx, sec, params) | (apart if not _requirements_part(ctx, sec, params) else frozenset())
        if not cuts:
            found: list[Measure] = []
            signed: list[bool] = []  # whether each paragraph, as written, could be a line of the signature
            concluding = False  # under a lead to conclusions (我们得出以下结论：), up to the next lead
            staged = frozenset()  # the deadline the last stage's line sets for the paragraphs under it
            for b in range(sec.block, sec.end_block + 1):
                if ctx.doc.blocks[b].kind not in ("paragraph", "heading"):
                    continue  # a table cell holds no measure sentence
                a = (b, sec.head_end if b == sec.block else 0)
                z = _trim(ctx, a, (b, sec.end if b == sec.end_block else len(ctx.doc.blocks[b].text)))
                text = _span_text(ctx, a, z)
                if len(_HAN_CHARS.findall(text)) < 2:
                    continue  # no sentence of Chinese: a line of markup (##, ---), a figure or a stray mark
                if text.rstrip().endswith(("：", ":")):
                    concluding = _CONCLUSIONS_LEAD.search(text) is not None
                elif concluding:
                    continue  # a conclusion of a survey's 结论与建议 (近视已成为普遍问题), no task
                if roster is not None and roster.pattern.match(text):
                    continue  # 组长：……, 成员：……: who sits in the body set up, no task
                if text.strip(" \u3000。：:；;") and b not in ctx.residue and not _leads_in(text):
                    lead = len(text) - len(text.lstrip(" \u3000。：:；;"))
                    found.append(Measure(b, a[1] + lead, z[0], z[1], text.strip(" \u3000。：:；;"),
                                         given=given | staged))
                    if _STAGE_LINE.match(text):  # 第二阶段：组织实施（4月至10月） / ……: its period dates the
                        # paragraphs under it, up to the next stage, as an item's title dates its sub-items
                        staged = _DEADLINE if dimensions_of(ctx, params).dated(text) else frozenset()
                    signed.append(bool(_SIGNATURE_LINE.match(text)))
            while len(found) > 1 and signed.pop():
                found.pop()  # the issuing body (or a date) under the last paragraph: the signature, no measure
            measures.extend(found)
            continue
        below = None  # the depth of an item that describes the work (核查内容。): its sub-items describe it too
        lead = _span_text(ctx, (sec.block, sec.head_end), cuts[0][0])
        if done is not None and done.search(lead):
            continue  # 针对以上情况，我们做了大量的工作。1、…… : the items tell what was done, not tasks to set
        if _CHECKS_LEAD.search(lead):
            below = cuts[0][1] - 1  # the part's items are the matters its lead says are inspected
        listed: list[Measure] = []
        series_block, series = -1, given  # the paragraph of the last 一是, and what the words before it set
        for k, (pos, depth) in enumerate(cuts):
            nxt = cuts[k + 1] if k + 1 < len(cuts) else None
            if below is not None and depth > below:
                continue
            below = None
            stop = _trim(ctx, pos, nxt[0] if nxt else end)
            if depth == 99 and stop[0] > pos[0]:  # 一是…二是…三是… in one paragraph: the last ends with it
                stop = _trim(ctx, pos, (pos[0], len(ctx.doc.blocks[pos[0]].text)))
            text = _span_text(ctx, pos, stop)
            unlabelled = strip_label(text.strip())
            body = unlabelled.strip()
            if nxt and nxt[1] > depth and _LISTS_NO_TASKS.search(body):
                below = depth  # its sub-items are cases, papers or steps; the item itself is judged as any other
            if _DESCRIBES.match(body) or _DELIVERABLE.match(body) or (len(body) <= heading_chars
                                                                      and _TEACHES.search(body)) or (
                    framing is not None and framing.pattern.match(body, 0, 12)):  # （一）总体目标 of a plan's part
                # sets its direction and targets, as ``framing`` does for a whole plan: no task, nor its sub-items
                below = depth
                continue
            if nxt and nxt[1] > depth and (len(body) <= heading_chars or body.endswith(("：", ":")) or (
                    nxt[0][0] > stop[0] and len(body) <= 2 * heading_chars + 20 and "。" not in body.rstrip("。；;"))):
                continue  # a heading over sub-items: short, or one sentence on its own line (（一）强化……体系。)
            if nxt and nxt[1] > depth and _headed_lead(body, heading_chars):
                continue  # a part's heading and the lead paragraph summing it up: its sub-items are the measures
            if nxt and nxt[1] > depth and (nxt[0][0] == stop[0]) == (nxt[1] == 99) \
                    and len(body) <= 3 * heading_chars and body.rstrip("。；;").count("。") <= 1:
                # the same run on into its 一是…二是… (5.问题导向，优化营商环境。以……为导向，打造……。一是……), or
                # alone in its paragraph over numbered sub-items (2.推进……建设。以……，强化……。 / (1)……): a heading
                # sentence and the one sentence that sums up the sub-items, which are the measures
                continue
            if body and not _leads_in(body) and not (roster is not None and roster.pattern.match(body)):
                token = _token_value(text) if depth == 99 else 0
                if token == 1:  # 一是 opens a series: what the words before it in its item or paragraph set
                    after = cuts[k - 1][0] if k else (sec.block, sec.head_end)  # the item or the part's heading
                    series_block = pos[0]
                    series = _given_by_lead(ctx, pos, after[1] if after[0] == pos[0] else 0, params) | given
                listed.append(Measure(pos[0], pos[1], stop[0], stop[1], text, token, unlabelled,
                                      given=series if token and series_block == pos[0] else given))
        if len(listed) < 2 or not all(_MATTER_END.search(m.text) for m in listed):
            measures.extend(listed)  # (items that each name a matter to look into (……闲置情况；其他需要清查的事项。)
            # list what an inspection covers, not what to do)
    if measures:
        # an item over the measure that sets a date (（一）第一阶段（9月1日—10月30日）, （二）6月5日前，做好……): the
        # stage's or the step's date is the deadline of each task under it, for M103's count as for M101
        # (``_deadline_above``); asked only for a measure that states nothing but who acts, the others' count is known
        dims = dimensions_of(ctx, params)
        items = ctx.outline.items
        dated: dict[int, bool] = {}  # each item above asked about: whether its title sets a date
        for m in measures:
            if m.given or dims.quantified(m.text) - _OWNED:
                continue
            for j in _items_above(ctx, m):
                known = dated.get(j)
                if known is None:
                    mk = items[j].marker
                    known = dated[j] = not mk.stray and dims.dated(mk.title)
                if known:
                    m.given = _DEADLINE
                    break
    return measures, sections


def _heading_cut(ctx: Context, m: Measure) -> bool:
    """Whether the text ends inside measure ``m``, in its first words: the last paragraph that is no residue is the
    measure's own, holds no sentence end and ends without one (a heading-like item that ``open_tail``, which asks for a
    sentence, leaves alone): what the item sets, if anything, went with the part the copy lost."""
    last = next((b for b in reversed(ctx.doc.blocks) if b.text.strip() and b.index not in ctx.residue), None)
    if last is None or last.index != m.end_block:
        return False
    # (or in the first words of its first sub-item, under its heading: 3、食品卫生： / ⑴食, no sentence in either)
    texts = [b.text.strip() for b in ctx.doc.blocks[m.block:m.end_block + 1] if b.text.strip()]
    return not any(_SENTENCE_STOPS.search(t) for t in texts) and texts[-1][-1] not in "：:）)”》"


# the line of a stage or a step of a plan's schedule, unnumbered (第一阶段：宣传发动（3月份）, 第二步：……)
_STAGE_LINE = re.compile(r"\s*第[一二三四五六七八九十\d]{1,3}(?:阶段|步)")
# a lead to a survey's conclusions (我们可以得出以下结论：, 调查结论如下：): the lines under it state findings
_CONCLUSIONS_LEAD = re.compile(r"(?:得出|得到|形成|归纳出?)[^，。,：:]{0,6}结论|结论(?:如下|是)")
_SENTENCE_STOPS = re.compile(r"[。；;！？!?]")
_OUTLINE_PARTS = 3  # top-level parts of headings alone before a document counts as a table of contents or an outline


def _outline_only(ctx: Context, sec: MeasureSection) -> bool:
    """Whether ``sec`` is one of the document's top-level parts (一、 …) that hold headings alone, no sentence, and
    there are ``_OUTLINE_PARTS`` or more such parts: a table of contents without page numbers, or an outline, whose
    sub-headings (7.1组织保障体系构建) name the parts to come, no measures."""
    def parts() -> list[tuple[int, int]]:
        items, blocks = ctx.outline.items, ctx.doc.blocks
        tops = sorted({it.marker.block for it in items
                       if it.parent < 0 and not it.marker.stray and it.marker.family != "heading"})
        spans = [(a, b) for a, b in pairwise([*tops, len(blocks)]) if b - a >= 2]
        return [(a, b) for a, b in spans
                if not any(_SENTENCE_STOPS.search(blocks[i].text) for i in range(a, b) if i not in ctx.residue)]

    empty = ctx.memo("measures.outline-parts", parts)
    return len(empty) >= _OUTLINE_PARTS and any(a <= sec.block < b for a, b in empty)


def _given_by_lead(ctx: Context, pos: Pos, start: int, params: Mapping[str, Any]) -> frozenset[str]:
    """The deadline the words from ``start`` to a 一是 at ``pos`` (in one paragraph: its item's heading and lead, or
    the paragraph's opening) set for the whole series 一是…二是… (到2025年，一是……二是……)."""
    return _DEADLINE if dimensions_of(ctx, params).dated(ctx.doc.blocks[pos[0]].text[start:pos[1]]) else frozenset()


_MATTER_END = re.compile(r"(?:情况|事项)[\s。；;，,]*$")


def _given(ctx: Context, sec: MeasureSection, params: Mapping[str, Any]) -> frozenset[str]:
    """The deadline a part's heading sets for all its measures: a stage and its period (（二）重点实施阶段（2022年3月至
    8月）, 近期任务（2025年底前））; and the owner, when it names the body its suggestions are for
    (``addressee_headings``: 三、对市自然资源局下一步工作的建议). Not an amount: one in a heading (三大任务) counts what
    is below it."""
    head = ctx.doc.blocks[sec.block].text[sec.start:sec.head_end]
    addressed = pattern_set(tuple(params.get("addressee_headings", ())))
    owner = _OWNER_GIVEN if addressed is not None and addressed.search(head) is not None else frozenset()
    hint = _deadline_hint(tuple(params.get("deadline", ())))
    # … or the one paragraph between a heading alone on its line and the part's first item, when it sets the period of
    # the whole part (三、工作步骤 / 活动从1月1日开始，至12月底结束。 / 1、……): a schedule for every item under it
    lead = ""
    if not ctx.doc.blocks[sec.block].text[sec.head_end:].strip() and sec.block + 1 < len(ctx.doc.blocks) \
            and sec.block + 1 not in ctx.residue:
        lead = ctx.doc.blocks[sec.block + 1].text
        if _LABELLED.match(lead) or not _PERIOD.search(lead):
            lead = ""
    if not (head + lead).strip() or (hint is not None and not hint.search(head + lead)):
        return owner  # most headings (二、下一步工作打算) hold no character a deadline pattern needs
    # the patterns alone (``dated``): a heading's period is written out in figures, which no segmenter needs to find
    dims = dimensions_of(ctx, params)
    return owner | _DEADLINE if dims.dated(head) or (lead and dims.dated(lead)) else owner


# a span of time from a start to an end (从1月1日开始……至12月底, 自即日起至……止, 3月—6月): a period set for a part
_PERIOD = re.compile(r"(?:从|自)[^。；;]{1,20}(?:起|开始)[^。；;]{0,30}(?:至|到)"
                     r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月\s*[—至到-]")


_OWNER_GIVEN = frozenset({"owner"})


_DEADLINE = frozenset({"deadline"})


@lru_cache(maxsize=8)
def _deadline_hint(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """The characters of which every match of a ``deadline`` pattern holds one (``needed_chars``), as one class; None
    when a pattern needs none that can be named (then every heading is asked)."""
    chars: set[str] = set()
    for p in patterns:
        need = needed_chars(p, re.MULTILINE)
        if need is None:
            return None
        chars |= need
    return re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]") if chars else None


# an item that says what the work is, not a task of it: its basis, contents, scope, objects, standard or procedure
# (1．核查依据。《……条例》; 2．检查内容。（1）……落实情况；一、排查整治内容 over what an inspection
# covers), as the items of a notice's 工作安排 part often do
_DESCRIBES = re.compile(r"(?:核查|检查|督查|督导|巡查|抽查|排查|清查|自查|考核|考评|评估|评审|评选|评议|测评|审查"
                        r"|审核|验收|监测|调查|申报|报名|推荐|认定|奖励|补助|补贴|资助|适用|参加|参评)(?:整治|整改)?"
                        r"(?:工作)?"
                        r"(?:依据|内容|范围|对象|标准|条件|程序|流程|方式|步骤)\s*(?:[。：:；;\n]|$)")  # or alone


# … or one that names a thing to hand in and says what it must hold (1.教学案例文稿：……应说明来源;
# 3.案例视频（如提交）：格式为MP4): the specification of an entry or an application, as a contest's or a call's
# notice sets it out
_DELIVERABLE = re.compile(r"[\u4e00-\u9fff]{0,10}(?:文稿|课件|视频|作品|论文|照片|图片|申报表|报名表|申报材料|参赛材料)"
                          r"(?:[（(][^）)\n]{0,12}[）)])?\s*[:：]")


# … or one whose last words announce a list of cases, conditions, papers or the steps of a procedure (属于以下情况之一
# 的，需……：, 提供如下证明材料（原件和复印件）：, 录取过程如下：): its sub-items say who qualifies, what to bring or
# how the procedure runs, not tasks to quantify
# … or what an inspection covers (重点排查以下几方面：, 检查内容如下：): the sub-items are the matters looked into
_CHECKS = r"(?:排查|检查|督查|巡查|核查|自查|清查|抽查)[^。；;：:，,\n]{0,10}(?:以下|如下|下列)"
_LIST_END = r"[^。；;：:\n]{0,14}[：:]"  # the words up to the colon that opens the list
_LISTS_NO_TASKS = re.compile(
    r"(?:(?:以下|如下|下列)[^。；;：:\n]{0,6}(?:情况|情形|条件|材料|资料|证件|过程|流程|程序)(?:之一)?"
    rf"|(?:情况|情形|条件|材料|资料|证件|过程|流程|程序)(?:之一)?(?:如下|为)|{_CHECKS})"
    # then the item's end, or its first sub-item run on in its paragraph
    rf"{_LIST_END}(?=\s*$|\s*(?:[（(][1一][）)]|1[．.、](?!\d)|①))")
# … the same words leading a part's items in its own paragraph, before the first of them (二、主要任务 / ……重点排查以下
# 几方面： / （一）……)
_CHECKS_LEAD = re.compile(rf"{_CHECKS}{_LIST_END}\s*$")


# … or a heading over what is to be learnt or taught (（二）注重明确课程思政的教育重点, 学习内容：): its items are the
# subjects of a study plan or a course (1.加强理想信念教育……), not tasks to quantify
_TEACHES = re.compile(r"(?:学习|教育|宣讲|培训|教学|宣传)的?(?:重点|内容|要点|主题)\s*(?:[。：:；;]\s*)?$")


_HEAD_BREAK = re.compile(r"\n|[\u3000 ]{2,}")  # where a heading ends: its line, or the indent a paste kept of it
_HEAD_SENTENCE = re.compile(r"[。；;！？]")  # a heading holds no sentence's end


def _headed_lead(body: str, heading_chars: int) -> bool:
    """Whether an item's text is a heading on a line of its own (or set off by an indent where a paste ran the lines
    together) and then a paragraph (二、加大惩治力度 / 坚决纠正执法不到位问题。……): the part's lead, which sums up the
    sub-items below it."""
    m = _HEAD_BREAK.search(body)
    if m is None:
        return False
    head = body[:m.start()].strip()
    return 0 < len(head) <= 2 * heading_chars and not _HEAD_SENTENCE.search(head) and bool(body[m.end():].strip())


def _leads_in(text: str) -> bool:
    """A sentence that announces what follows (现将……汇报如下：, 具体要求如下：): the 公文 lead-in to the parts
    or items after it, which says no task of its own; or an item that is nothing but a label ending in a colon, with
    nothing after it (a form's field: 后续整改计划（可另附页）：)."""
    return text.rstrip(" \u3000\n").endswith(("：", ":"))


def measure_dimensions(ctx: Context, m: Measure, params: Mapping[str, Any]) -> frozenset[str]:
    """``quantified`` for one measure (M101, M102 and M103 all ask; the answer is remembered), with what its part's
    heading states for it."""
    return quantified(ctx, m.text, params) | m.given


def _stated(quantified: Callable[[str], frozenset[str]], m: Measure) -> frozenset[str]:
    """The dimensions measure ``m`` states, by ``quantified`` (``Dimensions.quantified``), or its part's heading
    for it (``Measure.given``)."""
    return quantified(m.text) | m.given if m.given else quantified(m.text)


def _checkable(ctx: Context, m: Measure, params: Mapping[str, Any]) -> bool:
    """Whether ``m`` says how much, by when or to what target (an owner alone says only who)."""
    return bool(measure_dimensions(ctx, m, params) - {"owner"})


def _low_verdict(ctx: Context, measures: list[Measure], params: Mapping[str, Any],
                 low: Mapping[str, Any]) -> str:
    """M103's verdict on ``measures``: ``default`` when the share of quantified measures is below
    ``threshold``; ``owners`` when some name an office but none says how much, by when or to what
    target (建议一：由工会发至各部门答复。建议二：…纳入计划): who acts is known, not what is checked;
    "" otherwise."""
    if len(measures) < low.get("min_measures", 2):
        return ""
    quantified = dimensions_of(ctx, params).quantified
    count = sum(1 for m in measures if _stated(quantified, m))
    if count / len(measures) < low.get("threshold", 0.3):
        return "default"
    if any(_stated(quantified, m) - {"owner"} for m in measures):
        return ""
    if all("owner" in m.given for m in measures):
        return ""  # suggestions to the body the heading names (对……局的建议): advice to it, its owner that body
    # who acts is named and nothing more: a fault in measures, not in the duties a 工作要求 or 保障措施 part assigns,
    # nor in a notice's part of arrangements (``requirements_bind_all``, a profile's: a holiday notice's 工作安排 lays
    # its duties on those it names, 值班人员要保持通信畅通; a plan's 工作安排 sets its tasks out)
    return "" if all(_in_requirements_part(ctx, (m.block, m.start), params)
                     or (params.get("requirements_bind_all") is True and "安排" in _part_heading(ctx, m, params))
                     for m in measures) else "owners"


def _part_heading(ctx: Context, m: Measure, params: Mapping[str, Any]) -> str:
    """The heading of the measures part that holds ``m`` ("" when none does)."""
    sec = _part_at(ctx, (m.block, m.start), params)
    return "" if sec is None else ctx.doc.blocks[sec.block].text[sec.start:sec.head_end]


def _part_at(ctx: Context, at: Pos, params: Mapping[str, Any]) -> MeasureSection | None:
    """The measures part (``measure_sections``) that holds place ``at``, if any."""
    return next((x for x in measure_sections(ctx, params) if (x.block, x.start) <= at < (x.end_block, x.end)), None)


def _announced_requirements(ctx: Context, at: Pos, params: Mapping[str, Any]) -> bool:
    """Whether ``at`` lies in a part opened by a lead-in whose sentence names requirements (``repeat_sections``:
    现将……具体工作要求通知如下：), a part with no heading of its own."""
    sec = _part_at(ctx, at, params)
    if sec is None or sec.head_end != sec.start:
        return False
    heads = pattern_set(tuple(params.get("repeat_sections", ())))
    text = ctx.doc.blocks[sec.block].text
    return heads is not None and heads.search(text, max(text.rfind("。", 0, sec.start), 0), sec.start) is not None


def _in_requirements_part(ctx: Context, at: Pos, params: Mapping[str, Any]) -> bool:
    """Whether ``at`` lies in a measures part whose heading names a requirements part (``repeat_sections``), or
    under a numbered heading that names one inside a larger measures part (五、工作要求 in a 工作要点, whose every
    part holds tasks)."""
    sec = _part_at(ctx, at, params)
    if sec is None:
        return False
    return _requirements_part(ctx, sec, params) or _under_requirements_heading(ctx, at, params)


def _under_requirements_heading(ctx: Context, at: Pos, params: Mapping[str, Any]) -> bool:
    """Whether an item whose part holds ``at`` has a title naming a requirements part (``repeat_sections``): the
    last item that begins at or before ``at`` (an item titled 落实责任，做好保障。 is one itself) and the items above
    it, as ``_under_review`` walks them."""
    heads = pattern_set(tuple(params.get("repeat_sections", ())))
    if heads is None:
        return False
    places = _item_places(ctx)
    items = ctx.outline.items
    before = bisect_left(places, (at, len(items)))
    j = places[before - 1][1] if before else -1
    while j >= 0:
        mk = items[j].marker
        if not mk.stray and mk.family != "heading" and (mk.block, mk.start) <= at < _item_end(ctx, j) \
                and heads.search(mk.title[:16]) is not None:
            return True
        j = items[j].parent
    return False


def not_a_plan(ctx: Context, params: Mapping[str, Any]) -> bool:
    """Whether the document's title names a law or a judicial interpretation (``not_titles``): its articles lay down
    duties, rights and sanctions in the law's fixed words; none is a task of a work plan to give a figure, a date or an
    owner, so the measures rules read none of it. Nor is a news report (one of its first paragraphs opens with a
    ``news_leads`` dateline: 本报讯, 新华社……电): the tasks it quotes are a meeting's words about others. Nor are the
    minutes of a meeting (a ``record_heads`` field such as 记录人： among its first paragraphs, or a title naming the
    record): speakers' proposals and the meeting's course, as they were said. Nor a set of rules laid out in articles
    (three or more 第N条 opening lines or sentences)."""
    if ctx.title_matches((*params.get("not_titles", ()), *params.get("record_titles", ()))):
        return True
    # the first twelve paragraphs of text among the first 40 blocks (what the two tests below read)
    first = list(islice((b for b in ctx.doc.blocks[:40]
                         if b.text.strip() and b.index not in ctx.residue and b.kind != "cell"), 12))
    leads = pattern_set(tuple(params.get("news_leads", ())))
    if leads is not None and any(leads.pattern.match(b.text) for b in first[:4]):
        return True
    fields = pattern_set(tuple(params.get("record_heads", ())))
    if fields is not None and any(fields.pattern.match(b.text) for b in first[:12]):
        return True
    # nor a set of rules laid out in articles (第一条 ……, 第二条 ……: a 办法, 规定 or 章程, whatever its title calls it):
    # the duties and tasks an article lists are standing rules, with no date to be done by
    return len(articles(ctx)) >= _ARTICLES_MIN


_ARTICLES_MIN = 3  # articles (``articles``: 第N条 opening a paragraph or a sentence) that make a set of rules


def _measure_params(ctx: Context) -> Mapping[str, Any]:
    """M101's patterns as this run merged them (profile and configuration options), which
    M102 and M103 use to tell quantified text; the rulebook's when M101 is not running."""
    if "params_of" in ctx.cache:
        return _merged(ctx, "M101")
    rule = ctx.rulebook.rules.get("M101")
    return rule.params if rule else {}


def _merged(ctx: Context, code: str) -> Mapping[str, Any]:
    """The parameters of ``code`` as this run merged them (``ctx.cache["params_of"]``), made once for the document:
    each call of ``params_of`` makes a new mapping, and the memos keyed by one (``dimensions_of``, ``_counted``,
    ``_vague_spans``) then compared them key by key, or built their signature again."""
    return ctx.memo(f"merged-params:{code}", lambda: ctx.cache["params_of"](code))  # type: ignore[no-any-return]


def _scoped_params(ctx: Context, scope: str | None) -> Mapping[str, Any]:
    """M101's parameters (``_measure_params``) with the ``scope`` M102 or M103 is given, when one is: else the same
    mapping, so that the memos keyed by it (``dimensions_of``, ``_counted``) find M101's answers at once."""
    base = _measure_params(ctx)
    return {**base, "scope": scope} if scope else base


def check_unquantified(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a bare measure: an item of a measures part (整改措施, 下一步打算, 对策建议,
    保障措施, 工作要求 …) that states none of: an amount (a number with a unit or
    classifier, a percentage), a deadline or cadence (6月底前, 年内, 每季度), a responsible
    party (由…牵头, 责任单位：, 办公室负责, 各部门要, or a body's name titling an item above it: （一）县教育局),
    a checkable target (不少于, 达到, 控制在).
    One dimension is enough. An item runs up to the next item, so a sentence after the
    first (……准备。办公室牵头) counts; an item whose own text is a short heading over
    sub-items is no measure (its sub-items are), and a heading over several paragraphs is a
    chapter, not one measure. When M103 runs and finds the document's share of quantified
    measures low, it speaks for the long items; M101 still names each bare line (up to
    ``max_chars``); ``list_from`` bare items in a row of one part (default 3) are one finding for the list, the other
    items its related places. Ordinals
    (十四届三次党代会, 第二批) and a year in a background sentence (2023年以来) do not count.
    ## Parameters
    ``amount``, ``deadline``, ``owner``, ``target``: patterns per dimension; ``exclude``:
    patterns blanked out first; ``sections``: words of a measures heading; ``lead_ins``:
    phrases that open a list of requirements; ``max_chars``: items up to this length are
    bare measures M103 leaves to M101; ``norms``, ``norm_patterns``: words and patterns of a prohibition
    or a confidentiality rule (不得, 严禁, 内外有别, 严格控制发放范围 …): an item whose first sentence
    holds one, or whose sentences mostly do, lays down a rule of conduct and is no measure;
    ``document_titles``: an item that is a document's title (关于……的报告) is no measure either, nor is one that
    ``terms`` find, the term of a call for applications it sets out (（二）申报主体。……, 核算周期。……), nor one that
    ``programme`` finds, what an event offers those who come (活动现场设置……, 现场将有……表演); ``not_titles``:
    titles of a law or a judicial interpretation, whose articles are no measures (M102 and M103 follow);
    ``year_plan_titles``: a report of the year's work whose part headed by the next year is its writer's own plan,
    not judged item by item; ``schedule_headings``: a part that schedules the work (实施步骤), whose dates are the
    tasks' deadline. A measures part ends at an attachment line, a closing formula or the signature and date of issue.
    ## Example
    三、整改措施 1.着力改进服务作风。进一步优化窗口办事流程。 → M101."""
    ctx.cache["M101 runs"] = True
    if _sends_a_kind_without(ctx, rule.code):
        return
    measures, sections = _outside_year_plans(ctx, *find_measures(ctx, rule.params), rule.params)
    limit = rule.params.get("max_chars", 80)
    weak: list[bool] = []  # M103's verdict, asked only when a long bare item needs it

    def m103_reports() -> bool:
        if not weak:
            weak.append(_m103_reports(ctx, measures, sections, rule.params))
        return weak[0]

    vague = _vague_spans(ctx, _merged(ctx, "M102")) if "M102" in ctx.cache.get("active", ()) \
        and "params_of" in ctx.cache else []
    bare: list[Measure] = []
    runs: list[int] = []  # how many bare items each finding covers
    first_of: list[int] = []  # the index in ``measures`` of each bare entry's first item
    previous = -2  # index of the last bare measure kept, to join only neighbours
    dims = dimensions_of(ctx, rule.params)
    conduct = _conduct_items(ctx, measures, sections, rule.params) \
        | _listed_problems(ctx, measures, sections, rule.params)
    no_task = _task_sets(rule.params, _low_params(ctx))
    # ``_restates`` finds nothing outside a requirements part: asked once per part, not for each bare item
    restating = any(_requirements_part(ctx, sec, rule.params) for sec in sections)
    tail = open_tail(ctx)
    owners_above: dict[int, bool] = {}  # ``_owner_above``'s answer for each item asked about
    for k, m in enumerate(measures):
        if _stated(dims.quantified, m) or _paragraphs(m.text) > 2:
            continue  # a heading over several paragraphs is a chapter, not one measure (M103 counts it)
        if tail is not None and (m.end_block, m.end) > tail:
            continue  # the text stops in mid-sentence inside this item: its figure or date may stand past the cut
        if k == len(measures) - 1 and _heading_cut(ctx, m):
            continue  # the text stops in this item's first words (3.加强……培训和队伍): its body is past the cut
        if len(m.body) > limit and m103_reports():
            continue  # M103 reports the weak part once; only its bare lines are named one by one
        if restating and _restates(ctx, m, measures, sections, rule.params):
            continue  # a requirement that repeats a task the document already quantified
        if id(m) in conduct or _no_task(ctx, m, no_task) or _done_in_a_report(ctx, m):
            continue  # a rule of conduct, a document's title or a principle, or work done: M103 does not count it
            # either
        if _binds_all_addressed(ctx, m, rule.params, dims):
            continue  # 各单位要高度重视… or 要统筹安排… in a 工作要求 part: a requirement binds every unit addressed
        above = _items_above(ctx, m)
        if _owner_above(ctx, above, dims, owners_above) or _owner_after(ctx, m, dims):
            continue  # （一）县教育局 / 1.由街道负责……，具体如下： / 一是……（牵头单位：……）: the owner is named once
        if _deadline_above(ctx, above, dims):
            continue  # （一）6月5日前，做好发动工作。 over its steps 1、2、3、: the date is set once for all of them
        if vague and any(b == m.block and m.start < e and s < (
                m.end if m.end_block == m.block else len(ctx.doc.blocks[b].text)) for b, s, e, *_ in vague):
            # M102 reports this passage as empty words: one passage, one finding, which carries this rule's level
            # (M102 runs after M101 and reads the items left to it: ``yielded_to_m102``)
            ctx.cache.setdefault(_YIELDED, (rule.severity, []))[1].append((m.block, m.start, m.end_block, m.end))
            continue
        if previous == k - 1 and bare[-1].inline and m.inline == bare[-1].inline + 1 \
                and bare[-1].end_block == m.block == m.end_block:
            last = bare[-1]  # 一是…二是…三是… bare in one paragraph: one finding for the run
            bare[-1] = Measure(last.block, last.start, m.end_block, m.end, last.text + m.text, m.inline)
            runs[-1] += 1
        else:
            bare.append(m)
            runs.append(1)
            first_of.append(k)
        previous = k
    template = rule.params.get("template")
    lists = _bare_lists(first_of, runs, sections, bare, rule.params.get("list_from", 3))
    for first, last in lists:  # a list of bare items in a row: one finding for the list, the items as related places
        items = bare[first:last + 1]
        owners = [dims.generic_owner(m.text) for m in items]
        head, tail_item = items[0], items[-1]
        yield rule.finding(ctx.doc, head.block, head.start, tail_item.end, end_block=tail_item.end_block, key="list",
                           count=sum(runs[first:last + 1]), missing=_MISSING_OFFICE if all(owners) else _MISSING_ALL,
                           suggestion=template,
                           related=[{"path": ctx.doc.path, "line": ctx.doc.line_of(m.block)} for m in items[1:]])
    listed = {i for first, last in lists for i in range(first, last + 1)}
    for i, (m, count) in enumerate(zip(bare, runs, strict=True)):
        if i in listed:
            continue
        # 由有关部门负责: an owner is written, but no office is named; the message says so
        owner = dims.generic_owner(m.text)
        if owner and count == 1:
            key, missing = "generic", _MISSING_BUT_OWNER
        else:
            key = "run" if count > 1 else "default"
            missing = _MISSING_OFFICE if owner else _MISSING_ALL
        yield rule.finding(ctx.doc, m.block, m.start, m.end, end_block=m.end_block, key=key, count=count,
                           owner=owner, missing=missing, suggestion=template)


def _bare_lists(first_of: list[int], runs: list[int], sections: list[MeasureSection], bare: list[Measure],
                least: int) -> list[tuple[int, int]]:
    """(first, last) entries of ``bare`` that make a list of bare items in a row: each entry the next measure after
    the one before (``first_of`` its first item, ``runs`` how many it covers), all in one measures part, ``least``
    items or more. A part whose every item says nothing checkable is one thing to tell its writer, not one finding per
    line (the restraint of issue #13: one passage, one finding)."""
    def part(m: Measure) -> int:
        return next((i for i, sec in enumerate(sections)
                     if (sec.block, sec.start) <= (m.block, m.start) < (sec.end_block, sec.end)), -1)

    out: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(bare) + 1):
        if i < len(bare) and first_of[i] == first_of[i - 1] + runs[i - 1] and part(bare[i]) == part(bare[start]):
            continue
        if sum(runs[start:i]) >= least and i - start > 1:
            out.append((start, i - 1))
        start = i
    return out


def _sends_a_kind_without(ctx: Context, code: str) -> bool:
    """Whether the document is a notice that sends a document of a kind whose profile turns ``code`` off (关于印发……的
    意见的通知, 转发《……实施意见》的通知): the text under the notice is that document, an 意见 whose tasks are
    directions, not a notice's own tasks. Not a notice asking for opinions (征求……意见的通知)."""
    title = ctx.outline.title.text.rstrip() if ctx.outline.title is not None else ""
    if not title.endswith("的通知") or any(w in title for w in _ASKING_FOR_OPINIONS):
        return False
    for profile in ctx.rulebook.profiles.values():
        if profile.rules.get(code, {}).get("enabled", True) is False and any(
                title.endswith((f"的{kw}的通知", f"{kw}》的通知")) or (
                    kw in title and ("印发" in title or "转发" in title) and title.endswith(f"{kw}的通知"))
                for kw in profile.match):
            return True
    return False


_ASKING_FOR_OPINIONS = ("征求", "征集", "听取")


def _items_above(ctx: Context, m: Measure) -> list[int]:
    """The items above ``m`` in the outline, nearest first: its parent and theirs; for a point inside an item (一是……)
    the item holding it and those above that one. None for a paragraph of a part without items."""
    items = ctx.outline.items
    places = _item_places(ctx)
    at = bisect_right(places, ((m.block, m.start), len(items))) - 1
    if at < 0:
        return []
    pos, j = places[at]
    if pos == (m.block, m.start):
        j = items[j].parent
    elif m.inline == 0:
        return []  # a paragraph of a part without items
    found = []
    while j >= 0:
        found.append(j)
        j = items[j].parent
    return found


def _owner_above(ctx: Context, above: list[int], dims: Dimensions, known: dict[int, bool]) -> bool:
    """Whether an item ``above`` a measure (``_items_above``) is titled with a named body and nothing else
    (（一）县教育局, （二）省公司重点工作, 2.县财政局：): a 分工方案 or a plan divided by who acts names the
    owner once, over the tasks listed under it (各乡镇人民政府 too). Not 各部门 or 有关单位 (no body named). Or
    the item above leads into its sub-items naming who does them (1.……由社区、物业公司负责日常管理，具体如下：).
    ``known``: the answer for each item asked before in the document (the bare items under one heading ask about
    it each)."""
    for j in above:
        found = known.get(j)
        if found is None:
            title = ctx.outline.items[j].marker.title.strip()
            found = known[j] = _OWNER_TITLE.fullmatch(title) is not None or _lead_names_owner(ctx, j, dims)
        if found:
            return True
    return False


def _deadline_above(ctx: Context, above: list[int], dims: Dimensions) -> bool:
    """Whether an item ``above`` a measure (``_items_above``) has a title that sets a date (（一）6月5日前，做好发动
    工作。, （二）6月5日至6月10日，开展公开承诺), or its heading's line after the title (``_heading_line``): a plan laid
    out by stages dates each stage once, over the steps under it."""
    items = ctx.outline.items
    return any(dims.dated(items[j].marker.title) or dims.dated(_heading_line(ctx, items[j].marker)) for j in above)


def _heading_line(ctx: Context, mk: Marker) -> str:
    """The words after an item's marker up to its first sentence end or the end of its line (60 characters at most):
    a title the outline cut at a space keeps what follows it there (（二）组织实施 （3月1日至9月30日）)."""
    text = ctx.doc.blocks[mk.block].text
    stop = min((k for k in (text.find("。", mk.end), text.find("\n", mk.end)) if k >= 0), default=len(text))
    return text[mk.end:min(stop, mk.end + 60)]


# the bracket that closes a paragraph: （牵头单位：区某局；配合单位：各街镇）
_CLOSING_BRACKET = re.compile(r"[（(]([^（）()]{2,300})[)）][\s。.；;]*$")


def _owner_after(ctx: Context, m: Measure, dims: Dimensions) -> bool:
    """Whether ``m``, an inline item (一是…) of a paragraph, shares the owner the paragraph names once for all its
    points: in the clause that leads into them (由区某局牵头组织，负责……，一是……) or in the bracket it ends with
    (一是……二是……三是……（牵头单位：区某局；配合单位：……）)."""
    if not m.inline or m.end_block != m.block:
        return False
    def names_a_body(words: str) -> bool:
        return "owner" in dims.of(words) and not dims.generic_owner(words)

    text = ctx.doc.blocks[m.block].text
    # the first point of m's run: the last 一是 up to m (统一是 is none; a paragraph may hold two runs)
    first = max((t.start() for t in _SEQ_TOKEN.pattern.finditer(text, 0, m.start + 2) if t.group(1) == "一"),
                default=-1)
    if 0 < first <= m.start:  # 由区某局牵头组织，负责……，一是……: the owner leads into the points
        lead = text[:first]
        if names_a_body(lead[max(lead.rfind("。"), lead.rfind("："), lead.rfind(":")) + 1:]):
            return True
    found = _CLOSING_BRACKET.search(text)
    if found is None or found.start() < m.start:
        return False
    return names_a_body(re.split(r"[；;]", found.group(1), maxsplit=1)[0])  # the lead office: 牵头单位：……;配合单位：…


def _lead_names_owner(ctx: Context, j: int, dims: Dimensions) -> bool:
    """Whether item ``j``'s own words, from its label to its first sub-item, end in a colon that opens the sub-items
    and name a body that does them (由街道城管队负责日常巡查，具体如下：); 由有关部门负责 names none."""
    items = ctx.outline.items
    mk = items[j].marker
    text = ctx.doc.blocks[mk.block].text
    end = len(text)
    if j + 1 < len(items) and items[j + 1].parent == j and items[j + 1].marker.block == mk.block:
        end = items[j + 1].marker.start
    lead = text[mk.end:end].rstrip()
    return lead.endswith(("：", ":")) and "owner" in dims.of(lead) and not dims.generic_owner(lead)


# a heading that is a body's name, with at most the words of its share of the work (重点工作, 职责, 任务) and a colon
_OWNER_TITLE = re.compile(
    r"(?!(?:各|有关|相关)(?:部门|单位|方面|级))[\u4e00-\u9fff（）()]{1,16}?"
    r"(?:局|委|办|厅|部|司|处|科|中心|公司|政府|办公室|小组|管委会|街道|乡镇人民政府|学校|医院|法院|检察院|党组|党委|团委|工会|妇联)"
    r"(?:重点工作|主要职责|职责|任务|工作任务)?\s*[：:]?")


def _missing(names: list[str]) -> str:
    """The dimensions a bare measure lacks, as its message lists them: 量化指标、完成时限和可检验的目标."""
    return "、".join(names[:-1]) + "和" + names[-1]


_MISSING_ALL = _missing(list(DIMENSION_NAMES.values()))
_MISSING_BUT_OWNER = _missing([n for k, n in DIMENSION_NAMES.items() if k != "owner"])
_MISSING_OFFICE = _missing(["具体的责任单位" if k == "owner" else n for k, n in DIMENSION_NAMES.items()])


_NOUN_TAGS = frozenset(("n", "vn", "nz", "ng"))
# a requirement whose subject is left out (要统筹安排……, 应当及时报送……): the units the document is addressed to
_ELIDED = re.compile(r"(?:要|应当|应|须|必须|务必)(?![急收付届聘征用求])|请(?![示假教求])")  # 请各督导组……: the same


def _paragraphs(text: str) -> int:
    """How many lines of ``text`` have visible characters."""
    if "\n" not in text:
        return 0 if not text or text.isspace() else 1
    return sum(1 for line in text.split("\n") if line.strip())


def _is_norm(m: Measure, norm: PatternSet | None) -> bool:
    """Whether the item lays down a rule of conduct (``norms``: 不得, 严禁, 内外有别 …; ``norm_patterns``:
    严格控制发放范围, 严守工作秘密): its first sentence holds one, or two or more of its sentences do and they
    make up at least half of them (an item of prohibitions under a title sentence: 做好会场纪律。会场内禁止吸烟。
    不得录音录像。), or after a title sentence most clauses of the rest do. One prohibition beside a task (加强监督，
    严禁违规举债) leaves the task to judge."""
    if norm is None or m.free_of is norm:
        return False
    if not norm.search(m.text):
        m.free_of = norm
        return False  # none anywhere in the item (most items)
    body = m.body
    spans = sentences(body) or [(0, len(body))]
    held = [norm.search(body, a, z) is not None for a, z in spans]
    if held[0] or (sum(held) >= 2 and 2 * sum(held) >= len(held)):
        return True
    # after a title sentence, most clauses of the rest forbid (严肃工作纪律。检查期间，工作人员不得推诿，不得接受宴请。)
    # — a rule's match may take two clauses (对履职不力的河长，严肃追责问责): each clause it overlaps is one of the rule
    if len(spans) < 2:
        return False
    rest = body[spans[0][1]:]
    clauses = [c.span() for c in _CLAUSE_RUN.finditer(rest) if c.group().strip()]
    rules = [m.span() for m in norm.finditer(rest)]
    forbid = sum(1 for a, z in clauses if any(s < z and a < e for s, e in rules))
    return 2 * forbid > len(clauses) > 0


def _conduct_items(ctx: Context, measures: list[Measure], sections: list[MeasureSection],
                   params: Mapping[str, Any]) -> frozenset[int]:
    """The measures (their ids) of the parts that are lists of rules of conduct: two or more of a part's items,
    and at least half of them, are prohibitions (``_is_norm``: 会场纪律, 保密要求, 廉洁规定). Their other items
    are rules too (参会人员应讲究礼仪, 工作人员应佩带工作证), not tasks to quantify. Remembered per document and
    set of norms (M101's parameters and M103's copy of them share the answer)."""
    memo: dict[tuple[int, int, PatternSet | None], tuple[list[Measure], list[MeasureSection], frozenset[int]]] = \
        ctx.memo("conduct-items", dict)
    norm = _norm_set(tuple(params.get("norms", ())), tuple(params.get("norm_patterns", ())))
    key = (id(measures), id(sections), norm)
    entry = memo.get(key)
    if entry is None or entry[0] is not measures or entry[1] is not sections:
        found: set[int] = set()
        for sec in sections:
            lo, hi = (sec.block, sec.start), (sec.end_block, sec.end)
            inside = [m for m in measures if lo <= (m.block, m.start) < hi]
            norms = sum(1 for m in inside if _is_norm(m, norm))
            if norms >= 2 and 2 * norms >= len(inside):
                found.update(id(m) for m in inside)
        entry = memo[key] = (measures, sections, frozenset(found))  # the entry keeps both alive: ids stay theirs
    return entry[2]


def _listed_problems(ctx: Context, measures: list[Measure], sections: list[MeasureSection],
                     params: Mapping[str, Any]) -> frozenset[int]:
    """The measures (their ids) that are problems listed under a lead-in saying so (``problem_leads``: 发现了一些问题，
    主要包括：, 存在以下不足：) in a part headed for both (存在问题与改进措施): the items in the paragraphs right after
    the lead-in, up to one that turns to the measures (``measure_turns``: 针对上述问题, 为此). The turning item
    itself is left out too when it only leads in (``_cut_lead_in``: 针对上述问题，提出以下措施：). Remembered."""
    leads = pattern_set(tuple(params.get("problem_leads", ())))
    if leads is None:
        return frozenset()
    turns = pattern_set(tuple(params.get("measure_turns", ())))
    heads = pattern_set(tuple(params.get("problem_headings", ())))
    named_measures = pattern_set(tuple(params.get("sections", ())))
    both = pattern_set(tuple(params.get("problems_and_measures", ())))
    talks = pattern_set(tuple(params.get("problem_words", ())))
    blocks = ctx.doc.blocks

    def find() -> frozenset[int]:
        # the parts headed for problems and measures together (二、存在问题及对策): their unnumbered paragraphs before
        # the first item or turn state the problems (尽管……，但也发现了一些亟待解决的问题……)
        mixed = [sec for sec in sections if both is not None and talks is not None
                 and both.search(blocks[sec.block].text[sec.start:sec.head_end]) is not None]
        found: set[int] = set()
        listed = False  # inside a list that a problem lead-in opened
        previous = -2
        inline_block = -1  # the block of the last inline point (一是……): the points after it go with it
        for m in sorted(measures, key=lambda m: (m.block, m.start)):
            if m.inline and m.start and m.block == inline_block:
                pass  # 二是 after 一是 in one paragraph: judged with the run's first point
            elif m.block != previous + 1 or m.start:
                j = m.block - 1
                named = None  # what the nearest sub-heading above names: the problems (1.存在问题) or the measures
                while j > previous and j > 0 and _sub_heading(blocks[j].text):
                    if named is None and blocks[j].text.strip():
                        named = _names_part(blocks[j].text, heads, named_measures)
                    j -= 1  # the list's sub-headings (（一）处事不公) or blank lines after the lead-in or last item
                if m.start:  # ……还存在不少问题：一是……, or points under （一）存在问题
                    before = blocks[m.block].text[:m.start]
                    if m.block and not _SENTENCE_STOPS.search(before):
                        # (a lead broken over two lines by a copy: ……仍存在一些共性 / 问题:一是……)
                        before = blocks[m.block - 1].text.rstrip() + before
                    listed = leads.search(before.rstrip()[-40:]) is not None or named == "problems"
                elif named is not None:
                    listed = named == "problems"
                elif j != previous:
                    before = blocks[j].text if m.block else ""
                    listed = leads.search(before.rstrip()[-40:]) is not None
                if not listed and not m.start and talks is not None and _opening_problems(m, mixed, measures, talks):
                    listed = True
            if m.inline:
                inline_block = m.block
            if listed and turns is not None and turns.search(m.text[:12]):
                listed = False
                # the item runs to the last block with text (looked for only here: few documents turn so)
                last = max((b.index for b in blocks if b.text.strip()), default=0)
                if _cut_lead_in(m.text, m.end_block >= last and _stops_open(blocks[m.end_block].text)):
                    found.add(id(m))
            if listed:
                found.add(id(m))
            previous = m.end_block
        return frozenset(found)

    return ctx.memo(f"listed-problems:{id(measures)}", find)  # type: ignore[no-any-return]


# an item's label (textutil's ``ITEM_LABEL``: （一）, 1、, a bullet) or an inline point's (一是)
_LABELLED = re.compile(ITEM_LABEL.pattern + r"|\s*[一二三四五六七八九十]是")


def _opening_problems(m: Measure, mixed: list[MeasureSection], measures: list[Measure], talks: PatternSet) -> bool:
    """Whether ``m`` is an unnumbered paragraph stating problems (``problem_words``) that opens a part headed for
    problems and measures together (``mixed``), before any numbered item of the part."""
    sec = next((x for x in mixed if (x.block, x.start) <= (m.block, m.start) < (x.end_block, x.end)), None)
    if sec is None or _LABELLED.match(m.text) or talks.search(m.text) is None:
        return False
    return not any((sec.block, sec.start) <= (o.block, o.start) < (m.block, m.start) and _LABELLED.match(o.text)
                   for o in measures)


def _names_part(line: str, problems: PatternSet | None, measures: PatternSet | None) -> str | None:
    """What a sub-heading inside a part for problems and measures names: "problems" (1.存在问题, （一）存在的主要问题),
    "measures" (2.整改措施), or None."""
    title = strip_label(line.strip())
    if problems is not None and problems.search(title) is not None:
        return "problems"
    if measures is not None and measures.search(title) is not None:
        return "measures"
    return None


def _sub_heading(line: str) -> bool:
    """A short line without a sentence's end or a colon (（一）处事不公): a heading inside a list, not a lead-in; or a
    blank one."""
    text = line.strip()
    return len(text) <= 20 and _SENTENCE_OR_COLON.search(text) is None


_SENTENCE_OR_COLON = re.compile(r"[。；;！？!?：:]")
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?]")
_CLAUSE_RUN = re.compile(r"[^，,；;。！？!?]+")  # a clause: the text between two of its marks
_LEAD_IN_MAX = 40  # a longer text without a sentence's end is a measure written without its full stop


def _stops_open(line: str) -> bool:
    """Whether ``line`` ends with neither a sentence's end nor a closing mark."""
    line = line.rstrip()
    return bool(line) and line[-1] not in SENTENCE_ENDS and line[-1] not in CLOSING_MARKS


def _cut_lead_in(text: str, cut_after: bool) -> bool:
    """Whether ``text`` only announces the measures after it: a lead-in (``_leads_in``: 针对上述问题，提出以下措施：),
    or, when the text stops right after it in mid-sentence (``cut_after``), one short clause with no sentence's end,
    as a download site's preview leaves it (……学校将采取)."""
    body = text.strip()
    return _leads_in(body) or (cut_after and len(body) <= _LEAD_IN_MAX and not any(c in SENTENCE_ENDS for c in body))


@lru_cache(maxsize=32)
def _norm_set(words: tuple[str, ...], patterns: tuple[str, ...]) -> PatternSet | None:
    """The words of a prohibition (taken literally) and the patterns of one, as one set."""
    return pattern_set(tuple(re.escape(w) for w in words if w) + tuple(p for p in patterns if p))


def _restates(ctx: Context, m: Measure, measures: list[Measure], sections: list[MeasureSection],
              params: Mapping[str, Any]) -> bool:
    """Whether ``m``, an item of a requirements part (工作要求, 保障措施: the ``repeat_sections``
    words in its heading), names the subject of a task an earlier measures part already
    quantified with an amount, a deadline or a target: two or more nouns in a row, four
    characters or more, none of them a generic noun of the genre (工作, 机制, 单位 …,
    ``repeat_stop_nouns``), found in that task (抽调业务骨干 after 每个科室抽调2名业务骨干参与).
    Asking again to quantify the same task is no help to the writer."""
    sec = next((x for x in sections if (x.block, x.start) <= (m.block, m.start) < (x.end_block, x.end)), None)
    if sec is None or not _requirements_part(ctx, sec, params):
        return False
    # the quantified tasks before this part, listed once per part (a long requirements part asks for each item)
    known: dict[tuple[int, int, int, int], list[str]] = ctx.memo("restated-tasks", dict)
    key = (sec.block, sec.start, id(measures), id(params))  # both kept by this document's memo and its rule
    if key not in known:
        known[key] = [x.text for x in measures
                      if (x.end_block, x.end) <= (sec.block, sec.start) and _checkable(ctx, x, params)]
    earlier = known[key]
    if not earlier:
        return False
    from ..segment import tagger

    stop = set(params.get("repeat_stop_nouns", ()))
    words = tagger()(m.body)
    for i in range(len(words)):
        phrase = ""
        for word, tag in words[i:]:
            if tag not in _NOUN_TAGS or word in stop:
                break
            phrase += word
            if len(phrase) >= 4 and phrase != word and any(phrase in text for text in earlier):
                return True
    return False


def _requirements_part(ctx: Context, sec: MeasureSection, params: Mapping[str, Any]) -> bool:
    """Whether the heading of ``sec`` names a requirements part (``repeat_sections``), remembered
    for the document (every bare item of the part asks)."""
    known: dict[tuple[int, int, int, int], tuple[Mapping[str, Any], bool]] = ctx.memo("requirements-parts", dict)
    key = (sec.block, sec.start, sec.head_end, id(params))
    entry = known.get(key)
    if entry is None or entry[0] is not params:
        heads = pattern_set(tuple(params.get("repeat_sections", ())))
        found = heads is not None and heads.search(ctx.doc.blocks[sec.block].text[sec.start:sec.head_end]) is not None
        entry = known[key] = (params, found)  # the entry keeps ``params`` alive: its id is not reused meanwhile
    return entry[1]


_YEAR_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])?"
                           + YEAR_FIRST.pattern)


def _outside_year_plans(ctx: Context, measures: list[Measure], sections: list[MeasureSection],
                        params: Mapping[str, Any]) -> tuple[list[Measure], list[MeasureSection]]:
    """The measures and parts of ``find_measures`` without the parts of a report of the year's work
    (``year_plan_titles``: in its title, or in the name of the kind detected when the title is missing) headed by the
    next year (二、2025年工作计划): the writer's own plan for that year."""
    kinds = tuple(params.get("year_plan_titles", ()))
    named = pattern_set(kinds)
    if not sections or named is None or not (ctx.title_matches(kinds) or (
            ctx.profile is not None and named.search(ctx.profile.name) is not None)):
        return measures, sections
    blocks = ctx.doc.blocks
    # the heading's first words: run into its first sentence on one line, where the heading ends is a guess
    planned = [sec for sec in sections if _YEAR_HEADING.match(blocks[sec.block].text, sec.start, sec.start + 16)]
    if not planned:
        return measures, sections
    return ([m for m in measures if not any((sec.block, sec.start) <= (m.block, m.start) < (sec.end_block, sec.end)
                                            for sec in planned)],
            [sec for sec in sections if sec not in planned])


def _low_params(ctx: Context) -> Mapping[str, Any]:
    """M103's parameters as this run merged them; the rulebook's when M103 is not running."""
    if "params_of" in ctx.cache and "M103" in ctx.cache.get("active", ()):
        return _merged(ctx, "M103")
    rule = ctx.rulebook.rules.get("M103")
    return rule.params if rule else {}


def _m103_reports(ctx: Context, measures: list[Measure], sections: list[MeasureSection],
                  params: Mapping[str, Any]) -> bool:
    """Whether M103 runs on this document and finds the measures it counts (``_counted``) weak (``_low_verdict``)."""
    if "M103" not in ctx.cache.get("active", ()) or "params_of" not in ctx.cache:
        return False
    low = _merged(ctx, "M103")
    return bool(_low_verdict(ctx, _counted(ctx, measures, sections, params, low), params, low))


def _counted(ctx: Context, measures: list[Measure], sections: list[MeasureSection], params: Mapping[str, Any],
             low: Mapping[str, Any]) -> list[Measure]:
    """The measures M103 counts: not the items of a list of rules of conduct (``_conduct_items``: even where a rule
    names who keeps it, 参会人员应……), nor, unless quantified, a prohibition, a document's title or a principle
    to hold (``principles`` of ``low``, M103's parameters: 坚持依法依规统计), nor the measure a text stops in
    mid-sentence (``open_tail``)."""
    memo: list[tuple[list[Measure], Mapping[str, Any], Mapping[str, Any], list[Measure]]] = ctx.memo("counted", list)
    for entry in memo:
        if entry[0] is measures and _same_params(entry[1], params) and _same_params(entry[2], low):
            return entry[3]
    dims = dimensions_of(ctx, params)
    quantified = dims.quantified
    conduct = _conduct_items(ctx, measures, sections, params) | _listed_problems(ctx, measures, sections, params)
    no_task = _task_sets(params, low)
    tail = open_tail(ctx)  # the measure a text stops in may state more past the cut: not counted
    counted = [m for m in measures
               if id(m) not in conduct and (_stated(quantified, m) or not (
                   _no_task(ctx, m, no_task) or _binds_all_addressed(ctx, m, params, dims)
                   or _done_in_a_report(ctx, m)))
               and not (tail is not None and (m.end_block, m.end) > tail)]
    memo.append((measures, params, low, counted))
    return counted


# what a report says was done: a verb of an action taken with 了 (成立了, 制定了, 开展了), or 已/已经 before one
# (已安排专业人员); not 发现了, 取得了 (what a paragraph of results or problems says)
_TAKEN = ("成立|制定|制订|建立|开展|组织|召开|印发|出台|完善|落实|安排|配备|设立|签订|实施|举办|修订|健全|整改|要求"
          "|购置|更换|维修")
_DONE = re.compile(rf"(?:{_TAKEN})了|已(?:经)?(?:{_TAKEN}|完成)")
# the kinds of a report of work done (自查报告, 工作总结, 情况汇报, 整改情况的报告, 述职报告): its parts of 措施 may
# tell the measures taken; not a 调研报告, whose 建议 are to be done
_REPORT_KIND = re.compile(r"(?:(?:自查|自评|自纠|情况的?|述职|述廉)报告|总结|汇报)(?:材料)?\s*$")


def _done_in_a_report(ctx: Context, m: Measure) -> bool:
    """Whether ``m`` tells work done, in a report of work done (……自查报告, ……工作总结): 学校成立了……领导小组,
    已安排专业人员维护. Its 工作措施 part says what was taken, not what is to be done; a plan's tasks are judged
    whatever their tense."""
    return _reports_work_done(ctx) and _DONE.search(m.body) is not None


def _reports_work_done(ctx: Context) -> bool:
    """Whether the document's title names a report of work done (``_REPORT_KIND``), or, when its first line is a site's
    (residue), the title a sharing site printed over it (网格化管理工作总结8篇); asked once per document."""
    def ask() -> bool:
        title = ctx.outline.title
        if title is not None and title.block not in ctx.residue:
            return _REPORT_KIND.search(title.text.rstrip()) is not None
        return any(_REPORT_KIND.search(t.rstrip()) for t in site_titles(ctx.doc, ctx.residue))

    return ctx.memo("reports-work-done", ask)  # type: ignore[no-any-return]


def _binds_all_addressed(ctx: Context, m: Measure, params: Mapping[str, Any], dims: Dimensions) -> bool:
    """Whether the item is a requirement on every unit the document addresses: 各地区、各部门要……, or 要…… with the
    subject left out, in a 工作要求 or 保障措施 part (any item there with no subject where ``requirements_bind_all``,
    as the 通知 profile sets it: 提高审核效率。以……为原则，整合……); or, anywhere, a class of units that the
    document's own address line names (各部门、各店铺： above the body, then 各部门要……: each addressee for its own
    part; or a class of units in a part a lead-in announces as requirements: 现将……工作要求通知如下：一、各有关部门
    要……). M101 leaves it alone, and M103 does not count it either. ``dims``: ``dimensions_of`` ``params``, which
    the callers hold (looked up again for each item, it cost 2% of the M1 rules' time on the batch corpus)."""
    owner = dims.generic_owner(m.text)
    if owner and _addressed(owner, ctx.address_line()):
        return True
    if owner and _announced_requirements(ctx, (m.block, m.start), params):
        return True  # 现将……工作要求通知如下：一、各有关部门要……: the notice's requirements of those it addresses
    if owner.startswith("全体") and params.get("requirements_bind_all") is True:
        return True  # a notice's rule for all its staff (全体职工要严格执行……): everyone keeps it, no office to name
    return bool(owner or _ELIDED.match(m.body) or params.get("requirements_bind_all")) \
        and _in_requirements_part(ctx, (m.block, m.start), params)


def _addressed(owner: str, addressees: str) -> bool:
    """Whether a class of units (各部门, 各有关部门) is among those the address line names (市政府有关部门, 各区市):
    the same kind of unit, whatever 各/有关 it is written with."""
    if not addressees:
        return False
    kind = owner.removeprefix("各").removeprefix("有关").removeprefix("相关")
    return owner in addressees or (len(kind) >= 2 and kind in addressees)


class _LineAnchored:
    """Whether one of a list of patterns matches somewhere in a text (``search``, as the list's ``PatternSet`` would
    find), the patterns that open with ``^`` (and have no top-level ``|``) kept in a set of their own, which
    ``PatternSet`` tries only where a line starts (``scan.line_lead``): in MULTILINE a match of theirs can begin
    nowhere else. ``re`` tries a ``^`` at every place of a search, and most of the title and term patterns open so:
    searched with the others as one set, they cost 4 us per measure."""

    __slots__ = ("_at_lines", "_rest")

    def __init__(self, patterns: tuple[str, ...]) -> None:
        # a back-reference's number would change in a list of other patterns: such a list is searched whole
        anchored = () if any(_BACK_REFERENCE.search(p) for p in patterns) else tuple(
            p for p in patterns if p.startswith("^") and len(top_level_branches(p) or ()) == 1)
        self._at_lines = pattern_set(anchored)
        self._rest = pattern_set(tuple(p for p in patterns if p not in anchored))

    def search(self, text: str) -> bool:
        return any(found is not None and found.search(text) is not None for found in (self._at_lines, self._rest))


_BACK_REFERENCE = re.compile(r"\\[1-9]|\(\?P=")


@lru_cache(maxsize=32)
def _line_anchored(patterns: tuple[str, ...]) -> _LineAnchored | None:
    """The patterns as a ``_LineAnchored`` (None when there are none), made once per list."""
    return _LineAnchored(patterns) if patterns else None


_TaskSets = tuple[PatternSet | None, _LineAnchored | None, _LineAnchored | None]


def _task_sets(params: Mapping[str, Any], low: Mapping[str, Any]) -> _TaskSets:
    """What ``_no_task`` searches: the norms of ``params`` (M101's), its ``document_titles`` and ``terms`` (an item
    that names a document, a term of a call for applications or the programme of an event) and the ``principles``
    of ``low`` (M103's)."""
    return (_norm_set(tuple(params.get("norms", ())), tuple(params.get("norm_patterns", ()))),
            _line_anchored((*params.get("document_titles", ()), *params.get("terms", ()),
                            *params.get("programme", ()))),
            _line_anchored(tuple(low.get("principles", ()))))


# an item of an inspection's checklist: what is checked, asked as a yes-or-no question in its first clause (建筑实际使用
# 功能是否与设计功能一致。), not a task; one that tells someone to check (检查……是否……, 要……) is a task
_CHECK_ITEM = re.compile(r"(?!(?:检查|核查|查看|查验|督促|督查|排查|抽查|评估|对照|要|应|须|必须))"
                         r"[^，。；;：:！？]{0,40}是否")


# an item naming a kind of case, a clause closed by 的 (（二）组织参加邪教活动、搞封建迷信的。): what a campaign targets
# or a rule covers (整治重点, 适用情形), and the list's closing 其他, not a task
_CASE_ITEM = re.compile(r"[^。；;！？]{4,80}的[。；;]?|其他(?:情形|情况|行为)?[。；;]?"
                        # … or the focus of an inspection (重点检查……的监管情况，……的处理情况; 重点排查……等问题)
                        r"|重点(?:检查|排查|督查|核查|抽查)[^。；;！？]{2,80}(?:情况|问题|行为|现象)[。；;]?")


def _no_task(ctx: Context, m: Measure, sets: _TaskSets) -> bool:
    """Whether the item states no task to quantify (``sets``: ``_task_sets``): a prohibition (``_is_norm``), the
    title of a document (``document_titles``, the item without its label), a principle to hold (M103's
    ``principles``, 坚持问题导向), a checklist's question (``_CHECK_ITEM``) or a kind of case (``_CASE_ITEM``).
    Remembered on the measure per sets
    (``Measure.no_task``): M101 asks for its bare items, M103 for every item not quantified, both of the document's
    one list of measures."""
    known = m.no_task
    if known is not None and known[0] == sets:  # the same sets: equal members, compared by identity
        return known[1]
    norm, titles, principle = sets
    body = m.body.strip()
    found = _is_norm(m, norm) or (titles is not None and titles.search(body)) \
        or (principle is not None and principle.search(body)) or _CHECK_ITEM.match(body) is not None \
        or _CASE_ITEM.fullmatch(body) is not None
    m.no_task = (sets, found)
    return found


def _passages(ctx: Context, max_chars: int, parts: list[tuple[Pos, Pos]],
              keep: Callable[[int], bool] | None = None) -> list[tuple[int, int, int]]:
    """Spans (block, start, end) M102 weighs: each paragraph, and inside a paragraph each
    numbered item with its sub-items and each stretch between two labels, so a document
    stored on one line is judged item by item. Only spans inside one of ``parts`` (the measures
    parts), of 1 to ``max_chars`` visible characters, in the paragraphs ``keep`` accepts.
    Longest first at each start."""
    # the paragraphs of the parts that ``keep`` accepts (few: M102's asks for three phrases), asked once each
    kept = {index for lo, hi in parts for index in range(lo[0], hi[0] + 1) if keep is None or keep(index)}
    cuts: dict[int, list[tuple[int, int]]] = {}
    items = ctx.outline.items
    places = _item_places(ctx)
    blocks = ctx.doc.blocks
    for index in kept:  # the items of those paragraphs (found by bisection): their spans are judged only there
        for _, i in places[bisect_left(places, ((index, 0), -1)):bisect_left(places, ((index + 1, 0), -1))]:
            mk = items[i].marker
            if mk.stray or mk.family == "heading":
                continue
            end = _item_end(ctx, i)
            cuts.setdefault(index, []).append((mk.start, end[1] if end[0] == index else len(blocks[index].text)))
    out = []
    for lo, hi in sorted(parts):
        for index in range(lo[0], hi[0] + 1):
            b = blocks[index]
            if index not in kept or index in ctx.residue or not b.text.strip():
                continue
            text, size = b.text, len(b.text)
            first = lo[1] if index == lo[0] else 0  # the part's bounds inside this block
            last = hi[1] if index == hi[0] else size
            spans = {(0, size)}
            starts = sorted({s for s, _ in cuts.get(index, [])})
            spans.update(cuts.get(index, []))
            spans.update(zip([0, *starts], [*starts, size], strict=True))
            sents = sentences(text)
            spans.update(sents)  # one sentence dense with slogans inside a long item
            spans.update((a[0], z[1]) for a, z in pairwise(sents))
            for s, e in spans:
                if first <= s and e <= last and 0 < len(text[s:e].strip()) <= max_chars:
                    out.append((index, s, e))
    # (block, start, -end) sorts as wanted without a key function
    return [(index, s, -e) for index, s, e in sorted({(index, s, -e) for index, s, e in out})]


@lru_cache(maxsize=32)
def _phrase_set(phrases: tuple[str, ...]) -> PatternSet | None:
    """M102's phrases as one set, the longest tried first. One branch per first character, its phrases' rests
    inside it in that order (进(?:一步)|全(?:面从严治党|面深化改革|…|力)): at a place only the phrases that begin
    with its character can match, so the same phrase matches there as in the flat list, and ``re`` tests one
    branch per first character instead of one per phrase (M102's scans of the measures parts a fifth faster)."""
    rests: dict[str, list[str]] = {}
    for p in sorted(phrases, key=len, reverse=True):
        if p:
            rests.setdefault(p[0], []).append(re.escape(p[1:]))
    return pattern_set(tuple(re.escape(first) + "(?:" + "|".join(r) + ")" for first, r in rests.items()))


class _Hits:
    """The phrases ``finditer`` finds in one paragraph, and so in any span of it: the matches
    inside the span, unless a match of the paragraph straddles one of its ends (then the span
    is scanned itself). With literal phrases tried longest first, a scan of the span meets the
    same matches as the paragraph's when no match crosses its ends."""

    __slots__ = ("_ends", "_phrases", "_starts", "_text", "_words")

    def __init__(self, phrases: Any, text: str) -> None:
        self._phrases, self._text = phrases, text
        found = [(m.start(), m.end(), m.group()) for m in phrases.finditer(text)]
        self._starts = [f[0] for f in found]
        self._ends = [f[1] for f in found]
        self._words = [f[2] for f in found]

    def within(self, s: int, e: int) -> list[str]:
        i = bisect_left(self._starts, s)
        if i > 0 and self._ends[i - 1] > s:
            return [m.group() for m in self._phrases.finditer(self._text[s:e])]  # a match straddles s
        j = bisect_left(self._starts, e, i)
        if j > i and self._ends[j - 1] > e:
            return [m.group() for m in self._phrases.finditer(self._text[s:e])]  # a match straddles e
        return self._words[i:j]


def _phrase_starts(phrases: Any, text: str) -> list[int]:
    """Every position of ``text`` where one of ``phrases`` begins, overlapping occurrences
    included. The phrases ``finditer`` finds in a span of ``text`` begin at distinct such
    positions inside the span, so their number bounds how many phrases any span holds."""
    starts = []
    pos = 0
    while (m := phrases.search(text, pos)) is not None:
        starts.append(m.start())
        pos = m.start() + 1
    return starts


def _mostly_unquantified(ctx: Context, text: str, dims: Mapping[str, Any]) -> bool:
    """True when at most a quarter of the sentences state an amount, deadline or target
    (a closing 方案包含6个附件 does not redeem three slogans)."""
    spans = sentences(text) or [(0, len(text))]
    counted = sum(1 for s, e in spans if dimensions(ctx, text[s:e], dims))
    return counted * 4 <= len(spans)


def check_vague_density(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a passage (a paragraph, or one item of a document stored on one line) in which
    empty intensifiers and set slogans (进一步、切实、高度重视、各司其职、深刻领会…) take up at
    least ``threshold`` of the characters, with at least ``min_hits`` of them, while it
    states no amount, deadline or checkable target. One finding per passage: the longest
    passage that qualifies wins over the items inside it. The lead-in of a measures part
    before its first item, and an item's own words over its numbered sub-items, introduce
    what follows in general words by the genre's custom: not weighed.
    ## Parameters
    ``phrases``: the intensifiers and slogans; ``terms``: named tasks that hold one of them (全面从严治党), read
    whole and not counted; ``threshold``: share of characters;
    ``min_hits``: distinct phrases needed; ``min_chars``, ``max_chars``: passage lengths judged;
    ``scope``: ``document`` when the whole text is measures (工作要点).
    ## Example
    进一步加强学习，不断提高认识，切实改进作风，全面推进工作。 → M102."""
    for block, s, e, count, share, owner, sample in _vague_spans(ctx, rule.params):
        found = rule.finding(ctx.doc, block, s, e, key="owner" if owner else "default", count=count, share=share,
                             sample=sample)
        level = yielded_to_m102(ctx, block, s, e)
        if level is not None and SEVERITY_RANK.get(level, 0) > SEVERITY_RANK.get(found.severity, 0):
            # a measure of empty words is a measure that cannot be checked: M101 left it to this finding, which
            # takes M101's level (a warning by default), so that the emptiest measure is not the mildest finding
            found = replace(found, severity=level)
        yield found


_YIELDED = "m101-yielded"  # the measures M101 left to M102, with M101's level (``ctx.cache``)


def yielded_to_m102(ctx: Context, block: int, start: int, end: int) -> str | None:
    """The level of M101 when it left a bare measure overlapping ``block[start:end]`` to M102 (a measure of empty
    words, which M102 names), else None."""
    level, spans = ctx.cache.get(_YIELDED, (None, ()))
    for b, s, end_block, e in spans:
        if b == block and s < end and start < (e if end_block == b else len(ctx.doc.blocks[b].text)):
            return level
    return None


def _vague_spans(ctx: Context, params: Mapping[str, Any]) -> list[tuple[int, int, int, int, str, str, str]]:
    """The passages M102 reports (block, start, end, count, share, "owner" when the rest of the
    item or a sentence without slogans names an owner, sample), remembered for the document: M101 stays silent on the
    items inside them."""
    memo: list[tuple[Mapping[str, Any], list[tuple[int, int, int, int, str, str, str]]]] = ctx.memo("vague-spans", list)
    for known, found in memo:
        if _same_params(known, params):
            return found
    found = list(_find_vague(ctx, params))
    memo.append((params, found))
    return found


def _find_vague(ctx: Context, params: Mapping[str, Any]) -> Iterator[tuple[int, int, int, int, str, str, str]]:
    # fixed terms that hold an intensifier (全面从严治党, 全面深化改革): in the set so that they are read whole, then
    # left out of the count
    terms = frozenset(params.get("terms", ()))
    # the list, not the set: a set's order changes with string hashing from run to run, and so would the pattern
    phrases = _phrase_set(tuple(params.get("phrases", ())) + tuple(params.get("terms", ())))
    if phrases is None:
        return
    threshold = params.get("threshold", 0.12)
    min_hits = params.get("min_hits", 3)
    min_chars = params.get("min_chars", 20)
    base = _scoped_params(ctx, params.get("scope"))
    sections = measure_sections(ctx, base)
    if not sections:
        return  # no measures part: nothing to weigh (nor in a law's articles, ``not_a_plan``, however worded)
    parts = [((sec.block, sec.start), (sec.end_block, sec.end)) for sec in sections]
    dims = {k: base.get(k, ()) for k in ("amount", "deadline", "target", "exclude")}
    measures = find_measures(ctx, base)[0]
    covering: dict[int, list[Measure]] | None = None  # ``_covering``, made when a passage first needs it
    chosen: list[tuple[bool, int, int, int, int, str]] = []
    hits_of: dict[int, _Hits] = {}
    # where phrases may begin in each paragraph: a span with fewer than ``min_hits`` of them cannot
    # hold ``min_hits`` phrases, and most paragraphs have fewer in all (their spans are not even built)
    starts_of: dict[int, list[int]] = {}

    def enough(index: int) -> bool:
        if index not in starts_of:
            starts_of[index] = _phrase_starts(phrases, ctx.doc.blocks[index].text)
        return len(starts_of[index]) >= min_hits

    # a part whose measures are items opens with a lead-in (党中央对今年工作作出了全面部署，我们要……扎实做好各项
    #工作。): general by the genre's custom, its items say what is done; the lead-in ends where the first item begins
    first_item: list[Pos] | None = None  # ``_first_items``, and ``_intros``: found when a passage first asks
    intros: list[tuple[Pos, Pos]] | None = None
    tail = open_tail(ctx)
    # background and achievements may praise; only measures must say what is done
    for block, s, e in _passages(ctx, params.get("max_chars", 400), parts, enough):
        starts = starts_of[block]
        if bisect_left(starts, e) - bisect_left(starts, s) < min_hits:
            continue
        if first_item is None:
            first_item = _first_items(measures, parts)
        if any(lo <= (block, s) and (block, e) <= first for (lo, _), first in zip(parts, first_item, strict=True)):
            continue
        if intros is None:
            intros = _intros(ctx, parts)
        if any(lo <= (block, s) and (block, e) <= hi for lo, hi in intros):
            continue  # the same custom one level down: an item's own words over its numbered sub-items
        text = ctx.doc.blocks[block].text[s:e]
        body = text.strip()
        if len(body) < min_chars:
            continue
        if block not in hits_of:
            hits_of[block] = _Hits(phrases, ctx.doc.blocks[block].text)
        hits = [h for h in hits_of[block].within(s, e) if h not in terms]
        if len(hits) < min_hits:
            continue
        share = sum(len(h) for h in hits) / len(body)
        slogans = {h for h in hits if len(h) >= 4}
        if not (share >= threshold and len(set(hits)) >= min_hits and (len(slogans) >= 2 or len(set(hits)) >= 4)):
            continue
        if tail is not None and (block, e) > tail:
            continue  # the text stops in this passage's last sentence: its figure or date may stand past the cut
        if covering is None:
            covering = _covering(measures)
        item = _enclosing_dimensions(ctx, covering.get(block, []), (block, s), (block, e), base)
        if item - {"owner"}:
            continue  # a slogan sentence cut out of an item that says how much or by when elsewhere
        whole = ctx.doc.blocks[block].text
        if len(body) < len(whole.strip()) <= 2 * params.get("max_chars", 400) and _items_in(ctx, block) <= 1 \
                and dimensions(ctx, whole, dims):
            continue  # …or out of a paragraph that does (……全力完成今年8008户改造任务。): the reader weighs it whole
        if _mostly_unquantified(ctx, text, dims):
            lead = len(text) - len(text.lstrip())
            # the rest of the item, or a plain sentence of the passage, names who acts: the message says so
            owner = "owner" in item or any(
                not phrases.search(text, a, z) and "owner" in dimensions(ctx, text[a:z], base)
                for a, z in sentences(text))
            chosen.append((not dimensions(ctx, text, dims), block, s + lead, s + len(text.rstrip()), len(hits),
                           f"{share:.0%}|{'owner' if owner else ''}|" + "、".join(list(dict.fromkeys(hits))[:5])))
    # passages with nothing quantified first, the longest first; then what they leave
    chosen.sort(key=lambda c: (not c[0], c[2] - c[3]))
    taken: list[tuple[int, int, int]] = []
    for _, block, s, e, count, info in chosen:
        if any(b == block and s < te and ts < e for b, ts, te in taken):
            continue
        taken.append((block, s, e))
        share_shown, owner_shown, sample = info.split("|", 2)
        yield block, s, e, count, share_shown, owner_shown, sample


def _covering(measures: list[Measure]) -> dict[int, list[Measure]]:
    """The short measures (of at most two lines) covering each block: a passage lies in one block, so only these can
    enclose it (looking through every measure for every passage was quadratic in a long document)."""
    covering: dict[int, list[Measure]] = {}
    for m in measures:
        if _paragraphs(m.text) <= 2:
            for b in range(m.block, m.end_block + 1):
                covering.setdefault(b, []).append(m)
    return covering


def _items_in(ctx: Context, block: int) -> int:
    """How many numbered items begin in ``block`` (a document stored on one line holds them all)."""
    places = _item_places(ctx)
    return bisect_left(places, ((block + 1, 0), -1)) - bisect_left(places, ((block, 0), -1))


def _first_items(measures: list[Measure], parts: list[tuple[Pos, Pos]]) -> list[Pos]:
    """Where the first measure of each of ``parts`` begins (the part's end when it has none)."""
    return [min(((m.block, m.start) for m in measures if lo <= (m.block, m.start) < hi), default=hi)
            for lo, hi in parts]


def _intros(ctx: Context, parts: list[tuple[Pos, Pos]]) -> list[tuple[Pos, Pos]]:
    """The items of the measures ``parts`` that have numbered sub-items, each from its label to its first
    sub-item: the item's own words introduce the sub-items (（二）加强组织领导。各股室要高度重视…… then 1.… 2.…),
    which say what is done."""
    items = ctx.outline.items
    places = _item_places(ctx)
    found = []
    for lo, hi in parts:
        inside = [j for _, j in places[bisect_left(places, (lo, -1)):bisect_left(places, (hi, -1))]
                  if not items[j].marker.stray and items[j].marker.family != "heading"]
        for j, k in pairwise(inside):
            if items[k].depth > items[j].depth:
                found.append(((items[j].marker.block, items[j].marker.start), (items[k].marker.block,
                                                                              items[k].marker.start)))
    return found


def _enclosing_dimensions(ctx: Context, measures: list[Measure], a: Pos, z: Pos,
                          params: Mapping[str, Any]) -> frozenset[str]:
    """The dimensions M101 finds in the measures (of at most two lines) the passage ``a``–``z`` is cut out of: a
    passage inside an item (not the whole item) is judged with the rest of the item, so a
    closing 每周报送简报 or a named owner in the first sentence counts. A whole item, or a
    heading over several paragraphs (a chapter M101 does not judge as one measure), adds
    nothing."""
    found: set[str] = set()
    for m in measures:  # the caller passes only measures of at most two lines
        lo, hi = (m.block, m.start), (m.end_block, m.end)
        if not (lo < z and a < hi) or (a <= lo and hi <= z):
            continue  # outside the passage, or wholly inside it (the passage judges it)
        found |= measure_dimensions(ctx, m, params)
    return frozenset(found)


def check_low_quantification(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Document level: the share of quantified measures in the measures parts. Reported once,
    at the first measures heading, when it is below ``threshold`` (the profile may set it)
    and there are at least ``min_measures`` measures; also when some measures name an office
    but none states an amount, a deadline or a target (an owner alone says who, not what).
    Measures are found as for M101 (every item, short or long); quantified means any of
    M101's four dimensions. Silent when every measures part found is one on carrying the
    document out (M101's ``safeguard_sections``: 组织实施, 保障措施, 工作要求): its tasks were
    headed by their topics, and that part's share says nothing of them.
    ## Parameters
    ``threshold`` (default 0.3), ``min_measures`` (default 2), ``scope``: ``document``
    when every top-level item is a measure (工作要点); ``principles``: patterns of an item that
    states a principle to hold (坚持…, 牢固树立…), left out of the count.
    ## Example
    Five measures, one with a deadline → 20% → M103."""
    base = _scoped_params(ctx, rule.params.get("scope"))
    measures, sections = _outside_year_plans(ctx, *find_measures(ctx, base), base)
    if not sections or _safeguards_alone(ctx, sections, base):
        return
    quantified = dimensions_of(ctx, base).quantified
    measures = _counted(ctx, measures, sections, base, rule.params)
    verdict = _low_verdict(ctx, measures, base, rule.params)
    if not verdict or _targets_set_before(ctx, sections[0], quantified):
        return
    count = sum(1 for m in measures if _stated(quantified, m))
    limit = base.get("max_chars", 80)
    weak = [m for m in measures
            if not (_stated(quantified, m) - {"owner"} if verdict == "owners" else _stated(quantified, m))]
    if ctx.cache.get("M101 runs") and all(
            not _stated(quantified, m) and len(m.body) <= limit for m in weak):
        return  # every weak measure is a bare line M101 reports: the verdict adds nothing
    share = count / len(measures)
    head = sections[0]
    yield rule.finding(ctx.doc, head.block, head.start, head.head_end, key=verdict, total=len(measures),
                       quantified=count, share=f"{share:.0%}", threshold=f"{rule.params.get('threshold', 0.3):.0%}",
                       parts=_parts_named(ctx, sections, measures))


def _safeguards_alone(ctx: Context, sections: list[MeasureSection], params: Mapping[str, Any]) -> bool:
    """Whether every measures part found is a part on carrying the document out (``safeguard_sections``:
    四、加强组织实施, 保障措施, 工作要求) or the profile's safeguards part: how the document is to be carried out
    (组织领导, 宣传解读, 督促检查), with no part of its tasks found beside it. Its share of quantified items says
    nothing of the tasks (an 意见 or a notice whose tasks are headed by their topics)."""
    words = pattern_set(tuple(params.get("safeguard_sections", ())))
    roles = ctx.profile.roles("safeguards") if ctx.profile is not None else ()
    located = locate_sections(ctx) if roles else {}  # only a profile with a safeguards part needs them found
    guards = {(h.block, h.start) for sec in roles if (h := located.get(sec.name)) is not None}
    blocks = ctx.doc.blocks
    return all((sec.block, sec.start) in guards or (words is not None and words.search(
        strip_label(blocks[sec.block].text[sec.start:sec.head_end])[:12]) is not None) for sec in sections)


# a year a plan aims at (到2030年, 力争2027年, 至2025年底): with a figure or a checkable target in its sentence, a goal
_GOAL_YEAR = re.compile(r"(?:到|至|力争|争取)\s*(?:19|20)\d\d\s*年")
_SENTENCE_AFTER = re.compile(r"[^。；;！？\n]*")
_SENTENCE_START = re.compile(r"(?:^|[。；;！？\n])")


def _targets_set_before(ctx: Context, first: MeasureSection, quantified: Callable[[str], frozenset[str]]) -> bool:
    """Whether the text before the first measures part sets the targets of the plan: a sentence from a year aimed at
    (到2030年，……渗透率达到40%), or one under a heading of goals (二、发展目标), that states an amount or a checkable
    target. The tasks after it serve those targets and are directional by the genre (the 意见 and 行动方案 of a
    government set 主要目标 first, then 重点任务): their share of quantified items says nothing."""
    blocks = ctx.doc.blocks
    goals = min(((it.marker.block, it.marker.start) for it in ctx.outline.items
                 if not it.marker.stray and "目标" in it.marker.title[:12]), default=(first.block + 1, 0))
    for b in range(first.block + 1):
        if b in ctx.residue:
            continue
        text = blocks[b].text if b < first.block else blocks[b].text[:first.start]
        if (b, len(text)) > goals:  # under the heading of goals: every sentence after it
            starts = [m.end() for m in _SENTENCE_START.finditer(text, goals[1] if b == goals[0] else 0)]
        else:
            starts = [m.end() for m in _GOAL_YEAR.finditer(text)]
        for at in starts:
            sentence = _SENTENCE_AFTER.match(text, at)
            if sentence is not None and sentence.group() and quantified(sentence.group()) & {"amount", "target"}:
                return True
    return False


def _parts_apart(ctx: Context, sections: list[MeasureSection], headings: tuple[str, ...],
                 chars: int) -> Iterator[int]:
    """The outline items outside the measures parts whose title opens (its first ``chars`` characters) with one of
    ``headings``: the parts that date or assign the measures' work from outside them."""
    heads = pattern_set(headings)
    if heads is None:
        return
    # the alternation itself on each short title (as if it ended at ``chars``): the set's first-character filter
    # costs a Python step per title, a hundred titles per report
    search = heads.pattern.search
    items = ctx.outline.items
    for k in _titles_with(ctx, needed_class(heads.pattern.pattern, heads.pattern.flags)):
        m = items[k].marker
        if not m.stray and search(m.title, 0, chars) is not None and not any(
                (s.block, s.start) <= (m.block, m.start) < (s.end_block, s.end) for s in sections):
            yield k


def _titles_with(ctx: Context, need: re.Pattern[str] | None) -> Iterator[int]:
    """The outline items whose title holds a character of ``need`` (every item when it is None), in order: one scan
    of the titles joined by line breaks finds them, instead of a search in each title (heading patterns that need
    职 or 步 find them in few)."""
    if need is None:
        yield from range(len(ctx.outline.items))
        return
    joined, ends = _title_lines(ctx)
    pos = 0
    while (hit := need.search(joined, pos)) is not None:
        k = bisect_right(ends, hit.start())
        yield k
        pos = ends[k]  # the next title's line


def _title_lines(ctx: Context) -> tuple[str, list[int]]:
    """The outline items' titles joined by line breaks, and where each title's line ends (its break included),
    made once for the document."""
    def make() -> tuple[str, list[int]]:
        titles = [it.marker.title for it in ctx.outline.items]
        return "\n".join(titles), list(accumulate(len(t) + 1 for t in titles))

    return ctx.memo("item-title-lines", make)  # type: ignore[no-any-return]


def _scheduled_apart(ctx: Context, sections: list[MeasureSection], params: Mapping[str, Any]) -> bool:
    """Whether a part outside the measures parts, headed by one of ``schedule_headings``, schedules the work by dates
    (三、实施步骤：按照以下三个阶段，于2025年5月底完成): the tasks are dated there, stage by stage, as a part's heading
    dates its own (``_given``); or one headed by one of ``event_headings`` gives the day of an event (活动时间：
    8月14日)."""
    for k in _parts_apart(ctx, sections, tuple(params.get("schedule_headings", ())), 12):
        # the patterns alone (``dated``): a schedule writes its dates out in figures
        if dimensions_of(ctx, params).dated(_part_text(ctx, k)):
            return True
    # an activity plan's 活动时间 part giving the day (二、活动时间和地点 时间：8月14日下午): the day of the event dates
    # the programme its 活动内容 sets out
    return any(_DAY.search(_part_text(ctx, k)) for k in _parts_apart(ctx, sections,
                                                                     tuple(params.get("event_headings", ())), 12))


_DAY = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日号]")


def _part_text(ctx: Context, k: int) -> str:
    """The text of outline item ``k`` with everything under it, residue left out, the label cut off."""
    items, blocks = ctx.outline.items, ctx.doc.blocks
    it = items[k]
    m = it.marker
    end = next(((n.marker.block, n.marker.start) for n in items[k + 1:] if n.depth <= it.depth),
               (len(blocks) - 1, len(blocks[-1].text)))
    return "\n".join(blocks[b].text[m.end if b == m.block else 0:end[1] if b == end[0] else None]
                     for b in range(m.block, end[0] + 1) if b not in ctx.residue)


_OWNED = frozenset({"owner"})
_OWNERS_LISTED = 2  # items naming a body under a duties part: a division of the work, not one remark


def _owners_apart(ctx: Context, sections: list[MeasureSection], params: Mapping[str, Any]) -> bool:
    """Whether a part outside the measures parts, headed by one of ``duties_headings`` (四、成员单位工作职责, 三、职责
    分工), divides the work among bodies, each item opening with one (（一）区经济发展局要……负责……; （二）区综合执法局
    负责……): the tasks' owners are named there, unit by unit, as a schedule part dates them (``_scheduled_apart``). A
    duties part that is itself a measures part has its items judged one by one (（三）各部门 names no body)."""
    items, blocks = ctx.outline.items, ctx.doc.blocks
    for k in _parts_apart(ctx, sections, tuple(params.get("duties_headings", ())), 16):
        named = sum(1 for c in items[k + 1:] if c.parent == k and not c.marker.stray
                    and _OWNER_TITLE.match(blocks[c.marker.block].text, c.marker.end) is not None)
        if named >= _OWNERS_LISTED:
            return True
    return False


def _parts_named(ctx: Context, sections: list[MeasureSection], measures: list[Measure]) -> str:
    """The measures parts the count covers, by their headings, for the message to name: “三、主要措施”和“四、组织领导”两
    部分 (a reader who counts the items under one heading alone finds fewer); 措施部分 when they are many or unnamed."""
    heads = []
    for sec in sections:
        if any((sec.block, sec.start) <= (m.block, m.start) < (sec.end_block, sec.end) for m in measures):
            text = ctx.doc.blocks[sec.block].text
            # only a heading on a line of its own is named: run into its text, where it ends is a guess
            heading = text[sec.start:sec.head_end].strip().rstrip("：:") if not text[sec.head_end:].strip() else ""
            heads.append(heading if len(heading) <= 16 else heading[:15] + "…")
    if not heads or len(heads) > 3 or not all(heads):
        return "措施部分"
    named = "和".join(f"“{h}”" for h in heads)
    return named if len(heads) == 1 else f"{named}{'两三'[len(heads) - 2]}部分"


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("measures.unquantified", check_unquantified)
    register("measures.vague-density", check_vague_density)
    register("measures.low-quantification", check_low_quantification)
