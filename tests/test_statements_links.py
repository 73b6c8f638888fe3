"""Finding the statement among a page's links: by words, accessible name and address, with a score."""

from a11ycheck.statements import MIN_SCORE, best_statement_link, find_statement_links

HOME = "https://www.lindeveld.be"


def test_the_statement_link_beats_a_generic_link_and_a_news_item():
    links = [
        ("Toegankelijkheid: nieuw speelplein voor iedereen", None, f"{HOME}/nieuws/nieuw-speelplein"),
        ("Toegankelijkheid", None, f"{HOME}/toegankelijkheid"),
        ("Privacy", None, f"{HOME}/privacy"),
        ("Toegankelijkheidsverklaring", None, f"{HOME}/toegankelijkheidsverklaring"),
    ]
    found = [(candidate.href, candidate.score) for candidate in find_statement_links(links)]
    assert found == [(f"{HOME}/toegankelijkheidsverklaring", 100), (f"{HOME}/toegankelijkheid", 55)]


def test_each_wording_and_address_the_issue_names_is_found():
    links = [
        ("Verklaring inzake toegankelijkheid", None, f"{HOME}/verklaring"),
        ("Accessibility statement", None, f"{HOME}/en/statement"),
        ("Déclaration d'accessibilité", None, f"{HOME}/fr/declaration"),
        ("Erklärung zur Barrierefreiheit", None, f"{HOME}/de/erklaerung"),
        ("Accessibilité", None, f"{HOME}/fr/accessibilite"),
        ("Barrierefreiheit", None, f"{HOME}/de/barrierefreiheit"),
        ("Lees meer", None, f"{HOME}/nl/toegankelijkheidsverklaring.html"),
        ("Lees meer", None, f"{HOME}/accessibility"),  # 25: an address alone that only names accessibility
    ]
    scores = {candidate.href.removeprefix(HOME): candidate.score for candidate in find_statement_links(links)}
    assert scores == {
        "/verklaring": 60,
        "/en/statement": 60,
        "/fr/declaration": 60,
        "/de/erklaerung": 60,
        "/fr/accessibilite": 55,
        "/de/barrierefreiheit": 55,
        "/nl/toegankelijkheidsverklaring.html": 40,
    }
    assert MIN_SCORE == 30


def test_the_accessible_name_counts_when_the_text_says_nothing():
    (candidate,) = find_statement_links([("", "Toegankelijkheidsverklaring", f"{HOME}/pagina/123")])
    assert (candidate.score, candidate.text) == (60, "Toegankelijkheidsverklaring")


def test_addresses_under_news_or_search_and_links_to_tools_lose():
    links = [
        ("Werken aan toegankelijkheid", None, f"{HOME}/nieuws/werken-aan-toegankelijkheid"),
        ("Toegankelijkheidsverklaring", None, f"{HOME}/zoeken?q=toegankelijkheidsverklaring"),
        ("W3C Accessibility Statement Generator Tool", None, "https://www.w3.org/WAI/planning/statements/"),
    ]
    assert find_statement_links(links) == []


def test_links_that_are_not_web_addresses_are_never_candidates():
    links = [
        ("Toegankelijkheidsverklaring", None, "mailto:toegankelijkheid@lindeveld.be"),
        ("Toegankelijkheidsverklaring", None, "javascript:void(0)"),
        ("Toegankelijkheidsverklaring", None, "/toegankelijkheidsverklaring"),  # the crawl resolves addresses
        ("Toegankelijkheidsverklaring", None, None),
        (None, None, "http://[::1"),
    ]
    assert find_statement_links(links) == []


def test_one_candidate_per_address_with_its_best_score_in_page_order_for_ties():
    links = [
        ("Toegankelijkheid", None, f"{HOME}/toegankelijkheid"),
        ("Accessibility", None, f"{HOME}/en/accessibility"),
        ("Lees onze toegankelijkheidsverklaring", None, f"{HOME}/toegankelijkheid#verklaring"),
    ]
    found = [(candidate.href, candidate.score) for candidate in find_statement_links(links)]
    assert found == [(f"{HOME}/toegankelijkheid", 75), (f"{HOME}/en/accessibility", 55)]


def test_best_link_is_the_first_candidate_or_none():
    assert best_statement_link([("Contact", None, f"{HOME}/contact")]) is None
    best = best_statement_link(
        [
            ("Toegankelijkheid", None, f"{HOME}/toegankelijkheid"),
            ("Accessibility statement", "", f"{HOME}/a11y"),
        ]
    )
    assert (best.href, best.score, best.reasons) == (
        f"{HOME}/a11y",
        60,
        ("its words are a statement's name",),
    )
