"""The review wing's page observer: what it stores of each audited page's facts, from hostile input too.
Fast: the script's result is given as the audit returns it; the demo crawl test runs it in Chromium."""

import json

from a11ycheck.audit.audit_script import audit_script
from a11ycheck.models import ReviewPageFacts
from a11ycheck.page_observers import collectors
from a11ycheck.review.observer import MAX_LINK_BYTES, ReviewObserver, stored_facts
from a11ycheck.settings import Settings
from a11ycheck.store import PageRecord
from a11ycheck.targets import RunPlan
from a11ycheck.vocabulary.results import PageResult
from a11ycheck.wings import run_observers

PAGE = "https://www.heidebeek.be/e-loket/parkeerkaart"
RAW = {
    "title": "Bewonerskaart   aanvragen | Heidebeek",
    "h1": ["Bewonerskaart aanvragen"],
    "h2": ["Wie kan een kaart krijgen?", 42],
    "password": False,
    "search": True,
    "forms": 1,
    "landmarks": ["banner", "search", "navigation", "main", "contentinfo", "toolbar"],
    "structure": {
        "outside": ["banner", "navigation"],
        "headings": [2],
        "breadcrumb": True,
        "main": ["form"],
        "hasMain": True,
    },
    "contentType": "text/html",
    "links": [
        ["https://www.heidebeek.be/", "Home"],
        ["https://heidebeek.be/contact#formulier", "Contact"],  # the www twin, with a fragment
        ["https://www.heidebeek.be/contact?utm_source=nieuwsbrief", "Contact"],  # the same link again
        ["https://www.vlaanderen.be/parkeren", "Parkeren in Vlaanderen"],  # another site: says nothing
        ["https://www.heidebeek.be/documenten/reglement.pdf", "Reglement (PDF)"],
        ["javascript:void(0)", "Menu"],
        "not a pair",
    ],
    "errors": ["breadcrumb"],
}


def test_the_facts_are_kept_with_the_links_within_the_site():
    facts = stored_facts(PAGE, RAW)
    assert facts == {
        "title": "Bewonerskaart aanvragen | Heidebeek",
        "h1": ["Bewonerskaart aanvragen"],
        "h2": ["Wie kan een kaart krijgen?"],
        "has_password_field": False,
        "has_search_field": True,
        "form_count": 1,
        "landmarks": ["banner", "search", "navigation", "main", "contentinfo"],
        "signature": "banner,navigation|h2|breadcrumb|main:form",
        "content_type": "text/html",
        "links": [
            ["https://www.heidebeek.be/", "Home"],
            ["https://heidebeek.be/contact", "Contact"],
            ["https://www.heidebeek.be/contact", "Contact"],
            ["https://www.heidebeek.be/documenten/reglement.pdf", "Reglement (PDF)"],
        ],
    }


def test_a_collector_that_failed_or_never_ran_stores_nothing():
    assert stored_facts(PAGE, {"error": "TypeError: x is undefined"}) is None
    assert stored_facts(PAGE, None) is None
    assert stored_facts(PAGE, ["not", "an", "object"]) is None


def test_garbage_of_every_type_gives_empty_facts_not_an_error():
    garbage = {"title": 12, "h1": "one", "password": "yes", "forms": float("nan"), "links": {"a": 1}}
    assert stored_facts(PAGE, garbage) == {
        "title": "",
        "h1": [],
        "h2": [],
        "has_password_field": False,
        "has_search_field": False,
        "form_count": 0,
        "landmarks": [],
        "signature": "",
        "content_type": None,
        "links": [],
    }


def test_a_page_listing_huge_links_is_cut():
    long = "https://www.heidebeek.be/" + "a" * 1900
    raw = {"title": "Trap", "links": [[f"{long}{n}", "x" * 190] for n in range(1000)]}
    links = stored_facts(PAGE, raw)["links"]
    assert 100 < len(links) < 1000
    assert sum(len(href) + len(name) + 8 for href, name in links) <= MAX_LINK_BYTES


def test_the_observer_stores_one_row_per_audited_page():
    observer = ReviewObserver()
    result = PageResult(PAGE, "ok", collected={"review": RAW})
    rows = observer.rows(7, PageRecord(url=PAGE), result)
    assert [(type(row), row.run_id, row.url) for row in rows] == [(ReviewPageFacts, 7, PAGE)]
    assert json.loads(rows[0].facts) == stored_facts(PAGE, RAW)
    assert observer.rows(7, PageRecord(url=PAGE, status="http-404"), None) == []
    assert observer.rows(7, PageRecord(url=PAGE), PageResult(PAGE, "timeout")) == []


def test_every_run_collects_the_page_facts_in_the_audit_script():
    plan = RunPlan("crawl", Settings(), ("https://www.heidebeek.be/",), None)
    observers = run_observers(plan, store=None)
    assert ReviewObserver in [type(observer) for observer in observers]  # beside the other wings' observers
    script = audit_script(collectors(observers))
    assert '["review", ((\nfunction a11ycheckPageFacts() {' in script
