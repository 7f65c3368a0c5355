"""Runs lint_file over many files: isolated worker processes with time and memory limits,
parallel jobs with deterministic output, and a result cache.

Design. Parsing hostile files is the risk: pdfminer loops forever on some reference
cycles, a flate bomb inflates to gigabytes, and neither signal.alarm nor threads can stop a
long C call. So every .pdf, every .docx whose parts inflate beyond ``INPROCESS_DOCX_BYTES``
and every text file over ``INPROCESS_TEXT_BYTES`` is checked in a forked child process that
sets its own address-space limit; the parent waits on a pipe with a deadline and kills the
child when it runs over. Forking after the plugins and rule data are loaded means children
start in a few milliseconds and share that state copy-on-write. A small text or Word file
is checked in the parent process when there is nothing to run beside it, so one file in a
pre-commit hook pays no process start at all. One file that must be isolated with nothing
beside it (one PDF) is only loaded in a child, while the parent loads the word segmenter,
which loading does not need; the document comes back and is checked in the parent as a
small text file is (in a worker when its text is large). Before the first fork the parent runs every
rule once over the rules' own examples, so compiled patterns are inherited rather than
rebuilt in each child, and the word segmenter is loaded, so that no file's time limit pays
for it. Workers are never more than the CPU count nor the files, and they die with the
parent (``forking``). Where ``fork`` is unavailable (Windows, macOS) files are checked
in-process without limits of memory. A file checked in this process still has its time limit where the
system allows (``_in_process``): an alarm signal interrupts a check that runs over (a rule's pattern that
backtracks without end on one line: Python looks at signals inside a regular expression's matching too), and
the file gets the same X101 answer a worker's would. The result cache is ``cache.Cache``.
"""

from __future__ import annotations

import enum
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config
from .engine import FileResult, Session, Settings, lint_file, load_document, no_cycle_collection
from .model import Document

if TYPE_CHECKING:
    from .cache import Cache  # a run with the result cache off never imports it (nor json)
    from .forking import Channel, Child

__all__ = ["Job", "Limits", "Outcome", "Runner", "cpu_count"]

INPROCESS_TEXT_BYTES = 512 * 1024
INPROCESS_DOCX_BYTES = 4 * 1024 * 1024
DEFAULT_TIMEOUT = 8.0
DEFAULT_MEMORY_MB = 400  # address space a child may add on top of what it inherits


CONVERT_SECONDS = 45.0  # extra time for a .doc/.wps: above loaders/doc.py's own limit on LibreOffice
SECONDS_PER_MB = 0.8  # extra time per MB of text-bearing content (a 25 MB document.xml: 20 s)


@dataclass(slots=True, repr=False)
class Limits:
    """The time and memory a file may take."""
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB

    def timeout_for(self, path: Path) -> float:
        """The base time limit plus time for the file's size: a long report earns more time,
        a 179-byte PDF that loops forever does not. For a .docx the size that counts is its
        uncompressed document.xml, read from the zip directory without inflating anything."""
        suffix = path.suffix.lower()
        if suffix in (".doc", ".wps"):  # converted by LibreOffice (loaders/doc.py, its own limit)
            return self.timeout + CONVERT_SECONDS
        try:
            size = os.stat(path).st_size
        except (OSError, ValueError):
            size = 0
        if suffix == ".docx":  # (zipfile imported only here: a text file's check, in this process too, asks)
            import zipfile

            try:
                size = max((n for name, n in _zip_sizes(path) if name.endswith("document.xml")), default=size)
                size = min(size, 100 * 1024 * 1024)  # beyond this the loader refuses the file anyway
            except (OSError, zipfile.BadZipFile, ValueError):
                size = 0
        return self.timeout + SECONDS_PER_MB * size / (1024 * 1024)


@dataclass(slots=True, repr=False)
class Job:
    """One file to check, with its configuration."""
    index: int
    path: Path
    config: Config
    doc: Document | None = None  # the file already loaded by a child (``Runner._load_apart``)


def _can_fork() -> bool:
    return sys.platform.startswith("linux")


def _needs_isolation(path: Path) -> bool:
    """PDFs always (pdfminer can loop forever); a .docx whose main part inflates beyond
    ``INPROCESS_DOCX_BYTES`` (size checks, DOCTYPE rejection and lxml's depth limit guard the
    small ones); text beyond ``INPROCESS_TEXT_BYTES``."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".txt", ".md", ".markdown", ".text"):
            return os.stat(path).st_size > INPROCESS_TEXT_BYTES
        if suffix == ".docx" and os.stat(path).st_size <= INPROCESS_DOCX_BYTES:
            return sum(n for _, n in _zip_sizes(path)) > INPROCESS_DOCX_BYTES
    except Exception:  # unreadable, not a zip (zipfile.BadZipFile), …: isolate it
        return True
    return True


def _zip_sizes(path: Path) -> list[tuple[str, int]]:
    """(name, uncompressed size) of each member of the zip at ``path``, from its directory (nothing inflated)."""
    import zipfile  # here: a run over .txt files never needs it

    with zipfile.ZipFile(path) as zf:
        return [(i.filename, i.file_size) for i in zf.infolist()]


# bytes of a file per character of its text, at least: UTF-8 Chinese text (3 bytes a character), a .docx (its XML
# zipped: about 7 in reports without pictures)
_BYTES_PER_CHAR = {".docx": 8}


def _expected_chars(job: Job) -> int:
    """About how many characters the file's text has, from its size alone (a guess: it only decides when the
    proofreading tables are built for speed, ``lexicon.expect``)."""
    if job.doc is not None:
        return sum(len(b.text) for b in job.doc.blocks)
    try:
        return os.stat(job.path).st_size // _BYTES_PER_CHAR.get(job.path.suffix.lower(), 3)
    except OSError:
        return 0


def _limit_memory(extra_mb: int) -> None:
    """Cap this process's address space at what it has now plus ``extra_mb``."""
    try:
        import resource

        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[0])
        current = pages * os.sysconf("SC_PAGE_SIZE")
        limit = current + extra_mb * 1024 * 1024
        # the hard limit stays: LibreOffice, started by the .doc loader, raises its own soft limit
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard if hard == resource.RLIM_INFINITY else max(limit, hard)))
    except (OSError, ValueError, ImportError):
        pass


class Outcome(enum.Enum):
    """How a file's check ended, as the runner sees it: only CHECKED results are cached."""

    CHECKED = "checked"
    TIMEOUT = "timeout"
    OVER_MEMORY = "over-memory"


def cpu_count() -> int:
    """CPUs this process may run on (its affinity mask, where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _worker(conn: Channel, session: Session, settings: Settings, limits: Limits) -> None:
    """A forked worker: checks the jobs it is sent until it receives None, answering each
    with (Outcome, FileResult). After a MemoryError it answers and exits, so that the
    parent starts a fresh one."""
    _limit_memory(limits.memory_mb)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        if not _answer(conn, job, limits, lambda job=job: lint_file(job.path, session, job.config, settings, job.doc)):
            return


def _loader(conn: Channel, job: Job, session: Session, settings: Settings, limits: Limits) -> None:
    """A forked child that only loads ``job``'s file and answers (Outcome, Document or the
    FileResult of a file that cannot be read)."""
    _limit_memory(limits.memory_mb)

    def load() -> Document | FileResult:
        with no_cycle_collection():
            return load_document(job.path, session, job.config, settings)

    _answer(conn, job, limits, load)


def _answer(conn: Channel, job: Job, limits: Limits, work: Callable[[], Any]) -> bool:
    """Send (Outcome, what ``work`` returns) for ``job``; running out of memory, in the work or
    in sending its answer, answers with an X101 result instead. False when memory ran out."""
    outcome = Outcome.CHECKED
    try:
        value = work()
    except MemoryError:
        outcome, value = Outcome.OVER_MEMORY, _over_memory(job, limits)
    try:
        conn.send((outcome, value))
    except MemoryError:
        conn.send((Outcome.OVER_MEMORY, _over_memory(job, limits)))
        return False
    return outcome is not Outcome.OVER_MEMORY


def _over_memory(job: Job, limits: Limits) -> FileResult:
    return FileResult(str(job.path), error={"rule": "X101", "message": _MEMORY_MESSAGE.format(mb=limits.memory_mb)})


def _over_time(job: Job, limits: Limits) -> FileResult:
    seconds = round(limits.timeout_for(job.path), 1)
    return FileResult(str(job.path), error={"rule": "X101", "message": _TIMEOUT_MESSAGE.format(seconds=seconds)})


class _OverTime(BaseException):
    """Raised by ``_in_process``'s alarm. A BaseException: a rule's crash handler (X100) must not take it."""


def _in_process(job: Job, limits: Limits, work: Callable[[], FileResult]) -> tuple[Outcome, FileResult]:
    """``work``, the check of ``job`` in this process, under the file's time limit: a real-time alarm
    (``setitimer``) raises ``_OverTime`` in it when the limit passes, and the file is answered with X101 as a
    worker's would be (and not cached). Without an alarm to set (not the main thread, a system without
    ``setitimer``, or one the caller set already) the check runs unbounded, as before."""
    import signal
    import threading

    if (not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None)
            or signal.getitimer(signal.ITIMER_REAL)[0]):
        return Outcome.CHECKED, work()

    def ring(signum: int, frame: object) -> None:
        raise _OverTime

    signal.signal(signal.SIGALRM, ring)
    try:
        signal.setitimer(signal.ITIMER_REAL, limits.timeout_for(job.path))
        try:
            return Outcome.CHECKED, work()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _OverTime:  # (also when it rang between the work's end and the alarm's stop: the answer is the same)
        return Outcome.TIMEOUT, _over_time(job, limits)
    finally:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


_TIMEOUT_MESSAGE = (
    "处理超时（timeout，超过 {seconds:g} 秒），未检查：文件可能含有内部引用循环（reference loop）"
    "或内容过大；可用 --timeout 放宽时限"
)
_MEMORY_MESSAGE = "处理时超过内存上限（too large, memory limit，约 {mb} MB），未检查：文件解压后过大，疑似压缩炸弹"


@dataclass
class _Worker:
    """A forked worker process and the jobs sent to it."""
    process: Child
    conn: Channel
    jobs: deque[Job] = field(default_factory=deque)  # sent, not answered yet; the first is running
    deadline: float = 0.0  # for the first
    released: bool = False  # told to end (``Runner._release``): sent nothing more


PIPELINE = 2  # jobs sent ahead to a worker, so it never waits for the parent between files


class Runner:
    """Checks jobs with up to ``jobs`` forked workers (never more than the CPUs nor the
    files); results keep job order."""

    def __init__(self, session: Session, settings: Settings, jobs: int = 1, limits: Limits | None = None,
                 cache: Cache | None = None, progress: Callable[[int, int], None] | None = None,
                 isolate_all: bool = False, on_result: Callable[[FileResult], None] | None = None) -> None:
        self.session = session
        self.settings = settings
        self.jobs = max(1, min(jobs, cpu_count()))
        self.limits = limits if limits is not None else Limits()
        self.cache = cache
        self.progress = progress
        self.isolate = _can_fork()
        self.isolate_all = isolate_all  # every file in a worker however small (serve: no upload checked in the server)
        self.on_result = on_result  # told each file's result as it is checked (not those from the cache)

    def run(self, jobs: list[Job]) -> list[FileResult]:
        results: dict[int, FileResult] = {}
        pending: list[Job] = []
        keys: dict[int, str] = {}
        for job in jobs:
            key = self.cache.key(job, self.session, self.settings) if self.cache else None
            hit = self.cache.get(key, str(job.path)) if self.cache and key else None
            if hit is not None:
                results[job.index] = hit
                continue
            if key:
                keys[job.index] = key
            pending.append(job)
        total = len(jobs)
        parallel = min(self.jobs, len(pending))
        local, remote = [], []
        for job in pending:
            (local if not self.isolate or (parallel <= 1 and not self.isolate_all and not _needs_isolation(job.path))
             else remote).append(job)
        if len(local) > 1 or len(remote) > 1:
            from . import lexicon

            # in the parent, before the warm-up and the forks: workers inherit whatever the warm-up builds for it
            lexicon.expect(sum(map(_expected_chars, local)) + sum(map(_expected_chars, remote)))
        for job in local:
            outcome, results[job.index] = _in_process(job, self.limits, lambda job=job: lint_file(
                job.path, self.session, job.config, self.settings))
            self._done(job, results, keys, total, outcome)
        if len(remote) == 1 and not self.isolate_all:  # serve: the whole check in a worker, not only the load
            remote = self._load_apart(remote[0], results, keys, total)
        if remote:
            self._preload(remote)
            if len(remote) > 1:
                self._warm(remote[0].config)
            self._dispatch(remote, results, keys, total)
        return [results[j.index] for j in jobs]

    def _load_apart(self, job: Job, results: dict[int, FileResult], keys: dict[int, str], total: int) -> list[Job]:
        """One file to isolate and nothing beside it: a child loads it (the part that may
        loop forever or blow up, under the file's time and memory limits) while this process
        loads the word segmenter, which the load does not need, so the two overlap. The
        document comes back and is checked here, as a small text file is; one whose text is
        larger than ``INPROCESS_TEXT_BYTES`` goes back (returned) to be checked in a worker."""
        from .forking import Child, wait
        from .segment import tagger

        session, settings, limits = self.session, self.settings, self.limits
        child = Child(lambda channel: _loader(channel, job, session, settings, limits))
        deadline = time.monotonic() + limits.timeout_for(job.path)
        answered = False
        try:
            try:
                tagger()
            except Exception:  # a segmenter that fails to load fails in the check (X100), as before
                pass
            if wait([child.channel], timeout=max(0.0, deadline - time.monotonic())):
                try:
                    outcome, loaded = child.channel.recv()
                    answered = True
                except (EOFError, OSError):  # the child died: killed for its memory
                    outcome, loaded = Outcome.OVER_MEMORY, _over_memory(job, limits)
            else:
                outcome, loaded = Outcome.TIMEOUT, _over_time(job, limits)
            if isinstance(loaded, FileResult):
                results[job.index] = loaded
                self._done(job, results, keys, total, outcome)
                return []
            if sum(len(b.text) for b in loaded.blocks) * 3 > INPROCESS_TEXT_BYTES:  # UTF-8 bytes, at most
                return [replace(job, doc=loaded)]
            outcome, results[job.index] = _in_process(job, limits, lambda: lint_file(
                job.path, session, job.config, settings, loaded))
            self._done(job, results, keys, total, outcome)
            return []
        finally:  # a child that answered has ended by now or ends on its own (it only exits)
            if answered:
                child.join(timeout=5)
            child.kill()  # one that did not (time limit, Ctrl-C) is stopped at once
            child.join(timeout=5)
            child.channel.close()

    def _dispatch(self, jobs: list[Job], results: dict[int, FileResult], keys: dict[int, str], total: int) -> None:
        from .forking import wait

        queue = deque(jobs)
        workers = [self._spawn() for _ in range(min(self.jobs, len(queue)))]

        def replace(i: int) -> None:
            """Kill worker ``i`` and start another; the jobs it had not begun go back first in line."""
            self._stop(workers[i], kill=True)
            waiting = list(workers[i].jobs)[1:]
            queue.extendleft(reversed(waiting))
            workers[i] = self._spawn()

        try:
            while queue or any(w.jobs for w in workers):
                for w in workers:
                    while len(w.jobs) < PIPELINE and queue and not w.released:
                        job = queue.popleft()
                        if not w.jobs:
                            w.deadline = time.monotonic() + self.limits.timeout_for(job.path)
                        w.jobs.append(job)
                        w.conn.send(job)
                busy = [w for w in workers if w.jobs]
                timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
                ready = wait([w.conn for w in busy], timeout=timeout)
                for i, w in enumerate(workers):
                    if not w.jobs:
                        continue
                    job = w.jobs[0]
                    if w.conn in ready:
                        try:
                            outcome, results[job.index] = w.conn.recv()
                        except (EOFError, OSError):  # the worker died: killed for its memory
                            outcome, results[job.index] = Outcome.OVER_MEMORY, _over_memory(job, self.limits)
                        if not w.process.is_alive() or outcome is Outcome.OVER_MEMORY:
                            replace(i)
                        else:
                            w.jobs.popleft()
                            if w.jobs:
                                w.deadline = time.monotonic() + self.limits.timeout_for(w.jobs[0].path)
                        self._done(job, results, keys, total, outcome)
                        if not queue and not w.jobs:
                            self._release(w)
                    elif time.monotonic() >= w.deadline:
                        replace(i)
                        results[job.index] = _over_time(job, self.limits)
                        self._done(job, results, keys, total, Outcome.TIMEOUT)
        finally:
            for w in workers:
                self._stop(w)

    def _done(self, job: Job, results: dict[int, FileResult], keys: dict[int, str], total: int,
              outcome: Outcome) -> None:
        """Record a finished job: cache a result that limits did not cut short; ``on_result``; progress."""
        result = results[job.index]
        if self.cache and outcome is Outcome.CHECKED and job.index in keys and not result.debug:
            self.cache.put(keys[job.index], result)
        if self.on_result:
            self.on_result(result)
        if self.progress:
            self.progress(len(results), total)

    def _preload(self, jobs: Iterable[Job]) -> None:
        """Import the parsers and load the word segmenter once in the parent, so that every
        forked worker has them and no file's time limit pays for them."""
        from .segment import tagger

        try:
            tagger()
        except Exception:  # a segmenter that fails to load fails in the check (X100), as before
            pass
        suffixes = {j.path.suffix.lower() for j in jobs}
        if ".pdf" in suffixes:
            import pdfminer.pdfinterp  # noqa: F401

            from .loaders import pdf, pdfruns  # noqa: F401
        if ".docx" in suffixes:
            import lxml.etree  # noqa: F401

            from .loaders import docx  # noqa: F401

    def _warm(self, config: Config) -> None:
        """Run every rule once over the rules' own bad examples in this process."""
        from .engine import active_rules, analyse, run_checks
        from .model import Block, Document

        registry, book = self.session.books(config)
        text = "\n".join(x for r in book.rules.values() for x in r.bad)
        doc = Document("warm-up.txt", tuple(Block(i, t) for i, t in enumerate(text.split("\n"))))
        ctx, profile = analyse(doc, book, None)
        run_checks(ctx, active_rules(book, config, self.settings, profile, Path("warm-up.txt")), registry)

    def _spawn(self) -> _Worker:
        from .forking import Child

        session, settings, limits = self.session, self.settings, self.limits
        child = Child(lambda channel: _worker(channel, session, settings, limits))
        return _Worker(child, child.channel)

    @staticmethod
    def _release(w: _Worker) -> None:
        """Tell a worker with nothing left to do to end, without waiting for it: it exits while the other
        workers finish their last files, instead of after them (``_stop`` then finds it gone)."""
        w.released = True
        try:
            w.conn.send(None)
        except OSError:
            pass

    @staticmethod
    def _stop(w: _Worker, kill: bool = False) -> None:
        if kill and w.process.is_alive():
            w.process.kill()
        elif w.process.is_alive():
            try:
                w.conn.send(None)
            except OSError:
                pass
        w.process.join(timeout=5)
        if w.process.is_alive():
            w.process.kill()
            w.process.join(timeout=5)
        w.conn.close()
