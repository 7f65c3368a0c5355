#!/usr/bin/env python3
"""Check the loaders: does the same document give the same findings as .txt, .docx and .pdf?

    python scripts/format_parity.py DIR [--work WORK] [--show 20]

Each .txt of DIR is converted by the office tools a reviewer's documents come from — LibreOffice (``soffice``) to .docx
and to .pdf, and Chromium (``chromium``) printing it as a web page with its header and footer (title, date, address,
page count) — and reportlint checks every version. Findings are matched by rule and excerpt (spaces dropped, as a
PDF's line ends differ); a finding a converted version has and the .txt has not is a loader's to explain (a line the
PDF layout broke apart, a header read as text), as is one it lacks. A converter that is not installed is skipped and
named. Findings inside web markup that only the .txt loader blanks (&emsp;, a YAML header) differ by design; the
layout rules of the GB/T 9704 plugin, which judge a .docx's styles and page setup, are left out (``--ignore``).

The Python that runs this script must have reportlint installed (the project's ``.venv/bin/python``). Exit code 0
always, unless DIR holds no .txt (2).
"""

from __future__ import annotations

import argparse
import collections
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

Key = tuple[str, str]


def convert(sources: list[Path], work: Path) -> dict[str, Path]:
    """The folders of converted versions, by label; each converter that is installed fills one."""
    out: dict[str, Path] = {}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        for label, target in (("docx", "docx:MS Word 2007 XML"), ("pdf", "pdf")):
            folder = work / f"libreoffice-{label}"
            folder.mkdir(parents=True, exist_ok=True)
            subprocess.run([soffice, "--headless", "--convert-to", target, "--outdir", str(folder),
                            *map(str, sources)], capture_output=True, timeout=600)
            out[f"LibreOffice .{label}"] = folder
    else:
        print("LibreOffice (soffice) not installed: its .docx and .pdf are not made", file=sys.stderr)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium:
        pages, folder = work / "html", work / "chromium-pdf"
        pages.mkdir(parents=True, exist_ok=True)
        folder.mkdir(parents=True, exist_ok=True)
        for source in sources:
            lines = [line.strip() for line in source.read_text(encoding="utf-8", errors="replace").splitlines()]
            lines = [line for line in lines if line]
            if not lines:
                continue
            body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
            page = pages / f"{source.stem}.html"
            page.write_text(f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(lines[0][:40])}"
                            "</title><style>body{font-size:16pt;line-height:1.6} p{text-indent:2em;margin:0}"
                            f"</style></head><body><h1>{html.escape(lines[0])}</h1>\n{body}</body></html>",
                            encoding="utf-8")
            subprocess.run([chromium, "--headless", "--disable-gpu", "--no-sandbox",
                            f"--print-to-pdf={folder / (source.stem + '.pdf')}", str(page)],
                           capture_output=True, timeout=120)
        out["Chromium .pdf"] = folder
    else:
        print("Chromium not installed: no printed .pdf is made", file=sys.stderr)
    return out


def findings(folder: Path, ignore: str) -> dict[str, list[dict[str, object]]]:
    """The findings of each file of ``folder``, by file stem, without the rules of ``ignore`` (code prefixes)."""
    run = subprocess.run([sys.executable, "-m", "reportlint", "check", "--no-cache", "--format", "json",
                          *(["--ignore", ignore] if ignore else []), str(folder)], capture_output=True, text=True)
    try:
        files = json.loads(run.stdout)["files"]
    except (ValueError, KeyError):
        sys.exit(f"format_parity: reportlint gave no JSON for {folder}: {run.stderr[-500:]}")
    return {Path(f["path"]).stem: f["findings"] for f in files}


def key(finding: dict[str, object]) -> Key:
    return str(finding["rule"]), re.sub(r"\s+", "", str(finding["excerpt"]))[:30]


def _unmatched(name: str, found: list[dict[str, object]], left: collections.Counter[Key]) -> list[
        tuple[str, dict[str, object]]]:
    """The findings of ``found`` that the other version does not match, ``left`` counting them by key."""
    out = []
    for f in found:
        if left[key(f)] > 0:
            left[key(f)] -= 1
            out.append((name, f))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--work", type=Path, help="keep the converted versions here (default: a temporary folder)")
    ap.add_argument("--show", type=int, default=20, help="differing findings printed per version")
    ap.add_argument("--ignore", default="GB", help="rules left out (code prefixes, comma-separated): by default the "
                    "GB/T 9704 layout plugin's, which only a .docx's styles and page setup can satisfy")
    args = ap.parse_args()
    sources = sorted(args.folder.glob("*.txt"))
    if not sources:
        print(f"format_parity: no .txt in {args.folder}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        versions = convert(sources, work)
        base = findings(args.folder, args.ignore)
        print(f"{len(sources)} documents, {sum(len(v) for v in base.values())} findings as .txt")
        for label, folder in versions.items():
            other = findings(folder, args.ignore)
            added: list[tuple[str, dict[str, object]]] = []
            lost: list[tuple[str, dict[str, object]]] = []
            for name, found in base.items():
                mine, theirs = collections.Counter(map(key, found)), collections.Counter(map(key, other.get(name, [])))
                added += _unmatched(name, other.get(name, []), theirs - mine)
                lost += _unmatched(name, found, mine - theirs)
            print(f"\n{label}: {len(other)} files read; {len(added)} findings the .txt has not, {len(lost)} it lacks")
            for sign, rows in (("+", added), ("-", lost)):
                for name, f in rows[:args.show]:
                    print(f"  {sign} {name} {f['rule']} {str(f['message'])[:60]} | {str(f['excerpt'])[:50]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
