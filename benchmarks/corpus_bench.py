"""Benchmark of the B105 reference corpus: build rate, query time and index size.

    python benchmarks/corpus_bench.py [--docs 10000] [--chars 5000] [--queries 50]

Documents are generated from a vocabulary of official-writing words in random order, so
that their fingerprints are as varied as real documents' are (a generator that repeats a
few stock sentences would make every document match every other). Each query document
carries two paragraphs copied from indexed documents and new text.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reportlint.corpus import Index
from reportlint.model import Block, Document

WORDS = (
    "加强 推进 完善 落实 深化 健全 规范 提升 统筹 协调 保障 服务 监督 管理 考核 培训 调研 整改 建设 发展 "
    "改革 创新 安全 生产 环境 生态 民生 教育 医疗 养老 就业 住房 交通 水利 农业 农村 乡村 振兴 产业 项目 "
    "投资 招商 企业 市场 营商 政务 数字 信息 平台 系统 机制 制度 政策 措施 任务 目标 责任 队伍 干部 党员 "
    "组织 基层 社区 村级 街道 乡镇 部门 单位 机关 窗口 群众 居民 农民 职工 学生 老人 儿童 妇女 青年 志愿 "
    "资金 财政 预算 审计 税收 金融 风险 隐患 排查 应急 防汛 消防 食品 药品 质量 标准 检测 执法 巡查 治理"
).split()


def paragraph(rng: random.Random, chars: int) -> str:
    out = []
    while sum(map(len, out)) < chars:
        out.append("".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))) + rng.choice("，。；"))
    return "".join(out)


def document(rng: random.Random, path: str, chars: int) -> Document:
    paras = [paragraph(rng, rng.randint(150, 400)) for _ in range(chars // 275)]
    return Document(path, tuple(Block(i, t) for i, t in enumerate(paras)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--chars", type=int, default=5_000)
    ap.add_argument("--queries", type=int, default=50)
    a = ap.parse_args()
    rng = random.Random(7)
    work = Path(tempfile.mkdtemp(prefix="reportlint-corpus-"))
    index_path = work / "corpus.sqlite"
    docs = [document(rng, f"/corpus/doc{i:06d}.txt", a.chars) for i in range(a.docs)]
    start = time.perf_counter()
    with Index(index_path, create=True) as index:
        for i, doc in enumerate(docs):
            index.add(doc, f"sha{i}")
            if i % 1000 == 999:
                index.db.commit()
    build = time.perf_counter() - start
    size = index_path.stat().st_size
    times = []
    found = 0
    with Index(index_path) as index:
        for q in range(a.queries):
            src = rng.sample(docs, 2)
            blocks = [src[0].blocks[1].text, paragraph(rng, 300), src[1].blocks[2].text, paragraph(rng, 300)]
            query = Document(f"/draft{q}.txt", tuple(Block(i, t) for i, t in enumerate(blocks)))
            start = time.perf_counter()
            matches = index.query(query, 0.6)
            times.append(time.perf_counter() - start)
            found += sum(1 for m in matches if m.block in (0, 2))
    chars = a.docs * a.chars
    print(f"documents: {a.docs} of ~{a.chars} characters ({chars / 1e6:.0f} M characters)")
    print(f"build: {build:.1f} s, {a.docs / build:.0f} documents/s, {chars / build / 1e6:.2f} M chars/s")
    print(f"index size: {size / 1e6:.1f} MB ({size / a.docs / 1024:.1f} KiB per document)")
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"query: median {median:.1f} ms, max {worst:.1f} ms per 4-paragraph draft")
    print(f"reused paragraphs found: {found} of {2 * a.queries}")
    per_doc_kib = size / a.docs / 1024
    print(f"extrapolated to 1,000,000 documents: build ~{1e6 / (a.docs / build) / 3600:.1f} h on one core, "
          f"index ~{per_doc_kib * 1e6 / 1024 / 1024:.0f} GB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
