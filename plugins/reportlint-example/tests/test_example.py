"""The example plugin's rule, tested with reportlint.testing like any plugin would."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import lint_text

PLUGIN = ("reportlint_example",)


@pytest.mark.parametrize(("text", "fixed"), [("市政办发〔2024〕05号", "市政办发〔2024〕5号"),
                                           ("县委发〔2023〕第12号", "县委发〔2023〕12号")])
def test_flags_bad_serial_numbers(tmp_path: Path, text: str, fixed: str) -> None:
    found = lint_text(f"关于做好防汛工作的通知\n{text}\n各乡镇：", tmp_path, select="EXA", plugins=PLUGIN)
    assert [(f.rule, f.suggestion) for f in found] == [("EXA101", fixed)]


def test_leaves_year_brackets_to_reportlint(tmp_path: Path) -> None:
    """Square or round brackets around the year are reportlint's own T104: one finding, not two."""
    found = lint_text("关于做好防汛工作的通知\n市政办发[2024]5号\n各乡镇：", tmp_path, select="EXA,T104", plugins=PLUGIN)
    assert [f.rule for f in found] == ["T104"]


def test_silent_on_correct_doc_number(tmp_path: Path) -> None:
    found = lint_text("关于做好防汛工作的通知\n市政办发〔2024〕5号\n各乡镇：", tmp_path, select="EXA", plugins=PLUGIN)
    assert found == []


def test_a_decree_keeps_its_di(tmp_path: Path) -> None:
    """Decrees are numbered 第N号 by design (政府令, 主席令): no finding."""
    found = lint_text("市人民政府关于修改部分规章的决定\n市政府令〔2019〕第8号\n", tmp_path, select="EXA", plugins=PLUGIN)
    assert found == []
