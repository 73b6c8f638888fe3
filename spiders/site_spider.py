"""The spider that finds every page and document of one website, for the audit to visit.

It yields items only: a PageItem per page (or per page that failed to load) and a DocumentItem per
linked document. Auditing in a browser, checking documents and storing results are the item pipeline's job.
With `download_documents`, a document is fetched whole (a GET under the size cap, at most `max_documents`
per site) like any other request, through the same middlewares, robots.txt and delay; without, a HEAD
request records that it is there.
"""

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any
from urllib.parse import urljoin

from a11ycheck.spiders.document_items import (
    DEFAULT_MAX_DOCUMENT_BYTES,
    content_type,
    downloaded_document,
    expected_size,
    failure_message,
    is_document_type,
    is_tls_failure,
    recorded_document,
)
from a11ycheck.spiders.items import DOCUMENT_NOT_CHECKED, PAGE_REQUEST, RENDERED, DocumentItem, PageItem
from a11ycheck.spiders.middlewares import AddressRefused, OutOfScope
from scrapy import Request
from scrapy.exceptions import CloseSpider, DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import SitemapSpider
from scrapy.spiders.sitemap import iterloc
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.internet.defer import CancelledError
from twisted.internet.error import TCPTimedOutError
from twisted.internet.error import TimeoutError as TwistedTimeoutError
from twisted.python.failure import Failure

from a11ycheck.netguard import UnresolvableHost
from a11ycheck.urls import SiteScope, TrapGuard, is_document_url, is_non_page_url, normalize_url
from a11ycheck.vocabulary.statuses import (
    ERROR,
    NOT_HTML,
    REDIRECT_LOOP,
    REDIRECTED,
    REFUSED,
    TIMEOUT,
    TLS_ERROR,
    TOO_LARGE,
    http_status,
)

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MAX_TITLE_LENGTH = 500
SITEMAP_DEPTH = 1  # a page listed in a sitemap is one step from the start page
TIMEOUT_ERRORS = (DownloadTimeoutError, TwistedTimeoutError, TCPTimedOutError)

# Metadata keys the spider reads back from responses and failures.
REFERRER = "a11ycheck_referrer"
DOCUMENT_DOWNLOAD = "a11ycheck_document"  # a document request that fetches the file itself
DEPTH = "depth"  # maintained by Scrapy's DepthMiddleware


class SiteSpider(SitemapSpider):
    """Crawls one site from `start_url` and its sitemaps, within scope, depth and page limits.

    Subclasses SitemapSpider for its sitemap body handling (size limits, gzip); the sitemap URLs it
    finds go through the same rules as links: normalised, scoped, trap-guarded, deduplicated.
    `include` and `exclude` are regexes on the full URL; the start URL must pass them too (if it does
    not, only sitemap pages that do are crawled). Arguments may be strings (`scrapy crawl -a`).
    A page listed in a sitemap has depth 1 and the sitemap's URL as referrer.

    With `download_documents`, each document is fetched whole, up to `max_document_bytes` (a larger one is
    cancelled as it starts: too-large) and `max_documents` per crawl; the ones in `documents_done`
    (recorded before a resume) count but are not fetched again.
    """

    name = "site"
    custom_settings = {"HTTPERROR_ALLOW_ALL": True}  # non-2xx pages are reported, not dropped

    def __init__(
        self,
        start_url: str,
        max_pages: int = 500,
        max_depth: int = 10,
        include: list[str] | tuple[str, ...] | str = (),
        exclude: list[str] | tuple[str, ...] | str = (),
        download_documents: bool | str = False,
        max_documents: int = 200,
        max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
        documents_done: Iterable[str] = (),
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.start_url = normalize_url(start_url)
        self.max_pages = int(max_pages)
        self.max_depth = int(max_depth)
        if self.max_pages < 1 or self.max_depth < 0:
            raise ValueError(
                f"max_pages must be 1 or more and max_depth 0 or more, not {max_pages} and {max_depth}"
            )
        self.scope = SiteScope(self.start_url, include=_patterns(include), exclude=_patterns(exclude))
        self.trap_guard = TrapGuard()
        self.link_extractor = LinkExtractor(tags=("a", "area"), attrs=("href",), deny_extensions=[])
        self._requested: set[str] = set()
        self._pages: set[str] = set()
        self._documents: set[str] = set()
        self._stopping = False
        self.download_documents = download_documents in (True, "1", "true", "yes")
        self.max_documents = int(max_documents)
        self.max_document_bytes = int(max_document_bytes)
        self._documents_done = {normalize_url(url) for url in documents_done}
        self._documents_fetched = len(self._documents_done)  # downloads started, before a resume too

    async def start(self) -> AsyncIterator[Request]:
        if not self.scope.in_scope(self.start_url):
            logger.warning(
                "Start URL %s does not match include/exclude: crawling from sitemaps", self.start_url
            )
        start = self._request_for(self.start_url, depth=0, referrer=None)
        if start is not None:
            yield start
        yield Request(
            urljoin(self.start_url, "/robots.txt"),
            callback=self.parse_robots,
            errback=self.on_auxiliary_error,
            meta={"dont_obey_robotstxt": True},
        )
        yield self._sitemap_request(urljoin(self.start_url, "/sitemap.xml"))

    # -- pages --------------------------------------------------------------------------------

    def parse(self, response: Response, **kwargs: Any) -> Iterator[PageItem | DocumentItem | Request]:
        """A page request's response: a PageItem, a DocumentItem, or nothing; then the page's links."""
        url = normalize_url(response.url)
        if not self.scope.in_scope(url):
            return
        depth = response.meta.get(DEPTH, 0)
        referrer = response.meta.get(REFERRER)
        if not 200 <= response.status < 300:
            yield from self._emit_page(
                PageItem(
                    url=url,
                    status=http_status(response.status),
                    http_status=response.status,
                    depth=depth,
                    referrer=referrer,
                )
            )
            return
        media_type = content_type(response)
        if is_document_type(media_type):
            document = self._document_found_as_page(url, response, referrer)
            if document is not None:
                yield from self._emit_document(document)
            return
        is_html = media_type in HTML_TYPES or (not media_type and isinstance(response, HtmlResponse))
        if not is_html or not isinstance(response, TextResponse):
            yield from self._emit_page(
                PageItem(
                    url=url,
                    status=NOT_HTML,
                    http_status=response.status,
                    depth=depth,
                    referrer=referrer,
                    error=f"served as {media_type or 'no content type'}, not HTML",
                )
            )
            return
        if not self._claim_page(url):
            return  # reported already, e.g. reached again through a redirect
        audit = response.meta.get(RENDERED)  # fetched by an auditing browser (spiders/browser_fetch.py)
        rendered = audit if audit is not None and audit.links is not None else None
        title = _short_title(rendered.title if rendered is not None else _title_text(response))
        yield PageItem(
            url=url, http_status=response.status, depth=depth, referrer=referrer, title=title, audit=audit
        )
        self._stop_at_max_pages()
        links = rendered.links if rendered is not None else self._links_in(response)
        for link in links:
            request = self._request_for(link, depth=depth + 1, referrer=url)
            if request is not None:
                yield request

    @property
    def stopping(self) -> bool:
        """True once max_pages is reached: requests still queued are not worth fetching."""
        return self._stopping

    def _links_in(self, response: TextResponse) -> list[str]:
        return [link.url for link in self.link_extractor.extract_links(response)]

    def on_page_error(self, failure: Failure) -> Iterator[PageItem]:
        """A page request that got no response: a PageItem saying why, or nothing if it was skipped."""
        request = failure.request
        status = self._failure_status(failure)
        if status is None:
            return
        redirect_to = None
        if status == REDIRECT_LOOP:
            url = request.meta["redirect_urls"][0]
            error = f"gave up after {request.meta['redirect_times']} redirects, the last to {request.url}"
        elif status == REDIRECTED:
            url, redirect_to = request.meta["redirect_urls"][0], request.url
            error = f"redirected off the site, to {request.url}"
        else:
            url, error = request.url, _error_message(failure)
        yield from self._emit_page(
            PageItem(
                url=normalize_url(url),
                status=status,
                depth=request.meta.get(DEPTH, 0),
                referrer=request.meta.get(REFERRER),
                redirect_to=redirect_to,
                error=error,
            )
        )

    def _emit_page(self, item: PageItem) -> Iterator[PageItem]:
        """Yield `item` unless its URL was reported already; stop the crawl at `max_pages`."""
        if self._claim_page(item.url):
            yield item
            self._stop_at_max_pages()

    def _claim_page(self, url: str) -> bool:
        """True (once per URL) if a PageItem for `url` may be emitted: new, and within `max_pages`."""
        if url in self._pages or len(self._pages) >= self.max_pages:
            return False
        self._pages.add(url)
        return True

    def _stop_at_max_pages(self) -> None:
        if len(self._pages) >= self.max_pages:
            self._stopping = True
            raise CloseSpider(f"max_pages ({self.max_pages}) reached")

    # -- documents ----------------------------------------------------------------------------

    def parse_document(self, response: Response) -> Iterator[DocumentItem | Request]:
        """A document's response: its download (the file, or the HTTP error it got), or its HEAD response
        (or GET, for servers that refuse HEAD) when documents are only recorded."""
        if response.request.method == "HEAD" and response.status in (405, 501):
            yield response.request.replace(method="GET")
            return
        url = normalize_url(response.url)
        if not self.scope.in_scope(url):
            return
        referrer = response.meta.get(REFERRER)
        if response.meta.get(DOCUMENT_DOWNLOAD):
            yield from self._emit_document(downloaded_document(url, response, referrer))
        else:
            yield from self._emit_document(recorded_document(url, response, referrer))

    def on_document_error(self, failure: Failure) -> Iterator[DocumentItem]:
        """A document that could not be fetched is still recorded: with why (a download), or without
        status (a HEAD request). One robots.txt forbids is not recorded, like such a page."""
        request = failure.request
        status = self._failure_status(failure)
        if not request.meta.get(DOCUMENT_DOWNLOAD):
            if status in (TIMEOUT, ERROR, REDIRECT_LOOP):
                yield from self._emit_document(
                    DocumentItem(url=normalize_url(request.url), referrer=request.meta.get(REFERRER))
                )
            return
        if status != TOO_LARGE and isinstance(failure.value, CancelledError | DownloadCancelledError):
            # Scrapy cancels a download without Content-Length once it passes the size cap; any other
            # cancellation is the crawl stopping, which leaves the document for a resume.
            engine = getattr(getattr(self, "crawler", None), "engine", None)
            status = TOO_LARGE if engine is not None and engine.running else None
        if status is None:
            return
        if status == ERROR and is_tls_failure(failure.value):
            status = TLS_ERROR
        size = expected_size(failure.value) if status == TOO_LARGE else None
        first_url = request.meta.get("redirect_urls", [request.url])[0]
        yield from self._emit_document(
            DocumentItem(
                url=normalize_url(first_url),
                size=size,
                referrer=request.meta.get(REFERRER),
                status=status,
                message=failure_message(status, _error_message(failure), self.max_document_bytes),
            )
        )

    def _document_request(self, url: str, referrer: str | None) -> Request | DocumentItem | None:
        """How to fetch a linked document: a HEAD to record it, a GET under the size cap to check it,
        or not at all (recorded before a resume; over max_documents: recorded as not checked)."""
        meta: dict[str, Any] = {REFERRER: referrer}
        if not self.download_documents:
            return Request(
                url,
                method="HEAD",
                callback=self.parse_document,
                errback=self.on_document_error,
                meta=meta,
                dont_filter=True,
            )
        if url in self._documents_done:
            self._documents.add(url)
            return None
        if not self._claim_download():
            return next(self._emit_document(self._over_document_limit(url, referrer)), None)
        meta.update({DOCUMENT_DOWNLOAD: True, "download_maxsize": self.max_document_bytes})
        meta["download_warnsize"] = 0  # a large document is expected, not worth a warning
        return Request(
            url, callback=self.parse_document, errback=self.on_document_error, meta=meta, dont_filter=True
        )

    def _claim_download(self) -> bool:
        if self._documents_fetched >= self.max_documents:
            return False
        self._documents_fetched += 1
        return True

    def _over_document_limit(self, url: str, referrer: str | None) -> DocumentItem:
        return DocumentItem(
            url=url,
            referrer=referrer,
            status=DOCUMENT_NOT_CHECKED,
            message=f"not downloaded: the crawl had fetched {self.max_documents} documents of this site "
            "already (--max-documents)",
        )

    def _document_found_as_page(
        self, url: str, response: Response, referrer: str | None
    ) -> DocumentItem | None:
        """A link that turned out to serve a document (by its content type): the file is here already."""
        if not self.download_documents:
            return recorded_document(url, response, referrer)
        if url in self._documents_done:
            return None  # recorded before a resume
        if not self._claim_download():
            return self._over_document_limit(url, referrer)
        item = downloaded_document(url, response, referrer)
        if item.body is not None and len(item.body) > self.max_document_bytes:
            return DocumentItem(
                url=url,
                content_type=item.content_type,
                size=len(item.body),
                http_status=item.http_status,
                referrer=referrer,
                status=TOO_LARGE,
                message=f"the file is {len(item.body)} bytes (limit {self.max_document_bytes})",
            )
        return item

    def _emit_document(self, item: DocumentItem) -> Iterator[DocumentItem]:
        if item.url not in self._documents:
            self._documents.add(item.url)
            yield item

    # -- sitemaps -----------------------------------------------------------------------------

    def parse_robots(self, response: Response) -> Iterator[Request]:
        """The `Sitemap:` lines of robots.txt."""
        if response.status != 200:
            return
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            if self.scope.same_site(url):
                yield self._sitemap_request(url)
            else:
                logger.info("Ignoring sitemap %s: outside %s", url, self.start_url)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """A sitemap or sitemap index: its pages become requests like links found on a page."""
        if not 200 <= response.status < 300:
            return
        body = self._get_sitemap_body(response)
        if not body:
            logger.warning("Ignoring %s: not a sitemap", response.url)
            return
        sitemap = Sitemap(body)
        if sitemap.type == "sitemapindex":
            for loc in iterloc(sitemap):
                if self.scope.same_site(loc):
                    yield self._sitemap_request(loc)
        elif sitemap.type == "urlset":
            sitemap_url = normalize_url(response.url)
            for loc in iterloc(sitemap):
                request = self._request_for(loc, depth=SITEMAP_DEPTH, referrer=sitemap_url)
                if request is not None:
                    yield request

    def _sitemap_request(self, url: str) -> Request:
        # depth_reset: a sitemap's pages are at SITEMAP_DEPTH however deep the sitemap index goes.
        return Request(
            url, callback=self.parse_sitemap, errback=self.on_auxiliary_error, meta={"depth_reset": True}
        )

    def on_auxiliary_error(self, failure: Failure) -> None:
        """robots.txt or a sitemap could not be fetched: the crawl goes on from links alone."""
        logger.info("Could not fetch %s: %s", failure.request.url, _error_message(failure))

    # -- the gate every URL passes ------------------------------------------------------------

    def _request_for(self, url: str, *, depth: int, referrer: str | None) -> Request | DocumentItem | None:
        """The request for a link or sitemap URL, or None if it is out of scope, seen, a trap or too deep
        (a DocumentItem for a document over max_documents)."""
        if self._stopping or depth > self.max_depth:
            return None
        try:
            url = normalize_url(url)
        except ValueError:
            return None
        if url in self._requested or not self.scope.in_scope(url) or is_non_page_url(url):
            return None
        if not self.trap_guard.admit(url):
            logger.debug("Not following %s: looks like a crawler trap", url)
            return None
        self._requested.add(url)
        if is_document_url(url):
            return self._document_request(url, referrer)
        # dont_filter: the spider deduplicates on normalised URLs itself, and Scrapy's duplicate filter
        # would silently drop the second hop of a redirect loop instead of letting it be reported.
        meta = {REFERRER: referrer, PAGE_REQUEST: True}
        return Request(url, callback=self.parse, errback=self.on_page_error, meta=meta, dont_filter=True)

    def _failure_status(self, failure: Failure) -> str | None:
        """The PageItem status for a failed request, or None if the request was skipped on purpose."""
        error = failure.value
        if isinstance(error, AddressRefused):
            return ERROR if isinstance(error.reason, UnresolvableHost) else REFUSED
        if isinstance(error, OutOfScope):  # a redirect off the site: an answer of the site's, kept
            return REDIRECTED if failure.request.meta.get("redirect_urls") else None
        if isinstance(error, IgnoreRequest):
            # RedirectMiddleware gives up after REDIRECT_MAX_TIMES hops; otherwise robots.txt said no.
            redirects = failure.request.meta.get("redirect_times", 0)
            return REDIRECT_LOOP if redirects >= self.settings.getint("REDIRECT_MAX_TIMES") else None
        if isinstance(error, TIMEOUT_ERRORS):
            return TIMEOUT
        if isinstance(error, DownloadCancelledError) and "max size" in str(error):
            return TOO_LARGE
        return ERROR


def _patterns(value: Iterable[str] | str) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _title_text(response: TextResponse) -> str:
    return response.xpath("string(/html/head/title)").get("")


def _short_title(text: str | None) -> str | None:
    """The title with its whitespace collapsed, cut to MAX_TITLE_LENGTH; None when empty."""
    return " ".join((text or "").split())[:MAX_TITLE_LENGTH] or None


def _error_message(failure: Failure) -> str:
    error = failure.value
    if isinstance(error, AddressRefused):
        return str(error.reason)
    message = str(error).strip()
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
