"""B1 checks: download-site residue, page furniture, placeholders, repeats, pasted self-references."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import chain, compress, islice, pairwise, repeat
from operator import itemgetter, ne, not_
from pathlib import Path
from typing import Any, NamedTuple

from ..context import Context
from ..forms import flattened_form_cells
from ..hookspecs import hookimpl
from ..model import Block, Document, Finding, Rule
from ..outline import PIECE_TAIL
from ..residue import InlinePlace, inline_residue, piece_label
from ..scan import PatternSet, anchor, pattern_set
from ..scattered import scattered_marks
from ..textutil import entity_reference, sentences, similarity, strip_label, unspaced
from .markup import markdown_bold


def _residue_inside(doc: Document, params: Mapping[str, Any], residue: frozenset[int],
                    text: str, inline: Sequence[InlinePlace]) -> Iterator[tuple[int, int, int, str]]:
    """Residue inside a long block (a report pasted as one line): ``patterns`` anywhere in
    it; ``tail_inline_patterns`` (a news dateline, a newspaper's source line) in the last
    ``tail_inline_chars`` characters of the document, on one long line or on short ones;
    ``inline_patterns`` (a site's markers), ``inline_field_patterns`` (a page's fields or a site's name run into a
    line), ``hidden_patterns`` (a site's prompt where it hid part of the text) and ``spam_patterns`` (gambling spam a
    hacked site wrote in place of a name) in any block, and a site's watermark after every paragraph
    (``watermark.repeated_tail``) (``text``: the
    document's joined text, where a marker's first characters are looked for at once; ``inline``: the places of the
    first and the last of those lists, ``residue.inline_residue``)."""
    limit = params.get("max_block_chars", 300)
    anywhere = pattern_set(tuple(params.get("patterns") or ()))
    at_end = pattern_set(tuple(params.get("tail_inline_patterns") or ()))
    markers = pattern_set(tuple(params.get("inline_patterns") or ()))
    filled = [b for b in doc.blocks if b.text.strip() and b.index not in residue]
    for b in filled if markers is not None and markers.may_begin(text) else ():
        if len(b.text.strip()) <= limit:
            for m in markers.finditer(b.text):
                yield b.index, m.start(), m.end(), "marker"
    yield from (place for place in inline if place[3] == "inline")
    hidden = pattern_set(tuple(params.get("hidden_patterns") or ()))
    for b in filled if hidden is not None and hidden.may_begin(text) else ():
        for m in hidden.finditer(b.text):
            yield b.index, m.start(), m.end(), "hidden"
    yield from (place for place in inline if place[3] in ("spam", "watermark"))
    # the blocks within the document's last ``tail_inline_chars`` characters, each with where that stretch begins in
    # it: the end of one long line, or the short lines a news page's dateline and source line stand on
    edges: dict[int, int] = {}
    left = params.get("tail_inline_chars", 200)
    for b in reversed(filled if at_end else ()):
        size = len(b.text.rstrip())
        edges[b.index] = max(0, size - left)
        left -= size + 1
        if left <= 0:
            break
    for b in filled:
        edge = edges.get(b.index)
        if len(b.text.strip()) <= limit:
            if edge is not None:
                for m in _scan(at_end, b.text, edge):  # type: ignore[arg-type]
                    yield b.index, m.start(), m.end(), "inline"
            continue
        spans = [(*m.span(), "inline") for m in _scan(anywhere, b.text)] if anywhere else []
        spans += [(*m.span(), "marker") for m in _scan(markers, b.text)] if markers else []
        if edge is not None:
            spans += [(*m.span(), "inline") for m in _scan(at_end, b.text, edge)]  # type: ignore[arg-type]
        for start, end, key in sorted(set(spans)):
            yield b.index, start, end, key


def _other_lines(doc: Document, blocks: list[int]) -> list[dict[str, Any]]:
    """The ``related`` places of one finding for many: the lines of ``blocks`` past the first one's, once each."""
    return [{"path": doc.path, "line": line} for line in sorted({doc.line_of(b) for b in blocks[1:]}
                                                                  - {doc.line_of(blocks[0])})]


_NEAR = 8  # residue markers at most this many characters apart are one passage (预览结束,免费获取全文或定制代笔)


def _one_per_passage(spans: Iterable[tuple[int, int, int, str]]) -> Iterator[tuple[int, int, int, str]]:
    """``_residue_inside``'s spans with those close together in one block made one: a site's line glued to a
    paragraph's end (……预览结束,免费获取全文或定制代笔此类文章!) is one passage, said once."""
    last: tuple[int, int, int, str] | None = None
    for span in spans:
        if last is not None and span[0] == last[0] and span[1] - last[2] <= _NEAR and span[3] == last[3]:
            last = (last[0], last[1], max(last[2], span[2]), last[3])
            continue
        if last is not None:
            yield last
        last = span
    if last is not None:
        yield last


def _site_word_on_title(ctx: Context, params: Mapping[str, Any]) -> tuple[int, int, int] | None:
    """Where the document's title (no residue) is a model-text site's page title (``page_title_patterns``:
    ……自查报告范文 over the body, no title of its own under it), the site's word at its end (``page_title_suffix``)
    as (block, start, end)."""
    title = ctx.outline.title
    suffix = params.get("page_title_suffix")
    if title is None or title.block in ctx.residue or not isinstance(suffix, str) or not suffix:
        return None
    text = ctx.doc.blocks[title.block].text
    titles = pattern_set(tuple(params.get("page_title_patterns") or ()))
    word = _compiled(suffix) if titles is not None and titles.search(text) is not None else None
    m = word.search(text) if word is not None else None
    return (title.block, m.start(), len(text[:m.end()].rstrip())) if m is not None and m.group().strip() else None


@lru_cache(maxsize=4)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
        return None


# two ASCII characters, a space and a third: the least a jammer holds (one search of a whole report, about 0.8 ms
# per MB, where the tokens' alternation took 2.9)
_JAM_HINT = re.compile(r"[!-~][!-~] [!-~]")


def _jammer(blocks: list[Block], params: Mapping[str, Any], text: str) -> Iterator[tuple[int, int, int]]:
    """The random strings a forum hides in its posts against copying (Discuz!'s "jammer" text: ``4 U+ Z. t1 D& z3``),
    which a copy takes along: a run ``jammer_pattern`` finds (short tokens of ASCII marks and letters between single
    spaces) in which ``jammer_tokens`` tokens or more pair a letter or digit with a mark (``U+``, ``D&``, not a share
    such as ``5%``); a formula (A + B = C) has single marks, a row of numbers none. ``text``: the document's text,
    looked through once for a token of that kind before any block is scanned."""
    pattern = params.get("jammer_pattern")
    least = params.get("jammer_tokens", 3)
    jam = _compiled(pattern) if isinstance(pattern, str) and pattern else None
    if jam is None or type(least) is not int or text.count(" ") < 4 or not _JAM_HINT.search(text):
        return  # most texts hold no letter or digit with a mark and a space after it: one search of the whole text
    for b in blocks:
        if b.kind == "cell":
            continue
        for m in jam.finditer(b.text):
            if sum(len(t) == 2 and t[0].isalnum() != t[1].isalnum() and not (t[0].isdigit() and t[1] == "%")
                   for t in m.group().split(" ")) >= least:  # 5% is a share (a row of a table: 8% | 0% | 0% |)
                yield b.index, m.start(), m.end()


def _scan(patterns: PatternSet, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """The matches of ``patterns`` in one block's ``text`` from ``pos``, those of ``patterns.pattern.finditer``.
    The set's own ``finditer`` skips to the characters a match can begin with: ``re`` alone tries the 49 branches
    of B101's ``patterns`` at every character, 1.5 us a character of a long block (the real texts' long blocks,
    104k characters: 160 ms -> 16 ms). That filter never lets a match begin at a line break (``Body``'s joined
    text), so a block holding one is scanned by ``re`` alone."""
    return patterns.finditer(text, pos) if "\n" not in text else patterns.pattern.finditer(text, pos)




def check_residue(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports text a download or news site leaves behind (notices, customer-service lines,
    copyright disclaimers, 原文链接, 全文共N个字, page chrome such as 今天是:/主办:/time
    stamps at the top). One finding per contiguous run of such blocks; blank lines and
    the value lines of a metadata table (an index number, a date, a short unit name) do
    not break a run. Position matters: page chrome counts only at the top or bottom. No other rule reads residue
    blocks, nor says anything of words that lie wholly inside what ``inline_field_patterns`` or ``spam_patterns``
    find inside a line (a site's keywords run into the salutation hold no year lost from the text).
    ## Parameters
    ``patterns`` (anywhere), ``head_patterns`` / ``head_blocks``, ``tail_patterns`` /
    ``tail_blocks``: regular expressions, extendable in a user rulebook.
    ## Example
    温馨提示: / 1. 文件下载后无此问题 / 网站客服:… → one B101 over the run."""
    doc = ctx.doc
    found = sorted(ctx.residue - ctx.contents)  # a table of contents is no residue to delete
    # one run of neighbouring residue blocks: the blank and value lines between two residue lines are residue already
    # (``residue.bridged``), the document's title between them not
    runs: list[list[int]] = []
    for i in found:
        if runs and runs[-1][-1] + 1 == i:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        first, last = doc.blocks[run[0]], doc.blocks[run[-1]]
        start = len(first.text) - len(first.text.lstrip())
        # the count is of what the reader deletes: every line of the run that is not blank, the values between its
        # residue lines (a portal's menu items under 设为首页, a table's values under their labels) with them
        shown = sum(1 for b in doc.blocks[first.index:last.index + 1] if b.text.strip())
        yield rule.finding(doc, first.index, start, len(last.text.rstrip()), end_block=last.index,
                           sample=first.text.strip()[:16], count=shown)
    word = _site_word_on_title(ctx, rule.params)
    if word is not None:
        yield rule.finding(doc, *word, key="title_word", text=doc.blocks[word[0]].text[word[1]:word[2]])
    for b in islice((b for b in doc.blocks if b.text.strip() and b.index not in ctx.residue), _PIECE_LINES):
        # a collection's number after the piece's title at the top (……述职报告篇1): the site's, the title the document's
        labelled = piece_label(b.text)
        if labelled is not None:
            start, end, title = labelled
            yield rule.finding(doc, b.index, start, end, key="piece_label", text=b.text[start:end], title=title)
            break
    inside = list(_residue_inside(doc, rule.params, ctx.residue, ctx.body.text, inline_residue(ctx)))
    for index, start, end, key in _one_per_passage(x for x in inside if x[3] not in _ONE_FOR_ALL):
        text = doc.blocks[index].text[start:end]  # a page's style sheet runs to hundreds of characters: its start
        yield rule.finding(doc, index, start, end, key=key, text=text if len(text) <= 40 else text[:30] + "…")
    for key in _ONE_FOR_ALL:
        # the same spam word in place of the names all through a page, a watermark after every paragraph: one finding,
        # at the first, with the count
        places = [x for x in inside if x[3] == key]
        if places:
            index, start, end, _ = places[0]
            yield rule.finding(doc, index, start, end, key=key, text=doc.blocks[index].text[start:end],
                               count=len(places), related=_other_lines(doc, [x[0] for x in places]))
    jammed = list(_jammer([b for b in doc.blocks if b.index not in ctx.residue], rule.params, ctx.body.text))
    if jammed:  # a forum's copy holds dozens: one finding, at the first, with the count
        index, start, end = jammed[0]
        text = doc.blocks[index].text[start:end]
        yield rule.finding(doc, index, start, end, key="jammer", text=text if len(text) <= 40 else text[:30] + "…",
                           count=len(jammed))
    scattered = scattered_marks(ctx).runs
    if scattered:  # marks a site scattered inside the words of its text (人?民): one finding, the other lines related
        b, start, end = scattered[0]
        yield rule.finding(doc, b, start - 1, end + 1, key="scattered", text=doc.blocks[b].text[start - 1:end + 1],
                           count=len(scattered), blocks=len({x for x, _, _ in scattered}),
                           related=_other_lines(doc, [x for x, _, _ in scattered]))
    for meta_key, key in (("html_entities", "entities"), ("char_entities", "characters"), ("html_tags", "tags")):
        # space entities and tags of a web page's source in a .txt (the loader read them as spaces)
        marks = doc.meta.get(meta_key)
        at = _offset_of(doc, marks[0], marks[1]) if isinstance(marks, tuple | list) and len(marks) == 4 else None
        if at is not None:
            index, start = at
            shown = str(marks[2])
            yield rule.finding(doc, index, start, start + len(shown), key=key,
                               text=shown if len(shown) <= 24 else shown[:20] + "…", count=marks[3],
                               char=_unescaped(shown) if key == "characters" else "")


_PIECE_LINES = 5  # the lines of text at the top where a piece's title with its number in a collection stands
_ONE_FOR_ALL = ("spam", "watermark")  # inline residue said once for the whole text, with its count


def _unescaped(entity: str) -> str:
    """The character an HTML character reference stands for (``html`` imported here: few texts hold one)."""
    from html import unescape

    return unescape(entity_reference(entity))


def _offset_of(doc: Document, line: Any, column: Any) -> tuple[int, int] | None:
    """The block and offset of 1-based physical ``line`` and 0-based ``column`` of a text file."""
    if not isinstance(line, int) or not isinstance(column, int):
        return None
    for b in doc.blocks:
        if (b.line or b.index + 1) == line:
            return b.index, column
        for start, ln, col in b.joins:
            if ln == line:
                return b.index, start + column - col
    return None


_SENTENCE_MARK = re.compile(r"[。；;！!？?，,、：:]")


def _header_like(text: str) -> bool:
    """A short line that could be a running header or footer: it has Chinese text, no
    sentence punctuation, is not a number or a table label (单位：万元, 合计, 项目)."""
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return (han >= 4 and not _SENTENCE_MARK.search(text)
            and sum(ch.isdigit() for ch in text) <= len(text) // 2)


def _running_headers(doc: Document, minimum: int, cells: frozenset[int] = frozenset()) -> Iterator[list[Block]]:
    """Groups of blocks that repeat one short line the way a page header or footer does.
    With page numbers (PDF): the line is the first or last of its page, on ``minimum``
    different pages. Without (text, Word): the line recurs at least ``minimum`` times,
    always at least ``gap`` paragraphs apart, as a header copied with each page would.
    Table cells (``cells``: those of a form flattened into lines too) and headings are never headers."""
    short: dict[str, list[Block]] = {}
    edges: set[int] = set()
    by_page: dict[int, list[Block]] = {}
    for b in doc.blocks:
        text = b.text.strip()
        if not text:
            continue
        if b.page is not None:
            by_page.setdefault(b.page, []).append(b)
        if len(text) <= 30 and b.kind not in ("cell", "heading", "title") and b.index not in cells \
                and _header_like(text) and not (text[0] in "|｜" and text[-1] in "|｜") \
                and not _NUMBERED_HEADING.match(text):  # a row typed with pipes; a numbered heading said again
            short.setdefault(text, []).append(b)
    for blocks in by_page.values():
        edges.update(b.index for b in (blocks[0], blocks[-1]))
    gap = 8
    for blocks in short.values():
        if len(blocks) < minimum or 2 * sum(_opens_title(doc, b) for b in blocks) > len(blocks):
            continue  # the issuer's name over each title of a document and its attachments (附件1：/ 某公司 / 申报表)
        if by_page:
            at_edge = [b for b in blocks if b.index in edges]
            if len({b.page for b in at_edge}) >= minimum and len(at_edge) == len(blocks):
                yield blocks
        elif all(b.index - a.index >= gap for a, b in pairwise(blocks)):
            yield blocks


# a line opening with an item's label (1.适用范围, （二）申报主体, 三、操作流程): the same heading of parallel
# sections (each procedure of a set under the same 1. 2. 3. heads), never a page's header or footer
_NUMBERED_HEADING = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、"
                               r"|\d{1,3}[.．、](?!\d))")


# the last line of a title: a name closed by a kind of document or form (……管理办法（试行）, ……申报表, ……评分标准)
_TITLE_END = re.compile(r"(?:办法|规定|细则|制度|规范|标准|方案|通知|报告|意见|要点|计划|总结|清单|目录|名单|指南|说明"
                        r"|须知|[表单书])(?:[（(][^）)]{1,8}[）)])?$")


def _opens_title(doc: Document, b: Block) -> bool:
    """Whether the next line after ``b`` closes a title that ``b`` opens: a short line ending in a kind of document
    or form, with no sentence mark (中交某公司 / 管理创新成果申报表)."""
    nxt = next((x.text.strip() for x in doc.blocks[b.index + 1:b.index + 3] if x.text.strip()), "")
    return 0 < len(nxt) <= 30 and not _SENTENCE_MARK.search(nxt) and _TITLE_END.search(nxt) is not None


def _present_branches(patterns: tuple[str, ...], text: str) -> PatternSet:
    """The set of the ``patterns`` whose anchor (``scan.anchor``: Chinese characters every match
    holds) occurs in ``text``: the others cannot match there, so its matches are those of the
    whole set, and a set left with a first-character filter needs no other (B102's fused
    header may begin with any Chinese character, but needs 材料之). Each anchor is looked for
    with ``in`` (one scan in C), where ``PatternSet.for_text`` steps over every place of it
    (第 is in every report)."""
    kept = tuple(p for p in patterns if not (a := anchor(p)) or a in text)
    return pattern_set(kept) or _NO_PATTERN


_NO_PATTERN = PatternSet((r"[^\s\S]",))  # matches nothing


def check_page_artifact(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports page furniture inside the body: a line that is only a page number
    (第5页 共5页, — 3 —, -3-, 3/5), a page number or a running header fused into a
    sentence (…元）—3—者, 未2024年第3次党委会议材料之一通过), and a short line repeated
    the way a page header is (at the top or bottom of several pages; in text without
    pages, recurring far apart). A header is one finding, its other places in ``related``.
    Table cells, headings, numbers and labels such as 单位：万元 or 合计 are never headers.
    ## Parameters
    ``line_patterns``: whole-line page numbers (a line of at most 30 characters);
    ``inline_patterns``: fused ones;
    ``header_min_repeats``: how often a short line must repeat to count as a header.
    ## Example
    第5页 共5页 on its own line → B102."""
    doc = ctx.doc
    line_set = pattern_set(tuple(rule.params.get("line_patterns", ())))
    inline_set = pattern_set(tuple(rule.params.get("inline_patterns", ())))
    whole_line = line_set.pattern.fullmatch if line_set else None
    lines: set[int] = set()
    if whole_line:
        for b in doc.blocks:
            text = b.text.strip()
            if text and len(text) <= 30 and b.kind != "cell" and b.index not in ctx.residue and whole_line(text):
                lines.add(b.index)
                s = len(b.text) - len(b.text.lstrip())
                yield rule.finding(doc, b.index, s, s + len(text), key="line", text=text)
    if inline_set:
        for b, offset, m in ctx.body.finditer(_present_branches(tuple(rule.params.get("inline_patterns", ())),
                                                                ctx.body.text)):
            if b.index not in ctx.residue and b.index not in lines and b.kind != "cell":
                # a page number or header fused into a sentence: deleting it joins the sentence again
                yield rule.finding(doc, b.index, m.start() - offset, m.end() - offset, key="inline", text=m.group(),
                                   autofix="")
    title_text = ctx.outline.title.text.strip() if ctx.outline.title else None
    # a web page's source has no pages: a line it repeats is a table's cell or a menu's item, no running header
    headers = () if doc.meta.get("page_source") else _running_headers(doc, rule.params.get("header_min_repeats", 3),
                                                                       flattened_form_cells(ctx))
    for blocks in headers:
        b = blocks[1]
        text = b.text.strip()
        s = len(b.text) - len(b.text.lstrip())
        related = [{"path": doc.path, "line": o.index + 1} for o in blocks if o is not b]
        yield rule.finding(doc, b.index, s, s + len(text), key="header", text=text, count=len(blocks),
                           title="（与标题相同）" if text == title_text else "", related=related)


_KIND_BY_NEXT = (
    (re.compile(r"^@"), "邮箱"),
    # a title first: 局长, 县长, 处长 begin with the characters of a body (局, 县, 处); in traditional characters too
    # (縣長, 書記: a page from Hong Kong, Macao or Taiwan, or one converted)
    (re.compile(r"^(?:同志|[书書][记記]|主任|(?:局|部|[县縣]|市|[镇鎮]|科|[处處])[长長]|委[员員])"), "姓名"),
    # the number of a congress or a plenum (党的xx大明确提出, xx届三中全会, xx大精神): a figure, not a place
    (re.compile(r"^(?:大|届)(?:[一二三四五六七八九十]?中全会|精神|报告|明确|提出|以来|胜利|召开|代表|上|的)"), "数字"),
    # a measure of land, weight, length or things (恢复林地*公顷, 清运垃圾××吨, 新建道路×公里), read before the
    # characters of bodies below (公 of 公司)
    (re.compile(r"^(?:亩|公顷|吨|公里|千米|平方米|立方米|米|辆|套|座|倍)"), "数字"),
    # … and the people of a place (带领××人民, ××人民政府): the place's name
    (re.compile(r"^(?:[省市县区镇乡村街局委厅办处科院校所公司单位部縣區鎮鄉廳辦處]|人民|政府)"), "单位或地名"),
    (re.compile(r"^(?:年|月|日|号)"), "日期"),
    # a count (XX项任务, XX家单位, XX人); not a project's name (××项目) nor a family or its home (××家庭, ××家中)
    (re.compile(r"^(?:元|万|亿|人|个|项(?!目)|家(?![庭属长乡园中里])|名|次|件|户|%|％)"), "数字"),
)
_KIND_BY_PREV = (
    (re.compile(r"(?:联系人|记录人?|主持人?|组长|主任|负责人|审核人?|签发人?|经办人|参会人员|参会|出席)\s*(?:[:：]\s*)?$"),
     "姓名"),
    # 联系人及电话：XXX，6309XXXX — a joint label: its first blank is the name
    (re.compile(r"联系人\s*[及和与、/]\s*(?:联系)?(?:电话|方式)\s*(?:[:：]\s*)?$"), "姓名"),
    # … and a speaker naming himself (我叫***，现任……; 本人***): his name
    (re.compile(r"(?:我叫|本人|姓名\s*[:：])\s*$"), "姓名"),
    (re.compile(r"(?:电话|手机|传真|座机)\s*(?:[:：]\s*)?[\d-]*$"), "电话号码"),
    (re.compile(r"(?:邮箱|E-?mail|email)\s*(?:[:：]\s*)?$", re.IGNORECASE), "邮箱"),
    # the masked end of a telephone number: 6309XXXX; not a year the blank runs on from (报告2024X镇中心学校)
    (re.compile(r"(?<!\d)(?!(?:19|20)\d\d$)\d{3,}$"), "号码"),
    (re.compile(r"附件\s?$"), "附件序号"),
)
# a cadre's post in a profile line (现任××局长, 拟任××村党支部书记, 现任××。): before a post's title or a place the
# blank is the body, else the body and the post; never a name
_POST_BEFORE = re.compile(r"(?:现任|拟任|担任|调任|曾任)\s*$")
# … and the place of origin in a cadre's profile line, after the date of birth (……，生于19××年×月，××人，): the
# 籍贯 of the usual order 姓名、性别、民族、出生年月、籍贯
_BORN_BEFORE = re.compile(r"(?:生于|出生|月生)[^，,。；;]{0,12}[，,]\s*$")
_JOINED = re.compile(r"[年月日号〔〕\[\]（）()类款项\s/.-]{0,3}")  # between the blanks of one date or number
_LEAD = re.compile(r"[〔\[（(]?\d{1,4}$")  # the written part before a joined blank: 〔20XX
_TAIL = re.compile(r"[年月日号〕\]）)]")  # and the unit that closes it: XX号
_WIDE_X = str.maketrans("Ｘｘ＊", "XX*")
_SYMBOLS = re.compile(r"^[XxＸｘ×○□△*＊某]+$")  # a placeholder made of marks alone, not a written hint


_UNKNOWN_KIND = "具体内容"
# a word a model-text site masked with its pinyin initials (ZZ 政治, ZF 政府, GCD 共产党, D 党; X的二十大 apart)
_MASKED = re.compile(r"(?:ZZ|ZF|GCD|D)$")
# … and what follows an X or x that stands for 党 (X的, X委, X员 …) or 习 (x近平, x新时代……思想)
_MASK_NEXT = re.compile(r"的|委|员|建|支部|总支|小组|课|风|性|徽|旗|章|纪|史|务|政|群|组织|近平|新时代")


# (not a joint label's: 联系人及电话：XXX, whose first blank is the name)
_PHONE_BEFORE = re.compile(r"(?<![及和与、/])(?<![及和与、/]联系)(?:电话|手机|传真|座机)\s*[:：]?\s*$")


def _kind(text: str, start: int, end: int) -> str:
    if _PHONE_BEFORE.search(text, max(0, start - 12), start):
        return "电话号码"  # 电话：xxxxxxxxxxx, a date's 年 run on after it (the next line glued) or not
    if text[end:end + 1] in ("年", "月", "日") or text[end - 1:end] == "日":
        return "日期"  # 201x年, 20XX年: the unit of a date right after the blank says more than the digits before it
    before = text[max(0, start - 12):start]
    if text[end:end + 1] == "人" and _BORN_BEFORE.search(text, max(0, start - 24), start):
        return "籍贯"
    if _POST_BEFORE.search(before):
        after = next((k for rx, k in _KIND_BY_NEXT if rx.match(text[end:end + 4])), "")
        return "单位或地名" if after in ("姓名", "单位或地名") else "单位和职务"
    return (next((k for rx, k in _KIND_BY_PREV if rx.search(before)), None)
            or next((k for rx, k in _KIND_BY_NEXT if rx.match(text[end:end + 4])), _UNKNOWN_KIND))


def _family(text: str) -> str:
    """The mark a placeholder is made of: its first character past the written digits a joined passage may open
    with (20XX年X月 is of the X family, as the X日 after it)."""
    return text.strip().lstrip("0123456789〔[（(")[:1].upper().translate(_WIDE_X)


def _blank_key(text: str) -> str:
    """A placeholder's text normalised for comparison: spaces dropped, x and full-width marks folded."""
    return re.sub(r"\s+", "", text).upper().translate(_WIDE_X)


Place = tuple[Block, int, int, str]  # block, start, end, kind of field


def _same_blanks(places: list[tuple[Block, int, int, str, str]],
                 group_from: int) -> list[tuple[str, str, list[Place], bool]]:
    """What B103 reports: (form, kind, places, across the text?). A blank is the same normalised
    placeholder text in the same kind of field (22 × XX局 is one blank; 〔20XX〕XX号, XXXX人民政府
    and [此处输入正文内容] are three); a place whose field is unknown (以XXX为指导) takes the
    field of its text when the text fills one kind of field only, and a finding names a field only when at
    least half of its blank's places name it. A blank repeated in
    ``group_from`` places over several paragraphs is one finding. Other places are reported
    by paragraph, and a paragraph says one thing about one blank: its places of one
    placeholder text are one finding whatever their fields (a name masked as XXX throughout
    a one-line text, XXX@… beside it)."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for b, start, end, kind, form in places:
        counts.setdefault((form, _blank_key(b.text[start:end])), Counter())[kind] += 1
    blanks: dict[tuple[str, str, str], list[Place]] = {}
    for b, start, end, kind, form in places:
        text = _blank_key(b.text[start:end])
        known = [k for k in counts[(form, text)] if k != _UNKNOWN_KIND]
        if form == "hint" or kind == _UNKNOWN_KIND:
            kind = known[0] if len(known) == 1 else _UNKNOWN_KIND
        blanks.setdefault((form, text, kind), []).append((b, start, end, kind))
    out: list[tuple[str, str, list[Place], bool]] = []
    by_paragraph: dict[tuple[int, str, str], list[Place]] = {}
    def named(form: str, text: str, kind: str) -> str:
        # the field a finding names is the one at least half the blank's places name: a name column masked as XXX
        # beside unit names holds one XXX before 市场营销部, which makes no field of the other 35
        kinds = counts[(form, text)]
        return kind if kinds[kind] * 2 >= sum(kinds.values()) else _UNKNOWN_KIND

    # a blank is the same text in the same kind of field; the fields of one text whose places share a paragraph
    # (xx户 and xx名 in one sentence of a model text) are one blank, so a paragraph says one thing about it
    merged: dict[tuple[str, str], list[list[Place]]] = {}
    for (form, text, _), same in blanks.items():
        groups = merged.setdefault((form, text), [])
        paragraphs = {p[0].index for p in same}
        joined = [g for g in groups if paragraphs & {p[0].index for p in g}]
        for g in joined:
            groups.remove(g)
        groups.append(sorted([*same, *(p for g in joined for p in g)], key=lambda p: (p[0].index, p[1])))
    for (form, text), groups in merged.items():
        whole = [g for g in groups if len(g) >= group_from and len({p[0].index for p in g}) > 1]
        if whole and len(whole) < len(groups):
            # a blank said for the whole text (XX in 15 places) takes in its few places in another field (达XX%): one
            # finding for one placeholder, whatever the paragraphs a converter made of the lines; two fields each
            # filled in many places (XX局 …, 联系人：XX …) stay two blanks
            largest = max(whole, key=len)
            rest = [p for g in groups if g not in whole for p in g]  # the groups share no place: equal is the same
            groups = [g for g in whole if g is not largest]
            groups.append(sorted([*largest, *rest], key=lambda p: (p[0].index, p[1])))
        for same in groups:
            if len(same) >= group_from and len({p[0].index for p in same}) > 1:
                out.append((form, named(form, text, same[0][3]), same, True))
                continue
            for p in same:
                by_paragraph.setdefault((p[0].index, form, text), []).append(p)
    for (_, form, text), same in by_paragraph.items():
        same.sort(key=lambda p: p[1])
        out.append((form, named(form, text, same[0][3]), same, False))
    return out


_FORMULA_TERM = re.compile(r"(?<=[+＋])[A-Za-z](?![A-Za-z])|(?<![A-Za-z])[A-Za-z](?=[+＋])")


# the opening of a quoted form to follow (以标题“…”, 标题采用“…”, 格式为“…”, 命名为“…”, 邮件主题标明：“…”,
# 请注明“…”) with no closing quote after it
_IN_FORMAT = re.compile(r"(?:标题|主题|格式|命名|模板|样式|写法|[标注写]明|备注|名称)"
                        r"(?:为|是|采用|统一为|如下|[标注写]明|(?:统一|一律)?定为)?[:：]?\s*“[^”\n]*$")


# the line of a printed form that is signed, stamped and dated by hand: its blanks (____, 年  月  日) stay blank
_HANDWRITTEN = re.compile(r"签字|签名|签章|盖章|[（(]\s*(?:公?章|签字|盖章)\s*[）)]")
# a sentence that tells the reader how to name something (文件名, 命名为), or reports the
# words written on something (写上……字样): its XX is the reader's slot, or the words quoted, not a blank left
_FOR_THE_READER = re.compile(r"文件名|命名|字样")


def _sentence_around(text: str, start: int) -> str:
    """The sentence of ``text`` (``sentences``) that holds ``text[start]``."""
    return next((text[s:e] for s, e in sentences(text) if s <= start < e), text)


# an example right after a placeholder (“推介××”（如“推介某某医院”）, ××村（例如：……）): the form of a name or title the
# reader is to write, a slot on purpose
# (not 如 without a quote: （如持平作持平表述） says what to write if, no example)
_EXAMPLE_AFTER = re.compile(r"[”’》]?\s*[（(]\s*(?:(?:如|例如|比如|譬如)[：:]?\s*[“《]"
                            r"|(?:例如|比如|譬如)[：:\u4e00-\u9fff])")


def check_placeholder(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports template leftovers where a name or a fact belongs: XX/xx/XXX/×××/某某/○○/□□,
    a lone ``*`` between Chinese characters, 2024年x月x日, [填写]/【 】/（此处…）, a
    writer's hint left in the text (（增加内容）, （如持平作持平表述）) and a blank left
    unfilled (主要原因是。). The message names what seems to be missing, judged from the
    characters around it (联系人： → 姓名, 市/县 → 单位或地名, 年/月 → 日期).
    ``某某`` after a surname (王某某) is anonymisation, not a placeholder. Only repeats of the
    same blank make one finding: the same placeholder text in the same kind of field
    (22 × XX局, a name masked as XXX everywhere) or one hint written many times, with the
    count and the other places in ``related``, once there are ``group_from`` of them (two
    in one paragraph are one finding already). Distinct blanks of one template
    (〔20XX〕XX号, XXXX人民政府, [此处输入正文内容]) are a finding each.
    ## Parameters
    ``patterns``: regular expressions; ``surnames``: characters before 某某 that make it a name;
    ``group_from``: from how many places of one blank they make one finding (default 3).
    ## Example
    全力落实县委*工作部署 → B103 at ``*``."""
    doc = ctx.doc
    patterns = pattern_set(tuple(rule.params.get("patterns", ())))
    if patterns is None:
        return
    surnames = set(rule.params.get("surnames", ""))
    step_verbs = tuple(rule.params.get("step_verbs", ()))
    places: list[tuple[Block, int, int, str, str]] = []  # block, start, end, kind, "mark" or "hint"
    # letters the text uses as terms of a formula (“65+N+X”的指标体系, X是区级新增指标): symbols it defines, no blanks
    terms = set(_FORMULA_TERM.findall(ctx.body.text)) if "+" in ctx.body.text or "＋" in ctx.body.text else set()
    for b, offset, m in ctx.body.finditer(patterns):
        start, end = m.start() - offset, m.end() - offset
        if b.index in ctx.residue or (m.group().startswith("某") and start > 0 and b.text[start - 1] in surnames):
            continue
        text = m.group()
        if text in terms:
            continue
        if text.startswith("*") and b.text.startswith(step_verbs, end):
            continue  # 打开应用*点击: a lost arrow of a click path
        if text.strip("*") == "" and markdown_bold(b.text):
            continue  # **阳城** **县**, **……年****）**: the marks of bold text in Markdown, no name starred out
        if _IN_FORMAT.search(b.text, max(0, start - 80), start) and "”" in b.text[end:end + 80]:
            continue  # inside the quoted form of a title or name to be written (邮件标题采用“[VOTE] … xxx”): its slot
        if _EXAMPLE_AFTER.match(b.text, end):
            continue  # 以“推介××”（如“推介某院”）为主题: a slot the reader fills, its example given right after
        sentence = _sentence_around(b.text, start)
        if _FOR_THE_READER.search(sentence):
            continue  # a name the reader writes in (文件名补充完整后…XX级XX专业…压缩包) or one reported (写上某某字样)
        if not text.strip(" \u3000_＿月日年") and (_HANDWRITTEN.search(sentence)
                                                 or not b.text.strip(" \u3000\t_＿年月日")):
            continue  # a form's line to sign and date by hand (申请人签字：____  年  月  日; a line or a cell holding
            # only 年  月  日 under a signature): a blank on purpose
        form = "masked" if _MASKED.match(text) or (text in ("X", "x") and _MASK_NEXT.match(b.text, end)) else \
            "mark" if _SYMBOLS.match(text) else "hint"
        if form == "mark" and places and places[-1][0] is b and places[-1][4] == "mark" \
                and _family(b.text[places[-1][1]:places[-1][2]]) == _family(text) \
                and _JOINED.fullmatch(b.text, places[-1][2], start):
            pb, ps, _, pkind, _ = places[-1]  # x月x日, 〔20XX〕XX号: one passage, quoted whole
            lead = _LEAD.search(b.text, 0, ps)
            tail = _TAIL.match(b.text, end)
            places[-1] = (pb, lead.start() if lead else ps, tail.end() if tail else end, pkind, form)
            continue
        places.append((b, start, end, _kind(b.text, start, end), form))
    found = _same_blanks(places, rule.params.get("group_from", 3))
    for form, kind, same, across in sorted(found, key=lambda r: (r[2][0][0].index, r[2][0][1])):
        b, start, end, _ = same[0]
        related = [{"path": doc.path, "line": p[0].index + 1} for p in same[1:]]
        text = b.text[start:end]
        n = len(same)
        kinds = list(dict.fromkeys(p[3] for p in same if p[3] != _UNKNOWN_KIND)) or [kind]
        where = "全文" if across else "本段"
        times = "" if n == 1 else f"（{where}共 {n} 处）" if len(kinds) == 1 else \
            f"（{where}共 {n} 处占位符，分别应填写{'、'.join(kinds)}）"
        # a hint in words (（此处填写…）, 【请在此处插入图表】) says so; an empty bracket or marks: a blank to fill
        if form == "masked" or (form == "hint" and not re.search(r"[XxＸｘ×○□△*＊某]{2}|[【\[]\s*[\]】]", text)):
            yield rule.finding(doc, b.index, start, end, key=form, text=text, count=n, related=related,
                               times=times)
        else:
            yield rule.finding(doc, b.index, start, end, text=text, kind=kind, related=related, times=times)


# normalised for comparison: punctuation and spaces dropped by one regular expression, and
# full-width letters and digits folded to ASCII
_DROPPED = " \t\u3000\u00a0，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·" + ",.;:?!\"'()[]<>-_/\\"
_DROPPED += "".join(map(chr, [*range(0xFF01, 0xFF10), *range(0xFF1A, 0xFF21), *range(0xFF3B, 0xFF41),
                               *range(0xFF5B, 0xFF5F)]))  # full-width punctuation
_ENDS = "。！？!?；;"  # where sentences end (textutil.sentences)
# one character at a time: a class without ``+`` is a third faster for re.sub, for the same result
_DROP = re.compile("[" + re.escape(_DROPPED) + "]")
_DROP_BUT_ENDS = re.compile("[" + re.escape("".join(sorted(set(_DROPPED) - set(_ENDS)))) + "]")
_SPLIT_ENDS = re.compile("[" + re.escape(_ENDS) + "]+")
_WIDE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF5B)}


def _norm(text: str) -> str:
    return _DROP.sub("", text).translate(_FOLD) if _WIDE.search(text) else _DROP.sub("", text)


def _sentences_of_lines(lines: list[str]) -> list[list[str]]:
    """Each normalised line split at its sentence ends (with an empty piece between two ends
    in a row): every end made a 。 in the whole text, then str.split, much faster than re.split."""
    joined = "\n".join(lines)
    for end in _ENDS[1:]:
        joined = joined.replace(end, _ENDS[0])
    split = joined.split("\n")
    if len(split) != len(lines):  # a line with a line break inside
        return list(map(_SPLIT_ENDS.split, lines))
    return list(map(str.split, split, repeat(_ENDS[0])))


def _normalised_lines(ctx: Context) -> list[str]:
    """Each block normalised with its sentence ends kept: the whole document in one pass."""
    marked = _DROP_BUT_ENDS.sub("", ctx.body.text)
    if _WIDE.search(marked):
        marked = marked.translate(_FOLD)
    lines = marked.split("\n")
    if len(lines) != len(ctx.doc.blocks):  # a block with a line break inside: one by one
        lines = [_norm(_DROP_BUT_ENDS.sub("", b.text)) for b in ctx.doc.blocks]
    return lines


# \s spelt out as the characters it matches (those of str.isspace): a plain class is faster to test
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SEPARATORS = "，、：,:“”‘’（）()《》"  # what ends a clause besides spaces and sentence ends (all of them _DROPPED)
_CLAUSE = re.compile("[^" + re.escape(_ENDS + _SEPARATORS) + _SPACES + "]{2,}")


class _Split(NamedTuple):
    """Each block's normalised line with its sentence ends made 。 (``lines``), split at them
    (``pieces``, with an empty piece between two ends in a row) and without them (``ended``),
    and the blocks with a clause (``_CLAUSE``) seen twice (``echoed``)."""

    lines: list[str]
    pieces: list[list[str]]
    ended: list[str]
    echoed: set[int]


def _split(ctx: Context) -> _Split:
    """``_normalised_lines``, ``_sentences_of_lines`` and the clauses of every block in a few
    passes of C over the whole text: sentence ends made 。 and clause separators spaces by
    str.replace (a scan in C that makes no string per mark, where re.sub makes one, and
    costs little when the mark is absent), then one text is normalised (spaces dropped, the
    rest of the punctuation by ``_DROP_BUT_ENDS``), the other split at spaces (str.split
    splits at exactly the spaces of ``_CLAUSE``)."""
    spaced = ctx.body.text
    for end in _ENDS[1:]:
        spaced = spaced.replace(end, _ENDS[0])
    for separator in _SEPARATORS:
        spaced = spaced.replace(separator, " ")
    marked = _DROP_BUT_ENDS.sub("", spaced.replace(" ", ""))  # every separator is dropped as the space it became
    # each full-width letter or digit found is replaced: what translate(_FOLD) does, without its dictionary lookup
    # per character (the other characters _FOLD maps are punctuation, dropped already). Looked for only when the
    # text's UTF-16 holds a byte 0xFF, as each of them does (U+FF10…U+FF5A): memchr finds that byte at once,
    # where _WIDE tests every character (a text without one, most reports: 4x fewer instructions)
    if b"\xff" in marked.encode("utf-16-le", "surrogatepass"):
        for wide in set(_WIDE.findall(marked)):
            marked = marked.replace(wide, chr(ord(wide) - 0xFEE0))
    lines = marked.split("\n")
    if len(lines) != len(ctx.doc.blocks):  # a block with a line break inside: one by one, as before
        lines = _normalised_lines(ctx)
        pieces = _sentences_of_lines(lines)
        clauses = list(map(_CLAUSE.findall, [b.text for b in ctx.doc.blocks]))
        echoed = set(compress(range(len(clauses)), map(ne, map(len, clauses), map(len, map(set, clauses)))))
        return _Split(lines, pieces, list(map("".join, pieces)), echoed)
    pieces = list(map(str.split, lines, repeat(_ENDS[0])))
    ended = marked.replace(_ENDS[0], "").split("\n")  # each line's pieces joined: one pass of C over the text
    words = list(map(str.split, spaced.replace(_ENDS[0], " ").split("\n")))  # clauses, and single characters
    echoed = set()
    for i in compress(range(len(words)), map(ne, map(len, words), map(len, map(set, words)))):
        kept = [w for w in words[i] if len(w) > 1]
        if len(kept) != len(set(kept)):
            echoed.add(i)
    return _Split(lines, pieces, ended, echoed)
_DOUBLED = re.compile(r"([\u4e00-\u9fff“（(《][^\n]{4,78}?)\1")  # the spec of _doubled_matches
_DOUBLED_FIRST = re.compile(r"[\u4e00-\u9fff“（(《]")
_PROSE = re.compile(r"[，、；：,;:“”]|[。！？]$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# a whole sentence written twice in a row (发展不平衡。发展不平衡。): a slip from 5 Chinese characters on; a name or
# a title doubled without a sentence end still needs 8 (two layout fields run together)
_SHORT_SENTENCE = 5
_TEMPLATE = re.compile(r"[Xx×]{2}")  # a template's skeleton repeats by design: its blanks are B103's
_LABEL_LIKE = re.compile(r"[，、；：,;:。！？!?]")
# a copy that ends in a numeral right after one (第七次县长办公会、第十次县长办公会、第十六次……: 次县长办公会、第十
# twice) is the same words around other numbers, a list of ordinals, not a passage written twice
_NUMERALS = frozenset("〇一二三四五六七八九十百0123456789")


def _doubled_in_a_row(text: str) -> Iterator[tuple[int, int]]:
    """Spans of a passage written twice in a row inside one paragraph (…热点问题、难点问题
    热点问题、难点问题…). Only prose counts — a copy with a comma, a
    顿号 or a sentence end, and 8 Chinese characters (5 for a copy that ends a sentence: 发展不平衡。发展不平衡。);
    a doubled name or title (临江市水务局临江市水务局) is often two layout fields run together. Both copies are
    returned. Clauses seen twice within
    a few clauses mark where to look, so the search runs on a small window only; the
    passages written twice are found once over the windows' union (they overlap on a long
    paragraph of repeated clauses), then read per window."""
    # the clauses and where they start from one pass of re: B104 asks only for paragraphs with a clause seen twice,
    # which a findall for the test, then a finditer for the starts, scanned twice (5.4 -> 4.2 ms over the real texts)
    found = list(_CLAUSE.finditer(text))
    clauses = list(map(re.Match.group, found))
    counts = Counter(clauses)
    if len(counts) == len(clauses):
        return  # no clause seen twice: nothing to look at
    last: dict[str, int] = {}
    windows: list[tuple[int, int, int]] = []  # where the later clause starts, and the window around the pair
    for i, clause in enumerate(clauses):
        if counts[clause] < 2:
            continue  # seen once
        j = last.get(clause)
        last[clause] = i
        if j is not None and i - j <= 8:
            at = found[i].start()
            windows.append((at, max(0, found[j].start() - 80), min(len(text), at + len(clause) + 80)))
    shortest: dict[int, int] = {}
    for lo, hi in _union((lo, hi) for _, lo, hi in windows):
        shortest.update(_shortest_doubles(text, lo, hi))
    done = -1
    for at, lo, hi in windows:
        if at < done:
            continue
        for start, end in _doubled_matches(text, lo, hi, shortest):
            unit = text[start:(start + end) // 2]
            han = len(_HAN.findall(unit))
            sentence = han >= _SHORT_SENTENCE and unit[-1] in "。！？"
            if start >= done and _PROSE.search(unit) and (han >= 8 or sentence) and not (
                    unit[-1] in _NUMERALS and text[start - 1:start] in _NUMERALS):
                done = end
                yield start, end


def _union(spans: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching (start, end) spans merged."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _shortest_doubles(text: str, lo: int, hi: int) -> dict[int, int]:
    """start -> the shortest length n at which ``_DOUBLED`` matches there, inside
    ``text[lo:hi]``: a passage written twice repeats its first five characters at its own
    length, so only positions whose 5-gram recurs 5 to 79 characters later are tried
    (the earlier places of each 5-gram chained from its last one)."""
    last: dict[str, int] = {}  # 5-gram -> where it was last seen
    before: dict[int, int] = {}  # position -> the previous place of its 5-gram
    shortest: dict[int, int] = {}
    for later in range(lo, hi - 4):
        gram = text[later:later + 5]
        start = last.get(gram)
        last[gram] = later
        if start is None:
            continue
        before[later] = start
        while start is not None and later - start <= 79:
            n = later - start
            if n >= 5 and later + n <= hi and n < shortest.get(start, 80) \
                    and text.startswith(text[start:later], later) and "\n" not in text[start + 1:later] \
                    and _DOUBLED_FIRST.match(text, start):
                shortest[start] = n
            start = before.get(start)
    return shortest


def _doubled_matches(text: str, lo: int, hi: int, shortest: Mapping[int, int] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each match of ``_DOUBLED.finditer(text, lo, hi)``, read from
    ``shortest`` (``_shortest_doubles`` of a span holding ``lo:hi``): the leftmost match
    first, each search going on after the last match, a passage whose shortest length does
    not fit before ``hi`` not matching at all (a longer one fits even less)."""
    if shortest is None:
        shortest = _shortest_doubles(text, lo, hi)
    out: list[tuple[int, int]] = []
    pos = lo
    for start in sorted(s for s in shortest if lo <= s < hi):
        if start >= pos and start + 2 * shortest[start] <= hi:
            pos = start + 2 * shortest[start]
            out.append((start, pos))
    return out


def _comparable(key: str, formulaic: Callable[[str], Any] | None, blanks: bool = True, label: bool = False) -> bool:
    """A normalised key worth comparing: 8 characters besides ASCII, figures under a
    quarter of it, no template blanks, not a formulaic line (``formulaic``: the match of
    those lines' patterns). Counted with C-level string methods: this runs for every
    sentence that can repeat. ``blanks``: False when the paragraph holding the key has no
    template blank, so neither has the key. ``label``: the key is a line without punctuation (a title), whose years
    are no figures."""
    ascii_part = key.encode("ascii", "ignore")
    digits = len(ascii_part) - len(ascii_part.translate(None, b"0123456789"))
    if label and digits * 4 >= len(key):  # the years of a title are no figures (2024年工作总结及2025年工作安排)
        digits -= 4 * len(_YEARS.findall(key))
    return (len(key) - len(ascii_part) >= 8 and digits * 4 < len(key) and not (blanks and _TEMPLATE.search(key))
            and not (formulaic and formulaic(key)))


_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?=年)")


def _worth_comparing(pieces: list[list[str]], ended: list[str], minimum: int, most: int, others: list[int],
                     formulaic: Callable[[str], Any] | None) -> set[str]:
    """The keys that can take part in a repeat: a whole line found in two places, a sentence
    of ``minimum`` characters found in two places (or twice in one line) or as the whole of
    another line, and such sentences that share their first or last ``minimum`` characters
    (one may hold the other). A shorter sentence is never compared, only a line as a
    whole (a heading). Any other key occurs once and holds no other: looking it up finds
    nothing and nothing finds it.
    Nor does a formula: a sentence that is a key of more than ``most`` paragraphs (lines
    other than the ``others``: table cells, residue, a run pasted twice) and shares no
    head or tail.
    ``pieces``: each line's sentences (normalised, split at sentence ends); ``ended``: each
    line without its sentence ends. Counted in C (Counter, set operations, map) over the text."""
    # comprehensions, not map over a bound ``int.__le__``: a slot wrapper builds a tuple of arguments per call
    total = Counter([k for p in pieces for k in p if len(k) >= minimum])  # sentences of ``minimum`` characters
    long = list(total)
    shared = {k for k, n in total.items() if n > 1}  # in two lines, or twice in one
    as_whole = Counter(ended)
    shared.update([k for k, n in as_whole.items() if n > 1])
    line_of = dict(zip(ended, range(len(ended)), strict=True))
    # a sentence that is another line's whole: not the whole of its own line of one sentence
    shared.update(k for k in (as_whole.keys() & long) - shared if k not in pieces[line_of[k]])
    heads = Counter(map(itemgetter(slice(minimum)), long))
    tails = Counter(map(itemgetter(slice(-minimum, None)), long))
    sharing: set[str] = set()  # one may hold the other
    if len(heads) < len(long) or len(tails) < len(long):
        sharing = {k for k in long if heads[k[:minimum]] > 1 or tails[k[-minimum:]] > 1}
        shared |= sharing
    # not the whole of a paragraph of several sentences (only its own line's whole): that count must stay right;
    # a sentence in more than ``most`` lines occurs more than ``most`` times: only those lines are counted
    frequent = [k for k in shared if total[k] > most and k not in sharing
                and (k not in as_whole or (as_whole[k] == 1 and k in pieces[line_of[k]]))]
    if frequent:
        wanted = set(frequent)
        holding = list(compress(range(len(pieces)), map(not_, map(wanted.isdisjoint, pieces))))  # lines with one
        in_lines = Counter(chain.from_iterable(map(wanted.intersection, map(pieces.__getitem__, holding))))
        elsewhere = Counter(chain.from_iterable(map(wanted.intersection, map(pieces.__getitem__,
                                                                             set(others).intersection(holding)))))
        shared.difference_update([k for k in frequent if in_lines[k] - elsewhere[k] > most
                                  and _comparable(k, formulaic)])
    shortest = min(8, minimum)  # no key is shorter: a label needs 8 characters, a sentence ``minimum``
    return {k for k in shared if len(k) >= shortest}


def _repeat_units(ctx: Context, lines: list[str], pieces: list[list[str]], ended: list[str], shared: set[str],
                  echoed: set[int], minimum: int,
                  formulaic: Callable[[str], Any] | None) -> Iterator[tuple[Block, list[str], str, str]]:
    """Per block: its comparison keys and what they are. A table cell is one unit
    (``cell``); a line without any punctuation (a heading, a title, a label) is one unit
    (``label``); other paragraphs are compared sentence by sentence (``prose``). Keys are
    normalised (punctuation, spaces, widths); formulaic ones (注：, 单位：, 责任单位：, a
    row of figures) are dropped. Only keys in ``shared`` can repeat: the others are left
    empty, and a block with none is skipped, unless it is in ``echoed`` (it may hold a
    passage written twice in a row, looked for in prose units: its keys are all read).
    A line with a sentence end inside is prose (a label holds none). The blocks with a key
    in ``shared`` are found in C (map over the lines) before any is read in Python."""
    n = len(ctx.doc.blocks)
    if not (len(lines) == len(pieces) == len(ended) == n):
        raise ValueError("one normalised line, its sentences and its key for each block")
    chosen = echoed.union(compress(range(n), map(not_, map(shared.isdisjoint, pieces))),
                          compress(range(n), map(shared.__contains__, ended)))
    for i in sorted(chosen):
        b, line, parts, key = ctx.doc.blocks[i], lines[i], pieces[i], ended[i]
        if len(line) < 8 or b.index in ctx.residue:
            continue
        every = b.index in echoed
        if b.kind == "cell":  # a cell of prose: names and labels repeat from table to table
            kind = "cell"
            keys = [key] if len(key) >= minimum and _LABEL_LIKE.search(b.text) else []
        elif len(parts) == 1 and not _LABEL_LIKE.search(strip_label(b.text.strip())):
            keys, kind = [line], "label"
        else:
            keys, kind = [p for p in parts if p], "prose"
        whole = "".join(keys)
        blanks = _TEMPLATE.search(whole) is not None  # every key is a piece of ``whole``
        if (formulaic and formulaic(whole)) or blanks:
            whole = ""
        shortest = 8 if kind == "label" else minimum  # a title or heading printed twice may be short
        if every:  # whether the block is a unit decides the search for a doubled passage (its keys all read)
            every = (kind == "prose" and len(whole) >= minimum) or any(
                len(k) >= shortest and _comparable(k, formulaic, blanks, kind == "label") for k in keys)
        keys = [k if len(k) >= shortest and k in shared and _comparable(k, formulaic, blanks, kind == "label") else ""
                for k in keys]
        if kind != "prose":
            whole = whole if keys and keys[0] else ""
        if every or any(keys) or len(whole) >= minimum:
            yield b, keys, kind, whole


_FIGURE = re.compile(r"[-+]?[\d,，.]+%?")
_NUMERAL_FIRST = "一二三四五六七八九十百0123456789"  # with any other decimal digit (\d): _NUMERAL_LABEL
_NUMERAL_LABEL = re.compile(r"^[" + _NUMERAL_FIRST + r"\d]+")


def _duplicated_runs(ctx: Context, ended: list[str], filled: list[int], shortest: int = 4,
                     han: int = 80) -> list[tuple[int, int, int]]:
    """Runs of at least ``shortest`` consecutive non-empty blocks (table cells included)
    equal, block by block, to an earlier run: a table or a section pasted twice. The run
    must hold ``han`` Chinese characters and one line of 15, so repeated table headers and
    number rows are not enough, nor rows of a figure table (a third of the cells figures).
    ``ended``: each block's normalised line without its sentence ends; ``filled``: the
    non-empty blocks. Returns (first block, last block, first block of the earlier copy)."""
    filled = [i for i in filled if i not in ctx.residue]
    # each line without its leading numeral (六、 and 十、 before the same heading), unless nothing else is left
    keys = list(map(ended.__getitem__, filled))
    bare = list(map(str.lstrip, keys, repeat(_NUMERAL_FIRST)))  # what _NUMERAL_LABEL leaves, but for other digits
    keys = [(_NUMERAL_LABEL.sub("", key) if rest[:1].isdecimal() else rest) or key
            for key, rest in zip(keys, bare, strict=True)]
    counts = Counter(keys)
    if b"\1" * shortest not in bytes([counts[key] > 1 for key in keys]):
        return []  # no ``shortest`` lines in a row each found again: no run (most documents; counted in C)
    # a cell of figures (an amount, a classification code): a run of table cells a third of
    # which are figures is rows of a figure table, and the tables of a budget or final
    # accounts repeat their classification rows and totals by design
    cell = [ctx.doc.blocks[i].kind == "cell" for i in filled]
    figure = [c and bool(_FIGURE.fullmatch(ctx.doc.blocks[i].text.strip())) for c, i in zip(cell, filled, strict=True)]
    where: dict[str, list[int]] = {}
    active: dict[int, int] = {}  # position of the earlier block -> length of the run ending there
    found: list[tuple[int, int, int]] = []

    def finish(end: int, earlier_end: int, n: int) -> None:
        start = end - n + 1
        if n < shortest or earlier_end >= start:
            return
        counts = [0 if _TEMPLATE.search(keys[p]) else len(_HAN.findall(keys[p])) for p in range(start, end + 1)]
        if all(cell[start:end + 1]) and 3 * sum(figure[start:end + 1]) >= end - start + 1:
            return
        if sum(counts) >= han and max(counts) >= 15:
            found.append((start, end, earlier_end - n + 1))

    for i, key in enumerate([*keys, ""]):
        nxt: dict[int, int] = {}
        earlier = where.get(key, ()) if key else ()
        if len(earlier) <= 20:
            for j in earlier:
                nxt[j] = active.get(j - 1, 0) + 1
        for j, n in active.items():
            if j + 1 not in nxt:
                finish(i - 1, j, n)
        active = nxt
        if key:
            where.setdefault(key, []).append(i)
    kept: list[tuple[int, int, int]] = []
    taken: set[int] = set()
    for start, end, first in sorted(found, key=lambda r: r[0] - r[1]):  # longest first
        if not taken.intersection(range(start, end + 1)):
            taken.update(range(start, end + 1))
            kept.append((start, end, first))
    out: list[list[int]] = []
    for start, end, first in sorted(kept):  # a copy interrupted by one or two changed lines: one run
        if out and start - out[-1][1] <= 3 and abs((start - out[-1][0]) - (first - out[-1][2])) <= 3:
            out[-1][1] = end
        else:
            out.append([start, end, first])
    return [(filled[start], filled[end], filled[first]) for start, end, first in out]


def _contains(earlier: str, key: str, side: str) -> bool:
    """One sentence holds the other: a clause cut from the end (or start) of an earlier
    sentence and pasted again, or an earlier sentence pasted with a few words put before
    it (本算法基于 + the earlier sentence). An earlier sentence continued by more words
    is a sentence that builds on it, not a copy."""
    if side == "end":
        return earlier.endswith(key) or (key.endswith(earlier) and len(key) - len(earlier) <= 12)
    return earlier.startswith(key)


def check_repeated(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a passage that appears again in the same document: a sentence or paragraph
    (at least ``min_chars`` characters once punctuation and character width are ignored),
    a sentence that repeats the end or the start of an earlier one, a passage written
    twice in a row, a title or heading printed twice on consecutive lines, a table cell
    repeating another cell. Consecutive repeats make one finding, pointing at the first
    occurrence (``related``). Not reuse: text repeated three times or more (a formula
    of each section), headings repeated far apart (a table of contents, a per-table
    header), labels such as 注：/单位：/责任单位：, rows of figures, a parallel
    description of a second item (sentences of the first said again with other figures), and
    the body and its attachments quoting each other (each is a document of its own: a report sums
    up the plan it sends, an attached task list restates the body's tasks).
    ## Parameters
    ``min_chars``: shortest sentence that counts (default 20); ``formulaic``: patterns
    (on the normalised text) of lines repeated on purpose; ``max_repeats``: more
    occurrences than this are a formula, not a slip (default 2).
    ## Example
    A paragraph of the body pasted again further down the body → B104 at the repeat.
    ## Cost
    Each sentence becomes a key looked up in a dictionary; the whole text is normalised
    in one pass."""
    doc = ctx.doc
    minimum = rule.params.get("min_chars", 20)
    most = rule.params.get("max_repeats", 2)
    formula = pattern_set(tuple(rule.params.get("formulaic", ())))
    # echoed: a paragraph with a clause seen twice may hold a passage written twice in a row (_doubled_in_a_row)
    lines, pieces, ended, echoed = _split(ctx)
    filled = [b.index for b in doc.blocks if b.text and not b.text.isspace()]  # non-empty blocks
    runs = _duplicated_runs(ctx, ended, filled)
    in_run = {i for start, end, _ in runs for i in range(start, end + 1)}
    formulaic = formula.pattern.match if formula else None
    # the order is not read: the cells, then the residue and the runs (most documents have none of the three)
    others = [b.index for b in doc.blocks if b.kind == "cell"] + [*ctx.residue, *in_run]
    shared = _worth_comparing(pieces, ended, minimum, most, others, formulaic)
    units = [u for u in _repeat_units(ctx, lines, pieces, ended, shared, echoed, minimum, formulaic)
             if u[0].index not in in_run]
    counts = Counter(k for _, keys, kind, _ in units for k in (keys if kind != "prose" else set(keys)))
    # … and whole paragraphs of several sentences: one said more than ``max_repeats`` times is a page or a formula
    # repeated by design or by a converter, as a sentence said so often is (a page copied a thousand times over)
    wholes = Counter(whole for _, keys, kind, whole in units if kind == "prose" and len(keys) > 1)
    repeats: list[tuple[int, int, int, int]] = []  # block, start, end, block of the first occurrence
    # (block, sentence number) -> its repeat: one whole sentence of a longer paragraph said again alone, away from
    # its first occurrence (see below)
    lone: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    paragraphs: set[str] = set()  # the keys of whole paragraphs so far: one said again is a passage, never lone
    twice: list[tuple[int, int, int]] = []  # passages written twice in a row: block, start, end
    seen: dict[str, int] = {}
    seen_cells: dict[str, int] = {}  # the same for the cells of tables
    heads: dict[str, list[str]] = {}
    tails: dict[str, list[str]] = {}
    previous: tuple[int, str, str] | None = None  # the last unit block: index, kind, whole key
    # block -> the non-empty block before it, web residue left out (a title printed again under the page's time line)
    text_blocks = [i for i in filled if i not in ctx.residue] if ctx.residue else filled
    before = dict(zip(text_blocks, [-1, *text_blocks], strict=False))
    # a title a web page prints over the text two or three times (its page, its article, its print view) is
    # repeated in the head however often: no formula of the body's is
    items = ctx.outline.items
    head_end = items[0].marker.block if items else len(doc.blocks)
    for b, keys, kind, whole in units:
        if kind == "label":
            if (whole and previous and previous[0] == before.get(b.index) and previous[1] == "label"
                    and previous[2] == whole
                    and (counts[whole] <= most or b.index < head_end)):
                repeats.append((b.index, 0, len(b.text), previous[0]))
        elif kind == "cell":  # against cells only: a table that lists a plan's tasks (任务清单) restates its text
            if whole and whole in seen_cells and counts[whole] <= most:
                repeats.append((b.index, 0, len(b.text), seen_cells[whole]))
            seen_cells.setdefault(whole, b.index)
        else:
            spans: Sequence[tuple[int, int]] | None = None  # the sentences, read once a repeat is found
            found_keys: list[str] | None = None
            if len(keys) > 1 and len(whole) >= minimum and whole in seen and wholes[whole] <= most:
                repeats.append((b.index, 0, len(b.text), seen[whole]))
            else:
                said: list[int] = []  # the sentences of this paragraph found again, by number
                for n, key in enumerate(keys):
                    if len(key) < minimum:
                        continue
                    first = seen.get(key) if counts[key] <= most else None
                    side = ""  # how it repeats an earlier sentence: all of it, or its "end" or "start"
                    if first is None and key not in seen:  # the end or the start of an earlier sentence
                        side = "end"
                        first = next((seen[k] for k in tails.get(key[-minimum:], ()) if _contains(k, key, "end")),
                                     None)
                        if first is None:
                            side = "start"
                            first = next((seen[k] for k in heads.get(key[:minimum], ()) if _contains(k, key, "start")),
                                         None)
                    if first is not None:
                        if spans is None:
                            spans = sentences(b.text)
                            found_keys = keys if len(spans) == len(keys) else None
                        if found_keys is None:  # a sentence of punctuation alone: find the n-th with this key
                            found_keys = [_norm(b.text[s:e]) for s, e in spans]
                            nth = keys[:n].count(key)
                            at = [sp for sp, k in zip(spans, found_keys, strict=True) if k == key]
                            span = at[nth] if nth < len(at) else (0, len(b.text))
                        else:
                            span = spans[n]
                        repeats.append((b.index, span[0], span[1], first))
                        said.append(n)
                        # said again right after itself or one sentence later (……。会议要求抓好落实。……) is a slip
                        near = first == b.index and key in keys[max(0, n - 2):n]
                        if len(keys) > 1 and key not in paragraphs and not near and (
                                not side or _whole_clause_of(doc.blocks[first].text, b.text[span[0]:span[1]], side)):
                            lone[(b.index, n)] = repeats[-1]
                    if key not in seen:
                        seen[key] = b.index
                        tails.setdefault(key[-minimum:], []).append(key)
                        heads.setdefault(key[:minimum], []).append(key)
                for n in said:  # a sentence said again beside another said again: part of a passage, no lone one
                    if n - 1 in said or n + 1 in said:
                        lone.pop((b.index, n), None)
            if len(whole) >= minimum:
                seen.setdefault(whole, b.index)
                paragraphs.add(whole)
            doubled = list(_doubled_in_a_row(b.text)) if b.index in echoed else []
            for s, e in doubled:
                twice.append((b.index, s, e))
            if doubled:  # a sentence repeat inside a doubled passage is that passage
                repeats = [r for r in repeats if r[0] != b.index or not any(s <= r[1] < e for s, e in doubled)]
        previous = (b.index, kind, whole)
    if lone:
        # one sentence of a paragraph said again on its own, in another paragraph or further on: the same step of two
        # parallel procedures, the measure of one more problem, a goal restated in its stage; a passage pasted twice
        # brings its neighbours (or is a whole paragraph, or runs on from where it was), and the end or start of an
        # earlier sentence is still a slip
        dropped = set(lone.values())
        repeats = [r for r in repeats if r not in dropped]
    for index, start, end in twice:
        yield rule.finding(doc, index, start, end, key="twice", text=doc.blocks[index].text[start:end])
    if _restating(ctx, rule.params):
        return  # rules and minutes say a clause again on purpose: only a passage written twice in a row is a slip
    same_place = _same_place_in_parallel_lists(ctx)  # criteria said again in a parallel list: no repeat
    # the body and each attachment are documents of their own: a report sums up the plan it sends (and quotes it),
    # an attached task list restates the body's tasks, two attachments quote each other
    part = _part_of(ctx)
    for start, end, first in runs:
        if same_place(start, first) or part(start, 0) != part(first, 0):
            continue
        yield rule.finding(doc, start, 0, None, end_block=end, first=first + 1,
                           related=[{"path": doc.path, "line": first + 1, "similarity": 1.0}])
    repeats = [r for r in repeats if not _cited_title(doc.blocks[r[0]].text[r[1]:r[2]], doc.blocks[r[3]].text)
               and part(r[0], r[1]) == part(r[3], _first_place(doc.blocks[r[3]].text, doc.blocks[r[0]].text[r[1]:r[2]],
                                                               r[1] if r[3] == r[0] else None))]
    if repeats:
        alone = _alone_under_heading(ctx, filled)
        repeats = [r for r in repeats if not _parallel_bodies(ctx, alone, r)]
    repeats = [r for r in repeats if not same_place(r[0], r[3])]
    if repeats:
        yield from _merged_repeats(ctx, rule, sorted(set(repeats)), filled)


_CLAUSE_MARKS = "，,；;：:"  # not 、, which parts the members of a list, not clauses


def _whole_clause_of(earlier: str, passage: str, side: str) -> bool:
    """Whether ``passage``, a sentence that says again the ``side`` ("end" or "start") of a sentence of the paragraph
    ``earlier``, stands there as a whole clause: after a clause mark, or before one. A paste that took a sentence's
    tail begins inside a word (……推进县域医共体建设…… said again as 共体建设……) and is no clause of it."""
    core = passage.strip().rstrip("。；;！!？?…")
    at = earlier.find(core) if core else -1
    if at < 0:
        return False
    if side == "end":
        return at > 0 and earlier[at - 1] in _CLAUSE_MARKS
    after = at + len(core)
    return after < len(earlier) and earlier[after] in _CLAUSE_MARKS


def _restating(ctx: Context, params: Mapping[str, Any]) -> bool:
    """Whether the document's title names a genre that restates on purpose (``restating_titles``): a set of rules
    says a condition again in each provision it governs (each 第N条 stands alone), and minutes list the agenda, then
    record each item with the same words."""
    return ctx.title_matches(tuple(params.get("restating_titles", ())))


def _part_of(ctx: Context) -> Callable[[int, int], int]:
    """For a place (block, offset): 0 in the body, k in the document's k-th attachment (附件1, 附件2 on lines of their
    own or run into a pasted line: the outline's scopes)."""
    starts = [(mk.block, mk.start) for mk in ctx.outline.parts() if mk.title.startswith("附件")]
    return lambda block, offset: bisect_right(starts, (block, offset))


def _first_place(text: str, passage: str, before: int | None) -> int:
    """Where ``passage`` (a repeat's text) first stands in ``text``, the paragraph of its first occurrence: before
    ``before`` when both are in one paragraph; 0 when it is not found as it is written (then the paragraph's start)."""
    at = text.find(passage.strip(), 0, before)
    return max(at, 0)


def _alone_under_heading(ctx: Context, filled: list[int]) -> Callable[[int], str | None]:
    """For a block: the heading right above it when the block is all that heading's part holds (a heading or the end
    follows), else None. ``filled``: the non-empty blocks."""
    heads = {h.block for h in ctx.outline.headings}
    rank = {index: n for n, index in enumerate(filled)}

    def alone(index: int) -> str | None:
        n = rank.get(index)
        if not n or filled[n - 1] not in heads or (n + 1 < len(filled) and filled[n + 1] not in heads):
            return None
        return ctx.doc.blocks[filled[n - 1]].text.strip()

    return alone


def _parallel_bodies(ctx: Context, alone: Callable[[int], str | None], repeat: tuple[int, int, int, int]) -> bool:
    """Whether a paragraph repeated whole is all that two headings of their own hold (（一）团体赛奖项 / 一等奖1名，
    二等奖2名…; （二）个人赛奖项 / the same line): two parts that happen to be alike, not a passage pasted twice."""
    block, start, end, first = repeat
    text = ctx.doc.blocks[block].text
    if start > len(text) - len(text.lstrip()) or end < len(text.rstrip()):
        return False  # a sentence of a paragraph
    above, other = alone(block), alone(first)
    return above is not None and other is not None and above != other


def _same_place_in_parallel_lists(ctx: Context) -> Callable[[int, int], bool]:
    """For two blocks: whether each opens an item, with the same number in the same style, of two lists under two
    different items of one style (1.优秀团员 (3)注册志愿者 … 2.优秀团干部 (4)… 1.学院优秀团员 (3)注册志愿者): the
    criteria or duties of parallel categories, said again for each on purpose: another item of the same number
    opens alike and another differs. A passage pasted twice seldom lands at the same number of such a list, and a
    list pasted whole is all alike. So is a whole item said again, at any number, in a list of another category
    that differs elsewhere (（一）成人组 4、滩涂速滑…… / （二）青少年组 1、滩涂速滑……)."""
    outline = ctx.outline
    items = outline.items
    opening: dict[int, Any] = {}  # block -> the item it opens: made at the first question (most documents ask none)
    blocks = ctx.doc.blocks

    def whole(it: Any) -> str:  # the item's line, punctuation and spaces left out
        return _norm(blocks[it.marker.block].text[it.marker.end:])

    def head(it: Any) -> str:  # … its first words
        return whole(it)[:12]

    def same_place(block: int, first: int) -> bool:
        if not opening:
            opening.update({it.marker.block: it for it in items if not it.marker.stray})
        a, b = opening.get(block), opening.get(first)
        if a is None or b is None or a.marker.style != b.marker.style:
            return False
        if a.parent < 0 or b.parent < 0 or a.parent == b.parent:
            return False
        pa, pb = items[a.parent].marker, items[b.parent].marker
        if pa.style != pb.style or pa.title == pb.title:
            return False
        if whole(a) == whole(b):
            # the same item under two parallel categories (the same event's rules for each group of a sports
            # meeting, at whatever number): said again on purpose, unless the two lists are one list pasted twice
            return {whole(items[j]) for j in outline.children_of(a.parent)} \
                != {whole(items[j]) for j in outline.children_of(b.parent)}
        if a.marker.value != b.marker.value:
            return False
        # parallel lists: another item of the same number opens with the same words under both, and one does not
        # (the criteria of the second category differ somewhere); a list pasted whole is a repeat
        mine = {items[j].marker.value: items[j] for j in outline.children_of(a.parent)}
        theirs = {items[j].marker.value: items[j] for j in outline.children_of(b.parent)}
        paired = [(mine[v], theirs[v]) for v in mine.keys() & theirs.keys() if v != a.marker.value]
        return any(head(x) == head(y) and head(x) for x, y in paired) and any(whole(x) != whole(y) for x, y in paired)

    return same_place


def _cited_title(text: str, other: str) -> bool:
    """Whether one of two places is a line of its own that the other cites in book-title marks: a forwarding notice
    names 《关于……的实施意见》 and the forwarded document follows under that title. A citation, not a repeat."""
    line, cited = text.strip(" \u3000\t"), other.strip(" \u3000\t")
    return ("《" + line + "》") in other or ("《" + cited + "》") in text


def _merged_repeats(ctx: Context, rule: Rule, repeats: list[tuple[int, int, int, int]],
                    filled: list[int]) -> Iterator[Finding]:
    """One finding per run of repeats: the next repeat joins the run when it sits in the
    same or the next non-empty block (``filled``) and copies the same or the next passage."""
    doc = ctx.doc
    rank = {index: n for n, index in enumerate(filled)}
    runs: list[list[tuple[int, int, int, int]]] = []
    for r in repeats:
        if runs:
            last = runs[-1][-1]
            if (rank.get(r[0], -9) - rank.get(last[0], -9) in (0, 1) and r[1] >= (last[2] if r[0] == last[0] else 0)
                    and rank.get(r[3], -9) - rank.get(last[3], -9) in (0, 1)):
                runs[-1].append(r)
                continue
        runs.append([r])
    earlier: list[tuple[int, int, str, str]] | None = None
    for run in runs:
        (block, start, _, first), (end_block, _, end, _) = run[0], run[-1]
        # only a sentence with a figure can say an earlier one with other figures (a masked key holds #)
        if any(_FIGURE_OR_MASK.search(doc.blocks[b].text, start if b == block else 0,
                                      end if b == end_block else len(doc.blocks[b].text))
               for b in range(block, end_block + 1)):
            if earlier is None:
                earlier = _figure_masked_sentences(doc)
            if _figures_changed(earlier, block, start, end_block, end):
                continue
        # a repeat inside its own paragraph (a document stored on one line) has no other paragraph to name
        yield rule.finding(doc, block, start, end, end_block=end_block, first=first + 1,
                           key="same" if first == block else "default",
                           related=[{"path": doc.path, "line": first + 1, "similarity": 1.0}])


# Arabic figures only: a Chinese numeral is as often an ordinal (一是, 第二) that tells siblings apart
_FIGURES = re.compile(r"[0-9][0-9.%]*")
_FIGURE_OR_MASK = re.compile(r"[0-9\uff10-\uff19#]")  # needed for a masked key to hold # (widths are folded)


def _figure_masked_sentences(doc: Document) -> list[tuple[int, int, str, str]]:
    """Every sentence of the document: block, start, normalised text, and that text with its
    figures masked."""
    out = []
    for b in doc.blocks:
        if b.text.strip():
            for s, e in sentences(b.text):
                key = _norm(b.text[s:e])
                out.append((b.index, s, key, _FIGURES.sub("#", key)))
    return out


def _figures_changed(masked: list[tuple[int, int, str, str]], block: int, start: int, end_block: int,
                     end: int) -> bool:
    """The repeated passage holds a sentence that an earlier sentence also says with other
    figures (第三部分共6条 after 第三部分共7条): the same wording used on purpose to describe a
    second item, with its own figures, not a passage pasted twice by mistake."""
    before: dict[str, set[str]] = {}
    for b, s, key, mask in masked:
        if (b, s) >= (block, start):
            break
        if mask != key and len(mask) >= 8:
            before.setdefault(mask, set()).add(key)
    for b, s, key, mask in masked:
        if (b, s) < (block, start):
            continue
        if b > end_block or (b == end_block and s >= end):
            break
        if mask in before and key not in before[mask]:
            return True
    return False


def _body_blocks(ctx: Context) -> Iterator[Block]:
    return (b for b in ctx.doc.blocks if b.text.strip() and b.index not in ctx.residue)


# the levels of government (the administrative divisions of the PRC constitution, art. 30): a body below speaks of the
# bodies above it as its own (a district's report says 我市 of its city, 我省 of its province); only a form of the same
# level or below disagrees with the speaker (我县 in a district's report, 我镇 in a county's)
_LEVEL = {"省": 1, "市": 2, "州": 2, "县": 3, "区": 3, "旗": 3, "镇": 4, "乡": 4}
_ADDRESSEES = re.compile(r"各(?:[省市县区州旗]|乡镇|乡|镇)")  # 各区, 各县（市、区）, 各乡镇 in the line of addressees


def _addressed_units(ctx: Context) -> set[str]:
    """The kinds of unit a notice is addressed to, one of each (各区教育局，各直属学校： → 区; 各乡镇人民政府 →
    乡, 镇), read from its address line (``Context.address_line``)."""
    return {ch for m in _ADDRESSEES.finditer(ctx.address_line()) for ch in m.group()[1:] if ch in _LEVEL}
_SPEAKER = re.compile(r"([省市县区州旗镇乡])(?:人民政府|政府|党委|委员会|党组|委|班子)")
_OWN_SITUATION = re.compile(r"(?:我|本)[省市县区州旗镇乡]实际")


# a notice that forwards another body's document (关于转发……的通知, 现将……转发给你们) holds that document whole: two
# speakers by design (the city's cover says 我市, the province's report inside it 我省)
_FORWARDS = re.compile(r"转发")


def _forwards(ctx: Context) -> bool:
    title = ctx.outline.title.text if ctx.outline.title else ""
    opening = "".join(b.text for b in list(_body_blocks(ctx))[:4])[:400]
    return bool(_FORWARDS.search(title) or _FORWARDS.search(opening))


# the document's own name: the title, or the document a notice issues (关于印发《……》的通知)
_ISSUED = re.compile(r"印发《([^《》]{6,60})》(?:的)?通知\s*$")
_CITED = re.compile(r"《([^《》\n]{6,60})》")
# the kinds of document a text cites itself as, by the last words of its name
_KIND_END = re.compile(r"(?:要点|方案|计划|意见|办法|规定|细则|规划|总结|报告|规则|制度|清单)$")
_NAMED_YEAR = re.compile(r"(?:19|20)\d\d年")
_SAME_NAME = 0.6  # how alike the rest of two names must be for one to be the other misnamed


def _own_name(ctx: Context) -> str:
    title = ctx.outline.title.text.strip() if ctx.outline.title else ""
    issued = _ISSUED.search(title)
    return issued.group(1) if issued else title


def _misnamed_self(own: str, cited: str) -> bool:
    """Whether ``cited`` names the document ``own`` differently: the same kind and year, its issuer the same or named
    more fully (苏平片区 → 苏平片区管理局; a shorter one is the body above, whose document the text may cite), and the
    rest alike but not the same (农村人居环境整治工作方案 / 农村人居环境提升工作方案). Spaces do not count: a web page
    that broke a long title over two lines leaves one inside it."""
    own, cited = unspaced(own), unspaced(cited)
    kind = _KIND_END.search(own)
    year = _NAMED_YEAR.search(own)
    if cited == own or kind is None or year is None or not cited.endswith(kind.group()):
        return False
    if "情况" in own and "情况" not in cited:
        return False  # a report on how something went (……整改情况的报告) cites the document it follows up
    at = cited.find(year.group())
    if at < 0 or not cited[:at].startswith(own[:year.start()]):
        return False
    rest, cited_rest = own[year.end():], cited[at + len(year.group()):]
    place, cited_place = _PLACE.match(rest), _PLACE.match(cited_rest)
    if place and cited_place and _LEVEL[cited_place.group(1)] < _LEVEL[place.group(1)]:
        return False  # the same plan of the body above (2026年某某市…方案 in 2026年某某区…方案)
    return rest != cited_rest and similarity(rest, cited_rest) >= _SAME_NAME


# a place name opening the rest of a name (东城区, 滨海市), its level the last character
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,5}?([省市县区州旗镇乡])")
# a document cited as the ground of this one (根据《……》要求, 按照……) is another document, never this one
_GROUND = re.compile(r"(?:根据|依据|按照|遵照|依照|贯彻|落实)[^，。；！？《》]{0,12}$")


def _cited_as_another(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """B106: the document cites itself by another name (要对照《某某局2024年人居环境提升工作方案》 in
    《某某2024年人居环境整治工作方案》): a name left from an earlier draft or another unit's text."""
    own = _own_name(ctx)
    if not own or "《" not in ctx.body.text:
        return
    title = ctx.outline.title
    for b, offset, m in ctx.body.finditer(_CITED):
        if b.index in ctx.residue or (title is not None and (b.index, m.start() - offset) < (title.block, title.end)):
            continue  # the title itself, or a page's heading above it
        if _misnamed_self(own, m.group(1)) and not _GROUND.search(b.text, max(0, m.start() - offset - 16),
                                                                    m.start() - offset):
            yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key="title", cited=m.group(1),
                               own=own)


def check_self_reference(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Finds how the document speaks of itself (X委常委会, X委班子, 党组班子, 我县/我区/我市)
    and reports the forms that disagree with the unit named in its title or opening lines
    (or, when those name none, with the most used form) — a sign of paragraphs pasted from
    another unit's material. Mentions of other bodies (市委指导组) are not self-references, and a
    notice forwarding another body's document (关于转发……的通知) speaks with two voices by design.
    ## Parameters
    ``patterns``: regular expressions whose group ``unit`` names the speaking unit.
    ## Example
    党组班子…（正文）县委常委会坚持……区委常委会应对 → B106 at the minority forms."""
    doc = ctx.doc
    yield from _cited_as_another(ctx, rule)
    patterns = pattern_set(tuple(rule.params.get("patterns", ())))
    if patterns is None:
        return
    hits: list[tuple[str, int, int, int, str]] = []
    for b, offset, m in ctx.body.finditer(patterns):
        unit = next((g for g in m.groups() if g), None)
        if unit and b.index not in ctx.residue:
            hits.append((unit, b.index, m.start() - offset, m.end() - offset, m.group()))
    counts = Counter(h[0] for h in hits)
    if len(counts) < 2 or _forwards(ctx) or _pieces(doc) >= 2:
        return  # (a sharing site's collection, 篇1 … 篇2 …: each piece is another unit's document)
    # the unit the document speaks as: named in its title or opening lines, else the most used
    opening = {ctx.outline.title.block} if ctx.outline.title else set()
    opening |= {b.index for b in list(_body_blocks(ctx))[:2]}
    declared = [h for h in hits if h[1] in opening]
    # a title that names the body speaking (区政府班子……汇报) names the level it speaks at, with or without 我区
    spoken = _SPEAKER.search(ctx.outline.title.text) if ctx.outline.title else None
    # the most used form; between forms used as often, the lowest level (a county's speech names 省委常委会 once as
    # often as 我县: the speaker is the county)
    # the unit whose own situation the text works from (结合我市实际，制定本方案) is the drafter, whatever higher body
    # an event in its opening names more often (督察组进驻我省)
    own = [h for h in hits if _OWN_SITUATION.search(doc.blocks[h[1]].text, max(0, h[2] - 2), h[3] + 2)]
    main_unit = spoken.group(1) if spoken and spoken.group(1) in counts else (
        own[0][0] if own else (_declared(doc, declared) if declared else "")
        or max(counts, key=lambda u: (counts[u], _LEVEL.get(u, 0))))
    main_n = counts[main_unit]
    main_form = next(h[4] for h in hits if h[0] == main_unit)
    level = _LEVEL.get(main_unit, 0)
    reported: set[tuple[str, int]] = set()
    addressed = _addressed_units(ctx)
    for unit, block, s, e, form in hits:
        if unit == main_unit or (unit, block) in reported or _LEVEL.get(unit, 99) < level:
            continue  # 我市 in a district's report: the city the district belongs to, not another speaker
        if form.startswith("本") and (unit in addressed or _each_before(doc.blocks[block].text, s, unit)):
            continue  # 各区教育局：… 摸清本区……情况 (or 各区要结合本区实际): each district of its own district
        reported.add((unit, block))
        if counts[unit] > main_n:  # the opening's form is the rarer: "mostly" would be untrue of it
            yield rule.finding(doc, block, s, e, key="opening", form=form, main=main_form, count=counts[unit])
        else:
            yield rule.finding(doc, block, s, e, form=form, main=main_form, count=main_n)


def _pieces(doc: Document) -> int:
    """How many pieces of a sharing site's collection the text holds, by the label the site puts on each, on a short
    line of its own or after the piece's title (``outline.PIECE_TAIL``: ……请示 篇1, 篇二：, 第三篇)."""
    return sum(1 for b in doc.blocks if "篇" in b.text and len(b.text) <= 60 and PIECE_TAIL.search(b.text))


# … or as what the lower unit belongs to (XX镇……是我县的一个农业大镇, 位于我市东部): the lower speaks of its own place
_OBJECT = re.compile(r"(?:对|向|进驻|赴|给|来|是|位于|地处|隶属于?)$")


def _declared(doc: Document, declared: list[tuple[str, int, int, int, str]]) -> str:
    """The unit the opening lines speak as: the first they name; but opening lines that name a higher level only as
    the object of an outside body (督察组对我省开展督察，并向我省反馈……涉及我市问题共12项), or as what the lower one
    belongs to (……是我县的一个农业大镇), speak as the lower level, the higher being the body the speaker belongs to;
    "" when they name no lower level (the most used form then speaks)."""
    first = declared[0][0]
    levels = {u: _LEVEL.get(u, 0) for u, *_ in declared}
    top = min(levels, key=levels.__getitem__)
    above = [_OBJECT.search(doc.blocks[b].text, max(0, s - 2), s) is not None for u, b, s, *_ in declared
             if u == top]
    if not all(above):
        return first
    # the higher level only so: the lower level the opening names speaks, or, when it names none, the text's own
    # most used form (""), not the level it belongs to
    return max(levels, key=levels.__getitem__) if len(levels) >= 2 else ""


def _each_before(text: str, at: int, unit: str) -> bool:
    """Whether the sentence holding ``text[at]`` names, before it, every unit of that kind (各区人民政府要结合本区实际,
    各乡镇根据本镇情况): 本区 there is each district's own, not a district speaking."""
    start = max(text.rfind(mark, 0, at) for mark in "。；;！？\n") + 1
    return any(m.group().endswith(unit) or (unit in "乡镇" and m.group() == "各乡镇")
               for m in _ADDRESSEES.finditer(text, start, at))


def check_corpus_reuse(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    With a reference corpus (``--corpus INDEX`` or ``corpus =`` in the configuration, built
    by ``reportlint corpus build``), reports paragraphs that reappear in another document of
    the corpus, with that document, its paragraph and the similarity; consecutive reused
    paragraphs from one source make one finding. The document itself is never a source.
    ## Parameters
    ``threshold``: share of a paragraph's characters that must reappear (default 0.6).
    ## Example
    A 整改方案 whose measures are pasted from last year's plan of another unit → B105
    pointing at that plan."""
    index_path = ctx.options.get("corpus")
    if not index_path:
        return
    from ..corpus import Index, file_sha256

    itself = ctx.doc.meta.get("sha256")  # given by the API for a document read from bytes
    if itself is None:
        try:
            itself = file_sha256(Path(ctx.doc.path))  # the file itself may be in the corpus
        except OSError:
            itself = None
    with Index(index_path) as index:
        matches = index.query(ctx.doc, rule.params.get("threshold", 0.6), itself)
    runs: list[list] = []
    for m in matches:
        last = runs[-1][-1] if runs else None
        gap = [] if last is None else ctx.doc.blocks[last.block + 1:m.block]
        if last is not None and last.source == m.source and all(not b.text.strip() for b in gap):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        first, last = run[0], run[-1]
        similarity = sum(m.similarity for m in run) / len(run)
        related = [{"path": m.source, "line": m.source_block + 1, "similarity": m.similarity} for m in run]
        end_text = ctx.doc.blocks[last.block].text
        yield rule.finding(ctx.doc, first.block, 0, len(end_text), end_block=last.block, count=len(run),
                           source=Path(first.source).name, line=first.source_block + 1,
                           similarity=f"{similarity:.0%}", related=related)


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("boilerplate.residue", check_residue)
    register("boilerplate.page", check_page_artifact)
    register("boilerplate.placeholder", check_placeholder)
    register("boilerplate.repeated", check_repeated)
    register("boilerplate.self-reference", check_self_reference)
    register("boilerplate.corpus", check_corpus_reuse)
