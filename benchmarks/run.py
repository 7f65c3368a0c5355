"""reportlint benchmarks: generates its own corpora and prints every figure as one table.

    python benchmarks/run.py [--quick] [--out FILE] [--keep DIR] [--peers DIR/node_modules/.bin]

Figures (whole-process wall-clock medians unless said otherwise), with the machine's
``python -c pass`` time printed beside them so that a reader can tell a slow machine:
  * one ~7k-character .txt report, cache off; the same with a warm cache
  * the imports of that run (``python -X importtime``, self times summed) and the heaviest ones
  * one 10-page and one 20-page .docx, cache off and warm
  * one 20-page .pdf, beside pdfminer's own extract_text on the same file
  * batch throughput over a ~10 MB corpus of .txt and .docx, --jobs 1 and --jobs 2 taking turns (3 rounds,
    medians) and the two-job speed-up as the median of the rounds' ratios
  * peak memory of the 100-page .docx run
  * rules alone over extracted text: characters per second for the whole default set and
    milliseconds per MB for each rule, segmenter load kept out; the M rules with the
    segmenter loaded, its load in a fresh process, and the segmenter alone on every block
  * peers on the same 7k report when installed (zhlint, textlint with rules configured,
    autocorrect-py); a peer that is not installed is named as absent
Every timed command is first run once and its exit code and output checked (reportlint
checked every file and no file failed to load; pdfminer returned the PDF's text; a peer ran
its rules); every timed run must then give the same exit code and output, or the script
stops: a figure of a command that failed is not a figure.
Commands compared with each other (reportlint and the peers; reportlint and pdfminer) take
turns round after round, and a ratio is the median of the rounds' ratios, so a slow spell
of a shared machine weighs on both sides alike.
Nothing here is asserted; the numbers are for the README and the closing notes (``--out``
writes the whole output to a file that the README quotes).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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
    thousands of times measures finding creation rather than checking. No word follows
    itself: a word typed twice is a typo (T101), which a clean report has once in a while,
    not in one sentence of three."""
    if rng.random() < 0.2:
        return rng.choice(PHRASES)
    words = [rng.choice(WORDS)]
    for _ in range(rng.randint(4, 11)):
        words.append(rng.choice([w for w in WORDS if w != words[-1]]))
    cut = rng.randint(2, len(words) - 2)
    return "".join(words[:cut]) + "，" + "".join(words[cut:])


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 23 → 二十三 (up to 99)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else CN[tens - 1]) + "十" if tens else "") + (CN[ones - 1] if ones else "")


SECTION_NAMES = ["主要工作", "存在的问题", "下一步工作打算", "工作成效", "原因分析"]


def section(rng: random.Random, number: int, items: int = 4, sentences: int = 4) -> list[str]:
    """One 一、 section with （一） items of a few sentences."""
    lines = [f"{cn_number(number)}、{SECTION_NAMES[(number - 1) % len(SECTION_NAMES)]}"]
    for i in range(items):
        body = "。".join(sentence(rng) for _ in range(sentences)) + "。"
        lines.append(f"（{cn_number(i + 1)}）{rng.choice(VERBS)}{rng.choice(SUBJECTS)}。{body}")
    return lines


def sized_report(rng: random.Random, chars: int) -> list[str]:
    """One generated report of about ``chars`` characters: a title, an opening, then 3 to 12
    一、 sections of as many （一） items as the size needs. A long report has more and longer
    sections, not several reports end to end: numbering that restarts at 一、 after
    三、下一步工作打算 would make everything after that heading one measures part, which no
    real report is."""
    lines = [f"县{rng.choice(SUBJECTS)}工作情况报告", "现将有关情况报告如下。"]
    sections = max(3, min(12, chars // 1200))
    items = max(2, -(-chars // (sections * 100)))
    number = 0
    while sum(map(len, lines)) < chars:
        number += 1
        lines += section(rng, number, items if number <= sections else 1)
    return lines


Check = Callable[[subprocess.CompletedProcess[str]], str | None]


class BenchmarkError(RuntimeError):
    """A timed command failed or changed its output: its time would be no figure."""


def checks_files(count: int) -> Check:
    """reportlint check ran to the end: exit code 0 or 1 (findings), its summary names
    ``count`` files checked, and no file failed to load or crashed a rule (X100-X102)."""

    def check(proc: subprocess.CompletedProcess[str]) -> str | None:
        if proc.returncode not in (0, 1):
            return f"exit code {proc.returncode}"
        found = re.search(r"检查 (\d+) 个文件", proc.stdout)
        if not found or int(found.group(1)) != count:
            return f"summary does not say {count} file(s) checked"
        bad = re.search(r"\bX10[012]\b", proc.stdout)
        return f"{bad.group(0)} in the output" if bad else None

    return check


def prints(needle: str, codes: tuple[int, ...] = (0,)) -> Check:
    """The command exits with one of ``codes`` and its output holds ``needle``."""

    def check(proc: subprocess.CompletedProcess[str]) -> str | None:
        if proc.returncode not in codes:
            return f"exit code {proc.returncode}"
        return None if needle in proc.stdout else f"{needle!r} not in its output"

    return check


def says(pattern: str, codes: tuple[int, ...]) -> Check:
    """The command exits with one of ``codes`` and its output (stdout or stderr) matches ``pattern``:
    for peers that report on stderr (zhlint prints "Found N errors." there)."""

    def check(proc: subprocess.CompletedProcess[str]) -> str | None:
        if proc.returncode not in codes:
            return f"exit code {proc.returncode}: {proc.stderr[-300:]}"
        return None if re.search(pattern, proc.stdout + proc.stderr) else f"{pattern!r} not in its output"

    return check


def exits(*codes: int) -> Check:
    def check(proc: subprocess.CompletedProcess[str]) -> str | None:
        return None if proc.returncode in codes else f"exit code {proc.returncode}: {proc.stderr[-300:]}"

    return check


def run_checked(name: str, cmd: list[str], check: Check, env: dict[str, str] | None = None,
                expect: subprocess.CompletedProcess[str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``cmd``; stop the benchmark if ``check`` rejects the result or the exit code and
    output differ from ``expect`` (the checked first run)."""
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    problem = check(proc)
    if problem is None and expect is not None and (proc.returncode, proc.stdout) != (expect.returncode, expect.stdout):
        problem = "exit code or output differs from the checked run"
    if problem:
        raise BenchmarkError(f"{name}: {problem}\n  command: {' '.join(cmd)}\n  stderr: {proc.stderr[-500:]}")
    return proc


def median_time(cmd: list[str], check: Check, runs: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(side_by_side({"cmd": (cmd, check)}, runs, env)["cmd"])


def first_run(cmd: list[str], check: Check, work: Path, runs: int) -> float:
    """Median seconds of ``cmd`` run each time with a new, empty cache folder, as on a machine (or a CI container)
    where reportlint has never run: the tables of words and patterns are built and written. Each run is checked."""
    times = []
    for k in range(runs):
        folder = work / f"first-run-cache-{k}"
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        run_checked("first run", cmd, check, {**os.environ, "REPORTLINT_CACHE_DIR": str(folder)})
        times.append(time.perf_counter() - start)
        shutil.rmtree(folder, ignore_errors=True)
    return statistics.median(times)


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


def side_by_side(cmds: dict[str, tuple[list[str], Check]], runs: int,
                 env: dict[str, str] | None = None) -> dict[str, list[float]]:
    """Wall-clock seconds of each command in each round, the commands taking turns round
    after round, so that a slow spell of a shared machine weighs on all of them alike. Each
    command is run and checked once first (files read, caches written); every timed run must
    give the same exit code and output."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    first = {name: run_checked(name, cmd, check, env) for name, (cmd, check) in cmds.items()}
    for _ in range(runs):
        for name, (cmd, _check) in cmds.items():
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
            times[name].append(time.perf_counter() - start)
            if (proc.returncode, proc.stdout) != (first[name].returncode, first[name].stdout):
                raise BenchmarkError(f"{name}: a timed run gave another exit code or output than the checked run\n"
                                     f"  command: {' '.join(cmd)}\n  stderr: {proc.stderr[-500:]}")
    return times


def import_time(cmd: list[str], runs: int) -> tuple[float, list[tuple[float, str]]]:
    """Milliseconds of all imports of ``python -X importtime CMD`` (the self times summed:
    every module once), median of ``runs``; and the heaviest top-level imports of the median
    run by their cumulative time."""
    totals: list[tuple[float, list[tuple[float, str]]]] = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-X", "importtime", *cmd], capture_output=True, text=True)
        total = 0.0
        top: list[tuple[float, str]] = []
        for line in proc.stderr.splitlines():
            found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
            if found:
                total += int(found.group(1)) / 1000
                if len(found.group(3)) <= 1:
                    top.append((int(found.group(2)) / 1000, found.group(4)))
        totals.append((total, sorted(top, reverse=True)))
    totals.sort(key=lambda t: t[0])
    return totals[len(totals) // 2]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller corpora and fewer runs")
    ap.add_argument("--out", type=Path, help="also write the whole output to this file (for the README)")
    ap.add_argument("--keep", type=Path, help="keep the generated corpora in this folder")
    ap.add_argument("--peers", type=Path, help="a node_modules/.bin folder holding zhlint and textlint")
    a = ap.parse_args()
    out_file = a.out.resolve() if a.out else None  # the runs change folder
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    try:
        rows = measure(a)
    except BenchmarkError as exc:
        say(f"benchmark stopped: {exc}")
        status = 1
    else:
        width = max(len(r[0]) for r in rows)
        say(f"command: python benchmarks/run.py {' '.join(sys.argv[1:])}")
        say(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
        for name, value in rows:
            say(f"{name.ljust(width)}  {value}")
        status = 0
    if out_file:
        out_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return status


def measure(a: argparse.Namespace) -> list[tuple[str, str]]:
    from conftest import make_pdf, txt_to_docx

    # measure what an installed reportlint does: byte-code caches written and reused
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    exe = [str(Path(sys.executable).with_name("reportlint"))]
    run_checked("reportlint --version", [*exe, "--version"], prints("reportlint"))
    runs = 3 if a.quick else 7
    work = a.keep or Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    work = work.resolve()
    peer_bin = a.peers.resolve() if a.peers else None
    os.chdir(work)  # no configuration file of the caller's folder is read by any run
    rng = random.Random(20261122)
    cache = work / "cache"
    env_cold = {**os.environ, "REPORTLINT_CACHE_DIR": str(cache)}
    rows: list[tuple[str, str]] = []
    one_file = checks_files(1)

    one_txt = work / "one.txt"
    one_txt.write_text("\n".join(sized_report(rng, 7000)), encoding="utf-8")
    peers, absent = peer_commands(one_txt, peer_bin, work)
    one = side_by_side({"python": ([sys.executable, "-c", "pass"], exits(0)),
                        "reportlint": ([*exe, "check", "--no-cache", str(one_txt)], one_file),
                        **peers}, 2 * runs + 1)
    rows.append(("python -c pass (this machine's start-up, for scale)", f"{statistics.median(one['python']):.3f} s"))
    t_txt = statistics.median(one["reportlint"])
    rows.append((f"one .txt report ({len(one_txt.read_text(encoding='utf-8'))} chars), cache off", f"{t_txt:.3f} s"))
    run_checked("warm-up", [*exe, "check", str(one_txt)], one_file, env_cold)
    rows.append(("same, warm cache", f"{median_time([*exe, 'check', str(one_txt)], one_file, runs, env_cold):.3f} s"))
    rows.append(("same, cache off, a machine's first run (empty cache folder: the word tables are built)",
                 f"{first_run([*exe, 'check', '--no-cache', str(one_txt)], one_file, work, runs):.3f} s"))
    imports, heavy = import_time(["-m", "reportlint", "check", "--no-cache", str(one_txt)], runs)
    bare, _ = import_time(["-c", "pass"], runs)
    rows.append(("imports of that run (-X importtime, self times summed)",
                 f"{imports:.0f} ms ({imports - bare:.0f} ms more than python -c pass)"))
    rows.append(("  heaviest top-level imports (cumulative)",
                 ", ".join(f"{name} {ms:.0f}" for ms, name in heavy[:5]) + " ms"))

    for pages in (10, 20, 100):
        src = work / f"doc{pages}.txt"
        src.write_text("\n".join(sized_report(rng, pages * 700)), encoding="utf-8")
        docx = txt_to_docx(src, work / f"doc{pages}.docx")
        if pages == 100:
            run_checked("100-page .docx", [*exe, "check", "--no-cache", str(docx)], one_file)
            rows.append(("peak memory, 100-page .docx", f"{peak_memory([*exe, 'check', '--no-cache', str(docx)])} MiB"
                                                         " (largest process)"))
            continue
        cold = median_time([*exe, "check", "--no-cache", str(docx)], one_file, runs)
        rows.append((f"one {pages}-page .docx, cache off", f"{cold:.3f} s"))
        run_checked("warm-up", [*exe, "check", str(docx)], one_file, env_cold)
        warm = median_time([*exe, "check", str(docx)], one_file, runs, env_cold)
        rows.append((f"one {pages}-page .docx, warm cache", f"{warm:.3f} s"))

    pdf_paras = sized_report(rng, 20 * 600)
    per_page = max(1, len(pdf_paras) // 20)
    pdf = make_pdf(work / "doc20.pdf", [pdf_paras[i:i + per_page] for i in range(0, len(pdf_paras), per_page)][:20])
    miner = f"from pdfminer.high_level import extract_text; print(extract_text({str(pdf)!r}))"
    last_heading = next(p for p in reversed(pdf_paras[:20 * per_page]) if len(p) < 20)
    pdf_times = side_by_side({"reportlint": ([*exe, "check", "--no-cache", str(pdf)], one_file),
                              "pdfminer": ([sys.executable, "-c", miner], prints(last_heading))}, 2 * runs + 1)
    rows.append(("one 20-page .pdf, cache off", f"{statistics.median(pdf_times['reportlint']):.3f} s"))
    rows.append(("pdfminer extract_text on it", f"{statistics.median(pdf_times['pdfminer']):.3f} s "
                 f"(reportlint/pdfminer = {paired_ratio(pdf_times, 'reportlint', 'pdfminer'):.2f})"))

    corpus = work / "corpus"
    corpus.mkdir(exist_ok=True)
    target = (2 if a.quick else 10) * 1024 * 1024
    total = chars = n = 0
    while total < target:
        text = "\n".join(sized_report(rng, 6000))
        src = corpus / f"r{n:05d}.txt"
        src.write_text(text, encoding="utf-8")
        if n % 3 == 0:
            txt_to_docx(src, corpus / f"r{n:05d}.docx")
            src.unlink()
        total += len(text.encode("utf-8"))
        chars += len(text)
        n += 1
    # one job and two take turns, round after round (each checked first): the machine's slow spells weigh on both,
    # and the speed-up is the median of each round's own ratio
    batch = {f"--jobs {jobs}": ([*exe, "check", "--no-cache", "--jobs", str(jobs), str(corpus)], checks_files(n))
             for jobs in (1, 2)}
    batch_times = side_by_side(batch, 1 if a.quick else 3)
    for name, times in batch_times.items():
        elapsed = statistics.median(times)
        rounds = " / ".join(f"{t:.2f}" for t in times)
        rows.append((f"batch {n} files, ~{total / 1e6:.1f} MB, {name}",
                     f"{chars / elapsed / 1e6:.2f} M chars/s (median {elapsed:.2f} s of {rounds} s)"))
    rows.append(("  --jobs 2 speed-up over --jobs 1 (median of the rounds' ratios)",
                 f"{paired_ratio(batch_times, '--jobs 1', '--jobs 2'):.2f} x"))

    try:
        rows += rule_throughput(work, rng)
    except Exception as e:  # an older reportlint (timed for comparison) lacks the internals this part drives
        rows.append(("rules alone", f"not measured on this version ({type(e).__name__}: {str(e)[:80]})"))
    for name in peers:
        ratio = paired_ratio(one, name, "reportlint")
        rows.append((f"peer: {name} on the same .txt",
                     f"{statistics.median(one[name]):.3f} s ({ratio:.2f} x reportlint's time)"))
    rows += [(f"peer: {name}", "not installed, not timed") for name in absent]
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def rule_throughput(work: Path, rng: random.Random) -> list[tuple[str, str]]:
    """Rules alone over already-loaded reports of ~7,000 characters, about 1 M characters in
    all, as ``lint_file`` runs them (cycle collector paused): the whole set (outline included),
    the outline alone, and each rule in milliseconds per MB of UTF-8 text. Medians of repeated
    runs after a warm-up. Many reports, not one long one: what a document-level step costs
    (the outline, the measures parts) depends on the document's length."""
    from reportlint.config import Config
    from reportlint.engine import Settings, active_rules, analyse, load, no_cycle_collection, run_checks
    from reportlint.testing import session

    folder = work / "rules1m"
    folder.mkdir(exist_ok=True)
    registry, book = session().books()
    docs, chars, size = [], 0, 0
    while chars < 1_000_000:
        src = folder / f"r{len(docs):04d}.txt"
        text = "\n".join(sized_report(rng, 7000))
        src.write_text(text, encoding="utf-8")
        docs.append(load(src, registry))
        chars += len(text)
        size += len(text.encode("utf-8"))
    megabytes = size / 1e6
    rules = active_rules(book, Config(), Settings(), None, folder / "r0000.txt")

    def timed(rule_set: list, repeat: int) -> tuple[float, float]:  # type: ignore[type-arg]
        """Median seconds of analyse alone and of analyse + the rules, over all the reports."""
        alone, both = [], []
        for _ in range(repeat):
            outline = whole = 0.0
            with no_cycle_collection():
                for doc in docs:
                    start = time.perf_counter()
                    ctx, _ = analyse(doc, book, None)
                    middle = time.perf_counter()
                    run_checks(ctx, rule_set, registry)
                    outline += middle - start
                    whole += time.perf_counter() - start
            alone.append(outline)
            both.append(whole)
        return statistics.median(alone), statistics.median(both)

    timed(rules, 1)  # warm-up: patterns compiled, data loaded
    outline_s, whole = timed(rules, 5)
    out = [(f"all default rules over {len(docs)} reports, {chars / 1e6:.2f} M chars / {megabytes:.1f} MB"
            " (outline included)", f"{chars / 1e6 / whole:.2f} M chars/s ({whole * 1000 / megabytes:.0f} ms per MB)"),
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
    out += measure_throughput(docs, book, registry, rules)
    return out


def measure_throughput(docs, book, registry, rules) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """M1 rules alone with reportlint's segmenter loaded already (its one-off load is timed
    apart, in fresh processes), and the segmenter alone on every block of the documents;
    both outputs are checked: the M rules' findings equal a second run's, the words cover
    the text."""
    from reportlint import segment
    from reportlint.engine import analyse, run_checks

    m_rules = [r for r in rules if r.code.startswith("M")]
    texts = [b.text for doc in docs for b in doc.blocks]
    chars = sum(map(len, texts))
    tag = segment.tagger()
    load = segmenter_load()
    runs = []
    for _ in range(2):
        elapsed, found = 0.0, []
        for doc in docs:
            ctx, _ = analyse(doc, book, "对照检查材料")
            start = time.perf_counter()
            findings, _ = run_checks(ctx, m_rules, registry)
            elapsed += time.perf_counter() - start
            found += [(f.rule, f.block, f.start, f.message) for f in findings]
        runs.append((elapsed, found))
    if not runs[0][1] or runs[0][1] != runs[1][1]:
        raise BenchmarkError("M rules: no findings, or two runs disagree")
    start = time.perf_counter()
    words = [tag(text) for text in texts]
    segmenting = time.perf_counter() - start
    if ["".join(w for w, _ in ws) for ws in words] != texts:
        raise BenchmarkError("segmenter: the words do not cover the text")
    return [(f"M rules, segmenter loaded (load {load * 1000:.1f} ms apart)",
             f"{chars / min(r[0] for r in runs) / 1e6:.2f} M chars/s"),
            ("segmenter alone, every block", f"{chars / segmenting / 1e6:.2f} M chars/s")]


def segmenter_load(runs: int = 5) -> float:
    """Seconds a fresh process takes to import and load the segmenter (its first tagging
    included) once its lexicon is cached, median of ``runs``: in this process it is loaded
    already."""
    code = ("import time; from reportlint import segment; t = time.perf_counter(); "
            "assert segment.tagger()('预热三个乡镇') == [('预热', 'v'), ('三个', 'm'), ('乡镇', 'n')]; "
            "print(time.perf_counter() - t)")
    return statistics.median(float(run_checked("segmenter load", [sys.executable, "-c", code], exits(0)).stdout)
                             for _ in range(runs))


# textlint has no rules of its own. It runs here with the rules that apply to Chinese text:
# textlint-rule-zh-half-and-full-width-bracket (written for Chinese) and the CJK width and
# spacing rules of textlint-rule-preset-ja-spacing (the npm registry offers no Chinese preset).
TEXTLINT_RULES = {"zh-half-and-full-width-bracket": True, "preset-ja-spacing": True}


PEERS = ("zhlint", "textlint (Chinese bracket rule + CJK spacing preset)", "autocorrect-py (Rust)")


def peer_commands(one_txt: Path, node_bin: Path | None,
                  work: Path) -> tuple[dict[str, tuple[list[str], Check]], list[str]]:
    """The peers that are installed, each as a checked command on the same report, and the
    names of those that are not: zhlint and textlint with its rules from the npm registry
    (``npm install --prefix DIR zhlint textlint textlint-rule-zh-half-and-full-width-bracket
    textlint-rule-preset-ja-spacing``, then ``--peers DIR/node_modules/.bin``), autocorrect-py
    from PyPI. textlint is timed only when its rules load (a textlint without rules would
    time start-up and parsing only)."""
    out: dict[str, tuple[list[str], Check]] = {}
    absent: list[str] = []
    path = os.pathsep.join(filter(None, [str(node_bin) if node_bin else "", os.environ.get("PATH", "")]))
    zhlint = shutil.which("zhlint", path=path)
    if zhlint:
        # a path relative to the working folder (the benchmark runs in ``work``): zhlint refuses an
        # absolute one ("path should be a `path.relative()`d string") and exits 1, like a run with findings
        out[PEERS[0]] = ([zhlint, os.path.relpath(one_txt, work)], says(r"Found \d+ errors?", (1,)))
    else:
        absent.append(PEERS[0])
    textlint = shutil.which("textlint", path=path)
    if textlint:
        config = work / "textlintrc.json"
        config.write_text(json.dumps({"rules": TEXTLINT_RULES}), encoding="utf-8")
        # a half-width bracket between Chinese characters: the bracket rule must report it
        probe = work / "textlint-probe.txt"
        probe.write_text("本次检查(试点)已经完成。\n", encoding="utf-8")
        rules = subprocess.run([textlint, "--config", str(config), str(probe)], capture_output=True, text=True)
        if rules.returncode == 1 and "half-and-full-width-bracket" in rules.stdout:
            out[PEERS[1]] = ([textlint, "--config", str(config), str(one_txt)], exits(0, 1))
        else:
            absent.append(f"{PEERS[1]}: rules did not load ({(rules.stdout + rules.stderr).strip()[:120]})")
    else:
        absent.append(PEERS[1])
    if subprocess.run([sys.executable, "-c", "import autocorrect_py"], capture_output=True).returncode == 0:
        code = ("import autocorrect_py as a; "
                f"r = a.lint_for(open({str(one_txt)!r}, encoding='utf-8').read(), 'txt'); print(type(r).__name__)")
        out[PEERS[2]] = ([sys.executable, "-c", code], exits(0))
    else:
        absent.append(PEERS[2])
    return out, absent


if __name__ == "__main__":
    sys.exit(main())
