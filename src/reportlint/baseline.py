"""Baselines: record today's findings once (``--write-baseline FILE``), then report only
new ones (``--baseline FILE``), so a team can adopt reportlint on old documents and still
fail CI on fresh defects.

The file is JSON::

    {
      "version": 1,
      "tool": "reportlint",
      "findings": [
        {"path": "reports/2024.docx", "rule": "N105", "fingerprint": "3f1c…e2:1",
         "line": 12, "excerpt": "（三）"}
      ]
    }

``path`` is relative to the folder of the baseline file, with ``/``. ``line`` and
``excerpt`` are for people only; matching uses ``path`` and ``fingerprint``.

A fingerprint must survive edits elsewhere in the document, so it holds no line number:
it hashes the rule, the finding's normalised excerpt with a few characters either side,
and the normalised paragraph with its list marker stripped (renumbering a list keeps it),
then appends the occurrence index of that hash in the file (``…:2`` for the second
identical finding). A finding without an excerpt (a missing section) hashes its message
instead. The same string is SARIF's ``partialFingerprints.primaryLocationLineHash``.

A baseline file is input: it is validated and never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .model import Finding

VERSION = 1
CONTEXT = 6  # characters of context either side of the excerpt
MAX_BYTES = 64 * 1024 * 1024
# a list marker at the start of a paragraph: 一、 （一） (1) 1. 1、 ① 第一章 - •
# (GB/T 9704-2012 §7.3.3 numbering levels, plus the bullets of Word and Markdown)
_MARKER = re.compile(
    r"^[\s\u3000]*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]{1,3}[）)]"
    r"|\d{1,3}(?:\.\d{1,3})*(?:[.．、)）]|[\s\u3000])|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条部分]+"
    r"|[-*+•·●○■□◆]\s?)[\s\u3000]*"
)
_SPACE = re.compile(r"[\s\u3000]+")


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message names what is wrong."""


def _norm(text: str) -> str:
    return _SPACE.sub("", text)


def fingerprint_material(f: Finding, paragraph: str) -> str:
    if not _norm(f.excerpt):
        return "\x1f".join((f.rule, "doc", _norm(f.message)))
    m = _MARKER.match(paragraph)
    excerpt = f.excerpt
    # the marker goes unless the finding is about the marker alone (a numbering finding on 三、);
    # a finding that starts on the marker and runs into the text (a whole measure item) keeps its text only
    on_marker_only = m is not None and f.start < m.end() and f.end_block == f.block and f.end <= m.end()
    cut = m.end() if m and not on_marker_only else 0
    if cut > f.start:
        excerpt = excerpt[cut - f.start:]
    body = paragraph[cut:]
    start = max(0, f.start - cut)
    end = max(start, f.end - cut) if f.end_block == f.block else len(body)
    before = _norm(body[:start])[-CONTEXT:]
    after = _norm(body[end:])[:CONTEXT]
    para = hashlib.sha256(_norm(body).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return "\x1f".join((f.rule, _norm(excerpt), before, after, para))


def fingerprints(findings: Iterable[Finding], lines: Mapping[int, str]) -> list[str]:
    """One fingerprint per finding, in order; ``lines`` maps a block index to its text."""
    out = []
    seen: dict[str, int] = {}
    for f in findings:
        material = fingerprint_material(f, lines.get(f.block, ""))
        digest = hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        seen[digest] = seen.get(digest, 0) + 1
        out.append(f"{digest}:{seen[digest]}")
    return out


def result_fingerprints(result: Any) -> list[str]:
    return fingerprints(result.findings, result.lines)


def path_key(path: str, base: Path) -> str:
    """``path`` relative to ``base`` with forward slashes (absolute when on another drive)."""
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    except ValueError:
        rel = os.path.abspath(path)
    return Path(rel).as_posix()


@dataclass
class Baseline:
    path: Path
    entries: list[dict[str, Any]] = field(default_factory=list)

    @property
    def base(self) -> Path:
        return self.path.parent


def load(path: Path) -> Baseline:
    where = f"基线文件“{path}”"
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise BaselineError(f"无法读取{where}：{exc.strerror or exc}") from exc
    if len(raw) > MAX_BYTES:
        raise BaselineError(f"{where}超过大小上限 {MAX_BYTES} 字节")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BaselineError(f"{where}不是有效的 JSON：{str(exc)[:120]}") from exc
    if not isinstance(data, dict) or data.get("tool") != "reportlint" or "version" not in data:
        raise BaselineError(f"{where}不是 reportlint 的基线文件（缺少 \"tool\": \"reportlint\" 或 \"version\"）")
    if data["version"] != VERSION:
        raise BaselineError(f"{where}的版本 {data['version']!r} 不受支持（本程序读写版本 {VERSION}）；"
                            "请用 --write-baseline 重新生成")
    items = data.get("findings")
    if not isinstance(items, list):
        raise BaselineError(f"{where}缺少 findings 列表")
    entries = []
    for i, item in enumerate(items):
        if not (isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("path", "rule", "fingerprint"))):
            raise BaselineError(f"{where}第 {i + 1} 条记录无效：需要字符串字段 path、rule、fingerprint")
        entries.append(item)
    return Baseline(path, entries)


def write(path: Path, results: Iterable[Any]) -> int:
    """Write the findings of ``results`` as a baseline at ``path``; returns how many."""
    base = path.parent
    entries = []
    for res in results:
        key = path_key(res.path, base)
        for f, fp in zip(res.findings, result_fingerprints(res), strict=True):
            entries.append({"path": key, "rule": f.rule, "fingerprint": fp, "line": f.where()[0],
                            "excerpt": f.excerpt[:80]})
    payload = {"version": VERSION, "tool": "reportlint", "findings": entries}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return len(entries)


@dataclass
class Outcome:
    """What applying a baseline did: findings hidden, and entries that matched nothing."""

    file: str
    hidden: int = 0
    stale: list[dict[str, Any]] = field(default_factory=list)


def apply(baseline: Baseline, results: list[Any]) -> tuple[list[Any], Outcome]:
    """``results`` without the findings the baseline lists; the stale entries are those of
    the files checked now (or gone) that matched no finding."""
    known: dict[tuple[str, str], dict[str, Any]] = {(e["path"], e["fingerprint"]): e for e in baseline.entries}
    matched: set[tuple[str, str]] = set()
    checked: set[str] = set()
    outcome = Outcome(str(baseline.path))
    out = []
    for res in results:
        if res.error or res.skipped:
            out.append(res)
            continue
        key = path_key(res.path, baseline.base)
        checked.add(key)
        kept: list[Finding] = []
        for f, fp in zip(res.findings, result_fingerprints(res), strict=True):
            if (key, fp) in known and known[(key, fp)]["rule"] == f.rule:
                matched.add((key, fp))
                outcome.hidden += 1
            else:
                kept.append(f)
        out.append(replace(res, findings=kept) if len(kept) != len(res.findings) else res)
    for k, entry in known.items():
        if k in matched:
            continue
        if k[0] in checked or not (baseline.base / k[0]).exists():
            outcome.stale.append(entry)
    return out, outcome
