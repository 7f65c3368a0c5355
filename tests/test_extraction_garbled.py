"""X103 on text that carries the pinyin readings a web page put after its words."""

from __future__ import annotations

from pathlib import Path

from reportlint.testing import lint_text


def test_pinyin_readings_carried_from_a_page_are_one_finding(tmp_path: Path) -> None:
    text = ("关于开展安全生(shēng)产大检查的通知\n各企业：\n为落实安全责(zé)任，定于下月开展检(jiǎn)查，"
            "请各企业做好自查（zì chá）准备。\n")
    found = lint_text(text, tmp_path, select="X103")
    assert [(f.block, f.excerpt, "4 处" in f.message) for f in found] == [(0, "(shēng)", True)]


def test_a_gloss_of_one_rare_word_or_latin_in_brackets_is_not_reported(tmp_path: Path) -> None:
    text = ("在全县工作会议上的讲话\n同志们：\n要坚持问题导向，做到未雨绸缪（móu），防患于未然。\n"
            "各地要用好数据平台（platform）和监测系统（GIS），每月报送一次情况。\n")
    assert lint_text(text, tmp_path, select="X103") == []


def test_word_field_codes_read_as_text_are_one_finding(tmp_path: Path) -> None:
    """A table of contents copied with its fields' codes: PAGEREF after every line (the switch's backslash lost on
    the way), one finding for all; words that merely contain the field names are none."""
    text = ("县林业局2025年部门决算说明\n目录\n第一部分 单位概况 PAGEREF _Toc40213 h 2\n"
            "一、部门职责 PAGEREF _Toc40214 h 2\n二、机构设置 PAGEREF _Toc40215 \\h 3\n"
            "第一部分 单位概况\n本局负责全县林地保护，建成TOC检测站一处，REF项目验收合格。\n")
    found = lint_text(text, tmp_path, select="X103")
    assert [(f.block, f.excerpt) for f in found] == [(2, "PAGEREF _Toc40213 h 2")]
    assert "共 3 处" in found[0].message
    clean = "县林业局2025年部门决算说明\n本局负责全县林地保护，建成TOC检测站一处，REF项目验收合格。\n"
    assert lint_text(clean, tmp_path, select="X103") == []


def test_placeholder_glyphs_counted_from_code_units_as_by_the_class_scan() -> None:
    """``garbled_share`` given the text's UTF-16 code units counts the private-use characters and U+FFFD as the
    character class does: not the characters just outside the area, nor those beyond the BMP or lone surrogates."""
    from reportlint.model import Block, Document
    from reportlint.textutil import garbled_share

    pieces = ["中", "\ue000", "\uf8ff", "\uf900", "\udfff", "\ud7ff", "\ufffd", "𠀀", "\U000f0000", "，", "a", "\n"]
    for k in range(len(pieces)):
        text = "".join(pieces[k:] + pieces[:k]) * 3
        doc = Document(path="x.txt", blocks=(Block(index=0, text=text),))
        units = text.encode("utf-16-le", "surrogatepass")
        assert garbled_share(doc, text, units) == garbled_share(doc, text)
        assert garbled_share(doc, text) > 0


def test_toneless_pinyin_readings_a_page_put_after_its_words_are_one_finding(tmp_path: Path) -> None:
    """面庞(pang)晒得(de)黝黑(hei): readings without tones, many and of several syllables, are a page's too; a unit or a
    label in brackets (公里(km), 重量(kg), 面积(ha)) is none."""
    text = "先进事迹\n他扎根(zha)基层(ceng)十年，面庞(pang)晒得(de)黝黑(hei)，走遍了全村(cun)每一户。\n"
    found = lint_text(text, tmp_path, select="X103")
    assert [(f.line, f.excerpt) for f in found] == [(2, "(zha)")] and "6 处" in found[0].message
    units = "情况说明\n道路全长(km)十二，运量(kg)若干，面积(ha)三百，库容(m)五十，流量(s)十，坡度(du)三。\n"
    assert lint_text(units, tmp_path, select="X103") == []


def test_radical_symbols_for_characters_are_one_finding_and_read_as_characters(tmp_path: Path) -> None:
    """⼆、调研的背景和⽬的 / 1、调研背景: Kangxi radicals a converter wrote for 二, 目, 日, 广 are one X103 finding with
    the count, and the other rules read the characters: the heading's 1、 cuts no sentence, the list is numbered right."""
    text = "茶叶市场调研报告\n⼆、调研的背景和⽬的 1、调研背景 商品经济⽇益发展，茶叶市场⼴阔。\n2、调研目的 了解市场行情。\n"
    found = lint_text(text, tmp_path, select="X103,N108,N101,N102")
    assert [(f.rule, f.line, f.excerpt) for f in found] == [("X103", 2, "二")]
    assert "4 个字" in found[0].message and "“⼆”" in found[0].message
