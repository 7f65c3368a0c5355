"""The text report: tabs expanded so the caret sits under the right characters, lines wrapped to
the terminal by display width, CJK columns aligned, the progress line erased."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reportlint.cli import _progress_bar, main
from reportlint.engine import FileResult, summary
from reportlint.model import Finding
from reportlint.reporters.text import ljust, report_text, wrap
from reportlint.textutil import display_width as width


def _report(text: str, start: int, end: int, cols: int | None = None, message: str = "这里多打了一个字") -> str:
    f = Finding(path="报告.txt", rule="T101", name="doubled-char", severity="warning", message=message,
                block=0, start=start, end_block=0, end=end, excerpt=text[start:end], suggestion="的")
    results = [FileResult("报告.txt", findings=[f], lines={0: text})]
    out = io.StringIO()
    report_text(results, out, {"color": False, "summary": summary(results), "width": cols})
    return out.getvalue()


def _caret_under(report: str) -> str:
    """The characters of the excerpt line above the carets, by display column."""
    lines = report.splitlines()
    i = next(n for n, line in enumerate(lines) if set(line.strip()) == {"^"})
    shown, marks = lines[i - 1], lines[i]
    first, last = marks.index("^"), len(marks.rstrip())
    out, col = "", 0
    for ch in shown:
        if first <= col < last:
            out += ch
        col += width(ch)
    return out


def test_the_caret_is_under_the_span_after_a_tab() -> None:
    text = "序号\t工作内容\t完成了的的任务"
    at = text.index("的的")
    report = _report(text, at, at + 2)
    assert "\t" not in report  # shown as spaces: the terminal's own tab stops cannot shift the line
    assert _caret_under(report) == "的的"


def test_long_lines_are_fitted_to_the_terminal() -> None:
    text = "前文" * 60 + "开展了的的调研" + "后文" * 60
    at = text.index("的的")
    report = _report(text, at, at + 2, cols=60, message="这是一条很长的说明文字，" * 8)
    for line in report.splitlines():
        assert width(line) <= 60, line
    assert _caret_under(report) == "的的"
    assert "[warning]" in report and "建议：的" in report


def test_no_wrapping_without_a_terminal() -> None:
    text = "前文" * 10 + "开展了的的调研"
    at = text.index("的的")
    message = "这是一条很长的说明文字，" * 8
    report = _report(text, at, at + 2, cols=None, message=message)
    assert f"{message} [warning]" in report.splitlines()[0]


def test_wrap_by_display_width_keeps_latin_words() -> None:
    lines = wrap("请把编号改为连续的 N101 duplicate-number 再检查一次", 20, 20)
    assert all(width(line) <= 20 for line in lines)
    assert any(line.endswith("连续的") or "N101" in line for line in lines)
    assert not any(line.endswith("dupli") for line in lines)


def test_ljust_counts_cjk_as_two_columns() -> None:
    assert ljust("简报", 8) == "简报    " and width(ljust("对照检查材料", 14)) == 14


def test_profiles_columns_line_up(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["profiles"])
    rows = [line for line in capsys.readouterr().out.splitlines() if "必备部分" in line]
    columns = {width(line[:line.index("必备部分")]) for line in rows}
    assert len(rows) > 3 and len(columns) == 1, rows


def test_the_progress_line_is_erased_at_the_end(monkeypatch) -> None:
    err = io.StringIO()
    err.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr("sys.stderr", err)
    show = _progress_bar(30)
    assert show is not None
    show(1, 30)
    show(30, 30)
    assert err.getvalue() == "\r检查中 1/30\r\033[K"


def test_check_wraps_at_the_terminal_width(tmp_path: Path, capsys, monkeypatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text("关于调研的总结\n" + "今年围绕重点任务开展了的的专题调研，" * 4 + "\n", encoding="utf-8")
    monkeypatch.setattr("reportlint.checkcmd._terminal_width", lambda: 50)
    with pytest.raises(SystemExit):
        main(["check", "--no-cache", str(f), "--select", "T101"])
    out = capsys.readouterr().out
    assert "T101" in out and all(width(line) <= 50 for line in out.splitlines() if not line.startswith(str(f)))


def test_width_table_agrees_with_east_asian_width(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``width`` looks each character up in a table it fills as it goes (and empties when full); the
    plain sum of ``unicodedata.east_asian_width`` over the characters is the reference."""
    import random
    import unicodedata

    from reportlint import textutil

    monkeypatch.setattr(textutil, "_MAX_WIDTHS", 50)
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(chr(rng.choice([rng.randrange(0x80), rng.randrange(0x3000, 0xA000), rng.randrange(0x110000)]))
                       for _ in range(rng.randint(0, 10)))
        want = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
        assert width(text) == want, text


def test_a_file_rendered_early_is_printed_as_rendered_and_only_for_its_own_result() -> None:
    """A batch renders each file as its result arrives (``options["rendered"]``); the report prints that text
    for the very result it was made from, and renders anything else itself, the same as without it."""
    from reportlint.reporters.text import renderer

    def result(name: str) -> FileResult:
        f = Finding(path=name, rule="T101", name="doubled-char", severity="warning", message="这里多打了一个字",
                    block=0, start=2, end_block=0, end=3, excerpt="的", suggestion="的")
        return FileResult(name, findings=[f], lines={0: "我们的的工作"})

    a, b = result("甲.txt"), result("乙.txt")
    options = {"color": False, "summary": summary([a, b]), "width": None}
    plain = io.StringIO()
    report_text([a, b], plain, options)
    render = renderer(options)
    assert plain.getvalue().startswith(render(a) + render(b))
    early = io.StringIO()
    report_text([a, b], early, {**options, "rendered": {id(a): (a, render(a)), id(b): (b, render(b))}})
    assert early.getvalue() == plain.getvalue()
    marked = io.StringIO()
    stale = result("乙.txt")  # same content, another object: its text is not used for b
    report_text([a, b], marked, {**options, "rendered": {id(a): (a, "甲.txt: 已渲染\n"), id(b): (stale, "旧\n")}})
    assert marked.getvalue() == plain.getvalue().replace(render(a), "甲.txt: 已渲染\n", 1)


def test_an_excerpt_with_nothing_to_escape_is_shown_as_the_general_path_shows_it() -> None:
    """``_render`` takes a short cut when the excerpt has no tab and nothing to escape; it must give what the
    general path (each piece made safe and measured by ``_shown``) gives, on random excerpts."""
    import random

    from reportlint.reporters.text import _render, _shown

    def general(text: str, lo: int, start: int, end: int, hi: int) -> tuple[str, int, int]:
        prefix = "…" if lo > 0 else ""
        before, pad = _shown(text[lo:start], width(prefix))
        before, pad = prefix + before, pad + width(prefix)
        span, columns = _shown(text[start:min(end, hi)], pad)
        after = _shown(text[min(end, hi):hi], pad + columns)[0] + ("…" if hi < len(text) else "")
        return before + span + after, pad, columns

    rng = random.Random(7)
    alphabet = "的工作ab1 ，。“”…—（）ＡＢ①\u3000e\u0301"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        lo, start, end, hi = sorted(rng.randint(0, len(text)) for _ in range(4))
        assert _render(text, lo, start, end, hi) == general(text, lo, start, end, hi)


@pytest.mark.parametrize(("suggestion", "shown"), [("：", "建议：“：”"), ("——", "建议：“——”"), ("的", "建议：的"),
                                                   ("（二）", "建议：（二）")])
def test_a_suggestion_of_marks_alone_is_quoted(suggestion: str, shown: str) -> None:
    # 建议：： reads as a stray colon; a word, or marks around a word, reads as it is
    text = "联系人: 张三"
    f = Finding(path="报告.txt", rule="T103", name="half-width", severity="warning", message="用了半角标点",
                block=0, start=3, end_block=0, end=4, excerpt=":", suggestion=suggestion)
    results = [FileResult("报告.txt", findings=[f], lines={0: text})]
    out = io.StringIO()
    report_text(results, out, {"color": False, "summary": summary(results), "width": None})
    assert shown in [line.strip() for line in out.getvalue().splitlines()]
