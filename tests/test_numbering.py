"""N1 rules on team-written documents: what must be flagged, where, and what must stay silent,
in .txt, in .docx with Word numbering and in a .pdf rendition."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import level, make_docx, make_pdf, numbering

from reportlint.testing import lint_path, lint_text

INVALID = [
    ("N101", "工作总结\n一、主要工作\n（一）学习。\n（二）制度。\n（二）监督。\n（三）考核。", [(5, "（二）", "（三）")]),
    ("N101", "工作总结\n一、主要工作\n1.学习。\n1.制度。", [(4, "1.", "2.")]),
    ("N102", "工作总结\n一、成绩\n二、问题\n四、打算", [(4, "四、", "三、")]),
    ("N102", "工作总结\n一、成绩\n（一）甲。\n（二）乙。\n二、问题\n（三）丙。\n（四）丁。", [(6, "（三）", "（一）")]),
    ("N102", "工作要点\n6.甲。\n8.乙。", [(3, "8.", "7.")]),
    ("N103", "调研报告\n二、困难\n（一）思想偏差。\n2.应付心态。\n3.工作难度。", [(4, "2.", "（二）")]),
    ("N103", "工作总结\n一、措施\n1.学习。\n2、制度。", [(4, "2、", "2.")]),
    ("N104", "工作方案\n一、总体要求\n1.指导思想\n（一）坚持方向。\n（二）坚持导向。", [(4, "（一）", None)]),
    ("N105", "对照检查材料\n一、问题\n主要有以下7个方面：\n（一）甲。\n（二）乙。\n（三）丙。\n（四）丁。\n（五）戊。\n（六）己。", [(3, "以下7个方面", None)]),
    ("N105", "讲话\n同志们：\n下面，我强调三点意见。\n一、提高站位\n二、压实责任", [(3, "强调三点意见", None)]),
    ("N105", "调研报告\n建议抓好四方面内容的学习。一是学理论。二是学业务。三是学典型。", [(2, "抓好四方面", None)]),
    ("N106", "工作总结\n一、措施\n（一）、加强学习。\n（二）、完善制度。", [(3, "（一）、", "（一）")]),
    ("N106", "工作总结\n一.主要工作\n二.存在问题", [(2, "一.", "一、")]),
    ("N107", "简报\n一是加强学习。二是完善制度。四是强化监督。", [(2, "四是", "三是")]),
    ("N107", "简报\n一是加强学习。二是完善制度。二是强化监督。", [(2, "二是", "三是")]),
]

VALID = [
    ("correct hierarchy", "工作总结\n一、主要工作\n（一）学习。\n1.集中学习。\n2.个人自学。\n（1）读原著。\n（2）写心得。\n（二）制度。\n二、存在问题\n（一）学习不深。"),
    ("skipped level accepted", "工作方案\n一、总体要求\n1.坚持方向。\n2.坚持导向。\n二、主要任务\n1.整治。"),
    ("inline sequences restart per paragraph", "简报\n一是加强学习。二是完善制度。\n一是强化监督。二是严肃问责。三是通报典型。"),
    ("inline sequence over paragraphs", "讲话\n一是理论学习要深入。\n二是调查研究要扎实。\n三是推动发展要有力。"),
    ("counts that match", "调研报告\n表现在以下三个方面：\n（一）甲。\n（二）乙。\n（三）丙。"),
    ("vague counts", "调研报告\n主要有以下几个方面：\n（一）甲。\n（二）乙。"),
    ("numbers that are not markers", "工作总结\n1.5万元资金已经拨付到位。\n一、二季度完成投资3亿元。\n2023年，全县完成造林3.2万亩。"),
    ("a mid-sentence count", "讲话\n要坚持“四个自信”，做到“两个维护”，不断提高政治能力。"),
    ("an attachment list opens its own list", "情况报告\n一、总体情况\n1．指标完成。\n2．问题分析。\n特此报告。\n附件：1．推进情况表\n2．资金明细表"),
    ("one-line document", "某局2024年工作总结 一、主要工作 （一）加强学习。全年学习24次。（二）完善制度。修订5项。二、存在问题 （一）学习不深。三、下一步打算 （一）每月学习一次。"),
]


@pytest.mark.parametrize(("code", "text", "expected"), INVALID, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(INVALID)])
def test_invalid(tmp_path: Path, code: str, text: str, expected: list) -> None:
    found = lint_text(text, tmp_path, select=code)
    got = [(f.block + 1, f.excerpt, f.suggestion) for f in found]
    want = [(line, excerpt, sugg) for line, excerpt, sugg in expected]
    assert got == want


@pytest.mark.parametrize(("name", "text"), VALID, ids=[v[0] for v in VALID])
def test_valid_stays_silent(tmp_path: Path, name: str, text: str) -> None:
    assert [(f.rule, f.block + 1, f.excerpt) for f in lint_text(text, tmp_path, select="N")] == []


def test_stray_page_numbers(tmp_path: Path) -> None:
    body = "近年来，区委始终坚持把思想政治建设摆在首位，不断完善学习制度，持续加强作风建设，"
    text = "\n".join([f"1、{body * 3}着力构建作风建设的有", f"2、效工作机制，{body * 3}筑牢思想",
                      f"3、防线。{body * 3}不断提高", f"4、能力。{body * 3}"])
    found = lint_text(text, tmp_path, select="N")
    # 2、3、4、 cut sentences; 1、 belongs to the same page-number series
    assert [(f.rule, f.block + 1, f.excerpt) for f in found] == [("N108", i, f"{i}、") for i in range(1, 5)]
    assert "分页页码" in found[0].message and "截断" in found[1].message


def _word_list(tmp_path: Path, restart: bool) -> Path:
    """一、 items with （一） children; without a restart the second parent's list goes on at （三）."""
    lvls = level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）",
                                                          extra="" if restart else '<w:lvlRestart w:val="0"/>')
    xml = numbering(f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    return make_docx(tmp_path / "a.docx", [
        ("县机关工作总结", {"style": "Title"}), ("主要工作", {"num": 1, "ilvl": 0}),
        ("加强学习。", {"num": 1, "ilvl": 1}), ("完善制度。", {"num": 1, "ilvl": 1}),
        ("存在问题", {"num": 1, "ilvl": 0}), ("学习不深。", {"num": 1, "ilvl": 1}),
    ], numbering_xml=xml)


def test_word_list_that_does_not_restart_is_n102(tmp_path: Path) -> None:
    found = lint_path(_word_list(tmp_path, restart=False), select="N").findings
    assert [(f.rule, f.block + 1, f.excerpt, f.suggestion) for f in found] == [("N102", 6, "（三）", "（一）")]


def test_word_list_that_restarts_is_silent(tmp_path: Path) -> None:
    assert lint_path(_word_list(tmp_path, restart=True), select="N").findings == []


def test_pdf_rendition_gives_the_same_numbering_findings(tmp_path: Path) -> None:
    paras = ["一、主要工作", "（一）加强理论学习，全年组织集中学习二十四次。", "（二）完善制度建设，修订完善制度五项。",
             "（二）加强监督检查，开展专项检查三次。", "二、存在问题", "（一）学习还不够深入。"]
    text = "县机关工作总结\n" + "\n".join(paras)
    txt = [(f.rule, f.excerpt) for f in lint_text(text, tmp_path, select="N")]
    pdf = make_pdf(tmp_path / "a.pdf", [["县机关工作总结", *paras]], page_numbers=True)
    assert [(f.rule, f.excerpt) for f in lint_path(pdf, select="N").findings] == txt == [("N101", "（二）")]
