"""Checking a rule's option values against the defaults in its rule data (no rulebook needed)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from .config import type_name
from .errors import ConfigError


def hint(word: str, choices: Iterable[str]) -> str:
    import difflib  # only for a message

    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    return f"（是不是“{'”“'.join(close)}”？）" if close else ""


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
            raise ConfigError(f"{where}：{key} 中的选项“{name}”不是规则 {code} 的可配置项{hint(name, known)}；"
                              f"可用：{names}（见 reportlint explain {code}）")
        expected = expected_like(known[name], value)
        if expected is not None:
            shown = repr(value) if len(repr(value)) < 40 else repr(value)[:37] + "…"
            raise ConfigError(f"{where}：{key}.{name} 是{type_name(value)} {shown}，应为{expected}")
