"""OFD loader (GB/T 33190-2016, the Chinese fixed-layout format) on ``ofdkit``.

ofdkit (Apache-2.0, standard library only) reads the package: entry names in GBK, templates,
composite objects, CTMs, broken namespaces; DTDs are refused. Its positioned text runs are
grouped into lines here and handed to the PDF loader's paragraph logic, so an OFD and a PDF
of the same page give the same blocks: lines re-joined into paragraphs by position and
indent, running heads and page numbers moved to ``Document.furniture``. The zip is first
held to the .docx limits (members, inflated size, compression ratio) before anything inflates.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import LoadError
from ..model import Document
from ..sniff import open_zip
from .docx import check_package
from .pdf import Line, column_order, document_from_lines

MAX_PAGES = 2000
_PT_PER_MM = 72 / 25.4
_SAME_LINE = 0.5  # baselines closer than this share of the type size are one line
_WORD_GAP = 0.25  # a gap wider than this share of the type size is a space
_PIECE_GAP = 4.0  # and one wider than this many type sizes splits the line (as pdfminer's char_margin)


def _lines(runs: list[Any], box: tuple[float, float, float, float], page_no: int) -> list[Line]:
    """Runs (millimetres from the top left, y the baseline) as PDF-style lines in points with
    the origin at the bottom left. Runs drawn twice at one spot (fake bold) count once; runs
    off the page are dropped."""
    x0, y0, width, height = box
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for run in runs:
        key = (run.text, round(run.x * 4), round(run.y * 4))
        if not run.text.strip() or key in seen:
            continue
        if not (x0 - 2 <= run.x <= x0 + width + 2 and y0 - 2 <= run.y <= y0 + height + 2):
            continue
        seen.add(key)
        kept.append(run)
    rows: list[list[Any]] = []
    for run in sorted(kept, key=lambda r: (r.y, r.x)):
        if rows and abs(run.y - rows[-1][0].y) <= _SAME_LINE * max(min(run.size, rows[-1][0].size), 1.0):
            rows[-1].append(run)
        else:
            rows.append([run])
    out: list[Line] = []
    for row in rows:
        row.sort(key=lambda r: r.x)
        pieces: list[list[Any]] = [[row[0]]]
        for prev, run in pairwise(row):
            if run.x - (prev.x + prev.width) > _PIECE_GAP * max(min(prev.size, run.size), 1.0):
                pieces.append([run])
            else:
                pieces[-1].append(run)
        for piece in pieces:
            text = piece[0].text
            for prev, run in pairwise(piece):
                if run.x - (prev.x + prev.width) > _WORD_GAP * max(min(prev.size, run.size), 1.0):
                    text += " "
                text += run.text
            size = max(r.size for r in piece)
            baseline = height - piece[0].y  # from the bottom of the page
            out.append(Line(
                page_no, text,
                (piece[0].x - x0) * _PT_PER_MM, (piece[-1].x + piece[-1].width - x0) * _PT_PER_MM,
                (baseline + size * 0.88) * _PT_PER_MM, (baseline - size * 0.12) * _PT_PER_MM,
                size * _PT_PER_MM, "",
            ))
    out.sort(key=lambda ln: (-round(ln.top, 0), ln.x0))
    return column_order(out, width * _PT_PER_MM)


def load_ofd(path: Path, data: bytes) -> Document:
    import ofdkit

    if not data.startswith(b"PK"):
        what = "PDF 文件" if data[:1024].find(b"%PDF-") >= 0 else "其他格式"
        raise LoadError(f"扩展名是 .ofd，但内容实为{what}，不是 OFD 文件（not an OFD file, not a zip）")
    with open_zip(data) as zf:
        check_package(zf)
        if not any(i.filename.lower().lstrip("/") == "ofd.xml" for i in zf.infolist()):
            raise LoadError("文件是 zip 压缩包，但没有 OFD.xml，不是有效的 OFD 文件（not an OFD file）")
    pages: list[list[Line]] = []
    heights: list[float] = []
    widths: list[float] = []
    meta: dict[str, Any] = {}
    try:
        with ofdkit.open(data) as od:
            if len(od.pages) > MAX_PAGES:
                raise LoadError(f"OFD 超过 {MAX_PAGES} 页（size limit），未检查")
            for page in od.pages:
                box = page.box
                pages.append(_lines(page.runs, box, page.index + 1))
                heights.append(box[3] * _PT_PER_MM)
                widths.append(box[2] * _PT_PER_MM)
            if od.warnings:
                meta["ofd_warnings"] = list(od.warnings[:20])
    except LoadError:
        raise
    except ofdkit.OFDLimitError as exc:
        raise LoadError(f"OFD 文件超过读取上限（size limit），疑似恶意构造，未检查：{str(exc)[:80]}") from exc
    except ofdkit.OFDError as exc:
        raise LoadError(f"OFD 文件已损坏或不完整（damaged）：{str(exc)[:80]}") from exc
    except (RecursionError, MemoryError) as exc:
        raise LoadError("OFD 内容过大或嵌套过深（too large），未检查") from exc
    return document_from_lines(
        path, pages, heights, widths, meta,
        "OFD 没有可提取的文字（no text），可能是扫描件或纯图片（scanned）；请先做文字识别（OCR）后再检查")
