"""Forms flattened into lines: an attached form (登记表, 申报单, 回执) pasted as text, one cell per line.

A notice often closes with its forms (附件1：……登记表). Copied out of Word or a web page as plain text, a form's
table keeps no rows or columns: each cell lands on a line of its own (姓  名 / 职  务 / 办公电话 / 单 / 位 / 意 / 见).
Those lines are a table's cells, not a title broken into pieces (X104) nor a page header repeated (B102), though
a form labels its cells alike (办公电话 in two forms). A flattened form is told by its title: a short line naming a
form (……表, ……单, 回执) under an attachment's label (附件1：), or one that is the label itself (附件2 回执); its cells
are the short lines after the title, up to the first line that reads as a sentence (备注：各单位请于……前报送。) or
the next attachment.
"""

from __future__ import annotations

import re

from .context import Context

# a form's title: a short line that ends with the name of a kind of form (GB/T 9704-2012 7.4.1 puts the attachment's
# title under its label), a bracketed note after it allowed (（样表）, （2024年度）)
_FORM_TITLE = re.compile(r"[^。；;，,]{0,40}?(?:表|单|回执|名册|清单)(?:[（(][^）)]{0,12}[）)])?")
_ATTACHMENT_LABEL = re.compile(r"附件\s*[\d一二三四五六七八九十]*\s*[：:]?")
_CELL_CHARS = 20  # a cell's text is this long at most
_SENTENCE = re.compile(r"[。！？]")


def flattened_form_cells(ctx: Context) -> frozenset[int]:
    """The blocks that are the cells of an attached form flattened into lines (see the module's text)."""
    return ctx.memo("forms.cells", lambda: _cells(ctx))  # type: ignore[no-any-return]


def _cells(ctx: Context) -> frozenset[int]:
    blocks = ctx.doc.blocks
    if "附件" not in ctx.body.text:
        return frozenset()
    cells: set[int] = set()
    label_seen = False  # the last non-empty line was an attachment's label
    k = 0
    while k < len(blocks):
        text = blocks[k].text.strip()
        k += 1
        if not text:
            continue
        titled = _FORM_TITLE.fullmatch(text)
        if (label_seen and titled is not None) or _is_labelled_title(text):
            while k < len(blocks):
                cell = blocks[k].text.strip()
                if cell and (len(cell) > _CELL_CHARS or _SENTENCE.search(cell) or cell.startswith("附件")):
                    break
                if cell:
                    cells.add(k)
                k += 1
            label_seen = False
            continue
        label_seen = _ATTACHMENT_LABEL.fullmatch(text) is not None
    return frozenset(cells)


def _is_labelled_title(text: str) -> bool:
    """附件2 回执, 附件1：报名表: an attachment's label and a form's title on one line; not the list of a notice's
    attachments (附件：1.报名表), whose lines go on with the others' names and then the signature."""
    label = _ATTACHMENT_LABEL.match(text)
    if label is None or label.end() <= 2:
        return False
    rest = text[label.end():].strip()
    return not rest[:1].isdigit() and _FORM_TITLE.fullmatch(rest) is not None
