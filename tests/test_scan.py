"""scan: pattern sets give the alternation's matches; Body maps matches to paragraphs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.model import Block
from reportlint.scan import Body, Literal, PatternSet, active, compile_each, first_chars, literals_present

PATTERN_LISTS = [
    [r"(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])", r"×{2,}|某某+", r"(?<=[\u4e00-\u9fff])\*+(?=[\u4e00-\u9fff])"],
    [r"(?<![\u4e00-\u9fff]{2}[的和])(?P<u>县|市)委常委会", r"我(?P<v>县|区)(?![长委])"],
    [r"^\s*(?:https?://|www\.)\S+\s*$", r"全文共\s*\d+\s*个?字", r"温馨提示[:：]?"],
    [r"(?<!\d)((?:19|20)\d\d)\s*年", r"第\s*\d+\s*页"],
]
ALPHABET = "xX×某*县市区委常委会我的和长年第页共12 \u3000。，温馨提示：全文个字wh:/.ab"  # a paragraph: no line break


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.MULTILINE)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERN_LISTS), st.text(alphabet=ALPHABET, max_size=60))
def test_pattern_set_matches_the_alternation(patterns: list[str], text: str) -> None:
    expected = [(m.span(), m.groups()) for m in _alternation(patterns).finditer(text)]
    assert [(m.span(), m.groups()) for m in PatternSet(patterns).finditer(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERN_LISTS), st.lists(st.text(alphabet=ALPHABET, max_size=25), max_size=6))
def test_body_finds_what_each_paragraph_alone_gives(patterns: list[str], paragraphs: list[str]) -> None:
    body = Body(tuple(Block(i, t) for i, t in enumerate(paragraphs)))
    alone = _alternation(patterns)
    expected = [(i, m.span()) for i, t in enumerate(paragraphs) for m in alone.finditer(t)]
    found = [(b.index, (m.start() - off, m.end() - off)) for b, off, m in body.finditer(PatternSet(patterns))]
    assert found == expected


def test_first_characters_skip_look_arounds_and_optional_parts() -> None:
    assert first_chars(r"(?<=[\u4e00-\u9fff])\*+") == r"[\*]"
    assert first_chars(r"(?:^|(?<=[。，]))[ \t]*(?:([一二]{1,3})是|第)") == r"[\	\ 一二第]"
    assert first_chars(r"(?<!\d)(\d{4})年") == r"[\d]"
    lead = re.compile(first_chars(r"\s*第\d+页") or "")
    assert lead.match("\u3000") and lead.match("第") and not lead.match("\n")  # a paragraph break starts nothing


@pytest.mark.parametrize("pattern", [
    r"[\u4e00-\u9fff]+",  # every Chinese character: no filter
    r"(?i)xx",  # case-insensitive
    r"a?",  # may match empty text
    r".x",  # any character
    r"[^x]y",  # a negated class
    r"abc|abd",  # re already skips ahead to 'a' by itself
])
def test_no_filter_where_it_cannot_help(pattern: str) -> None:
    assert first_chars(pattern) is None


def test_body_maps_matches_to_paragraphs_and_never_spans_two() -> None:
    blocks = tuple(Block(i, t) for i, t in enumerate(["甲乙丙", "", "丁XX戊", "XX"]))
    body = Body(blocks)
    hits = [(b.index, m.start() - off, m.end() - off) for b, off, m in body.finditer(PatternSet([r"XX"]))]
    assert hits == [(2, 1, 3), (3, 0, 2)]
    # a pattern that could run over the line break stops at the end of its paragraph
    spans = [(b.index, m.group()) for b, _, m in body.finditer(re.compile(r"丙\s*\S*"))]
    assert spans == [(0, "丙")]
    assert body.block_at(body.starts[2] + 1) == 2


def test_literals_present_finds_overlapping_and_nested_words() -> None:
    text = "加强局部党员管理"
    assert literals_present(["局部", "局部党员", "部党", "党员管", "外地"], text) == {"局部", "局部党员", "部党", "党员管"}
    assert literals_present([], text) == set()


def test_compile_each_uses_find_for_plain_words_and_active_skips_absent_anchors() -> None:
    compiled = compile_each(("再接再励", r"(?<=[\u4e00-\u9fff])既使(?=[\u4e00-\u9fff])", r"\d+%"))
    assert isinstance(compiled[0][1], Literal)
    assert active(compiled, "我们既使困难也要再接再厉") == [1, 2]  # \d+% has no anchor: always run
    assert [m.start() for m in compiled[0][1].finditer("再接再励，再接再励")] == [0, 5]
