"""The plain-language wing is a pure library: importing it loads no browser, crawler, store or CLI."""

import subprocess
import sys

FORBIDDEN_PACKAGES = ("selenium", "scrapy", "twisted", "sqlmodel", "sqlalchemy", "click")
FORBIDDEN_MODULES = ("a11ycheck.store", "a11ycheck.models", "a11ycheck.cli")


def test_importing_the_wing_loads_no_browser_crawler_store_or_cli():
    code = (
        "import sys, a11ycheck.language, a11ycheck.language.extract, a11ycheck.language.textfile\n"
        f"packages, modules = {FORBIDDEN_PACKAGES!r}, {FORBIDDEN_MODULES!r}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in packages or m in modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
