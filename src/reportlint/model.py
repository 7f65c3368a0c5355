"""The records every part of reportlint shares: Block, Document, Rule and Finding."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of extracted text; for .txt one physical line.

    ``index`` is 0-based; reporters print ``index + 1``. ``text`` is exactly what the
    reader sees, including a Word list label. ``level`` is a heading level taken from the
    file's own markup (a Word heading style or outline level), 0 when there is none.
    """

    index: int
    text: str
    kind: str = "paragraph"  # "paragraph" | "heading" | "title" | "cell"
    level: int = 0
    style: str = ""
    page: int | None = None
    label: str = ""  # the Word auto-number label rendered at the start of ``text``


@dataclass(frozen=True, slots=True)
class Document:
    """What a loader produces: the body blocks in reading order plus facts about the file."""

    path: str
    blocks: tuple[Block, ...]
    title: str = ""
    furniture: tuple[str, ...] = ()  # header and footer text, kept out of the body
    meta: Mapping[str, Any] = field(default_factory=dict)

    def blocks_of(self, kinds: Iterable[str]) -> Iterator[Block]:
        wanted = set(kinds)
        return (b for b in self.blocks if b.kind in wanted)

    @property
    def text_length(self) -> int:
        return sum(len(b.text) for b in self.blocks)


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported defect. Positions are 0-based block indexes and character offsets;
    ``end`` is exclusive and belongs to ``end_block``."""

    path: str
    rule: str
    name: str
    severity: Severity
    message: str
    block: int
    start: int
    end_block: int
    end: int
    excerpt: str
    page: int | None = None
    suggestion: str | None = None
    related: tuple[Mapping[str, Any], ...] = ()

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.block, self.start, self.rule, self.end_block, self.end, self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        # rebuilt through __init__ from a plain tuple: a worker sends thousands of findings,
        # and the default pickling of a frozen dataclass with slots is ten times slower
        return (Finding, (self.path, self.rule, self.name, self.severity, self.message, self.block, self.start,
                          self.end_block, self.end, self.excerpt, self.page, self.suggestion, self.related))


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as declared in ``rules/*.toml``; ``params`` already merged with the profile."""

    code: str
    name: str
    check: str
    severity: Severity
    summary: str
    why: str
    messages: Mapping[str, str]
    params: Mapping[str, Any] = field(default_factory=dict)
    good: tuple[str, ...] = ()
    bad: tuple[str, ...] = ()
    source: str = ""
    docs: str = ""

    @property
    def family(self) -> str:
        digits = next(i for i, ch in enumerate(self.code) if ch.isdigit())
        return self.code[: digits + 1]

    def message(self, key: str = "default", **fields: Any) -> str:
        template = self.messages.get(key) or self.messages["default"]
        return template.format(**fields)

    def finding(
        self,
        doc: Document,
        block: int,
        start: int = 0,
        end: int | None = None,
        *,
        end_block: int | None = None,
        key: str = "default",
        suggestion: str | None = None,
        related: Iterable[Mapping[str, Any]] = (),
        **fields: Any,
    ) -> Finding:
        """Build a finding over ``doc.blocks[block][start:end]`` (or up to ``end_block``)."""
        last = block if end_block is None else end_block
        if end is None:
            end = len(doc.blocks[last].text)
        if last == block:
            excerpt = doc.blocks[block].text[start:end]
        else:
            parts = [doc.blocks[block].text[start:]]
            parts += [doc.blocks[i].text for i in range(block + 1, last)]
            parts.append(doc.blocks[last].text[:end])
            excerpt = "\n".join(parts)
        return Finding(
            path=doc.path,
            rule=self.code,
            name=self.name,
            severity=self.severity,
            message=self.message(key, **fields),
            block=block,
            start=start,
            end_block=last,
            end=end,
            excerpt=excerpt,
            page=doc.blocks[block].page,
            suggestion=suggestion,
            related=tuple(related),
        )
