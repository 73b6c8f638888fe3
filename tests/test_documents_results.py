"""The result's JSON shape (the contract of issue 16) and what `accessible` means."""

import json

from a11ycheck.documents import CheckResult, DocumentResult, Outcome, Status, check_document
from a11ycheck.documents.samples_pdf import PdfSpec, build_pdf


def test_to_dict_has_the_contract_keys_and_the_extras(tmp_path):
    path = tmp_path / "reglement.pdf"
    path.write_bytes(build_pdf(PdfSpec(figure_alt=None)))
    result = check_document(path, name="https://www.voorbeeld.be/documenten/reglement.pdf")
    data = json.loads(json.dumps(result.to_dict()))
    assert list(data) == [
        "source", "type", "pages", "status", "possibly_exempt", "checks", "accessible",
        "message", "modified", "sha256", "size",
    ]  # fmt: skip
    assert data["source"] == "https://www.voorbeeld.be/documenten/reglement.pdf"
    assert (data["type"], data["pages"], data["status"]) == ("pdf", 4, "checked")
    assert (data["possibly_exempt"], data["accessible"], data["message"]) == (False, False, None)
    assert data["modified"] == "2026-03-02T10:15:00+01:00"
    assert data["size"] == path.stat().st_size and len(data["sha256"]) == 64
    figure = next(c for c in data["checks"] if c["id"] == "figure-alt")
    assert figure == {
        "id": "figure-alt",
        "outcome": "failed",
        "detail": "1 of 1 figures have no /Alt or /ActualText (page 1)",
        "wcag": ["1.1.1"],
        "techniques": ["PDF1"],
        "en_301_549": ["10.1.1.1"],
        "advisory": False,
    }
    assert DocumentResult.from_dict(data) == result


def test_accessible_is_true_false_or_null():
    passed = CheckResult("title", Outcome.PASSED, "ok", ("2.4.2",))
    failed = CheckResult("language", Outcome.FAILED, "no /Lang", ("3.1.1",))
    advisory = CheckResult("pdfua", Outcome.FAILED, "no identifier", advisory=True)
    na = CheckResult("bookmarks", Outcome.NOT_APPLICABLE, "4 pages")

    def result(status, *checks):
        return DocumentResult(source="x.pdf", type="pdf", status=status, checks=checks)

    assert result(Status.CHECKED, passed, na).accessible is True
    assert result(Status.CHECKED, passed, failed).accessible is False
    assert result(Status.CHECKED, passed, advisory).accessible is True  # PDF/UA is not required by WCAG
    for status in (
        Status.TIMEOUT,
        Status.TOO_LARGE,
        Status.UNREADABLE,
        Status.PASSWORD_PROTECTED,
        Status.NOT_CHECKED,
    ):
        assert result(status).accessible is None
        assert result(status).to_dict()["accessible"] is None
