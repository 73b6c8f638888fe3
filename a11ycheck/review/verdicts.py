"""The words of a review: what axe said about a page and a criterion, what the advisor said, and what both
mean for the criterion. They are the values written in review files, JSON and CSV, so they never change.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from a11ycheck.vocabulary.criteria import is_criterion

# A verdict on one page and one criterion, from axe or from a person.
PASSED = "passed"
FAILED = "failed"
NOT_APPLICABLE = "not-applicable"
NEEDS_REVIEW = "needs-review"  # axe was unsure; in a review file: not tested yet
MANUAL_VERDICTS = (PASSED, FAILED, NOT_APPLICABLE)
AUTOMATED_VERDICTS = (FAILED, NEEDS_REVIEW)

# A page's result for a criterion once both are known, and a criterion's outcome over the sample.
NOT_TESTED = "not-tested"
CONFORMANT = "conformant"
NOT_CONFORMANT = "not-conformant"
OUTCOMES = (CONFORMANT, NOT_CONFORMANT, NOT_APPLICABLE, NOT_TESTED)


@dataclass(frozen=True)
class AutomatedResult:
    """What axe found on a page for a criterion: `failed` (a violation) or `needs-review` (axe could not
    decide), with the axe rules that said so."""

    verdict: str
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class ManualVerdict:
    """An advisor's verdict on a page and a criterion: passed, failed, not-applicable, or None when not
    tested; `line` is where it was read in a review file."""

    page_url: str
    criterion: str
    verdict: str | None
    note: str = ""
    line: int | None = None


AutomatedResults = dict[tuple[str, str], AutomatedResult]


def automated_results(
    violations: Iterable[tuple[str, str, Iterable[str]]],
    needs_review: Iterable[tuple[str, str, Iterable[str]]] = (),
) -> AutomatedResults:
    """(page URL, criterion) -> AutomatedResult from axe's findings given as (page URL, axe rule, WCAG
    criteria of the rule). A violation wins over needs-review; criteria outside the 50 are left out
    (best practices, WCAG 2.2's new ones, AAA)."""
    rules: dict[tuple[str, str], dict[str, set[str]]] = {}
    for verdict, findings in ((FAILED, violations), (NEEDS_REVIEW, needs_review)):
        for page_url, rule, criteria in findings:
            for criterion in criteria:
                if is_criterion(criterion):
                    rules.setdefault((page_url, criterion), {}).setdefault(verdict, set()).add(rule)
    results: AutomatedResults = {}
    for key, by_verdict in sorted(rules.items()):
        verdict = FAILED if FAILED in by_verdict else NEEDS_REVIEW
        results[key] = AutomatedResult(verdict, tuple(sorted(by_verdict[verdict])))
    return results
