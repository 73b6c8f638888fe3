"""The reader against the corpus of tests/statements/: every field right, and no page that is not a
statement taken for one.

A document is <name>.html, <name>.html.gz (stored compressed, read decompressed) or <name>.bin; its sidecar
<name>.json holds the address it is read at, what it is ("about"), the expected reading ("expected": any
field of StatementReading) and, for statements, the expected grade on a given day ("grade").
"""

import gzip
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from a11ycheck.statements import assess_statement, read_statement

CORPUS_DIR = Path(__file__).parent / "statements"
# What a reading of a page that is not a statement holds, unless its sidecar says otherwise.
NOT_A_STATEMENT_FIELDS = {
    "status": "unknown",
    "standard": None,
    "prepared_on": None,
    "reviewed_on": None,
    "method": "unknown",
    "feedback": [],
    "enforcement": False,
    "non_accessible_content": False,
    "non_accessible_criteria": [],
}


@dataclass(frozen=True)
class CorpusDocument:
    name: str
    url: str
    data: bytes
    expected: dict[str, Any]
    grade: dict[str, Any] | None


def load_corpus() -> list[CorpusDocument]:
    documents = []
    for sidecar in sorted(CORPUS_DIR.glob("*.json")):
        name = sidecar.name.removesuffix(".json")
        spec = json.loads(sidecar.read_text(encoding="utf-8"))
        (path,) = [p for p in CORPUS_DIR.glob(f"{name}.*") if p != sidecar]
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        expected = dict(spec["expected"])
        if not expected["is_statement"]:
            expected = NOT_A_STATEMENT_FIELDS | expected
        documents.append(CorpusDocument(name, spec["url"], data, expected, spec.get("grade")))
    return documents


CORPUS = load_corpus()


def _as_read(reading, field: str):
    value = getattr(reading, field)
    if isinstance(value, date):
        return value.isoformat()
    if field == "feedback":
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _as_expected(field: str, value):
    return sorted(value) if field == "feedback" else value


def test_corpus_has_the_documents_the_issue_asks_for():
    statements = [document for document in CORPUS if document.expected["is_statement"]]
    others = [document for document in CORPUS if not document.expected["is_statement"]]
    assert len(statements) >= 14 and len(others) >= 8
    assert {document.expected["language"] for document in statements} == {"nl", "fr", "en", "de"}
    assert {document.expected["status"] for document in statements} == {"full", "partial", "none", "unknown"}
    assert {document.expected["method"] for document in statements} == {
        "self-assessment",
        "third-party",
        "unknown",
    }
    assert max(len(document.data) for document in others) > 5 * 1024 * 1024


def test_every_field_of_every_document_is_read_right():
    mismatches, fields_checked = [], 0
    for document in CORPUS:
        reading = read_statement(document.data, document.url)
        for field, expected in document.expected.items():
            fields_checked += 1
            if _as_read(reading, field) != _as_expected(field, expected):
                mismatches.append(
                    f"{document.name}.{field}: read {_as_read(reading, field)!r}, expected {expected!r}"
                )
    accuracy = 1 - len(mismatches) / fields_checked
    print(f"field accuracy {accuracy:.1%} over {fields_checked} fields of {len(CORPUS)} documents")
    assert mismatches == [], "\n".join(mismatches)


def test_no_page_that_is_not_a_statement_is_taken_for_one():
    taken = [
        document.name
        for document in CORPUS
        if not document.expected["is_statement"] and read_statement(document.data, document.url).is_statement
    ]
    assert taken == []


@pytest.mark.parametrize("document", [d for d in CORPUS if d.grade], ids=lambda d: d.name)
def test_grade_of_each_statement(document):
    reading = read_statement(document.data, document.url)
    spec = document.grade
    assessment = assess_statement(reading, date.fromisoformat(spec["today"]), spec["linked_from_home"])
    assert (assessment.grade.grade, [found.code for found in assessment.grade.problems]) == (
        spec["grade"],
        spec["problems"],
    )
