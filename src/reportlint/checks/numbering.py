"""N1 checks: the numbering of headings and items, read from the outline."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context
from ..hookspecs import hookimpl
from ..model import Finding, Rule
from ..outline import CN_NUM, Item, Marker, Outline, SeqToken, cn_label, cn_value


def _siblings(outline: Outline) -> Iterator[tuple[int, list[Item]]]:
    """Each parent with its numbered children in order (style headings left out)."""
    for parent, kids in outline.children.items():
        items = [outline.items[k] for k in kids if outline.items[k].marker.family != "heading"]
        if items:
            yield parent, items


def _span(mk: Marker) -> tuple[int, int, int]:
    return mk.block, mk.start, mk.end


def check_sequence(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Walks each list of sibling items (same parent in the outline) and reports a number
    that repeats (``mode = "duplicate"``) or skips ahead (``mode = "skip"``), and a list
    under a new parent that does not start at 1, as when a Word list fails to restart.
    ## Parameters
    ``mode``: ``duplicate`` or ``skip``.
    ## Example
    （三） followed by （三） → N101 with the suggestion （四）; 一、 then 三、 → N102."""
    mode = rule.params.get("mode", "duplicate")
    outline = ctx.outline
    for parent, items in _siblings(outline):
        prev: Marker | None = None
        for it in items:
            mk = it.marker
            if prev is None:
                if mode == "skip" and parent >= 0 and mk.value > 1 and not it.mixed:
                    parent_mk = outline.items[parent].marker
                    if parent_mk.family != "heading" or parent_mk.value:
                        yield rule.finding(ctx.doc, *_span(mk), key="restart", label=_shown(ctx, mk),
                                           expected=mk.label_for(1), suggestion=mk.label_for(1))
            elif mode == "duplicate" and mk.value == prev.value:
                expected = mk.label_for(prev.value + 1)
                yield rule.finding(ctx.doc, *_span(mk), label=_shown(ctx, mk), expected=expected,
                                   suggestion=expected)
            elif mode == "skip" and mk.value > prev.value + 1:
                expected = mk.label_for(prev.value + 1)
                yield rule.finding(ctx.doc, *_span(mk), label=_shown(ctx, mk), previous=_shown(ctx, prev),
                                   expected=expected, suggestion=expected)
            elif mode == "skip" and mk.value < prev.value:
                expected = mk.label_for(prev.value + 1)
                yield rule.finding(ctx.doc, *_span(mk), key="backwards", label=_shown(ctx, mk),
                                   previous=_shown(ctx, prev), expected=expected, suggestion=expected)
            prev = mk


def _shown(ctx: Context, mk: Marker) -> str:
    return ctx.doc.blocks[mk.block].text[mk.start:mk.end].strip()


def check_mixed(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports an item whose numbering style differs from the first of its siblings:
    （一） then 2. and 3., or 1. beside 1、. Bracket width is not compared (T103 does that).
    ## Parameters
    None.
    ## Example
    （一）有思想偏差 / 2.有应付心态 → N103 at 2., suggesting （二）."""
    for _, items in _siblings(ctx.outline):
        first = items[0].marker
        for it in items[1:]:
            mk = it.marker
            if mk.style != first.style:
                expected = first.label_for(mk.value)
                yield rule.finding(ctx.doc, *_span(mk), label=_shown(ctx, mk), first=_shown(ctx, first),
                                   expected=expected, suggestion=expected)


def check_hierarchy(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a list nested against GB/T 9704-2012 §7.3.3 (一、 › （一） › 1. › （1））: a
    （一） list inside a 1. item, a 一、 inside （一）. Skipping a level (1. directly under
    一、) is accepted. Reported once, at the first item of the offending list.
    ## Parameters
    None.
    ## Example
    1.加强学习 / （一）集中学习 → N104 at （一）."""
    outline = ctx.outline
    for parent, items in _siblings(outline):
        if parent < 0:
            continue
        pmk = outline.items[parent].marker
        first = items[0].marker
        if pmk.family == "heading" or not first.rank or not pmk.rank:
            continue
        if first.rank < pmk.rank:
            yield rule.finding(ctx.doc, *_span(first), label=_shown(ctx, first), parent=_shown(ctx, pmk))


# the count comes first, as one character class, so that the regular-expression engine can
# skip to numerals (a mixed 1二 or a three-digit number is no count and is dropped later); the
# verb before it (以下、强调、讲…) is looked for afterwards and only widens the excerpt
_STATED = re.compile(
    rf"([{CN_NUM}两\d]{{1,3}})(个方面|方面|个问题|点意见|点要求|点建议|点体会|点|项任务|项工作|项措施|项|条措施|条意见|条建议|条"
    rf"|个重点|个环节|个阶段|个特点|个坚持|大任务|大工程|个字)"
)
_STATED_VERB = re.compile(
    r"(?:以下|如下|下面|下列|这|主要有|主要是|包括|分为|归纳为|概括为|强调|讲|谈|提出|做好|抓好|突出|把握|实现|坚持|做到|从)$"
)
_INTRO_END = re.compile(r"^[^。；;！？!?]{0,16}?[：:]\s*$|^[^。；;！？!?]{0,16}?[：:]|^\s*[。.]?\s*$")


def _count_value(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return cn_value(text.replace("两", "二"))


def _claims(ctx: Context) -> Iterator[tuple[int, int, int, int]]:
    """(block, start, end, count) for stated counts that announce a list: the claim ends
    its sentence with a colon or ends the block."""
    for b, offset, found in ctx.body.finditer(_STATED):
        if b.index in ctx.residue:
            continue
        m = _STATED.match(b.text, found.start() - offset)  # positions within the block
        if m is not None:
            rest = b.text[m.end():]
            tail = re.match(r"^[^。；;！？!?：:]{0,12}", rest)
            after = rest[tail.end():] if tail else rest
            announces = (
                after.startswith(("：", ":"))
                or after.strip() in ("", "。", ".")
                or re.match(rf"^[。；;][ \u3000]*(?:[{CN_NUM}]是|第一|首先)", after)
            )
            if not announces:
                continue
            if re.search(r"[几若干多]", b.text[max(0, m.start() - 2):m.start()]):
                continue
            value = _count_value(m.group(1))
            verb = _STATED_VERB.search(b.text, max(0, m.start() - 5), m.start())
            if value and 2 <= value <= 20:
                yield b.index, verb.start() if verb else m.start(), m.end(), value


def _following_items(outline: Outline, block: int, colon_end: int) -> list[Item] | None:
    """The sibling run that starts right after a claim; None when nothing clear follows."""
    after = [i for i, it in enumerate(outline.items)
             if it.marker.family != "heading" and (it.marker.block, it.marker.start) > (block, colon_end)]
    if not after:
        return None
    first_idx = after[0]
    first = outline.items[first_idx]
    if first.marker.value != 1 or first.marker.block > block + 2:
        return None
    run = [first]
    for i in outline.children_of(first.parent):
        it = outline.items[i]
        if (it.marker.block, it.marker.start) > (first.marker.block, first.marker.start) \
                and it.marker.family != "heading":
            run.append(it)
    return run


def _following_sequence(ctx: Context, block: int, end: int) -> list[SeqToken] | None:
    """An inline run 一是…二是… starting right after the claim, in this block or the next ones."""
    tokens = [t for t in ctx.outline.sequences if (t.block, t.start) > (block, end)]
    if not tokens or tokens[0].value != 1 or tokens[0].block > block + 1:
        return None
    run = [tokens[0]]
    for t in tokens[1:]:
        if t.kind != run[0].kind or t.value != run[-1].value + 1:
            break
        run.append(t)
    return run


def check_count(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Compares a stated count that announces a list (“以下7个方面：”, “强调三点意见：”,
    “讲3个问题”) with what follows it: the numbered sibling items after it, or an inline
    run 一是…二是…. Counts with 几/若干/多 are not counts. When nothing clearly numbered
    follows, or the list does not start at 1, it stays silent.
    ## Parameters
    None.
    ## Example
    主要有以下7个方面： followed by （一）…（六） → N105 “说有7个方面，实际列出6个”."""
    outline = ctx.outline
    for block, start, end, value in _claims(ctx):
        run: list = _following_items(outline, block, end) or []
        seq = _following_sequence(ctx, block, end)
        if seq and (not run or (seq[0].block, seq[0].start) < (run[0].marker.block, run[0].marker.start)):
            run = seq
        if len(run) < 2:
            continue
        if len(run) != value:
            text = ctx.doc.blocks[block].text
            yield rule.finding(ctx.doc, block, start, end, claim=text[start:end], stated=value, actual=len(run))


_BAD_PUNCT = {
    "cn": ("、", "一、", "B.3.2"),
    "ar": (".", "1.", "B.3.3"),
    "cn-paren": ("", "（一）", "B.3.4"),
    "ar-paren": ("", "（1）", "B.3.4"),
}


def check_punctuation(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports malformed markers (GB/T 15834-2011 Appendix B.3.2–B.3.4): 一. 一, (not 一、),
    1、 (not 1.), （一）、 and （1）. (brackets take nothing after them). One finding per
    list, at its first malformed marker, with the count. Full-width and half-width forms
    are both accepted here.
    ## Parameters
    None.
    ## Example
    1、加强学习 / 2、完善制度 → one N106 at 1、 “应为 1.”."""
    for _, items in _siblings(ctx.outline):
        bad = [it.marker for it in items if it.marker.family in _BAD_PUNCT
               and _norm(it.marker.punct) != _BAD_PUNCT[it.marker.family][0]]
        if not bad:
            continue
        mk = bad[0]
        want, example, clause = _BAD_PUNCT[mk.family]
        fixed = mk.label_for(mk.value, want)
        yield rule.finding(ctx.doc, *_span(mk), label=_shown(ctx, mk), expected=fixed, example=example,
                           clause=clause, count=len(bad), suggestion=fixed)


def _norm(p: str) -> str:
    return {"．": "."}.get(p, p)


def check_inline_sequence(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Follows inline ordinals 一是/二是/三是 and 第一，/第二， through a paragraph (and on
    into the next paragraph when it opens with the next ordinal) and reports one that
    repeats or skips. Any paragraph may restart the run at 一.
    ## Parameters
    None.
    ## Example
    一是…二是…二是… → N107 at the second 二是, suggesting 三是."""
    last: dict[str, SeqToken] = {}
    last_block = -1
    for tok in ctx.outline.sequences:
        if tok.block != last_block:
            # a new paragraph continues the run only when it carries on from the last one
            stale = [k for k, t in last.items()
                     if t.block < tok.block - 1 and not _only_blank_between(ctx, t.block, tok.block)]
            for k in stale:
                del last[k]
            last_block = tok.block
        prev = last.get(tok.kind)
        last[tok.kind] = tok
        if tok.value == 1 or prev is None:
            continue
        word = "是" if tok.kind == "shi" else "，"
        expected = ("第" if tok.kind == "di" else "") + cn_label(prev.value + 1) + word
        shown = ctx.doc.blocks[tok.block].text[tok.start:tok.end]
        if tok.value == prev.value:
            yield rule.finding(ctx.doc, tok.block, tok.start, tok.end, key="duplicate", label=shown,
                               expected=expected, suggestion=expected)
        elif tok.value != prev.value + 1:
            yield rule.finding(ctx.doc, tok.block, tok.start, tok.end, label=shown, expected=expected,
                               suggestion=expected)


def _only_blank_between(ctx: Context, a: int, b: int) -> bool:
    return all(not ctx.doc.blocks[i].text.strip() for i in range(a + 1, b))


def check_stray(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a number marker that cuts a sentence in two — the text before it stops
    mid-sentence and the text after it carries on (“…作风建设的有” / “2、效工作机制”), or
    the marker is followed by punctuation (“8、,深入”). These are page numbers of a paged
    viewer or pasting slips; they never count as numbering.
    ## Parameters
    None.
    ## Example
    ……建立作风建设的有 / 2、效工作机制 → N108 at 2、."""
    for mk in ctx.outline.markers:
        if mk.stray:
            yield rule.finding(ctx.doc, *_span(mk), key=mk.stray, label=_shown(ctx, mk))


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("numbering.sequence", check_sequence)
    register("numbering.mixed", check_mixed)
    register("numbering.hierarchy", check_hierarchy)
    register("numbering.count", check_count)
    register("numbering.punctuation", check_punctuation)
    register("numbering.inline", check_inline_sequence)
    register("numbering.stray", check_stray)
