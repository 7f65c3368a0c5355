"""Example reportlint plugin: the 发文字号 format of GB/T 9704-2012 §7.2.5.

Install it and reportlint finds it through the ``reportlint`` entry-point group::

    [project.entry-points.reportlint]
    example = "reportlint_example"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from reportlint import Context, Finding, Rule, hookimpl

_DOC_NUMBER = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<org>[\u4e00-\u9fff]{1,8})(?P<open>[\[［【（(〔])(?P<year>(?:19|20)\d\d)"
    r"(?P<close>[\]］】）)〕])(?P<di>第?)(?P<num>\d{1,4})号"
)


# decrees (政府令〔2010〕第15号) and the issues of minutes (会议纪要〔2021〕第2号, numbered as 期) take 第 by design
_NUMBERED_BY_DI = ("令", "纪要")


def check_doc_number(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Finds 发文字号 (机关代字〔年份〕序号号) and reports a serial number padded with zeros
    (编虚位) or preceded by 第. The brackets around the year are reportlint's own T104, so
    this plugin leaves them alone and never reports the same place twice.
    ## Parameters
    None.
    ## Example
    市政办发〔2024〕05号 → EXA101, suggesting 市政办发〔2024〕5号. A decree's number
    (政府令〔2010〕第15号, 主席令第3号) and a 纪要's issue (会议纪要〔2021〕第2号) take 第 by design
    and are left alone; so is a number whose 机关代字 is no word of up to 8 characters (it would be
    cut mid-word)."""
    for block in ctx.doc.blocks:
        if "号" not in block.text:  # every 发文字号 ends with 号: most paragraphs need no search at all
            continue
        for m in _DOC_NUMBER.finditer(block.text):
            padded = len(m["num"]) > 1 and m["num"].startswith("0")
            if padded or (m["di"] and not m["org"].endswith(_NUMBERED_BY_DI)):
                fixed = f"{m['org']}{m['open']}{m['year']}{m['close']}{int(m['num'])}号"
                yield rule.finding(ctx.doc, block.index, m.start(), m.end(), text=m.group(), expected=fixed,
                                   suggestion=fixed)


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    register("example.doc-number", check_doc_number)


@hookimpl
def register_rulebooks(register):  # type: ignore[no-untyped-def]
    # the folder beside this module, as reportlint's own rules are found: importing importlib.resources (for
    # ``files(__package__)``, needed only by a plugin installed as a zip) cost a one-report check 6-8 ms
    register(Path(__file__).with_name("rules"))
