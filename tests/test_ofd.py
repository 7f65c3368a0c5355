"""OFD (GB/T 33190) files: the same findings as the text they were laid out from, page
furniture set aside, and hostile packages refused with a clear X101."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from ofdwriter import write_ofd

from reportlint.files import unsupported_note
from reportlint.testing import lint_path, session

pytest.importorskip("ofdkit", reason="ofdkit is not installed")
PROFILES = Path(__file__).parent / "fixtures" / "profiles"


@pytest.mark.parametrize("per_glyph", [False, True], ids=["line-per-code", "glyph-per-code"])
@pytest.mark.parametrize("src", sorted(PROFILES.glob("*-defective.txt")), ids=lambda p: p.stem)
def test_ofd_rendition_gives_the_findings_of_its_text(tmp_path: Path, src: Path, per_glyph: bool) -> None:
    lines = src.read_text(encoding="utf-8").splitlines()
    ofd = write_ofd(tmp_path / f"{src.stem}.ofd", lines, per_glyph=per_glyph)
    expected = [(f.rule, f.excerpt) for f in lint_path(src).findings]
    got = [(f.rule, f.excerpt) for f in lint_path(ofd).findings]
    assert expected  # a defective fixture: the comparison is not between two empty lists
    assert got == expected


def _long_report() -> list[str]:
    body = "本单位按照年度计划推进各项任务，逐项明确责任科室和完成时限，按月调度进展情况并通报结果。"
    paras = ["某县农业农村局二〇二四年工作总结", "一、主要工作"]
    paras += [f"{n}.{body * 2}" for n in range(1, 9)]
    paras += ["二、存在问题", "部分项目推进偏慢，资金拨付不够及时。", "三、下一步打算", f"{body}明年继续抓好落实。"]
    return paras


@pytest.mark.parametrize("per_glyph", [False, True], ids=["line-per-code", "glyph-per-code"])
def test_running_head_and_page_numbers_are_furniture(tmp_path: Path, per_glyph: bool) -> None:
    from reportlint.loaders.ofd import load_ofd

    paras = _long_report()
    path = write_ofd(tmp_path / "a.ofd", paras, running_head="某县农业农村局", per_glyph=per_glyph)
    doc = load_ofd(path, path.read_bytes())
    assert doc.meta["pages"] >= 2
    texts = [b.text for b in doc.blocks]
    assert texts == paras  # wrapped lines re-joined, also across a page break; no furniture among them
    assert "某县农业农村局" in doc.furniture
    assert "— 1 —" in doc.furniture and "— 2 —" in doc.furniture
    assert doc.blocks[-1].page == doc.meta["pages"]


def test_ofd_is_checked_not_skipped_as_unsupported() -> None:
    registry, _ = session().books()
    supported = tuple(s.lower() for s in registry.loaders)
    assert ".ofd" in supported
    assert unsupported_note("报告.ofd", supported) is None


def _x101(path: Path) -> str:
    result = lint_path(path)
    assert result.error is not None and result.error["rule"] == "X101", result
    return result.error["message"]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_ofd_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = _zip(tmp_path / "bomb.ofd", {"OFD.xml": b"<a/>", "Doc_0/Pages/Page_0/Content.xml": b" " * (200 * 1024 * 1024)})
    assert "压缩炸弹" in _x101(path) or "上限" in _x101(path)


def test_ofd_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    ofd = write_ofd(tmp_path / "ok.ofd", ["一段正文。"])
    with zipfile.ZipFile(ofd) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["OFD.xml"] = (b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;">]>'
                          + members["OFD.xml"].split(b"?>", 1)[1])
    assert "OFD" in _x101(_zip(tmp_path / "dtd.ofd", members))


def test_truncated_ofd_is_a_clear_x101(tmp_path: Path) -> None:
    whole = write_ofd(tmp_path / "whole.ofd", _long_report()).read_bytes()
    cut = tmp_path / "cut.ofd"
    cut.write_bytes(whole[: len(whole) // 2])
    assert "损坏" in _x101(cut)


def test_zip_without_ofd_xml_is_not_an_ofd(tmp_path: Path) -> None:
    assert "OFD.xml" in _x101(_zip(tmp_path / "a.ofd", {"readme.txt": "说明".encode()}))


def test_ofd_that_is_really_text_or_pdf_is_an_x101(tmp_path: Path) -> None:
    text = tmp_path / "t.ofd"
    text.write_text("这不是 OFD 文件。", encoding="utf-8")
    pdf = tmp_path / "p.ofd"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    for path in (text, pdf):
        assert "OFD" in _x101(path)


def test_ofd_without_text_is_x102(tmp_path: Path) -> None:
    path = write_ofd(tmp_path / "empty.ofd", [""], page_numbers=False)
    error = lint_path(path).error
    assert error is not None and error["rule"] == "X102"


def test_missing_page_part_is_reported_not_crashing(tmp_path: Path) -> None:
    ofd = write_ofd(tmp_path / "ok.ofd", _long_report())
    with zipfile.ZipFile(ofd) as zf:
        members = {n: zf.read(n) for n in zf.namelist() if not n.endswith("Page_0/Content.xml")}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    path = tmp_path / "gap.ofd"
    path.write_bytes(buf.getvalue())
    findings = lint_path(path).findings
    assert all(f.rule != "X100" for f in findings)


def test_ofd_on_standard_input_is_recognised_by_its_bytes(tmp_path: Path) -> None:
    from reportlint.stdin import sniffed_suffix

    ofd = write_ofd(tmp_path / "a.ofd", _long_report())
    assert sniffed_suffix(ofd.read_bytes()) == ".ofd"
    with zipfile.ZipFile(tmp_path / "b.docx", "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    assert sniffed_suffix((tmp_path / "b.docx").read_bytes()) == ".docx"
