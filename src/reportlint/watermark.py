"""A site's watermark appended to the paragraphs of its copy of a document (……总结如下。××百科--为××助力 after every
paragraph and heading): found once from the blocks' ends, before the outline and the residue read the text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Block

_TAIL_KEY = 6  # characters at the end of a paragraph read to find a tail many paragraphs share
_TAIL_MIN_BLOCKS = 3  # paragraphs ending in one tail before it counts as a site's watermark
_TAIL_SHARE = 0.2  # … and their share of the paragraphs with text
_TAIL_MAX = 30  # characters of such a tail, at most
_TAIL_STOPS = re.compile(r"[。！？!?；;，,]")
_ENDS_SENTENCE = frozenset("。！？!?")
# what names a site in its watermark: Latin letters or digits (a brand, an address) or a word of a site's name (……网,
# ……百科, ……文库); a tail without any (……信访工作总结 after a title and a paragraph) is the text's own words
_SITE_MARK = re.compile(r"[A-Za-z0-9]|网|站|百科|文库|资料库")


def repeated_tail(blocks: Sequence[Block]) -> str:
    """The words a site appended to many paragraphs of its copy (……总结如下。××百科--为××助力, again after headings):
    the longest tail, holding no sentence's or clause's mark, opening with no bracket and naming a site
    (``_SITE_MARK``), that ends at least ``_TAIL_MIN_BLOCKS`` paragraphs and a ``_TAIL_SHARE`` of those with text, and
    that follows a sentence's end in one of them at least (so that it is no sentence's own last words). "" when there
    is none (most texts)."""
    ends = [b.text.rstrip() for b in blocks if b.text.strip()]
    if len(ends) < _TAIL_MIN_BLOCKS:
        return ""
    need = max(_TAIL_MIN_BLOCKS, int(len(ends) * _TAIL_SHARE + 0.999))
    keys: dict[str, int] = {}
    for text in ends:
        if len(text) > _TAIL_KEY:
            key = text[-_TAIL_KEY:]
            keys[key] = keys.get(key, 0) + 1
    best = ""
    for key, count in keys.items():
        if count < need or _TAIL_STOPS.search(key):
            continue
        holders = [t for t in ends if t.endswith(key)]
        tail = key
        while len(tail) < _TAIL_MAX and all(len(t) > len(tail) and t[-len(tail) - 1] == holders[0][-len(tail) - 1]
                                            for t in holders):
            nxt = holders[0][-len(tail) - 1]
            if nxt in _ENDS_SENTENCE or _TAIL_STOPS.match(nxt):
                break
            tail = nxt + tail
        if tail[0] in "（(【[“《" or not _SITE_MARK.search(tail) \
                or not any(len(t) > len(tail) and t[-len(tail) - 1] in _ENDS_SENTENCE for t in holders):
            continue
        if len(tail) > len(best):
            best = tail
    return best
