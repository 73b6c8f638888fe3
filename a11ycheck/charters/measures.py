"""Measured KPIs: the values of an organisation's latest audits, one formula per KPI.

The audits are the latest completed crawl of each of the organisation's sites (`Site.organisation`), as of a
given day, with their pages pooled; only pages with status "ok" (actually audited) count. The statement KPIs
read the statement each of those crawls found, read and graded (a11ycheck/statements/); the documents KPIs
count the documents of those crawls that checked documents (document_tallies.py).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from a11ycheck.charters.charter import MeasuredKpi
from a11ycheck.charters.document_tallies import (
    DocumentCounts,
    document_counts,
    document_kpi_value,
    is_document_kpi,
)
from a11ycheck.charters.kpis import (
    ACCESSIBILITY_SCORE,
    ACCESSIBILITY_STATEMENT,
    FLESCH_DOUMA_MEDIAN,
    PAGES_FAILING_CRITERION,
    PAGES_FAILING_RULE,
    PLAIN_LANGUAGE_B1_SHARE,
    STATEMENT_GRADE,
    round_half_up,
)
from a11ycheck.charters.queries import audited_pages, completed_crawls
from a11ycheck.charters.tallies import RunCounts, counted_kpi_value, is_counted_kpi, run_counts
from a11ycheck.language.queries import Readability, readability
from a11ycheck.models import Run, as_utc
from a11ycheck.statements.queries import statements_of_runs
from a11ycheck.store import Store

IMPACT_WEIGHTS = {"critical": 10, "serious": 5, "moderate": 2, "minor": 1}
UNKNOWN_IMPACT_WEIGHT = 1  # axe gives every violation an impact; an unknown one counts as minor
GRADE_POINTS = {"A": 5, "B": 4, "C": 3, "D": 2, "E": 1}  # statement_grade; no statement found: E (1)


@dataclass(frozen=True)
class FoundViolation:
    rule: str
    impact: str | None
    level: str
    wcag_version: str | None
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class AuditedPage:
    url: str
    title: str | None
    violations: tuple[FoundViolation, ...]


@dataclass(frozen=True)
class SiteStatement:
    """What a crawl found of its site's statement: read as one or not, and its grade (None: no candidate)."""

    run_id: int
    is_statement: bool
    grade: str | None


@dataclass(frozen=True)
class AuditSnapshot:
    """The pooled audited pages of an organisation's latest completed crawls."""

    run_ids: tuple[int, ...]
    pages: tuple[AuditedPage, ...]
    measured_at: datetime | None  # when the most recent of those runs finished
    counts: RunCounts = RunCounts()  # the runs' counts summed (charters/tallies.py)
    # The statements those crawls found; a crawl made before statements were read has none
    statements: tuple[SiteStatement, ...] = ()
    documents: DocumentCounts | None = None  # of the runs that checked documents; None: none did
    readability: Readability = Readability()  # how their pages read (a11ycheck/language/queries.py)


def latest_completed_runs(store: Store, organisation: str, as_of: date) -> list[Run]:
    """Per site of the organisation, its crawl that finished last on or before `as_of` (UTC day)."""
    runs = completed_crawls(store, organisation)
    latest: dict[int, Run] = {}
    for run in runs:
        if run.finished_at is None or as_utc(run.finished_at).date() > as_of:
            continue
        current = latest.get(run.site_id)
        if current is None or (as_utc(run.finished_at), run.id) > (as_utc(current.finished_at), current.id):
            latest[run.site_id] = run
    return sorted(latest.values(), key=lambda run: run.id)


def audit_snapshot(store: Store, organisation: str, as_of: date) -> AuditSnapshot:
    """What the KPIs of `organisation` are computed from, as of the end of `as_of`."""
    runs = latest_completed_runs(store, organisation, as_of)
    run_ids = tuple(run.id for run in runs)
    if not run_ids:
        return AuditSnapshot((), (), None)
    pages, rows = audited_pages(store, run_ids)
    found: dict[int, list[FoundViolation]] = {}
    for page_id, rule, impact, level, wcag_version, wcag in rows:
        criteria = tuple(c for c in (wcag or "").split(",") if c)
        found.setdefault(page_id, []).append(FoundViolation(rule, impact, level, wcag_version, criteria))
    audited = tuple(AuditedPage(url, title, tuple(found.get(page_id, ()))) for page_id, url, title in pages)
    measured_at = max(as_utc(run.finished_at) for run in runs)
    checked_documents = [run.id for run in runs if _checked_documents(run)]
    documents = None
    with store.engine.connect() as connection:
        counts = sum(run_counts(connection, run_ids).values(), RunCounts())
        if checked_documents:
            found_documents = document_counts(connection, checked_documents).values()
            documents = sum(found_documents, DocumentCounts())
        read = readability(connection, run_ids)
    statements = tuple(
        SiteStatement(row.run_id, row.is_statement, row.grade)
        for row in sorted(statements_of_runs(store, run_ids).values(), key=lambda row: row.run_id)
    )
    return AuditSnapshot(run_ids, audited, measured_at, counts, statements, documents, read)


def kpi_value(snapshot: AuditSnapshot, kpi: MeasuredKpi) -> float | None:
    """The KPI's value on these pages, rounded to the KPI's decimals; None when no page was audited (for the
    statement KPIs: when none of the crawls has a statement check; for the documents KPIs: when none
    checked documents)."""
    if kpi.kpi in STATEMENT_FORMULAS:
        statements = snapshot.statements
        return round_half_up(STATEMENT_FORMULAS[kpi.kpi](statements), kpi.decimals) if statements else None
    if is_document_kpi(kpi.kpi):
        value = document_kpi_value(kpi.kpi, snapshot.documents)
        return None if value is None else round_half_up(value, kpi.decimals)
    if not snapshot.pages:
        return None
    if is_counted_kpi(kpi.kpi):
        value = counted_kpi_value(kpi.kpi, snapshot.counts)
    elif kpi.kpi in READABILITY_FORMULAS:
        value = READABILITY_FORMULAS[kpi.kpi](snapshot.readability)
    else:
        value = FORMULAS[kpi.kpi](snapshot.pages, kpi)
    return None if value is None else round_half_up(value, kpi.decimals)


def pages_failing_rule(pages: tuple[AuditedPage, ...], kpi: MeasuredKpi) -> float:
    return sum(any(v.rule == kpi.rule for v in page.violations) for page in pages)


def pages_failing_criterion(pages: tuple[AuditedPage, ...], kpi: MeasuredKpi) -> float:
    return sum(any(kpi.criterion in v.criteria for v in page.violations) for page in pages)


def accessibility_statement(statements: tuple[SiteStatement, ...]) -> float:
    """1 when the latest crawl of every site found a statement and read it as one, else 0."""
    return float(all(statement.is_statement for statement in statements))


def statement_grade(statements: tuple[SiteStatement, ...]) -> float:
    """The worst of the sites' statement grades, A=5 ... E=1; a site without a statement counts as E."""
    return float(min(GRADE_POINTS.get(s.grade or "E", 1) if s.is_statement else 1 for s in statements))


def accessibility_score(pages: tuple[AuditedPage, ...], _kpi: MeasuredKpi) -> float:
    """Mean over audited pages of max(0, 100 - the impact weights of the rules failing on the page)."""
    return sum(_page_score(page) for page in pages) / len(pages)


def _page_score(page: AuditedPage) -> float:
    penalty = sum(IMPACT_WEIGHTS.get(v.impact or "", UNKNOWN_IMPACT_WEIGHT) for v in page.violations)
    return max(0, 100 - penalty)


def _checked_documents(run: Run) -> bool:
    """Whether the crawl downloaded and checked documents (its settings say so; older crawls did not)."""
    try:
        return bool(json.loads(run.options).get("documents"))
    except (ValueError, AttributeError):
        return False


# The KPIs that are formulas on each audited page; the two headline KPIs are formulas on counts (tallies.py).
FORMULAS: dict[str, Callable[[tuple[AuditedPage, ...], MeasuredKpi], float]] = {
    PAGES_FAILING_RULE: pages_failing_rule,
    PAGES_FAILING_CRITERION: pages_failing_criterion,
    ACCESSIBILITY_SCORE: accessibility_score,
}
# The KPIs that are formulas on the statements the crawls found (a11ycheck/statements/).
STATEMENT_FORMULAS: dict[str, Callable[[tuple[SiteStatement, ...]], float]] = {
    ACCESSIBILITY_STATEMENT: accessibility_statement,
    STATEMENT_GRADE: statement_grade,
}


# The plain-language KPIs: formulas on how the pages read, over the Dutch pages with a level; None (no data)
# when none has one.
READABILITY_FORMULAS: dict[str, Callable[[Readability], float | None]] = {
    PLAIN_LANGUAGE_B1_SHARE: lambda read: read.percent_b1_or_easier,
    FLESCH_DOUMA_MEDIAN: lambda read: read.flesch_douma_median,
}
