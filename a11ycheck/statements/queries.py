"""The statement wing's reads and writes: the links and pages a crawl stored, its WCAG 2.1 A/AA failures,
and the statement read per run.
"""

from collections.abc import Sequence

from sqlalchemy import delete, select

from a11ycheck.models import Page, Run, Site, Statement, StatementLink, Violation
from a11ycheck.statements.site_check import CrawledPage, FoundLink
from a11ycheck.store import Store
from a11ycheck.vocabulary.statuses import OK
from a11ycheck.vocabulary.wcag import is_wcag21_a_or_aa


def statement_links(store: Store, run_id: int) -> list[FoundLink]:
    """The links a run's pages gave that may lead to the statement, in the order they were written."""
    query = (
        select(StatementLink.page_url, StatementLink.href, StatementLink.text, StatementLink.score)
        .where(StatementLink.run_id == run_id)
        .order_by(StatementLink.id)
    )
    with store.session() as session:
        return [FoundLink(*row) for row in session.exec(query).all()]


def crawled_pages(store: Store, run_id: int) -> list[CrawledPage]:
    """Every page of a run: address, title, status, depth, and where a redirected one sent the browser."""
    query = (
        select(Page.url, Page.title, Page.status, Page.depth, Page.redirect_to)
        .where(Page.run_id == run_id)
        .order_by(Page.id)
    )
    with store.session() as session:
        return [CrawledPage(*row) for row in session.exec(query).all()]


def wcag_failures(store: Store, run_id: int) -> tuple[int, set[str]]:
    """How many audited pages of a run fail a WCAG 2.1 A/AA rule, and the success criteria those rules
    name: the measure a statement is held against."""
    query = (
        select(Violation.page_id, Violation.level, Violation.wcag_version, Violation.wcag)
        .join(Page, Page.id == Violation.page_id)
        .where(Page.run_id == run_id, Page.status == OK)
    )
    pages: set[int] = set()
    criteria: set[str] = set()
    with store.session() as session:
        for page_id, level, wcag_version, wcag in session.exec(query).all():
            if is_wcag21_a_or_aa(level, wcag_version):
                pages.add(page_id)
                criteria.update(part for part in (wcag or "").split(",") if part)
    return len(pages), criteria


def save_statement(store: Store, row: Statement) -> Statement:
    """Write the statement of a run, replacing an earlier one of the same run."""
    with store.session() as session:
        session.execute(delete(Statement).where(Statement.run_id == row.run_id))
        session.add(row)
        session.commit()
        return row


def statement_of_run(store: Store, run_id: int) -> Statement | None:
    with store.session() as session:
        return session.exec(select(Statement).where(Statement.run_id == run_id)).scalars().first()


def statements_of_runs(store: Store, run_ids: Sequence[int]) -> dict[int, Statement]:
    """The statements of these runs, by run id (a run without one is left out)."""
    if not run_ids:
        return {}
    with store.session() as session:
        rows = session.exec(select(Statement).where(Statement.run_id.in_(list(run_ids)))).scalars().all()
    return {row.run_id: row for row in rows}


def latest_site_statements(store: Store, organisation: str) -> list[tuple[Site, Statement | None]]:
    """Each site of the organisation (by host) with its newest statement: that of its last completed crawl
    that has one; None for a site never checked."""
    with store.session() as session:
        sites = (
            session.exec(select(Site).where(Site.organisation == organisation).order_by(Site.host))
            .scalars()
            .all()
        )
        found = []
        for site in sites:
            newest = (
                session.exec(
                    select(Statement)
                    .join(Run, Run.id == Statement.run_id)
                    .where(Statement.site_id == site.id)
                    .order_by(Run.finished_at.desc(), Run.id.desc())
                    .limit(1)
                )
                .scalars()
                .first()
            )
            found.append((site, newest))
    return found
