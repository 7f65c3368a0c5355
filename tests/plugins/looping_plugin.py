"""A throwaway plugin whose check never ends on a text holding 无尽: the run must stop it at the file's time
limit (X101) and check the other files."""

from __future__ import annotations

from pathlib import Path

from reportlint import hookimpl

RULES = Path(__file__).with_name("looping_rules")


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    def spin(ctx, rule):  # type: ignore[no-untyped-def]
        while any("无尽" in b.text for b in ctx.doc.blocks):
            pass
        return iter(())

    register("test.spin", spin)


@hookimpl
def register_rulebooks(register):  # type: ignore[no-untyped-def]
    register(RULES)
