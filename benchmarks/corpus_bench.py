"""Benchmark of the B105 reference corpus: build rate (embedded, and on 1 and 2 Dask workers),
index size, peak memory, query latency warm and cold, recall of planted passages.

    python benchmarks/corpus_bench.py [--docs 20000] [--chars 5000] [--queries 50] [--dask 1,2] [--shards]

Documents are generated as .txt files from a vocabulary of official-writing words in random
order, so that their fingerprints are as varied as real documents' are (a generator that
repeats a few stock sentences would make every document match every other), plus one stock
sentence in every document (套话, which the index must set apart as frequent). Each build
runs in a child process (its peak RSS is that process's, read from getrusage), loading the
files through reportlint's own loader as ``reportlint corpus build`` does. Dask builds use a
LocalCluster of single-threaded worker processes; the cluster's start is timed apart. With
``--shards`` the Dask builds write shard folders (one SQLite file per bucket, written by the
workers), else one SQLite file like the embedded build; queries are timed on both layouts.

Each query draft carries two paragraphs copied from two distinct indexed documents and two
new ones; recall counts planted paragraphs attributed to the right document, false hits
count any other match. "Cold" queries open the index anew after asking the kernel to drop
the file from its page cache (posix_fadvise DONTNEED, the file's own pages only); "warm"
queries reuse one open index whose pages the same drafts have read once (the pass that reads
them, right after the cold ones dropped the files from the cache, is reported apart).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "加强 推进 完善 落实 深化 健全 规范 提升 统筹 协调 保障 服务 监督 管理 考核 培训 调研 整改 建设 发展 "
    "改革 创新 安全 生产 环境 生态 民生 教育 医疗 养老 就业 住房 交通 水利 农业 农村 乡村 振兴 产业 项目 "
    "投资 招商 企业 市场 营商 政务 数字 信息 平台 系统 机制 制度 政策 措施 任务 目标 责任 队伍 干部 党员 "
    "组织 基层 社区 村级 街道 乡镇 部门 单位 机关 窗口 群众 居民 农民 职工 学生 老人 儿童 妇女 青年 志愿 "
    "资金 财政 预算 审计 税收 金融 风险 隐患 排查 应急 防汛 消防 食品 药品 质量 标准 检测 执法 巡查 治理"
).split()
STOCK = "坚持人民至上，切实增强做好各项工作的责任感和使命感。"  # our own stock sentence


def paragraph(rng: random.Random, chars: int) -> str:
    out = []
    n = 0
    while n < chars:
        out.append("".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))) + rng.choice("，。；"))
        n += len(out[-1])
    return "".join(out)


def generate(folder: Path, docs: int, chars: int) -> None:
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        paras = [STOCK] + [paragraph(rng, rng.randint(150, 400)) for _ in range(chars // 275)]
        (folder / f"doc{i:06d}.txt").write_text("\n".join(paras) + "\n", encoding="utf-8")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_build(folder: Path, index: Path, workers: int, shards: bool = False) -> dict[str, float]:
    """Runs in its own process: one build, timed; its peak RSS."""
    from reportlint import corpus
    from reportlint.engine import Session, load

    files = sorted(folder.glob("*.txt"))
    if workers == 0:
        registry, _ = Session().books(None)
        start, cpu = time.perf_counter(), time.process_time()
        added, _ = corpus.build(index, ((load(f, registry), corpus.file_sha256(f)) for f in files), fresh=True,
                                shards=shards)
        return {"seconds": time.perf_counter() - start, "added": added, "peak_mb": peak_mb(), "startup": 0.0,
                "cpu": time.process_time() - cpu, "worker_cpu": 0.0}
    from reportlint import corpusdask

    start = time.perf_counter()
    with corpusdask.client_for(None, workers) as client:
        client.wait_for_workers(workers)
        startup = time.perf_counter() - start
        before = sum(client.run(time.process_time).values())
        start, cpu = time.perf_counter(), time.process_time()
        added, _ = corpusdask.build(index, files, client, shards=shards)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        worker_cpu = sum(client.run(time.process_time).values()) - before
    return {"seconds": seconds, "added": added, "peak_mb": peak_mb(), "startup": startup, "cpu": cpu,
            "worker_cpu": worker_cpu}


def index_files(path: Path) -> list[Path]:
    """The files of an index: itself, or a shard folder's index.sqlite then its shards in bucket order."""
    return [path] if path.is_file() else [path / "index.sqlite", *sorted(path.glob("prints-*.sqlite"))]


def drop_cache(index: Path) -> None:
    for path in index_files(index):
        _drop_file(path)


def _drop_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def queries(folder: Path, index_path: Path, n: int) -> dict[str, float]:
    from reportlint.corpus import Index
    from reportlint.model import Block, Document

    rng = random.Random(11)
    files = sorted(folder.glob("*.txt"))
    drafts = []
    for q in range(n):
        sources = rng.sample(files, 2)
        planted = [s.read_text(encoding="utf-8").splitlines()[rng.randint(1, 5)] for s in sources]
        blocks = [planted[0], paragraph(rng, 300), planted[1], paragraph(rng, 300)]
        drafts.append((Document(f"/draft{q}.txt", tuple(Block(i, t) for i, t in enumerate(blocks))),
                       {0: sources[0].name, 2: sources[1].name}))
    cold, warm = [], []
    found = false_hits = 0
    for draft, _ in drafts:
        drop_cache(index_path)
        start = time.perf_counter()
        with Index(index_path) as index:
            index.query(draft, 0.6)
        cold.append(time.perf_counter() - start)
    first = []
    with Index(index_path) as index:
        for draft, _ in drafts:  # the index open, but the pages these drafts need not yet read
            start = time.perf_counter()
            index.query(draft, 0.6)
            first.append(time.perf_counter() - start)
        for draft, expected in drafts:
            start = time.perf_counter()
            matches = index.query(draft, 0.6)
            warm.append(time.perf_counter() - start)
            for m in matches:
                if expected.get(m.block) == Path(m.source).name:
                    found += 1
                else:
                    false_hits += 1
    return {"cold_ms": statistics.median(cold) * 1000, "cold_max_ms": max(cold) * 1000,
            "first_ms": statistics.median(first) * 1000,
            "warm_ms": statistics.median(warm) * 1000, "warm_max_ms": max(warm) * 1000,
            "found": found, "planted": 2 * n, "false_hits": false_hits}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--chars", type=int, default=5_000)
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--dask", default="1,2", help="worker counts to time on a LocalCluster ('' for none)")
    ap.add_argument("--shards", action="store_true", help="build shard folders (one file per bucket)")
    ap.add_argument("--keep", type=Path, default=None, help="keep the generated files and indexes here")
    ap.add_argument("--extract", type=Path, default=None,
                    help="only time reading (extraction) of the .docx/.pdf/.txt files of this folder, per kind")
    ap.add_argument("--child", nargs=4, metavar=("FOLDER", "INDEX", "WORKERS", "SHARDS"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child_build(Path(a.child[0]), Path(a.child[1]), int(a.child[2]), a.child[3] == "1")))
        return 0
    if a.extract:
        return extraction(a.extract)
    work = a.keep or Path(tempfile.mkdtemp(prefix="reportlint-corpus-"))
    folder = work / "docs"
    start = time.perf_counter()
    if len(list(folder.glob("*.txt"))) != a.docs:
        generate(folder, a.docs, a.chars)
    print(f"documents: {a.docs} .txt of ~{a.chars} characters, generated in {time.perf_counter() - start:.0f} s")
    runs = [0] + [int(w) for w in a.dask.split(",") if w.strip()]
    indexes = {}
    for workers in runs:
        sharded = a.shards and workers > 0
        index = work / (f"corpus-{workers}" + ("" if sharded else ".sqlite"))
        out = subprocess.run([sys.executable, __file__, "--child", str(folder), str(index), str(workers),
                              "1" if sharded else "0"],
                             check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        assert r["added"] == a.docs, r
        label = "embedded" if workers == 0 else f"dask {workers} worker{'s' if workers > 1 else ''}"
        extra = f", cluster start {r['startup']:.1f} s apart" if workers else ""
        print(f"build {label}: {r['seconds']:.1f} s wall, {a.docs / r['seconds']:.0f} documents/s; CPU "
              f"{r['cpu']:.1f} s in the building process (client) + {r['worker_cpu']:.1f} s in workers; "
              f"peak RSS of the building process {r['peak_mb']:.0f} MB{extra}")
        indexes[workers] = index
    base = indexes[0]
    size = sum(f.stat().st_size for f in index_files(base))
    print(f"index size: {size / 1e6:.1f} MB ({size / a.docs / 1024:.1f} KiB per document)")
    for workers, index in indexes.items():
        if index.is_dir():
            size = sum(f.stat().st_size for f in index_files(index))
            print(f"dask {workers}: shard folder of {len(index_files(index))} files, {size / 1e6:.1f} MB")
    import sqlite3

    from reportlint.corpus import RUN_DTYPE

    frequent = prints = runs = 0
    for f in index_files(base):
        db = sqlite3.connect(f)
        frequent += db.execute("SELECT COUNT(*) FROM frequent").fetchone()[0]
        n, size = db.execute("SELECT COUNT(*), TOTAL(LENGTH(data)) FROM prints").fetchone()
        runs += n
        prints += int(size) // RUN_DTYPE.itemsize + db.execute("SELECT COUNT(*) FROM added").fetchone()[0]
        db.close()
    print(f"postings: {prints} in {runs} runs; frequent fingerprints set apart: {frequent}")
    for workers, index in indexes.items():
        if workers:
            same = _same(base, index)
            print(f"dask {workers}-worker index identical to the embedded one: {same}")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    q = queries(folder, base, a.queries)
    print(f"query (4-paragraph draft): warm median {q['warm_ms']:.1f} ms (max {q['warm_max_ms']:.1f}), "
          f"cold median {q['cold_ms']:.1f} ms (max {q['cold_max_ms']:.1f}); index open but its pages "
          f"uncached {q['first_ms']:.1f} ms")
    print(f"planted paragraphs found with their source: {q['found']} of {q['planted']}; "
          f"false hits: {q['false_hits']}")
    folders = [index for index in indexes.values() if index.is_dir()]
    if folders:
        q = queries(folder, folders[0], a.queries)
        print(f"query on the shard folder: warm median {q['warm_ms']:.1f} ms, cold median {q['cold_ms']:.1f} ms "
              f"(max {q['cold_max_ms']:.1f}); found {q['found']} of {q['planted']}, false hits {q['false_hits']}")
    return 0


def extraction(folder: Path) -> int:
    """CPU time to read each kind of file: what a build of real documents spends before fingerprints."""
    from reportlint.engine import Session, load

    registry, _ = Session().books(None)
    for suffix in (".docx", ".pdf", ".txt"):
        files = sorted(folder.glob(f"*{suffix}"))
        if not files:
            continue
        cpu, chars = time.process_time(), 0
        for f in files:
            chars += sum(len(b.text) for b in load(f, registry).blocks)
        cpu = time.process_time() - cpu
        print(f"{suffix}: {len(files)} files, {cpu / len(files) * 1000:.0f} ms CPU per file, "
              f"{chars / len(files):.0f} characters per file; 10^6 such files: {cpu / len(files) * 1e6 / 3600:.0f} "
              "hours on one core")
    return 0


def _same(a: Path, b: Path) -> bool:
    """Whether two indexes hold the same documents, paragraphs, decoded postings and frequent
    fingerprints, read as streams (the tables outgrow memory)."""
    import hashlib
    import sqlite3

    from reportlint.corpus import stored_postings

    digests = []
    for path in (a, b):
        h = hashlib.sha256()
        for t, order in (("documents", "1"), ("blocks", "1, 2"), ("prints", ""), ("frequent", "1")):
            for f in index_files(path):  # shards in bucket order: key order across them
                db = sqlite3.connect(f)
                if t == "prints":
                    for part in stored_postings(db):  # a stream: how it is cut into parts does not matter
                        h.update(part.tobytes())
                else:
                    for row in db.execute(f"SELECT * FROM {t} ORDER BY {order}"):
                        h.update(repr(row).encode())
                db.close()
        digests.append(h.hexdigest())
    return digests[0] == digests[1]


if __name__ == "__main__":
    sys.exit(main())
