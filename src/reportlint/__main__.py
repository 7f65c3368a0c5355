"""``python -m reportlint``."""

from reportlint.cli import main

main()
