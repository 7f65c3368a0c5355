"""reportlint benchmarks: generates its own corpora and prints every figure as one table.

    python benchmarks/run.py [--quick] [--out DIR]

Figures (whole-process wall-clock medians unless said otherwise):
  * one ~7k-character .txt report, cache off; the same with a warm cache
  * one 10-page and one 20-page .docx, cache off and warm
  * one 20-page .pdf, beside pdfminer's own extract_text on the same file
  * batch throughput over a ~10 MB corpus of .txt and .docx, --jobs 1 and --jobs 2
  * peak memory of the 100-page .docx run
  * rules alone over extracted text: characters per second for the whole default set and
    milliseconds per MB for each rule, segmenter load kept out
  * peers on the same 7k report when installed (zhlint, textlint, autocorrect)
Commands compared with each other (reportlint and the peers; reportlint and pdfminer) take
turns round after round, and a ratio is the median of the rounds' ratios, so a slow spell
of a shared machine weighs on both sides alike.
Nothing here is asserted; the numbers are for the README and the closing notes.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

SUBJECTS = ["理论学习", "作风建设", "制度执行", "项目推进", "基层治理",
            "安全生产", "营商环境", "民生保障", "生态环境", "队伍建设"]
VERBS = ["加强", "推进", "完善", "落实", "深化", "健全", "规范", "提升"]
PHRASES = [
    "坚持问题导向，对照年度目标任务逐项梳理工作进展情况",
    "围绕中心工作统筹安排，确保各项任务按期完成",
    "组织开展专项督查，及时发现和解决工作中存在的突出问题",
    "建立健全工作台账，实行清单化管理和销号制度",
    "加大宣传力度，营造全社会共同参与的良好氛围",
    "强化部门协作，形成上下联动、齐抓共管的工作格局",
    "全年完成投资3.2亿元，同比增长12%",
    "每季度召开一次调度会，研究解决重大问题",
    "进一步加强学习，不断提高认识，切实改进作风",
    "由办公室牵头，各科室配合，6月底前完成",
]
CN = "一二三四五六七八九十"


WORDS = (
    "加强 推进 完善 落实 深化 健全 规范 提升 统筹 协调 保障 服务 监督 管理 考核 培训 调研 整改 建设 发展 "
    "改革 创新 安全 生产 环境 生态 民生 教育 医疗 养老 就业 住房 交通 水利 农业 农村 乡村 振兴 产业 项目 "
    "投资 招商 企业 市场 营商 政务 数字 信息 平台 系统 机制 制度 政策 措施 任务 目标 责任 队伍 干部 党员 "
    "组织 基层 社区 村级 街道 乡镇 部门 单位 机关 窗口 群众 居民 农民 职工 学生 老人 儿童 妇女 青年 志愿"
).split()


def sentence(rng: random.Random) -> str:
    """A stock phrase now and then, otherwise words in random order: real reports repeat a
    few formulas but rarely whole sentences, and a benchmark text that repeats ten sentences
    thousands of times measures finding creation rather than checking."""
    if rng.random() < 0.2:
        return rng.choice(PHRASES)
    words = [rng.choice(WORDS) for _ in range(rng.randint(5, 12))]
    cut = rng.randint(2, len(words) - 2)
    return "".join(words[:cut]) + "，" + "".join(words[cut:])


def report(rng: random.Random, sections: int = 3, items: int = 4, sentences: int = 4) -> list[str]:
    """A generated report: a title, an opening, 一、 sections with （一） items of a few sentences."""
    lines = [f"县{rng.choice(SUBJECTS)}工作情况报告", "现将有关情况报告如下。"]
    names = ["主要工作", "存在的问题", "下一步工作打算", "工作成效", "原因分析"]
    for s in range(sections):
        lines.append(f"{CN[s % 10]}、{names[s % len(names)]}")
        for i in range(items):
            body = "。".join(sentence(rng) for _ in range(sentences)) + "。"
            lines.append(f"（{CN[i % 10]}）{rng.choice(VERBS)}{rng.choice(SUBJECTS)}。{body}")
    return lines


def sized_report(rng: random.Random, chars: int) -> list[str]:
    lines: list[str] = []
    while sum(map(len, lines)) < chars:
        lines += report(rng)
    return lines


def median_time(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(side_by_side({"cmd": cmd}, runs, env)["cmd"])


def paired_ratio(times: dict[str, list[float]], a: str, b: str) -> float:
    """Median over the rounds of a's time / b's time in the same round: a slow spell of the
    machine lengthens both sides of a round and cancels out."""
    return statistics.median(x / y for x, y in zip(times[a], times[b], strict=True))


def peak_memory(cmd: list[str]) -> int:
    """MiB: the largest resident size among ``cmd`` and its workers, measured from a fresh
    wrapper process so that no earlier command (a peer's node process) counts."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True)
    return round(int(out.stdout.strip() or 0) / 1024)


def side_by_side(cmds: dict[str, list[str]], runs: int, env: dict[str, str] | None = None) -> dict[str, list[float]]:
    """Wall-clock seconds of each command in each round, the commands taking turns round
    after round, so that a slow spell of a shared machine weighs on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for cmd in cmds.values():
        subprocess.run(cmd, capture_output=True, env=env)  # warm: files read, caches written
    for _ in range(runs):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env)
            times[name].append(time.perf_counter() - start)
    return times


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller corpora and fewer runs")
    ap.add_argument("--out", type=Path, help="keep the generated corpora here")
    ap.add_argument("--peers", type=Path, help="a node_modules/.bin folder holding zhlint and textlint")
    a = ap.parse_args()
    from conftest import make_pdf, txt_to_docx

    # measure what an installed reportlint does: byte-code caches written and reused
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([*[str(Path(sys.executable).with_name("reportlint"))], "--version"], capture_output=True)
    runs = 3 if a.quick else 7
    work = a.out or Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261122)
    exe = [str(Path(sys.executable).with_name("reportlint"))]
    cache = work / "cache"
    env_cold = {**os.environ, "REPORTLINT_CACHE_DIR": str(cache)}
    rows: list[tuple[str, str]] = []

    one_txt = work / "one.txt"
    one_txt.write_text("\n".join(sized_report(rng, 7000)), encoding="utf-8")
    one = side_by_side({"python": [sys.executable, "-c", "pass"],
                        "reportlint": [*exe, "check", "--no-cache", str(one_txt)],
                        **peer_commands(one_txt, a.peers)}, 2 * runs + 1)
    rows.append(("python -c pass", f"{statistics.median(one['python']):.3f} s"))
    t_txt = statistics.median(one["reportlint"])
    rows.append((f"one .txt report ({len(one_txt.read_text(encoding='utf-8'))} chars), cache off", f"{t_txt:.3f} s"))
    subprocess.run([*exe, "check", str(one_txt)], capture_output=True, env=env_cold)
    rows.append(("same, warm cache", f"{median_time([*exe, 'check', str(one_txt)], runs, env_cold):.3f} s"))

    for pages in (10, 20, 100):
        src = work / f"doc{pages}.txt"
        src.write_text("\n".join(sized_report(rng, pages * 700)), encoding="utf-8")
        docx = txt_to_docx(src, work / f"doc{pages}.docx")
        if pages == 100:
            rows.append(("peak memory, 100-page .docx", f"{peak_memory([*exe, 'check', '--no-cache', str(docx)])} MiB"
                                                         " (largest process)"))
            continue
        cold = median_time([*exe, "check", "--no-cache", str(docx)], runs)
        rows.append((f"one {pages}-page .docx, cache off", f"{cold:.3f} s"))
        subprocess.run([*exe, "check", str(docx)], capture_output=True, env=env_cold)
        warm = median_time([*exe, "check", str(docx)], runs, env_cold)
        rows.append((f"one {pages}-page .docx, warm cache", f"{warm:.3f} s"))

    pdf_paras = sized_report(rng, 20 * 600)
    per_page = max(1, len(pdf_paras) // 20)
    pdf = make_pdf(work / "doc20.pdf", [pdf_paras[i:i + per_page] for i in range(0, len(pdf_paras), per_page)][:20])
    miner = f"from pdfminer.high_level import extract_text; extract_text({str(pdf)!r})"
    pdf_times = side_by_side({"reportlint": [*exe, "check", "--no-cache", str(pdf)],
                              "pdfminer": [sys.executable, "-c", miner]}, 2 * runs + 1)
    rows.append(("one 20-page .pdf, cache off", f"{statistics.median(pdf_times['reportlint']):.3f} s"))
    rows.append(("pdfminer extract_text on it", f"{statistics.median(pdf_times['pdfminer']):.3f} s "
                 f"(reportlint/pdfminer = {paired_ratio(pdf_times, 'reportlint', 'pdfminer'):.2f})"))

    corpus = work / "corpus"
    corpus.mkdir(exist_ok=True)
    target = (2 if a.quick else 10) * 1024 * 1024
    total = chars = n = 0
    while total < target:
        lines = sized_report(rng, 6000)
        text = "\n".join(lines)
        src = corpus / f"r{n:05d}.txt"
        src.write_text(text, encoding="utf-8")
        if n % 3 == 0:
            txt_to_docx(src, corpus / f"r{n:05d}.docx")
            src.unlink()
        total += len(text.encode("utf-8"))
        chars += len(text)
        n += 1
    for jobs in (1, 2):
        start = time.perf_counter()
        subprocess.run([*exe, "check", "--no-cache", "--jobs", str(jobs), str(corpus)], capture_output=True)
        elapsed = time.perf_counter() - start
        label = f"batch {n} files, ~{total / 1e6:.1f} MB, --jobs {jobs}"
        rows.append((label, f"{chars / elapsed / 1e6:.2f} M chars/s ({elapsed:.1f} s)"))

    rows += rule_throughput(work, rng)
    for name in [n for n in one if n not in ("python", "reportlint")]:
        ratio = paired_ratio(one, name, "reportlint")
        rows.append((f"peer: {name} on the same .txt",
                     f"{statistics.median(one[name]):.3f} s ({ratio:.2f} x reportlint's time)"))
    rows += [(f"peer: {name}", "not installed") for name in PEERS if name not in one]
    width = max(len(r[0]) for r in rows)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")
    if not a.out:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def rule_throughput(work: Path, rng: random.Random) -> list[tuple[str, str]]:
    """Rules alone over an already-loaded ~1 M-character document, as ``lint_file`` runs them
    (cycle collector paused): the whole set (outline included), the outline alone, and each
    rule in milliseconds per MB of UTF-8 text. Medians of repeated runs after a warm-up."""
    from reportlint.config import Config
    from reportlint.engine import Settings, active_rules, analyse, load, no_cycle_collection, run_checks
    from reportlint.testing import session

    src = work / "rules1mb.txt"
    src.write_text("\n".join(sized_report(rng, 1_000_000)), encoding="utf-8")
    registry, book = session().books()
    doc = load(src, registry)
    text = "\n".join(b.text for b in doc.blocks)
    chars, megabytes = len(text) / 1e6, len(text.encode("utf-8")) / 1e6
    rules = active_rules(book, Config(), Settings(), None, src)

    def timed(rule_set: list, repeat: int) -> tuple[float, float]:  # type: ignore[type-arg]
        """Median seconds of analyse alone and of analyse + the rules."""
        alone, both = [], []
        for _ in range(repeat):
            with no_cycle_collection():
                start = time.perf_counter()
                ctx, _ = analyse(doc, book, None)
                middle = time.perf_counter()
                run_checks(ctx, rule_set, registry)
                alone.append(middle - start)
                both.append(time.perf_counter() - start)
        return statistics.median(alone), statistics.median(both)

    timed(rules, 1)  # warm-up: patterns compiled, data loaded
    outline_s, whole = timed(rules, 5)
    out = [(f"all default rules over {chars:.2f} M chars / {megabytes:.1f} MB (outline included)",
            f"{chars / whole:.2f} M chars/s ({whole * 1000 / megabytes:.0f} ms per MB)"),
           ("  of which document outline and residue", f"{outline_s * 1000 / megabytes:.0f} ms per MB")]
    per: list[tuple[float, str]] = []
    for rule in rules:
        if rule.code in ("X100", "X101", "X102"):
            continue
        before, after = timed([rule], 3)
        per.append(((after - before) * 1000 / megabytes, rule.code))
    per.sort(reverse=True)
    out.append(("rules above 10 ms per MB", ", ".join(f"{c} {ms:.0f}" for ms, c in per if ms > 10) or "none"))
    out.append(("slowest rules (ms per MB)", ", ".join(f"{c} {ms:.0f}" for ms, c in per[:6])))
    out += measure_throughput(doc, book, registry, rules, src)
    return out


def measure_throughput(doc, book, registry, rules, src) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """M1 rules alone, with each segmenter; the segmenter's one-off load is timed apart."""
    from reportlint import segment
    from reportlint.engine import analyse, run_checks

    m_rules = [r for r in rules if r.code.startswith("M")]
    chars = len("".join(b.text for b in doc.blocks))
    out = []
    for backend in ("jieba", "rjieba"):
        os.environ["REPORTLINT_SEGMENTER"] = backend
        segment.tagger.cache_clear()
        try:
            start = time.perf_counter()
            segment.tagger()("预热")
            load = time.perf_counter() - start
        except ImportError:
            out.append((f"M rules with {backend}", "not installed"))
            continue
        ctx, _ = analyse(doc, book, "对照检查材料")
        start = time.perf_counter()
        run_checks(ctx, m_rules, registry)
        elapsed = time.perf_counter() - start
        out.append((f"M rules with {backend} (load {load:.2f} s apart)", f"{chars / elapsed / 1e6:.2f} M chars/s"))
    os.environ.pop("REPORTLINT_SEGMENTER", None)
    segment.tagger.cache_clear()
    return out


PEERS = ("zhlint", "textlint (no rules)", "autocorrect-py (Rust)")


def peer_commands(one_txt: Path, node_bin: Path | None) -> dict[str, list[str]]:
    """The peers that are installed, each as a command on the same report: zhlint and
    textlint from the npm registry (``npm install --prefix DIR zhlint textlint``, then
    ``--peers DIR/node_modules/.bin``), autocorrect-py from PyPI. textlint runs without
    rules: the figure is its start-up and parsing, a lower bound of any real textlint check."""
    out: dict[str, list[str]] = {}
    path = os.pathsep.join(filter(None, [str(node_bin) if node_bin else "", os.environ.get("PATH", "")]))
    for name, cmd in ((PEERS[0], ["zhlint", str(one_txt)]), (PEERS[1], ["textlint", "--no-textlintrc", str(one_txt)])):
        exe = shutil.which(cmd[0], path=path)
        if exe:
            out[name] = [exe, *cmd[1:]]
    if subprocess.run([sys.executable, "-c", "import autocorrect_py"], capture_output=True).returncode == 0:
        code = f"import autocorrect_py as a; a.lint_for(open({str(one_txt)!r}, encoding='utf-8').read(), 'txt')"
        out[PEERS[2]] = [sys.executable, "-c", code]
    return out


if __name__ == "__main__":
    sys.exit(main())
