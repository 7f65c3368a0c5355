"""Configuration checked against the rulebook: every rule code, option name and option
type a user writes must mean something, or the run stops with exit code 3 naming the file,
the key and what was expected. One typo must never switch checks off silently."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .config import Config, type_name
from .errors import ConfigError
from .model import SEVERITY_RANK

if TYPE_CHECKING:
    from .rulebook import Rulebook

PROFILE_RULE_KEYS = ("enabled", "severity")


def _hint(word: str, choices: Iterable[str]) -> str:
    import difflib  # only for a message

    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    return f"（是不是“{'”“'.join(close)}”？）" if close else ""


def known_prefix(prefix: str, rulebook: Rulebook) -> bool:
    """``ALL``, or the start of at least one rule code (``N``, ``N1``, ``N101``)."""
    return prefix == "ALL" or any(code.startswith(prefix) for code in rulebook.rules)


def check_codes(codes: Iterable[str], rulebooks: Iterable[Rulebook], where: str, key: str) -> None:
    """Every code prefix must select at least one rule of one of ``rulebooks``."""
    books = list(rulebooks)
    for code in codes:
        if not any(known_prefix(code, book) for book in books):
            every = sorted({c for book in books for c in book.rules})
            raise ConfigError(f"{where}：{key} 中的规则代码“{code}”不对应任何规则{_hint(code, every)}；"
                              "应为规则代码或其前缀（如 N1、M101、ALL），用 reportlint rules 查看全部规则")


def expected_like(default: Any, value: Any, example: bool = True) -> str | None:
    """What ``value`` should be to stand where the rule's ``default`` stands, or None when it fits.
    The rule data's defaults are the schema: their types are the options' types."""
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "true 或 false"
    if isinstance(default, int):
        shown = f"（如 {default}）" if example else ""
        return None if isinstance(value, int) and not isinstance(value, bool) else f"整数{shown}"
    if isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        return None if ok else f"数字{f'（如 {default}）' if example else ''}"
    if isinstance(default, str):
        return None if isinstance(value, str) else "文字"
    if isinstance(default, list):
        if not isinstance(value, list):
            return "列表（[…]）"
        if default:
            for item in value:
                inner = expected_like(default[0], item, example=False)
                if inner is not None:
                    return f"列表，每一项都是{inner}"
        return None
    if isinstance(default, Mapping):
        if not isinstance(value, Mapping):
            return "表（{ … }）"
        if default:
            sample = next(iter(default.values()))
            for item in value.values():
                inner = expected_like(sample, item, example=False)
                if inner is not None:
                    return f"表，每个值都是{inner}"
        return None
    return None


def check_params(code: str, params: Mapping[str, Any], known: Mapping[str, Any], where: str, key: str) -> None:
    """``params`` set for rule ``code`` must name options the rule has, with values of their types;
    ``extend`` appends to list options."""
    for name, value in params.items():
        if name == "extend" and "extend" not in known:
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where}：{key}.extend 是{type_name(value)}，应为一个表：列表选项 = 要追加的项")
            lists = {k: v for k, v in known.items() if isinstance(v, list)}
            check_params(code, value, lists, where, f"{key}.extend")
            continue
        if name not in known:
            names = "、".join(sorted(known)) or "（该规则没有可配置项）"
            raise ConfigError(f"{where}：{key} 中的选项“{name}”不是规则 {code} 的可配置项{_hint(name, known)}；"
                              f"可用：{names}（见 reportlint explain {code}）")
        expected = expected_like(known[name], value)
        if expected is not None:
            shown = repr(value) if len(repr(value)) < 40 else repr(value)[:37] + "…"
            raise ConfigError(f"{where}：{key}.{name} 是{type_name(value)} {shown}，应为{expected}")


def check_config(config: Config, rulebook: Rulebook) -> None:
    """Check one configuration file against the rulebook it runs with."""
    if config.path is None:
        return
    where = str(config.path)
    if config.select is not None:
        check_codes(config.select, [rulebook], where, "select")
    check_codes(config.ignore, [rulebook], where, "ignore")
    for pattern, codes in config.per_file_ignores:
        check_codes(codes, [rulebook], where, f"per-file-ignores.{pattern}")
    check_codes(config.severity, [rulebook], where, "severity")
    for code, params in config.options.items():
        rule = rulebook.rules.get(code)
        if rule is None:
            raise ConfigError(f"{where}：[options.{code}] 中的“{code}”不是规则代码{_hint(code, rulebook.rules)}；"
                              "应为一条规则的完整代码（如 M102），用 reportlint rules 查看全部规则")
        check_params(code, params, rule.params, where, f"options.{code}")
    if config.profile is not None:
        check_profile(config.profile, rulebook, f"{where}：profile")
    if config.corpus is not None and not config.corpus.is_file():
        raise ConfigError(f"{where}：corpus 指向的参考语料索引“{config.corpus}”不存在；"
                          "先用 reportlint corpus build 建立，或改正路径")


def check_profile(name: str, rulebook: Rulebook, where: str) -> None:
    if rulebook.profile(name) is None:
        names = "、".join(sorted(p.name for p in rulebook.profiles.values()))
        raise ConfigError(f"{where} 的文种“{name}”不存在{_hint(name, [p.name for p in rulebook.profiles.values()])}；"
                          f"可用：{names}")


def check_rulebook(rulebook: Rulebook) -> None:
    """Profiles' ``[rules.CODE]`` tables must name rules and options that exist."""
    for profile in rulebook.profiles.values():
        for code, table in profile.rules.items():
            rule = rulebook.rules.get(code)
            where = f"档案“{profile.source}”"
            if rule is None:
                continue  # a rule of a plugin that is not installed here: nothing to adjust
            params = {k: v for k, v in table.items() if k not in PROFILE_RULE_KEYS}
            check_params(code, params, rule.params, where, f"rules.{code}")
            if "enabled" in table and not isinstance(table["enabled"], bool):
                raise ConfigError(f"{where}：rules.{code}.enabled 是{type_name(table['enabled'])}，应为 true 或 false")
            if "severity" in table and table["severity"] not in SEVERITY_RANK:
                raise ConfigError(f"{where}：rules.{code}.severity 的值“{table['severity']}”无效，"
                                  "应为 \"error\"、\"warning\" 或 \"info\"")
