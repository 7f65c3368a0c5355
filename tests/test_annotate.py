"""--annotate anchors each comment on exactly the finding's characters (runs split there, their
formatting kept); a finding on a Word list label is a point comment at the paragraph's start."""

from __future__ import annotations

from pathlib import Path

from conftest import level as lvl
from conftest import make_docx, numbering

from reportlint.annotate import annotate
from reportlint.loaders.docx import load_docx
from reportlint.model import Finding

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _finding(block: int, start: int, end: int, rule: str = "T101", end_block: int | None = None) -> Finding:
    return Finding(path="r.docx", rule=rule, name="n", severity="warning", message="请改正", block=block,
                   start=start, end_block=block if end_block is None else end_block, end=end, excerpt="")


def _ranges(path: Path) -> dict[str, tuple[int, str, str]]:
    """For each comment id: the paragraph index and the text before and inside its range, read
    back with python-docx from the commentRangeStart/End elements."""
    import docx

    out: dict[str, tuple[int, str, str]] = {}
    for i, p in enumerate(docx.Document(str(path)).paragraphs):
        text, starts = "", {}
        for el in p._p.iter(W + "t", W + "commentRangeStart", W + "commentRangeEnd"):
            if el.tag == W + "t":
                text += el.text or ""
            elif el.tag == W + "commentRangeStart":
                starts[el.get(W + "id")] = len(text)
            else:
                cid = el.get(W + "id")
                out[cid] = (i, text[:starts[cid]], text[starts[cid]:])
    return out


def _source(tmp_path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("关于改进调研的报告")
    p = d.add_paragraph()
    p.add_run("今年开展了")
    bold = p.add_run("的的专题调研")
    bold.bold = True
    p.add_run("，走访社区。")
    d.save(str(tmp_path / "r.docx"))
    return tmp_path / "r.docx"


def test_a_comment_covers_exactly_the_excerpt(tmp_path: Path) -> None:
    import docx

    src = _source(tmp_path)
    out = tmp_path / "a.docx"
    assert annotate(src, out, [_finding(1, 5, 7), _finding(1, 11, 12, rule="T103")]) == 2
    ranges = sorted(_ranges(out).values())
    assert ranges == [(1, "今年开展了", "的的"), (1, "今年开展了的的专题调研", "，")]
    para = docx.Document(str(out)).paragraphs[1]
    assert para.text == "今年开展了的的专题调研，走访社区。"  # the text itself is untouched
    bold = [r.text for r in para.runs if r.bold]
    assert "".join(bold) == "的的专题调研" and len(bold) == 2  # split at 的的, both halves still bold


def test_the_loader_reads_the_anchor_back_as_the_finding_span(tmp_path: Path) -> None:
    src = _source(tmp_path)
    out = tmp_path / "a.docx"
    annotate(src, out, [_finding(1, 5, 7)])
    comments = load_docx(out, out.read_bytes()).meta["comments"]
    assert [(c["first"], c["start"], c["last"], c["end"]) for c in comments] == [(1, 5, 1, 7)]


def test_a_span_over_two_paragraphs(tmp_path: Path) -> None:
    src = _source(tmp_path)
    out = tmp_path / "a.docx"
    annotate(src, out, [_finding(0, 7, 2, end_block=1)])
    comments = load_docx(out, out.read_bytes()).meta["comments"]
    assert [(c["first"], c["start"], c["last"], c["end"]) for c in comments] == [(0, 7, 1, 2)]


def test_a_word_list_label_gets_a_point_comment_at_the_paragraph_start(tmp_path: Path) -> None:
    import docx

    num = numbering('<w:abstractNum w:abstractNumId="1">' + lvl(0, "chineseCounting", "（%1）") + "</w:abstractNum>",
                    '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    src = make_docx(tmp_path / "n.docx", [("报告", {}), ("第一项内容。", {"num": 5})], numbering_xml=num)
    block = load_docx(src, src.read_bytes()).blocks[1]
    assert block.label
    out = tmp_path / "a.docx"
    annotate(src, out, [_finding(1, 0, len(block.label), rule="N101")])
    p = docx.Document(str(out)).paragraphs[1]._p
    kids = [el.tag for el in p if el.tag != W + "pPr"]
    assert kids[:2] == [W + "commentRangeStart", W + "commentRangeEnd"]
    comments = load_docx(out, out.read_bytes()).meta["comments"]
    # read back as the whole paragraph, label included: a suppression written there covers the finding
    assert [(c["first"], c["start"], c["end"]) for c in comments] == [(1, 0, len(block.text))]
