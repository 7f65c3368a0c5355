"""Caches never change a result or an exit code: a damaged, doctored, foreign or unwritable
cache is a miss (or not used), and every compiled cache equals a fresh build."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import cache as result_cache
from reportlint import regexcache, store
from reportlint.cli import main
from reportlint.engine import FileResult
from reportlint.model import Finding

PROFILES = Path(__file__).parent / "fixtures" / "profiles"
DEFECTIVE = "关于加强作风建设的工作总结\n一、主要工作\n（一）加强学习。\n（一）完善制度。\n二、存在的问题\n学习不够深入。\n三、下一步打算\n进一步加强学习。\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def cache_folder() -> Path:
    return store.cache_dir()


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset % len(data)] ^= 0x10
    path.write_bytes(bytes(data))


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "a.txt").write_text(DEFECTIVE, encoding="utf-8")
    for f in sorted(PROFILES.glob("*.txt"))[:3]:
        shutil.copy(f, root / f.name)
    return root


# --- file names, entries ---------------------------------------------------------------

def test_a_file_name_with_undecodable_bytes_is_checked_and_cached(tmp_path: Path, capsys) -> None:
    root = tmp_path / "gbk"
    root.mkdir()
    name = os.fsdecode("报告".encode("gbk") + b".txt")  # a GBK name unpacked on Linux: lone surrogates
    (root / name).write_text(DEFECTIVE, encoding="utf-8")
    uncached = run(["check", str(root), "--no-cache", "--format", "json"], capsys)
    first = run(["check", str(root), "--format", "json"], capsys)
    second = run(["check", str(root), "--format", "json"], capsys)
    assert uncached[0] == 1 and first[:2] == uncached[:2] and second[:2] == uncached[:2]
    assert json.loads(second[1])["files"][0]["findings"]
    assert list((cache_folder()).rglob("v*/*/*.json"))


def test_a_result_survives_the_cache_exactly() -> None:
    path = os.fsdecode(b"\xb1\xa8.txt")
    finding = Finding(path, "N101", "numbering-repeat", "error", "编号重复", 3, 4, 5, 6, "（三）", 2, "（四）",
                      ({"path": "b.docx", "line": 7, "similarity": 1.0},),
                      line=9, column=2, end_line=10, end_column=3)  # physical lines of a re-joined text file
    result = FileResult(path, [finding], doctype="工作总结", lines={3: "（三）加强"})
    data = result_cache.encode(result)
    assert data is not None
    assert result_cache.decode(data) == result


@pytest.mark.parametrize("payload", [b"null", b"[]", b"{}", b'{"path": 1}', b"\xff\xfe", b"1e999999",
                                     b'{"path": "a", "findings": [[1]], "doctype": null, "error": null, '
                                     b'"skipped": null, "lines": {}}',
                                     b'{"path": "a", "findings": [], "doctype": null, "error": {"rule": 3}, '
                                     b'"skipped": null, "lines": {}}',
                                     # a digit to str.isdigit that int() cannot read (superscript two)
                                     b'{"path": "a", "findings": [], "doctype": null, "error": null, '
                                     b'"skipped": null, "lines": {"\\u00b2": "x"}}'])
def test_a_malformed_result_entry_is_a_miss(payload: bytes) -> None:
    assert result_cache.decode(payload) is None


def test_null_damaged_or_foreign_result_entries_change_nothing(docs: Path, capsys) -> None:
    expected = run(["check", str(docs), "--no-cache"], capsys)
    assert run(["check", str(docs)], capsys)[:2] == expected[:2]
    entries = sorted(cache_folder().rglob("v*/*/*.json"))
    assert len(entries) == 4
    entries[0].write_bytes(b"null")  # what a tester wrote by hand
    _flip(entries[1], len(entries[1].read_bytes()) // 2)  # one bit in the findings
    sealed_null = store._seal("result", b"null")
    entries[2].write_bytes(sealed_null)  # sealed, but not a result
    _flip(entries[3], 3)  # one bit in the seal
    assert run(["check", str(docs)], capsys)[:2] == expected[:2]
    assert run(["check", str(docs)], capsys)[:2] == expected[:2]  # and the rewritten entries are good


def test_a_cache_entry_owned_by_someone_else_is_not_read(tmp_path: Path) -> None:
    entry = tmp_path / "e"
    store.write_entry(entry, "result", b"{}")
    assert store.read_entry(entry, "result") == b"{}"
    assert store.read_entry(entry, "regex") is None  # another kind's entry
    if IS_ROOT:
        os.chown(entry, 65534, 65534)
        assert store.read_entry(entry, "result") is None


# --- the rulebook cache ----------------------------------------------------------------

def _rulebook_file() -> Path:
    return next(cache_folder().glob("rulebook-*.marshal"))


def test_cached_rulebook_equals_a_fresh_build() -> None:
    from reportlint.plugins import collect, get_plugin_manager
    from reportlint.rulebook import load_rulebook
    from reportlint.rulecache import cached_rulebook, decode, encode

    reg = collect(get_plugin_manager(False))
    fresh = load_rulebook(reg.rulebooks, reg.checks)
    assert cached_rulebook(reg.rulebooks, reg.checks) == fresh  # written
    assert cached_rulebook(reg.rulebooks, reg.checks) == fresh  # read back
    assert decode(encode(fresh)) == fresh  # type: ignore[arg-type]
    assert decode(b"\x00garbage") is None


@pytest.mark.parametrize("where", [0.0, 0.3, 0.5, 0.9, 0.999])
def test_a_flipped_bit_in_the_rulebook_cache_changes_nothing(where: float, docs: Path, capsys) -> None:
    rules_before = run(["rules"], capsys)
    expected = run(["check", str(docs), "--no-cache"], capsys)
    target = _rulebook_file()
    _flip(target, int(len(target.read_bytes()) * where))
    assert run(["rules"], capsys) == rules_before
    assert run(["check", str(docs), "--no-cache"], capsys)[:2] == expected[:2]
    _flip(_rulebook_file(), 40)
    assert run(["check", str(docs)], capsys)[:2] == expected[:2]


def test_a_planted_rulebook_in_a_folder_others_can_write_is_not_used(docs: Path, capsys) -> None:
    from reportlint.rulecache import decode, encode

    expected = run(["check", str(docs), "--no-cache"], capsys)
    target = _rulebook_file()
    book = decode(store.read_entry(target, "rulebook") or b"")
    assert book is not None
    doctored = type(book)({k: v for k, v in book.rules.items() if not k.startswith("N")}, book.profiles, book.sources)
    store.write_entry(target, "rulebook", encode(doctored) or b"")  # a valid seal over doctored rules
    cache_folder().chmod(0o777)  # the folder anyone could have written that into
    store._trusted.clear()
    code, out, err = run(["check", str(docs), "--no-cache"], capsys)
    assert (code, out) == expected[:2]
    assert "N101" in out and "不使用缓存" in err
    assert err.count("不使用缓存") == 1


@pytest.mark.skipif(not IS_ROOT, reason="needs root to give the folder to another user")
def test_a_cache_folder_owned_by_someone_else_is_not_used(docs: Path, capsys) -> None:
    expected = run(["check", str(docs), "--no-cache"], capsys)
    folder = cache_folder()
    os.chown(folder, 65534, 65534)
    store._trusted.clear()
    entries = set(folder.rglob("*"))
    code, out, err = run(["check", str(docs)], capsys)
    assert (code, out) == expected[:2] and "不属于当前用户" in err
    assert set(folder.rglob("*")) == entries  # nothing written either


def test_the_cache_folder_is_created_private(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "reportlint"
    assert store.trusted(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    open_parent = tmp_path / "open"
    open_parent.mkdir()
    open_parent.chmod(0o777)  # writable by all and not sticky: the folder inside could be swapped
    assert not store.trusted(open_parent / "reportlint")
    sticky = tmp_path / "sticky"
    sticky.mkdir()
    sticky.chmod(0o1777)
    assert store.trusted(sticky / "reportlint")


def test_an_unusable_cache_location_means_a_quiet_uncached_run(tmp_path: Path, docs: Path, monkeypatch,
                                                               capsys) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(blocker))  # the cache folder cannot be created
    expected = run(["check", str(docs), "--no-cache"], capsys)
    code, out, err = run(["check", str(docs)], capsys)
    assert (code, out) == expected[:2] and err == ""


# --- the regex table -------------------------------------------------------------------

@pytest.fixture
def fresh_re(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(regexcache, "_known", set())
    monkeypatch.setattr(regexcache, "_facts", {kind: {} for kind in regexcache.FACT_KINDS})
    monkeypatch.setattr(regexcache, "_new_facts", set())
    monkeypatch.setattr(re, "_cache", {})  # prime may replace it (patterns built on first use)
    re.purge()
    yield
    re.purge()


def test_every_pattern_of_a_real_run_comes_back_as_a_fresh_compile(docs: Path, fresh_re, capsys) -> None:
    from re import _compiler  # type: ignore[attr-defined]

    subprocess.run([sys.executable, "-m", "reportlint", "check", str(docs), "--no-cache"], check=False,
                   capture_output=True, timeout=300)  # a fresh process saves every pattern it compiled
    re.purge()
    regexcache._known.clear()
    primed = regexcache.prime()
    assert primed > 100
    for pattern, flags in sorted(regexcache._known):  # each built from the table when first asked for
        compiled = re.compile(pattern, flags)
        assert compiled is re._cache[(str, pattern, flags)]  # type: ignore[attr-defined]
        fresh = _compiler.compile(pattern, flags)
        assert compiled == fresh, pattern
        assert compiled.groupindex == fresh.groupindex


def test_a_doctored_regex_table_is_ignored(docs: Path, fresh_re, capsys) -> None:
    expected = run(["check", str(docs), "--no-cache"], capsys)
    table = next(cache_folder().glob("regex-*.marshal"))
    payload = store.read_entry(table, "regex")
    assert payload is not None
    import marshal

    data = marshal.loads(payload)
    for key, (flags, code, groups, index) in data["patterns"].items():
        never = [int(op) for op in re._compiler._code(re._parser.parse("(?!)", 0), 0)]  # type: ignore[attr-defined]
        data["patterns"][key] = (flags, never, groups, index) if not groups else (flags, code, groups, index)
    doctored = marshal.dumps(data)
    table.write_bytes(table.read_bytes()[:-len(payload)] + doctored)  # the old seal over new content
    re.purge()
    regexcache._known.clear()
    assert regexcache.prime() == 0
    assert run(["check", str(docs), "--no-cache"], capsys)[:2] == expected[:2]


# --- the corpus and plugin code in the key ---------------------------------------------

def test_a_cached_run_sees_documents_added_to_the_corpus(tmp_path: Path, capsys) -> None:
    library = tmp_path / "library"
    library.mkdir()
    draft = tmp_path / "draft.txt"
    source = sorted(p for p in PROFILES.glob("*.txt") if "defective" not in p.name)
    shutil.copy(source[0], library / source[0].name)
    draft.write_text(source[1].read_text(encoding="utf-8") + "附件：工作台账。\n", encoding="utf-8")
    index = tmp_path / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)
    args = ["check", str(draft), "--corpus", str(index), "--select", "B105"]
    before = run(args, capsys)
    assert "B105" not in before[1]
    second = tmp_path / "more"
    second.mkdir()
    shutil.copy(source[1], second / "copy-of-draft.txt")
    run(["corpus", "add", str(second), "-o", str(index)], capsys)
    uncached = run([*args, "--no-cache"], capsys)
    assert "B105" in uncached[1]
    assert run(args, capsys)[:2] == uncached[:2]
    entries = set(cache_folder().rglob("v*/*/*.json"))
    assert run(args, capsys)[:2] == uncached[:2]
    assert set(cache_folder().rglob("v*/*/*.json")) == entries  # the same key again: a hit, nothing new written


def test_reading_the_corpus_stamp_leaves_nothing_beside_the_index(tmp_path: Path, capsys) -> None:
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(next(PROFILES.glob("*.txt")), library / "a.txt")
    index = tmp_path / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)
    before = sorted(tmp_path.iterdir())
    first = result_cache.corpus_stamp(index)
    assert result_cache.corpus_stamp(index) == first and "unreadable" not in first
    assert sorted(tmp_path.iterdir()) == before


def test_the_key_changes_with_the_code_of_a_loaded_plugin(tmp_path: Path, monkeypatch) -> None:
    from reportlint.config import Config
    from reportlint.engine import Session, Settings
    from reportlint.runner import Job

    package = tmp_path / "rl_cache_probe"
    package.mkdir()
    (package / "__init__.py").write_text("from reportlint import hookimpl\n\n\n@hookimpl\n"
                                         "def register_checks(register):\n    pass\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    doc = tmp_path / "a.txt"
    doc.write_text(DEFECTIVE, encoding="utf-8")
    job = Job(0, doc, Config())

    def key() -> str | None:
        result_cache._PLUGIN_STAMPS.clear()
        return result_cache.Cache(tmp_path / "c").key(job, Session(False, ("rl_cache_probe",)), Settings())

    first = key()
    assert first is not None and key() == first
    with open(package / "__init__.py", "a", encoding="utf-8") as fh:
        fh.write("# changed\n")
    assert key() != first


# --- unwritable caches -----------------------------------------------------------------

def test_a_read_only_cache_folder_means_a_quiet_uncached_run(tmp_path: Path, monkeypatch, capfd) -> None:
    import errno

    from reportlint import segment

    doc = tmp_path / "a.txt"
    doc.write_text(DEFECTIVE + "每季度召开一次调度会，三个乡镇年底前完成。\n", encoding="utf-8")
    expected = run(["check", str(doc), "--no-cache"], capfd)  # type: ignore[arg-type]
    folder = tmp_path / "ro"
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(folder))
    (folder / "reportlint").mkdir(parents=True, mode=0o700)
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR) and str(path).startswith(str(folder)):
            raise PermissionError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)  # what tempfile and every writer go through
    segment.tagger.cache_clear()
    try:
        code, out, err = run(["check", str(doc)], capfd)  # type: ignore[arg-type]
    finally:
        segment.tagger.cache_clear()
    assert (code, out) == expected[:2]
    assert "Traceback" not in err and err == ""
    assert not [p for p in folder.rglob("*") if p.is_file()]


def test_a_full_disk_leaves_no_file_and_no_traceback(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(DEFECTIVE + "每季度召开一次调度会，三个乡镇年底前完成。\n", encoding="utf-8")
    base = tmp_path / "base"
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(base)}
    script = ("import resource, signal, sys\n"
              "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
              "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))  # writes past 20 kB fail: a full disk\n"
              "from reportlint.cli import main\n"
              "main(sys.argv[1:])\n")
    done = subprocess.run([sys.executable, "-c", script, "check", str(doc)], env=env, capture_output=True,
                          text=True, timeout=300)
    plain = subprocess.run([sys.executable, "-m", "reportlint", "check", str(doc), "--no-cache"], env=env,
                           capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and done.stdout == plain.stdout
    assert "Traceback" not in done.stderr and done.stderr == ""
    leftovers = [p for p in base.rglob("*") if p.is_file() and (p.stat().st_size == 0 or p.name.endswith(".tmp")
                                                                 or p.name.startswith("tmp"))]
    assert leftovers == []


GENERATOR = Path(__file__).resolve().parents[2] / "shared" / "badinputs" / "make_bad_inputs.py"


@pytest.mark.skipif(not GENERATOR.exists(), reason="../shared/badinputs is not beside this checkout")
def test_hostile_inputs_twice_with_the_cache_as_without(tmp_path: Path) -> None:
    corpus = tmp_path / "bad"
    subprocess.run([sys.executable, str(GENERATOR), str(corpus), "--skip-heavy"], check=True, capture_output=True)
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def check(*extra: str) -> tuple[int, dict[str, object], str]:
        done = subprocess.run([sys.executable, "-m", "reportlint", "check", ".", "--format", "json", *extra],
                              cwd=corpus, env=env, capture_output=True, timeout=600)
        files = {f["path"]: f for f in json.loads(done.stdout)["files"]}
        return done.returncode, files, done.stderr.decode("utf-8", "replace")

    plain, first, second = check("--no-cache"), check(), check()
    for code, _, err in (plain, first, second):
        assert code == 2 and "Traceback" not in err
    timed_out = {p for run_ in (plain, first, second) for p, f in run_[1].items()
                 if f.get("error") and "timeout" in f["error"]["message"]}  # the machine's load, not the cache
    for run_ in (first, second):
        assert set(run_[1]) == set(plain[1])
        assert {p: f for p, f in run_[1].items() if p not in timed_out} == \
               {p: f for p, f in plain[1].items() if p not in timed_out}
