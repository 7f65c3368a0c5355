"""S1 checks: the sections a document type requires, their order, empty and damaged headings, the title."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from functools import lru_cache
from operator import attrgetter
from typing import Any

from ..context import Context
from ..doctype import SITE_TAIL, glued_titles
from ..hookspecs import hookimpl
from ..model import Block, Document, Finding, Rule
from ..outline import Heading, Marker, list_lead
from ..residue import hides_part
from ..rulebook import Section
from ..scan import pattern_set
from ..scattered import ODD_MARKS, scattered_marks
from ..textutil import CLOSING_MARKS, SENTENCE_ENDS, normalize_heading, plain_heading, sentences, similarity, unspaced


def section_headings(ctx: Context) -> list[Heading]:
    """Headings that can name a section: numbered headings of the top two levels (three in a
    document stored on one line), Word heading styles, and short plain lines. Listed once per
    document for the three checks that read them (never changed)."""
    deep = 3 if len(ctx.doc.blocks) <= 3 else 2  # on one line, nesting is a guess: take one level more
    # nothing above the title is a part of the document: a page's own heading over a pasted text (乡镇上半年工作
    # 情况总结及下半年工作打算 above the title it repeats), a 发文机关标志 or an 附件 line
    # … nor is the title written again under it (a page's title, the site's lines, then the document's own title)
    title = ctx.outline.title
    first = (title.block, title.start) if title else (-1, -1)
    again = unspaced(title.text) if title else None
    return ctx.memo("sections.headings",  # type: ignore[no-any-return]
                    lambda: [h for h in ctx.outline.headings if (h.source != "marker" or h.level <= deep)
                             and (h.block, h.start) >= first
                             and (h.block == first[0] or unspaced(h.text) != again)])


@lru_cache(maxsize=4096)
def _forms(text: str) -> tuple[str, str]:
    """A section wording or a heading reduced for comparison: (``normalize_heading``, ``plain_heading``)
    (room for a long document's headings beside the profiles' wordings)."""
    return normalize_heading(text), plain_heading(text)


@lru_cache(maxsize=1024)
def _chars(text: str) -> tuple[dict[int, None], Counter[str]]:
    """A wording's characters: a table deleting them (``str.translate``) and their counts."""
    return dict.fromkeys(map(ord, text)), Counter(text)


def _heading_forms(ctx: Context) -> dict[str, tuple[str, str]]:
    """``_forms`` of every heading of the document, computed once per document: a long
    document has thousands of short lines, each compared with every section wording."""
    return ctx.memo("sections.forms",  # type: ignore[no-any-return]
                    lambda: {h.text: _forms(h.text) for h in ctx.outline.headings})


def _carries(normalised: str, wording: str) -> bool:
    """``fuzzy_contains`` for a heading already normalised."""
    w = _forms(wording)[0]
    return bool(w) and (w == normalised or (len(w) >= 3 and w in normalised))


def near_miss(heading: str, sections: tuple[Section, ...], threshold: float,
              forms: tuple[str, str] | None = None) -> tuple[Section, str, float] | None:
    """The section wording a heading looks like a damaged copy of, if any: similar above
    ``threshold`` but neither equal to nor containing any accepted wording. ``forms``: the
    heading's ``_forms`` when already known."""
    h, plain = forms or (normalize_heading(heading), plain_heading(heading))
    if len(plain) < 4:
        return None
    contained = 0
    best: tuple[Section, str, float] | None = None
    chars: Counter[str] | None = None
    for sec in sections:
        for wording in sec.wordings:
            w, target = _forms(wording)
            if bool(w) and (w == h or (len(w) >= 3 and w in h)):  # fuzzy_contains(heading, wording)
                if w == h:
                    return None
                contained = max(contained, len(w))
                continue
            if len(target) < 4 or abs(len(target) - len(plain)) > 2:
                continue
            # difflib's ratio is 2·M/T with M at most the characters both share (counted with
            # repeats): when even that cannot reach the threshold or the best so far, skip it
            # first the heading's characters found in the wording at all (a C-level count), then
            # the shared characters counted with repeats
            floor = threshold if best is None else best[2]
            outside, counts = _chars(target)
            if 2.0 * (len(plain) - len(plain.translate(outside))) / (len(plain) + len(target)) < floor:
                continue
            chars = chars or Counter(plain)
            shared = sum(min(n, chars[c]) for c, n in counts.items())
            bound = 2.0 * shared / (len(plain) + len(target))
            if bound < threshold or (best is not None and bound <= best[2]):
                continue
            score = similarity(plain, target)
            if score >= threshold and (best is None or score > best[2]):
                best = (sec, wording, score)
    # a heading that carries an accepted wording is fine, unless it is a damaged copy of a
    # longer, more specific one (一步工作方案 carries 工作方案 but lost 下 of 下一步工作方案)
    if best and len(_forms(best[1])[0]) > contained:
        return best
    return None


# a verdict after a section's words makes the heading a problem (整改措施不够有力, 学习不够深入), or, when it praises,
# a heading of the review of work done (领导重视，措施有力; 举措扎实，成效明显): either way it says how the measures
# went, not what they will be
VERDICT = re.compile(r"不够|不足|不到位|不力|不强|不实|不细|欠缺|缺乏|滞后|偏弱|较弱"
                     r"|薄弱|不完善|不健全|不规范|不落实|缺失|缺位"
                     r"|(?<!不)(?:有力|得力|到位|扎实|有效|务实|精准|周密|得当|管用)")
# or says the work still waits to be done (便民措施仍需进一步落实, 保障措施有待完善, 整改任务尚需加强): the stock
# verdict of a problem part in the genre (有待加强, 有待提升), which names no part of measures. Not after 下一步 (an
# adverb of time: 下一步仍需加强的工作 is a plan)
PENDING = re.compile(r"有待|亟待|亟需|仍需|尚需|还需|仍然?(?:存在|不)")


def judged_after(text: str, at: int, pending: bool = True) -> bool:
    """Whether a verdict (``VERDICT``, and ``PENDING`` unless told not) follows within 8 characters of ``at``, the end
    of a section's words in a heading: the heading says how that part went, it names no such part."""
    return VERDICT.search(text, at, at + 8) is not None or (pending and PENDING.search(text, at, at + 8) is not None)


def names_section(text: str, wording: str) -> bool:
    """``text`` names the section ``wording`` and is not a problem statement about it."""
    at = text.find(wording)
    return at < 0 or not judged_after(text, at + len(wording))


def locate_sections(ctx: Context, threshold: float = 0.8) -> dict[str, Heading]:
    """Each profile section found, by name, with its first heading (damaged copies count).
    Computed once per document and shared by the S and M checks."""
    return ctx.memo(f"sections:{threshold}", lambda: _locate_sections(ctx, threshold))  # type: ignore[no-any-return]


def _locate_sections(ctx: Context, threshold: float) -> dict[str, Heading]:
    found: dict[str, Heading] = {}
    if ctx.profile is None:
        return found
    heads = section_headings(ctx)
    forms = _heading_forms(ctx)
    for sec in ctx.profile.sections:
        for h in heads:
            # a heading glued to its body (one-line text) names the section in its first words
            if any((_carries(forms[h.text][0], w) or _opens_with(h.text, w)) and names_section(h.text, w)
                   for w in sec.wordings):
                found[sec.name] = h
                break
        else:
            glued = next((h for h in _untitled_heads(ctx) if any(_opens_with(h.text, w) and names_section(h.text, w)
                                                               for w in sec.wordings)), None)
            if glued is not None:
                found[sec.name] = glued
                continue
            for h in heads:
                miss = near_miss(h.text, (sec,), threshold, forms[h.text])
                if miss:
                    found[sec.name] = h
                    break
    return found


# a year at the head of a heading (2023年工作思路, 二〇二三年度……), after its label
YEAR_FIRST = re.compile(r"\s*(?:(?:19|20)\d\d|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年(?:度)?")


def _opens_with(text: str, wording: str) -> bool:
    """Whether a heading's first words are ``wording`` (after its label and a year: 二、2023年工作思路), or a part's
    name joined to it by 及, 和, 与 or 、 (二、工作目标及进度安排: one heading over two parts, each named)."""
    year = YEAR_FIRST.match(text)
    if year is not None:
        text = text[year.end():]
    return wording in text[:len(wording) + 4] or any(
        0 < text.find(joint + wording, 0, len(wording) + 12) for joint in "及和与、")


_GLUED_WORDS = 16  # characters after the label of a heading glued to a long first sentence that may name its part


def _untitled_heads(ctx: Context) -> list[Heading]:
    """In a text stored on one line, the chapter headings (一、) run into a first sentence too long for a title
    (一、主要成效全年共完成……。): the outline gives them none. Their first words, as headings that may name a part
    by its exact wording at their start (never by a near miss: the words run on into the sentence)."""
    if len(ctx.doc.blocks) > 3:
        return []
    blocks = ctx.doc.blocks
    return ctx.memo("sections.untitled", lambda: [  # type: ignore[no-any-return]
        Heading(mk.block, mk.start, mk.end, blocks[mk.block].text[mk.end:mk.end + _GLUED_WORDS], 1, "marker")
        for mk in ctx.outline.markers if mk.family == "cn" and not mk.title and not mk.stray])


def _anchor(ctx: Context) -> tuple[int, int, int]:
    t = ctx.outline.title
    if t:
        return t.block, t.start, t.end
    first = next((b for b in ctx.doc.blocks if b.text.strip() and b.index not in ctx.residue), ctx.doc.blocks[0])
    return first.index, 0, min(len(first.text), 20)


# a short first line that is no heading: a page's or an article's field with its value (作者：××, 来源：××,
# 中文域名：××) or no Chinese word at all (0); a heading may hold a colon too (方向1：智能巡检平台)
_NO_HEADING = re.compile(r"^(?:作者|撰稿|供稿|小编|编辑|责任编辑|审核|来源|发布(?:时间|日期)?|时间|日期|中文域名|域名"
                         r"|网址)\s*[:：]|^[^\u4e00-\u9fff]*$")


def check_missing(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    For a document whose type its title names (or given with ``--profile``), reports each
    required section of the profile that no heading names; a type guessed from the headings alone is not judged.
    Headings are compared with the profile's accepted wordings, ignoring numbering, punctuation and filler words
    (的、主要、和). A document with fewer than ``min_headings`` headings is not judged.
    ## Parameters
    ``min_headings``: headings needed before sections are judged (default 2); ``unheaded_problems``: sentences that
    state the problems without a heading (但仍存在一些问题，如……): the problems part is there.
    A text that stops in mid-sentence (``cut_short``) is not judged: its missing parts may stand after the cut; nor
    one where a site hid part of it (B101's ``hidden_patterns`` and ``elided_patterns``).
    ## Example
    An 对照检查材料 with 存在的问题 and 整改措施 but no 原因分析 → S101."""
    if ctx.profile is None or not ctx.doc.blocks or ctx.guessed:
        return  # (a kind guessed from the headings, with no title naming it: a part it lacks may be no part of it)
    if len(section_headings(ctx)) < rule.params.get("min_headings", 2):
        return
    if cut_short(ctx) is not None:
        return  # the parts may stand after the cut: S106 says the text is incomplete, once
    if hides_part(ctx):
        return  # a site hid part of the text (此处隐藏3000个字, 仅展示头部和尾部): the parts may be in what it hid
    found = locate_sections(ctx)
    required = [s for s in ctx.profile.sections if s.required]
    if len(required) >= 2 and not any(s.name in found for s in required):
        return  # none of its parts: a free-form text of that type, or the type was guessed wrong
    if any(not s.required for s in ctx.profile.sections) and not any(s.name in found for s in ctx.profile.sections):
        # none of the parts the type usually has, optional ones included: the genre word matched but
        # the text is another kind (方案 also names 补贴发放方案, 评选方案 with parts of their own). A
        # profile listing only its required parts gives nothing to confirm the type with: judged.
        return
    kind = _kind(ctx)
    unheaded = pattern_set(tuple(rule.params.get("unheaded_problems", ())))
    for sec in ctx.profile.sections:
        if sec.required and sec.name not in found:
            if sec.role == "problems" and unheaded is not None and any(
                    b.index not in ctx.residue for b, _, _ in ctx.body.finditer(unheaded.pattern)):
                continue  # the problems told in a paragraph with no heading (但仍存在一些问题，如……)
            if sec.role == "achievements" and _topics_before(ctx, found):
                continue  # the work told under headings of its own topics (一、强化组织领导 二、加强队伍建设)
            if sec.role == "measures" and kind.endswith("方案") and _topic_chapters(ctx, found) >= _TOPIC_TASKS:
                continue  # a plan setting its tasks out in chapters of their own (二、代表选举工作 三、会议时间和地点)
            block, start, end = _anchor(ctx)
            yield rule.finding(ctx.doc, block, start, end, section=sec.name, doctype=kind,
                               wordings="、".join(sec.wordings[:4]))


_TOPICS = 2  # chapter headings of their own topics before the problems part that tell the work done


def _topics_before(ctx: Context, found: Mapping[str, Heading]) -> bool:
    """Whether the work done is told under headings of its own topics: two or more chapter markers of the same style
    as the heading of the problems or next-steps part stand before it (a summary's order: the work, the problems, the
    plans — 情况与成绩、问题与教训、今后打算, in 公文写作 manuals)."""
    role = {sec.name: sec.role for sec in ctx.profile.sections}  # type: ignore[union-attr]
    later = [(h.block, h.start) for name, h in found.items() if role.get(name) in ("problems", "measures")]
    if not later:
        return False
    first = min(later)
    title = (ctx.outline.title.block, ctx.outline.title.start) if ctx.outline.title else (-1, -1)
    markers = [mk for mk in ctx.outline.markers if not mk.stray and title < (mk.block, mk.start) <= first]
    if not markers or (markers[-1].block, markers[-1].start) != first:
        return False  # the part's heading is no numbered one
    return sum(1 for mk in markers[:-1] if mk.family == markers[-1].family) >= _TOPICS


_TOPIC_TASKS = 3  # chapters of their own topics that hold a plan's tasks


def _topic_chapters(ctx: Context, found: Mapping[str, Heading]) -> int:
    """How many top-level chapters (一、二、…) name none of the profile's parts: a plan that sets its work out topic by
    topic (一、组织领导 二、代表选举工作 三、会议时间和地点 四、工作程序 五、工作要求) has its tasks in them. In a plan
    whose chapters have no numbers (headings on plain lines, as a portal or a PDF gives it), its top-level headings."""
    located = {(h.block, h.start) for h in found.values()}
    chapters = [(mk.block, mk.start) for mk in ctx.outline.markers if mk.family == "cn" and not mk.stray]
    if not chapters:
        plain = [h for h in section_headings(ctx) if h.source != "marker"]
        top = min((h.level for h in plain), default=0)
        chapters = [(h.block, h.start) for h in plain if h.level == top]
    return sum(1 for at in chapters if at not in located)


def _kind(ctx: Context) -> str:
    """What the message calls the document: the profile's name, unless the title names another kind of the same
    family among the profile's words (实施方案 for the 整改方案 profile, which covers every 方案)."""
    assert ctx.profile is not None
    name = ctx.profile.name
    title = ctx.outline.title.text if ctx.outline.title else ""
    named = [w for w in ctx.profile.match if len(w) > 2 and w[-2:] == name[-2:] and w in title]
    return name if name in title or not named else max(named, key=len)


def check_order(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a required section that comes before one the profile puts ahead of it
    (整改措施 before 存在的问题), when the profile says its order matters: at the section that
    comes too early, naming the last section it belongs after. Optional sections (保障措施,
    基本情况) are left out: their headings are also used for other parts (工作要求 for what a
    course must teach).
    ## Parameters
    None.
    ## Example
    一、整改措施 before 二、存在的问题 and 三、原因分析 in an 对照检查材料 → S102 at 整改措施:
    “整改措施”应放在“原因分析”之后."""
    if ctx.profile is None or not ctx.profile.ordered:
        return
    found = locate_sections(ctx)
    rank = {s.name: n for n, s in enumerate(ctx.profile.sections)}
    placed = sorted(((found[s.name], s) for s in ctx.profile.sections if s.name in found and s.required),
                    key=lambda p: (p[0].block, p[0].start))  # in the document's order
    for i, (head, sec) in enumerate(placed):
        ahead = [s for _, s in placed[i + 1:] if rank[s.name] < rank[sec.name]]  # its place is after these
        if ahead:
            yield rule.finding(ctx.doc, head.block, head.start, head.end, section=sec.name, other=ahead[-1].name)
            return


def check_empty(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a numbered heading that stands alone in its block and is followed directly by
    a heading of the same or a higher level: the section has no body.
    ## Parameters
    None.
    ## Example
    一、存在的问题 / 二、原因分析 (nothing between) → S103 at 一、."""
    doc = ctx.doc
    # the numbered items, each with its index in the outline (its children's parent: 2.活动内容的设计 over
    # 1.学习与讨论 in the same style has a child after it, not a sibling)
    kept = [k for k, it in enumerate(ctx.outline.items) if it.marker.family != "heading" and not it.marker.inline]
    items = [ctx.outline.items[k] for k in kept]
    blocks = doc.blocks
    n = len(items) - 1  # the items followed by another
    bare: dict[int, bool] = {}  # item -> nothing under it before the next item of its level or a higher one

    def nothing_under(i: int) -> bool:
        if i == n:  # the last item: nothing after it, its title alone on its line (a form's last field)
            mk = items[i].marker
            text = blocks[mk.block].text
            return bool(mk.title) and len(text.rstrip(" \u3000：:")) <= mk.end + len(mk.title) \
                and not any(b.text.strip() for b in blocks[mk.block + 1:])
        if i not in bare:
            mk, nk = items[i].marker, items[i + 1].marker
            rank, next_rank = mk.rank, nk.rank
            bare[i] = bool(
                rank and next_rank and next_rank <= rank and items[i + 1].parent != kept[i]
                and nk.start == len(nt := blocks[nk.block].text) - len(nt.lstrip())
                and not any(blocks[j].text.strip() for j in range(mk.block + 1, nk.block)))
        return bare[i]

    caption = pattern_set(tuple(rule.params.get("captions", ())))
    # the items alone on their line first (nothing but blanks and colons after the title: they are all that rstrip
    # leaves off, no copy of the rest made), what follows only for them and their siblings: most items have their
    # body on their own line and most are followed by their next sibling (86% of the pairs, generated and real), so
    # the tests of what follows, made first for every pair, passed for most (S103 alone 10 -> 7 ms/MB on the generated
    # reports)
    alone = [i for i, mk in enumerate(it.marker for it in items[:n])
             if mk.title and len(blocks[mk.block].text.rstrip(" \u3000：:")) <= mk.end + len(mk.title)]
    for i in alone:
        if not nothing_under(i) or any(nothing_under(j) for j in _siblings_beside(items, i, n + 1)):
            continue  # beside items of its level with nothing under them: a list of points (a meeting's
            # conclusions), a table of contents or a table's row labels, not a heading whose section is missing
        mk = items[i].marker
        block = doc.blocks[mk.block]
        if block.kind == "cell" or block.table or (caption and caption.search(mk.title)):
            continue  # a table's caption or cell whose table the text extraction dropped
        if _in_table_or_contents(doc, mk.block) or _listed_after_a_label(ctx, items[i]):
            continue
        yield rule.finding(doc, mk.block, mk.start, len(block.text.rstrip()), heading=block.text.strip())


def _listed_after_a_label(ctx: Context, item: Any) -> bool:
    """The item's list follows words ending with a colon (报名方式：/ 1、关注公众号 / 2、点击菜单): the items are the
    points that label announces, whole in themselves, not the headings of sections."""
    at = next(k for k, it in enumerate(ctx.outline.items) if it is item)
    return list_lead(ctx.doc.blocks, ctx.outline, at).rstrip().endswith(("：", ":"))


def _siblings_beside(items: list[Any], i: int, n: int) -> list[int]:
    """The indexes (below ``n``) of the items of the same level right before and after item ``i``, with only deeper
    items between."""
    rank = items[i].marker.rank
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < n and items[j].marker.rank and items[j].marker.rank > rank:
            j += step
        if 0 <= j < n and items[j].marker.rank == rank:
            out.append(j)
    return out


def _numeric(text: str) -> bool:
    chars = [c for c in text if not c.isspace()]
    return bool(chars) and sum(c.isdigit() or c in ",.，．%-" for c in chars) * 2 >= len(chars)


def _in_table_or_contents(doc: Document, index: int) -> bool:
    """A bare heading among rows of figures (a table a PDF extraction flattened), or one
    whose text comes again elsewhere (a table of contents entry, a repeated table row)."""
    text = doc.blocks[index].text.strip()
    near = [b.text for b in doc.blocks[max(0, index - 2):index + 3] if b.index != index and b.text.strip()]
    if any(_numeric(t) for t in near):
        return True
    return any(b.index != index and b.text.strip() == text for b in doc.blocks)


def check_damaged(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a heading that looks like a known section title of the profile with characters
    lost, added or swapped (三、一步工作方案 for 下一步工作方案; 存在的主要问). Similarity is
    difflib's ratio on headings stripped of numbering and filler words; a heading equal to
    or containing an accepted wording is never reported.
    ## Parameters
    ``threshold``: similarity needed (default 0.8).
    ## Example
    三、一步工作方案 → S104, suggesting 三、下一步工作方案."""
    threshold = rule.params.get("threshold", 0.8)
    forms = _heading_forms(ctx)
    sections = ctx.profile.sections if ctx.profile is not None else ()
    for h in section_headings(ctx) if ctx.profile is not None else ():
        miss = near_miss(h.text, sections, threshold, forms[h.text])
        if miss and _RELATIVE_YEAR.search(miss[1]) and _NAMED_YEAR.search(h.text):
            continue  # 2025年工作计划 names the year 明年工作计划 speaks of: more precise, not damaged
        if miss and not _elaborates(forms[h.text][1], _forms(miss[1])[1]):
            _, wording, _ = miss
            full = ctx.doc.blocks[h.block].text[h.start:h.end]
            prefix = full[: len(full) - len(h.text)] if full.endswith(h.text) else ""
            yield rule.finding(ctx.doc, h.block, h.start, h.end, heading=h.text, expected=wording,
                               suggestion=prefix + wording)
    for block, start, end, heading, restored in parallel_damage(ctx):
        text = ctx.doc.blocks[block].text
        label = text[start:end - len(heading)]
        yield rule.finding(ctx.doc, block, start, end, heading=heading, expected=restored,
                           suggestion=label + restored)


_RELATIVE_YEAR = re.compile(r"明年|今年|来年|下年|本年|下一年|新一年")
_NAMED_YEAR = re.compile(r"(?:19|20)\d\d\s*年|[〇○零一二][〇○零一二三四五六七八九]{3}年")


def _elaborates(heading: str, wording: str) -> bool:
    """Whether ``heading`` is ``wording`` with a word of two or more characters added and nothing lost or changed
    (调研选题情况 for 调研情况, 工作开展情况 for 工作情况): a more specific heading, not a damaged one. Damage loses,
    swaps or replaces characters (一步工作方案, 存在的主要问); a single stray character is still reported."""
    if len(heading) - len(wording) < 2:
        return False
    rest = iter(heading)
    return all(ch in rest for ch in wording)  # every character of the wording, in order


_BLOCK = attrgetter("block")
_CHILD_LABEL = re.compile(r"1[.．、]|[（(]1[）)]|[（(]一[）)]|一是")


def _sibling_runs(ctx: Context) -> list[list[tuple[int, int, int]]]:
    """Runs of same-style numbered labels inside one block, in order and unbroken by a label
    of a higher level: (block, label start, label end) each. A run's first label that the
    outline missed (glued to the heading above: 四、工作措施（一）…) is found by its text."""
    runs: list[list[tuple[int, int, int]]] = []
    markers = ctx.outline.markers
    # a run of three holds at least two markers (only its first may be found by its text): only
    # blocks holding two or more are read (counted in C; most hold one at their start)
    shared = {b for b, n in Counter(map(_BLOCK, markers)).items() if n >= 2}
    if not shared:
        return runs
    by_block: dict[int, list[Marker]] = {}
    for mk in markers:
        if mk.block in shared and not mk.stray and mk.family != "heading":
            by_block.setdefault(mk.block, []).append(mk)
    for block, marks in by_block.items():
        if len(marks) < 2:
            continue  # a run of three holds at least two markers (only its first may be found by its text)
        text = ctx.doc.blocks[block].text
        marks.sort(key=lambda m: m.start)
        for family in {m.family for m in marks}:
            rank = next(m.rank for m in marks if m.family == family)
            run: list[tuple[int, int, int]] = []
            last = 0
            floor = 0  # where the current run may start: after the last higher label
            for mk in marks:
                if mk.family != family:
                    if mk.rank and rank and mk.rank < rank:
                        if len(run) >= 3:
                            runs.append(run)
                        run, last, floor = [], 0, mk.end
                    continue
                if mk.value == last + 1:
                    run.append((block, mk.start, mk.end))
                    last = mk.value
                elif mk.value == 2 and last == 0:
                    label = mk.label_for(1)
                    at = text.rfind(label, floor, mk.start)
                    if at >= 0:
                        run = [(block, at, at + len(label)), (block, mk.start, mk.end)]
                        last = 2
                else:
                    if len(run) >= 3:
                        runs.append(run)
                    run, last = ([(block, mk.start, mk.end)], 1) if mk.value == 1 else ([], 0)
            if len(run) >= 3:
                runs.append(run)
    return runs


def _heading_of(ctx: Context, block: int, end: int) -> str:
    """The heading after a label: up to its first sub-item label when that comes within 20
    characters (one-line text: 地市公司1.做好…), or a short line of its own."""
    text = ctx.doc.blocks[block].text
    m = _CHILD_LABEL.search(text, end, end + 21)
    if m:
        return text[end:m.start()].strip(" \u3000：:。")
    rest = text[end:].strip()
    return rest if len(rest) <= 20 and not re.search(r"[，。；,;]", rest) else ""


def _common_suffix(words: list[str]) -> str:
    out = words[0]
    for w in words[1:]:
        n = 0
        while n < min(len(out), len(w)) and out[-1 - n] == w[-1 - n]:
            n += 1
        out = out[len(out) - n:] if n else ""
    return out


def parallel_damage(ctx: Context) -> Iterator[tuple[int, int, int, str, str]]:
    """Sibling headings built on one pattern (省公司重点工作 / 区县公司重点工作) where one
    lost the shared ending (地市公司): the others share an ending of two or more characters,
    their varying parts share an ending too (公司), and the odd one ends like them. Yields
    (block, label start, heading end, heading, heading with the ending restored)."""
    for run in _sibling_runs(ctx):
        heads = [_heading_of(ctx, b, e) for b, _, e in run]
        for k, odd in enumerate(heads):
            others = heads[:k] + heads[k + 1:]
            if not odd or not all(others) or len(odd) > 12:
                continue
            shared = _common_suffix(others)  # 公司重点工作
            if len(shared) < 4 or odd.endswith(shared):
                continue
            # split the shared ending into what the odd one kept (公司) and what it lost (重点工作)
            split = next((i for i in range(len(shared) - 2, 1, -1) if odd.endswith(shared[:i])), 0)
            if split and all(len(h) > len(shared) for h in others):
                block, start, end = run[k]
                at = ctx.doc.blocks[block].text.find(odd, end)
                yield block, start, at + len(odd), odd, odd + shared[split:]


_HEADING_MAX = 40  # characters of a heading line
_SENTENCE_MARK = re.compile(r"[。！？；!?;]")


def check_title(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a document with no title before its body: it opens with its first sentence,
    or only web residue stands above the body; and a title run into the first sentence of a text set out in lines.
    ## Parameters
    ``min_blocks``: non-empty blocks a document needs before it is judged (default 3).
    ``title_examples``: the example title the message offers, by document type.
    ``midway_openings``: a first line that opens on a later item of a list (3、, 二、, （三）): the text is a piece out
    of the middle of a document, whose beginning, not only its title, is lost; nothing is said. Nor is it of a text
    where a page scattered marks inside the words (B101) and the first line holds such marks: it may be the title.
    ## Example
    A 对照检查材料 whose first line is 学习贯彻…主题教育开展以来，…。 → S105."""
    doc = ctx.doc
    if doc.meta.get("front_matter_title"):
        return  # a Markdown page's site prints its front matter's title
    title = ctx.outline.title
    if title and title.source == "glued" and sum(1 for b in doc.blocks[title.block + 1:title.block + 3]
                                                   if b.text.strip()) >= 1:
        # the title run into the first sentence of a text set out in lines (【《……自查报告》】为切实加强……): a text
        # stored on one line throughout has every line run together, its title too, and is not told
        yield rule.finding(doc, title.block, title.start, title.end, key="glued", heading=title.text)
        return
    if title:  # most documents: the blocks need not be read
        subtitle = pattern_set(tuple(rule.params.get("subtitles", ())))
        if subtitle is not None and subtitle.search(title.text) and not any(
                b.text.strip() for b in doc.blocks[:title.block] if b.index not in ctx.residue):
            # the first line is a speech's or report's subtitle (2024年1月5日在……会议上): its title was lost
            yield rule.finding(doc, title.block, title.start, title.end, key="subtitle",
                               example=_example_title(ctx, rule), heading=title.text)
        return
    filled = [b for b in doc.blocks if b.text.strip() and b.index not in ctx.residue]
    if not filled:
        return
    if len(filled) < rule.params.get("min_blocks", 3):
        # a document stored on one line has its title glued to the body; only an opening
        # salutation (同志们：) shows for sure that the title is missing
        salutation = pattern_set(tuple(rule.params.get("salutations", ())))
        text = filled[0].text
        opens = salutation is not None and salutation.pattern.match(text.lstrip())
        if len(text) < rule.params.get("min_chars", 300) or not opens:
            return
    first = filled[0]
    if any(mk.block == first.index and mk.stray == "page" and not first.text[:mk.start].strip()
           for mk in ctx.outline.markers):
        return  # a viewer's first page (1、××工作方案为……): its title runs into the text where no one can tell
    if scattered_marks(ctx).runs and ODD_MARKS.search(first.text):
        return  # marks a page scattered inside the words (B101): its first line may be the title, past reading
    midway = pattern_set(tuple(rule.params.get("midway_openings", ())))
    if midway is not None and midway.pattern.match(first.text.lstrip()):
        return  # the text opens on a later item (3、……, 二、……): a piece out of the middle, its beginning is lost
    fields = pattern_set(tuple(rule.params.get("title_fields", ())))
    if fields is not None and any(fields.search(b.text) for b in doc.blocks[:first.index] if b.index in ctx.residue):
        return  # a portal's catalogue over the text names its title (| 标题:××镇2023年工作计划 |): the page has one
    page_titles = pattern_set(tuple(rule.params.get("page_titles", ())))
    if page_titles is not None and (
            any(page_titles.search(b.text.strip()) for b in doc.blocks[:first.index] if b.index in ctx.residue)
            or any(page_titles.search(b.text.strip()) for b in filled[1:3])):
        # a sharing site's heading over the text is its title with a count (……工作总结(2篇)): it has one; under the
        # first paragraph, that paragraph is the site's blurb over the collection, whose first piece has its title
        return
    if len(filled) > 1 and len(first.text.strip()) <= _HEADING_MAX and _NO_HEADING.search(first.text.strip()):
        first = filled[1]  # a field or a figure alone over the text (作者：××, 0): the body begins under it
    start = len(first.text) - len(first.text.lstrip())
    end = next((e for _, e in sentences(first.text, start)), len(first.text))
    example = _example_title(ctx, rule)
    # a document opening with a heading of its own (方向1：……, 一、总体要求) lacks the title above it: its first line is
    # short, holds no sentence end and ends in no colon (同志们：, 各乡镇： open a body)
    line = first.text.strip()
    if len(line) <= _HEADING_MAX and not _SENTENCE_MARK.search(line) and not line.endswith(("：", ":")):
        yield rule.finding(doc, first.index, start, start + len(line), key="heading", example=example, heading=line)
        return
    yield rule.finding(doc, first.index, start, end, example=example)


def _example_title(ctx: Context, rule: Rule) -> str:
    """The example S105's message offers, in its quotation marks: the title of the kind the document's own wording
    shows (特此请示, 特制定本方案), else of the kind a sharing site's heading over the text names (……活动方案篇1),
    else of the kind a less sure wording shows (``late_kind_wordings``: 汇报如下), else of its profile's, from
    ``title_examples``, else ××关于××的<kind>. The wording first: the plan profile takes 实施方案 and 整改方案 alike.
    When nothing shows the kind, ``unknown_kind``: examples of two kinds, the writer to pick the document's own (a
    summary or a plan offered 关于××的报告 was told a wrong kind)."""
    kind = _kind_by_wording(ctx, rule.params.get("kind_wordings", ())) \
        or _kind_by_page_heading(ctx, tuple(rule.params.get("page_kinds", ()))) \
        or _kind_by_wording(ctx, rule.params.get("late_kind_wordings", ())) \
        or (ctx.profile.name if ctx.profile else "")
    if not kind:
        return str(rule.params.get("unknown_kind", "“××关于××的报告”"))
    example = str(rule.params.get("title_examples", {}).get(kind) or f"××关于××的{kind}")
    return example if example.startswith("“") else f"“{example}”"  # an example of two kinds brings its own marks


_PAGE_HEADINGS = 6  # residue lines over the text read for the kind, the nearest first


def _kind_by_page_heading(ctx: Context, kinds: tuple[str, ...]) -> str:
    """The kind (``page_kinds``) a sharing site's heading over the text ends in, its count and sample words set aside
    (全民健身日活动方案篇1 → 活动方案): the nearest of the residue lines above the first line of the body; or ""."""
    blocks = ctx.doc.blocks
    first = next((b.index for b in blocks if b.text.strip() and b.index not in ctx.residue), len(blocks))
    above = [b for b in blocks[:first] if b.index in ctx.residue and b.text.strip()][-_PAGE_HEADINGS:]
    for b in reversed(above):
        # the name may stand inside the line, before a clause mark: 下面是小编为大家整理的……工作总结，供大家参考
        for part in reversed(_NAME_END.split(b.text.strip())):
            head = SITE_TAIL.sub("", part)
            kind = next((k for k in kinds if head.endswith(k)), "")
            if kind:
                return kind
    return ""


# where a name in a site's line may end: a clause's mark, or a file's type in a sharing site's 《……要点.docx》
_NAME_END = re.compile(r"\s*[，,。；;！!]\s*|\.(?:docx?|pdf|wps)\b")


def _kind_by_wording(ctx: Context, wordings: Any) -> str:
    """The kind of document (请示, 纪要 …) its own set wording shows (妥否，请批示; 现纪要如下), for a document no
    profile fits: the first of ``wordings`` ([kind, pattern] pairs) whose pattern occurs outside the residue; or ""."""
    text = "\n".join(b.text for b in ctx.doc.blocks if b.index not in ctx.residue)
    for kind, pattern in wordings:
        found = pattern_set((pattern,))
        if found is not None and found.search(text):
            return str(kind)
    return ""


_CLOSERS = CLOSING_MARKS + " \u3000\t"  # what may follow a text's last mark
_ASCII_TAIL = re.compile(r"(?:\s*[!-~]{1,2}(?= |$)){3,}\s*$")  # short ASCII tokens ending a line: 4 U+ D(
_TITLE_ENDS = frozenset("表单书册图函稿卡证")  # last words of an attachment's title: 设置表, 申请书
# the lines of a document's 版记 and the fields around it (GB/T 9704-2012 7.4: 抄送机关, 印发机关和印发日期; 主题词 of
# older documents; the 报：, 送：, 发： of a 简报; 附件 lists): they name bodies by their short names (县政府办) and
# titles, not sentences
_RECORD_LINE = re.compile(r"\s*(?:抄送|主送|分送|报送|发送|抄报|[报送发]|主题词|关键词|附件\s*\d*)\s*[:：]")
# a field's short value or the last of a list of names ends the line: a person (签发：王刚, …… 吴敏 郑刚) or a body by
# its short name (……、县住建局), neither of which the dictionary holds
_FIELD_VALUE = re.compile(r"[:：][^:：，,。；;、\s]{1,6}$|[、\s][^:：，,。；;、\s]{1,3}$"
                          r"|[、\s][^:：，,。；;、\s]{0,8}[局委办院部厅室所站队会]$")
_END_PARTICLES = frozenset(("u", "ul", "ug", "uz", "y"))  # the segmenter's tags of 等, 了, 过, 着 and 吧/呢
# a byline in brackets after the last sentence: a commentator's or a reporter's name (（金观平）, (记者 马梅若))
_BYLINE = re.compile(r"(?<=[。！？!?”])\s*[（(](?:(?:记者|作者|通讯员|评论员|编辑)[:：\s]*)?[^（()）\n，。]{2,16}[）)]"
                     r"[\s\u3000]*$")
_CUT_MIN = 30  # a last paragraph this long or longer that ends in mid-sentence was cut: a signature line is shorter


def _cut_before_a_word(text: str, params: Mapping[str, Any]) -> bool:
    """Whether ``text`` ends in a word that cannot end a sentence: a preposition or a conjunction by the segmenter's
    tags (``open_tags``: ……对履职不力的乡镇及, ……随着), or a verb whose object is another verb (``open_words``: 加以,
    予以), apart from a letter's closing words (``closed_words``: 此致)."""
    if not ("\u4e00" <= text[-1:] <= "\u9fff"):
        return False
    from ..segment import tagger

    word, tag = tagger()(text[-12:])[-1]
    if word in params.get("closed_words", ()):
        return False
    return tag in params.get("open_tags", ()) or word in params.get("open_words", ())


def _full_wrapped_line(body: list[Block]) -> bool:
    """Whether the last line is as wide as the three lines above it, all 20 characters or longer and within three of one
    another: a text hard-wrapped at a fixed width (a copy out of a PDF) whose last line is a full one."""
    if len(body) < 4 or any(b.kind == "cell" for b in body[-4:]):
        return False
    widths = [len(b.text.strip()) for b in body[-4:]]
    return min(widths) >= 20 and max(widths) - min(widths) <= 3


# a student's signature run in after the last sentence (……分类小常识。803班×××, ……。初二（3）班 ×××): a survey
# or an essay a pupil wrote ends so
_SIGNED_AFTER = re.compile(r"[。！？!?]\s*(?:[初高]?[一二三]?\d{0,4}(?:级|届)?[（(]?\d{1,2}[）)]?班"
                           r"|[\u4e00-\u9fff]{2,10}(?:学校|中学|小学|学院|大学|班|小组))\s*[\u4e00-\u9fff]{2,4}$")


def _ends_in_a_name(text: str) -> bool:
    """Whether ``text`` ends in a field's short value or the last item of a list of names (``_FIELD_VALUE``); a
    character standing alone after a sentence's end (任务。 乡) is no item of a list."""
    m = _FIELD_VALUE.search(text)
    return m is not None and text[:m.start() + 1].rstrip()[-1:] not in "。！？!?；;…"


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with a sentence's end (closing marks after it left out)."""
    line = line.rstrip(_CLOSERS)
    return not line or line[-1] in SENTENCE_ENDS


def _cut_in_a_word(text: str) -> bool:
    """Whether ``text`` stops inside a word: its last character is Chinese, stands alone in the segmentation of the
    last words and makes no word with the character before it (统筹盘, 地区生, 乡镇及), or follows a sentence's end
    alone (突破。种). A text that ends in a whole word (……汇总表, 分工负责, 2022年8月1日印发), a number or a date
    is taken as ended, as is one ending in an attachment's title word (设置表, 申请书): documents end so without
    a full stop. Cut in front of a word (时限加以, 财政收入), the text passes: sure signs only."""
    last = text[-1:]
    if not ("\u4e00" <= last <= "\u9fff") or last in _TITLE_ENDS:
        return False
    before = text[:-1].rstrip(" \u3000")[-1:]  # 02 版 (a paper's page) is no cut; 突破。 种 is
    if before in SENTENCE_ENDS or before in ("，", "、", ","):
        return True
    if not ("\u4e00" <= before <= "\u9fff"):
        return False
    from ..lexicon import lexicon
    from ..segment import tagger

    word, tag = tagger()(text[-12:])[-1]
    # a particle that ends a list or a clause (……三百吨等, ……完成了) is a whole word
    return len(word) == 1 and tag not in _END_PARTICLES and not lexicon().word(before + last)


def cut_short(ctx: Context) -> tuple[int, int] | None:
    """Where the text stops in mid-sentence, if it does: the last paragraph of the body (residue and table cells
    left out), ``_CUT_MIN`` characters or longer, stops inside a word (``_cut_in_a_word``: ……统筹盘). A download
    site's preview stops so, and so does a copy or a conversion that lost the end. Remembered."""

    def find() -> tuple[int, int] | None:
        body = [b for b in ctx.doc.blocks if b.text.strip() and b.index not in ctx.residue]
        if not body or body[-1].kind == "cell":
            return None
        last = body[-1]
        # a forum's jammer text after the last sentence, and a byline closing it (……获得感。（宋思远）), set aside
        text = _ASCII_TAIL.sub("", _BYLINE.sub("", last.text)).rstrip(_CLOSERS)
        # a paragraph hard-wrapped into lines: its length runs back over the lines that end in mid-sentence
        size, k = len(text.strip()), len(body) - 2
        while size < _CUT_MIN and k >= 0 and body[k].kind != "cell" and not _ends_sentence(body[k].text):
            size, k = size + len(body[k].text.strip()), k - 1
        if size < _CUT_MIN and _full_wrapped_line(body):
            size = _CUT_MIN  # as wide as the hard-wrapped lines above it: the paragraph went on past this line
        if _RECORD_LINE.match(text) or _ends_in_a_name(text) or _SIGNED_AFTER.search(text):
            return None  # the 版记 (抄送：县委办，……县政府办) lists bodies by their short names; 签发：王刚 is a name
        rule = ctx.rulebook.rules.get("S106")
        if size < _CUT_MIN or not (_cut_in_a_word(text) or _cut_before_a_word(text, rule.params if rule else {})):
            return None
        return last.index, len(text)

    return ctx.memo("sections.cut-short", find)  # type: ignore[no-any-return]


def check_truncated(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a text that stops in mid-sentence: its last paragraph (web residue and tables left out) runs to 30
    characters or more and stops inside a word — its last character stands alone and makes no word with the one
    before it (……统筹盘), or stands alone after a sentence's end. A document's own endings (a date, an attachment's
    title, a clause without a full stop) end in whole words and pass. A download site's free preview of a model text
    stops so, as does a copy or a conversion that lost the end. S101 does not judge such a text's parts (they may
    stand after the cut).
    ## Parameters
    None.
    ## Example
    ……共出动人员一千二百余人次，拆除违章搭 (end of file) → S106."""
    cut = cut_short(ctx)
    if cut is None:
        return
    index, end = cut
    text = ctx.doc.blocks[index].text
    start = max(0, end - 12)
    yield rule.finding(ctx.doc, index, start, end, tail=("…" if start else "") + text[start:end])


def check_request_in_report(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a request for a decision (请予批准, 妥否，请批示, 请审批, 特此请示) in a document titled as a 报告:
    《党政机关公文处理工作条例》 第十五条 says a report carries no request (报告中不得夹带请示事项); what needs the
    superior's approval goes in a 请示 of its own. One finding, at the first such request. Not a request quoted (in
    “” or 《》), nor one the writer made to another body (报请、提请、申请……批准), nor 请审议 without 妥否 (请予审议: a
    report to a people's congress), 请审阅 or 请批转. A title glued to the body on one line is read up to its end.
    ## Parameters
    ``asks``: the patterns of a request for a decision. Also the reverse: a 请示 that closes with 特此报告 and asks for
    nothing.
    ## Example
    关于2024年工作情况的报告 …… 以上报告，妥否，请批示。 → S107."""
    title = ctx.outline.title
    if title is not None and title.text.rstrip().endswith("请示"):
        yield from _request_closed_as_report(ctx, rule, title.block)
        return
    if title is None:  # a title glued to the body on one line (关于……的报告一、主要做法……): the line after it
        block, after = _glued_report_title(ctx)
    elif title.text.rstrip().endswith("报告") and "请示" not in title.text:
        block, after = title.block, None
    else:
        return
    asks = pattern_set(tuple(rule.params.get("asks", ())))
    if asks is None or block < 0:
        return
    for b, offset, m in ctx.body.finditer(asks):
        if b.index in ctx.residue or (b.index == block and (after is None or m.start() - offset < after)):
            continue
        before = b.text[:m.start() - offset]
        if before.count("“") > before.count("”") or before.count("《") > before.count("》"):
            continue  # quoted: the words of another document
        yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, text=m.group())
        return


def _glued_report_title(ctx: Context) -> tuple[int, int]:
    """The block and the end of a report's title that opens the first line of the text, glued to its body (a paste of
    one line: 关于……工作的报告一、主要做法……), or (-1, 0) when there is none."""
    first = next((b for b in ctx.doc.blocks if b.text.strip() and b.index not in ctx.residue), None)
    if first is None:
        return -1, 0
    for candidate in glued_titles(ctx.doc, ctx.residue):
        at = first.text.find(candidate)
        if candidate.endswith("报告") and "请示" not in candidate and 0 <= at <= 40:
            return first.index, at + len(candidate)
    return -1, 0


def _request_closed_as_report(ctx: Context, rule: Rule, title_block: int) -> Iterator[Finding]:
    """A 请示 that closes with a report's formula (特此报告): the reverse slip of S107's, the request's own closing
    left out (《党政机关公文处理工作条例》 第八条: a 请示 asks the superior for instructions or approval); said so
    whether or not the body asks for something (请……批示 in its last paragraph: the closing is still the report's)."""
    asks = pattern_set(tuple(rule.params.get("asks", ())))
    closing = None
    asked = False
    for b in ctx.doc.blocks:
        if b.index in ctx.residue or b.index == title_block:
            continue
        asked = asked or (asks is not None and asks.search(b.text) is not None)
        at = b.text.find("特此报告")
        if at >= 0 and closing is None:
            closing = (b.index, at)
    if closing is not None:
        # the request made in the body (请教育局领导批示): only the closing formula is the report's, to be changed
        yield rule.finding(ctx.doc, closing[0], closing[1], closing[1] + 4, key="closing_asked" if asked else "closing",
                           text="特此报告")


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("sections.missing", check_missing)
    register("sections.order", check_order)
    register("sections.empty", check_empty)
    register("sections.damaged", check_damaged)
    register("sections.title", check_title)
    register("sections.truncated", check_truncated)
    register("sections.request_in_report", check_request_in_report)
