"""T1 checks: doubled characters, unpaired marks, punctuation, converter artifacts, typos,
的/地/得, outdated formulations and suspicious numbers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ..context import Context
from ..hookspecs import hookimpl
from ..model import Block, Finding, Rule
from ..outline import TITLE_KINDS, has_sentence_ends
from ..residue import hidden_prompts, inline_residue
from ..scan import PatternSet, active, compile_each
from ..scattered import MARKS, scattered_marks
from ..textutil import SENTENCE_ENDS, TONED, in_round_brackets, open_tail, sentence_around
from .proofread import DOCNO_LOST_CLOSE
from .summed import summed

_HAN = r"\u4e00-\u9fff"


def _body(ctx: Context) -> list[Block]:
    """Blocks that are the document's own text (residue is B101's business), listed once per
    document for the checks that walk them."""
    return ctx.memo("hygiene.body",  # type: ignore[no-any-return]
                    lambda: [b for b in ctx.doc.blocks if b.text.strip() and b.index not in ctx.residue])


def _blocks_holding(ctx: Context, mark: str) -> list[Block]:
    """The blocks outside residue that hold ``mark``, in order: found with ``str.find`` over the
    joined text, one search per block that has it, instead of a look at every block."""
    text, starts, blocks = ctx.body.text, ctx.body.starts, ctx.doc.blocks
    out: list[Block] = []
    at = text.find(mark)
    while at >= 0:
        i = ctx.body.block_at(at)
        if i not in ctx.residue:
            out.append(blocks[i])
        at = text.find(mark, starts[i] + len(blocks[i].text) + 1)
    return out


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
    kept: list[tuple[int, int, str, str, int]] = []  # block, start, text, correction, end
    for index in sorted(hits):
        taken = -1
        for start, neg_end, i, text in sorted(hits[index]):  # earliest, then longest; overlaps dropped
            if start < taken:
                continue
            taken = -neg_end
            kept.append((index, start, text, pairs[i][1], -neg_end))
    # one swap a tool made all through the text (开展 for 发展 six times) is one finding with its places
    for (index, start, text, expected, end), times, related in summed(ctx.doc, kept):
        yield rule.finding(ctx.doc, index, start, end, text=text, expected=expected, suggestion=expected,
                           times=times, related=related)


# the year of a document number in brackets other than 〔〕: square and round ones typed by hand (the number after
# it with or without a wrong 第, or bracketed itself: 鲁安办发[2021]第50号, 市教发[2010]（15号）),
# the small-form ﹝﹞ picked from a symbol menu, and „‟ that some converters put for 〔〕
# … the year may be a template's 20xx or hold a letter O read for a 0 (20O0: T105 reports the letter), and a
# character of the 机关代字 may have slipped after the brackets (闽政[1998]文333号), or a 的 been typed in
# (办场字[2020]的39号: T105 reports the 的)
_DOC_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])\s?([\[【［(（﹝„〈])\s?((?:19|20)(?:\d\d|[xX]{2}|\d[Oo]|[Oo]\d))\s?"
                         r"([\]】］)）﹞‟〉])\s?(?=[（(]?[第文字函的]?\d{1,4}\s?号)")
# what _DOC_NUMBER's look-ahead needs: a 号 after a digit or a space. re finds each 号 by itself (a
# literal first), so this search costs a tenth of the scan it spares in a text without one
_NUMBERED = re.compile(r"号(?<=[\d\s]号)")


def check_substitution(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports what synonym-replacing (“洗稿”, 伪原创) and conversion tools leave: words
    swapped for a near-synonym that does not fit (科学开展观, 原那么, 执政根底, 广阔干部,
    局部党员 …), quotes turned back to front (”快递进村“), and the year of a document
    number in square or round brackets (陕发改〔2021〕 written 陕发改[2021]; GB/T 9704
    requires 〔〕) — one finding per document for those, with the count; a word swapped three
    times or more is one finding at its first place with the others related. Each word entry is
    a regular expression with the context that makes it safe (局部 only before
    党员/干部/…, never in 局部地区).
    ## Parameters
    ``pairs``: ``[pattern, replacement]`` lists.
    ## Example
    稳固党的执政根底 → two T104 findings: 稳固→巩固, 执政根底→基础."""
    yield from _substitutions(ctx, rule)
    for b in _blocks_holding(ctx, "”"):  # a quote written back to front opens with a ”
        at = reversed_quotes(b.text)
        if at and at[0] == b.text.find("”") and _open_above(ctx, b.index):
            at = reversed_quotes(b.text, 1)  # the line's first ” closes a quotation opened lines above
        for start, end in zip(at[::2], at[1::2], strict=True):
            inner = b.text[start + 1:end]
            yield rule.finding(ctx.doc, b.index, start, end + 1, key="reversed", text=b.text[start:end + 1],
                               expected=f"“{inner}”", suggestion=f"“{inner}”", autofix=f"“{inner}”")
    numbers = [(b, m) for b, _, m in ctx.body.finditer(_DOC_NUMBER) if b.index not in ctx.residue] \
        if _NUMBERED.search(ctx.body.text) else []
    if numbers:
        b, m = numbers[0]
        offset = ctx.body.starts[b.index]
        yield rule.finding(ctx.doc, b.index, m.start(1) - offset, m.end(3) - offset, key="docno",
                           text=m.group().strip().replace(" ", ""), fix=f"〔{m.group(2)}〕",
                           times=f"（全文共 {len(numbers)} 处）" if len(numbers) > 1 else "",
                           suggestion=f"〔{m.group(2)}〕",
                           autofix=[(n.index, o.start(1) - at, o.end(3) - at, f"〔{o.group(2)}〕")
                                    for n, o in numbers for at in (ctx.body.starts[n.index],)])


_DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{2,4})\1")  # the spec of _doubled_words


def _doubled_words(text: str, data: bytes | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``_DOUBLED_WORD.finditer(text)``, the pattern tried only where a run of
    2 to 4 characters may be written again right after itself. Those places are found for the
    whole text at once, from the low byte of each character (``data``: the text in UTF-16-LE, when
    the caller has it): read as one integer, the low bytes XOR themselves shifted by k characters
    are zero where a character's low byte equals the one k further on, so every run of k characters
    repeated is a run of k zero bytes (bytes.find, in C); a few more places share low bytes only,
    and the pattern, tried there, does not match. The regular expression tries three lengths at
    every Chinese character: three times slower; the whole characters as 16-bit lanes: twice the
    integer work."""
    if data is None:
        data = text.encode("utf-16-le", "surrogatepass")  # a lone surrogate (a damaged file) takes two bytes too
    if len(data) != 2 * len(text):  # a character outside the BMP takes four bytes: positions would shift
        yield from _DOUBLED_WORD.finditer(text)
        return
    low = data[0::2]
    code = int.from_bytes(low, "little")
    starts: set[int] = set()
    for k in (2, 3, 4):
        same = (code ^ (code >> (8 * k))).to_bytes(len(low), "little")
        zeros = bytes(k)
        at = same.find(zeros)
        while at >= 0:
            starts.add(at)
            at = same.find(zeros, at + 1)
    end = 0
    for start in sorted(starts):  # leftmost first, each search going on after the last match
        if start >= end and (m := _DOUBLED_WORD.match(text, start)) is not None:
            end = m.end()
            yield m


def _utf16(ctx: Context) -> bytes:
    """The body text in UTF-16-LE, two bytes a character (four outside the BMP), made once for the
    scans on bytes of T101 and T103 (and what else reads it: ``Body.utf16``)."""
    return ctx.body.utf16()


_HEADING_BEFORE = re.compile(
    r"(?:\d+(?:\s?\.\s?\d+)+|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+[章节条部分])"
    r"[^，。；：、,;:\s]{0,12}$")
# two different marks of a pause or an end side by side (，。); an exclamation or question mark next to one of them
# (好！。, 吗？，) — while ！？ and ？！ together are the writer's own emphasis
_PUNCT_PAIR = re.compile(r"([，、；：。])(?!\1)[，、；：。]|[！？][，、；：。]|[，、；：。][！？]")
_REPEATED_MARK = re.compile(r"([。，,；、])\1+")
# 顿号 in a row right after a preposition or before 等 or a count (分别对、、等三个乡镇, 从对、、三个乡镇来看): the
# names a site or an editor took out of a list, not a mark typed twice (the match starts at the character before the
# run)
_EMPTIED_LIST = re.compile(r"[对對从從向与與和及把将將给給在]、{2,}"
                           r"|.、{2,}(?=等|[一二三四五六七八九十两\d]+[个個家所名])")
# two marks side by side, of those _PUNCT_PAIR (T101: ，。) and _REPEATED_MARK (T103: 。。) look for
_ADJACENT = "，、；：。,！？"
_ADJACENT_MARKS = re.compile(f"[{_ADJACENT}][{_ADJACENT}]")


# the UTF-16-LE bytes of the marks of _ADJACENT_MARKS, read one byte at a time: a low byte of one of
# them becomes L, a high byte H (the two sets share no value), any other byte a dot. Two of the marks
# side by side read LHLH; few other pairs do (Chinese characters have no high byte in H)
_MARK_BYTES = bytes(76 if b in {ord(c) & 0xFF for c in _ADJACENT} else
                    72 if b in {ord(c) >> 8 for c in _ADJACENT} else 46 for b in range(256))


def _adjacent_marks(ctx: Context) -> bool:
    """Whether any two marks of ``_ADJACENT_MARKS`` stand side by side: most texts have none, and
    one scan, shared by T101 and T103, spares both their own. The scan runs only where the text's
    bytes, translated (``_MARK_BYTES``, in C), show a place it can match: half the cost of the class
    scan that finds nothing."""
    return ctx.memo("hygiene.adjacent_marks",  # type: ignore[no-any-return]
                    lambda: b"LHLH" in _utf16(ctx).translate(_MARK_BYTES)
                    and _ADJACENT_MARKS.search(ctx.body.text) is not None)


def _tokens_at(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Token spans of the words around ``text[start:end]``: the segmenter on a window of
    the sentence, asked only where a regular expression found a doubling."""
    from ..segment import tagger

    lo, hi = max(0, start - 8), min(len(text), end + 8)
    spans, at = [], lo
    for word, _ in tagger()(text[lo:hi]):
        spans.append((at, at + len(word)))
        at += len(word)
    return spans


def _whole_words(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` begin and end on word boundaries?"""
    return any(s == start for s, _ in spans) and any(e == end for _, e in spans)


def _word_copy(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` is one copy of a word typed twice: one word of the segmenter's, or words of two
    characters or more (加强管理), or three characters or more holding such a word (用|公款 of 用公款用公款送礼) — not
    single characters the segmenter could not join (考虑到|端到端 read 到/端/到/端: 到端 twice is no word)."""
    inside = [(s, e) for s, e in spans if start <= s and e <= end]
    if not _whole_words(spans, start, end) or sum(e - s for s, e in inside) != end - start:
        return False
    return len(inside) == 1 or (end - start >= 3 and any(e - s >= 2 for s, e in inside))


def _compound_copy(text: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` is the head or the tail of one word of the segmenter's whose rest is a word of two
    characters or more: a compound the copy opens or closes (管理工作|工作 of 管理工作工作小组, 工作|工作小组). The
    segmenter joins the copy with its neighbour into the compound, so the copy typed twice is no whole word on that
    side; a rest of one character is an affix (研究|研究生, 学习|学习型): the word said, then a word made of it. Not a
    noun: a body's name ends in one and a phrase about the body opens with it (国网××有限公司|公司办公会议纪要)."""
    for s, e in spans:
        if (s == start and e > end) or (s < start and e == end):
            rest = text[end:e] if s == start else text[s:start]
            if len(rest) < 2:
                return False
            from ..segment import tagger

            tag = tagger()
            copy = list(tag(text[start:end]))
            return [w for w, _ in tag(rest)] == [rest] and len(copy) == 1 and not copy[0][1].startswith("n")
    return False


@lru_cache(maxsize=16)
def _doubled_chars(chars: str) -> re.Pattern[str]:
    return re.compile(f"([{re.escape(chars)}])\\1")


@lru_cache(maxsize=16)
def _allowed_doublings(allow: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, re.Pattern[str]]:
    """Per character, one pattern of the contexts where doubling it is legitimate (compiled once)."""
    return {c: re.compile("|".join(p)) for c, p in allow if p}


# a word said twice on purpose begins with 一 (一步一步), or is a degree adverb or begins with one: 很紧很紧, 太多太多,
# 非常非常, 特别特别 are the emphasis of speech (a speaker's repetition, kept in a 讲话稿 as said)
_EMPHATIC = frozenset(("非常", "特别", "十分", "真的", "好多", "多么", "越来"))


def check_doubled(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a function character typed twice (的的, 了了, 在在, 要要 …), a word typed twice
    (依托依托, 配电网配电网) and two different marks in a row (，。 or 、，). Doubled
    characters and words are judged on segmented words: 应对对外 is 应对 + 对外, 为了了解
    is 为了 + 了解, so they stay silent; 要要 and 依托依托 are two words where one is meant.
    Legitimate doublings (的的确确, 不了了之, 实实在在 …) are listed per character in
    ``allow``; words reduplicated on purpose (研究研究, 一步一步) in ``allow_words``.
    ## Parameters
    ``chars``: characters checked; ``allow``: per character, patterns of legitimate
    contexts; ``allow_words``: words that may be doubled; ``layout``: patterns of form heads
    whose fields, run together, repeat a word (××发电|发电单位).
    ## Example
    最严格的的党性洗礼 → T101 at 的的."""
    chars = rule.params.get("chars", "")
    allow = _allowed_doublings(tuple((c, tuple(p)) for c, p in rule.params.get("allow", {}).items()))
    allow_words = set(rule.params.get("allow_words", ()))
    layout = [re.compile(p) for p in rule.params.get("layout", ())]
    found: list[tuple[int, int, int, str, str, str]] = []
    if chars:
        for b, offset, m in ctx.body.finditer(_doubled_chars(chars)):
            if b.index in ctx.residue:
                continue
            ch, start, end = m.group(1), m.start() - offset, m.end() - offset
            ok = allow.get(ch)
            if ok and any(a.start() <= start and end <= a.end()
                          for a in ok.finditer(b.text, max(0, start - 4), end + 4)):
                continue
            if start > 0 and b.text[start - 1] == ch:
                continue  # three in a row: reported once at the first pair
            spans = _tokens_at(b.text, start, end)
            if (start, start + 1) not in spans or (start + 1, end) not in spans:
                continue  # 应对|对外, 为了|了解: the two characters belong to different words
            found.append((b.index, start, end, "default", m.group(), ch))
    body = ctx.body
    for m in _doubled_words(body.text, _utf16(ctx)):  # a match holds no line break: it lies in one block
        i = body.block_at(m.start())
        b, offset = body.blocks[i], body.starts[i]
        word, start, end = m.group(1), m.start() - offset, m.end() - offset
        if (b.index in ctx.residue or word in allow_words or word[0] in "一很太" or word in _EMPHATIC
                or len(set(word)) == 1 or _HEADING_BEFORE.search(b.text, max(0, start - 16), start)):
            continue  # 1.2编制依据|依据《…》: a heading run into the paragraph that begins with its last word
        if any(lay.match(b.text, start) for lay in layout):
            continue  # two fields of a form head run together (××发电|发电单位)
        if b.text.startswith("再" + word, end) or b.text.startswith("，再" + word, end):
            continue  # 努力努力再努力, 坚持坚持再坚持: a word said three times for emphasis, as the saying goes
        if b.text.startswith("长", end):
            continue  # 第二团队团队长, 第三小组小组长: a body's name, then the post of its head (团队 + 长)
        spans, mid = _tokens_at(b.text, start, end), start + len(word)
        if any(block == b.index and at == mid for block, at, _, _ in inline_residue(ctx)):
            continue  # ……校长述职报告|述职报告就是……的文体: the title ends where a site's line run into it begins
        first, second = _word_copy(spans, start, mid), _word_copy(spans, mid, end)
        if ((first and second) or (first and _compound_copy(b.text, spans, mid, end)) or (
                second and _compound_copy(b.text, spans, start, mid))) \
                and ctx.memo("sentence ends", lambda: has_sentence_ends(ctx.doc.blocks)):
            # (a text that lost every sentence end, its 。 stripped: ……专项排查小组 / 小组成员…… run together, the
            # word twice may end one sentence and begin the next, and which is meant cannot be told)
            found.append((b.index, start, end, "word", m.group(), word))
    for b, offset, m in ctx.body.finditer(_PUNCT_PAIR) if _adjacent_marks(ctx) else ():
        if b.index not in ctx.residue:
            found.append((b.index, m.start() - offset, m.end() - offset, "punct", m.group(), ""))
    first = next((b for b in ctx.doc.blocks if b.text.strip() and b.index not in ctx.residue), None)
    twice = _TITLE_TWICE.match(first.text) if first is not None else None
    if first is not None and twice is not None:
        # a page's title printed twice on one line (its browser title and its heading, copied together)
        found.append((first.index, twice.start(1), twice.end(), "word", twice.group()[twice.start(1):],
                      twice.group(1)))
    for index, start, end, key, text, expected in sorted(found):
        yield rule.finding(ctx.doc, index, start, end, key=key, text=text, expected=expected,
                           suggestion=expected or None, autofix=expected or None)


# a title written twice at a document's start, with a blank between or none (××调查报告 ××调查报告, ……报告2017……
# 报告2017): the kinds of document a title ends in, then maybe a year
_TITLE_TWICE = re.compile(r"[ \t\u3000]*([^\s，。；：,;:！？!?]{4,50}(?:" + "|".join(TITLE_KINDS)
                          + r")(?:[(（]?(?:19|20)\d\d(?:年度?)?[)）]?)?)[ \t\u3000]*\1")


_OPEN = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "〔": "〕", "〝": "〞"}
_CLOSE_OF = {"”": "“", "’": "‘", "》": "《", "）": "（", ")": "(", "】": "【", "〕": "〔", "〞": "〝"}
_FAMILY = {"(": "（", ")": "）", "〝": "“", "〞": "”"}  # width variants and 〝〞 pair with the full forms
_MARKS = re.compile("[" + re.escape("".join(_OPEN) + "".join(_CLOSE_OF)) + "]")
_QUOTES = re.compile("[“”]")
_WIDTH_PAIR = {"(": ")", "（": "）"}  # a pair must keep one width
_MARKER_CLOSER = re.compile(r"(?:^|(?<=[\s。；;：:，,、}\]】]))[\dA-Za-z一二三四五六七八九十]{1,3}$")


def _first_item_glued(text: str, i: int) -> bool:
    """Whether the ) at ``i`` closes the label of a first item glued to the words before it (……具体要求1)要明确……
    2)建立……): its number is 1 and the item 2 with the same closer follows in the paragraph, as the next item."""
    if text[i - 1:i] != "1" or text[i - 2:i - 1].isdigit():
        return False
    nxt = text.find("2" + text[i], i + 1)
    return nxt > 0 and not text[nxt - 1].isdigit()


def _norm_mark(ch: str) -> str:
    return _FAMILY.get(ch, ch)


_MARK_CHARS = re.escape("".join(_OPEN) + "".join(_CLOSE_OF))
_MARK_SET = tuple(dict.fromkeys((*_OPEN, *_CLOSE_OF)))  # each mark _MARKS finds
_DOUBLED_OPEN = re.compile("[“〝][“〝]")
# an innermost pair: an opener, no mark or line break, a closer of the same family; every
# branch begins with a plain character, so re skips ahead to the marks
_INNERMOST = re.compile("|".join(
    f"{re.escape(o)}[^{_MARK_CHARS}\\n]*{re.escape(c)}"
    for o in _OPEN for c in _CLOSE_OF
    if _OPEN[o] == c or (o in "“〝" and c in "”〞")  # brackets of mixed widths are T102's business
))


def _first_mark(text: str) -> re.Match[str] | None:
    """``_MARKS.search(text)``, after a look for each mark with ``str.find``: a text whose marks all
    paired up in one pass holds none, and sixteen searches for one character each cost a third of
    the class scan that finds nothing."""
    return _MARKS.search(text) if any(c in text for c in _MARK_SET) else None


def _unpaired_blocks(ctx: Context) -> set[int]:
    """Blocks whose marks do not simply pair up: innermost pairs (（…）, “…”) are removed from
    the whole text a few times over, and the blocks left with a mark are examined one by one."""
    text = ctx.body.text
    first = _first_mark(text)  # the first mark left; once there is none, no pass can remove more
    for _ in range(8):
        if first is None:
            break
        reduced = _INNERMOST.sub("", text)
        if len(reduced) == len(text):
            break
        text = reduced
        first = _first_mark(text)
    if text.count("\n") != len(ctx.doc.blocks) - 1:  # a block with a line break inside: examine all
        return {b.index for b in ctx.doc.blocks}
    doubled: set[int] = set()
    if "〝" in ctx.body.text or "““" in ctx.body.text:  # ““ is reported even when paired
        doubled = {b.index for b, _, _ in ctx.body.finditer(_DOUBLED_OPEN)}
    # the lines left with a mark, found by one scan: line numbers counted from one mark to the next
    left: set[int] = set()
    line, pos, m = 0, 0, first
    while m is not None:
        line += text.count("\n", pos, m.start())
        left.add(line)
        end = text.find("\n", m.end())
        if end < 0:
            break
        line, pos = line + 1, end + 1
        m = _MARKS.search(text, pos)
    return doubled | left


_WORDS = re.compile(r"[\w\u3400-\u9fff]")  # a word's character: what a quotation turned back to front holds


def reversed_quotes(text: str, depth: int = 0) -> list[int]:
    """Positions of quotes written back to front (”快递进村“): a ” that closes nothing,
    followed within 30 characters by a “ that nothing closes before the next “. ``depth``: quotations open at the
    start of ``text`` (opened in the lines above it)."""
    out: list[int] = []
    stray = -99  # the last ” that closed nothing, when it is no part of a reversed pair: it may open ”六个关系”
    for m in _QUOTES.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "“":
            depth += 1
        elif depth:
            depth -= 1
        elif 2 <= i - stray <= 31 and "\n" not in text[stray:i]:
            stray = -99  # ”六个关系”: a quotation opened with the wrong mark, closed here; the “ after it opens anew
        else:
            stray = i
            nxt = _QUOTES.search(text, i + 1)
            if nxt and nxt.group() == "“" and 2 <= nxt.start() - i <= 31 and "\n" not in text[i:nxt.start()] \
                    and _WORDS.search(text, i + 1, nxt.start()):  # ”。……“ ends one quotation and opens the next
                after = _QUOTES.search(text, nxt.start() + 1)
                if after is None or after.group() == "“":
                    out += [i, nxt.start()]
                    stray = -99
    return out


_WRAPPED_LINES = 8  # lines of hard-wrapped running text (blank ones between them too) read back for an open quotation


def _open_above(ctx: Context, index: int) -> bool:
    """Whether a quotation is open at the start of block ``index``: the lines right above it run on into it (a hard
    line break in running text, no sentence end at the line's end: ……指出，“全面建 / 设……仍然在农 / 村”，明确要“……)
    and open more “ than they close."""
    depth = 0
    below = ctx.doc.blocks[index]
    # a line opening with its ” under a paragraph that ended: a copy that broke the text after a quotation's full
    # stop (……修改为“……优生优育。 / ”并增加了“……) moved the ” there; it closes that quotation when the last quote mark
    # above it opens one (a converter turns a pair round inside a sentence, not at a paragraph's head)
    moved = below.text.lstrip().startswith("”")
    for b in reversed(ctx.doc.blocks[max(0, index - _WRAPPED_LINES):index]):
        text = b.text.rstrip()
        if not text:
            continue  # a PDF's lines copied one to a paragraph, blank lines between
        if not _compatible(b, below) or b.index in ctx.residue:
            return False
        if text[-1] in SENTENCE_ENDS:
            return moved and _last_quote_opens(ctx, b.index)
        depth += text.count("“") - text.count("”")
        if depth > 0:
            return True
        moved = False
        below = b
    return False


def _last_quote_opens(ctx: Context, index: int) -> bool:
    """Whether the last quote mark at or above block ``index`` (a few paragraphs back, residue passed over) is a “
    that opens a quotation, not a ” that closed one."""
    for b in reversed(ctx.doc.blocks[max(0, index - _WRAPPED_LINES):index + 1]):
        if b.index in ctx.residue:
            continue
        opens, closes = b.text.rfind("“"), b.text.rfind("”")
        if opens >= 0 or closes >= 0:
            return opens > closes
    return False


def _compatible(a: Block, b: Block) -> bool:
    """Can a bracket opened in ``a`` close in ``b``, the next block? Lines of running text
    (a PDF line break, a re-joined text file) and paragraphs of one table cell can; a
    cell and the text around its table cannot."""
    if (a.kind == "cell") != (b.kind == "cell"):
        return False
    return a.kind != "cell" or a.table == b.table


def _single_marks(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.block == f.end_block and f.end - f.start == 1 and _MARKS.fullmatch(f.excerpt)]


# “打非治违“专项行动: a short term quoted and closed with the opening mark, the sentence going on after it (two
# quotations left open hold a clause or a modifier between them: 开展“百日攻坚行动，争创“示范镇,
# 按照“守纪律和县委提出的“讲规矩). A campaign's name runs to 8 or 10 characters (“百日安全集中整治“活动); one that
# long holds no 的, 和, 与, 及, 并, 或 (which would join a clause to the next quotation)
_CLOSED_AS_OPENED = re.compile(r"(?:[\u4e00-\u9fff]{2,6}(?<![的和与及])|(?:(?![的和与及并或])[\u4e00-\u9fff]){7,10})"
                               r"“[\u4e00-\u9fff]")


# what follows a quotation's close and never an opening quote: 的 before the noun it qualifies (“……“的工作要求), or a
# clause's or sentence's end
_AFTER_A_CLOSE = "的，,。；;、：:！？"


def _closes_as_opened(text: str, first: Finding, second: Finding) -> bool:
    """Whether two opening quotes of one paragraph are a quotation closed with the opening mark: the second is followed
    by what only follows a close (“加快转型、提升品质、迎接发展“的工作要求), at most 30 characters after the first, no
    quote mark between."""
    if (first.excerpt, second.excerpt) != ("“", "“") or second.start - first.end > 30:
        return False
    after, inner = text[second.end:second.end + 1], text[first.end:second.start]
    # the first opens words (not a close itself, as in '两个确保“,围绕'九大战略“ where ' opened each), none between
    return after != "" and after in _AFTER_A_CLOSE and "\u4e00" <= inner[:1] <= "\u9fff" \
        and _QUOTES.search(inner) is None and "'" not in inner and "‘" not in inner


def _one_per_spot(ctx: Context, rule: Rule, found: list[Finding], near: int) -> Iterator[Finding]:
    """Unmatched marks that sit close together in one paragraph are one damaged spot, said
    once: ”心晴” (two closing quotes: the first should open) → one finding at the first;
    “打非治违“专项 (a short term closed with the opening mark) → one at the second; (( → the first;
    “甲，“乙 (two quotations left open, a clause between) stays two;
    ((保密工作》 (openers of another kind before a closer: a garbled 《) → one finding over
    the spot; marks of two kinds → the first."""
    singles = _single_marks(found)
    alone = {id(f) for f in singles}
    out = [f for f in found if id(f) not in alone]
    singles.sort(key=lambda f: (f.block, f.start))
    clusters: list[list[Finding]] = []
    for f in singles:
        last = clusters[-1][-1] if clusters else None
        if last and last.block == f.block and (f.start - last.end <= near or _closes_as_opened(
                ctx.doc.blocks[f.block].text, last, f)) \
                and "\n" not in ctx.doc.blocks[f.block].text[last.end:f.start]:
            clusters[-1].append(f)
        else:
            clusters.append([f])
    for cluster in clusters:
        text = ctx.doc.blocks[cluster[0].block].text
        marks = [f.excerpt for f in cluster]
        i = 0
        rest: list[Finding] = []
        flipped = False  # a quotation of this spot was opened with the closing mark
        while i < len(cluster):
            f = cluster[i]
            # ”心晴”: a closer that closes nothing, then one that closes it — the first should
            # open. (“甲“乙 alone is not the mirror case: the closers are as often lost altogether;
            # right after a quotation opened back to front, “乙“ is its twin, closed with the opener.)
            pair = marks[i:i + 2]
            if pair == ["”", "”"] or (pair == ["“", "“"] and (flipped or _CLOSED_AS_OPENED.fullmatch(
                    text, f.end, cluster[i + 1].end + 1) is not None or _closes_as_opened(text, f, cluster[i + 1]))):
                g = cluster[i + 1]
                inner = text[f.end:g.start]
                if len(inner) <= 30 and _QUOTES.search(inner) is None:
                    at, flipped = (f, True) if pair[0] == "”" else (g, False)
                    out.append(rule.finding(ctx.doc, at.block, at.start, at.end,
                                            key="wrong_open" if at is f else "wrong_close",
                                            text=text[f.start:g.end], expected=f"“{inner}”"))
                    i += 2
                    continue
            j = i
            while j < len(cluster) and marks[j] in _OPEN and marks[j] not in "“〝":
                j += 1
            if j > i and j < len(cluster) and marks[j] in _CLOSE_OF and marks[j] not in "”〞" \
                    and all(_norm_mark(m) != _norm_mark(_CLOSE_OF[marks[j]]) for m in marks[i:j]):
                close = marks[j]
                out.append(rule.finding(ctx.doc, f.block, f.start, cluster[j].end, key="garbled",
                                        text=text[f.start:cluster[j].end], opens="".join(marks[i:j]), close=close,
                                        partner=_CLOSE_OF[close]))
                i = j + 1
                continue
            # the first mark of a damaged spot speaks for it: ((, or marks of two kinds; the
            # same mark twice apart (“甲“乙) is two omissions, each reported
            prev = rest[-1] if rest else None
            if prev is None or f.start - prev.end > near or (
                    f.start != prev.end and _norm_mark(f.excerpt) == _norm_mark(prev.excerpt)):
                out.append(f)
            rest.append(f)
            i += 1
    return iter(sorted(out, key=Finding.sort_key))


# one hyphen between two numbers of a quantity (3-5年, 10-20万元, 2021-2025年): a range, which takes the 连接号 — or ～
# (GB/T 15834-2011 4.13.3); not a standard's or a model's number (GB/T 9704-2012, A4-3), a date (2024-01-02) or a phone
# number, which no unit follows; nor the last digits of a figure with thousands separators before a negative change
# (125,000-22.44%: the cells of a flattened table, a figure and its growth rate run together)
_HYPHEN_RANGE = re.compile(r"(?<![A-Za-z0-9/.\- \t])(?<!\d,)\d{1,4}(?:\.\d+)?(-)\d{1,4}(?:\.\d+)?"
                           r"(?=(?:万|亿)?(?:年|月|日|个|项|元|人|次|家|户|台|件|倍|岁|天|周|小时|分钟|公里|米|吨|亩|%|％"
                           r"|字|轮|张|篇|份|名|场|期|批|页|套|辆|座|所|公斤|千克|平方米|立方米))")
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d-(?:19|20)\d\d$")
# two adjacent numerals telling an approximate number take no 顿号 (三、四天 → 三四天; GB/T 15834-2011
# 4.5.3.4). Only after a Chinese word (约三、四天, 需要五、六个): at a line's start or after a mark, 三、 is a
# heading's number before its words (三、四项措施的落实情况); after 第 the two are ordinals (第三、四季度); before 月,
# 年级 (年級 in a traditional text) or 季度 they name months, grades or quarters (三、四月份), which a list may join
# with 顿号
_APPROX_BEFORE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![第〇零一二三四五六七八九十百千两几])[一二三四五六七八九]$")
_APPROX_AFTER = re.compile(r"[二三四五六七八九十]"
                           r"(?=[十百千万]?(?:个|天|人|名|次|年(?![级級])|岁|小时|分钟|周|倍|户|家|项|遍|公里|米|斤))")
_DIGITS = "一二三四五六七八九十"
# … and the same in Arabic digits (每周3、4个会议 → 三四个): an approximate number of adjacent numerals is written in
# Chinese numerals, with no 顿号 (GB/T 15835-2011 4.2.2: 三四个月); only after a Chinese word, not after 第 (第3、4条)
# or another digit (13、14个), and only before a classifier or a unit of time (3、4月份 names two months)
_APPROX_DIGITS = re.compile(r"([1-8])、([2-9])"
                            r"(?=(?:个|天|人|名|次|年(?![级級])|岁|小时|分钟|周|倍|户|家|项|遍|公里|米|斤))")
# a 省略号 says the list goes on, and so does 等: one of them is enough (……等 → ……; GB/T 15834-2011 A.9.2)
_ELLIPSIS_DENG = re.compile(r"(?:……|…)\s*(等等|等)(?![级待候同于到])")
# an ordinal word opening a sentence takes a comma (第一，首先，; GB/T 15834-2011 B.3.1), not the 顿号 of 一、; not a
# list of ordinals (第一、第二批, 第一、二季度)
_ORDINAL_BEFORE = re.compile(r"(?:第[一二三四五六七八九十]{1,2}|首先|其次|再次)$")
_NOT_AN_ORDINAL_LIST = "第一二三四五六七八九十"
_SENTENCE_OPENS = "。；;：:！？ \t\n\u3000"  # what may stand before an ordinal word that opens a sentence
_APOSTROPHE = re.compile(r"(?<=[A-Za-z0-9])‘(?=[A-Za-z0-9])")  # ‘ typed for the apostrophe (COSCon‘20, don‘t)
_APOSTROPHES = re.compile(r"(?<=[A-Za-z0-9])[‘’](?=[A-Za-z0-9])")  # … or the apostrophe itself (don’t)
# a page's pinyin reading whose opening bracket and character were lost to a ? (當(dāng)?shù)赝: 当地, read by a
# converter that could not map it): the ) closes the reading, which X103 reports with the others
_LOST_READING = re.compile(rf"\?[a-zü]*[{TONED}][a-zü]*$")
_EMOTICON = re.compile(r"(?:^|(?<=[\s\u4e00-\u9fff，。！？；：,.!?]))[:;=]-?[()]$")  # :-) ;) =( typed in a note


_ASCII_AROUND = re.compile(r"[ -~]+")  # a run of printable ASCII and spaces
# a full stop typed for the decimal point of an amount (总投资122。8万元, 增长12。5%: an input method in Chinese mode
# types 。 for the . key): digits on both sides and a unit after; not a sentence that ends on a figure before one that
# opens with one (……共3人。5月……: no unit right after the digits)
_DECIMAL_STOP_SOURCE = r"(?<=\d)。(?=\d{1,3}\s*(?:万|亿|元|%|％|个百分点|倍|吨|公里|千米|平方米|平方公里|亩|公顷|米))"
_DECIMAL_STOP = PatternSet([_DECIMAL_STOP_SOURCE])
_STOP_BEFORE_DIGIT = re.compile(r"。(?=\d)")  # (a literal 。 first: ``re`` skips to each, where the pattern's
# lookbehind made it try every character of the text)


def _decimal_stops_may_be(text: str) -> bool:
    """Whether ``text`` holds a 。 between two digits, where ``_DECIMAL_STOP`` may match."""
    return any(text[m.start() - 1:m.start()].isdigit() for m in _STOP_BEFORE_DIGIT.finditer(text))


def _no_mark(ctx: Context, f: Finding) -> bool:
    """Whether a finding points at one character that is no quotation mark or bracket: an apostrophe between Latin
    letters or digits (’, or ‘ typed for it, which T103 reports), the bracket of an ASCII emoticon (;-), :)), the
    close of a pinyin reading whose opening was lost (?shù), the 〔 of a document number that lost its 〕 (T108 says
    so, with the number to write), or one among the random tokens a forum hides against copying (D( z3 n, B101's
    jammer text)."""
    if f.excerpt == "〔" and f.end_block == f.block \
            and DOCNO_LOST_CLOSE.pattern.match(ctx.doc.blocks[f.block].text, f.start) is not None:
        return True  # 〔201912号: T108 names the 〕 a document number lost after its year, with the number to write
    if f.end_block != f.block or f.end - f.start != 1 or f.excerpt not in "‘’()":
        return False
    text = ctx.doc.blocks[f.block].text
    if f.excerpt in "‘’":
        return _APOSTROPHES.match(text, f.start) is not None
    if _EMOTICON.search(text, max(0, f.start - 3), f.end) is not None:
        return True
    if f.excerpt == ")" and _LOST_READING.search(text, max(0, f.start - 8), f.start) is not None:
        return True
    # a bracket among a forum's jammer text (4 U+ D( z3 n i%, which B101 reports): short ASCII tokens all round
    m = _ASCII_AROUND.search(text, max(0, f.start - 30), f.end + 30)
    while m is not None and m.end() <= f.start:  # the run of ASCII the bracket stands in
        m = _ASCII_AROUND.search(text, m.end(), f.end + 30)
    tokens = m.group().split() if m is not None and m.start() <= f.start else []
    # (two tokens of two lines a PDF joined make one of four: ^)y+)
    short = sum(len(t) <= 2 for t in tokens)
    return len(tokens) >= 4 and all(len(t) <= 4 for t in tokens) and short * 4 >= len(tokens) * 3


def check_pairs(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Checks that “” ‘’ 《》 （） 【】 〔〕 pair up, and reports the unmatched mark, a doubled
    opening quote (““) and a pair of mixed widths (“(”…“）”). A bracket may close in the
    next lines (a PDF line break, text re-joined from a file, the paragraphs of one table
    cell), never across a table's edge. Unmatched marks close together are one damaged
    spot and make one finding: two closing quotes around a word (”…”) point at the
    opening one, openers of another kind before a closer ((…》) are reported together.
    A quotation running over several paragraphs —
    each opens with “ and only the last closes — is accepted, also when a web copy runs
    its paragraphs onto one line (修改为：“……。“……。”). ) after an item number (1)、
    a)) is not a stray closer. 〝〞 count as quotes here (T103 reports their form);
    quotes written back to front (”…“) are T104's. A mark opened in the last sentence of a text that stops in
    mid-sentence (a page's preview, a copy that lost its end) is left alone: it may close past the cut. So is a
    lone bracket of a text where a web page scattered marks inside the words (人?民, 管理【条例: B101 reports
    them once): it is one of them.
    ## Parameters
    ``carry``: over how many following blocks an opened bracket may close (default 3);
    ``summary_over``: more mixed-width pairs, or more opening quotes left open, than this
    make one finding with the count (quotes mangled throughout a text are said once);
    ``near``: unmatched marks at most this many characters apart are one spot (default 12).
    ## Example
    坚持把“保证抓党建作为… (no closing ”) → T102 at “."""
    tail = open_tail(ctx)  # a mark opened in the last sentence of a text that stops there may close past the cut
    scattered = scattered_marks(ctx).blocks  # marks a web page scattered inside the words: B101's one finding
    found = [f for f in _one_per_spot(ctx, rule, list(_pairs(ctx, rule)), rule.params.get("near", 12))
             if not _no_mark(ctx, f) and not (tail is not None and _may_close_past(ctx, f, tail))
             and not _runs_into_hidden_text(ctx, f)
             and not (scattered and f.end_block == f.block and f.excerpt and MARKS.issuperset(f.excerpt))]
    # the lone marks reported, for T103: a half-width bracket without a partner gets this finding only
    ctx.cache["T102 marks"] = {(f.block, f.start) for f in found if f.end_block == f.block and f.end == f.start + 1}
    over = rule.params.get("summary_over", 3)
    # an opening quote left open again and again: the quotes of the whole text were mangled by
    # a page or a converter ('两个确保“ for “两个确保”), one finding for the document, not one a pair
    lone = [f for f in found if f.excerpt in ("“", "〝") and f.end_block == f.block and f.end - f.start == 1]
    if len(lone) > over:
        mark = lone[0].excerpt
        yield from _summarised(ctx, rule, found, lone, key="unpaired_summary", mark=mark,
                               partner="”" if mark == "“" else "〞")
    elif len(quotes := [f for f in found if _quote_finding(f)]) > over:
        # quotes left open and written back to front all through a text (”两个结合”…“思想航标): one finding
        yield from _summarised(ctx, rule, found, quotes, key="quotes_summary", text=quotes[0].excerpt)
    else:
        yield from found


_QUOTED_SENTENCE = 12  # characters of a quotation up to its first sentence end that make it a quoted sentence
_QUOTED_RUN = 200  # characters from such a quotation's opening to the cut, at most
_ANY_QUOTE = re.compile(r"[“”〝〞]")


def _may_close_past(ctx: Context, f: Finding, tail: tuple[int, int]) -> bool:
    """Whether the mark ``f`` reports left open may close past the place a text stops in mid-sentence (``tail``: the
    last paragraph and where its last sentence begins): opened in that last sentence; or a quotation of whole sentences
    opened shortly before it in the paragraph with no quote mark after it (关于“……办法不多。局党组未制定……), which runs
    on to the cut. A short phrase cut by a full stop (做好“三个到位。) is no quoted sentence, nor is a quotation with
    hundreds of characters after it before the cut (a viewer's page, and the next one it runs on into)."""
    if f.end_block != f.block or f.excerpt not in _OPEN:
        return False
    if (f.block, f.start) >= tail:  # (in a later paragraph: the last page of a viewer, going on with that sentence)
        return True
    if f.block != tail[0]:
        return False
    text = ctx.doc.blocks[f.block].text
    stop = min((i for i in (text.find(m, f.end) for m in "。！？!?") if i >= 0), default=-1)
    return f.excerpt == "“" and stop - f.end >= _QUOTED_SENTENCE and not _ANY_QUOTE.search(text, f.end) \
        and len(text) - f.end + sum(len(b.text) for b in ctx.doc.blocks[f.block + 1:] if b.index not in ctx.residue) \
        <= _QUOTED_RUN


def _runs_into_hidden_text(ctx: Context, f: Finding) -> bool:
    """Whether the mark ``f`` reports left open was opened in the sentence that runs into a site's prompt where it hid
    part of the text (……大力开展“消费提振年 / ……(……省略912字,正式会员可完整阅读)……; B101's ``hidden_patterns``):
    it may close in the hidden part."""
    if f.end_block != f.block or f.excerpt not in _OPEN:
        return False
    hidden = hidden_prompts(ctx)
    if hidden is None:
        return False
    blocks = ctx.doc.blocks
    text = blocks[f.block].text
    here = hidden.pattern.search(text, f.end)
    if here is not None:  # the prompt in the same paragraph after the mark, with no sentence end between
        return not any(ch in SENTENCE_ENDS for ch in text[f.end:here.start()])
    if any(ch in SENTENCE_ENDS for ch in text[f.end:]):
        return False
    following = next((b for b in blocks[f.block + 1:] if b.text.strip()), None)
    return following is not None and hidden.search(following.text) is not None


def _summarised(ctx: Context, rule: Rule, found: list[Finding], group: list[Finding], key: str,
                **fields: Any) -> Iterator[Finding]:
    """``found`` with the findings of ``group`` said once: at the first of them, with their count and the others'
    lines as related places."""
    kept = {id(f) for f in group}
    yield from (f for f in found if id(f) not in kept)
    first = group[0]
    yield rule.finding(ctx.doc, first.block, first.start, first.end, key=key, count=len(group),
                       related=[{"path": ctx.doc.path, "line": f.block + 1} for f in group[1:]], **fields)


def _quote_finding(f: Finding) -> bool:
    """A finding on a lone quote mark, or on a quotation opened with the closing mark (”……”)."""
    return f.end_block == f.block and (f.excerpt in ("“", "”", "〝", "〞") or (
        len(f.excerpt) > 2 and f.excerpt[0] == f.excerpt[-1] == "”"))


def _pairs(ctx: Context, rule: Rule) -> Iterator[Finding]:
    unpaired = _unpaired_blocks(ctx)
    if not unpaired:
        return  # every mark pairs up in its own block
    blocks = _body(ctx)
    position = {b.index: pos for pos, b in enumerate(blocks)}  # place among the body blocks
    carry_limit = rule.params.get("carry", 3)
    candidates = sorted(i for i in unpaired if i in position)
    carried: list[tuple[str, int, int, str, int]] = []  # mark, block, offset, written form, blocks crossed
    chained: dict[tuple[int, int], tuple[str, int, int, str, int]] = {}  # a quoted paragraph's “ → the one before
    last_pos = -2
    mixed: list[tuple[int, int, int, str, str]] = []
    for index in candidates:
        b, pos = ctx.doc.blocks[index], position[index]
        gap = pos - last_pos
        if carried:  # short lines crossed (a contact list inside one bracket: 联系人：… 电话：…) count a third each
            short = sum(1 for k in range(last_pos + 1, pos + 1) if len(blocks[k].text.strip()) <= _LIST_LINE)
            gap -= short - (short + 2) // 3
        if carried and not all(_compatible(blocks[k], blocks[k + 1]) for k in range(last_pos, pos)):
            gap = carry_limit + 1
        yield from _unclosed(ctx, rule, [c for c in carried if c[4] + gap > carry_limit], chained)
        stack = [(m, blk, at, form, n + gap) for m, blk, at, form, n in carried if n + gap <= carry_limit]
        last_pos = pos
        text = b.text
        skip = set(reversed_quotes(text))
        carried = []
        for found in _MARKS.finditer(text):  # only the marks themselves, not every character
            i, ch = found.start(), found.group()
            if i in skip:
                continue
            if ch in _OPEN:
                if ch in "“〝" and i + 1 < len(text) and text[i + 1] in "“〝":
                    yield rule.finding(ctx.doc, b.index, i, i + 2, key="doubled", mark=ch)
                    continue
                if ch in "“〝" and stack and _next_paragraph(text, stack[-1], b.index, i):
                    chained[(b.index, i)] = stack.pop()  # the quoted paragraph before stays open, as it should
                stack.append((_norm_mark(ch), b.index, i, ch, 0))
            elif ch in _CLOSE_OF:
                opener = _norm_mark(_CLOSE_OF[ch])
                if stack and stack[-1][0] == opener:
                    _, blk, at, form, _ = stack.pop()
                    if (blk, at) in chained and not _ends_sentence(text, i):
                        stack.append(chained.pop((blk, at)))  # “…。“两个确保”是…” — a quotation inside, not a paragraph
                    if form in _WIDTH_PAIR and _WIDTH_PAIR[form] != ch and blk == b.index:
                        mixed.append((b.index, at, i + 1, form, ch))
                elif any(o == opener for o, *_ in stack):
                    while stack and stack[-1][0] != opener:
                        mark, blk, at, form, _ = stack.pop()
                        yield rule.finding(ctx.doc, blk, at, at + 1, mark=form, partner=_OPEN.get(form) or _OPEN[mark])
                    stack.pop()
                elif ch in "）)" and (_MARKER_CLOSER.search(text[:i]) or _first_item_glued(text, i)):
                    continue
                else:
                    yield rule.finding(ctx.doc, b.index, i, i + 1, mark=ch, partner=_CLOSE_OF[ch])
        nxt = blocks[pos + 1].text.lstrip() if pos + 1 < len(blocks) else ""
        for entry in stack:
            mark, blk, at, form, crossed = entry
            if mark == "“" and blk == b.index and text.lstrip().startswith(("“", "〝")) and nxt.startswith(("“", "〝")):
                continue  # a quotation that goes on in the next paragraph
            if crossed < carry_limit and pos + 1 < len(blocks):
                carried.append(entry)
            else:
                yield from _unclosed(ctx, rule, [entry], chained)
    yield from _unclosed(ctx, rule, carried, chained)
    over = rule.params.get("summary_over", 3)
    for index, start, end, form, close in mixed[:1] if len(mixed) > over else mixed:
        yield rule.finding(ctx.doc, index, start, end, key="mixed_summary" if len(mixed) > over else "mixed",
                           open=form, close=close, count=len(mixed))


_LIST_LINE = 40  # a line this short (a name and a telephone number) is an entry of a list, not a paragraph


def _unclosed(ctx: Context, rule: Rule, entries: list[tuple[str, int, int, str, int]],
              chained: dict[tuple[int, int], tuple[str, int, int, str, int]]) -> Iterator[Finding]:
    """The findings on marks left open; a quotation of several paragraphs left open is reported at its first “."""
    for entry in entries:
        while (entry[1], entry[2]) in chained:
            entry = chained.pop((entry[1], entry[2]))
        mark, blk, at, form, _ = entry
        yield rule.finding(ctx.doc, blk, at, at + 1, mark=form, partner=_OPEN.get(form) or _OPEN[mark])


def _ends_sentence(text: str, at: int) -> bool:
    """Whether a sentence ends right before ``at`` (blanks aside)."""
    j = at
    while j > 0 and text[j - 1] in " \u3000":
        j -= 1
    return j > 0 and text[j - 1] in "。！？!?；;…"


_PARAGRAPH = 15  # a quoted paragraph holds a sentence at least this long: 提出“两个确保。“三个一”… is a lost ”


def _next_paragraph(text: str, top: tuple[str, int, int, str, int], index: int, at: int) -> bool:
    """Whether the “ at ``at`` opens the next paragraph of a quotation whose paragraph ``top`` opened: a quotation of
    several paragraphs opens each with “ and closes only the last (GB/T 15834-2011 4.1.3.3), and a web copy runs them
    together on one line (修改为：“……。“……。“……。”). The paragraph before ends a sentence (or a colon before an
    item: ……决定：“（一）……), is no short phrase, and holds no quotation mark."""
    mark, blk, start, _, _ = top
    if mark != "“" or blk != index or at - start <= _PARAGRAPH or _QUOTES.search(text, start + 1, at) is not None:
        return False
    return _ends_sentence(text, at) or (text[at - 1:at] in "：:" and _ITEM_OPENS.match(text, at + 1) is not None)


# a quoted paragraph after one ending in a colon opens a list's item (“（一）…；“（二）…。”), else the “ after the colon
# opens a quotation inside the quotation (规定：“……”)
_ITEM_OPENS = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]"
                         r"|第[一二三四五六七八九十百]+条")


_ODD_QUOTE = re.compile(r"[〝〞]")
# an event named by its month and day in Arabic numerals (“4.11”风暴, “7.20”暴雨): GB/T 15834-2011 4.14.3.5 puts the
# 间隔号 between them (“4·11”), not a point
_EVENT_DATE = re.compile(r"“(1[0-2]|[1-9])[.．。](3[01]|[12]\d|[1-9])”(?=[\u4e00-\u9fff]{0,6}"
                         r"(?:事件|灾害|灾情|地震|暴雨|洪水|洪灾|风暴|事故|火灾|爆炸|案件?|惨案|台风|山洪|泥石流|冰雹|龙卷风|疫情|专案))"
                         # … or a bullet typed for the 间隔号 (“10•31”, “7・20”): no other use between a month and a day
                         r"|“(?P<month>1[0-2]|[1-9])[•・‧∙](?P<day>3[01]|[12]\d|[1-9])”")
# a 书名号 inside a 书名号 in one line: typed twice (《《办法》》) or a title within a title that keeps 《》
# inside, where GB/T 15834-2011 4.9.3.3 takes the single 〈〉 for the inner one (《关于印发〈办法〉的通知》)
_NESTED_BOOK = re.compile(r"《([^《》\n]{0,40})《([^《》\n]{1,60})》([^《》\n]{0,40})》")
# … and the inner one typed with ASCII angle brackets (《贯彻<规定>的实施办法》): Chinese words inside, so no markup tag
_ASCII_INNER_BOOK = re.compile(r"(?<=《)([^《》<>\n]{0,40})<(?=[^<>《》\n]{0,60}?[\u4e00-\u9fff])([^<>《》\n]{1,60})>"
                               r"(?=[^《》<>\n]{0,40}》)")
# a cited notice whose 的通知 was left outside the title (……、《××指导方案》的通知（沪×〔2025〕137号）): the name of the
# document cited, up to its 文号, is one title (GB/T 15834-2011 4.9.3.1; 公文 practice cites a document by its title,
# then its 文号); after 印发 or 转发 (关于印发《××办法》的通知（×发〔2024〕3号）) the inner title stands marked in
# running words, the common way of citing an issuing notice
_BOOK_OUTSIDE = re.compile(r"《[^《》\n]{2,80}》的(?:通知|批复|函)(?=[（(][^）)\n]{0,24}?〔(?:19|20)\d\d〕)")
_ISSUED_BY = re.compile(r"(?:印发|转发|颁发|批转|下发|出台|发布)\s*$")
# a quotation inside a quotation in one line, both in double quotes (“着力延伸“口岸+”产业链”): the inner one takes the
# single quotes ‘’ (GB/T 15834-2011 4.8, 引号); text between the two openings, so that a doubled mark (““十三五””)
# is not taken for a nested quote
_NESTED_QUOTE = re.compile(r"“([^“”\n]{1,40})“([^“”\n]{1,30})”([^“”\n]{0,40})”")
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
# the half-width marks ,;:?!(). that _half_in_han can report: each it reports stands before a Chinese character, a “,
# a line break or the end of the text (most marks stand between digits or Latin letters: 3.5, (1), e.g.); a : also
# before spaces and Chinese text, a , ; : before a digit. One class first and the alternatives inside the look-ahead
# (not three top-level branches, the first a class): ``re`` then skips in C to the marks alone instead of trying the
# pattern at every character (the scan of the rules' reports: 11 ms -> 3.3 ms over 70 of them)
_HALF_CANDIDATE = re.compile(r"[,;:?!().](?=[\u4e00-\u9fff“\n]|\Z|(?<=:)[ \t\u3000]+[\u4e00-\u9fff“\d]"
                             r"|(?<=[,;])[ \t\u3000]+[\u4e00-\u9fff“]|(?<=[,;:])[\d（《])")
# the blanks an English habit puts after a comma or a semicolon (来, 全国): the full-width mark takes its own room,
# so the fix drops them with the mark (GB/T 15834-2011 sets the full-width marks of Chinese text, each in its own
# character cell)
_BLANKS_AFTER = re.compile(r"[ \t\u3000]+(?=[\u4e00-\u9fff“])")
_LATIN_NEAR = re.compile(r"[A-Za-z][^\n]*$")  # a Latin letter on the line before a mark: English around it
_PROSE_MARK = re.compile(r"[。，；！？]")


def _spaced_in_prose(text: str, i: int) -> bool:
    """Whether the , or ; at ``i``, with a blank after it, stands in a line of Chinese prose (a full-width mark of a
    sentence elsewhere on the line: 来, 全国人民……。), not in a list of terms of program code or a form (公式, 创业训练)
    nor in English that lists Chinese words (typos such as 扶再贷款, 以工代贩), whose comma is English."""
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    return _LATIN_NEAR.search(text, max(start, i - 30), i) is None and _PROSE_MARK.search(text, start, end) is not None


# ASCII hyphens for a dash (GB/T 15834: —— 破折号, — 连接号): next to Chinese text or a quote,
# or between numbers and dates (2018--2022年, 15日--28日)
_ASCII_DASH = re.compile(r"(?:(?<=\d)|(?<=\d[日月年号时点]))(-{2,})(?=\d)"
                         r"|(?<=[\u4e00-\u9fff“”\"])-{2,}|-{2,}(?=[\u4e00-\u9fff“”\"])")
# a half-width pair around Chinese words (县(市、区), (2021—2023年), (一)): one finding, both
# marks counted; (1) and (API) between Chinese words are not Chinese text
_HALF_PAIR = re.compile(r"\(([^()（）\n]{1,60})\)")
_MIXED_AFTER = re.compile(r"[^()（）\n]{0,60}）")
_MIXED_BEFORE = re.compile(r"（[^()（）\n]{0,60}$")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
# a pair of ASCII straight quotes in Chinese text: "AI+工业软件"
_STRAIGHT = re.compile(r"(?<=[\u4e00-\u9fff，。、：；（])\"[^\"“”\n]{1,30}\""
                       r"|\"[^\"“”\n]{1,30}\"(?=[\u4e00-\u9fff，。、；）])")


def _half_in_han(text: str) -> Iterator[re.Match[str]]:
    """Half-width marks after a Chinese character and before another (a 。 ： “ may follow
    , ; : ? !); a ``.`` also at the end of a line (a sentence ended with the ASCII point);
    , ; : also after a number or a percentage when Chinese text follows, after a closing ” or 》, and after a
    Chinese character when a number follows."""
    for m in _HALF_CANDIDATE.finditer(text):
        i = m.start()
        if m.group() == ";" and _ENTITY_OPEN.search(text, max(0, i - 10), i):
            continue  # the ; closing a character entity of a page's source (&#9826;电视): B101 reports the entity
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if not "\u4e00" <= before <= "\u9fff":
            # 附件3,地方标准 / 附件1:办法 / 增长24.7%,超额: after a number or a percentage too, when Chinese text
            # follows (not 1,000); 提出“八个增长”: / （不得叠加）;食用油: after a closing quotation, title mark or
            # full-width bracket, Chinese or an end after
            if m.group() in ",;:" and (
                    ((before.isdigit() or before in "%％") and "\u4e00" <= after <= "\u9fff")
                    or (before in "”》）" and ("\u4e00" <= after <= "\u9fff" or after in ("", "\n", "“")))
                    or (before in "%％" and after.isdigit() and _HAN_PERCENT.search(text, max(0, i - 12), i))
                    or (m.group() in ",;" and after in ("", "\n") and _HAN_PERCENT.search(text, max(0, i - 12), i))):
                yield m  # …… 去存20%,2025年: a percentage of a Chinese clause, then the next clause's number; 同比
                # 增长7.8%; closing a line of a list of figures
            elif m.group() == "." and before in "”》）" and after in ("", "\n") \
                    and "\u4e00" <= text[i - 2:i - 1] <= "\u9fff":
                yield m  # ……（金融发展科）. : a sentence of Chinese closed with the ASCII point after its bracket
            continue
        if m.group() == "." and before in _CN_ORDINALS and (i < 2 or text[i - 2] in _LINE_OPENS):
            continue  # 二.存在问题: the stop of a heading's number, not a sentence's end (N106 asks for 二、)
        if m.group() == "." and before in _CN_ORDINALS and text[i - 2:i - 1] not in _CN_ORDINALS + "第" \
                and _RUN_IN_TITLE.match(text, i + 1):
            continue  # ……检查工作四.医疗废物管理: ……: a heading's number run into the line before, its title
            # ending in a colon (a new paragraph and 四、 are the fix, not 。)
        if after in (" ", "\t", "\u3000") and m.group() in ",;" and not _spaced_in_prose(text, i):
            continue
        if "\u4e00" <= after <= "\u9fff" or (after == "“" and m.group() not in "().") or after in (" ", "\t", "\u3000"):
            yield m  # after in " \t\u3000": 附件: 关于……, a colon typed the English way with a space after it
        elif m.group() in ",;:" and (after.isdecimal() or after in "（《"):
            yield m  # 查询,2023年 / 时间:9时 / 储备粮;（二）虚报: Chinese, the mark, then a number or an opening mark
        elif after == "\n" and "\u4e00" <= text[i + 2:i + 3] <= "\u9fff":  # the sentence goes on after a line break
            yield m
        elif m.group() in ".:!?;," and after in ("", "\n"):  # 方案如下: closing a line of Chinese text, a list under
            yield m  # it; 是我们的骄傲! closing a paragraph


# a point after the 的 of a clause without 是 (是……的. may close a sentence), at the end of the searched span: the
# 的 joins what comes before it to the noun after the point, so the point ends no sentence
# (a clause from a break, a 、 of a list or an opening bracket: 报来《关于……工程的.立项报告》, 当(dāng)成他过去的.影子)
_STRAY_DOT = re.compile(r"(?:^|[，。；：！？,;:!?\n、《(（])[^，。；：！？,;:!?\n、《(（是]{1,36}的\.$")
# a backtick between two Chinese characters (局的`相关要求): a page's mark against copying or a slip of the key
# beside 1; no mark of Chinese punctuation (GB/T 15834-2011 lists none such)
_BACKTICK = re.compile(r"(?<=[\u4e00-\u9fff])`(?=[\u4e00-\u9fff])")
_ENTITY_OPEN = re.compile(r"&#?[A-Za-z0-9]{2,9}$")  # a character entity up to its closing ; (&nbsp, &#9826, &9826)
# a percentage right after Chinese text (去存20%), as a clause of a Chinese sentence ends
_HAN_PERCENT = re.compile(r"[\u4e00-\u9fff]\d+(?:\.\d+)?[%％]$")
# Arabic figures typed full-width (１条, ２０２４年) beside Chinese text: GB/T 15835-2011 5.5.1 sets them 二分字身,
# half an em wide (the figures of a full-width input mode); one finding per run of them
_WIDE_DIGIT = re.compile("[\uff10-\uff19]")
_WIDE_DIGITS = re.compile("(?<=[\u4e00-\u9fff])[\uff10-\uff19]+(?:[\uff0e.][\uff10-\uff19]+)?"
                          "|[\uff10-\uff19]+(?:[\uff0e.][\uff10-\uff19]+)?(?=[\u4e00-\u9fff%％])")
_NARROW = str.maketrans("０１２３４５６７８９．", "0123456789.")
# the Small Form Variants of Unicode (U+FE50–FE6B, kept for compatibility with the Taiwanese CNS 11643 set): a code
# converter or a symbol palette leaves them (67.91﹪, 如下﹕); GB/T 15834-2011 writes the marks in their full-width
# forms and GB/T 15835-2011 the percent sign as %. Only those with one standard form in Chinese text (not ﹒, which
# may be a full stop or a point)
_SMALL_FORMS = dict(zip("﹐﹑﹔﹕﹖﹗﹙﹚﹝﹞﹪", "，、；：？！（）〔〕%", strict=True))
_SMALL_FORM = re.compile("[" + "".join(_SMALL_FORMS) + "]")
# a full-width point (U+FF0E, the full-width form of the ASCII full stop) ending a Chinese sentence before the next
# one (补短板强弱项．一方面): the full stop of Chinese text is 。 (GB/T 15834-2011 4.1); not after a numeral, where it
# is an item's marker (一．总则, N106's)
_WIDE_POINT = re.compile("(?<=[\u4e00-\u9fff])(?<![一二三四五六七八九十])\uff0e(?=[\u4e00-\u9fff])")
# 六角括号 〔〕 around anything but a document number's year (国办发〔2017〕47号) or an author's country or
# dynasty (〔英〕, 〔唐〕李白): GB/T 15834-2011 4.9.3 gives them those uses and no other, and a converter or a hand
# that picked them from a symbol menu puts them for （）: 〔5分〕, 〔试行〕, 〔市、区〕. A year, written or left
# blank (〔2024〕, 〔20XX〕, 〔 〕), a blank of placeholder marks (〔…〕, B103's) and a note label (〔注〕) are
# left alone
_HEXAGON = re.compile(r"〔([^〔〕\n]{2,24})〕")
_HEXAGON_KEPT = re.compile(r"[\s\u3000]*(?:(?:19|20|２０)[\dXxＸｘ×*＊]{2}|[\dXxＸｘ×*＊○\s\u3000._…。－—-]+"
                           r"|注释?|按|说明)[\s\u3000]*")
_CN_ORDINALS = "一二三四五六七八九十"
# the title of a heading run into the text before it, up to its colon (四.医疗废物管理:)
_RUN_IN_TITLE = re.compile(r"[\u4e00-\u9fff]{2,16}[:：]")
_LINE_OPENS = "\n \t\u3000"


_DENG_AND_QUOTE: Sequence[tuple[re.Pattern[str], str]] = (
    (re.compile(r"、(?=等)"), "deng"),
    (re.compile(r"“[^“”\"]{1,40}\""), "ascii_quote"),
)


# 学习贯彻、等党中央……: a verb right before the 顿号 means the items of the list were cut out (a model-text site drops
# leaders' names), a gap to fill, not a 顿号 to delete
_CUT_BEFORE = re.compile(r"(?:学习|贯彻|落实|传达|执行|领会|宣传|研究|聆听)\Z")


def _is_deng(text: str, i: int) -> bool:
    """Is the 等 after the 顿号 at ``i`` the word 等 (、等惠民项目), not 等级/等待 (、等级评定)?"""
    if text.startswith("等等", i + 1) or not "\u4e00" <= text[i + 2:i + 3] <= "\u9fff":
        return True
    return (i + 1, i + 2) in _tokens_at(text, i + 1, i + 2)


# marks whose correction is one standard form (GB/T 15834-2011), applied by --fix; a range's
# connector (— or ～) is the writer's choice and left to them
_FIXED_MARKS = frozenset({"repeat", "ellipsis", "pair", "halfwidth", "quote", "dash", "straight", "book_double",
                          "book_nested", "book_ascii", "event_date", "quote_nested", "wide_digit",
                          "small_form", "wide_point", "hexagon", "split_dot", "backtick"})


# each of these is said where it stands, however many: each needs its own reading
_SAME_FIX = frozenset({"halfwidth", "quote", "decimal"})  # kinds whose places all take one fix, a mark for a mark
_NEVER_SUMMED = frozenset({"repeat", "book_double", "book_nested", "book_ascii", "quote_nested", "approx_dun",
                           "approx_digits", "ordinal_dun", "ellipsis_deng", "book_outside"})


@lru_cache(maxsize=16)
def _book_title(endings: tuple[str, ...]) -> re.Pattern[str] | None:
    """?…? standing for 《》 around a document name that ends with one of ``endings``."""
    alternation = "|".join(map(re.escape, endings))
    # (no quotation mark or colon inside: ?北岛曾经这样说:“下一代怎么个活法? holds a question quoted, not a title)
    return re.compile(rf"\?(?![^?]*?[“”\"：:])([^?？。，,；;\s]{{2,40}}(?:{alternation}))\?") if alternation else None


# ?…? inside a sentence around a short phrase that asks nothing (全局坚持以?两个维护?为根本遵循): the “” a
# page's or a converter's character set lost, each turned into ?; a title is ``_book_title``'s
_QMARK_QUOTE = re.compile(r"(?<=[\u4e00-\u9fff])\?([\u4e00-\u9fff、·]{2,16})\?(?=[\u4e00-\u9fff])")
# the words that make a sentence a question (in simplified and traditional characters, and of classical quotations:
# 孰, 何也), V不V (是不是, 能不能) and 有没有
_ASKING = re.compile(r"吗|呢|么|如何|哪|谁|是否|能否|可否|多少|几|难道|岂|怎|为何|何以|何时|何处|何在|孰|何也|何哉|奈何"
                     r"|嗎|麼|誰|幾|難道|豈|為何|有没有|有沒有|有无|有無|还是|還是|([\u4e00-\u9fff])[不沒没]\1"
                     r"|有多(?:重要|大|高|远|深|难|久|好|强|快|广|严重)")  # (……有多重要?: how much, asked)
# the clause before the first ? (……有什么意义?怎样才能……?): a question of its own, so the ? ends it
_ASKED_CLAUSE = re.compile(r"[^。！？!?；;，,\n]{0,30}$")
_ASKED_BEFORE = frozenset("吗呢么吧啊乎哉耶欤否")  # (否 of 妥否, 当否)
# the sentence a mark ends (a long one too: 如何按照……要求，……，推动……发展? asks from its first word)
_SENTENCE_BEFORE = re.compile(r"[^。！？!?；;\n]{0,150}$")


def _asks(text: str, at: int, scope: re.Pattern[str] = _SENTENCE_BEFORE, reach: int = 150) -> bool:
    """Whether the words before the ? at ``at`` ask: a question word in the ``scope`` that ends there (the sentence; the
    clause, ``_ASKED_CLAUSE``, for the first of two ?), or a particle (吗, 呢, 否 of 妥否) right before the mark."""
    before = scope.search(text, max(0, at - reach), at)
    return text[at - 1:at] in _ASKED_BEFORE or (before is not None and _ASKING.search(before.group()) is not None)


def _unfinished(ctx: Context) -> Iterator[tuple[Block, int]]:
    """Paragraphs of prose (a sentence ended inside, 30 characters or more) that end with a comma where the next
    paragraph opens a numbered item: the last sentence was cut off when the text was pasted or edited, or its 。 was
    typed as ，. Where the item's number cuts a sentence in two (N108's stray marker) the marker is no item."""
    blocks = ctx.doc.blocks
    opening = {it.marker.block for it in ctx.outline.items if not it.marker.stray and it.marker.family != "heading"
               and not blocks[it.marker.block].text[:it.marker.start].strip()}
    filled = [b for b in blocks if b.text.strip()]
    for b, nxt in pairwise(filled):
        text = b.text.rstrip()
        if nxt.index in opening and text.endswith("，") and b.kind == "paragraph" and b.index not in ctx.residue \
                and len(text) >= 30 and "。" in text:
            yield b, len(text) - 1


def _dun_slips(body: Any) -> Iterator[tuple[str, Block, int, int, str]]:
    """The 顿号 of an approximate number (约三、四天) and after an ordinal word opening a sentence (第一、): (key,
    block, start, end, fix). Read from each 、 after a numeral or 先/次 before a Chinese character (one scan in C)."""
    text, starts = body.text, body.starts
    for m in _DUN.finditer(text):
        at = m.start()
        before = _APPROX_BEFORE.search(text, max(0, at - 2), at)
        after = _APPROX_AFTER.match(text, at + 1) if before else None
        if before and after and _DIGITS.index(after.group()) == _DIGITS.index(before.group()) + 1:  # 三四, not 三、五
            b = body.blocks[body.block_at(at)]
            yield "approx_dun", b, at - 1 - starts[b.index], at + 2 - starts[b.index], before.group() + after.group()
            continue
        ordinal = _ORDINAL_BEFORE.search(text, max(0, at - 3), at)
        if ordinal is None or text[at + 1] in _NOT_AN_ORDINAL_LIST:
            continue
        b = body.blocks[body.block_at(at)]
        opens = ordinal.start()
        if opens == starts[b.index] or text[opens - 1] in _SENTENCE_OPENS:
            yield "ordinal_dun", b, opens - starts[b.index], at + 1 - starts[b.index], ordinal.group() + "，"


_DUN = re.compile(r"、(?<=[一二三四五六七八九十先次]、)(?=[\u4e00-\u9fff])")  # after a numeral, 首先, 其次 or 再次


def check_punctuation(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports punctuation that GB/T 15834-2011 does not allow in Chinese text: 〝〞 used as
    quotes, ``?…?`` standing for 《》 around a document name, “、等” (the word 等, judged
    on segmented words: 、等级 is not), a doubled 。 or ，, 。。。 for an ellipsis, an ASCII
    ``"`` closing a “, straight quotes "…" around Chinese text, ASCII hyphens -- for a
    dash (— between the numbers of a range), an event's month and day joined by a point
    (“4.11”风暴 → “4·11”, 4.14.3.5), half-width ,;:?!(). between Chinese
    characters (a ``.`` also ending a sentence) and half-width ( ) around Chinese words,
    reported as one pair (县(市、区)); two adjacent numerals of an approximate number joined by 、
    after a word (约三、四天, 4.5.3.4), an ordinal word with 、 (第一、, 首先、; B.3.1) and …… with 等
    after it; a Small Form Variant of a mark (98.5﹪, 如下﹕) and a full-width point ． between two sentences;
    a cited notice's 的通知 left outside its title before the 文号 (《××方案》的通知（×〔2025〕1号）; not after 印发);
    a ( closed by ） is T102's — one summary finding per
    mark (or for the pairs) with the count when there are more than ``summary_over``
    half-width marks (``summary_over_other`` of the other kinds).
    ## Parameters
    ``summary_over``, ``summary_over_other``; ``book_endings``: last words of a document
    name (制度, 办法 …).
    In a paragraph where a web page scattered marks inside the words against copying (人?民, B101 reports them once),
    the half-width and odd marks are left alone.
    ## Example
    医疗便民、等惠民项目 → T103, suggesting 医疗便民等."""
    scattered = scattered_marks(ctx).blocks
    found = _punctuation(ctx, rule)
    yield from (f for f in found if not _among_scattered(f, scattered)) if scattered else found


def _among_scattered(f: Finding, blocks: frozenset[int]) -> bool:
    """Whether ``f`` points at marks in a paragraph where a web page scattered marks inside the words
    (``scattered_marks``), with the words between them (?实施城?): those marks, which B101's one finding covers."""
    marks = [ch for ch in f.excerpt if not "\u4e00" <= ch <= "\u9fff"]
    return f.block in blocks and f.end_block == f.block and bool(marks) and MARKS.issuperset(marks)


def _punctuation(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """``check_punctuation``'s findings, before the scattered marks are left out."""
    book = _book_title(tuple(rule.params.get("book_endings", ())))
    body, residue = ctx.body, ctx.residue
    in_book: set[int] = set()  # body offsets of the ? marks reported as book-title marks
    # each scan below runs only when a character every match holds is in the text (one C-level search)
    if book and "?" in body.text:
        for b, offset, m in body.finditer(book):
            in_book.update((m.start(), m.end() - 1))
            if b.index not in residue:
                yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key="book",
                                   text=m.group(1), suggestion=f"《{m.group(1)}》", autofix=f"《{m.group(1)}》")
    closing: set[int] = set()  # body offsets of ASCII quotes already reported as closing a “
    for pattern, key in _DENG_AND_QUOTE:
        if (key == "ascii_quote" and '"' not in body.text) or (key == "deng" and "、等" not in body.text):
            continue  # every match holds it: one str.find, where re stops at every 、 of the text
        for b, offset, m in body.finditer(pattern):
            if b.index in residue:
                continue
            start, end = m.start() - offset, m.end() - offset
            if key == "deng" and (not _is_deng(b.text, start) or _CUT_BEFORE.search(b.text, 0, start)
                                  or b.text[start - 1:start] == "、"):
                continue  # (、、等: the names between were taken out, see ``_EMPTIED_LIST``)
            if key == "ascii_quote":
                start = end - 1
                closing.add(m.end() - 1)
            suggestion = {"deng": "等", "ascii_quote": "”"}[key]
            expected = b.text[max(0, start - 4):start] + "等" if key == "deng" else suggestion
            # 、等: the 顿号 is deleted (the message shows the result); a suggestion of 等 for the span would read as
            # replacing the 顿号 with a second 等
            yield rule.finding(ctx.doc, b.index, start, end, key=key, text=m.group(), expected=expected,
                               suggestion=None if key == "deng" else suggestion,
                               autofix="" if key == "deng" else suggestion)
    groups: dict[tuple[str, str], list[tuple[Block, int, int, str]]] = {}
    # a page's column label before the title on its line (政策解读:××方案) is the site's, not the author's
    title = ctx.outline.title
    label = (title.block, title.start) if title is not None else (-1, 0)

    def add(key: str, b: Block, start: int, end: int, fix: str, mark: str = "") -> None:
        if b.index not in residue and not (b.index == label[0] and end <= label[1]):
            groups.setdefault((key, mark), []).append((b, start, end, fix))

    # a viewer's page number's 、 before the text's own (2、、企业……) is no mark the writer doubled
    paged = {(mk.block, mk.end - 1) for mk in ctx.outline.markers if mk.stray == "page"}
    for b, offset, m in body.finditer(_REPEATED_MARK) if _adjacent_marks(ctx) else ():
        if (b.index, m.start() - offset) in paged:
            continue
        many = m.group()[0] == "。" and len(m.group()) >= 3
        if m.group()[0] == "、" and m.start() and _EMPTIED_LIST.match(body.text, m.start() - 1):
            add("emptied", b, m.start() - offset, m.end() - offset, "")
            continue
        add("ellipsis" if many else "repeat", b, m.start() - offset, m.end() - offset,
            "……" if many else m.group()[0], m.group() if not many else "")
    for b, offset, m in body.finditer(_QMARK_QUOTE) if "?" in body.text else ():
        inner = m.group(1)
        if m.start() in in_book or _ASKING.search(inner) or _asks(body.text, m.start(), _ASKED_CLAUSE, 30):
            continue  # a question (是什么?为什么?): its marks are question marks, T103 asks them full-width
        in_book.update((m.start(), m.end() - 1))
        add("qmark_quote", b, m.start() - offset, m.end() - offset, f"“{inner}”")
    marks = [m for m in _half_in_han(body.text) if m.start() not in in_book]
    flagged = {m.start() for m in marks}
    paired: set[int] = set()  # offsets of ( and ) reported as one pair (县(市、区))
    for m in _HALF_PAIR.finditer(body.text):
        inner = m.group(1)
        if inner.lstrip().startswith(("http:", "https:", "www.", "//")) or (
                m.start() and body.text[m.start() - 1] == "]" and not any(ch.isspace() for ch in inner.strip())):
            continue  # a link's address ([首页](https://… "首页"), [下载](/files/通知.pdf)): no text of the report
        if not (_HAN_CHAR.search(inner) or {m.start(), m.end() - 1} & flagged):
            continue
        paired.update((m.start(), m.end() - 1))
        b = body.blocks[body.block_at(m.start())]
        add("pair", b, m.start() - body.starts[b.index], m.end() - body.starts[b.index], f"（{inner}）")
    names = rule.params.get("transliteration", "")
    foreign = _chars(names) if isinstance(names, str) else frozenset()  # a user's rulebook may hold anything
    unpaired = ctx.cache.get("T102 marks", ())  # the lone marks T102 reported (it runs first)
    for m in marks:
        if m.start() in paired or (m.group() == "(" and _MIXED_AFTER.match(body.text, m.end())) or (
                m.group() == ")" and _MIXED_BEFORE.search(body.text, max(0, m.start() - 62), m.start())):
            continue  # (…） is a pair of mixed widths: T102 reports it
        b = body.blocks[body.block_at(m.start())]
        if (b.index, m.start() - body.starts[b.index]) in unpaired:
            continue  # a bracket with no partner: T102 reported it, one finding for the mark
        if m.group() == "." and foreign.issuperset(body.text[max(0, m.start() - 2):m.start() + 3].replace(".", "")):
            # 克莱顿.奥尔德弗: two syllables of a foreign name either side, the point of the name's 间隔号
            add("name_dot", b, m.start() - body.starts[b.index], m.end() - body.starts[b.index], "·", "·")
            continue
        if m.group() == "." and body.text[m.start() - 1:m.start()] == body.text[m.end():m.end() + 1] \
                and body.text[m.end():m.end() + 1] not in _CN_ORDINALS:
            # 种.种, 常.常: a point inside a doubled word (种种), put there by a page against copying; not between two
            # numerals (一.一, a section's number)
            add("split_dot", b, m.start() - 1 - body.starts[b.index], m.end() + 1 - body.starts[b.index],
                body.text[m.start() - 1] * 2)
            continue
        if m.group() == "." and _STRAY_DOT.search(body.text, max(0, m.start() - 38), m.start() + 1):
            # 创办的.一所学校: a point a page hides in its text against copying, after a 的 that ends no sentence
            add("stray_dot", b, m.start() - body.starts[b.index], m.end() - body.starts[b.index], "")
            continue
        if m.group() == "?" and body.text[m.end():m.end() + 1] not in ("", "\n") and not _asks(body.text, m.start()):
            # 审议通过了?预算编制办法: no question is asked; the ? stands inside the sentence where a character the
            # page's or a converter's character set lacked was lost (a 《 or a word), the text goes on after it
            add("lost_mark", b, m.start() - body.starts[b.index], m.end() - body.starts[b.index], "")
            continue
        end = m.end()
        if m.group() in ",;" and (blanks := _BLANKS_AFTER.match(body.text, end)) is not None:
            end = blanks.end()
        add("halfwidth", b, m.start() - body.starts[b.index], end - body.starts[b.index], _HALF[m.group()],
            m.group())
    for b, offset, m in body.finditer(_NESTED_BOOK) if "《" in body.text else ():
        before, inner, after = m.groups()
        if before.count("〈") > before.count("〉"):
            continue  # 《关于印发〈《……》……〉的通知》: the third level, inside 〈〉, takes 《》 again (GB/T 15834 4.15)
        doubled = not before and not after
        add("book_double" if doubled else "book_nested", b, m.start() - offset, m.end() - offset,
            f"《{inner}》" if doubled else f"《{before}〈{inner}〉{after}》")
    for b, offset, m in body.finditer(_NESTED_QUOTE) if "“" in body.text else ():
        before, inner, after = m.groups()
        add("quote_nested", b, m.start() - offset, m.end() - offset, f"“{before}‘{inner}’{after}”")
    for b, offset, m in body.finditer(_ASCII_INNER_BOOK) if "《" in body.text and "<" in body.text else ():
        start = m.start(2) - 1 - offset
        add("book_ascii", b, start, m.end() - offset, f"〈{m.group(2)}〉")
    for b, offset, m in body.finditer(_BOOK_OUTSIDE) if "》的" in body.text else ():
        if not _ISSUED_BY.search(body.text, max(0, m.start() - 4), m.start()):
            tail = m.group().rindex("》") + 1  # the words left outside: 的通知
            add("book_outside", b, m.start() + tail - offset, m.end() - offset, "")
    for b, offset, m in body.finditer(_EVENT_DATE) if "”" in body.text else ():
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group("month"), m.group("day"))
        add("event_date", b, m.start() - offset, m.end() - offset, f"“{month}·{day}”")
    for b, offset, m in body.finditer(_ODD_QUOTE) if "〝" in body.text or "〞" in body.text else ():
        add("quote", b, m.start() - offset, m.end() - offset, "“" if m.group() == "〝" else "”")
    for b, offset, m in body.finditer(_ASCII_DASH) if "--" in body.text else ():  # every match holds --
        if m.group(1) is not None:  # 2018--2022年, 4月15日--28日: a range takes the 连接号 —, not the 破折号 ——
            add("range", b, m.start() - offset, m.end() - offset, "—", "—")
        elif m.group() == "--" and _HAN_CHAR.match(body.text, m.start() - 1) and _HAN_CHAR.match(body.text, m.end()):
            # 副书记--作了部署, 邓--理论: two hyphens inside a sentence are where a reposting site hid a name as
            # often as a dash; the fix is the writer's, not a mark
            add("masked", b, m.start() - offset, m.end() - offset, "")
        else:
            add("dash", b, m.start() - offset, m.end() - offset, "——")
    for b, offset, m in body.finditer(_HYPHEN_RANGE) if "-" in body.text else ():
        # a span of years, months or days is a range of time (一字线 —); a range of quantities takes the 浪纹线 ～
        # (GB/T 15834-2011 4.13.3.2, 4.13.3.3)
        time = _YEAR_SPAN.match(m.group()) or body.text[m.end():m.end() + 1] in ("月", "日")  # 1-11月: months
        add("range", b, m.start(1) - offset, m.end(1) - offset, "—" if time else "～", "—" if time else "～")
    for key, b, start, end, fix in _dun_slips(body):
        add(key, b, start, end, fix)
    for b, offset, m in body.finditer(_APPROX_DIGITS) if "、" in body.text else ():
        before = b.text[m.start() - offset - 1:m.start() - offset]  # a Chinese word before it, not 第 (第3、4条)
        if int(m.group(2)) == int(m.group(1)) + 1 and "\u4e00" <= before <= "\u9fff" and before != "第":
            add("approx_digits", b, m.start() - offset, m.end() - offset,
                _DIGITS[int(m.group(1)) - 1] + _DIGITS[int(m.group(2)) - 1])
    for b, offset, m in body.finditer(_ELLIPSIS_DENG) if "…" in body.text else ():
        add("ellipsis_deng", b, m.start() - offset, m.end() - offset, m.group().rstrip("等").rstrip())
    for b, offset, m in body.finditer(_BACKTICK) if "`" in body.text else ():
        # 县林业局的`相关要求: a grave accent inside a Chinese sentence is no mark of the language at all
        add("backtick", b, m.start() - offset, m.end() - offset, "")
    for b, offset, m in body.finditer(_APOSTROPHE) if "‘" in body.text else ():
        add("apostrophe", b, m.start() - offset, m.end() - offset, "’")
    for b, offset, m in body.finditer(_STRAIGHT) if '"' in body.text else ():
        if m.start() not in closing and m.end() - 1 not in closing:
            add("straight", b, m.start() - offset, m.end() - offset, f"“{m.group()[1:-1]}”")
    for b, offset, m in body.finditer(_WIDE_DIGITS) if _WIDE_DIGIT.search(body.text) else ():
        add("wide_digit", b, m.start() - offset, m.end() - offset, m.group().translate(_NARROW))
    # the small-form brackets of a document number's year (国能综通煤炭﹝2021﹞59号) are T104's, when it runs: its one
    # finding gives the 〔〕 GB/T 9704 asks for
    docno = {(b.index, m.start(k) - offset) for b, offset, m in body.finditer(_DOC_NUMBER) for k in (1, 3)} \
        if "﹝" in body.text and "T104" in ctx.cache.get("active", ()) else set()
    for b, offset, m in body.finditer(_SMALL_FORM) if _SMALL_FORM.search(body.text) else ():
        if (b.index, m.start() - offset) not in docno:
            add("small_form", b, m.start() - offset, m.end() - offset, _SMALL_FORMS[m.group()])
    for b, offset, m in body.finditer(_WIDE_POINT) if "\uff0e" in body.text else ():
        add("wide_point", b, m.start() - offset, m.end() - offset, "。")
    for b, offset, m in body.finditer(_HEXAGON) if "〔" in body.text else ():
        if not _HEXAGON_KEPT.fullmatch(m.group(1)) and not any(c in m.group(1) for c in "（()）") \
                and not in_round_brackets(b.text, m.start() - offset):
            # (〔以下简称“××”行动(第二季)〕: an outer bracket round a round one, a level of nesting the writer marked)
            add("hexagon", b, m.start() - offset, m.end() - offset, f"（{m.group(1)}）")
    for b, offset, m in body.finditer(_DECIMAL_STOP) if _decimal_stops_may_be(body.text) else ():
        add("decimal", b, m.start() - offset, m.end() - offset, ".")  # 122。8万元: the input method's full stop
    for b, at in _unfinished(ctx) if "，\n" in body.text else ():
        yield rule.finding(ctx.doc, b.index, at, at + 1, key="unfinished")
    over = rule.params.get("summary_over", 5)
    over_other = rule.params.get("summary_over_other", 2)
    totals: Counter[str] = Counter()
    bucket = {"pair": "halfwidth"}  # a pair of half-width brackets counts as its two marks
    for (key, _), found in groups.items():
        totals[bucket.get(key, key)] += len(found) * (2 if key == "pair" else 1)
    for (key, _), found in groups.items():
        found.sort(key=lambda place: (place[0].index, place[1]))
        # everywhere: one finding per mark with its count, not hundreds
        many = totals[bucket.get(key, key)] > (over if bucket.get(key, key) == "halfwidth" else over_other) \
            or (bucket.get(key, key) in _SAME_FIX and len({place[0].index for place in found}) == 1)
        # (several marks of one paragraph that take the same fix, a half-width comma each: one finding for them)
        if many and key not in _NEVER_SUMMED and len(found) > 1:
            # shown at the first place in running text: a mark in a table cell (版本.) may want deleting, not widening
            b, start, end, fix = next((place for place in found if place[0].kind != "cell"), found[0])
            yield rule.finding(ctx.doc, b.index, start, end, key=f"{key}_summary", count=len(found),
                               text=b.text[start:end], expected=fix,
                               autofix=[(p[0].index, *p[1:]) for p in found] if key in _FIXED_MARKS else None)
            continue
        for b, start, end, fix in found:
            yield rule.finding(ctx.doc, b.index, start, end, key=key, text=b.text[start:end], expected=fix,
                               suggestion=fix or None, autofix=fix if key in _FIXED_MARKS else None)


@lru_cache(maxsize=8)
def _chars(text: str) -> frozenset[str]:
    """The characters of a rule's string of characters (line breaks aside), made once per string."""
    return frozenset(text) - {"\n"}


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=16)
def _dedide_patterns(adverbs: tuple[str, ...], verbs: tuple[str, ...], de_verbs: tuple[str, ...],
                     complements: tuple[str, ...], potential_verbs: tuple[str, ...] = (),
                     potential: tuple[str, ...] = (), noun_heads: tuple[str, ...] = ()
                     ) -> list[tuple[re.Pattern[str], re.Pattern[str], str]]:
    """T106's patterns with the right character, built once per word lists (escaping and sorting
    hundreds of words cost more than scanning a short report). Each comes with what every match
    holds, 的 and the word after it: scanned first, from each 的 (a literal ``re`` skips to), it
    spares the costlier scan from each adverb in most texts. The potential complement (出得去,
    留得住, 听得进去) is taken only where it closes a clause: 的 and a complement before a mark
    (回的来信 is 回的 + 来信), and not after 不/早/还 … (不办的好, 早去的好: "had better", the right 的)."""
    out: list[tuple[re.Pattern[str], re.Pattern[str], str]] = []
    if adverbs:
        heads = f"(?!{_alternation(noun_heads)})" if noun_heads else ""  # 积极的推动作用: a noun phrase
        # … and so is one closing its sentence (实现对资金流向有效的掌握。): the verb takes no object there (客观地讲，
        # closes a clause only)
        out.append((re.compile(f"(?:{_alternation(adverbs)})(的)(?:{_alternation(verbs)}){heads}"
                               r"(?![。；！？;!?]|$)", re.MULTILINE),
                    re.compile(f"的(?:{_alternation(verbs)})"), "地"))
    if de_verbs:
        # the complement closes its clause within two more characters (做的很好。, 落实的不够扎实，); one that runs on
        # is a noun phrase's modifier (推动增长的很大动力, 完成的很好的工作)
        out.append((re.compile(f"(?:{_alternation(de_verbs)})(的)(?:{_alternation(complements)})(?![多少])"
                               r"[\u4e00-\u9fff]{0,2}?(?=[，。；！？、,;!?：:）)\s]|$)", re.MULTILINE),
                    re.compile(f"的(?:{_alternation(complements)})"), "得"))
    if potential_verbs and potential:
        out.append((re.compile(f"(?<![不别少早晚多还是])(?:{_alternation(potential_verbs)})(的)"
                               f"(?:{_alternation(potential)})(?=[，。；！？、,;!?]|$)", re.MULTILINE),
                    re.compile(f"的(?:{_alternation(potential)})(?:[，。；！？、,;!?]|$)", re.MULTILINE), "得"))
    return out


@lru_cache(maxsize=16)
def _object_frame(verbs: tuple[str, ...]) -> re.Pattern[str] | None:
    """A verb that takes a verb as its object (得到, 进行, 给予 …), with 了/过, a degree word or a first modifier
    after it (进行认真、全面的研究, 经过专业系统的研究), ending right before an adverb: what follows is a noun
    phrase (得到了很大的提高)."""
    if not verbs:
        return None
    degree = "很大|较大|一定|更大|更加|更|[\u4e00-\u9fff]{2}、?"
    return re.compile(f"(?:{_alternation(verbs)})(?:了|过|着)?(?:{degree})?$")


# a comparison's 比 (不如, 不及) before the verb in its clause: ……比预想的好 compares with 预想的 (what was expected), a
# noun phrase, so its 的 is right; not 比较, 比例, 比重, 比率, nor the 比 of 对比, 评比, 类比
_COMPARED = re.compile(r"(?:(?<![对评类])比(?![较例重率])|不如|不及)[^，。；;,！？!?：:\n]{0,8}$")


def check_dedide(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports 的 between an adverbial and a verb (清醒的认识到, 客观的讲 → 地) and 的 before a
    complement (做的很好 → 得). Only listed adverbs, verbs and complements are used, so a
    noun phrase (深刻的认识) stays silent.
    ## Parameters
    ``adverbs``, ``verbs`` (for 地; ``noun_heads``: a word after the verb that makes it part of a noun phrase,
    积极的推动作用; ``object_verbs``: a verb before the adverb that takes the phrase as its object, 得到了不断的提高);
    ``de_verbs``, ``de_complements`` (for 得); ``potential_verbs``,
    ``potential_complements``: a verb and its potential complement closing a clause (出的去， → 出得去,
    引的进、留的住 → 引得进、留得住).
    ## Example
    清醒的认识到 → T106, suggesting 清醒地认识到."""
    def words(key: str) -> tuple[str, ...]:
        return tuple(rule.params.get(key, ()))

    patterns = _dedide_patterns(words("adverbs"), words("verbs"), words("de_verbs"), words("de_complements"),
                                words("potential_verbs"), words("potential_complements"), words("noun_heads"))
    frame = _object_frame(words("object_verbs"))
    for pattern, needed, right in patterns:
        if needed.search(ctx.body.text) is None:
            continue
        for b, offset, m in ctx.body.finditer(pattern):
            if b.index in ctx.residue:
                continue
            start = m.start() - offset
            if right == "地" and frame is not None and frame.search(b.text, max(0, start - 8), start):
                continue  # 得到了不断的提高: the verb is the object of 得到, a noun phrase, and 的 is right
            if right == "得" and _COMPARED.search(b.text, max(0, start - 10), start):
                continue  # 比预想的好, 不如去年做的好: the compared thing is a noun phrase (预想的), and 的 is right
            fixed = m.group()[: m.start(1) - m.start()] + right + m.group()[m.end(1) - m.start():]
            yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, text=m.group(),
                               wrong="的", right=right, suggestion=fixed)


_YEAR = PatternSet([r"(?<!\d)((?:19[89]|20[0-4])\d)\s*年"])
_DATE_LINE = re.compile(r"^\s*((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def document_year(ctx: Context) -> int | None:
    """The document's year: its 成文日期 (a date alone on a line near the end), else a year
    in the title, else the latest year the text mentions; None when there is none."""
    tail: list[Block] = []  # the last six blocks of the body, read from the end
    for b in reversed(ctx.doc.blocks):
        if len(tail) == 6:
            break
        if b.text.strip() and b.index not in ctx.residue:
            tail.append(b)
    for b in tail:
        m = _DATE_LINE.match(b.text)
        if m:
            return int(m.group(1))
    title = ctx.outline.title.text if ctx.outline.title else ""
    m = _YEAR.pattern.search(title)
    if m:
        return int(m.group(1))
    years = [int(m.group(1)) for b, offset, m in ctx.body.finditer(_YEAR)
             if b.index not in ctx.residue and not _TARGET_BEFORE.search(b.text, max(0, m.start() - offset - 6),
                                                                          m.start() - offset)
             and not _TARGET_AFTER.match(b.text, m.end() - offset)]
    return max(years) if years else None


# a year the text aims at, not one it was written in (到2035年, 展望2035年, 2035年远景目标, 2050年前, 2023年末), nor the
# last year of a period (（2021-2023年）: a plan is written before or as its period begins)
_TARGET_BEFORE = re.compile(r"(?:到|至|力争|展望|迈向|面向|远景|\d\s*[-—－–~～])\s*$")
_TARGET_AFTER = re.compile(r"\s*(?:前|以前|之前|末|底前|远景|目标|规划|基本|全面|建成|实现)")


def check_outdated(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a formulation used after its validity ended (十九大精神 in a 2024 document) or a body's name
    from before the 2018 reform of Party and state institutions (县环保局 in a 2024 document), from dated data. The
    document's year comes from its 成文日期, the title, or the latest year in the text; when none is found,
    nothing is reported. Not in a sentence that names a year of the old wording's time (2016年，县环保局……).
    ## Parameters
    ``formulations``: ``[pattern, "YYYY-MM" valid until, current wording]``.
    ## Example
    2024年工作总结 … 以党的十九大精神统一思想 → T107."""
    entries = list(rule.params.get("formulations", ()))
    compiled = compile_each(tuple(f[0] for f in entries))
    # the formulations whose anchor is in the text (most texts hold none: the year is not needed then);
    # a handful of anchors are looked for one by one, each a C-level substring search
    present = [i for i, (anchor, _) in enumerate(compiled) if not anchor or anchor in ctx.body.text]
    year = document_year(ctx) if present else None
    if year is None:
        return
    for i in present:
        _, until, current = entries[i]
        if year <= int(until.split("-")[0]):
            continue
        for b, offset, m in ctx.body.finditer(compiled[i][1]):
            if b.index not in ctx.residue and not _told_of_its_time(b.text, m.start() - offset, int(until[:4])) \
                    and not _ISSUER_OF.match(b.text, m.end() - offset):
                yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, text=m.group(),
                                   until=until, year=year, current=current, suggestion=current)


def _told_of_its_time(text: str, at: int, until: int) -> bool:
    """Whether the sentence holding ``text[at]`` names a year up to ``until`` (2016年，县环保局……): it tells of that
    time, when the old name or wording was the right one."""
    return any(int(next(filter(None, y))) <= until for y in _YEAR_OF.findall(text, *sentence_around(text, at)))


# a year the sentence names: 2016年, a document number's 〔2016〕, a standard's GB/T 9704-2012 or DB35/T 1644-2017
_YEAR_OF = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年)|[〔\[［(（]((?:19|20)\d\d)[〕\]］)）]"
                      r"|[A-Z]{1,4}(?:/[A-Z])?\s*\d{1,6}(?:\.\d+)?\s*[-—–]\s*((?:19|20)\d\d)(?!\d)")
# the body named as the issuer of a document it published (福建省质量技术监督局发布的《……规范》): named as it was
# when it issued it, whatever the document's own year
_ISSUER_OF = re.compile(r"\s*(?:于[^，。；《]{0,12})?(?:发布|印发|制定|制订|颁布|出台|下发|公布)(?:了)?的?\s*《")


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("hygiene.substitution", check_substitution)
    register("hygiene.doubled", check_doubled)
    register("hygiene.pairs", check_pairs)
    register("hygiene.punctuation", check_punctuation)
    register("hygiene.dedide", check_dedide)
    register("hygiene.outdated", check_outdated)
