"""Running a crawl or a list audit from start to end: the run row, the browsers, the writes, the outcome."""

import hashlib
import json
import os
import signal
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, replace

from a11ycheck.audit.axe import axe_version
from a11ycheck.audit.chromium import kill_leftover_browsers
from a11ycheck.audit.pool import BrowserPool
from a11ycheck.egress import EgressGuard
from a11ycheck.errors import UserError
from a11ycheck.page_observers import PageObserver, RunContext, collectors, finish_all
from a11ycheck.progress import RunProgress
from a11ycheck.recorder import RunRecorder
from a11ycheck.reuse import PageAuditor, audit_code, choose_reuse_base, load_reuse_base
from a11ycheck.settings import Settings, configurable_fields
from a11ycheck.store import PageRecord, RunSummary, Store
from a11ycheck.targets import RunPlan
from a11ycheck.vocabulary.results import PageResult, RenderedPage
from a11ycheck.vocabulary.statuses import COMPLETED, RUNNING
from a11ycheck.wings import run_observers


def audit_urls(
    plan: RunPlan,
    store: Store,
    progress: RunProgress | None = None,
    *,
    site_url: str | None = None,
    sample: int | None = None,
) -> RunSummary:
    """Audit exactly the plan's pages, following no links. `site_url` records the run against that site,
    and `sample` says which sample's pages these are (`crawl --sample-only`)."""
    settings = plan.settings
    extra = {"sample": sample} if sample is not None else {}
    options = _options(settings, urls=list(plan.targets), **extra)
    run = store.start_run("audit", site_url, options, axe_version(), audit_code())
    return _audit_list(run.id, list(plan.targets), plan, store, progress, pages_done=set())


def crawl_site(plan: RunPlan, store: Store, progress: RunProgress | None = None) -> RunSummary:
    """Crawl the site of the plan's start URL with Scrapy and audit every HTML page found."""
    site = store.ensure_site(plan.start_url)
    base = choose_reuse_base(store, site.id, plan.settings, axe_version())
    options = _options(plan.settings)
    run = store.start_run("crawl", plan.start_url, options, axe_version(), audit_code(), reuse_base=base)
    return _crawl(run.id, plan, store, progress, pages_done=set(), documents_done=set())


def resume_run(ref: str, store: Store, progress: RunProgress | None = None) -> RunSummary:
    """Finish a killed or interrupted run with its own settings: no page audited twice, none lost.

    Browsers the killed process left behind are found by their profile folder and killed first.
    """
    run_id = store.resolve_run(ref)
    summary = store.run_summary(run_id)
    if summary.status == COMPLETED:
        raise UserError(f"run {run_id} is already complete: nothing to resume")
    if summary.status == RUNNING:
        owner = store.get_run(run_id).owner
        raise UserError(f"run {run_id} is still running ({owner}): stop that process first, then resume")
    run = store.get_run(run_id)
    options = json.loads(run.options)
    settings = Settings.from_env().with_flags(
        db=store.url, **{k: v for k, v in options.items() if k in _RUN_OPTION_NAMES}
    )
    targets = (run.start_url,) if run.kind == "crawl" else tuple(options.get("urls", []))
    plan = RunPlan(run.kind, settings, targets, settings.browser_config())
    kill_leftover_browsers(browser_profile_tag(store.url, run_id))
    pages_done, documents_done = store.recorded_urls(run_id)
    store.reopen_run(run_id)
    if run.kind == "crawl":
        return _crawl(run_id, plan, store, progress, pages_done, documents_done)
    return _audit_list(run_id, list(plan.targets), plan, store, progress, pages_done)


def _audit_list(
    run_id: int,
    targets: list[str],
    plan: RunPlan,
    store: Store,
    progress: RunProgress | None,
    pages_done: set[str],
) -> RunSummary:
    settings = plan.settings
    observers = run_observers(plan, store)
    recorder = RunRecorder(
        store,
        run_id,
        progress,
        batch_size=settings.batch_size,
        pages_done=pages_done,
        observers=observers,
    )
    remaining = [url for url in targets if url not in pages_done]
    with _recording(store, run_id, recorder), _browsers(plan, run_id, observers) as pool:
        auditor = PageAuditor(pool, store, None)  # a list audit has no site to compare with

        def audit_one(url: str) -> None:
            if recorder.claim(url):
                recorder.page(PageRecord(url=url), auditor.audit(url))

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
        _finish_observers(observers, run_id, plan, store, recorder, pool)
    return store.run_summary(run_id)


def _crawl(
    run_id: int,
    plan: RunPlan,
    store: Store,
    progress: RunProgress | None,
    pages_done: set[str],
    documents_done: set[str],
) -> RunSummary:
    settings, start = plan.settings, plan.start_url
    from scrapy.crawler import CrawlerProcess

    from a11ycheck.spiders.browser_fetch import BrowserFetchHandler
    from a11ycheck.spiders.middlewares import EGRESS_PROXY_SETTING
    from a11ycheck.spiders.pipelines import AuditContext, AuditPipeline
    from a11ycheck.spiders.settings import crawl_settings
    from a11ycheck.spiders.site_spider import SiteSpider

    observers = run_observers(plan, store)
    recorder = RunRecorder(
        store,
        run_id,
        progress,
        batch_size=settings.batch_size,
        pages_done=pages_done,
        documents_done=documents_done,
        max_pages=settings.max_pages,
        observers=observers,
    )
    with (
        _recording(store, run_id, recorder) as outcome,
        _browsers(plan, run_id, observers) as pool,
        _document_checks(settings, store, recorder) as documents,
    ):
        base = load_reuse_base(store, store.get_run(run_id).reuse_base)
        auditor = PageAuditor(pool, store, base)
        context = AuditContext(auditor, recorder, documents, settings.document_workers)
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
            download_documents=settings.documents,
            max_documents=settings.max_documents,
            max_document_bytes=settings.max_document_bytes,
            documents_done=documents_done,
        )
        crawling.addErrback(failures.append)
        process.start()
        if failures:
            failures[0].raiseException()
        if context.close_reason == "shutdown":
            outcome.interrupted()
        else:
            _finish_observers(observers, run_id, plan, store, recorder, pool)
    return store.run_summary(run_id)


def _finish_observers(
    observers: list[PageObserver], run_id: int, plan: RunPlan, store: Store, recorder: RunRecorder, pool
) -> None:
    """The wings' end-of-run work, with every page written and the browsers still open."""
    if not observers:
        return
    recorder.flush()
    pages, _ = store.recorded_urls(run_id)
    context = RunContext(run_id, plan.kind, plan.start_url, store, pool.render, frozenset(pages))
    finish_all(observers, context)


def audit_one_page(url: str, settings: Settings, observers: list[PageObserver]) -> PageResult:
    """Audit one page outside any run, with the observers' collectors, and store nothing: a browser of a
    pool of one behind an EgressGuard (or a Grid session), as a list audit audits each page. The caller
    checks the URL first (targets.checked_url, check_reachable)."""
    plan = RunPlan("audit", replace(settings, browsers=1), (url,), settings.browser_config())
    with _browsers(plan, None, observers) as pool:
        return pool.audit(url)


def render_one(plan: RunPlan) -> RenderedPage:
    """The plan's first page rendered for reading (an accessibility statement), by a browser with the egress
    guard, time limits and size cap of a run; nothing is audited and nothing is written."""
    with _browsers(plan, None) as pool:
        return pool.render(plan.targets[0])


def browser_profile_tag(database_url: str, run_id: int) -> str:
    """Names a run's browser profiles: the run id, and the database, since run ids repeat across them."""
    return f"run{run_id}-{hashlib.sha1(database_url.encode()).hexdigest()[:8]}"


@contextmanager
def _browsers(plan: RunPlan, run_id: int | None, observers: list[PageObserver] = ()):
    """The run's browser pool, running the observers' collectors in each page; local browsers reach the web
    only through an EgressGuard. Without a run (one page: render_one, audit_one_page), the profiles are named
    by the process."""
    settings = plan.settings
    limits = replace(settings.audit_limits(), collectors=collectors(observers))
    tag = browser_profile_tag(settings.db, run_id) if run_id is not None else f"render{os.getpid()}"
    config = replace(plan.browser, run_tag=tag)
    with ExitStack() as stack:
        if not config.remote_url:
            guard = stack.enter_context(EgressGuard(allow_private=settings.allow_private))
            config = replace(config, egress_proxy=guard.address)
        yield stack.enter_context(
            BrowserPool(
                settings.browsers,
                config,
                limits,
                recycle_after=settings.recycle_after,
                new_tab_after=settings.new_tab_after,
            )
        )


@contextmanager
def _document_checks(settings: Settings, store: Store, recorder: RunRecorder):
    """The run's document checks, when the run checks documents: its checker starts its worker processes
    with the first document and stops them on every way out."""
    if not settings.documents:
        yield None
        return
    from a11ycheck.document_checks import RunDocumentChecks
    from a11ycheck.documents import DocumentChecker, DocumentLimits

    with DocumentChecker(
        workers=settings.document_workers,
        timeout=settings.document_timeout,
        memory_bytes=settings.document_memory,
        limits=DocumentLimits(max_bytes=settings.max_document_bytes),
    ) as checker:
        yield RunDocumentChecks(store, recorder, checker)


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


# Settings that are not how a run audits but where this process finds things: a resume takes its own.
_NOT_RUN_OPTIONS = ("db", "chromium", "chromedriver", "broker", "charters", "reports", "given")
_RUN_OPTION_NAMES = {spec.name for spec in configurable_fields()} - set(_NOT_RUN_OPTIONS)


def _options(settings: Settings, **extra) -> dict:
    """The settings a run was started with, stored with it so that a resume audits the same way."""
    options = {k: v for k, v in asdict(settings).items() if k not in _NOT_RUN_OPTIONS}
    options.update(extra)
    return json.loads(json.dumps(options, default=list))
