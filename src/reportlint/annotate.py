"""``--annotate OUT.docx``: a copy of the checked Word file with every finding as a comment,
so a reviewer can hand the draft back. The input file is read only; the copy is written
with python-docx, whose comment support (1.2) anchors each comment on its paragraph."""

from __future__ import annotations

from pathlib import Path

from .loaders.docx import iter_paragraphs
from .model import Finding
from .suppress import PLACEHOLDER_REASON


def suppression_hint(code: str) -> str:
    """The closing lines of a comment: how to turn it into a suppression (suppress.py). The
    comment itself does not start with ``reportlint:``, so it suppresses nothing until the
    reviewer edits it; a placeholder reason left in place is reported as X106."""
    return (f"如确认此处不必修改：把本批注的全部文字改成下面这一行，并把括号部分换成理由，再次检查时不再报告：\n"
            f"reportlint: ignore {code} {PLACEHOLDER_REASON}")


def annotate(source: Path, target: Path, findings: list[Finding]) -> int:
    """Write ``target``: ``source`` with one comment per finding; returns the comments added."""
    import docx
    from docx.text.paragraph import Paragraph

    if target.resolve() == source.resolve():
        raise ValueError("批注副本不能覆盖被检查的文件")
    document = docx.Document(str(source))
    paragraphs = [Paragraph(p, document._body) for p, _ in iter_paragraphs(document.element.body)]
    added = 0
    for f in findings:
        if f.block >= len(paragraphs):
            continue
        paragraph = paragraphs[f.block]
        runs = paragraph.runs or [paragraph.add_run("")]
        note = f"{f.rule}（{f.name}）：{f.message}" + (f"\n建议：{f.suggestion}" if f.suggestion else "")
        note += "\n" + suppression_hint(f.rule)
        document.add_comment(runs, text=note, author="reportlint", initials="RL")
        added += 1
    document.save(str(target))
    return added
