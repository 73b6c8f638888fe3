"""The items a spider hands to the audit pipeline: one per page found, one per document found."""

from dataclasses import dataclass
from typing import Any

# Request meta keys shared with a11ycheck/browser_fetch.py: the spider marks its page requests, and a
# response fetched by an auditing browser carries the audit (a PageResult) with the links it read.
PAGE_REQUEST = "a11ycheck_page"
RENDERED = "a11ycheck_rendered"


@dataclass(frozen=True, slots=True)
class PageItem:
    """An HTML page (or a page that failed to load) found in scope.

    `status` is "ok" when the page answered 2xx with HTML and should be audited in the browser;
    otherwise why not: "http-404", "timeout", "error", "refused" (address check), "redirect-loop".
    """

    url: str  # the final URL after redirects, normalised
    status: str = "ok"
    http_status: int | None = None
    depth: int = 0
    referrer: str | None = None
    title: str | None = None
    error: str | None = None
    audit: Any = None  # the PageResult when a browser fetched the page and audited it already


@dataclass(frozen=True, slots=True)
class DocumentItem:
    """A document (PDF, DOCX, ODT, ...) linked from the site: recorded, not audited."""

    url: str
    content_type: str | None = None
    size: int | None = None
    http_status: int | None = None
    referrer: str | None = None
