"""click's own messages (usage errors, the --help headings) in Chinese, the users' language.

click marks every message it prints with ``gettext`` and imports the function into each of its
modules; with no catalogue installed they stay English. ``install`` points those names at a
lookup in the table below (the message ids of click 8.1–8.5), so that an office clerk who types
a wrong option reads 用法/错误 rather than Usage/Error. An id that is not in the table (a newer
click) is printed as click wrote it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from .textutil import display_width

MESSAGES: dict[str, str] = {
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Aborted!": "已中断。",
    "Commands": "命令",
    "Options": "选项",
    "Positional arguments": "位置参数",
    "Usage:": "用法：",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Show the version and exit.": "显示版本并退出。",
    "Show this message and exit.": "显示本帮助并退出。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "No such option: {name}": "没有选项：{name}",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "deprecated": "已弃用",
    "(DEPRECATED)": "（已弃用）",
    "(Deprecated)": "（已弃用）",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value!r} is not a valid boolean.": "{value!r} 不是有效的是/否值。",
    "{value} is not in the range {range}.": "{value} 不在允许的范围 {range} 内。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是一个目录。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是一个文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "unknown error": "未知错误",
    "Value must be an iterable.": "值必须是一组值。",
    "integer": "整数",
    "float": "数",
}

PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("多余的参数（{args}）", "多余的参数（{args}）"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("是否想用 {possibility}？", "（是否想用其中之一：{possibilities}？）"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("选项 {name!r} 需要一个值。", "选项 {name!r} 需要 {nargs} 个值。"),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} 不是 {choice}。", "{value!r} 不是 {choices} 之一。"),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("需要 {nargs} 个值，只给了 1 个。", "需要 {nargs} 个值，给了 {len} 个。"),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("需要 {len_type} 个值，只给了 {len_value} 个。", "需要 {len_type} 个值，给了 {len_value} 个。"),
}

_click_wrap: Callable[..., Any]  # click's own wrap_text, set by ``install``

_MODULES = ("core", "exceptions", "formatting", "parser", "types", "decorators", "termui", "utils")


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    forms = PLURALS.get((singular, plural))
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


# a run of characters a line never breaks inside (an option, a word of Latin letters, a number), one blank, or one
# character of anything else (a Chinese character may end a line after any other)
_TOKEN = re.compile(r"[A-Za-z0-9_\-.,\[\]=/%+'\"<>|]+|\s|.")
_NO_LINE_START = "，。、；：？！）》”’】,.;:?!)"  # marks a line does not open with (避头)


def _wrap_text(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
               preserve_paragraphs: bool = False) -> str:
    """click's ``wrap_text`` for text with Chinese in it: lines filled to ``width`` terminal columns (a Chinese
    character takes two), broken between Chinese characters or at blanks, never inside an option or a word of
    Latin letters (``htm`` / ``l``), and no line opening with a closing mark. ASCII text goes to click's own."""
    if text.isascii():
        return _click_wrap(text, width, initial_indent, subsequent_indent, preserve_paragraphs)
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text) if preserve_paragraphs else [text]:
        line, used = initial_indent if not out else subsequent_indent, 0
        start = len(line)
        lines: list[str] = []
        for token in _TOKEN.findall(" ".join(paragraph.split("\n"))):
            if token.isspace() and used == 0:
                continue
            w = display_width(token)
            if used and used + w > width - start and not token.isspace() and token not in _NO_LINE_START:
                lines.append(line.rstrip())
                line, used = subsequent_indent, 0
                start = len(line)
                if token.isspace():
                    continue
            line += token
            used += w
        lines.append(line.rstrip())
        out.append("\n".join(lines))
    return "\n\n".join(out)


def install() -> None:
    """Point click's message lookups at the Chinese table (idempotent), and make its help measure and wrap text by
    terminal columns (a Chinese option name or description is twice as wide as its length)."""
    import click  # noqa: F401  (its submodules are imported by the package)

    formatting = sys.modules.get("click.formatting")
    if formatting is not None and getattr(formatting, "wrap_text", None) is not _wrap_text:
        global _click_wrap
        _click_wrap = formatting.wrap_text
        formatting.wrap_text = _wrap_text  # type: ignore[attr-defined]
        formatting.term_len = display_width  # type: ignore[attr-defined]

    for name in _MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
