"""Measured KPIs: the values of an organisation's latest audits, one formula per KPI.

The audits are the latest completed crawl of each of the organisation's sites (`Site.organisation`), as of a
given day, with their pages pooled; only pages with status "ok" (actually audited) count.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from a11ycheck.audit.results import OK
from a11ycheck.charters.charter import MeasuredKpi
from a11ycheck.charters.kpis import (
    ACCESSIBILITY_SCORE,
    ACCESSIBILITY_STATEMENT,
    PAGES_FAILING_CRITERION,
    PAGES_FAILING_RULE,
    PAGES_WITHOUT_SERIOUS_SHARE,
    WCAG_VIOLATIONS_PER_PAGE,
    round_half_up,
)
from a11ycheck.models import Page, Run, Site, Violation
from a11ycheck.store import Store

WCAG_21_LEVELS = frozenset({"A", "AA"})
WCAG_21_VERSIONS = frozenset({"2.0", "2.1"})  # 2.2-only rules are not required by the EU directive
SERIOUS_IMPACTS = frozenset({"serious", "critical"})
IMPACT_WEIGHTS = {"critical": 10, "serious": 5, "moderate": 2, "minor": 1}
UNKNOWN_IMPACT_WEIGHT = 1  # axe gives every violation an impact; an unknown one counts as minor
STATEMENT_WORDS = ("toegankelijkheid", "accessibility")  # also matches toegankelijkheidsverklaring


@dataclass(frozen=True)
class FoundViolation:
    rule: str
    impact: str | None
    level: str
    wcag_version: str | None
    criteria: tuple[str, ...]

    @property
    def is_wcag21_a_or_aa(self) -> bool:
        return self.level in WCAG_21_LEVELS and self.wcag_version in WCAG_21_VERSIONS


@dataclass(frozen=True)
class AuditedPage:
    url: str
    title: str | None
    violations: tuple[FoundViolation, ...]


@dataclass(frozen=True)
class AuditSnapshot:
    """The pooled audited pages of an organisation's latest completed crawls."""

    run_ids: tuple[int, ...]
    pages: tuple[AuditedPage, ...]
    measured_at: datetime | None  # when the most recent of those runs finished


def latest_completed_runs(store: Store, organisation: str, as_of: date) -> list[Run]:
    """Per site of the organisation, its crawl that finished last on or before `as_of` (UTC day)."""
    with store.session() as session:
        runs = (
            session.exec(
                select(Run)
                .join(Site, Run.site_id == Site.id)
                .where(Site.organisation == organisation, Run.kind == "crawl", Run.status == "completed")
            )
            .scalars()
            .all()
        )
    latest: dict[int, Run] = {}
    for run in runs:
        finished = _utc(run.finished_at)
        if finished is None or finished.date() > as_of:
            continue
        current = latest.get(run.site_id)
        if current is None or (finished, run.id) > (_utc(current.finished_at), current.id):
            latest[run.site_id] = run
    return sorted(latest.values(), key=lambda run: run.id)


def audit_snapshot(store: Store, organisation: str, as_of: date) -> AuditSnapshot:
    """What the KPIs of `organisation` are computed from, as of the end of `as_of`."""
    runs = latest_completed_runs(store, organisation, as_of)
    run_ids = tuple(run.id for run in runs)
    if not run_ids:
        return AuditSnapshot((), (), None)
    with store.session() as session:
        pages = session.exec(
            select(Page.id, Page.url, Page.title)
            .where(Page.run_id.in_(run_ids), Page.status == OK)
            .order_by(Page.id)
        ).all()
        rows = session.exec(
            select(
                Violation.page_id,
                Violation.rule,
                Violation.impact,
                Violation.level,
                Violation.wcag_version,
                Violation.wcag,
            )
            .join(Page, Violation.page_id == Page.id)
            .where(Page.run_id.in_(run_ids), Page.status == OK)
            .order_by(Violation.id)
        ).all()
    found: dict[int, list[FoundViolation]] = {}
    for page_id, rule, impact, level, wcag_version, wcag in rows:
        criteria = tuple(c for c in (wcag or "").split(",") if c)
        found.setdefault(page_id, []).append(FoundViolation(rule, impact, level, wcag_version, criteria))
    audited = tuple(AuditedPage(url, title, tuple(found.get(page_id, ()))) for page_id, url, title in pages)
    measured_at = max(_utc(run.finished_at) for run in runs)
    return AuditSnapshot(run_ids, audited, measured_at)


def kpi_value(snapshot: AuditSnapshot, kpi: MeasuredKpi) -> float | None:
    """The KPI's value on these pages, rounded to the KPI's decimals; None when no page was audited."""
    if not snapshot.pages:
        return None
    value = FORMULAS[kpi.kpi](snapshot.pages, kpi)
    return round_half_up(value, kpi.decimals)


def wcag_violations_per_page(pages: tuple[AuditedPage, ...], _kpi: MeasuredKpi) -> float:
    """WCAG 2.1 A/AA violations (one per failing rule per page) divided by the audited pages."""
    return sum(v.is_wcag21_a_or_aa for page in pages for v in page.violations) / len(pages)


def pages_without_serious_share(pages: tuple[AuditedPage, ...], _kpi: MeasuredKpi) -> float:
    """Percentage of audited pages with no serious or critical violation of any rule."""
    clean = sum(all(v.impact not in SERIOUS_IMPACTS for v in page.violations) for page in pages)
    return 100 * clean / len(pages)


def pages_failing_rule(pages: tuple[AuditedPage, ...], kpi: MeasuredKpi) -> float:
    return sum(any(v.rule == kpi.rule for v in page.violations) for page in pages)


def pages_failing_criterion(pages: tuple[AuditedPage, ...], kpi: MeasuredKpi) -> float:
    return sum(any(kpi.criterion in v.criteria for v in page.violations) for page in pages)


def accessibility_statement(pages: tuple[AuditedPage, ...], _kpi: MeasuredKpi) -> float:
    """1 when an audited page's URL or title names accessibility (toegankelijkheid...), else 0."""
    return float(any(_is_statement(page) for page in pages))


def accessibility_score(pages: tuple[AuditedPage, ...], _kpi: MeasuredKpi) -> float:
    """Mean over audited pages of max(0, 100 - the impact weights of the rules failing on the page)."""
    return sum(_page_score(page) for page in pages) / len(pages)


def _page_score(page: AuditedPage) -> float:
    penalty = sum(IMPACT_WEIGHTS.get(v.impact or "", UNKNOWN_IMPACT_WEIGHT) for v in page.violations)
    return max(0, 100 - penalty)


def _is_statement(page: AuditedPage) -> bool:
    text = f"{page.url} {page.title or ''}".lower()
    return any(word in text for word in STATEMENT_WORDS)


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


FORMULAS: dict[str, Callable[[tuple[AuditedPage, ...], MeasuredKpi], float]] = {
    WCAG_VIOLATIONS_PER_PAGE: wcag_violations_per_page,
    PAGES_WITHOUT_SERIOUS_SHARE: pages_without_serious_share,
    PAGES_FAILING_RULE: pages_failing_rule,
    PAGES_FAILING_CRITERION: pages_failing_criterion,
    ACCESSIBILITY_STATEMENT: accessibility_statement,
    ACCESSIBILITY_SCORE: accessibility_score,
}
