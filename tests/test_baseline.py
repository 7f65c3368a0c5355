"""Baselines (--write-baseline / --baseline), --statistics and --extend-select."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint.baseline import fingerprints
from reportlint.cli import main
from reportlint.model import Finding

ORIGINAL = (
    "关于某项工作的报告\n"
    "一、总体情况\n"
    "1. 今年工作有进展,成效明显。\n"
    "2. 另一项工作稳步推进。\n"
    "3. 第三项工作有进展,成效明显。\n"
    "二、下一步\n"
    "继续做好各项工作。\n"
)
# a paragraph inserted above, another paragraph edited, the list renumbered
EDITED = (
    "关于某项工作的报告\n"
    "这是新插入的一段说明。\n"
    "一、总体情况\n"
    "1. 新加的一项工作已经完成。\n"
    "2. 今年工作有进展,成效明显。\n"
    "3. 另一项工作稳步推进，并有改动。\n"
    "4. 第三项工作有进展,成效明显。\n"
    "二、下一步\n"
    "继续做好各项工作。\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def _check(doc: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    return run(["check", "--no-cache", "--select", "T103", str(doc), *extra], capsys)


def test_baseline_survives_insertions_edits_and_renumbering(tmp_path: Path, capsys) -> None:
    doc, base = tmp_path / "r.txt", tmp_path / "baseline.json"
    doc.write_text(ORIGINAL, encoding="utf-8")
    assert _check(doc, capsys)[0] == 1
    code, _, err = _check(doc, capsys, "--write-baseline", str(base))
    assert code == 0 and "2 个问题" in err
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["findings"][0]["path"] == "r.txt"
    doc.write_text(EDITED, encoding="utf-8")
    code, out, _ = _check(doc, capsys, "--baseline", str(base))
    assert code == 0, out
    assert "T103" not in out and "已记录的 2 个问题未显示" in out


def test_new_finding_with_the_same_excerpt_is_not_hidden(tmp_path: Path, capsys) -> None:
    doc, base = tmp_path / "r.txt", tmp_path / "baseline.json"
    doc.write_text(ORIGINAL, encoding="utf-8")
    _check(doc, capsys, "--write-baseline", str(base))
    doc.write_text(ORIGINAL + "另外一段新写的文字,也用了半角逗号。\n", encoding="utf-8")
    code, out, _ = _check(doc, capsys, "--baseline", str(base))
    assert code == 1
    assert out.count(" T103 ") == 1 and ":8:" in out


def test_identical_findings_are_counted_by_occurrence(tmp_path: Path, capsys) -> None:
    doc, base = tmp_path / "r.txt", tmp_path / "baseline.json"
    line = "今年工作有进展,成效明显。\n"
    doc.write_text("关于某项工作的报告\n" + line * 2, encoding="utf-8")
    _check(doc, capsys, "--write-baseline", str(base))
    doc.write_text("关于某项工作的报告\n" + line * 3, encoding="utf-8")
    code, out, _ = _check(doc, capsys, "--baseline", str(base))
    assert code == 1 and out.count(" T103 ") == 1


def test_stale_entries_are_reported_in_text_and_json(tmp_path: Path, capsys) -> None:
    doc, base = tmp_path / "r.txt", tmp_path / "baseline.json"
    doc.write_text(ORIGINAL, encoding="utf-8")
    _check(doc, capsys, "--write-baseline", str(base))
    doc.write_text(ORIGINAL.replace("今年工作有进展,成效明显。", "今年工作有进展，成效明显。"), encoding="utf-8")
    code, out, _ = _check(doc, capsys, "--baseline", str(base))
    assert code == 0 and "1 条记录已不再出现" in out and "r.txt: T103" in out
    code, out, _ = _check(doc, capsys, "--baseline", str(base), "--format", "json")
    payload = json.loads(out)
    assert payload["baseline"]["hidden"] == 1 and len(payload["baseline"]["stale"]) == 1
    assert payload["summary"]["findings"] == 0


@pytest.mark.parametrize("content", ["not json", '{"tool": "reportlint", "version": 99, "findings": []}',
                                     '{"tool": "reportlint", "version": 1, "findings": [{"path": 1}]}', "[]"])
def test_malformed_baseline_is_a_usage_error_naming_the_file(tmp_path: Path, capsys, content: str) -> None:
    doc, base = tmp_path / "r.txt", tmp_path / "broken-baseline.json"
    doc.write_text(ORIGINAL, encoding="utf-8")
    base.write_text(content, encoding="utf-8")
    code, _, err = _check(doc, capsys, "--baseline", str(base))
    assert code == 3 and "broken-baseline.json" in err


def test_missing_baseline_is_a_usage_error(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "r.txt"
    doc.write_text(ORIGINAL, encoding="utf-8")
    code, _, err = _check(doc, capsys, "--baseline", str(tmp_path / "nowhere.json"))
    assert code == 3 and "nowhere.json" in err


def test_fingerprint_ignores_list_marker_but_not_the_paragraph() -> None:
    def fp(text: str, start: int) -> str:
        f = Finding("a.txt", "T103", "x", "warning", "m", 0, start, 0, start + 1, text[start])
        return fingerprints([f], {0: text})[0]

    assert fp("1. 工作有进展,成效明显", 8) == fp("12. 工作有进展,成效明显", 9)
    assert fp("（一）工作有进展,成效明显", 8) == fp("（三）工作有进展,成效明显", 8)
    assert fp("1. 工作有进展,成效明显", 8) != fp("1. 工作有进展,成效显著", 8)  # the paragraph changed


def test_fingerprint_of_a_whole_item_survives_renumbering() -> None:
    """A measure finding covers its item from the marker on: renumbering the list keeps its key,
    while a numbering finding on the marker alone is about the number and changes with it."""
    def fp(text: str, start: int, end: int, rule: str = "M101") -> str:
        f = Finding("a.txt", rule, "x", "warning", "m", 0, start, 0, end, text[start:end])
        return fingerprints([f], {0: text})[0]

    one, two = "（一）加强设施建设，提升服务能力。", "（二）加强设施建设，提升服务能力。"
    assert fp(one, 0, len(one)) == fp(two, 0, len(two))
    assert fp(one, 0, 3, "N101") != fp(two, 0, 3, "N101")


def test_statistics_counts_per_rule(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "r.txt"
    doc.write_text(ORIGINAL, encoding="utf-8")
    code, out, _ = _check(doc, capsys, "--statistics")
    assert code == 1 and out.splitlines()[0].startswith("2\tT103\twrong-punctuation")
    code, out, _ = _check(doc, capsys, "--statistics", "--format", "json")
    assert json.loads(out) == [{"code": "T103", "name": "wrong-punctuation", "count": 2}]


def test_extend_select_adds_to_the_configured_selection(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "r.txt"
    doc.write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('select = ["N1"]\n', encoding="utf-8")
    cfg = str(tmp_path / "reportlint.toml")
    _, out, _ = run(["check", "--no-cache", "--config", cfg, str(doc)], capsys)
    assert "T103" not in out
    _, out, _ = run(["check", "--no-cache", "--config", cfg, "--extend-select", "T103", str(doc)], capsys)
    assert "T103" in out


def test_docx_baseline_survives_word_list_renumbering(tmp_path: Path, capsys) -> None:
    pytest.importorskip("docx")
    from conftest import level, make_docx, numbering

    lvls = level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）")
    xml = numbering(f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    title = ("关于某项工作的报告", {"style": "Title"})
    items = [("总体情况", {"num": 1, "ilvl": 0}), ("今年工作有进展,成效明显。", {"num": 1, "ilvl": 1}),
             ("另一项工作稳步推进。", {"num": 1, "ilvl": 1})]
    doc, base = tmp_path / "r.docx", tmp_path / "baseline.json"
    make_docx(doc, [title, *items], numbering_xml=xml)
    code, _, err = _check(doc, capsys, "--write-baseline", str(base))
    assert code == 0 and "1 个问题" in err
    # a list item inserted first renumbers the commented one from （一） to （二）; another is edited
    make_docx(doc, [title, ("一段新的说明。", {}), items[0], ("新增加的一项。", {"num": 1, "ilvl": 1}), items[1],
                    ("另一项工作稳步推进，有所改动。", {"num": 1, "ilvl": 1})], numbering_xml=xml)
    code, out, _ = _check(doc, capsys, "--baseline", str(base))
    assert code == 0 and "T103" not in out and "已记录的 1 个问题未显示" in out


def test_write_baseline_to_a_missing_folder_is_a_usage_error(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "r.txt"
    doc.write_text(ORIGINAL, encoding="utf-8")
    code, _, err = _check(doc, capsys, "--write-baseline", str(tmp_path / "no" / "such" / "b.json"))
    assert code == 3 and "不存在" in err
    code, _, err = _check(doc, capsys, "--write-baseline", str(tmp_path))
    assert code == 3 and str(tmp_path) in err
