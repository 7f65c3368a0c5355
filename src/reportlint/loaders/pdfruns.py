"""A pdfminer device that keeps what the PDF loader lays out, and nothing else: text as runs
of glyphs with their positions, the strokes that may rule a table, and form XObjects.

pdfminer's own ``PDFPageAggregator`` builds an ``LTChar`` per glyph (with its colour space,
graphic state and matrix), an ``LTCurve`` per path with its transformed path, an ``LTImage``
per image, and needs ``pdfminer.layout``, ``pdfminer.converter`` and ``pdfminer.image``
imported. Here one string drawn by ``Tj``/``TJ`` in an upright, unrotated text matrix is one
``Run``: the glyphs' left and right edges and texts in three lists, one baseline box, one
size, one font, with each glyph's box computed in the same floating-point expressions as
pdfminer's ``LTChar`` (so the same floats to the last bit). A glyph in rotated or vertical
text is a run of one glyph. A path is a ``Shape`` with what ``pdftables`` reads of it.
"""

from __future__ import annotations

import re
from typing import Any

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_pt, apply_matrix_rect


class Run:
    """Glyphs drawn side by side on one baseline: ``x0s[i]``, ``x1s[i]`` and ``texts[i]`` are
    glyph i's left edge, right edge and text; all share the box's bottom ``y0``, top ``y1``,
    ``size`` and ``fontname``."""

    __slots__ = ("fontname", "size", "texts", "x0s", "x1s", "y0", "y1")

    def __init__(self, y0: float, y1: float, size: float, fontname: str) -> None:
        self.y0, self.y1, self.size, self.fontname = y0, y1, size, fontname
        self.x0s: list[float] = []
        self.x1s: list[float] = []
        self.texts: list[str] = []

    def __len__(self) -> int:
        return len(self.texts)


class Shape:
    """A painted path: its bounding box, whether it is stroked and filled, the fill colour and
    how many points pdfminer's ``LTCurve`` would hold (2 for a line, 4 for a rectangle)."""

    __slots__ = ("fill", "non_stroking_color", "npts", "stroke", "x0", "x1", "y0", "y1")

    def __init__(self, pts: list[tuple[float, float]], stroke: bool, fill: bool, colour: Any) -> None:
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self.x0, self.y0, self.x1, self.y1 = min(xs), min(ys), max(xs), max(ys)
        self.stroke, self.fill, self.non_stroking_color, self.npts = stroke, fill, colour, len(pts)


class Box:
    """A page or a form XObject drawn on it: its runs in drawing order, its forms, and its
    shapes and forms in drawing order (``drawn``, which ``pdftables`` walks)."""

    __slots__ = ("drawn", "figures", "height", "runs", "width")

    def __init__(self, width: float = 0.0, height: float = 0.0) -> None:
        self.width, self.height = width, height
        self.runs: list[Run] = []
        self.figures: list[Box] = []
        self.drawn: list[Shape | Box] = []


class RunCollector(PDFTextDevice):
    """Collects each page as a ``Box``; ``get_result()`` gives the last page."""

    def __init__(self, rsrcmgr: Any) -> None:
        super().__init__(rsrcmgr)
        self.glyph_info: dict[Any, dict[int, tuple[str, float]]] = {}  # font -> cid -> (text, width)
        self.page: Box | None = None
        self.cur: Box = Box()
        self._stack: list[Box] = []

    def begin_page(self, page: Any, ctm: Any) -> None:
        (x0, y0, x1, y1) = apply_matrix_rect(ctm, page.mediabox)
        self.cur = Box(abs(x0 - x1), abs(y0 - y1))
        self._stack = []

    def end_page(self, page: Any) -> None:
        self.page = self.cur

    def get_result(self) -> Box:
        assert self.page is not None
        return self.page

    def begin_figure(self, name: str, bbox: Any, matrix: Any) -> None:
        self._stack.append(self.cur)
        self.cur = Box()

    def end_figure(self, name: str) -> None:
        fig = self.cur
        self.cur = self._stack.pop()
        if fig.runs or fig.drawn:  # an image or an empty form adds nothing to lay out
            self.cur.figures.append(fig)
            self.cur.drawn.append(fig)

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
        """The shapes pdfminer's ``PDFLayoutAnalyzer.paint_path`` would add, with the same
        points (subpaths split at each ``m``; a redundant closing ``l`` dropped; a closed
        axis-aligned four-sided path is a rectangle of its first and third corners)."""
        shape = "".join(x[0] for x in path)
        if shape[:1] != "m":
            return
        if shape.count("m") > 1:
            for m in re.finditer(r"m[^m]+", shape):
                self.paint_path(gstate, stroke, fill, evenodd, path[m.start(0):m.end(0)])
            return
        ctm = self.ctm
        pts = [apply_matrix_pt(ctm, p[-2:] if p[0] != "h" else path[0][-2:]) for p in path]
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"
            pts.pop()
        if shape in {"mlllh", "mllll"}:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            if pts[0] == pts[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                                     or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
                pts = [(x0, y0), (x2, y0), (x2, y2), (x0, y2)]  # LTRect((*pts[0], *pts[2]))
        self.cur.drawn.append(Shape(pts, stroke, fill, gstate.ncolor))

    def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float, cid: int,
                    ncs: Any, graphicstate: Any) -> float:
        """Vertical writing only (horizontal text goes through ``render_string_horizontal``):
        the box of pdfminer's ``LTChar`` for a vertical font, as a run of one glyph."""
        text, width = self._glyph(font, cid)
        adv = width * fontsize * scaling
        (vx, vy) = font.char_disp(cid)
        vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
        vy = (1000 - vy) * fontsize * 0.001
        (x0, y0, x1, y1) = apply_matrix_rect(matrix, (-vx, vy + rise + adv, -vx + fontsize, vy + rise))
        if x1 < x0:
            (x0, x1) = (x1, x0)
        if y1 < y0:
            (y0, y1) = (y1, y0)
        run = Run(y0, y1, x1 - x0, font.fontname)
        run.x0s.append(x0)
        run.x1s.append(x1)
        run.texts.append(text)
        self.cur.runs.append(run)
        return adv

    def _glyph(self, font: Any, cid: int) -> tuple[str, float]:
        known = self.glyph_info.get(font)
        if known is None:
            known = self.glyph_info[font] = {}
        info = known.get(cid)
        if info is None:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = f"(cid:{cid})"
            info = known[cid] = (text, font.char_width(cid))
        return info

    def render_string_horizontal(self, seq: Any, matrix: Any, pos: Any, font: Any, fontsize: float,
                                 scaling: float, charspace: float, wordspace: float, rise: float,
                                 dxscale: float, ncs: Any, graphicstate: Any) -> Any:
        """pdfminer's ``PDFTextDevice.render_string_horizontal`` with ``translate_matrix``,
        ``render_char``, ``LTChar``'s box and ``apply_matrix_rect`` written out in the same
        expressions (so the same floats). In an unrotated matrix (b = c = 0) every glyph of
        the string has the same bottom and top, so the string is one ``Run``; otherwise each
        glyph is a run of its own."""
        (x, y) = pos
        (a, b, c, d, e, f) = matrix
        descent = font.get_descent() * fontsize
        lo = descent + rise
        hi = descent + rise + fontsize
        fontname = font.fontname
        runs = self.cur.runs
        known = self.glyph_info.get(font)
        if known is None:
            known = self.glyph_info[font] = {}
        if b == 0 and c == 0:  # x * b, y * c and the like are zeros that change no sum
            tf = y * d + f
            y0, y1 = min(d * lo + tf, d * hi + tf), max(d * lo + tf, d * hi + tf)
            run = Run(y0, y1, y1 - y0, fontname)
            x0s, x1s, texts = run.x0s, run.x1s, run.texts
        else:
            run = None
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    info = known.get(cid)
                    text, width = info if info is not None else self._glyph(font, cid)
                    adv = width * fontsize * scaling
                    if run is not None:
                        te = x * a + e
                        right = a * adv + te
                        if right < te:
                            x0s.append(right)
                            x1s.append(te)
                        else:
                            x0s.append(te)
                            x1s.append(right)
                        texts.append(text)
                    else:
                        te = x * a + y * c + e
                        tf = x * b + y * d + f
                        left1, bottom1 = a * 0 + c * lo + te, b * 0 + d * lo + tf
                        right1, bottom2 = a * adv + c * lo + te, b * adv + d * lo + tf
                        right2, top1 = a * adv + c * hi + te, b * adv + d * hi + tf
                        left2, top2 = a * 0 + c * hi + te, b * 0 + d * hi + tf
                        gy0 = min(bottom1, bottom2, top1, top2)
                        gy1 = max(bottom1, bottom2, top1, top2)
                        one = Run(gy0, gy1, gy1 - gy0, fontname)
                        one.x0s.append(min(left1, left2, right1, right2))
                        one.x1s.append(max(left1, left2, right1, right2))
                        one.texts.append(text)
                        runs.append(one)
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
        if run is not None and run.texts:
            runs.append(run)
        return (x, y)
