"""Command line: check, extract, rules, explain, profiles, plugins (click). Thin: the work
is in engine.py; this module parses options, picks the reporter and maps errors to the exit
codes of SPEC.md (0 clean, 1 findings, 2 an input not checked, 3 usage, 4 internal)."""

from __future__ import annotations

import gc

_collecting = gc.isenabled()
gc.disable()  # while the imports and click's decorators below build their objects (re-enabled at the end)

import json  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import click  # noqa: E402

from . import __version__, checkcmd, clickzh, regexcache  # noqa: E402
from .checkcmd import _progress_bar, _safe, _supported  # noqa: E402, F401  (_progress_bar: tests import it from here)
from .config import find_config  # noqa: E402
from .errors import ConfigError, LoadError  # noqa: E402

EXIT_USAGE = 3
EXIT_INTERNAL = 4

clickzh.install()  # before the decorators below: click's own messages (usage errors, --help) in Chinese


MAX_TIMEOUT = 86400.0


def _seconds(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """``--timeout``: a positive, finite number of seconds (nan would switch the limit off)."""
    if not math.isfinite(value) or value <= 0 or value > MAX_TIMEOUT:
        raise click.BadParameter(f"“{value}”无效：应为大于 0、不超过 {MAX_TIMEOUT:g}（一天）的秒数，如 8 或 30")
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def cli() -> None:
    """reportlint：检查中文公文报告的编号、结构、措施和套话问题。"""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", default="text", show_default=True,
              help="输出格式：text、json、sarif、github、gitlab、junit、html 或插件提供的格式")
@click.option("--profile", help="指定文种（如 对照检查材料），不再自动识别")
@click.option("--select", help="只运行这些规则，按代码前缀，逗号分隔，如 N1,S101")
@click.option("--extend-select", help="在已选规则（配置或默认）之外再加上这些规则，按代码前缀，逗号分隔")
@click.option("--ignore", help="不运行这些规则，按代码前缀，逗号分隔")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="达到此级别的问题使退出码为 1（默认 warning）")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="配置文件（默认从文件所在目录向上查找）")
@click.option("--corpus", type=click.Path(path_type=Path), help="参考语料索引（B105 跨文档雷同）：索引文件或分片目录")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="并行检查的进程数（默认为 CPU 核数）")
@click.option("--timeout", type=float, default=8.0, show_default=True, callback=_seconds,
              help="在子进程中检查的文件（.pdf、.doc、.wps、过大的文件）的处理时限（秒，大于 0），超时记为 X101")
@click.option("--no-cache", is_flag=True, help="不读也不写结果缓存")
@click.option("--annotate", "annotate_to", type=click.Path(dir_okay=False, path_type=Path),
              help="把问题作为批注写入被检查 .docx 的副本（只检查一个 .docx 时可用）")
@click.option("--exclude", multiple=True,
              help="不检查匹配这些模式（.gitignore 写法，逗号分隔或重复使用）的文件和目录，取代配置和默认排除")
@click.option("--extend-exclude", multiple=True, help="在配置和默认排除之外，再排除匹配这些模式的文件和目录")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="遍历目录时是否跳过 .gitignore 忽略的文件（默认跳过）")
@click.option("--force-exclude/--no-force-exclude", default=None,
              help="命令行直接给出的文件也按排除规则处理（供 pre-commit 使用）")
@click.option("--stdin-filename", help="从标准输入（路径写 -）读取时，文档的文件名：决定类型、配置和 per-file-ignores")
@click.option("--show-settings", is_flag=True, help="只显示对给定文件生效的设置（配置文件、规则、选项、排除），不检查")
@click.option("--exit-zero", is_flag=True, help="有问题时也以 0 退出（不影响 2–4）")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="基线文件（JSON）：其中已记录的问题不显示、不影响退出码，只报告新问题")
@click.option("--write-baseline", "write_baseline_to", type=click.Path(dir_okay=False, path_type=Path),
              help="把本次发现的全部问题写入基线文件，退出码为 0（有文件无法检查时为 2）")
@click.option("--statistics", is_flag=True, help="只显示每条规则的问题数，不列出每个问题")
@click.option("--fix", "fix_to", type=click.Path(dir_okay=False, path_type=Path),
              help="把能确定的改正（重字、“、等”、半角标点、文号括号、重复编号、句中页码）写入副本 OUT："
                   ".txt/.md 写改正后的文字，.docx 写成 Word 修订（可逐条接受或拒绝）；原文件不动。"
                   "只用于单个文件，然后显示副本中剩下的问题")
@click.option("--diff", "show_diff", is_flag=True,
              help="不写任何文件，以统一差异格式显示 --fix 会对 .txt/.md 做的改正；有可改正之处时退出码为 1")
@click.option("--force", is_flag=True, help="允许 --fix 覆盖已存在的输出文件（被检查的文件本身永远不会被覆盖）")
@click.option("--debug", is_flag=True, help="出错时显示完整的调用栈")
def check(**options: Any) -> int:
    """检查文件或目录（.docx、.pdf、.ofd、.doc、.wps、.txt、.md；- 表示标准输入）。"""
    try:
        return checkcmd.run(**options)
    except checkcmd.Usage as exc:
        raise click.UsageError(str(exc)) from exc


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--numbers/--no-numbers", default=True, help="每行前是否显示段落编号")
def extract(file: Path, fmt: str, numbers: bool) -> int:
    """输出规则看到的段落：每行一个，从 1 编号。"""
    from .engine import Session, load
    from .reporters.escape import safe
    from .store import sha256

    registry, _ = Session().books(find_config(file.resolve().parent))
    try:
        doc = load(file, registry)
    except LoadError as exc:
        click.echo(f"{safe(str(file))}: {exc.code} {exc}", err=True)
        return 2
    if fmt == "json":
        blocks = [{"line": b.line or b.index + 1, "text": b.text, "kind": b.kind, "level": b.level, "style": b.style,
                   "page": b.page, "label": b.label, "table": b.table,
                   "end_line": b.joins[-1][1] if b.joins else b.line or b.index + 1} for b in doc.blocks]
        click.echo(json.dumps({"path": doc.path, "title": doc.title, "furniture": list(doc.furniture),
                               "meta": {**doc.meta, "sha256": sha256(file.read_bytes()).hexdigest()},
                               "blocks": blocks}, ensure_ascii=False, indent=2))
        return 0
    for b in doc.blocks:
        # the number is the block's first physical line (a re-joined text line keeps its own)
        click.echo(f"{b.line or b.index + 1}\t{safe(b.text)}" if numbers else safe(b.text))
    return 0


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(fmt: str) -> int:
    """列出全部规则：代码、名称、类别、默认级别、说明。"""
    from .engine import Session

    _, book = Session().books(find_config(Path.cwd()))
    rows = [
        {"code": r.code, "name": r.name, "family": r.family, "severity": r.severity, "summary": r.summary,
         "source": book.sources.get(r.code, "")}
        for r in (book.rules[c] for c in sorted(book.rules))
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            click.echo(f"{row['code']:<7} {row['name']:<24} {row['severity']:<8} {row['summary']}")
    return 0


@cli.command()
@click.argument("code")
def explain(code: str) -> int:
    """解释一条规则：检查什么、为什么、正反示例和可配置项。"""
    from .engine import Session

    _, book = Session().books(find_config(Path.cwd()))
    rule = book.rules.get(code.upper())
    if rule is None:
        raise click.UsageError(f"没有规则“{code}”；用 reportlint rules 查看全部规则")
    lines = [f"{rule.code} {rule.name}（{rule.family} 类，默认级别 {rule.severity}）", "", rule.summary, "",
             "为什么：", rule.why]
    if rule.docs:
        lines += ["", rule.docs.strip()]
    lines += ["", "应当报告的写法："] + [f"  ✗ {b}" for b in rule.bad]
    lines += ["", "不应报告的写法："] + [f"  ✓ {g}" for g in rule.good]
    if rule.params:
        lines += ["", f"可配置项（在配置文件 [options.{rule.code}] 中修改）："]
        for k, v in rule.params.items():
            shown = json.dumps(v, ensure_ascii=False)
            lines.append(f"  {k} = {shown if len(shown) < 100 else shown[:97] + '…'}")
    # a kind of document may set the rule's options or turn it off: a reader asking why a passage is silent sees it
    by_kind = [(p, p.rules.get(rule.code)) for p in sorted(book.profiles.values(), key=lambda p: p.id)]
    by_kind = [(p, opts) for p, opts in by_kind if opts and hasattr(opts, "items")]
    if by_kind:
        lines += ["", "文种档案里另行设定（识别出这个文种时代替上面的值；reportlint profiles 列出文种）："]
        for p, opts in by_kind:
            shown = "，".join(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in opts.items())
            lines.append(f"  {p.name}（{p.id}）：{shown if len(shown) < 100 else shown[:97] + '…'}")
    click.echo("\n".join(lines))
    return 0


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听的地址；默认只有本机能访问")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="监听的端口")
def serve(host: str, port: int) -> int:
    """打开一个本机网页：上传一个文件，看 HTML 检查报告（按 Ctrl+C 停止）。"""
    from .serve import Checker, is_loopback, make_server, serve_until_stopped

    try:
        server = make_server(host, port, Checker(find_config(Path.cwd().resolve())))
    except OSError as exc:
        raise click.UsageError(f"无法在 {host}:{port} 上监听：{exc.strerror or exc}；换一个 --port 试试") from exc
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"reportlint：请在浏览器打开 http://{shown}:{server.server_address[1]}/ 上传文件检查；"
               "按 Ctrl+C 停止", err=True)
    if not is_loopback(host):
        click.echo("reportlint: 注意：监听的不是本机回环地址，同一网络中的其他电脑也能上传文件", err=True)
    serve_until_stopped(server)
    return 0


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def profiles(fmt: str) -> int:
    """列出文种档案：识别关键词和必备部分。"""
    from .engine import Session
    from .reporters.text import ljust

    _, book = Session().books(find_config(Path.cwd()))
    rows = [
        {"id": p.id, "name": p.name, "match": list(p.match),
         "sections": [{"name": s.name, "aliases": list(s.aliases), "role": s.role, "required": s.required}
                      for s in p.sections]}
        for p in sorted(book.profiles.values(), key=lambda p: p.id)
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            required = "、".join(s["name"] for s in row["sections"] if s["required"]) or "（无）"
            click.echo(f"{ljust(row['id'], 18)} {ljust(row['name'], 12)} 必备部分：{required}\n"
                       f"{' ' * 32}识别关键词（也可作 --profile 的值）：{'、'.join(row['match'])}")
    return 0


@cli.command()
def plugins() -> int:
    """列出已加载的插件（JSON）：名称、版本、实现的钩子、提供的规则代码。"""
    from .engine import Session
    from .plugins import describe

    reg, book = Session().books(find_config(Path.cwd()))
    by_source: dict[str, list[str]] = {}
    for code, src in book.sources.items():
        by_source.setdefault(src, []).append(code)
    assert reg.pm is not None
    click.echo(json.dumps(describe(reg.pm, by_source), ensure_ascii=False, indent=2))
    return 0


@cli.group()
def corpus() -> None:
    """参考语料索引（B105 跨文档雷同）：建立和更新。"""


def _corpus_files(paths: tuple[str, ...]) -> Any:
    """The files the corpus commands index, and the registry of loaders."""
    from .engine import Session
    from .files import Selection, select_files

    registry, _ = Session().books(find_config(Path.cwd().resolve()))
    selection = Selection(config_for=find_config, supported=_supported(registry.loaders), cwd=Path.cwd().resolve())
    files = []
    for picked in select_files((Path(p) for p in paths), selection):
        if picked.note:
            click.echo(f"reportlint: 提示：{_safe(str(picked.path))} {picked.note}", err=True)
        if not (picked.skip or picked.note):
            files.append(picked.path)
    return registry, files


def _corpus_documents(registry: Any, files: list[Path]) -> Any:
    from .corpus import file_sha256
    from .engine import load

    for path in files:
        try:
            yield load(path, registry), file_sha256(path)
        except (LoadError, OSError) as exc:
            click.echo(f"{path}: 未加入索引：{exc}", err=True)


_INDEX_OPTION = click.option("-o", "--output", "output", required=True,
                             type=click.Path(path_type=Path), help="索引文件（SQLite），或分片目录")
_FREQUENT_OPTION = click.option("--frequent", "frequent", type=click.IntRange(min=1), default=None,
                                help="指纹出现在多于 N 个文档中即视为套话，只记一次、不再指向来源（默认 50）")


@corpus.command("build")
@click.argument("paths", nargs=-1, required=True)
@_INDEX_OPTION
@_FREQUENT_OPTION
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="用 Dask 在本机启动 N 个工作进程并行建立（需 pip install \"reportlint[dask]\"）")
@click.option("--scheduler", default=None, help="Dask 调度器地址，如 tcp://host:8786（跨机器请用 tls://）")
@click.option("--scheduler-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Dask 调度器文件（dask scheduler --scheduler-file 写出的）")
@click.option("--shards", is_flag=True, default=False,
              help="写成分片目录（每个桶一个文件，用 Dask 时由工作进程各自写出；-o 已是分片目录时自动如此）")
def corpus_build(paths: tuple[str, ...], output: Path, frequent: int | None, workers: int | None,
                 scheduler: str | None, scheduler_file: Path | None, shards: bool) -> int:
    """把目录中的文档编入新的参考语料索引（已存在时重建）。

    也读环境变量 REPORTLINT_SCHEDULER、DASK_SCHEDULER_ADDRESS 作为 Dask 调度器地址。"""
    from .corpus import FREQUENT_DOCS
    from .corpusdask import scheduler_address

    address = scheduler_address(scheduler, scheduler_file)
    if address is None and workers is None:
        return _update_index(paths, output, fresh=True, frequent=frequent or FREQUENT_DOCS, shards=shards)
    from .corpusdask import build, client_for, off_loopback

    if isinstance(address, str) and off_loopback(address):
        click.echo(f"reportlint: 提示：调度器地址 {_safe(address)} 未加密；跨机器请用 tls:// 并只让集群内机器可达",
                   err=True)
    _, files = _corpus_files(paths)
    with client_for(address, workers) as client:
        _, total = build(output, files, client, frequent or FREQUENT_DOCS, shards=shards,
                         on_error=lambda path, message: click.echo(f"{path}: 未加入索引：{message}", err=True))
    click.echo(f"已建立索引 {output}：{total} 个文档。")
    return 0


@corpus.command("add")
@click.argument("paths", nargs=-1, required=True)
@_INDEX_OPTION
def corpus_add(paths: tuple[str, ...], output: Path) -> int:
    """把新增或修改过的文档加入已有的参考语料索引。"""
    return _update_index(paths, output, fresh=False)


@corpus.command("pairs")
@click.argument("index", type=click.Path(path_type=Path))
@click.option("--min-shared", type=click.IntRange(min=1), default=10, show_default=True,
              help="至少共享多少个指纹（约每 4 个字一个）")
@click.option("--min-share", type=click.FloatRange(0, 1), default=0.1, show_default=True,
              help="共享指纹至少占较短文档指纹的比例")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def corpus_pairs(index: Path, min_shared: int, min_share: float, fmt: str) -> int:
    """列出索引中相互雷同（共享段落）的文档对，用于清查档案。"""
    from .corpus import pairs

    found = pairs(index, min_shared, min_share)
    if fmt == "json":
        click.echo(json.dumps([{"first": p.first, "second": p.second, "shared": p.shared, "share": p.share}
                               for p in found], ensure_ascii=False, indent=2))
        return 0
    for p in found:
        click.echo(f"{_safe(p.first)}  {_safe(p.second)}  共享 {p.shared} 个指纹，占较短者的 {p.share:.0%}")
    click.echo(f"共 {len(found)} 对文档有雷同段落。")
    return 0


@corpus.command("match")
@click.argument("paths", nargs=-1, required=True)
@click.option("--corpus", "index", required=True, type=click.Path(path_type=Path), help="参考语料索引文件或分片目录")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.6, show_default=True,
              help="段落中至少多少比例的文字在来源中重现")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="用 Dask 在本机启动 N 个工作进程分担（需 pip install \"reportlint[dask]\"）")
@click.option("--scheduler", default=None, help="Dask 调度器地址，如 tcp://host:8786（跨机器请用 tls://）")
@click.option("--scheduler-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Dask 调度器文件")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def corpus_match(paths: tuple[str, ...], index: Path, threshold: float, workers: int | None,
                 scheduler: str | None, scheduler_file: Path | None, fmt: str) -> int:
    """逐段列出许多份草稿中与参考语料雷同的段落及其来源（批量查重；可经同一个 Dask 集群分担）。

    每个雷同段落一行（reportlint check 的 B105 把相邻的雷同段落合为一条）。
    有雷同时退出码为 1，有文件读不了时为 2。"""
    from contextlib import nullcontext

    from .corpus import validate
    from .corpusdask import client_for, match, off_loopback, scheduler_address

    validate(index, "check")  # before a cluster starts for nothing
    address = scheduler_address(scheduler, scheduler_file)
    if isinstance(address, str) and off_loopback(address):
        click.echo(f"reportlint: 提示：调度器地址 {_safe(address)} 未加密；跨机器请用 tls:// 并只让集群内机器可达",
                   err=True)
    _, files = _corpus_files(paths)
    found, failed, report = 0, 0, []
    cluster = client_for(address, workers) if address is not None or workers is not None else nullcontext()
    with cluster as client:
        for given, (_, result) in zip(files, match(files, index, threshold, client), strict=True):
            shown = str(given)  # as the command line named it
            if isinstance(result, str):
                failed += 1
                click.echo(f"{_safe(shown)}: 未检查：{result}", err=True)
                continue
            found += len(result)
            for block, source, source_block, similarity in result:
                report.append({"path": shown, "line": block + 1, "source": source, "source_line": source_block + 1,
                               "similarity": similarity})
                if fmt == "text":
                    click.echo(f"{_safe(shown)}:{block + 1}: 与 {_safe(source)} 第 {source_block + 1} 段雷同"
                               f"（相似度 {similarity:.0%}）")
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(f"共 {len(files) - failed} 份草稿，{found} 个段落与参考语料雷同。")
    return 2 if failed else 1 if found else 0


def _update_index(paths: tuple[str, ...], output: Path, fresh: bool, frequent: int | None = None,
                  shards: bool = False) -> int:
    from .corpus import FREQUENT_DOCS, build

    registry, files = _corpus_files(paths)
    added, total = build(output, _corpus_documents(registry, files), fresh=fresh,
                         frequent_docs=frequent or FREQUENT_DOCS, shards=shards)
    if fresh:
        click.echo(f"已建立索引 {output}：{total} 个文档。")
    else:
        click.echo(f"已更新索引 {output}：新增或更新 {added} 个文档，共 {total} 个。")
    return 0



def main(argv: list[str] | None = None) -> None:
    """Entry point: run the click group and map every outcome to an exit code."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    regexcache.prime()  # before the checks are imported: their patterns come ready-made
    try:
        rv = cli.main(args=argv, prog_name="reportlint", standalone_mode=False)
        regexcache.save()
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("reportlint: 已中断", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except ConfigError as exc:
        click.echo(checkcmd.config_error(exc), err=True)
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # a bug in reportlint
        if debug:
            import traceback

            traceback.print_exc()
        click.echo(checkcmd.internal_error(exc), err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(rv if isinstance(rv, int) else 0)


if _collecting:
    gc.enable()
