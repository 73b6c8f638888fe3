"""The report's documents: a section per organisation (which document failed what, worst first, with links)
and a column on the overview, from the sample database and its reports (tests/report_sample.py, conftest's
`sample_reports`: Gent's latest crawl found five documents). Fast: no browser; test_report_browser.py
audits the same pages in Chromium."""

import lxml.html
import pytest
from report_sample import GENT, PAYLOAD, sample_ids

from a11ycheck.charters.document_tallies import DocumentCounts, document_counts
from a11ycheck.store import Store


@pytest.fixture(scope="module")
def built(sample_reports):
    store = Store(f"sqlite:///{sample_reports / 'a11ycheck.db'}")
    yield sample_reports, store, sample_ids(sample_reports)
    store.close()


def page(path):
    return lxml.html.fromstring(path.read_bytes())


def text(element) -> str:
    """The element's text with the pieces around elements (a <br>) apart, whitespace collapsed."""
    return " ".join(" ".join(element.itertext()).split())


def document_rows(folder, lang="nl", org="gent"):
    document = page(folder / lang / "org" / org / "index.html")
    return document.xpath("//caption[@id='documents-caption']/../tbody/tr")


def test_documents_are_listed_worst_first_with_what_failed(built):
    folder, _, _ = built
    rows = [[text(cell) for cell in row.xpath("th|td")] for row in document_rows(folder)]
    assert [row[0] for row in rows] == [
        f"{GENT}/jaarverslag.pdf",  # two checks failed (ties: by URL)
        f"{GENT}/oud.pdf",  # two checks failed
        f"{GENT}/kapot.pdf",  # could not be checked
        f"{GENT}/weg.odt",  # could not be fetched
        f"{GENT}/aanvraag.docx",  # passes every check
    ]
    assert rows[0][1:3] == ["PDF", "niet toegankelijk"]
    assert rows[0][3].startswith(
        "tekstalternatief bij figuren (1.1.1 Niet-tekstuele content): 1 of 1 figures"
    )
    assert "bladwijzers" in rows[0][3]
    assert rows[0][4] == f"{GENT}/"
    assert rows[1][2] == "niet toegankelijk mogelijk vrijgesteld: laatst gewijzigd vóór 23 september 2018"
    assert rows[1][3].startswith("tags (structuur)")
    assert rows[2][2] == f"onleesbaar of beschadigd damaged PDF {PAYLOAD}"
    assert rows[3][2] == "HTTP 404"
    assert rows[4][1:4] == ["DOCX", "doorstaat elke controle", ""]


def test_documents_link_out_and_crawled_text_stays_text(built):
    folder, _, _ = built
    rows = document_rows(folder)
    assert rows[0].xpath("th/a/@href") == [f"{GENT}/jaarverslag.pdf"]
    assert rows[0].xpath("td/a/@href") == [f"{GENT}/"]
    source = (folder / "nl" / "org" / "gent" / "index.html").read_text()
    assert PAYLOAD not in source
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in source
    assert rows[0].xpath(".//span[@lang='en']")  # the checker's English details are marked so


def test_documents_summary_counts_and_english(built):
    folder, _, _ = built
    gent = page(folder / "nl" / "org" / "gent" / "index.html")
    intro = text(gent.xpath("//h2[@id='documents']/following-sibling::p[1]")[0])
    assert intro == (
        "5 documenten (PDF, Word, OpenDocument, ...) gevonden bij de laatste audit. 3 konden automatisch "
        "gecontroleerd worden; daarvan doorstaan er 1 (33,3%) elke controle. PDF's zonder tags: 1."
    )
    english = [text(row.xpath("td")[1]) for row in document_rows(folder, "en")]
    assert english[0] == "not accessible" and english[-1] == "passes every check"


def test_overview_column_is_the_share_of_checked_documents_that_pass(built):
    folder, store, ids = built
    with store.engine.connect() as connection:
        counts = document_counts(connection)
    assert counts[ids["gent_2"]] == DocumentCounts(found=5, checked=3, accessible=1, untagged_pdfs=1)
    assert counts[ids["antwerpen"]] == DocumentCounts(found=2)  # recorded, never downloaded
    overview = page(folder / "nl" / "index.html")
    header = [text(th) for th in overview.xpath("//thead/tr/th")]
    column = header.index("Documenten zonder fouten")
    cells = {
        text(row.xpath("th")[0]): text(row.xpath("th|td")[column]) for row in overview.xpath("//tbody/tr")
    }
    assert cells["Gent"] == "33,3%"
    assert cells["Antwerpen"] == "–"  # documents found but none checked: no share


def test_an_organisation_whose_documents_were_not_downloaded(built):
    folder, _, _ = built
    rows = [[text(cell) for cell in row.xpath("th|td")] for row in document_rows(folder, org="antwerpen")]
    assert [row[2] for row in rows] == ["niet gedownload", "niet gedownload"]
