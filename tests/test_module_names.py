"""A module-level name bound twice in one module: the later binding silently replaces the earlier one for every
function that reads it at run time (a pattern or a character class meant for one check changes another)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "reportlint"


def _bound_twice(source: str) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return sorted(n for n, k in names.items() if k > 1)


def test_the_check_finds_a_name_bound_twice() -> None:
    assert _bound_twice("A = 1\ndef f():\n    return A\nA = 2\n") == ["A"]
    assert _bound_twice("A = 1\nB: int = 2\n") == []


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_level_name_is_bound_twice(path: Path) -> None:
    assert _bound_twice(path.read_text(encoding="utf-8")) == []
