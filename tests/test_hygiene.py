"""T1 checks at exact positions, where their fast paths could go wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import lint_text

BALANCED = "（一）加强学习。认真学习《条例》和“三会一课”制度（试行），做到学用结合。"


def _spans(tmp_path: Path, text: str, code: str) -> list[tuple[int, int, int]]:
    return [(f.block, f.start, f.end) for f in lint_text(text, tmp_path, select=code)]


def test_pairs_silent_on_many_balanced_paragraphs(tmp_path: Path) -> None:
    assert _spans(tmp_path, "\n".join([BALANCED] * 50), "T102") == []


def test_pairs_finds_the_one_unmatched_mark_among_balanced_paragraphs(tmp_path: Path) -> None:
    lines = [BALANCED] * 20
    lines[7] = "（二）坚持把“保证抓党建作为最大的政绩，（试行）办法已印发。"
    assert _spans(tmp_path, "\n".join(lines), "T102") == [(7, 6, 7)]


def test_pairs_reports_a_doubled_quote_even_when_every_mark_has_a_partner(tmp_path: Path) -> None:
    # the doubled opening quote, and the closing quote left over once it is deleted
    assert _spans(tmp_path, "按照““学思想、强党性””的要求开展工作。", "T102") == [(0, 2, 4), (0, 12, 13)]


def test_pairs_accepts_item_numbers_and_quotes_running_over_paragraphs(tmp_path: Path) -> None:
    text = "\n".join([
        "工作安排（试行）如下：1）抓学习；2）抓落实；项目}1)抓统筹。",
        "“第一段引文，",
        "“第二段引文。”",
    ])
    assert _spans(tmp_path, text, "T102") == []


def test_pairs_accept_a_quotation_of_several_paragraphs_run_onto_one_line(tmp_path: Path) -> None:
    # an amendment quoting new articles: each quoted paragraph opens with “ and only the last closes; a web copy runs
    # the paragraphs together, some ending in a colon before a list's items
    para = "居民委员会应当定期公开办理事项的进展情况，接受居民监督"
    text = (f"一、将第五条修改为：“{para}。“{para}；{para}。”二、增加一条：“{para}，有下列情形之一的，予以通报："
            f"“（一）{para}；“（二）{para}。”三、删去第九条。")
    assert _spans(tmp_path, "市人大常委会决定对《办法》作如下修改：" + text, "T102") == []
    # a quotation inside the quotation after a full stop still pairs as nested quotes around it (a lost ” elsewhere
    # makes the whole line be examined)
    nested = f"会议指出：“{para}。“两个确保”是关键。”另，会上提到（试行办法。"
    assert [f.excerpt for f in lint_text(nested, tmp_path, select="T102")] == ["（"]
    # a short phrase before the next “ is a quotation that lost its ”, and a chain never closed is said at its start
    lost = "提出“两个确保。“三个一”工程进展顺利。"
    assert _spans(tmp_path, lost, "T102") == [(0, 2, 3)]
    unclosed = f"修改为：“{para}。“{para}。"
    assert _spans(tmp_path, unclosed, "T102") == [(0, 4, 5)]


def test_pairs_reports_mixed_widths_once_per_pair_and_summarised_when_many(tmp_path: Path) -> None:
    assert _spans(tmp_path, "工作安排(试行）如下。", "T102") == [(0, 4, 8)]
    many = "\n".join(f"第{i}项(试行）已印发。" for i in range(6))
    found = lint_text(many, tmp_path, select="T102")
    assert len(found) == 1 and "6 对" in found[0].message


def test_pairs_close_on_the_next_lines_of_running_text(tmp_path: Path) -> None:
    text = "报销金额应与票据一致（税\n额按比例分摊）。\n文件命名为“项目名称-\n负责人姓名”后打包。"
    assert _spans(tmp_path, text, "T102") == []
    assert _spans(tmp_path, "发票金额一致（发\n票。\n另起一段。\n再起一段。\n最后一段。", "T102") == [(0, 6, 7)]


def test_pairs_do_not_close_across_a_table_edge() -> None:
    from reportlint.engine import analyse
    from reportlint.model import Block, Document
    from reportlint.testing import session

    doc = Document(path="t.docx", blocks=(Block(0, "说明（见下表"), Block(1, "合计）", kind="cell", table=1)))
    registry, rulebook = session().books()
    rule = rulebook.rules["T102"]
    ctx, _ = analyse(doc, rulebook, None)
    assert len(list(registry.checks[rule.check](ctx, rule))) == 2


def test_reversed_quotes_are_left_to_t104(tmp_path: Path) -> None:
    assert _spans(tmp_path, "推进”快递进村“工程建设。", "T102") == []
    assert [f.excerpt for f in lint_text("推进”快递进村“工程建设。", tmp_path, select="T104")] == ["”快递进村“"]


def test_pairs_reports_crossed_families(tmp_path: Path) -> None:
    assert _spans(tmp_path, "学习《条例（试行》）精神。", "T102") != []


def test_repeated_punctuation(tmp_path: Path) -> None:
    findings = lint_text("会议要求，，抓好落实。。同时。", tmp_path, select="T103")
    assert [(f.start, f.end, f.suggestion) for f in findings] == [(4, 6, "，"), (10, 12, "。")]
    assert lint_text("会议要求，抓好落实。同时……", tmp_path, select="T103") == []


def test_book_title_marks_typed_twice_or_nested(tmp_path: Path) -> None:
    text = "印发《《安全生产工作要点》》。\n学习《关于印发《干部培训条例》的通知》。\n学习《条例》《规定》和〈办法〉。"
    found = [(f.line, f.suggestion) for f in lint_text(text, tmp_path, select="T102,T103")]
    assert found == [(1, "《安全生产工作要点》"), (2, "《关于印发〈干部培训条例〉的通知》")]
    # the third level, inside 〈〉, takes 《》 again: no nesting to undo
    third = "转发《关于印发〈《安全生产工作报告》填报办法〉的通知》。\n"
    assert lint_text(third, tmp_path, select="T103") == []
    # many in one file are each said where they stand (each needs its own reading), never one summary
    many = "\n".join(f"第{i}项：学习《《办法{i}》》。" for i in range(5))
    assert [f.line for f in lint_text(many, tmp_path, select="T103")] == [1, 2, 3, 4, 5]


def test_inner_book_title_in_ascii_angle_brackets(tmp_path: Path) -> None:
    text = "按照《机关贯彻<国务院关于职工工作时间的规定>的实施办法》执行。\n《标题<br>副标题》和 a<b>c 不是。"
    found = [(f.line, f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T103")]
    assert found == [(1, "<国务院关于职工工作时间的规定>", "〈国务院关于职工工作时间的规定〉")]


def test_doubled_words_are_judged_on_segmented_words(tmp_path: Path) -> None:
    text = "各单位要要加强学习，依托依托数字化平台建设配电网配电网，积极应对对外开放，一定要要求严格。"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="T101")] == ["要要", "依托依托", "配电网配电网"]


def test_a_word_typed_twice_into_a_compound_is_doubled(tmp_path: Path) -> None:
    """The segmenter joins one copy with its neighbour (值守工作|工作|小组, 工作|工作小组): the copy that opens or
    closes a compound of two words is still the word typed twice. A copy with an affix (研究生, 学习型) is a word made
    of it, and a body's name ending in a noun (有限公司) is followed by a phrase about the body."""
    text = "成立河道巡查管理工作工作小组，要加强监督监督检查，加强服务服务中心建设。"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="T101")] == ["工作工作", "监督监督", "服务服务"]
    calm = ("学院要研究研究生培养方案，推进学习学习型组织建设，帮助发展发展中国家的教育。"
            "某某电力有限公司公司办公会议研究了这项工作。")
    assert lint_text(calm, tmp_path, select="T101") == []


def test_a_run_of_three_characters_holding_a_word_typed_twice_is_doubled(tmp_path: Path) -> None:
    """用公款用公款 reads 用|公款 twice: a copy of three characters or more with a word in it is a slip; two
    characters the segmenter could not join (到端, of 考虑到端到端) stay silent."""
    text = "严肃查处借节日之机用公款用公款送礼等问题，要考虑到端到端的服务链条。"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="T101")] == ["用公款用公款"]


def test_a_degree_adverb_said_twice_is_emphasis(tmp_path: Path) -> None:
    text = "剩下的时间很紧很紧，任务非常非常繁重。"
    assert lint_text(text, tmp_path, select="T101") == []
    assert [f.excerpt for f in lint_text("要依托依托信息平台推进。", tmp_path, select="T101")] == ["依托依托"]


def test_a_heading_run_into_a_paragraph_beginning_with_its_last_word_is_not_doubled(tmp_path: Path) -> None:
    text = "保障供水安全。2.1管理职责职责分工见附表。五、主要措施措施一：完善台账。"
    assert lint_text(text, tmp_path, select="T101") == []


def test_two_different_marks_in_a_row(tmp_path: Path) -> None:
    assert [f.excerpt for f in lint_text("共检查12次，。下一步，、继续。", tmp_path, select="T101")] == ["，。", "，、"]
    # an exclamation or question mark beside a pause or an end; ！？ together is the writer's emphasis
    text = "任务提前完成了！。这样做对吗？，还要再议。真的吗？！"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="T101")] == ["！。", "？，"]


def test_deng_is_judged_on_segmented_words(tmp_path: Path) -> None:
    text = "推进交通便民、医疗便民、等惠民项目。开展技能、等级评定工作。"
    assert [f.start for f in lint_text(text, tmp_path, select="T103")] == [11]


def test_halfwidth_marks_summarised_per_mark_when_many(tmp_path: Path) -> None:
    text = "一是加强学习,二是强化落实,三是严格考核,四是注重实效:五是完善制度;六是总结经验.七是抓好宣传"
    found = lint_text(text, tmp_path, select="T103")
    assert len(found) == 4 and "3 处" in found[0].message
    assert {f.excerpt for f in found} == {",", ":", ";", "."}


def test_a_column_label_before_the_title_is_the_sites(tmp_path: Path) -> None:
    # 专题解读: in front of the title on its line is the portal's column; the colon of the salutation is the author's
    text = "专题解读:县城乡供水一体化三年行动方案（2025—2027年）\n各乡镇人民政府，县直有关单位:\n现将方案印发给你们。"
    assert [(f.block, f.excerpt) for f in lint_text(text, tmp_path, select="T103")] == [(1, ":")]
    # the same line that is no title (a sentence): its colon is reported
    text = "专题解读:县里印发了供水方案，请各单位认真执行。\n现将方案印发给你们。"
    assert [(f.block, f.excerpt) for f in lint_text(text, tmp_path, select="T103")] == [(0, ":")]


def test_ascii_dashes_straight_quotes_and_dotted_ellipsis(tmp_path: Path) -> None:
    text = "规划期为2021--2025年。\n发展\"数字经济\"产业。\n其他事项。。。"
    found = lint_text(text, tmp_path, select="T103")
    assert [(f.block, f.excerpt, f.suggestion) for f in found] == [
        (0, "--", "—"), (1, "\"数字经济\"", "“数字经济”"), (2, "。。。", "……")]  # a year range takes —


def test_two_hyphens_between_characters_may_hide_a_name(tmp_path: Path) -> None:
    """区长--出席会议: a reposting site hid the name as often as the writer typed a dash; no fix is offered."""
    found = lint_text("会议由区长--主持。\n主题——守护绿水青山----全民参与。", tmp_path, select="T103")
    assert [(f.excerpt, f.suggestion) for f in found] == [("--", None), ("----", "——")]
    assert "隐去的名字" in found[0].message


def test_halfwidth_after_a_number_before_chinese(tmp_path: Path) -> None:
    found = lint_text("详见附件3,按要求填写。共1,000人。时间9:30开始。", tmp_path, select="T103")
    assert [f.excerpt for f in found] == [","]


def test_halfwidth_marks_before_an_item_or_an_ideographic_space(tmp_path: Path) -> None:
    # 下列行为：（一）…;（二）… and （每年核定一次）;下一句; 主送机关 closed by : and the ideographic spaces of an indent
    text = "不得有下列行为：（一）擅自挪用专项经费;（二）虚报支出（按季度核算）;超支部分不予报销。\n各街道办事处、各直属单位:\u3000\u3000为做好工作，现通知如下。"
    found = lint_text(text, tmp_path, select="T103")
    # (the two in one paragraph: one finding with their count)
    assert [(f.line, f.excerpt) for f in found] == [(1, ";"), (2, ":")] and "共有 2 处" in found[0].message
    # a list in code or a formula keeps its marks: f(a;（b）) has none before Chinese text
    assert lint_text("调用 f(x;(y)) 即可。时间9:30（北京时间）。", tmp_path, select="T103") == []


def test_a_closing_quote_moved_to_the_next_paragraph_is_no_reversed_pair(tmp_path: Path) -> None:
    """A copy broke the text after a quotation's full stop: the ” opens the next paragraph (……三个子女。 / ”并规定了“……);
    it closes the quotation above, not a pair turned round. In mid-paragraph, or under a paragraph that holds no
    quotation and ends in its own words, ”……“ is still reversed."""
    text = "条例修改为“提倡适龄婚育。\n\n每个家庭可以按规定生育。\n\n”并规定了“国家采取支持措施，减轻家庭负担。\n\n”会议要求抓好落实。\n"
    assert lint_text(text, tmp_path, select="T104") == []
    inside = "条例修改为“提倡适龄婚育。”并规定了”国家采取支持措施“。\n"
    assert [f.excerpt for f in lint_text(inside, tmp_path, select="T104")] == ["”国家采取支持措施“"]


def test_an_empty_reversed_pair_is_not_a_quotation(tmp_path: Path) -> None:
    assert lint_text("说明：引号”“的用法见附录。", tmp_path, select="T104") == []


def test_pairs_one_finding_for_a_garbled_book_title_mark(tmp_path: Path) -> None:
    found = lint_text("附件：2.征订单((学习月刊》发行站名录。", tmp_path, select="T102")
    assert [f.excerpt for f in found] == ["((学习月刊》"] and "《" in found[0].message


def test_pairs_two_closing_quotes_point_at_the_wrong_opening_one(tmp_path: Path) -> None:
    found = lint_text("获奖作品：”晴空”智能小车教具。", tmp_path, select="T102")
    assert [(f.start, f.suggestion) for f in found] == [(5, None)] and "“晴空”" in found[0].message


def test_pairs_two_quotations_left_open_stay_two(tmp_path: Path) -> None:
    assert len(_spans(tmp_path, "按照“守纪律和县委提出的“讲规矩要求开展工作。", "T102")) == 2


def test_pairs_a_quotation_closed_with_the_opener_after_one_opened_with_the_closer(tmp_path: Path) -> None:
    # ”甲”或“乙“: the quotes of one spot typed back to front, each pair said once at its wrong mark; the correct “
    # opening 乙 is no finding
    found = lint_text("推广”订单＋农户”或“基地＋合作社“经营模式。", tmp_path, select="T102")
    assert [(f.start, f.excerpt) for f in found] == [(2, "”"), (17, "“")]
    assert "“基地＋合作社”" in found[1].message and "结尾" in found[1].message


def test_halfwidth_brackets_are_reported_as_pairs(tmp_path: Path) -> None:
    found = lint_text("行动计划(2024—2026年)的通知", tmp_path, select="T103")
    assert [(f.excerpt, f.suggestion) for f in found] == [("(2024—2026年)", "（2024—2026年）")]


def test_halfwidth_bracket_pairs_are_counted_whole(tmp_path: Path) -> None:
    # ( after a Chinese word and ) before a comma: both belong to pairs, and the count is the pairs'
    text = "。".join(f"第{n}个县(市、区)要落实责任(以下简称责任单位)，按期完成" for n in range(4))
    found = lint_text(text, tmp_path, select="T103")
    assert len(found) == 1 and "8 对" in found[0].message


def test_halfwidth_opener_of_a_mixed_pair_is_left_to_t102(tmp_path: Path) -> None:
    assert lint_text("各成员单位(职责见附件）按分工落实。", tmp_path, select="T103") == []


@pytest.mark.parametrize(("text", "excerpt", "expected"), [
    ("附件: 2026年度培训计划", ":", "：" ),  # a colon typed the English way, a space and a year after it
    ("材料报送至县财政局（预算科）.\n二、其他", ".", "。"),  # the ASCII point closing a sentence after its bracket
    ("吸取“6•13”燃气爆炸的教训。", "“6•13”", "“6·13”"),  # a bullet typed for the 间隔号 of an event
    ("规上工业总产值同比增长7.8%;\n二、存在问题", ";", "；"),  # closing a line of figures after a Chinese clause
])
def test_marks_typed_the_western_way_around_numbers_and_brackets(tmp_path: Path, text: str, excerpt: str,
                                                                 expected: str) -> None:
    found = lint_text("关于举办业务培训的通知\n" + text, tmp_path, select="T103")
    assert [f.excerpt for f in found] == [excerpt] and expected in found[0].message


@pytest.mark.parametrize(("text", "found"), [
    ("全体党员要紧紧的团结在党组织周围。", ["紧紧的团结"]),
    ("要牢牢的抓住发展机遇。", ["牢牢的抓住"]),
    ("做到对资金流向有效的掌握。", []),  # the verb closes the sentence: a noun phrase, 的 is right
    ("制定轮训方案后，有针对性的提升业务能力。", ["有针对性的提升"]),  # 有 + a noun as a manner adverbial
    ("组织开展有针对性的培训，进行有计划的指导。", []),  # objects of 开展 and 进行: noun phrases
    ("让学校更好的适应教育改革。", ["更好的适应"]),  # 更好 before a verb with its object
    ("培养学生更好的适应能力，提供更好的服务。", []),  # a noun phrase: 适应能力, 服务 as a noun
    ("全体职工要自觉的遵守各项规章制度。", ["自觉的遵守"]),
    ("组织党员干部有针对性的进行走访慰问。", ["有针对性的进行"]),
    ("各项制度得到了自觉的遵守。", []),  # the object of 得到: a noun phrase
])
def test_a_manner_adverb_before_a_verb_that_takes_an_object(tmp_path: Path, text: str, found: list[str]) -> None:
    assert [f.excerpt for f in lint_text(text, tmp_path, select="T106")] == found


@pytest.mark.parametrize("text", ["心得体会篇幅1500-2000字。", "组织2-3轮集中评审。", "每个单位推荐3-5名候选人。"])
def test_a_range_of_words_rounds_or_people_takes_the_tilde(tmp_path: Path, text: str) -> None:
    found = lint_text("关于征集心得体会的通知\n" + text, tmp_path, select="T103")
    assert len(found) == 1 and "～" in (found[0].suggestion or "")


def test_a_bracket_with_no_partner_gets_one_finding(tmp_path: Path) -> None:
    text = "三种需要：生存需要、交往需要(被接纳、受尊重、成长需要。"
    assert [(f.rule, f.excerpt) for f in lint_text(text, tmp_path, select="T102,T103")] == [("T102", "(")]
    assert [f.rule for f in lint_text(text, tmp_path, select="T103")] == ["T103"]  # alone, T103 still says it


@pytest.mark.parametrize(("text", "expected"), [
    ("管理学家彼得.德鲁克提出了目标管理。", ["·"]),
    ("要研究好问题.德才兼备的干部要重用。", ["。"]),  # a sentence ended with the ASCII point
])
def test_the_point_inside_a_foreign_name_is_a_separator(tmp_path: Path, text: str, expected: list[str]) -> None:
    found = lint_text(text, tmp_path, select="T103")
    assert [f.suggestion for f in found] == expected
    assert ("4.15.3.1" in found[0].message) == (expected == ["·"])


def test_three_halfwidth_pairs_are_six_marks_and_summarised(tmp_path: Path) -> None:
    found = lint_text("各县(区)、各镇(街道)、各村(社区)要抓好落实。", tmp_path, select="T103")
    assert len(found) == 1 and "3 对" in found[0].message


def test_correct_words_that_a_rewriter_could_also_produce_stay_silent(tmp_path: Path) -> None:
    # 发奋图强 is an idiom and 屡次 a correct word: only 发奋有为, which is no word, is a swap
    text = "全体职工发奋图强，开拓进取，屡次召开协调会。"
    assert lint_text(text, tmp_path, select="T104") == []
    assert [f.excerpt for f in lint_text("以发奋有为的状态开展工作。", tmp_path, select="T104")] == ["发奋有为"]


def test_strict_standards_and_procedures_are_no_swap(tmp_path: Path) -> None:
    """严格标准程序 lists the standards and the procedure a step keeps to (严格标准, 严格程序); 严格标准管理 and
    进一步标准程序 are the rewriter's 规范 → 标准."""
    assert lint_text("评选工作严格标准程序，做到公开公正。", tmp_path, select="T104") == []
    assert [f.suggestion for f in lint_text("对资金严格标准管理。", tmp_path, select="T104")] == ["规范"]
    assert [f.suggestion for f in lint_text("进一步标准程序。", tmp_path, select="T104")] == ["规范"]


def test_rewriter_swaps_of_renshi_tebie_and_zhongyang(tmp_path: Path) -> None:
    text = "会议要求统一思想熟悉。非凡是要贯彻中心、省委部署，落实党中心、国务院要求。"
    found = lint_text(text, tmp_path, select="T104")
    assert [(f.excerpt, f.suggestion) for f in found] == [
        ("熟悉", "认识"), ("非凡是", "特别是"), ("中心", "中央"), ("中心", "中央")]
    # the words in their own sense
    right = "干部要熟悉业务、熟悉情况，成绩非凡；县政务服务中心、省委党校和市规划展览中心按时开放。"
    assert lint_text(right, tmp_path, select="T104") == []


def test_rewriter_swaps_of_xuanchuan_fazhan_qingkuang_and_jingxin(tmp_path: Path) -> None:
    text = "县委宣扬部：\n现将活动开展状况报告如下。围绕生态立县的进展思路，细心组织读书月系列宣扬活动。"
    found = lint_text(text, tmp_path, select="T104")
    assert [(f.excerpt, f.suggestion) for f in found] == [
        ("宣扬", "宣传"), ("状况", "情况"), ("进展", "发展"), ("细心", "精心"), ("宣扬", "宣传")]
    # the words in their own sense
    right = "大力宣扬先进典型事迹。\n工作进展顺利，群众健康状况良好，志愿者细心照料孤寡老人。"
    assert lint_text(right, tmp_path, select="T104") == []


@pytest.mark.parametrize(("text", "swapped", "right"), [
    ("推动县域经济高质量进展。", "进展", "发展"),
    ("严守根本农田保护红线。", "根本", "基本"),
    ("这是党建工作的重要组成局部。", "局部", "部分"),
    ("号召宽敞党员积极参与。", "宽敞", "广大"),
    ("严格落实中心八项规定精神。", "中心", "中央"),
    ("这项改革至关重大。", "至关重大", "至关重要"),
    ("他几十年如一日悄悄无闻地工作。", "悄悄无闻", "默默无闻"),
    ("学习如逆水行舟，不进那么退。", "那么", "则"),
    ("项目于其次年正式投产。", "其次年", "第二年"),
    ("实施农村饮水平安工程。", "平安", "安全"),
    ("全体职工布满信心。", "布满", "充满"),
    ("共同创造美妙的未来。", "美妙", "美好"),
    ("各村要乐观推进人居环境整治。", "乐观", "积极"),
    ("抓好各项工作，格外是安全生产。", "格外是", "特别是"),
    ("认真贯彻省委的指导看法和工作要求。", "看法", "意见"),
    ("制定了资金管理实行细则。", "实行细则", "实施细则"),
])
def test_more_rewriter_swaps_in_set_phrases(tmp_path: Path, text: str, swapped: str, right: str) -> None:
    found = lint_text("工作报告\n" + text + "\n", tmp_path, select="T104")
    assert [(f.excerpt, f.suggestion) for f in found] == [(swapped, right)]


def test_a_verb_before_a_complement_of_state_takes_de_with_the_step(tmp_path: Path) -> None:
    """开展的有声有色 → 开展得有声有色: a four-character complement of state after the verb."""
    found = lint_text("工作总结\n各项活动开展的有声有色，工作搞的红红火火。\n", tmp_path, select="T106")
    assert [f.excerpt for f in found] == ["开展的有声有色", "搞的红红火火"]
    assert lint_text("工作总结\n组织开展的活动有声有色。\n", tmp_path, select="T106") == []


def test_a_self_criticisms_short_verdicts_take_de_with_the_step(tmp_path: Path) -> None:
    """分析的不透, 查的不细, 抓的不实 → 得: a verb and its short verdict; 分析的结果, 认识的不足 stay (noun phrases)."""
    found = lint_text("对照检查材料\n对问题分析的不透，查的不细，抓的不实。\n", tmp_path, select="T106")
    assert [f.excerpt for f in found] == ["分析的不透", "查的不细", "抓的不实"]
    assert lint_text("对照检查材料\n这是分析的结果。\n", tmp_path, select="T106") == []


def test_the_words_of_more_rewriter_swaps_in_their_own_sense_are_right(tmp_path: Path) -> None:
    right = ("工作报告\n各项工作进展顺利。局部地区有降雨。道路宽敞整洁。县政务服务中心按时开放。悄悄地走了。布满荆棘的道路。"
             "美妙的音乐。保持乐观向上的心态。牢记根本宗旨。其次，要加强学习。他对此有不同看法。")
    assert lint_text(right, tmp_path, select="T104") == []


def test_a_markdown_link_address_with_chinese_in_it_is_no_bracket_pair(tmp_path: Path) -> None:
    text = "附件：[《关于做好防汛工作的通知》](/files/关于做好防汛工作的通知.pdf)\n"
    assert lint_text(text, tmp_path, select="T103") == []
    assert len(lint_text("各县(市、区)要抓好落实。\n", tmp_path, select="T103")) == 1


def test_queyi_as_the_swapped_noun_but_not_as_the_verb(tmp_path: Path) -> None:
    found = lint_text("查摆工作中存在的缺乏，逐条整改。", tmp_path, select="T104")
    assert [(f.excerpt, f.suggestion) for f in found] == [("缺乏", "不足")]
    right = "督查指出部分单位存在的缺乏应急预案、台账不全等问题。"  # 缺乏 with its object: the verb
    assert lint_text(right, tmp_path, select="T104") == []


def test_a_telegram_banner_run_into_its_form_fields_is_not_a_doubled_word(tmp_path: Path) -> None:
    text = "县人民政府办公室发电发电单位县人民政府办公室签发等级特急关于做好寒潮防范工作的通知各乡镇：请做好防范。\n"
    assert lint_text(text, tmp_path, select="T101") == []
    assert [f.rule for f in lint_text("各电厂要全力保障发电发电，确保电力供应。\n", tmp_path, select="T101")] == ["T101"]


def test_a_body_ending_one_clause_and_opening_the_next_is_no_doubled_word(tmp_path: Path) -> None:
    """领导小组下设办公室|办公室主任：… : a flattened list of members lost the comma or the break between; deleting
    one copy would lose the body or its head. A copy typed twice before another word stays reported."""
    text = ("县防汛工作方案\n成立防汛指挥部，指挥长：王强，指挥部下设办公室办公室主任：赵敏，成员：各乡镇负责人。\n"
            "防汛工作组工作组组长由孙亮担任。\n")
    assert lint_text(text, tmp_path, select="T101") == []
    found = lint_text("县防汛工作方案\n由办公室办公室负责值班安排。\n", tmp_path, select="T101")
    assert [f.excerpt for f in found] == ["办公室办公室"]


def test_quotes_mangled_throughout_make_one_finding(tmp_path: Path) -> None:
    # a model text from a sharing site whose quotes came out as '…“ in every pair
    text = ("镇工作总结\n今年以来，全镇围绕'三个一批“目标，落实'双联系“制度，开展'百日攻坚“行动，"
            "推进'美丽庭院“创建，争创'四好农村路“示范镇。\n")
    found = lint_text(text, tmp_path, select="T102")
    assert [(f.rule, "5 处" in f.message) for f in found] == [("T102", True)]
    # two quotations left open stay two findings
    two = "镇工作总结\n全镇开展“百日攻坚行动，争创“示范镇。\n"
    assert len(lint_text(two, tmp_path, select="T102")) == 2
    # a short term closed with the opening mark is one slip, at the mark to turn
    (slip,) = lint_text("镇工作总结\n深化“打非治违“专项行动，从严查处违法行为。\n", tmp_path, select="T102")
    assert (slip.start, slip.excerpt) == (7, "“") and "应为后引号" in slip.message and "“打非治违”" in slip.message
    # a campaign's longer name too; two quotations left open with a 和 between stay two
    (slip,) = lint_text("镇工作总结\n开展“农村道路交通整治“行动，消除安全隐患。\n", tmp_path, select="T102")
    assert slip.start == 11 and "“农村道路交通整治”" in slip.message
    assert len(lint_text("镇工作总结\n开展“农村道路交通整治和“示范创建行动。\n", tmp_path, select="T102")) == 2
    # a list of slogans closed with the opening mark before 的: one slip, at the second mark (longer than ``near``)
    (slip,) = lint_text("镇工作总结\n围绕“抓好项目建设、优化营商环境、提升城市品质“的工作要求，扎实推进各项工作。\n",
                        tmp_path, select="T102")
    assert slip.start == 23 and "应为后引号" in slip.message
    # … but not a ” written “ after a quotation opened with ' ('两个目标“，围绕'三项任务“，): those stay the summary's
    mangled = "镇工作总结\n全镇锚定'两个目标“，围绕'三项任务“，落实'四项制度“，推进'五大工程“。\n"
    assert [("4 处" in f.message) for f in lint_text(mangled, tmp_path, select="T102")] == [True]


def test_document_number_years_in_converter_brackets(tmp_path: Path) -> None:
    text = "通知\n根据《县政府关于加强河道管理的通知》(县政发„2019‟12号)和县水发﹝2020﹞3号文件精神，现通知如下。\n"
    found = [f for f in lint_text(text, tmp_path, select="T104") if "六角括号" in f.message]
    assert [(f.excerpt, f.suggestion, "共 2 处" in f.message) for f in found] == [("„2019‟", "〔2019〕", True)]
    # the small-form brackets of the number are T104's one finding, not T103's two more
    both = lint_text("通知\n根据县水发﹝2020﹞3号文件精神，现通知如下。\n", tmp_path, select="T103,T104")
    assert [f.rule for f in both] == ["T104"]
    assert [f.excerpt for f in lint_text("会议通过率达98﹪。\n", tmp_path, select="T103,T104")] == ["﹪"]


def test_document_number_years_of_a_template_or_an_ocr_slip_and_a_slipped_code_character(tmp_path: Path) -> None:
    for number, shown in (("皖政秘[20xx]53号", "[20xx]"), ("国函[20O0]31号", "[20O0]"), ("闽政[1998]文333号", "[1998]"),
                          ("林办字[2019]的27号", "[2019]")):  # a 的 typed in, which T105 reports
        text = f"通知\n根据《关于同意调整区划的批复》（{number}）精神，现通知如下。\n"
        found = [f for f in lint_text(text, tmp_path, select="T104") if "六角括号" in f.message]
        assert [f.excerpt for f in found] == [shown]
    # a year and a count in brackets are no document number
    near = "通知\n全年共完成项目[2023]个，其中3号楼已交付。\n"
    assert [f for f in lint_text(near, tmp_path, select="T104") if "六角括号" in f.message] == []


def test_pairs_find_a_lone_mark_left_after_nested_pairs_are_removed(tmp_path: Path) -> None:
    # pairs nested three deep take three passes to remove; the lone （ is in a later paragraph
    lines = ["学习“甲（乙《丙》）”内容。", BALANCED, "没有标点的一段", "落实（二制度。", BALANCED]
    assert _spans(tmp_path, "\n".join(lines), "T102") == [(3, 2, 3)]


def test_pairs_report_a_doubled_opening_quote_of_the_other_form(tmp_path: Path) -> None:
    assert _spans(tmp_path, "按照〝“学思想、强党性”〞的要求开展工作。", "T102") == [(0, 2, 4), (0, 12, 13)]


def test_punctuation_sees_an_ascii_quote_closing_and_an_odd_opening_quote(tmp_path: Path) -> None:
    found = lint_text("开展“安全生产月\"活动。\n组织〝读书月”活动。", tmp_path, select="T103")
    assert [(f.block, f.start, f.end) for f in found] == [(0, 8, 9), (1, 2, 3)]


def test_doubled_and_punctuation_share_the_look_for_adjacent_marks(tmp_path: Path) -> None:
    # T101 and T103 both read one per-document answer to “are two marks side by side anywhere?”
    found = lint_text("本月检查企业12家，。\n会议于下午结束。。\n另起一段。", tmp_path, select="T101,T103")
    assert sorted((f.rule, f.block, f.start, f.end) for f in found) == [("T101", 0, 9, 11), ("T103", 1, 7, 9)]


def test_document_number_year_in_round_brackets_with_a_space_before_hao(tmp_path: Path) -> None:
    # the scan for the bracketed year runs only when some 号 follows a digit or a space
    found = lint_text("按照市政办发（2022）15 号文件要求。", tmp_path, select="T104")
    assert [(f.start, f.end, f.suggestion) for f in found] == [(6, 12, "〔2022〕")]


def test_doubled_words_are_those_of_the_regular_expression() -> None:
    # T101 tries _DOUBLED_WORD only where a run of characters repeats (found by XOR of the
    # text with itself shifted): the matches must be exactly those of _DOUBLED_WORD.finditer
    import random

    from reportlint.checks.hygiene import _DOUBLED_WORD, _doubled_words
    rng = random.Random(20)
    alphabets = ["依托依托", "的了在要", "一二三", "ab 12\n", "\u3000，。", "\u4e00\u9fff\u4e01", "\0\U00020000\ud800"]
    fixed = ["依托依托依托", "配电网配电网配电网", "哈" * 9, "加强管理加强管理加强", "一一", "中华人民中华人民"]
    for n in range(3000):
        chars = "".join(rng.sample(alphabets, rng.randint(1, 4)))
        text = "".join(rng.choice(chars) if rng.random() < 0.8 else rng.choice(fixed)
                       for _ in range(rng.randint(0, 40)))
        if n % 2:
            text = text.replace("\U00020000", "")  # most texts are in the BMP: the fast path
        if n % 3:
            text = text.replace("\ud800", "")
        assert [m.span() for m in _doubled_words(text)] == [m.span() for m in _DOUBLED_WORD.finditer(text)], text


def _plain_half_in_han(text: str) -> list[int]:
    """``hygiene._half_in_han`` as first written, every half-width mark looked at: the reference
    for its scan, which only finds the marks before a Chinese character, “, a line break or the end."""
    import re

    out = []
    for m in re.finditer(r"[,;:?!().]", text):
        i = m.start()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if not "\u4e00" <= before <= "\u9fff":
            if m.group() in ",;:" and (((before.isdigit() or before in "%％") and "\u4e00" <= after <= "\u9fff")
                                       or (before in "”》）" and ("\u4e00" <= after <= "\u9fff"
                                                               or after in ("", "\n", "“")))):
                out.append(i)
            elif m.group() == "." and before in "”》）" and after in ("", "\n") \
                    and "\u4e00" <= text[i - 2:i - 1] <= "\u9fff":
                out.append(i)  # （综合科）. closing a line
            continue
        if "\u4e00" <= after <= "\u9fff" or (after == "“" and m.group() not in "()."):
            out.append(i)
        elif m.group() in ",;:" and (after.isdecimal() or after in "（《"):
            out.append(i)
        elif after == "\n" and "\u4e00" <= text[i + 2:i + 3] <= "\u9fff":
            out.append(i)
        elif m.group() in ".:!?;," and after in ("", "\n"):
            out.append(i)
        elif m.group() == ":" and re.match(r"[ \t\u3000]+[\u4e00-\u9fff“\d]", text[i + 1:]):  # 附件: 关于…, 附件: 2025…
            out.append(i)
        elif m.group() in ",;" and re.match(r"[ \t\u3000]+[\u4e00-\u9fff“]", text[i + 1:]):  # 来, 全国人民……。
            line = text[text.rfind("\n", 0, i) + 1:].split("\n")[0]
            before = text[text.rfind("\n", 0, i) + 1:i][-30:]
            if any(ch in "。，；！？" for ch in line) and not re.search("[A-Za-z]", before):
                out.append(i)
    return out


def test_half_width_mark_scan_agrees_with_the_plain_walk() -> None:
    import random

    from reportlint.checks.hygiene import _half_in_han

    rng = random.Random(3)
    alphabet = [*",;:?!().", "中", "文", "3", "①", "１", "a", "“", "”", "\n", " ", "，", "\u3000", "〇", "\t", "%", "》", "（", "）"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert [m.start() for m in _half_in_han(text)] == _plain_half_in_han(text), text


def test_unpaired_blocks_first_mark_agrees_with_the_class_scan() -> None:
    import random

    from reportlint.checks.hygiene import _MARKS, _first_mark

    rng = random.Random(5)
    alphabet = ["“", "”", "‘", "’", "《", "》", "（", "）", "(", ")", "【", "】", "〔", "〕", "〝", "〞", "字", "\n", "「"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        found, plain = _first_mark(text), _MARKS.search(text)
        assert (found and found.span()) == (plain and plain.span()), text


def test_doubled_word_places_agree_with_the_plain_pattern() -> None:
    """``_doubled_words`` tries its pattern only where the low bytes of the characters repeat; the
    pattern's own ``finditer`` is the reference, on texts of characters that share low bytes
    (一 U+4E00, 帀 U+5E00, the ideographic space U+3000), outside the BMP and lone surrogates."""
    import random

    from reportlint.checks.hygiene import _DOUBLED_WORD, _doubled_words

    rng = random.Random(11)
    alphabet = ["一", "帀", "丁", "币", "依", "托", "\u3000", "，", "a", "\n", "𠀀", "\ud800"]
    for _ in range(4000):
        text = "".join(rng.choice(alphabet[:6] if rng.random() < 0.5 else alphabet)
                       for _ in range(rng.randint(0, 14)))
        want = [m.span() for m in _DOUBLED_WORD.finditer(text)]
        assert [m.span() for m in _doubled_words(text)] == want, text


def test_adjacent_marks_byte_filter_agrees_with_the_class_scan(tmp_path: Path) -> None:
    import random

    from reportlint.checks.hygiene import _ADJACENT_MARKS, _adjacent_marks
    from reportlint.context import Context
    from reportlint.model import Block, Document
    from reportlint.scan import Body

    rng = random.Random(13)
    # the marks, characters sharing one of their bytes (！ U+FF01, 「 U+300C, 丁 U+4E01), and others
    alphabet = ["，", "、", "；", "：", "。", ",", "！", "「", "丁", "字", "\u3000", "\x01", "𠀀", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        blocks = tuple(Block(i, t) for i, t in enumerate(text.split("\n")))
        ctx = Context(doc=Document("a.txt", blocks), outline=None, profile=None, rulebook=None,  # type: ignore[arg-type]
                      body=Body(blocks))
        assert _adjacent_marks(ctx) == (_ADJACENT_MARKS.search(text) is not None), text


def test_a_quotation_opened_with_the_wrong_mark_is_no_reversed_pair(tmp_path: Path) -> None:
    # ”两个维护”、做到“三个确保": the first quotation opens with ”; the ” after it closes it, and 、做到 is no quotation
    text = "会议强调要坚决做到”两个维护”、切实做到“三个确保\"。"
    assert [f.rule for f in lint_text(text, tmp_path, select="T104")] == []
    assert [f.rule for f in lint_text("会议要求推进”送法下乡“活动。", tmp_path, select="T104")] == ["T104"]


def test_a_quotation_closed_on_the_next_line_of_wrapped_text_is_no_reversed_pair(tmp_path: Path) -> None:
    """Running text broken into lines of one width (a PDF copied as text, blank lines between them or not): the ” that
    opens a line closes the quotation opened on the line above, and the “ after it opens the next."""
    lines = ["会议指出，要牢记“小事不小办、急事马上", "办”的要求，提出“各乡镇把项目建设作为头号工程，推动全", "县经济持续健康发展”。"]
    assert lint_text("\n".join(lines), tmp_path, select="T104") == []
    assert lint_text("\n\n".join(lines), tmp_path, select="T104") == []
    # nothing open above (the line before ends its sentence): a line opening with ”……“ is back to front
    closed = ["会议指出，要牢记小事不小办的要求。", "”两个毫不动摇“的要求要落实到位，推动全", lines[2]]
    assert [f.rule for f in lint_text("\n".join(closed), tmp_path, select="T104")] == ["T104"]


def test_a_list_cut_out_before_deng_is_no_stray_dunhao(tmp_path: Path) -> None:
    # the names before 、等 were cut out: deleting the 顿号 would not mend the sentence
    assert lint_text("各单位要认真学习贯彻、等领导同志的讲话精神。", tmp_path, select="T103") == []
    found = lint_text("推进道路硬化、路灯安装、等民生项目。", tmp_path, select="T103")
    assert [(f.excerpt, f.suggestion, f.fix[0][3]) for f in found] == [("、", None, "")]  # deleted, not made 等等


def test_quotes_mangled_all_through_a_text_make_one_finding(tmp_path: Path) -> None:
    text = "我们要把握”三个结合”，坚持”两个毫不动摇”。\n落实”放管服”改革，推进”一网通办”。\n加强”两新”组织建设，开展”双报到”活动。"
    found = lint_text(text, tmp_path, select="T102")
    assert len(found) == 1 and "6 处" in found[0].message
    # two such quotations are named one by one
    assert len(lint_text("我们要把握”三个结合”，坚持”两个毫不动摇”。", tmp_path, select="T102")) == 2


@pytest.mark.parametrize(("year", "found"), [(2015, []), (2021, ["以科学发展观为指导"])])
def test_the_scientific_outlook_alone_is_outdated_only_once_its_successor_exists(tmp_path: Path, year: int,
                                                                                found: list[str]) -> None:
    # between the 18th and the 19th Congress the formulation named three theories, not yet the one offered
    text = f"{year}年全县经济运行情况分析\n全县上下以科学发展观为指导，推动经济平稳运行。\n{year}年12月30日"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="T107")] == found


def test_an_outdated_formulation_is_judged_by_the_year_written_not_a_target_year(tmp_path: Path) -> None:
    # the latest year of the text is a target (到2035年, 2050年前): the text was written in 2019
    planned = ("县乡村振兴规划\n2019年，全县农村居民人均收入增长8%。到2035年，乡村振兴取得决定性进展；"
               "2050年前全面实现。\n全县干部要以党的十九大精神统一思想。")
    assert lint_text(planned, tmp_path, select="T107") == []
    written = "县农业农村局2024年工作总结\n2024年，全县完成高标准农田建设2万亩。\n全县干部要以党的十九大精神统一思想。"
    assert [f.excerpt for f in lint_text(written, tmp_path, select="T107")] == ["党的十九大精神"]
    # … and so are the last year of a plan's period (（2021-2023年）) and the end of a year it aims at (到2023年末)
    period = ("县数字乡村建设三年行动计划\n（2021-2023年）\n以十九届五中全会精神统揽全局。\n"
              "到2023年末，全县行政村光纤通达率保持100%。")
    assert lint_text(period, tmp_path, select="T107") == []


def test_an_old_bodys_name_citing_what_it_issued_then_is_no_outdated_name(tmp_path: Path) -> None:
    head = "县2022年道路命名工作方案\n2022年，全县拟命名道路20条。\n"
    # the issuer of a standard or a document, named as it was when it issued it; a standard's or a document
    # number's year tells that time too
    for cited in ("道路名称应符合省质量技术监督局发布的《地名通名使用规范》。",
                  "道路名称应符合省质量技术监督局的《地名通名使用规范》（DB35/T 1644-2017）。",
                  "按照县环保局《关于加强扬尘治理的通知》（县环〔2016〕12号）执行。"):
        assert lint_text(head + cited, tmp_path, select="T107") == [], cited
    # … but the old name as the body that acts today is outdated
    found = lint_text(head + "县环保局要加强道路扬尘治理。", tmp_path, select="T107")
    assert [f.excerpt for f in found] == ["环保局"]


def test_a_halfwidth_colon_closing_a_line_of_chinese(tmp_path: Path) -> None:
    text = "县城市体检工作方案\n结合本县实际，现制定工作方案如下:\n\n一、工作内容\n开展城市体检。"
    assert [(f.block, f.excerpt) for f in lint_text(text, tmp_path, select="T103")] == [(1, ":")]
    assert lint_text("县城市体检工作方案\n联系邮箱 abc@example.cn，网址 https:\n", tmp_path, select="T103") == []
    # … and a paragraph or a list item closed with a half-width mark (骄傲!, 工作;)
    text = "年度工作总结\n一年来大家齐心协力，这是全体员工的骄傲!\n\n下一步做好三项工作;\n"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="T103")] == ["!", ";"]


def test_a_bracket_round_a_list_of_short_lines_is_one_pair(tmp_path: Path) -> None:
    text = ("关于开展安全检查的通知\n请各单位于5月底前报送自查表。\n（县应急局联系人：王明，电话：12345678\n"
            "县住建局联系人：李强，电话：23456789\n县交通局联系人：赵亮，电话：34567890\n"
            "县水利局联系人：孙丽，电话：56789012\n技术支持：刘洋，电话：45678901）\n")
    assert lint_text(text, tmp_path, select="T102") == []
    # the same bracket over paragraphs of text: too far to pair
    long = text.replace("县住建局联系人：李强，电话：23456789", "各单位要认真组织自查，对发现的问题建立台账，明确整改责任人和整改时限，确保按期完成整改任务。")
    long = long.replace("县交通局联系人：赵亮，电话：34567890", "各单位要认真组织自查，对发现的问题建立台账，明确整改责任人和整改时限，确保按期完成整改任务。")
    long = long.replace("技术支持：刘洋，电话：45678901）", "各单位要认真组织自查，对发现的问题建立台账，明确整改责任人和整改时限，确保按期完成整改任务。\n技术支持：刘洋）")
    assert [f.excerpt for f in lint_text(long, tmp_path, select="T102")] == ["（", "）"]


def test_a_potential_complement_closing_a_clause_takes_de_not_de(tmp_path: Path) -> None:
    # 出的去 / 留的住 before a mark: 得; 回的来信 (来信 a noun) and 还是不办的好 ("had better") keep their 的
    text = "保证我们出的去；人才留的住、用的好。\n他们回的来信已经收到。\n这件事还是不办的好！"
    assert [(b, s, e) for b, s, e in _spans(tmp_path, text, "T106")] == [(0, 4, 7), (0, 10, 13), (0, 14, 17)]
    # 拉得出、冲得上、打得赢, 信得过: the formula of a team that can be counted on; 会上的发言 keeps its 的
    team = "这支队伍拉的出、冲的上，群众信的过。\n会上的发言很好。"
    assert [(b, s, e) for b, s, e in _spans(tmp_path, team, "T106")] == [(0, 4, 7), (0, 8, 11), (0, 14, 17)]


def test_two_hyphens_between_two_dates_are_a_range(tmp_path: Path) -> None:
    found = lint_text("各单位可于2018年4月15日--28日登录系统填报。", tmp_path, select="T103")
    assert [(f.start, f.end, f.suggestion) for f in found] == [(15, 17, "—")]


def test_a_left_single_quote_between_latin_letters_is_an_apostrophe(tmp_path: Path) -> None:
    text = "会议讨论了COSCon‘20年会的筹备。\n他说‘这件事要抓紧。\n"
    found = [(f.rule, f.block, f.start) for f in lint_text(text, tmp_path, select="T102,T103")]
    assert found == [("T103", 0, 11), ("T102", 1, 2)]  # the apostrophe's form; a quote left open


def test_one_hyphen_between_two_quantities_is_a_range(tmp_path: Path) -> None:
    text = "力争用3-5年时间完成改造，投入10-20万元。\n依据GB/T 9704-2012规定排版，型号A4-3，日期2024-01-02。\n联系电话0531-5177。\n"
    found = [(f.block, f.start, f.suggestion) for f in lint_text(text, tmp_path, select="T103")]
    assert found == [(0, 4, "～"), (0, 18, "～")]  # a standard's, a model's, a date's and a phone's hyphen stay


def test_a_paragraph_cut_off_before_the_next_item(tmp_path: Path) -> None:
    text = ("三、主要措施\n1.加强党员教育。健全帮扶机制，为生活困难党员提供救助帮扶，\n2.推进结对共建。深化与社区的合作。\n"
            "3.强化作风建设。持续整治会风文风，\n坚决纠治作风方面的突出问题。\n")
    found = [(f.line, f.column) for f in lint_text(text, tmp_path, select="T103")
             if "逗号结尾" in f.message]
    assert found == [(2, 30)]  # a comma before a line that goes on with the item is a line broken inside it


def test_single_characters_the_segmenter_left_apart_are_no_word_typed_twice(tmp_path: Path) -> None:
    text = "而没有考虑到端到端流程的全局观。\n各单位要加强安全安全管理工作。\n要加强管理加强管理，提高效率。\n"
    found = [(f.line, f.excerpt) for f in lint_text(text, tmp_path, select="T101")]
    assert found == [(2, "安全安全"), (3, "加强管理加强管理")]  # 考虑到|端到端 is no doubling


def test_the_bracket_of_an_emoticon_is_no_bracket(tmp_path: Path) -> None:
    text = "欢迎大家继续支持 ;-)\n会议很成功:)\n请见附件(一。\n"
    assert [(f.line, f.excerpt) for f in lint_text(text, tmp_path, select="T102")] == [(3, "(")]


def test_a_bracket_among_a_forums_jammer_text_is_no_bracket(tmp_path: Path) -> None:
    """B101 reports the forum's anti-copy tokens; their brackets are no marks of the text. A real one stays."""
    text = "工作总结一般由标题、正文和落款组成。7 a$ P( m! z8 R* f5\n落款写明单位名称 x( Q4 b# n\n请见附件(一。\n"
    assert [(f.line, f.excerpt) for f in lint_text(text, tmp_path, select="T102")] == [(3, "(")]
    # two lines of it joined by a PDF's paragraph make a token of four (^)y+): still the jammer's
    joined = "工作总结一般由标题、正文和落款组成。7 a$ Pm m! z8 R* ^)y+ ?; } o\n请见附件(一。\n"
    assert [(f.line, f.excerpt) for f in lint_text(joined, tmp_path, select="T102")] == [(2, "(")]


def test_a_span_of_months_takes_the_dash_also_at_a_lines_start(tmp_path: Path) -> None:
    found = [(f.line, f.suggestion) for f in lint_text("情况通报\n1-11月份，全县完成投资12亿元。\n", tmp_path, select="T103")]
    assert found == [(2, "—")]
    # a standard's number after a space is no range
    assert lint_text("情况通报\n执行GB/T 9704-2012标准。\n", tmp_path, select="T103") == []


def test_a_span_of_years_takes_the_dash_and_a_range_of_quantities_the_wave(tmp_path: Path) -> None:
    found = [(f.start, f.suggestion) for f in lint_text("规划期2021-2023年，每年投入10-20万元。", tmp_path, select="T103")]
    assert found == [(7, "—"), (20, "～")]  # GB/T 15834-2011 4.13.3.2 and 4.13.3.3


def test_two_quotations_joined_by_an_ellipsis_are_not_a_quote_turned_round() -> None:
    from reportlint.checks.hygiene import reversed_quotes

    # a line whose quotation opened on the line before (a page's source, not joined back) ends it (”), an
    # ellipsis leaves text out, the next opens (“): ”。……“ holds no word, so nothing was turned back to front
    assert reversed_quotes("作为学校的重要任务”。……“在已有计划的基础上，实施新的培养计划，") == []
    assert reversed_quotes("推进”快递进村“工程。") == [2, 7]


def test_document_number_year_in_square_brackets_before_a_wrong_di(tmp_path: Path) -> None:
    # 第 before the serial number is a second fault of the same 文号 (the example plugin's); the year's brackets
    # are still T104's
    found = lint_text("依据《责任规定》（省安办发[2021]第50号）执行。", tmp_path, select="T104")
    assert [(f.excerpt, f.suggestion) for f in found] == [("[2021]", "〔2021〕")]


def test_half_width_colon_typed_with_a_space_after_it(tmp_path: Path) -> None:
    # the English habit (a space after the colon) between Chinese words is still a half-width mark in Chinese text;
    # a comma with a space after it is left alone in a line that is no prose (lists in program code: "公式, 创业训练"),
    # as is Latin before it
    text = "会议提出三点要求: 一是加强学习。\n公式, 创业训练\nTime: 会议"
    found = [(f.line, f.start, f.suggestion) for f in lint_text(text, tmp_path, select="T103")]
    assert found == [(1, 8, "：")]


def test_an_adverb_and_verb_after_a_verb_that_takes_them_as_its_object_keep_de(tmp_path: Path) -> None:
    # 得到了不断的提高, 进行了认真的研究, 给予充分的肯定: a noun phrase after 得到/进行/给予, so 的 is right; the same
    # words as an adverbial before the verb (要认真的研究) still take 地
    text = ("关于课程建设的总结\n教师的业务水平得到了不断的提高，对教材进行了认真的研究，学校给予充分的肯定。\n"
            "下一步要认真的研究新教材。\n")
    found = lint_text(text, tmp_path, select="T106")
    assert [(f.line, f.excerpt) for f in found] == [(3, "认真的研究")]
    # … with a first modifier between the verb and the adverb (经过专家系统的研究)
    more = "关于课程建设的总结\n新教材经过专家系统的研究后启用。\n"
    assert lint_text(more, tmp_path, select="T106") == []


def test_a_verb_that_makes_a_view_is_a_noun_and_keeps_de(tmp_path: Path) -> None:
    # 科学的发展观, 正确的政绩观: 观 makes the verb a noun, 的 is right (a rewriter's 科学的开展观 is T104's alone)
    text = "关于作风建设的总结\n干部要树立正确的政绩观，运用科学的发展观指导实践，运用科学的开展观推动工作。\n"
    assert lint_text(text, tmp_path, select="T106") == []
    assert [f.excerpt for f in lint_text(text, tmp_path, select="T104")] == ["开展"]


def test_a_word_twice_where_a_text_lost_every_sentence_end_is_left_alone(tmp_path: Path) -> None:
    """A site that strips 。 leaves 小组 / 小组成员 as 小组小组成员: the word twice may end one sentence and begin the next.
    The same words in a text that keeps its sentence ends are a word typed twice."""
    clause = "学校组织开展了校园安全隐患排查工作，各部门积极配合，"
    lost = ("关于校园安全隐患排查的报告\n" + clause * 6 + "学校成立了专项排查小组小组成员按分工开展排查\n"
            + clause * 5 + "排查工作按期完成\n")
    assert lint_text(lost, tmp_path, select="T101") == []
    kept = lost.replace("按期完成", "按期完成。")
    assert [f.excerpt for f in lint_text(kept, tmp_path, select="T101")] == ["小组小组"]


def test_half_width_marks_beside_numbers_and_closing_quotes_are_found(tmp_path: Path) -> None:
    # 查询,2023年 / 增长24.7%,超额 / 提出“三个提升”:一是: Chinese text on one side, a number, a percentage or a
    # closing mark on the other; a thousands separator (1,000) and a time (9:30) between digits are left alone
    text = "关于统计工作的通知\n请登录平台查询,2023年数据已更新。全年增长24.7%,超额完成。会议提出“三个提升”:一是提升质量。\n" \
           "本次拨款1,000元，会议9:30开始。\n" \
           "今年去库存20%,2025年去库存60%。费率为3.5%,4.5%两档。\n"  # a Chinese clause's percentage, a number next
    found = lint_text(text, tmp_path, select="T103")
    assert sorted((f.line, f.excerpt) for f in found) == [(2, ","), (2, ","), (2, ":"), (4, ","), (4, ",")]


def test_a_swapped_word_is_reported_alone_with_its_right_form(tmp_path: Path) -> None:
    # 便民效劳中心 → 效劳 should be 服务 (not 便民效劳 → 服务, which drops 便民); 否那么 → 那么 should be 则
    text = "关于便民服务的通知\n各乡镇要建好便民效劳中心，按时报送材料，否那么，将予以通报。\n"
    found = lint_text(text, tmp_path, select="T104")
    assert [(f.excerpt, f.suggestion) for f in found] == [("效劳", "服务"), ("那么", "则")]


def test_question_marks_around_a_phrase_inside_a_sentence_are_lost_quotes(tmp_path: Path) -> None:
    # 以?两个维护?为根本: the “” a converter turned into ?; questions (是什么?为什么?) keep their marks, asked full-width
    text = "某局工作总结\n全局坚持以?两个维护?为根本遵循。大家要想一想这是什么?为什么?\n"
    found = lint_text(text, tmp_path, select="T103")
    assert [(f.excerpt, f.suggestion) for f in found] == [("?两个维护?", "“两个维护”"), ("?", None)]
    assert "共有 2 处" in found[1].message  # (the two of one paragraph: one finding with their count)


def test_a_summary_of_half_width_marks_is_shown_in_running_text_not_a_table_cell(tmp_path: Path) -> None:
    from conftest import make_docx

    from reportlint.testing import lint_path

    sentences = [f"第{n}项工作已经按计划完成并通过验收." for n in "一二三四五六"]
    path = make_docx(tmp_path / "summary.docx", [("技术总结", {"table": [["版本.", "时间"], ["1.0", "2024年"]]}),
                                                 *((s, {}) for s in sentences)])
    found = [f for f in lint_path(path, select="T103").findings if "半角标点“.”" in f.message]
    assert len(found) == 1 and "共有 7 处" in found[0].message
    assert found[0].excerpt == "." and found[0].block > 2  # the first sentence's mark, after the table


def test_a_rewriters_swaps_of_review_creation_and_project_are_reported(tmp_path: Path) -> None:
    text = "镇2023年工作总结\n一、工作回忆\n今年各工程标任务全面完成，文明创立深入推进，开展后劲不断增强。\n"
    found = [(f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T104")]
    assert found == [("回忆", "回顾"), ("工程", "项目"), ("创立", "创建"), ("开展", "发展")]
    right = "镇2023年工作总结\n一、工作开展情况\n他回忆起工作经历。本工程标段已完工，公司创立于2003年，开展活动12次。\n"
    assert lint_text(right, tmp_path, select="T104") == []


def test_one_swap_made_all_through_the_text_is_one_finding_with_its_places(tmp_path: Path) -> None:
    text = ("区政府工作报告\n全区经济社会开展进程加快，高质量开展取得新成效。\n"
            "坚持新的开展理念，增强开展后劲。\n要稳固已有成果，夯实组织根底。\n")
    found = lint_text(text, tmp_path, select="T104")
    swaps = [f for f in found if f.excerpt == "开展"]
    assert len(swaps) == 1 and "全文共 4 处" in swaps[0].message and len(swaps[0].related) == 3
    assert sorted(f.excerpt for f in found if f.excerpt != "开展") == ["根底", "稳固"]


def test_an_event_named_by_its_month_and_day_takes_the_interpunct(tmp_path: Path) -> None:
    text = "关于防灾减灾工作的报告\n全力做好“8.15”特大暴雨灾后重建，“6.3”事故已经查清。软件“4.11”版本已上线。\n"
    found = lint_text(text, tmp_path, select="T103")
    assert [(f.excerpt, f.suggestion) for f in found] == [("“8.15”", "“8·15”"), ("“6.3”", "“6·3”")]
    assert "间隔号" in found[0].message


def test_a_quotation_inside_a_quotation_takes_single_quotes(tmp_path: Path) -> None:
    text = "通知\n会议提出“着力延伸“口岸+”产业链”的要求。\n推进““十四五””规划落实。\n开展“安全月”“质量月”活动。\n"
    found = lint_text(text, tmp_path, select="T103")
    assert [(f.line, f.suggestion) for f in found] == [(2, "“着力延伸‘口岸+’产业链”")]


def test_biaozhun_as_the_noun_a_preposition_governs_is_no_swap(tmp_path: Path) -> None:
    # 规范有序 swapped is 标准有序; 按(照)……标准 is the noun, and what follows it is the verb phrase
    swapped = "推动各项工作标准有序开展。"
    assert [(f.excerpt, f.suggestion) for f in lint_text(swapped, tmp_path, select="T104")] == [("标准", "规范")]
    right = "各项创建工作正按照验收标准有序推进，设备符合国家标准有序投放。"
    assert lint_text(right, tmp_path, select="T104") == []


def test_kaizhan_guihua_as_a_verb_and_its_object_is_no_swap(tmp_path: Path) -> None:
    # 开展规划 (carry out planning) is right; 编制开展规划 and 产业开展规划 are 发展规划 swapped
    right = "这类片区功能单一，一般不单独开展规划，由所在街道统一开展规划编制。"
    assert lint_text(right, tmp_path, select="T104") == []
    swapped = "市里编制开展规划，明确产业开展规划的重点。"
    found = lint_text(swapped, tmp_path, select="T104")
    assert [(f.excerpt, f.suggestion) for f in found] == [("开展", "发展"), ("开展", "发展")]


def test_a_document_number_with_its_serial_in_brackets_too(tmp_path: Path) -> None:
    # 区教发[2019]（8号）: the year's square brackets are reported as in 区教发[2019]8号
    found = lint_text("通知\n根据区教发[2019]（8号）文件精神，现通知如下。\n", tmp_path, select="T104")
    assert [(f.excerpt, f.suggestion) for f in found] == [("[2019]", "〔2019〕")]


def test_figures_typed_full_width_in_chinese_text(tmp_path: Path) -> None:
    text = "关于创建示范街的通知\n今年创建示范店和１条示范街，完成率达到９５．５%。\n１．组织领导\n"
    found = lint_text(text, tmp_path, select="T103")
    assert [(f.excerpt, f.suggestion) for f in found] == [("１", "1"), ("９５．５", "95.5")]
    assert "GB/T 15835-2011" in found[0].message


def test_small_form_variants_of_marks(tmp_path: Path) -> None:
    """﹪ and ﹕ (Unicode's Small Form Variants, left by a code converter) take their standard forms, fixed."""
    text = "工作总结\n全年办结率达98.5﹪，群众满意。主要做法如下﹕一是优化流程。\n"
    found = lint_text(text, tmp_path, select="T103")
    assert [(f.excerpt, f.suggestion) for f in found] == [("﹪", "%"), ("﹕", "：")]
    assert found[0].fix


def test_a_full_width_point_between_sentences(tmp_path: Path) -> None:
    """补短板强弱项．一方面: ． ends a Chinese sentence where 。 belongs; 一．总则 is an item's marker (N106's)."""
    text = "工作总结\n坚持补短板强弱项．一方面，抓好基础设施。\n一．总体要求\n"
    found = lint_text(text, tmp_path, select="T103")
    assert [(f.line, f.excerpt, f.suggestion) for f in found] == [(2, "．", "。")]


def test_a_cited_notices_tail_left_outside_its_title(tmp_path: Path) -> None:
    """《××方案》的通知（文号）: the notice's name is one title; 关于印发《××方案》的通知（文号） is the usual way to cite
    it in running words, and 《关于印发〈××〉的通知》 is right."""
    text = ("关于做好防治工作的通知\n按照《全市病虫害防治工作指导方案》的通知（市农发〔2025〕12号）要求，做好防治工作。\n"
            "根据市政府关于印发《加强管理办法》的通知（市政发〔2024〕3号）精神，制定本方案。\n"
            "根据《关于印发〈加强管理办法〉的通知》（市政发〔2024〕3号），制定本方案。\n")
    found = lint_text(text, tmp_path, select="T103")
    assert [(f.line, f.excerpt) for f in found] == [(2, "的通知")]
    assert "书名号外" in found[0].message
    assert not found[0].fix  # two right forms: the writer chooses


def test_an_approximate_number_in_arabic_digits_takes_chinese_numerals(tmp_path: Path) -> None:
    # 3、4个 → 三四个 (GB/T 15835-2011 4.2.2); two months, two articles, a list's numbers and 3、5 stay
    text = "关于会议精简的报告\n科室每周要参加3、4个会议，每次开2、3小时。\n依照第3、4条办理，3、4月份完成，另有13、14个。\n"
    found = [(f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T103") if "约数" in f.message]
    assert found == [("3、4", "三四"), ("2、3", "二三")]
    # grades named together in a traditional text (一、二年級) are a list, as 一、二年级 is
    grades = "關於資助的通知\n對全縣中職學校一、二年級學生給予資助，另有3、4年級學生。\n"
    assert [f for f in lint_text(grades, tmp_path, select="T103") if "约数" in f.message] == []


def test_a_mark_opened_in_the_sentence_a_cut_text_stops_in_is_left_alone(tmp_path: Path) -> None:
    """A page's preview or a copy that lost its end stops in mid-sentence: a quotation or a title opened in that last
    sentence may close past the cut. The same mark in a finished sentence, or before the last one, is reported."""
    cut = "各村要落实防汛责任。\n坚持“早预警、早转移”，做好“三个到位"
    assert _spans(tmp_path, cut, "T102") == []
    short = "一、有关事项\n（二）同意县农业局关于印发《秋季种植技术要点"
    assert _spans(tmp_path, short, "T102") == []
    comma = "各村要落实防汛责任。\n古人讲：“不忘初心，方得始终”，大意是“只有坚守本心，"  # stops at a comma
    assert _spans(tmp_path, comma, "T102") == []
    finished = "各村要落实防汛责任。\n坚持“早预警、早转移”，做好“三个到位。"
    assert _spans(tmp_path, finished, "T102") != []
    earlier = "要做好“三个到位。坚持早预警、早转移，落实各项防汛责任，确保群众生命财产安全不受任何威胁"
    assert _spans(tmp_path, earlier, "T102") != []
    # a quotation of whole sentences opened earlier in the paragraph, nothing quoted after it, runs on to the cut
    quoted = ("二、整改情况\n（1）关于“理论学习中心组学习制度执行不够严格。部分成员学习笔记不全”问题。\n"
              "（2）关于“调查研究不够深入，解决实际问题的办法不多。局党组未制定年度调研计划，结合本局业务")
    assert _spans(tmp_path, quoted, "T102") == []
    assert _spans(tmp_path, quoted + "开展调研。", "T102") != []
    # … and a mark opened in the sentence that runs into a site's prompt where it hid text, on the next line or in
    # the same paragraph: it may close in the hidden part
    hid = "各村要落实防汛责任。\n全县大力开展“安全度汛月\n……(某某文秘网省略912字,正式会员可完整阅读)……\n各村按时完成。\n"
    assert _spans(tmp_path, hid, "T102") == []
    inline = "各村要落实防汛责任。\n全县大力开展“安全度汛月……此处隐藏1200个字……各村按时完成。\n"
    assert _spans(tmp_path, inline, "T102") == []
    assert _spans(tmp_path, hid.replace("安全度汛月\n", "安全度汛月。\n"), "T102") != []
    # … not with hundreds of characters after it before the cut (a viewer's page and the next one it runs on into)
    long = quoted + "开展专题调研，" * 30 + "各股室"
    assert _spans(tmp_path, long, "T102") != []
    # the text stops in a figure inside a title and its bracket (《……三年行动计划(2024—202)
    figure = "各村要落实防汛责任。\n为此，县政府决定编制并实施《全县水利建设三年行动计划(2024—202"
    assert _spans(tmp_path, figure, "T102") == []
    assert _spans(tmp_path, figure + "6年)的通知。", "T102") != []  # finished: the 《 is left open
    # a site's dots where it cut the text inside a title, and a stop put right after a title cut short
    dots = "各村要落实防汛责任。\n县里出台了《全县山塘水库安全度汛专项整治实......"
    assert _spans(tmp_path, dots, "T102") == []
    stop = "各村要落实防汛责任。\n县里研究制定了《全县水利事业发展“十。"
    assert _spans(tmp_path, stop, "T102") == []
    assert _spans(tmp_path, "县里研究制定了《全县水利事业发展规划。各村要落实防汛责任。", "T102") != []
    # a quotation opened as the very last mark: what it holds is past the cut
    last = "各村要落实防汛责任。\n汛期以来，全县水利部门始终坚持人民至上，牢牢守住防汛安全的“"
    assert _spans(tmp_path, last, "T102") == []
    # … on the last page of a viewer's text (3、…), which goes on with the sentence the page before stops in: the cut's
    # last sentence begins in the paragraph before (``open_tail``), and a mark opened after that place may close past it
    from reportlint.checks.hygiene import _may_close_past
    from reportlint.model import Finding

    def mark(block: int, start: int) -> Finding:
        return Finding("a.txt", "T102", "unbalanced-pair", "warning", "", block, start, block, start + 1, "“")

    assert _may_close_past(None, mark(4, 20), (3, 50))  # type: ignore[arg-type]
    assert not _may_close_past(None, mark(2, 20), (3, 50))  # type: ignore[arg-type]


def test_a_point_after_a_de_that_ends_no_sentence_is_to_be_deleted(tmp_path: Path) -> None:
    """本站由……批准设立的.基层服务机构: a page's inserted point after 的, in a clause without 是, ends no sentence: delete
    it; 是……的. may close one, and a point at a line's end is a full stop typed the English way."""
    text = "关于农技站情况的报告\n本站由县农业局批准设立的.基层服务机构，服务周边村组.\n这些成绩是来之不易的.下一步要继续努力。\n"
    found = [(f.line, f.message) for f in lint_text(text, tmp_path, select="T103")]
    assert [line for line, _ in found] == [2, 2, 3]
    assert "请删除这个点" in found[0][1] and "全角标点“。”" in found[1][1] and "全角标点“。”" in found[2][1]
    # a clause that opens at a 、 of a list, a title's 《 or a bracket, however long the sentence before it
    longer = ("关于农技站情况的报告\n县局转来《关于申请拨付二〇二四年度全县农业技术推广站设备购置经费的.请示》，已阅。\n"
              "我们把全县八个乡镇、三十二个行政村的种植大户、家庭农场和专业合作社的.负责人请来座谈。\n")
    assert [(f.line, "请删除这个点" in f.message) for f in lint_text(longer, tmp_path, select="T103")] == [(2, True), (3, True)]


def test_a_viewers_page_number_before_the_texts_own_dunhao_is_no_doubled_mark(tmp_path: Path) -> None:
    """2、、企业增税……: the 2、 is a sharing site's page number (N108), the 、 after it the text's own; no T103 for a
    doubled 、. A 、、 the writer typed is still one."""
    body = "镇党委先进事迹材料镇地处县城东郊" + "近年来全镇上下团结一心扎实推进乡村振兴，各项事业取得长足进步，群众的获得感不断增强，" * 10
    pages = [body[:160], "、" + body[160:319], body[319:380]]
    text = "".join(f"{n}、{page}\n" for n, page in enumerate(pages, 1))
    assert [f.rule for f in lint_text(text, tmp_path, select="N108")] == ["N108"] * 3
    assert [f for f in lint_text(text, tmp_path, select="T103") if "重复" in f.message] == []
    typed = "工作总结\n全年完成道路、、桥梁建设任务。\n"
    assert [f.excerpt for f in lint_text(typed, tmp_path, select="T103")] == ["、、"]


def test_a_rewriters_swaps_of_campaign_safety_and_planning_words_are_reported(tmp_path: Path) -> None:
    """进展专项整治, 平安生产, 方案生育, 一、根本情况, 流淌摊贩, 准时发觉, 政治坚决, 效劳周到: each a word a rewriter's
    synonym table put in a set phrase of the genre; the replacement word in its own sense stays silent."""
    text = ("镇安全生产工作总结\n一、根本情况\n今年全镇进展专项整治3次，准时发觉并消除隐患12处，杜绝平安生产事故。\n"
            "清理流淌摊贩20处，落实方案生育政策，干部政治坚决，效劳周到。\n")
    found = [(f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T104")]
    assert found == [("根本情况", "基本情况"), ("进展", "开展"), ("准时发觉", "及时发现"), ("平安", "安全"),
                     ("流淌", "流动"), ("方案生育", "计划生育"), ("坚决", "坚定"), ("效劳", "服务")]
    right = ("镇工作总结\n二、工作进展\n工作进展顺利，平安建设扎实推进，河水流淌不息，问题根本解决，坚决执行决定，"
             "他准时到会并发觉了问题。\n")
    assert lint_text(right, tmp_path, select="T104") == []


def test_a_run_of_questions_keeps_its_question_marks(tmp_path: Path) -> None:
    """……有什么意义?怎样才能做得更好?: half-width question marks ending questions, not a word a converter put between
    two ? for lost quotes; T103 asks them full-width. A word between two ? in a statement is the lost quotes."""
    asked = "学习心得\n这样的学习有什么意义?怎样才能做得更好?我们要认真思考。\n"
    found = lint_text(asked, tmp_path, select="T103")
    assert found and all("丢失的引号" not in f.message for f in found)
    quoted = "学习心得\n我们要弘扬?红船精神?不断前进。\n"
    assert ["丢失的引号" in f.message for f in lint_text(quoted, tmp_path, select="T103")] == [True]


@pytest.mark.parametrize(("text", "lost"), [
    ("会议审议通过了?年度预算编制办法，并部署了下一步工作。", True),  # a lost 《 or word inside a statement
    ("这次常务会议?研究了人事任免事项。", True),
    ("这项工作为什么没有落实?我们要认真反思。", False),  # questions: the ? asks, T103 widens it
    ("大家是不是都认真落实了?二是要加强督查。", False),
    ("以上请示妥否?请批示。", False),
    ("這些年我們為何要堅持?一次次的探索給出了答案。", False),
    ("安全生产有多重要?全县的事故数字就是答案。", False),
    ("如何按照县委关于一手抓防汛救灾、一手抓经济发展的要求，统筹推进灾后恢复重建与乡村振兴，巩固脱贫攻坚成果，"
     "推动全县农村经济继续健康发展?为此，调研组深入各乡镇开展调研。", False),  # a long question, asked from its start
])
def test_a_question_mark_inside_a_statement_is_a_lost_character(tmp_path: Path, text: str, lost: bool) -> None:
    """A half-width ? inside a sentence that asks nothing, the text going on after it, stands where a character the
    page's or a converter's character set lacked was lost: T103 says so instead of asking for a full-width ？."""
    found = lint_text(f"工作报告\n{text}\n", tmp_path, select="T103")
    assert [("丢失的字符" in f.message, "？" in f.message) for f in found] == [(lost, True)]


def test_a_headings_number_run_into_the_line_before_keeps_its_point(tmp_path: Path) -> None:
    """……按时报送检查结果三.后勤保障工作: ……: the 三. is a heading's number run into the line before (a new paragraph and
    三、 fix it), not a sentence ended with an ASCII point; a point after a numeral that ends a sentence still is."""
    text = "某院工作计划\n二、按时报送检查结果三.后勤保障工作：加强设备维护。\n"
    assert lint_text(text, tmp_path, select="T103") == []
    ended = "某院工作计划\n二、全院分为三.各科室要加强设备维护。\n"
    assert [f.rule for f in lint_text(ended, tmp_path, select="T103")] == ["T103"]


def test_a_point_inside_a_doubled_word_is_to_delete(tmp_path: Path) -> None:
    """种.种困难: a page put a point inside the doubled word against copying; the fix is 种种, not 种。种. A point between
    two numerals (1.1) is no such point."""
    found = lint_text("讲话\n我们遇到了种.种困难，大家要迎难而上。\n", tmp_path, select="T103")
    assert [(f.excerpt, f.suggestion) for f in found] == [("种.种", "种种")]


def test_a_half_width_comma_with_a_space_after_it_is_widened_and_the_space_dropped(tmp_path: Path) -> None:
    """来, 全国: the English habit of a space after the comma, between two Chinese clauses; the full-width mark takes
    its own room (GB/T 15834-2011), so the fix drops the space with the mark. In English listing Chinese words
    (typos such as 扶再贷款, 以工代贩) the comma is English."""
    found = lint_text("讲话\n改革开放四十多年来, 全国人民团结奋斗。\n", tmp_path, select="T103")
    assert [(f.excerpt, f.fix) for f in found] == [(", ", ((1, 9, 11, "，"),))]
    assert lint_text("Notes\nOCR typos such as 扶再贷款, 以工代贩 were found.\n", tmp_path, select="T103") == []


def test_you_zuowei_before_the_verb_zuowei_is_no_word_typed_twice(tmp_path: Path) -> None:
    """把讲奉献、有作为作为目标追求: 有作为 (a noun, achievement), then the verb 作为."""
    assert lint_text("讲话\n要把有作为作为衡量干部的重要标准。\n", tmp_path, select="T101") == []
    assert [f.rule for f in lint_text("讲话\n要把学习作为作为首要任务。\n", tmp_path, select="T101")] == ["T101"]


def test_a_title_written_twice_on_the_first_line_is_one_doubled_word(tmp_path: Path) -> None:
    """××调查报告 ××调查报告 (a page's browser title and its heading copied together), with or without a blank, a year
    after it or not: the title typed twice; the fix keeps one. A title said once, then its kind again in the first
    sentence (……述职报告 述职报告是……), is no title twice."""
    for line in ("县乡村旅游发展调查报告 县乡村旅游发展调查报告 全县共有旅游村12个。",
                 "关于全县养老服务的调研报告2023关于全县养老服务的调研报告2023为摸清情况，我们开展了调研。"):
        found = lint_text(line + "\n", tmp_path, select="T101")
        assert [f.rule for f in found] == ["T101"] and "打了两遍" in found[0].message
    once = "县乡村旅游发展调查报告\n调查报告是反映调查结果的文书。全县共有旅游村12个。\n"
    assert lint_text(once, tmp_path, select="T101") == []


def test_a_backtick_inside_a_chinese_sentence_is_to_delete(tmp_path: Path) -> None:
    """局的`相关要求: a grave accent is no Chinese mark; deleting it mends the sentence. A code span in a technical
    note (`config.toml`) is left alone."""
    found = lint_text("自查报告\n按照市教育局的`有关部署，我校开展了自查。\n", tmp_path, select="T103")
    assert [(f.excerpt, f.fix) for f in found] == [("`", ((1, 7, 8, ""),))]
    assert lint_text("说明\n配置写在`config.toml`文件里。\n", tmp_path, select="T103") == []


def test_commas_in_a_row_where_names_were_taken_out_ask_for_the_names(tmp_path: Path) -> None:
    """分别对、、等三个乡镇: the names of the list were taken out; deleting one 顿号 (or the one before 等) leaves it wrong.
    农民增收、、企业增税 is a mark typed twice."""
    found = lint_text("督查报告\n督查组分别对、、等三个乡镇进行了督查。\n", tmp_path, select="T103")
    assert [(f.excerpt, f.suggestion) for f in found] == [("、、", None)] and "名称" in found[0].message
    typed = lint_text("督查报告\n推动农民增收、、企业增税。\n", tmp_path, select="T103")
    assert [f.suggestion for f in typed] == ["、"]


def test_the_close_of_a_pinyin_reading_whose_opening_was_lost_is_no_bracket(tmp_path: Path) -> None:
    """A page that put pinyin after its characters, copied through a converter that turned a character and its ( into
    ?: the ) closes the reading (X103 reports the readings), no bracket of the text. A real lone ) stays."""
    text = ("先進事跡\n他紮根(zhā gēn)基層(céng)二十年,深入當(dāng)?dì)調(diào)研,為(wèi)群眾?bàn)實事。\n"
            "見附件一)。\n")
    assert [(f.line, f.excerpt) for f in lint_text(text, tmp_path, select="T102")] == [(3, ")")]


def test_a_full_stop_typed_for_a_decimal_point_is_reported(tmp_path: Path) -> None:
    """总投资86。4万元: the input method's 。 for the decimal point, between digits before a unit; a sentence that ends
    on a figure before one that opens with a date is no decimal (共5人。6月……)."""
    text = "项目建议书\n项目总投资86。4万元，同比增长12。5%。参加培训共5人。6月底前完成。\n"
    found = lint_text(text, tmp_path, select="T103")
    assert [(f.excerpt, f.start) for f in found] == [("。", 7)] and "2 处" in found[0].message  # one paragraph's two
    one = lint_text("项目建议书\n项目总投资86。4万元。\n", tmp_path, select="T103")
    assert [(f.excerpt, f.suggestion) for f in one] == [("。", ".")]


def test_a_document_numbers_lost_close_bracket_is_said_once(tmp_path: Path) -> None:
    """依据×政发〔202312号: T108 names the lost 〕 with the number to write; T102 does not repeat it. A 〔 left open in
    words is still T102's."""
    text = "实施意见\n依据《关于加强养老服务的意见》（某政发〔202312号）制定本意见。\n请见〔附件一。\n"
    found = [(f.rule, f.line) for f in lint_text(text, tmp_path, select="T102,T108")]
    assert found == [("T108", 2), ("T102", 3)]


def test_question_marks_around_a_quoted_question_are_no_title_marks(tmp_path: Path) -> None:
    """准备好了吗?诗人说:“我们的路怎么个走法?……”: the ? are question marks (half-width), not 《》 around a title
    ending in 法; ?环境保护法? still is one."""
    text = "开学讲话\n你准备好了吗?诗人说:“我们的路怎么个走法?这要自己回答。”\n要学习?环境保护法?的规定。\n"
    found = [(f.line, f.suggestion) for f in lint_text(text, tmp_path, select="T103") if "?" in f.excerpt]
    assert (3, "《环境保护法》") in found and not any(s and s.startswith("《") for line, s in found if line == 2)


def test_the_first_item_glued_to_its_heading_closes_no_bracket(tmp_path: Path) -> None:
    """……具体要求1)要明确……。2)建立……: the ) of a first item glued to the words before it closes its label, as the
    ) of 2) after a full stop does; a ) with no item 2 after it is still a lone mark."""
    text = "安全生产责任制\n具体要求1)要明确各级领导的责任。2)建立管理组织体系。3)把工作分解到人。\n"
    assert lint_text(text, tmp_path, select="T102") == []
    lone = "安全生产责任制\n具体要求1)要明确各级领导的责任。\n"
    assert [f.excerpt for f in lint_text(lone, tmp_path, select="T102")] == [")"]


def test_a_figure_and_a_negative_rate_run_together_are_no_range(tmp_path: Path) -> None:
    """125,000-22.44%: a flattened table's figure (with its thousands separator) and the next cell's negative rate, no
    range for 连接号; 10-20% is one."""
    assert lint_text("营业收入28,500 22,105 125,000-22.44% 17.68%", tmp_path, select="T103") == []
    assert [f.excerpt for f in lint_text("成本下降10-20%。", tmp_path, select="T103")] == ["-"]
    assert [f.suggestion for f in lint_text("其中,1-6月完成投资。", tmp_path, select="T103")][-1:] == ["—"]


def test_hexagon_brackets_are_round_ones_unless_nested_inside_round_ones(tmp_path: Path) -> None:
    """〔〕 typed for a note is a round bracket on the wrong key; inside a round bracket it is the inner level of two,
    the way government documents nest them (各县〔市、区〕 in a note of who acts), and no defect."""
    text = ("关于推进节水工作的方案\n"
            "一、开展节水改造〔重点行业〕，年底前完成。\n"
            "二、推广节水器具。（县水利局、各乡〔镇、街道〕按职责分工负责）\n"
            "三、加强宣传（各村〔社区〕配合。\n")
    found = [(f.block, f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T103")
             if "六角括号" in f.message]
    assert found == [(1, "〔重点行业〕", "（重点行业）")]
