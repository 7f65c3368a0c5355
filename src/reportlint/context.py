"""What a check receives: one document with its outline, detected profile and run options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import TYPE_CHECKING, Any

from .model import FACTORY, record

if TYPE_CHECKING:
    from .model import Document
    from .outline import Outline
    from .rulebook import Profile, Rulebook
    from .scan import Body


@record()
class Context:
    """What a check receives: one document with its outline, profile, rule data and run options."""

    doc: Document
    outline: Outline
    profile: Profile | None
    rulebook: Rulebook
    body: Body  # all blocks joined into one text, for scanning a pattern once per document
    residue: frozenset[int] = frozenset()  # blocks that are download-site or web-page residue
    options: Mapping[str, Any] = field(default_factory=dict)  # run options: corpus index …
    cache: dict[str, Any] = field(default_factory=dict)  # per-document memo shared by checks

    def __init__(self, doc: Document, outline: Outline, profile: Profile | None, rulebook: Rulebook, body: Body,
                 residue: frozenset[int] = frozenset(), options: Mapping[str, Any] = FACTORY,
                 cache: dict[str, Any] = FACTORY) -> None:
        self.doc = doc
        self.outline = outline
        self.profile = profile
        self.rulebook = rulebook
        self.body = body
        self.residue = residue
        self.options = {} if options is FACTORY else options
        self.cache = {} if cache is FACTORY else cache

    def memo(self, key: str, make: Any) -> Any:
        """Compute ``make()`` once per document and share it between checks."""
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]
