"""The only exception classes reportlint raises on purpose, and the kinds of unreadable input."""

from __future__ import annotations

from enum import StrEnum


class ErrorKind(StrEnum):
    """Why an input was not checked, as a value (never read from a message's wording).

    It travels in ``FileResult.error["kind"]`` and in the JSON output's ``error.kind``."""

    UNREADABLE = "unreadable"  # missing, damaged, encrypted, unsupported, over a size limit ...
    NO_TEXT = "no-text"  # a PDF without a text layer (X102)
    TIMEOUT = "timeout"  # over the per-file time limit
    MEMORY = "memory"  # over the memory limit: the worker that read it is replaced


class ReportlintError(Exception):
    """Base of reportlint's own errors."""


class LoadError(ReportlintError):
    """A file could not be read; the message is Chinese and says why (it becomes X101/X102).

    ``kind`` defaults from the code: X102 is NO_TEXT, anything else UNREADABLE."""

    def __init__(self, message: str, code: str = "X101", kind: ErrorKind | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.kind = kind or (ErrorKind.NO_TEXT if code == "X102" else ErrorKind.UNREADABLE)

    def as_error(self) -> dict[str, str]:
        """The ``FileResult.error`` record of this failure."""
        return {"rule": self.code, "kind": self.kind.value, "message": str(self)}


class ConfigError(ReportlintError):
    """A configuration file, option or command-line value is wrong (exit code 3)."""


class RulebookError(ConfigError):
    """Rule data (rules/*.toml, a profile) is malformed."""


class CorpusError(ConfigError):
    """The reference corpus index is missing, damaged or not an index (exit code 3)."""
