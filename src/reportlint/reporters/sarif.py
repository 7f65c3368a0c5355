"""SARIF 2.1.0 output, for code-scanning dashboards and other CI tools."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..baseline import result_fingerprints
from .json import escape_json

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


ROOT = "%SRCROOT%"  # the uriBaseId of files under the working directory (GitHub code scanning's name)


def _artifact(path: str, root: str) -> dict[str, str]:
    """An artifactLocation: a percent-encoded URI relative to ``ROOT`` for a file under the
    working directory ``root``, an absolute file URI otherwise (SARIF 2.1.0 §3.4.3, RFC 3986)."""
    full = os.path.abspath(path)
    rel = os.path.relpath(full, root) if os.path.splitdrive(full)[0] == os.path.splitdrive(root)[0] else full
    if not os.path.isabs(rel) and rel.split(os.sep)[0] != "..":
        return {"uri": quote(os.fsencode(Path(rel).as_posix()), safe="/"), "uriBaseId": ROOT}
    return {"uri": Path(full).as_uri()}


def _root_uri(root: str) -> str:
    uri = Path(root).as_uri()
    return uri if uri.endswith("/") else uri + "/"


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
    root = os.getcwd()
    sarif_results = []
    notifications = []
    for res in results:
        location = {"artifactLocation": _artifact(res.path, root)}
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
        for f, fingerprint in zip(res.findings, result_fingerprints(res), strict=True):
            line, column, end_line, end_column = f.where()
            region = {"startLine": line, "startColumn": column, "endLine": end_line,
                      "endColumn": end_column, "snippet": {"text": f.excerpt}}
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": _LEVEL.get(f.severity, "warning"),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {**location, "region": region}}],
                # the baseline key: survives edits elsewhere in the document (see baseline.py)
                "partialFingerprints": {"primaryLocationLineHash": fingerprint},
            }
            if f.suggestion:
                result["properties"] = {"suggestion": f.suggestion}
            if f.related:
                result["relatedLocations"] = [
                    {"id": i, "physicalLocation": {"artifactLocation": _artifact(str(r["path"]), root),
                                                   "region": {"startLine": r["line"]}}}
                    for i, r in enumerate(f.related)]
            sarif_results.append(result)
    payload = {
        "version": "2.1.0",
        "$schema": SCHEMA,
        "runs": [{
            "tool": {"driver": {"name": "reportlint", "version": __version__, "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {ROOT: {"uri": _root_uri(root)}},
            "results": sarif_results,
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
        }],
    }
    out.write(escape_json(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")
