"""A forked child process and a message channel to it, on plain ``os.fork`` and pipes.

``multiprocessing`` does the same and more, but importing it costs about 25 ms, a quarter
of a one-file check; a worker needs only: start a child running a function, send it
pickled messages and read its answers, wait on several children with a deadline, kill one.
"""

from __future__ import annotations

import os
import pickle
import select
import sys
from collections.abc import Callable, Sequence
from typing import Any

_HEADER = 8  # bytes of a message's length, big-endian


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
            try:
                os.close(fd)
            except OSError:
                pass


class Child:
    """A forked process running ``target(channel)``; ``channel`` is the parent's end."""

    def __init__(self, target: Callable[[Channel], None]) -> None:
        down_r, down_w = os.pipe()  # parent -> child
        up_r, up_w = os.pipe()  # child -> parent
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()  # or the child would write the parent's buffered output again
            except (OSError, ValueError):  # closed or broken: nothing buffered to repeat
                pass
        pid = os.fork()
        if pid == 0:  # the child: run, and never return into the parent's code
            code = 1
            try:
                os.close(down_w)
                os.close(up_r)
                target(Channel(down_r, up_w))
                code = 0
            finally:
                os._exit(code)
        os.close(down_r)
        os.close(up_w)
        self.pid: int | None = pid
        self.channel = Channel(up_r, down_w)

    def is_alive(self) -> bool:
        if self.pid is None:
            return False
        try:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            done = self.pid
        if done:
            self.pid = None
        return self.pid is not None

    def kill(self) -> None:
        if self.is_alive():
            try:
                os.kill(self.pid, 9)  # type: ignore[arg-type]
            except ProcessLookupError:
                pass

    def join(self, timeout: float) -> None:
        """Wait up to ``timeout`` seconds for the child to end."""
        import time

        end = time.monotonic() + timeout
        while self.is_alive() and time.monotonic() < end:
            time.sleep(0.001)


def wait(channels: Sequence[Channel], timeout: float) -> list[Channel]:
    """The channels with something to read (or closed) within ``timeout`` seconds."""
    if not channels:
        return []
    ready, _, _ = select.select(list(channels), [], [], timeout)
    return ready
