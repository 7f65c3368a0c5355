"""T105 wrong characters (list, 音近/形近 substitutions, dropped characters, letters for
digits) and T108 numbers and dates that cannot be right."""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice, pairwise, takewhile
from typing import Any

from ..context import Context
from ..hookspecs import hookimpl
from ..lexicon import HEAD, LONGER, NOT_HAN, TAIL, WORD
from ..model import Block, Finding, Rule
from ..outline import TITLE_KINDS
from ..scan import Body, Literal, PatternSet, compile_each, has_any, literal_alternation
from ..textutil import in_round_brackets, sentence_around
from ..traditional import written_in_traditional
from .summed import summed
from .totals import table_totals


def _scanned(source: str) -> PatternSet:
    """A pattern read only by ``Body.finditer`` (and ``search``): the one-branch set that ``Body.finditer`` makes of
    ``re.compile(source)`` (its flags, the same matches), compiled at first use. Compiled at import as well, as
    they were, T108's patterns cost about 15 ms of every run's start, most of them compiled again by the set or
    never used (a cheap test of the text says no match can be found)."""
    return PatternSet((source,), re.UNICODE)


@cache
def _compiled(source: str) -> re.Pattern[str]:
    """``re.compile(source)`` at first use, then kept: for a pattern that a cheap test of the text seldom lets run
    (``_LETTER_DIGITS`` and ``_DASH_AS_YI`` cost 2 ms each at import, and 2 texts in 53 real ones use them)."""
    return re.compile(source)


def _holds(text: str, word: str) -> bool:
    """``word in text``, by ``re``'s search for a literal (``_literal``): on a long Chinese text it skips to the
    word's first character in a tight C loop, and costs a third of ``in`` for a word of two or more characters, whose
    search stops at most characters of such a text (about 2 µs instead of 6–14 on a report of 6,000 characters)."""
    return _literal(word).search(text) is not None


@cache
def _literal(word: str) -> re.Pattern[str]:
    """``word`` as a pattern of itself, compiled once."""
    return re.compile(re.escape(word))


_HAN_RE = re.compile(r"[\u4e00-\u9fff]+")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
# … and the issuer's abbreviation of a 发文字号 (开编〔2012〕51号, 京政办发〔2016〕26号: GB/T 9704-2012 7.2.4), a name
# cut to its first characters that forms no word
_SHIELD = re.compile(r"《[^《》\n]{0,60}》|“[^“”\n]{0,20}”|[A-Za-z0-9_.@/:-]*[Xx×＊*]{2,}[A-Za-z0-9_.@/:-]*"
                     r"|[\u4e00-\u9fff]{1,8}[〔\[［](?:19|20)[0-9Xx]{2}[〕\]］]")
# 一 before a single character makes a numeral–classifier or 一+verb phrase of any character (一拍, 一瞥, 一跃;
# and the reduplicated verb 扫一扫, 看一看: 《现代汉语八百词》 一 条): the character after it forming no word is no
# sign of a typo, so no 一X word (一批, 一线) is proposed there
_NUMERAL_YI = frozenset("一")
_CN_DIGITS = "〇零一二两三四五六七八九十百千万亿"  # the characters of a number written in Chinese
_YI_AMOUNT = frozenset("万亿百元余多人个米亩吨")  # what follows a numeral's last character in an amount (一千万元)
# the function words of one character (虚词: conjunctions, prepositions, structural particles and the copula, the
# closed classes of modern Chinese grammar) that join the words beside them: 开工和建设, 被推为领袖
_LINKING = frozenset("和与及或并而的地得了在对为把被将从向于以给让由至到是")
_CONJUNCTIONS = frozenset("和与及或")  # … of them the conjunctions, which join the word before them to what follows
# the verbs of the frame 以A促B / 以点带面 (以 + one character + one of these + one character: 以查促改, 以线扩面,
# 以案促建; 《现代汉语八百词》 以 条, the 以…促… of 公文 slogans): 以 there is the preposition, no slip for 一
_YI_FRAME_VERBS = frozenset("促带扩保助代补强固提增推")
_CLAUSE_OPENS = "，。；：！？、,;:!?（(“\n \u3000"  # what may stand before the first word of a clause
_BUSY_CHAR = 1500  # a character this frequent as a word of its own (送, 仍, 拟 …) is only checked inside idioms
_VERB_CHAR = 500  # a character this frequent as a word of its own (踩, 跪) may vary a parallel clause on purpose
_MAX_ORPHAN_SHARE = 0.34  # a passage where more characters form no word is garbled, not mistyped (X103)
_PLACES_MAX = 100_000  # answers remembered per table (a few MB) for the characters around a place; then forgotten


@dataclass(slots=True, repr=False)
class Typo:
    """A suspected wrong character or word, with what was expected."""
    start: int
    end: int
    text: str
    expected: str
    key: str  # message key
    why: str = ""


_MASK_MARKS = re.compile(r"[Xx×＊*]{2,}")  # what a masked span of ``_SHIELD`` needs


def _shielded(text: str) -> tuple[list[bool], list[tuple[int, int]]] | None:
    """Characters inside 《titles》, short “quotations” (names of buttons, slogans), masked spans and the issuer of a
    document number, and the spans (start, end) of the places within three characters of one of those; None when
    there are none."""
    if "《" not in text and "“" not in text and not has_any(text, "〔[［") \
            and not (has_any(text, "Xx×＊*") and _MASK_MARKS.search(text)):
        return None
    n = len(text)
    mask, near = [False] * n, []
    for m in _SHIELD.finditer(text):
        start, end = m.span()
        mask[start:end] = [True] * (end - start)
        near.append((max(0, start - 3), min(n, end + 3)))
    return mask, near


def body_pairs(ctx: Context, lex: object) -> bytes:
    """``Lexicon.pair_flags`` of the whole joined text, once per document (a pair's flags depend on its two
    characters alone, and no pair across a line break is a word or a phrase head)."""
    body = ctx.body
    return ctx.memo("proofread.pairs",  # type: ignore[no-any-return]
                    lambda: lex.pair_flags(body.text, body.utf16()))  # type: ignore[attr-defined]


def body_orphan_places(ctx: Context, lex: object) -> list[int]:
    """The places of the whole joined text's ``_orphans``, in text order, once per document for T105 and X103 (the
    same as each paragraph's own, since no word reaches across a line break)."""
    return body_orphan_scan(ctx, lex)[0]


def body_orphan_scan(ctx: Context, lex: object) -> tuple[list[int], list[int]]:
    """``_orphan_scan`` of the whole joined text, once per document."""
    body = ctx.body
    return ctx.memo("proofread.orphan_scan",  # type: ignore[no-any-return]
                    lambda: _orphan_scan(body.text, lex, body_pairs(ctx, lex)))


_HEAD_BYTE = bytes(1 if v & HEAD else 0 for v in range(256))  # pair flags → 1 when a phrase head begins so
_TAIL_BYTE = bytes(1 if v & TAIL else 0 for v in range(256))  # … when its second and third characters are so
_PAD = "\x00" * 3  # three characters before a text, so that every place has the same seven around it: NUL is in no word


def _orphans(text: str, lex: object, pairs: bytes | None = None) -> list[bool]:
    """For each Chinese character of ``text``: True when no dictionary word of 2–4 characters covers it.
    ``pairs``: the text's ``pair_flags`` if known."""
    orphan = [False] * len(text)
    for u in _orphan_places(text, lex, pairs):
        orphan[u] = True
    return orphan


_NO_WORD = bytes(0 if v & WORD else 1 for v in range(256))  # pair flags → 1 when the pair is no word
_NO_WORD_HAN = bytes(0 if v & (WORD | NOT_HAN) else 1 for v in range(256))  # … no word, and begins Chinese
_ONE = re.compile(b"\x01")


def _orphan_places(text: str, lex: object, pairs: bytes | None = None) -> list[int]:
    """The places of ``_orphans`` in text order."""
    return _orphan_scan(text, lex, pairs)[0]


def _orphan_scan(text: str, lex: object, pairs: bytes | None = None) -> tuple[list[int], list[int]]:
    """The places of ``_orphans`` in text order, and those of them where ``_place`` may find something: all but
    those whose seven characters around were seen before and found nothing (see ``_window_memo``)."""
    word, mids = lex.word, lex.mids  # type: ignore[attr-defined]
    n = len(text)
    if not n:
        return [], []
    if pairs is None:
        pairs = lex.pair_flags(text)  # type: ignore[attr-defined]
    # flags[k + 1]: the flags of text[k:k + 2]; the last character has no pair of its own, so the closing
    # byte says whether it is Chinese
    flags = b"\x00" + pairs + (b"\x00" if "\u4e00" <= text[-1] <= "\u9fff" else bytes([NOT_HAN]))
    places = _lone_places(flags, sys.modules.get("numpy"))
    memo = _window_memo(lex)
    # a word of 3–4 characters around what two-character words left uncovered lies within three characters
    # either side, so the answer is the same wherever these seven characters stand (``_PAD`` before the text:
    # the characters before its start, in no word)
    padded = _PAD + text
    keys = [padded[u:u + 7] for u in places]
    known = list(map(memo.get, keys))
    if None in known:  # seven characters not seen before (or forgotten)
        for j, (u, key, got) in enumerate(zip(places, keys, known, strict=True)):
            if got is None:
                known[j] = memo[key] = _covered_by_longer(text, u, flags, word, mids)
    return ([u for u, got in zip(places, known, strict=True) if got is not True],
            [u for u, got in zip(places, known, strict=True) if got is False or (got is not True and got)])


def _neighbour_places(flags: bytes, first: bytes, second: bytes, np: Any = None) -> list[int]:
    """The places k where the translation table ``first`` maps ``flags[k]`` to 1 and ``second`` maps ``flags[k + 1]``
    to 1. Both byte masks are made by ``bytes.translate``, then ANDed by numpy when it is given (imported already: a
    batch's table of pair codes), else read as integers and ANDed (C loops too, about three times slower). The masks
    hold 0 and 1 only, so numpy reads them as booleans: ``nonzero`` of a boolean array takes 2 µs on a report of 6,000
    characters, of the same bytes as ``uint8`` 20 µs."""
    n = len(flags) - 1
    if n < 1:
        return []
    a, b = flags[:n].translate(first), flags[1:].translate(second)
    if np is None:
        both = int.from_bytes(a, "little") & int.from_bytes(b, "little")
        return [m.start() for m in _ONE.finditer(both.to_bytes(n, "little"))]
    return np.flatnonzero(np.frombuffer(a, dtype=np.bool_) & np.frombuffer(b, dtype=np.bool_)).tolist()  # type: ignore[no-any-return]


def _lone_places(flags: bytes, np: Any = None) -> list[int]:
    """The Chinese characters with no word on either side, from ``flags`` (``_orphan_scan``'s: a byte before the
    text's pair flags, one after): the pair before is no word and the pair it begins is no word and begins with a
    Chinese character."""
    return _neighbour_places(flags, _NO_WORD, _NO_WORD_HAN, np)


def _window_memo(lex: object) -> dict[str, bool | tuple[Candidate, ...]]:
    """The answers for the seven characters around a place that two-character words leave uncovered (three
    before it, itself, three after; ``_PAD`` before a text's start): True when a longer word covers it, else
    False, or what ``_place`` finds there once it was asked. Bounded: forgotten past ``_PLACES_MAX`` answers."""
    memo = lex.memo("proofread.window")  # type: ignore[attr-defined]
    if len(memo) > _PLACES_MAX:
        memo.clear()
    return memo  # type: ignore[no-any-return]


def _covered_by_longer(text: str, u: int, flags: bytes, word: Callable[[str], bool], mids: dict[str, str]) -> bool:
    """Whether a dictionary word of 3–4 characters covers ``text[u]`` (``flags`` as in ``_orphans``; ``mids`` the
    lexicon's). Such a word begins with two characters of ``starts`` (``LONGER``) and goes on with two of ``mids``:
    the words are looked up only where both hold (one place in twenty of those with ``LONGER``)."""
    last = len(text) - 3  # the last start of a word of three characters
    for s in range(u - 3 if u > 3 else 0, u + 1):
        if flags[s + 1] & LONGER and s <= last and text[s + 2] in mids.get(text[s + 1], "") \
                and (word(text[s:s + 4]) or (s + 3 > u and word(text[s:s + 3]))):
            return True
    return False


# the most common surnames: a character next to one is likely part of a name (张倩, 陈雨), never reported
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
                "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")


Candidate = tuple[int, int, str, int, bool, str]


def _place(text: str, i: int, shield: list[bool] | None, lex: object) -> tuple[Candidate, ...]:
    """The words of 2–4 characters around the odd character ``text[i]`` that become a target word when it
    is replaced by a similar character: (start, end, word, frequency, whether an idiom or phrase,
    "形近"/"音近"), longest first, then by start; none next to a surname or in a shielded span. The word
    lies in a run of Chinese characters outside titles and quotations within three characters of i."""
    ch, n = text[i], len(text)
    if (shield is not None and shield[i]) or ch in _SURNAMES or (i and text[i - 1] in _SURNAMES):
        return ()
    targets, paired = lex.targets, lex.paired  # type: ignore[attr-defined]
    # the places a word around i may take: from first up to last (exclusive), Chinese and not inside a title or
    # quotation
    first, last = i, i + 1
    low, high = (i - 3 if i > 3 else 0), (i + 4 if i + 4 < n else n)
    if shield is None:
        while first > low and "\u4e00" <= text[first - 1] <= "\u9fff":
            first -= 1
        while last < high and "\u4e00" <= text[last] <= "\u9fff":
            last += 1
    else:
        while first > low and not shield[first - 1] and "\u4e00" <= text[first - 1] <= "\u9fff":
            first -= 1
        while last < high and not shield[last] and "\u4e00" <= text[last] <= "\u9fff":
            last += 1
    # the character goes with a neighbour somewhere in the dictionary: only an idiom or phrase may say otherwise
    phrases_only = (lex.single(ch) >= _BUSY_CHAR  # type: ignore[attr-defined]
                    or (i > 0 and paired(text[i - 1:i + 1])) or paired(text[i:i + 2]))
    # most odd characters are frequent words of their own (的, 在): only idioms and phrases are asked for, and a key
    # of 2–3 characters that is none of theirs is left out here, where ``targets`` would find nothing
    short = lex.short_phrasal if phrases_only else None  # type: ignore[attr-defined]
    lengths: tuple[int, ...] = (4, 3, 2)
    if short is not None:
        chars = lex.short_chars  # type: ignore[attr-defined]
        if not ((first < i and text[i - 1] in chars) or (last > i + 1 and text[i + 1] in chars)):
            lengths = (4,)  # every key of 2–3 characters holds a neighbour of i, and neither is in any of ``short``
    starts = lex.starts  # type: ignore[attr-defined]
    out: list[Candidate] = []
    for length in lengths:
        # a word of three or more characters begins with two of ``starts``; an idiom or phrase of four characters
        # with two of ``phrase_heads``, and it ends with two of ``phrase_tails``
        heads, tails = starts, None
        if length == 4 and phrases_only:
            heads, tails = lex.phrase_heads, lex.phrase_tails  # type: ignore[attr-defined]
        lo, hi = i - length + 1, last - length  # the word's first and last start within the run
        for s in range(lo if lo > first else first, (hi if hi < i else i) + 1):
            if s < i - 1:  # the masked character in the second half: the first two characters are whole
                if length > 2 and text[s + 1] not in heads.get(text[s], ""):
                    continue  # no such word begins with these two: ``targets`` finds nothing
            elif tails is not None and text[s + 3] not in tails.get(text[s + 2], ""):
                continue  # the masked character in the first half: no idiom or phrase ends with the last two
            e = s + length
            key = text[s:i] + "?" + text[i + 1:e]
            if short is not None and length < 4 and key not in short:
                continue
            for word, f, phrase in targets(key, phrases_only):
                kind = lex.similar(ch, word[i - s])  # type: ignore[attr-defined]
                if kind is not None:
                    out.append((s, e, word, f, phrase, kind))
    return tuple(out)


# the last character of a place's name (道路名称 lists such as 植物园路、千佛洞路、梁家沟路: GB 17733-2008 地名 基本术语
# gives the generic terms of place names: 路, 街, 巷, 村, 山, 洞 …)
_PLACE_ENDS = frozenset("路街巷道里村镇乡寨屯庄堡桥山峰岭洞沟湾河湖溪坪坡园寺庙")


def _in_a_listed_name(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` lies in a short name ending in a place's generic term and listed beside other names with
    顿号 (新增道路有植物园路、干古洞路、……): a proper name, whose characters are not the dictionary's words."""
    n = len(text)
    left, right = s, e
    while left > 0 and "\u4e00" <= text[left - 1] <= "\u9fff" and s - left < 6:
        left -= 1
    while right < n and "\u4e00" <= text[right] <= "\u9fff" and right - e < 4:
        right += 1
    bounded = (left == 0 or not "\u4e00" <= text[left - 1] <= "\u9fff") \
        and (right == n or not "\u4e00" <= text[right] <= "\u9fff")
    return bounded and right - left <= 7 and text[right - 1] in _PLACE_ENDS \
        and ((left > 0 and text[left - 1] == "、") or text[right:right + 1] == "、")


def _substitutions(text: str, lex: object, shield: tuple[list[bool], list[tuple[int, int]]] | None,
                   occurs: _Occurrences, starts: list[int], places: list[int],
                   open_places: list[int]) -> Iterator[Typo]:
    """A character that forms no word where it stands, whose 音近/形近 neighbour makes an idiom or 公文
    phrase there, or a word that the document itself writes elsewhere with the same neighbour (杭击新冠
    beside 抗击新冠). ``occurs`` tells how often a string occurs in the whole document. ``text`` is one
    paragraph, or paragraphs joined by line breaks beginning at ``starts``: a garbled passage is judged
    inside the paragraph (no word reaches across a line break, so the rest needs no bounds). ``shield``: see
    ``_shielded``; ``places`` and ``open_places``: those of ``_orphan_scan`` (of the paragraphs looked at)."""
    is_word, single = lex.word, lex.single  # type: ignore[attr-defined]
    n = len(text)
    bounds = [*starts[1:], n + 1]  # the line break after each paragraph, or the end
    k = 0  # the paragraph of the place looked at
    memo = _window_memo(lex)
    mask, near = None, set()
    todo = open_places
    if shield is not None:  # a place near a shielded span is looked at in full, whatever its seven characters found
        mask = shield[0]
        for lo, hi in shield[1]:
            near.update(places[bisect_left(places, lo):bisect_left(places, hi)])
        todo = sorted(near.union(open_places))
    padded = _PAD + text
    for i in todo:
        if i in near:
            found = _place(text, i, mask, lex)
            if not found:
                continue
        else:
            # nothing shielded nearby: what ``_place`` finds depends on the seven characters around alone
            key = padded[i:i + 7]
            got = memo.get(key)
            if not isinstance(got, tuple):  # not asked yet (or forgotten)
                got = memo[key] = _place(key, 3, None, lex)
            if not got:
                continue
            found = tuple((s + i - 3, e + i - 3, word, f, phrase, kind) for s, e, word, f, phrase, kind in got)
        ch = text[i]
        while bounds[k] <= i:
            k += 1
        # a garbled passage is X103's, not a row of typos
        lo, hi = max(starts[k], i - 8), min(bounds[k] - 1, i + 9)
        han = len(_HAN_CHAR.findall(text, lo, hi))
        if han >= 8:
            first = bisect_left(places, lo)
            odd = sum(1 for u in places[first:bisect_left(places, hi, first)] if single(text[u]) < _BUSY_CHAR)
            if odd / han > _MAX_ORPHAN_SHARE:
                continue
        best: tuple[int, int, int, str, str, str] | None = None
        # a function word between two words (开工和建设: 开工 + 和 + 建设) reads right as it stands, and so does
        # one that ends a two-character phrase before a word (被推为领袖: 推为 + 领袖, no 推诿)
        linking = ch in _LINKING
        before, after = linking and _ends_word(text, i, is_word), linking and _begins_word(text, i + 1, is_word)
        for s, e, word, f, phrase, kind in found:
            if _in_a_listed_name(text, s, e):
                continue
            if phrase:
                if (before and after) or (e - s == 2 and i == e - 1 and after):
                    continue
                if after and i == s and (i == 0 or text[i - 1] in _CLAUSE_OPENS):
                    continue  # a function word opening a clause before a word (，在贷款额度……): 在 + 贷款, no 再贷款
                if e - s == 2 and ((s > 0 and is_word(text[s - 1:s + 1])) or is_word(text[e - 1:e + 1])):
                    continue  # 及需求: 需 belongs to 需求, so 及需 is no 亟需
                if ch in _CONJUNCTIONS and i == s and before:
                    continue  # 工作打算及需提交研究的事项: a conjunction after a word joins it to what follows, no 亟需
                if ch == "以" and i == s and e - s == 2 and text[e:e + 1] in _YI_FRAME_VERBS \
                        and e + 1 < n and _HAN_CHAR.match(text[e + 1]):
                    continue  # 以线扩面, 以查促改: the preposition of the 以A促B frame, no 一线
                if e - s == 2 and i == s + 1 and text[s] in _NUMERAL_YI:
                    continue  # 一 + any one character is a numeral–classifier or 一+verb phrase (快人一拍, 扫一扫)
                if word in text[max(0, s - len(word) - 2):s] or word in text[e:e + len(word) + 2]:
                    continue  # the phrase stands right beside it: two parallel names (河长制、湖长制), no slip
                if i == e - 1 and e - s >= 3 and single(ch) >= _BUSY_CHAR and _ends_word(text, i, is_word) \
                        and _begins_word(text, e, is_word):
                    continue  # 也就是读好书: a frequent word of its own between two words, no 也就是说
                if i < e - 1 and single(ch) >= _BUSY_CHAR and _begins_word(text, e - 1, is_word):
                    continue  # 既成就事业又成就……: 成 begins 成就 after a frequent word of its own, no 事业有成
                if e - s == 4 and _open_slot(lex, text[s:i] + "?" + text[i + 1:e], i - s):
                    continue  # 因村制宜: a slot several idioms fill (因地制宜, 因时制宜): the writer's own word
                weight = f * 1000
            else:  # the right word is written elsewhere in the document, with a neighbour of this place
                lo2, hi2 = max(0, s - 1), min(n, e + 1)
                local = text[lo2:i] + word[i - s] + text[i + 1:hi2]
                spans = [(a, b) for a, b in ((lo2, e), (s, hi2)) if b - a > e - s and _HAN_RE.fullmatch(text[a:b])]
                if e - s == 2 and _between_words(text, s, i, is_word):
                    # 加大促学习: 大 belongs to 加大 and 促 stands between two words, so 大促 is read as 大体 only
                    # where the document writes 加大体 itself (工作吝部门 beside 各部门 elsewhere), never on 大体学
                    spans = [(a, b) for a, b in spans if (a < s) == (i == s + 1)]
                # written elsewhere as a word of its own, not straddling two (丰富人民 is no 富人)
                goods = [occurs.as_word(local[a - lo2:b - lo2], i - a, s - a, e - a, is_word) for a, b in spans]
                if not any(goods):
                    continue  # not written right elsewhere
                if single(ch) >= _VERB_CHAR and _in_a_parallel_frame(text, s, e, word):
                    continue  # 一脚踏在船上，一脚踩在滩涂上: a word of its own, varied in a parallel clause
                good, bad = max((g, occurs(text[a:b], i - a)) for g, (a, b) in zip(goods, spans, strict=True))
                if good == 0 or good < bad:
                    continue  # written wrong as often
                weight = f * good
            if best is None or weight > best[0]:
                best = (weight, s, e, word, kind, "similar" if phrase else "similar_here")
        if best is not None:
            _, s, e, word, kind, key = best
            yield Typo(s, e, text[s:e], word, key, f"“{ch}”与“{word[i - s]}”{kind}")


def _uncovered(piece: str, lex: object) -> bool:
    """Whether some character of ``piece`` belongs to no dictionary word inside it: 标准建设 is two
    words (标准, 建设) and no slip, 准化建设 leaves 准 and 化 alone. Kept per piece (a question of the
    dictionary alone: the few pieces that are a phrase with a character missing come back in text after text)."""
    memo = lex.memo("proofread.uncovered")  # type: ignore[attr-defined]
    got = memo.get(piece)
    if got is None:
        if len(memo) > _PLACES_MAX:
            memo.clear()
        got = memo[piece] = bool(_orphan_places(piece, lex))
    return got  # type: ignore[no-any-return]


def _dropped(text: str, lex: object, pairs: bytes | None = None) -> Iterator[Typo]:
    """A fixed phrase with one character missing: 扶再贷款 for 扶贫再贷款, 受理渠。 for 受理渠道。
    ``pairs``: the text's ``pair_flags`` if known. ``text`` may be paragraphs joined by line breaks: the
    whole phrase is looked for at most its own length away, too close to fit across a line break."""
    heads = lex.dropped_heads  # type: ignore[attr-defined]
    if pairs is None:
        pairs = lex.pair_flags(text)  # type: ignore[attr-defined]
    memo = lex.memo("proofread.dropped")  # type: ignore[attr-defined]
    if len(memo) > _PLACES_MAX:
        memo.clear()
    taken = 0  # the end of the last phrase found: the next one begins after it
    # the places where a phrase head may begin (its first two characters, then its second and third: both byte
    # masks read as integers and ANDed), then its three characters
    if len(pairs) < 2:
        return
    for s in _head_places(pairs, sys.modules.get("numpy")):
        # the phrases that may begin here depend on the next nine characters alone (see ``_dropped_at``): most places
        # were seen before and begin none, and are passed over at one look-up
        key = text[s:s + 9]
        found = memo.get(key)
        if found is None:
            found = memo[key] = _dropped_at(key, lex) if key[:3] in heads else ()
        if not found or s < taken:
            continue
        m = _HAN_RE.match(text, s)  # the rest of the run of Chinese characters this place begins
        if m is None or (s and text[s - 1] in _MARKUP):
            continue  # after a mark of markup (组##paidbegin##织生活会) the phrase was split, not cut short
        if (s and text[s - 1] in _MASKS) or text[m.end():m.end() + 1] in _MASKS:
            continue  # **风廉政建设: a character masked, not dropped (B103 reports the mask)
        e0 = m.end()
        for length, phrase in found:
            if s and lex.word(text[s - 1:s + 1]):  # type: ignore[attr-defined]
                # the first character belongs to a word with the one before: the text goes on a word begun
                # earlier (正规化建设, 法制化建设 are no 规范化建设, 制度化建设 short of a character; in 处于不败之地
                # 处于 stands for 立于), not at the phrase's start
                continue
            end = s + length
            if lex.word(text[end - 1:end + 1]) and not lex.word(text[end:end + 2]):  # type: ignore[attr-defined]
                # the last character makes a word with the next, which makes none with its own next (规范化设置 is
                # 规范化 + 设置, no 规范化建设; in 中华人民共国安全生产法 the 安 is 安全's)
                continue
            if phrase[:-1] == text[s:s + length] and s + length == e0 and (
                    _parallel_after(text, e0, length) or _parallel_elsewhere(text, s, length)):
                continue  # 责任清、任务明: two parallel clauses, each ending in a word of one character
            if phrase not in text[max(0, s - len(phrase)):s + length + len(phrase)]:
                yield Typo(s, s + length, text[s:s + length], phrase, "dropped")
                taken = s + length
                break


_MARKUP = frozenset("#<>{}[]|")  # the marks of a web page's markup left in the text
# the marks that stand for a character a site masked or a drafter left blank (**风, ××县, □□): B103's placeholders
_MASKS = frozenset("*＊×□")


def _parallel_after(text: str, e0: int, n: int) -> bool:
    """Whether a clause of the same length follows the mark at ``e0`` (责任清、任务明，): two short parallel clauses
    each ending in a word of one character, no phrase cut short."""
    m = _HAN_RE.match(text, e0 + 1)
    return m is not None and m.end() - m.start() == n and text[m.end():m.end() + 1] in _CLAUSE_MARKS


def _parallel_elsewhere(text: str, s: int, n: int) -> bool:
    """Whether the paragraph of ``text[s:s + n]`` holds another clause of ``n`` characters ending in the same one
    before a mark (一是人数多，……三是形式多。): items of one frame, each a word and an adjective of one character."""
    lo, hi = text.rfind("\n", 0, s) + 1, text.find("\n", s)
    hi = len(text) if hi < 0 else hi
    last = text[s + n - 1]
    return any(m.end() - n >= m.start() and m.end() - n != s and text[m.end() - 1] == last
               and text[m.end():m.end() + 1] in _CLAUSE_MARKS for m in _HAN_RE.finditer(text, lo, hi))


_PHRASE_ENDS = ("。", "，", "；", "、", "：")  # a phrase cut before its last character stands before one of these
_CLAUSE_MARKS = (*_PHRASE_ENDS, "！", "？")


def _head_places(pairs: bytes, np: Any = None) -> list[int]:
    """The places whose pair flags say ``HEAD`` and the next pair's ``TAIL``: where a phrase of ``dropped_heads`` may
    begin."""
    return _neighbour_places(pairs, _HEAD_BYTE, _TAIL_BYTE, np)


def _dropped_at(key: str, lex: object) -> tuple[tuple[int, str], ...]:
    """``_dropped_here`` at the start of ``key``, the nine characters of the text from a place on (fewer at its
    end): the run of Chinese characters that begins there either ends within them, and the mark after it is the
    last that counts, or is longer than the eight characters the longest piece takes."""
    m = _HAN_RE.match(key)
    return _dropped_here(key, 0, m.end(), lex) if m is not None else ()


def _dropped_here(text: str, s: int, e0: int, lex: object) -> tuple[tuple[int, str], ...]:
    """(length, phrase) of the pieces of text[s:e0] (a run of Chinese characters), longest first, that are a
    phrase with a character missing and leave a character belonging to no word. A piece of up to eight characters
    is a phrase missing a character inside it, or else, when the run ends with it before a punctuation mark, one
    missing its last: the phrases of the three characters at ``s`` (``dropped_from``) are tried in that order."""
    longest = min(8, e0 - s)
    out = []
    inside = 0  # the length of the last piece found missing a character inside
    for piece, last, phrase in lex.dropped_from(text[s:s + 3]):  # type: ignore[attr-defined]
        length = len(piece)
        if not 3 <= length <= longest or not text.startswith(piece, s):
            continue
        if not last:
            inside = length
        elif length == inside or s + length != e0 or text[e0:e0 + 1] not in _PHRASE_ENDS:
            continue
        if phrase and _uncovered(piece, lex):  # titles too: 《中华人民共国…法》
            out.append((length, phrase))
    return tuple(out)


# letters typed for digits inside a number with a unit, or a chainage: 1OO米, 25l亿元, K0+1OO
_UNIT = (r"(?:[万亿千百]?元|[万亿]|米|公里|千米|平方米|亩|吨|户|人|个|项|次|台|套|座|处|年|月|日|号"
         r"|km|m\b|kV|KV|kW|MW|%|％)")
_LETTER_DIGITS = (  # compiled at first use (``_compiled``): few texts have a letter beside a digit
    rf"(?<![A-Za-z0-9])(?=[0-9OolI.]*[0-9])(?=[0-9OolI.]*[OolI])[0-9][0-9OolI.]*[OolI][0-9OolI.]*(?={_UNIT})"
    r"|(?<![A-Za-z])(?=[0-9OolI.]*[OolI])[OolI][0-9OolI.]*[0-9][0-9OolI.]*(?=" + _UNIT + ")"
    r"|(?:(?<=[Kk][0-9]\+)|(?<=[Kk][0-9]{2}\+))(?=[0-9]{0,2}[OolI])[0-9OolI]{3}"
    r"|(?<![A-Za-z0-9.])[0-9]+[Oo][0-9Oo]*[0-9](?![A-Za-z0-9])"  # 2O23: a letter O between digits
)
_ROMAN_MIXED = re.compile(r"(?<![A-Za-z])(?=[Il1]*l)(?=[Il1]*I)[Il1]{2,4}(?=[^\S\n]*[级类档期])")
# a 发文字号 with a character typed between its year in brackets and its number (国发〔2023〕的5号, 〔2012〕年13号):
# GB/T 9704-2012 7.2.4 writes the year in 〔〕 and the number with 号 right after it
_DOCNO_DE = re.compile(r"([〔\[［][^\S\n]*(?:19|20)\d\d[^\S\n]*[〕\]］])[^\S\n]*([的年])[^\S\n]*(\d{1,4}[^\S\n]*号)")
_TITLE = re.compile(r"《([^《》\n]{2,60})》")


# a year written in Chinese numerals with the letter O, the digit 0 or the shape ○ (U+25CB, a geometric sign) for 〇
# (二ＯＯ六年, 一九九O年, 二0二四年, 二○○五年): how a typist without 〇 on the keyboard writes it (GB/T 15835-2011 and
# editing guides: a year is a serial number, its zero written 〇 U+3007, 二〇一二年;
# not the letter O, the digit 0 nor ○)
_YEAR_ZERO = re.compile(r"(?<![〇零一二三四五六七八九OoＯｏ0０○◯])(?=[〇零一二三四五六七八九]{0,3}[OoＯｏ0０○◯])"
                        r"[一二](?:[〇零一二三四五六七八九OoＯｏ0０○◯]){3}(?=年)")
# the four characters before the 年 of every match of _YEAR_ZERO, searched from the 年 (``re`` skips to it in C),
# where a search for each character that may stand for 〇 cost eight
_YEAR_ZERO_NEED = re.compile(r"年(?<=[一二][〇零一二三四五六七八九OoＯｏ0０○◯]{3}年)")
_ZERO_LIKE = str.maketrans("OoＯｏ0０○◯", "〇〇〇〇〇〇〇〇")


def _fix_letters(s: str) -> str:
    return s.replace("O", "0").replace("o", "0").replace("l", "1").replace("I", "1")


# … and the other way: the 一 of a word (统一, 第一) read as a dash, one — between two Chinese characters where the
# character before and 一 make a word (统—领导); a range between two terms (北京—上海) makes none
_YI_AS_DASH = r"(?<=[\u4e00-\u9fff])(?<!—)(—)(?!—)(?=[\u4e00-\u9fff])"
# a dash (——) that OCR or a font conversion turned into 一一, where it opens a sentence or a list item
_DASH_AS_YI = r"(?:^|(?<=[。；;：:！？\n]))\s*(一一)(?=[\u4e00-\u9fff])"  # compiled at first use: 一一 is rare
_LETTER_NEAR_DIGIT = re.compile(r"[0-9][OolI]|[OolI][0-9]|[Kk][0-9]{1,2}\+")
# a month or a day written in letters alone between the units of a date (2023年Io月3日, 5月lO日): no letter stands
# there in a date; read as digits, the number must be a month or a day
_LETTER_DATE = re.compile(r"(?<=[0-9]年)[OolI]{1,2}(?=月)|(?<=[0-9]月)[OolI]{1,2}(?=[日号])")


def _letters(text: str) -> Iterator[Typo]:
    """Letters for digits, mixed Roman numerals, 的 in a document number. ``text`` is one paragraph or
    several joined by line breaks: no match reaches across one."""
    # every match of both patterns holds one of these letters, rare in Chinese text: looked for first (a fast
    # search per letter) before the patterns that stop at each digit
    if has_any(text, "OolI"):
        if _LETTER_NEAR_DIGIT.search(text):  # the full pattern only where a letter touches a digit
            for m in _compiled(_LETTER_DIGITS).finditer(text):
                yield Typo(m.start(), m.end(), m.group(), _fix_letters(m.group()), "letters")
        if "月" in text:
            for m in _LETTER_DATE.finditer(text):
                value = int(_fix_letters(m.group()))
                if 1 <= value <= (12 if text[m.end()] == "月" else 31):
                    yield Typo(m.start(), m.end(), m.group(), str(value), "letters")
        if "l" in text:
            for m in _ROMAN_MIXED.finditer(text):
                numeral = m.group()
                typed = "小写字母 l" + ("和数字 1" if "1" in numeral else "")
                expected = _next_in_series(text, m.start(), m.end())
                yield Typo(m.start(), m.end(), numeral, expected or "", "roman" if expected else "roman_unsure", typed)
    if _YEAR_ZERO_NEED.search(text):
        for m in _YEAR_ZERO.finditer(text):
            yield Typo(m.start(), m.end(), m.group(), m.group().translate(_ZERO_LIKE), "year_zero")
    if ("的" in text or "年" in text) and "号" in text and has_any(text, "〔[［"):
        for m in _DOCNO_DE.finditer(text):
            yield Typo(m.start(), m.end(), m.group(), m.group(1) + m.group(3), "docno", m.group(2))


_ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_ROMAN_OF = {v: k for k, v in _ROMAN_VALUES.items()}


def _next_in_series(text: str, start: int, end: int) -> str | None:
    """The numeral a damaged one stands for when its sentence lists the numerals before it in order with the same
    word after them (I级、II级、III级 then Ill级: the fourth, IV, whatever its letters look
    like); None when there is no such series: the letters alone do not tell III from IV."""
    opening = sentence_around(text, start)[0]
    after = text[end:end + 3].lstrip()[:1]
    before = [m.group(1) for m in re.finditer(r"(?<![A-Za-z])([IVX]{1,4})(?=[^\S\n]*" + re.escape(after) + ")",
                                              text[opening:start])]
    values = [_ROMAN_VALUES.get(n) for n in before]
    if not values or values != list(range(1, len(values) + 1)):
        return None
    return _ROMAN_OF.get(len(values) + 1)


_OWN_NUMBER = re.compile(r"\s*[（(][^（()）\n]{0,30}(?:令|号|〕)[^（()）\n]{0,12}[）)]")


_SERIES_NUMERAL = re.compile(r"[一二三四五六七八九十百零〇两]")


# the words of a version or a stage of drafting (GB/T 9704 names drafts 征求意见稿, 送审稿; a text goes through 讨论稿,
# 报批稿, 审议稿 …): 《……（草案）》 and 《……（草案送审稿）》 are two texts, not one cited with a gap
_EDITION = re.compile(r"试行|暂行|修订|修正|草案|征求意见|送审|报批|审议|讨论|稿")


# … and the kind of document closing a title right after the gap (……执行情况的报告 beside ……执行情况的审查报告): the
# words before it make another kind of document on the same matter, not a gap
_KIND_END = re.compile(r"(?:报告|意见|方案|通知|通报|办法|规定|细则|说明|决定|总结|计划|纪要|函)")


# a line that is one title and nothing more, but a list's label and a closing mark: 3.《……决算表》；
_TITLE_LINE = re.compile(r"[\s\u3000]*(?:[（(]?[0-9一二三四五六七八九十]{1,3}[）)、.．]?)?[\s\u3000]*"
                         r"《([^《》\n]+)》[\s\u3000；;，,。.、]*")


_LIST_BREAK = re.compile(r"[，,。；;！？!?：:]")  # a mark that ends a list of titles cited side by side


def _side_by_side(texts: list[str], one: list[tuple[int, int, int]], other: list[tuple[int, int, int]]) -> bool:
    """Whether two titles are cited in one list: in one paragraph of ``texts``, with no clause mark between them (、,
    和, the name of the body that issued the second)."""
    for k, start, end in one:
        for k2, start2, end2 in other:
            if k == k2:
                a, z = (end, start2) if end <= start2 else (end2, start)
                if a <= z and _LIST_BREAK.search(texts[k], a, z) is None:
                    return True
    return False


def _title_gaps(blocks: list[Block]) -> dict[tuple[int, int], Typo]:
    """A document title cited elsewhere in the same document with 1–3 more characters inside it:
    《城市绿地养护办法》 beside 《城市绿地养护管理办法》."""
    seen: dict[str, tuple[int, int]] = {}
    cited: dict[str, int] = {}  # how often each title is cited
    numbered: set[str] = set()  # titles cited with their own number (《……规定》（交通运输部令2020年第4号）)
    alone: set[str] = set()  # titles that are a line by themselves: the items of a list of documents or tables
    # where each title is cited (block, start, end): two titles with no clause mark between them are listed side by
    # side, two documents (依据《……水法》、《……水土保持法》; 执行《……实施办法》、省委办公厅印发的《……实施细则》)
    where: dict[str, list[tuple[int, int, int]]] = {}  # (the paragraph's place in ``texts``, start, end)
    texts: list[str] = []  # the paragraphs citing a title
    for b in blocks:
        if "《" in b.text:
            for m in _TITLE.finditer(b.text):
                seen.setdefault(m.group(1), (b.index, m.start(1)))
                cited[m.group(1)] = cited.get(m.group(1), 0) + 1
                where.setdefault(m.group(1), []).append((len(texts), m.start(), m.end()))
                if _OWN_NUMBER.match(b.text, m.end()):
                    numbered.add(m.group(1))
            if (m := _TITLE_LINE.fullmatch(b.text)) is not None:
                alone.add(m.group(1))
            texts.append(b.text)
    out: dict[tuple[int, int], Typo] = {}
    outside: str | None = None  # the text with the titles' words left out, when a gap needs it
    titles = list(seen)
    for short in titles:
        if len(short) < 7 or cited[short] >= 2:
            continue  # a title cited twice or more the same way is that document's name, not a slip
        for long in titles:
            gap = len(long) - len(short)
            if not 1 <= gap <= 3:
                continue
            run = _doubled(long, short, gap)
            if run:
                # 《新余市新余市……办法》 beside 《新余市……办法》: the longer has a run typed twice, the shorter is right
                index, start = seen[long]
                out[(index, start)] = Typo(start, start + len(long), long, short, "title_doubled", run)
                continue
            for k in range(1, len(short)):
                if long[:k] == short[:k] and long[k + gap:] == short[k:]:
                    # a title cited with its own number (《……管理规定》（交通运输部令2020年第4号）) names that document:
                    # one of its family (《……辅助业管理规定》), not the same with a gap
                    # a numeral more is another of a series (修正案（十）, 修正案（十一）; 第二批, 第十二批), no gap
                    # … and a version's word (试行, 暂行, 修订) marks another edition of the same rules, no gap; a word
                    # right before the closing kind (审查报告, 实施方案) another kind of document
                    # … and two items of one list of titles (《……支出决算表》 above 《……基本支出决算表》), or two
                    # titles cited in one list with no clause mark between them (``_side_by_side``), are two
                    # documents named side by side
                    # … and a gap the text names as a term of its own outside the titles, both with and without
                    # the characters (优秀教师 and 优秀青年教师): two things, each with its own form
                    # … and a place inside the place before it (《遂宁市……规划》, 《遂宁市安居区……规划》): the plans of
                    # two bodies, the city's and its district's
                    if _HAN_RE.fullmatch(long[k:k + gap]) and short not in numbered \
                            and not (short in alone and long in alone) \
                            and not _side_by_side(texts, where[short], where[long]) \
                            and not _SERIES_NUMERAL.search(long, max(0, k - 1), min(len(long), k + gap + 1)) \
                            and not _EDITION.search(long, max(0, k - 1), min(len(long), k + gap + 1)) \
                            and not _KIND_END.fullmatch(long, k + gap) \
                            and not (long[k + gap - 1] in _UNIT_ENDS and short[k - 1] in _UNIT_ENDS):
                        if outside is None:
                            outside = _TITLE.sub("》", "\n".join(b.text for b in blocks))
                        left, right = short[max(0, k - 2):k], short[k:k + 2]
                        if len(left) == len(right) == 2 and left + right in outside \
                                and left + long[k:k + gap] + right in outside:
                            break
                        index, start = seen[short]
                        out[(index, start)] = Typo(start, start + len(short), short, long, "title")
                    break
    return out


_UNIT_ENDS = frozenset("省市州盟县区旗镇乡")  # the last character of an administrative area's name


def _doubled(long: str, short: str, gap: int) -> str:
    """The run of ``gap`` Chinese characters that ``long`` has typed twice in a row where ``short`` has it once; ""
    when ``long`` is no such copy of ``short``."""
    return next((long[k:k + gap] for k in range(len(long) - 2 * gap + 1)
                 if long[k:k + gap] == long[k + gap:k + 2 * gap] and _HAN_RE.fullmatch(long[k:k + gap]) is not None
                 and long[:k + gap] + long[k + 2 * gap:] == short), "")


# 一 between two years (2021一2025年): the 连接号 of a period (GB/T 15834-2011 4.13, 2011年—2015年) typed or read as 一
# (the 一 first, the years around it looked at from there: the text's digits are many, its 一 between two years few)
_YEAR_YI_YEAR = re.compile(r"一(?:(?<=(?<!\d)(?:19|20)\d\d一)|(?<=(?<!\d)(?:19|20)\d\d年一))(?=(?:19|20)\d\d(?!\d))")


_KIND_BEFORE = re.compile("(?:" + "|".join((*TITLE_KINDS, "汇报")) + ")$")  # a title's last word


def _dashes(text: str, lex: object) -> Iterator[Typo]:
    is_word = lex.word  # type: ignore[attr-defined]
    if "一" in text:
        for m in _YEAR_YI_YEAR.finditer(text):
            yield Typo(m.start(), m.end(), "一", "—", "year_dash")
    if _holds(text, "一一"):
        for m in _compiled(_DASH_AS_YI).finditer(text):
            start = m.start(1)
            if not any(is_word(text[start:start + k]) for k in (3, 4)):  # not 一一对应, 一一列举 …
                yield Typo(start, start + 2, "一一", "——", "dash")
    if "—" in text:
        for m in _compiled(_YI_AS_DASH).finditer(text):
            i = m.start(1)
            before, after = text[i - 1], text[i + 1]
            if before in _CN_DIGITS or after == text[i - 2:i - 1] or not is_word(before + "一"):
                continue  # 周一—周五, 东—西: a range between two like terms, not a lost 一
            if _KIND_BEFORE.search(text, max(0, i - 4), i):
                continue  # ……工作计划—抓好两个重点: the dash sets a subtitle after a title's kind (计划, not 划一)
            yield Typo(i - 1, i + 1, before + "—", before + "一", "yi_dash")


# a character at most this often in the document (or once per 200 characters of a long one: trying each place
# then costs less than reading the text again) has its places listed, and a string is looked for there
_FEW = 64


class _Occurrences:
    """How often a string occurs in the document (as ``str.count``: non-overlapping, left to right), each
    string counted once. The string is asked with one of its characters, the odd or the replacing one, often
    rare in the document: a character that never occurs answers 0, one that occurs a few times is looked
    for at its places; only a common one has the whole text read again."""

    __slots__ = ("_at", "_chars", "_few", "_known", "_text", "_words")

    def __init__(self, text: str) -> None:
        self._text, self._few = text, max(_FEW, len(text) // 200)
        self._known: dict[str, int] = {}
        self._words: dict[tuple[str, int, int], int] = {}  # (piece, start, end) → occurrences as a word
        self._chars: dict[str, int] = {}  # character → how often it occurs
        self._at: dict[str, list[int]] = {}  # a character occurring at most _FEW times → its places

    def __call__(self, piece: str, k: int = 0) -> int:
        """How often ``piece`` occurs; ``piece[k]`` is the character its places are looked up by."""
        got = self._known.get(piece)
        if got is None:
            got = self._known[piece] = self._count(piece, k)
        return got

    def as_word(self, piece: str, k: int, start: int, end: int, word: Callable[[str], bool]) -> int:
        """How often ``piece`` occurs (as ``__call__``) with ``piece[start:end]`` standing as a word there: not the
        tail of one dictionary word and the head of the next (丰富人民 holds 富人 only as 丰富 + 人民), told by
        ``word`` from the characters around the occurrence. ``piece[k]`` as in ``__call__``."""
        key = (piece, start, end)
        got = self._words.get(key)
        if got is None:
            got = 0
            if self(piece, k):  # occurs at all: only then are its places looked at, one by one (a few)
                text, place = self._text, self._text.find(piece)
                while place >= 0:
                    if not _straddles(text, place + start, place + end, word):
                        got += 1
                    place = text.find(piece, place + len(piece))
            self._words[key] = got
        return got

    def _count(self, piece: str, k: int) -> int:
        text, ch = self._text, piece[k]
        often = self._chars.get(ch)
        if often is None:
            often = self._chars[ch] = text.count(ch)
        if often == 0 or often > self._few:
            return 0 if often == 0 else text.count(piece)
        at = self._at.get(ch)
        if at is None:
            at = self._at[ch] = [m.start() for m in re.finditer(re.escape(ch), text)]
        count, free = 0, 0  # every occurrence has ch at k: try those places in order, never overlapping
        for place in at:
            start = place - k
            if start >= free and text.startswith(piece, start):
                count, free = count + 1, start + len(piece)
        return count



def _open_slot(lex: object, key: str, at: int) -> bool:
    """Whether the idioms that fit ``key`` (因?制宜) fill its open place with two or more characters (因地制宜,
    因时制宜): a pattern writers fill with a word of their own (因村制宜, 因户制宜), not one fixed phrase."""
    return len({word[at] for word, _, phrase in lex.targets(key, True) if phrase}) >= 2  # type: ignore[attr-defined]


def _in_a_parallel_frame(text: str, s: int, e: int, word: str) -> bool:
    """Whether ``word`` stands in the sentence of ``text[s:e]`` in the same short frame as ``text[s:e]``: the same
    character before and after, and no more than three alike in all (一脚踏在或跪在…，一脚踩在滩涂上…): two parallel
    clauses of one sentence that vary a word on purpose. A slip keeps its clause's own frame (坚决抗击疫情，
    全力杭击疫情) or repeats a longer name (召开山东省抗击新冠…的通知……召开山东省杭击新冠……)."""
    if s == 0 or e >= len(text):
        return False
    start, stop = sentence_around(text, s, e, "。！？\n")
    at = text.find(word, start, stop)
    while at >= 0:
        end = at + len(word)
        before = next((k for k in range(1, 5) if min(at, s) < k or text[at - k] != text[s - k]), 5) - 1
        after = next((k for k in range(4) if end + k >= stop or e + k >= len(text) or text[end + k] != text[e + k]), 4)
        if before and after and before + after <= 3:
            return True
        at = text.find(word, at + 1, stop)
    return False


def _ends_word(text: str, end: int, word: Callable[[str], bool]) -> bool:
    """Whether a dictionary word of 2–3 characters ends at ``end`` (exclusive) in ``text``."""
    return (end >= 2 and word(text[end - 2:end])) or (end >= 3 and word(text[end - 3:end]))


def _begins_word(text: str, start: int, word: Callable[[str], bool]) -> bool:
    """Whether a dictionary word of 2–3 characters begins at ``start`` in ``text``."""
    return word(text[start:start + 2]) or word(text[start:start + 3])


def _between_words(text: str, s: int, i: int, word: Callable[[str], bool]) -> bool:
    """Whether the two characters ``text[s:s + 2]``, one of them the odd character ``text[i]``, may be two words'
    edges rather than one word: the other character ends a dictionary word with the characters before it (大 of
    加大 in 加大促学习) or begins one with those after it (部 of 部门 in 工作吝部门), a word whose far end no other
    word claims (成全 in 完成全辇 is 完成 + 全: its 成 belongs to 完成), and on the odd character's other side a word
    begins (学习) or ends (工作)."""
    if i == s + 1:
        return _begins_word(text, s + 2, word) and any(
            word(text[s + 1 - k:s + 1]) and not _ends_word(text, s + 2 - k, word) for k in (2, 3) if s + 1 >= k)
    return _ends_word(text, s, word) and any(
        word(text[s + 1:s + 1 + k]) and not _begins_word(text, s + k, word) for k in (2, 3))


def _straddles(text: str, start: int, end: int, word: Callable[[str], bool]) -> bool:
    """Whether ``text[start:end]`` is the tail of one dictionary word and the head of the next rather than a
    word of its own: its first character ends a word with the characters before it, and its last begins one with
    those after it (富人 in 丰富人民: 丰富 + 人民). A Chinese numeral (三十 in 第三十一条) is one number however the
    dictionary's words (第三, 十一) split it."""
    if not text[start:end].strip(_CN_DIGITS):
        return False
    return _ends_word(text, start + 1, word) and _begins_word(text, end - 1, word)


def _candidates(text: str, lex: object, whole: str | _Occurrences, pairs: bytes | None = None,
                starts: list[int] | None = None, scan: tuple[list[int], list[int]] | None = None,
                confusable: dict[str, str] | None = None) -> list[Typo]:
    """Every typo found in ``text`` (one paragraph, or paragraphs joined by line breaks beginning at
    ``starts``), by kind, overlaps included; positions in ``text``. ``whole`` is the document's text or a
    function counting a string in it; ``pairs`` the text's ``pair_flags`` if known, ``scan`` its
    ``_orphan_scan`` (of the paragraphs looked at); ``confusable`` a ``confusable_table``."""
    shield = _shielded(text)
    if pairs is None:
        pairs = lex.pair_flags(text)  # type: ignore[attr-defined]
    if scan is None:
        scan = _orphan_scan(text, lex, pairs)
    occurrences = _Occurrences(whole) if isinstance(whole, str) else whole
    return [*_letters(text), *_dashes(text, lex), *_dropped(text, lex, pairs),
            *_substitutions(text, lex, shield, occurrences, starts or [0], *scan),
            *_confused(text, lex, confusable or {}, scan[0], shield)]


_QUOTES = frozenset("“”‘’\"'「」『』")


def confusable_table(groups: object) -> dict[str, str]:
    """For each character of the rule's ``confusable`` groups (strings of characters that look alike: 问间), the
    others of its groups; entries that are not strings are left out."""
    table: dict[str, str] = {}
    for group in groups if isinstance(groups, (list, tuple)) else ():
        if isinstance(group, str):
            for ch in group:
                table[ch] = table.get(ch, "") + "".join(c for c in group if c != ch and c not in table.get(ch, ""))
    return table


# modal verbs and adverbs that open a predicate (能愿动词 会/能/要/应/可, 副词 都/也/就/还/才/又/再/已/将/便/必): after
# a word of one character (的人会对……, 这人也要……) the two stand apart, so the first is no slip for a look-alike that
# would pair with them (人会 is no 入会)
_PREDICATE_OPENS = frozenset("会能要应可都也就还才又再已将便必")
# … and the adverbs of negation (未, 不, 没, 无, 非, 勿): one of them, or of the above, second in the pair and opening a
# word after it (六个月未发电: 未 + 发电) negates or qualifies that predicate; it is no slip for a look-alike that would
# pair with the character before (月未 is no 月末 there; 截至7月未，, with no word after 未, still is)
_ADVERBS = _PREDICATE_OPENS | frozenset("未不没无非勿")
# a directional complement after a verb of one character, before the place it goes (丢入指定垃圾桶, 放入, 存入): 入
# there is no slip for 人 (丢人), though the pair forms no word
_COMPLEMENTS = frozenset("入")
_BEFORE_A_WORD = _ADVERBS | _COMPLEMENTS  # second in the pair and a word after it: no slip for a look-alike


def _two_apart(text: str, u: int) -> str:
    """The characters two places before and after ``text[u]`` within its paragraph (no line break between)."""
    before = text[u - 2] if u >= 2 and "\n" not in text[u - 2:u] else ""
    return before + (text[u + 2:u + 3] if "\n" not in text[u + 1:u + 3] else "")


def _confused(text: str, lex: object, table: dict[str, str], places: list[int],
              shield: tuple[list[bool], list[tuple[int, int]]] | None) -> Iterator[Typo]:
    """Two neighbouring characters that both form no word where they stand (``places``: ``_orphan_scan``'s), one of
    which, replaced by a character of its ``table`` group, makes a dictionary word frequent enough to be offered
    (安排时问: 问 and 间 look alike, 时间 is a word). Not where a surname opens the pair or stands alone before it,
    beside a quotation mark (a quoted name) or in a shielded span, nor where the character or its neighbour comes
    again two places on (入脑入心, 一人一机, 三问三省: a parallel phrase), nor in an ordinal series (一问……三问)."""
    if not table:
        return
    # the pairs of odd characters whose first or second has a look-alike: tested first, the cheapest
    firsts = [i for i, j in pairwise(places) if j == i + 1 and (text[i] in table or text[j] in table)]
    if not firsts:
        return
    orphan = set(places)
    mask = shield[0] if shield is not None else None
    for i in firsts:
        pair = text[i:i + 2]
        # a name: a surname opening the pair, or standing alone before it (历史 holds its 史: no surname there)
        if (mask is not None and (mask[i] or mask[i + 1])) or pair[0] in _SURNAMES \
                or (i and text[i - 1] in _SURNAMES and i - 1 in orphan) or (i and text[i - 1] in _QUOTES) \
                or text[i + 2:i + 3] in _QUOTES or _in_a_listed_name(text, i, i + 2):
            continue
        for k in (0, 1):
            ch = pair[k]
            others = table.get(ch)
            if k == 1 and pair[0] in _NUMERAL_YI and text[i + 2:i + 3] not in _YI_AMOUNT:
                continue  # 一 + a verb (一干就是十年, 一抓到底): no slip for a numeral unless an amount follows
            if not others or (k == 1 and _in_a_series(text, pair)) or ch in _two_apart(text, i + k) \
                    or pair[1 - k] in _two_apart(text, i + 1 - k) or (k == 0 and pair[1] in _PREDICATE_OPENS) \
                    or (k == 1 and ch in _BEFORE_A_WORD and lex.word(text[i + 2:i + 4])):  # type: ignore[attr-defined]
                continue
            key = pair[:k] + "?" + pair[k + 1:]
            words = [(f, word) for word, f, _ in lex.targets(key) if word[k] in others]  # type: ignore[attr-defined]
            if words:
                _, word = max(words)
                yield Typo(i, i + 2, pair, word, "confusable", f"“{ch}”与“{word[k]}”形近，是常见的录入或识别错字")
                break


def _in_a_series(text: str, pair: str) -> bool:
    """Whether ``pair`` is a numeral and a character that the paragraph numbers again after another numeral: an
    ordinal series (一问……三问……五问: the questions of a self-examination), not a slip for 三间."""
    return pair[0] in _CN_DIGITS and sum(text.count(d + pair[1]) for d in _CN_DIGITS) >= 2


def _first_of_overlaps(found: list[Typo]) -> list[Typo]:
    """In text order; of overlapping typos the one that begins first (then the longest) stays."""
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[Typo] = []
    for t in found:
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    return out


def _typos_of_block(text: str, lex: object, whole: str | _Occurrences, pairs: bytes | None = None,
                    confusable: dict[str, str] | None = None) -> list[Typo]:
    """The typos of one paragraph (see ``_candidates``)."""
    return _first_of_overlaps(_candidates(text, lex, whole, pairs, confusable=confusable))


def _typos_by_paragraph(body: Body, lex: object, occurrences: _Occurrences, scan: tuple[list[int], list[int]],
                        pairs: bytes, wanted: set[int],
                        confusable: dict[str, str] | None = None) -> dict[int, list[Typo]]:
    """``_typos_of_block`` of each paragraph of ``wanted``, found in one pass over the joined text: the
    same typos (no word, phrase or pattern reaches across a line break), without a pass per paragraph.
    ``scan``: the ``_orphan_scan`` of the joined text."""
    starts, blocks = body.starts, body.blocks
    places, open_places = scan
    left_out: set[int] = set()
    for b in blocks:  # places outside the paragraphs asked about are not looked at
        if b.index not in wanted:
            first = bisect_left(places, starts[b.index])
            left_out.update(places[first:bisect_left(places, starts[b.index] + len(b.text), first)])
    if left_out:
        scan = ([u for u in places if u not in left_out], [u for u in open_places if u not in left_out])
    grouped: dict[int, list[Typo]] = {}
    for t in _candidates(body.text, lex, occurrences, pairs, starts, scan, confusable):
        index = body.block_at(t.start)
        if index in wanted:
            offset = starts[index]
            t.start -= offset
            t.end -= offset
            grouped.setdefault(index, []).append(t)
    return {index: _first_of_overlaps(found) for index, found in grouped.items()}


def _listed(ctx: Context, rule: Rule) -> Iterator[tuple[int, Typo]]:
    """The listed mistakes (``pairs``), the set formulations written wrong (``formulations``: a leader's name left out),
    and the accepted variants (``variants``) of a document that also writes their standard form (其它 beside 其他: one
    form throughout). The lists are looked for by one scan of their anchors (``_active``), a variant's standard form
    only where its own anchor occurs."""
    text = ctx.body.text
    lists = (("default", rule.params.get("pairs", ())), ("variant", rule.params.get("variants", ())),
             ("formulation", rule.params.get("formulations", ())))
    keyed = [(key, pair) for key, pairs in lists for pair in pairs]
    patterns = tuple([p for _, (p, _) in keyed])
    if not patterns:
        return
    compiled, anchors = _compiled_list(patterns)
    for i in _active(anchors, text, ctx.body.utf16()):  # the code units, encoded once for the pair flags as well
        key, (_, expected) = keyed[i]
        if key == "variant" and expected not in text:
            continue
        for b, offset, m in ctx.body.finditer(compiled[i][1]):
            if b.index not in ctx.residue:
                start = m.start() - offset
                yield b.index, Typo(start, start + len(m.group()), m.group(), expected, key)


@lru_cache(maxsize=16)
def _compiled_list(patterns: tuple[str, ...]) -> tuple[tuple[tuple[str, Literal | PatternSet], ...], tuple[str, ...]]:
    """``compile_each`` of a list's patterns, and their anchors."""
    compiled = compile_each(patterns)
    return compiled, tuple(a for a, _ in compiled)


@lru_cache(maxsize=16)
def _anchor_scan(anchors: tuple[str, ...]) -> tuple[re.Pattern[str] | None, frozenset[str], dict[str, list[int]]]:
    """The alternation of the anchors of two or more characters (longest first), the anchors of one, and the
    places of each anchor in ``anchors``."""
    places: dict[str, list[int]] = {}
    for i, a in enumerate(anchors):
        places.setdefault(a, []).append(i)
    return (literal_alternation(a for a in anchors if len(a) > 1), frozenset(a for a in anchors if len(a) == 1),
            places)


_MULTIPLIERS = (0x9E3779B1, 0x85EBCA6B, 0xC2B2AE35, 0x27D4EB2F, 0x165667B1)  # odd: one to one mod 2^32
_BY_PAIRS_FROM = 1000  # characters from which numpy's dozen steps (about 17 µs) cost less than the alternation


@lru_cache(maxsize=16)
def _anchor_pairs(anchors: tuple[str, ...]) -> tuple[Any, int, int, dict[int, tuple[str, ...]]] | None:
    """For ``_longer_by_pairs``: a hash table without collisions of the codes of the first two characters of the
    anchors of two or more characters (a pair's code: its two UTF-16 units read as one unsigned int, the first in
    the low 16 bits), as a numpy array of 2^bits slots holding the code whose hash picks the slot (code × an odd
    multiplier mod 2^32, its top bits); its multiplier and bits; and each code's anchors. None when an anchor is
    outside the BMP or no multiplier tried spreads the codes over distinct slots."""
    import numpy as np

    by_code: dict[int, list[str]] = {}
    for a in sorted({a for a in anchors if len(a) > 1}):
        if ord(a[0]) > 0xFFFF or ord(a[1]) > 0xFFFF:
            return None
        by_code.setdefault(ord(a[0]) | ord(a[1]) << 16, []).append(a)
    codes = np.array(sorted(by_code), dtype=np.uint32)
    for bits in range(max(8, 2 + codes.size.bit_length()), 20):  # at least 4 slots a code
        for mult in _MULTIPLIERS:
            slots = np.multiply(codes, np.uint32(mult)) >> np.uint32(32 - bits)
            if np.unique(slots).size == codes.size:
                table = np.zeros(1 << bits, dtype=np.uint32)
                table[slots] = codes
                return table, mult, bits, {code: tuple(found) for code, found in by_code.items()}
    return None


def _longer_by_pairs(anchors: tuple[str, ...], text: str, np: Any, units: bytes | None = None) -> set[str] | None:
    """Every anchor of two or more characters that occurs in ``text``, by numpy (imported already: a batch's pair
    flags): each pair of neighbouring characters as one code (see ``_anchor_pairs``) looked up in the table of the
    anchors' first pairs in whole-array steps, then each anchor of a pair found compared where it stands. None (the
    alternation's scan instead) for a short text, one with characters outside the BMP, or anchors without a table.
    The alternation stops at each character that begins an anchor (全, 部, 提 …: one in 15 of a report) and tries
    its hundred branches there; this costs less than half (T105's list over 70 of the rules' reports: 9.2 -> 3.7 ms).
    ``units``: ``text`` in UTF-16-LE (``surrogatepass``), when the caller has it."""
    n = len(text)
    if n < _BY_PAIRS_FROM:
        return None
    built = _anchor_pairs(anchors)
    if units is None:
        units = text.encode("utf-16-le", "surrogatepass")
    if built is None or len(units) != 2 * n:
        return None
    table, mult, bits, by_code = built
    pair = np.ndarray((n - 1,), dtype="<u4", buffer=units, strides=(2,))  # units k and k + 1, unaligned
    slot = np.multiply(pair, np.uint32(mult))
    slot >>= np.uint32(32 - bits)
    found: set[str] = set()
    hits = np.flatnonzero(table.take(slot) == pair)
    for at, code in zip(hits.tolist(), pair[hits].tolist(), strict=True):
        found.update(a for a in by_code.get(code, ()) if text.startswith(a, at))
    return found


def _active(anchors: tuple[str, ...], text: str, units: bytes | None = None) -> list[int]:
    """``scan.active`` for the patterns of these anchors (those whose anchor occurs in ``text``), with the
    alternation kept per list (``active`` sorts and compares the anchors again for each text: a third of its cost on
    a report). An anchor of one character is looked for by ``in`` (a C search), not in the alternation: 进 and 于
    occur in every report, dozens of times, and each occurrence cost a search of its own (T105's list: 53 a report
    over the batch corpus). ``units``: as for ``_longer_by_pairs``."""
    rx, chars, places = _anchor_scan(anchors)
    found = {ch for ch in chars if ch in text}
    np = sys.modules.get("numpy")
    longer = _longer_by_pairs(anchors, text, np, units) if rx is not None and np is not None else None
    if longer is not None:
        found |= longer
    pos = 0
    while longer is None and rx is not None and (m := rx.search(text, pos)) is not None:
        found.add(m.group())
        pos = m.start() + 1
    # a shorter anchor that begins a found one (the alternation prefers the longer at a place) occurs as well: the
    # prefixes of the few anchors found, instead of comparing every pair of anchors once per list (a quadratic step
    # of 1.4 ms, a third of the first use of the list in a one-file check)
    present = {f[:k] for f in found for k in range(1, len(f) + 1)}
    present.add("")  # a pattern without an anchor may match anywhere
    return sorted(i for a in present for i in places.get(a, ()))


def _strings(value: object) -> tuple[str, ...]:
    """The strings of a list parameter, as a tuple (hashable); nothing when it is no list."""
    return tuple([v for v in value if isinstance(v, str)]) if isinstance(value, (list, tuple)) else ()


@lru_cache(maxsize=8)
def _confusable_of(groups: tuple[str, ...]) -> dict[str, str]:
    """``confusable_table`` of a rule's groups, built once per list."""
    return confusable_table(groups)


def check_typo(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports wrong characters with the evidence for each: words from a curated list of common
    mistakes (明查暗访, 再接再励); a character that forms no word where a character that
    sounds (音近, pypinyin readings) or looks (形近, shared components in the cjk-decomp
    decomposition data) alike makes a frequent word or idiom of jieba's dictionary or the 公文
    phrase list (以工代贩 → 以工代赈), or a word the document writes elsewhere beside the same
    neighbour (杭击新冠 beside 抗击新冠), as a word of its own there (丰富人民 is 丰富 + 人民, no
    evidence for 富人); two characters that are the edges of two words (加大|促|学习) take only
    the evidence that holds both words' characters; two neighbouring characters that both form no
    word where one of them, swapped for a look-alike of the ``confusable`` groups, makes a word
    (安排时问 → 时间, 进人 → 进入); a fixed phrase with a character missing
    (扶再贷款 → 扶贫再贷款); a document title cited elsewhere with more characters; letters
    typed for digits (1OO米, Ill级); a stray 的 inside a document number; a dash turned into 一一
    at the head of a sentence. Titles in 《》, short
    quotations, masked names and garbled passages are left alone.
    ## Parameters
    ``pairs``: ``[pattern, correction]`` lists, extendable in a user rulebook; ``confusable``:
    strings of characters that are slips for one another (问间); ``detect``: false to keep only
    the list.
    ## Example
    推广以工代贩方式 → T105 at 以工代贩, suggesting 以工代赈 (贩 and 赈 look alike)."""
    found: dict[int, list[Typo]] = {}
    for index, t in _listed(ctx, rule):
        found.setdefault(index, []).append(t)
    if rule.params.get("detect", True):
        blocks = [b for b in ctx.doc.blocks if b.text.strip() and b.index not in ctx.residue]
        if written_in_traditional(ctx):
            # the detector reads a dictionary of simplified words: in a document written in traditional characters
            # (T109 reports it) only letters and digits typed for one another (二00六, 1OO米) are judged
            for b in blocks:
                for t in _letters(b.text):
                    found.setdefault(b.index, []).append(t)
        elif any(_HAN_RE.search(b.text) for b in blocks):
            from ..lexicon import lexicon

            lex = lexicon()
            typos = _typos_by_paragraph(ctx.body, lex, _Occurrences(ctx.body.text), body_orphan_scan(ctx, lex),
                                        body_pairs(ctx, lex), {b.index for b in blocks},
                                        _confusable_of(_strings(rule.params.get("confusable", ()))))
            for index, listed in typos.items():
                text = ctx.doc.blocks[index].text
                found.setdefault(index, []).extend(t for t in listed if not _in_coined_parallel(text, t, lex))
            for (index, _), t in _title_gaps(blocks).items():
                found.setdefault(index, []).append(t)
    kept: list[tuple[int, Typo]] = []
    for index in sorted(found):
        taken = -1
        for t in sorted(found[index], key=lambda t: (t.start, -(t.end - t.start))):
            if t.start < taken:
                continue
            taken = t.end
            kept.append((index, t))
    # a listed mistake written the same way all through the document is one finding at its first place, with the
    # others as related places: the drafter replaces it everywhere at once
    places = [(index, t.start, t.text, t.expected, t) for index, t in kept]
    listed = ("default", "variant", "formulation")
    for (index, *_, t), times, related in summed(ctx.doc, places, lambda t: t.key in listed):
        yield rule.finding(ctx.doc, index, t.start, t.end, key=t.key, text=t.text, expected=t.expected,
                           why=t.why, suggestion=t.expected or None, times=times,
                           related=related)



_PARALLEL_ITEM = re.compile(r"[\u4e00-\u9fff]{4}")
_PARALLEL_MIN = 3  # four-character items in a row, set off by 、, that make a list of coined phrases


def _in_coined_parallel(text: str, t: Typo, lex: object) -> bool:
    """Whether the detector's ``t`` stands in a four-character item of a list of three or more such items set off
    by 、 (品德高尚、业务过硬、丰学惜教、睿智奉献: the 四字格 a school or a unit coins for its slogans), and the item
    corrected is no fixed phrase: a coined phrase joins characters no dictionary pairs; a set phrase typed wrong in
    such a list (恰尽职守) is still found."""
    if t.key not in ("similar", "similar_here") or len(t.text) != len(t.expected):
        return False
    lo = max(text.rfind(c, 0, t.start) for c in "、，,。；;：:\n ") + 1
    hi = min((i for i in (text.find(c, t.end) for c in "、，,。；;：:\n ") if i >= 0), default=len(text))
    if hi - lo != 4 or not (text[lo - 1:lo] == "、" or text[hi:hi + 1] == "、"):
        return False
    items = 1
    for step in (-1, 1):  # the four-character items beside it, 、 between
        at, end = (lo, hi)
        while True:
            if step < 0 and at >= 5 and text[at - 1] == "、" and _PARALLEL_ITEM.fullmatch(text, at - 5, at - 1):
                at, items = at - 5, items + 1
            elif step > 0 and text[end:end + 1] == "、" and _PARALLEL_ITEM.fullmatch(text, end + 1, end + 5):
                end, items = end + 5, items + 1
            else:
                break
    corrected = text[lo:t.start] + t.expected + text[t.end:hi]
    return items >= _PARALLEL_MIN and not lex.word(corrected)  # type: ignore[attr-defined]


# ---- X103 passages ------------------------------------------------------------------------------

_CLAUSE = re.compile(r"[^。；;！？!?\n]+")
_RARE_ALONE = 3000  # an odd character this rare as a word of its own, alone between two words, is noise
NOISE_MIN = 3  # odd characters in one sentence before it counts as garbled


_PREFIXES = frozenset("零全非无超准副总每")  # characters that make a word of the one after them (零故障, 非公)


def garbled_passages(text: str, lex: object, places: list[int] | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, sample) of the sentences of ``text`` that OCR or layout has garbled: three or
    more characters that stand alone between words and form no word with either (the arrows of a
    flow chart read as 弓、斗、升, or a stray 一 between every two steps). ``places``: those of the
    text's ``_orphans`` in text order, if known (a sentence ends at a mark, and so does every run of characters)."""
    single = lex.single  # type: ignore[attr-defined]
    if places is None:
        places = _orphan_places(text, lex)
    n = len(places)
    if n < NOISE_MIN:
        return
    odd_at = set(places)
    if not _enough_noise(text, places, single):
        return
    k = 0  # the first place not before the sentence
    for m in _CLAUSE.finditer(text):
        start, end = m.span()
        while k < n and places[k] < start:
            k += 1
        if k + NOISE_MIN > n:
            return  # too few odd characters left for any sentence
        if end - start < 12 or places[k + NOISE_MIN - 1] >= end:
            continue  # too short, or too few odd characters in the sentence, whatever their neighbours
        odd, at = [], []
        for p in places[k:bisect_left(places, end, k)]:
            if p == start or p == end - 1 or p - 1 in odd_at or p + 1 in odd_at:
                continue  # a run of odd characters is a name or a term; noise stands alone
            if not ("\u4e00" <= text[p - 1] <= "\u9fff" and "\u4e00" <= text[p + 1] <= "\u9fff"):
                continue
            ch = text[p]
            if ch != "一" and _AMOUNT_AFTER.match(text, p + 1):
                continue  # a product before its amount (结晶铝三千多吨, 烧结砖二十万块): a noun, counted
            if ch == "一" or single(ch) < _RARE_ALONE:
                odd.append(ch)
                at.append(p)
        # a character opening two or more items of a list of the sentence (减证明、减环节、减跑动; 一村一品、
        # 一乡一业) is the list's own word, repeated on purpose wherever it stands in the sentence
        if len(odd) >= NOISE_MIN and "、" in text[start:end]:
            listed = {ch for ch in set(odd) if text.count("、" + ch, start, end) >= 2}
            odd = [ch for ch in odd if ch not in listed]
            at = [p for p in at if text[p] not in listed]
        # one prefix again and again (设备零故障、客户零闪动、工作零差错), or one word again in clause after clause
        # (为人民谋幸福、为民族谋复兴: parallel clauses), is a pattern the text repeats on purpose
        if len(odd) >= NOISE_MIN and not (len(set(odd)) == 1 and (odd[0] in _PREFIXES or (
                odd[0] != "一" and all(_CLAUSE_MARK.search(text, a + 1, b) for a, b in pairwise(at))))):
            yield start, end, "、".join(dict.fromkeys(odd))


_CLAUSE_MARK = re.compile(r"[、，,：:]")  # the marks between the clauses of a sentence
# an amount right after a character (年产结晶铝三千多吨, 烧结砖二十万块): the character is a product's name, counted
_AMOUNT_AFTER = re.compile(r"(?:[〇零一二两三四五六七八九十百千万亿]{2,}|\d+(?:\.\d+)?)[多余]?"
                           r"(?:吨|块|片|件|个|台|套|辆|只|头|株|亩|米|公里|元|千瓦|次|人|户|家|座|条|项|批|箱|袋|斤|公斤)")


def noise_places(text: str, places: list[int], single: Callable[[str], int]) -> list[int]:
    """The places of ``places`` (the odd characters of ``text``, in text order) that may be noise: alone
    between two Chinese characters (no odd one), and 一 or rare as a word of its own. ``text`` may be paragraphs
    joined by line breaks: a line break is no Chinese character, so a paragraph's edges never count."""
    last = len(text) - 1
    # the characters that may be noise, each asked once (a report's odd characters are a few dozen, at 160 places,
    # one in ten of them rare): those places first, then whether an odd character stands beside one
    rare = {ch for ch in {text[p] for p in places} if ch == "一" or single(ch) < _RARE_ALONE}
    odd = set(places)
    return [p for p in places if text[p] in rare and p - 1 not in odd and p + 1 not in odd and 0 < p < last
            and "\u4e00" <= text[p - 1] <= "\u9fff" and "\u4e00" <= text[p + 1] <= "\u9fff"
            and not (text[p] == "一" and (text[p - 1] in _TIME_UNITS or text[p + 1] in _TIME_UNITS))]


# 一 beside a unit of time is a numeral of a cadence (每月一督查、季度一考评、一年一考核; 一周一通报), not noise
_TIME_UNITS = frozenset("年月季度周旬天日")


def _enough_noise(text: str, places: list[int], single: Callable[[str], int]) -> bool:
    """Whether ``text`` holds ``NOISE_MIN`` odd characters that ``garbled_passages`` may count as noise
    (``noise_places``), whatever its sentences: most paragraphs with lone odd characters hold fewer, and are passed
    over without being cut into sentences (X103 asks about 11 paragraphs of a report of 6,000 characters, a garbled
    one seldom)."""
    return len(noise_places(text, places, single)) >= NOISE_MIN


# ---- T108 -------------------------------------------------------------------------------------

_UNITS = "条个人件项次名户家所篇场"
# a round number of hundreds is a count (走访2000余户): a year pasted into a count has its own last digits (共2022多件)
_YEAR_COUNT = PatternSet([rf"(?<![\d.])((?:19[5-9]|20[0-4])\d)(?<!00)(?:多|余)[{_UNITS}]"])
_SHARE = _scanned(
    # (not 完成率: a plan is often done beyond its target, 完成率101.5%)
    r"(?:占比|占|比重|比例|覆盖率|合格率|达标率|满意度|参与率)[^，。；\d]{0,6}?(\d{3,}(?:\.\d+)?)\s*[%％]"
)
# a count after 共 and what follows it in its sentence: the parts when 其中 comes right after the count, else the rest
_TOTAL = _scanned(rf"共(?:计|有)?[^\d，,。；;]{{0,8}}?(\d+)([{_UNITS}])[，,、]?(其中)?([^。；;]*)")
_CLAUSE_BREAK = re.compile(r"[，,；;]")
# after a count's unit (and the rest of its word: 场次, 人次), an enumeration comma: the count is one of a list
_FIRST_OF_LIST = re.compile(r"[\u4e00-\u9fff]{0,2}、")
# a count of households with their people (97户336人), the first after a word of a whole (共, 有, 全村): then two such
# counts right after it that add up to its households should add up to its people too (已脱贫64户221人，现有33户115人)
_HOUSEHOLDS = _scanned(r"(?:共|有|总计|合计|全村|全乡|全镇|全县|全区)[^\d，,。；;]{0,10}?"
                       r"(?P<whole>(\d+)\s*户\s*(\d+)\s*人)((?:[^。；;]{1,16}?(?<!\d)\d+\s*户\s*\d+\s*人){2})")
_HOUSEHOLD_PAIR = re.compile(r"(?<!\d)(\d+)\s*户\s*(\d+)\s*人")
_DATE = _scanned(r"(?<![\d.])((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH_DAY = _scanned(r"(?<![\d.年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_SHORT_YEAR = _scanned(r"(?:(?<=[到至于在从自—-])|(?<=截至)|(?<=截止))((?:19[5-9]|20[0-4]))\s*年"
                         r"(?!代|前|以来|来|间|历史)|(?<![\d.])((?:19[5-9]|20[0-4]))\s*年(?=\s*\d{1,2}\s*月)")

# what every match of _SHORT_YEAR holds: a 年 after a digit or a blank (searched from the 年, which ``re`` skips to)
_SHORT_YEAR_NEED = re.compile(r"年(?<=[\d\s]年)")

# Cheap necessary conditions for a finding of _YEAR_COUNT, _DATE and _MONTH_DAY, scanned by ``re`` alone from a
# literal first character (skipped to in C), where ``Body.finditer`` tries each pattern at every digit of the text,
# a Python step each: when none holds, the pattern is not run.
_YEAR_COUNT_NEED = re.compile(rf"[多余](?<=\d[多余])[{_UNITS}]")  # a digit, then what _YEAR_COUNT ends with
_DAY_AFTER_YEAR = re.compile(r"年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")  # _DATE from its 年 on: the same groups
_DAY_AFTER_MONTH = re.compile(r"月\s*(\d{1,2})\s*日")  # _MONTH_DAY from its 月 on: the same day
_MONTH_BEFORE = re.compile(r"(\d+)\s*\Z")  # the digits before a 月 (searched up to it)


_SHARE_NUMBER = re.compile(r"\d{3,}(?:\.\d+)?\s*\Z")  # what _SHARE needs right before its % (searched up to it)
_NUMBER_TAIL = re.compile(r"[\d.\s]*\Z")  # digits, points and spaces only: a number and its spaces may go on before
_SHARE_BACK = 40  # characters looked at before a %


def _matches_at(rx: re.Pattern[str], text: str, chars: str) -> bool:
    """Whether ``rx``, whose every match begins with one of ``chars``, matches in ``text``: tried only at the
    places of those characters, found by ``str.find`` (a fast C search) where ``rx.search`` tests a character
    class at every character."""
    for ch in chars:
        at = text.find(ch)
        while at >= 0:
            if rx.match(text, at):
                return True
            at = text.find(ch, at + 1)
    return False


_TARGET_SHARE = re.compile(r"计划|任务|目标|预算|考核")  # 占全年计划的167%: a plan done beyond its target


def _shares_may_exceed(text: str) -> bool:
    """Whether _SHARE may find a share in ``text``: every match of it ends in a number of three or more digits
    before its % (spaces between). Each % is looked at from ``_SHARE_BACK`` characters before; when all of those
    may belong to the number, yes."""
    for ch in "%％":
        at = text.find(ch)
        while at >= 0:
            lo = max(0, at - _SHARE_BACK)
            if _SHARE_NUMBER.search(text, lo, at) or (lo > 0 and _NUMBER_TAIL.match(text, lo, at)):
                return True
            at = text.find(ch, at + 1)
    return False


def _may_be_impossible(month: int, day: int) -> bool:
    """Whether a date with this month and day may not exist in some year (2月29日 does in a leap year)."""
    return (month, day) == (2, 29) or _impossible_date(2000, month, day)


def _dates_may_be_impossible(text: str) -> bool:
    """Whether _DATE may find an impossible date in ``text``: every match of it holds a match of
    ``_DAY_AFTER_YEAR`` with its month and day (none begins inside another's 年…日)."""
    return any(_may_be_impossible(int(m.group(1)), int(m.group(2))) for m in _DAY_AFTER_YEAR.finditer(text))


def _month_days_may_be_impossible(text: str) -> bool:
    """Whether _MONTH_DAY may find an impossible date in ``text``: its month is the one or two digits right before
    a ``_DAY_AFTER_MONTH`` (with spaces between), preceded by no digit; when unsure, yes."""
    for m in _DAY_AFTER_MONTH.finditer(text):
        day, at = int(m.group(1)), m.start()
        if 1 <= day <= 29:
            continue  # every month has it
        start = max(0, at - 12)
        before = _MONTH_BEFORE.search(text, start, at)
        if before is None:
            if start > 0 and text[start:at].isspace():
                return True  # spaces all the way back: the month may lie further
            continue
        if before.start() == start > 0:
            return True  # digits all the way back: the run may be longer
        digits = before.group(1)
        if len(digits) <= 2 and 1 <= int(digits) <= 12 and _impossible_date(None, int(digits), day):
            return True
    return False


def _month_days(year: int, month: int) -> int:
    """Days in the month (Gregorian calendar); ``calendar`` costs 1.6 ms to import for this alone."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


# a date whose 年 and 月 were lost (20211228日, 2021915日: typed without them, or dropped by a converter)
_RUN_DATE = _scanned(r"(?<![\d.])((?:19|20)\d\d)(\d{2,4})日")
# … and a year run into its month (20139月, 20146月底: 年 lost in copying); found from its digits, the look-behind read
# in ``_run_month_detail``
_RUN_MONTH = _scanned(r"((?:19|20)\d\d)(1[0-2]|[1-9])月")
# … and two years run together before 年 (20212025年: the dash of 2021—2025年 lost), the second the later one
_RUN_YEARS = _scanned(r"((?:19|20)\d\d)((?:19|20)\d\d)年")
# a document number whose closing bracket was lost (衢政办发〔202316号: 〔2023〕16号); T102 leaves its 〔 to T108
DOCNO_LOST_CLOSE = _scanned(r"〔((?:19|20)\d\d)(\d{1,4})号")


def _digits_before(text: str, mark: str, count: int) -> bool:
    """Whether ``count`` digits (``\\d``) stand right before some ``mark`` in ``text``: what ``_RUN_DATE`` (six before
    日), ``_RUN_MONTH`` (five before 月) and ``_RUN_YEARS`` (eight before 年) need, where their searches try the
    pattern at every digit of the text (the last two cost 0.04 s each over the batch corpus, with no match). One
    search that skips to each mark in C (``_digits_then``) and looks back from there."""
    return _digits_then(mark, count).search(text) is not None


@cache
def _digits_then(mark: str, count: int) -> re.Pattern[str]:
    """``mark`` after ``count`` digits, found from the mark: ``re`` skips to a literal first character by itself."""
    mark = re.escape(mark)
    return re.compile(rf"{mark}(?<=\d{{{count}}}{mark})")


def _digits_before_day(text: str) -> bool:
    """Whether ``_RUN_DATE`` may match in ``text``: six digits right before a 日."""
    return _digits_before(text, "日", 6)


def _run_date_detail(year: str, rest: str, lost: str = "“年”“月”") -> str:
    """What the digits after the year of a ``_RUN_DATE`` (or a ``_LOST_MONTH_DAY``, which lost ``lost``) can be: the
    one date they spell, or none told apart."""
    dates = [(int(rest[:k]), int(rest[k:])) for k in (1, 2)
             if k < len(rest) and (rest[k:][:1] != "0" or len(rest[k:]) == 2)]
    dates = [(mo, d) for mo, d in dates if not _impossible_date(int(year), mo, d)]
    if len(dates) == 1 and len(rest) > 2:  # 201812日 may have lost its month or its day: no date is told
        return f"日期缺了{lost}，应为“{year}年{dates[0][0]}月{dates[0][1]}日”"
    return f"日期缺了{lost}，请写成“××××年×月×日”"


# a line that is a date and nothing else, its 月 and 日 lost (the date under a signature: 2021年920 for 2021年9月20日)
_LOST_MONTH_DAY = _scanned(r"(?<![^\n])[ \t\u3000]*((?:19|20)\d\d)年(\d{3,4})[ \t\u3000]*(?![^\n])")
_LOST_MONTH_DAY_NEED = re.compile(r"年\d{3,4}[ \t\u3000]*(?:\n|$)")


def _run_month_detail(m: re.Match[str]) -> str | None:
    """The fix of a ``_RUN_MONTH`` match, unless a digit or a point stands before it (a longer number)."""
    before = m.string[m.start() - 1:m.start()]
    if before.isdigit() or before == ".":
        return None
    return f"年份和月份连在一起，少了“年”，应为“{m.group(1)}年{m.group(2)}月”"


def _run_years_detail(m: re.Match[str]) -> str | None:
    """The fix of a ``_RUN_YEARS`` match: two years, the second later, not inside a longer number."""
    before = m.string[m.start() - 1:m.start()]
    if before.isdigit() or before == "." or int(m.group(2)) <= int(m.group(1)):
        return None
    return f"两个年份连在一起，少了连接号，应为“{m.group(1)}—{m.group(2)}年”"


def _impossible_date(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12:
        return True
    last = _month_days(year if year else 2000, month)  # 2000 is a leap year: 2月29日 alone is fine
    return not 1 <= day <= last


def _each_match(ctx: Context, rule: Rule, rx: PatternSet, worth: bool,
                detail_of: Callable[[re.Match[str]], str | None], group: str | int = 0) -> Iterator[Finding]:
    """A finding over ``group`` of each match of ``rx`` outside the residue that ``detail_of`` gives a detail for
    (None: no finding); none at all when ``worth`` (a cheap test of the whole text) says no match can be found."""
    if not worth:
        return
    for b, offset, m in ctx.body.finditer(rx):
        detail = None if b.index in ctx.residue else detail_of(m)
        if detail:
            yield rule.finding(ctx.doc, b.index, m.start(group) - offset, m.end(group) - offset, text=m.group(group),
                               detail=detail)


def _households_detail(m: re.Match[str]) -> str | None:
    """Why the two counts after a whole of households and people do not fit it (their households add up, their people
    do not), or None."""
    (h1, p1), (h2, p2) = ((int(h), int(p)) for h, p in _HOUSEHOLD_PAIR.findall(m.group(4)))
    households, people = int(m.group(2)), int(m.group(3))
    if h1 + h2 != households or p1 + p2 == people:
        return None
    return f"后面两项合计 {households} 户，与总数相同，人数却合计 {p1 + p2} 人，与总数 {people} 人不符"


def _date_detail(m: re.Match[str]) -> str | None:
    """Why a ``_DATE`` match cannot be (a month without that day, no such month), or None."""
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not _impossible_date(year, month, day):
        return None
    return f"{month}月没有{day}日" if 1 <= month <= 12 else f"没有{month}月"


def _month_day_detail(m: re.Match[str]) -> str | None:
    """Why a ``_MONTH_DAY`` match (no year) cannot be, or None; a month out of range is left to the year's form."""
    month, day = int(m.group(1)), int(m.group(2))
    return f"{month}月没有{day}日" if 1 <= month <= 12 and _impossible_date(None, month, day) else None


def _overlapping(parts: str, dimensions: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the parts listed after a total may overlap: they name two or more of ``dimensions`` (女性32人，党员61人，
    大专以上学历70人 count the same people by sex, party and schooling), or a threshold (50岁以上, 年收入10万元以下),
    whose groups may nest. Such parts may add up to more than the total; only one breakdown cannot."""
    if "以上" in parts or "以下" in parts:
        return True
    return sum(1 for words in dimensions if any(w in parts for w in words)) >= 2


# a rate or a share in % (覆盖率92%, 占比18.5%) compared with an earlier one in the same sentence and said to have
# risen or fallen by so many % (较去年提高3.35%): the difference of two percentages is in percentage points (个百分点),
# as the statistical bulletins of 国家统计局 write it; only right after the figure, so a change of another quantity that
# a clause names (利润同比增长15%) is left alone
_RATE_CHANGE = re.compile(r"(?:率|比重|占比)(?:为|是|达到?|提高到|提升到|下降到|降至|升至)?\s*\d+(?:\.\d+)?\s*[%％]"
                          r"[，,]?\s*(?:较|比|同比|环比)[^，,。；;%％\d]{0,8}?(?:提高|上升|下降|增加|减少|降低|提升)了?\s*"
                          r"((\d+(?:\.\d+)?)\s*[%％])")


def _numbers(ctx: Context, rule: Rule) -> Iterator[Finding]:
    body, residue = ctx.body, ctx.residue
    yield from _each_match(ctx, rule, _YEAR_COUNT, _matches_at(_YEAR_COUNT_NEED, body.text, "多余"),
                           lambda m: f"“{m.group(1)}”像是年份，却用作数量")
    for b, offset, m in body.finditer(_SHARE) if _shares_may_exceed(body.text) else ():
        if b.index not in residue and float(m.group(1)) > 100 and not _TARGET_SHARE.search(m.group()):
            yield rule.finding(ctx.doc, b.index, m.start(1) - offset, m.end() - offset, text=m.group(1) + "%",
                               detail="占比、比率不可能超过 100%")
    partitioned: set[tuple[int, int]] = set()  # the wholes ``_partition_sums`` judged: the count below leaves them
    yield from _partition_sums(ctx, rule, partitioned)
    for b, offset, m in body.finditer(_TOTAL):
        if (b.index, m.start(1) - offset) in partitioned:
            continue
        total, unit, rest = int(m.group(1)), m.group(2), m.group(4)
        if not m.group(3):  # a 其中 further on breaks down another figure (共有正式党员22人，预备党员2人，其中……)
            if _FIRST_OF_LIST.match(body.text, m.end(2)):  # from the unit on: the pattern takes a 、 right after it
                continue  # 共召开党员大会36场次、支委会108场次……: the first of a list of counts of other things
            # without 其中, only a list in one clause is a breakdown (科级30人、一般干部40人); clauses after a comma
            # tell stages that overlap (签约19个，开工14个，6个建成投产), not parts
            rest = _CLAUSE_BREAK.split(rest.lstrip("，,、"), 1)[0]
        parts = [int(x) for x in re.findall(rf"(\d+){unit}", rest)]
        if b.index in residue or len(parts) < 2 or sum(parts) <= total \
                or _overlapping(rest, _dimensions(rule.params.get("dimensions"))):
            continue
        running, breakdowns = 0, False
        for p in parts:  # 共356人，其中男59人、女297人；党员168人、群众188人: two breakdowns of one total
            running += p
            if running == total:
                breakdowns, running = True, 0
        if breakdowns and not running:
            continue  # (each breakdown whole: 农村支部5个、机关支部2个、学校支部1个 of 7 leaves 1 over, no second one)
        yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end(2) - offset,
                           text=m.group()[:m.end(2) - m.start()],
                           detail=f"后面列出的分项合计 {sum(parts)}{unit}，大于总数 {total}{unit}")
    for b, offset, m in body.finditer(_RATE_CHANGE) if "率" in body.text or _holds(body.text, "比重") else ():
        if b.index not in residue:
            yield rule.finding(ctx.doc, b.index, m.start(1) - offset, m.end() - offset, key="points", text=m.group(1),
                               expected=f"{m.group(2)}个百分点", suggestion=f"{m.group(2)}个百分点")
    # the whole's own count is quoted, not the sentence
    yield from _each_match(ctx, rule, _HOUSEHOLDS, "户" in body.text, _households_detail, "whole")
    yield from _each_match(ctx, rule, _DATE, _dates_may_be_impossible(body.text), _date_detail)
    yield from _each_match(ctx, rule, _MONTH_DAY, _month_days_may_be_impossible(body.text), _month_day_detail)
    bare: dict[int, list[tuple[int, re.Match[str]]]] = {}
    for b, offset, m in body.finditer(_BARE_MONEY) if _BARE_MONEY_NEED.search(body.text) else ():
        if b.index not in residue:
            bare.setdefault(b.index, []).append((offset, m))
    for index, found in bare.items():  # one finding per paragraph, naming every bare number
        offset, m = found[0]
        numbers = "、".join(x.group(1) for _, x in found)
        yield rule.finding(ctx.doc, index, m.start(1) - offset, m.end(1) - offset, text=m.group(1),
                           detail=f"金额 {numbers} 后面没有单位（元、万元，或是比例 %）")
    for b in ctx.doc.blocks if "亿" in body.text and "万" in body.text else ():  # a paragraph with both, else none
        if b.index not in residue and ("万" in b.text and "亿" in b.text):
            for m, detail in _unit_slips(b.text):
                yield rule.finding(ctx.doc, b.index, m.start(), m.end(), text=m.group(), detail=detail)
    yield from _done_after_signing(ctx, rule)
    yield from _due_before_signing(ctx, rule)
    yield from _each_match(ctx, rule, _RUN_DATE, _digits_before_day(body.text),
                           lambda m: _run_date_detail(m.group(1), m.group(2)))
    yield from _each_match(ctx, rule, _LOST_MONTH_DAY, _LOST_MONTH_DAY_NEED.search(body.text) is not None,
                           lambda m: _run_date_detail(m.group(1), m.group(2), "“月”“日”"), 0)
    yield from _each_match(ctx, rule, _RUN_MONTH, _digits_before(body.text, "月", 5), _run_month_detail)
    yield from _each_match(ctx, rule, _RUN_YEARS, _digits_before(body.text, "年", 8), _run_years_detail)
    yield from _each_match(ctx, rule, DOCNO_LOST_CLOSE, "〔" in body.text,
                           lambda m: f"文号的年份后少了“〕”，应为“〔{m.group(1)}〕{m.group(2)}号”")
    for b, offset, m in body.finditer(_SHORT_YEAR) if _SHORT_YEAR_NEED.search(body.text) else ():
        if b.index not in residue:
            digits = m.group(1) or m.group(2)
            start = (m.start(1) if m.group(1) else m.start(2)) - offset
            yield rule.finding(ctx.doc, b.index, start, m.end() - offset, text=m.group().strip(),
                               detail=f"年份“{digits}”只有三位数字，疑似漏了一位")
    yield from _lost_numbers(ctx, rule)
    if _NO_RI_NEED.search(body.text):
        for b, offset, m in body.finditer(_NO_RI):
            if b.index not in ctx.residue and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
                yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key="no_ri",
                                   text=m.group(), expected=f"{m.group()}日", suggestion=f"{m.group()}日")
    if "约" in body.text:
        for b, offset, m in body.finditer(_APPROX_TWICE):
            if b.index not in residue:
                yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key="approx",
                                   text=m.group(), tail=m.group(1) or m.group(2))
    if _holds(body.text, "左右"):
        for b, offset, m in body.finditer(_RANGE_APPROX):
            if b.index not in residue:
                yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key="range_approx",
                                   text=m.group())
    yield from _negative_rises(ctx, rule)
    yield from _totals_after_items(ctx, rule)
    yield from _parts_over_whole(ctx, rule)
    yield from _shares_not_whole(ctx, rule)
    yield from _rates_off(ctx, rule)
    yield from _dropped_classifiers(ctx, rule)
    yield from _each_match(ctx, rule, _REVERSED_RANGE, _REVERSED_RANGE_NEED.search(ctx.body.text) is not None,
                           _reversed_range_detail)


# a progress rate stated after the two amounts it divides (资金到位840.97万元，累计支出454.06万元，预算执行率50.62%;
# 计划完成20项，实际完成15项，完成率75%): the rate is the one amount over the other. Which rates: ``rates`` (T108's
# params). Only two amounts in one unit between the sentence's start (or the rate before) and the rate, neither a
# change (比上年增加10万元), no other percentage among them, and no 其中 (a part, not the base)
_RATE_FIGURE = re.compile(r"(?:为|是|达|达到|仅为|只有)?\s*(\d+(?:\.\d+)?)\s*[%％]")


def _listed_together(between: str) -> bool:
    """Whether two amounts with ``between`` between them are items of one list (整改个性问题2个、共性问题1个: both kinds
    done, neither the base of the other), not a plan and what was done of it in clauses of their own."""
    return "、" in between and not any(c in between for c in "，,；;")


def _rate_range(a: re.Match[str], b: re.Match[str]) -> tuple[float, float]:
    """The percentages ``b`` over ``a`` may make within the rounding of their written figures."""
    (x, dx), (y, dy) = _amount_value(a), _amount_value(b)
    return 100 * (y - dy) / (x + dx), 100 * (y + dy) / (x - dx)


@lru_cache(maxsize=8)
def _last_characters(words: tuple[str, ...]) -> str:
    """The characters ``words`` end with (率 for the rates): a text without them holds none of the words, which a
    search for each tells at less cost than the scan of their alternation."""
    return "".join(sorted({w[-1] for w in words}))


@lru_cache(maxsize=8)
def _rate_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """``words`` as one pattern of plain strings, in their order, compiled once per list."""
    return re.compile("|".join(map(re.escape, words)))


def _rates_off(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """T108: a rate (``rates``) that is neither amount before it over the other, within the rounding of the three."""
    words = tuple(w for w in rule.params.get("rates", ()) if isinstance(w, str) and w)
    text = ctx.body.text
    if not words or ("%" not in text and "％" not in text) or not has_any(text, _last_characters(words)):
        return
    rate_word = _rate_words(words)
    # the paragraphs holding a rate word, from one scan of the whole text (a word holds no line break)
    for i in sorted({ctx.body.block_at(m.start()) for m in rate_word.finditer(text)}):
        b = ctx.doc.blocks[i]
        if b.index in ctx.residue or b.kind == "cell":
            continue
        start = 0
        for sentence in re.split(r"(?<=[。！？；;])", b.text):
            at, start, lo = start, start + len(sentence), 0
            for w in rate_word.finditer(sentence):
                figure = _RATE_FIGURE.match(sentence, w.end())
                if figure is None:
                    continue
                before, lo = sentence[lo:w.start()], figure.end()
                amounts = _breakdown_amounts(before, 0, len(before))
                if len(amounts) != 2 or _counter(amounts[0]) != _counter(amounts[1]) or "其中" in before \
                        or "%" in before or "％" in before or min(_amount_value(m)[0] for m in amounts) <= 0 \
                        or _listed_together(before[amounts[0].end():amounts[1].start()]):
                    continue
                value = float(figure.group(1))
                slack = 0.5 * 10 ** -len(figure.group(1).partition(".")[2])
                ranges = (_rate_range(*amounts), _rate_range(amounts[1], amounts[0]))
                if any(low - slack <= value <= high + slack for low, high in ranges):
                    continue
                computed = f"{100 * _amount_value(amounts[1])[0] / _amount_value(amounts[0])[0]:.2f}"
                yield rule.finding(ctx.doc, b.index, at + figure.start(1), at + figure.end(), key="rate",
                                   text=f"{figure.group(1)}%", rate=w.group(), base=amounts[0].group(),
                                   part=amounts[1].group(), computed=computed.rstrip("0").rstrip("."))


# a fall written as a negative rise in a sentence (比上年增长-18%, 同比分别-6.2%、-19.3%): 增长 and a minus say opposite
# things; the statistical bulletins of 国家统计局 write 下降 (减少) with the figure. A table's cell (增速 -3.2) is left
# alone, and so is 增速/增幅 with a minus (a rate may be negative)
_NEGATIVE_RISE = re.compile(r"(增长|增加|提高|上升|同比(?:分别)?)(?:了|为)?\s*[-－−]\s*"
                            r"(\d+(?:\.\d+)?\s*(?:[%％]|个百分点))")
_FALL_WORD = {"增长": "下降", "增加": "减少", "提高": "降低", "上升": "下降"}


def _dimensions(value: object) -> tuple[tuple[str, ...], ...]:
    """``[T108.params] dimensions`` as read from a rulebook: lists of strings; anything else is left out."""
    if not isinstance(value, list):
        return ()
    return tuple(tuple(w for w in words if isinstance(w, str) and w) for words in value if isinstance(words, list))


# an amount of a breakdown: a number (1,212.12 with its separators), 万 or 亿, a unit; not a rate, not one of a pair of
# units (元/吨), not a bound (50万元以上)
_PART_AMOUNT = re.compile(r"(?<![\d.,])(?<!\d。)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万亿|[万亿]?)"
                          r"(人次|人|名|户|家|个|所|项|件|元|吨|亩|公顷|辆|套|千瓦时|千瓦|公里|平方米|立方米)"
                          r"(?![\d%％/])(?!以上|以下|以内|左右)")
# a change, not a part (比上年增加0.8万亩, 新增25家); 增加值 is an amount of its own
_CHANGE_BEFORE = re.compile(r"(?:增加(?!值)|减少|增长|下降|提高|降低|新增|减收|增收|多|少|比上年|同比|较上年)"
                            r"[^，,；;。\d]{0,3}$")
_PARTS_END = "。！？\n"
# what ends a list of parts before the sentence does: a lead-in of its own (……体现在：), or a semicolon in a long
# stretch of words before the next figure (a part's label is a few words: 小学30所；初中15所)
_PART_LABEL = 20
_SEMICOLON_AFTER_CLAUSE = re.compile(r"[，,][^；;]*[；;]")
_PART_MAGNITUDE = {"": 1, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
# a figure per person, household or unit, or an average (人均, 平均工资, 户均, 亩均, 每人): a group's average may
# exceed the whole's, and the groups' averages add up to nothing
_AVERAGE = re.compile(r"[人户亩]均|平均|均价|单价|每(?:人|户|亩|名|个|家|吨|平方米)")
_ROUGH_BEFORE = ("约", "近", "逾", "超过", "将近", "大约", "接近")
_ROUGH_AFTER = ("左右", "以上", "上下")
_PARTITION_OFF = 0.3  # a breakdown whose parts miss their whole by more than this share is likely no breakdown of it
_TOTAL_WORDS = ("共", "总", "合计", "累计", "全年", "全县", "全市", "全区", "全镇", "全省")
_PARTS_STOP = (*_TOTAL_WORDS, "另有", "另外", "此外", "还有", "以外")


def _breakdown_amounts(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The amounts of ``text[lo:hi]`` that may be a whole or a part: changes left out."""
    return [m for m in _PART_AMOUNT.finditer(text, lo, hi) if not _CHANGE_BEFORE.search(text, max(lo, m.start() - 8),
                                                                                       m.start())]


def _counter(m: re.Match[str]) -> str:
    """The unit of an amount of ``_PART_AMOUNT``, with the two counters of people taken as one (共有39名学生，其中男生
    10人: 名 and 人 count the same people)."""
    unit = m.group(3)
    return "人" if unit == "名" else unit


def _amount_value(m: re.Match[str]) -> tuple[float, float]:
    """The amount in its unit (万 and 亿 multiplied out) and half of its last written place (its rounding); a whole
    number without 万 or 亿 (7个, 9名, 356人) is a count, exact (three parts of a count allowed a sum off by 1.5)."""
    digits = m.group(1).replace(",", "")
    magnitude = _PART_MAGNITUDE[m.group(2)]
    if "." not in digits and magnitude == 1:
        return float(digits), 0.0
    return float(digits) * magnitude, 0.5 * 10 ** -len(digits.partition(".")[2]) * magnitude


def _bracket_end(text: str, at: int, end: int) -> int:
    """Where the parts after the 其中 at ``at`` end: at the bracket that closes around it (集中隔离67人（其中密接9人，
    次密接18人），居家隔离……: the brackets break down the figure before them), else at ``end``."""
    opened = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
    if opened < 0 or max(text.rfind("）", opened, at), text.rfind(")", opened, at)) >= 0:
        return end
    closed = [x for x in (text.find("）", at, end), text.find(")", at, end)) if x >= 0]
    return min(closed, default=end)


def _partition_sums(ctx: Context, rule: Rule, judged: set[tuple[int, int]]) -> Iterator[Finding]:
    """T108: parts after 其中, in the unit of the one whole before them (in the sentence of 其中, or the sentence before
    when 其中 opens its own), whose sum differs from that whole by more than the rounding of the written figures, when
    they are every member of one of the rule's ``partitions`` (第一、二、三产业; 城镇 and 乡村; 男 and 女); other parts
    only when their sum exceeds the whole (see ``_overlapping``). The wholes judged are added to ``judged`` (block,
    place of the number)."""
    if not _holds(ctx.body.text, "其中"):
        return
    partitions = _dimensions(rule.params.get("partitions"))
    dimensions = _dimensions(rule.params.get("dimensions"))
    for b in ctx.doc.blocks:
        t = b.text
        if "其中" not in t or b.index in ctx.residue or b.kind == "cell":
            continue
        for q in re.finditer(r"其中[，,：:]?", t):
            end = min((x for x in (t.find(c, q.end()) for c in _PARTS_END) if x >= 0), default=len(t))
            end = _bracket_end(t, q.start(), end)
            segment = t[q.end():end]
            if any(w in segment for w in ("其中", "分别", "包括", "含")):
                continue  # a breakdown of a part, or figures given in another order: no one list to add up
            parts, labels, last = [], [], q.end()
            for m in _breakdown_amounts(t, q.end(), end):
                if in_round_brackets(t, m.start(), q.end()):
                    last = m.end()  # a part's own part in brackets (幼儿园51所（民办30所）): counted in the part
                    continue
                label = t[last:m.start()]
                if parts and any(w in label for w in _PARTS_STOP):
                    break  # another whole (……乡村人口24.1万人，全年出生人口3120人) or more (另有): the parts end
                if parts and ("：" in label or ":" in label or _SEMICOLON_AFTER_CLAUSE.search(label)
                              or (len(label) > _PART_LABEL and ("；" in label or ";" in label))):
                    # a statement of its own after a semicolon (……；“更多过夜”体现在：接待过夜游客554万人次), or after a
                    # clause the last part had to itself (其中地方财政收入2.19亿元，增长9.4%；全社会固定资产投资……)
                    break
                parts.append(m)
                labels.append(label)
                last = m.end()
            units = {_counter(m) for m in parts}
            if len(parts) < 2 or len(units) != 1:
                continue
            members = next((words for words in partitions if len(words) == len(parts) and all(
                sum(w in label for w in words) == 1 for label in labels) and all(
                any(w in label for label in labels) for w in words)), None)
            if members is None and _overlapping(segment, dimensions):
                continue  # groups that may overlap (女性…党员…, 50岁以上…40岁以上…): their sum may exceed the whole
            sentence = max(t.rfind(c, 0, q.start()) for c in _SENTENCE_MARKS) + 1
            if not t[sentence:q.start()].strip("，,：: \u3000"):  # 其中 opens its sentence: the whole is before it
                sentence = max(t.rfind(c, 0, max(0, sentence - 1)) for c in _SENTENCE_MARKS) + 1
            if _AVERAGE.search(t, sentence, end):
                continue  # 人均可支配收入……其中城镇居民……农村居民: averages of groups, which add up to nothing
            wholes = [m for m in _breakdown_amounts(t, sentence, q.start()) if _counter(m) in units]
            if len(wholes) != 1:
                continue  # no whole, or two amounts of the unit before 其中: which one is broken down is unsure
            whole = wholes[0]
            if t[max(0, whole.start() - 2):whole.start()].endswith(_ROUGH_BEFORE) or \
                    t.startswith(_ROUGH_AFTER, whole.end()) or t[whole.start(3) - 1:whole.start(3)] in ("余", "多"):
                continue  # a rough whole (约4亿元, 超过300人, 3000余人) bounds no sum
            if members is None and not any(w in t[sentence:whole.start()] for w in _TOTAL_WORDS):
                continue  # parts of a figure not called a total (总产量, 共有, 合计): the list may go on to other facts
            judged.add((b.index, whole.start(1)))
            total, slack = _amount_value(whole)
            summed = 0.0
            for m in parts:
                value, rounding = _amount_value(m)
                summed += value
                slack += rounding
            if members is None:
                # not every part of a known breakdown: a list may name some parts only, so only a sum above the whole
                # is wrong, and not when the parts are two breakdowns of it (按学历……；按专业……: each adds up to it)
                running, breakdowns = 0.0, False
                for m in parts:
                    running += _amount_value(m)[0]
                    if abs(running - total) <= slack * 1.0001:
                        breakdowns, running = True, 0.0
                if (breakdowns and not running) or summed <= total + slack * 1.0001:
                    continue  # (each breakdown whole: 5、2 and 1 of 7 leave 1 over, no second breakdown)
            elif abs(summed - total) <= slack * 1.0001 or abs(summed - total) > total * _PARTITION_OFF:
                continue  # within rounding; or so far off that the parts are no breakdown of it (other measures)
            magnitude = _PART_MAGNITUDE[whole.group(2)]
            places = max(len(m.group(1).partition(".")[2]) for m in (*parts, whole))
            shown = f"{summed / magnitude:.{places}f}{whole.group(2)}{whole.group(3)}"
            detail = (f"后面“其中”所列各项合计 {shown}，大于总数" if members is None
                      else f"后面“其中”所列{'、'.join(members)}合计 {shown}，与总数不符")
            yield rule.finding(ctx.doc, b.index, whole.start(), whole.end(), text=whole.group(), detail=detail)


# a total stated after the items it sums (（一）……80万元。（二）……45万元。以上共计需资金150万元): the line opens with
# 以上/上述 and a word of a total; the items are the paragraphs right above it, each stating one amount in the same
# unit. A paragraph above with none, or with two or more, ends the items (a paragraph of two amounts is no item)
_TOTAL_AFTER = re.compile(r"\s*(?:以上|上述)[^\d。；;]{0,6}?(?:共计|合计|总计|共)[^\d。；;]{0,12}?"
                          r"(\d+(?:\.\d+)?)\s*(万元|亿元|元|个|项|人|户|家|所|台|套|辆|间|处|公里|亩|吨)")
_ITEM_AMOUNT = re.compile(r"(?<![\d.])(?<!\d。)(\d+(?:\.\d+)?)\s*"
                          r"(万元|亿元|元|个|项|人|户|家|所|台|套|辆|间|处|公里|亩|吨)")
_ITEMS_MIN = 2


def _paragraphs_holding(ctx: Context, words: tuple[str, ...]) -> list[Block]:
    """The paragraphs that hold one of ``words`` (none holds a line break), in order: found in the joined text (by
    ``_literal``, as ``_holds``), where most paragraphs hold none."""
    text, body = ctx.body.text, ctx.body
    found: set[int] = set()
    for word in words:
        search = _literal(word).search
        m = search(text)
        while m is not None:
            index = body.block_at(m.start())
            found.add(index)
            m = search(text, body.starts[index] + len(body.blocks[index].text))  # on from the next paragraph
    return [body.blocks[index] for index in sorted(found)]


def _totals_after_items(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """T108: a total after the items it sums (以上共计……150万元) that differs from their sum."""
    blocks = ctx.doc.blocks
    family: dict[int, str] | None = None
    for b in _paragraphs_holding(ctx, ("以上", "上述")):  # a line that opens with one of them holds it
        m = _TOTAL_AFTER.match(b.text)
        if m is None or b.index in ctx.residue or b.kind == "cell":
            continue
        if family is None:
            family = {it.marker.block: it.marker.family for it in ctx.outline.items if not it.marker.inline}
        unit, parts, style = m.group(2), [], None
        for above in reversed(blocks[:b.index]):
            if not above.text.strip():
                continue
            amounts = _ITEM_AMOUNT.findall(above.text)
            if len(amounts) != 1 or amounts[0][1] != unit or above.index in ctx.residue:
                break
            if parts and family.get(above.index) != style:
                parts = []  # items of two levels (（一）100万元 over 1. 60万元, 2. 40万元): no one list to add up
                break
            style = family.get(above.index)
            parts.append(amounts[0][0])
        if len(parts) < _ITEMS_MIN:
            continue
        places = max((len(x.partition(".")[2]) for x in [*parts, m.group(1)]), default=0)
        total, summed = round(float(m.group(1)), places), round(sum(map(float, parts)), places)
        if total != summed:
            shown = f"{summed:.{places}f}"
            yield rule.finding(ctx.doc, b.index, m.start(1), m.end(2), text=m.group(1) + unit,
                               detail=f"上面列出的 {len(parts)} 项合计 {shown}{unit}，与这里的合计不符")


def _negative_rises(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """T108: a fall written as a rise with a minus (增长-18%): the message gives the words to write (下降18%)."""
    body = ctx.body
    if not any(minus in body.text for minus in "-－−"):
        return
    for b, offset, m in body.finditer(_NEGATIVE_RISE):
        if b.index in ctx.residue or b.kind == "cell":
            continue
        word = m.group(1)
        fixed = (word + "下降" if word.startswith("同比") else _FALL_WORD[word]) + m.group(2).replace(" ", "")
        more = "，后面并列的负数同样去掉负号" if word.endswith("分别") else ""
        yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key="negative_rise",
                           text=m.group(), fixed=fixed, more=more)



# a part after 其中 that is larger than the count it is part of (撰写报告9篇，其中13篇获批示): the same counter after
# both numbers (a magnitude 万/亿 allowed), the whole the only number of its clause and of that counter in its sentence
# before 其中 (全县有企业320家，今年新增25家，其中…180家 counts the 320, not the 25); percentages are left alone (a part
# may grow faster than the whole)
_PART_UNITS = r"人次|[条个人件项次名户家所篇场处元台辆套间座吨亩期批]"
_AMOUNT_DIGITS = r"(?<![\d.,])(?<!\d。)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"  # 1,212.12 with its separators
_PART_OVER_WHOLE = _scanned(
    rf"{_AMOUNT_DIGITS}\s*([万亿]?)({_PART_UNITS})[，,]\s*其中[^，,。；;！？\d]{{0,12}}?"
    rf"{_AMOUNT_DIGITS}\s*([万亿]?)\3(?![\d%％])")
_MAGNITUDE = {"": 1, "万": 10_000, "亿": 100_000_000}
_COUNT_CLAUSE_ENDS = "，,、；;：:。！？\n"
_SENTENCE_MARKS = "；;。！？\n"


def _parts_over_whole(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """T108: one part after 其中 larger than its whole."""
    if not _holds(ctx.body.text, "其中"):
        return
    for b, offset, m in ctx.body.finditer(_PART_OVER_WHOLE):
        if b.index in ctx.residue or b.kind == "cell":
            continue
        whole = float(m.group(1).replace(",", "")) * _MAGNITUDE[m.group(2)]
        part = float(m.group(4).replace(",", "")) * _MAGNITUDE[m.group(5)]
        if part <= whole:
            continue
        text, start = b.text, m.start() - offset
        clause = max(text.rfind(c, 0, start) for c in _COUNT_CLAUSE_ENDS) + 1
        sentence = max(text.rfind(c, 0, start) for c in _SENTENCE_MARKS) + 1
        if (clause > 0 and text[clause - 1] == "、") or any(ch.isdigit() for ch in text[clause:start]):
            continue  # one of several counts in a list, or after another number: which one is the whole is unsure
        unit = m.group(3)
        if re.search(rf"\d\s*[万亿]?{unit}", text[sentence:start]):
            continue  # an earlier count of the same thing in the sentence may be the whole
        if _AVERAGE.search(text, sentence, m.end() - offset):
            continue  # 平均工资8.2万元，其中男职工8.6万元: a group's average may exceed the whole's
        yield rule.finding(ctx.doc, b.index, m.start(4) - offset, m.end() - offset,
                           text=m.group()[m.start(4) - m.start():],
                           detail=f"“其中”所列的部分（{m.group(4)}{m.group(5)}{unit}）大于前面的总数"
                                  f"（{m.group(1)}{m.group(2)}{unit}）")



# a period whose end comes before its start (2024年9月1日至8月30日): the start carries its year and the end is of the
# same year (its own year, or none written); a period over the new year writes the later year or 次年 (…至次年3月31日)
_REVERSED_RANGE = _scanned(
    r"(?<![\d.])((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(?:至|到|—|－|-|~|～)\s*"
    r"(?:((?:19|20)\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")


# _REVERSED_RANGE from its first 年 on: what every match of it holds, searched from the 年 (``re`` skips to it in C)
_REVERSED_RANGE_NEED = re.compile(r"年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:至|到|—|－|-|~|～)")


def _reversed_range_detail(m: re.Match[str]) -> str | None:
    start = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    end = (int(m.group(4) or m.group(1)), int(m.group(5)), int(m.group(6)))
    if _impossible_date(*start) or _impossible_date(*end) or end >= start:
        return None
    return "这段时间的结束日期早于开始日期"


# a number with 多 or 余 and then a noun with no classifier between (走访30多典型贫困户): the classifier was dropped
# … or a range of numbers (重点扶持3-5有涵养的示范点 → 3～5个): a range counts something, which a classifier names; not
# after 第, 图, 表, 附件 or 号, whose range numbers figures, tables or articles (图3-5中, 第3-5条), nor a span of years
# (2025-2027实验室建设规划: 年 left out, not a count), nor a room's number after its building (实验楼1-403多媒体
# 教室, 3号楼2-101室: the building, then the floor or unit and the room), nor a standard's number after its code (DL/T
# 860-2004标准, GB 50016-2014规范: the number and the year it was issued), nor the last of a list of ranges (10-100、
# 110-200价格区间):
# ranges listed are bands of a value, which the noun after them names. After 万 or 亿 the noun may follow at once
# (14亿多中国人, 3万多农民): the unit is the measure. The 多 of 多媒体 and 多功能 begins a word of its own.
_NO_CLASSIFIER = _scanned(r"(?<![\d.第\-－])(\d+(?:[千百])?[多余])(?!媒体|功能)([\u4e00-\u9fff]{1,2})"
                          r"|(?<![\d.第图表件号楼栋幢座元室\-－—～~:：A-Za-z])(?<![A-Za-z] )"
                          r"(?!(?:19|20)\d\d\s*[-－—～~]\s*(?:19|20)\d\d(?!\d))"
                          r"(\d+\s*[-－—～~]\s*\d+)(?![\d.:：\-－—～~])([\u4e00-\u9fff]{1,2})")

# what every match of _NO_CLASSIFIER holds: 多 or 余 right after a digit (or after its 千, 百), or a dash before a
# digit; looked for from those characters (``_matches_at``), where _NO_CLASSIFIER's scan stops at every digit (and a
# search for \\d at each character costs five times as much)
_NO_CLASSIFIER_NEED = re.compile(r"[多余](?:(?<=\d[多余])|(?<=\d[千百][多余]))|[-－—～~]\s*\d")
_RANGE_LISTED = re.compile(r"\d\s*[-－—～~]\s*\d+[%％]?、$")


def _dropped_classifiers(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """T108: a classifier missing after 30多, 50余 or 3-5 (the rule's ``classifiers``: what may follow them)."""
    allowed = rule.params.get("classifiers", "")
    if not isinstance(allowed, str) or not allowed:
        return
    if not _matches_at(_NO_CLASSIFIER_NEED, ctx.body.text, "多余-－—～~"):
        return
    for b, offset, m in ctx.body.finditer(_NO_CLASSIFIER):
        number, after = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if b.index in ctx.residue or b.kind == "cell" or after[0] in allowed:
            continue
        if m.group(3) and _RANGE_LISTED.search(b.text, max(0, m.start() - offset - 16), m.start() - offset):
            continue
        yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, key="classifier",
                           text=m.group(), number=number)

# shares of one whole that name the rest (其他收入占16%, 其余占): the list is a partition, and its shares add up to
# 100% (rounding aside); a list that adds up to more (or to clearly less) has a share typed wrong
_SHARE_CLAUSE = re.compile(r"(?:^|(?<=[，,、；;：:]))([^，,、；;：:。！？]*?)(?:所)?占(?:比)?(?:为|达|达到)?\s*"
                           r"(\d+(?:\.\d+)?)\s*[%％](?=[，,、；;。！？]|$)")
_REST = ("其他", "其它", "其余", "剩余")
_SHARES_SLACK = 1.0  # percentage points the rounding of a few shares may leave


def _shares_not_whole(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """T108: three or more shares in one sentence, one of them the rest (其他……占), that do not add up to 100%."""
    text = ctx.body.text
    if "占" not in text or not any(w in text for w in _REST):
        return
    for b in ctx.doc.blocks:
        if b.index in ctx.residue or b.kind == "cell" or "占" not in b.text:
            continue
        start = 0
        for sentence in re.split(r"(?<=[。！？；;])", b.text):
            found = list(_SHARE_CLAUSE.finditer(sentence))
            at, start = start, start + len(sentence)
            if len(found) < 3 or not any(f.group(1).lstrip().startswith(_REST) for f in found):
                continue
            if sentence.count("%") + sentence.count("％") != len(found):
                continue  # a percentage not read as a share of the list (分别占, 增长12%): the list is not known whole
            if any(f.group(1).lstrip().startswith(("其中", "分别")) for f in found[1:]):
                continue  # a breakdown inside one of the shares: two levels, not one list
            total = sum(float(f.group(2)) for f in found)
            if abs(total - 100) <= _SHARES_SLACK:
                continue
            shown = f"{total:.2f}".rstrip("0").rstrip(".")
            lead = len(found[0].group(1)) - len(found[0].group(1).lstrip())
            yield rule.finding(ctx.doc, b.index, at + found[0].start() + lead, at + found[-1].end(), key="shares",
                               text=sentence[found[0].start() + lead:found[-1].end()], total=shown,
                               count=len(found))


# 约 before a number and 余, 多 or 左右 after it say the same twice (约22000余条, 约3万人左右): the usage note of the
# 《现代汉语词典》 on 约数; one of them goes. The number may be written in Chinese numerals before a classifier
# (约三十余人, 约两个月左右) or as a fraction (约六分之一左右), and 约占……的 may stand before it (约占总人口的30%左右)
_APPROX_NUMERALS = "一二两三四五六七八九十"
_APPROX_TWICE = _scanned(
    r"(?<![制节大契公条签预违邀履毁特])约\s*(?:占[^，。；,;！？\d\s]{1,10}?的)?"
    r"(?:\d+(?:\.\d+)?\s*(?:[万亿千百]\s*)?"
    rf"|[{_APPROX_NUMERALS}百千万]{{0,3}}分之[{_APPROX_NUMERALS}]{{1,3}}"
    rf"|[{_APPROX_NUMERALS}][{_APPROX_NUMERALS}百千万]{{0,3}}(?=[余多]?[个名人天年月日周次成倍家户所条件项元吨亩]))"
    r"(?:(余|多)(?=[\u4e00-\u9fff])|[\u4e00-\u9fff%％]{0,3}?(左右))")

# a range of numbers is an approximation already, and 左右 after it says so twice (20～30分钟左右, 三至五年左右): the
# 病句 type 数量范围 + 左右 of the usage notes on 约数 (《现代汉语词典》 左右 ②: 用在数目字后面表示概数); not a date
# (2023-10-01左右: the numbers sit between other digits and hyphens) nor 左右 as the two sides (左右两侧, 左右为难)
_RANGE_APPROX = _scanned(
    r"(?:(?<![\d.\-－/:：])\d+(?:\.\d+)?[%％]?\s*(?:[万千百]\s*)?(?:——|[-－~～—–至到])\s*\d+(?:\.\d+)?(?![\d\-－/:：])"
    r"|(?<![一二两三四五六七八九十])[一二两三四五六七八九十]{1,2}[至到][一二两三四五六七八九十]{1,2})"
    r"\s*(?:[万千百]\s*)?[\u4e00-\u9fff%％]{0,3}?左右(?![两为逢开手摇侧各边])")

# ---- a number lost in copying: 约亿元, 同比增长%, 新中国成立周年, 活动时间 年9月 ------------------------------------
# web pages that draw their figures apart (a span, an image) and PDFs with the digits in another font lose them when
# copied; what stays is a word that cannot stand without its number. Only words that never do: 约 before 万元/亿元
# (近亿元, 超亿元, 投资亿元以上 stand for one), a percent sign or 个百分点 right after a word (not after 几, 两, 数 …),
# an anniversary of a founding (成立周年), and a 年 with no year before a month.
_LOST_SUM = _scanned(r"(?:约|共计|累计|合计)[万亿]元(?!以[上下]|级|户|村)")
# the sign after a Chinese character or a blank only, where _SHARE_WORD may end (a sign after a figure, as most are,
# is passed over in C)
_LOST_SHARE = _scanned(r"(?<=[\u4e00-\u9fff \u3000])(?:[%％](?=[，。；、,;\u4e00-\u9fff])|个百分点)")
# the word before the sign (searched up to it), with the blank where the figure stood (增长 %)
_SHARE_WORD = re.compile(r"[\u4e00-\u9fff]{1,2}[ \u3000]*\Z")
# … and a blank where an amount stood before 万元/亿元, after a word that asks for one (生产总值 亿元, 分别达到 亿元、
# 亿元): a form's or a draft's figures left out or lost; never after a digit (1.2 亿元) nor after 单位 (a table's unit)
_LOST_BLANK_SUM = _scanned(r"(?:达到|完成|实现|增加|减少|投资|总值|收入|支出|总额|金额|产值|增加值|规模"
                             r"|共计|累计|合计|[约近为和及与]|超过?|突破|、)[ \u3000]+(?:[万亿]元)")
# … and a blank where a population or an area stood (人口 万人, 总面积 平方公里, 耕地面积 万亩): a bare 人口万人 may be
# right (人口万人以上), a blank never is; a clause mark after it, as a table's header (人口 万人 面积 平方公里) has none
_LOST_BLANK_COUNT = _scanned(r"(?:人口|户数|面积)[为约达近共]?[ \u3000]+(?:[万千]?(?:人|户|亩)|平方公里|公顷)"
                             r"(?=[，。；、,;])")
_LOST_BLANK_COUNT_NEED = tuple(blank + unit for blank in " \u3000" for unit in "万千人户亩平公")  # the blank, its unit
_LOST_SUM_NEED = ("约万元", "约亿元", "计万元", "计亿元")  # what every match of _LOST_SUM holds
# … and a sum right after what was done to it, with the figure gone (共销售理财产品万元，其中基金万元; 实现产值亿元。):
# a verb of a result stated in money, its object of a few characters, then 万元 or 亿元 closing the clause; not a sum in
# words (销售额数万元, 投入上亿元, 投资近千万元: ``_COUNTED`` and the approximating words)
_VERB_BEFORE_SUM = re.compile(r"(?:销售|完成|实现|投入|投资|筹集|争取|发放|拨付|支出|募集|节约|兑现|落实)"
                              r"[\u4e00-\u9fff]{0,6}$")
_SUM_UNITS = ("万元", "亿元")
_CLAUSE_AFTER = frozenset("，。；、,;")
_ROUGHLY = frozenset("上近超逾约")  # 投入上亿元, 投资近千万元: a sum in words
_LOST_BLANK_SUM_NEED = (" 万元", " 亿元", "\u3000万元", "\u3000亿元")  # … and of _LOST_BLANK_SUM
_COUNTED = frozenset("几两多数余一二三四五六七八九十百千万亿半成")  # an amount in words: 几个百分点, 三成%
_LOST_ANNIVERSARY = _scanned(r"(?:新中国成立|成立|建国|建党|建军|诞辰|改革开放|解放|建校|建院|建市|建县|回归)周年")
_LOST_YEAR = _scanned(r"年\s*\d{1,2}\s*月")
_MASKED_DIGITS = frozenset("xX×ｘＸ*＊")  # a figure's digits a template left to fill (201x, 20××)
# … and a month lost between 年 and 月 (截至2024年月1月4日, 2023年月15日): a figure deleted or a 月 typed twice; a day
# lost between 月 and 日 (2021年8月日)
_LOST_MONTH = _scanned(r"(?:19|20)\d\d\s*年月(?=\s*\d{1,2}\s*[月日])")
_LOST_DAY = _scanned(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月日")
# … and a day's 日 left out before 前 or 止 (请于4月28前报送, 5月10止): the day runs into the word after it
_NO_RI = _scanned(r"(?<![\d.])(\d{1,2})\s*月\s*(\d{1,2})(?=\s*(?:前|之前|以前|止|为止))")
# what every match of _NO_RI holds from its 月 on: searched from the 月 (``re`` skips to it in C), where _NO_RI's
# scan stops at every digit of the text
_NO_RI_NEED = re.compile(r"月\s*\d{1,2}\s*(?:前|之前|以前|止|为止)")
# … and a count lost before its classifier where a report states its figures: the 审计 整改 report's ……查出的10个方面
# 个问题 (a count of problems by areas, N个方面N个问题), and the people disciplined at a clause's end (给予党纪政纪处分
# 人。, 问责人，), not the one disciplined (受处分人, 被问责人)
_LOST_COUNT = _scanned(r"个方面个问题|(?<![受被])(?:处分|问责|追责)人(?=[，。；,;])")
_LOST_COUNT_NEED = ("方面个问题", "处分人", "问责人", "追责人")
# … and a figure broken by a thousands separator run into a decimal point (调账处理金额3,.83万元): digits were dropped
# between them, or a mark typed in; no number is written so (GB/T 15835-2011 5.1.4 on the separator)
_BROKEN_FIGURE = re.compile(r"\d[,，][.．]\d")
# … the same, searched from its point (one pattern for each: ``re`` skips to a literal first character in C, where it
# tests \d at every character)
_BROKEN_FIGURE_NEED = (re.compile(r"\.(?<=\d[,，]\.)\d"), re.compile(r"．(?<=\d[,，]．)\d"))
_LOST_EACH = 3  # past this many numbers lost in one document, one finding says them all
# a 年 right after one of these (or after a blank, not after digits) has lost its year; — the dash that opens a
# speech's subtitle of date and meeting (——2017年11月27日在……会议上)
_YEAR_ENDS = "，。；：:、（(“,;—"


def _word_from(text: str, end: int) -> int:
    """Where a match of ``_SHARE_WORD`` ending at ``end`` may begin at the earliest: two characters before the blanks
    that end there. Searched from there, not from the paragraph's start (``re`` tried every place before each %: the
    signs of 70 of the rules' reports 2.8 -> 1.6 ms, more on a long paragraph of statistics)."""
    while end > 0 and text[end - 1] in " \u3000":
        end -= 1
    return max(0, end - 2)


def _sums_without_figures(body: Body) -> Iterator[tuple[Block, int, int]]:
    """(block, start, end) of each ``_VERB_BEFORE_SUM`` 万元/亿元 closing a clause with no figure before it: found from
    each 万元 and 亿元 of the text (str.find, in C), most of which follow a digit and are passed at once."""
    text = body.text
    for unit in _SUM_UNITS:
        at = text.find(unit)
        while at >= 0:
            before = text[at - 1:at]
            if "\u4e00" <= before <= "\u9fff" and before not in _COUNTED and text[at + 2:at + 3] in _CLAUSE_AFTER:
                m = _VERB_BEFORE_SUM.search(text, max(0, at - 8), at)
                if m is not None and _COUNTED.isdisjoint(m.group()[2:]) and not _ROUGHLY.intersection(m.group()):
                    i = body.block_at(m.start())
                    b, offset = body.blocks[i], body.starts[i]
                    if offset <= m.start() and at + 2 <= offset + len(b.text):
                        yield b, m.start() - offset, at + 2 - offset
            at = text.find(unit, at + 2)


def _lost_numbers(ctx: Context, rule: Rule) -> Iterator[Finding]:
    body, residue = ctx.body, ctx.residue
    text = body.text
    found: list[tuple[Block, int, int, str]] = []
    # what each match holds, looked for by str's C search first: ``Body.finditer`` tries the patterns at every 约, 计
    # and blank, a Python step each (0.05 and 0.07 s over the batch corpus, which has no match)
    if has_any(text, _LOST_SUM_NEED):
        found += [(b, m.start() - o, m.end() - o, f"“{m.group()[:-2]}”和“{m.group()[-2:]}”之间少了金额")
                  for b, o, m in body.finditer(_LOST_SUM)]
    for b, start, end in _sums_without_figures(body):
        found.append((b, start, end, f"“{b.text[end - 2:end]}”前面少了金额"))
    if has_any(text, _LOST_BLANK_SUM_NEED):
        found += [(b, m.start() - o, m.end() - o, f"“{m.group()[-2:]}”前面空着，少了金额")
                  for b, o, m in body.finditer(_LOST_BLANK_SUM)]
    if has_any(text, _LOST_BLANK_COUNT_NEED):
        found += [(b, m.start() - o, m.end() - o, f"“{m.group().split()[-1]}”前面空着，少了数字")
                  for b, o, m in body.finditer(_LOST_BLANK_COUNT)]
    if "%" in text or "％" in text or _holds(text, "百分点"):
        for b, o, m in body.finditer(_LOST_SHARE):
            word = _SHARE_WORD.search(b.text, _word_from(b.text, m.start() - o), m.start() - o)
            if word is not None and word.group()[-1] not in _COUNTED:
                sign = "百分号" if m.group() in "%％" else "“个百分点”"
                found.append((b, word.start(), m.end() - o, f"{sign}前面少了数字"))
    if has_any(text, _LOST_COUNT_NEED):
        found += [(b, m.start() - o, m.end() - o, "“个问题”前面少了问题数" if m.group().endswith("问题")
                   else "“人”前面少了人数") for b, o, m in body.finditer(_LOST_COUNT)]
    if any(rx.search(text) for rx in _BROKEN_FIGURE_NEED):
        found += [(b, m.start() - o, m.end() - o, "数字中逗号后紧跟小数点，中间少了数字或多打了标点")
                  for b, o, m in body.finditer(_BROKEN_FIGURE)]
    if _holds(text, "周年"):
        found += [(b, m.start() - o, m.end() - o, "“周年”前面少了年数")
                  for b, o, m in body.finditer(_LOST_ANNIVERSARY)]
    if _holds(text, "年月"):
        found += [(b, m.start() - o, m.end() - o, "“年”和“月”之间少了月份（或多打了一个“月”）")
                  for b, o, m in body.finditer(_LOST_MONTH)]
    if _holds(text, "月日"):
        found += [(b, m.start() - o, m.end() - o, "“月”和“日”之间少了日期")
                  for b, o, m in body.finditer(_LOST_DAY)]
    for b, o, m in body.finditer(_LOST_YEAR) if "月" in text else ():
        before = b.text[:m.start() - o]
        kept = before.rstrip()
        if (kept == before and (not kept or kept[-1] in _YEAR_ENDS)) or (
                kept != before and not (kept and (kept[-1].isdigit() or kept[-1] in _COUNTED
                                                  or kept[-1] in _MASKED_DIGITS))):
            # (201x 年 6 月: a year masked by its last digit, B103's, is there)
            found.append((b, m.start() - o, m.end() - o, "“年”前面少了年份"))
    kept = [(b, start, end, detail) for b, start, end, detail in found if b.index not in residue]
    if len(kept) > _LOST_EACH:  # a page whose figures were all drawn apart: one finding, the places as related
        kept.sort(key=lambda f: (f[0].index, f[1]))
        b, start, end, _ = kept[0]
        yield rule.finding(ctx.doc, b.index, start, end, key="lost_summary", text=b.text[start:end],
                           count=len(kept), related=[{"path": ctx.doc.path, "line": k[0].index + 1} for k in kept[1:]])
        return
    for b, start, end, detail in kept:
        yield rule.finding(ctx.doc, b.index, start, end, key="lost", text=b.text[start:end], detail=detail)


_AMOUNT = re.compile(r"(?<![\d.])(?<!\d。)(\d+(?:\.\d+)?)\s*(万|亿)(?=元|[）)，,。；;、])")
_NEAR = 150  # characters around an amount where its terms are looked for
# a sum of money with no unit at all: 电力公司出资8000，…  (万元? 元? or 80%?)
# (a comma before three digits groups thousands: 出资35,500万元 is one sum with its unit)
_BARE_MONEY_SOURCE = r"(?:出资|投资|补助|补贴|拨付|奖补|筹措|安排资金)(\d+(?:\.\d+)?)(?=[，；;、]|。(?!\d)|,(?!\d{3}))"
_BARE_MONEY = PatternSet([_BARE_MONEY_SOURCE])
# the same pattern searched once over the joined text, in C (no match reaches across a line break): a report seldom
# has a bare sum, and ``Body.finditer`` tries the pattern at each 投资, 补助 … in a Python step (a third more time)
_BARE_MONEY_NEED = re.compile(_BARE_MONEY_SOURCE)


def _cents(x: str) -> int:
    return round(float(x) * 100)


def _unit_slips(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """An amount whose unit (万/亿) contradicts the arithmetic around it: 4.58亿元 against 4.00亿
    differs by 0.58亿, not 0.58万; 2.07亿元 split into 0.16万元 and 1.91亿元 is 0.16亿."""
    amounts = list(_AMOUNT.finditer(text))
    for j, z in enumerate(amounts):
        value, unit = _cents(z.group(1)), z.group(2)
        if value == 0:
            continue
        before = [a for a in amounts[:j] if z.start() - a.start() <= _NEAR and a.group(2) != unit]
        after = [a for a in amounts[j + 1:] if a.start() - z.end() <= _NEAR and a.group(2) != unit]
        why = ""
        for k, a in enumerate(before):
            for b in before[k + 1:]:
                if b.group(2) == a.group(2) and abs(_cents(a.group(1)) - _cents(b.group(1))) == value:
                    why = f"{a.group(1)}与{b.group(1)}相差{z.group(1)}{a.group(2)}"
            for p in after:
                if p.group(2) == a.group(2) and _cents(a.group(1)) == value + _cents(p.group(1)):
                    why = f"{a.group(1)}{a.group(2)} = {z.group(1)} + {p.group(1)}{p.group(2)}"
        if why:
            other = "亿" if unit == "万" else "万"
            yield z, f"按前后数字（{why}），单位应为“{other}元”"


_SENTENCE_END = re.compile(r"[。；！？]")
_SIGNED = re.compile(r"^\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_DONE_ON = PatternSet([r"已于\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"])


def _closing_blocks(ctx: Context) -> list[Block]:
    """The lines where the document's own date stands: the last six of the text that are not residue, or, where
    more lines with no sentence in them follow the last sentence (a web page's footer of links and addresses after
    the date), up to twelve of those."""
    lines = list(islice((b for b in reversed(ctx.doc.blocks) if b.text.strip() and b.index not in ctx.residue), 12))
    lines.reverse()  # read from the end: the first twelve found are the last, not every line of the document
    tail = list(takewhile(lambda b: not _SENTENCE_END.search(b.text), reversed(lines)))[::-1]
    return tail if len(tail) > 6 else lines[-6:]


def _signed_on(ctx: Context) -> tuple[int, int, int] | None:
    """The document's own date: a full date alone on one of its last lines (成文日期), or ending a text pasted onto
    one line after its last sentence and the issuing body."""
    closing = _closing_blocks(ctx)
    for b in reversed(closing):
        m = _SIGNED.match(b.text)
        if m:
            return int(m.group(1)), int(m.group(2)), int(m.group(3))
    # a document pasted onto one line: the issuing body and the date run on after the last sentence (……请予支持。
    # 县教育局2024年8月15日)
    m = _SIGNED_AT_END.search(closing[-1].text) if closing else None
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return _cover_signed_on(ctx)


_COVER_LINES = 12  # lines after the title of a notice that issues a document, where its own date stands
_ISSUES = re.compile(r"(?:印发|转发|下发|颁布)[^。]{0,80}的通知\s*$")


def _cover_signed_on(ctx: Context) -> tuple[int, int, int] | None:
    """The date of a notice that issues another document (关于印发《……方案》的通知): the notice's few lines, its
    issuing body and its date come first, then the document it issues, which ends with no date of its own. The first
    date alone on a line within ``_COVER_LINES`` lines of the title."""
    title = ctx.outline.title
    if title is None or not _ISSUES.search(title.text):
        return None
    lines = (b for b in ctx.doc.blocks[title.block + 1:] if b.text.strip() and b.index not in ctx.residue)
    for b in islice(lines, _COVER_LINES):
        m = _SIGNED.match(b.text)
        if m:
            return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return None


# the end of the last sentence, then the issuing body, before a date that closes a text pasted onto one line
_SIGNER = (r"[。！？]\s*(?:[\u4e00-\u9fff（）()]{2,30}?"
           r"(?:局|委|办|厅|部|院|会|府|室|馆|所|站|队|社|处|科|校|团|中心|公司|党组|党委|支部)\s*)?")
_SIGNED_AT_END = re.compile(_SIGNER + r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")


# the document's own date alone on one of its last lines, the month or the day padded with a zero (2024年03月05日,
# 2016年06月 under a plan): GB/T 9704-2012 §7.3.5.1 writes 成文日期 in full with no padding (1 不编为 01)
_PADDED_SIGNED = re.compile(r"^\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*$")
_PADDED_AT_END = re.compile(_SIGNER + r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*$")


def check_dates(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports the document's own date (成文日期: a date alone on one of its last six lines, residue aside)
    written with a padded month or day (2024年03月05日), which GB/T 9704-2012 §7.3.5.1 does
    not allow (月、日不编虚位). Dates in the body are left alone.
    ## Parameters
    None.
    ## Example
    2024年03月05日 as the last line → T111, suggesting 2024年3月5日."""
    closing = _closing_blocks(ctx)
    for b in closing:
        m = _PADDED_SIGNED.match(b.text)
        if m is None and b is closing[-1] and not any(_SIGNED.match(x.text) for x in closing):
            m = _PADDED_AT_END.search(b.text)  # pasted onto one line: 特此通知。县教育局2024年03月05日
        if m is None:
            continue
        year, month, day = m.group(1), m.group(2), m.group(3)
        what = [name for name, value in (("月", month), ("日", day)) if value and len(value) == 2 and value[0] == "0"]
        if what and 1 <= int(month) <= 12:
            expected = f"{year}年{int(month)}月" + (f"{int(day)}日" if day else "")
            start, end = m.start(1), b.text.index("日" if day else "月", m.end(3) if day else m.end(2)) + 1
            yield rule.finding(ctx.doc, b.index, start, end, what="、".join(what), expected=expected,
                               text=b.text[start:end].replace(" ", ""), suggestion=expected)


def _done_after_signing(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """Something the text says was already done (已于…) on a date after the document's own date."""
    if not _holds(ctx.body.text, "已于"):
        return  # every match of _DONE_ON begins so: the document's own date is not looked for
    signed = _signed_on(ctx)
    if signed is None:
        return
    for b, offset, m in ctx.body.finditer(_DONE_ON):
        when = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if b.index not in ctx.residue and when > signed:
            date = f"{signed[0]}年{signed[1]}月{signed[2]}日"
            yield rule.finding(ctx.doc, b.index, m.start() - offset, m.end() - offset, text=m.group(),
                               detail=f"说已经做了的事，日期却晚于本文的成文日期 {date}")


# a time asked of the addressees (请各单位于…前报送, 报名截止时间：…): GB/T 9704-2012 §7.3.5.1 puts the document's own
# date (成文日期) after the body, so a notice whose deadline comes before that date asked for the impossible (a date
# left over from last year's notice, or a notice signed late). Only 请… (an instruction) and a 截止 line count: a
# summary tells of deadlines set in the past (要求各单位于3月底前……) in the same words. Not the date data are taken up
# to (数据截止日期, 统计截止时间, 资料截至时间): it lies in the past by nature.
_DUE = _scanned(r"(?:(?<![申邀提聘恳敬回呈报])请(?![示假求])[^。；！\n]{0,40}?于"
                  r"|(?<!数据)(?<!统计)(?<!资料)(?:截止|截至)(?:时间|日期)[为是：:]?)\s*"
                  r"(?:((?:19|20)\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2}\s*[日号])")
_DUE_NEED = ("请", "截止", "截至", "时限", "阶段")
# … and a task's time limit in a plan (完成时限：2025年12月): with its year; a month alone ends on its last day
_DUE_BY = _scanned(r"(?:完成|办结)时限\s*[：:]\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?")
# … and the time limit of a plan's stage in brackets after its name (动员部署阶段（4月底前）, 第一阶段（2025年3月31日
# 前）): a month alone ends on its last day
_DUE_STAGE = _scanned(r"阶段\s*[（(]\s*(?:((?:19|20)\d\d)\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2}\s*[日号])|底|末)?"
                      r"\s*(?:前|以前|之前)\s*[)）]")
_YEARLESS_DAYS = 45  # a date without its year this many days or fewer before the signing date: the same year


_ASKING = ("通知", "请示")  # the types that ask a time of their addressee: a notice's deadline, a request's 请于…前批复


def _asks_a_time(ctx: Context) -> bool:
    """A notice or a request (their profiles), or a letter (……的函, 商请……函): a 函 asks its addressee to act by a
    date as a notice does (GB/T 9704-2012 10.1, the 信函 form; 党政机关公文处理工作条例 第八条 (十四) 函)."""
    if ctx.profile is not None:
        return ctx.profile.name in _ASKING
    if ctx.outline.title is None:  # pasted onto one line: the title runs into the addressees (……的函县公安局、……：)
        first = next((b.text for b in ctx.doc.blocks if b.text.strip()), "")
        return _GLUED_LETTER.match(first) is not None
    title = ctx.outline.title.text.strip()
    return title.endswith("函") and not title.endswith(("复函", "回函"))


_GLUED_LETTER = re.compile(r"\s*[^。：:]{0,40}?关于[^。：:]{2,80}?的函(?=[^。：:]{2,80}?[：:])")


def _due_before_signing(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """A time a notice or a request asks of its addressees (请…于…前, 请于…到会, 截止时间：…) that is before its own
    date. A date without its year is taken in the signing year only when it falls at most ``_YEARLESS_DAYS``
    before the signing date (请于1月10日前 in a notice signed on 12月25日 means next January)."""
    if not _asks_a_time(ctx) or not any(w in ctx.body.text for w in _DUE_NEED):
        return
    signed = _signed_on(ctx)
    if signed is None:
        return
    from datetime import date, timedelta

    try:
        signed_day = date(*signed)
    except ValueError:
        return  # an impossible signing date is reported by itself
    late: list[tuple[Block, int, int, int]] = []  # block, offset, where the date starts and ends in the body's text
    found = [*ctx.body.finditer(_DUE), *(ctx.body.finditer(_DUE_BY) if _holds(ctx.body.text, "时限") else ()),
             *(ctx.body.finditer(_DUE_STAGE) if _holds(ctx.body.text, "阶段") else ())]
    for b, offset, m in found:
        if b.index in ctx.residue:
            continue
        year, month, day = m.group(1), int(m.group(2)), m.group(3)
        try:
            if day is None:  # a month: the time limit is its last day
                in_year = int(year) if year else signed[0]
                due = date(in_year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
            else:
                due = date(int(year) if year else signed[0], month, int(day.rstrip("日号").strip()))
        except ValueError:
            continue  # an impossible date: reported as such
        if due < signed_day and (year or (signed_day - due).days <= _YEARLESS_DAYS):
            end = m.end(3) if day else ctx.body.text.index("月", m.end(2)) + 1
            late.append((b, offset, m.start(1 if year else 2), end))
    if not late:
        return
    # one finding for all: the dates were left over together, or the signing date is the one wrong
    late.sort(key=lambda x: x[2])
    b, offset, start, end = late[0]
    more = f"（文中共 {len(late)} 处）" if len(late) > 1 else ""
    yield rule.finding(ctx.doc, b.index, start - offset, end - offset, text=ctx.body.text[start:end],
                       detail=f"要求办理的时间早于本文的成文日期 {signed[0]}年{signed[1]}月{signed[2]}日{more}，"
                              "收文单位已无法按时办理",
                       related=[{"path": ctx.doc.path, "line": x.position(at - o)[0]} for x, o, at, _ in late[1:]])


def check_numbers(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports numbers and dates that cannot be right: a year-like value used as a count (“共2023多条”), a share above
    100% (占比、覆盖率、完成率…), a stated total smaller than the sum of the parts listed right after it (unless the
    parts are two breakdowns of the same total, or count the same people by sex, party, schooling …: ``dimensions``),
    a total whose parts after 其中 are every member of one of ``partitions`` (三次产业, 城镇/乡村, 男/女) and do not
    add up to it within the rounding of the figures, a date that does not exist (9月31日, 2月30日), a year with a
    digit missing (到202年), and an amount in 万元 where the figures around it make it 亿元 (or the reverse):
    今年4.58亿元，比去年4.00亿元多0.58万元; a sum of money with no unit (出资8000，); something already done (已于…)
    on a date after the document's own date (成文日期); in a notice, a request or a letter (……函), a time asked of the
    addressees (请…于…前, 截止时间：…) before that date (one finding for all of them); a part after 其中 larger than
    its whole (报告9篇，其中13篇); shares that name the rest (其他……占16%) and do not add up to 100%; a rate
    (``rates``: 执行率, 完成率 …) that is neither of the two amounts before it over the other, within the rounding of
    the written figures (到位840.97万元，支出454.06万元，执行率50.62%); a period that
    ends before it starts (2024年9月1日至8月30日); a classifier dropped after 30多, 50余 or a range
    (走访30多典型贫困户, 扶持3-5有特色的村); in a table of a .docx or a ruled table of a PDF, a 合计 row whose figure
    is not the sum of the rows it totals (``checks/totals.py`` says which tables are plain enough to sum).
    ## Parameters
    ``classifiers``: the characters that may follow 多 or 余 after a number (classifiers, units, nouns that are
    their own measure: 国、县); ``partitions``: breakdowns whose members make the whole; ``dimensions``: the
    attributes of a count of people whose groups overlap; ``rates``: the rates of two amounts checked against them.
    ## Example
    完成时限：2021年9月31日 → T108, September has 30 days."""
    yield from _numbers(ctx, rule)
    yield from table_totals(ctx, rule)


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("proofread.typo", check_typo)
    register("proofread.numbers", check_numbers)
    register("proofread.dates", check_dates)
