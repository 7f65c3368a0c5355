"""The document outline: numbering markers, their tree, headings and the title.

Rules read this; they never parse markers themselves. A marker is a position, not a
block: a document pasted as one unbroken line carries all its 一、（一）1. inside block 1.
GB/T 9704-2012 §7.3.3 fixes the order 一、 › （一） › 1. › （1）; the rank of a marker
family is its place in that order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from .model import Block, Document
from .scan import Body, PatternSet, first_chars
from .watermark import repeated_tail

CN_NUM = "一二三四五六七八九十"
_CN_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九", start=0)}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
SENTENCE_END = "。！？!?；;"
CLAUSE_END = SENTENCE_END + "：:，,、…"
CLOSERS = "”’」』》）)】〕"

RANKS = {"cn": 1, "cn-paren": 2, "ar": 3, "ar-paren": 4, "circled": 5}

_LEAD_CHARS = " \t\u3000\u00a0"
_LEAD = rf"[{_LEAD_CHARS}]*"
# 一、二季度 / 1、2、3月 are enumerations of numbers, not markers (八、九次会议: ``_NEXT_COUNTED``)
_RANGE = rf"[{CN_NUM}\d]+(?:[、，,]|季度|等|年级|类|级|档|批|期|月|号|个|项|名)"
# … and 八、九次会议, 十三、十四届: the next number, then 次 or 届 (三、八届政协委员 is item 三 on the 8th committee)
_NEXT_COUNTED = re.compile(rf"([{CN_NUM}]{{1,3}})(?:次|届)")
# after a block-start marker's label, read in the same match: the blanks, then the title up to a
# sentence end or a blank (``_heading_text``'s ``_TITLE``, groups 5 and 6)
_TITLE_AHEAD = rf"(?=(\s*)([^\s{SENTENCE_END}：:]*))"
# a month or a day right after "N." (not after 、: 1、2月 is a range of months): 4.6月底前 is item 4, whose text
# begins 6月; 3.15日前 is item 3 (a quantity of days is written 天 or with 个 before 月)
_MONTH_AFTER_DOT = r"(?<=[.．])(?:(?:1[0-2]|[1-9])月|(?:3[01]|[12]\d|[1-9])日)"
_PRODUCT_AFTER = r"(?<=、)\d{1,3}\s*[×xX*＊]\s*\d"


class _CnValues(dict[str, "int | None"]):
    """The value of a Chinese numeral: the usual spellings looked up in C (filled in below, after
    ``cn_label``), any other read by ``cn_value`` (None when it is no number). Not stored: text is untrusted."""

    def __missing__(self, key: str) -> int | None:
        return cn_value(key)


_CN_COMMON = _CnValues()  # the usual spellings, looked up directly (``get`` never calls ``__missing__``)
_START_PATTERNS = (  # family, pattern, the value of the number it captures (a C call where it can be)
    ("cn-paren", re.compile(rf"{_LEAD}([（(])[ \u3000]*([{CN_NUM}]{{1,3}})[ \u3000]*([）)])([、，,.．]?)"
                            + _TITLE_AHEAD),
     _CN_COMMON.__getitem__),
    ("ar-paren", re.compile(rf"{_LEAD}([（(])[ \u3000]*(\d{{1,2}})[ \u3000]*([）)])([、，,.．]?){_TITLE_AHEAD}"), int),
    # 一， is a marker only before a Chinese character; a space typed before 、 (四 、加强……) is still the marker's
    # (一.3月底前……: an item whose text begins with a month, as 4.6月底前 is)
    ("cn", re.compile(rf"{_LEAD}()([{CN_NUM}]{{1,3}})()(?:[ \u3000](?=、))?([、.．]|[，,](?=[\u3400-\u9fff]))"
                      rf"(?!(?!{_MONTH_AFTER_DOT}){_RANGE}){_TITLE_AHEAD}"),
     _CN_COMMON.__getitem__),
    # 4．2024年预算表, 4.6月底前完成: an item whose text starts with a year or a month (a decimal is never
    # followed by 月 without 个); 1.5万元 is a number; "3，" is a number in a sentence
    # 2、4×50米接力: after 、 a product (a relay's legs, a court's size) is the item's text, not a second number
    # … and a space typed before the mark of an item's number (31 ．强化……), before a Chinese character, is the
    # marker's; 2、%;全社会…… is a viewer's page number over a page that opens in a figure's unit (1.5% is a number,
    # 2、% none)
    ("ar", re.compile(rf"{_LEAD}()(\d{{1,3}})()(?:[ \u3000](?=[.．、][\u3400-\u9fff]))?([.．、])"
                      rf"(?!(?!(?:19|20)\d\d年|{_MONTH_AFTER_DOT}|{_PRODUCT_AFTER})"
                      rf"(?:[\d.．]|(?<![、])[%％]))"
                      rf"(?!(?!{_MONTH_AFTER_DOT}){_RANGE}){_TITLE_AHEAD}"),
     int),
    ("circled", re.compile(rf"{_LEAD}()([{CIRCLED}])()(){_TITLE_AHEAD}"),
     {c: i for i, c in enumerate(CIRCLED, start=1)}.__getitem__),
    # （a）（b）: outside the GB/T 9704 order (no rank), common in project applications
    ("latin-paren", re.compile(rf"{_LEAD}([（(])[ \u3000]*([a-z])[ \u3000]*([）)])()(?=[\u3400-\u9fff]){_TITLE_AHEAD}"),
     {chr(ord("a") + i): i + 1 for i in range(26)}.__getitem__),
)
# inside a block a marker must follow a sentence end or white space, and only the
# unambiguous forms count: 一、 （一） 1. 1、 （1）; an item may open with a Roman numeral in Latin
# letters (3.I、II类违章 …), which a decimal never has before 、 or a Chinese character, or with a name a model
# text masked with stars (2、*变建设滞后), or with a year (附件：1.2025年任务清单: a decimal never has four digits
# before 年); one space may follow the mark before a Chinese character (4. 网上申请数, as a list copied from a web page
# writes it)
_INLINE_SOURCE = (
    # (not after a clock time's colon: 早餐7:00-8:30、中餐 holds no item 30、)
    rf"(?:(?<=[{SENTENCE_END}：:])(?<!\d[：:])|(?<=[{SENTENCE_END}：:][{CLOSERS}])|(?<=[ \t\u3000]))"
    rf"(?:([（(])([{CN_NUM}]{{1,3}})([）)])|([（(])(\d{{1,2}})([）)])|([{CN_NUM}]{{1,3}})(、)(?![{CN_NUM}])"
    rf"|(\d{{1,2}})([.．、])(?:[ \u3000](?=[\u3400-\u9fff]))?"
    rf"(?=[\u3400-\u9fff“\"《（(]|[IVX]{{1,4}}(?:[、，,]|[\u3400-\u9fff])|[*＊×]+[\u3400-\u9fff]|(?:19|20)\d\d年))"
)


class _AfterMark:
    """``pattern.finditer`` for a pattern whose matches all begin with a character of ``first``
    right after a character of ``before`` (what its look-behind demands): ``re`` skips in C to
    such a pair and the pattern is tried there alone. Item numbers begin at almost every line,
    and a filter on the first character alone stops at each of them."""

    __slots__ = ("_lead", "_pattern")

    def __init__(self, source: str, before: str, first: str) -> None:
        self._pattern = re.compile(source, re.MULTILINE)
        self._lead = re.compile(f"[{before}][{first}]")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        match, find = self._pattern.match, self._lead.search
        while (lead := find(text, max(pos - 1, 0), end)) is not None:
            m = match(text, lead.start() + 1, end)
            if m is None:
                pos = lead.start() + 2
                continue
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1


# inside a block a marker must follow a sentence end or white space (a closer after a sentence end)
_INLINE = _AfterMark(_INLINE_SOURCE, rf"{SENTENCE_END}：:{CLOSERS} \t\u3000", rf"（(\d{CN_NUM}")
_SEQ = PatternSet([
    rf"(?:^|(?<=[{SENTENCE_END}：:，, \t\u3000{CLOSERS}]))[ \t\u3000]*"
    rf"(?:([{CN_NUM}]{{1,3}})是|第([{CN_NUM}]{{1,3}})[，,、：:])"
])
# every _SEQ match holds one ordinal character: a 是 after a numeral or a 第 before one; re finds
# these plain characters in C far faster than the places a match may begin (every numeral, every blank)
_SEQ_SHI = re.compile(rf"是(?<=[{CN_NUM}]是)")
_SEQ_DI = re.compile(rf"第(?=[{CN_NUM}])")
_SEQ_BLANKS = " \t\u3000"


def cn_value(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 三十五 → 35; None for anything else."""
    known = _CN_COMMON.get(text)
    if known:
        return known
    if not text or any(c not in CN_NUM for c in text):
        return None
    if "十" not in text:
        return _CN_VALUE[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (_CN_VALUE[tens] if tens else 1) * 10 + (_CN_VALUE[ones] if ones else 0)


def cn_label(n: int) -> str:
    if n <= 0:
        return "〇"
    if n < 10:
        return "〇一二三四五六七八九"[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else "〇一二三四五六七八九"[tens]) + "十" + ("〇一二三四五六七八九"[ones] if ones else "")


_CN_COMMON.update({cn_label(n): n for n in range(1, 100)})


_SAME_PUNCT = {"．": ".", "，": ","}  # full-width forms of a marker's punctuation read as the half-width


class Marker(NamedTuple):
    """A numbering marker found in the text (a named tuple: a long report has thousands)."""

    block: int
    start: int  # offset of the first character of the label
    end: int  # one past the label, its trailing punctuation included
    family: str  # cn | cn-paren | ar | ar-paren | circled | heading
    value: int
    opener: str = ""
    closer: str = ""
    punct: str = ""
    inline: bool = False
    stray: str = ""  # why it is no numbering: "cut" (splits a sentence), "punct", "page" (page-number series)
    title: str = ""  # heading text after the label, up to the first sentence end
    intro: bool = False  # an inline 1 right after a colon (附件：1．…): it opens a list of its own
    loose: bool = False  # found where a marker is unusual (glued to a heading, 2。 for 2.): kept only if it fits
    scope: str = ""  # a pseudo item that opens a numbering scope: "part" (附件, 第X部分/章/条), "restart", "table"

    @property
    def rank(self) -> int:
        return RANKS.get(self.family, 0)

    @property
    def style(self) -> str:
        """Family plus trailing punctuation, bracket width ignored: ``ar.`` vs ``ar、``."""
        return self.family + _SAME_PUNCT.get(self.punct, self.punct)

    def label_for(self, value: int, punct: str | None = None) -> str:
        """This marker's label with another number (and optionally other punctuation)."""
        if self.family.startswith("cn"):
            num = cn_label(value)
        elif self.family == "circled" and 0 < value <= 20:
            num = CIRCLED[value - 1]
        elif self.family == "latin-paren" and 0 < value <= 26:
            num = chr(ord("a") + value - 1)
        else:
            num = str(value)
        return f"{self.opener}{num}{self.closer}{self.punct if punct is None else punct}"


class Item(NamedTuple):
    """A non-stray marker placed in the tree; ``parent`` indexes ``Outline.items`` (-1: top)."""

    marker: Marker
    parent: int
    depth: int
    mixed: bool = False  # joined its siblings although its family differs (（一） then 2.)


@dataclass(slots=True, repr=False)
class SeqToken:
    """An inline ordinal: 一是 / 第一，"""

    block: int
    start: int
    end: int
    kind: str  # "shi" (一是) | "di" (第一，)
    value: int


class Heading(NamedTuple):
    """A heading line: a numbered title, a Word heading style, or a short plain line (a named
    tuple, as Marker: a long report has thousands, made as plain tuples)."""

    block: int
    start: int
    end: int
    text: str
    level: int  # 0 when unknown (a plain short line)
    source: str  # "marker" | "style" | "plain"


@dataclass(slots=True, repr=False)
class Outline:
    """The numbering markers, items, sequences and headings found in a document."""
    markers: tuple[Marker, ...]
    items: tuple[Item, ...]
    sequences: tuple[SeqToken, ...]
    headings: tuple[Heading, ...]
    title: Heading | None
    children: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def children_of(self, parent: int) -> tuple[int, ...]:
        return self.children.get(parent, ())

    def parts(self) -> list[Marker]:
        """The markers that open a part of the document (附件, 第X部分/章/节/条: ``Marker.scope`` "part"), in order."""
        return sorted((it.marker for it in self.items if it.marker.scope == "part"), key=_PLACE)


_PLACE = attrgetter("block", "start")  # the sort key of markers and headings: (block, start), in C

# the title after a label: leading blanks, then everything up to a sentence end or a blank
_TITLE = re.compile(rf"\s*[^\s{SENTENCE_END}：:]*")


def _heading_text(text: str, start: int) -> str:
    """The title after a label: up to the first sentence end or white space (in a document
    pasted as one line, a space is all that separates a heading from what follows), at most
    40 characters; blanks right after the label are skipped. A title runs to the end of the
    text when no stop comes within 200 characters."""
    stop = _TITLE.match(text, start, start + 200).end()  # type: ignore[union-attr] # it matches empty text
    if stop == start + 200:
        stop = len(text)
    child = _GLUED_CHILD.search(text, start, min(stop, start + 41))
    if child is not None and child.start() - start >= 2:
        stop = child.start()  # 四、工作措施（一）省公司……: the title ends where its first sub-item is glued on
    title = text[start:stop].strip()
    return title if len(title) <= 40 else ""


# the label of a first sub-item glued to its heading in a text pasted as one line (（一）, (一), （1）, and 1. or 1、
# before a Chinese character)
_GLUED_CHILD = re.compile(r"[（(][一1][）)]|(?<![\d.．])1[.．、](?=[\u4e00-\u9fff])")


_RANGE_AFTER = re.compile(_RANGE)


def _counted_next(text: str, at: int, value: int) -> bool:
    """Whether ``text`` at ``at`` (after a Chinese numeral's 、 of value ``value``) holds the next number and 次 or 届:
    two numbers of meetings (八、九次会议), no item 八."""
    m = _NEXT_COUNTED.match(text, at)
    return m is not None and cn_value(m.group(1)) == value + 1


Candidate = tuple[str, re.Pattern[str], Callable[[str], "int | None"]]  # family, pattern, value of its number


def _find_candidates(first: str) -> tuple[Candidate, ...]:
    """The marker patterns a block can match, by its first visible character."""
    if first in "（(":
        return _START_PATTERNS[0], _START_PATTERNS[1], _START_PATTERNS[5]
    if first.isdecimal():  # ① … ⑨ are digits to str.isdigit, not decimals: they are circled markers
        return _START_PATTERNS[3:4]
    if first in CN_NUM:
        return _START_PATTERNS[2:3]
    if first in CIRCLED:
        return _START_PATTERNS[4:5]
    return ()


# the answers for the characters that open most blocks that hold a marker, looked up directly
_BY_FIRST = {c: _find_candidates(c) for c in "（(0123456789" + CN_NUM + CIRCLED}


# the marks that open a Markdown heading's line (## 一. 主要工作): its number follows them
_MD_HASHES = re.compile(r"#{1,6}[ \t]+")


def _block_start_marker(block: Block) -> Marker | None:
    text = block.text
    first = text[:1]
    pos = 0
    if first == "#" and block.kind == "heading" and (hashes := _MD_HASHES.match(text)):
        pos = hashes.end()
        first = text[pos:pos + 1]
    if first in _LEAD_CHARS:  # rare: copy the text only then
        first = text[pos:].lstrip(_LEAD_CHARS)[:1]
    candidates = _BY_FIRST.get(first)
    return _start_marker(block.index, text, _find_candidates(first) if candidates is None else candidates, pos)


_new_marker = tuple.__new__  # a Marker (or Item) with every field given: no call of the named tuple's __new__


def _start_marker(index: int, text: str, candidates: tuple[Candidate, ...], pos: int = 0) -> Marker | None:
    """The first of ``candidates`` that matches at the start of ``text`` (at ``pos``: after a Markdown heading's
    marks) with a number of value."""
    for family, pattern, value_of in candidates:
        m = pattern.match(text, pos)
        if not m:
            continue
        opener, num, closer, punct, blank, title = m.groups()
        value = value_of(num)
        if not value or (family == "cn" and _counted_next(text, m.end(4), value)):
            continue
        end = m.end()
        if len(blank) + len(title) >= 200:  # past _heading_text's window: its own reading
            title = _heading_text(text, end)
        elif len(title) > 40:
            title = ""
        # every pattern's first group follows the leading blanks
        return _new_marker(Marker, (index, m.start(1), end, family, value, opener, closer, punct, False, "",
                                    title, False, False, ""))
    return None


def _start_markers(blocks: tuple[Block, ...], residue: frozenset[int]) -> list[Marker]:
    """``_block_start_marker`` of every block outside ``residue``: the usual first characters of a
    marker looked up directly, every other one tested as ``_find_candidates`` does."""
    out = []
    by_first = _BY_FIRST
    for block in blocks:
        text = block.text
        first = text[:1]
        candidates = by_first.get(first)
        pos = 0
        if candidates is None:
            if not first or first == "\n":
                continue
            if first == "#" and block.kind == "heading" and (hashes := _MD_HASHES.match(text)):
                pos = hashes.end()  # ## 一. 主要工作: the number after a Markdown heading's marks
                first = text[pos:pos + 1]
            if first in _LEAD_CHARS:
                first = text[pos:].lstrip(_LEAD_CHARS)[:1]
            candidates = _find_candidates(first)
            if not candidates:
                continue
        if residue and block.index in residue:
            continue
        marker = _start_marker(block.index, text, candidates, pos)
        if marker is not None and not (marker.opener == "" and _ordinal_cut(blocks, block.index)):
            out.append(marker)
    return out


def _ordinal_cut(blocks: tuple[Block, ...], index: int) -> bool:
    """Whether the last line with text above block ``index`` ends with 第, the first character of an ordinal whose
    number a page's break carried to this line (安全第 / 一、预防为主: 第一, no heading 一、)."""
    for k in range(index - 1, max(-1, index - 3), -1):
        above = blocks[k].text.rstrip()
        if above:
            return above.endswith("第")
    return False


def _inline_marker(block: Block, m: re.Match[str], offset: int) -> Marker | None:
    """The marker an ``_INLINE`` match found in ``block`` (at ``offset`` in the joined text)."""
    g = m.groups()
    if g[1]:
        family, opener, num, closer, punct = "cn-paren", g[0], g[1], g[2], ""
    elif g[4]:
        family, opener, num, closer, punct = "ar-paren", g[3], g[4], g[5], ""
    elif g[6]:
        family, opener, num, closer, punct = "cn", "", g[6], "", g[7]
    else:
        family, opener, num, closer, punct = "ar", "", g[8], "", g[9]
    value = cn_value(num) if family.startswith("cn") else int(num)
    if not value:
        return None
    text, start, end = block.text, m.start() - offset, m.end() - offset
    intro = value == 1 and text[:start].rstrip().endswith(("：", ":"))
    return Marker(block.index, start, end, family, value, opener, closer, punct, True,
                  title=_heading_text(text, end), intro=intro)


def _ends_mid_sentence(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and "\u3400" <= stripped[-1] <= "\u9fff"


_SENTENCE_BREAK = re.compile(rf"[{SENTENCE_END}：:\s]")
# a few words set off by a space after a paragraph's last full stop (……的每一步。 内容来自:××写作网): a site's
# watermark or a note pasted onto the paragraph, which ends at the full stop; no sentence runs on into the next line
_APPENDED = re.compile(rf"[{SENTENCE_END}][ \u3000\t]+[^{SENTENCE_END}\s]{{1,16}}\s*$")


def _previous_block(blocks: tuple[Block, ...], i: int) -> int:
    """The index of the last non-blank block before block ``i`` (-1 when none)."""
    for j in range(i - 1, -1, -1):
        text = blocks[j].text
        if text and not text.isspace():
            return j
    return -1


# a sentence announcing the list after it whose colon was lost (现制定以下实施办法 / 一、总体要求; 具体要求如下): the
# marker opens that list, it does not cut the sentence
# a paragraph that announces a list (……如下, or a 现将/现就 clause: 现将全年工作情况报告, whose 。 may be missing)
_ANNOUNCES = re.compile(r"(?:(?:以下|如下|下列)[\u4e00-\u9fff]{0,8}|现[将就][^。！？!?；;，,]{2,20})\s*$")
# the announcement's 如下 after the marker, in its first clause (现将有关工作安排 / 一、部署如下，……): it goes on
_ANNOUNCED_AFTER = re.compile(r"[^。！？!?；;，,：:]{0,12}(?:如下|以下|下列)")


_SERIES = 3  # stray numbers that make a series of page numbers


def _without_tail(text: str, blocks: tuple[Block, ...], asked: list[str]) -> str:
    """``text`` without the watermark a site appended to its paragraphs (``repeated_tail``, worked out at the first
    call and kept in ``asked``)."""
    if not asked:
        asked.append(repeated_tail(blocks))
    tail = asked[0]
    stripped = text.rstrip()
    return stripped[:-len(tail)] if tail and stripped.endswith(tail) else text


def _block_openers(markers: list[Marker]) -> dict[int, Marker]:
    """The marker each block begins with (its first marker that is not inline)."""
    opening: dict[int, Marker] = {}
    for mk in markers:
        if not mk.inline:
            opening.setdefault(mk.block, mk)
    return opening


def _mark_stray(markers: list[Marker], blocks: tuple[Block, ...]) -> list[Marker]:
    """Flag markers that cut a sentence in two: page numbers of a paged viewer, pasting slips."""
    out = []
    series_strays = 0  # strays among block-start arabic markers, the only ones _page_number_series reads
    opening: dict[int, Marker] | None = None  # the marker a block begins with (made at the first "cut": most have none)
    after_sibling: list[int] = []  # places in ``out`` of "cut" markers whose paragraph before opens with the one before
    previous: Marker | None = None  # the marker before (any block)
    last_of: dict[str, int] = {}  # the value of the last block-start marker of each family
    stops: list[bool] = []  # ``has_sentence_ends``, asked once, at the first marker that seems to cut a sentence
    tails: list[str] = []  # ``repeated_tail``, asked once, at the first such marker
    for mk in markers:
        family = mk.family
        stray = ""
        heading_before, previous = _heads_run_into(previous, mk, blocks), mk
        sibling_before = not mk.inline and last_of.get(family) == mk.value - 1
        if not mk.inline:
            last_of[family] = mk.value
        if family == "cn" or family == "ar":
            text = blocks[mk.block].text
            after = text[mk.end:mk.end + 1]
            # (the marker's own mark typed twice, 2、、管理到位, is a slip of punctuation after a real item: T103)
            if after and after in "，,。.、；;：:" and after != mk.punct:
                stray = "punct"
        if not stray and not mk.inline:
            j = mk.block - 1 if mk.block and blocks[mk.block - 1].text.strip() else _previous_block(blocks, mk.block)
            prev = blocks[j].text if j >= 0 else ""  # most often the block just before
            if len(prev) >= 100 and _ends_mid_sentence(prev):
                # (a site's watermark after every paragraph, ……如下。××百科--为××助力, is no part of it)
                prev = _without_tail(prev, blocks, tails)
            # (not when the text has lost every sentence end, nor for a heading line that follows its sibling or opens
            # a list: the paragraph before only lacks its end mark, 三、…又快又好发展 / 二、工作目标, ……具体考核意见 /
            # 一、考核对象)
            if len(prev) >= 100 and _ends_mid_sentence(prev) and re.search(r"[。，,]", prev) \
                    and not _APPENDED.search(prev) \
                    and not (_ANNOUNCES.search(prev, len(prev) - 24)
                             and not _ANNOUNCED_AFTER.match(blocks[mk.block].text, mk.end)) \
                    and not _ends_in_heading(markers, j, prev) \
                    and not ((sibling_before or mk.value == 1)
                             and _HEADING_LINE.fullmatch(_without_tail(blocks[mk.block].text, blocks, tails), mk.end)) \
                    and _keeps_stops(blocks, stops):
                stray = "cut"
                opening = _block_openers(markers) if opening is None else opening
                sibling = opening.get(j)
                if sibling and sibling.family == family and sibling.value == mk.value - 1:
                    after_sibling.append(len(out))  # (一)…协作 / (二)开展: maybe an item without its end mark
        elif not stray and family == "ar":
            # what comes before, read near the marker: a sentence of 15 characters or more running into it
            # (its last 15 characters hold no sentence end); the whole paragraph only for a long blank run
            before = text[max(0, mk.start - 64):mk.start].rstrip()
            if len(before) < 16 and mk.start > 64:
                before = text[:mk.start].rstrip()
            since = before[-15:]
            if _ends_mid_sentence(before) and len(since) >= 15 and not _SENTENCE_BREAK.search(since) \
                    and not heading_before:
                stray = "cut"
        if stray:
            series_strays += family == "ar" and not mk.inline
            mk = Marker(mk.block, mk.start, mk.end, family, mk.value, mk.opener, mk.closer, mk.punct, mk.inline,
                        stray, "", mk.intro)
        out.append(mk)
    if 0 < len(after_sibling) < _SERIES:
        # a paged viewer numbers every page (1、…的长 / 2、效机制 / 3、…), each cutting a sentence; one or two such
        # in a list are items whose text before lacks its end mark (一个条目末尾漏了句号), numbered as they should be
        for k in after_sibling:
            series_strays -= markers[k].family == "ar"
            out[k] = markers[k]  # ``out`` holds one marker for each of ``markers``, in order
    # a series needs three strays: with fewer in all, none changes
    out = _fixed_chunks(_page_number_series(out) if series_strays >= _SERIES else out, blocks)
    return _pages_over_headings(out)


def _pages_over_headings(markers: list[Marker]) -> list[Marker]:
    """A number opening a paragraph (1、, 2.) whose paragraph holds two or more headings of the level above it (二、……。
    三、……) is a viewer's page number, not an item: an item never holds the parts of the level over its own (一、 ›
    （一） › 1. › （1）), while a pasted page begins with its number and runs on over the headings it holds. The numbers
    opening the next paragraphs in turn (2、 after such a 1、) are its next pages."""
    held: dict[int, int] = {}  # block → top-level headings inside it
    for mk in markers:
        if mk.inline and mk.family == "cn" and not mk.stray:
            held[mk.block] = held.get(mk.block, 0) + 1
    if not held:
        return markers
    out = []
    last: dict[str, int] = {}  # the value of the last page number of each style
    for mk in markers:
        if not mk.inline and mk.family == "ar" and not mk.stray and (
                held.get(mk.block, 0) >= 2 or last.get(mk.style) == mk.value - 1):
            last[mk.style] = mk.value
            mk = Marker(mk.block, mk.start, mk.end, mk.family, mk.value, mk.opener, mk.closer, mk.punct, mk.inline,
                        "page", "", mk.intro)
        out.append(mk)
    return out


_HEADING_RUN = 40  # characters of a heading run into the next item's marker at most


# a heading's text alone on its line after its number (工作目标, 强化组织保障): short, with no mark of a sentence
# a heading alone on its line after its label, two parts of it set apart by a comma at most (二、深入排查，摸清底数)
_HEADING_LINE = re.compile(r"\s*[\u4e00-\u9fff“”、]{2,24}(?:[，,][\u4e00-\u9fff“”、]{2,16})?\s*")
_STOPS_MIN = 300  # characters of a text that has lost every sentence end (a site that strips 。): long enough to tell


def _keeps_stops(blocks: tuple[Block, ...], asked: list[bool]) -> bool:
    """``has_sentence_ends(blocks)``, worked out at the first call and kept in ``asked``."""
    if not asked:
        asked.append(has_sentence_ends(blocks))
    return asked[0]


def has_sentence_ends(blocks: tuple[Block, ...]) -> bool:
    """Whether the text has its sentence ends, or is too short to tell: a text of 300 characters or more with commas
    and not one 。！？ has lost them all (a site or a converter stripped them), and a paragraph that stops without one
    is then no sign of a sentence cut by a number."""
    size = stops = commas = 0
    for b in blocks:
        text = b.text
        size += len(text)
        stops += text.count("。") + text.count("！") + text.count("？")
        commas += text.count("，") + text.count(",")
    return stops > 0 or size < _STOPS_MIN or commas < 8


def _heads_run_into(previous: Marker | None, mk: Marker, blocks: tuple[Block, ...]) -> bool:
    """Whether ``previous`` opens a heading that runs into ``mk`` in one paragraph (四、某某公司 1、根据……, a text
    stored on one line): a chapter marker (一、, （一）) close before it, with no sentence end between them; the
    heading ends with no mark, cutting no sentence. Or the item before in the same list, a short title with no mark
    (附件:1.报名表 2.流程示意图 3.汇总表): a list of names run on one line (page numbers stand a page
    apart)."""
    if previous is None or previous.block != mk.block or previous.stray:
        return False
    if previous.family not in ("cn", "cn-paren") and not (
            previous.family == mk.family == "ar" and previous.value == mk.value - 1):
        return False
    between = blocks[mk.block].text[previous.end:mk.start]
    return len(between) <= _HEADING_RUN and not any(ch in between for ch in "。！？；")


def _ends_in_heading(markers: list[Marker], index: int, text: str) -> bool:
    """Whether block ``index`` (``text``) ends in a heading run into it (……县财政局）　　三、强化保障): a marker after
    its last sentence's end opens a heading, which ends with no mark, cutting no sentence."""
    last = max(text.rfind(ch) for ch in "。！？；）)")
    return any(mk.block == index and mk.start > last and mk.family in ("cn", "cn-paren") for mk in markers)


_CHUNK_MIN = 150  # characters: a page of a sharing site's viewer, pasted as one line
# a document's title, ending in its kind, then a space and the text: how a viewer's first page opens; the title
# may be letter-spaced, a space after each character (安 全 应 急 预 案 为及时……), or carry the collection's count
# instead of the space (……实施方案通用(四篇)……)
# the words a document's title ends in, naming its kind (……工作方案, 在……上的讲话, ……专题党课)
TITLE_KINDS = ("方案", "总结", "报告", "计划", "规划", "要点", "意见", "通知", "办法", "制度", "细则", "预案", "讲话",
               "发言", "材料", "体会", "纪要", "提纲", "讲稿", "党课", "致辞", "主持词")
_TITLED_PAGE = re.compile(r"[ \u3000]*(?:[^\s，。；,;：:]{4,40}(?:" + "|".join(TITLE_KINDS)
                          + r")|(?:[\u4e00-\u9fff][ \u3000]){2,20}(?:"
                          + "|".join("[ \u3000]".join(k) for k in TITLE_KINDS) + r"))"
                          r"(?:(?:通用|精选|范文)?[（(](?:[一二三四五六七八九十\d]{1,3}|多)篇[)）][ \u3000]*"
                          r"|[ \u3000]+)\S")
_CHUNK_SLACK = 2  # characters a page's length may differ by (a space kept or dropped at its end)
_PAGE_ENDS = tuple(SENTENCE_END + CLOSERS + "：:")  # what ends an item's text; a viewer's page stops anywhere


def _fixed_chunks(markers: list[Marker], blocks: tuple[Block, ...]) -> list[Marker]:
    """A document-sharing site's viewer cuts the text into pages of one fixed length and numbers them 1、2、3、 at
    the start of each (…培养有理想、有本 / 2、领、有担当的…): three or more block-start arabic markers 1, 2, 3 … in
    consecutive paragraphs, all but the last paragraph of the same length of a page or more and most of them not
    ending a sentence (a page may stop at a bracket's close by chance), are page numbers — whatever text the first
    page begins with. A list's items are never cut to one length."""
    opening = [(i, mk) for i, mk in enumerate(markers) if not mk.inline and mk.family == "ar"]
    k = 0
    while k < len(opening):
        run = [opening[k]]
        while k + len(run) < len(opening):
            _, last = run[-1]
            i, mk = opening[k + len(run)]
            if mk.value != last.value + 1 or _previous_block(blocks, mk.block) != last.block:
                break
            run.append((i, mk))
        full = [blocks[mk.block].text.rstrip() for _, mk in run[:-1]]
        first = run[0][1]
        # … or the first page opens with the document's title run into its text (1、 城区环境整治工作方案 为进一步……):
        # no list's first item is a title with the text going on after it, on a page's length
        titled = len(run) >= 2 and first.value == 1 and min(map(len, full)) >= _CHUNK_MIN \
            and (_TITLED_PAGE.match(blocks[first.block].text, first.end) is not None
                 or _named_above(blocks, first) or _header_above(blocks, first))
        # … or a viewer's one page, the first arabic marker of the text, whose title a page header above names
        # (……活动方案_第1页 over 1、 ……活动方案为深化……): a list's first item never opens with the document's title
        alone = len(run) == 1 and k == 0 and first.value == 1 and len(blocks[first.block].text) >= _CHUNK_MIN \
            and _header_above(blocks, first)
        if titled or alone or (len(run) >= 3 and first.value == 1 and min(map(len, full)) >= _CHUNK_MIN
                      and max(map(len, full)) - min(map(len, full)) <= _CHUNK_SLACK
                      and sum(t.endswith(_PAGE_ENDS) for t in full) * 2 < len(full) + 1):
            for i, mk in run:
                markers[i] = Marker(mk.block, mk.start, mk.end, mk.family, mk.value, mk.opener, mk.closer, mk.punct,
                                    mk.inline, "page", "")
        k += len(run)
    return markers


_BOOK_TITLE = re.compile(r"《\s*([^《》\n]{4,60}?)\s*》")


def _named_above(blocks: tuple[Block, ...], first: Marker) -> bool:
    """Whether the text after ``first`` (a viewer's 1、) opens with the title that the line above names in 《》 (the
    site's line 《××工作报告》由会员分享…… over its first page, which runs the title into the text), or that line names
    a file (《××汇报.doc》由会员分享……): a document viewer's header over its pages."""
    j = _previous_block(blocks, first.block)
    if j < 0:
        return False
    text = blocks[first.block].text[first.end:].lstrip()
    return any(text.startswith(m.group(1)) or _FILE_NAME.search(m.group(1))
               for m in _BOOK_TITLE.finditer(blocks[j].text))


_TITLE_OPENING = re.compile(r"[^\s，。；,;：:“”《》（）()]{4,40}?(?:" + "|".join(TITLE_KINDS) + ")")
_HEADER_LINES = 12  # how far above a viewer's page its header lines may stand (a site's title, 第1页, its buttons)


def _header_above(blocks: tuple[Block, ...], first: Marker) -> bool:
    """Whether the text after ``first`` opens with a title (ending in a kind of document, ``TITLE_KINDS``) that a
    line above repeats: the page header of a viewer (……活动方案_第1页) over the first page, which runs the title into
    the text."""
    m = _TITLE_OPENING.match(blocks[first.block].text[first.end:].lstrip())
    if m is None:
        return False
    title = m.group()
    return any(title in blocks[j].text for j in range(max(0, first.block - _HEADER_LINES), first.block))


def _page_number_series(markers: list[Marker]) -> list[Marker]:
    """When most block-start markers of one style cut sentences, the series is a run of page
    numbers (a paged viewer's text): the few that happen to follow a full stop go too."""
    series: dict[str, list[int]] = {}
    for i, mk in enumerate(markers):
        if not mk.inline and mk.family == "ar":
            series.setdefault(mk.style, []).append(i)
    for members in series.values():
        strays = sum(bool(markers[i].stray) for i in members)
        if strays >= 3 and strays * 2 >= len(members):
            for i in members:
                mk = markers[i]
                if not mk.stray:
                    markers[i] = Marker(mk.block, mk.start, mk.end, mk.family, mk.value, mk.opener, mk.closer,
                                        mk.punct, mk.inline, "page", "")
    return markers


def find_markers(doc: Document, residue: frozenset[int] = frozenset(), body: Body | None = None) -> list[Marker]:
    """Markers at the start of blocks, then those inside blocks (one scan of the whole text)."""
    body = body or Body(doc.blocks)
    markers = _start_markers(doc.blocks, residue)
    opened: dict[int, int] | None = None  # an inline marker comes after a block's first (made at the first)
    inline = []
    for block, offset, m in body.finditer(_INLINE):
        if block.index in residue:
            continue
        marker = _inline_marker(block, m, offset)
        if marker is None:
            continue
        if opened is None:
            opened = {mk.block: mk.end for mk in markers}
        if marker.start >= opened.get(block.index, 0):
            inline.append(marker)
    if inline:
        markers = sorted(markers + inline, key=_PLACE)
    return _mark_stray(markers, doc.blocks)


# Loose markers: a first sub-item glued to its heading (二、存在的问题（一）基层…), a marker whose
# punctuation slipped (2。 or 7， where 2. is due). Found anywhere, kept only when they fit the
# list around them (the first child of the item just before, or the next number of an open list).
_LOOSE = PatternSet([
    rf"([（(])[ \u3000]*([{CN_NUM}]{{1,3}}|\d{{1,2}})[ \u3000]*([）)])(?=[\u3400-\u9fff“\"《])"
    # (an item may open with a Roman numeral of a class: 6. Ⅲ类放射源……)
    # (not after a multiplication sign: 3*1.8*2。 is a size, 2 its last figure)
    rf"|(?<![\d.．A-Za-z/\-:：第*＊×])(\d{{1,2}})([.．。，,、])(?=[\u3400-\u9fff“\"《]|[ \u3000]?[Ⅰ-ⅿ])"
    rf"|(?<=[\u3400-\u9fff.．）)])([{CN_NUM}]{{1,3}})(、)(?=[\u3400-\u9fff])"
    # 8.2021年投资计划, 5.2.5m人行道: an item whose text starts with a number, kept only between 7. and 9.
    rf"|(?<=[{SENTENCE_END}])(\d{{1,2}})([.．])(?=\d)"
])
# a numeral ending a word with the character before it is no loose marker: 第三, 之一, 统一, 唯一, 单一, 万一, and
# 举一反三、查缺补漏 / 再三 / 接二连三 / 独一无二 / 始终如一 / 专一 / 同一 / 逐一 / 合一 / 归一 / 划一 / 说一不二
_NUMERAL_WORD_HEADS = "第之统唯单万反再连无如专同逐合归划不"
_LOOSE_GLUE = 40  # a glued first child sits at most this far after its parent's label
# 附件, 第X部分/章/节/条/篇 open a numbering scope of their own (GB/T 9704-2012 §7.3.5: 附件 follow
# the body as documents of their own; regulations and multi-part documents number each part afresh)
# a mention inside a sentence (…；第二部分安排…) opens nothing: the heading stands alone or is
# followed by a space or a colon
_SCOPE = re.compile(
    rf"(?:^|(?<=[{SENTENCE_END}\s{CLOSERS}]))[ \t\u3000]*"
    rf"(附件[ \u3000]*[\d{CN_NUM}]{{0,3}}"
    rf"|第[{CN_NUM}百零〇\d]{{1,4}}(?:部分|章|节|条|篇)"
    rf")(?=[ \t\u3000:：]|$)"
    # a part or chapter heading glued to the line before (…2021年8月第一部分  总说明)
    rf"|(第[{CN_NUM}\d]{{1,3}}(?:部分|章|篇)|附件[ \u3000]?\d{{1,2}})(?=[ \u3000])"
    # … or an attachment's heading run into a pasted line with its title, the indent after it kept (……职责 附件1突发
    # 环境事件分级标准　　一、……)
    rf"|(?<=[{SENTENCE_END}\s{CLOSERS}\u3400-\u9fff])(附件[ \u3000]?\d{{1,2}})(?=[\u3400-\u9fff]{{2,40}}[ \u3000]{{2}})"
    # … or one with no number glued to the end of the body and to its own title, its first chapter right after that
    # (……（此件不公开发布。）附件述职报告（模板）一、……: a one-line text that kept no line break)
    rf"|(?<=[{SENTENCE_END}{CLOSERS}])(附件)(?=[^。；，,\n]{{2,40}}?一、)"
)


_SCOPE_WORD = re.compile("[第附]")


def _scope_matches(text: str) -> Iterator[re.Match[str]]:
    """``_SCOPE.finditer(text)``, the pattern tried only where a match can begin: every match holds a 第 or
    附件 right after the blanks it begins with (its ^ and look-behind take no character), so it begins at
    that 第 or 附 or in the blanks just before it. ``re`` alone finds no character to skip to and tries the
    pattern at every one (the paragraphs holding 第 or 附件 of the real texts, the dev corpus and a third of
    the batch corpus, reports pasted as one line among them: 16.9 -> 1.7 ms, min of 15; a ``PatternSet``
    took 0.8 ms once it had compiled five patterns for its split scans, 21 ms once per process)."""
    match, pos = _SCOPE.match, 0
    for word in _SCOPE_WORD.finditer(text):
        at = word.start()
        if at < pos:
            continue  # inside the match before
        blanks = at
        while blanks > pos and text[blanks - 1] in " \t\u3000":
            blanks -= 1
        for start in range(blanks, at + 1):
            m = match(text, start)
            if m is not None:
                yield m
                pos = m.end()
                break


_SCOPE_LINE = re.compile(
    rf"[ \t\u3000]*(附件[ \u3000]*[\d{CN_NUM}]{{0,3}}|第[{CN_NUM}百零〇\d]{{1,4}}(?:部分|章|节|篇))")


def find_loose(doc: Document, taken: set[tuple[int, int]], residue: frozenset[int] = frozenset(),
               body: Body | None = None) -> list[Marker]:
    """Candidate markers outside the usual positions; ``taken`` holds (block, start) of known ones.
    ``_LOOSE`` never matches across or next to a line break, so it runs once over the joined text."""
    out = []
    body = body or Body(doc.blocks)
    starts, blocks, last = body.starts, body.blocks, len(body.starts) - 1
    # known markers with nothing but blanks before them in their paragraph: no match runs into them
    openers = sorted([starts[b] + at for b, at in taken if b <= last and (not at or not blocks[b].text[:at].strip())])
    # Body.finditer without its paragraph checks: no match crosses a paragraph's end
    for m in _loose_matches(body.text, openers):
        i = body.block_at(m.start())
        block, offset = blocks[i], starts[i]
        if block.index in residue:
            continue
        start, end = m.start() - offset, m.end() - offset
        if (block.index, start) in taken or (block.index, start - 1) in taken:
            continue
        if m.group(2):
            before, after = block.text[start - 1:start], block.text[end:end + 1]
            if (before and before in "条款项》") or (after and after in "项款目"):
                continue  # 第三条(三)项: a citation of a clause, not an item
            num = m.group(2)
            family = "ar-paren" if num.isdigit() else "cn-paren"
            value = int(num) if num.isdigit() else cn_value(num)
            opener, closer, punct = m.group(1), m.group(3), ""
        elif m.group(4):
            family, value, opener, closer, punct = "ar", int(m.group(4)), "", "", m.group(5)
            if punct == "、" and _RANGE_AFTER.match(block.text, end):
                continue
        elif m.group(8):
            family, value, opener, closer, punct = "ar", int(m.group(8)), "", "", m.group(9)
        else:
            family, value, opener, closer, punct = "cn", cn_value(m.group(6)), "", "", "、"
            if _RANGE_AFTER.match(block.text, end) or block.text[start - 1:start] in _NUMERAL_WORD_HEADS \
                    or (value and _counted_next(block.text, end, value)):
                continue
        if value:
            out.append(Marker(block.index, start, end, family, value, opener, closer, punct, True,
                              title=_heading_text(block.text, end), loose=True))
    return out


def _loose_matches(text: str, openers: list[int]) -> Iterator[re.Match[str]]:
    """``_LOOSE.finditer(text)`` less the matches that begin at ``openers`` (ascending positions with
    nothing but blanks before them in their line). Most matches are the item numbers that open lines,
    found already as markers: only the text between two openers is searched. No match runs into an
    opener (a match holds no line break and ends with no blank), and none begins inside a match at an
    opener (a bracketed or dotted label holds no 、 after a Chinese numeral, no dot after a lone digit),
    so each search starts one past an opener."""
    lead, whole, pos = _loose_lead(), _LOOSE.pattern, 0
    for end in (*openers, len(text)):
        while (candidate := lead.search(text, pos, end)) is not None:  # a place where a match can begin
            m = whole.match(text, candidate.start(), end)
            if m is None:
                pos = candidate.start() + 1
                continue
            yield m
            pos = m.end()  # every _LOOSE match holds two characters or more
        pos = end + 1


@lru_cache(maxsize=1)
def _loose_lead() -> re.Pattern[str]:
    """Where a ``_LOOSE`` match can begin (``scan.first_chars``, as ``PatternSet`` filters): ``re`` skips there in C."""
    source = _LOOSE.pattern.pattern
    return re.compile(first_chars(source, re.MULTILINE) or source, re.MULTILINE)


def _blocks_holding(body: Body, words: tuple[str, ...]) -> list[Block]:
    """The paragraphs of ``body`` that hold one of ``words``, in order: ``str.find`` over the joined
    text (a word holds no line break, so it never spans two paragraphs)."""
    text, found = body.text, set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            i = body.block_at(at)
            found.add(i)
            at = text.find(word, body.starts[i] + len(body.blocks[i].text))  # on from the next paragraph
    return [body.blocks[i] for i in sorted(found)]


def find_scopes(doc: Document, residue: frozenset[int] = frozenset(), body: Body | None = None) -> list[Marker]:
    """Pseudo items for 附件 and 第X部分/章/节/条: each opens a numbering scope. Every _SCOPE_LINE and
    _SCOPE match holds 第 or 附件: only the paragraphs holding one are read."""
    out = []
    for block in _blocks_holding(body or Body(doc.blocks), ("第", "附件")):
        if block.index in residue or block.kind == "cell" or not block.text:
            continue
        line = _SCOPE_LINE.match(block.text)
        if line and len(block.text.strip()) <= 40 and not re.search(rf"[{SENTENCE_END}，,]", block.text):
            out.append(Marker(block.index, line.start(1), line.end(1), "heading", 0, title=block.text.strip(),
                              scope="part"))
            continue
        for m in _scope_matches(block.text):
            g = next(k for k in range(1, len(m.groups()) + 1) if m.group(k))  # the alternative that matched
            title = _heading_text(block.text, m.end(g))
            out.append(Marker(block.index, m.start(g), m.end(g), "heading", 0, title=m.group(g) + title,
                              scope="part"))
    return out


def _glued(top: Marker, ev: Marker, text: str) -> bool:
    """``ev`` follows ``top``'s label closely, with no sentence end between: a heading and its first item."""
    if top.block != ev.block or not 0 <= ev.start - top.end <= _LOOSE_GLUE:
        return False
    return not re.search(rf"[{SENTENCE_END}]", text[top.end:ev.start])


def _after_label(blocks: tuple[Block, ...], mk: Marker) -> bool:
    """Whether marker ``mk`` opens its line and the last line with text before it is a short label ending in a colon
    (结论：, 遗留问题：, 具体要求如下：): the label introduces a list of its own."""
    if not blocks or mk.block >= len(blocks) or blocks[mk.block].text[:mk.start].strip():
        return False
    for b in range(mk.block - 1, max(-1, mk.block - 3), -1):
        text = blocks[b].text.strip()
        if text:
            return len(text) <= 30 and text.endswith(("：", ":"))
    return False


def _indent(blocks: tuple[Block, ...], mk: Marker) -> int:
    """The indent of the line a marker opens (a tab counts four spaces); -1 for a marker inside its line."""
    if mk.block >= len(blocks):
        return -1
    lead = blocks[mk.block].text[:mk.start]
    return len(lead.expandtabs(4)) if not lead.strip() else -1


def build_tree(markers: list[Marker], style_headings: list[Heading],
               blocks: tuple[Block, ...] = (), indented: bool = False) -> tuple[list[Item], dict[int, tuple[int, ...]]]:
    """Place markers (given in reading order) in a tree. A marker joins the nearest open
    ancestor of its own family as a sibling; otherwise, when it continues the number of the
    item just above in another family (（一） then 2., both at line starts), it joins that item
    as a mixed-style sibling; otherwise it opens a child list under the item above. Word heading
    styles without a number close lists. Scope markers (附件, 第X部分/章/条) close every list; a list
    that starts again at 1 after two or more items opens a scope of its own (a forwarded
    document, a part whose heading was lost); each table is a scope of its own. Loose markers
    are kept only when they fit: the first child glued to the item just above, or the next
    number of an open list."""
    events: list[Marker | Heading] = [m for m in markers if not m.stray]
    if style_headings:  # into reading order (the markers come in it); a stable sort keeps the order of ties
        events += style_headings
        events.sort(key=_PLACE)
    items: list[Item] = []
    family_of: list[str] = []  # the family of each item's marker: the search for an open sibling reads it (per event)
    stacks: dict[int, list[int]] = {}  # scope (table number, 0 = body) -> its open items
    last_of: dict[tuple[int, str], int] = {}  # (scope, family) -> index of its latest item

    def push(mk: Marker, parent: int, stack: list[int], mixed: bool = False) -> int:
        items.append(_new_marker(Item, (mk, parent, len(stack), mixed)))
        family_of.append(mk.family)
        stack.append(len(items) - 1)
        return len(items) - 1

    evidence: list[dict[str, tuple[list[int], list[int]]]] = []  # made at the first question: most documents ask none

    def next_value(pos: int, family: str) -> int:
        """The number of the next marker of ``family`` after event ``pos`` (0: none)."""
        if not evidence:
            evidence.append(_markers_by_family(events))
        at, values = evidence[0].get(family, ((), ()))
        k = bisect_right(at, pos)  # type: ignore[arg-type]
        return values[k] if k < len(values) else 0

    joined: set[int] = set()  # tables whose cells carry on the body's numbering: a form holding the body

    def carries_body(mk: Marker, table: int) -> bool:
        """A marker in a table cell continues a list open in the body (二、 in a cell after the
        body's 一、) while no list of its style is open in the table itself."""
        if mk.scope or any(items[i].marker.family == mk.family for i in stacks.get(table, ())):
            return False
        return any(items[i].marker.family == mk.family and items[i].marker.value == mk.value - 1
                   for i in stacks.get(0, ()))

    known = len(blocks)
    for pos, ev in enumerate(events):
        block = blocks[ev.block] if ev.block < known else None
        scope = block.table or -1 if block is not None and block.kind == "cell" else 0
        if scope and (scope in joined or (isinstance(ev, Marker) and carries_body(ev, scope))):
            joined.add(scope)
            scope = 0
        stack = stacks.get(scope)
        if stack is None:
            stack = stacks[scope] = []
            if scope:
                push(Marker(ev.block, ev.start, ev.start, "heading", 0, scope="table"), -1, stack)
        base = 1 if scope else 0  # the table's pseudo item stays open
        if isinstance(ev, Heading):
            # a heading style closes the lists above it, except a numbered item whose list goes
            # on after the heading (四、 课题1 … 课题2 … 五、): the heading is inside that item,
            # unless a style heading of this level or higher is open above the item
            while len(stack) > base and _depth_level(items[stack[-1]].marker) >= ev.level:
                top = items[stack[-1]].marker
                if top.family != "heading" and next_value(pos, top.family) == top.value + 1 \
                        and not any(items[i].marker.family == "heading" and 0 < items[i].marker.value <= ev.level
                                    for i in stack[base:-1]):
                    break
                stack.pop()
            parent = stack[-1] if stack else -1
            push(Marker(ev.block, ev.start, ev.start, "heading", ev.level, title=ev.text), parent, stack)
            continue
        if ev.scope:
            del stack[base:]
            push(ev, stack[-1] if stack else -1, stack)
            continue
        same = None  # the nearest open item of this family
        family = ev.family
        for i in range(len(stack) - 1, base - 1, -1):
            if family_of[stack[i]] == family:
                same = i
                break
        if indented and same is not None and (own := _indent(blocks, ev)) >= 0:
            # Markdown nests a list by indenting it: the nearest open item of this family indented as much is its
            # sibling (the deeper ones above it close); one indented less is its parent, and this item begins a list
            # nested under it
            outer = next((i for i in range(len(stack) - 1, base - 1, -1) if items[stack[i]][0].family == family
                          and _indent(blocks, items[stack[i]][0]) <= own), None)
            if outer is not None and _indent(blocks, items[stack[outer]][0]) < own:
                del stack[outer + 1:]
                same = None
            else:
                same = outer
        if same is not None and family == "ar" and not ev.loose and not ev.inline:
            open_mk = items[stack[same]].marker
            if ev.value == 1 and same == len(stack) - 1 and not open_mk.inline and (
                    (open_mk.style != ev.style and _ends_in_colon(blocks, open_mk))
                    or (open_mk.value >= 2 and _heading_line(blocks, open_mk))):  # (1. then 1.: a repeat)
                # 2、模范带头作用： then 1.以身作则, or 2.活动内容的设计 (a heading alone on its line) then
                # 1.学习与讨论: a list the item introduces, not its list starting again
                last_of[scope, family] = push(ev, stack[-1], stack)
                continue
            if open_mk.value != ev.value - 1:
                # 3、 after that list's 4., or 3.活动的组织 after the sub-list's 3.: its sibling is the open item of its
                # own style numbered one less
                own = next((i for i in range(same - 1, base - 1, -1) if family_of[stack[i]] == family
                            and items[stack[i]].marker.style == ev.style
                            and items[stack[i]].marker.value == ev.value - 1), None)
                if own is not None:
                    same = own
        if ev.loose:
            text = block.text if block is not None else ""
            top = items[stack[-1]].marker if len(stack) > base else None
            first_child = (ev.value == 1 and top is not None and (top.family != "heading" or top.scope == "part")
                           and ev.rank > top.rank and _glued(top, ev, text))
            next_sibling = same is not None and items[stack[same]].marker.value == ev.value - 1 \
                and (ev.punct not in "。，," or ev.family != "ar" or _heading_like(text, ev))
            if text[ev.end:ev.end + 1].isdigit():
                next_sibling = next_sibling and next_value(pos, ev.family) == ev.value + 1
                first_child = False
            elif ev.family == "ar" and ev.punct in ".．、" and "\u3400" <= text[ev.start - 1:ev.start] <= "\u9fff":
                # 2. glued to a word (详见附件2.…) continues a list only when the next item follows
                next_sibling = next_sibling and next_value(pos, ev.family) == ev.value + 1
            # 一、 glued to the title at the top of the document, followed by 二、
            # (or a list starting again: a body after its table of contents)
            opens = ev.value == 1 and next_value(pos, ev.family) == 2 and not text[ev.end:ev.end + 1].isdigit() \
                and (top is None or top.scope == "part" or (same is not None and items[stack[same]].marker.value >= 2))
            if not (first_child or next_sibling or opens):
                continue
        if ev.intro:
            # 附件：1．… — the text before the colon introduces a list of its own
            parent = stack[-1] if stack else -1
            push(Marker(ev.block, ev.start, ev.start, "heading", 0), parent, stack)
            last_of[scope, ev.family] = push(ev, len(items) - 1, stack)
            continue
        if same is None and ev.value > 1:
            # no list of this style is open and this is no first item: its list began where a
            # marker was missed; a lower-level list above it (9. above 二、) is closed, by rank
            while len(stack) > base and items[stack[-1]].marker.family != "heading" \
                    and items[stack[-1]].marker.rank > ev.rank:
                stack.pop()
        if same is not None and ev.value == 1 and (items[stack[same]].marker.value >= 2 or _after_label(blocks, ev)
                                                   or items[stack[same]].marker.intro):
            # a list starting again: a new document or part whose heading is unmarked, or a list of one item
            # followed by another list under a label of its own (结论：1、… 遗留问题：… 结论：1、…), or after the
            # one item a colon introduced (附件：1.…名单, the other names run on without their numbers); one that
            # restarts again is a sibling of the last restart, not inside it
            if same > base and items[stack[same - 1]].marker.scope == "restart":
                same -= 1
            del stack[same:]
            parent = stack[-1] if stack else -1
            push(Marker(ev.block, ev.start, ev.start, "heading", 0, scope="restart"), parent, stack)
            last_of[scope, ev.family] = push(ev, len(items) - 1, stack)
            continue
        mixed = False
        if same is not None:  # a sibling of the open item of its family (most markers)
            parent = items[stack[same]].parent
            del stack[same:]
            stack.append(len(items))
            last_of[scope, family] = len(items)
            items.append(_new_marker(Item, (ev, parent, len(stack) - 1, False)))
            family_of.append(family)
            continue
        earlier = last_of.get((scope, ev.family))
        continues_cousins = (
            earlier is not None and len(stack) > base and items[earlier].marker.value == ev.value - 1
            and items[earlier].parent >= 0 and items[items[earlier].parent].parent == items[stack[-1]].parent
        )
        top = items[stack[-1]].marker if len(stack) > base else None
        if continues_cousins:
            parent = stack[-1]  # a child list that failed to restart (Word list continued)
        elif top is not None and top.family != "heading" and ev.value > 1 and top.value == ev.value - 1 \
                and not top.inline and not ev.inline and not ev.loose and abs(top.rank - ev.rank) == 1 \
                and not (ev.rank > top.rank and _child_after_all(next_value(pos, top.family), blocks, top, ev)):
            parent = items[stack[-1]].parent
            stack.pop()
            mixed = True
        else:
            parent = stack[-1] if stack else -1
        last_of[scope, ev.family] = push(ev, parent, stack, mixed)
    children: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        children.setdefault(it.parent, []).append(i)
    return items, {k: tuple(v) for k, v in children.items()}


def list_lead(blocks: tuple[Block, ...], outline: Outline, i: int) -> str:
    """The words that open the list of ``outline.items[i]``: the text before its first sibling's marker on that line,
    or else the last line with text above it (within three lines): 报名方式：, 汇报材料需要包括以下内容：. Empty when
    none."""
    items = outline.items
    mk = next((items[j].marker for j in outline.children_of(items[i].parent)), items[i].marker)
    before = blocks[mk.block].text[:mk.start]
    if before.strip():
        return before
    return next((b.text for b in reversed(blocks[max(0, mk.block - 3):mk.block]) if b.text.strip()), "")


def _child_after_all(following: int, blocks: tuple[Block, ...], top: Marker, ev: Marker) -> bool:
    """Whether ``ev``, a deeper marker numbered one past ``top`` ((一) then 2.), is a child of ``top`` after all rather
    than a sibling in another style: ``top``'s own list goes on with its next number further down (``following``,
    the next number of ``top``'s family: (一) 2. 3. (二) 9., one count running through every part), or ``top`` is a
    heading titled above ``ev`` and its list does not go on with ``ev``'s number after it."""
    return following == top.value + 1 or (following != ev.value + 1 and _titled_above(blocks, top, ev))


def _titled_above(blocks: tuple[Block, ...], top: Marker, ev: Marker) -> bool:
    """``top`` is a heading line (its label and title alone, no sentence end) with an unnumbered paragraph under it
    before ``ev``, a marker of the next lower level: 一、工作总结 / 抗疫情，保障安全 / （二）促增收 is a first sub-item
    that lost its label, not （二） in the style of 一、 (a list item with text, （一）有偏差。…… then 2., is; so is
    （二） when 三、 comes next: the caller asks)."""
    if not blocks or ev.block <= top.block + 1 or top.block >= len(blocks):
        return False
    text = blocks[top.block].text
    return bool(top.title) and text[top.end:].strip() == top.title and not text.rstrip().endswith(
        tuple(SENTENCE_END)) and any(blocks[b].text.strip() for b in range(top.block + 1, ev.block))


def _markers_by_family(events: list[Marker | Heading]) -> dict[str, tuple[list[int], list[int]]]:
    """family -> (positions in ``events``, values) of its markers; slipped arabic markers (2。 2、 glued)
    are no evidence of a list going on."""
    evidence: dict[str, tuple[list[int], list[int]]] = {}
    for pos, later in enumerate(events):
        if isinstance(later, Marker) and not later.scope \
                and not (later.loose and later.family == "ar" and later.punct in "。，,、"):
            found = evidence.get(later.family)
            if found is None:
                found = evidence[later.family] = ([], [])
            found[0].append(pos)
            found[1].append(later.value)
    return evidence


_HEADING_LINE_MAX = 16  # characters of a heading's title alone on its line (2.活动内容的设计)


def _heading_line(blocks: tuple[Block, ...], mk: Marker) -> bool:
    """Whether ``mk`` opens its line and the line holds a short title and nothing else: no sentence, no clause mark."""
    if mk.block >= len(blocks) or blocks[mk.block].text[:mk.start].strip():
        return False
    title = blocks[mk.block].text[mk.end:].strip()
    return 0 < len(title) <= _HEADING_LINE_MAX and not any(ch in "。；;，,：:！？!?" for ch in title)


def _ends_in_colon(blocks: tuple[Block, ...], mk: Marker) -> bool:
    """Whether the line of ``mk``'s item ends with a colon (2、模范带头作用：): it introduces what follows."""
    return mk.block < len(blocks) and blocks[mk.block].text.rstrip().endswith((":", "："))


def _heading_like(text: str, ev: Marker) -> bool:
    """After 2。 or 7， the text reads as an item: a clause of its own, not a number in a sentence."""
    return not re.match(r"[\d%％万亿元个年月日号时分秒]", text[ev.end:ev.end + 1])


def _depth_level(mk: Marker) -> int:
    """A style heading's level; numbered items sit below every heading level."""
    return mk.value if mk.family == "heading" else 99


def _seq_matches(text: str) -> Iterator[re.Match[str]]:
    """``_SEQ``'s matches in ``text``, as its ``finditer`` gives them, looked for only around each 是
    after a numeral and 第 before one (a match holds one of them, and only one). A match holding
    the ordinal at ``at`` begins no earlier than the blanks and numerals just before it and ends
    within it (是) or four characters after it (第 + three numerals + a mark): the pattern is
    searched in that window, from the end of the match before."""
    hits = sorted([m.start() for m in _SEQ_SHI.finditer(text)] + [m.start() for m in _SEQ_DI.finditer(text)])
    search, pos = _SEQ.pattern.search, 0
    for at in hits:
        if at < pos:
            continue  # inside the match before
        lo = at
        if text[at] == "是":
            while lo and text[lo - 1] in CN_NUM:
                lo -= 1
            end = at + 1
        else:
            end = at + 5
        while lo and text[lo - 1] in _SEQ_BLANKS:
            lo -= 1
        m = search(text, max(lo, pos), min(end, len(text)))
        if m is not None:
            yield m
            pos = m.end()


def find_sequences(doc: Document, body: Body | None = None) -> list[SeqToken]:
    out = []
    body = body or Body(doc.blocks)
    # a match holds no line break: each lies in one paragraph
    for m in _seq_matches(body.text):
        i = body.block_at(m.start())
        block, offset = body.blocks[i], body.starts[i]
        num = m.group(1) or m.group(2)
        value = cn_value(num)
        if value:
            kind = "shi" if m.group(1) else "di"
            start = m.start(1) if m.group(1) else m.start(2) - 1
            out.append(SeqToken(block.index, start - offset, m.end() - offset, kind, value))
    return _with_glued_firsts(doc, out)


# what stands before 一是 when 一 ends a word (统一是, 唯一是, 之一是, 同一是, 其一是): no series opens there
_WORD_BEFORE_ONE = frozenset("统唯单同专万之其第初十周逐划归均合整纯如星")


def _with_glued_firsts(doc: Document, tokens: list[SeqToken]) -> list[SeqToken]:
    """A series' 一是 run into the heading before it (二、存在的主要问题一是……。二是……), as a document pasted onto one
    line has it: ``_SEQ`` wants a mark or a blank before the numeral, so only 二是 was found. Taken when a run of the
    same paragraph opens with 二是 (or 三是, one skipped) and the character before 一 does not end a word with it."""
    found = list(tokens)
    by_block: dict[int, list[SeqToken]] = {}
    for t in tokens:
        if t.kind == "shi":
            by_block.setdefault(t.block, []).append(t)
    for index, listed in by_block.items():
        listed.sort(key=lambda t: t.start)
        text = doc.blocks[index].text
        for k, t in enumerate(listed):
            if not 2 <= t.value <= 3 or (k and listed[k - 1].value < t.value):
                continue  # not the opening of a run (二是 or, a number skipped, 三是), or 一是 was found before it
            lo = listed[k - 1].end if k else 0
            at = text.rfind("一是", lo, t.start)
            if at > 0 and "\u4e00" <= text[at - 1] <= "\u9fff" and text[at - 1] not in _WORD_BEFORE_ONE:
                found.append(SeqToken(index, at, at + 2, "shi", 1))
    if len(found) > len(tokens):
        found.sort(key=lambda t: (t.block, t.start))
    return found


def _is_plain_heading(blocks: tuple[Block, ...], i: int) -> bool:
    text = blocks[i].text.strip()
    if not 2 <= len(text) <= 30 or re.search(rf"[{SENTENCE_END}，,：:]", text):
        return False
    for j in range(i + 1, len(blocks)):  # the next non-empty block (no copy of the rest of the document)
        nxt = blocks[j].text.strip()
        if nxt:
            return len(nxt) > len(text)
    return False


TitleTest = Callable[[int], bool]
# the kinds of document a title ends in (GB/T 9704-2012 §7.3.1: 发文机关 + 事由 + 文种; and a deputy's or a CPPCC
# member's ……的建议, ……提案, as 人大代表建议 and 政协提案 are titled), and the years a plan covers
_KINDS = ("(?:报告|材料|讲话|总结|方案|简报|通知|请示|提纲|意见|汇报|规划|计划|办法|规定|细则|要点|预案"
          "|批复|决定|公告|通报|纪要|条例|章程|规则|决议|公报|的函|规范|指南|指引|的建议|提案"
          # … and the kinds of a speech (致辞, 讲话稿, 主持词: the texts of 讲话稿 and 致辞 collections)
          "|致辞|讲话稿|发言稿|演讲稿|主持词)")
_YEARS = r"(?:[（(][^（）()]{1,20}[）)])?"
_GLUED_TITLE = re.compile(rf"(?:\d{{1,3}}[、.．]\s*)?([^\s。，,；;：:！？]{{6,40}}{_KINDS})\s+\S")
# … or run into the first sentence with no space, right before the words a 公文's first sentence opens with (……伦理规范
# 为深入贯彻……, ……工作方案根据……) or a speech's salutation (……汇报材料尊敬的各位领导：), a sharing site's page number
# before it or not (1、……实施方案为……)
_RUN_ON_TITLE = re.compile(rf"(?:\d{{1,3}}[、.．]\s*)?([^\s。，,；;：:！？、]{{6,40}}?{_KINDS}{_YEARS})"
                           r"(?=为(?!期|主|了|准|重点|核心)|根据|按照|依据|现将|近年来|今年以来|(?:19|20)\d\d年|尊敬的"
                           # … or the number a collection gives each piece run in between (……自查报告1学校安全事关……)
                           # (not a contents line's page number before a heading: ……计划1一、指导思想)
                           r"|\d{1,2}(?![\d年月日号个项条次名人批期届]|[一二三四五六七八九十]、)(?=[\u4e00-\u9fff]))")
# … or wrapped in brackets by the page and run into the first sentence (【《学校食堂自查报告》】为切实加强……, or
# without the book-title marks: 【社区年度工作计划】为……, as model-text sites print the piece's title); a title that
# opens with a book-title mark (《……方案》政策解读) has no square brackets round it
_BRACKETED_TITLE = re.compile(r"[【\[](?=《[^《》]+》[】\]]|[^《》]+[】\]])"
                              rf"《?([^《》\s。，,；;：:！？【】\[\]]{{4,40}}{_KINDS})》?[】\]](?=\S)")
# a saved page's title line in a text file: a Markdown heading mark, the title, then after a wide space the page's
# fields on the same line (## 某某市关于……的报告   发布日期：…   字号：[大](…)); B101 reports the fields
_PAGE_TITLE_LINE = re.compile(rf"#{{1,3}}\s+([^\s。，,；;：:！？]{{6,60}}{_KINDS}{_YEARS})(?:\s{{2,}}|$)")
# the end of a title (关于印发《……》的通知), which may run long
_GENRE_END = re.compile(rf"{_KINDS}{_YEARS}\s*$")
# the title after a label (政策解读：××方案（2024—2026年）)
_LABELLED_TITLE = re.compile(rf"\s*([^\s。，,；;：:！？!?]{{6,60}}{_KINDS}{_YEARS})\s*")


# the label a sharing site puts after each piece's title in a collection (篇一:, 第二篇, （篇三）)
PIECE_TAIL = re.compile(r"\s*[（(]?(?:篇[一二三四五六七八九十\d]{1,3}|第[一二三四五六七八九十\d]{1,3}篇)[)）]?"
                         r"\s*[:：]?\s*$")


_NAMED_KIND = 8  # characters: a title that names its matter as well as its kind (工作报告 alone is a fragment)


_FILE_NAME = re.compile(r"\.(?:docx?|wps|pdf|txt|pptx?|xlsx?|ofd)\s*$", re.IGNORECASE)


# the place or body a news headline opens with before its colon (某某镇：, 某某县：, 市卫健委：); a field's label
# (发布时间：, 来源：) names no place
_PLACE_LABEL = re.compile(r"^\S{1,5}(?:省|市|县|区|镇|乡|村|街道|社区|局|委|院|校|厅|办)[:：]")
# … or the kind of a speech, a lecture or a piece of experience before the theme it is given (交流发言：, 专题党课：,
# 微党课：, 医院党课：, 微党课比赛稿：)
_KIND_LABEL = re.compile(r"^(?:交流|研讨|表态|典型|大会)?发言[:：]"
                         r"|^[\u4e00-\u9fff]{0,4}?(?:专题|微)?党课(?:讲稿|比赛稿|稿)?[:：]"
                         r"|^(?:心得|学习)?体会[:：]|^(?:经验|典型)(?:交流|材料)[:：]|^(?:讲话|讲稿|述职报告|调研报告)[:：]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HEADLINE_MIN = 8  # Chinese characters after the colon of such a headline


def find_title(doc: Document, skip: TitleTest) -> Heading | None:
    """The title block: the first short line without sentence punctuation before the body, passing over blocks that
    ``skip`` says are residue; or a title glued to the first line. A later short line before the body that ends in a
    kind of document (……的批复, ……实施方案) is the title rather than a first line that does not (an issuing body's
    name, a portal's switches or links over the page)."""
    seen = 0
    first: Heading | None = None
    for b in doc.blocks:
        text = b.text.strip()
        if not text or skip(b.index):
            continue
        seen += 1
        if seen > 12:
            break
        if b.kind == "title":
            return Heading(b.index, 0, len(b.text), text, 0, "style")
        start = len(b.text) - len(b.text.lstrip())
        if seen == 1 and b.kind == "heading" and b.level == 1 and text.startswith("# "):
            # a Markdown page opening with its one top heading: the writer marked the title (a 公告 line under the
            # title of a judicial interpretation is no later title)
            at = start + len(text) - len(text[1:].lstrip())
            return Heading(b.index, at, start + len(text), b.text[at:start + len(text)], 0, "style")
        paged = _PAGE_TITLE_LINE.match(text) if seen == 1 and text.startswith("#") else None
        if paged is not None:
            s = b.text.index(paged.group(1), start)
            return Heading(b.index, s, s + len(paged.group(1)), paged.group(1), 0, "plain")
        piece = PIECE_TAIL.search(text)
        if piece is not None and _GENRE_END.search(text, 0, piece.start()) and not re.search(
                r"[。；;！!？?，,]", text[:piece.start()]):
            # a collection's piece label after the title (××规划方案 篇一:, ××总结 第二篇): the title is before it
            return Heading(b.index, start, start + piece.start(), text[:piece.start()], 0, "plain")
        bracketed = _BRACKETED_TITLE.match(text)
        run_on = _RUN_ON_TITLE.match(text)
        glued = _GLUED_TITLE.match(text) or bracketed or run_on
        long = len(text) > 80 and not (len(text) <= 120 and _GENRE_END.search(text))  # a 印发《……》的通知 runs long
        # a headline's exclamation between its two parts (团结奋进，接续奋斗！某医院召开年度总结大会) ends no sentence:
        # a short line with no other sentence mark and no mark at its end is still a title
        inner = text[:-1] if text.endswith(("。", "；")) else text
        if len(inner) <= 40 and inner[-1:] not in "！!？?" and not re.search(r"[。；;？?]", inner):
            inner = inner.replace("！", "").replace("!", "")
        elif len(inner) <= 40 and not re.search(r"[。；;]", inner) and _subtitle_after(doc, b.index):
            inner = ""  # a speech's slogan title over its ——在……上的讲话 subtitle (欢迎你们来！): a title, no sentence
        elif len(inner) <= 40 and not re.search(r"[。！!？?]", inner) and _title_by_next(doc, b.index, text):
            inner = ""  # a theme of two parallel clauses (信仰如旗，凝聚……；理想如炬，照亮……): a title, no sentence
        elif len(inner) <= 40 and not re.search(r"[。；;！!？?]", inner[:-1]) and _news_lead_after(doc, b.index):
            inner = ""  # a news headline asking its question (……被问责？) over the story's lead (新华社消息，……)
        if long or re.search(r"[。；;！!？?]", inner):
            if first is None and glued and (len(text) > 80 or bracketed or run_on):
                s = b.text.index(glued.group(1))
                return Heading(b.index, s, s + len(glued.group(1)), glued.group(1), 0, "glued")
            return first  # the body started
        if first is None and bracketed and text.endswith(("：", ":")):
            # a page's bracketed title run into the salutation (【××开学典礼致辞】尊敬的各位老师：): the title, glued
            s = b.text.index(bracketed.group(1))
            return Heading(b.index, s, s + len(bracketed.group(1)), bracketed.group(1), 0, "glued")
        if _block_start_marker(b) or text.endswith(("。", "；", "，", ",", "：", ":")):
            if _block_start_marker(b) and not text.endswith(("。", "：", ":")) and len(text) < 60:
                return first  # a numbered heading opens the body
            continue
        if re.fullmatch(r"[\d\s:：/.\-年月日]+", text) or _FILE_NAME.search(text):
            continue  # a date, or a file's name a sharing site shows over its preview (镇防汛简报.docx): no title
        label = re.match(r"^\S{1,6}[:：]", text)
        if label:  # a field (发布时间：…), or a page's column label over the title (政策解读：××方案（2024—2026年）)
            titled = _LABELLED_TITLE.fullmatch(text, label.end())
            if titled:
                s = b.text.index(titled.group(1), start + label.end())
                return Heading(b.index, s, s + len(titled.group(1)), titled.group(1), 0, "plain")
            if (_PLACE_LABEL.match(text) or _KIND_LABEL.match(text)) and len(_HAN.findall(text, label.end())) \
                    >= _HEADLINE_MIN:
                # a news headline led by its place (某某镇：“四维联动”激活……新动能), or a speech's or a lecture's
                # theme after its kind (交流发言：党建引领……, 专题党课：不忘初心……): the whole line is the title
                first = first or Heading(b.index, start, start + len(text), text, 0, "plain")
            continue
        plain = Heading(b.index, start, start + len(text), text, 0, "plain")
        if len(text) >= _NAMED_KIND and _GENRE_END.search(text):
            return plain
        first = first or plain
    return first


_CAPTION = re.compile(r"\s*[图表]\s*[\d一二三四五六七八九十]")
# a subtitle under a main title: a dash, then the occasion or the kind (——在……会议上的讲话, ——××调研报告)
_SUBTITLE = re.compile(r"\s*(?:——|──|—|－－|--)\s*\S[^。；;！!？?]{1,58}$")


def _subtitle_after(doc: Document, index: int) -> bool:
    """Whether the next non-empty block after ``index`` is a subtitle line (——在……上的讲话)."""
    for b in doc.blocks[index + 1:index + 4]:
        if b.text.strip():
            return bool(_SUBTITLE.match(b.text))
    return False


# a speech's salutation or a notice's addressees alone on a line (同志们：, 各位领导、同志们：, 各乡镇人民政府：)
_SALUTATION = re.compile(r"\s*(?:[^。；;：:！!？?\s]{0,16}(?:同志们|朋友们|同学们|老师们|各位[^。；;：:！!？?\s]{1,8})"
                         r"|[^。；;：:！!？?\s]{0,24}(?:政府|部门|单位|局|委|办|乡镇|街道|学校|公司|院|所|处|科室|中心|党委|党组|"
                         r"支部))[：:]\s*$")


def _title_by_next(doc: Document, index: int, text: str) -> bool:
    """Whether the next non-empty block after ``index`` shows the short line ``text`` to be a title: the same line again
    (a page's heading over the article's own title), or a salutation or an addressee alone on its line, which a body
    follows and a title precedes."""
    for b in doc.blocks[index + 1:index + 4]:
        if b.text.strip():
            return b.text.strip() == text or bool(_SALUTATION.match(b.text))
    return False


# a news story's lead: the agency's or the paper's name with 讯, 电 or 消息 (新华社消息，…… 本报讯 ……)
_NEWS_LEAD = re.compile(r"\s*(?:本报|本网|本台|新华社|中新社|人民网|新华网|央视网|[^\s，。；：:,]{2,10}(?:网|社|报|台))"
                        r"[^\s，。；：:,]{0,10}?(?:讯|电|消息)")


def _news_lead_after(doc: Document, index: int) -> bool:
    """Whether the next non-empty block after ``index`` opens with a news story's lead (新华社消息，……)."""
    for b in doc.blocks[index + 1:index + 4]:
        if b.text.strip():
            return bool(_NEWS_LEAD.match(b.text))
    return False


def _reads_as_heading(text: str) -> bool:
    """A paragraph in a heading style (or with an outline level) that reads as one: short, no
    sentence inside, no figure or table caption. Body text given an outline level is common."""
    text = text.strip()
    return len(text) <= 40 and not re.search(rf"[{SENTENCE_END}]", text[:-1]) and not _CAPTION.match(text)


def build(doc: Document, residue: frozenset[int] = frozenset(), body: Body | None = None) -> Outline:
    body = body or Body(doc.blocks)
    markers = find_markers(doc, residue, body)
    typed = {mk.block for mk in markers if not mk.inline and not mk.stray}
    # a heading whose typed (or Word-rendered) number is its marker is that marker, never counted
    # twice; at a level where most headings carry a number, an unnumbered one is body text that
    # was given an outline level
    styled = [b for b in doc.blocks if b.kind == "heading" and b.level]
    numbered: dict[int, int] = {}
    for b in styled:
        numbered[b.level] = numbered.get(b.level, 0) + (1 if b.label or b.index in typed else -1)
    style_headings = [
        Heading(b.index, 0, len(b.text), b.text.strip(), b.level, "style")
        for b in styled
        if b.text.strip() and not b.label and b.index not in typed
        and _reads_as_heading(b.text) and numbered.get(b.level, 0) < 0
    ]
    taken = set(map(_PLACE, markers))  # (block, start) of each, made in C
    extra = find_loose(doc, taken, residue, body) + find_scopes(doc, residue, body)
    # find_markers gives the markers in reading order: most documents have no loose or scope marker to sort in
    events = sorted(markers + extra, key=_PLACE) if extra else markers
    items, children = build_tree(events, style_headings, doc.blocks, bool(doc.meta.get("markdown")))
    title = find_title(doc, lambda i: i in residue)
    headings: list[Heading] = []
    marked_blocks = set()
    blocks, append, mark, rank_of = doc.blocks, headings.append, marked_blocks.add, RANKS.get
    for it in items:  # a report has a marker in nearly every block: each field read once
        mk = it[0]
        family = mk.family
        if family == "heading":
            if mk.scope in ("restart", "table"):
                continue
            append(_new_marker(Heading, (mk.block, mk.start, len(blocks[mk.block].text), mk.title, mk.value, "style")))
        else:
            text = mk.title
            if text:
                append(_new_marker(Heading, (mk.block, mk.start, mk.end + len(text), text, rank_of(family, 0),
                                             "marker")))
        mark(mk.block)
    # the blocks left (most blocks of a numbered report hold a marker): set differences in C
    unmarked = set(range(len(doc.blocks))) - marked_blocks - residue
    if title:
        unmarked.discard(title.block)
    again = title.text if title else None  # the title printed a second time (a web page's header over its body)
    numbered = len(headings)  # the headings of items: in reading order already, as build_tree's events
    for i in sorted(unmarked):
        b = doc.blocks[i]
        if b.kind in ("paragraph", "cell") and _is_plain_heading(doc.blocks, b.index) and b.text.strip() != again:
            start = len(b.text) - len(b.text.lstrip())
            headings.append(Heading(b.index, start, start + len(b.text.strip()), b.text.strip(), 0, "plain"))
    if len(headings) > numbered:  # plain headings to sort in (a stable sort: a sorted list is kept as it is)
        headings.sort(key=_PLACE)
    return Outline(tuple(markers), tuple(items), tuple(find_sequences(doc, body)), tuple(headings), title, children)
