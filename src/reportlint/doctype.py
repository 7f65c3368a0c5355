"""Detect the document type (the profile) from the title, or from the opening and headings."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Document
from .outline import Outline
from .rulebook import Profile
from .textutil import fuzzy_contains


def detect(doc: Document, outline: Outline, profiles: Iterable[Profile], residue: frozenset[int]) -> Profile | None:
    """The profile whose title keyword matches best (the longest keyword wins); without a
    usable title, the profile whose opening words and section headings fit best."""
    profiles = list(profiles)
    titles = [t for t in (outline.title.text if outline.title else "", doc.title) if t]
    best: tuple[int, Profile] | None = None
    for title in titles:
        for prof in profiles:
            for kw in prof.match:
                if kw in title and (best is None or len(kw) > best[0]):
                    best = (len(kw), prof)
        if best:
            return best[1]
    opening = "".join(b.text for b in doc.blocks[:12] if b.index not in residue)[:600]
    headings = [h.text for h in outline.headings]
    scored: list[tuple[int, int, Profile]] = []
    for order, prof in enumerate(profiles):
        hits = sum(1 for kw in prof.body_match if kw in opening)
        required = [s for s in prof.sections if s.required]
        found = sum(1 for s in required if any(fuzzy_contains(h, w) for h in headings for w in s.wordings))
        if required and found >= 2 and found * 2 >= len(required):
            scored.append((hits + found * 2, -order, prof))
        elif hits >= 1 and (found >= 1 or not required):
            scored.append((hits + found, -order, prof))
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    return scored[0][2]
