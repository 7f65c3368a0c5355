"""A real pre-commit run of this repository's hook on a temporary git repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_BESIDE = Path(sys.executable).with_name("pre-commit")
PRE_COMMIT = str(_BESIDE) if _BESIDE.exists() else shutil.which("pre-commit")
needs_pre_commit = pytest.mark.skipif(PRE_COMMIT is None or shutil.which("git") is None,
                                      reason="pre-commit (installed with the test extras) and git are needed")


def _index_reachable(tmp_path: Path) -> bool:
    """pre-commit installs the hook into a new virtualenv from the package index: probe it the same
    way (same pip configuration) for the build backend and every dependency the project names (a partial local
    mirror may hold some and not others)."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    needed = [*project["build-system"]["requires"], *project["project"]["dependencies"]]
    probe = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-cache-dir",
             "-q", "-d", str(tmp_path / "probe"), *needed]
    try:
        return subprocess.run(probe, capture_output=True, timeout=180).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.fixture
def index(tmp_path: Path) -> None:
    if not _index_reachable(tmp_path):
        pytest.skip("the package index is unreachable: pre-commit cannot install the hook")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _hook() -> dict[str, str]:
    """The hook's scalar fields, read without a YAML library (one ``key: value`` per line)."""
    out = {}
    for line in (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines():
        key, sep, value = line.strip().removeprefix("- ").partition(": ")
        if sep and not key.startswith("#"):
            out[key] = value.strip().strip("'")
    return out


@pytest.mark.parametrize(("name", "matched"), [("报告.docx", True), ("REPORT.DOCX", True), ("总结.Txt", True),
                                               ("a.PDF", True), ("notes.md", True), ("a.docx.bak", False),
                                               ("pic.png", False)])
def test_hook_file_pattern_ignores_case(name: str, matched: bool) -> None:
    assert bool(re.search(_hook()["files"], name)) is matched


def test_hook_honours_the_configured_exclusions() -> None:
    assert "--force-exclude" in _hook()["entry"].split()


@needs_pre_commit
def test_pre_commit_try_repo_fails_on_defects_and_passes_when_clean(tmp_path: Path, index: None) -> None:
    repo = tmp_path / "docs"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.com")
    _git(repo, "config", "user.name", "t")
    report = repo / "总结.txt"
    report.write_text("县机关事务中心工作总结\n一、主要工作\n（一）节能降耗。\n（一）车辆管理。\n", encoding="utf-8")
    upper = repo / "REPORT.TXT"
    upper.write_text("县机关事务中心工作总结\n一、主要工作\n（一）节能降耗。\n（三）车辆管理。\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    cmd = [str(PRE_COMMIT), "try-repo", str(ROOT), "reportlint", "--all-files"]
    bad = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert bad.returncode != 0, bad.stdout + bad.stderr
    assert "N101" in bad.stdout and "REPORT.TXT" in bad.stdout and "N102" in bad.stdout
    clean = ("县机关事务中心工作总结\n一、主要工作\n（一）节能降耗。\n（二）车辆管理。\n二、存在的问题\n"
             "资产数据更新滞后。\n三、下一步工作打算\n2025年6月底前完成资产清查。\n")
    report.write_text(clean, encoding="utf-8")
    upper.write_text(clean, encoding="utf-8")
    (repo / "~$总结.docx").write_bytes(b"owner file Word leaves beside an open document")
    _git(repo, "add", ".")
    good = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert good.returncode == 0, good.stdout + good.stderr
