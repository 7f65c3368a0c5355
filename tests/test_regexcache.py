"""regexcache: patterns made from the saved table are the patterns re would compile."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from re import _compiler  # type: ignore[attr-defined]

import pytest

from reportlint import regexcache

PATTERNS = [
    (r"(?<=[\u4e00-\u9fff])\*+(?=[\u4e00-\u9fff])", 0),
    (r"(?P<unit>县|市)委(?P<body>常委会|班子)", re.MULTILINE),
    (r"^\s*第\s*\d{1,4}\s*页$", re.MULTILINE),
    (r"(?i)page\s*\d+", 0),
]
TEXT = "县委常委会研究\n第 3 页\n全力落实市委*工作部署，Page 4"


@pytest.fixture
def table_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_known", set())
    monkeypatch.setattr(regexcache, "_facts", {kind: {} for kind in regexcache.FACT_KINDS})
    monkeypatch.setattr(regexcache, "_new_facts", set())
    re.purge()
    yield tmp_path
    re.purge()


def test_saved_patterns_come_back_identical(table_dir: Path) -> None:
    fresh = [re.compile(p, f) for p, f in PATTERNS]
    assert regexcache.save() >= len(PATTERNS)
    assert list(table_dir.rglob("regex-*.marshal"))
    re.purge()
    regexcache._known.clear()
    assert regexcache.prime() >= len(PATTERNS)
    for (pattern, flags), before in zip(PATTERNS, fresh, strict=True):
        primed = re.compile(pattern, flags)
        assert primed is re._cache[(str, pattern, int(flags))]  # type: ignore[attr-defined]
        assert primed == _compiler.compile(pattern, flags)  # same flags, same code
        assert primed.groupindex == before.groupindex
        assert [m.span() for m in primed.finditer(TEXT)] == [m.span() for m in before.finditer(TEXT)]
    assert regexcache.save() == 0  # nothing new: nothing written


def test_an_unreadable_table_is_ignored(table_dir: Path) -> None:
    regexcache.save()
    for path in table_dir.rglob("regex-*.marshal"):
        path.write_bytes(b"\x00not marshal")
    re.purge()
    regexcache._known.clear()
    assert regexcache.prime() == 0
    assert re.compile(PATTERNS[0][0]).search("市委*总体")


def test_first_character_classes_are_kept_too(table_dir: Path) -> None:
    regexcache.remember("leads", "(?<=x)y", re.MULTILINE, "[y]")
    regexcache.save()
    regexcache._facts["leads"].clear()
    regexcache.prime()
    assert regexcache.recall("leads", "(?<=x)y", re.MULTILINE) == (True, "[y]")
    assert regexcache.recall("leads", "(?<=x)z", 0) == (False, None)


def test_needed_characters_come_back_without_a_parse(table_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint import needchars

    needchars.needed_chars.cache_clear()
    assert needchars.needed_chars("(?:县|市)委", re.MULTILINE) == frozenset("委")
    assert needchars.needed_chars(r"\d+个", 0) == frozenset("个")
    assert needchars.needed_chars(r"\d?", 0) is None
    regexcache.save()
    regexcache._facts["needs"].clear()
    needchars.needed_chars.cache_clear()
    regexcache.prime()

    def no_parse(pattern: str, flags: int) -> None:
        raise AssertionError(f"parsed again: {pattern}")

    monkeypatch.setattr(needchars, "_needed_chars", no_parse)
    assert needchars.needed_chars("(?:县|市)委", re.MULTILINE) == frozenset("委")
    assert needchars.needed_chars(r"\d+个", 0) == frozenset("个")
    assert needchars.needed_chars(r"\d?", 0) is None
    needchars.needed_chars.cache_clear()


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="patterns built on first use where re._compile allows it")
def test_patterns_are_built_when_first_asked_for(table_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in PATTERNS:
        re.compile(pattern, flags)
    regexcache.save()
    monkeypatch.setattr(re, "_cache", {})
    regexcache._known.clear()
    assert regexcache.prime() >= len(PATTERNS)
    cache = re._cache  # type: ignore[attr-defined]
    assert all((str, p, int(f)) not in cache for p, f in PATTERNS)  # nothing built yet
    pattern, flags = PATTERNS[1]
    built = re.compile(pattern, flags)
    assert built == _compiler.compile(pattern, flags) and built.groupindex == {"unit": 1, "body": 2}
    assert (str, pattern, int(flags)) in cache and (str, PATTERNS[0][0], PATTERNS[0][1]) not in cache
    assert re.search("新的[模式]", "一个新的模式") is not None  # a pattern the table lacks: compiled as usual


def test_a_second_run_compiles_no_new_pattern(tmp_path: Path) -> None:
    """Every pattern a check builds is the same string in every process: one built from a set in its iteration
    order (which string hashing changes from run to run) was compiled, and the table written, on every run."""
    import os
    import subprocess

    examples = Path(__file__).resolve().parents[1] / "examples"
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}
    table = None
    for seed in ("1", "2", "3"):
        subprocess.run([sys.executable, "-m", "reportlint", "check", "--no-cache", str(examples)],
                       env={**env, "PYTHONHASHSEED": seed}, capture_output=True, check=False, timeout=300)
        files = sorted((tmp_path / "cache").rglob("*"))
        now = {f: f.read_bytes() for f in files if f.is_file() and "regex" in f.name}
        assert now, "the run saved no table of patterns"
        if table is not None:
            assert now == table, f"the run with PYTHONHASHSEED={seed} compiled patterns the first run did not"
        table = now
