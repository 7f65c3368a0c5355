"""The residue stage of the document model: blocks that a download or news site left in the
text (notices, customer-service lines, 原文链接, page chrome), found once for everyone.

file → loader → Document → **residue** → outline → checks. The outline, the document-type
detection and every check pass over these blocks; B101 reports them. The patterns are B101's
parameters, with the configuration's ``[options.B101]`` applied, so a team that adds a
pattern changes what every rule skips, not only what B101 reports. (A profile's B101
overrides do not apply here: the profile is detected after this stage, from text that
excludes the residue.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import chain, islice, pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from .outline import PIECE_TAIL, TITLE_KINDS
from .rulebook import apply_options
from .scan import Body, PatternSet, line_lead, pattern_set, top_level_branches
from .textutil import PINYIN_READING, TONED, unspaced
from .traditional import holds_traditional, table
from .watermark import repeated_tail

if TYPE_CHECKING:
    from .context import Context
    from .model import Block, Document
    from .rulebook import Rulebook

RULE = "B101"  # the rule whose parameters hold the residue patterns
_STOPS = re.compile(r"[。！？]")  # a sentence ends: with 20 characters or more, the body has begun


def _filled(block: Block) -> bool:
    return bool(block.text) and not block.text.isspace()


def options(rulebook: Rulebook, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> Mapping[str, Any]:
    """B101's parameters with the configuration's ``[options.B101]`` applied, as for the rule
    itself (``[options.B101.extend]`` appends to the pattern lists)."""
    rule = rulebook.rules.get(RULE)
    if rule is None:
        return {}
    return apply_options(rule.params, (overrides or {}).get(RULE) or {})


def find(doc: Document, body: Body, params: Mapping[str, Any], traditional: str = "") -> frozenset[int]:
    """The residue blocks of ``doc`` under ``params`` (none without patterns). The patterns are written in simplified
    characters: a page in traditional ones (a portal's 繁體 version, a Hong Kong or Taiwan site: 發布時間：, 來源：) is
    read through ``traditional``, T109's pairs of a traditional character and its simplified form, one character for
    one, so every block keeps its length and the positions hold (pinyin readings after the characters are dropped:
    only which blocks are residue is read from the copy)."""
    if not params:
        return frozenset()
    # a content site's page often glosses its characters in pinyin (時(shí)間:, 來源(yuan):): the readings are dropped
    # from the copy, so 时间： is seen whole (only which blocks are residue comes out of it)
    glossed = any(v in body.text for v in TONED)
    toneless = "(" in body.text and len(_TONELESS_GLOSS.findall(body.text)) >= _GLOSSES
    changed = traditional and holds_traditional(body, traditional)
    if changed or glossed or toneless:
        forms = str.maketrans(table(traditional)[1]) if changed else {}

        def copy(text: str) -> str:
            if glossed:
                text = PINYIN_READING.sub("", text)
            if toneless:
                text = _TONELESS_GLOSS.sub("", text)
            return text.translate(forms) if changed else text

        blocks = tuple(replace(b, text=copy(b.text)) for b in doc.blocks)
        doc, body = replace(doc, blocks=blocks), Body(blocks)
    found = frozenset(residue_blocks(doc, body, params))
    return found | _notice_lists(doc.blocks, found) if len(found) >= 2 else found


# a reading without its tone in brackets after a character (發布時(shi)間, 文章(zhang)): a page glossing its text; three
# or more make the page's (a unit or a label in brackets after a word is rarer)
_TONELESS_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])\([a-z]{1,6}\)")
_GLOSSES = 3


def _notice_lists(blocks: Sequence[Block], found: frozenset[int]) -> frozenset[int]:
    """The items of one web page's list of notes between two of its items that are residue (``_one_notice_list``)."""
    out: set[int] = set()
    for a, b in pairwise(sorted(found)):
        if b - a > 1 and _one_notice_list(blocks, a, b):
            out.update(range(a + 1, b))
    return frozenset(out)


_BARE_ADDRESS = re.compile(r"\s*(?:https?://|www\.)\S+\s*$")


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _blank_or_value(text: str) -> bool:
    """A blank line, or the value of a field in a metadata table (an index number, a date and
    time, a document number, a short unit name): it does not end a run of residue lines, so a
    portal's table with its labels on one line and values on the next is one finding."""
    text = text.strip()
    if not text:
        return True
    if _BYLINE.match(text):
        return False  # the speaker's byline under a report's title (省长 刘小涛): the document's own line
    return len(text) <= 24 and (sum(ch.isdigit() for ch in text) >= 4 or len(_HAN_CHAR.findall(text)) <= 6)


# an office and a name on a line of their own, as a report or a speech names who delivers it under its title
_BYLINE = re.compile(r"[\u4e00-\u9fff]{0,12}(?:省长|市长|县长|区长|州长|旗长|镇长|乡长|书记|主任|局长|厅长|部长"
                     r"|主席|校长|院长|总经理|董事长)[ \u3000]+[\u4e00-\u9fff]{2,4}$")


def bridged(blocks: Sequence[Block], found: frozenset[int], title: int) -> frozenset[int]:
    """The blank lines and value lines (``_blank_or_value``) standing between two residue blocks with nothing else
    between them (a portal's metadata table with its labels marked and its values on lines of their own): the run is
    one passage of residue, B101's one finding over it, and no other rule reads its values as the document's. Not the
    document's title (``title``), which a breadcrumb above and a 发布时间 line below may hem in."""
    out: set[int] = set()
    ordered = sorted(found)
    for a, b in pairwise(ordered):
        if b - a > 1 and all(j != title and _blank_or_value(blocks[j].text) for j in range(a + 1, b)):
            out.update(range(a + 1, b))
    return frozenset(out)


# an item of a web page's numbered list whose text carries its own number (1. 1、本文档共23页……): the list of notes a
# document-sharing site puts over its preview
_DOUBLED_LABEL = re.compile(r"\s*(\d{1,2})\.\s*(\d{1,2})、")


def _one_notice_list(blocks: Sequence[Block], a: int, b: int) -> bool:
    """Whether the blocks from ``a`` to ``b`` are items of one such list in a row (1. 1、 … 2. 2、 … 3. 3、): with the
    items before and after residue, the items between are the same site's notes (a spam that replaced the site's
    name in one of them hides it from the patterns)."""
    values = []
    for j in range(a, b + 1):
        if not blocks[j].text.strip():
            continue
        m = _DOUBLED_LABEL.match(blocks[j].text)
        if m is None or m.group(1) != m.group(2):
            return False
        values.append(int(m.group(1)))
    return all(y == x + 1 for x, y in pairwise(values))


def _listed_addresses(blocks: Sequence[Block], found: set[int]) -> set[int]:
    """The addresses alone on their lines that go on a list whose first address is content (under 地址：, which the
    patterns leave alone): each line right under an address kept takes its part."""
    out: set[int] = set()
    kept_address = False  # the last non-blank line is an address alone on its line, and not residue
    for b in blocks:
        if not b.text.strip():
            continue
        address = _BARE_ADDRESS.match(b.text) is not None
        if address and kept_address and b.index in found:
            out.add(b.index)
        kept_address = address and (b.index not in found or b.index in out)
    return out


@lru_cache(maxsize=8)
def _anywhere(patterns: tuple[str, ...]) -> tuple[PatternSet, ...]:
    """``patterns`` as the sets scanned for them: the alternatives that open with ``^`` (a line of a page's chrome:
    ^\\s*来源：) and the others, each set alone when both are there. A block holds a match of the patterns exactly
    when it holds one of either set. In one set, the characters after ``^\\s*`` (来, 相, 最 …, among the commonest)
    join the first characters of the whole alternation, which is then tested wherever they occur inside a sentence;
    alone, the alternatives opening with ``^`` are tried at line starts only (``re`` refuses any other place in one
    step): the scan of every report took 9.0 ms per MB as one set, 7.0 as two.
    The line alternatives whose first characters past the blanks are any of many (``^\\s*[^\\s。，；]{0,8}广告位``) are
    a third set: beside them the others get no ``line_lead``, and ``re`` tries all of them at every place of the text
    (the batch benchmark's line set took 0.37 s as one, 0.12 s as two)."""
    lines: list[str] = []
    loose: list[str] = []
    rest: list[str] = []
    for p in patterns:
        branches = top_level_branches(p)
        if branches is None:
            rest.append(p)
            continue
        for b in branches:
            if not b.startswith("^"):
                rest.append(b)
            else:
                (lines if line_lead(b, re.MULTILINE) is not None else loose).append(b)
    return tuple(s for s in map(pattern_set, (tuple(lines), tuple(loose), tuple(rest))) if s is not None)


# the field of a portal's catalogue table that sums the document up in a sentence or two (内容概述：为进一步加强……,
# 《政府网站发展指引》's 政府信息公开 fields): its sentences do not begin the body
_SUMMARY_FIELD = re.compile(r"\s*(?:内容概述|内容摘要|内容描述|内容简介)\s*[:：]")


def residue_blocks(doc: Document, body: Body, params: Mapping[str, Any]) -> Iterator[int]:
    """Blocks holding web residue: ``patterns`` anywhere; ``head_patterns`` only at the top,
    before the first body paragraph and within the first ``head_blocks`` non-empty blocks;
    ``tail_patterns`` only in the last ``tail_blocks``; a notice appended at the end
    (``notice_patterns`` within the last ``notice_chars`` characters: a licence text of the
    site the report was copied from) with everything after it. Page chrome such as 主办：,
    来源： and time stamps is residue at the top of a page, and ordinary text inside the body.
    A block longer than ``max_block_chars`` is text, never residue as a whole: a report
    pasted as one line keeps its checks, and B101 reports the residue inside it."""
    limit = params.get("max_block_chars", 300)
    blocks = doc.blocks
    head_n, tail_n = params.get("head_blocks", 8), params.get("tail_blocks", 6)
    filled: list[Block] | None = None  # every non-blank block: read only when a test needs them all
    head_lines = doc.meta.get("front_matter")
    if type(head_lines) is not int or head_lines < 0:
        head_lines = 0
    if type(head_n) is int and type(tail_n) is int and head_n >= 0 and tail_n > 0:
        # the usual counts: the first and last non-blank blocks, read from each end; the page's head begins under a
        # front matter block
        first: Iterable[Block] = islice(
            (b for b in blocks if _filled(b) and (not head_lines or (b.line or 0) > head_lines)), head_n)
        tail = {b.index for b in islice(filter(_filled, reversed(blocks)), tail_n)}
    else:  # a count of 0 or below takes a slice of the whole list, as Python slices do
        filled = [b for b in blocks if _filled(b)]
        first = filled[:head_n]
        tail = {b.index for b in filled[-tail_n:]}
    found = {b.index for part in _anywhere(tuple(params.get("patterns") or ())) for b, _, _ in body.finditer(part)}
    if found:
        found -= _listed_addresses(blocks, found)
    head: set[int] = set()
    at_head = _line_test(tuple(params.get("head_patterns") or ()))
    for b in first:
        # the body has begun at a long line with a sentence end, or with commas unless a head pattern marks it (a
        # crawler's 检索关键词: 用电, 安全, 冬季); a site's blurb in sentences that is residue is no body
        sentence = _STOPS.search(b.text) is not None
        listing = not sentence and b.text.count("，") + b.text.count(",") >= 2 \
            and not (at_head and at_head.holds(b.text))
        if len(b.text.strip()) >= 20 and (sentence or listing) and (b.index not in found or len(b.text) > limit) \
                and not _SUMMARY_FIELD.match(b.text):
            break
        head.add(b.index)
    if head:
        found.update(_browser_title(blocks, head))
    at_tail = pattern_set(tuple(params.get("tail_patterns") or ()))
    notice = pattern_set(tuple(params.get("notice_patterns") or ()))
    menu_words = _menu_words(tuple(params.get("menu_words") or ()))
    run_min = params.get("menu_lines", 3)
    if menu_words is not None and type(run_min) is int and run_min > 1:
        if head:  # the menu bar over the article, from the top down
            found.update(_menu_run(filter(_filled, blocks), head, lambda b: b.index in found or (
                b.index in head and bool(at_head) and at_head.holds(b.text)), menu_words, run_min))
        # the links of a page's footer (关于我们 / 联系我们 / 网站地图), from the bottom up, under its residue lines
        found.update(_menu_run(filter(_filled, reversed(blocks)), tail, lambda b: b.index in tail and bool(at_tail)
                               and at_tail.search(b.text) is not None, menu_words, run_min))
    from_notice: int | None = None
    if notice:
        budget = params.get("notice_chars", 1500)
        last: list[Block] = []
        for b in filter(_filled, reversed(blocks)):
            budget -= len(b.text)
            if budget < 0:
                break
            last.append(b)
        if notice.may_begin("\n".join(b.text for b in last)):  # most documents: no notice can begin there
            for b in last:
                if len(b.text.strip()) <= limit and notice.search(b.text):
                    from_notice = b.index
    if head_lines:  # a scraper's YAML block over a text file: the file's, not the text
        found.update(b.index for b in blocks if b.line is not None and b.line <= head_lines and _filled(b))
    picks: Iterable[Block]
    if from_notice is not None:
        picks = filled if filled is not None else filter(_filled, blocks)
    else:  # only the blocks a test below can hold (a block's index is its place in the document)
        picks = [blocks[i] for i in sorted(found | head | tail) if _filled(blocks[i])]
    got = {b.index for b in picks
           if not (len(b.text) > limit and len(b.text.strip()) > limit)
           and ((from_notice is not None and b.index >= from_notice)
                or b.index in found
                or (b.index in head and at_head and at_head.holds(b.text))
                or (b.index in tail and at_tail and at_tail.search(b.text)))}
    page_titles = _line_test(tuple(params.get("page_title_patterns") or ()))
    if page_titles and head:
        suffix = params.get("page_title_suffix")
        got.update(_over_own_title(blocks, head, got, page_titles, suffix if isinstance(suffix, str) else ""))
    fields = _line_test(tuple(params.get("footer_field_patterns") or ()))
    if got and (at_tail or menu_words is not None):
        got.update(_footer(blocks, got, at_tail, fields, menu_words, limit))
    if got and head:
        got.update(_head_pieces(blocks, head, got, at_head))
    beside = _line_test(tuple(params.get("head_beside_patterns") or ()))
    if beside and got and head:
        got.update(_beside_residue(sorted(head), got, blocks, beside))
    got.update(_summary_over_text(blocks, got))
    if got and head:
        got.update(_page_title(blocks, head, got))
        got.update(_heading_between(blocks, head, got))
        got.difference_update(_organizers(blocks, head, got))
    if got:
        got.difference_update(_piece_title(blocks, got))
    yield from sorted(got)


# the title of the first piece of a collection, with the site's number after it (……述职报告篇1, ……总结 第二篇); not
# the numbered entry of the collection's list over the piece (1.微党课比赛讲稿 篇一, its own title under it), nor a line
# with the site's tag in brackets ([通用]……纪要 篇1)
_PIECE_TITLE = re.compile(r"\s*(?![\d一二三四五六七八九十]{1,3}[.．、])[^\s，。；,;:：\[\]【】]{4,40}(?:"
                          + "|".join(TITLE_KINDS) + r")")


def piece_label(text: str) -> tuple[int, int, str] | None:
    """Where ``text`` is a piece's title with a collection's number after it (``outline.PIECE_TAIL``: ……述职报告篇1,
    ……总结 第二篇): the number's start and end, and the title."""
    tail = PIECE_TAIL.search(text) if "篇" in text else None
    if tail is None or _PIECE_TITLE.fullmatch(text, 0, tail.start()) is None:
        return None
    start = tail.start() + len(tail.group()) - len(tail.group().lstrip())
    return start, len(text.rstrip()), text[:tail.start()].strip()


def _piece_title(blocks: Sequence[Block], got: set[int]) -> list[int]:
    """The last residue line over the body when it is a piece's title with the collection's number after it
    (``piece_label``): the document's own title, the number the site's (B101 names it, the title stays)."""
    last = max(got)
    after = next((b for b in blocks[last + 1:] if _filled(b)), None)
    labelled = piece_label(blocks[last].text)
    if after is None or labelled is None:
        return []
    if any(b.text.strip() == labelled[2] for b in blocks[:last] if b.index not in got):
        return []  # the title stands above already (the page's own heading): the line under the site's lines repeats it
    return [last]


_SPONSOR = re.compile(r"\s*主办(?:单位)?\s*[:：]")
_CO_ORGANIZER = re.compile(r"\s*(?:承办|协办|支持)(?:单位)?\s*[:：]")


def _organizers(blocks: Sequence[Block], head: set[int], got: set[int]) -> list[int]:
    """A 主办： line at the head with 承办： or 协办： on the next line: an event's organizers, which an activity plan
    names over its text (主办：××团委 / 承办：××志愿者队), not a portal's sponsor line (主办：×× beside 今天是：)."""
    out = []
    for i in sorted(head & got):
        if _SPONSOR.match(blocks[i].text):
            nxt = next((b for b in blocks[i + 1:] if _filled(b)), None)
            if nxt is not None and _CO_ORGANIZER.match(nxt.text):
                out.append(i)
    return out


def _footer(blocks: Sequence[Block], got: set[int], at_tail: PatternSet | None, fields: _LineTest,
            words: re.Pattern[str] | None, limit: int) -> list[int]:
    """A page's whole footer, from its last line up: the residue found at the very end, then every line above it
    that a tail pattern marks (扫一扫在手机打开当前页), a link of the footer's menu (网站地图, 联系我们) or a contact
    field of the footer (``fields``: 地址：, 主办单位：), up to the first other line; the run is cut to begin at a line
    that is no contact field (a notice's own contact lines stand above the footer). A link's title between two such
    lines (相关政策与解读 / ……印发《……》 / 排行榜) is the footer's too."""
    def marked(b: Block) -> bool:
        if b.index in got:
            return True
        if at_tail is not None and len(b.text) <= limit and at_tail.search(b.text) is not None:
            return True  # 扫一扫在手机打开当前页, 排行榜
        return words is not None and _MENU_ITEM.fullmatch(b.text) is not None and words.search(b.text) is not None

    lines = list(filter(_filled, reversed(blocks)))
    run: list[tuple[int, bool]] = []  # each line and whether it is residue on its own
    for k, b in enumerate(lines):
        if not run and b.index not in got and not (len(b.text) <= limit and fields and fields.holds(b.text)):
            return []  # the page does not end in residue (or in a contact field under it, 地址：……): no footer
        if marked(b):
            run.append((b.index, True))
        elif len(b.text) <= limit and fields and fields.holds(b.text):
            run.append((b.index, False))
        elif run[-1][1] and k + 1 < len(lines) and marked(lines[k + 1]) and _LINK.fullmatch(b.text):
            run.append((b.index, True))  # a related link between two lines of the footer
        else:
            break
    while run and not run[-1][1]:
        run.pop()
    return [i for i, _ in run]


_LINK = re.compile(r"[^。！？\n]{4,80}")  # a link's title: a line of no sentence


# the title a browser shows for a page, copied as the first line: the article's title, in 【】 or not, then the site's
# name after a dash, an underscore or a bar (……的通知_某某市发展改革委, 【……的通知】-某某省人民政府)
_BROWSER_TITLE = re.compile(r"\s*【?(.{6,80}?)】?\s*[-_—–|｜]\s*([^\s\-_—–|｜]{2,30})\s*")
_NEAR = 40  # blocks below the first where the page repeats the article's title


# a line that may be a document's title: no sentence, no clause, no salutation's colon, no item's number before it
_TITLE_LIKE = re.compile(r"(?![（(]?[一二三四五六七八九十\d]{1,3}[、.．)）])[^。，,；;！？!?：:\n]{4,60}")


def _over_own_title(blocks: Sequence[Block], head: set[int], got: set[int], page_titles: _LineTest,
                    suffix: str) -> list[int]:
    """A model-text site's page title (……自查报告范文, ``page_title_patterns``) in the head, over the document's own
    title: the next line that is no residue reads as a title, or opens with the page's title without the site's word
    (``suffix``: ……自查报告 今年我单位……, the title run into the body). Over the body it is the document's title
    itself, the site's word left on it (B101 reports the word)."""
    titles = [i for i in sorted(head) if i not in got and page_titles.holds(blocks[i].text)]
    if not titles:
        return []  # most documents: no page title in the head, no line below read
    out: list[int] = []
    for i in titles:
        b = blocks[i]
        below = next((x for x in blocks[i + 1:] if x.index not in got and _filled(x)), None)
        if below is None:
            continue
        own = unspaced(_without(suffix, b.text))
        if _TITLE_LIKE.fullmatch(below.text.strip()) or (len(own) >= 4 and unspaced(below.text).startswith(own)):
            out.append(b.index)
    return out


def _without(suffix: str, text: str) -> str:
    """``text`` without the match of ``suffix`` at its end (a pattern of a rulebook: none when it does not compile)."""
    try:
        m = re.search(suffix, text) if suffix else None
    except re.error:
        return text
    return text[:m.start()] if m is not None else text


_SUMMARY_LINES = 12  # lines under a page's summary it may run over
_NOT_WORD = re.compile(r"[\W_]+")  # marks and spaces: a summary's quotes and colons are often the page's own kind


_SUMMARY_LEAD = 2


def _summary_over_text(blocks: Sequence[Block], got: set[int]) -> list[int]:
    """The first line of the text (residue passed over), or the second under the page's own title line, when it is a
    page's summary: the lines under it run together (title, subtitle, date, salutation, the first sentences:
    ……会上的讲话守好……同志们:今年以来……), its words those of the first line below and some way into the next, and at
    least four fifths of its words the same as theirs, in order (the summary may stop mid-word, or keep a name the text
    masks below, 某县…… over 县……). The second copy is the document's."""
    lines = list(islice((b for b in blocks if b.index not in got and _filled(b)), 2 + _SUMMARY_LINES))
    for k in range(2):
        if len(lines) < k + 3:
            return []
        own = _NOT_WORD.sub("", lines[k].text)
        first = _NOT_WORD.sub("", lines[k + 1].text)  # the first line below: most texts stop here
        # (a character or two of a name the text drops may come before it)
        lead = own.find(first, 0, _SUMMARY_LEAD + len(first)) if first else -1
        if lead < 0 or len(own) <= lead + len(first) + 4:
            continue
        own = own[lead:]
        joined = first + "".join([_NOT_WORD.sub("", b.text) for b in lines[k + 2:k + 1 + _SUMMARY_LINES]])
        common = next((i for i, (a, b) in enumerate(zip(own, joined, strict=False)) if a != b),
                      min(len(own), len(joined)))
        if common >= len(first) + 4 and common * 5 >= len(own) * 4:
            return [lines[k].index]
    return []


def _browser_title(blocks: Sequence[Block], head: set[int]) -> list[int]:
    """The page's title in the browser over the page, when the page repeats the article's title alone on a line
    below it: the first line, residue (the site's name is no part of the document)."""
    first = min(head)
    m = _BROWSER_TITLE.fullmatch(blocks[first].text)
    if m is None:
        return []
    title = unspaced(m.group(1))
    below = blocks[first + 1:first + 1 + _NEAR]
    return [first] if any(unspaced(b.text) == title for b in below) else []


_SEPARATORS = frozenset((">", "＞", "»", "›", "|", "｜", "/"))  # a breadcrumb's or a switch's separator on its own line
_LABEL_END = (":", "：")  # a field's label whose value went to the next line (来源： / 办公室)
# … but not a share widget's label, whose values are icons (信息来源:××局 发布日期:2022-01-29 分享: / 2021年工作回顾)
_ICON_LABELS = ("分享", "分享到", "扫一扫")
_PIECE = re.compile(r"\s*[\u4e00-\u9fffA-Za-z]{1,8}\s*")  # a name of a breadcrumb or a switch (大 | 中 | 小)
# the kinds a document's title ends in (……的通知, ……的批复, ……的函)
_KINDS = ("通知|通报|报告|方案|意见|办法|决定|请示|批复|纪要|总结|讲话|规定|要点|公告|计划|规划|细则|函"
          "|制度|预案|规则|条例|章程|守则|准则")  # (and the kinds of rules and plans: 制度, 预案 …)
# a short value, no sentence, nor a document's title (县水利局关于……的通知 under an empty 有效性: opens the document),
# nor a numbered heading (一、基本情况 under an empty 时间: begins the body)
_VALUE = re.compile(rf"(?!.*关于)(?!.*(?:{_KINDS})$)"
                    r"(?![一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．])"
                    r"[^。！？；，,;：:\n]{1,12}")


def _head_pieces(blocks: Sequence[Block], head: set[int], got: set[int], at_head: _LineTest) -> list[int]:
    """In the page's head, the pieces its head lines (``at_head``) split off: the names between and after a
    breadcrumb's separators, one to a line (首页 / > / 政务公开 / > / 通知), and a field's value under its label
    (来源： / 办公室)."""
    out: list[int] = []
    previous: Block | None = None
    for i in sorted(head):
        b = blocks[i]
        if not _filled(b):
            continue
        if i not in got and previous is not None and previous.index in got and at_head and at_head.holds(
                previous.text) and (
                (previous.text.strip() in _SEPARATORS and _PIECE.fullmatch(b.text))
                or (previous.text.rstrip().endswith(_LABEL_END) and not previous.text.rstrip()[:-1].endswith(
                    _ICON_LABELS) and _VALUE.fullmatch(b.text.strip()))):
            out.append(i)
            got.add(i)
        previous = b
    return out


def _page_title(blocks: Sequence[Block], head: set[int], got: set[int]) -> Iterator[int]:
    """The page's own title over its residue lines that the document's first line repeats below them (湖南省人民政府
    办公厅文件 / 时间：… 作者：会员上传 / 简介：… / 湖南省人民政府办公厅文件): the first copy is the page's, the second
    the document's."""
    lines = [b for b in blocks if _filled(b)]
    for k, b in enumerate(lines):
        if b.index not in head or b.index in got:
            continue
        j = k + 1
        while j < len(lines) and lines[j].index in got:
            j += 1
        if j > k + 1 and j < len(lines) and lines[j].text.strip() == b.text.strip():
            yield b.index
        return  # only the first line of the page that is no residue


# a document's title: ends in its kind, perhaps with its number in brackets after it (……的通知(某发〔2020〕3号))
_HEADING = re.compile(rf"【?(.{{4,80}}?(?:{_KINDS}))】?"
                      r"(?:[（(][^（）()]{0,30}〔\d{4}〕[^（）()]{0,12}[）)])?")
_ISSUERS_MAX = 40  # characters of issuers' names the document's own title may put before the heading's words


def _heading_between(blocks: Sequence[Block], head: set[int], got: set[int]) -> list[int]:
    """The page's heading: a title between two residue lines of the head (a breadcrumb above, 发布时间：… under it),
    when the document under the residue opens with the same title, its issuers' names before it perhaps and over a
    few lines (国家某局 某局关于做好 / ……工作的通知): the first copy is the page's. A body that only quotes the
    title (现将《……》转发给你们) leaves it the document's own."""
    lines = [b for b in blocks if _filled(b)]
    out: list[int] = []
    for k in range(1, len(lines) - 1):
        b = lines[k]
        if b.index not in head or b.index in got or lines[k - 1].index not in got or lines[k + 1].index not in got:
            continue
        m = _HEADING.fullmatch(unspaced(b.text))
        if m is None:
            continue
        j = k + 1
        while j < len(lines) and lines[j].index in got:
            j += 1
        opening = unspaced("".join(x.text for x in lines[j:j + 3]))
        at = opening.find(m.group(1))
        if 0 <= at <= _ISSUERS_MAX and not _NOT_ISSUERS.search(opening, 0, at):
            out.append(b.index)
    return out


_NOT_ISSUERS = re.compile(r"[《“。，；：！？]")  # before the title, a quote or a sentence: the title is quoted


def _beside_residue(head: list[int], got: set[int], blocks: Sequence[Block], beside: _LineTest) -> Iterator[int]:
    """The head's lines that ``beside`` holds and that stand next to a residue line (a site's name, then the bare
    date it posted the page: 2025-04-02): alone, such a line may be the document's own."""
    for k, i in enumerate(head):
        if i not in got and ((k and head[k - 1] in got) or (k + 1 < len(head) and head[k + 1] in got)) \
                and beside.holds(blocks[i].text):
            yield i


# one link of a menu: a short name, no punctuation (a bullet before it where the page's list was copied as one:
# • 网站首页)
_MENU_ITEM = re.compile(r"\s*(?:[•·]\s*)?[\u4e00-\u9fffA-Za-z]{2,8}\s*")


@lru_cache(maxsize=16)
def _menu_words(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern finding any of ``words`` (literal names of a portal's columns), longest first; None without any."""
    names = sorted({w for w in words if isinstance(w, str) and w}, key=lambda w: (-len(w), w))  # one text each run
    return re.compile("|".join(map(re.escape, names))) if names else None


def _menu_run(lines: Iterable[Block], edge: set[int], marked: Callable[[Block], bool], words: re.Pattern[str],
              run_min: int) -> Iterator[int]:
    """A portal's menu copied one link to a line at an edge of the page (首页 / 政务公开 / 办事服务 / 互动交流 over the
    article, 关于我们 / 联系我们 / 网站地图 under it): reading ``lines`` from that edge inwards, a run of at least
    ``run_min`` short names, each alone on its line, that begins among the ``edge`` blocks (the page's head or tail),
    at least half of them holding a column's name from ``words`` or ``marked`` as residue by a pattern (首页). Lines
    ``marked`` before the run (the footer's 主办单位：…) are passed over; the run may go on past the edge's count of
    blocks, as a long menu does, and ends at the first line that is no such name. The run is cut to its named ends, so
    a title under a menu (述职报告) stays text; a report's title, its addressees or a heading carry punctuation, run
    longer or name no column."""
    run: list[tuple[int, bool]] = []  # each line of the run and whether it names a column
    for b in lines:
        if _MENU_ITEM.fullmatch(b.text):
            if not run and b.index not in edge:
                break
            run.append((b.index, bool(words.search(b.text)) or marked(b)))
        elif run or b.index not in edge or not marked(b):
            break
    named = [k for k, (_, hit) in enumerate(run) if hit]
    if named:
        kept = run[named[0]:named[-1] + 1]
        if len(kept) >= run_min and 2 * len(named) >= len(kept):
            yield from (i for i, _ in kept)


class _LineTest(NamedTuple):
    """Whether a set of patterns matches somewhere in a paragraph: those whose every alternative opens with ``^`` tried
    at the paragraph's start alone (when it holds no line break), the others searched. The alternation of all of them
    searched at every character tries each of its branches there, anchored or not: B101's 57 head patterns, 50 of them
    anchored, cost 27 us a line searched together, about 12 us split (the first lines of the batch corpus: 2.3 times
    faster, same answers). The two sets compile in the time the one did (about 70 ms, once per process)."""

    at_start: PatternSet | None  # the patterns anchored at a line start
    others: PatternSet | None

    def __bool__(self) -> bool:
        return self.at_start is not None or self.others is not None

    def holds(self, text: str) -> bool:
        if self.at_start is not None and (
                self.at_start.match(text) if "\n" not in text else self.at_start.search(text)) is not None:
            return True
        return self.others is not None and self.others.search(text) is not None


@lru_cache(maxsize=16)
def _line_test(patterns: tuple[str, ...]) -> _LineTest:
    """The ``_LineTest`` of ``patterns`` (matched as ``PatternSet`` matches them, with ``re.MULTILINE``). A pattern is
    anchored when each of its top-level alternatives begins with ``^`` (read from its text: parsing 57 patterns cost
    10 ms of every run); one the reading is unsure of is searched."""
    anchored = [all(b.startswith("^") for b in top_level_branches(p) or [""]) for p in patterns]
    at_start = tuple(p for p, a in zip(patterns, anchored, strict=True) if a)
    others = tuple(p for p, a in zip(patterns, anchored, strict=True) if not a)
    return _LineTest(PatternSet(at_start) if at_start else None, PatternSet(others) if others else None)


# ---- a table of contents -----------------------------------------------------------------------------------------
# the headings of the document listed before its body: a template site's article outline, a contents page typed into
# a long report. Its lines are no part of the body (the numbering restarts after it, its headings hold no measures),
# yet it is no web residue to delete: it is left out of the checks and reported by none.
_ENTRY = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                    r"|\d{1,2}(?:\.\d{1,2})*[.．、]?(?=[\u4e00-\u9fff])|第[一二三四五六七八九十百\d]{1,4}[章节部分篇])")
_LEADER = re.compile(r"[\s.．。·…—\-_]*(?:\d{1,4}\s*)?\Z")  # the dots and page number after an entry
# (a model-text site's box: 目录/提纲:…… over the entries, a line of …… under them)
_CONTENTS_LABEL = re.compile(r"\s*(?:目\s*录|目\s*次|提\s*纲|大\s*纲)(?:\s*/\s*(?:提\s*纲|大\s*纲))?"
                             r"\s*(?:[:：]\s*)?(?:…+)?\Z")
_ELISION = re.compile(r"\s*…+\s*\Z")  # a line of …… alone: the end of such a box
_ENTRY_CHARS = 40  # an entry longer than this is a paragraph
_ENTRIES = 3  # fewer entries than this make no table
_SPACES = re.compile(r"\s+")  # left out where entries and headings are compared (一、 部门职责 is 一、部门职责)
_LABEL_CHARS = 6  # a line this short that is an entry's label alone (第一部分) …
_WRAP_CHARS = 12  # the rest of an entry carried to the next line is at most this long …
_WRAPS_AFTER = 16  # … after a line at least this long (a line of a page's width: a short one had room for it)


def contents(doc: Document, residue: frozenset[int] = frozenset()) -> frozenset[int]:
    """The blocks of a table of contents at the top of ``doc``: a run of at least ``_ENTRIES`` short numbered lines
    without a sentence, beginning within the first few lines of text (a 目录 or 提纲 line among those before it belongs
    to it), whose first and one more begin a paragraph further on (dots and a page number after an entry left out; under
    such a label the first is enough)."""
    # the non-blank lines outside the residue, read as the loop needs them, each with the next (most documents are done
    # after five lines, and a table of contents is no longer than the lines it lists: stripping every paragraph cost
    # more than all the rest)
    pending = ((i, t) for i, t in ((b.index, b.text.strip()) for b in doc.blocks if b.index not in residue) if t)
    label: list[int] = []
    entries: list[tuple[int, str]] = []
    wrapped: list[int] = []  # the rest of an entry too long for its line (……支出情 / 况说明)
    closed = -1  # the line of …… that closes a labelled box
    shown: list[int] = []  # the box's lines that show a paragraph's first words (kept only if the box is closed)
    before_shown: tuple[int, int, str] = (0, 0, "")  # the entries and wrapped lines before the first of them
    previous = ""
    at_top = False  # the first entry is the first line of text
    stop = ""  # the line the table ends at
    for n, ((i, text), (_, after)) in enumerate(pairwise(chain(pending, [(-1, "")]))):
        before, previous = previous, text
        if not entries and not _ENTRY.match(text):
            if n >= 5:
                return frozenset()  # no table at the top
            if (boxed := _BOXED_CONTENTS.match(text)) and _outline_in_a_line(doc, i, text[boxed.end():]):
                return frozenset([i])
            if _CONTENTS_LABEL.match(text):
                label.append(i)
            continue  # a title or a line of page chrome before the table
        if entries and _rest_of_entry(text, before, after):
            wrapped.append(i)
            continue
        flat = _SPACES.sub("", text)
        if len(text) > _ENTRY_CHARS or not _ENTRY.match(text) or _STOPS.search(text) or (
                entries and not _ENTRY.fullmatch(entries[0][1])  # a number alone (（四）) names no heading
                and (flat.startswith(entries[0][1]) or entries[0][1].startswith(flat))):
            if label and _ELISION.match(text):
                closed = i
                break
            if label and len(text) <= _BOX_LINE and not _STOPS.search(text) and len(shown) < _BOX_LINES:
                # a labelled box that also shows the first words of some paragraphs (二是成立了……): its line, if a
                # line of …… closes the box below
                if not shown:
                    before_shown = (len(entries), len(wrapped), text)
                shown.append(i)
                continue
            stop = text
            break  # a paragraph, or the body's first heading again right after the table (its label alone on a line)
        at_top = at_top or n == 0
        entries.append((i, _SPACES.sub("", _LEADER.sub("", text))))
    if shown and closed < 0:  # no line of …… closed the box: the table ended at the first of those lines
        kept_entries, kept_wrapped, stop = before_shown
        entries, wrapped, shown = entries[:kept_entries], wrapped[:kept_wrapped], []
    if len(entries) < _ENTRIES:
        return frozenset()
    if at_top and _TITLE_LINE.fullmatch(stop):
        # the headings stand above the document's title, the first lines of the text (一、…… 二、…… 三、…… / 在……上的
        # 讲话 / 同志们：): a page's outline of the text below, whatever of the body it shows
        return frozenset(wrapped + [i for i, _ in entries])
    if closed >= 0:  # a site's box, labelled and closed: its entries need not come again (the page may cut the body)
        return frozenset([*label, *wrapped, *shown, *(i for i, _ in entries), closed])
    later = [_SPACES.sub("", b.text) for b in doc.blocks[entries[-1][0] + 1:] if b.text.strip()]
    # a part's label alone on its line with its name on the next (第一部分 / 部门概况) begins a heading too
    later += [head + name for head, name in pairwise(later) if len(head) <= _LABEL_CHARS and _ENTRY.match(head)]
    found = [any(t.startswith(entry) for t in later) for _, entry in entries]
    # the text stopping in the body's first heading again (……\n一、以 at the end of a page cut short): the first found
    cut = not found[0] and len(later) > 1 and len(later[-1]) >= _CUT_HEADING and entries[0][1].startswith(later[-1])
    # the body's first heading and one more (a page cut short has no more: under a label, 目录 or 提纲, or where the
    # text stops in that heading, the first is enough)
    if not (found[0] or cut) or sum(found) + cut < (1 if label or cut else 2):
        return frozenset()
    return frozenset(label + wrapped + [i for i, _ in entries])


# a site's outline of the text below on one line, in its box's label: 【提纲】一、……。（一）……二、…… (a 目录 with a
# colon too; 提纲： alone may open a 学习提纲 pasted on one line, the document itself)
_BOXED_CONTENTS = re.compile(r"\s*(?:[【\[［]\s*(?:目\s*录|提\s*纲|大\s*纲)\s*[】\]］]|目\s*录\s*[:：])\s*"
                             r"(?=[一二三四五六七八九十]{1,3}、)")
_FIRST_LEVEL = re.compile(r"[一二三四五六七八九十]{1,3}、[^。；;！？\n（(]{4,40}")


def _outline_in_a_line(doc: Document, index: int, entries: str) -> bool:
    """Whether a heading of the first level that the line ``entries`` lists begins a paragraph further on: the outline
    of the text below, not the text."""
    headings = {_SPACES.sub("", m.group()).rstrip("，,") for m in _FIRST_LEVEL.finditer(entries)}
    later = (_SPACES.sub("", b.text) for b in doc.blocks[index + 1:])
    return bool(headings) and any(t.startswith(h) for t in later for h in headings)


_CUT_HEADING = 3  # characters of the body's first heading a text cut short must keep (一、以) to be read as it
_BOX_LINE = 60  # characters of a labelled box's line that shows a paragraph's first words, at most
_BOX_LINES = 30  # such lines in one box, at most
# a document's title: a line without a sentence's end naming the kind of document at its end (……工作方案, 在……上的讲话)
_TITLE_LINE = re.compile(r"[^。！？；;，,\n]{4,60}(?:" + "|".join(TITLE_KINDS) + ")(?:稿)?")


def _rest_of_entry(text: str, before: str, after: str) -> bool:
    """Whether ``text`` is the end of the entry ``before`` that did not fit its line: a few characters, no entry nor
    sentence of their own, after a long entry with no page number, before another entry."""
    return (len(text) <= _WRAP_CHARS and not _ENTRY.match(text) and not _STOPS.search(text)
            and len(before) >= _WRAPS_AFTER and bool(_ENTRY.match(before)) and _LEADER.sub("", before) == before
            and len(before) + len(text) <= _ENTRY_CHARS and bool(_ENTRY.match(after)))


def _site_patterns(ctx: Context, *keys: str) -> PatternSet | None:
    """B101's lists ``keys`` as this run merged them (``[options.B101]`` included; the engine's merged parameters,
    else, for a bare context, the rule's own), as one pattern set."""
    return pattern_set(tuple(p for p in _site_list(ctx, *keys) if isinstance(p, str)))


def _site_list(ctx: Context, *keys: str) -> list[object]:
    """The items of B101's lists ``keys`` as this run merged them."""
    params_of = ctx.cache.get("params_of")
    site = ctx.rulebook.rules.get(RULE)
    params = params_of(RULE) if params_of is not None else (site.params if site is not None else {})
    return [p for key in keys for p in (params.get(key) or ())]


_INLINE_LISTS = (("inline_field_patterns", "inline"), ("spam_patterns", "spam"))

InlinePlace = tuple[int, int, int, str]  # block, start, end, "inline", "spam" or "watermark"


def inline_residue(ctx: Context) -> tuple[InlinePlace, ...]:
    """Where B101's ``inline_field_patterns`` and ``spam_patterns`` (``_site_patterns``) match in the blocks that are
    no residue, list by list: a page's fields, a site's watermark or its blurb run into a line of the text, and spam
    in place of a name. B101 reports each; the engine keeps the other rules' findings that lie wholly inside one out,
    as it keeps them out of residue blocks (a site's keywords 建院周年庆典 are no figure lost from the text). Found
    once per document, for both."""
    def read() -> tuple[InlinePlace, ...]:
        text = ctx.body.text
        found: list[InlinePlace] = []
        tail = repeated_tail(ctx.doc.blocks)  # a site's watermark after its paragraphs (……如下。××百科--为××助力)
        if tail:
            for b in ctx.doc.blocks:
                end = len(b.text.rstrip())
                if b.index not in ctx.residue and b.text.rstrip().endswith(tail):
                    found.append((b.index, end - len(tail), end, "watermark"))
        # a site's definition of the kind, run into a sample's title (……述职报告就是……的文体): read only in a text that
        # holds one of its words (``definition_words``), its first characters (报告, 总结 …) being everywhere
        words = [w for w in _site_list(ctx, "definition_words") if isinstance(w, str) and w]
        definitions = _site_patterns(ctx, "definition_patterns") if any(w in text for w in words) else None
        for b in ctx.doc.blocks if definitions is not None else ():
            if b.index not in ctx.residue:
                found.extend((b.index, m.start(), m.end(), "inline") for m in definitions.finditer(b.text))
        union = _site_patterns(ctx, *(name for name, _ in _INLINE_LISTS))
        if union is None or not union.may_begin(text):  # one scan for the lists' first characters: most texts
            return tuple(found)
        for name, key in _INLINE_LISTS:
            fields = _site_patterns(ctx, name)
            for b in ctx.doc.blocks if fields is not None and fields.may_begin(text) else ():
                if b.index not in ctx.residue:
                    found.extend((b.index, m.start(), m.end(), key) for m in fields.finditer(b.text))
        return tuple(found)

    return ctx.memo("residue.inline_residue", read)  # type: ignore[no-any-return]


def hidden_prompts(ctx: Context) -> PatternSet | None:
    """B101's ``hidden_patterns`` (``_site_patterns``): the prompts a site leaves where it hid part of the text
    (此处隐藏2779字，下载后查看, ……省略912字……). N102 sees no skip across one, T102 no open mark before one."""
    read = lambda: _site_patterns(ctx, "hidden_patterns")  # noqa: E731
    return ctx.memo("residue.hidden_prompts", read)  # type: ignore[no-any-return]


def elided(ctx: Context) -> bool:
    """Whether the text holds a notice of B101's ``elided_patterns`` (``_site_patterns``): a sharing site showed the
    document's head and tail and left out part of the middle, at no place the text shows (N101 and N102 say
    nothing of a count that jumps)."""
    def read() -> bool:
        notices = _site_patterns(ctx, "elided_patterns")
        return notices is not None and notices.search(ctx.body.text) is not None

    return ctx.memo("residue.elided", read)  # type: ignore[no-any-return]


def hides_part(ctx: Context) -> bool:
    """Whether a site hid part of the text: a prompt of B101's ``hidden_patterns`` in it (此处隐藏2779字) or a notice
    of its ``elided_patterns`` (``elided``). The parts a document should have may be in what it hid."""
    def read() -> bool:
        hidden = hidden_prompts(ctx)
        return (hidden is not None and hidden.search(ctx.body.text) is not None) or elided(ctx)

    return ctx.memo("residue.hides_part", read)  # type: ignore[no-any-return]
