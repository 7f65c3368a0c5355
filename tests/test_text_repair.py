"""Text lines broken mid-sentence by an export are re-joined; findings keep the file's own lines."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reportlint.cli import cli
from reportlint.loaders.repair import rejoin
from reportlint.loaders.text import load_text

ZW = "\u200b"


def _texts(lines: list[str]) -> list[str]:
    return [t for _, t, _ in rejoin(lines)]


def test_link_on_its_own_line_is_joined_back() -> None:
    lines = ["会议传达学习了《", "安全生产工作条例", "》，要求各单位认真落实。", "", "二、下一步安排"]
    assert _texts(lines) == ["会议传达学习了《安全生产工作条例》，要求各单位认真落实。", "", "二、下一步安排"]


def test_word_split_at_a_page_boundary_is_joined_and_the_separator_dropped() -> None:
    out = rejoin(["今年完成道路改造十二公里，新建停车", ZW, "位三百个。", "", "明年继续推进。"])
    assert out[0] == (0, "今年完成道路改造十二公里，新建停车位三百个。", ((17, 3, 0),))
    assert [t for _, t, _ in out[1:]] == ["", "明年继续推进。"]


def test_a_title_cut_before_its_last_character_is_joined_but_not_a_line_ending_in_a_posting_date() -> None:
    assert _texts(["2024年城关镇工作总", "结", "", "今年以来。"]) == ["2024年城关镇工作总结", "", "今年以来。"]
    # a link's title glued to its posting date (……自查报告06-11) is whole: the ideograph under it is another line
    assert _texts(["乡镇安全工作自查报告06-11", "乡"]) == ["乡镇安全工作自查报告06-11", "乡"]
    # … nor a title over a paragraph whose indent an encoding turned into ?? (……行动方案 / ??为深入贯彻……)
    assert _texts(["某区营商环境建设行动方案", "??为深入贯彻落实有关要求，制定本方案。"]) == [
        "某区营商环境建设行动方案", "??为深入贯彻落实有关要求，制定本方案。"]
    # … nor a heading with the one ideograph the text stops at under it (建议与展望 / 基: a paragraph cut short)
    assert _texts(["一、基本情况", "建议与展望", "基"]) == ["一、基本情况", "建议与展望", "基"]


def test_a_date_broken_between_its_numbers_and_their_units_is_joined() -> None:
    lines = ["县人民政府", "", "2014", "年6", "月28", "日", "", "关于加强防汛工作的通知"]
    assert _texts(lines) == ["县人民政府", "", "2014年6月28日", "", "关于加强防汛工作的通知"]
    # a title broken into words is no date (X104 reports it as one run of fragments); nor is a sentence ending in a
    # figure, a long line, continued by a line that opens with 年
    assert _texts(["2023", "年县档案馆", "专题", "调研报告"]) == ["2023", "年县档案馆", "专题", "调研报告"]
    assert _texts(["全年新增就业岗位一千二百个，完成计划的120", "年度考核结果另行通知。"]) == [
        "全年新增就业岗位一千二百个，完成计划的120", "年度考核结果另行通知。"]


def test_title_cut_before_its_last_character() -> None:
    assert _texts(["关于开展安全检查的通", "知", "", "各单位："]) == ["关于开展安全检查的通知", "", "各单位："]


def test_real_paragraphs_headings_and_lists_stay_apart() -> None:
    lines = [
        "一、总体情况",  # heading without a full stop
        "今年各项工作稳步推进。",  # a sentence end: never joined to what follows
        "（一）主要做法",
        "1.加强组织领导",
        "\u3000\u3000新的一段从缩进开始",
        "某某单位",  # a signature line and a date
        "2024年3月1日",
        "国务院总理",
        "\u3000李某",
    ]
    assert _texts(lines) == lines


def test_a_line_opening_with_a_comma_under_a_first_level_heading_stays_apart() -> None:
    """一、 heading, then a paragraph whose first words were lost (，全县……): not one broken sentence."""
    lines = ["一、认真总结成绩，保持发展劲头", "，全县上下克服困难，经济平稳增长。"]
    assert _texts(lines) == lines
    # a closing mark still joins (the heading's book title was a link), and so does a comma under a sentence
    assert _texts(["一、认真学习《", "条例", "》，抓好落实。"]) == ["一、认真学习《条例》，抓好落实。"]
    assert _texts(["全县上下克服困难", "，经济平稳增长。"]) == ["全县上下克服困难，经济平稳增长。"]
    # … nor under a title ending in its kind (……的函): a reposting site's lead-in with its first words lost
    titled = ["某县人民政府关于审计发现问题整改情况的函", ",日前,某县人民政府发布了整改情况。"]
    assert _texts(titled) == titled
    assert _texts(["县里的审计发现问题整改情况和", ",日前完成。"]) == ["县里的审计发现问题整改情况和,日前完成。"]
    # … nor items that lost their numbers (1、 copied as 、) under a heading of the second level; a 、 under a
    # clause that breaks off still joins
    items = ["（二）考勤、请假", "、学员应按时到校，自开学第一天起考勤。", "、学员请假须经班主任同意。"]
    assert _texts(items) == items
    assert _texts(["学员应遵守考勤", "、请假等制度。"]) == ["学员应遵守考勤、请假等制度。"]


def test_one_line_documents_unchanged() -> None:
    line = "关于做好防汛工作的通知各单位：为做好今年防汛工作，特通知如下。"
    assert rejoin([line]) == [(0, line, ())]


def test_findings_point_at_physical_lines_and_extract_shows_first_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n".join(["关于开展检查的通", "知", "", "根据《", "管理办法", "》，现通知如下。",
                               "请于XX月XX日前报送。"]) + "\n", encoding="utf-8")
    doc = load_text(path, path.read_bytes())
    assert [(b.line, b.text) for b in doc.blocks] == [
        (1, "关于开展检查的通知"), (3, ""), (4, "根据《管理办法》，现通知如下。"), (7, "请于XX月XX日前报送。")]
    assert doc.blocks[2].position(3) == (5, 1)  # 管 of 管理办法 sits at line 5, column 1
    assert doc.blocks[2].position(8) == (6, 2)  # the comma after 》
    runner = CliRunner()
    res = runner.invoke(cli, ["check", "--no-cache", "--format", "json", "--select", "X104,B103", str(path)])
    findings = json.loads(res.output)["files"][0]["findings"]
    x104 = [(f["line"], f["end_line"]) for f in findings if f["rule"] == "X104"]
    assert x104 == [(1, 2), (4, 6)]
    placeholders = [(f["line"], f["column"]) for f in findings if f["rule"] == "B103"]
    assert all(line == 7 for line, _ in placeholders)
    res = runner.invoke(cli, ["extract", str(path)])
    assert res.output.splitlines()[2].startswith("4\t根据《管理办法》")


def test_a_page_broken_at_every_quotation_mark_is_one_finding_with_the_others_related(tmp_path: Path) -> None:
    """A page that put each quoted term and each bracketed word on lines of their own: three passages apart or more
    are one cause, one X104 at the first with the count and the others as related places; two stay two."""
    from reportlint.testing import lint_text

    passages = ["全县上下要积极投身\n“\n三城联创\n”\n各项工作。", "各单位要把\n“\n三城联创\n”\n摆上重要议事日程。",
                "各乡镇\n(\n街道\n)\n要设立专门办公室。"]
    text = "同志们：\n现在开会。\n" + "\n会议要求抓紧落实。\n".join(passages) + "\n"
    found = lint_text(text, tmp_path, select="X104")
    assert [(f.rule, f.line) for f in found] == [("X104", 4)]  # the line of the first piece broken off
    assert "全文共 3 处" in found[0].message and "“三城联创”" in found[0].message
    assert [r["line"] for r in found[0].related] == [10, 16]
    # a sentence broken at a page's end, in a long text broken so here and there, is each a passage to mend
    pages = "同志们：\n现在开会。\n" + "\n会议要求抓紧落实。\n".join(
        f"今年要重点抓好第{n}项工作，确保按期完\n{ZW}\n成。" for n in "一二三") + "\n"
    assert [f.line for f in lint_text(pages, tmp_path, select="X104")] == [3, 7, 11]
    two = "同志们：\n现在开会。\n" + "\n会议要求抓紧落实。\n".join(passages[:2]) + "\n"
    assert [f.line for f in lint_text(two, tmp_path, select="X104")] == [4, 10]


def test_no_x104_on_the_lines_of_one_markdown_paragraph(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    # a page's source wrapped around its inline HTML: one paragraph by Markdown's own rule, nothing broken
    lines = ["社区的成员是广大", "<b>公益志愿者</b>", "和", "<b>技术开发者</b>", "，大家共同参与了各项协作。"]
    assert lint_text("\n".join(lines), tmp_path, select="X104", name="page.md") == []
    assert [f.rule for f in lint_text("\n".join(lines), tmp_path, select="X104", name="page.txt")] == ["X104"]


def test_no_x104_on_table_cells(tmp_path: Path) -> None:
    from conftest import make_docx

    from reportlint.testing import lint_path

    rows = [["序号", "单位", "名额"], ["1", "甲院", "3"], ["2", "乙院", "2"], ["3", "丙院", "4"]]
    path = make_docx(tmp_path / "t.docx", [("各单位名额分配如下。", {"table": rows})])
    assert lint_path(path, select="X104").findings == []


def test_no_x104_on_a_list_of_short_items_after_a_colon(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    listed = "\n".join(["本次抽查的重点词语如下：", "保密", "内部", "不得外传", "传阅", "请各单位对照检查。"])
    assert lint_text(listed, tmp_path, select="X104") == []
    broken = "\n".join(["本次会议通报：", "今年全市", "年度", "专项", "检查", "工作方案", "已经印发。"])
    assert [f.rule for f in lint_text(broken.replace("通报：", "通报了"), tmp_path, select="X104")] == ["X104"]


def test_document_line_of_a_block(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("根据《\n管理办法\n》执行。\n第二段。\n", encoding="utf-8")
    doc = load_text(path, path.read_bytes())
    assert [doc.line_of(i) for i in range(len(doc.blocks))] == [1, 4]


def test_no_x104_inside_web_residue(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    # a wiki's licence notice after the text, its links on lines of their own: B101 deletes it,
    # there is nothing to merge
    text = "\n".join(["关于开展安全检查的通知", "各单位：", "请于本月底前完成自查。", "",
                      "本作品采用", "知识共享", "署名许可协议", "授权，转载时请注明", "原作者", "。"])
    found = lint_text(text, tmp_path, select="X104,B101")
    assert [f.rule for f in found] == ["B101"]


def _plain_rejoin(lines: list[str], markdown: bool = False) -> list[tuple[int, str, tuple[tuple[int, int, int], ...]]]:
    """``rejoin`` as first written, every line through ``_separator`` and ``_joinable``: the reference
    for its quick tests (a last character that ends a sentence, a blank line, a line without a
    zero-width or space character that cannot be a separator)."""
    from reportlint.loaders.repair import _CJK_ONE, _joinable, _separator

    out = []
    i, n, in_code = 0, len(lines), False
    last = max((k for k, line in enumerate(lines) if line.strip()), default=-1)  # one ideograph there: a cut text
    while i < n:
        start, text, joins = i, lines[i], []
        if markdown and lines[i].lstrip().startswith("```"):
            in_code = not in_code
        i += 1
        while i < n and not in_code:
            j = i
            while j < n and _separator(lines[j]):
                j += 1
            if j >= n or not _joinable(text, lines[j], j > i, markdown) or (
                    not markdown and j == last and j == i and _CJK_ONE.match(lines[j].strip())):
                break
            joins.append((len(text), j + 1, 0))
            text += lines[j]
            i = j + 1
        out.append((start, text, tuple(joins)))
    return out


def test_rejoin_quick_tests_agree_with_the_plain_walk() -> None:
    import random

    rng = random.Random(20)
    pieces = ["今年", "通", "知", "。", "，", "；", "：", "…", "”", "》", "）", "《", "（", "“", " ", "\u3000", "\t", "2014", "年6",
              ZW, "\ufeff", "\u2060", "一、", "（二）", "1.", "# ", "```", "abc", "?", "!", ".", "\xa0"]
    for _ in range(3000):
        lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 8))]
        for markdown in (False, True):
            assert rejoin(lines, markdown) == _plain_rejoin(lines, markdown), (lines, markdown)


def test_a_markdown_image_line_is_not_joined_to_the_line_above() -> None:
    from reportlint.loaders.repair import rejoin

    lines = ["2. [政务公开](https://www.example.gov.cn/zwgk.html \"\")", "![](https://www.example.gov.cn/banner.png)"]
    assert [text for _, text, _ in rejoin(lines)] == lines


WRAPPED = ("关于开展河道清理工作的情况汇报\n"
           "今年三月以来，我镇按照县河长办的统一部署，组织各村对辖区\n"
           "内的主要河道开展了集中清理，共出动人员一千二百余人次，清\n"
           "理河道垃圾三百多吨，拆除违章搭建的棚屋十五处，河道面貌明\n"
           "显改善。\n"
           "下一步，我镇将建立河道保洁长效机制，由各村落实专职保洁员。\n")


def test_a_paragraph_hard_wrapped_at_one_width_is_reported_once(tmp_path: Path) -> None:
    """Copied out of a PDF, a paragraph keeps a return at every line's end: one X104 finding for the paragraph, its
    lines named; the document's other lines are left alone."""
    from reportlint.testing import lint_text

    found = lint_text(WRAPPED, tmp_path, select="X104")
    assert [(f.line, f.end_line) for f in found] == [(2, 5)]
    assert "第 2—5 行" in found[0].message and "硬回车" in found[0].message


def test_parallel_headings_and_short_lists_are_no_wrapped_paragraph(tmp_path: Path) -> None:
    """Headings of one length begin with their numbers and are followed by their text; the items of a list and
    the lines of a table are short or spaced; lines that end their sentences are whole."""
    from reportlint.testing import lint_text

    headings = ("工作总结\n一、坚持高位推动，凝聚工作合力\n全年召开专题会议六次。\n"
                "二、坚持问题导向，狠抓整改落实\n全年整改问题二十项。\n三、坚持建章立制，巩固整改成果\n全年出台制度五项。\n")
    unnumbered = ("工作要点\n坚持高位推动凝聚各方面工作合力\n坚持问题导向狠抓各项整改工作落实\n"
                  "坚持建章立制巩固各项整改工作成果\n以上三项工作由办公室统筹推进。\n")
    table = ("经费情况\n序号  项目名称          金额（万元）  备注\n1     道路维修工程        120           已完工\n"
             "2     河道清理工程        80            在建\n3     路灯安装工程        45            在建\n")
    whole = ("情况说明\n今年以来，我镇组织各村对辖区内的主要河道开展集中清理。\n共出动人员一千二百余人次，清理垃圾三百多吨。\n"
             "拆除违章搭建的棚屋十五处，河道面貌明显改善。\n下一步将建立保洁长效机制，由各村落实保洁员。\n")
    for text in (headings, unnumbered, table, whole):
        assert lint_text(text, tmp_path, select="X104") == [], text


def test_several_broken_passages_close_together_are_one_finding_that_says_so(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    # each task's title, then its text on the next line opening with the title's full stop: three breaks, no run
    lines = ["县河道治理行动方案", "——任务1：开展河道清淤", "。全年清淤河道十二条。", "——任务2：建设生态护岸",
             "。建成护岸八公里。", "——任务3：完善管护机制", "。落实河长巡河制度。"]
    found = lint_text("\n".join(lines), tmp_path, select="X104")
    assert [(f.line, f.end_line) for f in found] == [(2, 7)]
    assert "有 3 处" in found[0].message and "不要把这几段合成一段" in found[0].message
    one = lint_text("\n".join(lines[:3]), tmp_path, select="X104")
    assert "原本是连在一起的文字" in one[0].message


def test_the_issuers_of_a_joint_document_over_its_date_are_no_broken_title(tmp_path: Path) -> None:
    """GB/T 9704-2012 7.3.5: a document issued jointly is signed by each body, one under another, over the date."""
    from reportlint.testing import lint_text

    body = "关于推进校外实践基地建设的意见\n各省、自治区、直辖市有关部门：\n现就推进实践基地建设提出如下意见。\n"
    names = "\n".join(["教育部", "财政部", "科学技术部", "文化和旅游部", "国家体育总局"])
    signed = body + names + "\n2024年3月18日\n"
    assert lint_text(signed, tmp_path, select="X104") == []
    # the same short lines with no date under them: a title or a sentence broken into words
    assert [f.rule for f in lint_text(body + names + "\n", tmp_path, select="X104")] == ["X104"]


def test_a_heading_cut_after_a_preposition_with_its_rest_below_a_blank_line(tmp_path: Path) -> None:
    """A converter put a paragraph break inside a heading (（三）坚持用 / 空行 / 科学理论指导实践。): one finding at the
    heading; a heading closed by a word (发挥作用) or followed at once by its text is no cut."""
    from reportlint.testing import lint_text

    head = "县委宣传部2025年工作要点\n一、加强理论武装\n"
    cut = head + "（三）坚持用\n\n\n科学理论指导实践。深入开展理论宣讲。\n（四）加强宣传阵地建设。\n"
    found = lint_text(cut, tmp_path, select="X104")
    assert [(f.line, f.excerpt) for f in found] == [(3, "（三）坚持用")] and "停在“用”字上" in found[0].message
    closed = head + "（三）发挥宣讲队伍作用\n\n各乡镇组建宣讲小分队。\n"
    assert lint_text(closed, tmp_path, select="X104") == []
    assert lint_text(cut.replace("坚持用\n\n\n", "坚持用\n"), tmp_path, select="X104") == []


def test_a_hard_wrapped_paragraph_is_one_block_and_findings_keep_their_lines(tmp_path: Path) -> None:
    """The text loader joins a paragraph broken at one width back into one block (as the PDF loader joins a page's
    lines); a finding inside it still names the file's own line and column."""
    from reportlint.testing import lint_text

    path = tmp_path / "wrapped.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    doc = load_text(path, path.read_bytes())
    assert [b.line for b in doc.blocks] == [1, 2, 6]
    assert doc.blocks[1].text == "".join(WRAPPED.split("\n")[1:5])
    assert doc.meta["wrapped"] == [(2, 5)]
    comma = WRAPPED.replace("拆除违章搭建的棚屋十五处，", "拆除违章搭建的棚屋十五处,")
    found = [(f.line, f.column) for f in lint_text(comma, tmp_path, select="T103") if "“,”" in f.message]
    assert found == [(4, 23)]


def test_a_quotation_closed_on_the_next_line_of_a_wrapped_paragraph_is_paired(tmp_path: Path) -> None:
    """Wrapped at a count of characters (half-width commas make the widths differ): the paragraph is joined, so the
    “ on one line and its ” on the next are a pair."""
    from reportlint.testing import lint_text

    lines = ["今年全县教育系统围绕“办好人民满意的教育,建设",
             "教育强县”的目标,扎实推进义务教育均衡发展,新",
             "建改扩建学校十二所,新增学位四千六百个,教师队伍",
             "素质不断提高,教育教学质量稳步提升。"]
    text = "县教育局工作总结\n" + "\n".join(lines) + "\n"
    assert lint_text(text, tmp_path, select="T102") == []
    numbered = "县教育局工作总结\n（一）" + "\n".join(lines) + "\n"
    path = tmp_path / "numbered.txt"
    path.write_text(numbered, encoding="utf-8")
    assert [b.line for b in load_text(path, path.read_bytes()).blocks] == [1, 2]
    # lines that end their sentences, or a list's short items, stay lines
    items = "县教育局工作总结\n1.新建学校十二所,新增学位四千\n2.新建学校十二所,新增学位四千\n3.新建学校十二所,新增学位四千\n"
    path.write_text(items, encoding="utf-8")
    assert len(load_text(path, path.read_bytes()).blocks) == 4


def test_a_two_line_paragraph_at_the_pages_width_is_joined_once_the_width_is_known(tmp_path: Path) -> None:
    """Runs of three lines give the page's width; a paragraph of two lines at that width, broken inside a word, is one
    too (its quotation paired across the break); two such lines alone are no evidence."""
    three = ["为推进城乡环境整治，有效改善群众的居住条件，县住", "建局根据全县农村人居环境整治工作会议精神，决定开",
             "展为期一年的农村人居环境专项整治行动，现制定如", "下方案。"]
    two = ["各乡镇要会同相关部门，按照“属地管理，分级负", "责”的原则和职责分工，结合当地实际，采取切实有", "效措施。"]
    text = "农村人居环境专项整治工作方案\n" + "\n".join(three) + "\n一、工作目标\n" + "\n".join(two) + "\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_text(path, path.read_bytes())
    assert doc.meta["wrapped"] == [(2, 5), (7, 9)]
    alone = "农村人居环境专项整治工作方案\n一、工作目标\n" + "\n".join(two) + "\n"
    path.write_text(alone, encoding="utf-8")
    assert load_text(path, path.read_bytes()).meta["wrapped"] == []


def test_the_list_of_wrapped_paragraphs_is_read_with_no_trust() -> None:
    """The loader's list of joined paragraphs may come back from a cache on disk: only pairs of line numbers count."""
    from reportlint.checks.extraction import _wrapped_lines
    from reportlint.model import Document

    doc = Document(path="a.txt", blocks=(), meta={"wrapped": [[2, 5], "x", [None, 1], (9, 12), [3]]})
    assert _wrapped_lines(doc) == {2, 9}
    assert _wrapped_lines(Document(path="a.txt", blocks=(), meta={"wrapped": 7})) == set()
