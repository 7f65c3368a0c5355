"""One mistake written the same way all through a document, reported once: the drafter replaces it everywhere at once.

Used by the word-list rules (T104's swapped words, T105's listed mistakes): three places or more of the same text with
the same correction make one finding at the first place, with the count and the other places as related places.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from ..model import Document

SUMMED = 3  # places of one mistake reported as one finding

Item = TypeVar("Item")
Place = tuple[int, int, str, str, Item]  # block index, start, text, correction, the caller's own item


def summed(doc: Document, places: list[Place[Item]],
           summable: Callable[[Item], bool] | None = None) -> Iterator[tuple[Place[Item], str, list[dict[str, Any]]]]:
    """For each of ``places`` (in document order) to report: (the place, the count's words or "", related places).
    Places of one text and correction, three or more, give only their first, with the others related; a place whose
    item ``summable`` rejects is reported on its own."""
    groups: dict[tuple[str, str], list[Place[Item]]] = {}
    for place in places:
        if summable is None or summable(place[4]):
            groups.setdefault((place[2], place[3]), []).append(place)
    for place in places:
        group = groups.get((place[2], place[3]), []) if summable is None or summable(place[4]) else []
        if len(group) < SUMMED:
            yield place, "", []
        elif group[0] is place:
            related = [{"path": doc.path, "line": doc.blocks[i].position(s)[0]} for i, s, *_ in group[1:]]
            yield place, f"（全文共 {len(group)} 处，可用替换功能统一改正）", related
