"""The Scrapy item pipeline that hands each page a spider finds to the browser pool, off the reactor, and
each downloaded document to the run's document checks.

Audits run in a Twisted thread pool as large as the browser pool (`deferToThreadPool`), so the crawl
goes on while browsers work, and Scrapy's own back-pressure (a pipeline still awaiting its item) keeps it
from racing too far ahead. A page audited as it was fetched is recorded in a thread of its own too: the
observers' work (plain-language scoring, 5-10 ms a page) and the batched database writes would otherwise hold
up the reactor, which hands the browsers their next pages (3 s of a 100-page crawl, measured with cProfile).
Document checks run in a thread pool of their own, one thread per checker worker; the crawl does not wait
for them unless DOCUMENTS_WAITING files are queued already (each holds its bytes in memory until checked).
The crawl goes on whatever a document does.
"""

import logging
from typing import TYPE_CHECKING

from a11ycheck.spiders.items import DocumentItem, PageItem
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import threads
from twisted.internet.defer import Deferred, DeferredList, DeferredSemaphore
from twisted.python.failure import Failure
from twisted.python.threadpool import ThreadPool

from a11ycheck.models import Document
from a11ycheck.recorder import RunRecorder
from a11ycheck.reuse import PageAuditor
from a11ycheck.store import PageRecord
from a11ycheck.vocabulary.statuses import OK

if TYPE_CHECKING:  # the documents wing loads the PDF library: only for runs that check documents
    from a11ycheck.document_checks import RunDocumentChecks

logger = logging.getLogger(__name__)

DOCUMENTS_WAITING = 2  # downloaded documents queued for a check beyond the ones being checked


class AuditContext:
    """What the pipeline needs from the run: who audits a page (the browsers, reusing what is unchanged),
    where results go, and the document checks (None: documents are recorded, not checked) with as many
    threads as the checker has workers."""

    def __init__(
        self,
        auditor: PageAuditor,
        recorder: RunRecorder,
        documents: "RunDocumentChecks | None" = None,
        document_threads: int = 1,
    ):
        self.auditor = auditor
        self.recorder = recorder
        self.documents = documents
        self.document_threads = document_threads
        self.close_reason: str | None = None


class AuditPipeline:
    """Use `AuditPipeline.bound_to(context)` in ITEM_PIPELINES: Scrapy deep-copies settings, so the
    run's live objects travel on a subclass instead."""

    context: AuditContext | None = None

    @classmethod
    def bound_to(cls, context: AuditContext) -> type["AuditPipeline"]:
        return type("BoundAuditPipeline", (cls,), {"context": context})

    def __init__(self, context: AuditContext, crawler: Crawler | None = None):
        self.context = context
        self.crawler = crawler
        self.threads = ThreadPool(minthreads=0, maxthreads=context.auditor.size, name="a11ycheck-audit")
        self.record_thread = ThreadPool(minthreads=0, maxthreads=1, name="a11ycheck-record")
        self.document_threads = ThreadPool(
            minthreads=0, maxthreads=context.document_threads, name="a11ycheck-documents"
        )
        self._documents_waiting = DeferredSemaphore(context.document_threads + DOCUMENTS_WAITING)
        self._document_checks: set[Deferred] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "AuditPipeline":
        if cls.context is None:
            raise RuntimeError("AuditPipeline needs a context: use AuditPipeline.bound_to(context)")
        pipeline = cls(cls.context, crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self, spider=None) -> None:
        self.threads.start()
        self.record_thread.start()
        self.document_threads.start()

    def spider_closed(self, spider, reason: str) -> None:
        self.context.close_reason = reason

    async def close_spider(self, spider=None) -> None:
        """Wait for the audits, then for the document checks: all of them when the crawl is done, none
        when it was stopped (Ctrl-C, SIGTERM), whose unfinished documents are left for a resume."""
        self.threads.stop()
        self.record_thread.stop()
        documents = self.context.documents
        stopped = (
            self.crawler is not None and self.crawler.engine is not None and not self.crawler.engine.running
        )
        if documents is not None and stopped and self._document_checks:
            documents.cancel()
        if self._document_checks:
            await maybe_deferred_to_future(DeferredList(list(self._document_checks)))
        self.document_threads.stop()

    async def process_item(self, item, spider=None):
        recorder = self.context.recorder
        if isinstance(item, DocumentItem):
            await self._document(item)
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
            redirect_to=item.redirect_to,
        )
        from twisted.internet import reactor  # Scrapy picks and installs the reactor: import it late

        if item.status != OK or item.audit is not None:  # nothing to audit, or audited as it was fetched
            pool, work, args = self.record_thread, recorder.page, (record, item.audit)
        else:
            pool, work, args = self.threads, self._audit, (record,)
        await maybe_deferred_to_future(threads.deferToThreadPool(reactor, pool, work, *args))
        return item

    def _audit(self, record: PageRecord) -> None:
        self.context.recorder.page(record, self.context.auditor.audit(record.url))

    async def _document(self, item: DocumentItem) -> None:
        """Record a document; one with its file is checked in a thread, without holding up the crawl."""
        document = Document(
            url=item.url,
            content_type=item.content_type,
            size=item.size,
            http_status=item.http_status,
            referrer=item.referrer,
            status=item.status,
            message=item.message,
            last_modified=item.last_modified,
        )
        documents = self.context.documents
        if documents is None or item.body is None:
            self.context.recorder.document(document)
            return
        from twisted.internet import reactor  # Scrapy picks and installs the reactor: import it late

        await maybe_deferred_to_future(self._documents_waiting.acquire())
        check = threads.deferToThreadPool(
            reactor, self.document_threads, documents.record, document, item.body
        )
        self._document_checks.add(check)
        check.addBoth(self._document_checked, check, item.url)

    def _document_checked(self, outcome: object, check: Deferred, url: str) -> None:
        self._document_checks.discard(check)
        self._documents_waiting.release()
        if isinstance(outcome, Failure):
            from a11ycheck.documents import DocumentCheckerError

            if not outcome.check(DocumentCheckerError):  # an interruption: left for a resume
                logger.warning("Could not record the document %s: %s", url, outcome.getErrorMessage())
