"""The shortcuts that make the M1 rules fast give the answers of the plain computation."""

from __future__ import annotations

import re
from itertools import combinations

import pytest

from reportlint.checks.measures import _OBJECT_BEFORE, Dimensions, _Hits
from reportlint.scan import pattern_set
from reportlint.segment import tagger
from reportlint.testing import session

# phrases that overlap and nest (one is the start or the end of another), tried longest first as M102 does
PHRASES = ["进一步加强", "进一步", "加强", "不断提高", "不断", "提高认识", "切实", "切实加强", "全面", "全面推进"]
TEXTS = [
    "进一步加强学习，不断提高认识，切实加强作风，全面推进工作。",
    "要进一步加强进一步加强不断提高认识全面推进",
    "不断不断提高提高认识切实切实加强",
    "今年全面推进三项改革，年底前完成。",
]


@pytest.mark.parametrize("text", TEXTS)
def test_hits_of_any_span_are_those_of_scanning_the_span(text: str) -> None:
    phrases = pattern_set(tuple(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)))
    assert phrases is not None
    hits = _Hits(phrases, text)
    for s, e in combinations(range(len(text) + 1), 2):
        assert hits.within(s, e) == [m.group() for m in phrases.finditer(text[s:e])], (s, e)


def _whole_text_judgement(dims: Dimensions, text: str, exclude: object) -> frozenset[str]:
    """The plain way: blank the exclusions, segment the whole text, judge every word."""
    if exclude:
        text = exclude.pattern.sub(lambda m: "，" * len(m.group()), text)  # type: ignore[attr-defined]
    return frozenset(dims._judge(tagger()(text)))


SEGMENTED = [
    "组织三个乡镇开展交叉检查，年底前完成验收。",
    "抽调两批次业务骨干，分赴二十余家企业调研",
    "当前要一个时期一项任务地抓，今后三年逐步推开",
    "十四届三次全会精神，第二批主题教育",
    "明年底前完成全部改造；季度末组织一次复查",
    "年内争取新建5G基站300座、改造K0+100段道路",
    "三严三实 两学一做",
    "今后，要把三五件事办好",
    "组织青年骨干下沉一线，年底前完成轮训",
    "逐一对照检查，一一销号，一个月内整改",
    "青年突击队每年开展活动；五年以前的台账",
    "",
]


@pytest.mark.parametrize("text", SEGMENTED)
def test_segmenting_only_the_clauses_with_numerals_judges_like_the_whole_text(text: str) -> None:
    params = session().books()[1].rules["M101"].params
    dims = Dimensions(params)
    exclude = pattern_set(tuple(params.get("exclude", ())))
    assert dims._segmented(text) == _whole_text_judgement(dims, text, exclude)


def test_answers_are_remembered_per_document_not_for_the_next() -> None:
    params = session().books()[1].rules["M101"].params
    dims = Dimensions(params)
    assert dims.quantified("2024年6月底前完成") == {"deadline"}
    assert dims.fresh()._known == {}
    assert dims.fresh()._stated == {}
    assert dims.fresh()._needs is dims._needs


# sentences written for these tests: each dimension's patterns, ordinals and classes of departments
DIMENSION_TEXTS = [
    "由办公室牵头，每季度开展一次督查",
    "市住建局负责统筹推进老旧小区改造",
    "各部门要按照分工抓好落实",
    "由有关部门负责，进一步加强监管",
    "由工会发至各部门征求意见",
    "责任单位：区财政局、区审计局",
    "牵头：县发改委；配合：各乡镇",
    "年底前完成十四届三次全会精神的传达",
    "第二批主题教育结束后组织回头看",
    "确保覆盖率达到95%以上，不低于去年水平",
    "2025年6月底前全部完成验收",
    "建立周报制度，限期整改到位",
    "抽调3名业务骨干，组建两个专班",
    "“三个一”工作法和“两学一做”",
    "由于工作量大，相关单位需加班",
    "组织专业管理部门负责日常巡查",
    "进一步提高认识，全面推进工作",
    "",
]


def _plain_dimensions(params: dict, text: str) -> frozenset[str]:
    """The definition: blank the exclusions, search each dimension's whole list (the owner
    list in the text with the classes of departments blanked too)."""
    exclude = pattern_set(tuple(params.get("exclude", ())))
    generic = pattern_set(tuple(params.get("generic_owners", ())))
    if exclude:
        text = exclude.pattern.sub(lambda m: "　" * len(m.group()), text)
    found = set()
    for dim in ("amount", "deadline", "owner", "target"):
        patterns = pattern_set(tuple(params.get(dim, ())))
        searched = generic.pattern.sub(lambda m: "，" * len(m.group()), text) if dim == "owner" and generic else text
        if patterns and patterns.search(searched):
            found.add(dim)
    return frozenset(found)


def test_dimensions_searched_with_only_the_patterns_that_can_match_are_those_of_every_pattern() -> None:
    import random

    params = session().books()[1].rules["M101"].params
    dims = Dimensions(params)
    rng = random.Random(11)
    pieces = [t[i:i + 4] for t in DIMENSION_TEXTS for i in range(0, len(t), 3)]
    texts = DIMENSION_TEXTS + ["".join(rng.sample(pieces, rng.randint(1, 8))) for _ in range(400)]
    seen = set()
    generic = pattern_set(tuple(params.get("generic_owners", ())))
    owners = 0
    for text in texts:
        found = dims._of(text)
        assert found == _plain_dimensions(params, text), text
        seen |= found
        # the first class that is no mere object (向各部门, 明确各部门的职责), by the whole alternation
        plain = next((m for m in generic.pattern.finditer(text)
                      if not _OBJECT_BEFORE.search(text, max(0, m.start() - 4), m.start())), None) if generic else None
        assert dims.generic_owner(text) == (plain.group() if plain else ""), text
        owners += plain is not None
    assert seen == {"amount", "deadline", "owner", "target"}
    assert owners > 10


def test_a_pattern_that_may_begin_at_any_character_is_searched_where_its_words_occur() -> None:
    params = dict(session().books()[1].rules["M101"].params)
    params["owner"] = ["[\\u4e00-\\u9fff]{2,12}(?:局|委|办|中心)(?:负责|牵头)"]
    dims = Dimensions(params)
    assert dims._of("市住建局负责督办") == {"owner"}
    assert dims._of("市住建局督办") == frozenset()


@pytest.mark.parametrize(("pattern", "needed"), [
    ("[\\u4e00-\\u9fff]{2,12}(?:局|委|办|部)(?:负责|牵头)", "负牵"),
    ("(?<![理自缘经])由(?![于此衷])[^，。；,;]{1,24}(?:负责|牵头)", "由"),
    ("不少于|不低于|达到", "不达"),
    ("(?:19|20)\\d\\d\\s*年(?:底|末|内)", "年"),
    ("[一两]次", "次"),
    ("[一二三]+(?:个|项)", "个项"),
    ("(?:每|至少)[^，。]{0,8}[一二三\\d]", "每至"),
    ("年?底", "底"),
    (".局", "局"),
    ("(年)\\1?", "年"),
])
def test_needed_chars(pattern: str, needed: str) -> None:
    from reportlint.needchars import needed_chars

    assert needed_chars(pattern) == frozenset(needed)


@pytest.mark.parametrize("pattern", [
    "\\d+", ".", "[^a]", "(?i)a", "(?:年|\\d)", "[\\u4e00-\\u9fff]+", "(?=负)", "年?", "(", "",
])
def test_needed_chars_is_none_when_unsure(pattern: str) -> None:
    from reportlint.needchars import needed_chars

    assert needed_chars(pattern) is None


def test_every_match_holds_a_needed_char() -> None:
    """Each M1 pattern that matches one of the sentences above has a needed character in its match."""
    from reportlint.needchars import needed_chars

    lists = session().books()[1].rules["M101"].params
    checked = 0
    for key in ("exclude", "amount", "deadline", "owner", "target", "generic_owners"):
        for pattern in lists[key]:
            need = needed_chars(pattern, re.MULTILINE)
            for text in DIMENSION_TEXTS:
                for m in re.finditer(pattern, text, re.MULTILINE):
                    if m.group():
                        checked += 1
                        assert need is None or not need.isdisjoint(m.group()), (pattern, text)
    assert checked >= 20


def test_clauses_holding_a_char_are_the_clauses_that_hold_it() -> None:
    import random

    from reportlint.checks.measures import _SEPARATORS, _clauses_holding

    clause = re.compile(f"[^{_SEPARATORS}]+")
    wanted = "一二年"
    holding = _clauses_holding(wanted)
    rng = random.Random(5)
    for _ in range(500):
        text = "".join(rng.choice("一二年青工作，。 、：(a1\n\u3000") for _ in range(rng.randint(0, 30)))
        expected = [m.group() for m in clause.finditer(text) if set(wanted) & set(m.group())]
        assert holding(text) == expected, text
    assert _clauses_holding("，。")("一，二") == []


def test_no_span_holds_more_phrases_than_begin_in_it() -> None:
    import random
    from bisect import bisect_left

    from reportlint.checks.measures import _phrase_starts

    phrases = pattern_set(tuple(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)))
    assert phrases is not None
    rng = random.Random(3)
    for _ in range(200):
        text = "".join(rng.choice([*PHRASES, "，", "工作", "提高", "加"]) for _ in range(rng.randint(0, 8)))
        starts = _phrase_starts(phrases, text)
        hits = _Hits(phrases, text)
        for s, e in combinations(range(len(text) + 1), 2):
            assert len(hits.within(s, e)) <= bisect_left(starts, e) - bisect_left(starts, s), (text, s, e)


def test_guarded_patterns_find_what_the_pattern_finds() -> None:
    import random

    from reportlint.checks.measures import _NAMED_TOKEN, _PART_END, _SEQ_TOKEN

    rng = random.Random(9)
    words = ["附件：", "特此报告", "妥否", "以上意见，", "联系人：", "一是", "二是", "建议一：", "措施二:", "统一是",
             "2021年1月15日", "二〇二一年一月十五日", "。", "市政府办公室", "加强", "\n", "（三）"]
    for _ in range(400):
        text = "".join(rng.choice(words) for _ in range(rng.randint(0, 8)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        for guarded in (_PART_END, _SEQ_TOKEN, _NAMED_TOKEN):
            plain = guarded.pattern
            assert [m.span() for m in guarded.finditer(text, lo, hi)] == [m.span() for m in plain.finditer(text, lo, hi)]
            found, expected = guarded.search(text, lo, hi), plain.search(text, lo, hi)
            assert (found and found.span()) == (expected and expected.span()), text


def test_every_match_of_a_guarded_pattern_holds_a_match_of_its_hint() -> None:
    """A hint the code gives (a word rather than one of its characters) is a necessary condition of a match."""
    import random

    from reportlint.checks.measures import _PART_END, _SEQ_TOKEN

    rng = random.Random(17)
    words = ["附件：", "附 件2", "附\n件三", "特此通知", "妥否", "以上方案。", "具体联系人：", "联系电话:", "咨询方式：",
             "政策解读单位：", "（解读机构及咨询方式", "九是", "十二是", "2021年12月3日", "〇二一年一月十五日", "二〇二一年十一月五日",
             "。", "，", "发展改革委", " ", "\n", "年", "月", "日", "是", "一", "[1]", "[", "1"]
    hits = 0
    for _ in range(3000):
        text = "".join(rng.choice(words) for _ in range(rng.randint(0, 7)))
        for guarded in (_PART_END, _SEQ_TOKEN):
            for m in guarded.pattern.finditer(text):
                hits += 1
                assert guarded._hint.search(text, m.start(), m.end()), (text, m.group())
    assert hits > 1000


def _plain_stop_early(blocks: list, start: tuple[int, int], end: tuple[int, int]) -> tuple[int, int]:
    """The definition: block by block, a table stops the part, else the first end pattern found."""
    from reportlint.checks.measures import _PART_END

    for b in range(start[0], end[0] + 1):
        text = blocks[b].text
        if b > start[0] and (blocks[b].kind == "cell" or blocks[b].table):
            return b - 1, len(blocks[b - 1].text)
        m = _PART_END.pattern.search(text, start[1] if b == start[0] else 0, end[1] if b == end[0] else len(text))
        if m:
            return b, m.start()
    return end


def test_part_ends_found_through_the_joined_text_are_those_of_each_block() -> None:
    import random
    from types import SimpleNamespace

    from reportlint.checks.measures import _stop_early
    from reportlint.model import Block
    from reportlint.scan import Body

    rng = random.Random(13)
    pieces = ["加强学习。", "附件：1.名单", "特此报告", "市农业局2021年3月5日", "。县政府办公室2021年3月5日",
              "2022年1月1日", "2021年", "以上意见，", "联系人：张三", "", "  ", "解读机构及咨询方式"]
    for _ in range(300):
        blocks = tuple(Block(i, "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))),
                             kind=rng.choice(["paragraph"] * 6 + ["cell"]))
                       for i in range(rng.randint(1, 8)))
        ctx = SimpleNamespace(doc=SimpleNamespace(blocks=blocks), body=Body(blocks), cache={})
        ctx.memo = lambda key, make, ctx=ctx: ctx.cache.setdefault(key, make())
        a = rng.randrange(len(blocks))
        z = rng.randrange(a, len(blocks))
        start = (a, rng.randint(0, len(blocks[a].text)))
        end = (z, rng.randint(0, len(blocks[z].text)))
        if end < start:
            continue
        assert _stop_early(ctx, start, end) == _plain_stop_early(list(blocks), start, end), (blocks, start, end)


@pytest.mark.parametrize("patterns", [
    ("(?:要求|措施|举措)(?:明确|通知|提出)?如下[：:]", "提出如下(?:要求|措施|举措)[：:]"),
    ("(?<!不)如下[：:]", "下[：:]如"),
    ("要求如下", "要求"),
    ("(?:措施|要求|明确){1,3}如下", "[：:]提出"),
])
def test_anchored_patterns_find_what_the_pattern_finds(patterns: tuple[str, ...]) -> None:
    import random

    from reportlint.model import Block
    from reportlint.needchars import Anchored
    from reportlint.scan import Body, anchor

    whole = pattern_set(patterns)
    assert whole is not None
    anchored = Anchored.of(whole.pattern, (anchor(p) for p in patterns))
    assert anchored is not None
    rng = random.Random(17)
    words = ["要求", "如下", "：", ":", "措施", "提出", "不", "明确", "现将", "\n", "。", "下"]
    for _ in range(400):
        text = "".join(rng.choice(words) for _ in range(rng.randint(0, 14)))
        pos = rng.randint(0, len(text))
        assert [m.span() for m in anchored.finditer(text, pos)] == [m.span() for m in whole.finditer(text, pos)]
        body = Body(tuple(Block(i, line) for i, line in enumerate(text.split("\n"))))
        assert [(b.index, m.span()) for b, _, m in body.finditer(anchored)] == \
            [(b.index, m.span()) for b, _, m in body.finditer(whole)], text


def test_anchored_needs_an_anchor_and_a_bounded_width() -> None:
    from reportlint.needchars import Anchored

    assert Anchored.of(re.compile("如下.*"), ["如下"]) is None
    assert Anchored.of(re.compile("如下|x"), ["如下", ""]) is None
    assert Anchored.of(re.compile("如下[：:]"), ["如下"]) is not None


def test_titles_picked_by_their_anchors_are_all_those_the_section_words_can_match() -> None:
    import random
    from types import SimpleNamespace

    from reportlint.checks.measures import _titles_holding

    words = tuple(session().books()[1].rules["M101"].params["sections"])
    matcher = pattern_set(words)
    assert matcher is not None
    rng = random.Random(23)
    pieces = ["下一步", "工作", "打算", "建议", "整改", "措施", "方向", "重点", "任务", "有关", "要求", "（", "一", ""]
    for _ in range(200):
        titles = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(0, 12))]
        items = [SimpleNamespace(marker=SimpleNamespace(title=t)) for t in titles]
        indices = sorted(rng.sample(range(len(items)), rng.randint(0, len(items))))
        picked = _titles_holding(items, indices, words, 12)
        assert set(picked) <= set(indices) and picked == sorted(picked)
        assert {i for i in indices if matcher.search(titles[i], 0, 12)} <= set(picked), titles


def test_each_pattern_searched_from_its_first_possible_place_matches_as_a_plain_search() -> None:
    """``_Narrowing._search`` skips to where a match can begin (二十个, 3名) before searching."""
    import random

    from reportlint.checks.measures import _Narrowing

    params = session().books()[1].rules["M101"].params
    lists = [tuple(params.get(k, ())) for k in ("exclude", "amount", "deadline", "owner", "target", "generic_owners")]
    narrowing = _Narrowing(lists)
    rng = random.Random(3)
    pieces = [t[i:i + 3] for t in DIMENSION_TEXTS for i in range(0, len(t), 2)] + ["一些", "十个", "两", "2"]
    texts = DIMENSION_TEXTS + ["".join(rng.sample(pieces, rng.randint(1, 10))) for _ in range(300)]
    bit, hits = 0, 0
    for patterns in lists:
        for p in patterns:
            search = narrowing._search(bit, p)
            for text in texts:
                expected = re.search(p, text, re.MULTILINE) is not None
                assert bool(search(text)) == expected, (p, text)
                hits += expected
            bit += 1
    assert hits > 100


@pytest.mark.parametrize("patterns", [
    ("^(?:始终)?坚持", "^牢固树立", "坚持[^，。；,;]{2,24}的原则"),
    ("^《[^》]{2,50}》[。；;]?$", "^项目|申报", "的\\s*[；;]?$", "^(核算周期)[。：:]"),
    ("^(年)\\1", "计划"),  # a back-reference: the list is searched whole
    ("^关于[^。]{2,20}的报告$",),
])
def test_patterns_tried_only_at_line_starts_find_what_the_list_finds(patterns: tuple[str, ...]) -> None:
    """``_LineAnchored`` tries the patterns opening with ``^`` only where a line starts: the same verdict as a search
    of the whole list, in texts with and without line breaks."""
    import random

    from reportlint.checks.measures import _line_anchored

    anchored = _line_anchored(patterns)
    whole = re.compile("|".join(f"(?:{p})" for p in patterns), re.MULTILINE)
    pieces = ["坚持", "始终", "牢固树立", "问题导向", "的原则", "《管理办法》", "。", "；", "\n", "项目", "申报", "的",
              "核算周期", "：", "年", "计划", "关于", "工作", "的报告", " ", "，"]
    rng = random.Random(7)
    texts = ["", "\n", "坚持", "工作\n坚持", "《办法》\n", "年年", "工作\n年年"] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(600)]
    hits = 0
    for text in texts:
        expected = whole.search(text) is not None
        assert anchored is not None and anchored.search(text) == expected, (patterns, text)
        hits += expected
    assert 0 < hits < len(texts)
