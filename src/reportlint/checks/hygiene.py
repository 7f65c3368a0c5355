"""Checks of the hygiene family (filled in by their own issue)."""

from __future__ import annotations
