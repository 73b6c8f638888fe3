"""A site's statement as stored (models.Statement) and as the export shows it.

`statement_row` turns the search's outcome (site_check.SiteStatement) into the row; `statement_object` gives
the export's `statement` object back from it, exactly the issue's fields (null when no candidate page was
found), and `statement_details` what else was stored: the share of pages linking to it, the contradictions
with the measurement, the reading's details and the candidates tried.
"""

import json
from datetime import datetime
from typing import Any

from a11ycheck.models import Statement
from a11ycheck.statements.site_check import SiteStatement


def statement_row(run_id: int, site_id: int | None, found: SiteStatement, checked_at: datetime) -> Statement:
    """The row that keeps `found` for the run (and its site)."""
    row = Statement(
        run_id=run_id,
        site_id=site_id,
        pages_linking=found.pages_linking,
        pages_audited=found.pages_audited,
        checked_at=checked_at,
        details=json.dumps({"candidates": found.candidates}),
    )
    if found.assessment is None or found.candidate is None:
        return row
    exported = found.assessment.to_dict(details=True)
    details = exported.pop("details")
    details.update(
        problems=exported["problems"],
        candidates=found.candidates,
        candidate={
            "href": found.candidate.href,
            "text": found.candidate.text,
            "score": found.candidate.score,
            "names_itself": found.candidate.names_itself,
        },
        attempts=[
            {
                "href": attempt.href,
                "status": attempt.status,
                "final_url": attempt.final_url,
                "error": attempt.error,
                "is_statement": attempt.is_statement,
            }
            for attempt in found.attempts
        ],
    )
    reading = found.assessment.reading
    row.url = reading.url
    row.is_statement = reading.is_statement
    row.status = reading.status
    row.standard = reading.standard[:40] if reading.standard else None  # the column's size
    row.prepared_on = reading.prepared_on
    row.reviewed_on = reading.reviewed_on
    row.method = reading.method
    row.feedback = json.dumps(list(reading.feedback))
    row.enforcement = reading.enforcement
    row.non_accessible_content = reading.non_accessible_content
    row.linked_from_home = found.assessment.linked_from_home
    row.grade = found.assessment.grade.grade
    row.problems = ",".join(problem.code for problem in found.assessment.grade.problems)
    row.contradictions = json.dumps(
        [
            {"code": c.code, "english": c.english, "dutch": c.dutch, "criteria": list(c.criteria)}
            for c in found.contradictions
        ]
    )
    row.details = json.dumps(details, ensure_ascii=False)
    return row


def statement_object(row: Statement | None) -> dict[str, Any] | None:
    """The export's `statement` object (StatementAssessment.to_dict's fields), or None when no candidate
    page was found or the run was never checked."""
    if row is None or row.url is None:
        return None
    return {
        "url": row.url,
        "is_statement": row.is_statement,
        "status": row.status,
        "standard": row.standard,
        "prepared_on": row.prepared_on.isoformat() if row.prepared_on else None,
        "reviewed_on": row.reviewed_on.isoformat() if row.reviewed_on else None,
        "method": row.method,
        "feedback": _json(row.feedback, []),
        "enforcement": row.enforcement,
        "non_accessible_content": row.non_accessible_content,
        "linked_from_home": row.linked_from_home,
        "grade": row.grade,
        "problems": [str(sentence) for sentence in details_of(row).get("problems", [])],
    }


def statement_details(row: Statement | None) -> dict[str, Any] | None:
    """What the export carries beside the `statement` object: where it is linked from, the contradictions
    with the measurement (English), the problem codes, the reading's details, the candidate read (the words
    that scored, its score) and the candidates tried; None when not checked."""
    if row is None:
        return None
    details = details_of(row)
    return {
        "checked_at": row.checked_at.isoformat(),
        "candidates_found": details.get("candidates", 0),
        "pages_linking": row.pages_linking,
        "pages_audited": row.pages_audited,
        "share_of_pages_linking": share_linking(row),
        "problem_codes": problem_codes(row),
        "contradictions": [
            {"code": c.get("code"), "text": c.get("english"), "criteria": c.get("criteria", [])}
            for c in contradictions(row)
        ],
        "reading": {
            key: details.get(key)
            for key in (
                "language",
                "title",
                "parts",
                "w3c_markup",
                "prepared_month",
                "reviewed_month",
                "dates_that_do_not_exist",
                "non_accessible_criteria",
                "non_accessible_items",
                "reasons_given",
                "alternatives",
                "truncated",
            )
            if key in details
        },
        "candidate": details.get("candidate"),
        "attempts": details.get("attempts", []),
    }


def share_linking(row: Statement) -> float | None:
    """The share (0-100) of the run's audited pages that link to the statement; None without pages."""
    return round(100 * row.pages_linking / row.pages_audited, 1) if row.pages_audited else None


def problem_codes(row: Statement) -> list[str]:
    return [code for code in row.problems.split(",") if code]


def contradictions(row: Statement) -> list[dict[str, Any]]:
    found = _json(row.contradictions, [])
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def details_of(row: Statement) -> dict[str, Any]:
    found = _json(row.details, {})
    return found if isinstance(found, dict) else {}


def _json(text: str | None, default: Any) -> Any:
    try:
        return json.loads(text) if text else default
    except ValueError:
        return default
