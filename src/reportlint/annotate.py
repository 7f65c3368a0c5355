"""``--annotate OUT.docx``: a copy of the checked Word file with every finding as a comment,
so a reviewer can hand the draft back. The input file is read only; the copy is written
with python-docx (comments since 1.2), each comment on exactly the characters of the finding."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .loaders.docx import iter_paragraphs, load_docx, paragraph_text
from .model import Block, Finding
from .reporters.escape import shown_suggestion
from .suppress import PLACEHOLDER_REASON


def suppression_hint(code: str) -> str:
    """The closing lines of a comment: how to turn it into a suppression (suppress.py). The
    comment itself does not start with ``reportlint:``, so it suppresses nothing until the
    reviewer edits it; a placeholder reason left in place is reported as X106."""
    return (f"如确认此处不必修改：把本批注的全部文字改成下面这一行，并把括号部分换成理由，再次检查时不再报告：\n"
            f"reportlint: ignore {code} {PLACEHOLDER_REASON}")


def annotate(source: Path, target: Path, findings: list[Finding]) -> int:
    """Write ``target``: ``source`` with one comment per finding; returns the comments added.
    Each comment covers exactly the finding's characters (runs are split there); a finding on
    a Word list label, which is not text, is a point comment at the paragraph's start; one
    whose characters cannot be placed (text the reader rewrites) covers its paragraph."""
    import docx
    from docx.text.paragraph import Paragraph

    if target.resolve() == source.resolve():
        raise ValueError("批注副本不能覆盖被检查的文件")
    blocks = load_docx(source, source.read_bytes()).blocks
    document = docx.Document(str(source))
    elements = [p for p, _ in iter_paragraphs(document.element.body)]
    added = 0
    for f in findings:
        if f.block >= len(elements) or f.block >= len(blocks):
            continue
        note = f"{f.rule}（{f.name}）：{f.message}"
        if f.suggestion:
            note += f"\n建议：{shown_suggestion(f.suggestion)}"
        note += "\n" + suppression_hint(f.rule)
        runs = _anchor(elements, blocks, f)
        if runs is None:  # on the label: a point at the paragraph's start, read back as the paragraph
            comment = document.comments.add_comment(text=note, author="reportlint", initials="RL")
            _point(elements[f.block], comment.comment_id)
        else:
            if not runs:
                paragraph = Paragraph(elements[f.block], document._body)
                runs = paragraph.runs or [paragraph.add_run("")]
            document.add_comment(runs, text=note, author="reportlint", initials="RL")
        added += 1
    document.save(str(target))
    return added


def _anchor(elements: list[Any], blocks: Sequence[Block], f: Finding) -> list[Any] | None:
    """The runs (python-docx) that hold exactly the finding's characters, split out of their
    runs; [] when they cannot be placed (the caller takes the paragraph); None when the finding
    lies in the Word list label alone."""
    from docx.text.run import Run

    from .docxruns import isolate

    spans = []
    last = min(f.end_block, len(elements) - 1, len(blocks) - 1)
    for index in (f.block, last) if last != f.block else (f.block,):
        p = elements[index]
        text = paragraph_text(p)[0]
        shift = len(blocks[index].text) - len(text)
        if shift < 0 or blocks[index].text[shift:] != text:
            return []
        start = f.start if index == f.block else 0
        end = f.end if index == last else len(blocks[index].text)
        end = max(end, start + 1)  # a finding at a point takes the character there
        if index == f.block and last == f.block and end <= shift:
            return None
        start, end = max(start, shift) - shift, min(end, len(blocks[index].text)) - shift
        if not 0 <= start < end <= len(text):
            return []
        spans.append((p, start, end))
    runs: list[Any] = []
    for p, start, end in spans:
        found = isolate(p, start, end)
        if found is None or any(r.getparent() is not p for r in found):
            return []
        runs.append(found[0] if not runs else found[-1])
        if len(spans) == 1:
            runs.append(found[-1])
    return [Run(r, None) for r in runs]  # type: ignore[arg-type]


def _point(p: Any, comment_id: int) -> None:
    """A collapsed comment range at the start of paragraph ``p``, with its reference mark."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = p.find(qn("w:pPr"))
    at = 0 if ppr is None else list(p).index(ppr) + 1
    ref = OxmlElement("w:r")
    ref.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(comment_id)}))
    for offset, el in enumerate((OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(comment_id)}),
                                 OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(comment_id)}), ref)):
        p.insert(at + offset, el)
