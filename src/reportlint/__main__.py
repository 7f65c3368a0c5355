"""``python -m reportlint``."""

from reportlint.cli import entry

entry()
