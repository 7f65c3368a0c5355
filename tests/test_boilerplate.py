"""B1 on team-written documents: what must be flagged and what must stay silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import lint_text

INVALID = [
    ("B101", "温馨提示：\n本文档由用户上传，版权归属用户。\n\n网站客服：12345\n关于做好防汛工作的通知\n各乡镇：", [(1, 4)]),
    ("B101", "今天是：\n主办：县委组织部\n县委组织部工作动态\n2024-05-07 10:44\n近日，全县召开会议。", [(1, 2), (4, 4)]),
    ("B101", "讲话\n同志们：\n今天召开会议。\n全文共3200个字。\n原文链接：https://example.com/a.html", [(4, 5)]),
    ("B101", "讲话\n同志们：\n今天召开会议。\n谢谢大家。\nhttps://news.example.com/2024/0312.html", [(5, 5)]),
    ("B102", "工作总结\n一、主要工作\n全年完成任务。\n— 2 —\n二、存在问题", [(4, 4)]),
    ("B102", "工作总结\n补助标准为每人每月300元（不含2000元）—3—者除外。", [(2, 2)]),
    ("B103", "关于xx县教育工作的报告\n会议由×××同志主持。\n全力落实县委*工作部署开展工作。", [(1, 1), (2, 2), (3, 3)]),
    ("B103", "通知\n请于【 】前将材料报送至[填写]。", [(2, 2), (2, 2)]),
    ("B104", "工作总结\n持续优化城乡公共服务供给，扎实推进各项民生工程建设。\n会议强调。持续优化城乡公共服务供给，扎实推进各项民生工程建设。", [(3, 3)]),
    ("B106", "县委常委会对照检查材料\n县委常委会把理论学习放在首要位置。\n区委常委会带头改进作风。\n县委常委会带头抓好问题整改。", [(3, 3)]),
]
VALID = [
    ("B101", "关于开展网上申报的通知\n各单位：\n请登录县政务服务网（https://zwfw.example.gov.cn）填报，主办单位：县政务服务中心。\n特此通知。"),
    ("B101", "工作总结\n一、主要工作\n全年举办培训12期，来源于各乡镇的学员共600人。"),
    ("B101", "活动方案\n一、报名方式\n请扫描海报二维码或登录平台报名。\n报名地址：\nhttps://signup.example.org/2024\n二、活动安排"),
    ("B102", "发展规划\n2021—2025年全县经济保持中高速增长，第3章第5条另有规定。"),
    ("B103", "情况通报\n对王某某、李某某违反中央八项规定精神问题进行了通报。\n升级 Windows XP 系统。"),
    ("B104", "工作总结\n加强学习。\n加强学习。\n全面推进乡村振兴，持续改善农村人居环境。"),
    ("B106", "县委常委会对照检查材料\n在巡回督导组的帮助下，县委常委会扎实开展工作。\n我县经济社会发展取得新成效。"),
]


@pytest.mark.parametrize(("code", "text", "spans"), INVALID, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(INVALID)])
def test_invalid(tmp_path: Path, code: str, text: str, spans: list[tuple[int, int]]) -> None:
    found = lint_text(text, tmp_path, select=code)
    assert [(f.block + 1, f.end_block + 1) for f in found] == spans


@pytest.mark.parametrize(("code", "text"), VALID, ids=[f"{c}-{i}" for i, (c, _) in enumerate(VALID)])
def test_valid(tmp_path: Path, code: str, text: str) -> None:
    assert [(f.rule, f.excerpt) for f in lint_text(text, tmp_path, select=code)] == []


def test_placeholder_message_names_what_is_missing(tmp_path: Path) -> None:
    found = lint_text("关于xx县教育工作的报告\n会议由×××同志主持。", tmp_path, select="B103")
    assert "单位或地名" in found[0].message and "姓名" in found[1].message


def test_repeat_points_at_first_occurrence(tmp_path: Path) -> None:
    text = "工作总结\n持续优化城乡公共服务供给，扎实推进各项民生工程建设。\n持续优化城乡公共服务供给，扎实推进各项民生工程建设。"
    found = lint_text(text, tmp_path, select="B104")
    assert found[0].related[0]["line"] == 2 and "第 2 段" in found[0].message


def test_page_chrome_words_inside_the_body_are_not_residue(tmp_path: Path) -> None:
    text = "关于举办技能大赛的通知\n各单位：\n为提高职工技能水平，经研究，决定举办全县职工技能大赛，现将有关事项通知如下。\n主办单位：县总工会\n来源：各单位推荐"
    assert lint_text(text, tmp_path, select="B101") == []


def test_a_reminder_service_named_in_a_sentence_is_not_residue(tmp_path: Path) -> None:
    text = ("宿管科2025年工作计划\n一、日常服务\n1.楼栋门厅每天更新天气、出行等温馨提示，寒暑假前做好宿舍安全检查。\n"
            "2.温馨提示、失物招领和便民工具借用三项服务全年不间断。")
    assert lint_text(text, tmp_path, select="B101") == []


LONG_A = "持续优化城乡公共服务供给并扎实推进各项民生工程建设"
LONG_B = "全面推进乡村振兴持续改善农村人居环境提升群众满意度"


@pytest.mark.parametrize(("text", "expected"), [
    # one-sentence paragraphs, none repeated: silent
    (f"工作总结\n{LONG_A}。\n{LONG_B}。\n{LONG_A}，并且更进一步。", []),
    # a whole paragraph of two sentences again: one finding over the paragraph
    (f"工作总结\n{LONG_A}。{LONG_B}。\n会议要求抓好落实。\n{LONG_A}，{LONG_B}！", [(3, 0, None)]),
    # the same sentence twice inside one paragraph
    (f"工作总结\n{LONG_A}。会议要求抓好落实。{LONG_A}。", [(1, len(LONG_A) + 10, 2 * len(LONG_A) + 11)]),
    # a sentence that repeats a whole earlier paragraph written as two sentences
    (f"工作总结\n{LONG_A[:12]}。{LONG_A[12:]}。\n会议要求抓好落实。{LONG_A}。", [(2, 9, len(LONG_A) + 10)]),
    # full-width digits count as the same text
    ("工作总结\n２０２４年全县完成投资３２亿元同比增长百分之十二点五。\n2024年全县完成投资32亿元同比增长百分之十二点五。", [(2, 0, None)]),
])
def test_repeated_passages_at_their_positions(tmp_path: Path, text: str, expected: list) -> None:
    found = lint_text(text, tmp_path, select="B104")
    lines = text.split("\n")
    want = [(block, start, len(lines[block]) if end is None else end) for block, start, end in expected]
    assert [(f.block, f.start, f.end) for f in found] == want


def _lint_blocks(blocks: list, code: str) -> list:
    """Run one rule on a document built block by block (table cells, pages)."""
    from reportlint.engine import analyse
    from reportlint.model import Block, Document
    from reportlint.testing import session

    doc = Document(path="doc.pdf", blocks=tuple(
        Block(i, text, kind=kind, page=page, table=1 if kind == "cell" else 0)
        for i, (text, kind, page) in enumerate(blocks)))
    registry, rulebook = session().books()
    rule = rulebook.rules[code]
    ctx, _ = analyse(doc, rulebook, None)
    return list(registry.checks[rule.check](ctx, rule))


def test_table_headers_and_labels_repeated_are_not_running_headers() -> None:
    blocks = [("年度预算表", "paragraph", 1)]
    for page in range(1, 5):
        blocks += [("编制单位：县民政局", "paragraph", page), ("科目名称", "cell", page), ("合计", "cell", page),
                   ("503,724", "cell", page), ("本表反映部门本年度预算收支情况。", "paragraph", page)]
    assert _lint_blocks(blocks, "B102") == []


def test_running_header_at_page_tops_is_one_finding_with_its_places() -> None:
    blocks = []
    for page in range(1, 5):
        blocks += [("县交通运输局年度工作情况报告", "paragraph", page),
                   (f"第{page}部分工作进展顺利，各项任务按计划推进，群众满意度持续提升。", "paragraph", page)]
    found = _lint_blocks(blocks, "B102")
    assert len(found) == 1 and "4 次" in found[0].message and len(found[0].related) == 3


def test_running_header_in_text_needs_distance(tmp_path: Path) -> None:
    body = "\n".join(f"第{i}项工作已经完成，取得明显成效，群众反映良好。" for i in range(9))
    spread = "\n".join(["专题会议材料汇编", body, "专题会议材料汇编", body, "专题会议材料汇编", body])
    assert len(lint_text("工作报告\n" + spread, tmp_path, select="B102")) == 1
    close = "工作报告\n专题会议材料汇编\n专题会议材料汇编\n正文一句。\n专题会议材料汇编"
    assert lint_text(close, tmp_path, select="B102") == []


def test_the_same_numbered_heading_of_parallel_procedures_is_no_running_header(tmp_path: Path) -> None:
    # each procedure of a set under the same heads (1.适用范围 / 2.申报主体): its own heading, said again by design
    body = "\n".join(f"第{i}项材料按要求提交，由窗口受理并出具回执。" for i in range(9))
    parts = [f"（{n}）{name}操作规程\n1.适用范围\n{body}\n2.申报主体\n{body}" for n, name in
             (("一", "用地审批"), ("二", "规划许可"), ("三", "施工许可"))]
    assert lint_text("工作指引\n" + "\n".join(parts), tmp_path, select="B102") == []


def test_the_issuers_name_over_each_title_is_no_running_header(tmp_path: Path) -> None:
    # the company's name opens the title of the rules and of each attachment, the kind of paper on the next line
    body = "\n".join(f"第{i}条 各单位按本办法开展成果申报，材料真实完整。" for i in range(9))
    text = "\n".join(["某某建设集团有限公司", "科技成果管理办法（试行）", body, "附件1：", "某某建设集团有限公司",
                      "科技成果申报表", body, "附件2：", "某某建设集团有限公司", "科技成果评分标准", body])
    assert lint_text(text, tmp_path, select="B102") == []


def test_meeting_paper_header_fused_into_a_sentence(tmp_path: Path) -> None:
    found = lint_text("报告\n经审核，共有12人未2024年第3次党组会议材料之二通过资格审查。", tmp_path, select="B102")
    assert [f.excerpt for f in found] == ["2024年第3次党组会议材料之二"]


def test_placeholders_of_one_kind_make_one_finding_with_a_count(tmp_path: Path) -> None:
    text = "决算说明\n" + "\n".join(f"上海市XX局第{i}项支出情况说明。" for i in range(22))
    found = lint_text(text, tmp_path, select="B103")
    assert len(found) == 1 and "22 处" in found[0].message and len(found[0].related) == 21


def test_distinct_blanks_of_one_template_are_a_finding_each(tmp_path: Path) -> None:
    text = ("XXXX人民政府办公室文件\n〔20XX〕XX号\n关于做好秋季防火工作的通知\n[此处输入正文内容]\n"
            + "\n".join(f"请XX局于月底前报送第{i}项材料。" for i in range(5)))
    found = lint_text(text, tmp_path, select="B103")
    assert [f.excerpt for f in found] == ["XXXX", "〔20XX〕XX号", "[此处输入正文内容]", "XX"]
    assert "5 处" in found[3].message and len(found[3].related) == 4
    assert all(not f.related for f in found[:3])


def test_one_mark_in_different_fields_is_different_blanks(tmp_path: Path) -> None:
    text = "通知\n" + "\n".join(f"XX局第{i}季度报送情况。" for i in range(3)) + "\n" + \
        "\n".join(f"联系人：XX，第{i}组。" for i in range(3))
    found = lint_text(text, tmp_path, select="B103")
    assert [(f.block, len(f.related)) for f in found] == [(1, 2), (4, 2)]
    assert "单位或地名" in found[0].message and "姓名" in found[1].message


def test_a_templates_blank_year_and_a_letter_for_a_units_name_are_blanks(tmp_path: Path) -> None:
    text = "工作总结\n圆满实现了20__年度确定的各项目标。\n本季度，x物业服务中心完成了各项保洁任务。\n"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="B103")] == ["20__", "x"]
    own = "说明\n职工进行X光检查和X射线探伤，材料保存于file_2024目录。\n"
    assert lint_text(own, tmp_path, select="B103") == []


@pytest.mark.parametrize(("text", "kind"), [
    ("历届县委团结和带领××人民，励精图治。", "单位或地名"),  # the people of a place: its name, not a count
    ("编写了xxxx项目可行性研究报告。", "具体内容"),  # a project's name, not a number of items
    ("城管局等XX家单位作了表态发言。", "数字"),  # a count of units
    ("剛才，XX市長作了全面部署。", "姓名"),  # a mayor's name, in traditional characters as in simplified
    ("全年完成XX项重点任务。", "数字"),
    ("全镇恢复林地*公顷，改善了生态环境。", "数字"),  # a measure of land
    ("全年清运垃圾××吨。", "数字"),
    ("在xx鎮開展了調研。", "单位或地名"),  # a town, in traditional characters
    ("各位领导，我叫***，现任县农业农村局局长。", "姓名"),  # the speaker naming himself
])
def test_a_blanks_field_is_read_from_the_word_after_it(tmp_path: Path, text: str, kind: str) -> None:
    found = lint_text("工作情况\n" + text + "\n", tmp_path, select="B103")
    assert len(found) == 1 and f"应填写{kind}" in found[0].message, [f.message for f in found]


def test_blank_of_an_unknown_field_is_not_given_a_guessed_one(tmp_path: Path) -> None:
    text = ("决算说明\n" + "\n".join(f"XX局第{i}项收入增长XX%。" for i in range(3))
            + "\nXX中心负责汇总。")
    found = lint_text(text, tmp_path, select="B103")
    # XX局 and XX% share their paragraphs: one blank, one finding naming both fields; XX中心 (no field known) is one
    # more place of that blank, listed with it, and no field is guessed for it
    assert [(f.block, [r["line"] for r in f.related]) for f in found] == [(1, [2, 3, 3, 4, 4, 5])]
    assert "分别应填写单位或地名、数字" in found[0].message
    # alone, it is said with no field
    alone = lint_text("决算说明\nXX中心负责汇总。", tmp_path, select="B103")
    assert ["应填写具体内容" in f.message for f in alone] == [True]


def test_a_blank_of_the_whole_text_takes_in_its_place_in_another_field(tmp_path: Path) -> None:
    # a template's XX in many paragraphs (place names) and once in a share (达XX%): one finding for the one blank,
    # however a converter cut the lines into paragraphs
    text = ("XX县乡村振兴工作调研报告\n今年以来，XX县认真落实上级部署，推动乡村振兴取得新进展。\n"
            "全县共走访XX镇、XX乡的农户，召开座谈会多次。\n群众对人居环境整治的满意率达XX%，比上年有所提高。")
    found = lint_text(text, tmp_path, select="B103")
    assert [(f.block, len(f.related)) for f in found] == [(0, 4)]
    assert "分别应填写单位或地名、数字" in found[0].message


def test_two_placeholders_of_one_kind_are_reported_each(tmp_path: Path) -> None:
    found = lint_text("报告\n紧紧围绕县委*工作部署。\n落实市委*决策要求。", tmp_path, select="B103")
    assert [f.block for f in found] == [1, 2]


@pytest.mark.parametrize(("text", "excerpt"), [
    ("申请表\n申请时间：2025年x月x日", "x月x日"),
    ("会议纪要\n〔20XX〕XX号", "〔20XX〕XX号"),  # the whole document number, not "XX〕XX"
    ("预算说明\n五、资产占用情况（增加内容）", "（增加内容）"),
    ("决算说明\n支出决算为12.5万元，与上年持平。（如持平作持平表述）", "（如持平作持平表述）"),
    ("预算说明\n会议费3.2万元，比上年增加0.4万元，主要原因是。", "原因是。"),
    # a model text's own notes: what to write here, or that the part is left out of the model
    ("述职报告\n一、履职情况\n（请结合本岗位职责展开撰写）", "（请结合本岗位职责展开撰写）"),
    ("工作总结\n一、主要做法\n（结合本部门实际填写）", "（结合本部门实际填写）"),
    ("讲话\n同志们：\n（工作成效部分各单位情况不一，这里不再展开叙述）\n下面讲三点意见。",
     "（工作成效部分各单位情况不一，这里不再展开叙述）"),
    ("心得体会\n一、学习收获\n通过学习，我深受教育。（具体内容略）", "（具体内容略）"),
    # a whole date left as X, one passage; a note to whoever fills in the model; a bracketed instruction
    ("通知\n请于20XX年X月X日前报送。", "20XX年X月X日"),
    ("工作总结\n二、存在问题\n（本部分请结合本单位实际撰写，不少于500字）", "（本部分请结合本单位实际撰写，不少于500字）"),
    ("报告\n全年工作成效明显。【请在此处插入图表】", "【请在此处插入图表】"),
    # a template engine's field code, a Word prompt typed over, an attachment's number left as X
    ("通知\n共受理来信{{数量}}件。", "{{数量}}"),
    ("报告\n单击此处输入文字。", "单击此处输入文字"),
    ("报告\n完成时间：单击或点击此处输入日期。", "单击或点击此处输入日期"),  # Word's content control, unfilled
    ("通知\n报名表见附件X。", "X"),
    # a field named where the name goes, a person's name masked as 某同志
    ("讲话\n这次会议的任务是贯彻落实(名称)、市委关于防汛工作的部署。", "(名称)"),
    ("讲话\n刚才，刘明、某同志分别通报了有关情况。", "某同志"),
    # one underscore standing for a place among Chinese words
    ("报告\n根据中共_县委组织部的要求，以_、_两个园区为重点开展自查。", "_"),
])
def test_template_hints_and_blanks(tmp_path: Path, text: str, excerpt: str) -> None:
    assert [f.excerpt for f in lint_text(text, tmp_path, select="B103")][:1] == [excerpt]


def test_figure_caption_in_brackets_is_not_a_hint(tmp_path: Path) -> None:
    assert lint_text("报销指南\n发票样式如下图。（网络配图）\n请按要求填写。（请于月底前报送）", tmp_path, select="B103") == []


@pytest.mark.parametrize("text", [
    # a cross-reference: the details stand elsewhere in the document
    "方案\n资金使用办法按有关规定执行（详见附件2，此处不再赘述）。",
    # a publisher leaving an attachment out of the page
    "通知\n附件：申报表（略）",
    # a bracket that only quotes a standard's wording
    "说明\n补贴标准按省定标准执行（结合实际情况确定的除外）。",
    # a form's own instruction to the units that fill it in; a real attachment number
    "通知\n附件：统计表（本表由各单位结合实际填写后报送）",
    "通知\n报名表见附件2。请在此表签字后报送。",
    # a law's name of a body or a person, a party of a case named on purpose
    "条例\n投诉应当载明被投诉人的名称（姓名）和地址。",
    "通报\n张某同志违反工作纪律，给予批评教育。",
    # a file's name whose parts an underscore joins
    "通知\n附件：2024_县政府_重点工作清单.xlsx",
])
def test_references_and_omitted_attachments_are_not_hints(tmp_path: Path, text: str) -> None:
    assert lint_text(text, tmp_path, select="B103") == []


@pytest.mark.parametrize(("text", "excerpt"), [
    # a list item written twice in a row inside one run-together line: both copies are shown
    ("通知\n执法重点：（一）重点企业；（二）道路运输重点、难点、热点问题道路运输重点、难点、热点问题（三）节假日。",
     "道路运输重点、难点、热点问题" * 2),
    # a sentence printed twice, the first copy glued to the heading before it
    ("通知\n订阅办法通过县邮政局统一办理订阅手续，并开具电子发票。通过县邮政局统一办理订阅手续，并开具电子发票。",
     "通过县邮政局统一办理订阅手续，并开具电子发票。" * 2),
    # the end of an earlier sentence pasted again as a sentence of its own
    ("指南\n三、围绕馆藏纸质档案修复、异地容灾备份方法与标准，档案开放审核流程等方面开展研究。四、围绕电子文件归档等方面开展研究。"
     "异地容灾备份方法与标准，档案开放审核流程等方面开展研究。", "异地容灾备份方法与标准，档案开放审核流程等方面开展研究。"),
])
def test_repeats_inside_run_together_text(tmp_path: Path, text: str, excerpt: str) -> None:
    assert [f.excerpt for f in lint_text(text, tmp_path, select="B104")] == [excerpt]


def test_a_repeat_inside_its_own_paragraph_names_no_other_paragraph(tmp_path: Path) -> None:
    sentence = "统筹推进老旧小区改造和完整社区建设，年内完成改造项目的竣工验收。"
    one_line = f"报告\n一、主要工作{sentence}二、下一步打算继续抓好落实。{sentence}"
    [found] = lint_text(one_line, tmp_path, select="B104")
    assert "本段前面" in found.message and "第" not in found.message
    [found] = lint_text(f"报告\n{sentence}\n继续抓好落实。\n{sentence}", tmp_path, select="B104")
    assert "与第 2 段重复" in found.message


@pytest.mark.parametrize("text", [
    # a doubled title or issuer mark: two layout fields run together, not prose
    "县水利局发文稿笺关于加强汛期值班值守的意见关于加强汛期值班值守的意见各单位：现印发给你们。",
    # headings of a table of contents and of the body, far apart
    "预案\n1.总则\n2.组织体系\n3.预警\n1.总则\n本预案适用于全市范围。\n2.组织体系\n成立指挥部。",
    # a responsibility line after every measure, and a formula of every section written three times
    "措施\n（一）加强监管。\n（责任单位：县市场监管局、县发展改革委，各乡镇人民政府）\n（二）优化服务。\n"
    "（责任单位：县市场监管局、县发展改革委，各乡镇人民政府）",
    "申请书\n" + "\n".join(f"课题{i}\n根据以上研究内容，项目完成后可形成以下技术成果：\n软件{i}套" for i in range(3)),
    # figures restated in a summary and again in the section
    "报告\n调整后总投资4.58亿元。比年初下达计划（4.00亿元）多安排0.58亿元。\n二、技改项目\n比年初下达计划（4.00亿元）多安排0.58亿元。",
    # the same deadline and lead unit in brackets after two tasks of a division of tasks
    "考评办法\n1．建成全市统一的数据共享平台。（9月底完成，牵头考核单位：市大数据中心、市财政局）\n"
    "2．完善数据共享目录和交换机制。（9月底完成，牵头考核单位：市大数据中心、市财政局）",
    # the tag of offices and their parts after each task of a division of tasks
    "方案\n1.严厉查处违规经营行为，依法吊销证照。（县市场监管局牵头负责，县公安局、各乡镇组织落实）\n"
    "2.及时通报典型问题，形成警示效应。（县市场监管局牵头负责，县公安局、各乡镇组织落实）",
    # … a list of offices closed by 等, one task's list a part of another's
    "方案\n1.推进证照电子化，扩大网上办理范围。（登记注册处、行政审批处、信息中心、质量发展处、标准化管理处、计量处等按职责分工负责）\n"
    "2.开展专项整治，规范检验检测市场。（质量发展处、标准化管理处、计量处等按职责分工负责）",
    # two headings of their own holding the same line, all their parts say
    "竞赛方案\n六、奖项设置\n（一）团体赛奖项\n设一等奖1名、二等奖2名、三等奖3名，另设优秀组织奖若干。\n"
    "（二）个人赛奖项\n设一等奖1名、二等奖2名、三等奖3名，另设优秀组织奖若干。\n七、工作要求\n请按时报名。",
    # an arrangement left open, said under each group it applies to
    "通知\n（一）综合检查\n由分管领导带队，成立3个综合检查组。第一轮检查于10月8日至12日进行，具体检查时间由各组另行通知。\n"
    "（二）专项检查\n各行业主管部门组织专项检查。第一轮检查于10月8日至12日进行，具体检查时间由各组另行通知。",
])
def test_repeats_by_design_are_silent(tmp_path: Path, text: str) -> None:
    assert lint_text(text, tmp_path, select="B104") == []



def test_a_long_list_of_addressed_offices_is_read_at_once(tmp_path: Path) -> None:
    # the same offices of two places in one addressee line: its clauses repeat, so B104 reads the line, and the
    # pattern of an office-and-role tag must fail on it at once (the old one tried every way of cutting the names)
    from reportlint.config import Config
    from reportlint.engine import Settings
    from reportlint.runner import Job, Limits, Runner
    from reportlint.testing import session

    offices = "农业农村局、水利局、林业局、自然资源局、生态环境局、住建局、交通运输局、应急管理局、审计局、统计局、人社局、商务局、文旅局、医保局"
    path = tmp_path / "notice.txt"
    path.write_text(f"关于做好秋冬季防火工作的通知\n各县{offices}，开发区{offices}，市直有关单位：\n"
                    "现将有关事项通知如下，请认真抓好落实。\n", encoding="utf-8")
    result = Runner(session(), Settings(select=("B104",)), limits=Limits(timeout=20)).run([Job(0, path, Config())])[0]
    assert result.error is None and result.findings == []

def test_a_sentence_repeating_a_whole_paragraph_of_short_sentences(tmp_path: Path) -> None:
    # each sentence of the paragraph is too short to compare and occurs once; only the paragraph
    # as a whole is found again, as one sentence with a comma: the repeat must still be compared
    text = "情况汇报\n办理程序已经简化许多。审批时限也已缩短过半。\n其次是。办理程序已经简化许多，审批时限也已缩短过半。"
    assert [(f.block, f.excerpt) for f in lint_text(text, tmp_path, select="B104")] == [
        (2, "办理程序已经简化许多，审批时限也已缩短过半。")]


def test_title_printed_twice_on_consecutive_lines(tmp_path: Path) -> None:
    text = "县政府办关于印发河道保洁工作规则的通知\n县政府办关于印发河道保洁工作规则的通知\n各乡镇：现印发给你们。"
    assert [(f.block, f.end_block) for f in lint_text(text, tmp_path, select="B104")] == [(1, 1)]
    # a title with its years (no figures to skip), and a page's title printed again under its time line
    dated = "县农业局2024年工作总结及2025年工作安排\n县农业局2024年工作总结及2025年工作安排\n今年全县完成投资2.1亿元。"
    assert [(f.block, f.end_block) for f in lint_text(dated, tmp_path, select="B104")] == [(1, 1)]
    # a page's title over its time line, the document's own title under it: the page's copy is residue (B101), the
    # document's title no repetition to delete
    paged = "县城管局门前三包工作方案\n发布时间:2024-05-06 09:10\n县城管局门前三包工作方案\n全县临街商户实行门前三包。"
    assert [(f.rule, f.block, f.end_block) for f in lint_text(paged, tmp_path, select="B101,B104")] == [("B101", 0, 1)]
    # … nor is it a formula when the page prints it a third time: in the head a repeat is a repeat however often
    thrice = ("当前位置:首页>范文>工作计划\n\n城关镇汛期安全防范工作计划\n\n某某网 人气:2.1W\n\n城关镇汛期安全防范工作计划\n\n城关镇汛期安全防范工作计划\n\n"
              "为做好今年防汛工作，制定本计划。\n一、组织领导\n成立防汛指挥部。\n")
    assert [(f.rule, f.block) for f in lint_text(thrice, tmp_path, select="B104")] == [("B104", 8)]


def test_a_table_pasted_twice_is_one_finding() -> None:
    table = [("六、主要技术指标：", "cell", None), ("（一）主要技术成果", "cell", None),
             ("课题一 照明回路智能设计方法研究与验证", "cell", None),
             ("项目完成后可形成以下成果：", "cell", None), ("序号", "cell", None), ("成果", "cell", None),
             ("1", "cell", None), ("配电原理自动生成软件系统一套，含规则库和计算模块", "cell", None),
             ("2", "cell", None), ("负荷信息解析模块一个，支持多种格式图纸的自动识别", "cell", None)]
    other = [("项目的实施将显著提高设计效率，缩短设计周期，降低人工成本。", "paragraph", None)]
    copy = [("十、主要技术指标：", "cell", None), *table[1:]]
    found = _lint_blocks(table + other + copy, "B104")
    assert [(f.block, f.end_block) for f in found] == [(11, 20)]


def test_a_table_pasted_twice_under_a_label_of_other_decimal_digits() -> None:
    # the leading numeral is dropped before comparing lines, whatever the decimal digits (\\d):
    # a quick strip of 0-9 and 一…十 must not miss a label written in other digits
    table = [("\u0663、主要技术指标：", "cell", None), ("（一）主要技术成果", "cell", None),
             ("配电原理自动生成软件系统一套，含规则库和计算模块", "cell", None),
             ("负荷信息解析模块一个，支持多种格式图纸的自动识别", "cell", None),
             ("照明回路智能设计方法研究与验证工作全部完成", "cell", None),
             ("形成技术标准草案两项并在三个示范工程中应用", "cell", None)]
    other = [("项目的实施将显著提高设计效率，缩短设计周期，降低人工成本。", "paragraph", None)]
    copy = [("\u0664、主要技术指标：", "cell", None), *table[1:]]
    found = _lint_blocks(table + other + copy, "B104")
    assert [(f.block, f.end_block) for f in found] == [(7, 12)]


def test_licence_notice_appended_after_the_text_is_one_finding(tmp_path: Path) -> None:
    text = ("政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n\n本作品在全世界范围内\n进入\n、\n属于\n"
            "，公有领域。\n\n注：社群认为公务演讲不总是官方文件。\n\nPublic domain\nfalse")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.where()[0], f.where()[2]) for f in found] == [(5, 14)]  # physical lines; broken lines are re-joined


def test_dateline_and_newspaper_line_at_the_end_of_a_one_line_report(tmp_path: Path) -> None:
    speech = "同志们：今天召开全县经济工作会议，主要是总结工作、部署任务。" * 12
    text = speech + "（新华社南京6月18日电）《 新华日报 》（ 2022年06月19日 03 版）"
    found = lint_text(text, tmp_path, select="B101")
    # the dateline and the newspaper's line run together: one passage, one finding
    assert [f.excerpt for f in found] == ["（新华社南京6月18日电）《 新华日报 》（ 2022年06月19日 03 版）"]
    # the one-line report keeps its other checks: it is not residue as a whole
    assert lint_text(speech + "会议由×××同志主持。", tmp_path, select="B103") != []


def test_dateline_and_newspaper_line_on_lines_of_their_own_at_the_end(tmp_path: Path) -> None:
    speech = "在全县经济工作会议上的讲话\n同志们：\n" + "今天召开全县经济工作会议，主要是总结工作、部署任务。\n" * 6
    text = speech + "谢谢大家。\n（新华社南京6月18日电）\n《\u3000新华日报\u3000》（\u30002022年06月19日\u300003\u3000版）\n"
    found = lint_text(text, tmp_path, select="B101")
    assert [f.where()[0] for f in found] == [10, 11]
    # the same lines far above the end are quotations, not the page's source lines
    assert lint_text("情况通报\n（新华社南京6月18日电）\n" + "各单位要认真学习领会，抓好贯彻落实。\n" * 20, tmp_path,
                     select="B101") == []


def test_dateline_inside_the_text_is_not_residue(tmp_path: Path) -> None:
    text = "情况通报\n（新华社南京6月18日电）的报道引起广泛关注，各单位要认真学习。\n" + "各单位要认真学习领会，抓好贯彻落实。" * 20
    assert lint_text(text, tmp_path, select="B101") == []


def test_self_reference_with_ben(tmp_path: Path) -> None:
    text = ("州政府办关于印发草原防火工作规则的通知\n我州草原面积广。\n我州加快建设防火站。\n推动本市防火队伍建设。\n本市场主体依法经营。"
            "\n优先选用本乡本土的防火员。")  # 本乡本土: local, no one's name for itself
    found = lint_text(text, tmp_path, select="B106")
    assert [f.excerpt for f in found] == ["本市"]


def test_a_form_used_more_often_than_the_openings_is_not_said_to_be_the_rarer(tmp_path: Path) -> None:
    """结合我乡实际 opens the plan, then 我镇 three times: the message takes the opening's form for the writer's, and
    does not call it the form the text mostly uses; with 我乡 the more used, the usual message."""
    text = ("乡2025年农产品质量安全工作计划\n结合我乡实际，制定本计划。\n完善我镇检测站设备。\n加强我镇农资店检查。\n"
            "提高我镇农产品品牌影响力。\n")
    found = lint_text(text, tmp_path, select="B106")
    assert [f.excerpt for f in found] == ["我镇"] * 3
    assert "开头以“我乡”的口吻起草" in found[0].message and "全文 3 处" in found[0].message
    assert "主要" not in found[0].message
    usual = text.replace("完善我镇", "完善我乡").replace("加强我镇", "加强我乡")
    found = lint_text(usual, tmp_path, select="B106")
    assert [f.excerpt for f in found] == ["我镇"] and "全文主要自称“我乡”（3 处）" in found[0].message


def test_a_body_below_speaks_of_the_bodies_above_as_its_own(tmp_path: Path) -> None:
    # a district's report: 我市 is the city the district belongs to; 我县 would be another county's paragraph
    text = ("区政府班子对照检查情况汇报\n围绕市委部署，着力解决制约我市发展的突出问题。\n我市交给的各项任务全部完成。\n"
            "我区经济运行稳中有进。\n我县乡村振兴取得新进展。")
    assert [f.excerpt for f in lint_text(text, tmp_path, select="B106")] == ["我县"]
    # no title: a superior body named as often as the speaker's own form is no other speaker
    speech = ("同志们：\n今天召开全县经济工作会议。\n省委常委会对今年的工作作出了部署。\n"
              "我县要抓好贯彻落实，确保各项任务落地见效。")
    assert lint_text(speech, tmp_path, select="B106") == []
    # opening lines naming the province the city belongs to before the city (督察组对我省……涉及我市问题): the city
    # speaks; a county's paragraph pasted in is still another speaker
    city = ("关于落实环保督察整改任务情况的报告\n6月，中央督察组对我省开展督察，并向我省反馈了督察意见，涉及我市问题共12项。\n"
            "我市把督察整改作为重要政治任务。\n市委常委会专题研究整改工作。\n")
    assert lint_text(city, tmp_path, select="B106") == []
    assert [f.excerpt for f in lint_text(city + "我县整改任务全部完成。\n", tmp_path, select="B106")] == ["我县"]
    # … or naming the county the town belongs to (××镇……是我县的一个农业大镇): the town speaks
    town = ("××镇安全生产自查报告\n××镇位于县城西南，是我县的一个农业大镇，全镇辖12个行政村。\n"
            "我镇高度重视安全生产工作。\n我镇成立了安全生产领导小组。\n")
    assert lint_text(town, tmp_path, select="B106") == []


def test_the_pieces_of_a_sites_collection_each_speak_for_their_own_unit(tmp_path: Path) -> None:
    """……请示 篇1 / 我镇…… / ……请示 篇2 / 我乡……: two units' documents in one collection, no paste; the same
    voices in one document are."""
    one = "农村公路维修请示 篇1\n我镇公路年久失修，急需维修。\n我镇财力有限。\n"
    two = "农村公路维修请示 篇2\n我乡公路多为砂石路面，亟待硬化。\n"
    assert lint_text(one + two, tmp_path, select="B106") == []
    mixed = one + "我乡公路多为砂石路面，亟待硬化。\n"
    assert [f.excerpt for f in lint_text(mixed, tmp_path, select="B106")] == ["我乡"]


def test_a_paragraph_said_many_times_over_is_no_repeat_per_copy(tmp_path: Path) -> None:
    """A page a converter wrote again and again (its paragraphs said more than max_repeats times) is a formula or a
    converter's, not one B104 per copy; the same paragraph said twice is a repeat."""
    page = "一、基本情况\n（一）工作进展。全年各项任务稳步推进，重点项目按期开工。\n二、下步打算\n"
    assert len(lint_text(page * 6, tmp_path, select="B104")) <= 1
    said = "全年各项统计任务稳步推进，数据质量明显提高。重点项目按期开工，投资完成率达到95%。\n"
    twice = "县统计局工作总结\n" + said + "会议要求抓好落实。\n" + said
    assert [f.rule for f in lint_text(twice, tmp_path, select="B104")] == ["B104"]


def test_star_before_a_click_path_verb_is_a_lost_arrow_not_a_blank(tmp_path: Path) -> None:
    text = "订阅办法\n用手机打开应用*点击服务大厅，进入菜单*选择在线办理。\n紧紧围绕县委*发展思路推进工作。"
    assert [(f.block, f.excerpt) for f in lint_text(text, tmp_path, select="B103")] == [(2, "*")]


def test_one_mark_twice_in_one_paragraph_is_one_finding(tmp_path: Path) -> None:
    found = lint_text("通知\n为落实XXX同志讲话精神，以XXX为指导开展工作。", tmp_path, select="B103")
    assert len(found) == 1 and "共 2 处" in found[0].message and len(found[0].related) == 1


def test_one_line_text_masked_throughout_names_each_blank_once(tmp_path: Path) -> None:
    text = ("关于报送材料的通知各单位：请于5月10日前报送。联系人：XXX，电话：6235XXXX，传真：6235XXXX，"
            "邮箱：XXX@example.cn。会议由XXX主持。")
    found = lint_text(text, tmp_path, select="B103")
    assert [(f.excerpt, len(f.related)) for f in found] == [("XXX", 2), ("XXXX", 1)]
    assert "本段共 3 处" in found[0].message and "电话号码" in found[1].message


def test_a_blank_after_a_year_asks_for_what_follows_it_not_a_number(tmp_path: Path) -> None:
    """……情况报告2024X镇中心学校: the digits before the blank are a year, and 镇 after it says a place is missing; a
    telephone number's masked end (6235XXXX) still asks for a number."""
    found = lint_text("安全隐患排查情况报告2024X镇中心学校2024年春季学期排查隐患12处。\n", tmp_path, select="B103")
    assert len(found) == 1 and "单位或地名" in found[0].message
    found = lint_text("报名咨询\n请拨打值班室6235XXXX咨询。\n", tmp_path, select="B103")
    assert len(found) == 1 and "号码" in found[0].message


def test_a_cadres_profile_line_asks_for_the_place_of_origin_and_the_post(tmp_path: Path) -> None:
    """××，男，汉族，生于19××年×月，xxxx人，现任xxxxxx局长: the blank before 人 after the date of birth is the 籍贯,
    the one after 现任 the body before the post's title (or the body and post); a count of people (xxxx人参加) still
    asks for a number."""
    text = "干部考察材料\n王某，男，汉族，生于1980年5月，xxxx人，现任xxxxxx局长。\n"
    kinds = [f.message for f in lint_text(text, tmp_path, select="B103")]
    assert len(kinds) == 2 and "籍贯" in kinds[0] and "单位或地名" in kinds[1]
    post = "干部考察材料\n王某，男，汉族，生于1980年5月，现任xxxxxx。\n"
    assert "单位和职务" in lint_text(post, tmp_path, select="B103")[0].message
    count = "培训总结\n本次培训共有xxxx人参加。\n"
    assert "数字" in lint_text(count, tmp_path, select="B103")[0].message


def test_joint_contact_label_asks_for_the_name_first(tmp_path: Path) -> None:
    found = lint_text("通知\n联系人及电话：XXX，6235XXXX。", tmp_path, select="B103")
    assert "应填写姓名" in found[0].message


def test_classification_rows_shared_by_two_budget_tables_are_not_a_paste() -> None:
    rows = []
    for code, name, total in [("208", "社会保障和就业支出", "1,281,624"), ("20805", "行政事业单位养老支出", "696,828"),
                              ("2080505", "机关事业单位基本养老保险缴费支出", "464,552"),
                              ("210", "卫生健康支出", "503,724"), ("21011", "行政事业单位医疗保障支出", "503,724"),
                              ("2101101", "行政单位医疗保险缴费支出", "203,120"),
                              ("221", "住房保障支出", "412,000"), ("22102", "住房改革支出", "412,000"),
                              ("2210201", "住房公积金及提租补贴支出", "412,000")]:
        rows += [(code, "cell", 1), (name, "cell", 1), (total, "cell", 1)]
    first = [("收支预算总表", "paragraph", 1), *rows]
    second = [("支出预算表", "paragraph", 2), *[(t, k, 2) for t, k, _ in rows]]
    assert _lint_blocks(first + second, "B104") == []


def test_blank_before_a_government_name_asks_for_a_place(tmp_path: Path) -> None:
    found = lint_text("会议纪要\nXXXX人民政府办公室", tmp_path, select="B103")
    assert "单位或地名" in found[0].message


def test_parallel_descriptions_of_two_items_are_not_a_repeated_passage(tmp_path: Path) -> None:
    # two contracts described in the same words, their figures differing: a parallel
    # description the drafter wrote on purpose, not a passage pasted twice by mistake
    one = ("（一）东区合同共五部分：第一部分共4条，写明了租赁场地的位置和面积约80亩。"
           "第二部分共2条，约定了双方在施工期间的安全责任。第三部分共6条，约定了租金的支付方式和期限。"
           "第四部分共3条，约定了合同到期后的续租办法。")
    two = one.replace("（一）东区", "（二）西区").replace("80亩", "95亩").replace("共6条", "共5条")
    assert lint_text("情况报告\n" + one + two + "\n", tmp_path, select="B104") == []
    # the same passage pasted again unchanged is still reported
    found = lint_text("情况报告\n" + one + one.replace("（一）东区", "（二）西区") + "\n", tmp_path, select="B104")
    assert [f.rule for f in found] == ["B104"]


def test_a_portal_metadata_table_above_the_title_is_one_residue_finding(tmp_path: Path) -> None:
    # the open-information table of a county portal, labels and values on separate lines
    text = ("返回顶部\n\n· 索引号:\n\n  12345678/2023-00042\n· 主题分类:\n\n· 发布机构:\n\n  县水利局\n"
            "· 成文日期:\n\n  2023年05月06日 09:30\n· 有效性:\n\n县水利局关于做好汛前检查的通知\n各乡镇：\n"
            "请于五月底前完成辖区水库、山塘的汛前检查，并将检查情况报县水利局。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(0, 13)]


def test_an_essay_site_header_is_residue(tmp_path: Path) -> None:
    text = ("县文明办工作总结\n\n时间:2022-03-01 08:00:00下载本文作者:会员上传\n简介:文库小编今天推荐几篇同类范文。\n\n"
            "县文明办工作总结\n今年以来，县文明办围绕创建全国文明城市开展了大量工作，取得了明显成效。\n")
    found = lint_text(text, tmp_path, select="B101")
    # the page's title over the site's lines is the page's; the same title under them is the essay's
    assert [(f.block, f.end_block) for f in found] == [(0, 3)]


def test_a_posting_time_with_the_readers_count_is_residue(tmp_path: Path) -> None:
    """An article page prints the time it was posted, to the second, and how many have read it, on a line under the
    title (2024-11-05 10:20:31 1534); a date in figures under a title with nothing but a number is no report's."""
    text = ("在全县防汛工作会议上的讲话\n2024-11-05 10:20:31 1534\n\n同志们：\n今天召开会议，部署今年防汛工作。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(1, 1)]
    assert lint_text("会议安排\n2024-11-05 10:20 1534\n请准时参会。\n", tmp_path, select="B101") == []


def test_an_open_information_table_with_spaced_labels_is_residue(tmp_path: Path) -> None:
    """A portal's table of the document's fields flattened to lines, its labels spaced out to the column's width
    (索 引 号, 分   类, 有 效 性), under the time and the office that posted it: one run, the title above stays."""
    text = ("县应急管理局关于印发防汛抗旱应急预案的通知\n\n2024-03-05 10:00 县应急管理局\n"
            "索 引 号 001122334/2024-00017 发文日期 2024-03-04\n发布机构 县应急管理局 文    号 县应急发〔2024〕3号\n"
            "分   类 政务公开 有 效 性 有效\n\n各乡镇人民政府，县直各部门：\n现将防汛抗旱应急预案印发给你们，请认真组织实施。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(2, 5)]


def test_an_open_information_row_with_a_spaced_label_and_colons_is_residue(tmp_path: Path) -> None:
    """The fields of the table run into one line, the first label spaced to its column (索  引  号:……): residue, and
    the title under it is the document's title (no S105)."""
    text = ("首页 >> 部门目录 >> 县水务局\n"
            "索  引  号:xyz-/2023-0512001 公开范围:公开 发布机关:县水务局 发文字号: 标      题:县防汛应急预案\n\n"
            "县防汛应急预案\n\n1 总则\n为做好防汛工作，制定本预案。\n")
    found = lint_text(text, tmp_path, select="B101,S105")
    assert [(f.rule, f.block, f.end_block) for f in found] == [("B101", 0, 1)]
    # … or as a list of fields, one a line, the title's label spaced too (- 标 题:……)
    listed = "- 索 引 号:xyz-/2023-0512001\n- 发布机构:县水务局\n- 标 题:县防汛应急预案\n- 效力状态:有效\n" + text[text.index("县防汛应急预案\n\n"):]
    found = lint_text(listed, tmp_path, select="B101,S105")
    assert [(f.rule, f.block, f.end_block) for f in found] == [("B101", 0, 3)]


def test_an_article_sites_copyright_notice_under_the_text_is_residue(tmp_path: Path) -> None:
    text = ("县农业局上半年工作总结\n今年以来，全局完成高标准农田建设1.2万亩，粮食播种面积稳定在30万亩。\n"
            "微信扫一扫在手机阅读、分享本文\n版权声明\n作者原创，禁止二次传播，一经发现依法追究。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(2, 4)]


def test_a_starred_year_of_a_model_text_is_a_placeholder(tmp_path: Path) -> None:
    text = "县长在全县农业工作会议上的讲话\n同志们：回顾20*年，全县粮食生产再获丰收。20*年要继续稳定播种面积。今年是20*年以来最好的一年。\n"
    found = lint_text(text, tmp_path, select="B103")
    assert [(f.excerpt, "日期" in f.message, "共 3 处" in f.message) for f in found] == [("*", True, True)]
    assert lint_text("计算说明\n本表按2020年价格计算，面积按3*4=12平方米计。\n", tmp_path, select="B103") == []


def test_model_text_blanks_single_x_figures_and_starred_names(tmp_path: Path) -> None:
    text = ("区林业局工作总结\n全年完成植树造林X万亩，新建林场X个，培训护林员X名。\n"
            "***镇获评全省绿化模范乡镇。\n**乡新建苗圃两处。\n")
    found = lint_text(text, tmp_path, select="B103")
    assert [(f.block, f.excerpt) for f in found] == [(1, "X"), (2, "***"), (3, "**")]
    assert lint_text("设备清单\n购置X光机2台、CT机1台，型号X5的设备3套。\n", tmp_path, select="B103") == []


def test_essay_site_blurb_and_media_centre_footer_are_residue(tmp_path: Path) -> None:
    text = ("本页是小编为大家整理的村委会工作总结，欢迎阅读。\n村委会工作总结\n"
            "今年以来，村委会带领群众修通了村组道路，新建了文化广场，群众满意度明显提高。\n"
            "（来源：某镇 通讯员：张某 一审编辑：李某 终审核发：王某）\n请输入验证码\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(0, 0), (3, 4)]
    news = "村里召开党员大会\n本月初，村党支部召开全体党员大会，部署秋收和防火工作。\n责任编辑：赵某\n供 稿：钱某\n"
    assert [(f.block, f.end_block) for f in lint_text(news, tmp_path, select="B101")] == [(2, 3)]


def test_a_pages_login_box_link_row_and_comment_counter_are_residue(tmp_path: Path) -> None:
    text = ("县民政局关于社区养老的调研报告\n为掌握社区养老现状，调研组走访了五个街道，现将情况报告如下。\n"
            "全县建成社区养老服务站30个，日均服务老人900人次。\n"
            "会员信息\n用户名：\n密  码：\n验证码：\n最近更新\n网友评论（共有 条评论）\n【精选范文】 【投稿须知】【联系我们】\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(3, 9)]
    # labels with their values, and a bracketed heading of a report's own, are content
    kept = ("系统使用说明\n各单位按下列信息登录填报系统，填报截止时间为本月底。\n用户名：单位统一社会信用代码\n"
            "密码：首次登录后修改\n【典型做法】\n某街道推行“时间银行”互助养老，参与志愿者达600人。\n")
    assert lint_text(kept, tmp_path, select="B101") == []
    # over the title, the row may have lost its first bracket
    head = "相关范文】 【投稿须知】【联系我们】\n" + text
    assert [(f.block, f.end_block) for f in lint_text(head, tmp_path, select="B101")] == [(0, 0), (4, 10)]


def test_a_page_in_traditional_characters_is_read_through_their_simplified_forms(tmp_path: Path) -> None:
    # the residue patterns are written in simplified characters; the findings keep the page's own text
    text = ("某市人民政府關於印發實施方案的通知\n發布時間：2023-03-15 09:28\n來源：市政府辦公室\n"
            "各縣市區人民政府：現將實施方案印發給你們，請認真組織實施。\n溫馨提示：本文檔由用戶上傳。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(1, 2), (4, 4)]
    assert "發布時間" in found[0].message


def test_a_traditional_page_glossed_in_pinyin_is_read_without_its_readings(tmp_path: Path) -> None:
    """A content site glosses its traditional characters in pinyin (時(shí)間:): the page's time line is still
    residue; the findings keep the page's own text."""
    text = ("關於農(nóng)村改廁工作的報告\n時(shí)間:2023-03-17 08:14:16 調查報告 我要投稿\n"
            "今年以來(lái),縣委縣政府高度重視農(nóng)村改廁工作,完成改廁一千二百戶。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(1, 1)] and "時(shí)間" in found[0].message


def test_spam_a_hacked_portal_carries_is_residue_wherever_it_stands(tmp_path: Path) -> None:
    text = ("县农业农村局关于做好秋粮收购的通知\n各乡镇：\n日韩精品视频在线观看，一区二区三区免费\n"
            "请各乡镇组织好秋粮收购，确保农民售粮方便。\n")
    assert [f.block for f in lint_text(text, tmp_path, select="B101")] == [2]
    # the same words in a report's own sense
    kept = "县文旅局工作总结\n打造精品视频栏目，全年推出短视频120条。\n市民可在线观看免费直播的文艺演出。\n"
    assert lint_text(kept, tmp_path, select="B101") == []


def test_a_sharing_site_header_over_the_text_is_residue(tmp_path: Path) -> None:
    text = ("村级工作计划(3篇).docxVIP\n\n  • 12\n  • 0\n  • 约4.5千字\n  • 约 8页\n  • 2025-03-02 发布于河南\n  • 举报\n\n"
            "村级工作计划\n为推动本村经济发展，结合实际，制定本计划。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(0, 7)]
    # the same list from a page saved as Markdown: hyphens for bullets, no file name above it
    hyphens = "- 3\n- 0\n- 约2.6千字\n- 约 5页\n- 2025-04-01 发布于湖北\n- 举报\n乡镇党建工作自查报告\n按照要求，我镇开展了自查。\n"
    assert [(f.block, f.end_block) for f in lint_text(hyphens, tmp_path, select="B101")] == [(0, 5)]


def test_a_place_name_masked_with_stars_is_a_placeholder_but_a_bullet_is_not(tmp_path: Path) -> None:
    text = "在全市春耕生产会议上的讲话\n同志们：\n近年来，☆县粮食生产连年丰收，☆☆市也给予了大力支持。\n☆县委要抓好统筹。\n"
    found = lint_text(text, tmp_path, select="B103")
    assert [(f.block, f.excerpt) for f in found] == [(2, "☆"), (2, "☆☆")]  # not the bullet of line 4
    # one star for a figure inside a sentence is a mask too, and counted with the others; between two words it may be
    # a bullet of a list run into one line
    more = text.replace("大力支持。", "大力支持，全市☆个乡镇受益，排名第☆位。")
    found = lint_text(more, tmp_path, select="B103")
    assert [(f.block, f.excerpt) for f in found] == [(2, "☆"), (2, "☆☆")] and "共 3 处" in found[0].message
    run_on = "杂志征订通知★宣传政策的重要载体★交流经验的重要平台★展示形象的重要窗口\n"
    assert lint_text(run_on, tmp_path, select="B103") == []


def test_a_street_starred_out_and_a_figure_left_as_x_after_a_comma_are_placeholders(tmp_path: Path) -> None:
    text = "街道工作总结\n今年来，*街道认真贯彻落实上级部署。\n聚焦信访积案，X个月化解积案12件。\n"
    found = lint_text(text, tmp_path, select="B103")
    assert [(f.block, f.excerpt) for f in found] == [(1, "*"), (2, "X")]
    # a footnote mark after a word, and a letter of a name before a count, are no blanks
    near = "街道工作总结\n全年完成投资12亿元*，同比增长5%。\n引进X射线检测设备2台。\n"
    assert lint_text(near, tmp_path, select="B103") == []


def test_a_name_starred_out_after_a_mark_is_counted_with_the_others(tmp_path: Path) -> None:
    """Every masked name of the paragraph is counted, also those right after 、 or 。 (a list's label, a new
    sentence); a note's star and Markdown emphasis are none."""
    text = ("关于农村电网的调研报告\n片区现有*站、*站两座变电站，负荷偏重。3、*站改造滞后。*站承担全镇供电，目前*站已满载。\n"
            "一、**加强领导**。\n二、数据如下。*注：截至6月底。\n")
    found = lint_text(text, tmp_path, select="B103")
    assert [(f.block, f.excerpt) for f in found] == [(1, "*")] and "共 5 处" in found[0].message


def test_a_figure_left_as_x_before_an_approximate_count_is_a_placeholder(tmp_path: Path) -> None:
    text = "述职报告\n全年开展集中学习X次，撰写心得体会X余篇，调研报告X篇。\n"
    found = lint_text(text, tmp_path, select="B103")
    assert len(found) == 1 and "共 3 处" in found[0].message


def test_circles_typed_as_letters_o_are_a_placeholder(tmp_path: Path) -> None:
    text = "乡政府工作报告\n在ooo乡第八届人民代表大会上，完成ooo公路1.7公里硬化。\n"
    found = lint_text(text, tmp_path, select="B103")
    assert [(f.block, f.excerpt) for f in found] == [(1, "ooo")] and "2 处" in found[0].message
    near = "乡政府工作报告\n全乡推广Google地图和zoo公园项目，编号OO1。\n"
    assert lint_text(near, tmp_path, select="B103") == []


def test_stars_standing_for_a_phrase_inside_a_sentence_are_a_placeholder(tmp_path: Path) -> None:
    text = "工作要点\n坚持以☆☆思想为指导，全面贯彻☆☆精神。\n☆加强学习。\n"
    assert [(f.block, f.excerpt) for f in lint_text(text, tmp_path, select="B103")] == [(1, "☆☆")]


def test_a_year_written_with_circles_is_not_a_placeholder(tmp_path: Path) -> None:
    text = "通知\n请各单位认真遵照执行。\n县人民政府办公室\n二○○八年三月五日\n"
    assert lint_text(text, tmp_path, select="B103") == []
    assert [f.excerpt for f in lint_text("通知\n请○○乡镇于月底前报送。\n", tmp_path, select="B103")] == ["○○"]


def test_a_law_database_page_header_is_residue(tmp_path: Path) -> None:
    text = ("您的位置: 首页 » 法规库 » 地方法规 »\n\n某省河道采砂管理办法\n\n作者:法规库 时间:2023-05-06 10:20:30  浏览:1234\n"
            "下载地址: 点击此处下载\n\n某省河道采砂管理办法\n第一条 为加强河道采砂管理，维护河势稳定，制定本办法。\n")
    found = lint_text(text, tmp_path, select="B101")
    # the page's copy of the title between the breadcrumb and the counters is the page's: one run (the law's own
    # title below them stays)
    assert [(f.block, f.end_block) for f in found] == [(0, 5)]


def _residue_spans(text: str, tmp_path: Path) -> list[tuple[int, int]]:
    """The first and last line (1-based) of each B101 finding on ``text``."""
    return [(f.block + 1, f.end_block + 1) for f in lint_text(text, tmp_path, select="B101")]


@pytest.mark.parametrize(("text", "spans"), [
    # a model-text site's paywall and contact lines after a cut-off speech
    ("在全镇防汛工作会议上的讲话\n同志们：\n今天召开会议，部署防汛工作。\n预览结束，免费获取全文请联系我们！\n"
     "请点击 👉 abc123 👈 联系老师", [(4, 5)]),
    # an article page's toolbar over the text and a government portal's footer under it
    ("县文旅局召开年中工作推进会\n| 来源:【字号:大 中 小】\n7月3日，县文旅局召开年中工作推进会。\n扫一扫在手机打开当前页",
     [(2, 2), (4, 4)]),
])
def test_paywall_toolbar_and_portal_footer_are_residue(tmp_path: Path, text: str, spans: list[tuple[int, int]]) -> None:
    assert _residue_spans(text, tmp_path) == spans


@pytest.mark.parametrize(("text", "spans"), [
    # a news portal's credit line and a repost's original headline over the text, its link to the rest under it
    ("镇里部署秋粮收购工作\n（来源：某市日报）\n原标题：抓好秋粮收购\n10月8日，镇里召开秋粮收购工作会。\n点击查看全文>>",
     [(2, 3), (5, 5)]),
    # a report's own source field names no paper or site: no residue
    ("关于专项资金使用情况的报告\n资金来源：县财政\n全年拨付资金120万元。", []),
])
def test_news_credit_lines_and_article_links_are_residue(tmp_path: Path, text: str, spans: list[tuple[int, int]]) -> None:
    assert _residue_spans(text, tmp_path) == spans


@pytest.mark.parametrize(("text", "spans"), [
    # share buttons and a font switch cut short when the page was copied, over a notice
    ("分享到:\n关于做好秋冬季森林防火工作的通知\n【字体:\n各村（社区）：\n请于十月底前完成防火巡查。", [(1, 1), (3, 3)]),
    # a sharing site's preview: buttons, uploader fields, page counters, the end-of-preview prompt
    ("收藏 分享(赏)\n\n镇防汛简报.docx\n\n上传人:a****b 文档编号:123456 页数:3 大小:20KB\n下载 相关 举报\n"
     "镇防汛简报.docx_第1页\n第1页 / 共3页\n该文档总共3页,全部预览完了,喜欢就下载吧!\n"
     "镇防汛简报\n本周全镇降雨偏多，各村均已落实巡堤人员。", [(1, 9)]),
    # a model-text site's page title, update time, source and hidden-text prompt (the title again under them is the
    # document's), then its greeting line elsewhere
    ("村委会半年工作总结\n更新时间:2023-07\n来源:网友投稿\n---此处隐藏120字,下载后查看---\n"
     "村委会半年工作总结\n上半年，村委会完成了道路硬化工程。", [(1, 4)]),
    ("某某文库,欢迎您!\n\n镇党委理论学习计划\n\n全年安排集中学习十二次。", [(1, 1)]),
    # a breadcrumb written with a colon, a portal's time line and a page-continuation mark
    ("当前位置:首页 > 通知公告\n关于开展消防检查的通知\n时间:2024-03-05 10:20\n各单位：\n"
     "请各单位对照清单逐项检查。\n[接上页]\n请于三月底前完成自查。", [(1, 1), (3, 3), (6, 6)]),
])
def test_page_buttons_preview_prompts_and_site_greetings_are_residue(
        tmp_path: Path, text: str, spans: list[tuple[int, int]]) -> None:
    assert _residue_spans(text, tmp_path) == spans


@pytest.mark.parametrize(("text", "spans"), [
    # a sharing site's notes under its preview and its membership offers, numbered like a list
    ("镇安全生产工作总结.pdfVIP\n1、本文档共3页，可阅读全部内容。\n2、如文档侵犯您的权益，请点击“版权申诉”。\n"
     "3、该文档为VIP文档，成为VIP会员后下载免费。\n镇安全生产工作总结\n今年全镇未发生较大安全事故。", [(1, 4)]),
    # an article site's paywall and login prompt, its widgets as lines of their own, a cut-off bookmark button
    ("在全县防汛工作会议上的讲话\n同志们：\n今天召开会议，部署防汛工作。\n……(某某网省略512字，正式会员可完整阅读)\n"
     "收藏《在全县防汛工作会议上的讲\n(想阅读完全部内容，您需要先登录！)\n分享:\n精选留言\n我要留言\n相关内容\n• 本周热门\n"
     "微信订阅号", [(4, 12)]),
    # a model-text site's greeting, its label over the title and its editor's blurb
    ("欢迎来到某某方案网!\n范文资料:村级道路养护工作方案\n为做好养护工作，小编特意整理了这篇方案，希望对你有所帮助!\n"
     "村级道路养护工作方案\n全村道路每月巡查一次。", [(1, 3)]),
    # a sharing site's terms for a document shown in part, its badge, its picks under the text
    ("VIP专免\n- 1、下载文档前请仔细甄别文档内容，平台不提供修改服务。\n- 2、仅部分预览的文档如有问题，可反馈申请退款。\n"
     "乡镇河长制工作汇报\n全镇共设河长24名。\n为你推荐", [(1, 3), (6, 6)]),
    # a model-text site's breadcrumb from its name, its page title with 范文 after the document's, its name after a bar
    ("某某总结网 > 总结报告范文 > 社区消防安全工作总结优秀范文\n\n社区消防安全工作总结优秀范文\n\n| 某某总结网3\n\n"
     "社区消防安全工作总结优秀范文\n\n社区消防安全工作总结 今年社区共开展消防演练4次，排查隐患12处。", [(1, 7)]),
    # a collection's count over its pieces and the number of the first piece in words
    ("村级河长制典型经验三篇:河长制经验材料\n篇一\n村级河长制工作经验\n全村设立河长6名。", [(1, 2)]),
    # a model-text site's blurb in its shortest form, over the piece
    ("为了做好工作，常常需要预先制定方案，那么方案怎么写呢？下面是小编整理的村级防汛实施方案，供参考。\n"
     "村级防汛实施方案\n全村汛期实行24小时值班。", [(1, 1)]),
    # a collection's count, a page's time field left without its date
    ("《村级财务公开制度范文(汇编3篇)》\n时间:\n村级财务公开制度\n村级财务每季度公开一次。", [(1, 2)]),
])
def test_sharing_site_notes_paywalls_widgets_and_blurbs_are_residue(
        tmp_path: Path, text: str, spans: list[tuple[int, int]]) -> None:
    assert _residue_spans(text, tmp_path) == spans


@pytest.mark.parametrize(("text", "spans"), [
    # a portal's accessibility switches, breadcrumb, bulleted time and source, counters with their values lost
    ("关怀版 无障碍\n您当前所在位置: 首页 > 政务公开\n• 2024-03-05 10:20\n• 来源: 县水利局\n访问量:\n"
     "县水利局关于做好汛前检查的通知\n各乡镇：\n请于四月底前完成汛前检查。", [(1, 5)]),
    # an open-information page's number fields, a sharing site's preview labels and page images
    ("文号: 县政办发〔2024〕5号 成文日期: 2024-03-05\n发布单位: 县政府办\n县政府办公室关于做好春耕工作的通知\n"
     "各乡镇：\n请抓好春耕备耕。", [(1, 2)]),
    ("正文复制\n返回 下载 相关 举报\n镇防汛方案_第1页\n点击查看更多>>\n资源描述\n镇防汛方案\n全镇汛期实行24小时值班。",
     [(1, 5)]),
    # a model-text collection: its count after the title, the number of each piece, the editor's blurb
    ("村级工作总结(精选3篇)\n村级工作总结 篇1\n下面是小编为您分享的村级工作总结3篇，感谢您的参阅。\n"
     "今年全村完成道路硬化两公里。\n第2篇\n村级工作总结\n今年新建文化广场一处。", [(1, 3), (5, 5)]),
    # a portal's buttons one to a line, its metadata row and a law database's record fields
    ("• 设为首页|\n• 加入收藏|\n• 长辈版|\n作者:佚名  来源:县政府网  点击:  时间:2024/5/17\n【时效性】现行有效\n"
     "县政府关于加强河道管理的通知\n各乡镇：\n请做好河道巡查。", [(1, 5)]),
    # a model-text site's labels and uploader line
    ("【概述】\n结合工作需要，某某范文网的会员“12345”为你整理了这篇总结\n【正文】\n街道年度工作总结\n"
     "今年街道完成道路改造三条。", [(1, 3)]),
    # a breadcrumb that lost its home link, bulleted time and publisher, a flattened open-information table with spaced
    # labels, its name and keyword fields
    (">政务频道 >政务公开 >本局文件\n• 时间:2024-05-06 09:10:11\n• 发布:县卫生健康局\n索 引 号: | 0012/2024-5 | 信息分类: |\n"
     "关键词:\n名称: 县卫生健康局关于做好夏季防暑工作的通知\n县卫生健康局关于做好夏季防暑工作的通知\n各医疗机构：\n请做好防暑工作。",
     [(1, 6)]),
    # a portal's font switch with brackets, its fields as a bulleted list without colons, a spaced-out title field,
    # an elder-mode switch
    ("字体大小:【大】 【中】 【小】\n退出长者模式\n• 发文字号 县政字〔2024〕3号\n• 效力状态 有效\n标    题: 县人民政府关于同意设立便民服务站的批复\n"
     "县人民政府关于同意设立便民服务站的批复\n城关镇人民政府：\n你镇的请示收悉。", [(1, 5)]),
    # a sharing site's note under its preview; gambling spam where a hacked portal lost a line
    ("县卫生健康局关于做好夏季防暑工作的通知\n《防暑工作通知.docx》由会员分享，可在线阅读，更多相关《防暑工作》请搜索\n"
     "各医疗机构：\n请做好防暑工作。\nbet 365亚洲版官网卫生健康局", [(2, 2), (5, 5)]),
    # a breadcrumb from the site's name, a menu bar, the site's name, a timestamp with the source beside it
    ("某某公文网 > 文秘写作 > 工作总结 >\n首页 新闻动态 政务公开 办事服务 互动交流\n某某·政务·民生网\n"
     "2023-08-14 10:21:35 | 来源: 某某县政府网\n县农业农村局2023年上半年工作总结\n上半年全县完成粮食播种面积12万亩。", [(1, 4)]),
    # a toolbar one button to a line, the font switch split over lines, a breadcrumb one item to a line
    ("当前位置：\n首页\n>\n政务公开\n下载\n打印\n收藏\n【字号：\n加大\n还原\n减小\n】\n县水利局2024年工作总结\n"
     "今年全县完成水利投资3.2亿元，同比增长12%。", [(1, 11)]),  # one run; the loader joins 】 to 减小
    # an archive's header over a saved page: its title and column fields, its note and rule
    ("标题: 县水利局2024年工作总结\n发布时间: 2025-01-10 09:00\n栏目: 年度计划\n页面链接与图片详见 links.tsv(同目录)\n"
     "========== 正文 ==========\n县水利局2024年工作总结\n今年全县完成水利投资3.2亿元，同比增长12%。", [(1, 5)]),
    # a widget with a dash for its bullet, the site's blurb in its own name, an uploader line
    ("- 相关推荐\n网友 分享 时间:\n前言:本站为你精心整理了防汛工作方案范文,希望能为你的创作提供参考价值。\n"
     "镇防汛工作方案\n全镇汛期实行24小时值班。", [(1, 3)]),
    # a portal's font switch with its buttons doubled, a share label, a sharing site's description label with a colon
    ("【字号: 大 中 小 收藏收藏 打印打印\n• 分享到:\n资源描述:\n县水利局2024年工作总结\n今年全县完成水利投资3.2亿元。", [(1, 3)]),
    # a blurb without the editor, a site's note on the kind of sample in brackets
    ("以下是为大家整理的关于防汛工作的总结2篇 , 欢迎大家参考查阅!\n(总结型范文:层次清楚,适合年底上报)\n县水利局防汛工作总结\n"
     "今年汛期全县未发生重大险情。", [(1, 2)]),
    # a sharing site's file name over the document's own title
    # a sharing site's download help under the text
    ("县水利局防汛工作总结\n今年汛期全县未发生重大险情。\n如果您无法下载资料,请参考说明:\n1、部分资料下载需要金币,请确保账户上有足够的金币\n"
     "2、已购买过的文档,再次下载不重复扣费", [(3, 5)]),
])
def test_portal_toolbars_fields_and_preview_labels_are_residue(
        tmp_path: Path, text: str, spans: list[tuple[int, int]]) -> None:
    assert _residue_spans(text, tmp_path) == spans


def test_a_pages_counters_editor_and_comment_box_at_its_foot_are_residue(tmp_path: Path) -> None:
    text = ("村级道路养护工作方案\n全村道路每月巡查一次，发现问题及时修复。\n浏览次数:  更新时间:2023-06-01 09:12:30\n"
            "网站编辑\n网友评论《村级道路养护工作方案》\n评论功能已关闭")
    assert _residue_spans(text, tmp_path) == [(3, 6)]
    # the same words in the body's sentences: 更新时间 and 评论 as the text's own subject
    body = ("关于做好网站维护的通知\n各科室：\n网站编辑要每周核对更新时间，发现错误及时改正。\n"
            "发表评论须遵守平台规定，网友评论由专人审核。\n特此通知。")
    assert lint_text(body, tmp_path, select="B101") == []


def test_a_model_text_sites_blurb_in_sentences_does_not_end_the_page_head(tmp_path: Path) -> None:
    # the blurb has commas like a sentence of the body: the piece number after it is still the page's head
    text = ("村级工作总结12篇\n简介:小编为你整理了多篇相关的《村级工作总结》,但愿对你有帮助,欢迎阅读。\n"
            "第一篇:村级工作总结\n今年全村完成道路硬化两公里，新建文化广场一处。")
    assert _residue_spans(text, tmp_path) == [(1, 3)]


def test_site_widget_words_inside_sentences_are_not_residue(tmp_path: Path) -> None:
    text = ("关于做好政务公开工作的通知\n各科室：\n请在门户网站“相关内容”栏目发布本单位文件，并附查看全文的链接。\n"
            "会员单位可登录平台查看年度报告。\n访问量统计和无障碍改造由信息中心负责，文号：按年度编排。\n"
            "会议时间：5月6日上午，地点：县政府三楼会议室。\n本篇共分三个部分，第1篇为总则。\n特此通知。")
    assert lint_text(text, tmp_path, select="B101") == []


def test_words_of_the_residue_prompts_inside_ordinary_sentences_are_not_residue(tmp_path: Path) -> None:
    text = ("关于规范信息发布的通知\n各科室：\n会议时间：2024年3月5日上午9时。\n"
            "对外发布的信息须经分管领导审核，不代表个人意见的表述要准确。\n请将检查大小问题清单报办公室。\n")
    assert lint_text(text, tmp_path, select="B101") == []


def test_a_line_of_the_head_that_names_a_sample_text_it_asks_for_is_not_residue(tmp_path: Path) -> None:
    """A head line that ends in 范文 is a site's page title; a notice's own short line asking for one is not."""
    text = "关于征集优秀作文的通知\n各学校：\n请各校推荐优秀作文范文\n于5月底前报送教育局。\n"
    assert lint_text(text, tmp_path, select="B101") == []


def test_scanning_a_code_in_the_body_is_not_residue(tmp_path: Path) -> None:
    text = "关于推行电子会签的通知\n各科室：\n参会人员请用手机扫一扫会议室门口的二维码签到，会后在手机上打开议程查看。\n特此通知。"
    assert lint_text(text, tmp_path, select="B101") == []


@pytest.mark.parametrize(("text", "spans"), [
    # a portal's breadcrumb whose link arrows start their own lines, the home link alone above them
    ("首页\n-> 新闻中心 -> 通知公告\n关于做好冬季供暖保障工作的通知\n各街道办事处：\n请做好供暖保障工作。", [(1, 2)]),
    # the name line of a model-text site over a speech
    ("在全乡春耕生产动员会上的讲话\n某某范文网\n同志们：\n今天召开会议，部署春耕生产。", [(2, 2)]),
    # … and a login link alone over the title
    ("登录\n在全乡春耕生产动员会上的讲话\n某某范文网\n同志们：\n今天召开会议，部署春耕生产。", [(1, 1), (3, 3)]),
])
def test_breadcrumb_lines_and_a_model_text_site_name_at_the_head_are_residue(
        tmp_path: Path, text: str, spans: list[tuple[int, int]]) -> None:
    assert _residue_spans(text, tmp_path) == spans


def test_a_template_year_with_an_x_for_its_last_digit_is_a_placeholder(tmp_path: Path) -> None:
    text = "县财政局工作总结\n201x年，我局认真落实各项工作，2019年完成预算编制，编号AX2023年度不变。\n"
    found = lint_text(text, tmp_path, select="B103")
    assert len(found) == 1 and found[0].start == 3  # the x of 201x年 only
    assert "日期" in found[0].message
    # … in a document number's year too, spaced as a template sets it (〔 201X 〕6号): each x counted
    numbered = "县委组织部通知\n根据《关于开展 201X 年度培训的通知》（某组发〔 201X 〕6号）要求，现作安排。\n"
    found = lint_text(numbered, tmp_path, select="B103")
    assert len(found) == 1 and "共 2 处" in found[0].message


def test_a_lone_x_an_elided_name_and_a_times_sign_before_a_unit_are_placeholders(tmp_path: Path) -> None:
    text = ("县委召开专题会议\n副县长 x 同志出席会议，x 名委员参加。\n在县委领导下，〔...〕镇认真抓好落实。\n"
            "不到×个月时间里，共整改问题20个。")
    found = [(f.block, f.excerpt, "姓名" in f.message) for f in lint_text(text, tmp_path, select="B103")]  # kind: 具体内容
    assert found == [(1, "x", False), (2, "〔...〕", False), (3, "×", False)]
    # a lone x between spaces for a body's name (根据 x 局党组要求): a blank whatever word follows it
    body = "关于召开支部会议的通知\n根据 x 局党组要求，定于下周召开 x 支部会议。\n"
    assert [(f.excerpt, f.line) for f in lint_text(body, tmp_path, select="B103")] == [("x", 2)]
    # a letter in a formula, a product of numbers and an ellipsis inside a quotation are no blanks
    near = "场地面积按长 x 宽计算，为3 x 4米。\n他引用了古人的话（……），说明了道理。"
    assert lint_text("关于场地测量的说明\n" + near, tmp_path, select="B103") == []


def test_underscores_of_a_fill_in_line_are_a_blank(tmp_path: Path) -> None:
    text = "县安全生产工作会议讲话\n县委、县__决定今天召开全县安全生产工作会议，会议由____主持。\n"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="B103")] == ["__", "____"]
    # underscores inside a name of letters and digits (a file or a variable) are no blank
    names = "关于上报数据的通知\n请将表格命名为county_2024_report.xlsx，脚本入口为__main__。\n"
    assert lint_text(names, tmp_path, select="B103") == []


def test_a_blank_before_a_title_asks_for_a_name(tmp_path: Path) -> None:
    """xxx局长 wants a name though 局 begins a body's name too; xx县委 wants a place."""
    found = lint_text("县安全生产工作总结\n会议由县安监局xxx局长主持，xx县委书记出席。\n", tmp_path, select="B103")
    assert ["姓名" in f.message for f in found] == [True, False]
    assert "单位或地名" in found[1].message


def test_clause_spaces_are_the_characters_of_backslash_s() -> None:
    # B104's clause pattern spells \s out for speed: it must hold exactly the whitespace of str.isspace
    import re

    from reportlint.checks.boilerplate import _SPACES
    spaces = re.compile(f"[{_SPACES}]")
    assert [ch for ch in map(chr, range(0x110000)) if spaces.fullmatch(ch)] == \
        [ch for ch in map(chr, range(0x110000)) if ch.isspace()]


@pytest.mark.parametrize("text", [
    "会议要求，加强组织领导，加强组织领导，压实工作责任。",
    "热点问题、难点问题热点问题、难点问题热点问题、难点问题",  # three copies: finditer goes on after the first
    "哈" * 30 + "。" + "（一）（一）（一）（一）",  # runs of one character: the shortest length wins
    "一二三四五六七\n" * 3 + "一二三四五",  # a line break inside the passage: no match there
    "ab加强组织领导ab加强组织领导" + "，落实责任制度" * 3 + "x" * 90 + "全面推进乡村振兴" * 2,
])
def test_doubled_matches_are_those_of_the_regular_expression(text: str) -> None:
    # B104 finds passages written twice from repeated 5-grams instead of running _DOUBLED:
    # every window must give exactly the matches of _DOUBLED.finditer
    from reportlint.checks.boilerplate import _DOUBLED, _doubled_matches
    for lo in range(0, len(text), 3):
        for hi in range(lo, len(text) + 1, 7):
            assert _doubled_matches(text, lo, hi) == [m.span() for m in _DOUBLED.finditer(text, lo, hi)]


def _doubled_in_a_row_plainly(text: str) -> list[tuple[int, int]]:
    """The spec of B104's search for a passage written twice in a row: each pair of equal
    clauses at most 8 clauses apart opens a window, searched by _DOUBLED itself; a copy of 8 Chinese characters, or
    of 5 that ends a sentence."""
    from reportlint.checks.boilerplate import _CLAUSE, _DOUBLED, _HAN, _NUMERALS, _PROSE, _SHORT_SENTENCE
    out: list[tuple[int, int]] = []
    last: dict[str, int] = {}
    starts: list[int] = []
    done = -1
    for i, m in enumerate(_CLAUSE.finditer(text)):
        starts.append(m.start())
        j = last.get(m.group())
        last[m.group()] = i
        if j is None or i - j > 8 or m.start() < done:
            continue
        for found in _DOUBLED.finditer(text, max(0, starts[j] - 80), min(len(text), m.end() + 80)):
            start, end = found.span()
            unit = text[start:(start + end) // 2]
            han = len(_HAN.findall(unit))
            if start >= done and _PROSE.search(unit) and (han >= 8 or (han >= _SHORT_SENTENCE and unit[-1] in "。！？")) \
                    and not (unit[-1] in _NUMERALS and text[start - 1:start] in _NUMERALS):
                done = end
                out.append((start, end))
    return out


def test_doubled_passages_found_over_the_windows_union_are_those_of_each_window() -> None:
    # _doubled_in_a_row finds the shortest passage written twice at each place once over
    # the union of its windows: random paragraphs of repeated clauses must give the spans
    # of the plain search window by window
    import random

    from reportlint.checks.boilerplate import _doubled_in_a_row, _doubled_matches, _shortest_doubles
    rnd = random.Random(104)
    words = ["加强组织领导", "压实工作责任", "落实", "哈哈", "全面推进乡村振兴", "一二三四五", "（一）", "x", "\n"]
    marks = ["，", "、", "。", "；", "", " ", "（", "“"]
    for _ in range(600):
        text = "".join(rnd.choice(words) + rnd.choice(marks) for _ in range(rnd.randint(1, 40)))
        for _ in range(rnd.randint(0, 3)):  # passages written twice in a row
            a = rnd.randrange(len(text))
            b = min(len(text), a + rnd.randint(3, 60))
            text = text[:b] + text[a:b] + text[b:]
        assert list(_doubled_in_a_row(text)) == _doubled_in_a_row_plainly(text), text
        lo, hi = sorted(rnd.sample(range(len(text) + 2), 2))
        inner = rnd.randint(lo, hi), rnd.randint(lo, hi)
        shortest = _shortest_doubles(text, lo, hi)
        assert _doubled_matches(text, min(inner), max(inner), shortest) == \
            _doubled_matches(text, min(inner), max(inner)), text


def _split_plainly(ctx: object) -> tuple[list[str], list[list[str]], list[str], set[int]]:
    """The spec of B104's _split: each line normalised on its own (sentence ends kept, then made 。),
    split at the ends, and the blocks whose clauses (spelt out here as B104 has always read them) repeat."""
    import re

    from reportlint.checks.boilerplate import _SPACES, _normalised_lines, _sentences_of_lines
    clause = re.compile("[^，、；。：,;:“”‘’（）()《》！？!?" + _SPACES + "]{2,}")
    lines = _normalised_lines(ctx)  # type: ignore[arg-type]
    pieces = _sentences_of_lines(lines)
    if len(lines) == len(ctx.body.text.split("\n")):  # type: ignore[attr-defined]
        lines = ["。".join(p) for p in pieces]
    echoed = set()
    for i, b in enumerate(ctx.doc.blocks):  # type: ignore[attr-defined]
        found = clause.findall(b.text)
        if len(found) != len(set(found)):
            echoed.add(i)
    return lines, pieces, list(map("".join, pieces)), echoed


def test_sentences_and_clauses_split_over_the_whole_text_are_those_of_each_line() -> None:
    # _split normalises the joined text with str.replace and splits clauses at spaces: random
    # paragraphs of every kind of punctuation, space and character width must give what each
    # line gives on its own
    import random
    from types import SimpleNamespace

    from reportlint.checks.boilerplate import _split
    from reportlint.model import Block, Document
    from reportlint.scan import Body
    rnd = random.Random(20)
    alphabet = ["加强", "组织", "领导", "责任", "落实", "a", "B", "7", "０", "Ａ", "ｚ", "＃", "＿",
                *"。！？!?；;，、：,:“”‘’（）()《》—…·【】〔〕-_/\"'", " ", "\t", "\u3000", "\xa0", "\r", "\u2003", "\x1c"]
    for n in range(400):
        texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(rnd.randint(1, 8))]
        texts = [t + t[: rnd.randint(0, len(t))] for t in texts]  # clauses written twice
        if n % 20 == 0:
            texts[0] += "\n加强组织"  # a block with a line break inside
        doc = Document(path="x.txt", blocks=tuple(Block(i, t) for i, t in enumerate(texts)))
        ctx = SimpleNamespace(doc=doc, body=Body(doc.blocks))
        assert tuple(_split(ctx)) == _split_plainly(ctx), texts  # type: ignore[arg-type]


def _worth_comparing_plainly(pieces: list[list[str]], ended: list[str], minimum: int, most: int, others: list[int],
                             formulaic: object) -> set[str]:
    """The spec of B104's _worth_comparing, counting the lines that hold each sentence one by one."""
    from collections import Counter

    from reportlint.checks.boilerplate import _comparable
    in_lines = Counter(k for p in pieces for k in set(p))
    as_whole = Counter(ended)
    long = [k for k in in_lines if len(k) >= minimum]
    shared = {k for k in long if in_lines[k] > 1}
    for p in pieces:
        shared.update(k for k, n in Counter(p).items() if n > 1 and len(k) >= minimum)
    shared.update(k for k, n in as_whole.items() if n > 1)
    line_of = {k: i for i, k in enumerate(ended)}
    shared.update(k for k in set(as_whole) & set(long) - shared if k not in pieces[line_of[k]])
    heads = Counter(k[:minimum] for k in long)
    tails = Counter(k[-minimum:] for k in long)
    sharing = {k for k in long if heads[k[:minimum]] > 1 or tails[k[-minimum:]] > 1}
    shared |= sharing
    frequent = [k for k in shared if in_lines[k] > most and len(k) >= minimum and k not in sharing
                and (k not in as_whole or (as_whole[k] == 1 and k in pieces[line_of[k]]))]
    elsewhere = Counter(k for i in others for k in set(pieces[i]))
    shared.difference_update(k for k in frequent if in_lines[k] - elsewhere[k] > most
                             and _comparable(k, formulaic))  # type: ignore[arg-type]
    return {k for k in shared if len(k) >= min(8, minimum)}


def test_keys_worth_comparing_counted_over_the_document_are_those_counted_line_by_line() -> None:
    # _worth_comparing counts sentences over the whole document and the lines holding them
    # only for the frequent ones: random documents of few distinct sentences (repeated in
    # one line, over lines, as whole lines, sharing heads and tails) must give the plain count
    import random

    from reportlint.checks.boilerplate import _worth_comparing
    rnd = random.Random(104)
    stems = ["全面加强基层党组织建设工作", "切实落实安全生产主体责任制度", "持续推进乡村振兴战略实施", "加强", "12345678901234567890"]
    for _ in range(500):
        minimum, most = rnd.choice([(4, 1), (8, 2), (12, 2), (20, 3)])
        sentences = [rnd.choice(stems) + rnd.choice(["", "要求", "切实落实安全生产", "全面加强"]) for _ in range(6)]
        pieces = [[rnd.choice([*sentences, ""]) for _ in range(rnd.randint(1, 4))] for _ in range(rnd.randint(1, 12))]
        ended = ["".join(p) for p in pieces]
        others = sorted(rnd.sample(range(len(pieces)), rnd.randint(0, len(pieces))))
        assert _worth_comparing(pieces, ended, minimum, most, others, None) == \
            _worth_comparing_plainly(pieces, ended, minimum, most, others, None), (pieces, minimum, most, others)


def _repeat_units_plainly(ctx: object, lines: list[str], pieces: list[list[str]], ended: list[str], shared: set[str],
                          echoed: set[int], minimum: int) -> list[tuple]:
    """The spec of B104's _repeat_units: every block read in turn, the ones without a shared key skipped."""
    from reportlint.checks.boilerplate import _LABEL_LIKE, _TEMPLATE, _comparable
    from reportlint.textutil import strip_label
    out = []
    for b, line, parts, key in zip(ctx.doc.blocks, lines, pieces, ended, strict=True):  # type: ignore[attr-defined]
        if len(line) < 8 or b.index in ctx.residue:  # type: ignore[attr-defined]
            continue
        every = b.index in echoed
        if not every and shared.isdisjoint(parts) and key not in shared:
            continue
        if b.kind == "cell":
            kind, keys = "cell", [key] if len(key) >= minimum and _LABEL_LIKE.search(b.text) else []
        elif len(parts) == 1 and not _LABEL_LIKE.search(strip_label(b.text.strip())):
            keys, kind = [line], "label"
        else:
            keys, kind = [p for p in parts if p], "prose"
        whole = "".join(keys)
        blanks = _TEMPLATE.search(whole) is not None
        if blanks:
            whole = ""
        shortest = 8 if kind == "label" else minimum
        if every:
            every = (kind == "prose" and len(whole) >= minimum) or any(
                len(k) >= shortest and _comparable(k, None, blanks) for k in keys)
        keys = [k if len(k) >= shortest and k in shared and _comparable(k, None, blanks) else "" for k in keys]
        if kind != "prose":
            whole = whole if keys and keys[0] else ""
        if every or any(keys) or len(whole) >= minimum:
            out.append((b, keys, kind, whole))
    return out


def test_repeat_units_chosen_in_c_are_those_read_one_by_one() -> None:
    # _repeat_units reads only the blocks with a shared key or a clause seen twice, found by
    # map over the lines: random documents must give the units of the plain loop over every block
    import random
    from types import SimpleNamespace

    from reportlint.checks.boilerplate import _repeat_units, _split
    from reportlint.model import Block, Document
    from reportlint.scan import Body
    rnd = random.Random(8)
    sentences = ["全面加强基层党组织建设工作", "切实落实安全生产主体责任", "XX县推进乡村振兴战略实施", "加强"]
    for _ in range(300):
        texts = ["，".join(rnd.choice(sentences) for _ in range(rnd.randint(1, 3))) + rnd.choice(["。", "", "；加强。"])
                 for _ in range(rnd.randint(1, 10))]
        doc = Document(path="x.txt", blocks=tuple(Block(i, t, kind=rnd.choice(["paragraph", "cell", "heading"]))
                                                  for i, t in enumerate(texts)))
        ctx = SimpleNamespace(doc=doc, body=Body(doc.blocks), residue=frozenset(rnd.sample(range(len(texts)), 1)))
        lines, pieces, ended, echoed = _split(ctx)  # type: ignore[arg-type]
        shared = {k for k in {*ended, *(k for p in pieces for k in p)} if rnd.random() < 0.3}
        assert list(_repeat_units(ctx, lines, pieces, ended, shared, echoed, 12, None)) == \
            _repeat_units_plainly(ctx, lines, pieces, ended, shared, echoed, 12), texts  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "县委召开会议，研究部署相关工作。\n一是加强领导，第一季度完成。",  # 第 but neither anchor's match
    "收入增长12%，未2024年第3次党委会议材料之一通过后实施。\n第3页共5页",  # the fused header and a page line
    "主要工作）—3—者，推进落实。\n全年第 2 页，共 9 页的表格",
    "",
])
def test_page_numbers_found_with_the_branches_whose_anchor_occurs_are_those_of_the_whole_set(text: str) -> None:
    # B102 drops the fused-page branches whose anchor (第, 材料之) is absent before scanning: the
    # matches must be those of the whole set
    import tomllib

    from reportlint.checks.boilerplate import _present_branches
    from reportlint.model import Block
    from reportlint.scan import Body, pattern_set
    rules = tomllib.loads((Path(__file__).parents[1] / "rules" / "boilerplate.toml").read_text(encoding="utf-8"))
    patterns = tuple(rules["B102"]["params"]["inline_patterns"])
    body = Body(tuple(Block(i, t) for i, t in enumerate(text.split("\n"))))
    whole = [(b.index, m.span()) for b, _, m in body.finditer(pattern_set(patterns))]
    assert [(b.index, m.span()) for b, _, m in body.finditer(_present_branches(patterns, body.text))] == whole
    assert whole or "材料之" not in text


def test_a_forwarded_documents_title_cited_in_the_notice_is_no_repeat(tmp_path: Path) -> None:
    title = "县农业农村局、县财政局关于做好全县高标准农田建设项目管理工作的实施意见"
    text = (f"县政府办公室转发县农业农村局县财政局实施意见的通知\n各乡镇人民政府：\n《{title}》已经县政府同意，现转发给你们，"
            f"请认真贯彻执行。\n县政府办公室\n2024年5月6日\n{title}\n为加强项目管理，提出如下意见。\n")
    assert lint_text(text, tmp_path, select="B104") == []
    # the same sentence pasted twice is still reported
    twice = text + "为加强高标准农田建设项目管理，确保工程质量，现提出如下意见。\n" * 2
    assert [f.rule for f in lint_text(twice, tmp_path, select="B104")] == ["B104"]


def test_a_single_x_before_a_place_and_words_masked_with_pinyin_initials(tmp_path: Path) -> None:
    text = ("县水利局工作总结\n今年完成1个X水库的除险加固，为 X书库配备消防设施。\n"
            "坚决扛起粮食安全ZZ责任，深入学习X的二十大精神，始终与D中央保持高度一致。\n")
    found = [(f.excerpt, "遮盖词语" in f.message) for f in lint_text(text, tmp_path, select="B103")]
    assert found == [("X", False), ("ZZ", True), ("X", True), ("D", True)]
    plenum = "县委中心组学习情况报告\n认真学习X的二十届四中全会精神，用X的创新理论武装头脑，坚持D的全面领导。\n"
    masked = lint_text(plenum, tmp_path, select="B103")
    assert [f.excerpt for f in masked] == ["X", "D"] and "共 2 处" in masked[0].message


def test_party_words_masked_with_an_x_and_a_congresss_number_left_as_x(tmp_path: Path) -> None:
    """镇X委, 全体X员, X支部 (党 masked), x近平 (习 masked): one finding asking for the words; 党的十x大: a number
    left blank. X光 and X射线 stay names."""
    text = ("村党支部工作总结\n在镇X委领导下，全体X员认真学习x近平总书记来村考察时的讲话，X支部按时召开组织生活会。\n"
            "深入学习党的十x大精神，为卫生室配备X光机。\n")
    found = lint_text(text, tmp_path, select="B103")
    assert [(f.excerpt, "遮盖词语" in f.message) for f in found] == [("X", True), ("x", False)]
    assert "本段共 4 处" in found[0].message


def test_letters_that_name_things_are_not_placeholders(tmp_path: Path) -> None:
    text = ("县卫健委工作总结\n为乡镇卫生院配备X光机和X射线防护设备，新评AAA级景区一处，鉴定D级危房十二户，A股上市企业两家。\n"
            "ZZ-2024型设备运行正常。\n")
    assert lint_text(text, tmp_path, select="B103") == []


def test_a_crawlers_header_and_a_footer_of_markdown_links_are_residue_whole(tmp_path: Path) -> None:
    """A crawler's header over the saved page (**检索时间**, **检索关键词** with its commas, the rule ---) is the page's
    head to its end; under the text, lines made only of Markdown links and a footer's 通信地址 join the footer."""
    text = ("# 某某区关于做好冬季用电安全工作的通知\n\n**发布日期**: 2025-11-03\n**发布机构**: 某某区发展改革委\n"
            "**检索时间**: 2026-01-05 09:12:40\n**检索关键词**: 用电, 安全, 冬季\n\n---\n\n"
            "各街道、镇：\n为做好冬季用电安全工作，特通知如下。\n一、全面排查隐患。各街道于12月底前完成排查。\n"
            "二、加强值班值守。\n扫一扫在手机打开当前页\n- [某某市人民政府](http://www.example.gov.cn/)\n"
            "[联系我们](https://www.example.gov.cn/lxwm/) \\| [网站地图](https://www.example.gov.cn/wzdt/)\n"
            "通信地址：某某区某某路1号\n主办单位: 某某区发展改革委\n网站标识码：3101150001\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.line, f.end_line) for f in found] == [(3, 8), (14, 19)]


def test_b101_patterns_read_anywhere_keep_a_first_character_filter() -> None:
    """B101's ``patterns`` and ``tail_patterns`` are searched over every report: one pattern that may begin at any
    character (a line opening with \\S{1,12}, say) takes the set's first-character filter away and ``re`` then tries
    every pattern at every character (a batch once took nearly twice its instructions per file)."""
    import re
    import tomllib

    from reportlint.scan import first_chars, top_level_branches

    params = tomllib.loads((Path(__file__).resolve().parents[1] / "rules" / "boilerplate.toml").read_text(
        encoding="utf-8"))["B101"]["params"]
    assert first_chars("|".join(f"(?:{p})" for p in params["tail_patterns"]), re.MULTILINE) is not None
    # ``patterns`` are scanned as two sets (``residue._anywhere``): the alternatives that open with ^, which ``re``
    # tries at line starts alone, and the others, which need the filter
    rest: list[str] = []
    for p in params["patterns"]:
        branches = top_level_branches(p)
        rest += [p] if branches is None else [b for b in branches if not b.startswith("^")]
    assert first_chars("|".join(f"(?:{b})" for b in rest), re.MULTILINE) is not None


def test_a_grid_companys_letterhead_and_a_comparison_are_no_residue(tmp_path: Path) -> None:
    text = ("国家电网\n国网某某供电公司关于做好迎峰度夏工作的通知\n各单位：\n"
            "负荷预测显示：用电 > 供电 > 储备，请提前做好准备。")
    assert lint_text(text, tmp_path, select="B101") == []


def test_a_paywall_marker_inside_a_word_is_reported_where_it_stands(tmp_path: Path) -> None:
    text = "支部党员大会主持词\n下面，请支部书记通报本年度组##paidbegin##织生活会召开情况。\n请大家认真准备。"
    found = lint_text(text, tmp_path, select="B101,T105")
    assert [(f.rule, f.block, f.excerpt) for f in found] == [("B101", 1, "##paidbegin##")]
    assert "付费阅读" in found[0].message


FRONT = ("---\ntitle: 县交通运输局关于开展道路运输企业核查工作的通知\n文号: 县交发〔2024〕12号\n发布日期: 2024-03-05\n"
         "tags:\n  - 通知\n---\n\n> 本文正文由脚本自县政府网公开页面提取，仅供检索查阅；以官方链接发布版本为准。\n\n"
         "# 县交通运输局关于开展道路运输企业核查工作的通知\n\n各乡镇：\n请于3月底前完成核查。\n")


def test_a_scrapers_front_matter_and_note_over_a_text_file_are_residue(tmp_path: Path) -> None:
    found = lint_text(FRONT, tmp_path, select="B101,S105")
    assert [(f.rule, f.block + 1, f.end_block + 1) for f in found] == [("B101", 1, 9)]  # the title is found below


def test_a_markdown_files_front_matter_is_its_metadata(tmp_path: Path) -> None:
    # a site generator's metadata over a Markdown draft: no text of the report, and nothing to delete
    found = lint_text(FRONT.replace("\n> 本文正文由脚本自县政府网公开页面提取，仅供检索查阅；以官方链接发布版本为准。\n", ""),
                      tmp_path, select="B101,S105,T103", name="doc.md")
    assert found == []


def test_a_rule_line_over_text_is_no_front_matter(tmp_path: Path) -> None:
    from reportlint.loaders.text import front_matter

    assert front_matter(["---", "县交通运输局关于开展核查工作的通知", "---"]) == 0  # a line of text between rules
    assert front_matter(["---", "title: 通知", "没有结束的元数据"]) == 0
    assert front_matter(["---", "title: 通知", "---", "正文"]) == 3


def test_a_letter_the_text_defines_as_a_term_of_a_formula_is_no_blank(tmp_path: Path) -> None:
    text = ("县城市体检工作方案\n全县建立“40+N+X”的指标体系。N是市级新增指标，X是县级新增指标。\n"
            "另由X县负责牵头。\n")
    assert lint_text(text, tmp_path, select="B103") == []
    blank = "县城市体检工作方案\n全县建立城市体检指标体系，由X县负责牵头。\n"
    assert [f.excerpt for f in lint_text(blank, tmp_path, select="B103")] == ["X"]


def test_a_saved_pages_markdown_navigation_and_bold_fields_are_residue(tmp_path: Path) -> None:
    text = ("---\nid: P_2024_01\ntitle: 县水利局关于做好汛前检查的通知\n---\n# 县水利局关于做好汛前检查的通知\n\n"
            "**发布日期**: 2024-03-05\n**来源**: [https://www.example.gov.cn/a.html](https://www.example.gov.cn/a.html)\n\n"
            "1. [首页](https://www.example.gov.cn/index.html \"首页\")\n2. [政务公开](https://www.example.gov.cn/zwgk.html \"\")\n"
            "![](https://www.example.gov.cn/banner.png)\n\n各乡镇：\n请于4月底前完成汛前检查。\n")
    found = lint_text(text, tmp_path, select="B101,T103,B103")
    assert [(f.rule, f.block + 1, f.end_block + 1) for f in found] == [("B101", 1, 4), ("B101", 7, 12)]


def test_a_paragraph_repeated_after_other_text_of_its_part_is_a_repeat(tmp_path: Path) -> None:
    text = ("竞赛方案\n（一）团体赛\n以单位为单位报名参赛，每队3人。\n设一等奖1名、二等奖2名、三等奖3名，另设优秀组织奖若干。\n"
            "（二）个人赛\n设一等奖1名、二等奖2名、三等奖3名，另设优秀组织奖若干。\n")
    assert [f.block + 1 for f in lint_text(text, tmp_path, select="B104")] == [6]


def test_a_slot_in_the_quoted_form_of_a_title_to_write_is_no_blank(tmp_path: Path) -> None:
    text = "社区角色晋升规则\n由现任委员提名，以标题“[VOTE] New Committer xxx”发送邮件至委员会邮箱。\n"
    assert lint_text(text, tmp_path, select="B103") == []
    blank = "社区角色晋升规则\n由现任委员提名xxx，发送邮件至委员会邮箱。\n"
    assert [f.excerpt for f in lint_text(blank, tmp_path, select="B103")] == ["xxx"]


@pytest.mark.parametrize("line", ["作品发送至指定邮箱，邮件主题标明：“***单位***征文”。", "报名时请注明“XX班XX”，以便分组。"])
def test_a_slot_in_a_quoted_form_the_sender_writes_is_no_blank(tmp_path: Path, line: str) -> None:
    assert lint_text("关于开展读书征文活动的通知\n" + line, tmp_path, select="B103") == []


def test_the_body_and_its_attachments_quoting_each_other_are_no_repeat(tmp_path: Path) -> None:
    said = "房屋裂缝多出现在墙壁上，一般张开宽度一至五毫米，延伸长度一般为半米至两米。"
    text = (f"县人民政府关于地质险情的复函\n县自然资源局：\n来函收悉。现将有关意见函复如下。\n附件1\n调查情况报告\n{said}\n"
            f"请审阅。\n附件2\n专家组意见\n{said}\n")
    assert lint_text(text, tmp_path, select="B104") == []
    # a report sums up the plan it sends, in the plan's own words: the attachment is a document of its own
    body = (f"县人民政府关于地质险情的复函\n县自然资源局：\n{said}\n现将有关意见函复如下。\n附件1\n调查情况报告\n"
            f"{said}\n")
    assert lint_text(body, tmp_path, select="B104") == []
    # … also when a paste put the whole document on one line
    assert lint_text(body.replace("\n", ""), tmp_path, select="B104") == []
    # a paragraph of the body pasted again further down the body is still a repeat
    twice = (f"县人民政府关于地质险情的复函\n县自然资源局：\n{said}\n现将有关意见函复如下。\n{said}\n附件1\n"
             f"调查情况报告\n墙体倾斜的房屋已全部登记造册，共涉及农户十二户。\n")
    assert [f.line for f in lint_text(twice, tmp_path, select="B104")] == [5]


def test_a_table_header_row_typed_with_pipes_is_no_running_header(tmp_path: Path) -> None:
    table = "| 项目 | 内容 |\n| --- | --- |\n| 名称 | 防汛物资 |\n"
    text = "## 物资清单\n\n" + "".join(f"### 第{n}批\n\n{table}\n说明一段，共{n}件。\n\n" for n in range(1, 5))
    assert lint_text(text, tmp_path, select="B102", name="a.md") == []


def test_rules_and_minutes_restate_a_clause_on_purpose(tmp_path: Path) -> None:
    # (a passage of two sentences: one sentence said again alone is parallel wording in any document)
    clause = "表决时须有三分之二以上的委员到会，会议方为有效。表决结果由主持人当场宣布，并由记录人载入会议记录存档。"
    body = f"\n第五条 选举主任委员由全体委员表决。{clause}\n第六条 罢免委员由全体委员表决。{clause}\n"
    assert lint_text("科技协会章程（试行）" + body, tmp_path, select="B104") == []
    # a law and a judicial interpretation state a penalty in the same fixed words in each article
    penalty = "情节严重的，处三年以上七年以下有期徒刑，并处罚金。有违法所得的，没收违法所得，并由县级人民政府责令限期恢复原状。"
    law = f"\n第十条 违反本法规定，擅自占用耕地的。{penalty}\n第十一条 违反本法规定，擅自开采矿产的。{penalty}\n"
    assert lint_text("中华人民共和国资源保护法" + law, tmp_path, select="B104") == []
    assert lint_text("最高人民法院关于适用《中华人民共和国资源保护法》的解释" + law, tmp_path, select="B104") == []
    assert [f.rule for f in lint_text("县资源保护工作方法" + law, tmp_path, select="B104")] == ["B104"]
    assert [f.rule for f in lint_text("科技协会工作总结" + body, tmp_path, select="B104")] == ["B104"]
    # a 责任制 lists the duties of each post: the same duty under two posts is on purpose
    duties = "".join(f"{k}. {d}\n" for k, d in enumerate([
        "严格遵守安全生产规章制度和操作规程，服从安全管理，正确佩戴和使用劳动防护用品。",
        "积极参加安全生产教育培训，掌握本岗位所需的安全生产知识，提高安全生产技能。",
        "发现事故隐患或者其他不安全因素，立即向现场安全管理人员或者本单位负责人报告。"], 1))
    posts = f"\n一、班组长安全生产职责\n{duties}二、操作人员安全生产职责\n{duties}"
    assert lint_text("物业公司安全生产责任制" + posts, tmp_path, select="B104") == []
    assert [f.rule for f in lint_text("物业公司安全生产工作总结" + posts, tmp_path, select="B104")] == ["B104"]
    # minutes whose title sits in the page's front matter; a passage written twice in a row is still a slip
    item = "讨论年会的筹备方案、场地安排和经费预算，明确各组的分工。"
    minutes = f"---\ntitle: 理事会例会\n---\n会议议题如下。\n{item}\n会议听取了秘书处的汇报。\n{item}\n"
    assert lint_text(minutes, tmp_path, select="B104", name="a.md") == []
    assert [f.rule for f in lint_text(minutes, tmp_path, select="B104", name="a.txt")] == ["B104"]


def test_criteria_said_again_for_a_parallel_category_are_no_repeat(tmp_path: Path) -> None:
    first = ["（1）入会满一年以上，按时参加组织生活和各项活动，并在系统完成报到。",
             "（2）年度考核成绩排名本专业前百分之三十以内，无不及格记录。",
             "（3）在志愿服务平台注册成为志愿者，有志愿服务时长记录。",
             "（4）各支部的推荐名额为本支部会员总数的百分之五，不足一名的按一名计算。"]
    second = [first[0], "（2）年度考核成绩排名本专业前百分之五十以内，无不及格记录。", first[2], first[3]]
    text = "\n".join(["关于开展年度评优工作的通知", "1.校级优秀会员", *first, "2.院级优秀会员", *second]) + "\n"
    assert lint_text(text, tmp_path, select="B104") == []
    # the same list pasted whole under another heading is a repeat
    pasted = "\n".join(["关于开展年度评优工作的通知", "1.校级优秀会员", *first, "2.院级优秀会员", *first]) + "\n"
    assert [f.rule for f in lint_text(pasted, tmp_path, select="B104")] == ["B104"]


def test_an_event_said_again_for_another_group_at_another_number_is_no_repeat(tmp_path: Path) -> None:
    relay = "4×100米接力。每队派男女运动员各2名参赛，按成绩排定名次，前三名颁发奖牌。"
    rope = "团体跳绳。每队派10名运动员参赛，以两分钟内跳绳总次数排定名次，前三名颁发奖牌。"
    text = "\n".join(["全县职工运动会实施方案", "（一）机关组", "1、拔河：每队派12名运动员参赛，三局两胜。", f"2、{relay}",
                     f"3、{rope}", "（二）企业组", f"1、{relay}", "2、趣味投篮：每队派5名运动员参赛，以投中个数排定名次。"]) + "\n"
    assert lint_text(text, tmp_path, select="B104") == []
    # the whole list pasted again under the second group is still a repeat
    twice = "\n".join(["全县职工运动会实施方案", "（一）机关组", f"1、{relay}", f"2、{rope}", "（二）企业组", f"1、{relay}",
                      f"2、{rope}"]) + "\n"
    assert [f.rule for f in lint_text(twice, tmp_path, select="B104")] == ["B104"]


def test_the_speakers_byline_stays_out_of_the_residue_around_it(tmp_path: Path) -> None:
    text = ("2026年某省政府工作报告\n来源：某某日报\n时间：2026-02-09\n省长 张明远\n"
            "省长张明远代表省人民政府向大会作政府工作报告。本报记者 李华 摄\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n")
    found = [(f.line, f.end_line) for f in lint_text(text, tmp_path, select="B101")]
    assert found == [(2, 3), (5, 5)]


def test_a_news_site_label_closing_the_page_is_residue(tmp_path: Path) -> None:
    text = "县水利局2024年工作总结\n一、主要工作\n全年完成河道清淤12公里。\n相关报道：\n"
    assert [(f.rule, f.line) for f in lint_text(text, tmp_path, select="B101")] == [("B101", 4)]
    assert lint_text(text.replace("相关报道：", "以上报告请审议。"), tmp_path, select="B101") == []


def test_a_title_between_two_lines_of_page_chrome_is_no_part_of_their_run(tmp_path: Path) -> None:
    # the breadcrumb above the title and the 发布时间 line below it are two residue runs; the title (short, with digits,
    # like a metadata value) stays out of both, so deleting what B101 marks keeps it
    text = ("当前位置：首页 > 某某街道 > 政府信息公开\n\n某某街道2025年工作总结\n\n发布时间：2026-01-09 10:00  发布部门：某某街道\n\n"
            "2025年，街道围绕年度目标推进各项工作，完成老旧小区改造12个。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.line, f.end_line) for f in found] == [(1, 1), (5, 5)]


def test_a_portal_metadata_table_flattened_with_spaces_is_residue(tmp_path: Path) -> None:
    text = ("进入老年版\n索引号 11330200000000000A/2026-000123 生成日期 2026-02-03 公开日期 2026-02-03\n"
            "文件编号 发布机构 某某镇人民政府 效力状况 有效\n文件下载\n内容概述 某某镇2025年工作总结\n"
            "11330200000000000A/2026-000123\n\n某某镇2025年工作总结\n\n"
            "2025年，全镇完成农村公路硬化18公里，新增就业岗位320个。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.line, f.end_line) for f in found] == [(1, 6)]


def test_breadcrumbs_time_lines_counters_and_gambling_spam_at_the_top_are_residue(tmp_path: Path) -> None:
    for head in ("当前页面: 首页 > 政务公开 > 重要报告", "- 时间:2026-02-24", "2026年02月04日 浏览次数:",
                 "某局述职报告范文五篇-欧洲杯买球平台", "• 8888诚信金沙"):
        text = f"{head}\n\n某某局2025年工作总结\n\n2025年，全局办结群众来信来访案件206件。\n"
        assert [f.line for f in lint_text(text, tmp_path, select="B101")] == [1], head


def test_a_report_on_gambling_or_on_open_information_keeps_its_lines(tmp_path: Path) -> None:
    # the same words inside the body of a report are its content: only the page's head and foot are chrome
    text = ("关于打击网络赌球工作的情况报告\n\n一、基本情况\n今年以来，共查处利用境外买球平台组织赌博案件3起。\n"
            "二、政府信息公开\n全年主动公开文件128件，内容概述详见附表。\n")
    assert lint_text(text, tmp_path, select="B101") == []


def test_a_sharing_sites_slogan_card_and_truncation_prompt_are_residue(tmp_path: Path) -> None:
    text = ("精选优质文档-倾情为你奉上\n某镇2025年工作总结\n2025年，全镇完成道路硬化12公里。\n"
            "- 配套讲稿:\n- 特殊限制:\n- 关 键 词:\n因篇幅问题不能全部显示,请点此查看更多更全内容\n")
    assert [(f.line, f.end_line) for f in lint_text(text, tmp_path, select="B101")] == [(1, 1), (4, 7)]


def test_a_bare_position_breadcrumb_and_a_pieces_number_are_residue(tmp_path: Path) -> None:
    text = ("位置: 首页 >专题范文 > 公文范文 > 文章内容\n\n篇一:某公司年度工作报告\n\n某公司年度工作报告\n"
            "2025年，公司实现营业收入3.2亿元。\n")
    assert [(f.line, f.end_line) for f in lint_text(text, tmp_path, select="B101")] == [(1, 3)]


def test_a_year_left_as_one_x_before_a_month_is_a_placeholder(tmp_path: Path) -> None:
    text = "关于放假的通知\n各单位：\n从x年11月22日起放假。X光检查按第x年计。\n"
    assert [f.excerpt for f in lint_text(text, tmp_path, select="B103")] == ["x"]


def test_a_portal_metadata_list_with_hyphen_bullets_is_residue(tmp_path: Path) -> None:
    text = ("- 索引号: abc/2026-00002\n- 发布机构: 某州数据中心\n- 文号:\n- 发布日期: 2026-04-29\n- 时效性: 有效\n"
            "某州数据中心2025年度项目支出绩效自评报告\n一、基本情况\n项目年度预算120万元。\n")
    assert [(f.line, f.end_line) for f in lint_text(text, tmp_path, select="B101")] == [(1, 5)]


def test_a_blank_names_a_field_only_when_half_its_places_name_it(tmp_path: Path) -> None:
    # a table pasted as one line: the 姓名 column masked as XXX between department names; one XXX stands before 市场营销中心
    rows = "".join(f"{n}{dept}XXX{unit}副主任" for n, dept, unit in [
        (1, "办公室综合处", "综合服务中心"), (2, "发展部规划处", "发展策划部"), (3, "财务部预算处", "财务资产部"),
        (4, "营销部客服处", "市场营销中心"), (5, "安监部综合处", "安全监察部")])
    found = lint_text("干部任用建议人选一览表\n" + rows + "\n", tmp_path, select="B103")
    assert len(found) == 1 and "具体内容" in found[0].message and "共 5 处" in found[0].message
    # … and a field most places name is named
    units = "".join(f"XXX{u}" + "、" for u in ("局", "局", "县", "办")) + "XXX牵头，各单位配合。"
    found = lint_text("任务分工\n" + units + "\n", tmp_path, select="B103")
    assert len(found) == 1 and "单位或地名" in found[0].message


@pytest.mark.parametrize(("chrome", "where"), [
    ("某某同乡网 发表于 2021-3-5 10:21:07", "top"),  # a forum post's header
    ("页: [1] 2", "bottom"),  # a forum archive's page list …
    ("查看完整版本: 关于做好汛期安全工作的通知", "bottom"),  # … and its link to the full version
    ("已阅读3页，还剩9页未读", "bottom"),  # a sharing site's reading counter
    ("以上为部分内容，如需查看全文请点击此处：查看全文", "bottom"),
    ("【发表评论】 【打印本页】 【关闭窗口】", "bottom"),
    ("某某网来稿 打印 纠错 投稿", "bottom"),  # an article page's toolbar
    ("微信扫一扫 ×", "bottom"),
    ("第 [1] 页 共[3]页", "bottom"),
    ("快捷搜索：论文 合同 讲话", "top"),
    ("某某素材网 首页", "top"),
    ("2024-05-06 09:12:30 某某范文网", "top"),
    ("2022-11-02 来源：网友上传", "top"),
    ("您的当前位置：首页 > 工作总结", "top"),
    ("您好，欢迎访问某某文档", "top"),
    ("某某网 精品范文 工作总结范文", "top"),
    ("新闻来源：某某协会 查看次数：368", "top"),
    ("- 格式:docx", "top"),
    ("关于做好汛期安全工作的通知(范本、DOC格式).DOC", "top"),
    ("系统发布时间:2022-03-01 10:12", "top"),  # a procurement platform's stamp
    ("附件下载：附件：先进个人名单.doc", "bottom"),
    ("分享至好友和朋友圈", "bottom"),
    ("清风365bet官网体育_best365平台", "top"),  # gambling spam of a hacked site, the brand written the other way round
    ("内容发布更新时间 : 2024/3/8 9:15:02星期五 下面是文章的全部内容请认真阅读。", "top"),  # a page's clock
])
def test_more_page_chrome_of_forums_sharing_and_article_sites_is_residue(tmp_path: Path, chrome: str,
                                                                          where: str) -> None:
    body = "关于全县防汛工作的情况报告\n一、主要工作\n今年以来，我们认真落实上级部署，扎实推进各项工作。\n"
    text = chrome + "\n" + body if where == "top" else body + chrome + "\n"
    line = 1 if where == "top" else text.count("\n")
    assert [f.line for f in lint_text(text, tmp_path, select="B101")] == [line]


@pytest.mark.parametrize("line", [
    "请各单位于5月底前将表格打印、签字后报送。",  # a sentence asking to print
    "附件：1.汛期值班表.docx",  # an attachment named by its file
    "我们在全县开展了搜索救援演练。",
])
def test_sentences_near_those_words_are_no_chrome(tmp_path: Path, line: str) -> None:
    text = "关于全县防汛工作的情况报告\n" + line + "\n一、主要工作\n今年以来，我们认真落实上级部署，扎实推进各项工作。\n"
    assert lint_text(text, tmp_path, select="B101") == []


def test_the_count_of_a_run_of_residue_is_of_the_lines_it_spans(tmp_path: Path) -> None:
    """A portal's menu under 设为首页 is one run with the short names between its residue lines: the message counts
    every line the reader deletes, not only the lines a pattern marked."""
    text = ("某某能源监管局关于做好迎峰度夏工作的通知\n设为首页\n工作邮箱\n首页\n机构概览\n动态要闻\n信息公开\n在线办事\n"
            "某某能源监管局关于做好迎峰度夏工作的通知\n2024-06-06 00:00\n来源：\n各有关单位：\n"
            "请抓紧做好迎峰度夏各项准备工作，确保电力安全稳定供应。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert (found[0].line, found[0].end_line) == (2, 7) and "共 6 段" in found[0].message


def test_a_font_switch_split_over_lines_is_one_run_of_residue(tmp_path: Path) -> None:
    text = "关于全县防汛工作的通报\n发布日期:2024-05-06 09:12\n字体:[\n大中\n小]\n各乡镇：\n现将检查情况通报如下。\n"
    found = lint_text(text, tmp_path, select="B101")
    assert len(found) == 1 and "共 4 段" in found[0].message


def test_a_notice_forwarding_another_bodys_document_speaks_with_two_voices(tmp_path: Path) -> None:
    inner = "省督查组对我省专项行动进行了督查。我省各地认真落实。在我市督查期间，我市积极配合。我省将持续推进。"
    forwarded = ("某某市政府办公室关于转发省专项行动联席会议办公室关于国家督查组对我省专项行动督查情况的通报的通知\n"
                 "各县、区人民政府：\n" + inner + "\n")
    assert lint_text(forwarded, tmp_path, select="B106") == []
    # … also pasted as one line, where the first self-reference (我省) is the forwarded document's
    one_line = forwarded.replace("\n", " ").strip() + "\n"
    assert lint_text(one_line, tmp_path, select="B106") == []
    # the same mixture in a document of its own is reported
    own = "某某市环保专项行动情况报告\n" + inner + "\n"
    assert [f.rule for f in lint_text(own, tmp_path, select="B106")] == ["B106"]


def test_a_sites_keywords_run_into_the_salutation_are_b101s_alone(tmp_path: Path) -> None:
    """这篇……的关键词是……, run into the salutation: B101 reports the blurb where it stands; what other rules would
    say of its words alone (建校周年 lacking its count of years) is not said, while a count over the whole text that
    takes in one of its commas is."""
    text = ("这篇学校建校周年庆典的讲话稿的关键词是庆典讲话,学校建校周年庆典, 各位来宾:\n"
            "今天,全校师生欢聚一堂,庆祝学校建校六十周年。\n六十年来,学校培养了三万余名毕业生。\n")
    found = [(f.rule, f.block, f.start) for f in lint_text(text, tmp_path, select="B101,T108,T103")]
    assert ("B101", 0, 0) in found and not [f for f in found if f[0] == "T108"]
    assert [f for f in found if f[0] == "T103"], found
    own = text.replace("六十周年", "周年")  # the text's own words are still judged
    assert [f.block for f in lint_text(own, tmp_path, select="T108")] == [1]
    # … or its sentence describing the sample, up to the colon before the salutation: its count of aspects is the
    # site's, not one the speech owes
    described = ("教研组长竞聘演讲稿本篇教研组长竞聘演讲稿,作者是一位中学教师,结构完整,从四方面谈了自己的打算:"
                 "尊敬的各位领导,老师们:今天我来参加竞聘。一是有经验。二是有热情。\n")
    assert [f.rule for f in lint_text(described, tmp_path, select="B101,N105")] == ["B101"]


def test_a_pictures_placeholder_word_and_a_source_link_are_residue(tmp_path: Path) -> None:
    """image on a line of its own where a picture was; 本文来源:https://… with its address, whatever line holds it."""
    text = ("市场监管局召开年度工作会议\n会议总结了全年工作。\nimage\n会议部署了明年任务。\n"
            "本文来源:https://news.example.com/a/123.html\n")
    found = [(f.block, f.excerpt) for f in lint_text(text, tmp_path, select="B101")]
    assert found == [(2, "image"), (4, "本文来源:https://news.example.com/a/123.html")]
    own = "使用说明\n点击image按钮插入图片。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_portals_catalogue_as_table_rows_with_values_in_the_label_cells_is_residue(tmp_path: Path) -> None:
    """| 索引号:…… | |, | 发文机关:…… | 主题词:…… |: a portal's catalogue of the document, one B101 for the rows (no
    B107 for their bars); its 标题 field names the title, so S105 asks for none."""
    text = ("| 索引号:001234/2023-00001 | |\n| 发文字号: | 发文时间:2023-01-05 |\n| 发文机关:某镇人民政府 | 主题词:工作计划 |\n"
            "| 标题:某镇人民政府2023年工作计划 | |\n一是推进产业发展。全年新建高标准农田2000亩。\n"
            "二是抓好项目建设。确保6月底前开工。\n")
    found = [(f.rule, f.block, f.end_block) for f in lint_text(text, tmp_path, select="B101,B107,S105")]
    assert found == [("B101", 0, 3)]


def test_more_page_furniture_is_residue(tmp_path: Path) -> None:
    """A portal's accessibility buttons (无障碍版 长者助手), an app's prompt to scan (微信扫码分享, 手机扫一扫打开当前
    界面), a page's font widget ([ 字体: ]), a post's time with a two-digit year or its poster (时间:22-09-27 网友), a
    piece label with its word count, a link to the mobile version, a media site's hotlines."""
    lines = ["无障碍版 长者助手", "微信扫码分享", "关于做好防汛工作的通知", "2023-01-28 18:09:13 某某网 [ 字体: ] [ 阅读: ]",
             "时间:22-09-27 网友", "第一篇 镇长个人述职报告2150字", "各乡镇：", "为做好汛期各项准备，特通知如下。",
             "一、加强组织领导。各乡镇要在5月底前明确防汛责任人。", "手机扫一扫打开当前界面", "2020-01-13 12:05:01工作报告访问手机版",
             "新闻热线:0577-67000000 广告热线:67000001 | 关于我们"]
    found = [(f.block, f.end_block) for f in lint_text("\n".join(lines) + "\n", tmp_path, select="B101")]
    assert found == [(0, 1), (3, 5), (9, 11)]
    own = ("关于开通举报热线的通知\n各单位：\n举报热线：0577-12345678，受理时间：2024-05-06起。\n"
           "会议时间：2024-05-06 09:00\n请扫码报名参加培训。\n")
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_collection_pages_numbered_entry_for_a_piece_is_residue_but_a_pieces_own_title_is_not(tmp_path: Path) -> None:
    entry = "某某讲稿汇编(共6篇)\n1.微党课比赛讲稿 篇一\n微党课：从红色家书中汲取力量\n同志们：\n今天我们一起学习。\n"
    assert [(f.rule, f.block, f.end_block) for f in lint_text(entry, tmp_path, select="B101")] == [("B101", 0, 1)]
    titled = "学校考察报告 篇一\n为学习先进经验，我们赴外地学校考察。\n"
    # (the piece's own title stays; only the site's number after it is named, to delete)
    assert [f.excerpt for f in lint_text(titled, tmp_path, select="B101")] == ["篇一"]


def test_a_hacked_sites_pornographic_title_line_is_residue(tmp_path: Path) -> None:
    text = ("精品国产一区二区三区_日韩无码_久久精品\n关于做好防汛工作的通知\n各乡镇：\n请于5月底前完成隐患排查。\n")
    assert [(f.rule, f.block) for f in lint_text(text, tmp_path, select="B101,B103")] == [("B101", 0)]


def test_a_portals_old_browser_warning_is_residue(tmp_path: Path) -> None:
    text = ("您的浏览器版本过低，部分功能无法使用。\n建议您使用最新版火狐或Edge浏览器访问本站。\n"
            "网站支持IPv6\n关于表扬2023年度优秀志愿者的通报\n各单位：\n现对表现突出的12名志愿者予以表扬。\n")
    found = [(f.rule, f.block, f.end_block) for f in lint_text(text, tmp_path, select="B101,S105")]
    assert found == [("B101", 0, 2)]


def test_a_sites_blurb_speaking_for_itself_is_residue(tmp_path: Path) -> None:
    text = ("年底将至，以下为小编给大家整理的社区工作总结范文，希望大家能从中得到启发!\n"
            "社区2023年工作总结\n今年以来，社区扎实开展各项工作，完成民生实事12件。\n")
    assert [(f.rule, f.block) for f in lint_text(text, tmp_path, select="B101,S105")] == [("B101", 0)]
    # … or naming what it lists, then its hope
    listed = ("方案写得好，工作才顺手。下面是几篇活动方案的范例，希望能够帮助您写好自己的方案。\n"
              "社区2023年垃圾分类工作方案\n为推进垃圾分类，制定本方案。\n")
    assert [(f.rule, f.block) for f in lint_text(listed, tmp_path, select="B101,S105")] == [("B101", 0)]
    own = "讲话\n同志们：\n下面是一些具体要求，希望大家认真落实。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_wechat_prompt_to_scroll_a_box_is_residue(tmp_path: Path) -> None:
    text = "致全区居民的一封信\n(向上滑动启阅)\n各位居民朋友：\n请大家积极参与垃圾分类。\n上下滑动查看全文\n"
    assert [(f.rule, f.block) for f in lint_text(text, tmp_path, select="B101,T103")] == [("B101", 1), ("B101", 4)]


def test_a_sites_list_of_related_pieces_with_their_posting_dates_is_residue(tmp_path: Path) -> None:
    """【××自查报告】相关文章: and its links, each title glued to the month and day of posting (……报告模板08-07)."""
    text = ("学校食堂食品安全自查报告\n我校按照要求开展自查，共排查问题3个，已全部整改。\n【学校食堂自查报告】相关文章:\n"
            "学校安全工作自查报告02-19\n学校财务自查报告模板08-07\n学校卫生工作自查报告范文05-08\n")
    assert [(f.rule, f.block, f.end_block) for f in lint_text(text, tmp_path, select="B101")] == [("B101", 2, 5)]
    own = "学校食堂食品安全自查报告\n自查报告于12-05报送。\n会议确定2024年度工作要点。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_pages_links_to_its_phone_apps_are_residue(tmp_path: Path) -> None:
    text = ("县政务中心工作总结\n今年以来，县政务中心推行一窗受理，办件量同比增长12%。\n安卓版APP\n下载\nAPP下载\n")
    assert [(f.block, f.end_block) for f in lint_text(text, tmp_path, select="B101")] == [(2, 4)]


def test_a_portals_download_box_under_the_document_is_residue(tmp_path: Path) -> None:
    """【原文下载】 and the Markdown link a crawler wrote of the file; a sentence about downloading forms is no residue."""
    text = ("关于开展安全检查的通知\n各乡镇：\n请于5月10日前完成自查，报名表可在县应急局网站附件下载。\n县应急管理局\n"
            "2024年4月1日\n【原文下载】\n- [关于开展安全检查的通知.pdf](/files/2024/0401.pdf )\n")
    assert [(f.block, f.end_block) for f in lint_text(text, tmp_path, select="B101")] == [(5, 6)]


def test_a_portals_catalogue_fields_each_alone_over_its_value_are_residue(tmp_path: Path) -> None:
    """索引号 / 3300…/2024-00012 / 载体类型 / 发布机构: the open-information table of a portal in two columns, each label
    alone on its line (no colon) over its value; the same words inside the body are text."""
    text = ("索引号\n3300000/2024-00012\n载体类型\n公开类别\n主动公开\n关键词\n内容描述\n关于开展防汛检查的通知\n各乡镇：\n"
            "请于6月10日前完成防汛物资检查，报送检查情况和关键词索引表。\n")
    assert [(f.block, f.end_block) for f in lint_text(text, tmp_path, select="B101")] == [(0, 6)]


def test_an_image_whose_address_was_lost_is_residue_not_a_blank(tmp_path: Path) -> None:
    text = ("![]() |\n|\n索引号: | 11330000/2025-00012 |\n公开方式: | 主动公开 |\n"
            "县卫健局2025年工作要点\n一、总体要求\n坚持以人民健康为中心，全面推进健康县城建设。\n")
    found = lint_text(text, tmp_path, select="B101,B103")
    assert [(f.rule, f.block, f.end_block) for f in found] == [("B101", 0, 3)]


def test_the_fields_of_a_portals_call_for_comments_are_residue(tmp_path: Path) -> None:
    text = ("主题:\n\n县交通局关于征求农村公路养护办法意见的函\n\n时限:\n\n截止:2024-05-10\n\n征集状态:\n\n已结束 查看征集结果\n"
            "结果反馈日期:\n\n县交通局关于征求农村公路养护办法意见的函\n各乡镇：\n为规范农村公路养护，我局起草了养护办法，请于5月10日前反馈意见。\n")
    found = lint_text(text, tmp_path, select="B101")
    # the value of 主题: is the page's copy of the title the letter repeats under the fields: one run from 主题: on
    assert [(f.block, f.end_block) for f in found] == [(0, 11)]
    # a meeting's own fields under its title are its content
    minutes = "县安委会第三次全体会议纪要\n时间：2024年5月10日\n主题：部署汛期安全生产\n会议听取了各成员单位汛前检查情况汇报。\n"
    assert lint_text(minutes, tmp_path, select="B101") == []


@pytest.mark.parametrize(("page", "lines"), [
    ("本帖最后由 版主 于 2023-04-02 10:15 编辑\n", 1),  # a forum's note of the last edit
    ("热门站点| 某某资料网 | 某某论坛\n收藏本站| 设为首页| 首页\n", 2),  # a row of sister sites and the page's buttons
    ("下载此文档\n文档分类:行政/公文 | 页数:约3页 举报非法文档有奖\n下载提示\n"
     "  • 1.该资料是网友上传的,本站提供全文预览,预览什么样,下载就什么样。\n文档列表 文档介绍\n", 5),  # a sharing site's box
    ("- 发布日期:2023-04-02\n- 浏览次数:\n", 2),  # a portal's fields as a dashed list
    ("县河长制工作方案.doc_第1页\n全文预览已结束\n\n下载本文档\n\n文档简介\n", 6),  # a sharing site's preview
    ("返回首页\n", 1),  # a page's link home alone over the title
    ("本站整理的整改方案(精选5篇),供参考。\n整改方案 篇1\n", 2),  # a collection's blurb, its pick count mid-line
    ("某某文库 人气:3.2W\n", 1),  # a site's name and the page's popularity counter
    ("公众号\n", 1),  # the page's 公众号 button alone on a line
    ("某某网总结频道为大家整理的工作总结。\n", 1),  # a site's column introducing what it gathered
])
def test_forum_notes_site_rows_sharing_boxes_and_dashed_fields_are_residue(tmp_path: Path, page: str,
                                                                          lines: int) -> None:
    text = page + "县城管局关于规范户外广告设置的通告\n为规范户外广告设置，维护市容秩序，现就有关事项通告如下。\n"
    assert [(f.block, f.end_block) for f in lint_text(text, tmp_path, select="B101")] == [(0, lines - 1)]


def test_a_portal_menu_one_link_to_a_line_is_residue_not_a_split_heading(tmp_path: Path) -> None:
    """A browser copy of a county portal: its menu bar comes one link to a line over the article. B101 reports the
    whole menu; X104 no longer reads it as a heading broken into lines."""
    text = ("网站首页\n走进本县\n新闻中心\n信息公开\n政务服务\n互动交流\n专题专栏\n"
            "关于2024年上半年农业农村工作情况的报告\n"
            "今年以来，我局围绕粮食安全和农民增收两大任务，扎实推进各项工作，上半年粮食播种面积完成全年任务的98%。\n"
            "一、主要工作\n（一）稳定粮食生产。完成高标准农田建设1.2万亩。")
    found = lint_text(text, tmp_path, select="B101,X104")
    assert [(f.rule, f.block + 1, f.end_block + 1) for f in found] == [("B101", 1, 7)]


def test_short_lines_over_a_report_that_name_no_column_stay_text(tmp_path: Path) -> None:
    """Only a run of names at least half of which name a portal's column is a menu, and the run is cut to its named
    ends: a title under two menu links, or a heading broken into short lines, stays the document's."""
    under_menu = ("首页\n信息公开\n述职报告\n"
                  "本人自2022年任现职以来，在局党组的领导下，认真履行岗位职责，较好完成了各项任务。现将有关情况报告如下。")
    broken = ("县农业农村局\n上半年\n工作情况\n汇报提纲\n"
              "今年以来，我局围绕粮食安全和农民增收两大任务，扎实推进各项工作，取得了阶段性成效。")
    assert [(f.block + 1, f.end_block + 1) for f in lint_text(under_menu, tmp_path, select="B101")] == [(1, 2)]
    assert lint_text(broken, tmp_path, select="B101") == []


def test_a_portal_footer_one_link_to_a_line_and_its_filing_numbers_are_residue(tmp_path: Path) -> None:
    """Under the article: the related links and the footer's links one to a line, then the copyright line with the
    site's ICP filing number. One B101 finding from the links to the end; no split heading."""
    text = ("关于2024年上半年农业农村工作情况的报告\n"
            "今年以来，我局围绕粮食安全和农民增收两大任务，扎实推进各项工作，上半年粮食播种面积完成全年任务的98%。\n"
            "一、主要工作\n（一）稳定粮食生产。完成高标准农田建设1.2万亩。\n"
            "友情链接\n中国政府网\n省人民政府\n市人民政府\n关于我们\n联系我们\n网站地图\n"
            "版权所有：示例县人民政府办公室 备案号：示ICP备20240001号")
    found = lint_text(text, tmp_path, select="B101,X104")
    assert [(f.rule, f.block + 1, f.end_block + 1) for f in found] == [("B101", 5, 12)]


def test_a_portal_footer_with_its_contact_fields_is_one_residue_passage(tmp_path: Path) -> None:
    """Under the signature: the portal's share prompt, its links, its contact fields and its filing numbers (the
    public-security number without 号, the site code in lower case). One B101 finding from the prompt to the end;
    the signature and the date stay."""
    notice = ("关于开展春季消防检查的通知\n各乡镇：\n请于3月31日前完成辖区内消防设施检查，并报县消防救援大队。\n"
              "县消防救援大队\n2024年3月1日\n")
    footer = ("扫一扫在手机打开当前页\n网站地图\n联系我们\n地址: 示例县人民路1号\n邮编:100000\n主办单位: 示例县人民政府\n"
              "示公网安备 12345678901234\n网站标识码: bm00000001\n示ICP备00000001号")
    found = lint_text(notice + footer, tmp_path, select="B101")
    assert [(f.block + 1, f.end_block + 1) for f in found] == [(6, 14)]


def test_a_portal_page_head_with_its_browser_title_breadcrumb_and_split_fields_is_residue(tmp_path: Path) -> None:
    """Over the article: the browser's title (the article's title, then the site after a dash), the menu, the
    breadcrumb one piece to a line, the source field with its value on the next line and a print button. All of it
    residue; the document from its title on is text."""
    title = "关于做好2025年春季农业生产工作的通知"
    page = (f"{title}_示例县农业农村局\n设为首页\n首页\n机构概况\n信息公开\n在线办事\n专题专栏\n首页\n>\n政务公开\n>\n"
            f"通知公告\n来源：\n办公室\n[ 打印 ]\n")
    body = f"{title}\n各乡镇农业站：\n请于3月20日前完成春耕物资储备情况排查，并报县农业农村局。\n"
    found = lint_text(page + body, tmp_path, select="B101")
    assert [(f.block + 1, f.end_block + 1) for f in found] == [(1, 15)]
    # the same first line with no copy of the title under it: a title naming its issuer after a dash stays
    assert lint_text(f"{title}_示例县农业农村局\n" + body.split("\n", 1)[1], tmp_path, select="B101") == []


def test_the_pages_heading_between_its_breadcrumb_and_fields_is_residue_when_the_document_titles_itself(
        tmp_path: Path) -> None:
    """A portal prints the article's title as its heading between the breadcrumb and the 发布时间 fields; the document
    under them opens with its own title (with its issuers, over two lines). The heading is the page's: one passage
    with the lines around it, and no half-width bracket of it is reported."""
    page = ("首页\n>\n政务公开\n>\n通知\n关于做好2025年春季农业生产工作的通知(示农发〔2025〕3号)\n"
            "发布时间：2025/03/02\n来源：\n办公室\n[ 打印 ]\n")
    body = ("示例县农业农村局 示例县财政局关于做好\n2025年春季农业生产工作的通知\n示农发〔2025〕3号\n各乡镇农业站：\n"
            "请于3月20日前完成春耕物资储备情况排查，并报县农业农村局。\n")
    found = lint_text(page + body, tmp_path, select="B101,T103")
    assert [(f.rule, f.block + 1, f.end_block + 1) for f in found] == [("B101", 1, 10)]
    # a notice that only quotes the heading's document below keeps the heading as its own title
    quoted = page + "各乡镇农业站：\n现将《关于做好2025年春季农业生产工作的通知》转发给你们，请遵照执行。\n"
    assert [(f.rule, f.block + 1) for f in lint_text(quoted, tmp_path, select="B101,T103")] == [
        ("B101", 1), ("T103", 6), ("B101", 7)]


def test_markdown_bold_marks_are_no_starred_out_names(tmp_path: Path) -> None:
    """A report converted to Markdown bolds its fields and title: ** ** between bold words and the **** of two bold
    runs side by side are markup. Stars inside a word, or a pair left open, still mask a name."""
    text = ("**主管部门：** **示例** **县** **交通局**\n**示例县加快农业产业发展行动方案（2026—2030年****）**\n"
            "**（一）加强领导。**各乡镇要成立工作专班。\n")
    assert lint_text(text, tmp_path, select="B103") == []
    masked = text + "加强**风廉政建设，推进**工作落实。\n"
    assert [(f.rule, f.block + 1) for f in lint_text(masked, tmp_path, select="B103")] == [("B103", 4)]


def test_stars_closing_after_a_comma_with_the_sentence_going_on_are_no_bold(tmp_path: Path) -> None:
    """**是农业大县，……以来，**人民……: two masked names, not a bold run; a bold lead-in ending in a colon or a full
    stop before its text (**工作目标：**到2026年……) is still Markdown."""
    masked = "示例县情况介绍\n**是农业大县，近年来，**人民群众的收入稳步增长。\n"
    assert lint_text(masked, tmp_path, select="B107") == []
    bold = "示例县情况介绍\n**工作目标：**到2026年全县粮食产量稳定在50万吨以上。\n"
    assert [f.rule for f in lint_text(bold, tmp_path, select="B107")] == ["B107"]


def test_a_notices_own_contact_lines_over_a_filing_number_stay_text(tmp_path: Path) -> None:
    """The notice ends with its contact lines; the site's ICP number under them is residue, they are not."""
    text = ("关于召开年度总结会的通知\n各科室：\n定于1月10日上午9时召开年度总结会，请准时参加。\n"
            "联系电话：0000-1234567\n地址：示例县人民路1号三楼会议室\n示ICP备00000001号")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block + 1, f.end_block + 1) for f in found] == [(6, 6)]


def test_short_lines_closing_a_report_stay_text(tmp_path: Path) -> None:
    """A signature block and a list of attachments end in short lines; they name no portal column."""
    text = ("关于做好防汛工作的通知\n各乡镇：\n请各乡镇于6月10日前完成隐患排查，并将排查情况报县应急管理局。\n"
            "附件：\n排查清单\n联系名单\n县应急管理局\n2024年6月1日")
    assert lint_text(text, tmp_path, select="B101") == []


def test_a_bare_machine_date_beside_a_sites_name_is_residue_and_alone_is_not(tmp_path: Path) -> None:
    """Under a model-text site's name, the date the page was posted (2025-04-02) is the page's too; under a title
    with no residue beside it, the same line may be the minutes' own date and stays."""
    posted = ("在全县防汛工作会议上的讲话\n示例范文网\n2025-04-02\n同志们：\n"
              "今天召开全县防汛工作会议，主要任务是部署今年的防汛备汛工作。下面，我讲三点意见。")
    minutes = "会议纪要\n2024-05-10\n会议由办公室主任主持，各科室负责人参加，研究了年度预算等事项。"
    assert [(f.block + 1, f.end_block + 1) for f in lint_text(posted, tmp_path, select="B101")] == [(2, 3)]
    assert lint_text(minutes, tmp_path, select="B101") == []


def test_a_style_sheet_and_a_template_tag_inside_a_pasted_line_are_residue(tmp_path: Path) -> None:
    """A document exported to HTML and copied back prints its style sheet before the text, on the text's own line;
    a site's template leaves its tag unfilled. The two run together: one finding, the style sheet quoted short."""
    text = ("防汛工作情况汇报\n[标签:标题] @page { size: 8.27in 11.69in; margin-left: 1.25in } p.western { font-family: "
            "\"Times New Roman\", serif; font-size: 10pt } p.cjk { font-size: 10pt } 今年汛期以来，我镇共组织巡堤查险"
            "四十余次，转移群众二百余人，未发生人员伤亡。各村严格落实二十四小时值班制度，确保信息畅通、处置及时。"
            "下一步，我镇将继续加强堤防巡查，完善应急预案，组织开展防汛演练两次，储备编织袋一万条、救生衣五百件，"
            "由镇应急办负责在七月底前完成物资补充，确保全镇安全度过今年主汛期。")  # over 300 characters: the text's own line
    found = lint_text(text, tmp_path, select="B101")
    assert [f.excerpt.split(" ")[:2] for f in found] == [["[标签:标题]", "@page"]]
    assert "…" in found[0].message and len(found[0].message) < 100
    # apart in the line, each is said where it stands
    apart = text.replace("[标签:标题] ", "").replace("确保全镇", "[标签:标题]确保全镇")
    assert [f.excerpt.split(" ")[0] for f in lint_text(apart, tmp_path, select="B101")] == ["@page", "[标签:标题]"]


def test_a_paywall_end_a_compilation_title_and_a_posters_line_are_residue(tmp_path: Path) -> None:
    text = ("农村改厕调研报告汇编(优推3篇)\n网友发表时间 2024-05-06\n农村改厕调研报告【第一篇】\n"
            "今年以来，我县共完成农村卫生厕所改造一千二百户，群众满意度明显提高。\n试读结束，开通会员文档无限下载使用")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block + 1, f.end_block + 1) for f in found] == [(1, 3), (5, 5)]


def test_a_blogs_post_line_with_its_time_stamp_is_residue(tmp_path: Path) -> None:
    text = ("关于基层减负情况的调研报告\n2019年3月5日08:12:40关于基层减负情况的调研报告已关闭评论\n"
            "为了解基层减负工作落实情况，调研组于今年二月走访了五个乡镇。现将调研情况报告如下。")
    assert [(f.block + 1, f.end_block + 1) for f in lint_text(text, tmp_path, select="B101")] == [(2, 2)]
    # a meeting's own date and time under its title stays: no seconds
    minutes = "会议纪要\n2024年5月10日9:30\n会议由办公室主任主持，各科室负责人参加，研究了年度预算等事项。"
    assert lint_text(minutes, tmp_path, select="B101") == []


def test_a_forums_anti_copy_jammer_text_is_one_finding_with_its_count(tmp_path: Path) -> None:
    """A post copied from a forum carries the random strings the forum hid in it against copying, on lines of their
    own and at the ends of paragraphs: one B101 finding, at the first, counting them all."""
    text = ("工作总结的写法 K3 x% Q8 b# T1 w+ c7\n"
            "7 a$ P2 m! z8 R* f5 Y&\n"
            "工作总结一般由标题、正文和落款组成。正文要写清做了什么、效果如何、存在什么问题。v4 G( n6 E] w2 S=\n"
            "落款写明单位名称和日期。")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block + 1, f.excerpt) for f in found] == [(1, "K3 x% Q8 b# T1 w+ c7")]
    assert "全文共 3 处" in found[0].message


def test_formulas_rows_of_numbers_and_latin_names_are_no_jammer(tmp_path: Path) -> None:
    text = ("考核办法\n综合得分 = A + B + C - D，其中 A 为年度考核得分。\n"
            "各月完成情况依次为 1 2 3 4 5 6 个项目。\n指标包括 GDP CPI PPI M2 等，口径见附表。\n"
            "等次 | 优秀 | 称职 | 基本称职 | 不称职 |\n占比 | 35.5% | 60.2% | 4% | 0% |")  # a table's row of shares
    assert lint_text(text, tmp_path, select="B101") == []


def test_a_digital_papers_page_links_over_the_story_are_residue(tmp_path: Path) -> None:
    text = ("下一版» 本期共8版\n县政府召开常务会议\n"
            "本报讯（通讯员 李明）6月3日，县政府召开常务会议，研究部署下半年重点工作。")
    assert [(f.block + 1, f.end_block + 1) for f in lint_text(text, tmp_path, select="B101")] == [(1, 1)]


def test_a_list_of_related_pages_under_the_text_is_residue(tmp_path: Path) -> None:
    text = ("关于安全生产的自查报告\n经自查，我局安全生产制度健全，未发现重大隐患。\n"
            "相关自查报告：学校食堂的自查报告、消防安全自查报告、档案工作自查报告、保密工作自查报告")
    assert [(f.block + 1, f.end_block + 1) for f in lint_text(text, tmp_path, select="B101")] == [(3, 3)]
    # a report's own closing list keeps its place: no 相关…： lead
    own = "关于安全生产的自查报告\n经自查，我局安全生产制度健全。\n附件：检查清单、整改台账、责任名单"
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_notices_closing_list_of_offices_is_no_footer_menu(tmp_path: Path) -> None:
    """Offices named one to a line under a notice (党建办, 纪检监察室) are its own, not a portal's footer."""
    text = ("关于做好节日期间值班工作的通知\n各科室：\n请各科室于9月28日前报送值班表。\n"
            "党建办\n纪检监察室\n综合办公室\n社会事务办")
    assert lint_text(text, tmp_path, select="B101") == []


def test_html_tags_copied_into_a_text_are_one_finding_and_read_as_spaces(tmp_path: Path) -> None:
    """A page's source copied with its words: the tags are reported once with their count, and no rule reads their
    attributes (style="font-size:16px;") as text."""
    text = ("关于做好防汛工作的通知\n<p>各乡镇人民政府：</p><p style=\"text-indent:2em;\">请于6月10日前完成隐患排查。</p>"
            "<br/>\n<p>特此通知。</p>")
    found = lint_text(text, tmp_path, select="B101,T103")
    assert [(f.rule, f.block, f.start) for f in found] == [("B101", 1, 0)]
    assert found[0].message.startswith("“<p>”是网页源码里的标签，全文共 7 处")
    # one angle-bracketed word a drafter typed is no page source
    assert lint_text("情况说明\n指标值<b>为基准值。", tmp_path, select="B101") == []


def test_html_tags_pasted_into_a_word_file_are_read_as_in_a_text(tmp_path: Path) -> None:
    """A page's source pasted into Word: the same one finding as in the .txt, at the same paragraph and column."""
    from conftest import make_docx

    from reportlint.testing import lint_path

    lines = ["关于做好防汛工作的通知", "<p>各乡镇人民政府：</p><p style=\"text-indent:2em;\">请于6月10日前完成隐患排查。</p>",
             "<p>特此通知。</p>"]
    (tmp_path / "n.txt").write_text("\n".join(lines), encoding="utf-8")
    docx = make_docx(tmp_path / "n.docx", [(line, {}) for line in lines])
    seen = [[(f.rule, f.block, f.start, f.message) for f in lint_path(path, select="B101,T103").findings]
            for path in (tmp_path / "n.txt", docx)]
    assert seen[0] == seen[1] and [s[:3] for s in seen[1]] == [("B101", 1, 0)]


def test_a_sites_rating_and_navigation_lines_over_the_text_are_residue(tmp_path: Path) -> None:
    text = ("首页范文工作报告申报材料\n导航\n社区党委先进党组织申报材料\n"
            "某社区位于城区东北侧，辖区面积1.5平方公里，有居民三千余户。\n")
    assert [(f.block + 1, f.end_block + 1) for f in lint_text(text, tmp_path, select="B101")] == [(1, 2)]
    rated = "- 农村改厕调研报告 推荐度:\n农村改厕调研报告\n今年以来，我县共完成农村卫生厕所改造一千二百户。\n"
    assert [(f.block + 1, f.end_block + 1) for f in lint_text(rated, tmp_path, select="B101")] == [(1, 1)]
    # a report's own first line that speaks of a home page
    own = "关于网站首页改版工作的报告\n今年以来，我办完成了门户网站首页改版，访问量提高三成。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_reference_sites_blurb_over_the_page_is_residue(tmp_path: Path) -> None:
    text = ("查词典提供词语解释、出处、近义词、反义词等查询\n关于安全生产的自查报告\n"
            "根据县安委会的通知要求，我局组织开展了安全生产自查。现将自查情况报告如下。\n")
    assert [(f.block + 1, f.end_block + 1) for f in lint_text(text, tmp_path, select="B101")] == [(1, 1)]
    own = ("关于政务服务的情况报告\n中心提供营业执照、税务登记等查询服务，全年办件十二万件。\n")
    assert lint_text(own, tmp_path, select="B101") == []


def test_an_open_information_table_with_bars_or_bracketed_fields_is_residue(tmp_path: Path) -> None:
    """A portal's open-information table copied as rows of fields and values between bars, its field names alone or
    in brackets."""
    bars = ("索引号 | 11500000/2024-00012 | |\n组配分类 | 计划总结 | 发布机构 | 示例街道 |\n公开范围 | 面向全社会 |\n"
            "示例街道2024年工作总结\n2024年，街道围绕中心工作，完成了年初确定的各项任务。\n")
    brackets = ("[ 索引号 ] | 11500000/2024-00007 | [ 发文字号 ] | 示府发〔2024〕2号 |\n[ 主题分类 ] | 综合政务 |\n"
                "示例镇人民政府关于印发2024年工作要点的通知\n各村（社区）：现将工作要点印发给你们，请认真贯彻落实。\n")
    for text, span in ((bars, (1, 3)), (brackets, (1, 2))):
        assert [(f.block + 1, f.end_block + 1) for f in lint_text(text, tmp_path, select="B101")] == [span]


def test_a_posts_date_without_its_year_beside_the_sites_name_is_residue(tmp_path: Path) -> None:
    text = "在全县工作会议上的讲话\n10-28 示例素材网\n同志们：\n今天召开全县工作会议，主要任务是总结工作、部署任务。\n"
    assert [(f.block + 1, f.end_block + 1) for f in lint_text(text, tmp_path, select="B101")] == [(2, 2)]


def test_a_pages_title_over_its_residue_lines_repeated_by_the_documents_head_is_the_pages(tmp_path: Path) -> None:
    """A sharing site prints the document's head as its page title, then its own lines, then the document: the
    first copy is residue, and the document's own head line is no repetition of it."""
    text = ("示例县人民政府办公室文件\n时间:2021-06-01 09:30:12 下载本文 作者:会员上传\n"
            "简介:写写帮文库小编为你整理了多篇相关的《示例县人民政府办公室文件》\n示例县人民政府办公室文件\n"
            "示政办发〔2021〕12号\n各乡镇人民政府，县政府各部门：\n现将有关事项通知如下。\n")
    found = [(f.rule, f.block) for f in lint_text(text, tmp_path, select="B101,B104")]
    assert found == [("B101", 0)]


def test_a_date_left_as_spaces_is_a_blank_but_a_forms_date_to_write_by_hand_is_not(tmp_path: Path) -> None:
    # a plan's dates whose month and day were never filled in: one blank, its places counted
    plan = ("关于开展邻里节活动的方案\n一、活动时间\n2025年  月  日至  月  日，分两个阶段进行。\n二、报名时间\n"
            "报名截止：  月  日。\n")
    found = lint_text(plan, tmp_path, select="B103")
    assert [(f.block, f.excerpt.strip()) for f in found] == [(2, "月  日")] and "3 处" in found[0].message
    assert "日期" in found[0].message or "填写" in found[0].message
    # a form's line to sign and date by hand, and a line holding only the date under a stamp: blanks on purpose
    form = ("附件：报名表\n申请人签字：______ ____年__月__日\n（盖章）\n            年   月   日\n"
            "经办人签名：            年  月  日\n")
    assert lint_text(form, tmp_path, select="B103") == []


def test_a_task_table_restating_the_text_is_no_repeat_but_a_row_said_twice_is() -> None:
    task = "完成城区主干道路灯更换一千二百盏，年底前全部通电验收，由县城管局负责。"
    text = [("县城区照明提升工作方案", "paragraph", None), ("一、主要任务", "paragraph", None), (task, "paragraph", None),
            ("附件：任务分解表", "paragraph", None), ("序号", "cell", None), ("任务", "cell", None), ("1", "cell", None)]
    assert _lint_blocks([*text, (task, "cell", None)], "B104") == []
    other = "完成老城区支路路灯更换三百盏，明年六月底前通电验收，由县城管局负责。"
    twice = _lint_blocks([*text, (task, "cell", None), ("2", "cell", None), (other, "cell", None), ("3", "cell", None),
                          (other, "cell", None)], "B104")
    assert [f.block for f in twice] == [11]


def test_a_document_citing_itself_by_another_name(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    text = ("县文旅局关于印发《城关镇2024年文明创建工作要点》的通知\n各股室：\n现将《城关镇2024年文明创建工作要点》印发给你们。\n"
            "城关镇2024年文明创建工作要点\n一、工作要求\n各股室要认真研读{cited}，细化分解任务。\n")
    found = lint_text(text.format(cited="《城关镇政府2024年文明建设工作要点》"), tmp_path, select="B106")
    assert [f.excerpt for f in found] == ["《城关镇政府2024年文明建设工作要点》"]
    assert "《城关镇2024年文明创建工作要点》" in found[0].message
    for cited in ("《城关镇2024年文明创建工作要点》",  # its own name
                  "《城关镇2024年文明 创建工作要点》",  # … with a space where a web page broke the title
                  "《县2024年文明建设工作要点》",  # the county's: the body above
                  "《城关镇2023年文明创建工作要点》",  # last year's
                  "《城关镇2024年安全生产工作要点》"):  # another subject
        assert lint_text(text.format(cited=cited), tmp_path, select="B106") == [], cited


def test_a_report_on_how_a_document_was_carried_out_cites_that_document(tmp_path: Path) -> None:
    """关于2023年度……审计查出问题整改情况的报告 cites 《关于某某县2023年度……的审计工作报告》, whose problems it
    reports on: a report on how something went (……情况的报告) names what it follows up, never itself so."""
    from reportlint.testing import lint_text

    text = ("关于2023年度县本级预算执行审计查出问题整改情况的报告\n县人大常委会：\n"
            "今年7月，县人大常委会审议了《关于某某县2023年度县本级预算执行的审计工作报告》，现将整改情况报告如下。\n")
    assert lint_text(text, tmp_path, select="B106") == []


def test_the_same_plan_of_the_body_above_is_no_misnamed_self(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    text = ("关于印发《2025年西城区垃圾分类工作方案》的通知\n各街道：\n{lead}《2025年{place}垃圾分类工作方案》要求，"
            "我区制定了本方案，现印发给你们。\n")
    for lead, place in (("根据", "东海区"), ("对照", "滨江市")):  # cited as its ground; the city's own plan
        assert lint_text(text.format(lead=lead, place=place), tmp_path, select="B106") == [], (lead, place)
    # a district of the same level, cited with no ground: a name left from another district's text
    assert [f.rule for f in lint_text(text.format(lead="对照", place="东海区"), tmp_path, select="B106")] == ["B106"]


def test_a_notice_to_districts_speaks_of_each_districts_own_area(tmp_path: Path) -> None:
    """各区教育局： … 摸清本区……情况: 本区 is each addressee's own district, not a second speaker of a city's notice;
    the same 本区 in a notice addressed to the city's bureaus is reported."""
    from reportlint.testing import lint_text

    body = ("本市耕地保护任务重。本市各级要高度重视。请于6月底前掌握本区耕地种植情况，报本市农业部门。\n")
    to_districts = "关于做好耕地保护工作的通知\n各区教育局：\n" + body
    assert lint_text(to_districts, tmp_path, select="B106") == []
    to_bureaus = "关于做好耕地保护工作的通知\n市各有关委办局：\n" + body
    assert [f.excerpt for f in lint_text(to_bureaus, tmp_path, select="B106")] == ["本区"]
    # … nor in a sentence that names every district before it (各区要结合本区实际): each district's own
    each = body.replace("请于6月底前掌握本区", "各区人民政府要于6月底前掌握本区")
    assert lint_text("关于做好耕地保护工作的通知\n市各有关委办局：\n" + each, tmp_path, select="B106") == []


def test_one_sentence_said_again_alone_is_parallel_wording(tmp_path: Path) -> None:
    """The same step in two parallel procedures, a clause of an earlier sentence said again for a second category: one
    sentence of a longer paragraph said again alone, away from the first, is written so on purpose."""
    step = "成果报送县住房和城乡建设局审核，由县人民政府批准后予以公布。"
    text = (f"县旧村改造工作方案\n一、整村改造\n1.方案编制。村集体组织编制改造方案，征求村民意见。{step}\n"
            f"二、零星改造\n1.方案编制。申请人编制改造方案，征询相邻权利人意见。{step}\n")
    assert lint_text(text, tmp_path, select="B104") == []
    visit = "结合县民政局助老计划对高龄独居老人开展结对帮扶"
    clause = (f"县消防安全排查方案\n（一）高风险类。每周上门一次，督促清除可燃物；{visit}，加强巡访关爱。\n"
              f"（二）中风险类。每月上门一次，督促家属加强看护。{visit}。\n")
    assert lint_text(clause, tmp_path, select="B104") == []
    # … the same sentence one sentence later is a slip (a tail begun inside a word too: test_repeats_inside_run_together_text)
    near = f"县旧村改造工作方案\n一、整村改造\n村集体组织编制改造方案。{step}会议要求抓好落实。{step}\n"
    assert [f.line for f in lint_text(near, tmp_path, select="B104")] == [3]


def test_a_saved_pages_title_line_keeps_its_title_and_loses_its_fields(tmp_path: Path) -> None:
    """A page saved as text: a Markdown heading mark, the title, then the page's date and font-size switch as links
    on the same line. The title is the document's (no S105); the fields are one B101 where they stand."""
    link = "(https://www.example.gov.cn/a/1.html)"
    text = (f"## 示例市关于2024年污染防治攻坚工作的报告   发布日期：2024-11-20      字号：  [大]{link} [中]{link} "
            f"[小]{link}\n\n市委、市政府高度重视整改工作，现将有关情况报告如下。\n一、整改进展\n全年完成整改任务42项。\n")
    found = [(f.rule, f.excerpt[:5]) for f in lint_text(text, tmp_path, select="S105,B101")]
    assert found == [("B101", "发布日期：")]


def test_an_open_information_table_as_markdown_rows_over_the_title_is_residue(tmp_path: Path) -> None:
    """A catalogue's fields saved as rows of a Markdown table over the document: one B101 for the rows."""
    rows = ("| 目录项的基本信息 |\n| 公开事项名称: | 关于做好春耕生产的通知 | |\n"
            "| 索引号: | 000000000/2024-00001 | 主办单位: | 示例县农业农村局 |\n| 制发日期: | 2024-03-01 |\n")
    body = "关于做好春耕生产的通知\n各乡镇：\n请于3月20日前完成春耕物资排查，并报县农业农村局。\n"
    found = lint_text(rows + body, tmp_path, select="B101")
    assert [(f.block + 1, f.end_block + 1) for f in found] == [(1, 4)]


def test_a_portals_related_links_under_the_signature_are_residue(tmp_path: Path) -> None:
    """Under the date: the related-links box's heading, one link and the rankings' heading. One B101 for the three;
    the attachment's name above them stays."""
    text = ("关于做好春耕生产的通知\n各乡镇：\n请于3月20日前完成春耕物资排查，并报县农业农村局。\n附件：\n春耕物资排查表\n"
            "示例县农业农村局\n2024年3月1日\n相关政策与解读\n示例县印发《春耕生产工作方案》\n排行榜\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block + 1, f.end_block + 1) for f in found] == [(8, 10)]


def test_a_list_of_ordinals_is_no_passage_written_twice(tmp_path: Path) -> None:
    """第三次县长办公会议、第八次县长办公会议、第八十次……: 次县长办公会议、第八 twice in a row, the same words around other numbers.
    A clause written twice is reported, with its numbers in it."""
    meetings = ("情况通报\n第三次县长办公会议、第八次县长办公会议、第八十次县长办公会议议定的事项，已经办结；"
                "其余事项，已经办结。")
    assert lint_text(meetings, tmp_path, select="B104") == []
    doubled = "情况通报\n议定事项共12项、已办结10项，议定事项共12项、已办结10项，其余正在推进。"
    assert [f.rule for f in lint_text(doubled, tmp_path, select="B104")] == ["B104"]


def test_a_bodys_own_fields_with_clause_marks_are_no_metadata_row(tmp_path: Path) -> None:
    """A reply's items name the project's fields (资金来源：…，资金来源：自筹): clauses with commas between them, not a
    page's metadata row of short values (时间:2024-05-06 来源:县政府网), which stays residue."""
    body = ("关于仓储中心项目立项的批复\n县农业农村局：\n你局的请示收悉。现批复如下：\n一、项目名称：县粮食仓储中心。\n"
            "二、投资额及资金来源：项目总投资约1800万元，资金来源：县级财政。\n请抓紧开展前期工作。\n")
    assert lint_text(body, tmp_path, select="B101") == []
    page = "时间:2024-05-06 来源:县政府网\n" + body
    assert [(f.rule, f.line) for f in lint_text(page, tmp_path, select="B101")] == [("B101", 1)]


def test_a_model_text_page_title_over_the_body_is_the_title_with_the_sites_word(tmp_path: Path) -> None:
    """……自查报告范文 with the body right under it is the document's title: the site's word 范文 is reported, the line is
    kept (no title is missing). Over the document's own title the same line is the page's, residue."""
    text = "- 5\n- 0\n- 约3.2千字\n- 约 6页\n- 2025-05-20 发布于江西\n- 举报\n村级财务管理自查报告范文\n按照镇党委要求，我村对财务管理开展了自查。\n"
    found = lint_text(text, tmp_path, select="B101,S105")
    assert [(f.rule, f.block, f.end_block, f.excerpt[-2:]) for f in found] == [("B101", 0, 5, "举报"), ("B101", 6, 6, "范文")]
    assert "标题末尾" in found[1].message
    # … the site's word in brackets after a 汇报 (……情况汇报(参考范文))
    bracketed = "村级财务管理情况汇报(参考范文)\n按照镇党委要求，我村对财务管理开展了自查。\n"
    assert [(f.rule, f.excerpt) for f in lint_text(bracketed, tmp_path, select="B101,S105")] == [("B101", "(参考范文)")]
    over = text.replace("范文\n", "范文\n村级财务管理自查报告\n")
    assert [(f.rule, f.block, f.end_block) for f in lint_text(over, tmp_path, select="B101,S105")] == [("B101", 0, 6)]


def test_a_model_text_page_asking_how_to_write_its_kind_and_a_spaced_blurb_are_residue(tmp_path: Path) -> None:
    """……调研报告怎么写? over the text is the site's heading; its blurb with both verbs (以下是小编收集整理的) and with
    commas a site spaced out (欢迎阅读 , 希望大家能够喜欢) is residue; the report's title under them is kept."""
    text = ("社区养老服务调研报告怎么写?\n\n社区养老服务调研报告\n报告写作要注意格式 。以下是小编收集整理的社区养老服务调研报告 , "
            "欢迎阅读 , 希望大家能够喜欢 。\n今年5月，我们对全区12个社区的养老服务开展了调研。\n")
    found = lint_text(text, tmp_path, select="B101,S105")
    assert [(f.rule, f.block) for f in found] == [("B101", 0), ("B101", 3)]
    # a lecture on writing under its own title is no page heading
    own = "关于调研报告怎么写的几点体会\n调研报告要用事实说话。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_viewers_page_counter_collection_counts_and_a_sites_advert_are_residue(tmp_path: Path) -> None:
    """A sharing site's title line closed by its viewer's page counter (……汇编(12篇)(第3/8页)), a collection's title with
    (共6篇) or ……汇编(4篇), the counter 还剩8页未读 alone, the editor's line with the time posted, and a model-text
    site's advertisement with its download address are residue; the report under them is kept."""
    body = "一、基本情况\n全县共有中小学四十所。\n二、存在的问题\n部分学校师资不足。\n"
    for head in ("县域教育调研报告汇编(12篇)(第3/8页)", "关于县域教育发展情况的调研报告(共6篇)", "教育局工作总结汇编(4篇)",
                 "还剩8页未读，继续阅读", "编辑:县教育局办公室 发布时间: 2024-05-02 11:16"):
        found = lint_text(head + "\n" + body, tmp_path, select="B101")
        assert [(f.block, f.end_block) for f in found] == [(0, 0)], head
    advert = "某某范文网，海量公文素材，下载网址:www.example.com，润笔请加微:abc123。 县域教育调研报告\n" + body
    found = lint_text(advert, tmp_path, select="B101")
    assert len(found) == 1 and "下载网址" in found[0].excerpt and "润笔" in found[0].excerpt  # one finding
    own = "关于县域教育发展情况的调研报告\n" + body  # the document's own title: kept
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_model_text_sites_slogan_buttons_sharing_blurb_and_counted_titles_are_residue(tmp_path: Path) -> None:
    """范文之家!您身边的写作助手!请记住我们域名:……, a row of 分享 时间: 加入收藏 我要投稿 点赞, 下面给大家分享……,欢迎阅读!,
    这里为大家整理了……, and a collection's title with a year or a count in Chinese numerals before 篇 are residue."""
    body = "一、基本情况\n全镇共有行政村十二个。\n二、存在的问题\n部分村集体经济薄弱。\n"
    for head in ("范文之家!您身边的写作助手!请记住我们域名:example.cn", "范文大全 分享 时间: 加入收藏 我要投稿 点赞",
                 "想写好调研报告吗?下面给大家分享几篇乡村调研报告,欢迎阅读!", "这里为大家整理了几篇调研报告,供参考。",
                 "乡镇乡村振兴调研报告2024(6篇)", "乡镇乡村振兴调研报告(六篇)"):
        found = lint_text(head + "\n" + body, tmp_path, select="B101")
        assert [(f.block, f.end_block) for f in found] == [(0, 0)], head
    picked = "学校校长述职报告精选(八篇)\n" + body  # the site's pick after the kind
    assert [(f.block, f.end_block) for f in lint_text(picked, tmp_path, select="B101")] == [(0, 0)]
    fields = "撰写时间\n2024年01月12日 17:12:21\n来源\n某某镇\n关于乡村振兴情况的调研报告\n" + body  # labels on their own lines
    found = lint_text(fields, tmp_path, select="B101")
    assert len(found) == 1 and found[0].block == 0 and 2 <= found[0].end_block < 4  # the title line stays
    counted = "学校经费请示范文模板热门12篇\n浏览\n关于申请维修经费的请示\n" + body  # a heading of samples, a counter
    assert [(f.block, f.end_block) for f in lint_text(counted, tmp_path, select="B101")] == [(0, 1)]
    own = "关于乡村振兴情况的调研报告\n今年以来，我们给大家分享了学习资料，收到了很好的效果。\n" + body
    assert lint_text(own, tmp_path, select="B101") == []


def test_open_information_fields_a_timestamp_line_an_original_headline_and_a_journal_sites_blurb_are_residue(
        tmp_path: Path) -> None:
    """• 公开主体:, 发布部门:……, 2024年03月08日09:15 来源:……, (原标题:……) and 寻找写作灵感?……为您的阅读和创作带来灵感
    over the text are residue; a sentence of the body that names a department is not."""
    body = "关于做好春季防火工作的通知\n各乡镇：\n请各乡镇于3月底前完成隐患排查。\n"
    for head in ("• 公开主体:县应急管理局", "发布部门:县政府办", "2024年03月08日09:15    来源:县融媒体中心",
                 "(原标题:县应急管理局部署春季防火工作)", "前言:寻找写作灵感?本站挑选的防火方案,希望能为您的阅读和创作带来灵感"):
        found = lint_text(head + "\n" + body, tmp_path, select="B101")
        assert [(f.block, f.end_block) for f in found] == [(0, 0)], head
    own = body + "发布部门要在3月10日前完成公示。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_question_and_answer_pages_picks_blurbs_and_hashtags_are_residue(tmp_path: Path) -> None:
    """A Q&A site's labels and the asker's plea, a model-text site's picks line, its blurb offering samples and
    inspiration, and a tags line with hashtags are residue; the report under them is kept."""
    text = ("村卫生室自查报告怎么写，求大神指点，急急急！\n最佳答案\n村卫生室自查报告\n按照县卫健局要求，我室开展了自查。\n"
            "小编特别推荐\n标签: #自查报告\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(0, 1), (4, 5)]
    blurb = ("社区治理调研报告\n本站为您精心挑选了五篇社区治理调研报告，大家可以从中获得一些写作灵感。\n今年4月，我们走访了6个社区。\n")
    assert [f.block for f in lint_text(blurb, tmp_path, select="B101")] == [1]
    picks = ("社区治理调研报告\n导言：不可错过为您精心挑选的8篇社区治理调研报告，它们将为您的写作提供参考。\n"
             "今年4月，我们走访了6个社区。\n")
    assert [f.block for f in lint_text(picks, tmp_path, select="B101")] == [1]
    own = "读书活动总结\n活动激发了学生的写作灵感，标签化的评价被打破。\n我们推荐了三十本书。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_font_switch_label_that_lost_its_links_is_residue_at_the_head(tmp_path: Path) -> None:
    """打印 字体: at the head of a page, the switch's 大 中 小 links lost in the copy, is the toolbar's: no half-width
    colon of the text to correct there."""
    text = "分享到:\n打印 字体:\n2024-03-01 09:00 来源:县商务局\n关于个体工商户年报的通知\n各商户：\n请于6月30日前完成年报。\n"
    found = lint_text(text, tmp_path, select="B101,T103")
    assert [(f.rule, f.block, f.end_block) for f in found] == [("B101", 0, 2)]


def test_an_english_sharing_sites_header_over_a_transcript_is_residue(tmp_path: Path) -> None:
    text = ("关于印发学习计划的通知\nUpload: admin\nPost on 12-Mar-2021\n8 views\nCategory:\nDocuments\n0 download\n"
            "TRANSCRIPT\n各支部：\n现将学习计划印发给你们，请认真贯彻落实。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(1, 7)]
    # a report's own line that names its views or its category is no header
    own = "网站运行情况报告\n全年发布信息1200条。\n累计访问量：35 views 以上的页面有20个。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_sharing_sites_file_panel_and_fields_are_residue(tmp_path: Path) -> None:
    """基本信息 / 文件名称：… / 总字数:约3.2千字 / 文档摘要 over the text; bulleted fields (- 上传时间:…, - 格式:DOCX); an ID
    and an uploader line; the paywall's 预览阅读已结束. A notice's own 格式 requirement is the notice's."""
    panel = ("基本信息\n文件名称:村级财务管理制度.docx\n文件大小:28.6 KB\n总页数:9 页\n总字数:约3.2千字\n文档摘要\n"
             "村级财务管理制度\n第一条 为规范村级财务管理，制定本制度。\n")
    assert [(f.block, f.end_block) for f in lint_text(panel, tmp_path, select="B101,T103")] == [(0, 5)]
    bullets = ("村级财务管理制度.docx\n- 文档编号:10020030\n- 上传时间:2024-05-11\n- 格式:DOCX\n村级财务管理制度\n"
               "第一条 为规范村级财务管理，制定本制度。\nID:123456\n上传者:张三\n预览阅读已结束，若您需要全文或代笔。\n")
    found = lint_text(bullets, tmp_path, select="B101,T103")
    assert [(f.rule, f.block, f.end_block) for f in found] == [("B101", 0, 3), ("B101", 6, 8)]
    own = "关于报送年度总结的通知\n各村：\n请于12月20日前报送年度总结。\n格式：Word文档，字数不少于3000字。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_word_counts_contributor_lines_picks_and_calls_to_register_are_residue(tmp_path: Path) -> None:
    text = ("县教育局工作总结\n下面是网络小编收集整理的县教育局工作总结，希望对大家有帮助。\n今年全县新建学校3所。\n"
            "网友供稿 共计2860个字\n【文章共2860字，请勿直接抄袭】\n小编精心推荐\n版权声明 我要投稿\n新来的客人请【点此注册】加入会员\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(1, 1), (3, 7)]


def test_a_sharing_sites_file_name_for_a_document_is_a_page_title() -> None:
    """……工作计划(最新版).docx, ……总结报告.pdf: the name of the file a sharing site shows, a page title of the head
    (residue over the document's own title), whose extension and tag are its suffix; a title naming a file is none."""
    import re
    import tomllib

    from reportlint.rulebook import builtin_rules_dir

    params = tomllib.loads((builtin_rules_dir() / "boilerplate.toml").read_text(encoding="utf-8"))["B101"]["params"]
    titles = [re.compile(p) for p in params["page_title_patterns"]]
    suffix = re.compile(params["page_title_suffix"])
    for name, tail in (("县卫生院工作计划(最新版).docx", "(最新版).docx"), ("社区半年度工作总结报告.pdf", ".pdf")):
        assert any(t.search(name) for t in titles)
        assert suffix.search(name).group() == tail
    assert not any(t.search("关于报送工作总结.docx文件的通知") for t in titles)


def test_a_model_text_sites_welcome_and_name_lines_are_residue_whole(tmp_path: Path) -> None:
    """学习进步每一天，××范文网欢迎您！ and ××范文网 范文大全 over the text: the whole line is the site's, not only
    the site's name in it."""
    text = ("学习进步每一天，优文范文网欢迎您！\n优优范文网 范文大全\n村防汛应急预案\n"
            "为做好汛期防汛工作，保障群众生命财产安全，结合本村实际，制定本预案。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(0, 1)]
    speech = "同志们：\n欢迎大家来到我县考察指导，全县干部群众欢迎你们！\n"
    assert lint_text(speech, tmp_path, select="B101") == []


def test_a_sharing_sites_preview_lines_a_photo_caption_and_a_public_accounts_credits_are_residue(
        tmp_path: Path) -> None:
    """说明:文章内容仅供预览…, 文本内容: over the text, (资料图) under a news headline, and 一审：/二审：/三审： credit lines
    at the foot of a public account's article."""
    text = ("说明:文章内容仅供预览,部分内容可能不全,下载后以原文为准。\n文本内容:\n镇中心学校安全工作总结\n"
            "本学期我校开展安全隐患排查4次，整改隐患12处。\n(资料图)\n全体师生参加了应急疏散演练。\n"
            "一审:王某某\n二审:李某某\n三审:赵某某\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(0, 1), (4, 4), (6, 8)]
    court = "案件办理情况报告\n一审：被告人不服判决，提出上诉。\n二审：维持原判。\n"
    assert lint_text(court, tmp_path, select="B101") == []


def test_a_model_text_sites_breadcrumb_through_its_sample_columns_and_piece_labels_are_residue(tmp_path: Path) -> None:
    """活动范文 > 活动总结 > 导航 > …… and the collection's title with (模板6篇), each piece's title with (篇1)."""
    text = ("学校范文 > 教学总结 > 导航 > 小学教学工作总结范文(模板5篇)\n小学教学工作总结范文(模板5篇)\n"
            "小学教学工作总结范文(篇1)\n本学期我校完成教学计划，学生合格率达到98%。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(0, 2)]
    own = "关于调整学校作息时间的通知\n夏季作息时间：上午 8:00 > 下午 2:30，请各班遵照执行。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_the_unit_whose_own_situation_the_text_works_from_is_the_speaker(tmp_path: Path) -> None:
    """督察组进驻我省……向我省反馈……结合我市实际，制定本方案: a city's plan names the province an inspection visited
    more often than itself; 我市实际 says who speaks, and the province above it is no other speaker."""
    text = ("环境问题整改方案\n今年4月，省生态环境保护督察组进驻我省开展督察，并向我省反馈了督察意见。"
            "为抓好反馈问题整改，结合我市实际，制定本方案。\n一、整改任务\n我市各县区要在年底前完成整改。\n")
    assert lint_text(text, tmp_path, select="B106") == []
    other = text.replace("我市各县区", "我县各乡镇")
    assert [f.excerpt for f in lint_text(other, tmp_path, select="B106")] == ["我县"]


def test_a_breadcrumb_from_the_home_page_numbered_by_a_page_to_text_tool_is_residue(tmp_path: Path) -> None:
    """1. 主页 > 知识大全 > over a collection: the page's breadcrumb (主页 as 首页), numbered by the tool that turned the
    page into text; its 1. is no first item of the document (no N101 at the document's own 1、)."""
    text = ("1. 主页 > 文档大全 >\n\n学校食堂管理制度\n(一)食品采购\n1、从正规渠道采购食品。\n2、建立采购台账。\n")
    assert [(f.rule, f.block) for f in lint_text(text, tmp_path, select="B101,N101,S105")] == [("B101", 0)]


def test_a_sites_welcome_theme_switch_post_time_and_user_name_byline_are_residue(tmp_path: Path) -> None:
    """欢迎您访问××网，本站……, 您现在的位置是: 首页, 主题颜色, ××网 2023-11-08 12:32:51 (a post's time to the second)
    and 编辑:webadmin2 over the text; a meeting's time (no seconds) and a report's own 编辑 line with a name stay."""
    text = ("欢迎您访问某某知识网，本站为大家提供日常生活小知识。\n您现在的位置是: 首页\n主题颜色\n"
            "学校安全自查报告\n某某知识网 2023-11-08 12:32:51\n编辑:webadmin2\n"
            "教育局：\n我校于10月27日接到通知后，立即组织开展安全自查，共排查隐患5处。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(0, 2), (4, 5)]
    own = "会议通知\n会议时间 2024-05-06 09:00\n编辑：张明\n请各单位准时参会。\n"
    assert lint_text(own, tmp_path, select="B101") == []
    # … worded 欢迎进入 (a bank's or a body's own site over its news): the page's, and the title is the news's own
    entered = "欢迎进入某某农商银行官方网站!\n某某支行开展防范电信诈骗宣传活动\n" + text[text.index("教育局"):]
    assert [(f.rule, f.block) for f in lint_text(entered, tmp_path, select="B101,S105")] == [("B101", 0)]


def test_a_posts_slashed_time_uploader_credits_qq_ad_and_upload_note_are_residue(tmp_path: Path) -> None:
    """发表时间:2023/12/21 18:29:50, 投稿人:……, 编辑:……责编:……审核:……, 网站大量收购……联系QQ:……, 《……》由会员上传分享,
    更多相关内容在……: a page's lines, wherever they stand; a report's own 年月日 date after 发布时间 in a sentence stays."""
    text = ("网站大量收购精品文档,联系QQ:12345678\n乡镇工作报告\n发表时间:2023/12/21 18:29:50\n投稿人:某某 全文1200字\n"
            "今年以来，全镇上下扎实推进各项工作，完成固定资产投资3亿元。\n编辑:王某某责编:李某某审核:赵某某\n"
            "《乡镇工作报告》由会员上传分享,免费在线阅读,更多相关内容在工作报告频道\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.block, f.end_block) for f in found] == [(0, 0), (2, 3), (5, 6)]
    own = "关于公布考试成绩的通知\n成绩发布时间为2024年7月20日，请考生及时查询。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_model_text_sites_watermark_line_is_residue(tmp_path: Path) -> None:
    """A model-text site puts its name and address between the paragraphs it serves (××范文宝典：www.××.com): a line
    to delete. A notice's own contact line (网址：www.….gov.cn) is the notice's."""
    text = ("关于某镇农村饮水安全情况的调研报告\n为摸清全镇农村饮水安全现状，调研组走访了12个村。\n"
            "好写公文范文宝典：www.example.com\n一、基本情况\n全镇共有集中供水工程8处。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [f.line for f in found] == [3]
    notice = text.replace("好写公文范文宝典：www.example.com", "咨询网址：www.example.gov.cn")
    assert lint_text(notice, tmp_path, select="B101") == []


def test_a_slot_with_its_example_after_it_is_no_blank_left(tmp_path: Path) -> None:
    """以“我的××”（如“我的家乡”）为题: a slot the writer of each entry fills, its example given right after; the same
    ×× with no example is a blank left."""
    text = "某校征文活动方案\n一、征文主题\n以“我的××”（如“我的家乡”）为题，讲述身边的故事。\n"
    assert lint_text(text, tmp_path, select="B103") == []
    left = text.replace("（如“我的家乡”）", "")
    assert [f.rule for f in lint_text(left, tmp_path, select="B103")] == ["B103"]


@pytest.mark.parametrize("line", [
    "本文内容由互联网用户自发贡献，该文观点仅代表作者本人。本站仅提供信息存储空间服务，不拥有所有权，不承担相关法律责任。",
    "如若转载，请注明出处：https://www.example.com/1.html",
    "某网专题频道总结范文栏目，提供与总结范文相关的所有资讯，希望我们所做的能让您感到满意！",
    "（请认真阅读下面的提示信息）",
])
def test_a_content_sites_notes_inside_the_text_are_residue(tmp_path: Path, line: str) -> None:
    """A content site's disclaimer, its repost note, a channel's blurb and its prompt over its notes stand between the
    paragraphs of the text it serves: lines to delete wherever they are."""
    text = f"某村2024年工作总结\n今年以来，我村围绕中心工作，扎实推进各项任务，取得了明显成效。\n{line}\n二是加强组织建设。\n"
    assert [f.line for f in lint_text(text, tmp_path, select="B101")] == [3]


def test_a_collection_sites_head_lines_are_residue(tmp_path: Path) -> None:
    """The head of a model-text site's page: the collection's title with its count in Chinese numerals, its 文章导读 label,
    its greeting with its service numbers and its preface (我们特意为您整理了……)."""
    text = ("某村工作总结精品(七篇)\n文章导读\nHI,欢迎来到好文网,发表咨询:400-000-0000\n"
            "前言:想要写好总结吗?我们特意为您整理了5篇范文,相信会为您的写作带来帮助。\n"
            "某村2024年工作总结\n今年以来，我村围绕中心工作，扎实推进各项任务。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.line, f.end_line) for f in found] == [(1, 4)]


@pytest.mark.parametrize("line", [
    "辅导员工作总结集锦9篇", "辅导员工作总结范文1", "护理工作总结范文【篇1】", "试用期工作总结篇(1)",
    "期刊大全 杂志订阅 投稿指导 登录/注册 购物车(0)", "- 2021-05-24 发布 |", "- 37.5 KB |", "- 3页",
    "admin72025-03-21 19:39:00",
])
def test_a_collection_sites_labels_and_a_pages_chrome_are_residue(tmp_path: Path, line: str) -> None:
    """Between the pieces of a collection: its count, each piece's number, a shop's header row, a sharing site's file
    facts and a user's name run into a post's time. A line of the text that ends in a figure is the text's."""
    text = f"某校2024年工作总结\n今年以来，我们认真履行职责，扎实做好各项工作。\n{line}\n二是加强队伍建设。\n"
    assert [f.line for f in lint_text(text, tmp_path, select="B101")] == [3]


def test_a_line_of_the_text_ending_in_a_count_is_the_texts(tmp_path: Path) -> None:
    text = "某校2024年工作总结\n今年以来，全校共获得市级奖励5篇\n二是加强队伍建设。\n"
    assert lint_text(text, tmp_path, select="B101") == []


def test_the_number_of_a_congress_left_blank_asks_for_a_figure(tmp_path: Path) -> None:
    """党的xx大明确提出: the blank is the congress's number, a figure to fill, not a place."""
    text = "某村工作计划\n一、指导思想\n党的xx大明确提出，全面推进乡村振兴。\n"
    found = lint_text(text, tmp_path, select="B103")
    assert len(found) == 1 and "数字" in found[0].message


@pytest.mark.parametrize("line", ["三味园范文网 导航", "某某范文网 2025-03-29"])
def test_a_model_text_sites_name_over_its_menu_or_a_date_is_residue(tmp_path: Path, line: str) -> None:
    text = f"某镇网格化党建工作交流材料\n{line}\n今年以来，我镇深化网格化党建工作，取得了明显成效。\n二是加强队伍建设。\n"
    assert [(f.line, f.excerpt) for f in lint_text(text, tmp_path, select="B101")] == [(2, line)]


@pytest.mark.parametrize("line", ["医院消防自查报告(范文六篇)", "公共卫生自查报告(精)"])
def test_a_collections_title_with_its_tag_is_residue(tmp_path: Path, line: str) -> None:
    text = f"{line}\n某医院消防安全自查报告\n为加强消防安全管理，我院开展了消防安全自查，现将情况报告如下。\n"
    assert [f.line for f in lint_text(text, tmp_path, select="B101")] == [1]


def test_a_sharing_sites_watermark_in_the_text_is_residue(tmp_path: Path) -> None:
    """下载后可任意编辑: the header a sharing site prints over each page of a file it sells, run into the text (B102:
    a page's header, the words to delete and the text kept)."""
    text = "下载后可任意编辑某小学安全工作自查报告为加强学校安全管理，我校开展了安全工作自查，现将自查情况报告如下。\n"
    found = lint_text(text, tmp_path, select="B101,B102")
    assert [f.excerpt for f in found] == ["下载后可任意编辑"]


def test_an_editors_note_on_what_samples_teach_is_residue(tmp_path: Path) -> None:
    """通过阅读一些成功的汇报范文，我们可以学习到一些写作技巧和思路: an editor's note over a sample; a document never speaks of
    itself as a sample of writing."""
    text = ("在工作中，汇报是一项重要的任务。通过阅读一些成功的汇报范文，我们可以学习到一些写作技巧和思路。\n"
            "某镇安全生产工作情况汇报\n今年以来，我镇认真落实安全生产责任制，全镇安全生产形势平稳。\n")
    assert [f.line for f in lint_text(text, tmp_path, select="B101")] == [1]


def test_gambling_spam_in_place_of_a_name_inside_sentences_keeps_the_paragraph(tmp_path: Path) -> None:
    """A hacked portal's spam took the place of a name inside a paragraph of sentences (……公众号更新较少，如“××365bet……
    交通局”公众号。): the sentences are the text's, the paragraph is not deleted whole; alone on a line the spam is."""
    para = "个别单位存在信息更新频次较少的问题，如“外围365bet网址交通局”等微信公众号更新不及时。"
    text = f"某县政务新媒体检查情况通报\n一、总体情况\n全县共检查政务新媒体40个。\n{para}\n"
    assert [f.line for f in lint_text(text, tmp_path, select="B101")] == []
    alone = text.replace(para, "外围365bet网址官方版下载")
    assert [f.line for f in lint_text(alone, tmp_path, select="B101")] == [4]


_SCATTERED = ("关于加强小区环境卫生管理的实施办法\n"
              "第一条 为加强小区环境卫?生管理，改善居!民生活环境，根据有关规定，制【定本办法。\n"
              "第二条 本办法适用于本市城区的各居民小区。居委会负?责组织居民开展爱国卫生活动。\n"
              "第三条 物业服务企业应当配—合街道办事处做好垃圾分类宣传，引导业主分类投】放生活垃圾。\n")


def test_marks_a_site_scattered_inside_words_are_one_finding(tmp_path: Path) -> None:
    """A law or model-text site scatters marks inside the words of its text against copying (卫?生, 居!民, 制【定):
    one B101 finding, at the first, with the count; T102 and T103 leave those marks to it."""
    found = lint_text(_SCATTERED, tmp_path, select="B101,T102,T103")
    assert [(f.rule, f.line, f.excerpt) for f in found] == [("B101", 2, "卫?生")]
    assert "至少 6 处" in found[0].message and [r["line"] for r in found[0].related] == [3, 4]


def test_a_writers_own_marks_between_words_are_not_scattered(tmp_path: Path) -> None:
    """Titles, colons and exclamations of a writer stand between words (学习《条例》规定, 目标：一是): no B101, and T102 and
    T103 still report a lone bracket and half-width marks."""
    text = ("学习心得\n学习《条例》《准则》《规定》后，我深受教育！通过学习：一是提高了认识；二是明确了方向；"
            "三是增强了信心！我们要对照《条例》要求，把纪律挺在前面。\n认真学习《党章》，牢记入党誓词!坚持原则?不动摇。\n"
            "落实【两个责任，争当先锋——努力工作。\n")
    found = lint_text(text, tmp_path, select="B101,T102,T103")
    assert {f.rule for f in found} == {"T102", "T103"}


def test_a_sites_blurb_in_its_own_name_is_residue(tmp_path: Path) -> None:
    """以下是××给大家收集的……: a model-text site's blurb under its page heading, in the site's own name; the heading
    run into it (……的请示请示是……) is no word typed twice."""
    text = ("关于申请会议室改造经费的请示请示是向上级机关请求指示、批准的公文,以下是文秘站给大家收集的请示范文,仅供参考。\n"
            "县财政局：\n我局会议室建于2008年，设施老化，现申请改造经费12万元。妥否，请批示。\n")
    found = lint_text(text, tmp_path, select="B101,T101")
    assert [(f.rule, f.line) for f in found] == [("B101", 1)]
    # an office's own sentence with 以下是 is no blurb
    own = "工作简报\n以下是各乡镇报送的整改情况，请各单位对照落实。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_title_with_marks_scattered_in_it_is_no_missing_title(tmp_path: Path) -> None:
    """The title line of a text whose page scattered marks inside the words holds them too (……卫?生管理的实施【办法):
    S105 cannot read it as a title and says nothing; B101 says what happened."""
    text = _SCATTERED.replace("关于加强小区环境卫生管理的实施办法", "关于加强小区环境卫?生管理的实施【办法")
    assert [f.rule for f in lint_text(text, tmp_path, select="B101,S105")] == ["B101"]


def test_an_underscore_after_a_kinds_name_joins_a_pages_titles(tmp_path: Path) -> None:
    """……应急预案_防汛预案: a web page's title joins two names with an underscore after the kind's name, no blank left
    for a name; 中共_县委 is still one."""
    text = "学校防汛应急预案_防汛预案范文\n为做好汛期安全工作，确保师生安全，特制定本预案。\n中共_县委要求各校落实。\n"
    assert [(f.line, f.excerpt) for f in lint_text(text, tmp_path, select="B103")] == [(3, "_")]


def test_a_blank_after_a_telephone_label_is_the_number_whatever_runs_on_after_it(tmp_path: Path) -> None:
    """联系电话：xxxxxxxxxxx年…: the date line glued after the blank does not make it a date."""
    text = "关于申请维修经费的请示\n县财政局：\n请予批准。\n联系人：xxx  联系电话：xxxxxxxxxxx年三月五日\n"
    found = lint_text(text, tmp_path, select="B103")
    assert any("电话号码" in f.message for f in found) and not any("日期" in f.message for f in found)


def test_a_model_text_sites_row_with_its_posting_time_is_residue(tmp_path: Path) -> None:
    text = ("关于申请办公经费的请示\n好范文网  发布于:2019-05-12  分类: 请示报告 手机版\n"
            "县财政局：\n我局现申请办公经费5万元。妥否，请批示。\n")
    assert [(f.line, f.excerpt[:4]) for f in lint_text(text, tmp_path, select="B101")] == [(2, "好范文网")]
    # an office's own sentence with 发布于 and a date written out is no row
    assert lint_text("工作简报\n该通知发布于2019年5月12日，各单位已落实。\n", tmp_path, select="B101") == []


def test_a_sharing_sites_list_of_notes_is_residue_between_its_known_items(tmp_path: Path) -> None:
    """1. 1、本文档共8页…… / 2. 2、(a note whose site name a spam replaced) / 3. 3、本站所有内容均由网友上传……: the list's
    first and last items are residue, so is the one between, and its 2、 is no repeated number."""
    text = ("文库精品文档下载\n  1. 1、本文档共8页,可阅读全部内容。\n"
            "  2. 2、某某娱乐官网文档一经付费,即视为同意本站的规则。\n"
            "  3. 3、本站所有内容均由合作方或网友上传,本站不对文档的完整性做任何保证。\n"
            "关于新建村级卫生室的申请报告\n县卫生健康局：\n我村现有人口3200人，申请新建卫生室一所。\n")
    found = lint_text(text, tmp_path, select="B101,N101,N103")
    assert [(f.rule, f.block + 1, f.end_block + 1) for f in found] == [("B101", 1, 4)]
    # a writer's own list in that form, with no residue around it, keeps its numbers
    own = "工作要求\n  1. 1、各村按时报送。\n  2. 2、各村按时报送。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_a_name_set_out_as_a_form_keeps_its_slot(tmp_path: Path) -> None:
    """名称定为“XXXX学校家长委员会”: the form every school's name takes, its XXXX on purpose; a blank elsewhere stays."""
    text = "实施意见\n各校设立家长委员会，名称定为“XXXX学校家长委员会”。\n由XX局负责指导。\n"
    assert [f.line for f in lint_text(text, tmp_path, select="B103")] == [3]


def test_a_sites_welcome_and_its_editor_on_how_to_write_are_residue(tmp_path: Path) -> None:
    """欢迎来到……范文网平台! and 接下来小编就给大家介绍一下……应该怎么去写: a model-text site's words over the sample; no
    title is missing under them."""
    text = ("欢迎来到专业的好文范文网平台! 心得体会 工作总结 工作计划\n"
            "方案的格式和要求是什么样的呢?接下来小编就给大家介绍一下方案应该怎么去写,我们一起来了解一下吧。\n"
            "社区环境整治工作方案\n为改善社区环境，制定本方案。\n")
    found = lint_text(text, tmp_path, select="B101,S105")
    assert [(f.rule, f.block + 1, f.end_block + 1) for f in found] == [("B101", 1, 2)]


def test_a_portals_metadata_rows_with_their_issuer_and_state_are_residue(tmp_path: Path) -> None:
    """| 制发机关 | …, | 文件类别 | …, | 文件状态 | …: the rows of a portal's table over the document, all of it one passage
    of residue (B107 does not call them Markdown)."""
    text = ("| 文号 | 某政发〔2024〕8号 |\n| 制发机关 | 某市人民政府 |\n| 成文日期 | 2024-05-13 |\n| 文件类别 | 通知 |\n"
            "| 文件状态 | 正在执行 |\n各镇人民政府，各街道办事处：\n现将有关事项通知如下。\n")
    found = lint_text(text, tmp_path, select="B101,B107")
    assert [(f.rule, f.block + 1, f.end_block + 1) for f in found] == [("B101", 1, 5)]


def test_a_pages_reading_aids_and_widgets_on_lines_of_their_own_are_residue(tmp_path: Path) -> None:
    """预计阅读时长 8 分钟, a text-to-speech player's lines, a search box's, a mobile prompt, (图片来源网络,侵删)."""
    text = ("精确检索\n开始检索\n员工培训方案\n预计阅读时长 8 分钟\n文章播报\n语音引擎就绪\n进度: 0/0 (0%)\n"
            "为提高员工素质，制定本方案。\n(图片来源网络,侵删)\n培训时间为每周五下午。\n用手机扫描二维码\n手机查看\n")
    lines = sorted({n for f in lint_text(text, tmp_path, select="B101") for n in range(f.block + 1, f.end_block + 2)})
    assert lines == [1, 2, 4, 5, 6, 7, 9, 11, 12]


def test_gambling_spam_in_place_of_a_name_is_one_finding_with_its_count(tmp_path: Path) -> None:
    """A hacked site's text with a casino's name in place of the school's, three times: one B101 finding at the first,
    the count and the other lines; the sentences around stay the text's."""
    text = ("关于期中教学检查情况的通报\n为做好期中教学检查工作，拉斯维加斯官方领导高度重视。\n"
            "检查组查阅了各学院的材料。\n拉斯维加斯官方对各学院提交的材料进行了汇总，拉斯维加斯官方将适时通报。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.line, f.excerpt) for f in found] == [(2, "拉斯维加斯官方")]
    assert "共 3 处" in found[0].message and [r["line"] for r in found[0].related] == [4]


def test_a_school_sites_header_and_a_sites_wish_for_its_samples_are_residue(tmp_path: Path) -> None:
    """××中学 欢迎您! / 今天是: over a school's page, and 希望大家能够通过这些……范文…… over a sample: no title missing
    under them."""
    school = "城东中学 欢迎您!\n今天是:\n德育工作方案\n为加强学生思想品德教育，制定本方案。\n"
    assert [(f.rule, f.block + 1, f.end_block + 1) for f in lint_text(school, tmp_path, select="B101,S105")] == [
        ("B101", 1, 2)]
    sample = ("方案一般包括目标、任务和步骤。希望大家能够通过这些方案范文的分享，提高写作水平。\n防溺水工作方案\n"
              "为保障学生安全，制定本方案。\n")
    assert [(f.rule, f.line) for f in lint_text(sample, tmp_path, select="B101,S105")] == [("B101", 1)]


def test_a_portals_note_where_it_stopped_its_preview_is_a_hidden_prompt(tmp_path: Path) -> None:
    """……又给师生带来不便 ……(未完，全文共939字，当前仅显示596字，请阅读下面提示信息。: the text before it is the
    document's; the note says where the rest went. Not the whole paragraph deleted."""
    text = ("安全检查情况汇报\n1、部分教室门窗损坏，已安排维修。\n"
            "2、学校无围墙，车辆经常出入操场，给师生带来 ……(未完，全文共939字，当前仅显示596字，请阅读下面提示信息。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.line, f.excerpt[:5]) for f in found] == [(3, "……(未完")] and "隐去部分内容" in found[0].message


def test_a_tipping_box_under_the_text_and_a_page_count_after_the_title_are_residue(tmp_path: Path) -> None:
    """An article site's tipping box (its prompt, its amounts one to a line, its button) is the site's, not a split
    title for X104; nor is its count of the page's characters after the title a bracket for T103."""
    text = ("全县秋冬季防火工作会议讲话 (本页约3200+字)\n同志们：\n今天召开会议，部署秋冬季防火工作。各乡镇要落实责任。\n"
            "如果觉得本文不错，欢迎打赏支持！\n尚未有人赞赏，快来第一个吧\n请选择打赏金额\n¥2\n¥5\n¥10\n¥20\n¥50\n赞赏\n")
    found = [(f.rule, f.line) for f in lint_text(text, tmp_path) if f.rule in ("B101", "X104", "T103")]
    assert found == [("B101", 1), ("B101", 4)]


def test_a_sites_definition_of_the_kind_run_into_the_title_is_residue_and_no_doubled_word(tmp_path: Path) -> None:
    """A model-text site defines the kind of its sample right after the sample's title (……工作总结工作总结是……的应用文):
    B101 names the definition; the kind written twice at the seam is no typo for T101. Typed twice in a sentence, it
    is one."""
    text = ("县农业农村局2024年工作总结工作总结是单位对一定时期的工作进行回顾和分析的一种应用文。今年以来，我局扎实推进各项工作。"
            "全年完成高标准农田建设两万亩。\n")
    found = [(f.rule, f.excerpt[:6]) for f in lint_text(text, tmp_path) if f.rule in ("B101", "T101")]
    assert found == [("B101", "工作总结是单")]
    typed = "县农业农村局2024年工作总结\n今年以来，我局认真做好工作总结工作总结，全年完成高标准农田建设两万亩。\n"
    assert [f.rule for f in lint_text(typed, tmp_path, select="T101")] == ["T101"]
