"""The PDF loader's own text lines (``_collector`` + ``_text_lines``) are pdfminer's: same
glyph boxes to the last bit, same lines, same inserted spaces, as pdfminer's ``LTChar``
objects and its layout analysis with the loader's ``LAYOUT`` give, on pages that exercise
each path: plain and rotated text, character and word spacing, a half-width Latin font,
text inside a form XObject, vertical writing, several sizes on one line."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from reportlint.loaders.pdf import LAYOUT, Glyph, _collector, _text_lines

pytest.importorskip("reportlab")


def _pdf(path: Path) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    vertical = UnicodeCIDFont("STSong-Light", isVertical=True)
    vertical.name = vertical.fontName = "STSong-Light-V"
    pdfmetrics.registerFont(vertical)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 14)
    c.drawString(72, 760, "一、总体情况（2025年）")
    c.drawString(100, 730, "全年完成投资3.2亿元，同比增长12%。")
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "Report  on  the  work, page 3 of 5")
    t = c.beginText(72, 670)
    t.setFont("STSong-Light", 12)
    t.setCharSpace(3)
    t.setWordSpace(6)
    t.textLine("字距加宽的一行 word spacing")
    c.drawText(t)
    c.setFont("STSong-Light", 18)
    c.drawString(72, 640, "大字")
    c.setFont("STSong-Light", 9)
    c.drawString(110, 640, "小字说明")
    c.saveState()
    c.translate(300, 400)
    c.rotate(30)
    c.setFont("STSong-Light", 12)
    c.drawString(0, 0, "旋转的文字")
    c.restoreState()
    c.beginForm("box")
    c.setFont("STSong-Light", 12)
    c.drawString(72, 300, "表单里的文字")
    c.endForm()
    c.doForm("box")
    c.setFont("STSong-Light-V", 12)
    c.drawString(500, 600, "竖排文字")
    c.showPage()
    c.save()
    return path.read_bytes()


def _pages(data: bytes, device: Any) -> list[Any]:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    interp = PDFPageInterpreter(device.rsrcmgr, device)
    out = []
    for page in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data)))):
        interp.process_page(page)
        out.append(device.get_result())
    return out


def _walk(objs: Any, kind: type) -> list[Any]:
    out: list[Any] = []
    for o in objs:
        if isinstance(o, kind):
            out.append(o)
        elif hasattr(o, "__iter__"):
            out += _walk(o, kind)
    return out


def test_glyph_boxes_and_lines_are_pdfminers(tmp_path: Path) -> None:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTChar, LTTextLine
    from pdfminer.pdfinterp import PDFResourceManager

    data = _pdf(tmp_path / "mixed.pdf")
    raw = _pages(data, PDFPageAggregator(PDFResourceManager(), laparams=None))
    analysed = _pages(data, PDFPageAggregator(PDFResourceManager(), laparams=LAParams(**LAYOUT)))
    ours = _pages(data, _collector(PDFResourceManager()))
    for theirs, laid_out, mine in zip(raw, analysed, ours, strict=True):
        chars = [(c.bbox, c.size, c.fontname, c.get_text()) for c in _walk(theirs, LTChar)]
        glyphs = [((g.x0, g.y0, g.x1, g.y1), g.size, g.fontname, g.text) for g in _walk(mine, Glyph)]
        assert glyphs == chars
        assert len(chars) > 60
        expected = sorted(
            (line.get_text().rstrip("\n"), line.bbox) for line in _walk(laid_out, LTTextLine)
        )
        got = sorted(
            ("".join(g if isinstance(g, str) else g.text for g in line),
             (min(g.x0 for g in line if not isinstance(g, str)), min(g.y0 for g in line if not isinstance(g, str)),
              max(g.x1 for g in line if not isinstance(g, str)), max(g.y1 for g in line if not isinstance(g, str))))
            for line in _text_lines(mine)
        )
        assert got == expected
        texts = [t for t, _ in got]
        assert "表单里的文字" in texts and any(" " in t for t in texts)
