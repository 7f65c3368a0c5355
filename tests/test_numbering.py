"""N1 rules on team-written documents: what must be flagged, where, and what must stay silent,
in .txt, in .docx with Word numbering and in a .pdf rendition."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import level, make_docx, make_pdf, numbering

from reportlint.outline import cn_label
from reportlint.testing import lint_path, lint_text

INVALID = [
    ("N101", "工作总结\n一、主要工作\n（一）学习。\n（二）制度。\n（二）监督。\n（三）考核。", [(5, "（二）", "（三）")]),
    ("N101", "工作总结\n一、主要工作\n1.学习。\n1.制度。", [(4, "1.", "2.")]),
    ("N102", "工作总结\n一、成绩\n二、问题\n四、打算", [(4, "四、", "三、")]),
    ("N102", "工作总结\n一、成绩\n（一）甲。\n（二）乙。\n二、问题\n（一）丙。\n（二）丁。\n三、打算\n（三）戊。\n（四）己。",
     [(9, "（三）", "（一）")]),
    ("N102", "工作要点\n6.甲。\n8.乙。", [(3, "8.", "7.")]),
    ("N103", "调研报告\n二、困难\n（一）思想偏差。\n2.应付心态。\n3.工作难度。", [(4, "2.", "（二）")]),
    ("N103", "工作总结\n一、措施\n1.学习。\n2、制度。", [(4, "2、", "2.")]),
    # stops tied in one list of a count run on through the parts: the document's usual stop decides
    ("N103", "工作安排\n（一）学习\n1.加强学习。\n2.完善制度。\n3.强化监督。\n（二）改革\n4．推进改革。\n5.优化服务。",
     [(7, "4．", "4.")]),
    ("N104", "工作方案\n一、总体要求\n1.指导思想\n（一）坚持方向。\n（二）坚持导向。", [(4, "（一）", None)]),
    ("N105", "对照检查材料\n一、问题\n主要有以下7个方面：\n（一）甲。\n（二）乙。\n（三）丙。\n（四）丁。\n（五）戊。\n（六）己。", [(3, "以下7个方面", None)]),
    ("N105", "讲话\n同志们：\n下面，我强调三点意见。\n一、提高站位\n二、压实责任", [(3, "强调三点意见", None)]),
    ("N105", "调研报告\n建议抓好四方面的岗前培训。一是练体能。二是练技能。三是练指挥。", [(2, "抓好四方面", None)]),
    # what a summary counts out: its highlights (亮点), results, lessons
    ("N105", "工作总结\n全年工作主要有以下三大亮点。（一）项目推进快。（二）服务质量优。（三）群众评价好。（四）品牌影响大。",
     [(2, "以下三大亮点", None)]),
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
    ("counts that match", "调研报告\n短板集中在以下三个方面：\n（一）甲。\n（二）乙。\n（三）丙。"),
    ("highlights that match", "工作总结\n全年形成以下两条经验：\n（一）坚持规划先行。\n（二）坚持群众参与。"),
    ("vague counts", "调研报告\n主要有以下几个方面：\n（一）甲。\n（二）乙。"),
    ("numbers that are not markers", "工作总结\n1.5万元资金已经拨付到位。\n一、二季度完成投资3亿元。\n2023年，全县完成造林3.2万亩。"),
    ("a count kept on through the parts, no part restarting", "重点工作任务\n一、加强组织领导\n（一）健全机制。\n"
     "（二）压实责任。\n二、推进改革\n（三）深化改革。\n（四）扩大试点。"),
    ("an ordinal's number carried to the next line", "排查方案\n一、工作目标\n坚持“质量第\n\n一、用户至上”的原则，开展排查。\n"
     "二、工作重点\n三、工作要求"),
    ("a mid-sentence count", "讲话\n要守住“三条底线”，用好“两张清单”，不断提高服务水平。"),
    ("an attachment list opens its own list", "情况报告\n一、总体情况\n1．指标完成。\n2．问题分析。\n特此报告。\n附件：1．推进情况表\n2．资金明细表"),
    ("a space typed before the mark", "工作要点\n一、加强学习\n二、完善制度\n三 、强化监督\n四、严格考核"),
    ("a space typed before a number's mark", "工作要点\n29.加强学习。\n30.完善制度。\n31 .强化监督。\n32.严格考核。"),
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
    body = "近年来，镇里始终把农村饮水安全放在首位，不断完善管护制度，持续加强水质检测，"
    text = "\n".join([f"1、{body * 3}逐步建立供水设施的长", f"2、效管护机制，{body * 3}守住水源",
                      f"3、底线。{body * 3}不断提升", f"4、质量。{body * 3}"])
    found = lint_text(text, tmp_path, select="N")
    # 2、3、4、 cut sentences; 1、 belongs to the same page-number series
    assert [(f.rule, f.block + 1, f.excerpt) for f in found] == [("N108", i, f"{i}、") for i in range(1, 5)]
    assert "分页页码" in found[0].message and "截断" in found[1].message


def _pages(size: int, count: int) -> list[str]:
    """A text of made-up sentences cut into ``count`` pages of ``size`` characters, the last one shorter."""
    sentence = "本年度我局围绕年度目标，扎实推进各项重点工作，持续改进服务质量，群众满意度逐年提高。"
    text = sentence * (size * count // len(sentence) + 1)
    cuts = [text[k * size:(k + 1) * size] for k in range(count - 1)]
    return [*cuts, text[(count - 1) * size:(count - 1) * size + 40]]


def test_a_sharing_sites_pages_of_one_length_are_page_numbers(tmp_path: Path) -> None:
    # a viewer's pages of 300 characters numbered 1、2、3、: the first page follows a full sentence of the site's head,
    # and each cut leaves one or two pages only (fewer than the three cuts a series needs by itself)
    pages = _pages(300, 3)
    assert all(not p.endswith("。") for p in pages[:2])
    text = "\n".join(f"{i}、{p}" for i, p in enumerate(pages, start=1))
    found = lint_text(text, tmp_path, select="N")
    assert [(f.rule, f.block + 1, f.excerpt) for f in found] == [("N108", i, f"{i}、") for i in range(1, 4)]
    assert all("分页页码" in f.message for f in found)



def test_a_viewers_page_that_stops_at_a_brackets_close_by_chance_is_still_a_page(tmp_path: Path) -> None:
    # three pages of one length, the first of which happens to stop right after a closing bracket
    pages = _pages(300, 3)
    pages[0] = pages[0][:294] + "(5月1日)"
    text = "\n".join(f"{i}、{p}" for i, p in enumerate(pages, start=1))
    found = lint_text(text, tmp_path, select="N")
    assert [(f.rule, f.excerpt) for f in found] == [("N108", f"{i}、") for i in range(1, 4)]


def test_a_viewers_last_page_goes_on_with_the_half_sentence_of_the_page_before(tmp_path: Path) -> None:
    """The text stops on a short last page (3、至31日) that goes on with the page before, which stops inside a bracket
    (……主题活动(5月1日): the bracket may close past the cut, no T102; with the sentence finished it is reported."""
    first, second, _ = _pages(300, 3)
    second = second[:291] + "活动(5月1日"
    cut = f"1、{first}\n2、{second}\n3、至31日"
    assert [f.rule for f in lint_text(cut, tmp_path, select="N108")] == ["N108"] * 3
    assert lint_text(cut, tmp_path, select="T102") == []
    assert lint_text(cut + "，各地要认真组织。", tmp_path, select="T102") != []


def test_a_viewers_first_page_opening_with_the_title_numbers_its_pages(tmp_path: Path) -> None:
    """1、 ……工作方案 为……: the first page opens with the document's title run into its text, so its 1、 and the 2、 of
    the next page are page numbers, though only two pages were copied and the first ends a sentence."""
    page1 = "1、 城区环境整治工作方案 为进一步改善市容市貌，制定本方案。 一、总体目标 " + "全面完成整治任务，群众满意度明显提高。" * 8
    text = page1 + "\n2、清理道路两侧的垃圾杂草，治理乱堆乱放行为。（二）集中整治背街小巷。\n"
    found = lint_text(text, tmp_path, select="N")
    assert [(f.rule, f.excerpt) for f in found] == [("N108", "1、"), ("N108", "2、")]
    assert all("分页页码" in f.message for f in found)
    # … its title letter-spaced, a space after each character, as a cover page sets it
    spaced = page1.replace("城区环境整治工作方案", "整 治 工 作 方 案")
    found = lint_text(spaced + text[len(page1):], tmp_path, select="N")
    assert [(f.rule, f.excerpt) for f in found] == [("N108", "1、"), ("N108", "2、")]
    # … or run into its text with nothing between, under the site's line that names it in 《》 (or names the file)
    for over, title in (("《城区环境整治工作方案》由会员分享，可在线阅读", "城区环境整治工作方案"),
                        ("《整治方案(一).doc》由会员分享，可在线阅读", "书山有路勤为径。城区环境整治工作方案")):
        run_in = over + "\n" + page1.replace("城区环境整治工作方案 ", title) + text[len(page1):]
        found = lint_text(run_in, tmp_path, select="N")
        assert [(f.rule, f.excerpt) for f in found] == [("N108", "1、"), ("N108", "2、")]
    # … and the next page opens in a figure's unit (2、%，……)
    unit = page1 + "\n2、%，比上年提高3个百分点。（二）集中整治背街小巷。\n"
    assert [(f.rule, f.excerpt) for f in lint_text(unit, tmp_path, select="N")] == [("N108", "1、"), ("N108", "2、")]
    # … or with a collection's count run into the text instead of the space (……工作方案通用(三篇)……)
    counted = page1.replace("城区环境整治工作方案 ", "城区环境整治工作方案通用(三篇)")
    found = lint_text(counted + text[len(page1):], tmp_path, select="N")
    assert [(f.rule, f.excerpt) for f in found] == [("N108", "1、"), ("N108", "2、")]


@pytest.mark.parametrize("ends", ["。", ""])
def test_long_items_of_different_lengths_or_ending_their_sentences_are_a_list(tmp_path: Path, ends: str) -> None:
    sentence = "本年度我局围绕年度目标，扎实推进各项重点工作，持续改进服务质量，群众满意度逐年提高"
    if ends:  # items of one length, each a whole sentence
        items = [sentence * 5 + ends] * 3
    else:  # items without end marks, of different lengths
        items = [sentence * 5, sentence * 6, sentence * 4]
    text = "一、工作回顾\n" + "\n".join(f"{i}、{t}" for i, t in enumerate(items, start=1))
    assert [f.excerpt for f in lint_text(text, tmp_path, select="N108")] == []


@pytest.mark.parametrize("announce", ["现将全年工作情况报告", "现就有关工作作简要汇报", "特作如下说明"])
def test_a_list_announced_by_a_paragraph_without_its_end_mark_is_no_cut(tmp_path: Path, announce: str) -> None:
    """现将……报告 without its 。 announces the list below it as 如下 does: its 一、 opens the list, even when the
    item is a whole sentence rather than a short title."""
    intro = "今年以来，我单位在上级的正确领导下，紧紧围绕年度目标任务，狠抓工作落实，各项工作稳步推进，" * 2
    text = f"单位工作总结\n{intro}{announce}\n一、领导重视，制度健全，是完成全年任务的保证。\n二、措施有力。\n"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="N108")] == []


def test_an_item_whose_own_mark_is_typed_twice_is_an_item(tmp_path: Path) -> None:
    """2、、管理到位: the marker's own 、 typed twice is a slip of punctuation (T103), not a page number followed by a
    mark (8、,深入 stays N108)."""
    text = "学校安全工作总结\n一、主要做法\n1、领导重视，责任明确。\n2、、管理到位，常抓重点。\n3、措施得力，效果明显。\n"
    found = lint_text(text, tmp_path, select="N101,N102,N108,T103")
    assert [(f.rule, f.excerpt) for f in found] == [("T103", "、、")]


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


# one-line pastes, conventions and restraint (issue #13): sentences written for these tests

def test_one_line_paste_with_glued_first_items_is_silent(tmp_path: Path) -> None:
    line = ("关于做好秋冬种工作的通知一、目标任务（一）种植面积稳定在上年水平。（二）良种覆盖率达到九成。"
            "二、主要任务（一）抓好学习1.集中学习每月一次。2.个人自学每周一次。（二）完善制度修订五项。"
            "三、保障措施（一）加强领导压实责任。")
    assert [(f.rule, f.excerpt) for f in lint_text(line, tmp_path, select="N")] == []


def test_parts_and_attachments_open_their_own_numbering(tmp_path: Path) -> None:
    text = ("实施方案\n第一部分 总体情况\n一、基本情况\n二、存在问题\n第二部分 工作安排\n一、工作目标\n二、工作措施\n"
            "附件1\n一、职责分工\n二、时间安排")
    assert lint_text(text, tmp_path, select="N") == []


def test_a_list_starting_again_at_one_is_a_new_list(tmp_path: Path) -> None:
    # a notice forwarding a plan: the plan numbers from 一、 again
    text = "通知\n一、高度重视\n二、认真落实\n现将方案印发给你们。\n工作方案\n一、目标任务\n二、实施步骤\n四、保障措施"
    found = lint_text(text, tmp_path, select="N")
    assert [(f.rule, f.block + 1, f.excerpt) for f in found] == [("N102", 8, "四、")]
    assert "上一项是“二、”" in found[0].message


def test_one_step_back_is_a_repeat_a_long_way_back_is_silent(tmp_path: Path) -> None:
    found = lint_text("报告\n一、情况\n二、做法\n三、成效\n二、打算", tmp_path, select="N")
    assert [(f.rule, f.excerpt, f.suggestion) for f in found] == [("N101", "二、", "四、")]
    assert "三、" in found[0].message
    assert lint_text("报告\n1.甲。\n2.乙。\n3.丙。\n4.丁。\n5.戊。\n2.己。\n3.庚。", tmp_path, select="N1") == []


def test_damaged_list_gets_one_finding_at_most(tmp_path: Path) -> None:
    text = "报告\n" + "\n".join(f"{n}.内容。" for n in (1, 2, 4, 5, 5, 7, 9, 9))
    assert len(lint_text(text, tmp_path, select="N101,N102")) <= 1


def test_continuous_count_across_parents_is_a_convention(tmp_path: Path) -> None:
    text = ("若干措施\n（一）加强领导\n1.甲。\n2.乙。\n（二）强化保障\n3.丙。\n4.丁。\n（三）严格考核\n5.戊。\n6.己。")
    assert lint_text(text, tmp_path, select="N") == []


def test_a_count_carried_on_from_the_part_above_under_a_bracketed_item(tmp_path: Path) -> None:
    # 1. under 一、, then 2.–3. under （一） and 4.–5. under （二）: one count through the document, not a 2. standing
    # in for （二）
    text = ("三年行动计划\n一、总体目标\n1.目标。三年内培养技能人才500名。\n二、重点项目\n（一）技能提升行动\n"
            "2.新型学徒制项目。每年培训100人。\n3.工匠培育项目。每年评选10人。\n（二）人才引进行动\n"
            "4.高校毕业生引进项目。每年引进50人。\n5.柔性引才项目。每年签约20人。")
    assert lint_text(text, tmp_path, select="N") == []


def test_a_number_glued_to_the_figure_of_its_title_is_no_missing_item(tmp_path: Path) -> None:
    lines = ["人才工作要点", "1.引才项目。全年引进50人。", "2.208工程项目。全年培养208名青年骨干。", "3.育才项目。全年培训300人次。"]
    assert lint_text("\n".join(lines), tmp_path, select="N102") == []
    del lines[2]
    assert [f.excerpt for f in lint_text("\n".join(lines), tmp_path, select="N102")] == ["3."]


def test_one_half_width_bracket_among_full_width_siblings_is_a_slip(tmp_path: Path) -> None:
    text = "报送材料\n报送材料包括：\n（1）工作总结。\n(2)统计报表。\n（3）典型案例。"
    found = lint_text(text, tmp_path, select="N106")
    assert [(f.excerpt, f.suggestion) for f in found] == [("(2)", "（2）")]
    assert lint_text(text.replace("（", "(").replace("）", ")"), tmp_path, select="N106") == []  # half-width all through


def test_slipped_marker_punctuation_is_reported_item_by_item(tmp_path: Path) -> None:
    line = "会议通知一、有关事项1.按时参会。2。请携带材料。3.着正装。4，提前入场。二、联系方式请电话联系。"
    found = lint_text(line, tmp_path, select="N")
    assert [(f.rule, f.excerpt, f.suggestion) for f in found] == [("N106", "2。", "2."), ("N106", "4，", "4.")]


@pytest.mark.parametrize(("stop", "space"), [(".", " "), ("．", "\u3000")])  # half width; full-width stop and space
def test_spaced_decimal_heading(tmp_path: Path, stop: str, space: str) -> None:
    text = (f"应急预案\n1{stop}风险分析\n1{stop}1危险源\n1{stop}{space}2可能后果\n1{stop}3影响区域\n2{stop}队伍装备"
            f"\n2{stop}1救援队伍")
    found = lint_text(text, tmp_path, select="N106")
    assert [(f.excerpt, f.suggestion) for f in found] == [(f"1{stop}{space}2", "1.2")]


def test_item_whose_text_starts_with_a_number(tmp_path: Path) -> None:
    line = "工作依据一、编制依据1.有关文件。2.上级通知。3.2021年计划执行情况。4.各单位上报情况。"
    assert lint_text(line, tmp_path, select="N") == []


def test_inline_ordinals_restart_under_each_heading(tmp_path: Path) -> None:
    text = "讲话\n一、成绩一是学习深入。二是制度完善。三是作风转变。二、问题二是落实不够。三是监督不严。"
    assert lint_text(text, tmp_path, select="N107") == []


def test_a_series_whose_first_ordinal_is_run_into_its_heading(tmp_path: Path) -> None:
    """A document pasted onto one line: 一是 follows the heading's words with no mark between (问题一是……)."""
    line = "工作总结一、成效明显。二、存在的主要问题一是基层力量薄弱。三是台账不健全。三、下一步打算做好培训。"
    found = lint_text(line, tmp_path, select="N107")
    assert [(f.excerpt, f.suggestion) for f in found] == [("三是", "二是")]
    right = line.replace("三是台账", "二是台账")
    assert lint_text(right, tmp_path, select="N107") == []
    word = "工作总结一、成效明显。二、存在的主要问题统一是前提。三是台账不健全。"  # 统一: no series opens there
    assert lint_text(word, tmp_path, select="N107") == []


def test_a_count_followed_by_its_list_on_the_same_line(tmp_path: Path) -> None:
    """A speech pasted onto one line: the first item follows the claim's sentence (讲三点意见。一、……)."""
    line = ("在全县工作会议上的讲话同志们：下面，我讲三点意见。一、认清形势今年运行平稳。二、突出重点抓好项目建设。"
            "三、转变作风弘扬马上就办精神。四、压实责任细化目标任务。")
    found = lint_text(line, tmp_path, select="N105")
    assert [f.excerpt for f in found] == ["讲三点意见"]
    # a count that is no announcement (较去年增加2个方面) before a list of the whole plan's items
    plan = "工作安排共安排4个方面，较去年增加2个方面。1.抓学习。2.抓制度。3.抓队伍。4.抓作风。"
    assert lint_text(plan, tmp_path, select="N105") == []


def test_a_skip_across_a_line_where_the_site_hid_text_is_no_numbering_slip(tmp_path: Path) -> None:
    """二、 then the site's ---此处隐藏1500字，下载后查看--- then 四、: 三、 was hidden with that text (B101 reports the
    line); across other residue, or with nothing between, 四、 after 二、 is a skip."""
    text = ("县图书馆读书月活动方案\n一、活动时间\n4月1日至30日。\n二、活动主题\n书香满城。\n"
            "---此处隐藏1500字，下载后查看---\n四、活动要求\n各分馆要按时报送活动总结。\n")
    assert lint_text(text, tmp_path, select="N102") == []
    shown = text.replace("---此处隐藏1500字，下载后查看---\n", "")
    assert [f.excerpt for f in lint_text(shown, tmp_path, select="N102")] == ["四、"]
    # … a site's own prompt a user adds to B101's list ([options.B101.extend] hidden_patterns)
    own = text.replace("---此处隐藏1500字，下载后查看---", "【以下内容需付费阅读】")
    assert [f.excerpt for f in lint_text(own, tmp_path, select="N102")] == ["四、"]
    (tmp_path / "reportlint.toml").write_text('[options.B101.extend]\nhidden_patterns = ["以下内容需付费阅读"]\n',
                                              encoding="utf-8")
    assert lint_text(own, tmp_path, select="N102", use_config=True) == []
    # … the prompt inside the paragraph before the next item (书香满城。……此处隐藏1500个字……)
    inside = text.replace("书香满城。\n---此处隐藏1500字，下载后查看---\n", "书香满城，全民共读。……此处隐藏1500个字……\n")
    assert lint_text(inside, tmp_path, select="N102") == []


def test_a_repeat_across_a_line_where_the_site_hid_text_is_no_numbering_slip(tmp_path: Path) -> None:
    """（四） then ……此处隐藏3000个字…… then （三）: the site hid the end of one list and the head of the next (五、实施
    步骤 with its （一） and （二）), so the （三） that follows is the next list's; with nothing hidden it repeats."""
    text = ("县城区餐饮油烟专项治理方案\n一、治理范围\n（一）临街餐馆。\n（二）单位食堂。\n（三）夜市摊点。\n"
            "（四）农家乐。……此处隐藏3000个字……\n（三）巩固阶段。各街道要开展回头看。\n")
    assert lint_text(text, tmp_path, select="N101") == []
    shown = text.replace("……此处隐藏3000个字……", "")
    assert [f.excerpt for f in lint_text(shown, tmp_path, select="N101")] == ["（三）"]


def test_items_opening_with_a_date_leave_no_skip(tmp_path: Path) -> None:
    """1、…… / 2、9月12日，…… / 3、9月20日，…… / 4、……: the outline reads 2、9月 as two months, yet the numbers are all
    there, in order: no skip at 4、. With 3、 missing, 4、 after 2、 is one."""
    text = ("县第二中学督导自查报告\n一、自查过程\n1、成立自查工作小组，制定自查方案。\n2、9月12日，召开全体教师动员会。\n"
            "3、9月20日，各处室分头开展自查。\n4、学校汇总自查结果并公示。\n二、自查结果\n各项指标基本达标。\n")
    assert lint_text(text, tmp_path, select="N102") == []
    missing = text.replace("3、9月20日，各处室分头开展自查。\n", "")
    assert [f.excerpt for f in lint_text(missing, tmp_path, select="N102")] == ["4、"]


def test_a_heading_that_lost_its_numeral_is_named_not_the_next_one(tmp_path: Path) -> None:
    """二、…… / 、评选要求 / 四、……: the number of the line that opens with a bare 、 was lost; N102 names that line
    (应为“三、”), not 四、 as a skip. Without such a line, 四、 is the skip."""
    text = ("关于开展楼宇命名征集活动的通知\n一、征集时间\n即日起至5月底。\n二、征集对象\n全体师生。\n"
            "、评选要求\n名称要简洁好记。\n四、其他事项\n请按时报送。\n")
    found = lint_text(text, tmp_path, select="N102")
    assert [(f.line, f.suggestion) for f in found] == [(6, "三、评选要求")]
    plain = text.replace("、评选要求\n", "")
    assert [f.excerpt for f in lint_text(plain, tmp_path, select="N102")] == ["四、"]


def test_an_inline_run_of_a_later_part_is_no_list_of_a_count(tmp_path: Path) -> None:
    """A plan pasted as one line: 两项任务：…… then 3.…… 二、…… 1.…… 一是……四是: the run belongs to the later part."""
    line = ("学校工作计划一、工作目标 1.一个定位：建设区内一流的特色学校。 2.两项任务：抓好课堂改革，提升队伍素质。 "
            "3.三项活动：读书节、科技节、体艺节。 二、主要措施 1.抓好课程建设。一是开发校本课程。二是改进课堂教学。"
            "三是规范作业管理。四是丰富社团活动。")
    assert lint_text(line, tmp_path, select="N105") == []
    # the run right after its count is still compared
    counted = line.replace("2.两项任务：抓好课堂改革，提升队伍素质。", "2.两项任务：一是抓好课堂改革。二是提升队伍素质。三是建好家长学校。")
    assert [f.excerpt for f in lint_text(counted, tmp_path, select="N105")] == ["两项任务"]


def _heading_docx(tmp_path: Path, paras: list[tuple[str, str | None]], rows: list[list[str]]) -> Path:
    return make_docx(tmp_path / "h.docx", [(t, {"style": s} if s else {}) for t, s in paras[:-1]]
                     + [(paras[-1][0], {"table": rows})])


def test_heading_styles_and_tables_give_the_txt_findings(tmp_path: Path) -> None:
    paras = [("县机关年度工作总结", "Title"), ("一、主要工作", "Heading 1"),
             ("我们围绕以下三个方面开展工作：", None), ("（一）加强学习", "Heading 2"),
             ("全年集中学习二十次。", None), ("（二）完善制度", "Heading 2"), ("修订制度五项。", None),
             ("二、存在问题", "Heading 1"), ("（一）学习不够深入", "Heading 2"), ("见下表。", None)]
    rows = [["序号", "事项"], ["1.", "学习"], ["2.", "制度"], ["（一）", "考核"]]
    text = "\n".join(t for t, _ in paras) + "\n" + "\n".join(c for r in rows for c in r)
    txt = [(f.rule, f.excerpt) for f in lint_text(text, tmp_path, select="N")]
    docx = [(f.rule, f.excerpt) for f in lint_path(_heading_docx(tmp_path, paras, rows), select="N").findings]
    assert docx == [("N105", "以下三个方面")]
    assert ("N105", "以下三个方面") in txt


def test_count_over_lettered_list(tmp_path: Path) -> None:
    text = "项目指南\n本项目拟推进以下五大攻关任务：\n（a）建设数据平台\n（b）研发核心算法\n（c）搭建验证环境\n（d）形成标准规范"
    found = lint_text(text, tmp_path, select="N105")
    assert [(f.block + 1, f.excerpt) for f in found] == [(2, "以下五大攻关任务")]


def test_inner_ordinal_run_nested_in_an_outer_one(tmp_path: Path) -> None:
    line = ("调研报告 主要问题有：一是任务重。二是压力大。三是培训多。具体为：一是打卡频繁。二是考试过多。"
            "四是考核难。")
    found = lint_text(line, tmp_path, select="N107")
    assert [(f.excerpt, "三是" in f.message and "四是" in f.message) for f in found] == [("一是", True)]


def test_a_sublist_after_a_colon_inside_the_first_item_is_an_inner_run(tmp_path: Path) -> None:
    """一是……。签约的项目有2个：一是……；二是……。二是……: the outer run goes on at 二是; what is said is that both
    levels use the same ordinals, never that the outer 二是 repeats."""
    line = ("工作总结 今年重点抓了三件事。一是招商引资成效明显。签约的项目有2个：一是食品加工厂，投资1亿元；"
            "二是物流园，投资2亿元。二是农业结构持续优化。三是民生保障有力。")
    found = lint_text(line, tmp_path, select="N107")
    assert [(f.excerpt, "外层" in f.message) for f in found] == [("一是", True)]


def test_serial_number_column_of_a_docx_table(tmp_path: Path) -> None:
    rows = [["序号", "单位", "名额"]] + [[str(n), f"单位{n}", "3"] for n in (1, 2, 3, 4, 5, 5)] + [["合计", "", "18"]]
    path = make_docx(tmp_path / "t.docx", [("名额分配表", {"style": "Title"}), ("分配如下：", {"table": rows})])
    found = lint_path(path, select="N1").findings
    assert [(f.rule, f.excerpt.split("\n")[0], f.excerpt.split("\n")[-1], "应为“6”" in f.message) for f in found] == [
        ("N101", "5", "5", True)]


def test_two_table_columns_read_as_one_list_are_silent(tmp_path: Path) -> None:
    text = "决算表\n项目\n合计\n一、一般公共预算\n一、一般公共服务支出\n1,200\n二、政府性基金\n二、教育支出\n3,400\n三、国有资本\n三、科学技术支出\n560"
    assert lint_text(text, tmp_path, select="N1") == []


def test_attachment_glued_to_the_text_opens_a_scope(tmp_path: Path) -> None:
    line = ("申报通知一、项目申报1.按时申报。2.材料齐全。二、项目报送1.统一报送。2.逾期不收。"
            "特此通知。附件2 项目任务书填写说明1.本表用A4纸。2.字体为四号。3.须加盖公章。")
    assert lint_text(line, tmp_path, select="N1") == []


def test_garbled_opening_bracket(tmp_path: Path) -> None:
    line = "申报要求 一、试点项目 }1)省级试点项目按年度申报。2.示范项目按批次申报。"
    found = lint_text(line, tmp_path, select="N106")
    assert [(f.excerpt, f.suggestion) for f in found] == [("}1)", "（1）")]


def test_lost_page_orphans_get_one_explanation(tmp_path: Path) -> None:
    text = ("工作通知\n一、总体要求\n二、申报范围\n（一）重点领域。\n（二）一般领域。\n（二）民生领域。\n（三）生态领域。\n"
            "四、申报程序\n（一）按时申报。")
    found = lint_text(text, tmp_path, select="N101,N102")
    # one passage, one finding: the orphan finding names the skip 二、 → 四、 too
    assert [(f.rule, f.block + 1, f.end_block + 1) for f in found] == [("N102", 6, 8)]
    assert found[0].excerpt.startswith("（二）民生领域") and found[0].excerpt.endswith("四、申报程序")
    assert "三、" in found[0].message and "二、" in found[0].message


def test_lost_page_in_a_one_line_document_spans_to_the_resumed_heading(tmp_path: Path) -> None:
    line = ("工作通知 一、总体要求。按期完成。二、申报范围(一)重点领域。包括农业。(二)一般领域。包括工业。"
            "(二)民生领域。包括教育。(三)生态领域。包括环保。四、申报程序(一)按时申报。逾期不收。")
    found = lint_text(line, tmp_path, select="N101,N102")
    assert [f.rule for f in found] == ["N102"]
    assert found[0].excerpt.startswith("(二)民生领域") and found[0].excerpt.endswith("四、申报程序")


def test_enumeration_in_a_sentence_against_its_count(tmp_path: Path) -> None:
    wrong = "调研报告\n本次调研从思想建设、组织建设、作风建设、纪律建设和制度建设5个方面展开，又从学习、工作、生活等4个方面了解情况。"
    found = lint_text(wrong, tmp_path, select="N105")
    assert found == []  # 5 = five named (和 joins the last two); 等 then 4 = …named three, the rest unnamed
    wrong = "调研报告\n本次调研从思想建设、组织建设、作风建设、纪律建设等3个方面展开。"
    found = lint_text(wrong, tmp_path, select="N105")
    assert [(f.excerpt[-4:], "4 项" in f.message) for f in found] == [("3个方面", True)]


def test_article_number_is_no_count(tmp_path: Path) -> None:
    text = "管理办法\n第四条 各部门履行下列职责：\n（一）负责数据采集；\n（二）负责数据共享。"
    assert lint_text(text, tmp_path, select="N105") == []


def test_a_count_inside_a_statement_announces_nothing(tmp_path: Path) -> None:
    # a title or line that says something with a number in it (三点做实) lists nothing after it
    text = "紧盯三点做实社区治理新局面\n一、总体情况\n二、专项整治\n三、源头治理"
    assert lint_text(text, tmp_path, select="N105") == []
    listed = "我们的做法有以下两个方面\n一、专项整治\n二、源头治理\n三、结对帮扶"
    assert [f.excerpt for f in lint_text(listed, tmp_path, select="N105")] == ["以下两个方面"]


def test_single_duplicate_beside_a_skipped_parent_is_a_duplicate(tmp_path: Path) -> None:
    line = ("实施方案一、目标二、任务(一)整治甲1.精简会议。2.规范督查。(二)整治乙1.严控接待。2.严查吃喝。"
            "(二)整治丙1.规范用车。四、要求(一)加强领导。")
    found = lint_text(line, tmp_path, select="N101,N102")
    assert [(f.rule, f.excerpt) for f in found] == [("N101", "(二)"), ("N102", "四、")]


def test_row_labels_of_a_financial_table_keep_their_printed_form(tmp_path: Path) -> None:
    text = "预算表\n一、财政拨款收入\n1、一般公共预算资金 9,501,164\n2、政府性基金 1,200,000\n3、国有资本经营预算"
    assert lint_text(text, tmp_path, select="N106") == []


def test_row_labels_of_a_financial_table_pasted_as_one_line_keep_their_printed_form(tmp_path: Path) -> None:
    """All the items in one paragraph: the paragraph's figures are looked up once and answer for each list."""
    line = "预算表 一、收入 1、一般公共预算资金 9,501,164 2、政府性基金 1,200,000 3、国有资本经营预算 二、支出 1、基本支出"
    assert lint_text(line, tmp_path, select="N106") == []
    assert [f.excerpt for f in lint_text(line.replace(",", ""), tmp_path, select="N106")] == ["1、"]


def test_cited_clause_is_no_item(tmp_path: Path) -> None:
    line = ("管理通知一、工作要求(一)落实责任。(二)依法处置，依照本办法第三条(三)项规定处理。(三)加强监督。"
            "二、其他事项请遵照执行。")
    assert lint_text(line, tmp_path, select="N1") == []


def test_number_glued_to_a_reference_is_no_item(tmp_path: Path) -> None:
    line = "申报通知一、申报要求主要有以下两项：1.按时申报。2.材料齐全，格式详见附件3.请各单位认真核对。二、联系方式略。"
    assert lint_text(line, tmp_path, select="N1") == []


def test_row_labels_of_a_budget_table_are_no_numbering_habit(tmp_path: Path) -> None:
    # a budget form read out of a PDF: labels and figures interleave, 1、 labels are the form's own
    table = ("收支预算总表\n项目\n预算数\n一、财政拨款收入\n1,250,000\n1、一般公共预算资金\n1,250,000\n"
             "2、政府性基金\n0\n3、国有资本经营预算\n0\n二、事业收入\n30,000")
    assert lint_text(table, tmp_path, select="N106") == []
    body = "情况说明\n一、收入情况\n1、财政拨款收入增加。\n2、事业收入减少。\n二、支出情况\n1、基本支出增加。"
    found = lint_text(body, tmp_path, select="N106")
    assert [(f.block + 1, f.excerpt) for f in found] == [(3, "1、")]
    assert "全文共 3 处" in found[0].message and "组" not in found[0].message
    # short headings, one of them beside a page folio left in the text: still the document's own list
    headings = "工作方案\n一、保障措施\n1、组织领导\n- 2 -\n2、资金保障\n3、督查考核\n各单位要抓好落实。"
    assert [f.excerpt for f in lint_text(headings, tmp_path, select="N106")] == ["1、"]


def test_word_list_labels_with_a_bad_stop_are_fixed_in_the_list_format(tmp_path: Path) -> None:
    lvls = level(0, "chineseCounting", "%1、") + level(1, "decimal", "%2、")
    xml = numbering(f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    path = make_docx(tmp_path / "a.docx", [
        ("技术总结", {"style": "Title"}), ("技术路线", {"num": 1, "ilvl": 0}), ("结构建模", {"num": 1, "ilvl": 1}),
        ("布线优化", {"num": 1, "ilvl": 1}), ("实施过程", {"num": 1, "ilvl": 0}), ("数据准备", {"num": 1, "ilvl": 1}),
    ], numbering_xml=xml)
    found = lint_path(path, select="N106").findings
    assert [(f.block + 1, f.excerpt) for f in found] == [(3, "1、")]
    assert "Word 自动编号" in found[0].message and "编号格式" in found[0].message


def test_half_width_bracket_markers_in_a_full_width_text(tmp_path: Path) -> None:
    text = ("实施方案\n一、工作任务\n(1)设备购置（含安装调试）。\n(2)系统改造（由信息公司负责）。\n"
            "(3)推广应用（年底前完成）。")
    found = lint_text(text, tmp_path, select="N106")
    assert [(f.block + 1, f.excerpt, f.suggestion) for f in found] == [(3, "(1)", "（1）")]
    assert "共 3 处" in found[0].message
    # (一) holds a Chinese numeral: T103 reports it with the half-width pairs of Chinese text, once; N106 says nothing
    chinese = text.replace("(1)", "(一)").replace("(2)", "(二)").replace("(3)", "(三)")
    assert lint_text(chinese, tmp_path, select="N106") == []
    assert [f.excerpt for f in lint_text(chinese, tmp_path, select="T103")] == ["(一)"]
    # brackets half-width throughout (a converted text): the markers follow the text's own habit
    converted = text.replace("（", "(").replace("）", ")")
    assert lint_text(converted, tmp_path, select="N106") == []
    # markers run into the sentence before them: T103 reports the half-width marks there
    inline = "实施方案 一、工作任务(一)设备购置（含安装）。二、推进步骤(一)试点(二)推广（年底前完成）。"
    assert lint_text(inline, tmp_path, select="N106") == []


# N105 stated durations: sentences written for these tests

DURATION_MISMATCHES = [
    ("监测平台项目周期为12个月，即2026年1月—2027年12月，分两期建设。", "周期为12个月", "24个月"),
    ("本轮河道清淤为期三年（2024—2025年），逐段验收。", "为期三年", "2年"),
    ("自2026年3月至2026年10月，为期6个月，完成全部管网改造。", "为期6个月", "8个月"),
    ("物业服务期为2年，自2025年1月1日至2027年12月31日止。", "服务期为2年", "3年"),
    ("集中整治为期一年（2026年1月至2027年底），分季度督查。", "为期一年", "2年"),
    ("力争用两年时间（2025年至2028年）完成老旧泵站改造。", "用两年时间", "4年"),
    ("夏季专项检查共4个月（2026年6—8月），每周通报。", "共4个月", "3个月"),
    ("自6月至9月，为期两个月，对辖区游泳场所逐一检查。", "为期两个月", "4个月"),
    # a proposed term, hedged: the figure is still the plan's own
    ("污水管网改造工期暂定为18个月，即2026年3月—2026年12月。", "工期暂定为18个月", "10个月"),
    ("课题研究周期初步为6个月，即2025年9月—2026年8月，按季度检查进度。", "周期初步为6个月", "12个月"),
]


@pytest.mark.parametrize(("sentence", "claim", "actual"), DURATION_MISMATCHES)
def test_stated_duration_that_the_dates_do_not_fit(tmp_path: Path, sentence: str, claim: str, actual: str) -> None:
    found = lint_text("实施方案\n" + sentence, tmp_path, select="N105")
    assert [(f.rule, f.block + 1) for f in found] == [("N105", 2)]
    assert claim in found[0].message and actual in found[0].message
    # the place marked runs over the duration and its dates, whichever comes first
    excerpt = found[0].excerpt
    assert claim in excerpt and excerpt.strip("（(，, 即自从止）)") != claim
    assert sentence.index(excerpt) <= min(sentence.index(claim), sentence.index(excerpt[-3:]))


DURATIONS_THAT_FIT = [
    "工期为12个月，即2026年1月—2026年12月，年底前交付使用。",  # both end months counted
    "工期为12个月，即2026年1月—2027年1月。",  # months between the ends, also said
    "为期两年（2026年3月—2028年2月），滚动推进。",
    "为期三年（2024—2026年），每年评估一次。",
    "计划用3年时间(2024年至2026年)完成改造。",
    "夏季专项检查共3个月（2026年6—8月），每周通报。",
    "游泳场所检查为期3个月（6月至8月）。",
    "冬季供暖检查为期5个月（11月至次年3月）。",  # the year turns: not read
    "自2025年1月至2026年6月，共12个月水质全部达标。",  # a count of months, not the length
    "服务期为3年，自2025年1月1日至2027年12月31日。",
    "为期10个月（2026年3月—12月），按月调度。",
    "近三年（2021—2024年）累计投入资金八千万元。",  # 近 makes the figure approximate
    "为期一年半（2026年1月—2027年6月）。",
    "为期18个月（2025—2026年），分两段实施。",  # months against whole years: unknown
    "试点为期两年。2024—2026年全面推开。",  # not tied in one sentence
    "课题研究周期初步为12个月，即2025年9月—2026年8月。",
    "建设期预计为两年（2026—2027年），分段验收。",
]


@pytest.mark.parametrize("sentence", DURATIONS_THAT_FIT)
def test_durations_that_fit_or_are_not_tied_stay_silent(tmp_path: Path, sentence: str) -> None:
    assert lint_text("实施方案\n" + sentence, tmp_path, select="N105") == []


def test_majority_style_is_the_most_common_and_the_first_seen_of_equals() -> None:
    """The list's yardstick style, counted once per style: the plain definition (count every style
    against every item) on random lists, slips left out."""
    import random

    from reportlint.checks.numbering import _majority_style, _slip
    from reportlint.outline import Item, Marker

    rng = random.Random(5)
    forms = [("ar", "", "", "."), ("ar", "", "", "、"), ("ar", "", "", "。"), ("cn", "", "", "、"),
             ("cn-paren", "（", "）", ""), ("ar-paren", "（", "）", "")]
    for _ in range(300):
        items = [Item(Marker(0, 0, 1, family, k + 1, opener, closer, punct), -1, 0)
                 for k, (family, opener, closer, punct) in enumerate(rng.choices(forms, k=rng.randint(0, 9)))]
        styles = [it.marker.style for it in items if not _slip(it.marker)]
        expected = max(styles, key=lambda st: (styles.count(st), -styles.index(st))) if styles else ""
        assert _majority_style(items) == expected


def test_an_ordinal_glued_to_the_text_before_it_is_not_skipped(tmp_path: Path) -> None:
    # 第三， follows a photo credit with no punctuation between: the ordinal is there, only not
    # at a sentence start, so 第四， does not skip it
    text = ("县长在防汛工作会议上的讲话\n第一，压实责任。各乡镇要落实包村干部。第二，加强巡查。水库要每日巡查两次。"
            "图为县长检查堤防。 本报记者 王明/摄第三，备足物资。沙袋要提前运到险段。第四，严格值守。汛期实行领导带班。\n")
    assert lint_text(text, tmp_path, select="N107") == []
    skipped = text.replace("图为县长检查堤防。 本报记者 王明/摄第三，备足物资。沙袋要提前运到险段。", "")
    assert [f.rule for f in lint_text(skipped, tmp_path, select="N107")] == ["N107"]


def test_an_inline_item_opening_with_a_roman_numeral_in_latin_letters_keeps_its_number(tmp_path: Path) -> None:
    """3.I、II类缺陷… is item 3 of a one-line list: without it, 4. would look like a skip after 2."""
    text = ("关于加强设备巡检的几项措施的汇报一、基本情况现提出以下措施。1.发生一般缺陷的，由班组处理。"
            "2.发生严重缺陷的，由车间处理。3.I、II类缺陷连续出现两次的，提级处理。4.发生危急缺陷的，由公司处理。"
            "二、需要决策事项提请审议。")
    assert [f.rule for f in lint_text(text, tmp_path, select="N1")] == []
    assert [f.rule for f in lint_text(text.replace("3.I、", "I、"), tmp_path, select="N102")] == ["N102"]


def test_mixed_stop_widths_in_one_list_are_seen_past_the_one_style_fast_path(tmp_path: Path) -> None:
    # 1. and 3． are one style (ar.) with two stop widths: the list is not uniform
    text = "工作安排\n1.统一思想。\n2.压实责任。\n3．加强督查。\n4．严格考核。"
    found = lint_text(text, tmp_path, select="N103")
    assert [(f.excerpt, f.suggestion) for f in found] == [("3．", "3.")]


def test_serial_column_skip_read_from_the_breaks_both_modes_share(tmp_path: Path) -> None:
    rows = [["序号", "单位", "名额"]] + [[str(n), f"单位{n}", "3"] for n in (1, 2, 3, 5, 6, 7)]
    path = make_docx(tmp_path / "t.docx", [("名额分配表", {"style": "Title"}), ("分配如下：", {"table": rows})])
    found = lint_path(path, select="N101,N102").findings
    assert [(f.rule, f.excerpt, f.suggestion) for f in found] == [("N102", "5", "4")]


def test_stated_counts_found_from_their_measure_word(tmp_path: Path) -> None:
    # counts of one to three numerals, digits and 两, and a qualified count (五大…任务), each tried only
    # where a numeral stands right before a measure word; a paragraph with 一个 but no claim costs nothing
    text = ("工作报告\n这是一个开头，有一项说明。\n下面讲十二个问题：\n一、甲\n二、乙\n"
            "抓好两项工作：\n（一）甲\n（二）乙\n（三）丙\n推进五大攻关任务：\n1.甲\n2.乙")
    found = lint_text(text, tmp_path, select="N105")
    assert [(f.block, f.excerpt) for f in found] == [(2, "讲十二个问题"), (5, "抓好两项工作"), (9, "五大攻关任务")]


def test_enumeration_found_in_its_own_run_of_a_long_paragraph(tmp_path: Path) -> None:
    # the enumeration is one run among others split by commas, with 、 elsewhere in the paragraph too
    text = ("调研报告\n这次调研覆盖市、县两级，历时一个月，重点围绕思想建设、组织建设、作风建设等2个方面展开，"
            "共走访甲、乙、丙三地。")
    found = lint_text(text, tmp_path, select="N105")
    assert [(f.block, f.excerpt) for f in found] == [(1, "重点围绕思想建设、组织建设、作风建设等2个方面")]


def test_two_ordinals_are_enough_for_a_repeated_one(tmp_path: Path) -> None:
    text = "工作报告\n主要做法：二是加强学习，二是完善制度。\n"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="N107")] == ["二是"]


def test_circled_numbers_one_to_nine_open_items_like_ten_and_after(tmp_path: Path) -> None:
    """①–⑨ are digits to ``str.isdigit`` (not decimals): a block opening with one was taken for an Arabic
    number, matched none and was no item at all, so a skip among them went unseen; ⑩ and after always worked."""
    text = "关于开展检查的通知\n一、检查内容\n①组织领导情况。\n②制度建设情况。\n④整改落实情况。\n二、工作要求\n请按时报送。\n"
    assert [(f.block, f.excerpt) for f in lint_text(text, tmp_path, select="N102")] == [(4, "④")]
    later = "关于开展检查的通知\n一、检查内容\n⑩组织领导情况。\n⑪制度建设情况。\n⑬整改落实情况。\n"
    assert [(f.block, f.excerpt) for f in lint_text(later, tmp_path, select="N102")] == [(4, "⑬")]


def test_a_serial_column_holding_a_circled_or_superscript_number_ends_there(tmp_path: Path) -> None:
    """int() reads decimals only: a 序号 cell of ② or ³ (digits to ``str.isdigit``) ends the column instead of
    crashing the rule (X100)."""
    for odd in ("②", "³"):
        rows = [["序号", "单位", "名额"]] + [[str(n), f"单位{n}", "3"] for n in (1, 2, 3, 4, 5)] + [[odd, "单位", "3"]]
        path = make_docx(tmp_path / f"t{ord(odd)}.docx", [("名额分配表", {"style": "Title"}),
                                                         ("分配如下：", {"table": rows})])
        found = lint_path(path).findings
        assert not [f for f in found if f.rule == "X100"], [f.message for f in found if f.rule == "X100"]


def test_blocks_with_a_claim_agree_with_the_plain_scan() -> None:
    """``_blocks_with`` looks only in the blocks where a stated duration's unit (年, 个月) follows a
    numeral a head word may end before: the blocks are those a scan of the whole text finds."""
    import random
    from types import SimpleNamespace

    from reportlint.checks.numbering import _blocks_with
    from reportlint.durations import CLAIM_CORE
    from reportlint.model import Block
    from reportlint.scan import Body

    rng = random.Random(17)
    words = ["为期", "历时", "周期为", "共计", "共", "用", "三", "两", "12", "1", "个月", "年", "个", "月", "时间",
             "，", "期", "为", "建设期", "实施", "十二"]
    for _ in range(1500):
        blocks = tuple(Block(i, "".join(rng.choice(words) for _ in range(rng.randint(0, 6))))
                       for i in range(rng.randint(1, 5)))
        residue = {i for i in range(len(blocks)) if rng.random() < 0.2}
        ctx = SimpleNamespace(body=Body(blocks), residue=residue, doc=SimpleNamespace(blocks=blocks))
        want = sorted({b.index for b, _, _ in ctx.body.finditer(CLAIM_CORE)} - residue)
        assert [b.index for b in _blocks_with(ctx, CLAIM_CORE)] == want, [b.text for b in blocks]


def test_a_next_level_marker_under_a_titled_heading_is_no_mixed_sibling(tmp_path: Path) -> None:
    """一、 as a heading line, an unnumbered sub-heading under it, then （二）: the first sub-item lost its label;
    asking to turn （二） into 二、 would be wrong. With 三、 next, （二） is the part 二、 written in the wrong style."""
    lost = ("县农业局2024年工作总结\n一、主要工作\n抓好粮食生产，稳定播种面积\n今年以来，我局抓好各项工作。\n"
            "（二）促进农民增收\n发展特色产业。\n二、存在问题\n部分项目进度偏慢。\n")
    assert [f.rule for f in lint_text(lost, tmp_path, select="N103")] == []
    wrong_style = ("县农业局2024年工作总结\n一、主要工作\n今年以来，我局抓好各项工作。\n（二）存在问题\n"
                   "部分项目进度偏慢。\n三、下一步打算\n加快项目建设。\n")
    assert [(f.rule, f.excerpt) for f in lint_text(wrong_style, tmp_path, select="N103")] == [("N103", "（二）")]


def test_a_list_after_a_lead_in_that_lost_its_colon_is_no_stray_marker(tmp_path: Path) -> None:
    """现制定以下实施办法 / 一、总体要求: the sentence announces the list; the colon is missing, the marker is real."""
    lead = ("为进一步做好全县居家养老服务工作，切实解决困难老年人就餐、助洁、就医等实际需求，根据上级有关文件精神，结合我县实际，"
            "经县政府研究同意，在广泛征求各乡镇、各有关部门和部分老年人代表意见的基础上，现制定以下实施办法")
    text = f"县居家养老服务实施办法\n{lead}\n一、总体要求\n坚持政府主导。\n二、主要任务\n建设助餐点十个。\n"
    assert [f.rule for f in lint_text(text, tmp_path, select="N108")] == []
    # a marker inside the sentence that runs on after it (……现将有关工作安排 / 一、部署如下，……) cuts it; a heading line
    # after it (一、总体要求) opens the list whose 如下： was lost
    cut = text.replace("现制定以下实施办法", "现将有关工作安排").replace("一、总体要求\n", "一、部署如下，")
    assert [f.rule for f in lint_text(cut, tmp_path, select="N108")] == ["N108"]


def test_a_paragraph_ending_in_a_sites_watermark_after_its_full_stop_is_not_cut(tmp_path: Path) -> None:
    """……每一步。 内容来自:××写作网 / 一、……: the paragraph ends at its full stop; the words after it are a site's
    watermark, so the heading under it cuts no sentence. Words without a full stop before them still are a cut."""
    lead = ("为进一步做好全县居家养老服务工作，切实解决困难老年人就餐、助洁、就医等实际需求，根据上级有关文件精神，结合我县实际，"
            "经县政府研究同意，在广泛征求各乡镇、各有关部门和部分老年人代表意见的基础上，确保实事办好。 内容来自:某某写作网")
    text = f"县居家养老服务实施办法\n{lead}\n一、总体要求\n坚持政府主导。\n二、主要任务\n建设助餐点十个。\n"
    assert [f.rule for f in lint_text(text, tmp_path, select="N108")] == []
    cut = text.replace("确保实事办好。 内容来自:某某写作网", "现将有关工作安排").replace("一、总体要求\n", "一、部署如下，")
    assert [f.rule for f in lint_text(cut, tmp_path, select="N108")] == ["N108"]


def test_two_numerals_named_together_at_a_line_head_are_words_not_a_stray_marker(tmp_path: Path) -> None:
    """……坚持以县第十四届 / 七、八次全会精神为指导: a copy broke the sentence before 七、八次; the 七、 is the first of two
    numerals named together (the outline's enumerations of numbers, as 一、二季度), no page number to delete. 七、 before
    words is still a cut."""
    lead = ("今年是全面推进乡村振兴、加快建设农业强县的重要一年，也是守住不发生规模性返贫底线、推动城乡融合发展的关键一年，"
            "全镇上下要统一思想、鼓足干劲，以更加务实的作风抓好各项工作落实，全镇工作的总体思路是：坚持以县第十四届")
    text = f"某镇年度工作要点\n{lead}\n七、八次全会精神为指导，扎实推进各项工作。\n一、主要任务\n抓好粮食生产。\n"
    assert lint_text(text, tmp_path, select="N108") == []
    cut = text.replace("七、八次全会精神为指导", "七、全会精神为指导")  # no numeral after 、: the marker cuts the sentence
    assert [f.rule for f in lint_text(cut, tmp_path, select="N108")] == ["N108"]


def test_an_item_whose_text_opens_with_a_later_numeral_and_jie_is_an_item(tmp_path: Path) -> None:
    """三、八届人大代表…… is item 三 about the 8th congress's deputies: not 三、四届, two numbers named together."""
    text = ("关于召开代表座谈会的通知\n一、会议时间\n5月10日上午。\n二、参会人员\n各代表小组组长。\n"
            "三、八届人大代表、驻地省人大代表列席会议。\n四、其他事项\n请准时参会。\n")
    assert lint_text(text, tmp_path, select="N101,N102,N108") == []


def test_an_inline_item_opening_with_a_starred_name_is_an_item(tmp_path: Path) -> None:
    """1、…。2、*变建设滞后。3、…: a model text masked the name after 2、; the list does not skip (B103 reports the star)."""
    text = ("园区调研报告\n一、存在的问题\n具体有：1、用地指标不足，项目落地难。2、*变建设滞后，园区*变容量不足。"
            "3、配套设施不全，招工难度较大。\n")
    assert [f.rule for f in lint_text(text, tmp_path, select="N101,N102,N103")] == []
    assert "B103" in [f.rule for f in lint_text(text, tmp_path, select="B103")]


def test_parts_named_by_the_counted_word_are_counted_not_a_list_inside_one(tmp_path: Path) -> None:
    """讲三个问题 followed by 第一个问题、第二个问题、第三个问题: a 第一，第二，第三，第四 inside the first part is that
    part's own list."""
    speech = ("在全县工作会议上的讲话\n同志们：\n下面，我讲三个问题。\n第一个问题：认清形势。\n"
              "第一，经济总量扩大。第二，结构持续优化。第三，民生不断改善。第四，生态持续向好。\n"
              "第二个问题：明确任务。\n今年要抓好项目建设。\n第三个问题：狠抓落实。\n各级干部要真抓实干。")
    assert lint_text(speech, tmp_path, select="N105") == []
    short = speech.split("\n第三个问题")[0]
    assert [f.excerpt for f in lint_text(short, tmp_path, select="N105")] == ["讲三个问题"]


def test_a_list_of_one_under_a_label_and_the_next_label_s_list_are_two_lists(tmp_path: Path) -> None:
    text = ("第二次例会纪要\n议题一：门户改版\n结论：\n1、同意改版方案。\n遗留问题：\n无。\n议题二：文档建设\n结论：\n"
            "1、补齐安装指南。\n2、每月更新一次常见问题。\n")
    assert [f.rule for f in lint_text(text, tmp_path, select="N101")] == []
    doubled = "第二次例会纪要\n结论：\n1、同意改版方案。\n1、补齐安装指南。\n"
    assert [f.rule for f in lint_text(doubled, tmp_path, select="N101")] == ["N101"]


def test_a_markdown_file_keeps_its_numbers_as_typed_with_dunhao(tmp_path: Path) -> None:
    text = "例会纪要\n\n结论：\n1、同意改版方案。\n2、补齐安装指南。\n"
    assert lint_text(text, tmp_path, select="N106", name="a.md") == []
    assert [f.rule for f in lint_text(text, tmp_path, select="N106")] == ["N106"]
    notice = "关于做好防汛工作的通知\n\n各部门：\n1、落实责任。\n2、加强值守。\n"  # a 公文 kept as Markdown
    assert [f.rule for f in lint_text(notice, tmp_path, select="N106", name="b.md")] == ["N106"]


def test_the_first_n_of_a_list_is_no_count_of_it(tmp_path: Path) -> None:
    text = ("理事会纪要\n会议讨论了下列事项，其中前两项比较紧急：\n1.修订章程。\n2.筹备年会。\n3.更新网站。\n")
    assert lint_text(text, tmp_path, select="N105") == []
    assert [f.rule for f in lint_text(text.replace("其中前两项比较紧急", "共两项"), tmp_path, select="N105")] == ["N105"]


def test_a_markdown_list_nested_by_its_indent_is_its_own_list(tmp_path: Path) -> None:
    text = ("社区例会纪要\n\n1. 项目描述：客户端组件。\n2. 结果描述：\n    1. 补充客户端示例。\n    2. 修复重连问题。\n"
            "3. 示例代码介绍。\n4. 未来计划：补充中断重连机制。\n")
    assert lint_text(text, tmp_path, select="N1", name="a.md") == []
    # after a paragraph at the list's indent the next list shows the number typed: 5. after 2. is a skip
    skipped = text.replace("3. 示例代码介绍", "以下另议。\n\n5. 示例代码介绍")
    assert [f.rule for f in lint_text(skipped, tmp_path, select="N1", name="b.md")] == ["N102"]


def test_a_markdown_ordered_list_is_numbered_by_the_renderer(tmp_path: Path) -> None:
    # 1. 1. 2. in one list reads 1 2 3 once rendered; the same numbers typed in a .txt are a repeat
    text = "# 会议纪要\n\n1. **年会筹备**\n\n1. **确定方案**\n\n    负责人：办公室。\n\n2. 六月底前定稿\n"
    assert lint_text(text, tmp_path, select="N1", name="a.md") == []
    assert [f.rule for f in lint_text(text, tmp_path, select="N1", name="a.txt")] == ["N101"]
    # a paragraph at the list's indent ends the list: the next list shows the numbers typed
    broken = "# 会议纪要\n\n2. 年会筹备\n\n会后再议。\n\n2. 确定方案\n"
    assert [f.rule for f in lint_text(broken, tmp_path, select="N1", name="b.md")] == ["N101"]


def test_an_item_without_its_end_mark_is_not_cut_by_the_next_item(tmp_path: Path) -> None:
    # (一) runs over 100 characters and lacks its full stop; (二) is its sibling, not a marker cutting a sentence
    # (before: N108 at (二), and N102 at (三) for the "skip" that left)
    first = ("（一）提供政策咨询，发挥政府与企业、企业与企业之间的桥梁纽带作用。提供国家、省、市在信息化方面的扶持政策"
             "咨询，辅导会员单位开展项目申报，面向中小企业开展信息化改造的咨询服务和技术协作，帮助企业解决实际困难和具体问题")
    text = ("县信息技术协会章程\n第一章 总则\n第三条 本会的业务范围：\n" + first + "\n"
            "（二）开展交流研讨，组织各类论坛、讲座和考察活动，提高会员单位信息化应用水平。\n"
            "（三）开展行业调查研究，为政府部门决策提供依据。\n")
    assert len(first) > 100
    found = [f.rule for f in lint_text(text, tmp_path, select="N1")]
    assert "N108" not in found and "N102" not in found


def test_markdown_list_items_and_typed_numbers_are_lists_apart(tmp_path: Path) -> None:
    # minutes in Markdown: 4. 5. 6. are the page's ordered list; the 1、 2、 typed under 5. are points of its own
    text = ("# 年度报告组第三次会议纪要\n\n4. 参会人：张明、李华、王芳\n\n5. 会议摘要：\n\n"
            "1、调查篇由张明负责，九月底前完成问卷设计。\n\n2、确定报告框架，计划十月三日发布。\n\n6. 下次开会时间：十月六日\n")
    found = [f.rule for f in lint_text(text, tmp_path, select="N1", name="minutes.md")]
    assert "N102" not in found and "N103" not in found
    # the same text as .txt: typed numbers all, one list with a style changed. Its majority 1、 is the wrong stop
    # (N106); N103 does not ask to turn the right 6. into 6、
    as_text = [f.rule for f in lint_text(text, tmp_path, select="N1", name="minutes.txt")]
    assert "N106" in as_text and "N103" not in as_text


def test_a_list_whose_majority_uses_the_wrong_stop_is_n106s_not_n103s(tmp_path: Path) -> None:
    """一． 二. then 三、: N106 asks for 一、; N103 must not ask to turn the right 三、 into 三．, nor T103 to turn the
    heading's 二. into 二。"""
    text = "关于工作的报告\n一．主要工作\n全年学习12次。\n二.存在问题\n学习不够。\n三、下一步打算\n6月底前完成培训。\n"
    found = lint_text(text, tmp_path, select="N1,T103")
    assert [f.rule for f in found] == ["N106"]
    assert "应为“一、”" in found[0].message


def test_chapter_numbers_that_repeat_or_skip(tmp_path: Path) -> None:
    body = "第{}条 本会按民主集中制原则开展工作。\n"
    def charter(chapters: list[str]) -> str:
        return "学生科技协会章程\n" + "".join(f"{c}\n" + body.format(n) for n, c in
                                          zip("一二三四五六", chapters, strict=False))
    found = lint_text(charter(["第一章 总则", "第二章 会员", "第二章 组织机构", "第四章 附则"]), tmp_path, select="N1")
    assert [(f.rule, f.excerpt, f.suggestion) for f in found] == [("N101", "第二章", "第三章")]
    found = lint_text(charter(["第一章 总则", "【第二章 会员】", "【第四章 附则】"]), tmp_path, select="N1")
    assert [(f.rule, f.excerpt, f.suggestion) for f in found] == [("N102", "第四章", "第三章")]
    # in order, an attachment starting again at 第一章, a sentence naming a chapter: nothing
    fine = charter(["第一章 总则", "第二章 会员", "第三章 附则"]) + "附件：\n实施细则\n第一章 总则\n第三章 规定的事项由理事会决定。\n"
    assert lint_text(fine, tmp_path, select="N1") == []


def test_article_numbers_that_repeat_or_skip(tmp_path: Path) -> None:
    def rules(*articles: str, chapters: dict[int, str] | None = None) -> str:
        lines = ["学生协会管理办法"]
        for i, label in enumerate(articles):
            lines += [chapters[i]] if chapters and i in chapters else []
            lines.append(f"{label}　本办法所称会员，是指按章程入会的学生。")
        return "\n".join(lines)

    found = lint_text(rules("第一条", "第二条", "第二条", "第三条"), tmp_path, select="N1")
    assert [(f.rule, f.excerpt, f.suggestion) for f in found] == [("N101", "第二条", "第三条")]
    labels = [f"第{cn_label(n)}条" for n in range(1, 100)] + ["第一百条", "第一百零二条"]
    found = lint_text(rules(*labels), tmp_path, select="N1")
    assert [(f.rule, f.excerpt, f.suggestion) for f in found] == [("N102", "第一百零二条", "第一百零一条")]
    # articles starting again under each chapter; the second 第一条 of one chapter repeats the first
    per_chapter = rules("第一条", "第二条", "第一条", "第一条", chapters={0: "第一章 总则", 2: "【附则】"})
    found = lint_text(per_chapter, tmp_path, select="N1")
    assert [(f.rule, f.line, f.excerpt) for f in found] == [("N101", 7, "第一条")]
    # in order across chapters; articles quoted from a law (no 第一条 first); an amendment's 第十条之一; a sentence
    fine = [rules("第一条", "第二条", "第三条", chapters={2: "第二章 会员"}),
            rules("第五条", "第九条"), rules("第一条", "第二条") + "\n第二条之一　新增。\n第三条规定的事项由理事会决定。"]
    assert [lint_text(text, tmp_path, select="N1") for text in fine] == [[], [], []]
    # a blank slipped in before 条 (第三　条本办法……) still numbers the article: no skip from 第二条 to 第四条
    slipped = rules("第一条", "第二条") + "\n第三　条本办法由理事会解释。\n第四条　本办法自公布之日起施行。"
    assert lint_text(slipped, tmp_path, select="N1") == []


def test_articles_of_a_law_stored_on_one_line(tmp_path: Path) -> None:
    # a law pasted as one paragraph: its articles are glued after the sentence or the chapter heading before them
    def law(*labels: str) -> str:
        body = "".join(f"{label}　社区公园的养护由街道办事处负责。" for label in labels)
        return "某市社区公园管理办法\n第一章　总则" + body
    labels = [f"第{cn_label(n)}条" for n in range(1, 9)]
    skipped = labels[:4] + labels[5:]
    found = lint_text(law(*skipped), tmp_path, select="N1")
    assert [(f.rule, f.excerpt, f.suggestion) for f in found] == [("N102", "第六条", "第五条")]
    found = lint_text(law(*labels[:4], "第四条", *labels[4:]), tmp_path, select="N1")
    assert [(f.rule, f.excerpt, f.suggestion) for f in found] == [("N101", "第四条", "第五条")]
    # in order; and citations in sentences (依照本办法第六条规定, 第二条、第五条 ), which have no blank after 条
    assert lint_text(law(*labels), tmp_path, select="N1") == []
    cited = law(*labels[:3]) + "违反本办法第六条规定的，依照第二条、第五条 处理。"
    assert lint_text(cited, tmp_path, select="N1") == []
    # one chapter per line: a chapter of two articles holds one glued label, counted since a sentence ends before it
    body = "　社区公园的养护由街道办事处负责。"
    chapters = ["第一章　一般规定", "第一条" + body + "第二条" + body, "第二章　管理", "第三条" + body + "第四条" + body,
                "第三章　附则", "第五条" + body]
    assert lint_text("某市社区公园管理办法\n" + "\n".join(chapters), tmp_path, select="N1") == []
    chapters[3] = "第三条" + body
    found = lint_text("某市社区公园管理办法\n" + "\n".join(chapters), tmp_path, select="N1")
    assert [(f.rule, f.excerpt, f.suggestion) for f in found] == [("N102", "第五条", "第四条")]
    # a label whose blank was lost at a PDF line's end (。第三条社区……) follows the article before it: still an article;
    # a sentence opening with a citation of another article (。第六条规定的……) is none
    lost = "某市社区公园管理办法\n第一章　一般规定\n" + "第一条" + body + "第二条" + body + "第三条社区公园的养护由街道负责。"
    assert lint_text(lost + "\n第四条" + body, tmp_path, select="N1") == []
    cited = "某市社区公园管理办法\n第一章　一般规定\n" + "第一条" + body + "第二条" + body + "第六条规定的情形除外。"
    assert lint_text(cited + "\n第三条" + body, tmp_path, select="N1") == []


def test_an_article_number_is_no_count_of_the_list_after_it(tmp_path: Path) -> None:
    # 第一百零八条 ends in 八条 and 第二百一十条 in 一十条: the numbers of articles, not counts of what they list
    text = ("某法\n第一百零八条　本法下列用语的含意是：\n（一）甲；\n（二）乙。\n"
            "第一百零九条　下列案件由基层法院管辖：\n（一）丙；\n（二）丁。")
    assert [f for f in lint_text(text, tmp_path, select="N1") if f.rule == "N105"] == []


def test_a_number_after_a_markdown_headings_marks_is_its_marker(tmp_path: Path) -> None:
    # ## 一. 主要工作: the heading's number, read as in a .txt (一. takes 、); the section it names is found
    text = ("# 社团年度工作总结\n\n## 一. 主要工作\n\n全年开展活动十次。\n\n## 二. 存在问题\n\n经费不足。\n\n"
            "## 三. 下一步打算\n\n明年3月底前开展两次培训，由秘书处负责。\n")
    found = lint_text(text, tmp_path, name="summary.md")
    assert [(f.rule, f.line, f.suggestion) for f in found if f.rule in ("N106", "S101")] == [("N106", 3, "一、")]


def test_a_count_closing_its_paragraph_announces_only_a_list_laid_out_below(tmp_path: Path) -> None:
    # 修订制度6项。 ends its paragraph; the next paragraph opens with a sentence and then runs 一是…: no list of the 6
    done = ("工作总结\n一、主要工作\n全年组织学习20次，修订制度6项。\n"
            "我们坚持问题导向。一是强化政治引领。二是压实主体责任。三是抓好队伍建设。")
    assert [f for f in lint_text(done, tmp_path, select="N105")] == []
    # a list laid out under the count, each item opening its line, is compared
    announced = "工作总结\n一、主要工作\n今年重点抓好四项工作。\n一是强化政治引领。\n二是压实主体责任。\n三是抓好队伍建设。"
    assert [f.excerpt for f in lint_text(announced, tmp_path, select="N105")] == ["抓好四项工作"]


def test_an_item_after_a_heading_run_into_the_paragraph_before_cuts_no_sentence(tmp_path: Path) -> None:
    # a lost line break left the next part's heading at the end of a paragraph (……县财政局）　　三、强化保障); the （一）
    # on the next line opens that part's first item, no sentence cut in two
    body = ("鼓励各乡镇结合实际开展农村人居环境整治，统筹推进改厕、污水和垃圾治理，建立长效管护机制，落实管护人员和经费，"
            "确保整治成果持续巩固（责任单位：县农业农村局、县财政局）")
    text = ("某县农村人居环境整治实施方案\n一、总体要求\n到年底前完成整治任务。\n二、重点任务\n（一）推进厕所改造。" + body
            + "\u3000\u3000三、强化保障\n（一）加强组织领导。成立工作专班，每月调度一次。\n")
    assert lint_text(text, tmp_path, select="N1") == []
    # without the heading the second （一） under 二、 is a repeat
    headless = text.replace("\u3000\u3000三、强化保障", "")
    assert [f.rule for f in lint_text(headless, tmp_path, select="N1")] == ["N101"]


def test_items_opening_with_a_roman_class_and_an_attachment_run_into_a_pasted_line(tmp_path: Path) -> None:
    # a one-line paste: an item whose text opens with a class in Roman numerals (6.Ⅰ类, 6. Ⅲ类) is item 6; the
    # attachment's heading glued after the list of attachments (……职责 附件1分级标准　　一、……) opens its own numbering
    items = "".join(f"\u3000\u3000{n}.因设施故障造成停水{n}天以上的；" for n in range(1, 6))
    part = ("凡符合下列情形之一的，为重大事件：" + items + "\u3000\u30006. Ⅲ类放射源丢失的；\u3000\u30007.造成跨区域影响的事件。")
    text = ("某市供水突发事件应急预案\u3000\u3000一、总则\u3000\u3000本预案适用于全市。\u3000\u3000二、预案管理\u3000\u3000"
            "1.本预案由市水务局负责解释。\u3000\u30002.各区参照本预案执行。\u3000\u3000附件：1.分级标准\u3000\u3000"
            "2.指挥部职责 附件1事件分级标准\u3000\u3000一、重大事件\u3000\u3000" + part)
    assert lint_text(text, tmp_path, select="N1") == []


def test_an_enumeration_whose_first_item_is_too_long_to_read_is_not_counted(tmp_path: Path) -> None:
    # the first item runs past what an item may hold, so the reading starts inside the second: the count is unsure
    text = ("关于推进社区志愿服务的说明\n《办法》从社区志愿服务组织体系建设、志愿者招募培训和管理服务、项目运行、"
            "激励保障和宣传推广5个方面作了规定。\n")
    assert lint_text(text, tmp_path, select="N105") == []
    # short items all read: a count that differs is reported
    short = "关于推进社区志愿服务的说明\n《办法》从组织建设、招募培训、项目运行、激励保障4个方面作了规定。\n"
    assert [f.rule for f in lint_text(short, tmp_path, select="N105")] == []
    wrong = short.replace("4个方面", "5个方面")
    assert [f.rule for f in lint_text(wrong, tmp_path, select="N105")] == ["N105"]


def test_a_numeral_ending_an_idiom_before_a_comma_is_no_item(tmp_path: Path) -> None:
    # 举一反三、查缺补漏: 三 ends the idiom; read as an item 三、 it opened a new top-level part in the middle of a paragraph
    text = ("县审计局工作总结\n一、主要成效\n（一）完善制度。\n（二）强化监督。\n二、下一步打算\n（一）规范决策。\n"
            "（二）整改问题。一是对照审计结果，举一反三、查缺补漏；二是完善内审机制。\n（三）提升服务。\n（四）加强队伍。\n")
    assert lint_text(text, tmp_path, select="N1") == []


def test_a_heading_run_into_its_first_item_on_one_line_is_no_cut(tmp_path: Path) -> None:
    """A report stored on one line: 三、某单位 1、…; the heading ends with no mark and cuts no sentence."""
    text = ("县安委会关于隐患整改情况的报告 现将各单位整改情况报告如下： 一、县交通运输局下属公路养护管理中心 1、已完成辖区内危桥排查，"
            "共排查桥梁二十座。 2、已设置警示标志。 二、县城市公共交通客运有限责任公司 1、已对全部营运车辆开展安全检查。"
            " 2、已组织驾驶员培训。")
    assert [f.rule for f in lint_text(text, tmp_path, select="N108")] == []
    # a sentence still cut by a number is reported
    cut = text.replace("二、县城市公共交通客运有限责任公司 1、已对", "公司对全部营运车辆开展了为期一个月的安全大检查 1、已对")
    assert [f.rule for f in lint_text(cut, tmp_path, select="N108")] == ["N108"]


def test_an_inline_item_with_a_space_after_its_point(tmp_path: Path) -> None:
    """1．…2．…3. 网上…4．: the third item (a point and a space, as a web page's list is copied) is item 3, not a
    gap before 4; its half-width point is the one thing to mend."""
    text = "信息公开报告\n依申请公开情况：1．当面申请12件。2．信函申请3件。3. 网上申请20件。4．传真申请1件。\n"
    found = [(f.rule, f.excerpt) for f in lint_text(text, tmp_path, select="N")]
    assert found == [("N103", "3. ")]  # the space after the point goes with it


def test_a_stated_count_over_points_holding_lists_of_their_own(tmp_path: Path) -> None:
    """下面讲四个问题。第一，…第三，…一是…二是…第四，: the 一是 list inside the third point is passed over."""
    text = ("在全县工作会议上的讲话\n下面，我讲四个问题。第一，统一思想。要提高认识。第二，突出重点。要抓好项目。"
            "第三，创新机制。一是完善考核办法。二是健全督办制度。第四，加强领导。要压实责任。\n")
    assert lint_text(text, tmp_path, select="N105") == []
    three = text.replace("第四，加强领导。要压实责任。", "")
    assert [f.rule for f in lint_text(three, tmp_path, select="N105")] == ["N105"]


def test_counts_of_work_beside_the_count_that_announces_the_list(tmp_path: Path) -> None:
    """从……3个方面明确6项重点任务，建立12项工作制度。一是……二是……三是……: the 3 announces the list; 6 and 12 count the
    work. A count pointing at what follows (以下4个方面) is judged however many others the sentence holds."""
    text = ("工作汇报\n我们从学习、监督、教育3个方面明确6项重点任务，建立12项工作制度。一是抓学习。二是抓监督。三是抓教育。\n")
    assert lint_text(text, tmp_path, select="N105") == []
    pointed = text.replace("建立12项工作制度。", "归纳为以下4个方面。")
    assert [f.rule for f in lint_text(pointed, tmp_path, select="N105")] == ["N105"]
    # the count that announces the list written with 两 (……研究的四点意见，重点讲两个问题：一是……；二是……)
    spoken = "在工作会议上的讲话\n下面，根据班子研究的四点意见，重点讲两个问题：一是肯定成绩；二是部署任务。\n"
    assert lint_text(spoken, tmp_path, select="N105") == []


def test_a_list_of_attachments_run_on_one_line_cuts_no_sentence(tmp_path: Path) -> None:
    """附件:1.……申请表 2.……流程图 3.……: short names with no mark, each item right after the one before (page numbers
    that cut sentences stand a page of text apart: test_stray_page_numbers)."""
    text = "通知\n请按要求报送材料。 附件:1.部门联席会议议题申请表 2.部门联席会议申请流程示意图 3.材料模板\n"
    assert lint_text(text, tmp_path, select="N108") == []


def test_an_attachment_glued_to_the_body_on_one_line_numbers_afresh(tmp_path: Path) -> None:
    """……（此件不公开发布。）附件述职报告（模板）一、……二、……: the attachment, with no number and no line break, opens a
    numbering of its own after the notice's 一、二、三、."""
    text = ("关于报送述职报告的通知 一、报送范围。各单位负责人。二、报送时间。11月底前。三、有关要求。请按模板撰写。"
            "（此件不公开发布。）附件述职报告（模板）一、2021年工作完成情况。二、2022年工作打算。\n")
    assert lint_text(text, tmp_path, select="N101") == []


def test_a_number_split_into_sub_numbers_is_no_skip(tmp_path: Path) -> None:
    """附件：…5. / 6-1. / 6-2. / 7.: the attachment list gives number 6 in parts; a number missing outright is a skip."""
    text = ("关于小型建设工程管理的实施意见\n一、总体要求\n加强管理。\n二、工作措施\n规范备案。\n附件：1.领导小组名单\n2.监管流程图\n"
            "3.办理指南\n4.申报流转表\n5.承诺书\n6-1.受理告知书\n6-2.安全责任告知单\n7.备案回执单\n8.备案表\n")
    assert [f.rule for f in lint_text(text, tmp_path, select="N102")] == []
    missing = text.replace("6-1.受理告知书\n6-2.安全责任告知单\n", "")
    assert [f.rule for f in lint_text(missing, tmp_path, select="N102")] == ["N102"]


def test_a_count_whose_list_runs_into_a_cut_is_left_alone(tmp_path: Path) -> None:
    """The text stops in mid-sentence inside the last item listed: the items still to come may stand past the cut.
    A list of short names at the end of a finished text (no full stops) is complete, and so is one followed by more."""
    cut = ("校园文化建设汇报\n我们重点抓了以下五点：\n一是抓课堂，开设传统文化课程。\n二是抓活动，举办经典诵读比赛。\n"
           "三是抓阵地，建成文化长廊两处。\n四是抓融入，丰富师生生活。坚持贴近师生实际，在落细")
    assert lint_text(cut, tmp_path, select="N105") == []
    names = "课题指南\n本年度拟推进以下五项重点任务：\n（一）数据治理\n（二）基层减负\n（三）乡村振兴\n（四）城市更新"
    assert [f.excerpt for f in lint_text(names, tmp_path, select="N105")] == ["以下五项"]
    moved_on = cut.replace("在落细", "确保取得实效。\n二、下一步打算\n我们将总结经验，把传统文化教育与课程改革结合起来，在落细")
    assert [f.excerpt for f in lint_text(moved_on, tmp_path, select="N105")] == ["以下五点"]


def test_a_count_whose_text_stops_a_few_characters_under_a_heading_is_left_alone(tmp_path: Path) -> None:
    """The text stops a few characters into the body of its last heading (……\n二、活动的启示\n这次活动): too short to read as
    a sentence, but no document goes on under a heading with a fragment of no mark at all; the third part the count
    announces may stand past the cut. A short closing line after a finished paragraph is no such fragment."""
    head = ("读书活动心得体会\n参加这次读书活动，我从以下三个方面谈谈体会。\n一、活动的意义\n读书使人明理，学习使人进步，"
            "我们每个人都要把读书当作一种生活方式。\n二、活动的启示\n")
    assert lint_text(head + "这次活动", tmp_path, select="N105") == []
    done = head + "读书要联系实际，学以致用，做到知行合一。\n以上是我的体会"
    assert [f.excerpt for f in lint_text(done, tmp_path, select="N105")] == ["以下三个方面"]


def test_a_heading_after_a_paragraph_that_lost_its_end_mark_cuts_no_sentence(tmp_path: Path) -> None:
    """二、工作目标 on its own line after 一、 and a paragraph without its 。 is the next heading, not a page number
    cutting a sentence; nor is any marker in a text that lost every sentence end."""
    long = "新学期，学校将深入实施素质教育，全面规范教学管理，不断深化课程改革，推动学校各项工作" * 3 + "再上新台阶"
    text = "学校工作计划\n一、指导思想\n" + long + "\n二、工作目标\n全年组织教研活动12次。\n"
    assert lint_text(text, tmp_path, select="N108") == []
    cut = "学校工作计划\n一、指导思想\n" + long + "\n二、的各项改革。全年组织教研活动12次。\n"
    assert [f.rule for f in lint_text(cut, tmp_path, select="N108")] == ["N108"]
    # … and 一、考核对象 opening the list under a lead-in that lost its 如下：
    first = "村级工作考核办法\n" + long + "\n一、考核对象\n各村党支部书记、村委会主任。\n二、考核内容\n年度目标任务。\n"
    assert lint_text(first, tmp_path, select="N108") == []


def test_a_heading_pasted_twice_is_one_line_to_delete(tmp_path: Path) -> None:
    """三、考核结果 right under 三、考核结果: the line was pasted twice; the fix is to delete one, and renumbering the second
    to 四、 would clash with the 四、 after it. The same number on another line is still a number to change."""
    text = ("关于年度考核工作的总结\n一、基本情况\n全局参加考核46人。\n二、主要做法\n坚持公开透明。\n"
            "三、考核结果\n三、考核结果\n优秀8人，合格38人。\n四、下步打算\n改进考核办法。\n")
    found = lint_text(text, tmp_path, select="N101")
    assert [(f.line, f.excerpt) for f in found] == [(7, "三、考核结果")]
    assert "重复粘贴的一行" in found[0].message and found[0].suggestion is None
    other = text.replace("三、考核结果\n三、考核结果\n", "三、考核结果\n优秀8人。\n三、存在不足\n")
    assert [f.suggestion for f in lint_text(other, tmp_path, select="N101")] == ["四、"]
    # … or pasted again with the passage it heads, further down
    passage = text.replace("三、考核结果\n三、考核结果\n优秀8人，合格38人。\n",
                           "三、考核结果\n优秀8人，合格38人。\n三、考核结果\n优秀8人，合格38人。\n")
    found = lint_text(passage, tmp_path, select="N101")
    assert [(f.line, f.excerpt) for f in found] == [(8, "三、考核结果")]
    assert "与第 6 段完全相同" in found[0].message and found[0].suggestion is None


def test_a_passage_pasted_again_into_one_paragraph_is_text_to_delete(tmp_path: Path) -> None:
    """A sharing site's abstract repeats the text from its start in one paragraph (……工作计划  一、重点任务  （一）……): the
    一、 there is the first item again, not a number to change to 二、. A second item of its own title is."""
    # a viewer's first page, cut before 二、, then the site's abstract
    head = "某镇2025年工作计划\n一、 重点任务\n（一）抓好春耕生产。组织农技人员下村指导。\n（二）抓好项目建设。\n"
    again = head + "摘要：某镇2025年工作计划 一、重点任务 （一）抓好春耕生产。组织农技人员下村指导。\n"
    found = lint_text(again, tmp_path, select="N101")
    assert [f.line for f in found] == [5] and found[0].suggestion is None
    assert "重复粘贴" in found[0].message and "第 2 段" in found[0].message
    other = head + "一、工作要求 （一）抓好春耕生产以外的工作。\n"
    assert [f.suggestion for f in lint_text(other, tmp_path, select="N101")] == ["二、"]


def test_an_article_label_with_a_wrong_last_character_is_named_where_it_is(tmp_path: Path) -> None:
    """第七条 …… 第八天 …… 第九条: the missing 第八条 is there with its 条 mistyped; the finding is at 第八天, not a skip
    at 第九条 (renumbering that would make a second error)."""
    text = ("机关考勤管理制度\n第一条 为严肃工作纪律，制定本制度。\n第二条 工作人员按时上下班。\n"
            "第三条 因公外出须登记。\n第四天 请假须经批准。\n第五条 本制度自印发之日起施行。\n")
    found = lint_text(text, tmp_path, select="N102")
    assert [(f.line, f.excerpt, f.suggestion) for f in found] == [(5, "第四天", "第四条")]
    inline = "机关考勤管理制度\n第一条 按时上班。第二条 按时下班。第三余 外出登记。第四条 请假审批。\n"
    assert [(f.excerpt, f.suggestion) for f in lint_text(inline, tmp_path, select="N102")] == [("第三余", "第三条")]
    skipped = text.replace("第四天 请假须经批准。\n", "")
    assert [f.suggestion for f in lint_text(skipped, tmp_path, select="N102")] == ["第四条"]


def test_a_count_of_the_words_right_before_it_is_no_count_of_the_items_after(tmp_path: Path) -> None:
    """考核侧重于德、能、勤、绩、廉五个方面，主要内容包括：1.…… 8.: the five are the words before the count; the items
    after it are what the review looks at. A count with no such words before it is still compared."""
    names = ["落实上级决策部署", "发展集体经济", "完成年度目标", "维护社会治安", "建设精神文明", "推进乡村振兴",
             "加强党的建设", "办理交办事项"]
    items = "".join(f"{k}.{name}情况；\n" for k, name in enumerate(names, 1))
    text = f"村干部考核办法\n第六条 考核侧重于德、能、勤、绩、廉五个方面，主要内容包括：\n{items}第七条 每年考核一次。\n"
    assert lint_text(text, tmp_path, select="N105") == []
    plain = text.replace("侧重于德、能、勤、绩、廉五个方面", "包括以下五个方面")
    assert [f.rule for f in lint_text(plain, tmp_path, select="N105")] == ["N105"]


def test_an_inline_ordinal_that_lost_its_shi_is_named_where_it_is(tmp_path: Path) -> None:
    """一是……；二公厕保洁不到位；三是……: the 二 is there without its 是; the finding is at 二 (应为“二是”), not a skip
    at the 三是 (which is right). With no 二 written between, 三是 is still a skip."""
    text = "督查通报\n存在三个方面问题：一是道路乱堆乱放；二公厕保洁不到位；三是路面清扫不及时。\n"
    found = lint_text(text, tmp_path, select="N107")
    assert [(f.excerpt, f.suggestion) for f in found] == [("二", "二是")]
    skipped = text.replace("二公厕保洁不到位；", "")
    assert [f.suggestion for f in lint_text(skipped, tmp_path, select="N107")] == ["二是"]


def test_a_viewers_pages_under_its_header_are_page_numbers(tmp_path: Path) -> None:
    """A sharing site's viewer: its header names the document (某县消防安全检查活动方案_第1页), then its pages, each
    opening with its number, the first running the title into the text. Those are page numbers (N108), not items
    over the text's 一、 (no N104, no N106)."""
    page = ("为切实加强冬春火灾防控工作，有效预防和减少火灾事故，确保全县消防安全形势持续稳定，结合本县工作实际，"
            "经研究决定在全县范围内组织开展消防安全检查活动，现将有关事项安排如下。一、检查时间 2025年11月至12月。"
            "二、检查范围 全县人员密集场所、高层建筑、物流仓储等单位。三、检查内容 消防设施器材是否完好有效，"
            "疏散通道是否畅通，安全出口是否锁闭，消防安全责任是否落实，员工是否会报警、会扑救初起火灾、会组织疏散")
    text = ("某县消防安全检查活动方案_第1页\n下载本文档\n"
            "1、 某县消防安全检查活动方案" + page + "\n2、 逃生。四、工作要求 各单位要高度重视。\n")
    found = lint_text(text, tmp_path, select="N104,N106,N108")
    assert sorted(f.rule for f in found) == ["N108", "N108"]
    # … the first page alone too
    alone = "某县消防安全检查活动方案_第1页\n下载本文档\n1、 某县消防安全检查活动方案" + page + "。\n"
    assert [f.rule for f in lint_text(alone, tmp_path, select="N104,N106,N108")] == ["N108"]
    # a list whose first item does not open with the title above is a list
    # a first page that does not open with the title above is told by the headings it holds (一、……二、……三、……),
    # which no item numbered 1、 holds: pages all the same
    listed = text.replace("1、 某县消防安全检查活动方案", "1、 ")
    assert [f.rule for f in lint_text(listed, tmp_path, select="N104,N106,N108")] == ["N108", "N108"]
    # … while numbers over paragraphs that hold none are a list
    plain = "某县消防安全检查活动方案\n1、 检查时间为11月至12月。\n2、 检查范围为人员密集场所。\n"
    assert lint_text(plain, tmp_path, select="N108") == []


def test_a_clock_time_is_no_item_number(tmp_path: Path) -> None:
    """早餐7:00-8:30、午餐11:30-12:30、: the 30、 after a clock time's colon is the time, not items 30 and 30 again."""
    text = "住院须知\n1、食堂供应时间为早餐7:00-8:30、午餐11:30-12:30、晚餐17:00-18:00。\n2、请保持病区清洁。\n"
    assert lint_text(text, tmp_path, select="N101,N102") == []
    found = lint_text(text, tmp_path, select="N106")
    assert len(found) == 1 and "共 2 处" in found[0].message


def test_a_figure_after_a_multiplication_sign_is_no_item_number(tmp_path: Path) -> None:
    """……规格为3*1.8*2。建厂房……: the 2 is a size's last figure, not item 2 with a slipped 。 among 1、 2、 3、."""
    text = ("资金使用情况\n1、专项资金下达情况。\n建设发酵池10个，每个规格为3*1.8*2。建厂房一座。\n"
            "2、专项资金使用情况。\n3、项目实施效果。\n")
    assert [f.message for f in lint_text(text, tmp_path, select="N106") if "打错" in f.message] == []


def test_a_list_in_the_other_punctuation_under_an_item_ending_in_a_colon_is_nested(tmp_path: Path) -> None:
    """2、主要职责： then 1. 2. 3.: the item introduces a list of its own, and 3、 after it goes on with 2、, not with
    that list's 3. Neither a repeated number nor a mixed style."""
    text = ("班委会工作制度\n1、班委会在班主任指导下开展工作。\n2、主要职责：\n1.组织同学参加集体活动。\n"
            "2.收集同学的意见和建议。\n3.协助老师管理班级事务。\n3、工作要求：\n1.每周召开一次班委会。\n"
            "2.每月向班主任汇报一次。\n4、本制度自公布之日起执行。\n")
    assert lint_text(text, tmp_path, select="N101,N102,N103") == []
    # the same list numbered wrongly is still reported
    wrong = text.replace("3、工作要求", "2、工作要求")
    assert [(f.rule, f.line) for f in lint_text(wrong, tmp_path, select="N101")] == [("N101", 7)]


def test_a_sites_preview_of_head_and_tail_has_no_numbering_slips(tmp_path: Path) -> None:
    """A sharing site shows a document's head and tail and says the middle is left out: the count jumps where the
    middle went (二、 then 五、, 2、 twice), no slip of the writer's; B101 reports the site's lines."""
    text = ("以下为《村务公开制度》的无排版文字预览，完整内容请下载\n村务公开制度\n一、公开内容\n1、村级财务收支情况。\n"
            "2、集体资产管理情况。内容过长，仅展示头部和尾部部分文字预览，全文请查看图片预览。\n2、村干部报酬情况。\n五、监督管理\n1、村务监督委员会负责监督。\n"
            "[文章尾部最后200字内容到此结束，中间部分内容请查看底下的图片预览]\n")
    assert lint_text(text, tmp_path, select="N101,N102") == []
    assert {f.line for f in lint_text(text, tmp_path, select="B101")} == {1, 5, 9}
    # without the notice the same jumps are slips
    bare = "\n".join(text.splitlines()[1:8]).replace("内容过长，仅展示头部和尾部部分文字预览，全文请查看图片预览。", "")
    assert {f.rule for f in lint_text(bare + "\n", tmp_path, select="N101,N102")} == {"N101", "N102"}


def test_a_list_in_the_same_style_under_a_heading_line_is_nested(tmp_path: Path) -> None:
    """2.活动内容 (a heading alone on its line) then 1.学习 2.实践 3.文体, then 3.活动管理: the sub-list the heading
    introduces, and the 3. after it goes on with 2.; no repeated number, no empty section."""
    text = ("活动方案\n四、实施步骤\n1.活动主题\n每次活动围绕一个主题进行。\n2.活动内容\n1.学习与讨论\n组织学习。\n"
            "2.实践活动\n组织志愿服务。\n3.文体活动\n组织文艺汇演。\n3.活动管理\n由支部书记负责组织。\n")
    assert lint_text(text, tmp_path, select="N101,N102,S103") == []
    # a 3. repeated in the sub-list itself is still a repeat
    wrong = text.replace("3.文体活动", "2.文体活动")
    assert [(f.rule, f.line) for f in lint_text(wrong, tmp_path, select="N101")] == [("N101", 10)]


def test_a_label_written_after_a_comma_or_before_a_stray_mark_is_no_skip(tmp_path: Path) -> None:
    """二、…工作,三、… after a lost full stop, 第三条”… with a stray quote: the label the outline did not read as an
    item is there, so the count does not skip; a label after a word refers to an article (依照本办法第三条)."""
    comma = "门卫管理制度\n一、按时开关校门。\n二、负责收发报刊，完成领导交办的工作,三、做到衣冠整洁。\n四、严格登记来访人员。\n"
    assert lint_text(comma, tmp_path, select="N102") == []
    quote = "安全管理办法\n第一条 为加强管理，制定本办法。\n第二条 本办法适用于全公司。\n第三条”坚持预防为主的原则。\n第四条 各部门负责落实。\n"
    assert lint_text(quote, tmp_path, select="N102") == []
    bare = "平安建设方案\n一、指导思想\n坚持以人民为中心。\n二总体目标\n群众安全感明显提升。\n三、主要任务\n排查化解矛盾纠纷。\n"
    assert lint_text(bare, tmp_path, select="N102") == []  # 二总体目标: the heading's 、 was lost
    cited = "安全管理办法\n第一条 为加强管理，制定本办法。\n第二条 依照本办法第三条执行。\n第四条 各部门负责落实。\n"
    assert [f.excerpt for f in lint_text(cited, tmp_path, select="N102")] == ["第四条"]


def test_a_number_opening_a_paragraph_that_holds_the_headings_above_it_is_a_page_number(tmp_path: Path) -> None:
    """1、……。二、……。三、…… / 2、……四、……: a pasted page opens with the viewer's number and runs on over the document's
    top-level headings, which no item of the level below holds. An item whose text names 一、二年级 is an item."""
    pages = ("1、村务公开制度一、公开原则。坚持依法公开、真实公开。二、公开内容。村级财务收支情况。三、公开时间。每季度公开一"
             "次。\n2、次。四、公开形式。设立公开栏。五、监督检查。村务监督委员会负责监督。\n")
    found = lint_text(pages, tmp_path, select="N")
    assert [(f.rule, f.excerpt) for f in found] == [("N108", "1、"), ("N108", "2、")]
    items = "学校工作安排\n1、组织一、二年级学生参加体检。\n2、做好三、四年级的教材征订。\n3、完成期末考试。\n"
    assert lint_text(items, tmp_path, select="N108") == []


def test_a_heading_of_two_parts_after_a_paragraph_without_its_end_mark_cuts_nothing(tmp_path: Path) -> None:
    """……确保整治工作有力推进 / 二、深入排查，摸清底数: a heading line of two parts set apart by a comma follows a
    paragraph that only lacks its full stop; 二、 cuts no sentence."""
    lead = "根据专项整治工作的具体要求，结合本镇实际，镇政府成立了由镇长任组长、分管副镇长任副组长的工作专班，" * 2
    text = f"整治工作汇报\n一、加强领导\n{lead}确保整治工作有力有序推进\n二、深入排查，摸清底数\n全镇排查房屋1200户。\n"
    assert lint_text(text, tmp_path, select="N108") == []


def test_a_list_restarting_in_the_other_mark_is_no_repeated_number(tmp_path: Path) -> None:
    """1、 基本情况 / 1.…… 2.……: the list under the item in the other mark, or one level typed two ways;
    which is unsure, so N101 says nothing (N106 speaks of the marks)."""
    text = "情况汇报\n1、 基本情况\n总体进展顺利。\n1.生产总值增长低于预期。\n2.工业投资未达进度。\n"
    assert lint_text(text, tmp_path, select="N101") == []


def test_the_lists_inside_compiled_rules_start_again(tmp_path: Path) -> None:
    """一、校长办公会议制度 / its text / 一、会议主要议题: the first is the title of one of several rules compiled into one
    text; the list inside it starts again at 一、 and repeats nothing. A heading that names no rule still repeats."""
    text = ("一、校长办公会议制度\n校长办公会议由校级领导组成。\n一、会议主要议题\n研究学校重大事项。\n"
            "二、会议程序\n会议由校长主持。\n")
    assert lint_text(text, tmp_path, select="N101") == []
    plain = text.replace("校长办公会议制度", "校长办公会议组成")
    assert [f.rule for f in lint_text(plain, tmp_path, select="N101")] == ["N101"]
