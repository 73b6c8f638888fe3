"""Reading single fields of a statement: status, standard, method, feedback, complaint procedure, content."""

import pytest

from a11ycheck.statements import read_statement
from a11ycheck.statements.compliance import sentence_status, standard_in
from a11ycheck.statements.contacts import normalise_email, normalise_phone
from a11ycheck.statements.folding import fold

URL = "https://www.gemeente.be/toegankelijkheidsverklaring"


def _page(body: str, lang: str = "nl", title: str = "Toegankelijkheidsverklaring") -> str:
    head = f'<html lang="{lang}"><head><title>{title}</title></head>'
    return f"{head}<body><main><h1>{title}</h1>{body}</main></body></html>"


FEEDBACK = (
    '<h2>Feedback en contactgegevens</h2><p>Mail <a href="mailto:web@gemeente.be">web@gemeente.be</a>.</p>'
)
COMPLAINTS = "<h2>Handhavingsprocedure</h2><p>Daarna kunt u terecht bij de Vlaamse Ombudsdienst.</p>"


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Deze website is gedeeltelijk in overeenstemming met de WCAG 2.1 niveau AA.", "partial"),
        ("Deze website is volledig in overeenstemming met WCAG 2.1 AA.", "full"),
        ("Deze website is niet in overeenstemming met WCAG 2.1.", "none"),
        ("Deze website is nog niet volledig in overeenstemming met WCAG 2.1.", "partial"),
        ("De website voldoet voor een groot deel aan WCAG 2.1.", "partial"),
        ("De website voldoet nog niet aan alle criteria van WCAG 2.1 AA.", "partial"),
        ("Gemeente X verklaart dat www.x.nl gedeeltelijk voldoet aan het Besluit.", "partial"),
        (
            "Gemeente X verklaart dat www.x.nl voldoet aan het Besluit digitale toegankelijkheid overheid.",
            "full",
        ),
        ("Deze website is in overeenstemming met de norm EN 301 549.", "full"),
        ("Ce site web est partiellement conforme à la norme EN 301 549.", "partial"),
        ("Ce site n'est pas conforme au RGAA.", "none"),
        ("Ce site est en conformité partielle avec le RGAA 4.1.", "partial"),
        ("This website is partially compliant with WCAG 2.1 AA.", "partial"),
        ("This website is non-compliant with WCAG 2.1.", "none"),
        ("This website does not comply with all of WCAG 2.1.", "partial"),
        (
            "Diese Website ist wegen der folgenden Unvereinbarkeiten teilweise mit der BITV 2.0 vereinbar.",
            "partial",
        ),
        ("Diese Website ist mit WCAG 2.1 vollständig vereinbar.", "full"),
        ("Deze website is volledig / gedeeltelijk / niet in overeenstemming met WCAG 2.1.", None),
        ("We streven ernaar te voldoen aan WCAG 2.1 AA.", None),
        ("We aim to comply with WCAG 2.1 AA.", None),
        ("De onderstaande inhoud is niet toegankelijk.", None),
        ("Het gemeentehuis voldoet aan de Vlaamse verordening.", None),  # a claim without degree nor standard
        ("Nalevingsstatus: voldoet gedeeltelijk", "partial"),
        ("De status van deze website is: D - voldoet niet", "none"),
        (
            "Gemeente X verklaart dat de eerste maatregelen zijn genomen om de website te laten voldoen aan "
            "het besluit.",
            None,
        ),
        ("De website moet voldoen aan WCAG 2.1 AA.", None),
        ("Diese Website ist mit den WCAG 2.1, Stufe AA, nur teilweise vereinbar.", "partial"),
        ("De website voldoet niet alleen aan WCAG 2.1 maar ook aan EN 301 549.", "full"),
    ],
)
def test_status_of_a_sentence(sentence, status):
    assert sentence_status(fold(sentence), in_status_section=False) == status


@pytest.mark.parametrize(
    ("text", "standard"),
    [
        ("WCAG 2.1 niveau AA", "WCAG 2.1 AA"),
        ("Web Content Accessibility Guidelines (WCAG), versie 2.1, op niveau AA", "WCAG 2.1 AA"),
        ("WCAG2.1-AA", "WCAG 2.1 AA"),
        ("WCAG 2.2 (AA)", "WCAG 2.2 AA"),
        ("WCAG 2.1 op niveau A en AA", "WCAG 2.1 AA"),
        ("WCAG 2.1, Stufe AA", "WCAG 2.1 AA"),
        ("de WCAG 2.1-richtlijnen", "WCAG 2.1"),
        ("EN 301 549 V3.2.1 (2021-03)", "EN 301 549 v3.2.1"),
        ("de Europese norm EN 301 549", "EN 301 549"),
        ("EN 301 549 v3.2.1, gelijk aan WCAG 2.1 AA", "EN 301 549 v3.2.1"),  # the first one named
        ("de BITV 2.0", None),
        ("WCAG is a standard", None),
    ],
)
def test_standard_is_normalised(text, standard):
    assert standard_in(fold(text)) == standard


def test_the_generators_status_classes_are_read_first():
    html = _page(
        '<h2>Conformiteitsstatus</h2><p>Deze website is <span class="conformance-status partial">gedeeltelijk'
        "</span> conform. Ze zal tegen 2027 volledig in overeenstemming zijn met WCAG 2.1.</p>" + FEEDBACK
    )
    assert read_statement(html, URL).status == "partial"


def test_not_assessed_is_unknown_not_none():
    html = _page(
        '<p>Status: <span class="conformance-status">Niet beoordeeld</span></p>' + FEEDBACK + COMPLAINTS
    )
    reading = read_statement(html, URL)
    assert (reading.is_statement, reading.status) == (True, "unknown")


def test_method_naming_both_kinds_is_unknown_and_each_alone_is_read():
    def method(sentence: str) -> str:
        html = _page(f"<h2>Opstelling van deze verklaring</h2><p>{sentence}</p>{FEEDBACK}{COMPLAINTS}")
        return read_statement(html, URL).method

    assert method("De methode is een zelfbeoordeling door de overheidsinstantie.") == "self-assessment"
    assert method("De verklaring steunt op een audit door een extern bureau.") == "third-party"
    assert (
        method("Zelfbeoordeling door de overheidsinstantie / beoordeling door een derde partij.") == "unknown"
    )
    assert method("De website werd grondig nagekeken.") == "unknown"


def test_feedback_contacts_are_normalised_and_the_ombudsmans_are_left_out():
    html = _page(
        "<h2>Feedback en klachten</h2><p>Mail naar toegankelijkheid (at) gemeente.be of bel 09 210 10 10. "
        "Tel.: +32 (0)2 555 12 34. Klachten kunt u ook richten aan de Vlaamse Ombudsdienst: "
        '<a href="mailto:klachten@vlaamseombudsdienst.be">klachten@vlaamseombudsdienst.be</a>, '
        '<a href="https://www.vlaamseombudsdienst.be/contact">contact</a>.</p>'
        '<p>Of gebruik het <a href="/e-loket/melding">meldingsformulier</a>.</p>'
        '<p><a href="#top">Naar boven</a></p>'
    )
    reading = read_statement(html, URL)
    assert reading.feedback == (
        "mailto:toegankelijkheid@gemeente.be",
        "tel:+3292101010",
        "tel:+3225551234",
        "https://www.gemeente.be/e-loket/melding",
    )
    assert reading.enforcement is True


def test_a_contact_page_written_out_in_the_feedback_section_is_read():
    html = _page(
        "<h2>Feedback en contactgegevens</h2><p>Neem contact op via https://www.gemeente.be/contact/. Lees "
        "ook https://www.gemeente.be/privacy.</p>" + COMPLAINTS
    )
    assert read_statement(html, URL).feedback == ("https://www.gemeente.be/contact/",)


@pytest.mark.parametrize(
    ("written", "country", "uri"),
    [
        ("09 210 10 10", "32", "tel:+3292101010"),
        ("09 210 10 10", None, "tel:092101010"),
        ("+32 (0)9 210 10 10", None, "tel:+3292101010"),
        ("0032 9 210 10 10", "31", "tel:+3292101010"),
        ("tel:+32-9-210.10.10", None, "tel:+3292101010"),
        ("tel:1700", "32", "tel:1700"),
        ("12", "32", None),
    ],
)
def test_phone_numbers_become_tel_uris(written, country, uri):
    assert normalise_phone(written, country) == uri


def test_email_addresses_become_mailto_uris():
    assert normalise_email("mailto:Web@Gemeente.BE?subject=Toegankelijkheid") == "mailto:web@gemeente.be"
    assert normalise_email("mailto:") is None
    assert normalise_email("geen adres") is None


def test_a_section_that_says_there_is_nothing_to_list_lists_nothing():
    html = _page(
        "<h2>Nalevingsstatus</h2><p>Deze website is volledig in overeenstemming met WCAG 2.1 AA.</p>"
        "<h2>Niet-toegankelijke inhoud</h2><p>Op dit moment zijn er geen gekende problemen.</p>" + FEEDBACK
    )
    reading = read_statement(html, URL)
    assert (reading.non_accessible_content, reading.non_accessible_items) == (False, ())


def test_criteria_are_read_from_the_content_listed_only_and_en_clauses_count():
    html = _page(
        "<h2>Nalevingsstatus</h2><p>Deze website is gedeeltelijk conform met WCAG 2.1 AA (EN 301 549 "
        "v3.2.1).</p><h2>Niet-toegankelijke inhoud</h2><ul><li>Afbeeldingen zonder alternatief (EN 301 549 "
        "clausule 9.1.1.1).</li><li>Contrast te laag in de agenda, zie succescriterium 1.4.3 en 1.4.11."
        "</li></ul>" + FEEDBACK
    )
    assert read_statement(html, URL).non_accessible_criteria == ("1.1.1", "1.4.3", "1.4.11")


LANGUAGE_BODIES = {
    "fr": (
        "Déclaration d'accessibilité",
        "<h2>État de conformité</h2><p>Ce site est partiellement conforme aux WCAG 2.1 de niveau AA. Nous "
        "corrigeons les problèmes connus dans le courant de l'année.</p><h2>Retour d'information et "
        "coordonnées</h2><p>Si vous rencontrez un problème, écrivez-nous à web@commune.be.</p>",
    ),
    "de": (
        "Erklärung zur Barrierefreiheit",
        "<h2>Stand der Vereinbarkeit mit den Anforderungen</h2><p>Diese Website ist mit der WCAG 2.1 "
        "teilweise vereinbar. Wir arbeiten an den Mängeln, die wir kennen.</p><h2>Feedback und "
        "Kontaktangaben</h2><p>Wenn Sie ein Problem finden, schreiben Sie uns an web@gemeinde.be.</p>",
    ),
    "en": (
        "Accessibility statement",
        "<h2>Compliance status</h2><p>This website is partially compliant with WCAG 2.1 AA. We are fixing "
        "the issues we know of and will review this statement every year.</p><h2>Feedback and contact "
        "information</h2><p>If you find a problem, please write to web@port.be.</p>",
    ),
    "nl": (
        "Toegankelijkheidsverklaring",
        "<h2>Nalevingsstatus</h2><p>Deze website is gedeeltelijk in overeenstemming met WCAG 2.1 AA. We "
        "werken aan de problemen die we kennen en herzien deze verklaring elk jaar.</p>" + FEEDBACK,
    ),
}


@pytest.mark.parametrize(
    ("lang", "language"), [("fr", "fr"), ("de", "de"), ("en", "en"), ("en", "nl"), (None, "fr"), ("nl", "de")]
)
def test_the_language_is_read_from_the_text_not_only_the_lang_attribute(lang, language):
    title, body = LANGUAGE_BODIES[language]
    html = _page(body, title=title).replace(' lang="nl"', f' lang="{lang}"' if lang else "")
    reading = read_statement(html, URL)
    assert (reading.is_statement, reading.language) == (True, language)


def test_sections_under_aria_headings_and_details_summaries_are_found():
    html = _page(  # a claim without degree nor standard counts only in the status section
        '<div role="heading" aria-level="2">Nalevingsstatus</div><p>Deze website is in overeenstemming met '
        "de eisen.</p><details><summary>Vragen?</summary><p>Mail naar toegankelijkheid@gemeente.be.</p>"
        "</details><details><summary>Niet tevreden?</summary><p>Neem contact op met onze dienst en daarna "
        "met de bevoegde instantie.</p></details>"
    )
    reading = read_statement(html, URL)
    assert (reading.status, reading.feedback, reading.enforcement, reading.parts) == (
        "full",
        ("mailto:toegankelijkheid@gemeente.be",),
        True,
        ("status", "feedback", "enforcement"),
    )


def test_page_chrome_without_semantic_markup_is_left_out():
    html = (
        '<html lang="nl"><head><title>Toegankelijkheidsverklaring</title></head><body>'
        '<div id="header">Gemeente X <a href="/contact">Contact</a></div>'
        "<div><h1>Toegankelijkheidsverklaring</h1><p><strong>Nalevingsstatus</strong></p><p>Deze website "
        "voldoet gedeeltelijk aan WCAG 2.1 AA.</p><p><strong>Contact</strong></p><p>Mail naar "
        "web@gemeente.be.</p></div>"
        '<div class="footer">Klachten? Bel de klachtendienst op 09 111 22 33 of mail info@gemeente.be.</div>'
        "</body></html>"
    )
    reading = read_statement(html, URL)
    assert (reading.is_statement, reading.feedback, reading.enforcement) == (
        True,
        ("mailto:web@gemeente.be",),
        False,
    )
