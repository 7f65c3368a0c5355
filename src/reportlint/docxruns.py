"""Characters of a Word paragraph mapped to the runs that hold them, and runs split at an exact
character, for the writers that touch a copy of a .docx: tracked-change fixes (``fixdocx``)
and comments anchored on an excerpt (``annotate``).

A block's text is its paragraph's text as the loader reads it (``paragraph_text``) after the
Word list label. The map is built by the same walk, character by character; where the two
disagree (text the loader rewrites: line breaks joined, invisible characters dropped, a field
spanning paragraphs), the paragraph is not mapped and callers fall back or leave it alone.
Characters that are not plain run text (a tab, a symbol, a field's result) map to None: they
can be commented on, never split or replaced.
"""

from __future__ import annotations

import copy
from typing import Any

from .loaders.docx import MC, paragraph_text
from .loaders.wordnum import W

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SKIP = {W + "del", W + "moveFrom", W + "delText", W + "txbxContent", MC + "Fallback", W + "rt", W + "pPr",
         W + "rPr", W + "instrText"}
Place = tuple[Any, int] | None  # (w:t element, index in its text), None: not plain run text


def char_map(p: Any, text: str | None = None) -> list[Place] | None:
    """For each character of the paragraph's text (``paragraph_text(p)``, or ``text`` when
    given), where it sits; None when the walk cannot reproduce that text."""
    expected = paragraph_text(p)[0] if text is None else text
    places: list[Place] = []
    chars: list[str] = []
    depth = 0  # complex fields open; their results are not plain text
    result = [False]  # per open field: past its separator?

    def walk(el: Any, plain: bool) -> None:
        nonlocal depth
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "r":
                props = child.find(W + "rPr")
                if props is not None and props.find(W + "vanish") is not None:
                    vanish = props.find(W + "vanish")
                    if vanish.get(W + "val", "true") not in ("0", "false", "off"):
                        continue
            if tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    depth += 1
                    result.append(False)
                elif kind == "separate" and depth:
                    result[-1] = True
                elif kind == "end" and depth:
                    depth -= 1
                    result.pop()
                continue
            inside = plain and depth == 0 and tag not in (W + "fldSimple", W + "ins", W + "moveTo")
            if tag == W + "t":
                value = child.text or ""
                for i, ch in enumerate(value):
                    chars.append(ch)
                    places.append((child, i) if inside and child.getparent().tag == W + "r" else None)
            elif tag == W + "sym":
                chars.append("\0")
                places.append(None)
            elif tag == W + "tab":
                chars.append("\t")
                places.append(None)
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") != "page":
                    chars.append("\n")
                    places.append(None)
            elif tag == W + "noBreakHyphen":
                chars.append("-")
                places.append(None)
            else:
                walk(child, inside)

    walk(p, True)
    got = "".join(chars)
    if len(got) != len(expected) or any(a != b and a != "\0" for a, b in zip(got, expected, strict=True)):
        return None
    return places


def split_before(t: Any, i: int) -> None:
    """Split the run holding ``t`` so that character ``i`` of ``t`` begins a run of its own;
    both halves keep the run's properties. Nothing changes when it already begins one."""
    run = t.getparent()
    children = list(run)
    at = children.index(t)
    content = [c for c in children if c.tag != W + "rPr"]
    if i == 0 and content and content[0] is t:
        return
    text = t.text or ""
    tail = copy.deepcopy(run)
    tail_children = list(tail)
    for c in tail_children[:at]:
        if c.tag != W + "rPr":
            tail.remove(c)
    tail_t = tail_children[at]
    if i >= len(text):
        tail.remove(tail_t)
    else:
        tail_t.text = text[i:]
        tail_t.set(XML_SPACE, "preserve")
    for c in children[at + 1:]:
        run.remove(c)
    if i == 0:
        run.remove(t)
    else:
        t.text = text[:i]
        t.set(XML_SPACE, "preserve")
    run.addnext(tail)


def split_after(t: Any, i: int) -> None:
    """Split the run holding ``t`` so that character ``i`` of ``t`` ends its run."""
    run = t.getparent()
    if i + 1 >= len(t.text or "") and list(run)[-1] is t:
        return
    split_before(t, i + 1)


def isolate(p: Any, start: int, end: int, text: str | None = None) -> list[Any] | None:
    """The runs that hold exactly characters ``[start, end)`` of the paragraph's text, after
    splitting the runs at both ends; None when a character there is not plain run text."""
    places = char_map(p, text)
    if places is None or not 0 <= start < end <= len(places) or any(pl is None for pl in places[start:end]):
        return None
    split_after(*places[end - 1])  # type: ignore[misc]
    places = char_map(p, text)
    assert places is not None
    split_before(*places[start])  # type: ignore[misc]
    places = char_map(p, text)
    assert places is not None
    runs: list[Any] = []
    for place in places[start:end]:
        run = place[0].getparent()  # type: ignore[index]
        if not runs or runs[-1] is not run:
            runs.append(run)
    return runs
