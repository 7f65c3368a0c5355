"""A forked child process and a message channel to it, on plain ``os.fork`` and pipes.

``multiprocessing`` does the same and more, but importing it costs about 25 ms, a quarter
of a one-file check; a worker needs only: start a child running a function, send it
pickled messages and read its answers, wait on several children with a deadline, kill one.

A child never outlives its parent, even when the parent is killed with SIGKILL while the
child is deep in a looping parse: on Linux the kernel sends it SIGKILL when the parent dies
(``PR_SET_PDEATHSIG`` through ``prctl``); elsewhere, or should that call fail, a thread in
the child waits on a pipe whose only writer is the parent and ends the child when it
closes. A child also closes its siblings' pipe ends, so that each child's pipes close when
the parent goes. Messages only ever travel between a parent and the children it forked.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

_HEADER = 8  # bytes of a message's length, big-endian
_PR_SET_PDEATHSIG = 1
_open_fds: set[int] = set()  # the parent's ends of every live child's pipes
# One fork at a time in a threaded parent (reportlint serve): a child forked while another
# thread stood between os.pipe() and registering the pipe in _open_fds would keep that pipe
# open, and the sibling's death would then never read as end-of-file.
_fork_lock = threading.Lock()


_prctl: list[Any] = []  # libc's prctl, looked up once in the parent (ctypes costs 10 ms to import)


def _find_prctl() -> Any:
    """libc's prctl (None where there is none); also imports threading for the children."""
    import threading  # noqa: F401  here, once, rather than in every child

    if not _prctl:
        function = None
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                function = ctypes.CDLL(None, use_errno=True).prctl
            except (OSError, AttributeError, ImportError):
                function = None
        _prctl.append(function)
    return _prctl[0]


def _die_with_parent(parent: int, lifeline: int) -> None:
    """In a fresh child: be killed when ``parent`` dies (prctl where it works, and a thread
    watching the ``lifeline`` pipe in every case)."""
    prctl = _prctl[0] if _prctl else None
    if prctl is not None:
        try:
            prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, ValueError, TypeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    import threading

    def watch() -> None:
        while True:
            try:
                if not os.read(lifeline, 1):
                    break
            except InterruptedError:
                continue
            except OSError:
                break
        os._exit(1)  # the parent is gone (its end of the lifeline closed)

    threading.Thread(target=watch, name="reportlint-lifeline", daemon=True).start()


class Channel:
    """One end of a two-way pipe carrying pickled messages, each preceded by its length."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self.read_fd, self.write_fd = read_fd, write_fd

    def fileno(self) -> int:
        return self.read_fd

    def send(self, message: Any) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(len(data).to_bytes(_HEADER, "big") + data)
        while view:
            view = view[os.write(self.write_fd, view):]

    def recv(self) -> Any:
        size = int.from_bytes(self._read(_HEADER), "big")
        return pickle.loads(self._read(size))

    def _read(self, size: int) -> bytes:
        parts, left = [], size
        while left:
            chunk = os.read(self.read_fd, min(left, 1 << 20))
            if not chunk:
                raise EOFError("the other end closed the channel")
            parts.append(chunk)
            left -= len(chunk)
        return b"".join(parts)

    def close(self) -> None:
        for fd in (self.read_fd, self.write_fd):
            _open_fds.discard(fd)
            try:
                os.close(fd)
            except OSError:
                pass


class Child:
    """A forked process running ``target(channel)``; ``channel`` is the parent's end."""

    def __init__(self, target: Callable[[Channel], None]) -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()  # or the child would write the parent's buffered output again
            except (OSError, ValueError):  # closed or broken: nothing buffered to repeat
                pass
        parent = os.getpid()
        _find_prctl()
        with _fork_lock:
            self._start(target, parent)

    def _start(self, target: Callable[[Channel], None], parent: int) -> None:
        down_r, down_w = os.pipe()  # parent -> child
        up_r, up_w = os.pipe()  # child -> parent
        life_r, life_w = os.pipe()  # never written: closes when the parent dies
        pid = os.fork()
        if pid == 0:  # the child: run, and never return into the parent's code
            code = 1
            try:
                for fd in (down_w, up_r, life_w, *_open_fds):
                    try:
                        os.close(fd)
                    except OSError:
                        pass
                _open_fds.clear()
                global _fork_lock
                _fork_lock = threading.Lock()  # the parent's is held (by this fork): a child may fork in turn
                _die_with_parent(parent, life_r)
                target(Channel(down_r, up_w))
                code = 0
            finally:
                os._exit(code)
        os.close(down_r)
        os.close(up_w)
        os.close(life_r)
        self.pid: int | None = pid
        self.channel = Channel(up_r, down_w)
        self._lifeline = life_w
        _open_fds.update((up_r, down_w, life_w))

    def is_alive(self) -> bool:
        if self.pid is None:
            return False
        try:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            done = self.pid
        if done:
            self.pid = None
            self._release()
        return self.pid is not None

    def _release(self) -> None:
        if self._lifeline >= 0:
            _open_fds.discard(self._lifeline)
            try:
                os.close(self._lifeline)
            except OSError:
                pass
            self._lifeline = -1

    def kill(self) -> None:
        if self.is_alive():
            try:
                os.kill(self.pid, 9)  # type: ignore[arg-type]
            except ProcessLookupError:
                pass

    def join(self, timeout: float) -> None:
        """Wait up to ``timeout`` seconds for the child to end: on a descriptor of the process
        where the system has one (Linux 5.3+: ``os.pidfd_open``), so the wait ends the moment
        the child does; else by polling every millisecond."""
        import time

        if self.pid is not None and hasattr(os, "pidfd_open"):
            try:
                fd = os.pidfd_open(self.pid)
            except OSError:  # gone already, or an old kernel: poll below
                pass
            else:
                try:
                    select.select([fd], [], [], timeout)
                finally:
                    os.close(fd)
                self.is_alive()  # reap it
                return
        end = time.monotonic() + timeout
        while self.is_alive() and time.monotonic() < end:
            time.sleep(0.001)


def wait(channels: Sequence[Channel], timeout: float) -> list[Channel]:
    """The channels with something to read (or closed) within ``timeout`` seconds."""
    if not channels:
        return []
    ready, _, _ = select.select(list(channels), [], [], timeout)
    return ready
