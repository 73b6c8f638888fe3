"""One headless Chromium driven by chromedriver, started in its own process group and killed as a whole.

Like Brozzler's chrome.py: the driver runs with `start_new_session=True`, so Chromium and all its helpers
share the driver's process group, and `kill()` sends SIGTERM then SIGKILL to the group. Nothing is left
behind on any path out, including a crash of the browser itself.
"""

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

from a11ycheck.audit.config import BrowserConfig
from a11ycheck.errors import first_line

PROFILE_PREFIX = "a11ycheck-chromium-"
CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
    "--window-size=1280,1024",
    "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,"
    "NetworkTimeServiceQuerying",
    # Chromium's own calls home, which the flags above leave on: the account list (ListAccounts) and the
    # component updater. Pointed at port 9 on loopback, which Chromium refuses to connect to (an unsafe
    # port): no request leaves, not even a DNS query (tests/test_audit.py watches the browser's net log).
    "--gaia-url=http://127.0.0.1:9",
    "--component-updater=url-source=http://127.0.0.1:9/",
    # No new windows: chromium-headless-shell has no popup blocker, so a page's window.open, a link or form
    # with target=_blank (clicked by script) and the same from any frame would each leave a window open
    # beside the tab. The shell's own switch refuses them all; chromium ignores it (its blocker stays on).
    "--block-new-web-contents",
)
# V8 tuned for documents that live a few hundred milliseconds: every page is a new JavaScript context, so
# the optimised code the background compilers (TurboFan, Maglev) build for axe's hot functions is thrown
# away with each page before it pays off. Without them a page costs about 20 % less CPU (measured with
# one browser, 40 pages: 320-345 ms against 380-440 ms; bench/README.md); axe's results do not change,
# only the tier its code runs in (interpreter and Sparkplug baseline code).
# And no back/forward cache: an audit never goes back, and the cache kept earlier pages alive in the
# renderer (after 60 pages, its PSS was 314-329 MB without the cache against 444-513 MB with it).
# And one RenderFrame for all the documents a tab shows in a renderer, as Chromium did until RenderDocument:
# with it, every navigation builds a new frame host (speculative, then swapped in, the old one unloaded) in
# the browser process, about a sixth of what loading a page costs (a leaf page of the generated site, let
# finish: 141 ms of CPU against 120 without; bench/README.md). What a page's document is and does does not
# change, only how Chromium's processes book-keep it; chromedriver merges this with its own
# --disable-features and the ones above.
ENGINE_ARGS = (
    "--js-flags=--no-opt --no-maglev",
    "--disable-back-forward-cache",
    "--disable-features=RenderDocument",
)
# A renderer grows about a third as fast with pages whose findings were carried forward (loaded, not
# audited: no axe) as with audited pages. In chromium-headless-shell a fresh tab's renderer took 160 MB, 204
# after 60 such pages and 262 after 240; a tab of full audits grew from 258 to 318 MB in 45 pages
# (bench/README.md). So three of them wear a tab as one audited page does, and a re-audit renews tabs a
# third as often.
REUSED_PAGES_PER_PAGE = 3

# The profile's preferences. No downloads, ever. The first tab opens the empty page chromedriver names on
# the command line (data:,), not the new tab page: Debian's Chromium searches with DuckDuckGo, so its new
# tab page first loads start.duckduckgo.com, a request to the internet at every browser start, and
# chromedriver holds the first command until that navigation ends (up to 5 s where the name does not
# resolve; bench/README.md).
BROWSER_PREFS = {
    "download_restrictions": 3,
    "net.network_prediction_options": 2,  # no DNS prefetching or preconnecting to the hosts links point to
}


class ChromiumBrowser:
    """One browser session; `pages` and `tab_pages` count what it has loaded, so the pool can recycle it."""

    def __init__(self, config: BrowserConfig):
        self.config = config
        self.pages = 0
        self.tab_pages = 0  # pages loaded in the current tab (page_audit.renew_tab starts a new one)
        self.tab_reused = 0  # of them, pages whose findings were carried forward without axe
        # The current document carries the audit script's mark, so a URL that starts a download (and
        # leaves this document in place) is told apart from it without loading about:blank between pages.
        self.document_marked = False
        # What page_audit.prepare_browser registered for every new document: whether DevTools commands
        # are taken at all (a Grid may refuse them), and the identifier of axe's registration, if any.
        self.registers_scripts = False
        self.axe_registration: str | None = None
        self._profile_dir = tempfile.mkdtemp(prefix=f"{profile_prefix(config.run_tag)}")
        self._service: Service | None = None
        options = webdriver.ChromeOptions()
        for arg in CHROMIUM_ARGS + ENGINE_ARGS + config.extra_args:
            options.add_argument(arg)
        options.page_load_strategy = "normal"
        # alert/confirm/beforeunload never block an audit; accepting lets navigation away go on
        options.unhandled_prompt_behavior = "accept"
        options.add_experimental_option("prefs", BROWSER_PREFS)
        # chromedriver turns the popup blocker off by default; window.open would pile up windows
        options.add_experimental_option("excludeSwitches", ["disable-popup-blocking"])
        try:
            if config.remote_url:
                # Selenium gives a remote Chrome session Chromium's own commands (DevTools) too; a Grid
                # passes them on to the node's chromedriver or refuses them (page_audit._run_in_new_documents)
                self.driver = webdriver.Remote(command_executor=config.remote_url, options=options)
            else:
                options.binary_location = config.chromium_path
                # chromedriver talks to Chromium over a pipe, not a DevTools port on loopback that any local
                # process could connect to (and without the IPv6 probe chromedriver makes to reach that port)
                options.add_argument("--remote-debugging-pipe")
                if config.egress_proxy:
                    # every request through the address check, loopback included (Chromium skips the
                    # proxy for loopback unless told so)
                    options.add_argument(f"--proxy-server=http://{config.egress_proxy}")
                    options.add_argument("--proxy-bypass-list=<-loopback>")
                # chromedriver makes the profile (and opens its first tab on data:,) in its temporary
                # folder, which is ours: kill_leftover_browsers finds the browser by it, kill() removes it.
                # A profile folder of our own (--user-data-dir) would leave chromium-headless-shell without
                # any tab, as chromedriver then names no first page.
                self._service = Service(
                    config.chromedriver_path,
                    popen_kw={"start_new_session": True},
                    log_output=subprocess.DEVNULL,
                    env={**os.environ, "TMPDIR": self._profile_dir},
                )
                self.driver = webdriver.Chrome(service=self._service, options=options)
        except WebDriverException as exc:
            self.kill()
            raise BrowserStartError(f"Chromium did not start: {first_line(exc)}") from exc
        self.driver.set_page_load_timeout(config.page_load_timeout)
        self.driver.set_script_timeout(config.script_timeout)

    @property
    def tab_wear(self) -> float:
        """What the current tab has shown, in pages audited with axe: a page whose findings were carried
        forward counts 1 / REUSED_PAGES_PER_PAGE (the pool gives the browser a fresh tab at a set wear)."""
        return self.tab_pages - self.tab_reused + self.tab_reused / REUSED_PAGES_PER_PAGE

    @property
    def remote(self) -> bool:
        """On a Selenium Grid (or another remote WebDriver): no local processes to watch or kill."""
        return bool(self.config.remote_url)

    def devtools(self, method: str, params: dict) -> dict:
        """One DevTools protocol command, locally or through a remote WebDriver that passes it on."""
        return self.driver.execute("executeCdpCommand", {"cmd": method, "params": params})["value"]

    @property
    def process_group(self) -> int | None:
        process = self._service.process if self._service else None
        if process is None:
            return None
        try:
            return os.getpgid(process.pid)
        except ProcessLookupError:
            return None

    def kill(self) -> None:
        """Stop the browser and every process it started; safe to call twice and from another thread."""
        process = self._service.process if self._service else None
        if process is not None:
            _kill_group(process)  # even when the driver has quit: its browser may not have
        elif self._service is None and getattr(self, "driver", None) is not None:
            try:
                self.driver.quit()  # remote browser: all we can do
            except WebDriverException:
                pass
        shutil.rmtree(self._profile_dir, ignore_errors=True)

    def close(self) -> None:
        """Quit politely, then make sure: the group is killed whatever quit did."""
        if getattr(self, "driver", None) is not None and self._service is not None:
            try:
                self.driver.quit()
            except Exception:  # noqa: BLE001 - a dead browser cannot quit; kill() follows anyway
                pass
        self.kill()


def profile_prefix(run_tag: str) -> str:
    return f"{PROFILE_PREFIX}{run_tag}-" if run_tag else PROFILE_PREFIX


def kill_leftover_browsers(run_tag: str) -> int:
    """Kill the browsers a killed run left running (found by their profile folder) and remove the folders.

    Returns how many process groups were killed.
    """
    marker = f"--user-data-dir={os.path.join(tempfile.gettempdir(), profile_prefix(run_tag))}"
    groups = set()
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/cmdline", "rb") as handle:
                arguments = handle.read().decode(errors="replace").split("\0")
        except OSError:
            continue
        if any(argument.startswith(marker) for argument in arguments):
            try:
                groups.add(os.getpgid(int(entry.name)))
            except ProcessLookupError:
                continue
    for group in groups:
        try:
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for folder in Path(tempfile.gettempdir()).glob(f"{profile_prefix(run_tag)}*"):
        shutil.rmtree(folder, ignore_errors=True)
    return len(groups)


class BrowserStartError(RuntimeError):
    """Chromium or chromedriver failed to start."""


def _kill_group(process: subprocess.Popen, grace: float = 2.0) -> None:
    """SIGTERM to the driver's process group, then SIGKILL to what is left of it once the driver is gone
    or `grace` seconds have passed. The driver leads the group (start_new_session), so the group's id is
    its pid, and the browser is reached through it after the driver exited too: chromedriver quits by
    stopping the process it started, which for chromium-headless-shell is Debian's wrapper script, not
    the browser the script runs. Only while the group has members: the id of a group with none left may
    be a new process's."""
    group = process.pid
    if not live_group_members(group):
        process.poll()  # reap the driver, if it is waiting for that
        return
    try:
        os.killpg(group, signal.SIGTERM)
    except ProcessLookupError:
        return  # nothing of the group is left
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    try:  # the driver is gone or did not stop in time; make sure nothing it started stays
        os.killpg(group, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        pass
    deadline = time.monotonic() + grace  # and return when they are gone, not while they are dying
    while time.monotonic() < deadline and live_group_members(group):
        time.sleep(0.02)


def live_group_members(pgid: int) -> list[int]:
    """Processes of a process group still running (zombies waiting to be reaped do not count)."""
    members = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, group = fields[0], int(fields[2])
        if group == pgid and state not in ("Z", "X"):
            members.append(int(entry.name))
    return members
