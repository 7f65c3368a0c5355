"""Command line: check, extract, rules, explain, profiles, plugins (click). Thin: the work
is in engine.py; this module parses options, picks the reporter and maps errors to the exit
codes of SPEC.md (0 clean, 1 findings, 2 an input not checked, 3 usage, 4 internal)."""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from . import __version__, regexcache
from .config import Config, find_config, read_config
from .errors import ConfigError, LoadError

EXIT_USAGE = 3
EXIT_INTERNAL = 4


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def cli() -> None:
    """reportlint：检查中文公文报告的编号、结构、措施和套话问题。"""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", show_default=True,
              help="输出格式：text、json、sarif、github 或插件提供的格式")
@click.option("--profile", help="指定文种（如 对照检查材料），不再自动识别")
@click.option("--select", help="只运行这些规则，按代码前缀，逗号分隔，如 N1,S101")
@click.option("--ignore", help="不运行这些规则，按代码前缀，逗号分隔")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="达到此级别的问题使退出码为 1（默认 warning）")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="配置文件（默认从文件所在目录向上查找）")
@click.option("--corpus", type=click.Path(dir_okay=False, path_type=Path), help="参考语料索引（B105 跨文档雷同）")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="并行检查的进程数（默认为 CPU 核数）")
@click.option("--timeout", type=click.FloatRange(min=0.5), default=8.0, show_default=True,
              help="每个 .docx/.pdf 文件的处理时限（秒），超时记为 X101")
@click.option("--no-cache", is_flag=True, help="不读也不写结果缓存")
@click.option("--annotate", "annotate_to", type=click.Path(dir_okay=False, path_type=Path),
              help="把问题作为批注写入被检查 .docx 的副本（只检查一个 .docx 时可用）")
@click.option("--exit-zero", is_flag=True, help="有问题时也以 0 退出（不影响 2–4）")
@click.option("--debug", is_flag=True, help="出错时显示完整的调用栈")
def check(
    paths: tuple[str, ...],
    fmt: str,
    profile: str | None,
    select: str | None,
    ignore: str | None,
    fail_on: str | None,
    config_path: Path | None,
    corpus: Path | None,
    jobs: int | None,
    timeout: float,
    no_cache: bool,
    annotate_to: Path | None,
    exit_zero: bool,
    debug: bool,
) -> int:
    """检查文件或目录（.docx、.pdf、.txt、.md）。"""
    from .engine import FileResult, Session, Settings, discover, exit_code, summary
    from .runner import Cache, Job, Limits, Runner
    from .store import cache_dir

    session = Session()
    explicit_config = read_config(config_path) if config_path else None
    base_config = explicit_config or find_config(Path.cwd())
    registry, rulebook = session.books(base_config)
    if fmt not in registry.reporters:
        raise click.UsageError(f"未知的输出格式“{fmt}”，可用：{', '.join(sorted(registry.reporters))}")
    if annotate_to is not None and (len(paths) != 1 or not paths[0].lower().endswith(".docx")):
        raise click.UsageError("--annotate 只能用于检查单个 .docx 文件")
    if annotate_to is not None and annotate_to.resolve() == Path(paths[0]).resolve():
        raise click.UsageError("--annotate 的输出文件不能是被检查的文件本身")
    index = corpus or base_config.corpus
    if index is not None and not index.is_file():
        raise click.UsageError(f"参考语料索引“{index}”不存在；先用 reportlint corpus build 建立")
    chosen = profile or base_config.profile
    if chosen and rulebook.profile(chosen) is None:
        names = "、".join(sorted(p.name for p in rulebook.profiles.values()))
        raise click.UsageError(f"未知的文种“{chosen}”，可用：{names}")
    settings = Settings(select=_codes(select), ignore=_codes(ignore) or (), profile=profile, corpus=corpus, debug=debug)
    found = list(discover(Path(p) for p in paths))
    work = [Job(i, path, explicit_config or _config_for(path)) for i, (path, skip) in enumerate(found) if not skip]
    _check_indexes([corpus or base_config.corpus] + [corpus or job.config.corpus for job in work])
    cache = None if no_cache or debug else Cache(cache_dir())
    runner = Runner(session, settings, jobs=jobs or os.cpu_count() or 1, limits=Limits(timeout=timeout),
                    cache=cache, progress=_progress_bar(len(work)))
    checked = iter(runner.run(work))
    results: list[FileResult] = [FileResult(str(path), skipped=skip) if skip else next(checked) for path, skip in found]
    threshold = fail_on or base_config.fail_on or "warning"
    options: dict[str, Any] = {
        "color": _use_color(),
        "summary": summary(results),
        "fail_on": threshold,
        "rules": rulebook.rules,
    }
    registry.reporters[fmt](results, sys.stdout, options)
    for res in results:  # --debug: the tracebacks behind X100 findings and loader failures
        for trace in res.debug:
            sys.stderr.write(f"{res.path}:\n{trace}")
    if annotate_to is not None:
        _write_annotations(results, annotate_to)
    code = exit_code(results, threshold)
    return 0 if exit_zero and code == 1 else code


def _write_annotations(results: list[Any], target: Path) -> None:
    from .annotate import annotate

    result = results[0]
    if result.error:
        return
    count = annotate(Path(result.path), target, result.findings)
    click.echo(f"已把 {count} 条问题作为批注写入 {target}", err=True)


def _progress_bar(total: int) -> Any:
    """A one-line counter on stderr for long runs at a terminal; nothing in CI or pipes."""
    if total < 20 or os.environ.get("CI") or not sys.stderr.isatty():
        return None

    def show(done: int, of: int) -> None:
        end = "\n" if done == of else ""
        sys.stderr.write(f"\r检查中 {done}/{of}{end}")
        sys.stderr.flush()

    return show


def _config_for(path: Path) -> Config:
    folder = path.parent if path.parent != Path("") else Path(".")
    return find_config(folder.resolve())


def _use_color() -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("CI"):
        return False
    return sys.stdout.isatty()


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--numbers/--no-numbers", default=True, help="每行前是否显示段落编号")
def extract(file: Path, fmt: str, numbers: bool) -> int:
    """输出规则看到的段落：每行一个，从 1 编号。"""
    from .engine import Session, load
    from .reporters.escape import safe

    registry, _ = Session().books(find_config(file.resolve().parent))
    try:
        doc = load(file, registry)
    except LoadError as exc:
        click.echo(f"{safe(str(file))}: {exc.code} {exc}", err=True)
        return 2
    if fmt == "json":
        blocks = [{"line": b.index + 1, "text": b.text, "kind": b.kind, "level": b.level, "style": b.style,
                   "page": b.page, "label": b.label} for b in doc.blocks]
        click.echo(json.dumps({"path": doc.path, "title": doc.title, "furniture": list(doc.furniture),
                               "meta": dict(doc.meta), "blocks": blocks}, ensure_ascii=False, indent=2))
        return 0
    for b in doc.blocks:
        click.echo(f"{b.index + 1}\t{safe(b.text)}" if numbers else safe(b.text))
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
    click.echo("\n".join(lines))
    return 0


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def profiles(fmt: str) -> int:
    """列出文种档案：识别关键词和必备部分。"""
    from .engine import Session

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
            click.echo(f"{row['id']:<18} {row['name']:<10} 必备部分：{required}")
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


def _corpus_documents(paths: tuple[str, ...]) -> Any:
    from .corpus import file_sha256
    from .engine import Session, discover, load

    registry, _ = Session().books(find_config(Path.cwd()))
    for path, skip in discover(Path(p) for p in paths):
        if skip:
            continue
        try:
            yield load(path, registry), file_sha256(path)
        except (LoadError, OSError) as exc:
            click.echo(f"{path}: 未加入索引：{exc}", err=True)


_INDEX_OPTION = click.option("-o", "--output", "output", required=True,
                             type=click.Path(dir_okay=False, path_type=Path), help="索引文件（SQLite）")


@corpus.command("build")
@click.argument("paths", nargs=-1, required=True)
@_INDEX_OPTION
def corpus_build(paths: tuple[str, ...], output: Path) -> int:
    """把目录中的文档编入新的参考语料索引（已存在时重建）。"""
    return _update_index(paths, output, fresh=True)


@corpus.command("add")
@click.argument("paths", nargs=-1, required=True)
@_INDEX_OPTION
def corpus_add(paths: tuple[str, ...], output: Path) -> int:
    """把新增或修改过的文档加入已有的参考语料索引。"""
    return _update_index(paths, output, fresh=False)


def _update_index(paths: tuple[str, ...], output: Path, fresh: bool) -> int:
    from .corpus import build

    added, total = build(output, _corpus_documents(paths), fresh=fresh)
    if fresh:
        click.echo(f"已建立索引 {output}：{total} 个文档。")
    else:
        click.echo(f"已更新索引 {output}：新增或更新 {added} 个文档，共 {total} 个。")
    return 0


def _check_indexes(indexes: list[Path | None]) -> None:
    """Each reference corpus index of the run, checked once before any file (exit code 3 when
    one is missing, damaged or not an index), so that no file reports it again."""
    from .corpus import validate

    for index in dict.fromkeys(i for i in indexes if i is not None):
        validate(index, "check")


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
        click.echo(f"reportlint: 配置错误：{exc}", err=True)
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # a bug in reportlint
        if debug:
            traceback.print_exc()
        click.echo(
            f"reportlint: 内部错误（{type(exc).__name__}: {str(exc)[:200]}）。这是 reportlint 的缺陷，"
            "请附上 --debug 的输出报告给维护者。",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
    sys.exit(rv if isinstance(rv, int) else 0)


