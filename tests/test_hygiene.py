"""T1 checks at exact positions, where their fast paths could go wrong."""

from __future__ import annotations

from pathlib import Path

from reportlint.testing import lint_text

BALANCED = "（一）加强学习。认真学习《条例》和“三会一课”制度（试行），做到学用结合。"


def _spans(tmp_path: Path, text: str, code: str) -> list[tuple[int, int, int]]:
    return [(f.block, f.start, f.end) for f in lint_text(text, tmp_path, select=code)]


def test_pairs_silent_on_many_balanced_paragraphs(tmp_path: Path) -> None:
    assert _spans(tmp_path, "\n".join([BALANCED] * 50), "T102") == []


def test_pairs_finds_the_one_unmatched_mark_among_balanced_paragraphs(tmp_path: Path) -> None:
    lines = [BALANCED] * 20
    lines[7] = "（二）坚持把“保证抓党建作为最大的政绩，（试行）办法已印发。"
    assert _spans(tmp_path, "\n".join(lines), "T102") == [(7, 6, 7)]


def test_pairs_reports_a_doubled_quote_even_when_every_mark_has_a_partner(tmp_path: Path) -> None:
    # the doubled opening quote, and the closing quote left over once it is deleted
    assert _spans(tmp_path, "按照““学思想、强党性””的要求开展工作。", "T102") == [(0, 2, 4), (0, 12, 13)]


def test_pairs_accepts_mixed_widths_item_numbers_and_quotes_running_over_paragraphs(tmp_path: Path) -> None:
    text = "\n".join([
        "工作安排（试行)如下：1）抓学习；2）抓落实。",
        "“第一段引文，",
        "“第二段引文。”",
    ])
    assert _spans(tmp_path, text, "T102") == []


def test_pairs_reports_crossed_families(tmp_path: Path) -> None:
    assert _spans(tmp_path, "学习《条例（试行》）精神。", "T102") != []


def test_repeated_punctuation(tmp_path: Path) -> None:
    findings = lint_text("会议要求，，抓好落实。。同时。", tmp_path, select="T103")
    assert [(f.start, f.end, f.suggestion) for f in findings] == [(4, 6, "，"), (10, 12, "。")]
    assert lint_text("会议要求，抓好落实。同时……", tmp_path, select="T103") == []
