"""The Word files reportlint writes, rendered by LibreOffice: the --annotate copy's comments and
the --fix copy's tracked insertions reach the PDF. Skipped where LibreOffice is absent (.ci/run
installs Debian's libreoffice-writer-nogui when it can)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reportlint.annotate import annotate
from reportlint.fixdocx import fix_docx
from reportlint.model import Finding

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
# writer_pdf_Export's ExportNotes puts each comment in the PDF as a text annotation (LibreOffice
# 7.x; ExportNotesInMargin, which draws them on the page, is newer than some LTS releases)
PDF_FILTER = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def _to_pdf(files: list[Path], tmp_path: Path) -> list[Path]:
    out = tmp_path / "pdf"
    profile = (tmp_path / "profile").as_uri()  # a private profile: runs in parallel never share one
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", PDF_FILTER,
                    "--outdir", str(out), *map(str, files)], check=True, capture_output=True, timeout=180)
    pdfs = [out / (f.stem + ".pdf") for f in files]
    assert all(p.is_file() for p in pdfs)
    return pdfs


def _annotations(pdf: Path) -> list[str]:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found = []
    with open(pdf, "rb") as fh:
        for page in PDFPage.create_pages(PDFDocument(PDFParser(fh))):
            for ref in resolve1(page.annots) or []:
                contents = resolve1(ref).get("Contents")
                if contents:
                    found.append(decode_text(contents))
    return found


def _finding(block: int, start: int, end: int, excerpt: str, fix: tuple = ()) -> Finding:
    return Finding(path="r.docx", rule="T101", name="doubled-char", severity="warning",
                   message="Doubled word here, keep one", block=block, start=start, end_block=block, end=end,
                   excerpt=excerpt, fix=fix)


def test_comments_and_insertions_reach_the_pdf(tmp_path: Path) -> None:
    import docx
    from pdfminer.high_level import extract_text

    # Latin text: the test machine may have no CJK font, and the PDF text of CJK glyphs drawn
    # with a fallback font is not the characters
    src = tmp_path / "r.docx"
    d = docx.Document()
    d.add_paragraph("Annual report")
    d.add_paragraph("The the committee met twice.")
    d.save(str(src))
    annotated = tmp_path / "annotated.docx"
    fixed = tmp_path / "fixed.docx"
    annotate(src, annotated, [_finding(1, 0, 7, "The the")])
    chosen = fix_docx(src, fixed, [_finding(1, 4, 8, "the ", ((1, 0, 8, "Our "),))])
    assert chosen.fixed and not chosen.left
    annotated_pdf, fixed_pdf = _to_pdf([annotated, fixed], tmp_path)
    notes = _annotations(annotated_pdf)
    assert any("Doubled word here, keep one" in n and "reportlint: ignore T101" in n for n in notes), notes
    text = " ".join(extract_text(str(fixed_pdf)).split())
    assert "Our" in text  # the tracked insertion is shown (LibreOffice shows changes by default)
    assert "committee met twice." in text
