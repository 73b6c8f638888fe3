"""Auditing one URL in one browser: load it within a time limit, put axe in every frame, run it.

Every way a page can go wrong ends in a PageResult with a status; only a browser that stopped answering
raises BrowserGone, so the pool can replace it and try the page once more.
"""

import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from selenium.common.exceptions import (
    InvalidSessionIdException,
    JavascriptException,
    NoSuchWindowException,
    TimeoutException,
    UnexpectedAlertPresentException,
    WebDriverException,
)

from a11ycheck.audit.axe import inject_axe_into_frames, page_facts, register_axe, run_axe
from a11ycheck.audit.chromium import ChromiumBrowser
from a11ycheck.audit.results import ERROR, NOT_HTML, TIMEOUT, TLS_ERROR, PageResult

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


@dataclass(frozen=True)
class AuditLimits:
    page_load_timeout: float = 30.0
    axe_timeout: float = 60.0
    frame_wait_ms: int = 5000
    tags: tuple[str, ...] = ()

    @property
    def hard_limit(self) -> float:
        """After this, the watchdog kills the browser: a page in an endless JS loop blocks even timeouts."""
        return self.page_load_timeout + self.axe_timeout + 30.0


# Runs before any page script: modal dialogs would freeze the page's JavaScript, and with it axe.
_TAME_DIALOGS = """
window.alert = () => undefined; window.confirm = () => true; window.prompt = () => null;
window.print = () => undefined;
"""


def prepare_browser(browser: ChromiumBrowser) -> None:
    """Once per browser: tame dialogs and register axe for every new document."""
    try:
        browser.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _TAME_DIALOGS})
    except (WebDriverException, AttributeError):
        pass  # a remote browser without the DevTools protocol: the driver accepts dialogs instead
    register_axe(browser.driver)


def audit_page(browser: ChromiumBrowser, url: str, limits: AuditLimits) -> PageResult:
    """Load `url` and run axe; a status for every outcome, BrowserGone when the browser died."""
    started = time.monotonic()
    watchdog = threading.Timer(limits.hard_limit, browser.kill)
    watchdog.daemon = True
    watchdog.start()
    browser.pages += 1
    try:
        return _load_and_run(browser, url, limits, started)
    except (InvalidSessionIdException, NoSuchWindowException) as exc:
        raise BrowserGone(_first_line(exc)) from exc
    except WebDriverException as exc:
        message = _first_line(exc)
        if _browser_gone(message) or not watchdog.is_alive():
            raise BrowserGone(message) from exc
        return _failed(url, ERROR, message, started)
    finally:
        watchdog.cancel()


def _load_and_run(browser: ChromiumBrowser, url: str, limits: AuditLimits, started: float) -> PageResult:
    driver = browser.driver
    driver.get("about:blank")  # so a URL that turns into a download is not mistaken for the last page
    try:
        driver.get(url)
    except TimeoutException:
        return _timed_out(browser, url, f"page did not load within {limits.page_load_timeout:g} s", started)
    except UnexpectedAlertPresentException:
        pass  # a dialog during load: accepted by the driver, audit what is there
    except WebDriverException as exc:
        if "insecure certificate" in str(exc).lower() or "ERR_CERT" in str(exc) or "ERR_SSL" in str(exc):
            return _failed(url, TLS_ERROR, _first_line(exc), started)
        raise
    try:
        facts = page_facts(driver)
        refusal = _not_auditable(url, facts, started)
        if refusal:
            return refusal
        try:
            inject_axe_into_frames(driver)
            payload = run_axe(driver, list(limits.tags), limits.frame_wait_ms)
        except UnexpectedAlertPresentException:
            inject_axe_into_frames(driver)
            payload = run_axe(driver, list(limits.tags), limits.frame_wait_ms)
    except TimeoutException:
        return _timed_out(browser, url, f"axe did not finish within {limits.axe_timeout:g} s", started)
    except JavascriptException as exc:
        if "unloaded" in str(exc) or "navigat" in str(exc) or "context" in str(exc):
            return _failed(url, ERROR, "the page navigated away during the audit", started)
        raise
    duration_ms = int((time.monotonic() - started) * 1000)
    if not isinstance(payload, dict) or not payload.get("ok"):
        error = (
            payload.get("error") if isinstance(payload, dict) else "the page navigated away during the audit"
        )
        return _failed(url, ERROR, f"axe failed: {error}", started)
    return PageResult.from_axe(url, payload, duration_ms)


# Chromium's own error page (chrome-error://) names the network error; these get their own status.
_NET_ERROR_STATUSES = {
    "ERR_TOO_MANY_REDIRECTS": "redirect-loop",
    "ERR_TIMED_OUT": TIMEOUT,
    "ERR_CONNECTION_TIMED_OUT": TIMEOUT,
}


def _not_auditable(url: str, facts: dict, started: float) -> PageResult | None:
    """A result for what loaded but is not the page to audit: an error page, a download, not HTML."""
    location = facts.get("url") or ""
    if location.startswith("chrome-error:"):
        code = facts.get("netError")
        if not code:  # an empty error page: headless Chromium cancels HTTP authentication prompts this way
            http_status = _probe_http_status(url)
            if http_status and http_status >= 400:
                return _failed(url, f"http-{http_status}", f"the page answered HTTP {http_status}", started)
            code = "an unknown network error"
        code = code.removeprefix("net::")
        status = _NET_ERROR_STATUSES.get(
            code, TLS_ERROR if code.startswith(("ERR_CERT", "ERR_SSL")) else ERROR
        )
        return _failed(url, status, f"the browser could not load the page: {code}", started)
    if location == "about:blank":
        return _failed(url, NOT_HTML, "the URL started a download instead of showing a page", started)
    if facts.get("status") and facts["status"] >= 400:
        return _failed(url, f"http-{facts['status']}", f"the page answered HTTP {facts['status']}", started)
    if facts.get("contentType") and "html" not in facts["contentType"]:
        return _failed(url, NOT_HTML, f"not an HTML page ({facts['contentType']})", started)
    return None


def _probe_http_status(url: str) -> int | None:
    """The HTTP status of a URL the browser showed no page for, asked once without the browser."""
    request = urllib.request.Request(url, method="GET", headers={"User-Agent": "a11ycheck"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - URL checked before
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


def _first_line(exc: Exception) -> str:
    text = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0][:500]


def _browser_gone(message: str) -> bool:
    lowered = message.lower()
    return any(marker in lowered for marker in _GONE_MARKERS)
