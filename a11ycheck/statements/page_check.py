"""One page checked on its own (`a11ycheck statement check URL`), and statements written out as text.

A page checked on its own has no crawl around it: whether the site links to it from its home page is not
known, so `linked_from_home` is null and link placement does not weigh in the grade; the object says so in
its `notes`.
"""

from datetime import date
from typing import Any

from a11ycheck.errors import UserError
from a11ycheck.statements.assessment import assess_statement
from a11ycheck.statements.reading import read_statement
from a11ycheck.vocabulary.results import RenderedPage
from a11ycheck.vocabulary.statuses import OK

FIELDS = (
    "url",
    "is_statement",
    "status",
    "standard",
    "prepared_on",
    "reviewed_on",
    "method",
    "feedback",
    "enforcement",
    "non_accessible_content",
    "linked_from_home",
    "grade",
)


def check_rendered_page(page: RenderedPage, today: date) -> dict[str, Any]:
    """The export's `statement` object for a rendered page, plus its `notes`; a UserError when the page
    could not be loaded (its status says why)."""
    if page.status != OK:
        reason = page.error or page.status
        raise UserError(f"cannot read {page.url} ({reason}): check the address and that the page is up")
    reading = read_statement(page.html, page.final_url or page.url)
    assessment = assess_statement(reading, today, linked_from_home=None)
    return {**assessment.to_dict(), "notes": [note.english for note in assessment.grade.notes]}


def statement_lines(statement: dict[str, Any]) -> list[str]:
    """A statement object (the export's, or check's with notes) as aligned `field: value` lines."""
    lines = [f"{name + ':':<24}{_value(statement.get(name))}" for name in FIELDS]
    problems = statement.get("problems") or []
    lines.append(f"{'problems:':<24}{'none' if not problems else ''}".rstrip())
    lines += [f"  - {problem}" for problem in problems]
    lines += [f"note: {note}" for note in statement.get("notes") or []]
    return lines


def _value(value: Any) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "none"
    return str(value)
