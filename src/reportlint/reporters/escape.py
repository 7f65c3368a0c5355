"""Make document text and file names safe to print: no terminal controls, no bidi tricks."""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe(text: str) -> str:
    """Escape control, bidi and lone-surrogate characters as \\xNN / \\uNNNN."""
    def repl(m: re.Match[str]) -> str:
        ch = m.group()
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(repl, text)


def shown_suggestion(text: str) -> str:
    """A suggestion as a reader sees it after 建议：: quoted when it is only marks (a full-width colon alone would print
    as 建议：：, a dash as 建议：——), as it is otherwise."""
    if text and all(unicodedata.category(ch)[0] in "PSZ" for ch in text):
        return f"“{text}”"
    return text


def is_safe(text: str) -> bool:
    """Whether ``safe`` leaves ``text`` as it is."""
    return _UNSAFE.search(text) is None
