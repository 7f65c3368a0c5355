"""The rules alone over a folder of documents, in one process: every document loaded first, then the structure analysis
and every default rule run over all of them, ``--rounds`` times; prints the median seconds of a round.

    PYTHONPATH=CHECKOUT/src python benchmarks/rules_batch.py DIR [--rounds 3]

Reading the files and starting the process are left out, so two versions of the code (each checkout's ``src`` first on
the path, the same Python and packages) can be compared on their rules alone, run after run in turns. What it times is
checked: every round must give the same findings, and some. Nothing is asserted about speed; the figures are for the
closing notes (``benchmarks/run.py --keep DIR`` leaves a batch corpus in ``DIR/corpus``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    from reportlint.config import Config
    from reportlint.engine import Settings, active_rules, analyse, load, no_cycle_collection, run_checks
    from reportlint.testing import session

    registry, book = session().books()
    files = sorted(p for p in a.folder.rglob("*") if p.suffix in (".txt", ".docx"))
    if not files:
        sys.exit(f"{a.folder}: no .txt or .docx files")
    docs = [load(p, registry) for p in files]
    rules = active_rules(book, Config(), Settings(), None, files[0])

    def one_round() -> tuple[float, list[tuple[str, str, int, int]]]:
        found: list[tuple[str, str, int, int]] = []
        start = time.perf_counter()
        with no_cycle_collection():
            for doc in docs:
                ctx, _ = analyse(doc, book, None)
                findings, _ = run_checks(ctx, rules, registry)
                found += [(doc.path, f.rule, f.block, f.start) for f in findings]
        return time.perf_counter() - start, found

    _, first = one_round()  # warm-up: patterns compiled, data loaded
    if not first:
        sys.exit("no findings: nothing was checked")
    times = []
    for _ in range(a.rounds):
        elapsed, found = one_round()
        if found != first:
            sys.exit("two rounds disagree: the figure would not be one of the same work")
        times.append(elapsed)
    print(f"{len(docs)} documents, {len(rules)} rules, {len(first)} findings: "
          f"median {statistics.median(times):.3f} s a round ({', '.join(f'{t:.3f}' for t in times)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
