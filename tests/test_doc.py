""".doc and .wps files: converted by LibreOffice and read as .docx (the same findings as the
.docx they were saved from), or, without LibreOffice, their text read from the Word 97 piece
table with a note saying what was skipped; damaged files give a clear X101."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import pytest
from conftest import txt_to_docx

from reportlint.files import unsupported_note
from reportlint.loaders import doc as docmod
from reportlint.testing import lint_path, session

PROFILES = Path(__file__).parent / "fixtures" / "profiles"
needs_soffice = pytest.mark.skipif(docmod.soffice() is None, reason="LibreOffice (soffice) is not installed")


def _save_as_doc(docx: Path, dest_dir: Path) -> Path:
    """What a clerk does in LibreOffice: open the .docx, save it as Word 97-2003."""
    exe = docmod.soffice()
    assert exe is not None
    subprocess.run([exe, f"-env:UserInstallation={(dest_dir / 'lo-profile').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(dest_dir), str(docx)],
                   check=True, capture_output=True, timeout=120)
    out = dest_dir / (docx.stem + ".doc")
    assert out.is_file()
    return out


def _pairs(path: Path) -> list[tuple[str, str]]:
    result = lint_path(path)
    assert result.error is None, result.error
    return [(f.rule, f.excerpt) for f in result.findings]


@pytest.fixture(scope="module")
def saved_doc(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if docmod.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("doc")
    docx = txt_to_docx(PROFILES / "research-report-defective.txt", folder / "research.docx")
    out = folder / "saved"
    out.mkdir()
    return docx, _save_as_doc(docx, out)


@needs_soffice
def test_doc_saved_by_libreoffice_gives_the_findings_of_its_docx(saved_doc: tuple[Path, Path]) -> None:
    docx, doc = saved_doc
    expected = _pairs(docx)
    assert "N101" in {rule for rule, _ in expected}  # a numbering defect, found in Word list numbers
    assert _pairs(doc) == expected


@needs_soffice
def test_wps_name_is_read_the_same_way(saved_doc: tuple[Path, Path], tmp_path: Path) -> None:
    docx, doc = saved_doc
    wps = tmp_path / "汇报.wps"
    wps.write_bytes(doc.read_bytes())
    assert _pairs(wps) == _pairs(docx)


@needs_soffice
def test_without_libreoffice_the_text_is_read_and_the_gap_is_said(
        saved_doc: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    docx, doc = saved_doc
    monkeypatch.setattr(docmod, "soffice", lambda: None)
    loaded = docmod.load_doc(doc, doc.read_bytes())
    from reportlint.loaders.docx import load_docx

    full = load_docx(docx, docx.read_bytes())
    # every paragraph is there, less the number a Word list puts in front of a heading
    texts = [b.text for b in loaded.blocks]
    assert all(any(t and b.text.endswith(t) for t in texts) for b in full.blocks)
    assert any(b.text not in texts for b in full.blocks)  # the list numbers are what is missing
    # the built-in heading styles are read from the paragraph properties
    assert [(b.kind, b.level) for b in loaded.blocks if b.kind == "heading"] == \
        [(b.kind, b.level) for b in full.blocks if b.kind == "heading"] != []
    findings = lint_path(doc).findings
    notes = [f for f in findings if f.rule == "X107"]
    assert len(notes) == 1 and "LibreOffice" in notes[0].message and "自动编号" in notes[0].message
    assert notes[0].severity == "info"  # a note on how the file was read, no failure of a run


@needs_soffice
def test_conversion_over_time_is_an_x101(saved_doc: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    _, doc = saved_doc
    monkeypatch.setattr(docmod, "CONVERT_SECONDS", 0.001)
    error = lint_path(doc).error
    assert error is not None and error["rule"] == "X101" and "time limit" in error["message"]


@needs_soffice
def test_damaged_doc_is_an_x101_with_libreoffice(saved_doc: tuple[Path, Path], tmp_path: Path) -> None:
    _, doc = saved_doc
    cut = tmp_path / "cut.doc"
    cut.write_bytes(doc.read_bytes()[:1536])
    error = lint_path(cut).error
    assert error is not None and error["rule"] == "X101"


def test_docx_under_a_doc_name_is_read_as_docx(tmp_path: Path) -> None:
    docx = txt_to_docx(PROFILES / "notice-defective.txt", tmp_path / "a.docx")
    renamed = tmp_path / "a.doc"
    renamed.write_bytes(docx.read_bytes())
    assert _pairs(renamed) == _pairs(docx)


def test_doc_and_wps_are_checked_not_skipped_as_unsupported() -> None:
    registry, _ = session().books()
    supported = tuple(s.lower() for s in registry.loaders)
    assert unsupported_note("旧报告.doc", supported) is None
    assert unsupported_note("汇报.WPS", supported) is None


def _word97(text: str, compressed_prefix: str = "") -> tuple[bytes, bytes]:
    """WordDocument and table streams of a minimal Word 97 file: an optional 8-bit piece, then
    a UTF-16 piece (MS-DOC §2.4.1)."""
    head = bytearray(0x200)
    struct.pack_into("<H", head, 0, 0xA5EC)
    pieces: list[tuple[int, int, int]] = []  # (cp start, cp end, fc)
    body = bytearray()
    cp = 0
    if compressed_prefix:
        raw = compressed_prefix.encode("cp1252")
        pieces.append((cp, cp + len(raw), ((len(head) + len(body)) * 2) | 0x40000000))
        body += raw
        cp += len(raw)
    if len(body) % 2:
        body += b"\0"
    wide = text.encode("utf-16-le")
    pieces.append((cp, cp + len(text), len(head) + len(body)))
    body += wide
    cp += len(text)
    struct.pack_into("<i", head, 0x4C, cp)
    plc = b"".join(struct.pack("<i", p[0]) for p in pieces) + struct.pack("<i", pieces[-1][1])
    plc += b"".join(struct.pack("<HIH", 0, p[2], 0) for p in pieces)
    clx = b"\x01" + struct.pack("<h", 2) + b"\0\0" + b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", head, 0x1A2, 0, len(clx))
    return bytes(head + body), clx


def test_piece_table_reader_joins_pieces_and_drops_field_codes() -> None:
    text = "一、总体情况\r本年完成\x13 PAGE \x14三\x15项任务。\r甲\x07乙\x07\x07\r"
    word, table = _word97(text, compressed_prefix="Title 2024\r")
    raw = docmod._pieces_text(word, table, struct.unpack_from("<i", word, 0x4C)[0])
    assert raw == "Title 2024\r" + text
    assert docmod._strip_fields(raw) == "Title 2024\r一、总体情况\r本年完成三项任务。\r甲\x07乙\x07\x07\r"


def test_broken_piece_table_is_a_load_error() -> None:
    word, table = _word97("正文。\r")
    with pytest.raises(docmod.LoadError):
        docmod._pieces_text(word, b"\x07" + table[1:], 4)


def test_ole_garbage_without_libreoffice_is_an_x101(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docmod, "soffice", lambda: None)
    bad = tmp_path / "bad.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 3000)
    html = tmp_path / "web.doc"
    html.write_text("<html><body>网页另存的文件</body></html>", encoding="utf-8")
    for path in (bad, html):
        error = lint_path(path).error
        assert error is not None and error["rule"] == "X101", path


def test_encrypted_office_file_under_doc_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512)
    error = lint_path(path).error
    assert error is not None and error["rule"] == "X101" and "encrypted" in error["message"]


@needs_soffice
def test_ole_garbage_with_libreoffice_is_an_x101(tmp_path: Path) -> None:
    bad = tmp_path / "bad.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 40)
    error = lint_path(bad).error
    assert error is not None and error["rule"] == "X101"


@needs_soffice
def test_web_page_saved_as_doc_is_read_through_libreoffice(tmp_path: Path) -> None:
    # web systems often export "Word" files that are HTML under a .doc name
    page = tmp_path / "export.doc"
    page.write_text("<html><body><p>关于开展安全检查的通知</p><p>各单位要在月底前完成自查。</p></body></html>",
                    encoding="utf-8")
    loaded = docmod.load_doc(page, page.read_bytes())
    assert [b.text for b in loaded.blocks if b.text] == ["关于开展安全检查的通知", "各单位要在月底前完成自查。"]


def test_doc_and_wps_go_to_a_worker_with_time_for_the_conversion(tmp_path: Path) -> None:
    from reportlint.runner import Limits, _needs_isolation

    for name in ("a.doc", "b.WPS", "c.ofd"):
        (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
        assert _needs_isolation(tmp_path / name)
    limits = Limits(timeout=8.0)
    assert limits.timeout_for(tmp_path / "a.doc") > docmod.CONVERT_SECONDS + limits.timeout
    assert limits.timeout_for(tmp_path / "c.ofd") < docmod.CONVERT_SECONDS


def test_worker_memory_limit_leaves_room_for_libreoffice_to_raise_its_own() -> None:
    import sys

    code = ("import resource; from reportlint.runner import _limit_memory; "
            "before = resource.getrlimit(resource.RLIMIT_AS)[1]; _limit_memory(400); "
            "soft, hard = resource.getrlimit(resource.RLIMIT_AS); "
            "print(soft != resource.RLIM_INFINITY and hard == before)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "True"


@needs_soffice
def test_without_libreoffice_table_cells_and_nested_tables_are_cells(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("表格前的一段说明文字。")
    outer = document.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "项目名称"
    outer.cell(0, 1).text = "道路改造"
    inner = outer.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "牵头单位"
    inner.cell(0, 1).text = "住建局"
    document.add_paragraph("表格后的一段说明文字。")
    source = tmp_path / "table.docx"
    document.save(str(source))
    doc = _save_as_doc(source, tmp_path)
    monkeypatch.setattr(docmod, "soffice", lambda: None)
    blocks = docmod.load_doc(doc, doc.read_bytes()).blocks
    kinds = {b.text: (b.kind, b.table) for b in blocks}
    assert kinds["表格前的一段说明文字。"] == ("paragraph", 0) and kinds["表格后的一段说明文字。"] == ("paragraph", 0)
    assert kinds["项目名称"] == kinds["道路改造"] == ("cell", 1)
    assert kinds["牵头单位"] == kinds["住建局"] == ("cell", 2)  # the nested table has its own number
