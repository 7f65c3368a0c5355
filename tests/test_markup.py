"""B107: Markdown's marks left in a document that is no Markdown file, on texts written for these tests."""

from __future__ import annotations

from pathlib import Path

from reportlint.fix import fix_text
from reportlint.loaders.text import load_text
from reportlint.testing import lint_path, lint_text

PASTED = ("关于做好防汛工作的通知\n各乡镇：\n## 一、加强组织领导\n**落实责任。**各乡镇要在5月底前明确防汛责任人。\n"
          "二、强化隐患排查\n6月10日前完成河道隐患排查。\n")


def test_headings_and_bold_pasted_from_markdown_are_one_finding_with_a_fix(tmp_path: Path) -> None:
    found = lint_text(PASTED, tmp_path, select="B107")
    assert [(f.line, f.column) for f in found] == [(3, 1)]
    assert "2 处" in found[0].message and "“## 一、加强组织领导”" in found[0].message
    path = tmp_path / "doc.txt"
    doc = load_text(path, PASTED.encode())
    fixed = fix_text(PASTED.encode(), doc.blocks, found, dict(doc.meta)).fixed
    assert "一、加强组织领导\n落实责任。各乡镇要在5月底前" in fixed and "#" not in fixed and "*" not in fixed


def test_a_markdown_table_is_reported_without_a_fix(tmp_path: Path) -> None:
    text = "年度工作总结\n| 序号 | 任务 | 完成情况 |\n| --- | --- | --- |\n| 1 | 河道清淤 | 已完成 |\n全年完成清淤12公里。\n"
    found = lint_text(text, tmp_path, select="B107")
    assert [(f.line, bool(f.fix)) for f in found] == [(2, False)]
    assert "3 处" in found[0].message


def test_masked_names_and_other_hashes_are_no_markdown(tmp_path: Path) -> None:
    # stars masking names are B103's placeholders; 11#楼 and a # inside a line are no heading
    text = "年度工作总结\n全县共有***县、**镇参加评比。\n全年完成11#楼改造，#1主变检修完毕。\n"
    assert lint_text(text, tmp_path, select="B107") == []
    assert {f.rule for f in lint_text(text, tmp_path, select="B103,B107")} == {"B103"}
    # two masks that pair up by count: the second follows an opening quote, where no Markdown pair closes
    masked = "经验交流材料\n近年来，**县坚持党建引领，开通“**智慧党建”平台，服务群众。\n"
    assert lint_text(masked, tmp_path, select="B107") == []
    assert [f.rule for f in lint_text(masked, tmp_path, select="B103")] == ["B103"]
    # masked figures before a percent sign pair up by count too
    figures = "经验交流材料\n项目原计划上半年完成**%，实际仅完成**%，差距较大。\n"
    assert lint_text(figures, tmp_path, select="B107") == []
    # two masks of the same place's name, each before its unit (**镇地处……。**镇党委……), after a full stop
    towns = "工作汇报\n全年任务完成。**镇位于县城东部，辖九个村。**镇党委下设十个党支部。\n"
    assert lint_text(towns, tmp_path, select="B107") == []
    assert [f.rule for f in lint_text(towns, tmp_path, select="B103")] == ["B103"]
    assert [f.rule for f in lint_text("工作汇报\n**一是加强领导。**各村成立工作专班。\n", tmp_path,
                                      select="B107")] == ["B107"]
    bold = "经验交流材料\n近年来，**坚持党建引领**，开通“智慧党建”平台。\n"
    assert [f.rule for f in lint_text(bold, tmp_path, select="B103,B107")] == ["B107"]


def test_a_markdown_file_is_not_checked(tmp_path: Path) -> None:
    path = tmp_path / "通知.md"
    path.write_text(PASTED, encoding="utf-8")
    assert lint_path(path, select="B107").findings == []
    txt = tmp_path / "通知.txt"
    txt.write_text(PASTED, encoding="utf-8")
    assert [f.rule for f in lint_path(txt, select="B107").findings] == ["B107"]
