"""Standard input as a document: ``reportlint check -`` (``--stdin-filename NAME`` gives its
name, hence its type, its configuration and its per-file-ignores). The bytes are saved to a
private temporary file, so that the runner's time and memory limits apply as to any file."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from .config import Config
from .sniff import MAX_FILE_BYTES


class StdinDocument:
    """The temporary file (``path``) and the name the user sees (``shown``: the given name or ``-``)."""

    def __init__(self, path: Path, shown: Path) -> None:
        self.path = path
        self.shown = shown

    def config(self, config: Config) -> Config:
        """``per-file-ignores`` resolved for the given name (the temporary file matches none)."""
        return replace(config, ignore=config.ignore + config.ignored_for(self.shown), per_file_ignores=())

    def rename(self, result: Any) -> Any:
        """A FileResult of the temporary file, under the given name."""
        name = str(self.shown)
        result.path = name
        result.findings = [replace(f, path=name) for f in result.findings]
        return result


def sniffed_suffix(data: bytes) -> str:
    """Without a name the first bytes say what the document is (.txt otherwise)."""
    if b"%PDF-" in data[:1024]:
        return ".pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        # the zip's central directory, at the end, names the entries: OFD.xml for an OFD package
        tail = data[-65536:]
        return ".ofd" if b"OFD.xml" in tail and b"[Content_Types].xml" not in tail else ".docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE: Word 97-2003 (loaders/doc.py)
        return ".doc"
    return ".txt"


@contextmanager
def read_stdin(name: str | None) -> Iterator[StdinDocument]:
    """Standard input, saved until the block ends (one byte over the size limit is enough for
    the loader to refuse it)."""
    import tempfile

    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    shown = Path(name) if name else Path("-")
    with tempfile.TemporaryDirectory(prefix="reportlint-stdin-") as tmp:
        path = Path(tmp) / (shown.name if name else f"stdin{sniffed_suffix(data)}")
        path.write_bytes(data)
        yield StdinDocument(path, shown)
