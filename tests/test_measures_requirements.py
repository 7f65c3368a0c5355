"""M1 on the requirements of notices: the subject of a requirement sentence is its owner, rules of
conduct and confidentiality are no measures, a list of document titles is no list of measures, and the
lead-in over an item's sub-items is not weighed for empty words. All sentences are written for these
tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import lint_text

NOTICE = "县档案局关于做好年度档案移交工作的通知\n各股室：\n现将有关要求通知如下：\n"
HEAD = "县机关对照检查材料\n一、存在的问题\n（一）学习不深入。\n二、原因分析\n（一）认识不到位。\n三、整改措施\n"


def codes(text: str, tmp_path: Path, select: str = "M1") -> list[str]:
    return [f.rule for f in lint_text(text, tmp_path, select=select)]


@pytest.mark.parametrize(
    "measure",
    [
        "规范档案借阅。各科室负责人要督促本科室人员按规定借阅。",  # 负责人 + 要
        "做好材料回收。参会人员须将会议材料交会务组登记。",  # 人员 + 须
        "整理移交清单。财务科必须逐项核对移交清单。",  # 科 + 必须
        "核对借阅记录。综合室务必逐册核对。",  # 室 + 务必
        "改进会务保障。会务组应提前检查会场设备。",  # 组 + 应
        "完善值守安排。县总工会牵头安排节日值守。",  # 工会 + 牵头
        "妥善保管文件。参会同志回单位后，尽快将会议文件交本单位文书登记。",  # subject, a time clause, then the act
        "清理会场资料。全体人员在会议结束后及时带走个人资料。",
    ],
)
def test_the_subject_of_a_requirement_is_its_owner(tmp_path: Path, measure: str) -> None:
    """公文 write a requirement as subject + 要/应/须/必须/务必 + act: the subject, an office or the people
    addressed, is who acts."""
    assert codes(HEAD + "1." + measure, tmp_path, select="M101") == []


@pytest.mark.parametrize(
    "measure",
    [
        "加强安全管理。各企业要落实主体责任。",  # a class of bodies stays generic
        "提升服务水平。要进一步改进服务态度。",  # no subject at all
        "加强应急管理。办公室应急值守要加强。",  # 应急 is no 应 of duty
        "加强问题整改。组织开展自查后，及时整改发现的问题。",  # 组织 is a verb here, not a 组
        "规范信访工作。处理完毕后，及时回访群众。",  # 处理, not a 处
    ],
)
def test_no_subject_or_a_class_of_bodies_is_still_no_owner(tmp_path: Path, measure: str) -> None:
    assert codes(HEAD + "1." + measure, tmp_path, select="M101") == ["M101"]


@pytest.mark.parametrize(
    "rule",
    [
        "学习传达会议精神时要注意内外有别。需要转发有关材料时，严格控制知悉范围。",
        "会议材料属内部资料，请注意保密，妥善保管。",
        "严守工作秘密，会议讨论情况一律不对外透露。",
        "因故不能参加培训的，须提前向局办公室请假。",  # a condition and what it obliges
    ],
)
def test_a_confidentiality_rule_is_no_measure(tmp_path: Path, rule: str) -> None:
    text = NOTICE + "一、各股室于3月底前完成档案整理。\n二、" + rule + "\n"
    assert codes(text, tmp_path, select="M101") == []


def test_an_item_made_of_prohibitions_is_no_measure(tmp_path: Path) -> None:
    """An item whose sentences are two or more prohibitions, half of them or more, is a rule of conduct, even when
    its first sentence is a title; one prohibition beside a task leaves the task to judge."""
    rules = "二、做好会场纪律工作。会场应保持安静。会场内禁止吸烟和使用手机。未经允许，不得录音录像。\n"
    assert codes(NOTICE + "一、各股室于3月底前完成档案整理。\n" + rules, tmp_path, select="M101") == []
    mixed = HEAD + "1.加强公车管理。建立用车登记制度，严禁公车私用。\n"
    assert codes(mixed, tmp_path, select="M101") == ["M101"]
    clauses = HEAD + "1.严肃工作纪律。检查期间，工作人员不得推诿拖延，不得接受宴请。\n"
    assert codes(clauses, tmp_path, select="M101") == []  # after the title, two clauses of three forbid


def test_m103_does_not_count_rules_of_conduct(tmp_path: Path) -> None:
    """Five requirements of a notice, three of them rules of conduct: of the two tasks left, one is dated."""
    text = NOTICE + "".join([
        "一、各股室于3月底前完成档案整理。\n",
        "二、加强档案安全工作，提高安全意识，确保档案完好无损，防止遗失和损坏情况发生，维护档案的完整与安全。\n",
        "三、在查阅档案过程中，要注意内外有别，严格控制查阅范围，妥善保管查阅记录和复印材料。\n",
        "四、做好库房管理工作。库房内严禁吸烟。未经批准，不得带领外来人员进入库房。\n",
        "五、凡涉及个人隐私的档案，任何人不得擅自复制或者对外提供。\n",
    ])
    assert "M103" not in codes(text, tmp_path, select="M103")


@pytest.mark.parametrize(
    "tail",
    [
        "附件\n1.关于年度档案整理情况的报告\n2.关于档案库房检查情况的报告\n",
        "需要回收的文件目录：1.关于年度档案整理情况的报告2.关于档案库房检查情况的报告\n",
        "附件目录\n1.关于年度档案整理情况的报告\n2.档案库房检查情况简报\n",
        "附件：\n1. 县档案馆 2024 年工作要点\n2. 县档案馆2024年度档案整理方案\n",
    ],
)
def test_a_list_of_document_titles_is_no_list_of_measures(tmp_path: Path, tail: str) -> None:
    text = NOTICE + "一、各股室于3月底前完成档案整理。\n二、由办公室牵头组织检查，4月10日前报送结果。\n" + tail
    assert codes(text, tmp_path, select="M1") == []


def test_a_plans_name_in_an_attachment_list_is_no_measure(tmp_path: Path) -> None:
    """附件: 1. 团县委 2024 年青年学习计划: issuer, year and kind name a document (no 关于), under a text that has
    no measures part of its own."""
    text = ("团县委2024年工作要点\n现将工作要点印发，望认真贯彻执行。\n附件:\n1. 团县委 2024 年青年学习计划\n"
            "2. 团县委 2024 年团干部培训计划\n共青团某某县委员会\n")
    assert codes(text, tmp_path, select="M101") == []


def test_a_title_list_item_inside_a_part_is_no_measure(tmp_path: Path) -> None:
    text = HEAD + "1.每月集中学习一次。\n2.学习以下文件：\n（1）关于加强机关作风建设的意见\n（2）《机关公文处理办法》\n"
    assert codes(text, tmp_path, select="M101") == []


def test_the_lead_in_over_sub_items_is_not_weighed_for_empty_words(tmp_path: Path) -> None:
    """An item's lead-in over its numbered sub-items sums them up in general words (the genre's custom); the
    sub-items say what is done. A slogan-dense item without sub-items is still reported."""
    plan = ("县档案馆数字化工作方案\n一、工作目标\n年内完成馆藏档案数字化30万页。\n二、保障措施\n"
            "（一）落实经费。年度经费12万元，4月底前拨付到位。\n"
            "（二）加强组织领导。各股室要高度重视，切实加强领导，精心组织，周密部署，形成合力，扎实推进各项工作。\n"
            "1.成立工作专班，由馆长任组长，3月底前到位。\n2.每月召开一次调度会，通报进度。\n")
    assert "M102" not in codes(plan, tmp_path, select="M102")
    vague = "（三）强化作风保障。切实加强作风建设，进一步提高认识，不断增强责任感，扎实推进各项工作落到实处，形成合力。\n"
    assert codes(plan + vague, tmp_path, select="M102") == ["M102"]


def test_a_list_of_rules_of_conduct_holds_no_measures(tmp_path: Path) -> None:
    """When half or more of a part's items are prohibitions, the part is a code of conduct (会场纪律, 保密要求):
    its other items are rules as well, neither reported one by one nor counted by M103."""
    rules = ["一、准时参会，不得迟到早退。", "二、参会人员应着正装，一律佩戴工作证。", "三、会场内禁止吸烟。",
             "四、工作人员应坚守岗位，维护会场秩序。", "五、会后及时传达会议精神。",
             "六、本次会议涉及内部事项。各股室在传达过程中要提高警惕，确保工作秘密安全。"]
    text = "县档案局关于召开年度工作会议的通知\n各股室：\n现将有关要求通知如下：\n" + "\n".join(rules) + "\n"
    assert codes(text, tmp_path, select="M1") == []
    tasks = ["一、各股室完善档案目录。", "二、加强库房巡查，禁止外来人员进入。", "三、改进借阅流程。", "四、做好档案数字化准备。"]
    text = "县档案局关于做好档案管理工作的通知\n各股室：\n现将有关要求通知如下：\n" + "\n".join(tasks) + "\n"
    assert "M101" in codes(text, tmp_path, select="M1")  # one prohibition among tasks: the tasks are judged


def test_m101_names_a_long_bare_item_when_m103_counts_too_few_to_speak(tmp_path: Path) -> None:
    """M101 leaves the long items to M103 only when M103 reports; M103 does not count principles to hold, so
    three of them do not make a part weak in M101's eyes while M103 stays silent."""
    items = ["1.坚持问题导向，把解决实际问题作为工作的出发点。", "2.坚持从严管理，严格执行各项制度。",
             "3.坚持统筹兼顾，处理好当前和长远的关系。", "4.于6月底前修订机关考勤管理办法。",
             "5.改进机关服务作风，规范窗口接待流程，完善首问负责和限时办结制度，加强对窗口工作人员的业务培训和作风教育，"
             "认真听取办事群众的意见建议，持续提升服务水平和群众满意程度。"]
    found = lint_text(HEAD + "\n".join(items) + "\n", tmp_path, select="M1")
    assert "M103" not in [f.rule for f in found]
    assert any(f.rule == "M101" and f.excerpt.startswith("5.改进") for f in found)


def test_m101_is_silent_on_a_principle_to_hold(tmp_path: Path) -> None:
    """An item that states a principle to hold (坚持……, 牢固树立……) is no task: M103 leaves it out of its count,
    and M101 does not ask to quantify it either. A bare task beside it is still named."""
    items = ["1.坚持问题导向，把解决实际问题作为工作的出发点。", "2.牢固树立服务意识。", "3.改进窗口接待流程。"]
    found = lint_text(HEAD + "\n".join(items) + "\n", tmp_path, select="M101")
    assert [f.excerpt[:2] for f in found] == ["3."]


def test_a_lead_in_that_announces_what_follows_is_no_measure(tmp_path: Path) -> None:
    text = ("县市场监管局食品安全专项整治整改方案\n一、存在的问题\n部分餐饮单位台账不全。\n三、整改措施\n"
            "为切实抓好问题整改，结合我局实际，现将具体措施明确如下：\n"
            "2024年6月底前完成全部餐饮单位台账检查，由食品科负责。\n每季度开展一次抽检，抽检比例不低于10%。\n")
    found = lint_text(text, tmp_path, select="M101,M103", profile="整改方案")
    assert found == []


REPORT = ("县水务局关于河道保洁问题整改情况的报告\n一、整改情况\n河道保洁问题已于5月底前整改完毕。\n二、下一步打算\n"
          "（一）每月开展一次河道巡查，由河道科负责。\n")
SIGNED = "县水务局\n2024年6月XX日\n"


def test_the_closing_pledge_after_the_last_item_is_no_measure(tmp_path: Path) -> None:
    """A report's closing paragraph (我局将以……为契机, 表态式结尾) follows the last item with a subject of its own:
    neither part of that item nor a measure to quantify, even with the signature and an unfilled date after it."""
    text = (REPORT + "（二）年底前完成全部河段保洁设施更新。\n"
            "我局将以此次整改为契机，进一步提高政治站位，切实强化责任意识，深入推进河道治理，全面提升水环境质量。\n" + SIGNED)
    assert codes(text, tmp_path, select="M1") == []


def test_a_notices_closing_asking_every_unit_to_take_it_seriously_is_no_measure(tmp_path: Path) -> None:
    """要求式结尾: after a notice's lead-in (现将有关要求通知如下) and its last part (a heading over one paragraph), 各单位
    要高度重视……落到实处 closes the notice, neither a measure nor a passage of empty words to redo (M101, M102)."""
    text = ("关于开展冬季防火检查的通知\n各科室：\n为做好冬季防火工作，现将有关要求通知如下：\n一、检查时间\n"
            "12月1日至12月10日，由办公室牵头组织。\n二、检查方式\n采取科室自查与抽查相结合的方式进行。\n"
            "各科室要高度重视，加强组织领导，切实把防火工作落到实处，确保冬季安全稳定。\n办公室\n2024年11月25日\n")
    assert codes(text, tmp_path, select="M1") == []


def test_a_last_paragraph_with_a_figure_stays_with_its_item(tmp_path: Path) -> None:
    """The same opening words with an amount or deadline are the last item's own paragraph: it quantifies the item."""
    text = REPORT + "（二）加强日常巡查。\n我们将继续加强巡查，每周巡查不少于2次。\n" + SIGNED
    assert codes(text, tmp_path, select="M101") == []


def test_a_pledge_inside_a_part_of_paragraph_measures_is_still_judged(tmp_path: Path) -> None:
    """Without numbered items each paragraph of the part is a measure: a pledge among them is judged as before."""
    text = (REPORT.replace("（一）", "") + "我局将继续加强河道管理，进一步提高保洁水平。\n" + SIGNED)
    assert "M101" in codes(text, tmp_path, select="M101")


def test_duties_of_a_requirements_part_that_name_who_acts_get_no_owners_verdict(tmp_path: Path) -> None:
    """工作要求 assigning duties to named bodies (各责任单位要……) is written that way by custom: M103's "owners
    only" verdict is for measures, not for such a part. The same items under 下一步工作打算 still get it."""
    items = ("1.压实工作责任。各责任单位要明确分管领导和具体经办人员，认真研究部署。\n"
             "2.加强统筹协调。牵头单位要加强与配合单位的沟通，及时解决推进中的问题。\n")
    plan = "县城区道路改造实施方案\n一、目标任务\n年底前完成主干道改造8条。\n二、工作要求\n"
    assert codes(plan + items, tmp_path, select="M103") == []
    report = "县城建局年度工作总结\n一、主要工作\n全年完成道路改造8条。\n二、下一步工作打算\n"
    assert codes(report + items, tmp_path, select="M103") == ["M103"]


def test_a_court_as_the_subject_of_a_requirement_is_its_owner(tmp_path: Path) -> None:
    text = HEAD + "1.完善联席会议机制。县法院要会同县司法局通报行政诉讼情况。\n"
    assert codes(text, tmp_path, select="M101") == []


def test_an_item_titled_as_a_safeguards_part_binds_the_units_addressed(tmp_path: Path) -> None:
    """A notice may close its 主要任务 with an item titled as a safeguards part (落实责任, 组织领导): its duties fall on
    the units addressed, as those of a 工作要求 part do. 加强社会保障 is a task, not such a title."""
    head = "县农业农村局关于做好秸秆禁烧工作的通知\n各乡镇：\n现就有关工作通知如下：\n一、主要任务\n（一）摸清底数，6月底前完成。\n"
    duty = "建立禁烧网格责任制，明确各级网格员职责，把禁烧工作落到实处。及时将网格员名单报送县农业农村局。\n"
    assert codes(head + "（二）落实责任，做好保障。\n" + duty, tmp_path, select="M101") == []
    assert codes(head + "（二）加强组织领导。\n" + duty, tmp_path, select="M101") == []
    assert codes(head + "（二）加强社会保障。\n" + duty, tmp_path, select="M101") == ["M101"]



def test_a_class_of_units_as_an_object_is_not_who_acts(tmp_path: Path) -> None:
    """推动明确各有关部门的职责, 向广大职工公告: the class is what the verb acts on, so the message names no owner; a
    class the address line names (市政府有关部门 → 各部门要……) is every unit addressed, each for its own part."""
    head = "市安委办关于加强安全生产网格化监管的通知\n{to}\n现就有关工作通知如下：\n一、主要任务\n"
    item = "1.健全监管责任。推动明确各有关部门的监管职责，向广大职工公告风险点。\n"
    found = lint_text(head.format(to="各区安委办：") + item, tmp_path, select="M101")
    assert len(found) == 1 and "只写了" not in found[0].message
    subject = "1.落实主体责任。各部门要推动企业规范安全管理。\n"
    assert [f.rule for f in lint_text(head.format(to="各区安委办：") + subject, tmp_path, select="M101")] == ["M101"]
    assert lint_text(head.format(to="各区安委办，市政府有关部门：") + subject, tmp_path, select="M101") == []


def test_a_procedure_for_whoever_meets_a_condition_is_no_measure(tmp_path: Path) -> None:
    """如需开展宣传，请填报申报单……: what a notice asks of whoever meets the condition, a procedure, not a task; a
    restriction of use (只限本单位使用) is a rule as well."""
    head = "县文旅局关于规范宣传报道工作的通知\n各股室：\n现将有关要求通知如下：\n一、主要任务\n"
    asked = "（一）各股室如需开展业务宣传，请填报宣传申报单，经分管领导签字后报办公室。\n"
    assert lint_text(head + asked, tmp_path, select="M101") == []
    kept = "（一）规范素材使用。宣传图片只限本单位使用，严禁转售。\n"
    assert lint_text(head + kept, tmp_path, select="M101") == []
    task = "（一）加强业务宣传，及时报道工作动态，提升宣传实效。\n"
    assert [f.rule for f in lint_text(head + task, tmp_path, select="M101")] == ["M101"]
