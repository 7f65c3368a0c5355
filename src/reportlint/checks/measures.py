"""M1 checks: measures that cannot be checked later (no number, deadline, owner or target)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..context import Context
from ..hookspecs import hookimpl
from ..model import Finding, Rule
from ..outline import Heading
from ..scan import pattern_set
from ..textutil import sentences
from .sections import locate_sections

DIMENSIONS = ("amount", "deadline", "owner", "target")
DIMENSION_NAMES = {"amount": "量化指标", "deadline": "完成时限", "owner": "责任主体", "target": "可检验的目标"}


@dataclass(frozen=True, slots=True)
class Measure:
    block: int
    start: int  # the measure's text span inside the block
    end: int
    head_end: int  # end of its first sentence (the span a finding covers)


def dimensions(text: str, params: Mapping[str, Any]) -> set[str]:
    """Which of amount, deadline, owner and target ``text`` states, by the rule's patterns.
    ``exclude`` patterns are blanked out first (ordinals such as 十四届三次, 第二批)."""
    exclude = pattern_set(tuple(params.get("exclude", ())))
    if exclude:
        text = exclude.pattern.sub(lambda m: "　" * len(m.group()), text)
    found = set()
    for dim in DIMENSIONS:
        pattern = pattern_set(tuple(params.get(dim, ())))
        if pattern and pattern.search(text):
            found.add(dim)
    return found


def quantified(text: str, params: Mapping[str, Any]) -> set[str]:
    """The dimensions ``text`` states: the regular expressions first; only when they find
    none and the text has Chinese numerals or time words (``segment_hint``) is the segmenter
    asked, for a numeral with a classifier (三个乡镇, 两批次) or a time word with 前/内/底."""
    found = dimensions(text, params)
    hint = pattern_set(tuple(params.get("segment_hint", ())))
    if found or hint is None or not hint.search(text):
        return found
    return segmented_dimensions(text, params)


def segmented_dimensions(text: str, params: Mapping[str, Any]) -> set[str]:
    from ..segment import tagger

    exclude = pattern_set(tuple(params.get("exclude", ())))
    if exclude:
        text = exclude.pattern.sub(lambda m: "，" * len(m.group()), text)
    classifiers = set(params.get("classifiers", ""))
    vague = set(params.get("vague_numerals", ()))
    units = params.get("time_units", "年月季周旬")
    limits = tuple(params.get("time_limits", ("前", "内", "底", "末")))
    numerals = set("一二三四五六七八九十两百千万零〇")
    words = tagger()(text)
    found: set[str] = set()
    for i, (word, tag) in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ("", "")
        digits = "".join(ch for ch in word if ch in numerals)
        # 一个时期 / 一项任务: a bare 一 is an article in official prose, not a quantity
        if tag == "m" and word not in vague and digits and digits != "一" and (
                word[-1] in classifiers or after[1] == "q" or (after[0] and after[0][0] in classifiers)):
            found.add("amount")
        # a time word names a deadline when it has a unit of time and a limit: 年底前, 季度末;
        # 当前 or 今后 name no time at all
        if tag == "t" and any(u in word for u in units) and (
                word.endswith(limits) or after[0] in limits or after[0] in ("以前", "之前", "以内")):
            found.add("deadline")
    return found


def _section_ranges(ctx: Context) -> list[tuple[Heading, int, int]]:
    """(heading, first block, end block) of each measures section of the profile."""
    if ctx.profile is None:
        return []
    found = locate_sections(ctx)
    heads = sorted(found.values(), key=lambda h: (h.block, h.start))
    out = []
    for sec in ctx.profile.roles("measures"):
        head = found.get(sec.name)
        if head is None:
            continue
        later = [h for h in heads if (h.block, h.start) > (head.block, head.start)]
        level_stop = [h for h in ctx.outline.headings if h.block > head.block and h.level and head.level
                      and h.level <= head.level and h.source == head.source]
        stops = [h.block for h in later + level_stop]
        end = min(stops) if stops else len(ctx.doc.blocks)
        out.append((head, head.block, end))
    return out


def find_measures(ctx: Context, params: Mapping[str, Any]) -> tuple[list[Measure], Heading | None]:
    """The measures of a document: the numbered items (or, when there are none, the
    paragraphs) of its measures sections; without such a section, the sentences that
    commit to action (将/要/拟 + an action verb). Computed once per document."""
    key = "measures:" + "|".join(params.get("commitment", ()))
    return ctx.memo(key, lambda: _find_measures(ctx, params))  # type: ignore[no-any-return]


def _find_measures(ctx: Context, params: Mapping[str, Any]) -> tuple[list[Measure], Heading | None]:
    doc = ctx.doc
    ranges = _section_ranges(ctx)
    measures: list[Measure] = []
    if ranges:
        for head, first, end in ranges:
            items = [it.marker for it in ctx.outline.items
                     if it.marker.family != "heading" and first <= it.marker.block < end
                     and (it.marker.block, it.marker.start) > (head.block, head.start)]
            if items:
                for i, mk in enumerate(items):
                    nxt = items[i + 1] if i + 1 < len(items) else None
                    stop = nxt.start if nxt and nxt.block == mk.block else len(doc.blocks[mk.block].text)
                    measures.append(_measure(doc.blocks[mk.block].text, mk.block, mk.start, stop))
            else:
                for b in doc.blocks[first + 1:end]:
                    if b.text.strip():
                        measures.append(_measure(b.text, b.index, 0, len(b.text)))
        return measures, ranges[0][0]
    if ctx.profile is not None and ctx.profile.roles("measures"):
        return [], None  # the profile expects a measures section; S101 reports its absence
    commit = pattern_set(tuple(params.get("commitment", ())))
    if commit is None:
        return [], None
    heading_blocks = {h.block for h in ctx.outline.headings if h.source != "marker"}
    # one scan of the whole text finds the blocks to look at sentence by sentence
    blocks = dict.fromkeys(b.index for b, _, _ in ctx.body.finditer(commit))
    for i in blocks:
        b = doc.blocks[i]
        if i in ctx.residue or i in heading_blocks:
            continue
        for s, e in sentences(b.text):
            if commit.search(b.text, s, e):
                measures.append(Measure(i, s, e, e))
    return measures, None


def _measure(text: str, block: int, start: int, end: int) -> Measure:
    head_end = next((e for _, e in sentences(text, start, end)), end)
    return Measure(block, start, end, head_end)


def is_quantified(ctx: Context, m: Measure, params: Mapping[str, Any]) -> bool:
    """``quantified`` for one measure, remembered for the document (M101 and M103 both ask)."""
    memo: dict[tuple[int, int, int, int], bool] = ctx.memo("quantified", dict)
    key = (m.block, m.start, m.end, id(params))
    if key not in memo:
        memo[key] = bool(quantified(ctx.doc.blocks[m.block].text[m.start:m.end], params))
    return memo[key]


def _measure_params(ctx: Context) -> Mapping[str, Any]:
    """M101's patterns, which M102 and M103 use to tell quantified text."""
    rule = ctx.rulebook.rules.get("M101")
    return rule.params if rule else {}


def check_unquantified(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a measure that states none of: an amount (a number with a unit or classifier,
    a percentage), a deadline or cadence (6月底前, 年内, 每季度), a responsible party
    (由…牵头, 责任单位：), a checkable target (不少于, 达到, 控制在). One dimension is
    enough: a measure with only a deadline is quantified. Ordinals (十四届三次党代会, 第二批)
    and a year in a background sentence (2023年以来) do not count.
    ## Parameters
    ``amount``, ``deadline``, ``owner``, ``target``: patterns per dimension; ``exclude``:
    patterns blanked out first; ``commitment``: what makes a sentence a measure outside
    measures sections.
    ## Example
    3.着力强化落实举措。……进一步调整优化产业结构，提高发展效益。 → M101."""
    measures, _ = find_measures(ctx, rule.params)
    for m in measures:
        if is_quantified(ctx, m, rule.params):
            continue
        names = list(DIMENSION_NAMES.values())
        yield rule.finding(ctx.doc, m.block, m.start, m.head_end, missing="、".join(names[:-1]) + "和" + names[-1],
                           suggestion=rule.params.get("template"))


def check_vague_density(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a paragraph in which empty intensifiers (进一步、不断、切实、大力、全面、着力…)
    take up at least ``threshold`` of the characters while it states nothing quantified.
    ## Parameters
    ``phrases``: the intensifiers; ``threshold``: share of characters (default 0.12);
    ``min_chars``: shortest paragraph judged.
    ## Example
    进一步加强学习，不断提高认识，切实改进作风，全面推进工作。 → M102."""
    phrases = pattern_set(tuple(re.escape(p) for p in sorted(rule.params.get("phrases", ()), key=len, reverse=True)))
    if phrases is None:
        return
    threshold = rule.params.get("threshold", 0.12)
    dims = _measure_params(ctx)
    for b in ctx.doc.blocks:
        text = b.text.strip()
        if len(text) < rule.params.get("min_chars", 30) or b.index in ctx.residue:
            continue
        hits = [m.group() for m in phrases.finditer(b.text)]
        share = sum(len(h) for h in hits) / len(text)
        if share >= threshold and len(hits) >= 3 and not dimensions(b.text, dims):
            s = len(b.text) - len(b.text.lstrip())
            yield rule.finding(ctx.doc, b.index, s, len(b.text.rstrip()), count=len(hits),
                               share=f"{share:.0%}", sample="、".join(dict.fromkeys(hits))[:24])


def check_low_quantification(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Document level: the share of quantified measures in the measures sections. Reported
    at the measures heading when it is below ``threshold`` (the profile may set it) and
    there are at least ``min_measures`` measures.
    ## Parameters
    ``threshold`` (default 0.3), ``min_measures`` (default 3).
    ## Example
    Five measures, one with a deadline → 20% → M103."""
    base = _measure_params(ctx)
    measures, head = find_measures(ctx, base)
    if head is None or len(measures) < rule.params.get("min_measures", 3):
        return
    count = sum(1 for m in measures if is_quantified(ctx, m, base))
    share = count / len(measures)
    if share < rule.params.get("threshold", 0.3):
        yield rule.finding(ctx.doc, head.block, head.start, head.end, total=len(measures),
                           quantified=count, share=f"{share:.0%}",
                           threshold=f"{rule.params.get('threshold', 0.3):.0%}")


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("measures.unquantified", check_unquantified)
    register("measures.vague-density", check_vague_density)
    register("measures.low-quantification", check_low_quantification)
