"""The command line: output formats, exit codes, bad inputs, configuration errors, plugins."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_docx

from reportlint.cli import main

DEFECTIVE = "关于加强作风建设的工作总结\n一、主要工作\n（一）加强学习。\n（一）完善制度。\n二、存在的问题\n学习不够深入。\n三、下一步打算\n进一步加强学习。\n"
CLEAN = "关于加强作风建设的工作总结\n一、主要工作\n（一）加强学习。\n（二）完善制度。\n二、存在的问题\n学习不够深入。\n三、下一步打算\n6月底前完成全部120名干部轮训。\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_text_output_has_position_excerpt_and_summary(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    code, out, _ = run(["check", str(f), "--select", "N101"], capsys)
    assert code == 1
    assert f"{f}:4:1: N101 编号“（一）”与上一项重复，此处应为“（二）” [error]" in out
    assert "    （一）完善制度。\n    ^^^^^^" in out  # the caret line is aligned under wide characters
    assert "建议：（二）" in out
    assert out.rstrip().endswith("。")


def test_json_output_matches_spec(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    code, out, _ = run(["check", str(f), "--format", "json", "--select", "N101"], capsys)
    data = json.loads(out)
    assert code == 1
    assert data["reportlint"] and data["summary"]["findings"] == 1
    entry = data["files"][0]
    assert entry["doctype"] == "工作总结" and entry["error"] is None
    assert entry["findings"][0] == {
        "rule": "N101", "name": "duplicate-number", "severity": "error",
        "message": "编号“（一）”与上一项重复，此处应为“（二）”",
        "line": 4, "column": 1, "end_line": 4, "end_column": 4, "page": None,
        "excerpt": "（一）", "suggestion": "（二）",
    }


def test_clean_file_exits_zero(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text(CLEAN, encoding="utf-8")
    code, out, _ = run(["check", str(f), "--select", "N,S,B"], capsys)
    assert code == 0, out


def test_fail_on_error_ignores_warnings(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    assert run(["check", str(f), "--select", "M101", "--fail-on", "error"], capsys)[0] == 0
    assert run(["check", str(f), "--select", "M101"], capsys)[0] == 1


def test_bad_inputs_are_reported_and_others_still_checked(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.txt"
    good.write_text(DEFECTIVE, encoding="utf-8")
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    legacy = tmp_path / "old.docx"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    code, out, _ = run(["check", str(tmp_path), "--format", "json", "--select", "N101"], capsys)
    data = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert code == 2
    assert data["corrupt.docx"]["error"]["rule"] == "X101" and "损坏" in data["corrupt.docx"]["error"]["message"]
    assert "97-2003" in data["old.docx"]["error"]["message"]
    assert "目录" in data["folder.docx"]["error"]["message"]
    assert data["good.txt"]["findings"][0]["rule"] == "N101"
    summary = json.loads(out)["summary"]  # the files given, those checked (as the text report counts) and not
    assert (summary["files"], summary["checked"], summary["not_checked"]) == (4, 1, 3)


def test_encrypted_pdf_is_x101(tmp_path: Path, capsys) -> None:
    pytest.importorskip("reportlab")
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "secret.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("pw", canPrint=0))
    c.drawString(100, 700, "secret")
    c.save()
    code, out, _ = run(["check", str(path), "--format", "json"], capsys)
    error = json.loads(out)["files"][0]["error"]
    assert code == 2 and error["rule"] == "X101" and "加密" in error["message"]


def test_crashing_rule_becomes_x100(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).parent / "plugins"))
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('plugins = ["raising_plugin"]\n', encoding="utf-8")
    code, out, _ = run(["check", str(f), "--format", "json", "--select", "TST901,N101"], capsys)
    findings = json.loads(out)["files"][0]["findings"]
    assert code == 2
    assert {x["rule"] for x in findings} == {"X100", "N101"}
    assert "TST901" in next(x for x in findings if x["rule"] == "X100")["message"]



@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="the in-process limit uses an alarm")
def test_a_check_that_never_ends_in_this_process_is_stopped_at_the_time_limit(tmp_path: Path, capsys,
                                                                              monkeypatch) -> None:
    # two small .txt files and --jobs 1: both are checked in this process, not in a worker
    monkeypatch.syspath_prepend(str(Path(__file__).parent / "plugins"))
    stuck, fine = tmp_path / "a.txt", tmp_path / "b.txt"
    stuck.write_text("关于无尽事项的说明\n" + DEFECTIVE, encoding="utf-8")
    fine.write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('plugins = ["looping_plugin"]\n', encoding="utf-8")
    code, out, _ = run(["check", str(tmp_path), "--jobs", "1", "--timeout", "1", "--format", "json",
                        "--select", "TST902,N101", "--no-cache"], capsys)
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert code == 2
    assert files["a.txt"]["error"]["rule"] == "X101" and "timeout" in files["a.txt"]["error"]["message"]
    assert not files["b.txt"].get("error") and {x["rule"] for x in files["b.txt"]["findings"]} == {"N101"}
    import signal

    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL)[0] == 0

@pytest.mark.parametrize(
    ("config", "needle"),
    [('selekt = ["N1"]\n', "selekt"), ('severity = { N101 = "fatal" }\n', "severity"), ("select = [\n", "TOML")],
)
def test_configuration_errors_exit_3(tmp_path: Path, capsys, config: str, needle: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(CLEAN, encoding="utf-8")
    cfg = tmp_path / "reportlint.toml"
    cfg.write_text(config, encoding="utf-8")
    code, _, err = run(["check", str(f)], capsys)
    assert code == 3 and needle in err and str(cfg) in err


def test_config_select_and_per_file_ignores(tmp_path: Path, capsys) -> None:
    f = tmp_path / "drafts" / "a.txt"
    f.parent.mkdir()
    f.write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.reportlint]\nselect = ["N1"]\nper-file-ignores = { "drafts/*.txt" = ["N101"] }\n', encoding="utf-8")
    code, out, _ = run(["check", str(f), "--format", "json"], capsys)
    assert [x["rule"] for x in json.loads(out)["files"][0]["findings"]] == []
    assert code == 0


def test_per_file_ignores_apply_file_by_file_in_one_batch(tmp_path: Path, capsys) -> None:
    """The rule list is shared by the files of a run, except where per-file ignores differ."""
    for folder in ("drafts", "final", "more"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.reportlint]\nselect = ["N1"]\nper-file-ignores = { "drafts/*.txt" = ["N101"] }\n', encoding="utf-8")
    _, out, _ = run(["check", str(tmp_path / "drafts"), str(tmp_path / "final"), str(tmp_path / "more"),
                     "--format", "json"], capsys)
    rules = {Path(f["path"]).parent.name: [x["rule"] for x in f["findings"]] for f in json.loads(out)["files"]}
    assert rules["drafts"] == [] and rules["final"] == rules["more"] != []


def test_unknown_profile_and_format_are_usage_errors(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text(CLEAN, encoding="utf-8")
    assert run(["check", str(f), "--profile", "不存在的文种"], capsys)[0] == 3
    assert run(["check", str(f), "--format", "xml"], capsys)[0] == 3


def test_an_unreadable_file_is_named_in_every_mode(tmp_path: Path, capsys) -> None:
    # random bytes under a Word name: said to be no Word file; the modes that print no report name it on stderr
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "x.docx").write_bytes(bytes(range(256)) * 8)
    (folder / "ok.txt").write_text(CLEAN, encoding="utf-8")
    code, out, _ = run(["check", str(folder)], capsys)
    assert code == 2 and "x.docx" in out and "不是有效的Word 文件" in out
    for extra in (["--statistics"], ["--write-baseline", str(tmp_path / "b.json")]):
        code, _, err = run(["check", str(folder), *extra], capsys)
        assert code == 2 and "x.docx: X101" in err and "不是有效的Word 文件" in err, extra


def test_a_gbk_text_file_gets_a_note_that_fails_no_run(tmp_path: Path, capsys) -> None:
    # GBK is Windows Notepad's default for Chinese: decoded, the file is checked, and the note on its encoding is
    # information (X107), not a warning that fails a hook or a CI run
    f = tmp_path / "a.txt"
    f.write_bytes(CLEAN.encode("gbk"))
    code, out, _ = run(["check", str(f), "--format", "json"], capsys)
    notes = [x for x in json.loads(out)["files"][0]["findings"] if x["rule"] == "X107"]
    assert code == 0 and len(notes) == 1 and notes[0]["severity"] == "info" and "GBK" in notes[0]["message"]


def test_a_profile_is_chosen_by_a_kind_it_covers(tmp_path: Path, capsys) -> None:
    # 实施方案 is one of the kinds the 整改方案 profile checks: the name a user reads in the README works
    f = tmp_path / "a.txt"
    f.write_text(CLEAN, encoding="utf-8")
    code, out, _ = run(["check", str(f), "--profile", "实施方案", "--format", "json"], capsys)
    assert code in (0, 1) and json.loads(out)["files"][0]["doctype"] == "整改方案"


def test_extract_gives_exact_lines(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text("甲\n\n乙\r\n", encoding="utf-8")
    code, out, _ = run(["extract", str(f), "--no-numbers"], capsys)
    assert code == 0 and out == "甲\n\n乙\n"


def test_extract_json_gives_the_file_digest(tmp_path: Path, capsys) -> None:
    import hashlib

    f = tmp_path / "a.txt"
    f.write_bytes("甲\n乙\n".encode())
    code, out, _ = run(["extract", str(f), "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["meta"]["sha256"] == hashlib.sha256(f.read_bytes()).hexdigest()


def test_extract_docx_shows_word_labels(tmp_path: Path, capsys) -> None:
    from conftest import level, numbering

    xml = numbering(f'<w:abstractNum w:abstractNumId="0">{level(0, "chineseCounting", "%1、")}</w:abstractNum>',
                    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    path = make_docx(tmp_path / "a.docx", [("成绩", {"num": 1}), ("问题", {"num": 1})], numbering_xml=xml)
    _, out, _ = run(["extract", str(path)], capsys)
    assert out == "1\t一、成绩\n2\t二、问题\n"


def test_rules_explain_profiles_plugins(capsys) -> None:
    code, out, _ = run(["rules", "--format", "json"], capsys)
    rows = json.loads(out)
    assert code == 0 and {"N105", "S101", "M101", "B101", "X101"} <= {r["code"] for r in rows}
    code, out, _ = run(["explain", "N105"], capsys)
    assert code == 0 and "为什么" in out and "✗" in out and "✓" in out
    code, out, _ = run(["profiles"], capsys)
    assert "对照检查材料" in out
    assert "识别关键词" in out and "实施方案" in out  # the kinds each profile covers, as its help promises
    code, out, _ = run(["plugins"], capsys)
    assert any(p["name"] == "reportlint.ruledata" for p in json.loads(out))
    assert run(["explain", "Z999"], capsys)[0] == 3


def test_explain_names_what_a_kind_of_document_sets_for_the_rule(capsys) -> None:
    # a notice's 工作要求 bind every addressee: a reader asking why M101 is silent there finds it in explain
    code, out, _ = run(["explain", "M101"], capsys)
    assert code == 0 and "文种档案里另行设定" in out and "通知（notice）：requirements_bind_all = true" in out
    assert "文种档案里另行设定" not in run(["explain", "T103"], capsys)[1]


def test_help_does_not_import_heavy_libraries() -> None:
    code = ("import sys; from reportlint.cli import cli; "
            "print(any(m in sys.modules for m in ('pdfminer', 'jieba', 'docx', 'lxml')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_github_and_sarif_formats(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    code, out, _ = run(["check", str(f), "--select", "N101", "--format", "github"], capsys)
    assert code == 1
    assert f"::error file={f},line=4,col=1,endLine=4,endColumn=4,title=N101 duplicate-number::" in out
    code, out, _ = run(["check", str(f), "--select", "N101", "--format", "sarif"], capsys)
    sarif = json.loads(out)
    result = sarif["runs"][0]["results"][0]
    assert sarif["version"] == "2.1.0" and result["ruleId"] == "N101" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert sarif["runs"][0]["tool"]["driver"]["rules"][0]["name"] == "duplicate-number"


def test_annotate_writes_comments_into_a_copy(tmp_path: Path, capsys) -> None:
    import hashlib
    import zipfile

    src = make_docx(tmp_path / "draft.docx", [("县机关工作总结", {"style": "Title"}), ("一、主要工作", {}),
                                               ("（一）加强学习。", {}), ("（一）完善制度。", {})])
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    out_path = tmp_path / "draft-批注.docx"
    code, _, err = run(["check", str(src), "--select", "N101", "--annotate", str(out_path)], capsys)
    assert code == 1 and "1 条问题" in err
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    with zipfile.ZipFile(out_path) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "N101" in comments and "（二）" in comments
    assert run(["check", str(src), "--annotate", str(src)], capsys)[0] == 3


def test_txt_check_without_corpus_imports_no_index_code(tmp_path: Path) -> None:
    """A plain .txt check with no reference corpus does not import the corpus index code
    (sqlite3, hashlib: 4 ms of every run's start-up)."""
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    code = ("import sys; from reportlint.cli import main\n"
            f"sys.argv = ['reportlint', 'check', '--no-cache', {str(f)!r}]\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    status = exc.code\n"
            "print(status, [m for m in ('sqlite3', 'reportlint.corpus', 'pdfminer', 'docx', 'lxml') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert out.strip().splitlines()[-1] == "1 []"


def test_a_batch_prints_the_same_report_with_one_job_or_two(tmp_path: Path, capsys, monkeypatch) -> None:
    """With two jobs each file's part of the text report is rendered as its result arrives from a worker;
    the report is the one a single job prints (and the one the JSON of the same run describes)."""
    from reportlint import runner

    monkeypatch.setattr(runner, "cpu_count", lambda: 2)
    for i in range(4):
        (tmp_path / f"r{i}.txt").write_text(DEFECTIVE.replace("完善", "完善" * (i + 1)), encoding="utf-8")
    one = run(["check", "--no-cache", "--jobs", "1", str(tmp_path)], capsys)
    two = run(["check", "--no-cache", "--jobs", "2", str(tmp_path)], capsys)
    assert one == two and one[1].count("N101") == 4
    data = json.loads(run(["check", "--no-cache", "--jobs", "2", "--format", "json", str(tmp_path)], capsys)[1])
    assert sum(len(f["findings"]) for f in data["files"]) == one[1].count(" [error]") + one[1].count(" [warning]") + \
        one[1].count(" [info]")
