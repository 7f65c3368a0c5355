"""N1 checks: the numbering of headings and items, read from the outline."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from operator import attrgetter, itemgetter

from ..context import Context
from ..durations import CLAIM_CORE, mismatches
from ..hookspecs import hookimpl
from ..model import Block, Finding, Rule
from ..outline import CN_NUM, SENTENCE_END, Item, Marker, Outline, SeqToken, cn_label, cn_value
from ..residue import elided, hidden_prompts
from ..scan import PatternSet, tail_scans
from ..textutil import open_tail, sentence_around


def _siblings(ctx: Context) -> list[tuple[int, list[Item]]]:
    """Each parent with its numbered children in order (style headings left out): listed once
    per document for the five checks that walk them (the lists are read, never changed)."""
    blocks = ctx.doc.blocks if ctx.doc.meta.get("markdown") else None
    return ctx.memo("numbering.siblings",  # type: ignore[no-any-return]
                    lambda: list(_sibling_lists(ctx.outline, blocks)))


def _sibling_lists(outline: Outline, markdown: tuple[Block, ...] | None = None) -> Iterator[tuple[int, list[Item]]]:
    """``markdown``: the blocks of a Markdown file, whose ordered list items (6. at a line's start, numbered by the
    renderer) and numbers typed in the text (1、) are lists apart: 4. 5. 会议摘要： 1、 2、 6. holds two lists."""
    for parent, kids in outline.children.items():
        # one parent may hold lists of two styles (a lost heading, a misread marker): each is
        # a list of its own, unless an item joined the list above it as a mixed style
        groups: dict[str, list[Item]] = {}
        last = ""
        for k in kids:
            it = outline.items[k]
            if it.marker.family == "heading":
                continue
            key = it.marker.family
            if markdown is not None and not it.marker.inline and _md_item(markdown[it.marker.block].text):
                key += "/markdown"
            key = last if it.mixed and last and last.endswith("/markdown") == key.endswith("/markdown") else key
            groups.setdefault(key, []).append(it)
            last = key
        for items in groups.values():
            yield parent, items


def _numbers_written_between(ctx: Context, prev: Marker, mk: Marker) -> bool:
    """Whether every number between ``prev`` and ``mk`` (arabic, 、) opens a line between them, in order: items whose
    text begins with a date (2、8月24日，……), which the outline reads as two months named together, not as items."""
    if mk.family != "ar" or not mk.punct:
        return False
    lines = [ctx.doc.blocks[i].text.lstrip(" \u3000") for i in range(prev.block + 1, mk.block)]
    wanted = [f"{v}{mk.punct}" for v in range(prev.value + 1, mk.value)]
    found = [line for line in lines if any(line.startswith(w) for w in wanted)]
    return [next(w for w in wanted if line.startswith(w)) for line in found] == wanted


def _label_written_between(ctx: Context, prev: Marker, mk: Marker) -> bool:
    """Whether the one label missing between ``prev`` and ``mk`` (八、 then 十、) is written between them after a clause
    mark or a line's start (……临时安排的工作,九、门卫…… after a lost full stop; 第三条”公司…… with a stray quote after
    it), or opens a short heading line without its mark (二总体目标): an item the outline did not read as one, not a
    number skipped. A label after a word (依照本办法第三条) is a reference to an item, no item."""
    if mk.value != prev.value + 2:
        return False
    blocks = ctx.doc.blocks
    labels = {prev.label_for(prev.value + 1), mk.label_for(prev.value + 1)}
    bare = prev.label_for(prev.value + 1, punct="")  # 二总体目标: a heading line whose 、 was lost
    for i in range(prev.block, mk.block + 1):
        text = blocks[i].text
        line = text.strip()
        if prev.block < i < mk.block and bare and line.startswith(bare) and len(line) <= _BARE_HEADING \
                and "\u4e00" <= line[len(bare):len(bare) + 1] <= "\u9fff" and not _SENTENCE_END.search(line):
            return True
        lo = prev.end if i == prev.block else 0
        hi = mk.start if i == mk.block else len(text)
        for label in labels:
            at = text.find(label, lo, hi)
            while at >= 0:
                if at == 0 or text[at - 1] in _CLAUSE_BEFORE or not text[:at].strip():
                    return True
                at = text.find(label, at + 1, hi)
    return False


_BARE_HEADING = 24  # characters of a heading line whose label lost its mark (二总体目标), at most
_SENTENCE_END = re.compile(f"[{SENTENCE_END}]")
_CLAUSE_BEFORE = frozenset("，,。.；;：:！!？?“”\"'‘’ \u3000\t")


def _lost_numeral(ctx: Context, prev: Marker, mk: Marker) -> int | None:
    """The one block between ``prev`` and ``mk`` (two apart: 二、 then 四、) that opens with the marker's mark and no
    numeral (、征集要求): the heading whose number was lost, or None."""
    if mk.value != prev.value + 2 or not mk.punct:
        return None
    found = [i for i in range(prev.block + 1, mk.block)
             if ctx.doc.blocks[i].text.lstrip(" \u3000").startswith(mk.punct) and i not in ctx.residue]
    return found[0] if len(found) == 1 else None


def _span(mk: Marker) -> tuple[int, int, int]:
    return mk.block, mk.start, mk.end


_MAX_BREAKS = 2  # a list with more breaks than this is misread or damaged: say nothing about it


def _breaks(items: list[Item]) -> list[tuple[str, Marker, Marker]]:
    """(kind, item, previous) for each break in a sibling list: "duplicate" (same number again),
    "repeat" (an earlier number again after a higher one), "skip", "backwards"."""
    out = []
    seen: set[int] = set()
    prev: Marker | None = None
    for it in items:
        mk = it.marker
        if prev is not None:
            if mk.value == prev.value:
                out.append(("duplicate", mk, prev))
            elif mk.value == prev.value - 1:
                # 一、二、三、二、 — one step back; a longer way back (2. after 8.) is a new list
                # whose first item was missed, not a numbering error
                out.append(("repeat" if mk.value in seen else "backwards", mk, prev))
            elif mk.value < prev.value:
                return []
            elif mk.value > prev.value + 1:
                out.append(("skip", mk, prev))
        seen.add(mk.value)
        prev = mk
    return out


_NUMERIC_ROW = re.compile(r"[\d\s,，.．%％\-—]+")
_SENTENCE_MARK = re.compile(r"[。，；;：:]")


def _table_like(ctx: Context, block: int) -> bool:
    """The block and the two non-empty ones either side are short cells without a sentence, one
    of them a row of figures: a table read out of a PDF, where columns interleave and row
    labels repeat by design. Asked for each marker by several rules: the answers and the
    non-empty blocks are kept per document (``ctx.cache``)."""
    known: dict[int, bool] = ctx.memo("numbering.table_like", dict)
    if block in known:
        return known[block]
    blocks = ctx.doc.blocks
    near = [blocks[block].text.strip()]
    if len(near[0]) <= 40 and not _SENTENCE_MARK.search(near[0]):  # most items are sentences: no table
        filled: list[int] = ctx.memo("numbering.filled",
                                     lambda: [b.index for b in ctx.doc.blocks if b.text.strip()])
        before, after = bisect_left(filled, block), bisect_right(filled, block)
        near += [blocks[i].text.strip() for i in (*filled[max(0, before - 2):before], *filled[after:after + 2])]
    known[block] = not any(len(t) > 40 or _SENTENCE_MARK.search(t) for t in near) \
        and any(_NUMERIC_ROW.fullmatch(t) for t in near)
    return known[block]


def check_sequence(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Walks each list of sibling items (same parent in the outline) and reports a number
    that repeats (``mode = "duplicate"``) or skips ahead (``mode = "skip"``), and a child list
    that carries on the count of the list before it where the document otherwise starts
    every child list at 1 (a Word list that failed to restart). A list with more than two
    breaks is misread or damaged (a page lost, markers garbled): it gets one finding at most,
    at its first break. A list starting again at 1 opens a new list, never an error.
    ## Parameters
    ``mode``: ``duplicate`` or ``skip``. A skip or a repeat across a line of web residue where the site hid part of
    the text (B101's ``hidden_patterns``: 此处隐藏2779字，下载后查看) is that part, not a numbering slip; in a site's
    preview of a document's head and tail (B101's ``elided_patterns``: 中间部分内容请查看图片预览) nothing is said.
    ## Example
    （三） followed by （三） → N101 with the suggestion （四）; 一、 then 三、 → N102."""
    mode = rule.params.get("mode", "duplicate")
    outline = ctx.outline
    lists, explained = _list_breaks(ctx)
    hidden = hidden_prompts(ctx)  # a site's prompt where it hid text (此处隐藏2779字，下载后查看)
    if lists and elided(ctx):
        return  # a preview of the head and tail: the count jumps where the middle went, at no place the text shows
    for breaks, orphans, items in lists:
        if orphans is not None:
            if mode == "skip":
                mk, pmk, nxt = orphans
                # one finding over the passage that lost its heading, up to the heading where the count
                # resumes (五、 and its title): the skip there is this same loss
                yield rule.finding(ctx.doc, mk.block, mk.start, _heading_end(outline, nxt), end_block=nxt.block,
                                   key="orphan", label=_shown(ctx, mk),
                                   first=mk.label_for(1), parent=_shown(ctx, pmk), after=_shown(ctx, nxt),
                                   missing=pmk.label_for(pmk.value + 1))
            continue
        for kind, mk, prev in breaks[:1]:
            if _span(mk) in explained:
                continue
            if hidden is not None and any(
                    hidden.search(ctx.doc.blocks[i].text) is not None for i in range(prev.block, mk.block + 1)):
                continue  # a site hid the text between (此处隐藏2779字，下载后查看, on a line of its own or inside a
                # paragraph): the missing items went with it, or the end of this list and the head of the next, whose
                # （三） follows this one's （四）
            if kind == "skip" and (_numbers_written_between(ctx, prev, mk) or _label_written_between(ctx, prev, mk)):
                continue  # 1、…… / 2、8月24日，…… / 5、: the numbers are there (the outline read 2、8月 as months), or
                # the label after a comma or before a stray mark (……工作,九、门卫……; 第三条”公司……)
            lost = _lost_numeral(ctx, prev, mk) if kind == "skip" else None
            if lost is not None:  # 二、…… / 、征集要求 / 四、……: the number was lost there, not skipped
                if mode == "skip":
                    expected = prev.label_for(prev.value + 1)
                    yield rule.finding(ctx.doc, lost, 0, len(ctx.doc.blocks[lost].text), key="lost",
                                       previous=_shown(ctx, prev), after=_shown(ctx, mk), expected=expected,
                                       suggestion=expected + ctx.doc.blocks[lost].text.lstrip()[1:])
                continue
            if kind == "duplicate" and mk.value == 1 and prev.punct and mk.punct and prev.punct != mk.punct:
                continue  # 1、 基本情况 / 1.…… 2.……: a list under the item in the other mark, or one level typed two
                # ways; which is unsure, and N106 speaks of the marks
            if kind == "duplicate" and mk.value == 1 and _COMPILED_TITLE.search(prev.title.strip()):
                continue  # 一、校长办公会议制度 / …… / 一、会议主要议题: the first is the title of one of several rules
                # compiled together, numbered as they are; the list inside it starts again
            expected = mk.label_for(prev.value + 1)
            if mode == "duplicate" and kind == "duplicate" and _same_line(ctx, prev, mk):
                line = ctx.doc.blocks[mk.block].text.strip()
                end = len(ctx.doc.blocks[mk.block].text.rstrip())
                adjacent = not any(ctx.doc.blocks[i].text.strip() for i in range(prev.block + 1, mk.block))
                yield rule.finding(ctx.doc, mk.block, mk.start, end, line=line, other=prev.block + 1,
                                   key="doubled_line" if adjacent else "repeated_line")
            elif mode == "duplicate" and kind == "duplicate" and _passage_again(ctx, prev, mk):
                line = ctx.doc.blocks[prev.block].text.strip()
                yield rule.finding(ctx.doc, mk.block, mk.start, mk.end + len(mk.title), line=line,
                                   other=prev.block + 1, key="repeated_passage")
            elif mode == "duplicate" and kind in ("duplicate", "repeat"):
                yield rule.finding(ctx.doc, *_span(mk), key="default" if kind == "duplicate" else "repeat",
                                   label=_shown(ctx, mk), previous=_shown(ctx, prev), expected=expected,
                                   suggestion=expected, autofix=_renumbered(ctx, mk, items, kind, expected))
            elif mode == "skip" and kind in ("skip", "backwards"):
                yield rule.finding(ctx.doc, *_span(mk), key="default" if kind == "skip" else "backwards",
                                   label=_shown(ctx, mk), previous=_shown(ctx, prev), expected=expected,
                                   suggestion=expected)
    if mode == "skip":
        yield from _continued_lists(ctx, rule)
    yield from _serial_columns(ctx, rule, mode)
    yield from _chapters(ctx, rule, mode)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _passage_again(ctx: Context, prev: Marker, mk: Marker) -> bool:
    """Whether the text from ``mk`` on is the passage from ``prev`` again, run into one paragraph: the line of
    ``prev`` and the start of the paragraph after it (一、2024 年工作计划 / （一）全力做好…… and, further down,
    一、2024年工作计划 （一）全力做好……: a site's abstract or a second paste of the text), spaces aside. The count did
    not go wrong there: the text is there twice."""
    blocks = ctx.doc.blocks
    if mk.block <= prev.block:
        return False
    first = _squeezed(blocks[prev.block].text[prev.start:])
    here = _squeezed(blocks[mk.block].text[mk.start:])
    if len(first) < 6 or len(here) <= len(first) or not here.startswith(first):
        return False
    follow = next((_squeezed(blocks[i].text) for i in range(prev.block + 1, mk.block) if blocks[i].text.strip()), "")
    return len(follow) >= 8 and here.startswith(follow[:8], len(first))


def _same_line(ctx: Context, prev: Marker, mk: Marker) -> bool:
    """Whether the item at ``mk`` is the line of ``prev`` again (三、评议结果 twice: pasted twice in a row, or with the
    passage it heads): lines to delete, not a number to change."""
    blocks = ctx.doc.blocks
    return mk.block > prev.block and blocks[mk.block].text.strip() == blocks[prev.block].text.strip()


# a chapter heading on a line of its own (第三章 会员, 【第四章 工作纪律】): the chapters of a 章程, 办法 or 条例 run
# 第一章, 第二章 … through the document (a second document, an attachment, starts again at 第一章)
_CHAPTER = re.compile(r"[\s\u3000]*[【\[]?[\s\u3000]*第([一二三四五六七八九十]{1,3})章(?=[\s\u3000】\]]|$)")
_CHAPTER_TITLE = 30  # characters after the label, at most: a longer line is a sentence that names a chapter
# an article opening its paragraph (第十二条　会员……, 第三条：…, **第五条** …): the articles of a 章程, 办法 or 条例
# run 第一条, 第二条 … through the document, or start again under each chapter; 第十条之一 (an article added by an
# amendment) and 第三条规定 (a sentence) have no blank or colon after 条; a quotation mark that slipped there
# (第三条”公司……: the mark of a quotation further on) leaves the article one
_ARTICLE = re.compile(r"[\s\u3000]*(?:#{1,6}[ \t]*)?(?:\*\*)?[【\[]?第([一二三四五六七八九十百零〇]{1,7})"
                      r"(?:[ \u3000]条|条(?=[\s\u3000：:】\]”“\"]|\*\*|$))")  # 第十八　条侦查……: its blank slipped left


def _article_label(n: int) -> str:
    """1 → 一, 105 → 一百零五, 110 → 一百一十: the numerals of law-style article numbers up to 999."""
    if n < 100:
        return cn_label(n)
    hundreds, rest = divmod(n, 100)
    digits = "〇一二三四五六七八九"
    tail = "" if not rest else "零" + digits[rest] if rest < 10 else (digits[rest // 10] + "十" +
                                                                        (digits[rest % 10] if rest % 10 else ""))
    return digits[hundreds] + "百" + tail


@cache
def _article_values() -> dict[str, int]:
    """Every article numeral up to 999 (一百零五 also as 一百〇五) and its value: built when a document has articles
    (a millisecond, spared from every start-up)."""
    return {**{_article_label(n): n for n in range(1, 1000)},
            **{_article_label(n).replace("零", "〇"): n for n in range(101, 1000)}}


def _chapters(ctx: Context, rule: Rule, mode: str) -> Iterator[Finding]:
    """A chapter or article number that repeats (N101) or skips (N102) the one before it, over the chapter headings
    and the articles of the document; as with any list, only the first break of a run is said (what follows may be
    its consequence), and a run with more than ``_MAX_BREAKS`` breaks is misread, not reported. A run of articles
    is one only when it starts at 第一条: scattered articles quoted from a law (第五条…第九条) are no list."""
    text = ctx.body.text
    if "章" in text:
        yield from _labelled_runs(ctx, rule, mode, "章", _chapter_runs(ctx))
    if "条" in text:
        yield from _labelled_runs(ctx, rule, mode, "条", [run for run in _article_runs(ctx) if run[0][2] == 1])


_Run = list[tuple[Block, re.Match[str], int]]


def _labels(ctx: Context, unit: str, pattern: re.Pattern[str]) -> Iterator[tuple[Block, re.Match[str]]]:
    """The blocks of text (no residue, no table cell) that open with ``pattern``'s label of ``unit`` (章, 条)."""
    for b in ctx.doc.blocks:
        if unit in b.text and b.index not in ctx.residue and b.kind != "cell" and (m := pattern.match(b.text)):
            yield b, m


def _chapter_runs(ctx: Context) -> list[_Run]:
    runs: list[_Run] = []
    for b, m in _labels(ctx, "章", _CHAPTER):
        rest = b.text[m.end():]
        if len(rest) - sum(map(str.isspace, rest)) > _CHAPTER_TITLE or re.search(r"[。；;]", rest):
            continue
        value = cn_value(m.group(1))
        if not value:
            continue
        if value == 1 or not runs:
            runs.append([])
        runs[-1].append((b, m, value))
    return runs


# an article inside a paragraph, after the one before (a law pasted as one line: ……制定本办法。第二条　本办法适用于……,
# 第一章　总则第一条　为了……): the blank after 条 tells it from a citation in a sentence (依照本办法第九条规定,
# 第五条、第七条)
_ARTICLE_GLUED = re.compile(r"(?<![、和及与或至到])第([一二三四五六七八九十百零〇]{1,7})条(?=[ \u3000])")


def articles(ctx: Context) -> list[tuple[Block, re.Match[str]]]:
    """The articles (第N条) in document order, read once per document (N101, N102 and the measures rules ask):
    each paragraph's opening label (``_ARTICLE``), then the labels glued inside it (``_ARTICLE_GLUED``) when it holds
    two or more of them, as a law stored on one line does; one alone counts only right after a full stop, since
    elsewhere it may be a citation with a stray blank."""
    return ctx.memo("numbering.articles", lambda: list(_find_articles(ctx)))  # type: ignore[no-any-return]


def _find_articles(ctx: Context) -> Iterator[tuple[Block, re.Match[str]]]:
    for b in ctx.doc.blocks:
        if "条" not in b.text or b.index in ctx.residue or b.kind == "cell":
            continue
        first = _ARTICLE.match(b.text)
        if first:
            yield b, first
        glued = [m for m in _ARTICLE_GLUED.finditer(b.text, first.end() if first else 0)]
        if len(glued) < 2:  # one alone counts only where a sentence has just ended (never inside a citation)
            glued = [m for m in glued if b.text[:m.start()].rstrip(" \u3000")[-1:] in ("。", "；", "")]
        if glued and "。第" in b.text:
            glued = _with_bare_labels(b.text, first, glued)
        yield from ((b, m) for m in glued)


# an article's label with its blank lost, right after a full stop (。第四条达到……: a PDF line ended after the label
# and its blank was dropped with the line's end)
_ARTICLE_BARE = re.compile(r"(?<=。)第([一二三四五六七八九十百零〇]{1,7})条(?![ \u3000])")


def _with_bare_labels(text: str, first: re.Match[str] | None, glued: list[re.Match[str]]) -> list[re.Match[str]]:
    """``glued`` with the labels of ``_ARTICLE_BARE`` that follow the article before them in sequence (第三条……。
    第四条达到): a sentence opening with a citation of the next article is rare, one of another article is kept out."""
    values = _article_values()
    bare = list(_ARTICLE_BARE.finditer(text, first.end() if first else 0))
    if not bare:
        return glued
    out: list[re.Match[str]] = []
    last = values.get(first.group(1)) if first else None
    for m in sorted([*glued, *bare], key=lambda m: m.start()):
        value = values.get(m.group(1))
        if m.re is _ARTICLE_GLUED or (value is not None and last is not None and value == last + 1):
            out.append(m)
            last = value
    return out


def _article_runs(ctx: Context) -> list[_Run]:
    runs: list[_Run] = []
    for b, m in articles(ctx):
        value = _article_values().get(m.group(1))
        # a number not read ends the run (nothing is compared across it); 第一条 opens a new one, unless it follows
        # another 第一条 with no heading between (the second is the duplicate)
        if value is None or not runs or (value == 1 and not (
                runs[-1] and runs[-1][-1][2] == 1 and not _heading_between(ctx, runs[-1][-1][0].index, b.index))):
            runs.append([])
        if value is not None:
            runs[-1].append((b, m, value))
    return [run for run in runs if run]


def _heading_between(ctx: Context, first: int, last: int) -> bool:
    """Whether a short line with no full stop (a chapter's or a part's heading: 第二章 会员, 【附则】) stands between
    blocks ``first`` and ``last``."""
    return any(0 < len(t := b.text.strip()) <= 20 and not re.search(r"[。；;]", t)
               for b in ctx.doc.blocks[first + 1:last])


def _labelled_runs(ctx: Context, rule: Rule, mode: str, unit: str, runs: list[_Run]) -> Iterator[Finding]:
    label_of = _article_label if unit == "条" else cn_label
    for run in runs:
        breaks = [(cur, prev) for prev, cur in pairwise(run) if cur[2] != prev[2] + 1]
        if not breaks or len(breaks) > _MAX_BREAKS:
            continue
        (b, m, value), (_, pm, before) = breaks[0]
        kind = "duplicate" if value == before else "skip" if value > before + 1 else ""
        if (mode == "duplicate") != (kind == "duplicate") or not kind:
            continue
        label = f"第{m.group(1)}{unit}"
        expected = f"第{label_of(before + 1)}{unit}"
        start = m.start(1) - 1
        if kind == "skip" and value == before + 2:
            slip = _mistyped_label(ctx, breaks[0][1][0], pm, b, m, f"第{label_of(before + 1)}", unit)
            if slip is not None:  # ……。第八天 职工……: the missing 第八条 is there, its 条 mistyped
                at, where = slip
                yield rule.finding(ctx.doc, where.index, at, at + len(expected), key="mistyped",
                                   label=where.text[at:at + len(expected)], expected=expected, suggestion=expected)
                continue
        yield rule.finding(ctx.doc, b.index, start, m.end(), key="default", label=label,
                           previous=f"第{pm.group(1)}{unit}", expected=expected, suggestion=expected)


def _mistyped_label(ctx: Context, prev: Block, pm: re.Match[str], b: Block, m: re.Match[str], stem: str,
                    unit: str) -> tuple[int, Block] | None:
    """Where the label between two articles that skip one (第七条 …… 第九条) was written with a wrong last character
    (第八天, 第八余): ``stem`` (第八) after a sentence's end or at a line's start, then a Chinese character other than
    ``unit`` and a blank. (offset, block), or None."""
    blocks = ctx.doc.blocks
    for i in range(prev.index, b.index + 1):
        text = blocks[i].text
        lo = pm.end() if i == prev.index else 0
        hi = m.start() if i == b.index else len(text)
        at = text.find(stem, lo, hi)
        while at >= 0:
            after = text[at + len(stem):at + len(stem) + 2]
            if (len(after) == 2 and after[0] != unit and "\u4e00" <= after[0] <= "\u9fff" and after[1] in " \u3000"
                    and text[:at].rstrip(" \u3000")[-1:] in ("。", "；", "")):
                return at, blocks[i]
            at = text.find(stem, at + 1, hi)
    return None


Breaks = list[tuple[str, Marker, Marker]]


def _list_breaks(ctx: Context) -> tuple[list[tuple[Breaks, tuple[Marker, Marker, Marker] | None, list[Item]]],
                                        set[tuple[int, int, int]]]:
    """Each sibling list's breaks worth reporting and its orphans (see ``_orphans``), and the
    spans those orphans explain: read once per document for both modes (N101 and N102)."""
    return ctx.memo("numbering.breaks", lambda: _find_list_breaks(ctx))  # type: ignore[no-any-return]


def _find_list_breaks(ctx: Context) -> tuple[list[tuple[Breaks, tuple[Marker, Marker, Marker] | None, list[Item]]],
                                             set[tuple[int, int, int]]]:
    lists = []
    for parent, items in _siblings(ctx):
        breaks = _breaks(items)
        if len(breaks) > _MAX_BREAKS or sum(kind == "duplicate" for kind, _, _ in breaks) > 1:
            continue  # misread, damaged, or two table columns read as one (一、一、二、二、)
        # a break that rests on a marker found glued to the text before it is too weak to report
        breaks = [b for b in breaks if not _table_like(ctx, b[1].block)
                  and not (b[0] != "skip" and (b[1].loose or b[2].loose)) and not _renumbered_by_markdown(ctx, *b[1:])
                  and not (b[0] == "skip" and _glued_to_a_figure(ctx, b[2], b[1]))]
        lists.append((breaks, _orphans(ctx.outline, parent, items, breaks), items))
    # the parent's skip (三、 then 五、) is the same lost passage the orphan finding names: one finding
    explained = {_span(o[2]) for _, o, _ in lists if o is not None}
    return lists, explained


def _glued_to_a_figure(ctx: Context, prev: Marker, mk: Marker) -> bool:
    """Every number a skip misses opens a line between the two items, glued to a figure that begins its title
    (11.121人才梯队项目: read as the decimal 11.121, so no item) or split into sub-numbers (6-1.…告知书 / 6-2.…, an
    attachment list's parts of one number): the list is whole, the number is not missing."""
    if mk.family != "ar" or mk.block - prev.block > 40:
        return False
    lines = [ctx.doc.blocks[b].text.lstrip(" \t\u3000") for b in range(prev.block + 1, mk.block)]
    return all(any(re.match(rf"{value}(?:[.．]|\s*[-－—–]\s*)\d", line) for line in lines)
               for value in range(prev.value + 1, mk.value))


_MD_ORDERED = re.compile(r"( {0,3})\d{1,9}([.)])[ \t]")  # a CommonMark ordered list item's line (spec 0.31, 5.2)


def _md_item(text: str) -> tuple[int, str] | None:
    """The indent and the delimiter of a line that opens a CommonMark ordered list item; None for another line."""
    m = _MD_ORDERED.match(text.expandtabs(4))
    return (len(m.group(1)), m.group(2)) if m else None


def _renumbered_by_markdown(ctx: Context, mk: Marker, prev: Marker) -> bool:
    """Whether ``prev`` and ``mk`` are items of one ordered list of a Markdown file: the renderer numbers such a list
    from its first item on and shows neither a repeat nor a gap of the numbers typed (1. 1. 2. reads 1 2 3; CommonMark
    0.31, 5.3). Both lines open with the same delimiter at the same indent, and every line between them is blank,
    indented under the item, or another item of the list; a paragraph, heading or rule at the list's indent or
    less ends the list, and the next list shows its own first number."""
    if not ctx.doc.meta.get("markdown") or prev.block >= mk.block:
        return False
    blocks = ctx.doc.blocks
    item = _md_item(blocks[prev.block].text)
    if item is None or _md_item(blocks[mk.block].text) != item or prev.start != item[0] or mk.start != item[0]:
        return False
    for b in blocks[prev.block + 1:mk.block]:
        text = b.text.expandtabs(4)
        if text.strip() and len(text) - len(text.lstrip(" ")) <= item[0] and _md_item(text) != item:
            return False
    return True


def _renumbered(ctx: Context, mk: Marker, items: list[Item], kind: str, expected: str) -> str | None:
    """The duplicate's label with the number it should carry, when that is certain: the
    number repeats the one before and the list then runs on without a break from it (三 三 五
    → 四, or the repeat is the last item). A repeat followed by the number it repeats (三 三 四)
    may be an item inserted or one left over: that is the writer's call. The label's own
    spacing is kept; a Word list label is not in the text and is not fixed."""
    if kind != "duplicate" or ctx.doc.blocks[mk.block].label:
        return None
    at = next((i for i, it in enumerate(items) if it.marker is mk), None)
    if at is None or (at + 1 < len(items) and items[at + 1].marker.value != mk.value + 2):
        return None
    shown = ctx.doc.blocks[mk.block].text[mk.start:mk.end]
    core = shown.strip()
    if not core or mk.label_for(mk.value) != core:
        return None  # a label written in a way label_for does not reproduce: leave it
    lead = shown[: len(shown) - len(shown.lstrip())]
    return lead + expected + shown[len(lead) + len(core):]


_SERIAL_HEADS = ("序号", "编号", "序")  # the usual head of a table's serial-number column


def _tables(ctx: Context) -> Iterator[list[Block]]:
    """Runs of table cells in reading order, split where a new table starts."""
    run: list[Block] = []
    for b in ctx.doc.blocks:
        if b.kind != "cell" or (run and b.table != run[-1].table) or b.text.strip() in _SERIAL_HEADS:
            if run:
                yield run
            run = [b] if b.kind == "cell" else []
        else:
            run.append(b)
    if run:
        yield run


def _serial_columns(ctx: Context, rule: Rule, mode: str) -> Iterator[Finding]:
    """A table whose first column is 序号 1, 2, 3…: a repeated or skipped serial number. The
    column is read row by row (the header's width); a row that is not a plain number (合计, a
    merged cell) ends it. One break in the column is reported; more mean the rows were misread."""
    for prev, cur, a, b in _serial_breaks(ctx):
        lead = len(cur.text) - len(cur.text.lstrip())
        if mode == "duplicate" and b == a:
            # the finding covers the two rows that carry the same number; the message says which to change
            first = len(prev.text) - len(prev.text.lstrip())
            yield rule.finding(ctx.doc, prev.index, first, len(cur.text.rstrip()), end_block=cur.index,
                               key="serial", label=str(b), previous=str(a), expected=str(a + 1))
        elif mode == "skip" and b > a + 1:
            yield rule.finding(ctx.doc, cur.index, lead, len(cur.text.rstrip()), key="serial", label=str(b),
                               previous=str(a), expected=str(a + 1), suggestion=str(a + 1))


def _serial_breaks(ctx: Context) -> list[tuple[Block, Block, int, int]]:
    """(row before, row, its number, the row's number) of each serial column's one break, read
    once per document for both modes."""
    return ctx.memo("numbering.serial", lambda: list(_find_serial_breaks(ctx)))  # type: ignore[no-any-return]


def _find_serial_breaks(ctx: Context) -> Iterator[tuple[Block, Block, int, int]]:
    for cells in _tables(ctx):
        if cells[0].text.strip() not in _SERIAL_HEADS:
            continue
        width = next((i for i, c in enumerate(cells) if c.text.strip() == "1"), 0)
        if not 2 <= width <= 12:
            continue
        column = []
        for c in cells[width::width]:
            text = c.text.strip()
            if not text.isdecimal() or len(text) > 3:  # int() reads decimals only (not ①, ²)
                break
            column.append(c)
        if len(column) < 5:
            continue
        breaks = []
        for prev, cur in pairwise(column):
            a, b = int(prev.text.strip()), int(cur.text.strip())
            if b != a + 1:
                breaks.append((prev, cur, a, b))
        if len(breaks) == 1:
            yield breaks[0]


def _orphans(outline: Outline, parent: int, items: list[Item],
             breaks: list[tuple[str, Marker, Marker]]) -> tuple[Marker, Marker, Marker] | None:
    """三、 (一)(二) (二)(三) 五、: the parent list skips right after this parent, and this list
    goes back and runs on to its end — the trailing items belong to the lost 四、 (a page lost).
    Returns (first orphan, the parent, the parent's next sibling) or None."""
    if parent < 0 or len(breaks) != 1 or breaks[0][0] not in ("duplicate", "repeat", "backwards"):
        return None
    pmk = outline.items[parent].marker
    if pmk.family == "heading":
        return None
    kin = [outline.items[k].marker for k in outline.children_of(outline.items[parent].parent)
           if outline.items[k].marker.family == pmk.family]
    after = [m for m in kin if (m.block, m.start) > (pmk.block, pmk.start)]
    if not after or after[0].value != pmk.value + 2:
        return None
    mk = breaks[0][1]
    tail = [it.marker.value for it in items if (it.marker.block, it.marker.start) >= (mk.block, mk.start)]
    if len(tail) < 2 or tail != list(range(mk.value, mk.value + len(tail))):
        return None  # a single item going back is a plain duplicate
    return mk, pmk, after[0]


def _heading_end(outline: Outline, mk: Marker) -> int:
    """Where the heading that ``mk`` numbers ends: after its title, or, in text run together on
    one line, where its first item starts (五、申报程序(一)…); at its label when neither is clear."""
    found = [*outline.markers, *(it.marker for it in outline.items if it.marker.loose)]
    ends = [m.start for m in found if m.block == mk.block and mk.end < m.start <= mk.end + 40]
    if mk.title:
        ends.append(mk.end + len(mk.title))
    return min(ends, default=mk.end)


def _continued_lists(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """A child list that carries on its cousin's count where the document's own convention,
    seen in at least two other child lists of that style, is to start each at 1. When the
    document counts on across parents (1.–53. running through （一）–（四）), nothing is said."""
    outline = ctx.outline
    lists: dict[str, list[list[Item]]] = {}
    for parent, items in _siblings(ctx):
        if parent >= 0 and outline.items[parent].marker.family != "heading":
            lists.setdefault(items[0].marker.style, []).append(items)
    for runs in lists.values():
        runs.sort(key=lambda r: (r[0].marker.block, r[0].marker.start))
        restarted = [r for r in runs[1:] if r[0].marker.value == 1]
        continued = [(r, before) for before, r in pairwise(runs)
                     if r[0].marker.value > 1 and r[0].marker.value == before[-1].marker.value + 1]
        # （一） lists restart under each 一、 by the standard's own layout, so one other list that restarts is
        # evidence enough; other styles need two. A count Word's list carried on from the list above (its labels
        # Word's own: a list that does not restart) needs none; typed, （二） after the only other list's （一） may
        # be the count a key-task document keeps on through its parts (一、…（一）二、…（二）（三）)
        if len(continued) != 1:
            continue
        run, before = continued[0]
        mk = run[0].marker
        evidence = 0 if ctx.doc.blocks[mk.block].label else 1 if mk.family == "cn-paren" else 2
        if len(restarted) < evidence:
            continue
        yield rule.finding(ctx.doc, *_span(mk), key="restart", label=_shown(ctx, mk),
                           previous=_shown(ctx, before[-1].marker), expected=mk.label_for(1),
                           suggestion=mk.label_for(1))


# the kinds of rules a unit compiles into one text, each under a number (一、……会议制度 二、……管理办法)
_COMPILED_TITLE = re.compile(r"(?:制度|办法|规定|细则|规则|章程|守则|职责|须知|规范)$")


def _shown(ctx: Context, mk: Marker) -> str:
    return ctx.doc.blocks[mk.block].text[mk.start:mk.end].strip()


_SLIPS = "。，,"  # 2。 or 7， where 2. is due: a typing slip, reported by N106 item by item


def _slip(mk: Marker) -> bool:
    return mk.family == "ar" and bool(mk.punct) and mk.punct in _SLIPS


def _majority_style(items: list[Item]) -> str:
    """The style most items use (slips left out); of equally common ones, the one seen first."""
    counts = Counter(it.marker.style for it in items if not _slip(it.marker))  # in order of first use
    most = max(counts.values(), default=0)
    return next((style for style, n in counts.items() if n == most), "")


def check_mixed(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a list whose items use different numbering styles: （一） then 2. and 3., or 1.
    beside 1、. The list's own majority style is the yardstick; one finding per list, at the
    first item that departs from it, with the count. Bracket width is not compared (T103 does
    that); a slipped 2。 or 7， is N106's.
    ## Parameters
    None.
    ## Example
    （一）有思想偏差 / 2.有应付心态 / 3.工作有难度 → N103 at 2., suggesting （二）."""
    for _, items in _siblings(ctx):
        if len(set(map(_PUNCT_FAMILY, map(_MARKER, items)))) == 1:
            continue  # one style and one stop width throughout: nothing to compare (tested in C)
        major = _majority_style(items)
        odd = [it.marker for it in items if it.marker.style != major and not _slip(it.marker)]
        if not odd and major.startswith("ar."):
            # 1. 2. 3. then 4． 5．: half- and full-width stops mixed in one list
            widths = [it.marker.punct for it in items if it.marker.punct in ".．"]
            if len(set(widths)) > 1:
                usual = _usual_width(ctx, widths)
                odd = [it.marker for it in items if it.marker.punct in ".．" and it.marker.punct != usual]
                model = next(it.marker for it in items if it.marker.punct == usual)
                mk = odd[0]
                expected = mk.label_for(mk.value, usual)
                yield rule.finding(ctx.doc, *_span(mk), key="width", label=_shown(ctx, mk),
                                   first=_shown(ctx, model), expected=expected, count=len(odd), suggestion=expected)
            continue
        if not odd or not major:
            continue
        model = next(it.marker for it in items if it.marker.style == major)
        mk = odd[0]
        standard = _BAD_PUNCT.get(model.family)
        if standard is not None and mk.family == model.family and model.punct != standard[0] \
                and all(x.punct == standard[0] for x in odd):
            continue  # the majority's stop is the wrong one (一． 二． then 三、): N106 reports it, 三、 is right
        expected = model.label_for(mk.value)
        yield rule.finding(ctx.doc, *_span(mk), label=_shown(ctx, mk), first=_shown(ctx, model),
                           expected=expected, count=len(odd), suggestion=expected)


def _usual_width(ctx: Context, widths: list[str]) -> str:
    """The stop a list of 1. items keeps: the list's own first choice, unless the stop most 1. items of the document
    have is another that half of the list's items have too (a count run on through the parts, 1.–33. under
    （一）–（八）, is one list to its writer: 20．21.22.23． there keeps the document's 1.)."""
    whole = Counter(mk.punct for mk in ctx.outline.markers if mk.family == "ar" and mk.punct in ".．")
    usual = "." if whole["."] > whole["．"] else "．" if whole["．"] > whole["."] else widths[0]
    return usual if 2 * widths.count(usual) >= len(widths) else widths[0]


def check_hierarchy(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a list nested against GB/T 9704-2012 §7.3.3 (一、 › （一） › 1. › （1））: a
    （一） list inside a 1. item, a 一、 inside （一）. Skipping a level (1. directly under
    一、) is accepted. Reported once, at the first item of the offending list.
    ## Parameters
    None.
    ## Example
    1.加强学习 / （一）集中学习 → N104 at （一）."""
    outline = ctx.outline
    for parent, items in _siblings(ctx):
        if parent < 0:
            continue
        pmk = outline.items[parent].marker
        first = items[0].marker
        if pmk.family == "heading" or not first.rank or not pmk.rank:
            continue
        if first.rank < pmk.rank and _close(ctx, pmk, first):
            yield rule.finding(ctx.doc, *_span(first), label=_shown(ctx, first), parent=_shown(ctx, pmk))


def _close(ctx: Context, parent: Marker, child: Marker) -> bool:
    """The child list starts right under its parent's line: with text between, an unnumbered
    heading the outline cannot see may stand there."""
    if child.block == parent.block:
        return child.start - parent.end <= 150
    between = any(ctx.doc.blocks[i].text.strip() for i in range(parent.block + 1, child.block))
    return not between and len(ctx.doc.blocks[parent.block].text) - parent.end <= 150


# the count comes first, as one character class, so that the regular-expression engine can
# skip to numerals (a mixed 1二 or a three-digit number is no count and is dropped later); the
# verb before it (以下、强调、讲…) is looked for afterwards and only widens the excerpt
_MEASURES = ("个方面", "方面", "个问题", "点意见", "点要求", "点建议", "点体会", "点", "项任务", "项工作",
             "项措施", "项", "条措施", "条意见", "条建议", "条", "个重点", "个环节", "个阶段", "个特点", "个坚持",
             "大任务", "大工程", "个字")
_QUALIFIED = "个项大条"  # 五大攻关任务, 三项重点工作: a short qualifier between the measure word and the noun
_STATED = re.compile(
    rf"([{CN_NUM}两\d]{{1,3}})({'|'.join(_MEASURES)}"
    rf"|(?:{'|'.join(_QUALIFIED)})[\u4e00-\u9fff]{{0,4}}?(?:任务|工作|措施|举措|方面|问题|意见|要求|建议"
    # … and what a summary or a report counts out in its parts (三大亮点, 四个方面的成效, 两条经验, 三点做法)
    r"|亮点|成效|成果|经验|做法|特色|原因|目标|行动))"
)
# what every _STATED match holds: a numeral, then the first character of a measure word; found from
# that character (``_COUNT_START``), it picks the few places _STATED, which starts at every numeral,
# is tried at
_MEASURE_FIRST = "".join(sorted({w[0] for w in _MEASURES} | set(_QUALIFIED)))
_STATED_VERB = re.compile(
    r"(?:以下|如下|下面|下列|这|主要有|主要是|包括|分为|归纳为|概括为|强调|讲|谈|提出|做好|抓好|突出|把握|实现|坚持|做到|从)$"
)
_ANNOUNCING = re.compile(r"(?:以下|如下|下面|下列|讲|谈|强调|提出|主要有|包括|分为|归纳为|概括为)$")
_INTRO_END = re.compile(r"^[^。；;！？!?]{0,16}?[：:]\s*$|^[^。；;！？!?]{0,16}?[：:]|^\s*(?:[。.]\s*)?$")


def _count_value(text: str) -> int | None:
    if text.isdecimal():
        return int(text)
    return cn_value(text.replace("两", "二"))


def _tried_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern without look-arounds, tried only at ``starts``
    (ascending): the caller knows every match begins at one of them."""
    end = 0
    for at in starts:
        if at >= end and (m := pattern.match(text, at)) is not None:
            yield m
            end = max(m.end(), at + 1)


def _count_starts(ctx: Context) -> list[tuple[Block, int]]:
    """(block, offset in it) of each ``_COUNT_START``, outside residue, in order."""
    return [(b, hit.start() - offset) for b, offset, hit in ctx.body.finditer(_COUNT_START)
            if b.index not in ctx.residue]


def _claims(ctx: Context, counts: list[tuple[Block, int]]) -> Iterator[tuple[int, int, int, int, bool]]:
    """(block, start, end, count, whether it only ends its block) for stated counts that announce a list: the
    claim ends its sentence with a colon or ends the block, or the list's first item follows its sentence on the same
    line. ``counts``: ``_count_starts``."""
    # a match begins one to three numerals before a measure word: those places are the only ones tried
    starts: dict[int, set[int]] = {}
    for b, at in counts:
        if b.text[at] in _MEASURE_FIRST:
            starts.setdefault(b.index, set()).update(range(max(0, at - 3), at))
    for index in sorted(starts):
        b = ctx.doc.blocks[index]
        for m in _tried_at(_STATED, b.text, sorted(starts[index])):
            rest = b.text[m.end():]
            tail = re.match(r"^[^。；;！？!?：:]{0,12}", rest)
            after = rest[tail.end():] if tail else rest
            announces = (
                after.startswith(("：", ":"))
                or after.strip() in ("", "。", ".")
                or re.match(rf"^[。；;][ \u3000]*(?:[{CN_NUM}]是|第一|首先)", after)
                # … or the list's first item run onto the claim's line, as a text pasted onto one line has it
                # (我讲三点意见。一、认清形势……), when a word that announces a list stands right before the count
                # (今年新增2个方面5项任务。1.…: the items that follow are the whole plan's, not the ones added)
                or (re.match(r"^[。；;][ \u3000]*(?:一[、．.]|[（(]一[）)]|1[.．、](?!\d))", after)
                    and _ANNOUNCING.search(b.text, max(0, m.start() - 5), m.start()) is not None)
            )
            if not announces:
                continue
            if re.search(r"[几若干多]", b.text[max(0, m.start() - 2):m.start()]):
                continue
            if b.text[m.start() - 1:m.start()] in ("第", "前", "后", "头"):
                continue  # 第四条 is an article's number; 前五项比较紧急 picks the first five of a list, no count of it
            if m.start() and b.text[m.start() - 1] in "百千零〇":
                continue  # the tail of a larger number: 第一百零八条, 第二百一十条 are articles, no 八条 or 一十条
            value = _count_value(m.group(1))
            verb = _STATED_VERB.search(b.text, max(0, m.start() - 5), m.start())
            if value and 2 <= value <= 20:
                ends_block = not after.startswith(("：", ":")) and after.strip() in ("", "。", ".")
                if ends_block and verb is None and tail is not None and tail.group().strip():
                    continue  # a count inside a line's statement (……两条腿走出机场刑侦路): nothing announced
                yield b.index, verb.start() if verb else m.start(), m.end(), value, ends_block


def _following_items(outline: Outline, block: int, colon_end: int) -> list[Item] | None:
    """The sibling run that starts right after a claim; None when nothing clear follows."""
    after = [i for i, it in enumerate(outline.items)
             if it.marker.family != "heading" and (it.marker.block, it.marker.start) > (block, colon_end)]
    if not after:
        return None
    first_idx = after[0]
    first = outline.items[first_idx]
    if first.marker.value != 1 or first.marker.block > block + 2:
        return None
    run = [first]
    for i in outline.children_of(first.parent):
        it = outline.items[i]
        if (it.marker.block, it.marker.start) > (first.marker.block, first.marker.start) \
                and it.marker.family != "heading":
            run.append(it)
    return run


def _named_items(ctx: Context, block: int, start: int, end: int) -> list[int] | None:
    """讲三个问题 followed within a few characters by 第一个问题: the values of the parts named so (第一个问题,
    第二个问题 …) in order from there, or None when the claim's word does not name its first part."""
    noun = ctx.doc.blocks[block].text[max(start, end - 2):end]
    if len(noun) < 2 or not _HAN_PAIR.fullmatch(noun):
        return None
    at = ctx.body.starts[block] + end
    parts = list(re.compile(rf"第([{CN_NUM}]{{1,3}})个?{noun}").finditer(ctx.body.text, at))
    if not parts or parts[0].start() > at + 40 or cn_value(parts[0].group(1)) != 1:
        return None
    values = [1]
    for m in parts[1:]:
        if cn_value(m.group(1)) == values[-1] + 1:
            values.append(values[-1] + 1)
    return values


_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


def _following_sequence(ctx: Context, block: int, end: int) -> list[SeqToken] | None:
    """An inline run 一是…二是… starting right after the claim, in this block or the next ones, with no numbered item
    between (in a text pasted as one line, the 一是 of a later part is that part's list). A run of the other kind inside
    one of its items (第三，……一是……二是……第四，) is a list of that item: passed over."""
    tokens = [t for t in ctx.outline.sequences if (t.block, t.start) > (block, end)]
    if not tokens or tokens[0].value != 1 or tokens[0].block > block + 1:
        return None
    first = (tokens[0].block, tokens[0].start)
    if any((block, end) < (it.marker.block, it.marker.start) < first and not it.marker.stray
           for it in ctx.outline.items):
        return None  # a numbered item or heading stands between (3.三大工程：…… 三、…… 1.……一是): the run is its list
    run = [tokens[0]]
    for t in tokens[1:]:
        if t.kind != run[0].kind:
            continue
        if t.value != run[-1].value + 1:
            break
        run.append(t)
    return run


def check_count(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Compares a stated count that announces a list (“以下7个方面：”, “强调三点意见：”,
    “讲3个问题”) with what follows it: the numbered sibling items after it, or an inline
    run 一是…二是…. Counts with 几/若干/多 are not counts. When nothing clearly numbered
    follows, or the list does not start at 1, it stays silent; so it does when fewer items are listed and the text
    stops in mid-sentence inside the last of them (the rest may stand past the cut). Also compares a stated duration
    with the date range the same sentence ties to it (为期三年（2021—2022年）; see durations.py).
    ## Parameters
    None.
    ## Example
    主要有以下7个方面： followed by （一）…（六） → N105 “说有7个方面，实际列出6个”."""
    outline = ctx.outline
    counts = _count_starts(ctx)
    for block, start, end, value, ends_block in _claims(ctx, counts):
        named = _named_items(ctx, block, start, end)
        run: list = _following_items(outline, block, end) or []
        seq = _following_sequence(ctx, block, end)
        if seq and (not run or (seq[0].block, seq[0].start) < (run[0].marker.block, run[0].marker.start)):
            run = seq
        if named is not None:  # 讲三个问题 … 第一个问题：the parts are named; a 第一，第二 inside one is its own list
            run = named
        if len(run) < 2:
            continue
        if ends_block and named is None and not _opens_a_line(ctx, run[0]):
            continue  # 修订制度5项。 closing its paragraph, then 一是… inside the next one: work done, no list
        if len(run) != value and named is None and _enumerated_before(ctx.doc.blocks[block].text, start) == value:
            continue  # 侧重于德、能、勤、绩、廉五个方面，主要内容包括：1.…… 9.: the count is of the words before it
        if len(run) != value and named is None \
                and _another_count_fits(ctx.doc.blocks[block].text, start, end, len(run)):
            continue  # 从……3个方面明确6项重点任务，建立12项制度。一是……: 3 announces the list, 6 and 12 count work
        if len(run) < value and _runs_into_the_cut(ctx, run[-1]):
            continue  # the text stops in mid-sentence inside the last item listed: the rest may stand past the cut
        if len(run) != value:
            text = ctx.doc.blocks[block].text
            yield rule.finding(ctx.doc, block, start, end, claim=text[start:end], stated=value, actual=len(run))
    yield from _enumeration_counts(ctx, rule, counts)
    yield from _duration_counts(ctx, rule)


def _runs_into_the_cut(ctx: Context, last: Item | Marker | SeqToken) -> bool:
    """Whether the text stops in mid-sentence (``textutil.open_tail``) inside the item ``last``: in its own paragraph,
    or in one after it before any other numbered item begins."""
    tail = open_tail(ctx)
    if tail is None:
        return False
    at = getattr(last, "marker", last).block
    return at <= tail[0] and not any(at < it.marker.block <= tail[0] and not it.marker.stray
                                     for it in ctx.outline.items)


# words that point at what follows, before the count or opening it (归纳为以下7个方面; 以下7个方面)
_POINTS_ON = re.compile(r"以下|如下|下列|下面")
# a count of parts in a sentence (3个方面, 三项, 5条): its number
_PART_COUNT = re.compile(rf"(\d{{1,2}}|[{CN_NUM}两]{{1,3}})\s*(?:个方面|个|项|条|大|方面|点)")


# words joined by 、 (the last maybe by 和 or 及) right before a count: the parts it counts (德、能、勤、绩、廉五个方面)
_WORDS_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{1,10}、)+[\u4e00-\u9fff]{1,10}"
                           r"(?:(?:和|及|以及)[\u4e00-\u9fff]{1,10})?等?$")


def _enumerated_before(text: str, start: int) -> int:
    """How many words joined by 、 stand right before the count at ``start`` (0: none). The first may hold the words of
    its clause before it (侧重于德): only the 、 are counted."""
    m = _WORDS_BEFORE.search(text, max(0, start - 80), start)
    if m is None:
        return 0
    words = m.group()
    return words.count("、") + 1 + (1 if re.search(r"(?:和|及|以及)[\u4e00-\u9fff]{1,10}等?$", words) else 0)


def _another_count_fits(text: str, start: int, end: int, parts: int) -> bool:
    """Whether the sentence holding the claim ``text[start:end]`` states another count, before or after it, that is the
    number of parts listed after it: then that count announces the list and this one is a total of the work. Never
    for a claim that points at what follows (以下7个方面, 如下三点): that one announces the list itself."""
    if _POINTS_ON.search(text, max(0, start - 4), start + 2):
        return False
    lo, hi = sentence_around(text, start, end)
    for m in _PART_COUNT.finditer(text, lo, hi):
        if m.start() != start and _count_value(m.group(1)) == parts:  # 两 as well as 二 and digits
            return True
    return False


def _opens_a_line(ctx: Context, first: Item | Marker | SeqToken) -> bool:
    """Whether a list's first item (an outline ``Item`` or a ``Marker``) stands at the head of its line: a count that
    only closes its paragraph announces a list laid out below it, not one that some later sentence begins."""
    mk = getattr(first, "marker", first)
    return not ctx.doc.blocks[mk.block].text[:mk.start].strip()


def _duration_counts(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """为期三年（2021—2022年）: a stated duration that the range the sentence gives for it does not fit."""
    for b in _blocks_with(ctx, CLAIM_CORE):
        for mm in mismatches(b.text):
            yield rule.finding(ctx.doc, b.index, mm.start, mm.end, key="duration", claim=mm.claim,
                               range=mm.range, actual=mm.actual)


# 从思想、作风、纪律、能力等4个方面: an enumeration in the sentence, closed by its count. Items are
# short phrases joined by 、 (the last maybe by 和/及); anything else in the span (a comma, a
# bracket, a quotation) makes the reading unsure and the check silent.
_ITEM = r"[\u4e00-\u9fff]{2,10}"
_ENUMERATED = ("个方面", "个领域", "个环节", "个维度", "个部门", "个单位", "家单位", "个专项", "项任务", "大类", "方面",
               "项工作", "项重点工作", "大任务", "个问题", "项措施", "件事")
_ENUMERATION = re.compile(
    rf"((?:{_ITEM}、){{2,}}{_ITEM}(?:(?:和|及|以及){_ITEM})?)(等)?"
    rf"([{CN_NUM}两\d]{{1,2}})({'|'.join(_ENUMERATED)})"
)


_ENUMERABLE = re.compile(r"[\u4e00-\u9fff、\d]+")  # every character an _ENUMERATION match can hold
_LISTED_BEFORE = re.compile(r"、[\u4e00-\u9fff]*$")  # a 、 before the match with only words between: more items


# the count that closes an enumeration, found by its measure word: every _ENUMERATION match ends with one
_ENUMERATION_COUNT = re.compile(rf"(?<=[{CN_NUM}两\d])(?:{'|'.join(_ENUMERATED)})")
# where a stated count's or an enumeration's measure word can begin: its first character, after a
# numeral. One scan (a short class re skips to, then a look-behind, all in re) serves both
_COUNT_START = re.compile(rf"[{''.join(sorted(set(_MEASURE_FIRST) | {w[0] for w in _ENUMERATED}))}]"
                          rf"(?<=[{CN_NUM}两\d].)")


def _blocks_with(ctx: Context, needed: re.Pattern[str]) -> list[Block]:
    """The blocks outside residue where ``needed`` (a pattern that stays inside a line) matches,
    in order: one scan of the joined text picks the few blocks a rule's costlier patterns need."""
    body = ctx.body
    scans = tail_scans(needed.pattern, needed.flags)
    if scans is None:
        found = sorted({b.index for b, _, _ in body.finditer(needed)} - ctx.residue)
        return [ctx.doc.blocks[i] for i in found]
    # the blocks where a match can end (a literal search for each tail: 年, 个月), each then searched
    # alone: a tenth of the scan for the pattern's first characters (为, 时, 用 … stop it everywhere).
    # The pattern has no look-around, so a block holds a match of the joined text iff its span does
    text, starts = body.text, body.starts
    near = sorted({body.block_at(m.start()) for scan in scans for m in scan.finditer(text)})
    return [b for i in near for b in (body.blocks[i],)
            if b.index not in ctx.residue and needed.search(text, starts[i], starts[i] + len(b.text))]


def _enumeration_counts(ctx: Context, rule: Rule, counts: list[tuple[Block, int]]) -> Iterator[Finding]:
    """A count closing an enumeration against the items named. ``counts``: ``_count_starts``, among
    which every ``_ENUMERATION_COUNT`` match begins."""
    closed = sorted({b.index for b, at in counts if _ENUMERATION_COUNT.match(b.text, at)})
    for b in (ctx.doc.blocks[i] for i in closed):
        # a match lies inside one run of the characters it may hold, with two 、 and a count in it:
        # only such runs are scanned, not every character of a long paragraph
        text = b.text
        if text.count("、") < 2:
            continue
        runs = [r for r in _ENUMERABLE.finditer(text) if text.count("、", r.start(), r.end()) >= 2
                and _ENUMERATION_COUNT.search(text, r.start(), r.end())]
        for m in (m for r in runs for m in _ENUMERATION.finditer(text, r.start(), r.end())):
            value = _count_value(m.group(3))
            if not value or not 2 <= value <= 20:
                continue
            if _LISTED_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # an item too long to read stands before (……理论宣讲、生态环境宣传……): the count is unsure
            listed, etc = m.group(1), bool(m.group(2))
            if listed.endswith("等"):
                listed, etc = listed[:-1], True
            items = listed.split("、")
            # the first item may carry the words that lead into the list (从/包括/围绕…): its
            # length is unsure, its existence is not; the last may be one item or two (A和B)
            plain = len(items)
            split = plain + len(re.findall(r"和|及|以及", items[-1]))
            if value in (plain, split) or abs(value - plain) > 3:
                continue
            if value > split and etc:
                continue  # “等” may stand for items left unnamed
            yield rule.finding(ctx.doc, b.index, m.start(1), m.end(), key="enumeration",
                               claim=m.group(3) + m.group(4), stated=value, actual=split if value > split else plain)


_BAD_PUNCT = {
    "cn": ("、", "一、", "B.3.2"),
    "ar": (".", "1.", "B.3.3"),
    "cn-paren": ("", "（一）", "B.3.4"),
    "ar-paren": ("", "（1）", "B.3.4"),
}


_SPACED_DECIMAL = PatternSet([r"(?<![\d.．])(\d{1,2})[.．][ \u3000](\d{1,2})(?=[\u3400-\u9fff])"])
_DECIMAL = PatternSet([r"(?<![\d.．])(\d{1,2})[.．](\d{1,2})(?=[\u3400-\u9fff])"])


# 9,501,164: a row of a financial table, whose row labels follow the table's printed form
_FIGURES = re.compile(r"\d{1,3}(?:,\d{3}){2,}")


def _has_figures(ctx: Context, block: int) -> bool:
    """Whether the block holds a figure with thousands separators (1,234,567), asked once per block: a long
    paragraph holds many items, and each list of them asked again for every item."""
    known: dict[int, bool] = ctx.memo("numbering.figures", dict)
    got = known.get(block)
    if got is None:
        got = known[block] = _FIGURES.search(ctx.doc.blocks[block].text) is not None
    return got


def _row_label(ctx: Context, block: int) -> bool:
    """A marker that labels a table row (一、财政拨款收入 / 1、一般公共预算资金 in a budget form):
    the row labels follow the table's printed form, not the document's numbering habit."""
    return ctx.doc.blocks[block].kind == "cell" or _table_like(ctx, block)


def check_punctuation(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports malformed markers (GB/T 15834-2011 Appendix B.3.2–B.3.4): 一. 一, (not 一、),
    1、 (not 1.), （一）、 and （1）. (brackets take nothing after them). A document that uses
    one such form throughout gets one finding per form, spanning its first list, with the
    count; a list labelled by Word's own numbering is said to be fixed in the list's number
    format. Row labels of a table (1、一般公共预算资金 in a budget form, a cell, or a label
    among rows of figures read out of a PDF) follow the table's printed form and are left
    alone. A slip inside a list (2。 or 7， among 1. 3.) is reported item by item, and so is a
    decimal heading broken by a space (1. 2 among 1.1 1.3). Full-width and half-width stops
    are both accepted here; bracket markers written half-width, (1), where the document's other
    brackets are full-width （）, get one finding.
    ## Parameters
    None.
    ## Example
    1、加强学习 / 2、完善制度 → one N106 at 1、 “应为 1.”."""
    groups: dict[str, list[list[Marker]]] = {}
    # in Markdown, 1. at the head of a line makes an ordered list that the renderer numbers itself: 1、 is how a writer
    # keeps the number as typed, so the 1、 form is no slip in a Markdown page (minutes, a charter) that is no 公文 of
    # a kind the profiles know; a 通知 kept as Markdown still follows GB/T 15834
    markdown = bool(ctx.doc.meta.get("markdown")) and ctx.profile is None
    for _, items in _siblings(ctx):
        markers = [it.marker for it in items]
        # _slip and _norm written out: two calls per item of every list
        slips = [mk for mk in markers if mk.family == "ar" and mk.punct and mk.punct in _SLIPS]
        major = _majority_style(items) if slips else ""
        if major.startswith("ar") and not major.endswith(tuple(_SLIPS)):
            model = next(i.marker for i in items if i.marker.style == major)
            for mk in slips:
                fixed = mk.label_for(mk.value, model.punct)
                yield rule.finding(ctx.doc, *_span(mk), key="slip", label=_shown(ctx, mk),
                                   model=_shown(ctx, model), expected=fixed, suggestion=fixed)
        bad = [mk for mk in markers if mk.family in _BAD_PUNCT
               and _FULL_STOP.get(mk.punct, mk.punct) != _BAD_PUNCT[mk.family][0]
               and not (mk.family == "ar" and mk.punct and (mk.punct in _SLIPS or (markdown and mk.punct == "、")))]
        if bad and (sum(_row_label(ctx, it.marker.block) for it in items) * 2 >= len(items)
                    or any(_has_figures(ctx, it.marker.block) for it in items)):
            bad = []  # a list of table row labels (one short item beside a folio is no table)
        if bad:
            groups.setdefault(bad[0].style, []).append(bad)
    for lists in groups.values():
        if sum(len(b) for b in lists) < 2:
            continue  # one lone marker is too little to call the document's way of numbering
        first = lists[0]
        mk = first[0]
        want, example, clause = _BAD_PUNCT[mk.family]
        fixed = mk.label_for(mk.value, want)
        markers = [m for b in lists for m in b]
        # a Word list label is fixed in the list's number format, not by retyping each item
        auto = sum(bool(ctx.doc.blocks[m.block].label) for m in markers)
        key = "auto" if auto * 2 > len(markers) else "default"
        yield rule.finding(ctx.doc, *_span(mk), key=key, label=_shown(ctx, mk), expected=fixed, example=example,
                           clause=clause, count=len(markers), lists=len(lists), suggestion=fixed)
    yield from _spaced_decimals(ctx, rule)
    yield from _garbled_brackets(ctx, rule)
    yield from _halfwidth_brackets(ctx, rule)


def _halfwidth_brackets(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """(1) where the document writes its brackets full-width （）: GB/T 15834-2011 has Chinese
    text take full-width marks, and the document's own habit shows the markers departed from it.
    A text whose brackets are half-width throughout (a conversion, an English-heavy text) is T103's
    matter, not this, and so is a marker inside a sentence. One finding, at the first such
    marker, with the count."""
    blocks = ctx.doc.blocks
    # a marker glued to Chinese text on both sides (任务(一)实施) is T103's half-width mark in a sentence;
    # the costlier question (a table's row label?) is asked only of the few half-width markers left
    # (一) holds a Chinese numeral: T103 counts it among the half-width pairs of Chinese text, and says so once
    half = [m for m in (it.marker for it in ctx.outline.items) if m.opener == "(" and m.family == "ar-paren"
            and not "\u4e00" <= blocks[m.block].text[m.start - 1:m.start] <= "\u9fff"]
    if len(half) >= 2:
        half = [m for m in half if not _row_label(ctx, m.block)]
    if len(half) == 1:
        yield from _halfwidth_among_siblings(ctx, rule, half[0])
    if len(half) < 2:
        return
    text = "".join(b.text for b in ctx.doc.blocks if b.index not in ctx.residue)
    full_marks = text.count("（")
    other_half = text.count("(") - len(half)
    if full_marks < 2 or full_marks <= other_half:
        return
    mk = half[0]
    fixed = f"（{_shown(ctx, mk)[1:-1]}）"
    yield rule.finding(ctx.doc, *_span(mk), key="halfwidth", label=_shown(ctx, mk), expected=fixed, count=len(half),
                       suggestion=fixed)


def _halfwidth_among_siblings(ctx: Context, rule: Rule, mk: Marker) -> Iterator[Finding]:
    """The one half-width (2) of a list whose other items are written （1）（3）: a slip of the item, said at it."""
    outline = ctx.outline
    at = next((i for i, it in enumerate(outline.items) if it.marker is mk), None)
    if at is None:
        return
    others = [outline.items[i].marker for i in outline.children_of(outline.items[at].parent) if i != at]
    if others and all(o.family == "ar-paren" and o.opener == "（" for o in others):
        fixed = f"（{_shown(ctx, mk)[1:-1]}）"
        yield rule.finding(ctx.doc, *_span(mk), key="slip", label=_shown(ctx, mk), model=_shown(ctx, others[0]),
                           expected=fixed, suggestion=fixed)


# an ordinal whose opening bracket is another glyph: }1) {2) [3) — OCR and conversion damage
_GARBLED_OPENERS = "}{[]〔【"  # every _GARBLED match begins with one of these
_GARBLED = PatternSet([
    r"(?<![A-Za-z0-9{}\[\]])([}{\[\]〔【])[ \u3000]?(\d{1,2}|[一二三四五六七八九十]{1,3})[)）](?=[\u3400-\u9fff])"
])


def _garbled_brackets(ctx: Context, rule: Rule) -> Iterator[Finding]:
    if not any(bracket in ctx.body.text for bracket in _GARBLED_OPENERS):
        return  # a few C-level searches for a character spare the scan in most texts
    for b, offset, m in ctx.body.finditer(_GARBLED):  # a match never crosses a line break
        if b.index in ctx.residue:
            continue
        fixed = f"（{m.group(2)}）"
        yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key="garbled",
                           label=m.group(0), expected=fixed, suggestion=fixed)


def _spaced_decimals(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """1. 2编制依据 where the document numbers its sections 1.1, 1.3: the space splits the number."""
    # both patterns stop at a line break: scanned over the joined text, each in one pass that
    # looks only at digits (a PatternSet); a spaced decimal is rare, the numbering is read after
    text = ctx.body.text
    if not any(space in text and (f".{space}" in text or f"．{space}" in text) for space in " \u3000"):
        return  # every spaced decimal holds one of these pairs: a few C-level searches, no regex scan
    spaced = [(b, offset, m) for b, offset, m in ctx.body.finditer(_SPACED_DECIMAL) if b.index not in ctx.residue]
    if not spaced:
        return
    decimals = {(m.group(1), m.group(2)) for m in _DECIMAL.finditer(ctx.body.text)}
    if len(decimals) < 3:
        return
    for b, offset, m in spaced:
        major, minor = m.group(1), int(m.group(2))
        if (major, str(minor - 1)) in decimals or (major, str(minor + 1)) in decimals:
            fixed = f"{major}.{minor}"
            yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key="decimal",
                               label=m.group(0), expected=fixed, suggestion=fixed)


_FULL_STOP = {"．": "."}


def _norm(p: str) -> str:
    return _FULL_STOP.get(p, p)


def check_inline_sequence(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Follows inline ordinals 一是/二是/三是 and 第一，/第二， through a paragraph (and on
    into the next paragraph when it opens with the next ordinal) and reports one that
    repeats or skips ahead. A numbered heading or item between two ordinals ends the run
    (each section has runs of its own), any ordinal may restart the run at 一, and an ordinal
    that goes back (三是 then 二是) starts a run whose beginning was not seen: nothing is said.
    An ordinal that seems skipped while the missing one is written between the two, glued to the
    text before it (……/摄第三，), is not reported.
    ## Parameters
    None.
    ## Example
    一是…二是…二是… → N107 at the second 二是, suggesting 三是."""
    if len(ctx.outline.sequences) < 2:
        return  # a finding compares an ordinal with the one before it
    last: dict[str, SeqToken] = {}
    outer: dict[str, tuple[SeqToken, SeqToken]] = {}  # kind -> (last of the run around, first of the inner run)
    last_block = -1
    cuts = sorted(map(_PLACE, map(_MARKER, ctx.outline.items)))  # (block, start) of every item, made in C
    for tok in ctx.outline.sequences:
        if tok.block != last_block:
            # a new paragraph continues the run only when it carries on from the last one
            stale = [k for k, t in last.items()
                     if t.block < tok.block - 1 and not _only_blank_between(ctx, t.block, tok.block)]
            for k in stale:
                del last[k]
                outer.pop(k, None)
            last_block = tok.block
        prev = last.get(tok.kind)
        last[tok.kind] = tok
        if prev is not None and _cut_between(cuts, prev, tok):
            outer.pop(tok.kind, None)
            continue
        if tok.value == 1:
            if prev is not None and (prev.value >= 2 or _opens_a_sublist(ctx, prev, tok)):
                outer[tok.kind] = (prev, tok)  # a run inside a run, or a new run
            continue
        if prev is None:
            continue
        around = outer.get(tok.kind)
        if around and tok.value == around[0].value + 1 and tok.value != prev.value + 1:
            # 一是…三是 概括为：一是…二是 四是: the outer run goes on after an inner one with the same words
            inner = around[1]
            del outer[tok.kind]
            yield rule.finding(ctx.doc, inner.block, inner.start, inner.end, key="nested",
                               label=ctx.doc.blocks[inner.block].text[inner.start:inner.end],
                               outer=ctx.doc.blocks[around[0].block].text[around[0].start:around[0].end],
                               after=ctx.doc.blocks[tok.block].text[tok.start:tok.end])
            continue
        word = "是" if tok.kind == "shi" else "，"
        expected = ("第" if tok.kind == "di" else "") + cn_label(prev.value + 1) + word
        shown = ctx.doc.blocks[tok.block].text[tok.start:tok.end]
        previous = ctx.doc.blocks[prev.block].text[prev.start:prev.end]
        if tok.value == prev.value:
            yield rule.finding(ctx.doc, tok.block, tok.start, tok.end, key="duplicate", label=shown,
                               previous=previous, expected=expected, suggestion=expected)
        elif tok.value > prev.value + 1 and not _missing_written_between(ctx, prev, tok):
            lost = _lost_shi(ctx, prev, tok) if tok.kind == "shi" and tok.value == prev.value + 2 else None
            if lost is not None:  # 一是……；二公厕保洁不到位；三是……: the 二 is there, its 是 was dropped
                at, label = lost
                yield rule.finding(ctx.doc, prev.block, at, at + len(label), key="lost_shi", label=label,
                                   expected=label + "是", suggestion=label + "是", previous=previous, after=shown)
                continue
            yield rule.finding(ctx.doc, tok.block, tok.start, tok.end, label=shown, previous=previous,
                               expected=expected, suggestion=expected)


_MARKER, _PLACE, _PUNCT_FAMILY = itemgetter(0), attrgetter("block", "start"), attrgetter("punct", "family")


def _opens_a_sublist(ctx: Context, prev: SeqToken, tok: SeqToken) -> bool:
    """Whether ``tok`` (an 一是 after the 一是 ``prev`` of the same paragraph) opens a list after a colon in its own
    sentence (一是……。正在洽谈的企业有2家：一是……；二是……): a run inside the first item of the run around it."""
    if prev.block != tok.block:
        return False
    between = ctx.doc.blocks[tok.block].text[prev.end:tok.start]
    colon = max(between.rfind("："), between.rfind(":"))
    return colon >= 0 and not any(mark in between[colon:] for mark in "。！？!?")


def _missing_written_between(ctx: Context, prev: SeqToken, tok: SeqToken) -> bool:
    """Every ordinal between ``prev`` and ``tok`` is written between them, only not where a run
    is read from (glued to a photo credit or a word before it: ……/摄第三，): the run is whole."""
    blocks = ctx.doc.blocks
    if prev.block == tok.block:
        between = blocks[tok.block].text[prev.end:tok.start]
    else:
        between = "\n".join([blocks[prev.block].text[prev.end:],
                             *(blocks[i].text for i in range(prev.block + 1, tok.block)),
                             blocks[tok.block].text[:tok.start]])
    for value in range(prev.value + 1, tok.value):
        label = cn_label(value)
        wanted = f"{label}是" if tok.kind == "shi" else f"第{label}[，,、：:]"  # not 第三方, 第二十
        if re.search(wanted, between) is None:
            return False
    return True


def _lost_shi(ctx: Context, prev: SeqToken, tok: SeqToken) -> tuple[int, str] | None:
    """Where the numeral between ``prev`` and ``tok`` (一是 …… 三是, in one paragraph) opens a clause without its 是
    (……；二公厕保洁不到位；): (offset, the numeral), or None."""
    if prev.block != tok.block:
        return None
    label = cn_label(prev.value + 1)
    m = re.compile(rf"(?<=[；;，,。：:])\s*({label})(?![是、．.，,])(?=[\u4e00-\u9fff])").search(
        ctx.doc.blocks[tok.block].text, prev.end, tok.start)
    return (m.start(1), label) if m is not None else None


def _cut_between(cuts: list[tuple[int, int]], a: SeqToken, b: SeqToken) -> bool:
    """A numbered heading or item lies between two ordinals."""
    i = bisect_right(cuts, (a.block, a.start))
    return i < len(cuts) and cuts[i] < (b.block, b.start)


def _only_blank_between(ctx: Context, a: int, b: int) -> bool:
    return all(not ctx.doc.blocks[i].text.strip() for i in range(a + 1, b))


def check_stray(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a number marker that cuts a sentence in two — the text before it stops
    mid-sentence and the text after it carries on (“…建立山塘管护的长” / “2、效机制”), or
    the marker is followed by punctuation (“8、,深入”). These are page numbers of a paged
    viewer or pasting slips; they never count as numbering.
    ## Parameters
    None.
    ## Example
    ……建立山塘管护的长 / 2、效机制 → N108 at 2、."""
    for mk in ctx.outline.markers:
        if mk.stray:
            yield rule.finding(ctx.doc, *_span(mk), key=mk.stray, label=_shown(ctx, mk))




@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("numbering.sequence", check_sequence)
    register("numbering.mixed", check_mixed)
    register("numbering.hierarchy", check_hierarchy)
    register("numbering.count", check_count)
    register("numbering.punctuation", check_punctuation)
    register("numbering.inline", check_inline_sequence)
    register("numbering.stray", check_stray)
