"""Table regions of a PDF page found from its ruling lines, and the text of each cell.

A table in a PDF is text drawn inside a grid of strokes (lines), thin rectangles or
cell rectangles and paths (``pdfruns.Shape``). pdfminer reads the text of such a
page line by line across the cells, which turns a table into hundreds of broken "lines".
Here the strokes are grouped into connected grids; a grid with at least two cells is a
table; its cells are the grid's rectangles merged wherever the stroke between two of them
is missing (a merged cell is read once); every glyph whose centre falls in the region is
given to its cell. The approach is the ruling-line ("lattice") method of Tabula and
pdfplumber, written on the loader's own page objects so it needs no other dependency.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

TOL = 2.5  # points: strokes this close count as touching or as one grid line
THIN = 3.0  # a rectangle thinner than this is a stroke, not a cell
MAX_SEGMENTS = 1500  # a page with more strokes is a drawing, not a form; no tables looked for
MAX_CELLS = 4000  # a grid finer than this is hatching or a chart, not a table


@dataclass(slots=True)
class Seg:
    horizontal: bool
    pos: float  # y of a horizontal stroke, x of a vertical one
    lo: float
    hi: float


@dataclass(slots=True)
class Table:
    x0: float
    y0: float
    x1: float
    y1: float
    xs: list[float]  # column edges, left to right
    ys: list[float]  # row edges, top to bottom (descending y)
    comp: dict[tuple[int, int], int]  # grid cell -> merged cell id
    chars: dict[int, list[Any]] = field(default_factory=dict)  # merged cell id -> glyphs

    def cell_of(self, x: float, y: float) -> int | None:
        if not (self.x0 - TOL <= x <= self.x1 + TOL and self.y0 - TOL <= y <= self.y1 + TOL):
            return None
        c = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        neg = [-v for v in self.ys]
        r = min(max(bisect_right(neg, -y) - 1, 0), len(self.ys) - 2)
        return self.comp[(r, c)]

    @property
    def top(self) -> float:
        return self.y1

    def cell_texts(self) -> list[tuple[str, tuple[int, int]]]:
        """Text of each non-empty merged cell, row by row, left to right, with the grid row and column where it
        starts (0-based)."""
        first: dict[int, tuple[int, int]] = {}
        for rc, cid in sorted(self.comp.items()):
            first.setdefault(cid, rc)
        out = []
        for cid in sorted(self.chars, key=lambda k: first[k]):
            text = glyphs_text(self.chars[cid])
            if text.strip():
                out.append((text.strip(), first[cid]))
        return out


def _is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")


def glyphs_text(chars: list[Any]) -> str:
    """Glyphs of one cell as text: grouped into lines by their vertical centre, each line
    left to right; wrapped CJK lines joined directly, Latin words and numbers by a space."""
    rows: list[list[Any]] = []
    for ch in sorted(chars, key=lambda c: -(c.y0 + c.y1) / 2):
        mid = (ch.y0 + ch.y1) / 2
        if rows:
            last = rows[-1][0]
            if abs((last.y0 + last.y1) / 2 - mid) <= max(last.size, ch.size) * 0.5:
                rows[-1].append(ch)
                continue
        rows.append([ch])
    text = ""
    for row in rows:
        line = ""
        prev = None
        for ch in sorted(row, key=lambda c: c.x0):
            t = ch.get_text()
            if prev is not None and ch.x0 - prev.x1 > ch.size * 0.6 and not (_is_cjk(t[:1]) or _is_cjk(line[-1:])):
                line += " "
            line += t
            prev = ch
        line = line.strip()
        if text and line and not (_is_cjk(text[-1]) or _is_cjk(line[0])):
            text += " "
        text += line
    return text


def segments(box: Any) -> list[Seg]:
    """Horizontal and vertical strokes of a page (a ``pdfruns.Box``): lines, thin rectangles,
    the edges of cell rectangles and straight paths, inside form XObjects too."""
    out: list[Seg] = []
    stack = list(box.drawn)
    while stack:
        o = stack.pop()
        if hasattr(o, "drawn"):  # a form XObject: its own shapes
            stack.extend(o.drawn)
            continue
        x0, y0, x1, y1 = o.x0, o.y0, o.x1, o.y1
        w, h = x1 - x0, y1 - y0
        if not (o.stroke or (o.fill and not _white(o))):
            continue  # an invisible shape: a white background behind a line of text
        if h <= THIN and w > THIN:
            out.append(Seg(True, (y0 + y1) / 2, x0, x1))
        elif w <= THIN and h > THIN:
            out.append(Seg(False, (x0 + x1) / 2, y0, y1))
        elif w > THIN and h > THIN and o.stroke and o.npts in (4, 5):
            # the outline of a stroked rectangle; a filled one is shading, not a border
            out += [Seg(True, y0, x0, x1), Seg(True, y1, x0, x1), Seg(False, x0, y0, y1), Seg(False, x1, y0, y1)]
    return out


def _white(o: Any) -> bool:
    colour = getattr(o, "non_stroking_color", None)
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not colour:
        return False
    try:
        values = [float(v) for v in colour]
    except (TypeError, ValueError):
        return False
    if len(values) == 4:  # CMYK: white is no ink
        return all(v <= 0.02 for v in values)
    return all(v >= 0.98 for v in values)


def _touch(a: Seg, b: Seg) -> bool:
    if a.horizontal == b.horizontal:
        return abs(a.pos - b.pos) <= TOL and a.lo <= b.hi + TOL and b.lo <= a.hi + TOL
    h, v = (a, b) if a.horizontal else (b, a)
    return h.lo - TOL <= v.pos <= h.hi + TOL and v.lo - TOL <= h.pos <= v.hi + TOL


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= TOL:
            continue
        out.append(v)
    return out


def _covered(segs: list[Seg], horizontal: bool, pos: float, at: float) -> bool:
    return any(
        s.horizontal == horizontal and abs(s.pos - pos) <= TOL and s.lo - TOL <= at <= s.hi + TOL for s in segs
    )


def find_tables(page: Any) -> list[Table]:
    """Tables of one page (a ``pdfruns.Box``), top to bottom."""
    segs = segments(page)
    if len(segs) > MAX_SEGMENTS or len(segs) < 4:
        return []
    parent = list(range(len(segs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[a] = b

    # candidates found through strokes sorted by position, so a ruled page costs
    # n log n plus the touching pairs, not n squared
    hs = sorted((i for i, s in enumerate(segs) if s.horizontal), key=lambda i: segs[i].pos)
    vs = sorted((i for i, s in enumerate(segs) if not s.horizontal), key=lambda i: segs[i].pos)
    for group in (hs, vs):
        positions = [segs[i].pos for i in group]
        for k, i in enumerate(group):
            end = bisect_right(positions, segs[i].pos + TOL)
            for j in group[k + 1:end]:
                if _touch(segs[i], segs[j]):
                    union(i, j)
    v_positions = [segs[i].pos for i in vs]
    for i in hs:
        h = segs[i]
        lo = bisect_right(v_positions, h.lo - TOL - 1e-9)
        hi = bisect_right(v_positions, h.hi + TOL)
        for j in vs[lo:hi]:
            if _touch(h, segs[j]):
                union(i, j)
    groups: dict[int, list[Seg]] = {}
    for i, s in enumerate(segs):
        groups.setdefault(find(i), []).append(s)
    tables = []
    for group in groups.values():
        table = _grid(group)
        if table is not None:
            tables.append(table)
    tables.sort(key=lambda t: -t.y1)
    return tables


def _grid(group: list[Seg]) -> Table | None:
    hs = [s for s in group if s.horizontal]
    vs = [s for s in group if not s.horizontal]
    if len(hs) < 2 or len(vs) < 2:
        return None
    x0 = min(min(s.lo for s in hs), min(s.pos for s in vs))
    x1 = max(max(s.hi for s in hs), max(s.pos for s in vs))
    y0 = min(min(s.lo for s in vs), min(s.pos for s in hs))
    y1 = max(max(s.hi for s in vs), max(s.pos for s in hs))
    xs = _cluster([s.pos for s in vs] + [x0, x1])
    ys = sorted(_cluster([s.pos for s in hs] + [y0, y1]), reverse=True)
    if len(xs) < 2 or len(ys) < 2 or (len(xs) - 1) * (len(ys) - 1) < 2:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    if rows * cols > MAX_CELLS:
        return None  # hatching or a chart's grid, not a table of text
    parent = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def find(k: tuple[int, int]) -> tuple[int, int]:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for r in range(rows):
        ymid = (ys[r] + ys[r + 1]) / 2
        for c in range(cols):
            xmid = (xs[c] + xs[c + 1]) / 2
            if c + 1 < cols and not _covered(vs, False, xs[c + 1], ymid):
                parent[find((r, c))] = find((r, c + 1))
            if r + 1 < rows and not _covered(hs, True, ys[r + 1], xmid):
                parent[find((r, c))] = find((r + 1, c))
    roots: dict[tuple[int, int], int] = {}
    comp = {}
    for rc in sorted(parent):
        comp[rc] = roots.setdefault(find(rc), len(roots))
    if len(roots) < 2:
        return None  # a frame around a passage, not a table
    return Table(x0, y0, x1, y1, xs, ys, comp)
