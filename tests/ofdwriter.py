"""A small OFD (GB/T 33190-2016) writer for tests: lays out paragraphs of text on A4 pages the
way a document converted from Word looks (first-line indent of two characters, wrapped lines,
one TextObject per line, DeltaX per glyph), with optional — N — page numbers and a running
head drawn from a template page. Builds fixtures from text, so no binary file is committed."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, TOP = 28.0, 37.0
SIZE = 5.6  # 16 pt, 三号 (GB/T 9704: body text in 3号仿宋)
PITCH = 10.0
PER_LINE = 28.0  # characters of full width per line
LINES_PER_PAGE = 22


def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def _wrap(text: str, room: float) -> tuple[str, str]:
    used = 0.0
    for i, ch in enumerate(text):
        if used + _width(ch) > room:
            return text[:i], text[i:]
        used += _width(ch)
    return text, ""


def _text_object(oid: int, x: float, y: float, text: str, size: float = SIZE, per_glyph: bool = False) -> str:
    """One line of text. ``per_glyph``: one TextCode per character at its own X, as some
    converters write it, instead of one TextCode with DeltaX."""
    width = sum(_width(ch) for ch in text) * size
    if per_glyph:
        codes, at = [], 0.0
        for ch in text:
            codes.append(f'<ofd:TextCode X="{at:.2f}" Y="{size:.2f}">{escape(ch)}</ofd:TextCode>')
            at += _width(ch) * size
        code = "".join(codes)
    else:
        deltas = " ".join(f"{_width(ch) * size:.2f}" for ch in text[:-1])
        delta = f' DeltaX="{deltas}"' if deltas else ""
        code = f'<ofd:TextCode X="0" Y="{size:.2f}"{delta}>{escape(text)}</ofd:TextCode>'
    return (f'<ofd:TextObject ID="{oid}" Boundary="{x:.2f} {y - size:.2f} {width + 1:.2f} {size * 1.4:.2f}" '
            f'Font="2" Size="{size}"><ofd:FillColor Value="0 0 0"/>{code}</ofd:TextObject>')


def layout(paragraphs: list[str]) -> list[list[tuple[float, float, str]]]:
    """Pages of (x, baseline y, text) lines in millimetres from the top left."""
    pages: list[list[tuple[float, float, str]]] = [[]]
    for para in paragraphs:
        text, first = para, True
        while text or first:
            room = PER_LINE - (2 if first else 0)
            line, text = _wrap(text, room)
            if len(pages[-1]) >= LINES_PER_PAGE:
                pages.append([])
            y = TOP + PITCH * len(pages[-1]) + SIZE
            pages[-1].append((LEFT + (2 * SIZE if first else 0.0), y, line))
            first = False
    return pages


def write_ofd(path: Path, paragraphs: list[str], page_numbers: bool = True, running_head: str | None = None,
              per_glyph: bool = False) -> Path:
    """Write ``paragraphs`` as an OFD file at ``path``."""
    pages = layout(paragraphs)
    oid = 10
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    parts: dict[str, str] = {}
    parts["OFD.xml"] = (
        f'{head}<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
        '<ofd:DocID>0f0e0d0c0b0a09080706050403020100</ofd:DocID><ofd:Title>测试文档</ofd:Title>'
        '<ofd:Creator>tests/ofdwriter.py</ofd:Creator></ofd:DocInfo>'
        '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'
    )
    parts["Doc_0/PublicRes.xml"] = (
        f'{head}<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
        '<ofd:Font ID="2" FontName="仿宋" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>'
    )
    template = ""
    if running_head is not None:
        template = '<ofd:TemplatePage ID="3" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
        parts["Doc_0/Tpls/Tpl_0/Content.xml"] = (
            f'{head}<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="4">'
            f'{_text_object(5, LEFT, 20.0, running_head, 3.7)}</ofd:Layer></ofd:Content></ofd:Page>'
        )
    page_refs = []
    for n, lines in enumerate(pages):
        objects = []
        for x, y, text in lines:
            if text:
                objects.append(_text_object(oid, x, y, text, per_glyph=per_glyph))
                oid += 1
        if page_numbers:
            folio = f"— {n + 1} —"
            objects.append(_text_object(oid, PAGE_W / 2 - 10, 280.0, folio, 4.9))
            oid += 1
        use_template = '<ofd:Template TemplateID="3" ZOrder="Background"/>' if running_head is not None else ""
        parts[f"Doc_0/Pages/Page_{n}/Content.xml"] = (
            f'{head}<ofd:Page xmlns:ofd="{NS}">{use_template}<ofd:Content><ofd:Layer ID="{oid}">'
            f'{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>'
        )
        oid += 1
        page_refs.append(f'<ofd:Page ID="{oid}" BaseLoc="Pages/Page_{n}/Content.xml"/>')
        oid += 1
    parts["Doc_0/Document.xml"] = (
        f'{head}<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:MaxUnitID>{oid}</ofd:MaxUnitID>'
        f'<ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W} {PAGE_H}</ofd:PhysicalBox></ofd:PageArea>'
        f'<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{template}</ofd:CommonData>'
        f'<ofd:Pages>{"".join(page_refs)}</ofd:Pages></ofd:Document>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts.items():
            zf.writestr(name, xml.encode("utf-8"))
    return path
