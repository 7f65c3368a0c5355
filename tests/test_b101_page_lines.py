"""B101 on the lines and marks model-text and sharing sites leave in a copied page (sets 97-99's blind judges found
them read as text): each case is a page head or a body line of our own, with what must be reported and what not."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import lint_text

BODY = "一、基本情况\n今年以来，全镇共组织巡查48次，整改隐患21处。\n二、下步打算\n继续抓好隐患排查。\n"


def _lines(tmp_path: Path, text: str) -> list[tuple[int, int]]:
    return [(f.line, f.end_line) for f in lint_text(text, tmp_path, select="B101")]


@pytest.mark.parametrize(("head", "lines"), [
    # a sharing site's question over the text about the kind's format
    ("工作总结的格式是什么?\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    # a domain in brackets over the text, a title with the site's page count
    ("【www.example.cn--总结】\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    ("2024年安全生产工作总结-精选word文档 (12页)\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    # the page's clock time with its save buttons; a date without its year; a user's share line; the preview label
    ("城关镇2024年安全生产工作总结\n工作总结 时间:2024-12-20 09:15:33 收藏 WORD下载\n", [(2, 2)]),
    ("城关镇2024年安全生产工作总结\n时间: 12-20\n", [(2, 2)]),
    ("城关镇2024年安全生产工作总结\n时间: 小林88 分享\n", [(2, 2)]),
    ("内容预览:\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    # a collection's count with 合集
    ("安全生产工作总结(合集12篇)\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    # the font switch after a page's title, marked off with ◇
    ("公文范例--工作总结◇字体:大中小\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    # a site's blurb defining the kind of its samples and announcing them; its picks by its editor; a collection's
    # count with the number of the piece after it
    ("安全生产工作总结范文是对一段时期安全工作的回顾。接下来将为大家展示几篇优秀的安全生产工作总结范文。\n"
     "城关镇2024年安全生产工作总结\n", [(1, 1)]),
    ("以下是小编精心为您推荐的安全生产工作总结3篇，供大家参考。\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    ("安全生产工作总结范文(6篇)篇一\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    # a portal's related-reading label; its font switch without its links, with the page's time; the page's address
    # with its posting time; an article toolbar's labels on bullets; a field without its value beside the page's source
    ("城关镇2024年安全生产工作总结\n关联导读:\n", [(2, 2)]),
    ("城关镇2024年安全生产工作总结\n【字号:    】        时间:2025-01-02\n", [(2, 2)]),
    ("城关镇2024年安全生产工作总结\nhttp://www.example.cn  2024-12-20 09:15:33  来源:某某日报\n", [(2, 2)]),
    ("当前位置:\n  • 文字:\n    保护视力色:\n城关镇2024年安全生产工作总结\n", [(1, 3)]),
    ("城关镇2024年安全生产工作总结\n  • 来源:城关镇人民政府\n  • 阅读:\n", [(2, 3)]),
    # a site's logo as text, the body's name and its address
    ("某某县人民政府.政务.cn www.example.gov.cn\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    ("中文域名:某某县图书馆.公益\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    # the site editor's byline over a collection; its blurb defining the kind and offering models with tips
    ("安全生产工作总结范文(8篇)\n小编: 某某\n城关镇2024年安全生产工作总结\n", [(1, 2)]),
    ("总结是一个回顾过去、指导未来的过程。以下是几篇常见的工作总结范文和写作技巧，供大家参考。\n"
     "安全生产工作总结篇一\n", [(1, 1), (2, 2)]),  # (the title with the piece's number under it is the document's: the
    # number alone is named)
    # … its sentence announcing samples, after what the kind should hold
    ("总结不仅要回顾过去，也要规划未来。以下是一些优秀的安全生产工作总结范文，展示了基层的好做法。\n"
     "城关镇2024年安全生产工作总结\n", [(1, 1)]),
    # a breadcrumb ending on the page's kind (……内容页); a post's time to the second with its category run on
    ("某某网 工作报告 内容页\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    ("城关镇2024年安全生产工作总结\n2024-12-20 21:43:01工作总结\n", [(2, 2)]),
    # a page's citation box under the text
    ("城关镇2024年安全生产工作总结\n全年无事故。\n本文标题:城关镇2024年安全生产工作总结\n链接地址:http://www.example.com/1.html\n",
     [(3, 4)]),
    # a site's blurb on why the kind is written
    ("工作总结是为了将我们的工作情况做好分析所写的，我们只有认真检查工作之后才可以写出合理的工作总结。\n"
     "城关镇2024年安全生产工作总结\n", [(1, 1)]),
    # a page's clock, an editor's byline with the posting date, a user's share line, a portal's article fields, a
    # template's null value, a writing tool's ad
    ("当前时间:\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    ("城关镇2024年安全生产工作总结\n编辑:某某网2024-12-20\n", [(2, 2)]),
    ("城关镇2024年安全生产工作总结\n某某 分享 时间:\n", [(2, 2)]),
    ("文章标题:城关镇2024年安全生产工作总结\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    ("城关镇2024年安全生产工作总结\n文 号: null\n", [(2, 2)]),
    ("公文高手，超级方便的公文写作神器！立即了解\n城关镇2024年安全生产工作总结\n", [(1, 1)]),
    ("城关镇2024年安全生产工作总结\n政策级别:县级\n", [(2, 2)]),
    ("城关镇2024年安全生产工作总结\n格式:DOC 上传日期:2024-11-22 11:50:17\n", [(2, 2)]),
    # a portal's menu copied one bulleted link to a line
    ("  • 网站首页\n  • 要闻动态\n  • 政民互动\n  • 政府信息公开\n城关镇2024年安全生产工作总结\n", [(1, 4)]),
])
def test_a_page_heads_lines_are_residue(tmp_path: Path, head: str, lines: list[tuple[int, int]]) -> None:
    assert _lines(tmp_path, head + BODY) == lines


def test_a_logo_a_slogan_and_a_breadcrumb_are_residue_and_the_title_between_them_is_kept(tmp_path: Path) -> None:
    head = ("某某范文网 -总结,计划,讲话稿等各类范文。\n某某网logo\n当前位置: 某某网 > 范文 > 总结 > 安全生产工作总结\n\n"
            "城关镇2024年安全生产工作总结\n\n时间:2024-12-20 作者:小林 来源:某某网\n\n")
    assert _lines(tmp_path, head + BODY) == [(1, 3), (7, 7)]


@pytest.mark.parametrize("blurb", [
    "下面是网友为大家分享的安全生产工作总结，供大家参考。",
    "下面是某某网小编搜集的安全生产工作总结，欢迎阅读！",
    "下文是小编就城关镇工作总结做出的整理，参考!",
])
def test_an_editors_or_users_blurb_is_residue(tmp_path: Path, blurb: str) -> None:
    assert _lines(tmp_path, "城关镇2024年安全生产工作总结\n" + blurb + "\n" + BODY) == [(2, 2)]


def test_a_picture_of_the_page_and_its_credit_are_residue(tmp_path: Path) -> None:
    text = ("城关镇2024年安全生产工作总结\n![安全,生产,总结](/static/img/pic_12.jpg)\n" + BODY
            + "图源:城关镇人民政府网站截图\n")
    assert _lines(tmp_path, text) == [(2, 2), (7, 7)]


def test_a_breadcrumb_far_down_a_page_under_its_menu_is_residue(tmp_path: Path) -> None:
    menu = "".join(f"  • 栏目{i}\n" for i in range(1, 25))
    text = menu + "  • 当前位置: 某某文档网 > 体裁范文 > 工作总结 > 正文\n城关镇2024年安全生产工作总结\n" + BODY
    assert (25, 25) in _lines(tmp_path, text)


def test_a_sites_watermark_and_its_hidden_text_prompt_are_reported_where_they_stand(tmp_path: Path) -> None:
    text = ("城关镇2024年安全生产工作总结\n一、基本情况\n今年以来，全镇共组织巡查48次，某某写作网整改隐患21处。\n"
            "二、下步打算\n继续抓好隐患排查……此处隐藏1520个字……加强应急演练。\n")
    found = lint_text(text, tmp_path, select="B101")
    assert [(f.line, f.excerpt) for f in found] == [(3, "写作网"), (5, "……此处隐藏1520个字……")]
    assert "缺了原文的一段" in found[1].message


@pytest.mark.parametrize("text", [
    # a meeting's own time and a portal named in a sentence are the document's
    "城关镇安全生产会议纪要\n时间：2024年12月20日上午\n地点：镇政府三楼会议室\n一、会议议定事项\n抓好隐患排查。\n",
    "关于开展网上申报的通知\n各单位：\n请登录县政务服务网填报，截止时间为12月20日。\n特此通知。\n",
])
def test_a_documents_own_time_and_a_portal_in_a_sentence_are_no_residue(tmp_path: Path, text: str) -> None:
    assert _lines(tmp_path, text) == []


def test_a_sharing_sites_file_facts_one_to_a_line_beside_its_badge_are_residue(tmp_path: Path) -> None:
    """Under a sharing site's title for the file: its badge (VIP专免), the date, the readers' count (999+), the size (36KB), the
    pages (4 页) and its poster and complaint buttons, one to a line, are the site's; alone under a title, a count on
    a line is left to the document."""
    head = "街道2024年安全生产工作总结\nVIP专免\n2024-03-02\n999+\n36KB\n4 页\n海报\n侵权投诉\n"
    body = "街道2024年安全生产工作总结\n今年以来，街道全年开展安全检查126次，整改隐患310处。\n"
    found = lint_text(head + body, tmp_path, select="B101,X104")
    assert [(f.rule, f.line, f.end_line) for f in found] == [("B101", 1, 8)]  # the page's title over the own one too
    alone = "街道2024年安全生产工作总结\n4 页\n今年以来，街道全年开展安全检查126次，整改隐患310处。\n"
    assert lint_text(alone, tmp_path, select="B101") == []


def test_a_sharing_sites_watermark_stamped_over_the_title_is_residue(tmp_path: Path) -> None:
    """××范文宝典:www.××.com glued to the first words of the title, then alone, then the title: both lines are the site's
    (before, the first was kept, the title run into it)."""
    text = ("某某公文写作范文宝典:www.example.com在全县2024年安全生产工作会议上的\n某某公文写作范文宝典:www.example.com\n"
            "在全县2024年安全生产工作会议上的讲话\n同志们：\n今天召开全县安全生产工作会议，主要任务是部署全年工作。\n")
    assert _lines(tmp_path, text) == [(1, 2)]


def test_a_numbered_heading_under_an_empty_field_is_no_value_of_it(tmp_path: Path) -> None:
    """某某 分享 时间: (a user's share line, its time lost) over 一、基本情况: the heading begins the body, it is no value of
    the empty field (before, the heading was taken for the time and deleted with the line)."""
    assert _lines(tmp_path, "城关镇2024年安全生产工作总结\n某某 分享 时间:\n" + BODY) == [(2, 2)]


def test_a_pieces_title_with_the_collections_number_keeps_the_title(tmp_path: Path) -> None:
    """A collection page: its count over the piece, then the piece's title with the site's number after it (……述职报告
    篇1) over the body. The number is the site's (B101 says to delete it, the title kept); the title is the document's,
    so no S105 asks for one."""
    text = ("乡镇干部述职报告(精选5篇)\n时间:2024-12-20 作者:某某\n乡镇干部述职报告 篇1\n"
            "各位领导：\n今年以来，我认真履行工作职责，较好地完成了各项任务。\n")
    found = [(f.rule, f.line, f.excerpt) for f in lint_text(text, tmp_path, select="B101")]
    assert found == [("B101", 1, found[0][2]), ("B101", 3, "篇1")]
    assert "保留标题“乡镇干部述职报告”" in lint_text(text, tmp_path, select="B101")[1].message
    assert lint_text(text, tmp_path, select="S105") == []
    # a line with the site's tag in brackets is the site's still
    tagged = text.replace("乡镇干部述职报告 篇1", "[通用]乡镇干部述职报告 篇1")
    assert [(f.line, "共 3 段" in f.message) for f in lint_text(tagged, tmp_path, select="B101")] == [(1, True)]
