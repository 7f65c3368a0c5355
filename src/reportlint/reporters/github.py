"""GitHub Actions workflow commands: one annotation per finding on the pull request."""

from __future__ import annotations

from typing import Any, TextIO

from .escape import safe

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(results: list[Any], out: TextIO, options: dict[str, Any]) -> None:
    for res in results:
        path = _prop(res.path)
        if res.error:
            out.write(f"::error file={path},title={res.error['rule']}::{_data(res.error['message'])}\n")
        if res.skipped:
            out.write(f"::notice file={path},title=skipped::{_data(res.skipped)}\n")
        for f in res.findings:
            line, column, end_line, end_column = f.where()
            where = (f"file={path},line={line},col={column},endLine={end_line},"
                     f"endColumn={end_column},title={f.rule} {f.name}")
            message = f.message + (f"（建议：{f.suggestion}）" if f.suggestion else "")
            out.write(f"::{_LEVEL.get(f.severity, 'warning')} {where}::{_data(message)}\n")
    s = options["summary"]
    out.write(f"reportlint: checked {s['checked']}, findings {s['findings']}, not checked {s['not_checked']}, "
              f"skipped {s['skipped']}\n")
