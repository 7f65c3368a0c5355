"""Property tests: arbitrary text never breaks the text loader, the outline or the rules, and
every location a finding reports lies inside its block."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.loaders.text import load_text
from reportlint.model import Block, Document
from reportlint.outline import build
from reportlint.testing import lint_text

MARKERS = ["一、", "（一）", "(二)", "1.", "2、", "（3）", "①", "一是", "第二，", "三、", "以下3个方面：", "。", "\n", " "]
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Zl", "Zp")), max_size=12)
report_text = st.lists(st.one_of(st.sampled_from(MARKERS), printable), max_size=60).map("".join)


@given(st.binary(max_size=400))
def test_text_loader_decodes_or_refuses_cleanly(data: bytes) -> None:
    from reportlint.errors import LoadError

    try:
        doc = load_text(Path("x.txt"), data)
    except LoadError:
        return
    assert all("\n" not in b.text and "\r" not in b.text for b in doc.blocks)
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


@given(report_text)
def test_outline_positions_are_well_formed(text: str) -> None:
    doc = Document("x.txt", tuple(Block(i, t) for i, t in enumerate(text.split("\n"))))
    out = build(doc)
    for mk in out.markers:
        assert 0 <= mk.block < len(doc.blocks)
        assert 0 <= mk.start < mk.end <= len(doc.blocks[mk.block].text)
    for i, it in enumerate(out.items):
        assert -1 <= it.parent < i


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report_text)
def test_every_rule_reports_locations_inside_the_text(tmp_path: Path, text: str) -> None:
    findings = lint_text(text, tmp_path)
    data = (tmp_path / "doc.txt").read_bytes()
    lines = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = load_text(tmp_path / "doc.txt", data).blocks  # lines broken mid-sentence are re-joined into one block
    assert all(f.rule != "X100" for f in findings), [f.message for f in findings if f.rule == "X100"]
    for f in findings:
        assert 0 <= f.block <= f.end_block < max(len(blocks), 1)
        assert 0 <= f.start <= len(blocks[f.block].text) and 0 <= f.end <= len(blocks[f.end_block].text)
        line, column, end_line, end_column = f.where()  # the file's own physical lines, 1-based
        assert 1 <= line <= end_line <= max(len(lines), 1)
        assert 1 <= column <= len(lines[line - 1]) + 1 and 1 <= end_column <= len(lines[end_line - 1]) + 1


def test_very_long_line_and_deep_nesting_do_not_raise(tmp_path: Path) -> None:
    text = "（一）" * 2000 + "一、" * 2000 + "的的" * 5000 + "“" * 3000 + "\n" + "1." * 5000
    findings = lint_text(text, tmp_path)
    assert all(f.rule != "X100" for f in findings)
