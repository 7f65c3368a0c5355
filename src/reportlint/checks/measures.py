"""Checks of the measures family (filled in by their own issue)."""

from __future__ import annotations
