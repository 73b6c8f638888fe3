"""A statement held against what the audit measured: where the two cannot both be true.

  - full-compliance-claimed: the statement claims full compliance while pages fail WCAG 2.1 A/AA;
  - nothing-listed: it claims partial, no or no known compliance, lists no non-accessible content, and
    pages fail;
  - criteria-not-listed: it names success criteria in its non-accessible content, and criteria the audit
    found failing are not among them. A statement that lists content without naming any criterion is not
    compared (the words cannot be matched to rules reliably).
Criteria listed but not found failing are no contradiction: automated tests find only part of the failures.
The caller passes the counts of its own measure (pages with WCAG 2.1 A/AA failures, and those criteria).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from a11ycheck.statements.compliance import FULL
from a11ycheck.statements.reading import StatementReading
from a11ycheck.statements.wcag import SUCCESS_CRITERIA, criterion_order

FULL_COMPLIANCE_CLAIMED = "full-compliance-claimed"
NOTHING_LISTED = "nothing-listed"
CRITERIA_NOT_LISTED = "criteria-not-listed"


@dataclass(frozen=True)
class Contradiction:
    """A contradiction between statement and audit, in plain English and Dutch, and the criteria at stake."""

    code: str
    english: str
    dutch: str
    criteria: tuple[str, ...] = ()


def _pages(count: int) -> tuple[str, str]:
    return (f"{count} page" if count == 1 else f"{count} pages"), (
        f"{count} pagina" if count == 1 else f"{count} pagina's"
    )


def contradictions(
    reading: StatementReading, wcag_failing_pages: int, failing_criteria: Iterable[str]
) -> list[Contradiction]:
    """What the statement says that the audit contradicts (see the module's docstring); [] if no statement."""
    if not reading.is_statement:
        return []
    failing = sorted(
        {c.strip() for c in failing_criteria if c.strip() in SUCCESS_CRITERIA}, key=criterion_order
    )
    pages_en, pages_nl = _pages(wcag_failing_pages)
    found = []
    if reading.status == FULL and wcag_failing_pages > 0:
        found.append(
            Contradiction(
                FULL_COMPLIANCE_CLAIMED,
                f"claims full compliance; {pages_en} with WCAG 2.1 A/AA failures",
                f"meldt volledige naleving; {pages_nl} met WCAG 2.1 A/AA-fouten",
                tuple(failing),
            )
        )
    elif not reading.non_accessible_content and wcag_failing_pages > 0:
        found.append(
            Contradiction(
                NOTHING_LISTED,
                f"lists no non-accessible content; {pages_en} with WCAG 2.1 A/AA failures",
                f"somt geen niet-toegankelijke inhoud op; {pages_nl} met WCAG 2.1 A/AA-fouten",
                tuple(failing),
            )
        )
    listed = set(reading.non_accessible_criteria)
    missing = [criterion for criterion in failing if criterion not in listed]
    if listed and missing:
        names = ", ".join(missing)
        found.append(
            Contradiction(
                CRITERIA_NOT_LISTED,
                f"failing success criteria not listed as non-accessible content: {names}",
                f"falende succescriteria niet vermeld als niet-toegankelijke inhoud: {names}",
                tuple(missing),
            )
        )
    return found
