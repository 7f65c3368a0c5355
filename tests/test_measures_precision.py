"""M1 precision: one finding per passage, owners and dates in their usual wordings, generic
owners and relative years that name nobody and no date, reports about another document, and
principles that are no tasks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import lint_text

HEAD = "县机关对照检查材料\n一、存在的问题\n（一）学习不深入。\n二、原因分析\n（一）认识不到位。\n三、整改措施\n"


def codes(text: str, tmp_path: Path, select: str = "M1") -> list[str]:
    return [f.rule for f in lint_text(text, tmp_path, select=select)]


def test_m101_is_silent_on_items_m102_reports_as_one_passage(tmp_path: Path) -> None:
    text = ("关于开展仓库盘点工作的方案\n一、工作目标\n全年完成库存盘点4次。\n二、工作要求"
            "1.提高思想认识，高度重视盘点。2.加强组织领导，各司其职，落到实处。3.精心组织，周密部署，形成合力。")
    found = codes(text, tmp_path)
    assert found.count("M102") == 1
    assert "M101" not in found  # the same passage is not reported again item by item


def test_m101_alone_still_names_the_bare_items(tmp_path: Path) -> None:
    text = ("关于开展仓库盘点工作的方案\n一、工作目标\n全年完成库存盘点4次。\n二、工作要求"
            "1.提高思想认识，高度重视盘点。2.加强组织领导，各司其职，落到实处。3.精心组织，周密部署，形成合力。")
    assert "M101" in codes(text, tmp_path, select="M101")


@pytest.mark.parametrize(
    "measure",
    [
        "整理职工提案。由工会发至各车间答复。",  # 由 + a body + verb
        "完善考勤制度。由人事科审核后执行。",  # 由 + …科
        "调整培训安排。汇总后由工会报送上级。",  # 由 + 工会
        "推进档案数字化。次年一季度完成扫描。",  # a relative year with a point in it
        "修订采购办法。明年6月底前印发。",
        "清理过期台账。明年底前完成。",
        "改进值班管理。建立周报制度，按时汇总。",  # a report at a fixed interval is a cadence
        "推进项目审批。由市发改委会同有关部门负责。",  # a named body beside a generic one
        "规范收费公示。定点医疗机构要在结算窗口张贴收费标准。",  # a named kind of institution as the subject
        "推进老旧小区改造。力争到2027年，在全县中心城区率先实现零改的任务目标。",  # the target year of a plan
        "推进高频事项网办。加快30余个事项标准化。",  # a count given round
        "扩大培训覆盖面。组织培训1000余人次。",
        "加强联合执法。城管中队、派出所、市场所等相关部门要加大执法力度。",  # offices listed before 等相关部门
        "规范公文处理。修订《机关公文处理实施细则》。",  # a document named by its title: issued or not
        "规范数据共享。出台部门数据互通管理办法。",  # … or by its name and kind, without 《》
        "改善人居环境。推动生活垃圾收运覆盖全体农户。",  # full coverage
        "配强基层力量。确保一村一名驻村联络员。",  # a quota per unit
        "保障资金投入。土地出让收益全部用于农村土地整治。",  # money earmarked whole for one use
        "加大资金支持。改造项目资本金由省财政安排。",  # who pays answers for it
        "规范审批行为。各级自然资源主管部门对违规审批应及时纠正。",  # a named kind of department, 对 before its duty
        "深化管理体制改革。全面取消乡镇站所代管体制。",  # an end state of all or nothing
        "会务保障组。组  长：办公室主任。成  员：后勤科。职  责：负责会场布置。",  # a working group with its head
        "做好优秀论文推荐。按4∶1的比例择优推荐。",  # a ratio that sets a quota
        "落实配套资金。县级按1:1比例配套。",
        "加强校门口安全管理。放学时段由值班教师在校门口护导。",  # the staff on duty named as who acts
        "规范论文检测。指导教师应逐篇审查检测报告。",  # a role a school sets the duty on
        "规范答辩分组。答辩名单由学院确定。",  # 由 + a college
        "补齐消防短板。街道消防办推动为高龄老人住所加装烟雾报警装置。",  # the office that drives the task
        "做好免疫记录。村级防疫员要如实登记免疫情况。",  # a post named by its duty
        "压实监管责任。各网格要督促企业开展风险辨识。",  # the grid unit of community management
        "明确监管分工。督促各主管部门编制本行业安全监管权责清单。",  # a list of powers and duties to draw up
        "规范生产记录。养殖场(户)要详细记录存栏和出栏情况。",  # the businesses a rule sets their own duty on
    ],
)
def test_owner_and_relative_dates_count(tmp_path: Path, measure: str) -> None:
    assert [f.rule for f in lint_text(HEAD + "1." + measure, tmp_path, select="M101")] == []


@pytest.mark.parametrize(
    "measure",
    [
        "修订采购办法。纳入明年工作计划。",  # a year alone: by when is nothing done
        "调整排班办法。来年逐步推开。",
        "完善考勤制度。由有关部门负责。",  # a class of departments, no office named
        "改进服务流程。各部门要加强协作。",
        "加强安全管理。各企业要落实主体责任。",  # each enterprise: no one named, as 各部门
        "解决职工反映的问题。由专业管理部门研究后纳入计划。",
        "做好数据统计。截至2023年，已在全县推开。",  # where things stood, no target year
        "拓展服务渠道。让更多个体工商户享受服务。",  # 多个 of a word, no count
        "做好政策宣传。宣传、教育等相关部门要加强配合。",  # fields, no office named
        "加强理论学习。认真学习《中国共产党章程》。",  # studying a title is no document to issue
        "健全工作机制。制定相关管理办法。",  # 相关: no document named
        "完善配套政策。出台一批配套实施细则。",
        "加强行业监管。有关部门对违规行为应及时纠正。",  # a class of departments, 对 or not
        "做好会务保障。会场9:30开放，比例适当。",  # a time of day is no ratio
        "改进项目管理。以项目为中心推进各项工作。",  # 中心 of 以……为中心 is no office
        "加强宣传引导。广泛动员要与经常性教育相结合。",  # 动员, a verb, names no post
    ],
)
def test_relative_years_and_generic_owners_do_not_count(tmp_path: Path, measure: str) -> None:
    assert [f.rule for f in lint_text(HEAD + "1." + measure, tmp_path, select="M101")] == ["M101"]


def test_a_generic_owner_is_named_in_the_message(tmp_path: Path) -> None:
    found = lint_text(HEAD + "1.完善考勤制度。由有关部门负责。", tmp_path, select="M101")
    assert "“有关部门”" in found[0].message and "没有写明具体的责任单位" in found[0].message
    assert "责任主体" not in found[0].message  # an owner is written: it is not missing, only vague


def test_a_bare_item_without_any_owner_keeps_the_plain_message(tmp_path: Path) -> None:
    found = lint_text(HEAD + "1.加强学习，提高认识。", tmp_path, select="M101")
    assert "责任主体" in found[0].message and "具体的责任单位" not in found[0].message


def test_m103_counts_owner_named_with_you(tmp_path: Path) -> None:
    text = HEAD + "建议一：收集的意见由办公室发至各科室答复。建议二：由有关部门研究后纳入明年计划，逐步解决。"
    found = [f for f in lint_text(text, tmp_path, select="M1") if f.rule == "M103"]
    assert len(found) == 1
    assert "其中 1 条写明了由谁负责" in found[0].message  # never "0 of 2": 由办公室发至 names an office
    assert "没有一条写明数量、时限或可检验的目标" in found[0].message


def test_m103_is_silent_when_an_owned_measure_also_has_a_date(tmp_path: Path) -> None:
    text = HEAD + "建议一：收集的意见由办公室发至各科室，6月底前答复。建议二：由有关部门研究后纳入明年计划，逐步解决。"
    assert "M103" not in codes(text, tmp_path)


def test_a_report_about_drafting_a_document_is_checked_like_measures(tmp_path: Path) -> None:
    text = ("关于年度工作意见起草情况的汇报\n一、起草过程\n办公室会同各部门形成初稿，经两轮修改形成讨论稿。\n"
            "二、文件主要内容：全文分为三个部分。（一）总体思路（二）重点任务（三）保障措施"
            "一是健全考核机制。二是健全督办机制。三是健全通报机制。\n三、需要审议的事项\n审议讨论稿，通过后印发。")
    found = lint_text(text, tmp_path, select="M101")
    assert len(found) == 1  # the bare tasks it lists are reviewed like any measures: one finding for the run
    assert found[0].excerpt == "一是健全考核机制。二是健全督办机制。三是健全通报机制。"


def test_the_same_outline_in_a_plan_of_its_own_is_checked(tmp_path: Path) -> None:
    text = ("年度工作意见\n一、总体思路\n围绕全年目标抓好各项工作。\n二、保障措施\n"
            "一是健全考核机制。二是健全督办机制。三是健全通报机制。")
    found = lint_text(text, tmp_path, select="M101")
    assert len(found) == 1  # three bare items in one paragraph: one finding for the run
    assert "一是" in found[0].excerpt and "三是" in found[0].excerpt


def test_m103_leaves_principles_out_of_the_count(tmp_path: Path) -> None:
    text = ("2025年机关工作要点\n一、坚持按章办事。各科室遵守有关规定，维护制度权威。\n"
            "二、牢固树立服务意识。全体干部增强服务意识，改进工作作风。\n"
            "三、始终坚持问题导向。把解决实际问题作为工作的出发点。\n"
            "四、完善办文流程。6月底前修订公文处理办法。\n五、加强学习培训。不断提升干部的业务能力。")
    assert "M103" not in codes(text, tmp_path, select="M103")


def test_m103_still_reports_bare_tasks(tmp_path: Path) -> None:
    text = ("2025年机关工作要点\n一、加强制度建设。各科室完善有关规定。\n"
            "二、改进工作作风。全体干部增强服务意识。\n三、推进问题整改。把解决实际问题作为出发点。\n"
            "四、完善办文流程。6月底前修订公文处理办法。\n五、加强学习培训。不断提升干部的业务能力。")
    assert "M103" in codes(text, tmp_path, select="M103")


def test_runs_in_two_items_stay_two_findings(tmp_path: Path) -> None:
    text = ("年度工作意见\n一、总体思路\n围绕全年目标抓好各项工作。\n二、保障措施\n（一）强化队伍。一是充实人员。二是改进培训。"
            "（二）强化考核。一是完善办法。二是严格兑现。")
    found = lint_text(text, tmp_path, select="M101")
    assert [f.excerpt[:4] for f in found] == ["一是充实"]  # the two runs are four bare points in a row of one part
    assert "连续 4 条措施" in found[0].message
    # with lists reported item by item (list_from raised), the runs stay two: never joined across items
    (tmp_path / "reportlint.toml").write_text("[options.M101]\nlist_from = 99\n", encoding="utf-8")
    found = lint_text(text, tmp_path, select="M101", use_config=True)
    assert [f.excerpt[:4] for f in found] == ["一是充实", "一是完善"]


def test_you_yu_names_no_owner(tmp_path: Path) -> None:
    found = lint_text(HEAD + "1.由于会议室紧张，改进学习安排，提高学习效果。", tmp_path, select="M101")
    assert [f.rule for f in found] == ["M101"]  # 由于 gives a reason, not a responsible office


def test_you_yu_before_a_duty_verb_names_no_owner(tmp_path: Path) -> None:
    found = lint_text(HEAD + "1.由于人员调整落实不到位，今后改进工作方法。", tmp_path, select="M101")
    assert [f.rule for f in found] == ["M101"]


def test_a_run_of_bare_items_says_how_many(tmp_path: Path) -> None:
    text = "年度工作意见\n一、总体思路\n围绕全年目标抓好各项工作。\n二、保障措施\n一是健全考核机制。二是健全督办机制。三是健全通报机制。"
    found = lint_text(text, tmp_path, select="M101")
    assert "连续 3 条措施" in found[0].message


def test_a_run_with_a_generic_owner_says_no_office_is_named(tmp_path: Path) -> None:
    text = ("年度工作意见\n一、总体思路\n围绕全年目标抓好各项工作。\n二、重点任务\n"
            "一是各部门健全考核机制。二是健全督办机制。")
    found = lint_text(text, tmp_path, select="M101")
    assert len(found) == 1 and "连续 2 条措施" in found[0].message
    assert "具体的责任单位" in found[0].message


PLAN = "关于开展仓库盘点工作的方案\n一、工作目标\n全年完成库存盘点4次。\n二、工作要求\n"


def test_m102_spares_a_slogan_sentence_in_an_item_with_a_cadence(tmp_path: Path) -> None:
    text = PLAN + ("（一）加强领导。各仓库要深刻认识盘点的重要意义，切实加强对盘点的组织领导，逐项分析突出问题，"
                   "精心组织，确保落到实处。每月报送盘点进度。")
    assert "M102" not in codes(text, tmp_path)  # the item says how often it reports: not "nothing checkable"


def test_m102_still_reports_a_whole_item_of_slogans(tmp_path: Path) -> None:
    text = PLAN + "（一）加强领导。各仓库要深刻认识盘点的重要意义，切实加强对盘点的组织领导，逐项分析突出问题，精心组织，确保落到实处。"
    found = [f for f in lint_text(text, tmp_path, select="M1") if f.rule == "M102"]
    assert len(found) == 1 and "没有任何量化内容" in found[0].message


def test_m102_on_slogans_beside_named_owners_says_the_owners_are_there(tmp_path: Path) -> None:
    text = PLAN + ("（一）组织保障。市商务局为牵头单位，区县商务部门为责任单位。各单位要高度重视盘点工作，"
                   "紧紧依靠仓储协会，积极做好协调保障，及时研究解决盘点中的困难，确保盘点顺利。")
    found = [f for f in lint_text(text, tmp_path, select="M1") if f.rule == "M102"]
    assert len(found) == 1  # who is responsible is written, how much and by when is not
    assert "没有任何量化内容" not in found[0].message and "写明了由谁负责" in found[0].message


TASKS = ("档案数字化工作方案\n一、工作任务\n（一）人员培训。由办公室组织集中培训，每个科室至少2名档案管理员参加，"
         "6月底前完成。\n（二）设备采购。由财务科采购扫描仪3台。\n二、工作要求\n")


def test_m101_is_silent_on_a_requirement_that_repeats_a_quantified_task(tmp_path: Path) -> None:
    text = TASKS + "1.强化培训。各科室要选派档案管理员参加学习，掌握扫描技能。"
    assert codes(text, tmp_path, select="M101") == []  # the task above already says how many and by when


def test_m101_still_reports_a_requirement_on_a_new_subject(tmp_path: Path) -> None:
    text = TASKS + "1.加强保密。要规范涉密文件的借阅登记，防止泄露。"
    assert codes(text, tmp_path, select="M101") == ["M101"]


def test_generic_nouns_make_no_repeated_subject(tmp_path: Path) -> None:
    text = ("档案数字化工作方案\n一、工作任务\n（一）完善工作机制。由办公室牵头，6月底前建立工作机制。\n二、工作要求\n"
            "1.健全机制。要完善工作机制，形成合力。")
    assert codes(text, tmp_path, select="M101") == ["M101"]


def test_m102_on_a_whole_item_keeps_the_plain_message(tmp_path: Path) -> None:
    text = PLAN + "（一）加强协作。各仓库要高度重视盘点，各负其责、密切配合，因地制宜开展联合检查，确保实效。"
    found = [f for f in lint_text(text, tmp_path, select="M1") if f.rule == "M102"]
    assert len(found) == 1 and "没有任何量化内容" in found[0].message  # no owner is written elsewhere in the item


def test_the_signature_ends_the_requirements_of_a_notice(tmp_path: Path) -> None:
    """After the issuing body and the date of issue comes a list of documents, not measures: on lines of
    their own, or run together on one line (国网办2024年3月5日需要…)."""
    lines = ["县档案局关于做好档案移交工作的通知", "各股室：", "现就有关事项要求如下：", "一、各股室于3月底前完成档案整理。",
             "二、由办公室牵头组织检查，4月10日前报送结果。", "县档案局", "2024年3月5日", "需要移交的文件目录：",
             "1.关于档案整理的报告", "2.关于年度检查的报告"]
    assert codes("\n".join(lines) + "\n", tmp_path, select="M101") == []


def test_a_prohibition_is_no_measure_to_quantify(tmp_path: Path) -> None:
    """Rules of conduct (会场内禁止使用手机, 不得擅自对外提供) have no amount or deadline to add."""
    text = HEAD + "1.会场内禁止使用手机和无线话筒。\n2.任何人不得擅自对外提供会议材料。\n3.每月集中学习一次。\n"
    assert codes(text, tmp_path, select="M101") == []
    bare = HEAD + "1.会场内禁止使用手机和无线话筒。\n2.加强保密教育。\n3.每月集中学习一次。\n"
    assert codes(bare, tmp_path, select="M101") == ["M101"]  # the bare task beside them is still named


def test_the_lead_in_of_a_part_with_items_is_not_weighed_for_empty_words(tmp_path: Path) -> None:
    """The paragraph between a measures heading and its first item introduces them in general words by the
    genre's custom; the items say what is done. A slogan-dense item is still reported."""
    lead = "上级对今年工作作出了全面部署，我们要深入贯彻落实，紧紧抓住主要矛盾，着力突破瓶颈制约，扎实做好各项工作。"
    items = "（一）推进老旧小区改造。全年改造小区12个，10月底前完工。\n（二）提升政务服务。年内实现85%事项网上办理。\n"
    text = "县政府工作报告\n一、过去一年工作回顾\n全年完成投资3.2亿元。\n二、今年工作安排\n" + lead + "\n" + items
    assert "M102" not in codes(text, tmp_path, select="M102")
    vague = "（三）切实加强作风建设，进一步提高认识，不断增强责任感，扎实推进各项工作落到实处，形成合力。\n"
    assert codes(text + vague, tmp_path, select="M102") == ["M102"]


def test_the_contact_block_after_the_body_ends_the_measures_part(tmp_path: Path) -> None:
    """The 附注 lines (联系人：…, 咨询电话：…) after the last measure name whom to call; they are no measures to
    quantify. A bare measure before them is still named."""
    lines = ["全县农机购置补贴实施方案", "一、工作目标", "为规范农机购置补贴工作，制定本方案。",
             "二、保障措施", "县农业农村局每月通报一次补贴进度，12月底前完成全部兑付。",
             "具体联系人：王某某", "咨询电话：0000-1234567"]
    assert codes("\n".join(lines) + "\n", tmp_path, select="M101") == []
    lines.insert(5, "进一步加强宣传引导。")
    assert codes("\n".join(lines) + "\n", tmp_path, select="M101") == ["M101"]


def test_a_policy_interpretation_restates_measures_it_does_not_set(tmp_path: Path) -> None:
    """A 政策解读 retells the tasks of the document it explains (its 保障措施 and 工作要求 are that document's): the
    measures rules say nothing on it; the same part in the plan itself is checked."""
    lines = ["关于《全县农机补贴实施方案》的政策解读", "一、出台背景", "为规范农机购置补贴工作，县农业农村局制定了实施方案。",
             "二、保障措施", "进一步加强宣传引导。", "解读机构及咨询方式", "政策解读单位：县农业农村局",
             "咨询电话：0000-1234567"]
    assert codes("\n".join(lines) + "\n", tmp_path, select="M101,M102,M103") == []


def test_the_title_printed_again_opens_no_measures_part(tmp_path: Path) -> None:
    # a page prints the title over its body a second time; its 工作计划 names the document, not a part of it
    lines = ["镇2025年工作总结暨2026年工作计划", "来源：本站原创", "镇2025年工作总结暨2026年工作计划",
             "一、2025年工作回顾", "这一年，全镇上下凝心聚力，圆满完成了年度各项目标任务。", "（一）产业发展迈上新台阶",
             "全镇坚持发展第一要务，特色产业提质增效。", "二、存在的问题", "产业链条短，项目储备不足。"]
    found = lint_text("\n".join(lines), tmp_path)
    assert not [f for f in found if f.rule.startswith("M1")], [(f.rule, f.excerpt) for f in found]
    missing = [f.message for f in found if f.rule == "S101"]
    assert len(missing) == 1 and "下一步工作打算" in missing[0]  # 工作回顾 is the part on the work done


def test_a_requirement_addressed_to_every_unit_names_whom_it_binds(tmp_path: Path) -> None:
    lines = ["县卫生健康局爱国卫生月活动实施方案", "为做好今年爱国卫生月各项工作，特制定本方案。", "一、活动内容",
             "（一）开展环境卫生整治。6月底前清理背街小巷垃圾，由各乡镇负责。", "二、工作要求",
             "（一）各单位要把活动摆上重要议程，抽调专人组织实施。", "（二）要注重宣传引导，营造良好氛围。"]
    # 要注重宣传引导 leaves its subject out: the units addressed, as 各单位要 names them (readers of two outside sets,
    # judging blind, took such requirements for no bare measure); so does 请……
    assert lint_text("\n".join(lines), tmp_path, select="M101") == []
    polite = [*lines[:-1], "（二）请各组自行打印督导表格，做好记录。"]
    assert lint_text("\n".join(polite), tmp_path, select="M101") == []
    bare = [*lines[:-1], "（二）注重宣传引导，营造良好氛围。"]  # a task with no one to do it, even here
    assert [(f.rule, f.excerpt[:9]) for f in lint_text("\n".join(bare), tmp_path, select="M101")] == [
        ("M101", "（二）注重宣传引导")]
    # the same item among the tasks: 各单位 names no office that answers for it
    tasks = [*lines[:3], "（一）各单位要把活动摆上重要议程，抽调专人组织实施。", "（二）开展环境卫生整治，由各乡镇负责，6月底前完成。"]
    assert [f.rule for f in lint_text("\n".join(tasks), tmp_path, select="M101")] == ["M101"]


def test_a_requirement_addressed_to_a_party_bodys_branches_names_whom_it_binds(tmp_path: Path) -> None:
    """A party committee's notice to 各党总支、直属党支部: 请各党总支……书记认真组织…… binds each branch addressed."""
    text = ("各党委、党总支：\n现就组织学习有关事项通知如下。具体要求如下：\n1、收看直播\n"
            "请各党总支书记带头组织党员收看大会直播。\n2、开展讨论\n请各党委认真组织党员交流心得。\n")
    assert lint_text(text, tmp_path, select="M101") == []


def test_a_mass_organisation_or_committee_by_its_short_name_is_an_owner(tmp_path: Path) -> None:
    head = "关于开展家庭教育宣传周活动的方案\n一、主要任务\n"
    for owned in ("（一）开展家庭教育讲座。县妇联牵头，组织讲师进社区。", "（一）开展科普进家庭活动。县科协负责联系专家。"):
        assert lint_text(head + owned, tmp_path, select="M101") == []
    bare = "（一）提升干部能力。要学会负责任地回应群众关切。"
    assert [f.rule for f in lint_text(head + bare, tmp_path, select="M101")] == ["M101"]


def test_an_item_stating_the_principle_to_hold_is_no_measure(tmp_path: Path) -> None:
    head = "关于开展国庆庆祝活动的方案\n一、活动内容\n（一）举办文艺演出。10月1日前由文化站组织排练。\n二、工作要求\n"
    item = "（一）要结合本村实际，坚持隆重热烈、务求节俭的原则，不得铺张浪费。"
    assert lint_text(head + item, tmp_path, select="M101") == []
    bare = "（一）结合本村实际，精心组织各项活动。"  # 要 left out too: a task with no one, no date, no amount
    assert [f.rule for f in lint_text(head + bare, tmp_path, select="M101")] == ["M101"]


def test_one_sentence_on_its_own_line_over_sub_items_is_a_heading(tmp_path: Path) -> None:
    text = ("全市物流发展工作方案\n一、重点任务\n（一）强化物流基础设施支撑，构建覆盖城乡、衔接顺畅、绿色高效、安全可靠的现代物流网络。\n"
            "1.加快物流园区建设。2025年底前建成区域物流园区3个，由市发展改革委牵头。\n"
            "2.完善农村物流网点。每个乡镇建成1个物流服务站，由市商务局负责。")
    assert lint_text(text, tmp_path, select="M101") == []
    # the same words with tasks of their own after them on the line (more than the one sentence that sums up the
    # sub-items): the item is judged
    joined = text.replace("物流网络。\n1.", "物流网络。要提升物流服务水平。要加大对物流企业的扶持。\n1.")
    assert [f.rule for f in lint_text(joined, tmp_path, select="M101")] == ["M101"]


def test_measures_taken_under_a_review_heading_are_no_measures_part(tmp_path: Path) -> None:
    text = ("县政府工作报告\n一、一年来工作回顾\n（一）采取有力措施，抗击洪涝灾害\n汛期各级干部深入一线，群众同舟共济，"
            "经受住了考验。\n二、今年主要任务\n（一）加强防汛设施建设\n年底前完成12座水库除险加固。\n")
    assert codes(text, tmp_path, "M101") == []


def test_a_slogan_stretch_of_a_paragraph_that_states_a_figure_is_weighed_whole(tmp_path: Path) -> None:
    text = ("关于推进棚户区改造的实施方案\n一、主要措施\n一是全力推进棚户区改造。充分利用有利政策，全力争取资金支持，"
            "切实做足做细前期工作，有效解决资金短缺问题。继续坚持阳光征收原则，全力完成今年3200户改造任务。\n")
    assert "M102" not in codes(text, tmp_path)


def test_requirements_on_every_unit_addressed_are_not_counted_as_bare(tmp_path: Path) -> None:
    text = ("国务院办公厅关于推进某项工作的意见\n一、总体要求\n到2025年基本建成工作体系。\n二、保障措施\n"
            "（一）加强组织领导。各地区、各部门要充分认识这项工作的重要意义，将其纳入重要议事日程。\n"
            "（二）加强人员培训。各地区、各部门要将其纳入干部教育培训内容。\n"
            "（三）加强考核评价。各地区、各部门要将其列入绩效考核。\n")
    assert codes(text, tmp_path, "M101,M103") == []


def test_a_year_set_for_a_step_dates_the_measure(tmp_path: Path) -> None:
    text = ("安全生产三年行动方案\n一、重点任务\n1.2024年试点建设企业安全管理体系，2025年修订完成有关规范。\n"
            "2.推动企业健全安全管理制度，提升本质安全水平。\n")
    found = lint_text(text, tmp_path, select="M101")
    assert [f.line for f in found] == [4]


def test_a_signature_and_lines_of_markup_after_the_last_paragraph_are_no_measures(tmp_path: Path) -> None:
    text = ("关于加强安全生产工作的通知\n各单位：\n一、工作要求\n各单位要建立隐患台账，每月报送一次。\n"
            "##\n县安全生产委员会办公室\n")
    assert codes(text, tmp_path, "M101") == []


def test_a_class_of_units_the_address_line_names_owns_its_requirement(tmp_path: Path) -> None:
    text = ("关于加强隐患排查工作的通知\n各部门、各门店：\n请各部门认真落实：\n一、工作措施\n"
            "（一）完善责任措施。各部门要结合各自实际制定具体工作方案。\n"
            "（二）组织知识竞赛。公司安委会组织举办安全知识竞赛。\n"
            "（三）强化宣传引导。充分利用各类媒体开展宣传。\n")
    found = lint_text(text, tmp_path, select="M101")
    assert [f.line for f in found] == [7]  # only the item that names nobody


def test_a_cover_letter_s_closing_under_a_one_paragraph_measures_part_is_no_measure(tmp_path: Path) -> None:
    text = ("县人民政府办公室关于节水建议的复函\n李××委员：\n您的建议收悉。现答复如下：\n一、基本情况。全县已建成再生水厂2座。\n"
            "二、下一步拟采取的措施。县发展改革局拟研究制订节水技术推广政策，县财政局安排专项资金给予支持。\n"
            "现将有关部门的意见一并送上，供参阅。感谢您对节水工作的关心和支持。\n县人民政府办公室\n")
    assert codes(text, tmp_path, "M101") == []


def test_the_notes_after_the_text_are_no_measures(tmp_path: Path) -> None:
    text = ("关于春耕生产工作的通知\n一、主要措施\n（一）组织互助。普遍组织变工互助，解决劳力不足的困难。\n"
            "（二）兴修水利。修好已经损坏的渠道。\n注释\n[1] 变工，是当时农村中一种劳动互助的形式。\n"
            "[2] 渠道，指引水灌溉的沟渠。\n")
    assert [f.line for f in lint_text(text, tmp_path, select="M101")] == [3, 4]


def test_the_sanctions_for_breaking_a_code_are_no_measures(tmp_path: Path) -> None:
    text = ("协会会员行为规范\n一、基本要求\n会员应当遵守协会章程。\n二、违反行为规范的处理措施\n"
            "对违反本规范的会员，由理事会核实后视情节作如下处理：\n（一）口头告诫当事人。\n（二）在会员大会上通报批评。\n"
            "（三）暂停其会员权利。\n三、改进措施\n（一）加强会员培训。\n")
    assert [f.line for f in lint_text(text, tmp_path, select="M101")] == [10]


def test_a_requirement_on_a_class_of_people_in_the_requirements_part_is_not_bare(tmp_path: Path) -> None:
    text = ("关于开展作风建设年活动的通知\n一、工作措施\n（一）开展专题学习。每月组织一次集中学习。\n二、工作要求\n"
            "（一）强化担当。全体干部职工既是参与者，也是推动者，要主动作为。\n")
    assert lint_text(text, tmp_path, select="M101") == []


def test_a_party_organisation_set_to_the_task_is_its_owner(tmp_path: Path) -> None:
    text = HEAD + "1.做好宣传发动。各支部党组织抓紧组织学习讨论，把握活动要求。\n2.加强跟踪问效。及时总结经验，确保活动取得成效。\n"
    found = [(f.rule, f.line) for f in lint_text(text, tmp_path, select="M101")]
    assert found == [("M101", 8)]  # the second item names nobody; the first names the Party organisations


def test_an_at_mention_names_the_owner_of_an_action_item(tmp_path: Path) -> None:
    text = HEAD + "1.与赞助方沟通年会经费：@李明 跟进。\n2.与赞助方沟通年会场地，落实会务安排。\n3.联系方式发至 office@example.org 汇总。\n"
    found = [(f.rule, f.line) for f in lint_text(text, tmp_path, select="M101")]
    assert found == [("M101", 8), ("M101", 9)]  # an e-mail address names nobody


def test_the_office_in_brackets_after_a_task_is_its_owner(tmp_path: Path) -> None:
    items = ["（一）推动农网改造。指导两县开展配电网改造前期工作。〔规划司牵头，各单位参与〕",
             "（二）开展教育帮扶。组织青年干部开展支教活动。〔机关党委（人事司），各单位〕",
             "（三）推动示范建设。协调指导示范村创建工作（以下简称创建办）。",
             "（四）深化消费帮扶。组织干部职工购买特色农产品。",
             "（五）公开水质监测信息。细化公开的内容和范围。（县环境监测站牵头落实）"]
    found = [f.line for f in lint_text(HEAD + "\n".join(items) + "\n", tmp_path, select="M101")]
    assert found == [9, 10]  # a short name in brackets names no owner


def test_a_requirements_heading_inside_work_points_binds_every_unit(tmp_path: Path) -> None:
    text = ("2024年帮扶工作要点\n一、推进基础设施建设\n（一）推动农网改造。指导两县开展配电网改造前期工作。\n"
            "（二）推动道路建设。协调推进县乡道路改造。\n二、工作要求\n"
            "（三）发挥试点作用。各单位要结合行业特点组织建设试点工程，及时总结经验。\n")
    found = [f.line for f in lint_text(text, tmp_path, select="M101")]
    assert 6 not in found and 3 in found  # the 工作要求 part binds each unit; the tasks above still name nobody


def test_a_notice_lays_its_requirements_on_every_addressee(tmp_path: Path) -> None:
    text = ("关于做好技能提升补贴工作的通知\n各区人力资源社会保障局：\n现将补贴工作的要求通知如下。\n一、补贴对象\n参保职工。\n"
            "二、工作要求\n（一）提高审核效率。整合现有资源，简化申报材料，优化审核流程。\n"
            "（二）加大宣传力度。开展形式多样的政策解读。\n")
    assert lint_text(text, tmp_path, select="M101") == []
    plan = text.replace("的通知", "的实施方案").replace("现将补贴工作的要求通知如下。", "为做好补贴工作，制定本方案。")
    assert [f.line for f in lint_text(plan, tmp_path, select="M101")] == [7, 8]  # a plan's tasks need their owner


def test_the_subjects_of_a_course_are_no_measures(tmp_path: Path) -> None:
    text = HEAD + ("（一）明确课程的教育重点\n1.加强理想信念教育，引导学生树立远大理想。\n2.加强法治教育，增强学生的规则意识。\n"
                   "（二）完善课程建设机制\n1.健全课程评价办法，提高教学质量。\n")
    found = [f.line for f in lint_text(text, tmp_path, select="M101")]
    assert found == [11]  # what the course teaches is no task; the mechanism to build is one


def test_a_university_notice_binds_its_colleges_in_its_arrangements_and_requirements(tmp_path: Path) -> None:
    text = ("关于做好本科毕业论文中期检查工作的通知\n一、检查内容\n论文进度和质量。\n二、中期检查工作安排及要求\n"
            "1.各学院要督促师生登录系统，完成选题和任务书下达等工作。\n2.组织师生开展自查。\n")
    found = [f.line for f in lint_text(text, tmp_path, select="M101")]
    assert 5 not in found  # each college addressed, in the part that sets what it must do


def test_a_college_as_the_subject_of_a_task_is_its_owner(tmp_path: Path) -> None:
    text = ("关于做好期末考试工作的通知\n各二级学院：\n具体要求如下：\n一、学院要做好考场安排和监考人员培训工作。\n"
            "二、学院组织任课教师完成试卷的命题和审核。\n三、加强考风考纪教育。\n")
    found = [f.line for f in lint_text(text, tmp_path, select="M101")]
    assert 4 not in found and 5 not in found  # the college (学院, as the address line writes it) does each step


def test_an_attachment_named_inside_an_item_does_not_end_the_measures(tmp_path: Path) -> None:
    text = ("关于做好期末考试工作的通知\n各二级学院：\n具体要求如下：\n一、学院要做好考场安排，具体要求见附件1。\n"
            "二、加强考风考纪教育。\n附件：1.考场安排要求\n")
    assert [f.line for f in lint_text(text, tmp_path, select="M101")] == [5]


def test_a_summarys_plan_for_the_year_it_names_is_the_writers_own_outline(tmp_path: Path) -> None:
    text = ("县档案馆2024年工作总结\n一、2024年工作情况\n全年扫描档案1.2万卷。\n二、存在的问题\n库房容量不足。\n"
            "三、2025年工作计划\n（一）加强档案库房管理。\n（二）改进查阅服务。\n")
    assert lint_text(text, tmp_path, select="M101,M103") == []
    # the same items as next steps, or in a plan: judged
    steps = text.replace("三、2025年工作计划", "三、下一步工作打算")
    assert [f.rule for f in lint_text(steps, tmp_path, select="M101")] == ["M101", "M101"]
    plan = text.replace("县档案馆2024年工作总结", "县档案馆2025年工作方案").replace("2025年工作计划", "2025年重点任务")
    assert "M101" in [f.rule for f in lint_text(plan, tmp_path, select="M101")]
    # a page that lost the title: the summary is known by its parts
    untitled = text.replace("县档案馆2024年工作总结\n", "2024年，县档案馆围绕中心工作，扎实推进各项任务。\n")
    assert lint_text(untitled, tmp_path, select="M101,M103") == []


def test_a_footnote_after_the_tasks_is_no_measure(tmp_path: Path) -> None:
    text = ("全区节能降碳工作安排\n一、工作目标\n单位增加值能耗（考核口径[1]）下降3%。\n二、重点工作\n"
            "1.每季度开展一次重点用能单位能效检查。\n[1]1、农业；2、工业；3、建筑施工业；4、居民生活。\n")
    assert lint_text(text, tmp_path, select="M101") == []


def test_a_news_report_of_a_meeting_has_no_measures_of_its_own(tmp_path: Path) -> None:
    """A paper's story of a meeting (本报讯, a wire's 电头) quotes what the meeting asked of others; its 工作任务 and
    要求 are reported speech, not the document's measures. The same words in a work plan are measures."""
    story = ("县政府召开常务会议\n研究部署重点工作任务\n"
             "本报讯（通讯员 李明）6月3日，县政府召开常务会议，研究部署下半年重点工作。\n"
             "会议强调，各部门要加强协调配合，推动重点项目尽快落地见效。\n（李明 王芳）")
    plan = ("关于做好下半年工作的安排\n一、重点工作任务\n（一）加强协调配合，推动重点项目尽快落地见效。\n"
            "（二）优化营商环境，提升政务服务水平。")
    assert lint_text(story, tmp_path, select="M101,M102,M103") == []
    assert [f.rule for f in lint_text(plan, tmp_path, select="M101")] != []


def test_the_minutes_of_a_meeting_record_speakers_not_measures(tmp_path: Path) -> None:
    """A 会议记录 (its head gives 主持人 and 记录人) records who said what under each agenda item, 工作安排 included:
    a member's proposal is not a task the record sets. Without the record's head the same part is measures."""
    body = ("二、秋季防火工作安排\n"
            "会上，护林员孙强通报了山林巡护情况，提出下一步要增加巡护频次。\n"
            "委员们一致表示赞同，认为防火宣传还应进一步加强，周红委员建议在路口增设宣传牌。\n")
    head = ("时间：2025年9月2日下午\n地点：村部二楼会议室\n主持人：刘东\n记录人：陈雪\n"
            "一、通报上月工作\n刘东通报了上月各项工作完成情况。\n")
    titled = "某村两委会议记录\n一、通报上月工作\n刘东通报了上月各项工作完成情况。\n"
    plan = "关于秋季防火工作的安排\n一、工作目标\n全年不发生森林火灾。\n"
    assert lint_text(head + body, tmp_path, select="M101,M102,M103") == []
    assert lint_text(titled + body, tmp_path, select="M101,M102,M103") == []
    assert [f.rule for f in lint_text(plan + body, tmp_path, select="M101")] != []


def test_problems_listed_under_their_lead_in_in_a_part_for_problems_and_measures_are_no_measures(
        tmp_path: Path) -> None:
    """存在问题与改进措施: the items after 发现了一些问题，主要包括： are problems; the measures after 针对上述问题 are
    judged as measures."""
    text = ("关于食堂管理的自查报告\n一、自查情况\n食堂各项制度基本健全，全年未发生食品安全事故。\n二、存在问题与改进措施\n"
            "自查中也发现了一些问题，主要包括：\n- 部分餐具消毒记录填写不及时；\n- 个别员工健康证过期未换；\n"
            "- 食材留样登记不够规范。\n针对上述问题，学校将进一步加强管理，切实提高食堂管理水平。\n")
    found = [(f.rule, f.line) for f in lint_text(text, tmp_path, select="M101")]
    assert found == [("M101", 9)]
    # a campaign plan's part naming what it takes on: the problems under 具体问题为： and the list's own sub-headings
    campaign = ("县群众身边腐败问题专项整治方案\n一、整治时间\n自2024年3月至12月。\n二、整治内容\n"
                "重点整治发生在群众身边的优亲厚友、吃拿卡要两类问题，具体问题为：\n（一）优亲厚友\n"
                "1.在低保评定和救助资金分配中优亲厚友等问题；\n2.在项目安排中照顾亲友等问题。\n（二）吃拿卡要\n"
                "1.在办理证照中吃拿卡要等问题。\n")
    assert lint_text(campaign, tmp_path, select="M101") == []
    tasks = campaign.replace("重点整治发生在群众身边的优亲厚友、吃拿卡要两类问题，具体问题为：", "具体任务如下：")
    assert lint_text(tasks, tmp_path, select="M101") != []


def test_problems_under_a_sub_heading_naming_them_are_no_measures(tmp_path: Path) -> None:
    """三、存在问题及整改措施 set out as 1.存在问题 (its items) then 2.整改措施 (its items), or as （一）存在问题 over a
    paragraph of 一是……二是……: the problems are no measures; the measures after the second sub-heading are judged."""
    text = ("县第一中学食堂管理自查报告\n一、自查情况\n食堂制度基本健全。\n二、存在问题及整改措施\n1.存在问题\n"
            "(1)个别员工的健康知识掌握不牢。\n(2)采购渠道比较单一。\n(3)经费公示不够及时。\n2.整改措施\n"
            "(1)加强员工培训，提升服务意识。\n(2)拓宽采购渠道，丰富饭菜品种。\n")
    found = lint_text(text, tmp_path, select="M101")
    assert [(f.line, f.end_line) for f in found] == [(10, 10), (11, 11)]
    inline = ("县档案局保密工作自查报告\n一、存在问题及整改措施\n（一）存在问题\n"
              "对照检查要求，我们还存在不少问题：一是保密设施比较陈旧。二是专职保密员配备不足。三是培训不够经常。\n"
              "（二）整改措施\n一是更新保密设施。二是充实保密力量。三是加强业务培训。\n")
    found = lint_text(inline, tmp_path, select="M101")
    assert [(f.line, f.column) for f in found] == [(6, 1)]  # the measures' run only, not the problems'


def test_a_paragraph_stating_problems_opens_a_part_for_problems_and_measures(tmp_path: Path) -> None:
    """二、存在问题及对策 / 尽管……，但也发现了一些问题…… / 面对这些问题，我们将采取以下措施： / - ……；: the opening paragraph
    states the problems, no measure; the bullets after the lead-in are judged (the last cut by the page end is left)."""
    text = ("县文化旅游局工作总结\n一、主要成绩\n全年接待游客三百万人次。\n二、存在问题及对策\n"
            "尽管取得了一定成绩，但也发现了一些问题，文旅融合不够深入，部分场馆利用率不高。\n"
            "面对这些问题，我们将采取以下措施：\n- 深化文旅融合，推出特色旅游线路；\n- 积极")
    found = [(f.rule, f.line) for f in lint_text(text, tmp_path, select="M101,M103")]
    assert found == [("M101", 7)]
    # a part headed for measures alone: its opening paragraph is judged as before
    plain = text.replace("二、存在问题及对策", "二、下一步措施")
    assert ("M101", 5) in [(f.rule, f.line) for f in lint_text(plain, tmp_path, select="M101")]


def test_suggestions_to_the_body_the_heading_names_have_their_owner(tmp_path: Path) -> None:
    """三、对县住建局下一步工作的建议: a 调研报告's advice to that body names its owner once for every item; no M101, nor
    M103's 'owners only' (advice to another body sets it no deadline). Headed 三、下一步工作建议, the items are bare."""
    text = ("关于老旧小区改造的调研报告\n一、基本情况\n全县共有老旧小区四十个。\n二、存在的问题\n改造资金筹措困难。\n"
            "三、对县住建局下一步工作的建议\n（一）拓宽资金渠道，吸引社会资本参与。\n（二）加强统筹协调，优化审批流程。\n"
            "（三）完善长效管理，引导居民自治。\n")
    assert lint_text(text, tmp_path, select="M101,M103") == []
    plain = text.replace("三、对县住建局下一步工作的建议", "三、下一步工作建议")
    assert [f.rule for f in lint_text(plain, tmp_path, select="M101,M103")] == ["M101"]


def test_a_period_set_for_a_whole_part_under_its_heading_dates_its_items(tmp_path: Path) -> None:
    """三、工作步骤 / 活动从3月1日开始，至11月底结束。 / 1、…… 2、……: the part's period dates every item under it."""
    text = ("学校读书月活动方案\n一、活动主题\n书香校园。\n二、工作步骤\n活动从3月1日开始，至11月底结束，分三个阶段进行。\n"
            "1、宣传发动。各班召开主题班会。\n2、组织实施。开展读书分享活动。\n")
    assert lint_text(text, tmp_path, select="M101,M103") == []
    undated = text.replace("活动从3月1日开始，至11月底结束，分三个阶段进行。", "活动分三个阶段进行。")
    assert "M101" in [f.rule for f in lint_text(undated, tmp_path, select="M101")]


def test_equipment_listed_by_name_is_checkable(tmp_path: Path) -> None:
    text = HEAD + "1.抓好村级服务站建设。配备电脑、打印机、档案柜等设施，方便群众办事。\n"
    assert lint_text(text, tmp_path, select="M101") == []
    vague = HEAD + "1.抓好村级服务站建设。配齐配强工作力量，方便群众办事。\n"
    assert [f.rule for f in lint_text(vague, tmp_path, select="M101")] == ["M101"]


def test_a_turn_to_the_measures_that_only_leads_in_is_no_measure(tmp_path: Path) -> None:
    """针对上述问题，…… after a problem list: a lead-in ending in a colon, or one clause cut off at the end of the text
    (a download site's preview), says no task; a turn written as a task is judged, even without its full stop."""
    head = ("关于食堂管理的自查报告\n一、自查情况\n食堂各项制度基本健全，全年未发生食品安全事故。\n二、存在问题与改进措施\n"
            "自查中也发现了一些问题，主要包括：\n- 部分餐具消毒记录填写不及时；\n- 个别员工健康证过期未换。\n")
    cut = head + "针对上述问题，学校将采取\n"
    colon = head + "针对上述问题，学校将采取以下措施：\n- 由总务处负责，9月底前补齐全部消毒记录。\n"
    task = head + "针对上述问题，学校将加强餐具消毒管理\n三、其他事项\n无。\n"
    assert lint_text(cut, tmp_path, select="M101") == []
    assert lint_text(colon, tmp_path, select="M101") == []
    assert [(f.rule, f.line) for f in lint_text(task, tmp_path, select="M101")] == [("M101", 8)]


def test_a_summarys_measures_part_between_its_achievements_and_its_problems_tells_work_done(tmp_path: Path) -> None:
    """工作总结: 二、工作举措 between 一、工作成效 and 三、存在的问题 says what was done (no M101); the bare plan of
    四、下一步打算 is judged; a part on measures that names the next year is the writer's own plan for it."""
    done = ("一是持续开展扬尘管控。督促住建部门对工地扬尘实施跟踪监管。\n"
            "二是继续强化秸秆禁烧。组织乡镇开展巡查，及时处置火点。\n")
    summary = ("县环保局2023年工作总结\n一、工作成效\n全年空气优良天数比例84.7%，同比提高2个百分点。\n"
               "二、工作举措\n" + done + "三、存在的问题\n部分乡镇监管力量薄弱。\n"
               "四、下一步打算\n（一）进一步加强大气污染防治，不断提高监管水平。\n")
    found = [(f.rule, f.line) for f in lint_text(summary, tmp_path, select="M101")]
    assert found == [("M101", 10)]
    planned = summary.replace("二、工作举措", "二、2024年工作举措")
    assert ("M101", 5) not in [(f.rule, f.line) for f in lint_text(planned, tmp_path, select="M101")]


def test_a_reply_letters_handling_report_and_closing_are_no_measures(tmp_path: Path) -> None:
    # a 答复函 to a deputy: how the proposal was handled is a report of work done, and the thanks, the 以上答复 formula
    # and the contact line close the letter; its next step (with an owner) is its one measure
    text = ("关于县人大第3号建议答复的函\n李明代表：\n您提出的建议收悉，现答复如下：\n一、基本情况\n全县共有村卫生室86个。\n"
            "二、意见建议办理情况\n我局高度重视，积极争取上级资金，努力推动卫生室改造。\n三、下步工作打算\n"
            "下一步县卫生健康局将会同县财政局研究改造方案。\n感谢您对我县卫生健康工作的关心和支持。\n"
            "以上答复，如有不妥，请批评指正。\n（联系人及电话：王强 0871-1234567）\n县卫生健康局\n2022年6月28日\n")
    assert codes(text, tmp_path) == []
    # the same next step without an owner: the letter's own pledge to the deputy, not a task it assigns, so not judged
    # (blind reviewers of real replies found none of such findings right); the same words in a plan are still bare
    bare = text.replace("下一步县卫生健康局将会同县财政局研究改造方案。", "下一步将进一步加强沟通协调，积极争取支持。")
    assert codes(bare, tmp_path) == []
    plan = bare.replace("关于县人大第3号建议答复的函", "县村卫生室改造工作方案")
    assert "M101" in codes(plan, tmp_path)


@pytest.mark.parametrize("item", ["2.保卫处加强假期校园巡查，做好门禁管理。", "2.学校值班室安排值班人员严格遵守值班制度。",
                                  "2.宣传部、网络中心做好信息安全管理工作。"])
def test_an_office_opening_the_item_is_its_owner(tmp_path: Path, item: str) -> None:
    text = "学校假期安全工作实施方案\n一、工作目标\n确保假期校园安全。\n二、工作措施\n1.每周开展一次安全检查。\n"
    assert codes(text + item + "\n", tmp_path, "M101") == []
    # the same task without the office opening it names no one; nor do words that end like an office (内部, 干部)
    assert codes(text + "2.加强假期校园巡查，做好门禁管理。\n", tmp_path, "M101") == ["M101"]
    assert codes(text + "2.内部加强假期校园巡查，做好门禁管理。\n", tmp_path, "M101") == ["M101"]


def test_a_list_of_matters_an_inspection_covers_is_no_list_of_measures(tmp_path: Path) -> None:
    # each item names a matter to look into (……情况；……事项。): what the 清查 covers, not what to do
    text = ("县教育局固定资产清查工作方案\n一、工作目标\n全面摸清固定资产底数。\n二、主要内容\n1、固定资产登记入账情况；\n"
            "2、固定资产出租、出借和闲置情况；\n3、其他需要清查的事项。\n")
    assert codes(text, tmp_path, "M101") == []
    tasks = text.replace("1、固定资产登记入账情况；", "1、全面核对固定资产账册；")
    assert codes(tasks, tmp_path, "M101") == ["M101"]  # one item that acts: the list is tasks, bare as a whole


@pytest.mark.parametrize(("item", "bare"), [
    ("1.强化日常巡查，确保河面无漂浮垃圾。", False),
    ("1.加强隐患排查，确保全年不发生重大安全事故。", False),
    ("1.加强日常巡查，确保工作落到实处。", True),
])
def test_a_bottom_line_target_is_checkable(tmp_path: Path, item: str, bare: bool) -> None:
    assert (codes(HEAD + item + "\n", tmp_path, "M101") == ["M101"]) is bare


def test_the_goal_and_approach_items_of_a_plan_part_are_no_tasks(tmp_path: Path) -> None:
    # a summary's plan for next year opens with its goal and approach, then lists its tasks
    text = ("县档案馆2024年工作总结和2025年工作计划\n一、2024年工作情况\n全年接收档案1.2万卷。\n二、存在的问题\n库房容量不足。\n"
            "三、下一步工作计划\n（一）总体目标。以服务群众为中心，推动档案工作提质增效。\n"
            "（二）总体思路。坚持依法治档，统筹保管和利用，突出数字化方向。\n（三）重点工作\n"
            "1.推进档案数字化。加快馆藏档案扫描。\n2.完善查档服务。优化查档流程。\n")
    found = [(f.rule, f.line) for f in lint_text(text, tmp_path, select="M101")]
    assert found and all(line >= 10 for _, line in found)  # the tasks are still judged, not the goal and approach


def test_a_target_year_before_a_series_of_yishi_dates_every_item(tmp_path: Path) -> None:
    plan = ("县城区更新行动方案\n一、主要任务\n（一）滨江片区\n到2027年，一是打造滨江新亮点，推进东区更新。"
            "二是建设滨水商务区，推进公共空间品质提升。\n（二）老城片区\n一是加快旧区改造。二是巩固小区建设成果。\n")
    found = lint_text(plan, tmp_path, select="M101")
    assert [(f.line, f.excerpt[:2]) for f in found] == [(6, "一是")]  # the second series has no target year
    # on one line, the words before a series are those of its own item, not the whole text before
    one_line = ("县城区更新行动方案 一、工作回顾 到2023年，已完成改造40个小区。 二、主要任务 "
                "（一）老城片区 一是加快旧区改造。二是巩固小区建设成果。")
    assert [f.rule for f in lint_text(one_line, tmp_path, select="M101")] == ["M101"]


def test_an_item_running_on_into_its_yishi_series_is_their_heading(tmp_path: Path) -> None:
    # a plan stored on one line: an item's heading and lead sentence, then its 一是…二是… with their own figures
    text = ("县政务服务中心2024年工作总结 一、工作情况 全年办件12万件。 二、存在的问题 窗口人员不足。 三、下一步工作计划 "
            "1.问题导向，优化服务环境。以群众需求为导向，打造便民服务新局面。一是每季度开展一次企业走访。"
            "二是年底前完成综合窗口改造。2.加强队伍建设。每半年组织一次业务培训。")
    assert [f.rule for f in lint_text(text, tmp_path, select="M101")] == []
    # a bare item of its own is still judged
    bare = text.replace("每半年组织一次业务培训。", "不断提升服务水平。")
    assert [f.rule for f in lint_text(bare, tmp_path, select="M101")] == ["M101"]


def test_the_terms_of_a_call_for_applications_are_no_measures(tmp_path: Path) -> None:
    """（一）申报对象。…（二）核算周期。…: conditions and facts of the scheme set out for applicants; a bare task of
    the same notice is still reported."""
    text = ("关于开展节能技改项目申报工作的通知\n各有关单位：\n现开展节能技改项目申报工作，具体要求通知如下：\n"
            "（一）申报对象。本县注册的工业企业和其他经营主体。\n（二）核算周期。以自然年为核算单位。\n"
            "（三）加强宣传发动。广泛宣传相关政策。\n（四）优化申报流程。简化审核环节。\n")
    assert [f.excerpt for f in lint_text(text, tmp_path, select="M101")] == [
        "（三）加强宣传发动。广泛宣传相关政策。", "（四）优化申报流程。简化审核环节。"]


def test_the_cases_a_rule_applies_to_are_no_measures(tmp_path: Path) -> None:
    """有下列情形之一的，应……：1.……的；2.……的: the lead-in and each case say when a rule applies; a bare task of the
    same plan is still reported."""
    text = ("关于开展食品小作坊专项整治的工作方案\n一、整治范围\n全县登记在册的食品小作坊。\n二、主要措施\n"
            "（一）有下列情形之一的，列为重点整治对象。\n1.未取得登记证擅自生产的；\n2.生产场所卫生条件不达标、屡查屡犯的；\n"
            "（二）加强日常巡查。巡查中发现问题及时处理。\n")
    assert [f.excerpt for f in lint_text(text, tmp_path, select="M101")] == ["（二）加强日常巡查。巡查中发现问题及时处理。"]


def test_a_body_that_answers_for_the_work_is_its_owner(tmp_path: Path) -> None:
    """党委对……负主体责任, 分管领导负直接责任: the wording of a responsibility system names who acts."""
    text = ("关于落实安全生产责任制的实施方案\n一、总体要求\n坚持安全第一。\n二、工作措施\n"
            "（一）压实责任。镇党委对全镇安全生产工作负主体责任，分管领导对分管领域负直接责任。\n"
            "（二）加强宣传教育。营造良好氛围。\n")
    assert [f.excerpt for f in lint_text(text, tmp_path, select="M101")] == ["（二）加强宣传教育。营造良好氛围。"]


def test_a_body_with_an_adverb_of_time_before_its_act_is_the_owner(tmp_path: Path) -> None:
    """针对……，学校尽快维修: a unit's own report of what it puts right names itself before the act."""
    text = ("第三小学食堂安全自查报告\n一、存在的问题\n储物间通风不良。\n二、整改措施\n"
            "1.针对储物间通风不良，学校尽快加装排风扇。\n2.进一步提高安全意识。\n")
    assert [f.excerpt for f in lint_text(text, tmp_path, select="M101")] == ["2.进一步提高安全意识。"]


def test_a_template_attached_to_a_notice_holds_no_measures(tmp_path: Path) -> None:
    """附件 ××报告（模板）…二、工作思路及措施 ……: what to write there, not measures; the same heading in the notice is."""
    text = ("关于报送年度工作报告的通知\n各单位：\n一、报送要求\n请于11月底前报送。\n二、下一步措施\n加强学习。\n"
            "附件 年度工作报告（模板）\n一、工作成效\n简要汇报全年成效。\n二、工作思路及措施\n汇报明年思路，文字精炼。\n")
    assert [f.excerpt for f in lint_text(text, tmp_path, select="M101")] == ["加强学习。"]


def test_an_item_heading_with_its_lead_sentence_over_sub_items_is_no_measure(tmp_path: Path) -> None:
    # 2.推进……。以……，强化……。 on its own line, then (1) (2) with their offices: the item's heading and the sentence
    # summing up its sub-items, which are the measures
    text = ("关于推进公园城市建设的实施方案\n一、工作目标\n到2025年新建公园20座。\n二、主要任务\n"
            "1.完善公园体系。年底前编制全区公园建设规划（牵头单位：区绿化局）。\n"
            "2.推进公园开放共享。以公园为基底注入多元功能，强化公园与城市的融合。\n"
            "(1)推动公园功能融合。加强公园与体育、文化设施的融合（牵头单位：区绿化局）。\n"
            "(2)推进附属绿地开放。每年开放单位附属绿地5处。\n")
    assert [f.rule for f in lint_text(text, tmp_path, select="M101")] == []
    # a sub-item that names nothing is still judged
    bare = text.replace("每年开放单位附属绿地5处。", "逐步推动附属绿地开放。")
    assert [f.line for f in lint_text(bare, tmp_path, select="M101")] == [8]


def test_requests_to_the_districts_a_city_addresses_bind_each_of_them(tmp_path: Path) -> None:
    """请各区、相关管委会……: the units the address line names, each for its own area, as 各乡镇 in a county's notice."""
    text = ("关于开展2024年海绵城市建设工作的函\n各区人民政府，各开发区管委会：\n现将有关要求通知如下：\n一、工作目标\n"
            "全年新建海绵示范工程100个。\n二、相关要求\n（一）开展达标评估。请各区于3月底前报送达标区域。\n"
            "（二）加强宣传培训。请各区、相关管委会通过多种方式开展宣传活动，引导全社会树立海绵城市理念。\n")
    assert lint_text(text, tmp_path, select="M101") == []


def test_tasks_whose_owners_a_duties_part_names_body_by_body(tmp_path: Path) -> None:
    """四、成员单位职责 with （一）县水利局负责…… （二）县公安局负责……: the tasks of 二、工作任务 have their owners there, as a
    schedule part dates them; a plan with no such part still has its bare task reported."""
    text = ("关于开展河道采砂专项整治的工作方案\n一、工作目标\n年底前取缔非法砂场10处。\n二、工作任务\n"
            "（一）整治非法采砂行为。依法打击无证采砂。\n（二）整治非法运输行为。严查超载运砂车辆。\n"
            "三、成员单位职责\n（一）县水利局负责采砂许可管理，组织开展河道巡查。\n"
            "（二）县公安局负责查处阻挠执法的违法行为。\n（三）县交通运输局负责查处超载运砂车辆。\n")
    assert lint_text(text, tmp_path, select="M101") == []
    no_duties = text.split("三、成员单位职责")[0]
    assert [f.line for f in lint_text(no_duties, tmp_path, select="M101")] == [5, 6]


def test_the_matters_an_inspection_covers_are_no_measures(tmp_path: Path) -> None:
    """二、…… 重点排查以下几方面： then （一）消防安全管理。……情况: what the inspection looks into; a part that lists the
    work to do (着力抓好以下几项任务：) still has its bare items reported."""
    text = ("关于开展建设工地消防安全隐患排查的实施方案\n一、工作目标\n5月底前完成全部在建工地排查。\n二、主要任务\n"
            "各施工单位要立即组织开展隐患排查，重点排查以下几方面：\n（一）消防安全管理。消防制度是否健全并落实到人。\n"
            "（二）生活区防火。宿舍是否配齐消防设施，电动车是否集中充电。\n（三）临时用电。电工是否持证上岗。\n")
    assert lint_text(text, tmp_path, select="M101") == []
    tasks = text.replace("重点排查以下几方面：", "着力抓好以下几项任务：")
    assert len(lint_text(tasks, tmp_path, select="M101")) >= 1


def test_an_item_a_cut_text_stops_in_is_not_judged(tmp_path: Path) -> None:
    """A page's preview stops in mid-sentence inside the last measure: its figure or date may stand past the cut. The
    same item finished, or followed by a page number only, is judged."""
    head = "关于推进残疾人就业的实施方案\n一、总体要求\n促进残疾人稳定就业。\n二、重点任务\n"
    cut = head + "（一）开展机关单位带头安置行动。结合自身实际，积极开发适合残疾人的公益性岗"
    assert lint_text(cut, tmp_path, select="M101") == []
    done = head + "（一）开展机关单位带头安置行动。积极开发适合残疾人的岗位。"
    assert [f.rule for f in lint_text(done, tmp_path, select="M101")] == ["M101"]
    paged = done + " 第2页 共2页"
    assert [f.rule for f in lint_text(paged, tmp_path, select="M101")] == ["M101"]
    # a site's tag after the cut ([标签:介绍]) is no end of the text's own
    assert lint_text(cut + "[标签:介绍]", tmp_path, select="M101") == []
    # the last line going on with a sentence the line before left unfinished (a paragraph broken by the copy): the
    # owner or the date may be in the part that is cut
    broken = ("关于残疾人就业工作的整改方案\n一、整改目标\n全面完成整改。\n二、下一步整改措施\n"
              "结合各单位实际，积极开发适合残疾人的公益性岗位，确保整改任务按期完成，各单位\n主要负责同志为此项工作的第一")
    assert lint_text(broken, tmp_path, select="M101") == []
    whole = broken.replace("，各单位\n", "。\n")  # two paragraphs: the first is a bare measure
    assert [(f.rule, f.line) for f in lint_text(whole, tmp_path, select="M101")] == [("M101", 5)]


def test_a_short_numbered_item_after_a_finished_one_is_cut_and_not_counted(tmp_path: Path) -> None:
    """The text stops in a short numbered item right after one that ends its sentence (1.……。 / 2.学校有计划地改造):
    the second is cut, neither M101 nor M103 judges it; M103 has one measure left, too few to judge."""
    text = ("学校传染病防控预案\n一、预防措施\n1.开展卫生健康教育，组织力量消除鼠害和蚊蝇等病媒生物的危害。\n"
            "2.有计划地建设和改造公共卫")
    assert [(f.rule, f.line) for f in lint_text(text, tmp_path, select="M101,M103")] == [("M101", 3)]
    # finished, the second is judged with the first
    done = text + "设施。"
    assert [(f.rule, f.line) for f in lint_text(done, tmp_path, select="M101,M103")] != [("M101", 3)]
    # a numbered last item whose title sentence ended and whose next sentence stops short (3、……行动。组织……大力开展):
    # cut in that sentence, however short the paragraph
    items = ("学校志愿服务活动方案\n一、活动安排\n1、环境整治行动。组织志愿者清理校园周边的垃圾杂物。\n"
             "2、关爱老人行动。组织学生走访敬老院，陪伴孤寡老人。\n3、文明交通行动。组织学生大力开展")
    found = [(f.line, f.end_line) for f in lint_text(items, tmp_path, select="M101")]
    assert found == [(3, 3), (4, 4)]  # two bare items, not a list of three with the cut one
    # the first item's deadline in brackets after its sentence (……危害。(5月底前完成)): it has ended all the same
    noted = text.replace("危害。\n", "危害。(5月底前完成)\n")
    assert lint_text(noted, tmp_path, select="M101,M103") == []


def test_a_problem_item_saying_its_measures_are_weak_is_no_measures_part(tmp_path: Path) -> None:
    """3. 户外场地防护措施薄弱：…… under 存在的问题: a verdict on measures (薄弱, 不完善, 不健全), not a part of them."""
    text = ("安全整改报告\n一、存在的主要问题\n1. 消防设施不完善：部分灭火器过期。\n2. 户外场地防护措施薄弱：部分设施周围缺少缓冲带。\n"
            "3. 应急管理制度措施不健全：演练记录不全。\n二、整改措施\n1. 6月底前更换全部过期灭火器，由后勤处负责。\n")
    assert lint_text(text, tmp_path, select="M101") == []


def test_a_last_bullet_cut_before_its_end_is_left_alone(tmp_path: Path) -> None:
    """The bullets under a measures part end in ；or 。, the last stops mid-sentence (a page's preview): it may have
    named its owner or date past the cut, so M101 says nothing of it."""
    text = ("整改报告\n二、整改措施\n（一）完善消防设施\n- 由后勤处每季度开展一次消防演练；\n- 6月底前在走廊增设疏散指示标志。\n"
            "（二）改善户外环境\n- 由总务处在7月前更换塑胶地面；\n- 8月底前安装监控设备。\n"
            "（三）提升教职工素质\n- 组织全体教职员工参加由专业人士主讲的培训\n")
    assert lint_text(text, tmp_path, select="M101") == []


def test_the_measures_part_of_a_table_of_contents_holds_no_measures(tmp_path: Path) -> None:
    """A table of contents without page numbers: top-level parts holding only their sub-headings (5.1组织保障体系构建),
    no sentence; its 保障措施 part names the parts to come. The same list in a plan whose parts hold text is checked."""
    heads = ["一、背景分析", "1.1主要问题", "1.2问题根源", "二、目标设定", "2.1总体目标", "2.2具体目标",
             "三、实施路径", "3.1实施原则", "3.2实施步骤", "四、保障措施", "4.1组织保障体系构建", "4.2制度保障机制建设"]
    assert lint_text("整改工作方案\n" + "\n".join(heads) + "\n", tmp_path, select="M101") == []
    plan = ("整改工作方案\n一、背景分析\n去年巡视反馈问题12个，已整改8个。\n二、目标设定\n年底前全部整改到位。\n"
            "三、保障措施\n1.加强组织保障\n2.加强制度保障\n")
    assert lint_text(plan, tmp_path, select="M101") != []


def test_a_surveys_conclusions_under_their_lead_are_no_measures(tmp_path: Path) -> None:
    """结论与建议: the lines under 我们得出以下结论： state findings; the suggestions under the next lead are measures."""
    text = ("关于中学生睡眠情况的调查报告\n一、调查结果\n六成学生每天睡眠不足8小时。\n二、结论与建议\n"
            "通过本次调查，我们得出以下结论：\n- 睡眠不足已成为中学生的普遍问题。\n- 作业过多是睡眠不足的主要原因。\n"
            "针对以上问题，我们提出以下建议：\n- 合理安排作业时间。\n- 加强家校沟通。\n- 关注学生身心健康。\n")
    assert [f.line for f in lint_text(text, tmp_path, select="M101")] == [9]


def test_the_measures_told_in_a_summary_without_a_review_heading_are_work_done(tmp_path: Path) -> None:
    """……工作总结 / 一、主要措施 / 1、加强领导……: a summary tells the measures it took, from its title on, even with no
    heading of its review before them; its plans (二、下一步打算) are still judged."""
    text = ("镇森林防火工作总结\n一、主要措施\n1、加强领导，调整充实防火机构。\n2、开展宣传教育，张贴标语。\n"
            "3、严格火源管理，执行用火审批。\n二、下一步打算\n1、加强宣传。\n2、强化巡查。\n")
    assert sorted({f.line for f in lint_text(text, tmp_path, select="M101")}) == [7, 8]


def test_a_part_on_how_the_work_was_organised_is_a_review(tmp_path: Path) -> None:
    """二、组织实施情况 in a report: how the campaign was carried out, not its arrangements to quantify (组织实施 heads
    a plan's part of measures; 情况 after it makes it a review)."""
    text = ("专项行动情况报告\n一、概述\n专项行动于4月开展。\n二、组织实施情况\n市政府成立了领导小组。\n"
            "加强宣传发动。\n强化督导检查。\n三、下一步工作\n1.由安监局于年底前完成复查。\n")
    assert lint_text(text, tmp_path, select="M101") == []


# rules documents, assessments and schedules: sentences written for these tests

def test_rules_whose_opening_enacts_them_hold_no_measures(tmp_path: Path) -> None:
    """现制定以下会议规则 with no title left: a set of rules (what a meeting decides, who attends), not a 方案 of tasks,
    though its opening says 现制定 as a plan's does."""
    text = ("为规范局务会议，提高议事效率，现制定以下会议规则。\n一、会议由局长召集和主持，每月召开一次。\n二、主要内容：\n"
            "1、传达学习上级的重要文件和会议精神；\n2、研究决定本局年度工作计划；\n3、讨论其他需要会议研究的事项。\n")
    assert _m101(text, tmp_path) == []
    plan = text.replace("会议规则", "工作方案").replace("二、主要内容：", "二、主要任务：")
    assert _m101(plan, tmp_path) == ["M101"]


def test_the_parts_an_assessment_covers_are_no_measures(tmp_path: Path) -> None:
    """二、考核内容 / （二）重点工作。主要考核……: what is scored, not a task, though 重点工作 names a plan's tasks."""
    text = ("管区工作考核办法\n一、考核对象\n各管区及其工作人员。\n二、考核内容\n（一）自身建设。主要考核学习和工作纪律。\n"
            "（二）重点工作。主要考核信访稳定、村务公开等工作完成情况。\n三、考核方式\n实行百分制，每季度考核一次。\n")
    assert _m101(text, tmp_path) == []


def test_a_rule_a_measure_sets_is_checkable(tmp_path: Path) -> None:
    """未经……准假不允许学生离校: a rule anyone can check, as 不得 and 一律 are."""
    text = ("学校防溺水应急预案\n一、预防措施\n1、加强宣传教育。利用班会开展安全教育。\n"
            "2、严格门卫管理。未经班主任准假不允许学生离校，外来人员一律登记。\n")
    assert [f.line for f in lint_text(text, tmp_path, select="M101")] == [3]


def test_a_stage_dates_the_paragraphs_under_it(tmp_path: Path) -> None:
    """第二阶段：组织实施（2025年4月至10月） / 各站按方案开展创建。: the stage's period dates the work under it, up to the
    next stage; 在2025年第一季度例会上 is a date too."""
    text = ("社区卫生服务站创建活动方案\n为提升服务质量，现制定本方案。\n一、活动目标\n全年创建示范站两个。\n二、实施步骤\n"
            "第一阶段：宣传发动（2025年3月份）\n在2025年第一季度站长例会上，做好动员工作，鼓励各站积极参加。\n"
            "第二阶段：组织实施（2025年4月至10月）\n各服务站按照方案要求开展创建。\n")
    assert _m101(text, tmp_path) == []
    undated = text.replace("（2025年4月至10月）", "")
    assert [f.line for f in lint_text(undated, tmp_path, select="M101")] == [9]


def _m101(text: str, tmp_path: Path) -> list[str]:
    return codes(text, tmp_path, select="M101")


def test_the_last_item_of_a_text_cut_at_its_heading_is_not_judged(tmp_path: Path) -> None:
    """……。 / 3.加强工作人员的培训和队伍 (the text stops there, no sentence ended): the item's body went with the part
    the copy lost; a last item that ends its sentence is judged."""
    text = ("信访工作总结\n一、存在的问题\n群众诉求多元，化解难度较大。\n二、工作建议\n1.进一步重视信访工作\n"
            "信访工作是服务群众的重要工作，要给予充分重视。\n2.优化工作流程\n要继续优化信访工作的流程，提高办理效率。\n"
            "3.加强工作人员的培训和队伍")
    assert [f.line for f in lint_text(text, tmp_path, select="M101")] == [5, 7]
    whole = lint_text(text + "建设。\n", tmp_path, select="M101")  # the three items, one finding for the run
    assert [f.line for f in whole] == [5] and "连续 3 条" in whole[0].message
    # … nor one cut in the first words of its first sub-item, under its heading (3.加强队伍建设： / ⑴加)
    sub = text.replace("3.加强工作人员的培训和队伍", "3.加强队伍建设：\n⑴加")
    assert [f.line for f in lint_text(sub, tmp_path, select="M101")] == [5, 7]


def test_a_floor_of_one_is_a_count(tmp_path: Path) -> None:
    """精读一本以上好书: at least one book a person, a count a reviewer can check."""
    text = "读书活动方案\n一、活动内容\n1、读书活动。鼓励干部职工自主精读一本以上好书。\n2、征文活动。组织开展读书征文。\n"
    assert [f.line for f in lint_text(text, tmp_path, select="M101")] == [4]


def test_a_summarys_lead_in_to_its_measures_introduces_work_done(tmp_path: Path) -> None:
    """主要措施如下： in a summary's review of its year (its title printed by a sharing site over it): the items say
    what was done, no tasks to quantify; the same lead-in in a plan announces tasks."""
    items = "1、弹性上下班，加强考勤管理。\n2、建立例会制度，统计网格员的工作。\n3、以老带新，共同进步。\n"
    summary = ("欢迎访问某某网，期刊服务咨询\n网格化管理工作总结8篇\n网格化管理工作总结\n篇1\n"
               "社区全面开展网格化管理工作，全年走访居民5000户。主要措施如下：\n" + items)
    assert lint_text(summary, tmp_path, select="M101") == []
    plan = "网格化管理工作方案\n为做好网格化管理工作，现制定本方案。主要措施如下：\n" + items
    assert [f.rule for f in lint_text(plan, tmp_path, select="M101")] == ["M101"]


def test_a_rosters_members_one_to_a_line_are_no_measures(tmp_path: Path) -> None:
    """组长：（局长） / 成员：（办公室主任） / （科长） / …: the members of a leading group, one post to a line with the
    names to fill in, are no tasks."""
    members = "\n".join(f"（{post}）" for post in ("办公室主任", "医政科科长", "疾控科科长", "监督所所长", "保健所所长"))
    text = ("廉洁文化建设年方案\n为推进廉洁文化建设，制定本方案。\n一、活动主题\n廉洁从医，加强道德修养。\n二、组织领导\n"
            "活动由区卫生局主办，局属各单位协办。成立活动领导小组及办公室。\n领导小组人员组成：\n组长：（局长）\n"
            "副组长：（副局长）\n（副局长）\n成员：（副调研员）\n" + members + "\n领导小组下设办公室。\n三、活动内容\n"
            "每季度开展一次廉洁教育活动。\n")
    assert _m101(text, tmp_path) == []


def test_problems_listed_after_a_lead_broken_over_two_lines_are_no_measures(tmp_path: Path) -> None:
    """……办理工作中仍存在一些共性 / 问题:一是……二是……: the lead that says problems follow was broken over two lines by
    a copy; its points are problems, not measures, as they are when the lead stands on one line."""
    lines = ["代表建议办理工作报告", "一、办理情况", "全年办理代表建议117件，办结率100%，代表满意", "率逐年提高。",
             "二、几点建议", "过去五年中，虽然市政府系统在建议办理方面做", "了大量工作，取得了显著成绩，但仍存在一些共性",
             "问题：一是一些部门还未真正落实见面要求；二是个", "别部门还存在重答复轻办理现象；三是主办部门与",
             "协办部门间的沟通联系还不够。"]
    text = "\n".join(lines) + "\n"
    assert _m101(text, tmp_path) == []


def test_measures_said_to_be_carried_out_head_no_measures_part(tmp_path: Path) -> None:
    """1、防汛准备充分，措施落实。……: a heading that says how the work went (the measures were carried out), in a text
    that tells the year's work, heads no part of tasks; 1、保障措施。 does."""
    text = ("在县委、县政府的领导下，我局全年各项工作稳步推进。现总结如下：\n一、全力做好防汛服务\n"
            "1、防汛准备充分，措施落实。汛期前我们做好了思想、组织、技术准备，为各有关部门的防汛决策提供服务。\n"
            "2、抗旱服务及时。组织人工增雨作业，缓解了旱情。\n")
    assert _m101(text, tmp_path) == []
    plan = text.replace("1、防汛准备充分，措施落实。汛期前我们做好了思想、组织、技术准备，为各有关部门的防汛决策提供服务。",
                        "1、保障措施。\n（1）加强组织领导。\n（2）强化宣传引导。")
    assert "M101" in [f.rule for f in lint_text(plan, tmp_path, select="M101")]


def test_a_measures_part_followed_by_the_results_tells_the_measures_taken(tmp_path: Path) -> None:
    """一、推进措施 / 一是……二是…… / 二、工作成效: the order of a report of work done (measures, then results): its
    measures part says what was taken; without the results part the same items are tasks to quantify."""
    body = ("一、推进措施\n一是加强宣传引导。利用宣传栏、电子屏广泛宣传整治政策。\n"
            "二是开展督导检查。对辖区经营企业进行全面检查。\n")
    results = "二、工作成效\n整治开展以来，共检查企业86家，立案查处违法案件5起。\n"
    assert _m101(body + results, tmp_path) == []
    expected = body + "二、工作要求\n各单位要按时报送进展情况。\n"
    assert _m101(expected, tmp_path) != []


def test_the_title_written_again_under_a_sites_lines_heads_no_part(tmp_path: Path) -> None:
    """A page's title, the site's lines, then the document's own title again (spaced otherwise): the second title names
    the whole document (……工作总结及2025年工作计划), not a part of plans whose items are the review of the work done."""
    title = "县教育局2024年工作总结及2025年工作计划"
    body = ("今年以来，县教育局坚持立德树人，推动全县教育事业健康发展。\n一、2024年主要工作\n"
            "（一）加强基层党建工作。突出抓好队伍建设，规范组织生活。\n（二）优化教育资源配置。加大教育投入，改善办学条件。\n"
            "（三）推进学前教育发展。扩大普惠性幼儿园覆盖面。\n")
    text = title + "\nVIP专免\n2025-01-14\n999+\n36KB\n" + title.replace("2024", " 2024 ").replace("2025", " 2025 ") \
        + "\n" + body
    assert codes(text, tmp_path, select="M101,M103") == []


def test_a_notices_requirements_announced_by_its_lead_in_bind_every_unit_addressed(tmp_path: Path) -> None:
    """……现将活动具体工作要求通知如下：一、各有关部门要…… 二、各网站要……: the lead-in names the part a requirements
    part, whose items naming a class of units bind every unit of it the notice addresses; an item naming none is
    judged."""
    head = "根据上级通知精神，现将我市全民阅读月活动具体工作要求通知如下：\n"
    items = ("一、各有关部门、各区文化主管部门要认真组织开展全民阅读月活动。\n"
             "二、各网站要在首页开设全民阅读专题，转载推送阅读活动稿件。\n")
    assert _m101(head + items, tmp_path) == []
    assert len(_m101(head + items + "三、活动中要突出主题，创新形式。\n", tmp_path)) == 1


def test_a_stage_dated_after_its_title_on_the_heading_line_dates_its_steps(tmp_path: Path) -> None:
    """（二）组织实施 （3月1日至9月30日） over 一是……二是……: the date after the title, past a space, dates the steps;
    before the flood season (汛前) is a deadline too."""
    text = ("县城区消防安全专项整治方案\n一、整治步骤\n（一）动员部署 （2月1日至2月28日）\n召开全县动员会。\n"
            "（二）组织实施 （3月1日至9月30日）\n主要做好以下工作：一是开展隐患排查。二是督促业主整改隐患。"
            "三是加强消防宣传。\n")
    assert _m101(text, tmp_path) == []
    flood = "县灌区防汛方案\n一、主要任务\n（一）渠系防汛\n各村要加强渠系管护，闸门启闭机要在汛前保养调试。\n"
    assert _m101(flood, tmp_path) == []


def test_a_checklists_questions_are_no_measures(tmp_path: Path) -> None:
    """（一）建筑使用功能 / 1.……是否与设计功能一致。 / 2.是否按……设置消防设施。: the items of an inspection's checklist
    ask what is checked; an item telling someone to check (检查……是否……) is a task."""
    head = "县医院消防安全专项检查方案\n一、检查内容\n（一）建筑使用功能\n"
    items = "1.综合楼实际使用功能是否与设计功能一致。\n2.是否按消防技术标准设置消防设施。\n"
    assert _m101(head + items, tmp_path) == []
    task = "1.加强检查，督促各科室落实消防责任。\n2.检查各科室是否建立消防台账。\n"
    assert _m101(head.replace("检查内容", "工作措施") + task, tmp_path) != []


def test_a_years_summary_joined_to_the_next_years_points_is_read_as_a_summary(tmp_path: Path) -> None:
    """……2024年工作总结及2025年工作要点: a summary whose last part is the plan; its review of the year's work (一、加强
    党风廉政建设 / ……) sets no tasks to quantify."""
    text = ("县疾控中心2024年工作总结及2025年工作要点\n2024年，在县卫健委的领导下，我中心各项工作稳步推进。\n"
            "一、加强思想政治和党风廉政建设\n坚持党的组织生活制度，深入开展廉政教育。\n"
            "二、扎实做好疾病防控工作\n加强传染病监测，做好免疫规划工作。\n")
    assert _m101(text, tmp_path) == []


def test_goods_handed_out_one_each_and_an_events_month_are_stated(tmp_path: Path) -> None:
    """……免费赠送老花镜一副。 names what each one gets (a count), 拟定于5月下旬举办…… the month the event is held in
    (a date, with the year masked too); 建立一套工作机制 says neither."""
    head = "县助残日活动方案\n一、活动内容\n"
    given = "1.对检查视力的老年人，免费赠送老花镜一副。\n2.拟定于20**年5月下旬举办全县残疾人运动会，地点待定。\n"
    assert _m101(head + given, tmp_path) == []
    assert _m101(head + "1.建立一套工作机制。\n", tmp_path) != []


def test_the_kinds_of_case_a_campaign_targets_are_no_measures(tmp_path: Path) -> None:
    """二、整治重点 / （一）组织参加邪教活动、搞封建迷信的。 / …… / （四）其他。: the cases the campaign targets, each a
    clause closed by 的, and the list's closing 其他; a task in the same shape of list is judged."""
    head = "镇矛盾纠纷专项整治方案\n一、整治重点\n"
    cases = "（一）组织参加邪教活动、搞封建迷信的。\n（二）恶意拖欠农民工工资的。\n（三）非法阻工、破坏生产秩序的。\n（四）其他。\n"
    assert _m101(head + cases, tmp_path) == []
    assert _m101(head.replace("整治重点", "工作措施") + "（一）加强矛盾纠纷排查化解。\n", tmp_path) != []


def test_the_focus_of_an_inspection_is_no_measure_and_a_responsibility_system_names_an_owner(tmp_path: Path) -> None:
    """三、整治重点 / 1.重点检查……的管理情况，……的处理情况; the focus of what is inspected, not a task to quantify; and
    an item that sets up “一把手”负责制 (or names a 第一责任人) says who answers for it."""
    head = "县医院医保基金专项整治方案\n一、整治重点\n"
    focus = ("1.重点检查住院收费的管理情况，对违规收费人员的处理情况；\n2.重点检查虚记费用、串换项目等问题；\n"
             "3.重点排查科室之间推诿病人的现象。\n")
    assert _m101(head + focus, tmp_path) == []
    assert _m101(head + "1.加强住院收费管理。\n", tmp_path) != []
    plan = "县中学消防安全整治方案\n一、工作措施\n（一）组织落实到位。{}，建立健全消防安全管理体系。\n"
    assert _m101(plan.format("确立学校消防工作“一把手”负责制"), tmp_path) == []
    assert _m101(plan.format("明确校长为消防安全第一责任人"), tmp_path) == []
    assert _m101(plan.format("进一步提高思想认识"), tmp_path) != []
    assert _m101(plan.format("严格落实分工负责制"), tmp_path) != []  # a system that names no one


def test_a_notice_that_names_who_keeps_each_duty_is_no_part_of_measures_without_targets(tmp_path: Path) -> None:
    """A holiday notice's 工作安排 lays its duties on those it names (各部门要……, 值班人员要……, 全体教职工要……): M103 does
    not ask it for amounts and deadlines, nor M101 for an office for all its staff; the same items in a plan's tasks are
    still read as measures that say only who acts."""
    duties = ("二、工作安排\n（一）各部门要切实做好假期安全检查工作，落实安全防范措施。\n"
              "（二）值班人员要保持通信联络畅通，认真履行值班职责。\n（三）全体教职工要加强对学生的安全教育。\n")
    # (no title: the page kept the notice from its salutation on; its opening tells the kind)
    notice = "各部门：\n根据学校通知精神，现将寒假放假安排通知如下：\n一、放假时间\n1月18日起放假。\n"
    assert [f.rule for f in lint_text(notice + duties, tmp_path, select="M1")] == []  # nor M101 on 全体教职工要……
    plan = "县教育局假期安全工作方案\n一、工作目标\n确保假期安全。\n"
    assert [f.rule for f in lint_text(plan + duties, tmp_path, select="M103")] == ["M103"]


def test_an_office_after_an_items_title_with_a_dash_is_its_owner(tmp_path: Path) -> None:
    """（一）党建统领——校长室: a school's plan set out by office names each item's owner after a dash."""
    plan = "县实验小学2025年工作计划\n二、重点工作\n（一）党建统领{}。突出党建统领，全面落实立德树人根本任务。\n"
    assert _m101(plan.format("——校长室"), tmp_path) == []
    assert _m101(plan.format(""), tmp_path) != []
