"""Hostile input at the statement search's two doors: what a page's collector returns, and the page the
search renders and reads. Never a crash, never a hang, never a guess: unknown and null instead."""

import json
import time
from datetime import UTC, datetime

import pytest
from statement_pages import CrawledPage, FakeBrowser, finish_crawl, footer_link, record_crawl, statement_html

from a11ycheck.statements.link_collector import MAX_HREF, MAX_KEPT, MAX_TEXT, collected_links
from a11ycheck.statements.observer import NAME, StatementObserver
from a11ycheck.statements.queries import statement_of_run
from a11ycheck.statements.stored import statement_details, statement_object
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import PageResult, RenderedPage

BASE = "https://www.proefdorp.example"
STATEMENT = "/toegankelijkheidsverklaring"
YEAR = datetime.now(UTC).year


@pytest.fixture
def store(sqlite_url) -> Store:
    return Store(sqlite_url)


def read_as_statement(store: Store, html: str | bytes) -> dict:
    run_id = record_crawl(store, BASE, [CrawledPage("/", "Welkom", [footer_link(BASE)], 0)])
    rendered = RenderedPage(f"{BASE}{STATEMENT}", "ok", f"{BASE}{STATEMENT}", html)
    finish_crawl(store, run_id, BASE, FakeBrowser(BASE, {STATEMENT: rendered}).render)
    row = statement_of_run(store, run_id)
    return {**statement_object(row), "details": json.loads(row.details)}


def test_a_date_that_does_not_exist_is_no_date_and_no_guess(store):
    found = read_as_statement(
        store, statement_html(prepared=f"3 januari {YEAR}", reviewed=f"31 februari {YEAR}")
    )
    assert found["is_statement"] is True
    assert (found["prepared_on"], found["reviewed_on"]) == (f"{YEAR}-01-03", None)
    assert found["details"]["dates_that_do_not_exist"] == [f"31 februari {YEAR}"]


def test_broken_markup_is_still_read(store):
    broken = (
        statement_html(prepared=f"3 januari {YEAR}")
        .replace("</h2>", "", 2)
        .replace("</p>", "<div><table><tr><td>", 3)
        .replace("<body>", "<body></div></span><<>>&&&#xD800;")
    )
    found = read_as_statement(store, broken)
    assert (found["is_statement"], found["status"], found["feedback"]) == (
        True,
        "partial",
        ["mailto:digitaal@proefdorp.example"],
    )


def test_a_huge_statement_page_is_read_from_its_start_in_bounded_time(store):
    padding = "<p>" + "Dit is opvultekst over de website. " * 40 + "</p>"
    huge = statement_html(prepared=f"3 januari {YEAR}").replace("</main>", padding * 3000 + "</main>")
    assert len(huge) > 4_000_000
    started = time.monotonic()
    found = read_as_statement(store, huge)
    assert time.monotonic() - started < 20
    assert (found["is_statement"], found["details"]["truncated"]) == (True, True)


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        (
            b"\x00\x01\x02\xff\xfe binary \x00" * 2000,
            "The page is not readable HTML (binary or garbled content).",
        ),
        (
            '<html lang="it"><title>Dichiarazione di accessibilità</title><body><main><h1>Dichiarazione di '
            "accessibilità</h1><h2>Stato di conformità</h2><p>Questo sito è parzialmente conforme ai "
            "requisiti delle WCAG 2.1 livello AA.</p><h2>Feedback e recapiti</h2><p>Scriveteci a "
            '<a href="mailto:info@comune.example">info@comune.example</a>.</p></main></body></html>',
            "It is not in a language this check reads (Dutch, French, English or German).",
        ),
        ("", "The page has no text."),
    ],
)
def test_unreadable_empty_or_foreign_pages_are_not_statements(store, html, problem):
    found = read_as_statement(store, html)
    assert (found["is_statement"], found["status"], found["grade"], found["prepared_on"]) == (
        False,
        "unknown",
        "E",
        None,
    )
    assert found["problems"] == ["This page is not an accessibility statement.", problem]


def test_what_a_hostile_page_returns_from_the_collector_is_checked_and_cut():
    long_text = "Toegankelijkheidsverklaring " * 100
    many = [
        ["Toegankelijkheidsverklaring", "", f"{BASE}/v{i}/toegankelijkheidsverklaring"] for i in range(5000)
    ]
    links = collected_links({"links": [[long_text, long_text, f"{BASE}/{'a' * MAX_HREF}"]] + many})
    assert len(links) == MAX_KEPT - 1  # the first MAX_KEPT entries are looked at; the over-long one dropped
    assert all(len(href) <= MAX_HREF for _, _, href in links)
    cut = collected_links({"links": [[long_text, long_text, f"{BASE}/toegankelijkheidsverklaring"]]})
    assert [(len(text), len(name)) for text, name, _ in cut] == [(MAX_TEXT, MAX_TEXT)]
    for hostile in (None, "links", {"links": "x"}, {"links": [[None, None, None]]}, {"links": {"a": 1}}, 42):
        assert collected_links(hostile) == []


def test_rows_from_a_page_with_thousands_of_candidate_links_stay_bounded():
    many = [["Toegankelijkheid", "", f"{BASE}/p{i}/toegankelijkheid"] for i in range(3000)]
    result = PageResult(url=f"{BASE}/", status="ok", collected={NAME: {"links": many}})
    rows = StatementObserver().rows(1, PageRecord(url=f"{BASE}/"), result)
    assert len(rows) == MAX_KEPT


def test_a_search_ends_whatever_the_candidates_answer(store):
    """Every candidate refused, timed out or crashed: three are tried, the best is kept as not read."""
    hrefs = [f"/toegankelijkheidsverklaring-{i}" for i in range(5)]
    links = [("Toegankelijkheidsverklaring", "", f"{BASE}{href}") for href in hrefs]
    run_id = record_crawl(store, BASE, [CrawledPage("/", "Welkom", links, 0)])
    failures = ["refused", "timeout", "browser-crash", "http-500", "not-html"]
    browser = FakeBrowser(
        BASE,
        {
            href: RenderedPage(f"{BASE}{href}", status, None, "", status)
            for href, status in zip(hrefs, failures, strict=True)
        },
    )
    finish_crawl(store, run_id, BASE, browser.render)
    row = statement_of_run(store, run_id)
    assert len(browser.loaded) == 3
    assert (row.url, row.is_statement, row.grade) == (f"{BASE}{hrefs[0]}", False, "E")
    assert [a["status"] for a in statement_details(row)["attempts"]] == failures[:3]
