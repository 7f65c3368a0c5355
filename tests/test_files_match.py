"""The walk's exclusions without pathspec (issue #20, speed): ``NAME/`` pattern sets, the default
among them, are matched by folder names and must say exactly what pathspec's GitIgnoreSpec says."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import files
from reportlint.config import Config
from reportlint.files import DEFAULT_EXCLUDE, Selection, _DirNames, _matcher, select_files

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
def test_a_walk_picks_the_same_files_as_with_pathspec_for_every_pattern(seed: int, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    _tree(root, rng)
    configs = {  # a folder with its own exclusions, as a reportlint.toml there would give
        str(root / "sub"): Config(path=root / "sub" / "reportlint.toml", extend_exclude=("build/", "*.md")),
    }

    def config_for(folder: Path) -> Config:
        for top, config in configs.items():
            if str(folder) == top or str(folder).startswith(top + os.sep):
                return config
        return Config()

    def walk(given: Path, cwd: Path, **options: tuple[str, ...]) -> list[str]:
        selection = Selection(config_for=config_for, supported=(".docx", ".md", ".txt"), cwd=cwd.resolve(),
                              **options)  # type: ignore[arg-type]
        return [f"{p.path}|{p.skip}|{p.note}" for p in select_files([given], selection)]

    runs = [(root, root, {}), (root, tmp_path, {}), (root / "sub", root, {}), (root, root / "sub", {}),
            (root, root, {"extend_exclude": ("报告/",)}), (root, root, {"exclude": ("..x/", "sub/")})]
    hidden = root / ".hidden"
    if hidden.is_dir():
        runs.append((hidden, root, {}))  # an excluded folder named: walked, its patterns rebased on it
    fast = [walk(*run[:2], **run[2]) for run in runs]
    assert any(fast)
    monkeypatch.setattr(files, "_matcher", files._spec)
    assert [walk(*run[:2], **run[2]) for run in runs] == fast


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
