"""GitHub Actions workflow commands: annotations on the pull request, and the full table
in the job summary.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and drops the
rest silently, so the most severe findings are written first and at most ``PER_LEVEL`` of
each level; a closing line says how many were left out. When ``$GITHUB_STEP_SUMMARY`` is
set, every finding goes into a Markdown table there."""

from __future__ import annotations

import os
from typing import Any, TextIO

from ..model import SEVERITY_RANK
from .escape import safe, shown_suggestion

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
PER_LEVEL = 10  # annotations GitHub shows per level and step
SUMMARY_ROWS = 1000  # the job summary is capped at 1 MiB; keep well below it


def _data(text: str) -> str:
    return safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _rows(results: list[Any]) -> list[tuple[int, str, str, dict[str, Any]]]:
    """(severity rank, level, path, fields) of every annotation, most severe first."""
    rows = []
    for res in results:
        if res.error:
            rows.append((3, "error", res.path, {"title": res.error["rule"], "message": res.error["message"]}))
        if res.skipped:
            rows.append((1, "notice", res.path, {"title": "skipped", "message": res.skipped}))
        for f in res.findings:
            line, column, end_line, end_column = f.where()
            message = f.message + (f"（建议：{shown_suggestion(f.suggestion)}）" if f.suggestion else "")
            rows.append((SEVERITY_RANK.get(f.severity, 2), _LEVEL.get(f.severity, "warning"), res.path,
                         {"line": line, "col": column, "endLine": end_line, "endColumn": end_column,
                          "title": f"{f.rule} {f.name}", "message": message, "rule": f.rule}))
    rows.sort(key=lambda r: -r[0])  # stable: file order kept within a level
    return rows


def report_github(results: list[Any], out: TextIO, options: dict[str, Any]) -> None:
    rows = _rows(results)
    shown: dict[str, int] = {}
    left = 0
    for _, level, path, fields in rows:
        if shown.get(level, 0) >= PER_LEVEL:
            left += 1
            continue
        shown[level] = shown.get(level, 0) + 1
        props = [f"file={_prop(path)}"]
        props += [f"{k}={fields[k]}" for k in ("line", "col", "endLine", "endColumn") if k in fields]
        props.append(f"title={_prop(fields['title'])}")
        out.write(f"::{level} {','.join(props)}::{_data(fields['message'])}\n")
    s = options["summary"]
    out.write(f"reportlint：检查 {s['checked']} 个文件，发现 {s['findings']} 个问题；"
              f"{s['not_checked']} 个文件无法检查，跳过 {s['skipped']} 个\n")
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if left:
        where = "见本步骤的摘要（job summary）" if target else "用 --format text 查看全部"
        out.write(f"reportlint: GitHub 每个级别只显示 {PER_LEVEL} 条批注，另有 {left} 条未作为批注显示，{where}\n")
    if target:
        _write_summary(target, rows, s)


def _cell(text: Any) -> str:
    return safe(str(text)).replace("|", "\\|").replace("\n", " ")


def _write_summary(target: str, rows: list[tuple[int, str, str, dict[str, Any]]], s: dict[str, Any]) -> None:
    lines = ["## reportlint", "",
             f"检查 {s['checked']} 个文件，发现 {s['findings']} 个问题；"
             f"{s['not_checked']} 个文件无法检查，跳过 {s['skipped']} 个。",
             ""]
    if rows:
        lines += ["| 文件 | 行 | 规则 | 级别 | 说明 |", "| --- | --- | --- | --- | --- |"]
        for _, level, path, fields in rows[:SUMMARY_ROWS]:
            lines.append(f"| {_cell(path)} | {fields.get('line', '')} | {_cell(fields['title'])} | {level} "
                         f"| {_cell(fields['message'])} |")
        if len(rows) > SUMMARY_ROWS:
            lines.append(f"\n另有 {len(rows) - SUMMARY_ROWS} 条未列出。")
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
    except OSError:
        pass  # a summary that cannot be written must not fail the check
