"""Builds the plugin manager and collects what the plugins register."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs
from .errors import ConfigError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from .hookspecs import Check, Loader, Reporter

DEFAULT_PLUGINS: tuple[str, ...] = (
    "reportlint.loaders",
    "reportlint.checks.extraction",
    "reportlint.checks.numbering",
    "reportlint.checks.sections",
    "reportlint.checks.measures",
    "reportlint.checks.boilerplate",
    "reportlint.checks.hygiene",
    "reportlint.checks.proofread",
    "reportlint.checks.script",
    "reportlint.checks.spacing",
    "reportlint.checks.markup",
    "reportlint.reporters",
    "reportlint.ruledata",
)


@dataclass(slots=True, repr=False)
class EntryPoint:
    """A ``reportlint`` entry point of an installed distribution."""
    name: str
    value: str  # "module" or "module:attribute"
    dist: str  # the .dist-info (or .egg-info) folder that declared it

    def load(self) -> Any:
        module_name, _, attr = self.value.partition(":")
        try:
            obj: Any = importlib.import_module(module_name.strip())
            for part in filter(None, attr.strip().split(".")):
                obj = getattr(obj, part)
        except (ImportError, AttributeError) as exc:
            raise ConfigError(f"无法加载插件“{self.name}”（{self.value}）：{exc}") from exc
        return obj


DISTRIBUTIONS: dict[str, str] = {}  # entry-point name -> its metadata folder


def entry_points_of(group: str) -> list[EntryPoint]:
    """Entry points of ``group`` declared by the installed distributions on ``sys.path``.

    Reads each ``*.dist-info/entry_points.txt`` directly: importlib.metadata builds a
    Distribution for every installed package (and imports the email package), which costs
    more than the whole check of a short report. The first distribution on ``sys.path``
    wins, as with importlib.metadata."""
    found: dict[str, EntryPoint] = {}
    for folder in sys.path:
        try:
            entries = sorted(os.scandir(folder or "."), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if not entry.name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8") as fh:
                    lines = fh.read().splitlines()
            except OSError:
                continue
            section = ""
            for line in lines:
                line = line.strip()
                if line.startswith("[") and line.endswith("]"):
                    section = line[1:-1].strip()
                elif section == group and "=" in line and not line.startswith(("#", ";")):
                    name, _, value = line.partition("=")
                    found.setdefault(name.strip(), EntryPoint(name.strip(), value.strip(), entry.path))
    return list(found.values())


def _metadata(folder: str) -> tuple[str | None, str | None]:
    """Name and version from a distribution's METADATA (or PKG-INFO) file."""
    name = version = None
    for filename in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, filename), encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith("Name:"):
                        name = line[5:].strip()
                    elif line.startswith("Version:"):
                        version = line[8:].strip()
                    elif not line.strip():
                        break
            return name, version
        except OSError:
            continue
    return name, version


def lazy(module: str, name: str) -> Callable[..., Any]:
    """``module.name``, imported on its first call: a built-in loader or reporter costs
    nothing in a run that does not use it."""
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__, call.__qualname__, call.__module__ = name, name, module
    return call


def _hooks_of(module: ModuleType) -> ModuleType:
    """A built-in module's hook functions alone, as a small module: pluggy inspects every
    attribute of what it registers, and the rule modules hold hundreds (that was a third of
    a one-file check's plugin setup)."""
    hooks = ModuleType(module.__name__)
    for name, spec in vars(hookspecs).items():
        if hasattr(spec, "reportlint_spec") and hasattr(module, name):
            setattr(hooks, name, getattr(module, name))
    return hooks


def get_plugin_manager(entry_points: bool = True, modules: tuple[str, ...] = ()) -> pluggy.PluginManager:
    """A fresh manager with the built-ins, entry-point plugins and ``modules`` registered.

    ``REPORTLINT_LOAD_PLUGINS="a,b"`` limits entry-point plugins to those names (empty: none).
    """
    pm = pluggy.PluginManager("reportlint")
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        pm.register(_hooks_of(importlib.import_module(name)), name)
    if entry_points:
        allow = os.environ.get("REPORTLINT_LOAD_PLUGINS")
        wanted = None if allow is None else {a.strip() for a in allow.split(",") if a.strip()}
        for ep in entry_points_of("reportlint"):
            if (wanted is None or ep.name in wanted) and pm.get_plugin(ep.name) is None:
                pm.register(ep.load(), ep.name)
                DISTRIBUTIONS[ep.name] = ep.dist
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            raise ConfigError(f"无法加载插件模块“{name}”：{exc}") from exc
        if not pm.is_registered(module):
            pm.register(module, name)
    pm.check_pending()
    return pm


@dataclass
class Registry:
    """Everything the plugins registered, each item remembered with its plugin's name."""

    loaders: dict[str, Loader] = field(default_factory=dict)
    checks: dict[str, Check] = field(default_factory=dict)
    reporters: dict[str, Reporter] = field(default_factory=dict)
    rulebooks: list[tuple[str, Traversable]] = field(default_factory=list)
    owners: dict[str, str] = field(default_factory=dict)  # "check:foo" -> plugin name
    pm: pluggy.PluginManager | None = None


def _collector(reg: Registry, kind: str, table: dict[str, Any], plugin: str) -> Callable[[str, Any], None]:
    def register(name: str, thing: Any) -> None:
        key = f"{kind}:{name}"
        if name in table:
            raise ConfigError(
                f"插件“{plugin}”注册的{kind}“{name}”与插件“{reg.owners[key]}”重复"
            )
        if not callable(thing):
            raise ConfigError(f"插件“{plugin}”注册的{kind}“{name}”不可调用")
        table[name] = thing
        reg.owners[key] = plugin

    return register


def _call(impl: Any, hook_name: str, register: Callable[..., None], trace: bool) -> None:
    """Call one plugin's hook implementation with the arguments it asks for (any subset of the
    hookspec's, as pluggy allows); a plugin that raises is named in a configuration error."""
    if trace:
        print(f"reportlint: hook {hook_name} -> {impl.plugin_name}", file=sys.stderr)
    offered = {"register": register}
    try:
        impl.function(**{name: offered[name] for name in impl.argnames if name in offered})
    except ConfigError:
        raise
    except Exception as exc:
        detail = f"{type(exc).__name__}：{str(exc)[:200]}"
        raise ConfigError(f"插件“{impl.plugin_name}”的 {hook_name} 出错：{detail}") from exc


def collect(pm: pluggy.PluginManager) -> Registry:
    """Call every hook implementation once and gather the results, naming each item's plugin.
    ``REPORTLINT_TRACE_PLUGINS=1`` prints each call and what it registered to stderr."""
    reg = Registry(pm=pm)
    trace = bool(os.environ.get("REPORTLINT_TRACE_PLUGINS"))
    tables: dict[str, tuple[str, dict[str, Any]]] = {
        "register_loaders": ("loader", reg.loaders),
        "register_checks": ("check", reg.checks),
        "register_reporters": ("reporter", reg.reporters),
    }
    for hook_name, (kind, table) in tables.items():
        for impl in getattr(pm.hook, hook_name).get_hookimpls():
            before = set(table)
            _call(impl, hook_name, _collector(reg, kind, table, impl.plugin_name), trace)
            if trace:
                print(f"reportlint:   {kind}: {', '.join(sorted(set(table) - before)) or '-'}", file=sys.stderr)
    for impl in pm.hook.register_rulebooks.get_hookimpls():
        before_books = len(reg.rulebooks)
        _call(impl, "register_rulebooks", lambda where, _p=impl.plugin_name: reg.rulebooks.append((_p, where)), trace)
        if trace:
            shown = ", ".join(str(w) for _, w in reg.rulebooks[before_books:]) or "-"
            print(f"reportlint:   rulebook: {shown}", file=sys.stderr)
    return reg


def describe(pm: pluggy.PluginManager, codes_by_source: dict[str, list[str]]) -> list[dict[str, Any]]:
    """One record per plugin for ``reportlint plugins``: name, version, hooks, codes."""
    out = []
    for plugin in pm.get_plugins():
        name = pm.get_name(plugin) or repr(plugin)
        dist = DISTRIBUTIONS.get(name)
        hooks = sorted(h.name for h in pm.get_hookcallers(plugin) or [])
        project, version = _metadata(dist) if dist else (None, None)
        out.append(
            {
                "name": name,
                "version": version,
                "distribution": project,
                "builtin": name in DEFAULT_PLUGINS,
                "hooks": hooks,
                "codes": sorted(codes_by_source.get(name, [])),
            }
        )
    return sorted(out, key=lambda p: (not p["builtin"], p["name"]))  # the same order on every run

