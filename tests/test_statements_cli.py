"""`a11ycheck statement check URL` (a browser, the crawl's address guard and limits; exit 0 for a statement,
1 for a page that is not one, 2 for bad usage or an unreachable page) and `a11ycheck statement show
ORGANISATION`, run as a person runs them."""

import json
from datetime import UTC, datetime

import pytest
from helpers import run_cli
from statement_pages import (
    BUILDINGS_PAGE,
    CrawledPage,
    FakeBrowser,
    finish_crawl,
    footer_link,
    record_crawl,
    statement_html,
)

from a11ycheck.register import Register
from a11ycheck.sites import add_site
from a11ycheck.store import Store

TODAY = datetime.now(UTC).date()
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
PREPARED = f"{TODAY.day} {MONTHS[TODAY.month - 1]} {TODAY.year}"
NOTE = (
    "Whether the statement is linked from the home page is not known here; link placement did not count in "
    "the grade."
)


@pytest.mark.browser  # `statement check` reads the page in Chromium
def test_check_a_statement_exits_0_with_the_object_and_its_note(page_server):
    page_server.add("/verklaring", statement_html(prepared=PREPARED, enforcement=False))
    result = run_cli("statement", "check", page_server.url("/verklaring"), "--allow-private")
    assert result.code == 0, result.stderr
    checked = json.loads(result.stdout)
    assert checked == {
        "url": page_server.url("/verklaring"),
        "is_statement": True,
        "status": "partial",
        "standard": "WCAG 2.1 AA",
        "prepared_on": TODAY.isoformat(),
        "reviewed_on": None,
        "method": "self-assessment",
        "feedback": ["mailto:digitaal@proefdorp.example"],
        "enforcement": False,
        "non_accessible_content": True,
        "linked_from_home": None,
        "grade": "C",
        "problems": [
            "The statement does not say where to complain (complaint procedure, Vlaamse Ombudsdienst)."
        ],
        "notes": [NOTE],
    }


@pytest.mark.browser  # `statement check` reads the page in Chromium
def test_check_as_text(page_server):
    page_server.add("/verklaring", statement_html(prepared=PREPARED))
    result = run_cli(
        "statement", "check", page_server.url("/verklaring"), "--allow-private", "--format", "text"
    )
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"url:                    {page_server.url('/verklaring')}"
    assert "linked_from_home:       unknown" in lines
    assert "grade:                  B" in lines
    assert "problems:               none" in lines
    assert lines[-1] == f"note: {NOTE}"


@pytest.mark.browser  # `statement check` reads the page in Chromium
def test_check_a_page_that_is_no_statement_exits_1_and_still_prints(page_server):
    page_server.add("/toegankelijkheid", BUILDINGS_PAGE)
    result = run_cli("statement", "check", page_server.url("/toegankelijkheid"), "--allow-private")
    assert result.code == 1, result.stderr
    checked = json.loads(result.stdout)
    assert (checked["is_statement"], checked["grade"], checked["linked_from_home"]) == (False, "E", None)
    assert checked["problems"][0] == "This page is not an accessibility statement."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # the browser reads the page, and finds a 404
        pytest.param(("/weg", "--allow-private"), "cannot read", marks=pytest.mark.browser),
        (("/verklaring",), "is a loopback address"),
        (("/verklaring", "--allow-private", "--format", "xml"), "Invalid value for '--format'"),
    ],
)
def test_check_bad_usage_or_an_unreachable_page_exits_2_with_one_line(page_server, args, message):
    page_server.add("/verklaring", statement_html(prepared=PREPARED))
    result = run_cli("statement", "check", page_server.url(args[0]), *args[1:])
    assert result.code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr


def test_check_needs_a_url_and_a_host_that_answers():
    assert run_cli("statement", "check").code == 2
    closed = run_cli("statement", "check", "http://127.0.0.1:9/verklaring", "--allow-private")
    assert closed.code == 2 and "cannot reach 127.0.0.1:9" in closed.stderr


@pytest.fixture
def organisation_db(sqlite_url):
    """voorbeeld with three sites: one with a statement, one where none was found, one never crawled."""
    store = Store(sqlite_url)
    register = Register.load()
    sites = (
        "https://www.proefdorp.example",
        "https://loket.proefdorp.example",
        "https://nieuw.proefdorp.example",
    )
    for site in sites:
        add_site(store, register.get("voorbeeld"), f"{site}/")
    www, loket, _ = sites
    for base, links, pages in (
        (www, [footer_link(www)], {"/toegankelijkheidsverklaring": statement_html(prepared=PREPARED)}),
        (loket, [], {}),
    ):
        run_id = record_crawl(
            store, base, [CrawledPage("/", "Welkom", links, 0), CrawledPage("/a", "A", links)]
        )
        finish_crawl(store, run_id, base, FakeBrowser(base, pages).render)
    store.close()
    return sqlite_url


def test_show_prints_the_latest_statement_of_each_site(organisation_db):
    result = run_cli("statement", "show", "Voorbeeld", "--format", "text", db=organisation_db)
    assert result.code == 0, result.stderr
    blocks = result.stdout.split("\n\n")
    assert (
        blocks[0].splitlines()[0]
        == f"loket.proefdorp.example (run 2, {TODAY.isoformat()}): no link to a statement found"
    )
    assert (
        blocks[1]
        == "nieuw.proefdorp.example: not checked yet; crawl it with `a11ycheck crawl https://nieuw.proefdorp.example/`"
    )
    www = blocks[2].splitlines()
    assert www[0] == f"www.proefdorp.example (run 1, {TODAY.isoformat()})"
    assert "grade:                  B" in www
    assert "linked from:            2 of 2 audited pages" in www


def test_show_as_json(organisation_db):
    result = run_cli("statement", "show", "voorbeeld", db=organisation_db)
    assert result.code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["organisation"] == "voorbeeld"
    by_host = {site["host"]: site for site in shown["sites"]}
    assert by_host["www.proefdorp.example"]["statement"]["grade"] == "B"
    assert by_host["loket.proefdorp.example"]["statement"] is None
    assert by_host["loket.proefdorp.example"]["statement_details"]["candidates_found"] == 0
    assert by_host["nieuw.proefdorp.example"] == {
        "host": "nieuw.proefdorp.example",
        "run": None,
        "statement": None,
        "statement_details": None,
    }


def test_show_of_an_unknown_organisation_or_one_without_sites_exits_2(sqlite_url):
    unknown = run_cli("statement", "show", "Atlantis", db=sqlite_url)
    assert unknown.code == 2 and "Atlantis" in unknown.stderr
    empty = run_cli("statement", "show", "gent", db=sqlite_url)
    assert empty.code == 2
    assert empty.stderr.strip() == "Error: gent has no sites: add one with `a11ycheck sites add gent URL`"
