"""Stated durations tied to the dates given for them: “为期两年（2026—2027年）”.

A plan or a project states how long it runs and, in the same sentence, from when to when. This
module finds the pairs the sentence itself ties together — the range in brackets right after the
duration, after “即”, or as “自…至…” right before or after it — and says how long the range is.
Anything looser (a duration and a range in separate clauses, an approximate “近三年”, “一年半”, a
range in days) is left alone: the caller reports only what is sure.

Counting: a month range counts both end months (2026年1月—2026年12月 is 12 months), but a drafter
who counts the months between them (2026年1月—2027年1月 as 12 months) is not wrong either, so both
readings are accepted. Year ranges likewise (2021—2023年 is three years; two is accepted too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .outline import CN_NUM, cn_value

# words that introduce a length of time in plans, contracts and project documents (为期三年、
# 工期为18个月、实施期两年、共计24个月); “近”“约”“多” make the figure approximate and are excluded.
# A plan not yet approved hedges the term it proposes (周期初步为12个月, 工期暂定18个月, 建设期预计为两年): the
# figure is still the one the plan gives, and its dates must fit it
_HEDGE = r"(?:初步|暂定|预计|计划|拟定?|原则上)?"
_KEY = (rf"(?:为期|历时|(?:周期|期限|工期|建设期|实施期|规划期|服务期){_HEDGE}(?:定?为)?|(?:时间|时长){_HEDGE}为"
        r"|共计|共)")
_NUM = rf"(?<![\d.．])(?P<num>\d{{1,2}}|[{CN_NUM}两]{{1,3}})"
_UNIT = r"(?P<unit>个月|年)(?![半多余以内底末度级前后间龄份代初中])"
# 用三年时间（…）完成: the common way a plan states the time it gives itself
_DURATION = rf"(?P<claim>(?:{_KEY}|用){_NUM}{_UNIT}(?:的?时间)?)"

_YEAR = r"(?:19|20)\d{2}"
# 2026年4—6月 leaves out the first 月; a notice's 6月至8月 leaves out the year (the same year both ends)
_START = (rf"(?:(?P<y1>{_YEAR})(?:年(?:(?P<m1>\d{{1,2}})(?:月(?:(?P<d1>\d{{1,2}})日)?)?)?)?"
          rf"|(?<![\d年])(?P<m0>\d{{1,2}})月(?:(?P<d0>\d{{1,2}})日)?)")
_SEP = r"\s*(?:—{1,2}|–|-|－|~|～|起?至|起?到)\s*"
_END = rf"(?:(?P<y2>{_YEAR})年?)?(?:(?P<m2>\d{{1,2}})月(?:(?P<d2>\d{{1,2}})日)?|(?P<eoy>底|末))?(?![\d月日])"
_RANGE = rf"(?P<range>{_START}{_SEP}{_END})"

# what every tied pair holds: a duration word, a number and a unit (without the look-arounds):
# a text without one has no pair, and most paragraphs are skipped by this one search
CLAIM_CORE = re.compile(rf"(?:{_KEY}|用)(?:\d{{1,2}}|[{CN_NUM}两]{{1,3}})(?:个月|年)")

_TIED = [
    # 为期两年（2026—2027年） / 周期为12个月，即2026年1月—2026年12月 / 为期12个月，自2026年1月至2026年12月
    re.compile(rf"{_DURATION}\s*(?:[（(]\s*(?:自|从)?|[，,]?\s*即\s*(?:自|从)?|[，,]\s*(?:自|从)){_RANGE}"),
    # 自2026年1月至2026年12月，为期12个月 — the duration closes its clause: in “…，共12个月达标” the
    # months are a count of months, not the length of the range
    re.compile(rf"(?:自|从){_RANGE}止?\s*[，,]?\s*{_DURATION}(?=\s*(?:[，。；,;：:）)]|$))"),
]


@dataclass(repr=False)
class Mismatch:
    """A stated duration (``claim``) that the tied ``range`` does not fit; ``start:end`` spans both."""

    start: int
    end: int
    claim: str
    range: str
    actual: str


def _number(text: str) -> int | None:
    if text.isdecimal():
        return int(text)
    return cn_value(text.replace("两", "二"))


def _accepted(m: re.Match[str]) -> tuple[set[int], int, bool] | None:
    """Month counts the range may mean, the count to show and whether it is exact; None when unsure."""
    if m["y1"] is None:  # 6月至8月: one year, no year given at the end either
        if m["y2"] or m["eoy"]:
            return None
        y1 = y2 = 0
        m1_text, d1_text = m["m0"], m["d0"]
    else:
        y1, y2 = int(m["y1"]), int(m["y2"] or m["y1"])
        m1_text, d1_text = m["m1"], m["d1"]
    if m1_text is None:
        if m["y2"] is None or m["m2"] or m["eoy"]:
            return None
        years = y2 - y1 + 1
        if not 2 <= years <= 30:
            return None
        return {years * 12, (years - 1) * 12}, years * 12, True
    m1 = int(m1_text)
    m2 = 12 if m["eoy"] and m["y2"] else int(m["m2"]) if m["m2"] else None
    if m2 is None or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    between = (y2 - y1) * 12 + m2 - m1
    if between < 0 or between > 360:
        return None
    if d1_text or m["d2"]:
        if not (d1_text and m["d2"]):
            return None
        whole = int(d1_text) == 1 and int(m["d2"]) >= 28  # 1日 to the month's last day
        return {between, between + 1}, between + 1 if whole else between, whole
    return {between, between + 1}, between + 1, True


def mismatches(text: str) -> Iterator[Mismatch]:
    """Durations in ``text`` that disagree with the date range the sentence ties them to."""
    if not CLAIM_CORE.search(text):
        return
    seen: set[int] = set()
    for pattern in _TIED:
        for m in pattern.finditer(text):
            if m.start("claim") in seen:
                continue
            stated, unit = _number(m["num"]), m["unit"]
            if not stated:
                continue
            found = _accepted(m)
            if found is None:
                continue
            accepted, shown, exact = found
            if unit == "个月" and m["m1"] is None and m["m0"] is None:
                continue  # months against whole years: the exact months are unknown
            months = stated * 12 if unit == "年" else stated
            seen.add(m.start("claim"))
            if months not in accepted:
                figure = f"{shown // 12}年" if unit == "年" and shown % 12 == 0 else f"{shown}个月"
                # the finding covers both sides of the disagreement, the duration and its dates, in the order written
                start = min(m.start("claim"), m.start("range") + len(m["range"]) - len(m["range"].lstrip()))
                end = max(m.end("claim"), m.start("range") + len(m["range"].rstrip()))
                yield Mismatch(start, end, m["claim"], m["range"].strip(),
                               figure if exact else f"约{figure}")
