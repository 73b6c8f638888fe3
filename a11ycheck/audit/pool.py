"""A pool of N headless browsers shared by N audit threads: started lazily, recycled, replaced on crash."""

import logging
import threading
import time
from dataclasses import dataclass, field

from selenium.common.exceptions import WebDriverException
from urllib3.exceptions import HTTPError as Urllib3Error

from a11ycheck.audit.chromium import BrowserStartError, ChromiumBrowser
from a11ycheck.audit.config import AuditLimits, BrowserConfig
from a11ycheck.audit.page_audit import BrowserGone, audit_page, prepare_browser, renew_tab
from a11ycheck.audit.page_render import render_page
from a11ycheck.errors import first_line
from a11ycheck.vocabulary.results import PageResult, RenderedPage
from a11ycheck.vocabulary.statuses import BROWSER_CRASH

log = logging.getLogger(__name__)


@dataclass
class PoolStats:
    browsers_started: int = 0
    browsers_replaced: int = 0
    pages_retried: int = 0
    busy_seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


class _Slot:
    """Holds a place in the pool while a browser starts, so no more than `size` ever run."""


SPARE_LEAD = 5  # pages before a browser retires at which its replacement starts, in the background


class BrowserPool:
    """`audit(url)` borrows a browser, audits, and gives it back; safe to call from `size` threads.

    Chromium's memory grows with use, most of it in the tab's renderer process: every `new_tab_after`
    pages a browser gets a fresh tab (a new renderer; cheap), and after `recycle_after` pages it is
    restarted as a whole. A browser is replaced when it crashes; the page it was on is retried once in a
    fresh browser, then recorded as `browser-crash`. No audit waits for a restart (the starts still cost
    CPU): the replacement starts in the background a few pages ahead, and once it is ready the browser it
    replaces is closed (in the background) as soon as it is free, so there is one browser more than `size`
    only while that browser starts and a page finishes. A browser whose replacement is late (spares start
    one at a time, and a start takes seconds on a busy machine) goes on auditing rather than leave its
    thread waiting, up to twice `recycle_after` pages.
    `close()` kills every browser's process group.
    """

    def __init__(
        self,
        size: int,
        config: BrowserConfig,
        limits: AuditLimits,
        recycle_after: int = 300,
        new_tab_after: int = 30,
    ):
        if size < 1:
            raise ValueError("a browser pool needs at least one browser")
        self.size = size
        self.config = config
        self.limits = limits
        self.recycle_after = recycle_after
        self.recycle_limit = 2 * recycle_after  # retired here even when its replacement is not ready
        self.new_tab_after = new_tab_after
        self.stats = PoolStats()
        self._idle: list[ChromiumBrowser] = []  # free browsers, the most recently used last
        self._live: set[ChromiumBrowser | _Slot] = set()
        self._lock = threading.Lock()
        self._freed = threading.Condition(self._lock)  # a browser became idle or a slot became free
        self._closed = False
        self._background: list[threading.Thread] = []  # spares starting, retired browsers quitting
        self._spare_starting = False  # one at a time, so memory never holds more than one browser extra
        self._retiring: set[ChromiumBrowser] = set()  # replaced by a spare: closed when next free
        self._spare_asked: set[ChromiumBrowser] = set()  # browsers whose replacement was started

    def __enter__(self) -> "BrowserPool":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def live_browsers(self) -> list[ChromiumBrowser]:
        with self._lock:
            return [b for b in self._live if isinstance(b, ChromiumBrowser)]

    def audit(self, url: str, max_links: int = 0, previous: str | None = None) -> PageResult:
        """Audit `url` in a free browser (see audit_page; `previous`: the fingerprint of what axe saw there
        last time); a browser lost on it is replaced, and the page tried once more."""
        last_error = ""
        for attempt in (1, 2):
            browser = self._acquire()
            started = time.monotonic()
            try:
                result = audit_page(browser, url, self.limits, max_links, previous)
            except (BrowserGone, Urllib3Error, ConnectionError) as exc:
                last_error = str(exc) or type(exc).__name__
                log.warning("browser lost on %s (attempt %d): %s", url, attempt, last_error)
                self._discard(browser, replaced=True)
                if attempt == 1:
                    with self.stats.lock:
                        self.stats.pages_retried += 1
                continue
            finally:
                with self.stats.lock:
                    self.stats.busy_seconds += time.monotonic() - started
            if result.browser_unusable:
                self._discard(browser, replaced=True)
            else:
                self._release(browser)
            result.attempts = attempt
            return result
        return PageResult(
            url=url, status=BROWSER_CRASH, error=f"browser crashed twice: {last_error}", attempts=2
        )

    def render(self, url: str) -> RenderedPage:
        """`url` rendered by a free browser, for reading (page_render.py); a lost browser is replaced."""
        browser = self._acquire()
        try:
            page = render_page(browser, url, self.limits)
        except (WebDriverException, Urllib3Error, ConnectionError) as exc:
            self._discard(browser, replaced=True)
            return RenderedPage(url, BROWSER_CRASH, None, "", first_line(exc))
        self._release(browser)
        return page

    def close(self) -> None:
        with self._freed:
            self._closed = True
            browsers, self._live = list(self._live), set()
            self._idle, self._retiring, self._spare_asked = [], set(), set()
            background, self._background = self._background, []
            self._freed.notify_all()
        for browser in browsers:
            if isinstance(browser, ChromiumBrowser):
                browser.close()
        for thread in background:
            thread.join()  # a spare that finished starting after the pool closed closes itself

    def _acquire(self) -> ChromiumBrowser:
        """An idle browser, or a new one while fewer than `size` live; otherwise wait for one."""
        with self._freed:
            while True:
                if self._closed:
                    raise RuntimeError("the browser pool is closed")
                if self._idle:
                    return self._idle.pop()
                if len(self._live) < self.size:
                    self._live.add(placeholder := _Slot())
                    break
                self._freed.wait(timeout=0.5)  # a browser may also have been discarded: look again
        try:
            browser = self._start()
        except BaseException:
            with self._freed:
                self._live.discard(placeholder)
                self._freed.notify()
            raise
        with self._freed:  # the slot passes from the placeholder to the browser at once
            self._live.discard(placeholder)
            closed = self._closed
            if not closed:
                self._live.add(browser)
        if closed:
            browser.close()
            raise RuntimeError("the browser pool is closed")
        return browser

    def _start(self) -> ChromiumBrowser:
        last: Exception | None = None
        for _ in range(3):
            browser = None
            try:
                browser = ChromiumBrowser(self.config)
                prepare_browser(browser)
            except BrowserStartError as exc:
                last = exc
                time.sleep(0.5)
                continue
            except BaseException:
                if browser is not None:
                    browser.kill()
                raise
            with self.stats.lock:
                self.stats.browsers_started += 1
            return browser
        raise BrowserStartError(f"{last}; check that chromium and chromedriver versions match")

    def _release(self, browser: ChromiumBrowser) -> None:
        with self._lock:
            order = (
                browser.pages >= max(1, self.recycle_after - SPARE_LEAD)
                and browser not in self._spare_asked
                and not self._spare_starting
                and not self._closed
            )
            if order:
                self._spare_starting = True
                self._spare_asked.add(browser)
        if order:
            self._in_background(lambda: self._start_spare(browser))
        if not self._renew_tab_if_due(browser):
            return
        with self._freed:
            if browser in self._retiring or browser.pages >= self.recycle_limit:
                self._retire(browser)
                return
            if not self._closed and browser in self._live:
                self._idle.append(browser)
                self._freed.notify()
                return
        browser.close()

    def _renew_tab_if_due(self, browser: ChromiumBrowser) -> bool:
        """A fresh tab after `new_tab_after` pages (ChromiumBrowser.tab_wear), unless the browser is soon
        retired anyway; False when the browser failed at it and was discarded (the next audit starts
        another)."""
        with self._lock:
            due = (
                browser.tab_wear >= self.new_tab_after
                and browser not in self._spare_asked
                and browser not in self._retiring
                and not self._closed
            )
        if not due:
            return True
        try:
            renew_tab(browser)
        except (WebDriverException, BrowserStartError, Urllib3Error, ConnectionError) as exc:
            log.warning("browser lost while opening a fresh tab: %s", first_line(exc))
            self._discard(browser, replaced=True)
            return False
        return True

    def _retire(self, browser: ChromiumBrowser) -> None:
        """With the lock held: take a browser out of the pool and close it in the background."""
        self._live.discard(browser)
        self._retiring.discard(browser)
        self._spare_asked.discard(browser)
        self._freed.notify()
        self._in_background(browser.close, locked=True)

    def _start_spare(self, replaced: ChromiumBrowser) -> None:
        """Start the browser that replaces `replaced` while it audits on; once this one is ready, `replaced`
        is closed as soon as it is free, so there is one browser extra only while a page finishes."""
        with self._lock:
            if self._closed:
                self._spare_starting = False
                return
            self._live.add(placeholder := _Slot())
        try:
            browser = self._start()
        except BaseException as exc:
            with self._freed:
                self._live.discard(placeholder)
                self._spare_starting = False
                self._freed.notify()
            if isinstance(exc, BrowserStartError):
                log.warning("could not start a spare browser: %s", exc)
                return  # the pool starts one when it needs it
            raise
        with self._freed:  # the slot passes from the placeholder to the spare at once
            self._live.discard(placeholder)
            self._spare_starting = False
            closed = self._closed
            if not closed:
                self._live.add(browser)
                self._idle.append(browser)
                if replaced in self._idle:  # free now: closed at once
                    self._idle.remove(replaced)
                    self._retire(replaced)
                elif replaced in self._live:  # auditing a page: closed when it is done
                    self._retiring.add(replaced)
                self._freed.notify()
        if closed:
            browser.close()

    def _in_background(self, work, locked: bool = False) -> None:
        """Run `work` on a thread of its own; `close()` waits for it, so no browser outlives the pool.
        `locked`: the caller holds the pool's lock."""
        thread = threading.Thread(target=work, name="browser-pool", daemon=True)
        if not locked:
            self._lock.acquire()
        try:
            closed = self._closed
            if not closed:  # started before close() can see it, so close() never joins an unstarted thread
                self._background = [t for t in self._background if t.is_alive()] + [thread]
                thread.start()
        finally:
            if not locked:
                self._lock.release()
        if closed:
            work()

    def _discard(self, browser: ChromiumBrowser, replaced: bool) -> None:
        """Close a browser and free its slot: the next `_acquire` starts a fresh one."""
        with self._freed:
            self._live.discard(browser)
            self._retiring.discard(browser)
            self._spare_asked.discard(browser)
            self._freed.notify()
        browser.close() if not replaced else browser.kill()
        if replaced:
            with self.stats.lock:
                self.stats.browsers_replaced += 1
