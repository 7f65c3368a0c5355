"""Text saved from a web editor or a Markdown site: space entities (&emsp;&emsp; before every paragraph),
HTML tags and link syntax. In Markdown they are its own markup; in a .txt they are residue of the page. Either
way the outline reads the document under them."""

from __future__ import annotations

from pathlib import Path

from reportlint.loaders.text import load_text
from reportlint.model import Document
from reportlint.testing import lint_text

BODY = ("关于做好防汛工作的通知\n"
        "各乡镇：\n"
        "&emsp;&emsp;为做好今年防汛工作，特作如下安排。\n"
        "&emsp;&emsp;一、加强组织领导\n"
        "&emsp;&emsp;（一）落实责任。各乡镇要在5月底前明确防汛责任人。\n"
        "&emsp;&emsp;（二）加强值守。汛期实行24小时值班制度。\n"
        "&emsp;&emsp;二、强化隐患排查\n"
        "&emsp;&emsp;（一）排查河道。6月10日前完成河道隐患排查。\n"
        "&emsp;&emsp;（二）排查水库。由县水利局负责，每月检查一次。\n"
        "&emsp;&emsp;&emsp;&emsp;县防汛抗旱指挥部办公室\n"
        "&emsp;&emsp;&emsp;&emsp;2024年5月6日\n")


def test_space_entities_read_as_spaces_with_lines_and_columns_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(BODY.encode())
    doc = load_text(path, path.read_bytes())
    assert doc.blocks[3].text == " " * 12 + "一、加强组织领导"
    assert doc.meta["html_entities"] == (3, 0, "&emsp;", 22)
    md = tmp_path / "a.md"
    md.write_bytes(BODY.encode())
    assert "html_entities" not in load_text(md, md.read_bytes()).meta  # Markdown's own syntax


def test_entities_in_a_text_file_are_one_residue_finding_and_the_outline_is_read(tmp_path: Path) -> None:
    found = lint_text(BODY, tmp_path)
    residue = [f for f in found if f.rule == "B101"]
    assert len(residue) == 1 and "共 22 处" in residue[0].message and (residue[0].line, residue[0].column) == (3, 1)
    assert not [f for f in found if f.rule.startswith(("N", "M", "S"))]  # numbering, measures and sections read
    assert lint_text(BODY, tmp_path, name="a.md") == []


def test_a_character_entity_is_one_residue_finding_and_its_semicolon_no_punctuation(tmp_path: Path) -> None:
    # a form's check boxes kept as numeric references, also when the export lost their #: B101 once, no T103 on the ;
    for box in ("&#9744;", "&9744;"):
        text = f"收视调查表\n获取信息的渠道：\n{box}电视    {box}广播    {box}报纸\n"
        found = [(f.rule, f.line) for f in lint_text(text, tmp_path, select="B101,T103")]
        assert found == [("B101", 3)]
        assert "即 ☐" in lint_text(text, tmp_path, select="B101")[0].message


def test_html_tags_and_link_syntax_in_markdown_are_markup(tmp_path: Path) -> None:
    text = ('<div style="font-family:\'方正小标宋简体\';\ncolor:red">县人民政府文件</div>\n\n'
            "## 关于做好防汛工作的通知\n\n各乡镇：\n\n请按要求做好防汛准备。\n\n"
            "附件：[《防汛责任人名单》](/files/防汛责任人名单.pdf)\n")
    found = lint_text(text, tmp_path, name="a.md")
    assert [f.rule for f in found] == []
    path = tmp_path / "a.md"
    doc = load_text(path, path.read_bytes())
    assert doc.blocks[1].text.strip() == "县人民政府文件"
    assert doc.blocks[-1].text.rstrip() == "附件： 《防汛责任人名单》"


def test_suppression_comments_of_a_markdown_file_still_work(tmp_path: Path) -> None:
    text = "关于做好防汛工作的通知\n\n<!-- reportlint: ignore T101 引用原话 -->\n请大家要要重视。\n"
    assert lint_text(text, tmp_path, select="T101", name="a.md") == []
    assert len(lint_text(text.replace("<!-- reportlint: ignore T101 引用原话 -->", "<!-- 备注 -->"), tmp_path,
                         select="T101", name="b.md")) == 1


def test_markdown_strong_emphasis_is_markup_but_a_bold_field_name_stays(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("**来源**: 县水利局\n\n在项目群办公室下设置**选举工作组**。\n", encoding="utf-8")
    doc = load_text(path, path.read_bytes())
    assert doc.blocks[0].text == "**来源**: 县水利局"
    assert doc.blocks[2].text == "在项目群办公室下设置  选举工作组  。"


def test_a_markdown_page_s_badges_script_and_containers_are_markup(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text('![公司](https://img.example.com/badge.svg) ![项目](b.svg)\n<script setup>\nimport { a } from "vue";\n'
                    "</script>\n::: details 目录\n[首页](/index.html \"首页\") 正文\n:::\n", encoding="utf-8")
    doc = load_text(path, path.read_bytes())
    assert [" ".join(b.text.split()) for b in doc.blocks] == ["", "", "", "", "", "首页 正文", ""]


def _loaded(tmp_path: Path, text: str, name: str = "page.txt") -> Document:
    """``text`` written to ``name`` and read by the text loader."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_text(path, path.read_bytes())


def test_a_page_source_saved_as_text_is_read_as_the_page_s_text(tmp_path: Path) -> None:
    # a web page's source (a JSP template) saved as .txt: its markup, comments, head and server code are no text
    page = ('<%@ page language="java" contentType="text/html; charset=utf-8"%>\n<!DOCTYPE html>\n<html lang="zh">\n'
            "<head>\n<title>县水利局</title>\n<style>p{text-indent:2em}</style>\n</head>\n<body>\n<!-- 正文 -->\n"
            "<h1>关于做好防汛工作的通知</h1>\n<p>各乡镇：</p>\n"
            "<p>&nbsp;&nbsp;一、加强组织领导。各乡镇要在5月底前明确防汛责任人。</p>\n"
            "<p>&nbsp;&nbsp;二、强化隐患排查。6月10日前完成河道隐患排查。</p>\n</body>\n</html>\n")
    doc = _loaded(tmp_path, page)
    assert [b.text.strip() for b in doc.blocks if b.text.strip()] == [
        "关于做好防汛工作的通知", "各乡镇：", "一、加强组织领导。各乡镇要在5月底前明确防汛责任人。", "二、强化隐患排查。6月10日前完成河道隐患排查。"]
    assert lint_text(page, tmp_path, name="page.txt") == []
    # a report that only quotes a tag is no page source
    assert "page_source" not in load_text(tmp_path / "a.txt", "说明：网页用<p>标记段落。\n".encode()).meta


def test_an_article_body_kept_as_html_is_read_as_the_page_s_text(tmp_path: Path) -> None:
    # the HTML of an article's body as a site's database keeps it: no DOCTYPE, a block element first
    body = ('<table width="800"><tr><td>\n<p style="font-family:楷体,楷体_GB2312; text-align:right">县水发〔2024〕3号</p>\n'
            "<p>各乡镇：</p>\n<p>&nbsp;&nbsp;一、加强组织领导。各乡镇要在5月底前明确防汛责任人。</p>\n</td></tr></table>\n")
    path = tmp_path / "body.txt"
    path.write_text(body, encoding="utf-8")
    doc = load_text(path, path.read_bytes())
    assert doc.meta.get("page_source") is True
    assert [b.text.strip() for b in doc.blocks if b.text.strip()] == [
        "县水发〔2024〕3号", "各乡镇：", "一、加强组织领导。各乡镇要在5月底前明确防汛责任人。"]
    assert [f.rule for f in lint_text(body, tmp_path, name="body.txt", select="T103,B101")] == []


def test_a_page_s_menus_are_no_text_of_the_document(tmp_path: Path) -> None:
    # a site's menu, in a <nav> element or as a list of short links one to a line, is the site's, not the notice's:
    # read as text it looked like a paragraph broken into words (X104)
    menu = "".join(f'    <li><a href="p{k}.jsp">{word}</a> </li>\n' for k, word in enumerate(
        ["网站首页", "单位概况", "工作动态", "通知公告", "联系我们"]))
    nav = ('<nav id="menu">\n<ul>\n<li><a href="home.jsp"><span>主页</span></a>\n</li>\n'
           '<li><a href="news.jsp"><span>新闻中心</span></a>\n</li>\n</ul>\n</nav>\n')
    attachments = ('<p>附件：</p>\n<p><a href="f1.doc">1.2024年防汛责任人名单</a></p>\n'
                   '<p><a href="f2.doc">2.河道隐患排查登记表</a></p>\n<p><a href="f3.doc">3.值班安排表</a></p>\n')
    page = ("<html>\n<head>\n<title>县水利局</title>\n</head>\n<body>\n" + nav + '<div id="menu">\n<ul>\n' + menu
            + "</ul>\n</div>\n<h1>关于做好防汛工作的通知</h1>\n<p>各乡镇：</p>\n"
            "<p>一、加强组织领导。各乡镇要在5月底前明确防汛责任人。</p>\n" + attachments + "</body>\n</html>\n")
    texts = [b.text.strip() for b in _loaded(tmp_path, page).blocks if b.text.strip()]
    assert texts[:3] == ["关于做好防汛工作的通知", "各乡镇：", "一、加强组织领导。各乡镇要在5月底前明确防汛责任人。"]
    assert texts[3:] == ["附件：", "1.2024年防汛责任人名单", "2.河道隐患排查登记表", "3.值班安排表"]  # long links stay
    assert "X104" not in [f.rule for f in lint_text(page, tmp_path, name="page.txt")]


def test_a_page_source_s_short_lines_are_its_markup_s_not_broken_lines(tmp_path: Path) -> None:
    # a JSP opening with its own comment is a page source too; a table's header cells and a side list one to a line
    # are the page's layout (X104 is for a copy that broke a paragraph into words); a template tag inside an
    # attribute (<z:path/>) does not leave the outer tag's attributes as text
    page = ("<%-- 页面说明 --%>\n<%@page contentType=\"text/html\" pageEncoding=\"UTF-8\"%>\n<html>\n<body>\n"
            "<ul>\n<li><img src=\"a.png\"/>协会简介</li>\n<li><img src=\"a.png\"/>协会章程</li>\n"
            "<li><img src=\"a.png\"/>组织机构</li>\n<li><img src=\"a.png\"/>会员名录</li>\n</ul>\n"
            '<img src="<z:path/>web/image/a.jpg" alt="保护环境" style="margin-top: 10px;" />\n'
            "<p>关于开展志愿服务的通知</p>\n<table>\n<tr>\n<td>类别</td>\n<td>层次</td>\n<td>专业</td>\n<td>学分</td>\n"
            "</tr>\n</table>\n<p>各部门要认真组织，确保活动取得实效。</p>\n</body>\n</html>\n")
    doc = _loaded(tmp_path, page)
    assert doc.meta.get("page_source") is True
    assert not any("alt=" in b.text or "style=" in b.text for b in doc.blocks)
    assert [f.rule for f in lint_text(page, tmp_path, name="page.txt", select="X104,T103")] == []


def test_a_vue_page_is_a_page_source_and_its_table_cells_no_running_headers(tmp_path: Path) -> None:
    # a Vue component opens with <template>; a page has no pages: names repeated down a table are its cells
    rows = "".join(f"<tr>\n<td>{kind}</td>\n<td>{major}</td>\n</tr>\n" for kind in ("高起专", "专升本", "高起本")
                   for major in ("行政管理", "学前教育"))
    page = ('<template>\n  <div class="notice" title="通知" @leftActive="back">\n<p>关于举办读书节活动的通知</p>\n'
            "<p>各学院要认真组织，确保活动取得实效。</p>\n<table>\n" + rows + "</table>\n  </div>\n</template>\n")
    assert _loaded(tmp_path, page, "notice.txt").meta.get("page_source") is True
    assert [f.rule for f in lint_text(page, tmp_path, name="notice.txt", select="B102,T103")] == []


def test_character_references_left_by_a_web_page_are_one_residue_finding(tmp_path: Path) -> None:
    text = ("关于开展消防安全排查的通知\n各单位：\n一、提升&ldquo;四个能力&rdquo;，开展排查&mdash;&mdash;整改。\n"
            "二、做好R&D;中心和&#8220;三合一&#8221;场所的检查。\n")
    found = [f for f in lint_text(text, tmp_path, select="B101")]
    assert len(found) == 1 and (found[0].line, found[0].column) == (3, 5)
    assert "“&ldquo;”" in found[0].message and "即 “ " in found[0].message and "共 6 处" in found[0].message
    assert lint_text(text, tmp_path, select="B101", name="a.md") == []  # Markdown's own syntax
    assert lint_text("关于开展排查的通知\n中&外合资企业和R&D中心要按时报送。\n", tmp_path, select="B101") == []
