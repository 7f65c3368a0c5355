"""T105 wrong characters with evidence and T108 impossible numbers, on sentences written for these tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest

from reportlint import lexicon as lexicon_module
from reportlint.testing import lint_text


def _found(tmp_path: Path, text: str, code: str) -> list[tuple[str, str]]:
    """(excerpt, message) of each finding of ``code``."""
    return [(f.excerpt, f.message) for f in lint_text(text, tmp_path, select=code)]


@pytest.mark.parametrize(("text", "excerpt", "expected", "why"), [
    # 形近 inside an idiom or 公文 phrase
    ("各地要推广以工代贩的做法，带动群众增收。", "以工代贩", "以工代赈", "形近"),
    ("要求执法人员恰尽职守。", "恰尽职守", "恪尽职守", "形近"),
    # 音近 inside a 公文 phrase
    ("实施整存推进工程，改善农村人居环境。", "整存推进", "整村推进", "音近"),
    ("全乡决大多数农户参加了医保。", "决大多数", "绝大多数", "音近"),
    ("该厂一越成为全省纳税大户。", "一越成为", "一跃成为", "音近"),
    # 形近, the right word written elsewhere in the document with the same neighbour
    ("全力杭击洪涝灾害。各方抗击洪涝的决心不变。", "杭击", "抗击", "形近"),
])
def test_similar_characters_are_reported_with_the_evidence(
        tmp_path: Path, text: str, excerpt: str, expected: str, why: str) -> None:
    found = _found(tmp_path, text, "T105")
    assert len(found) == 1
    assert found[0][0] == excerpt
    assert expected in found[0][1] and why in found[0][1]


def test_a_name_beside_the_phrase_it_resembles_is_its_parallel(tmp_path: Path) -> None:
    assert _found(tmp_path, "全面推行河长制、湖长制，水环境持续改善。", "T105") == []


def test_words_of_the_genre_the_dictionary_lacks_are_words(tmp_path: Path) -> None:
    assert _found(tmp_path, "投票将以线上会议的形式进行，并在纸上签名确认。", "T105") == []


def test_a_clause_ending_in_a_word_of_one_character_has_none_dropped(tmp_path: Path) -> None:
    assert _found(tmp_path, "确保每项工作责任清、任务明。", "T105") == []
    assert [e for e, _ in _found(tmp_path, "进一步畅通受理渠。", "T105")] == ["受理渠"]
    # … nor items of one frame apart in the paragraph (一是人数多……三是形式多。)
    items = "本次活动一是人数多，参加群众达到五千人；二是亮点多，展演节目新颖；三是形式多。以前大多是领导讲，现在群众也讲。"
    assert _found(tmp_path, items, "T105") == []


def test_a_phrase_whose_first_character_is_in_another_word_has_none_dropped(tmp_path: Path) -> None:
    # 处于不败之地 beside 立于不败之地: 处于 holds the place of 立于; 于不败之地 alone has lost its 立
    assert _found(tmp_path, "使企业始终处于不败之地。", "T105") == []
    assert [e for e, _ in _found(tmp_path, "使企业始终，于不败之地。", "T105")] == ["于不败之地"]
    # 正规化 and 法制化 are words of their own: no 规范化建设 or 制度化建设 short of a character
    assert _found(tmp_path, "民兵队伍要加强正规化建设。", "T105") == []
    assert _found(tmp_path, "推进基层治理法制化建设。", "T105") == []

def test_a_phrase_whose_last_character_is_in_a_word_with_the_next_has_none_dropped(tmp_path: Path) -> None:
    # 规范化设置 is 规范化 + 设置, no 规范化建设 short of its 建; 规范化设。 has lost it
    assert _found(tmp_path, "在车站规范化设置多语种指示牌。", "T105") == []
    assert [e for e, _ in _found(tmp_path, "加强档案室规范化设。", "T105")] == ["规范化设"]


def test_a_policy_term_jieba_lacks_is_no_typo(tmp_path: Path) -> None:
    assert _found(tmp_path, "稳妥推进农村信用社改革化险工作。", "T105") == []
    # 纠治 (纠正、整治) is how reports speak of the 四风, though 救治 occurs in the same text
    assert _found(tmp_path, "医院全力救治伤员。\n各级机关要大力纠治“四风”，坚决整治形式主义。", "T105") == []
    # 社企 (社区与企业) of community work, beside 社会 elsewhere
    assert _found(tmp_path, "要做好社会治理工作。\n发挥服务站作用，做好社企融合新文章，推进社企共建。", "T105") == []
    # 复验 (a re-inspection: 卫生城市复审复验) beside 检查 elsewhere, and 复工复产
    assert _found(tmp_path, "开展卫生死角检查。\n在省级卫生县城复验期间，督促企业有序复工复产。", "T105") == []


def test_an_adjective_of_can_and_a_verb_is_no_phrase_short_of_its_last_character(tmp_path: Path) -> None:
    # 可操作 before a mark is the adjective (举措要可操作、可落地), not 可操作性 without its 性
    assert _found(tmp_path, "各处室要拿出具体可操作、可落地的办法。", "T105") == []


@pytest.mark.parametrize(("text", "excerpt", "expected"), [
    ("落实扶再贷款政策。", "扶再贷款", "扶贫再贷款"),
    ("强化班组准化建设，提升管理水平。", "准化建设", "标准化建设"),
    ("进一步畅通受理渠。", "受理渠", "受理渠道"),  # the last character, before a punctuation mark
    ("依据《中华人民共国安全生产法》开展检查。", "中华人民共国", "中华人民共和国"),  # inside a title too
    ("班子成员要抓好分管领域意识形工作。", "意识形工作", "意识形态工作"),
])
def test_a_dropped_character_in_a_fixed_phrase(tmp_path: Path, text: str, excerpt: str, expected: str) -> None:
    assert _found(tmp_path, text, "T105") == [(excerpt, f"“{excerpt}”疑似漏字，固定说法是“{expected}”，请核对")]


def test_a_masked_character_is_no_dropped_one(tmp_path: Path) -> None:
    """A site's word filter masks a character with ** (or a drafter leaves ×/□): the phrase lost nothing, B103 speaks
    for the mask; the same phrase cut short with no mark beside it is still reported."""
    assert _found(tmp_path, "全面加强**风廉政建设，营造良好政治生态。", "T105") == []
    assert _found(tmp_path, "进一步畅通受理渠□，方便群众反映问题。", "T105") == []
    assert [e for e, _ in _found(tmp_path, "深入推进风廉政建设，营造良好政治生态。", "T105")] == ["风廉政建设"]


def test_the_issuer_of_a_document_number_is_a_name(tmp_path: Path) -> None:
    """开编〔2012〕51号: the issuer's abbreviation (开封市编委) forms no word and looks like 开篇; it is a name, in a
    number with a 20xx year too. The same two characters in a sentence are still read."""
    for number in ("开编〔2012〕51号", "开编[20xx]51号"):
        assert _found(tmp_path, f"根据市编委的通知（{number}）规定，我局纳入财政全额供给。", "T105") == [], number
    assert [e for e, _ in _found(tmp_path, "在报告的开编就写明了全年目标，结构清楚。", "T105")] == ["开编"]


def test_ren_zuzhang_typed_with_the_character_of_the_same_reading(tmp_path: Path) -> None:
    assert [e for e, _ in _found(tmp_path, "成立工作领导小组，由分管领导人组长，各科室负责人为成员。", "T105")] == ["人组长"]
    assert _found(tmp_path, "班组设工人组长一名，负责日常排班。", "T105") == []


def test_wenzhong_youjin_typed_with_the_character_of_the_same_reading(tmp_path: Path) -> None:
    assert [e for e, _ in _found(tmp_path, "全县空气质量稳重有升，优良天数比例提高。", "T105")] == ["稳重有升"]
    assert _found(tmp_path, "他为人稳重有礼，深受同事好评。", "T105") == []


def test_jiezhi_before_a_masked_year_is_jiezhi_of_a_date(tmp_path: Path) -> None:
    assert [e for e, _ in _found(tmp_path, "截止202x年12月31日，共完成改造120户。", "T105")] == ["截止"]


def test_de_for_di_before_a_verb_with_le(tmp_path: Path) -> None:
    assert [e for e, _ in _found(tmp_path, "全年较好的完成了各项目标任务。", "T105")] == ["较好的"]
    # a noun phrase after 的 stays: 圆满的完成情况, 积极的推进作用
    assert _found(tmp_path, "各项任务都有圆满的完成情况报告，起到了积极的推进作用。", "T105") == []


def test_a_preposition_opening_a_clause_is_no_slip_for_a_phrase(tmp_path: Path) -> None:
    # ，在贷款额度、贷款利率等方面: 在 + 贷款, not 再贷款; 在接再厉 (no word after 在) is still one
    assert _found(tmp_path, "对重点项目，在贷款额度、贷款利率等方面给予优惠。", "T105") == []
    assert [e for e, _ in _found(tmp_path, "各单位要在接再厉，完成全年任务。", "T105")] == ["在接再厉"]


def test_paopian_is_a_word(tmp_path: Path) -> None:
    # 跑偏 (going off course) is a word of reports, no slip for 跑遍
    assert _found(tmp_path, "及时纠正改革中出现的跑偏走样等问题。", "T105") == []


def test_guisu_gan_for_the_sense_of_belonging(tmp_path: Path) -> None:
    # 归宿感 for 归属感: a wrong word of the common-error lists; 归宿 (where one ends up) stays
    assert [e for e, _ in _found(tmp_path, "增强教职工的归宿感和获得感。", "T105")] == ["归宿感"]
    assert _found(tmp_path, "为困难群众找到好的归宿，增强归属感。", "T105") == []


def test_pushe_typed_with_the_look_alike_fu(tmp_path: Path) -> None:
    assert [e for e, _ in _found(tmp_path, "新辅设地下输水管道3.2公里。", "T105")] == ["辅设"]


def test_yixia_typed_for_the_list_word_yixia(tmp_path: Path) -> None:
    # 以下 and 一下 are both yixia: before what is listed, after a word that announces a list, 一下 is the slip
    for text in ("当前仍存在着一下问题：资金不足，人手偏紧。", "现就一下事项通知如下：", "要从一下几个方面抓好落实。"):
        assert [e for e, _ in _found(tmp_path, text, "T105")] == ["一下"], text
    # 一下 after a verb (a little, briefly) stays
    for text in ("会上我简单说明一下。", "请各位研究一下问题所在。", "下面我讲一下意见。"):
        assert _found(tmp_path, text, "T105") == [], text


def test_another_edition_of_a_title_is_no_gap(tmp_path: Path) -> None:
    text = ("关于修订住房保障办法的起草说明\n2015年印发的《某某市住房保障管理试行办法》已到期，"
            "现修订为《某某市住房保障管理办法》。\n")
    assert [f for f in lint_text(text, tmp_path, select="T105") if "不一致" in f.message] == []
    # drafts at two stages are two texts: the 送审稿 a bureau sent up and the 草案 made of it
    drafts = ("起草说明\n市司法局对《某某市物业管理条例（草案送审稿）》逐条审查修改，形成了《某某市物业管理条例（草案）》，"
              "后又印发《某某市物业管理条例（草案修改稿）》。\n")
    assert [f for f in lint_text(drafts, tmp_path, select="T105") if "不一致" in f.message] == []
    # a word right before the closing kind makes another kind of document: the report and the committee's review of it
    kinds = ("审查意见\n县政府提交的《关于全县上半年计划执行情况的报告》已经审议，现将《关于全县上半年计划执行情况的审查报告》"
             "印发。\n")
    assert [f for f in lint_text(kinds, tmp_path, select="T105") if "不一致" in f.message] == []


def test_two_titles_for_two_terms_the_text_names_are_no_gap(tmp_path: Path) -> None:
    # 优秀教师 and 优秀青年教师 are two awards the text names: their two forms are two forms, not one with a gap
    forms = "请于5月10日前报送《县优秀教师推荐表》和《县优秀青年教师推荐表》。\n"
    text = "关于评选优秀教师和优秀青年教师的通知\n今年评选优秀教师10名、优秀青年教师5名。\n" + forms
    assert [f for f in lint_text(text, tmp_path, select="T105") if "不一致" in f.message] == []
    # the same titles with no such terms outside them, listed side by side (和, 、): two forms named in one list
    assert [f for f in lint_text("关于评选工作的通知\n" + forms, tmp_path, select="T105") if "不一致" in f.message] == []
    # … cited apart, in two sentences: the shorter still looks like a gap
    apart = "请于5月10日前报送《县优秀教师推荐表》。\n推荐对象须如实填写《县优秀青年教师推荐表》。\n"
    assert [f.excerpt for f in lint_text("关于评选工作的通知\n" + apart, tmp_path, select="T105")
            if "不一致" in f.message] == ["县优秀教师推荐表"]


def test_two_titles_cited_in_one_list_are_two_documents(tmp_path: Path) -> None:
    """依据《……森林法》、《……森林法实施条例》 or 执行《……办法》、省委印发的《……细则》: titles listed side by side with
    no clause mark between them name two documents, however alike; cited in two sentences, the shorter is a gap."""
    listed = "方案\n依据《中华人民共和国草法》、《中华人民共和国草原保护法》等法律法规，制定本方案。\n"
    assert [f for f in lint_text(listed, tmp_path, select="T105") if "不一致" in f.message] == []
    apart = "方案\n依据《中华人民共和国草法》制定本方案。\n各乡镇要严格执行《中华人民共和国草原保护法》。\n"
    assert [f.excerpt for f in lint_text(apart, tmp_path, select="T105") if "不一致" in f.message] \
        == ["中华人民共和国草法"]


def test_a_title_cited_elsewhere_with_more_characters(tmp_path: Path) -> None:
    text = "按照《安全生产检查制度》执行。\n对照《安全生产专项检查制度》逐项落实。"
    found = _found(tmp_path, text, "T105")
    assert [e for e, _ in found] == ["安全生产检查制度"]
    assert "安全生产专项检查制度" in found[0][1]
    # a title cited with its own number names that document, one of a family with the longer
    family = "依据《道路运输管理规定》（交通运输部令2022年第5号）和《道路运输辅助业管理规定》（交通运输部令2021年第3号）。"
    assert _found(tmp_path, family, "T105") == []
    # one numeral more is another of a series: the tenth and the eleventh amendment, the second and the twelfth batch
    series = "根据《刑法修正案（十）》和《刑法修正案（十一）》，对照《第二批重点项目清单》和《第十二批重点项目清单》。"
    assert _found(tmp_path, series, "T105") == []
    # two items of one list of tables: the general one and the one for basic spending
    tables = "部门决算说明\n附表：\n1.《项目经费支出明细表》\n2.《项目经费基本支出明细表》\n3.《收入明细表》\n"
    assert _found(tmp_path, tables, "T105") == []
    # the shorter cited twice the same way is a document of its own (the rules on a field and those on part of it)
    twice = ("学习《县委意识形态工作责任制实施办法》，落实《县委网络意识形态工作责任制实施办法》。\n"
             "制定贯彻《县委意识形态工作责任制实施办法》的措施。")
    assert _found(tmp_path, twice, "T105") == []
    # the longer has a run typed twice: it is the one to correct, not the shorter short of characters
    doubled = "县政府关于印发《宜川县宜川县农村饮水管理办法》的通知\n《宜川县农村饮水管理办法》已经县政府同意，现予印发。"
    found = _found(tmp_path, doubled, "T105")
    assert [e for e, _ in found] == ["宜川县宜川县农村饮水管理办法"] and "重复的“宜川县”" in found[0][1]
    # … while the same two titles in running text are one title with a gap
    cited = "部门决算说明\n详见《项目经费支出明细表》。\n对照《项目经费基本支出明细表》核对。\n"
    assert [e for e, _ in _found(tmp_path, cited, "T105")] == ["项目经费支出明细表"]


@pytest.mark.parametrize(("text", "excerpt", "expected"), [
    ("新建道路1OO米。", "1OO", "100"),
    ("计划投资25l亿元。", "25l", "251"),
    ("在K3+2O0处设置标志。", "2O0", "200"),
    ("于2O23年完成，l0月验收。", "2O23", "2023"),
    ("编号3O5的线路。", "3O5", "305"),
    # a month or a day in letters alone between a date's units
    ("会议定于2023年Io月3日召开。", "Io", "10"),
    ("请于5月lI日前报送。", "lI", "11"),
])
def test_letters_typed_for_digits(tmp_path: Path, text: str, excerpt: str, expected: str) -> None:
    found = _found(tmp_path, text, "T105")
    assert [e for e, _ in found][:1] == [excerpt]
    assert f"应为“{expected}”" in found[0][1]


def test_letters_between_a_dates_units_that_make_no_month_are_left_alone(tmp_path: Path) -> None:
    assert _found(tmp_path, "于2023年OO月报送。", "T105") == []  # 00 is no month: not sure what it was
    assert _found(tmp_path, "2024年IT月报。", "T105") == []


@pytest.mark.parametrize(("text", "typo", "right"), [
    ("确保打羸脱贫攻坚战。", "打羸", "打赢"),
    ("那怕是再难，也要按期完成。", "那怕", "哪怕"),
    ("肯请各位同事多提宝贵意见。", "肯请", "恳请"),
    ("在全县竖立了良好的窗口形象。", "竖立", "树立"),
    ("回首住事，感慨万千。", "住事", "往事"),
    ("截止今天，共排查隐患12处。", "截止", "截至"),
    ("垦请上级予以支持。", "垦请", "恳请"),
    ("他为项目建设殚精竭力。", "殚精竭力", "殚精竭虑"),
    ("同事们的成绩令人艳慕。", "艳慕", "羡慕"),
    ("校园小买部已全部整改。", "小买部", "小卖部"),
    ("需然困难很多，但我们没有退缩。", "需然", "虽然"),
    ("听到消息，大家心潮澎拜。", "澎拜", "澎湃"),
    ("干部们走村窜户收集意见。", "走村窜户", "走村串户"),
    ("发展快不快，关健在班子。", "关健", "关键"),
])
def test_more_listed_typos(tmp_path: Path, text: str, typo: str, right: str) -> None:
    found = _found(tmp_path, text, "T105")
    assert [e for e, _ in found] == [typo] and f"应为“{right}”" in found[0][1]


def test_the_right_words_near_the_more_listed_typos_stay(tmp_path: Path) -> None:
    assert _found(tmp_path, "路口竖立着一块警示牌。那是去年的事。他肯定会来。", "T105") == []
    assert _found(tmp_path, "如有所需然后再议。", "T105") == []
    assert _found(tmp_path, "会议由关健同志主持。", "T105") == []  # a person named 关健
    assert _found(tmp_path, "各机关健全制度，有关健康的知识。", "T105") == []  # 机关 + 健全, 有关 + 健康


def test_yin_ren_before_a_verb_of_thought_is_no_yin_ru(tmp_path: Path) -> None:
    """引人思考, 引人深思, 引人关注: the 引人 of 引人注目 before a verb of thought or feeling, no slip for 引入."""
    assert _found(tmp_path, "他们的做法引人思考，也引人深思。", "T105") == []


def test_san_shu_of_the_families_of_the_fallen_is_no_san_shu_of_the_duty_report(tmp_path: Path) -> None:
    """三属 (the families of martyrs and of servicemen who died on duty or of illness) is the term of 优抚 work, no slip
    for the 三述 of a duty report."""
    assert _found(tmp_path, "走访慰问优抚对象和三属家庭120户。", "T105") == []


def test_a_dash_read_as_yi_yi_at_the_head_of_a_sentence(tmp_path: Path) -> None:
    found = _found(tmp_path, "试点分为两类。一一综合类，侧重整体推进。", "T105")
    assert [e for e, _ in found] == ["一一"]
    assert _found(tmp_path, "问题清单已经建立。一一对应整改，逐项销号。", "T105") == []
    assert _found(tmp_path, "对反馈的问题一一整改到位。", "T105") == []


def test_roman_numerals_spelt_with_mixed_letters_and_a_stray_de_in_a_document_number(tmp_path: Path) -> None:
    assert [e for e, _ in _found(tmp_path, "响应分为一般(Ill级)和较大(III级)。", "T105")] == ["Ill"]
    assert [e for e, _ in _found(tmp_path, "依据办发[2021]的12号文件执行。", "T105")] == ["[2021]的12号"]


def test_a_roman_numeral_with_a_lowercase_l_is_named_and_its_place_in_the_series_gives_the_fix(tmp_path: Path) -> None:
    """The l (or 1) typed or read for I is named; the fix comes from the numerals listed before it in the same line
    (I级、II级、III级 then Ill级 is the fourth: IV, not III), and without such a series none is guessed."""
    findings = lint_text("本预案的响应由高到低设I级、II级、III级和Ill级。", tmp_path, select="T105")
    assert [(f.excerpt, f.suggestion) for f in findings] == [("Ill", "IV")]
    assert "“IV”" in findings[0].message and "小写字母 l" in findings[0].message
    findings = lint_text("值班岗位设I级和Il级两档。夜间另设Il1级值守。", tmp_path, select="T105")
    assert [(f.excerpt, f.suggestion) for f in findings] == [("Il", "II"), ("Il1", None)]
    assert "数字 1" in findings[1].message and "核对" in findings[1].message


@pytest.mark.parametrize("text", [
    "张杭同志到杭州调研，各部门积极配合。",  # a name next to a surname, and the city
    "点击“账号登陆”按钮完成注册。",  # a quoted button label is reproduced as it is
    "干部队伍恪尽职守，加强基层治理，畅通受理渠道，推进标准化建设。",
    "推动城乡区域发展格局持续改善，构建新发展格局。",  # two words, no phrase with a character missing
    "全市标准建设要开好局、起好步。",
    "新建道路100米，投资25亿元，O2O服务平台上线，I类项目3个。",
    "按照《消防法》和《中华人民共和国消防法》执行。",  # a short title beside its full form
    "坚持赋能增效，统一报送材料，视情启动应急响应。",  # newer words jieba's dictionary lacks
    "年内抓好各个泵站的开工和建设。",  # 开工 + 和 + 建设, no 工程建设 with a wrong character
    "会上他被推为领袖，带领大家前进。",  # 推为 + 领袖: no 推诿
    "沿河文物连片保护，进一步以线扩面，以查促改。",  # the 以A促B frame: 以 is the preposition, no 一线
    "列席时应汇报下阶段工作打算及需提交研究的事项。",  # 打算 + 及 + 需提交……: the conjunction, no 亟需
])
def test_clean_text_stays_silent(tmp_path: Path, text: str) -> None:
    assert _found(tmp_path, text, "T105") == []


@pytest.mark.parametrize(("text", "excerpt", "expected"), [
    ("认真查找自已在学习上的差距。", "自已", "自己"),
    ("确保2024年6 月低完成整改。", "月低", "月底"),
    ("全镇共签定项目合同12个。", "签定", "签订"),
    ("这样的做法在全省前无仅有。", "前无仅有", "绝无仅有"),
    ("按排专人负责台账管理。", "按排", "安排"),
    ("指标要真实反应城市发展状况。", "反应", "反映"),
    ("扩宽融资渠道。", "扩宽", "拓宽"),
    ("请其它同志做好配合。", "其它", "其他"),  # 其它 for things only, never for people
    ("整改工作取得了显着成效。", "显着", "显著"),
    ("截止9月，全镇共走访农户300户。", "截止", "截至"),
    ("组织以线工作人员深入企业。", "以线", "一线"),  # 以 + 线 + a noun: no 以A促B frame
    ("深入学习新世代中国特色社会主义思想。", "新世代", "新时代"),
    ("积极应对人口老年化。", "老年化", "老龄化"),
    ("截止年底，全县完成投资5亿元。", "截止", "截至"),
    ("截止20xx年底，全县完成投资5亿元。", "截止", "截至"),
    ("止9月底，全县新增存款12亿元。", "止", "截至"),
    ("截止昨天下午5时，已有120人报名。", "截止", "截至"),
    ("始终以服务群众为已任。", "已任", "己任"),
    ("在新形式下做好信访工作。", "形式", "形势"),
    ("当前安全生产形式依然严峻。", "形式", "形势"),
    ("新建天燃气管道12公里。", "天燃气", "天然气"),
    ("规模上工业增加值增长6%。", "规模上", "规模以上"),
    ("新建牲猪养殖基地3个。", "牲猪", "生猪"),
    ("县农业农村局\n于开展农村人居环境整治情况的调研报告\n一、基本情况", "于", "关于"),
    ("全年生产仲钨酸氨1200吨。", "酸氨", "酸铵"),  # an ammonium salt written with 氨
    ("每亩追施碳酸氢氨50公斤。", "碳酸氢氨", "碳酸氢铵"),
    ("年底前完成用地协议签定工作。", "签定", "签订"),
    ("全力迎接中央环保督查回头看。", "督查", "督察"),
    ("个别同志工作急燥，方法简单。", "急燥", "急躁"),
    ("少数干部报有侥幸心理。", "报有", "抱有"),
    ("避免对群众生活造成副面影响。", "副面", "负面"),
    ("打牢产业发展基矗。", "基矗", "基础"),
])
def test_listed_typos_of_the_common_lists(tmp_path: Path, text: str, excerpt: str, expected: str) -> None:
    found = lint_text(text, tmp_path, select="T105")
    assert [(f.excerpt, f.suggestion) for f in found] == [(excerpt, expected)]


@pytest.mark.parametrize("text", [
    "听到消息，他激动得不能自已。",
    "6月低于去年同期水平，1月低温天气较多。",
    "请各单位将情况上报有关部门，同时报有关领导。",  # 报 (report to) before 有关
    "实施河道裁弯取直工程，缩短航道里程。",  # 裁弯取直, a word of river works (现代汉语词典), as is 截弯取直
    "按排名先后确定人选，按排序结果公示。",
    "应急队伍反应迅速，未出现不良反应。",
    "其它事项另行通知。",  # an accepted variant for things, and the document writes no other form
    "这一做法彰显着为民情怀，凸显着改革成效。",  # 显 + the particle 着
    "报名截止9月30日，逾期不再受理。",  # the day it closes
    "新世代信息技术企业。",
    "报名截止当天下午5点，逾期不候。",
    "以通知形式下发各单位。",
    "于3月召开动员会，于4月完成调研报告",  # 于 as a preposition before a time
    "对于开展专项整治工作的意见",
    "自2024年1月1日起至6月30日止，共受理申请120件。",  # 止 closing a span
])
def test_listed_typos_leave_the_right_forms(tmp_path: Path, text: str) -> None:
    assert lint_text(text, tmp_path, select="T105") == []


def test_an_accepted_variant_beside_its_standard_form_is_one_form_to_keep(tmp_path: Path) -> None:
    text = "一、其他事项按原规定执行。\n二、其它工作另行通知。\n"
    found = lint_text(text, tmp_path, select="T105")
    assert [(f.line, f.excerpt, f.suggestion) for f in found] == [(2, "其它", "其他")] and "不一" in found[0].message


def test_a_quality_class_typed_in_letters_beside_its_roman_numeral_is_one_form_to_keep(tmp_path: Path) -> None:
    text = "一、全县断面水质均达到Ⅲ类以上，消除劣Ⅴ类水体。\n二、年内完成2个劣V类断面治理。\n"
    found = lint_text(text, tmp_path, select="T105")
    assert [(f.line, f.excerpt, f.suggestion) for f in found] == [(2, "V类", "Ⅴ类")]
    # letters alone, or amino acids and ammonia water: nothing
    assert lint_text("全县地下水质量为IV类，氨基酸和氨水另行检测。\n", tmp_path, select="T105") == []


def test_a_listed_mistake_written_all_through_is_one_finding_with_its_places(tmp_path: Path) -> None:
    text = "希望大家再接再励。\n会议要求再接再励。\n\n我们将再接再励，做好工作。\n"
    found = lint_text(text, tmp_path, select="T105")
    assert len(found) == 1 and "全文共 3 处" in found[0].message
    assert [r["line"] for r in found[0].related] == [2, 4]
    assert len(lint_text("希望大家再接再励。\n会议要求再接再励。\n", tmp_path, select="T105")) == 2


@pytest.mark.parametrize(("text", "excerpt", "expected"), [
    ("研究制定若千条具体措施。", "若千", "若干"),  # 干 read as 千
    ("严格按照权利清单、责任清单履职。", "权利清单", "权力清单"),
    ("要坚持不懈，张蓝图绘到底。", "张蓝图绘到底", "一张蓝图绘到底"),
    ("实施供水、排污等基础设建设。", "基础设建设", "基础设施建设"),
    ("逐级签订安全生产任制书。", "安全生产任制", "安全生产责任制"),  # a named system short of a character
    ("帮助外来务工人员尽快熔入社区。", "熔入", "融入"),
    ("发现险情立即停电撒人。", "撒人", "撤人"),
])
def test_slips_of_plans_and_reports(tmp_path: Path, text: str, excerpt: str, expected: str) -> None:
    assert [(f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T105")] == [(excerpt, expected)]


@pytest.mark.parametrize(("text", "excerpt", "expected"), [
    ("要统筹好工作安排，预留足够时问开展调研。", "时问", "时间"),  # 间 read or typed as 问
    ("接到通知后，值班人员立即进人岗位。", "进人", "进入"),  # 入 read as 人
    ("将安全培训纳人年度考核。", "纳人", "纳入"),
    ("对出院病人定期开展随防。", "随防", "随访"),  # 访 and 防 of the 方 family
    ("今年遭遇了历史旱见的干旱。", "旱见", "罕见"),  # 史 of 历史 is no surname opening a name
    ("各单位要釆取有力措施。", "釆取", "采取"),  # 釆 for 采, one stroke apart
])
def test_a_character_confused_with_one_of_its_look_alikes(tmp_path: Path, text: str, excerpt: str,
                                                         expected: str) -> None:
    found = lint_text(text, tmp_path, select="T105")
    assert [(f.excerpt, f.suggestion) for f in found] == [(excerpt, expected)]
    assert "形近" in found[0].message and "组不成词" in found[0].message


@pytest.mark.parametrize("text", [
    "引进人才要与培养人才并重。",  # 进 of 引进, 人 of 人才: both in words
    "他同时问了三个问题。",  # 同时 + 问
    "理论学习要入脑入心。",  # a parallel phrase: 入 again two places on
    "编发廉洁从业三问三省提醒卡。",  # … and its numeral again two places on: 三问三省, no 三间
    "对照五问自查：一问思想是否解放，二问作风是否扎实，三问服务是否到位。",  # an ordinal series of questions
    "要让每名干部既成就事业又成就自我。",  # 既……又……, and 成 begins 成就: no 事业有成
    "实行一人一岗，人人有责。",
    "推出“心晴”服务品牌。",  # a quoted name
    "陈入职以来表现良好。",  # beside a surname
    "责任心强的人会主动把工作做在前面。",  # 人 + 会 (a modal verb): two words, no 入会
    "这件事人人都要过问。",
    "新增道路名称有文化路、干古洞路、梁家沟路共3条。",  # a place's name in a list of names
    "一脚踏在船上，一脚踩在泥里，用力向前滑行。",  # a verb varied in a parallel clause, not a slip for 脚踏
    "这也就是读好书的意义。",  # 也就是 + 读 + 好书: three words, no 也就是说
    "各村因村制宜发展集体经济。",  # a slot several idioms fill (因地制宜, 因时制宜): the writer's own word in it
    "面对困难局面，老站长在这个偏远乡镇一干就是二十年。",  # 一 + a verb, no numeral: no 一千
    "因道路施工，该路段全幅封闭，请车辆绕行。",  # a road-closure notice's own term, no 全副
    "全县列入湖长制管理的湖泊共5个。",  # the lakes' own system beside the rivers' 河长制
    "他挑起了那副沉甸甸的担子。",  # 副 after a demonstrative: the classifier of a load, a pair, a face
])
def test_look_alikes_that_stand_right_are_left_alone(tmp_path: Path, text: str) -> None:
    assert lint_text(text, tmp_path, select="T105") == []


@pytest.mark.parametrize(("text", "excerpt", "expected"), [
    ("存在的不足可概况为：一是学习不深，二是调研不够。", "概况", "概括"),
    ("概况起来有三点。", "概况", "概括"),
    ("大家要进自己所能，做好本职工作。", "进", "尽"),
])
def test_listed_homophone_and_noun_verb_slips(tmp_path: Path, text: str, excerpt: str, expected: str) -> None:
    assert [(f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T105")] == [(excerpt, expected)]


@pytest.mark.parametrize("text", ["项目概况为：总投资3亿元，占地50亩。", "全力推进其他工作。", "工作进展顺利。",
                                  "废料熔入钢水后重新轧制。", "向人群撒人造雪。"])
def test_an_overview_and_progress_stay(tmp_path: Path, text: str) -> None:
    assert lint_text(text, tmp_path, select="T105") == []


@pytest.mark.parametrize(("text", "found"), [
    ("坚持党委统—领导，各部门分工负责。", [("统—", "统一")]),  # 一 read as a dash
    ("首批试点名单中，第—批共有五个镇。", [("第—", "第一")]),
    ("沿京广线北京—郑州段施工。", []),  # a range between two places
    ("服务大厅每周一—周五开放。", []),  # a range between two like terms
])
def test_a_one_read_as_a_dash(tmp_path: Path, text: str, found: list[tuple[str, str]]) -> None:
    assert [(f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T105")] == found


def test_confusable_groups_are_rule_data_a_user_extends(tmp_path: Path) -> None:
    text = "各单位要重视安仝生产。"  # 仝, an old form of 同, read for 全
    assert lint_text(text, tmp_path, select="T105") == []
    (tmp_path / "reportlint.toml").write_text('[options.T105.extend]\nconfusable = ["全仝"]\n', encoding="utf-8")
    found = lint_text(text, tmp_path, select="T105", use_config=True)
    assert [(f.excerpt, f.suggestion) for f in found] == [("安仝", "安全")]


def test_confusable_table_reads_only_strings() -> None:
    from reportlint.checks.proofread import confusable_table

    assert confusable_table(["问间", 3, "人入", "间闻"]) == {"问": "间", "间": "问闻", "人": "入", "入": "人", "闻": "间"}
    assert confusable_table("问间") == {} and confusable_table(None) == {}


def test_list_only_when_detection_is_off(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text("[options.T105]\ndetect = false\n", encoding="utf-8")
    found = lint_text("各地推广以工代贩的做法，明查暗访。", tmp_path, select="T105", use_config=True)
    assert [f.excerpt for f in found] == ["明查暗访"]


@pytest.mark.parametrize(("text", "excerpt", "detail"), [
    ("完成时限为2023年9月31日。", "2023年9月31日", "9月没有31日"),
    ("会议定于2023年2月29日召开。", "2023年2月29日", "2月没有29日"),
    ("请于2月30日前报送。", "2月30日", "2月没有30日"),
    ("到202年底全部完成。", "202年", "只有三位数字"),
    ("共培训干部50人，其中科级30人、一般干部40人。", "50人", "大于总数"),
    ("共培训干部50人，科级30人、一般干部40人。", "共培训干部50人", "大于总数"),  # a list in one clause
    # every part of a known breakdown, in the sentence after the whole: their sum must be the whole
    ("全县生产总值86.4亿元，增长5%。其中，第一产业增加值9.1亿元，第二产业增加值35.2亿元，第三产业增加值44.1亿元。",
     "86.4亿元", "合计 88.4亿元"),
    ("年末常住人口21.5万人，其中城镇人口9.8万人，乡村人口10.7万人。", "21.5万人", "与总数不符"),
    # other parts of a total after 其中: only a sum above it is wrong
    ("全年累计下达资金960万元，其中中央资金500万元，省级资金300万元，县级资金200万元。", "960万元", "大于总数"),
    ("今年绿化预算8.40亿元，比去年（7.10亿元）多安排1.30万元。", "1.30万", "单位应为“亿元”"),
    ("全年调增投资3.40亿元。其中：县域项目调增0.25万元，城区项目调增3.15亿元。", "0.25万", "单位应为“亿元”"),
    ("所需资金由县财政出资6000，乡镇筹措4000。", "6000", "没有单位"),
    ("20231128日召开专题会议。", "20231128日", "应为“2023年11月28日”"),
    ("县政府于2022915日印发方案。", "2022915日", "应为“2022年9月15日”"),
    ("会议于2022111日召开。", "2022111日", "请写成“××××年×月×日”"),  # 1月11日 or 11月1日
    ("根据县政办发〔202416号文件要求执行。", "〔202416号", "应为“〔2024〕16号”"),
    # the date under a signature that lost its 月 and 日
    ("特此通知。\n县防汛抗旱指挥部\n2023年815\n", "2023年815", "应为“2023年8月15日”"),
])
def test_impossible_numbers(tmp_path: Path, text: str, excerpt: str, detail: str) -> None:
    found = _found(tmp_path, text, "T108")
    assert [e for e, _ in found] == [excerpt]
    assert detail in found[0][1]


@pytest.mark.parametrize("text", [
    "共计60人，其中男性25人、女性35人；党员40人、群众20人。",  # two breakdowns of one total
    # the same people counted by sex, party and schooling, or by nested thresholds: no one breakdown
    "共有在职职工86人，其中女性32人，党员61人，大专以上学历70人。",
    # sums within the rounding of the figures; parts that name some of the whole; the list ends at another whole
    "全县生产总值86.4亿元，其中第一产业增加值9.1亿元，第二产业增加值35.2亿元，第三产业增加值42.1亿元。",
    "全年粮食总产量28.6万吨，比上年增加1.2万吨。其中，小麦12.1万吨，玉米15.3万吨。",
    "年末常住人口21.5万人，其中城镇人口9.8万人，乡村人口11.7万人，全年出生人口18600人。",
    "全年接待游客320万人次，其中过夜游客85万人次，实现旅游收入28亿元。",
    # averages of groups add up to nothing, and a group's average may exceed the whole's
    "全县居民人均收入31200元。其中，城镇居民人均收入40100元，农村居民人均收入19800元。",
    "全县职工平均工资8.1万元，其中男职工8.5万元，女职工7.6万元。",
    # parts that are other measures than the whole (far from adding up to it): no breakdown of it
    "全县就业人员2300人，其中城镇就业1600人，农村劳动力转移4200人。",
    # a rough whole bounds no sum
    "全年共接待游客约320万人次，其中过夜游客200万人次，一日游游客150万人次。",
    "共走访农户120户，其中年收入5万元以下的60户，3万元以下的40户，1万元以下的25户。",
    # 其中 inside brackets breaks down the figure the brackets follow, and its list ends with them
    "全年共安置群众80人（其中老人12人，儿童20人），另行帮扶困难群众1500人。",
    # a part's own part in brackets is counted in the part
    "全镇共有卫生机构40个，其中卫生院2个（中心卫生院1个），村卫生室35个（民营12个），诊所3个。",
    "会议定于2024年2月29日召开。",  # a leap year
    "20世纪90年代以来，全县共建成水库12座。",
    "完成时限为2023年9月30日。",
    "运行200年的古桥得到保护。",
    "今年绿化预算8.40亿元，比去年（7.10亿元）多安排1.30亿元，其中社会捐资1300万元。",
    "全年调增投资3.40亿元。其中：县域项目调增0.25亿元，城区项目调增3.15亿元，另有奖补资金25万元。",
    "所需资金由县财政出资6000万元，乡镇筹措40%。",
    "项目编号20231128，合同号2023091512日前签订的除外。",  # no 日 right after the digits; a run too long for a date
    "依据县政办发〔2024〕16号文件，以及〔2024〕116号通知。",
    "全年共签订项目合同12个，已开工建设9个，5个项目建成投产。",  # stages that overlap, not parts
    "各支部共召开支部大会12场次、支委会48场次、主题党日48场次。",  # a list of counts of different things
    "全年任务完成率101.5%，到位资金占全年计划的167%。",  # a plan done beyond its target
    "2024年月度考核结果于3月5日公布。",  # 年 and 月度
    "全乡1300多号人参加了义务劳动。",  # 号, the classifier of a count of people in speech
    "2023年815户完成改造，2024年1200户\n",  # counts after a year, not a date alone on its line
    # a 其中 that does not follow the count breaks down another figure, or the two before it together
    "全村共有正式党员30人，预备党员3人，其中流动党员10人、在村党员23人。",
    "督查组共反馈问题3个方面15个具体问题，各镇自查发现问题40个，梳理整改任务60个，已完成52个，其中长期任务8个。",
    # population and labour force nest: no breakdown of the population
    "全县总人口50.2万人。其中农业人口41.5万人，农村劳动力26.3万人，富余劳动力约8万人。",
])
def test_possible_numbers_stay_silent(tmp_path: Path, text: str) -> None:
    assert _found(tmp_path, text, "T108") == []


@pytest.mark.parametrize(("text", "excerpt"), [
    ("全年完成固定资产投资约亿元，比上年多两成。", "约亿元"),
    ("一般公共预算收入同比增长%，完成年度目标。", "增长%"),
    ("城镇登记失业率比上年下降个百分点。", "下降个百分点"),
    ("今年是我县建县周年，要办好纪念活动。", "建县周年"),
    ("报名时间： 年3月1日至3月15日。", "年3月"),
    ("截至2024年月3月4日，共排查隐患31处。", "2024年月"),
    ("请于2021年8月日前报送材料。", "2021年8月日"),
    # a speech's subtitle of date and meeting that lost its year after the dash
    ("——年3月6日在全县经济工作会议上", "年3月"),
    # an audit follow-up report's count of problems by areas, the people disciplined, a figure broken at its comma
    ("专项审计查出的6个方面个问题，均已整改到位。", "个方面个问题"),
    ("移送纪检监察机关处理，给予政务处分人。", "处分人"),
    ("补缴税款2,.16万元。", "2,.1"),
])
def test_a_number_lost_in_copying(tmp_path: Path, text: str, excerpt: str) -> None:
    found = _found(tmp_path, text, "T108")
    assert [e for e, _ in found] == [excerpt]
    assert "丢失" in found[0][1]


def test_an_approximate_number_said_twice(tmp_path: Path) -> None:
    text = "共梳理数据约1200余条，约3万人左右参加培训。"
    assert [e for e, _ in _found(tmp_path, text, "T108")] == ["约1200余", "约3万人左右"]
    right = "共梳理数据1200余条，约3万人参加培训，签订合约300份，节约200余万元。"
    assert _found(tmp_path, right, "T108") == []


def test_an_approximate_number_in_chinese_numerals_or_a_share_said_twice(tmp_path: Path) -> None:
    """约 with 余 or 左右 around a number in Chinese numerals before its classifier, a fraction, or after 约占……的."""
    text = "贫困人口约占全乡人口的五分之一左右，约二十余名干部驻村，历时约三个月左右，耕地约占总面积的40%左右。"
    assert [e for e, _ in _found(tmp_path, text, "T108")] == [
        "约占全乡人口的五分之一左右", "约二十余", "约三个月左右", "约占总面积的40%左右"]
    right = ("贫困人口约占全乡人口的五分之一，二十余名干部驻村，历时三个月左右，签约三个项目，约定两年左右完成，"
             "约一个月后召开，参会三十人左右。")
    assert _found(tmp_path, right, "T108") == []


def test_a_rate_compared_with_an_earlier_one_changes_by_percentage_points(tmp_path: Path) -> None:
    text = "全县学前教育毛入园率98%，较去年提高2.5%。\n污水集中处理率为95.0%，同比下降1.2%。\n"
    found = lint_text(text, tmp_path, select="T108")
    assert [(f.line, f.excerpt, f.suggestion) for f in found] == [(1, "2.5%", "2.5个百分点"), (2, "1.2%", "1.2个百分点")]
    # points already, or the change of another quantity the clause names
    assert lint_text("森林覆盖率达到62%，比上年增加1.2个百分点。\n销售利润率为10%，利润同比增长15%。\n", tmp_path,
                     select="T108") == []


def test_a_range_of_numbers_with_zuoyou_is_an_approximation_said_twice(tmp_path: Path) -> None:
    text = "每人陈述控制在20-30分钟左右，预计三至五年左右完成，增幅10%～15%左右。"
    assert [e for e, _ in _found(tmp_path, text, "T108")] == ["20-30分钟左右", "三至五年左右", "10%～15%左右"]
    right = "每人陈述20～30分钟，工期30天左右，会议2023-10-01左右召开，道路5-10米左右两侧施工。"
    assert _found(tmp_path, right, "T108") == []


def test_many_numbers_lost_on_one_page_are_one_finding(tmp_path: Path) -> None:
    """A page whose figures were drawn apart loses all of them: one finding with the count, not one per number."""
    text = ("关于庆祝建校周年活动的安排\n今年是建校周年，全年接待来访约万元……\n"
            "招生人数同比增长%，就业率提高个百分点。\n活动定于 年10月举行。")
    found = _found(tmp_path, text, "T108")
    assert len(found) == 1
    # the title lost its number too; a number without a unit may be lost unseen: the count is a floor
    assert found[0][0] == "建校周年" and "至少有 6 处" in found[0][1]
    fewer = "今年是建校周年。\n招生人数同比增长%。"
    assert [e for e, _ in _found(tmp_path, fewer, "T108")] == ["建校周年", "增长%"]


@pytest.mark.parametrize("text", [
    "引进投资亿元以上的项目3个，近亿元资金已经到位，还有超亿元的项目在谈。",  # 亿元 standing for one
    "合格率提高了几个百分点，优良率提高两个百分点。",  # an amount in words
    "单位：%",  # a unit in a table heading
    "2024 年 3 月召开动员会，今年3月底前完成，次年 3 月复查。",  # a year before its blank; 次年
    "庆祝中华人民共和国成立75周年。",
    "处分决定应当送达受处分人，被问责人可以申诉。",  # the one disciplined, not a count
    "审计查出8个方面36个问题，处分12人；结余1,024.50万元。",
    "——2024年3月6日在全县经济工作会议上",
])
def test_numbers_that_are_there_stay_silent(tmp_path: Path, text: str) -> None:
    assert _found(tmp_path, text, "T108") == []


def test_done_after_the_document_date(tmp_path: Path) -> None:
    text = "关于整改情况的报告\n该项目已于2023年12月28日完成验收。\n县发展改革局\n2023年12月20日"
    found = _found(tmp_path, text, "T108")
    assert [e for e, _ in found] == ["已于2023年12月28日"]
    assert "晚于本文的成文日期" in found[0][1]
    earlier = text.replace("12月28日完成", "12月18日完成")
    assert _found(tmp_path, earlier, "T108") == []
    undated = "关于整改情况的报告\n该项目已于2023年12月28日完成验收。"
    assert _found(tmp_path, undated, "T108") == []


_DUE_NOTICE = ("关于报送校园绿化养护台账的通知\n各年级组：\n为摸清养护情况，现通知如下。\n"
               "一、请各年级组于2025年4月8日前把台账交总务处。\n二、请于4月10日（星期四）下午3:00到东楼参加培训。\n"
               "特此通知。\n总务处\n{signed}")


def test_a_notice_asks_for_a_time_before_its_own_date(tmp_path: Path) -> None:
    """Every time asked of the addressees that passed before the notice was signed: one finding, at the first."""
    found = _found(tmp_path, _DUE_NOTICE.format(signed="2025年4月15日"), "T108")
    assert [e for e, _ in found] == ["2025年4月8日"]
    assert "早于本文的成文日期 2025年4月15日（文中共 2 处）" in found[0][1]


_ISSUING_NOTICE = ("县水务局关于印发《县河道保洁实施方案》的通知\n各镇水务站：\n现将《县河道保洁实施方案》印发给你们，请认真执行。\n"
                   "县水务局\n2025年3月2日\n县河道保洁实施方案\n一、工作任务\n（一）清理河道垃圾。\n完成时限：{first}。\n"
                   "（二）建立保洁台账。台账资料截止时间为2024年12月31日。\n完成时限：{second}。\n")


def test_a_plan_issued_after_its_own_time_limits(tmp_path: Path) -> None:
    """A notice that issues a plan carries its date under its few lines, before the plan; the plan's time limits
    (完成时限：2024年12月) passed before that date. A date data are taken up to (数据截止日期) is no time asked."""
    found = _found(tmp_path, _ISSUING_NOTICE.format(first="2024年12月", second="2025年2月28日"), "T108")
    assert [e for e, _ in found] == ["2024年12月"]
    assert "早于本文的成文日期 2025年3月2日（文中共 2 处）" in found[0][1]
    assert _found(tmp_path, _ISSUING_NOTICE.format(first="2025年3月", second="2025年6月30日"), "T108") == []
    # a notice that issues nothing: its date is the one at its end, and this one has none
    plain = _ISSUING_NOTICE.format(first="2024年12月", second="2025年2月28日").replace("关于印发《县河道保洁实施方案》的通知",
                                                                                   "关于河道保洁的通知")
    assert _found(tmp_path, plain, "T108") == []


def test_a_plan_issued_after_the_time_limit_of_its_first_stage(tmp_path: Path) -> None:
    """动员部署阶段（4月底前） in a plan issued on 5月7日: the stage's month ends before the notice was signed. A later
    stage, or the same stage in a plan signed in April, is no finding."""
    text = ("县市容局关于印发《县渣土运输专项整治方案》的通知\n各镇：\n现将方案印发给你们，请认真执行。\n县市容局\n{signed}\n"
            "县渣土运输专项整治方案\n一、工作步骤\n（一）动员部署阶段（4月底前）：部署任务，开展宣传。\n"
            "（二）集中整治阶段（5月至9月）：开展联合执法。\n（三）总结提高阶段（10月底前）：总结经验。\n")
    found = _found(tmp_path, text.format(signed="2025年5月7日"), "T108")
    assert [e for e, _ in found] == ["4月"] and "早于本文的成文日期 2025年5月7日" in found[0][1]
    assert _found(tmp_path, text.format(signed="2025年4月20日"), "T108") == []


_ASKING_TEXTS = {
    # a request's 请于……前批复
    "request": ("县应急管理局关于申请执法装备购置资金的请示\n县人民政府：\n现申请执法装备购置资金45万元。\n"
                "妥否，请批示。请于2025年3月20日前批复。\n县应急管理局\n{signed}"),
    # a 函 asks as a notice does
    "letter": ("市档案馆关于商请提供馆藏目录的函\n市图书馆：\n为编制全市文献联合目录，请于2025年3月20日前将馆藏地方"
               "文献目录电子版发送至我馆。\n特此函商。\n市档案馆\n{signed}"),
}


@pytest.mark.parametrize("kind", sorted(_ASKING_TEXTS))
def test_a_request_or_a_letter_asks_for_a_time_before_its_own_date(tmp_path: Path, kind: str) -> None:
    text = _ASKING_TEXTS[kind]
    found = _found(tmp_path, text.format(signed="2025年4月2日"), "T108")
    assert [e for e, _ in found] == ["2025年3月20日"]
    assert _found(tmp_path, text.format(signed="2025年3月2日"), "T108") == []


def test_a_letter_pasted_onto_one_line_keeps_its_title_and_date(tmp_path: Path) -> None:
    """A dataset's one-line paste: the title runs into the addressees and the date closes the line after the body."""
    line = _ASKING_TEXTS["letter"].format(signed="2025年4月2日").replace("\n", "")
    found = _found(tmp_path, line, "T108")
    assert [e for e, _ in found] == ["2025年3月20日"]
    done = "县水利局关于防汛工作情况的报告县人民政府：堤防加固工程已于2025年5月6日完成验收。特此报告。县水利局2025年4月28日"
    assert [e for e, _ in _found(tmp_path, done, "T108")] == ["已于2025年5月6日"]


def test_a_reply_letter_may_quote_the_deadline_it_answers(tmp_path: Path) -> None:
    reply = _ASKING_TEXTS["letter"].replace("商请提供馆藏目录的函", "提供馆藏目录的复函")
    assert _found(tmp_path, reply.format(signed="2025年4月2日"), "T108") == []


@pytest.mark.parametrize("signed", [
    "2025年4月1日",  # signed before the times it asks for
    "2025年7月20日",  # 4月10日 without a year, long before: a date of another year; 4月8日 alone is late
])
def test_a_notice_signed_before_its_times_is_silent(tmp_path: Path, signed: str) -> None:
    found = _found(tmp_path, _DUE_NOTICE.format(signed=signed), "T108")
    assert [e for e, _ in found] == ([] if signed.endswith("4月1日") else ["2025年4月8日"])


def test_deadlines_told_in_a_summary_are_no_instruction(tmp_path: Path) -> None:
    """A summary (not a notice) tells of deadlines set in the past; and 申请于 is no 请于."""
    summary = ("2024年上半年总务工作总结\n三月印发通知，要求各年级组于3月8日前上交台账，各组均按时完成。\n"
               "总务处\n2024年6月30日")
    assert _found(tmp_path, summary, "T108") == []
    notice = _DUE_NOTICE.format(signed="2025年4月15日").replace("请各年级组于2025年4月8日前", "经申请于2025年4月8日起") \
        .replace("二、请于4月10日（星期四）下午3:00到东楼参加培训。", "二、培训另行安排。")
    assert _found(tmp_path, notice, "T108") == []


def _probe(lex: lexicon_module.Lexicon) -> list[object]:
    """What the rules ask of the tables, for a few words, keys and characters."""
    keys = ["以工代?", "?工代赈", "恪尽职?", "扶贫?贷款", "?于", "整?推进", "推?", "受理渠$"]
    return ([lex.word(w) for w in ("以工代赈", "恪尽职守", "扶贫再贷款", "整村推进", "以工代贩", "推进", "之后")]
            + [lex.targets(k) for k in keys] + [lex.targets(k, True) for k in keys]
            + [lex.dropped_phrase(k) for k in ("扶再贷款", "受理渠$", "准化建设")]
            + [(lex.single(c), lex.paired("推" + c), lex.similar("贩", c)) for c in "赈进村存"])


def test_tables_are_cached_and_rebuilt_when_the_cache_is_bad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    lexicon_module.lexicon.cache_clear()
    try:
        lex = lexicon_module.lexicon()
        expected = _probe(lex)
        files = list((tmp_path / "reportlint").glob("lexicon-*.marshal"))
        assert len(files) == 1
        lexicon_module.lexicon.cache_clear()
        assert _probe(lexicon_module.lexicon()) == expected  # read back from the file
        files[0].write_bytes(b"\x00not marshal")
        lexicon_module.lexicon.cache_clear()
        assert _probe(lexicon_module.lexicon()) == expected
    finally:
        lexicon_module.lexicon.cache_clear()


def test_tables_of_another_environment_sharing_the_folder_are_kept(tmp_path: Path) -> None:
    """Two virtualenvs (jieba installed at different times) share one cache folder: building one's
    tables keeps the other's, so neither rebuilds at each alternation; older ones beyond a few go."""
    import os

    for age, name in enumerate(["lexicon-aaaa.marshal", "lexicon-bbbb.marshal", "lexicon-cccc.marshal",
                                "lexicon-dddd.marshal"]):
        path = tmp_path / name
        path.write_bytes(b"x")
        os.utime(path, ns=(10**18 - age * 10**9, 10**18 - age * 10**9))  # aaaa the newest
    lexicon_module._prune(tmp_path, 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lexicon-aaaa.marshal", "lexicon-bbbb.marshal"]


def _small_tables(tmp_path: Path) -> tuple[Path, Path]:
    """A jieba-style dictionary and phrase list of a few words, written for these tests."""
    words = ["以工代赈 60 i", "以工代赈款 8", "恪尽职守 40 i", "推进 900", "整村推进 70", "推广 800", "之后 500",
             "贷款 700", "再贷款 60", "建设 900", "标准化 300", "扶贫 400", "工作 900", "代表 600",
             "推 3000", "进 2500", "贩 30", "赈 20", "村 900", "存 800"]
    (tmp_path / "dict.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    (tmp_path / "gongwen.txt").write_text("扶贫再贷款\n标准化建设 500\n受理渠道\n", encoding="utf-8")
    (tmp_path / "charsim.json").write_text(
        '{"shape": {"贩": "贝 反", "赈": "贝 辰", "村": "木 寸", "存": "子"}, "sound": {"村": "cun", "存": "cun"}}',
        encoding="utf-8")
    return tmp_path / "dict.txt", tmp_path


def test_the_cache_file_answers_like_the_tables_it_was_written_from(tmp_path: Path) -> None:
    built = lexicon_module._build(*_small_tables(tmp_path))
    assert built.word("以工代赈") and built.word("推进") and not built.word("以工代贩")
    assert [w for w, _, _ in built.targets("以工代?")] == ["以工代赈"]
    path = tmp_path / "lexicon.marshal"
    path.write_bytes(lexicon_module._pack(built))
    opened = lexicon_module._open(path, lambda: built)
    assert opened is not None
    assert _probe(opened) == _probe(built)
    keys = built._masked.whole()
    assert opened._masked.whole() == keys and all(opened.targets(k) == v for k, v in keys.items())
    assert opened._long.whole() == built._long.whole()
    assert (opened.mids, opened.phrase_heads, opened.phrase_tails) == (built.mids, built.phrase_heads, built.phrase_tails)
    assert opened.mids and opened.phrase_heads and opened.phrase_tails
    assert {h: opened.dropped_from(h) for h in opened.dropped_heads} == {h: built.dropped_from(h) for h in built.dropped_heads}


def test_a_damaged_record_of_the_cache_file_falls_back_to_tables_built_afresh(tmp_path: Path) -> None:
    built = lexicon_module._build(*_small_tables(tmp_path))
    data = bytearray(lexicon_module._pack(built))
    path = tmp_path / "lexicon.marshal"
    path.write_bytes(bytes(data[:-40]) + b"\xff" * 40)  # the last records: garbage of the right length
    rebuilt: list[bool] = []
    opened = lexicon_module._open(path, lambda: rebuilt.append(True) or built)  # type: ignore[func-returns-value]
    assert opened is not None
    assert _probe(opened) == _probe(built) and opened._phrasal.whole() == built._phrasal.whole()
    assert rebuilt  # the damage was seen and the tables built again


def test_tables_are_not_loaded_for_a_document_without_chinese(tmp_path: Path) -> None:
    lexicon_module.lexicon.cache_clear()
    lint_text("Plain English notes only.\nNothing to proofread here.", tmp_path, select="T105")
    assert not lexicon_module.loaded()


def test_tables_build_from_the_rule_data_alone_and_survive_a_broken_similarity_file(tmp_path: Path) -> None:
    (tmp_path / "gongwen.txt").write_text("# 注释\n以工代赈\n扶贫再贷款 500\n", encoding="utf-8")
    (tmp_path / "charsim.json").write_text("{not json", encoding="utf-8")
    lex = lexicon_module._build(None, tmp_path)
    assert lex.word("以工代赈") and lex.word("扶贫再贷款") and not lex.word("以工代贩")
    assert lex.targets("以工代?") == (("以工代赈", 1000, True),)
    assert lex.dropped_phrase("扶再贷款") == "扶贫再贷款"
    assert lex.similar("贩", "赈") is None  # no similarity data: nothing is called similar


def test_a_phrase_missing_a_character_names_the_same_phrase_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Two phrases that differ in their last character (一般来说, 一般来讲) leave the same 一般来 behind:
    the phrase named used to depend on the order of a set, so on the process that built the cache."""
    (tmp_path / "gongwen.txt").write_text("一般来说\n一般来讲\n不以为然\n不以为意\n", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from reportlint import lexicon as L; "
            "lex = L._build(None, Path(sys.argv[1])); "
            "print(lex.dropped_phrase('一般来$'), lex.dropped_phrase('不以为$'))")
    seen = {subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(1, 7)}
    assert len(seen) == 1


@pytest.mark.parametrize("text", [
    "网上办理步骤：打开网页一选择单位一填写信息一提交申请一完成注册。",  # arrows read as 一
    "网上办理步骤：打开网页弓选择单位弓填写信息弓提交申请。",  # arrows read as 弓
])
def test_a_garbled_passage_is_reported_once(tmp_path: Path, text: str) -> None:
    found = lint_text(text + "\n请各单位按时办理。", tmp_path, select="X103")
    assert [(f.block, f.excerpt) for f in found] == [(0, text[:-1])]
    assert "请对照原件核对" in found[0].message


def test_garbled_paragraphs_are_found_between_paragraphs_with_fewer_lone_odd_characters(tmp_path: Path) -> None:
    """X103 passes over a paragraph with too few lone odd characters at once, and still looks at the next: a
    garbled paragraph of exactly three after paragraphs of one and two, and another one after it, are reported."""
    garbled = ["网上办理步骤：打开网页弓选择单位弓填写信息弓提交申请。", "办理流程：登录系统弓核对材料弓上传附件弓审核通过。"]
    lines = ["查看通知斗下载表格。", "填写资料升报送材料，按时报送斗完成登记。", garbled[0], "请各单位按时办理。",
             "核对信息升报送材料。", garbled[1]]
    found = lint_text("\n".join(lines), tmp_path, select="X103")
    assert [(f.block, f.excerpt) for f in found] == [(2, garbled[0][:-1]), (5, garbled[1][:-1])]


@pytest.mark.parametrize("text", [
    "一是加强学习，一要讲政治，一心一意为人民服务，统一思想，进一步提高。",
    "参会人员：张三丰、李四光、王五福、赵六顺、钱七宝。",
    "要坚持一手抓疫情防控、一手抓经济发展，一体推进，一以贯之。",
    "苏、浙、皖、赣、湘、鄂、川、贵、云、晋、蒙、宁各省区联系人另行通知。",
    # products before their amounts: nouns, counted
    "该厂用废渣年产结晶铝三千多吨、烧结砖二十万块、琉璃瓦八万片，另产沸腾煤一万二千多吨。",
    # a cadence: 一 beside a unit of time is a numeral (每月一调度、每季一通报，一年一评比)
    "建立“每月一督导、季度一考评，一年一总评”的机制，压实责任。",
])
def test_ordinary_text_is_no_garbled_passage(tmp_path: Path, text: str) -> None:
    assert lint_text(text, tmp_path, select="X103") == []


def _orphans_by_definition(text: str, lex: lexicon_module.Lexicon) -> list[bool]:
    """A Chinese character that no dictionary word of 2–4 characters covers, checked window by window."""
    covered = [False] * len(text)
    for s in range(len(text)):
        for e in range(s + 2, min(len(text), s + 4) + 1):
            if lex.word(text[s:e]):
                covered[s:e] = [True] * (e - s)
    return [not c and "\u4e00" <= ch <= "\u9fff" for c, ch in zip(covered, text, strict=True)]


_W, _N, _H, _T, _L = (lexicon_module.WORD, lexicon_module.NOT_HAN, lexicon_module.HEAD, lexicon_module.TAIL,
                      lexicon_module.LONGER)


@pytest.mark.parametrize(("name", "values", "defined"), [
    # lone: the pair before is no word and the pair it begins is no word and begins with a Chinese character
    ("_lone_places", [0, _W, _N, _W | _N, _H | _L, _T | _W, 255],
     lambda a, b: not a & _W and not b & (_W | _N)),
    # a phrase head may begin where the pair says HEAD and the next pair TAIL
    ("_head_places", [0, _H, _T, _H | _T, _W | _H, _L | _T, 255],
     lambda a, b: bool(a & _H and b & _T)),
])
def test_neighbour_places_by_numpy_and_by_integers_match_their_definition(
        name: str, values: list[int], defined: Callable[[int, int], bool]) -> None:
    """numpy's steps and the integer masks give the places their definition gives, on random flags."""
    import random

    import numpy as np

    from reportlint.checks import proofread

    places = getattr(proofread, name)
    rng = random.Random(name)
    found = 0
    for _ in range(500):
        flags = bytes(rng.choice(values) for _ in range(rng.randint(0, 40)))
        expected = [k for k in range(len(flags) - 1) if defined(flags[k], flags[k + 1])]
        assert places(flags) == expected, flags
        assert places(flags, np) == expected, flags
        found += len(expected)
    assert found > 500


def test_orphans_and_dropped_phrases_match_their_plain_definitions(tmp_path: Path) -> None:
    """The fast paths (pairs found from a bytes map, places of phrase heads) against the slow definitions."""
    import random

    from reportlint.checks import proofread

    lex = lexicon_module._build(*_small_tables(tmp_path))
    rng = random.Random(7)
    pieces = [*"以工代赈款恪尽职守推进整村广之后贷扶贫再标准化建设受理渠道存贩，。、 A1《》",
              "扶再贷款", "准化建设", "受理渠", "扶贫再贷款", "标准化建设", "以工代贩", "整存推进", "推进"]
    hits = 0
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        assert proofread._orphans(text, lex) == _orphans_by_definition(text, lex), text
        found = [(t.start, t.end, t.expected) for t in proofread._dropped(text, lex)]
        expected = []
        for m in proofread._HAN_RE.finditer(text):
            s, e0 = m.start(), m.end()
            while s < e0 - 2:
                hit = None
                for length in range(min(8, e0 - s), 2, -1):
                    piece = text[s:s + length]
                    phrase = lex.dropped_phrase(piece)
                    if phrase is None and s + length == e0 and text[e0:e0 + 1] in ("。", "，", "；", "、", "："):
                        phrase = lex.dropped_phrase(piece + "$")
                    if (phrase and any(proofread._orphans(piece, lex))
                            and phrase not in text[max(0, s - len(phrase)):s + length + len(phrase)]):
                        hit = (s, s + length, phrase)
                        break
                if hit:
                    expected.append(hit)
                s = hit[1] if hit else s + 1
        assert found == expected, text
        hits += len(found)
    assert hits > 50  # the phrases were there to be found


def test_dropped_phrases_by_their_first_characters_answer_like_a_table_of_pieces(tmp_path: Path) -> None:
    """``_dropped_here`` reads the phrases of the three characters at a place (``Lexicon.dropped_from``): the same
    answers as looking up each piece of 8 down to 3 characters, and the piece with "$" where the run ends before a
    punctuation mark, in a plain table (pieces that are both, and of one head at several lengths, included)."""
    import random

    from reportlint.checks import proofread

    lex = lexicon_module._build(*_small_tables(tmp_path))
    rng = random.Random(11)
    alphabet = "甲乙丙丁"
    table: dict[str, str] = {}
    for _ in range(300):
        piece = "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 9)))
        table[piece + rng.choice(("", "$"))] = "全" + piece
    lex.dropped = lexicon_module._Table(lexicon_module._by_head(table))
    lex._dropped_seen = {}
    assert all(lex.dropped_phrase(key) == phrase for key, phrase in table.items())
    found = at_end = 0
    for _ in range(400):
        text = "".join(rng.choice(alphabet + "。，A") for _ in range(rng.randint(0, 14)))
        for m in proofread._HAN_RE.finditer(text):
            e0 = m.end()
            for s in range(m.start(), e0):
                expected = []
                for length in range(min(8, e0 - s), 2, -1):
                    piece = text[s:s + length]
                    phrase = table.get(piece)
                    if phrase is None and s + length == e0 and text[e0:e0 + 1] in ("。", "，", "；", "、", "："):
                        phrase = table.get(piece + "$")
                        at_end += phrase is not None
                    if phrase and any(proofread._orphans(piece, lex)):
                        expected.append((length, phrase))
                assert proofread._dropped_here(text, s, e0, lex) == tuple(expected), (text, s)
                found += len(expected)
    assert found > 100 and at_end > 10


def test_a_cache_file_cut_short_while_in_use_is_read_as_damaged_not_a_crash(tmp_path: Path) -> None:
    built = lexicon_module._build(*_small_tables(tmp_path))
    path = tmp_path / "lexicon.marshal"
    path.write_bytes(lexicon_module._pack(built))
    opened = lexicon_module._open(path, lambda: built)
    assert opened is not None
    with path.open("r+b") as f:  # another process truncates the file in place
        f.truncate(200)
    assert _probe(opened) == _probe(built)


# ---- the fast paths of T105 and X103 against the definitions they replaced -------------------------

_SURNAMES_REF = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"


def _flags_by_definition(text: str, lex: lexicon_module.Lexicon) -> bytes:
    """``pair_flags`` from the tables' own questions, one pair at a time."""
    heads = {h[:2] for h in lex.dropped_heads}
    tails = {h[1:3] for h in lex.dropped_heads}
    out = []
    for a, b in pairwise(text):
        flag = lexicon_module.WORD if lex.word(a + b) else 0
        flag |= 0 if "\u4e00" <= a <= "\u9fff" else lexicon_module.NOT_HAN
        flag |= lexicon_module.HEAD if a + b in heads else 0
        flag |= lexicon_module.TAIL if a + b in tails else 0
        flag |= lexicon_module.LONGER if b in lex.starts.get(a, "") else 0
        out.append(flag)
    return bytes(out)


def _random_texts(seed: int, alphabet: list[str], count: int, longest: int = 30) -> list[str]:
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_pair_flags_by_codes_and_one_by_one_match_their_definition(tmp_path: Path) -> None:
    """Both ways of flagging pairs (C loops over UTF-16 codes for large texts, one pair at a time for
    the first characters of a process and for text outside the BMP) give the defined flags."""
    lex = lexicon_module._build(*_small_tables(tmp_path))
    alphabet = [*"以工代赈款恪尽职守推进整村广之后贷扶贫再标准化建设受理渠道存贩，。、 A1《》",
                "\U00020000", "\ud800", "\u4dff", "\ua000", "\u9fff", "\u4e00", "扶贫再贷款", "标准化建设"]
    checked = 0
    for text in _random_texts(5, alphabet, 800):
        expected = _flags_by_definition(text, lex)
        assert lex._one_by_one(text) == expected, text
        by_codes = lex._by_codes(text)
        if by_codes is not None:
            assert by_codes == expected, text
            checked += 1
        assert lex.pair_flags(text) == expected
    assert checked > 500
    long_text = "推进以工代赈款，整村推进" * 40_000  # past the point where the table of codes is built
    assert lex.pair_flags(long_text) == _flags_by_definition(long_text, lex) and lex._codes is not None


def _word_ends_at(text: str, end: int, lex: lexicon_module.Lexicon) -> bool:
    return any(end >= k and lex.word(text[end - k:end]) for k in (2, 3))


def _word_begins_at(text: str, start: int, lex: lexicon_module.Lexicon) -> bool:
    return any(lex.word(text[start:start + k]) for k in (2, 3))


def _count_as_word(whole: str, piece: str, start: int, end: int, lex: lexicon_module.Lexicon) -> int:
    """``whole.count(piece)`` counting only the occurrences where ``piece[start:end]`` is not the tail of one word
    and the head of the next."""
    count, place = 0, whole.find(piece)
    while place >= 0:
        a, b = place + start, place + end
        numeral = not whole[a:b].strip("〇零一二两三四五六七八九十百千万亿")
        count += numeral or not (_word_ends_at(whole, a + 1, lex) and _word_begins_at(whole, b - 1, lex))
        place = whole.find(piece, place + len(piece))
    return count


def _alike(text: str, s: int, e: int, p: int, length: int, stop: int) -> tuple[int, int]:
    """How many characters (up to 4) before and after the word at ``p`` are those before ``s`` and after ``e``."""
    q, b, a = p + length, 0, 0
    while b < 4 and min(p, s) - b - 1 >= 0 and text[p - b - 1] == text[s - b - 1]:
        b += 1
    while a < 4 and q + a < stop and e + a < len(text) and text[q + a] == text[e + a]:
        a += 1
    return b, a


def _typos_by_definition(text: str, lex: lexicon_module.Lexicon, whole: str) -> list[tuple[object, ...]]:
    """T105 of one paragraph as first written: every odd character, every place around it, every target
    looked up afresh, counts read from the whole text (no memo, no shortcut)."""
    import re
    from itertools import compress

    from reportlint.checks import proofread as P

    n = len(text)
    shield = [False] * n
    for m in P._SHIELD.finditer(text):
        shield[m.start():m.end()] = [True] * (m.end() - m.start())
    orphan = _orphans_by_definition(text, lex)
    found = [*P._letters(text), *P._dashes(text, lex)]
    s = 0
    while s < n - 2:  # _dropped
        hit = None
        m = P._HAN_RE.match(text, s)
        if text[s:s + 3] in lex.dropped_heads and m is not None and m.end() - s >= 3 \
                and not (s and text[s - 1] in "#<>{}[]|"):  # after markup: a phrase split, not cut short
            e0 = m.end()
            for length in range(min(8, e0 - s), 2, -1):
                piece = text[s:s + length]
                phrase = lex.dropped_phrase(piece)
                nxt = re.match(r"[\u4e00-\u9fff]+", text[e0 + 1:])  # 责任清、任务明: two parallel clauses
                parallel = nxt is not None and len(nxt.group()) == length \
                    and text[e0 + 1 + length:e0 + 2 + length] in ("。", "，", "；", "、", "：", "！", "？")
                # … or another clause of the paragraph, as long, ending in the same character (一是人数多……三是形式多)
                lo = text.rfind("\n", 0, s) + 1
                hi = text.find("\n", s) if "\n" in text[s:] else n
                parallel = parallel or any(
                    r.end() - r.start() >= length and r.end() - length != s and text[r.end() - 1] == text[e0 - 1]
                    and text[r.end():r.end() + 1] in ("。", "，", "；", "、", "：", "！", "？")
                    for r in re.compile(r"[\u4e00-\u9fff]+").finditer(text, lo, hi))
                if phrase is None and s + length == e0 and text[e0:e0 + 1] in ("。", "，", "；", "、", "：") \
                        and not parallel:
                    phrase = lex.dropped_phrase(piece + "$")
                if (phrase and any(_orphans_by_definition(piece, lex))
                        and not (phrase[1:] == piece and s and lex.word(text[s - 1:s + 1]))  # 处于 for 立于
                        # 规范化设置: the last character a word with the next, which makes none with its own next
                        and not (lex.word(text[s + length - 1:s + length + 1])
                                 and not lex.word(text[s + length:s + length + 2]))
                        and phrase not in text[max(0, s - len(phrase)):s + length + len(phrase)]):
                    hit = P.Typo(s, s + length, piece, phrase, "dropped")
                    break
        if hit:
            found.append(hit)
        s = hit.end if hit else s + 1

    def blocked(k: int) -> bool:
        return shield[k] or not "\u4e00" <= text[k] <= "\u9fff"

    for i in compress(range(n), orphan):  # _substitutions
        ch = text[i]
        if shield[i] or ch in P._SURNAMES or (i and text[i - 1] in P._SURNAMES):
            continue
        paired = (i > 0 and lex.paired(text[i - 1:i + 1])) or lex.paired(text[i:i + 2])
        phrases_only = bool(lex.single(ch) >= P._BUSY_CHAR or paired)
        lo, hi = max(0, i - 8), min(n, i + 9)
        han = len(re.findall(r"[\u4e00-\u9fff]", text[lo:hi]))
        if han >= 8:
            odd = sum(1 for k in range(lo, hi) if orphan[k] and lex.single(text[k]) < P._BUSY_CHAR)
            if odd / han > P._MAX_ORPHAN_SHARE:
                continue
        first, last = i, i + 1
        while first > max(0, i - 3) and not blocked(first - 1):
            first -= 1
        while last < min(n, i + 4) and not blocked(last):
            last += 1
        best = None
        for length in (4, 3, 2):
            for s in range(i - length + 1, i + 1):
                e = s + length
                if s < first or e > last:
                    continue
                for word, f, phrase in lex._targets(text[s:i] + "?" + text[i + 1:e], phrases_only):
                    kind = lex.similar(ch, word[i - s])
                    if kind is None:
                        continue
                    if phrase:
                        linking = ch in P._LINKING
                        before = linking and any(i >= k and lex.word(text[i - k:i]) for k in (2, 3))
                        after = linking and any(lex.word(text[i + 1:i + 1 + k]) for k in (2, 3))
                        if (before and after) or (e - s == 2 and i == e - 1 and after):
                            continue  # a function word beside words (开工和建设, 被推为领袖) reads right
                        if e - s == 2 and ((s > 0 and lex.word(text[s - 1:s + 1])) or lex.word(text[e - 1:e + 1])):
                            continue
                        if e - s == 2 and i == s + 1 and text[s] == "一":
                            continue  # 一 + one character (一拍, 扫一扫) is no 一X typo
                        if word in text[max(0, s - len(word) - 2):s] or word in text[e:e + len(word) + 2]:
                            continue
                        if i == e - 1 and e - s >= 3 and lex.single(ch) >= P._BUSY_CHAR \
                                and any(i >= k and lex.word(text[i - k:i]) for k in (2, 3)) \
                                and any(lex.word(text[e:e + k]) for k in (2, 3)):
                            continue  # 也就是读好书: a frequent word between two words
                        if e - s == 4 and len({w[i - s] for w, _, p in lex._targets(text[s:i] + "?" + text[i + 1:e], True)
                                               if p}) >= 2:
                            continue  # a slot several idioms fill (因地制宜, 因时制宜)
                        weight = f * 1000
                    else:
                        lo2, hi2 = max(0, s - 1), min(n, e + 1)
                        local = text[lo2:i] + word[i - s] + text[i + 1:hi2]
                        sides = [(lo2, e), (s, hi2)]
                        # the window's other character in a word beside it whose far end no other word claims
                        if i == s + 1:
                            claimed = any(lex.word(text[s + 1 - k:s + 1]) and not _word_ends_at(text, s + 2 - k, lex)
                                          for k in (2, 3) if s + 1 >= k) and _word_begins_at(text, i + 1, lex)
                        else:
                            claimed = any(lex.word(text[s + 1:s + 1 + k]) and not _word_begins_at(text, s + k, lex)
                                          for k in (2, 3)) and _word_ends_at(text, i, lex)
                        if e - s == 2 and claimed:
                            # two words' edges with the odd character between them: only the evidence that holds
                            # the other character's partner
                            sides = [sides[0] if i == s + 1 else sides[1]]
                        counts = [(_count_as_word(whole, local[a - lo2:b - lo2], s - a, e - a, lex),
                                   whole.count(text[a:b]))
                                  for a, b in sides if b - a > e - s and P._HAN_RE.fullmatch(text[a:b])]
                        good, bad = max(counts, default=(0, 0))
                        if good == 0 or good < bad:
                            continue
                        sentence = re.split("[。！？\n]", text[:s])[-1] + text[s:e] + re.split("[。！？\n]", text[e:])[0]
                        at = len(text[:s]) - len(re.split("[。！？\n]", text[:s])[-1])  # where the sentence starts
                        frames = [_alike(text, s, e, k + at, len(word), at + len(sentence))
                                  for k in range(len(sentence)) if sentence[k:k + len(word)] == word]
                        if lex.single(ch) >= P._VERB_CHAR and e < n and s > 0 and any(
                                all(f) and sum(f) <= 3 for f in frames):
                            continue  # a parallel clause's short frame round the right word: varied on purpose
                        weight = f * good
                    if best is None or weight > best[0]:
                        best = (weight, s, e, word, kind, "similar" if phrase else "similar_here")
        if best is not None:
            _, s, e, word, kind, key = best
            found.append(P.Typo(s, e, text[s:e], word, key, f"“{ch}”与“{word[i - s]}”{kind}"))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[tuple[object, ...]] = []
    for t in found:
        if not out or t.start >= out[-1][1]:
            out.append((t.start, t.end, t.text, t.expected, t.key, t.why))
    return out


# the characters and pieces of the random paragraphs T105's fast paths are compared on: typos and their right
# forms, titles, quotations, masked names, letters for digits, surnames, spaces
_TYPO_CHARS = ("推广以工代贩赈的做法带动群众增收要求执法人员恰恪尽职守实施整存村推进工程全力杭抗击洪涝灾害各方"
               "落实扶贫再贷款政策强化班组标准化建设受理渠道及需求亟一二三王李张倩，。、；：")
_TYPO_PIECES = ["《城市绿地养护办法》", "“一键办理”", "张XX", "1OO米", " ", "以工代贩", "杭击新冠", "抗击新冠", "扶再贷款",
                "准化建设", "受理渠。", "全力杭击", "丰富人民", "夯牢人", "加大促", "加大体", "学习", "工作吝部门", "各部门"]


def test_typos_of_a_paragraph_match_their_plain_definition() -> None:
    """T105's fast paths (pair flags, places remembered by their seven characters, phrase heads found
    from the flags, counts cached per document) against the plain definition, on the real tables, with
    typos, titles, quotations, masked names, surnames and non-Chinese text mixed in; each text twice,
    so that remembered answers are used too."""
    from reportlint.checks import proofread as P

    lex = lexicon_module.lexicon()
    alphabet = [*_TYPO_CHARS, *_TYPO_PIECES, "2023年", "ab", "\U00020000", "各方抗击"]
    texts = _random_texts(17, alphabet, 700, longest=40)
    # windows straddling two words, with evidence elsewhere that straddles too or stands as a word
    texts += ["夯牢人民防线。丰富人民生活。", "今年要加大促学习力度。这些内容大体学过一遍。", "继续加大体制改革力度。",
              "做好宣传工作吝部门要加强协调。请各部门按时报送。", "检查覆盖各地医。各地区均已完成自查。",
              "依照第三十一条和第三驶二条处理。"]
    whole = "\n".join(texts)
    found_any = 0
    for _ in range(2):
        for text in texts:
            expected = _typos_by_definition(text, lex, whole)
            got = [(t.start, t.end, t.text, t.expected, t.key, t.why)
                   for t in P._typos_of_block(text, lex, P._Occurrences(whole))]
            assert got == expected, text
            found_any += len(got)
    kinds = {k for text in texts for *_, k, _ in _typos_by_definition(text, lex, whole)}
    assert {"similar", "similar_here", "dropped"} <= kinds and found_any > 100


def test_typos_found_in_one_pass_over_the_document_are_each_paragraphs_own() -> None:
    """T105 looks at the whole joined text once; each paragraph gets exactly the typos it gets alone
    (a garbled neighbour, the whole phrase written nearby and overlaps judged inside the paragraph), and
    paragraphs left out (residue, blank) get none; orphans cut from the whole text are each paragraph's."""
    from reportlint.checks import proofread as P
    from reportlint.model import Block
    from reportlint.scan import Body

    lex = lexicon_module.lexicon()
    alphabet = [*_TYPO_CHARS, *"弓斗升", *_TYPO_PIECES, "Il级", "〔2023〕的5号", "。一一推进", "扶贫再贷款", "时问",
                "进人", "入脑入心", "“随防”"]
    texts = _random_texts(29, alphabet, 400, longest=40)
    confusable = P.confusable_table(["问间", "人入", "访防"])
    kinds: set[str] = set()
    checked = 0
    for first in range(0, len(texts), 20):
        lines = texts[first:first + 20]
        body = Body(tuple(Block(i, t) for i, t in enumerate(lines)))
        pairs = lex.pair_flags(body.text)
        orphan = P._orphans(body.text, lex, pairs)
        assert [orphan[body.starts[i]:body.starts[i] + len(t)] for i, t in enumerate(lines)] == [
            P._orphans(t, lex) for t in lines]
        wanted = {i for i, t in enumerate(lines) if t.strip() and i % 7}
        occurrences = P._Occurrences(body.text)
        got = P._typos_by_paragraph(body, lex, occurrences, P._orphan_scan(body.text, lex, pairs), pairs, wanted,
                                    confusable)
        for i, text in enumerate(lines):
            expected = [(t.start, t.end, t.expected, t.key, t.why)
                        for t in P._typos_of_block(text, lex, occurrences, confusable=confusable)]
            one_pass = [(t.start, t.end, t.expected, t.key, t.why) for t in got.get(i, [])]
            assert one_pass == (expected if i in wanted else []), text
            checked += len(one_pass)
            kinds.update(t.key for t in got.get(i, []))
    assert checked > 100 and "confusable" in kinds


def _garbled_by_definition(text: str, lex: lexicon_module.Lexicon) -> list[tuple[int, int, str]]:
    import itertools
    import re

    orphan = _orphans_by_definition(text, lex)
    out = []
    for m in re.finditer(r"[^。；;！？!?\n]+", text):
        sentence, o = m.group(), orphan[m.start():m.end()]
        if len(sentence) < 12:
            continue
        at = [i for i in range(1, len(sentence) - 1)
              if o[i] and re.match(r"[\u4e00-\u9fff]", sentence[i - 1]) and re.match(r"[\u4e00-\u9fff]", sentence[i + 1])
              and not o[i - 1] and not o[i + 1] and (lex.single(sentence[i]) < 3000 or sentence[i] == "一")]
        # 减证明、减环节、减跑动: a character opening two items of a list is the list's own word
        at = [i for i in at if sentence.count("、" + sentence[i]) < 2]
        odd = [sentence[i] for i in at]
        # 零故障、零闪动: a prefix; 为人民谋幸福、为民族谋复兴: one word again, clause after clause
        apart = all(re.search(r"[、，,：:]", sentence[a + 1:b]) for a, b in itertools.pairwise(at))
        if len(odd) >= 3 and not (len(set(odd)) == 1 and (odd[0] in "零全非无超准副总每" or (odd[0] != "一" and apart))):
            out.append((m.start(), m.end(), "、".join(dict.fromkeys(odd))))
    return out


def test_one_prefix_repeated_on_purpose_is_no_noise() -> None:
    from reportlint.checks import proofread as P

    lex = lexicon_module.lexicon()
    text = "确保设备零故障、客户零闪动、工作零差错、服务零投诉，全力保障供电安全。"
    assert list(P.garbled_passages(text, lex)) == []
    # one word of one character again in clause after clause: parallel clauses, not arrows read as characters
    assert list(P.garbled_passages("我们要为群众谋福利、为企业谋发展、为社会谋和谐、为乡村谋振兴，久久为功。", lex)) == []
    assert list(P.garbled_passages("办理流程为申请人提交材料弓受理窗口审核弓部门复核弓领导签批后办结。", lex)) != []
    # the word opening the items of a list, wherever else it stands: 一 in 一部门一清单, 减 in 减证明、减环节
    slogans = "按照“一部门一清单、一岗位一职责、一环节一时限”要求，最大限度减证明、减环节、减跑动、减时间，提高效率。"
    assert list(P.garbled_passages(slogans, lex)) == []
    assert list(P.garbled_passages("办理流程为申请人提交材料弓受理窗口审核弓部门复核弓领导签批、一次办结、一窗受理。",
                                   lex)) != []


def test_noise_places_match_their_definition() -> None:
    """``noise_places``: the odd places with no odd place beside them, between two Chinese characters, whose character
    is 一 or rarer than ``_RARE_ALONE`` as a word of its own; the same as asking each place in turn."""
    import random

    from reportlint.checks import proofread as P

    frequency = {"的": 5000, "一": 4000, "弓": 10, "斗": 20, "升": 2999, "在": 3000}
    rng = random.Random(3)
    found = 0
    for _ in range(2000):
        text = "".join(rng.choice("的一弓斗升在，A\n") for _ in range(rng.randint(0, 20)))
        places = sorted(rng.sample(range(len(text)), rng.randint(0, len(text))))
        expected = [p for k, p in enumerate(places)
                    if (k == 0 or places[k - 1] != p - 1) and (k + 1 == len(places) or places[k + 1] != p + 1)
                    and 0 < p < len(text) - 1 and all("\u4e00" <= text[q] <= "\u9fff" for q in (p - 1, p + 1))
                    and (text[p] == "一" or frequency.get(text[p], 0) < P._RARE_ALONE)]
        assert P.noise_places(text, places, lambda ch: frequency.get(ch, 0)) == expected, (text, places)
        found += len(expected)
    assert found > 200


def test_garbled_passages_match_their_plain_definition() -> None:
    from reportlint.checks import proofread as P

    lex = lexicon_module.lexicon()
    import random

    rng = random.Random(23)
    words = ["打开网页", "选择单位", "填写信息", "提交申请", "完成注册", "按时办理", "网上办理步骤：", "张三丰", "计划"]
    texts = ["".join(rng.choice(words) + rng.choice([*"一弓斗升一弓斗升，。、", "一弓", "弓一", "、一"])
                     for _ in range(rng.randint(1, 9)))
             for _ in range(500)]
    hits = 0
    for text in texts:
        expected = _garbled_by_definition(text, lex)
        assert list(P.garbled_passages(text, lex)) == expected, text
        hits += len(expected)
    assert hits > 20


@pytest.mark.parametrize("odd", ["", "\U00020000"])  # a character outside the BMP: flagged one pair at a time
def test_a_paragraphs_pairs_are_cut_from_those_of_the_whole_text(odd: str) -> None:
    """``body_pairs`` flags the document once; cut at each paragraph: the same bytes as flagging each paragraph,
    empty and one-character paragraphs included (no pair reaches across a line break)."""
    from reportlint.checks.proofread import body_pairs
    from reportlint.engine import analyse
    from reportlint.model import Block, Document
    from reportlint.testing import session

    lines = ["推进以工代赈工作", "", "一", "整村推进，扶贫再贷款。" + odd, "A", "受理渠道"]
    doc = Document(path="doc.txt", blocks=tuple(Block(i, text) for i, text in enumerate(lines)))
    _, rulebook = session().books()
    ctx, _ = analyse(doc, rulebook, None)
    lex = lexicon_module.lexicon()
    flags, starts = body_pairs(ctx, lex), ctx.body.starts
    cut = [flags[starts[i]:starts[i] + max(0, len(t) - 1)] for i, t in enumerate(lines)]
    assert cut == [lex.pair_flags(t) for t in lines]
    assert [len(c) for c in cut] == [max(0, len(t) - 1) for t in lines]


def test_occurrences_count_as_str_count_does() -> None:
    """Strings looked for at the places of one of their characters: non-overlapping, left to right, like
    ``str.count``, whether the character is absent, rare (its places listed) or common (the text read)."""
    import random

    from reportlint.checks.proofread import _FEW, _Occurrences

    rng = random.Random(31)
    text = "".join(rng.choice(["哈", "哈哈", "抗击", "杭", "新冠", "，", "的" * 3]) for _ in range(3000))
    text += "稀有字" * 3 + "常" * (_FEW + 5)
    occurrences = _Occurrences(text)
    pieces = ["哈哈哈", "哈哈", "抗击新冠", "杭击新冠", "的的", "的的的的", "稀有字稀", "字稀有", "常常常", "缺字",
              *("".join(rng.choice("哈抗击杭新冠的，稀有字常") for _ in range(rng.randint(1, 5))) for _ in range(400))]
    for piece in pieces:
        for k in range(len(piece)):
            assert _Occurrences(text)(piece, k) == text.count(piece), (piece, k)
        assert occurrences(piece, rng.randrange(len(piece))) == text.count(piece), piece


def test_month_lengths_are_the_gregorian_calendars() -> None:
    import calendar

    from reportlint.checks.proofread import _month_days

    assert all(_month_days(y, m) == calendar.monthrange(y, m)[1] for y in range(1600, 2401) for m in range(1, 13))


def test_a_recurring_term_the_dictionary_lacks_is_no_garbled_passage(tmp_path: Path) -> None:
    # 限下 and 消弧 are split by the segmenter (下部分, 弧线圈) and leave 限 and 消 alone; they come
    # back with the same neighbour each time: vocabulary of the trade, not OCR noise
    text = "县供电公司技改计划调整报告\n今年要压减管理限下部分的技改项目，加大消弧线圈治理力度，管理限下部分资金统筹用于消弧线圈更换和线路改造。\n"
    assert lint_text(text, tmp_path, select="X103") == []


@pytest.mark.parametrize("text", [
    "市科技局工作要点\n推动产业链创新链人才链资金链深度融合，培育一批科技领军企业和专精特新企业。\n",
    "区生态环境局工作要点\n区里要开展碳排放核算，建设碳足迹数据库，鼓励企业进入碳市场交易，推广碳普惠积分。\n",
])
def test_policy_compounds_with_a_productive_affix_are_no_garbled_passage(tmp_path: Path, text: str) -> None:
    assert lint_text(text, tmp_path, select="X103") == []


def test_policy_words_jieba_lacks_are_words_not_typos(tmp_path: Path) -> None:
    """促 of 促就业 and 牢 of 筑牢 are no orphans (rules/dict/known.txt): no 大促 → 大体, 牢人 → 富人;
    a real slip in the same paragraph is still found, and a known word is never offered as a correction."""
    text = ("县政府工作报告\n今年要加大促就业力度，筑牢人民防线，推广以工代贩方式，做优做强主导产业。\n"
            "丰富人民群众精神文化生活，两项收入大体持平。\n")  # 富人 and 大体 written elsewhere
    found = [(f.rule, f.excerpt) for f in lint_text(text, tmp_path, select="T105")]
    assert len(found) == 1 and "以工代贩" in found[0][1]
    assert lint_text("社会保障和就业支出\n", tmp_path, select="T105") == []  # never 稳就业


def test_staffing_words_jieba_lacks_are_words_not_typos(tmp_path: Path) -> None:
    """入 of 新入职 begins 入职 (rules/dict/known.txt): no 新入 → 新人, though 入 and 人 look alike."""
    text = "县人社局工作总结\n对新入职人员进行岗前培训，在岗人员全部到岗，组织干部入村入企走访。\n"
    assert lint_text(text, tmp_path, select="T105") == []


@pytest.mark.parametrize("text", [
    # the evidence 富人 is 丰富 + 人民 elsewhere, the tail of one word and the head of the next
    "夯牢人民防线。丰富人民生活。",
    # 大 belongs to 加大 and 促 stands before 学习: 大促 is two words' edges, though 大体 is written elsewhere
    "今年要加大促学习力度。这些内容大体学过一遍。",
    "今年要加大促学习力度。我们大体学习了一遍。",
    # both at once: 加大体制 is 加大 + 体制, no 大体
    "今年要加大促学习力度。继续加大体制改革力度。",
])
def test_a_window_straddling_two_words_is_no_typo(tmp_path: Path, text: str) -> None:
    """T105 proposes no word for two characters that are the edges of two words, and counts no evidence
    written elsewhere where the proposed word is itself the tail of one word and the head of the next."""
    assert _found(tmp_path, text, "T105") == []


@pytest.mark.parametrize(("text", "excerpt", "expected"), [
    # 地 belongs to 各地 as well, but 医 ends the clause: no word after it, so 地区 written elsewhere counts
    ("检查覆盖各地医。各地区均已完成自查。", "地医", "地区"),
    # 对抗 ends at 抗 in the evidence, but 击洪 is no word: 抗击 stands as a word there
    ("全力杭击洪涝灾害。对抗击洪涝有功人员予以表彰。", "杭击", "抗击"),
    # 吝 stands between 工作 and 部门, but the document writes 各部门 itself: the same three characters, right
    ("做好宣传工作吝部门要加强协调。请各部门按时报送。", "吝部", "各部"),
    # 全 of 成全 before 辇 and 经济 after it, but 成 belongs to 完成: 全年经 written elsewhere counts
    ("力争完成全辇经济工作目标。全年经济运行平稳。", "全辇", "全年"),
    # 三十 of 第三十一条 is part of one number, though the dictionary has 第三 and 十一
    ("依照第三十一条和第三驶二条处理。", "三驶", "三十"),
])
def test_a_typo_beside_ordinary_words_is_still_found(tmp_path: Path, text: str, excerpt: str, expected: str) -> None:
    found = _found(tmp_path, text, "T105")
    assert [e for e, _ in found] == [excerpt]
    assert f"疑为“{expected}”" in found[0][1] and "文中别处写作" in found[0][1]


@pytest.mark.parametrize("text", [
    "会后请大家扫一扫屏幕上的二维码，填写意见。",  # reduplicated verb X一X
    "抢抓机遇要快人一拍，谋划项目要先人一步。",  # 一 + classifier in a set frame
])
def test_the_character_after_yi_is_not_read_as_a_typo_of_an_yi_word(tmp_path: Path, text: str) -> None:
    """一 + any single character is a numeral–classifier or 一+verb phrase, so 一拍/一扫 are no 一批."""
    assert _found(tmp_path, text, "T105") == []


def test_listed_pairs_prefilter_keeps_the_patterns_scan_active_keeps() -> None:
    """T105's own anchor scan (the alternation kept per list) picks the same patterns as ``scan.active``, with
    anchors that begin or hold one another (a longer anchor found where a shorter one also occurs)."""
    from reportlint.checks import proofread as P
    from reportlint.scan import active, compile_each

    patterns = ("局部", "局部党员", "部党", "党员(?=大会)", "亚(?=需|待)", "员大", r"\d+号", "会议")
    compiled = compile_each(patterns)
    anchors = tuple(a for a, _ in compiled)
    texts = _random_texts(11, [*"局部党员大会亚需号议1 ，", "局部党员", "会议"], 400)
    picked = 0
    for text in texts:
        expected = active(compiled, text)
        assert P._active(anchors, text) == expected, text
        picked += len(expected)
    assert picked > 400


@pytest.mark.parametrize(("text", "detail"), [
    ("请于 11 月 31 日前报送。", "11月没有31日"),
    ("请于6" + " " * 14 + "月31日前报送。", "6月没有31日"),  # the month further back than the quick look
    ("请于2023年 4 月 31 日前报送。", "4月没有31日"),
    ("受理群众来信共2022多件。", "像是年份"),
])
def test_impossible_dates_past_the_quick_look(tmp_path: Path, text: str, detail: str) -> None:
    """T108 first looks for what a finding needs from the 年, 月 or 多 on; these must still be found."""
    found = _found(tmp_path, text, "T108")
    assert found and all(detail in message for _, message in found)


@pytest.mark.parametrize("text", ["编号1236月31日。", "请于6月30日、12月31日前报送。", "2月29日前完成。"])
def test_month_days_that_are_no_impossible_date(tmp_path: Path, text: str) -> None:
    assert _found(tmp_path, text, "T108") == []


def _x103_passages_plainly(ctx, rule, lex) -> list[tuple[int, int, int, str]]:  # type: ignore[no-untyped-def]
    """X103's passages computed the plain way: each paragraph's own odd characters as a list of flags, every
    sentence looked at, the recurring terms counted over the whole text (what the fast path replaced)."""
    from collections import Counter

    from reportlint.checks import proofread as P

    body = ctx.body
    orphan = P._orphans(body.text, lex)
    terms: Counter[str] = Counter()
    for p, odd in enumerate(orphan):
        if odd:
            terms[body.text[max(0, p - 1):p + 1]] += 1
            terms[body.text[p:p + 2]] += 1
    affixes = set(rule.params.get("affixes", ""))
    out = []
    for b in ctx.doc.blocks:
        if b.index in ctx.residue:
            continue
        at = body.starts[b.index]
        merged: list[tuple[int, int, str]] = []
        for start, end, sample in _garbled_by_definition(b.text, lex):
            chars = set(sample.split("、"))
            odd = [p for p in range(start + 1, end - 1) if orphan[at + p] and not orphan[at + p - 1]
                   and not orphan[at + p + 1] and b.text[p] in chars]
            noise = [p for p in odd if b.text[p] == "一" or (b.text[p] not in affixes and terms[b.text[p - 1:p + 1]] < 2
                                                            and terms[b.text[p:p + 2]] < 2)]
            if odd and not noise:
                continue
            if merged and start - merged[-1][1] <= 2:
                merged[-1] = (merged[-1][0], end, f"{merged[-1][2]}、{sample}")
            else:
                merged.append((start, end, sample))
        out += [(b.index, s, e, "、".join(dict.fromkeys(x.split("、")))) for s, e, x in merged]
    return out


def test_x103_passages_match_their_plain_computation() -> None:
    """X103 finds the paragraphs worth looking at from the places of the odd characters of the whole text and
    gives each its own places: the same passages as looking at every paragraph with its own flags."""
    import random

    from reportlint.checks import extraction
    from reportlint.engine import analyse
    from reportlint.model import Block, Document
    from reportlint.testing import session

    lex = lexicon_module.lexicon()
    _, rulebook = session().books()
    rule = rulebook.rules["X103"]
    rng = random.Random(31)
    words = ["打开网页", "选择单位", "填写信息", "提交申请", "完成注册", "按时办理", "消弧线圈", "张三丰", "计划", "碳足迹"]
    noise = [*"一弓斗升链碳", "一弓", "弓一", "，", "。", "\n"]
    found = 0
    for _ in range(60):
        text = "".join(rng.choice(words) + rng.choice(noise) for _ in range(rng.randint(5, 60)))
        doc = Document(path="t.txt", blocks=tuple(Block(i, t) for i, t in enumerate(text.split("\n"))))
        ctx, _ = analyse(doc, rulebook, None)
        got = [(f.block, f.start, f.end, f.message) for f in extraction._garbled_passages(ctx, rule)]
        expected = _x103_passages_plainly(ctx, rule, lex)
        assert [g[:3] for g in got] == [e[:3] for e in expected], text
        assert all(e[3] in g[3] for g, e in zip(got, expected, strict=True))
        found += len(got)
    assert found > 20


def test_share_and_year_count_quick_looks_against_the_patterns() -> None:
    """T108 runs _SHARE and _YEAR_COUNT only when a quick look from each % (or 多/余) says they may match: on random
    texts of their pieces (long runs of digits and spaces that reach past the look back included), the quick
    look says yes wherever the pattern matches, and _matches_at answers as the pattern's search."""
    import random

    from reportlint.checks import proofread as P

    pieces = ["占比", "达标率", "比例为", "约", "1", "0", "9", ".", "5", "12", "123", "2023", " ", " " * 20, "\n",
              "%", "％", "多", "余", "条", "人", "，", "年", "1" * 30, "0." + "7" * 38]
    rng = random.Random(20)
    shares = counts = 0
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        if P._SHARE.search(text):
            shares += 1
            assert P._shares_may_exceed(text), text
        counts += P._YEAR_COUNT_NEED.search(text) is not None
        assert P._matches_at(P._YEAR_COUNT_NEED, text, "多余") == (P._YEAR_COUNT_NEED.search(text) is not None), text
    assert shares > 100 and counts > 50


def test_bare_money_is_looked_for_where_its_pattern_matches_the_joined_text(tmp_path: Path) -> None:
    """T108 looks for bare sums paragraph by paragraph only when _BARE_MONEY_NEED matches the joined text: on random
    texts of their pieces, it matches wherever the pattern does, and T108 finds a bare sum in a paragraph after
    others."""
    import random

    from reportlint.checks import proofread as P

    pieces = ["出资", "投资", "补助", "补贴", "安排资金", "资金", "8", "0.5", "12", ".", "，", "。", "、", "元", " ", "\n"]
    rng = random.Random(21)
    money = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        if P._BARE_MONEY.search(text):
            money += 1
            assert P._BARE_MONEY_NEED.search(text), text
    assert money > 100
    found = lint_text("项目总投资500万元。\n市财政补助300，其余自筹。", tmp_path, select="T108")
    assert [(f.block, f.excerpt) for f in found] == [(1, "300")]


@pytest.mark.parametrize("text", ["达标率" + "1" * 45 + "%。", "合格率105." + "5" * 40 + "%。",
                                  "满意度120" + " " * 45 + "%。"])
def test_shares_whose_number_reaches_past_the_quick_look(tmp_path: Path, text: str) -> None:
    assert _found(tmp_path, text, "T108")


def _place_plainly(text: str, i: int, lex) -> tuple:  # type: ignore[no-untyped-def]
    """``_place`` without a shield and without its shortcut: every key asked of ``targets``."""
    from reportlint.checks import proofread as P

    ch = text[i]
    if ch in P._SURNAMES or (i and text[i - 1] in P._SURNAMES):
        return ()
    first, last = i, i + 1
    while first > max(0, i - 3) and "\u4e00" <= text[first - 1] <= "\u9fff":
        first -= 1
    while last < min(len(text), i + 4) and "\u4e00" <= text[last] <= "\u9fff":
        last += 1
    phrases_only = bool(lex.single(ch) >= P._BUSY_CHAR or (i > 0 and lex.paired(text[i - 1:i + 1]))
                        or lex.paired(text[i:i + 2]))
    out = []
    for length in (4, 3, 2):
        for s in range(max(first, i - length + 1), min(i, last - length) + 1):
            for word, f, phrase in lex.targets(text[s:i] + "?" + text[i + 1:s + length], phrases_only):
                kind = lex.similar(ch, word[i - s])
                if kind is not None:
                    out.append((s, s + length, word, f, phrase, kind))
    return tuple(out)


def test_place_leaves_out_only_keys_that_find_nothing(tmp_path: Path) -> None:
    """``_place`` skips keys of 2–3 characters that are no idiom's or phrase's when only those are asked for: on
    random windows (busy characters and phrases among them) it finds what asking every key finds; nor does it ask a
    key whose first two characters begin no longer word, nor keys of 2–3 characters when neither neighbour is in
    one of the short phrases' keys, nor (only idioms and phrases asked for) a key of four characters whose first or
    last two, left whole, begin or end no idiom or phrase of four."""
    import random

    from reportlint.checks import proofread as P

    words = ["恪尽职守 40 i", "以工代赈 60 i", "精益求精 50 i", "亟需 80", "急需 900", "推进 900", "进村 300",
             "的 3000", "在 3000", "贩 30", "赈 20", "格 900", "克 900", "极 900", "及 3000"]
    (tmp_path / "dict.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    (tmp_path / "gongwen.txt").write_text("亟需\n克尽职守\n", encoding="utf-8")
    (tmp_path / "charsim.json").write_text(
        '{"shape": {"贩": "贝 反", "赈": "贝 辰", "格": "木 各", "恪": "忄 各"}, '
        '"sound": {"益": "yi", "义": "yi", "亟": "ji", "急": "ji", "极": "ji", "及": "ji", "克": "ke", "恪": "ke", '
        '"村": "cun", "存": "cun"}}',
        encoding="utf-8")
    lex = lexicon_module._build(tmp_path / "dict.txt", tmp_path)
    rng = random.Random(11)
    alphabet = list("恪格克尽职守以工代赈贩亟急极及需推进村存的在精益义求，A")
    similar = {"恪": "格克", "赈": "贩", "益": "义", "亟": "急极及", "急": "亟极及", "村": "存"}
    words = ["恪尽职守", "以工代赈", "精益求精", "亟需", "急需", "进村"]
    found = 0
    for _ in range(3000):
        text = [rng.choice(alphabet) for _ in range(7)]
        word = rng.choice(words)  # a word with one character replaced by a similar one, that character at 3
        k = rng.choice([k for k, ch in enumerate(word) if ch in similar])
        text[3 - k:3 - k + len(word)] = word
        text[3] = rng.choice(similar[word[k]])
        text = "".join(text[:7])
        got = P._place(text, 3, None, lex)
        assert got == _place_plainly(text, 3, lex), text
        found += bool(got)
    assert found > 1000


def test_the_run_date_prefilter_never_hides_a_match() -> None:
    """``_digits_before_day`` (str.find for 日) must say yes wherever ``_RUN_DATE`` matches."""
    import random

    from reportlint.checks.proofread import _RUN_DATE, _digits_before_day

    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice("0123456789日年月.，一") for _ in range(rng.randint(0, 24)))
        if _RUN_DATE.search(text):
            assert _digits_before_day(text), text
    assert _digits_before_day("于20231128日召开") and not _digits_before_day("于2023年11月28日召开")


def test_the_number_prefilters_never_hide_a_match() -> None:
    """``_digits_before`` for ``_RUN_MONTH`` and ``_RUN_YEARS``, and the pieces every match of ``_LOST_SUM`` and
    ``_LOST_BLANK_SUM`` holds, must say yes wherever the pattern matches."""
    import random

    from reportlint.checks import proofread as P

    rng = random.Random(11)
    for _ in range(20000):
        alphabet = rng.choice(("0122019年月，", "01290年月约计共累合万亿元 \u3000达到，"))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        if P._RUN_MONTH.search(text):
            assert P._digits_before(text, "月", 5), text
        if P._RUN_YEARS.search(text):
            assert P._digits_before(text, "年", 8), text
        if P._LOST_SUM.search(text):
            assert P.has_any(text, P._LOST_SUM_NEED), text
        if P._LOST_BLANK_SUM.search(text):
            assert P.has_any(text, P._LOST_BLANK_SUM_NEED), text
    assert P._digits_before("20139月", "月", 5) and not P._digits_before("2013年9月", "月", 5)
    assert P._digits_before("20212025年", "年", 8) and not P._digits_before("2021—2025年", "年", 8)
    assert P.has_any("投资 亿元", P._LOST_BLANK_SUM_NEED) and not P.has_any("投资1亿元", P._LOST_BLANK_SUM_NEED)


def test_the_date_and_count_prefilters_never_hide_a_match() -> None:
    """The cheap searches T108 makes before a pattern that would stop at every digit (``_NO_RI_NEED``,
    ``_SHORT_YEAR_NEED``, ``_NO_CLASSIFIER_NEED``, ``_BROKEN_FIGURE_NEED``, ``_REVERSED_RANGE_NEED``) must say yes
    wherever the pattern matches; ``_holds`` is ``in``."""
    import random

    from reportlint.checks import proofread as P

    rng = random.Random(13)
    # pieces of dates, counts and figures, drawn at random: most texts hold a match of some pattern
    pieces = (list("0129 年月日前止以为之，"), ["202", "2024", "195", "19", "20", " ", "年", "到", "至", "截至", "月", "3"],
              list("0912多余千百-－—～~ 人个件户、"), list("19,，.．0 万"),
              ["2024年", "9月", "1", "30", "日", "号", "至", "-", " ", "到"])
    for _ in range(30000):
        alphabet = rng.choice(pieces)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        if P._NO_RI.search(text):
            assert P._NO_RI_NEED.search(text), text
        if P._SHORT_YEAR.search(text):
            assert P._SHORT_YEAR_NEED.search(text), text
        if P._NO_CLASSIFIER.search(text):
            assert P._matches_at(P._NO_CLASSIFIER_NEED, text, "多余-－—～~"), text
        if P._REVERSED_RANGE.search(text):
            assert P._REVERSED_RANGE_NEED.search(text), text
        assert bool(P._BROKEN_FIGURE.search(text)) == any(rx.search(text) for rx in P._BROKEN_FIGURE_NEED), text
        for word in ("年月", "多余", "0 "):
            assert P._holds(text, word) == (word in text)
    for _ in range(5000):  # periods (2024年9月1日至8月30日), with spaces, other marks, a character dropped
        parts = [rng.choice(("", "于", "1")), rng.choice(("2024", "1998", "20")), rng.choice(("年", " 年")),
                 str(rng.randint(1, 12)), "月", str(rng.randint(1, 31)), rng.choice("日号 "),
                 rng.choice(("至", "到", "—", "－", "-", "~", "～", " 至 ", "起")), rng.choice(("", "2025年")),
                 str(rng.randint(1, 12)), "月", str(rng.randint(1, 31)), rng.choice("日号")]
        text = "".join(parts)
        if rng.random() < 0.5:
            cut = rng.randrange(len(text))
            text = text[:cut] + text[cut + 1:]
        if P._REVERSED_RANGE.search(text):
            assert P._REVERSED_RANGE_NEED.search(text), text
    from reportlint.checks import extraction as X
    from reportlint.textutil import PINYIN_READING

    for _ in range(20000):  # years in Chinese numerals with a letter or a digit for 〇; readings after words
        year = "".join(rng.choice("一二〇零九OoＯ0○◯年 ") for _ in range(rng.randint(0, 12)))
        if P._YEAR_ZERO.search(year):
            assert P._YEAR_ZERO_NEED.search(year), year
        reading = "".join(rng.choice(("生产", "(", "（", ")", "）", "ch", "a", "ǎ", "n", " ", "ü")) for _ in range(12))
        if PINYIN_READING.search(reading):
            assert any(rx.search(reading) for rx in X._READING_OPENS), reading
    assert P._NO_RI_NEED.search("请于4月28前报送") and not P._NO_RI_NEED.search("请于4月28日前报送")
    assert P._matches_at(P._NO_CLASSIFIER_NEED, "走访30多典型贫困户", "多余-－—～~")
    assert not P._matches_at(P._NO_CLASSIFIER_NEED, "走访三十多户", "多余-－—～~")
    assert P._REVERSED_RANGE_NEED.search("2024年9月1日至8月30日")


@pytest.mark.parametrize(("text", "excerpt", "expected"), [
    ("今年全县固定资投资增长8%，增速居全市第二。", "固定资投资", "固定资产投资"),  # a character dropped from an indicator's name
    ("持续加强污染房治，改善河道水质。", "污染房治", "污染防治"),  # 音近 inside a 公文 phrase
])
def test_phrases_of_statistics_and_governance(tmp_path: Path, text: str, excerpt: str, expected: str) -> None:
    found = lint_text(text, tmp_path, select="T105")
    assert [(f.excerpt, f.suggestion) for f in found] == [(excerpt, expected)]


def test_a_chinese_numeral_year_with_the_letter_o_for_ling(tmp_path: Path) -> None:
    text = "二ＯＯ六年三月十日\n二OO八年的工作\n二〇〇六年三月\n二○一一年五月\n"
    found = [(f.block, f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T105")]
    assert found == [(0, "二ＯＯ六", "二〇〇六"), (1, "二OO八", "二〇〇八"), (3, "二○一一", "二〇一一")]
    # ○ alone in a text with no letter O and no digit 0 (the shape was once looked for only beside them)
    alone = [(f.excerpt, f.suggestion) for f in lint_text("请于二○二五年五月十日前报送材料。\n", tmp_path, select="T105")]
    assert alone == [("二○二五", "二〇二五")]


def test_a_date_of_signing_padded_with_zeros(tmp_path: Path) -> None:
    def padded(text: str) -> list[tuple[str, str | None]]:
        return [(f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T111")]

    body = "关于开展检查的通知\n各单位：\n请按要求报送材料。\n县教育局\n"
    assert padded(body + "2024年03月05日") == [("2024年03月05日", "2024年3月5日")]
    assert padded(body.replace("\n", "") + "2024年03月05日") == [("2024年03月05日", "2024年3月5日")]  # one line
    assert padded(body + "2016年06月") == [("2016年06月", "2016年6月")]
    # a web page's footer after the date (links, an address: no sentence) does not hide it
    footer = "\n友情链接：\n本部\n分校\n校区\n地址：文化西路2号\n登录\n"
    assert padded(body + "2024年03月05日" + footer) == [("2024年03月05日", "2024年3月5日")]
    # dates in the body, and a date of signing with no padding, are left alone
    assert padded("请于2024年03月15日前报送。\n县教育局\n2024年10月8日") == []


def test_terms_of_the_division_of_safety_duties_are_words(tmp_path: Path) -> None:
    # 分线管理 (by line of business) beside 分级负责 (by level): no 分级管理 misread (rules/dict/known.txt)
    assert _found(tmp_path, "各部门按照分线管理、分级负责的原则落实安全生产职责。", "T105") == []


def test_a_blank_where_an_amount_or_a_share_stood_is_a_lost_number(tmp_path: Path) -> None:
    # 生产总值 亿元, 增长 %: the figure's place is left blank (a draft's form, or digits lost in copying); a figure
    # with a space before its unit and a table's unit line are whole
    lost = "某县经济运行情况\n全年完成生产总值 亿元，增长 %。\n"
    assert [(f.rule, f.line) for f in lint_text(lost, tmp_path, select="T108")] == [("T108", 2), ("T108", 2)]
    whole = "某县经济运行情况\n全年完成生产总值12.5 亿元，增长 6.1%。\n单位 万元\n"
    assert lint_text(whole, tmp_path, select="T108") == []


def test_a_year_run_into_its_month_or_day_lost_its_marks(tmp_path: Path) -> None:
    # 20139月: the 年 was lost; 202313日: 年 and 月 were, and the digits do not say which of month and day is which;
    # a longer number (编号1201310) and a full date are whole
    text = "某校通知\n20139月，教育部发布通知；放假时间为202313日。编号1201310月无；2013年9月开学。\n"
    found = lint_text(text, tmp_path, select="T108")
    assert [(f.excerpt, "2013年9月" in f.message) for f in found] == [("20139月", True), ("202313日", False)]


def test_two_years_run_together_lost_their_dash(tmp_path: Path) -> None:
    text = "某区法治建设规划\n按照《建设纲要（20212025年）》推进。编号120212025年无。2025年2021年各一次。\n"
    found = lint_text(text, tmp_path, select="T108")
    assert [(f.excerpt, "2021—2025年" in f.message) for f in found] == [("20212025年", True)]


def test_the_dropped_variant_form_of_furniture_is_reported(tmp_path: Path) -> None:
    # 家俱: the form 《第一批异形词整理表》 drops for 家具
    text = "关于购置办公用品的请示\n拟购置办公家俱一批，经费约2万元。\n"
    assert [(f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T105")] == [("家俱", "家具")]


def test_the_active_listed_patterns_are_those_whose_anchor_occurs() -> None:
    """``_active`` (one-character anchors by ``in``, the others by one alternation and their prefixes) keeps exactly
    the patterns whose anchor occurs in the text, anchors inside longer ones and overlapping ones too."""
    import random

    from reportlint.checks.proofread import _active

    anchors = ("进", "于", "推进", "推进工作", "工作", "作风", "", "于是", "风")
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice("推进工作风于是，") for _ in range(rng.randint(0, 12)))
        assert _active(anchors, text) == [i for i, a in enumerate(anchors) if not a or a in text], text


def test_the_active_listed_patterns_are_the_same_by_numpy_on_a_long_text() -> None:
    """With numpy imported (a batch), ``_active`` finds the anchors of two or more characters of a long text by the
    codes of its pairs of characters (``_longer_by_pairs``): the same patterns as the alternation finds."""
    import random

    pytest.importorskip("numpy")
    from reportlint.checks.proofread import _BY_PAIRS_FROM, _active

    anchors = ("进", "于", "推进", "推进工作", "工作", "作风", "", "于是", "风", "\U00020000是")
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("推进工作风于是，\n") for _ in range(rng.randint(_BY_PAIRS_FROM, _BY_PAIRS_FROM + 50)))
        assert _active(anchors, text) == [i for i, a in enumerate(anchors) if not a or a in text]
        assert _active(anchors[:-1], text) == [i for i, a in enumerate(anchors[:-1]) if not a or a in text]


@pytest.mark.parametrize(("text", "excerpt", "expected"), [
    ("讲话\n我们要发扬自立更生、艰苦奋斗的精神。\n", "自立更生", "自力更生"),
    ("讲话\n新的一年，我们要既往开来，再创佳绩。\n", "既往开来", "继往开来"),
    ("方案\n加强安全防犯意识教育。\n", "防犯", "防范"),
    ("通知\n车站新建侯车室一座。\n", "侯车", "候车"),
    ("心得体会\n青年干部要懂的珍惜今天的工作岗位。\n", "懂的", "懂得"),
    ("方案\n组织党员深入学习近平新时代中国特色社会主义思想。\n", "学习近平", "学习习近平"),
    ("讲话\n要继续和弘扬艰苦奋斗的优良作风。\n", "继续和", "继承和"),
    ("通知\n在村务公开栏旁设立公示拦。\n", "拦", "栏"),
    ("通知\n公布侯选人名单。\n", "侯选", "候选"),
    ("总结\n全区己注册企业1200家。\n", "己", "已"),
    ("总结\n园区实现了跨跃式发展。\n", "跨跃", "跨越"),  # rare words of jieba's dictionary: the list reaches them
    ("通知\n各单位严格按程序申批用地手续。\n", "申批", "审批"),
    ("总结\n活动中心设施一并俱全。\n", "一并俱全", "一应俱全"),
])
def test_more_idioms_and_words_of_the_common_typo_lists(tmp_path: Path, text: str, excerpt: str,
                                                         expected: str) -> None:
    assert [(f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T105")] == [(excerpt, expected)]


def test_right_words_holding_a_listed_typos_characters_stay_silent(tmp_path: Path) -> None:
    text = ("总结\n深入开展预防犯罪宣传活动。\n侯车间主任介绍了生产情况。\n对看不懂的地方，要主动请教懂的人。\n"
            "深入学习习近平总书记重要讲话精神。\n要继续弘扬艰苦奋斗精神，继承和发扬优良传统。\n"
            "管好自己经手的资金，做到知己知彼。\n严防信息拦截。\n要回答好中国之问、时代之问。\n"
            "支部书记领学习近平总书记关于党的建设的重要论述。\n全年报送信息80条，被上级采用26篇次。\n"
            "组织开展反三违专项行动。\n")
    assert lint_text(text, tmp_path, select="T105") == []


def test_a_fall_written_as_a_rise_with_a_minus(tmp_path: Path) -> None:
    text = "争取上级资金2860万元，比上年增长-18%；一般公共预算收入同比分别-6.2%、-9.1%，优良率提高-2个百分点。"
    found = _found(tmp_path, text, "T108")
    assert [e for e, _ in found] == ["增长-18%", "同比分别-6.2%", "提高-2个百分点"]
    assert "“下降18%”" in found[0][1] and "“同比分别下降6.2%”" in found[1][1] and "“降低2个百分点”" in found[2][1]
    right = "比上年下降18%，全县增速为-3.2%，温度-5℃，编号A-12，2024-2025年度增长12%。"
    assert _found(tmp_path, right, "T108") == []


def test_a_total_after_the_items_it_sums(tmp_path: Path) -> None:
    """以上共计 after items of one amount each: a total that is not their sum is reported; nested items (a part and
    its breakdown) and a right total are not."""
    items = "关于申请专项资金的请示\n县人民政府：\n（一）执法装备购置，需资金45万元。\n（二）宣传培训，需资金25.5万元。\n"
    found = _found(tmp_path, items + "以上共计需资金80万元。\n", "T108")
    assert [e for e, _ in found] == ["80万元"] and "70.5万元" in found[0][1]
    assert _found(tmp_path, items + "以上共计需资金70.5万元。\n", "T108") == []
    nested = ("关于申请专项资金的请示\n县人民政府：\n（一）道路修缮，需资金100万元。\n1．东环路，需资金60万元。\n"
              "2．西环路，需资金40万元。\n（二）路灯改造，需资金50万元。\n以上共计需资金150万元。\n")
    assert _found(tmp_path, nested, "T108") == []


def test_a_rate_that_is_not_the_two_amounts_before_it(tmp_path: Path) -> None:
    """执行率, 完成率 … after the two amounts they divide: a rate neither one over the other is reported, with the
    figure it should be; the rounding of the figures, the amounts in either order, a change (比上年增加) and a part
    (其中) are no wrong rate."""
    text = ("关于项目资金绩效评价的报告\n"
            "项目资金到位620.35万元，累计支出410.20万元，预算执行率58.31%。\n"
            "全年计划开工16个，实际开工12个，开工完成率75%。\n")
    found = _found(tmp_path, text, "T108")
    assert [e for e, _ in found] == ["58.31%"] and "66.12%" in found[0][1] and "执行率" in found[0][1]
    right = ("关于项目资金绩效评价的报告\n"
             "预算3亿元，支出2亿元，执行率67%。\n"  # 66.67, within the rounding of 2 and 3
             "实际支出80万元，年度预算100万元，执行率80%。\n"  # the part first
             "下达资金100万元，已拨付80万元，拨付率80%，已支出60万元，支出率60%。\n"  # one amount after the first rate
             "年度预算100万元，比上年增加10万元，执行率95%。\n"  # a change, not the part
             "计划完成12项，实际完成10项，同比增长25%，完成率83.3%。\n"  # another percentage between them
             "共整改一般问题6个、重点问题2个，整改完成率100%。\n")  # two kinds listed together, both done
    assert _found(tmp_path, right, "T108") == []


def test_a_slip_repeating_a_longer_name_in_the_same_sentence_is_still_a_slip(tmp_path: Path) -> None:
    # a one-line paste: the title and the first sentence are one "sentence"; the name repeats with a look-alike in it
    text = "关于召开全县抗击台风总结大会的通知各乡镇：定于5月8日召开全县杭击台风总结大会，请准时参加"
    assert [(f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T105")] == [("杭击", "抗击")]


@pytest.mark.parametrize(("text", "excerpt"), [
    ("今年重点扶持3-5有特色的示范村。", "3-5有特"),  # a range that counts nothing: its classifier was dropped
    ("全年走访30多重点企业。", "30多重点"),
])
def test_a_count_without_its_classifier(tmp_path: Path, text: str, excerpt: str) -> None:
    found = _found(tmp_path, text, "T108")
    assert [e for e, _ in found] == [excerpt] and "少了量词" in found[0][1]


@pytest.mark.parametrize("text", [
    "数据见图3-5中的统计。", "依照第3-5条办理。", "每天8:00-12:00对外办公。", "每年开展1-2次演练。",
    "2024-2025年度计划已印发。", "每村选派2～3名网格员。",
    "编制2026-2028专项建设规划。",  # a span of years without its 年: no count
    "全县3万多农民共享发展成果。", "全国14亿多中国人民团结奋斗。",  # after 万 or 亿 the unit is the measure
    "本月5-10、11-20用量档的用户有所增加。",  # ranges listed: bands of a value, which the noun names
    "本年度共撥付補助資金30余萬元。",  # a traditional text's classifier (萬 for 万)
    "共出動車輛500余臺次。",  # … and 臺 for 台
    "在实验楼1-403多媒体教室召开例会。", "请到3号楼2-101室领取。",  # a room's number after its building
    "新建403多功能厅一间。",  # 多功能: a word of its own, no 多 of a count
    "本规程依据DL/T 860-2004标准编写。", "防火间距执行GB50016-2014规范。",  # a standard's number and year
])
def test_a_range_with_its_classifier_or_a_label_stays_silent(tmp_path: Path, text: str) -> None:
    assert [e for e, m in _found(tmp_path, text, "T108") if "少了量词" in m] == []


def test_a_period_of_years_joined_by_yi(tmp_path: Path) -> None:
    # 2021一2025: the 连接号 of a period typed or read as 一 (GB/T 15834-2011 4.13 writes 2021—2025年)
    [(excerpt, message)] = _found(tmp_path, "编制本县“十四五”规划（2021一2025年）。", "T105")
    assert excerpt == "一" and "连接号“—”" in message
    assert _found(tmp_path, "统一2021年度考核办法。", "T105") == []  # 一 ends 统一 before a year
    assert _found(tmp_path, "规划期为2021—2025年。", "T105") == []


def test_a_day_without_ri_before_qian(tmp_path: Path) -> None:
    found = lint_text("关于报送材料的通知\n请各单位于4月28前报送，5月10日前反馈。\n", tmp_path, select="T108")
    assert [(f.excerpt, f.suggestion) for f in found] == [("4月28", "4月28日")]


def test_bookkeeping_words_take_zhang_of_accounts_and_tents_keep_theirs(tmp_path: Path) -> None:
    # 账 for accounts (《第一批异形词整理表》): 台帐, 对帐, 帐实相符 are the old form; 帐篷 and 蚊帐 are tents
    text = "关于财务检查的报告\n各单位建立资金台帐，每月对帐一次，做到帐实相符。\n工作人员淡薄名利。\n"
    assert [e for e, _ in _found(tmp_path, text, "T105")] == ["台帐", "对帐", "帐实相符", "淡薄名利"]
    assert _found(tmp_path, "关于救灾工作的报告\n物资已搬入帐篷，每户配发蚊帐两顶。\n", "T105") == []


def test_ji_for_the_correlative_and_jiaoshao_for_the_verb(tmp_path: Path) -> None:
    """即……，又…… is the correlative 既……又……; 有助于较少 wants the verb 减少. 立即, 即使, a place name (即墨) and the
    literary 即……，也…… are left alone, as is 较少 as an adjective."""
    text = "关于推进工作的通知\n出台即能惠及企业，又能稳定就业的政策。\n改造管网有助于较少跑冒滴漏。\n"
    assert [(f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T105")] == [
        ("即", "既"), ("较少", "减少")]
    right = ("关于推进工作的通知\n发现问题立即整改，又快又好。\n即使有困难，又有什么可怕。\n即墨区扎实推进，又一批项目开工。\n"
             "即有困难，也要按期完成。\n今年投诉较少，主要集中在物业方面。\n")
    assert lint_text(right, tmp_path, select="T105") == []


def test_a_negation_opening_its_predicate_is_no_look_alike(tmp_path: Path) -> None:
    """六个月未发电: 未 opens 发电, the verb it negates; 月未 there is no 月末. Before a comma it still is."""
    text = "关于光伏项目管理的通知\n对连续六个月未发电的项目予以注销，对三个月未报送数据的企业进行通报。\n截至今年7月未，已完成80%。\n"
    assert [(f.line, f.excerpt, f.suggestion) for f in lint_text(text, tmp_path, select="T105")] == [
        (3, "月未", "月末")]


def test_parts_after_qizhong_end_at_a_statement_of_their_own(tmp_path: Path) -> None:
    """其中外国游客1.75万人次；……体现在：接待过夜游客554万人次: the figure after the semicolon and its lead-in is a fact
    of its own, no part of the 3.99万; parts separated by semicolons (小学30所；初中15所) are still added up."""
    text = ("旅游工作总结\n全区共接待入境游客3.99万人次，其中外国游客1.75万人次；“更多过夜留量”体现在：接待过夜游客554.49万人次。\n"
            "全县共有学校50所，其中：小学30所；初中15所；高中8所。\n")
    assert [e for e, _ in _found(tmp_path, text, "T108")] == ["50所"]
    # … and the next indicator after a semicolon, once the last part had a clause of its own (its growth)
    report = ("政府工作报告\n财政总收入完成4.2亿元，增长6.1%，其中地方财政收入完成2.5亿元，增长8.3%；"
              "全社会固定资产投资完成38.6亿元，增长5.2%；社会消费品零售总额完成12.4亿元，增长4.6%。\n")
    assert _found(tmp_path, report, "T108") == []


def test_a_character_typed_between_a_document_numbers_year_and_number(tmp_path: Path) -> None:
    """国发〔2023〕的5号, 〔2012〕年13号: the year in 〔〕 runs straight into the number; a year before a number of
    something else (2012年13号楼) is no document number."""
    text = "关于检查的通知\n按照区委〔2012〕年13号和国发〔2023〕的5号文件办理。\n2012年13号楼已完工，按〔2012〕13号执行。\n"
    found = lint_text(text, tmp_path, select="T105")
    assert [(f.excerpt, f.suggestion) for f in found] == [("〔2012〕年13号", "〔2012〕13号"), ("〔2023〕的5号", "〔2023〕5号")]
    assert "多了“年”" in found[0].message and "多了“的”" in found[1].message


def test_a_count_right_before_an_enumeration_comma_is_the_first_of_a_list(tmp_path: Path) -> None:
    """共召开中心组学习16次、党支部学习会96次、主题党日96次: counts of different meetings, the first not their total,
    whether the unit (次) or the rest of its word (场次) stands before the 、; a total with its parts still is one."""
    text = ("工作总结\n共召开中心组学习16次、党支部学习会96次、主题党日96次，党员大会32次。\n"
            "共培训干部50人，科级30人、一般干部40人。\n")
    assert [e for e, _ in _found(tmp_path, text, "T108")] == ["共培训干部50人"]


def test_a_set_formulation_with_the_leaders_name_taken_out_is_a_political_error(tmp_path: Path) -> None:
    text = ("学习心得\n要坚决维护以总书记同志为核心的党中央权威，深入学习总书记新时代中国特色社会主义思想，"
            "贯彻落实习关于教育的重要论述。\n")
    found = lint_text(text, tmp_path, select="T105")
    assert [(f.excerpt, f.suggestion) for f in found] == [
        ("以总书记同志为核心", "以习近平同志为核心"),
        ("总书记新时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想"), ("习", "习近平总书记")]
    assert all("政治性差错" in f.message for f in found)
    right = "学习心得\n要坚决维护以习近平同志为核心的党中央权威，认真学习关于教育的论述。\n"
    assert lint_text(right, tmp_path, select="T105") == []


def test_the_short_names_of_cadre_meetings_are_no_typo(tmp_path: Path) -> None:
    """两干会, 三干会 (meetings of two or three levels of cadres) are words of the genre, not 两千 or 三千; a sum's 干
    for 千 is still found."""
    for meeting in ("两干会", "三干会"):
        assert lint_text(f"工作简报\n镇里正在召开{meeting}布置工作。\n", tmp_path, select="T105") == []
    found = lint_text("工作简报\n村里为每户发放补贴两干元。\n", tmp_path, select="T105")
    assert [(f.line, f.suggestion) for f in found] == [(2, "两千")]


def test_a_sum_with_commas_between_thousands_has_its_unit(tmp_path: Path) -> None:
    """出资12,800万元: the comma groups thousands, the unit is there; a sum cut at a comma between clauses still lacks
    it."""
    grouped = "情况说明\n2023年6月，公司出资12,800万元收购该厂40%的股权。\n"
    assert lint_text(grouped, tmp_path, select="T108") == []
    bare = "情况说明\n2023年6月，公司出资128,用于收购该厂40%的股权。\n"
    assert [f.excerpt for f in lint_text(bare, tmp_path, select="T108")] == ["128"]


def test_common_typos_that_are_words_of_their_own_are_listed(tmp_path: Path) -> None:
    """监守岗位, 施之有效, 从新设计: each wrong form a word jieba holds, so only the list finds them; 监守自盗, 从新的
    起点 stay."""
    text = "工作总结\n他始终监守岗位，方法施之有效。请按要求从新设计表格。\n"
    assert [f.suggestion for f in lint_text(text, tmp_path, select="T105")] == ["坚守", "行之有效", "重新"]
    right = "工作总结\n严防监守自盗。从新的起点出发。\n"
    assert lint_text(right, tmp_path, select="T105") == []


def test_an_amount_with_a_full_stop_for_its_decimal_point_is_one_amount(tmp_path: Path) -> None:
    """总投资86。4万元，其中补助50万元，自筹36。4万元: 86。4 is one amount (T103 asks the point), not 86 without a unit
    and a whole of 4万元 smaller than its part."""
    text = "项目建议书\n该项目总投资86。4万元，其中申请补助50万元，自筹36。4万元。\n"
    assert lint_text(text, tmp_path, select="T108") == []


def test_a_citys_plan_and_its_districts_plan_are_two_titles(tmp_path: Path) -> None:
    """《江州市……规划》 and 《江州市临江区……规划》: the city's plan and its district's, no characters lost; a title cited
    with a word lost is still found."""
    text = ("发展规划\n根据《江州市“十四五”养老服务体系建设规划》，制定《江州市临江区“十四五”养老服务体系建设规划》。\n"
            "落实《江州市城乡生活垃圾分类管理办法》，按《江州市城乡垃圾分类管理办法》的要求分类。\n")
    assert [f.line for f in lint_text(text, tmp_path, select="T105")] == [3]


def test_a_coined_phrase_in_a_list_of_four_character_items_is_no_typo(tmp_path: Path) -> None:
    """品行端正、业务精湛、丰学惜教、乐于奉献: a school's coined 四字格, whose odd pairs no dictionary holds (学惜 is no
    slip for 学习 there); a set phrase typed wrong in such a list (恰尽职守) is still found, and so is a slip outside
    a list."""
    from reportlint.checks.proofread import Typo, _in_coined_parallel
    from reportlint.lexicon import lexicon

    lex = lexicon()
    text = "打造品行端正、业务精湛、丰学惜教、乐于奉献的教师队伍。"
    at = text.index("学惜")
    assert _in_coined_parallel(text, Typo(at, at + 2, "学惜", "学习", "similar_here"), lex)
    alone = "我们要丰学惜教。"
    at = alone.index("学惜")
    assert not _in_coined_parallel(alone, Typo(at, at + 2, "学惜", "学习", "similar_here"), lex)
    slip = "学校工作计划\n打造爱岗敬业、恰尽职守、无私奉献、乐于助人的教师队伍。\n"
    assert [f.suggestion for f in lint_text(slip, tmp_path, select="T105")] == ["恪尽职守"]


@pytest.mark.parametrize(("text", "flagged"), [
    ("全镇共有党支部7个，其中农村支部5个、机关支部2个、学校支部1个。", True),  # 8 of 7: counts are exact
    ("全村共有党员9名，其中正式党员9名，预备党员3名。", True),  # a first part equal to the whole leaves 3 over
    ("全镇共有党支部8个，其中农村支部5个、机关支部2个、学校支部1个。", False),
    ("共有职工356人，其中男59人、女297人；党员168人、群众188人。", False),  # two whole breakdowns of one total
])
def test_parts_of_an_exact_count_over_their_whole(tmp_path: Path, text: str, flagged: bool) -> None:
    """A whole number of things (7个, 9名) is exact: parts after 其中 adding up to one more are wrong, as parts of an
    amount in 万元 are only beyond the rounding of their figures."""
    assert bool(_found(tmp_path, text, "T108")) is flagged


def test_tui_ping_of_an_award_is_no_tui_wei(tmp_path: Path) -> None:
    """推评 (推荐评选) and 推报 in a commendation: abbreviations of the genre, no slip for 推诿."""
    assert _found(tmp_path, "评选十佳标兵4名，推评45名来自基层社区的志愿者。", "T105") == []


def test_flood_controls_cha_xian_is_no_cha_yan(tmp_path: Path) -> None:
    """巡堤查险、报险、处险: the words of flood control, no slip for 查验."""
    assert _found(tmp_path, "汛期要落实巡堤查险、报险、处险制度，确保安全度汛。", "T105") == []


def test_a_year_masked_in_its_last_digit_is_no_lost_year(tmp_path: Path) -> None:
    """201x 年 6 月: a template's year with its last digit masked (B103 says so), not a year lost before 年."""
    assert _found(tmp_path, "分别于201x 年 6 月和201x 年 12 月召开会议。", "T108") == []
    assert [e for e, _ in _found(tmp_path, "会议于 年 6 月召开。", "T108")] == ["年 6 月"]


def test_a_dash_after_a_titles_kind_sets_its_subtitle(tmp_path: Path) -> None:
    """……工作计划—抓好两个重点: the dash after the title's kind opens a subtitle, not 划一 with its 一 read as a dash;
    统—思想 in a sentence still is one."""
    text = "县卫生局2024年工作计划—抓好公共卫生和医疗保障两个重点\n各部门要统—思想，做到步调一致。\n"
    assert [(f.line, f.excerpt) for f in lint_text(text, tmp_path, select="T105")] == [(2, "统—")]


def test_a_sharing_sites_download_tips_are_residue(tmp_path: Path) -> None:
    """友情提示 and the numbered tips under it (文件下载后……浏览器默认打开, 本站不支持迅雷下载): the site's, not the
    document's list (N106 had asked for 2. in them)."""
    text = ("县城区道路改造工作方案\n友情提示\n2、PDF文件下载后，可能会被浏览器默认打开，请保存到桌面。\n"
            "3、本站不支持迅雷下载，请使用其他浏览器下载。\n一、工作目标\n完成道路改造12公里。\n")
    found = lint_text(text, tmp_path, select="B101,N106")
    assert [(f.rule, f.line, f.end_line) for f in found] == [("B101", 2, 4)]
