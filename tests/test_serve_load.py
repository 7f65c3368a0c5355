"""A burst of concurrent uploads to ``reportlint serve`` (the benchmark's function, fewer uploads):
every answer carries the CLI's findings, and no more workers run at once than the checker processes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from reportlint.runner import cpu_count

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and fork: Linux only")


def test_six_concurrent_uploads_all_answered_with_the_cli_findings(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "serve_load", Path(__file__).resolve().parent.parent / "benchmarks" / "serve_load.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    figures = module.burst(6, tmp_path)  # raises when an answer differs from `reportlint check`
    assert figures["uploads"] == 6 and figures["findings"] > 0
    # the server, its checker processes and at most one worker (or annotating child) under each: checks wait
    # for a free checker, so the memory stays bounded
    checkers = max(2, cpu_count())
    assert checkers + 1 <= figures["peak_processes"] <= 2 * checkers + 1
