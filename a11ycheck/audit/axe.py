"""Putting axe-core into a page and every frame in it, and running it with a trimmed result.

axe only audits a frame's content when its own copy runs inside that frame; the stock
`axe_selenium_python.Axe.inject()` only reaches the top document. We register the axe source once per
browser with the DevTools protocol (`Page.addScriptToEvaluateOnNewDocument`, which runs it in every new
document of the page's process), then walk the frame tree and inject into any frame still without it
(cross-site frames living in another renderer process, frames created before registration).
"""

from functools import cache
from pathlib import Path

import axe_selenium_python
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

MAX_FRAME_DEPTH = 4
# axe only talks to frames of its own origin unless told otherwise; a municipal site embeds maps and
# forms from other origins, and their defects are the site's defects too.
_ALLOW_ALL_ORIGINS = "window.axe.configure({allowedOrigins: ['<unsafe_all_origins>']});"
MAX_SNIPPET = 600  # characters of element HTML and failure summary kept per node

_PAGE_FACTS_SCRIPT = """
const nav = performance.getEntriesByType('navigation')[0];
const errorCode = document.querySelector('.error-code');
const netError = location.protocol === 'chrome-error:' && errorCode ? errorCode.textContent.trim() : '';
return {status: nav && nav.responseStatus ? nav.responseStatus : null,
        contentType: String(document.contentType || ''), url: String(location.href), netError: netError};
"""

_RUN_SCRIPT = """
const tags = arguments[0], frameWait = arguments[1], maxSnippet = arguments[2];
const done = arguments[arguments.length - 1];
const options = {resultTypes: ['violations'], iframes: true, frameWaitTime: frameWait};
if (tags && tags.length) options.runOnly = {type: 'tag', values: tags};
const cut = (s) => (s || '').slice(0, maxSnippet);
window.axe.run(document, options).then((r) => done({
  ok: true, url: String(location.href), title: String(document.title || ''),
  violations: r.violations.map((v) => ({
    id: v.id, impact: v.impact, tags: v.tags, help: v.help, description: v.description,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target, html: cut(n.html), summary: cut(n.failureSummary)})),
  })),
}), (e) => done({ok: false, error: String(e && e.message || e)}));
"""


@cache
def axe_source() -> str:
    """The axe-core script shipped with axe-selenium-python (axe-core 4.10.x)."""
    path = Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
    return path.read_text(encoding="utf-8") + "\n" + _ALLOW_ALL_ORIGINS


def axe_version() -> str:
    first_line = axe_source()[:40]  # "/*! axe v4.10.2"
    return first_line.split("axe v", 1)[1].split()[0] if "axe v" in first_line else "unknown"


def register_axe(driver: WebDriver) -> bool:
    """Ask Chromium to run axe in every new document; False when the DevTools protocol is unavailable."""
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": axe_source()})
    except (WebDriverException, AttributeError):
        return False
    return True


def inject_axe_into_frames(driver: WebDriver, depth: int = 0) -> int:
    """Make sure axe is present in the current document and its frames; returns how many injections."""
    injected = 0
    if not driver.execute_script("return typeof window.axe === 'object' && !!window.axe.run"):
        driver.execute_script(axe_source())
        injected += 1
    if depth >= MAX_FRAME_DEPTH:
        return injected
    frames = driver.find_elements(By.CSS_SELECTOR, "iframe, frame")
    for frame in frames:
        try:
            driver.switch_to.frame(frame)
        except WebDriverException:
            continue  # detached or not yet loaded: axe reports it as unreachable
        try:
            injected += inject_axe_into_frames(driver, depth + 1)
        except WebDriverException:
            pass
        finally:
            driver.switch_to.parent_frame()
    return injected


def page_facts(driver: WebDriver) -> dict:
    """The loaded document's HTTP status (Chromium's navigation timing), content type and URL."""
    return driver.execute_script(_PAGE_FACTS_SCRIPT) or {}


def run_axe(driver: WebDriver, tags: list[str] | None, frame_wait_ms: int) -> dict:
    """Run axe in the top document (it collects frames' results itself); returns the trimmed payload."""
    return driver.execute_async_script(_RUN_SCRIPT, list(tags or []), frame_wait_ms, MAX_SNIPPET)
