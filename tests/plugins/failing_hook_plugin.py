"""A plugin whose hook itself raises while registering: a configuration error naming it."""

from __future__ import annotations

from reportlint import hookimpl


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    raise RuntimeError("cannot find my data")
