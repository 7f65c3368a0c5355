"""What a check receives: one document with its outline, detected profile and run options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .scan import pattern_set

if TYPE_CHECKING:
    from .model import Document
    from .outline import Outline
    from .rulebook import Profile, Rulebook
    from .scan import Body


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
    guessed: bool = False  # the profile was read from the opening and the headings, no title naming its kind

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

    def memo(self, key: str, make: Any) -> Any:
        """Compute ``make()`` once per document and share it between checks."""
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]
