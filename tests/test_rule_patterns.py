"""The regular expressions of the rule data cannot take time that grows with the cube of a run of spaces.

A web page's source saved as .txt is read with its tags, scripts and styles blanked into spaces (lines and columns
kept), so a document may hold runs of thousands of spaces and empty lines. A pattern such as ``^\\s*[•·]?\\s*词`` tries,
at every line start inside such a run, each way of sharing the run between its two ``\\s*`` (the optional mark between
them lets either take it): a 20,000-character page then ran past the 8-second limit and was not checked at all. The
same pattern written ``^\\s*(?:[•·]\\s*)?词`` matches the same texts with one way only. Python's ``re`` has no time
limit, so the shape is checked in the data itself: two repeats that can both take a space, with nothing but optional
items between them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest

from reportlint.rulebook import builtin_rules_dir

_SPACES = " \t\n\u3000"
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)
_SPACE_CATEGORIES = (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_DIGIT, sre.CATEGORY_NOT_WORD)


def _may_begin_with_space(items: Any) -> bool:
    """Whether a parsed sequence of regex items may match a space first (when unsure, yes)."""
    for op, av in items:
        if op is sre.AT:
            continue
        if op is sre.LITERAL:
            return chr(av) in _SPACES
        if op is sre.IN:
            if av and av[0][0] is sre.NEGATE:  # [^…]: a space unless the set names one
                return not any((o is sre.CATEGORY and a is sre.CATEGORY_SPACE) or (o is sre.LITERAL and chr(a) == " ")
                               for o, a in av[1:])
            return any((o is sre.CATEGORY and a in _SPACE_CATEGORIES) or (o is sre.LITERAL and chr(a) in _SPACES)
                       or (o is sre.RANGE and any(a[0] <= ord(c) <= a[1] for c in _SPACES)) for o, a in av)
        if op is sre.SUBPATTERN:
            return _may_begin_with_space(av[3])
        if op is sre.BRANCH:
            return any(_may_begin_with_space(b) for b in av[1])
        if op in _REPEATS:
            return _may_begin_with_space(av[2])
        return op in (sre.ANY, sre.NOT_LITERAL)
    return False


def _sequences(items: Any) -> Iterator[list[Any]]:
    yield list(items)
    for op, av in items:
        if op is sre.SUBPATTERN:
            yield from _sequences(av[3])
        elif op is sre.BRANCH:
            for branch in av[1]:
                yield from _sequences(branch)
        elif op in _REPEATS:
            yield from _sequences(av[2])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _sequences(av[1])


def ambiguous_spaces(pattern: str) -> bool:
    """Whether ``pattern`` has two repeats that may take a space with only optional items between them
    (``\\s*[:：]?\\s*``): a run of spaces can be shared between them in as many ways as it is long."""
    def spacey(node: Any) -> bool:
        return node[0] in _REPEATS and node[1][1] > 1 and _may_begin_with_space(node[1][2])

    for seq in _sequences(sre_parse.parse(pattern)):
        for i, node in enumerate(seq):
            if not spacey(node):
                continue
            j = i + 1
            while j < len(seq) and seq[j][0] in _REPEATS and seq[j][1][0] == 0 and not spacey(seq[j]):
                j += 1
            if i + 1 < j < len(seq) and spacey(seq[j]):
                return True
    return False


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for k, item in enumerate(value):
            yield from _strings(item, f"{where}[{k}]")


def _rule_patterns() -> list[tuple[str, str]]:
    found = []
    for path in sorted(builtin_rules_dir().rglob("*.toml")):
        for where, text in _strings(tomllib.loads(path.read_text(encoding="utf-8")), path.name):
            try:
                re.compile(text)
            except re.error:
                continue  # a word list entry, a message: no pattern
            if any(c in text for c in "\\*+?{[("):
                found.append((where, text))
    return found


def test_detector_tells_the_shapes_apart() -> None:
    assert ambiguous_spaces(r"^\s*[•·]?\s*(?:设为首页|加入收藏)\s*$")
    assert ambiguous_spaces(r"第\s*\d{1,4}\s*页\s*[,，]?\s*共")
    assert ambiguous_spaces(r"(?:联系人)\s*[:：]?\s*$")
    assert not ambiguous_spaces(r"^\s*(?:[•·]\s*)?(?:设为首页|加入收藏)\s*$")
    assert not ambiguous_spaces(r"第\s*\d{1,4}\s*页\s*(?:[,，]\s*)?共")
    assert not ambiguous_spaces(r"\s*[:：]\s*")  # a mark that must be there keeps the runs apart


def test_rule_data_has_patterns() -> None:
    assert len(_rule_patterns()) > 200


@pytest.mark.parametrize(("where", "pattern"), _rule_patterns(), ids=lambda v: v if len(v) < 40 else None)
def test_no_pattern_shares_a_run_of_spaces(where: str, pattern: str) -> None:
    assert not ambiguous_spaces(pattern), f"{where}: write \\s*X?\\s* as \\s*(?:X\\s*)? — {pattern}"


def test_page_source_with_long_blank_runs_is_checked(tmp_path: Path) -> None:
    """A page whose head and scripts blank into thousands of spaces is checked within the command's time limit like
    any page, and its text's finding is reported (before, the file ran past the limit: X101, nothing checked)."""
    head = "<html>\n<head>\n" + "".join(f'    <link href="css/s{k}.css" rel="stylesheet"/>\n' for k in range(150))
    script = "<script>\n" + "".join(f"  var a{k} = {k};  // {'x' * 60}\n" for k in range(60)) + "</script>\n"
    page = tmp_path / "page.txt"
    page.write_text(head + "</head>\n<body>\n" + script + "<p>关于开展安全检查的通知</p>\n"
                    "<p>各部门要认真落实，确保检查工作取得实效。。</p>\n</body>\n</html>\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", "json", "--no-cache", str(page)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)  # before: over 10 minutes
    found = [f["rule"] for f in json.loads(proc.stdout)["files"][0]["findings"]]
    assert "X101" not in found
    assert "T103" in found


def test_each_t104_entry_consumes_just_the_swapped_word() -> None:
    """A T104 entry's match is what its replacement replaces: 开展(?=观) → 发展, never 开展观 → 发展 (the message
    and the suggestion would drop 观); the context goes in look-arounds. Each top-level alternative consumes as many
    characters as the replacement has (那么 → 则, the one swap of two characters for one, aside)."""
    pairs = tomllib.loads((Path(__file__).resolve().parents[1] / "rules" / "hygiene.toml").read_text(
        encoding="utf-8"))["T104"]["params"]["pairs"]
    zero_width = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)
    for pattern, replacement in pairs:
        tree = sre_parse.parse(pattern)
        items = list(tree)
        branches = [list(b) for b in items[0][1][1]] if len(items) == 1 and items[0][0] is sre.BRANCH else [items]
        for branch in branches:
            consumed = sre_parse.SubPattern(tree.state, [it for it in branch if it[0] not in zero_width])
            width = consumed.getwidth()
            assert width == (len(replacement),) * 2 or (replacement == "则" and width == (2, 2)), pattern
