"""Page roles (home, login, sitemap, contact, help, legal, search, service, statement, feedback) with their
evidence, on a synthetic Flemish municipal site, on French and English pages, and what is never guessed."""

from review_site import PAGES, SITE, page, url

from a11ycheck.review.facts import PageFacts, link_texts_by_target
from a11ycheck.review.roles import find_roles
from a11ycheck.review.words import keyword, path_segments, title_parts, words


def best_paths(findings) -> dict[str, str]:
    return {role: found[0].url.removeprefix(SITE) for role, found in findings.candidates.items() if found}


def test_every_role_of_the_municipal_site():
    findings = find_roles(PAGES)
    assert best_paths(findings) == {
        "home": "/",
        "login": "/aanmelden",
        "sitemap": "/sitemap",
        "contact": "/contact",
        "help": "/veelgestelde-vragen",
        "legal": "/privacy",
        "search": "/zoeken",
        "statement": "/toegankelijkheid",
        "feedback": "/meld-een-probleem",
    }
    assert {kind: found[0].url.removeprefix(SITE) for kind, found in findings.services.items()} == {
        "aanvraag": "/e-loket/uittreksel-bevolkingsregister",
        "afspraak": "/e-loket/afspraak-maken",
        "attest": "/e-loket/uittreksel-bevolkingsregister",
        "e-loket": "/e-loket",
        "inschrijving": "/vrije-tijd/inschrijven-speelpleinwerking",
        "melding": "/afval/sluikstort-melden",
        "premie": "/wonen/renovatiepremie",
        "vergunning": "/wonen/omgevingsvergunning",
    }
    assert findings.missing == ()


def test_the_evidence_a_person_can_check():
    findings = find_roles(PAGES)
    assert findings.best("login").evidence == (
        "URL path 'aanmelden' (aanmelden)",
        "title 'Aanmelden' (aanmelden)",
        "heading 'Aanmelden bij Mijn Lindegem' (aanmelden)",
        "link text 'Aanmelden' (aanmelden)",
        "link text 'Mijn profiel' (mijn profiel)",
        "password field",
    )
    assert findings.best("login").score == 3 + 2 + 3 + 3 + 3 + 4
    assert findings.best("home").evidence == ("link text 'Home' (=home)", "the root of the site")
    # the contact page with its form is a feedback mechanism too, behind the page named for it
    assert [m.url for m in findings.candidates["feedback"]] == [url("/meld-een-probleem"), url("/contact")]
    assert findings.candidates["feedback"][1].evidence[-1] == "a form on the page"


def test_texts_on_every_page_say_nothing_about_one_page():
    # every page has a "Contact" heading in its footer and "Gemeente Lindegem" in its title
    findings = find_roles(PAGES)
    assert [m.url for m in findings.candidates["contact"]] == [url("/contact")]
    assert findings.best("contact").evidence == (
        "URL path 'contact' (contact*)",
        "title 'Contact' (contact*)",
        "heading 'Contacteer ons' (contact*)",
        "link text 'Contact' (contact*)",
    )


def test_a_page_taken_for_a_role_comes_after_others_for_a_service():
    melding = find_roles(PAGES).services["melding"]
    # /meld-een-probleem scores higher ("meld" in path, title, heading and link) but is the feedback page
    assert [m.url for m in melding] == [url("/afval/sluikstort-melden"), url("/meld-een-probleem")]
    assert melding[1].score > melding[0].score


FRENCH = [
    page("/fr", "Commune de Lindegem", "Bienvenue", link_texts=("Accueil",)),
    page("/fr/se-connecter", "Se connecter", has_password_field=True, form_count=1),
    page("/fr/plan-du-site", "Plan du site"),
    page("/fr/nous-contacter", "Nous contacter"),
    page("/fr/aide", "Aide"),
    page("/fr/mentions-legales", "Mentions légales"),
    page("/fr/recherche", "Rechercher", "Résultats de recherche"),
    page("/fr/declaration-d-accessibilite", "Déclaration d'accessibilité"),
    page("/fr/signaler-un-probleme", "Signaler un problème d'accessibilité", form_count=1),
    page("/fr/demande-de-prime-energie", "Demande de prime énergie", form_count=1),
]
ENGLISH = [
    page("/en/", "Municipality of Lindegem", "Welcome", link_texts=("Home",)),
    page("/en/sign-in", "Sign in", has_password_field=True, form_count=1),
    page("/en/site-map", "Site map"),
    page("/en/contact-us", "Contact us", form_count=1),
    page("/en/frequently-asked-questions", "Frequently asked questions"),
    page("/en/privacy-notice", "Privacy notice"),
    page("/en/search", "Search results"),
    page("/en/accessibility-statement", "Accessibility statement"),
    page("/en/apply-for-a-parking-permit", "Apply for a parking permit", form_count=1),
]


def test_french_pages():
    findings = find_roles(FRENCH)
    assert best_paths(findings) == {
        "home": "/fr",
        "login": "/fr/se-connecter",
        "sitemap": "/fr/plan-du-site",
        "contact": "/fr/nous-contacter",
        "help": "/fr/aide",
        "legal": "/fr/mentions-legales",
        "search": "/fr/recherche",
        "statement": "/fr/declaration-d-accessibilite",
        "feedback": "/fr/signaler-un-probleme",
    }
    assert findings.services["premie"][0].url == url("/fr/demande-de-prime-energie")
    assert findings.services["aanvraag"][0].url == url("/fr/demande-de-prime-energie")


def test_english_pages():
    findings = find_roles(ENGLISH)
    assert best_paths(findings) == {
        "home": "/en/",
        "login": "/en/sign-in",
        "sitemap": "/en/site-map",
        "contact": "/en/contact-us",
        "help": "/en/frequently-asked-questions",
        "legal": "/en/privacy-notice",
        "search": "/en/search",
        "statement": "/en/accessibility-statement",
        "feedback": "/en/contact-us",  # the contact page's form
    }
    assert set(findings.services) == {"aanvraag", "vergunning"}
    assert findings.services["vergunning"][0].url == url("/en/apply-for-a-parking-permit")


def test_roles_not_found_are_missing_never_guessed():
    pages = [
        PageFacts(
            url("/"), "Gemeente Lindegem", ("Welkom",), ("Contact", "Hulp en zorg"), content_type="text/html"
        ),
        PageFacts(
            url("/nieuws/een"), "Nieuws een | Gemeente Lindegem", ("Nieuws een",), content_type="text/html"
        ),
        PageFacts(url("/nieuws/twee"), "Nieuws twee | Gemeente Lindegem", ("Nieuws twee",)),
        # not HTML: a PDF is never a role's page
        PageFacts(
            url("/documenten/privacy.pdf"), title="Privacy", is_document=True, content_type="application/pdf"
        ),
    ]
    findings = find_roles(pages)
    assert best_paths(findings) == {"home": "/"}
    # an h2 "Contact" only adds weight, never makes a contact page on its own; "Hulp en zorg" is not help
    assert findings.missing == (
        "login", "sitemap", "contact", "help", "legal", "search", "service", "statement", "feedback",
    )  # fmt: skip


def test_a_search_field_is_the_search_function_when_no_page_is_named_for_search():
    pages = [page("/", "", "Welkom"), page("/wonen", "Wonen"), page("/zorg", "Zorg", has_search_field=False)]
    search = find_roles(pages).candidates["search"]
    assert [(m.url, m.evidence) for m in search] == [
        (url("/"), ("search field on the page",)),
        (url("/wonen"), ("search field on the page",)),
    ]


def test_the_start_url_is_the_home_page():
    pages = [page("/", "", "Redirect"), page("/nl/", "", "Welkom")]
    assert find_roles(pages).best("home").url == url("/")
    findings = find_roles(pages, start_url=f"{SITE}:443/nl/#top")
    assert findings.best("home").url == url("/nl/")
    assert findings.best("home").evidence == ("the crawl's start URL", "the root of the site")


def test_link_texts_gathered_per_target_without_links_to_self():
    links = {
        f"{SITE}/": [
            (f"{SITE}/contact", "Contact"),
            (f"{SITE}/#main", "Naar inhoud"),
            (f"{SITE}/privacy", "Privacy"),
        ],
        f"{SITE}/wonen": [
            (f"{SITE}:443/contact#form", "Contacteer ons"),
            (f"{SITE}/contact", "Contact"),
            (f"{SITE}/", " "),
        ],
        f"{SITE}/contact": [(f"{SITE}/contact", "Contact"), ("mailto:x@y.be", "Mail")],
    }
    assert link_texts_by_target(links) == {
        f"{SITE}/contact": ("Contact", "Contacteer ons"),
        f"{SITE}/privacy": ("Privacy",),
    }


def test_keywords_match_words_compounds_and_whole_texts():
    assert words("Déclaration d'accessibilité") == ("declaration", "d", "accessibilite")
    assert keyword("toegankelijkheid*").found_in(words("Toegankelijkheidsverklaring"))
    assert keyword("*vergunning*").found_in(words("Omgevingsvergunningen aanvragen"))
    assert not keyword("*vergunning*").found_in(words("Vergunde activiteiten"))
    assert keyword("=hulp").found_in(words("Hulp"))
    assert not keyword("=hulp").found_in(words("Hulp en zorg"))
    assert keyword("meld een probleem").found_in(words("Meld een probleem met de toegankelijkheid"))
    assert not keyword("meld een probleem").found_in(words("meld een"))
    assert title_parts("Contact | Gemeente Lindegem") == ("Contact", "Gemeente Lindegem")
    assert title_parts("Zoeken - Stad Lindegem") == ("Zoeken", "Stad Lindegem")
    assert path_segments("https://www.lindegem.be/nl/contacteer-ons.html?x=1") == ("nl", "contacteer-ons")
    assert path_segments("http://[::1") == ()


def test_docs_list_every_keyword_of_every_role_and_service_type():
    from pathlib import Path

    from a11ycheck.review.roles import ROLE_KEYWORDS, SERVICE_TYPES

    docs = (Path(__file__).parent.parent / "docs" / "sample.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in docs.splitlines() if line.startswith("| `")}
    for name, keywords in {**ROLE_KEYWORDS, **SERVICE_TYPES}.items():
        listed = [cell.strip(" `") for cell in rows[name].split("|")[2].split(",")]
        assert listed == [k.text for k in keywords], name
