"""T110: a space left inside a Chinese word (各学 校, 第 一时间), typed before a full-width mark (共62天 。) or after
a comma inside a sentence (重要意义， 严厉打击), setting off a number inside a Chinese sentence (召开 2025 年度), or
between a figure and its unit (增长8.5 %).

Chinese text puts no space between words (GB/T 15834-2011 has no word space; a space is layout, not
punctuation). A single space between two Chinese characters in a sentence is what joining the lines of a PDF
or of a web page leaves behind where a line was broken, or a slip of the space bar. It is reported only with
evidence: the space cuts a dictionary word in two (学|校, 第|一时间), so that a space between two words
(有时 未能), the deliberate spaces of a spaced-out title (通 知), a padded name (张  三) or a one-line paste
where a space stands for a line break (一、总体要求 为了…) is never reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..context import Context
from ..hookspecs import hookimpl
from ..model import Finding, Rule

# one ASCII space between Chinese characters, with two of them on one side at least: a name or a title spaced out
# character by character (张 三，通 知) has one character between its spaces
_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]{2}) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff]{2})")
# a space typed before a full-width mark after Chinese text (共62天 。): Chinese marks take no space before them
# (GB/T 15834-2011 has none; the full-width mark carries its own spacing); ideographic spaces are left alone (a form's
# blank to fill in: 签名：　　　，)
_BEFORE_MARK = re.compile(r"(?<=[\u4e00-\u9fff”》）]) {1,2}(?=[。，、；：？！])")
# … and one typed after a comma or an enumeration comma inside a Chinese sentence (重要意义， 严厉打击): the full-width
# mark takes up its own space; not after a colon (联系人： 张三, a form's label) nor after the marks that end a sentence
# or a list item, where a one-line paste leaves a space for a line break; not in a PDF or an OFD file (see below)
# (not before a figure's unit, 万元, 亿元, 万人: 分别达到 亿元、 亿元 lost its figures there, which T108 reports;
# deleting the space would hide the gap)
_AFTER_MARK = re.compile(r"(?<=[\u4e00-\u9fff][，、]) {1,2}(?![万亿]?元|[万亿]人)(?=[\u4e00-\u9fff])")
# a number set off by a space on both sides inside a Chinese sentence (召开 2025 年度民主生活会): the spacing some web
# editors and style guides for screen text add between Chinese and Latin or digits; a 公文 sets none (GB/T 9704 and
# GB/T 15835 write 2025年, 60岁). Not after a label the number belongs to (第 13 条, 附件 2, 见表 3; not 代表 3 人 or
# 罚款 138 万元, whose 表 and 款 end words), nor before 版 or 页 (a paper's page in a citation: 2020年02月24日 02 版; 共
# 5 页); not in a PDF or an OFD file, whose spaces are read from the gaps between glyphs, not typed
_SPACED_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff]) (\d+(?:\.\d+)?[%％]?) (?=[\u4e00-\u9fff])(?![版页])")
# a space between a figure and its percent sign or its sum of money (增长8.5 %, 投资100 亿元) after Chinese text: a
# figure and its unit are written together (GB/T 15835-2011 writes 8.5%, 100亿元); not in a PDF or an OFD file
_SPACED_UNIT = re.compile(r"(?<=[\u4e00-\u9fff])\d+(?:\.\d+)?( +)(?=[%％]|[万亿]?元)")
# … and the number counts something: a unit, a classifier or 余/多 follows (2025 年, 4 个, 30 余人). A number before
# other words may be an item's number whose line break became a space in a one-line paste (总体要求 1 指导思想)
_COUNTED = frozenset("年月日时分秒个次条项名人位户家件场期批篇元万亿千百余多岁天周倍吨亩米座所台套辆间处种届轮"
                     "份本部类%％")
# a space typed after the ordinal of an inline series (一是 理论武装的深度不够。二是 ……): 一是 runs straight into its
# clause, as every other word of a Chinese sentence does; at a paragraph's start or after a mark only (统一是 is a word)
_AFTER_ORDINAL = re.compile(r"(?:^|(?<=[。；;，,：:！？!?]))\s*[一二三四五六七八九十]是( {1,2})(?=[\u4e00-\u9fff])",
                            re.MULTILINE)
_NUMBER_LABEL = re.compile(r"(?:第|附件|附表|附图|编号|序号|(?:(?<![\u4e00-\u9fff])|(?<=[见如]))[图表])$")
_GLYPH_LAYOUT = (".pdf", ".ofd")
# a 发文字号 with spaces typed inside it (国发 〔2011〕 35 号): GB/T 9704-2012 7.2.4 sets it as one run of 机关代字, the
# year in 〔〕 and the number with 号 (国办发〔2012〕10号); the spaces come from a web page's layout or from typing
_SPACED_DOCNO = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]?〔 ?(?:19|20)\d\d ?〕[ \u3000]?\d{1,4}[ \u3000]?号")
_DOCNO_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（](?:19|20)\d\d[〕\]］)）]")  # a 发文字号 begins here
_AGENCY_CODE = re.compile(r"[\u4e00-\u9fff]{0,4}[发函字电令]$")  # how most 机关代字 end: 国发, 国办函, 京政办字, 中办电
_CLAUSES = re.compile(r"[，。；,;]")  # a sentence, its marks typed half-width too (a number's spaces are judged alone)
_PROSE = re.compile(r"[，。；]")  # a sentence: a heading, a title or a table row without one is left alone
_LONGEST = 4  # characters of the longest word looked for across a space
# an article or chapter number the text sets off with a space (第 13 条 理事会……, 第二章 总则): the space ends a label
# … an article added by an amendment included (第一百三十五条之一 举办……)
_LABEL_BEFORE = re.compile(r"第\s*[\d一二三四五六七八九十百零〇]{1,5}\s*[条章节款篇]"
                           r"(?:之[一二三四五六七八九十]{1,2})?$")

# a heading of a one-line paste right before the space (二、城东新区 区政府牵头……): a title of this many characters at
# most after an item's marker, with no mark after it, ends where the line break was, whatever word its last character
# and the next one make (区区)
_HEADING_CHARS = 20
# a table flattened onto one line (……整治率全 区82625.0%3242……): a row's label spaced out to the width of the column
# (全 区, 合 计: the distributed alignment of a table's two-character cells) runs into the row's figures; the space is
# layout when figures make half of what follows it
_FIGURE = re.compile(r"[\d.%％]")
# … and a cell of one character between two spaces before a figure (受理申请数 件 12 其中: the unit column of a
# statistics table flattened with a space between cells)
_LONE_CELL = re.compile(r"[\u4e00-\u9fff] +\d")
_ROW_WINDOW = 24
_NOT_IN_TITLE = re.compile(r"[\s，。；：:,;]")
# the label of a roster: the members of a leading group or a working team as 公文 list them (组长：王某 县长 副组长：……
# 成员：……), each name set apart from the office after it, and one entry from the next, by a space; the spaces are
# the list's separators up to the sentence that ends it (领导小组办公室设在……。), whatever word two characters across
# them happen to make (尤某军 区党工委: 军区)
_ROSTER = re.compile(r"(?:(?:副\s*)?(?:组|指挥|总指挥|队|团)\s*长|成\s*员|组\s*员|(?:副\s*)?主\s*任|召\s*集\s*人|"
                     r"顾\s*问)\s*[：:]")


def _heading_ends_at(ctx: Context) -> Callable[[int, int], bool]:
    """For a block and a place in it: whether an item's marker of the outline, or a part's label (第一条, 附件1), opens
    a short title that ends there."""
    opened: dict[int, list[int]] | None = None  # block -> where its markers end: made at the first question

    def ends_at(block: int, at: int) -> bool:
        nonlocal opened
        if opened is None:
            opened = {}
            for mk in (*ctx.outline.markers, *ctx.outline.parts()):  # items, and parts (第一条, 附件1)
                if not mk.stray:
                    opened.setdefault(mk.block, []).append(mk.end)
        text = ctx.doc.blocks[block].text
        # (the blank after a label, 第一条 生产安全领导小组 成立……, is the label's: the title begins after it)
        return any(0 < at - end <= _HEADING_CHARS and not _NOT_IN_TITLE.search(text, _after_blanks(text, end), at)
                   for end in opened.get(block, ()))

    return ends_at


def _after_blanks(text: str, at: int) -> int:
    """The place after the blanks (spaces, tabs, ideographic spaces) that begin at ``at``."""
    while at < len(text) and text[at] in " \t\u3000":
        at += 1
    return at


def _cut_word(text: str, at: int, lex: object) -> str | None:
    """The dictionary word of 2 to ``_LONGEST`` Chinese characters (``Lexicon.word``) that the space at ``at`` cuts in
    two, shortest first, or None: the text with the space taken out, every stretch that holds the characters on both
    sides of it."""
    word = lex.word  # type: ignore[attr-defined]
    joined = text[max(0, at - _LONGEST + 1):at] + text[at + 1:at + _LONGEST]
    left = min(at, _LONGEST - 1) - 1  # the character before the space, in ``joined``
    for n in range(2, _LONGEST + 1):
        for i in range(max(0, left - n + 2), left + 1):
            piece = joined[i:i + n]
            if len(piece) == n and "\u4e00" <= min(piece) and max(piece) <= "\u9fff" and word(piece):
                return piece
    return None


_OUTWEIGH = 10  # times more frequent: a word beside the space that makes the cut word a coincidence
_RARE = 5  # the frequency given to a dictionary word too rare to be offered as a correction (jieba's few counts)


def _frequency(word: str, lex: object) -> int:
    """How frequent ``word`` is in the dictionary (0 when it is none; ``_RARE`` when too rare to be looked up)."""
    key = "?" + word[1:]
    got = next((f for w, f, _ in lex.targets(key) if w == word), None)  # type: ignore[attr-defined]
    return got if got is not None else (_RARE if lex.word(word) else 0)  # type: ignore[attr-defined]


def _split_between_words(text: str, at: int, cut: str, lex: object) -> bool:
    """Whether the space at ``at`` more likely stands between two pieces than inside ``cut``: a word of 2–3
    characters ending at it or beginning after it is ten times as frequent (……的函 大学: 大学 outweighs 函大; 第八天
    职工: 职工 outweighs 天职), or words on both sides are each as frequent (执行 情况 is no 行情), as where a space
    stands for a lost line break; 各学 校, 第 一时间 have no such word."""
    cut_frequency = _frequency(cut, lex)
    left = [_frequency(p, lex) for n in (2, 3) if len(p := text[max(0, at - n):at]) == n and " " not in p]
    right = [_frequency(p, lex) for n in (2, 3) if len(p := text[at + 1:at + 1 + n]) == n and " " not in p]
    # one word beside the space ten times as frequent, or a word on each side as frequent as the cut one: each of
    # its two characters belongs to a word of its own (计划执行 情况: 执行 + 情况, no 行情)
    return max(left + right, default=0) >= _OUTWEIGH * cut_frequency or (
        min(max(left, default=0), max(right, default=0)) >= cut_frequency)


# the labels of a paper or a book printed spaced out, a character apart (摘 要, 目 录, 前 言: the layout of journals and
# of GB/T 7713 theses), with a space, a colon or the line's end after them
_SPACED_LABEL = re.compile(r"(?:摘 要|目 录|前 言|引 言|序 言|后 记|结 语|附 录)(?=[ \u3000:：]|$)", re.MULTILINE)
_HAN_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff]+$")
_HAN_RUN_AFTER = re.compile(r"[\u4e00-\u9fff]+")


def _parallel_halves(text: str, at: int) -> bool:
    """Whether the space at ``at`` parts two runs of Chinese of the same length, four characters or more each, with
    nothing else of Chinese around them (不忘初心 牢记使命, “青春心向党 建功新时代”): the halves of a slogan or a
    couplet (对仗), set apart by a space as such lines are printed; a word cut by a stray space leaves unequal runs."""
    before = _HAN_RUN_BEFORE.search(text, max(0, at - 12), at)
    after = _HAN_RUN_AFTER.match(text, at + 1)
    return before is not None and after is not None and len(before.group()) == len(after.group()) >= 4


def stray_spaces(ctx: Context, lex: object) -> list[tuple[int, int, str]]:
    """(block, place of the space, the word it cuts) in document order."""
    out = []
    after_heading = _heading_ends_at(ctx)
    for b, offset, m in ctx.body.finditer(_SPACE):
        if b.index in ctx.residue or not _PROSE.search(b.text):
            continue
        at = m.start() - offset
        if _LABEL_BEFORE.search(b.text, max(0, at - 12), at) or _DOCNO_AFTER.match(b.text, at + 1) \
                or after_heading(b.index, at):
            continue  # (……的批复 国函〔1999〕134号: the space stands for the line break between a title and its 文号)
        if len(_FIGURE.findall(b.text, at + 1, at + 1 + _ROW_WINDOW)) * 2 >= _ROW_WINDOW \
                or _LONE_CELL.match(b.text, at + 1):
            continue  # a row label of a flattened table, spaced to its column's width, before the row's figures
        if _parallel_halves(b.text, at):
            continue  # “青春心向党 建功新时代”: a space between the two halves of a slogan
        if _SPACED_LABEL.match(b.text, at - 1):
            continue  # 摘 要 加快建立……: a paper's label spaced out as it is printed, with a space after it
        if _ROSTER.search(b.text, b.text.rfind("。", 0, at) + 1, at):
            continue  # 组长：王某 县委书记 副组长：……: a roster's separators, up to the sentence that ends it
        word = _cut_word(b.text, at, lex)
        if word is not None and not _split_between_words(b.text, at, word, lex):
            out.append((b.index, m.start() - offset, word))
    return out


def check_stray_space(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a space between two Chinese characters of a sentence that cuts a word in two
    (各学 校, 第 一时间): left where the lines of a PDF or a web page were joined. Only a
    space inside a dictionary word counts, so spaces between words, spaced-out titles, padded
    names and line breaks turned into spaces are left alone. Also a number set off by a space on both
    sides inside a Chinese sentence (召开 2025 年度), outside PDF and OFD files and not after the label it
    belongs to (第 13 条, 附件 2); not in a Markdown file that spaces its numbers all through (a house style);
    a space after ， or 、 inside a sentence (意义， 严厉) and one between a figure and its % or 元 (8.5 %, 100 亿元),
    outside PDF and OFD files too;
    and a 发文字号 with spaces inside (国发 〔2011〕 35 号, GB/T 9704-2012 7.2.4 writes it as one run).
    Above ``summary_over`` places in all, one finding for the whole document per kind of
    place (of two or more), with the count. The fix deletes the space.
    ## Parameters
    ``summary_over``: places reported one by one at most.
    ## Example
    全县各学 校要在月底前完成排查 → T110 (学校 cut in two)."""
    if " " not in ctx.body.text and "\u3000〔" not in ctx.body.text and "〕\u3000" not in ctx.body.text:
        return
    marks = _in_prose(ctx, _BEFORE_MARK, 0)
    kinds: list[tuple[list[tuple[int, int, int, str]], str, str, Callable[[str, int, int], str] | None]] = [
        (marks, "mark", "mark_summary", None)]
    if not ctx.doc.path.lower().endswith(_GLYPH_LAYOUT):
        yield from _spaced_doc_numbers(ctx, rule)
        ordinals = [(b.index, m.start(1) - offset, m.end(1) - offset, "")
                    for b, offset, m in ctx.body.finditer(_AFTER_ORDINAL)
                    if b.index not in ctx.residue and _CLAUSES.search(b.text)]
        text = ctx.body.text  # each scan only when what every match holds is in the text (one C-level search)
        after = _in_prose(ctx, _AFTER_MARK, 0) if "， " in text or "、 " in text else []
        units = _in_prose(ctx, _SPACED_UNIT, 1) if " %" in text or " ％" in text or " 元" in text \
            or " 万元" in text or " 亿元" in text else []
        kinds += [(_spaced_numbers(ctx), "number", "number_summary", _with_words),
                  (ordinals, "ordinal", "ordinal_summary", _with_words), (after, "after_mark", "after_summary", None),
                  (units, "unit", "unit_summary", _with_figure)]
    from ..lexicon import lexicon

    cut = [(index, at, at + 1, word) for index, at, word in stray_spaces(ctx, lexicon())]
    kinds.append((cut, "default", "summary", None))
    # more places in all than ``summary_over``: each kind of two or more places one finding for the document, so a
    # pasted text with five spaced numbers and four cut words gets two findings, not nine
    many = sum(len(places) for places, *_ in kinds) > rule.params.get("summary_over", 5)
    for places, key, summary_key, show in kinds:
        yield from _reported(ctx, rule, places, key, summary_key, show=show, summarise=many and len(places) > 1)


def _in_prose(ctx: Context, pattern: re.Pattern[str], group: int) -> list[tuple[int, int, int, str]]:
    """(block, start, end, "") of ``group`` of each match of ``pattern`` in a sentence of the body's text."""
    return [(b.index, m.start(group) - offset, m.end(group) - offset, "") for b, offset, m in ctx.body.finditer(pattern)
            if b.index not in ctx.residue and _PROSE.search(b.text)]


def _spaced_doc_numbers(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """发文字号 with spaces inside (国发 〔2011〕 35 号), each once, shown from its 机关代字; the fix deletes the
    spaces."""
    for b, offset, m in ctx.body.finditer(_SPACED_DOCNO) if "〔" in ctx.body.text else ():
        start, end = m.start() - offset, m.end() - offset
        if b.index in ctx.residue or not _BLANKS.search(b.text, start, end):
            continue
        code = _AGENCY_CODE.search(b.text, max(0, start - 5), start)
        first = code.start() if code else b.text.index("〔", start)
        text = b.text[first:end]
        yield rule.finding(ctx.doc, b.index, first, end, key="docno", text=text, suggestion=_BLANKS.sub("", text),
                           autofix=[(b.index, k.start(), k.end(), "") for k in _BLANKS.finditer(b.text, first, end)])


_BLANKS = re.compile("[ \u3000\t]+")


def _spaced_numbers(ctx: Context) -> list[tuple[int, int, int, str]]:
    """Numbers set off by spaces inside Chinese sentences (召开 2025 年度): block, start, end, ""."""
    places = []
    for b, offset, m in ctx.body.finditer(_SPACED_NUMBER):
        start, end = m.start() - offset, m.end() - offset
        label = _NUMBER_LABEL.search(b.text, max(0, start - 4), start)
        counted = b.text[end:end + 1] in _COUNTED or m.group(1)[-1] in "%％"
        if b.index in ctx.residue or label is not None or not counted or not _CLAUSES.search(b.text):
            continue
        if _row_number(b.text, start, m.group(1)):
            continue  # … 房管部门 8 林地报批 林业部门 9 ……规划部门 10 人防设计审批: a flattened table's row numbers
        places.append((b.index, start, end, ""))
    if places and ctx.doc.path.lower().endswith(_MARKDOWN) \
            and len(_UNSPACED_NUMBER.findall(ctx.body.text)) * 4 <= len(places):
        return []  # Markdown spaced on purpose: the house style of 中文文案排版指北, kept all through, is no slip
    return places


_ROW_SPAN = 80  # characters around a spaced number where the row before or after it begins in a flattened table


def _row_number(text: str, start: int, number: str) -> bool:
    """Whether the spaced ``number`` at ``start`` is one of a run of row numbers (a table flattened onto one line:
    …许可证 房管部门 8 林地报批 林业部门 9 核发……): the number before it or after it stands within ``_ROW_SPAN``
    characters, spaced the same way and before a word that it does not count (9 核发: a row's first cell; 宽 3 米，
    宽 4 米 are two measures)."""
    if not number.isdigit():
        return False
    n = int(number)
    for neighbour, lo, hi in ((n - 1, max(0, start - _ROW_SPAN), start),
                              (n + 1, start + len(number) + 1, start + len(number) + 1 + _ROW_SPAN)):
        if neighbour < 1:
            continue
        at = text.find(f" {neighbour} ", lo, hi)
        after = text[at + len(str(neighbour)) + 2:at + len(str(neighbour)) + 3] if at >= 0 else ""
        if after and "\u4e00" <= after <= "\u9fff" and after not in _COUNTED:
            return True
    return False


# a Markdown text that spaces nearly every number it sets between Chinese characters follows the spacing convention
# many Markdown writers keep (sparanoid/chinese-copywriting-guidelines, 中文文案排版指北: 中英文、数字之间加空格);
# a 公文 converted from it keeps the spaces, but the writer chose them: one stray spaced number in unspaced text is
# the slip this finds
_MARKDOWN = (".md", ".markdown")
_UNSPACED_NUMBER = re.compile(r"[\u4e00-\u9fff]\d+(?:\.\d+)?[%％]?[\u4e00-\u9fff]")


def _with_words(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with up to two Chinese characters either side, to show it in a message (召开 2025 年度)."""
    before = _HAN_TAIL.search(text, max(0, start - 2), start)
    after = _HAN_HEAD.match(text, end, end + 2)
    return text[before.start() if before else start:after.end() if after else end]


def _with_figure(text: str, start: int, end: int) -> str:
    """The space at ``text[start:end]`` with the figure before it and the unit after it (增长8.5 %, 投资100 亿元)."""
    before = _FIGURE_TAIL.search(text, max(0, start - 12), start)
    after = _UNIT_HEAD.match(text, end)
    return text[before.start() if before else start:after.end() if after else end]


_FIGURE_TAIL = re.compile(r"\d+(?:\.\d+)?$")
_UNIT_HEAD = re.compile(r"[%％]|[万亿]?元")
_HAN_TAIL = re.compile(r"[\u4e00-\u9fff]+$")
_HAN_HEAD = re.compile(r"[\u4e00-\u9fff]+")


def _reported(ctx: Context, rule: Rule, places: list[tuple[int, int, int, str]], key: str, summary_key: str,
              show: Callable[[str, int, int], str] | None = None, summarise: bool = False) -> Iterator[Finding]:
    """A finding for each place of ``places`` (block, start and end of the span, the word it cuts or ""), shown with a
    character either side (or as ``show`` gives it); above ``summary_over`` places, or when ``summarise``, one finding
    for the document with the count. The fix deletes the spaces of each span."""
    blocks = ctx.doc.blocks
    shown = [show(blocks[index].text, start, end) if show else blocks[index].text[start - 1:end + 1]
             for index, start, end, _ in places]
    fixes = [[(index, m.start(), m.end(), "") for m in _SPACES.finditer(blocks[index].text, start, end)]
             for index, start, end, _ in places]
    if summarise or len(places) > rule.params.get("summary_over", 5):
        index, start, end, word = places[0]
        sample = "、".join(f"“{text}”" for text in shown[:3])
        yield rule.finding(ctx.doc, index, start - 1, end + 1, key=summary_key, count=len(places), sample=sample,
                           text=shown[0], word=word, autofix=[fix for each in fixes for fix in each])
        return
    for (index, start, end, word), text, fix in zip(places, shown, fixes, strict=True):
        yield rule.finding(ctx.doc, index, start - 1, end + 1, key=key, text=text, word=word,
                           suggestion=text.replace(" ", ""), autofix=fix)


_SPACES = re.compile(" +")


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("spacing.stray", check_stray_space)
