"""What a one-report check pays before and after its rules: the command's exit, the cache keys of the
rule data (issue #20, start-up). Speed itself is never asserted; what is asserted is the work skipped
and that the outcome is the same."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import lexicon as lexicon_module

DEFECTIVE = "关于加强作风建设的工作总结\n一、主要工作\n（一）加强学习。\n（一）完善制度。\n二、存在的问题\n学习不够深入。\n"


def _dict_dir(tmp_path: Path) -> Path:
    (tmp_path / "gongwen.txt").write_text("扶贫再贷款\n", encoding="utf-8")
    (tmp_path / "gov.txt").write_text("三严三实 1000 n\n", encoding="utf-8")
    (tmp_path / "charsim.json").write_text('{"shape": {"贩": "贝 反"}, "sound": {}}', encoding="utf-8")
    return tmp_path


def test_the_lexicon_stamp_follows_its_files_without_reading_them(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _dict_dir(tmp_path)
    first = lexicon_module._stamp(None, folder)

    def no_reading(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("the stamp read a file")

    with monkeypatch.context() as m:
        m.setattr(Path, "read_bytes", no_reading)
        m.setattr(Path, "read_text", no_reading)
        assert lexicon_module._stamp(None, folder) == first
    with (folder / "charsim.json").open("a", encoding="utf-8") as fh:
        fh.write(" ")
    edited = lexicon_module._stamp(None, folder)
    assert edited != first
    (folder / "gov.txt").unlink()
    assert lexicon_module._stamp(None, folder) not in (first, edited)


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300)


def test_the_command_exits_with_main_s_status_and_output(tmp_path: Path) -> None:
    """``python -m reportlint`` (``entry``) skips the interpreter's teardown: the same output, flushed,
    and the same exit status as ``main``, which tests call in-process."""
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}
    code = ("import sys; from reportlint.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n    sys.stdout.flush(); raise\n")
    via_main = subprocess.run([sys.executable, "-c", code, "check", "--no-cache", str(f)], capture_output=True,
                              text=True, cwd=tmp_path, env=env, timeout=300)
    via_entry = _run(["check", "--no-cache", str(f)], tmp_path, env)
    assert via_entry.returncode == via_main.returncode == 1
    assert via_entry.stdout == via_main.stdout and "N101" in via_entry.stdout
    assert via_entry.stderr == via_main.stderr == ""
    usage = _run(["check", "--no-such-option", str(f)], tmp_path, env)
    assert usage.returncode == 3 and "--no-such-option" in usage.stderr
    assert _run(["--version"], tmp_path, env).returncode == 0


def test_the_command_still_runs_what_was_registered_to_run_at_exit(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    marker = tmp_path / "atexit-ran"
    code = ("import atexit, sys; from pathlib import Path; from reportlint.command import entry\n"
            f"atexit.register(lambda: Path({str(marker)!r}).write_text('yes'))\n"
            "sys.argv = ['reportlint', 'check', '--no-cache', sys.argv[1]]\n"
            "entry()\n")
    done = subprocess.run([sys.executable, "-c", code, str(f)], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}, timeout=300)
    assert done.returncode == 1 and "N101" in done.stdout
    assert marker.read_text() == "yes"


PLAIN = [
    ["check", "a.txt"],
    ["check", "--no-cache", "a.txt", "b.docx"],
    ["check", "a.txt", "--format", "json", "--select", "N1,S101"],
    ["check", "--format=sarif", "--ignore=T105", "--extend-select", "B105", "--profile", "工作总结", "a.txt"],
    ["check", "--exit-zero", "--statistics", "报告.txt", "--no-cache"],
    ["check", "--select", "=N1", "a=b.txt"],
]
NOT_PLAIN = [
    [], ["check"], ["--version"], ["rules"], ["check", "-h"], ["check", "--help"], ["check", "-"],
    ["check", "--", "a.txt"], ["check", "a.txt", "--select"], ["check", "a.txt", "--select", "--ignore"],
    ["check", "a.txt", "--select="], ["check", "a.txt", "--no-cache=1"], ["check", "a.txt", "--no-cache", "--no-cache"],
    ["check", "a.txt", "--select", "N1", "--select", "S1"], ["check", "a.txt", "--jobs", "2"], ["check", "a.txt", "-j2"],
    ["check", "a.txt", "--timeout", "3"], ["check", "a.txt", "--fail-on", "error"], ["check", "a.txt", "--debug"],
    ["check", "a.txt", "--config", "x.toml"], ["check", "a.txt", "--fix", "b.txt"], ["check", "", "a.txt"],
    ["check", "a.txt", "--no-cach"], ["extract", "a.txt"],
]


def _click_params(args: list[str]) -> dict[str, object]:
    import click

    from reportlint.cli import check, cli

    parent = click.Context(cli, info_name="reportlint", **cli.context_settings)
    with check.make_context("check", list(args[1:]), parent=parent) as ctx:
        return dict(ctx.params)


@pytest.mark.parametrize("args", PLAIN)
def test_a_plain_check_command_line_gets_the_parameters_click_gives(args: list[str]) -> None:
    from reportlint.command import plain_check

    assert plain_check(args) == _click_params(args)


@pytest.mark.parametrize("args", NOT_PLAIN)
def test_any_other_command_line_goes_to_click(args: list[str]) -> None:
    from reportlint.command import plain_check

    assert plain_check(args) is None


def test_the_defaults_are_those_of_every_option_of_check() -> None:
    from reportlint.cli import check
    from reportlint.command import CHECK_DEFAULTS, FLAGS, PLAIN_OPTIONS

    assert set(CHECK_DEFAULTS) == {p.name for p in check.params}
    assert CHECK_DEFAULTS == _click_params(["check"])
    options = {o: p for p in check.params for o in p.opts}
    for flag, name in FLAGS.items():
        assert options[flag].name == name and options[flag].is_flag  # type: ignore[attr-defined]
    for option, name in PLAIN_OPTIONS.items():
        param = options[option]
        assert param.name == name and param.type.name == "text" and param.callback is None and not param.multiple  # type: ignore[attr-defined]


@pytest.mark.parametrize("args", [
    ["check", "--select", ",", "a.txt"],  # an empty list of codes
    ["check", "--select", "Q9", "a.txt"],  # no such rule (found after the files are listed)
    ["check", "--format", "yaml", "a.txt"],
    ["check", "--profile", "没有这个文种", "a.txt"],
])
def test_a_plain_command_line_s_usage_error_reads_as_click_s(tmp_path: Path, args: list[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}
    fast = _run(args, tmp_path, env)
    code = "import sys; from reportlint.cli import main\nmain(sys.argv[1:])\n"
    slow = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=tmp_path, env=env,
                          timeout=300)
    assert fast.returncode == slow.returncode == 3
    assert fast.stderr == slow.stderr and "reportlint check [OPTIONS]" in fast.stderr
    assert fast.stdout == slow.stdout == ""


def test_a_plain_check_imports_no_click_and_with_the_cache_off_no_cache_code(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    code = ("import atexit, sys; from reportlint.command import entry\n"
            "atexit.register(lambda: print(sorted(m for m in sys.modules if m.split('.')[0] == 'click'\n"
            "                                     or m in ('json', 'reportlint.cache'))))\n"
            "sys.argv = ['reportlint', 'check', '--no-cache', '--select', 'N1', sys.argv[1]]\n"
            "entry()\n")
    done = subprocess.run([sys.executable, "-c", code, str(f)], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}, timeout=300)
    assert done.returncode == 1 and "N101" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


def _records() -> list[tuple[type, bool]]:
    from reportlint import config, context, engine, model, plugins, rulebook, runner

    return [(model.Block, False), (model.Document, False), (model.Finding, False), (model.Rule, False),
            (context.Context, False), (config.Config, True), (rulebook.Section, True), (rulebook.Profile, True),
            (rulebook.Rulebook, False), (plugins.EntryPoint, False), (plugins.Registry, True),
            (engine.FileResult, True), (engine.Settings, True), (runner.Limits, False), (runner.Job, False),
            (runner._Worker, True)]


@pytest.mark.parametrize(("cls", "shown"), _records(), ids=lambda v: getattr(v, "__name__", str(v)))
def test_a_record_behaves_as_the_dataclass_it_replaces(cls: type, shown: bool) -> None:
    """``model.record`` classes write their own ``__init__`` (no method compiled at start-up): the same
    signature, values, equality, hashing, repr and dataclass functions as ``@dataclass`` would give."""
    import dataclasses
    import inspect

    from reportlint.model import FACTORY

    fields = dataclasses.fields(cls)
    twin = dataclasses.make_dataclass(
        cls.__name__, [(f.name, f.type, dataclasses.field(default=f.default, default_factory=f.default_factory))
                       for f in fields], slots=hasattr(cls, "__slots__"), repr=True, eq=True)
    twin.__qualname__ = cls.__qualname__
    ours, theirs = inspect.signature(cls.__init__).parameters, inspect.signature(twin.__init__).parameters
    assert [(p.name, p.kind) for p in ours.values()] == [(p.name, p.kind) for p in theirs.values()]
    for name, p in ours.items():
        if name != "self":
            factory = theirs[name].default is dataclasses._HAS_DEFAULT_FACTORY  # type: ignore[attr-defined]
            assert (p.default is FACTORY) == factory and (factory or p.default == theirs[name].default)
    required = [f.name for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    values = {name: f"value of {name}" for name in required}
    a, b, t = cls(**values), cls(*values.values()), twin(**values)
    assert all(getattr(a, f.name) == getattr(t, f.name) and type(getattr(a, f.name)) is type(getattr(t, f.name))
               for f in fields)
    assert a == b and not (a != b) and a.__eq__(object()) is NotImplemented and a != t
    if fields:
        changed = dataclasses.replace(a, **{fields[0].name: "another value"})
        assert changed != a and type(changed) is cls
    assert (cls.__hash__ is None) == (twin.__hash__ is None)
    if shown:
        assert repr(a) == repr(t)
    else:
        assert repr(a).startswith("<")  # object's own, as with repr=False
    assert cls.__match_args__ == twin.__match_args__  # type: ignore[attr-defined]
    factories = [f.name for f in fields if f.default_factory is not dataclasses.MISSING]
    if factories:  # a new value for each instance, never one shared
        assert all(getattr(a, n) is not getattr(b, n) for n in factories)


def test_the_regex_table_keeps_each_pattern_s_code_as_packed_numbers(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The table is unpacked in C at every start: each code is the bytes of an array of 32-bit numbers
    (a marshalled list of ints cost half of the priming), and comes back as re's own code."""
    import marshal
    import re
    from array import array
    from re import _compiler, _parser  # type: ignore[attr-defined]

    from reportlint import regexcache
    from reportlint.store import read_entry

    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_known", set())
    monkeypatch.setattr(regexcache, "_leads", {})
    monkeypatch.setattr(regexcache, "_new_leads", set())
    pattern = r"(?P<unit>县|市)委(?P<body>常委会|班子)\s*第\s*\d{1,4}\s*页"
    re.purge()
    try:
        re.compile(pattern)
        assert regexcache.save() >= 1
        path = regexcache._table_file()
        assert path is not None
        payload = read_entry(path, "regex")
        assert payload is not None
        _, code, groups, groupindex = marshal.loads(payload)["patterns"][(pattern, 0)]
        assert type(code) is bytes
        assert array("I", code).tolist() == list(_compiler._code(_parser.parse(pattern, 0), 0))
        assert groups == 2 and groupindex == {"unit": 1, "body": 2}
    finally:
        re.purge()


def _small_lexicon(tmp_path: Path) -> lexicon_module.Lexicon:
    words = ["以工代赈 60 i", "恪尽职守 40 i", "推进 900", "整村推进 70", "推广 800", "贷款 700", "再贷款 60",
             "建设 900", "标准化 300", "扶贫 400", "工作 900", "推 3000", "进 2500", "村 900"]
    (tmp_path / "dict.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    (tmp_path / "gongwen.txt").write_text("扶贫再贷款\n标准化建设 500\n", encoding="utf-8")
    (tmp_path / "charsim.json").write_text('{"shape": {"村": "木 寸"}, "sound": {}}', encoding="utf-8")
    return lexicon_module._build(tmp_path / "dict.txt", tmp_path)


def test_the_lexicon_head_comes_back_as_the_tables_it_was_written_from(tmp_path: Path) -> None:
    """The head's strings are packed as one UTF-16 text each (one decode and one split at load)."""
    built = _small_lexicon(tmp_path)
    path = tmp_path / "lexicon.marshal"
    path.write_bytes(lexicon_module._pack(built))
    opened = lexicon_module._open(path, lambda: built)
    assert opened is not None
    assert opened.two == built.two and opened.starts == built.starts and built.two and built.starts
    assert opened.dropped_heads == built.dropped_heads and opened.short_phrasal == built.short_phrasal
    assert all(type(v) is str for v in (*opened.two.values(), *opened.starts.values()))


def test_a_damaged_lexicon_head_is_not_used(tmp_path: Path) -> None:
    import marshal

    built = _small_lexicon(tmp_path)
    data = lexicon_module._pack(built)
    start = len(lexicon_module._MAGIC) + lexicon_module._HEAD_LEN
    size = int.from_bytes(data[len(lexicon_module._MAGIC):start], "big")
    head = list(marshal.loads(data[start:start + size]))
    for damage in ({}, {0: head[0][:-1]}, {1: head[1] + "\x00，".encode("utf-16-le")}, {4: "not bytes"}):
        changed = marshal.dumps(tuple(damage.get(i, x) for i, x in enumerate(head)))
        out = bytearray(data[:len(lexicon_module._MAGIC)] + len(changed).to_bytes(lexicon_module._HEAD_LEN, "big"))
        out += changed
        out += bytes(-len(out) % 4)  # the padding depends on the head's length
        path = tmp_path / "damaged.marshal"
        path.write_bytes(bytes(out) + data[start + size + (-(start + size) % 4):])
        assert (lexicon_module._open(path, lambda: built) is None) == bool(damage)  # {}: the file as written


@pytest.mark.parametrize(("args", "collecting"), [
    (["check", "--no-cache", "{f}"], False),  # one file: no cycle outlives the run
    (["check", "--no-cache", "--jobs", "1", "{f}", "{f2}"], True),  # a batch collects between its files
    (["extract", "{f}"], True),  # every other command (serve, corpus build: long runs) as Python does
])
def test_the_cycle_collector_is_paused_only_for_a_one_file_check(tmp_path: Path, args: list[str],
                                                                 collecting: bool) -> None:
    f, f2 = tmp_path / "a.txt", tmp_path / "b.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    f2.write_text(DEFECTIVE, encoding="utf-8")
    argv = [a.format(f=f, f2=f2) for a in args]
    code = ("import atexit, gc, sys; from reportlint.command import entry\n"
            "atexit.register(lambda: print('collector', gc.isenabled()))\n"
            f"sys.argv = ['reportlint', *{argv!r}]\n"
            "entry()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}, timeout=300)
    assert done.stdout.strip().splitlines()[-1] == f"collector {collecting}", done.stderr


def test_the_code_stamp_lists_the_modules_as_a_walk_of_the_package_does() -> None:
    from reportlint import store

    root = os.path.dirname(os.path.abspath(store.__file__))
    walked = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(f for f in files if f.endswith(".py")):
            path = os.path.join(folder, name)
            st = os.stat(path)
            walked.append(f"{os.path.relpath(path, root)}:{st.st_size}:{st.st_mtime_ns}")
    parts: list[str] = []
    store._stamp_folder(root, len(root) + 1, parts)
    assert parts == walked and any(p.startswith(f"checks{os.sep}") for p in parts)


def test_a_plain_command_line_s_configuration_error_reads_as_click_s(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('select = "N1"\n', encoding="utf-8")
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}
    fast = _run(["check", "--no-cache", "a.txt"], tmp_path, env)
    code = "import sys; from reportlint.cli import main\nmain(sys.argv[1:])\n"
    slow = subprocess.run([sys.executable, "-c", code, "check", "--no-cache", "a.txt"], capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=300)
    assert fast.returncode == slow.returncode == 3
    assert fast.stderr == slow.stderr and "配置错误" in fast.stderr and fast.stdout == slow.stdout == ""
