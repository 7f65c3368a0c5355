"""B105 end to end: index a directory of documents, check a draft assembled from two of them
plus new text, and see each reused piece attributed to its source while the new text stays
silent; incremental updates; the document never matches itself."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from reportlint.cli import main
from reportlint.corpus import K, W, block_keys, fingerprints, normalise, stored_postings

PROFILES = Path(__file__).parent / "fixtures" / "profiles"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out + err


def copy_profiles(tmp_path: Path) -> Path:
    """A folder of the profile fixtures' well-formed reports: a small reference corpus."""
    lib = tmp_path / "library"
    lib.mkdir()
    for f in PROFILES.glob("*.txt"):
        if "defective" not in f.name:
            shutil.copy(f, lib / f.name)
    return lib


def write_draft(tmp_path: Path, *more: str) -> Path:
    """A draft with two paragraphs of the work summary and one of the plan pasted among new text."""
    summary = (PROFILES / "work-summary.txt").read_text(encoding="utf-8").splitlines()
    plan = (PROFILES / "plan.txt").read_text(encoding="utf-8").splitlines()
    text = ["关于新建一项工作的说明", "",
            "今年以来我们围绕新的目标安排了不同于以往的工作内容，逐项推动落实并且每月复盘一次。",
            summary[4], summary[5], "二、下一步打算", plan[5], *more]
    path = tmp_path / "draft.txt"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return copy_profiles(tmp_path)


def test_reused_pieces_are_attributed_and_new_text_is_silent(tmp_path: Path, library: Path, capsys) -> None:
    index = tmp_path / "corpus.sqlite"
    code, out = run(["corpus", "build", str(library), "-o", str(index)], capsys)
    assert code == 0 and f"{len(list(library.glob('*.txt')))} 个文档" in out
    summary = (PROFILES / "work-summary.txt").read_text(encoding="utf-8").splitlines()
    plan = (PROFILES / "plan.txt").read_text(encoding="utf-8").splitlines()
    draft = [
        "县市场监管局2024年工作总结",
        "今年以来，我局以食品安全为重点，扎实开展各项监管工作，全年抽检食品批次同比增加两成。",
        summary[4],  # 公务用车管理 from the work summary
        summary[5],  # 办公用房管理
        "二、存在的问题",
        "基层监管力量不足，快检设备更新不及时，部分乡镇监管所只有两名工作人员。",
        "三、下一步工作打算",
        plan[5],  # 规范户外广告 from the plan
    ]
    path = tmp_path / "draft.txt"
    path.write_text("\n".join(draft), encoding="utf-8")
    code, out = run(["check", str(path), "--corpus", str(index), "--select", "B105", "--format", "json"], capsys)
    findings = json.loads(out)["files"][0]["findings"]
    got = [(f["line"], f["end_line"], Path(f["related"][0]["path"]).name, f["related"][0]["line"]) for f in findings]
    assert got == [(3, 4, "work-summary.txt", 5), (8, 8, "plan.txt", 6)]
    assert all(f["related"][0]["similarity"] >= 0.9 for f in findings)
    assert code == 1


def test_a_document_never_matches_itself(tmp_path: Path, library: Path, capsys) -> None:
    index = tmp_path / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)
    code, out = run(["check", str(library / "plan.txt"), "--corpus", str(index), "--select", "B105"], capsys)
    assert code == 0, out
    elsewhere = tmp_path / "inbox"
    elsewhere.mkdir()
    shutil.copy(library / "plan.txt", elsewhere / "plan.txt")
    code, out = run(["check", str(elsewhere / "plan.txt"), "--corpus", str(index), "--select", "B105"], capsys)
    assert code == 0, out  # the same file, received again: the same document


def test_a_renamed_copy_is_reported_as_reuse(tmp_path: Path, library: Path, capsys) -> None:
    index = tmp_path / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)
    copy = tmp_path / "our-plan-2025.txt"
    shutil.copy(library / "plan.txt", copy)
    code, out = run(["check", str(copy), "--corpus", str(index), "--select", "B105", "--format", "json"], capsys)
    findings = json.loads(out)["files"][0]["findings"]
    assert code == 1 and findings
    assert {Path(f["related"][0]["path"]).name for f in findings} == {"plan.txt"}


def test_an_index_moved_with_its_documents_still_knows_them(tmp_path: Path, library: Path, capsys) -> None:
    import sqlite3

    old = tmp_path / "old-machine"
    old.mkdir()
    shutil.move(library, old / "library")
    run(["corpus", "build", str(old / "library"), "-o", str(old / "corpus.sqlite")], capsys)
    stored = [r[0] for r in sqlite3.connect(old / "corpus.sqlite").execute("SELECT path FROM documents")]
    assert stored and all(p.startswith("library/") for p in stored)
    new = tmp_path / "new-machine"
    shutil.move(old, new)
    code, out = run(["check", str(new / "library" / "plan.txt"), "--corpus", str(new / "corpus.sqlite"),
                     "--select", "B105"], capsys)
    assert code == 0, out
    draft = tmp_path / "draft.txt"
    plan = (new / "library" / "plan.txt").read_text(encoding="utf-8").splitlines()
    draft.write_text("\n".join(["某局工作安排", plan[5]]), encoding="utf-8")
    code, out = run(["check", str(draft), "--corpus", str(new / "corpus.sqlite"), "--select", "B105",
                     "--format", "json"], capsys)
    related = json.loads(out)["files"][0]["findings"][0]["related"][0]["path"]
    assert Path(related).resolve() == (new / "library" / "plan.txt").resolve()


def test_incremental_add(tmp_path: Path, library: Path, capsys) -> None:
    index = tmp_path / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)
    code, out = run(["corpus", "add", str(library), "-o", str(index)], capsys)
    n = len(list(library.glob("*.txt")))  # one complete fixture per profile
    assert f"新增或更新 0 个文档，共 {n} 个" in out
    (library / "new.txt").write_text("新材料标题\n" + "这是一段全新的材料内容，用于测试增量更新索引的功能是否正常。" * 2, encoding="utf-8")
    code, out = run(["corpus", "add", str(library), "-o", str(index)], capsys)
    assert code == 0 and f"新增或更新 1 个文档，共 {n + 1} 个" in out


def test_missing_index_is_a_usage_error(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text("标题\n正文。", encoding="utf-8")
    assert run(["check", str(f), "--corpus", str(tmp_path / "nope.sqlite")], capsys)[0] == 3


def test_winnowing_guarantees_shared_runs_are_found() -> None:
    shared = normalise("持续改善城乡人居环境，稳步提升基本公共服务水平")
    assert len(shared) >= K + W - 1
    a = normalise("前言部分各不相同的文字内容") + shared + normalise("后面又是完全另外一些话")
    b = normalise("这是另一份材料开头的句子") + shared + normalise("结尾与第一份毫不相干")
    assert fingerprints(a) & fingerprints(b)
    assert not fingerprints(normalise("今天天气晴朗适合出游踏青")) & fingerprints(a)


def test_changed_document_replaces_its_old_fingerprints(tmp_path: Path, library: Path, capsys) -> None:
    import sqlite3

    index = tmp_path / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)
    (library / "plan.txt").write_text("全新的方案标题\n" + "完全改写以后的方案内容与原来毫无关系，用来验证旧指纹被删除。" * 2,
                                      encoding="utf-8")
    run(["corpus", "add", str(library), "-o", str(index)], capsys)
    db = sqlite3.connect(index)
    plan_id = db.execute("SELECT id FROM documents WHERE path LIKE '%plan.txt'").fetchone()[0]
    blocks = db.execute("SELECT COUNT(*) FROM blocks WHERE doc = ?", (plan_id,)).fetchone()[0]
    ids = {r[0] for r in db.execute("SELECT id FROM documents")}
    postings = [p for part in stored_postings(db) for p in part.tolist()]
    assert postings and blocks == 1
    assert {doc for _, doc, _, _ in postings} <= ids  # no orphans, in the runs or in the rows added apart
    # the old text's postings are gone even if its id was given to the new text
    new_keys = {k for (text,) in db.execute("SELECT text FROM blocks WHERE doc = ?", (plan_id,))
                for k in block_keys(text)[0].tolist()}
    assert {key for key, doc, _, _ in postings if doc == plan_id} <= new_keys


def _bad_index(kind: str, tmp_path: Path, library: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    import sqlite3

    index = tmp_path / f"{kind}.sqlite"
    if kind == "empty":
        index.write_bytes(b"")
    elif kind == "text":
        index.write_text("这不是数据库\n", encoding="utf-8")
    elif kind == "foreign":
        db = sqlite3.connect(index)
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        db.commit()
        db.close()
    else:
        run(["corpus", "build", str(library), "-o", str(index)], capsys)
        data = bytearray(index.read_bytes())
        if kind == "truncated":
            data = data[: len(data) // 2]
        else:  # pages after the first overwritten with noise
            data[4096:] = bytes((i * 37) % 251 for i in range(len(data) - 4096))
        index.write_bytes(bytes(data))
    return index


@pytest.mark.parametrize("kind", ["empty", "text", "foreign", "truncated", "garbled"])
def test_a_bad_index_is_a_usage_error_named_once(kind: str, tmp_path: Path, library: Path, capsys) -> None:
    index = _bad_index(kind, tmp_path, library, capsys)
    before = index.read_bytes()
    code, out = run(["check", str(library / "plan.txt"), str(library / "report.txt"), "--corpus", str(index)], capsys)
    assert code == 3, out
    assert len([line for line in out.splitlines() if str(index) in line]) == 1 and "X100" not in out
    assert index.read_bytes() == before  # check never writes the index, not even a 0-byte one


@pytest.mark.parametrize("kind", ["empty", "text", "foreign", "garbled"])
def test_corpus_add_onto_a_bad_index_is_a_usage_error(kind: str, tmp_path: Path, library: Path, capsys) -> None:
    index = _bad_index(kind, tmp_path, library, capsys)
    before = index.read_bytes()
    code, out = run(["corpus", "add", str(library), "-o", str(index)], capsys)
    assert code == 3 and str(index) in out, out
    assert index.read_bytes() == before


def test_build_never_overwrites_a_file_that_is_not_an_index(tmp_path: Path, library: Path, capsys) -> None:
    for kind in ("text", "foreign"):
        other = _bad_index(kind, tmp_path, library, capsys)
        before = other.read_bytes()
        code, out = run(["corpus", "build", str(library), "-o", str(other)], capsys)
        assert code == 3 and str(other) in out, out
        assert other.read_bytes() == before
    damaged = _bad_index("garbled", tmp_path, library, capsys)
    code, out = run(["corpus", "build", str(library), "-o", str(damaged)], capsys)
    assert code == 0 and f"{len(list(library.glob('*.txt')))} 个文档" in out  # a damaged index is rebuilt
    assert run(["check", str(library / "plan.txt"), "--corpus", str(damaged)], capsys)[0] in (0, 1)


def test_check_leaves_the_index_and_its_folder_as_they_were(tmp_path: Path, library: Path, capsys) -> None:
    folder = tmp_path / "index"
    folder.mkdir()
    index = folder / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)
    before = (index.read_bytes(), sorted(p.name for p in folder.iterdir()))
    assert before[1] == ["corpus.sqlite"]  # at rest: no -wal or -shm file beside it
    code, out = run(["check", str(library / "plan.txt"), "--corpus", str(index), "--no-cache"], capsys)
    assert code == 0, out
    assert (index.read_bytes(), sorted(p.name for p in folder.iterdir())) == before


def test_check_on_a_read_only_index(tmp_path: Path, library: Path, capsys) -> None:
    """Modes bite for users other than root; as root the check shows that nothing needs writing."""
    folder = tmp_path / "index"
    folder.mkdir()
    index = folder / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)
    draft = tmp_path / "draft.txt"
    plan = (library / "plan.txt").read_text(encoding="utf-8").splitlines()
    draft.write_text("某局工作安排\n" + plan[5], encoding="utf-8")
    index.chmod(0o444)
    folder.chmod(0o555)
    try:
        code, out = run(["check", str(draft), "--corpus", str(index), "--select", "B105", "--no-cache"], capsys)
    finally:
        folder.chmod(0o755)
    assert code == 1 and "B105" in out and "X100" not in out, out


def test_a_wal_index_in_a_read_only_folder_is_read_as_immutable(tmp_path: Path, library: Path, capsys,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A WAL-mode index (left by an older version or an interrupted writer) in a read-only folder:
    mode=ro cannot create the -shm file and fails (SQLITE_READONLY_DIRECTORY, reproduced by hand as
    a non-root user). Root cannot reproduce that failure, so the connection is made to fail here."""
    import sqlite3

    from reportlint import corpus

    index = tmp_path / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)
    opened: list[str] = []
    real_connect = sqlite3.connect

    class Failing:
        def execute(self, *a, **k):  # type: ignore[no-untyped-def]
            raise sqlite3.OperationalError("attempt to write a readonly database")

        def close(self) -> None:
            pass

    def connect(database: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(database)
        if "mode=ro" in database and "immutable=1" not in database:
            return Failing()
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(corpus.sqlite3, "connect", connect)
    from reportlint.model import Block, Document

    plan = (library / "plan.txt").read_text(encoding="utf-8").splitlines()
    draft = Document(str(tmp_path / "draft.txt"), (Block(0, "标题"), Block(1, plan[5])))
    with corpus.Index(index) as opened_index:
        matches = opened_index.query(draft, 0.6)
    assert [Path(m.source).name for m in matches] == ["plan.txt"]
    assert any("immutable=1" in u for u in opened)


def test_a_busy_index_is_never_read_without_locks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from reportlint import corpus

    index = tmp_path / "corpus.sqlite"
    corpus.Index(index, create=True).close()
    opened: list[str] = []

    class Busy:
        def execute(self, *a, **k):  # type: ignore[no-untyped-def]
            exc = sqlite3.OperationalError("database is locked")
            exc.sqlite_errorname = "SQLITE_BUSY"  # type: ignore[attr-defined]
            raise exc

        def close(self) -> None:
            pass

    monkeypatch.setattr(corpus.sqlite3, "connect", lambda database, *a, **k: opened.append(database) or Busy())
    with pytest.raises(sqlite3.OperationalError):
        corpus.Index(index)
    assert opened and not any("immutable" in u for u in opened)


WRITER = """
import sys
from pathlib import Path
from reportlint.corpus import Index
from reportlint.model import Block, Document

index = Index(Path(sys.argv[1]), create=True)
text = "这是另一个进程正在写入索引的一段新材料，内容足够长，可以产生指纹。" * 3
index.add(Document(sys.argv[2], (Block(0, "新材料"), Block(1, text))), "0" * 64)
print("writing", flush=True)
sys.stdin.readline()
index.close()
"""


def test_check_while_another_process_adds_to_the_index(tmp_path: Path, library: Path, capsys) -> None:
    import subprocess
    import sys

    index = tmp_path / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)
    draft = tmp_path / "draft.txt"
    plan = (library / "plan.txt").read_text(encoding="utf-8").splitlines()
    draft.write_text("某局工作安排\n" + plan[5], encoding="utf-8")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(index), str(library / "new.txt")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
        code, out = run(["check", str(draft), "--corpus", str(index), "--select", "B105", "--no-cache"], capsys)
    finally:
        writer.communicate("done\n", timeout=60)
    assert writer.returncode == 0
    assert code == 1 and "B105" in out and "X100" not in out, out
    code, out = run(["corpus", "add", str(library), "-o", str(index)], capsys)
    assert code == 0 and f"共 {len(list(library.glob('*.txt'))) + 1} 个" in out  # the fixtures and new.txt


def _as_unprivileged(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str] | None:
    """Run ``python -m reportlint args`` as a user whom file modes bind: this user when it is not
    root, else ``nobody`` through setpriv; None when that is impossible here."""
    import os
    import shutil
    import sys

    command = [sys.executable, "-m", "reportlint", *args]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            return None
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        probe = subprocess.run([*command[:4], sys.executable, "-c", "import reportlint"], capture_output=True, env=env)
        if probe.returncode != 0:
            return None
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_read_only_index_for_a_user_bound_by_file_modes(journal: str, library: Path, capsys) -> None:
    """The folder and the index are read-only. A WAL-mode index (older versions left them so)
    cannot be opened with mode=ro there (no -shm file can be made): it is read as immutable."""
    import os
    import sqlite3
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="reportlint-ro-"))
    try:
        (root / "index").mkdir()
        (root / "cache").mkdir()
        index = root / "index" / "corpus.sqlite"
        run(["corpus", "build", str(library), "-o", str(index)], capsys)
        if journal == "wal":
            sqlite3.connect(index).execute("PRAGMA journal_mode=WAL").fetchone()
        draft = root / "draft.txt"
        plan = (library / "plan.txt").read_text(encoding="utf-8").splitlines()
        draft.write_text("某局工作安排\n" + plan[5], encoding="utf-8")
        for p in (root, root / "index", root / "cache", draft, index):
            p.chmod(0o777 if p.name == "cache" else 0o755 if p.is_dir() else 0o644)
        index.chmod(0o444)
        (root / "index").chmod(0o555)
        env = {**os.environ, "REPORTLINT_CACHE_DIR": str(root / "cache"), "PYTHONDONTWRITEBYTECODE": "1"}
        done = _as_unprivileged(["check", str(draft), "--corpus", str(index), "--select", "B105", "--no-cache"], env)
        if done is None:
            pytest.skip("no way to run as a user bound by file modes")
        assert done.returncode == 1 and "B105" in done.stdout and "X100" not in done.stdout, done.stdout + done.stderr
        assert sorted(p.name for p in (root / "index").iterdir()) == ["corpus.sqlite"]
    finally:
        (root / "index").chmod(0o755)
        shutil.rmtree(root, ignore_errors=True)


def test_a_failed_add_keeps_no_half_document(tmp_path: Path, library: Path, capsys,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from reportlint import corpus
    from reportlint.model import Block, Document

    index = tmp_path / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)

    def fail(texts: list[str], min_chars: int) -> object:
        raise OSError("disk went away")

    monkeypatch.setattr(corpus, "fingerprint_texts", fail)
    text = "这是一段足够长的新材料内容，用来产生指纹并写入索引，随后出错。"
    with pytest.raises(OSError), corpus.Index(index, create=True) as writer:
        writer.add(Document(str(library / "broken.txt"), (Block(0, text),)), "f" * 64)
    db = sqlite3.connect(index)
    assert db.execute("SELECT COUNT(*) FROM documents WHERE path LIKE '%broken.txt'").fetchone()[0] == 0


def _run(*keys: int) -> tuple[int, bytes]:
    """A row of ``prints``: a run of postings with these keys (document 1, paragraph 0, offset 0)."""
    import numpy as np

    from reportlint.corpus import RUN_DTYPE

    records = np.zeros(len(keys), RUN_DTYPE)
    records["key"], records["doc"] = keys, 1
    return keys[0], records.tobytes()


@pytest.mark.parametrize("rows", [
    [(5, b"")],  # an empty run
    [(5, _run(5, 6)[1][:-1])],  # cut short: not a whole number of records
    [(4, _run(5, 6)[1])],  # named by a key it does not begin with
    [_run(6, 5)],  # not sorted by key
    [_run(5, 7), _run(7, 8)],  # key 7 split between two runs
    [(5, "text")],  # not a blob
])
def test_a_damaged_run_of_postings_is_refused(rows: list[tuple[object, object]]) -> None:
    from reportlint.corpus import decode_runs

    with pytest.raises(ValueError):
        decode_runs(rows)  # type: ignore[arg-type]


def test_sound_runs_are_decoded_in_key_order() -> None:
    from reportlint.corpus import decode_runs

    runs = decode_runs([_run(7, 9), _run(2, 2, 5)])
    assert [(first, run["key"].tolist()) for first, run in runs] == [(2, [2, 2, 5]), (7, [7, 9])]


def test_a_query_on_an_index_with_a_damaged_run_says_the_index_is_damaged(tmp_path: Path, library: Path,
                                                                           capsys) -> None:
    import sqlite3

    from reportlint import corpus
    from reportlint.errors import CorpusError
    from reportlint.model import Block, Document

    index = tmp_path / "corpus.sqlite"
    assert run(["corpus", "build", str(library), "-o", str(index)], capsys)[0] == 0
    with sqlite3.connect(index) as db:
        db.execute("UPDATE prints SET data = substr(data, 1, length(data) - 1)")
    db.close()
    plan = (library / "plan.txt").read_text(encoding="utf-8").splitlines()
    draft = Document(str(tmp_path / "draft.txt"), (Block(0, "标题"), Block(1, plan[5])))
    with corpus.Index(index) as opened, pytest.raises(CorpusError, match="已损坏"):
        opened.query(draft, 0.6)
