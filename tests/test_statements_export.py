"""The JSON export's `statement`: exactly the issue's object, null when no candidate page was found (and for
list audits, which do not look for one), an object with is_statement false and a problem for a candidate that
is not a statement; `statement_details` beside it. CSV is one row per element and carries no statement."""

import json
from datetime import UTC, datetime

import pytest
from statement_pages import (
    BUILDINGS_PAGE,
    CrawledPage,
    FakeBrowser,
    finish_crawl,
    footer_link,
    record_crawl,
    statement_html,
)

from a11ycheck.export import CSV_COLUMNS, render, run_as_dict
from a11ycheck.store import Store

BASE = "https://www.proefdorp.example"
ISSUE_FIELDS = [
    "url",
    "is_statement",
    "status",
    "standard",
    "prepared_on",
    "reviewed_on",
    "method",
    "feedback",
    "enforcement",
    "non_accessible_content",
    "linked_from_home",
    "grade",
    "problems",
]


@pytest.fixture
def store(db_url) -> Store:
    return Store(db_url)


def crawl_with(store: Store, links: list, pages: dict) -> int:
    run_id = record_crawl(store, BASE, [CrawledPage("/", "Welkom", links, 0), CrawledPage("/a", "A", links)])
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, pages).render)
    return run_id


def test_a_statement_is_exported_with_exactly_the_issues_fields(store):
    year = datetime.now(UTC).year
    html = statement_html(prepared=f"2 januari {year - 2}", enforcement=False)
    run_id = crawl_with(store, [footer_link(BASE)], {"/toegankelijkheidsverklaring": html})
    exported = json.loads(render(store, run_id, "json"))
    assert list(exported)[:6] == ["run", "pages", "groups", "documents", "statement", "statement_details"]
    assert list(exported["statement"]) == ISSUE_FIELDS
    assert exported["statement"] == {
        "url": f"{BASE}/toegankelijkheidsverklaring",
        "is_statement": True,
        "status": "partial",
        "standard": "WCAG 2.1 AA",
        "prepared_on": f"{year - 2}-01-02",
        "reviewed_on": None,
        "method": "self-assessment",
        "feedback": ["mailto:digitaal@proefdorp.example"],
        "enforcement": False,
        "non_accessible_content": True,
        "linked_from_home": True,
        "grade": "C",
        "problems": [
            "The statement does not say where to complain (complaint procedure, Vlaamse Ombudsdienst).",
            f"The statement was last reviewed more than 12 months ago ({year - 2}-01-02).",
        ],
    }
    details = exported["statement_details"]
    assert details["problem_codes"] == ["no-enforcement", "not-reviewed-12-months"]
    assert (details["pages_linking"], details["pages_audited"], details["share_of_pages_linking"]) == (
        2,
        2,
        100.0,
    )
    assert details["reading"]["non_accessible_criteria"] == ["1.1.1", "4.1.2"]
    assert details["reading"]["language"] == "nl"


def test_no_candidate_page_is_a_null_statement(store):
    run_id = crawl_with(store, [], {})
    exported = run_as_dict(store, run_id)
    assert exported["statement"] is None
    assert exported["statement_details"]["candidates_found"] == 0


def test_a_candidate_that_is_not_a_statement_is_an_object_with_a_problem(store):
    run_id = crawl_with(
        store, [("Toegankelijkheid", "", f"{BASE}/toegankelijkheid")], {"/toegankelijkheid": BUILDINGS_PAGE}
    )
    statement = run_as_dict(store, run_id)["statement"]
    assert list(statement) == ISSUE_FIELDS
    assert statement["is_statement"] is False and statement["grade"] == "E"
    assert statement["problems"][0] == "This page is not an accessibility statement."
    assert all(statement[key] in (None, [], False, "unknown") for key in ISSUE_FIELDS[2:10])
    assert statement["linked_from_home"] is True  # where the candidate is linked from


def test_a_list_audit_has_no_statement_and_csv_carries_none(store):
    run = store.start_run("audit", None, {"urls": [f"{BASE}/a"]}, "4.14.1")
    store.finish_run(run.id, "completed")
    exported = run_as_dict(store, run.id)
    assert (exported["statement"], exported["statement_details"]) == (None, None)
    assert render(store, run.id, "csv").splitlines() == [",".join(CSV_COLUMNS)]
