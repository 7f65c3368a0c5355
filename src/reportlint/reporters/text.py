"""Human-readable output: ``path:line:col: CODE message [severity]``, the excerpt with an
underline aligned under wide characters, and a closing summary."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TextIO

from ..textutil import display_width as width
from .escape import is_safe, safe, shown_suggestion

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET, _DIM = "\033[1m", "\033[0m", "\033[2m"
_PLAIN = re.compile(r"\033\[[0-9;]*m")  # colour codes take no columns
WINDOW = 36  # characters of context shown either side of a span
STALE_SHOWN = 20  # stale baseline entries listed one per line


TAB = 4  # a tab in an excerpt is shown as spaces up to the next multiple of this many columns
MIN_WIDTH = 40  # below this a terminal is not worth wrapping for


def _shown(text: str, column: int = 0) -> tuple[str, int]:
    """``text`` made safe to print, its tabs expanded to spaces from display ``column`` on, so
    that what the terminal shows is exactly as wide as ``width`` says; and that width."""
    if "\t" not in text:  # most excerpts: one piece, nothing to expand
        text = safe(text)
        return text, width(text)
    out = []
    at = column
    for piece in text.split("\t"):
        if out:
            spaces = TAB - at % TAB
            out.append(" " * spaces)
            at += spaces
        piece = safe(piece)
        out.append(piece)
        at += width(piece)
    return "".join(out), at - column


def _render(text: str, lo: int, start: int, end: int, hi: int) -> tuple[str, int, int]:
    """The excerpt ``text[lo:hi]`` with … where it is cut, the columns before ``start`` and the
    columns of the span. Each part's width is counted once, as it is made safe."""
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    window = text[lo:hi]
    if "\t" not in window and is_safe(window):  # most excerpts: nothing to escape or expand, each width once
        before, span = prefix + text[lo:start], text[start:min(end, hi)]
        return before + span + text[min(end, hi):hi] + suffix, width(before), width(span)
    before, pad = _shown(text[lo:start], width(prefix))
    before, pad = prefix + before, pad + width(prefix)
    span, columns = _shown(text[start:min(end, hi)], pad)
    after = _shown(text[min(end, hi):hi], pad + columns)[0] + suffix
    return before + span + after, pad, columns


def _snippet(text: str, start: int, end: int, room: int | None = None) -> tuple[str, str]:
    """The block text around [start, end) and an underline of carets under the span, fitted
    into ``room`` columns when given (context trimmed first, then the span's end)."""
    end = max(end, start + 1) if text else end
    lo = max(0, start - WINDOW)
    hi = min(len(text), max(end, start + 1) + WINDOW)
    if end - start > 2 * WINDOW:
        hi = min(len(text), start + 2 * WINDOW)
    shown, pad, span = _render(text, lo, start, end, hi)
    while room is not None and width(shown) > room and (lo < start or hi > end):
        if hi > end and (hi - end >= start - lo):
            hi -= 1
        else:
            lo += 1
        shown, pad, span = _render(text, lo, start, end, hi)
    while room is not None and width(shown) > room and hi > start + 1:
        hi -= 1
        shown, pad, span = _render(text, lo, start, end, hi)
    return shown, " " * pad + "^" * max(1, span)


def wrap(text: str, first: int, rest: int) -> list[str]:
    """``text`` cut into lines of at most ``first`` columns, then ``rest``, by display width;
    a line is not ended inside a run of Latin letters or digits when it can end before it."""
    lines: list[str] = []
    room = first
    while width(text) > room > 0:
        cut, used = 0, 0
        while cut < len(text) and used + width(text[cut]) <= room:
            used += width(text[cut])
            cut += 1
        if cut < len(text) and text[cut].isascii() and text[cut].isalnum():
            back = cut
            while back > 0 and text[back - 1].isascii() and text[back - 1].isalnum():
                back -= 1
            cut = back if back > 0 else cut
        lines.append(text[:max(cut, 1)].rstrip(" "))
        text = text[max(cut, 1):].lstrip(" ")
        room = rest
    lines.append(text)
    return lines


def ljust(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` display columns (CJK characters count two)."""
    return text + " " * max(0, columns - width(text))


def _styles(options: dict[str, Any]) -> tuple[Callable[[str, str], str], Callable[[str, str], str], int | None]:
    """``paint(text, code)``: ``text`` in a colour when colour is on; ``lines(head, body)``: ``head`` + ``body``
    wrapped to the terminal, continuation lines indented 4 columns; the columns an excerpt may fill (None: any)."""
    color = bool(options.get("color"))
    cols = options.get("width")
    room = cols - 4 if isinstance(cols, int) and cols >= MIN_WIDTH else None  # excerpts are indented 4

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    def lines(head: str, body: str) -> str:
        if room is None:
            return head + body
        first, *more = wrap(body, max(10, room + 4 - width(_PLAIN.sub("", head))), room)
        return "\n".join([head + first, *("    " + m for m in more)])

    return paint, lines, room


def renderer(options: dict[str, Any]) -> Callable[[Any], str]:
    """What ``report_text`` prints for one file's result (before the closing summary). A batch check
    renders each file as its result comes in, while the workers check the next ones, and hands the
    texts over in ``options["rendered"]`` (``{id(result): (result, text)}``): the report at the end is
    then one write, not the rendering of every finding after the last file (about 50 ms a thousand
    findings of a run's serial part)."""
    paint, lines, room = _styles(options)

    def render(res: Any) -> str:
        path = safe(res.path)
        if res.skipped:
            return f"{path}: {paint('已跳过', _DIM)}：{res.skipped}\n"
        out = []
        if res.error:
            out.append(f"{paint(path, _BOLD)}:1:1: {res.error['rule']} {res.error['message']} "
                       f"{paint('[error]', _COLORS['error'])}\n")
        for f in res.findings:
            sev = paint(f"[{f.severity}]", _COLORS.get(f.severity, ""))
            page = f" (第{f.page}页)" if f.page else ""
            line, column, _, _ = f.where()
            head = f"{paint(path, _BOLD)}:{line}:{column}: {paint(f.rule, _BOLD)} "
            body = f"{safe(f.message)} [{f.severity}]{page}"
            wrapped = lines(head, body)
            # the severity is painted after wrapping, where it landed
            at = wrapped.rfind(f"[{f.severity}]")
            out.append(wrapped[:at] + sev + wrapped[at + len(f"[{f.severity}]"):] + "\n")
            text = res.lines.get(f.block, "")
            end = f.end if f.end_block == f.block else len(text)
            start = f.start
            if text:
                shown, mark = _snippet(text, start, end, room)
                out.append(f"    {shown}\n    {paint(mark, _COLORS.get(f.severity, ''))}\n")
            if f.suggestion:
                out.append(lines("    ", f"建议：{safe(shown_suggestion(f.suggestion))}") + "\n")
        return "".join(out)

    return render


def report_text(results: list[Any], out: TextIO, options: dict[str, Any]) -> None:
    _, lines, _ = _styles(options)
    render = renderer(options)
    rendered = options.get("rendered") or {}
    for res in results:
        early = rendered.get(id(res))
        out.write(early[1] if early is not None and early[0] is res else render(res))
    s = options["summary"]
    parts = [f"检查 {s['checked']} 个文件", f"发现 {s['findings']} 个问题"]
    if s["by_severity"]:
        sev = "，".join(f"{k} {v}" for k, v in sorted(s["by_severity"].items()))
        parts[-1] += f"（{sev}）"
    if s["not_checked"]:
        parts.append(f"{s['not_checked']} 个文件无法检查")
    if s["skipped"]:
        parts.append(f"跳过 {s['skipped']} 个")
    out.write(("" if not results else "\n") + lines("", "；".join(parts) + "。") + "\n")
    fixable = sum(1 for res in results for f in res.findings if f.fix)
    if fixable:
        out.write(lines("", f"其中 {fixable} 个可以自动改正：--diff 查看改动（.txt/.md），--fix 副本路径 写入副本"
                            "（.docx 写成修订），原文件不动。") + "\n")
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
