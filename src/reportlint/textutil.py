"""Small text helpers shared by checks: sentences, heading normalisation, similarity."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import Context
    from .model import Block, Document

_SENTENCE = re.compile(r"(?=\S)[^。！？!?；;]*(?:[。！？!?；;]+[”’」』）)]*|$)")  # from its first visible character
_FILLER = re.compile(r"[\s\u3000、，,。.．:：;；“”\"'‘’（）()《》【】\-—的之和及与主要]")
_LABEL = re.compile(
    r"^[\s\u3000]*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]?[、.．，,]?|第[一二三四五六七八九十]+[章节部分])"
)
_PLACEHOLDER_GLYPHS = re.compile(r"[\ue000-\uf8ff\ufffd]")
# every byte but the high bytes of the private-use area (U+E000–U+F8FF) in UTF-16: deleted, what is left counts them
_NOT_PRIVATE_HIGH = bytes(b for b in range(256) if not 0xE0 <= b <= 0xF8)
# a reading in pinyin with tone marks, in brackets right after a character (生产(shēng chǎn), 檢(jiǎn)): some
# content sites add them to every few words of a page, and a copy of the page carries them into the text
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"  # vowels with a tone mark: looked for first (most texts have none)
PINYIN_READING = re.compile(rf"[（(]((?:[a-zü]*[{TONED}][a-zü]*[ ]?){{1,4}})[）)]")
# marks that end a sentence as it stands, and closing marks that may follow them (”。 is written 。”): the loaders
# re-joining lines and the rules reading where a line or a text stops use the same sets
SENTENCE_ENDS = frozenset("。；：！？!?;:…")
CLOSING_MARKS = "”’」』）)》〉】〕"
# a date of issue (成文日期, GB/T 9704-2012 7.3.5: 2021年1月15日, 二〇二一年一月十五日), and a line that is one alone
ISSUED = (r"(?:(?:19|20)\d\d|[〇○零一二三四五六七八九]{4})年"
          r"[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日")
DATE_LINE = re.compile(rf"\s*{ISSUED}\s*$")
# the issuing body on a line of the signature (县财政局, 中共××县委员会, ××镇人民政府, 局党组, 海关总署; GB/T 9704-2012
# 7.3.5, 发文机关署名): a name that ends with the word of a body, short, with no mark of a sentence
ISSUER_LINE = re.compile(r"[ \t\u3000]*[^，。；：,;:！？!?\s（(]{2,24}"
                         r"(?:局|委|办|厅|部|院|府|署|行|司|组|会|中心|公司|集团|支部|办公室|所|站|队|社|处|科|室|镇|乡|街道)"
                         r"[ \t\u3000]*$")
CID_WEIGHT = 6  # one "(cid:NN)" placeholder stands for one glyph but takes about six characters


def entity_reference(entity: str) -> str:
    """A character entity as HTML reads it: a numeric one that lost its # on the way (&9826;) given it back."""
    return "&#" + entity[1:] if entity[1:2].isdigit() else entity


def sentences(text: str, start: int = 0, end: int | None = None) -> Sequence[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text[start:end]``, split after 。！？；, each
    from its first visible character. The spans of a whole paragraph are computed once and
    shared by every rule that asks."""
    if start == 0 and end is None:
        return _paragraph_sentences(text)
    return [m.span() for m in _SENTENCE.finditer(text, start, len(text) if end is None else end)]


def sentence_around(text: str, start: int, end: int | None = None, marks: str = "。！？；\n") -> tuple[int, int]:
    """Where the sentence holding ``text[start:end]`` begins and ends: after the last of ``marks`` before ``start``,
    up to the first at or after ``end`` (or the text's end)."""
    stops = [e for e in (text.find(mark, start if end is None else end) for mark in marks) if e >= 0]
    return max(text.rfind(mark, 0, start) for mark in marks) + 1, min(stops, default=len(text))


@lru_cache(maxsize=4096)
def _paragraph_sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _SENTENCE.finditer(text))


_BLANKS = re.compile(r"[\s\u3000]+")


def unspaced(text: str) -> str:
    """``text`` without its spaces, tabs, line breaks and ideographic spaces (合 计 → 合计)."""
    return _BLANKS.sub("", text)


def strip_label(text: str) -> str:
    return _LABEL.sub("", text, count=1)


@lru_cache(maxsize=4096)
def normalize_heading(text: str) -> str:
    """A heading reduced for comparison: no label, punctuation, spaces or filler words (的、主要、和)."""
    return _FILLER.sub("", strip_label(text))


def fuzzy_contains(heading: str, wording: str) -> bool:
    """Does a heading carry this section wording, ignoring filler words and punctuation?"""
    h, w = normalize_heading(heading), normalize_heading(wording)
    # a wording reduced to two characters (主要措施 → 措施) must match whole, not inside 保障措施
    return bool(w) and (w == h or (len(w) >= 3 and w in h))


_PUNCT_SPACE = re.compile(r"[\s\u3000、，,。.．:：;；“”\"'‘’（）()《》【】\-—]")


def plain_heading(text: str) -> str:
    """A heading without its label, punctuation and spaces; filler words kept (for similarity)."""
    return _PUNCT_SPACE.sub("", strip_label(text))


def similarity(a: str, b: str) -> float:
    from difflib import SequenceMatcher  # here: most checks never get this far (difflib costs 1–2 ms to import)

    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def garbled(ctx: Context) -> float:
    """``garbled_share`` of the context's document, computed once (the engine and X103 ask)."""
    return ctx.memo("garbled",  # type: ignore[no-any-return]
                    lambda: garbled_share(ctx.doc, ctx.body.text, ctx.body.utf16()))


# a paragraph this long that ends without a sentence's end reads as a sentence cut off (a heading or a list's item is
# shorter); so does a shorter one with a clause mark or an opening bracket in its last sentence
_SENTENCE_MIN = 30
_OPEN_CLAUSE = re.compile(r"[，,、“《（(【〔]")
# an item's number at the head of the last sentence (二、, （四）, （d）: any short label in brackets; strip_label's
# _LABEL takes numbers only, and a lettered heading's bracket would then read as a clause mark)
ITEM_LABEL = re.compile(r"[\s\u3000]*(?:[（(][^（()）]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．]|[-•·●▪◆■]\s)")
# a page's number printed after the last sentence (第3页 共3页; — 3 — ends in no Chinese character)
# a site's tag after the end of a page's preview ([标签:介绍]): no mark of the text's own
_SITE_TAG = re.compile(r"\[[^\[\]\n]{1,16}\][\s\u3000]*$")
_PAGE_NUMBER = re.compile(r"[\s\u3000]*第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?[\s\u3000]*$")


def open_tail(ctx: Context) -> tuple[int, int] | None:
    """Where the text may stop in mid-sentence: the last paragraph of the body (residue left out; none when the
    text ends in a table) when it ends without a sentence's end and reads as a sentence, not a heading or a list's
    name (30 characters or more, or a clause mark or an opening bracket after its last sentence's end), as (its
    index, where its last sentence begins). A page's preview or a copy that lost the end stops so: a mark opened
    after that place, a counted list or an item running into it may have been closed, completed or given its
    figure past the cut, so no finding says otherwise. Not a sure sign of a cut (S106's ``cut_short`` asks for
    one): only what the lost part could have completed is left alone. A page's number after the last sentence
    (……能力。 第3页 共3页) is no cut."""
    def find() -> tuple[int, int] | None:
        filled = (b for b in reversed(ctx.doc.blocks) if b.text.strip() and b.index not in ctx.residue)
        last = next(filled, None)
        if last is None or last.kind == "cell":
            return None
        text = _trimmed(_SITE_TAG.sub("", last.text))
        if text and text[-1] in SENTENCE_ENDS and _cut_in_title(text[:-1]):
            text = text[:-1]  # a stop put right after a title cut short (《……发展“十。): the title was cut there
        if not text or text[-1] in SENTENCE_ENDS:
            return None
        before = next(filled, None)  # the paragraph before it, residue and blank ones passed over
        if before is not None and _opens_with_page_number(ctx, last.index) and _trimmed(before.text)[-1:] not in \
                SENTENCE_ENDS:
            # the last page of a viewer's text (……主题月活动(5月1日 / 3、一31), going on with the half sentence the page
            # before stops in: the last sentence begins there
            return before.index, _last_sentence_start(before.text.rstrip())
        if before is not None and before.index == last.index - 1 and _runs_on(before.text, text):
            # a paragraph broken by a copy in mid-sentence (……确保整改任务按时完成，各校 / 校长为此项工作的第一责任):
            # the last line goes on with the sentence the line before began
            return before.index, _last_sentence_start(before.text.rstrip())
        begins = _last_sentence_start(text)
        tail = text[begins:]
        if not ("\u4e00" <= text[-1] <= "\u9fff" or text[-1] in "，,、“‘《（(【〔"
                or ((text[-1].isalnum() or text[-1] in _ELLIPSIS) and _open_mark(tail))):
            return None  # (a comma or a 顿号 at the very end: a clause began that the text never finished; a
            # quotation, a title or a bracket opened as the very last mark (……中的“): its content is past the cut; a
            # figure inside a title or a bracket left open: 《……三年实施计划(2013—201); a site's dots where it cut the
            # text inside a title: 《……专项行动实......)
        label = ITEM_LABEL.match(tail)  # a heading's own number (二、, （四）) is no clause mark
        # (a numbered item whose title sentence ended and whose next sentence stops, 3、……行动。组织……大力开展, after a
        # finished item: that sentence was cut, however short the paragraph)
        goes_on = (label is None and begins > 0 and ITEM_LABEL.match(text) is not None and _after_finished_item(before)
                   ) or (label is not None and _bullets_end_in_marks(ctx, last))
        if _PAGE_NUMBER.match(tail) or (len(text) < _SENTENCE_MIN and not goes_on
                                        and not _OPEN_CLAUSE.search(tail, label.end() if label else 0)
                                        and not (_under_heading(ctx, before) if label is None
                                                 else _after_finished_item(before))):
            return None
        return last.index, begins

    return ctx.memo("open_tail", find)  # type: ignore[no-any-return]


def _runs_on(previous: str, text: str) -> bool:
    """Whether ``text``, a last paragraph with no sentence's end in it, goes on with the sentence ``previous`` (the
    paragraph right before it) leaves unfinished: ``previous`` is prose (30 characters or more with a comma) ending in
    a Chinese character or a comma, and ``text`` opens with no item's number."""
    kept = _trimmed(previous)
    return len(kept) >= _SENTENCE_MIN and ("，" in kept or "," in kept) \
        and ("\u4e00" <= kept[-1] <= "\u9fff" or kept[-1] in "，,、") \
        and ITEM_LABEL.match(text) is None and not any(mark in text for mark in SENTENCE_ENDS)


def _trimmed(text: str) -> str:
    """``text`` without the closing marks and blanks at its end (……教育。” reads as ending in 。)."""
    return text.rstrip(CLOSING_MARKS + " \u3000\t")


def _last_sentence_start(text: str) -> int:
    """Where the last sentence of ``text`` begins: after its last 。！？；, or at 0."""
    return max(text.rfind(mark) for mark in "。！？!?；;") + 1


def _opens_with_page_number(ctx: Context, index: int) -> bool:
    """Whether paragraph ``index`` opens with a number of a viewer's page series (N108's: 1、 2、 3、 at each page)."""
    return any(m.block == index and m.stray == "page" for m in ctx.outline.markers)


_ELLIPSIS = "….．"  # the dots a site or a viewer puts where it cut a text (……, ......)


def _cut_in_title(text: str) -> bool:
    """Whether the last sentence of ``text`` leaves a title mark open, with an opening mark at most two characters
    before its end (《……发展“十): a title cut in its first words, which no writer ends a sentence with; a long title
    left open (《……计划(2024—2026年)的通知) is the writer's missing 》."""
    tail = text[_last_sentence_start(text):]
    return tail.rfind("《") > tail.rfind("》") and len(tail) - max(tail.rfind(c) for c in "《“（(") <= 3


def _open_mark(text: str) -> bool:
    """Whether ``text`` leaves a title mark, a bracket or a quotation open at its end."""
    return any(text.rfind(a) > text.rfind(b) for a, b in ("《》", "（）", "()", "“”"))


def _after_finished_item(before: Block | None) -> bool:
    """Whether the paragraph before the last (``before``) is a numbered item ending its sentence (1.学校开展……教育。):
    a short numbered last paragraph after it is the next item cut short (2.学校有计划地建设), not one more short name
    of a list of names."""
    return before is not None and ITEM_LABEL.match(before.text) is not None \
        and _trimmed(_NOTE_AFTER.sub("", before.text.rstrip()))[-1:] in "。！？!?；;"


# a bracketed note after an item's last sentence (……科学发展。(4月30日以前完成)): the item's deadline or owner, set
# after the sentence the way task lists write them; the sentence has ended before it
_NOTE_AFTER = re.compile(r"(?<=[。！？!?；;])\s*[（(][^（）()]{1,40}[）)]$")


_BULLET = re.compile(r"\s*([-•·●▪])\s")


def _bullets_end_in_marks(ctx: Context, last: Block) -> bool:
    """Whether ``last`` is a bulleted line (- ……, • ……) and the lines with its bullet before it, two or more, each end
    in a sentence's or a clause's end (……；, ……。, ……，): the last one, ending in none, was cut."""
    m = _BULLET.match(last.text)
    if m is None:
        return False
    ends = [_trimmed(b.text)[-1:] for b in ctx.doc.blocks[:last.index]
            if b.index not in ctx.residue and (o := _BULLET.match(b.text)) is not None and o.group(1) == m.group(1)]
    return len(ends) >= 2 and all(e in SENTENCE_ENDS or e == "，" for e in ends)


def _under_heading(ctx: Context, before: Block | None) -> bool:
    """Whether the paragraph before the last (``before``) is a numbered heading standing alone (二、活动的启示, no
    sentence end): a short last paragraph without a number of its own right under it is the first words of the
    heading's body (……\n二、活动的启示\n这次活动), not a closing line or a name."""
    if before is None or _trimmed(before.text)[-1:] in SENTENCE_ENDS:
        return False
    return any(it.marker.block == before.index and not it.marker.stray and not it.marker.inline
               for it in ctx.outline.items)


def garbled_share(doc: Document, joined: str | None = None, units: bytes | None = None) -> float:
    """Share of the text that is placeholder glyphs: ``(cid:NN)``, private-use characters, U+FFFD.
    ``joined``: the blocks' text joined by line breaks, when the caller has it already; ``units``: that text in
    UTF-16-LE (``surrogatepass``), when the caller has it: the private-use characters are then counted as the code
    units with a high byte from E0 to F8 (a surrogate's is D8–DF), by ``bytes.translate`` in C, a fifth of the time
    of the class scan, which tests every character."""
    text = "\n".join(b.text for b in doc.blocks) if joined is None else joined
    length = len(text) - max(len(doc.blocks) - 1, 0)
    if length <= 0:
        return 0.0
    placeholders = len(_PLACEHOLDER_GLYPHS.findall(text)) if units is None else \
        len(units[1::2].translate(None, _NOT_PRIVATE_HIGH)) + text.count("\ufffd")
    bad = int(doc.meta.get("cid_glyphs", 0)) * CID_WEIGHT + placeholders
    return min(bad / length, 1.0)


def display_width(text: str) -> int:
    """Display width in a terminal or a fixed-width page: CJK and full-width characters take two columns. Each
    character's width is looked up in a dict by ``map`` (C), not through a Python call."""
    if text.isascii():
        return len(text)  # every ASCII character takes one column (narrow, or a control: neutral)
    try:
        return sum(map(_WIDTHS.__getitem__, text))
    except KeyError:
        if len(_WIDTHS) > _MAX_WIDTHS:
            _WIDTHS.clear()
        for ch in set(text).difference(_WIDTHS):
            _WIDTHS[ch] = _char_width(ch)
        return sum(map(_WIDTHS.__getitem__, text))


_WIDTHS: dict[str, int] = {}  # the width of each character seen (a report uses a few thousand)
_MAX_WIDTHS = 65536


@lru_cache(maxsize=8192)
def _char_width(ch: str) -> int:  # a report uses a few thousand distinct characters
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def in_round_brackets(text: str, at: int, start: int = 0) -> bool:
    """Whether ``at`` lies inside a round bracket (（ or () opened in ``text[start:at]`` and not closed before it:
    〔〕 there is the inner level of nested brackets (各县〔市、区〕), an amount there a part of the part before it."""
    span = text[start:at]
    return span.count("（") + span.count("(") > span.count("）") + span.count(")")
