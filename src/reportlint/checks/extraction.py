"""X1 checks: what extraction tells about the text (garbled glyphs, fragmented lines)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from ..context import Context
from ..forms import flattened_form_cells
from ..hookspecs import hookimpl
from ..model import Block, Document, Finding, Rule
from ..outline import TITLE_KINDS
from ..scan import has_any, pattern_set
from ..textutil import DATE_LINE, ISSUER_LINE, PINYIN_READING, TONED, garbled
from ..traditional import written_in_traditional
from ..wrapping import wrapped_runs
from .summed import SUMMED

_PUA = re.compile(r"[\ue000-\uf8ff]")
_CID = re.compile(r"\(cid:\d+\)")


def check_garbled(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a file whose text is unreliable: ``(cid:NN)`` placeholders from a PDF font
    without a ToUnicode map, private-use glyphs, replacement characters from an invalid
    byte, a text file decoded with a fallback encoding, or terminal control characters; and,
    once per passage, a sentence that OCR or a layout garbled: three or more characters that
    stand alone between words and form no word (flow-chart arrows read as 弓、斗, a stray 一
    between every two steps); a text that carries the pinyin readings a web page put after its
    words (生產(chǎn), three or more: one finding with the count); and a .doc/.wps read as text
    only (no LibreOffice), whose list numbers and styles were not read; a text holding radical symbols a converter
    wrote for the characters they look like (⽂ for 文, ⼆ for 二): one finding with the count (the other rules read
    the characters).
    ## Parameters
    ``max_share``: share of bad characters above which the text counts as garbled;
    ``affixes``: productive affixes of policy vocabulary (链, 碳 …) that are never noise. A
    passage all of whose odd characters recur with the same neighbour (a term the dictionary
    lacks) is not garbled.
    ## Example
    A PDF whose every glyph is ``(cid:1234)``: one X103 finding; other rules are skipped."""
    doc = ctx.doc
    if not doc.blocks:
        return
    share = garbled(ctx)
    if share > rule.params.get("max_share", 0.02):
        first = next((b for b in doc.blocks if "(cid:" in b.text or _PUA.search(b.text)), doc.blocks[0])
        yield rule.finding(doc, first.index, 0, len(first.text), key="cid", share=f"{share:.0%}",
                           encrypted="（文件已加密，禁止复制文字）" if doc.meta.get("encrypted") else "")
    elif doc.meta.get("cid_glyphs"):  # a few glyphs (an icon, a rare symbol) the text is otherwise sound around
        places = [(b, m) for b in doc.blocks for m in _CID.finditer(b.text)]
        if places:
            b, m = places[0]
            yield rule.finding(doc, b.index, m.start(), m.end(), key="cid_few",
                               times=f"，全文共 {len(places)} 处" if len(places) > 1 else "",
                               related=[{"path": doc.path, "line": x.position(n.start())[0]} for x, n in places[1:]])
    if doc.meta.get("invalid_bytes"):
        line = int(doc.meta.get("invalid_line", 1)) - 1
        line = min(max(line, 0), len(doc.blocks) - 1)
        yield rule.finding(doc, line, 0, len(doc.blocks[line].text), key="invalid",
                           count=doc.meta["invalid_bytes"], offset=doc.meta.get("invalid_offset", 0))
    radicals = doc.meta.get("radicals")
    if isinstance(radicals, tuple) and len(radicals) == 5:  # ⽂ for 文 (``radicals.restored``): read as characters
        count, block, offset, radical, character = radicals
        yield rule.finding(doc, block, offset, offset + 1, key="radicals", count=count, radical=radical,
                           character=character)
    if not written_in_traditional(ctx):  # odd characters are counted against a dictionary of simplified words
        yield from _garbled_passages(ctx, rule)
    yield from _pinyin_readings(ctx, rule)
    yield from _field_codes(ctx, rule)
    if doc.meta.get("control_chars"):
        bad = next((b for b in doc.blocks if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]",
                                                       b.text)), doc.blocks[0])
        yield rule.finding(doc, bad.index, 0, len(bad.text), key="control", count=doc.meta["control_chars"])


_HAN = re.compile(r"[\u4e00-\u9fff]")
_PINYIN_MIN = 3  # readings in one document before they count as carried over (a speech may gloss one rare word)
# how every reading opens: a bracket, then a toned vowel after some letters; one search from each bracket (``re`` skips
# to it in C), where a search for each of the 24 toned vowels cost more
_READING_OPENS = (re.compile(rf"（[a-zü]*[{TONED}]"), re.compile(rf"\([a-zü]*[{TONED}]"))


_TONELESS_READING = re.compile(r"[（(]([a-z]{2,6})[）)]")
_LETTER_CLOSE = re.compile(r"[a-z][）)]")  # what every such reading holds, looked for first (most texts: none)
_TONELESS_MIN = 5  # toneless readings before they count (a syllable in brackets may be a unit or a label once or twice)
# a syllable of Mandarin written without its tone: an initial, or none, and a final (v for ü); general knowledge of
# 汉语拼音方案 (1958)
_SYLLABLE = re.compile(r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|"
                       r"ian|in|iang|ing|iong|u|ua|uo|uai|ui|uan|un|uang|ueng|v|ve|van|vn|ue)$")


def _pinyin_readings(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """One finding, at the first, when ``_PINYIN_MIN`` or more readings follow Chinese characters."""
    text = ctx.body.text
    toned = _READING_OPENS[0].search(text) or _READING_OPENS[1].search(text)
    if not toned and not (_LETTER_CLOSE.search(text) and _TONELESS_READING.search(text)):
        return
    found = [(b, m.start() - offset, m) for b, offset, m in ctx.body.finditer(PINYIN_READING)
             if m.start() > offset and "\u4e00" <= text[m.start() - 1] <= "\u9fff"] if toned else []
    if len(found) < _PINYIN_MIN:
        # a page that wrote its readings without tones (面庞(pang)晒得(de)黝黑(hei)): more of them, of several
        # syllables, each a syllable of Mandarin (km, kg are none)
        bare = [(b, m.start() - offset, m) for b, offset, m in ctx.body.finditer(_TONELESS_READING)
                if m.start() > offset and "\u4e00" <= text[m.start() - 1] <= "\u9fff" and _SYLLABLE.match(m.group(1))]
        if len(bare) < _TONELESS_MIN or len({m.group(1) for _, _, m in bare}) < _PINYIN_MIN:
            return
        found = sorted(found + bare, key=lambda f: f[2].start())
    block, start, first = found[0]
    yield rule.finding(ctx.doc, block.index, start, start + len(first.group()), key="pinyin", count=len(found),
                       sample=text[first.start() - 1:first.end()])


def _field_codes(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """One finding, at the first, for the instructions of Word fields read as text (``field_codes``: PAGEREF _Toc…
    after each line of a table of contents, HYPERLINK \\l "_Toc…", \\* MERGEFORMAT): a converter or a copy that
    took the field's code instead of its result."""
    patterns = pattern_set(tuple(rule.params.get("field_codes", ())))
    # every field instruction names its field in capitals: most texts hold none of these words, nor their first
    # letters (one search for each letter instead of one for each word)
    if patterns is None or not has_any(ctx.body.text, _FIELD_WORDS):
        return
    found = [(b, m.start() - offset, m.end() - offset) for b, offset, m in ctx.body.finditer(patterns)
             if b.index not in ctx.residue]
    if found:
        block, start, end = found[0]
        yield rule.finding(ctx.doc, block.index, start, end, key="field_code", count=len(found),
                           times=f"，全文共 {len(found)} 处" if len(found) > 1 else "")


_FIELD_WORDS = ("PAGEREF", "HYPERLINK", "TOC", "MERGEFORMAT", "REF", "SEQ")


def _garbled_passages(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Sentences that OCR or a layout garbled (see ``proofread.garbled_passages``), one finding per
    passage: neighbouring garbled sentences of a paragraph are reported together."""
    if not _HAN.search(ctx.body.text):
        return
    from ..lexicon import lexicon
    from .proofread import NOISE_MIN, body_orphan_places, garbled_passages, noise_places

    lex = lexicon()
    places = body_orphan_places(ctx, lex)  # odd characters are Chinese: a paragraph without any has none
    body, residue = ctx.body, ctx.residue
    text, starts = body.text, body.starts
    terms: Counter[str] | None = None
    affixes = set(rule.params.get("affixes", ""))
    # only an odd character that may be noise counts (see ``garbled_passages``): a paragraph with fewer such
    # characters than a garbled sentence needs is passed over, as most are. They are picked out once for the whole
    # text, not paragraph by paragraph: of the paragraphs with three or more lone odd characters (12 of a report of
    # 7,000 characters) few hold three that may be noise (this step over 70 of the rules' reports: 8.2 -> 3.5 ms)
    if len(places) < NOISE_MIN:
        return
    lone = noise_places(text, places, lex.single)
    k = 0
    while k + NOISE_MIN <= len(lone):  # the paragraphs holding such characters, each once
        end = text.find("\n", lone[k])
        if end < 0:
            end = len(text)
        first, k = k, bisect_left(lone, end, k)  # the next paragraph's first
        if k - first < NOISE_MIN:
            continue  # too few in this paragraph
        b = body.blocks[body.block_at(lone[first])]
        if b.index in residue:
            continue
        at = starts[b.index]
        lo = bisect_left(places, at)
        mine = places[lo:bisect_left(places, end, lo)]
        merged: list[tuple[int, int, str]] = []
        for start, end, sample in garbled_passages(b.text, lex, [p - at for p in mine]):
            if terms is None:
                terms = _orphan_bigrams(ctx.body.text, places)
            if _mostly_terms(b.text, start, end, sample, set(mine), at, terms, affixes):
                continue
            if merged and start - merged[-1][1] <= 2:
                merged[-1] = (merged[-1][0], end, f"{merged[-1][2]}、{sample}")
            else:
                merged.append((start, end, sample))
        for start, end, sample in merged:
            sample = "、".join(dict.fromkeys(sample.split("、")))
            yield rule.finding(ctx.doc, b.index, start, end, key="passage", sample=sample)


def _orphan_bigrams(text: str, places: list[int]) -> Counter[str]:
    """How often each two-character string holding an odd character (at ``places``) occurs in the text."""
    seen: Counter[str] = Counter()
    for p in places:
        seen[text[max(0, p - 1):p + 1]] += 1
        seen[text[p:p + 2]] += 1
    return seen


def _mostly_terms(text: str, start: int, end: int, sample: str, odd_at: set[int], at: int,
                  terms: Counter[str], affixes: set[str]) -> bool:
    """Every odd character (at ``odd_at`` less ``at``) of a passage is part of a term the dictionary lacks that
    recurs in the document with the same neighbour (消弧线圈, 限下项目 in a grid company's report), or a
    productive affix of policy vocabulary the dictionary lacks (创新链产业链资金链, 碳足迹碳市场):
    vocabulary, not noise. One odd character that does not recur keeps the passage (验证码 recurs, but the
    弓 of an arrow beside it does not); a stray 一 always counts, as 一 begins many pairs by chance."""
    chars = set(sample.split("、"))
    odd = [p for p in range(start + 1, end - 1)
           if at + p in odd_at and at + p - 1 not in odd_at and at + p + 1 not in odd_at and text[p] in chars]
    noise = [p for p in odd if text[p] == "一" or (text[p] not in affixes and terms[text[p - 1:p + 1]] < 2
                                                   and terms[text[p:p + 2]] < 2)]
    return bool(odd) and not noise


def check_read_note(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Notes how the file was read, at its start: decoded from GBK or another encoding than UTF-8, or a .doc read as
    its text only (no LibreOffice). A note on the file, not on a passage of its text, and information only.
    ## Parameters
    None.
    ## Example
    A ``.txt`` saved by Notepad in GBK: one note saying it was decoded as GBK, to save it as UTF-8."""
    doc = ctx.doc
    if not doc.blocks:
        return
    if doc.meta.get("encoding_fallback"):
        yield rule.finding(doc, 0, 0, 0, key="encoding", encoding=doc.meta["encoding"])
    if doc.meta.get("text_only"):
        yield rule.finding(doc, 0, 0, 0, key="text_only")


def check_empty(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a file with no text at all, so that an empty file never passes as clean.
    ## Parameters
    None.
    ## Example
    A zero-byte ``.txt``: one finding saying the file is empty."""
    doc = ctx.doc
    if doc.blocks and not any(b.text.strip() for b in doc.blocks):
        yield rule.finding(doc, 0, 0, 0)


def check_engine(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Nothing by itself: X100, X101 and X102 are reported by the engine when a rule raises
    or a file cannot be read. The entry exists so that those codes have documentation.
    ## Parameters
    None.
    ## Example
    An encrypted PDF gives X101 from the engine, not from this function."""
    return iter(())


_NAME_LINE = re.compile(r"[\u4e00-\u9fff]{2,3}")  # a person's name
_TITLE_LINES = 3  # lines a title is set over, at most
_AUTHORS = 4


def _title_over_names(blocks: tuple[Block, ...], run: list[int]) -> bool:
    """Whether the short lines are a title set over lines, as a title may be (GB/T 9704-2012 7.3.1: 标题……可分一行或
    多行居中排布), ending in the kind of document (……考察报告) within its first ``_TITLE_LINES`` lines, then its
    authors' names, one a line (up to ``_AUTHORS``): the head of a paper, laid out so on purpose."""
    lines = [blocks[i].text.strip() for i in run]
    for j in range(1, min(_TITLE_LINES, len(lines) - 1)):
        if "".join(lines[:j + 1]).endswith(TITLE_KINDS):
            names = lines[j + 1:]
            return len(names) <= _AUTHORS and all(_NAME_LINE.fullmatch(t) for t in names)
    return False


def check_fragmented(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a run of very short lines that together read as one title or sentence: an
    extraction artifact where every word landed on its own line. One finding per run.
    Not in a web page's source saved as text: its lines are its own markup's (list items, a menu), not breaks
    left by copying. Also reports, once per passage, the lines of a text file that the loader re-joined
    because an export broke a sentence (a link on its own line, a word split at a page
    boundary), and a chapter heading run into its first article on one line.
    ## Parameters
    ``max_chars``: the longest line that counts as a fragment; ``min_run``: fragments in a row;
    ``merge_gap``: re-joined passages this many lines apart or closer are one finding.
    ## Example
    ``2023`` / ``年市志办`` / ``专题`` / ``教育`` / ``调研`` on separate lines."""
    doc = ctx.doc
    yield from _rejoined(ctx, rule)
    yield from _fused_chapters(ctx, rule)
    if doc.meta.get("page_source"):
        return  # a page's source is the original, not a copy: its short lines are its list items and menus
    yield from _wrapped(ctx, rule)
    yield from _cut_headings(ctx, rule)
    max_chars = rule.params.get("max_chars", 6)
    min_run = rule.params.get("min_run", 4)
    run: list[int] = []

    def introduced(first: int) -> bool:
        """The run follows a line ending in a colon: a list of items (关键词如下：), not a broken title."""
        before = next((doc.blocks[i].text.strip() for i in range(first - 1, -1, -1) if doc.blocks[i].text.strip()), "")
        return before.endswith(("：", ":"))

    def flush() -> Iterator[Finding]:
        if len(run) >= min_run and not introduced(run[0]) and not _signs_over_a_date(doc.blocks, run) \
                and not _title_over_names(doc.blocks, run):
            joined = "".join(doc.blocks[i].text.strip() for i in run)
            yield rule.finding(doc, run[0], 0, len(doc.blocks[run[-1]].text), end_block=run[-1],
                               count=len(run), joined=joined[:30])

    cells = flattened_form_cells(ctx)  # an attached form pasted one cell per line
    for b in doc.blocks:
        text = b.text.strip()
        if not text:
            continue
        if b.kind == "cell" or b.index in ctx.residue or b.index in cells:  # short cells are what tables are made of
            if run:  # (an empty run makes no finding)
                yield from flush()
                run = []
            continue
        if _PAGE_NUMBER_LINE.fullmatch(text):  # a page's number (— 1 —, 第2页) between the lines: a page break, no word
            if run:
                yield from flush()
                run = []
            continue
        fragment = len(text) <= max_chars and not re.search(r"[。！？；：:，,]$", text) and not re.match(
            r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]", text)
        if fragment:
            if run and b.index - run[-1] > 2:
                yield from flush()
                run = []
            run.append(b.index)
        elif run:
            yield from flush()
            run = []
    yield from flush()


# a page's number on a line of its own, as GB/T 9704 7.5 sets it (— 1 —) or as a converter writes it (- 2 -, 第3页)
_PAGE_NUMBER_LINE = re.compile(r"[—－\-–]\s*\d{1,4}\s*[—－\-–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?")


def _signs_over_a_date(blocks: tuple[Block, ...], run: list[int]) -> bool:
    """Whether the short lines of ``run`` are bodies signing the document over its date of issue (GB/T 9704-2012 7.3.5:
    a document issued jointly is signed by each body, one under another): each a body's name, the last followed by
    the date (other bodies' longer names between)."""
    if not all(ISSUER_LINE.match(blocks[i].text) for i in run):
        return False
    for b in blocks[run[-1] + 1:run[-1] + 12]:
        if DATE_LINE.match(b.text):
            return True
        if b.text.strip() and not ISSUER_LINE.match(b.text):
            return False
    return False


# a numbered heading that stops on a word that cannot close it (a preposition or a conjunction of one character:
# （二）坚持不懈用), its rest set apart by a blank line as a paragraph of its own: a break that a page's markup or a
# converter put inside the heading
_DANGLING = frozenset("用以在对把将向从为和与及被让使于按")


def _cut_headings(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """X104: a numbered heading (an item of the outline, 一、 or （一）, opening its line) cut after a preposition or a
    conjunction, its rest a paragraph below a blank line that opens with no number of its own."""
    blocks = ctx.doc.blocks
    opened: set[int] | None = None  # the lines a number opens, gathered at the first heading that needs them
    lex = None
    for it in ctx.outline.items:
        m = it.marker
        text = blocks[m.block].text
        if m.family not in ("cn", "cn-paren") or m.inline or text.rstrip()[-1:] not in _DANGLING \
                or len(text.strip()) > 30 or len(text.rstrip()) - m.end < 3 or m.block in ctx.residue:
            continue
        nxt = next((x for x in blocks[m.block + 1:m.block + 6] if x.text.strip()), None)
        if nxt is None or nxt.index == m.block + 1:
            continue
        if opened is None:
            opened = {it.marker.block for it in ctx.outline.items if not it.marker.inline}
        if nxt.index in opened or not _HAN.match(nxt.text.strip()[:1]):
            continue
        if lex is None:
            from ..lexicon import lexicon

            lex = lexicon()
        heading = text.rstrip()
        if lex.word(heading[-2:]) or lex.word(heading[-3:]):
            continue  # 作用, 应用, 所以: a word that closes a heading
        rest = nxt.text.strip()
        yield rule.finding(ctx.doc, m.block, m.start, len(heading), key="cut_heading", heading=heading[m.start:],
                           last=heading[-1], rest=rest if len(rest) <= 20 else rest[:18] + "…")


def _wrapped(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Paragraphs broken by a hard return at every line's end, as text copied out of a PDF or a fixed-width page
    keeps them (``wrapping.wrapped_runs``): the text loader joins them back itself and lists them (``wrapped``); in
    other documents the paragraphs are read here, with the rule's ``min_wrapped``, ``wrap_min_chars`` and
    ``wrap_slack`` (a PDF's lines the loader joins itself). One finding per document, at the first such paragraph,
    with the count of all."""
    doc = ctx.doc
    if doc.meta.get("markdown"):
        return
    blocks = doc.blocks
    spans: list[tuple[int, int]] = []  # first and last block of each paragraph
    if "wrapped" in doc.meta:
        at = {b.line: b for b in blocks if b.joins}
        spans = [(b.index, b.index) for first in sorted(_wrapped_lines(doc))
                 if (b := at.get(first)) is not None and b.index not in ctx.residue]
    else:
        least, slack = rule.params.get("min_wrapped", 3), rule.params.get("wrap_slack", 3)
        shortest = rule.params.get("wrap_min_chars", 15)
        if not all(type(v) is int for v in (least, slack, shortest)) or least < 2:
            return
        from ..lexicon import lexicon

        eligible = [b.kind == "paragraph" and b.page is None and b.index not in ctx.residue for b in blocks]
        runs = wrapped_runs([b.text for b in blocks], eligible, lambda: lexicon().word, least, shortest, slack)
        spans = [(run[0], run[-1] + 1) for run in runs]
    if spans:
        first, last = spans[0]
        a, z = blocks[first], blocks[last]
        end_line = z.joins[-1][1] if z.joins else doc.line_of(last)
        if a.joins:  # the paragraph's first two lines, for the message
            joined = a.text[:a.joins[1][0]] if len(a.joins) > 1 else a.text
        else:
            joined = a.text + blocks[first + 1].text
        yield rule.finding(doc, first, 0, len(z.text), end_block=last,
                           key="wrapped" if len(spans) == 1 else "wrapped_many",
                           first=doc.line_of(first), last=end_line, count=len(spans),
                           joined=joined.strip()[:24] + "…")


def _wrapped_lines(doc: Document) -> set[int]:
    """The first lines of the paragraphs the text loader joined from a hard wrap (``meta["wrapped"]``: pairs of first
    and last line), anything else in that field (a cache read from disk is trusted with nothing) left out."""
    field = doc.meta.get("wrapped")
    if not isinstance(field, list | tuple):
        return set()
    return {pair[0] for pair in field if isinstance(pair, list | tuple) and len(pair) == 2 and type(pair[0]) is int}


_FUSED = re.compile(
    r"^[\s\u3000]*(第[一二三四五六七八九十百零〇]{1,4}章)[\s\u3000]*([^\s\u3000]{1,20})[\s\u3000]+"
    r"(第[一二三四五六七八九十百零〇]{1,5}[条节])"
)


def _rejoined(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per passage of physical lines the loader joined back together. Not in Markdown, whose lines
    without a blank line between are one paragraph by the format's own rule (a page's source wrapped around its
    inline HTML and links)."""
    doc = ctx.doc
    if doc.meta.get("markdown"):
        return
    gap = rule.params.get("merge_gap", 1)
    spans: list[list[int]] = []  # first block, offset, last block, end offset, the passages joined, the first's end
    cells = flattened_form_cells(ctx)
    wrapped = _wrapped_lines(doc)  # hard-wrapped paragraphs: ``_wrapped``'s
    for b in doc.blocks:
        if not b.joins or b.index in ctx.residue or b.index in cells or b.kind == "cell" or b.line in wrapped:
            continue  # web-page residue is B101's to delete, not to mend; table or form cells were never one line
        start, end = max(0, b.joins[0][0] - 12), min(len(b.text), b.joins[-1][0] + 12)
        if spans:
            last_block = doc.blocks[spans[-1][2]]
            last_line = last_block.joins[-1][1] if last_block.joins else last_block.line
            if b.line - last_line <= gap:
                spans[-1][2:5] = [b.index, end, spans[-1][4] + 1]
                continue
        spans.append([b.index, start, b.index, end, 1, end])
    marks = [span for span in spans if all(_at_marks(doc.blocks[i]) for i in range(span[0], span[2] + 1)
                                           if doc.blocks[i].joins)]
    if len(marks) >= SUMMED:
        # a page that put every quotation mark or bracket on a line of its own (“/四城同创/”): one cause, not a
        # sentence broken here and there, so one finding at the first such passage with the others related
        first, start, last, end, *_ = marks[0]
        yield rule.finding(doc, first, start, end, end_block=last, key="rejoined_all",
                           count=sum(span[4] for span in marks), **_passage(doc, marks[0]),
                           related=[{"path": doc.path, "line": doc.blocks[span[0]].position(span[1])[0]}
                                    for span in marks[1:]])
        spans = [span for span in spans if span not in marks]
    for span in spans:
        first, start, last, end, count, _ = span
        yield rule.finding(doc, first, start, end, end_block=last, key="rejoined" if count == 1 else "rejoined_many",
                           count=count, **_passage(doc, span))


_MARKS = frozenset("“”‘’\"'()（）《》「」〈〉【】[]")


def _at_marks(block: Block) -> bool:
    """Whether each line break the loader took out of ``block`` cut off a quotation mark or a bracket alone on its
    line (“ / 四城同创 / ”, ( / 街道 / ), or two of them: )“)."""
    cuts = [0, *(offset for offset, *_ in block.joins), len(block.text)]
    marks = [_MARKS.issuperset(block.text[a:b].strip() or "x") for a, b in pairwise(cuts)]
    return all(a or b for a, b in pairwise(marks))


def _passage(doc: Document, span: list[int]) -> dict[str, object]:
    """The first and last line of a re-joined passage and the words of its first join, for the message."""
    first, start, last, end, _, first_end = span
    a, z = doc.blocks[first], doc.blocks[last]
    joined = a.text[start:first_end].strip()  # the first passage: where several lie close, each is mended alone
    if len(joined) > 2 and joined[0] in "“‘" and joined[-1] in "”’":
        joined = joined[1:-1]  # the message quotes it
    return {"first": a.position(start)[0], "last": z.position(max(end - 1, 0))[0],
            "joined": joined[:24] + ("…" if len(joined) > 24 else "")}


def _fused_chapters(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """A chapter heading and the first article on one line: one finding, at the first."""
    doc = ctx.doc
    if "章" not in ctx.body.text:
        return  # every match names its chapter (第…章): one search of the text instead of a match per line
    hits = [(b, m) for b in doc.blocks
            if b.kind != "cell" and b.index not in ctx.residue and (m := _FUSED.match(b.text))]
    if not hits:
        return
    b, m = hits[0]
    yield rule.finding(doc, b.index, m.start(1), m.end(3), key="fused", heading=f"{m.group(1)} {m.group(2)}",
                       article=m.group(3), count=len(hits))


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("extraction.garbled", check_garbled)
    register("extraction.empty", check_empty)
    register("extraction.read_note", check_read_note)
    register("extraction.fragmented", check_fragmented)
    register("extraction.engine", check_engine)
