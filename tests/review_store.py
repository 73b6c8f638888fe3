"""Gemeente Lindegem's synthetic crawl (tests/review_site.py) written into a database as a real crawl
writes it: pages with axe's findings, the review wing's page facts with each page's links and their names,
and documents. Fast: no browser. Used by the review wing's database and CLI tests."""

import json

from review_site import DOCUMENTS, PAGES, SITE

from a11ycheck.models import Document, ReviewPageFacts
from a11ycheck.review.facts import PageFacts
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import NodeResult, PageResult, RuleResult

START = SITE + "/"


def rule(rule_id: str, *tags: str) -> RuleResult:
    return RuleResult(rule_id, "serious", list(tags), f"{rule_id} help", "", "", [NodeResult(["x"], "<x>")])


# axe's findings on Lindegem: violations and needs-review (axe's "incomplete"), by path.
VIOLATIONS = {
    "/nieuws/wegenwerken-kerkstraat": [rule("image-alt", "wcag2a", "wcag111")],
    "/afval/sluikstort-melden": [rule("label", "wcag2a", "wcag412")],
    "/contact": [rule("link-name", "wcag2a", "wcag244", "wcag412")],
    "/meld-een-probleem": [rule("region", "best-practice")],  # not a WCAG criterion: no verdict
}
NEEDS_REVIEW = {"/": [rule("color-contrast", "wcag2aa", "wcag143")]}


def stored_facts(page: PageFacts, links: list[list[str]]) -> str:
    """What the review observer stores for a page."""
    return json.dumps(
        {
            "title": page.title,
            "h1": list(page.h1),
            "h2": list(page.h2),
            "has_password_field": page.has_password_field,
            "has_search_field": page.has_search_field,
            "form_count": page.form_count,
            "landmarks": list(page.landmarks),
            "signature": page.signature,
            "content_type": page.content_type,
            "links": links,
        }
    )


def site_links() -> dict[str, list[list[str]]]:
    """Each page's outgoing links: the names Lindegem's pages give each other (review_site's link_texts,
    said by the home page, or by the contact page for the home page itself) and the links to documents."""
    links: dict[str, list[list[str]]] = {page.url: [] for page in PAGES}
    for page in PAGES:
        source = SITE + "/contact" if page.url == START else START
        links[source] += [[page.url, text] for text in page.link_texts]
    for document in DOCUMENTS:
        for linking in document.linked_from:
            links[linking].append([document.url, document.url.rsplit("/", 1)[1]])
    return links


def store_crawl(store: Store, status: str = "completed", site: str = SITE) -> int:
    """Lindegem crawled and stored (at another address when `site` is given); returns the run id."""

    def moved(url: str) -> str:
        return site + url.removeprefix(SITE)

    run = store.start_run("crawl", moved(START), {}, "4.14.1")
    links = site_links()
    batch, rows = [], []
    for page in PAGES:
        path = page.url.removeprefix(SITE)
        result = PageResult(
            moved(page.url),
            "ok",
            title=page.title,
            violations=VIOLATIONS.get(path, []),
            needs_review=NEEDS_REVIEW.get(path, []),
        )
        batch.append((PageRecord(url=moved(page.url), depth=path.count("/")), result))
        said = [[moved(href), name] for href, name in links[page.url]]
        rows.append(ReviewPageFacts(run_id=run.id, url=moved(page.url), facts=stored_facts(page, said)))
    store.save_pages(run.id, batch, rows)
    documents = [
        Document(
            url=moved(d.url), content_type=d.content_type, http_status=200, referrer=moved(d.linked_from[0])
        )
        for d in DOCUMENTS
    ]
    documents.append(
        Document(url=site + "/documenten/weg.pdf", content_type="application/pdf", http_status=404)
    )
    store.save_documents(run.id, documents)
    store.finish_run(run.id, status)
    return run.id
