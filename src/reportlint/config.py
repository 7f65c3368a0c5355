"""Configuration: ``reportlint.toml`` or ``[tool.reportlint]`` in ``pyproject.toml``,
found by walking up from each checked file; validated strictly."""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import ConfigError
from .model import SEVERITY_RANK

KEYS = {
    "select": list,
    "ignore": list,
    "per-file-ignores": dict,
    "severity": dict,
    "profile": str,
    "options": dict,
    "rule-dirs": list,
    "plugins": list,
    "corpus": str,
    "fail-on": str,
}


@dataclass(frozen=True, slots=True)
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

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, file: Path) -> tuple[str, ...]:
        """Codes ignored for ``file`` by ``per-file-ignores`` (globs relative to the config's folder)."""
        try:
            rel = PurePosixPath(file.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            rel = PurePosixPath(file.as_posix())
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatch(str(rel), pattern) or rel.match(pattern) or fnmatch.fnmatch(rel.name, pattern):
                out.extend(codes)
        return tuple(out)


def _codes(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}：“{key}”应当是规则代码前缀的列表，例如 [\"N1\", \"M101\"]")
    return tuple(v.strip().upper() for v in value)


def parse_config(data: Mapping[str, Any], path: Path) -> Config:
    where = str(path)
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{where}：未知的配置项“{key}”（可用：{', '.join(sorted(KEYS))}）")
        if not isinstance(value, KEYS[key]):
            raise ConfigError(f"{where}：配置项“{key}”的类型不对，应为 {KEYS[key].__name__}")
    severity = dict(data.get("severity", {}))
    for code, sev in severity.items():
        if sev not in SEVERITY_RANK:
            raise ConfigError(f"{where}：severity.{code} 的值“{sev}”无效，应为 error、warning 或 info")
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITY_RANK:
        raise ConfigError(f"{where}：fail-on 的值“{fail_on}”无效，应为 error、warning 或 info")
    pfi = []
    for pattern, codes in data.get("per-file-ignores", {}).items():
        pfi.append((pattern, _codes(codes, where, f"per-file-ignores.{pattern}")))
    options = data.get("options", {})
    for code, table in options.items():
        if not isinstance(table, Mapping):
            raise ConfigError(f"{where}：options.{code} 应当是一个表")
    base = path.parent
    return Config(
        path=path,
        select=_codes(data["select"], where, "select") if "select" in data else None,
        ignore=_codes(data.get("ignore", []), where, "ignore"),
        per_file_ignores=tuple(pfi),
        severity={k.upper(): v for k, v in severity.items()},
        profile=data.get("profile"),
        options={k.upper(): dict(v) for k, v in options.items()},
        rule_dirs=tuple((base / d).resolve() for d in data.get("rule-dirs", [])),
        plugins=tuple(data.get("plugins", [])),
        corpus=(base / data["corpus"]).resolve() if "corpus" in data else None,
        fail_on=fail_on,
    )


def read_config(path: Path) -> Config:
    """Read an explicit configuration file (``--config``)."""
    import tomllib  # only when there is a configuration file

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"配置文件“{path}”不存在") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"配置文件“{path}”不是有效的 TOML：{exc}") from exc
    except OSError as exc:
        raise ConfigError(f"无法读取配置文件“{path}”：{exc}") from exc
    if path.name == "pyproject.toml":
        raw = raw.get("tool", {}).get("reportlint", {})
    return parse_config(raw, path)


@lru_cache(maxsize=256)
def find_config(folder: Path) -> Config:
    """The nearest configuration above ``folder``; an empty Config when there is none."""
    for d in (folder, *folder.parents):
        candidate = d / "reportlint.toml"
        if candidate.is_file():
            return read_config(candidate)
        pyproject = d / "pyproject.toml"
        if pyproject.is_file():
            import tomllib

            try:
                raw = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
                raise ConfigError(f"配置文件“{pyproject}”不是有效的 TOML：{exc}") from exc
            if "reportlint" in raw.get("tool", {}):
                return parse_config(raw["tool"]["reportlint"], pyproject)
    return Config()
