"""Which files `reportlint check` picks: exclusions, .gitignore, virtualenvs, lock files,
unsupported types, files named on the command line, standard input, deep trees."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from pathlib import Path

import pytest
from test_cli import CLEAN, DEFECTIVE, run


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _checked(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code, out, err = run(["check", "--no-cache", "--format", "json", *args], capsys)
    assert code in (0, 1, 2), err
    return code, sorted(f["path"] for f in json.loads(out)["files"]), err


def test_walk_skips_hidden_folders_environments_node_modules_and_lock_files(tmp_path: Path, capsys,
                                                                            monkeypatch) -> None:
    _tree(tmp_path, {
        "docs/a.txt": CLEAN,
        "docs/.hidden.md": CLEAN,  # a hidden file is checked; hidden folders are not
        ".git/notes.txt": DEFECTIVE,
        ".cache/b.txt": DEFECTIVE,
        "node_modules/pkg/README.md": DEFECTIVE,
        "env/pyvenv.cfg": "home = /usr/bin\n",
        "env/lib/site/LICENSE.txt": DEFECTIVE,
        "conda/conda-meta/history": "",
        "conda/share/doc.txt": DEFECTIVE,
        "lib/site-packages/x/NOTICE.txt": DEFECTIVE,
        "docs/~$a.docx": "owner",
        "docs/.~lock.a.docx#": "lock",
    })
    monkeypatch.chdir(tmp_path)
    code, paths, _ = _checked(capsys, ".")
    assert paths == ["docs/.hidden.md", "docs/a.txt"]
    assert code == 0
    # --exclude replaces the default exclusions; version control, environments and lock files stay out
    paths = _checked(capsys, ".", "--exclude", "docs/")[1]
    assert paths == [".cache/b.txt", "lib/site-packages/x/NOTICE.txt", "node_modules/pkg/README.md"]


def test_gitignore_is_respected_unless_told_otherwise(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, {
        ".gitignore": "build/\n*.bak.md\n",
        "docs/.gitignore": "drafts/*\n!drafts/keep.txt\n",
        "docs/a.txt": CLEAN,
        "docs/old.bak.md": DEFECTIVE,
        "docs/drafts/tmp.txt": DEFECTIVE,
        "docs/drafts/keep.txt": CLEAN,
        "build/out.txt": DEFECTIVE,
    })
    monkeypatch.chdir(tmp_path)
    assert _checked(capsys, ".")[1] == ["docs/a.txt", "docs/drafts/keep.txt"]
    # a sub-folder of the repository: the .gitignore above it still applies
    assert _checked(capsys, "docs")[1] == ["docs/a.txt", "docs/drafts/keep.txt"]
    assert _checked(capsys, "build")[1] == ["build/out.txt"]  # an ignored folder named is walked
    every = ["build/out.txt", "docs/a.txt", "docs/drafts/keep.txt", "docs/drafts/tmp.txt", "docs/old.bak.md"]
    assert _checked(capsys, ".", "--no-respect-gitignore")[1] == every
    (tmp_path / "reportlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert _checked(capsys, ".")[1] == every
    assert _checked(capsys, ".", "--respect-gitignore")[1] == ["docs/a.txt", "docs/drafts/keep.txt"]


def test_exclude_and_extend_exclude_from_config_and_command_line(tmp_path: Path, capsys, monkeypatch) -> None:
    _tree(tmp_path, {"a.txt": CLEAN, "drafts/b.txt": CLEAN, "notes/c.md": CLEAN, ".github/d.md": CLEAN})
    monkeypatch.chdir(tmp_path)
    cfg = tmp_path / "reportlint.toml"
    cfg.write_text('extend-exclude = ["drafts/"]\n', encoding="utf-8")
    assert _checked(capsys, ".")[1] == ["a.txt", "notes/c.md"]
    assert _checked(capsys, ".github")[1] == [".github/d.md"]  # an excluded folder named is walked
    assert _checked(capsys, ".", "--extend-exclude", "*.md")[1] == ["a.txt"]
    # --exclude replaces the configuration's and the default exclusions: the hidden folder is walked
    assert _checked(capsys, ".", "--exclude", "notes/")[1] == [".github/d.md", "a.txt"]
    cfg.write_text('exclude = ["a.txt"]\n', encoding="utf-8")
    assert _checked(capsys, ".")[1] == [".github/d.md", "drafts/b.txt", "notes/c.md"]


def test_files_named_on_the_command_line_are_checked_unless_force_exclude(tmp_path: Path, capsys,
                                                                         monkeypatch) -> None:
    _tree(tmp_path, {"drafts/b.txt": DEFECTIVE, ".hidden/c.txt": CLEAN})
    (tmp_path / "reportlint.toml").write_text('extend-exclude = ["drafts/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _checked(capsys, "drafts/b.txt", ".hidden/c.txt")[1] == [".hidden/c.txt", "drafts/b.txt"]
    assert _checked(capsys, "drafts/b.txt", ".hidden/c.txt", "--force-exclude")[1] == []
    assert _checked(capsys, "drafts")[1] == ["drafts/b.txt"]  # a folder named is walked
    (tmp_path / "reportlint.toml").write_text('extend-exclude = ["drafts/"]\nforce-exclude = true\n', encoding="utf-8")
    assert _checked(capsys, "drafts/b.txt")[1] == []
    assert _checked(capsys, "drafts/b.txt", "--no-force-exclude")[1] == ["drafts/b.txt"]


def test_unsupported_types_are_a_note_and_do_not_change_the_exit_code(tmp_path: Path, capsys, monkeypatch) -> None:
    _tree(tmp_path, {"a.txt": CLEAN, "~$a.docx": "owner"})
    for name in ("旧报告.rtf", "汇报.ODT"):  # .doc, .wps and .ofd have loaders now (test_doc.py, test_ofd.py)
        (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    monkeypatch.chdir(tmp_path)
    code, paths, err = _checked(capsys, ".")
    assert code == 0 and paths == ["a.txt"]
    assert "旧报告.rtf" in err and "汇报.ODT" in err and "另存为 .docx" in err
    code, paths, err = _checked(capsys, "旧报告.rtf", "~$a.docx")
    assert code == 0 and paths == [] and "旧报告.rtf" in err and "锁定文件" in err


def test_a_tree_a_thousand_folders_deep_is_walked(tmp_path: Path, capsys) -> None:
    top = str(tmp_path / "deep")
    folder = top
    try:
        os.mkdir(folder)
        for _ in range(1000):  # os.makedirs itself recurses
            folder = os.path.join(folder, "d")
            os.mkdir(folder)
        Path(folder, "a.txt").write_text(DEFECTIVE, encoding="utf-8")
        code, paths, _ = _checked(capsys, top, "--select", "N101")
        assert code == 1 and len(paths) == 1 and paths[0].endswith("/d/a.txt")
    finally:  # pytest's clean-up (shutil.rmtree) recurses: take the tree down from the bottom
        with contextlib.suppress(FileNotFoundError):
            os.remove(os.path.join(folder, "a.txt"))
        while folder != str(tmp_path):
            with contextlib.suppress(FileNotFoundError):
                os.rmdir(folder)
            folder = os.path.dirname(folder)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_standard_input_is_checked_under_the_given_name(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    _stdin(monkeypatch, DEFECTIVE.encode("utf-8"))
    code, out, _ = run(["check", "--no-cache", "--format", "json", "--select", "N101", "-"], capsys)
    files = json.loads(out)["files"]
    assert code == 1 and files[0]["path"] == "-" and files[0]["findings"][0]["rule"] == "N101"
    (tmp_path / "reportlint.toml").write_text('per-file-ignores = { "drafts/*.txt" = ["N101"] }\n', encoding="utf-8")
    _stdin(monkeypatch, DEFECTIVE.encode("utf-8"))
    code, out, _ = run(["check", "--no-cache", "--format", "json", "--select", "N1",
                        "--stdin-filename", "drafts/草稿.txt", "-"], capsys)
    files = json.loads(out)["files"]
    assert code == 0 and files[0]["path"] == "drafts/草稿.txt" and files[0]["findings"] == []


def test_standard_input_is_named_in_the_text_report_too(tmp_path: Path, capsys, monkeypatch) -> None:
    # the text report is drawn as files come in: for standard input, after its result is renamed, never with the
    # temporary file's path
    monkeypatch.chdir(tmp_path)
    _stdin(monkeypatch, DEFECTIVE.encode("utf-8"))
    code, out, _ = run(["check", "--no-cache", "--select", "N101", "-"], capsys)
    assert code == 1 and out.startswith("-:") and "reportlint-stdin" not in out
    _stdin(monkeypatch, DEFECTIVE.encode("utf-8"))
    code, out, _ = run(["check", "--no-cache", "--select", "N101", "--stdin-filename", "草稿.txt", "-"], capsys)
    assert out.startswith("草稿.txt:") and "reportlint-stdin" not in out


def test_standard_input_type_comes_from_the_name_or_the_bytes(tmp_path: Path, capsys, monkeypatch) -> None:
    from conftest import make_docx

    doc = make_docx(tmp_path / "x.docx", [("县机关工作总结", {"style": "Title"}), ("一、主要工作", {}),
                                          ("（一）加强学习。", {}), ("（一）完善制度。", {})])
    _stdin(monkeypatch, doc.read_bytes())
    code, out, _ = run(["check", "--no-cache", "--format", "json", "--select", "N101", "-"], capsys)
    assert code == 1 and json.loads(out)["files"][0]["findings"][0]["rule"] == "N101"
    _stdin(monkeypatch, doc.read_bytes())
    code, out, _ = run(["check", "--no-cache", "--format", "json", "--stdin-filename", "报告.docx", "-"], capsys)
    assert json.loads(out)["files"][0]["path"] == "报告.docx"
    _stdin(monkeypatch, b"")
    assert run(["check", "-", "a.txt"], capsys)[0] == 3
