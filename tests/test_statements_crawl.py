"""Real crawls (Chromium, loopback sites) that look for the site's accessibility statement: linked from the
footer of every page, only from one deep page, not at all, beyond the page limit, a page that only talks
about accessibility, and a malformed statement with a date that does not exist."""

import json
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from helpers import run_cli
from statement_pages import BUILDINGS_PAGE, FOOTER, plain_page, statement_html

pytestmark = pytest.mark.browser  # crawls or audits through the CLI, in a child process


MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
TODAY = datetime.now(UTC).date()
PREPARED = f"{TODAY.day} {MONTHS[TODAY.month - 1]} {TODAY.year}"
# The footer link is an icon: its accessible name, not its text, names the statement.
ICON_FOOTER = (
    '<footer><a href="/toegankelijkheidsverklaring" aria-label="Toegankelijkheidsverklaring">'
    '<svg aria-hidden="true" width="16" height="16"><circle cx="8" cy="8" r="7"></circle></svg></a></footer>'
)


def crawl(page_server, *flags: str, db: str) -> dict:
    result = run_cli("crawl", page_server.url("/"), "--allow-private", "--delay", "0", *flags, db=db)
    assert result.code == 0, result.stderr
    exported = run_cli("export", "latest", db=db)
    assert exported.code == 0, exported.stderr
    return json.loads(exported.stdout)


def gets(page_server, path: str) -> int:
    return sum(1 for method, seen in page_server.requests if method == "GET" and seen == path)


def test_a_statement_linked_from_the_footer_of_every_page(page_server, sqlite_url):
    links = '<p><a href="/nieuws">Nieuws</a> <a href="/contact">Contact</a></p>'
    page_server.add("/", plain_page("Welkom in Proefdorp", links, footer=ICON_FOOTER))
    page_server.add("/nieuws", plain_page("Nieuws", footer=ICON_FOOTER))
    page_server.add("/contact", plain_page("Contact", footer=ICON_FOOTER))
    page_server.add("/toegankelijkheidsverklaring", statement_html(prepared=PREPARED, footer=ICON_FOOTER))
    exported = crawl(page_server, db=sqlite_url)
    assert exported["statement"] == {
        "url": page_server.url("/toegankelijkheidsverklaring"),
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
    details = exported["statement_details"]
    assert (details["pages_linking"], details["pages_audited"], details["share_of_pages_linking"]) == (
        4,
        4,
        100.0,
    )
    assert details["candidate"] == {  # found by the icon's accessible name, not its (empty) text
        "href": page_server.url("/toegankelijkheidsverklaring"),
        "text": "Toegankelijkheidsverklaring",
        "score": 100,
        "names_itself": True,
    }
    assert gets(page_server, "/toegankelijkheidsverklaring") == 2  # audited by the crawl, then read


def test_a_statement_linked_from_one_deep_page_only(page_server, sqlite_url):
    page_server.add("/", plain_page("Welkom", '<a href="/a">Over ons</a>', footer=""))
    page_server.add("/a", plain_page("Over ons", '<a href="/a/b">Bestuur</a>', footer=""))
    page_server.add("/a/b", plain_page("Bestuur", '<a href="/a/b/c">Regels</a>', footer=""))
    page_server.add(
        "/a/b/c", plain_page("Regels", '<a href="/verklaring">Toegankelijkheidsverklaring</a>', "")
    )
    page_server.add("/verklaring", statement_html(prepared=PREPARED))
    statement = crawl(page_server, db=sqlite_url)["statement"]
    assert (
        statement["url"],
        statement["is_statement"],
        statement["linked_from_home"],
        statement["grade"],
    ) == (
        page_server.url("/verklaring"),
        True,
        False,
        "B",
    )
    assert statement["problems"] == ["The statement is not linked from the home page."]


def test_a_site_without_any_statement_link(page_server, sqlite_url):
    page_server.add("/", plain_page("Welkom", '<a href="/a">A</a>', footer=""))
    page_server.add("/a", plain_page("A", "<p>Niets over toegankelijkheid hier.</p>", footer=""))
    exported = crawl(page_server, db=sqlite_url)
    assert exported["statement"] is None
    assert exported["statement_details"]["candidates_found"] == 0
    assert (gets(page_server, "/"), gets(page_server, "/a")) == (1, 1)  # nothing loaded a second time


def test_a_statement_beyond_the_page_limit_is_still_read(page_server, sqlite_url):
    links = "".join(f'<a href="/p{i}">Pagina {i}</a> ' for i in range(6))
    page_server.add("/", plain_page("Welkom", links))
    for i in range(6):
        page_server.add(f"/p{i}", plain_page(f"Pagina {i}"))
    page_server.add("/toegankelijkheidsverklaring", statement_html(prepared=PREPARED))
    exported = crawl(page_server, "--max-pages", "2", db=sqlite_url)
    audited = {urlsplit(page["url"]).path for page in exported["pages"]}
    assert len(audited) == 2 and "/toegankelijkheidsverklaring" not in audited
    statement = exported["statement"]
    assert (statement["is_statement"], statement["linked_from_home"], statement["prepared_on"]) == (
        True,
        True,
        TODAY.isoformat(),
    )
    details = exported["statement_details"]
    assert details["pages_linking"] == details["pages_audited"] > 0  # every page has the footer link


def test_a_page_that_only_talks_about_accessibility_is_no_statement(page_server, sqlite_url):
    footer = '<footer><a href="/toegankelijkheid">Toegankelijkheid</a></footer>'
    page_server.add("/", plain_page("Welkom", '<a href="/nieuws/lift">Nieuwe lift</a>', footer=footer))
    page_server.add(
        "/nieuws/lift",
        plain_page(
            "Nieuwe lift maakt het gemeentehuis toegankelijker",
            "<p>Sinds maandag brengt een lift bezoekers naar de raadzaal. Volledig in overeenstemming met de "
            "bouwvoorschriften, opgesteld op 3 maart 2026.</p>",
            footer=footer,
        ),
    )
    page_server.add("/toegankelijkheid", BUILDINGS_PAGE.replace(FOOTER, footer))
    statement = crawl(page_server, db=sqlite_url)["statement"]
    assert (statement["url"], statement["is_statement"], statement["status"], statement["grade"]) == (
        page_server.url("/toegankelijkheid"),
        False,
        "unknown",
        "E",
    )
    assert statement["problems"][0] == "This page is not an accessibility statement."


def test_a_malformed_statement_with_a_date_that_does_not_exist(page_server, sqlite_url):
    html = statement_html(prepared=PREPARED, reviewed=f"31 februari {TODAY.year}", footer=FOOTER)
    html = html.replace("</h2>", "", 1).replace("<body>", "<body></div></span><<>>")
    page_server.add("/", plain_page("Welkom"))
    page_server.add("/toegankelijkheidsverklaring", html)
    exported = crawl(page_server, db=sqlite_url)
    statement = exported["statement"]
    assert (statement["is_statement"], statement["prepared_on"], statement["reviewed_on"]) == (
        True,
        TODAY.isoformat(),
        None,
    )
    assert exported["statement_details"]["reading"]["dates_that_do_not_exist"] == [
        f"31 februari {TODAY.year}"
    ]
