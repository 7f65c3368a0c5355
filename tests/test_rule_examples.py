"""Each rule's documented examples are tests: every ``bad`` is flagged, no ``good`` is."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.testing import lint_text, session

_, BOOK = session().books()
# reported from files and the engine (tested in test_cli), or needing a corpus index (test_corpus)
ENGINE_ONLY = {"X100", "X101", "X102", "X103", "X107", "B105"}
CASES = [
    pytest.param(rule.code, kind, text, id=f"{rule.code}/{kind}/{i}")
    for rule in BOOK.rules.values()
    if rule.code not in ENGINE_ONLY
    for kind, texts in (("bad", rule.bad), ("good", rule.good))
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("code", "kind", "text"), CASES)
def test_rule_example(tmp_path: Path, code: str, kind: str, text: str) -> None:
    found = [f.rule for f in lint_text(text, tmp_path, select=code)]
    if kind == "bad":
        assert code in found, f"{code} should flag: {text!r}"
    else:
        assert code not in found, f"{code} should stay silent on: {text!r}"
