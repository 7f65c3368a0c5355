"""Word segmentation with part-of-speech tags, behind one small interface and loaded lazily.

jieba is the default the project card asks for; rjieba (jieba's dictionary in Rust,
``pip install reportlint[fast]``) is used instead when it is installed, or chosen with
``REPORTLINT_SEGMENTER=jieba|rjieba``. Both load the government-terms user dictionary in
``rules/dict/gov.txt`` so that formulas such as 三严三实 and 两个维护 stay single words
and their numerals are not taken for quantities. jieba's prefix dictionary is cached in
reportlint's cache directory after the first load.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache

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
    from .runner import Cache

    cache = Cache.default_dir() / "jieba.cache"
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(cache.parent)
        tokenizer.cache_file = cache.name
    except OSError:
        pass
    tokenizer.initialize()
    words = _user_words()
    for word, freq, tag in words:
        tokenizer.add_word(word, freq, tag)
    tagger = jieba.posseg.POSTokenizer(tokenizer)
    tagger.word_tag_tab.update({w: t for w, _, t in words})
    return lambda text: [(p.word, p.flag) for p in tagger.cut(text)]


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

