"""The corpus index at scale: vectorised winnowing equals the plain reference, frequent
fingerprints are kept apart, the bulk (external sort) build equals one-by-one adds, and a
tampered index is a clear error."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint import corpus
from reportlint.errors import CorpusError
from reportlint.fingerprint import (
    K,
    W,
    bucket_of,
    fingerprint,
    kgram_hashes,
    normalise,
    normalise_with_offsets,
    reference_winnow,
    store_keys,
    winnow,
)
from reportlint.model import Block, Document

WORDS = "加强 推进 完善 落实 深化 健全 规范 提升 统筹 协调 保障 服务 监督 管理 考核 培训 调研 整改".split()


def prose(rng: random.Random, chars: int) -> str:
    out = ""
    while len(out) < chars:
        out += "".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7))) + rng.choice("，。；")
    return out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="甲乙丙丁戊ab1", max_size=60))
def test_vectorised_winnowing_equals_the_plain_reference(text: str) -> None:
    hashes, pos = winnow(text)
    assert list(zip(hashes.tolist(), pos.tolist(), strict=True)) == reference_winnow(text)


def test_the_hash_is_stable_across_processes_and_versions() -> None:
    # a fixed value: the index is shared between machines, so the hash may never change silently
    assert int(kgram_hashes("一二三四五六七八九十")[0]) == reference_winnow("一二三四五六七八九十")[0][0]
    assert int(kgram_hashes("一二三四五六七八九十")[0]) == 0xD76EE22150416404


def test_offsets_point_into_the_original_text() -> None:
    text = "（一）全面 加强ＡＢＣ队伍建设，㈡推进工作规范化、制度化、常态化，确保取得实效。"
    norm, offsets = normalise_with_offsets(text)
    assert norm == normalise(text)
    for i, c in enumerate(norm):
        assert normalise(text[offsets[i]]).startswith(c) or c in normalise(text[offsets[i]])
    hashes, starts, length = fingerprint(text)
    assert length == len(norm) and len(hashes) == len(starts)
    assert all(0 <= s < len(text) for s in starts.tolist())


def test_shared_runs_of_k_plus_w_minus_1_are_always_found() -> None:
    rng = random.Random(3)
    for _ in range(50):
        shared = normalise(prose(rng, 2 * (K + W)))[: K + W - 1]
        a, b = prose(rng, 40) + shared + prose(rng, 30), prose(rng, 35) + shared + prose(rng, 20)
        assert set(winnow(normalise(a))[0].tolist()) & set(winnow(normalise(b))[0].tolist())


def test_buckets_come_from_the_low_bits_and_keys_sort_by_bucket() -> None:
    rng = np.random.default_rng(1)
    hashes = rng.integers(0, 2**63, 10_000, dtype=np.uint64) * np.uint64(2)
    keys = store_keys(hashes)
    buckets = bucket_of(keys, 6)
    assert np.array_equal(buckets, ((hashes & np.uint64(0xFFFF)) >> np.uint64(10)).astype(np.int64))
    order = np.argsort(keys)
    assert np.all(np.diff(buckets[order]) >= 0)  # signed key order is bucket order
    # winnowing keeps minima: high bits pile up near 0, low bits stay even
    text = prose(random.Random(5), 20_000)
    kept = winnow(normalise(text))[0]
    low = np.bincount(bucket_of(store_keys(kept), 2), minlength=4)
    assert low.min() > len(kept) / 8
    assert (kept >> np.uint64(62) == 0).mean() > 0.5


def documents(n: int, seed: int = 9) -> list[Document]:
    rng = random.Random(seed)
    common = prose(rng, 120)  # 套话 in every document
    return [Document(f"/lib/d{i:03d}.txt", (Block(0, common), Block(1, prose(rng, 200)), Block(2, prose(rng, 150))))
            for i in range(n)]


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = sqlite3.connect(path)
    try:
        out = {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall()) for t in ("documents", "blocks", "frequent")}
        out["prints"] = sorted(tuple(p) for part in corpus.stored_postings(db) for p in part.tolist())
        return out
    finally:
        db.close()


def test_bulk_build_equals_one_by_one_adds_and_sets_frequent_prints_apart(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    docs = documents(12)
    monkeypatch.setattr(corpus, "SPILL_ROWS", 100)  # spill to the bucket files many times
    flushes = []
    monkeypatch.setattr(corpus.Spill, "flush", lambda self, real=corpus.Spill.flush: (flushes.append(1), real(self)))
    bulk = tmp_path / "bulk.sqlite"
    corpus.build(bulk, ((d, f"s{i}") for i, d in enumerate(docs)), fresh=True, frequent_docs=5)
    assert len(flushes) >= 5
    assert not list(tmp_path.glob(".*spill*"))
    one = tmp_path / "one.sqlite"
    corpus.build(one, [(docs[0], "s0")], fresh=True, frequent_docs=5)
    corpus.build(one, ((d, f"s{i}") for i, d in enumerate(docs) if i), fresh=False)
    a, b = dump(bulk), dump(one)
    assert a == b
    from test_corpus_shards import rows

    folder = tmp_path / "shards"  # the same spilled buckets, written as a shard folder
    corpus.build(folder, ((d, f"s{i}") for i, d in enumerate(docs)), fresh=True, frequent_docs=5, shards=True)
    assert rows(folder) == {t: sorted(v) for t, v in a.items()}
    common_keys = set(corpus.block_keys(docs[0].blocks[0].text)[0].tolist())
    assert {r[0] for r in a["frequent"]} == common_keys  # in all 12 documents > 5
    assert all(r[1] == 12 for r in a["frequent"])
    assert not common_keys & {r[0] for r in a["prints"]}  # stored once, no postings
    # a draft reusing a rare paragraph finds its source; the 套话 alone pulls no posting
    with corpus.Index(bulk) as index:
        draft = Document("/tmp/draft.txt", (Block(0, docs[7].blocks[1].text), Block(1, docs[3].blocks[0].text)))
        matches = index.query(draft, 0.6)
    assert [(m.block, Path(m.source).name, m.source_block) for m in matches] == [(0, "d007.txt", 1)]


def test_frequent_limit_below_one_in_a_tampered_index_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    corpus.build(path, [(d, "s") for d in documents(3)], fresh=True)
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = 'x; import os' WHERE key = 'frequent_docs'")
    db.commit()
    db.close()
    with pytest.raises(CorpusError, match="已损坏"):
        corpus.build(path, [(documents(4)[3], "t")], fresh=False)


@pytest.mark.parametrize("garble", [
    "UPDATE blocks SET text = x'00ff'",
    "UPDATE prints SET data = x'00ff'",  # not a whole number of records
    "UPDATE prints SET data = 'text'",
    "UPDATE prints SET first = first - 1",  # a run not beginning with its own first key
    "UPDATE prints SET data = data || x'0000000000000080' || substr(data, 9, 12)",  # keys out of order
    "INSERT INTO added SELECT first, 'abc', 1, 0 FROM prints",
    "UPDATE documents SET path = NULL",
])
def test_garbled_rows_are_a_clear_error_never_a_crash(garble: str, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    docs = documents(3)
    corpus.build(path, [(d, f"s{i}") for i, d in enumerate(docs)], fresh=True)
    db = sqlite3.connect(path)
    db.execute(garble)
    db.commit()
    db.close()
    draft = Document("/tmp/draft.txt", (Block(0, docs[1].blocks[1].text),))
    with corpus.Index(path) as index, pytest.raises(CorpusError, match="已损坏"):
        index.query(draft, 0.6)


def test_an_index_of_the_old_format_asks_for_a_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    corpus.build(path, [(d, "s") for d in documents(2)], fresh=True)
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '3' WHERE key = 'schema'")
    db.commit()
    db.close()
    with pytest.raises(CorpusError, match="不兼容"):
        corpus.validate(path)


def test_an_index_of_format_4_asks_for_a_rebuild_not_a_repair(tmp_path: Path) -> None:
    """Format 4 kept a row per posting in ``prints`` and had no ``added`` table: it is another
    version to rebuild, not a damaged index."""
    path = tmp_path / "v4.sqlite"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT UNIQUE, sha256 TEXT, chars INTEGER);
        CREATE TABLE blocks (doc INTEGER, block INTEGER, text TEXT, PRIMARY KEY (doc, block)) WITHOUT ROWID;
        CREATE TABLE prints (hash INTEGER, doc INTEGER, block INTEGER, pos INTEGER,
                             PRIMARY KEY (hash, doc, block)) WITHOUT ROWID;
        CREATE TABLE frequent (hash INTEGER PRIMARY KEY, docs INTEGER);
        INSERT INTO meta VALUES ('schema', '4');
    """)
    db.close()
    with pytest.raises(CorpusError, match=r"不兼容.*索引格式 4.*重新建立"):
        corpus.validate(path)
    corpus.build(path, [(d, "s") for d in documents(2)], fresh=True)  # build replaces it
    corpus.validate(path)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="甲乙丙丁戊，a1 ㈠", max_size=70), max_size=6))
def test_paragraphs_fingerprinted_together_equal_each_alone(texts: list[str]) -> None:
    from reportlint.fingerprint import fingerprint_texts

    hashes, offsets, which = fingerprint_texts(texts, 20)
    together = list(zip(which.tolist(), hashes.tolist(), offsets.tolist(), strict=True))
    alone = []
    for i, text in enumerate(texts):
        h, o, length = fingerprint(text)
        if length >= 20:
            alone.extend(zip([i] * len(h), h.tolist(), o.tolist(), strict=True))
    assert together == alone


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="甲乙丙丁，。Ａ１a_ \u3000\n\u0301e\U0001F600\ud800①", max_size=60), max_size=6))
def test_the_whole_document_pass_equals_one_paragraph_at_a_time(texts: list[str]) -> None:
    """The fast path (one array of code points for the whole document, a table of kept
    characters) gives what normalising each paragraph by regex gives, for full-width forms,
    compatibility characters, combining marks, underscores, astral and lone surrogate code points."""
    from reportlint.fingerprint import fingerprint_texts, fingerprint_texts_each

    fast, each = fingerprint_texts(texts, 20), fingerprint_texts_each(texts, 20)
    assert [a.tolist() for a in fast] == [a.tolist() for a in each]


def test_corpus_pairs_lists_documents_sharing_passages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from reportlint.cli import main

    rng = random.Random(21)
    lib = tmp_path / "lib"
    lib.mkdir()
    shared = prose(rng, 200)
    stock = prose(rng, 80)  # in every document: frequent with --frequent 2, so never a reason for a pair
    for name, body in [("a.txt", [prose(rng, 300), shared]), ("b.txt", [shared, prose(rng, 250)]),
                       ("c.txt", [prose(rng, 300)]), ("d.txt", [prose(rng, 280)])]:
        (lib / name).write_text("\n".join(["标题", stock, *body]) + "\n", encoding="utf-8")
    index = tmp_path / "c.sqlite"
    with pytest.raises(SystemExit):
        main(["corpus", "build", str(lib), "-o", str(index), "--frequent", "2"])
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        main(["corpus", "pairs", str(index), "--format", "json"])
    assert exc.value.code == 0
    found = json.loads(capsys.readouterr().out)
    assert [(Path(p["first"]).name, Path(p["second"]).name) for p in found] == [("a.txt", "b.txt")]
    assert found[0]["shared"] >= 10 and found[0]["share"] > 0.3


def test_a_bucket_is_reduced_alike_whether_its_rows_come_in_document_order_or_not() -> None:
    """reduce_bucket sorts by the key alone when the rows come ordered by document, block and
    offset (as builds add them) and by all four columns otherwise: the same result either way."""
    rng = np.random.default_rng(5)
    n = 5000
    rows = np.empty((n, 4), np.int64)
    rows[:, 0] = np.minimum(rng.geometric(0.02, n), 400) - 200  # skewed: the first keys are frequent
    rows[:, 1] = rng.integers(1, 80, n)
    rows[:, 2] = rng.integers(0, 5, n)
    rows[:, 3] = rng.integers(0, 300, n)
    ordered = rows[np.lexsort((rows[:, 3], rows[:, 2], rows[:, 1]))]
    shuffled = ordered[rng.permutation(n)]
    a, b = corpus.reduce_bucket(ordered, 30), corpus.reduce_bucket(shuffled, 30)
    assert a[0].tolist() == b[0].tolist() and a[1].tolist() == b[1].tolist()
    assert len(a[1]) and len(a[0])


def by_path(path: Path) -> set[tuple[int, str, int, int]]:
    """Every posting of an index as (key, document path, block, offset): ids differ between an
    index changed by corpus add and one built afresh, paths do not."""
    db = sqlite3.connect(path)
    try:
        paths = dict(db.execute("SELECT id, path FROM documents").fetchall())
        return {(k, paths[d], b, p) for part in corpus.stored_postings(db) for k, d, b, p in part.tolist()}
    finally:
        db.close()


def test_changing_and_adding_documents_after_a_bulk_build_equals_building_afresh(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs rewritten by corpus add (a changed document's postings dropped from them, emptied
    runs removed, runs renamed by their new first key) and the rows added apart hold what a
    new bulk build of the same documents holds; frequent fingerprints counted across both."""
    monkeypatch.setattr(corpus, "RUN", 2)  # many small runs: most rewrites empty a run or move its first key
    docs = documents(10)
    path = tmp_path / "changed.sqlite"
    corpus.build(path, [(d, f"s{i}") for i, d in enumerate(docs[:8])], fresh=True, frequent_docs=5)
    rng = random.Random(4)
    changed = Document(docs[2].path, (Block(0, prose(rng, 200)), Block(1, docs[0].blocks[0].text),
                                      Block(2, docs[5].blocks[1].text)))  # now shares a passage with d005
    final = [*docs[:2], changed, *docs[3:]]
    corpus.build(path, [(changed, "new"), *((d, f"s{i}") for i, d in enumerate(docs) if i >= 8)], fresh=False)
    fresh = tmp_path / "fresh.sqlite"
    corpus.build(fresh, [(d, "x") for d in final], fresh=True, frequent_docs=5)
    assert by_path(path) == by_path(fresh)
    # the same fingerprints set apart (a removed document's count is not taken back: a floor)
    assert [k for k, _ in dump(path)["frequent"]] == [k for k, _ in dump(fresh)["frequent"]]
    db = sqlite3.connect(path)
    assert db.execute("SELECT COUNT(*) FROM added").fetchone()[0] > 0  # the added documents' rows
    db.close()
    def found(index: Path) -> list[tuple[frozenset[str], int, float]]:  # the self-join reads runs and rows
        return [(frozenset({Path(p.first).name, Path(p.second).name}), p.shared, p.share)
                for p in corpus.pairs(index, 1, 0.0)]

    assert found(path) == found(fresh)
    assert [names for names, _, _ in found(path)] == [{"d002.txt", "d005.txt"}]
    with corpus.Index(path) as index:  # the old text of the changed document is no source any more
        old = Document("/tmp/draft.txt", (Block(0, docs[2].blocks[1].text), Block(1, changed.blocks[0].text)))
        assert [(m.block, Path(m.source).name) for m in index.query(old, 0.6)] == [(1, "d002.txt")]
