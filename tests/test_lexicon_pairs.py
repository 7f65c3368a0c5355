"""The two ways ``Lexicon.pair_flags`` flags pairs of characters, and when a run switches to numpy's table."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from reportlint import lexicon as lexicon_module
from reportlint.config import Config
from reportlint.engine import Settings
from reportlint.runner import Job, Runner, _can_fork, _expected_chars
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


@pytest.mark.skipif(not _can_fork(), reason="workers are forked processes; without fork every file is checked in-process")
def test_a_parallel_batch_tells_the_lexicon_before_its_workers_start(tmp_path: Path, no_expectation: None,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers are forked after the warm-up: the expectation must be set in the parent, or each worker would
    flag pairs one at a time (and build its own table later) instead of inheriting the table."""
    paths = []
    for i in range(4):
        path = tmp_path / f"r{i}.txt"
        path.write_text("整村推进工作要推进。" * 100, encoding="utf-8")  # 1,000 characters each
        paths.append(path)
    jobs = [Job(i, p, Config()) for i, p in enumerate(paths)]
    seen: list[int] = []
    monkeypatch.setattr(Runner, "_warm", lambda self, config: seen.append(lexicon_module._expected))
    runner = Runner(session(), Settings(), jobs=2, isolate_all=True)  # every file in a worker, on any CPU count
    results = runner.run(jobs)
    assert seen == [4000]
    assert [r.path for r in results] == [str(p) for p in paths] and not any(r.error for r in results)


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
    """With tables of 2^9 slots and many words most pairs share a slot with others in the first table, and many in
    the second (the rest kept in a dict): on random texts of the words' characters the tables give the flags worked
    out pair by pair."""
    import random

    monkeypatch.setattr(lexicon_module, "_LEVELS", ((9, 0x9E3779B1), (9, 0x85EBCA6B)))
    rng = random.Random(7)
    alphabet = [chr(0x4E00 + k) for k in range(45)] + list("，A1\x00")
    words = {rng.choice(alphabet[:45]) + rng.choice(alphabet) for _ in range(1500)}
    (tmp_path / "dict.txt").write_text("".join(f"{w} 900\n" for w in words) + "一二三四 50\n", encoding="utf-8")
    (tmp_path / "gongwen.txt").write_text("", encoding="utf-8")
    (tmp_path / "charsim.json").write_text('{"shape": {}, "sound": {}}', encoding="utf-8")
    lex = lexicon_module._build(tmp_path / "dict.txt", tmp_path)
    tables, rest, _ = lex._pair_table()
    assert len(rest) >= 50 and all((t & lexicon_module._SHARED).any() for t in tables)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert lex._by_codes(text) == lex._one_by_one(text), text


def test_a_hash_level_keeps_the_first_pair_of_each_slot_and_gives_back_the_others() -> None:
    import numpy as np

    codes = np.arange(1, 3001, dtype=np.uint32) * np.uint32(7919)
    flags = (np.arange(3000) % 31 + 1).astype(np.uint8)
    table, codes2, flags2 = lexicon_module._hash_level(codes, flags, 10, 0x9E3779B1)
    assert table.size == 1024 and codes2.size == 3000 - np.count_nonzero(table) and codes2.size == flags2.size
    kept = dict(zip(codes.tolist(), flags.tolist(), strict=True))
    assert all(kept[c] == f for c, f in zip(codes2.tolist(), flags2.tolist(), strict=True))
    with pytest.raises(ValueError):
        lexicon_module._hash_level(codes, flags, 8, 0x9E3779B1)


def test_a_pair_whose_hash_differs_from_a_word_s_in_one_bit_is_not_that_word(tmp_path: Path) -> None:
    """The slot and the tag together hold every bit of a pair's hash: a pair whose hash differs from a word's in any
    one bit (the same slot, or a tag one bit off) gets its own flags, not the word's."""
    lex = _small_lexicon(tmp_path)
    (_, mult), _ = lexicon_module._LEVELS
    inverse = pow(mult, -1, 1 << 32)
    for word in ("推进", "建设", "工作", "标准"):
        code = ord(word[0]) | ord(word[1]) << 16
        h = code * mult % (1 << 32)
        assert lex._by_codes(word) == lex._flags_of([word]) != b"\x00"
        for bit in range(32):
            other = (h ^ 1 << bit) * inverse % (1 << 32)
            text = chr(other & 0xFFFF) + chr(other >> 16)
            assert lex._by_codes(text) == lex._flags_of([text]), (word, bit)
