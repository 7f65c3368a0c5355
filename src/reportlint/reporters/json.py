"""JSON output, stable and versioned as SPEC.md describes."""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from .. import __version__
from ..model import Finding

_UNSAFE = re.compile(r"[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def to_json(f: Finding) -> dict[str, Any]:
    line, column, end_line, end_column = f.where()
    out: dict[str, Any] = {
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity,
        "message": f.message,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "page": f.page,
        "excerpt": f.excerpt,
        "suggestion": f.suggestion,
    }
    if f.related:
        out["related"] = [dict(r) for r in f.related]
    return out


def report_json(results: list[Any], out: TextIO, options: dict[str, Any]) -> None:
    files = []
    for res in results:
        entry: dict[str, Any] = {
            "path": res.path,
            "doctype": res.doctype,
            "error": res.error,
            "findings": [to_json(f) for f in res.findings],
        }
        if res.skipped:
            entry["skipped"] = res.skipped
        files.append(entry)
    s = options["summary"]
    payload = {
        "reportlint": __version__,
        "files": files,
        "summary": {
            "files": s["files"],
            "checked": s["checked"],
            "findings": s["findings"],
            "by_severity": s["by_severity"],
            "by_rule": s["by_rule"],
            "not_checked": s["not_checked"],
            "skipped": s["skipped"],
        },
    }
    baseline = options.get("baseline")
    if baseline is not None:
        payload["baseline"] = {"file": baseline.file, "hidden": baseline.hidden,
                               "stale": [{k: e.get(k) for k in ("path", "rule", "fingerprint", "line", "excerpt")}
                                         for e in baseline.stale]}
    out.write(escape_json(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")


def escape_json(text: str) -> str:
    """json escapes C0 controls itself; escape C1 controls, bidi overrides and the lone
    surrogates of undecodable file names too, so no terminal or editor is tricked."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
