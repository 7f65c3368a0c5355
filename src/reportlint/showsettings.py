"""``reportlint check --show-settings PATH``: the settings that apply to one file, as
``key = value`` lines (values in JSON, which TOML reads too), with remarks after ``#``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config
from .engine import Settings, active_rules
from .files import DEFAULT_EXCLUDE, Selection

if TYPE_CHECKING:
    from .rulebook import Rulebook


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def settings_lines(target: Path, config: Config, book: Rulebook, settings: Settings, selection: Selection) -> list[str]:
    profile_name = settings.profile or config.profile
    profile = book.profile(profile_name) if profile_name else None
    by_code = {r.code: r for r in active_rules(book, config, settings, profile, target)}
    select = settings.select if settings.select is not None else config.select
    if selection.exclude is not None:
        exclude, source = list(selection.exclude), "命令行 --exclude"
    elif config.exclude is not None:
        exclude, source = list(config.exclude), "配置文件"
    else:
        exclude, source = list(DEFAULT_EXCLUDE), "默认"
    real = str(target.resolve())
    lines = [
        f"# reportlint 对 {target} 使用的设置",
        f"config-file = {_show(str(config.path) if config.path else '')}"
        + ("" if config.path else "  # 没有找到配置文件，使用默认设置"),
        f"select = {_show(list(select) if select is not None else ['ALL'])}",
        f"ignore = {_show([*settings.ignore, *config.ignore])}",
        f"per-file-ignores = {_show(list(config.ignored_for(target)))}  # 对此文件生效的",
        f"profile = {_show(profile.name if profile else '')}" + ("" if profile else "  # 按文档内容自动识别文种"),
        f"fail-on = {_show(config.fail_on or 'warning')}",
        f"corpus = {_show(str(settings.corpus or config.corpus or ''))}",
        f"exclude = {_show(exclude)}  # 来源：{source}",
        f"extend-exclude = {_show([*config.extend_exclude, *selection.extend_exclude])}",
        f"respect-gitignore = {_show(selection.gitignore(real))}",
        f"force-exclude = {_show(selection.forced(real))}",
        f"rule-dirs = {_show([str(d) for d in config.rule_dirs])}",
        f"plugins = {_show(list(config.plugins))}",
        f"rules = {_show(sorted(by_code))}  # 启用的规则，共 {len(by_code)} 条",
    ]
    changed = {c: r.severity for c, r in sorted(by_code.items()) if r.severity != book.rules[c].severity}
    if changed:
        lines.append(f"severity = {_show(changed)}")
    for code, params in sorted(config.options.items()):
        if code not in by_code:
            continue
        names = [n for n in params if n != "extend" or n in book.rules[code].params]
        names += list(params.get("extend", {})) if "extend" not in book.rules[code].params else []
        lines += [f"options.{code}.{n} = {_show(by_code[code].params[n])}" for n in names]
    return lines
