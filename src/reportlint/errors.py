"""The only exception classes reportlint raises on purpose."""

from __future__ import annotations


class ReportlintError(Exception):
    """Base of reportlint's own errors."""


class LoadError(ReportlintError):
    """A file could not be read; the message is Chinese and says why (it becomes X101/X102)."""

    def __init__(self, message: str, code: str = "X101") -> None:
        super().__init__(message)
        self.code = code


class ConfigError(ReportlintError):
    """A configuration file, option or command-line value is wrong (exit code 3)."""


class RulebookError(ConfigError):
    """Rule data (rules/*.toml, a profile) is malformed."""
