"""Shard folders: ``corpus build --shards`` writes the documents into ``index.sqlite`` and the
fingerprints into one file per bucket; ``check --corpus FOLDER``, ``corpus add`` and
``corpus pairs`` read and write it with the same results as a single-file index, and a
damaged, missing or misplaced shard is a clear error (exit code 3), never a crash."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_corpus import copy_profiles, run, write_draft

from reportlint import corpus


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return copy_profiles(tmp_path)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return write_draft(tmp_path)


def b105(draft: Path, index: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    return run(["check", str(draft), "--corpus", str(index), "--select", "B105", "--format", "json", "--no-cache"],
               capsys)


def rows(index: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of an index, a single file or a shard folder (its shards' rows together)."""
    files = [index] if index.is_file() else [index / corpus.MAIN, *sorted(index.glob("prints-*.sqlite"))]
    out: dict[str, list[tuple[object, ...]]] = {t: [] for t in ("documents", "blocks", "prints", "frequent")}
    for f in files:
        db = sqlite3.connect(f)
        try:
            for t in ("documents", "blocks", "frequent"):
                out[t].extend(db.execute(f"SELECT * FROM {t}").fetchall())
            out["prints"].extend(tuple(p) for part in corpus.stored_postings(db) for p in part.tolist())
        finally:
            db.close()
    return {t: sorted(v) for t, v in out.items()}


def test_a_shard_folder_holds_what_a_single_file_holds(tmp_path: Path, library: Path, draft: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    single, folder = tmp_path / "one.sqlite", tmp_path / "shards"
    summary = (library / "work-summary.txt").read_text(encoding="utf-8").splitlines()
    (library / "copy.txt").write_text("\n".join(["一份照抄的材料", *summary[3:7]]) + "\n", encoding="utf-8")
    assert run(["corpus", "build", str(library), "-o", str(single)], capsys)[0] == 0
    code, out = run(["corpus", "build", str(library), "-o", str(folder), "--shards"], capsys)
    assert code == 0, out
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([corpus.MAIN, *(corpus.shard_name(b) for b in range(1 << corpus.SHARD_BITS))])
    assert rows(single) == rows(folder)
    assert sum(len(sqlite3.connect(folder / n).execute("SELECT * FROM prints").fetchall())
               for n in names if n != corpus.MAIN) > 0  # the fingerprints are in the shards
    assert not sqlite3.connect(folder / corpus.MAIN).execute("SELECT * FROM prints").fetchall()
    code, found = b105(draft, folder, capsys)
    assert code == 1 and "plan.txt" in found, found
    # the same source paths: a folder beside the documents names them as a file there does
    assert found == b105(draft, single, capsys)[1].replace(str(single), str(folder))
    pairs_file = run(["corpus", "pairs", str(single), "--format", "json", "--min-shared", "1",
                      "--min-share", "0"], capsys)
    pairs_folder = run(["corpus", "pairs", str(folder), "--format", "json", "--min-shared", "1",
                        "--min-share", "0"], capsys)
    assert pairs_file == pairs_folder
    assert [(Path(p["first"]).name, Path(p["second"]).name) for p in json.loads(pairs_file[1])][:1] == [
        ("copy.txt", "work-summary.txt")]
    # built again over itself: an existing shard folder is replaced by a shard folder
    assert run(["corpus", "build", str(library), "-o", str(folder)], capsys)[0] == 0
    assert rows(single) == rows(folder)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing left behind


def test_corpus_add_into_a_shard_folder(tmp_path: Path, library: Path, draft: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    single, folder = tmp_path / "one.sqlite", tmp_path / "shards"
    others = tmp_path / "others"
    others.mkdir()
    for f in sorted(library.glob("*.txt"))[:3]:
        f.rename(others / f.name)
    for index, flag in ((single, []), (folder, ["--shards"])):
        assert run(["corpus", "build", str(library), "-o", str(index), *flag], capsys)[0] == 0
        assert run(["corpus", "add", str(others), "-o", str(index)], capsys)[0] == 0
    assert rows(single) == rows(folder)
    assert b105(draft, folder, capsys)[1] == b105(draft, single, capsys)[1].replace(str(single), str(folder))


@pytest.mark.parametrize("damage", ["garbage", "missing", "swapped", "no-main", "bad-count"])
def test_a_damaged_shard_folder_is_a_clear_error(tmp_path: Path, library: Path, draft: Path, damage: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "shards"
    assert run(["corpus", "build", str(library), "-o", str(folder), "--shards"], capsys)[0] == 0
    first, second = folder / corpus.shard_name(1), folder / corpus.shard_name(2)
    if damage == "garbage":
        first.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    elif damage == "missing":
        first.unlink()
    elif damage == "swapped":  # each shard is sound, but in the other's place
        first.rename(tmp_path / "x")
        second.rename(first)
        (tmp_path / "x").rename(second)
    elif damage == "no-main":
        (folder / corpus.MAIN).unlink()
    else:
        db = sqlite3.connect(folder / corpus.MAIN)
        db.execute("UPDATE meta SET value = 'x; DROP TABLE documents' WHERE key = 'shards'")
        db.commit()
        db.close()
    code, out = b105(draft, folder, capsys)
    assert code == 3 and "Traceback" not in out, out
    assert "参考语料索引" in out and ("损坏" in out or "不是参考语料索引" in out), out


def test_build_never_replaces_a_folder_that_is_not_an_index(tmp_path: Path, library: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    code, out = run(["corpus", "build", str(library), "-o", str(folder), "--shards"], capsys)
    assert code == 3 and "不是参考语料索引" in out, out
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_shard_of_another_build_is_never_mixed_in(tmp_path: Path, library: Path, draft: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Each build marks its folder and its shards: a shard of another build (a folder rebuilt
    while a check was reading it, or a file copied in) is refused, by validation and by a
    reader that opens its shards after the swap."""
    from reportlint.errors import CorpusError
    from reportlint.model import Block, Document

    one, other = tmp_path / "one", tmp_path / "other"
    for folder in (one, other):
        assert run(["corpus", "build", str(library), "-o", str(folder), "--shards"], capsys)[0] == 0
    reader = corpus.Index(one)  # opened before the rebuild: its shards not yet
    try:
        (other / corpus.shard_name(3)).replace(one / corpus.shard_name(3))
        code, out = b105(draft, one, capsys)
        assert code == 3 and "不属于这个位置或这次建立" in out, out
        text = (library / "plan.txt").read_text(encoding="utf-8")
        with pytest.raises(CorpusError, match="不是同一次建立"):
            reader.query(Document(str(draft), tuple(Block(i, t) for i, t in enumerate(text.splitlines()))), 0.6)
    finally:
        reader.close()


def test_corpus_add_into_an_empty_folder_makes_a_shard_folder(tmp_path: Path, library: Path, draft: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder, single = tmp_path / "new", tmp_path / "one.sqlite"
    folder.mkdir()
    first = sorted(library.glob("*.txt"))[0]
    assert run(["corpus", "add", str(first), "-o", str(folder)], capsys)[0] == 0  # one short document
    assert len(list(folder.glob("prints-*.sqlite"))) == 1 << corpus.SHARD_BITS  # every shard, even empty
    assert run(["check", str(draft), "--corpus", str(folder), "--select", "B105", "--no-cache"], capsys)[0] in (0, 1)
    assert run(["corpus", "add", str(library), "-o", str(folder)], capsys)[0] == 0
    assert run(["corpus", "build", str(library), "-o", str(single)], capsys)[0] == 0
    assert (folder / corpus.MAIN).is_file() and (folder / corpus.shard_name(0)).is_file()
    assert rows(folder) == rows(single)
    assert b105(draft, folder, capsys)[1] == b105(draft, single, capsys)[1].replace(str(single), str(folder))


def test_lookups_read_side_by_side_find_what_one_reader_finds(tmp_path: Path, library: Path, draft: Path,
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft's keys are read by several connections at once (threads; a cold index is random
    page reads, which the disk serves side by side): the same matches as one connection."""
    from reportlint.engine import Session, load

    single, folder = tmp_path / "one.sqlite", tmp_path / "shards"
    assert run(["corpus", "build", str(library), "-o", str(single)], capsys)[0] == 0
    assert run(["corpus", "build", str(library), "-o", str(folder), "--shards"], capsys)[0] == 0
    doc = load(draft, Session().books(None)[0])
    found = {}
    for readers in (1, 4):
        monkeypatch.setattr(corpus, "READERS", readers)
        for index in (single, folder):
            with corpus.Index(index) as opened:
                found[readers, index.name] = [(m.block, Path(m.source).name, m.source_block, m.similarity)
                                              for m in opened.query(doc, 0.6)]
    assert found[1, "one.sqlite"] and len(set(map(repr, found.values()))) == 1, found


def test_corpus_match_without_a_cluster(tmp_path: Path, library: Path, draft: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """corpus match needs no Dask without --workers or a scheduler: one line per reused
    paragraph with its source; exit code 1 when something is reused, 0 when nothing is, 3 for
    an index that does not exist (said before any work)."""
    index = tmp_path / "one.sqlite"
    assert run(["corpus", "build", str(library), "-o", str(index)], capsys)[0] == 0
    fresh = tmp_path / "fresh.txt"
    fresh.write_text("一份新材料\n这里写的都是前所未有的新内容，和资料库里的任何文档都不一样。\n", encoding="utf-8")
    code, out = run(["corpus", "match", str(draft), str(fresh), "--corpus", str(index)], capsys)
    assert code == 1 and "plan.txt" in out and "雷同" in out and "共 2 份草稿" in out, out
    assert all(str(draft) in line for line in out.splitlines()[:-1]), out  # the new draft has no line
    assert run(["corpus", "match", str(fresh), "--corpus", str(index)], capsys)[0] == 0
    code, out = run(["corpus", "match", str(draft), "--corpus", str(tmp_path / "missing.sqlite")], capsys)
    assert code == 3 and "不存在" in out, out
