"""What a one-report check pays before and after its rules: the command's exit, the cache keys of the
rule data (issue #20, start-up). Speed itself is never asserted; what is asserted is the work skipped
and that the outcome is the same."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import lexicon as lexicon_module

DEFECTIVE = "关于加强作风建设的工作总结\n一、主要工作\n（一）加强学习。\n（一）完善制度。\n二、存在的问题\n学习不够深入。\n"


def _dict_dir(tmp_path: Path) -> Path:
    (tmp_path / "gongwen.txt").write_text("扶贫再贷款\n", encoding="utf-8")
    (tmp_path / "gov.txt").write_text("三严三实 1000 n\n", encoding="utf-8")
    (tmp_path / "charsim.json").write_text('{"shape": {"贩": "贝 反"}, "sound": {}}', encoding="utf-8")
    return tmp_path


def test_the_lexicon_stamp_follows_its_files_without_reading_them(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _dict_dir(tmp_path)
    first = lexicon_module._stamp(None, folder)

    def no_reading(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("the stamp read a file")

    with monkeypatch.context() as m:
        m.setattr(Path, "read_bytes", no_reading)
        m.setattr(Path, "read_text", no_reading)
        assert lexicon_module._stamp(None, folder) == first
    with (folder / "charsim.json").open("a", encoding="utf-8") as fh:
        fh.write(" ")
    edited = lexicon_module._stamp(None, folder)
    assert edited != first
    (folder / "gov.txt").unlink()
    assert lexicon_module._stamp(None, folder) not in (first, edited)


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300)


def test_the_command_exits_with_main_s_status_and_output(tmp_path: Path) -> None:
    """``python -m reportlint`` (``entry``) skips the interpreter's teardown: the same output, flushed,
    and the same exit status as ``main``, which tests call in-process."""
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}
    code = ("import sys; from reportlint.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n    sys.stdout.flush(); raise\n")
    via_main = subprocess.run([sys.executable, "-c", code, "check", "--no-cache", str(f)], capture_output=True,
                              text=True, cwd=tmp_path, env=env, timeout=300)
    via_entry = _run(["check", "--no-cache", str(f)], tmp_path, env)
    assert via_entry.returncode == via_main.returncode == 1
    assert via_entry.stdout == via_main.stdout and "N101" in via_entry.stdout
    assert via_entry.stderr == via_main.stderr == ""
    usage = _run(["check", "--no-such-option", str(f)], tmp_path, env)
    assert usage.returncode == 3 and "--no-such-option" in usage.stderr
    assert _run(["--version"], tmp_path, env).returncode == 0


def test_the_command_still_runs_what_was_registered_to_run_at_exit(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    marker = tmp_path / "atexit-ran"
    code = ("import atexit, sys; from pathlib import Path; from reportlint.command import entry\n"
            f"atexit.register(lambda: Path({str(marker)!r}).write_text('yes'))\n"
            "sys.argv = ['reportlint', 'check', '--no-cache', sys.argv[1]]\n"
            "entry()\n")
    done = subprocess.run([sys.executable, "-c", code, str(f)], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}, timeout=300)
    assert done.returncode == 1 and "N101" in done.stdout
    assert marker.read_text() == "yes"


def test_a_profiled_run_ends_as_usual_so_the_profiler_reports(tmp_path: Path) -> None:
    """``python -m cProfile -m reportlint check …``: with a profiler on, the teardown is not skipped. (The run builds the
    word tables in its empty cache folder under the profiler, which slows it several times: the file's time limit is
    raised, or a slow machine's run ends in X101 before the check this test is about.)"""
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cProfile", "-m", "reportlint", "check", "--no-cache",
                           "--timeout", "240", str(f)],
                          capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}, timeout=300)
    assert "N101" in done.stdout and "function calls" in done.stdout


PLAIN = [
    ["check", "a.txt"],
    ["check", "--no-cache", "a.txt", "b.docx"],
    ["check", "a.txt", "--format", "json", "--select", "N1,S101"],
    ["check", "--format=sarif", "--ignore=T105", "--extend-select", "B105", "--profile", "工作总结", "a.txt"],
    ["check", "--exit-zero", "--statistics", "报告.txt", "--no-cache"],
    ["check", "--select", "=N1", "a=b.txt"],
]
NOT_PLAIN = [
    [], ["check"], ["--version"], ["rules"], ["check", "-h"], ["check", "--help"], ["check", "-"],
    ["check", "--", "a.txt"], ["check", "a.txt", "--select"], ["check", "a.txt", "--select", "--ignore"],
    ["check", "a.txt", "--select="], ["check", "a.txt", "--no-cache=1"], ["check", "a.txt", "--no-cache", "--no-cache"],
    ["check", "a.txt", "--select", "N1", "--select", "S1"], ["check", "a.txt", "--jobs", "2"], ["check", "a.txt", "-j2"],
    ["check", "a.txt", "--timeout", "3"], ["check", "a.txt", "--fail-on", "error"], ["check", "a.txt", "--debug"],
    ["check", "a.txt", "--config", "x.toml"], ["check", "a.txt", "--fix", "b.txt"], ["check", "", "a.txt"],
    ["check", "a.txt", "--no-cach"], ["extract", "a.txt"],
]


def _click_params(args: list[str]) -> dict[str, object]:
    import click

    from reportlint.cli import check, cli

    parent = click.Context(cli, info_name="reportlint", **cli.context_settings)
    with check.make_context("check", list(args[1:]), parent=parent) as ctx:
        return dict(ctx.params)


@pytest.mark.parametrize("args", PLAIN)
def test_a_plain_check_command_line_gets_the_parameters_click_gives(args: list[str]) -> None:
    from reportlint.command import plain_check

    assert plain_check(args) == _click_params(args)


@pytest.mark.parametrize("args", NOT_PLAIN)
def test_any_other_command_line_goes_to_click(args: list[str]) -> None:
    from reportlint.command import plain_check

    assert plain_check(args) is None


def test_the_defaults_are_those_of_every_option_of_check() -> None:
    from reportlint.cli import check
    from reportlint.command import CHECK_DEFAULTS, FLAGS, PLAIN_OPTIONS

    assert set(CHECK_DEFAULTS) == {p.name for p in check.params}
    assert CHECK_DEFAULTS == _click_params(["check"])
    options = {o: p for p in check.params for o in p.opts}
    for flag, name in FLAGS.items():
        assert options[flag].name == name and options[flag].is_flag  # type: ignore[attr-defined]
    for option, name in PLAIN_OPTIONS.items():
        param = options[option]
        assert param.name == name and param.type.name == "text" and param.callback is None and not param.multiple  # type: ignore[attr-defined]


@pytest.mark.parametrize("args", [
    ["check", "--select", ",", "a.txt"],  # an empty list of codes
    ["check", "--select", "Q9", "a.txt"],  # no such rule (found after the files are listed)
    ["check", "--format", "yaml", "a.txt"],
    ["check", "--profile", "没有这个文种", "a.txt"],
])
def test_a_plain_command_line_s_usage_error_reads_as_click_s(tmp_path: Path, args: list[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}
    fast = _run(args, tmp_path, env)
    code = "import sys; from reportlint.cli import main\nmain(sys.argv[1:])\n"
    slow = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=tmp_path, env=env,
                          timeout=300)
    assert fast.returncode == slow.returncode == 3
    assert fast.stderr == slow.stderr and "reportlint check [OPTIONS]" in fast.stderr
    assert fast.stdout == slow.stdout == ""


def test_a_plain_check_imports_no_click_and_with_the_cache_off_no_cache_code(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    code = ("import atexit, sys; from reportlint.command import entry\n"
            "atexit.register(lambda: print(sorted(m for m in sys.modules if m.split('.')[0] == 'click'\n"
            "                                     or m in ('json', 'reportlint.cache'))))\n"
            "sys.argv = ['reportlint', 'check', '--no-cache', '--select', 'N1', sys.argv[1]]\n"
            "entry()\n")
    done = subprocess.run([sys.executable, "-c", code, str(f)], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}, timeout=300)
    assert done.returncode == 1 and "N101" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"
