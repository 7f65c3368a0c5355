"""What a check receives: one document with its outline, detected profile and run options."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .scan import pattern_set
from .textutil import CLOSING_MARKS, SENTENCE_ENDS

if TYPE_CHECKING:
    from .model import Document
    from .outline import Outline
    from .rulebook import Profile, Rulebook
    from .scan import Body


# a paragraph this long that ends without a sentence's end reads as a sentence cut off (a heading or a list's item is
# shorter); so does a shorter one with a clause mark or an opening bracket in its last sentence
_SENTENCE_MIN = 30
_OPEN_CLAUSE = re.compile(r"[，,、“《（(【〔]")
_LABEL = re.compile(r"[\s\u3000]*(?:[（(][^（()）]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．])")  # an item's number
# a page's number printed after the last sentence (第3页 共3页; — 3 — ends in no Chinese character)
_PAGE_NUMBER = re.compile(r"[\s\u3000]*第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?[\s\u3000]*$")


@dataclass(slots=True, repr=False)
class Context:
    """What a check receives: one document with its outline, detected profile and run options."""
    doc: Document
    outline: Outline
    profile: Profile | None
    rulebook: Rulebook
    body: Body  # all blocks joined into one text, for scanning a pattern once per document
    residue: frozenset[int] = frozenset()  # blocks that are download-site or web-page residue, or ``contents``
    contents: frozenset[int] = frozenset()  # the blocks of a table of contents: left out of the checks, not reported
    options: Mapping[str, Any] = field(default_factory=dict)  # run options: corpus index …
    cache: dict[str, Any] = field(default_factory=dict)  # per-document memo shared by checks

    def title_matches(self, patterns: tuple[str, ...]) -> bool:
        """Whether one of ``patterns`` finds the document's title, or the title a page's front matter gives (not a
        Word file's title property, often a template's leftover)."""
        titles = pattern_set(patterns)
        if titles is None:
            return False
        title = self.outline.title.text if self.outline.title else ""
        page = self.doc.meta.get("front_matter_title")
        return titles.search(title) is not None or (isinstance(page, str) and titles.search(page) is not None)

    def address_line(self) -> str:
        """The document's address line (主送机关, GB/T 9704-2012 7.3.2: 各县区人民政府、市直各部门：): the first line
        among the first eight that is short, names units (各…, or several parted by 、) and ends in a colon; "" when
        there is none. Found once per document."""
        def find() -> str:
            lines = (b.text.strip() for b in self.doc.blocks if b.text.strip() and b.index not in self.residue)
            for _, text in zip(range(8), lines, strict=False):
                if len(text) <= 80 and text.endswith(("：", ":")) and ("各" in text or "、" in text):
                    return text
            return ""

        return self.memo("address_line", find)  # type: ignore[no-any-return]

    def open_tail(self) -> tuple[int, int] | None:
        """Where the text may stop in mid-sentence: the last paragraph of the body (residue left out; none when the
        text ends in a table) when it ends without a sentence's end and reads as a sentence, not a heading or a list's
        name (30 characters or more, or a clause mark or an opening bracket after its last sentence's end), as (its
        index, where its last sentence begins). A page's preview or a copy that lost the end stops so: a mark opened
        after that place, a counted list or an item running into it may have been closed, completed or given its
        figure past the cut, so no finding says otherwise. Not a sure sign of a cut (S106's ``cut_short`` asks for
        one): only what the lost part could have completed is left alone. A page's number after the last sentence
        (……能力。 第3页 共3页) is no cut."""
        def find() -> tuple[int, int] | None:
            last = next((b for b in reversed(self.doc.blocks) if b.text.strip() and b.index not in self.residue), None)
            if last is None or last.kind == "cell":
                return None
            text = last.text.rstrip(CLOSING_MARKS + " \u3000\t")
            if not text or text[-1] in SENTENCE_ENDS or not "\u4e00" <= text[-1] <= "\u9fff":
                return None
            begins = max(text.rfind(mark) for mark in "。！？!?；;") + 1
            tail = text[begins:]
            label = _LABEL.match(tail)  # a heading's own number (二、, （四）) is no clause mark
            if _PAGE_NUMBER.match(tail) or (len(text) < _SENTENCE_MIN
                                            and not _OPEN_CLAUSE.search(tail, label.end() if label else 0)):
                return None
            return last.index, begins

        return self.memo("open_tail", find)  # type: ignore[no-any-return]

    def memo(self, key: str, make: Any) -> Any:
        """Compute ``make()`` once per document and share it between checks."""
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]
