"""T108 in tables: a 合计 (总计, 共计) row whose figure in a column is not the sum of the rows it totals.

A loader that knows the rows and columns of its tables (.docx: ``w:tr`` and the grid columns of ``w:tc``) gives each
cell's place in ``Document.meta["grid"]`` as (block, table, row, column). A table is judged only when its shape is
plain: one total row, before or after all the rows it sums, no 小计 or 其中 rows, no indented or differently numbered
rows, no budget codes (201, 20101: a 功能分类 table nests its rows, so its rows add up to the total two or three times
over). A column is summed only when every row it totals holds a plain figure or nothing, and its heading names no rate,
share, average, rank, code or date. Figures with decimals, and money (a table in 元, 万元), are compared within the
rounding of the written figures; counts are compared exactly. When every column of two or more disagrees, the table's
rows were likely misread: nothing is said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..context import Context
from ..model import Finding, Rule
from ..textutil import unspaced

_TOTAL_LABELS = frozenset(("合计", "总计", "共计", "总合计"))
_FIGURE = re.compile(r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_EMPTY = frozenset(("", "-", "—", "－", "/", "——", "…"))
# headings of columns whose figures are no parts of a sum: rates, shares, averages, ranks, codes, dates, prices
_NOT_SUMMED = re.compile(r"率|比重|比例|占比|[%％]|平均|人均|均价|单价|价格|排名|名次|序号|编号|代码|编码|"
                         r"年份|年度|日期|时间|电话|号码|标准|系数|指数|得分|分值|评分|等级|增长|增幅|增减|同比|环比|"
                         r"年龄|岁|备注")
# a row that nests others (小计, 其中) or a label numbered as a part of a part: the rows do not simply add up
_NESTING = re.compile(r"小计|其中|^\s*[（(][一二三四五六七八九十\d]+[)）]|^\s*\d+[.．、]|^\s*[\u3000 ]{2,}")
_CODE = re.compile(r"\d{3,}")  # a budget code (201, 20101) or a year: a column of labels that nest


@dataclass(slots=True)
class _Table:
    cells: dict[tuple[int, int], list[int]] = field(default_factory=dict)  # (row, column) -> its blocks
    unknown: bool = False  # a cell whose column could not be told


def _tables(ctx: Context) -> dict[int, _Table]:
    tables: dict[int, _Table] = {}
    grid = ctx.doc.meta.get("grid", ())
    for entry in grid if isinstance(grid, (tuple, list)) else ():
        if not (isinstance(entry, (tuple, list)) and len(entry) == 4 and all(isinstance(v, int) for v in entry)):
            continue  # nothing read from a file is trusted to be well-formed
        index, table, row, col = entry
        if not 0 <= index < len(ctx.doc.blocks):
            continue
        t = tables.setdefault(table, _Table())
        if col < 0:
            t.unknown = True
        t.cells.setdefault((row, col), []).append(index)
    return tables


def _figure(text: str) -> tuple[float, int] | None:
    """A cell's figure and its decimals, or None when the cell holds anything else."""
    m = _FIGURE.fullmatch(text)
    if m is None:
        return None
    return float(m.group().replace(",", "").replace("−", "-")), len(m.group(1) or "")


def table_totals(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """One finding for each table whose total row disagrees with the rows it totals (see the module's text)."""
    if "grid" not in ctx.doc.meta:
        return
    blocks = ctx.doc.blocks
    last_cols: frozenset[int] = frozenset()  # the columns of the table before
    last_totalled = True  # whether the table before has a total row
    for _, t in sorted(_tables(ctx).items()):
        text = {rc: "".join(blocks[i].text for i in ids).strip() for rc, ids in t.cells.items()}
        cols = frozenset(c for _, c in text)
        # a table with the columns of the one before, which has no total of its own, goes on from it (a table broken
        # over pages): its total sums rows this part does not hold
        continued = cols == last_cols and not last_totalled
        last_cols, last_totalled = cols, any(unspaced(s) in _TOTAL_LABELS for s in text.values())
        found = None if t.unknown or continued else _judge(text)
        if found is None:
            continue
        (row, col), total, summed, heading, parts_above, others = found
        index = t.cells[(row, col)][0]
        where = "上面" if parts_above else "下面"
        name = f"“{heading}”一栏" if heading else f"第 {col + 1} 栏"
        more = f"（另有 {others} 栏也对不上）" if others else ""
        cell = blocks[index].text
        start = len(cell) - len(cell.lstrip())
        yield rule.finding(ctx.doc, index, start, len(cell.rstrip()), text=total,
                           detail=f"表格合计行{name}是 {total}，{where}各行相加是 {summed}，两者不符{more}")


def _judge(text: dict[tuple[int, int], str]) -> tuple[tuple[int, int], str, str, str, bool, int] | None:
    """(the total's cell, its text, the sum, the column's heading, whether the parts are above it, how many other
    columns disagree) for the first column that disagrees, or None."""
    rows = sorted({r for r, _ in text})
    cols = sorted({c for _, c in text})
    by_row = {r: [(c, text[(r, c)]) for c in cols if (r, c) in text] for r in rows}
    first_text = {r: next((s for _, s in by_row[r] if s), "") for r in rows}
    totals = [r for r in rows if unspaced(first_text[r]) in _TOTAL_LABELS]
    if len(totals) != 1:
        return None
    total_row = totals[0]
    figured = [r for r in rows if any(_figure(s) is not None for _, s in by_row[r])]
    if total_row not in figured or len(figured) < 3:
        return None
    if total_row == figured[-1]:
        parts, above = figured[:-1], True
    elif total_row == figured[0]:
        parts, above = figured[1:], False
    else:
        return None  # a total in the middle: a table of sections
    header = [r for r in rows if r < figured[0]]
    labels = [first_text[r] for r in parts]
    if any(_NESTING.search(s) or _CODE.fullmatch(s) for s in labels):
        return None
    money = any("元" in s for s in text.values())
    judged: list[tuple[tuple[int, int], str, str, str, bool]] = []
    for c in cols:
        got = _column(text, c, total_row, parts, header, money)
        if got is not None:
            judged.append(got)
    wrong = [j for j in judged if not j[4]]
    if not wrong or (len(judged) >= 2 and len(wrong) == len(judged)):
        return None
    (cell, total, summed, heading, _), others = wrong[0], len(wrong) - 1
    return cell, total, summed, heading, above, others


def _column(text: dict[tuple[int, int], str], c: int, total_row: int, parts: list[int], header: list[int],
            money: bool) -> tuple[tuple[int, int], str, str, str, bool] | None:
    """(the total's cell, its text, the sum, the heading, whether they agree) for column ``c``, or None when the column
    is not one to sum."""
    total_text = text.get((total_row, c), "")
    total = _figure(total_text)
    if total is None:
        return None
    heading = next((text[(r, c)] for r in reversed(header) if text.get((r, c))), "")
    if _NOT_SUMMED.search(heading):
        return None
    values = []
    for r in parts:
        cell = text.get((r, c), "")
        if cell in _EMPTY:
            continue
        got = _figure(cell)
        if got is None:
            return None  # words among the figures: no column of parts
        values.append(got)
    if len(values) < 2:
        return None
    decimals = max(d for _, d in [*values, total])
    summed = sum(v for v, _ in values)
    # figures with decimals, and money, are rounded one by one: their sum may be off by half a unit each
    tolerance = 10 ** -decimals * len(values) / 2 if decimals or money else 1e-9
    shown = f"{summed:.{decimals}f}"
    return (total_row, c), total_text, shown, unspaced(heading), abs(summed - total[0]) <= tolerance
