"""The items a spider hands to the audit pipeline: one per page found, one per document found."""

from dataclasses import dataclass, field
from typing import Any

from a11ycheck.vocabulary.statuses import OK

# Request meta keys shared with spiders/browser_fetch.py: the spider marks its page requests, and a
# response fetched by an auditing browser carries the audit (a PageResult) with the links it read.
PAGE_REQUEST = "a11ycheck_page"
RENDERED = "a11ycheck_rendered"


@dataclass(frozen=True, slots=True)
class PageItem:
    """An HTML page (or a page that failed to load) found in scope.

    `status` is "ok" when the page answered 2xx with HTML and should be audited in the browser;
    otherwise why not: "http-404", "timeout", "error", "refused" (address check), "redirect-loop",
    "redirected" (sent off the site).
    """

    url: str  # the final URL after redirects, normalised
    status: str = OK
    http_status: int | None = None
    depth: int = 0
    referrer: str | None = None
    title: str | None = None
    error: str | None = None
    redirect_to: str | None = None  # status "redirected": where the site sent the crawler
    audit: Any = None  # the PageResult when a browser fetched the page and audited it already


# The status of a document found but not downloaded (over --max-documents): a11ycheck.documents'
# Status.NOT_CHECKED, written out so that the crawl does not load the PDF library.
DOCUMENT_NOT_CHECKED = "not-checked"


@dataclass(frozen=True, slots=True)
class DocumentItem:
    """A document (PDF, DOCX, ODT, ...) linked from the site.

    With documents downloaded, `body` holds the file (at most the size cap) for the pipeline to check, or
    `status` says why there is none: "http-404", "timeout", "refused", "tls-error", "too-large",
    "redirected", "error", "not-checked" (over --max-documents), with `message`. Without (a HEAD request
    only), both are None: the document is recorded, not checked.
    """

    url: str
    content_type: str | None = None
    size: int | None = None
    http_status: int | None = None
    referrer: str | None = None
    status: str | None = None
    message: str | None = None
    last_modified: str | None = None  # the server's Last-Modified header
    body: bytes | None = field(default=None, repr=False)
