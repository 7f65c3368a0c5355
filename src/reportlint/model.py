"""The records every part of reportlint shares: Block, Document, Rule and Finding."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar

T = TypeVar("T")


def pickled_as_tuple(cls: type[T]) -> type[T]:
    """Pickle a frozen dataclass as its class and a tuple of its fields, rebuilt through
    ``__init__``: the default for frozen dataclasses with slots sets each field by name and
    is about ten times slower, which shows when a worker sends thousands of findings or the
    rulebook is read from its cache at every start."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    def __reduce__(self: T) -> tuple[Any, ...]:
        return (cls, tuple(getattr(self, n) for n in names))

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls

Severity = Literal["error", "warning", "info"]
# one replacement a fix makes: (0-based block, start, exclusive end, new text), offsets in ``Block.text``
Edit = tuple[int, int, int, str]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


@pickled_as_tuple
@dataclass(slots=True, repr=False)
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
    table: int = 0  # 1-based number of the table this cell belongs to (kind "cell"); 0 outside tables
    line: int = 0  # 1-based physical line where the block starts in a text file; 0 = index + 1
    # a block re-joined from several physical lines of a text file: for each further line,
    # (offset in ``text`` where it starts, its 1-based line number, its 0-based column there)
    joins: tuple[tuple[int, int, int], ...] = ()

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based physical (line, column) of character ``offset`` of ``text``."""
        line, base, col0 = (self.line or self.index + 1), 0, 0
        for start, ln, col in self.joins:
            if offset < start:
                break
            line, base, col0 = ln, start, col
        return line, col0 + offset - base + 1


@pickled_as_tuple
@dataclass(slots=True, repr=False)
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

    def line_of(self, index: int) -> int:
        """The 1-based line a reader finds block ``index`` at: its first physical line in a
        text file whose broken lines were re-joined, otherwise ``index + 1``. Use it when a
        message or a related location names another block."""
        return self.blocks[index].position(0)[0] if 0 <= index < len(self.blocks) else index + 1

    @property
    def text_length(self) -> int:
        return sum(len(b.text) for b in self.blocks)


@pickled_as_tuple
@dataclass(slots=True, repr=False)
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
    # physical position in the file when it differs from block/offset (re-joined text
    # lines): 1-based line and column of the start and of the (exclusive) end; 0 = unmapped
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    # the exact replacements that correct the defect, only where the rule is certain (``--fix``,
    # ``--diff``): applied all together or not at all; empty for a judgement
    fix: tuple[Edit, ...] = ()

    def where(self) -> tuple[int, int, int, int]:
        """1-based (line, column, end line, end column) as reporters print them."""
        if self.line:
            return self.line, self.column, self.end_line, self.end_column
        return self.block + 1, self.start + 1, self.end_block + 1, self.end + 1

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.block, self.start, self.rule, self.end_block, self.end, self.message)



@pickled_as_tuple
@dataclass(slots=True, repr=False)
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
    script: str = ""  # "simplified": the rule reads simplified wording and is not run on a traditional document

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
        autofix: str | Iterable[Edit] | None = None,
        **fields: Any,
    ) -> Finding:
        """Build a finding over ``doc.blocks[block][start:end]`` (or up to ``end_block``).
        ``autofix`` is the certain correction: the text that replaces the span (one block
        only), or the edits to make (a summary finding that stands for several places)."""
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
        first, final = doc.blocks[block], doc.blocks[last]
        where: dict[str, int] = {}
        if first.line or first.joins or final.line or final.joins:
            (line, column), (end_line, end_column) = first.position(start), final.position(end)
            where = {"line": line, "column": column, "end_line": end_line, "end_column": end_column}
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
            fix=_edits(autofix, block, start, last, end),
            **where,
        )


def _edits(autofix: str | Iterable[Edit] | None, block: int, start: int, last: int, end: int) -> tuple[Edit, ...]:
    if autofix is None:
        return ()
    if isinstance(autofix, str):
        return ((block, start, end, autofix),) if last == block else ()
    return tuple(sorted(autofix))
