"""Auditing one URL in one browser: load it within a time limit, put axe in every frame, run it.

Every way a page can go wrong ends in a PageResult with a status; only a browser that stopped answering
raises BrowserGone, so the pool can replace it and try the page once more.

A page too large for axe within its limit (tens of thousands of elements, where color-contrast takes most
of the time) is audited in two runs: every rule but color-contrast, then color-contrast alone. When the
second run does not finish in time, the page is recorded as `partial`, with every other rule's findings
and an error saying what was not checked; it is never dropped.
"""

import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from functools import partial

from selenium.common.exceptions import (
    InvalidSessionIdException,
    JavascriptException,
    NoSuchWindowException,
    TimeoutException,
    UnexpectedAlertPresentException,
    WebDriverException,
)
from urllib3.exceptions import HTTPError as Urllib3Error

from a11ycheck.audit.audit_script import (
    LAZY_WAIT_MS,
    SETTLE_TRACKER,
    WATCH_RESULT,
    audit_document,
    same_view,
)
from a11ycheck.audit.axe import RULE_RESULT_KEYS, axe_options, axe_source, inject_axe_into_frames, run_axe
from a11ycheck.audit.chromium import BrowserStartError, ChromiumBrowser
from a11ycheck.audit.config import AuditLimits
from a11ycheck.egress import REFUSAL_TITLE
from a11ycheck.errors import first_line
from a11ycheck.urls import SiteScope
from a11ycheck.vocabulary.results import PageResult
from a11ycheck.vocabulary.statuses import (
    ERROR,
    NOT_HTML,
    OK,
    PARTIAL,
    REDIRECTED,
    REFUSED,
    TIMEOUT,
    TLS_ERROR,
    TOO_LARGE,
)
from a11ycheck.vocabulary.statuses import http_status as http_status_name

_GONE_MARKERS = (
    "disconnected",
    "session deleted",
    "invalid session id",
    "chrome not reachable",
    "no such window",
    "target window already closed",
    "target crashed",
    "tab crashed",
    "connection refused",
    "max retries exceeded",
    "remote end closed connection",
)


class BrowserGone(Exception):
    """The browser crashed or was killed while auditing; the page may be retried in another one."""


# Seconds past the axe limit before the watchdog kills a browser that did not answer: chromedriver's own
# script timeout never fires when the page's main thread stays busy (an endless loop started after axe).
AXE_GRACE = 10.0


class _Watchdog:
    """Kills the browser when a step of the audit overruns its limit, and remembers which step that was."""

    def __init__(self, browser: ChromiumBrowser, seconds: float):
        self._browser = browser
        self._timer: threading.Timer | None = None
        self.fired_during: str | None = None
        self.arm(seconds, "load")

    def arm(self, seconds: float, step: str) -> None:
        self.cancel()
        self._timer = threading.Timer(seconds, self._fire, args=(step,))
        self._timer.daemon = True
        self._timer.start()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _fire(self, step: str) -> None:
        self.fired_during = step
        self._browser.kill()


# Runs before any page script: modal dialogs would freeze the page's JavaScript, and with it axe.
_TAME_DIALOGS = """
window.alert = () => undefined; window.confirm = () => true; window.prompt = () => null;
window.print = () => undefined;
"""


def prepare_browser(browser: ChromiumBrowser) -> None:
    """Once per browser: tame dialogs, count short timers, and register axe for every new document.

    A remote browser whose Grid does not pass DevTools commands on is prepared per page instead: the
    driver accepts dialogs and axe is injected. A local browser whose renderer does not answer in time
    just after start is asked again; if it never answers, BrowserStartError, so the pool starts another:
    a browser that silently missed these scripts would audit pages without tamed dialogs.
    """
    browser.axe_registration = None
    browser.registers_scripts = _run_in_new_documents(browser, _TAME_DIALOGS + SETTLE_TRACKER) is not None
    if browser.registers_scripts:
        browser.axe_registration = _run_in_new_documents(browser, axe_source())


def axe_in_new_documents(browser: ChromiumBrowser, wanted: bool) -> None:
    """Register axe for the next documents, or take it away for a page expected unchanged.

    A page with the fingerprint of an earlier audit is most likely the same again, and then axe does not
    run: loading its 600 kB in every document of the page would cost the browser about a tenth of what
    such a re-audit costs (bench/README.md). When the page did change after all, the audit injects axe
    into its frames after the audit script, as for a remote browser (inject_axe_into_frames).
    """
    if not browser.registers_scripts or wanted == (browser.axe_registration is not None):
        return
    if wanted:
        try:
            browser.axe_registration = _run_in_new_documents(browser, axe_source())
        except BrowserStartError as exc:  # it stopped answering: the pool replaces it
            raise BrowserGone(str(exc)) from exc
    else:
        browser.devtools("Page.removeScriptToEvaluateOnNewDocument", {"identifier": browser.axe_registration})
        browser.axe_registration = None


def renew_tab(browser: ChromiumBrowser) -> None:
    """Put a fresh tab in place of the browser's tab, and prepare it as prepare_browser did the first.

    The new tab gets a renderer process of its own and the old one exits with its tab: a renderer's
    memory grows with the pages it has shown, and this resets it for a fraction of what restarting the
    browser costs (bench/README.md). The DevTools registrations belong to a tab, so they are made again.
    """
    driver = browser.driver
    old = driver.current_window_handle
    driver.switch_to.new_window("tab")
    new = driver.current_window_handle
    driver.switch_to.window(old)
    driver.close()
    driver.switch_to.window(new)
    browser.tab_pages = browser.tab_reused = 0
    browser.document_marked = False  # a new tab shows about:blank, which the audit script never marked
    prepare_browser(browser)


def _run_in_new_documents(browser: ChromiumBrowser, source: str, attempts: int = 3) -> str | None:
    """Register `source` for every new document and return the registration's identifier; None when a
    remote browser's Grid refuses DevTools commands while the session goes on, and then pages are
    prepared one by one. BrowserStartError when the browser does not answer or its session is gone."""
    for attempt in range(1, attempts + 1):
        try:
            registered = browser.devtools("Page.addScriptToEvaluateOnNewDocument", {"source": source})
            return str(registered["identifier"])
        except (TimeoutException, Urllib3Error) as exc:
            if attempt == attempts or isinstance(exc, Urllib3Error):  # Selenium waited 120 s already
                browser.kill()
                raise BrowserStartError(f"the new browser did not answer: {first_line(exc)}") from exc
        except WebDriverException as exc:
            if browser.remote and _still_answers(browser):
                return None  # the command was refused, not the session lost: the per-page path
            browser.kill()
            raise BrowserStartError(f"the new browser could not be prepared: {first_line(exc)}") from exc
    return None


def _still_answers(browser: ChromiumBrowser) -> bool:
    """Whether the browser's session still runs a script (a Grid's refusals are worded in many ways)."""
    try:
        return browser.driver.execute_script("return 1") == 1
    except WebDriverException:
        return False


def audit_page(
    browser: ChromiumBrowser, url: str, limits: AuditLimits, max_links: int = 0, previous: str | None = None
) -> PageResult:
    """Load `url` and run axe; a status for every outcome, BrowserGone when the browser died.

    With `previous`, the fingerprint of what axe saw on this page last time: when the page is the same
    and holds still, axe is not run and the result says `reused` (the caller carries the findings forward).

    With `max_links` above 0, the result also carries the page's links (at most that many) and its HTTP
    status, read from the document the browser loaded, for a crawl that fetches pages with the browser.
    """
    started = time.monotonic()
    watchdog = _Watchdog(browser, limits.hard_limit)
    browser.pages += 1
    browser.tab_pages += 1
    facts: dict = {}
    try:
        result = _load_and_run(browser, url, limits, started, watchdog, facts, max_links, previous)
        if result.reused:
            browser.tab_reused += 1
        if not facts.get("stale"):  # stale facts are the previous page's
            result.http_status = facts.get("status")
            if result.links is None:
                result.links = facts.get("links")
        return result
    except (InvalidSessionIdException, NoSuchWindowException) as exc:
        if watchdog.fired_during == "axe":
            return _axe_overran(url, limits, started)
        raise BrowserGone(first_line(exc)) from exc
    except WebDriverException as exc:
        message = first_line(exc)
        if watchdog.fired_during == "axe":
            return _axe_overran(url, limits, started)
        if _browser_gone(message) or watchdog.fired_during:
            raise BrowserGone(message) from exc
        return _failed(url, ERROR, message, started)
    except (Urllib3Error, ConnectionError):
        if watchdog.fired_during == "axe":
            return _axe_overran(url, limits, started)
        raise
    finally:
        watchdog.cancel()


def _load_and_run(
    browser: ChromiumBrowser,
    url: str,
    limits: AuditLimits,
    started: float,
    watchdog: _Watchdog,
    facts: dict,
    max_links: int,
    previous: str | None = None,
) -> PageResult:
    """The audit; `facts` receives what the audit script read from the document, once it has run."""
    driver = browser.driver
    axe_in_new_documents(browser, wanted=previous is None)
    if not browser.document_marked:  # the last page ended before the audit script ran in it
        driver.get("about:blank")
    browser.document_marked = False
    try:
        driver.get(url)
    except TimeoutException:
        return _timed_out(browser, url, f"page did not load within {limits.page_load_timeout:g} s", started)
    except UnexpectedAlertPresentException:
        pass  # a dialog during load: accepted by the driver, audit what is there
    except WebDriverException as exc:
        if "insecure certificate" in str(exc).lower() or "ERR_CERT" in str(exc) or "ERR_SSL" in str(exc):
            return _failed(url, TLS_ERROR, first_line(exc), started)
        raise
    watchdog.arm(limits.axe_timeout + AXE_GRACE, "axe")
    options = axe_options(limits.tags, limits.frame_wait_ms, limits.wcag22)
    try:
        run_script = partial(
            audit_document,
            driver,
            url,
            options,
            limits.split_at_elements,
            max_links,
            limits.max_page_bytes,
            limits.collectors,
            _lazy_wait_ms(limits, started),
            previous,
        )
        try:
            outcome = run_script()
        except UnexpectedAlertPresentException:
            outcome = run_script()
        facts.update(outcome.get("facts") or {})
        browser.document_marked = bool(facts)
        refusal = not_auditable(
            url, facts, started, browser, net_error=partial(_net_error, browser, url, limits, watchdog)
        )
        if refusal:
            return refusal
        away = _redirect_target(url, facts)
        if away is None and facts.get("leaving"):
            away = _next_document(browser, url, limits, started)
        if away is not None:
            return _redirected(url, away, started, max_links)
        if facts.get("reusable") and same_view(facts.get("fingerprint"), previous):
            return _reused(url, facts, started)
        payload, part = outcome.get("axe"), outcome.get("part") or "all"
        if payload is None:  # axe is not in every frame yet (another site's frame): put it there, run it
            watchdog.arm(limits.axe_timeout + AXE_GRACE, "axe")  # a limit of its own, like run_axe's
            try:
                inject_axe_into_frames(driver)
                payload = run_axe(driver, options, part)
            except UnexpectedAlertPresentException:
                inject_axe_into_frames(driver)
                payload = run_axe(driver, options, part)
    except TimeoutException:
        return _timed_out(browser, url, f"axe did not finish within {limits.axe_timeout:g} s", started)
    except JavascriptException as exc:
        if "unloaded" in str(exc) or "navigat" in str(exc) or "context" in str(exc):
            browser.document_marked = False
            away = _next_document(browser, url, limits, started)
            if away is not None:
                return _redirected(url, away, started, max_links)
            return _failed(url, ERROR, "the page navigated away during the audit", started)
        raise
    if not isinstance(payload, dict) or not payload.get("ok"):
        error = (
            payload.get("error") if isinstance(payload, dict) else "the page navigated away during the audit"
        )
        return _failed(url, ERROR, f"axe failed: {error}", started)
    if part == "without-contrast":
        result = _with_contrast(browser, url, payload, facts, limits, watchdog, started)
    else:
        result = PageResult.from_axe(url, payload, int((time.monotonic() - started) * 1000))
    result.collected = facts.get("collected") or {}
    result.fingerprint = _held_fingerprint(driver, facts) if result.status == OK else None
    return result


def _held_fingerprint(driver, facts: dict) -> str | None:
    """The fingerprint that stands for what axe saw, or None. When axe had work left after the audit script
    (injected into frames here, or color-contrast run on its own), the page was watched until now: a page
    that changed meanwhile gets none, so a later re-audit never reuses findings of another state of it."""
    fingerprint = facts.get("fingerprint")
    if not isinstance(fingerprint, str):
        return None
    if facts.get("watching"):
        try:
            if driver.execute_script(WATCH_RESULT) is not False:
                return None
        except WebDriverException:
            return None
    return fingerprint


def _reused(url: str, facts: dict, started: float) -> PageResult:
    """The page is what axe saw last time: an ok result without findings, marked for the caller to fill."""
    return PageResult(
        url=url,
        status=OK,
        final_url=facts.get("url"),
        title=facts.get("title"),
        duration_ms=int((time.monotonic() - started) * 1000),
        collected=facts.get("collected") or {},
        fingerprint=facts["fingerprint"],
        reused=True,
    )


def _lazy_wait_ms(limits: AuditLimits, started: float) -> int:
    """How long deferred frames and images may take to load: LAZY_WAIT_MS, within what is left of the
    page's load limit."""
    left = limits.page_load_timeout - (time.monotonic() - started)
    return max(0, min(LAZY_WAIT_MS, int(left * 1000)))


def _redirect_target(url: str, facts: dict) -> str | None:
    """Where the page sent the browser at once, or None: a refresh with delay 0 to another URL, a document
    the page navigated to (it has the page as referrer), or an HTTP redirect to another site (a redirect
    within the site is followed and audited as the page, as a visitor sees it)."""
    if facts.get("refreshTo"):
        return str(facts["refreshTo"])
    final = str(facts.get("url") or "")
    if not final.startswith(("http:", "https:")) or _without_fragment(final) == _without_fragment(url):
        return None
    if facts.get("referrer") or not SiteScope(url).same_site(final):
        return final
    return None


def _next_document(browser: ChromiumBrowser, url: str, limits: AuditLimits, started: float) -> str | None:
    """The page is navigating away: wait (within its load limit) for the document it goes to, and return
    that document's URL when it is another page than `url`; None when it did not get anywhere else."""
    driver = browser.driver
    deadline = started + limits.page_load_timeout
    location = None
    while time.monotonic() < deadline:
        try:
            location, state = driver.execute_script("return [String(location.href), document.readyState]")
        except JavascriptException:
            location, state = None, "unloaded"  # between two documents
        if location and state == "complete" and _without_fragment(location) != _without_fragment(url):
            break
        time.sleep(0.05)
    if not location or not location.startswith(("http:", "https:")):
        return None
    return location if _without_fragment(location) != _without_fragment(url) else None


def _redirected(url: str, target: str, started: float, max_links: int) -> PageResult:
    """The page sent the browser elsewhere: recorded with where it went, never audited under its URL. In a
    crawl the target is a link like any other (the spider keeps it when it is on the site)."""
    result = _failed(url, REDIRECTED, f"the page sends visitors to {target}", started)
    result.redirect_to = target
    result.final_url = target
    if max_links > 0:
        result.links = [target]
    return result


def _without_fragment(url: str) -> str:
    return str(url).split("#", 1)[0]


def _with_contrast(
    browser: ChromiumBrowser,
    url: str,
    payload: dict,
    facts: dict,
    limits: AuditLimits,
    watchdog: _Watchdog,
    started: float,
) -> PageResult:
    """The second run on a very large page: color-contrast alone, within the axe limit of its own.

    If it does not finish, the page is `partial` (every other rule's findings are kept) and the browser,
    still busy with it, is replaced.
    """
    watchdog.arm(limits.axe_timeout + AXE_GRACE, "contrast")
    try:
        options = axe_options(limits.tags, limits.frame_wait_ms, limits.wcag22)
        contrast = run_axe(browser.driver, options, part="contrast")
    except (WebDriverException, Urllib3Error, ConnectionError) as exc:
        # whatever stopped it (the time limit, the renderer running out of memory on a huge page, a
        # navigation), the first run's findings stand and the page is partial, never lost
        if isinstance(exc, TimeoutException) or watchdog.fired_during == "contrast":
            contrast = {"ok": False, "error": f"it did not finish within {limits.axe_timeout:g} s"}
        else:
            contrast = {"ok": False, "error": f"the browser failed during it: {first_line(exc)}"}
    duration_ms = int((time.monotonic() - started) * 1000)
    if isinstance(contrast, dict) and contrast.get("ok"):
        payload = {
            **payload,
            **{key: payload.get(key, []) + contrast.get(key, []) for key in RULE_RESULT_KEYS},
        }
        return PageResult.from_axe(url, payload, duration_ms)
    result = PageResult.from_axe(url, payload, duration_ms)
    result.status = PARTIAL
    error = contrast.get("error") if isinstance(contrast, dict) else "the page navigated away"
    result.error = (
        f"color-contrast not checked ({error}) on this page of {facts.get('elements')} elements; "
        "every other rule was"
    )
    result.browser_unusable = True
    return result


def _axe_overran(url: str, limits: AuditLimits, started: float) -> PageResult:
    """The page kept the browser busy past the axe limit, so the watchdog killed the browser."""
    result = _failed(url, TIMEOUT, f"axe did not finish within {limits.axe_timeout:g} s", started)
    result.browser_unusable = True
    return result


# Chromium's own error page (chrome-error://) names the network error; these get their own status.
_NET_ERROR_STATUSES = {
    "ERR_TOO_MANY_REDIRECTS": "redirect-loop",
    "ERR_TIMED_OUT": TIMEOUT,
    "ERR_CONNECTION_TIMED_OUT": TIMEOUT,
}


def not_auditable(
    url: str,
    facts: dict,
    started: float,
    browser: ChromiumBrowser,
    net_error: Callable[[], str | None] | None = None,
) -> PageResult | None:
    """A result for what loaded but is not the page to audit: an error page, a download, not HTML.

    A status asked for again goes through the browser's egress guard as well. `net_error` names the
    network error an empty error page does not (an audit's is `_net_error`)."""
    location = facts.get("url") or ""
    if location == "about:blank" or facts.get("stale"):  # before the rest: these facts are another page's
        return _failed(url, NOT_HTML, "the URL started a download instead of showing a page", started)
    if location.startswith("chrome-error:"):
        code = facts.get("netError")
        # an empty error page: chromium --headless=new cancels HTTP authentication prompts this way, and
        # chromium-headless-shell's error pages are all empty
        if not code:
            http_status = _probe_http_status(url, browser.config.egress_proxy)
            if http_status and http_status >= 400:
                return _failed(
                    url, http_status_name(http_status), f"the page answered HTTP {http_status}", started
                )
            code = (net_error() if net_error else None) or "an unknown network error"
        code = code.removeprefix("net::")
        status = _NET_ERROR_STATUSES.get(
            code, TLS_ERROR if code.startswith(("ERR_CERT", "ERR_SSL")) else ERROR
        )
        return _failed(url, status, f"the browser could not load the page: {code}", started)
    if facts.get("status") == 403 and facts.get("title") == REFUSAL_TITLE:
        return _failed(
            url, REFUSED, f"the browser was sent to {location}, which the address check refused", started
        )
    if facts.get("tooLarge"):
        message = f"the page's HTML is {facts['size']:,} bytes, over A11YCHECK_MAX_PAGE_BYTES"
        return _failed(url, TOO_LARGE, message, started)
    if facts.get("status") and facts["status"] >= 400:
        code = facts["status"]
        return _failed(url, http_status_name(code), f"the page answered HTTP {code}", started)
    if facts.get("contentType") and "html" not in facts["contentType"]:
        return _failed(url, NOT_HTML, f"not an HTML page ({facts['contentType']})", started)
    return None


def _net_error(browser: ChromiumBrowser, url: str, limits: AuditLimits, watchdog: _Watchdog) -> str | None:
    """Chromium's network error for `url`, when its error page does not name it (chromium-headless-shell's
    is empty): the URL loaded once more through DevTools, whose answer names the error (Page.navigate's
    errorText), within the page's load limit (the watchdog's). None when DevTools is not at hand (a Grid)
    or the URL loads this time."""
    if not browser.registers_scripts:
        return None
    browser.document_marked = False  # the next page must not take this document's facts for its own
    watchdog.arm(limits.page_load_timeout, "load")
    try:
        answer = browser.devtools("Page.navigate", {"url": url})
    except WebDriverException:
        if watchdog.fired_during:
            raise  # the browser was killed: audit_page hands it to the pool
        return None
    return str(answer.get("errorText") or "") or None


def _probe_http_status(url: str, proxy: str | None) -> int | None:
    """The HTTP status of a URL the browser showed no page for, asked once without the browser, through
    `proxy` (the egress guard) when there is one: the redirects it follows are checked like the browser's."""
    request = urllib.request.Request(url, method="GET", headers={"User-Agent": "a11ycheck"})
    proxies = {"http": f"http://{proxy}", "https": f"http://{proxy}"} if proxy else {}
    opener = urllib.request.build_opener(urllib.request.ProxyHandler(proxies))
    try:
        with opener.open(request, timeout=10) as response:  # noqa: S310 - URL checked before
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, OSError, ValueError):
        return None


def _timed_out(browser: ChromiumBrowser, url: str, message: str, started: float) -> PageResult:
    """A timeout result; a browser that cannot leave the page (an endless script) is marked for replacing."""
    result = _failed(url, TIMEOUT, message, started)
    try:
        browser.driver.execute_script("window.stop();")
        browser.driver.get("about:blank")
    except WebDriverException:
        result.browser_unusable = True
    return result


def _failed(url: str, status: str, error: str, started: float) -> PageResult:
    return PageResult(
        url=url, status=status, error=error, duration_ms=int((time.monotonic() - started) * 1000)
    )


def _browser_gone(message: str) -> bool:
    lowered = message.lower()
    return any(marker in lowered for marker in _GONE_MARKERS)
