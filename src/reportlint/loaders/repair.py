"""Re-joining text lines that an export broke in the middle of a sentence.

Text saved from web pages and online libraries breaks lines where the source had markup
or a page boundary, not where the author ended a paragraph: a book title that was a link
lands on a line of its own (``…印发了《`` / ``title`` / ``》，…``), a page boundary leaves a
line holding only a zero-width space between the two halves of a word, a title is cut
after its last-but-one character. Such lines are joined back, so that rules read whole
sentences; everything else stays one block per physical line.

Conservative by design: a join needs positive evidence of a break (a page-boundary line
of invisible characters, a line that begins with a mark that cannot begin a line, a line
that ends with an opening mark, a lone character under an unfinished short line), and
never happens across a blank line, before an indented line, a heading or a list item, or
after a line ending a sentence. A paragraph hard-wrapped at a fixed width (a PDF copied as text: every line as long
as the others, each ending inside a sentence, one break at least inside a word) is joined too (``rewrap``, the run test
in ``wrapping``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..textutil import CLOSING_MARKS, SENTENCE_ENDS
from ..wrapping import wrapped_runs

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# marks that close something or end a clause: a line never begins with them (GB/T 15834
# §5.1.7: 句号、逗号、顿号、分号、冒号、问号、叹号、后引号、后括号、后书名号 不出现在行首)
_NO_LINE_START = "》〉」』”’）)〕】，。、；：！？,.;:!?"
# opening marks: a line never ends with them
_NO_LINE_END = "《〈「『“‘（(〔【"
_ENDS = SENTENCE_ENDS  # a last character that ends a sentence as it stands (no copy of the line)
_CLOSERS = CLOSING_MARKS
_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+[、.．]|第[一二三四五六七八九十百零〇\d]+[章节条部分编款项]"
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}(?:[.．、]|\s)|[①-⑳]|[-*+•·]\s|#|>|\||```)"
)
_CLAUSE_MARKS = frozenset("，。、；：！？,.;:!?")
_SECOND_LEVEL = re.compile(r"\s*[（(][一二三四五六七八九十]{1,3}[）)]")
_FIRST_LEVEL = re.compile(r"\s*(?:[一二三四五六七八九十百]+[、．]|第[一二三四五六七八九十百零〇\d]+(?:章|部分|编))")
_HEADING_CHARS = 50  # a heading line is short
# a title's last words: the kinds of 公文 (党政机关公文处理工作条例 art. 8) and of reports and plans, after 的 or a
# year, in simplified or traditional characters (報告, 請示, 總結: a page from Hong Kong, Macao or Taiwan, or converted)
_TITLE_END = re.compile(r"(?:的|年度?)(?:函|通知|通[报報]|[报報]告|[请請]示|批[复覆]|意[见見]|[决決]定|方案|[纪紀]要"
                        r"|[总總][结結]|[规規][划劃]|要[点點]|[办辦]法|[细細][则則]|[计計][划劃])$")
_TITLE_CHARS = 80  # a title may run long (关于印发《……》的通知)
_DATE_PIECE = 8  # the short line a date's number ends (2014, 年6, 月28): longer, a sentence ends in a figure
_DATE_REST = re.compile(r"\s*[年月日]\d{0,2}\s*$")  # the next piece of such a date: a unit and the next number
_CJK_ONE = re.compile(r"^[\u3400-\u9fff]$")
_POSTED = re.compile(r"\d-\d{1,2}\s*$")
_HAS_PUNCT = re.compile(r"[，。、；：！？,.;:!?（）()《》“”]")

Joins = tuple[tuple[int, int, int], ...]


_SEPARATOR_CHARS = _INVISIBLE + " "


def _separator(line: str) -> bool:
    """A line of nothing but zero-width characters: a page boundary in an online-library export."""
    return bool(line) and not line.strip(_SEPARATOR_CHARS) and any(c in _INVISIBLE for c in line)


def _ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip(_CLOSERS)
    return bool(t) and t[-1] in _ENDS


def _joinable(prev: str, nxt: str, across_break: bool, markdown: bool) -> bool:
    """Whether physical line ``nxt`` continues the sentence that ``prev`` (the text so far) broke off."""
    if not prev.strip() or not nxt.strip() or _ends_sentence(prev):  # the cheap tests first: most lines end here
        return False
    if nxt[:1] in (" ", "\t", "\u3000") or _MARKER.match(nxt) or (markdown and _MARKER.match(prev)):
        return False
    if nxt.startswith("??"):
        return False  # a paragraph's indent of two full-width spaces an encoding turned into ?? (??为深入贯彻……)
    tail, head = prev.rstrip()[-1], nxt.lstrip()[0]
    if nxt.lstrip().startswith("!["):  # a Markdown image, not a sentence's end mark: its own line
        return False
    if across_break:
        return True
    if tail in _NO_LINE_END:
        return True
    if tail.isdigit() and _DATE_REST.match(nxt) and len(prev.rsplit("\n", 1)[-1].strip()) <= _DATE_PIECE:
        return True  # a date a page's layout broke between its number and its unit (2014 / 年6 / 月28 / 日)
    if head in _NO_LINE_START:
        # under a heading of the first level (一、…, 第二章…) or a title ending in its kind of document (……的函,
        # ……的通知) a line that opens with a comma or a full stop has lost its first words (a year or a name a site
        # deleted, a reposting site's lead-in): which line is damaged is unknown, so neither is joined
        # … nor under one of the second level (（二）考勤、请假) a line that opens with 、, whose number was lost
        # (1、学员要…… copied as 、学员要……): the items of a list under their heading
        heading = len(prev) <= _HEADING_CHARS and (
            _FIRST_LEVEL.match(prev) is not None or (head == "、" and _SECOND_LEVEL.match(prev) is not None))
        titled = len(prev) <= _TITLE_CHARS and _TITLE_END.search(prev.rstrip()) is not None
        return not (head in _CLAUSE_MARKS and (heading or titled))
    # a title cut before its last character: an unfinished short line without punctuation
    # and a line of one ideograph under it (not the text's last line: ``_group``, a text cut short there)
    last_line = prev.rsplit("\n", 1)[-1]
    # (a line ending in a month and day, a link's posting date (……自查报告06-11), is whole)
    return bool(_CJK_ONE.match(nxt.strip()) and len(last_line.strip()) <= 20 and not _HAS_PUNCT.search(last_line)
                and not _MARKER.match(last_line) and not _POSTED.search(last_line))


def rejoin(lines: list[str], markdown: bool = False) -> list[tuple[int, str, Joins]]:
    """Group physical lines into blocks: (0-based first line, text, joins), where joins
    lists, for each further line in the block, (offset in text, 1-based line, 0-based column).
    A line that is empty or ends with a mark that ends a sentence ends its block (``_group``
    stops there before it reads on, and a separator is neither), so the lines are grouped one
    stretch between two such lines at a time, and a stretch of one line is its own block: most
    lines of a report end a sentence. In Markdown the code fences carry a state over the whole text."""
    if markdown:
        return _group(lines, 0, len(lines), markdown)
    out: list[tuple[int, str, Joins]] = []
    start = 0
    last = _last_filled(lines)
    for end in [k + 1 for k, line in enumerate(lines) if not line or line[-1] in _ENDS]:
        if end - start == 1:
            out.append((start, lines[start], ()))
        else:
            out += _group(lines, start, end, markdown, last)
        start = end
    if start < len(lines):
        out += _group(lines, start, len(lines), markdown, last)
    return out


def _last_filled(lines: list[str]) -> int:
    """The index of the text's last line that is not blank (-1: none)."""
    return next((k for k in range(len(lines) - 1, -1, -1) if lines[k].strip()), -1)


def _group(lines: list[str], first: int, n: int, markdown: bool, last: int = -1) -> list[tuple[int, str, Joins]]:
    """``rejoin`` of ``lines[first:n]``, line numbers those of the whole text; ``last``: the text's last line that is
    not blank (one ideograph there is where the text was cut, no title's end)."""
    out: list[tuple[int, str, Joins]] = []
    i = first
    in_code = False
    while i < n:
        start, text, joins = i, lines[i], []
        if markdown and lines[i].lstrip().startswith("```"):
            in_code = not in_code
        i += 1
        while i < n and not in_code:
            j = i
            while j < n and not lines[j].strip(_SEPARATOR_CHARS) and _separator(lines[j]):  # the cheap test first
                j += 1
            if j >= n:
                break
            nxt = lines[j]
            # _joinable's first tests, here: most lines end a sentence or stand before a blank line
            if (not nxt or nxt.isspace() or text[-1:] in _ENDS or _ends_sentence(text)
                    or not _joinable(text, nxt, j > i, markdown)
                    or (j == last and j == i and _CJK_ONE.match(nxt.strip()) is not None)):
                break
            joins.append((len(text), j + 1, 0))
            text += lines[j]
            i = j + 1
        out.append((start, text, tuple(joins)))
    return out


def rewrap(passages: list[tuple[int, str, Joins]], word: Callable[[], Callable[[str], bool]]
           ) -> tuple[list[tuple[int, str, Joins]], list[tuple[int, int]]]:
    """``rejoin``'s passages with each paragraph that a hard wrap at a fixed width broke (``wrapped_runs``) made one
    again, its joins recorded; and the first and last line (1-based) of each paragraph so joined."""
    texts = [text for _, text, _ in passages]
    # one physical line each: a passage ``rejoin`` made of several is no line of a page's width
    runs = wrapped_runs(texts, [not joins for _, _, joins in passages], word, numbered_first=True)
    if not runs:
        return passages, []
    out: list[tuple[int, str, Joins]] = []
    spans: list[tuple[int, int]] = []
    k = 0
    for run in runs:
        out += passages[k:run[0]]
        start, text, _ = passages[run[0]]
        joins: list[tuple[int, int, int]] = []
        for i in [*run[1:], run[-1] + 1]:
            line, more, inner = passages[i]
            joins.append((len(text), line + 1, 0))
            joins += [(len(text) + offset, n, col) for offset, n, col in inner]
            text += more
        out.append((start, text, tuple(joins)))
        spans.append((start + 1, joins[-1][1]))
        k = run[-1] + 2
    out += passages[k:]
    return out, spans
