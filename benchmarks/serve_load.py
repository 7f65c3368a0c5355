"""Load on ``reportlint serve`` over loopback: N concurrent uploads of the bundled example reports.

    python benchmarks/serve_load.py [--uploads 20]

Starts ``reportlint serve --port 0`` in a subprocess, posts the examples round-robin from N
threads at once, and checks every answer before any figure is printed: status 200, and the
findings listed on the page (rule, line, column) equal to those of ``reportlint check`` on
the same file. Prints the wall time of the whole burst, the slowest answer, and the peak
memory of the server's process tree (server and its forked workers, PSS and summed RSS, sampled
every 20 ms) beside the idle server's. Nothing is asserted on time (tests/test_serve_load.py runs
a smaller burst through the same function and asserts only correctness and a memory bound).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from serve_client import cli_findings, examples, findings_in_page, start_server, tree_memory, upload


def burst(uploads: int, folder: Path) -> dict[str, float]:
    """Post ``uploads`` examples at once; raise when an answer is wrong; return the figures."""
    files = examples()
    expected = {f: cli_findings(f) for f in files}
    server = start_server(folder)
    try:
        upload(server.port, files[0].name, files[0].read_bytes())  # the first answer is not part of the burst
        idle = tree_memory(server.process.pid)
        peak = list(idle)
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                now = tree_memory(server.process.pid)
                peak[:] = [max(a, b) for a, b in zip(peak, now, strict=True)]
                time.sleep(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()

        def one(i: int) -> tuple[Path, int, str, float]:
            f = files[i % len(files)]
            start = time.perf_counter()
            status, page = upload(server.port, f.name, f.read_bytes(), timeout=600)
            return f, status, page, time.perf_counter() - start

        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=uploads) as pool:
            answers = list(pool.map(one, range(uploads)))
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        for f, status, page, _ in answers:
            if status != 200 or findings_in_page(page) != expected[f]:
                raise AssertionError(f"{f.name}: status {status}, findings {findings_in_page(page)} "
                                     f"!= {expected[f]}")
        leftovers = list(server.temp.iterdir())
        if leftovers:
            raise AssertionError(f"temporary files left: {leftovers}")
    finally:
        server.stop()
    return {"uploads": uploads, "wall_s": wall, "slowest_s": max(a[3] for a in answers),
            "idle_rss_mb": idle[0] / 2**20, "peak_rss_mb": peak[0] / 2**20,
            "idle_pss_mb": idle[1] / 2**20, "peak_pss_mb": peak[1] / 2**20,
            "peak_processes": peak[2],
            "findings": sum(len(expected[a[0]]) for a in answers)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uploads", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = burst(args.uploads, Path(tmp))
    print(f"serve load: {figures['uploads']} concurrent uploads of {len(examples())} example reports, "
          f"all answered 200 with the CLI's findings ({figures['findings']} in all)")
    print(f"  burst wall time {figures['wall_s']:.2f} s, slowest answer {figures['slowest_s']:.2f} s")
    print(f"  server process tree memory: PSS idle {figures['idle_pss_mb']:.0f} MB, "
          f"peak {figures['peak_pss_mb']:.0f} MB; "
          f"RSS summed over processes idle {figures['idle_rss_mb']:.0f} MB, peak {figures['peak_rss_mb']:.0f} MB; "
          f"at most {figures['peak_processes']:.0f} processes at once (server, checkers, workers)")


if __name__ == "__main__":
    main()
