"""The shortcuts that make the M1 rules fast give the answers of the plain computation."""

from __future__ import annotations

import re
from itertools import combinations

import pytest

from reportlint.checks.measures import Dimensions, _Hits
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
    assert dims.fresh()._patterns == dims._patterns


def _plain_item_end(items: list, i: int, last: tuple[int, int]) -> tuple[int, int]:
    """The definition: the next real item of depth at most i's, or of a higher rank (smaller number)."""
    depth, rank = items[i].depth, items[i].marker.rank
    for it in items[i + 1:]:
        if it.marker.stray or it.marker.family == "heading":
            continue
        if it.depth <= depth or (rank and it.marker.rank and it.marker.rank < rank):
            return it.marker.block, it.marker.start
    return last


def test_item_ends_computed_at_once_are_those_of_the_definition() -> None:
    import random
    from types import SimpleNamespace

    from reportlint.checks.measures import _item_ends

    rng = random.Random(7)
    for _ in range(200):
        n = rng.randint(0, 40)
        items = [SimpleNamespace(depth=rng.randint(0, 4), marker=SimpleNamespace(
            rank=rng.choice([0, 0, 1, 2, 3, 4]), stray=rng.random() < 0.15,
            family=rng.choice(["cn", "cn", "heading"]) if rng.random() < 0.2 else "cn", block=j, start=0))
            for j in range(n)]
        blocks = [SimpleNamespace(text="x" * 5) for _ in range(max(1, n))]
        ctx = SimpleNamespace(outline=SimpleNamespace(items=items), doc=SimpleNamespace(blocks=blocks))
        last = (len(blocks) - 1, 5)
        assert _item_ends(ctx) == [_plain_item_end(items, i, last) for i in range(n)]
