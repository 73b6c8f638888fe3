"""What a run tells its browsers: where Chromium is, how long a page may take, which rules run.

Plain settings, without Selenium: the settings and the CLI build them before any browser starts.
"""

import os
import shutil
from dataclasses import dataclass

from a11ycheck.errors import UserError

# Debian's chromium-headless-shell first: the same Chromium (one Debian source package, one version), built
# for automation without a browser window around the page. Its browser process does not lay out and paint a
# toolbar and tab strip at every navigation: a page costs about half the browser CPU of loading it in
# `chromium --headless=new` (bench/README.md), and its viewport is the whole window. Playwright runs
# headless pages in this shell too. Where it is not installed, Debian's chromium.
CHROMIUM_NAMES = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")


def installed_chromium() -> str:
    """The Chromium an audit runs with nothing configured (the first of CHROMIUM_NAMES on PATH), or Debian's
    chromium's path when none is installed, for the error that follows to name."""
    try:
        return find_executable(None, CHROMIUM_NAMES, "Chromium", "A11YCHECK_CHROMIUM")
    except UserError:
        return "/usr/bin/chromium"


def find_executable(configured: str | None, names: tuple[str, ...], what: str, env_var: str) -> str:
    """The configured path, or the first of `names` on PATH; never a download (no Selenium Manager)."""
    if configured:
        if os.path.isfile(configured) and os.access(configured, os.X_OK):
            return configured
        raise UserError(f"{what} not found at {configured}: fix {env_var} or install the Debian package")
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    raise UserError(
        f"{what} not found on PATH: install Debian's chromium-headless-shell and chromium-driver "
        f"(apt-get install chromium-headless-shell chromium-driver) or set {env_var}"
    )


@dataclass(frozen=True)
class BrowserConfig:
    chromium_path: str
    chromedriver_path: str
    page_load_timeout: float = 30.0
    script_timeout: float = 60.0
    remote_url: str | None = None  # a Selenium Grid; then no local processes are started
    run_tag: str = ""  # goes into the profile folder's name, so a resumed run can find what a killed one left
    extra_args: tuple[str, ...] = ()  # more Chromium switches (tests: a net log)
    egress_proxy: str | None = None  # "127.0.0.1:PORT" of the run's EgressGuard (a11ycheck/egress.py)


@dataclass(frozen=True)
class AuditLimits:
    page_load_timeout: float = 30.0
    axe_timeout: float = 60.0
    frame_wait_ms: int = 5000
    tags: tuple[str, ...] = ()
    split_at_elements: int = 10_000  # pages this large get color-contrast in a run of its own
    max_page_bytes: int = 0  # a page whose HTML is larger is "too-large", not audited (0: no limit)
    # (name, JavaScript function expression) run in each auditable page beside axe (page_observers.py)
    collectors: tuple[tuple[str, str], ...] = ()
    wcag22: bool = False  # also the WCAG 2.2 rules axe leaves off by default (target-size)

    @property
    def hard_limit(self) -> float:
        """After this, the watchdog kills the browser: a page in an endless JS loop blocks even timeouts."""
        return self.page_load_timeout + self.axe_timeout + 30.0
