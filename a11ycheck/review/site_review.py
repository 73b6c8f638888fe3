"""A site's review as it stands: its sample, axe's verdicts on the sample's pages (from the crawl or its
newest re-audit), every verdict imported, and the conformance table they make; and the statement draft
made from it.

The site's review sample is its newest sample with an imported review, or its newest sample when none has
one yet (then the table holds axe's verdicts only, and every criterion is not tested or not conformant).
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.engine import Connection
from sqlmodel import Session

from a11ycheck.errors import UserError
from a11ycheck.models import Run, Site
from a11ycheck.register import Register
from a11ycheck.review import queries
from a11ycheck.review.conformance import ConformanceTable, conformance_table
from a11ycheck.review.contacts import organisation_contact
from a11ycheck.review.reviews import automated_of, automated_run
from a11ycheck.review.sampling import StoredSample, stored_sample
from a11ycheck.review.statement import render_statement_draft
from a11ycheck.sites import site_target
from a11ycheck.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SiteReview:
    """A site's conformance table with where each part of it comes from."""

    site_url: str  # as `sites list` shows it
    host: str
    organisation: str | None
    sample: StoredSample
    automated_run: int
    automated_on: datetime | None  # when that run finished
    reviews: list[queries.ImportRow]
    table: ConformanceTable

    @property
    def reviewed_on(self) -> datetime | None:
        return self.reviews[-1].imported_at if self.reviews else None

    def to_dict(self) -> dict:
        """{"site", "sample", "run", "automated_run", "reviews": [...], "all_evaluated", "counts", "pages",
        "criteria": [...]}: the table's JSON (ConformanceTable.to_dict) with its sources."""
        return {
            "site": self.site_url,
            "sample": self.sample.id,
            "run": self.sample.run_id,
            "automated_run": self.automated_run,
            "reviews": [
                {
                    "author": review.author,
                    "imported_at": review.imported_at.isoformat(),
                    "source": review.source,
                    "kind": review.kind,
                    "rows": review.rows,
                    "verdicts": review.verdicts,
                }
                for review in self.reviews
            ],
            **self.table.to_dict(),
        }


def find_site(store: Store, site_url: str) -> Site:
    """The site of a URL (as `sites list` shows it); a UserError naming what to do when it is unknown."""
    host = site_target(site_url).host
    with store.session() as db:
        site = queries.site_by_host(db, host)
    if site is None:
        raise UserError(f"no site {host} in {store.display_url}: see `a11ycheck sites list` for the sites")
    return site


def site_review(db: Session, site: Site) -> SiteReview | None:
    """The site's review as it stands; None when the site has no sample yet. `site` is a Site row, or
    anything with its id, host, start_url and organisation (the report's SiteRow)."""
    row = queries.latest_sample_of_site(db, site.id, reviewed=True) or queries.latest_sample_of_site(
        db, site.id
    )
    if row is None:
        return None
    sample = stored_sample(db, row)
    run_id = automated_run(db, sample)
    run = db.get(Run, run_id)
    table = conformance_table(
        sample.sample.urls, automated_of(db, run_id, sample.sample), queries.verdicts_of(db, sample.id)
    )
    return SiteReview(
        site.start_url,
        site.host,
        site.organisation,
        sample,
        run_id,
        run.finished_at,
        queries.reviews_of(db, sample.id),
        table,
    )


def site_reviews(connection: Connection, sites: Iterable[Site]) -> list[SiteReview]:
    """The reviews of those of `sites` that have a sample, for the report (read on its connection); a site
    whose stored sample is damaged is left out and logged, never the end of the report."""
    found = []
    with Session(bind=connection) as db:
        for site in sites:
            try:
                review = site_review(db, site)
            except UserError as exc:
                log.warning("conformance table of %s left out: %s", site.host, exc)
                continue
            if review is not None:
                found.append(review)
    return found


def review_of_site(store: Store, site_url: str) -> SiteReview:
    """The review of the site of `site_url`; a UserError when there is no such site or no sample of it."""
    site = find_site(store, site_url)
    with store.session() as db:
        found = site_review(db, site)
    if found is None:
        raise UserError(
            f"no sample of {site.host} yet: draw one with `a11ycheck sample RUN` from a crawl of the site"
        )
    return found


def statement_draft(store: Store, site_url: str, lang: str = "nl", today: date | None = None) -> str:
    """The draft accessibility statement of the site (HTML), from its conformance table and its
    organisation's contact details (`a11ycheck sites contact`)."""
    return statement_draft_of(store, review_of_site(store, site_url), lang, today)


def statement_draft_of(store: Store, review: SiteReview, lang: str = "nl", today: date | None = None) -> str:
    """The draft statement of a site review; a UserError when the site belongs to no organisation."""
    if not review.organisation:
        raise UserError(
            f"{review.host} belongs to no organisation: add it with `a11ycheck sites add ORGANISATION "
            f"{review.site_url}`, the statement is the organisation's"
        )
    found = Register.load().find(review.organisation)
    name = found.name if found else review.organisation
    with store.session() as db:
        contact = organisation_contact(db, review.organisation, name)
        titles = queries.page_titles(db, review.automated_run, review.sample.sample.urls)
    evaluated = review.reviewed_on or review.automated_on
    return render_statement_draft(
        review.table,
        contact,
        site_url=review.site_url,
        prepared_on=today or date.today(),
        lang=lang,
        evaluated_on=evaluated.date() if evaluated else None,
        page_titles=titles,
    )
