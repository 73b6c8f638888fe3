"""The counts every headline figure comes from, computed by the database for many runs at once: audited
pages, WCAG 2.1 A/AA findings, pages with serious findings. The charter KPIs wcag_violations_per_page and
pages_without_serious_share are formulas on these counts (`RunCounts`), and the report shows the same counts,
so a figure in the report and the charter status never disagree: there is one definition of each.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from a11ycheck.charters.kpis import PAGES_WITHOUT_SERIOUS_SHARE, WCAG_VIOLATIONS_PER_PAGE
from a11ycheck.models import Page, Violation
from a11ycheck.vocabulary.statuses import OK
from a11ycheck.vocabulary.wcag import ADVICE_LEVELS, SERIOUS_IMPACTS, WCAG_21_LEVELS, WCAG_21_VERSIONS

# A finding (one rule failing on one page) that counts as a WCAG 2.1 A/AA failure, as advice, as serious.
IS_WCAG = Violation.level.in_(sorted(WCAG_21_LEVELS)) & Violation.wcag_version.in_(sorted(WCAG_21_VERSIONS))
IS_ADVICE = Violation.level.in_(ADVICE_LEVELS)
IS_SERIOUS = Violation.impact.in_(sorted(SERIOUS_IMPACTS))  # of any rule, best practice included


@dataclass(frozen=True)
class RunCounts:
    """Page and finding counts of one run, or summed over several (an organisation's sites)."""

    pages: int = 0
    audited: int = 0
    wcag_findings: int = 0  # a WCAG 2.1 A/AA rule failing on an audited page, counted once per page
    advice_findings: int = 0  # best-practice and experimental rules failing on a page
    serious_pages: int = 0  # audited pages where any rule fails with serious or critical impact

    def __add__(self, other: "RunCounts") -> "RunCounts":
        return RunCounts(
            self.pages + other.pages,
            self.audited + other.audited,
            self.wcag_findings + other.wcag_findings,
            self.advice_findings + other.advice_findings,
            self.serious_pages + other.serious_pages,
        )

    @property
    def findings_per_page(self) -> float | None:
        """The KPI wcag_violations_per_page: WCAG 2.1 A/AA findings per audited page."""
        return self.wcag_findings / self.audited if self.audited else None

    @property
    def percent_without_serious(self) -> float | None:
        """The KPI pages_without_serious_share: 0-100, the share of audited pages without a serious or
        critical finding of any rule."""
        return 100 * (self.audited - self.serious_pages) / self.audited if self.audited else None


def run_counts(connection: Connection, run_ids: Sequence[int] | None = None) -> dict[int, RunCounts]:
    """Counts per run in two grouped scans (pages; violations), for all runs or the ones given."""
    pages = select(Page.run_id, func.count(), func.sum(case((Page.status == OK, 1), else_=0))).group_by(
        Page.run_id
    )
    findings = (
        select(
            Page.run_id,
            func.sum(case((IS_WCAG, 1), else_=0)),
            func.sum(case((IS_ADVICE, 1), else_=0)),
            func.count(func.distinct(case((IS_SERIOUS, Violation.page_id)))),
        )
        .join(Page, Page.id == Violation.page_id)
        .where(Page.status == OK)
        .group_by(Page.run_id)
    )
    if run_ids is not None:
        pages = pages.where(Page.run_id.in_(list(run_ids)))
        findings = findings.where(Page.run_id.in_(list(run_ids)))
    page_totals = {run_id: (total, audited or 0) for run_id, total, audited in connection.execute(pages)}
    finding_totals = {row[0]: row[1:] for row in connection.execute(findings)}
    counts = {}
    for run_id, (total, audited) in page_totals.items():
        wcag, advice, serious = finding_totals.get(run_id, (0, 0, 0))
        counts[run_id] = RunCounts(total, audited, wcag or 0, advice or 0, serious or 0)
    return counts


def counted_kpi_value(kpi: str, counts: RunCounts) -> float | None:
    """The value of a KPI that is a formula on the counts; None for other KPIs or without audited pages."""
    if kpi == WCAG_VIOLATIONS_PER_PAGE:
        return counts.findings_per_page
    if kpi == PAGES_WITHOUT_SERIOUS_SHARE:
        return counts.percent_without_serious
    return None


def is_counted_kpi(kpi: str) -> bool:
    return kpi in (WCAG_VIOLATIONS_PER_PAGE, PAGES_WITHOUT_SERIOUS_SHARE)
