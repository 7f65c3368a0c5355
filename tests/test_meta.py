"""Completeness guards: every hook documented, every rule documented and used, every check
documented in the three-section format, user rule data honoured."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from reportlint import hookspecs
from reportlint.rulebook import CODE_RE, NAME_RE
from reportlint.testing import lint_text, session

ROOT = Path(__file__).resolve().parent.parent
REG, BOOK = session().books()


def test_every_hook_is_documented_in_the_readme_with_its_signature() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    hooks = [name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("register_")]
    assert len(hooks) == 4
    for name in hooks:
        params = ", ".join(inspect.signature(getattr(hookspecs, name)).parameters)
        assert f"`{name}({params})`" in readme


@pytest.mark.parametrize("code", sorted(BOOK.rules))
def test_rule_is_documented(code: str) -> None:
    rule = BOOK.rules[code]
    assert CODE_RE.match(code) and NAME_RE.match(rule.name)
    assert rule.summary and rule.why and rule.good and rule.bad
    assert all(re.search(r"[\u4e00-\u9fff]", m) for m in rule.messages.values()), "messages are in Chinese"


def test_names_are_unique_and_every_check_is_used() -> None:
    names = [r.name for r in BOOK.rules.values()]
    assert len(names) == len(set(names))
    used = {r.check for r in BOOK.rules.values()}
    assert set(REG.checks) == used


@pytest.mark.parametrize("name", sorted(REG.checks))
def test_check_docstring_has_its_sections(name: str) -> None:
    doc = inspect.getdoc(REG.checks[name]) or ""
    for section in ("## What it does", "## Parameters", "## Example"):
        assert section in doc, f"{name} lacks {section}"


def test_user_rule_directory_extends_patterns_and_adds_a_profile(tmp_path: Path) -> None:
    rules = tmp_path / "my-rules"
    (rules / "profiles").mkdir(parents=True)
    (rules / "extra.toml").write_text('[B101.params.extend]\npatterns = ["本文由.{1,10}整理发布"]\n', encoding="utf-8")
    (rules / "profiles" / "minutes.toml").write_text(
        'name = "会议纪要"\nmatch = ["会议纪要"]\n[[sections]]\nname = "议定事项"\naliases = ["会议议定"]\n',
        encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('rule-dirs = ["my-rules"]\n', encoding="utf-8")
    text = "县政府常务会议会议纪要\n一、会议听取的情况\n正文。\n二、其他\n正文。\n本文由某某网整理发布"
    found = {f.rule for f in lint_text(text, tmp_path, select="B101,S101", use_config=True)}
    assert found == {"B101", "S101"}
