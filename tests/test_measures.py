"""M1: what makes a measure quantified, dimension by dimension, and the traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import segment
from reportlint.testing import lint_text

HEAD = "县机关对照检查材料\n一、存在的问题\n（一）学习不深入。\n二、原因分析\n（一）认识不到位。\n三、整改措施\n"


def m101(tmp_path: Path, *measures: str) -> list[int]:
    text = HEAD + "\n".join(f"{i + 1}.{m}" for i, m in enumerate(measures))
    return [f.block + 1 for f in lint_text(text, tmp_path, select="M101")]


@pytest.mark.parametrize(
    "measure",
    [
        "加强业务培训。每周集中培训不少于两小时。",  # cadence + target
        "完善议事规则。2025年6月底前修订完成。",  # deadline alone
        "改进调研方式。年内完成全部调研课题。",  # deadline word
        "强化督查问效。由县委办牵头组织实施。",  # responsible party alone
        "压实整改责任。责任单位：组织部。",  # responsible party as a label
        "推进项目建设。完成投资3.2亿元。",  # amount with unit
        "提升服务质量。群众满意度达到95%。",  # percentage and target
        "深化廉政教育。每季度开展一次警示教育。",  # Chinese numeral cadence
        "抓好问题整改。两个月内全部整改到位。",  # Chinese numeral deadline
        "加快老旧小区改造。完成三个乡镇的改造任务。",  # numeral + classifier
        "加强企业帮扶。帮扶二十余家企业解决融资难题。",  # 二十余家: found by the segmenter
        "压实安全责任。确保年底前隐患全部清零。",  # time word with 前
        "动员部署阶段（3月—4月）。召开动员会，印发工作方案。",  # the window of a stage
        "集中整治阶段（5月至9月）。逐个排查整治问题点位。",
        "总结提升阶段（10—12月）。梳理经验做法，健全长效机制。",
        "方便群众办事。在镇便民服务大厅开设法律援助窗口。",  # a thing set up: it exists or not
        "化解基层矛盾。建立村级矛盾纠纷调处平台，就地调处。",
        "盘活闲置资产。将闲置的村小学校舍改造为老年活动场所。",  # a site turned to a new use
    ],
)
def test_quantified_measures_are_silent(tmp_path: Path, measure: str) -> None:
    assert m101(tmp_path, measure) == []


@pytest.mark.parametrize(
    "measure",
    [
        "着力改进服务作风。进一步优化窗口办事流程，不断提升服务水平。",
        "对照区八届四次党代会提出的目标，推动各项工作。",  # an ordinal session is no amount
        "践行“三严三实”要求，增强“四个意识”。",  # formulas are no amounts
        "2023年以来，我们不断加强作风建设，持续改进工作方法。",  # a year in background is no deadline
        "作为一项重大政治任务，在当前和今后一个时期抓紧抓好。",  # 一项, 一个时期, 当前 are no quantities
        "严格执行“一岗双责”等要求，健全日常管理，层层传导压力。",
        "参照1-2号文件精神，持续改进服务。",  # document numbers are no window of months
        "建立健全长效管理机制，推动工作常态化。",  # a mechanism to perfect is no thing to inspect
        "树立以服务对象为中心的理念，提升服务水平。",  # 以……为中心 is no centre set up
    ],
)
def test_unquantified_measures_are_reported(tmp_path: Path, measure: str) -> None:
    assert m101(tmp_path, measure) == [7]


def test_message_and_suggestion_say_what_to_add(tmp_path: Path) -> None:
    found = lint_text(HEAD + "1.加强学习。进一步提高认识。", tmp_path, select="M101")
    assert "量化指标、完成时限、责任主体和可检验的目标" in found[0].message
    assert found[0].suggestion and "何时完成" in found[0].suggestion
    assert found[0].excerpt == "1.加强学习。进一步提高认识。"  # the whole item, up to the next one


def test_heading_lines_are_not_measures(tmp_path: Path) -> None:
    assert lint_text(HEAD + "（一）2025年6月底前完成制度修订。", tmp_path, select="M101") == []


def test_only_measures_parts_hold_measures(tmp_path: Path) -> None:
    background = "会议纪要\n会议指出，今年工作成效明显。\n会议要求，要进一步加强学习，不断提高认识。\n会议强调，要抓好落实。"
    assert lint_text(background, tmp_path, select="M101") == []
    text = "会议纪要\n一、会议情况\n会议听取了汇报。\n二、下一步工作\n1.加强学习，提高认识。\n2.各单位在6月底前完成自查。"
    assert [f.block + 1 for f in lint_text(text, tmp_path, select="M101")] == [5]


def test_a_problem_about_measures_is_no_measures_part(tmp_path: Path) -> None:
    text = "县机关对照检查材料\n一、存在的问题\n（一）整改措施不够有力。\n部分问题反复出现，没有形成长效机制。\n（二）学习不深入。\n"
    assert lint_text(text, tmp_path, select="M101", profile="对照检查材料") == []

def test_a_heading_saying_measures_still_wait_is_a_problem(tmp_path: Path) -> None:
    """（三）惠企措施仍需进一步落实 states a problem (the genre's 有待加强, 仍需): its 一是…二是… are the problem's
    facts, not measures; 下一步仍需抓好的工作 is still a plan (下一步 is an adverb there)."""
    text = ("县商务局关于营商环境的调研报告\n一、存在的问题\n（一）惠企措施仍需进一步落实。一是部分企业不了解扶持政策，"
            "申报积极性不高。二是审批环节多，办理时间长。\n（二）服务举措有待完善。窗口人员对新政策掌握不全。\n"
            "二、下一步仍需抓好的工作\n（一）加强政策宣传。\n")
    assert [f.block + 1 for f in lint_text(text, tmp_path, select="M101")] == [6]



def test_a_heading_that_praises_measures_is_a_review_not_a_measures_part(tmp_path: Path) -> None:
    """领导重视，措施有力 heads a review of work done: its paragraphs say what was done, not what will be."""
    text = ("县农业局关于粮食生产情况的调研报告\n一、基本情况\n（一）领导重视，措施有力，全面推进粮食生产。\n"
            "县里把粮食生产摆上重要位置，层层压实责任。\n二、对策建议\n（一）加强农田水利建设。\n（二）完善种粮补贴政策。")
    assert [f.block + 1 for f in lint_text(text, tmp_path, select="M101")] == [6, 7]


def test_a_page_heading_above_the_title_names_no_part(tmp_path: Path) -> None:
    """A page's own heading over a pasted report (…总结及下半年工作打算) is no measures part: the text's parts
    come after its title."""
    text = ("城关镇上半年工作情况总结及下半年工作打算\n\n时间：2024-07-02 10:15:00\n\n"
            "导语：本文由网友上传，不代表本站观点，仅供参考。\n\n城关镇2024年上半年工作总结\n\n按照会议安排，现将上半年工作汇报如下。\n"
            "一、上半年工作情况\n今年以来，全镇完成固定资产投资2.1亿元，同比增长15%。\n二、存在的问题\n项目储备不足。\n"
            "三、下半年工作打算\n（一）抓好项目建设，9月底前开工3个项目。")
    assert lint_text(text, tmp_path, select="M101,S101") == []
    found = lint_text(text.split("\n三、")[0], tmp_path, select="M101,S101")
    assert [(f.rule, f.block + 1) for f in found] == [("S101", 7)]  # the page heading is not the plan it names


def test_items_that_describe_the_work_are_no_measures(tmp_path: Path) -> None:
    """A notice's 工作安排 says on what basis, what and how a check is done; those items and their sub-items describe
    the work. A form's field ending in a colon and 措施 qualifying a noun name no measure or measures part either."""
    text = ("县交通运输局关于开展2024年道路运输企业核查工作的通知\n各乡镇：\n一、核查工作安排\n"
            "1．核查依据。《道路运输条例》及有关规定。\n2．核查内容。\n（1）企业经营资质保持情况；\n（2）车辆年审情况。\n"
            "3．核查工作流程。\n（1）企业填写核查表并提交；\n（2）乡镇上门核查。\n4．加强宣传引导，营造良好氛围。\n"
            "5．后续整改计划（可另附页）：")
    assert [f.block + 1 for f in lint_text(text, tmp_path, select="M101")] == [11]
    # a top-level heading naming what an inspection covers, with nothing after it on its line, over what is looked into
    scope = ("县教育局关于开展校舍安全排查整治的通知\n各学校：\n现将有关要求通知如下：\n一、排查整治内容\n"
             "1．认真排查教学楼、宿舍的消防隐患。\n2．做好防溺水安全教育。\n二、时间安排\n各学校于10月20日前完成自查。")
    assert lint_text(scope, tmp_path, select="M101") == []
    form = ("县充电设施自查表\n一、基本情况\n（一）无管控措施的车位数量，请具体表述\n加强日常巡查，做好记录。\n"
            "（二）设施总数\n全县共有充电设施120个。")
    assert lint_text(form, tmp_path, select="M101") == []


def test_the_cases_papers_and_steps_a_lead_in_announces_are_no_measures(tmp_path: Path) -> None:
    """A notice's 工作安排 lists who qualifies, what to bring and how a draw runs under a lead-in saying so; those
    sub-items are no tasks. A lead-in announcing other things still leads measures."""
    head = "区教育局关于做好2025年公办小学招生工作的通知\n各小学：\n二、招生工作安排\n"
    items = ("（一）报名。适龄儿童家长于6月10日前到学校报名，并带齐如下证件（原件和复印件）：\n"
             "1．户口簿；\n2．房屋产权证明。\n（二）摇号。摇号过程如下：\n1．录入全部报名信息。\n"
             "2．由系统随机生成顺序号。\n（三）审核。凡属于以下两种情形之一的，需另行提交说明：\n"
             "1．儿童随祖父母居住；\n2．父母长期在外务工。\n")
    assert lint_text(head + items, tmp_path, select="M101") == []
    # … also where the list runs on in the item's paragraph, the item itself judged as before
    run_on = ("（一）补录。6月20日前完成补录，属于以下情况的家长需提交说明：（1）儿童随祖父母居住；"
              "（2）父母长期在外务工；（3）户籍在外省。\n")
    assert lint_text(head + run_on, tmp_path, select="M101") == []
    asks = "（四）宣传。宣传方式如下：\n1．加强宣传引导。\n2．认真做好政策解读。\n"
    assert [f.block + 1 for f in lint_text(head + items + asks, tmp_path, select="M101")] == [14, 15]


def test_a_schedule_part_dates_the_tasks_before_it(tmp_path: Path) -> None:
    """三、实施步骤 sets the stages and the date the work is done by: the tasks are dated there, not item by item."""
    head = "县市场监管局关于推进许可改革的通知\n各乡镇：\n一、重点任务\n（一）优化办理流程。精简申请材料和办理环节。\n" \
           "（二）提升窗口服务。推行帮办代办，减少群众跑腿。\n"
    steps = "二、实施步骤\n按照以下两个阶段，于2025年9月底前完成：\n（一）准备阶段。制定操作规程。\n（二）运行阶段。系统上线运行。\n"
    assert lint_text(head + steps, tmp_path, select="M101,M103") == []
    undated = steps.replace("于2025年9月底前完成", "有序推进")
    assert [f.block + 1 for f in lint_text(head + undated, tmp_path, select="M101")] == [4, 5]
    # the requirements that go with the tasks are not dated by it
    asks = "三、工作要求\n各乡镇要高度重视，切实加强领导，不断提高认识，全面推进各项工作。\n"
    assert [f.rule for f in lint_text(head + steps + asks, tmp_path, select="M101,M102,M103")] == ["M102"]


def test_a_requirement_without_a_subject_binds_the_addressees(tmp_path: Path) -> None:
    text = ("县应急管理局关于开展安全检查的通知\n各乡镇、县直各单位：\n一、检查时间\n2024年5月10日至20日。\n"
            "二、工作要求\n（一）各乡镇要高度重视，认真组织。\n（二）县应急指挥中心在检查过程中，注意做好记录。\n"
            "（三）要统筹安排检查计划，减轻企业负担。")
    assert lint_text(text, tmp_path, select="M101") == []


def test_a_campaign_plan_sets_its_tasks_out_by_duty_and_names_owners_before_a_colon(tmp_path: Path) -> None:
    text = ("县城区线缆整治工作方案\n为做好线缆整治工作，特制定本方案。\n一、工作职责\n"
            "（一）县工信局：牵头统筹整治工作，每月通报进度。\n（二）县城市管理局（县执法局）：负责违规广告牌的处置。\n"
            "二、时间安排\n2024年6月底前完成全部整治。\n三、工作要求\n各单位要高度重视。")
    assert lint_text(text, tmp_path, select="M101,S101") == []


def test_a_named_task_holding_an_intensifier_is_no_empty_word(tmp_path: Path) -> None:
    head = "县纪委2024年工作要点\n一、主要任务\n"
    named = "（一）牢固树立抓好党建的理念，切实扛起政治责任，持续推动全面从严治党向基层延伸。\n"
    assert lint_text(head + named, tmp_path, select="M102") == []
    empty = "（一）进一步加强学习，不断提高认识，切实改进作风，全面推进工作，着力提升水平。\n"
    assert [f.rule for f in lint_text(head + empty, tmp_path, select="M102")] == ["M102"]
    # … nor is a word that holds one as its part (可持续发展, 深入人心)
    part = "（一）积极推动农村公路可持续发展，切实让安全理念深入人心，不断提升养护水平。\n"
    assert lint_text(head + part, tmp_path, select="M102") == []


def test_an_item_runs_to_the_next_item_so_a_later_owner_counts(tmp_path: Path) -> None:
    assert m101(tmp_path, "做好迎检准备。办公室牵头。", "修订考勤制度。") == [8]


def test_inline_items_of_a_one_line_document(tmp_path: Path) -> None:
    line = ("关于开展作风整顿的方案一、工作目标通过整顿，干部作风明显好转，群众满意度达到90%以上。二、工作措施一是健全学习制度。"
            "二是由机关党委牵头开展督查。三是完善考评办法。三、工作要求（一）提高思想认识，增强责任意识。"
            "（二）人事科在2025年6月底前完成全部考评。")
    found = lint_text(line + "\n", tmp_path, select="M101")
    assert [f.excerpt for f in found] == ["一是健全学习制度。", "三是完善考评办法。", "（一）提高思想认识，增强责任意识。"]


def test_m103_adds_nothing_when_every_unquantified_measure_is_a_bare_line(tmp_path: Path) -> None:
    bare = HEAD + "1.加强学习。\n2.改进作风。\n3.完善制度。"
    found = lint_text(bare, tmp_path, select="M")
    assert [f.rule for f in found] == ["M101"] and "连续 3 条" in found[0].message  # one finding for the list
    long_item = "推进制度建设，" + "围绕议事决策、干部管理、财务审批等环节，梳理现行制度，查找漏洞和薄弱环节，" * 2 + "形成制度汇编。"
    mixed = HEAD + "1.加强学习。\n2.改进作风。\n3." + long_item
    assert sorted(f.rule for f in lint_text(mixed, tmp_path, select="M")) == ["M101", "M101", "M103"]


def test_a_weak_part_gets_one_m103_and_m101_only_for_its_bare_lines(tmp_path: Path) -> None:
    long_item = "推进制度建设，" + "围绕议事决策、干部管理、财务审批等环节，梳理现行制度，查找漏洞和薄弱环节，" * 2 + "形成制度汇编。"
    text = HEAD + "1.加强学习。\n2." + long_item + "\n3." + long_item.replace("制度建设", "作风建设") + "\n"
    found = sorted((f.rule, f.block + 1) for f in lint_text(text, tmp_path, select="M101,M103"))
    assert found == [("M101", 7), ("M103", 6)]
    alone = sorted((f.rule, f.block + 1) for f in lint_text(text, tmp_path, select="M101"))
    assert alone == [("M101", 7)]  # without M103, M101 speaks for the whole list of bare items
    listed = lint_text(text, tmp_path, select="M101")[0]
    assert (listed.end_block + 1, [r["line"] for r in listed.related]) == (9, [8, 9])


def test_a_list_of_bare_items_is_one_finding_and_two_stay_two(tmp_path: Path) -> None:
    """Three bare items in a row of one part are one finding over the list (the others related); two are named one by
    one; a quantified item between them breaks the list."""
    three = HEAD + "1.加强理论武装。\n2.改进调研方法。\n3.完善议事规则。\n"
    found = lint_text(three, tmp_path, select="M101")
    assert [(f.block + 1, f.end_block + 1) for f in found] == [(7, 9)]
    assert "连续 3 条措施" in found[0].message and [r["line"] for r in found[0].related] == [8, 9]
    two = HEAD + "1.加强理论武装。\n2.改进调研方法。\n"
    assert [f.block + 1 for f in lint_text(two, tmp_path, select="M101")] == [7, 8]
    broken = HEAD + "1.加强理论武装。\n2.改进调研方法。\n3.每月开展一次集中学习。\n4.完善议事规则。\n"
    assert [f.block + 1 for f in lint_text(broken, tmp_path, select="M101")] == [7, 8, 10]


def test_a_heading_over_several_paragraphs_is_no_single_measure(tmp_path: Path) -> None:
    chapter = HEAD + "1.扩大对外开放。\n推动外贸稳定发展，支持企业开拓市场。\n积极利用外资，优化营商环境。\n2.加强学习。"
    assert [f.excerpt for f in lint_text(chapter, tmp_path, select="M101")] == ["2.加强学习。"]


def test_requirements_after_a_lead_in_are_measures(tmp_path: Path) -> None:
    text = ("关于规范公务接待的通知\n各科室：\n为改进作风，现就有关要求明确如下：\n一、控制接待范围\n能合并的合并，能取消的取消。\n"
            "二、控制接待标准\n（一）工作餐每人不超过50元。\n（二）陪餐人数不超过3人。\n特此通知。")
    found = lint_text(text, tmp_path, select="M101")
    assert [f.excerpt for f in found] == ["一、控制接待范围\n能合并的合并，能取消的取消。"]


def test_a_stage_heading_with_its_period_dates_the_work_under_it(tmp_path: Path) -> None:
    # the period in the heading, over the turn of a year, is the deadline of the stage's tasks
    text = ("社区养老服务提升工作方案\n一、工作目标\n全年新增助餐点6个。\n二、实施步骤\n"
            "（一）实施阶段（2025年11月至2026年1月）\n走访辖区独居老人，摸清服务需求，逐户建立档案。\n"
            "（二）验收阶段\n开展服务质量评议。")
    assert [f.excerpt for f in lint_text(text, tmp_path, select="M101")] == ["（二）验收阶段\n开展服务质量评议。"]


def test_the_period_of_a_part_heading_is_the_deadline_of_each_paragraph_below(tmp_path: Path) -> None:
    text = ("社区养老服务提升工作方案\n一、工作目标\n全年新增助餐点6个。\n二、工作步骤（2026年3月至6月）\n"
            "走访辖区独居老人，摸清服务需求。\n逐户建立服务档案，动态更新。\n三、保障措施\n街道办事处牵头落实。")
    assert lint_text(text, tmp_path, select="M101,M103") == []


def test_the_specification_of_an_entry_to_hand_in_is_no_measure(tmp_path: Path) -> None:
    text = ("关于举办全市微党课比赛的通知\n各基层党组织：\n一、参赛作品\n参赛作品要求如下：\n"
            "1.讲稿文稿：内容紧扣主题，观点鲜明，联系本单位实际。\n2.授课视频（如有）：画面清晰，声音清楚。\n"
            "3.加强宣传发动，营造浓厚氛围。\n特此通知。")
    assert [f.excerpt for f in lint_text(text, tmp_path, select="M101")] == ["3.加强宣传发动，营造浓厚氛围。"]


def test_the_scope_of_an_appraisal_on_a_line_of_its_own_is_no_measure(tmp_path: Path) -> None:
    text = ("关于开展年度民主评议的通知\n各支部：\n现将有关要求明确如下：\n一、评议范围\n全体在职正式职工。\n"
            "二、做好评议准备\n认真准备评议材料。\n特此通知。")
    assert [f.excerpt for f in lint_text(text, tmp_path, select="M101")] == ["二、做好评议准备\n认真准备评议材料。"]


def test_the_parts_a_report_to_hand_in_must_hold_are_no_plans_of_the_notice(tmp_path: Path) -> None:
    text = ("关于开展课题中期检查的通知\n各课题组：\n一、汇报材料\n中期汇报材料需要包括以下内容：\n1、研究进展\n"
            "说明已完成的研究内容。\n2、下一步工作计划\n写明后续研究的主要举措。\n特此通知。")
    assert lint_text(text, tmp_path, select="M101,M103") == []


@pytest.mark.parametrize("step", ["3.民主测评：党支部发放测评表，对每名党员进行测评。",
                                  "3.党员互评：以党支部为单位，召开党员大会开展互评。"])
def test_a_party_branch_doing_the_step_is_its_owner(tmp_path: Path, step: str) -> None:
    text = f"党员民主评议工作方案\n一、工作目标\n年底前完成评议。\n二、工作措施\n{step}"
    assert lint_text(text, tmp_path, select="M101") == []


@pytest.mark.parametrize("step", ["1.学校有效开展防溺水安全教育，组织学生观看警示片。",
                                  "1.医院有计划地改造发热门诊，配齐防护物资。"])
def test_the_body_a_plan_is_written_for_opening_the_item_is_its_owner(tmp_path: Path, step: str) -> None:
    text = f"防控工作预案\n一、工作目标\n全年无责任事故。\n二、预防措施\n{step}\n"
    assert lint_text(text, tmp_path, select="M101") == []
    # the same step with no one named still lacks an owner and all else
    bare = text.replace("1.学校有效开展", "1.有效开展").replace("1.医院有计划地改造", "1.改造")
    assert [f.rule for f in lint_text(bare, tmp_path, select="M101")] == ["M101"]


def test_a_stage_dated_once_over_its_steps_gives_them_their_deadline(tmp_path: Path) -> None:
    """（一）6月5日前，做好动员工作。 over 1、2、: a plan laid out by stages dates each stage once; its steps need no
    date of their own. A stage titled without a date leaves its bare steps bare."""
    text = ("读书月活动实施方案\n一、活动目标\n全年人均读书6本。\n二、工作安排\n（一）6月5日前，做好动员工作。\n"
            "1、召开动员会议，进行部署。\n2、各支部结合实际确定活动主题。\n")
    assert lint_text(text, tmp_path, select="M101") == []
    undated = text.replace("（一）6月5日前，做好动员工作。", "（一）做好动员工作。")
    assert lint_text(undated, tmp_path, select="M101") != []


def test_a_notice_that_lost_its_title_is_known_by_its_opening(tmp_path: Path) -> None:
    # 现就有关问题通知如下: a notice, whose 工作要求 bind every addressee, title or not
    text = ("各县（市、区）人力资源社会保障局：\n为做好技能补贴发放工作，现就有关问题通知如下：\n一、补贴标准\n"
            "初级证书每人补贴1000元。\n二、工作要求\n（一）提高审核效率。简化申报材料，优化审核流程。\n")
    assert lint_text(text, tmp_path, select="M101") == []


def test_a_lead_in_naming_the_content_and_the_requirements_opens_the_whole_notice(tmp_path: Path) -> None:
    # the parts after it are scope, conditions and procedures, not a list of tasks
    text = ("关于开展青年技能人才申报工作的通知\n各企业：\n为做好今年的申报工作，具体内容和要求如下：\n一、申报范围\n"
            "（一）在本县注册的制造业企业。\n（二）已享受同类补贴的企业不在此列。\n二、申报条件\n（一）具有技师以上职业资格；\n"
            "（二）企业自行设定的岗位条件。\n特此通知。")
    assert lint_text(text, tmp_path, select="M101") == []


def test_speech_profile_turns_m101_off(tmp_path: Path) -> None:
    text = "在全县工作会议上的讲话\n同志们：\n我们要进一步加强学习，不断提高认识，切实改进作风。\n"
    assert lint_text(text, tmp_path, select="M101") == []


def test_low_quantification_share(tmp_path: Path) -> None:
    text = HEAD + "1.加强学习，提高认识。\n2.改进作风，狠抓落实。\n3.完善制度，强化监督。\n4.每月开展一次督查。"
    found = lint_text(text, tmp_path, select="M103")
    assert [(f.block + 1, "4 条措施，只有 1 条" in f.message) for f in found] == [(6, True)]
    quantified = HEAD + "1.每月学习一次。\n2.6月底前修订制度。\n3.由办公室牵头督查。\n4.加强监督。"
    assert lint_text(quantified, tmp_path, select="M103") == []



def test_a_part_on_carrying_the_work_out_found_alone_gets_no_m103(tmp_path: Path) -> None:
    """When the only measures part found is one on carrying the document out (三、加强组织实施), its tasks were headed
    by their topics: the share of that part says nothing of them. The same items under 主要措施 are counted."""
    text = ("关于做好秋冬季供暖保障工作的通知\n各区供热主管部门：\n为做好今冬供暖工作，现通知如下。\n一、做好设备检修\n"
            "各供热企业对锅炉、管网开展全面检修。\n二、加强应急值守\n各供热企业落实值班制度。\n三、加强组织实施\n"
            "（一）各区供热办要加强统筹协调，形成工作合力。\n（二）各供热企业要压实主体责任，落实好各项措施。\n"
            "（三）市供热办要加强督促指导，推动工作落实。\n")
    assert lint_text(text, tmp_path, select="M103") == []
    tasks = text.replace("三、加强组织实施", "三、主要措施")
    assert [f.rule for f in lint_text(tasks, tmp_path, select="M103")] == ["M103"]


def test_a_notice_sending_an_opinion_has_its_tasks_read_as_the_opinions(tmp_path: Path) -> None:
    """关于印发……的意见的通知: the text is the 意见, whose tasks are directions (its profile turns M101 off); a notice of
    its own tasks, or one asking for opinions on a draft, keeps M101."""
    body = ("各镇人民政府，县直各部门：\n现将该意见印发给你们，请认真贯彻执行。\n一、重点任务\n"
            "（一）加快农村寄递网点建设。推动快递服务向村一级延伸，提升末端服务能力。\n"
            "（二）培育本地电商品牌。引导合作社发展特色农产品网销，扩大线上销售规模。\n")
    sent = "某某县人民政府关于印发《关于加快发展农村电子商务的实施意见》的通知\n" + body
    assert lint_text(sent, tmp_path, select="M101") == []
    asking = "某某县商务局关于征求《关于加快发展农村电子商务的实施意见》意见的通知\n" + body
    assert [f.rule for f in lint_text(asking, tmp_path, select="M101")] == ["M101", "M101"]


def test_the_aims_under_a_direction_of_effort_are_no_measures(tmp_path: Path) -> None:
    """努力方向 names where the writer will strive (a 述职 report's or a personal summary's aims), not tasks to assign
    and date; the same items under 下一步工作打算 are a plan's measures."""
    text = ("某某中学教务处主任个人年度总结\n一、主要工作\n组织完成了全校期中、期末考试。\n二、今后努力方向\n"
            "1.加强理论学习，提升业务素养。\n2.改进工作方法，提高服务质量。\n")
    assert lint_text(text, tmp_path, select="M101") == []
    plan = text.replace("二、今后努力方向", "二、下一步工作打算")
    assert [f.rule for f in lint_text(plan, tmp_path, select="M101")] == ["M101", "M101"]


def test_low_quantification_names_the_parts_it_counts(tmp_path: Path) -> None:
    # two measures parts: the count covers both, and the message says which, so a reader counting one finds why
    text = ("关于开展读书月活动的实施意见\n一、总体要求\n营造浓厚读书氛围。\n二、主要措施\n1.加强阅读引导，营造良好氛围。\n"
            "2.丰富活动载体，提升活动质量。\n三、组织保障\n1.加强组织领导，形成工作合力。\n2.注重宣传引导，扩大社会影响。\n")
    found = lint_text(text, tmp_path, select="M103")
    assert [f.message.split("共")[0] for f in found] == ["“二、主要措施”和“三、组织保障”两部分"]
    assert "共 4 条措施" in found[0].message
    # run into the text on one line, where a heading ends is a guess: the parts are not named
    found = lint_text(text.replace("\n", ""), tmp_path, select="M103")
    assert [f.message.split("共")[0] for f in found] == ["措施部分"]


def test_a_plan_whose_goals_part_sets_its_targets_has_directional_tasks(tmp_path: Path) -> None:
    # the targets set before the tasks (到2027年……达到95%): the tasks serve them, directional by the genre
    tasks = ("二、主要任务\n（一）加快补齐设施短板，完善农村供水工程体系。\n（二）强化水质安全保障，健全水质检测制度。\n"
             "（三）提升运行管护水平，健全长效管护机制。\n")
    text = ("县农村供水保障三年行动方案\n一、总体要求\n坚持城乡统筹，推进农村供水高质量发展。{goal}\n" + tasks)
    assert lint_text(text.format(goal="到2027年，农村自来水普及率达到95%，规模化供水工程覆盖人口比例达到80%。"),
                     tmp_path, select="M103") == []
    # … or under a heading of goals, in the lines after a year aimed at in words
    listed = ("县数字经济三年行动计划\n一、发展目标\n到2027年，把全县建成数字经济发展高地。\n"
              "——产业规模壮大。数字经济核心产业增加值达到30亿元。\n" + tasks)
    assert lint_text(listed, tmp_path, select="M103") == []
    # a goal in words alone sets no target: the share is judged
    assert [f.rule for f in lint_text(text.format(goal="到2027年，农村供水保障水平明显提升。"), tmp_path,
                                      select="M103")] == ["M103"]


def test_vague_density(tmp_path: Path) -> None:
    head = "工作总结\n一、主要工作\n全年完成培训120人次。\n二、下一步打算\n"
    dense = head + "我们将进一步加强学习，不断提高认识，切实改进作风，全面推进工作，着力提升水平。"
    plain = head + "我们将在6月底前完成全部120名干部轮训，进一步加强学习。"
    assert [f.rule for f in lint_text(dense, tmp_path, select="M102")] == ["M102"]
    assert lint_text(plain, tmp_path, select="M102") == []
    # the text stops inside the passage's last sentence (a preview cut): its figure may stand past the cut
    cut = head + "我们将进一步加强学习，不断提高认识，切实改进作风，全面推进工作，着力提升水平，计划在"
    assert lint_text(cut, tmp_path, select="M102") == []


def test_vague_density_judges_measures_parts_not_background(tmp_path: Path) -> None:
    praise = "一年来，我们始终坚持学习，不断提高认识，切实改进作风，全面推进工作，积极主动作为。"
    text = "工作总结\n一、主要工作\n" + praise + "\n二、下一步打算\n6月底前完成轮训。"
    assert lint_text(text, tmp_path, select="M102") == []


def test_vague_density_finds_one_item_of_a_one_line_document(tmp_path: Path) -> None:
    line = ("关于安全检查的实施方案一、检查内容检查消防设施、用电线路共20项。二、保障措施（一）压实责任。各单位要高度重视，"
            "各司其职、密切配合，确保实效。（二）按时报送。各单位在5月底前报送检查报告。")
    found = lint_text(line + "\n", tmp_path, select="M102")
    assert len(found) == 1 and "高度重视" in found[0].excerpt and "5月底前" not in found[0].excerpt


def test_config_options_of_m101_reach_m103(tmp_path: Path) -> None:
    """Issue #14: M102 and M103 read M101's patterns as the configuration merged them,
    even when M101 itself is not selected."""
    text = HEAD + "1.开展谈心谈话，落实联系点。\n2.开展专项检查，落实联系点。\n3.开展结对帮扶，落实联系点。\n"
    assert [f.rule for f in lint_text(text, tmp_path, select="M103", use_config=True)] == ["M103"]
    configured = tmp_path / "configured"
    configured.mkdir()
    (configured / "reportlint.toml").write_text('[options.M101]\ntarget = ["落实联系点"]\n', encoding="utf-8")
    assert lint_text(text, configured, select="M103", use_config=True) == []
    extended = tmp_path / "extended"
    extended.mkdir()
    (extended / "reportlint.toml").write_text('[options.M101.extend]\ntarget = ["落实联系点"]\n', encoding="utf-8")
    assert lint_text(text, extended, select="M102,M103", use_config=True) == []


def test_segmenter_is_not_loaded_when_patterns_decide(tmp_path: Path) -> None:
    segment.tagger.cache_clear()
    lint_text(HEAD + "1.2025年6月底前修订议事规则。\n2.每季度开展一次集中学习。", tmp_path, select="M")
    assert not segment.loaded()
    lint_text(HEAD + "1.走访十几家企业，解决融资难题。", tmp_path, select="M101")
    assert segment.loaded()


def test_the_segmenter_keeps_gov_terms_and_finds_quantities() -> None:
    words = segment.tagger()("践行三严三实要求，两个月内完成三个乡镇改造，年底前完成")
    assert ("三严三实", "nz") in words
    assert ("三个", "m") in words and ("年底前", "t") in words


def test_a_measure_ends_before_the_markdown_marks_of_the_next_heading(tmp_path: Path) -> None:
    # the next item's line opens with "#### " (and entity spaces) before its number: those marks are no text of the
    # measure before it, and its excerpt stops at the end of its own line
    text = ("### &emsp;&emsp;二、主要任务\n&emsp;&emsp;1、加强安全生产责任倒查机制建设。对发生的事故和违法违规行为开展"
            "责任倒查，查明是否因排查不及时、整改不彻底导致事故，对拒不整改的依法依规严肃追究。\n"
            "#### &emsp;&emsp;（二）推进强基固本。\n")
    found = [f for f in lint_text(text, tmp_path, select="M101", name="plan.md") if f.line == 2]
    assert [(f.end_line, f.excerpt[-7:]) for f in found] == [(2, "依规严肃追究。")]


def test_a_law_part_on_coercive_measures_names_no_tasks(tmp_path: Path) -> None:
    # 强制措施, 保全措施: what a court may impose, a legal term; the articles under it are no measures to quantify
    text = ("最高人民法院关于适用《中华人民共和国某程序法》的解释\n七、证据\n第一百条 当事人对自己提出的主张应当提供证据。\n"
            "八、对妨害诉讼的强制措施\n第一百七十四条 人民法院对必须到庭的被告，经两次传票传唤无正当理由拒不到庭的，可以拘传。\n"
            "第一百七十五条 拘传必须用拘传票，并直接送达被拘传人。\n")
    assert lint_text(text, tmp_path, select="M101,M102,M103") == []


_LAW_BODY = ("第一章　总则\n第一条　为了加强档案的收集和保护，制定本法。\n第二章　档案的保护\n"
             "第三条　对于涉及个人隐私的档案，保管机关应当采取下列保护措施：\n（一）不向无关人员提供查阅；\n"
             "（二）复制时隐去姓名和住址；\n（三）其他必要的保护措施。\n"
             "第四条　档案馆应当建立健全安全制度，加强库房管理。\n第三章　附则\n第五条　本法自公布之日起施行。\n")
_PLAN_BODY = "一、存在的问题\n库房管理松散，查阅登记不全。\n二、整改措施\n（一）加强档案库房管理。\n（二）改进查阅服务。\n"


@pytest.mark.parametrize("title", ["中华人民共和国档案保护法", "档案保护法（2020年修订）", "某某法修正案（十一）",
                                   "最高人民法院关于适用《中华人民共和国档案保护法》的解释",
                                   "最高人民法院关于审理档案纠纷案件适用法律若干问题的规定"])
def test_a_law_or_judicial_interpretation_holds_no_measures(tmp_path: Path, title: str) -> None:
    # a law's articles lay down duties in fixed legal words; the 保护措施 an article lists are no tasks of a plan
    assert lint_text(title + "\n" + _LAW_BODY, tmp_path, select="M101,M102,M103") == []
    assert lint_text(title + "\n" + _PLAN_BODY, tmp_path, select="M101,M102,M103") == []


def test_a_set_of_rules_laid_out_in_articles_holds_no_measures(tmp_path: Path) -> None:
    """第一条 …… 第四条 热线工作任务：（一）……（七）: a 工作办法's articles list standing duties, not tasks of a plan
    to give a figure, a date or an owner, whatever its title calls it; a plan with two articles' words keeps them."""
    rules = ("县便民服务热线工作办法\n第一条 为规范便民服务热线工作，制定本办法。\n第二条 本办法适用于县便民服务热线。\n"
             "第三条 热线工作坚持便民高效的原则。\n第四条 热线工作任务：\n（一）受理群众诉求；\n（二）解答群众咨询；\n"
             "（三）汇集社情民意。\n第五条 本办法自印发之日起施行。\n")
    assert lint_text(rules, tmp_path, select="M101,M102,M103") == []
    plan = "热线服务提升方案\n一、主要任务\n（一）受理群众诉求。\n（二）解答群众咨询。\n（三）汇集社情民意。\n"
    assert len(lint_text(plan, tmp_path, select="M101")) == 1


@pytest.mark.parametrize("title", ["关于区政协第三次会议第45号提案的答复", "关于县人大代表第12号建议的答复",
                                   "关于政协第五次会议第0087号提案答复的函"])
def test_a_reply_to_a_proposal_pledges_its_own_next_steps(tmp_path: Path, title: str) -> None:
    # the answering body's own next steps, pledged to the one who proposed: no task the reply assigns
    reply = (title + "\n尊敬的王明委员：\n您提出的关于加强档案保护的提案收悉，现答复如下。\n一、工作开展情况\n"
             "今年完成库房改造2处。\n二、下一步工作打算\n1.加强档案库房管理。\n2.改进查阅服务。\n")
    assert lint_text(reply, tmp_path, select="M101,M103") == []


@pytest.mark.parametrize("title", ["档案保护工作整改方案", "关于档案保护的实施办法", "档案整理五步工作法",
                                   "关于落实县人大代表建议的工作方案"])
def test_a_title_that_names_no_law_keeps_the_measures_rules(tmp_path: Path, title: str) -> None:
    assert [f.excerpt for f in lint_text(title + "\n" + _PLAN_BODY, tmp_path, select="M101")] == [
        "（一）加强档案库房管理。", "（二）改进查阅服务。"]


def test_a_part_opened_by_an_item_ends_at_a_heading_of_its_level(tmp_path: Path) -> None:
    # （三）其他必要的保护措施 opens a part inside 第三条; 第四条 and the chapter heading 第三章 附则 after it are no
    # measures of that part (they had each been called a bare measure)
    found = lint_text("关于档案保护的实施办法\n" + _LAW_BODY, tmp_path, select="M101")
    assert [f.excerpt for f in found if f.line >= 9] == []


def test_a_heading_on_the_results_of_the_work_it_names_opens_no_measures_part(tmp_path: Path) -> None:
    # 重点工作成效, 主要任务完成情况, 主要措施和成效: a review of work done; the same words alone head the year's plan
    text = ("某某街道2025年工作总结\n一、2025年重点工作成效\n（一）党建引领持续深化。坚持党的全面领导，强化思想引领。\n"
            "二、主要任务完成情况\n（一）营商环境不断优化。深化政务服务改革，提升办事效率。\n"
            "三、主要措施和成效\n（一）健全工作机制。建立联席会议制度，形成工作合力。\n"
            "四、下一步重点工作\n（一）持续深化党建引领。坚持党的全面领导，强化思想引领。\n")
    assert [f.line for f in lint_text(text, tmp_path, select="M101")] == [9]


def test_a_notices_cautions_bind_every_addressee(tmp_path: Path) -> None:
    # 期末工作安排及寒假注意事项 in a notice: what every unit addressed must heed, as in its 工作要求; the same items under a
    # 整改措施 heading of a plan are bare measures
    body = ("1.各教学单位认真做好期末考试和成绩登记工作。\n2.放假期间，教职工和学生要自觉遵守安全管理规定。\n")
    notice = "关于2026年寒假放假安排的通知\n各学院、各部门：\n一、放假时间\n1月20日至2月25日。\n二、期末工作安排及寒假注意事项\n" + body
    assert lint_text(notice, tmp_path, select="M101") == []
    plan = "某学院安全工作整改方案\n一、存在的问题\n安全教育不到位。\n二、整改措施\n" + body
    assert len(lint_text(plan, tmp_path, select="M101")) == 2


def test_the_framing_items_of_work_points_set_no_task(tmp_path: Path) -> None:
    # 一、总体要求 (指导思想, 工作目标) frames the 工作要点; its tasks begin at 二、
    text = ("县政务公开2024年工作要点\n一、总体要求\n（一）总体思路\n坚持以人民为中心，深化政务公开。\n"
            "（二）工作目标\n政务公开工作质量进一步提升。\n二、重点任务\n（一）深化决策公开。全年完成决策公开事项20项。\n"
            "（二）做好政策解读。由办公室牵头，每月发布解读材料。\n三、保障措施\n（一）强化考核。每季度通报一次。\n")
    assert lint_text(text, tmp_path, select="M1") == []
    # … but a task under a framing-like word elsewhere is still a task
    bare = text.replace("全年完成决策公开事项20项。", "不断提升公开质量。")
    assert [f.rule for f in lint_text(bare, tmp_path, select="M101")] == ["M101"]
    # 主要工作思路 as a top-level part of its own, before the tasks, frames them too
    thinking = ("学院团委2024年工作要点\n一、指导思想\n坚持以党的创新理论为指导。\n二、主要工作思路\n围绕立德树人根本任务，"
                "聚焦主责主业，着力深化改革。\n三、重点任务\n1.深化理论学习。全年组织专题学习12次。\n")
    assert lint_text(thinking, tmp_path, select="M101") == []


def test_a_townships_villages_are_the_addressees_its_requirements_bind(tmp_path: Path) -> None:
    # 各责任村 in a township's notice to 各村（社区）: the villages it is sent to, a collective owner like 各单位
    head = "关于河道整治情况的通报\n各村（社区）：\n现将检查情况通报如下。\n一、存在的问题\n部分河段漂浮物较多。\n二、下步工作要求\n"
    item = "一是加快整改。各责任村要进一步加快问题整改进度，确保整改工作顺利推进。\n"
    assert lint_text(head + item, tmp_path, select="M101") == []
    # in a plan the same collective owner says who, in general words: reported as such
    plan = "镇河道整治工作方案\n一、工作目标\n河道整洁。\n二、主要措施\n（一）加快整改。各责任村要进一步加快问题整改进度。\n" \
           "（二）强化督查。镇督查办每月通报一次。\n"
    found = lint_text(plan, tmp_path, select="M101")
    assert len(found) == 1 and "“各责任村”" in found[0].message


def test_a_division_of_duties_names_the_owner_over_its_items(tmp_path: Path) -> None:
    """（一）县教育局 over 1. 2.: the owner is named once, over the tasks; 各部门 names no body."""
    text = ("县校园食品安全专项整治工作方案\n为保障师生饮食安全，制定本方案。\n一、职责分工\n（一）县教育局\n"
            "1.督促各学校落实校长陪餐制度。\n2.组织学校食堂从业人员开展食品安全培训。\n（二）各乡镇人民政府\n"
            "1.配合做好校园周边环境整治。\n（三）各部门\n1.加强宣传引导。\n")
    found = [f.excerpt for f in lint_text(text, tmp_path, select="M101")]
    assert found == ["1.加强宣传引导。"]


def test_an_item_leading_into_its_sub_items_names_their_owner(tmp_path: Path) -> None:
    """1.……由社区、物业公司负责日常管理，具体如下： names who does (1) and (2); 由有关部门负责 names nobody."""
    text = ("小区停车秩序整治方案\n为改善小区停车秩序，制定本方案。\n一、工作措施\n"
            "1.住宅小区内的停车由社区、物业公司负责日常管理，具体如下：\n（1）劝导车主规范停放。\n"
            "（2）督促车主清理占道杂物。\n2.沿街停车由有关部门负责，具体如下：\n（1）劝导车主规范停放。\n"
            "3.停车场建设工作如下：\n（1）做好场地选址。\n")
    found = [(f.line, f.excerpt) for f in lint_text(text, tmp_path, select="M101")]
    assert found == [(8, "（1）劝导车主规范停放。"), (10, "（1）做好场地选址。")]


def test_inline_points_share_the_owner_their_paragraph_names_in_its_closing_bracket(tmp_path: Path) -> None:
    """一是……二是……（牵头单位：县某局；配合单位：……）, or 由县某局牵头组织，负责……，一是……: the owner is written
    once for the item's points; a bracket naming no body (（有关部门配合）) or a paragraph with none leaves them bare."""
    def plan(tail: str) -> str:
        return ("县公园城市建设实施方案\n为推进公园城市建设，制定本方案。\n一、主要任务\n"
                "1.推进绿地开放共享。一是开放单位绿地，推动附属绿地共享利用。二是推进拆违还绿，消除绿地服务盲区。"
                f"三是加强屋顶绿化建设，推动公共建筑屋顶绿化。{tail}\n"
                + "".join(f"{k}.建设口袋公园{k}个，由县林业站负责，6月底前完成。\n" for k in range(2, 5)))

    assert lint_text(plan("(牵头单位：县绿化市容局;配合单位：各乡镇)"), tmp_path, select="M101,M103") == []
    led = plan("").replace("推进绿地开放共享。一是", "推进绿地开放共享：由县绿化市容局牵头组织，负责绿地开放，一是")
    assert lint_text(led, tmp_path, select="M101,M103") == []  # … or in the clause leading into the points
    for tail in ("（有关部门配合）", ""):
        assert [f.rule for f in lint_text(plan(tail), tmp_path, select="M101,M103")] == ["M101"]


def test_a_step_before_a_stage_of_a_procedure_has_its_deadline(tmp_path: Path) -> None:
    """在办理施工许可证前，应当…: the step is due at a stage anyone can check."""
    text = ("县建筑垃圾管理工作方案\n为规范建筑垃圾处置，制定本方案。\n一、工作措施\n"
            "1.施工方在办理施工许可证前，应当提交垃圾处置计划。\n2.施工方在施工过程中前后协调。\n")
    assert [f.line for f in lint_text(text, tmp_path, select="M101")] == [5]


def test_a_ledgers_time_limit_field_is_a_deadline(tmp_path: Path) -> None:
    """整改时限：立行立改 (or 长期坚持) is how a rectification ledger dates a task."""
    text = ("个人对照检查材料\n一、存在的问题\n（一）学习不够深入。\n二、原因分析\n（一）思想认识不到位。\n三、整改措施\n"
            "（一）改进工作作风。深入基层解决实际问题。整改时限：立行立改。\n（二）加强理论学习。做到学以致用。\n")
    assert [f.excerpt[:9] for f in lint_text(text, tmp_path, select="M101")] == ["（二）加强理论学习"]


def test_an_inline_series_under_a_body_named_above_has_its_owner(tmp_path: Path) -> None:
    """一是…二是… inside an item whose parent is titled with a body's name (（一）县财政局)."""
    text = ("县稳就业工作方案\n为稳定就业形势，制定本方案。\n一、工作措施\n（一）县财政局\n"
            "1.加强资金保障。一是统筹安排就业补助资金。二是加快资金拨付进度。\n（二）各部门\n"
            "1.加强宣传。一是用好媒体平台。二是营造良好氛围。\n")
    found = [f.excerpt for f in lint_text(text, tmp_path, select="M101")]
    assert found == ["一是用好媒体平台。二是营造良好氛围。"]  # under 各部门: no body named


def test_the_issuing_body_under_the_last_measure_is_not_its_owner(tmp_path: Path) -> None:
    """The signature's body and date close the document: the last item does not run into them, so the body's name
    there gives it no owner, and its excerpt ends with its own text."""
    text = ("关于加强食堂管理的整改方案\n一、存在的问题\n（一）采购台账不全。\n二、整改措施\n"
            "（一）规范采购管理。2025年4月底前建立食材采购台账。\n（二）加强日常巡查。\n县机关事务服务中心\n2025年3月1日\n")
    assert [f.excerpt for f in lint_text(text, tmp_path, select="M101")] == ["（二）加强日常巡查。"]


def test_a_sanction_for_a_failure_is_no_task(tmp_path: Path) -> None:
    """对……不力的，严肃追责问责: what follows a breach, laid down as a rule, not a task to quantify."""
    text = ("关于落实河长制工作的实施方案\n一、工作任务\n（一）开展河道清理。2025年6月底前完成全县河道清理。\n"
            "二、保障措施\n（一）严格考核问责。对履职不力的河长，严肃追责问责。\n（二）加强宣传。\n")
    assert [f.excerpt for f in lint_text(text, tmp_path, select="M101")] == ["（二）加强宣传。"]


def test_a_parts_heading_and_its_lead_paragraph_are_no_measure(tmp_path: Path) -> None:
    # （一） heading on its own line, a paragraph summing up the part, then its numbered measures: the measures are
    # judged, the lead is not; the same when a paste ran the lines together with their indents
    lines = ["关于加强农村人居环境整治的实施方案", "一、总体要求", "到年底前完成整治任务。", "二、重点任务",
             "（一）强化村庄清洁，提升环境面貌",
             "针对一些地方脏乱差反弹的问题，坚持问题导向，持续推进村庄清洁行动，巩固整治成果。",
             "1.开展村庄清洁行动。每季度组织一次集中清理，由乡镇人民政府负责。",
             "2.完善保洁机制。建立健全保洁制度，不断提高保洁水平。"]
    found = [f.excerpt[:6] for f in lint_text("\n".join(lines), tmp_path, select="M101")]
    assert found == ["2.完善保洁"]
    pasted = lines[0] + "".join("\u3000\u3000" + line for line in lines[1:])
    assert [f.excerpt[:6] for f in lint_text(pasted, tmp_path, select="M101")] == ["2.完善保洁"]


def test_a_measure_of_empty_words_is_one_m102_finding_at_m101s_level(tmp_path: Path) -> None:
    # M101 leaves an item of slogans to M102, which names them: that one finding is a warning like M101's, so the
    # emptiest measure fails a run as a measure with no deadline does; alone, M102 stays information
    from reportlint.api import lint_text as api_lint_text
    from reportlint.testing import lint_text

    text = ("关于优化营商环境的工作总结\n一、主要工作\n全年办理企业开办业务1200件，平均用时1.5天。\n二、下一步打算\n"
            "（一）压缩审批时限。6月底前将企业开办时间压缩至1天以内，由县市场监管局负责。\n"
            "（二）持续优化营商环境。进一步深化改革，不断提升服务水平，切实增强群众获得感。\n")
    found = [(f.rule, f.line, f.severity) for f in lint_text(text, tmp_path, select="M")]
    assert found == [("M102", 6, "warning")]
    assert [(f.rule, f.severity) for f in lint_text(text, tmp_path, select="M102")] == [("M102", "info")]
    # the library's text entry checks a text as a file is checked
    assert [(f.rule, f.severity) for f in api_lint_text(text, select="M")] == [("M102", "warning")]


def test_one_person_named_for_a_task_is_a_number(tmp_path: Path) -> None:
    # 确定一名联络员: a number a reviewer can check, so the requirement is no paragraph of empty words; 一项工作 is an
    # article and counts nothing
    from reportlint.testing import lint_text

    lead = "关于开展安全生产检查的通知\n各科室：\n一、工作要求\n各科室要高度重视，积极配合，认真开展自查，及时报送自查情况，"
    assert [f.rule for f in lint_text(lead + "并确定一名联络员。\n", tmp_path, select="M102")] == []
    assert [f.rule for f in lint_text(lead + "并做好一项工作。\n", tmp_path, select="M102")] == ["M102"]


def test_the_members_of_a_body_set_up_are_no_measures(tmp_path: Path) -> None:
    """组长：……, 副组长：……, 成员：…… under the setting-up of a leading group name who sits in it, no task."""
    text = ("县林业局森林防火专项整治方案\n一、组织领导\n为加强领导，县林业局成立森林防火专项整治工作领导小组。\n"
            "组长：张某某局长\n副组长：王某某副局长\n成员：资源股股长、防火办主任\n成员单位：各林场\n"
            "二、工作措施\n全面排查林区火源隐患。\n")
    found = [f.excerpt for f in lint_text(text, tmp_path, select="M101")]
    assert found == ["全面排查林区火源隐患。"]


def test_a_parts_items_after_a_lead_saying_the_work_was_done_are_no_tasks(tmp_path: Path) -> None:
    """二、整改措施 / 针对以上情况，我们做了大量工作。/ 1、…… : the lead says the items were done (a summary's or a
    rectification report's 做法); a plan's lead that says what will be done keeps its items measures."""
    done = ("学校安全隐患整治工作方案\n一、排查情况\n发现隐患3处。\n二、整改措施\n针对以上情况，我们做了大量工作。\n"
            "1、加强安全教育。\n2、完善校门管理。\n")
    assert lint_text(done, tmp_path, select="M101") == []
    planned = done.replace("我们做了大量工作", "我们将重点做好以下工作")
    assert [f.excerpt for f in lint_text(planned, tmp_path, select="M101")] == ["1、加强安全教育。", "2、完善校门管理。"]


def _flagged(text: str, tmp_path: Path) -> list[int]:
    """The lines of M101's findings on ``text``."""
    return [f.line for f in lint_text(text, tmp_path, select="M101")]


def test_a_body_named_with_its_short_name_in_brackets_is_the_owner(tmp_path: Path) -> None:
    """……指挥部（以下简称“防指”）负责……: the short name given in brackets stands between the body and what it does; the
    body is who acts all the same. The same sentence without a body named is still bare."""
    head = "某镇防汛工作方案\n一、工作目标\n确保安全度汛。\n二、工作措施\n"
    named = head + "1.调整充实镇防汛指挥部（以下简称“镇防指”）负责领导全镇防汛工作。\n2.加强巡查，及时排除隐患。\n"
    assert _flagged(named, tmp_path) == [6]
    # … and the office set up under it, and who runs it
    office = head + "1.镇防指下设办公室在镇水利站，王明同志兼任办公室主任，水利站李强具体负责日常工作。\n" \
                    "2.加强巡查，及时排除隐患。\n"
    assert _flagged(office, tmp_path) == [6]


def test_a_stage_dated_with_a_blank_year_dates_its_tasks(tmp_path: Path) -> None:
    """（一）准备阶段（20__年9月1日—20__年10月30日）: a template's stage with its year left blank still dates each task
    under it (B103 names the blank); for M103's count too."""
    text = ("某镇森林防火工作方案\n一、工作目标\n确保不发生重大火灾。\n二、工作安排\n"
            "（一）准备阶段（20__年9月1日—20__年10月30日）\n1.签订防火责任状。\n2.组建扑火队伍。\n"
            "（二）防控阶段\n1.加强巡山护林。\n2.开展宣传教育。\n")
    assert _flagged(text, tmp_path) == [9, 10]
    dated = text.replace("（二）防控阶段", "（二）防控阶段（2025年11月1日—2026年5月31日）")
    assert lint_text(dated, tmp_path, select="M101,M103") == []


def test_the_terms_of_an_activity_are_no_measures(tmp_path: Path) -> None:
    """An activity plan sets out who takes part, how the contest runs and how it is scored (参赛对象, 比赛程序): facts
    of the event, not tasks of its organiser. A task among them is still judged."""
    text = ("某县护士节活动方案\n一、活动目的\n弘扬南丁格尔精神。\n二、活动内容\n（一）演讲比赛\n1.参赛对象\n"
            "全县医疗卫生单位护理人员。\n2.比赛程序。分初赛、决赛两轮进行。\n3.加强宣传，营造氛围。\n")
    assert _flagged(text, tmp_path) == [9]


def test_the_programme_of_an_event_is_no_measure(tmp_path: Path) -> None:
    """An activity plan's 活动内容 telling what the day offers (活动现场设置……, 现场将有……): the programme of the event,
    no task of its organiser to quantify, for M101 and M103 alike. A task among them is still judged."""
    text = ("某街道中秋游园活动方案\n一、活动目的\n丰富居民文化生活。\n二、活动内容\n1. 灯谜竞猜\n在活动现场悬挂灯谜两百条，供居民竞猜。\n"
            "2. 民俗展示\n现场将有剪纸、面塑等民间手艺展示。\n3. 美食品尝\n现场供应月饼、桂花糕等节令食品。\n")
    assert [f.rule for f in lint_text(text, tmp_path, select="M101,M103")] == []
    task = text + "4. 宣传发动\n加强宣传，营造氛围。\n"
    assert [(f.rule, f.line) for f in lint_text(task, tmp_path, select="M101")] == [("M101", 11)]
    # the day of the event given in its own part dates every activity of the programme, however it is worded
    offered = ("某社区重阳敬老活动方案\n一、活动时间和地点\n时间：10月11日上午。地点：社区活动室。\n二、活动内容\n"
               "1. 健康义诊。邀请卫生院医生为老人测量血压。\n2. 文艺表演。社区舞蹈队表演广场舞。\n")
    assert lint_text(offered, tmp_path, select="M101,M103") == []
    undated = offered.replace("时间：10月11日上午。", "时间：另行通知。")
    assert [f.rule for f in lint_text(undated, tmp_path, select="M101")] == ["M101", "M101"]


def test_work_done_told_in_a_report_is_no_measure(tmp_path: Path) -> None:
    """A self-inspection report's 工作措施 tells what was taken (制定了……制度): work done, not a task to quantify.
    The same item in a plan is judged."""
    body = ("\n一、基本情况\n全校共有学生800人。\n二、工作措施\n1.食品安全制度健全。制定了食品留样、索证索票等制度。\n"
            "2.加强食品安全教育，提高师生食品安全意识。\n")
    assert _flagged("某小学食品安全自查报告" + body, tmp_path) == [6]
    assert _flagged("某小学食品安全工作方案" + body, tmp_path) == [5, 6]
