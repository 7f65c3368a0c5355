"""One self-contained HTML page: the paragraphs that findings point at, with each finding's
characters highlighted by severity, and a side list grouped by rule family that filters and
jumps to the place. No network: the CSS and the small script are inline and a
Content-Security-Policy forbids loading anything. Without JavaScript every finding is still
listed, links still jump (``:target`` marks the place) and ``<details>`` still opens.

``reportlint check --format html`` asks the engine for every block's text
(``Settings.full_text``), so the page shows the whole document. Given results that hold only
the blocks findings start in (the default for other formats), it shows those paragraphs in
order and says how many paragraphs lie between them."""

from __future__ import annotations

import html
import re
from typing import Any, TextIO

from .. import __version__
from .escape import safe, shown_suggestion

FAMILIES = {"N": "编号", "S": "结构", "M": "措施", "B": "套话与拼凑", "T": "校对", "X": "提取"}
SEVERITIES = {"error": "错误", "warning": "警告", "info": "提示"}
_RANK = {"error": 0, "warning": 1, "info": 2}


def _e(text: object) -> str:
    """Escape for text and quoted attributes; controls, bidi overrides and lone surrogates are
    shown as \\xNN / \\uNNNN first so nothing can reorder or hide the page's text."""
    return html.escape(safe(str(text)), quote=True)


def family(code: str) -> str:
    letters = "".join(ch for ch in code[:1] if ch.isalpha())
    return letters.upper() if letters.upper() in FAMILIES else "?"


def _family_label(fam: str) -> str:
    return f"{fam} {FAMILIES[fam]}" if fam in FAMILIES else "其他"


class _Item:
    """One finding with its page ids and the part of each shown block it covers."""

    def __init__(self, doc: int, n: int, res: Any, f: Any) -> None:
        self.doc, self.n, self.res, self.f = doc, n, res, f
        self.id = f"f{doc}-{n}"
        self.mark = f"m{doc}-{n}"
        self.fam = family(f.rule)
        self.shown = f.block in res.lines
        self.spans: dict[int, tuple[int, int]] = {}
        last = max(f.end_block, f.block)
        for block in range(f.block, last + 1):
            text = res.lines.get(block)
            if text is None:
                continue
            start = min(max(f.start, 0), len(text)) if block == f.block else 0
            end = f.end if block == last else len(text)
            self.spans[block] = (start, min(max(end, start), len(text)))


def _paragraph(block: int, text: str, items: list[_Item], marked: set[str]) -> str:
    """The block's text cut at every span boundary; each piece covered by findings is a link
    to the most severe of them, classed by its severity, naming all of them. The first piece
    of each finding carries its id (``marked`` remembers which have one)."""
    cover_of = {it.id: it.spans[block] for it in items}
    spans = [it for it in items if cover_of[it.id][1] > cover_of[it.id][0]]
    points = [it for it in items if cover_of[it.id][1] == cover_of[it.id][0]]
    cuts = sorted({0, len(text)} | {cover_of[it.id][0] for it in items} | {cover_of[it.id][1] for it in spans})
    parts: list[str] = []
    for lo, hi in zip(cuts, [*cuts[1:], None], strict=True):
        for it in points:
            if cover_of[it.id][0] == lo and it.mark not in marked:
                marked.add(it.mark)
                parts.append(f'<a class="hl pt sev-{_e(it.f.severity)}" id="{it.mark}" href="#{it.id}" '
                             f'data-f="{it.id}" title="{_e(it.f.rule + " " + it.f.message)}">'
                             f'<span aria-hidden="true">‸</span><span class="sr">{_e(it.f.rule)} 问题位置</span></a>')
        if hi is None:
            break
        piece = text[lo:hi]
        cover = sorted((it for it in spans if cover_of[it.id][0] <= lo and hi <= cover_of[it.id][1]),
                       key=lambda it: (_RANK.get(it.f.severity, 3), it.n))
        if not cover:
            parts.append(_e(piece))
            continue
        top = cover[0]
        ids = " ".join(it.id for it in cover)
        anchor = ""
        new = [it for it in cover if it.mark not in marked]
        if new:
            anchor = f' id="{new[0].mark}"'
            marked.add(new[0].mark)
            for it in new[1:]:  # a finding that starts here too gets an empty anchor of its own
                parts.append(f'<span id="{it.mark}"></span>')
                marked.add(it.mark)
        title = "；".join(f"{it.f.rule} {it.f.message}" for it in cover)
        parts.append(f'<a class="hl sev-{_e(top.f.severity)}"{anchor} href="#{top.id}" data-f="{ids}" '
                     f'title="{_e(title)}">{_e(piece)}</a>')
    return "".join(parts)


def _document(doc: int, res: Any, items: list[_Item]) -> str:
    out = [f'<section class="doc" id="d{doc}" aria-labelledby="d{doc}h">',
           f'<h2 id="d{doc}h">{_e(res.path)}</h2>']
    meta = [f"问题 {len(res.findings)} 个"]
    if res.doctype:
        meta.insert(0, f"文种：{_e(res.doctype)}")
    out.append(f'<p class="meta">{"；".join(meta)}</p>')
    if res.skipped:
        out.append(f'<p class="notice">已跳过：{_e(res.skipped)}</p>')
    if res.error:
        out.append(f'<p class="notice sev-error">{_e(res.error.get("rule", ""))} 无法检查：'
                   f'{_e(res.error.get("message", ""))}</p>')
    by_block: dict[int, list[_Item]] = {}
    for it in items:
        for block in it.spans:
            by_block.setdefault(block, []).append(it)
    marked: set[str] = set()
    previous = -1
    for block in sorted(res.lines):
        text = res.lines[block]
        if not text.strip() and block not in by_block:
            previous = block  # an empty paragraph: nothing to show, nothing left out
            continue
        gap = block - previous - 1
        if gap > 0:  # only the blocks findings point at were kept (every format but html)
            out.append(f'<p class="gap">⋯ 省略 {gap} 段没有问题的文字</p>')
        previous = block
        out.append(f'<div class="para" id="d{doc}-b{block}"><span class="bno">第 {block + 1} 段</span>'
                   f'<p>{_paragraph(block, text, by_block.get(block, []), marked)}</p></div>')
    if not res.findings and not res.error and not res.skipped:
        out.append('<p class="notice">没有发现问题。</p>')
    out.append("</section>")
    return "\n".join(out)


def _finding(it: _Item, rules: dict[str, Any], many_files: bool) -> str:
    f = it.f
    line, column, _, _ = f.where()
    place = f"第 {line} 行第 {column} 字"
    if f.page:
        place += f"（第 {f.page} 页）"
    if many_files:
        place = f"{_e(it.res.path)}：{place}"
    sev = SEVERITIES.get(f.severity, f.severity)
    head = (f'<span class="badge sev-{_e(f.severity)}">{_e(sev)}</span> <code>{_e(f.rule)}</code> '
            f'{_e(f.message)}')
    where = (f'<a class="jump" href="#{it.mark}">{place}</a>' if it.shown
             else f'<span class="jump">{place}（全文）</span>')
    body = []
    if f.excerpt:
        body.append(f'<p><span class="k">原文：</span><q>{_e(f.excerpt)}</q></p>')
    if f.suggestion:
        body.append(f'<p><span class="k">建议：</span>{_e(shown_suggestion(f.suggestion))}</p>')
    rule = rules.get(f.rule)
    if rule is not None:
        body.append(f'<p><span class="k">规则：</span>{_e(rule.code)} {_e(rule.name)}——{_e(rule.summary)}</p>')
        if rule.why:
            body.append(f'<p><span class="k">为什么：</span>{_e(rule.why)}</p>')
    body.append(f'<p class="hint">命令行查看详情：<code>reportlint explain {_e(f.rule)}</code></p>')
    return (f'<li class="finding" id="{it.id}" data-fam="{_e(it.fam)}" data-sev="{_e(f.severity)}" '
            f'data-mark="{it.mark if it.shown else ""}">'
            f'<div class="head">{head}</div><div class="where">{where}</div>'
            f'<details><summary>说明与建议</summary>{"".join(body)}</details></li>')


def _counts(summary: dict[str, Any]) -> str:
    parts = [f"检查 {summary['checked']} 个文件", f"发现 {summary['findings']} 个问题"]
    if summary["by_severity"]:
        parts[-1] += "（" + "，".join(f"{SEVERITIES.get(k, _e(k))} {v}" for k, v in
                                     sorted(summary["by_severity"].items(), key=lambda kv: _RANK.get(kv[0], 3))) + "）"
    if summary["not_checked"]:
        parts.append(f"{summary['not_checked']} 个文件无法检查")
    if summary["skipped"]:
        parts.append(f"跳过 {summary['skipped']} 个")
    return "；".join(parts) + "。"


def render(results: list[Any], options: dict[str, Any]) -> str:
    rules = options.get("rules", {})
    items: list[list[_Item]] = [[_Item(d, n, res, f) for n, f in enumerate(res.findings)]
                                for d, res in enumerate(results)]
    flat = [it for per_doc in items for it in per_doc]
    fams = sorted({it.fam for it in flat}, key=lambda k: (list(FAMILIES).index(k) if k in FAMILIES else 99))
    sevs = sorted({it.f.severity for it in flat}, key=lambda k: _RANK.get(k, 3))
    many = len(results) > 1
    docs = "\n".join(_document(d, res, items[d]) for d, res in enumerate(results))
    filters = []
    for fam in fams:
        n = sum(1 for it in flat if it.fam == fam)
        filters.append(f'<label><input type="checkbox" checked data-filter="fam" value="{_e(fam)}"> '
                       f'{_e(_family_label(fam))}（{n}）</label>')
    sev_filters = []
    for sev in sevs:
        n = sum(1 for it in flat if it.f.severity == sev)
        sev_filters.append(f'<label><input type="checkbox" checked data-filter="sev" value="{_e(sev)}"> '
                           f'<span class="badge sev-{_e(sev)}">{_e(SEVERITIES.get(sev, sev))}</span>（{n}）</label>')
    groups = []
    for fam in fams:
        members = [it for it in flat if it.fam == fam]
        lis = "\n".join(_finding(it, rules, many) for it in members)
        groups.append(f'<section class="fam" data-fam="{_e(fam)}" aria-labelledby="g{_e(fam)}">'
                      f'<h3 id="g{_e(fam)}">{_e(_family_label(fam))}（<span class="n">{len(members)}</span>）</h3>'
                      f'<ol>{lis}</ol></section>')
    if not flat:
        groups.append('<p>没有发现问题。</p>')
    filter_box = ""
    if flat:
        filter_box = (f'<fieldset class="filters" hidden><legend>按类别筛选</legend>{"".join(filters)}</fieldset>'
                      f'<fieldset class="filters" hidden><legend>按级别筛选</legend>{"".join(sev_filters)}</fieldset>'
                      f'<p class="shown" hidden aria-live="polite"></p>')
    values = {"version": _e(__version__), "counts": _counts(options["summary"]), "docs": docs,
              "filters": filter_box,
              "nav": _nav(options),
              "groups": "\n".join(groups), "css": _CSS, "js": _JS}
    # one pass over the template: text from the document is never scanned for placeholders
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], _PAGE)


def _nav(options: dict[str, Any]) -> str:
    """Links of the ``serve`` page: back to the form, and each download (href, label) it offers."""
    links = [f'<a class="download" href="{_e(href)}" download>{_e(label)}</a>' for href, label in
             options.get("downloads", ())]
    if options.get("upload_again"):
        links.append('<a href="/">检查另一个文件</a>')
    return f'<p class="nav">{" ｜ ".join(links)}</p>' if links else ""


def report_html(results: list[Any], out: TextIO, options: dict[str, Any]) -> None:
    out.write(render(results, options))


_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="reportlint {version}">
<title>reportlint 检查报告</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#findings">跳到问题列表</a>
<header>
<h1>reportlint 检查报告</h1>
{nav}<p class="counts">{counts}</p>
<p class="legend">图例：<span class="hl sev-error">错误</span> <span class="hl sev-warning">警告</span>
 <span class="hl sev-info">提示</span>。点标出的文字看问题；点问题的位置跳到原文。</p>
</header>
<div class="layout">
<main id="docs" aria-label="文档原文">
{docs}
</main>
<aside id="findings" aria-label="问题列表" tabindex="-1">
<h2>问题列表</h2>
{filters}
{groups}
</aside>
</div>
<script>{js}</script>
</body>
</html>
"""

_CSS = """
:root{--fg:#1a1a1a;--bg:#fff;--muted:#555;--line:#ccc;--err:#fde2e1;--err-b:#b3261e;
--warn:#fff1c2;--warn-b:#8a5a00;--info:#dcecfb;--info-b:#0b57a4;--focus:#1a56db}
*{box-sizing:border-box}
body{margin:0;font:16px/1.7 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
color:var(--fg);background:var(--bg)}
header{padding:.5rem 1rem;border-bottom:1px solid var(--line)}
h1{font-size:1.25rem;margin:.2rem 0}
h2{font-size:1.05rem;margin:.6rem 0;word-break:break-all}
h3{font-size:1rem;margin:.8rem 0 .3rem}
.counts,.legend{margin:.2rem 0}
.legend{color:var(--muted);font-size:.9rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(20rem,26rem);height:calc(100vh - 7.5rem);
min-height:24rem}
main,aside{overflow:auto;padding:0 1rem 2rem}
aside{border-left:1px solid var(--line);background:#fafafa}
.doc{margin-bottom:2rem}
.meta{color:var(--muted);margin:0 0 .5rem}
.para{display:flex;gap:.75rem;border-top:1px dotted var(--line);padding:.35rem 0}
.para p{margin:0;white-space:pre-wrap;word-break:break-word;flex:1}
.bno{flex:0 0 5.5em;color:var(--muted);font-size:.85rem;padding-top:.15rem}
.gap{color:var(--muted);font-size:.85rem;margin:.25rem 0}
.notice{padding:.4rem .6rem;border:1px solid var(--line);background:#f4f4f4}
.hl{color:inherit;text-decoration:none;border-bottom:3px solid;border-radius:2px;padding:0 1px}
.hl.sev-error{background:var(--err);border-color:var(--err-b)}
.hl.sev-warning{background:var(--warn);border-color:var(--warn-b);border-bottom-style:dashed}
.hl.sev-info{background:var(--info);border-color:var(--info-b);border-bottom-style:dotted}
.hl.pt{font-weight:bold;color:var(--err-b)}
.hl.off{background:none;border-color:transparent}
.hl:target,.hl.active{outline:3px solid var(--focus);outline-offset:1px}
a:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.filters{border:1px solid var(--line);margin:.4rem 0;padding:.3rem .6rem}
.filters label{display:inline-block;margin:.1rem .8rem .1rem 0;cursor:pointer}
.fam ol{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-radius:4px;background:#fff;margin:.4rem 0;padding:.4rem .5rem}
.finding:target,.finding.active{border-color:var(--focus);box-shadow:0 0 0 2px var(--focus)}
.finding .where{font-size:.85rem}
.finding details p{margin:.3rem 0}
.finding summary{cursor:pointer;color:var(--focus);font-size:.9rem}
.badge{display:inline-block;font-size:.8rem;padding:0 .35rem;border-radius:3px;color:#fff}
.badge.sev-error{background:var(--err-b)}.badge.sev-warning{background:var(--warn-b)}
.badge.sev-info{background:var(--info-b)}
.k{font-weight:bold}
.hint{color:var(--muted);font-size:.85rem}
.shown{color:var(--muted);font-size:.9rem;margin:.2rem 0}
a{color:var(--focus)}
code{font-family:ui-monospace,monospace}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.3rem;z-index:2}
[hidden]{display:none!important}
@media (max-width:900px){.layout{display:block;height:auto}aside{border-left:0;border-top:1px solid var(--line)}}
@media print{.layout{display:block;height:auto}main,aside{overflow:visible}.filters{display:none}}
"""

_JS = """
(function(){
  "use strict";
  var list = document.getElementById("findings");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var shown = document.querySelector(".shown");
  Array.prototype.forEach.call(document.querySelectorAll(".filters, .shown"), function(el){ el.hidden = false; });
  function active(kind){
    var on = {};
    boxes.forEach(function(b){ if (b.dataset.filter === kind && b.checked) on[b.value] = true; });
    return on;
  }
  function apply(){
    var fams = active("fam"), sevs = active("sev"), visible = {}, count = 0, total = 0;
    Array.prototype.forEach.call(list.querySelectorAll(".finding"), function(li){
      var ok = !!fams[li.dataset.fam] && !!sevs[li.dataset.sev];
      li.hidden = !ok; total++;
      if (ok) { visible[li.id] = true; count++; }
    });
    Array.prototype.forEach.call(list.querySelectorAll(".fam"), function(sec){
      var n = sec.querySelectorAll(".finding:not([hidden])").length;
      sec.hidden = n === 0;
      sec.querySelector(".n").textContent = n;
    });
    Array.prototype.forEach.call(document.querySelectorAll("#docs .hl"), function(a){
      var ids = a.dataset.f.split(" "), keep = ids.filter(function(id){ return visible[id]; });
      a.classList.toggle("off", keep.length === 0);
      if (keep.length) a.setAttribute("href", "#" + keep[0]);
    });
    if (shown) shown.textContent = "显示 " + count + " / " + total + " 个问题";
  }
  boxes.forEach(function(b){ b.addEventListener("change", apply); });
  function select(){
    Array.prototype.forEach.call(document.querySelectorAll(".active"), function(el){ el.classList.remove("active"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^[fm]\\d+-\\d+$/.test(id)) return;  // a finding or its mark; "#findings" (skip link) is left alone
    var el = document.getElementById(id);
    if (!el) return;
    var li = el.classList.contains("finding") ? el : document.getElementById("f" + id.slice(1));
    var mark = li && li.dataset.mark ? document.getElementById(li.dataset.mark) : null;
    if (li) {
      li.classList.add("active");
      var d = li.querySelector("details"); if (d && el === li) d.open = true;
      li.scrollIntoView({block: "nearest"});
    }
    if (mark) { mark.classList.add("active"); mark.scrollIntoView({block: "center"}); }
    if (el === li && li) { var s = li.querySelector("summary"); if (s) s.focus({preventScroll: true}); }
  }
  window.addEventListener("hashchange", select);
  apply(); select();
})();
"""
