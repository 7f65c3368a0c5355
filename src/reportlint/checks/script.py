"""T109: traditional characters in a document written in simplified ones.

公文 are written in 规范汉字 (国家通用语言文字法 §3, §17; 通用规范汉字表 2013). Traditional characters in a draft
come from text copied off a traditional-script page (a repost site, a Hong Kong or Taiwan source) or from a
converter run the wrong way. Only characters that are traditional forms and never standard simplified ones
count (the ``pairs`` of rules/proofread.toml): 乾 (乾坤), 於 (a surname) and 徵 (宫商角徵羽) are standard
characters too, so they are not in the table and a name or a quotation never trips the rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..context import Context
from ..hookspecs import hookimpl
from ..model import Finding, Rule
from ..traditional import mostly_traditional, table, traditional_blocks


def _sample(chars: list[str], simplified: Mapping[str, str], most: int = 3) -> str:
    seen = list(dict.fromkeys(chars))[:most]
    return "、".join(f"“{c}”应为“{simplified[c]}”" for c in seen)


def check_traditional(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports text written in traditional characters in a report: one finding for the whole
    document when most of its text is traditional, else one per passage (neighbouring
    paragraphs), each with examples of the simplified forms. A paragraph counts when it holds
    at least ``least`` traditional characters making up at least ``share`` of its Chinese
    characters; only forms that are never standard simplified characters are counted.
    ## Parameters
    ``pairs``: each traditional character followed by its simplified form; ``least``, ``share``:
    as above; ``document_share``: share of the document's Chinese characters in traditional
    paragraphs above which one finding speaks for the whole document.
    ## Example
    經過檢查，總體情況良好。 → T109, 經→经、過→过、檢→检."""
    found, han = traditional_blocks(ctx, rule.params)
    if not found:
        return
    _, simplified = table(rule.params.get("pairs", ""))
    if mostly_traditional(found, han, rule.params):
        every = [c for i in sorted(found) for c in found[i]]  # the finding stands on the first such paragraph
        yield rule.finding(ctx.doc, min(found), 0, None, key="document", count=len(every),
                           sample=_sample(every, simplified))
        return
    runs: list[list[int]] = []
    for i in sorted(found):
        # neighbours: nothing but blank or non-Chinese lines between them
        if runs and not any(han[j] for j in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        chars = [c for i in run for c in found[i]]
        yield rule.finding(ctx.doc, run[0], 0, None, end_block=run[-1] if len(run) > 1 else None,
                           count=len(chars), sample=_sample(chars, simplified))


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("script.traditional", check_traditional)
