"""The parsed rulebook kept between runs (parsing the TOML is a tenth of a one-file check).

The cache entry is ``marshal`` of plain data (dicts, tuples, lists, strings, numbers),
sealed by ``store`` and checked field by field before a Rule or Profile is built from it:
a damaged or foreign entry is rebuilt from the TOML, never trusted and never an error.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .model import Rule
from .rulebook import Profile, Rulebook, Section, load_rulebook
from .store import cache_root, code_stamp, read_entry, sha256, write_entry

_KIND = "rulebook"
_PLAIN = (str, int, float, bool, type(None))
_RULE_STR = (0, 1, 2, 3, 4, 5, 10, 11, 12)  # code, name, check, severity, summary, why, source, docs, script


def cached_rulebook(books: list[tuple[str, Any]], checks: Iterable[str]) -> Rulebook:
    """The rulebook, from the cache when no rule file changed since it was written."""
    checks = list(checks)
    root = cache_root()
    if root is None:
        return load_rulebook(books, checks)
    stamp = sha256()
    stamp.update(code_stamp().encode())
    stamp.update("|".join(sorted(checks)).encode())
    try:
        for owner, where in books:
            folder = Path(str(where))
            files = sorted(folder.rglob("*.toml")) if folder.is_dir() else [folder]
            for f in files:
                st = f.stat()
                stamp.update(f"{owner}|{f}|{st.st_mtime_ns}|{st.st_size}".encode("utf-8", "surrogateescape"))
    except (OSError, TypeError):
        return load_rulebook(books, checks)  # rule data inside a zip: no cheap stamp, no cache
    target = root / f"rulebook-{stamp.hexdigest()[:32]}.marshal"
    payload = read_entry(target, _KIND)
    if payload is not None:
        book = decode(payload)
        if book is not None:
            return book
    book = load_rulebook(books, checks)
    data = encode(book)
    if data is not None:
        write_entry(target, _KIND, data)
    return book


def encode(book: Rulebook) -> bytes | None:
    """The rulebook as marshal of plain data; None when it holds something marshal cannot
    carry (a TOML date in a rule's params)."""
    rules = {code: tuple(_rule_fields(r)) for code, r in book.rules.items()}
    profiles = {
        pid: (p.id, p.name, p.match, p.body_match, tuple((s.name, s.aliases, s.role, s.required) for s in p.sections),
              p.ordered, p.ignore, {k: dict(v) for k, v in p.rules.items()}, p.description, p.source)
        for pid, p in book.profiles.items()
    }
    try:
        return marshal.dumps((rules, profiles, dict(book.sources)))
    except ValueError:
        return None


def _rule_fields(r: Rule) -> list[Any]:
    return [r.code, r.name, r.check, r.severity, r.summary, r.why, dict(r.messages), dict(r.params), r.good, r.bad,
            r.source, r.docs, r.script]


def decode(payload: bytes) -> Rulebook | None:
    """The rulebook in ``payload``, or None when it is not exactly the shape ``encode`` writes."""
    try:
        rules_data, profiles_data, sources = marshal.loads(payload)
        rules: dict[str, Rule] = {}
        for code, rec in rules_data.items():
            if not (type(code) is str and type(rec) is tuple and len(rec) == 13):
                return None
            if not (all(type(rec[i]) is str for i in _RULE_STR) and _str_map(rec[6]) and type(rec[7]) is dict
                    and _plain(rec[7]) and _strings(rec[8]) and _strings(rec[9])):
                return None
            rules[code] = Rule(*rec)
        profiles: dict[str, Profile] = {}
        for pid, rec in profiles_data.items():
            if not (type(pid) is str and type(rec) is tuple and len(rec) == 10):
                return None
            ident, name, match, body, sections, ordered, ignore, overrides, description, source = rec
            if not (all(type(x) is str for x in (ident, name, description, source)) and _strings(match)
                    and _strings(body) and _strings(ignore) and type(ordered) is bool and type(overrides) is dict
                    and all(type(k) is str and type(v) is dict for k, v in overrides.items()) and _plain(overrides)
                    and type(sections) is tuple):
                return None
            built = []
            for s in sections:
                if not (type(s) is tuple and len(s) == 4 and type(s[0]) is str and _strings(s[1])
                        and type(s[2]) is str and type(s[3]) is bool):
                    return None
                built.append(Section(*s))
            profiles[pid] = Profile(ident, name, match, body, tuple(built), ordered, ignore, overrides, description,
                                    source)
        if not _str_map(sources):
            return None
        return Rulebook(rules, profiles, sources)
    except (ValueError, EOFError, TypeError, AttributeError):
        return None


def _strings(value: Any) -> bool:
    return type(value) is tuple and all(type(x) is str for x in value)


def _str_map(value: Any) -> bool:
    return type(value) is dict and all(type(k) is str and type(v) is str for k, v in value.items())


def _plain(value: Any, depth: int = 0) -> bool:
    """Only what TOML gives: strings, numbers, booleans, lists and tables of them."""
    if depth > 32:
        return False
    if type(value) in _PLAIN:
        return True
    if type(value) is list:
        return all(_plain(v, depth + 1) for v in value)
    if type(value) is dict:
        return all(type(k) is str and _plain(v, depth + 1) for k, v in value.items())
    return False
