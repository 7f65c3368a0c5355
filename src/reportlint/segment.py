"""Word segmentation with part-of-speech tags, behind one small interface and loaded lazily.

jieba is the default the project card asks for; rjieba (jieba's dictionary in Rust,
``pip install reportlint[fast]``) is used instead when it is installed, or chosen with
``REPORTLINT_SEGMENTER=jieba|rjieba``. Both load the government-terms user dictionary in
``rules/dict/gov.txt`` so that formulas such as 三严三实 and 两个维护 stay single words
and their numerals are not taken for quantities. jieba's tables are cached in reportlint's
cache directory after the first load (``_jieba_tables``), sealed and checked when read back.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

Tagger = Callable[[str], list[tuple[str, str]]]


def _user_words() -> list[tuple[str, int, str]]:
    from .rulebook import builtin_rules_dir

    path = builtin_rules_dir() / "dict" / "gov.txt"
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and not line.startswith("#"):
            words.append((parts[0], int(parts[1]), parts[2]))
    return words


def _rjieba() -> Tagger:
    import rjieba

    for word, freq, tag in _user_words():
        rjieba.add_word(word, freq, tag)
    return lambda text: [(w, t) for w, t in rjieba.tag(text)]


def _jieba() -> Tagger:
    import logging
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba's _compat imports pkg_resources
        import jieba
        import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    freq, total, tags = _jieba_tables(jieba, tokenizer)
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)  # tables already read
    tagger.tokenizer, tagger.word_tag_tab = tokenizer, tags
    words = _user_words()
    for word, freq_, tag in words:
        tokenizer.add_word(word, freq_, tag)
    tagger.word_tag_tab.update({w: t for w, _, t in words})
    return lambda text: [(p.word, p.flag) for p in tagger.cut(text)]


def _jieba_tables(jieba: Any, tokenizer: Any) -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's prefix dictionary, its total and its word → tag table. jieba builds the first
    two from dict.txt (or its own cache, 0.5 s to read, written wherever it can and with a
    traceback when it cannot) and ``POSTokenizer`` reads dict.txt again for the tags (0.2 s).
    Here the three are built from dict.txt without jieba's cache and kept as one sealed
    marshal of plain data in reportlint's cache folder, checked when read back."""
    import marshal

    from .store import cache_root, read_entry, write_entry

    dictionary = Path(jieba.__file__).with_name("dict.txt")
    try:
        st = dictionary.stat()
        stamp = f"{jieba.__version__}-{st.st_size}-{st.st_mtime_ns}"
    except OSError:
        stamp = jieba.__version__
    root = cache_root()
    cache = root / f"jieba-{stamp}.marshal" if root is not None else None
    payload = read_entry(cache, _JIEBA_KIND) if cache is not None else None
    if payload is not None:
        try:
            freq, total, tags = marshal.loads(payload)
            if _tables_ok(freq, total, tags):
                return freq, total, tags
        except (ValueError, EOFError, TypeError):
            pass
    with tokenizer.get_dict_file() as fh:
        freq, total = tokenizer.gen_pfdict(fh)
    tags = dict(jieba.posseg.POSTokenizer(tokenizer).word_tag_tab)
    if cache is not None:
        write_entry(cache, _JIEBA_KIND, marshal.dumps((freq, total, tags)))
    return freq, total, tags


_JIEBA_KIND = "jieba"


def _tables_ok(freq: Any, total: Any, tags: Any) -> bool:
    """The shapes jieba's tables have: word → count, an int, word → tag. The values are what
    jieba computes with and returns, so their types are checked (in C-speed passes)."""
    return (type(freq) is dict and type(total) is int and type(tags) is dict
            and set(map(type, freq.values())) <= {int} and set(map(type, tags.values())) <= {str})


@lru_cache(maxsize=1)
def tagger() -> Tagger:
    """The part-of-speech tagger, loaded on first use only."""
    choice = os.environ.get("REPORTLINT_SEGMENTER", "")
    if choice != "jieba":
        try:
            return _rjieba()
        except ImportError:
            if choice == "rjieba":
                raise
    return _jieba()


def loaded() -> bool:
    """Whether the segmenter has been loaded in this process (for tests and benchmarks)."""
    return tagger.cache_info().currsize > 0

