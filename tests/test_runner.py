"""Parallel runs give identical, ordered output; the cache returns the same results, notices
every change that matters, and survives concurrent writers; limits turn into X101."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from conftest import txt_to_docx

from reportlint.cache import Cache
from reportlint.config import Config
from reportlint.engine import Settings
from reportlint.runner import Job, Limits, Runner
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


def test_join_returns_when_the_child_ends_and_gives_up_on_one_that_does_not() -> None:
    import time

    from reportlint.forking import Child

    def wait_for_word(channel):  # type: ignore[no-untyped-def]
        channel.recv()

    quick = Child(wait_for_word)
    quick.channel.send(None)
    quick.join(timeout=30)  # returns once the child has ended, not after the timeout
    assert quick.pid is None  # reaped: no zombie left behind
    quick.channel.close()

    stuck = Child(lambda channel: time.sleep(60))
    stuck.join(timeout=0.05)
    assert stuck.is_alive()
    stuck.kill()
    stuck.join(timeout=5)
    assert not stuck.is_alive()
    stuck.channel.close()


def test_cache_keys_use_standard_sha256() -> None:
    import hashlib

    from reportlint.store import sha256

    data = "检查报告".encode() * 1000
    assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    digest = sha256()
    digest.update(data)
    assert digest.hexdigest() == hashlib.sha256(data).hexdigest()


# --- workers: bounded, and never outliving the parent ----------------------------------

LOOPING_PDF = b"%PDF-1.4\n1 0 obj\n2 0 R\nendobj\n2 0 obj\n1 0 R\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def _wait_for(predicate, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc to find the worker")
@pytest.mark.parametrize("sig", ["SIGKILL", "SIGTERM"])
def test_a_killed_parent_leaves_no_worker_behind(tmp_path: Path, sig: str) -> None:
    import signal
    import subprocess
    import sys

    slow = tmp_path / "loop.pdf"
    slow.write_bytes(LOOPING_PDF)
    parent = subprocess.Popen([sys.executable, "-m", "reportlint", "check", str(slow), "--timeout", "120",
                               "--no-cache"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(lambda: _children(parent.pid), 60), "no worker was started"
        workers = _children(parent.pid)
        parent.send_signal(getattr(signal, sig))
        parent.wait(timeout=30)
        assert _wait_for(lambda: not any(_running(w) for w in workers), 10), "a worker outlived its parent"
    finally:
        parent.kill()
        parent.wait()


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc to find the worker")
def test_without_prctl_the_lifeline_still_ends_the_worker(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    script = ("import time\n"
              "from reportlint import forking\n"
              "forking._prctl[:] = [None]  # as where prctl does not exist\n"
              "def spin(channel):\n"
              "    n = 0\n"
              "    while True:\n"
              "        n += 1\n"
              "child = forking.Child(spin)\n"
              "print(child.pid, flush=True)\n"
              "time.sleep(120)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(parent.stdout.readline())  # type: ignore[union-attr]
        assert _running(worker)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        assert _wait_for(lambda: not _running(worker), 10), "the worker outlived its parent"
    finally:
        parent.kill()
        parent.wait()


def test_a_child_does_not_hold_its_siblings_pipes() -> None:
    from reportlint.forking import Child

    def pipes() -> set[str]:
        found = set()
        for fd in os.listdir("/proc/self/fd"):
            try:
                found.add(os.readlink(f"/proc/self/fd/{fd}"))
            except OSError:
                pass
        return {p for p in found if p.startswith("pipe:")}

    def report_pipes(channel):  # type: ignore[no-untyped-def]
        channel.recv()
        channel.send(sorted(pipes()))

    first = Child(report_pipes)
    before = pipes()
    second = Child(report_pipes)
    second_own = pipes() - before
    second.channel.send("go")
    held = set(second.channel.recv())
    firsts = {os.readlink(f"/proc/self/fd/{fd}") for fd in
              (first.channel.read_fd, first.channel.write_fd, first._lifeline)}
    assert second_own <= held and not held & firsts
    for child in (first, second):
        child.kill()
        child.join(timeout=5)
        child.channel.close()


def test_workers_never_outnumber_cpus_or_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint import runner

    assert Runner(session(), Settings(), jobs=10_000).jobs == runner.cpu_count()
    files = []
    for i in range(3):
        f = tmp_path / f"{i}.pdf"
        f.write_bytes(b"%PDF-1.4\n%%EOF\n")
        files.append(f)
    spawned = []
    real_spawn = Runner._spawn

    def counting(self):  # type: ignore[no-untyped-def]
        spawned.append(1)
        return real_spawn(self)

    monkeypatch.setattr(Runner, "_spawn", counting)
    monkeypatch.setattr(runner, "cpu_count", lambda: 64)
    results = Runner(session(), Settings(), jobs=10_000).run([Job(i, f, Config()) for i, f in enumerate(files)])
    assert len(results) == 3 and len(spawned) == 3


@pytest.mark.skipif(not os.uname().sysname == "Linux", reason="isolation uses fork")
def test_the_segmenter_is_loaded_before_any_worker_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint import segment

    segment.tagger.cache_clear()
    loaded_at_spawn = []
    real_spawn = Runner._spawn

    def spying(self):  # type: ignore[no-untyped-def]
        loaded_at_spawn.append(segment.loaded())
        return real_spawn(self)

    monkeypatch.setattr(Runner, "_spawn", spying)
    pdfs = []
    for name in ("one.pdf", "two.pdf"):  # two files: checked in a worker (one alone is loaded apart)
        pdfs.append(tmp_path / name)
        pdfs[-1].write_bytes(b"%PDF-1.4\n%%EOF\n")
    Runner(session(), Settings(), jobs=1).run([Job(i, p, Config()) for i, p in enumerate(pdfs)])
    assert loaded_at_spawn == [True]


@pytest.mark.skipif(not os.uname().sysname == "Linux", reason="isolation uses fork")
def test_one_pdf_is_loaded_in_a_child_and_checked_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A single PDF: a child loads it while the parent loads the segmenter; the findings
    are those of checking it in one process, and no worker is started; a document whose
    text is over the in-process size goes to a worker with its loaded document."""
    from conftest import make_pdf

    from reportlint import runner
    from reportlint.engine import lint_file

    pdf = make_pdf(tmp_path / "one.pdf", [["县机关二〇二五年工作总结", "一、主要工作", "（一）加强理论学习，提高了了认识。",
                                           "（一）改进工作作风，开展调研20次。"]])
    spawned: list[int] = []
    sent: list[object] = []
    real_spawn = Runner._spawn

    def counting(self):  # type: ignore[no-untyped-def]
        spawned.append(1)
        worker = real_spawn(self)
        real_send = worker.conn.send
        worker.conn.send = lambda job: (sent.append(job), real_send(job))[1]  # type: ignore[method-assign]
        return worker

    monkeypatch.setattr(Runner, "_spawn", counting)
    here = lint_file(pdf, session(), Config(), Settings())
    [apart] = Runner(session(), Settings(), jobs=1).run([Job(0, pdf, Config())])
    assert not spawned and apart.error is None and _flat([apart]) == _flat([here])
    assert {f.rule for f in apart.findings} >= {"N101"}  # the second （一）
    monkeypatch.setattr(runner, "INPROCESS_TEXT_BYTES", 10)
    [large] = Runner(session(), Settings(), jobs=1).run([Job(0, pdf, Config())])
    assert spawned == [1] and _flat([large]) == _flat([here])
    assert [type(j.doc).__name__ for j in sent if j is not None] == ["Document"]


def test_with_every_file_isolated_one_pdf_is_checked_whole_in_a_worker(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve`` (isolate_all): the rules too run in the forked worker, never in the process
    that checks the next upload."""
    from conftest import make_pdf

    pdf = make_pdf(tmp_path / "one.pdf", [["县机关工作总结", "一、主要工作", "（一）加强学习。"]])
    spawned: list[int] = []
    real_spawn = Runner._spawn
    monkeypatch.setattr(Runner, "_spawn", lambda self: (spawned.append(1), real_spawn(self))[1])
    [result] = Runner(session(), Settings(), jobs=1, isolate_all=True).run([Job(0, pdf, Config())])
    assert result.error is None and spawned == [1]


def test_job_bookkeeping_is_linear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlint import runner
    from reportlint.engine import FileResult

    comparisons = [0]

    class CountingJob(Job):
        __slots__ = ()

        def __eq__(self, other: object) -> bool:
            comparisons[0] += 1
            return super().__eq__(other)

        __hash__ = Job.__hash__

    monkeypatch.setattr(runner, "lint_file", lambda path, *a: FileResult(str(path)))
    jobs = [CountingJob(i, tmp_path / f"{i}.txt", Config()) for i in range(2000)]
    for job in jobs:
        job.path.write_text("x")
    results = Runner(session(), Settings(), jobs=1).run(jobs)
    assert len(results) == 2000
    assert comparisons[0] < 2000



@pytest.mark.skipif(not os.uname().sysname == "Linux", reason="isolation uses fork")
def test_a_worker_told_to_end_is_never_handed_a_file_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first worker runs out of files and is told to end while the second is stuck on a PDF that loops
    forever with another file waiting behind it: that file goes back in line and must reach a fresh worker,
    not the one that is ending (it would never answer, and the file would be reported as over memory)."""
    from conftest import make_pdf

    from reportlint import runner

    monkeypatch.setattr(runner, "cpu_count", lambda: 2)
    fast = []
    for name in ("a.txt", "b.txt"):
        fast.append(tmp_path / name)
        fast[-1].write_text("一、主要工作\n（一）加强学习。\n", encoding="utf-8")
    slow = tmp_path / "c-slow.pdf"
    slow.write_bytes(b"%PDF-1.4\n1 0 obj\n2 0 R\nendobj\n2 0 obj\n1 0 R\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    good = make_pdf(tmp_path / "d-good.pdf", [["县机关工作总结", "一、主要工作", "（一）加强学习。"]])
    told = []
    real_release = Runner._release
    monkeypatch.setattr(Runner, "_release", staticmethod(lambda w: (told.append(1), real_release(w))))
    results = Runner(session(), Settings(), jobs=2, limits=Limits(timeout=1)).run(
        [Job(i, p, Config()) for i, p in enumerate([*fast, slow, good])])
    assert told  # the first worker was told to end before the time limit hit the second
    assert results[2].error and "timeout" in results[2].error["message"]
    alone = Runner(session(), Settings(), jobs=1).run([Job(3, good, Config())])
    assert results[3].error is None and _flat(results[3:]) == _flat(alone)


def test_each_checked_result_is_handed_over_as_it_comes(folder: Path) -> None:
    """``on_result`` sees every checked file's result once, in one process or from workers."""
    for jobs in (1, 2):
        seen: list = []
        paths = sorted(folder.iterdir())
        results = Runner(session(), Settings(), jobs=jobs, on_result=seen.append).run(
            [Job(i, p, Config()) for i, p in enumerate(paths)])
        assert sorted(r.path for r in seen) == sorted(r.path for r in results)
        assert all(any(s is r for s in seen) for r in results)
