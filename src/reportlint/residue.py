"""The residue stage of the document model: blocks that a download or news site left in the
text (notices, customer-service lines, 原文链接, page chrome), found once for everyone.

file → loader → Document → **residue** → outline → checks. The outline, the document-type
detection and every check pass over these blocks; B101 reports them. The patterns are B101's
parameters, with the configuration's ``[options.B101]`` applied, so a team that adds a
pattern changes what every rule skips, not only what B101 reports. (A profile's B101
overrides do not apply here: the profile is detected after this stage, from text that
excludes the residue.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .checks.boilerplate import residue_blocks  # the patterns' reader; to move here once B101's edits land
from .rulebook import apply_options

if TYPE_CHECKING:
    from .model import Document
    from .rulebook import Rulebook
    from .scan import Body

RULE = "B101"  # the rule whose parameters hold the residue patterns


def options(rulebook: Rulebook, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> Mapping[str, Any]:
    """B101's parameters with the configuration's ``[options.B101]`` applied, as for the rule
    itself (``[options.B101.extend]`` appends to the pattern lists)."""
    rule = rulebook.rules.get(RULE)
    if rule is None:
        return {}
    return apply_options(rule.params, (overrides or {}).get(RULE) or {})


def find(doc: Document, body: Body, params: Mapping[str, Any]) -> frozenset[int]:
    """The residue blocks of ``doc`` under ``params`` (none without patterns)."""
    return frozenset(residue_blocks(doc, body, params)) if params else frozenset()
