"""The README's per-role recipes do what it says: the pre-commit entry with a baseline blocks only
new findings, and the workflow's commands are options reportlint has."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from reportlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> int:
    with pytest.raises(SystemExit) as exc:
        main(args)
    capsys.readouterr()
    return int(exc.value.code or 0)


def test_the_pre_commit_entry_with_a_baseline_blocks_only_new_findings(tmp_path: Path, capsys, monkeypatch) -> None:
    entry = re.search(r"^\s*entry: (reportlint check .*--baseline .*)$", README, re.M)
    assert entry, "the README's pre-commit recipe has an entry with --baseline"
    argv = shlex.split(entry.group(1))[1:]
    baseline = argv[argv.index("--baseline") + 1]
    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "总结.txt"
    doc.write_text("关于调研的总结\n一、主要工作\n（一）走访社区。\n（一）召开座谈会。\n", encoding="utf-8")
    assert run(["check", "--no-cache", str(doc), "--write-baseline", baseline], capsys) == 0
    assert run(["check", "--no-cache", *argv[1:], str(doc)], capsys) == 0  # accepted findings: the commit passes
    doc.write_text(doc.read_text(encoding="utf-8") + "开展了的的调研。\n", encoding="utf-8")
    assert run(["check", "--no-cache", *argv[1:], str(doc)], capsys) == 1  # a new one blocks it


def test_the_workflow_commands_are_valid(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("关于调研的总结\n开展了调研。\n", encoding="utf-8")
    assert run(["check", "docs/", "--write-baseline", ".reportlint-baseline.json"], capsys) == 0
    commands = re.findall(r"^\s*run: (reportlint check [^>\n]*?)(?: > \S+)?$", README, re.M)
    assert len(commands) == 2
    for line in commands:
        assert run(shlex.split(line)[1:], capsys) in (0, 1), line
