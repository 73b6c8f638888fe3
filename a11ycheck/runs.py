"""Running a crawl or a list audit from start to end: the run row, the browsers, the writes, the outcome."""

import hashlib
import json
import signal
import socket
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, replace
from urllib.parse import urlsplit

from a11ycheck.audit.axe import axe_version
from a11ycheck.audit.chromium import kill_leftover_browsers
from a11ycheck.audit.pool import BrowserPool
from a11ycheck.egress import EgressGuard
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


def check_reachable(urls: Iterable[str], timeout: float = 10.0) -> None:
    """Each distinct host answers a TCP connection; otherwise a UserError before a run is started.

    Only called after the address check, so it never connects anywhere the check refused.
    """
    for host, port in dict.fromkeys(_host_port(url) for url in urls):
        try:
            socket.create_connection((host, port), timeout=timeout).close()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise UserError(
                f"cannot reach {host}:{port} ({reason.lower()}): check the URL and that the site is up"
            ) from None


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)


def audit_targets(urls: Iterable[str], settings: Settings) -> list[str]:
    """The URLs to audit, checked and deduplicated; a UserError before anything is written."""
    targets = list(dict.fromkeys(checked_url(url, settings.allow_private) for url in urls))
    if not targets:
        raise UserError("no URLs to audit: give URLs as arguments or a file with --urls-file")
    check_reachable(targets)
    return targets


def crawl_target(start_url: str, settings: Settings) -> str:
    """The start URL, checked, and the crawl's patterns compiled; a UserError before anything is written."""
    _check_patterns(settings.include + settings.exclude)
    start = checked_url(start_url, settings.allow_private)
    check_reachable([start])
    return start


def audit_urls(
    urls: Iterable[str], settings: Settings, store: Store, progress: RunProgress | None = None
) -> RunSummary:
    """Audit exactly these pages, following no links; all URLs are checked before anything is written."""
    targets = audit_targets(urls, settings)
    settings.browser_config()
    run = store.start_run("audit", None, _options(settings, urls=targets), axe_version())
    return _audit_list(run.id, targets, settings, store, progress, pages_done=set())


def crawl_site(
    start_url: str, settings: Settings, store: Store, progress: RunProgress | None = None
) -> RunSummary:
    """Crawl the site of `start_url` with Scrapy and audit every HTML page found."""
    start = crawl_target(start_url, settings)
    settings.browser_config()
    run = store.start_run("crawl", start, _options(settings), axe_version())
    return _crawl(run.id, start, settings, store, progress, pages_done=set(), documents_done=set())


def resume_run(ref: str, store: Store, progress: RunProgress | None = None) -> RunSummary:
    """Finish a killed or interrupted run with its own settings: no page audited twice, none lost.

    Browsers the killed process left behind are found by their profile folder and killed first.
    """
    run_id = store.resolve_run(ref)
    summary = store.run_summary(run_id)
    if summary.status == "completed":
        raise UserError(f"run {run_id} is already complete: nothing to resume")
    if summary.status == "running":
        owner = store.get_run(run_id).owner
        raise UserError(f"run {run_id} is still running ({owner}): stop that process first, then resume")
    run = store.get_run(run_id)
    options = json.loads(run.options)
    settings = Settings.from_env().with_flags(
        db=store.url, **{k: v for k, v in options.items() if k in Settings.__dataclass_fields__}
    )
    settings.browser_config()
    kill_leftover_browsers(browser_profile_tag(store.url, run_id))
    pages_done, documents_done = store.recorded_urls(run_id)
    store.reopen_run(run_id)
    if run.kind == "crawl":
        return _crawl(run_id, run.start_url, settings, store, progress, pages_done, documents_done)
    return _audit_list(run_id, options.get("urls", []), settings, store, progress, pages_done)


def _audit_list(
    run_id: int,
    targets: list[str],
    settings: Settings,
    store: Store,
    progress: RunProgress | None,
    pages_done: set[str],
) -> RunSummary:
    recorder = RunRecorder(store, run_id, progress, batch_size=settings.batch_size, pages_done=pages_done)
    remaining = [url for url in targets if url not in pages_done]
    with _recording(store, run_id, recorder), _browsers(settings, run_id) as pool:

        def audit_one(url: str) -> None:
            if recorder.claim(url):
                recorder.page(PageRecord(url=url), pool.audit(url))

        executor = ThreadPoolExecutor(max_workers=settings.browsers, thread_name_prefix="audit")
        try:
            for future in [executor.submit(audit_one, url) for url in remaining]:
                future.result()
        except BaseException:
            recorder.stop_accepting()  # pages cut short by the interruption are left for a resume
            pool.close()
            raise
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
    return store.run_summary(run_id)


def _crawl(
    run_id: int,
    start: str,
    settings: Settings,
    store: Store,
    progress: RunProgress | None,
    pages_done: set[str],
    documents_done: set[str],
) -> RunSummary:
    from scrapy.crawler import CrawlerProcess

    from a11ycheck.browser_fetch import BrowserFetchHandler
    from a11ycheck.crawl_pipeline import AuditContext, AuditPipeline
    from spiders.middlewares import EGRESS_PROXY_SETTING
    from spiders.settings import crawl_settings
    from spiders.site_spider import SiteSpider

    recorder = RunRecorder(
        store,
        run_id,
        progress,
        batch_size=settings.batch_size,
        pages_done=pages_done,
        documents_done=documents_done,
        max_pages=settings.max_pages,
    )
    with _recording(store, run_id, recorder) as outcome, _browsers(settings, run_id) as pool:
        context = AuditContext(pool, recorder)
        scrapy_settings = crawl_settings(
            allow_private=settings.allow_private,
            max_depth=settings.max_depth,
            download_timeout=settings.download_timeout,
            download_delay=settings.download_delay,
            max_page_bytes=settings.max_page_bytes,
        )
        scrapy_settings["ITEM_PIPELINES"] = {AuditPipeline.bound_to(context): 500}
        scrapy_settings[EGRESS_PROXY_SETTING] = pool.config.egress_proxy
        fetch_with_browsers = BrowserFetchHandler.bound_to(context)  # each page loaded once, by its browser
        scrapy_settings["DOWNLOAD_HANDLERS"] = {"http": fetch_with_browsers, "https": fetch_with_browsers}
        scrapy_settings["LOG_INSTALL_ROOT_HANDLER"] = False  # the CLI's logging configuration stays
        process = CrawlerProcess(scrapy_settings)
        failures: list = []
        crawling = process.crawl(
            SiteSpider,
            start_url=start,
            max_pages=settings.max_pages,
            max_depth=settings.max_depth,
            include=list(settings.include),
            exclude=list(settings.exclude),
        )
        crawling.addErrback(failures.append)
        process.start()
        if failures:
            failures[0].raiseException()
        if context.close_reason == "shutdown":
            outcome.interrupted()
    return store.run_summary(run_id)


def browser_profile_tag(database_url: str, run_id: int) -> str:
    """Names a run's browser profiles: the run id, and the database, since run ids repeat across them."""
    return f"run{run_id}-{hashlib.sha1(database_url.encode()).hexdigest()[:8]}"


@contextmanager
def _browsers(settings: Settings, run_id: int):
    """The run's browser pool; local browsers reach the web only through an EgressGuard."""
    config = replace(settings.browser_config(), run_tag=browser_profile_tag(settings.db, run_id))
    with ExitStack() as stack:
        if not config.remote_url:
            guard = stack.enter_context(EgressGuard(allow_private=settings.allow_private))
            config = replace(config, egress_proxy=guard.address)
        yield stack.enter_context(
            BrowserPool(
                settings.browsers,
                config,
                settings.audit_limits(),
                recycle_after=settings.recycle_after,
                new_tab_after=settings.new_tab_after,
            )
        )


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
    options = {
        k: v for k, v in asdict(settings).items() if k not in ("db", "chromium", "chromedriver", "broker")
    }
    options.update(extra)
    return json.loads(json.dumps(options, default=list))


def _check_patterns(patterns: Iterable[str]) -> None:
    import re

    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise UserError(f"bad regular expression {pattern!r}: {exc}") from None
