"""Scheduled monitoring: audit every configured site in turn, for a cron job or a systemd timer.

Each site is crawled by its own `a11ycheck crawl` process: Scrapy's reactor runs once per process, and a
site that crashes its crawl cannot take the others down with it.
"""

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from a11ycheck.errors import UserError
from a11ycheck.models import Run, Site
from a11ycheck.settings import Settings
from a11ycheck.store import Store

OUTCOMES = {0: "ok", 1: "pages failed", 2: "refused", 130: "interrupted"}


@dataclass(frozen=True)
class SiteOutcome:
    organisation: str | None
    start_url: str
    exit_code: int
    run_id: int | None
    detail: str

    @property
    def failed(self) -> bool:
        return self.exit_code != 0


def configured_sites(store: Store, organisations: tuple[str, ...] = ()) -> list[Site]:
    """Sites assigned to an organisation (`a11ycheck sites add`), optionally only these organisations."""
    with store.session() as session:
        query = select(Site).where(Site.organisation.is_not(None)).order_by(Site.organisation, Site.host)
        if organisations:
            query = query.where(Site.organisation.in_(organisations))
        sites = list(session.exec(query).scalars().all())
    if not sites:
        raise UserError("no sites configured: add them with `a11ycheck sites add MUNICIPALITY URL`")
    return sites


def crawl_command(site: Site, settings: Settings) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "a11ycheck",
        "crawl",
        site.start_url,
        "--max-pages",
        str(settings.max_pages),
        "--browsers",
        str(settings.browsers),
        "--delay",
        str(settings.download_delay),
    ]
    if settings.allow_private:
        command.append("--allow-private")
    if settings.tags:
        command += ["--tags", ",".join(settings.tags)]
    return command


def monitor_sites(
    store: Store,
    settings: Settings,
    sites: list[Site],
    on_site: Callable[[Site, int, int], None] | None = None,
) -> list[SiteOutcome]:
    """Crawl each site in turn; a failing site is recorded and the next one goes on. Ctrl-C stops the loop."""
    outcomes = []
    environment = dict(os.environ, A11YCHECK_DB=store.url)
    for number, site in enumerate(sites, start=1):
        if on_site:
            on_site(site, number, len(sites))
        before = _latest_run_id(store, site.id)
        crawl = subprocess.Popen(
            crawl_command(site, settings),
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
        after = _latest_run_id(store, site.id)
        detail = _last_line(stdout if crawl.returncode in (0, 1) else stderr) or OUTCOMES.get(
            crawl.returncode, f"exit code {crawl.returncode}"
        )
        outcomes.append(
            SiteOutcome(
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


def _latest_run_id(store: Store, site_id: int) -> int | None:
    with store.session() as session:
        return (
            session.exec(select(Run.id).where(Run.site_id == site_id).order_by(Run.id.desc()))
            .scalars()
            .first()
        )


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip() and not line.startswith("results in")]
    return lines[-1] if lines else ""
