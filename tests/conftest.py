"""Shared fixtures: .docx builders with real Word numbering, a PDF builder."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _replace_part(path: Path, name: str, xml: str) -> None:
    data = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != name:
                zout.writestr(item, zin.read(item.filename))
        zout.writestr(name, xml)
    path.write_bytes(out.getvalue())


def make_docx(path: Path, paragraphs: list[tuple[str, dict]], numbering_xml: str | None = None,
              heading_styles: bool = True) -> Path:
    """Build a .docx with python-docx. Each paragraph is (text, opts); opts may hold
    ``style`` (a style name), ``num`` (numId), ``ilvl``, ``section_break`` (True) and
    ``table`` (a list of rows of cell texts, written after the paragraph)."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    for text, opts in paragraphs:
        p = d.add_paragraph(text, style=opts.get("style"))
        if "num" in opts:
            ppr = p._p.get_or_add_pPr()
            numpr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), str(opts.get("ilvl", 0)))
            num = OxmlElement("w:numId")
            num.set(qn("w:val"), str(opts["num"]))
            numpr.append(ilvl)
            numpr.append(num)
            ppr.append(numpr)
        if opts.get("section_break"):
            d.add_section(WD_SECTION.NEW_PAGE)
        if "table" in opts:
            rows = opts["table"]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    t.cell(r, c).text = cell
    d.save(path)
    if numbering_xml is not None:
        _replace_part(path, "word/numbering.xml", numbering_xml)
    return path


def numbering(abstracts: str, nums: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W_NS}">{abstracts}{nums}</w:numbering>'


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/>{extra}</w:lvl>')


def make_pdf(path: Path, pages: list[list[str]], header: str | None = None, page_numbers: bool = True) -> Path:
    """A multi-page PDF in STSong-Light: each page a list of paragraphs (wrapped, first line
    indented two characters; a paragraph starting with ">" continues the previous page's
    paragraph and is not indented), with an optional running header and — N — page numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    size, left, per_line = 14, 72, 28
    for n, paras in enumerate(pages, start=1):
        c.setFont("STSong-Light", size)
        if header:
            c.drawString(left, height - 40, header)
        y = height - 90
        for para in paras:
            first = not para.startswith(">")
            text = para.removeprefix(">")
            while text:
                room = per_line - (2 if first else 0)
                line, text = text[:room], text[room:]
                x = left + (2 * size if first else 0)
                c.drawString(x, y, line)
                y -= size * 1.6
                first = False
            y -= size * 0.2
        if page_numbers:
            c.drawCentredString(width / 2, 40, f"— {n} —")
        c.showPage()
    c.save()
    return path


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own result cache, never the user's."""
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def txt_to_docx(src: Path, dest: Path) -> Path:
    """A Word rendition of a team-written .txt fixture: the first line in the Title style,
    一、 headings in Heading 1 and （一） headings in Heading 2, both numbered by Word lists
    (chineseCounting), the rest as body paragraphs."""
    import re

    lines = src.read_text(encoding="utf-8").splitlines()
    paragraphs: list[tuple[str, dict]] = [(lines[0], {"style": "Title"})]
    for line in lines[1:]:
        m1 = re.match(r"^[一二三四五六七八九十]+、", line)
        m2 = re.match(r"^（[一二三四五六七八九十]+）", line)
        if m1 and len(line) <= 30:
            paragraphs.append((line[m1.end():], {"style": "Heading 1", "num": 1, "ilvl": 0}))
        elif m2 and len(line) <= 30:
            paragraphs.append((line[m2.end():], {"style": "Heading 2", "num": 1, "ilvl": 1}))
        else:
            paragraphs.append((line, {}))
    lvls = level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）")
    xml = numbering(f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    return make_docx(dest, paragraphs, numbering_xml=xml)
