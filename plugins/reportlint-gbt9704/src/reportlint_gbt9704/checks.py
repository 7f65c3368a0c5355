"""The GB/T 9704-2012 layout checks. Each reports at most one finding per property: per group of
sections with the same page setup (paper, margins, grid), per document for fonts and page numbers.
Anything that cannot be resolved (a font no level names, a page number in a text box) is left alone."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from reportlint import Context, Finding, Rule
from reportlint.loaders.wordnum import W

from .fonts import matches, size_name
from .package import MC, TWIPS_PER_MM, Package, Section, cjk_count, pruned, read_package, runs

MM_PER_PT = 25.4 / 72
# Paragraphs that GB/T 9704 sets in other sizes or fonts (版记 §7.4 in 4号, 附件 label §7.3.7 in 黑体,
# 附注 §7.3.6), and notes under a table or figure (备注、注：、资料来源：), set smaller by convention: not
# judged as body text.
_NOT_BODY = re.compile(r"^\s*(?:抄送|印发|主送|附件|附注|联系人|（联系人|\(联系人|此页无正文|（此页无正文"
                       r"|备注|注\s*[:：\d]|说明\s*[:：]|资料来源|数据来源|来源\s*[:：])")
_SENTENCE_END = "。！？；"
_SENTENCE_END_RX = re.compile(f"[{_SENTENCE_END}]")
_HEADING_CHARS = 30  # a heading phrase after 一、/（一） is short; a longer lead is a sentence
# A first short line that is 份号, 密级 or 紧急程度 (GB/T 9704 §7.2.1–7.2.3), not the title
_HEAD_MARKS = re.compile(r"^\s*(?:\d{6}|(?:绝密|机密|秘密|特急|加急|平急)(?:[★\s\d年月日个]*)?)\s*$")
_DASHES = "—―─"  # 一字线 as typed: EM DASH, HORIZONTAL BAR, BOX DRAWINGS LIGHT HORIZONTAL
_WRONG_DASHES = "-‐‑‒–－﹣一"


def layout(ctx: Context) -> Package | None:
    def make() -> Package | None:
        if ctx.doc.meta.get("text_only") or not ctx.doc.blocks:
            return None
        return read_package(ctx.doc.path, ctx.doc.meta.get("sha256"), len(ctx.doc.blocks))

    return ctx.memo("gbt9704.package", make)  # type: ignore[no-any-return]


def _anchor(ctx: Context, first: int = 0, last: int | None = None) -> int | None:
    """The first non-empty block in [first, last], else the first non-empty block of the document."""
    blocks = ctx.doc.blocks
    last = len(blocks) - 1 if last is None else min(last, len(blocks) - 1)
    for i in range(max(first, 0), last + 1):
        if blocks[i].text.strip():
            return i
    return next((b.index for b in blocks if b.text.strip()), None)


def _finding(ctx: Context, rule: Rule, block: int, key: str = "default", **fields: Any) -> Finding:
    return rule.finding(ctx.doc, block, 0, len(ctx.doc.blocks[block].text), key=key, **fields)


def _grouped(ctx: Context, rule: Rule, items: Iterable[tuple[Section, str, dict[str, Any]]]) -> Iterator[Finding]:
    """One finding for each distinct (message key, fields) over the sections that share it, anchored
    at the first of them; ``also`` names the other sections."""
    groups: dict[tuple[str, tuple[tuple[str, Any], ...]], list[Section]] = {}
    for section, key, fields in items:
        groups.setdefault((key, tuple(sorted(fields.items()))), []).append(section)
    for (key, fields), sections in groups.items():
        block = _anchor(ctx, sections[0].first, sections[0].last)
        if block is None:
            continue
        also = ""
        if len(sections) > 1:
            also = f"（第 {'、'.join(str(s.number) for s in sections)} 节都是如此）"
        yield _finding(ctx, rule, block, key=key, also=also, **dict(fields))


def _mm(tw: float) -> float:
    return tw / TWIPS_PER_MM


def _fmt(mm: float) -> str:
    return f"{mm:.1f}".rstrip("0").rstrip(".")


def _cm(mm: float) -> str:
    return f"{mm / 10:.2f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- GB101 paper size

_PAPERS = ((210, 297, "A4"), (297, 420, "A3"), (148, 210, "A5"), (176, 250, "B5"), (182, 257, "B5（JIS）"),
           (184, 260, "16开"), (215.9, 279.4, "Letter"), (215.9, 355.6, "Legal"))


def check_paper(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a section whose paper is not A4 (210 × 297 mm, GB/T 9704-2012 §5.1), in either
    orientation. Sections sharing one wrong size give one finding.
    ## Parameters
    `width_mm`, `height_mm`, `tolerance_mm`.
    ## Example
    A report on US Letter paper (215.9 × 279.4 mm) → GB101."""
    pkg = layout(ctx)
    if pkg is None:
        return
    p = rule.params
    want = sorted((float(p["width_mm"]), float(p["height_mm"])))
    tol = float(p["tolerance_mm"])
    items = []
    for s in pkg.sections:
        if not s.has_size or s.width is None or s.height is None:
            continue  # no size: Word's locale default, not ours to guess
        got = sorted((_mm(s.width), _mm(s.height)))
        if all(abs(g - w) <= tol for g, w in zip(got, want, strict=True)):
            continue
        name = next((n for a, b, n in _PAPERS if abs(got[0] - a) <= 1 and abs(got[1] - b) <= 1), "")
        size = f"{_fmt(_mm(s.width))}×{_fmt(_mm(s.height))} 毫米" + (f"（{name}）" if name else "")
        items.append((s, "default", {"size": size}))
    yield from _grouped(ctx, rule, items)


# ---------------------------------------------------------------- GB102 margins

_SIDES = (("top", "上"), ("bottom", "下"), ("left", "左"), ("right", "右"))


def check_margins(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Compares each portrait section's margins with GB/T 9704-2012 §5.2.1: 天头（上白边）37 mm,
    订口（左白边）28 mm, 版心 156 × 225 mm on A4, so 右 26 mm and 下 35 mm, each within 1 mm.
    A gutter counts toward the binding side. A section that sets no margins is judged on Word's
    defaults, which never meet the standard. One finding lists every side that is off.
    ## Parameters
    `top_mm`, `left_mm`, `text_width_mm`, `text_height_mm`, `paper_width_mm`, `paper_height_mm`,
    `tolerance_mm`: a provincial variant (e.g. 左 27 mm) is a configuration of these.
    ## Example
    Word's default margins (上下 25.4 mm, 左右 31.8 mm) → GB102 naming the four sides."""
    pkg = layout(ctx)
    if pkg is None:
        return
    p = rule.params
    tol = float(p["tolerance_mm"])
    width = float(p["paper_width_mm"])
    height = float(p["paper_height_mm"])
    want = {"top": float(p["top_mm"]), "left": float(p["left_mm"])}
    want["right"] = width - want["left"] - float(p["text_width_mm"])
    want["bottom"] = height - want["top"] - float(p["text_height_mm"])
    setting = {side: _cm(want[side]) for side in want}
    items = []
    for s in pkg.sections:
        if s.landscape:
            continue  # a landscape page (a wide table in an attachment) has no 天头/订口 of its own
        if not s.has_margins:
            items.append((s, "unset", setting))
            continue
        got = {"top": s.top, "bottom": s.bottom, "left": s.left, "right": s.right}
        if got["top"] is not None and pkg.gutter_top:
            got["top"] += s.gutter
        elif got["left"] is not None and not pkg.gutter_top:
            got["left"] += s.gutter
        wrong = []
        for side, label in _SIDES:
            value = got[side]
            if value is None:
                continue
            mm = _mm(value)
            if abs(mm - want[side]) > tol:
                wrong.append(f"{label}边距 {_fmt(mm)} 毫米（要求 {_fmt(want[side])} 毫米）")
        if wrong:
            items.append((s, "default", {"sides": "、".join(wrong), **setting}))
    yield from _grouped(ctx, rule, items)


# ---------------------------------------------------------------- paragraphs: body, title, headings

def _majority(pairs: Iterable[tuple[Any, int]]) -> tuple[Any, int, int]:
    """The value holding most characters, its count and the total (the first such value on a tie)."""
    counts: dict[Any, int] = {}
    for value, n in pairs:
        counts[value] = counts.get(value, 0) + n
    total = sum(counts.values())
    if not total:
        return None, 0, 0
    value = max(counts, key=counts.__getitem__)  # like Counter.most_common(1): the first of the largest
    return value, counts[value], total


def _face_and_size(pkg: Package, index: int, lead_only: bool = False) -> tuple[str | None, float | None]:
    """The East Asian typeface and the size of most of the Chinese characters of paragraph ``index``
    (of its lead, up to the first sentence end, when ``lead_only``); typeface None when most of
    them have none that can be resolved."""
    key = ("face", index, lead_only)
    if key not in pkg.memo:
        pkg.memo[key] = _resolve_face_and_size(pkg, index, lead_only)
    return pkg.memo[key]  # type: ignore[no-any-return]


def _resolve_face_and_size(pkg: Package, index: int, lead_only: bool) -> tuple[str | None, float | None]:
    pieces: list[tuple[str | None, float, int]] = []
    seen = 0
    for run in pkg.runs_of(index):
        text, n = run.text, run.cjk
        if lead_only:
            cut = _SENTENCE_END_RX.search(text)
            if cut is not None:
                text = text[:cut.start()]
                n = cjk_count(text)
        if n:
            pieces.append((run.ea, run.size, n))
            seen += n
        if lead_only and (len(text) < len(run.text) or seen >= 40):
            break
    face, n_face, total = _majority((f, n) for f, _, n in pieces)
    size, _, _ = _majority((s, n) for _, s, n in pieces)
    if not total:
        return None, None
    return (face if face is not None and n_face * 2 > total else None), size


def _heading_blocks(ctx: Context) -> dict[int, int]:
    return ctx.memo("gbt9704.headings", lambda: _find_heading_blocks(ctx))  # type: ignore[no-any-return]


def _find_heading_blocks(ctx: Context) -> dict[int, int]:
    """Block -> GB/T 9704 level (1 for 一、, 2 for （一）) of numbered headings that open a block; 0 for
    a block opened by such a number whose words up to the first sentence end are a clause, not a
    heading (一、各单位要高度重视，…): neither judged as a heading nor as body text."""
    out: dict[int, int] = {}
    for item in ctx.outline.items:
        mk = item.marker
        if mk.inline or mk.stray or mk.scope:
            continue
        block = ctx.doc.blocks[mk.block]
        if block.text[: mk.start].strip():
            continue
        level = {"cn": 1, "cn-paren": 2}.get(mk.family)
        if level:
            title = mk.title.strip()
            heading = bool(title) and len(title) <= _HEADING_CHARS and not re.search("[，,；;：:]", title)
            out.setdefault(mk.block, level if heading else 0)
    return out


def _judged(ctx: Context, pkg: Package, index: int) -> bool:
    """A paragraph of the document's own running layout: not in a table or text box, not residue."""
    b = ctx.doc.blocks[index]
    return not b.table and b.kind != "cell" and index not in pkg.in_box and index not in ctx.residue


def _title_index(ctx: Context, pkg: Package) -> int | None:
    t = ctx.outline.title
    if t is None or t.source == "glued" or not _judged(ctx, pkg, t.block):
        return None
    text = ctx.doc.blocks[t.block].text.strip()
    if text.endswith("文件") or re.search(r"〔\d{4}〕|\[\d{4}\]", text) or _HEAD_MARKS.match(text):
        return None  # the issuing organ's mark (发文机关标志), a 发文字号, 份号 or 密级, not the title
    if any(_red(run.color) for run in pkg.runs_of(t.block)):
        return None  # red: the issuing organ's mark, whatever its wording
    return t.block


def _red(color: str | None) -> bool:
    """A w:color value that prints red (the 发文机关标志 of §7.2.6 is red)."""
    if not color or len(color) != 6:
        return False
    try:
        r, g, b = int(color[:2], 16), int(color[2:4], 16), int(color[4:], 16)
    except ValueError:
        return False
    return r >= 0xC0 and g < 0x60 and b < 0x60


def body_paragraphs(ctx: Context, pkg: Package, min_chars: int) -> list[int]:
    """Blocks judged as body text: not the title, a numbered heading, a table, a text box, residue,
    a 版记 or note line, and a sentence or at least ``2 * min_chars`` Chinese characters long."""
    key = ("body", min_chars)
    if key not in pkg.memo:
        pkg.memo[key] = _body_paragraphs(ctx, pkg, min_chars)
    return pkg.memo[key]  # type: ignore[no-any-return]


def _body_paragraphs(ctx: Context, pkg: Package, min_chars: int) -> list[int]:
    title = _title_index(ctx, pkg)
    headings = _heading_blocks(ctx)
    out = []
    for b in ctx.doc.blocks:
        i = b.index
        if i == title or i in headings or not _judged(ctx, pkg, i) or b.kind in ("title", "heading"):
            continue
        n = cjk_count(b.text)
        if _NOT_BODY.match(b.text) or n < min_chars:
            continue
        if n < 2 * min_chars and not b.text.rstrip().rstrip("”’）)").endswith(tuple(_SENTENCE_END + "：…")):
            continue  # a short line without a sentence end: an unnumbered heading, a caption, a signature
        out.append(i)
    return out


def _spaced(name: str) -> str:
    """A Latin font name set off from the Chinese before it by a space."""
    return f" {name}" if name[:1].isascii() else name


def _describe(face: str | None, size: float | None) -> str:
    parts = []
    if face:
        parts.append(face)
    if size is not None:
        parts.append(size_name(size))
    return "、".join(parts)


def check_body_font(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Resolves the East Asian typeface and size of each body paragraph through Word's chain (direct
    formatting → character style → paragraph style and its basedOn ancestors → docDefaults, theme
    fonts through theme1.xml) and reports, once for the document, the body paragraphs that are not
    3号仿宋 (GB/T 9704-2012 §5.2.2, §7.3.3), naming how many and the most common wrong format.
    Titles, numbered 一、/（一） headings, table cells, text boxes, 版记 and 附件 lines are not body;
    a paragraph whose typeface no level names is left alone.
    ## Parameters
    `size_pt`, `fonts` (the names that count as 仿宋), `min_chars`.
    ## Example
    A report typed in 小四号宋体 → one GB103 naming every body paragraph."""
    pkg = layout(ctx)
    if pkg is None:
        return
    p = rule.params
    want_size, aliases = float(p["size_pt"]), p["fonts"]
    judged, wrong = 0, []
    for i in body_paragraphs(ctx, pkg, int(p["min_chars"])):
        face, size = _face_and_size(pkg, i)
        if size is None:
            continue
        bad_face = face is not None and not matches(face, aliases)
        bad_size = abs(size - want_size) > 0.25
        if face is None and not bad_size:
            continue  # typeface unknown and size right: nothing to say
        judged += 1
        if bad_face or bad_size:
            wrong.append((i, face if bad_face else None, size if bad_size else None))
    if not wrong:
        return
    common, n, _ = _majority(((f, s), 1) for _, f, s in wrong)
    found = _describe(*common)
    found = ("都是" if n == len(wrong) else "多为") + found
    yield _finding(ctx, rule, wrong[0][0], count=len(wrong), total=judged, found=found)


def check_title_font(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports a title that is not 2号小标宋体 centred (GB/T 9704-2012 §7.3.1): its typeface resolved
    through the style chain and theme, its size, its alignment. The issuing organ's mark (…文件, red,
    or 小标宋 larger than 小一), 份号, 密级 and a line holding a 发文字号 are not the title.
    ## Parameters
    `size_pt`, `fonts` (the names that count as 小标宋).
    ## Example
    A title in 黑体 三号, or not centred → GB104."""
    pkg = layout(ctx)
    if pkg is None:
        return
    i = _title_index(ctx, pkg)
    if i is None:
        return
    face, size = _face_and_size(pkg, i)
    if size is None:
        return
    if size > 24.5 and matches(face, rule.params["fonts"]):
        return  # 小标宋 larger than 小一: the issuing organ's mark in black, not a title
    bad_face = face is not None and not matches(face, rule.params["fonts"])
    bad_size = abs(size - float(rule.params["size_pt"])) > 0.25
    found = []
    if bad_face or bad_size:
        found.append("用" + _describe(face if bad_face else None, size if bad_size else None))
    if pkg.styles.para_level(pkg.paragraphs[i]).jc != "center":
        found.append("没有居中")
    if found:
        yield _finding(ctx, rule, i, found="，".join(found))


def check_heading_font(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    Reports, once per level, the numbered headings whose typeface is not the one GB/T 9704-2012
    §7.3.3 gives their level: 一、 headings 黑体, （一） headings 楷体 (judged on the heading's own
    words, up to its first sentence end, so a run-in heading followed by 仿宋 body text counts).
    ## Parameters
    `level1_fonts` (黑体), `level2_fonts` (楷体).
    ## Example
    一、 headings set in bold 仿宋 → one GB105."""
    pkg = layout(ctx)
    if pkg is None:
        return
    wants = {1: ("一级", "黑体", rule.params["level1_fonts"]), 2: ("二级", "楷体", rule.params["level2_fonts"])}
    per_level: dict[int, list[tuple[int, str]]] = {1: [], 2: []}
    totals: Counter[int] = Counter()
    for i, level in sorted(_heading_blocks(ctx).items()):
        if not level or not _judged(ctx, pkg, i):
            continue
        face, _ = _face_and_size(pkg, i, lead_only=True)
        if face is None:
            continue
        totals[level] += 1
        if not matches(face, wants[level][2]):
            per_level[level].append((i, face))
    for level, wrong in per_level.items():
        if not wrong:
            continue
        name, want, _ = wants[level]
        common, n, _ = _majority((f, 1) for _, f in wrong)
        found = ("都是" if n == len(wrong) else "多为") + common
        yield _finding(ctx, rule, wrong[0][0], level=name, want=want, count=len(wrong), total=totals[level],
                       found=found)


# ---------------------------------------------------------------- GB106 line grid

def _body_pitch(ctx: Context, pkg: Package, section: Section, body: list[int], size: float) -> float | None:
    """Line pitch in points of most body paragraphs of ``section``: exact line spacing, or the
    document grid's pitch (times the spacing multiple) when the grid applies and a line of text
    fits one pitch; None when it cannot be known."""
    pitches: Counter[float | None] = Counter()
    for i in body:
        if not section.first <= i <= section.last:
            continue
        pp = pkg.styles.para_level(pkg.paragraphs[i])
        rule, line = pp.line_rule or "auto", pp.line
        if rule == "exact" and line:
            pitches[line / 20] += 1
        elif rule == "auto" and section.grid_type in ("lines", "linesAndChars", "snapToChars") \
                and section.line_pitch and pp.snap is not False:
            pitch = section.line_pitch / 20 * ((line or 240) / 240)
            pitches[pitch if pitch >= 1.3 * size else None] += 1
        else:
            pitches[None] += 1
    if sum(pitches.values()) < 3:
        return None
    pitch, n = pitches.most_common(1)[0]
    return pitch if n * 2 > sum(pitches.values()) else None


def check_line_grid(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    GB/T 9704-2012 §5.2.3: generally 22 lines of 28 characters on a page. From the body's line
    pitch (exact line spacing, or the document grid when the text snaps to it) it counts the lines
    that fit the standard's 版心 height (225 mm), and with a character grid the characters that fit
    its width (156 mm); it reports a section where these are not 22 and 28. Margins are GB102's:
    counting on the standard's 版心 keeps one cause to one finding. Auto line spacing without a
    grid depends on the font's metrics and is left alone.
    ## Parameters
    `lines`, `chars`, `text_width_mm`, `text_height_mm`, `min_chars`.
    ## Example
    Exact line spacing of 30 pt → 21 lines a page → GB106."""
    pkg = layout(ctx)
    if pkg is None:
        return
    p = rule.params
    want_lines, want_chars = int(p["lines"]), int(p["chars"])
    height_pt, width_pt = float(p["text_height_mm"]) / MM_PER_PT, float(p["text_width_mm"]) / MM_PER_PT
    body = body_paragraphs(ctx, pkg, int(p["min_chars"]))
    sizes = [s for s in (_face_and_size(pkg, i)[1] for i in body) if s is not None]
    if not sizes:
        return
    size = Counter(sizes).most_common(1)[0][0]
    normal = pkg.styles.size_pt(pkg.styles.run_level(pkg.styles.default_para, None, None))
    items = []
    for s in pkg.sections:
        if s.landscape:
            continue
        pitch = _body_pitch(ctx, pkg, s, body, size)
        if pitch is None:
            continue
        lines = math.floor(height_pt / pitch + 0.05)
        chars = None
        if s.grid_type in ("linesAndChars", "snapToChars") and s.char_space is not None:
            char_pitch = normal + s.char_space / 4096
            if char_pitch > 1:
                chars = math.floor(width_pt / char_pitch + 0.05)
        problems = []
        if lines != want_lines:
            problems.append(f"行距 {pitch:.2f} 磅，版心内每页只能排 {lines} 行")
        if chars is not None and chars != want_chars:
            problems.append(f"字符网格每行 {chars} 字")
        if problems:
            items.append((s, "default", {"found": "，".join(problems)}))
    yield from _grouped(ctx, rule, items)


# ---------------------------------------------------------------- GB107/GB108 page numbers

def _own(p: Any) -> Iterator[Any]:
    """The elements of paragraph ``p`` itself, in document order: not those of a paragraph nested
    in a text box it anchors, nor of the VML fallback copy of a drawing."""
    return pruned(p, _OWN_SKIP)


_OWN_SKIP = frozenset((W + "p", W + "txbxContent", MC + "Fallback"))


def _is_page(instr: str | None) -> bool:
    """A PAGE field instruction (not PAGEREF, not NUMPAGES)."""
    return bool(re.match(r"\s*PAGE(?![A-Z])", instr or "", re.IGNORECASE))


def _page_paragraphs(root: Any) -> list[Any]:
    """Paragraphs of a footer that hold a PAGE field (simple or complex) of their own."""
    out = []
    for p in root.iter(W + "p"):
        for el in _own(p):
            if (el.tag == W + "fldSimple" and _is_page(el.get(W + "instr"))) or \
                    (el.tag == W + "instrText" and _is_page(el.text)):
                out.append(p)
                break
    return out


def _footer_parts(pkg: Package) -> dict[str, list[str]]:
    """Footer relationship ids in use by type (default, even, first), following Word's rule that a
    section without a footer of a type continues the previous section's."""
    used: dict[str, list[str]] = {"default": [], "even": [], "first": []}
    current: dict[str, str] = {}
    for s in pkg.sections:
        current.update({k: v for k, v in s.footers.items() if k in used})
        for kind, rid in current.items():
            if kind == "first" and not s.title_page:
                continue
            if rid in pkg.footers and rid not in used[kind]:
                used[kind].append(rid)
    return used


def _field_text(p: Any) -> tuple[str, str] | None:
    """The text before and after the PAGE field of paragraph ``p`` (its result left out); a tab
    character in a run reads as ``\t`` (w:tab in w:pPr/w:tabs is a tab stop, not text)."""
    before: list[str] = []
    after: list[str] = []
    state = "before"  # before -> instr -> result -> after; "simple" inside a w:fldSimple PAGE
    for el in _own(p):
        tag = el.tag
        if tag == W + "fldSimple" and _is_page(el.get(W + "instr")):
            state = "simple"
            continue
        if tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            if kind == "begin" and state == "before":
                state = "instr"
            elif kind == "separate" and state == "instr":
                state = "result"
            elif kind == "end" and state in ("instr", "result"):
                state = "after"
            continue
        parent = el.getparent()
        if tag == W + "t":
            text = el.text or ""
        elif tag == W + "tab" and parent is not None and parent.tag == W + "r":
            text = "\t"
        else:
            continue
        if state == "simple" and not any(a.tag == W + "fldSimple" for a in el.iterancestors()):
            state = "after"
        if state == "before":
            before.append(text)
        elif state == "after":
            after.append(text)
    if state == "before":
        return None
    return "".join(before), "".join(after)


def _in_frame_or_box(p: Any) -> bool:
    ppr = p.find(W + "pPr")
    return (ppr is not None and ppr.find(W + "framePr") is not None) or any(
        True for _ in p.iterancestors(W + "txbxContent"))


def _footers(ctx: Context) -> tuple[Package, int, dict[str, list[str]]] | None:
    """The package, the block a page-number finding is anchored at and the footer parts each kind of page
    uses; None for a document whose layout is not read or that has no body to anchor at."""
    pkg = layout(ctx)
    if pkg is None:
        return None
    anchor = _anchor(ctx)
    return None if anchor is None else (pkg, anchor, _footer_parts(pkg))


def check_page_number(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    GB/T 9704-2012 §7.5: page numbers in 4号半角宋体 Arabic digits with a one-em dash (一字线)
    on each side: “— 1 —”. Reports once for the document a page number written otherwise
    (“- 1 -”, “第 1 页”), in another size, or with its digits in another typeface; and a document
    whose footers hold no PAGE field at all.
    ## Parameters
    `size_pt`, `fonts` (the names that count as 宋体).
    ## Example
    A centred “第 1 页 共 3 页” footer → GB107 (and GB108 for its position)."""
    found = _footers(ctx)
    if found is None:
        return
    pkg, anchor, used = found
    paragraphs = [p for kind in ("default", "even", "first") for rid in used[kind]
                  for p in _page_paragraphs(pkg.footers[rid])]
    if not paragraphs:
        in_header = any(_page_paragraphs(root) for root in pkg.headers.values())
        yield _finding(ctx, rule, anchor, key="header" if in_header else "missing")
        return
    problems: list[str] = []
    want_size = float(rule.params["size_pt"])
    for p in paragraphs:
        texts = _field_text(p)
        if texts is not None:
            before, after = texts[0].strip(), texts[1].strip()
            shown = f"{before} 1 {after}".strip()
            if "页" in before + after:
                problems.append(f"写成“{shown}”，应为“— 1 —”")
            elif wrong := [ch for ch in (before[-1:], after[:1]) if ch and ch in _WRONG_DASHES]:
                problems.append(f"两侧的“{wrong[0]}”应为一字线“—”（写成了“{shown}”）")
            elif not before.endswith(tuple(_DASHES)) or not after.startswith(tuple(_DASHES)):
                problems.append(f"写成“{shown}”，两侧缺少一字线，应为“— 1 —”")
        all_runs = list(runs(p, pkg.styles))
        sizes = Counter(r.size for r in all_runs)
        if sizes:
            size = sizes.most_common(1)[0][0]
            if abs(size - want_size) > 0.25:
                problems.append(f"字号为{size_name(size)}，应为四号（{want_size:g} 磅）")
        digit_fonts = Counter(r.ascii for r in all_runs if any(ch.isdigit() for ch in r.text))
        if digit_fonts:
            face = digit_fonts.most_common(1)[0][0]
            if face is not None and not matches(face, rule.params["fonts"]):
                problems.append(f"数字字体为{_spaced(face)}，应为宋体")
    problems = list(dict.fromkeys(problems))
    if problems:
        yield _finding(ctx, rule, anchor, problems="；".join(problems))


def _alignment(pkg: Package, p: Any) -> str | None:
    if _in_frame_or_box(p):
        return None  # placed by a frame or a text box: its position is not the paragraph's
    texts = _field_text(p)
    if texts is None or "\t" in texts[0]:
        return None  # pushed along by tab stops: where it lands depends on them
    jc = pkg.styles.para_level(p).jc or "left"
    return {"start": "left", "end": "right", "both": "left", "distribute": "left"}.get(jc, jc)


def check_page_number_position(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    GB/T 9704-2012 §7.5: odd pages' numbers at the right, even pages' at the left. Reports once
    for the document page numbers centred, or on one side on every page (no “奇偶页不同”), or with
    the sides swapped. A number placed by a frame or a text box is left alone.
    ## Parameters
    None.
    ## Example
    Page numbers centred in the footer → GB108."""
    found = _footers(ctx)
    if found is None:
        return
    pkg, anchor, used = found

    def sides(kind: str) -> set[str | None]:
        return {_alignment(pkg, p) for rid in used[kind] for p in _page_paragraphs(pkg.footers[rid])}

    odd = sides("default")
    if not odd or None in odd:
        return
    even = sides("even") if pkg.even_odd else odd
    if None in even:
        return
    found = []
    if odd != {"right"}:
        found.append("单页码" + _side_name(odd))
    if pkg.even_odd and even and even != {"left"}:
        found.append("双页码" + _side_name(even))
    if pkg.even_odd and not even:
        found.append("设置了“奇偶页不同”，但双页的页脚没有页码")
    if not pkg.even_odd and odd == {"right"}:
        found.append("没有设置“奇偶页不同”，双页码也居右")
    elif not pkg.even_odd:
        found.append("没有设置“奇偶页不同”，双页码同样" + _side_name(odd))
    if found:
        yield _finding(ctx, rule, anchor, found="，".join(found))


def _side_name(sides: set[str | None]) -> str:
    names = {"left": "居左", "right": "居右", "center": "居中"}
    return "、".join(sorted(names.get(s or "", "对齐方式不明") for s in sides))


# ---------------------------------------------------------------- GB109 first-line indent

def _chars(value: tuple[str, int] | None, size: float) -> float:
    if value is None:
        return 0.0
    unit, n = value
    return n / 100 if unit == "chars" else n / (20 * size)


def _leading_space(text: str) -> float | None:
    """Characters of white space typed before the text (an ideographic space is one, an ASCII space
    half); None when a tab leads, whose width depends on tab stops."""
    width = 0.0
    for ch in text:
        if ch == "\u3000":
            width += 1
        elif ch == " ":
            width += 0.5
        elif ch == "\t":
            return None
        else:
            break
    return width


def check_body_indent(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    GB/T 9704-2012 §7.3.3: each paragraph of the body starts two characters in (左空二字) and
    wraps flush left (回行顶格). The first-line indent is resolved through the style chain (a
    ``*Chars`` indent counts in characters, a twips indent in the paragraph's own font size) and
    typed leading spaces count too; reports once for the document the body paragraphs indented
    otherwise. Paragraphs with a left indent, list numbering, a leading tab, or centred or
    right-aligned are left alone.
    ## Parameters
    `chars`, `min_chars`.
    ## Example
    A body typed flush left (顶格) → GB109."""
    pkg = layout(ctx)
    if pkg is None:
        return
    want = float(rule.params["chars"])
    judged, wrong = 0, []
    for i in body_paragraphs(ctx, pkg, int(rule.params["min_chars"])):
        p = pkg.paragraphs[i]
        pp = pkg.styles.para_level(p)
        if pp.numbered or pp.jc in ("center", "right", "end") or ctx.doc.blocks[i].label:
            continue
        _, size = _face_and_size(pkg, i)
        if size is None:
            continue
        if "unknown" in ((pp.first or ("", 0))[0], (pp.left or ("", 0))[0]):
            continue
        if abs(_chars(pp.left, size)) > 0.25:
            continue  # a left indent: a quotation or a block of its own
        spaces = _leading_space("".join(r.text for r in pkg.runs_of(i)))
        if spaces is None:
            continue
        indent = _chars(pp.first, size) + spaces
        judged += 1
        if abs(indent - want) > 0.3:
            wrong.append((i, round(indent * 2) / 2))
    if not wrong:
        return
    common, n, _ = _majority((w, 1) for _, w in wrong)
    shown = "顶格" if common == 0 else (f"缩进 {common:g} 字" if common > 0 else f"悬挂 {-common:g} 字")
    found = ("都是" if n == len(wrong) else "多为") + shown
    yield _finding(ctx, rule, wrong[0][0], count=len(wrong), total=judged, found=found)


# ---------------------------------------------------------------- GB110 text colour

def _colour_name(value: str) -> str:
    """灰色, 红色, 蓝色 … for a w:color hex value, or the value itself."""
    try:
        r, g, b = int(value[:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        return value
    hi, lo = max(r, g, b), min(r, g, b)
    if hi - lo < 24:
        return f"灰色（{value}）"
    name = {0: "红色", 1: "绿色", 2: "蓝色"}[(r, g, b).index(hi)]
    if r > 0xA0 and g > 0xA0 and b < 0x80:
        name = "黄色"
    return f"{name}（{value}）"


def _colour(pkg: Package, index: int) -> str | None:
    """The colour of most of the Chinese characters of paragraph ``index``: None for black or automatic."""
    counts: Counter[str | None] = Counter()
    for run in pkg.runs_of(index):
        n = run.cjk
        if n:
            value = (run.color or "auto").upper()
            counts[None if value in ("AUTO", "000000") or len(value) != 6 else value] += n
    if not counts:
        return None
    value, n = counts.most_common(1)[0]
    return value if n * 2 > sum(counts.values()) else None


def check_text_colour(ctx: Context, rule: Rule) -> Iterator[Finding]:
    """## What it does
    GB/T 9704-2012 §5.2.4: the text is black unless stated otherwise. Reports once for the document
    the body paragraphs and numbered headings most of whose Chinese characters are another colour
    (a red or blue note left in a draft, grey text pasted from a web page), naming how many.
    Black, automatic colour, a hyperlink inside a paragraph and the red issuing organ's mark are fine.
    ## Parameters
    `min_chars`.
    ## Example
    A paragraph left in red from review → GB110."""
    pkg = layout(ctx)
    if pkg is None:
        return
    judged = body_paragraphs(ctx, pkg, int(rule.params["min_chars"]))
    judged = sorted(set(judged) | {i for i, level in _heading_blocks(ctx).items() if level and _judged(ctx, pkg, i)})
    wrong = [(i, c) for i in judged if (c := _colour(pkg, i)) is not None]
    if not wrong:
        return
    common, n, _ = _majority((c, 1) for _, c in wrong)
    found = ("都是" if n == len(wrong) else "多为") + _colour_name(common)
    yield _finding(ctx, rule, wrong[0][0], count=len(wrong), found=found)
