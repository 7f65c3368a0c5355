"""CI output formats: GitHub annotations (limits, order, escaping, job summary) and SARIF
(percent-encoded URIs relative to originalUriBaseIds, baseline fingerprints)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reportlint.cli import main
from reportlint.engine import FileResult
from reportlint.engine import summary as summary_of
from reportlint.model import Finding
from reportlint.reporters.github import report_github

WARNINGS = "".join(f"第{i}段工作有进展,成效明显.\n" for i in range(14))  # T103 each


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def _finding(rule: str, severity: str, block: int) -> Finding:
    return Finding("a.txt", rule, "some-rule", severity, f"第{block}处", block, 0, block, 1, "x")  # type: ignore[arg-type]


def test_github_limits_annotations_per_level_most_severe_first(tmp_path: Path, monkeypatch) -> None:
    findings = [_finding("T103", "warning", i) for i in range(14)] + [_finding("N101", "error", 20 + i)
                                                                      for i in range(13)]
    result = FileResult("a.txt", findings=findings)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = io.StringIO()
    report_github([result], out, {"summary": summary_of([result])})
    commands = [line for line in out.getvalue().splitlines() if line.startswith("::")]
    levels = [c.split(" ", 1)[0] for c in commands]
    assert levels == ["::error"] * 10 + ["::warning"] * 10  # errors first although later in the file
    assert "line=21," in commands[0]
    assert "另有 7 条未作为批注显示" in out.getvalue()
    assert "reportlint：检查 1 个文件，发现 27 个问题" in out.getvalue()  # the log's summary line in the users' language
    table = summary.read_text(encoding="utf-8")
    assert table.count("| N101 some-rule |") == 13 and table.count("| T103 some-rule |") == 14


def test_github_escapes_title_and_file(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    f = tmp_path / "a,b:c.txt"
    f.write_text(WARNINGS[:20], encoding="utf-8")
    _, out, _ = run(["check", "--no-cache", str(f), "--select", "T103", "--format", "github"], capsys)
    line = next(x for x in out.splitlines() if x.startswith("::warning"))
    assert "a%2Cb%3Ac.txt" in line and ",title=T103 wrong-punctuation::" in line


def test_sarif_uris_are_relative_percent_encoded_with_fingerprints(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    f = tmp_path / "sub" / "报告 #1%.txt"
    f.write_text(WARNINGS[:40], encoding="utf-8")
    _, out, _ = run(["check", "--no-cache", str(f), "--select", "T103", "--format", "sarif"], capsys)
    run_ = json.loads(out)["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    result = run_["results"][0]
    where = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where == {"uri": "sub/%E6%8A%A5%E5%91%8A%20%231%25.txt", "uriBaseId": "%SRCROOT%"}
    fingerprint = result["partialFingerprints"]["primaryLocationLineHash"]
    # the same key a baseline records
    run(["check", "--no-cache", str(f), "--select", "T103", "--write-baseline", "b.json"], capsys)
    assert json.loads(Path("b.json").read_text(encoding="utf-8"))["findings"][0]["fingerprint"] == fingerprint


def test_gitlab_code_quality_report(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    f = tmp_path / "a.txt"
    f.write_text("今年工作有进展,成效明显。\n另一段工作有进展,成效明显。\n", encoding="utf-8")
    code, out, _ = run(["check", "--no-cache", str(f), "--select", "T103", "--format", "gitlab"], capsys)
    issues = json.loads(out)
    assert code == 1 and len(issues) == 2
    assert issues[0]["check_name"] == "T103" and issues[0]["severity"] == "minor"
    assert issues[0]["location"] == {"path": "a.txt", "lines": {"begin": 1, "end": 1}}
    assert len({i["fingerprint"] for i in issues}) == 2


def test_junit_report_is_valid_xml_with_one_failure_per_finding(tmp_path: Path, capsys) -> None:
    from xml.etree import ElementTree as ET

    bad = tmp_path / "a\x01.txt"  # a control character XML 1.0 cannot hold, in the file name
    bad.write_text("今年工作有进展,成效明显。\n", encoding="utf-8")
    clean = tmp_path / "b.txt"
    clean.write_text("今年工作有进展，成效明显。\n", encoding="utf-8")
    code, out, _ = run(["check", "--no-cache", str(bad), str(clean), "--select", "T103", "--format", "junit"], capsys)
    root = ET.fromstring(out.encode("utf-8"))
    suites = root.findall("testsuite")
    assert code == 1 and [s.get("failures") for s in suites] == ["1", "0"]
    assert suites[0].find("testcase/failure").get("type") == "T103"
    assert root.get("tests") == "2" and suites[0].get("name").endswith("a\\u0001.txt")
