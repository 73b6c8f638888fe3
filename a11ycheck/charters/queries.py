"""The charter wing's reads and writes: completed crawls and their audited pages, reported updates.

The counts behind the headline KPIs are `tallies.py`'s (shared with the report).
"""

from collections.abc import Sequence

from sqlalchemy import select

from a11ycheck.models import Page, ReportedUpdate, Run, Site, Violation
from a11ycheck.store import Store
from a11ycheck.vocabulary.statuses import COMPLETED, OK


def completed_crawls(store: Store, organisation: str) -> list[Run]:
    """Every completed crawl of the organisation's sites."""
    with store.session() as session:
        query = (
            select(Run)
            .join(Site, Run.site_id == Site.id)
            .where(Site.organisation == organisation, Run.kind == "crawl", Run.status == COMPLETED)
        )
        return list(session.exec(query).scalars().all())


def audited_pages(store: Store, run_ids: Sequence[int]) -> tuple[list[tuple], list[tuple]]:
    """The audited pages of these runs as (id, url, title), and their violations as (page_id, rule, impact,
    level, wcag_version, wcag), in the order they were written."""
    with store.session() as session:
        pages = session.exec(
            select(Page.id, Page.url, Page.title)
            .where(Page.run_id.in_(run_ids), Page.status == OK)
            .order_by(Page.id)
        ).all()
        violations = session.exec(
            select(
                Violation.page_id,
                Violation.rule,
                Violation.impact,
                Violation.level,
                Violation.wcag_version,
                Violation.wcag,
            )
            .join(Page, Violation.page_id == Page.id)
            .where(Page.run_id.in_(run_ids), Page.status == OK)
            .order_by(Violation.id)
        ).all()
    return [tuple(row) for row in pages], [tuple(row) for row in violations]


def add_update(store: Store, row: ReportedUpdate) -> ReportedUpdate:
    with store.session() as session:
        session.add(row)
        session.commit()
        return row


def updates_of(store: Store, organisation: str) -> list[ReportedUpdate]:
    """Every reported update of an organisation, oldest first."""
    query = select(ReportedUpdate).where(ReportedUpdate.organisation == organisation)
    with store.session() as session:
        return list(
            session.exec(query.order_by(ReportedUpdate.recorded_at, ReportedUpdate.id)).scalars().all()
        )
