"""reportlint plugin: the page layout of .docx files against GB/T 9704-2012 《党政机关公文格式》.

Installed, reportlint finds it through the ``reportlint`` entry-point group::

    [project.entry-points.reportlint]
    gbt9704 = "reportlint_gbt9704"

The checks reopen the checked .docx read-only (see ``package.py``); other file types give no
layout finding, and neither does a document that is no 公文 (``is_official``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlint import hookimpl

# check name → function in ``checks``; that module (and the .docx reading behind it) is imported on
# the first check of a document, so a run over .txt files does not pay for it at start-up
CHECKS = {
    "gbt9704.paper": "check_paper",
    "gbt9704.margins": "check_margins",
    "gbt9704.body-font": "check_body_font",
    "gbt9704.title-font": "check_title_font",
    "gbt9704.heading-font": "check_heading_font",
    "gbt9704.line-grid": "check_line_grid",
    "gbt9704.page-number": "check_page_number",
    "gbt9704.page-number-position": "check_page_number_position",
    "gbt9704.body-indent": "check_body_indent",
    "gbt9704.text-colour": "check_text_colour",
}


# the kinds of 公文 of the 《党政机关公文处理工作条例》 (2012) 第八条, whose layout GB/T 9704 sets; a
# title ending in one of them (……的通知, 工作报告, 会议纪要) makes the document one. A technical summary on a
# company form, a project guide or a student's own summary is no 公文: its layout is its own, and judging it by
# GB/T 9704 only raises false alarms
_KINDS = ("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案",
          "函", "纪要")
_TRAILING_NOTE = re.compile(r"\s*(?:[（(][^（）()]{0,20}[）)]\s*)+$")  # （征求意见稿）, （2024年）, a writer's note
# … and so do the parts only a 公文 has near its top: a 发文字号 (GB/T 9704 §7.2.4), the 主送机关 (§7.3.2) and the
# 附件 heading of an attachment sent with one (§7.3.5)
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号")
_ADDRESSEES = re.compile(r"\s*各[^。；;：:]{1,60}[：:]\s*$")
_ATTACHMENT = re.compile(r"\s*附件\s*\d{0,2}\s*[：:]?\s*$")
_HEAD_BLOCKS = 10  # non-blank paragraphs looked at for those parts


def is_official(ctx: Any) -> bool:
    """Whether the document is a 公文 that GB/T 9704 applies to: its title names a 公文 kind, or its first paragraphs
    hold a 发文字号 or the 主送机关, or it opens as an attachment (附件2：)."""
    titles = (ctx.outline.title.text if ctx.outline.title else "", ctx.doc.title or "")
    if any(_TRAILING_NOTE.sub("", t.strip()).endswith(_KINDS) for t in titles):
        return True
    head = [b.text for b in ctx.doc.blocks[:4 * _HEAD_BLOCKS] if b.text.strip()][:_HEAD_BLOCKS]
    return bool(head) and (bool(_ATTACHMENT.match(head[0]))
                           or any(_DOC_NUMBER.search(t) or _ADDRESSEES.match(t) for t in head))


def _deferred(function: str) -> Callable[[Any, Any], Any]:
    def check(ctx: Any, rule: Any) -> Any:
        if not ctx.memo("gbt9704.is_zip", lambda: _is_zip(ctx.doc.path)):  # once per file, not per rule
            return ()  # a .txt, .pdf or .doc: no page layout to read (``package.read_package`` says the same)
        if not ctx.memo("gbt9704.official", lambda: is_official(ctx)):
            return ()  # no 公文: GB/T 9704 does not apply
        from . import checks

        return getattr(checks, function)(ctx, rule)

    check.__name__ = check.__qualname__ = function
    return check


def _is_zip(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == b"PK"
    except (OSError, TypeError, ValueError):
        return False


@hookimpl
def register_checks(register):  # type: ignore[no-untyped-def]
    for name, function in CHECKS.items():
        register(name, _deferred(function))


@hookimpl
def register_rulebooks(register):  # type: ignore[no-untyped-def]
    # the folder beside this module, as reportlint's own rules are found: importing importlib.resources (for
    # ``files(__package__)``, needed only by a plugin installed as a zip) cost a one-report check 6-8 ms
    register(Path(__file__).with_name("rules"))
