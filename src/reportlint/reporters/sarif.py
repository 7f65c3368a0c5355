"""SARIF 2.1.0 output, for code-scanning dashboards and other CI tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from .json import escape_json

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def report_sarif(results: list[Any], out: TextIO, options: dict[str, Any]) -> None:
    rules = options.get("rules", {})
    used = sorted({f.rule for r in results for f in r.findings} | {r.error["rule"] for r in results if r.error})
    descriptors = []
    for code in used:
        rule = rules.get(code)
        entry: dict[str, Any] = {"id": code}
        if rule is not None:
            entry.update({
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.why},
                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
                "help": {"text": rule.docs.strip() or rule.why},
            })
        descriptors.append(entry)
    index = {code: i for i, code in enumerate(used)}
    sarif_results = []
    notifications = []
    for res in results:
        location = {"artifactLocation": {"uri": _uri(res.path)}}
        if res.error:
            notifications.append({
                "level": "error",
                "message": {"text": res.error["message"]},
                "descriptor": {"id": res.error["rule"]},
                "locations": [{"physicalLocation": location}],
            })
            sarif_results.append({"ruleId": res.error["rule"], "ruleIndex": index[res.error["rule"]], "level": "error",
                                  "message": {"text": res.error["message"]},
                                  "locations": [{"physicalLocation": location}]})
        for f in res.findings:
            line, column, end_line, end_column = f.where()
            region = {"startLine": line, "startColumn": column, "endLine": end_line,
                      "endColumn": end_column, "snippet": {"text": f.excerpt}}
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": _LEVEL.get(f.severity, "warning"),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {**location, "region": region}}],
            }
            if f.suggestion:
                result["properties"] = {"suggestion": f.suggestion}
            if f.related:
                result["relatedLocations"] = [
                    {"id": i, "physicalLocation": {"artifactLocation": {"uri": _uri(str(r["path"]))},
                                                   "region": {"startLine": r["line"]}}}
                    for i, r in enumerate(f.related)]
            sarif_results.append(result)
    payload = {
        "version": "2.1.0",
        "$schema": SCHEMA,
        "runs": [{
            "tool": {"driver": {"name": "reportlint", "version": __version__, "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
        }],
    }
    out.write(escape_json(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")
