"""Scheduled monitoring: audit every configured site in turn, for a cron job or a systemd timer.

Each site is crawled by its own `a11ycheck crawl` process: Scrapy's reactor runs once per process, and a
site that crashes its crawl cannot take the others down with it.
"""

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from a11ycheck.crawl_request import CrawlRequest
from a11ycheck.models import Site
from a11ycheck.settings import Settings, env_name
from a11ycheck.store import Store

OUTCOMES = {0: "ok", 1: "pages failed", 2: "refused", 130: "interrupted"}


@dataclass(frozen=True)
class MonitoredSite:
    organisation: str | None
    start_url: str
    exit_code: int
    run_id: int | None
    detail: str

    @property
    def failed(self) -> bool:
        return self.exit_code != 0


def monitor_sites(
    store: Store,
    settings: Settings,
    sites: list[Site],
    on_site: Callable[[Site, int, int], None] | None = None,
) -> list[MonitoredSite]:
    """Crawl each site in turn; a failing site is recorded and the next one goes on. Ctrl-C stops the loop."""
    outcomes = []
    environment = dict(os.environ, **{env_name("db"): store.url})
    for number, site in enumerate(sites, start=1):
        if on_site:
            on_site(site, number, len(sites))
        before = store.latest_run_id(site.id)
        crawl = subprocess.Popen(
            CrawlRequest.for_site(site.start_url, settings).command(),
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        interrupted = False
        try:
            stdout, stderr = crawl.communicate()
        except KeyboardInterrupt:  # the crawl got the Ctrl-C too: let it stop cleanly, then stop here
            interrupted = True
            stdout, stderr = crawl.communicate()
        after = store.latest_run_id(site.id)
        detail = _last_line(stdout if crawl.returncode in (0, 1) else stderr) or OUTCOMES.get(
            crawl.returncode, f"exit code {crawl.returncode}"
        )
        outcomes.append(
            MonitoredSite(
                site.organisation,
                site.start_url,
                crawl.returncode,
                after if after != before else None,
                detail,
            )
        )
        if interrupted or crawl.returncode == 130:
            break
    return outcomes


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip() and not line.startswith("results in")]
    return lines[-1] if lines else ""
