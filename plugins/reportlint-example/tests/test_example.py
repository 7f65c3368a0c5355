"""The example plugin's rule, tested with reportlint.testing like any plugin would."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import lint_text

PLUGIN = ("reportlint_example",)


@pytest.mark.parametrize("text", ["市政办发[2024]5号", "市政办发〔2024〕05号", "县委发（2023）12号"])
def test_flags_bad_doc_numbers(tmp_path: Path, text: str) -> None:
    found = lint_text(f"关于做好防汛工作的通知\n{text}\n各乡镇：", tmp_path, select="EXA", plugins=PLUGIN)
    assert [f.rule for f in found] == ["EXA101"]
    assert found[0].suggestion and "〔" in found[0].suggestion


def test_silent_on_correct_doc_number(tmp_path: Path) -> None:
    found = lint_text("关于做好防汛工作的通知\n市政办发〔2024〕5号\n各乡镇：", tmp_path, select="EXA", plugins=PLUGIN)
    assert found == []
