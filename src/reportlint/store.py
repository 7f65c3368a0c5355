"""Where reportlint keeps its caches, and how it writes them so no reader sees half a file."""

from __future__ import annotations

import os
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

try:  # CPython's own SHA-256: importing hashlib loads OpenSSL, 4 ms of every start
    from _sha2 import sha256 as _sha256  # type: ignore[import-not-found]  # Python 3.12+
except ImportError:
    try:
        from _sha256 import sha256 as _sha256  # type: ignore[import-not-found,no-redef]  # Python 3.11
    except ImportError:
        from hashlib import sha256 as _sha256  # type: ignore[assignment]


def sha256(data: bytes = b"") -> Any:
    """A SHA-256 hash object (``hashlib.sha256``'s interface: ``update``, ``hexdigest``)."""
    return _sha256(data)


def cache_dir() -> Path:
    """$REPORTLINT_CACHE_DIR, else $XDG_CACHE_HOME/reportlint, else ~/.cache/reportlint (or
    a folder in the temporary directory when there is no home, as for some CI users)."""
    base = os.environ.get("REPORTLINT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "reportlint"
    try:
        return Path.home() / ".cache" / "reportlint"
    except RuntimeError:
        return Path(os.environ.get("TMPDIR") or "/tmp") / f"reportlint-cache-{os.getuid()}"


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` through a fresh temporary file beside ``target`` and a rename (by
    hand: importing ``tempfile`` costs start-up time)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
