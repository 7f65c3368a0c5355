"""scan: pattern sets give the alternation's matches; Body maps matches to paragraphs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.model import Block
from reportlint.scan import Body, Literal, PatternSet, active, anchor, compile_each, first_chars, literals_present

PATTERN_LISTS = [
    [r"(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])", r"×{2,}|某某+", r"(?<=[\u4e00-\u9fff])\*+(?=[\u4e00-\u9fff])"],
    [r"(?<![\u4e00-\u9fff]{2}[的和])(?P<u>县|市)委常委会", r"我(?P<v>县|区)(?![长委])"],
    [r"^\s*(?:https?://|www\.)\S+\s*$", r"全文共\s*\d+\s*个?字", r"温馨提示[:：]?"],
    [r"(?<!\d)((?:19|20)\d\d)\s*年", r"第\s*\d+\s*页"],
    # first two characters told apart by a look-behind: optional and repeated parts, a line break second
    [r"(?<![的])(?:温馨?提示|(?:本|全)文[^\n]{0,3}字)", r"(?<!1)[12]{1,2}(?:个|年)?", r"(?<=我)\s+\S"],
]
ALPHABET = "xX×某*县市区委常委会我的和长年第页共12 \u3000。，温馨提示：全文个字本wh:/.ab"  # a paragraph: no line break


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


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERN_LISTS), st.lists(st.text(alphabet=ALPHABET, max_size=25), max_size=6))
def test_may_begin_is_true_wherever_a_piece_matches(patterns: list[str], paragraphs: list[str]) -> None:
    """``may_begin`` of paragraphs joined by line breaks is a necessary condition for a match in any of them."""
    patterns_set = PatternSet(patterns)
    if any(_alternation(patterns).search(t) for t in paragraphs):
        assert patterns_set.may_begin("\n".join(paragraphs))


def test_may_begin_false_without_a_first_character() -> None:
    notices = PatternSet([r"(?<![的])温馨?提示", r"(?<!\d)第\s*\d+\s*页"])  # a look-behind first: a filter
    assert not notices.may_begin("正文一段。\n正文二段。")
    assert notices.may_begin("正文一段。\n第 3 页")
    # re skips to a plain first character itself (no filter): the characters every match begins with decide
    assert not PatternSet([r"温馨提示"]).may_begin("正文一段。\n温馨一词")
    assert PatternSet([r"温馨提示"]).may_begin("正文一段。\n温馨提示：")
    markers = PatternSet([r"##(?:paid|vip)(?:begin|end)##"])
    assert not markers.may_begin("正文一段。\n#1 标题")
    assert markers.may_begin("正文##vipbegin##一段")
    assert PatternSet([r"(?:ab|cd)x"]).may_begin("正文")  # no common first characters: no answer but True


def test_first_characters_skip_look_arounds_and_optional_parts() -> None:
    assert first_chars(r"(?<=[\u4e00-\u9fff])\*+") == r"[\*]"
    lead = re.compile(first_chars(r"(?:^|(?<=[。，]))[ \t]*(?:([一二]{1,3})是|第)") or "")
    assert [bool(lead.match(t)) for t in ("第", "一是", "二一", " 一", "  ", "一个", "是")] == [1, 1, 1, 1, 1, 0, 0]
    lead = re.compile(first_chars(r"(?<!\d)(\d{4})年") or "")  # two digits at least
    assert lead.match("20") and not lead.match("2年")
    lead = re.compile(first_chars(r"(?<![A-Z])(?:温馨提示[:：]?|本文档由.{1,12}上传|版权归属)") or "")
    assert [bool(lead.match(t)) for t in ("温馨", "本文", "版权", "本单位", "温度")] == [1, 1, 1, 0, 0]
    lead = re.compile(first_chars(r"(?<!x)第\s+\d") or "")  # a line break may follow the first character
    assert lead.match("第\n") and lead.match("第 ") and not lead.match("第1")
    lead = re.compile(first_chars(r"\s*第\d+页") or "")
    assert lead.match("\u3000第") and lead.match("第1") and not lead.match("\n第")  # a paragraph break starts nothing


@pytest.mark.parametrize("pattern", [
    r"[\u4e00-\u9fff]+",  # every Chinese character: no filter
    r"(?i)xx",  # case-insensitive
    r"a?",  # may match empty text
    r".x",  # any character
    r"[^x]y",  # a negated class
    r"abc|abd",  # re already skips ahead to 'a' by itself
    r"(?:^(?:始终)?坚持)|(?:^牢固树立)",  # every match begins at a line start: re rejects other places in one step
    r"(?m)\A\s*第\d+页|^主办[:：]",
])
def test_no_filter_where_it_cannot_help(pattern: str) -> None:
    assert first_chars(pattern) is None


def test_a_pattern_that_may_begin_inside_a_line_keeps_its_filter() -> None:
    assert first_chars(r"(?:^坚持)|(?:(?<=。)坚持)") is not None
    assert first_chars(r"(?:^|(?<=。))[一二]是") is not None


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


def test_anchor_of_top_level_alternatives_is_the_run_every_branch_holds() -> None:
    assert anchor("效劳(?=意识|质量)|(?:优化|提升)效劳") == "效劳"
    assert anchor("下载前请?阅读|请?放心下载") == "下载"
    assert anchor("开展观|发展观念") == "展观"
    assert anchor("效劳|立异") == ""  # no run common to both: no anchor
    assert anchor("会议{0,2}材料") == "材料"  # 议{0,2} may be absent
    # groups nested three deep: no anchor rather than a wrong one (甲 is optional; the scan
    # once read it as required and a pattern could be skipped where it matches)
    assert anchor("(?:甲(?:乙(?:丙)))?丁") == ""


def test_set_over_a_long_text_skips_to_the_first_characters_of_the_branches_that_can_match() -> None:
    # the second branch may begin with any Chinese character (no filter for the set), but
    # it needs 材料之, absent from the text: the set then looks only at 第 and dashes
    branches = [r"第\s*\d{1,3}\s*页", r"(?<=[\u4e00-\u9fff])[\u4e00-\u9fff]{0,8}会议?材料之[一二三]", r"[—－]\d+[—－]"]
    patterns = PatternSet(branches)
    text = ("加强管理，第 3 页推进工作—2—落实责任。\n" * 20000)[:-1]
    narrowed = patterns.for_text(text)
    assert patterns._lead is None and narrowed._lead is not None
    whole = re.compile("|".join(f"(?:{p})" for p in branches), re.MULTILINE)
    assert [m.span() for m in narrowed.finditer(text)] == [m.span() for m in whole.finditer(text)]
    assert patterns.for_text(text + "\n年度会议材料之一") is patterns  # the branch can match: no filter
    body = Body(tuple(Block(i, t) for i, t in enumerate(text.split("\n"))))
    assert len(list(body.finditer(patterns))) == 40000


def test_a_report_sized_text_is_narrowed_too() -> None:
    branches = [r"第\s*\d{1,3}\s*页", r"(?<=[\u4e00-\u9fff])[\u4e00-\u9fff]{0,8}会议?材料之[一二三]"]
    patterns = PatternSet(branches)
    text = "各单位要加强统筹，第 3 页所列任务按期完成。" * 250  # about 5,000 characters, one report
    narrowed = patterns.for_text(text)
    assert narrowed is not patterns and narrowed._lead is not None
    assert [m.span() for m in narrowed.finditer(text)] == [m.span() for m in patterns.finditer(text)]


def test_compiled_pattern_over_the_body_matches_as_itself() -> None:
    rx = re.compile(r"(?<![\d.年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
    blocks = tuple(Block(i, t) for i, t in enumerate(["3月5日开会，12 月 1 日结束", "2024年6月1日", "共 9月3日"]))
    got = [(b.index, m.start() - off, m.groups()) for b, off, m in Body(blocks).finditer(rx)]
    assert got == [(b.index, m.start(), m.groups()) for b in blocks for m in rx.finditer(b.text)]
    assert [g[:2] for g in got] == [(0, 0), (0, 7), (2, 2)]


@pytest.mark.parametrize("digit", ["7", "７", "٣", "१", "\U0001d7d1", "\U000104a3"])  # ASCII, full-width, Arabic-Indic, Devanagari, astral
def test_a_first_digit_is_any_decimal_digit_as_for_backslash_d(digit: str) -> None:
    # the filter lists the digits \d matches (a table lookup in C) instead of testing the category
    patterns = [r"(?<![.．])\d{1,2}[、.．](?=[\u4e00-\u9fff])", r"(?<=[。；])第\s*\d+\s*页"]
    text = f"工作要点：{digit}、加强管理。；第 {digit} 页，共{digit}{digit}．推进落实"
    assert PatternSet(patterns)._lead is not None or PatternSet(patterns).pattern
    expected = [m.span() for m in _alternation(patterns).finditer(text)]
    assert expected and [m.span() for m in PatternSet(patterns).finditer(text)] == expected


@pytest.mark.parametrize("patterns", PATTERN_LISTS)
def test_a_fused_set_finds_what_the_alternation_finds(patterns: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # a set that refused enough places in Python gets one pattern that refuses them in C (scan.fused_starts)
    import random

    from reportlint import scan

    monkeypatch.setattr(scan, "_FUSE_AFTER", 1)
    rng = random.Random(20261201)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(400)]
    fused, alone = PatternSet(patterns), _alternation(patterns)
    for text in texts:  # the first refused place fuses the set; every text after is read by the fused pattern
        pos = rng.randint(0, len(text))
        assert [(m.span(), m.groups()) for m in fused.finditer(text)] == [(m.span(), m.groups()) for m in alone.finditer(text)]
        found, expected = fused.search(text, pos), alone.search(text, pos)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
    assert fused._lead is None or fused._fused


def test_body_finds_a_plain_word_by_str_find_in_each_paragraph() -> None:
    blocks = tuple(Block(i, t) for i, t in enumerate(["再接再励，推进", "", "要再接再励"]))
    found = [(b.index, m.start() - off, m.end() - off) for b, off, m in Body(blocks).finditer(Literal("再接再励"))]
    assert found == [(0, 0, 4), (2, 1, 5)]


TAIL_PATTERNS = [
    r"(?:为期|历时|周期为?|共计|共|用)(?:\d{1,2}|[一二三两]{1,3})(?:个月|年)",
    r"[甲乙](?:丙|丁丁)?(?:年|月日)",
    r"甲{1,3}乙",  # no middle: the head's last character just before the tail
]


def test_tail_scans_find_the_end_of_every_match() -> None:
    """Every place where a match of the pattern begins, wherever the scans of ``tail_scans`` find
    its end: randomized texts of the patterns' own characters."""
    import random

    from reportlint.scan import tail_scans

    rng = random.Random(41)
    pieces = [*"为期历时周共计用一二三两12个月年日甲乙丙丁\n ", "为期", "三三三", "两两", "12", "个月", "丁丁", "月日", "甲甲甲"]
    for source in TAIL_PATTERNS:
        pattern, scans = re.compile(source), tail_scans(source)
        assert scans is not None, source
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
            ends = {m.end() for scan in scans for m in scan.finditer(text)}
            for at in range(len(text)):
                m = pattern.match(text, at)
                assert m is None or m.end() in ends, (source, text, at)


@pytest.mark.parametrize("source", [
    r"(?<=甲)乙年", r"甲乙(?=年)", r"^甲年", r"(甲)\1年",  # a look-around, an anchor, a back-reference
    r"甲?年", r".年", r"甲\d*年", r"[^乙]年", r"甲(?:年|月月)", r"(?i)a年",  # unbounded or unsure
])
def test_tail_scans_refuse_patterns_they_cannot_bound(source: str) -> None:
    from reportlint.scan import tail_scans

    assert tail_scans(source) is None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERN_LISTS[:2] + PATTERN_LISTS[3:4]), st.lists(st.text(alphabet=ALPHABET, max_size=60),
                                                                   min_size=1, max_size=4))
def test_a_split_pattern_set_matches_the_alternation(patterns: list[str], texts: list[str]) -> None:
    """A set scanned often enough is split (one literal scan per first character, ``_split_scans``):
    its matches stay the alternation's, from any position."""
    from reportlint.scan import _SPLIT_AFTER, _SPLIT_FROM

    split = PatternSet(patterns)
    for _ in range(_SPLIT_AFTER):
        list(split.finditer(" " * _SPLIT_FROM))
    assert split._split, patterns  # the test runs the split scans
    for text in texts:
        half = len(text) // 2
        text += "。" * _SPLIT_FROM  # long enough to be scanned split from each position tried
        for pos in (0, 1, half):
            expected = [(m.span(), m.groups()) for m in _alternation(patterns).finditer(text, pos)]
            assert [(m.span(), m.groups()) for m in split.finditer(text, pos)] == expected


LINE_PATTERN_LISTS = [
    [r"^\s*温馨提示\s*$", r"^\s*(?:[•·-]\s*)?(?:阅读全文|查看更多)\s*$", r"^\s*第\s*\d+\s*页"],
    [r"^(?<![:：]\n)\s*(?:https?://|www\.)\S+\s*$", r"^[ \t\u3000]{0,3}#{1,6}[ \t]+(?=[^\s#])", r"\A共\d+页"],
]
LINE_ALPHABET = "温馨提示阅读全文查看更多第页共12 \u3000\n\t：:•-#wh/.ab"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LINE_PATTERN_LISTS), st.text(alphabet=LINE_ALPHABET, max_size=80),
       st.integers(min_value=0, max_value=100))
def test_a_set_anchored_at_line_starts_matches_the_alternation(patterns: list[str], text: str, pos: int) -> None:
    """A set whose matches all begin at a line start is tried only after the line breaks ``line_lead`` finds (and at
    the text's start): its matches and its first match stay the alternation's, from any position."""
    from reportlint.scan import _SPLIT_FROM, line_lead

    assert line_lead(_alternation(patterns).pattern, re.MULTILINE)  # the test runs the line scan
    text += "。" * _SPLIT_FROM  # long enough to be scanned by lines
    pos = min(pos, len(text) // 2)
    expected = [(m.span(), m.groups()) for m in _alternation(patterns).finditer(text, pos)]
    patterns_set = PatternSet(patterns)
    assert [(m.span(), m.groups()) for m in patterns_set.finditer(text, pos)] == expected
    first = patterns_set.search(text, pos)
    assert (first.span() if first else None) == (expected[0][0] if expected else None)


@pytest.mark.parametrize("pattern", [r"^\s*$", r"^(?:[^，]{0,10}[:：])?关于", r"^\s*(?:\s*甲|乙)", r"(?i)^\s*abc",
                                     r"坚持|^\s*牢固"])
def test_no_line_lead_where_it_cannot_bound_the_places(pattern: str) -> None:
    from reportlint.scan import line_lead

    assert line_lead(pattern, re.MULTILINE) is None


def _guarded_cases() -> list[tuple[str, tuple[str, ...]]]:
    """The rulebook's pattern lists of several patterns that get a filter (B103's placeholders among them)."""
    from reportlint.testing import session

    _, book = session().books()
    cases = []
    for code, rule in sorted(book.rules.items()):
        for name, value in sorted(rule.params.items()):
            if isinstance(value, list) and len(value) > 1 and all(isinstance(p, str) for p in value):
                try:
                    patterns = PatternSet(value)
                    patterns.pattern  # noqa: B018 - compiles the filter
                except re.error:
                    continue
                if patterns._lead is not None:
                    cases.append((f"{code}.{name}", tuple(value)))
    return cases


@pytest.mark.parametrize(("name", "patterns"), _guarded_cases())
def test_guarded_branches_find_the_places_of_the_plain_alternation(name: str, patterns: tuple[str, ...]) -> None:
    """``fused_starts`` with each branch behind its own first characters (``_guarded_branches``) finds the places the
    plain alternation's look-ahead finds: random texts of the characters the patterns name, and of the stock
    characters of a report."""
    import random

    from reportlint.scan import fused_starts

    patterns_set = PatternSet(patterns)
    patterns_set.pattern  # noqa: B018 - compiles the filter
    lead, source, flags = patterns_set._lead.pattern, patterns_set._source, patterns_set._flags  # type: ignore[union-attr]
    guarded, plain = fused_starts(lead, source, flags, patterns), fused_starts(lead, source, flags)
    assert guarded is not None and plain is not None, name
    assert guarded.pattern != plain.pattern, name
    rng = random.Random(name)
    # runs of the words each pattern spells out, in its order, between characters of them and a report's marks
    spelt = [re.findall(r"[^\\()\[\]{}?*+|^$.]+", p) for p in patterns]
    marks = sorted({c for words in spelt for w in words for c in w} | set(" \u3000（）()【】。，、：12xX*_\n"))
    for _ in range(3000):
        text = ""
        for _ in range(rng.randint(0, 4)):
            words = rng.choice(spelt)
            at = rng.randrange(len(words)) if words else 0
            text += rng.choice(marks) + "".join(words[at:at + rng.randint(1, 4)])
        assert [m.start() for m in guarded.finditer(text)] == [m.start() for m in plain.finditer(text)], (name, text)


def _branches_by_characters(pattern: str) -> list[str] | None:
    """The reference definition of ``top_level_branches``: one character at a time, an escape taking the next one,
    a class running to its first ] (one right after [ or [^ is a member), a bracket counted, a bar at depth 0 cut."""
    branches, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += pattern[i + 1:i + 2] == "^"
            i += pattern[i + 1:i + 2] == "]"
        elif c in "()":
            depth += 1 if c == "(" else -1
            if depth < 0:
                return None
        elif c == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    if depth or in_class:
        return None
    return [*branches, pattern[start:]]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab|()[]^\\", max_size=24))
def test_top_level_branches_cut_as_the_characters_read_one_by_one(pattern: str) -> None:
    from reportlint.scan import top_level_branches

    assert top_level_branches(pattern) == _branches_by_characters(pattern)
