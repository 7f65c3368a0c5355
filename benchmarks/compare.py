"""Two installs of reportlint timed side by side on the same files, taking turns round after round.

    python benchmarks/compare.py [--rounds N] [--jobs J] OLD NEW TARGET...

OLD and NEW are ``reportlint`` executables (``VENV/bin/reportlint``), each with its own cache folder (two versions'
caches are kept apart: each checks and rebuilds what it reads); TARGET is a file or a folder to check, with
``--no-cache`` (``benchmarks/run.py --keep DIR`` leaves its corpora there: ``one.txt``, ``doc20.docx``, ``doc20.pdf``,
``corpus/``). Each command is run once first and must exit with 0 or 1 and say how many files it checked (the same
number for both); then every round runs OLD and NEW on each target in turns (the order swapped every other round),
so a slow spell of a shared machine weighs on both. Printed: the median wall-clock time of each, and NEW/OLD.
Nothing is asserted about speed; the figures are for the closing notes.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_CHECKED = re.compile(r"检查 (\d+) 个文件|checked (\d+) files?")


def _command(exe: str, target: Path, jobs: int) -> list[str]:
    return [exe, "check", "--no-cache", *(["--jobs", str(jobs)] if target.is_dir() else []), str(target)]


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds and the number of files the run says it checked."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=3600)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit code {proc.returncode}\n{proc.stderr[-500:]}")
    found = _CHECKED.search(proc.stdout + proc.stderr)
    if found is None:
        raise SystemExit(f"{' '.join(cmd)}: the output does not say how many files were checked")
    return elapsed, int(found.group(1) or found.group(2))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--jobs", type=int, default=1, help="--jobs for a folder target")
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("targets", nargs="+", type=Path)
    a = ap.parse_args()
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(prefix="reportlint-compare-") as tmp:
        envs = {name: {**base, "REPORTLINT_CACHE_DIR": str(Path(tmp) / name)} for name in ("old", "new")}
        exes = {"old": a.old, "new": a.new}
        times: dict[tuple[str, Path], list[float]] = {(n, t): [] for n in exes for t in a.targets}
        for target in a.targets:  # once each first: caches built, exit codes and file counts checked
            counts = {n: _run(_command(exes[n], target, a.jobs), envs[n])[1] for n in exes}
            if counts["old"] != counts["new"]:
                raise SystemExit(f"{target}: old checked {counts['old']} files, new {counts['new']}")
        for r in range(a.rounds):
            for target in a.targets:
                for n in ("old", "new") if r % 2 == 0 else ("new", "old"):
                    times[(n, target)].append(_run(_command(exes[n], target, a.jobs), envs[n])[0])
    print(f"old: {a.old}\nnew: {a.new}\nrounds: {a.rounds}, --jobs {a.jobs} for folders")
    for target in a.targets:
        old, new = (statistics.median(times[(n, target)]) for n in ("old", "new"))
        runs = " / ".join(f"{x:.2f}" for x in times[("new", target)])
        print(f"{target.name:<20} old {old:.3f} s  new {new:.3f} s  new/old {new / old:.2f}  (new: {runs} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
