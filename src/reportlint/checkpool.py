"""The checker processes of ``reportlint serve``: forked once, when the server starts, before it
has received any upload, and asked to check one saved upload at a time.

Why not fork the workers from the server itself: the server holds every upload under way in
its memory, and a worker forked from it would inherit copies of them all; a document that
took control of a parser could read other reviewers' files. A checker process holds no upload
(it is given a path), and it checks through the same Runner as ``reportlint check``
(``isolate_all``: a fresh forked worker per document with the CLI's time and memory limits),
so each document is parsed in a process forked from a state that has seen no document. A
checker also writes the copies offered for download (the annotated .docx, and the .docx with the
mechanical corrections as tracked changes), each in a forked child under the same limits, since
python-docx parses the upload again. There is one checker per CPU; a request waits for a free
one, which bounds the work and the memory of the whole server. A checker that fails (it
never parses anything itself, so this is not expected) is replaced, by necessity from the
server process."""

from __future__ import annotations

import pickle
import queue
from pathlib import Path
from typing import Any

from .config import Config
from .engine import FileResult, Session, Settings
from .forking import Channel, Child, wait
from .runner import Job, Limits, Runner

CHECKER_FAILED = "检查进程意外退出，文件未检查；请重新上传，仍不行请把文件交给管理员"


# the copies of a checked .docx a reviewer can download: file name → how it is written
COPIES = ("annotated.docx", "fixed.docx")


def copy_in_child(name: str, source: Path, target: Path, findings: list[Any], limits: Limits) -> bool:
    """Write one copy (``COPIES``) in a forked child with the check's time and memory limits:
    ``annotated.docx`` with a comment per finding, ``fixed.docx`` with the corrections of the
    findings that carry one as Word tracked changes. Whether it was written (and worth offering)."""

    def work(channel: Channel) -> None:
        from .runner import _limit_memory

        _limit_memory(limits.memory_mb)
        try:
            if name == "annotated.docx":
                from .annotate import annotate

                annotate(source, target, findings)
                channel.send(True)
            else:
                from .fixdocx import fix_docx

                channel.send(bool(fix_docx(source, target, findings).edits))
        except BaseException:  # any failure (bad part, memory): no download offered
            channel.send(False)

    child = Child(work)
    try:
        if not wait([child.channel], limits.timeout_for(source)):
            return False
        try:
            return bool(child.channel.recv())
        except (EOFError, OSError):
            return False
    finally:
        child.kill()
        child.join(timeout=5)
        child.channel.close()


def _checker(channel: Channel, session: Session, config: Config, limits: Limits) -> None:
    """A checker process: (path, settings, folder for copies or None) in, (FileResult, names of the
    copies written there) out, until None."""
    while True:
        try:
            job = channel.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        path, settings, copies = job
        runner = Runner(session, settings, jobs=1, limits=limits, cache=None, isolate_all=True)
        result = runner.run([Job(0, path, config)])[0]
        written: list[str] = []
        if copies is not None and result.findings and not result.error:
            for name in COPIES:
                if name == "fixed.docx" and not any(f.fix for f in result.findings):
                    continue  # nothing mechanical to correct: no copy to offer
                if copy_in_child(name, path, copies / name, result.findings, limits):
                    written.append(name)
        channel.send((result, tuple(written)))


class CheckPool:
    """``size`` checker processes; ``check`` borrows a free one (waiting if none is free)."""

    def __init__(self, session: Session, config: Config, limits: Limits, size: int) -> None:
        self.session, self.config, self.limits = session, config, limits
        self._idle: queue.SimpleQueue[Child | None] = queue.SimpleQueue()
        self.size = size
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> Child:
        session, config, limits = self.session, self.config, self.limits
        return Child(lambda channel: _checker(channel, session, config, limits))

    def check(self, path: Path, settings: Settings, copies: Path | None = None) -> tuple[FileResult, tuple[str, ...]]:
        """The result of checking ``path`` and the names of the copies (``COPIES``) written into
        the folder ``copies`` (none asked when it is None)."""
        child = self._idle.get()
        if child is None:  # closed
            self._idle.put(None)
            return FileResult(str(path), error={"rule": "X101", "message": CHECKER_FAILED}), ()
        try:
            answer = self._ask(child, (path, settings, copies), 2 * self.limits.timeout_for(path) + 60)
            if answer is None:
                self._end(child)
                child = self._spawn()
                return FileResult(str(path), error={"rule": "X101", "message": CHECKER_FAILED}), ()
            return answer
        finally:
            self._idle.put(child)

    @staticmethod
    def _ask(child: Child, job: tuple[Any, ...], seconds: float) -> tuple[FileResult, tuple[str, ...]] | None:
        """Send ``job`` and read the answer; None when the checker died or, past ``seconds``, hangs
        (its own limits end every check: the deadline only catches a checker that failed)."""
        try:
            child.channel.send(job)
            if wait([child.channel], seconds):
                result, written = child.channel.recv()
                return result, tuple(name for name in written if name in COPIES)
        except (EOFError, OSError, pickle.PickleError):
            pass
        return None

    @staticmethod
    def _end(child: Child) -> None:
        child.kill()
        child.join(timeout=5)
        child.channel.close()

    def close(self) -> None:
        """Stop every checker (each finishes the check it is doing first)."""
        for _ in range(self.size):
            child = self._idle.get()
            if child is None:
                continue
            try:
                child.channel.send(None)
            except OSError:
                pass
            child.join(timeout=10)
            self._end(child)
        for _ in range(self.size):
            self._idle.put(None)
