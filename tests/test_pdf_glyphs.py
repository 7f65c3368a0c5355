"""The PDF loader's own text lines (``_collector`` + ``_text_lines``) are pdfminer's: same
glyph boxes to the last bit, same lines, same inserted spaces, as pdfminer's ``LTChar``
objects and its layout analysis with the loader's ``LAYOUT`` give, on pages that exercise
each path: plain and rotated text, character and word spacing, a half-width Latin font,
text inside a form XObject, vertical writing, several sizes on one line; and, in a PDF
written by hand, TJ arrays with kerning and wide gaps, horizontal scaling, text rise, a
mirrored matrix, a Type3 font (one glyph without a Unicode name) and a CID font written
both ways."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from reportlint.loaders.pdf import LAYOUT, _collector, _lines_of_page, _text_lines

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


def _glyphs(box: Any) -> list[tuple[Any, ...]]:
    """Every glyph the collector kept, page and forms, as (box, size, font, text)."""
    out = [((r.x0s[k], r.y0, r.x1s[k], r.y1), r.size, r.fontname, r.texts[k])
           for r in box.runs for k in range(len(r.texts))]
    for fig in box.figures:
        out += _glyphs(fig)
    return out


def _line_of(pieces: list[Any]) -> tuple[str, tuple[float, float, float, float]]:
    text = "".join(p if p == " " else "".join(p[0].texts[p[1]:p[2]]) for p in pieces)
    ranges = [p for p in pieces if p != " "]
    return text, (min(min(r.x0s[i:j]) for r, i, j in ranges), min(r.y0 for r, _, _ in ranges),
                  max(max(r.x1s[i:j]) for r, i, j in ranges), max(r.y1 for r, _, _ in ranges))


def _same_as_pdfminer(data: bytes) -> list[Any]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTChar, LTTextLine
    from pdfminer.pdfinterp import PDFResourceManager

    raw = _pages(data, PDFPageAggregator(PDFResourceManager(), laparams=None))
    analysed = _pages(data, PDFPageAggregator(PDFResourceManager(), laparams=LAParams(**LAYOUT)))
    ours = _pages(data, _collector(PDFResourceManager()))
    for theirs, laid_out, mine in zip(raw, analysed, ours, strict=True):
        chars = [(c.bbox, c.size, c.fontname, c.get_text()) for c in _walk(theirs, LTChar)]
        assert sorted(_glyphs(mine)) == sorted(chars)
        expected = sorted((line.get_text().rstrip("\n"), line.bbox) for line in _walk(laid_out, LTTextLine))
        assert sorted(_line_of(line) for line in _text_lines(mine)) == expected
        assert (mine.width, mine.height) == (theirs.width, theirs.height)
    return ours


def test_glyph_boxes_and_lines_are_pdfminers(tmp_path: Path) -> None:
    [page] = _same_as_pdfminer(_pdf(tmp_path / "mixed.pdf"))
    texts = [_line_of(line)[0] for line in _text_lines(page)]
    assert len(_glyphs(page)) > 60
    assert "表单里的文字" in texts and any(" " in t for t in texts)


def _raw_pdf(content: bytes, form: bytes) -> bytes:
    """A one-page PDF written object by object: fonts F1 Helvetica, F2 a Type3 font (codes
    65-67 named x, y and a name with no Unicode value), F3 and F4 STSong-Light through the predefined
    UniGB-UCS2-H and -V CMaps; a form XObject Fm1."""
    type3 = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 -200 1000 800] /FontMatrix [0.001 0 0 0.001 0 0]"
             b" /CharProcs << /x 9 0 R /y 9 0 R /qq 9 0 R >> /Encoding << /Type /Encoding"
             b" /Differences [65 /x /y /qq] >> /FirstChar 65 /LastChar 67 /Widths [800 500 650] /Resources << >> >>")
    cid = (b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-%s"
           b" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
           b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000"
           b" /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /Ascent 880"
           b" /Descent -120 /CapHeight 880 /ItalicAngle 0 /StemV 93 /FontBBox [-25 -254 1000 880] >> >>] >>")

    def stream(body: bytes, extra: bytes = b"") -> bytes:
        return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(body), extra, body)

    fonts = b"/Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R /F4 8 0 R >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << " + fonts + b" /XObject << /Fm1 10 0 R >> >> >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        type3,
        cid % b"H",
        cid % b"V",
        stream(b"800 0 0 0 800 800 d1 0 0 800 800 re f"),
        stream(form, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << " + fonts + b" >>"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _ucs2(text: str) -> bytes:
    return b"<" + text.encode("utf-16-be").hex().encode() + b">"


CONTENT = b"\n".join([
    b"BT /F1 12 Tf 72 780 Td [(Hel) -20 (lo,) 300 (over) -400 (space) -3000 (far away)] TJ ET",
    b"BT /F1 11 Tf 3 Tc 6 Tw 72 760 Td (char and word spacing) Tj ET",
    b"BT /F1 12 Tf 70 Tz 72 740 Td (squeezed text) Tj 100 Tz 4 Ts (raised) Tj 0 Ts ( back) Tj ET",
    b"BT /F1 12 Tf -1 0 0 1 300 720 Tm (mirrored) Tj ET",
    b"BT /F1 12 Tf 0.866 0.5 -0.5 0.866 300 500 Tm (rotated) Tj ET",
    b"BT /F2 14 Tf 72 700 Td (ABCAB) Tj [(A) -1500 (B)] TJ ET",
    b"BT /F3 14 Tf 72 660 Td [" + _ucs2("一、总体") + b" -800 " + _ucs2("情况") + b" 120 "
    + _ucs2("紧排") + b"] TJ ET",
    b"BT /F3 9 Tf 200 660 Td " + _ucs2("小字") + b" Tj /F3 14 Tf " + _ucs2("大字") + b" Tj ET",
    b"BT /F4 12 Tf 500 700 Td [" + _ucs2("竖排") + b" -500 " + _ucs2("文字") + b"] TJ ET",
    b"0 0 1 rg 72 600 200 1 re f",
    b"q 1 0 0 1 0 -100 cm /Fm1 Do Q",
    b"BT /F1 12 Tf 72 400 Td (after the form) Tj ET",
])


def test_runs_of_hand_written_text_operators_are_pdfminers() -> None:
    form = b"BT /F3 12 Tf 72 550 Td " + _ucs2("表单里") + b" Tj /F1 12 Tf ( form) Tj ET 72 530 m 300 530 l S"
    [page] = _same_as_pdfminer(_raw_pdf(CONTENT, form))
    texts = {_line_of(line)[0] for line in _text_lines(page)}
    assert "Hello,over space" in texts and "far away" in texts  # kerned TJ: a space from a gap, a split
    assert "xyCxyx y" in texts  # Type3 glyph names; an unknown name falls back on the code's letter
    assert "mirrored" in texts and "一、总体 情况紧排小 字大字" in texts
    # one TJ of an upright CID string with a gap, and one with a size change, are runs with
    # their own sizes; vertical glyphs are runs of one
    sizes = {r.size for r in page.runs if r.fontname == "STSong-Light"}
    assert len(sizes) >= 3
    assert any(len(r.texts) > 1 for r in page.runs) and page.figures


def test_page_lines_keep_text_box_size_and_font() -> None:
    """``_lines_of_page`` over runs: a line's median glyph size and the font of most of its
    glyphs (counted by glyph, not by run), its box; the stroke in the form makes no table."""
    from pdfminer.pdfinterp import PDFResourceManager

    form = b"BT /F3 12 Tf 72 550 Td " + _ucs2("表单里") + b" Tj /F1 12 Tf ( form) Tj ET 72 530 m 300 530 l S"
    [page] = _pages(_raw_pdf(CONTENT, form), _collector(PDFResourceManager()))
    lines = {ln.text: ln for ln in _lines_of_page(page, 1)}
    mixed = lines["一、总体 情况紧排小 字大字"]  # eight glyphs at 14, two at 9, two at 14
    assert (mixed.size, mixed.font, mixed.x0) == (14.0, "STSong-Light", 72.0)
    assert mixed.top == max(r.y1 for r in page.runs if r.texts[0] in "一小大")
    assert lines["表单里 form"].font == "Helvetica"  # three CJK glyphs, five Latin ones (space included)
    assert not any(ln.cells for ln in lines.values())
