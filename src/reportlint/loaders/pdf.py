"""PDF loader (text layer, pdfminer.six): re-joined paragraphs, page furniture removed.

pdfminer gives positioned text lines. Lines are re-joined into paragraphs the way a
reader sees them: a paragraph starts at a first-line indent, a larger vertical gap, a
numbering marker after a finished line, or after a short line that ends a sentence.
Wrapped CJK lines are joined without a space, and spaces pdfminer inserts between CJK
characters are removed. Lines in the top and bottom bands that repeat on most pages
(running headers) and page numbers (— 3 —, -3-, 第3页 共5页, 3/5) are dropped.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import LoadError
from ..model import Block, Document

MAX_PAGES = 2000

# LAParams: line_margin keeps wrapped lines of one paragraph in one box; char_margin is
# generous because CJK glyphs sit tight; word_margin high so spaces are not invented
# between CJK glyphs (pdfminer issue #402). boxes_flow None: keep reading order by position.
# all_texts: text drawn inside a form XObject (a page wrapped in a form) is laid out too.
LAYOUT = {"line_margin": 0.5, "char_margin": 4.0, "word_margin": 0.3, "boxes_flow": None, "all_texts": True}

_CJK = r"\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
_CJK_SPACE = rf"(?<=[{_CJK}])[ \u00a0]+(?=[{_CJK}])"
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－―~]\s*\d{1,4}\s*[-—–－―~]|第\s*\d{1,4}\s*页(?:\s*(?:[,，/]\s*)?共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4}|page\s*\d+(?:\s*of\s*\d+)?)\s*$",
    re.IGNORECASE,
)
# a page number in the form only a folio takes (— 3 —, -3-, 第3页 共5页): furniture wherever
# it sits, also outside the top and bottom bands (a deep bottom margin), where it would
# otherwise land between the two halves of a sentence running on to the next page
_FOLIO = re.compile(
    r"^\s*(?:[-—–－―]\s*\d{1,4}\s*[-—–－―]|第\s*\d{1,4}\s*页\s*(?:[,，/]\s*)?共\s*\d{1,4}\s*页)\s*$"
)
_END = "。！？!?；;：:…”’」』）)"
_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．、](?!\d))"
)
_CLAUSE_MARK = re.compile(r"[，。；：、,;:]")  # what a sentence holds and a title or a heading seldom does
# the label of a field a web page prints under its title (发布日期:2023-01-06, 信息来源：, 浏览次数:): a page printed
# to PDF sets it on a line of its own, never the rest of a sentence wrapped from the line before
_FIELD = re.compile(r"^\s*(?:发布日期|发布时间|发文日期|成文日期|信息来源|文章来源|来源|作者|责任编辑|浏览次数|点击数"
                    r"|阅读次数|访问量|索引号|发文字号|发布机构|发文机关)\s*[:：]")


@dataclass(slots=True)
class Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    cells: tuple[str, ...] = ()  # a table: the text of its cells (``text`` is then empty)
    grid: tuple[tuple[int, int], ...] = ()  # … and the row and column where each cell starts, when known


class Glyph:
    """One glyph given to a ruled table's cell (``pdftables.glyphs_text`` reads it)."""

    __slots__ = ("fontname", "size", "text", "x0", "x1", "y0", "y1")

    def __init__(self, box: tuple[float, float, float, float], size: float, fontname: str, text: str) -> None:
        self.x0, self.y0, self.x1, self.y1 = box
        self.size, self.fontname, self.text = size, fontname, text

    def get_text(self) -> str:
        return self.text


def _collector(rsrc: Any) -> Any:
    """The pdfminer device the loader reads pages with (``pdfruns.RunCollector``)."""
    from .pdfruns import RunCollector

    return RunCollector(rsrc)


# a text line: glyph ranges (run, start, end) of runs and the spaces (" ") between words
Piece = Any


def _text_lines(box: Any) -> list[list[Piece]]:
    """The text lines of a page as pdfminer's layout analysis (``LAYOUT``) forms them, each
    a list of glyph ranges ``(run, start, end)`` and the spaces (" ") pdfminer inserts
    between words: consecutive glyphs that overlap vertically by more than half the lower
    one's height and stand less than ``char_margin`` widths apart share a line
    (``LTLayoutContainer.group_objects`` without vertical writing, which is off); a space
    goes where the gap to the previous glyph exceeds ``word_margin`` times the glyph's
    larger side (``LTTextLineHorizontal.add``). Glyphs of one run share their bottom and
    top, so only their horizontal gaps are compared. Form XObjects are laid out on their
    own (``all_texts``). Lines come in the order the loader's traversal of pdfminer's result
    gave them: forms first, then the page's text, both backwards (only lines at the same
    height and indent keep this order)."""
    char_margin, word_margin = LAYOUT["char_margin"], LAYOUT["word_margin"]
    lines: list[list[Piece]] = []
    line: list[Piece] = []
    prev: Any = None  # the run of the previous glyph
    start = 0  # where the open range of ``prev`` begins
    for run in box.runs:
        x0s, x1s = run.x0s, run.x1s
        y0, y1 = run.y0, run.y1
        height = y1 - y0
        if prev is not None:
            line.append((prev, start, len(prev.x0s)))
            px0, px1, qx0, qx1 = prev.x0s[-1], prev.x1s[-1], x0s[0], x1s[0]
            if y0 <= prev.y1 and prev.y0 <= y1:  # is_voverlap
                v = min(abs(prev.y0 - y1), abs(prev.y1 - y0))
                h = 0 if qx0 <= px1 and px0 <= qx1 else min(abs(px0 - qx1), abs(px1 - qx0))
                halign = (min(prev.y1 - prev.y0, height) * 0.5 < v
                          and h < max(px1 - px0, qx1 - qx0) * char_margin)
            else:
                halign = False
            if not halign:
                lines.append(line)
                line = []
            elif px1 < qx0 - word_margin * max(qx1 - qx0, height):
                line.append(" ")
        start = 0
        if len(x0s) > 1:
            stacked = height * 0.5 < abs(y0 - y1)  # the vertical test, the same for every pair
            px0, px1 = x0s[0], x1s[0]
            for k in range(1, len(x0s)):
                qx0, qx1 = x0s[k], x1s[k]
                h = 0 if qx0 <= px1 and px0 <= qx1 else min(abs(px0 - qx1), abs(px1 - qx0))
                if not (stacked and h < max(px1 - px0, qx1 - qx0) * char_margin):
                    line.append((run, start, k))
                    lines.append(line)
                    line = []
                    start = k
                elif px1 < qx0 - word_margin * max(qx1 - qx0, height):
                    line.append((run, start, k))
                    line.append(" ")
                    start = k
                px0, px1 = qx0, qx1
        prev = run
    if prev is not None:
        line.append((prev, start, len(prev.x0s)))
        lines.append(line)
    if not box.figures:
        return lines[::-1]
    out: list[list[Piece]] = []
    for fig in box.figures:
        out += _text_lines(fig)
    return out[::-1] + lines[::-1]


_TOUCH = 0.25  # of the glyph size: lines of one height at most this far apart were set as one line


def _extent(pieces: list[Piece]) -> tuple[float, float, float, float, float]:
    """A line's left and right edges, bottom, top and largest glyph size."""
    ranges = [p for p in pieces if p != " "]
    return (min(min(run.x0s[i:j]) for run, i, j in ranges), max(max(run.x1s[i:j]) for run, i, j in ranges),
            min(run.y0 for run, _, _ in ranges), max(run.y1 for run, _, _ in ranges),
            max(run.size for run, _, _ in ranges))


def _gather_drawn_apart(lines: list[list[Piece]]) -> list[list[Piece]]:
    """Lines set as one but drawn apart, put back together: a PDF writer that draws a line font by font (LibreOffice's
    export draws a line's Chinese characters, then the quotation marks and digits of its Latin font in the gaps left
    for them) gives pdfminer's layout analysis, which follows the drawing order, a line of Chinese with gaps and lines
    of lone marks at the same height, or a mark drawn before the characters to its left in one line. Lines at one
    height (overlapping by more than half the lower one's height, as pdfminer's own test) whose glyphs interleave
    without overlapping, or which touch (at most ``_TOUCH`` of a glyph's size apart), are one line; a line's glyphs
    are read from left to right, with a space where pdfminer would put one (``word_margin``). Lines further apart
    (two columns, a form's fields) and text drawn over text stay as they are."""
    if not lines:
        return lines
    boxes = [_extent(pieces) for pieces in lines]
    order = sorted(range(len(lines)), key=lambda i: (boxes[i][2] + boxes[i][3], boxes[i][0]))
    bands: list[list[int]] = []
    for i in order:
        _, _, y0, y1, _ = boxes[i]
        if bands:
            _, _, by0, by1, _ = boxes[bands[-1][0]]
            if min(y1, by1) - max(y0, by0) > 0.5 * min(y1 - y0, by1 - by0):
                bands[-1].append(i)
                continue
        bands.append([i])
    groups: list[list[int]] = []
    for band in bands:
        band.sort(key=lambda i: boxes[i][0])
        group = [band[0]]
        reach = boxes[band[0]][1]
        for i in band[1:]:
            x0, x1, _, _, size = boxes[i]
            if x0 - reach <= _TOUCH * size:
                group.append(i)
                reach = max(reach, x1)
            else:
                groups.append(group)
                group, reach = [i], x1
        groups.append(group)
    replaced: dict[int, list[Piece]] = {}
    dropped: set[int] = set()
    for group in groups:
        if len(group) == 1 and _in_order(lines[group[0]]):
            continue
        read = _left_to_right([lines[i] for i in group])
        if read is not None:
            replaced[group[0]] = read
            dropped.update(group[1:])
    if not replaced:
        return lines
    return [replaced.get(i, pieces) for i, pieces in enumerate(lines) if i not in dropped]


def _in_order(pieces: list[Piece]) -> bool:
    """Whether a line's glyph ranges stand from left to right (a glyph may reach a fifth of its width into the one
    before: kerning)."""
    last = float("-inf")
    for piece in pieces:
        if piece == " ":
            continue
        run, i, j = piece
        if run.x0s[i] + 0.2 * (run.x1s[i] - run.x0s[i]) < last:
            return False
        last = run.x1s[j - 1]
    return True


def _left_to_right(group: list[list[Piece]]) -> list[Piece] | None:
    """The glyphs of lines of one height as one line in order from left to right, with pdfminer's spaces. A glyph
    drawn again a little to the side (a bold face made by drawing the text two or three times, as some PDF writers
    do: pdfplumber's ``dedupe_chars`` reads such copies once) is read once; None when two other glyphs overlap by
    more than a fifth of the narrower (text drawn over other text)."""
    glyphs = sorted(((run.x0s[k], run.x1s[k], run, k) for pieces in group for piece in pieces if piece != " "
                     for run, a, b in (piece,) for k in range(a, b)), key=lambda g: (g[0], g[1]))
    kept: list[tuple[float, float, Any, int]] = []
    for glyph in glyphs:
        if kept:
            px0, px1, prun, pk = kept[-1]
            qx0, qx1, qrun, qk = glyph
            if px1 - qx0 > 0.2 * min(px1 - px0, qx1 - qx0):
                if prun.texts[pk] == qrun.texts[qk] and qx0 - px0 <= 0.2 * (px1 - px0) \
                        and abs(prun.y0 - qrun.y0) <= 0.2 * (prun.y1 - prun.y0):
                    continue  # the same glyph drawn again beside itself
                return None
        kept.append(glyph)
    word_margin = LAYOUT["word_margin"]
    out: list[Piece] = []
    last = float("-inf")
    for x0, x1, run, k in kept:
        if out and last < x0 - word_margin * max(x1 - x0, run.y1 - run.y0):
            out.append(" ")
        if out and out[-1] != " " and out[-1][0] is run and out[-1][2] == k:
            out[-1] = (run, out[-1][1], k + 1)
        else:
            out.append((run, k, k + 1))
        last = x1
    return out


def _has_strokes(box: Any) -> bool:
    """Whether a page or form paints any path (a form XObject has ``drawn`` of its own)."""
    return any(not hasattr(o, "drawn") or _has_strokes(o) for o in box.drawn)


def _lines_of_page(page: Any, page_no: int) -> list[Line]:
    tables: list[Any] = []
    if _has_strokes(page):  # the table reader only for a page that paints something
        from .pdftables import find_tables

        tables = find_tables(page)
    out: list[Line] = []
    for pieces in _gather_drawn_apart(_text_lines(page)):
        line = _table_line(pieces, tables, page_no) if tables else _line(pieces, page_no)
        if line is not None:
            out.append(line)
    for table in tables:
        cells = table.cell_texts()
        if cells:
            out.append(Line(page_no, "", table.x0, table.x1, table.y1, table.y0, 0.0, "", tuple(t for t, _ in cells),
                            tuple(rc for _, rc in cells)))
    out.sort(key=lambda ln: (-round(ln.top, 0), ln.x0))
    return column_order(out, page.width or 0.0)


def _line(pieces: list[Piece], page_no: int) -> Line | None:
    """A text line from its glyph ranges: text, box, median glyph size, most used font."""
    import statistics

    texts: list[str] = []
    sizes: list[float] = []
    fonts: Counter[str] = Counter()
    x0 = y0 = float("inf")
    x1 = y1 = float("-inf")
    for piece in pieces:
        if piece == " ":
            texts.append(" ")
            continue
        run, i, j = piece
        texts += run.texts[i:j]
        x0 = min(x0, min(run.x0s[i:j]))
        x1 = max(x1, max(run.x1s[i:j]))
        y0 = min(y0, run.y0)
        y1 = max(y1, run.y1)
        sizes += [run.size] * (j - i)
        fonts[run.fontname] += j - i
    text = "".join(texts).replace("\n", "")
    if not text.strip():
        return None
    return Line(page_no, text, x0, x1, y1, y0, statistics.median(sizes), fonts.most_common(1)[0][0])


def _table_line(pieces: list[Piece], tables: list[Any], page_no: int) -> Line | None:
    """A text line on a page with ruled tables: each glyph whose centre falls in a table's
    cell goes to that cell; the line is what is left."""
    import statistics

    chars: list[Glyph] = []
    texts: list[str] = []
    dropped = False
    for piece in pieces:
        if piece == " ":
            if not (dropped and not chars):  # not a space after a glyph that went to a table
                texts.append(" ")
            continue
        run, i, j = piece
        cy = (run.y0 + run.y1) / 2
        for k in range(i, j):
            glyph = Glyph((run.x0s[k], run.y0, run.x1s[k], run.y1), run.size, run.fontname, run.texts[k])
            cx = (glyph.x0 + glyph.x1) / 2
            cell = next(((t, c) for t in tables if (c := t.cell_of(cx, cy)) is not None), None)
            if cell is not None:
                cell[0].chars.setdefault(cell[1], []).append(glyph)
                dropped = True
                continue
            chars.append(glyph)
            texts.append(glyph.text)
    text = "".join(texts).replace("\n", "")
    if not text.strip() or not chars:
        return None
    fonts = Counter(c.fontname for c in chars)
    return Line(page_no, text, min(c.x0 for c in chars), max(c.x1 for c in chars), max(c.y1 for c in chars),
                min(c.y0 for c in chars), statistics.median(c.size for c in chars), fonts.most_common(1)[0][0])


def _least_crossed(lines: list[Line], width: float) -> tuple[int, float] | None:
    """(how many lines cross it, x) for the x of the page's middle strip (0.3 to 0.7 of the
    width, every 2 points) that the fewest lines cross (x0 < x < x1); the leftmost of equals."""
    xs: list[float] = []  # the strip's candidate x, every 2 points
    x = width * 0.3
    while x <= width * 0.7:
        xs.append(x)
        x += 2.0
    # lines crossing each x (x0 < x < x1), counted at once: +1 where a line's span of xs
    # begins, -1 where it ends
    starts = [0] * (len(xs) + 1)
    for ln in lines:
        lo, hi = bisect_right(xs, ln.x0), bisect_left(xs, ln.x1)
        if lo < hi:
            starts[lo] += 1
            starts[hi] -= 1
    best: tuple[int, float] | None = None
    crossing = 0
    for k, x in enumerate(xs):
        crossing += starts[k]
        if best is None or crossing < best[0]:
            best = (crossing, x)
    return best


def _gutter(lines: list[Line], width: float) -> float | None:
    """The x of the gap between two text columns, if the page has them: a vertical strip in
    the middle of the page that at most a few lines (a title across both columns) cross,
    with lines on both sides standing side by side at the same heights."""
    if width <= 0 or len(lines) < 8:
        return None
    best = _least_crossed(lines, width)
    if best is None or best[0] > len(lines) * 0.15:
        return None
    gx = best[1]
    left = [ln for ln in lines if ln.x1 <= gx]
    right = [ln for ln in lines if ln.x0 >= gx]
    if len(left) < 4 or len(right) < 4:
        return None
    # columns of running text, not a form's labels and values side by side
    if min(sum(len(ln.text.strip()) for ln in side) / len(side) for side in (left, right)) < 8:
        return None
    side_by_side = sum(1 for r in right if any(abs(r.top - lf.top) < max(r.size, 1.0) for lf in left))
    return gx if side_by_side >= min(len(left), len(right)) * 0.5 else None


def column_order(lines: list[Line], width: float) -> list[Line]:
    """Two-column pages read column by column: between lines that span both columns (a
    title, a table) the left column top to bottom, then the right one."""
    text_lines = [ln for ln in lines if not ln.cells]
    gx = _gutter(text_lines, width)
    if gx is None:
        return lines
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for ln in lines:  # already top to bottom
        if ln.x1 <= gx:
            left.append(ln)
        elif ln.x0 >= gx:
            right.append(ln)
        else:
            out += left + right + [ln]
            left, right = [], []
    return out + left + right


def _normalise_furniture(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_furniture(pages: list[list[Line]], heights: list[float]) -> tuple[list[list[Line]], list[str]]:
    """Remove running headers/footers and page numbers from the page tops and bottoms. A running header is a text
    in the top or bottom band of most pages, and only where it runs: at the distance from the page's edge where
    most of its copies stand (a browser prints a page's title at the top of every page, above the same title set
    large on the first)."""
    band_counts: Counter[str] = Counter()
    places: dict[str, list[tuple[bool, float]]] = {}
    for lines, height in zip(pages, heights, strict=True):
        seen = set()
        for ln in lines:
            if _in_band(ln, height) and not ln.cells:
                text = _normalise_furniture(ln.text)
                seen.add(text)
                places.setdefault(text, []).append(_edge_distance(ln, height))
        band_counts.update(seen)
    repeated = {t for t, n in band_counts.items() if len(pages) >= 2 and n >= max(2, len(pages) * 0.5)}
    runs_at = {t: _usual_place(places[t]) for t in repeated}
    kept: list[list[Line]] = []
    furniture: list[str] = []
    for lines, height in zip(pages, heights, strict=True):
        page_kept = []
        for ln in lines:
            usual = runs_at.get(_normalise_furniture(ln.text)) if not ln.cells and _in_band(ln, height) else None
            top, distance = _edge_distance(ln, height)
            if not ln.cells and (
                (usual is not None and top == usual[0] and abs(distance - usual[1]) <= max(3.0, ln.size * 0.5))
                or (_in_band(ln, height) and _PAGE_NUMBER.match(ln.text))
                or _FOLIO.match(ln.text)
            ):
                furniture.append(ln.text.strip())
                continue
            page_kept.append(ln)
        kept.append(page_kept)
    return kept, furniture


def _edge_distance(ln: Line, height: float) -> tuple[bool, float]:
    """Whether a line stands in the page's top band, and its distance from that edge of the page."""
    return (True, height - ln.top) if ln.top > height * 0.88 else (False, ln.bottom)


def _usual_place(places: list[tuple[bool, float]]) -> tuple[bool, float]:
    """The band most copies of a running text stand in, and their median distance from its edge there."""
    import statistics

    top = sum(1 for t, _ in places if t) * 2 >= len(places)
    return top, statistics.median(d for t, d in places if t == top)


def _in_band(ln: Line, height: float) -> bool:
    return ln.top > height * 0.88 or ln.bottom < height * 0.12


Para = tuple[int, str, str, int, "tuple[int, int] | None"]


def _cell_paras(table: Line, number: int) -> list[Para]:
    """A table's cells as paragraphs, each with the row and column where it starts when the table knows them."""
    places = table.grid if len(table.grid) == len(table.cells) else (None,) * len(table.cells)
    return [(table.page, cell, "", number, rc) for cell, rc in zip(table.cells, places, strict=True)]


def _paragraphs(pages: list[list[Line]], widths: list[float] | None = None) -> list[Para]:
    """Join lines into (page, text, font, table, place) paragraphs; a table gives one entry per
    cell with its 1-based table number and its (row, column) when known, everything else table 0."""
    import statistics

    everything = [ln for lines in pages for ln in lines]
    body = [ln for ln in everything if not ln.cells]
    if not body:
        return [para for n, t in enumerate(everything, 1) for para in _cell_paras(t, n)]
    size = statistics.median(ln.size for ln in body) or 12.0
    # the body's left margin: the smallest x at which at least two lines start (first-line
    # indents sit to its right; a stray box further left does not count)
    starts = Counter(round(ln.x0) for ln in body)
    left = min((x for x, n in starts.items() if n >= 2), default=min(starts))
    # the right margin of each page: where most full lines end (the 90th percentile of line
    # ends), not the furthest line end, which one wide line pushes out. Pages of one size
    # share a margin, which a page of short lines only (a contents page) takes; a page with
    # full lines keeps its own (text boxes differ from page to page); a landscape page has
    # its own, wider one.
    width_of = {n + 1: round(w) for n, w in enumerate(widths or [])}
    ends: dict[int, list[float]] = {}
    by_size: dict[int, list[float]] = {}
    for ln in body:
        ends.setdefault(ln.page, []).append(ln.x1)
        by_size.setdefault(width_of.get(ln.page, 0), []).append(ln.x1)
    size_margin = {w: sorted(xs)[int(len(xs) * 0.9)] for w, xs in by_size.items()}
    margins = {}
    for pg, xs in ends.items():
        own, shared = sorted(xs)[int(len(xs) * 0.9)], size_margin[width_of.get(pg, 0)]
        margins[pg] = own if own >= shared - size * 4 else shared  # no full line on the page: the shared one
    # a margin that one or two lines of the document reach may be their own end (the title of a short notice whose
    # other lines are all short), not the margin
    sorted_ends = {w: sorted(xs) for w, xs in by_size.items()}

    def reached_by(pg: int, m: float) -> int:  # how many lines of the page's size end near ``m``
        xs = sorted_ends[width_of.get(pg, 0)]
        return bisect_right(xs, m + size * 1.5) - bisect_left(xs, m - size * 1.5)

    unsure = {pg for pg, m in margins.items() if reached_by(pg, m) < 3}
    gaps = [
        a.bottom - b.top
        for lines in pages
        for a, b in pairwise(lines)
        if 0 <= a.bottom - b.top < size * 3 and not (a.cells or b.cells)
    ]
    normal_gap = statistics.median(gaps) if gaps else size * 0.5
    paras: list[list[Line]] = []
    prev: Line | None = None
    for ln in everything:
        if ln.cells:
            paras.append([ln])
            prev = None
        elif prev is None or _starts_paragraph(prev, ln, left, margins[prev.page], size, normal_gap,
                                               prev.page not in unsure):
            paras.append([ln])
        else:
            paras[-1].append(ln)
        if not ln.cells:
            prev = ln
    out: list[Para] = []
    tables = 0
    for para in paras:
        if para[0].cells:
            tables += 1
            out += _cell_paras(para[0], tables)
            continue
        text = ""
        for ln in para:
            piece = ln.text.strip()
            if text and re.match(r"[A-Za-z]", text[-1]) and re.match(r"[A-Za-z]", piece[:1]):
                text += " "
            text += piece
        text = re.sub(_CJK_SPACE, "", text)  # compiled on first use: PDF runs only
        fonts = Counter(ln.font for ln in para)
        out.append((para[0].page, text, fonts.most_common(1)[0][0], 0, None))
    return out


def _starts_paragraph(prev: Line, ln: Line, left: float, right: float, size: float, normal_gap: float,
                      sure: bool = True) -> bool:
    """Whether ``ln`` opens a paragraph after ``prev``; ``sure``: whether ``right`` is a margin that several lines
    reach."""
    indent = ln.x0 - left
    prev_text = prev.text.rstrip()
    # digits and Latin letters are narrower than CJK glyphs, so a full line can stop up to a
    # few character widths before the margin
    prev_short = prev.x1 < right - size * 4
    if ln.page != prev.page:
        # a paragraph continues on the next page unless the last line ended it
        return indent > size * 1.2 or (prev_short and (prev_text.endswith(tuple(_END)) or bool(_MARKER.match(ln.text))))
    gap = prev.bottom - ln.top
    # a title set in a display size over two centred lines is one title
    if (prev.size >= size * 1.2 and abs(ln.size - prev.size) <= 0.5 and 0 <= gap <= prev.size * 1.2
            and all(abs((x.x0 + x.x1) - (left + right)) / 2 <= prev.size * 2 for x in (prev, ln))
            and not prev_text.endswith(tuple(_END)) and not _MARKER.match(ln.text)):
        return False
    # lines of one display size (a title set large) sit apart in proportion to their size
    scale = prev.size / size if prev.size > size and abs(ln.size - prev.size) <= 0.5 else 1.0
    if gap > max(normal_gap * 1.8, size * 0.9) * scale or gap < -size:
        return True
    # on a page whose margin is unsure, a line reaching it is no evidence of a wrap: a title or a heading, or a
    # sentence ended there, ends its paragraph
    if _FIELD.match(ln.text) or (not sure and (not _CLAUSE_MARK.search(prev_text) or prev_text.endswith(tuple(_END)))):
        return True
    # the previous line runs to the right margin (justified text) without ending a sentence
    # and this one starts no further right than it did: a wrapped line of the same
    # paragraph, however far the paragraph sits from the body's margin (list items with a
    # hanging indent, paragraphs indented by hand)
    # (a wide line: a short right-aligned signature also ends at the margin)
    wraps = (prev.x1 >= right - size * 1.5 and prev.x1 - prev.x0 >= (right - left) * 0.6
             and not prev_text.endswith(tuple(_END)) and ln.x0 <= prev.x0 + 2 and not _MARKER.match(ln.text))
    if indent > size * 1.2 and not wraps:
        return True
    # the previous line sat far right of the margin (a signature, the right half of a form
    # row) and this one goes back to the left: a new row, not a wrapped line
    if prev.x0 - left > size * 4 and ln.x0 < prev.x0 - size * 2 and not wraps:
        return True
    if abs(ln.size - prev.size) > 1.5:
        return True
    if prev_short:
        return True
    return bool(_MARKER.match(ln.text) and prev_text.endswith(tuple(_END)))


def load_pdf(path: Path, data: bytes) -> Document:
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings are not the user's business
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    meta: dict[str, Any] = {}
    try:
        parser = PDFParser(io.BytesIO(data))
        pdoc = PDFDocument(parser)
        if getattr(pdoc, "encryption", None):
            meta["encrypted"] = True
        rsrc = PDFResourceManager(caching=True)
        device = _collector(rsrc)
        interp = PDFPageInterpreter(rsrc, device)
        pages: list[list[Line]] = []
        heights: list[float] = []
        widths: list[float] = []
        for page_no, page in enumerate(PDFPage.create_pages(pdoc), start=1):
            if page_no > MAX_PAGES:
                raise LoadError(f"PDF 超过 {MAX_PAGES} 页（size limit），未检查")
            interp.process_page(page)
            layout = device.get_result()
            pages.append(_lines_of_page(layout, page_no))
            heights.append(layout.height or 842.0)
            widths.append(layout.width or 595.0)
    except LoadError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise LoadError("PDF 已加密，需要密码才能打开（encrypted, password），未检查") from exc
    except RecursionError as exc:
        raise LoadError("PDF 内部对象引用形成循环（reference loop），文件已损坏（damaged）") from exc
    except MemoryError as exc:
        raise LoadError("PDF 内容解压后过大（too large），超过内存上限（memory limit），疑似压缩炸弹，未检查") from exc
    except Exception as exc:
        name = type(exc).__name__
        detail = str(exc)[:80]
        if "xref" in detail.lower() or "trailer" in detail.lower() or "root" in detail.lower():
            raise LoadError(f"PDF 文件已损坏（damaged）：交叉引用表（xref/trailer）无效：{detail}") from exc
        raise LoadError(f"PDF 文件已损坏或被截断（damaged, truncated）：{name} {detail}") from exc
    doc = document_from_lines(
        path, pages, heights, widths, meta,
        "PDF 没有可提取的文字层（no text layer），可能是扫描件或纯图片（scanned）；请先做文字识别（OCR）后再检查")
    meta["cid_glyphs"] = sum(b.text.count("(cid:") for b in doc.blocks)
    return doc


def document_from_lines(path: Path, pages: list[list[Line]], heights: list[float], widths: list[float],
                        meta: dict[str, Any], no_text: str) -> Document:
    """Positioned lines of each page → the Document: running heads and page numbers set apart as
    furniture, lines joined into paragraphs, ruled table cells as cells. The PDF and OFD loaders
    share it; ``no_text`` is the X102 message when nothing is left."""
    meta["pages"] = len(pages)
    pages, furniture = _drop_furniture(pages, heights)
    paras = _paragraphs(pages, widths)
    text = "".join(t for _, t, _, _, _ in paras)
    meta["chars"] = len(text)
    if not text.strip():
        raise LoadError(no_text, code="X102")
    blocks = tuple(
        Block(i, t, kind="cell" if table else "paragraph", page=page, style=font, table=table)
        for i, (page, t, font, table, _) in enumerate(paras)
    )
    grid = tuple((i, table, rc[0], rc[1]) for i, (_, _, _, table, rc) in enumerate(paras) if table and rc is not None)
    if grid:
        meta["grid"] = grid
    return Document(path=str(path), blocks=blocks, furniture=tuple(dict.fromkeys(furniture)), meta=meta)
