"""B1 checks: download-site residue, page furniture, placeholders, repeats, reuse."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from ..model import Document


@lru_cache(maxsize=32)
def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def residue_blocks(doc: Document, params: Mapping[str, Any]) -> Iterator[int]:
    """Indexes of blocks that hold web residue by B101's patterns."""
    pattern = _compile(tuple(params.get("patterns", ())))
    for b in doc.blocks:
        if b.text.strip() and pattern.search(b.text):
            yield b.index
