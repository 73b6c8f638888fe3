"""Fetching a crawl's pages with the browsers that audit them, so that each page is loaded once.

Scrapy still decides what is fetched and checks it first: scope, the address check, robots.txt, and the
per-host download slot with its concurrency (2) and `--delay`. This download handler takes the requests
the spider marks as page requests (PAGE_REQUEST): a browser of the pool loads the page, audits it and
reads its HTTP status and links; the handler answers Scrapy with a response that carries that result
(RENDERED), so the spider follows the links the browser saw and the pipeline stores the audit as it is.
The browser's own requests (the page's redirects, frames, images) pass the run's egress guard.

Scrapy's HTTP handler fetches the page instead (a second load, only then) when the browser could not
give its links: the audit failed before reading them (a timeout, a crash), or the URL was not an HTML
page (a download); and it fetches, without any audit, a page that needs none (audited before a resume, or
the run is full). robots.txt, sitemaps and documents are Scrapy's, as before.
"""

from a11ycheck.spiders.items import PAGE_REQUEST, RENDERED
from a11ycheck.spiders.pipelines import AuditContext
from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import threads
from twisted.python.threadpool import ThreadPool

from a11ycheck.urls import normalize_url
from a11ycheck.vocabulary.results import PageResult
from a11ycheck.vocabulary.statuses import NOT_HTML, OK, REDIRECTED, http_code

MAX_LINKS = 10_000  # links read from one page; a page with more is a trap, not navigation


class BrowserFetchHandler:
    """Use `BrowserFetchHandler.bound_to(context)` for the http and https DOWNLOAD_HANDLERS."""

    lazy = False
    context: AuditContext | None = None

    @classmethod
    def bound_to(cls, context: AuditContext) -> type["BrowserFetchHandler"]:
        return type("BoundBrowserFetchHandler", (cls,), {"context": context})

    def __init__(self, crawler: Crawler):
        if self.context is None:
            raise RuntimeError("BrowserFetchHandler needs a context: use BrowserFetchHandler.bound_to(...)")
        self.crawler = crawler
        self.http = HTTP11DownloadHandler(crawler)
        self.threads = ThreadPool(minthreads=0, maxthreads=self.context.auditor.size, name="a11ycheck-fetch")
        self.threads.start()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "BrowserFetchHandler":
        return cls(crawler)

    async def download_request(self, request: Request) -> Response:
        if not self._to_audit(request):
            return await self.http.download_request(request)
        from twisted.internet import reactor  # Scrapy picks and installs the reactor: import it late

        result: PageResult = await maybe_deferred_to_future(
            threads.deferToThreadPool(
                reactor, self.threads, self.context.auditor.audit, request.url, MAX_LINKS
            )
        )
        request.meta[RENDERED] = result
        if result.links is None or result.status == NOT_HTML:
            return await self.http.download_request(request)
        request.meta["dont_retry"] = True  # a retry would audit the page again
        # A page that sent the browser elsewhere is recorded under its own URL, with its target as its link
        answered_url = request.url if result.status == REDIRECTED else (result.final_url or request.url)
        return HtmlResponse(
            url=answered_url,
            status=_http_status(result),
            headers={"Content-Type": "text/html; charset=utf-8"},
            body=b"",
            encoding="utf-8",
            request=request,
        )

    def _to_audit(self, request: Request) -> bool:
        if not request.meta.get(PAGE_REQUEST) or request.method != "GET":
            return False
        spider = self.crawler.spider
        if spider is not None and getattr(spider, "stopping", False):
            return False
        return self.context.recorder.wants(normalize_url(request.url))

    async def close(self) -> None:
        self.threads.stop()
        await self.http.close()


def _http_status(result: PageResult) -> int:
    """The status of the response handed to the spider. An HTTP error the audit found (also one it found
    by asking again, for an authentication prompt the browser cancels) is that status, so the spider
    reports it as such. Any other outcome (ok, refused, too-large, ...) is a 2xx, so the spider keeps
    the page and its audit's status is stored: a page the egress guard refused arrives with the guard's
    403, which is not the site's."""
    code = http_code(result.status)
    if code is not None:
        return code
    if result.status == OK and result.http_status and 200 <= result.http_status < 300:
        return result.http_status
    return 200
