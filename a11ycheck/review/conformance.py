"""The conformance table of a site: for each of the 50 WCAG 2.1 A/AA criteria, what axe and the advisor
said over the sampled pages, and the outcome.

A page's result for a criterion (docs/review.md, "Conformance rules"):
- the advisor's `failed` is a failure;
- axe's failure is a failure, unless the advisor set the page to passed or not-applicable *with a note*
  (axe can be wrong, but overriding it must say why);
- otherwise the advisor's passed or not-applicable stands;
- otherwise (axe unsure, or nothing known) the page is not tested: axe finding nothing proves nothing.
A criterion is not-conformant when a page fails it, not-tested when a page was not tested, not-applicable
when it applies to no page, and conformant otherwise.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from a11ycheck.review.verdicts import (
    CONFORMANT,
    FAILED,
    NEEDS_REVIEW,
    NOT_APPLICABLE,
    NOT_CONFORMANT,
    NOT_TESTED,
    OUTCOMES,
    PASSED,
    AutomatedResult,
    ManualVerdict,
)
from a11ycheck.vocabulary.criteria import WCAG21_AA, Criterion

CONFORMANCE_CSV_COLUMNS = (
    "criterion",
    "level",
    "name_nl",
    "name_en",
    "automated",
    "manual",
    "outcome",
    "pages_tested",
    "pages",
    "failing_pages",
)


@dataclass(frozen=True)
class PageOutcome:
    """One page's result for one criterion and what it came from."""

    url: str
    result: str  # passed, failed, not-applicable, not-tested
    automated: str | None = None
    rules: tuple[str, ...] = ()
    manual: str | None = None
    note: str = ""


@dataclass(frozen=True)
class CriterionConformance:
    """A criterion over the sample: axe's verdict (failed, needs-review or None) and the advisor's (failed,
    passed, not-applicable or None) summed up over the pages, the outcome, and every page's result."""

    criterion: Criterion
    automated: str | None
    manual: str | None
    outcome: str
    pages: tuple[PageOutcome, ...]

    @property
    def failing_pages(self) -> tuple[PageOutcome, ...]:
        return tuple(page for page in self.pages if page.result == FAILED)

    @property
    def pages_tested(self) -> int:
        return sum(page.result != NOT_TESTED for page in self.pages)


@dataclass(frozen=True)
class ConformanceTable:
    """The 50 criteria in numeric order over the sampled `pages`."""

    pages: tuple[str, ...]
    criteria: tuple[CriterionConformance, ...]

    @property
    def all_evaluated(self) -> bool:
        """Whether every criterion has an outcome other than not-tested."""
        return all(row.outcome != NOT_TESTED for row in self.criteria)

    def with_outcome(self, outcome: str) -> tuple[CriterionConformance, ...]:
        return tuple(row for row in self.criteria if row.outcome == outcome)

    @property
    def failing(self) -> dict[str, tuple[str, ...]]:
        """Criterion number -> the pages that fail it, for the not-conformant criteria."""
        return {
            row.criterion.number: tuple(p.url for p in row.failing_pages)
            for row in self.criteria
            if row.failing_pages
        }

    def counts(self) -> dict[str, int]:
        return {outcome: len(self.with_outcome(outcome)) for outcome in OUTCOMES}

    def to_dict(self) -> dict:
        return {
            "all_evaluated": self.all_evaluated,
            "counts": self.counts(),
            "pages": list(self.pages),
            "criteria": [
                {
                    "criterion": row.criterion.number,
                    "level": row.criterion.level,
                    "name": {"nl": row.criterion.name_nl, "en": row.criterion.name_en},
                    "automated": row.automated,
                    "manual": row.manual,
                    "outcome": row.outcome,
                    "pages_tested": row.pages_tested,
                    "failing_pages": [
                        {"url": page.url, "rules": list(page.rules), "note": page.note}
                        for page in row.failing_pages
                    ],
                }
                for row in self.criteria
            ],
        }

    def csv_rows(self) -> list[dict[str, str]]:
        """One row per criterion with CONFORMANCE_CSV_COLUMNS; failing pages separated by spaces."""
        return [
            {
                "criterion": row.criterion.number,
                "level": row.criterion.level,
                "name_nl": row.criterion.name_nl,
                "name_en": row.criterion.name_en,
                "automated": row.automated or "",
                "manual": row.manual or "",
                "outcome": row.outcome,
                "pages_tested": str(row.pages_tested),
                "pages": str(len(row.pages)),
                "failing_pages": " ".join(page.url for page in row.failing_pages),
            }
            for row in self.criteria
        ]


def conformance_table(
    pages: Sequence[str],
    automated: Mapping[tuple[str, str], AutomatedResult],
    manual: Iterable[ManualVerdict] = (),
) -> ConformanceTable:
    """The table for the sampled `pages` from axe's results and the advisor's verdicts (the latest for a
    page and criterion wins; verdicts on pages outside `pages` are ignored)."""
    pages = tuple(dict.fromkeys(pages))
    by_key = {(verdict.page_url, verdict.criterion): verdict for verdict in manual}
    rows = []
    for item in WCAG21_AA:
        outcomes = tuple(
            _page_outcome(url, automated.get((url, item.number)), by_key.get((url, item.number)))
            for url in pages
        )
        rows.append(
            CriterionConformance(
                criterion=item,
                automated=_summary((page.automated for page in outcomes), (FAILED, NEEDS_REVIEW)),
                manual=_manual_summary(outcomes),
                outcome=_outcome(outcomes),
                pages=outcomes,
            )
        )
    return ConformanceTable(pages, tuple(rows))


def _page_outcome(url: str, found: AutomatedResult | None, verdict: ManualVerdict | None) -> PageOutcome:
    said = verdict.verdict if verdict else None
    note = verdict.note.strip() if verdict else ""
    axe = found.verdict if found else None
    rules = found.rules if found else ()
    if said == FAILED:
        result = FAILED
    elif axe == FAILED and not (said in (PASSED, NOT_APPLICABLE) and note):
        result = FAILED
    elif said in (PASSED, NOT_APPLICABLE):
        result = said
    else:
        result = NOT_TESTED
    return PageOutcome(url, result, axe, rules, said, note)


def _outcome(pages: Sequence[PageOutcome]) -> str:
    results = {page.result for page in pages}
    if FAILED in results:
        return NOT_CONFORMANT
    if not pages or NOT_TESTED in results:
        return NOT_TESTED
    if results == {NOT_APPLICABLE}:
        return NOT_APPLICABLE
    return CONFORMANT


def _summary(values: Iterable[str | None], order: tuple[str, ...]) -> str | None:
    present = set(values)
    return next((value for value in order if value in present), None)


def _manual_summary(pages: Sequence[PageOutcome]) -> str | None:
    said = {page.manual for page in pages} - {None}
    if said == {NOT_APPLICABLE}:
        return NOT_APPLICABLE
    return _summary(said, (FAILED, PASSED))
