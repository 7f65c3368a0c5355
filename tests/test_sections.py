"""S1 on the shapes real documents take: one-line texts, flattened tables, contents pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import lint_text

INSPECTION = "县机关对照检查材料\n一、存在的问题\n（一）学习不深入，理论联系实际不够。\n二、整改措施\n（一）每月集中学习一次。\n"


def test_a_stray_page_number_no_longer_hides_a_missing_section(tmp_path: Path) -> None:
    text = INSPECTION.replace("（一）学习不深入", "- 2 -\n（一）学习不深入")
    assert [f.rule for f in lint_text(text, tmp_path, select="S101")] == ["S101"]


def test_no_required_section_found_means_the_type_does_not_fit(tmp_path: Path) -> None:
    text = "关于参加技能大赛的个人总结\n一、参赛经过\n赛前训练两个月。\n二、个人体会\n收获很大。\n三、感谢\n感谢老师指导。\n"
    assert lint_text(text, tmp_path, select="S101", profile="工作总结") == []


def test_empty_heading_between_siblings_is_reported(tmp_path: Path) -> None:
    text = "工作报告\n一、主要成绩\n二、存在的问题\n（一）学习不够深入。\n三、下一步打算\n（一）加强学习。\n"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="S103")] == ["一、主要成绩"]


def test_a_list_of_points_beside_items_with_nothing_under_them_is_no_empty_section(tmp_path: Path) -> None:
    # a meeting's conclusions: points, not headings, whatever each one's wording (a Latin name, a long clause)
    text = ("技术委员会例会纪要\n一、滚动分支的提议\n结论：\n1、建议评估主线滚动还是单独拉一个分支，哪种更好\n"
            "2、确定一个可滚动更新的最小集，在 Maker 平台上建个工程来跑一段时间\n3、工具链多版本的工作强相关，请张三关注     张三\n"
            "二、质量现状\n建议降级部分软件包。\n")
    assert lint_text(text, tmp_path, select="S103") == []


def test_points_a_label_announces_are_no_empty_sections(tmp_path: Path) -> None:
    # 缴费方式： then its ways, the last one running on below: a list, not headings over missing text
    text = ("关于缴纳会费的通知\n一、缴费时间\n即日起至6月底。\n二、缴费方式\n缴费方式：\n1、到工会办公室现场缴纳\n"
            "2、通过单位内网缴费系统\n缴费后请保存电子凭证，年底统一核对。\n三、联系人\n工会办公室小王。")
    assert lint_text(text, tmp_path, select="S103") == []


def test_a_forms_fields_ending_the_document_are_no_empty_sections(tmp_path: Path) -> None:
    # an attached checklist: 1. and 3. of the last group are fields like the others, though 3. ends the text
    text = ("附件1\n校园安全自查表\n一、校舍情况\n1.校舍面积\n2.危房情况\n二、消防情况\n1.消防器材配备\n"
            "2.疏散通道\n")
    assert lint_text(text, tmp_path, select="S103") == []


def test_contents_and_table_rows_are_not_empty_sections(tmp_path: Path) -> None:
    contents = "单位年度预算\n目录\n一、单位职能\n二、机构设置\n三、预算说明\n一、单位职能\n本单位负责全县养老服务。\n"
    assert lint_text(contents, tmp_path, select="S103") == []
    rows = "收支预算表\n一、一般公共预算\n1,200,000\n二、政府性基金\n三、其他收入\n35,000\n"
    assert lint_text(rows, tmp_path, select="S103") == []
    caption = "情况说明\n一、人员情况\n全局共有职工56人。\n二、岗位设置一览表\n三、下步安排\n继续做好招聘。\n"
    assert lint_text(caption, tmp_path, select="S103") == []


def test_one_line_speech_opening_with_a_salutation_has_no_title(tmp_path: Path) -> None:
    body = "同志们：这次全市防汛工作会议，主要是回顾去年汛期工作，安排今年防汛任务。" + "一、关于去年汛期的工作" + "去年全市汛期安全形势总体平稳。" * 20
    found = lint_text(body + "\n", tmp_path, select="S105")
    assert [f.rule for f in found] == ["S105"]
    titled = "市长在全市防汛工作会议上的讲话一、关于去年汛期的工作" + "去年全市汛期安全形势总体平稳。" * 20
    assert lint_text(titled + "\n", tmp_path, select="S105") == []


def test_parallel_heading_that_lost_its_shared_ending(tmp_path: Path) -> None:
    line = ("县供电公司迎峰度夏工作方案一、工作目标确保不发生大面积停电。二、工作措施（一）市公司重点工作1.统筹调度负荷。"
            "2.督导检修计划。（二）乡镇公司1.落实值班制度。2.做好巡视。（三）区县公司重点工作1.巡视线路。2.清理树障。三、工作要求按时报送。")
    found = lint_text(line + "\n", tmp_path, select="S104")
    assert [(f.excerpt, f.suggestion) for f in found] == [("（二）乡镇公司", "（二）乡镇公司重点工作")]


def test_a_summarys_achievements_named_in_their_own_words_are_no_damaged_heading(tmp_path: Path) -> None:
    """二、取得的成绩 in a 工作总结: a wording of the achievements part in its own right, not 取得的成效 mistyped."""
    text = ("县环卫所2024年工作总结\n一、基本情况\n全所现有职工120人。\n二、取得的成绩\n全年清运垃圾4.2万吨。\n"
            "三、存在的问题\n车辆老化。\n四、下一步工作打算\n2025年更新清运车辆6台。\n")
    assert lint_text(text, tmp_path, select="S104") == []


def test_siblings_of_different_patterns_are_not_damaged(tmp_path: Path) -> None:
    line = ("县局检视问题清单一、存在问题（一）学习方面的问题1.学习不系统。（二）工作方面的问题1.创新不足。"
            "（三）作风建设1.调研不深。二、整改措施每月集中学习一次。")
    assert lint_text(line + "\n", tmp_path, select="S104") == []


def test_missing_title_suggests_a_title_of_the_document_type(tmp_path: Path) -> None:
    speech = "同志们：下面我就抓好汛期值守讲几点意见，请大家抓好落实。" * 12
    found = lint_text(speech, tmp_path, select="S105", profile="讲话稿")
    assert [f.rule for f in found] == ["S105"] and "在××会议上的讲话" in found[0].message
    report = "今年以来，局里按照年初部署推进各项工作。\n一、主要工作\n（一）完成了设备更新。\n二、存在的问题\n（一）进度偏慢。"
    found = lint_text(report, tmp_path, select="S105", profile="工作总结")
    assert [f.rule for f in found] == ["S105"] and "××单位××年工作总结" in found[0].message
    news = ("本报讯 近日，县农业局组织技术人员深入田间地头开展春耕指导，发放技术资料2000余份。\n"
            "指导组分片包村，逐户查看种子、化肥准备情况。\n该局负责人表示，将持续做好技术服务。\n")
    found = lint_text(news, tmp_path, select="S105", profile="简报")
    assert [f.rule for f in found] == ["S105"] and "××局扎实开展××工作" in found[0].message
    # the kind from the body's set wording: a 整改方案 it makes, a document it sends (印发给你们: a notice)
    for body, kind in (("为抓好审计反馈问题整改，特制定本整改方案。\n一、总体要求\n（一）目标。年底前全部整改到位。\n", "整改方案"),
                       ("各乡镇人民政府：\n现将《春耕生产工作要点》印发给你们，望遵照执行。\n一、抓好农资供应。\n",
                        "通知")):
        found = lint_text(body, tmp_path, select="S105")
        assert [f.rule for f in found] == ["S105"] and f"××关于××的{kind}" in found[0].message, kind


def test_a_document_opening_with_its_subtitle_lost_its_title(tmp_path: Path) -> None:
    body = ("区财政局局长 王某\n主任、各位副主任、各位委员：\n我受区人民政府委托，报告2024年预算执行情况，请予审议。\n"
            "一、预算执行情况\n全区一般公共预算收入完成年度预算的102%。\n")
    found = lint_text("2025年6月20日在区人大常委会第八次会议上\n" + body, tmp_path, select="S105")
    assert [(f.block, "副题" in f.message) for f in found] == [(0, True)]
    found = lint_text("——在全县项目建设推进会上\n各位同志：\n这次推进会主要部署下半年的项目建设。\n", tmp_path,
                      select="S105")
    assert [f.block for f in found] == [0]
    # the title above it, or a title that is itself 在……上的讲话
    titled = "关于2024年区级预算执行情况的报告\n——2025年6月20日在区人大常委会第八次会议上\n" + body
    assert lint_text(titled, tmp_path, select="S105") == []
    speech = "王某同志在全县项目建设推进会上的讲话\n各位同志：\n这次推进会主要部署下半年的项目建设。\n"
    assert lint_text(speech, tmp_path, select="S105") == []


def test_a_document_opening_with_a_heading_is_told_its_first_line_is_a_heading(tmp_path: Path) -> None:
    guide = "方向1：智能巡检平台\n聚焦巡检效率低的问题，建设智能巡检平台。\n具体建设内容：\n巡检数据采集终端。\n"
    found = lint_text(guide, tmp_path, select="S105")
    assert [f.excerpt for f in found] == ["方向1：智能巡检平台"] and "小标题" in found[0].message
    # a first line that is a sentence, or a salutation, is body text
    for body in ("今年以来，局里按照年初部署推进各项工作。\n一、主要工作\n（一）完成了设备更新。\n",
                 "各乡镇：\n现就做好防汛工作通知如下。\n一、压实责任\n"):
        assert ["小标题" in f.message for f in lint_text(body, tmp_path, select="S105")] in ([False], [])


def test_near_miss_skips_wordings_that_cannot_reach_the_threshold_and_keeps_the_best() -> None:
    from reportlint.checks.sections import near_miss
    from reportlint.rulebook import Section
    from reportlint.textutil import normalize_heading, plain_heading, similarity

    sections = (Section("下一步工作打算", ("下一步工作措施",)), Section("存在的主要问题", ()))
    for heading in ("三、一步工作打算", "二、存在的主要问", "一、加强学习教育", "四、下一步工作打算", "五、下一步工作措"):
        forms = (normalize_heading(heading), plain_heading(heading))
        got = near_miss(heading, sections, 0.8, forms)
        assert got == near_miss(heading, sections, 0.8)
        # what an exhaustive comparison finds: the most similar wording at or above the threshold
        plain = plain_heading(heading)
        scores = [(similarity(plain, plain_heading(w)), w) for s in sections for w in s.wordings
                  if normalize_heading(w) not in normalize_heading(heading)]
        best = max(scores)
        expected = best[1] if best[0] >= 0.8 and heading not in ("四、下一步工作打算",) else None
        assert (got[1] if got else None) == expected, heading


def test_a_plan_that_is_not_a_task_plan_is_not_asked_for_tasks(tmp_path: Path) -> None:
    # 方案 also names allocation and award schemes (补贴发放方案, 评选方案): when none of the plan
    # profile's parts is named, the type guess is unconfirmed and the rule says nothing
    grant = ("区教育局关于发放乡村教师交通补贴的方案\n一、发放对象\n在村小任教满一年的教师。\n"
             "二、发放标准\n每人每月三百元。\n三、资金来源\n由区财政列支。\n")
    assert lint_text(grant, tmp_path, select="S101") == []
    # a work plan with its goals and safeguards but no tasks is still reported
    plan = ("区教育局校园安全整治工作方案\n一、总体要求\n确保校园安全。\n二、保障措施\n"
            "（一）加强组织领导。\n（二）强化督促检查。\n")
    assert [f.rule for f in lint_text(plan, tmp_path, select="S101")] == ["S101"]


def test_a_run_of_three_labels_of_which_the_outline_found_two_is_read() -> None:
    # the block holds two markers; the run's first label, glued to the heading, is found by its text
    from reportlint.checks.sections import _sibling_runs
    from reportlint.engine import analyse
    from reportlint.model import Block, Document
    from reportlint.testing import session

    _, book = session().books()
    doc = Document("x.txt", (Block(0, "工作方案"), Block(1, "主要措施（一）加强组织领导。（二）完善工作制度。（三）强化督查考核。")))
    ctx, _ = analyse(doc, book, None)
    assert _sibling_runs(ctx) == [[(1, 4, 7), (1, 14, 17), (1, 24, 27)]]


def test_a_numbered_heading_ending_in_a_colon_with_nothing_under_it_is_empty(tmp_path: Path) -> None:
    text = "工作报告\n一、主要成绩：\n二、存在的问题\n（一）学习不够深入。\n三、下一步打算 \n四、工作要求\n（一）加强学习。\n"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="S103")] == ["一、主要成绩：", "三、下一步打算"]


def test_a_title_behind_a_column_label_is_the_title(tmp_path: Path) -> None:
    """政策解读：××方案（2024—2026年）: a page's column label over the title; a field line (发布时间：) is no title."""
    body = "为深入推进安全生产治本攻坚，结合本县实际，制定本方案。\n一、总体要求\n坚持人民至上。\n二、主要任务\n排查隐患。\n"
    assert lint_text("政策解读：某县安全生产治本攻坚三年行动方案（2024—2026年）\n" + body, tmp_path, select="S105") == []
    assert [f.rule for f in lint_text("发布时间：2024年3月1日\n" + body, tmp_path, select="S105")] == ["S105"]


def test_a_long_title_of_a_notice_that_issues_a_plan_is_the_title(tmp_path: Path) -> None:
    """中共某区委办公室 某区人民政府办公室印发《……三年行动计划（2024—2026年）》的通知 runs past 80 characters."""
    title = ("中共某某区委办公室 某某区政府办公室关于联合印发《某某区全面提升城市精细化管理水平加快建设宜居宜业和美"
             "智慧韧性现代化中心城区三年行动计划（2024—2026年）》的通知")
    body = "各街道党工委和办事处，区委各部门：\n现将行动计划印发给你们，请认真贯彻落实。\n一、总体要求\n坚持人民城市理念。\n"
    assert len(title) > 80
    assert lint_text(title + "\n" + body, tmp_path, select="S105") == []
    prose = ("今年以来全区上下认真贯彻落实上级决策部署围绕中心服务大局扎实推进城市精细化管理各项工作取得了明显成效"
             "群众满意度持续提升城区面貌焕然一新干部队伍的精神状态也有了很大改观")  # past 80 characters, ending in no kind
    assert [f.rule for f in lint_text(prose + "\n" + body, tmp_path, select="S105")] == ["S105"]


def test_a_missing_part_is_named_with_the_kind_the_title_gives(tmp_path: Path) -> None:
    text = "\n".join(["县卫生健康局爱国卫生月活动实施方案", "为做好今年爱国卫生月各项工作，特制定本方案。", "一、指导思想",
                      "以人民健康为中心，推进卫生城市创建。", "二、工作要求", "各科室要抽调专人组织实施。"])
    found = [f.message for f in lint_text(text, tmp_path, select="S101")]
    assert len(found) == 1 and found[0].startswith("这份实施方案缺少“主要任务”")
    # an activity plan's 活动内容 is its tasks part
    with_tasks = text.replace("二、工作要求", "二、活动内容\n6月底前完成背街小巷垃圾清理。\n三、工作要求")
    assert lint_text(with_tasks, tmp_path, select="S101") == []


def test_a_set_of_rules_about_a_meeting_is_not_the_meetings_material(tmp_path: Path) -> None:
    # 民主生活会 names the 对照检查材料 profile; a title ending in 制度 is a document of another kind
    text = "\n".join(["党支部民主生活会制度", "一、存在的问题", "会前征求意见不够广泛。", "二、会议程序", "会后通报情况。"])
    assert lint_text(text, tmp_path, select="S101") == []
    material = text.replace("民主生活会制度", "民主生活会对照检查材料")
    assert [f.rule for f in lint_text(material, tmp_path, select="S101")] != []


def test_a_headline_with_an_exclamation_between_its_parts_is_a_title(tmp_path: Path) -> None:
    # 团结奋进，再创佳绩！……召开年度总结大会: the ！ joins the headline's two parts; a first line that is a sentence of
    # the body (it ends in a mark, or holds a 。) is still no title
    report = "1月20日，医院召开年度工作总结大会，全院职工参加，各科室负责人逐一汇报全年工作完成情况。\n" * 8
    headline = "团结奋进,再创佳绩!某县人民医院召开2025年度工作总结大会\n" + report
    assert lint_text(headline, tmp_path, select="S105") == []
    body = "同志们！今天我们召开年度工作总结大会。会议的主要任务是总结工作、部署任务。\n"
    assert [f.rule for f in lint_text(body * 3, tmp_path, select="S105")] == ["S105"]


def test_a_theme_of_two_parallel_clauses_is_a_title_over_a_salutation_or_repeated(tmp_path: Path) -> None:
    """信仰如旗，凝聚……；理想如炬，照亮……: a short line with a semicolon, over 同志们： or repeated by the line under
    it (a page's heading over the article's title), is the title; over a part's heading it is a body's first line."""
    body = "今天我们一起学习党的创新理论，重温入党誓词，坚定理想信念。\n" * 4
    theme = "信仰如旗，凝聚奋进力量；理想如炬，照亮前行道路"
    assert lint_text(f"{theme}\n同志们：\n{body}", tmp_path, select="S105") == []
    assert lint_text(f"{theme}\n\n{theme}\n\n{body}", tmp_path, select="S105") == []
    opening = "今年以来我局工作有序推进；成效明显\n主要做法：\n一是加强学习。\n二是强化督查。\n"
    assert [f.rule for f in lint_text(opening, tmp_path, select="S105")] == ["S105"]


def test_a_news_headline_asking_its_question_over_the_stories_lead_is_a_title(tmp_path: Path) -> None:
    """两名干部因安全事故被问责？ over 新华社消息，……: a news page's headline; over a body's own sentence, a question
    opens the body."""
    lead = "新华社消息，日前，经上级批准，对某县安全生产事故中负有责任的两名干部进行了问责。\n" * 3
    assert lint_text("两名干部因安全事故被问责？\n" + lead, tmp_path, select="S105") == []
    asked = "怎样才能抓好安全生产？\n" + lead.replace("新华社消息，", "")
    assert [f.rule for f in lint_text(asked, tmp_path, select="S105")] == ["S105"]


def test_a_title_with_a_collections_piece_label_after_it_is_a_title(tmp_path: Path) -> None:
    """××建设规划方案 篇一: the title of the first piece of a sharing site's collection, with the site's label after
    it: the document has its title."""
    body = "为改善农村人居环境，县里制定本方案，明确今后三年的建设任务和保障措施。\n" * 4
    assert lint_text(f"村庄人居环境整治规划方案 篇一:\n{body}", tmp_path, select="S105") == []
    assert lint_text(f"村庄人居环境整治规划方案（第二篇）\n{body}", tmp_path, select="S105") == []
    assert [f.rule for f in lint_text(f"篇一:\n{body}", tmp_path, select="S105")] == ["S105"]


def test_a_viewers_first_page_whose_title_runs_into_its_text_gets_no_title_finding(tmp_path: Path) -> None:
    """1、镇党委先进事迹材料镇地处…… / 2、…… / 3、……: a sharing site's pages, numbered; the first opens with the title
    run into the text with nothing to tell where it ends, so nothing is said about a missing title."""
    body = "镇党委先进事迹材料镇地处县城东郊" + "近年来全镇上下团结一心扎实推进乡村振兴，各项事业取得长足进步，群众的获得感不断增强，" * 10
    pages = [body[:160], body[160:320], body[320:380]]  # a viewer's pages of one length, the last one cut short
    text = "".join(f"{n}、{page}\n" for n, page in enumerate(pages, 1))
    assert lint_text(text, tmp_path, select="S105") == []
    assert [f.rule for f in lint_text(text, tmp_path, select="N108")] == ["N108"] * 3


def test_a_sharing_sites_heading_that_is_the_title_with_a_count_is_a_title(tmp_path: Path) -> None:
    body = ("2023年，局办公室紧紧围绕中心工作，较好完成了各项任务。\n一、主要工作\n（一）抓好文稿起草。全年起草文稿120篇。\n"
            "二、存在的不足\n文稿质量有待提高。\n")
    counted = "2023年县统计局办公室工作总结(2篇)\n篇1\n" + body
    assert lint_text(counted, tmp_path, select="S105") == []
    generic = "办公室工作总结范文(通用5篇)\n篇1\n" + body  # a site's heading over samples is no document's title
    assert [f.rule for f in lint_text(generic, tmp_path, select="S105")] == ["S105"]
    collected = "县统计局办公室年度工作总结(共3篇)(共3篇)\n" + body  # a collection's count, printed twice by the page
    assert lint_text(collected, tmp_path, select="S105") == []
    picked = "县统计局办公室年度工作总结(优推3篇)\n" + body  # the site's word for its picks before the count
    assert lint_text(picked, tmp_path, select="S105") == []
    numbered = "首页 > 工作总结 >\n县统计局办公室年度工作总结【第一篇】\n" + body  # the piece's number after its title
    assert lint_text(numbered, tmp_path, select="S105") == []


@pytest.mark.parametrize(("text", "example"), [
    # a text opening on its addressees named with 各, a notice's 主送机关, whatever its parts' headings hold (议题 of a
    # meeting's 工作报告)
    ("各党支部，各科室、各单位：\n经研究，定于3月1日召开第三届职工代表大会。\n一、大会议题\n1.听取并审议工作报告。\n"
     "二、参会人员\n全体代表。\n", "“××关于××的通知”或“××关于××的决定”"),
    # a request closing with its formula
    ("市政府：\n为改善园区办公条件，我委拟购置办公设备一批，共需经费35万元。\n一、购置理由\n现有设备使用已满10年。\n"
     "二、经费来源\n从园区建设资金中列支。\n妥否，请批示。\n", "××关于××的请示"),
    ("6月3日，局长办公会研究了以下事项。现纪要如下：\n一、关于项目建设\n会议同意推进二期工程。\n"
     "二、关于资金安排\n会议同意安排资金20万元。\n", "××关于××的纪要"),
    # a plan that names itself (特制定本方案) and an opinion (现提出如下意见): their own kinds, not a 报告
    ("为丰富社区居民文化生活，增进邻里感情，特制定本方案。\n一、活动时间\n5月20日至5月27日。\n"
     "二、活动内容\n开展邻里互助、文艺汇演等活动。\n", "××关于××的实施方案"),
    ("为加强机关作风建设，现提出如下意见。\n一、提高认识\n各科室要高度重视。\n二、强化督查\n每季度通报一次。\n",
     "××关于××的意见"),
    # a reply opens on the request it answers (《关于……的请示》收悉, 现批复如下)
    ("县农业农村局：\n你局《关于申请春耕物资储备资金的请示》收悉。经研究，现批复如下：\n"
     "一、同意安排春耕物资储备资金15万元。\n二、请严格按规定使用资金。\n", "××关于××的批复"),
    # a 通报 sets its findings out as one (现将有关情况通报如下); a speech opens on what was just said at the meeting
    ("各党支部：\n近期对各支部“三会一课”开展情况进行了抽查，现将有关情况通报如下：\n一、总体情况\n"
     "各支部能够按时开展组织生活。\n二、存在问题\n个别支部记录不全。\n", "××关于××的通报"),
    ("刚才，各位班子成员作了对照检查，会议开得很成功。下面，我代表督导组谈几点意见。\n一、总体评价\n"
     "会前准备比较充分。\n二、几点要求\n要抓好整改落实。\n", "在××会议上的讲话"),
])
def test_the_example_title_takes_the_kind_the_documents_wording_shows(tmp_path: Path, text: str, example: str) -> None:
    found = lint_text(text, tmp_path, select="S105")
    assert [f.rule for f in found] == ["S105"] and example in found[0].message


def test_the_example_title_takes_the_kind_a_sharing_sites_heading_names(tmp_path: Path) -> None:
    """The site's heading over the text (……活动方案9篇, ……述职报告6篇) is residue, not the document's title, but
    it names the kind of document: the example title takes it, before the profile's guess from the body's words. (A
    piece's title with the collection's number after it, ……活动方案篇1, is the document's own: B101 names the number.)"""
    body = "一、活动时间\n8月8日上午。\n二、活动内容\n开展健步走、广场舞展演等群众性健身活动。\n"
    found = lint_text("镇全民健身日活动方案9篇\n" + body, tmp_path, select="S105")
    assert [f.rule for f in found] == ["S105"] and "××关于××的活动方案" in found[0].message
    assert lint_text("镇全民健身日活动方案篇1\n" + body, tmp_path, select="S105") == []
    report = ("驻村第一书记述职报告6篇\n"
              "一年来，我在镇党委的领导下，带领村两委班子推进产业发展，全村集体收入增加12万元。\n"
              "一、抓班子建设\n每月召开一次支委会。\n二、抓产业发展\n新建大棚20个。\n")
    found = lint_text(report, tmp_path, select="S105")
    assert [f.rule for f in found] == ["S105"] and "××同志××年度述职报告" in found[0].message


def test_the_example_title_names_no_single_kind_when_nothing_shows_it(tmp_path: Path) -> None:
    """No profile, no set wording, no site heading: the message offers titles of two kinds for the writer to pick
    from, not a 报告 for what may be a summary or a plan."""
    text = ("为做好今冬明春森林防火工作，镇里组织力量开展了隐患排查。\n一、排查情况\n共排查林区12处。\n"
            "二、发现的问题\n个别村防火物资不足。\n")
    found = lint_text(text, tmp_path, select="S105")
    assert [f.rule for f in found] == ["S105"]
    assert "“××关于××的报告”或“××单位××年工作总结”（文种按本文实际写）" in found[0].message


@pytest.mark.parametrize(("opening", "example"), [
    ("现将半年来的主要工作总结如下：", "××单位××年工作总结"),
    ("现将我校校园安全自查情况报告如下：", "××关于××的自查报告"),
    ("现将调研情况报告如下：", "关于××情况的调研报告"),
])
def test_a_report_that_names_its_kind_as_it_sets_out_gets_that_kind(tmp_path: Path, opening: str,
                                                                   example: str) -> None:
    text = f"根据上级统一安排，我们认真开展了相关工作。{opening}\n一、基本情况\n完成培训3期。\n二、下步打算\n继续抓好落实。\n"
    found = lint_text(text, tmp_path, select="S105")
    assert [f.rule for f in found] == ["S105"] and example in found[0].message


def test_a_site_blurb_over_the_text_names_the_kind_inside_its_line(tmp_path: Path) -> None:
    """An editor's blurb (residue) names the piece before its comma: 下面是……整理的……工作总结，供大家参考."""
    text = ("下面是小编为大家整理的2024年社区卫生服务站工作总结，供大家参考。\n"
            "今年以来，服务站围绕居民健康需求开展了各项工作。\n一、主要工作\n建立健康档案800份。\n"
            "二、存在不足\n人员偏少。\n")
    found = lint_text(text, tmp_path, select="S105")
    assert [f.rule for f in found] == ["S105"] and "××单位××年工作总结" in found[0].message


def test_a_pieces_number_before_its_title_leaves_the_title_there(tmp_path: Path) -> None:
    """第1篇: ……工作方案 on a sharing site's page: its number is residue, the title after it is the document's."""
    text = ("第1篇: 城关镇防汛抢险工作方案\n为做好今年防汛工作，特制定本方案。\n一、工作目标\n确保安全度汛。\n"
            "二、工作措施\n每日巡查堤防一次。\n")
    assert lint_text(text, tmp_path, select="S105") == []


def test_a_sites_blurb_over_its_first_numbered_piece_asks_for_no_title(tmp_path: Path) -> None:
    """A sharing site's paragraph about its collection over 篇一：《……》: the first piece has its title under the
    number; the blurb is the site's, not a body missing its title. The same paragraph with no such line under it
    opens a body with no title."""
    blurb = "写好年度总结对每个单位都很要紧，它能帮助大家理清思路、查找差距。下面是本站整理的几篇例文，供参考。\n"
    body = ("本年度，我所坚持以服务群众为中心，较好完成了各项任务。\n一、主要工作\n（一）窗口服务。全年办件3200件。\n"
            "二、存在的不足\n服务效率有待提高。\n")
    assert lint_text(blurb + "篇一：《城南街道便民服务中心年度工作总结》\n" + body, tmp_path, select="S105") == []
    assert [f.rule for f in lint_text(blurb + body, tmp_path, select="S105")] == ["S105"]


@pytest.mark.parametrize("title", ["微党课：从红色家书中汲取信仰的力量", "某某医院党课：守护群众健康，践行初心使命",
                                   "微党课比赛稿：让初心在基层一线闪光"])
def test_a_lectures_kind_before_its_theme_is_a_title(tmp_path: Path, title: str) -> None:
    """微党课：……, ××医院党课：……, 微党课比赛稿：……: the kind of a party lecture, then its theme: the title, no
    subheading with the title missing above it."""
    text = title + "\n同志们：\n今天我和大家一起重温入党初心。百年来，一代代共产党人矢志不渝。\n"
    assert lint_text(text, tmp_path, select="S105") == []


def test_a_text_that_stops_inside_a_word_is_reported_once_and_its_parts_not_judged(tmp_path: Path) -> None:
    """A model text's free preview stops in mid-word: S106 says so once; S101 does not call the parts after the cut
    missing."""
    text = ("县委常委会对照检查材料\n一、存在的主要问题\n（一）学习不够深入。理论学习的转化效果不彻底。\n"
            "（二）担当不够有力。在推进重点项目建设时，部分同志仍然停留在争取资金、加快工程进度等传统思维上，统筹盘")
    found = [(f.rule, f.block) for f in lint_text(text, tmp_path, select="S101,S106")]
    assert found == [("S106", 3)]


@pytest.mark.parametrize("first", ["作者：王某某", "0"])
def test_a_field_or_a_figure_over_an_untitled_text_is_no_subheading(tmp_path: Path, first: str) -> None:
    """作者：×× or a stray 0 alone over a text without a title: S105 says the title is missing where the body begins,
    and does not call the line a subheading; 一、基本情况 over the text is one."""
    body = "2024年，全县测绘地理信息工作坚持服务大局、服务社会，完成基础测绘项目12个。\n一是推进机构改革。\n"
    found = lint_text(first + "\n" + body, tmp_path, select="S105")
    assert [(f.line, f.excerpt[:4]) for f in found] == [(2, "2024")] and "小标题" not in found[0].message
    found = lint_text("一、基本情况\n" + body, tmp_path, select="S105")
    assert [f.line for f in found] == [1] and "小标题“一、基本情况”" in found[0].message


def test_parts_are_not_called_missing_where_a_site_hid_part_of_the_text(tmp_path: Path) -> None:
    """A model-text site hid the middle of the document (……此处隐藏2400个字……): the parts S101 asks for may be in
    what it hid; without the prompt they are missing."""
    text = ("县委常委会对照检查材料\n一、存在的主要问题\n（一）学习不够深入。理论学习的转化效果不彻底。\n"
            "……此处隐藏2400个字……\n（三）加强作风建设。坚持每月开展一次下基层调研。\n")
    assert lint_text(text, tmp_path, select="S101") == []
    shown = text.replace("……此处隐藏2400个字……\n", "")
    assert {f.rule for f in lint_text(shown, tmp_path, select="S101")} == {"S101"}


def test_documents_ending_without_a_full_stop_in_whole_words_are_complete(tmp_path: Path) -> None:
    endings = ["附件：2024年度全县重点项目建设进度汇总表及各乡镇责任分工情况统计表",
               "各乡镇、县直各单位要按照本方案要求抓好落实，由县发改局牵头，各成员单位按分工抓好推进",
               "县人民政府办公室于2022年8月1日印发，自印发之日起施行，有效期三年，由县发改局负责解释",
               "来源：《某某日报》2020年02月24日第二版要闻栏目刊发的评论员文章 02 版",
               "抄送：县委办，县人大办，县政协办，县纪委办，县法院，县检察院，县人武部，县政府办",
               "记录：县委办公室综合科科员李华；审核：县委办公室副主任张伟；签发：县委书记王刚",
               "组长：王刚 副组长：李华 张伟 成员：刘强 陈明 赵磊 孙杰 周涛 吴敏 郑刚",
               "成员单位：县委办、县政府办、县发改委、县财政局、县人社局、县自然资源局、县住建局",
               # a commentary or a news report closed by its writer's name in brackets
               "各地要把惠企政策落实落细，让经营主体真正享受到实实在在的便利和实惠。（宋思远）\u3000",
               "据统计，今年以来全市新登记经营主体增长一成以上，市场活力不断增强。(记者 王敏)"]
    for end in endings:
        text = "关于做好重点项目建设的通知\n各乡镇：\n请抓好重点项目建设。\n" + end
        assert lint_text(text, tmp_path, select="S106") == [], end


def test_a_text_that_stops_on_a_word_that_cannot_end_a_sentence_was_cut(tmp_path: Path) -> None:
    """A preposition, a conjunction or 加以 ending the text, or one character after a comma (half-width too): cut."""
    head = "关于河道清理工作的情况报告\n今年以来，我镇组织各村对主要河道开展了集中清理，"
    for end in ["对发现的问题明确责任、标准和时限，及时加以", "对履职不力的村组及", "工作成效比较明显,但", "共出动人员一千余人次,拆",
                "共出动人员一千余人次。 乡"]:
        assert [f.rule for f in lint_text(head + end, tmp_path, select="S106")] == ["S106"], end
    for end in ["对发现的问题明确责任、标准和时限，及时加以解决", "对履职不力的村组进行了约谈",
                "共出动人员一千余人次\n此致", "共出动人员一千余人次，清理垃圾三百吨等"]:
        assert lint_text(head + end, tmp_path, select="S106") == [], end


def test_a_title_wrapped_in_brackets_and_run_into_the_first_sentence(tmp_path: Path) -> None:
    """A page wraps the title as 【《……》】 and runs it into the first sentence: the title is found (the document's
    type with it) and S105 asks for it on its own line."""
    text = ("【《学校食堂管理自查报告》】为加强学校食堂管理，保障师生饮食安全，我校近期开展了食堂管理自查。现将自查情况报告如下：\n"
            "一、自查情况\n食堂各项制度基本健全，全年未发生食品安全事故。\n二、存在的问题\n部分餐具消毒记录填写不及时。\n"
            "三、整改措施\n由总务处负责，9月底前完成消毒记录的补填和检查。\n")
    found = [(f.rule, f.message) for f in lint_text(text, tmp_path, select="S101,S105")]
    assert len(found) == 1 and found[0][0] == "S105" and "“学校食堂管理自查报告”和正文挤在同一行" in found[0][1]


def test_a_title_in_square_brackets_without_book_title_marks_is_a_title(tmp_path: Path) -> None:
    """A model-text site prints the piece's title as 【……工作计划】 run into the first sentence: the document has a
    title, glued to its body (not a missing one)."""
    text = ("【街道文明创建年度工作计划】为巩固文明创建成果，进一步提升居民文明素质，结合街道实际，制定本计划。"
            "现将有关安排明确如下：\n一、工作目标\n"
            "全年创建文明楼院十个。\n二、主要措施\n由街道文明办牵头，每季度开展一次评比。\n")
    found = [(f.rule, f.message) for f in lint_text(text, tmp_path, select="S105")]
    assert len(found) == 1 and "“街道文明创建年度工作计划”和正文挤在同一行" in found[0][1]


@pytest.mark.parametrize("opening", ["3、部分干部学习热情不高，满足于完成规定动作。", "二、主要做法",
                                     "（三）强化督促检查。各科室要对照任务清单逐项推进。", "第三条 本办法适用于本县各级行政机关。"])
def test_a_text_opening_on_a_later_item_is_a_piece_and_gets_no_title_finding(tmp_path: Path, opening: str) -> None:
    """A preview's later page or a pasted part opens on item 3 or 二、: its beginning is lost, not only its title; the
    same text opening on its first sentence or on 一、 lacks its title."""
    rest = "\n通过专题辅导与分组研讨，干部的理论水平有了明显提高。\n下一步将继续抓好学习教育。\n"
    assert lint_text(opening + rest, tmp_path, select="S105") == []
    first = opening.replace("3、", "1、").replace("二、", "一、").replace("（三）", "（一）").replace("第三条", "第一条")
    assert [f.rule for f in lint_text(first + rest, tmp_path, select="S105")] == ["S105"]


def test_a_title_run_into_the_first_sentence_without_a_space(tmp_path: Path) -> None:
    # ……规范为深入贯彻……: the title ends in its kind, the first sentence opens with 为; not 为期 (a duration)
    text = ("校园网络安全管理规范为加强校园网络安全管理，保障教学秩序，结合学校实际，制定本规范。本规范适用于全校各部门。\n"
            "第一条 各部门负责本部门网络设备的日常管理。\n第二条 信息中心负责全校网络的监测。\n")
    found = [(f.rule, f.message) for f in lint_text(text, tmp_path, select="S105")]
    assert len(found) == 1 and "“校园网络安全管理规范”和正文挤在同一行" in found[0][1]
    # … a member's proposal (……的建议, ……提案, the way 政协提案 and 代表建议 are titled) run into its first sentence
    proposal = ("1.关于加快发展县域养老服务的建议2023年以来，我县老年人口持续增加，养老服务供给不足的问题日益突出。"
                "建议如下。\n一是增加养老床位。\n二是培养护理人员。\n")
    found = [f.message for f in lint_text(proposal, tmp_path, select="S105")]
    assert len(found) == 1 and "“关于加快发展县域养老服务的建议”和正文挤在同一行" in found[0]
    # … with a sharing site's page number before it (1、……规范为……)
    paged = "1、" + text
    found = [(f.rule, f.message) for f in lint_text(paged, tmp_path, select="S105")]
    assert len(found) == 1 and "“校园网络安全管理规范”和正文挤在同一行" in found[0][1]


def test_a_hard_wrapped_text_whose_last_full_line_stops_in_a_word_was_cut(tmp_path: Path) -> None:
    """A copy out of a PDF keeps the page's line breaks: a last line as wide as those above it is no paragraph's
    short end, and ……随着农 stops in a word."""
    lines = ["今年以来全镇农业生产总体平稳，粮食播种面积稳定在三万亩以上，",
             "特色种植面积继续扩大，蔬菜和水果产量比上年都有明显的增加。",
             "农村居民人均可支配收入持续增长，农民增收渠道进一步得到拓宽。",
             "全镇新建高标准农田两千亩，农业基础设施条件明显改善。随着农"]
    text = "关于全镇农业生产情况的调研报告\n" + "\n".join(lines)
    assert [f.rule for f in lint_text(text, tmp_path, select="S106")] == ["S106"]
    short = "关于全镇农业生产情况的调研报告\n" + "\n".join(lines[:3]) + "\n全镇新建农田。随着农"
    assert lint_text(short, tmp_path, select="S106") == []


def test_a_one_line_paste_is_read_by_the_qualified_kind_in_its_title(tmp_path: Path) -> None:
    # 关于……的调研报告 glued to its first sentence: a 调研报告 (its problems and causes are no 对照检查材料's parts)
    text = ("关于全县农村饮水工程运行情况的调研报告为摸清情况，调研组走访了8个乡镇。一、基本情况全县建成供水工程56处。"
            "二、存在的问题（一）管护经费不足。三、原因分析一是投入单一；二是管护主体缺位。")
    found = [f.message for f in lint_text(text, tmp_path, select="S101")]
    assert len(found) == 1 and "调研报告" in found[0] and "对策建议" in found[0]


def test_a_one_line_paste_is_read_by_the_kind_its_opening_names(tmp_path: Path) -> None:
    # a title without 关于 run into the first sentence (××整改方案根据……): a plan, whose parts are problems and measures;
    # it is no 对照检查材料 lacking a 原因分析
    text = ("县水务局巡察反馈问题整改方案根据县委巡察组反馈意见，制定本方案。一、存在的问题（一）项目管理不规范。"
            "二、整改措施（一）规范项目管理。2025年6月底前修订项目管理办法，由计划科负责。")
    assert lint_text(text, tmp_path, select="S101") == []


def test_a_chapter_heading_run_into_a_long_first_sentence_on_one_line_names_its_part(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    text = ("县档案馆2024年工作总结 今年以来，我馆围绕中心工作，扎实推进各项任务。现总结如下： 一、主要成效今年以来，我馆紧扣"
            "全县重点工作任务，以数字化转型为抓手，档案接收、保管和利用工作走在全市前列，全年接收档案1.2万卷。"
            " 二、存在的问题库房容量不足，专业人员短缺。 三、下一步工作计划加快新库房建设，年底前完成主体工程。")
    assert [f.rule for f in lint_text(text, tmp_path, select="S101")] == []
    # the words must open the heading: a part named further into the sentence is not there
    other = text.replace("一、主要成效今年以来，我馆紧扣", "一、今年以来，我馆取得主要成效，紧扣")
    assert [f.rule for f in lint_text(other, tmp_path, select="S101")] == ["S101"]


def test_a_summary_telling_its_work_under_topic_headings_has_its_work_part(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    text = ("县档案馆2024年工作总结\n今年以来，我馆扎实推进各项工作。\n一、强化组织领导\n全年召开馆务会12次。\n"
            "二、推进档案数字化\n全年扫描档案1.2万卷。\n三、存在困难\n库房容量不足。\n四、下一步工作计划\n年底前完成新库房建设。\n")
    assert [f.rule for f in lint_text(text, tmp_path, select="S101")] == []
    # with no heading before the problems part, the work part is missing
    bare = ("县档案馆2024年工作总结\n今年以来，我馆扎实推进各项工作，全年扫描档案1.2万卷。\n一、存在的问题\n库房容量不足。\n"
            "二、下一步工作计划\n年底前完成新库房建设。\n")
    assert [f.rule for f in lint_text(bare, tmp_path, select="S101")] == ["S101"]


def test_a_summary_with_next_years_approach_has_its_next_steps(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    text = ("县档案馆2024年工作总结暨2025年工作思路\n一、主要工作成效\n全年扫描档案1.2万卷。\n二、存在的问题\n库房容量不足。\n"
            "三、2025年工作思路\n年底前完成新库房建设。\n")
    assert lint_text(text, tmp_path, select="S101") == []
    # … also run into its first sentence, as a text stored on one line has it
    glued = text.replace("\n", " ", 1).replace("\n", "").replace("三、2025年工作思路", "三、2025年工作思路认真学习")
    assert lint_text(glued, tmp_path, select="S101") == []


def test_a_plan_setting_its_tasks_out_topic_by_topic_has_its_tasks(tmp_path: Path) -> None:
    """一、组织领导 二、代表选举 三、会议时间和地点 四、工作程序 五、工作要求: the tasks stand in chapters of their own
    topics; a plan of goals and safeguards only is still asked for its tasks (the test above)."""
    plan = ("县工会第一次会员代表大会筹备工作方案\n一、组织领导\n成立筹备工作领导小组。\n二、代表选举\n按比例选举代表。\n"
            "三、会议时间和地点\n12月中旬在县会议中心召开。\n四、工作程序\n先选举代表，再召开大会。\n五、工作要求\n按时完成。\n")
    assert lint_text(plan, tmp_path, select="S101") == []


def test_a_plan_with_unnumbered_chapters_of_its_own_topics_has_its_tasks(tmp_path: Path) -> None:
    """The same when the chapter headings are plain lines with no numbers (a plan as a portal or a PDF gives it): the
    chapters between 总体要求 and the safeguards hold the tasks."""
    plan = ("县推进农村供水保障实施方案\n为提升农村供水保障水平，制定本方案。\n总体要求\n到2026年，农村自来水普及率达到95%。\n"
            "加快供水工程建设\n新建规模化水厂3座，改造管网120公里。\n强化水质安全保障\n每季度开展水质检测，建立检测台账。\n"
            "提升运行管护水平\n各乡镇落实管护人员，定期巡查管网。\n组织保障\n县水利局牵头，各乡镇配合。\n")
    assert lint_text(plan, tmp_path, select="S101") == []


def test_a_heading_over_two_parts_names_both(tmp_path: Path) -> None:
    """二、工作目标及进度安排: one heading over the targets and the schedule, the plan's tasks part among them, also
    when a paste ran the heading into its first sentence; a plan of goals and safeguards only is still asked."""
    plan = ("县粮食储备设施提升工作方案\n一、总体要求\n坚持政府引导，市场运作，统筹推进全县粮食储备能力建设。\n"
            "二、工作目标及进度安排\n全县现有粮食储备能力12万吨，2025年底前新增储备能力5万吨，其中2024年新增3万吨。\n"
            "三、保障措施\n加强资金保障，县财政每年安排专项资金支持储备设施建设。\n")
    assert lint_text(plan, tmp_path, select="S101") == []
    one_line = plan.replace("\n", "")
    assert lint_text(one_line, tmp_path, select="S101", profile="整改方案") == []
    goals = one_line.replace("二、工作目标及进度安排", "二、工作目标")
    assert [f.rule for f in lint_text(goals, tmp_path, select="S101", profile="整改方案")] == ["S101"]


def test_a_report_leaving_the_superior_to_approve_what_it_means_to_do_holds_a_request(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    text = ("县供电公司关于职工医疗保险移交所需费用的报告\n县国资委：\n移交所需费用共计120万元，建议分三年列支。\n"
            "如无不妥，公司拟按此方式执行。\n特此报告。\n")
    assert [f.rule for f in lint_text(text, tmp_path, select="S107")] == ["S107"]
    # a report asking the superior to forward it to others (呈转性报告) is no request of its own
    forwarded = text.replace("如无不妥，公司拟按此方式执行。", "以上报告如无不妥，请批转各单位执行。")
    assert lint_text(forwarded, tmp_path, select="S107") == []


def test_a_report_asking_whether_it_is_proper_and_glued_to_its_title_holds_a_request(tmp_path: Path) -> None:
    """妥否，请审议 asks the superior to decide, as 妥否，请批示 does; a report pasted as one line (its title glued to
    its first heading) is read after its title. 请予审议 of a report to a people's congress asks no decision."""
    from reportlint.testing import lint_text

    text = ("县供电公司关于更换调度大楼空调机组的报告一、现状现有机组已运行十五年，故障频发。二、建议"
            "拟采购新机组两台，所需资金80万元。妥否，请审议。")
    found = lint_text(text, tmp_path, select="S107")
    assert [(f.rule, f.excerpt) for f in found] == [("S107", "妥否，请审议")]
    congress = ("县人民政府关于2025年财政预算执行情况的报告\n全年收支平衡，各项支出保障有力。\n"
                "以上报告，请予审议。\n")
    assert lint_text(congress, tmp_path, select="S107") == []


def test_an_inspection_plan_sets_its_tasks_out_by_the_fields_it_inspects(tmp_path: Path) -> None:
    """安全生产大检查、专项整治 plans head their task part by what they inspect: 突出重点领域, 整治重点, 检查内容."""
    plan = ("县安全生产大检查实施方案\n为做好安全生产大检查工作，特制定本方案。\n一、工作目标\n消除一批重大隐患。\n"
            "二、{}\n（一）道路交通。由县交通局牵头，6月底前完成排查。\n三、工作要求\n各单位要高度重视。\n")
    for heading in ("突出重点领域（行业）", "整治重点", "检查内容", "主要工作"):
        assert lint_text(plan.format(heading), tmp_path, select="S101") == []
    assert [f.rule for f in lint_text(plan.format("近期情况"), tmp_path, select="S101")] == ["S101"]


def test_a_request_closed_with_the_reports_formula_is_told_what_to_close_with(tmp_path: Path) -> None:
    """A 请示 that ends with 特此报告: with no request in it, the request is missing too; with the request written in the
    body (请县教育局领导批示, 恳请……给予资金支持), only the closing formula is wrong, and the message says so."""
    head = "关于维修教学楼屋顶的请示\n县教育局：\n我校教学楼屋顶漏水严重，影响正常教学。"
    bare = lint_text(head + "\n特此报告\n", tmp_path, select="S107")
    assert [f.rule for f in bare] == ["S107"] and "没有写明请求" in bare[0].message
    for ask in ("恳请县教育局给予资金支持。", "请县教育局领导批示，予以解决。"):
        asked = lint_text(head + ask + "\n特此报告\n", tmp_path, select="S107")
        assert [f.rule for f in asked] == ["S107"] and "正文写了请求" in asked[0].message


def test_a_report_telling_of_an_approval_already_given_asks_for_nothing(tmp_path: Path) -> None:
    text = "关于2024年项目建设情况的报告\n县政府：\n今年我们已请上级部门批准了该项目，经请示县领导批准后开工。\n特此报告。\n"
    assert lint_text(text, tmp_path, select="S107") == []


def test_a_collection_pieces_title_run_into_its_text_past_its_number(tmp_path: Path) -> None:
    """……自查报告集锦15篇 (the site's line) over ……自查报告1学校安全事关……: the piece's title, its number and its text
    on one line; S105 names the title run into the text, not a text without one."""
    text = ("学校安全工作自查报告集锦15篇\n学校安全工作自查报告1学校安全事关师生生命财产安全，事关社会和谐稳定。"
            "我校认真开展了安全工作自查，现将有关情况报告如下。\n一、加强组织领导\n成立安全工作领导小组。\n")
    found = lint_text(text, tmp_path, select="S105")
    assert [f.line for f in found] == [2] and "挤在同一行" in found[0].message


def test_a_bracketed_title_run_into_the_salutation_is_the_title(tmp_path: Path) -> None:
    """【××开学典礼致辞】尊敬的各位老师、亲爱的同学们：: a page's bracketed title run into the salutation; S105 names
    the title on the salutation's line, not a text without a title."""
    text = "【某小学校长秋季开学典礼致辞】尊敬的各位老师、亲爱的同学们：\n大家好！\n新学期开始了，我代表学校向大家表示欢迎。\n"
    found = lint_text(text, tmp_path, select="S105")
    assert [f.line for f in found] == [1] and "某小学校长秋季开学典礼致辞" in found[0].message \
        and "挤在同一行" in found[0].message


def test_a_title_run_into_the_salutation_is_the_title(tmp_path: Path) -> None:
    """……复审汇报材料尊敬的各位领导、各位专家：今天，……: the title, the salutation and the text on one line."""
    text = ("县人民医院等级复审汇报材料尊敬的各位领导、各位专家：今天，专家组莅临我院指导工作，我代表全院职工表示欢迎。"
            "下面，我把近三年来医院的创建工作汇报如下，请予审议。\n一、基本情况\n我院是一所综合医院。\n")
    found = lint_text(text, tmp_path, select="S105")
    assert [f.line for f in found] == [1] and "县人民医院等级复审汇报材料" in found[0].message


def test_a_kind_guessed_from_the_headings_alone_asks_for_no_part(tmp_path: Path) -> None:
    """A report without a title whose headings (存在的问题, 整改措施) look like a 对照检查材料's: its kind is a guess, and
    a part that kind needs (原因分析) may be no part of it. Titled so, the same text lacks it."""
    body = ("一、存在的主要问题\n1.消防器材配备不全。\n2.值班制度执行不严。\n二、整改措施\n1.6月底前配齐消防器材。\n"
            "2.由办公室每周检查值班情况。\n")
    assert lint_text("尊敬的各位领导：\n" + body, tmp_path, select="S101") == []
    titled = lint_text("安全工作对照检查材料\n" + body, tmp_path, select="S101")
    assert ["原因分析" in f.message for f in titled] == [True]


def test_a_survey_naming_its_difficulties_has_its_problems_part(tmp_path: Path) -> None:
    """四、存在困难和建议: a survey's part on the difficulties is its problems part (as a summary's is)."""
    text = ("关于小微企业融资情况的调研报告\n一、基本情况\n全县小微企业贷款余额12亿元。\n二、存在困难和建议\n"
            "担保难、融资贵问题突出，建议设立风险补偿基金。\n")
    assert lint_text(text, tmp_path, select="S101") == []


def test_a_questionnaire_surveys_findings_are_its_problems_part(tmp_path: Path) -> None:
    """调查报告 of a questionnaire: 调查结果 and 主要发现, then 对策建议; its findings take the problems part's place."""
    text = ("关于中学生课外阅读情况的调查报告\n一、调查背景\n本次共发放问卷300份。\n二、主要发现\n"
            "六成学生每周阅读不足2小时。\n三、对策建议\n学校每周开设1节阅读课。\n")
    assert lint_text(text, tmp_path, select="S101") == []


def test_a_pupils_signature_after_the_last_sentence_is_no_cut(tmp_path: Path) -> None:
    """……应当从我做起。802班赵雨彤: a survey a pupil wrote, signed after its last sentence; a text stopping in a word is
    still cut."""
    body = "关于小区垃圾分类情况的调查报告\n" + "我们走访了小区的八十户居民，了解他们对垃圾分类的认识和做法，并整理了调查结果。" * 2
    assert lint_text(body + "垃圾分类应当从我做起。802班赵雨彤\n", tmp_path, select="S106") == []
    assert lint_text(body + "垃圾分类应当从我做起，居民普遍认为分类标准不够统", tmp_path, select="S106") != []
