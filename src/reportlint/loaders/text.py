"""Plain-text and Markdown loader: one block per physical line, except lines that an
export broke in the middle of a sentence, which are re-joined (``repair.py``); every block
keeps the physical line numbers it came from, so findings point at the file's own lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from ..errors import LoadError
from ..model import Block, Document
from ..suppress import MAX_DIRECTIVES, TEXT_DIRECTIVE
from ..textutil import entity_reference
from .repair import rejoin, rewrap

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8（带 BOM）"),
    (b"\xff\xfe", "utf-16-le", "UTF-16LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16BE"),
)
_NEWLINES = re.compile(r"\r\n|\r|\n")
_MD_HEADING = re.compile(r"^(#{1,6})\s")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _word_test() -> Callable[[str], bool]:
    """The dictionary's test of a word, for a break inside one (``rewrap``): loaded only for a text with a run of
    lines of one width."""
    from ..lexicon import lexicon

    return lexicon().word


def decode(data: bytes) -> tuple[str, dict[str, object]]:
    """Decode BOM → strict UTF-8 → strict GB18030; say which was used and what was repaired."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec.replace("-sig", "")), {"encoding": name}
            except UnicodeDecodeError as exc:
                raise LoadError(f"文件声明为 {name} 编码，但内容无法按该编码解码（invalid）") from exc
    try:
        return data.decode("utf-8"), {"encoding": "UTF-8"}
    except UnicodeDecodeError as first:
        utf8_error = first
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        try:
            data.decode("gbk")
            name = "GBK（GB18030 兼容）"
        except UnicodeDecodeError:
            name = "GB18030"
        return text, {"encoding": name, "encoding_fallback": True}
    bad = data.decode("utf-8", errors="replace")
    if bad.count("\ufffd") <= max(3, len(bad) // 1000):
        return bad, {
            "encoding": "UTF-8",
            "invalid_bytes": bad.count("\ufffd"),
            "invalid_offset": utf8_error.start,
        }
    raise LoadError("无法识别文本编码：既不是 UTF-8，也不是 GB18030/GBK（not text）")


_FIELD = re.compile(r"\s*[^\s:：][^:：]{0,30}[:：]|\s*-\s|\s+\S")  # key: value, a list item, a continuation
_FRONT_MATTER_LINES = 60
_TITLE_FIELD = re.compile(r"title\s*:\s*(\S.*)$")


def front_matter(lines: list[str]) -> int:
    """How many lines a YAML front matter block at the top takes (Jekyll, Hugo and note tools write one; so do
    scrapers that save pages with their metadata): ``---`` on the first line, ``---`` or ``...`` within
    ``_FRONT_MATTER_LINES`` lines, a ``key: value`` line between and nothing else but such lines, list items and
    blanks. 0 when there is none."""
    if not lines or lines[0].strip() != "---":
        return 0
    fields = 0
    for n, line in enumerate(lines[1:_FRONT_MATTER_LINES + 1], 1):
        if line.strip() in ("---", "..."):
            return n + 1 if fields else 0
        if line.strip():
            if not _FIELD.match(line):
                return 0
            fields += 1
    return 0


# HTML character entities for spaces, as web editors write a paragraph's indent (&emsp;&emsp;) and a page's text
# copied with its source keeps them (HTML 5 named character references; &#12288; is the ideographic space U+3000)
_SPACE_ENTITIES = re.compile(r"&(?:emsp|ensp|nbsp|thinsp|#12288|#x3000|#160|#xa0|#8194|#x2002|#8195|#x2003);",
                             re.IGNORECASE)
# Markdown's inline markup around text: an HTML tag (its attributes may run over lines: a 红头 drawn with <div
# style=…>), an HTML comment, and the brackets and address of a link or image ([text](address)); each bounded in
# length, so a file of unclosed "<a " or "<!--" costs a pass, not a pass per opening
_LINK_END = r"\]\([^()\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,200}\")?\)"  # ](address) or ](address "title")
_MD_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,1000})?/?>"
                        rf"|!\[[^\[\]\n]{{0,500}}{_LINK_END}"  # an image, its alternative text too: no text of the page
                        rf"|\[(?=[^\[\]\n]{{0,500}}{_LINK_END})|{_LINK_END}"
                        # a site generator's container fence on a line of its own (VitePress: ::: tip 说明 … :::)
                        r"|^[ \t]*:::[^\n]{0,200}$", re.MULTILINE)



# Markdown's strong emphasis on one line (**选举工作组**, __注意__): the marks are markup, the words between are text;
# a bold field name before a colon (**来源**: …, a saved page's metadata) is left as written for B101 to know it
_MD_STRONG = re.compile(r"(?<![*_\\])(\*\*|__)(?=[^\s*_])([^\n]{0,400}?[^\s*_\\])\1(?![*_]|\s*[:：])")


def _cut_between(text: str, opening: str, closing: str) -> str:
    """``text`` with each stretch from ``opening`` to the next ``closing`` after it blanked (line breaks kept), found
    in one pass; an opening without its closing is left as it is."""
    pieces, at = [], 0
    while (start := text.find(opening, at)) >= 0 and (end := text.find(closing, start + len(opening))) >= 0:
        pieces += [text[at:start], _spaces(text[start:end + len(closing)])]
        at = end + len(closing)
    return "".join(pieces) + text[at:] if pieces else text


# a web page's source saved as a text file (an HTML document, a JSP/ASP/PHP template holding the text, or the HTML of
# an article's body as a site's database keeps it, opening with a block element; a Vue component, opening with its
# <template>; or any of them opening with a comment,
# <%-- … --%> or <!-- … -->): its markup is no text of the document
_PAGE_SOURCE = re.compile(r"\A\ufeff?\s*(?:<!DOCTYPE\s+html|<html[\s>]|<%[@-]|<!--|<\?(?:xml|php)\b"
                          r"|<(?:table|div|p|h[1-6]|section|article|body|center|font|ul|ol|template)[\s>])",
                          re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\s[^<>]{0,1000})?/?>|<!DOCTYPE[^<>]{0,200}>", re.IGNORECASE)


def _cut_code(text: str, delimiters: tuple[tuple[str, str], ...], elements: tuple[str, ...]) -> str:
    """``text`` with each stretch between the ``delimiters`` (<!-- … -->) and each of the ``elements`` (<script …>
    … </script>: no text at all) blanked, in that order (``_cut_between``)."""
    for opening, closing in delimiters:
        text = _cut_between(text, opening, closing)
    for tag in elements:
        if "<" + tag in text:
            text = _cut_between(text, "<" + tag, "</" + tag + ">")
    return text


def _page_markup(text: str) -> str:
    """A page source's text with its comments, server code (<%…%>, <?php…?>), the head, scripts, styles and
    navigation (``_menus``) and its tags blanked (``_spaces``: lines and columns kept)."""
    text = _cut_code(text, (("<!--", "-->"), ("<%", "%>"), ("<?", "?>")), ("head", "script", "style", "nav"))
    if "<a" in text or "<A" in text:
        text = _menus(text)
    # twice: a template's own tag inside an attribute (<img src="<z:path/>a.jpg" alt="…">, JSP) hides the outer tag
    # from ``_TAG`` until it is blanked
    return _blanked(_blanked(text, _TAG), _TAG)


_LINK = re.compile(r"<a\b[^<>]{0,1000}>.*?</a\s*>", re.IGNORECASE)
_MENU_ITEM_CHARS = 10  # the words of a menu item: 网站首页, 学生用户登录; an attachment's name is longer
_MENU_ITEMS = 3  # link lines in a row that make a menu


def _menus(text: str) -> str:
    """``text`` with each site menu blanked: ``_MENU_ITEMS`` or more lines in a row (lines of markup alone between
    them) whose visible text is one short link and nothing else (<li><a href="index.jsp">网站首页</a></li>), as the
    menu of a page without a <nav> element (HTML's own element for it) is written. The menu is the site's, not the
    document's: read as text, its items are taken for a paragraph broken into words (X104)."""
    lines = text.split("\n")
    run: list[int] = []

    def close() -> None:
        if len(run) >= _MENU_ITEMS:
            for n in run:
                lines[n] = _spaces(lines[n])
        run.clear()

    for n, line in enumerate(lines):
        if "<" not in line:
            if line.strip():
                close()
            continue
        visible = _TAG.sub("", line).strip()
        if not visible:
            continue  # markup alone (</li>, <ul>): the menu goes on
        outside = _TAG.sub("", _LINK.sub("", line)).strip()
        if outside or len(visible) > _MENU_ITEM_CHARS or not _LINK.search(line):
            close()
        else:
            run.append(n)
    close()
    return "\n".join(lines)


def _markdown_markup(text: str) -> str:
    """``text`` with Markdown's HTML comments, the code blocks a page runs or styles with (<script setup>…</script>,
    <style>…</style>: no text at all) and ``_MD_MARKUP`` blanked."""
    text = _cut_code(text, (("<!--", "-->"),), ("script", "style"))
    if "**" in text or "__" in text:
        text = _MD_STRONG.sub(lambda m: "  " + m.group(2) + "  ", text)
    return _blanked(text, _MD_MARKUP)


_NOT_BREAK = re.compile(r"[^\r\n]")


def _spaces(piece: str) -> str:
    """``piece`` turned into spaces, its line breaks kept: the file's lines and columns stay where they were, so
    findings still point at them."""
    return _NOT_BREAK.sub(" ", piece)


def _blanked(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with every match of ``pattern`` turned into spaces (``_spaces``)."""
    return pattern.sub(lambda m: _spaces(m.group()), text)


def _marks(lines: list[str], needle: str, pattern: re.Pattern[str]) -> tuple[tuple[int, int, str] | None, int]:
    """The first match of ``pattern`` in ``lines`` (1-based line, 0-based column, its text) and the count of all,
    looked for in the lines holding ``needle``."""
    count, first = 0, None
    for n, line in enumerate(lines):
        if needle not in line or (m := pattern.search(line)) is None:
            continue
        first = first or (n + 1, m.start(), m.group())
        count += len(pattern.findall(line))
    return first, count


def _blank_all(lines: list[str], needle: str, pattern: re.Pattern[str]) -> None:
    """Every match of ``pattern`` in ``lines`` turned into spaces (``_blanked``), in place."""
    for n, line in enumerate(lines):
        if needle in line:
            lines[n] = _blanked(line, pattern)


def _space_entities(lines: list[str], markdown: bool, meta: dict[str, object]) -> None:
    """Space entities read as the spaces they name (an indent before 一、 is an indent). In Markdown they are its
    own syntax; in a .txt they are left over from a web page, and the first of them and their count go to
    ``meta["html_entities"]`` (1-based line, 0-based column, the entity, the count) for B101 to report."""
    first, count = _marks(lines, "&", _SPACE_ENTITIES)
    if first is None:
        return
    _blank_all(lines, "&", _SPACE_ENTITIES)
    if not markdown:
        meta["html_entities"] = (*first, count)


# any other HTML character reference (&ldquo;四个能力&rdquo;, &mdash;, &#8220;): a web page's source copied into a plain
# text keeps them where its page showed quotes and dashes (HTML 5 named character references; the names ``html``
# knows decide, so that 中&外 or a company's R&D; is left alone)
# … also a numeric one that lost its # on the way (&9826; for &#9826;, as a page's text export leaves it)
_CHAR_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,9}|#?\d{2,7}|#[xX][0-9A-Fa-f]{2,6});")


def _char_entities(lines: list[str], meta: dict[str, object]) -> None:
    """The first character reference of a .txt and their count to ``meta["char_entities"]`` (as ``html_entities``),
    for B101 to report; the text is left as it is."""
    from html import unescape

    count, first = 0, None
    for n, line in enumerate(lines):
        if "&" not in line:
            continue
        for m in _CHAR_ENTITY.finditer(line):
            if unescape(ref := entity_reference(m.group())) != ref:
                first = first or (n + 1, m.start(), m.group())
                count += 1
    if first is not None:
        meta["char_entities"] = (*first, count)


# the tags of a web page's source copied into a plain text with the words (<p>各市、县人民政府：</p><p> 现将……, <br/>,
# <strong style=…>): HTML elements of running text, tables and images, each bounded in length
_HTML_TAG = re.compile(r"</?(?:p|br|div|span|strong|b|i|em|u|font|td|tr|th|table|tbody|img|a|h[1-6]|li|ul|ol|section"
                       r"|center|sup|sub)(?:\s[^<>\n]{0,300})?/?>", re.IGNORECASE)
_HTML_TAGS_MIN = 2  # tags in a file before they count as copied markup (one "<b>" may be a drafter's)


def html_tags(lines: list[str], meta: dict[str, object]) -> None:
    """The tags of a web page's source in a plain text or a Word file's paragraphs (not a page's source, whose
    markup the loader reads as such): read as the spaces they take, so no rule reads their attributes as text, and the
    first of them and their count go to ``meta["html_tags"]`` (1-based line or paragraph, 0-based column, the tag,
    the count) for B101 to report."""
    first, count = _marks(lines, "<", _HTML_TAG)
    if first is None or count < _HTML_TAGS_MIN:
        return
    _blank_all(lines, "<", _HTML_TAG)
    meta["html_tags"] = (*first, count)


def load_text(path: Path, data: bytes) -> Document:
    text, meta = decode(data)
    lines = _NEWLINES.split(text) if "\r" in text else text.split("\n")
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()  # a final newline does not open a new line in an editor
    markdown = path.suffix.lower() in (".md", ".markdown")
    if markdown:
        meta["markdown"] = True  # the outline nests lists by indent, N106 leaves 1、 alone on a page of no known kind
    head = front_matter(lines)
    if head:
        meta["front_matter"] = head  # its lines: metadata of the file, no text of the report
        if markdown:  # a Markdown file's own metadata (a site generator's): rules never see it
            title = next((m.group(1).strip().strip("'\"") for line in lines[1:head - 1]
                          if (m := _TITLE_FIELD.match(line))), "")
            if title:
                meta["front_matter_title"] = title[:200]  # the page's title, which its site prints above the text
            lines[:head] = [""] * head
    directives = []
    for n, line in enumerate(lines) if "reportlint" in text else ():  # a text without the word holds none
        if "reportlint" in line and (m := TEXT_DIRECTIVE.match(line)):
            if len(directives) < MAX_DIRECTIVES:
                directives.append({"line": n + 1, "text": m.group(1)})
            lines[n] = ""  # a suppression comment is not text of the report: rules never see it
    if directives:
        meta["directives"] = directives
    page = not markdown and _PAGE_SOURCE.match(text) is not None
    if markdown and ("<" in text or "](" in text or "**" in text or "__" in text or ":::" in text):  # after the
        # suppression comments, which are HTML comments too
        lines = _markdown_markup("\n".join(lines)).split("\n")  # the lines hold no line break of their own
    elif page:
        meta["page_source"] = True
        lines = _page_markup("\n".join(lines)).split("\n")
    if "&" in text:
        _space_entities(lines, markdown or page, meta)
        if not (markdown or page):
            _char_entities(lines, meta)
    if not markdown and not page and "<" in text:
        html_tags(lines, meta)
    blocks = []
    controls = sum(len(_CONTROLS.findall(line)) for line in lines) if _CONTROLS.search(text) else 0
    piped = "|" in text or "｜" in text or "¦" in text  # (_PIPE) before ``text`` names each passage below
    numbered_rows = _ROW_NUMBER.search(text) is not None  # a line holding only a number: maybe a table's row
    data_lines = _DATA_LINE.search(text) is not None  # a line holding only a value: maybe a table's cell
    passages = rejoin(lines, markdown)
    if not markdown and not page:  # (a Markdown paragraph's lines are one by the format's rule, a page's by its tags)
        passages, meta["wrapped"] = rewrap(passages, _word_test)
    for start, text, joins in passages:
        i = len(blocks)
        m = _MD_HEADING.match(text) if markdown else None
        if m:
            blocks.append(Block(i, text, kind="heading", level=len(m.group(1)), style="markdown", line=start + 1))
        else:  # every field by position: a keyword call costs more, once a line
            blocks.append(Block(i, text, "paragraph", 0, "", None, "", 0, start + 1, joins))
    if piped:  # a table needs its separators
        blocks = _pipe_tables(blocks)
    if numbered_rows:
        blocks = _cell_tables(blocks)
    if data_lines:
        blocks = _grid_tables(blocks)
    if len(blocks) != len(lines):
        meta["rejoined"] = [(b.line, b.joins[-1][1]) for b in blocks if b.joins]
    if controls:
        meta["control_chars"] = controls
    if "invalid_offset" in meta:
        offset = int(meta["invalid_offset"])  # type: ignore[arg-type]
        meta["invalid_line"] = len(_NEWLINES.findall(data[:offset].decode("utf-8", "replace"))) + 1
    return Document(path=str(path), blocks=tuple(blocks), title=str(meta.get("front_matter_title", "")), meta=meta)


def _as_cell(b: Block, table: int) -> Block:
    """``b`` as a cell of table number ``table`` (every field by position, as the loader builds blocks)."""
    return Block(b.index, b.text, "cell", 0, "", None, "", table, b.line, b.joins)


_PIPE = frozenset(("|", "｜", "¦"))
_PIPE_TABLE = 3  # separator lines that make a table of one cell per line


def _pipe_tables(blocks: list[Block]) -> list[Block]:
    """A table copied as one cell per line with a line holding only | between cells (how some web-to-text tools write
    an HTML table): its lines become cells of one table (kind "cell"), so that no check reads them as broken prose, a
    running header or a list of measures."""
    out, run, tables = list(blocks), [], 0

    def close() -> None:
        nonlocal tables
        if sum(1 for i in run if blocks[i].text.strip() in _PIPE) >= _PIPE_TABLE:
            tables += 1
            for i in run:
                out[i] = _as_cell(blocks[i], tables)
        run.clear()

    for i, b in enumerate(blocks):
        pipe = b.text.strip() in _PIPE
        # a run goes on while separators come every other line (a cell of text between two separators)
        if pipe or (run and blocks[run[-1]].text.strip() in _PIPE):
            run.append(i)
        else:
            close()
            if i + 1 < len(blocks) and blocks[i + 1].text.strip() in _PIPE:
                run.append(i)  # the first cell, before the first separator
    close()
    return out


_ROW_NUMBER = re.compile(r"^[ \t\u3000]*\d{1,3}[ \t\u3000]*$", re.MULTILINE)
# a table pasted as one cell per line, with nothing but blank lines between its cells (a Word or web table copied into
# a plain-text editor that puts each cell on its own line): its rows are told by their numbers (序号 1, 2, 3 …), each
# alone on a line, and by its cells, mostly short. Either three rows or more, all of one length with two cells or more
# besides the number; or five rows or more whose lengths vary (a cell merged over several rows, a row naming a category
# of rows), of two and a half lines on average. A number alone on a line before one line of text is a list whose
# markers were cut from their items: no table.
_REGULAR_ROWS, _VARIED_ROWS = 3, 5
_ROW_LINES = (2, 12)  # lines from one row's number to the next
_CELL_CHARS = 500  # a cell's text at most (a task told in full); a longer line is prose
_SHORT_CELL = 40  # at least half the cells of a table (not counting the numbers) are this short
_HEADER_ROWS = 6  # lines of the header row and of category rows above the first number, at most
_HAN_NUMERAL = "[一二三四五六七八九十]+"
_NOT_CELL = re.compile(f"{_HAN_NUMERAL}、|[（(]{_HAN_NUMERAL}[)）]|第{_HAN_NUMERAL}[章节条部]|附件")  # a heading
_NOT_HEADER_END = tuple("。！？；：:;")


def _cell_text(b: Block, chars: int = _CELL_CHARS) -> str | None:
    """The text of a block that may be a cell (a paragraph of ``chars`` characters at most, no heading), or None."""
    text = b.text.strip()
    return text if b.kind == "paragraph" and len(text) <= chars and _NOT_CELL.match(text) is None else None


def _mostly_short(texts: list[str | None]) -> bool:
    """Whether every text is a cell's and at least half of them are ``_SHORT_CELL`` characters or fewer."""
    return None not in texts and 2 * sum(len(t) <= _SHORT_CELL for t in texts if t is not None) >= len(texts)


def _cell_tables(blocks: list[Block]) -> list[Block]:
    """Tables pasted one cell per line (see ``_ROW_NUMBER``): their lines become cells of a table (kind "cell"), with
    the header row and category rows above the first number, so that no check reads them as broken prose (X104), a
    numbered list, a list of measures or a passage said twice (a plan's task table restates its text)."""
    out = list(blocks)
    tables = max((b.table for b in blocks), default=0)
    lines = [i for i, b in enumerate(blocks) if b.text.strip()]  # blank lines between cells play no part
    numbers = [(n, int(t)) for n, i in enumerate(lines) if blocks[i].kind == "paragraph"
               and (t := blocks[i].text.strip()).isdigit() and len(t) <= 3 and t.isascii()]
    k = 0
    while k < len(numbers):
        rows = [numbers[k]]
        for n, v in numbers[k + 1:]:
            if v != rows[-1][1] + 1 or not _ROW_LINES[0] <= n - rows[-1][0] <= _ROW_LINES[1]:
                break
            rows.append((n, v))
        if len(rows) < _REGULAR_ROWS:
            k += 1
            continue
        gaps = [b[0] - a[0] for a, b in pairwise(rows)]
        regular = len(set(gaps)) == 1 and gaps[0] >= 3  # (three rows at least: fewer went on above)
        varied = len(rows) >= _VARIED_ROWS and sum(gaps) >= 2.5 * len(gaps)
        # the last row as long as most, or up to the end of the text
        first, last = rows[0][0], min(rows[-1][0] + sorted(gaps)[len(gaps) // 2], len(lines))
        numbered = {n for n, _ in rows}
        texts = [_cell_text(blocks[lines[n]]) for n in range(first, last) if n not in numbered]
        if not (regular or varied) or not _mostly_short(texts):
            k += 1
            continue
        while first > 0 and first > rows[0][0] - _HEADER_ROWS and (
                (t := _cell_text(blocks[lines[first - 1]], _SHORT_CELL)) and not t.endswith(_NOT_HEADER_END)):
            first -= 1  # the header row (序号, 项目名称, 责任单位 …) and category rows (行动一：……)
        tables += 1
        for n in range(first, last):
            out[lines[n]] = _as_cell(blocks[lines[n]], tables)
        k += len(rows)
    return out


# a table of figures flattened into one cell per line (how a PDF-to-text tool writes a table with no rows numbered):
# a run of short lines, none a sentence or a heading, a quarter or more of them values alone (22153, -10-2, 0.6286,
# 70-100%) or units alone (℃, MW). Its lines are cells, not prose broken into words (X104), labels repeated on every
# page (B102) or counts without a classifier (T108). A run of short words with no values stays text: it may be a
# heading or a sentence broken into lines.
_DATA_LINE = re.compile(r"^[ \t\u3000]*[-+－−]?\d[\d.,%％‰~～\-－—/:：]*[ \t\u3000]*$", re.MULTILINE)
_UNIT_CELL = re.compile(r"[℃%％‰A-Za-z·/²³()（）]{1,8}")  # a unit alone on its line
_GRID_LINES = 8  # lines of a run, at least
_GRID_CELL = 20  # characters of a cell, at most
_LIST_MARKER = re.compile(r"\d{1,2}[、.．)）]\D|[(（]\d{1,2}[)）]")  # 1、市场出清情况: a heading, not a cell
_SENTENCE_END = tuple("。！？；：:;，,")


def _grid_cell(b: Block) -> str | None:
    """The text of a block that may be a cell of a grid of figures, or None."""
    text = b.text.strip()
    if b.kind != "paragraph" or not 0 < len(text) <= _GRID_CELL or text.endswith(_SENTENCE_END):
        return None
    return None if _NOT_CELL.match(text) or _LIST_MARKER.match(text) else text


def _grid_tables(blocks: list[Block]) -> list[Block]:
    """Grids of figures pasted one cell per line (see ``_DATA_LINE``): their lines become cells of a table."""
    out = list(blocks)
    tables = max((b.table for b in blocks), default=0)
    run: list[int] = []

    def close() -> None:
        nonlocal tables
        texts = [blocks[i].text.strip() for i in run]
        data = sum(1 for t in texts if _DATA_LINE.match(t) or _UNIT_CELL.fullmatch(t))
        if len(run) >= _GRID_LINES and data * 4 >= len(run) and sum(1 for t in texts if _DATA_LINE.match(t)) >= 3:
            tables += 1
            for i in run:
                out[i] = _as_cell(blocks[i], tables)
        run.clear()

    for i, b in enumerate(blocks):
        if not b.text.strip():
            continue  # blank lines between cells play no part
        if _grid_cell(b) is not None:
            run.append(i)
        else:
            close()
    close()
    return out
