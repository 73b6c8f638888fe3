"""The statement draft: its status rules, what it says in Dutch and English, the parts left to complete, and
escaping of everything that came from crawled pages or from people."""

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from a11ycheck.review.conformance import conformance_table
from a11ycheck.review.plain_words import PLAIN_WORDS
from a11ycheck.review.statement import (
    FULL,
    OPEN,
    PARTIAL,
    OrganisationContact,
    render_statement_draft,
    statement_status,
)
from a11ycheck.review.verdicts import AutomatedResult, ManualVerdict
from a11ycheck.vocabulary.criteria import CRITERION_NUMBERS

HOME = "https://www.lindegem.be/"
CONTACT = "https://www.lindegem.be/contact"
PAGES = (HOME, CONTACT)
LINDEGEM = OrganisationContact(
    name="Gemeente Lindegem",
    feedback_email="toegankelijkheid@lindegem.be",
    feedback_form_url="https://www.lindegem.be/meld-een-probleem",
    complaints_url="https://www.lindegem.be/klachten",
    evaluation_method="self-assessment",
)
DAY = date(2026, 12, 2)


def all_passed(except_for: tuple[str, ...] = ()) -> list[ManualVerdict]:
    return [
        ManualVerdict(page, number, "passed")
        for page in PAGES
        for number in CRITERION_NUMBERS
        if number not in except_for
    ]


def text_of(html: str) -> str:
    """The text a reader sees, whitespace collapsed."""

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts: list[str] = []
            self.skip = False

        def handle_starttag(self, tag, attrs):
            self.skip = tag in ("style", "title")

        def handle_endtag(self, tag):
            self.skip = False

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def draft(table, organisation=LINDEGEM, lang="nl", **options) -> str:
    return render_statement_draft(
        table, organisation, site_url="https://www.lindegem.be/", prepared_on=DAY, lang=lang, **options
    )


def test_full_only_when_all_fifty_were_evaluated_and_none_fails():
    table = conformance_table(PAGES, {}, all_passed())
    status = statement_status(table)
    assert (status.status, status.failing, status.not_tested) == (FULL, (), ())
    text = text_of(draft(table))
    assert (
        "Deze website is volledig conform met de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA"
        in text
    )
    assert "Bij de beoordeling werd geen niet-toegankelijke inhoud gevonden." in text
    assert "nog niet beoordeeld" not in text


def test_partial_when_a_criterion_fails_even_with_others_untested():
    automated = {(HOME, "1.1.1"): AutomatedResult("failed", ("image-alt",))}
    manual = all_passed(except_for=("1.1.1", "1.4.3", "2.1.1"))
    manual += [ManualVerdict(CONTACT, "1.4.3", "failed", "Lichtgrijze tekst in het formulier")]
    table = conformance_table(PAGES, automated, manual)
    status = statement_status(table)
    assert (status.status, status.failing, status.not_tested) == (PARTIAL, ("1.1.1", "1.4.3"), ("2.1.1",))
    text = text_of(draft(table))
    assert (
        "Deze website is gedeeltelijk conform met de Web Content Accessibility Guidelines (WCAG) 2.1" in text
    )
    assert "1 van de 50 succescriteria werd nog niet beoordeeld: 2.1.1 Toetsenbord" in text
    # the non-accessible content, grouped by criterion, in plain words, with the pages
    assert (
        "1.1.1 Niet-tekstuele content (niveau A) " + PLAIN_WORDS["1.1.1"][0] + f" Vastgesteld op: {HOME}"
    ) in text
    assert (
        "1.4.3 Contrast (minimum) (niveau AA) "
        + PLAIN_WORDS["1.4.3"][0]
        + f" Vastgesteld op: {CONTACT} : Lichtgrijze tekst in het formulier"
    ) in text


def test_left_open_with_the_reason_when_incomplete_and_nothing_failed():
    table = conformance_table(PAGES, {}, all_passed(except_for=("1.2.1", "3.3.4")))
    status = statement_status(table)
    assert (status.status, status.not_tested) == (OPEN, ("1.2.1", "3.3.4"))
    text = text_of(draft(table))
    assert (
        "[Aan te vullen: de nalevingsstatus] De nalevingsstatus kan nog niet bepaald worden: "
        "de beoordeling is onvolledig en vond tot nu toe geen niet-conformiteit."
    ) in text
    assert (
        "2 van de 50 succescriteria werden nog niet beoordeeld: "
        "1.2.1 Louter-geluid en louter-videobeeld (vooraf opgenomen) "
        "3.3.4 Foutpreventie (wettelijk, financieel, gegevens)"
    ) in text
    assert "volledig conform" not in text and "gedeeltelijk conform" not in text
    # no verdict at all: open too, never full
    assert statement_status(conformance_table(PAGES, {}, [])).status == OPEN


def test_a_draft_clearly_marked_with_its_method_dates_and_contacts():
    table = conformance_table(PAGES, {}, all_passed())
    html = draft(table, evaluated_on=date(2026, 11, 20))
    assert "<title>ONTWERP – Toegankelijkheidsverklaring Gemeente Lindegem</title>" in html
    text = text_of(html)
    assert text.startswith("ONTWERP – niet publiceren zonder nazicht.")
    assert "Deze verklaring werd opgesteld op 2 december 2026." in text
    assert "De beoordeling is een zelfbeoordeling door Gemeente Lindegem." in text
    assert "Er werd een steekproef van 2 pagina's en documenten beoordeeld" in text
    assert "op niveau A en AA, op 20 november 2026." in text
    assert '<a href="mailto:toegankelijkheid@lindegem.be">toegankelijkheid@lindegem.be</a>' in html
    assert '<a href="https://www.lindegem.be/klachten">https://www.lindegem.be/klachten</a>' in html
    assert '<html lang="nl">' in html


def test_what_is_not_known_is_marked_to_complete():
    table = conformance_table(PAGES, {}, all_passed())
    text = text_of(draft(table, OrganisationContact("Gemeente Lindegem")))
    assert "[Aan te vullen: zelfbeoordeling, of beoordeling door een derde (met diens naam)]" in text
    assert "[Aan te vullen: het e-mailadres of het formulier voor feedback over toegankelijkheid]" in text
    assert "[Aan te vullen: de klachtenprocedure van uw organisatie, met een link]" in text
    third = OrganisationContact(
        "Gemeente Lindegem", evaluation_method="third-party", evaluator="Toegankelijk bvba"
    )
    assert "De beoordeling werd uitgevoerd door Toegankelijk bvba." in text_of(draft(table, third))


def test_english():
    automated = {(HOME, "1.1.1"): AutomatedResult("failed", ("image-alt",))}
    table = conformance_table(PAGES, automated, all_passed(except_for=("1.1.1", "2.4.2")))
    html = draft(table, lang="en")
    text = text_of(html)
    assert '<html lang="en">' in html
    assert text.startswith("DRAFT – do not publish without review.")
    assert (
        "This website is partially compliant with the Web Content Accessibility Guidelines (WCAG) 2.1" in text
    )
    assert f"1.1.1 Non-text Content (level A) {PLAIN_WORDS['1.1.1'][1]} Found on: {HOME}" in text
    assert "This statement was prepared on 2 December 2026." in text
    assert "1 of the 50 success criteria has not been evaluated yet: 2.4.2 Page Titled" in text
    with pytest.raises(ValueError, match="unsupported language 'fr'"):
        draft(table, lang="fr")


def test_crawled_urls_titles_notes_and_names_are_escaped():
    evil_url = 'https://www.lindegem.be/zoeken?q="><script>alert(1)</script>'
    script_url = "javascript:alert(document.cookie)"
    pages = (evil_url, script_url)
    manual = [
        ManualVerdict(evil_url, "1.1.1", "failed", "<b onmouseover=alert(2)>vet</b>"),
        ManualVerdict(script_url, "1.1.1", "failed", ""),
    ]
    table = conformance_table(pages, {}, manual)
    organisation = OrganisationContact(
        name="Gemeente <Lindegem> & Co",
        feedback_email='"><script>alert(3)</script>@x.be',
        feedback_form_url="javascript:alert(4)",
        complaints_url="data:text/html,<script>alert(5)</script>",
    )
    html = draft(table, organisation, page_titles={evil_url: "<img src=x onerror=alert(6)>"})
    assert "<script" not in html
    assert "<img" not in html and "<b " not in html
    assert not re.search(r'href="(javascript|data|mailto:")', html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(6)&gt;" in html
    assert "Gemeente &lt;Lindegem&gt; &amp; Co" in html
    # the evil but http URL is a link, its quotes escaped; the javascript: one stays text
    assert '<a href="https://www.lindegem.be/zoeken?q=&#34;&gt;&lt;script&gt;' in html
    assert "javascript:alert(document.cookie)</span>" in html
    assert "javascript:alert(4)" in html and 'href="javascript' not in html
