"""reportlint plugin: the page layout of .docx files against GB/T 9704-2012 《党政机关公文格式》.

Installed, reportlint finds it through the ``reportlint`` entry-point group::

    [project.entry-points.reportlint]
    gbt9704 = "reportlint_gbt9704"

The checks reopen the checked .docx read-only (see ``package.py``); other file types give no
layout finding.
"""

from __future__ import annotations

from importlib.resources import files

from reportlint import hookimpl

from .checks import (
    check_body_font,
    check_body_indent,
    check_heading_font,
    check_line_grid,
    check_margins,
    check_page_number,
    check_page_number_position,
    check_paper,
    check_text_colour,
    check_title_font,
)

CHECKS = {
    "gbt9704.paper": check_paper,
    "gbt9704.margins": check_margins,
    "gbt9704.body-font": check_body_font,
    "gbt9704.title-font": check_title_font,
    "gbt9704.heading-font": check_heading_font,
    "gbt9704.line-grid": check_line_grid,
    "gbt9704.page-number": check_page_number,
    "gbt9704.page-number-position": check_page_number_position,
    "gbt9704.body-indent": check_body_indent,
    "gbt9704.text-colour": check_text_colour,
}


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    for name, check in CHECKS.items():
        register(name, check)


@hookimpl
def register_rulebooks(register):  # type: ignore[no-untyped-def]
    register(files(__package__) / "rules")
