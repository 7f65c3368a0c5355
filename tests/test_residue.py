"""residue: the blocks a site left in the text, found as the list-based definition finds them."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint import residue
from reportlint.model import Block, Document
from reportlint.scan import Body
from reportlint.textutil import unspaced

PARAMS: dict[str, Any] = {
    # a line's start in a pattern of its own and as one alternative of another: the set of those is scanned apart
    "patterns": [r"温馨提示[:：]?", r"原文链接[:：]?", r"^\s*来源[:：]", r"^\s*责任编辑|打印本页\s*$"],
    "head_patterns": [r"^\s*主办[:：]"],
    "tail_patterns": [r"打印本页|关闭窗口"],
    "notice_patterns": [r"版权所有"],
    "notice_chars": 40,
}
PIECES = ["温馨提示：", "原文链接", "主办：", "打印本页", "版权所有", "各单位要抓好落实", "，", "。", " ", "\u3000", "来源：",
          "责任编辑", "主办：某某，某某，某某，某某某某某某某某某某某某",
          "推进重点工作落实到位取得实效确保", "关于落实的通知"]


def _by_definition(doc: Document, params: dict[str, Any]) -> set[int]:
    """residue_blocks as first written: every non-blank block listed, then sliced from each end."""
    limit = params.get("max_block_chars", 300)
    filled = [b for b in doc.blocks if b.text and not b.text.isspace()]
    alt = "|".join(f"(?:{p})" for p in params["patterns"])
    found = {b.index for b in doc.blocks if re.search(alt, b.text, re.M)}
    head = set()
    at_head = re.compile("|".join(f"(?:{p})" for p in params["head_patterns"]), re.M)
    for b in filled[: params.get("head_blocks", 8)]:
        if len(b.text.strip()) >= 20 and (re.search(r"[。！？]", b.text) or len(re.findall(r"[，,]", b.text)) >= 2) \
                and (b.index not in found or len(b.text) > limit) \
                and (re.search(r"[。！？]", b.text) or not at_head.search(b.text)):
            break
        head.add(b.index)
    tail = {b.index for b in filled[-params.get("tail_blocks", 6):]}
    at_tail = re.compile("|".join(f"(?:{p})" for p in params["tail_patterns"]), re.M)
    notice = re.compile("|".join(f"(?:{p})" for p in params["notice_patterns"]), re.M)
    budget, last, from_notice = params["notice_chars"], [], None
    for b in reversed(filled):
        budget -= len(b.text)
        if budget < 0:
            break
        last.append(b)
    for b in last:
        if len(b.text.strip()) <= limit and notice.search(b.text):
            from_notice = b.index
    picks = filled if from_notice is not None else [b for b in filled if b.index in found | head | tail]
    got = {b.index for b in picks
           if not (len(b.text) > limit and len(b.text.strip()) > limit)
           and ((from_notice is not None and b.index >= from_notice) or b.index in found
                or (b.index in head and at_head.search(b.text)) or (b.index in tail and at_tail.search(b.text)))}
    # the page's footer: from a residue line at the very end up, the lines in it or marked by a tail pattern, and a
    # link's title (no sentence end, 4 to 80 characters) between two of them
    def marked(b: Block) -> bool:
        return b.index in got or bool(len(b.text) <= limit and at_tail.search(b.text))

    if filled and filled[-1].index in got:
        up = list(reversed(filled))
        footer = []
        for k, b in enumerate(up):
            if marked(b) or (k + 1 < len(up) and marked(up[k + 1]) and re.fullmatch(r"[^。！？\n]{4,80}", b.text)):
                footer.append(b.index)
            else:
                break
        got.update(footer)
    # in the head, a field's value under its label, a head line whose value went to the next line
    for a, b in pairwise(filled):
        if a.index in head and b.index in head and a.index in got and b.index not in got and at_head.match(a.text) \
                and a.text.rstrip().endswith(("：", ":")) \
                and re.fullmatch(r"(?!.*关于)[^。！？；，,;：:\n]{1,12}", b.text.strip()):
            got.add(b.index)
    # a page's summary: the first line that is no residue, when it runs the lines under it together: the next line's
    # words and four more, and four fifths of its words theirs in order (marks and spaces aside)
    rest = [re.sub(r"[\W_]+", "", b.text) for b in filled if b.index not in got]
    if len(rest) >= 3 and rest[1] and len(rest[0]) > len(rest[1]) + 4 and rest[0].startswith(rest[1]):
        joined, common = "".join(rest[1:13]), 0
        while common < min(len(rest[0]), len(joined)) and rest[0][common] == joined[common]:
            common += 1
        if common >= len(rest[1]) + 4 and common * 5 >= len(rest[0]) * 4:
            got.add(next(b.index for b in filled if b.index not in got))
    # the page's title: the first line that is no residue, when residue lines follow it and then the same line again
    rest = [b for b in filled if b.index not in got]
    if got and head and rest and rest[0].index in head:
        first = rest[0]
        after = [b for b in filled if b.index > first.index]
        k = next((n for n, b in enumerate(after) if b.index not in got), None)
        if k and after[k].text.strip() == first.text.strip():
            got.add(first.index)
    # the page's heading: a title between two residue lines of the head, when the first lines under the residue open
    # with it (issuers' names before it at most, no quote nor sentence)
    heading = []
    for a, b, c in zip(filled, filled[1:], filled[2:], strict=False):
        m = re.fullmatch(r"【?(.{4,80}?(?:通知|通报|报告|方案|意见|办法|决定|请示|批复|纪要|总结|讲话|规定|要点|公告|计划|规划|"
                         r"细则|函))】?(?:[（(][^（）()]{0,30}〔\d{4}〕[^（）()]{0,12}[）)])?", unspaced(b.text))
        if m and b.index in head and b.index not in got and a.index in got and c.index in got:
            below = [x for x in filled if x.index > b.index]
            j = next((n for n, x in enumerate(below) if x.index not in got), len(below))
            opening = unspaced("".join(x.text for x in below[j:j + 3]))
            at = opening.find(m.group(1))
            if 0 <= at <= 40 and not re.search(r"[《“。，；：！？]", opening[:at]):
                heading.append(b.index)
    got.update(heading)
    return got


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=4).map("".join), max_size=14),
       st.integers(-2, 10), st.integers(-2, 8))
def test_residue_blocks_are_those_of_the_list_based_definition(texts: list[str], head: int, tail: int) -> None:
    doc = Document("x.txt", tuple(Block(i, t) for i, t in enumerate(texts)))
    params = {**PARAMS, "head_blocks": head, "tail_blocks": tail}
    assert residue.find(doc, Body(doc.blocks), params) == _by_definition(doc, params)


# ---- a table of contents -----------------------------------------------------------------------------------------

def _doc(lines: list[str]) -> Document:
    return Document(path="r.txt", blocks=tuple(Block(i, t) for i, t in enumerate(lines)))


REPORT = ["一、今年工作回顾", "（一）抓实安全生产", "（二）抓好民生实事", "二、明年工作安排", "（一）守牢安全底线",
          "县应急管理局局长年度述职报告", "今年以来，我局在县委县政府领导下，扎实推进各项工作。",
          "一、今年工作回顾", "（一）抓实安全生产。全年开展检查120次，整改隐患300处。",
          "（二）抓好民生实事。完成农村公路安全设施改造50公里。", "二、明年工作安排",
          "（一）守牢安全底线。6月底前完成重点企业复查。"]


def test_a_table_of_contents_at_the_top_is_found() -> None:
    assert residue.contents(_doc(REPORT)) == frozenset(range(5))
    labelled = ["目  录", "1.总体情况……………1", "2.存在问题……………3", "3.下一步打算………5", "关于全县养老服务的调研报告",
                "1.总体情况", "全县共有养老机构12家。", "2.存在问题", "床位利用率偏低。"]
    assert residue.contents(_doc(labelled)) == frozenset(range(4))
    # the 目录 line under the report's title belongs to the table too
    titled = [labelled[4], *labelled[:4], *labelled[5:]]
    assert residue.contents(_doc(titled)) == frozenset(range(1, 5))


def test_an_outline_under_a_label_needs_only_its_first_entry_below() -> None:
    # 提纲： over the headings of a 工作要点 whose page was cut after its first part: only the first is repeated below
    points = ["2025年卫生健康工作要点", "提纲：", "一、坚持党建引领，筑牢健康事业根基", "二、深化医改攻坚，提升服务能力",
              "三、强化公共卫生，守护群众健康", "今年是“十四五”规划收官之年。", "一、坚持党建引领，筑牢健康事业根基",
              "1.深化理论武装。每月集中学习一次。"]
    assert residue.contents(_doc(points)) == frozenset(range(1, 5))
    # without the label, one heading repeated is no table
    unlabelled = [points[0], *points[2:]]
    assert residue.contents(_doc(unlabelled)) == frozenset()


def test_a_sites_outline_box_closed_by_an_elision_is_a_table_of_contents() -> None:
    """A model-text site's box over a paywalled text: 目录/提纲:…… , the headings (a bare number the site left among
    them), a line of …… . Labelled and closed, it needs none of its entries below (the page cuts the body short)."""
    box = ["目录/提纲:……", "（二）", "一、加强理论学习", "二、狠抓安全生产", "三、办好民生实事", "……",
           "县长在全县经济工作会议上的讲话", "同志们：", "今天召开会议，主要任务是总结去年工作、部署今年任务。"]
    assert residue.contents(_doc(box)) == frozenset(range(6))
    # not closed: its entries must come again below
    assert residue.contents(_doc([x for x in box if x != "……"])) == frozenset()
    # … a box that also shows the first words of some paragraphs between its headings (二是成立了……): closed, they
    # are the box's; not closed, the table ends at the first of them, as before
    shown = [*box[:4], "二是成立了县级工作专班和12个村级专班", *box[4:]]
    assert residue.contents(_doc(shown)) == frozenset(range(7))
    assert residue.contents(_doc([x for x in shown if x != "……"])) == frozenset()


def test_an_outline_whose_text_stops_in_its_first_heading_again_is_a_table_of_contents() -> None:
    """A page's outline of a lecture's headings over its text, the page cut a few characters into the first heading's
    second appearance (……\n一、强化): that heading is found, and it is enough; cut anywhere else, it is no table."""
    lecture = ["一、强化理论武装", "（一）读原著学原文", "（二）悟原理知行合一", "二、严守纪律规矩", "（一）严守政治纪律",
               "（二）严守组织纪律", "在机关党员大会上的专题党课", "同志们：", "今天和大家一起学习党的纪律。", "一、强化"]
    assert residue.contents(_doc(lecture)) == frozenset(range(6))
    # without the title under them (below), headings cut anywhere else are no table: the text may open with its first
    # parts; nor is a cut at a bare number, which names no heading
    untitled = [x for x in lecture[:-1] if x != "在机关党员大会上的专题党课"]
    assert residue.contents(_doc([*untitled, "今天的党课就讲到"])) == frozenset()
    assert residue.contents(_doc([*untitled, "一、"])) == frozenset()


def test_headings_over_the_documents_title_at_the_top_are_a_table_of_contents() -> None:
    """一、…… 二、…… 三、…… then 在……上的讲话 and 同志们：: the headings stand above the title, the first lines of the
    text: a page's outline of what follows, whether or not the page shows them again."""
    speech = ["一、守住初心", "二、扛起责任", "三、转变作风", "在全县机关作风建设大会上的讲话", "各位同志：",
              "这次会议主要是动员部署作风建设工作。"]
    assert residue.contents(_doc(speech)) == frozenset(range(3))
    # a title before them: they are the document's own first headings
    assert residue.contents(_doc([speech[3], *speech[:3], *speech[4:]])) == frozenset()


def test_headings_not_repeated_below_are_no_table_of_contents() -> None:
    outline_only = ["一、指导思想", "二、工作目标", "三、主要任务", "为做好今年防汛工作，现提出如下意见。", "各单位要抓好落实。"]
    assert residue.contents(_doc(outline_only)) == frozenset()
    body = REPORT[5:]  # the body alone: its headings are followed by their paragraphs, not listed twice
    assert residue.contents(_doc(body)) == frozenset()


def test_a_table_of_contents_is_left_out_of_the_checks_and_not_reported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reportlint.testing import lint_text

    found = lint_text("\n".join(REPORT), tmp_path)
    assert not [f for f in found if f.block < 5], [(f.rule, f.block, f.message) for f in found]
    assert not [f for f in found if f.rule == "S105"]


def test_addresses_listed_under_a_label_are_content(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    text = ("协会2023年工作总结\n一、代码托管\n源码继续在两个平台维护。\n地址：\nhttps://github.com/example-org\n"
            "https://gitee.com/example-org\n二、下一步\n继续维护。\n")
    assert lint_text(text, tmp_path, select="B101") == []
    # an address alone on a line with no label above is a link a page-to-text tool left
    assert [f.line for f in lint_text(text.replace("地址：\n", ""), tmp_path, select="B101")] == [4]


def test_an_entry_carried_over_to_the_next_line_stays_in_the_table() -> None:
    # a budget report's 目录 whose long entry wraps (……及会议费支出情 / 况说明): the table goes on after it
    lines = ["某县统计局2023年部门决算", "目 录", "第一部分 部门概况", "一、部门职责及机构设置", "二、部门决算单位构成",
             "第二部分 决算情况说明", "一、收入支出决算总体情况说明", "二、“三公”经费、培训费及会议费支出情", "况说明",
             "三、部门绩效管理情况说明", "第三部分 名词解释", "第一部分 部门概况", "一、部门职责及机构设置",
             "统计局负责全县统计调查工作。", "二、部门决算单位构成", "本部门决算由局机关本级决算组成。"]
    assert residue.contents(_doc(lines)) == frozenset(range(1, 11))
    # a short line between two headings of a body is its text, not the rest of a heading
    body = ["某县统计局工作安排", "一、统计调查", "按季度开展", "二、统计监督", "依法查处", "三、统计服务", "一、统计调查",
            "按季度开展调查。"]
    assert residue.contents(_doc(body)) == frozenset()


def test_the_body_may_set_a_parts_label_apart_and_space_its_headings() -> None:
    # the table lists 第一部分 部门概况; the body sets 第一部分 on a line of its own and spaces 一、 部门职责
    lines = ["目录", "第一部分 部门概况", "一、部门职责", "二、机构设置", "第二部分 决算表", "一、收入支出决算总表",
             "第一部分", "部门概况", "一、 部门职责", "负责全县统计工作。", "二、 机构设置", "内设3个股室。"]
    assert residue.contents(_doc(lines)) == frozenset(range(6))


def test_a_pages_summary_running_the_first_lines_together_is_residue(tmp_path: Path) -> None:
    """A page's summary over the text: the title, subtitle and first sentences run together on one line, with the
    page's straight quotes, stopping mid-sentence. The lines under it are the document's; a first paragraph that only
    begins like the next line is no summary."""
    from reportlint.testing import lint_text

    text = ("在全镇河长制工作推进会上的讲话守好\"一江清水\"同志们:今年以来,全镇河长制工作取得明显成效。全镇共清理河道\n"
            "在全镇河长制工作推进会上的讲话\n守好“一江清水”\n同志们：\n今年以来，全镇河长制工作取得明显成效。全镇共清理河道"
            "32公里。\n")
    found = lint_text(text, tmp_path, select="B101,S105")
    assert [(f.rule, f.block) for f in found] == [("B101", 0)]
    plain = "县教育局工作总结\n县教育局工作总结今年的重点是什么，这是我们要回答的问题。\n一、主要成绩\n完成校舍改造五所。\n"
    assert lint_text(plain, tmp_path, select="B101") == []
    # … under the page's own title and a 导读 label, keeping the name the text masks (某县…… over 县……): the summary's
    # 一、 is no first heading the body's 一、 repeats
    digest = ("县防汛工作进展情况汇报\n2024-05-28 11:16:13\n文章导读\n某县防汛工作进展情况汇报 一、基本情况 我县水库多，"
              "防汛任务重。\n县防汛工作进展情况汇报\n一、基本情况\n我县水库多，防汛任务重。今年已完成隐患排查。\n"
              "二、下一步打算\n加强值守。\n")
    assert [f.rule for f in lint_text(digest, tmp_path) if f.rule in ("N101", "B101")] == ["B101"]


def test_the_value_lines_between_residue_lines_are_residue_for_every_rule(tmp_path: Path) -> None:
    """A portal's metadata table saved as Markdown: the row of dashes under its first row stands between two residue
    rows; B101 reports the three as one run, and B107 reads no Markdown in it. The title above the table stays."""
    from reportlint.testing import lint_text

    text = ("关于做好汛期安全工作的通知\n索引号: | 0012/2024-31 | 发布机构: | 县应急局 |\n---|---|---|---|\n"
            "栏目: | 通知公告 | 来源: | 县应急局 |\n各乡镇：\n请做好汛期安全工作。\n")
    found = lint_text(text, tmp_path, select="B101,B107,S105")
    assert [(f.rule, f.block, f.end_block) for f in found] == [("B101", 1, 3)]


def test_a_portals_summary_field_does_not_begin_the_body(tmp_path: Path) -> None:
    """内容概述：为……，特制定本制度。 in a portal's catalogue over the text sums the document up in a sentence: the
    catalogue goes on after it (时效：), and the title under it is the document's."""
    from reportlint.testing import lint_text

    text = ("当前位置: 首页 > 政务公开 > 政府文件\n索 引 号: 11320000/2023-00012 信息分类: 政府文件\n"
            "发布机构: 某镇人民政府 发文日期: 2023-03-01\n文号: 某政发〔2023〕3号 关 键 字:\n"
            "内容概述: 为进一步加强公务用车管理，降低运行成本，结合本镇实际，特制定本制度。\n时效:\n\n"
            "某镇公务用车管理制度\n第一条 为加强公务用车管理，制定本制度。\n第二条 本制度适用于镇机关各部门。\n")
    found = lint_text(text, tmp_path, select="B101,S105")
    assert [(f.rule, f.line, f.end_line) for f in found] == [("B101", 1, 6)]


def test_a_sites_search_button_over_the_text_is_residue(tmp_path: Path) -> None:
    """……信息网,百度一下! over the text: the site's search box and its button, copied with the page."""
    from reportlint.testing import lint_text

    text = "某某农村信息网,百度一下!\n\n村务公开工作制度\n第一条 为推进村务公开，制定本制度。\n"
    assert [(f.rule, f.line) for f in lint_text(text, tmp_path, select="B101,S105")] == [("B101", 1)]


def test_a_sharing_sites_disclaimer_over_the_text_is_residue(tmp_path: Path) -> None:
    """1.本站不保证……上传的文档的完整性: a sharing site's terms over the file, numbered as its notes are; its 1. is no
    item of the document (N104 read 一、 under it as nested)."""
    from reportlint.testing import lint_text

    text = "村务公开制度\n1.本站不保证所上传文档的完整性，请自行甄别。\n一、公开内容\n村级财务收支情况。\n二、公开时间\n每季度公开一次。\n"
    assert [(f.rule, f.line) for f in lint_text(text, tmp_path, select="B101,N")] == [("B101", 2)]


def test_a_pages_counters_slots_addresses_and_tags_are_residue(tmp_path: Path) -> None:
    """A breadcrumb from the site's home page (网站首页 >> …), a post's time with its readers, a count of visitors, an
    empty advertising slot, a crawler's time stamp and a page-to-text tool's address over the text; the site's tags
    and searches under it."""
    from reportlint.testing import lint_text

    head = ["网站首页 >> 公文写作 >> 总结", "发布 2024-03-06 09:15:12 阅读 812", "2024-03-06 126人已围观",
            "文章顶部广告位(电脑)", "2024-03-06 09:15:12 +0000 UTC", "Original URL: https://example.org/p/8.html"]
    body = ["某中心2023年工作总结", "2023年，中心在上级的正确领导下，认真落实各项部署，较好完成了全年目标任务。",
            "一、主要工作", "全年完成培训12期。"]
    foot = ["Tag:工作总结,年度总结", "相关热词搜索:中心 年度 总结"]
    found = lint_text("\n".join(head + body + foot), tmp_path, select="B101,S105")
    assert [(f.rule, f.line, f.end_line) for f in found] == [("B101", 1, 6), ("B101", 11, 12)]


def test_a_portals_share_buttons_dates_counters_and_crumbs_over_the_text_are_residue(tmp_path: Path) -> None:
    """• 微信 / • 微博 / • 繁体字, a catalogue field 文件编号: with an empty value, 日期: alone, a date with its 点击数:, a
    breadcrumb after its icon's file name and the prompt to open the page on a phone."""
    from reportlint.testing import lint_text

    head = ["• 微信", "• 微博", "• 繁体字", "文件编号: 有效性: 有效", "", "ico-nav.png 首页 > 工作动态 > 通知公告",
            "日期: 2024-05-20", "2024-05-20 点击数:", "扫一扫在手机上打开当前页"]
    body = ["某局关于开展安全检查的通知", "各科室：", "为做好汛期安全工作，经研究，决定开展一次安全检查。"]
    found = lint_text("\n".join(head + body), tmp_path, select="B101,S105")
    assert [(f.rule, f.line, f.end_line) for f in found] == [("B101", 1, 9)]


def test_glossed_fields_empty_labels_buttons_and_a_share_widget_over_the_text(tmp_path: Path) -> None:
    """A page glossing its characters with readings without tones (發布時(shi)間:), a reading counter (閱讀次數:), an
    empty field (新闻作者:), a post's time after its category (发表于:), buttons alone on a line (收藏, 详情), a content
    site's field row (网站:……|) are residue; the line under a share widget's label (分享:) is no value of it."""
    from reportlint.testing import lint_text

    glossed = ["文章(zhang)來源:某市國(guo)資委 發布時(shi)間:2024-02-17", "閱讀次數:6573", "新闻作者:",
               "[工作报告 - 政策法规] 发表于:2024-03-04 23:31:57", "收藏", "详情", "网站:某某素材库 | 时间:2024-03-27 11:29:07 |"]
    body = ["一、主要工作", "全年完成项目建设12个，同比增长8%。", "二、下一步打算", "继续抓好项目建设。"]
    found = lint_text("\n".join(["某集团2023年工作报告", *glossed, *body]), tmp_path, select="B101")
    assert [(f.line, f.end_line) for f in found] == [(2, 8)]
    shared = ["某局2021年工作总结", "信息来源:某局 发布日期:2022-01-29 分享:", "", "2021年工作回顾", "全年完成培训12期。"]
    found = lint_text("\n".join(shared), tmp_path, select="B101")
    assert [(f.line, f.end_line) for f in found] == [(2, 2)]


def test_a_sites_watermark_after_every_paragraph_is_one_finding(tmp_path: Path) -> None:
    """……如下。××百科--为××助力 after each paragraph and heading: a site's watermark, one B101 finding with the count;
    the heading after a paragraph that ends in it cuts no sentence (N108). Owners repeated after the tasks' full stops
    (（牵头单位：县发改局）) and a text's own words are no watermark."""
    from reportlint.testing import lint_text

    mark = "ABC农业百科--为乡村振兴助力"
    lead = "今年以来，街道聚焦群众关心的重点任务，强化落实督办，各项工作平稳有序推进，社会大局和谐稳定，" * 2
    text = "\n".join([f"某街道2024年工作总结{mark}", f"{lead}现将全年工作总结如下。{mark}", f"一、主要工作{mark}",
                      f"全年完成项目建设12个。{mark}", f"二、下一步打算{mark}", f"继续抓好项目建设。{mark}"])
    found = lint_text(text, tmp_path, select="B101,N108")
    assert [(f.rule, f.line) for f in found] == [("B101", 1)] and "共 6 段" in found[0].message
    owners = "\n".join(["某县工作方案", "一、主要任务", *(f"{k}.完成任务{k}项。（牵头单位：县发改局）" for k in range(1, 6))])
    assert lint_text(owners, tmp_path, select="B101") == []


def test_a_sites_welcome_line_and_its_count_of_samples_are_residue(tmp_path: Path) -> None:
    """欢迎访问××，期刊服务咨询 at the top of a page, whatever the site calls itself, and ××网为您精选了8篇……."""
    from reportlint.testing import lint_text

    text = ("欢迎访问某某发表，线上期刊服务咨询\n绪论：在寻找写作灵感吗？某某网为您精选了8篇工作总结，愿这些内容能帮助到您。\n"
            "社区网格化管理工作总结\n一、主要工作\n全年走访居民5000户。\n")
    assert [(f.rule, f.line, f.end_line) for f in lint_text(text, tmp_path, select="B101")] == [("B101", 1, 2)]


def test_a_contact_field_under_a_portals_footer_at_the_end_is_the_footers(tmp_path: Path) -> None:
    """版权所有…… / 备案号…… / 地址:……: the footer's contact field is the last line of the page, under its residue lines;
    a notice's own contact line at its end, with no residue above it, stays the notice's."""
    from reportlint.testing import lint_text

    body = ["某县关于开展安全检查的通知", "各乡镇：", "为做好汛期安全工作，决定开展一次安全检查。", "某县应急管理局"]
    foot = ["版权所有:某县人民政府 某县人民政府办公室主办", "备案号:苏ICP备06034731号 网站标识码:3207230031", "地址:某县某路"]
    found = lint_text("\n".join(body + foot), tmp_path, select="B101,T103")
    assert [(f.rule, f.line, f.end_line) for f in found] == [("B101", 5, 7)]
    own = [*body, "联系人：张某", "地址：某县某路1号"]
    assert lint_text("\n".join(own), tmp_path, select="B101") == []


def test_a_sites_definition_of_the_kind_over_its_samples_is_residue(tmp_path: Path) -> None:
    """工作报告是对工作过程和方法的总结和反思……。以下是…… over a sample: the site's words on the kind it offers; a
    report speaking of itself (本报告是对……的调研) is the report's."""
    from reportlint.testing import lint_text

    text = ("农村工作报告(模板19篇)\n工作报告是对工作过程的回顾和反思，有助于提高工作质量。以下是一份范文，供参考。\n"
            "农村乱占耕地整治工作简报\n今年以来，乡党委坚决遏制新增乱占耕地建房问题。\n")
    assert [(f.rule, f.line, f.end_line) for f in lint_text(text, tmp_path, select="B101,S105")] == [("B101", 1, 2)]
    own = "耕地保护调研报告\n本报告是对全县耕地保护情况的调研，共走访12个乡镇。\n"
    assert lint_text(own, tmp_path, select="B101") == []


def test_an_events_organizers_over_its_plan_are_no_portals_sponsor_line(tmp_path: Path) -> None:
    """主办：××团委 / 承办：××志愿者队 over an activity plan: its organizers; 主办： beside a portal's 今天是： is the
    portal's header."""
    from reportlint.testing import lint_text

    plan = "主办：某学院团委组织部\n承办：某学院青年志愿者队\n一、活动背景\n引导大学生走进社区，服务群众。\n"
    assert lint_text(plan, tmp_path, select="B101") == []
    portal = "今天是:\n主办:某市委组织部\n某市开展作风建设活动\n一、主要做法\n全市开展专项检查。\n"
    assert [(f.line, f.end_line) for f in lint_text(portal, tmp_path, select="B101")] == [(1, 2)]


def test_b101_line_alternatives_are_scanned_at_line_starts_alone() -> None:
    """``residue._anywhere``: the alternatives opening with ^ whose first characters a line lead bounds form a set
    of their own, which is tried only after the line breaks a scan in C finds; an alternative any character may open
    (^ then a class of every Chinese character) is left to a set of its own, or none of the others would get a lead."""
    import re
    import tomllib

    from reportlint.residue import _anywhere
    from reportlint.scan import line_lead

    params = tomllib.loads((Path(__file__).resolve().parents[1] / "rules" / "boilerplate.toml").read_text(
        encoding="utf-8"))["B101"]["params"]
    lines, loose, rest = _anywhere(tuple(params["patterns"]))
    assert len(lines._branches) > 10 * len(loose._branches)
    assert line_lead(lines._source, re.MULTILINE) is not None
    assert all(line_lead(b, re.MULTILINE) is None for b in loose._branches)
    assert not any(b.startswith("^") for b in rest._branches)


def test_a_sites_outline_on_one_line_in_its_label_is_a_table_of_contents(tmp_path: Path) -> None:
    """【提纲】 over a speech's headings all on one line: a heading it lists begins a paragraph below, so the line is the
    page's outline (no second 二、 for N101, no measures for M101); without a heading below, or without the box's label,
    it is text."""
    from reportlint.testing import lint_text

    box = ("【提纲】一、提高政治站位，深刻认识专项整治的重要意义。（一）这是落实上级部署的政治要求。（二）这是维护群众利益的民生工程。"
           "二、聚焦重点任务，扎实推进专项整治工作。（一）全面排查违规问题。（二）集中整治突出问题。（三）建立长效管理机制。"
           "三、加强组织领导，确保整治工作取得实效。（一）压实工作责任。（二）强化督导检查。")
    body = ["散埋乱葬不仅占用耕地资源，还影响村容村貌。我们要以此次专项整治为契机，统筹推进各项工作。",
            "二、聚焦重点任务，扎实推进专项整治工作", "此次专项整治工作时间紧、任务重、要求高。重点抓好以下三个方面工作：",
            "（一）全面排查违规问题。各乡镇要对辖区内的问题进行全面排查，建立台账。"]
    assert residue.contents(_doc([box, *body])) == frozenset([0])
    assert residue.contents(_doc([box, body[0], body[2], body[3]])) == frozenset()
    assert residue.contents(_doc([box[4:], *body])) == frozenset()
    assert [f.rule for f in lint_text("\n".join([box, *body]), tmp_path, select="N101")] == []
