"""Document-type profiles: each has a complete fixture that must stay silent and a defective
one that must give exactly its defects, as .txt and as a .docx with Word heading styles."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import txt_to_docx

from reportlint.testing import lint_path, lint_text, session

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"
_, BOOK = session().books()
EXPECTED = {
    "self-inspection": ("对照检查材料", {"S101"}),
    "research-report": ("调研报告", {"S104"}),
    "work-summary": ("工作总结", {"S102"}),
    "debrief": ("述职报告", {"S101"}),
    "plan": ("整改方案", {"S101"}),
    "speech": ("讲话稿", {"N105", "S105"}),
    "bulletin": ("简报", {"S103"}),
    "request": ("请示", {"B103"}),
    "report": ("报告", {"N102"}),
    "notice": ("通知", {"N101"}),  # 一、二、三、二、: an earlier number used again (N101)
    "work-points": ("工作要点", {"M103"}),
    "opinion": ("意见", {"M102"}),  # its tasks are directions: M101 stays silent, the empty words do not
    "gov-work-report": ("政府工作报告", {"N101"}),
    "interpretation": ("政策解读", {"N102"}),  # its measures are the interpreted document's: M101-M103 stay silent
}


def test_every_profile_has_fixtures() -> None:
    assert set(EXPECTED) == set(BOOK.profiles)


@pytest.mark.parametrize("pid", sorted(EXPECTED))
def test_complete_document_is_detected_and_silent(pid: str) -> None:
    result = lint_path(FIXTURES / f"{pid}.txt")
    assert result.doctype == EXPECTED[pid][0]
    assert [(f.rule, f.block + 1, f.excerpt) for f in result.findings] == []


@pytest.mark.parametrize("pid", sorted(EXPECTED))
def test_defective_document_gives_its_defects(pid: str) -> None:
    result = lint_path(FIXTURES / f"{pid}-defective.txt")
    assert {f.rule for f in result.findings} == EXPECTED[pid][1]


@pytest.mark.parametrize("pid", sorted(EXPECTED))
@pytest.mark.parametrize("variant", ["", "-defective"])
def test_docx_with_heading_styles_agrees_with_text(tmp_path: Path, pid: str, variant: str) -> None:
    src = FIXTURES / f"{pid}{variant}.txt"
    text_result = lint_path(src, select="S")
    docx_result = lint_path(txt_to_docx(src, tmp_path / f"{pid}.docx"), select="S")
    assert docx_result.doctype == text_result.doctype
    expected = {f.rule for f in text_result.findings} - {"S105"}  # the docx has a Title-styled line
    assert {f.rule for f in docx_result.findings} - {"S105"} == expected


@pytest.mark.parametrize(
    ("heading", "section"),
    [("一、存在的主要问题", "存在的问题"), ("一、问题和不足", "存在的问题"), ("二、产生问题的根源", "原因分析"),
     ("二、深层次原因剖析", "原因分析"), ("三、下一步整改措施和努力方向", "整改措施"), ("三、整改举措", "整改措施")],
)
def test_section_wording_variants_are_recognised(tmp_path: Path, heading: str, section: str) -> None:
    from reportlint.checks.sections import locate_sections
    from reportlint.engine import analyse, load

    path = tmp_path / "a.txt"
    path.write_text(f"县委常委会对照检查材料\n{heading}\n正文内容。\n", encoding="utf-8")
    registry, book = session().books()
    ctx, _ = analyse(load(path, registry), book, "对照检查材料")
    assert section in locate_sections(ctx)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [("三、一步工作方案", "下一步工作方案"), ("一、存在的主要问", "存在的主要问题"), ("二、问题产生的原", "问题产生的原因")],
)
def test_damaged_headings_suggest_the_intended_title(tmp_path: Path, heading: str, expected: str) -> None:

    text = f"县委常委会对照检查材料\n{heading}\n正文内容。\n二、原因分析\n正文。\n"
    found = lint_text(text, tmp_path, select="S104", profile="对照检查材料" if "问题" in expected or "原因" in expected else "调研报告")
    assert [f.suggestion for f in found] == [heading[:2] + expected]


@pytest.mark.parametrize(("heading", "reported"), [("一、调研选题情况", False), ("一、调研的基本情况", False),
                                                   ("一、工作开展情", True), ("一、工作开情况", True)])
def test_a_heading_with_a_word_added_is_more_specific_not_damaged(tmp_path: Path, heading: str, reported: bool) -> None:

    text = f"关于村级集体经济的调研报告\n{heading}\n课题组走访了十个村。\n二、存在的问题\n收入偏低。\n三、对策建议\n加大扶持。\n"
    assert bool(lint_text(text, tmp_path, select="S104", profile="调研报告")) is reported


@pytest.mark.parametrize("heading", ["三、下步打算", "一、存在问题", "二、工作措施", "一、基本情况",
                                     "三、2025年工作计划", "三、二〇二五年工作思路"])  # the year 明年 speaks of
def test_ordinary_headings_are_not_damaged(tmp_path: Path, heading: str) -> None:

    assert lint_text(f"县机关工作总结\n{heading}\n正文内容。\n", tmp_path, select="S104", profile="工作总结") == []


@pytest.mark.parametrize("pid", sorted(EXPECTED))
def test_complete_document_pasted_as_one_line_stays_silent(tmp_path: Path, pid: str) -> None:
    """The same document with every line break turned into a space, as pasted from a web page."""
    one_line = tmp_path / f"{pid}.txt"
    one_line.write_text((FIXTURES / f"{pid}.txt").read_text(encoding="utf-8").replace("\n", " "), encoding="utf-8")
    result = lint_path(one_line)
    assert result.doctype == EXPECTED[pid][0]
    assert [(f.rule, f.excerpt) for f in result.findings] == []


@pytest.mark.parametrize("pid", sorted(EXPECTED))
def test_pdf_rendition_of_complete_document_stays_silent(tmp_path: Path, pid: str) -> None:
    from conftest import make_pdf

    lines = (FIXTURES / f"{pid}.txt").read_text(encoding="utf-8").splitlines()
    result = lint_path(make_pdf(tmp_path / f"{pid}.pdf", [lines]))
    assert result.doctype == EXPECTED[pid][0]
    assert [(f.rule, f.excerpt) for f in result.findings] == []


def test_a_section_out_of_order_is_named_where_it_comes_too_early(tmp_path: Path) -> None:

    text = "县局党组对照检查材料\n一、整改措施\n（一）加强学习。\n二、存在的主要问题\n（一）学习不够深入。\n三、原因分析\n（一）认识不到位。\n"
    found = [(f.line, f.message) for f in lint_text(text, tmp_path, select="S102")]
    assert found == [(2, "“整改措施”应放在“原因分析”之后，请调整顺序")]
    # an optional section's heading used for another part (工作要求 of what a course must teach) is not placed
    plan = ("课程建设实施方案\n一、工作要求\n（一）注重挖掘思政元素。\n二、重点任务\n（一）推进实施阶段。完成课程修订。\n")
    assert lint_text(plan, tmp_path, select="S102") == []


@pytest.mark.parametrize(("title", "doctype"), [
    # the kind is read outside the 书名号: a 解读 of a plan that quotes the government work report is a 解读, no work
    # report and no plan
    ("《〈政府工作报告〉2025年重点工作任务分工方案》政策解读", "政策解读"),
    ("关于印发《2026年工作要点》的通知", "通知"),
    ("某市《政府工作报告》重点任务分解落实情况的报告", "报告"),
    # 汇报 is a report to superiors, whatever document it tells about
    ("关于年度工作意见起草情况的汇报", "报告"),
    # a unit's annual 工作意见 arranges its year's work, as 工作要点 do; a policy 意见 is another kind
    ("县司法局2026年工作意见", "工作要点"),
    ("县人民政府关于加快发展家庭农场的实施意见", "意见"),
])
def test_the_kind_word_closing_the_title_names_the_kind(tmp_path: Path, title: str, doctype: str | None) -> None:
    assert _doctype(tmp_path, f"{title}\n为做好相关工作，现说明如下。\n") == doctype


def test_an_opinion_sets_directions_not_itemised_tasks(tmp_path: Path) -> None:
    """A policy 意见 leaves owners and deadlines to its task division: no M101 per item. The same items in a plan are
    judged."""
    body = ("一、总体要求\n到2027年，全县家庭农场达到800家。\n二、主要任务\n（一）加强示范引领。鼓励各地培育示范家庭农场。\n"
            "（二）完善服务体系。健全面向家庭农场的社会化服务。\n")
    opinion = "县人民政府关于加快发展家庭农场的实施意见\n" + body
    assert lint_text(opinion, tmp_path, select="M101") == []
    plan = "县加快发展家庭农场实施方案\n" + body
    assert [f.rule for f in lint_text(plan, tmp_path, select="M101")] == ["M101", "M101"]


def _doctype(tmp_path: Path, text: str) -> str | None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return lint_path(path).doctype


@pytest.mark.parametrize(("opening", "doctype"), [
    # the opening cites another document as its basis: that document's kind is not this one's
    ("本学期，学校根据教育局党建工作要点，结合实际，扎实开展各项工作。", None),
    ("按照《县教育局2024年工作要点》部署，学校扎实开展各项工作。", None),
    # … but the opening that names this document's kind, and an occasion it cites, still tell the kind
    ("现将2024年学校工作要点印发给你们，请认真贯彻执行。", "工作要点"),
    ("根据县委关于召开民主生活会的部署，我认真查摆了问题，进行了对照检查。", "对照检查材料"),
    # … a notice named by its subject in the first sentence (按照……关于召开……的通知要求, ……的通知精神) is cited, not
    # this document's glued title
    ("按照县委办、县政府办关于开展作风建设年活动的通知要求，学校扎实开展各项工作。", None),
    ("为认真落实上级关于加强校园安全管理的通知精神，学校扎实开展各项工作。", None),
    ("县教育局关于开展作风建设年活动的通知各学校：现将有关事项通知如下。", "通知"),
])
def test_a_document_the_opening_cites_is_not_its_kind(tmp_path: Path, opening: str, doctype: str | None) -> None:
    assert _doctype(tmp_path, f"{opening}\n一、存在的问题\n（一）学习不够深入。\n") == doctype


def test_a_sharing_sites_counted_title_over_a_text_without_one_names_its_kind(tmp_path: Path) -> None:
    """招商引资工作总结6篇 / 招商引资工作总结篇1 over a text that opens on 一、……: the site's title, residue, names the kind
    (a 工作总结), so its 二、主要工作措施 tells what was done; a contents page's entries over a text name none."""
    body = ("一、目标任务完成情况\n全年引进项目12个，到位资金8.5亿元。\n二、主要工作措施\n"
            "（一）加强组织领导\n年初及时分解目标任务，落实各乡镇的招商责任，形成了齐抓共管的格局。\n")
    sited = "招商引资工作总结6篇\n招商引资工作总结篇1\n" + body
    assert _doctype(tmp_path, sited) == "工作总结"
    assert [f.rule for f in lint_text(sited, tmp_path, select="M101,M103")] == []
    contents = "目 录\n一、部门主要职责\n二、年度工作重点\n三、预算收支说明\n" + body
    assert _doctype(tmp_path, contents) is None


def test_a_summarys_progress_heading_is_its_work_part(tmp_path: Path) -> None:
    from reportlint.checks.sections import locate_sections
    from reportlint.engine import analyse, load

    path = tmp_path / "a.txt"
    # the heading run into its first sentence, as a page's text often has it
    path.write_text("镇河长制2024年工作总结\n一、基本情况\n全镇共有河道12条。\n二、工作进展情况按照县里部署，完成清淤8公里。\n",
                    encoding="utf-8")
    registry, book = session().books()
    ctx, _ = analyse(load(path, registry), book, "工作总结")
    assert "工作开展情况" in locate_sections(ctx)


def test_a_title_naming_a_kind_no_profile_describes_is_not_guessed_from_the_body(tmp_path: Path) -> None:
    # a 函 answering a deputy's proposal names its kind; the body's 走访 and its 意见建议 heading do not make it a
    # research report missing its problems part
    text = ("关于县人大第3号建议答复的函\n李明代表：\n我局经走访调查，答复如下：\n一、基本情况\n全县共有村卫生室86个。\n"
            "二、意见建议办理情况\n我局将争取资金改造村卫生室。\n")
    assert _doctype(tmp_path, text) is None
    assert _doctype(tmp_path, text.replace("答复的函", "调研报告")) == "调研报告"


def test_one_heading_naming_two_parts_is_one_piece_of_evidence(tmp_path: Path) -> None:
    # without a title, the kind guessed from headings needs its parts under headings of their own: 存在的主要问题和
    # 改进措施 closes many kinds of report (an annual disclosure report here), not a 述职报告 short of its 履职情况
    body = "为做好有关工作，现报告如下。\n一、概述\n全年主动公开信息120条。\n二、{}\n公开内容还不够全面。\n"
    assert _doctype(tmp_path, body.format("存在的主要问题和改进措施")) is None
    split = body.format("存在的主要问题\n公开不及时。\n三、改进措施") + "加强培训。\n"
    assert _doctype(tmp_path, split) is not None


def test_a_summarys_results_heading_is_its_work_part(tmp_path: Path) -> None:
    # 一、主要成效: the part on work done, under the 工作总结's usual plain heading
    text = ("县审批局2024年工作总结\n一、主要成效\n全年办理审批事项1.2万件。\n二、存在问题\n部分事项办理时限偏长。\n"
            "三、下一步打算\n2025年6月底前压缩办理时限三成。\n")
    path = tmp_path / "s.txt"
    path.write_text(text, encoding="utf-8")
    assert [f.rule for f in lint_path(path, select="S101").findings] == []


def test_problems_told_in_a_paragraph_without_a_heading_are_the_problems_part(tmp_path: Path) -> None:
    text = ("县卫健局2024年工作总结\n一、主要工作\n全年新建村卫生室12个。\n今年工作虽然取得了进展，但仍存在一些问题，如项目推进较慢、"
            "人才不足。\n二、下一步打算\n2025年6月底前完成8个卫生室改造。\n")
    path = tmp_path / "s.txt"
    path.write_text(text, encoding="utf-8")
    assert lint_path(path, select="S101").findings == []
    # without that paragraph the part is missing
    path.write_text(text.replace("今年工作虽然取得了进展，但仍存在一些问题，如项目推进较慢、人才不足。\n", ""), encoding="utf-8")
    assert [f.rule for f in lint_path(path, select="S101").findings] == ["S101"]


def test_an_areas_heading_naming_duties_is_no_duty_reports_part(tmp_path: Path) -> None:
    """（二）履职尽责方面 under 一、存在的主要问题 is one area of the problems listed, not the part on duties done:
    the text is not taken for a 述职报告, whose order (履职情况 before 存在的不足) S102 would then ask for."""
    text = ("一、存在的主要问题\n（一）思想认识方面。学习停留在读文件、记笔记上，联系实际不够。\n"
            "（二）履职尽责方面。抓落实的韧劲不足，有的工作部署多、督促少。\n")
    assert lint_text(text, tmp_path, select="S102") == []


def test_a_work_plan_under_a_sites_summary_line_is_no_summary(tmp_path: Path) -> None:
    """【摘要】 …… over a sharing site's copy, then ××工作计划范文: the summary line is the site's, and a 工作计划, a kind
    no profile describes, is not read as the summary its 取得的成绩 and 存在的不足 in the background would make it."""
    from reportlint.testing import lint_text

    text = ("【摘要】 2018社区防灾减灾工作计划范文 一、规划背景 (一)当前形势\n2018社区防灾减灾工作计划范文\n一、规划背景\n"
            "(一)取得的成绩\n近年来社区建立了应急队伍。\n(二)存在的不足\n居民防灾意识还不强。\n二、发展目标\n"
            "利用3年时间建成示范社区。\n")
    found = lint_text(text, tmp_path, select="B101,S101,S102,S104,N101,M101")
    assert {f.rule for f in found} == {"B101"}
