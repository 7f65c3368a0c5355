"""Installing the plugin costs a run over .txt files nothing at start-up."""

from __future__ import annotations

import subprocess
import sys


def test_registering_the_plugin_does_not_import_its_checks() -> None:
    code = ("import sys, reportlint_gbt9704 as p; "
            "print('reportlint_gbt9704.checks' in sys.modules, 'reportlint.loaders.docx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_text_file_does_not_load_the_layout_checks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "r.txt"
    report.write_text("关于开展调研的报告\n一、基本情况\n今年走访了三个乡镇。\n", encoding="utf-8")
    code = ("import sys; from reportlint.api import lint_file; "
            f"lint_file({str(report)!r}); print('reportlint_gbt9704.checks' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-1] == "False"
