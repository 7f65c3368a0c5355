"""Word 97-2003 (.doc) and WPS (.wps) files.

With LibreOffice installed (``soffice`` on PATH) the file is converted to .docx by
``soffice --headless --convert-to docx`` and read by the .docx loader, so numbering from Word
lists, heading styles, tables and headers/footers are all seen. The conversion runs in a
private temporary folder with its own LibreOffice profile (``-env:UserInstallation``; two
conversions at once never share one), in its own process group that is killed when it runs
over ``CONVERT_SECONDS``, and inside the runner's worker process (every suffix but .txt/.docx
goes to a worker). Without LibreOffice, the text of a Word 97 file is read from its piece
table with ``olefile`` (MS-DOC §2.4.1): paragraphs only, without the numbers Word lists add,
without styles, headers or footers; ``meta["text_only"]`` makes X103 say so.
A file under a .doc/.wps name that is really a .docx (a zip) goes to the .docx loader.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import struct
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import LoadError
from ..model import Block, Document
from ..sniff import MAX_FILE_BYTES, OLE_MAGIC

CONVERT_SECONDS = 40.0  # LibreOffice starts in 1-2 s with a fresh profile; a long report converts in a few more
SOFFICE_MEMORY_MB = 2048  # address space LibreOffice may use (it maps far more than it touches)
MAX_CHARS = 20_000_000  # characters of main text the piece-table reader accepts
_FIELD_BEGIN, _FIELD_SEP, _FIELD_END = "\x13", "\x14", "\x15"


def soffice() -> str | None:
    """LibreOffice's command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _child_setup() -> None:
    """In the LibreOffice process before exec: die with the worker that started it (where
    prctl exists), and have room for LibreOffice's mappings under the worker's hard limit."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = SOFFICE_MEMORY_MB * 1024 * 1024
        if soft != resource.RLIM_INFINITY and (hard == resource.RLIM_INFINITY or hard > soft):
            resource.setrlimit(resource.RLIMIT_AS, (want if hard == resource.RLIM_INFINITY else min(want, hard), hard))
    except (OSError, ValueError, ImportError):
        pass
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def convert_to_docx(exe: str, data: bytes, suffix: str) -> bytes:
    """``data`` converted to .docx by LibreOffice; LoadError when it fails or runs over time."""
    with tempfile.TemporaryDirectory(prefix="reportlint-soffice-") as tmp:
        folder = Path(tmp)
        source = folder / f"input{suffix}"  # an ASCII name: the user's name never reaches the command line
        source.write_bytes(data)
        out = folder / "out"
        cmd = [exe, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--invisible",
               "--norestore", "--nolockcheck", "--nodefault", "--nologo",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
        env = {**os.environ, "HOME": tmp, "TMPDIR": tmp}
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    cwd=tmp, env=env, start_new_session=True, preexec_fn=_child_setup)
        except OSError as exc:
            raise LoadError(f"无法启动 LibreOffice（soffice）转换文件：{exc.strerror}") from exc
        try:
            proc.communicate(timeout=CONVERT_SECONDS)
        except subprocess.TimeoutExpired as exc:
            raise LoadError(f"LibreOffice 转换超过 {CONVERT_SECONDS:.0f} 秒（time limit），文件可能已损坏，"
                            "未检查") from exc
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # whatever LibreOffice left running
            except (ProcessLookupError, PermissionError):
                pass
            proc.wait()
        result = out / "input.docx"
        if not result.is_file():
            raise LoadError("LibreOffice 无法打开此文件（cannot convert）：文件已损坏、被截断、已加密，"
                            "或不是 Word 文件，未检查")
        if result.stat().st_size > MAX_FILE_BYTES:
            raise LoadError(f"转换后的 .docx 超过大小上限 {MAX_FILE_BYTES} 字节（size limit），未检查")
        return result.read_bytes()


def load_doc(path: Path, data: bytes) -> Document:
    from .docx import load_docx

    if data.startswith(b"PK\x03\x04"):  # a .docx saved under an old name
        return load_docx(path, data)
    if data.startswith(OLE_MAGIC):
        _check_ole(data, path.suffix.lower())
    exe = soffice()
    if exe is not None:
        doc = load_docx(path, convert_to_docx(exe, data, path.suffix.lower() or ".doc"))
        return replace(doc, meta={**doc.meta, "converted_by": "LibreOffice"})
    if not data.startswith(OLE_MAGIC):
        raise LoadError(f"文件不是 Word 97-2003 格式（not a Word 97 file），且本机未安装 LibreOffice，无法转换"
                        f"；请另存为 .docx 后再检查（{path.suffix or '无扩展名'}）")
    return load_word97_text(path, data)


def _check_ole(data: bytes, suffix: str) -> None:
    """Refuse an OLE compound file that is damaged or holds no word-processing document (an
    Excel or PowerPoint file under a .doc name), before LibreOffice would import its bytes as
    text. A Word 97 or Kingsoft WPS file has a WordDocument stream; a Microsoft Works .wps a
    CONTENTS stream."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(entry) for entry in ole.listdir()}
    except Exception as exc:  # olefile raises OSError, struct.error, IndexError … on damaged files
        raise LoadError("Word 文件已损坏或被截断（damaged, truncated），无法读取") from exc
    if "WordDocument" in streams or (suffix == ".wps" and "CONTENTS" in streams):
        return
    kind = ("Excel 表格" if "Workbook" in streams or "Book" in streams
            else "PowerPoint 演示文稿" if "PowerPoint Document" in streams else "其他 Office 格式")
    raise LoadError(f"扩展名是 {suffix}，但内容实为{kind}，不是 Word 文档（not a Word document），未检查")


def _stream(ole: Any, name: str) -> bytes:
    if not ole.exists(name):
        raise LoadError(f"Word 文件缺少“{name}”数据流（missing），文件已损坏或不是 Word 97 文件")
    if ole.get_size(name) > MAX_FILE_BYTES:
        raise LoadError(f"“{name}”数据流超过大小上限（size limit），未检查")
    return bytes(ole.openstream(name).read())


def word97_text(data: bytes) -> tuple[str, dict[int, tuple[int, bool, int]]]:
    """The main document text of a Word 97-2003 file, read through its piece table, and the
    paragraph marks that end a paragraph inside a table (see ``_cell_marks``)."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises OSError, struct.error, IndexError … on damaged files
        raise LoadError("Word 文件已损坏或被截断（damaged, truncated），无法读取") from exc
    with ole:
        try:
            word = _stream(ole, "WordDocument")
            if len(word) < 0x1AA:
                raise LoadError("Word 文件的文件信息块（FIB）不完整，文件已损坏（truncated）")
            ident, flags = struct.unpack_from("<H8xH", word, 0)
            if ident != 0xA5EC:
                raise LoadError("不是 Word 97-2003 文件（not a Word 97 file），可能是其他 Office 格式")
            if flags & 0x0100:  # fEncrypted
                raise LoadError("文件已加密，需要密码才能打开（encrypted, password）；请取消密码后再检查")
            table = _stream(ole, "1Table" if flags & 0x0200 else "0Table")
            (ccp_text,) = struct.unpack_from("<i", word, 0x4C)
            fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x1A2)
            fc_bte, lcb_bte = struct.unpack_from("<II", word, 0x102)  # PlcBtePapx: paragraph properties
        except LoadError:
            raise
        except Exception as exc:
            raise LoadError("Word 文件已损坏（damaged），无法读取其结构") from exc
    if not 0 <= ccp_text <= MAX_CHARS or fc_clx + lcb_clx > len(table) or lcb_clx == 0:
        raise LoadError("Word 文件的文字位置表（piece table）无效，文件已损坏（damaged）")
    pieces = _pieces(table[fc_clx:fc_clx + lcb_clx], ccp_text)
    text = _pieces_text(word, table[fc_clx:fc_clx + lcb_clx], ccp_text)
    try:
        in_table = _table_ranges(word, table[fc_bte:fc_bte + lcb_bte]) if fc_bte + lcb_bte <= len(table) else []
    except (struct.error, IndexError):
        in_table = []  # unreadable paragraph properties: cells are known by their cell marks only
    return text, _cell_marks(text, pieces, in_table)


def _pieces(clx: bytes, ccp_text: int) -> list[tuple[int, int, int, bool]]:
    """(first cp, cp after the last, file offset, 8-bit) of each piece of the main text."""
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, skipped
        if pos + 3 > len(clx):
            break
        (cb,) = struct.unpack_from("<h", clx, pos + 1)
        pos += 3 + max(cb, 0)
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise LoadError("Word 文件的文字位置表（piece table）无效，文件已损坏（damaged）")
    (lcb,) = struct.unpack_from("<I", clx, pos + 1)
    plc = clx[pos + 5:pos + 5 + lcb]
    n = (len(plc) - 4) // 12
    if n <= 0:
        return []
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    out = []
    for i in range(n):
        start, end = cps[i], min(cps[i + 1], ccp_text)
        if end <= start or start >= ccp_text:
            continue
        (fc,) = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)
        compressed = bool(fc & 0x40000000)  # 8-bit text (MS-DOC FcCompressed)
        out.append((start, end, (fc & 0x3FFFFFFF) // 2 if compressed else fc, compressed))
    return out


def _pieces_text(word: bytes, clx: bytes, ccp_text: int) -> str:
    out: list[str] = []
    total = 0
    for start, end, fc, compressed in _pieces(clx, ccp_text):
        count = end - start
        total += count
        if total > MAX_CHARS:
            raise LoadError("Word 文件文字过多（size limit），未检查")
        if compressed:
            out.append(word[fc:fc + count].decode("cp1252", errors="replace"))
        else:
            out.append(word[fc:fc + 2 * count].decode("utf-16-le", errors="replace"))
    return "".join(out)


_SPRM_IN_TABLE = 0x2416  # sprmPFInTable (MS-DOC §2.6.2)
_SPRM_ITAP = 0x6649  # sprmPItap: table depth
_SPRM_INNER_CELL = 0x244B  # sprmPFInnerTableCell: the mark ends a cell of a nested table
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # operand size by the sprm's spra bits


def _table_ranges(word: bytes, plc: bytes) -> list[tuple[int, int, int, bool, int]]:
    """File-offset ranges of paragraphs that sit in a table or have a heading style, with
    their table depth, whether their mark ends a nested table's cell, and their heading level,
    from the paragraph-property pages (PlcBtePapx → PapxFkp → PapxInFkp)."""
    n = (len(plc) - 4) // 8
    out: list[tuple[int, int, int, bool, int]] = []
    for i in range(min(max(n, 0), 100_000)):
        (pn,) = struct.unpack_from("<I", plc, 4 * (n + 1) + 4 * i)
        page = word[(pn & 0x3FFFFF) * 512:(pn & 0x3FFFFF) * 512 + 512]
        if len(page) < 512:
            continue
        crun = page[511]
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for k in range(crun):
            b_offset = page[4 * (crun + 1) + 13 * k] * 2
            depth, inner, level = _papx_table(page, b_offset) if b_offset else (0, False, 0)
            if depth or level:
                out.append((fcs[k], fcs[k + 1], depth, inner, level))
    return out


def _papx_table(page: bytes, at: int) -> tuple[int, bool, int]:
    """(table depth, ends a nested cell, heading level) of one paragraph's properties; depth 0
    outside tables. Styles 1-9 of every Word 97 stylesheet are the built-in Heading 1-9
    (MS-DOC §2.9.271 STSH: the fixed first styles)."""
    cb = page[at]
    if cb:
        start, size = at + 1, 2 * cb - 1
    else:
        start, size = at + 2, 2 * page[at + 1]
    (istd,) = struct.unpack_from("<H", page, start)
    grpprl = page[start + 2:start + size]  # after the style index
    in_table, depth, inner = False, 0, False
    pos = 0
    while pos + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, pos)
        pos += 2
        spra = sprm >> 13
        size = (grpprl[pos] + 1 if pos < len(grpprl) else 1) if spra == 6 else _OPERAND[spra]
        operand = grpprl[pos:pos + size]
        if sprm == _SPRM_IN_TABLE and operand[:1] not in (b"", b"\0"):
            in_table = True
        elif sprm == _SPRM_ITAP and len(operand) == 4:
            depth = max(struct.unpack("<i", operand)[0], 0)
        elif sprm == _SPRM_INNER_CELL and operand[:1] not in (b"", b"\0"):
            inner = True
        pos += size
    return (max(depth, 1) if in_table or depth else 0), inner, istd if 1 <= istd <= 9 else 0


def _cell_marks(text: str, pieces: list[tuple[int, int, int, bool]],
                ranges: list[tuple[int, int, int, bool, int]]) -> dict[int, tuple[int, bool, int]]:
    """Positions in ``text`` of the paragraph marks (\\r) of paragraphs in a table or with a
    heading style: table depth, whether the mark ends a nested table's cell, heading level."""
    import bisect

    if not ranges:
        return {}
    ranges.sort()
    starts = [r[0] for r in ranges]
    out = {}
    for cp_start, cp_end, fc, compressed in pieces:
        step = 1 if compressed else 2
        at = text.find("\r", cp_start, cp_end)
        while at != -1:
            mark_fc = fc + (at - cp_start) * step
            k = bisect.bisect_right(starts, mark_fc) - 1
            if k >= 0 and ranges[k][0] <= mark_fc < ranges[k][1]:
                out[at] = ranges[k][2:]
            at = text.find("\r", at + 1, cp_end)
    return out


def _strip_fields(text: str) -> str:
    """Keep a field's shown result, drop its instructions (``\\x13 instr \\x14 result \\x15``)."""
    out: list[str] = []
    hidden = 0  # depth of field instructions being skipped
    stack: list[bool] = []  # per open field: still in its instruction part
    for ch in text:
        if ch == _FIELD_BEGIN:
            stack.append(True)
            hidden += 1
        elif ch == _FIELD_SEP and stack and stack[-1]:
            stack[-1] = False
            hidden -= 1
        elif ch == _FIELD_END and stack:
            if stack.pop():
                hidden -= 1
        elif hidden == 0:
            out.append(ch)
    return "".join(out)


def load_word97_text(path: Path, data: bytes) -> Document:
    """Paragraphs, headings (the built-in heading styles) and table cells of the main text,
    with the .docx loader's reading of a table (loaders/docx.py ``_read_body``): a cell
    holding running text (200 characters or more, or two sentences) is a form's body, its
    paragraphs keep the paragraph kind; other cells are table data. Empty paragraphs are
    left out, as are row-end marks."""
    import re

    from .docx import prose_cells

    raw, table_marks = word97_text(data)
    read: list[tuple[str, int, int, int]] = []  # (text, table, cell, heading level): 0, 0 outside tables
    tables = cells = 0
    depth_before = 0
    for match in re.finditer(r"([^\r\x07]*)([\r\x07]|$)", raw):
        piece, mark = match.group(1), match.group(2)
        if not piece and not mark:
            continue
        depth, inner_end, level = table_marks.get(match.end(1), (1 if mark == "\x07" else 0, False, 0))
        if depth > depth_before:  # a table starts (a nested one inside a cell too)
            tables += 1
        depth_before = depth
        clean = re.sub(r"[\x00-\x08\x0c\x0e-\x1f]", "", _strip_fields(piece).replace("\x0b", "\n")).strip()
        if clean:
            read.append((clean, tables if depth else 0, cells + 1 if depth else 0, level))
        if mark == "\x07" or inner_end:
            cells += 1
    prose = prose_cells((cell, text) for text, _, cell, _ in read)
    blocks = tuple(
        Block(i, text, kind="cell" if cell and cell not in prose else ("heading" if level else "paragraph"),
              level=level, table=table)
        for i, (text, table, cell, level) in enumerate(read)
    )
    return Document(path=str(path), blocks=blocks, meta={"text_only": True})
