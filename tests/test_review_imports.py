"""The review wing is a pure library: importing it loads no browser, crawler, database or CLI code, and the
shared vocabulary loads nothing of the project at all."""

import subprocess
import sys


def modules_loaded_by(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return set(done.stdout.split())


def test_the_review_wing_loads_no_browser_crawler_store_or_cli():
    loaded = modules_loaded_by("import a11ycheck.review")
    assert "a11ycheck.review.statement" in loaded  # the import did load the wing
    forbidden = {
        "selenium",
        "scrapy",
        "twisted",
        "sqlmodel",
        "sqlalchemy",
        "click",
        "a11ycheck.store",
        "a11ycheck.models",
        "a11ycheck.cli",
    }
    assert not forbidden & loaded
    assert {name for name in loaded if name.startswith("a11ycheck.")} <= {
        "a11ycheck.errors",
        "a11ycheck.urls",
        "a11ycheck.vocabulary",
        "a11ycheck.vocabulary.criteria",
    } | {name for name in loaded if name.startswith("a11ycheck.review")}


def test_the_vocabulary_loads_nothing_of_the_project():
    loaded = modules_loaded_by("import a11ycheck.vocabulary.criteria")
    assert {name for name in loaded if name.startswith("a11ycheck")} == {
        "a11ycheck",
        "a11ycheck.vocabulary",
        "a11ycheck.vocabulary.criteria",
    }
