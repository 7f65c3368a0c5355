"""``--fix`` and ``--diff``: the certain corrections findings carry (``Finding.fix``), chosen so
that none overlaps another and applied to a copy of a .txt/.md file's text.

The input file is never written (SPEC: "Inputs are never modified"): ``--fix OUT`` writes the
corrected copy to OUT, ``--diff`` prints a unified diff. Choosing is shared with the Word
writer (``fixdocx``): findings in reading order, a fix is taken whole or not at all, and one
that touches text an earlier fix already changes is left for the next run. Each edit is
first narrowed to the characters that change (（三）→（四） replaces 三 only), which keeps Word's
tracked changes small and lets neighbouring fixes coexist.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .model import Block, Edit, Finding

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
_LINE_ENDS = re.compile(r"(\r\n|\r|\n)")
_BOM = {"UTF-8（带 BOM）": ("utf-8", b"\xef\xbb\xbf"), "UTF-16LE": ("utf-16-le", b"\xff\xfe"),
        "UTF-16BE": ("utf-16-be", b"\xfe\xff")}


@dataclass
class Plan:
    """What a fix run does: the edits to make (narrowed, in document order), the findings
    they correct, and the findings whose fix was left out with the reason."""

    edits: list[Edit] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    left: list[tuple[Finding, str]] = field(default_factory=list)


def narrow(old: str, new: str) -> tuple[int, int, str]:
    """The part of ``old`` that changes: (start, end) in ``old`` and the text replacing it;
    common leading and trailing characters dropped, never down to an empty ``old``."""
    lo = 0
    while lo < len(old) - 1 and lo < len(new) and old[lo] == new[lo]:
        lo += 1
    hi = 0
    while hi < len(old) - lo - 1 and hi < len(new) - lo and old[-1 - hi] == new[-1 - hi]:
        hi += 1
    return lo, len(old) - hi, new[lo:len(new) - hi]


def plan(findings: Iterable[Finding], blocks: Sequence[Block], editable: Any = None) -> Plan:
    """Choose the fixes to apply. ``editable(edit)`` may refuse an edit with a reason (the Word
    writer refuses a list label); an edit that does not fit its block is refused too."""
    out = Plan()
    taken: dict[int, list[tuple[int, int]]] = {}
    for f in sorted(findings, key=Finding.sort_key):
        if not f.fix:
            continue
        edits: list[Edit] = []
        reason = ""
        for block, start, end, new in f.fix:
            if not (0 <= block < len(blocks) and 0 <= start < end <= len(blocks[block].text)):
                reason = "改正的位置超出了段落"
                break
            lo, hi, text = narrow(blocks[block].text[start:end], new)
            edit = (block, start + lo, start + hi, text)
            reason = editable(edit) if editable is not None else ""
            if reason:
                break
            edits.append(edit)
        if not reason and _overlaps(edits, taken):
            reason = "与前面的另一处改正重叠；再运行一次 --fix 可改正"
        if reason:
            out.left.append((f, reason))
            continue
        for block, start, end, _ in edits:
            taken.setdefault(block, []).append((start, end))
        out.edits.extend(edits)
        out.fixed.append(f)
    out.edits.sort()
    return out


def _overlaps(edits: list[Edit], taken: dict[int, list[tuple[int, int]]]) -> bool:
    mine: dict[int, list[tuple[int, int]]] = {}
    for block, start, end, _ in edits:
        for a, b in taken.get(block, []) + mine.get(block, []):
            if start < b and a < end:
                return True
        mine.setdefault(block, []).append((start, end))
    return False


class FixError(Exception):
    """The file cannot be corrected safely (its bytes would not survive a round trip)."""


@dataclass
class TextFix:
    original: str
    fixed: str
    data: bytes
    plan: Plan


def fix_text(data: bytes, blocks: Sequence[Block], findings: Iterable[Finding], meta: dict[str, Any]) -> TextFix:
    """The corrected text of a .txt/.md file read as ``data`` (bytes) whose loader gave
    ``blocks``: every chosen edit mapped to its physical line and column, checked against
    the characters there, applied from the end backwards, and encoded as the file was."""
    from .loaders.text import decode

    if meta.get("invalid_bytes"):
        raise FixError("文件中有无法按 UTF-8 解码的字节，改写会破坏它们，未改正")
    text, info = decode(data)
    parts = _LINE_ENDS.split(text)
    lines = parts[0::2]

    def editable(edit: Edit) -> str:
        return "" if _where(blocks[edit[0]], edit, lines) is not None else "该处跨行或与文件中的文字不一致，未改正"

    chosen = plan(findings, blocks, editable)
    placed = sorted(((_where(blocks[e[0]], e, lines), e[3]) for e in chosen.edits), reverse=True)
    for (line, col, end), new in placed:  # from the end backwards: earlier offsets stay valid
        lines[line] = lines[line][:col] + new + lines[line][end:]
    parts[0::2] = lines
    fixed = "".join(parts)
    return TextFix(text, fixed, _encode(fixed, info, data), chosen)


def _where(block: Block, edit: Edit, lines: list[str]) -> tuple[int, int, int] | None:
    """(0-based line, start column, end column) of ``edit`` in the file, when its old text is
    on one physical line and is exactly there."""
    _, start, end, _ = edit
    line, col = block.position(start)
    last, end_col = block.position(end - 1)
    if line != last or not 1 <= line <= len(lines):
        return None
    old = block.text[start:end]
    if lines[line - 1][col - 1:end_col] != old:
        return None
    return line - 1, col - 1, end_col


def _encode(text: str, info: dict[str, Any], data: bytes) -> bytes:
    name = str(info.get("encoding", "UTF-8"))
    if name in _BOM:
        codec, bom = _BOM[name]
        return bom + text.encode(codec)
    if info.get("encoding_fallback"):
        return text.encode("gb18030")
    return text.encode("utf-8")


def unified_diff(path: str, before: str, after: str) -> str:
    """``before`` → ``after`` as a unified diff (difflib), headed with the file's name (with
    git's a/ and b/ before a relative one, so that ``git apply`` and ``patch -p1`` take it)."""
    old, new = (path, path) if path.startswith("/") else (f"a/{path}", f"b/{path}")
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=old, tofile=new))
