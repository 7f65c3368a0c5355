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
    code = ("import atexit, sys; from pathlib import Path; from reportlint.cli import entry\n"
            f"atexit.register(lambda: Path({str(marker)!r}).write_text('yes'))\n"
            "sys.argv = ['reportlint', 'check', '--no-cache', sys.argv[1]]\n"
            "entry()\n")
    done = subprocess.run([sys.executable, "-c", code, str(f)], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}, timeout=300)
    assert done.returncode == 1 and "N101" in done.stdout
    assert marker.read_text() == "yes"
