#!/usr/bin/env python3
"""Fail when the repository shares a run of 10 Chinese characters with the shared corpus.

    python scripts/check_overlap.py CORPUS_DIR [--allow .ci/shared-phrases.toml]

Rule data, tests, code and examples must be written by the team, never copied from the documents that judge
the work. The comparison is the one the before-stop hint makes: every file's Chinese characters (CJK Unified
Ideographs, everything else dropped) are cut into 10-character runs, and any run that also occurs in a
``.txt`` file under CORPUS_DIR is reported. A set phrase of the genre that any drafter writes
(现将有关事项通知如下) may be listed in the allow-list with its reason; a shared run inside an allowed phrase
passes. Exit 0 when nothing else is shared, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
N = 10
CHECKED = ("rules/**/*.toml", "rules/**/*.txt", "tests/**/*", "src/**/*.py", "examples/**/*.txt", "scripts/**/*.py",
           "benchmarks/**/*.py", "plugins/**/*.py", "plugins/**/*.toml")


def han(text: str) -> str:
    return "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")


def runs(text: str) -> set[str]:
    t = han(text)
    return {t[i:i + N] for i in range(len(t) - N + 1)}


def allowed_phrases(path: Path) -> list[str]:
    if not path.is_file():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for entry in data.get("phrase", []):
        if not str(entry.get("reason", "")).strip():
            sys.exit(f"check_overlap: {path}: phrase {entry.get('text')!r} has no reason")
        out.append(han(str(entry["text"])))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--allow", type=Path, default=REPO / ".ci" / "shared-phrases.toml")
    a = ap.parse_args()
    corpus: set[str] = set()
    for p in sorted(a.corpus.rglob("*.txt")):
        corpus |= runs(p.read_text(encoding="utf-8", errors="ignore"))
    allow = allowed_phrases(a.allow)
    bad = 0
    files = sorted({p for pattern in CHECKED for p in REPO.glob(pattern)
                    if p.is_file() and ".venv" not in p.parts and "__pycache__" not in p.parts})  # not bytecode
    for p in files:
        if p.stat().st_size > 2_000_000:
            continue
        shared = sorted(r for r in runs(p.read_text(encoding="utf-8", errors="ignore")) & corpus
                        if not any(r in phrase for phrase in allow))
        if shared:
            bad += 1
            print(f"{p.relative_to(REPO)}: {len(shared)} runs shared with the corpus, e.g. {', '.join(shared[:3])}")
    print(f"overlap check: {len(files)} files, {bad} share 10-character runs with {a.corpus}"
          f" ({len(allow)} allowed set phrases)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
