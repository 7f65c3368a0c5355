"""Configuration: ``reportlint.toml`` or ``[tool.reportlint]`` in ``pyproject.toml``,
found by walking up from each checked file; validated strictly. This module checks the
file's own shape (keys, value types); ``validation`` checks it against the rulebook
(rule codes, option names and types, profiles)."""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import ConfigError
from .model import SEVERITY_RANK

# key -> (Python type, what the user should write)
KEYS: dict[str, tuple[type, str]] = {
    "select": (list, '规则代码前缀的列表，如 ["N1", "M101"]'),
    "ignore": (list, '规则代码前缀的列表，如 ["T103"]'),
    "per-file-ignores": (dict, '表：文件模式 = 规则代码列表，如 { "drafts/*.txt" = ["N1"] }'),
    "severity": (dict, '表：规则代码前缀 = 级别，如 { N102 = "info" }'),
    "profile": (str, '文种名称或编号，如 "对照检查材料"'),
    "options": (dict, "表：[options.规则代码] 下写该规则的可配置项"),
    "rule-dirs": (list, '目录路径的列表，如 ["my-rules"]'),
    "plugins": (list, '插件模块名的列表，如 ["my_plugin"]'),
    "corpus": (str, '参考语料索引文件的路径，如 "corpus.sqlite"'),
    "fail-on": (str, '"error"、"warning" 或 "info"'),
    "exclude": (list, '要排除的文件或目录模式（.gitignore 写法）的列表，如 [".*/", "node_modules/"]'),
    "extend-exclude": (list, '在默认排除之外再排除的模式（.gitignore 写法）的列表，如 ["草稿/", "*.bak.md"]'),
    "respect-gitignore": (bool, "true 或 false"),
    "force-exclude": (bool, "true 或 false"),
}
_TYPE_NAMES = {bool: "true/false", int: "整数", float: "小数", str: "文字", list: "列表", dict: "表"}


def type_name(value: Any) -> str:
    """The TOML name of ``value``'s type, for messages."""
    for kind, name in _TYPE_NAMES.items():
        if type(value) is kind:
            return name
    return type(value).__name__


@dataclass(slots=True)  # its repr is part of the result cache's key
class Config:
    """One configuration file's settings (empty when none was found)."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    profile: str | None = None
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rule_dirs: tuple[Path, ...] = ()
    plugins: tuple[str, ...] = ()
    corpus: Path | None = None
    fail_on: str | None = None
    exclude: tuple[str, ...] | None = None  # None: the default exclusions
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, file: Path) -> tuple[str, ...]:
        """Codes ignored for ``file`` by ``per-file-ignores`` (globs relative to the config's folder)."""
        if not self.per_file_ignores:
            return ()
        try:
            rel = PurePosixPath(file.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            rel = PurePosixPath(file.as_posix())
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatch(str(rel), pattern) or rel.match(pattern) or fnmatch.fnmatch(rel.name, pattern):
                out.extend(codes)
        return tuple(out)


def _strings(value: list[Any], where: str, key: str, expected: str) -> tuple[str, ...]:
    for i, item in enumerate(value, 1):
        if not isinstance(item, str) or not item.strip():
            shown = repr(item) if not isinstance(item, str) else "空文字"
            raise ConfigError(f"{where}：“{key}”的第 {i} 项是{type_name(item)} {shown}，应为非空文字；"
                              f"“{key}”应当是{expected}")
    return tuple(value)


def _codes(value: list[Any], where: str, key: str) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in _strings(value, where, key, '规则代码前缀的列表，如 ["N1", "M101"]'))


def check_patterns(patterns: tuple[str, ...], where: str, key: str) -> tuple[str, ...]:
    """Reject a pattern that git's wildmatch cannot read (the message names it)."""
    if not patterns:
        return patterns
    from pathspec import GitIgnoreSpec  # only when there are patterns to read

    for pattern in patterns:
        try:
            GitIgnoreSpec.from_lines([pattern])
        except Exception as exc:  # pathspec raises its own error classes, and ValueError
            raise ConfigError(f"{where}：“{key}”中的模式“{pattern}”无效（{exc}）；请用 .gitignore 的写法") from exc
    return patterns


def parse_config(data: Mapping[str, Any], path: Path) -> Config:
    where = str(path)
    for key, value in data.items():
        if key not in KEYS:
            import difflib  # only for the message

            close = difflib.get_close_matches(key, list(KEYS), n=1, cutoff=0.6)
            hint = f"，是不是“{close[0]}”？" if close else ""
            raise ConfigError(f"{where}：未知的配置项“{key}”{hint}（可用：{', '.join(sorted(KEYS))}）")
        kind, expected = KEYS[key]
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise ConfigError(f"{where}：配置项“{key}”是{type_name(value)}，应为{expected}")
    severity = dict(data.get("severity", {}))
    for code, sev in severity.items():
        if sev not in SEVERITY_RANK:
            raise ConfigError(f"{where}：severity.{code} 的值“{sev}”无效，应为 \"error\"、\"warning\" 或 \"info\"")
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITY_RANK:
        raise ConfigError(f"{where}：fail-on 的值“{fail_on}”无效，应为 \"error\"、\"warning\" 或 \"info\"")
    pfi = []
    for pattern, codes in data.get("per-file-ignores", {}).items():
        key = f"per-file-ignores.{pattern}"
        if not isinstance(codes, list):
            raise ConfigError(f"{where}：“{key}”是{type_name(codes)}，应为规则代码前缀的列表，如 [\"N1\"]")
        pfi.append((pattern, _codes(codes, where, key)))
    options = data.get("options", {})
    for code, table in options.items():
        if not isinstance(table, Mapping):
            raise ConfigError(f"{where}：options.{code} 是{type_name(table)}，应为一个表（[options.{code}] 下写选项）")
    for key in ("profile", "corpus"):
        if key in data and not data[key].strip():
            raise ConfigError(f"{where}：配置项“{key}”为空，应为{KEYS[key][1]}")
    base = path.parent
    exclude = data.get("exclude")
    return Config(
        path=path,
        select=_codes(data["select"], where, "select") if "select" in data else None,
        ignore=_codes(data.get("ignore", []), where, "ignore"),
        per_file_ignores=tuple(pfi),
        severity={k.upper(): v for k, v in severity.items()},
        profile=data.get("profile"),
        options={k.upper(): dict(v) for k, v in options.items()},
        rule_dirs=tuple((base / d).resolve() for d in _strings(data.get("rule-dirs", []), where, "rule-dirs",
                                                                KEYS["rule-dirs"][1])),
        plugins=_strings(data.get("plugins", []), where, "plugins", KEYS["plugins"][1]),
        corpus=(base / data["corpus"]).resolve() if "corpus" in data else None,
        fail_on=fail_on,
        exclude=None if exclude is None else check_patterns(
            _strings(exclude, where, "exclude", KEYS["exclude"][1]), where, "exclude"),
        extend_exclude=check_patterns(
            _strings(data.get("extend-exclude", []), where, "extend-exclude", KEYS["extend-exclude"][1]),
            where, "extend-exclude"),
        respect_gitignore=data.get("respect-gitignore", True),
        force_exclude=data.get("force-exclude", False),
    )


def _load_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a configuration file

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"配置文件“{path}”不存在") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"配置文件“{path}”是一个目录，不是文件") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"配置文件“{path}”不是有效的 TOML：{exc}") from exc
    except OSError as exc:
        raise ConfigError(f"无法读取配置文件“{path}”：{exc}") from exc


def _tool_table(raw: Mapping[str, Any], path: Path) -> Mapping[str, Any] | None:
    tool = raw.get("tool", {})
    if not isinstance(tool, Mapping) or "reportlint" not in tool:
        return None
    table = tool["reportlint"]
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}：[tool.reportlint] 是{type_name(table)}，应为一个表")
    return table


def read_config(path: Path) -> Config:
    """Read an explicit configuration file (``--config``)."""
    path = path.resolve()
    raw = _load_toml(path)
    if path.name == "pyproject.toml":
        return parse_config(_tool_table(raw, path) or {}, path)
    return parse_config(raw, path)


_FOUND: dict[Path, Config] = {}  # folder -> the configuration that applies there


def clear_cache() -> None:
    """Forget what ``find_config`` found (a second run in one process reads edited files again)."""
    _FOUND.clear()


def _config_in(folder: Path) -> Config | None:
    candidate = folder / "reportlint.toml"
    if candidate.is_file():
        return read_config(candidate)
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        table = _tool_table(_load_toml(pyproject), pyproject)
        if table is not None:
            return parse_config(table, pyproject)
    return None


def find_config(folder: Path) -> Config:
    """The nearest configuration above ``folder`` (resolved); an empty Config when there is none.
    Remembered per folder, so a walk reads each configuration file once, however deep the tree."""
    trail: list[Path] = []
    found: Config | None = None
    d = folder
    while True:  # upwards one folder at a time: a cached ancestor ends the climb early
        if d in _FOUND:
            found = _FOUND[d]
            break
        trail.append(d)
        found = _config_in(d)
        if found is not None or d.parent == d:
            break
        d = d.parent
    found = found or Config()
    for d in trail:
        _FOUND[d] = found
    return found
