#!/usr/bin/env python3
"""Look for rule patterns that backtrack without end (catastrophic backtracking) on hostile lines.

    python scripts/audit_patterns.py [RULES_DIR ...] [--limit SECONDS]

Every string of the rule data (``rules/*.toml`` by default, or the folders given: a team's own rule files) that
compiles as a regular expression is searched in a set of lines built from its own words: its Chinese literals
repeated and shuffled without separators, one character repeated, office names run together, spaces. A pattern
whose search takes longer than ``--limit`` seconds (0.5) on one of them is printed with the line, and the exit code
is 1. A pattern of nested repeats whose parts can cut the same text in many ways — ``(?:[一-龥]{1,15}?局)+`` inside
another repeat — is what this finds: a line of 300 characters that almost matches costs it minutes. The fix is to
let each part read the text one way only (the characters before a name's ending may not be an ending).

A check run by ``reportlint check`` stops at the file's time limit anyway (X101); this is for the writer of the
pattern, before a user meets it. It uses an alarm signal, so it runs on Unix only. Nothing here is a test: times
depend on the machine.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import signal
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

_REGEX_MARKS = frozenset("()[]*+?{}|\\")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


class _Slow(BaseException):
    """Raised by the alarm when a search runs past the limit."""


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def patterns(folders: list[Path]) -> dict[str, Path]:
    """Each string of the rule files that looks like a regular expression and compiles, with its file."""
    found: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*.toml")):
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                print(f"{path}: cannot read: {exc}", file=sys.stderr)
                continue
            for text in _strings(data):
                if _REGEX_MARKS.intersection(text) and text not in found:
                    try:
                        re.compile(text)
                    except re.error:
                        continue
                    found[text] = path
    return found


def hostile_lines(pattern: str, length: int = 300) -> list[str]:
    """Lines that almost match: the pattern's own Chinese words and characters run together, ending in a character
    no pattern expects."""
    rng = random.Random(pattern)
    words = _HAN_RUN.findall(pattern) or ["一"]
    chars = sorted(set("".join(words)))
    end = "\x01"
    return [
        "".join(itertools.islice(itertools.cycle(chars), length)) + end,
        "".join(rng.choice(chars) for _ in range(length)) + end,
        "".join(rng.choice(words) for _ in range(length))[:length] + end,
        chars[0] * length + end,
        "县教育局检察院" * (length // 7) + end,
        "县教育局、" * (length // 5) + end,
        " " * length + end,
    ]


def slow_patterns(found: dict[str, Path], limit: float) -> Iterator[tuple[str, Path, str]]:
    def ring(signum: int, frame: object) -> None:
        raise _Slow

    previous = signal.signal(signal.SIGALRM, ring)
    try:
        for pattern, path in found.items():
            compiled = re.compile(pattern)
            for line in hostile_lines(pattern):
                signal.setitimer(signal.ITIMER_REAL, limit)
                try:
                    compiled.search(line)
                except _Slow:
                    yield pattern, path, line
                    break
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[Path(__file__).resolve().parent.parent / "rules"])
    ap.add_argument("--limit", type=float, default=0.5, help="seconds a search may take on one line")
    args = ap.parse_args()
    if not hasattr(signal, "setitimer"):
        print("this audit needs an alarm signal (Unix)", file=sys.stderr)
        return 2
    found = patterns(args.folders)
    slow = list(slow_patterns(found, args.limit))
    for pattern, path, line in slow:
        print(f"{path}: slow on a line like {line[:24]!r}…: {pattern}")
    print(f"{len(found)} patterns searched, {len(slow)} slow (over {args.limit:g} s on one line)")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
