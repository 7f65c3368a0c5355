"""reportlint plugin: the page layout of .docx files against GB/T 9704-2012 《党政机关公文格式》.

Installed, reportlint finds it through the ``reportlint`` entry-point group::

    [project.entry-points.reportlint]
    gbt9704 = "reportlint_gbt9704"

The checks reopen the checked .docx read-only (see ``package.py``); other file types give no
layout finding.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files
from typing import Any

from reportlint import hookimpl

# check name → function in ``checks``; that module (and the .docx reading behind it) is imported on
# the first check of a document, so a run over .txt files does not pay for it at start-up
CHECKS = {
    "gbt9704.paper": "check_paper",
    "gbt9704.margins": "check_margins",
    "gbt9704.body-font": "check_body_font",
    "gbt9704.title-font": "check_title_font",
    "gbt9704.heading-font": "check_heading_font",
    "gbt9704.line-grid": "check_line_grid",
    "gbt9704.page-number": "check_page_number",
    "gbt9704.page-number-position": "check_page_number_position",
    "gbt9704.body-indent": "check_body_indent",
    "gbt9704.text-colour": "check_text_colour",
}


def _deferred(function: str) -> Callable[[Any, Any], Any]:
    def check(ctx: Any, rule: Any) -> Any:
        if not ctx.memo("gbt9704.is_zip", lambda: _is_zip(ctx.doc.path)):  # once per file, not per rule
            return ()  # a .txt, .pdf or .doc: no page layout to read (``package.read_package`` says the same)
        from . import checks

        return getattr(checks, function)(ctx, rule)

    check.__name__ = check.__qualname__ = function
    return check


def _is_zip(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == b"PK"
    except (OSError, TypeError, ValueError):
        return False


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    for name, function in CHECKS.items():
        register(name, _deferred(function))


@hookimpl
def register_rulebooks(register):  # type: ignore[no-untyped-def]
    register(files(__package__) / "rules")
