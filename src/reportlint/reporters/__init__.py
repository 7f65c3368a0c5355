"""Reporters write the results of a run in one output format; one module per format,
imported when that format is asked for."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..plugins import lazy


@hookimpl
def register_reporters(register):  # type: ignore[no-untyped-def]
    register("text", lazy("reportlint.reporters.text", "report_text"))
    register("json", lazy("reportlint.reporters.json", "report_json"))
    register("github", lazy("reportlint.reporters.github", "report_github"))
    register("sarif", lazy("reportlint.reporters.sarif", "report_sarif"))
    register("gitlab", lazy("reportlint.reporters.gitlab", "report_gitlab"))
    register("junit", lazy("reportlint.reporters.junit", "report_junit"))
    register("html", lazy("reportlint.reporters.html", "report_html"))
