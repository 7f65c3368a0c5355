"""Suppressions written into the document itself, like ruff's ``# noqa``.

Where they come from:

* .docx: a Word comment whose text starts with ``reportlint: ignore N105 理由`` suppresses
  findings of those codes on the paragraphs the comment covers; ``reportlint: ignore-file
  S101 理由`` anywhere suppresses them in the whole document. The loader puts the comments,
  with the blocks they are anchored on, in ``Document.meta["comments"]``.
* .txt/.md: a line ``<!-- reportlint: ignore N105 理由 -->`` applies to the next non-empty
  line; ``<!-- reportlint: disable N105 理由 -->`` … ``<!-- reportlint: enable N105 -->``
  around a passage (as textlint's filter comments); ``ignore-file`` anywhere. The loader
  blanks these lines (rules never see them) and lists them in ``Document.meta["directives"]``.

Codes are comma-separated prefixes matched as ``--select`` matches them (``N1`` covers
N105). A suppression without a reason, naming an unknown code, or suppressing nothing is
reported as X106 (ruff's RUF100), so stale ones do not pile up.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import Document, Finding, Rule

UNUSED_CODE = "X106"
# The reason that ``--annotate`` writes as a placeholder: left unedited it is no reason.
PLACEHOLDER_REASON = "（在此写明理由）"
# the comment syntax of a text file: one whole line
TEXT_DIRECTIVE = re.compile(r"^\s*<!--\s*(reportlint\s*[:：].*?)\s*-->\s*$", re.IGNORECASE)
_CODE = r"(?:ALL|[A-Za-z]{1,4}\d*)(?![A-Za-z])"  # a code or a prefix of one: N105, N1, EX2, ALL
_DIRECTIVE = re.compile(
    r"^\s*reportlint\s*[:：]\s*(?P<kind>ignore-file|ignore|disable|enable)\b\s*"
    rf"(?P<codes>{_CODE}(?:\s*[,，、]\s*{_CODE})*)?\s*(?P<reason>.*)$",
    re.IGNORECASE | re.DOTALL,
)
MAX_DIRECTIVES = 1000  # of each kind (comments, comment lines) per document
MAX_EXCERPTS = 200  # distinct excerpts per rule kept for the stale-suppression test
NARROW = 64  # a directive over fewer blocks is looked up by block, not tried on every finding
WHOLE = 1 << 30  # "to the end" of a block or of the document
_STARTS = re.compile(r"^\s*reportlint\s*[:：]", re.IGNORECASE)


@dataclass
class Directive:
    """One suppression: what it covers (blocks ``first``..``last``, or the whole file) and
    where it is written (``block``, ``line``), for its own X106 finding."""

    kind: str  # "ignore" | "ignore-file" | "disable" (closed by an "enable")
    codes: tuple[str, ...]
    reason: str
    text: str
    block: int
    line: int = 0
    first: int = 0
    last: int = -1  # inclusive; -1 = to the end of the document
    start: int = 0  # character offset in block ``first`` where the covered text begins
    end: int = WHOLE  # offset in block ``last`` where it ends (exclusive)
    used: set[str] = field(default_factory=set)

    def covers(self, f: Finding) -> bool:
        """Whether the finding's span overlaps the covered text (a zero-width finding counts
        as its first character)."""
        if self.kind == "ignore-file":
            return True
        last = self.last if self.last >= 0 else WHOLE
        f_end = (f.end_block, max(f.end, f.start + 1) if f.end_block == f.block else f.end)
        return (f.block, f.start) < (last, self.end) and f_end > (self.first, self.start)

    def matches(self, code: str) -> bool:
        return any(c == "ALL" or code.startswith(c) for c in self.codes)


def parse(text: str) -> tuple[str, tuple[str, ...], str] | None:
    """``(kind, codes, reason)`` of a directive's text, or None when it is not one."""
    flat = " ".join(text.split())
    m = _DIRECTIVE.match(flat)
    if m is None:
        return None
    codes = tuple(c.upper() for c in re.split(r"\s*[,，、]\s*", m.group("codes") or "") if c)
    reason = m.group("reason").strip(" ：:,，-—")
    if PLACEHOLDER_REASON in reason or reason.strip("（）()") in ("", "理由"):
        reason = ""
    return m.group("kind").lower(), codes, reason


def is_directive(text: str) -> bool:
    return bool(_STARTS.match(text))


def collect(doc: Document) -> list[Directive]:
    """The suppressions a loader found in ``doc``, with the blocks each one covers (at most
    ``MAX_DIRECTIVES`` of each source: the metadata comes from the file)."""
    out: list[Directive] = []
    for c in _records(doc.meta.get("comments")):
        text = str(c.get("text", ""))
        parsed = parse(text) if is_directive(text) else None
        if parsed is None:
            continue
        if len(out) >= MAX_DIRECTIVES:
            break
        kind, codes, reason = parsed
        first, last = _int(c.get("first")), _int(c.get("last"), _int(c.get("first")))
        start, end = _int(c.get("start")), _int(c.get("end"), WHOLE)
        if kind in ("disable", "enable"):
            kind = "ignore"  # a comment already spans its passage
        if last < first or (last == first and end <= start):
            last, start, end = first, 0, WHOLE  # an inverted or empty range: the whole paragraph
        out.append(Directive(kind, codes, reason, text.strip(), first, 0, first, last, start, end))
    records = _records(doc.meta.get("directives"))[:MAX_DIRECTIVES]
    if not records:
        return out
    starts = [b.line or b.index + 1 for b in doc.blocks]
    following: list[int | None] = [None] * (len(doc.blocks) + 1)  # the next non-empty block after each
    for i in range(len(doc.blocks) - 1, -1, -1):
        following[i] = i + 1 if i + 1 < len(doc.blocks) and doc.blocks[i + 1].text.strip() else following[i + 1]
    opened: list[Directive] = []
    for d in records:
        parsed = parse(str(d.get("text", "")))
        if parsed is None:
            continue
        kind, codes, reason = parsed
        line = _int(d.get("line"))
        block = max(0, bisect_right(starts, line) - 1)  # the block holding that physical line
        if kind == "enable":
            for o in opened:
                if o.last == -1 and (not codes or set(codes) & set(o.codes)):
                    o.last = max(o.first, block)
            continue
        directive = Directive(kind, codes, reason, str(d.get("text", "")).strip(), block, line)
        if kind == "ignore":
            target = following[block] if block < len(doc.blocks) else None
            directive.first = directive.last = block if target is None else target
        elif kind == "disable":
            directive.first = block
            opened.append(directive)
        out.append(directive)
    return out


def _records(value: Any) -> list[Mapping[str, Any]]:
    """Loader metadata is data from the file: keep only well-formed records."""
    if not isinstance(value, (list, tuple)):
        return []
    return [v for v in value if isinstance(v, Mapping)]


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and value >= 0 else default


def apply(doc: Document, findings: list[Finding], rules: Iterable[Rule], known: Iterable[str]) -> list[Finding]:
    """Drop the suppressed findings; add an X106 finding for each suppression that has no
    reason, names an unknown code, or suppressed nothing although its rule ran."""
    directives = collect(doc)
    if not directives:
        return findings
    active = {r.code: r for r in rules}
    by_block: dict[int, list[Directive]] = {}  # directives over a few blocks, under each of them
    wide: list[Directive] = []  # file-wide ones and long passages
    for d in directives:
        if d.kind != "ignore-file" and 0 <= d.last - d.first < NARROW:
            for i in range(d.first, d.last + 1):
                by_block.setdefault(i, []).append(d)
        else:
            wide.append(d)
    kept: list[Finding] = []
    for f in findings:
        if f.end_block - f.block >= NARROW:
            candidates = directives  # a finding over a long passage: try them all
        else:
            near = {id(d): d for i in range(f.block, f.end_block + 1) for d in by_block.get(i, ())}
            candidates = [*near.values(), *wide]
        hit = [d for d in candidates if d.matches(f.rule) and d.covers(f)]
        for d in hit:
            d.used.add(f.rule)
        if not hit:
            kept.append(f)
    rule = active.get(UNUSED_CODE)
    if rule is None:
        return kept
    known_codes = set(known)
    excerpts: dict[str, set[str]] = {}  # what the findings still reported point at, per rule
    for f in kept:
        seen = excerpts.setdefault(f.rule, set())
        if len(seen) < MAX_EXCERPTS and f.excerpt.strip():
            seen.add(f.excerpt)
    for d in directives:
        if not d.used and d.kind != "ignore-file" and _still_present(doc, d, excerpts):
            d.used.add("?")  # unsure whether it is stale: say nothing
        problem = _problem(d, active, known_codes)
        if problem:
            kept.append(_finding(doc, rule, d, problem))
    return kept


def _still_present(doc: Document, d: Directive, excerpts: Mapping[str, set[str]]) -> bool:
    """Whether the covered text still holds what a finding of a suppressed rule reported
    elsewhere. A rule that reports a repeated defect once, at its first occurrence (T103's
    count of half-width commas), leaves later suppressions matching nothing although their
    text still has the defect: such a suppression is not called stale."""
    last = min(d.last if d.last >= 0 else len(doc.blocks) - 1, d.first + NARROW, len(doc.blocks) - 1)
    covered = "\n".join(doc.blocks[i].text for i in range(d.first, last + 1))
    return any(e in covered for code, found in excerpts.items() if d.matches(code) for e in found)


def _problem(d: Directive, active: Mapping[str, Rule], known: set[str]) -> str:
    shown = ",".join(d.codes)
    if not d.codes:
        return f"忽略标记没有写规则代码，不起作用；请写成“reportlint: {d.kind} 规则代码 理由”"
    unknown = [c for c in d.codes if c != "ALL" and not any(k.startswith(c) for k in known)]
    if unknown:
        return f"忽略标记中的规则代码“{'、'.join(unknown)}”不存在，请改正（用 reportlint rules 查看全部规则）"
    if not d.reason:
        return f"忽略 {shown} 的标记没有写理由；请在代码后写明为什么不必修改，便于复核"
    ran = [c for c in d.codes if any(c == "ALL" or k.startswith(c) for k in active if k != UNUSED_CODE)]
    if ran and not d.used:
        where = "全文" if d.kind == "ignore-file" else "所标注的文字"
        return f"忽略 {shown} 的标记没有起作用：{where}已没有这类问题，请删除此标记"
    return ""


def _finding(doc: Document, rule: Rule, d: Directive, message: str) -> Finding:
    block = min(d.block, len(doc.blocks) - 1) if doc.blocks else 0
    where: dict[str, int] = {}
    start = end = 0
    if d.line:
        where = {"line": d.line, "column": 1, "end_line": d.line, "end_column": len(d.text) + 1}
    elif doc.blocks and d.block == block:  # a Word comment: the words it covers in its first paragraph
        size = len(doc.blocks[block].text)
        start = min(d.start, size)
        end = min(d.end, size) if d.last == d.first else size
        if end <= start:
            start, end = 0, 0
    return Finding(path=doc.path, rule=rule.code, name=rule.name, severity=rule.severity, message=message,
                   block=block, start=start, end_block=block, end=end, excerpt=d.text,
                   page=doc.blocks[block].page if doc.blocks else None, **where)
