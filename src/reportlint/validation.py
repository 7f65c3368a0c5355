"""Configuration checked against the rulebook: every rule code, option name and option
type a user writes must mean something, or the run stops with exit code 3 naming the file,
the key and what was expected. One typo must never switch checks off silently."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .config import Config, type_name
from .errors import ConfigError
from .model import SEVERITY_RANK
from .params import check_params, hint

if TYPE_CHECKING:
    from .rulebook import Rulebook

PROFILE_RULE_KEYS = ("enabled", "severity")


def known_prefix(prefix: str, rulebook: Rulebook) -> bool:
    """``ALL``, or the start of at least one rule code (``N``, ``N1``, ``N101``)."""
    return prefix == "ALL" or any(code.startswith(prefix) for code in rulebook.rules)


def check_codes(codes: Iterable[str], rulebooks: Iterable[Rulebook], where: str, key: str) -> None:
    """Every code prefix must select at least one rule of one of ``rulebooks``."""
    books = list(rulebooks)
    for code in codes:
        if not any(known_prefix(code, book) for book in books):
            every = sorted({c for book in books for c in book.rules})
            raise ConfigError(f"{where}：{key} 中的规则代码“{code}”不对应任何规则{hint(code, every)}；"
                              "应为规则代码或其前缀（如 N1、M101、ALL），用 reportlint rules 查看全部规则")


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
            raise ConfigError(f"{where}：[options.{code}] 中的“{code}”不是规则代码{hint(code, rulebook.rules)}；"
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
        raise ConfigError(f"{where} 的文种“{name}”不存在{hint(name, [p.name for p in rulebook.profiles.values()])}；"
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
