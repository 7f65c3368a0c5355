"""Small text helpers shared by checks: sentences, heading normalisation, similarity."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Document

_SENTENCE = re.compile(r"[^。！？!?；;]*(?:[。！？!?；;]+[”’」』）)]*|$)")
_FILLER = re.compile(r"[\s\u3000、，,。.．:：;；“”\"'‘’（）()《》【】\-—的之和及与主要]")
_LABEL = re.compile(
    r"^[\s\u3000]*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]?[、.．，,]?|第[一二三四五六七八九十]+[章节部分])"
)
_PLACEHOLDER_GLYPHS = re.compile(r"[\ue000-\uf8ff\ufffd]")
CID_WEIGHT = 6  # one "(cid:NN)" placeholder stands for one glyph but takes about six characters


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text[start:end]``, split after 。！？；.
    The spans of a whole paragraph are computed once and shared by every rule that asks."""
    if start == 0 and end is None:
        yield from _paragraph_sentences(text)
        return
    yield from _spans(text, start, len(text) if end is None else end)


@lru_cache(maxsize=4096)
def _paragraph_sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_spans(text, 0, len(text)))


def _spans(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    for m in _SENTENCE.finditer(text, start, stop):
        group = m.group()
        if group and not group.isspace():
            yield m.start() + (len(group) - len(group.lstrip())), m.end()


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
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def garbled_share(doc: Document) -> float:
    """Share of the text that is placeholder glyphs: ``(cid:NN)``, private-use characters, U+FFFD."""
    text = "".join(b.text for b in doc.blocks)
    if not text:
        return 0.0
    bad = int(doc.meta.get("cid_glyphs", 0)) * CID_WEIGHT + len(_PLACEHOLDER_GLYPHS.findall(text))
    return min(bad / len(text), 1.0)


_LOOKAROUND = re.compile(r"\(\?<?[=!](?:[^()]|\([^()]*\))*\)")
_CLASS = re.compile(r"\[[^\]]*\]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=1024)
def anchor(pattern: str) -> str:
    """The longest run of Chinese characters every match of ``pattern`` must contain, or ""
    when the pattern has alternatives or optional parts at top level that make it unsafe.
    Used to skip patterns whose anchor does not occur in the text at all."""
    core = _CLASS.sub(" ", _LOOKAROUND.sub(" ", pattern))
    if "|" in re.sub(r"\((?:[^()]|\([^()]*\))*\)", "", core):
        return ""  # a top-level alternative: no single required run
    core = re.sub(r"\((?:[^()]|\([^()]*\))*\)[?*]?", " ", core)  # groups may be optional or alternative
    core = re.sub(r"[\u4e00-\u9fff][?*]", " ", core)
    runs = _HAN_RUN.findall(core)
    return max(runs, key=len) if runs else ""


class LiteralMatch:
    """The part of ``re.Match`` the checks use, for a match found by ``str.find``."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int) -> None:
        self._text, self._start, self._end = text, start, start + len(text)

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


class Literal:
    """A pattern without metacharacters, searched with ``str.find``: most phrase-list entries
    are plain words, and compiling hundreds of them as regular expressions costs more than
    checking a short report."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def finditer(self, haystack: str) -> Iterator[LiteralMatch]:
        at = haystack.find(self.text)
        while at >= 0:
            yield LiteralMatch(self.text, at)
            at = haystack.find(self.text, at + len(self.text))


_META = re.compile(r"[.^$*+?{}\[\]\\|()]")
Matcher = re.Pattern[str] | Literal


@lru_cache(maxsize=64)
def compile_each(patterns: tuple[str, ...]) -> tuple[tuple[str, Matcher], ...]:
    """Each pattern compiled alone (plain words as ``Literal``), with its anchor (``anchor``)."""
    return tuple((anchor(p), Literal(p) if not _META.search(p) else re.compile(p)) for p in patterns)


def active(compiled: tuple[tuple[str, Matcher], ...], text: str) -> list[int]:
    """Indexes of the patterns that can match somewhere in ``text`` (their anchor occurs)."""
    return [i for i, (a, _) in enumerate(compiled) if not a or a in text]
