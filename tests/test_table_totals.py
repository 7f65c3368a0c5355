"""T108 in Word tables: a 合计 row that is not the sum of the rows it totals, on tables written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_docx

from reportlint.testing import lint_path

pytest.importorskip("docx")

HEAD = [("关于各镇危房整治进度的报告", {}), ("各镇整治进度见下表。", {})]


def _t108(tmp_path: Path, rows: list[list[str]], name: str = "t.docx") -> list[tuple[str, str]]:
    path = make_docx(tmp_path / name, [*HEAD, ("附表", {"table": rows})])
    return [(f.excerpt, f.message) for f in lint_path(path, select="T108").findings]


def test_a_total_that_is_not_the_sum_of_its_rows(tmp_path: Path) -> None:
    rows = [["镇名", "排查数", "已整治数"], ["东镇", "78", "60"], ["西镇", "29", "20"], ["南镇", "145", "100"],
            ["北镇", "52", "40"], ["合计", "299", "220"]]
    found = _t108(tmp_path, rows)
    assert [e for e, _ in found] == ["299"]
    assert "“排查数”一栏" in found[0][1] and "304" in found[0][1]


def test_a_total_above_its_rows_and_a_merged_label(tmp_path: Path) -> None:
    rows = [["序号", "单位", "人数"], ["合 计", "", "61"], ["1", "办公室", "12"], ["2", "财务科", "9"],
            ["3", "业务科", "30"]]
    found = _t108(tmp_path, rows)
    assert [e for e, _ in found] == ["61"] and "下面各行相加是 51" in found[0][1]


@pytest.mark.parametrize("rows", [
    # right totals (money rounded to 万元: within half a unit a row)
    [["单位", "资金（万元）"], ["甲", "10.2"], ["乙", "3.4"], ["合计", "13.6"]],
    [["单位", "资金（万元）"], ["甲", "10"], ["乙", "4"], ["丙", "7"], ["合计", "22"]],
    # nested rows: a 小计, a 其中, budget codes
    [["项目", "金额"], ["一般公共服务", "50"], ["其中：人大事务", "20"], ["教育", "30"], ["合计", "80"]],
    [["科目编码", "金额"], ["201", "50"], ["20101", "50"], ["205", "30"], ["合计", "80"]],
    # rates, averages and ranks are no parts of a sum
    [["镇名", "完成率", "排名"], ["东镇", "80", "2"], ["西镇", "90", "1"], ["合计", "85", "3"]],
    # every column off: the rows were misread, nothing is said
    [["镇名", "甲", "乙"], ["东镇", "1", "2"], ["西镇", "3", "4"], ["合计", "9", "9"]],
])
def test_tables_whose_totals_are_right_or_not_plain_sums(tmp_path: Path, rows: list[list[str]]) -> None:
    assert _t108(tmp_path, rows) == []


def test_a_table_broken_over_two_parts_is_not_summed_from_its_last_part(tmp_path: Path) -> None:
    """Two tables of the same columns, the first without a total: the total of the second sums both."""
    first = [["镇名", "排查数"], ["东镇", "78"], ["西镇", "29"]]
    second = [["南镇", "145"], ["北镇", "47"], ["合计", "299"]]
    path = make_docx(tmp_path / "two.docx", [*HEAD, ("附表", {"table": first}), ("（续表）", {"table": second})])
    assert [f for f in lint_path(path, select="T108").findings] == []


def test_a_wrong_total_before_another_table(tmp_path: Path) -> None:
    """The first table's wrong total is reported and the table after it is still read (it crashed the rule once)."""
    first = [["镇名", "户数"], ["东镇", "1"], ["西镇", "2"], ["合计", "9"]]
    second = [["项目", "件数"], ["甲", "1"], ["乙", "2"], ["合计", "3"]]
    path = make_docx(tmp_path / "two.docx", [*HEAD, ("附表1", {"table": first}), ("附表2", {"table": second})])
    found = lint_path(path, select="T108").findings
    assert [(f.rule, f.excerpt) for f in found] == [("T108", "9")]
