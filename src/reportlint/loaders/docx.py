"""Word .docx loader: body paragraphs and table cells in reading order, Word list labels
rendered as Word shows them, headings from styles and outline levels.

The package is read with ``zipfile`` and a locked-down lxml parser rather than through
python-docx: python-docx has no API for list labels, drops text inside tracked
insertions and content controls, and reads whole parts without size checks. Sizes and
compression ratios are checked before anything is inflated, and a DOCTYPE in any part is
an error (ECMA-376 Part 2 §9.1.4).
"""

from __future__ import annotations

import posixpath
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LoadError
from ..model import Block, Document
from ..sniff import open_zip
from .wordnum import Numbering, W

if TYPE_CHECKING:
    import zipfile

MAX_PART_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 100

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DC = "{http://purl.org/dc/elements/1.1/}"
_OFFICE_DOC = "/officeDocument"
_HEADING = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLES = {"title", "标题"}
# Left out of a paragraph's text: tracked deletions and moves away (changes read as
# accepted), deleted text outside them, the text of a text box (its paragraphs are blocks
# of their own), the VML copy of a drawing kept for old readers, field instructions and
# ruby annotations (the small reading aid above the base text).
_SKIP_CONTAINERS = {W + "del", W + "moveFrom", W + "delText", W + "txbxContent", MC + "Fallback", W + "rt"}


_PARSERS = threading.local()  # lxml parsers are reusable but not thread-safe: one per thread


def _parser() -> Any:
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:  # made once: a new parser for each part cost 6 us a part, 25 us for a document part
        from lxml import etree

        parser = _PARSERS.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=False
        )
    return parser


def check_package(zf: zipfile.ZipFile) -> None:
    """Refuse zip bombs and oversized packages before inflating anything."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise LoadError(f"压缩包内有 {len(infos)} 个文件，超过上限 {MAX_MEMBERS}（size limit）")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise LoadError(
                f"“{info.filename}”解压后 {info.file_size} 字节（uncompressed size），"
                f"超过大小上限 {MAX_PART_BYTES} 字节"
                "（too large, limit），疑似压缩炸弹（zip bomb）"
            )
        if info.file_size > 1024 * 1024 and info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            ratio = info.file_size // max(info.compress_size, 1)
            raise LoadError(f"“{info.filename}”解压后 {info.file_size} 字节，压缩比异常（{ratio}:1），内容过大"
                            "（too large），疑似压缩炸弹（zip bomb）或超长文本节点（text node），未解压")
    if total > MAX_TOTAL_BYTES:
        raise LoadError(f"解压后总大小 {total} 字节，超过大小上限 {MAX_TOTAL_BYTES} 字节（size limit）")


def read_part(zf: zipfile.ZipFile, name: str, package: bytes | None = None) -> bytes | None:
    """Part ``name`` inflated (None when the package has no such part). ``package``: the bytes the
    zip was opened from, where a well-formed part is inflated directly (``_inflate``)."""
    import zipfile  # here, not at the top: a run over .txt files never needs it

    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if package is not None:
        direct = _inflate(info, package)
        if direct is not None:
            return direct
    try:
        with zf.open(info) as fh:
            return fh.read(MAX_PART_BYTES + 1)
    except zipfile.BadZipFile as exc:
        raise LoadError(f"文件已损坏（corrupt）：“{name}”的实际大小（size）或校验值与压缩包记录不符") from exc
    except Exception as exc:  # zlib.error, EOFError, NotImplementedError (encryption)
        kind = f"{type(exc).__module__}.{type(exc).__name__}"
        raise LoadError(f"文件已损坏（corrupt），“{name}”的压缩数据无法解压（{kind}）") from exc


# general-purpose flags zipfile refuses to read (encryption, compressed patched data, strong encryption)
_UNREAD_FLAGS = 0x1 | 0x20 | 0x40


def _inflate(info: zipfile.ZipInfo, package: bytes) -> bytes | None:
    """The part described by ``info`` inflated straight from the package bytes, or None when
    anything is not plainly well formed (``zipfile`` then reads it and says what is wrong).
    ``ZipFile.open`` and ``ZipExtFile`` cost 15 us a part over the inflation itself, and a
    package has half a dozen parts read. The result is only returned when it has exactly
    the size and CRC-32 the directory records and the local header names the part, so it is
    the bytes ``zipfile`` reads; like zipfile, it inflates no more than the recorded size."""
    import struct
    import zlib

    if info.flag_bits & _UNREAD_FLAGS or info.compress_type not in (0, 8) or info.file_size > MAX_PART_BYTES:
        return None
    at = info.header_offset
    head = package[at:at + 30]
    if len(head) < 30 or head[:4] != b"PK\x03\x04":
        return None
    flags, = struct.unpack("<H", head[6:8])
    name_len, extra_len = struct.unpack("<HH", head[26:30])
    try:
        stored_name = package[at + 30:at + 30 + name_len].decode("utf-8" if flags & 0x800 else "cp437")
    except UnicodeDecodeError:
        return None
    if stored_name != info.orig_filename:
        return None
    start = at + 30 + name_len + extra_len
    raw = package[start:start + info.compress_size]
    if len(raw) != info.compress_size:
        return None
    try:  # never more than the recorded size and one byte: a stream that inflates further (a bomb) stops there
        out = zlib.decompressobj(-15).decompress(raw, info.file_size + 1) if info.compress_type == 8 else raw
    except zlib.error:
        return None
    return out if len(out) == info.file_size and zlib.crc32(out) == info.CRC else None


def parse_xml(data: bytes, name: str) -> Any:
    from lxml import etree

    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:65536]:
        raise LoadError(
            f"“{name}”含有 DTD 声明（DOCTYPE/entity），Office 文件不允许出现 DTD（ECMA-376 第2部分 §9.1.4），"
            "可能是恶意构造的外部实体（external entity）文件，未读取"
        )
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        text = str(exc)
        if "depth" in text.lower():
            raise LoadError(f"“{name}”嵌套过深（nested too deeply, depth > 256），未读取") from exc
        if "too long" in text.lower() or "huge" in text.lower():
            raise LoadError(f"“{name}”中的文本节点过大（size limit），未读取") from exc
        raise LoadError(f"“{name}”不是有效的 XML，文件已损坏（corrupt）：{text[:80]}") from exc


class Styles:
    """Paragraph styles: names, inheritance, numbering and outline levels."""

    def __init__(self, root: Any | None) -> None:
        self.names: dict[str, str] = {}
        self.based: dict[str, str] = {}
        self.numpr: dict[str, tuple[str | None, int | None]] = {}
        self.outline: dict[str, int] = {}
        self.default = ""
        self._facts: dict[str, tuple[tuple[str | None, int | None], tuple[str, ...], int, bool, str]] = {}
        if root is None:
            return
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId", "")
            name = st.find(W + "name")
            self.names[sid] = name.get(W + "val", sid) if name is not None else sid
            based = st.find(W + "basedOn")
            if based is not None:
                self.based[sid] = based.get(W + "val", "")
            ppr = st.find(W + "pPr")
            if ppr is not None:
                num = ppr.find(W + "numPr")
                if num is not None:
                    self.numpr[sid] = _numpr(num)
                lvl = ppr.find(W + "outlineLvl")
                if lvl is not None and (lvl.get(W + "val") or "").isdecimal():
                    self.outline[sid] = int(lvl.get(W + "val"))
            if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true"):
                self.default = sid

    def chain(self, sid: str) -> list[str]:
        out: list[str] = []
        while sid and sid not in out and len(out) < 20:
            out.append(sid)
            sid = self.based.get(sid, "")
        return out

    def heading_level(self, sid: str) -> int:
        for s in self.chain(sid):
            m = _HEADING.match(self.names.get(s, s).strip())
            if m:
                return int(m.group(1))
            if s in self.outline and self.outline[s] < 9:
                return self.outline[s] + 1
        return 0

    def is_title(self, sid: str) -> bool:
        return self.names.get(sid, sid).strip().lower() in _TITLE_STYLES

    def numbering(self, sid: str) -> tuple[str | None, int | None]:
        for s in self.chain(sid):
            if s in self.numpr:
                return self.numpr[s]
        return None, None

    def facts(self, sid: str) -> tuple[tuple[str | None, int | None], tuple[str, ...], int, bool, str]:
        """What a paragraph of style ``sid`` takes from it: its numbering, its chain of base
        styles, its heading level, whether it is the title style, its name. Worked out once per
        style: the styles are read-only once built and shared by the documents of a batch."""
        found = self._facts.get(sid)
        if found is None:
            found = (self.numbering(sid), tuple(self.chain(sid)), self.heading_level(sid), self.is_title(sid),
                     self.names.get(sid, sid))
            if len(self._facts) < 4096:  # a crafted file may name any number of styles
                self._facts[sid] = found
        return found


_CACHES_LOCK = threading.Lock()  # the parts remembered below are shared by every thread of a process


def _remember(cache: dict[Any, Any], key: Any, value: Any, limit: int) -> None:
    """Keep ``value`` under ``key`` in one of the module's part caches, forgetting the oldest entry when
    ``limit`` are held. Under a lock: two threads (a Dask worker's) forgetting the same oldest entry at
    once would fail on the second."""
    with _CACHES_LOCK:
        if key not in cache and len(cache) >= limit:
            cache.pop(next(iter(cache)))
        cache[key] = value


_STYLES: dict[bytes, Styles] = {}  # styles.xml content -> its styles (read-only once built)
# the part as stored in the zip (``stored_part``): its method, flags, CRC and sizes -> its compressed bytes and styles
_PACKED_STYLES: dict[tuple[int, ...], tuple[bytes, Styles]] = {}
_KEPT_STYLES = 8


def _styles(raw: bytes | None, name: str) -> Styles:
    """The styles of a styles part. Documents made from one template share the part, which
    is often the largest of the package (300 KB from python-docx's template), so a batch
    parses each distinct one once."""
    if raw is None:
        return Styles(None)
    found = _STYLES.get(raw)
    if found is None:
        found = Styles(parse_xml(raw, name))
        _remember(_STYLES, raw, found, _KEPT_STYLES)
    return found


def stored_part(zf: zipfile.ZipFile, data: bytes, name: str) -> tuple[tuple[int, ...], bytes] | None:
    """Part ``name`` as stored in the package ``data``: its compressed bytes with what reading
    them depends on (method, flags, CRC and size), or None when it cannot be opened. Equal
    stored parts inflate to equal content, so a part seen before need not be inflated again:
    the styles part of a template is often 300 KB. The part is opened (not read) first, so a
    bad local header fails as it would when read."""
    import struct

    try:
        info = zf.getinfo(name)
        with zf.open(info):
            pass
    except Exception:  # read_part says what is wrong
        return None
    at = info.header_offset
    head = data[at:at + 30]
    if len(head) < 30:
        return None
    name_len, extra_len = struct.unpack("<HH", head[26:30])
    start = at + 30 + name_len + extra_len
    return ((info.compress_type, info.flag_bits, info.CRC, info.file_size, info.compress_size),
            data[start:start + info.compress_size])


def _styles_part(zf: zipfile.ZipFile, data: bytes, name: str | None) -> Styles:
    """The styles of part ``name`` (none: no styles), inflated and parsed only when the stored
    part differs from those of the last few packages."""
    if not name:
        return Styles(None)
    packed = stored_part(zf, data, name)
    if packed is not None:
        kept = _PACKED_STYLES.get(packed[0])
        if kept is not None and kept[0] == packed[1]:  # compared, not hashed: faster for a large part
            return kept[1]
    found = _styles(read_part(zf, name, data), name)
    if packed is not None:
        _remember(_PACKED_STYLES, packed[0], (packed[1], found), _KEPT_STYLES)
    return found


def _numpr(el: Any) -> tuple[str | None, int | None]:
    nid = _child(el, W + "numId")
    ilvl = _child(el, W + "ilvl")
    num = nid.get(W + "val") if nid is not None else None
    lvl = ilvl.get(W + "val") if ilvl is not None else None
    return num, int(lvl) if lvl is not None and lvl.isdecimal() else None


class Fields:
    """Complex fields open at the current point of the body (they can span paragraphs):
    the result of a table-of-contents field is generated text, not the author's, and is
    kept out of the body (ECMA-376 Part 1 §17.16.5.68 TOC)."""

    def __init__(self, hide_toc: bool = True) -> None:
        self.stack: list[list[Any]] = []  # [instruction text, in result]
        self.hide_toc = hide_toc

    def begin(self) -> None:
        if len(self.stack) < 64:
            self.stack.append(["", False])

    def instr(self, text: str) -> None:
        if self.stack and not self.stack[-1][1]:
            self.stack[-1][0] += text

    def separate(self) -> None:
        if self.stack:
            self.stack[-1][1] = True

    def end(self) -> None:
        if self.stack:
            self.stack.pop()

    @property
    def hiding(self) -> bool:
        return self.hide_toc and any(f[1] and f[0].strip().upper().startswith("TOC") for f in self.stack)

    @property
    def toc_open(self) -> bool:
        return any(f[0].strip().upper().startswith("TOC") for f in self.stack)


# Symbol-font code points (U+F0xx in w:sym) of the few glyphs that appear in report text.
_SYMBOL_FONT = {0xB7: "•", 0xD7: "×", 0xB1: "±", 0xA3: "≤", 0xB3: "≥", 0xAE: "→", 0xB0: "°", 0xD6: "√", 0xB4: "×"}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))  # zero-width characters
_INVISIBLE_RX = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Elements that make a paragraph's text more than the text of its ``w:t`` in document order
# (``paragraph_text``'s special cases): a paragraph holding none of them takes the fast path.
_SPECIAL = frozenset((*_SKIP_CONTAINERS, W + "fldChar", W + "instrText", W + "fldSimple", W + "sdt", W + "sym",
                      W + "tab", W + "br", W + "cr", W + "lastRenderedPageBreak", W + "noBreakHyphen", W + "vanish"))


def _hidden(run_props: Any) -> bool:
    """w:vanish in a run's properties: text Word does not show (§17.3.2.41)."""
    if run_props is None:
        return False
    v = run_props.find(W + "vanish")
    return v is not None and v.get(W + "val", "true") not in ("0", "false", "off")


def _symbol(el: Any) -> str:
    try:
        code = int(el.get(W + "char", ""), 16)
    except ValueError:
        return ""
    if code >= 0xF000 and "symbol" in (el.get(W + "font") or "").lower():
        return _SYMBOL_FONT.get(code - 0xF000, chr(code))
    return chr(code) if 0x20 <= code <= 0x10FFFF else ""


def paragraph_text(p: Any, fields: Fields | None = None) -> tuple[str, int]:
    """Visible text of a ``w:p`` as Word shows it with changes accepted: insertions, fields
    and content controls included; deletions, moved-from text, hidden runs, ruby annotations,
    text boxes (read as paragraphs of their own) and drawing fallbacks left out; the result
    of a table-of-contents field left out. Also the number of page breaks in it."""
    fields = fields if fields is not None else Fields()
    if not fields.stack:
        plain = _plain_text(p)
        if plain is not None:
            return plain, 0
    return _walk_text(p, fields)


def _walk_text(p: Any, fields: Fields) -> tuple[str, int]:
    """``paragraph_text`` by a walk over every element of the paragraph."""
    parts: list[str] = []
    breaks = 0
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP_CONTAINERS or tag == W + "pPr":
            continue
        if tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            if kind == "begin":
                fields.begin()
            elif kind == "separate":
                fields.separate()
            elif kind == "end":
                fields.end()
            continue
        if tag == W + "instrText":
            fields.instr(el.text or "")
            continue
        if tag == W + "r" and _hidden(el.find(W + "rPr")):
            # a hidden run can still carry field characters
            for fc in el.iter(W + "fldChar", W + "instrText"):
                if fc.tag == W + "instrText":
                    fields.instr(fc.text or "")
                else:
                    {"begin": fields.begin, "separate": fields.separate, "end": fields.end}.get(
                        fc.get(W + "fldCharType") or "", lambda: None)()
            continue
        if tag == W + "fldSimple" and (el.get(W + "instr") or "").strip().upper().startswith("TOC"):
            continue
        if tag == W + "sdt" and _is_toc_sdt(el):
            continue
        if fields.hiding and tag in (W + "t", W + "tab", W + "sym"):
            continue
        if tag == W + "t":
            parts.append(el.text or "")
        elif tag == W + "sym":
            parts.append(_symbol(el))
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            if el.get(W + "type") == "page":
                breaks += 1
            else:
                parts.append("\n")
        elif tag == W + "lastRenderedPageBreak":
            breaks += 1
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        else:
            stack.append(iter(el))
    return _visible("".join(parts)), breaks


def _plain_text(p: Any) -> str | None:
    """The text of a paragraph that is runs of plain text (most are): its ``w:t`` joined in
    document order; None when an element needs ``paragraph_text``'s walk (a field, a break, a
    deletion, a hidden run …) or a ``w:t`` sits where the walk would not read it."""
    parts = []
    for el in p.iter():  # document order: a container comes before what it holds
        tag = el.tag
        if tag == _T:
            if len(el):
                return None  # a w:t inside a w:t: the walk reads the outer one only
            parts.append(el.text or "")
        elif tag in _SPECIAL:
            return None
        elif tag == _PPR and next(el.iter(_T), None) is not None:
            return None  # the walk skips paragraph properties
    return _visible("".join(parts))


_T = W + "t"
_PPR = W + "pPr"
_PSTYLE, _NUMPR, _OUTLINE_LVL, _VAL = W + "pStyle", W + "numPr", W + "outlineLvl", W + "val"


def _child(el: Any, tag: str) -> Any | None:
    """``el.find(tag)`` for a plain tag name: the first child with that tag (a loop over the
    few children is several times faster than lxml's path search)."""
    for child in el:
        if child.tag == tag:
            return child
    return None


def _visible(text: str) -> str:
    """``text`` without zero-width characters, manual line breaks joined (``_join_breaks``)."""
    if _INVISIBLE_RX.search(text):
        text = text.translate(_INVISIBLE)
    return _join_breaks(text)


def _is_toc_sdt(sdt: Any) -> bool:
    pr = sdt.find(W + "sdtPr")
    if pr is None:
        return False
    gallery = pr.find(f"{W}docPartObj/{W}docPartGallery")
    return gallery is not None and (gallery.get(W + "val") or "").strip().lower() == "table of contents"


def _is_cjk(ch: str) -> bool:
    """CJK ideographs, CJK punctuation and full-width forms (a comparison, not a regex class:
    compiling a class of twenty thousand characters costs milliseconds at start-up)."""
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")


def _join_breaks(text: str) -> str:
    """A manual line break inside a paragraph joins CJK text directly and other text with a space."""
    if "\n" not in text:
        return text
    out = []
    for i, ch in enumerate(text):
        if ch != "\n":
            out.append(ch)
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        out.append("" if (_is_cjk(before) or _is_cjk(after) or not before or not after) else " ")
    return "".join(out)


def _rels(zf: zipfile.ZipFile, name: str, package: bytes | None = None) -> dict[str, tuple[str, str, str]]:
    """Relationships of part ``name``: id -> (type, resolved target, target mode)."""
    folder, base = posixpath.split(name)
    data = read_part(zf, posixpath.join(folder, "_rels", base + ".rels"), package)
    if data is None:
        return {}
    known = _RELS.get((name, data))
    if known is not None:
        return dict(known)
    root = parse_xml(data, f"{name}.rels")
    out = {}
    for rel in root.iter(PKG_REL + "Relationship"):
        target = rel.get("Target", "")
        mode = rel.get("TargetMode", "Internal")
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id", "")] = (rel.get("Type", ""), resolved, mode)
    _remember(_RELS, (name, data), dict(out), 16)
    return out


_NUMBERINGS: dict[bytes, Numbering] = {}  # numbering part -> its definitions (a template's, shared by a batch)


def _numbering(zf: zipfile.ZipFile, name: str | None, package: bytes | None = None) -> Numbering:
    """The list definitions of numbering part ``name`` with fresh counters, parsed once per distinct part."""
    raw = read_part(zf, name, package) if name else None
    if raw is None:
        return Numbering(None)
    kept = _NUMBERINGS.get(raw)
    if kept is None:
        kept = Numbering(parse_xml(raw, name or ""))
        _remember(_NUMBERINGS, raw, kept, 8)
    return kept.fresh()


# (part name, relationships part) -> its relationships: documents made from one template share them, and
# reading one is a parse and a path resolution per relationship
_RELS: dict[tuple[str, bytes], dict[str, tuple[str, str, str]]] = {}


def load_docx(path: Path, data: bytes) -> Document:
    zf = open_zip(data)
    with zf:
        check_package(zf)
        names = set(zf.namelist())
        if "[Content_Types].xml" not in names:
            raise LoadError("压缩包缺少 [Content_Types].xml，不是有效的 Word 文件（missing）")
        root_rels = _rels(zf, "", data)
        main = next((t for ty, t, m in root_rels.values() if ty.endswith(_OFFICE_DOC) and m != "External"), None)
        if main is None or main not in names:
            main = "word/document.xml" if "word/document.xml" in names else None
        if main is None:
            raise LoadError("压缩包缺少正文部件 word/document.xml（missing），不是有效的 Word 文件")
        meta: dict[str, Any] = {}
        content_types = read_part(zf, "[Content_Types].xml", data) or b""
        if b"macroEnabled" in content_types:
            meta["macro_enabled"] = True
        doc_rels = _rels(zf, main, data)
        parts: dict[str, str] = {}
        furniture_parts: list[str] = []
        comments_part: str | None = None
        for ty, target, mode in doc_rels.values():
            if mode == "External":
                continue  # never follow external targets
            kind = ty.rsplit("/", 1)[-1]
            if target not in names:
                meta.setdefault("dangling_relationships", []).append(target)
                continue
            if kind in ("styles", "numbering"):
                parts[kind] = target
            elif kind in ("header", "footer"):
                furniture_parts.append(target)
            elif kind == "comments":
                comments_part = target

        def part_root(name: str | None) -> Any | None:
            if not name:
                return None
            raw = read_part(zf, name, data)
            return parse_xml(raw, name) if raw is not None else None

        body_root = part_root(main)
        styles_name = parts.get("styles")
        styles = _styles_part(zf, data, styles_name)
        numbering = _numbering(zf, parts.get("numbering"), data)
        furniture = []
        for name in sorted(furniture_parts):
            froot = part_root(name)
            if froot is not None:
                text = "".join(paragraph_text(p)[0] for p in froot.iter(W + "p")).strip()
                if text:
                    furniture.append(text)
        comment_texts = _comment_texts(part_root(comments_part)) if comments_part else {}
        title = ""
        core = read_part(zf, "docProps/core.xml", data)
        if core is not None:
            el = parse_xml(core, "docProps/core.xml").find(DC + "title")
            title = (el.text or "").strip() if el is not None else ""
    blocks, page_breaks, grid = _read_body(body_root, styles, numbering)
    if grid:
        meta["grid"] = tuple(grid)
    if any("<" in b.text for b in blocks):  # a web page's source pasted into Word (<p>各市、县人民政府：</p>)
        from dataclasses import replace

        from .text import html_tags

        texts = [b.text for b in blocks]
        html_tags(texts, meta)
        blocks = [b if b.text == t else replace(b, text=t) for b, t in zip(blocks, texts, strict=True)]
    if not title:
        title = next((b.text.strip() for b in blocks if b.kind == "title"), "")
    if page_breaks:
        meta["pages"] = page_breaks + 1
    if comment_texts:
        meta["comments"] = _anchor_comments(body_root, comment_texts, blocks)
    return Document(path=str(path), blocks=tuple(blocks), title=title, furniture=tuple(furniture), meta=meta)


MAX_COMMENTS = 5000  # comments read; suppress.py uses the first MAX_DIRECTIVES that are suppressions


def _comment_texts(root: Any | None) -> dict[str, dict[str, str]]:
    """``w:comment`` elements of the comments part: id -> {"text", "author"}; the text of a
    comment's paragraphs joined with newlines."""
    out: dict[str, dict[str, str]] = {}
    if root is None:
        return out
    for c in root.iter(W + "comment"):
        if len(out) >= MAX_COMMENTS:
            break
        text = "\n".join(paragraph_text(p)[0] for p in c.iter(W + "p"))
        out[c.get(W + "id", "")] = {"text": text[:2000], "author": (c.get(W + "author") or "")[:200]}
    return out


def _anchor_comments(root: Any, texts: dict[str, dict[str, str]], blocks: list[Block]) -> list[dict[str, Any]]:
    """Each comment with the text it covers: from (``first``, ``start``) to (``last``, ``end``),
    0-based block indexes (inclusive) and character offsets in those blocks' text (``end``
    exclusive), from its ``w:commentRangeStart``/``w:commentRangeEnd``; a comment that marks no
    range covers the paragraph of its ``w:commentReference`` (ECMA-376 Part 1 §17.13.4).
    Block indexes follow ``walk_body``, the order blocks are made in."""
    body = root.find(W + "body") if root is not None else None
    if body is None:
        return []
    paragraphs = [p for p, _ in walk_body(body)]  # held: lxml keeps one proxy per element while referenced
    index = {id(p): i for i, p in enumerate(paragraphs)}
    seen: dict[str, dict[str, tuple[int, int | None]]] = {}
    tags = (W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference")
    for marker in body.iter(*tags):
        cid = marker.get(W + "id", "")
        if cid not in texts or len(seen) >= MAX_COMMENTS:
            continue
        is_end = marker.tag == W + "commentRangeEnd"
        found = _marker_block(marker, index, before=is_end)
        if found is None:
            continue
        block, inside = found
        where = seen.setdefault(cid, {})
        if marker.tag == W + "commentReference":
            where.setdefault("ref", (block, None))
            continue
        offset = _offset(paragraphs[block], marker, blocks[block]) if inside and block < len(blocks) else None
        where["last" if is_end else "first"] = (block, offset)
    out = []
    for cid, where in seen.items():
        first = where.get("first") or where.get("ref") or where.get("last")
        last = where.get("last") or where.get("ref") or first
        if first is None or last is None:
            continue
        if (last[0], last[1] or 0) < (first[0], first[1] or 0):
            first, last = last, first
        start, end = first[1], last[1]
        if first[0] == last[0] and start is not None and end is not None and end <= start:
            start = end = None  # a collapsed range marks a point: take the whole paragraph
        out.append({"id": cid, **texts[cid], "first": first[0], "last": last[0],
                    "start": 0 if start is None else start,
                    "end": len(blocks[last[0]].text) if end is None and last[0] < len(blocks) else end or 0})
    return out


def _offset(p: Any, marker: Any, block: Block) -> int | None:
    """Where ``marker`` falls in the block made from paragraph ``p``: the length of the text of
    a copy of ``p`` cut at the marker, plus the list label the block's text starts with."""
    import copy

    marker.set("reportlint-mark", "1")
    try:
        clone = copy.deepcopy(p)
    finally:
        del marker.attrib["reportlint-mark"]
    cut = next(iter(clone.xpath(".//*[@reportlint-mark]")), None)
    if cut is None:
        return None
    node = cut
    while node is not None and node is not clone:
        for sibling in list(node.itersiblings()):
            node.getparent().remove(sibling)
        node = node.getparent()
    before = paragraph_text(clone)[0]
    whole = paragraph_text(p)[0]
    shift = len(block.text) - len(whole)  # the rendered list label and its separator
    return max(0, min(len(block.text), shift + len(before))) if shift >= 0 else None


def _marker_block(marker: Any, index: dict[int, int], before: bool) -> tuple[int, bool] | None:
    """The block of the paragraph holding ``marker`` and True; a marker between paragraphs
    belongs to the next one (a range start) or the previous one (a range end), and False."""
    for anc in marker.iterancestors(W + "p"):
        if id(anc) in index:
            return index[id(anc)], True
    siblings = marker.itersiblings(preceding=before)
    for sib in siblings:
        found = [index[id(p)] for p in ([sib] if sib.tag == W + "p" else sib.iter(W + "p")) if id(p) in index]
        if found:
            return (found[-1] if before else found[0]), False
    return None


_P, _TBL, _TC, _SDT = W + "p", W + "tbl", W + "tc", W + "sdt"
_PASS_THROUGH = frozenset((W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"))  # read inside


@dataclass(frozen=True, slots=True)
class Place:
    """Where a body paragraph sits: its table (1-based, in document order, nested tables
    numbered too; 0 outside tables), its cell, and whether it is generated table-of-contents
    text."""

    table: int = 0
    cell: int = 0
    toc: bool = False
    row: int = 0  # 1-based row of the cell in its table (0 outside tables)
    col: int = -1  # 0-based grid column where the cell starts (w:gridBefore and w:gridSpan counted); -1 unknown


_TR = W + "tr"


def _grid_columns(tr: Any) -> dict[Any, int]:
    """The grid column where each ``w:tc`` of row ``tr`` starts: after the row's ``w:gridBefore`` and the spans
    (``w:gridSpan``) of the cells before it. A cell inside a content control of the row is left out (unknown)."""
    before = tr.find(W + "trPr/" + W + "gridBefore")
    col = _int_val(before, 0)
    out = {}
    for tc in tr.iterchildren(_TC):
        out[tc] = col
        col += max(1, _int_val(tc.find(W + "tcPr/" + W + "gridSpan"), 1))
    return out


def _int_val(el: Any, default: int) -> int:
    """The ``w:val`` of ``el`` as a small number, or ``default`` (missing, damaged or absurd)."""
    raw = el.get(W + "val") if el is not None else None
    return int(raw) if raw is not None and raw.isdigit() and len(raw) <= 3 else default


def walk_body(body: Any) -> Iterator[tuple[Any, Place]]:
    """Every ``w:p`` of the body in reading order with its place: table cells (nested ones
    too), content controls, tracked insertions and moves to, and the paragraphs of each
    text box right after the paragraph that anchors it (read once: the VML fallback copy is
    skipped). Iterative, so a deeply nested table cannot exhaust the stack. The block
    numbers of a .docx are this order."""
    tables = 0
    cells = 0
    rows: dict[int, int] = {}  # table -> rows met so far
    top = Place()  # frozen: one for every element outside tables, cells and contents
    stack: list[tuple[Any, Place]] = [(child, top) for child in reversed(body)]
    any_boxes = next(body.iter(W + "txbxContent"), None) is not None  # one search: most bodies have none
    while stack:
        el, place = stack.pop()
        tag = el.tag
        if tag == _P:
            yield el, place
            boxes = _text_boxes(el) if any_boxes else []
            for box in reversed(boxes):
                stack.extend((c, place) for c in reversed(box))
        elif tag == _TBL:
            tables += 1
            stack.extend((c, Place(tables, place.cell, place.toc)) for c in reversed(el))
        elif tag == _TR:
            row = rows[place.table] = rows.get(place.table, 0) + 1
            cols = _grid_columns(el)
            stack.extend((c, Place(place.table, place.cell, place.toc, row, cols.get(c, -1))) for c in reversed(el))
        elif tag == _TC:
            cells += 1
            stack.extend((c, Place(place.table, cells, place.toc, place.row, place.col)) for c in reversed(el))
        elif tag == _SDT:
            toc = place.toc or _is_toc_sdt(el)
            stack.extend((c, Place(place.table, place.cell, toc)) for c in reversed(el))
        elif tag in _PASS_THROUGH:
            stack.extend((c, place) for c in reversed(el))


def _text_boxes(p: Any) -> list[Any]:
    """The ``w:txbxContent`` elements anchored in paragraph ``p`` (not inside another text
    box, not in the VML fallback of a drawing that is also given as DrawingML)."""
    if next(p.iter(W + "txbxContent"), None) is None:
        return []  # most paragraphs: one search in C instead of a walk over every run
    out = []
    stack = list(p)
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag == MC + "Fallback":
            continue
        if el.tag == W + "txbxContent":
            out.append(el)
            continue
        stack.extend(el)
    return out[::-1] if len(out) > 1 else out


def iter_paragraphs(body: Any) -> Iterator[tuple[Any, bool]]:
    """Every ``w:p`` of the body in reading order (see ``walk_body``), each with whether it
    sits in a table cell."""
    for p, place in walk_body(body):
        yield p, place.table > 0


def _read_paragraphs(body: Any, fields: Fields) -> tuple[list[tuple[Any, str, Place, int]], int, Fields]:
    read: list[tuple[Any, str, Place, int]] = []
    breaks = 0
    plain = _plain_texts(body)
    for el, place in walk_body(body):
        text = None if fields.stack else plain.get(el)  # in an open field, paragraph_text walks every paragraph
        text, n = paragraph_text(el, fields) if text is None else (text, 0)
        if place.toc:
            text = ""
        read.append((el, text, place, breaks + 1))
        breaks += n
    return read, breaks, fields


@lru_cache(maxsize=1)
def _nested() -> Any:
    """An XPath that tells whether a paragraph of a body sits inside another (a text box's do): the outer one's text
    holds theirs, which ``_plain_texts`` cannot tell. (lxml evaluates a compiled XPath under its own lock: one serves
    every thread.)"""
    from lxml import etree

    return etree.XPath("boolean(.//w:p//w:p)", namespaces={"w": W[1:-1]})


_R = W + "r"


def _plain_texts(body: Any) -> dict[Any, str]:
    """``_plain_text`` of the body's paragraphs that need no walk (paragraph -> text), found in one pass over the
    body's paragraphs, ``w:t`` and ``_SPECIAL`` elements, without a Python object made for each other element (run
    properties above all: 18 elements a paragraph in a real report). An element belongs to the last paragraph before
    it in document order; a special element there, or a ``w:t`` that is not in one of its runs (in a hyperlink, in
    paragraph properties, outside paragraphs) or that holds an element, leaves that paragraph out, for
    ``paragraph_text`` to walk. Empty when a paragraph sits inside another. Instructions (callgrind) to load the dev
    corpus's .docx 367M -> 335M (their paragraphs' text 166M -> 133M), the batch corpus's 1474M -> 1408M."""
    if _nested()(body):
        return {}
    parts: dict[Any, list[str] | None] = {}  # the paragraph objects held: lxml gives walk_body these same ones
    paragraph: Any = None
    current: list[str] | None = None
    for el in body.iter(_P, _T, *_SPECIAL):
        tag = el.tag
        if tag == _P:
            paragraph, current = el, []
            parts[el] = current
            continue
        if current is None:
            continue  # before the first paragraph, or in one left out already
        if tag == _T and not len(el):  # (of a w:t inside a w:t the walk reads the outer one only)
            run = el.getparent()
            if run.tag == _R and run.getparent() is paragraph:
                current.append(el.text or "")
                continue
        parts[paragraph] = current = None
    return {p: _visible("".join(texts)) for p, texts in parts.items() if texts is not None}


def prose_cells(paragraphs: Iterable[tuple[int, str]]) -> set[int]:
    """The cells, of ``(cell, paragraph text)`` pairs (cell 0: outside tables), that hold running
    text: a form whose body sits in one cell (200 characters or more, or two sentences). Such a
    cell is not a table datum; its paragraphs keep their own kind. The .doc reader shares it."""
    chars: Counter[int] = Counter()
    sentences: Counter[int] = Counter()
    for cell, text in paragraphs:
        if cell and text.strip():
            chars[cell] += len(text.strip())
            sentences[cell] += text.rstrip().endswith(("。", "；", "！", "？"))
    return {cell for cell in chars if chars[cell] >= 200 or sentences[cell] >= 2}


def _read_body(root: Any, styles: Styles, numbering: Numbering
               ) -> tuple[list[Block], int, list[tuple[int, int, int, int]]]:
    """The body's blocks, its page breaks, and where each table cell's block sits: (block, table, row, grid column)."""
    body = root.find(W + "body") if root is not None else None
    if body is None:
        raise LoadError("word/document.xml 中没有正文（w:body missing），文件已损坏（corrupt）")
    style_nums = {sid: num for sid, (num, _) in styles.numpr.items() if num}
    linked = numbering.style_levels()
    read, breaks, fields = _read_paragraphs(body, Fields())
    if fields.toc_open:  # a contents field that never ends: a damaged file; hide nothing
        read, breaks, fields = _read_paragraphs(body, Fields(hide_toc=False))
    prose = prose_cells((place.cell, text) for _, text, place, _ in read)
    blocks: list[Block] = []
    grid: list[tuple[int, int, int, int]] = []
    for el, text, place, page in read:
        datum = bool(place.table) and place.cell not in prose
        if datum:
            grid.append((len(blocks), place.table, place.row, place.col))
        # no page break anywhere: the page is unknown, not 1
        blocks.append(_paragraph(el, text, len(blocks), datum, page if breaks else None, styles, numbering,
                                 style_nums, linked, place.table))
    return blocks, breaks, grid


def _paragraph(
    p: Any,
    text: str,
    index: int,
    in_cell: bool,
    page: int | None,
    styles: Styles,
    numbering: Numbering,
    style_nums: dict[str, str],
    linked: dict[str, tuple[str, int]],
    table: int = 0,
) -> Block:
    ppr = _child(p, _PPR)
    sid = styles.default
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    if ppr is not None:
        ps = np_ = ol = None
        for child in ppr:  # the first of each, in one pass over the few properties
            tag = child.tag
            if tag == _PSTYLE:
                ps = child if ps is None else ps
            elif tag == _NUMPR:
                np_ = child if np_ is None else np_
            elif tag == _OUTLINE_LVL:
                ol = child if ol is None else ol
        if ps is not None:
            sid = ps.get(_VAL, sid)
        if np_ is not None:
            num_id, ilvl = _numpr(np_)
        if ol is not None and (ol.get(_VAL) or "").isdecimal():
            outline = int(ol.get(_VAL))
    (s_num, s_lvl), chain, heading_level, is_title, name = styles.facts(sid)
    if num_id is None:
        num_id = s_num
        if ilvl is None:
            ilvl = s_lvl
        if num_id is None:
            for s in chain:
                if s in linked:
                    num_id, ilvl = linked[s]
                    break
    label = ""
    if num_id and num_id != "0":
        label, sep = numbering.render(num_id, ilvl or 0, style_nums)
        if label:
            text = label + sep + text
    level = outline + 1 if outline is not None and outline < 9 else heading_level
    kind = "cell" if in_cell else ("title" if is_title else ("heading" if level else "paragraph"))
    return Block(index, text, kind, level, name, page, label, table)
