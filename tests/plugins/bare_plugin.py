"""A plugin whose hooks take none of the arguments offered: allowed (any subset is), and harmless."""

from __future__ import annotations

from reportlint import hookimpl

CALLED: list[str] = []


@hookimpl
def register_checks():  # type: ignore[no-untyped-def]
    CALLED.append("register_checks")


@hookimpl
def register_reporters():  # type: ignore[no-untyped-def]
    CALLED.append("register_reporters")
