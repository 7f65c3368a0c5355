"""B1 on team-written documents: what must be flagged and what must stay silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import lint_text

INVALID = [
    ("B101", "温馨提示：\n本文档由用户上传，版权归属用户。\n\n网站客服：12345\n关于做好防汛工作的通知\n各乡镇：", [(1, 4)]),
    ("B101", "今天是：\n主办：县委组织部\n县委组织部工作动态\n2024-05-07 10:44\n近日，全县召开会议。", [(1, 2), (4, 4)]),
    ("B101", "讲话\n同志们：\n今天召开会议。\n全文共3200个字。\n原文链接：https://example.com/a.html", [(4, 5)]),
    ("B102", "工作总结\n一、主要工作\n全年完成任务。\n— 2 —\n二、存在问题", [(4, 4)]),
    ("B102", "工作总结\n补助标准为每人每月300元（不含2000元）—3—者除外。", [(2, 2)]),
    ("B103", "关于xx县教育工作的报告\n会议由×××同志主持。\n紧紧围绕市委*总体思路开展工作。", [(1, 1), (2, 2), (3, 3)]),
    ("B103", "通知\n请于【 】前将材料报送至[填写]。", [(2, 2), (2, 2)]),
    ("B104", "工作总结\n坚持以人民为中心的发展思想，扎实推进各项民生工程建设。\n会议强调。坚持以人民为中心的发展思想，扎实推进各项民生工程建设。", [(3, 3)]),
    ("B106", "县委常委会对照检查材料\n县委常委会坚持把理论学习摆在首位。\n区委常委会带头改进作风。\n县委常委会认真落实主体责任。", [(3, 3)]),
]
VALID = [
    ("B101", "关于开展网上申报的通知\n各单位：\n请登录县政务服务网（https://zwfw.example.gov.cn）填报，主办单位：县政务服务中心。\n特此通知。"),
    ("B101", "工作总结\n一、主要工作\n全年举办培训12期，来源于各乡镇的学员共600人。"),
    ("B102", "发展规划\n2021—2025年全县经济保持中高速增长，第3章第5条另有规定。"),
    ("B103", "情况通报\n对王某某、李某某违反中央八项规定精神问题进行了通报。\n升级 Windows XP 系统。"),
    ("B104", "工作总结\n加强学习。\n加强学习。\n全面推进乡村振兴，持续改善农村人居环境。"),
    ("B106", "县委常委会对照检查材料\n在市委指导组的精心指导下，县委常委会认真开展工作。\n我县经济社会发展取得新成效。"),
]


@pytest.mark.parametrize(("code", "text", "spans"), INVALID, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(INVALID)])
def test_invalid(tmp_path: Path, code: str, text: str, spans: list[tuple[int, int]]) -> None:
    found = lint_text(text, tmp_path, select=code)
    assert [(f.block + 1, f.end_block + 1) for f in found] == spans


@pytest.mark.parametrize(("code", "text"), VALID, ids=[f"{c}-{i}" for i, (c, _) in enumerate(VALID)])
def test_valid(tmp_path: Path, code: str, text: str) -> None:
    assert [(f.rule, f.excerpt) for f in lint_text(text, tmp_path, select=code)] == []


def test_placeholder_message_names_what_is_missing(tmp_path: Path) -> None:
    found = lint_text("关于xx县教育工作的报告\n会议由×××同志主持。", tmp_path, select="B103")
    assert "单位或地名" in found[0].message and "姓名" in found[1].message


def test_repeat_points_at_first_occurrence(tmp_path: Path) -> None:
    text = "工作总结\n坚持以人民为中心的发展思想，扎实推进各项民生工程建设。\n坚持以人民为中心的发展思想，扎实推进各项民生工程建设。"
    found = lint_text(text, tmp_path, select="B104")
    assert found[0].related[0]["line"] == 2 and "第 2 段" in found[0].message


def test_page_chrome_words_inside_the_body_are_not_residue(tmp_path: Path) -> None:
    text = "关于举办技能大赛的通知\n各单位：\n为提高职工技能水平，经研究，决定举办全县职工技能大赛，现将有关事项通知如下。\n主办单位：县总工会\n来源：各单位推荐"
    assert lint_text(text, tmp_path, select="B101") == []


LONG_A = "坚持以人民为中心的发展思想扎实推进各项民生工程建设"
LONG_B = "全面推进乡村振兴持续改善农村人居环境提升群众满意度"


@pytest.mark.parametrize(("text", "expected"), [
    # one-sentence paragraphs, none repeated: silent
    (f"工作总结\n{LONG_A}。\n{LONG_B}。\n{LONG_A}，并且更进一步。", []),
    # a whole paragraph of two sentences again: one finding over the paragraph
    (f"工作总结\n{LONG_A}。{LONG_B}。\n会议要求抓好落实。\n{LONG_A}，{LONG_B}！", [(3, 0, None)]),
    # the same sentence twice inside one paragraph
    (f"工作总结\n{LONG_A}。会议要求抓好落实。{LONG_A}。", [(1, len(LONG_A) + 10, 2 * len(LONG_A) + 11)]),
    # a sentence that repeats a whole earlier paragraph written as two sentences
    (f"工作总结\n{LONG_A[:12]}。{LONG_A[12:]}。\n会议要求抓好落实。{LONG_A}。", [(2, 9, len(LONG_A) + 10)]),
    # full-width digits count as the same text
    ("工作总结\n２０２４年全县完成投资３２亿元同比增长百分之十二点五。\n2024年全县完成投资32亿元同比增长百分之十二点五。", [(2, 0, None)]),
])
def test_repeated_passages_at_their_positions(tmp_path: Path, text: str, expected: list) -> None:
    found = lint_text(text, tmp_path, select="B104")
    lines = text.split("\n")
    want = [(block, start, len(lines[block]) if end is None else end) for block, start, end in expected]
    assert [(f.block, f.start, f.end) for f in found] == want
