"""M1 precision: one finding per passage, owners and dates in their usual wordings, reports
about another document, and principles that are no tasks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import lint_text

HEAD = "县机关对照检查材料\n一、存在的问题\n（一）学习不深入。\n二、原因分析\n（一）认识不到位。\n三、整改措施\n"


def codes(text: str, tmp_path: Path, select: str = "M1") -> list[str]:
    return [f.rule for f in lint_text(text, tmp_path, select=select)]


def test_m101_is_silent_on_items_m102_reports_as_one_passage(tmp_path: Path) -> None:
    text = ("关于开展仓库盘点工作的方案\n一、工作目标\n全年完成库存盘点4次。\n二、工作要求"
            "1.提高思想认识，高度重视盘点。2.加强组织领导，各司其职，落到实处。3.精心组织，周密部署，形成合力。")
    found = codes(text, tmp_path)
    assert found.count("M102") == 1
    assert "M101" not in found  # the same passage is not reported again item by item


def test_m101_alone_still_names_the_bare_items(tmp_path: Path) -> None:
    text = ("关于开展仓库盘点工作的方案\n一、工作目标\n全年完成库存盘点4次。\n二、工作要求"
            "1.提高思想认识，高度重视盘点。2.加强组织领导，各司其职，落到实处。3.精心组织，周密部署，形成合力。")
    assert "M101" in codes(text, tmp_path, select="M101")


@pytest.mark.parametrize(
    "measure",
    [
        "整理职工提案。由工会发至各车间答复。",  # 由 + a body + verb
        "完善考勤制度。由人事科审核后执行。",  # 由 + …科
        "调整培训安排。汇总后由工会报送上级。",  # 由 + 工会
        "修订采购办法。纳入明年工作计划。",  # a relative year dates the work
        "推进档案数字化。次年一季度完成扫描。",
    ],
)
def test_owner_and_relative_dates_count(tmp_path: Path, measure: str) -> None:
    assert [f.rule for f in lint_text(HEAD + "1." + measure, tmp_path, select="M101")] == []


def test_m103_counts_owner_named_with_you(tmp_path: Path) -> None:
    text = HEAD + "建议一：收集的意见由办公室发至各科室答复。建议二：由后勤部门研究后纳入明年计划，逐步解决。"
    assert codes(text, tmp_path) == []


def test_a_report_about_drafting_a_document_has_no_measures_of_its_own(tmp_path: Path) -> None:
    text = ("关于年度工作意见起草情况的汇报\n一、起草过程\n办公室会同各部门形成初稿，经两轮修改形成讨论稿。\n"
            "二、文件主要内容：全文分为三个部分。（一）总体思路（二）重点任务（三）保障措施"
            "一是健全考核机制。二是健全督办机制。三是健全通报机制。\n三、需要审议的事项\n审议讨论稿，通过后印发。")
    assert codes(text, tmp_path) == []


def test_the_same_outline_in_a_plan_of_its_own_is_checked(tmp_path: Path) -> None:
    text = ("年度工作意见\n一、总体思路\n围绕全年目标抓好各项工作。\n二、保障措施\n"
            "一是健全考核机制。二是健全督办机制。三是健全通报机制。")
    found = lint_text(text, tmp_path, select="M101")
    assert len(found) == 1  # three bare items in one paragraph: one finding for the run
    assert "一是" in found[0].excerpt and "三是" in found[0].excerpt


def test_m103_leaves_principles_out_of_the_count(tmp_path: Path) -> None:
    text = ("2025年机关工作要点\n一、坚持依法依规办事。各科室遵守有关规定，维护制度权威。\n"
            "二、牢固树立服务意识。全体干部增强服务意识，改进工作作风。\n"
            "三、始终坚持问题导向。把解决实际问题作为工作的出发点。\n"
            "四、完善办文流程。6月底前修订公文处理办法。\n五、加强学习培训。不断提升干部的业务能力。")
    assert "M103" not in codes(text, tmp_path, select="M103")


def test_m103_still_reports_bare_tasks(tmp_path: Path) -> None:
    text = ("2025年机关工作要点\n一、加强制度建设。各科室完善有关规定。\n"
            "二、改进工作作风。全体干部增强服务意识。\n三、推进问题整改。把解决实际问题作为出发点。\n"
            "四、完善办文流程。6月底前修订公文处理办法。\n五、加强学习培训。不断提升干部的业务能力。")
    assert "M103" in codes(text, tmp_path, select="M103")


def test_runs_in_two_items_stay_two_findings(tmp_path: Path) -> None:
    text = ("年度工作意见\n一、总体思路\n围绕全年目标抓好各项工作。\n二、保障措施\n（一）强化队伍。一是充实人员。二是改进培训。"
            "（二）强化考核。一是完善办法。二是严格兑现。")
    found = lint_text(text, tmp_path, select="M101")
    assert [f.excerpt[:4] for f in found] == ["一是充实", "一是完善"]  # one run each, never joined across items


def test_a_drafting_report_is_still_checked_outside_the_summary(tmp_path: Path) -> None:
    text = ("关于年度工作意见起草情况的汇报\n一、起草过程\n办公室会同各部门形成初稿。\n"
            "二、文件主要内容：全文分为三个部分，一是健全考核机制。二是健全督办机制。\n"
            "三、下一步工作\n1.加强学习，提高认识。\n2.各科室在6月底前完成自查。")
    assert [f.block + 1 for f in lint_text(text, tmp_path, select="M101")] == [6]


def test_you_yu_names_no_owner(tmp_path: Path) -> None:
    found = lint_text(HEAD + "1.由于会议室紧张，改进学习安排，提高学习效果。", tmp_path, select="M101")
    assert [f.rule for f in found] == ["M101"]  # 由于 gives a reason, not a responsible office


def test_you_yu_before_a_duty_verb_names_no_owner(tmp_path: Path) -> None:
    found = lint_text(HEAD + "1.由于人员调整落实不到位，今后改进工作方法。", tmp_path, select="M101")
    assert [f.rule for f in found] == ["M101"]


def test_a_run_of_bare_items_says_how_many(tmp_path: Path) -> None:
    text = "年度工作意见\n一、总体思路\n围绕全年目标抓好各项工作。\n二、保障措施\n一是健全考核机制。二是健全督办机制。三是健全通报机制。"
    found = lint_text(text, tmp_path, select="M101")
    assert "连续 3 条措施" in found[0].message
