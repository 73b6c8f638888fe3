"""The statement wing in a crawl: a page observer (a11ycheck/page_observers.py).

In each audited page, COLLECTOR gives the links that may lead to the statement; `rows` scores them and stores
those that may (StatementLink, with the page, in its own transaction). Keeping them in the database rather
than in memory is what lets a resumed crawl see the pages audited before it was killed. When the crawl has
completed, `finish` reads what was stored, renders the best candidate with a browser of the run (so a
statement beyond the page limit, or never audited, is read too), grades it as of the run's day, holds it
against the run's WCAG 2.1 A/AA failures, and writes one Statement row for the run and its site.

List audits (`a11ycheck audit`) get no observer (wings.py): a list of pages is not a site, it has no home
page to be linked from; `a11ycheck statement check URL` reads one page instead.
"""

import logging
from datetime import UTC, date, datetime

from sqlmodel import SQLModel

from a11ycheck.models import StatementLink, utcnow
from a11ycheck.page_observers import PageObserver, RunContext
from a11ycheck.statements import queries
from a11ycheck.statements.link_collector import COLLECTOR, collected_links
from a11ycheck.statements.links import find_statement_links
from a11ycheck.statements.site_check import check_site_statement
from a11ycheck.statements.stored import statement_row
from a11ycheck.store import PageRecord
from a11ycheck.urls import normalize_url
from a11ycheck.vocabulary.results import PageResult
from a11ycheck.vocabulary.statuses import OK

log = logging.getLogger(__name__)

NAME = "statements"


class StatementObserver(PageObserver):
    """Finds, reads and grades the site's accessibility statement during a crawl. Keeps no state of its
    own: every page's candidates go to the database, so it is thread-safe as it is."""

    name = NAME
    script = COLLECTOR

    def rows(self, run_id: int, record: PageRecord, result: PageResult | None) -> list[SQLModel]:
        if result is None or result.status != OK:
            return []
        links = collected_links(result.collected.get(NAME))
        return [
            StatementLink(run_id=run_id, page_url=record.url, href=href, text=found.text, score=found.score)
            for found in find_statement_links(links)
            if (href := _normalised(found.href))
        ]

    def finish(self, run: RunContext) -> None:
        if run.kind != "crawl":
            return
        store = run.store
        started = store.get_run(run.run_id)
        failing_pages, failing_criteria = queries.wcag_failures(store, run.run_id)
        found = check_site_statement(
            queries.statement_links(store, run.run_id),
            queries.crawled_pages(store, run.run_id),
            run.start_url,
            run.render,
            _utc_day(started.started_at),
            failing_pages,
            failing_criteria,
        )
        queries.save_statement(store, statement_row(run.run_id, started.site_id, found, utcnow()))
        if found.assessment is None:
            log.info("run %s: no accessibility statement link found", run.run_id)


def _normalised(href: str) -> str | None:
    try:
        return normalize_url(href)
    except ValueError:
        return None


def _utc_day(moment: datetime) -> date:
    """The run's day (UTC): the day its statement is graded for. SQLite hands times back without a zone."""
    return (moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)).date()
