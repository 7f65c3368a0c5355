"""Loaders turn one file's bytes into a Document; one module per format, imported when a
file of that format is read (a run over .txt files never loads the .docx or .pdf readers)."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..plugins import lazy


@hookimpl
def register_loaders(register):  # type: ignore[no-untyped-def]
    register(".txt", lazy("reportlint.loaders.text", "load_text"))
    register(".md", lazy("reportlint.loaders.text", "load_text"))
    register(".docx", lazy("reportlint.loaders.docx", "load_docx"))
    register(".pdf", lazy("reportlint.loaders.pdf", "load_pdf"))
    register(".ofd", lazy("reportlint.loaders.ofd", "load_ofd"))
    register(".doc", lazy("reportlint.loaders.doc", "load_doc"))
    register(".wps", lazy("reportlint.loaders.doc", "load_doc"))
