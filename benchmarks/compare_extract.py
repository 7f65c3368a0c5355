"""``reportlint extract`` of two checkouts, file by file: the proof that a loader change
(the PDF glyph device, a faster parser) left the blocks the rules see as they were.

    python benchmarks/compare_extract.py OLD_SRC NEW_SRC FILE_OR_FOLDER...

OLD_SRC and NEW_SRC are the ``src`` folders of two checkouts (``git worktree add --detach
/tmp/old main``, then ``/tmp/old/src``); each is run as ``python -m reportlint extract`` with
that folder first on PYTHONPATH, with both the paragraph listing and the JSON form (pages,
styles, furniture). Prints one line per file that differs with the first differing line, and
a summary; exit code 0 when every file gave identical output, 1 otherwise.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

SUFFIXES = (".pdf", ".docx", ".txt", ".md")


def files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out += sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES) if p.is_dir() else [p]
    return out


def extract(src: str, path: Path, fmt: str) -> str:
    env = {**os.environ, "PYTHONPATH": src}
    proc = subprocess.run([sys.executable, "-m", "reportlint", "extract", "--format", fmt, str(path)],
                          capture_output=True, text=True, env=env)
    return f"exit {proc.returncode}\n{proc.stdout}{proc.stderr}"


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    old, new = sys.argv[1], sys.argv[2]
    same = differ = 0
    for path in files(sys.argv[3:]):
        for fmt in ("text", "json"):
            a, b = extract(old, path, fmt), extract(new, path, fmt)
            if a != b:
                first = next((line for line in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
                              if line[:1] in "+-" and line[:3] not in ("---", "+++")), "")
                print(f"DIFFERS ({fmt}) {path}: {first[:160]}")
                differ += 1
                break
        else:
            same += 1
    print(f"{same} file(s) identical, {differ} different")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
