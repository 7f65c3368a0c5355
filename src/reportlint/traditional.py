"""Traditional characters in a document: the table of forms that are never standard simplified characters, the
paragraphs written in them, and whether the whole document is (T109 reports it; the rules that read simplified
wording are not run on such a document, see ``engine.run_checks``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .context import Context
    from .rulebook import Rulebook
    from .scan import Body

_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=8)
def table(pairs: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The traditional characters of ``pairs`` (each followed by its simplified form) as one character class, and the
    map to their simplified forms."""
    simplified = {pairs[i]: pairs[i + 1] for i in range(0, len(pairs) - 1, 2)}
    if not simplified:
        return None, {}
    # one escape of the joined characters (the same string as escaping each: ``re.escape`` maps character by
    # character), not 3,000 calls at every start
    return re.compile("[" + re.escape("".join(simplified)) + "]"), simplified


def holds_traditional(body: Body, pairs: str) -> bool:
    """Whether the document's text holds one of the traditional characters of ``pairs``: one scan in C, kept with
    the text for the stages that ask (the residue stage reads such a page through the simplified forms; T109)."""
    key = ("traditional", pairs)
    if key not in body.found:
        rx, _ = table(pairs)
        body.found[key] = rx is not None and rx.search(body.text) is not None
    return body.found[key]


def traditional_blocks(ctx: Context, params: Mapping[str, Any]) -> tuple[dict[int, list[str]], list[int]]:
    """The blocks (index → their traditional characters) with at least ``least`` traditional characters that make up
    at least ``share`` of their Chinese characters: written in traditional script, not one name or quotation; and
    the count of Chinese characters per block. Empty when the text holds no traditional character (one scan in C:
    most reports hold none). Computed once per document for the same data: the engine asks (``written_in_traditional``)
    and T109 again."""
    pairs, least, share = params.get("pairs", ""), params.get("least", 3), params.get("share", 0.1)
    return ctx.memo(f"traditional-blocks:{hash(pairs)}:{least}:{share}",  # type: ignore[no-any-return]
                    lambda: _traditional_blocks(ctx, pairs, least, share))


def _traditional_blocks(ctx: Context, pairs: str, least: int, share: float) -> tuple[dict[int, list[str]], list[int]]:
    rx, _ = table(pairs)
    if rx is None or not holds_traditional(ctx.body, pairs):
        return {}, []
    residue = ctx.residue  # web residue is no part of the text: neither its characters nor its script count
    han = [0 if b.index in residue else len(_HAN.findall(b.text)) for b in ctx.doc.blocks]
    found: dict[int, list[str]] = {}
    for b in ctx.doc.blocks:
        if b.index in residue:
            continue
        chars = rx.findall(b.text)
        if len(chars) >= least and len(chars) >= share * han[b.index]:
            found[b.index] = chars
    return found, han


def mostly_traditional(found: Mapping[int, list[str]], han: list[int], params: Mapping[str, Any]) -> bool:
    """Whether the paragraphs in ``found`` hold ``document_share`` of the document's Chinese characters."""
    return bool(found) and sum(han[i] for i in found) >= params.get("document_share", 0.6) * max(1, sum(han))


def rulebook_pairs(rulebook: Rulebook) -> str:
    """T109's pairs of traditional and simplified characters in ``rulebook`` ("" without the rule)."""
    rule = rulebook.rules.get("T109")
    pairs = rule.params.get("pairs", "") if rule is not None else ""
    return pairs if isinstance(pairs, str) else ""


def written_in_traditional(ctx: Context) -> bool:
    """Whether the document is written in traditional characters by the rulebook's T109 data (its ``pairs``,
    ``least``, ``share`` and ``document_share``); False when the rulebook has no T109. Computed once."""
    rule = ctx.rulebook.rules.get("T109")
    if rule is None:
        return False

    def judge() -> bool:
        found, han = traditional_blocks(ctx, rule.params)
        return mostly_traditional(found, han, rule.params)

    return ctx.memo("written-in-traditional", judge)  # type: ignore[no-any-return]
