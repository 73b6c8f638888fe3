"""The review wing's part of a run: in every audited page, read the facts the sample is drawn from
(facts_script.PAGE_FACTS_FUNCTION, in the audit's own script call) and store them with the page.

What is stored (`ReviewPageFacts.facts`, JSON) is what `page_facts_from_script` kept of the script's result,
and the page's links within the site with their accessible names: the names other pages give a page are
gathered over the whole run when the sample is drawn (`link_texts_by_target`), so each page keeps its own.
"""

import json
import logging

from a11ycheck.models import ReviewPageFacts
from a11ycheck.page_observers import PageObserver
from a11ycheck.review.facts import links_from_script, page_facts_from_script
from a11ycheck.review.facts_script import PAGE_FACTS_FUNCTION
from a11ycheck.store import PageRecord
from a11ycheck.urls import SiteScope, normalize_url
from a11ycheck.vocabulary.results import PageResult

log = logging.getLogger(__name__)

NAME = "review"
MAX_LINK_BYTES = 256 * 1024  # a page's stored links at most; a hostile page could list 1,000 long URLs


class ReviewObserver(PageObserver):
    """Stores each audited page's facts for the sample. Stateless, so safe on the run's audit threads."""

    name = NAME
    script = f"({PAGE_FACTS_FUNCTION})"  # a named function expression: the collector itself

    def rows(self, run_id: int, record: PageRecord, result: PageResult | None) -> list[ReviewPageFacts]:
        raw = result.collected.get(NAME) if result is not None else None
        facts = stored_facts(record.url, raw)
        if facts is None:
            return []
        return [ReviewPageFacts(run_id=run_id, url=record.url, facts=json.dumps(facts, ensure_ascii=False))]


def stored_facts(url: str, raw: object) -> dict | None:
    """What is stored of one page's facts; None when the collector did not run or failed as a whole (its
    result is then `{"error": ...}`, or nothing at all)."""
    if not isinstance(raw, dict) or ("error" in raw and "title" not in raw):
        return None
    facts = page_facts_from_script(url, raw)
    return {
        "title": facts.title,
        "h1": list(facts.h1),
        "h2": list(facts.h2),
        "has_password_field": facts.has_password_field,
        "has_search_field": facts.has_search_field,
        "form_count": facts.form_count,
        "landmarks": list(facts.landmarks),
        "signature": facts.signature,
        "content_type": facts.content_type,
        "links": _site_links(url, raw),
    }


def _site_links(url: str, raw: object) -> list[list[str]]:
    """The page's distinct (href, name) pairs that point within its own site, hrefs as the crawl stores
    URLs, at most MAX_LINK_BYTES of them: only those can name another page of the sample."""
    try:
        scope = SiteScope(url)
    except ValueError:
        return []
    kept: list[list[str]] = []
    seen: set[tuple[str, str]] = set()
    size = 0
    for href, name in links_from_script(raw):
        if not scope.same_site(href):
            continue
        try:
            target = normalize_url(href)
        except ValueError:
            continue
        if (target, name) in seen:
            continue
        size += len(target) + len(name) + 8
        if size > MAX_LINK_BYTES:
            log.info("%s: links cut at %d bytes", url, MAX_LINK_BYTES)
            break
        seen.add((target, name))
        kept.append([target, name])
    return kept
