"""Rendering one page for reading, not auditing: what a wing reads after a run (an accessibility statement).

The same browser, egress guard, time limits and size cap as an audit, and the same statuses for what cannot
be read (an HTTP error, a refusal, not HTML, too large); only the page's HTML comes back, no axe run.
"""

import time

from selenium.common.exceptions import TimeoutException, WebDriverException

from a11ycheck.audit.audit_script import FACTS_FUNCTION
from a11ycheck.audit.chromium import ChromiumBrowser
from a11ycheck.audit.config import AuditLimits
from a11ycheck.audit.page_audit import not_auditable
from a11ycheck.errors import first_line
from a11ycheck.vocabulary.results import RenderedPage
from a11ycheck.vocabulary.statuses import ERROR, OK, TIMEOUT

MAX_HTML_CHARS = 5_000_000  # characters of a rendered document returned at most

_READ_SCRIPT = (
    FACTS_FUNCTION
    + """
const facts = pageFacts();
const html = document.documentElement ? document.documentElement.outerHTML : '';
facts.tooLarge = arguments[1] > 0 && facts.size > arguments[1];
return {facts: facts, html: html.slice(0, arguments[0])};
"""
)


def render_page(browser: ChromiumBrowser, url: str, limits: AuditLimits) -> RenderedPage:
    """Load `url` and return its rendered HTML, or the status that says why there is none."""
    started = time.monotonic()
    driver = browser.driver
    browser.document_marked = False  # the next audit starts from about:blank
    try:
        driver.get(url)
    except TimeoutException:
        return RenderedPage(
            url, TIMEOUT, None, "", f"page did not load within {limits.page_load_timeout:g} s"
        )
    except WebDriverException as exc:
        return RenderedPage(url, ERROR, None, "", first_line(exc))
    try:
        read = driver.execute_script(_READ_SCRIPT, MAX_HTML_CHARS, limits.max_page_bytes) or {}
    except WebDriverException as exc:
        return RenderedPage(url, ERROR, None, "", first_line(exc))
    facts = read.get("facts") or {}
    refusal = not_auditable(url, facts, started, browser)
    if refusal is not None:
        return RenderedPage(url, refusal.status, facts.get("url"), "", refusal.error)
    return RenderedPage(url, OK, facts.get("url"), str(read.get("html") or ""))
