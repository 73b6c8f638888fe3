"""The statement search at the end of a crawl, without a browser: the observer's rows from what each page's
collector gave, then its end-of-run step on a real SQLite database with a fake browser. Which candidate is
read, where it is linked from, the next candidate when the best is not a statement, and the contradictions
with the violations the crawl stored."""

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from statement_pages import (
    BUILDINGS_PAGE,
    CrawledPage,
    FakeBrowser,
    finish_crawl,
    footer_link,
    plain_page,
    record_crawl,
    statement_html,
)

from a11ycheck.audit.config import BrowserConfig
from a11ycheck.models import Statement, StatementLink
from a11ycheck.settings import Settings
from a11ycheck.statements.observer import NAME, StatementObserver
from a11ycheck.statements.queries import statement_links, statement_of_run
from a11ycheck.statements.stored import statement_details, statement_object
from a11ycheck.store import PageRecord, Store
from a11ycheck.targets import RunPlan
from a11ycheck.vocabulary.results import NodeResult, PageResult, RenderedPage, RuleResult
from a11ycheck.wings import run_observers

BASE = "https://www.proefdorp.example"
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


def dutch(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


TODAY = datetime.now(UTC).date()  # the run's day: what its statement is graded for
CURRENT = statement_html(prepared=dutch(TODAY))


def rule(rule_id: str, *tags: str) -> RuleResult:
    return RuleResult(rule_id, "serious", list(tags), "help", "description", "", [NodeResult(["x"], "<x>")])


@pytest.fixture
def store(sqlite_url) -> Store:
    return Store(sqlite_url)


def test_rows_keep_only_the_links_that_may_lead_to_the_statement():
    observer = StatementObserver()
    collected = {
        "links": [
            [
                "Toegankelijkheidsverklaring",
                "Toegankelijkheidsverklaring",
                f"{BASE}/toegankelijkheidsverklaring#top",
            ],
            ["Toegankelijkheid: nieuw speelplein", "", f"{BASE}/nieuws/speelplein-toegankelijk"],
            ["Toegankelijkheidsverklaring", "", "javascript:alert(1)"],
            ["", "Accessibility statement", f"{BASE}:443/en/accessibility-statement?utm_source=footer"],
            ["too", "short"],
            [1, 2, 3],
            "Toegankelijkheid",
        ],
        "scanned": 7,
    }
    record = PageRecord(url=f"{BASE}/", depth=0)
    rows = observer.rows(7, record, PageResult(url=f"{BASE}/", status="ok", collected={NAME: collected}))
    assert [(row.run_id, row.page_url, row.href, row.text, row.score) for row in rows] == [
        (7, f"{BASE}/", f"{BASE}/toegankelijkheidsverklaring", "Toegankelijkheidsverklaring", 100),
        (7, f"{BASE}/", f"{BASE}/en/accessibility-statement", "Accessibility statement", 100),
    ]
    assert all(isinstance(row, StatementLink) for row in rows)


@pytest.mark.parametrize(
    "result",
    [
        None,
        PageResult(url=f"{BASE}/", status="timeout"),
        PageResult(url=f"{BASE}/", status="ok", collected={NAME: {"error": "TypeError: boom"}}),
        PageResult(url=f"{BASE}/", status="ok", collected={NAME: ["not", "a", "dict"]}),
        PageResult(url=f"{BASE}/", status="ok", collected={}),
    ],
)
def test_rows_of_a_page_without_usable_links_are_none(result):
    assert StatementObserver().rows(1, PageRecord(url=f"{BASE}/"), result) == []


def test_the_statement_linked_from_every_page_is_found_read_and_graded(store):
    link = footer_link(BASE)
    run_id = record_crawl(
        store,
        BASE,
        [
            CrawledPage("/", "Welkom", [link], depth=0),
            CrawledPage("/nieuws", "Nieuws", [link]),
            CrawledPage("/contact", "Contact", [link]),
        ],
    )
    browser = FakeBrowser(BASE, {"/toegankelijkheidsverklaring": CURRENT})
    finish_crawl(store, run_id, BASE, browser.render)
    row = statement_of_run(store, run_id)
    assert browser.loaded == [f"{BASE}/toegankelijkheidsverklaring"]  # never audited, still read
    assert statement_object(row) == {
        "url": f"{BASE}/toegankelijkheidsverklaring",
        "is_statement": True,
        "status": "partial",
        "standard": "WCAG 2.1 AA",
        "prepared_on": TODAY.isoformat(),
        "reviewed_on": None,
        "method": "self-assessment",
        "feedback": ["mailto:digitaal@proefdorp.example"],
        "enforcement": True,
        "non_accessible_content": True,
        "linked_from_home": True,
        "grade": "B",
        "problems": [],
    }
    details = statement_details(row)
    assert (details["pages_linking"], details["pages_audited"], details["share_of_pages_linking"]) == (
        3,
        3,
        100.0,
    )
    assert details["contradictions"] == [] and details["candidates_found"] == 1


def test_a_statement_linked_from_one_deep_page_only_is_found_but_not_linked_from_home(store):
    run_id = record_crawl(
        store,
        BASE,
        [
            CrawledPage("/", "Welkom", depth=0),
            CrawledPage("/over-ons", "Over ons"),
            CrawledPage("/over-ons/wetgeving", "Wetgeving", [footer_link(BASE)], depth=3),
        ],
    )
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, {"/toegankelijkheidsverklaring": CURRENT}).render)
    row = statement_of_run(store, run_id)
    exported = statement_object(row)
    assert (exported["is_statement"], exported["linked_from_home"], exported["grade"]) == (True, False, "B")
    assert exported["problems"] == ["The statement is not linked from the home page."]
    assert (row.pages_linking, row.pages_audited) == (1, 3)


def test_no_candidate_at_all_is_a_row_that_says_so(store):
    run_id = record_crawl(
        store,
        BASE,
        [CrawledPage("/", "Welkom", [("Contact", "Contact", f"{BASE}/contact")], depth=0), CrawledPage("/x")],
    )
    browser = FakeBrowser(BASE, {})
    finish_crawl(store, run_id, BASE, browser.render)
    row = statement_of_run(store, run_id)
    assert row is not None and row.url is None and row.grade is None and row.pages_audited == 2
    assert statement_object(row) is None
    assert statement_details(row)["candidates_found"] == 0
    assert browser.loaded == []


def test_an_audited_page_that_names_itself_a_statement_is_a_candidate_without_any_link(store):
    run_id = record_crawl(
        store,
        BASE,
        [
            CrawledPage("/", "Welkom", depth=0),
            CrawledPage("/toegankelijkheidsverklaring", "Toegankelijkheidsverklaring"),
        ],
    )
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, {"/toegankelijkheidsverklaring": CURRENT}).render)
    exported = statement_object(statement_of_run(store, run_id))
    assert (exported["is_statement"], exported["linked_from_home"]) == (True, False)


def test_when_the_best_candidate_is_no_statement_the_next_one_is_read(store):
    news = plain_page(
        "Toegankelijkheidsverklaring",
        "<p>Wij werken aan een nieuwe versie. Binnenkort leest u hier meer.</p>",
    )
    run_id = record_crawl(
        store,
        BASE,
        [
            CrawledPage(
                "/", "Welkom", [footer_link(BASE), ("Toegankelijkheid", "", f"{BASE}/toegankelijkheid")], 0
            ),
            CrawledPage("/a", "A", [("Toegankelijkheid", "", f"{BASE}/toegankelijkheid")]),
        ],
    )
    browser = FakeBrowser(BASE, {"/toegankelijkheidsverklaring": news, "/toegankelijkheid": CURRENT})
    finish_crawl(store, run_id, BASE, browser.render)
    row = statement_of_run(store, run_id)
    assert browser.loaded == [f"{BASE}/toegankelijkheidsverklaring", f"{BASE}/toegankelijkheid"]
    assert (row.url, row.is_statement, row.pages_linking, row.linked_from_home) == (
        f"{BASE}/toegankelijkheid",
        True,
        2,
        True,
    )
    assert [(a["href"], a["is_statement"]) for a in statement_details(row)["attempts"]] == [
        (f"{BASE}/toegankelijkheidsverklaring", False),
        (f"{BASE}/toegankelijkheid", True),
    ]


def test_a_page_that_only_talks_about_accessibility_is_not_taken_for_a_statement(store):
    link = ("Toegankelijkheid", "", f"{BASE}/toegankelijkheid")
    run_id = record_crawl(
        store, BASE, [CrawledPage("/", "Welkom", [link], 0), CrawledPage("/b", "B", [link])]
    )
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, {"/toegankelijkheid": BUILDINGS_PAGE}).render)
    exported = statement_object(statement_of_run(store, run_id))
    assert {key: exported[key] for key in ("url", "is_statement", "status", "grade", "feedback")} == {
        "url": f"{BASE}/toegankelijkheid",
        "is_statement": False,
        "status": "unknown",
        "grade": "E",
        "feedback": [],
    }
    assert exported["problems"][0] == "This page is not an accessibility statement."


def test_an_unreachable_candidate_is_no_statement_and_says_why(store):
    run_id = record_crawl(store, BASE, [CrawledPage("/", "Welkom", [footer_link(BASE)], 0)])
    timeout = RenderedPage(f"{BASE}/toegankelijkheidsverklaring", "timeout", None, "", "page did not load")
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, {"/toegankelijkheidsverklaring": timeout}).render)
    row = statement_of_run(store, run_id)
    assert (row.is_statement, row.grade) == (False, "E")
    assert statement_object(row)["problems"] == [
        "This page is not an accessibility statement.",
        "The page could not be loaded (an HTTP error, a time-out, a refused address or no HTML).",
    ]
    assert statement_details(row)["attempts"][0]["status"] == "timeout"


def test_the_home_page_is_followed_through_its_redirect(store):
    run_id = record_crawl(
        store,
        BASE,
        [
            CrawledPage("/", "", status="redirected", depth=0, redirect_to=f"{BASE}/nl/"),
            CrawledPage("/nl/", "Welkom", [footer_link(BASE)]),
            CrawledPage("/nl/wonen", "Wonen"),
        ],
    )
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, {"/toegankelijkheidsverklaring": CURRENT}).render)
    row = statement_of_run(store, run_id)
    assert (row.linked_from_home, row.pages_linking, row.pages_audited) == (True, 1, 2)


def test_a_home_page_that_was_not_audited_leaves_link_placement_unknown(store):
    run_id = record_crawl(
        store,
        BASE,
        [CrawledPage("/", "", status="timeout", depth=0), CrawledPage("/a", "A", [footer_link(BASE)])],
    )
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, {"/toegankelijkheidsverklaring": CURRENT}).render)
    row = statement_of_run(store, run_id)
    assert row.linked_from_home is None
    assert json.loads(row.details)["notes"] == [
        "Whether the statement is linked from the home page is not known here; link placement did not count "
        "in the grade."
    ]


def test_a_claim_of_full_compliance_is_held_against_the_wcag_failures_the_crawl_stored(store):
    image_alt = rule("image-alt", "wcag2a", "wcag111")
    link = footer_link(BASE)
    run_id = record_crawl(
        store,
        BASE,
        [
            CrawledPage("/", "Welkom", [link], 0, violations=[image_alt, rule("region", "best-practice")]),
            CrawledPage("/a", "A", [link], violations=[image_alt, rule("contrast", "wcag2aa", "wcag143")]),
            CrawledPage("/b", "B", [link], violations=[rule("target-size", "wcag22aa", "wcag258")]),
            CrawledPage("/c", "C", [link]),
        ],
    )
    full = statement_html(status="volledig in overeenstemming met", prepared=dutch(TODAY), listed=False)
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, {"/toegankelijkheidsverklaring": full}).render)
    row = statement_of_run(store, run_id)
    assert (row.status, row.grade) == ("full", "A")
    assert statement_details(row)["contradictions"] == [
        {
            "code": "full-compliance-claimed",
            "text": "claims full compliance; 2 pages with WCAG 2.1 A/AA failures",
            "criteria": ["1.1.1", "1.4.3"],
        }
    ]


def test_failing_criteria_the_statement_does_not_list_are_a_contradiction(store):
    link = footer_link(BASE)
    run_id = record_crawl(
        store,
        BASE,
        [
            CrawledPage("/", "Welkom", [link], 0, violations=[rule("image-alt", "wcag2a", "wcag111")]),
            CrawledPage("/a", "A", [link], violations=[rule("color-contrast", "wcag2aa", "wcag143")]),
        ],
    )
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, {"/toegankelijkheidsverklaring": CURRENT}).render)
    said = json.loads(statement_of_run(store, run_id).contradictions)
    assert [(c["code"], c["criteria"]) for c in said] == [("criteria-not-listed", ["1.4.3"])]
    assert said[0]["dutch"] == "falende succescriteria niet vermeld als niet-toegankelijke inhoud: 1.4.3"


def test_a_resumed_crawl_sees_the_links_of_the_pages_audited_before_the_kill(store):
    """Each process of a run has its own observer; the links live in the database, so the statement search
    of the resuming process counts the home page the killed process audited."""
    run_id = record_crawl(store, BASE, [CrawledPage("/", "Welkom", [footer_link(BASE)], 0)])
    store.reopen_run(run_id)
    resumed = StatementObserver()
    record = PageRecord(url=f"{BASE}/later", depth=1)
    result = PageResult(url=record.url, status="ok", title="Later", collected={NAME: {"links": []}})
    store.save_pages(run_id, [(record, result)], resumed.rows(run_id, record, result))
    store.finish_run(run_id, "completed")
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, {"/toegankelijkheidsverklaring": CURRENT}).render)
    row = statement_of_run(store, run_id)
    assert (row.linked_from_home, row.pages_linking, row.pages_audited) == (True, 1, 2)
    assert len(statement_links(store, run_id)) == 1


def test_list_audits_do_not_look_for_a_statement(store):
    def observed(kind: str) -> list[type]:
        plan = RunPlan(kind, Settings(), (f"{BASE}/",), BrowserConfig("", ""))
        return [type(o) for o in run_observers(plan, store)]

    # the other wings (page facts for the sample, plain language) watch every run; the statement, crawls only
    assert StatementObserver not in observed("audit")
    assert observed("crawl").count(StatementObserver) == 1
    run_id = record_crawl(store, BASE, [CrawledPage("/", "Welkom", [footer_link(BASE)], 0)])
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, {}).render, kind="audit")
    assert statement_of_run(store, run_id) is None


def test_finishing_twice_keeps_one_row_per_run(store):
    run_id = record_crawl(store, BASE, [CrawledPage("/", "Welkom", [footer_link(BASE)], 0)])
    browser = FakeBrowser(BASE, {"/toegankelijkheidsverklaring": CURRENT})
    finish_crawl(store, run_id, BASE, browser.render)
    finish_crawl(store, run_id, BASE, browser.render)
    with store.session() as session:
        assert session.exec(select(func.count()).select_from(Statement)).scalar() == 1
