"""The HTML reporter: valid, self-contained, exact highlights, hostile text escaped."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reportlint.cli import main
from reportlint.engine import FileResult, summary
from reportlint.model import Finding
from reportlint.reporters.html import render

HOSTILE = '引言<script>alert("x")</script>及\'单引号\'与"双引号"&amp;，还有XXX未填。'
X = HOSTILE.index("XXX")
VOID = {"meta", "input", "br", "img", "link", "hr", "wbr", "col", "area", "base", "embed", "source", "track"}


class Tree(HTMLParser):
    """Records start tags, checks every element is closed in order, and keeps attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: dict[str, dict[str, str | None]] = {}
        self.text_of: dict[str, str] = {}
        self._capture: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            if a["id"] in self.ids:
                self.errors.append(f"duplicate id {a['id']}")
            self.ids[str(a["id"])] = a
            self.text_of[str(a["id"])] = ""
            if tag not in VOID:
                self._capture.append((str(a["id"]), len(self.stack)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> with {self.stack[-3:]}")
            return
        self.stack.pop()
        self._capture = [(i, depth) for i, depth in self._capture if depth < len(self.stack)]

    def handle_data(self, data: str) -> None:
        for i, _ in self._capture:
            self.text_of[i] += data


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert not tree.errors, tree.errors[:5]
    assert tree.stack == [], tree.stack
    return tree


def finding(rule: str, block: int, start: int, end: int, severity: str = "warning", message: str = "问题",
            suggestion: str | None = None, end_block: int | None = None) -> Finding:
    return Finding(path="a.txt", rule=rule, name="x", severity=severity, message=message, block=block, start=start,
                   end_block=block if end_block is None else end_block, end=end, excerpt="", suggestion=suggestion)


def page_for(results: list[FileResult]) -> str:
    return render(results, {"summary": summary(results), "rules": {}})


def test_page_parses_and_is_self_contained() -> None:
    res = FileResult("a.txt", findings=[finding("B103", 3, X, X + 3, "error")], lines={3: HOSTILE})
    page = page_for([res])
    tree = parse(page)
    for tag, attrs in tree.tags:
        for name in ("src", "href", "action", "srcset", "data"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:|//|ftp:)", value, re.I), (tag, name, value)
    assert not re.search(r"https?://", page)  # not even in the inline CSS or script
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_highlight_covers_exactly_the_finding_characters() -> None:
    text = "一、加强学习，提高XXX水平。"
    start = text.index("XXX")
    res = FileResult("a.txt", findings=[finding("B103", 0, start, start + 3, "error")], lines={0: text})
    tree = parse(page_for([res]))
    mark = tree.ids["m0-0"]
    assert "hl" in str(mark["class"]) and "sev-error" in str(mark["class"])
    assert mark["href"] == "#f0-0"
    assert tree.text_of["m0-0"] == "XXX"
    assert "f0-0" in tree.ids  # the list entry the highlight links to
    assert tree.ids["f0-0"]["data-fam"] == "B"


def test_overlapping_findings_each_get_an_anchor_and_the_severer_colour() -> None:
    text = "甲乙丙丁戊己"
    res = FileResult("a.txt", findings=[finding("T101", 0, 1, 4, "info"), finding("N101", 0, 2, 5, "error")],
                     lines={0: text})
    page = page_for([res])
    tree = parse(page)
    assert tree.text_of["m0-0"] == "乙"  # the part only T101 covers
    spans = [a for tag, a in tree.tags if tag == "a" and "hl" in str(a.get("class"))]
    both = [a for a in spans if a["data-f"] == "f0-0 f0-1" or a["data-f"] == "f0-1 f0-0"]
    assert both and all("sev-error" in str(a["class"]) for a in both)
    assert "m0-1" in tree.ids


def test_hostile_document_text_and_path_are_escaped() -> None:
    res = FileResult('<img src=x onerror=alert(1)>".txt', findings=[finding("B103", 0, X, X + 3, "error",
                     message='<b>"引号"</b>', suggestion="<script>x</script>")], lines={0: HOSTILE})
    page = page_for([res])
    tree = parse(page)
    scripts = [a for tag, a in tree.tags if tag == "script"]
    assert len(scripts) == 1  # only the page's own
    assert not any(tag == "img" for tag, _ in tree.tags)
    assert not any(tag == "b" for tag, _ in tree.tags)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&#x27;单引号&#x27;" in page
    assert "&amp;amp;" in page
    assert all(not k.startswith("on") for _, a in tree.tags for k in a)


def test_controls_and_bidi_overrides_are_made_visible() -> None:
    res = FileResult("a.txt", findings=[finding("T101", 0, 0, 2)], lines={0: "甲\u202e乙\x00丙"})
    page = page_for([res])
    assert "\u202e" not in page and "\x00" not in page
    assert "\\u202e" in page


def test_every_finding_is_listed_without_script_and_counts_shown() -> None:
    findings = [finding("N101", 0, 0, 2, "error"), finding("S101", 0, 0, 0, "warning"),
                finding("X104", 9, 0, 1, "info"), finding("M101", 1, 0, 3, "warning", end_block=2)]
    res = FileResult("a.txt", findings=findings, lines={0: "一、甲乙", 1: "加强管理", 9: "末段"})
    page = page_for([res])
    tree = parse(page)
    listed = [a for tag, a in tree.tags if tag == "li" and "finding" in str(a.get("class"))]
    assert len(listed) == 4
    fams = [a for tag, a in tree.tags if tag == "section" and a.get("data-fam")]
    assert [a["data-fam"] for a in fams] == ["N", "S", "M", "X"]  # the family order of the rulebook
    assert "发现 4 个问题（错误 1，警告 2，提示 1）" in page
    assert "省略 7 段没有问题的文字" in page  # between paragraph 2 and paragraph 10
    assert tree.text_of["m0-3"] == "加强管理"  # a span running into the next block ends with this one
    assert tree.ids["m0-1"]["class"] and "pt" in str(tree.ids["m0-1"]["class"])  # an empty span is a point
    # the filters need the script; without it they stay hidden and nothing is filtered out
    filters = [a for tag, a in tree.tags if tag == "fieldset"]
    assert filters and all("hidden" in a for a in filters)


def test_unreadable_and_skipped_files_are_reported() -> None:
    results = [FileResult("bad.pdf", error={"rule": "X101", "message": "文件已加密"}),
               FileResult("x.bin", skipped="不支持的类型")]
    page = page_for(results)
    parse(page)
    assert "X101" in page and "文件已加密" in page and "已跳过" in page


def test_cli_format_html_shows_rule_explanation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text("关于作风建设的工作总结\n一、主要工作\n（一）加强学习。\n（一）完善<制度>。\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["check", "--no-cache", "--format", "html", "--select", "N101", str(f)])
    out = capsys.readouterr().out
    assert exc.value.code == 1
    tree = parse(out)
    assert tree.text_of["m0-0"] == "（一）"
    assert "为什么：" in out and "建议：" in out
    assert "完善&lt;制度&gt;。" in out


def test_finding_over_several_blocks_marks_each_of_them() -> None:
    lines = {0: "甲乙丙", 1: "丁戊", 2: "己庚辛", 3: "无关"}
    res = FileResult("a.txt", findings=[finding("S101", 0, 1, 2, end_block=2)], lines=lines)
    tree = parse(page_for([res]))
    marks = [a for tag, a in tree.tags if tag == "a" and a.get("data-f") == "f0-0"]
    assert len(marks) == 3 and marks[0].get("id") == "m0-0" and all("id" not in a for a in marks[1:])
    assert tree.text_of["m0-0"] == "乙丙"
    assert tree.text_of["d0-b1"] == "第 2 段丁戊" and tree.text_of["d0-b2"] == "第 3 段己庚辛"
    assert "省略" not in page_for([res])  # every block was given: nothing left out


def test_cli_html_shows_the_whole_document_even_after_a_cached_text_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    f = tmp_path / "a.txt"
    f.write_text("关于作风建设的工作总结\n一、主要工作\n（一）加强学习。\n（一）完善制度。\n", encoding="utf-8")
    for fmt in ("text", "html"):
        with pytest.raises(SystemExit):
            main(["check", "--format", fmt, "--select", "N101", str(f)])
        out = capsys.readouterr().out
    tree = parse(out)
    assert tree.text_of["d0-b0"] == "第 1 段关于作风建设的工作总结"  # a paragraph without findings
    assert tree.text_of["m0-0"] == "（一）"
    assert "省略" not in out


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed (apt-get install chromium)")
def test_chromium_renders_a_non_blank_page(tmp_path: Path) -> None:
    text = "一、加强学习，提高XXX水平。" * 4
    res = FileResult("a.txt", findings=[finding("B103", 0, 9, 12, "error"), finding("T101", 2, 0, 4, "info")],
                     lines={0: text, 2: HOSTILE})
    page = tmp_path / "r.html"
    page.write_text(page_for([res]), encoding="utf-8")
    shot = tmp_path / "shot.png"
    cmd = [str(_chromium()), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1366,768",
           f"--screenshot={shot}", page.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    if not shot.exists():
        pytest.skip(f"chromium could not take a screenshot here: {proc.stderr.decode(errors='replace')[-300:]}")
    width, height, pixels = _png_pixels(shot.read_bytes())
    assert (width, height) == (1366, 768)
    colours = set(pixels[:: max(1, len(pixels) // 20000)])
    assert len(colours) > 10  # text, the highlight colours and the borders, not one flat colour
    # the error highlight's background colour (#fde2e1) appears somewhere
    assert any(abs(r - 0xFD) < 6 and abs(g - 0xE2) < 6 and abs(b - 0xE1) < 6 for r, g, b in set(pixels))


@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed (apt-get install chromium)")
def test_chromium_runs_the_script_filters_appear_and_a_link_selects_its_finding(tmp_path: Path) -> None:
    res = FileResult("a.txt", findings=[finding("B103", 0, 2, 4, "error"), finding("T101", 1, 0, 1, "info")],
                     lines={0: "甲乙丙丁", 1: HOSTILE})
    page = tmp_path / "r.html"
    page.write_text(page_for([res]), encoding="utf-8")
    cmd = [str(_chromium()), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri() + "#f0-1"]
    proc = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    dom = proc.stdout.decode("utf-8", errors="replace")
    if "<body" not in dom:
        pytest.skip(f"chromium could not load the page here: {proc.stderr.decode(errors='replace')[-300:]}")
    tree = parse(dom)
    fieldsets = [a for tag, a in tree.tags if tag == "fieldset"]
    assert fieldsets and all("hidden" not in a for a in fieldsets)  # the script ran and showed the filters
    assert "显示 2 / 2 个问题" in dom
    assert "active" in str(tree.ids["f0-1"]["class"]) and "active" in str(tree.ids["m0-1"]["class"])
    assert re.search(r'id="f0-1"[^>]*>.*?<details open', dom, re.S)  # its explanation is open
    assert sum(1 for tag, _ in tree.tags if tag == "script") == 1  # the document's <script> stayed text


def _png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Decode an 8-bit RGB/RGBA non-interlaced PNG (what chromium writes) with the standard library."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = colour = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    pixels: list[tuple[int, int, int]] = []
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        pixels.extend(tuple(line[x:x + 3]) for x in range(0, stride, bpp))  # type: ignore[misc]
        prev = line
    return width, height, pixels


def _luminance(colour: str) -> float:
    if len(colour) == 4:  # #abc
        colour = "#" + "".join(ch * 2 for ch in colour[1:])
    rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_colours_meet_wcag_aa_contrast() -> None:
    """Every text colour of the page on the backgrounds it is shown on: at least 4.5:1 (WCAG 2 AA)."""
    from reportlint.reporters.html import _CSS
    from reportlint.serve import FORM

    var = dict(re.findall(r"--([\w-]+):(#[0-9a-f]{6}|#[0-9a-f]{3})\b", _CSS))
    pairs = [(var["fg"], var[bg]) for bg in ("bg", "err", "warn", "info")]  # highlighted text
    pairs += [("#ffffff", var[b]) for b in ("err-b", "warn-b", "info-b")]  # severity badges
    pairs += [(var["muted"], "#fafafa"), (var["muted"], var["bg"]), (var["focus"], var["bg"]),
              (var["focus"], "#fafafa"), (var["err-b"], var["bg"])]  # notes, links, point marks
    assert "color:#fff" in _CSS and "background:#fafafa" in _CSS
    pairs += [("#ffffff", "#1a56db"), ("#555555", "#ffffff"), ("#1a1a1a", "#fde2e1")]  # the upload form
    assert "background:#1a56db;color:#fff" in FORM and ".note{color:#555}" in FORM
    low = [(a, b, round(contrast(a, b), 2)) for a, b in pairs if contrast(a, b) < 4.5]
    assert not low, low
