"""Simplified monitoring: audit again only the pages of a site's sample instead of crawling the whole site
(`crawl --sample-only`, and `monitor` and `campaign start` with the same flag).

The sample is the site's newest one; a site crawled but never sampled gets the default sample of its
newest completed crawl, drawn now. Documents of the sample are not audited (axe audits HTML pages).
"""

from dataclasses import dataclass

from a11ycheck.errors import UserError
from a11ycheck.models import Run
from a11ycheck.review import queries
from a11ycheck.review.sample import DOCUMENT
from a11ycheck.review.sampling import draw_sample, stored_sample
from a11ycheck.sites import site_target
from a11ycheck.store import Store
from a11ycheck.vocabulary.statuses import COMPLETED


@dataclass(frozen=True)
class SampleAudit:
    """What a sample-only run audits: the sample's pages, recorded against the site."""

    site_url: str
    sample_id: int
    urls: tuple[str, ...]


def sample_audit(store: Store, start_url: str) -> SampleAudit:
    """The pages of the newest sample of the site of `start_url`; a UserError when the site has never been
    crawled to the end (there is no sample to take)."""
    host = site_target(start_url).host
    with store.session() as db:
        site = queries.site_by_host(db, host)
        if site is None:
            raise UserError(
                f"{host} has not been crawled yet: crawl it once without --sample-only to draw its sample"
            )
        row = queries.latest_sample_of_site(db, site.id)
        stored = stored_sample(db, row) if row is not None else None
        crawls = [run for run in queries.runs_of_site(db, site.id) if _completed_crawl(run)]
    if stored is None:
        if not crawls:
            raise UserError(
                f"{host} has no completed crawl to draw a sample from: crawl it once without --sample-only"
            )
        stored = draw_sample(store, str(crawls[-1].id))
    urls = tuple(page.url for page in stored.sample.pages if DOCUMENT not in page.reasons)
    if not urls:
        raise UserError(f"sample {stored.id} of {host} has no pages to audit: crawl the site again")
    return SampleAudit(stored.site_url or site.start_url, stored.id, urls)


def _completed_crawl(run: Run) -> bool:
    return run.kind == "crawl" and run.status == COMPLETED
