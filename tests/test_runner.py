"""Parallel runs give identical, ordered output; the cache returns the same results, notices
every change that matters, and survives concurrent writers; limits turn into X101."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from conftest import txt_to_docx

from reportlint.config import Config
from reportlint.engine import Settings
from reportlint.runner import Cache, Job, Limits, Runner
from reportlint.testing import session

PROFILES = Path(__file__).parent / "fixtures" / "profiles"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    root.mkdir()
    for f in sorted(PROFILES.glob("*.txt")):
        shutil.copy(f, root / f.name)
    for f in sorted(PROFILES.glob("*-defective.txt"))[:3]:
        txt_to_docx(f, root / f.with_suffix(".docx").name)
    return root


def _run(folder: Path, jobs: int, cache: Cache | None = None) -> list:
    jobs_list = [Job(i, p, Config()) for i, p in enumerate(sorted(folder.iterdir()))]
    return Runner(session(), Settings(), jobs=jobs, cache=cache).run(jobs_list)


def _flat(results: list) -> list:
    return [(r.path, r.doctype, r.error, [(f.rule, f.block, f.start, f.message) for f in r.findings]) for r in results]


def test_parallel_output_is_identical_and_ordered(folder: Path) -> None:
    one, two = _run(folder, 1), _run(folder, 2)
    assert _flat(one) == _flat(two)
    assert [r.path for r in one] == [str(p) for p in sorted(folder.iterdir())]
    assert any(r.findings for r in one)


def test_cache_returns_the_same_results_and_notices_changes(folder: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    first = _run(folder, 2, cache)
    stored = list((tmp_path / "cache").rglob("*.json"))
    assert len(stored) == len(first)
    again = _run(folder, 2, cache)
    assert _flat(again) == _flat(first)
    target = folder / "plan.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("（二）", "（三）", 1), encoding="utf-8")
    changed = {r.path: r for r in _run(folder, 1, cache)}[str(target)]
    assert any(f.rule == "N102" for f in changed.findings)
    other = Runner(session(), Settings(select=("S",)), cache=cache).run([Job(0, target, Config())])[0]
    assert {f.rule[0] for f in other.findings} <= {"S", "X"}


def test_concurrent_writers_never_leave_a_broken_entry(folder: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    threads = [threading.Thread(target=_run, args=(folder, 1, cache)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not list((tmp_path / "cache").rglob("*.tmp"))
    assert _flat(_run(folder, 1, cache)) == _flat(_run(folder, 1))


@pytest.mark.skipif(not os.uname().sysname == "Linux", reason="isolation uses fork")
def test_time_limit_becomes_x101(tmp_path: Path) -> None:
    slow = tmp_path / "slow.pdf"
    # /Root is a reference to a reference to itself: pdfminer resolves it forever
    slow.write_bytes(b"%PDF-1.4\n1 0 obj\n2 0 R\nendobj\n2 0 obj\n1 0 R\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    result = Runner(session(), Settings(), limits=Limits(timeout=1)).run([Job(0, slow, Config())])[0]
    assert result.error and result.error["rule"] == "X101" and "timeout" in result.error["message"]


def test_a_finding_survives_the_trip_from_a_worker() -> None:
    import pickle

    from reportlint.model import Finding

    finding = Finding("a.docx", "N101", "numbering-repeat", "error", "编号重复", 3, 4, 5, 6, "（三）", 2, "（四）",
                      ({"path": "b.docx", "line": 7, "similarity": 1.0},))
    assert pickle.loads(pickle.dumps(finding)) == finding


@pytest.mark.skipif(not os.uname().sysname == "Linux", reason="isolation uses fork")
def test_a_file_queued_behind_a_timeout_is_still_checked(tmp_path: Path) -> None:
    from conftest import make_pdf

    slow = tmp_path / "a-slow.pdf"
    slow.write_bytes(b"%PDF-1.4\n1 0 obj\n2 0 R\nendobj\n2 0 obj\n1 0 R\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    good = make_pdf(tmp_path / "b-good.pdf", [["县机关工作总结", "一、主要工作", "（一）加强学习。", "（一）改进作风。"]])
    # one worker holds both files at once: when the first runs out of time, the second must not be lost
    results = Runner(session(), Settings(), jobs=1, limits=Limits(timeout=1)).run(
        [Job(0, slow, Config()), Job(1, good, Config())])
    assert results[0].error and "timeout" in results[0].error["message"]
    alone = Runner(session(), Settings(), jobs=1).run([Job(1, good, Config())])
    assert results[1].error is None and _flat(results[1:]) == _flat(alone)


def test_channel_carries_large_messages_and_notices_a_dead_child() -> None:
    from reportlint.forking import Child

    def echo(channel):  # type: ignore[no-untyped-def]
        while (message := channel.recv()) is not None:
            channel.send(message[::-1])

    child = Child(echo)
    big = "报告" * 300_000  # far more than a pipe holds at once
    child.channel.send(big)
    assert child.channel.recv() == big[::-1]
    child.channel.send(None)
    child.join(timeout=5)
    assert not child.is_alive()
    with pytest.raises(EOFError):
        child.channel.recv()
    child.channel.close()


def test_cache_keys_use_standard_sha256() -> None:
    import hashlib

    from reportlint.store import sha256

    data = "检查报告".encode() * 1000
    assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    digest = sha256()
    digest.update(data)
    assert digest.hexdigest() == hashlib.sha256(data).hexdigest()
