"""The two ways ``Lexicon.pair_flags`` flags pairs of characters, and when a run switches to numpy's table."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from reportlint import lexicon as lexicon_module
from reportlint.config import Config
from reportlint.engine import Settings
from reportlint.runner import Job, Runner, _expected_chars
from reportlint.testing import session


def _small_lexicon(tmp_path: Path) -> lexicon_module.Lexicon:
    """A lexicon built from a few words written for these tests."""
    words = ["推进 900", "整村推进 70", "建设 900", "标准化 300", "工作 900", "推 3000", "进 2500", "村 900"]
    (tmp_path / "dict.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    (tmp_path / "gongwen.txt").write_text("标准化建设 500\n", encoding="utf-8")
    (tmp_path / "charsim.json").write_text('{"shape": {}, "sound": {}}', encoding="utf-8")
    return lexicon_module._build(tmp_path / "dict.txt", tmp_path)


@pytest.fixture
def no_expectation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon_module, "_expected", 0)


TEXT = "推进整村推进工作，标准化建设A1。\U00020000村"


def test_pairs_worked_out_once_give_the_same_flags_as_the_table_of_codes(tmp_path: Path,
                                                                          no_expectation: None) -> None:
    lex = _small_lexicon(tmp_path)
    one = lex.pair_flags(TEXT)
    assert lex._codes is None  # a short text: no numpy table
    assert one == lex.pair_flags(TEXT)  # asked again, from the pairs met before
    assert one[0] & lexicon_module.WORD and one[TEXT.index("标")] & lexicon_module.LONGER  # 推进; 标准 begins 标准化
    assert one[TEXT.index("A")] & lexicon_module.NOT_HAN
    bmp = TEXT[:TEXT.index("\U00020000")]
    assert lex._by_codes(bmp) == one[:len(bmp) - 1]
    assert lex.pair_flags("") == lex.pair_flags("推") == b""


def test_a_run_expected_to_read_much_builds_the_table_of_codes_at_once(tmp_path: Path,
                                                                        no_expectation: None) -> None:
    lex = _small_lexicon(tmp_path)
    lexicon_module.expect(10)
    lex.pair_flags(TEXT)
    assert lex._codes is None  # little to read: one pair at a time
    lexicon_module.expect(lexicon_module._BY_CODES_AFTER)
    lexicon_module.expect(10)  # a smaller guess afterwards does not undo it
    flags = lex.pair_flags("推进整村推进工作")
    assert lex._codes is not None
    assert flags == lex._one_by_one("推进整村推进工作")


def test_the_runner_tells_the_lexicon_what_a_batch_will_read(tmp_path: Path, no_expectation: None) -> None:
    paths = []
    for i in range(3):
        path = tmp_path / f"r{i}.txt"
        path.write_text("整村推进工作要推进。" * 200, encoding="utf-8")  # 2,000 characters, 6,000 bytes
        paths.append(path)
    jobs = [Job(i, p, Config()) for i, p in enumerate(paths)]
    assert _expected_chars(jobs[0]) == 2000
    Runner(session(), Settings(), jobs=1).run(jobs)
    assert lexicon_module._expected == 6000
    assert _expected_chars(Job(9, tmp_path / "missing.txt", Config())) == 0


def test_pairs_met_later_and_a_full_memo_still_give_the_defined_flags(tmp_path: Path, no_expectation: None,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    lex = _small_lexicon(tmp_path)
    texts = ["推进工作", "推进工作，整村推进", "建设标准化。推进", "A推进1", "标准化建设工作推进整村"]
    for text in texts:  # each brings pairs the ones before did not have
        assert lex.pair_flags(text) == lex._flags_of(a + b for a, b in pairwise(text))
    monkeypatch.setattr(lexicon_module, "_ASKED_MAX", 3)
    for text in texts:
        assert lex.pair_flags(text) == lex._flags_of(a + b for a, b in pairwise(text))
    assert len(lex._pairs) < 20


def test_pairs_sharing_a_slot_of_the_table_of_codes_keep_their_own_flags(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """With a table of 4 slots most pairs share a slot with others (kept aside): on random texts of the words'
    characters the table gives the flags worked out pair by pair."""
    import random

    monkeypatch.setattr(lexicon_module, "_HASH_BITS", 2)
    monkeypatch.setattr(lexicon_module, "_HASH_SLOTS", 4)
    lex = _small_lexicon(tmp_path)
    _, values, others = lex._pair_table()
    assert len(others) >= 5 and (values >= lexicon_module._SHARED).sum() > 1
    rng = random.Random(7)
    alphabet = list("推进整村工作标准化建设，A1")
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert lex._by_codes(text) == lex._one_by_one(text), text
