"""B105 end to end: index a directory of documents, check a draft assembled from two of them
plus new text, and see each reused piece attributed to its source while the new text stays
silent; incremental updates; the document never matches itself."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reportlint.cli import main
from reportlint.corpus import K, W, fingerprints, normalise

PROFILES = Path(__file__).parent / "fixtures" / "profiles"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out + err


@pytest.fixture
def library(tmp_path: Path) -> Path:
    lib = tmp_path / "library"
    lib.mkdir()
    for f in PROFILES.glob("*.txt"):
        if "defective" not in f.name:
            shutil.copy(f, lib / f.name)
    return lib


def test_reused_pieces_are_attributed_and_new_text_is_silent(tmp_path: Path, library: Path, capsys) -> None:
    index = tmp_path / "corpus.sqlite"
    code, out = run(["corpus", "build", str(library), "-o", str(index)], capsys)
    assert code == 0 and "10 个文档" in out
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
    copy = tmp_path / "same-content.txt"
    shutil.copy(library / "plan.txt", copy)
    code, out = run(["check", str(copy), "--corpus", str(index), "--select", "B105"], capsys)
    assert code == 0, out  # identical content is the same document under another name


def test_incremental_add(tmp_path: Path, library: Path, capsys) -> None:
    index = tmp_path / "corpus.sqlite"
    run(["corpus", "build", str(library), "-o", str(index)], capsys)
    code, out = run(["corpus", "add", str(library), "-o", str(index)], capsys)
    assert "新增或更新 0 个文档，共 10 个" in out
    (library / "new.txt").write_text("新材料标题\n" + "这是一段全新的材料内容，用于测试增量更新索引的功能是否正常。" * 2, encoding="utf-8")
    code, out = run(["corpus", "add", str(library), "-o", str(index)], capsys)
    assert code == 0 and "新增或更新 1 个文档，共 11 个" in out


def test_missing_index_is_a_usage_error(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text("标题\n正文。", encoding="utf-8")
    assert run(["check", str(f), "--corpus", str(tmp_path / "nope.sqlite")], capsys)[0] == 3


def test_winnowing_guarantees_shared_runs_are_found() -> None:
    shared = normalise("坚持以人民为中心的发展思想，扎实推进共同富裕")
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
    orphans = db.execute("SELECT COUNT(*) FROM prints WHERE doc NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert blocks == 1 and orphans == 0
