"""Accessibility statements: find a site's statement link, read the statement, grade it, and hold it
against what the audit measured. A pure library: it gets HTML and links, and returns dataclasses.

    candidates = find_statement_links([(text, accessible_name, href), ...])
    reading = read_statement(html, url)
    assessment = assess_statement(reading, today=date.today(), linked_from_home=True)
    assessment.to_dict()  # the export's `statement` object
    contradictions(reading, wcag_failing_pages=37, failing_criteria={"1.1.1", "1.4.3"})

docs/statements.md has the rules: how a statement is found, read and graded, and the limits.

What this package imports is the core: a pure library, no browser, database or CLI. The modules that wire it
into a11ycheck are imported by name where they are needed: link_collector.py (what each audited page
collects), observer.py (the page observer a crawl runs), site_check.py (the search at the end of a crawl),
queries.py and stored.py (the tables and the export's objects), page_check.py (`statement check`).
"""

from a11ycheck.statements.assessment import StatementAssessment, assess_statement
from a11ycheck.statements.compliance import FULL, NONE, PARTIAL, UNKNOWN
from a11ycheck.statements.contradictions import Contradiction, contradictions
from a11ycheck.statements.dates import parse_date
from a11ycheck.statements.grading import GRADES, StatementGrade, grade_statement
from a11ycheck.statements.links import (
    MIN_SCORE,
    StatementLinkCandidate,
    best_statement_link,
    find_statement_links,
)
from a11ycheck.statements.page_text import MAX_READ_BYTES
from a11ycheck.statements.preparation import SELF_ASSESSMENT, THIRD_PARTY, UNKNOWN_METHOD
from a11ycheck.statements.problems import SENTENCES, Problem, problem
from a11ycheck.statements.reading import StatementReading, read_statement

__all__ = [
    "FULL",
    "GRADES",
    "MAX_READ_BYTES",
    "MIN_SCORE",
    "NONE",
    "PARTIAL",
    "SELF_ASSESSMENT",
    "SENTENCES",
    "THIRD_PARTY",
    "UNKNOWN",
    "UNKNOWN_METHOD",
    "Contradiction",
    "Problem",
    "StatementAssessment",
    "StatementGrade",
    "StatementLinkCandidate",
    "StatementReading",
    "assess_statement",
    "best_statement_link",
    "contradictions",
    "find_statement_links",
    "grade_statement",
    "parse_date",
    "problem",
    "read_statement",
]
