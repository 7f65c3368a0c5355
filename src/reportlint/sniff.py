"""Decide what a file really is from its first bytes, before any parser sees it."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import zipfile

from .errors import LoadError

MAX_FILE_BYTES = 100 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD97_SUFFIXES = (".doc", ".wps")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUPPORTED_SUFFIXES = (".docx", ".pdf", *TEXT_SUFFIXES)
_NAMES = {".docx": "Word（.docx）", ".pdf": "PDF", ".txt": "纯文本"}


@dataclass(slots=True, repr=False)
class Sniffed:
    """What the first bytes say: ``kind`` is ``.docx``, ``.pdf``, ``.txt`` or another suffix."""

    kind: str
    data: bytes


def read_input(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file, refusing links out of reach, devices, FIFOs and oversized files."""
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        if os.path.islink(path):
            raise LoadError("符号链接指向的文件不存在（broken symbolic link, not found）") from exc
        raise LoadError("文件不存在（not found）") from exc
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            raise LoadError("符号链接形成循环（symbolic link loop）") from exc
        raise LoadError(f"无法读取文件：{exc.strerror}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise LoadError("这是一个目录，不是文件（directory）")
    if not stat.S_ISREG(st.st_mode):
        raise LoadError("不是普通文件（not a regular file），未读取")
    if st.st_size > max_bytes:
        raise LoadError(f"文件大小 {st.st_size} 字节，超过大小上限 {max_bytes} 字节（size limit）")
    try:
        with open(path, "rb") as fh:
            # the size seen plus one, not the limit: a read of 100 MB allocates 100 MB first (90 us a file)
            size = min(st.st_size, max_bytes) + 1
            data = fh.read(size)
            if len(data) == size and size <= max_bytes:  # the file grew since stat: read on up to the limit
                data += fh.read(max_bytes + 1 - size)
            return data
    except PermissionError as exc:
        raise LoadError("没有读取权限（permission denied）") from exc
    except OSError as exc:
        raise LoadError(f"无法读取文件：{exc.strerror}") from exc


# control bytes that text does not hold: all below 32 but tab, line feed, vertical tab, form
# feed, carriage return and escape
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 27 or 27 < b < 32)


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return len(head) > 0 and controls / len(head) > 0.1


def sniff(path: Path, data: bytes) -> Sniffed:
    """Classify ``data`` by magic bytes and compare with the suffix; raise LoadError on a mismatch
    that cannot be checked (the message names what the file really is)."""
    suffix = path.suffix.lower()
    claimed = ".txt" if suffix in TEXT_SUFFIXES else suffix
    if not data:
        if claimed in (".docx", ".pdf"):
            raise LoadError("文件为空（empty, 0 bytes）")
        return Sniffed(".txt", data)
    head = data[:2048]
    if b"%PDF-" in data[:1024]:
        real = ".pdf"
    elif head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        real = ".docx"
    elif head.startswith(OLE_MAGIC):
        reason = _ole_reason(data)
        if claimed not in WORD97_SUFFIXES or "encrypted" in reason:
            raise LoadError(reason)
        real = claimed  # a Word 97-2003 or WPS file under its own name: loaders/doc.py reads it
    elif head.startswith(b"version https://git-lfs"):
        raise LoadError("文件是 Git LFS 指针（Git LFS pointer），不是文档本身；请先执行 git lfs pull 取回文件")
    elif head.startswith(b"{\\rtf"):
        raise LoadError("文件实为 RTF 格式，请在 Word 中另存为 .docx 后再检查")
    elif _looks_binary(head):
        if claimed in (".docx", ".pdf"):  # what a reader expects under that name, and that this is not
            kind = "Word 文件（.docx 应是 zip 压缩包）" if claimed == ".docx" else "PDF 文件（应以 %PDF- 开头）"
            raise LoadError(f"扩展名是 {claimed}，但内容是无法识别的二进制数据（binary），不是有效的{kind}；"
                            "文件可能已损坏，或不是这种格式，请重新导出或下载")
        raise LoadError("文件是二进制数据，不是文本（binary, not text）")
    else:
        real = ".txt"
    if claimed == real or claimed not in _NAMES:
        return Sniffed(real if claimed in _NAMES else claimed, data)
    raise LoadError(_mismatch_reason(claimed, real))


def _mismatch_reason(claimed: str, real: str) -> str:
    if claimed == ".docx" and real == ".txt":
        return "扩展名是 .docx，但内容是纯文本，不是 zip 压缩包（not a zip, plain text），不是有效的 Word 文件"
    if claimed == ".docx" and real == ".pdf":
        return "扩展名是 .docx，但内容实为 PDF 文件，不是 zip 压缩包（PDF, not a zip）；请改用 .pdf 扩展名"
    if claimed == ".pdf" and real == ".docx":
        return "扩展名是 .pdf，但内容是 zip 压缩包（很可能是 Word .docx 文件），不是 PDF（not a PDF）"
    if claimed == ".pdf":
        return "扩展名是 .pdf，但内容不是 PDF（not a PDF）"
    return f"扩展名是 {claimed}，但内容实为{_NAMES.get(real, real)}"


def _ole_reason(data: bytes) -> str:
    """An OLE compound file: either an encrypted OOXML package or a legacy .doc."""
    probe = data[:65536]
    if "EncryptionInfo".encode("utf-16-le") in probe or "EncryptedPackage".encode("utf-16-le") in probe:
        return "文件已加密，需要密码才能打开（encrypted, password）；请在 Word 中取消密码后再检查"
    return "文件实为旧版 Word 97-2003 .doc 格式，不是 .docx；请在 Word 中另存为 .docx 后再检查（convert）"


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open ``data`` as a zip, mapping every failure to a Chinese LoadError."""
    import io
    import zipfile  # here, not at the top: a run over .txt files never needs it

    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise LoadError("文件已损坏或被截断，不是有效的 zip 压缩包（not a valid zip, truncated, corrupt）") from exc
    except (OSError, ValueError, EOFError) as exc:
        raise LoadError(f"文件已损坏，无法解压（corrupt）：{exc}") from exc
