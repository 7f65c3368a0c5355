"""T1 checks: doubled characters, unpaired marks, punctuation, converter artifacts, typos,
的/地/得, outdated formulations and suspicious numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..context import Context
from ..hookspecs import hookimpl
from ..model import Block, Finding, Rule
from ..scan import PatternSet, active, compile_each

_HAN = r"\u4e00-\u9fff"


def _body(ctx: Context) -> Iterator[Block]:
    """Blocks that are the document's own text (residue is B101's business)."""
    return (b for b in ctx.doc.blocks if b.text.strip() and b.index not in ctx.residue)


def _substitutions(ctx: Context, rule: Rule) -> Iterator[Finding]:
    pairs = [(p, r) for p, r in rule.params.get("pairs", ())]
    if not pairs:
        return
    compiled = compile_each(tuple(p for p, _ in pairs))
    hits: dict[int, list[tuple[int, int, int, str]]] = {}
    # only patterns whose fixed characters occur in the document are run, over the whole text at once
    for i in active(compiled, ctx.body.text):
        for b, offset, m in ctx.body.finditer(compiled[i][1]):
            if b.index not in ctx.residue:
                hits.setdefault(b.index, []).append((m.start() - offset, offset - m.end(), i, m.group()))
    for index in sorted(hits):
        taken = -1
        for start, neg_end, i, text in sorted(hits[index]):  # earliest, then longest; overlaps dropped
            if start < taken:
                continue
            taken = -neg_end
            yield rule.finding(ctx.doc, index, start, -neg_end, text=text, expected=pairs[i][1],
                               suggestion=pairs[i][1])


def check_substitution(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports the word substitutions a synonym-replacing (“洗稿”) or conversion tool leaves:
    科学开展观, 原那么, 执政根底, 广阔干部, 局部党员 … Each entry is a regular expression
    with the context that makes it safe (局部 only before 党员/干部/…, never in 局部地区).
    ## Parameters
    ``pairs``: ``[pattern, replacement]`` lists.
    ## Example
    稳固党的执政根底 → two T104 findings: 稳固→巩固, 执政根底→基础."""
    yield from _substitutions(ctx, rule)


def check_doubled(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a function character typed twice (的的, 了了, 在在 …). Legitimate doublings
    (的的确确, 不了了之, 为了了解, 实实在在, 实事求是是 …) are listed per character in
    ``allow`` and never reported; content-word reduplication (看看, 做做样子) is never checked.
    ## Parameters
    ``chars``: characters checked; ``allow``: per character, patterns of legitimate contexts.
    ## Example
    最严格的的党性洗礼 → T101 at 的的."""
    chars = rule.params.get("chars", "")
    if not chars:
        return
    doubled = re.compile(f"([{re.escape(chars)}])\\1")
    allow = {c: re.compile("|".join(p)) for c, p in rule.params.get("allow", {}).items() if p}
    for b, offset, m in ctx.body.finditer(doubled):
        if b.index in ctx.residue:
            continue
        ch, start, end = m.group(1), m.start() - offset, m.end() - offset
        ok = allow.get(ch)
        if ok and any(a.start() <= start and end <= a.end() for a in ok.finditer(b.text, max(0, start - 4), end + 4)):
            continue
        if start > 0 and b.text[start - 1] == ch:
            continue  # three in a row: reported once at the first pair
        yield rule.finding(ctx.doc, b.index, start, end, text=m.group(), expected=ch, suggestion=ch)


_OPEN = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "〔": "〕", "〝": "〞"}
_CLOSE_OF = {"”": "“", "’": "‘", "》": "《", "）": "（", ")": "(", "】": "【", "〕": "〔", "〞": "〝"}
_FAMILY = {"(": "（", ")": "）", "〝": "“", "〞": "”"}  # width variants and 〝〞 pair with the full forms
_MARKS = re.compile("[" + re.escape("".join(_OPEN) + "".join(_CLOSE_OF)) + "]")
_MARKER_CLOSER = re.compile(r"(?:^|(?<=[\s。；;：:]))[\dA-Za-z一二三四五六七八九十]{1,3}$")


def _norm_mark(ch: str) -> str:
    return _FAMILY.get(ch, ch)


_MARK_CHARS = re.escape("".join(_OPEN) + "".join(_CLOSE_OF))
_DOUBLED_OPEN = re.compile("[“〝][“〝]")
# an innermost pair: an opener, no mark or line break, a closer of the same family; every
# branch begins with a plain character, so re skips ahead to the marks
_INNERMOST = re.compile("|".join(
    f"{re.escape(o)}[^{_MARK_CHARS}\\n]*{re.escape(c)}"
    for o in _OPEN for c in _CLOSE_OF if _norm_mark(_CLOSE_OF[c]) == _norm_mark(o)
))


def _unpaired_blocks(ctx: Context) -> set[int]:
    """Blocks whose marks do not simply pair up: innermost pairs (（…）, “…”) are removed from
    the whole text a few times over, and the blocks left with a mark are examined one by one."""
    text = ctx.body.text
    for _ in range(8):
        reduced = _INNERMOST.sub("", text)
        if len(reduced) == len(text):
            break
        text = reduced
    lines = text.split("\n")
    if len(lines) != len(ctx.doc.blocks):  # a block with a line break inside: examine all
        return {b.index for b in ctx.doc.blocks}
    doubled = {b.index for b, _, _ in ctx.body.finditer(_DOUBLED_OPEN)}  # ““ is reported even when paired
    return doubled | {i for i, line in enumerate(lines) if _MARKS.search(line)}


def check_pairs(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Checks per paragraph that “” ‘’ 《》 （） 【】 〔〕 pair up, and reports the unmatched
    mark, and a doubled opening quote (““). A quotation running over several paragraphs —
    each opens with “ and only the last closes — is accepted. ) after an item number (1)、
    a)) is not a stray closer. 〝〞 count as quotes here (T103 reports their form).
    ## Parameters
    None.
    ## Example
    坚持把“保证抓党建作为… (no closing ”) → T102 at “."""
    blocks = list(_body(ctx))
    position = {b.index: pos for pos, b in enumerate(blocks)}  # place among the body blocks
    for index in sorted(_unpaired_blocks(ctx)):
        if index not in position:
            continue
        b, pos = ctx.doc.blocks[index], position[index]
        text = b.text
        stack: list[tuple[str, int]] = []
        for found in _MARKS.finditer(text):  # only the marks themselves, not every character
            i, ch = found.start(), found.group()
            if ch in _OPEN:
                if ch in "“〝" and i + 1 < len(text) and text[i + 1] in "“〝":
                    yield rule.finding(ctx.doc, b.index, i, i + 2, key="doubled", mark=ch)
                    continue
                stack.append((_norm_mark(ch), i))
            elif ch in _CLOSE_OF:
                opener = _norm_mark(_CLOSE_OF[ch])
                if stack and stack[-1][0] == opener:
                    stack.pop()
                elif any(o == opener for o, _ in stack):
                    while stack and stack[-1][0] != opener:
                        mark, at = stack.pop()
                        yield rule.finding(ctx.doc, b.index, at, at + 1, mark=mark, partner=_OPEN[mark])
                    stack.pop()
                elif ch in "）)" and _MARKER_CLOSER.search(text[:i]):
                    continue
                else:
                    yield rule.finding(ctx.doc, b.index, i, i + 1, mark=ch, partner=_CLOSE_OF[ch])
        nxt = blocks[pos + 1].text.lstrip() if pos + 1 < len(blocks) else ""
        for mark, at in stack:
            if mark == "“" and text.lstrip().startswith(("“", "〝")) and nxt.startswith(("“", "〝")):
                continue  # a quotation that goes on in the next paragraph
            yield rule.finding(ctx.doc, b.index, at, at + 1, mark=mark, partner=_OPEN[mark])


_ODD_QUOTE = re.compile(r"[〝〞]")
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_MARK = re.compile(r"[,;:?!()]")


def _half_in_han(text: str) -> Iterator[re.Match[str]]:
    """Half-width marks between Chinese characters (a 。 ： “ may follow , ; : ? !)."""
    for m in _HALF_MARK.finditer(text):
        i = m.start()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if "\u4e00" <= before <= "\u9fff" and (
                "\u4e00" <= after <= "\u9fff" or (after == "“" and m.group() not in "()")):
            yield m


def check_punctuation(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports punctuation that GB/T 15834-2011 does not allow in Chinese text: 〝〞 used as
    quotes, ``?…?`` standing for 《》 around a document name, “、等”, a doubled 。 or ，,
    an ASCII ``"`` closing a “, and half-width ,;:?!() between Chinese characters — one
    summary finding with the count when there are more than ``summary_over`` of those.
    ## Parameters
    ``summary_over``; ``book_endings``: last words of a document name (制度, 办法 …).
    ## Example
    卫生惠民、等民生工程 → T103, suggesting 卫生惠民等."""
    endings = "|".join(map(re.escape, rule.params.get("book_endings", ())))
    book = re.compile(rf"\?([^?？。，,；;\s]{{2,40}}(?:{endings}))\?") if endings else None
    checks: Sequence[tuple[re.Pattern[str], str]] = (
        (re.compile(r"、(?=等)"), "deng"),
        (re.compile(r"([。，,；])\1+"), "repeat"),  # a class first: re skips ahead to the marks
        (re.compile(r"“[^“”\"]{1,40}\""), "ascii_quote"),
    )
    body, residue = ctx.body, ctx.residue
    if book:
        for b, offset, m in body.finditer(book):
            if b.index not in residue:
                yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key="book",
                                   text=m.group(1), suggestion=f"《{m.group(1)}》")
    for pattern, key in checks:
        for b, offset, m in body.finditer(pattern):
            if b.index in residue:
                continue
            start, end = m.start() - offset, m.end() - offset
            if key == "ascii_quote":
                start = end - 1
            suggestion = {"deng": "等", "repeat": m.group()[0], "ascii_quote": "”"}[key]
            expected = b.text[max(0, start - 4):start] + "等" if key == "deng" else suggestion
            yield rule.finding(ctx.doc, b.index, start, end, key=key, text=m.group(), expected=expected,
                               suggestion=suggestion)
    half = [(body.blocks[body.block_at(m.start())], m) for m in _half_in_han(body.text)]
    quotes = [(b, m) for b, _, m in body.finditer(_ODD_QUOTE)]
    over = rule.params.get("summary_over", 5)
    for found, key in ((half, "halfwidth"), (quotes, "quote")):
        found = [(b, m) for b, m in found if b.index not in residue]
        if len(found) > over:  # everywhere: one finding with the count, not hundreds
            b, m = found[0]
            offset = body.starts[b.index]
            yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key=f"{key}_summary",
                               count=len(found), text=m.group())
            continue
        for b, m in found:
            offset = body.starts[b.index]
            fix = _HALF.get(m.group()) or ("“" if m.group() == "〝" else "”")
            yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key=key, text=m.group(),
                               expected=fix, suggestion=fix)


def check_dedide(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports 的 between an adverbial and a verb (清醒的认识到, 客观的讲 → 地) and 的 before a
    complement (做的很好 → 得). Only listed adverbs, verbs and complements are used, so a
    noun phrase (深刻的认识) stays silent.
    ## Parameters
    ``adverbs``, ``verbs`` (for 地); ``de_verbs``, ``de_complements`` (for 得).
    ## Example
    清醒的认识到 → T106, suggesting 清醒地认识到."""
    def alt(key: str) -> str:
        return "|".join(sorted(map(re.escape, rule.params.get(key, ())), key=len, reverse=True))

    di = re.compile(f"(?:{alt('adverbs')})(的)(?:{alt('verbs')})") if rule.params.get("adverbs") else None
    de = re.compile(f"(?:{alt('de_verbs')})(的)(?:{alt('de_complements')})(?![多少])") \
        if rule.params.get("de_verbs") else None
    for pattern, right in ((di, "地"), (de, "得")):
        if pattern is None:
            continue
        for b, offset, m in ctx.body.finditer(pattern):
            if b.index in ctx.residue:
                continue
            fixed = m.group()[: m.start(1) - m.start()] + right + m.group()[m.end(1) - m.start():]
            yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, text=m.group(),
                               wrong="的", right=right, suggestion=fixed)


_YEAR = PatternSet([r"(?<!\d)((?:19[89]|20[0-4])\d)\s*年"])
_DATE_LINE = re.compile(r"^\s*((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def document_year(ctx: Context) -> int | None:
    """The document's year: its 成文日期 (a date alone on a line near the end), else a year
    in the title, else the latest year the text mentions; None when there is none."""
    tail = [b for b in _body(ctx)][-6:]
    for b in reversed(tail):
        m = _DATE_LINE.match(b.text)
        if m:
            return int(m.group(1))
    title = ctx.outline.title.text if ctx.outline.title else ""
    m = _YEAR.pattern.search(title)
    if m:
        return int(m.group(1))
    years = [int(m.group(1)) for b, _, m in ctx.body.finditer(_YEAR) if b.index not in ctx.residue]
    return max(years) if years else None


def check_outdated(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a formulation used after its validity ended (十九大精神 in a 2024 document),
    from dated data. The document's year comes from its 成文日期, the title, or the latest
    year in the text; when none is found, nothing is reported.
    ## Parameters
    ``formulations``: ``[pattern, "YYYY-MM" valid until, current wording]``.
    ## Example
    2024年工作总结 … 学习贯彻党的十九大精神 → T107."""
    year = document_year(ctx)
    if year is None:
        return
    entries = [f for f in rule.params.get("formulations", ()) if year > int(f[1].split("-")[0])]
    compiled = compile_each(tuple(f[0] for f in entries))
    for i in active(compiled, ctx.body.text):
        _, until, current = entries[i]
        for b, offset, m in ctx.body.finditer(compiled[i][1]):
            if b.index not in ctx.residue:
                yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, text=m.group(),
                                   until=until, year=year, current=current, suggestion=current)


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("hygiene.substitution", check_substitution)
    register("hygiene.doubled", check_doubled)
    register("hygiene.pairs", check_pairs)
    register("hygiene.punctuation", check_punctuation)
    register("hygiene.dedide", check_dedide)
    register("hygiene.outdated", check_outdated)
