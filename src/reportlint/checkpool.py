"""The checker processes of ``reportlint serve``: forked once, when the server starts, before it
has received any upload, and asked to check one saved upload at a time.

Why not fork the workers from the server itself: the server holds every upload under way in
its memory, and a worker forked from it would inherit copies of them all; a document that
took control of a parser could read other reviewers' files. A checker process holds no upload
(it is given a path), and it checks through the same Runner as ``reportlint check``
(``isolate_all``: a fresh forked worker per document with the CLI's time and memory limits),
so each document is parsed in a process forked from a state that has seen no document. A
checker also writes the annotated .docx, in a forked child under the same limits, since
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


def annotate_in_child(source: Path, target: Path, findings: list[Any], limits: Limits) -> bool:
    """Write the commented copy in a forked child with the check's time and memory limits."""

    def work(channel: Channel) -> None:
        from .annotate import annotate
        from .runner import _limit_memory

        _limit_memory(limits.memory_mb)
        try:
            annotate(source, target, findings)
            channel.send(True)
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
    """A checker process: (path, settings, annotate_to) in, (FileResult, annotated) out, until None."""
    while True:
        try:
            job = channel.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        path, settings, annotate_to = job
        runner = Runner(session, settings, jobs=1, limits=limits, cache=None, isolate_all=True)
        result = runner.run([Job(0, path, config)])[0]
        annotated = False
        if annotate_to is not None and result.findings and not result.error:
            annotated = annotate_in_child(path, annotate_to, result.findings, limits)
        channel.send((result, annotated))


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

    def check(self, path: Path, settings: Settings, annotate_to: Path | None = None) -> tuple[FileResult, bool]:
        """The result of checking ``path`` and whether ``annotate_to`` was written."""
        child = self._idle.get()
        if child is None:  # closed
            self._idle.put(None)
            return FileResult(str(path), error={"rule": "X101", "message": CHECKER_FAILED}), False
        try:
            answer = self._ask(child, (path, settings, annotate_to), 2 * self.limits.timeout_for(path) + 60)
            if answer is None:
                self._end(child)
                child = self._spawn()
                return FileResult(str(path), error={"rule": "X101", "message": CHECKER_FAILED}), False
            return answer
        finally:
            self._idle.put(child)

    @staticmethod
    def _ask(child: Child, job: tuple[Any, ...], seconds: float) -> tuple[FileResult, bool] | None:
        """Send ``job`` and read the answer; None when the checker died or, past ``seconds``, hangs
        (its own limits end every check: the deadline only catches a checker that failed)."""
        try:
            child.channel.send(job)
            if wait([child.channel], seconds):
                result, annotated = child.channel.recv()
                return result, annotated
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
