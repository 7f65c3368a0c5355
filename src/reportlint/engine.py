"""lint(): file → sniff → loader → Document → outline → checks → sorted findings."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import doctype, outline, radicals, residue
from .config import Config
from .context import Context
from .errors import ErrorKind, LoadError
from .model import SEVERITY_RANK, Document, Finding, Rule
from .plugins import Registry, collect, get_plugin_manager
from .rulebook import Profile, Rulebook, apply_options
from .rulecache import cached_rulebook
from .scan import Body
from .sniff import read_input, sniff
from .suppress import apply as apply_suppressions
from .textutil import garbled
from .traditional import rulebook_pairs, written_in_traditional

ALWAYS_ON = ("X100", "X101", "X102")
GARBLED_SHARE = 0.05


@dataclass
class FileResult:
    """The outcome for one input: findings, or the reason it could not be checked."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    doctype: str | None = None
    error: dict[str, str] | None = None
    skipped: str | None = None
    lines: dict[int, str] = field(default_factory=dict)  # text of the blocks findings point at
    debug: list[str] = field(default_factory=list)

    @property
    def crashed(self) -> bool:
        return any(f.rule == "X100" for f in self.findings)


@dataclass(slots=True)  # its repr is part of the result cache's key
class Settings:
    """Command-line choices that apply to every file."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    corpus: Path | None = None
    debug: bool = False
    extend_select: tuple[str, ...] = ()
    full_text: bool = False  # keep every block's text in FileResult.lines (the HTML report shows the document)


class Session:
    """Plugins, checks and rule data for one run, built once per distinct configuration."""

    def __init__(self, entry_points: bool = True, extra_plugins: tuple[str, ...] = ()) -> None:
        self.entry_points = entry_points
        self.extra_plugins = extra_plugins
        self._books: dict[tuple[Any, ...], tuple[Registry, Rulebook]] = {}

    def books(self, config: Config | None = None) -> tuple[Registry, Rulebook]:
        plugins = self.extra_plugins + (config.plugins if config else ())
        dirs = config.rule_dirs if config else ()
        key = (plugins, dirs)
        if key not in self._books:
            pm = get_plugin_manager(self.entry_points, plugins)
            reg = collect(pm)
            books = list(reg.rulebooks) + [("config", d) for d in dirs]
            self._books[key] = (reg, cached_rulebook(books, reg.checks))
        return self._books[key]


def _prefix_len(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if p == "ALL" or code.startswith(p)), default=-1)


_ACTIVE_KEPT = 16  # rule lists kept for the files of a batch (one per profile and per-file ignore list)
_active: dict[tuple[int, int, int, int, tuple[str, ...]], tuple[Any, list[Rule]]] = {}


def active_rules(
    rulebook: Rulebook, config: Config, settings: Settings, profile: Profile | None, file: Path
) -> list[Rule]:
    """Rules to run on ``file``: select/ignore by code prefix (the more specific prefix wins),
    then the profile's and the configuration's severity and option overrides. The list depends
    on the file only through its per-file ignores: the files of a batch share it (the rules are
    not changed by the checks)."""
    file_ignores = config.ignored_for(file)
    key = (id(rulebook), id(config), id(settings), id(profile), file_ignores)
    kept = _active.get(key)
    if kept is not None:
        return kept[1]
    rules = _active_rules(rulebook, config, settings, profile, file_ignores)
    if len(_active) >= _ACTIVE_KEPT:
        _active.clear()
    _active[key] = ((rulebook, config, settings, profile), rules)  # the objects stay alive: their ids are not reused
    return rules


def _active_rules(rulebook: Rulebook, config: Config, settings: Settings, profile: Profile | None,
                  file_ignores: tuple[str, ...]) -> list[Rule]:
    select = settings.select if settings.select is not None else config.select
    if select is not None and settings.extend_select:
        select = tuple(select) + settings.extend_select
    ignore = settings.ignore + config.ignore + file_ignores + (profile.ignore if profile else ())
    out = []
    for code in sorted(rulebook.rules):
        rule = rulebook.rules[code]
        if code not in ALWAYS_ON:
            chosen = _prefix_len(code, select) if select is not None else 0
            if chosen < 0 or _prefix_len(code, ignore) >= chosen:
                continue
        params = dict(rule.params)
        severity = rule.severity
        if profile and code in profile.rules:
            over = dict(profile.rules[code])
            if over.pop("enabled", True) is False:
                continue
            severity = over.pop("severity", severity)
            params.update(over)
        params = apply_options(params, config.options.get(code, {}))
        chosen_by = sorted((p for p in config.severity if p == "ALL" or code.startswith(p)),
                           key=lambda p: 0 if p == "ALL" else len(p))  # the most specific prefix wins
        for prefix in chosen_by:
            severity = config.severity[prefix]  # type: ignore[assignment]
        out.append(replace(rule, params=params, severity=severity))
    return out


def merged_params(rulebook: Rulebook, config: Config, profile: Profile | None, code: str) -> dict[str, Any]:
    """A rule's parameters with the profile's and the configuration's options merged in, as
    ``active_rules`` gives them, whether or not the rule runs (M102 and M103 read M101's)."""
    rule = rulebook.rules.get(code)
    if rule is None:
        return {}
    params = dict(rule.params)
    if profile and code in profile.rules:
        params.update({k: v for k, v in profile.rules[code].items() if k not in ("enabled", "severity")})
    return apply_options(params, config.options.get(code, {}))


def analyse(
    doc: Document,
    rulebook: Rulebook,
    profile_name: str | None,
    options: Mapping[str, Any] | None = None,
    rule_options: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[Context, Profile | None]:
    """The model stages after the loader: residue, outline, document type. ``rule_options``
    is the configuration's ``[options.CODE]`` tables (the residue stage reads B101's)."""
    body = Body(doc.blocks)
    web = residue.find(doc, body, residue.options(rulebook, rule_options), rulebook_pairs(rulebook))
    toc = residue.contents(doc, web)
    found = web | toc
    out = outline.build(doc, found, body)
    # the value lines between residue lines are the residue's too (B101's run over them): no rule reads them as text
    found |= residue.bridged(doc.blocks, web, out.title.block if out.title else -1)
    guessed = False
    if profile_name:
        profile = rulebook.profile(profile_name)
    else:
        profile = doctype.detect(doc, out, rulebook.profiles.values(), found)
        guessed = profile is not None and not doctype.titled(doc, out, profile, found)
    ctx = Context(doc=doc, outline=out, profile=profile, rulebook=rulebook, body=body, residue=found, contents=toc,
                  options=options or {}, guessed=guessed)
    return ctx, profile


def run_checks(
    ctx: Context, rules: list[Rule], registry: Registry, debug: bool = False
) -> tuple[list[Finding], list[str]]:
    findings: list[Finding] = []
    traces: list[str] = []
    is_garbled = garbled(ctx) > GARBLED_SHARE
    traditional: bool | None = None  # asked at the first rule that reads simplified wording
    for rule in rules:
        if rule.code in ALWAYS_ON:
            continue
        if is_garbled and not rule.code.startswith("X"):
            continue  # placeholder glyphs are not text: report X103 alone
        if rule.script == "simplified" and not is_garbled:
            if traditional is None:
                traditional = written_in_traditional(ctx)
            if traditional:
                continue  # it cannot read this text: T109 says the document is traditional, to convert and check again
        check = registry.checks[rule.check]
        try:
            found = list(check(ctx, rule))
        except Exception as exc:  # a crashing rule becomes X100, never a stopped run
            findings.append(crash_finding(ctx.doc, rule, exc))
            if debug:
                import traceback  # here: only a crashing rule needs it (1 ms of every start)

                traces.append(traceback.format_exc())
            continue
        findings.extend(f for f in found if f.rule == rule.code)
    inline = residue.inline_residue(ctx)
    if inline:  # a site's line run into the text is B101's alone, as a residue block is
        findings = [f for f in findings if f.rule in _OWN_RESIDUE or not _inside(inline, f)]
    return findings, traces


_OWN_RESIDUE = ("B101", "X100")


def _inside(places: Iterable[residue.InlinePlace], f: Finding) -> bool:
    """Whether finding ``f`` says nothing beyond one of ``places``: it lies wholly inside it, names no related place,
    and its corrections (a count's replacements all through the text) stay inside it too."""
    if f.end_block != f.block or f.related:
        return False
    return any(block == f.block and s <= f.start and f.end <= e
               and all(b == f.block and s <= a and z <= e for b, a, z, _ in f.fix) for block, s, e, _ in places)


def crash_finding(doc: Document, rule: Rule, exc: BaseException) -> Finding:
    detail = str(exc).splitlines()[0][:120] if str(exc) else ""
    return Finding(
        path=doc.path,
        rule="X100",
        name="rule-crashed",
        severity="error",
        message=f"规则 {rule.code}（{rule.name}）检查本文件时出错：{type(exc).__name__}"
        + (f"：{detail}" if detail else "")
        + "。其他规则的结果不受影响；请把此文件和这条信息报告给 reportlint 维护者。",
        block=0,
        start=0,
        end_block=0,
        end=0,
        excerpt="",
        page=doc.blocks[0].page if doc.blocks else None,
    )


def load(path: Path, registry: Registry) -> Document:
    data = read_input(path)
    kind = sniff(path, data).kind
    suffix = path.suffix.lower()
    loader = registry.loaders.get(suffix) if kind == ".txt" and suffix in registry.loaders else None
    loader = loader or registry.loaders.get(kind)
    if loader is None:
        raise LoadError(f"不支持的文件类型“{suffix or '无扩展名'}”（unsupported），"
                        "仅支持 .docx、.doc、.wps、.pdf、.ofd、.txt、.md")
    return loader(path, data)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while one file is checked: the checks build many
    small objects and no reference cycles, and the collector's passes over them cost about
    a tenth of the checking time. Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def lint_file(path: Path, session: Session, config: Config, settings: Settings,
              doc: Document | None = None) -> FileResult:
    """Check one file; never raises for a bad file or a crashing rule. ``doc``: the file
    already loaded (by a child process, ``runner``)."""
    with no_cycle_collection():
        return _lint_file(path, session, config, settings, doc)


def load_document(path: Path, session: Session, config: Config, settings: Settings) -> Document | FileResult:
    """The file's Document, or the FileResult that says why it cannot be read."""
    registry, _ = session.books(config)
    result = FileResult(str(path))
    try:
        return load(path, registry)
    except LoadError as exc:
        result.error = exc.as_error()
    except RecursionError:
        result.error = LoadError("文件结构嵌套过深（nested too deeply），无法读取").as_error()
    except MemoryError:
        result.error = LoadError("读取文件时超过内存上限（size limit），未检查", kind=ErrorKind.MEMORY).as_error()
    except Exception as exc:  # a loader bug: report it on this file and go on
        result.error = LoadError(f"读取文件时出错：{type(exc).__name__}：{str(exc)[:120]}").as_error()
        if settings.debug:
            import traceback

            result.debug.append(traceback.format_exc())
    return result


def check_document(doc: Document, path: Path, registry: Registry, rulebook: Rulebook, config: Config,
                   settings: Settings) -> tuple[list[Finding], list[str], Profile | None]:
    """The findings of a loaded document (with the document's own ignore comments applied), the tracebacks of
    crashed rules when ``settings.debug``, and the profile it was checked by: every way in (a file, a text given to
    the API) checks a document the same way."""
    profile_name = settings.profile or config.profile
    doc = radicals.restored(doc)  # ⽂ for 文: every rule reads the character (X103 names the radicals)
    ctx, profile = analyse(doc, rulebook, profile_name, {"corpus": settings.corpus or config.corpus}, config.options)
    rules = active_rules(rulebook, config, settings, profile, path)
    ctx.cache["params_of"] = lambda code: merged_params(rulebook, config, profile, code)
    ctx.cache["active"] = frozenset(r.code for r in rules)  # a rule may leave a passage to another that runs
    findings, traces = run_checks(ctx, rules, registry, settings.debug)
    return apply_suppressions(doc, findings, rules, rulebook.rules), traces, profile  # the document's ignore comments


def _lint_file(path: Path, session: Session, config: Config, settings: Settings,
               doc: Document | None = None) -> FileResult:
    registry, rulebook = session.books(config)
    if doc is None:
        loaded = load_document(path, session, config, settings)
        if isinstance(loaded, FileResult):
            return loaded
        doc = loaded
    result = FileResult(str(path))
    findings, traces, profile = check_document(doc, path, registry, rulebook, config, settings)
    result.doctype = profile.name if profile else None
    result.findings = sorted(findings, key=Finding.sort_key)
    if settings.full_text:
        result.lines = {i: b.text for i, b in enumerate(doc.blocks)}
    else:
        result.lines = {f.block: doc.blocks[f.block].text for f in result.findings if f.block < len(doc.blocks)}
    result.debug.extend(traces)
    return result


def exit_code(results: list[FileResult], fail_on: str) -> int:
    if any(r.error or r.crashed for r in results):
        return 2
    threshold = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings):
        return 1
    return 0


def summary(results: list[FileResult]) -> dict[str, Any]:
    by_sev: dict[str, int] = {}
    by_rule: dict[str, int] = {}
    for r in results:
        for f in r.findings:
            by_sev[f.severity] = by_sev.get(f.severity, 0) + 1
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    return {
        "files": len(results),
        "checked": sum(1 for r in results if not r.error and not r.skipped),
        "not_checked": sum(1 for r in results if r.error),
        "skipped": sum(1 for r in results if r.skipped),
        "findings": sum(len(r.findings) for r in results),
        "by_severity": dict(sorted(by_sev.items())),
        "by_rule": dict(sorted(by_rule.items())),
    }
