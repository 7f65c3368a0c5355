"""Suppressions written into the document: Word comments and text-file comment lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.suppress import parse
from reportlint.testing import lint_path, lint_text

BAD = "今年的工作有进展,成效明显。"  # half-width punctuation in a Chinese sentence: T103


def _codes(findings: list) -> list[tuple[str, int]]:
    return [(f.rule, f.where()[0]) for f in findings]


def test_parse_codes_prefixes_and_reason() -> None:
    assert parse("reportlint: ignore N105,T1 引用原文") == ("ignore", ("N105", "T1"), "引用原文")
    assert parse("reportlint：ignore-file S101 附件另行报送") == ("ignore-file", ("S101",), "附件另行报送")
    assert parse("reportlint: ignore N105") == ("ignore", ("N105",), "")
    assert parse("reportlint: ignore N105 （在此写明理由）")[2] == ""  # the --annotate placeholder is no reason
    assert parse("reportlint: ignore N105, because quoted") == ("ignore", ("N105",), "because quoted")
    assert parse("审阅意见：此处引用原文") is None


def test_text_ignore_next_line(tmp_path: Path) -> None:
    text = f"{BAD}\n<!-- reportlint: ignore T1 引用他人原话, 保持原样 -->\n\n{BAD}\n"
    found = lint_text(text, tmp_path, select="T103,X106")
    # line 4 is suppressed; the comment line itself (with its half-width comma) is not checked
    assert _codes(found) == [("T103", 1)]


def test_text_unused_and_reasonless_suppressions_are_reported(tmp_path: Path) -> None:
    text = f"<!-- reportlint: ignore T103 已核对 -->\n正常的句子。\n<!-- reportlint: ignore T103 -->\n{BAD}\n"
    found = lint_text(text, tmp_path, select="T103,X106")
    assert _codes(found) == [("X106", 1), ("X106", 3)]
    assert "没有起作用" in found[0].message and "理由" in found[1].message


def test_text_unknown_code_is_reported(tmp_path: Path) -> None:
    found = lint_text(f"<!-- reportlint: ignore Q999 引用 -->\n{BAD}\n", tmp_path, select="T103,X106")
    assert sorted(_codes(found)) == [("T103", 2), ("X106", 1)]
    assert "Q999" in found[1].message or "Q999" in found[0].message


def test_text_disable_enable_passage_and_ignore_file(tmp_path: Path) -> None:
    text = (f"{BAD}\n<!-- reportlint: disable T103 转载原文 -->\n{BAD}\n{BAD}\n<!-- reportlint: enable T103 -->\n{BAD}\n")
    assert _codes(lint_text(text, tmp_path, select="T103,X106")) == [("T103", 1), ("T103", 6)]
    whole = f"{BAD}\n{BAD}\n<!-- reportlint: ignore-file T1 全文为转载 -->\n"
    assert lint_text(whole, tmp_path, select="T103,X106") == []


def test_suppression_of_a_rule_not_run_is_not_unused(tmp_path: Path) -> None:
    # --select without T103: the comment is not stale, the rule simply did not run
    assert lint_text(f"<!-- reportlint: ignore T103 引用 -->\n{BAD}\n", tmp_path, select="X106") == []


def _commented_docx(path: Path, comments: list[tuple[int, int, str]], paragraphs: list[str]) -> Path:
    """A .docx whose comments are written straight into the XML: (first, last, text) anchor a
    comment from paragraph ``first`` to ``last`` with commentRangeStart/End."""
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn

    document = docx.Document()
    paras = [document.add_paragraph(t) for t in paragraphs]
    anchor = document.add_paragraph("附注")  # a run to hang the comments on with python-docx's API
    for i, (first, last, text) in enumerate(comments):
        comment = document.add_comment(anchor.runs, text=text, author="审阅人")
        cid = str(comment.comment_id)
        # move the anchors python-docx wrote onto the wanted paragraphs
        for el in list(anchor._p):
            if el.tag in (qn("w:commentRangeStart"), qn("w:commentRangeEnd")) and el.get(qn("w:id")) == cid:
                anchor._p.remove(el)
        start = anchor._p.makeelement(qn("w:commentRangeStart"), {qn("w:id"): cid})
        end = anchor._p.makeelement(qn("w:commentRangeEnd"), {qn("w:id"): cid})
        paras[first]._p.insert(1 if paras[first]._p.pPr is not None else 0, start)
        paras[last]._p.append(end)
        assert i == int(cid)
    document.save(str(path))
    return path


def test_docx_comment_suppresses_and_unused_is_reported(tmp_path: Path) -> None:
    path = _commented_docx(
        tmp_path / "c.docx",
        [(1, 2, "reportlint: ignore T103 引用原文"), (3, 3, "reportlint: ignore T1 已改")],
        ["关于某项工作的报告", BAD, BAD, "第三段内容。", BAD],
    )
    result = lint_path(path, select="T103,X106")
    assert result.error is None
    assert _codes(result.findings) == [("X106", 4), ("T103", 5)]
    assert "没有起作用" in result.findings[0].message


def test_docx_comment_without_reason_and_ignore_file(tmp_path: Path) -> None:
    path = _commented_docx(
        tmp_path / "d.docx",
        [(1, 1, "reportlint: ignore T103"), (0, 0, "reportlint: ignore-file T1 全文为转载")],
        ["关于某项工作的报告", BAD, BAD],
    )
    found = lint_path(path, select="T103,X106").findings
    assert _codes(found) == [("X106", 2)]
    assert "理由" in found[0].message


def test_docx_ordinary_comments_are_not_suppressions(tmp_path: Path) -> None:
    path = _commented_docx(tmp_path / "e.docx", [(1, 1, "请核实这个数字")], ["关于某项工作的报告", BAD])
    assert _codes(lint_path(path, select="T103,X106").findings) == [("T103", 2)]


def _annotated(tmp_path: Path) -> Path:
    docx = pytest.importorskip("docx")
    from reportlint.annotate import annotate

    document = docx.Document()
    document.add_paragraph("关于某项工作的报告")
    document.add_paragraph(BAD)
    src = tmp_path / "src.docx"
    document.save(str(src))
    target = tmp_path / "annotated.docx"
    assert annotate(src, target, lint_path(src, select="T103").findings) == 1
    return target


def _rewrite_comment(path: Path, new_text: str) -> None:
    """Do what a reviewer does in Word: replace the text of the (only) comment."""
    import docx

    document = docx.Document(str(path))
    comment = next(iter(document.comments))
    first, *rest = comment.paragraphs
    for p in rest:
        p._p.getparent().remove(p._p)
    for r in first.runs[1:]:
        r._r.getparent().remove(r._r)
    first.runs[0].text = new_text
    document.save(str(path))


def test_annotate_comment_holds_a_template_that_becomes_a_suppression(tmp_path: Path) -> None:
    path = _annotated(tmp_path)
    # unedited, the annotation suppresses nothing
    assert _codes(lint_path(path, select="T103,X106").findings) == [("T103", 2)]
    import docx

    text = next(iter(docx.Document(str(path)).comments)).text
    template = text.splitlines()[-1]
    assert template == "reportlint: ignore T103 （在此写明理由）"
    _rewrite_comment(path, template)  # placeholder left in place: no reason
    found = lint_path(path, select="T103,X106").findings
    assert _codes(found) == [("X106", 2)] and "理由" in found[0].message
    _rewrite_comment(path, template.replace("（在此写明理由）", "引用他人原话"))
    assert lint_path(path, select="T103,X106").findings == []


def test_docx_comment_on_a_span_suppresses_only_findings_inside_it(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("关于某项工作的报告")
    p = document.add_paragraph()
    p.add_run("今年工作有进展,")  # the comma at offset 7
    span = p.add_run("成效明显,")  # the comma at offset 12: the commented span
    p.add_run("群众满意。")
    document.add_comment([span], text="reportlint: ignore T103 引用原文", author="审阅人")
    path = tmp_path / "span.docx"
    document.save(str(path))
    found = lint_path(path, select="T103,X106").findings
    assert [(f.rule, f.start) for f in found] == [("T103", 7)]
    comment = lint_path(path, select="X106").findings  # T103 did not run: nothing stale to report
    assert comment == []


def test_x106_of_a_comment_points_at_the_text_the_comment_covers(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("关于某项工作的报告")
    p = document.add_paragraph()
    p.add_run("今年工作有进展，")
    span = p.add_run("成效明显")  # offsets 8-12
    p.add_run("，群众满意。")
    document.add_comment([span], text="reportlint: ignore T103", author="审阅人")  # no reason
    path = tmp_path / "noreason.docx"
    document.save(str(path))
    (found,) = lint_path(path, select="T103,X106").findings
    assert found.rule == "X106" and (found.block, found.start, found.end) == (1, 8, 12)
    assert found.where()[:2] == (2, 9)  # the file's own paragraph and column of the commented words


def test_suppression_over_a_defect_reported_once_elsewhere_is_not_called_stale() -> None:
    from reportlint.model import Block, Document
    from reportlint.suppress import apply
    from reportlint.testing import session

    _, book = session().books()
    rules = [book.rules["T103"], book.rules["X106"]]
    blocks = (Block(0, "标题", line=1), Block(1, BAD, line=2), Block(2, "", line=3), Block(3, BAD, line=4),
              Block(4, "", line=5), Block(5, "已改正的句子，没有问题。", line=6))
    meta = {"directives": [{"line": 3, "text": "reportlint: ignore T103 引用原文"},
                           {"line": 5, "text": "reportlint: ignore T103 引用原文"}]}
    doc = Document("a.txt", blocks, meta=meta)
    # a rule that counts a repeated defect reports it once, at its first occurrence (block 1)
    once = rules[0].finding(doc, 1, 7, 8, key="default", detail="", mark=",", right="，", count=2)
    out = apply(doc, [once], rules, book.rules)
    assert [(f.rule, f.where()[0]) for f in out] == [("T103", 2), ("X106", 5)]  # only the fixed line's is stale


def test_docx_comment_span_offsets_count_the_word_list_label(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from conftest import level, make_docx, numbering

    lvls = level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）")
    xml = numbering(f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    path = make_docx(tmp_path / "n.docx", [("关于某项工作的报告", {"style": "Title"}),
                                           ("今年工作有进展,", {"num": 1, "ilvl": 1})], numbering_xml=xml)
    document = docx.Document(str(path))
    p = document.paragraphs[1]
    span = p.add_run("成效明显,")
    p.add_run("群众满意。")
    document.add_comment([span], text="reportlint: ignore T103 引用原文", author="审阅人")
    document.save(str(path))
    found = lint_path(path, select="T103,X106").findings
    # the block reads "（一）今年工作有进展,成效明显,群众满意。": the commented comma is at 15, the other at 10
    assert [(f.rule, f.start) for f in found] == [("T103", 10)]
