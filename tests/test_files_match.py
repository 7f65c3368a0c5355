"""The walk's exclusions without pathspec (issue #20, speed): ``NAME/`` pattern sets, the default
among them, are matched by folder names and must say exactly what pathspec's GitIgnoreSpec says;
each walked folder works out its exclusions once and must say what the per-path test says."""

from __future__ import annotations

import itertools
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reportlint import files
from reportlint.config import Config
from reportlint.files import DEFAULT_EXCLUDE, Selection, _DirNames, _matcher, _prefix, _relative, select_files

pathspec = pytest.importorskip("pathspec")

# names a folder may have: hidden or not, dots only, near misses of the defaults, unicode, a space,
# a newline (pathspec's ``.`` stops at one), an empty part (a doubled slash)
PARTS = [".", "..", "...", "..x", ".hidden", ".git", "node_modules", "node_modules2", "xnode_modules",
         "site-packages", "site_packages", "__pycache__", "__pycache", "build", "a", "b.txt", "报告",
         ".报告", "é", "a b", "a\nb", ".\n", "\n", "", "Node_Modules"]
LEADS = ["", "/", "./", "//", "../", "./."]

PATTERN_SETS = [
    DEFAULT_EXCLUDE,
    ("node_modules/",),
    (".*/",),
    ("build/", "报告/", "a b/"),
    ("./", "../", "..x/"),
    ("site-packages/", "é/", "Node_Modules/"),
]


def _paths(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        depth = rng.randint(1, 4)
        path = rng.choice(LEADS) + "/".join(rng.choice(PARTS) for _ in range(depth))
        out.append(path + "/" if rng.random() < 0.5 else path)
    return out


TABLE = [
    "node_modules/", "node_modules", "a/node_modules/b.txt", "a/node_modules2/b.txt", "node_modules2/",
    ".", "./", "..", "../", "..x/", "..x", "a/.b", "a/.b/", "a/.b/c", ".a/b.txt", "/.a/b", "//.a/b", "./x/",
    "./.x/", "a//.b/x", "a\n/.b/", ".\n/x", "a/__pycache__/m.txt", "site-packages", "lib/site-packages/x.txt",
    "报告/.草稿/a.docx", "报告/a.docx", "", "/",
]


@pytest.mark.parametrize("patterns", PATTERN_SETS)
def test_name_patterns_match_exactly_like_pathspec(patterns: tuple[str, ...]) -> None:
    fast = _matcher(patterns)
    assert isinstance(fast, _DirNames)  # else this test would compare pathspec with itself
    spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    rng = random.Random(20)
    cases = TABLE + _paths(rng.randrange(1 << 30), 3000)
    differ = [p for p in cases if fast.match_file(p) != spec.match_file(p)]
    assert differ == []
    assert any(spec.match_file(p) for p in cases) and not all(spec.match_file(p) for p in cases)


@pytest.mark.parametrize("pattern", [
    "*.md", "a/b/", "/build/", "build", "!build/", "#build/", " build/", "build /", "[ab]/", "a\\b/", "**/x/",
    "b?/", "*/", "/", "a\tb/",
])
def test_any_other_pattern_goes_to_pathspec(pattern: str) -> None:
    assert not isinstance(_matcher(("node_modules/", pattern)), _DirNames)


FOLDERS = ["/", "/a", "/a/b", "/ab", "/a/b/c", "/a b", "/x/.h"]


def test_a_folder_s_prefix_plus_a_name_is_the_entry_s_relative_path() -> None:
    anchors: list[str | None] = [None, *FOLDERS]
    for folder, base, anchor in itertools.product(FOLDERS, FOLDERS, anchors):
        for name, is_dir in itertools.product(["n", ".h", "报告.docx"], [False, True]):
            whole = _relative(os.path.join(folder, name), base, is_dir, anchor)
            assert _prefix(folder, base, anchor) + name + ("/" if is_dir else "") == whole, (folder, base, anchor)


def _tree(root: Path, rng: random.Random) -> None:
    names = ["a.txt", ".b.txt", "c.md", "d.docx", "e.bin", "node_modules2", ".hidden", "node_modules", "site-packages",
             "__pycache__", "build", "报告", "..x", "sub"]
    folders = [root, root / "sub"]
    for _ in range(60):
        parent = rng.choice(folders)
        name = rng.choice(names)
        path = parent / name
        if path.exists():
            continue
        if rng.random() < 0.4:
            path.mkdir()
            folders.append(path)
        else:
            path.write_text("x", encoding="utf-8")


@pytest.mark.parametrize("seed", range(6))
def test_a_walk_picks_the_same_files_as_path_by_path_with_pathspec(seed: int, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden" / "node_modules").mkdir(parents=True)
    (root / ".hidden" / "a.txt").write_text("x", encoding="utf-8")
    (root / ".hidden" / "node_modules" / "b.txt").write_text("x", encoding="utf-8")
    _tree(root, rng)
    if seed % 2:  # a git work tree: its .gitignore files too
        (root / ".git").mkdir()
        (root / ".gitignore").write_text("*.md\n!c.md\n报告/\n", encoding="utf-8")
        (root / "sub" / ".gitignore").write_text("a.txt\n", encoding="utf-8")
    configs = {  # a folder with its own exclusions, as a reportlint.toml there would give
        str(root / "sub"): Config(path=root / "sub" / "reportlint.toml", extend_exclude=("build/", "*.md")),
    }

    def config_for(folder: Path) -> Config:
        for top, config in configs.items():
            if str(folder) == top or str(folder).startswith(top + os.sep):
                return config
        return Config()

    def walk(given: Path, cwd: Path, **options: object) -> list[str]:
        selection = Selection(config_for=config_for, supported=(".docx", ".md", ".txt"), cwd=cwd.resolve(),
                              **options)  # type: ignore[arg-type]
        return [f"{p.path}|{p.skip}|{p.note}" for p in select_files([given], selection)]

    runs: list[tuple[Path, Path, dict[str, object]]] = [
        (root, root, {}), (root, tmp_path, {}), (root / "sub", root, {}), (root, root / "sub", {}),
        (root, root, {"extend_exclude": ("报告/",)}), (root, root, {"exclude": ("..x/", "sub/")}),
        (root, root, {"respect_gitignore": False})]
    runs.append((root / ".hidden", root, {}))  # an excluded folder named: walked, its patterns rebased on it
    fast = [walk(given, cwd, **options) for given, cwd, options in runs]
    assert any(fast)

    def path_by_path(folder: str, chain: tuple[Any, ...], selection: Selection, anchor: str,
                     rebase: bool) -> Callable[[str, bool], bool]:
        def skipped(name: str, is_dir: bool) -> bool:  # each entry on its own, as before issue #20
            real = os.path.join(folder, name)
            if selection.excluded(real, is_dir, anchor, rebase):
                return True
            return bool(chain) and selection.gitignore(real) and files._git_ignored(real, is_dir, chain)

        return skipped

    monkeypatch.setattr(files, "_matcher", files._spec)
    monkeypatch.setattr(files, "_skipper", path_by_path)
    assert [walk(given, cwd, **options) for given, cwd, options in runs] == fast


def test_a_walked_folder_s_configuration_is_looked_up_once_and_only_when_an_entry_needs_it(tmp_path: Path) -> None:
    for name in ("docs/a.txt", "docs/b.md", "docs/c.docx", "docs/sub/d.txt", "images/e.png", "images/f.bin"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    asked: list[Path] = []

    def config_for(folder: Path) -> Config:
        asked.append(folder)
        return Config()

    selection = Selection(config_for=config_for, supported=(".docx", ".md", ".txt"), cwd=tmp_path.resolve())
    picked = [p.path.relative_to(tmp_path).as_posix() for p in select_files([tmp_path], selection)]
    assert picked == ["docs/a.txt", "docs/b.md", "docs/c.docx", "docs/sub/d.txt"]
    real = tmp_path.resolve()
    # once per walked folder with an entry to decide on (before, once per entry); images/ holds
    # nothing reportlint reads, so a broken configuration there is never read, as before
    assert [folder for folder in asked if folder == real or real in folder.parents] == [
        real, real / "docs", real / "docs" / "sub"]


def _imports_pathspec(tmp_path: Path, *args: str) -> tuple[str, bool]:
    for folder in (".cache", "node_modules/pkg", "docs/__pycache__", "docs/.草稿"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "docs" / "报告.txt").write_text("x", encoding="utf-8")
    code = ("import sys; from pathlib import Path\n"
            "from reportlint.checkcmd import _jobs; from reportlint.config import find_config\n"
            "from reportlint.files import Selection\n"
            "selection = Selection(config_for=find_config, supported=('.txt',), cwd=Path.cwd().resolve(),\n"
            "                      extend_exclude=tuple(sys.argv[1:]))\n"
            "found, work = _jobs(('.',), None, selection, None)\n"
            "print(sorted(str(p) for p, _ in found), 'pathspec' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=tmp_path,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    found, imported = done.stdout.rsplit(" ", 1)
    return found, imported.strip() == "True"


def test_walking_with_the_default_exclusions_does_not_import_pathspec(tmp_path: Path) -> None:
    assert _imports_pathspec(tmp_path) == ("['docs/报告.txt']", False)


def test_a_pattern_that_is_not_a_folder_name_still_goes_through_pathspec(tmp_path: Path) -> None:
    assert _imports_pathspec(tmp_path, "报告.txt") == ("[]", True)
