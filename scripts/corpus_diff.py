#!/usr/bin/env python3
"""Run two revisions of reportlint over a folder and print the findings added and removed, by rule.

    python scripts/corpus_diff.py OLD NEW DIR [--rules N1,M1] [--show 20] [--json OUT]

OLD and NEW are each a git revision of this repository (``main``, ``HEAD~3``, a commit) or a folder holding a
checkout (``.`` for the working tree). Each side runs as ``python -m reportlint check --format json --no-cache``
with its own ``src/`` first on the path, so the rule data of that side's ``rules/`` is used; the Python that runs
this script must have reportlint's dependencies installed (the project's ``.venv/bin/python``).

Findings are matched by file, rule and excerpt (not by line, so a loader that re-joins lines does not turn every
finding into a removal and an addition). Like ruff's ecosystem check, the point is to read every added finding.
Exit code 0 always, unless a side cannot be run (2).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def checkout(spec: str, scratch: Path) -> Path:
    """A folder with ``src/reportlint`` for ``spec``: the folder itself, or the revision exported by git."""
    folder = Path(spec)
    if (folder / "src" / "reportlint").is_dir():
        return folder.resolve()
    target = scratch / spec.replace("/", "_").replace("~", "_").replace("^", "_")
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", spec, "src", "rules"], capture_output=True)
    if archive.returncode != 0:
        sys.exit(f"corpus_diff: {spec!r} is neither a checkout folder nor a git revision: {archive.stderr.decode()}")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def run(side: Path, corpus: Path, scratch: Path) -> dict[str, list[dict]]:
    env = dict(os.environ, PYTHONPATH=str(side / "src"), REPORTLINT_CACHE_DIR=str(scratch / "cache"), NO_COLOR="1")
    files = sorted(str(p) for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".md", ".docx",
                                                                                             ".pdf"))
    cmd = [sys.executable, "-m", "reportlint", "check", "--format", "json", "--no-cache", "--fail-on", "error", *files]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=scratch)
    if proc.returncode not in (0, 1, 2):
        sys.stderr.write(proc.stderr[-3000:])
        sys.exit(f"corpus_diff: {side} exited {proc.returncode}")
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.stderr.write(proc.stdout[:2000] + proc.stderr[-2000:])
        sys.exit(f"corpus_diff: {side} did not print JSON")
    return {Path(f["path"]).name: f.get("findings", []) for f in data.get("files", [])}


def key(name: str, f: dict) -> tuple[str, str, str]:
    return (name, f.get("rule", ""), " ".join((f.get("excerpt") or "").split()))


def only_in(one: dict[str, list[dict]], other: dict[str, list[dict]]) -> list[tuple[str, dict]]:
    """Findings of ``one`` with no partner left in ``other`` (multisets by file, rule and excerpt)."""
    out = []
    for name in sorted(set(one) | set(other)):
        left = collections.Counter(key(name, f) for f in other.get(name, []))
        for f in one.get(name, []):
            k = key(name, f)
            if left[k] > 0:
                left[k] -= 1
            else:
                out.append((name, f))
    return out


def diff(old: dict[str, list[dict]], new: dict[str, list[dict]]) -> tuple[list, list]:
    """Findings only in ``new`` (added) and only in ``old`` (removed)."""
    return only_in(new, old), only_in(old, new)


def wanted(rule: str, prefixes: tuple[str, ...]) -> bool:
    return not prefixes or rule.startswith(prefixes)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("dir", type=Path)
    ap.add_argument("--rules", default="", help="only rules starting with these prefixes, comma-separated")
    ap.add_argument("--show", type=int, default=1000, help="at most this many added/removed findings per rule")
    ap.add_argument("--json", type=Path, help="also write the added and removed findings here")
    a = ap.parse_args()
    prefixes = tuple(p.strip() for p in a.rules.split(",") if p.strip())
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        sides = [checkout(s, scratch / f"side{i}") for i, s in enumerate((a.old, a.new))]
        old, new = (run(side, a.dir.resolve(), scratch) for side in sides)
    added, removed = diff(old, new)
    added = [(n, f) for n, f in added if wanted(f.get("rule", ""), prefixes)]
    removed = [(n, f) for n, f in removed if wanted(f.get("rule", ""), prefixes)]

    count_old = collections.Counter(f.get("rule") for fs in old.values() for f in fs)
    count_new = collections.Counter(f.get("rule") for fs in new.values() for f in fs)
    plus = collections.Counter(f.get("rule") for _, f in added)
    minus = collections.Counter(f.get("rule") for _, f in removed)
    for label, items in (("ADDED", added), ("REMOVED", removed)):
        by_rule: dict[str, list] = collections.defaultdict(list)
        for name, f in items:
            by_rule[f.get("rule", "")].append((name, f))
        for rule in sorted(by_rule):
            print(f"\n## {label} {rule} ({len(by_rule[rule])})")
            for name, f in by_rule[rule][: a.show]:
                excerpt = " ".join((f.get("excerpt") or "").split())[:80]
                print(f"{label[0] if label == 'ADDED' else '-'} {name}:{f.get('line')}:{f.get('column')} "
                      f"{f.get('message', '')[:90]}  «{excerpt}»")
    print("\nrule    old    new  added  removed")
    rules = sorted(r for r in set(count_old) | set(count_new) if wanted(r or "", prefixes))
    for r in rules:
        print(f"{r:6} {count_old[r]:5} {count_new[r]:6} {plus[r]:6} {minus[r]:8}")
    print(f"{'total':6} {sum(count_old[r] for r in rules):5} {sum(count_new[r] for r in rules):6} "
          f"{len(added):6} {len(removed):8}")
    if a.json:
        a.json.write_text(json.dumps({"added": [dict(f, file=n) for n, f in added],
                                      "removed": [dict(f, file=n) for n, f in removed]},
                                     ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
