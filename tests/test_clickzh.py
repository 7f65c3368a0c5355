"""click's own messages in Chinese: usage errors and the --help headings."""

from __future__ import annotations

import pytest

from reportlint import __version__
from reportlint.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_usage_errors_are_in_chinese(capsys) -> None:
    code, _, err = run(["check", "--no-such-option", "x.txt"], capsys)
    assert code == 3
    assert "用法： reportlint check" in err and "错误：没有选项" in err and "查看帮助" in err
    assert "Usage" not in err and "Error" not in err
    code, _, err = run(["check", "--fail-on", "severe", "x.txt"], capsys)
    assert code == 3 and "的值无效" in err and "之一" in err
    code, _, err = run(["chek"], capsys)
    assert code == 3 and "没有命令" in err and "是否想用" in err


def test_help_headings_are_in_chinese(capsys) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    assert "用法：" in out and "选项" in out and "命令" in out and "显示本帮助并退出。" in out
    assert "Options" not in out and "Commands" not in out and "Show this message" not in out
    code, out, _ = run(["--version"], capsys)
    assert out.strip() == f"reportlint，版本 {__version__}"


def test_help_is_laid_out_by_terminal_columns(capsys, monkeypatch) -> None:
    # a Chinese character takes two columns: descriptions line up after 文件 as after TEXT, no line runs past the
    # terminal, and no option or word of Latin letters is cut in two
    from reportlint.textutil import display_width as width

    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(["check", "--help"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert all(width(line) <= 80 for line in lines)
    starts = {width(line[:line.index("配置文件")]) for line in lines if line.lstrip().startswith("--config")}
    starts |= {width(line[:line.index("只运行")]) for line in lines if line.lstrip().startswith("--select")}
    assert len(starts) == 1
    assert "html" in out and not any(line.rstrip().endswith("htm") for line in lines)
