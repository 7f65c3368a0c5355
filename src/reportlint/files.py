"""Which files a run checks, the way ruff chooses them.

Paths named on the command line are always checked (unless ``--force-exclude``: then the
exclusions apply to them too). Directories are walked without recursion (no depth limit) and
without following links, skipping: what ``exclude`` / ``extend-exclude`` match (.gitignore
patterns; by default hidden folders, ``node_modules``, ``site-packages``, ``__pycache__``),
what ``.gitignore`` files ignore (unless ``--no-respect-gitignore``), version-control folders,
virtualenvs and conda environments, and Word/WPS/LibreOffice lock files (``~$…``, ``.~lock.…#``). A document type
reportlint knows but cannot read yet (.rtf, .odt) is a note, not an error.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

DEFAULT_EXCLUDE = (".*/", "node_modules/", "site-packages/", "__pycache__/")
LOCK_PREFIXES = ("~$", ".~lock.", ".~")
ENV_MARKERS = ("pyvenv.cfg", "conda-meta")
VCS_FOLDERS = (".git", ".hg", ".svn")  # never documents, whatever ``exclude`` says
# Known document types without a loader yet: what to tell the user instead of an error.
KNOWN_UNSUPPORTED = {
    ".rtf": "RTF 文件暂不支持检查，已跳过；请在 Word 中另存为 .docx 后再检查",
    ".odt": "OpenDocument（.odt）文件暂不支持检查，已跳过；请另存为 .docx 后再检查",
}
LOCK_NOTE = "是 Word/WPS 打开文档时生成的临时锁定文件，不是文档，已跳过"


@dataclass(slots=True, repr=False)
class Picked:
    """One path to report on: ``skip`` is a reason shown in the report (a FIFO, a link out of
    the tree); ``note`` a remark for standard error that makes no error (an unsupported type)."""

    path: Path
    skip: str | None = None
    note: str | None = None


@dataclass(repr=False)
class Selection:
    """Command-line choices about files; the rest comes from each folder's configuration."""

    config_for: Callable[[Path], Config]  # a resolved folder -> the configuration that applies there
    supported: tuple[str, ...]  # lower-case suffixes that have a loader
    exclude: tuple[str, ...] | None = None  # --exclude: replaces the configuration's and the default
    extend_exclude: tuple[str, ...] = ()  # --extend-exclude
    respect_gitignore: bool | None = None  # --no-respect-gitignore gives False
    force_exclude: bool | None = None  # --force-exclude / --no-force-exclude
    cwd: Path | None = None
    _patterns: dict[Path | None, list[tuple[Path, tuple[str, ...]]]] = field(default_factory=dict, compare=False)

    def patterns(self, config: Config) -> list[tuple[Path, tuple[str, ...]]]:
        """(folder the patterns are relative to, patterns) that exclude paths under ``config``."""
        if config.path not in self._patterns:
            self._patterns[config.path] = self._resolve_patterns(config)
        return self._patterns[config.path]

    def _resolve_patterns(self, config: Config) -> list[tuple[Path, tuple[str, ...]]]:
        cwd = self.cwd or Path.cwd().resolve()
        root = config.root.resolve() if config.path else cwd
        if self.exclude is not None:
            out = [(cwd, self.exclude)]
        elif config.exclude is not None:
            out = [(root, config.exclude)]
        else:
            out = [(root, DEFAULT_EXCLUDE)]
        out.append((root, config.extend_exclude))
        out.append((cwd, self.extend_exclude))
        return [(base, pats) for base, pats in out if pats]

    def excluded(self, real: str, is_dir: bool, anchor: str, rebase: bool = False) -> bool:
        """Whether ``real`` (a resolved path) is matched by the exclusions of its folder's config;
        ``anchor`` (the folder walked) stands for a pattern's folder when ``real`` is outside it,
        or always with ``rebase`` (a folder named on the command line that is itself excluded)."""
        config = self.config_for(Path(os.path.dirname(real)))
        return any(_matcher(pats).match_file(_relative(real, anchor if rebase else str(base), is_dir, anchor))
                   for base, pats in self.patterns(config))

    def excluder(self, config: Config, folder: str, anchor: str, rebase: bool) -> Callable[[str, bool], bool]:
        """``excluded`` for the entries of one walked folder (resolved; ``config`` is its own):
        ``test(name, is_dir)`` equals ``excluded(os.path.join(folder, name), is_dir, anchor, rebase)``.
        Each pattern folder's relative prefix is worked out once per folder instead of a
        ``Path``, a configuration look-up and an ``os.path.relpath`` per file (~25 us a file)."""
        tests = [(_prefix(folder, anchor if rebase else str(base), anchor), _matcher(pats))
                 for base, pats in self.patterns(config)]

        def test(name: str, is_dir: bool) -> bool:
            tail = name + "/" if is_dir else name
            return any(matcher.match_file(prefix + tail) for prefix, matcher in tests)

        return test

    def gitignore_for(self, config: Config) -> bool:
        return self.respect_gitignore if self.respect_gitignore is not None else config.respect_gitignore

    def gitignore(self, real: str) -> bool:
        return self.gitignore_for(self.config_for(Path(os.path.dirname(real))))

    def forced(self, real: str) -> bool:
        config = self.config_for(Path(os.path.dirname(real)))
        return self.force_exclude if self.force_exclude is not None else config.force_exclude


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec  # git's wildmatch, only when a directory is walked

    return GitIgnoreSpec.from_lines(patterns)


# A pattern ``NAME/`` (NAME one literal name, or ``.*``) has no slash but the trailing one, so in
# gitignore semantics it matches a folder of that name at any depth, and all below it: what the
# default exclusions are. Such a set is matched by comparing the path's folder names, without
# importing pathspec (~25 ms of a run's serial start, before the workers fork) nor compiling a spec.
_NOT_LITERAL = frozenset("/*?[]\\!#")


def _dir_name(pattern: str) -> str | None:
    """NAME of a pattern ``NAME/`` the fast matcher handles exactly, else None (pathspec decides)."""
    if pattern == ".*/":
        return ".*"
    name = pattern[:-1]
    if (not pattern.endswith("/") or not name or name != name.strip() or not name.isprintable()
            or not _NOT_LITERAL.isdisjoint(name)):
        return None
    return name


class _DirNames:
    """Matches like ``GitIgnoreSpec.from_lines(patterns).match_file`` for ``NAME/`` patterns only:
    a path matches when one of its folders (a part followed by ``/``) is a NAME, or hidden for
    ``.*``. A path pathspec reads in its own way (a newline: its ``.`` stops there; a leading
    ``//``) goes to pathspec itself."""

    __slots__ = ("hidden", "names", "patterns")

    def __init__(self, patterns: tuple[str, ...], names: tuple[str, ...]) -> None:
        self.patterns = patterns
        self.hidden = ".*" in names
        self.names = frozenset(n for n in names if n != ".*")

    def match_file(self, rel: str) -> bool:
        path = _normalize(rel)
        if "\n" in path or path.startswith("/"):
            return _spec(self.patterns).match_file(rel)
        parts = path.split("/")
        del parts[-1]  # a file's name, or the empty part after a folder's trailing slash
        return any(part in self.names or (self.hidden and part.startswith(".")) for part in parts)


def _normalize(rel: str) -> str:
    """pathspec's ``normalize_file``: separators to ``/``, one leading ``/`` or ``./`` dropped."""
    for sep in (os.sep, os.altsep):
        if sep and sep != "/":
            rel = rel.replace(sep, "/")
    if rel.startswith("/"):
        return rel[1:]
    return rel[2:] if rel.startswith("./") else rel


@lru_cache(maxsize=64)
def _matcher(patterns: tuple[str, ...]) -> _DirNames | GitIgnoreSpec:
    names = tuple(name for name in map(_dir_name, patterns) if name is not None)
    return _DirNames(patterns, names) if len(names) == len(patterns) else _spec(patterns)


def _under(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def _relative(real: str, base: str, is_dir: bool, anchor: str | None = None) -> str:
    """``real`` relative to ``base`` in the form pathspec matches (``a/b``, ``a/b/`` for a folder);
    outside ``base``, relative to ``anchor``, else its bare name: the folders above what the user
    named (a hidden ``~/.local``) never decide."""
    if _under(real, base):
        rel = os.path.relpath(real, base)
    elif anchor is not None and _under(real, anchor):
        rel = os.path.relpath(real, anchor)
    else:
        rel = os.path.basename(real)
    rel = rel.replace(os.sep, "/")
    return rel + "/" if is_dir else rel


def _prefix(folder: str, base: str, anchor: str | None) -> str:
    """What ``_relative`` puts before an entry's name for every entry of ``folder`` (resolved, so
    ``folder/name`` is under ``base`` exactly when ``folder`` is ``base`` or under it)."""
    for top in (base, anchor):
        if top is not None and _under(folder + os.sep, top):
            rel = os.path.relpath(folder, top)
            return "" if rel == "." else rel.replace(os.sep, "/") + "/"
    return ""


def is_lock_file(name: str) -> bool:
    """Word's owner file ``~$报告.docx``, LibreOffice's ``.~lock.报告.docx#``, WPS's ``.~报告.docx``."""
    return name.startswith(LOCK_PREFIXES)


def unsupported_note(name: str, supported: tuple[str, ...]) -> str | None:
    suffix = os.path.splitext(name)[1].lower()
    if suffix in supported:
        return None
    return KNOWN_UNSUPPORTED.get(suffix)


# ---------------------------------------------------------------- .gitignore


@dataclass(slots=True, repr=False)
class _Ignore:
    """The patterns of one .gitignore file."""
    base: str  # the folder holding the .gitignore (its patterns are relative to it)
    spec: Any


def _read_ignore(folder: str, name: str = ".gitignore", base: str | None = None) -> _Ignore | None:
    path = os.path.join(folder, name)
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:  # absent, a folder, unreadable: nothing ignored
        return None
    from pathspec import GitIgnoreSpec

    try:
        spec = GitIgnoreSpec.from_lines(lines)
    except Exception:  # a line git itself would skip: read the others
        spec = GitIgnoreSpec.from_lines([ln for ln in lines if _valid_line(ln)])
    return _Ignore(base or folder, spec)


def _valid_line(line: str) -> bool:
    from pathspec import GitIgnoreSpec

    try:
        GitIgnoreSpec.from_lines([line])
    except Exception:
        return False
    return True


def _outer_ignores(folder: str) -> tuple[_Ignore, ...]:
    """The .gitignore files above ``folder`` up to its git work tree's top (and that tree's
    ``.git/info/exclude``), outermost first. Outside a git work tree: none."""
    chain: list[str] = []
    current = os.path.dirname(folder)
    top = None
    probe = folder
    while True:
        if os.path.exists(os.path.join(probe, ".git")):
            top = probe
            break
        parent = os.path.dirname(probe)
        if parent == probe:
            break
        probe = parent
    if top is None or top == folder:
        found = _read_ignore(os.path.join(folder, ".git", "info"), "exclude", folder) if top else None
        return (found,) if found else ()
    while True:
        chain.append(current)
        if current == top:
            break
        current = os.path.dirname(current)
    out = [_read_ignore(os.path.join(top, ".git", "info"), "exclude", top)]
    out += [_read_ignore(d) for d in reversed(chain)]
    return tuple(i for i in out if i is not None)


def _git_ignored(real: str, is_dir: bool, chain: tuple[_Ignore, ...]) -> bool:
    """The innermost .gitignore with a say decides (a later ``!pattern`` re-includes)."""
    for ignore in reversed(chain):
        rel = _relative(real, ignore.base, is_dir)
        verdict = ignore.spec.check_file(rel).include
        if verdict is not None:
            return bool(verdict)
    return False


# ---------------------------------------------------------------- the walk


def select_files(paths: Iterable[Path], selection: Selection) -> Iterator[Picked]:
    """The files to check, in a stable order (the command line's, then by name in each folder)."""
    for given in paths:
        try:
            st = os.lstat(given)
        except OSError:
            yield Picked(given)  # the loader reports "not found"
            continue
        real = os.path.realpath(given)
        if selection.forced(real) and excluded_by_name(real, selection):
            continue
        is_dir = stat.S_ISDIR(st.st_mode) or (stat.S_ISLNK(st.st_mode) and os.path.isdir(given))
        if is_dir and not given.name.lower().endswith(selection.supported):
            yield from _walk(given, selection)
            continue
        if is_lock_file(given.name) and not is_dir:
            yield Picked(given, note=LOCK_NOTE)
            continue
        note = None if is_dir else unsupported_note(given.name, selection.supported)
        if note:
            yield Picked(given, note=note)
        elif stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode) or stat.S_ISDIR(st.st_mode):
            yield Picked(given)
        else:
            yield Picked(given, skip="不是普通文件（not a regular file），已跳过")


def excluded_by_name(real: str, selection: Selection) -> bool:
    """A path given by name matches the exclusions, itself or through a folder above it (up to
    the current folder)."""
    cwd = str(selection.cwd or Path.cwd().resolve())
    anchor = os.path.dirname(real)
    path, is_dir = real, os.path.isdir(real)
    while True:
        if selection.excluded(path, is_dir, anchor):
            return True
        parent = os.path.dirname(path)
        if parent == path or not _under(parent, cwd):
            return False
        path, is_dir = parent, True


def _ignored_with_parents(real: str, chain: tuple[_Ignore, ...]) -> bool:
    top = chain[0].base
    path = real
    while _under(path, top):
        if _git_ignored(path, True, chain):
            return True
        path = os.path.dirname(path)
    return False


def _is_environment(real: str) -> bool:
    return any(os.path.exists(os.path.join(real, marker)) for marker in ENV_MARKERS)


def _walk(root: Path, selection: Selection) -> Iterator[Picked]:
    real_root = os.path.realpath(root)
    rebase = excluded_by_name(real_root, selection)  # `check .github`: asked for, so walked
    suffixes = selection.supported + tuple(KNOWN_UNSUPPORTED)
    outer = _outer_ignores(real_root)
    if outer and _ignored_with_parents(real_root, outer):
        outer = ()  # `check build/` where build/ is ignored: asked for, so walked
    stack: list[tuple[Path, str, tuple[_Ignore, ...]]] = [(root, real_root, outer)]
    while stack:
        shown, real, chain = stack.pop()
        try:
            with os.scandir(real) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue  # an unreadable folder: its files cannot be named, let alone checked
        own = _read_ignore(real)
        if own is not None:
            chain = (*chain, own)
        folders: list[tuple[Path, str, tuple[_Ignore, ...]]] = []
        skipped: Callable[[str, bool], bool] | None = None  # this folder's exclusions, read at the first need
        for entry in entries:
            name = entry.name
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                full_real = os.path.join(real, name)
                if name in VCS_FOLDERS or _is_environment(full_real):
                    continue
                skipped = skipped or _skipper(real, chain, selection, real_root, rebase)
                if skipped(name, True):
                    continue
                if name.lower().endswith(selection.supported):
                    yield Picked(shown / name)  # reported as "a directory, not a document"
                else:
                    folders.append((shown / name, full_real, chain))
                continue
            if not name.lower().endswith(suffixes) or is_lock_file(name):
                continue
            skipped = skipped or _skipper(real, chain, selection, real_root, rebase)
            if skipped(name, False):
                continue
            full = shown / name
            note = unsupported_note(name, selection.supported)
            if note:
                yield Picked(full, note=note)
            elif is_link:
                yield _link(full, real_root)
            else:
                try:
                    regular = entry.is_file(follow_symlinks=False) and stat.S_ISREG(entry.stat().st_mode)
                except OSError:
                    continue
                yield Picked(full) if regular else Picked(full, skip="不是普通文件（not a regular file），已跳过")
        stack.extend(reversed(folders))


def _skipper(folder: str, chain: tuple[_Ignore, ...], selection: Selection, anchor: str,
             rebase: bool) -> Callable[[str, bool], bool]:
    """``skipped(name, is_dir)`` for the entries of ``folder``: excluded, or git-ignored when its
    configuration respects .gitignore. The folder's configuration is looked up once, when its first
    entry needs it (as before: a folder with nothing to check never reads its configuration)."""
    config = selection.config_for(Path(folder))
    excluded = selection.excluder(config, folder, anchor, rebase)
    if not (chain and selection.gitignore_for(config)):
        return excluded

    def skipped(name: str, is_dir: bool) -> bool:
        return excluded(name, is_dir) or _git_ignored(os.path.join(folder, name), is_dir, chain)

    return skipped


def _link(full: Path, real_root: str) -> Picked:
    target = os.path.realpath(full)
    inside = target == real_root or target.startswith(real_root + os.sep)
    if os.path.exists(target) and not inside:
        return Picked(full, skip="符号链接指向检查目录之外（symbolic link outside the tree），已跳过")
    if os.path.exists(target) and not os.path.isfile(target):
        return Picked(full, skip="符号链接指向的不是普通文件（not a regular file），已跳过")
    return Picked(full)
