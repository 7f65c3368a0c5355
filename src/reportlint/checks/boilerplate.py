"""B1 checks: download-site residue, page furniture, placeholders, repeats, pasted self-references."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..context import Context
from ..hookspecs import hookimpl
from ..model import Block, Document, Finding, Rule
from ..scan import Body, pattern_set
from ..textutil import sentences


def residue_blocks(doc: Document, body: Body, params: Mapping[str, Any]) -> Iterator[int]:
    """Blocks holding web residue: ``patterns`` anywhere; ``head_patterns`` only at the top,
    before the first body paragraph and within the first ``head_blocks`` non-empty blocks;
    ``tail_patterns`` only in the last ``tail_blocks``. Page chrome such as 主办：, 来源：
    and time stamps is residue at the top of a page, and ordinary text inside the body."""
    filled = [b for b in doc.blocks if b.text.strip()]
    head: set[int] = set()
    for b in filled[: params.get("head_blocks", 8)]:
        if len(b.text.strip()) >= 20 and (re.search(r"[。！？]", b.text) or len(re.findall(r"[，,]", b.text)) >= 2):
            break  # the body has begun
        head.add(b.index)
    tail = {b.index for b in filled[-params.get("tail_blocks", 6):]}
    anywhere = pattern_set(tuple(params.get("patterns") or ()))
    found = {b.index for b, _, _ in body.finditer(anywhere)} if anywhere else set()
    at_head = pattern_set(tuple(params.get("head_patterns") or ()))
    at_tail = pattern_set(tuple(params.get("tail_patterns") or ()))
    for b in filled:
        if (b.index in found
                or (at_head and b.index in head and at_head.search(b.text))
                or (at_tail and b.index in tail and at_tail.search(b.text))):
            yield b.index


def check_residue(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports text a download or news site leaves behind (notices, customer-service lines,
    copyright disclaimers, 原文链接, 全文共N个字, page chrome such as 今天是:/主办:/time
    stamps at the top). One finding per contiguous run of such blocks; blank lines do
    not break a run. Position matters: page chrome counts only at the top or bottom.
    ## Parameters
    ``patterns`` (anywhere), ``head_patterns`` / ``head_blocks``, ``tail_patterns`` /
    ``tail_blocks``: regular expressions, extendable in a user rulebook.
    ## Example
    温馨提示: / 1. 文件下载后无此问题 / 网站客服:… → one B101 over the run."""
    doc = ctx.doc
    found = sorted(ctx.residue)
    runs: list[list[int]] = []
    for i in found:
        if runs and all(not doc.blocks[j].text.strip() for j in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        first, last = doc.blocks[run[0]], doc.blocks[run[-1]]
        start = len(first.text) - len(first.text.lstrip())
        yield rule.finding(doc, first.index, start, len(last.text.rstrip()), end_block=last.index,
                           sample=first.text.strip()[:16], count=len(run))


def check_page_artifact(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports page furniture inside the body: a line that is only a page number
    (第5页 共5页, — 3 —, -3-, 3/5), a page number fused into a sentence (…元）—3—者),
    and a short line repeated on every page (a running header).
    ## Parameters
    ``line_patterns``: whole-line page numbers (a line of at most 30 characters);
    ``inline_patterns``: fused ones;
    ``header_min_repeats``: how often a short line must repeat to count as a header.
    ## Example
    第5页 共5页 on its own line → B102."""
    doc = ctx.doc
    line_set = pattern_set(tuple(rule.params.get("line_patterns", ())))
    inline_set = pattern_set(tuple(rule.params.get("inline_patterns", ())))
    whole_line = line_set.pattern.fullmatch if line_set else None
    lines: set[int] = set()
    short: dict[str, list[Block]] = {}  # short lines by their text
    for b in doc.blocks:  # one pass: each block stripped once
        text = b.text.strip()
        if not text or len(text) > 30:
            continue
        if len(text) >= 2:
            short.setdefault(text, []).append(b)
        if whole_line and b.index not in ctx.residue and whole_line(text):
            lines.add(b.index)
            s = len(b.text) - len(b.text.lstrip())
            yield rule.finding(doc, b.index, s, s + len(text), key="line", text=text)
    if inline_set:
        for b, offset, m in ctx.body.finditer(inline_set):
            if b.index not in ctx.residue and b.index not in lines:
                yield rule.finding(doc, b.index, m.start() - offset, m.end() - offset, key="inline", text=m.group())
    minimum = rule.params.get("header_min_repeats", 3)
    title_text = ctx.outline.title.text if ctx.outline.title else None
    for text, blocks in short.items():
        n = len(blocks)
        if n < minimum or re.search(r"[。；;]", text):
            continue
        for b in blocks[1:]:
            s = len(b.text) - len(b.text.lstrip())
            yield rule.finding(doc, b.index, s, s + len(text), key="header", text=text, count=n,
                               title="（与标题相同）" if text == title_text else "")


_KIND_BY_NEXT = (
    (re.compile(r"^[省市县区镇乡村街局委厅办处科院校所公司单位部]"), "单位或地名"),
    (re.compile(r"^(?:年|月|日|号)"), "日期"),
    (re.compile(r"^(?:同志|书记|主任|局长|部长|县长|市长|镇长|科长|处长|委员)"), "姓名"),
    (re.compile(r"^(?:元|万|亿|人|个|项|名|次|件|户|%|％)"), "数字"),
)


def check_placeholder(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports template leftovers where a name or a fact belongs: XX/xx/XXX/×××/某某/○○/□□,
    a lone ``*`` between Chinese characters, [填写]/【 】/（此处…）. The message names what
    seems to be missing, judged from the next characters (市/县 → 单位或地名, 年/月 → 日期).
    ``某某`` after a surname (王某某) is anonymisation, not a placeholder.
    ## Parameters
    ``patterns``: regular expressions; ``surnames``: characters before 某某 that make it a name.
    ## Example
    紧紧围绕市委*总体思路 → B103 at ``*``."""
    doc = ctx.doc
    patterns = pattern_set(tuple(rule.params.get("patterns", ())))
    if patterns is None:
        return
    surnames = set(rule.params.get("surnames", ""))
    for b, offset, m in ctx.body.finditer(patterns):
        start, end = m.start() - offset, m.end() - offset
        if b.index in ctx.residue or (m.group().startswith("某") and start > 0 and b.text[start - 1] in surnames):
            continue
        after = b.text[end:end + 4]
        kind = next((k for rx, k in _KIND_BY_NEXT if rx.match(after)), "具体内容")
        yield rule.finding(doc, b.index, start, end, text=m.group(), kind=kind)


# normalised for comparison: punctuation and spaces dropped by one regular expression, and
# full-width letters and digits folded to ASCII
_DROPPED = " \t\u3000\u00a0，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·" + ",.;:?!\"'()[]<>-_/\\"
_DROPPED += "".join(map(chr, [*range(0xFF01, 0xFF10), *range(0xFF1A, 0xFF21), *range(0xFF3B, 0xFF41),
                               *range(0xFF5B, 0xFF5F)]))  # full-width punctuation
_ENDS = "。！？!?；;"  # where sentences end (textutil.sentences)
_DROP = re.compile("[" + re.escape(_DROPPED) + "]+")
_DROP_BUT_ENDS = re.compile("[" + re.escape("".join(sorted(set(_DROPPED) - set(_ENDS)))) + "]+")
_SPLIT_ENDS = re.compile("[" + re.escape(_ENDS) + "]+")
_WIDE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF5B)}


def _norm(text: str) -> str:
    return _DROP.sub("", text).translate(_FOLD) if _WIDE.search(text) else _DROP.sub("", text)


def _normalised_lines(ctx: Context) -> list[str]:
    """Each block normalised with its sentence ends kept: the whole document in one pass."""
    marked = _DROP_BUT_ENDS.sub("", ctx.body.text)
    if _WIDE.search(marked):
        marked = marked.translate(_FOLD)
    lines = marked.split("\n")
    if len(lines) != len(ctx.doc.blocks):  # a block with a line break inside: one by one
        lines = [_norm(_DROP_BUT_ENDS.sub("", b.text)) for b in ctx.doc.blocks]
    return lines


def check_repeated(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a sentence or passage (at least ``min_chars`` characters once punctuation and
    character width are ignored) that appears again in the same document; one finding per
    repeat, pointing at the first occurrence (``related``).
    ## Parameters
    ``min_chars``: shortest passage that counts (default 20).
    ## Example
    A body paragraph restated word for word in an attachment → B104 at the repeat.
    ## Cost
    The one rule above 10 ms per MB (about 30): every sentence is compared with every
    earlier one, so the whole text is normalised in one pass and each sentence becomes a
    string to look up, about 40,000 per MB; that string building is the cost."""
    doc = ctx.doc
    minimum = rule.params.get("min_chars", 20)
    seen: dict[str, int] = {}  # normalised passage -> block of its first occurrence

    def repeat(block: int, start: int, end: int, first: int) -> Finding:
        return rule.finding(doc, block, start, end, first=first + 1,
                            related=[{"path": doc.path, "line": first + 1, "similarity": 1.0}])

    for b, line in zip(doc.blocks, _normalised_lines(ctx), strict=True):
        if len(line) < minimum or b.index in ctx.residue:
            continue
        pieces = [p for p in _SPLIT_ENDS.split(line) if p]  # the sentences' keys, in order
        whole = "".join(pieces)
        if len(whole) >= minimum and whole in seen:
            yield repeat(b.index, 0, len(b.text), seen[whole])  # the whole paragraph again: one finding
            continue
        keys = [k for k in pieces if len(k) >= minimum]
        if any(k in seen for k in keys) or len(set(keys)) < len(keys):
            spans = sentences(b.text)
            if len(spans) != len(pieces):  # a sentence of punctuation alone: normalise one by one
                pieces = [_norm(b.text[s:e]) for s, e in spans]
            for (s, e), key in zip(spans, pieces, strict=True):
                if len(key) < minimum:
                    continue
                if key in seen:
                    yield repeat(b.index, s, e, seen[key])
                else:
                    seen[key] = b.index
        else:
            seen.update(dict.fromkeys(keys, b.index))
        if len(whole) >= minimum:
            seen.setdefault(whole, b.index)


def _body_blocks(ctx: Context) -> Iterator[Block]:
    return (b for b in ctx.doc.blocks if b.text.strip() and b.index not in ctx.residue)


def check_self_reference(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Finds how the document speaks of itself (X委常委会, X委班子, 党组班子, 我县/我区/我市)
    and reports the forms that disagree with the unit named in its title or opening lines
    (or, when those name none, with the most used form) — a sign of paragraphs pasted from
    another unit's material. Mentions of other bodies (市委指导组) are not self-references.
    ## Parameters
    ``patterns``: regular expressions whose group ``unit`` names the speaking unit.
    ## Example
    党组班子…（正文）县委常委会坚持……区委常委会应对 → B106 at the minority forms."""
    doc = ctx.doc
    patterns = pattern_set(tuple(rule.params.get("patterns", ())))
    if patterns is None:
        return
    hits: list[tuple[str, int, int, int, str]] = []
    for b, offset, m in ctx.body.finditer(patterns):
        unit = next((g for g in m.groups() if g), None)
        if unit and b.index not in ctx.residue:
            hits.append((unit, b.index, m.start() - offset, m.end() - offset, m.group()))
    counts = Counter(h[0] for h in hits)
    if len(counts) < 2:
        return
    # the unit the document speaks as: named in its title or opening lines, else the most used
    opening = {ctx.outline.title.block} if ctx.outline.title else set()
    opening |= {b.index for b in list(_body_blocks(ctx))[:2]}
    declared = [h for h in hits if h[1] in opening]
    main_unit = declared[0][0] if declared else counts.most_common(1)[0][0]
    main_n = counts[main_unit]
    main_form = next(h[4] for h in hits if h[0] == main_unit)
    reported: set[tuple[str, int]] = set()
    for unit, block, s, e, form in hits:
        if unit == main_unit or (unit, block) in reported:
            continue
        reported.add((unit, block))
        yield rule.finding(doc, block, s, e, form=form, main=main_form, count=main_n)


def check_corpus_reuse(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    With a reference corpus (``--corpus INDEX`` or ``corpus =`` in the configuration, built
    by ``reportlint corpus build``), reports paragraphs that reappear in another document of
    the corpus, with that document, its paragraph and the similarity; consecutive reused
    paragraphs from one source make one finding. The document itself is never a source.
    ## Parameters
    ``threshold``: share of a paragraph's characters that must reappear (default 0.6).
    ## Example
    A 整改方案 whose measures are pasted from last year's plan of another unit → B105
    pointing at that plan."""
    index_path = ctx.options.get("corpus")
    if not index_path:
        return
    from ..corpus import Index

    with Index(index_path) as index:
        matches = index.query(ctx.doc, rule.params.get("threshold", 0.6), ctx.doc.meta.get("sha256"))
    runs: list[list] = []
    for m in matches:
        last = runs[-1][-1] if runs else None
        gap = [] if last is None else ctx.doc.blocks[last.block + 1:m.block]
        if last is not None and last.source == m.source and all(not b.text.strip() for b in gap):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        first, last = run[0], run[-1]
        similarity = sum(m.similarity for m in run) / len(run)
        related = [{"path": m.source, "line": m.source_block + 1, "similarity": m.similarity} for m in run]
        end_text = ctx.doc.blocks[last.block].text
        yield rule.finding(ctx.doc, first.block, 0, len(end_text), end_block=last.block, count=len(run),
                           source=Path(first.source).name, line=first.source_block + 1,
                           similarity=f"{similarity:.0%}", related=related)


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("boilerplate.residue", check_residue)
    register("boilerplate.page", check_page_artifact)
    register("boilerplate.placeholder", check_placeholder)
    register("boilerplate.repeated", check_repeated)
    register("boilerplate.self-reference", check_self_reference)
    register("boilerplate.corpus", check_corpus_reuse)
