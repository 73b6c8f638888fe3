"""Type sniffing from the bytes, the type a name or content type claims, and the mismatch message."""

import pytest

from a11ycheck.documents import CORPUS, check_document, write_samples
from a11ycheck.documents.sniff import claimed_type, mismatch, sniff_file


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    names = [
        "accessible.pdf",
        "accessible.docx",
        "accessible.odt",
        "workbook.xlsx",
        "old-format.doc",
        "html-named.pdf",
    ]
    write_samples(folder, {name: CORPUS[name] for name in names})
    return folder


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("accessible.pdf", ("pdf", "a PDF")),
        ("accessible.docx", ("docx", "a Word document (DOCX)")),
        ("accessible.odt", ("odt", "an OpenDocument text (ODT)")),
        ("workbook.xlsx", ("xlsx", "an Excel workbook (XLSX)")),
        ("old-format.doc", ("doc", "an older Word document (DOC)")),
        ("html-named.pdf", (None, "an HTML page")),
    ],
)
def test_the_bytes_decide_the_type(corpus, name, expected):
    sniffed = sniff_file(corpus / name, 10**8)
    assert (sniffed.type, sniffed.kind) == expected


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(20), "a PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(20), "a JPEG image"),
        (b"\xef\xbb\xbf  <!DOCTYPE html><html><body>Fout</body></html>", "an HTML page"),
        (b"<?xml version='1.0'?><feed/>", "an XML or markup file"),
        (b"Dit is gewone tekst.\n", "a text file"),
        (bytes(range(256)), "data of an unknown kind"),
        (b"PK\x03\x04 not really a zip", "a damaged ZIP archive"),
    ],
)
def test_other_kinds_are_described(tmp_path, data, kind):
    path = tmp_path / "bestand"
    path.write_bytes(data)
    assert sniff_file(path, 10**8).kind == kind
    assert sniff_file(path, 10**8).type is None


def test_a_pdf_header_after_some_junk_is_still_a_pdf(tmp_path, corpus):
    path = tmp_path / "met-rommel.pdf"
    path.write_bytes(b"\r\n" * 100 + (corpus / "accessible.pdf").read_bytes())
    assert sniff_file(path, 10**8).type == "pdf"
    assert check_document(path).status == "checked"


@pytest.mark.parametrize(
    ("name", "content_type", "claim"),
    [
        ("https://www.gent.be/sites/default/files/Reglement%20Markten.PDF?v=3", None, ("pdf", "named .pdf")),
        ("verslag.docx", "application/octet-stream", ("docx", "named .docx")),
        (
            "https://www.gent.be/download?id=12",
            "application/pdf; charset=binary",
            ("pdf", "sent as application/pdf"),
        ),
        (
            "https://www.gent.be/download?id=12",
            "application/vnd.oasis.opendocument.text",
            ("odt", "sent as application/vnd.oasis.opendocument.text"),
        ),
        ("https://www.gent.be/download?id=12", "text/html", None),
        (None, None, None),
    ],
)
def test_the_claim_comes_from_the_name_then_the_content_type(name, content_type, claim):
    found = claimed_type(name, content_type)
    assert (found and (found.type, found.said)) == (claim or None)


def test_a_mismatch_is_unreadable_with_a_plain_message(corpus):
    html = check_document(corpus / "html-named.pdf")
    assert (html.status, html.type, html.message) == ("unreadable", "pdf", "named .pdf but is an HTML page")
    sent_as_pdf = check_document(
        corpus / "accessible.docx", name="https://x.be/get?id=4", content_type="application/pdf"
    )
    assert (sent_as_pdf.status, sent_as_pdf.message) == (
        "unreadable",
        "sent as application/pdf but is a Word document (DOCX)",
    )
    named_odt = check_document(corpus / "accessible.pdf", name="https://x.be/verslag.odt")
    assert (named_odt.status, named_odt.type, named_odt.message) == (
        "unreadable",
        "pdf",
        "named .odt but is a PDF",
    )


def test_older_and_newer_office_extensions_are_interchangeable(corpus):
    """Word opens a DOCX saved as .doc without complaint: it is checked as what its bytes are."""
    result = check_document(corpus / "accessible.docx", name="https://x.be/aanvraag.doc")
    assert (result.status, result.type) == ("checked", "docx")
    assert mismatch(claimed_type("a.xls", None), sniff_file(corpus / "workbook.xlsx", 10**8)) is None


def test_unknown_content_without_a_claim_is_not_checked(tmp_path):
    path = tmp_path / "download"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    result = check_document(path, name="https://x.be/download?id=9")
    assert (result.status, result.type, result.message) == (
        "not-checked",
        None,
        "not a document type that is checked: it is a PNG image",
    )
