"""residue: the blocks a site left in the text, found as the list-based definition finds them."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint import residue
from reportlint.model import Block, Document
from reportlint.scan import Body

PARAMS: dict[str, Any] = {
    "patterns": [r"温馨提示[:：]?", r"原文链接[:：]?"],
    "head_patterns": [r"^\s*主办[:：]"],
    "tail_patterns": [r"打印本页|关闭窗口"],
    "notice_patterns": [r"版权所有"],
    "notice_chars": 40,
}
PIECES = ["温馨提示：", "原文链接", "主办：", "打印本页", "版权所有", "各单位要抓好落实", "，", "。", " ", "\u3000",
          "推进重点工作落实到位取得实效确保"]


def _by_definition(doc: Document, params: dict[str, Any]) -> set[int]:
    """residue_blocks as first written: every non-blank block listed, then sliced from each end."""
    limit = params.get("max_block_chars", 300)
    filled = [b for b in doc.blocks if b.text and not b.text.isspace()]
    head = set()
    for b in filled[: params.get("head_blocks", 8)]:
        if len(b.text.strip()) >= 20 and (re.search(r"[。！？]", b.text) or len(re.findall(r"[，,]", b.text)) >= 2):
            break
        head.add(b.index)
    tail = {b.index for b in filled[-params.get("tail_blocks", 6):]}
    alt = "|".join(f"(?:{p})" for p in params["patterns"])
    found = {b.index for b in doc.blocks if re.search(alt, b.text, re.M)}
    at_head = re.compile("|".join(f"(?:{p})" for p in params["head_patterns"]), re.M)
    at_tail = re.compile("|".join(f"(?:{p})" for p in params["tail_patterns"]), re.M)
    notice = re.compile("|".join(f"(?:{p})" for p in params["notice_patterns"]), re.M)
    budget, last, from_notice = params["notice_chars"], [], None
    for b in reversed(filled):
        budget -= len(b.text)
        if budget < 0:
            break
        last.append(b)
    for b in last:
        if len(b.text.strip()) <= limit and notice.search(b.text):
            from_notice = b.index
    picks = filled if from_notice is not None else [b for b in filled if b.index in found | head | tail]
    return {b.index for b in picks
            if not (len(b.text) > limit and len(b.text.strip()) > limit)
            and ((from_notice is not None and b.index >= from_notice) or b.index in found
                 or (b.index in head and at_head.search(b.text)) or (b.index in tail and at_tail.search(b.text)))}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=4).map("".join), max_size=14),
       st.integers(-2, 10), st.integers(-2, 8))
def test_residue_blocks_are_those_of_the_list_based_definition(texts: list[str], head: int, tail: int) -> None:
    doc = Document("x.txt", tuple(Block(i, t) for i, t in enumerate(texts)))
    params = {**PARAMS, "head_blocks": head, "tail_blocks": tail}
    assert residue.find(doc, Body(doc.blocks), params) == _by_definition(doc, params)
