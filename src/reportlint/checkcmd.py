"""The ``check`` command's work, without click: what the options mean, the run, the report and the
exit code. ``cli.py`` declares the options (with their help and checks) and calls ``run``; ``command.py``
calls it directly for a plain ``reportlint check FILE…`` so that such a run never imports click. A mistake
in the command line raises ``Usage``, which both show as click shows its own usage errors."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .config import Config, clear_cache, find_config, read_config
from .errors import ConfigError, LoadError

collector_paused = False  # ``command.entry`` turned the cycle collector off for a one-file run


class Usage(Exception):
    """A mistake in the command line (exit code 3): shown as click's usage errors are."""


_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")  # the escapes click.echo strips from output that is not a terminal


def config_error(exc: BaseException) -> str:
    """What a configuration error says, by either command-line reader (``command``, ``cli``)."""
    return f"reportlint: 配置错误：{exc}"


def internal_error(exc: BaseException) -> str:
    """What a bug in reportlint says, by either command-line reader."""
    return (f"reportlint: 内部错误（{type(exc).__name__}: {str(exc)[:200]}）。这是 reportlint 的缺陷，"
            "请附上 --debug 的输出报告给维护者。")


def echo(message: str, err: bool = False) -> None:
    """``click.echo(message, err=err)`` for a text message: a line on standard output (or error), escape
    sequences removed when it is not a terminal, flushed."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    isatty = getattr(stream, "isatty", None)
    if "\033" in message and not (isatty is not None and isatty()):
        message = _ANSI.sub("", message)
    stream.write(message + "\n")
    stream.flush()


def _codes(value: str | None, flag: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    if not codes:
        raise Usage(f"{flag} 为空：应为逗号分隔的规则代码前缀，如 N1,S101（全部规则写 ALL）")
    return codes


def _patterns(values: tuple[str, ...], flag: str) -> tuple[str, ...]:
    """Repeated and/or comma-separated .gitignore patterns, checked like the configuration's."""
    from .config import check_patterns

    out = tuple(p.strip() for v in values for p in v.split(",") if p.strip())
    try:
        return check_patterns(out, "命令行", flag)
    except ConfigError as exc:
        raise Usage(str(exc)) from exc


def run(
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
    """The ``check`` command with its options' values (``cli.check`` lists them); returns the exit code."""
    from .engine import FileResult, Session, Settings, exit_code, summary
    from .files import Selection
    from .runner import Job, Limits, Runner
    from .store import cache_dir

    if not paths:
        if stdin_filename is None:
            raise Usage("缺少要检查的文件或目录（从标准输入读取时写 -）")
        paths = ("-",)
    if "-" in paths and len(paths) > 1:
        raise Usage("- （标准输入）只能单独使用，不能与其他路径一起检查")
    if stdin_filename is not None and paths != ("-",):
        raise Usage("--stdin-filename 只用于从标准输入（-）读取")
    clear_cache()  # a second run in one process (tests, the web page) reads edited files again
    session = Session()
    explicit_config = read_config(config_path) if config_path else None
    base_config = explicit_config or find_config(Path.cwd().resolve())
    registry, rulebook = session.books(base_config)
    if fmt not in registry.reporters:
        raise Usage(f"未知的输出格式“{fmt}”，可用：{', '.join(sorted(registry.reporters))}")
    if annotate_to is not None:
        _check_annotate_target(paths, annotate_to)
    if fix_to is not None or show_diff:
        _check_fix_options(paths, fix_to, show_diff, force, annotate_to, write_baseline_to,
                           baseline_path is not None)
    if corpus is not None and not corpus.exists():  # the configuration's: validation names its file
        raise Usage(f"--corpus 指向的参考语料索引“{corpus}”不存在；先用 reportlint corpus build 建立")
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
        if len(work) > 1 and collector_paused:
            import gc

            gc.enable()  # a batch collects between its files as always (``entry`` paused it for one file)
        _validate_run(session, settings, [base_config, *(job.config for job in work)])
        _check_indexes([corpus or base_config.corpus] + [corpus or job.config.corpus for job in work])
        cache = None
        if not (no_cache or debug or stdin is not None):  # standard input is a temporary file: no reuse
            from .cache import Cache  # here: a run with the cache off never imports it (nor json)

            cache = Cache(cache_dir())
        threshold = fail_on or base_config.fail_on or "warning"
        options: dict[str, Any] = {"color": _use_color(), "fail_on": threshold, "rules": rulebook.rules,
                                   "width": _terminal_width()}
        # rendered as each file comes in, unless the results are renamed after the run (standard input) or not shown
        plain_text = not (statistics or show_diff or fix_to or write_baseline_to or baseline is not None
                          or stdin is not None)
        runner = Runner(session, settings, jobs=jobs or os.cpu_count() or 1, limits=Limits(timeout=timeout),
                        cache=cache, progress=_progress_bar(len(work)),
                        on_result=_renders_early(registry.reporters[fmt], options) if plain_text else None)
        checked = iter(runner.run(work))
        results: list[FileResult] = [FileResult(str(path), skipped=skip) if skip else next(checked)
                                     for path, skip in found]
        if stdin is not None:
            results = [stdin.rename(r) for r in results]
    if show_diff:
        return _show_diffs(results, registry)
    if fix_to is not None and not results[0].error and not results[0].skipped:
        results = [_write_fixed(results[0], fix_to, registry, lambda out: runner.run([Job(0, out, work[0].config)])[0])]
    if write_baseline_to is not None:
        from .baseline import write

        try:
            count = write(write_baseline_to, results)
        except OSError as exc:
            raise Usage(f"无法写入基线文件“{write_baseline_to}”：{exc.strerror or exc}") from exc
        echo(f"已把 {count} 个问题写入基线文件 {write_baseline_to}；此后用 --baseline {write_baseline_to} "
                   "只报告新问题", err=True)
        _name_unreadable(results)
        return 2 if exit_code(results, threshold) == 2 else 0
    if baseline is not None:
        from .baseline import apply

        results, outcome = apply(baseline, results)
        options["baseline"] = outcome
    options["summary"] = summary(results)
    if statistics:
        _statistics(results, rulebook.rules, fmt)
        _name_unreadable(results)
    else:
        registry.reporters[fmt](results, sys.stdout, options)
    for res in results:  # --debug: the tracebacks behind X100 findings and loader failures
        for trace in res.debug:
            sys.stderr.write(f"{res.path}:\n{trace}")
    if annotate_to is not None:
        _write_annotations(results, annotate_to)
    code = exit_code(results, threshold)
    return 0 if exit_zero and code == 1 else code


def _name_unreadable(results: list[Any]) -> None:
    """On standard error, each file that could not be checked and why: the modes that print no report (a baseline
    written, statistics) would otherwise count it and never name it."""
    for res in results:
        if res.error:
            echo(f"{res.path}: {res.error.get('rule', 'X101')} {res.error.get('message', '')}", err=True)


def _renders_early(reporter: Any, options: dict[str, Any]) -> Callable[[Any], None] | None:
    """For the text report: render each file's part as its result comes in, into ``options["rendered"]``
    (``reporters.text.renderer``), so that a batch's workers are still checking while the parent renders
    what they sent and the report after the last file is one write. None for any other reporter."""
    if getattr(reporter, "__module__", None) != "reportlint.reporters.text" or reporter.__name__ != "report_text":
        return None
    from .reporters.text import renderer

    render, rendered = renderer(options), options.setdefault("rendered", {})

    def add(result: Any) -> None:
        rendered[id(result)] = (result, render(result))

    return add


def _read_baseline(path: Path) -> Any:
    from .baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as exc:
        raise Usage(str(exc)) from exc


def _check_writable(target: Path, flag: str) -> None:
    """An output file's folder exists and can be written, before anything is checked."""
    folder = target.resolve().parent
    if target.is_dir():
        raise Usage(f"{flag} 的输出路径“{target}”是一个目录；请给出文件名")
    if not folder.is_dir():
        raise Usage(f"{flag} 的输出目录“{folder}”不存在；请先建立该目录或换一个路径")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise Usage(f"{flag} 的输出文件“{target}”无法写入（没有写权限）")


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
        import json

        echo(json.dumps([{"code": c, "name": rules[c].name if c in rules else "", "count": n} for c, n in rows],
                              ensure_ascii=False, indent=2))
        return
    width = max((len(str(n)) for _, n in rows), default=1)
    for c, n in rows:
        rule = rules.get(c)
        echo(f"{n:>{width}}\t{c}\t{rule.name if rule else ''}\t{rule.summary if rule else ''}")


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
            echo(f"reportlint: 提示：{_safe(str(picked.path))} {picked.note}", err=True)
        else:
            found.append((picked.path, picked.skip))
    folders: dict[Path, Config] = {}  # the files of one folder share its configuration: its path resolved once

    def config_for(path: Path) -> Config:
        if path.parent not in folders:
            folders[path.parent] = _config_for(path)
        return folders[path.parent]

    work = [Job(i, path, explicit_config or config_for(path)) for i, (path, skip) in enumerate(found) if not skip]
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
        raise Usage("--annotate 只能用于检查单个 .docx 文件")
    if target.resolve() == Path(paths[0]).resolve():
        raise Usage("--annotate 的输出文件不能是被检查的文件本身")
    _check_writable(target, "--annotate")


def _check_fix_options(paths: tuple[str, ...], target: Path | None, diff: bool, force: bool,
                       annotate_to: Path | None, baseline_to: Path | None, baseline: bool = False) -> None:
    """--fix OUT / --diff: checked before anything is read. The input is never written, so
    --fix takes the copy's path: one file, a new path (an existing one only with --force),
    never the input itself; a .docx copy is a .docx."""
    from .fix import TEXT_SUFFIXES

    if target is not None and diff:
        raise Usage("--fix 和 --diff 不能同时使用：--diff 只显示改正，--fix 把改正写入副本")
    if annotate_to is not None or baseline_to is not None:
        raise Usage(f"{'--diff' if diff else '--fix'} 不能与 --annotate 或 --write-baseline 同时使用")
    if "-" in paths:
        raise Usage(f"{'--diff' if diff else '--fix'} 不能用于标准输入（-）；请给出文件路径")
    if target is not None and baseline:
        # the copy's findings are reported under the copy's name, which no baseline entry carries
        raise Usage("--fix 不能与 --baseline 同时使用：先用 --fix 写出副本，再对副本用 --baseline 检查")
    if target is None:
        return
    if len(paths) != 1 or not paths[0].lower().endswith((*TEXT_SUFFIXES, ".docx")) or Path(paths[0]).is_dir():
        raise Usage("--fix OUT 只能用于单个 .txt、.md 或 .docx 文件")
    source = Path(paths[0])
    if paths[0].lower().endswith(".docx") != (target.suffix.lower() == ".docx"):
        raise Usage(f"--fix 的输出“{target}”应与被检查的文件同类：.docx 写成 .docx，.txt/.md 写成文本文件")
    if target.resolve() == source.resolve() or (target.exists() and source.exists() and target.samefile(source)):
        raise Usage("--fix 的输出不能是被检查的文件本身：reportlint 从不改动输入文件，请给出副本的路径")
    if target.exists() and not force:
        raise Usage(f"--fix 的输出文件“{target}”已存在；换一个路径，或加 --force 覆盖它")
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
            echo(f"reportlint: 提示：{_safe(res.path)} 有可改正的问题；--diff 只用于 .txt/.md，"
                       "Word 文件请用 --fix 副本.docx 写成修订", err=True)
            continue
        try:
            path = Path(res.path)
            doc = load(path, registry)
            done = fix_text(path.read_bytes(), doc.blocks, res.findings, dict(doc.meta))
        except (FixError, LoadError, OSError) as exc:
            echo(f"reportlint: {_safe(res.path)}：无法改正：{exc}", err=True)
            continue
        if done.plan.fixed:
            fixes += len(done.plan.fixed)
            sys.stdout.write(unified_diff(res.path, done.original, done.fixed))
    echo(f"reportlint: 可自动改正 {fixes} 个问题（用 --fix 副本路径 写入副本）" if fixes
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
        raise Usage(f"{source}：{exc}") from exc
    except OSError as exc:
        raise Usage(f"--fix 的输出文件“{target}”无法写入：{exc.strerror or exc}") from exc
    kind = "修订" if source.suffix.lower() == ".docx" else "改动"
    if chosen.fixed:
        echo(f"reportlint: 已改正 {len(chosen.fixed)} 个问题（{len(chosen.edits)} 处{kind}），"
             f"写入 {_safe(str(target))}；原文件未改动。以下是副本中剩下的问题。", err=True)
    else:  # the copy asked for is still written (a script may read it next), and said to be the same text
        echo(f"reportlint: 没有可自动改正的问题；已按要求写入 {_safe(str(target))}，内容与原文件相同；"
             "原文件未改动。以下是副本中的问题。", err=True)
    for f, reason in chosen.left:
        line, column, _, _ = f.where()
        echo(f"reportlint: 未改正 {_safe(f.path)}:{line}:{column} {f.rule}：{reason}", err=True)
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
        raise Usage(str(exc)) from exc


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
        raise Usage(f"--stdin-filename“{name}”不是文件名")
    return read_stdin(name)


def _show_settings(paths: tuple[str, ...], session: Any, base_config: Config, explicit_config: Config | None,
                   settings: Any, selection: Any, stdin_filename: str | None) -> int:
    """``--show-settings``: what applies to the one file (or folder) given."""
    from .showsettings import settings_lines

    if len(paths) != 1:
        raise Usage("--show-settings 只能用于一个文件或目录")
    target = Path(stdin_filename) if paths == ("-",) and stdin_filename else Path(paths[0])
    if target.is_dir():
        config = explicit_config or find_config(target.resolve())
    else:
        config = explicit_config or _config_for(target)
    _validate_run(session, settings, [base_config, config])
    _, book = session.books(config)
    echo("\n".join(_safe(line) for line in settings_lines(target, config, book, settings, selection)))
    return 0


def _write_annotations(results: list[Any], target: Path) -> None:
    from .annotate import annotate

    result = results[0]
    if result.error:
        return
    try:
        count = annotate(Path(result.path), target, result.findings)
    except OSError as exc:  # the folder vanished or filled up after the check above
        raise Usage(f"--annotate 的输出文件“{target}”无法写入：{exc.strerror or exc}") from exc
    echo(f"已把 {count} 条问题作为批注写入 {target}", err=True)


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
    if os.environ.get("CI") or not sys.stdout.isatty():
        return None
    import shutil  # here: it imports bz2 and lzma (3 ms), which a run into a pipe never needs

    return shutil.get_terminal_size().columns


def _use_color() -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("CI"):
        return False
    return sys.stdout.isatty()

def _check_indexes(indexes: list[Path | None]) -> None:
    """Each reference corpus index of the run, checked once before any file (exit code 3 when
    one is missing, damaged or not an index), so that no file reports it again."""
    wanted = dict.fromkeys(i for i in indexes if i is not None)
    if not wanted:
        return  # no index in this run: sqlite3 and hashlib (4 ms of imports) stay unimported
    from .corpus import validate

    for index in wanted:
        validate(index, "check")
