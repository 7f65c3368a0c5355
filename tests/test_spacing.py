"""T110: a space left inside a Chinese word, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from reportlint.fix import fix_text
from reportlint.loaders.text import load_text
from reportlint.testing import lint_path, lint_text


def _found(text: str, tmp_path: Path) -> list[tuple[int, str, str]]:
    return [(f.block, f.excerpt, f.message) for f in lint_text(text, tmp_path, select="T110")]


def test_a_space_that_cuts_a_word_is_reported(tmp_path: Path) -> None:
    found = _found("全县各学 校要在十月底前完成校舍安全排查，并报教育局备案。", tmp_path)
    assert [(b, e) for b, e, _ in found] == [(0, "学 校")]
    assert "“学校”" in found[0][2]
    # figures after it, in a sentence: no table row
    assert [e for _, e, _ in _found("今年全 县完成造林面积12.5万亩，比上年增长5.2%。", tmp_path)] == ["全 县"]


def test_spaces_between_words_and_layout_spaces_are_left_alone(tmp_path: Path) -> None:
    text = "\n".join([
        "通 知",  # a title spaced out character by character
        "一、总体要求 为做好今年的防汛工作，现提出如下要求。",  # a space standing for a line break after a heading
        "联系人：赵  敏，联系电话：12345678。",  # a padded name
        "有的干部工作中 还存在拖延推诿的现象。",  # a space between two words
        "全年计划执行 情况良好，各项指标如期完成。",  # 执行 + 情况, each as frequent as the 行情 they seem to cut
        "全县各学 校排查情况汇总表",  # no sentence: a table heading or a title
        "第一百三十五条之一 举办大型活动违反安全管理规定的，依法处理。",  # the label of an article added by an amendment
        # a table flattened onto one line: a row label spaced to its column's width before the row's figures
        "附件：各镇完成情况。镇名计划数完成数完成率合 计12010587.5%东镇403587.5%西镇403690.0%",
        # … and a statistics table flattened with a space between cells: a unit column of one character before a figure
        "附表：信息公开情况统计。指标名称 计量单位 数量 受理申请数 件 12 当面申请数 件 5 网上申请数 件 7",
        # the two halves of a slogan, set apart by a space (心向党 建功: no 党建 cut in two)
        "举办“青年心向党 建功新时代”演讲比赛，引导团员坚定信念。",
    ])
    assert _found(text, tmp_path) == []


def test_residue_is_not_checked(tmp_path: Path) -> None:
    text = "关于做好校舍排查的通知\n各学校：\n请认真开展排查工作，按时报送结果。\n本文档由用户上传，如有侵权请联系删 除，谢谢。"
    assert _found(text, tmp_path) == []


def test_many_places_give_one_finding_for_the_document(tmp_path: Path) -> None:
    lines = [f"第{n}项工作要在月底前完 成，由办公室负责督 促落实。" for n in "一二三"]
    found = lint_text("\n".join(lines), tmp_path, select="T110")
    assert len(found) == 1 and "6 处" in found[0].message
    assert len(found[0].fix) == 6


def test_many_places_of_two_kinds_give_one_finding_for_each_kind(tmp_path: Path) -> None:
    # three cut words and three spaced numbers: six places in all, one finding per kind with its count
    text = "道路宽 16 米，长 1520 米，绿化带宽 3 米。\n原道路所 在地块由街道办事 处统一管理，方便群众生 活。"
    found = lint_text(text, tmp_path, select="T110")
    assert sorted(f.message[:9] for f in found) == ["全文至少有 3 处", "全文至少有 3 处"]
    assert sum(len(f.fix) for f in found) == 9  # both spaces of each number, the one inside each word
    # one of a kind beside five of another stays a finding of its own
    single = "道路宽 16 米，长 1520 米，绿化带宽 3 米，人行道宽 4 米，车道宽 7 米。\n原道路所 在地块由街道统一管理。"
    assert sorted(f.message[:4] for f in lint_text(single, tmp_path, select="T110")) == ["“所 在", "全文至少"]


def test_the_fix_deletes_the_space_only(tmp_path: Path) -> None:
    data = "全县各学 校要在十月底前完成校舍安全排查，并报教育局备案。\n".encode()
    doc = load_text(tmp_path / "r.txt", data)
    found = lint_text(data.decode(), tmp_path, select="T110")
    fixed = fix_text(data, doc.blocks, found, dict(doc.meta)).fixed
    assert fixed == "全县各学校要在十月底前完成校舍安全排查，并报教育局备案。\n"


def test_a_space_after_an_article_number_ends_the_label(tmp_path: Path) -> None:
    text = "协会章程\n第 13 条 理事会是本会的执行机构，对会员大会负责。\n"
    assert lint_text(text, tmp_path, select="T110") == []


def test_a_space_between_two_pieces_that_happen_to_join_into_a_rare_word_is_no_cut(tmp_path: Path) -> None:
    # one-line pastes whose spaces stand for line breaks: 函 + 大学 joins into 函大, 第八天 + 职工 into 天职; the word
    # beside the space outweighs the one across it
    text = "\n".join([
        "关于商请开展合作的函 大学：近年来，双方在多个项目上互相支持。",
        "第七条 病假按规定办理。第八天 职工应当按时返岗，并报人事科备案。",
        "要进一步做好 学校德育工作，落实各项制度。",
    ])
    assert _found(text, tmp_path) == []
    # … but a space inside a word beside no heavier word is still one
    assert [e for _, e, _ in _found("全镇要在第 一时间上报灾情，不得迟报。", tmp_path)] == ["第 一"]


def test_a_space_before_a_full_width_mark_is_reported(tmp_path: Path) -> None:
    text = "通知\n今年暑假共计三十天 。各校要在放假前召开安全教育会 ，并做好登记。\n"
    found = lint_text(text, tmp_path, select="T110")
    assert [(f.excerpt, f.suggestion) for f in found] == [("天 。", "天。"), ("会 ，", "会，")]
    # a form's blank in ideographic spaces, English text and a heading without a sentence are left alone
    quiet = "报名表\n签名：　　　，日期：　　　。\nPlease reply ; thanks.\n一、总体要求 ：\n"
    assert lint_text(quiet, tmp_path, select="T110") == []


def test_a_number_set_off_by_spaces_in_a_chinese_sentence_is_reported_and_fixed(tmp_path: Path) -> None:
    data = "根据县委关于召开 2024 年度民主生活会的部署，班子成员开展谈心谈话 36 人次。\n".encode()
    found = lint_text(data.decode(), tmp_path, select="T110")
    assert [f.excerpt for f in found] == ["开 2024 年", "话 36 人"]
    assert "“召开 2024 年度”" in found[0].message
    doc = load_text(tmp_path / "r.txt", data)
    fixed = fix_text(data, doc.blocks, found, dict(doc.meta)).fixed
    assert fixed == "根据县委关于召开2024年度民主生活会的部署，班子成员开展谈心谈话36人次。\n"


def test_a_number_after_a_word_ending_in_a_labels_character_is_reported(tmp_path: Path) -> None:
    text = "全年立案查处违法行为46起，罚款 138 万元，推选代表 3 人参会。"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="T110")] == ["款 138 万", "表 3 人"]


def test_a_number_after_its_label_or_in_a_citation_keeps_its_spaces(tmp_path: Path) -> None:
    text = "\n".join([
        "协会章程\n第 13 条 理事会是本会的执行机构，对会员大会负责。",
        "详见附件 2 的分工表，共 5 页，数据见表 3 的第二列。",
        "（《人民日报》2020年02月24日 02 版）",
        "全年完成 2024 年度任务",  # no sentence
        "一、总体要求 1 指导思想 以新时代党的建设总要求为指导，全面加强基层组织建设。",  # a line break turned space
    ])
    assert lint_text(text, tmp_path, select="T110") == []


def test_a_pdfs_spaces_beside_numbers_are_read_from_glyph_gaps_and_not_reported(tmp_path: Path) -> None:
    from conftest import make_pdf

    line = "根据县委关于召开 2024 年度民主生活会的部署，班子成员开展谈心谈话 36 人次。"
    pdf = lint_path(make_pdf(tmp_path / "a.pdf", [[line]]), select="T110").findings
    assert [f for f in pdf if "数字" in f.message] == []
    assert len(lint_text(line, tmp_path, select="T110")) == 2


def test_markdown_that_spaces_its_numbers_throughout_follows_a_house_style(tmp_path: Path) -> None:
    """中文文案排版指北's spaces around numbers, kept all through a Markdown text, are the writer's choice; one spaced
    number among unspaced ones in the same file is a slip."""
    styled = "## 一、主要工作\n\n全年开展检查 4 次，整改隐患 31 项，完成测评 12 个系统。\n"
    assert lint_text(styled, tmp_path, select="T110", name="a.md") == []
    assert len(lint_text(styled, tmp_path, select="T110", name="a.txt")) == 3
    slip = "## 一、主要工作\n\n全年开展检查4次，整改隐患31项，完成测评 12 个系统。\n"
    assert len(lint_text(slip, tmp_path, select="T110", name="a.md")) == 1


def test_a_space_after_the_ordinal_of_an_inline_series_is_reported(tmp_path: Path) -> None:
    text = "（一）在理论学习方面\n一是 学习的深度不够，有时满足于读过了。二是 运用不够，学用结合不紧。\n全县统一是 必要的。"
    found = lint_text(text, tmp_path, select="T110")
    assert [f.excerpt for f in found] == ["是 学", "是 运"]
    assert "“一是 学习”" in found[0].message


def test_spaces_inside_a_document_number(tmp_path: Path) -> None:
    # a 发文字号 typed or pasted with spaces (区政办发 〔2023〕 7 号) is one run; the fix joins it, the title before stays
    text = "区政府办公室关于做好秋季防火工作的通知 区政办发 〔2023〕 7 号\n各街道办事处：\n请各街道抓好落实。\n"
    found = lint_text(text, tmp_path, select="T110")
    assert [(f.excerpt, f.suggestion) for f in found] == [("区政办发 〔2023〕 7 号", "区政办发〔2023〕7号")]
    doc = load_text(tmp_path / "r.txt", text.encode())
    fixed = fix_text(text.encode(), doc.blocks, found, dict(doc.meta)).fixed
    assert fixed.splitlines()[0].endswith("通知 区政办发〔2023〕7号")
    # written as one run, or cited in a sentence without spaces: nothing
    assert lint_text("按照区政办发〔2023〕7号文件要求，抓好落实。\n", tmp_path, select="T110") == []


def test_a_space_between_a_title_and_its_document_number_is_a_line_break(tmp_path: Path) -> None:
    # a one-line paste: 批复 + space + 国函〔2020〕8号 — 复国 is no word cut in two
    text = "国务院关于同意设立某某新区的批复 国函〔2020〕8号 某省人民政府：你区报来的请示收悉，经研究，同意设立城东社区。\n"
    assert lint_text(text, tmp_path, select="T110") == []


def test_a_space_after_a_numbered_heading_of_a_one_line_paste_is_its_line_break(tmp_path: Path) -> None:
    # 一、城东新区 | 区管委会……: the heading ends with no mark where its line broke; 区区 across the space is a coincidence
    text = "县安委办关于燃气排查情况的报告 现将各片区落实情况汇报如下： 一、城东新区 区管委会牵头开展燃气管道排查，发现隐患十二处。"
    assert _found(text, tmp_path) == []
    # in the sentence after it, a space inside a word is still one
    assert [e for _, e, _ in _found(text.replace("开展燃气", "开展燃 气"), tmp_path)] == ["燃 气"]


def test_a_space_after_a_comma_inside_a_sentence(tmp_path: Path) -> None:
    """意义， 严厉: a full-width comma takes no space after it; a form's label (联系人： 张三) and a space for a lost
    line break after ； are left alone."""
    text = "关于整治的通知\n要充分认识整治的意义， 严厉打击违法行为。\n联系人： 张三，电话：12345678。\n一是加强领导； 二是落实责任。\n"
    found = lint_text(text, tmp_path, select="T110")
    assert [(f.line, f.excerpt) for f in found] == [(2, "， 严")]
    assert found[0].fix
    # a space after 、 before a figure's unit stands where the figure was lost (分别达到 亿元、 亿元): no space to delete
    lost = "工作报告\n三次产业增加值分别达到 亿元、 亿元和 亿元。\n"
    assert lint_text(lost, tmp_path, select="T110") == []


def test_a_space_between_a_figure_and_its_unit(tmp_path: Path) -> None:
    """增长6.5 %, 投资120 亿元: a figure and its percent sign or sum of money are written together; fixable."""
    text = "工作报告\n全年地区生产总值增长6.5 %，完成固定资产投资120 亿元。\n共召开会议 12 次。\n"
    found = lint_text(text, tmp_path, select="T110")
    assert [(f.line, f.message.split("中")[0]) for f in found if "单位之间" in f.message] == [
        (2, "“6.5 %”"), (2, "“120 亿元”")]
    assert all(f.fix for f in found)


def test_spaces_between_names_and_titles_in_a_roster_are_separators(tmp_path: Path) -> None:
    """组长：王建设 县委副书记 …: the members of a leading group, each name set apart from the office after it by a space
    (设县, 长城 across them are coincidences) up to the sentence that ends the list; a word cut after it is still one."""
    text = ("关于成立防汛工作领导小组的通知 为加强组织领导，决定成立领导小组： 组 长：王建设 县委副书记，县长 "
            "副组长：李长 城建局局长 成 员：赵 林 县水利局局长 周明 区财政局副局长 领导小组办公室设在县水利局。"
            "各成员单位要加强值 班，确保信息畅通。")
    assert [e for _, e, _ in _found(text, tmp_path)] == ["值 班"]


def test_the_row_numbers_of_a_table_flattened_onto_one_line(tmp_path: Path) -> None:
    """…房管部门 8 林地报批 林业部门 9 ……规划部门 10 人防设计审批: each row's number between spaces, with the row before and
    after it; a spaced number standing alone in a sentence is still one."""
    text = ("关于开展项目审批情况检查的通知 各单位：现将检查表印发给你们。 序号 审批事项 审批部门 9 核发规划许可证 规划部门 "
            "10 人防设计审批 人防部门 11 消防审批 消防部门 检查人：\n今年共召开 12 次调度会，研究解决重大问题。\n")
    assert [e for _, e, _ in _found(text, tmp_path)] == ["开 12 次"]


def test_a_papers_label_spaced_out_is_no_cut_word(tmp_path: Path) -> None:
    """张明 李华摘 要 本文调查了……: a journal's 摘 要, spaced as it is printed, with the authors run into it; a word a stray
    space cuts in the text is still reported."""
    text = ("社区养老服务调查\n张明 李华摘 要 本文调查了本市社区养老服务的现状和问题。\n"
            "各社区要加强养老服务设施建设，提高服 务质量。\n")
    assert [f.line for f in lint_text(text, tmp_path, select="T110")] == [3]


def test_a_space_after_an_articles_title_stands_for_its_line_break(tmp_path: Path) -> None:
    """第一条 应急领导小组 成立……: an article's title, then a space where its line break was, then the text; the space
    parts 小组 from 成立, it cuts no 组成."""
    text = ("安全生产应急预案\n为规范应急管理，制定本预案。 第一条 应急领导小组 成立公司应急领导小组，统一指挥。"
            " 第二条 救援队伍 公司组建救援队伍。\n")
    assert lint_text(text, tmp_path, select="T110") == []
    assert [f.excerpt for f in lint_text("全县各学 校要在月底前完成排查。", tmp_path, select="T110")] == ["学 校"]
