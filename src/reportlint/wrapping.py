"""Paragraphs a hard wrap at a fixed width broke into lines: text copied out of a PDF or a fixed-width page keeps a
return at every line's end. The text loader joins such paragraphs back (``loaders.repair.rewrap``); X104 reports them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .textutil import CLOSING_MARKS, SENTENCE_ENDS, display_width

# a paragraph hard-wrapped at a fixed width, as text copied out of a PDF or a fixed-width page keeps it: this many lines
# in a row or more, each this long or longer, that end inside a sentence and hold as many characters as one another
# within the slack (a page wrapped at a count of characters) or take as many columns (wrapped at a width, a Chinese
# character two columns)
WRAP_LINES = 3
WRAP_CHARS = 15
WRAP_SLACK = 3
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LIST_MARK = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．、]"
                        r"|第[一二三四五六七八九十百\d]+[章节条])")


def wrapped_runs(texts: Sequence[str], eligible: Sequence[bool], word: Callable[[], Callable[[str], bool]],
                 least: int = WRAP_LINES, shortest: int = WRAP_CHARS, slack: int = WRAP_SLACK,
                 numbered_first: bool = False) -> list[list[int]]:
    """Runs of consecutive lines of ``texts`` that a hard wrap at a fixed width broke: ``least`` lines in a row or
    more (``eligible`` ones, ``shortest`` characters or longer, no tab or run of spaces as in a table's row, no list
    mark at their start) that each end inside a sentence, hold as many characters as one another within ``slack`` or
    take as many columns, and are each followed at once by the line they go on with (not blank, not indented, no list
    mark), one break at least falling inside a word of two characters (清 / 理: ``word()`` gives the test, asked for
    only when a run is found), a break a width made, not one its writer put between two items. Parallel headings of
    one length (一、……，……) begin with their numbers and are followed by their text, not a rest of their sentence;
    with ``numbered_first`` a run's first line may begin with a number (（一）…… wrapped as the paragraph it heads).
    Runs by count and by columns that overlap or meet are one. A run lists the broken lines, not the line after its
    last, which ends the paragraph."""
    is_word: Callable[[str], bool] | None = None

    def whole(run: list[int]) -> bool:
        nonlocal is_word
        for i in run:
            a, b = texts[i].rstrip()[-1:], texts[i + 1].lstrip()[:1]
            if a and b and _HAN.match(a) and _HAN.match(b):
                is_word = is_word or word()
                if is_word(a + b):
                    return True
        return False

    wraps: list[tuple[int, bool]] = []  # each wrapped line's index and whether it may begin a run
    for i, text in enumerate(texts):
        text = text.rstrip()
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        if (eligible[i] and len(text) >= shortest and text.rstrip(CLOSING_MARKS)[-1:] not in SENTENCE_ENDS
                and "\t" not in text and "  " not in text.strip()
                and nxt.strip() != "" and nxt[:1] not in (" ", "\u3000", "\t") and not _LIST_MARK.match(nxt)):
            wraps.append((i, _LIST_MARK.match(text) is None))
    if len(wraps) < least:
        return []
    spans: list[tuple[int, int]] = []

    def scan(measure: Callable[[str], int], fewest: int, page: int | None) -> list[int]:
        """Add the runs by ``measure`` to ``spans``; with ``page``, only of lines within the slack of it. The sizes of
        the lines of the runs found."""
        found: list[int] = []
        run: list[int] = []
        sizes: list[int] = []
        for i, plain in [*wraps, (-2, False)]:  # (a last place that ends the last run)
            size = measure(texts[i].rstrip()) if i >= 0 else 0
            fits = i >= 0 and (page is None or abs(size - page) <= slack)
            if run and plain and fits and i == run[-1] + 1 and max(*sizes, size) - min(*sizes, size) <= slack:
                run.append(i)
                sizes.append(size)
                continue
            if len(run) >= fewest and whole(run):
                spans.append((run[0], run[-1]))
                found += sizes
            run, sizes = ([i], [size]) if fits and (plain or numbered_first) else ([], [])
        return found

    for measure in (len, display_width):
        # once a page's width is known from runs of ``least`` lines, a paragraph of two lines at that width is one too
        sizes = scan(measure, least, None)
        if sizes and least > 2:
            scan(measure, 2, sorted(sizes)[len(sizes) // 2])
    merged: list[list[int]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return [list(range(first, last + 1)) for first, last in merged]
