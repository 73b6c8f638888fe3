"""The seams of the house: what each stage may import, one-way imports without cycles, the packages installed.

Fast: no browser, no database server.
"""

import ast
import functools
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "a11ycheck"

# Stages that read what the crawl stored and must never load the browser stack.
WITHOUT_BROWSER = [
    "a11ycheck.store",
    "a11ycheck.models",
    "a11ycheck.settings",
    "a11ycheck.export",
    "a11ycheck.sites",
    "a11ycheck.targets",
    "a11ycheck.charters.measures",
    "a11ycheck.charters.status",
    "a11ycheck.charters.tallies",
    "a11ycheck.report.queries",
    "a11ycheck.report.build",
    "a11ycheck.cli_charters",
    "a11ycheck.cli_report",
    "a11ycheck.cli_sites",
    "a11ycheck.cli_documents",
    "a11ycheck.document_queries",
    "a11ycheck.document_checks",
    "a11ycheck.document_source",
    "a11ycheck.charters.document_tallies",
    "a11ycheck.retention",
    "a11ycheck.cli_retention",
]


def _browser_modules_loaded_by(*modules: str) -> str:
    """The selenium and scrapy modules a new interpreter has loaded after importing `modules`."""
    heavy = "('selenium', 'scrapy')"
    imports = ", ".join(modules)
    probe = f"import sys, {imports}; print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy}))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@functools.cache
def _all_reading_stages_together() -> str:
    return _browser_modules_loaded_by(*WITHOUT_BROWSER)


@pytest.mark.parametrize("module", WITHOUT_BROWSER)
def test_reading_stages_do_not_load_selenium(module):
    # One interpreter importing every reading stage loads everything any one of them loads: when it has
    # no browser module, none of them does. Otherwise each is asked alone, to name the one that does.
    if _all_reading_stages_together() == "[]":
        return
    loaded = _browser_modules_loaded_by(module)
    assert loaded == "[]", f"{module} loads {loaded}"


def _modules() -> dict[str, Path]:
    """Every module of the installed package by dotted name, a11ycheck.spiders included."""
    found = {}
    roots = [(PACKAGE, "a11ycheck"), (REPO / "spiders", "a11ycheck.spiders")]
    for root, prefix in roots:
        for path in root.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join((prefix, *parts)).removesuffix(".__init__")
            found[name] = path
    return found


def _top_level_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules a file imports at its top level (imports inside functions are deliberate, late)."""
    imported = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = [f"{node.module}.{alias.name}" for alias in node.names]
            # `from package import submodule` uses the submodule; anything else uses the module itself
            names = [name for name in submodules if name in modules] or [node.module]
        imported |= {name for name in names if name in modules}
    return imported


def test_the_vocabulary_imports_only_itself():
    modules = _modules()
    for name, path in modules.items():
        if name.startswith("a11ycheck.vocabulary"):
            outside = {
                m for m in _top_level_imports(path, modules) if not m.startswith("a11ycheck.vocabulary")
            }
            assert not outside, f"{name} imports {outside}"


def test_no_import_cycles():
    modules = _modules()
    graph = {name: _top_level_imports(path, modules) - {name} for name, path in modules.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph.get(name, ())):
            if state.get(target) == 1:
                cycle = path[path.index(target) :] + [target] if target in path else [name, target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if state.get(target) is None:
                visit(target, path + [target])
        state[name] = 2

    for name in sorted(graph):
        if state.get(name) is None:
            visit(name, [name])


def test_every_package_folder_is_installed():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {".".join(init.parent.relative_to(REPO).parts) for init in PACKAGE.rglob("__init__.py")} | {
        "a11ycheck.spiders"
    }
    assert listed == folders


# What `a11ycheck --help`, and a command that refuses its input before any work, must not load: the
# database (SQLAlchemy, alembic), the language statistics (wordfreq), the crawl and the browser.
STARTUP_HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "wordfreq", "scrapy", "selenium", "rich")


def _every_command() -> list[list[str]]:
    from a11ycheck.cli import cli

    return [[name] for name in sorted(cli.commands)]


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        *([*command, "--help"] for command in _every_command()),
        ["audit", "not a url"],
        ["crawl", "ftp://example.org/"],
    ],
    ids=" ".join,
)
def test_help_and_refused_input_load_nothing_heavy(args):
    """Each command's entry point in a new interpreter, as a user starts it (run_cli forks them)."""
    probe = (
        "import runpy, sys\n"
        "sys.argv = ['a11ycheck', *sys.argv[1:]]\n"
        "try:\n"
        "    runpy.run_module('a11ycheck', run_name='__main__')\n"
        "finally:\n"
        f"    print(sorted({{m.split('.')[0] for m in sys.modules}} & set({STARTUP_HEAVY!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert done.returncode == (0 if "--help" in args else 2), done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert "Traceback" not in done.stderr
    assert done.stdout.startswith("Usage: ") if "--help" in args else done.stderr.startswith("Error: ")
