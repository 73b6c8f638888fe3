"""Running a crawl or a list audit from start to end: the run row, the browsers, the writes, the outcome."""

import json
import logging
import signal
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict

from a11ycheck.audit.axe import axe_version
from a11ycheck.audit.pool import BrowserPool
from a11ycheck.errors import UserError
from a11ycheck.netguard import RefusedAddress, check_url
from a11ycheck.progress import RunProgress
from a11ycheck.recorder import RunRecorder
from a11ycheck.settings import Settings
from a11ycheck.store import PageRecord, RunSummary, Store
from a11ycheck.urls import normalize_url


def checked_url(url: str, allow_private: bool) -> str:
    """The normalised URL, or a UserError saying why it cannot be audited."""
    try:
        check_url(url, allow_private=allow_private)
    except (RefusedAddress, ValueError) as exc:
        raise UserError(str(exc)) from None
    return normalize_url(url)


def audit_targets(urls: Iterable[str], settings: Settings) -> list[str]:
    """The URLs to audit, checked and deduplicated; a UserError before anything is written."""
    targets = list(dict.fromkeys(checked_url(url, settings.allow_private) for url in urls))
    if not targets:
        raise UserError("no URLs to audit: give URLs as arguments or a file with --urls-file")
    return targets


def crawl_target(start_url: str, settings: Settings) -> str:
    """The start URL, checked, and the crawl's patterns compiled; a UserError before anything is written."""
    _check_patterns(settings.include + settings.exclude)
    return checked_url(start_url, settings.allow_private)


def audit_urls(
    urls: Iterable[str], settings: Settings, store: Store, progress: RunProgress | None = None
) -> RunSummary:
    """Audit exactly these pages, following no links; all URLs are checked before anything is written."""
    targets = audit_targets(urls, settings)
    browser_config = settings.browser_config()
    run = store.start_run("audit", None, _options(settings, urls=len(targets)), axe_version())
    recorder = RunRecorder(store, run.id, progress, batch_size=settings.batch_size)
    with (
        _recording(store, run.id, recorder),
        BrowserPool(
            settings.browsers, browser_config, settings.audit_limits(), settings.recycle_after
        ) as pool,
    ):

        def audit_one(url: str) -> None:
            recorder.claim(url)
            if progress:
                progress.page_found()
            recorder.page(PageRecord(url=url), pool.audit(url))

        executor = ThreadPoolExecutor(max_workers=settings.browsers, thread_name_prefix="audit")
        try:
            for future in [executor.submit(audit_one, url) for url in targets]:
                future.result()
        except BaseException:
            recorder.stop_accepting()  # pages cut short by the interruption are not recorded as failed
            pool.close()
            raise
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
    return store.run_summary(run.id)


def crawl_site(
    start_url: str, settings: Settings, store: Store, progress: RunProgress | None = None
) -> RunSummary:
    """Crawl the site of `start_url` with Scrapy and audit every HTML page found."""
    from scrapy.crawler import CrawlerProcess

    from a11ycheck.crawl_pipeline import AuditContext, AuditPipeline
    from spiders.settings import crawl_settings
    from spiders.site_spider import SiteSpider

    start = crawl_target(start_url, settings)
    browser_config = settings.browser_config()
    run = store.start_run("crawl", start, _options(settings), axe_version())
    recorder = RunRecorder(store, run.id, progress, batch_size=settings.batch_size)
    with (
        _recording(store, run.id, recorder) as outcome,
        BrowserPool(
            settings.browsers, browser_config, settings.audit_limits(), settings.recycle_after
        ) as pool,
    ):
        context = AuditContext(pool, recorder)
        scrapy_settings = crawl_settings(
            allow_private=settings.allow_private,
            max_depth=settings.max_depth,
            download_timeout=settings.download_timeout,
            download_delay=settings.download_delay,
        )
        scrapy_settings["ITEM_PIPELINES"] = {AuditPipeline.bound_to(context): 500}
        process = CrawlerProcess(scrapy_settings, install_root_handler=False)
        logging.getLogger("scrapy").setLevel(max(logging.getLogger().getEffectiveLevel(), logging.INFO))
        process.crawl(
            SiteSpider,
            start_url=start,
            max_pages=settings.max_pages,
            max_depth=settings.max_depth,
            include=list(settings.include),
            exclude=list(settings.exclude),
        )
        process.start()
        if context.close_reason == "shutdown":
            outcome.interrupted()
    return store.run_summary(run.id)


class _Outcome:
    def __init__(self) -> None:
        self.status = "completed"
        self.error: str | None = None

    def interrupted(self) -> None:
        self.status = "interrupted"


@contextmanager
def _recording(store: Store, run_id: int, recorder: RunRecorder):
    """Flush what was audited and close the run on every path out: done, Ctrl-C, SIGTERM or a crash."""
    outcome = _Outcome()
    previous = signal.getsignal(signal.SIGTERM)

    def on_sigterm(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield outcome
    except KeyboardInterrupt:
        outcome.status = "interrupted"
    except Exception as exc:
        outcome.status, outcome.error = "failed", f"{type(exc).__name__}: {exc}"
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
        recorder.flush()
        store.finish_run(run_id, outcome.status, outcome.error)


def _options(settings: Settings, **extra) -> dict:
    options = {k: v for k, v in asdict(settings).items() if k not in ("db", "chromium", "chromedriver")}
    options.update(extra)
    return json.loads(json.dumps(options, default=list))


def _check_patterns(patterns: Iterable[str]) -> None:
    import re

    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise UserError(f"bad regular expression {pattern!r}: {exc}") from None
