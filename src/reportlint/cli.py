"""Command line: check, extract, rules, explain, profiles, plugins (click). Thin: the work
is in engine.py; this module parses options, picks the reporter and maps errors to the exit
codes of SPEC.md (0 clean, 1 findings, 2 an input not checked, 3 usage, 4 internal)."""

from __future__ import annotations

import json
import math
import os
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from . import __version__, clickzh, regexcache
from .config import Config, clear_cache, find_config, read_config
from .errors import ConfigError, LoadError

EXIT_USAGE = 3
EXIT_INTERNAL = 4

clickzh.install()  # before the decorators below: click's own messages (usage errors, --help) in Chinese


def _codes(value: str | None, flag: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    if not codes:
        raise click.UsageError(f"{flag} 为空：应为逗号分隔的规则代码前缀，如 N1,S101（全部规则写 ALL）")
    return codes


def _patterns(values: tuple[str, ...], flag: str) -> tuple[str, ...]:
    """Repeated and/or comma-separated .gitignore patterns, checked like the configuration's."""
    from .config import check_patterns

    out = tuple(p.strip() for v in values for p in v.split(",") if p.strip())
    try:
        return check_patterns(out, "命令行", flag)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


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
def check(
    paths: tuple[str, ...],
    fmt: str,
    profile: str | None,
    select: str | None,
    extend_select: str | None,
    ignore: str | None,
    fail_on: str | None,
    config_path: Path | None,
    corpus: Path | None,
    jobs: int | None,
    timeout: float,
    no_cache: bool,
    annotate_to: Path | None,
    exclude: tuple[str, ...],
    extend_exclude: tuple[str, ...],
    respect_gitignore: bool | None,
    force_exclude: bool | None,
    stdin_filename: str | None,
    show_settings: bool,
    exit_zero: bool,
    baseline_path: Path | None,
    write_baseline_to: Path | None,
    statistics: bool,
    fix_to: Path | None,
    show_diff: bool,
    force: bool,
    debug: bool,
) -> int:
    """检查文件或目录（.docx、.pdf、.ofd、.doc、.wps、.txt、.md；- 表示标准输入）。"""
    from .cache import Cache
    from .engine import FileResult, Session, Settings, exit_code, summary
    from .files import Selection
    from .runner import Job, Limits, Runner
    from .store import cache_dir

    if not paths:
        if stdin_filename is None:
            raise click.UsageError("缺少要检查的文件或目录（从标准输入读取时写 -）")
        paths = ("-",)
    if "-" in paths and len(paths) > 1:
        raise click.UsageError("- （标准输入）只能单独使用，不能与其他路径一起检查")
    if stdin_filename is not None and paths != ("-",):
        raise click.UsageError("--stdin-filename 只用于从标准输入（-）读取")
    clear_cache()  # a second run in one process (tests, the web page) reads edited files again
    session = Session()
    explicit_config = read_config(config_path) if config_path else None
    base_config = explicit_config or find_config(Path.cwd().resolve())
    registry, rulebook = session.books(base_config)
    if fmt not in registry.reporters:
        raise click.UsageError(f"未知的输出格式“{fmt}”，可用：{', '.join(sorted(registry.reporters))}")
    if annotate_to is not None:
        _check_annotate_target(paths, annotate_to)
    if fix_to is not None or show_diff:
        _check_fix_options(paths, fix_to, show_diff, force, annotate_to, write_baseline_to,
                           baseline_path is not None)
    if corpus is not None and not corpus.exists():  # the configuration's: validation names its file
        raise click.UsageError(f"--corpus 指向的参考语料索引“{corpus}”不存在；先用 reportlint corpus build 建立")
    baseline = _read_baseline(baseline_path) if baseline_path is not None else None
    if write_baseline_to is not None:
        _check_writable(write_baseline_to, "--write-baseline")
    settings = Settings(select=_codes(select, "--select"), ignore=_codes(ignore, "--ignore") or (), profile=profile,
                        corpus=corpus, debug=debug, extend_select=_codes(extend_select, "--extend-select") or (),
                        full_text=fmt == "html")
    selection = Selection(
        config_for=(lambda _folder: explicit_config) if explicit_config else find_config,
        supported=_supported(registry.loaders),
        exclude=_patterns(exclude, "--exclude") if exclude else None,
        extend_exclude=_patterns(extend_exclude, "--extend-exclude"),
        respect_gitignore=respect_gitignore,
        force_exclude=force_exclude,
        cwd=Path.cwd().resolve(),
    )
    if show_settings:
        return _show_settings(paths, session, base_config, explicit_config, settings, selection, stdin_filename)
    with _stdin_document(paths, stdin_filename) as stdin:
        found, work = _jobs(paths, stdin, selection, explicit_config)
        _validate_run(session, settings, [base_config, *(job.config for job in work)])
        _check_indexes([corpus or base_config.corpus] + [corpus or job.config.corpus for job in work])
        cache = None if no_cache or debug or stdin is not None else Cache(cache_dir())  # a temporary file: no reuse
        runner = Runner(session, settings, jobs=jobs or os.cpu_count() or 1, limits=Limits(timeout=timeout),
                        cache=cache, progress=_progress_bar(len(work)))
        checked = iter(runner.run(work))
        results: list[FileResult] = [FileResult(str(path), skipped=skip) if skip else next(checked)
                                     for path, skip in found]
        if stdin is not None:
            results = [stdin.rename(r) for r in results]
    threshold = fail_on or base_config.fail_on or "warning"
    if show_diff:
        return _show_diffs(results, registry)
    if fix_to is not None and not results[0].error and not results[0].skipped:
        results = [_write_fixed(results[0], fix_to, registry, lambda out: runner.run([Job(0, out, work[0].config)])[0])]
    if write_baseline_to is not None:
        from .baseline import write

        try:
            count = write(write_baseline_to, results)
        except OSError as exc:
            raise click.UsageError(f"无法写入基线文件“{write_baseline_to}”：{exc.strerror or exc}") from exc
        click.echo(f"已把 {count} 个问题写入基线文件 {write_baseline_to}；此后用 --baseline {write_baseline_to} "
                   "只报告新问题", err=True)
        return 2 if exit_code(results, threshold) == 2 else 0
    options: dict[str, Any] = {"color": _use_color(), "fail_on": threshold, "rules": rulebook.rules,
                               "width": _terminal_width()}
    if baseline is not None:
        from .baseline import apply

        results, outcome = apply(baseline, results)
        options["baseline"] = outcome
    options["summary"] = summary(results)
    if statistics:
        _statistics(results, rulebook.rules, fmt)
    else:
        registry.reporters[fmt](results, sys.stdout, options)
    for res in results:  # --debug: the tracebacks behind X100 findings and loader failures
        for trace in res.debug:
            sys.stderr.write(f"{res.path}:\n{trace}")
    if annotate_to is not None:
        _write_annotations(results, annotate_to)
    code = exit_code(results, threshold)
    return 0 if exit_zero and code == 1 else code


def _read_baseline(path: Path) -> Any:
    from .baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as exc:
        raise click.UsageError(str(exc)) from exc


def _check_writable(target: Path, flag: str) -> None:
    """An output file's folder exists and can be written, before anything is checked."""
    folder = target.resolve().parent
    if target.is_dir():
        raise click.UsageError(f"{flag} 的输出路径“{target}”是一个目录；请给出文件名")
    if not folder.is_dir():
        raise click.UsageError(f"{flag} 的输出目录“{folder}”不存在；请先建立该目录或换一个路径")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise click.UsageError(f"{flag} 的输出文件“{target}”无法写入（没有写权限）")


def _statistics(results: list[Any], rules: Any, fmt: str) -> None:
    """Findings per rule, most frequent first (like ruff --statistics)."""
    counts: dict[str, int] = {}
    for res in results:
        for f in res.findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
        if res.error:
            counts[res.error["rule"]] = counts.get(res.error["rule"], 0) + 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        click.echo(json.dumps([{"code": c, "name": rules[c].name if c in rules else "", "count": n} for c, n in rows],
                              ensure_ascii=False, indent=2))
        return
    width = max((len(str(n)) for _, n in rows), default=1)
    for c, n in rows:
        rule = rules.get(c)
        click.echo(f"{n:>{width}}\t{c}\t{rule.name if rule else ''}\t{rule.summary if rule else ''}")


def _jobs(paths: tuple[str, ...], stdin: Any, selection: Any,
          explicit_config: Config | None) -> tuple[list[tuple[Path, str | None]], list[Any]]:
    """The files of the run, each with a skip reason or None, and the jobs for those to check;
    notes about files that are not checked go to standard error."""
    from .files import select_files
    from .runner import Job

    if stdin is not None:
        config = explicit_config or _config_for(stdin.shown)
        if selection.forced(str(stdin.shown.resolve())) and _stdin_excluded(stdin.shown, selection):
            return [], []  # --force-exclude: as if the file had not been given
        return [(stdin.path, None)], [Job(0, stdin.path, stdin.config(config))]
    found: list[tuple[Path, str | None]] = []
    for picked in select_files((Path(p) for p in paths), selection):
        if picked.note:
            click.echo(f"reportlint: 提示：{_safe(str(picked.path))} {picked.note}", err=True)
        else:
            found.append((picked.path, picked.skip))
    work = [Job(i, path, explicit_config or _config_for(path)) for i, (path, skip) in enumerate(found) if not skip]
    return found, work


def _safe(text: str) -> str:
    from .reporters.escape import safe

    return safe(text)


def _supported(loaders: Any) -> tuple[str, ...]:
    from .sniff import SUPPORTED_SUFFIXES

    return tuple(sorted({*SUPPORTED_SUFFIXES, *(s.lower() for s in loaders)}))


def _check_annotate_target(paths: tuple[str, ...], target: Path) -> None:
    """--annotate: one .docx in, a writable new path out (checked before anything is read)."""
    if len(paths) != 1 or paths[0] == "-" or not paths[0].lower().endswith(".docx"):
        raise click.UsageError("--annotate 只能用于检查单个 .docx 文件")
    if target.resolve() == Path(paths[0]).resolve():
        raise click.UsageError("--annotate 的输出文件不能是被检查的文件本身")
    _check_writable(target, "--annotate")


def _check_fix_options(paths: tuple[str, ...], target: Path | None, diff: bool, force: bool,
                       annotate_to: Path | None, baseline_to: Path | None, baseline: bool = False) -> None:
    """--fix OUT / --diff: checked before anything is read. The input is never written, so
    --fix takes the copy's path: one file, a new path (an existing one only with --force),
    never the input itself; a .docx copy is a .docx."""
    from .fix import TEXT_SUFFIXES

    if target is not None and diff:
        raise click.UsageError("--fix 和 --diff 不能同时使用：--diff 只显示改正，--fix 把改正写入副本")
    if annotate_to is not None or baseline_to is not None:
        raise click.UsageError(f"{'--diff' if diff else '--fix'} 不能与 --annotate 或 --write-baseline 同时使用")
    if "-" in paths:
        raise click.UsageError(f"{'--diff' if diff else '--fix'} 不能用于标准输入（-）；请给出文件路径")
    if target is not None and baseline:
        # the copy's findings are reported under the copy's name, which no baseline entry carries
        raise click.UsageError("--fix 不能与 --baseline 同时使用：先用 --fix 写出副本，再对副本用 --baseline 检查")
    if target is None:
        return
    if len(paths) != 1 or not paths[0].lower().endswith((*TEXT_SUFFIXES, ".docx")) or Path(paths[0]).is_dir():
        raise click.UsageError("--fix OUT 只能用于单个 .txt、.md 或 .docx 文件")
    source = Path(paths[0])
    if paths[0].lower().endswith(".docx") != (target.suffix.lower() == ".docx"):
        raise click.UsageError(f"--fix 的输出“{target}”应与被检查的文件同类：.docx 写成 .docx，.txt/.md 写成文本文件")
    if target.resolve() == source.resolve() or (target.exists() and source.exists() and target.samefile(source)):
        raise click.UsageError("--fix 的输出不能是被检查的文件本身：reportlint 从不改动输入文件，请给出副本的路径")
    if target.exists() and not force:
        raise click.UsageError(f"--fix 的输出文件“{target}”已存在；换一个路径，或加 --force 覆盖它")
    _check_writable(target, "--fix")


def _fixable_text(path: str) -> bool:
    from .fix import TEXT_SUFFIXES

    return path.lower().endswith(TEXT_SUFFIXES)


def _show_diffs(results: list[Any], registry: Any) -> int:
    """--diff: the corrections --fix would make to each .txt/.md file, as a unified diff."""
    from .engine import load
    from .fix import FixError, fix_text, unified_diff

    fixes = 0
    for res in results:
        if res.error or res.skipped or not any(f.fix for f in res.findings):
            continue
        if not _fixable_text(res.path):
            click.echo(f"reportlint: 提示：{_safe(res.path)} 有可改正的问题；--diff 只用于 .txt/.md，"
                       "Word 文件请用 --fix 副本.docx 写成修订", err=True)
            continue
        try:
            path = Path(res.path)
            doc = load(path, registry)
            done = fix_text(path.read_bytes(), doc.blocks, res.findings, dict(doc.meta))
        except (FixError, LoadError, OSError) as exc:
            click.echo(f"reportlint: {_safe(res.path)}：无法改正：{exc}", err=True)
            continue
        if done.plan.fixed:
            fixes += len(done.plan.fixed)
            sys.stdout.write(unified_diff(res.path, done.original, done.fixed))
    click.echo(f"reportlint: 可自动改正 {fixes} 个问题（用 --fix 副本路径 写入副本）" if fixes
               else "reportlint: 没有可自动改正的问题", err=True)
    if any(r.error or r.crashed for r in results):
        return 2
    return 1 if fixes else 0


def _write_fixed(result: Any, target: Path, registry: Any, recheck: Any) -> Any:
    """--fix OUT: write the corrected copy, say what was done and left, and check the copy:
    its findings are what remains to do."""
    from .engine import load
    from .fix import FixError, fix_text
    from .sniff import read_input, sniff

    source = Path(result.path)
    try:
        kind = sniff(source, read_input(source)).kind  # what the file is, as the loader read it
        if kind == ".docx":
            from .fixdocx import fix_docx

            chosen = fix_docx(source, target, result.findings)
        elif kind == ".txt":
            doc = load(source, registry)
            done = fix_text(source.read_bytes(), doc.blocks, result.findings, dict(doc.meta))
            target.write_bytes(done.data)
            chosen = done.plan
        else:
            raise FixError(f"这个文件实际是 {kind} 文件，--fix 只改 .txt、.md 和 .docx")
    except (FixError, LoadError) as exc:
        raise click.UsageError(f"{source}：{exc}") from exc
    except OSError as exc:
        raise click.UsageError(f"--fix 的输出文件“{target}”无法写入：{exc.strerror or exc}") from exc
    kind = "修订" if source.suffix.lower() == ".docx" else "改动"
    click.echo(f"reportlint: 已改正 {len(chosen.fixed)} 个问题（{len(chosen.edits)} 处{kind}），"
               f"写入 {_safe(str(target))}；原文件未改动。以下是副本中剩下的问题。", err=True)
    for f, reason in chosen.left:
        line, column, _, _ = f.where()
        click.echo(f"reportlint: 未改正 {_safe(f.path)}:{line}:{column} {f.rule}：{reason}", err=True)
    return recheck(target)


def _validate_run(session: Any, settings: Any, configs: list[Config]) -> None:
    """Every configuration of the run, and the command line, against the rulebooks they run
    with: an unknown rule code, option or profile stops the run before anything is checked."""
    from .validation import check_codes, check_config, check_profile, check_rulebook

    books: list[Any] = []
    seen: set[Path | None] = set()
    for config in configs:
        if config.path in seen:
            continue
        seen.add(config.path)
        _, book = session.books(config)
        if all(book is not b for b in books):
            check_rulebook(book)
            books.append(book)
        check_config(config, book)
    try:
        if settings.select is not None:
            check_codes(settings.select, books, "命令行", "--select")
        check_codes(settings.ignore, books, "命令行", "--ignore")
        check_codes(settings.extend_select, books, "命令行", "--extend-select")
        if settings.profile:
            for book in books:
                check_profile(settings.profile, book, "命令行 --profile")
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


def _stdin_excluded(shown: Path, selection: Any) -> bool:
    from .files import excluded_by_name

    return excluded_by_name(str(shown.resolve()), selection)


def _stdin_document(paths: tuple[str, ...], name: str | None) -> Any:
    """Standard input saved to a temporary file while the block runs, or None when no ``-``."""
    import contextlib

    from .stdin import read_stdin

    if paths != ("-",):
        return contextlib.nullcontext(None)
    if name is not None and not Path(name).name:
        raise click.UsageError(f"--stdin-filename“{name}”不是文件名")
    return read_stdin(name)


def _show_settings(paths: tuple[str, ...], session: Any, base_config: Config, explicit_config: Config | None,
                   settings: Any, selection: Any, stdin_filename: str | None) -> int:
    """``--show-settings``: what applies to the one file (or folder) given."""
    from .showsettings import settings_lines

    if len(paths) != 1:
        raise click.UsageError("--show-settings 只能用于一个文件或目录")
    target = Path(stdin_filename) if paths == ("-",) and stdin_filename else Path(paths[0])
    if target.is_dir():
        config = explicit_config or find_config(target.resolve())
    else:
        config = explicit_config or _config_for(target)
    _validate_run(session, settings, [base_config, config])
    _, book = session.books(config)
    click.echo("\n".join(_safe(line) for line in settings_lines(target, config, book, settings, selection)))
    return 0


def _write_annotations(results: list[Any], target: Path) -> None:
    from .annotate import annotate

    result = results[0]
    if result.error:
        return
    try:
        count = annotate(Path(result.path), target, result.findings)
    except OSError as exc:  # the folder vanished or filled up after the check above
        raise click.UsageError(f"--annotate 的输出文件“{target}”无法写入：{exc.strerror or exc}") from exc
    click.echo(f"已把 {count} 条问题作为批注写入 {target}", err=True)


def _progress_bar(total: int) -> Any:
    """A one-line counter on stderr for long runs at a terminal; nothing in CI or pipes."""
    if total < 20 or os.environ.get("CI") or not sys.stderr.isatty():
        return None

    def show(done: int, of: int) -> None:
        # the counter is erased when the run ends (\r, then erase to the end of the line): the report
        # that follows starts on a clean line
        sys.stderr.write("\r\033[K" if done == of else f"\r检查中 {done}/{of}")
        sys.stderr.flush()

    return show


def _config_for(path: Path) -> Config:
    folder = path.parent if path.parent != Path("") else Path(".")
    return find_config(folder.resolve())


def _terminal_width() -> int | None:
    """The terminal's width for the text report to wrap to; None (no wrapping) in a pipe or CI log."""
    import shutil

    if os.environ.get("CI") or not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


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
        blocks = [{"line": b.line or b.index + 1, "text": b.text, "kind": b.kind, "level": b.level, "style": b.style,
                   "page": b.page, "label": b.label, "table": b.table,
                   "end_line": b.joins[-1][1] if b.joins else b.line or b.index + 1} for b in doc.blocks]
        click.echo(json.dumps({"path": doc.path, "title": doc.title, "furniture": list(doc.furniture),
                               "meta": dict(doc.meta), "blocks": blocks}, ensure_ascii=False, indent=2))
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
            click.echo(f"{ljust(row['id'], 18)} {ljust(row['name'], 12)} 必备部分：{required}")
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


def _check_indexes(indexes: list[Path | None]) -> None:
    """Each reference corpus index of the run, checked once before any file (exit code 3 when
    one is missing, damaged or not an index), so that no file reports it again."""
    wanted = dict.fromkeys(i for i in indexes if i is not None)
    if not wanted:
        return  # no index in this run: sqlite3 and hashlib (4 ms of imports) stay unimported
    from .corpus import validate

    for index in wanted:
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


