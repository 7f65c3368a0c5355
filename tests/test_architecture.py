"""The shape of the package: no import cycles, a public API, plugin hooks called as documented,
error kinds carried as values, residue found with the configuration's B101 options."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.cli import main

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "reportlint"
PLUGINS = Path(__file__).parent / "plugins"


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> modules of the package it imports, anywhere in its text (type-only and
    function-level imports included: a cycle there is a cycle of design)."""
    modules: dict[str, Path] = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = ".".join(here[: len(here) - node.level + 1] + ([node.module] if node.module else [])) \
                    if node.level else (node.module or "")
                subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules]
                targets = subs + ([base] if len(subs) < len(node.names) else [])
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles() -> None:
    assert cycles(import_graph(PACKAGE)) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_public_api() -> None:
    from reportlint import lint_text

    text = "县卫生健康局工作总结\n一、主要工作\n全年完成各项任务。\n本文档由用户上传，仅供参考"
    assert [f.rule for f in lint_text(text, select="B101")] == ["B101"]
    assert lint_text(text, select=["N"]) == []


def test_lint_file_and_its_load_error(tmp_path: Path) -> None:
    from reportlint import ErrorKind, LoadError, lint_file

    path = tmp_path / "a.txt"
    path.write_text("县卫生健康局工作总结\n一、主要工作\n全年完成各项任务。\n本文档由用户上传，仅供参考", encoding="utf-8")
    assert [(f.rule, f.block) for f in lint_file(path, select="B101")] == [("B101", 3)]
    with pytest.raises(LoadError) as exc:
        lint_file(tmp_path / "missing.docx")
    assert exc.value.code == "X101" and exc.value.kind is ErrorKind.UNREADABLE


def test_import_reportlint_stays_light() -> None:
    code = "import sys, reportlint; print('reportlint.engine' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_a_hook_that_takes_no_arguments_is_called(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(PLUGINS))
    import bare_plugin

    f = tmp_path / "a.txt"
    f.write_text("标题\n正文。", encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('plugins = ["bare_plugin"]\n', encoding="utf-8")
    code, out, err = run(["check", str(f), "--no-cache", "--select", "N101"], capsys)
    assert code == 0, out + err
    assert sorted(bare_plugin.CALLED) == ["register_checks", "register_reporters"]


def test_a_hook_that_raises_is_a_configuration_error_naming_it(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(PLUGINS))
    f = tmp_path / "a.txt"
    f.write_text("标题\n正文。", encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('plugins = ["failing_hook_plugin"]\n', encoding="utf-8")
    code, _, err = run(["check", str(f), "--no-cache"], capsys)
    assert code == 3 and "failing_hook_plugin" in err and "cannot find my data" in err


def test_trace_plugins_prints_each_hook_call(capsys, monkeypatch) -> None:
    from reportlint.plugins import collect, get_plugin_manager

    monkeypatch.setenv("REPORTLINT_TRACE_PLUGINS", "1")
    collect(get_plugin_manager(entry_points=False))
    err = capsys.readouterr().err
    assert "register_checks -> reportlint.checks.numbering" in err
    assert "register_rulebooks -> reportlint.ruledata" in err
    assert "numbering.sequence" in err  # what the call registered


def test_load_error_kinds_are_values_not_wording(tmp_path: Path) -> None:
    from reportlint.engine import FileResult
    from reportlint.errors import ErrorKind, LoadError
    from reportlint.testing import lint_path

    damaged = LoadError("PDF 内容解压后过大（too large），超过内存上限（memory limit），疑似压缩炸弹")
    assert damaged.as_error() == {"rule": "X101", "kind": "unreadable", "message": str(damaged)}
    assert LoadError("扫描件", code="X102").kind is ErrorKind.NO_TEXT
    assert LoadError("处理超时", kind=ErrorKind.TIMEOUT).as_error()["kind"] == "timeout"
    result: FileResult = lint_path(tmp_path / "missing.txt")
    assert result.error is not None and result.error["kind"] == ErrorKind.UNREADABLE


def test_configured_residue_patterns_are_honoured(tmp_path: Path) -> None:
    from reportlint.engine import analyse
    from reportlint.model import Block, Document
    from reportlint.testing import lint_text, session

    (tmp_path / "reportlint.toml").write_text(
        '[options.B101]\npatterns = ["本文由.{1,10}整理发布"]\n', encoding="utf-8")
    text = "县政府工作报告\n一、工作情况\n今年我们认真做好各项工作，完成了全年的目标任务。\n本文由某某网整理发布"
    found = lint_text(text, tmp_path, select="B101", use_config=True)
    assert [(f.rule, f.block) for f in found] == [("B101", 3)]
    # the residue stage itself, which the outline, the document type and every check pass over
    _, book = session().books()
    doc = Document("a.txt", tuple(Block(i, t) for i, t in enumerate(text.split("\n"))))
    assert analyse(doc, book, None)[0].residue == frozenset()
    options = {"B101": {"patterns": ["本文由.{1,10}整理发布"]}}
    assert analyse(doc, book, None, rule_options=options)[0].residue == {3}
    extended = {"B101": {"extend": {"patterns": ["本文由.{1,10}整理发布"]}}}  # [options.B101.extend]
    doc = Document("b.txt", (*doc.blocks, Block(4, "本文档由用户上传，仅供参考")))
    assert analyse(doc, book, None, rule_options=extended)[0].residue == {3, 4}
