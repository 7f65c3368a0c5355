"""A throwaway plugin whose check always raises: the run must turn it into X100."""

from __future__ import annotations

from pathlib import Path

from reportlint import hookimpl

RULES = Path(__file__).with_name("raising_rules")


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    def explode(ctx, rule):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("boom")

    register("test.explode", explode)


@hookimpl
def register_rulebooks(register):  # type: ignore[no-untyped-def]
    register(RULES)
