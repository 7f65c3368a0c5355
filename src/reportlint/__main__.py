"""``python -m reportlint``."""

from reportlint.command import entry

entry()
