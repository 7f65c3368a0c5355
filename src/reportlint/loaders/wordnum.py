"""Word's automatic list numbering, rendered the way Word displays it.

Reads ``numbering.xml`` (abstract numbering definitions, ``w:num`` instances with
``lvlOverride``/``startOverride``) and keeps the counters while paragraphs are read in
document order. Counters belong to the abstract definition, so two ``w:num`` instances
of one definition continue each other unless an override restarts them; deeper levels
restart when a higher level is used, as ``lvlRestart`` allows; section breaks do not
restart anything (ECMA-376 Part 1 §17.9).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN_DIGITS = "〇一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 23 → 二十三, 105 → 一百零五 (the counting-thousand system)."""
    if n <= 0:
        return "〇"
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    units = [(1000, "千"), (100, "百"), (10, "十")]
    out, zero = "", False
    for size, name in units:
        digit, n = divmod(n, size)
        if digit:
            if zero:
                out += "零"
            out += _CN_DIGITS[digit] + name
            zero = False
        elif out:
            zero = True
    if n:
        if zero:
            out += "零"
        out += _CN_DIGITS[n]
    return out


def _roman(n: int) -> str:
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, sym in table:
        while n >= value:
            out += sym
            n -= value
    return out


def _letter(n: int) -> str:
    # Word repeats the letter: 27 → AA, 28 → BB
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Render ``n`` in a ``w:numFmt`` style."""
    if fmt in ("decimal", "decimalHalfWidth"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) - ord("0") + ord("０")) for c in str(n))
    if fmt == "chineseCounting":
        # Word counts with 十 below one hundred and writes digits one by one above it
        return chinese_number(n) if n < 100 else "".join(_CN_DIGITS[int(c)] for c in str(n))
    if fmt in ("chineseCountingThousand", "taiwaneseCountingThousand", "japaneseCounting"):
        return chinese_number(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: None = default, 0 = never
    suffix: str = "tab"
    legal: bool = False
    style: str | None = None  # pStyle linked to this level


@dataclass(slots=True)
class NumInstance:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


def _val(el: Any, tag: str, default: str | None = None) -> str | None:
    name = W + tag
    for child in el:  # el.find(name): a loop over the few children is faster than lxml's path search
        if child.tag == name:
            return child.get(W + "val", default)
    return default


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _parse_level(el: Any) -> Level:
    restart = el.find(W + "lvlRestart")
    return Level(
        start=_int(_val(el, "start"), 1),
        fmt=_val(el, "numFmt", "decimal") or "decimal",
        text=_val(el, "lvlText", "") or "",
        restart=_int(restart.get(W + "val"), 0) if restart is not None else None,
        suffix=_val(el, "suff", "tab") or "tab",
        legal=el.find(W + "isLgl") is not None,
        style=_val(el, "pStyle"),
    )


_LEVEL_TOKENS = tuple(f"%{k + 1}" for k in range(9))  # the level numbers a label text refers to


class Numbering:
    """The numbering part plus the counters of one pass through the document."""

    def __init__(self, root: Any | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum id -> numStyleLink style id
        self.nums: dict[str, NumInstance] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.used_nums: set[tuple[str, int]] = set()
        if root is None:
            return
        for an in root.iter(W + "abstractNum"):
            aid = an.get(W + "abstractNumId", "")
            self.abstracts[aid] = {_int(lv.get(W + "ilvl"), 0): _parse_level(lv) for lv in an.findall(W + "lvl")}
            link = _val(an, "numStyleLink")
            if link:
                self.style_links[aid] = link
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId", "")
            inst = NumInstance(_val(num, "abstractNumId", "") or "")
            for ov in num.findall(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                so = _val(ov, "startOverride")
                if so is not None:
                    inst.start_overrides[ilvl] = _int(so, 1)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    inst.level_overrides[ilvl] = _parse_level(lvl)
            self.nums[nid] = inst

    def fresh(self) -> Numbering:
        """The same definitions with no counters: a new pass through a document. The definitions
        are read-only once parsed, so they are shared, not copied."""
        out = Numbering(None)
        out.abstracts, out.style_links, out.nums = self.abstracts, self.style_links, self.nums
        return out

    def style_levels(self) -> dict[str, tuple[str, int]]:
        """Styles linked from a level's ``pStyle``: style id → (numId, ilvl)."""
        out: dict[str, tuple[str, int]] = {}
        for nid, inst in self.nums.items():
            for ilvl, lvl in self.abstracts.get(inst.abstract, {}).items():
                if lvl.style and lvl.style not in out:
                    out[lvl.style] = (nid, ilvl)
        return out

    def _abstract_id(self, inst: NumInstance, style_nums: dict[str, str]) -> str:
        """Follow ``numStyleLink`` to the list that the numbering style really uses."""
        aid = inst.abstract
        for _ in range(4):  # such chains are short; the bound guards against loops
            link = self.style_links.get(aid)
            target = self.nums.get(style_nums.get(link, "")) if link else None
            if target is None or target.abstract == aid:
                break
            aid = target.abstract
        return aid

    def _level(self, inst: NumInstance, aid: str, ilvl: int) -> Level:
        return inst.level_overrides.get(ilvl) or self.abstracts.get(aid, {}).get(ilvl) or Level()

    def render(self, num_id: str, ilvl: int, style_nums: dict[str, str] | None = None) -> tuple[str, str]:
        """Advance the counters for a paragraph of list ``num_id`` at ``ilvl`` and return
        (label, separator) as Word shows them. An unknown list gives ("", "")."""
        inst = self.nums.get(num_id)
        if inst is None or num_id == "0":
            return "", ""
        aid = self._abstract_id(inst, style_nums or {})
        levels = self.abstracts.get(aid)
        if levels is None:
            return "", ""
        counters = self.counters.setdefault(aid, {})
        first_use = (num_id, ilvl) not in self.used_nums
        self.used_nums.add((num_id, ilvl))
        level = self._level(inst, aid, ilvl)
        if first_use and ilvl in inst.start_overrides:
            counters[ilvl] = inst.start_overrides[ilvl]
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = level.start
        for deeper in [k for k in counters if k > ilvl]:
            restart = self._level(inst, aid, deeper).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        label = level.text
        for k, token in enumerate(_LEVEL_TOKENS) if "%" in label else ():
            if token in label:
                lv = self._level(inst, aid, k)
                value = counters.get(k, lv.start)
                fmt = "decimal" if level.legal and lv.fmt != "decimalZero" else lv.fmt
                label = label.replace(token, format_number(value, fmt))
        if level.fmt == "bullet":
            return "", ""  # a bullet is no number: leave it out of the text the rules read
        sep = {"tab": "\t", "space": " "}.get(level.suffix, "")
        return label, sep
