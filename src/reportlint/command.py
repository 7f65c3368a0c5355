"""The ``reportlint`` program (and ``python -m reportlint``).

A plain ``reportlint check FILE…`` (the editor's, the pre-commit hook's and the benchmark's call) is
read here and run without importing click, whose import and command tables were a tenth of a
one-report check. Only the simplest forms are read so: the paths and a few options that take a word
as they are (``PLAIN_OPTIONS``, ``FLAGS``), each given once. Any other command line, ``--help``,
``--version`` and every other command go to click (``cli.main``), which declares the options, their
help and their messages; a usage error found in a plain command line is shown by click too, so both
ways print the same text and exit with the same status (tests compare them).

Once the outcome is printed the process ends without the interpreter's teardown (see ``entry``).
"""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn

EXIT_USAGE = 3
EXIT_INTERNAL = 4

# the values ``cli.check`` receives when its options are not given (tests compare them with click's)
CHECK_DEFAULTS: dict[str, Any] = {
    "paths": (), "fmt": "text", "profile": None, "select": None, "extend_select": None, "ignore": None,
    "fail_on": None, "config_path": None, "corpus": None, "jobs": None, "timeout": 8.0, "no_cache": False,
    "annotate_to": None, "exclude": (), "extend_exclude": (), "respect_gitignore": None, "force_exclude": None,
    "stdin_filename": None, "show_settings": False, "exit_zero": False, "baseline_path": None,
    "write_baseline_to": None, "statistics": False, "fix_to": None, "show_diff": False, "force": False,
    "debug": False,
}
FLAGS = {"--no-cache": "no_cache", "--exit-zero": "exit_zero", "--statistics": "statistics"}
PLAIN_OPTIONS = {"--format": "fmt", "--profile": "profile", "--select": "select", "--extend-select": "extend_select",
                 "--ignore": "ignore"}  # options whose value click passes on as it is


def plain_check(args: list[str]) -> dict[str, Any] | None:
    """The parameters of ``check`` for ``args`` (the words after the program's name) when they are a
    plain ``check`` command line, else None (click reads it)."""
    if not args or args[0] != "check" or os.name == "nt":  # Windows: click expands wildcards itself
        return None
    params = dict(CHECK_DEFAULTS)
    paths: list[str] = []
    seen: set[str] = set()
    i = 1
    while i < len(args):
        word = args[i]
        if not word.startswith("-"):
            if not word:
                return None
            paths.append(word)
        else:
            name, equals, value = word.partition("=")
            if name in seen:
                return None
            seen.add(name)
            if name in FLAGS and not equals:
                params[FLAGS[name]] = True
            elif name in PLAIN_OPTIONS:
                if not equals:
                    i += 1
                    if i == len(args):
                        return None
                    value = args[i]
                if not value or value.startswith("-"):
                    return None
                params[PLAIN_OPTIONS[name]] = value
            else:
                return None  # "-" (standard input), "--", -h, any other option
        i += 1
    if not paths:
        return None
    params["paths"] = tuple(paths)
    return params


def entry() -> None:
    """Run ``check`` with the cycle collector off (a run builds many objects and no cycles that outlive
    it: its passes were 3 % of a one-report check) and, once the outcome is printed, end the process
    without the interpreter's teardown, which frees every module and object one by one (another 5 %).
    The teardown still happens when something may need it: another thread or a child process still
    running, or output that cannot be flushed (then Python reports it as usual). Every other command
    (serve, corpus build: long runs) runs and ends as Python runs any program."""
    args = sys.argv[1:]
    if args[:1] != ["check"]:
        from .cli import main

        main()
        return
    import gc

    collecting = gc.isenabled()
    gc.disable()
    params = plain_check(args) if "_REPORTLINT_COMPLETE" not in os.environ else None
    try:
        if params is None:
            from .cli import main

            if collecting:
                from . import checkcmd

                checkcmd.collector_paused = True  # a batch turns it back on (``checkcmd.run``)
            main()
        else:
            _check(params, args, collecting)
    except SystemExit as exc:
        code = exc.code
        if not (code is None or type(code) is int) or not _may_skip_teardown():
            raise
    else:  # both always exit; should they return, Python ends as usual
        return
    import atexit

    atexit._run_exitfuncs()  # what was registered to run at exit still runs
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # a closed pipe: Python's own exit says so and sets the status
        sys.exit(code)
    os._exit(code or 0)


def _check(params: dict[str, Any], args: list[str], collecting: bool) -> NoReturn:
    """``cli.main`` for a plain ``check`` command line: the same outcomes, messages and exit codes."""
    from . import regexcache

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    regexcache.prime()  # before the checks are imported: their patterns come ready-made
    from . import checkcmd
    from .errors import ConfigError

    checkcmd.collector_paused = collecting
    try:
        try:
            rv = checkcmd.run(**params)
            regexcache.save()
        except (EOFError, KeyboardInterrupt):
            checkcmd.echo("", err=True)  # as click does, then cli.main's message
            checkcmd.echo("reportlint: 已中断", err=True)
            sys.exit(130)
        except OSError as exc:
            import errno

            if exc.errno != errno.EPIPE:
                raise
            from click.core import _PacifyFlushWrapper  # what click does for a closed pipe

            sys.stdout = _PacifyFlushWrapper(sys.stdout)  # type: ignore[assignment]
            sys.stderr = _PacifyFlushWrapper(sys.stderr)  # type: ignore[assignment]
            sys.exit(1)
    except checkcmd.Usage as exc:
        _show_usage_error(str(exc))
        sys.exit(EXIT_USAGE)
    except ConfigError as exc:
        checkcmd.echo(checkcmd.config_error(exc), err=True)
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # a bug in reportlint
        checkcmd.echo(checkcmd.internal_error(exc), err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(rv if isinstance(rv, int) else 0)


def _show_usage_error(message: str) -> None:
    """The message as click shows a usage error of ``reportlint check`` (usage line, hint, 错误：…)."""
    import click

    from .cli import check, cli

    parent = click.Context(cli, info_name="reportlint", **cli.context_settings)
    click.UsageError(message, click.Context(check, info_name="check", parent=parent)).show()


def _may_skip_teardown() -> bool:
    """No other thread and no child process that the interpreter's exit would wait for, and no
    profiler or tracer (``python -m cProfile -m reportlint …`` prints its report after the run)."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    mp = sys.modules.get("multiprocessing")
    return mp is None or not mp.active_children()
