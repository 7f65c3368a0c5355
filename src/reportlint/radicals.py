"""Radical symbols a converter wrote for the Chinese characters they look like (⽂ for 文, ⼆ for 二).

The Kangxi Radicals (U+2F00-U+2FD5) and some CJK Radicals Supplement symbols (U+2E80-U+2EF3) are drawn like the
characters they stand for, and PDF converters and some fonts emit them in place of those characters. To a reader they
are the same; to every rule they are no Chinese at all, so the words around them fall apart (⽬的 is no word). The
document is checked with each one read as its character (Unicode's own compatibility mapping, NFKC: one character for
one, so every place stays where it is), and X103 says once that the text holds them, to replace.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .model import Document

_RADICAL = re.compile("[\u2e80-\u2fdf]")
# each radical that Unicode maps to one unified ideograph (all 214 Kangxi radicals, two of the supplement)
_AS_CHARACTER = {cp: form for cp, form in ((cp, unicodedata.normalize("NFKC", chr(cp))) for cp in range(0x2E80, 0x2FE0))
                 if len(form) == 1 and form != chr(cp)}


def restored(doc: Document) -> Document:
    """``doc`` with its radicals read as the characters they look like, and ``meta["radicals"]``: how many there were,
    and the first (block, offset, radical, character); ``doc`` itself when it holds none (most documents: one search
    of each block in C)."""
    places = [(b.index, m.start()) for b in doc.blocks for m in _RADICAL.finditer(b.text)
              if ord(m.group()) in _AS_CHARACTER]
    if not places:
        return doc
    block, offset = places[0]
    radical = doc.blocks[block].text[offset]
    blocks = tuple(replace(b, text=b.text.translate(_AS_CHARACTER)) if _RADICAL.search(b.text) else b
                   for b in doc.blocks)
    meta = {**doc.meta, "radicals": (len(places), block, offset, radical, _AS_CHARACTER[ord(radical)])}
    return replace(doc, blocks=blocks, meta=meta)
