"""Strict configuration: a typo in a rule code, an option name or a value's type is a usage
error (exit 3) naming the file, the key and what was expected — never a silently disabled
check, an X100 crash or an internal error. Also --show-settings, --timeout and --annotate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_docx
from test_cli import CLEAN, DEFECTIVE, run


@pytest.mark.parametrize(
    ("config", "needles"),
    [
        ('selekt = ["N1"]\n', ["selekt", "是不是“select”"]),
        ('select = ["ZZZ"]\n', ["select", "ZZZ", "规则代码"]),
        ('select = ["n1", "ZZZ"]\n', ["select", "ZZZ"]),
        ('ignore = ["X9"]\n', ["ignore", "X9"]),
        ('per-file-ignores = { "*.txt" = ["Q1"] }\n', ["per-file-ignores", "Q1"]),
        ('per-file-ignores = { "*.txt" = "N1" }\n', ["per-file-ignores", "列表"]),
        ('[severity]\nM999 = "error"\n', ["severity", "M999"]),
        ("[options.ZZZ]\nthreshold = 1\n", ["options.ZZZ", "规则代码"]),
        ("[options.M102]\nthreshhold = 0.3\n", ["threshhold", "M102", "threshold"]),
        ('[options.M102]\nthreshold = "high"\n', ["options.M102.threshold", "high", "数字"]),
        ("[options.M102]\nthreshold = nan\n", ["options.M102.threshold", "数字"]),
        ("[options.M102]\nmin_chars = 2.5\n", ["options.M102.min_chars", "整数"]),
        ('[options.B103]\npatterns = "XX"\n', ["options.B103.patterns", "列表"]),
        ('[options.B103.extend]\npaterns = ["待补充"]\n', ["paterns", "patterns"]),
        ("[options.B103.extend]\npatterns = [1]\n", ["options.B103.extend.patterns", "文字"]),
        ("[options.N103]\nx = 1\n", ["N103", "没有可配置项"]),
        ("options = 1\n", ["options"]),
        ("rule-dirs = [1]\n", ["rule-dirs", "整数"]),
        ("plugins = [1]\n", ["plugins", "整数"]),
        ('plugins = "x"\n', ["plugins", "列表"]),
        ('profile = "会议纪要"\n', ["profile", "会议纪要", "可用"]),
        ('corpus = "missing.sqlite"\n', ["corpus", "missing.sqlite"]),
        ('exclude = "drafts"\n', ["exclude", "列表"]),
        ('respect-gitignore = "yes"\n', ["respect-gitignore", "true"]),
        ('fail-on = "fatal"\n', ["fail-on", "fatal"]),
    ],
)
def test_configuration_mistakes_are_usage_errors(tmp_path: Path, capsys, config: str, needles: list[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    cfg = tmp_path / "reportlint.toml"
    cfg.write_text(config, encoding="utf-8")
    code, out, err = run(["check", "--no-cache", str(f)], capsys)
    assert code == 3, (out, err)
    assert str(cfg) in err and "Traceback" not in err and out == ""
    for needle in needles:
        assert needle in err, (needle, err)


def test_a_folder_configuration_is_checked_before_anything_runs(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(DEFECTIVE, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text(DEFECTIVE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for config, needle in (('profile = "不存在"\n', "profile"), ('corpus = "none.sqlite"\n', "corpus")):
        (sub / "reportlint.toml").write_text(config, encoding="utf-8")
        code, out, err = run(["check", "--no-cache", "."], capsys)
        assert code == 3 and out == "" and needle in err and str(sub / "reportlint.toml") in err


def test_plugin_rules_are_known_through_the_rulebook(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).parent / "plugins"))
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    cfg = tmp_path / "reportlint.toml"
    cfg.write_text('plugins = ["raising_plugin"]\nignore = ["TST9"]\n', encoding="utf-8")
    assert run(["check", "--no-cache", str(f)], capsys)[0] == 1
    cfg.write_text('plugins = ["raising_plugin"]\n[options.TST901]\nlevel = 1\n', encoding="utf-8")
    code, _, err = run(["check", "--no-cache", str(f)], capsys)
    assert code == 3 and "TST901" in err and "level" in err


def test_a_rule_directory_cannot_invent_option_names(tmp_path: Path, capsys) -> None:
    rules = tmp_path / "my-rules"
    rules.mkdir()
    (rules / "extra.toml").write_text('[B101.params.extend]\npaterns = ["本文由.{1,10}整理发布"]\n', encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('rule-dirs = ["my-rules"]\n', encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text(CLEAN, encoding="utf-8")
    code, _, err = run(["check", "--no-cache", str(f)], capsys)
    assert code == 3 and "extra.toml" in err and "paterns" in err and "patterns" in err
    (rules / "extra.toml").unlink()
    (rules / "profiles").mkdir()
    (rules / "profiles" / "minutes.toml").write_text(
        'name = "会议纪要"\nmatch = ["会议纪要"]\n[rules.M103]\nthreshhold = 0.3\n', encoding="utf-8")
    code, _, err = run(["check", "--no-cache", str(f)], capsys)
    assert code == 3 and "minutes.toml" in err and "threshhold" in err
    (rules / "profiles" / "minutes.toml").write_text(
        'name = "会议纪要"\nmatch = ["会议纪要"]\n[rules.M101]\nseverity = "fatal"\n', encoding="utf-8")
    code, _, err = run(["check", "--no-cache", str(f)], capsys)
    assert code == 3 and "minutes.toml" in err and "fatal" in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--select", "ZZZ"], "ZZZ"),
        (["--select", "N1,ZZZ"], "ZZZ"),
        (["--ignore", "Q"], "Q"),
        (["--select", ""], "--select"),
        (["--select", " , "], "--select"),
        (["--profile", "不存在的文种"], "不存在的文种"),
        (["--timeout", "nan"], "--timeout"),
        (["--timeout", "inf"], "--timeout"),
        (["--timeout", "-1"], "--timeout"),
        (["--timeout", "0"], "--timeout"),
        (["--timeout", "1e308"], "--timeout"),
        (["--corpus", "missing.sqlite"], "missing.sqlite"),
    ],
)
def test_command_line_mistakes_are_usage_errors(tmp_path: Path, capsys, args: list[str], needle: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    code, out, err = run(["check", "--no-cache", str(f), *args], capsys)
    assert code == 3 and out == "" and needle in err, (code, err)


def test_code_prefixes_that_name_rules_are_accepted(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    for select in ("ALL", "N", "N1", "n101"):
        assert run(["check", "--no-cache", str(f), "--select", select], capsys)[0] in (0, 1)
    assert run(["check", "--no-cache", str(f), "--timeout", "0.5"], capsys)[0] == 1


def test_severity_all_sets_every_rule_and_a_longer_prefix_wins(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('[severity]\nALL = "info"\nN101 = "warning"\n', encoding="utf-8")
    code, out, _ = run(["check", "--no-cache", "--format", "json", str(f)], capsys)
    levels = {x["rule"]: x["severity"] for x in json.loads(out)["files"][0]["findings"]}
    assert code == 1 and levels["N101"] == "warning" and set(levels.values()) == {"info", "warning"}


def test_options_extend_appends_to_a_list_option(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text("关于机关作风建设的工作总结\n一、主要工作\n由办公室负责，具体人员待核实。\n", encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", "--select", "B103", str(f)]
    assert json.loads(run(args, capsys)[1])["files"][0]["findings"] == []
    (tmp_path / "reportlint.toml").write_text('[options.B103.extend]\npatterns = ["待核实"]\n', encoding="utf-8")
    findings = json.loads(run(args, capsys)[1])["files"][0]["findings"]
    assert [x["excerpt"] for x in findings] == ["待核实"]


def test_show_settings_prints_what_applies_to_a_file(tmp_path: Path, capsys, monkeypatch) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    f = drafts / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    cfg = tmp_path / "reportlint.toml"
    cfg.write_text('select = ["N1", "M1"]\nignore = ["N108"]\nprofile = "工作总结"\nextend-exclude = ["old/"]\n'
                   'per-file-ignores = { "drafts/*" = ["M103"] }\n[options.M102]\nthreshold = 0.5\n',
                   encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "--show-settings", "drafts/a.txt"], capsys)
    assert code == 0, err
    lines = dict(line.split(" = ", 1) for line in out.splitlines() if " = " in line)
    assert json.loads(lines["config-file"]) == str(cfg)
    assert json.loads(lines["select"]) == ["N1", "M1"] and json.loads(lines["ignore"]) == ["N108"]
    assert lines["per-file-ignores"].startswith('["M103"]')
    assert json.loads(lines["profile"]) == "工作总结"
    assert json.loads(lines["extend-exclude"]) == ["old/"] and '".*/"' in lines["exclude"]
    assert json.loads(lines["options.M102.threshold"]) == 0.5
    rules = json.loads(lines["rules"].split("  #")[0])
    assert "N101" in rules and "N108" not in rules and "M103" not in rules and "B101" not in rules
    assert "N101" not in out.replace(lines["rules"], "")  # nothing was checked


def test_annotate_to_a_path_that_cannot_be_written_is_a_usage_error(tmp_path: Path, capsys) -> None:
    src = make_docx(tmp_path / "draft.docx", [("县机关工作总结", {"style": "Title"}), ("（一）加强学习。", {}),
                                               ("（一）完善制度。", {})])
    for target in (tmp_path / "nodir" / "x.docx", tmp_path):
        code, out, err = run(["check", "--no-cache", str(src), "--annotate", str(target)], capsys)
        assert code == 3 and out == "" and "--annotate" in err, err
