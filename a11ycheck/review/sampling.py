"""Drawing a crawl's sample from what the crawl stored, and keeping it: the same run, seed and pages per
template always give the stored sample back, with its id.

A sample is drawn from the run's audited pages with their facts (the review observer's rows), the names
the run's pages give each other's links, and the run's documents (those that answered), each linked from
the pages whose links point to it. docs/sample.md says how the pages are chosen.
"""

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from a11ycheck.errors import UserError
from a11ycheck.models import ReviewSample, Run, Site
from a11ycheck.review import queries
from a11ycheck.review.facts import DocumentFacts, PageFacts, link_texts_by_target
from a11ycheck.review.sample import Sample, build_sample
from a11ycheck.store import Store
from a11ycheck.urls import normalize_url
from a11ycheck.vocabulary.statuses import COMPLETED, INTERRUPTED, KILLED, RUNNING

DEFAULT_SEED = 0
DEFAULT_PER_TEMPLATE = 1
MAX_SEED = 2**31 - 1  # a seed is stored as an INTEGER on every database


@dataclass(frozen=True)
class StoredSample:
    """A sample as stored: its id, the crawl it was drawn from, the site's URL (as `sites list` shows it),
    and whether it was drawn just now."""

    id: int
    run_id: int
    site_id: int | None
    site_url: str | None
    created_at: datetime
    sample: Sample
    new: bool = False

    def to_dict(self, evidence: bool = False) -> dict:
        return self.sample.to_dict(self.id, self.run_id, evidence=evidence)

    def csv_rows(self) -> list[dict[str, str]]:
        return self.sample.csv_rows(self.id, self.run_id)


def crawl_id(store: Store, ref: str) -> int:
    """The crawl `ref` names (an id, or `latest`: the newest crawl); a UserError for a list audit."""
    if ref == "latest":
        with store.session() as db:
            found = queries.latest_crawl_id(db)
        if found is None:
            raise UserError("there are no crawls yet: crawl a site with `a11ycheck crawl URL` first")
        return found
    run_id = store.resolve_run(ref)
    run = store.get_run(run_id)
    if run.kind != "crawl":
        sample = queries.reaudited_sample(run)
        if sample is not None:
            raise UserError(f"run {run_id} audited sample {sample} again: its sample is sample {sample}")
        raise UserError(
            f"run {run_id} is a list audit: a sample is drawn from a crawl's pages (`a11ycheck crawl URL`)"
        )
    return run_id


def draw_sample(
    store: Store, run_ref: str, seed: int = DEFAULT_SEED, per_template: int = DEFAULT_PER_TEMPLATE
) -> StoredSample:
    """The crawl's sample for `seed` and `per_template`: the stored one, or drawn and stored now.

    UserError for a run that is not a finished crawl, has no pages, or has no page facts."""
    if not 0 <= seed <= MAX_SEED:
        raise UserError(f"--seed must be between 0 and {MAX_SEED}, not {seed}")
    if per_template < 1:
        raise UserError(f"--per-template must be 1 or more, not {per_template}")
    run_id = crawl_id(store, run_ref)
    check_sampleable(store, run_id)
    with store.session() as db:
        stored = queries.sample_for(db, run_id, seed, per_template)
        if stored is not None:
            return stored_sample(db, stored)
        run = db.get(Run, run_id)
        sample = build_sample(*sample_material(db, run_id), seed, per_template, start_url=run.start_url)
        row = ReviewSample(
            run_id=run_id,
            site_id=run.site_id,
            seed=seed,
            per_template=per_template,
            content=json.dumps(sample.to_dict(evidence=True), ensure_ascii=False),
        )
        db.add(row)
        try:
            db.commit()
        except IntegrityError:  # another process drew the same sample a moment ago: that one stands
            db.rollback()
            return stored_sample(db, queries.sample_for(db, run_id, seed, per_template))
        return stored_sample(db, row, new=True)


def check_sampleable(store: Store, run_id: int) -> None:
    """A UserError unless the run completed with audited pages whose facts were collected."""
    summary = store.run_summary(run_id)
    if summary.status == RUNNING:
        raise UserError(f"run {run_id} is still running: draw its sample once it has completed")
    if summary.status in (INTERRUPTED, KILLED):
        raise UserError(
            f"run {run_id} is not finished ({summary.status}): finish it with `a11ycheck resume {run_id}` "
            "and draw the sample then"
        )
    if summary.status != COMPLETED:
        raise UserError(f"run {run_id} did not finish ({summary.status}): crawl the site again")
    with store.session() as db:
        pages, audited, with_facts = queries.page_counts(db, run_id)
    if pages == 0:
        raise UserError(f"run {run_id} has no pages: there is nothing to draw a sample from")
    if audited == 0:
        raise UserError(
            f"run {run_id} audited none of its {pages} pages: there is nothing to draw a sample from"
        )
    if with_facts == 0:
        raise UserError(
            f"run {run_id} has no page facts (it was crawled before a11ycheck collected them): "
            "crawl the site again to draw a sample"
        )


def sample_material(db: Session, run_id: int) -> tuple[list[PageFacts], list[DocumentFacts]]:
    """The run's pages as the sample sees them (with the names the other pages give their links) and its
    documents (with the pages that link to them)."""
    rows = queries.audited_facts(db, run_id)
    links = {row.url: _links(row.facts) for row in rows}
    named = link_texts_by_target(links)
    pages = [_page_facts(row, named.get(_normalised(row.url), ())) for row in rows]
    linking: dict[str, set[str]] = {}
    for page_url, pairs in links.items():
        for href, _ in pairs:
            linking.setdefault(_normalised(href), set()).add(page_url)
    documents = []
    for document in queries.usable_documents(db, run_id):
        linked = set(linking.get(_normalised(document.url), ()))
        if document.referrer:
            linked.add(document.referrer)
        documents.append(DocumentFacts(document.url, document.content_type, tuple(sorted(linked))))
    return pages, documents


def stored_sample(db: Session, row: ReviewSample, new: bool = False) -> StoredSample:
    """A StoredSample from its row; a UserError when the stored JSON is not a sample (edited by hand)."""
    try:
        sample = Sample.from_dict(json.loads(row.content), per_template=row.per_template)
    except ValueError as exc:
        raise UserError(f"sample {row.id} is damaged in the database ({exc}): draw it again") from None
    site = db.get(Site, row.site_id) if row.site_id is not None else None
    return StoredSample(
        row.id, row.run_id, row.site_id, site.start_url if site else None, row.created_at, sample, new
    )


def _page_facts(row: queries.FactsRow, link_texts: tuple[str, ...]) -> PageFacts:
    facts = row.facts
    return PageFacts(
        url=row.url,
        title=facts.get("title") if isinstance(facts.get("title"), str) else row.title or "",
        h1=_strings(facts.get("h1")),
        h2=_strings(facts.get("h2")),
        link_texts=link_texts,
        has_password_field=facts.get("has_password_field") is True,
        has_search_field=facts.get("has_search_field") is True,
        form_count=facts.get("form_count") or 0,
        landmarks=_strings(facts.get("landmarks")),
        signature=facts.get("signature") or "",
        content_type=facts.get("content_type"),
    )


def _strings(value: object) -> tuple[str, ...]:
    return tuple(item for item in value if isinstance(item, str)) if isinstance(value, list) else ()


def _links(facts: dict) -> list[tuple[str, str]]:
    links = facts.get("links")
    if not isinstance(links, list):
        return []
    return [
        (item[0], item[1])
        for item in links
        if isinstance(item, list) and len(item) == 2 and all(isinstance(part, str) for part in item)
    ]


def _normalised(url: str) -> str:
    try:
        return normalize_url(url)
    except ValueError:
        return url


def exported(store: Store, run_id: int) -> dict:
    """The review wing's part of a run's JSON export: the samples drawn from it (with each page's
    evidence), and for a re-audit of a sample (`crawl --sample-only`) which sample it audited."""
    with store.session() as db:
        rows = queries.samples_of_run(db, run_id)
        samples = [stored_sample(db, row).to_dict(evidence=True) for row in rows]
        run = db.get(Run, run_id)
    return {"samples": samples, "audited_sample": queries.reaudited_sample(run) if run else None}
