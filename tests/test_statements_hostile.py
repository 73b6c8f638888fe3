"""Pages from hostile or broken sites: the reader never raises, never hangs, and never takes them for
statements; what it reads of a page is capped."""

import random
import time

import pytest

from a11ycheck.statements import MAX_READ_BYTES, find_statement_links, read_statement

URL = "https://www.gemeente.be/toegankelijkheidsverklaring"
STATEMENT = """<html lang="nl"><head><title>Toegankelijkheidsverklaring</title></head><body><main>
<h1>Toegankelijkheidsverklaring</h1>
<h2>Nalevingsstatus</h2><p>Deze website is gedeeltelijk in overeenstemming met WCAG 2.1 niveau AA.</p>
<h2>Feedback en contactgegevens</h2><p>Mail <a href="mailto:web@gemeente.be">web@gemeente.be</a>.</p>
<h2>Handhavingsprocedure</h2><p>Daarna kunt u terecht bij de Vlaamse Ombudsdienst.</p>
"""
MAX_CPU_SECONDS = 5  # far above what a capped page costs (under 1 s), low enough to catch a runaway pattern


def _garbage() -> bytes:
    return random.Random(2102).randbytes(50_000)


HOSTILE = {
    "empty-bytes": b"",
    "empty-text": "",
    "whitespace": " \n\t " * 1000,
    "binary": _garbage(),
    "nul-bytes": b"<html>\x00<body>" + b"\x00" * 2000 + b"<p>tekst</p>",
    "unknown-charset": b'<meta charset="x-klingon"><p>caf\xe9</p>',
    "lone-surrogate": "<p>\ud800 Toegankelijkheidsverklaring</p>",
    "deep-nesting": "<div>" * 50_000 + "Nalevingsstatus" + "</div>" * 50_000,
    "open-inline-tags": "<p>" + "<b><i>" * 20_000 + "gedeeltelijk in overeenstemming",
    "one-long-word": "<p>" + "a" * 3_000_000,
    "one-long-sentence": "<p>" + "voldoet niet gedeeltelijk in overeenstemming 31/02/2021 " * 50_000,
    "german-window": "<p>" + "nicht " * 300_000 + "vereinbar",
    "many-links": "<body>" + '<a href="mailto:a@b.be">toegankelijkheid@b.be</a>' * 50_000,
    "many-rows": "<table>" + "<tr><td>1.4.3</td><td>contrast</td></tr>" * 60_000,
    "many-classes": '<div class="' + "conformance-status " * 100_000 + '">volledig</div>',
    "many-headings": "".join(
        f"<h{i % 6 + 1}>Niet-toegankelijke inhoud</h{i % 6 + 1}>" for i in range(40_000)
    ),
    "broken-markup": "<html><head><title>x</title><body><p <p <<a href='mailto:'>x</a><scr<script>ipt>",
    "entities": "<p>&#0; &#xD800; &#x110000; &bogus; &amp&lt;" * 1000,
    "unclosed-comment": "<p>Nalevingsstatus</p><!-- " + "x" * 100_000,
    "bad-links": "<a href='http://[::1'>x</a><a href='mailto:'>y</a><a href='tel:'>z</a><base href='data:'>",
}


ADDRESSES = (URL, "not an address", "")  # each page is read at one of them in turn


@pytest.mark.parametrize(("name", "url"), [(name, ADDRESSES[i % 3]) for i, name in enumerate(HOSTILE)])
def test_hostile_pages_are_read_without_raising_and_are_not_statements(name, url):
    started = time.process_time()
    reading = read_statement(HOSTILE[name], url)
    assert time.process_time() - started < MAX_CPU_SECONDS
    assert (reading.is_statement, reading.problems[0]) == (False, "not-a-statement")


def test_a_statement_in_utf16_with_its_byte_order_mark_is_read():
    reading = read_statement(STATEMENT.encode("utf-16"), URL)
    assert (reading.is_statement, reading.status, reading.feedback) == (
        True,
        "partial",
        ("mailto:web@gemeente.be",),
    )


def test_binary_content_is_an_unreadable_page():
    assert read_statement(_garbage(), URL).problems == ("not-a-statement", "unreadable-page")


def test_an_empty_page_is_said_to_be_empty():
    assert read_statement(b"<html><body>\n</body></html>", URL).problems == ("not-a-statement", "empty-page")


def test_a_huge_page_is_read_up_to_the_cap_and_says_so():
    padding = "<p>Agenda-item: rommelmarkt op het dorpsplein, toegankelijk voor rolstoelen.</p>\n" * 70_000
    huge = (STATEMENT + padding + "</main></body></html>").encode()
    assert len(huge) > 2 * MAX_READ_BYTES
    started = time.process_time()
    reading = read_statement(huge, URL)
    assert time.process_time() - started < MAX_CPU_SECONDS
    assert (reading.is_statement, reading.status, reading.truncated) == (True, "partial", True)


def test_what_lies_beyond_the_cap_is_not_read():
    padding = "<p>" + "x " * (MAX_READ_BYTES // 2) + "</p>"
    reading = read_statement(f"<html><body>{padding}</body></html>{STATEMENT}", URL)
    assert (reading.is_statement, reading.truncated) == (False, True)


def test_link_discovery_takes_empty_and_huge_links():
    links = [
        (None, None, None),
        ("x" * 100_000, "y" * 100_000, "https://x.be/" + "a/" * 10_000),
        ("", "", ""),
    ]
    assert find_statement_links(links) == []
