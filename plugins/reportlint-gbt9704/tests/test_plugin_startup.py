"""Installing the plugin costs a run over .txt files nothing at start-up."""

from __future__ import annotations

import subprocess
import sys


def test_registering_the_plugin_does_not_import_its_checks() -> None:
    code = ("import sys, reportlint_gbt9704 as p; "
            "print('reportlint_gbt9704.checks' in sys.modules, 'reportlint.loaders.docx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
