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


@pytest.mark.parametrize("text", ["局长办公会会议纪要〔2021〕第2号", "市政府常务会议纪要〔2023〕第5号"])
def test_the_issue_of_minutes_keeps_its_di(tmp_path: Path, text: str) -> None:
    """A 纪要 is numbered by issue, 第N号 (or 第N期); and a 机关代字 is never cut mid-word."""
    assert lint_text(f"会议纪要\n{text}\n", tmp_path, select="EXA", plugins=PLUGIN) == []


def test_a_long_name_before_the_number_is_not_cut_mid_word(tmp_path: Path) -> None:
    text = "关于做好防汛工作的通知\n某某市某某区人民政府办公室〔2024〕05号\n"
    assert lint_text(text, tmp_path, select="EXA", plugins=PLUGIN) == []
