"""Human-readable output: ``path:line:col: CODE message [severity]``, the excerpt with an
underline aligned under wide characters, and a closing summary."""

from __future__ import annotations

from typing import Any, TextIO

from .escape import safe, width

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET, _DIM = "\033[1m", "\033[0m", "\033[2m"
WINDOW = 36  # characters of context shown either side of a span
STALE_SHOWN = 20  # stale baseline entries listed one per line


def _snippet(text: str, start: int, end: int) -> tuple[str, str]:
    """The block text around [start, end) and an underline of carets under the span."""
    end = max(end, start + 1) if text else end
    lo = max(0, start - WINDOW)
    hi = min(len(text), max(end, start + 1) + WINDOW)
    if end - start > 2 * WINDOW:
        hi = min(len(text), start + 2 * WINDOW)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    shown = prefix + safe(text[lo:hi]) + suffix
    pad = width(prefix + safe(text[lo:start]))
    span = max(1, width(safe(text[start:min(end, hi)])))
    return shown, " " * pad + "^" * span


def report_text(results: list[Any], out: TextIO, options: dict[str, Any]) -> None:
    color = bool(options.get("color"))

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    for res in results:
        path = safe(res.path)
        if res.skipped:
            out.write(f"{path}: {paint('已跳过', _DIM)}：{res.skipped}\n")
            continue
        if res.error:
            out.write(f"{paint(path, _BOLD)}:1:1: {res.error['rule']} {res.error['message']} "
                      f"{paint('[error]', _COLORS['error'])}\n")
        for f in res.findings:
            sev = paint(f"[{f.severity}]", _COLORS.get(f.severity, ""))
            page = f" (第{f.page}页)" if f.page else ""
            line, column, _, _ = f.where()
            out.write(f"{paint(path, _BOLD)}:{line}:{column}: {paint(f.rule, _BOLD)} "
                      f"{safe(f.message)} {sev}{page}\n")
            text = res.lines.get(f.block, "")
            end = f.end if f.end_block == f.block else len(text)
            start = f.start
            if text:
                shown, mark = _snippet(text, start, end)
                out.write(f"    {shown}\n    {paint(mark, _COLORS.get(f.severity, ''))}\n")
            if f.suggestion:
                out.write(f"    建议：{safe(f.suggestion)}\n")
    s = options["summary"]
    parts = [f"检查 {s['checked']} 个文件", f"发现 {s['findings']} 个问题"]
    if s["by_severity"]:
        sev = "，".join(f"{k} {v}" for k, v in sorted(s["by_severity"].items()))
        parts[-1] += f"（{sev}）"
    if s["not_checked"]:
        parts.append(f"{s['not_checked']} 个文件无法检查")
    if s["skipped"]:
        parts.append(f"跳过 {s['skipped']} 个")
    out.write(("" if not results else "\n") + "；".join(parts) + "。\n")
    baseline = options.get("baseline")
    if baseline is not None:
        out.write(f"基线 {safe(baseline.file)} 中已记录的 {baseline.hidden} 个问题未显示。\n")
        if baseline.stale:
            out.write(f"基线中有 {len(baseline.stale)} 条记录已不再出现（问题已改正或文字已改动），"
                      "可用 --write-baseline 重新生成基线：\n")
            for e in baseline.stale[:STALE_SHOWN]:
                out.write(f"    {safe(e['path'])}: {safe(e['rule'])} “{safe(str(e.get('excerpt', ''))[:40])}”\n")
            if len(baseline.stale) > STALE_SHOWN:
                out.write(f"    ……另有 {len(baseline.stale) - STALE_SHOWN} 条\n")
