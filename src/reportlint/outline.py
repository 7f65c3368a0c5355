"""The document outline: numbering markers, their tree, headings and the title.

Rules read this; they never parse markers themselves. A marker is a position, not a
block: a document pasted as one unbroken line carries all its 一、（一）1. inside block 1.
GB/T 9704-2012 §7.3.3 fixes the order 一、 › （一） › 1. › （1）; the rank of a marker
family is its place in that order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from .model import Block, Document
from .scan import Body, PatternSet

CN_NUM = "一二三四五六七八九十"
_CN_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九", start=0)}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
SENTENCE_END = "。！？!?；;"
CLAUSE_END = SENTENCE_END + "：:，,、…"
CLOSERS = "”’」』》）)】〕"

RANKS = {"cn": 1, "cn-paren": 2, "ar": 3, "ar-paren": 4, "circled": 5}

_LEAD = r"[ \t\u3000\u00a0]*"
_START_PATTERNS = (
    ("cn-paren", re.compile(rf"{_LEAD}([（(])[ \u3000]*([{CN_NUM}]{{1,3}})[ \u3000]*([）)])([、，,.．]?)")),
    ("ar-paren", re.compile(rf"{_LEAD}([（(])[ \u3000]*(\d{{1,2}})[ \u3000]*([）)])([、，,.．]?)")),
    ("cn", re.compile(rf"{_LEAD}()([{CN_NUM}]{{1,3}})()([、，,.．])")),
    ("ar", re.compile(rf"{_LEAD}()(\d{{1,3}})()([.．、，,])(?![\d.．%％])")),
    ("circled", re.compile(rf"{_LEAD}()([{CIRCLED}])()()")),
)
# inside a block a marker must follow a sentence end or white space, and only the
# unambiguous forms count: 一、 （一） 1. 1、 （1）
_INLINE = PatternSet([
    rf"(?:(?<=[{SENTENCE_END}：:])|(?<=[{SENTENCE_END}：:][{CLOSERS}])|(?<=[ \t\u3000]))"
    rf"(?:([（(])([{CN_NUM}]{{1,3}})([）)])|([（(])(\d{{1,2}})([）)])|([{CN_NUM}]{{1,3}})(、)(?![{CN_NUM}])"
    rf"|(\d{{1,2}})([.．、])(?=[\u3400-\u9fff“\"《（(]))"
])
_SEQ = PatternSet([
    rf"(?:^|(?<=[{SENTENCE_END}：:，, \t\u3000{CLOSERS}]))[ \t\u3000]*"
    rf"(?:([{CN_NUM}]{{1,3}})是|第([{CN_NUM}]{{1,3}})[，,、：:])"
])
_HEADING_STOP = re.compile(rf"[{SENTENCE_END}：:]|(?<=\S)\s")


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


_CN_COMMON = {cn_label(n): n for n in range(1, 100)}  # the usual spellings, looked up directly


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

    @property
    def rank(self) -> int:
        return RANKS.get(self.family, 0)

    @property
    def style(self) -> str:
        """Family plus trailing punctuation, bracket width ignored: ``ar.`` vs ``ar、``."""
        punct = {"．": ".", "，": ","}.get(self.punct, self.punct)
        return f"{self.family}{punct}"

    def label_for(self, value: int, punct: str | None = None) -> str:
        """This marker's label with another number (and optionally other punctuation)."""
        num = cn_label(value) if self.family.startswith("cn") else (
            CIRCLED[value - 1] if self.family == "circled" and 0 < value <= 20 else str(value))
        return f"{self.opener}{num}{self.closer}{self.punct if punct is None else punct}"


class Item(NamedTuple):
    """A non-stray marker placed in the tree; ``parent`` indexes ``Outline.items`` (-1: top)."""

    marker: Marker
    parent: int
    depth: int
    mixed: bool = False  # joined its siblings although its family differs (（一） then 2.)


@dataclass(frozen=True, slots=True)
class SeqToken:
    """An inline ordinal: 一是 / 第一，"""

    block: int
    start: int
    end: int
    kind: str  # "shi" (一是) | "di" (第一，)
    value: int


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line: a numbered title, a Word heading style, or a short plain line."""

    block: int
    start: int
    end: int
    text: str
    level: int  # 0 when unknown (a plain short line)
    source: str  # "marker" | "style" | "plain"


@dataclass(frozen=True, slots=True)
class Outline:
    markers: tuple[Marker, ...]
    items: tuple[Item, ...]
    sequences: tuple[SeqToken, ...]
    headings: tuple[Heading, ...]
    title: Heading | None
    children: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def children_of(self, parent: int) -> tuple[int, ...]:
        return self.children.get(parent, ())


def _heading_text(text: str, start: int) -> str:
    """The title after a label: up to the first sentence end or white space (in a document
    pasted as one line, a space is all that separates a heading from what follows), at most
    40 characters."""
    m = _HEADING_STOP.search(text[start:start + 200])
    stop = start + m.start() if m else len(text)
    title = text[start:stop].strip()
    return title if len(title) <= 40 else ""


_RANGE_AFTER = re.compile(rf"[{CN_NUM}\d]+(?:[、，,]|季度|等|年级|类|级|档|批|期|月|号|个|项|名)")


def _candidates(first: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The marker patterns a block can match, by its first visible character."""
    if first in "（(":
        return _START_PATTERNS[:2]
    if first.isdigit():
        return _START_PATTERNS[3:4]
    if first in CN_NUM:
        return _START_PATTERNS[2:3]
    if first in CIRCLED:
        return _START_PATTERNS[4:5]
    return ()


def _block_start_marker(block: Block) -> Marker | None:
    text = block.text
    for family, pattern in _candidates(text.lstrip(" \t\u3000\u00a0")[:1]):
        m = pattern.match(text)
        if not m:
            continue
        opener, num, closer, punct = m.groups()
        value = cn_value(num) if family.startswith("cn") else (
            CIRCLED.index(num) + 1 if family == "circled" else int(num))
        if not value:
            continue
        if family == "cn" and punct in ",，" and not "\u3400" <= text[m.end():m.end() + 1] <= "\u9fff":
            continue
        if family == "ar" and punct in ",，":
            continue  # "3，" is a number in a sentence, not a marker
        if family in ("cn", "ar") and _RANGE_AFTER.match(text, m.end()):
            continue  # 一、二季度 / 1、2、3月 are enumerations of numbers, not markers
        lead = len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000\u00a0"))
        title = _heading_text(text, m.end())
        return Marker(block.index, lead, m.end(), family, value, opener, closer, punct, title=title)
    return None


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


def _mark_stray(markers: list[Marker], blocks: tuple[Block, ...]) -> list[Marker]:
    """Flag markers that cut a sentence in two: page numbers of a paged viewer, pasting slips."""
    out = []
    previous: list[str] = []  # the text of the last non-empty block before each block
    last = ""
    for b in blocks:
        previous.append(last)
        if b.text.strip():
            last = b.text
    for mk in markers:
        text = blocks[mk.block].text
        after = text[mk.end:mk.end + 1]
        stray = ""
        if after and after in "，,。.、；;：:" and mk.family in ("cn", "ar"):
            stray = "punct"
        elif not mk.inline:
            prev = previous[mk.block]
            if len(prev) >= 100 and _ends_mid_sentence(prev) and re.search(r"[。，,]", prev):
                stray = "cut"
        elif mk.family == "ar":
            before = text[:mk.start].rstrip()
            since = re.split(rf"[{SENTENCE_END}：:\s]", before)[-1] if before else ""
            if _ends_mid_sentence(before) and len(since) >= 15:
                stray = "cut"
        out.append(mk if not stray else Marker(mk.block, mk.start, mk.end, mk.family, mk.value, mk.opener,
                                               mk.closer, mk.punct, mk.inline, stray, "", mk.intro))
    return _page_number_series(out)


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
    by_block: dict[int, list[Marker]] = {}
    for block in doc.blocks:
        if block.index not in residue and block.text[:1] not in ("", "\n"):
            first = _block_start_marker(block)
            if first:
                by_block[block.index] = [first]
    for block, offset, m in body.finditer(_INLINE):
        if block.index in residue:
            continue
        marker = _inline_marker(block, m, offset)
        first = by_block.get(block.index)
        if marker and (not first or first[0].inline or marker.start >= first[0].end):
            by_block.setdefault(block.index, []).append(marker)
    markers = [mk for i in sorted(by_block) for mk in by_block[i]]
    return _mark_stray(markers, doc.blocks)


def build_tree(markers: list[Marker], style_headings: list[Heading]) -> tuple[list[Item], dict[int, tuple[int, ...]]]:
    """Place markers (given in reading order) in a tree. A marker joins the nearest open
    ancestor of its own family as a sibling; otherwise, when it continues the number of the
    item just above in another family (（一） then 2.), it joins that item as a mixed-style
    sibling; otherwise it opens a child list under the item above. Word heading styles
    without a number close lists."""
    events: list[tuple[int, int, Marker | Heading]] = [(m.block, m.start, m) for m in markers if not m.stray]
    if style_headings:  # markers come in reading order already
        events += [(h.block, h.start, h) for h in style_headings]
        events.sort(key=itemgetter(0, 1))
    items: list[Item] = []
    stack: list[int] = []
    last_of: dict[str, int] = {}  # family -> index of its latest item
    for _, _, ev in events:
        if isinstance(ev, Heading):
            while stack and _depth_level(items[stack[-1]].marker) >= ev.level:
                stack.pop()
            parent = stack[-1] if stack else -1
            mk = Marker(ev.block, ev.start, ev.start, "heading", ev.level, title=ev.text)
            items.append(Item(mk, parent, len(stack)))
            stack.append(len(items) - 1)
            continue
        if ev.intro:
            # 附件：1．… — the text before the colon introduces a list of its own
            parent = stack[-1] if stack else -1
            items.append(Item(Marker(ev.block, ev.start, ev.start, "heading", 0), parent, len(stack)))
            stack.append(len(items) - 1)
            items.append(Item(ev, len(items) - 1, len(stack)))
            stack.append(len(items) - 1)
            last_of[ev.family] = len(items) - 1
            continue
        same = next((i for i in range(len(stack) - 1, -1, -1) if items[stack[i]].marker.family == ev.family), None)
        mixed = False
        earlier = last_of.get(ev.family)
        continues_cousins = (
            earlier is not None and stack and items[earlier].marker.value == ev.value - 1
            and items[earlier].parent >= 0 and items[items[earlier].parent].parent == items[stack[-1]].parent
        )
        if same is None and continues_cousins:
            parent = stack[-1]  # a child list that failed to restart (Word list continued)
        elif same is not None:
            del stack[same + 1:]
            parent = items[stack[-1]].parent
            stack.pop()
        elif stack and items[stack[-1]].marker.family != "heading" and ev.value > 1 \
                and items[stack[-1]].marker.value == ev.value - 1:
            parent = items[stack[-1]].parent
            stack.pop()
            mixed = True
        else:
            parent = stack[-1] if stack else -1
        items.append(Item(ev, parent, len(stack), mixed))
        stack.append(len(items) - 1)
        last_of[ev.family] = len(items) - 1
    children: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        children.setdefault(it.parent, []).append(i)
    return items, {k: tuple(v) for k, v in children.items()}


def _depth_level(mk: Marker) -> int:
    """A style heading's level; numbered items sit below every heading level."""
    return mk.value if mk.family == "heading" else 99


def find_sequences(doc: Document, body: Body | None = None) -> list[SeqToken]:
    out = []
    for block, offset, m in (body or Body(doc.blocks)).finditer(_SEQ):
        num = m.group(1) or m.group(2)
        value = cn_value(num)
        if value:
            kind = "shi" if m.group(1) else "di"
            start = m.start(1) if m.group(1) else m.start(2) - 1
            out.append(SeqToken(block.index, start - offset, m.end() - offset, kind, value))
    return out


def _is_plain_heading(blocks: tuple[Block, ...], i: int) -> bool:
    text = blocks[i].text.strip()
    if not 2 <= len(text) <= 30 or re.search(rf"[{SENTENCE_END}，,：:]", text):
        return False
    nxt = next((b.text.strip() for b in blocks[i + 1:] if b.text.strip()), "")
    return len(nxt) > len(text)


TitleTest = Callable[[int], bool]
_GLUED_TITLE = re.compile(
    r"(?:\d{1,3}[、.．]\s*)?([^\s。，,；;：:！？]{6,40}"
    r"(?:报告|材料|讲话|总结|方案|简报|通知|请示|提纲|意见|汇报|规划|计划|办法))\s+\S"
)


def find_title(doc: Document, skip: TitleTest) -> Heading | None:
    """The title block: the first short line without sentence punctuation before the body,
    passing over blocks that ``skip`` says are residue; or a title glued to the first line."""
    seen = 0
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
        glued = _GLUED_TITLE.match(text)
        if len(text) > 80 or re.search(r"[。；;！!？?]", text[:-1] if text.endswith(("。", "；")) else text):
            if glued and len(text) > 80:
                s = b.text.index(glued.group(1))
                return Heading(b.index, s, s + len(glued.group(1)), glued.group(1), 0, "glued")
            return None  # the body started: no title
        if _block_start_marker(b) or text.endswith(("。", "；", "，", ",", "：", ":")):
            if _block_start_marker(b) and not text.endswith(("。", "：", ":")) and len(text) < 60:
                return None  # a numbered heading opens the body
            continue
        if re.fullmatch(r"[\d\s:：/.\-年月日]+", text) or re.match(r"^\S{1,6}[:：]", text):
            continue
        return Heading(b.index, start, start + len(text), text, 0, "plain")
    return None


def build(doc: Document, residue: frozenset[int] = frozenset(), body: Body | None = None) -> Outline:
    body = body or Body(doc.blocks)
    markers = find_markers(doc, residue, body)
    style_headings = [
        Heading(b.index, 0, len(b.text), b.text.strip(), b.level, "style")
        for b in doc.blocks
        if b.kind == "heading" and b.level and b.text.strip() and not b.label
    ]
    items, children = build_tree(markers, style_headings)
    title = find_title(doc, lambda i: i in residue)
    headings: list[Heading] = []
    marked_blocks = set()
    for it in items:
        mk = it.marker
        if mk.family == "heading":
            headings.append(Heading(mk.block, mk.start, len(doc.blocks[mk.block].text), mk.title, mk.value, "style"))
        elif mk.title:
            headings.append(Heading(mk.block, mk.start, mk.end + len(mk.title), mk.title, mk.rank, "marker"))
        marked_blocks.add(mk.block)
    for b in doc.blocks:
        if b.index in marked_blocks or b.index in residue or (title and b.index == title.block):
            continue
        if b.kind in ("paragraph", "cell") and _is_plain_heading(doc.blocks, b.index):
            start = len(b.text) - len(b.text.lstrip())
            headings.append(Heading(b.index, start, start + len(b.text.strip()), b.text.strip(), 0, "plain"))
    headings.sort(key=lambda h: (h.block, h.start))
    return Outline(tuple(markers), tuple(items), tuple(find_sequences(doc, body)), tuple(headings), title, children)
