"""The Scrapy item pipeline that hands each page a spider finds to the browser pool, off the reactor.

Audits run in a Twisted thread pool as large as the browser pool (`deferToThreadPool`), so the crawl
goes on while browsers work, and Scrapy's own back-pressure (a pipeline still awaiting its item) keeps it
from racing too far ahead.
"""

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import threads
from twisted.python.threadpool import ThreadPool

from a11ycheck.audit.pool import BrowserPool
from a11ycheck.audit.results import OK
from a11ycheck.models import Document
from a11ycheck.recorder import RunRecorder
from a11ycheck.store import PageRecord
from spiders.items import DocumentItem, PageItem


class AuditContext:
    """What the pipeline needs from the run: the browsers and where results go."""

    def __init__(self, pool: BrowserPool, recorder: RunRecorder):
        self.pool = pool
        self.recorder = recorder
        self.close_reason: str | None = None


class AuditPipeline:
    """Use `AuditPipeline.bound_to(context)` in ITEM_PIPELINES: Scrapy deep-copies settings, so the
    run's live objects travel on a subclass instead."""

    context: AuditContext | None = None

    @classmethod
    def bound_to(cls, context: AuditContext) -> type["AuditPipeline"]:
        return type("BoundAuditPipeline", (cls,), {"context": context})

    def __init__(self, context: AuditContext):
        self.context = context
        self.threads = ThreadPool(minthreads=0, maxthreads=context.pool.size, name="a11ycheck-audit")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "AuditPipeline":
        if cls.context is None:
            raise RuntimeError("AuditPipeline needs a context: use AuditPipeline.bound_to(context)")
        pipeline = cls(cls.context)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self, spider=None) -> None:
        self.threads.start()

    def spider_closed(self, spider, reason: str) -> None:
        self.context.close_reason = reason

    def close_spider(self, spider=None) -> None:
        self.threads.stop()

    async def process_item(self, item, spider=None):
        recorder = self.context.recorder
        if isinstance(item, DocumentItem):
            recorder.document(
                Document(
                    url=item.url,
                    content_type=item.content_type,
                    size=item.size,
                    http_status=item.http_status,
                    referrer=item.referrer,
                )
            )
            return item
        if not isinstance(item, PageItem) or not recorder.claim(item.url):
            return item
        record = PageRecord(
            url=item.url,
            status=item.status,
            http_status=item.http_status,
            depth=item.depth,
            referrer=item.referrer,
            title=item.title,
            error=item.error,
        )
        if item.status != OK or item.audit is not None:  # nothing to audit, or audited as it was fetched
            recorder.page(record, item.audit)
            return item
        from twisted.internet import reactor  # Scrapy picks and installs the reactor: import it late

        await maybe_deferred_to_future(threads.deferToThreadPool(reactor, self.threads, self._audit, record))
        return item

    def _audit(self, record: PageRecord) -> None:
        self.context.recorder.page(record, self.context.pool.audit(record.url))
