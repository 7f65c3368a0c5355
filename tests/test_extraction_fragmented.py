"""X104 on texts whose lines an export broke: a chapter run into its first article, a heading cut after a
conjunction, a run of one-word lines."""

from __future__ import annotations

from pathlib import Path

from reportlint.testing import lint_text

_RULES = "临河县集体林地承包管理规定\n"


def _found(text: str, tmp_path: Path) -> list[tuple[int, str]]:
    return [(f.block, f.excerpt) for f in lint_text(text, tmp_path, select="X104")]


def test_a_chapter_run_into_its_first_article_is_reported_and_articles_alone_are_not(tmp_path: Path) -> None:
    fused = _RULES + "第一章 总则 第一条 林地承包须经村民会议讨论。\n第二条 本办法适用于全县集体林地。\n"
    assert _found(fused, tmp_path) == [(1, "第一章 总则 第一条")]
    alone = _RULES + "第一条 林地承包须经村民会议讨论。\n第二条 本办法适用于全县集体林地。\n"
    assert _found(alone, tmp_path) == []


def test_a_heading_cut_after_a_conjunction_is_reported_unless_a_number_opens_the_next_line(tmp_path: Path) -> None:
    head = "临河县林业局半年工作总结\n一、主要做法\n（一）坚持把护林防火放在首位\n今年以来，全局上下狠抓落实。\n"
    cut = head + "（二）始终坚持以巡护队伍为主体和\n\n林区防火一线，组织巡护队伍二十支。\n"
    assert _found(cut, tmp_path) == [(4, "（二）始终坚持以巡护队伍为主体和")]
    numbered = head + "（二）始终坚持以巡护队伍为主体和\n\n（三）加强宣传，全年发放宣传册三千份。\n"
    assert _found(numbered, tmp_path) == []


def test_a_run_of_one_word_lines_is_one_finding(tmp_path: Path) -> None:
    text = "临河县林业局工作简报\n林场\n巡护\n防火\n队伍\n建设\n今年以来，全局上下狠抓落实，巡护队伍不断壮大。\n"
    assert _found(text, tmp_path) == [(1, "林场\n巡护\n防火\n队伍\n建设")]
    short = "临河县林业局工作简报\n林场\n巡护\n今年以来，全局上下狠抓落实。\n防火\n队伍\n"
    assert _found(short, tmp_path) == []



def test_a_title_set_over_lines_above_its_authors_is_laid_out_on_purpose(tmp_path: Path) -> None:
    """某县农业产业 / 发展调研报告 / 王明远 / 李晓华: a title set over two lines, as a title may be, then its
    authors' names one a line; words broken over short lines are still reported."""
    text = "某县农业产业\n发展调研报告\n王明远\n李晓华\n\n去年以来，全县农业产业发展势头良好。\n"
    assert lint_text(text, tmp_path, select="X104") == []
    broken = "2023\n年市志办\n专题\n教育\n调研\n\n去年以来，全县农业产业发展势头良好。\n"
    assert [f.rule for f in lint_text(broken, tmp_path, select="X104")] == ["X104"]


def test_page_numbers_and_a_contents_label_are_no_broken_title(tmp_path: Path) -> None:
    """A PDF's cover and contents copied as text: — 1 — / 目 录 / — 1 — / 1总则 are page numbers around a label and a
    heading, no title broken over lines."""
    text = ("县地质灾害应急预案\n县应急管理局\n2023年4月\n— 1 —\n目 录\n— 1 —\n1总则\n1.1编制目的\n"
            "为做好地质灾害防治工作，制定本预案。\n")
    assert lint_text(text, tmp_path, select="X104") == []
