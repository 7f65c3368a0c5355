"""The two ways ``Lexicon.pair_flags`` flags pairs of characters, when a run switches to numpy's table, and that
table kept in the cache folder (the ``.pairs`` file)."""

from __future__ import annotations

import os
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
    text = "推进整村推进工作" * 10  # longer than a text flagged one pair at a time anyway
    flags = lex.pair_flags(text)
    assert lex._codes is not None
    assert flags == lex._one_by_one(text)
    assert lex.pair_flags(text[:lexicon_module._SHORT_TEXT]) == flags[:lexicon_module._SHORT_TEXT - 1]


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


def _random_lexicon(tmp_path: Path, seed: int) -> tuple[lexicon_module.Lexicon, list[str]]:
    """A lexicon of 1,500 random words over 45 characters, and the alphabet of random texts for it: with tables of
    2^9 slots (see the test above) most pairs share slots, so the dict of the rest is not empty."""
    import random

    rng = random.Random(seed)
    alphabet = [chr(0x4E00 + k) for k in range(45)] + list("，A1\u3000")  # no NUL: the cache file's separator
    words = {rng.choice(alphabet[:45]) + rng.choice(alphabet) for _ in range(1500)}
    (tmp_path / "dict.txt").write_text("".join(f"{w} 900\n" for w in words) + "一二三四 50\n", encoding="utf-8")
    (tmp_path / "gongwen.txt").write_text("一丁七万丈 500\n", encoding="utf-8")
    (tmp_path / "charsim.json").write_text('{"shape": {}, "sound": {}}', encoding="utf-8")
    return lexicon_module._build(tmp_path / "dict.txt", tmp_path), alphabet


def _counted_builder(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the calls of the module's ``_pair_table`` (the builder of the tables of pair codes)."""
    calls: list[int] = []
    build = lexicon_module._pair_table

    def counted(*args: object) -> object:
        calls.append(1)
        return build(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(lexicon_module, "_pair_table", counted)
    return calls


def _same_tables(a: tuple[list[object], dict[int, int], object], b: tuple[list[object], dict[int, int], object]) -> bool:
    import numpy as np

    return (len(a[0]) == len(b[0]) and all(np.array_equal(x, y) and x.dtype == y.dtype  # type: ignore[attr-defined]
                                            for x, y in zip(a[0], b[0], strict=True))
            and a[1] == b[1] and np.array_equal(a[2], b[2]))


def test_the_pairs_file_gives_back_the_tables_it_was_written_from(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    monkeypatch.setattr(lexicon_module, "_LEVELS", ((9, 0x9E3779B1), (9, 0x85EBCA6B)))
    built, alphabet = _random_lexicon(tmp_path, 11)
    path = tmp_path / "cache" / "lexicon-x.pairs"
    built.pairs_file = path, 12345
    table = built._pair_table()  # built, and written
    assert path.is_file() and len(table[1]) >= 50
    calls = _counted_builder(monkeypatch)
    again, _ = _random_lexicon(tmp_path, 11)
    again.pairs_file = path, 12345
    read = again._pair_table()
    assert calls == [] and _same_tables(read, table)
    assert not any(t.flags.writeable for t in read[0])  # left in the bytes read: _by_codes only reads them
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        assert again.pair_flags(text) == built._by_codes(text) == built._one_by_one(text), text


def _damaged(good: bytes, how: str) -> bytes:
    """``good`` (a .pairs file) damaged one way; the cases after "checksum:" keep a right seal (checksum)."""
    import marshal

    from reportlint import store

    def sealed(body: bytes | bytearray) -> bytes:
        return store._seal(lexicon_module._PAIRS_KIND, bytes(body))

    body = bytearray(store.unseal(lexicon_module._PAIRS_KIND, good) or b"")
    envelope = len(good) - len(body)  # the seal's head and checksum, before the body
    head = len(lexicon_module._pairs_head(0))
    slots = sum(4 << bits for bits, _ in lexicon_module._LEVELS)
    rest_at = head + 4 + slots

    def with_record(record: bytes) -> bytes:
        return sealed(body[:head] + len(record).to_bytes(4, "big") + body[head + 4:rest_at] + record)

    def with_rest(rest: object) -> bytes:
        return with_record(marshal.dumps(rest))

    k = envelope + next(i for i in range(head + 4, rest_at) if body[i])  # a byte of a slot holding a pair
    cases = {
        "empty": lambda: b"",
        "garbage": lambda: bytes(range(256)) * 40,
        "cut short": lambda: good[:-100],
        "a byte more": lambda: good + b"\x00",
        "a slot's byte flipped": lambda: good[:k] + bytes([good[k] ^ 0x10]) + good[k + 1:],
        "the checksum's byte flipped": lambda: good[:envelope - 1] + bytes([good[envelope - 1] ^ 1]) + good[envelope:],
        "checksum: wrong magic": lambda: sealed(b"X" + body[1:]),
        "checksum: another head's tables": lambda: sealed(body[:head - 20] + bytes(4) + body[head - 16:]),
        "checksum: other table sizes": lambda: sealed(body[:head - 16] + (10).to_bytes(4, "big") + body[head - 12:]),
        "checksum: a wrong length of rest": lambda: sealed(body[:head] + (1).to_bytes(4, "big") + body[head + 4:]),
        "checksum: rest cut short": lambda: sealed(body[:-3]),
        "checksum: rest not marshal": lambda: with_record(b"\xff" + bytes(body[rest_at + 1:])),
        "checksum: rest a list": lambda: with_rest([1, 2]),
        "checksum: rest with a string key": lambda: with_rest({"推进": 1}),
        "checksum: rest with flags out of range": lambda: with_rest({0x8FDB63A8: 300}),
        "checksum: rest with a negative code": lambda: with_rest({-5: 1}),
        "checksum: rest with a flag as a bool": lambda: with_rest({0x8FDB63A8: True}),
        "checksum: rest too large": lambda: with_rest(dict.fromkeys(range(1 << 20, (1 << 20) + 450_000), 1)),
    }
    return cases[how]()


DAMAGE = ["empty", "garbage", "cut short", "a byte more", "a slot's byte flipped", "the checksum's byte flipped",
          "checksum: wrong magic", "checksum: another head's tables", "checksum: other table sizes",
          "checksum: a wrong length of rest", "checksum: rest cut short", "checksum: rest not marshal",
          "checksum: rest a list", "checksum: rest with a string key", "checksum: rest with flags out of range",
          "checksum: rest with a negative code", "checksum: rest with a flag as a bool", "checksum: rest too large"]


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_pairs_file_is_built_afresh_and_rewritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            how: str) -> None:
    monkeypatch.setattr(lexicon_module, "_LEVELS", ((9, 0x9E3779B1), (9, 0x85EBCA6B)))
    built, _ = _random_lexicon(tmp_path, 5)
    path = tmp_path / "lexicon-x.pairs"
    built.pairs_file = path, 777
    table = built._pair_table()
    good = path.read_bytes()
    assert lexicon_module._read_pairs(path, 777) is not None  # the file as written is read
    damaged = _damaged(good, how)
    assert damaged != good
    path.write_bytes(damaged)
    calls = _counted_builder(monkeypatch)
    again, _ = _random_lexicon(tmp_path, 5)
    again.pairs_file = path, 777
    assert _same_tables(again._pair_table(), table)
    assert calls == [1]  # the damage was seen: built afresh
    assert path.read_bytes() == good  # and written again


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
@pytest.mark.parametrize("what", ["a symbolic link to a good file", "a folder"])
def test_a_pairs_file_that_is_no_regular_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          what: str) -> None:
    built = _small_lexicon(tmp_path)
    good = tmp_path / "good.pairs"
    built.pairs_file = good, 5
    table = built._pair_table()
    path = tmp_path / "lexicon-x.pairs"
    if what == "a folder":
        path.mkdir()
    else:
        path.symlink_to(good)
    calls = _counted_builder(monkeypatch)
    again = _small_lexicon(tmp_path)
    again.pairs_file = path, 5
    assert _same_tables(again._pair_table(), table) and calls == [1]
    assert path.is_dir() if what == "a folder" else not path.is_symlink() and path.read_bytes() == good.read_bytes()


def test_the_second_load_of_the_lexicon_reads_the_pairs_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lexicon built (its cache file written) and one opened from that file find the same .pairs file beside it:
    the second never builds the tables."""
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    built, alphabet = _random_lexicon(tmp_path, 9)
    monkeypatch.setattr(lexicon_module, "_jieba_dict", lambda: tmp_path / "dict.txt")
    monkeypatch.setattr(lexicon_module, "_dict_dir", lambda: tmp_path)
    lexicon_module.lexicon.cache_clear()
    try:
        first = lexicon_module.lexicon()
        table = first._pair_table()
        assert _same_tables(table, built._pair_table())
        folder = tmp_path / "cache" / "reportlint"
        (cache,) = folder.glob("lexicon-*.marshal")
        assert sorted(p.name for p in folder.iterdir()) == [cache.name, cache.with_suffix(".pairs").name]

        def no_build(*args: object) -> object:
            raise AssertionError("the tables of pair codes were built again")

        monkeypatch.setattr(lexicon_module, "_pair_table", no_build)
        lexicon_module.lexicon.cache_clear()
        second = lexicon_module.lexicon()
        assert second is not first and second._codes is None
        assert _same_tables(second._pair_table(), table)
        text = "".join(alphabet) * 3
        assert second._by_codes(text) == built._one_by_one(text)
    finally:
        lexicon_module.lexicon.cache_clear()


def test_a_pairs_file_that_cannot_be_written_leaves_the_tables_built_in_memory(tmp_path: Path) -> None:
    built = _small_lexicon(tmp_path)
    (tmp_path / "not a folder").write_text("", encoding="utf-8")
    built.pairs_file = tmp_path / "not a folder" / "lexicon-x.pairs", 1
    tables, _, _ = built._pair_table()
    assert tables and built._by_codes(TEXT[:12]) == built._one_by_one(TEXT[:12])


def test_a_pairs_file_goes_with_its_cache_file(tmp_path: Path) -> None:
    for age, stem in enumerate(["lexicon-aaaa", "lexicon-bbbb", "lexicon-cccc"]):
        for suffix in (".marshal", ".pairs"):
            path = tmp_path / (stem + suffix)
            path.write_bytes(b"x")
            os.utime(path, ns=(10**18 - age * 10**9, 10**18 - age * 10**9))  # aaaa the newest
    (tmp_path / "lexicon-orphan.pairs").write_bytes(b"x")
    lexicon_module._prune(tmp_path, 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lexicon-aaaa.marshal", "lexicon-aaaa.pairs",
                                                          "lexicon-bbbb.marshal", "lexicon-bbbb.pairs"]
