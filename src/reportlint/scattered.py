"""Marks a web page scattered between the characters of its text against copying.

Some law and model-text sites insert random punctuation between the characters of the text they show
(人?民政府, 会!。议, 管理【条例), so that a copy is spoiled; the copy takes the marks along. B101 reports them
once for the document; T102 and T103 leave the marks alone where each would otherwise be a finding of its own
(an unpaired 】, a half-width !). Found by where the marks stand: a run of one to three marks between two
Chinese characters that make a word without them (人民, 会议), of several kinds, many times in one document.
A writer's own marks stand between words, not inside them: a title's 》 before 规定, a ： before 一是.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .context import Context

# the marks such sites insert; a run holding one of the odd ones (brackets and marks that never stand inside a word,
# and half-width marks in Chinese text) counts, a run of commas and full stops alone does not (a writer's comma stands
# between two characters that make a word now and then)
_ODD = "【】《》!?！？—:;"
_RUN = re.compile(r"(?<=[\u4e00-\u9fff])[【】《》!?！？—:;()（）,，。：；]{1,3}(?=[\u4e00-\u9fff])")
ODD_MARKS = re.compile(f"[{_ODD}]")  # one of them (S105 reads a first line holding one as past reading)
LEAST_RUNS = 6  # runs inside a word in one document before its marks count as scattered
LEAST_KINDS = 3  # … of at least this many odd marks
MARKS = frozenset(_ODD + "()（）,，。：；")  # what T102 and T103 leave alone in a paragraph holding such runs


class Scattered(NamedTuple):
    """The runs found inside words (block, start, end), in document order; empty when too few."""

    runs: list[tuple[int, int, int]]

    @property
    def blocks(self) -> frozenset[int]:
        return frozenset(b for b, _, _ in self.runs)


def scattered_marks(ctx: Context) -> Scattered:
    """The document's scattered marks, found once (B101, T102 and T103 ask)."""
    return ctx.memo("scattered-marks", lambda: _find(ctx))  # type: ignore[no-any-return]


def _find(ctx: Context) -> Scattered:
    body = ctx.body
    text = body.text
    if len(ODD_MARKS.findall(text)) < LEAST_RUNS:
        return Scattered([])  # most texts: one scan in C
    candidates = [m for m in _RUN.finditer(text) if ODD_MARKS.search(m.group())]
    if len(candidates) < LEAST_RUNS or len({ch for m in candidates for ch in m.group() if ch in _ODD}) < LEAST_KINDS:
        return Scattered([])
    from .lexicon import lexicon  # only for a text with many such runs

    word = lexicon().word
    runs = []
    for m in candidates:
        if word(text[m.start() - 1] + text[m.end()]):
            b = body.block_at(m.start())
            if b not in ctx.residue:
                at = body.starts[b]
                runs.append((b, m.start() - at, m.end() - at))
    kinds = {ch for b, s, e in runs for ch in ctx.doc.blocks[b].text[s:e] if ch in _ODD}
    return Scattered(runs if len(runs) >= LEAST_RUNS and len(kinds) >= LEAST_KINDS else [])
