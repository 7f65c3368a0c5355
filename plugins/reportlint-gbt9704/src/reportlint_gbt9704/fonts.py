"""Font names and Chinese type sizes: typefaces are compared by a normalised name, sizes named
the way Word's Chinese font-size box names them."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

# Word's Chinese size names (字号) and their sizes in points (Word's font-size list for Chinese UI;
# GB/T 9704 §3 uses the same names: 3号 = 16 pt, 2号 = 22 pt, 4号 = 14 pt).
SIZE_NAMES = ((42.0, "初号"), (36.0, "小初"), (26.0, "一号"), (24.0, "小一"), (22.0, "二号"), (18.0, "小二"),
              (16.0, "三号"), (15.0, "小三"), (14.0, "四号"), (12.0, "小四"), (10.5, "五号"), (9.0, "小五"),
              (7.5, "六号"), (6.5, "小六"), (5.5, "七号"), (5.0, "八号"))


def size_name(pt: float) -> str:
    """``三号（16 磅）`` for 16, ``13 磅`` for a size without a Chinese name."""
    shown = f"{pt:g} 磅"
    for value, name in SIZE_NAMES:
        if abs(value - pt) < 0.01:
            return f"{name}（{shown}）"
    return shown


@lru_cache(maxsize=512)  # a document names a handful of typefaces, asked about for every paragraph
def normalise(name: str) -> str:
    """仿宋_GB2312, 仿宋 GB2312 and FangSong-GB2312 compare equal: case, spaces, ``_`` and ``-`` dropped."""
    return "".join(ch for ch in name.lower() if ch not in " _-\u3000")


def matches(name: str | None, aliases: Iterable[str]) -> bool:
    if not name:
        return False
    key = normalise(name)
    return any(key == normalise(a) for a in aliases)
