"""B107: Markdown's marks left in a document that is no Markdown file (# 一、工作目标, **加强领导**, | 序号 | 任务 |).

A 公文 sets its headings, emphasis and tables by layout and fonts (GB/T 9704-2012); Markdown writes them with
marks (CommonMark: ATX headings ``#``, strong emphasis ``**``; GitHub Flavored Markdown: tables of ``|`` cells). Text
copied out of a web editor, a notes app or an AI chat window keeps the marks, and pasted into Word or a text file
they stay marks, printed as they are. In a .md file they are the file's own markup (the loader reads the text under
them), so a .md file is not checked. Stars that mask a name (***县, 推进**镇) are B103's placeholders: only stars
that pair up as Markdown bold, every run in the line (``markdown_bold``), count here, so the two rules never speak of
the same stars.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context
from ..hookspecs import hookimpl
from ..model import Edit, Finding, Rule
from ..scan import pattern_set

_STAR_RUN = re.compile(r"\*+")
_STRONG = re.compile(r"\*\*(?=\S)(?:[^*\n]|\*(?!\*))+?(?<=\S)\*\*|\*{4}")  # one bold run, or two run together
_MARKDOWN_FILES = (".md", ".markdown")
_OPENING, _CLOSING = frozenset("“‘（(《【〔「『〈"), frozenset("”’）)》】〕」』〉")
_PAUSES = frozenset("，,、；;")  # marks inside a sentence, after which no bold run ends while the sentence goes on
_FIGURE_SIGNS = frozenset("%％‰")  # the signs after a figure
# the units a masked place's or body's name ends in (**镇, **县, **局): a pair of stars each before one of these masks
# two names (**镇位于……。**镇党委……), as no bold run opens and is followed by such a unit both
_UNITS = frozenset("省市县区镇乡村局厂校院所")
_SAMPLE_CHARS = 16


def markdown_bold(text: str) -> bool:
    """Whether every run of stars in ``text`` marks bold text as Markdown writes it (CommonMark's ``**strong**``):
    pairs of ``**``, each opening before a character that is no space and closing after one, a ``****`` closing one
    pair and opening the next (**2030年****）**, as a converter writes two bold runs side by side). A masked name
    (***县, **风廉政建设 with no closing pair, 推进**镇 between two characters) is a run of another length, a pair
    left open or stars inside a word; so is a pair whose halves both stand before a unit (**镇位于……。**镇党委), a
    pair whose second half follows an opening mark (**县……开通“**平台”: a masked county's name and a masked
    platform's, CommonMark's right-flanking rule), or after a comma in a sentence
    going on (……以来,**人民), or stars before a percent sign (的**%: a masked figure)."""
    inside = False
    runs = 0
    unit_opens = False  # the open pair's stars stand before a unit (**镇)
    for m in _STAR_RUN.finditer(text):
        size, start, end = len(m.group()), m.start(), m.end()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if inside and unit_opens and after in _UNITS:
            return False  # **镇……**镇: two masked names
        unit_opens = not inside and after in _UNITS
        if size == 4 and inside and not before.isspace() and not after.isspace():
            runs += 1
            continue  # closes a bold run and opens the next
        if size != 2 or ("\u4e00" <= before <= "\u9fff" and "\u4e00" <= after <= "\u9fff") or after in _FIGURE_SIGNS:
            return False  # stars between two characters of a word (加强**风廉政, 推进**镇) mask what stood there, and
            # stars before a percent sign a figure (完成主体工程的**%): no bold text begins with one
        # CommonMark's flanking: no pair closes after a space or an opening mark (“**平台”), nor opens before a space
        # or a closing mark; nor, as CommonMark has it for any mark, after a comma or a pause with the sentence going
        # straight on (……以来,**人民艰苦奋斗: a masked name). Not after a colon or a full stop, the end of a bold
        # lead-in that converters write before its text (**总体目标：**到2025年……)
        closing, opening = inside and (before.isspace() or before in _OPENING or (
            before in _PAUSES and not (after.isspace() or after in _CLOSING or after in _PAUSES))), not inside and (
            after.isspace() or after in _CLOSING)
        if closing or opening:
            return False
        inside = not inside
        runs += 1
    return runs > 0 and not inside


def _places(ctx: Context, rule: Rule) -> list[tuple[int, int, int, list[Edit] | None]]:
    """(block, start, end, the edits that drop the marks or None) of each mark, in document order."""
    found: list[tuple[int, int, int, list[Edit] | None]] = []
    lines = pattern_set(tuple(rule.params.get("patterns", ())))
    if lines is not None:
        for b, offset, m in ctx.body.finditer(lines):
            if b.index in ctx.residue or b.kind == "cell":
                continue
            start, end = m.start() - offset, m.end() - offset
            # a heading's marks go with the spaces after them (# 一、…); other lines' marks stay for the writer to redo
            fix = [(b.index, start, end, "")] if m.group().lstrip().startswith("#") else None
            found.append((b.index, start, end, fix))
    for b in ctx.doc.blocks if "**" in ctx.body.text else ():
        if "**" not in b.text or b.index in ctx.residue or b.kind == "cell" or not markdown_bold(b.text):
            continue
        for m in _STRONG.finditer(b.text):
            s, e = m.span()
            fix = [(b.index, s, e, "")] if m.group() == "****" else [(b.index, s, s + 2, ""), (b.index, e - 2, e, "")]
            found.append((b.index, s, e, fix))
    found.sort(key=lambda p: (p[0], p[1]))
    return found


def check_markdown(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports Markdown's marks left in a document that is no Markdown file: a heading's ``#`` at the start of a line
    (``patterns``), bold text between ``**`` (every run of stars in the line pairing up as bold: stars that mask a
    name are B103's), and the rows of a Markdown table (``| 序号 | 任务 |``). One finding for the document at the
    first mark, with the count: the marks come from one paste and go in one pass. The fix deletes the heading and
    bold marks (a table is redone by hand, so a document with table rows gets no fix). Web residue (B101) and table
    cells are left out; a .md file is not checked.
    ## Parameters
    ``patterns``: the line-level marks (the heading's ``#`` with the spaces after it, a table row, a blockquote's
    ``>``).
    ## Example
    ## 一、工作目标 / **加强组织领导**。 → B107, 2 marks."""
    if ctx.doc.path.lower().endswith(_MARKDOWN_FILES):
        return
    places = _places(ctx, rule)
    if not places:
        return
    block, start, end, _ = places[0]
    line = ctx.doc.blocks[block].text
    text = line[start:max(end, start + _SAMPLE_CHARS)].strip()  # the mark with the words it marks
    sample = text if len(text) <= _SAMPLE_CHARS else text[:_SAMPLE_CHARS] + "…"
    edits = [e for *_, fix in places for e in (fix or ())] if all(fix for *_, fix in places) else None
    yield rule.finding(ctx.doc, block, start, end, count=len(places), sample=sample, autofix=edits)


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("markup.markdown", check_markdown)
