"""GB/T 9704 layout rules on .docx packages written by the tests (tests/gbt9704_docx.py)."""

from __future__ import annotations

import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from reportlint.testing import lint_path

sys.path.insert(0, str(Path(__file__).parent))

from gbt9704_docx import (
    BODY,
    GB_MARGINS,
    NS,
    Doc,
    conforming_direct,
    conforming_styles,
    footer_xml,
    para,
    rpr,
    style,
    styles_xml,
    theme_xml,
)

PLUGIN = ("reportlint_gbt9704",)
# the title of a 公文 (a notice): only a document that is one is judged by GB/T 9704
TITLE = para("关于做好汛期安全工作的通知", jc="center", ea="方正小标宋简体", size_pt=22)


def lint(doc: Doc, tmp_path: Path, name: str = "doc.docx", official: bool = True) -> list:
    """The findings on ``doc``; ``official``: a notice's title heads it if nothing else makes it a 公文, so that a
    test expecting no finding never passes only because GB/T 9704 does not apply."""
    if official and not any("关于做好汛期安全工作的通知" in p for p in doc.body):
        doc = replace(doc, body=[TITLE, *doc.body])
    result = lint_path(doc.write(tmp_path / name), select="GB,X", plugins=PLUGIN)
    assert result.error is None, result.error
    return result.findings


def rules(found: list) -> list[str]:
    return [f.rule for f in found]


@pytest.mark.parametrize("make", [conforming_direct, conforming_styles])
def test_conforming_document_has_no_layout_finding(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    assert lint(make(), tmp_path) == []


def test_letter_paper(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), page_size='<w:pgSz w:w="12240" w:h="15840"/>')
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB101"]
    assert "Letter" in found[0].message and "A4" in found[0].message


def test_landscape_a4_is_a4_and_its_margins_are_not_judged(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), page_size='<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
                  margins='<w:pgMar w:top="1800" w:right="1440" w:bottom="1800" w:left="1440"/>')
    assert lint(doc, tmp_path) == []


def test_top_margin_of_word_default(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), margins=GB_MARGINS.replace('w:top="2098"', 'w:top="1440"'))
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB102"]
    assert "上边距 25.4 毫米（要求 37 毫米）" in found[0].message
    assert "3.7 厘米" in found[0].message and "左边距" not in found[0].message


def test_margin_within_tolerance_is_fine(tmp_path: Path) -> None:
    # 上 36.2 mm and 左 28.9 mm: within the standard's 1 mm
    doc = replace(conforming_direct(), margins=GB_MARGINS.replace('w:top="2098"', 'w:top="2052"')
                  .replace('w:left="1587"', 'w:left="1638"').replace('w:right="1474"', 'w:right="1423"'))
    assert lint(doc, tmp_path) == []


def test_gutter_counts_toward_the_binding_side(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), margins=GB_MARGINS.replace('w:left="1587"', 'w:left="1020"')
                  .replace('w:gutter="0"', 'w:gutter="567"'))
    assert lint(doc, tmp_path) == []


def test_no_margins_set_is_judged_on_word_defaults(tmp_path: Path) -> None:
    found = lint(replace(conforming_direct(), margins=""), tmp_path)
    assert rules(found) == ["GB102"]
    assert "没有设置页边距" in found[0].message


def test_provincial_margin_profile_from_configuration(tmp_path: Path) -> None:
    """A 左 27 mm variant is a configuration of GB102's params, not code."""
    (tmp_path / "reportlint.toml").write_text("[options.GB102]\nleft_mm = 26.0\n", encoding="utf-8")
    path = conforming_direct().write(tmp_path / "doc.docx")
    result = lint_path(path, select="GB", plugins=PLUGIN, use_config=True)
    assert rules(result.findings) == ["GB102"]
    assert "左边距 28 毫米（要求 26 毫米）" in result.findings[0].message


def test_body_in_small_four_songti_gives_one_finding_with_the_count(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body = [p.replace('w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"', 'w:eastAsia="宋体"/><w:sz w:val="24"')
                for p in doc.body]
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB103"]
    assert "正文 4 段中有 4 段不是 3号仿宋" in found[0].message
    assert "宋体、小四（12 磅）" in found[0].message
    assert found[0].excerpt == BODY[0]


def test_title_in_heiti(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body[0] = para("关于做好汛期安全工作的通知", jc="center", ea="黑体", size_pt=22)
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB104"]
    assert "标题用黑体，GB/T 9704" in found[0].message


def test_title_not_centred(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body[0] = doc.body[0].replace('<w:jc w:val="center"/>', "")
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB104"]
    assert "标题没有居中" in found[0].message


def test_issuing_organ_mark_is_not_the_title(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body.insert(0, para("某某县人民政府文件", jc="center", ea="方正小标宋简体", size_pt=36))
    assert lint(doc, tmp_path) == []


@pytest.mark.parametrize("mark", [para("某某县人民政府", jc="center", ea="方正小标宋简体", size_pt=36, color="FF0000"),
                                  para("某某县人民政府", jc="center", ea="方正小标宋简体", size_pt=36),
                                  para("机密★1年", ea="黑体", size_pt=16),
                                  para("000123", ascii_="Times New Roman", size_pt=16)])
def test_marks_above_the_title_are_not_the_title(tmp_path: Path, mark: str) -> None:
    doc = conforming_direct()
    doc.body[0] = doc.body[0].replace("方正小标宋简体", "黑体")  # would be GB104 if it were taken for the title
    doc.body.insert(0, mark)
    found = [f for f in lint(doc, tmp_path) if f.rule == "GB104"]
    assert all(f.excerpt == "关于做好汛期安全工作的通知" for f in found)  # never the mark


def test_numbered_sentence_is_neither_heading_nor_body(tmp_path: Path) -> None:
    """一、 opening a clause (一、各单位要…，…) is an item, not a heading phrase: its font is not judged."""
    doc = conforming_direct()
    doc.body.insert(4, para("一、各单位要高度重视，主要负责同志要亲自部署，逐项抓好落实。", ea="黑体", size_pt=16))
    doc.body.insert(5, para("二、各单位要加强值班，值班人员要坚守岗位，确保联络畅通。", ea="仿宋_GB2312", size_pt=16))
    assert lint(doc, tmp_path) == []


def test_first_level_heading_in_bold_fangsong(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body[3] = para("一、提高认识", ea="仿宋_GB2312", size_pt=16)
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB105"]
    assert "一级标题 2 处中有 1 处不是黑体" in found[0].message


def test_second_level_heading_run_in_with_body_text(tmp_path: Path) -> None:
    """（一）压实责任。 in 楷体 followed by 仿宋 body in the same paragraph is right."""
    doc = conforming_direct()
    doc.body[5] = ('<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr><w:r>' + rpr(ea="楷体_GB2312", size_pt=16) + '<w:t>（一）压实责任。</w:t></w:r><w:r>'
                   + rpr(ea="仿宋_GB2312", size_pt=16) + f"<w:t>{BODY[2]}</w:t></w:r></w:p>")
    assert lint(doc, tmp_path) == []


def test_exact_line_spacing_of_thirty_points(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body = [p.replace("<w:pPr>", '<w:pPr><w:spacing w:line="600" w:lineRule="exact"/>', 1)
                if "firstLine" in p else p for p in doc.body]
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB106"]
    assert "每页只能排 21 行" in found[0].message


def test_exact_line_spacing_of_28_95_points_without_grid(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), grid="")
    doc.body = [p.replace("<w:pPr>", '<w:pPr><w:spacing w:line="579" w:lineRule="exact"/>', 1)
                if "firstLine" in p else p for p in doc.body]
    assert lint(doc, tmp_path) == []


def test_character_grid_of_27_characters(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), grid='<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="0"/>')
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB106"]
    assert "每行 27 字" in found[0].message


def test_auto_spacing_without_grid_is_left_alone(tmp_path: Path) -> None:
    assert lint(replace(conforming_direct(), grid=""), tmp_path) == []


def test_page_number_with_hyphens(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), footers={"default": footer_xml("right", "- ", " -"),
                                                "even": footer_xml("left", "- ", " -")})
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB107"]
    assert "“-”应为一字线“—”" in found[0].message


def test_page_number_size_and_digit_font(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), footers={"default": footer_xml("right", size_pt=10.5, digits_font="Calibri"),
                                                "even": footer_xml("left", size_pt=10.5, digits_font="Calibri")})
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB107"]
    assert "五号（10.5 磅）" in found[0].message and "数字字体为 Calibri" in found[0].message


def test_no_page_number(tmp_path: Path) -> None:
    found = lint(replace(conforming_direct(), footers={}), tmp_path)
    assert rules(found) == ["GB107"]
    assert "没有页码" in found[0].message


def test_page_number_in_the_header(tmp_path: Path) -> None:
    found = lint(replace(conforming_direct(), footers={}, headers={"default": footer_xml("right")}), tmp_path)
    assert rules(found) == ["GB107"]
    assert "页眉" in found[0].message and "没有页码" not in found[0].message


def test_even_pages_without_a_page_number(tmp_path: Path) -> None:
    found = lint(replace(conforming_direct(), footers={"default": footer_xml("right")}), tmp_path)
    assert rules(found) == ["GB108"]
    assert "双页的页脚没有页码" in found[0].message


def test_table_note_in_small_type_is_not_body(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body.append(para("备注：表中数据截至上月底，由各单位自行填报并对数据的准确性负责。", ea="宋体", size_pt=10.5))
    assert lint(doc, tmp_path) == []
    doc.body[-1] = para("表中数据截至上月底，由各单位自行填报并对数据的准确性负责。", ea="宋体", size_pt=10.5)
    assert rules(lint(doc, tmp_path, "plain.docx")) == ["GB103"]


def test_centred_page_numbers(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), settings="", footers={"default": footer_xml("center")})
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB108"]
    assert "单页码居中" in found[0].message


def test_page_numbers_right_on_every_page(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), settings="", footers={"default": footer_xml("right")})
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB108"]
    assert "奇偶页不同" in found[0].message


def test_page_number_in_text_box_position_left_alone(tmp_path: Path) -> None:
    box = ('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
           + footer_xml("center").split("<w:ftr", 1)[1].split(">", 1)[1].rsplit("</w:ftr>", 1)[0]
           + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>")
    ftr = footer_xml().split("<w:p>", 1)[0] + box + "</w:ftr>"
    doc = replace(conforming_direct(), settings="", footers={"default": ftr})
    assert lint(doc, tmp_path) == []


# ---------------------------------------------------------------- the style chain

def test_font_only_on_based_on_parent(tmp_path: Path) -> None:
    """Body paragraphs in a style whose basedOn parent names 仿宋 and 16 pt: resolved, conforming."""
    doc = conforming_direct()
    styles = (style("Normal", "Normal", default=True)
              + style("Base", "正文基础", based="Normal", run=rpr(ea="仿宋_GB2312", size_pt=16))
              + style("Body", "公文正文", based="Base"))
    doc.styles = styles_xml(rpr(size_pt=16), styles)
    doc.body = doc.body[:1] + [para(BODY[i], style="Body") for i in range(4)]
    assert lint(doc, tmp_path) == []
    # the same chain with 宋体 on the parent: one finding naming it
    doc.styles = doc.styles.replace('w:eastAsia="仿宋_GB2312"', 'w:eastAsia="宋体"')
    found = lint(doc, tmp_path, "songti.docx")
    assert rules(found) == ["GB103"] and "宋体" in found[0].message


def test_font_only_in_doc_defaults(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.styles = styles_xml(rpr(ea="宋体", size_pt=16), style("Normal", "Normal", default=True))
    doc.body = [para(BODY[i % 4]) for i in range(4)] + doc.body[:1]
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB103"]
    assert "都是宋体" in found[0].message and "三号" not in found[0].message.split("；")[0]


def test_theme_font_resolved_through_theme_part(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.styles = styles_xml(rpr(ea_theme="minorEastAsia", size_pt=16), style("Normal", "Normal", default=True))
    doc.theme = theme_xml(minor_ea="", hans="等线")
    doc.settings = '<w:evenAndOddHeaders/><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    doc.body = [para(BODY[i]) for i in range(4)]
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB103"] and "都是等线" in found[0].message
    doc.theme = theme_xml(minor_ea="仿宋")  # the a:ea slot wins over the script font
    assert lint(doc, tmp_path, "fangsong.docx") == []


def test_styles_kept_for_the_next_package_only_when_their_parts_and_language_match(tmp_path: Path) -> None:
    """A batch reads one template's styles once; a different theme or theme language is read anew."""
    from reportlint_gbt9704.package import read_package

    from reportlint.config import Config
    from reportlint.engine import Session, load

    registry, _ = Session().books(Config())

    def styles_of(doc: Doc, name: str) -> object:
        path = doc.write(tmp_path / name)
        pkg = read_package(str(path), None, len(load(path, registry).blocks))
        assert pkg is not None
        return pkg.styles

    doc = conforming_direct()
    doc.styles = styles_xml(rpr(ea_theme="minorEastAsia", size_pt=16), style("Normal", "Normal", default=True))
    doc.theme = theme_xml(minor_ea="", hans="等线")
    doc.settings = '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    first = styles_of(doc, "a.docx")
    assert styles_of(doc, "b.docx") is first
    doc.settings = ""  # no East Asian theme language: the script font no longer applies
    other = styles_of(doc, "c.docx")
    assert other is not first and other.theme.get("minorEastAsia") is None  # type: ignore[attr-defined]
    doc.settings = '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    doc.theme = theme_xml(minor_ea="仿宋")
    third = styles_of(doc, "d.docx")
    assert third is not first and third.theme["minorEastAsia"] == "仿宋"  # type: ignore[attr-defined]
    assert first.theme["minorEastAsia"] == "等线"  # type: ignore[attr-defined]


def test_unresolvable_font_is_left_alone(tmp_path: Path) -> None:
    """No level names a typeface and the theme is missing: the body's font is not judged."""
    doc = conforming_direct()
    doc.styles = styles_xml(rpr(ea_theme="minorEastAsia", size_pt=16), style("Normal", "Normal", default=True))
    doc.body = [para(BODY[i]) for i in range(4)]
    assert lint(doc, tmp_path) == []


def test_font_aliases(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body = [p.replace("仿宋_GB2312", "FangSong").replace("楷体_GB2312", "KaiTi") for p in doc.body]
    assert lint(doc, tmp_path) == []


# ---------------------------------------------------------------- hostile input

def test_huge_and_malformed_values_do_not_crash(tmp_path: Path) -> None:
    doc = replace(conforming_direct(),
                  page_size='<w:pgSz w:w="99999999999999999999" w:h="abc"/>',
                  margins='<w:pgMar w:top="-400" w:right="1e400" w:bottom="" w:left="99999999"/>',
                  grid='<w:docGrid w:type="lines" w:linePitch="0" w:charSpace="-999999999999"/>')
    doc.body = [p.replace('w:val="32"', 'w:val="99999999999"') for p in doc.body]
    found = lint(doc, tmp_path)
    assert "X100" not in rules(found)


def test_style_cycle_and_missing_parts(tmp_path: Path) -> None:
    styles = (style("A", "甲", based="B", run=rpr(ea="仿宋", size_pt=16)) + style("B", "乙", based="A")
              + style("Normal", "Normal", default=True))
    doc = replace(conforming_direct(), styles=styles_xml(rpr(size_pt=16), styles), footers={}, settings="")
    doc.body = [para(BODY[i], style="A" if i % 2 else "B") for i in range(4)]
    found = lint(doc, tmp_path)
    assert "X100" not in rules(found)
    assert rules(found) == ["GB107"]  # the chain resolves 仿宋 16 pt through the cycle, once


@pytest.mark.parametrize("part", ["word/theme/theme1.xml", "word/settings.xml"])
def test_broken_part_read_only_by_the_plugin_gives_no_finding_and_no_crash(tmp_path: Path, part: str) -> None:
    doc = replace(conforming_direct(), margins="", theme=theme_xml())
    doc.extra_parts = {part: b"<w:broken"}
    found = lint(doc, tmp_path)
    assert found == []


def test_part_too_large_is_not_read(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), margins="")
    doc.extra_parts = {"word/theme/theme1.xml": b"<a/>" + b" " * (101 * 1024 * 1024)}
    result = lint_path(doc.write(tmp_path / "big.docx"), select="GB,X", plugins=PLUGIN)
    assert "X100" not in rules(result.findings)


def test_file_changed_after_loading_is_not_judged(tmp_path: Path) -> None:
    from reportlint_gbt9704.package import read_package

    path = replace(conforming_direct(), margins="").write(tmp_path / "doc.docx")
    assert read_package(str(path), "0" * 64, 9) is None
    assert read_package(str(path), None, 9) is not None
    assert read_package(str(path), None, 8) is None  # not the paragraphs the loader made blocks of


def test_text_files_and_non_zip_are_not_judged(tmp_path: Path) -> None:
    from reportlint.testing import lint_text

    assert lint_text("关于做好汛期安全工作的通知\n" + BODY[0], tmp_path, select="GB", plugins=PLUGIN) == []
    (tmp_path / "x.docx").write_bytes(b"not a zip")
    from reportlint_gbt9704.package import read_package

    assert read_package(str(tmp_path / "x.docx"), None, 1) is None


def test_rules_are_listed_with_their_prefix() -> None:
    from reportlint.testing import session

    _, book = session(PLUGIN).books()
    codes = sorted(c for c in book.rules if c.startswith("GB"))
    assert codes == [f"GB1{i:02d}" for i in range(1, 11)]
    assert all(book.rules[c].severity == "warning" for c in codes)


def test_zip_is_reopened_read_only(tmp_path: Path) -> None:
    path = conforming_direct().write(tmp_path / "doc.docx")
    before = path.read_bytes()
    lint_path(path, select="GB", plugins=PLUGIN)
    assert path.read_bytes() == before
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None


# ---------------------------------------------------------------- GB109 first-line indent

def test_body_typed_flush_left(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body = [p.replace('<w:ind w:firstLineChars="200" w:firstLine="640"/>', "") for p in doc.body]
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB109"]
    assert "正文 4 段中有 4 段首行不是左空二字，都是顶格" in found[0].message


@pytest.mark.parametrize("indent", ['<w:ind w:firstLine="640"/>', '<w:ind w:firstLineChars="200" w:firstLine="0"/>'])
def test_indent_in_twips_or_characters(tmp_path: Path, indent: str) -> None:
    doc = conforming_direct()
    doc.body = [p.replace('<w:ind w:firstLineChars="200" w:firstLine="640"/>', indent) for p in doc.body]
    assert lint(doc, tmp_path) == []


def test_indent_typed_as_two_ideographic_spaces(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body = [p.replace('<w:ind w:firstLineChars="200" w:firstLine="640"/>', "").replace(
        'xml:space="preserve">', 'xml:space="preserve">\u3000\u3000') for p in doc.body]
    assert lint(doc, tmp_path) == []


def test_four_character_indent(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body = [p.replace('w:firstLineChars="200" w:firstLine="640"', 'w:firstLineChars="400"') for p in doc.body]
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB109"] and "缩进 4 字" in found[0].message


def test_left_indented_block_is_left_alone(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body.append(para(BODY[1], indent=False, ea="仿宋_GB2312", size_pt=16).replace(
        "<w:p>", '<w:p><w:pPr><w:ind w:leftChars="200" w:left="640"/></w:pPr>'))
    assert lint(doc, tmp_path) == []


def test_page_x_of_y_footer(tmp_path: Path) -> None:
    doc = replace(conforming_direct(), footers={"default": footer_xml("right", "第 ", " 页"),
                                                "even": footer_xml("left", "第 ", " 页")})
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB107"] and "写成“第 1 页”" in found[0].message


def test_simple_page_field_with_em_dashes(tmp_path: Path) -> None:
    """w:fldSimple PAGE between “— ” and “ —” is a conforming page number; PAGEREF is no page number."""
    run = rpr(ea="宋体", size_pt=14, ascii_="宋体")

    def ftr(jc: str, instr: str) -> str:
        return (f'<?xml version="1.0" encoding="UTF-8"?><w:ftr {NS}><w:p><w:pPr><w:jc w:val="{jc}"/></w:pPr>'
                f'<w:r>{run}<w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr="{instr}"><w:r>{run}'
                f'<w:t>1</w:t></w:r></w:fldSimple><w:r>{run}<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>')

    assert lint(replace(conforming_direct(), footers={"default": ftr("right", " PAGE "),
                                                      "even": ftr("left", " PAGE ")}), tmp_path) == []
    found = lint(replace(conforming_direct(), footers={"default": ftr("right", " PAGEREF x ")}), tmp_path, "ref.docx")
    assert rules(found) == ["GB107"] and "没有页码" in found[0].message


def test_sections_sharing_one_problem_give_one_finding(tmp_path: Path) -> None:
    """Two sections with Word's default top margin: one GB102 naming both; a third, right, adds nothing."""
    wrong = GB_MARGINS.replace('w:top="2098"', 'w:top="1440"')
    doc = replace(conforming_direct(), margins=wrong)
    brk = '<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/>{m}</w:sectPr></w:pPr></w:p>'
    doc.body = ([*doc.body[:3], brk.format(m=wrong), *doc.body[3:6], brk.format(m=GB_MARGINS), *doc.body[6:]])
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB102"]
    assert "第 1、3 节都是如此" in found[0].message
    assert found[0].excerpt == "关于做好汛期安全工作的通知"


def test_page_number_pushed_right_by_tabs_is_not_judged_on_alignment(tmp_path: Path) -> None:
    """Footer style with tab stops and “<tab><tab>— 1 —”: it lands where the stops are; GB108 says nothing."""
    tabbed = footer_xml(None).replace('<w:p>', '<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="8845"/></w:tabs>'
                                      '</w:pPr><w:r><w:tab/><w:tab/></w:r>', 1)
    doc = replace(conforming_direct(), settings="", footers={"default": tabbed})
    assert lint(doc, tmp_path) == []
    plain = replace(doc, footers={"default": footer_xml(None)})
    assert rules(lint(plain, tmp_path, "plain.docx")) == ["GB108"]


def test_paragraph_left_in_red(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body[4] = para(BODY[1], ea="仿宋_GB2312", size_pt=16, color="FF0000")
    found = lint(doc, tmp_path)
    assert rules(found) == ["GB110"]
    assert "有 1 段文字不是黑色，都是红色（FF0000）" in found[0].message
    assert found[0].excerpt == BODY[1]


def test_black_automatic_and_a_blue_link_inside_are_fine(tmp_path: Path) -> None:
    doc = conforming_direct()
    doc.body[2] = para(BODY[0], ea="仿宋_GB2312", size_pt=16, color="000000")
    doc.body[4] = para(BODY[1], ea="仿宋_GB2312", size_pt=16, color="auto").replace(
        "</w:p>", "<w:hyperlink><w:r>" + rpr(ea="仿宋_GB2312", size_pt=16, color="0563C1") + "<w:t>详见附件</w:t></w:r>"
        "</w:hyperlink></w:p>")
    assert lint(doc, tmp_path) == []


def _retitled(title: str, second: str) -> Doc:
    """The conforming document on Letter paper (one GB101 finding when judged) with another title and second line."""
    doc = replace(conforming_direct(), page_size='<w:pgSz w:w="12240" w:h="15840"/>')
    body = [para(title, jc="center", ea="方正小标宋简体", size_pt=22), para(second, ea="仿宋_GB2312", size_pt=16),
            *doc.body[2:]]
    return replace(doc, body=body)


@pytest.mark.parametrize(("title", "second", "judged"), [
    ("关于做好汛期安全工作的通知", BODY[0], True),  # a 公文 kind closes the title
    ("县水利局2024年工作报告（征求意见稿）", BODY[0], True),
    ("汛期安全工作安排", "各乡镇人民政府，县直各单位：", True),  # the 主送机关
    ("汛期安全工作安排", "县水利发〔2024〕12号", True),  # a 发文字号
    ("附件2：", "汛期安全工作安排", True),  # an attachment sent with a 公文
    ("参加创新创业大赛的个人总结", BODY[0], False),  # no 公文: its layout is its own
    ("智能巡检系统技术总结", BODY[0], False),
])
def test_only_a_document_that_is_a_gongwen_is_judged_by_gbt9704(tmp_path: Path, title: str, second: str,
                                                                  judged: bool) -> None:
    found = rules(lint(_retitled(title, second), tmp_path, official=False))
    assert ("GB101" in found) if judged else found == []
