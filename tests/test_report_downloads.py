"""findings.csv and documents.csv beside each organisation's page (issue 19): linked from the page, the
same data as the page, and safe to open in a spreadsheet (no cell starts a formula)."""

import csv
import io

import lxml.html
import pytest
from report_sample import PAYLOAD

from a11ycheck.report.downloads import (
    DOCUMENTS_COLUMNS,
    FINDINGS_COLUMNS,
    add_finding,
    documents_csv,
    findings_table,
    spreadsheet_safe,
)
from a11ycheck.report.queries import DocumentRow, FailedCheck, NodeRow
from a11ycheck.store import Store

HOSTILE = ('=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "  =1+1")
# A cell only a spreadsheet splitting on ";" (Dutch and Belgian settings) would cut into a formula.
CUT_BY_SEMICOLON = "x;=cmd|' /C calc'!A0"


@pytest.fixture
def report(sample_reports):
    return sample_reports


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_cell_that_would_start_a_formula_is_made_text():
    for value in HOSTILE:
        assert spreadsheet_safe(value) == "'" + value
    assert spreadsheet_safe(CUT_BY_SEMICOLON) == "x;'=cmd|' /C calc'!A0"
    assert spreadsheet_safe("a; b;c") == "a; b;c"
    assert [spreadsheet_safe(v) for v in ("Stad Gent", "a=b", -3, 2.5, True, None)] == [
        "Stad Gent",
        "a=b",
        -3,
        2.5,
        "true",
        "",
    ]


def test_crawled_formulas_stay_text_in_both_files():
    table = findings_table()
    for value in (*HOSTILE, CUT_BY_SEMICOLON):
        node = NodeRow(
            1, 1, "image-alt", "A", "2.0", "1.1.1", "critical", "help", "", '["img"]', value, value, "f"
        )
        add_finding(table, node, value, value, "nl")
    documents = [
        DocumentRow(
            value,
            None,
            10,
            200,
            value,
            "failed",
            value,
            "pdf",
            False,
            None,
            (FailedCheck("title", value, ()),),
        )
        for value in (*HOSTILE, CUT_BY_SEMICOLON)
    ]
    for text, columns in ((table.text(), FINDINGS_COLUMNS), (documents_csv(documents), DOCUMENTS_COLUMNS)):
        found = rows(text)
        assert list(found[0]) == list(columns) and len(found) == len(HOSTILE) + 1
        assert "x;'=cmd|' /C calc'!A0" in found[-1].values()  # the cut neutralised, the text kept
        for row in found:
            for cell in row.values():
                assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), cell
    semicolon = findings_table()  # read as a spreadsheet set to Dutch or Belgian conventions reads it
    node = NodeRow(
        1, 1, "image-alt", "A", "2.0", "1.1.1", "critical", "h", "", '["img"]', CUT_BY_SEMICOLON, "", "f"
    )
    add_finding(semicolon, node, CUT_BY_SEMICOLON, CUT_BY_SEMICOLON, "nl")
    for text in (semicolon.text(), documents_csv(documents[-1:])):
        for row in csv.reader(io.StringIO(text), delimiter=";"):
            assert not any(cell.lstrip(" ").startswith("=") for cell in row), row


def test_each_organisation_page_links_its_files(report):
    gent = report / "nl" / "org" / "gent"
    page = lxml.html.fromstring((gent / "index.html").read_bytes())
    links = {
        a.get("href"): " ".join(a.getparent().text_content().split())
        for a in page.xpath("//a[@type='text/csv']")
    }
    assert set(links) == {"findings.csv", "documents.csv"}
    findings = rows((gent / "findings.csv").read_text(encoding="utf-8"))
    assert links["findings.csv"].endswith(f"(rijen: {len(findings)})")
    assert {row["page_url"] for row in findings} <= {
        "https://www.gent.be/",
        "https://www.gent.be/nieuws",
        "https://www.gent.be/contact",
        "https://www.gent.be/nieuw",
        "https://www.gent.be/over",
    }
    assert {"Afbeelding zonder tekstalternatief", "Te weinig contrast tussen tekst en achtergrond"} <= {
        row["rule_title"] for row in findings
    }
    documents = rows((report / "nl" / "org" / "antwerpen" / "documents.csv").read_text(encoding="utf-8"))
    assert [row["url"] for row in documents] == [
        "https://www.antwerpen.be/verslag.pdf",
        "javascript:alert(1)",
    ]
    assert PAYLOAD in documents[1]["content_type"]  # crawled text as it is, but as text


def test_the_findings_file_holds_every_failing_element_of_the_latest_audit(report):
    store = Store(f"sqlite:///{report / 'a11ycheck.db'}")
    try:
        latest = max(
            r.id
            for r in store.run_summaries()
            if "gent.be" in (r.start_url or "") and r.status == "completed"
        )
        expected = sum(len(v.nodes) or 1 for p in store.run_pages(latest) for v in p.violations)
    finally:
        store.close()
    assert (
        len(rows((report / "nl" / "org" / "gent" / "findings.csv").read_text(encoding="utf-8"))) == expected
    )
