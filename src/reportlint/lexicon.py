"""The word and character tables of the proofreading rules, loaded on first use and cached.

Words and frequencies come from jieba's own ``dict.txt`` (jieba is a dependency already; its
idioms are tagged ``i``/``l``), plus the 公文 phrases of ``rules/dict/gongwen.txt`` and the
political terms of ``rules/dict/gov.txt``. Character similarity comes from
``rules/dict/charsim.json`` (built by ``scripts/build_charsim.py``: shapes from the cjk-decomp
decomposition data, sounds from pypinyin). Nothing is downloaded. The derived tables are kept
in reportlint's cache folder as one ``marshal`` file (a format that cannot run code), rebuilt
when jieba's dictionary, the phrase lists or this module's format change.
"""

from __future__ import annotations

import json
import marshal
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

FORMAT = 9  # bump when the derived tables change shape
COVER_MIN = 5  # a word this frequent or more counts as a word of the text (jieba's 3 marks many noise entries)
TARGET_MIN = {2: 50, 3: 20, 4: 10}  # how frequent a word must be to be offered as a correction
IDIOM_TAGS = ("i", "l")
PHRASE_FREQ = 1000  # frequency given to the curated phrases


@dataclass(frozen=True, slots=True)
class Lexicon:
    freq: dict[str, int]  # words of 2–4 characters (and longer phrases) → frequency
    masked: dict[str, str]  # a target word with one character masked ("?于") → the words, space-separated
    dropped: dict[str, str]  # a fixed phrase with one character missing → the phrase
    phrases: frozenset[str]  # idioms and curated phrases (their matches weigh more)
    shape: dict[str, str]  # character → its shape signatures, space-separated
    sound: dict[str, str]  # character → its toneless readings, space-separated
    single: dict[str, int]  # single characters → frequency as a word
    follow: dict[str, str]  # character → the characters that follow it inside some word of the dictionary

    starts: dict[str, str]  # character → the characters after it that begin a word of 3–4 characters
    dropped_heads: frozenset[str]  # the first three characters of the phrases with one character missing

    def paired(self, pair: str) -> bool:
        """Whether these two characters stand side by side in some dictionary word."""
        return len(pair) == 2 and pair[1] in self.follow.get(pair[0], "")

    def similar(self, a: str, b: str) -> str | None:
        """"形近", "音近" or None."""
        sb = self.shape.get(b)
        if sb and any(sig in sb.split() for sig in self.shape.get(a, "").split()):
            return "形近"
        pb = self.sound.get(b)
        if pb and any(p in pb.split() for p in self.sound.get(a, "").split()):
            return "音近"
        return None


def _dict_dir() -> Path:
    from .rulebook import builtin_rules_dir

    return builtin_rules_dir() / "dict"


def _jieba_dict() -> Path | None:
    spec = find_spec("jieba")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).with_name("dict.txt")
    return path if path.is_file() else None


def _read_phrases(path: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    with suppress(OSError, UnicodeDecodeError):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if not parts or line.startswith("#"):
                continue
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else PHRASE_FREQ
            out[parts[0]] = freq
    return out


def _build(jieba_dict: Path | None, dict_dir: Path) -> Lexicon:
    freq: dict[str, int] = {}
    single: dict[str, int] = {}
    idioms: set[str] = set()
    bigrams: set[str] = set()
    lines: list[str] = []
    if jieba_dict is not None:
        with suppress(OSError, UnicodeDecodeError):
            lines = jieba_dict.read_text(encoding="utf-8").splitlines()
    for line in lines:
        parts = line.split()
        if len(parts) < 2 or not parts[1].isdigit():
            continue
        word, f = parts[0], int(parts[1])
        tag = parts[2] if len(parts) > 2 else ""
        for k in range(len(word) - 1):
            bigrams.add(word[k:k + 2])
        if len(word) == 1:
            single[word] = f
        elif f >= COVER_MIN or tag in IDIOM_TAGS:
            freq[word] = f
            if tag in IDIOM_TAGS and len(word) >= 4:
                idioms.add(word)
    curated = _read_phrases(dict_dir / "gongwen.txt")
    for word, f in _read_phrases(dict_dir / "gov.txt").items():
        curated.setdefault(word, f)
    for word, f in curated.items():
        freq[word] = max(freq.get(word, 0), f)
        bigrams.update(word[k:k + 2] for k in range(len(word) - 1))
    masked: dict[str, list[str]] = {}
    for word, f in freq.items():
        n = len(word)
        if word in curated or (n in TARGET_MIN and f >= TARGET_MIN[n]) or (word in idioms and f >= TARGET_MIN[4]):
            if n > 6:
                continue
            for i in range(n):
                masked.setdefault(word[:i] + "?" + word[i + 1:], []).append(word)
    # a phrase of 5 or more characters with one missing: 扶再贷款 (扶贫再贷款), 准化建设 (标准化建设). Its
    # last character only counts before a punctuation mark (受理渠。): 公务用 goes on as 公务用房. Shorter
    # phrases are left out: 行有效, 与不同, 化改革 are the ordinary text of 进行有效, 与不同部门, 市场化改革.
    dropped: dict[str, str] = {}
    for word in set(curated) | idioms:
        if len(word) >= 4 and (word in curated or freq[word] >= 30):
            dropped.setdefault(word[:-1] + "$", word)
            if len(word) >= 5:
                for i in range(len(word) - 1):
                    dropped.setdefault(word[:i] + word[i + 1:], word)
    dropped = {k: v for k, v in dropped.items() if k.rstrip("$") not in freq}
    table: dict[str, dict[str, str]] = {}
    with suppress(OSError, UnicodeDecodeError, ValueError):
        loaded = json.loads((dict_dir / "charsim.json").read_text(encoding="utf-8"))
        if isinstance(loaded, dict):
            table = {k: v for k, v in loaded.items() if isinstance(v, dict)}
    return Lexicon(
        freq=freq,
        masked={k: " ".join(v) for k, v in masked.items()},
        dropped=dropped,
        phrases=frozenset(idioms | set(curated)),
        shape=dict(table.get("shape", {})),
        sound=dict(table.get("sound", {})),
        single=single,
        follow=_follow(bigrams),
        starts=_follow({w[:2] for w in freq if len(w) >= 3}),
        dropped_heads=frozenset(w[:3] for w in dropped),
    )


def _follow(bigrams: set[str]) -> dict[str, str]:
    """The pairs as one string of following characters per character: thousands of strings
    load from the cache in a few milliseconds, a set of 300,000 pairs in a tenth of a second."""
    grouped: dict[str, set[str]] = {}
    for pair in bigrams:
        grouped.setdefault(pair[0], set()).add(pair[1])
    return {first: "".join(sorted(rest)) for first, rest in grouped.items()}


def _stamp(jieba_dict: Path | None, dict_dir: Path) -> str:
    from .store import sha256

    h = sha256(f"{FORMAT}".encode())
    if jieba_dict is not None:
        st = jieba_dict.stat()
        h.update(f"{st.st_size}-{st.st_mtime_ns}".encode())
    for name in ("gongwen.txt", "gov.txt", "charsim.json"):
        with suppress(OSError):
            h.update((dict_dir / name).read_bytes())
    return str(h.hexdigest()[:16])


def _valid(data: object) -> bool:
    return (isinstance(data, tuple) and len(data) == 10 and all(isinstance(x, dict) for x in data[:3] + data[4:9])
            and isinstance(data[3], frozenset) and isinstance(data[9], frozenset))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The tables, built once and then read from the cache folder."""
    from .store import cache_dir, write_atomic

    jieba_dict, dict_dir = _jieba_dict(), _dict_dir()
    cache = cache_dir() / f"lexicon-{_stamp(jieba_dict, dict_dir)}.marshal"
    with suppress(OSError, ValueError, EOFError, TypeError):
        data = marshal.loads(cache.read_bytes())
        if _valid(data):
            return Lexicon(*data)
    lex = _build(jieba_dict, dict_dir)
    with suppress(OSError):
        for old in cache.parent.glob("lexicon-*.marshal"):  # tables of an older jieba or rule data
            old.unlink()
    with suppress(OSError, ValueError):
        write_atomic(cache, marshal.dumps((lex.freq, lex.masked, lex.dropped, lex.phrases, lex.shape, lex.sound,
                                           lex.single, lex.follow, lex.starts,
                                           lex.dropped_heads)))
    return lex


def loaded() -> bool:
    """Whether the tables have been loaded in this process (for tests and benchmarks)."""
    return lexicon.cache_info().currsize > 0
