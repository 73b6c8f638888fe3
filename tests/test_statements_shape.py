"""Statement or not: a page must have the shape of a statement, not merely its words."""

import pytest

from a11ycheck.statements import read_statement

CLAIM = "<p>Deze website is gedeeltelijk in overeenstemming met WCAG 2.1 niveau AA.</p>"
CONTACT = "<p>Vragen? Mail naar web@gemeente.be.</p>"
SECTIONS = (
    "<h2>Nalevingsstatus</h2>"
    + CLAIM
    + "<h2>Feedback en contactgegevens</h2>"
    + CONTACT
    + "<h2>Klachten</h2>"
    "<p>Daarna kunt u terecht bij de Vlaamse Ombudsdienst.</p>"
)


def _page(title: str, h1: str, body: str) -> str:
    return (
        f'<html lang="nl"><head><title>{title}</title></head><body><main><h1>{h1}</h1>{body}'
        "<p>Wij willen dat iedereen onze website zonder drempels kan gebruiken.</p></main></body></html>"
    )


@pytest.mark.parametrize(
    ("title", "h1", "url", "is_statement"),
    [
        ("Toegankelijkheidsverklaring | Gemeente X", "Welkom", "https://x.be/pagina/12", True),
        ("Gemeente X", "Toegankelijkheidsverklaring van de website", "https://x.be/pagina/12", True),
        ("Gemeente X", "Onze toegankelijkheidsverklaring", "https://x.be/pagina/12", True),
        ("Gemeente X", "Toegankelijkheid", "https://x.be/toegankelijkheidsverklaring", True),
        ("Gemeente X", "Toegankelijkheid", "https://x.be/toegankelijkheid", False),
        ("Gemeente X", "Toegankelijkheidsverklaring vernieuwd", "https://x.be/nieuws/12", False),
        ("Gemeente X", "Toegankelijkheidsverklaring opstellen", "https://x.be/gids", False),
        ("Gemeente X", "Toegankelijkheidsverklaringen van onze websites", "https://x.be/pagina/12", False),
    ],
)
def test_a_page_with_two_parts_is_a_statement_only_when_it_names_itself_one(title, h1, url, is_statement):
    # the status and the contact are read from sentences only: no section headings
    assert read_statement(_page(title, h1, CLAIM + CONTACT), url).is_statement is is_statement


def test_an_h2_that_is_the_statements_name_names_the_page():
    body = "<h2>Toegankelijkheidsverklaring</h2>" + CLAIM + CONTACT
    assert read_statement(_page("Toegankelijkheid", "Toegankelijkheid", body), "https://x.be/t").is_statement


def test_an_unnamed_page_needs_a_status_and_two_other_sections_by_their_headings():
    assert read_statement(
        _page("Toegankelijkheid", "Toegankelijkheid", SECTIONS), "https://x.be/t"
    ).is_statement
    without_complaints = SECTIONS.split("<h2>Klachten</h2>")[0]
    reading = read_statement(
        _page("Toegankelijkheid", "Toegankelijkheid", without_complaints), "https://x.be/t"
    )
    assert (reading.is_statement, reading.problems) == (False, ("not-a-statement", "no-statement-shape"))


def test_a_search_page_is_known_by_its_address_too():
    reading = read_statement(
        _page("Gemeente X", "Toegankelijkheidsverklaring", SECTIONS), "https://x.be/?s=verklaring"
    )
    assert reading.problems == ("not-a-statement", "search-results-page")


def test_the_template_with_its_blanks_is_not_a_statement_but_a_few_blanks_left_are():
    blanks = "<p>Opgesteld op [datum] door [naam van de dienst], voor [website], met [methode].</p>"
    reading = read_statement(
        _page("Toegankelijkheidsverklaring", "Toegankelijkheidsverklaring", SECTIONS + blanks),
        "https://x.be/t",
    )
    assert reading.problems == ("not-a-statement", "template-page")
    few = "<p>Opgesteld op [datum] door [naam van de dienst].</p>"
    assert read_statement(
        _page("Toegankelijkheidsverklaring", "Toegankelijkheidsverklaring", SECTIONS + few), "https://x.be/t"
    ).is_statement
