"""Building the corpus index on Dask: a LocalCluster in this process and a real scheduler and
worker started on loopback give the same index, and the same B105 findings, as the embedded
build. Skipped when the dask extra is not installed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason='Dask is optional: pip install "reportlint[dask]"')

from test_corpus import copy_profiles, run, write_draft
from test_corpus_shards import rows


@pytest.fixture
def library(tmp_path: Path) -> Path:
    lib = copy_profiles(tmp_path)
    (lib / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    return lib


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return write_draft(tmp_path, "另外还要把此前没有涉及的新做法写清楚，做到事事有人管、件件有着落、时时有回音。")


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = sqlite3.connect(path)
    try:
        return {t: db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in ("documents", "blocks", "prints", "added", "frequent")}  # the same runs, row for row
    finally:
        db.close()


def b105(draft: Path, index: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code, out = run(["check", str(draft), "--corpus", str(index), "--select", "B105", "--format", "json"],
                    capsys)
    assert code == 1, out
    return out


def test_local_cluster_build_equals_the_embedded_build(tmp_path: Path, library: Path, draft: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("REPORTLINT_SCHEDULER", "DASK_SCHEDULER_ADDRESS"):
        monkeypatch.delenv(name, raising=False)
    from reportlint import corpusdask

    monkeypatch.setattr(corpusdask, "BATCH", 3)  # several batches, so the shuffle has something to do
    embedded, dasked = tmp_path / "embedded.sqlite", tmp_path / "dask.sqlite"
    assert run(["corpus", "build", str(library), "-o", str(embedded)], capsys)[0] == 0
    code, out = run(["corpus", "build", str(library), "-o", str(dasked), "--workers", "2"], capsys)
    assert code == 0 and "broken.pdf" in out and "12 个文档" in out, out
    assert dump(embedded) == dump(dasked)
    findings = b105(draft, dasked, capsys)
    assert "plan.txt" in findings and "work-summary.txt" in findings
    assert findings == b105(draft, embedded, capsys)
    # a shard folder: each bucket's file written by the worker that reduced it
    sharded = tmp_path / "shards"
    code, out = run(["corpus", "build", str(library), "-o", str(sharded), "--workers", "2", "--shards"], capsys)
    assert code == 0 and "12 个文档" in out, out
    assert rows(sharded) == rows(embedded)
    assert b105(draft, sharded, capsys) == findings


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    with open(log, "wb") as fh:
        return subprocess.Popen([sys.executable, "-m", *args], stdout=fh, stderr=subprocess.STDOUT, env=env)


def test_a_real_scheduler_and_worker_on_loopback(tmp_path: Path, library: Path, draft: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import Client

    scheduler_file = tmp_path / "scheduler.json"
    procs = [_start(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", str(scheduler_file)], tmp_path / "scheduler.log")]
    try:
        for _ in range(300):
            if scheduler_file.exists() and scheduler_file.stat().st_size:
                break
            assert procs[0].poll() is None, (tmp_path / "scheduler.log").read_text()
            time.sleep(0.1)
        procs.append(_start(["distributed.cli.dask_worker", "--scheduler-file", str(scheduler_file),
                             "--nworkers", "1", "--nthreads", "1", "--no-dashboard"], tmp_path / "worker.log"))
        with Client(scheduler_file=str(scheduler_file), timeout="30s") as client:
            client.wait_for_workers(1, timeout=120)
            address = client.scheduler.address
        embedded, by_file, by_env = (tmp_path / f"{n}.sqlite" for n in ("embedded", "file", "env"))
        assert run(["corpus", "build", str(library), "-o", str(embedded)], capsys)[0] == 0
        assert run(["corpus", "build", str(library), "-o", str(by_file), "--scheduler-file", str(scheduler_file)],
                   capsys)[0] == 0
        monkeypatch.setenv("REPORTLINT_SCHEDULER", address)
        assert run(["corpus", "build", str(library), "-o", str(by_env)], capsys)[0] == 0
        assert dump(embedded) == dump(by_file) == dump(by_env)
        assert b105(draft, by_file, capsys) == b105(draft, by_env, capsys) == b105(draft, embedded, capsys)
        sharded = tmp_path / "shards"
        assert run(["corpus", "build", str(library), "-o", str(sharded), "--shards"], capsys)[0] == 0
        assert rows(sharded) == rows(embedded)
        assert b105(draft, sharded, capsys) == b105(draft, embedded, capsys)
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path: Path, library: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from reportlint import corpusdask

    monkeypatch.setattr(corpusdask, "CONNECT_TIMEOUT", "2s")
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, out = run(["corpus", "build", str(library), "-o", str(tmp_path / "c.sqlite"),
                     "--scheduler", f"tcp://127.0.0.1:{port}"], capsys)
    assert code == 3 and "无法连接 Dask 调度器" in out, out
    code, out = run(["corpus", "build", str(library), "-o", str(tmp_path / "c.sqlite"),
                     "--scheduler-file", str(tmp_path / "none.json")], capsys)
    assert code == 3 and "调度器文件" in out, out
    assert not (tmp_path / "c.sqlite").exists()


def test_many_drafts_matched_through_a_cluster_as_without_one(tmp_path: Path, library: Path, draft: Path,
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """corpus match: the drafts are sent to the workers in batches, each worker opens the index
    once per batch; the same paragraphs and sources as without a cluster, in the drafts' order."""
    import json

    for name in ("REPORTLINT_SCHEDULER", "DASK_SCHEDULER_ADDRESS"):
        monkeypatch.delenv(name, raising=False)
    from reportlint import corpusdask

    monkeypatch.setattr(corpusdask, "BATCH", 2)
    monkeypatch.setattr(corpusdask, "MATCH_BATCH", 2)
    index = tmp_path / "shards"
    assert run(["corpus", "build", str(library), "-o", str(index), "--shards"], capsys)[0] == 0
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i in range(5):  # reused and new paragraphs alike, in drafts of several batches
        (drafts / f"d{i}.txt").write_text(draft.read_text(encoding="utf-8") if i % 2 == 0
                                          else "一份全新的材料\n这里写的都是前所未有的新内容，和资料库里的任何文档都不一样。\n",
                                          encoding="utf-8")
    (drafts / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    args = ["corpus", "match", str(drafts), "--corpus", str(index), "--format", "json"]
    code, alone = run(args, capsys)
    assert code == 2 and "broken.pdf" in alone, alone  # a file that cannot be read: exit code 2
    code, clustered = run([*args, "--workers", "2"], capsys)
    assert code == 2 and clustered == alone
    found = json.JSONDecoder().raw_decode(alone[alone.index("["):])[0]
    assert {Path(f["path"]).name for f in found} == {"d0.txt", "d2.txt", "d4.txt"}
    assert {Path(f["source"]).name for f in found} == {"plan.txt", "work-summary.txt"}
    assert [f["path"] for f in found] == sorted(f["path"] for f in found)  # the drafts' order
