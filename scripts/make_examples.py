"""Render two of the team-written example reports as .docx (with real Word numbering) and .pdf.

    python scripts/make_examples.py        # writes examples/*.docx and examples/*.pdf
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "examples"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")


def _numbering_xml() -> str:
    def lvl(i: int, fmt: str, text: str) -> str:
        return (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>')

    levels = lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）") + lvl(2, "decimal", "%3.")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
            f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def make_docx(src: Path, dest: Path) -> None:
    """Numbered lines become Word list paragraphs; the （一） list deliberately fails to
    restart under the second 一、-level item, as happens when a list is copied."""
    import io
    import zipfile

    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    lines = src.read_text(encoding="utf-8").splitlines()
    # the example has no title on purpose (S105 says so in the .txt): its first line is body text, not Word's Title
    for line in lines:
        m = MARKER.match(line)
        if not m:
            d.add_paragraph(line)
            continue
        label = m.group()
        ilvl = 0 if label.endswith("、") else 1 if label.startswith("（") else 2
        p = d.add_paragraph(line[len(label):])
        numpr = OxmlElement("w:numPr")
        for tag, val in (("w:ilvl", ilvl), ("w:numId", 1)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), str(val))
            numpr.append(el)
        p._p.get_or_add_pPr().append(numpr)
    buf = io.BytesIO()
    d.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            if item.filename != "word/numbering.xml":
                z.writestr(item, zin.read(item.filename))
        z.writestr("word/numbering.xml", _numbering_xml())
    dest.write_bytes(out.getvalue())


def make_pdf(src: Path, dest: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(dest), pagesize=A4)
    width, height = A4
    size, left, per_line, page = 14, 72, 28, 1
    y = height - 90

    def footer() -> None:
        c.drawCentredString(width / 2, 40, f"— {page} —")

    c.setFont("STSong-Light", size)
    for para in src.read_text(encoding="utf-8").splitlines():
        first, text = True, para
        while text:
            room = per_line - (2 if first else 0)
            line, text = text[:room], text[room:]
            if y < 90:
                footer()
                c.showPage()
                c.setFont("STSong-Light", size)
                page += 1
                y = height - 90
            c.drawString(left + (2 * size if first else 0), y, line)
            y -= size * 1.6
            first = False
        y -= size * 0.2
    footer()
    c.save()


if __name__ == "__main__":
    make_docx(HERE / "对照检查材料-示例.txt", HERE / "对照检查材料-示例.docx")
    make_pdf(HERE / "调研报告-示例.txt", HERE / "调研报告-示例.pdf")
    sys.exit(0)
