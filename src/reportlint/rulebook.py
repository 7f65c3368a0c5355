"""Reads rule data (``rules/*.toml``) and document-type profiles (``rules/profiles/*.toml``).

Python says how to check; TOML says what to check. Rulebooks are read in precedence
order: the built-in ``rules/``, then plugin rulebooks, then the directories a
configuration names. A later rulebook may add rules, or change an existing rule's
severity, messages and params (``[CODE.params.extend]`` appends to lists), but never its
``check``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import RulebookError
from .model import SEVERITY_RANK, Rule, pickled_as_tuple

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

CODE_RE = re.compile(r"^[A-Z]{1,4}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RULE_KEYS = {"name", "check", "severity", "summary", "why", "message", "messages", "params", "good", "bad", "docs",
             "script"}
# ``script = "simplified"``: the rule reads words of simplified Chinese (section names, phrases, a dictionary); on a
# document written in traditional characters it would report what it cannot read, so it is not run there
SCRIPTS = ("", "simplified")
REQUIRED = ("name", "check", "severity", "summary", "why", "message", "good", "bad")
PROFILE_KEYS = {"id", "name", "match", "body_match", "ordered", "sections", "ignore", "rules", "description",
                "measure_roles"}


def builtin_rules_dir() -> Path:
    """``reportlint/rules`` in an installed wheel; the repository's ``rules/`` in a checkout.
    (A path beside this module, not ``importlib.resources``: that import costs start-up time.)"""
    packaged = Path(__file__).resolve().parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


@pickled_as_tuple
@dataclass(slots=True)  # its repr is part of the result cache's key
class Section:
    """A part a profile expects in a document, with its other wordings."""
    name: str
    aliases: tuple[str, ...]
    role: str = ""  # "problems" | "causes" | "measures" | "achievements" | ...
    required: bool = True

    @property
    def wordings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@pickled_as_tuple
@dataclass(slots=True)  # its repr is part of the result cache's key
class Profile:
    """A kind of document (plan, summary …): how it is recognised, its parts and its rules' options."""
    id: str
    name: str
    match: tuple[str, ...]
    body_match: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    ordered: bool = True
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    description: str = ""
    source: str = ""

    def roles(self, role: str) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.role == role)


@pickled_as_tuple
@dataclass(slots=True, repr=False)
class Rulebook:
    """The rules and profiles of every rule file, with where each code was declared."""
    rules: Mapping[str, Rule]
    profiles: Mapping[str, Profile]
    sources: Mapping[str, str]  # code -> plugin or directory that declared it

    def profile(self, key: str) -> Profile | None:
        """Look a profile up by id, by its Chinese name, or by a kind of document it covers (one of its ``match``
        words: 实施方案 is checked as 整改方案, whose profile covers every 方案)."""
        if key in self.profiles:
            return self.profiles[key]
        return next((p for p in self.profiles.values() if p.name == key), None) \
            or next((p for p in self.profiles.values() if key in p.match), None)


def _merge_params(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if key == "extend" and isinstance(value, Mapping):
            for k, v in value.items():
                out[k] = [*out.get(k, []), *v]
        elif isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge_params(out[key], value)
        else:
            out[key] = value
    return out


def apply_options(params: Mapping[str, Any], options: Mapping[str, Any]) -> dict[str, Any]:
    """A rule's ``params`` with a configuration's ``[options.CODE]`` table applied: a value
    replaces the rule's; ``extend = { name = [...] }`` (``[options.CODE.extend]``) appends to
    a list option, unless the rule has an option called ``extend`` itself."""
    out = dict(params)
    for key, value in options.items():
        if key == "extend" and key not in params and isinstance(value, Mapping):
            for name, items in value.items():
                out[name] = [*out.get(name, []), *items]
        else:
            out[key] = value
    return out


def _read_toml(item: Traversable, what: str) -> dict[str, Any]:
    import tomllib  # only when the rulebook is rebuilt: it is cached otherwise

    try:
        return tomllib.loads(item.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RulebookError(f"{what}“{item}”不是有效的 TOML：{exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RulebookError(f"无法读取{what}“{item}”：{exc}") from exc


def _rule_from(code: str, table: Mapping[str, Any], where: str) -> Rule:
    unknown = set(table) - RULE_KEYS
    if unknown:
        raise RulebookError(f"{where}：规则 {code} 有未知的键 {sorted(unknown)}")
    missing = [k for k in REQUIRED if not table.get(k)]
    if missing:
        raise RulebookError(f"{where}：规则 {code} 缺少 {missing}")
    if not NAME_RE.match(table["name"]):
        raise RulebookError(f"{where}：规则 {code} 的名称“{table['name']}”不是 kebab-case")
    if table["severity"] not in SEVERITY_RANK:
        raise RulebookError(f"{where}：规则 {code} 的 severity 必须是 error、warning 或 info")
    script = _script(table, code, where)
    messages = {"default": table["message"], **dict(table.get("messages", {}))}
    return Rule(
        code=code,
        name=table["name"],
        check=table["check"],
        severity=table["severity"],
        summary=table["summary"],
        why=table["why"],
        messages=messages,
        params=dict(table.get("params", {})),
        good=tuple(table["good"]),
        bad=tuple(table["bad"]),
        source=where,
        docs=table.get("docs", ""),
        script=script,
    )


def _script(table: Mapping[str, Any], code: str, where: str) -> str:
    """The rule's ``script`` (see ``SCRIPTS``), checked."""
    script = table.get("script", "")
    if script not in SCRIPTS:
        raise RulebookError(f"{where}：规则 {code} 的 script 只能是 \"simplified\"（读简体词语的规则）或不写")
    return script  # type: ignore[no-any-return]


def _override(rule: Rule, table: Mapping[str, Any], where: str) -> Rule:
    if "check" in table and table["check"] != rule.check:
        raise RulebookError(f"{where}：不能修改规则 {rule.code} 的 check（原为“{rule.check}”）")
    unknown = set(table) - RULE_KEYS
    if unknown:
        raise RulebookError(f"{where}：规则 {rule.code} 有未知的键 {sorted(unknown)}")
    changes: dict[str, Any] = {}
    for key in ("name", "summary", "why", "docs"):
        if key in table:
            changes[key] = table[key]
    if "script" in table:
        changes["script"] = _script(table, rule.code, where)
    if "severity" in table:
        if table["severity"] not in SEVERITY_RANK:
            raise RulebookError(f"{where}：规则 {rule.code} 的 severity 必须是 error、warning 或 info")
        changes["severity"] = table["severity"]
    if "message" in table or "messages" in table:
        msgs = dict(rule.messages)
        msgs.update(table.get("messages", {}))
        if "message" in table:
            msgs["default"] = table["message"]
        changes["messages"] = msgs
    if "params" in table:
        from .params import check_params  # an option name the rule lacks is a typo, never a new option

        check_params(rule.code, table["params"], rule.params, where, f"{rule.code}.params")
        changes["params"] = _merge_params(rule.params, table["params"])
    for key in ("good", "bad"):
        if key in table:
            changes[key] = tuple(table[key])
    return replace(rule, **changes)


def _profile_from(item: Traversable, data: Mapping[str, Any]) -> Profile:
    where = str(item)
    unknown = set(data) - PROFILE_KEYS
    if unknown:
        raise RulebookError(f"档案“{where}”有未知的键 {sorted(unknown)}")
    if not data.get("name") or not data.get("match"):
        raise RulebookError(f"档案“{where}”缺少 name 或 match")
    sections = []
    for i, sec in enumerate(data.get("sections", [])):
        if not isinstance(sec, Mapping) or not sec.get("name"):
            raise RulebookError(f"档案“{where}”的第 {i + 1} 个 sections 缺少 name")
        sections.append(Section(sec["name"], tuple(sec.get("aliases", ())), sec.get("role", ""),
                                bool(sec.get("required", True))))
    pid = data.get("id") or item.name.removesuffix(".toml")
    return Profile(
        id=pid,
        name=data["name"],
        match=tuple(data["match"]),
        body_match=tuple(data.get("body_match", ())),
        sections=tuple(sections),
        ordered=bool(data.get("ordered", True)),
        ignore=tuple(data.get("ignore", ())),
        rules={k: dict(v) for k, v in data.get("rules", {}).items()},
        description=data.get("description", ""),
        source=where,
    )


def load_rulebook(books: Iterable[tuple[str, Traversable]], checks: Iterable[str]) -> Rulebook:
    """Read every rulebook in precedence order and validate the result."""
    rules: dict[str, Rule] = {}
    profiles: dict[str, Profile] = {}
    sources: dict[str, str] = {}
    for owner, where in books:
        if not where.is_dir():
            if where.name.endswith(".toml"):
                entries = [where]
            else:
                raise RulebookError(f"规则目录“{where}”不存在")
        else:
            entries = sorted((e for e in where.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)
        for item in entries:
            data = _read_toml(item, "规则文件")
            for code, table in data.items():
                if not CODE_RE.match(code):
                    raise RulebookError(f"规则文件“{item}”：“{code}”不是有效的规则代码（如 N101）")
                if not isinstance(table, Mapping):
                    raise RulebookError(f"规则文件“{item}”：{code} 应当是一个表")
                if code in rules:
                    rules[code] = _override(rules[code], table, str(item))
                else:
                    rules[code] = _rule_from(code, table, str(item))
                    sources[code] = owner
        pdir = where / "profiles" if where.is_dir() else None
        if pdir is not None and pdir.is_dir():
            for item in sorted((e for e in pdir.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name):
                prof = _profile_from(item, _read_toml(item, "档案"))
                profiles[prof.id] = prof
    known = set(checks)
    for rule in rules.values():
        if rule.check not in known:
            raise RulebookError(f"{rule.source}：规则 {rule.code} 的 check“{rule.check}”没有注册")
    names = [r.name for r in rules.values()]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise RulebookError(f"规则名称重复：{sorted(dup)}")
    return Rulebook(rules, profiles, sources)
