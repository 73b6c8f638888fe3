"""A statement read and graded, as the export's `statement` object.

to_dict() gives exactly the issue's JSON object: url, is_statement, status, standard, prepared_on,
reviewed_on, method, feedback, enforcement, non_accessible_content, linked_from_home, grade, problems (the
English sentences). Everything else (language, criteria and items listed, problem codes, Dutch sentences,
notes) is under the single extra key "details", and only when asked for.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from a11ycheck.statements.grading import StatementGrade, grade_statement
from a11ycheck.statements.reading import StatementReading


@dataclass(frozen=True)
class StatementAssessment:
    """A reading, whether the statement is linked from the home page (None: unknown), and its grade."""

    reading: StatementReading
    linked_from_home: bool | None
    grade: StatementGrade

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        """The export's `statement` object; with details=True also a "details" object (see the module)."""
        reading = self.reading
        statement: dict[str, Any] = {
            "url": reading.url,
            "is_statement": reading.is_statement,
            "status": reading.status,
            "standard": reading.standard,
            "prepared_on": reading.prepared_on.isoformat() if reading.prepared_on else None,
            "reviewed_on": reading.reviewed_on.isoformat() if reading.reviewed_on else None,
            "method": reading.method,
            "feedback": list(reading.feedback),
            "enforcement": reading.enforcement,
            "non_accessible_content": reading.non_accessible_content,
            "linked_from_home": self.linked_from_home,
            "grade": self.grade.grade,
            "problems": [found.english for found in self.grade.problems],
        }
        if details:
            statement["details"] = self.details()
        return statement

    def details(self) -> dict[str, Any]:
        """What the reading and grading found beyond the export's fields (for the report and `check`)."""
        reading = self.reading
        return {
            "language": reading.language,
            "title": reading.title,
            "names_itself": reading.names_itself,
            "parts": list(reading.parts),
            "w3c_markup": reading.w3c_markup,
            "truncated": reading.truncated,
            "prepared_month": reading.prepared_month,
            "reviewed_month": reading.reviewed_month,
            "dates_that_do_not_exist": list(reading.dates_that_do_not_exist),
            "non_accessible_criteria": list(reading.non_accessible_criteria),
            "non_accessible_items": list(reading.non_accessible_items),
            "reasons_given": reading.reasons_given,
            "alternatives": reading.alternatives,
            "problem_codes": [found.code for found in self.grade.problems],
            "problems_nl": [found.dutch for found in self.grade.problems],
            "notes": [found.english for found in self.grade.notes],
            "notes_nl": [found.dutch for found in self.grade.notes],
        }


def assess_statement(
    reading: StatementReading, today: date, linked_from_home: bool | None
) -> StatementAssessment:
    """Grade a reading as of `today`; linked_from_home None (unknown) leaves link placement out of it."""
    return StatementAssessment(reading, linked_from_home, grade_statement(reading, today, linked_from_home))
