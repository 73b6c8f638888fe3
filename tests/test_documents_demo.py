"""The demo site's documents: generated with known outcomes, and the committed copies say what they are."""

import json
from pathlib import Path

import pytest

import a11ycheck
from a11ycheck.documents import DEMO, check_document, write_samples

GENERATED = Path(a11ycheck.__file__).parent / "demo" / "generated_documents"
P, F, NA = "passed", "failed", "not-applicable"
PDF_PASS = {
    "tagged": P, "title": P, "language": P, "text": P, "figure-alt": P, "bookmarks": NA, "permissions": P,
    "headings": P, "tables": P, "form-fields": P, "link-annotations": P, "pdfua": P,
}  # fmt: skip
EXPECTED = {
    "afvalkalender-2026.pdf": (True, False, PDF_PASS),
    "jaarverslag-2025.pdf": (
        False,
        False,
        PDF_PASS | {"figure-alt": F, "bookmarks": F, "tables": NA, "form-fields": NA},
    ),
    "reglement-evenementen.pdf": (
        False,
        True,
        {check_id: NA for check_id in PDF_PASS}
        | {"tagged": F, "title": F, "language": F, "text": F, "permissions": P, "pdfua": F},
    ),
    "aanvraag-evenement.docx": (True, False, {"title": P, "language": P, "image-alt": P}),
    "verslag-gemeenteraad.odt": (False, False, {"title": F, "language": P, "image-alt": F}),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_demo_documents_have_their_known_outcomes(tmp_path, name):
    (path,) = write_samples(tmp_path, {name: DEMO[name]})
    result = check_document(path)
    accessible, exempt, outcomes = EXPECTED[name]
    assert result.status == "checked"
    assert (result.accessible, result.possibly_exempt) == (accessible, exempt)
    assert {c.id: c.outcome.value for c in result.checks} == outcomes


def test_the_committed_demo_documents_match_their_outcomes_file():
    outcomes = json.loads((GENERATED / "outcomes.json").read_text())
    assert (
        sorted(outcomes) == sorted(EXPECTED) == sorted(p.name for p in GENERATED.iterdir() if p.name in DEMO)
    )
    for name, recorded in outcomes.items():
        found = check_document(GENERATED / name, name=name).to_dict()
        del found["sha256"]
        assert found == recorded, name
