#!/usr/bin/env python3
"""Gate the seed and dev scores against the ratchet kept in ``.ci/ratchet.toml``.

    python scripts/ci_gate.py SHARED_DIR [--ratchet .ci/ratchet.toml]

Runs ``SHARED_DIR/tools/score.py`` (with ``$REPORTLINT`` as the command) on each corpus the ratchet names and
fails (exit 1) when core or extra hits fall below the ratchet or false alarms on traps rise above it. Raise the
ratchet as the work improves; lower it only with the reason in the commit.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(r"core (\d+)/(\d+) \| extra (\d+)/(\d+) \| false alarms (\d+)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("--ratchet", type=Path, default=REPO / ".ci" / "ratchet.toml")
    a = ap.parse_args()
    ratchet = tomllib.loads(a.ratchet.read_text(encoding="utf-8"))
    failed = False
    for name, floor in ratchet.items():
        gold, folder = a.shared / "corpus" / floor["gold"], a.shared / "corpus" / floor["dir"]
        proc = subprocess.run([sys.executable, str(a.shared / "tools" / "score.py"), str(gold), str(folder)],
                              capture_output=True, text=True)
        lines = proc.stdout.strip().splitlines()
        m = SUMMARY.search(lines[-1]) if lines else None
        if proc.returncode not in (0, 1) or m is None:
            print(f"{name}: the scorer failed (exit {proc.returncode})\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
            failed = True
            continue
        core, extra, false = int(m.group(1)), int(m.group(3)), int(m.group(5))
        problems = []
        if core < floor["core"]:
            problems.append(f"core {core} < {floor['core']}")
        if extra < floor["extra"]:
            problems.append(f"extra {extra} < {floor['extra']}")
        if false > floor["false"]:
            problems.append(f"false alarms {false} > {floor['false']}")
        print(f"{name}: {lines[-1]}")
        print(f"{name}: ratchet core >= {floor['core']}, extra >= {floor['extra']}, false <= {floor['false']}: "
              + ("FAILED (" + "; ".join(problems) + ")" if problems else "ok"))
        if problems:
            for line in lines:
                if line.startswith(("FALSE", "MISS core")):
                    print("  " + line)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
