"""The layout facts of a .docx package, read again by the plugin itself, read-only.

reportlint's Document keeps text, not formatting, so the plugin reopens the file named by
``Document.path`` with the core loader's guarded helpers (size and compression-ratio limits
checked before anything is inflated, no DTD, no network, no entity expansion) and reads:
the sections' ``w:sectPr`` (page size, margins, document grid), the styles part (docDefaults
and the ``basedOn`` chains), the theme's fonts, settings.xml and the footers. Nothing read is
trusted: a missing part gives unknown values, a malformed number is ignored, and a file that
is not the one the loader read (changed since, or a .doc converted on the fly) gives None.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reportlint import LoadError
from reportlint.loaders.docx import check_package, parse_xml, read_part, stored_part, walk_body
from reportlint.loaders.wordnum import W
from reportlint.sniff import open_zip, read_input

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

TWIPS_PER_MM = 1440 / 25.4
MAX_TWIPS = 31680  # 22 inches: the largest page dimension Word accepts (ECMA-376 Part 1 §17.6.13)
MAX_STYLE_DEPTH = 20
_SKIP = {W + "del", W + "moveFrom", W + "delText", W + "txbxContent", MC + "Fallback", W + "rt", W + "pPr",
         W + "rPr"}
# w:lang / w:themeFontLang East Asian language -> the theme's script font used for it (DrawingML a:font script)
_SCRIPTS = {"zh-cn": "Hans", "zh-sg": "Hans", "zh-tw": "Hant", "zh-hk": "Hant", "zh-mo": "Hant", "ja-jp": "Jpan",
            "ko-kr": "Hang"}


def twips(value: str | None, lo: int = 0, hi: int = MAX_TWIPS) -> int | None:
    """A twips attribute as an integer within [lo, hi]; None when absent, malformed or out of range."""
    if value is None or len(value) > 12:
        return None
    try:
        n = int(value.strip())
    except ValueError:
        try:
            n = round(float(value.strip()))  # "1440.0" written by some converters
        except (ValueError, OverflowError):
            return None
    return n if lo <= n <= hi else None


def on(el: Any) -> bool:
    """An ST_OnOff element: absent is off; present without w:val is on."""
    if el is None:
        return False
    return (el.get(W + "val") or "true").lower() not in ("0", "false", "off")


@dataclass(frozen=True, slots=True)
class Section:
    """One section: the 0-based blocks it spans and its page setup in twips (None: not set)."""

    number: int  # 1-based
    first: int
    last: int
    width: int | None = None
    height: int | None = None
    landscape: bool = False
    has_size: bool = False
    has_margins: bool = False
    top: int | None = None
    bottom: int | None = None
    left: int | None = None
    right: int | None = None
    gutter: int = 0
    grid_type: str = ""  # "", "default", "lines", "linesAndChars", "snapToChars"
    line_pitch: int | None = None
    char_space: int | None = None
    footers: dict[str, str] = field(default_factory=dict)  # "default" | "even" | "first" -> part name
    title_page: bool = False


# One level of character formatting: East Asian font, Latin (ascii) font, size in half-points.
# A font is ("name", typeface) or ("theme", minorEastAsia|majorHAnsi|…).
Font = tuple[str, str]


@dataclass(slots=True)
class Level:
    ea: Font | None = None
    ascii: Font | None = None
    sz: int | None = None
    color: str | None = None


def _rpr_level(rpr: Any) -> Level:
    out = Level()
    if rpr is None:
        return out
    fonts = rpr.find(W + "rFonts")
    if fonts is not None:
        theme, name = fonts.get(W + "eastAsiaTheme"), fonts.get(W + "eastAsia")
        out.ea = ("theme", theme) if theme else (("name", name) if name else None)
        theme, name = fonts.get(W + "asciiTheme"), fonts.get(W + "ascii")
        out.ascii = ("theme", theme) if theme else (("name", name) if name else None)
    sz = rpr.find(W + "sz")
    if sz is not None:
        n = twips(sz.get(W + "val"), 1, 3276)  # ST_HpsMeasure: at most 1638 pt
        if n is not None:
            out.sz = n
    color = rpr.find(W + "color")
    if color is not None and color.get(W + "val"):
        out.color = (color.get(W + "val") or "")[:8]
    return out


def _merge(levels: list[Level]) -> Level:
    out = Level()
    for lv in levels:
        out.ea = lv.ea or out.ea
        out.ascii = lv.ascii or out.ascii
        out.sz = lv.sz if lv.sz is not None else out.sz
        out.color = lv.color or out.color
    return out


@dataclass(slots=True)
class ParaLevel:
    jc: str | None = None
    line: int | None = None
    line_rule: str | None = None
    snap: bool | None = None
    # first-line indent: ("chars", hundredths of a character) or ("twips", n); hanging is negative
    first: tuple[str, int] | None = None
    left: tuple[str, int] | None = None  # left (start) indent, the same units
    numbered: bool | None = None  # w:numPr: the indent may come from the numbering level


def _indent(ind: Any, chars: str, twips_: str, negative: tuple[str, str] | None = None) -> tuple[str, int] | None:
    """One indent of a w:ind: its *Chars attribute wins over its twips attribute (§17.3.1.12).
    A *Chars of 0 beside a non-zero twips value (as WPS writes them) is read one way by the
    standard and the other by some editors: ("unknown", 0), which no check judges."""
    pairs = [(chars, twips_, 1)] + ([(negative[0], negative[1], -1)] if negative else [])
    for c_attr, t_attr, sign in pairs:
        c = twips(ind.get(W + c_attr), -31680, 31680)
        t = twips(ind.get(W + t_attr), -31680, 31680)
        if c == 0 and t:
            return "unknown", 0
        if c is not None:
            return "chars", sign * c
        if t is not None:
            return "twips", sign * t
    return None


def _ppr_level(ppr: Any) -> ParaLevel:
    out = ParaLevel()
    if ppr is None:
        return out
    jc = ppr.find(W + "jc")
    if jc is not None and jc.get(W + "val"):
        out.jc = jc.get(W + "val")
    sp = ppr.find(W + "spacing")
    if sp is not None and sp.get(W + "line") is not None:
        line = twips(sp.get(W + "line"), 1, 31680)
        if line is not None:
            out.line = line
            out.line_rule = sp.get(W + "lineRule") or "auto"
    snap = ppr.find(W + "snapToGrid")
    if snap is not None:
        out.snap = on(snap)
    ind = ppr.find(W + "ind")
    if ind is not None:
        out.first = _indent(ind, "firstLineChars", "firstLine", ("hangingChars", "hanging"))
        out.left = _indent(ind, "leftChars", "left") or _indent(ind, "startChars", "start")
    num = ppr.find(W + "numPr")
    if num is not None:
        nid = num.find(W + "numId")
        out.numbered = nid is not None and (nid.get(W + "val") or "0") != "0"
    return out


class Styles:
    """docDefaults, paragraph and character styles, their basedOn chains, and the theme fonts."""

    def __init__(self, root: Any | None, theme: Any | None, settings: Any | None) -> None:
        self.run_styles: dict[str, Level] = {}
        self.para_runs: dict[str, Level] = {}
        self.para_props: dict[str, ParaLevel] = {}
        self.based: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.default_para = ""
        self.defaults = Level()
        self.para_defaults = ParaLevel()
        self.lang = ""
        self._styled: dict[tuple[str, str | None], Level] = {}
        if root is not None:
            dd = root.find(W + "docDefaults")
            if dd is not None:
                self.defaults = _rpr_level(dd.find(f"{W}rPrDefault/{W}rPr"))
                self.para_defaults = _ppr_level(dd.find(f"{W}pPrDefault/{W}pPr"))
                lang = dd.find(f"{W}rPrDefault/{W}rPr/{W}lang")
                if lang is not None:
                    self.lang = (lang.get(W + "eastAsia") or "").lower()
            for st in root.iter(W + "style"):
                sid = st.get(W + "styleId") or ""
                kind = st.get(W + "type") or "paragraph"
                self.kinds[sid] = kind
                name = st.find(W + "name")
                self.names[sid] = (name.get(W + "val") or sid) if name is not None else sid
                based = st.find(W + "basedOn")
                if based is not None and based.get(W + "val"):
                    self.based[sid] = based.get(W + "val") or ""
                level = _rpr_level(st.find(W + "rPr"))
                if kind == "character":
                    self.run_styles[sid] = level
                elif kind == "paragraph":
                    self.para_runs[sid] = level
                    self.para_props[sid] = _ppr_level(st.find(W + "pPr"))
                    if (st.get(W + "default") or "").lower() in ("1", "true", "on"):
                        self.default_para = sid
        theme_lang = ""
        if settings is not None:
            tfl = settings.find(W + "themeFontLang")
            if tfl is not None:
                theme_lang = (tfl.get(W + "eastAsia") or "").lower()
        self.theme = _theme_fonts(theme, theme_lang or self.lang)

    def chain(self, sid: str) -> list[str]:
        """``sid`` and its basedOn ancestors, nearest first (cycles and depth bounded)."""
        out: list[str] = []
        while sid and sid not in out and len(out) < MAX_STYLE_DEPTH:
            out.append(sid)
            sid = self.based.get(sid, "")
        return out

    def paragraph_style(self, p: Any) -> str:
        ps = p.find(f"{W}pPr/{W}pStyle")
        sid = ps.get(W + "val") if ps is not None else None
        return sid if sid and sid in self.para_runs else self.default_para

    def run_level(self, p_style: str, r_style: str | None, direct: Any) -> Level:
        base = self._styled.get((p_style, r_style))
        if base is None:  # the styles' part of the cascade, the same for every run with these two styles
            levels = [self.defaults]
            levels += [self.para_runs.get(s, Level()) for s in reversed(self.chain(p_style))]
            if r_style:
                levels += [self.run_styles.get(s, Level()) for s in reversed(self.chain(r_style))]
            base = self._styled[(p_style, r_style)] = _merge(levels)
        return _merge([base, _rpr_level(direct)]) if direct is not None else _merge([base])

    def para_level(self, p: Any) -> ParaLevel:
        levels = [self.para_defaults]
        levels += [self.para_props.get(s, ParaLevel()) for s in reversed(self.chain(self.paragraph_style(p)))]
        levels.append(_ppr_level(p.find(W + "pPr")))
        out = ParaLevel()
        for lv in levels:
            out.jc = lv.jc or out.jc
            if lv.line is not None:
                out.line, out.line_rule = lv.line, lv.line_rule
            out.snap = lv.snap if lv.snap is not None else out.snap
            out.first = lv.first or out.first
            out.left = lv.left or out.left
            out.numbered = lv.numbered if lv.numbered is not None else out.numbered
        return out

    def font_name(self, font: Font | None) -> str | None:
        """The typeface a font reference names; None when it cannot be resolved."""
        if font is None:
            return None
        kind, value = font
        if kind == "name":
            return value.strip()[:64] or None
        return self.theme.get(value)

    def size_pt(self, level: Level) -> float:
        """Size in points; Word's built-in default is 10 pt when no level sets one (§17.3.2.38)."""
        return (level.sz if level.sz is not None else 20) / 2


def _theme_fonts(theme: Any | None, lang: str) -> dict[str, str]:
    """Theme font references (minorEastAsia, majorHAnsi …) -> typeface. The East Asian slot is
    the a:ea typeface, or when that is empty the script font of the document's East Asian
    language (settings.xml w:themeFontLang), as Word picks it."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    script = _SCRIPTS.get(lang)
    for which in ("major", "minor"):
        scheme = next(theme.iter(f"{A}{which}Font"), None)
        if scheme is None:
            continue

        def face(tag: str, scheme: Any = scheme) -> str:
            el = scheme.find(A + tag)
            return ((el.get("typeface") or "") if el is not None else "").strip()[:64]

        latin, ea, cs = face("latin"), face("ea"), face("cs")
        if not ea and script:
            for el in scheme.findall(A + "font"):
                if el.get("script") == script:
                    ea = (el.get("typeface") or "").strip()[:64]
        if latin:
            out[f"{which}HAnsi"] = out[f"{which}Ascii"] = latin
        if ea:
            out[f"{which}EastAsia"] = ea
        if cs:
            out[f"{which}Bidi"] = cs
    return out


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    ea: str | None  # East Asian typeface
    ascii: str | None
    size: float
    color: str | None
    cjk: int  # its Chinese characters (``cjk_count``)


def runs(p: Any, styles: Styles) -> Iterator[Run]:
    """The visible text runs of paragraph ``p`` (insertions, hyperlinks, fields and content
    controls included; deletions, hidden runs, text boxes, ruby and fallbacks left out) with
    their resolved formatting."""
    p_style = styles.paragraph_style(p)
    for el in p.iter(_R):
        if not _kept(el, p):
            continue
        rpr = el.find(W + "rPr")
        if rpr is not None and on(rpr.find(W + "vanish")):
            continue
        text = "".join(t.text or "" if t.tag == W + "t" else "\t" if t.tag == W + "tab" else "\n"
                       for t in el if t.tag in (W + "t", W + "tab", W + "br", W + "cr"))
        if not text:
            continue
        rs = rpr.find(W + "rStyle") if rpr is not None else None
        level = styles.run_level(p_style, rs.get(W + "val") if rs is not None else None, rpr)
        yield Run(text, styles.font_name(level.ea), styles.font_name(level.ascii), styles.size_pt(level), level.color,
                  cjk_count(text))


_R = W + "r"


def _kept(el: Any, p: Any) -> bool:
    """Whether no element between ``el`` and paragraph ``p`` is one ``runs`` leaves out (``_RUN_SKIP``):
    the same runs as walking ``pruned(p, _RUN_SKIP)``, found by lxml's own iteration (a run's parent is
    most often the paragraph itself)."""
    parent = el.getparent()
    while parent is not p:
        if parent is None or parent.tag in _RUN_SKIP:
            return False
        parent = parent.getparent()
    return True


def pruned(p: Any, skip: frozenset[str] | set[str]) -> Iterator[Any]:
    """The elements below ``p`` in document order, leaving out (with all they hold) those whose tag
    is in ``skip``, and comments and processing instructions."""
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        if not isinstance(el.tag, str) or el.tag in skip:
            continue
        yield el
        stack.append(iter(el))


_RUN_SKIP = frozenset(_SKIP | {W + "p"})  # a paragraph nested in this one's text box has runs of its own


_NOT_CJK = re.compile("[^\u3400-\u9fff\uf900-\ufaff]+")


def cjk_count(text: str) -> int:
    """The Chinese characters of ``text``: CJK Unified Ideographs with Extension A and the compatibility block
    (counted as what the runs of other characters leave: Chinese text has few of them)."""
    return len(text) - sum(map(len, _NOT_CJK.findall(text))) if text else 0


@dataclass
class Package:
    """What the checks need from one .docx."""

    paragraphs: list[Any]  # w:p in block order (reportlint.loaders.docx.walk_body)
    in_box: set[int]  # block indexes of paragraphs inside text boxes
    styles: Styles
    sections: list[Section]
    footers: dict[str, Any]  # relationship id -> root element of the footer part
    headers: dict[str, Any]  # relationship id -> root element of the header part
    even_odd: bool = False
    mirror: bool = False
    gutter_top: bool = False
    memo: dict[Any, Any] = field(default_factory=dict)  # per-paragraph results shared by the checks

    def runs_of(self, index: int) -> tuple[Run, ...]:
        """The runs of paragraph ``index`` (``runs``), resolved once for all the checks that ask."""
        key = ("runs", index)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = tuple(runs(self.paragraphs[index], self.styles))
        return found  # type: ignore[no-any-return]


def _rels(zf: Any, name: str) -> dict[str, tuple[str, str]]:
    """Internal relationships of part ``name``: id -> (type's last segment, resolved target)."""
    folder, base = posixpath.split(name)
    raw = read_part(zf, posixpath.join(folder, "_rels", base + ".rels"))
    if raw is None:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for rel in parse_xml(raw, name + ".rels").iter(PKG_REL + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id") or ""] = ((rel.get("Type") or "").rsplit("/", 1)[-1], resolved)
    return out


# The styles of the last few templates: (styles part, theme part as stored, theme language) -> their Styles.
# A batch of documents made from one template parses its styles part (300 KB in python-docx's) once.
_KEPT: dict[tuple[Any, ...], tuple[tuple[bytes, ...], Styles]] = {}
_KEEP = 8
_KEPT_LOCK = threading.Lock()


def _styles(zf: Any, data: bytes, rels: dict[str, tuple[str, str]], names: set[str],
            part: Callable[[str], Any | None], settings: Any | None) -> Styles:
    """The Styles of the package: built from its styles and theme parts and the theme language of its
    settings, or taken from ``_KEPT`` when the stored parts are byte for byte those of a package read
    before (compared, not only their CRCs) and the language is the same."""
    stored: list[tuple[tuple[int, ...], bytes] | None] = []
    for kind in ("styles", "theme"):
        target = next((t for ty, t in rels.values() if ty == kind and t in names), None)
        stored.append(stored_part(zf, data, target) if target else ((), b""))  # () : the package has none
    tfl = settings.find(W + "themeFontLang") if settings is not None else None
    lang = (tfl.get(W + "eastAsia") or "") if tfl is not None else ""
    key = packed = None
    if stored[0] is not None and stored[1] is not None:  # both readable as stored (or absent)
        key, packed = (stored[0][0], stored[1][0], lang), (stored[0][1], stored[1][1])
        kept = _KEPT.get(key)
        if kept is not None and kept[0] == packed:
            return kept[1]
    styles = Styles(part("styles"), part("theme"), settings)
    if key is not None and packed is not None:
        with _KEPT_LOCK:
            if key not in _KEPT and len(_KEPT) >= _KEEP:
                _KEPT.pop(next(iter(_KEPT)))
            _KEPT[key] = (packed, styles)
    return styles


def read_package(path: str, sha256: str | None, blocks: int) -> Package | None:
    """The package at ``path`` if it is the .docx the loader read (same SHA-256 when known, the
    same number of paragraphs as blocks); None otherwise or when it cannot be read."""
    from pathlib import Path

    try:
        data = read_input(Path(path))
    except LoadError:
        return None
    if sha256 and hashlib.sha256(data).hexdigest() != sha256:
        return None
    if not data.startswith(b"PK"):
        return None  # e.g. a .doc converted to .docx in memory: the formatting is not ours to read
    try:
        zf = open_zip(data)
        with zf:
            check_package(zf)
            names = set(zf.namelist())
            main = next((t for ty, t in _rels(zf, "").values() if ty == "officeDocument" and t in names), None)
            main = main or ("word/document.xml" if "word/document.xml" in names else None)
            if main is None:
                return None
            raw = read_part(zf, main)
            if raw is None:
                return None
            root = parse_xml(raw, main)
            rels = _rels(zf, main)

            def part(kind: str) -> Any | None:
                target = next((t for ty, t in rels.values() if ty == kind and t in names), None)
                data = read_part(zf, target) if target else None
                return parse_xml(data, target) if data is not None and target else None

            settings = part("settings")
            styles = _styles(zf, data, rels, names, part, settings)
            footers: dict[str, Any] = {}
            headers: dict[str, Any] = {}
            for rid, (ty, target) in rels.items():
                store = footers if ty == "footer" else headers if ty == "header" else None
                if store is not None and target in names and len(store) < 64:
                    data = read_part(zf, target)
                    if data is not None:
                        store[rid] = parse_xml(data, target)
    except LoadError:
        return None
    body = root.find(W + "body")
    if body is None:
        return None
    placed = list(walk_body(body))
    if len(placed) != blocks:
        return None
    paragraphs = [p for p, _ in placed]
    in_box = {i for i, p in enumerate(paragraphs) if any(True for _ in p.iterancestors(W + "txbxContent"))}
    sections = _sections(body, paragraphs)
    even_odd = settings is not None and on(settings.find(W + "evenAndOddHeaders"))
    mirror = settings is not None and on(settings.find(W + "mirrorMargins"))
    gutter_top = settings is not None and on(settings.find(W + "gutterAtTop"))
    return Package(paragraphs, in_box, styles, sections, footers, headers, even_odd, mirror, gutter_top)


def _sections(body: Any, paragraphs: list[Any]) -> list[Section]:
    """Sections in order: each ends at the body paragraph holding a w:sectPr, the last at the body's own."""
    out: list[Section] = []
    start = 0
    for i, p in enumerate(paragraphs):
        sp = p.find(f"{W}pPr/{W}sectPr")
        if sp is not None and p.getparent() is body:
            out.append(_section(sp, len(out) + 1, start, i))
            start = i + 1
    final = body.find(W + "sectPr")
    if final is not None or start < len(paragraphs):
        out.append(_section(final, len(out) + 1, start, len(paragraphs) - 1))
    return out


def _section(sp: Any | None, number: int, first: int, last: int) -> Section:
    if sp is None:
        return Section(number, first, last)
    kw: dict[str, Any] = {}
    size = sp.find(W + "pgSz")
    if size is not None:
        kw["has_size"] = True
        kw["width"], kw["height"] = twips(size.get(W + "w"), 1), twips(size.get(W + "h"), 1)
        kw["landscape"] = size.get(W + "orient") == "landscape" or (
            kw["width"] is not None and kw["height"] is not None and kw["width"] > kw["height"])
    mar = sp.find(W + "pgMar")
    if mar is not None:
        kw["has_margins"] = True
        for side in ("top", "bottom", "left", "right"):
            kw[side] = twips(mar.get(W + side))
        kw["gutter"] = twips(mar.get(W + "gutter")) or 0
    grid = sp.find(W + "docGrid")
    if grid is not None:
        kw["grid_type"] = grid.get(W + "type") or "default"
        kw["line_pitch"] = twips(grid.get(W + "linePitch"), 1)
        kw["char_space"] = twips(grid.get(W + "charSpace"), -4096 * 100, 4096 * 100)
    kw["footers"] = {ref.get(W + "type") or "default": ref.get(R + "id") or ""
                     for ref in sp.findall(W + "footerReference")}
    kw["title_page"] = on(sp.find(W + "titlePg"))
    return Section(number, first, last, **kw)
