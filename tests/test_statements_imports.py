"""The statement wing's core stays a pure library when it is wired in: importing the package loads no
browser, crawler, database or CLI code; the stages that read what crawls stored (export, charters, report)
load its stored results without the browser stack."""

import subprocess
import sys


def modules_loaded_by(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return set(done.stdout.split())


def test_the_core_loads_no_browser_crawler_store_or_cli():
    loaded = modules_loaded_by("import a11ycheck.statements")
    assert "a11ycheck.statements.reading" in loaded
    forbidden = {"selenium", "scrapy", "twisted", "sqlmodel", "sqlalchemy", "click", "a11ycheck.store"}
    assert not forbidden & loaded
    assert not {name for name in loaded if name.startswith("a11ycheck.statements.")} & {
        "a11ycheck.statements.observer",
        "a11ycheck.statements.queries",
        "a11ycheck.statements.stored",
    }


def test_reading_what_crawls_stored_loads_no_browser():
    modules = ("a11ycheck.statements.stored", "a11ycheck.statements.queries", "a11ycheck.cli_statements")
    together = modules_loaded_by(f"import {', '.join(modules)}")  # a superset of what each one loads
    if not {"selenium", "scrapy"} & {name.split(".")[0] for name in together}:
        return
    for module in modules:  # one of them loads the browser stack: which
        loaded = modules_loaded_by(f"import {module}")
        assert not {"selenium", "scrapy"} & {name.split(".")[0] for name in loaded}, module
