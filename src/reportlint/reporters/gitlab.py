"""GitLab Code Quality report (a JSON array of issues, as GitLab's code quality widget reads
it: description, check_name, fingerprint, severity, location.path, location.lines.begin)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, TextIO

from ..baseline import result_fingerprints
from .escape import shown_suggestion
from .json import escape_json

# GitLab's severities are info, minor, major, critical, blocker
_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _path(path: str) -> str:
    """Relative to the working directory (the project root in a GitLab job) when inside it."""
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full, os.getcwd())
    except ValueError:
        return Path(full).as_posix()
    return Path(full if rel.split(os.sep)[0] == ".." else rel).as_posix()


def _fingerprint(path: str, key: str) -> str:
    return hashlib.sha256(f"{path}\x1f{key}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def report_gitlab(results: list[Any], out: TextIO, options: dict[str, Any]) -> None:
    issues = []
    for res in results:
        path = _path(res.path)
        if res.error:
            issues.append({"type": "issue", "check_name": res.error["rule"], "description": res.error["message"],
                           "categories": ["Bug Risk"], "severity": "critical",
                           "fingerprint": _fingerprint(path, res.error["rule"]),
                           "location": {"path": path, "lines": {"begin": 1}}})
        for f, key in zip(res.findings, result_fingerprints(res), strict=True):
            line, _, end_line, _ = f.where()
            description = f"{f.rule} {f.message}"
            if f.suggestion:
                description += f"（建议：{shown_suggestion(f.suggestion)}）"
            issues.append({"type": "issue", "check_name": f.rule, "description": description,
                           "categories": ["Style"], "severity": _SEVERITY.get(f.severity, "minor"),
                           "fingerprint": _fingerprint(path, key),
                           "location": {"path": path, "lines": {"begin": line, "end": max(line, end_line)}}})
    out.write(escape_json(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n")
