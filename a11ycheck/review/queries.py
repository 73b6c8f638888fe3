"""The review wing's reads and writes: page facts, documents and axe's findings of a run, samples, imported
reviews, organisations' contact details. Every function takes an open Session, so the CLI's operations
(through `Store.session()`) and the report (a Session on its connection) share them.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlmodel import Session

from a11ycheck.models import (
    Document,
    NeedsReview,
    OrganisationContactDetails,
    Page,
    ReviewImport,
    ReviewPageFacts,
    ReviewSample,
    ReviewVerdict,
    Run,
    Site,
    Violation,
)
from a11ycheck.review.verdicts import ManualVerdict
from a11ycheck.vocabulary.statuses import OK, PARTIAL

AUDITED = (OK, PARTIAL)  # pages a sample may hold: audited, the very large ones without contrast included


@dataclass(frozen=True)
class FactsRow:
    """An audited page of a run with the facts the review wing stored for it (decoded JSON)."""

    url: str
    title: str | None
    facts: dict


@dataclass(frozen=True)
class ImportRow:
    """One imported review of a sample: who, when, from which file, how many rows and verdicts."""

    id: int
    sample_id: int
    author: str | None
    imported_at: datetime
    source: str
    kind: str
    rows: int
    verdicts: int


# --- runs and their pages ---------------------------------------------------------------------------------


def latest_crawl_id(db: Session) -> int | None:
    return db.exec(select(func.max(Run.id)).where(Run.kind == "crawl")).scalar()


def page_counts(db: Session, run_id: int) -> tuple[int, int, int]:
    """(pages, audited pages, audited pages with stored facts) of a run."""
    pages = db.exec(select(func.count(Page.id)).where(Page.run_id == run_id)).scalar() or 0
    audited = (
        db.exec(select(func.count(Page.id)).where(Page.run_id == run_id, Page.status.in_(AUDITED))).scalar()
        or 0
    )
    with_facts = (
        db.exec(
            select(func.count(ReviewPageFacts.id))
            .join(Page, (Page.run_id == ReviewPageFacts.run_id) & (Page.url == ReviewPageFacts.url))
            .where(ReviewPageFacts.run_id == run_id, Page.status.in_(AUDITED))
        ).scalar()
        or 0
    )
    return pages, audited, with_facts


def audited_facts(db: Session, run_id: int) -> list[FactsRow]:
    """The run's audited pages with their stored facts, by URL; facts that are not a JSON object are
    empty (a page is still a page)."""
    rows = db.exec(
        select(ReviewPageFacts.url, Page.title, ReviewPageFacts.facts)
        .join(Page, (Page.run_id == ReviewPageFacts.run_id) & (Page.url == ReviewPageFacts.url))
        .where(ReviewPageFacts.run_id == run_id, Page.status.in_(AUDITED))
        .order_by(ReviewPageFacts.url)
    ).all()
    return [FactsRow(url, title, _object(facts)) for url, title, facts in rows]


def usable_documents(db: Session, run_id: int) -> list[Document]:
    """The run's documents that answered (no HTTP error), by URL."""
    query = (
        select(Document)
        .where(Document.run_id == run_id)
        .where((Document.http_status.is_(None)) | (Document.http_status < 400))
        .order_by(Document.url)
    )
    return list(db.exec(query).scalars().all())


def page_titles(db: Session, run_id: int, urls: Iterable[str]) -> dict[str, str]:
    wanted = list(urls)
    rows = db.exec(select(Page.url, Page.title).where(Page.run_id == run_id, Page.url.in_(wanted))).all()
    return {url: title for url, title in rows if title}


def findings(
    db: Session, run_id: int, urls: Iterable[str]
) -> tuple[list[tuple[str, str, list[str]]], list[tuple[str, str, list[str]]]]:
    """axe's violations and needs-review on these pages of a run, each as (page URL, rule, criteria)."""
    wanted = list(urls)
    found = []
    for table in (Violation, NeedsReview):
        rows = db.exec(
            select(Page.url, table.rule, table.wcag)
            .join(Page, table.page_id == Page.id)
            .where(Page.run_id == run_id, Page.url.in_(wanted))
            .order_by(table.id)
        ).all()
        found.append(
            [(url, rule, [part for part in (wcag or "").split(",") if part]) for url, rule, wcag in rows]
        )
    return found[0], found[1]


def runs_of_site(db: Session, site_id: int) -> list[Run]:
    """Every run of a site, oldest first."""
    return list(db.exec(select(Run).where(Run.site_id == site_id).order_by(Run.id)).scalars().all())


def reaudited_sample(run: Run) -> int | None:
    """The sample a list audit re-audited (`crawl --sample-only`), from its options; else None."""
    if run.kind != "audit":
        return None
    try:
        sample = json.loads(run.options or "{}").get("sample")
    except (ValueError, AttributeError):
        return None
    return sample if isinstance(sample, int) and not isinstance(sample, bool) else None


def site_by_host(db: Session, host: str) -> Site | None:
    return db.exec(select(Site).where(Site.host == host)).scalars().first()


# --- samples ----------------------------------------------------------------------------------------------


def sample_by_id(db: Session, sample_id: int) -> ReviewSample | None:
    return db.get(ReviewSample, sample_id)


def sample_for(db: Session, run_id: int, seed: int, per_template: int) -> ReviewSample | None:
    query = select(ReviewSample).where(
        ReviewSample.run_id == run_id, ReviewSample.seed == seed, ReviewSample.per_template == per_template
    )
    return db.exec(query).scalars().first()


def latest_sample_of_run(db: Session, run_id: int) -> ReviewSample | None:
    query = select(ReviewSample).where(ReviewSample.run_id == run_id).order_by(ReviewSample.id.desc())
    return db.exec(query.limit(1)).scalars().first()


def latest_sample_of_site(db: Session, site_id: int, reviewed: bool = False) -> ReviewSample | None:
    """The site's newest sample, or with `reviewed` its newest sample that has an imported review."""
    query = select(ReviewSample).where(ReviewSample.site_id == site_id)
    if reviewed:
        query = query.where(ReviewSample.id.in_(select(ReviewImport.sample_id)))
    return db.exec(query.order_by(ReviewSample.id.desc()).limit(1)).scalars().first()


def samples_of_run(db: Session, run_id: int) -> list[ReviewSample]:
    query = select(ReviewSample).where(ReviewSample.run_id == run_id).order_by(ReviewSample.id)
    return list(db.exec(query).scalars().all())


# --- reviews ----------------------------------------------------------------------------------------------


def add_review(db: Session, review: ReviewImport, verdicts: Sequence[ManualVerdict]) -> ReviewImport:
    """Write an import and its rows (those with a verdict or a note: the others say nothing) at once."""
    db.add(review)
    db.flush()
    db.add_all(
        ReviewVerdict(
            import_id=review.id,
            page_url=verdict.page_url,
            criterion=verdict.criterion,
            verdict=verdict.verdict,
            note=verdict.note,
            line=verdict.line,
        )
        for verdict in verdicts
        if verdict.verdict or verdict.note
    )
    db.commit()
    return review


def reviews_of(db: Session, sample_id: int) -> list[ImportRow]:
    """The sample's imported reviews, oldest first, with how many verdicts each gave."""
    verdicts = (
        select(func.count(ReviewVerdict.id))
        .where(ReviewVerdict.import_id == ReviewImport.id, ReviewVerdict.verdict.is_not(None))
        .correlate(ReviewImport)
        .scalar_subquery()
    )
    rows = db.exec(
        select(
            ReviewImport.id,
            ReviewImport.sample_id,
            ReviewImport.author,
            ReviewImport.imported_at,
            ReviewImport.source,
            ReviewImport.kind,
            ReviewImport.rows,
            verdicts,
        )
        .where(ReviewImport.sample_id == sample_id)
        .order_by(ReviewImport.imported_at, ReviewImport.id)
    ).all()
    return [ImportRow(*row) for row in rows]


def verdicts_of(db: Session, sample_id: int) -> list[ManualVerdict]:
    """Every verdict given on the sample, oldest import first (a later one wins in the conformance table);
    rows left not tested are not verdicts and never undo an earlier one."""
    rows = db.exec(
        select(ReviewVerdict.page_url, ReviewVerdict.criterion, ReviewVerdict.verdict, ReviewVerdict.note)
        .join(ReviewImport, ReviewVerdict.import_id == ReviewImport.id)
        .where(ReviewImport.sample_id == sample_id, ReviewVerdict.verdict.is_not(None))
        .order_by(ReviewImport.imported_at, ReviewImport.id, ReviewVerdict.id)
    ).all()
    return [ManualVerdict(url, criterion, verdict, note or "") for url, criterion, verdict, note in rows]


# --- contact details ---------------------------------------------------------------------------------------


def contact_details(db: Session, organisation: str) -> OrganisationContactDetails | None:
    query = select(OrganisationContactDetails).where(OrganisationContactDetails.organisation == organisation)
    return db.exec(query).scalars().first()


def _object(text: str | None) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
