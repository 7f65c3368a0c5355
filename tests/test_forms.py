"""Attached forms flattened into lines, one cell per line: table cells, not a broken title (X104) nor a page
header (B102). All text is written for these tests."""

from __future__ import annotations

from pathlib import Path

from reportlint.testing import lint_text

NOTICE = ("县档案局关于报送档案工作联络员名单的通知\n各股室：\n请各股室确定一名联络员，于5月10日前将登记表报送办公室。\n"
          "特此通知。\n县档案局\n2024年4月20日\n")
FORM = ["填报单位", "负责人", "姓  名", "职  务", "办公电话", "手机号码", "联络员", "姓  名", "职  务", "办公电话",
        "手机号码", "单", "位", "意", "见"]


def test_a_form_pasted_one_cell_per_line_is_a_table(tmp_path: Path) -> None:
    second = ["姓名", "所在股室", "办公电话", "手机号码", "电子邮箱"]
    text = (NOTICE + "附件1：\n档案工作联络员登记表\n" + "\n".join(FORM) + "\n备注：请于5月10日前报送。\n"
            + "附件2 回执\n" + "\n".join(second) + "\n")
    assert lint_text(text, tmp_path, select="X104,B102") == []


def test_short_lines_that_are_no_form_are_still_read(tmp_path: Path) -> None:
    # the same lines under a title that names no form: a title or a paragraph broken into words
    text = NOTICE + "附件1：\n档案工作联络员的职责\n" + "\n".join(FORM) + "\n"
    assert {f.rule for f in lint_text(text, tmp_path, select="X104")} == {"X104"}


def test_a_list_of_attachments_is_no_form(tmp_path: Path) -> None:
    # 附件：1.报名表 lists the attachments; the short lines after it are no form's cells
    text = NOTICE + "附件：1.联络员登记表\n2.工作职责\n" + "\n".join(FORM) + "\n"
    assert {f.rule for f in lint_text(text, tmp_path, select="X104")} == {"X104"}
