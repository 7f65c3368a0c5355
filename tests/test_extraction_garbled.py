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
