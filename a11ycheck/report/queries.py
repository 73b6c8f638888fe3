"""The report's reads: aggregates computed by the database (GROUP BY), details streamed one run at a time.

Nothing here loads every page of the database: the whole-database queries return one row per run, and
the per-page queries are bounded by one organisation's runs.
"""

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, case, func, literal, select
from sqlalchemy.engine import Connection

from a11ycheck.audit.results import OK
from a11ycheck.charters.measures import SERIOUS_IMPACTS, WCAG_21_LEVELS, WCAG_21_VERSIONS
from a11ycheck.models import Document, Page, Run, Site, Violation, ViolationNode

# The headline numbers are the charter KPIs wcag_violations_per_page and pages_without_serious_share
# (a11ycheck.charters.measures), computed here in SQL for every run at once; a test keeps the two equal.
WCAG_LEVELS = tuple(sorted(WCAG_21_LEVELS))  # A and AA; of WCAG 2.0/2.1, what the EU directive requires
ADVICE_LEVELS = ("best-practice", "experimental")

_is_wcag = Violation.level.in_(WCAG_LEVELS) & Violation.wcag_version.in_(sorted(WCAG_21_VERSIONS))
_is_advice = Violation.level.in_(ADVICE_LEVELS)
_is_serious = Violation.impact.in_(sorted(SERIOUS_IMPACTS))  # of any rule, best practice included


@dataclass(frozen=True)
class SiteRow:
    id: int
    host: str
    start_url: str
    organisation: str | None


@dataclass(frozen=True)
class RunRow:
    id: int
    site_id: int
    kind: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    axe_version: str


@dataclass(frozen=True)
class RunCounts:
    """Page and finding counts of one run, or summed over several (an organisation's sites)."""

    pages: int = 0
    audited: int = 0
    wcag_findings: int = 0  # a WCAG 2.1 A/AA rule failing on a page, counted once per page
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
        return self.wcag_findings / self.audited if self.audited else None

    @property
    def percent_without_serious(self) -> float | None:
        """0-100, computed as the charter KPI computes it (100 * clean / audited) so both round alike."""
        return 100 * (self.audited - self.serious_pages) / self.audited if self.audited else None


@dataclass(slots=True)  # built by the hundred thousand: slots, not frozen, is what keeps that cheap
class RuleCount:
    """One axe rule's findings in one run, split by the impact axe gave it."""

    run_id: int
    rule: str
    level: str
    wcag_version: str | None
    wcag: str
    impact: str | None
    help: str
    help_url: str
    findings: int
    elements: int


@dataclass(slots=True)  # built by the hundred thousand: slots, not frozen, is what keeps that cheap
class PageCount:
    """One page of a run with how many rules fail on it (WCAG 2.1 A/AA, advice, serious of any kind)."""

    id: int
    run_id: int
    url: str
    title: str | None
    status: str
    http_status: int | None
    error: str | None
    wcag_findings: int
    advice_findings: int
    serious_findings: int

    @property
    def label(self) -> str:
        """What a person calls the page: its title, or its URL when it has none."""
        return self.title.strip() if self.title and self.title.strip() else self.url


@dataclass(slots=True)  # built by the hundred thousand: slots, not frozen, is what keeps that cheap
class NodeRow:
    """One failing element with its rule, as streamed for the per-page pages."""

    page_id: int
    violation_id: int
    rule: str
    level: str
    wcag_version: str | None
    wcag: str
    impact: str | None
    help: str
    help_url: str
    target: str
    html: str
    failure_summary: str
    fingerprint: str

    @property
    def selector(self) -> str:
        """axe's selector path, frames joined by " >>> " as in the CSV export."""
        try:
            return " >>> ".join(map(str, json.loads(self.target)))
        except (ValueError, TypeError):
            return self.target


@dataclass(slots=True)  # built by the hundred thousand: slots, not frozen, is what keeps that cheap
class FingerprintRow:
    fingerprint: str
    rule: str
    level: str
    impact: str | None
    page_url: str
    html: str


@dataclass(frozen=True)
class DocumentRow:
    url: str
    content_type: str | None
    size: int | None
    http_status: int | None
    referrer: str | None


def sites(connection: Connection) -> list[SiteRow]:
    rows = connection.execute(select(Site.id, Site.host, Site.start_url, Site.organisation).order_by(Site.id))
    return [SiteRow(*row) for row in rows]


def runs(connection: Connection, site_ids: Sequence[int] | None = None) -> list[RunRow]:
    """Every run of a site (list audits without a site belong to no organisation), oldest first."""
    query = select(
        Run.id, Run.site_id, Run.kind, Run.status, Run.started_at, Run.finished_at, Run.axe_version
    ).where(Run.site_id.is_not(None))
    if site_ids is not None:
        query = query.where(Run.site_id.in_(list(site_ids)))
    return [RunRow(*row) for row in connection.execute(query.order_by(Run.started_at, Run.id))]


def run_counts(connection: Connection, run_ids: Sequence[int] | None = None) -> dict[int, RunCounts]:
    """Counts per run in two grouped scans (pages; violations), for all runs or the ones given."""
    pages = select(Page.run_id, func.count(), func.sum(case((Page.status == OK, 1), else_=0))).group_by(
        Page.run_id
    )
    findings = (
        select(
            Page.run_id,
            func.sum(case((_is_wcag, 1), else_=0)),
            func.sum(case((_is_advice, 1), else_=0)),
            func.count(func.distinct(case((_is_serious, Violation.page_id)))),
        )
        .join(Page, Page.id == Violation.page_id)
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


# A violation's failing elements, counted by index lookup: three times faster than joining the nodes and
# counting distinct violations.
_ELEMENTS = (
    select(func.count())
    .select_from(ViolationNode)
    .where(ViolationNode.violation_id == Violation.id)
    .correlate(Violation)
    .scalar_subquery()
)

_RULE_COUNTS = (
    select(
        Page.run_id,
        Violation.rule,
        Violation.level,
        Violation.wcag_version,
        Violation.wcag,
        Violation.impact,
        func.max(Violation.help),
        func.max(Violation.help_url),
        func.count(),
        func.sum(_ELEMENTS),
    )
    .join(Page, Page.id == Violation.page_id)
    .where(Page.run_id.in_(bindparam("run_ids", expanding=True)))
    .group_by(
        Page.run_id, Violation.rule, Violation.level, Violation.wcag_version, Violation.wcag, Violation.impact
    )
)


def rule_counts(connection: Connection, run_ids: Sequence[int]) -> list[RuleCount]:
    """Findings and failing elements per run and rule (and impact), for an organisation's runs."""
    return [RuleCount(*row) for row in connection.execute(_RULE_COUNTS, {"run_ids": list(run_ids)}).all()]


_PAGE_COUNTS = (
    select(
        Page.id,
        Page.run_id,
        Page.url,
        Page.title,
        Page.status,
        Page.http_status,
        Page.error,
        func.coalesce(func.sum(case((_is_wcag, 1), else_=0)), 0),
        func.coalesce(func.sum(case((_is_advice, 1), else_=0)), 0),
        func.coalesce(func.sum(case((_is_serious, 1), else_=0)), 0),
    )
    .outerjoin(Violation, Violation.page_id == Page.id)
    .where(Page.run_id.in_(bindparam("run_ids", expanding=True)))
    .group_by(Page.id)
    .order_by(Page.id)
)


def page_counts(connection: Connection, run_ids: Sequence[int]) -> dict[int, list[PageCount]]:
    """Every page of these runs (an organisation's) with its finding counts, per run, in audit order."""
    by_run: dict[int, list[PageCount]] = {run_id: [] for run_id in run_ids}
    for row in connection.execute(_PAGE_COUNTS, {"run_ids": list(run_ids)}).all():
        by_run[row[1]].append(PageCount(*row))
    return by_run


def nodes_of_run(connection: Connection, run_id: int) -> Iterator[NodeRow]:
    """Every failing element of a run, ordered by page, rule and element; streamed, never all in memory."""
    query = (
        select(
            Violation.page_id,
            Violation.id,
            Violation.rule,
            Violation.level,
            Violation.wcag_version,
            Violation.wcag,
            Violation.impact,
            Violation.help,
            Violation.help_url,
            func.coalesce(ViolationNode.target, literal("[]")),
            func.coalesce(ViolationNode.html, literal("")),
            func.coalesce(ViolationNode.failure_summary, literal("")),
            func.coalesce(ViolationNode.fingerprint, literal("")),
        )
        .join(Page, Page.id == Violation.page_id)
        .outerjoin(ViolationNode, ViolationNode.violation_id == Violation.id)
        .where(Page.run_id == run_id)
        .order_by(Violation.page_id, Violation.id, ViolationNode.id)
    )
    result = connection.execution_options(stream_results=True, yield_per=2000).execute(query)
    for row in result:
        yield NodeRow(*row)


def fingerprints_of_run(connection: Connection, run_id: int) -> Iterator[FingerprintRow]:
    """The failing elements of a run by fingerprint: what "new" and "fixed" are computed from."""
    query = (
        select(
            ViolationNode.fingerprint,
            Violation.rule,
            Violation.level,
            Violation.impact,
            Page.url,
            ViolationNode.html,
        )
        .join(Violation, Violation.id == ViolationNode.violation_id)
        .join(Page, Page.id == Violation.page_id)
        .where(Page.run_id == run_id)
    )
    for row in connection.execution_options(stream_results=True, yield_per=2000).execute(query):
        yield FingerprintRow(*row)


def fingerprint_set(connection: Connection, run_id: int) -> set[str]:
    """Just the fingerprints of a run's failing elements: small enough to hold for any site."""
    query = (
        select(ViolationNode.fingerprint)
        .join(Violation, Violation.id == ViolationNode.violation_id)
        .join(Page, Page.id == Violation.page_id)
        .where(Page.run_id == run_id)
    )
    return set(connection.execute(query).scalars())


def documents(connection: Connection, run_ids: Sequence[int], limit: int) -> tuple[list[DocumentRow], int]:
    """Documents found by these runs (at most `limit`) and how many there are in all."""
    where = Document.run_id.in_(list(run_ids))
    total = connection.execute(select(func.count()).select_from(Document).where(where)).scalar() or 0
    query = (
        select(Document.url, Document.content_type, Document.size, Document.http_status, Document.referrer)
        .where(where)
        .order_by(Document.url)
        .limit(limit)
    )
    return [DocumentRow(*row) for row in connection.execute(query)], total
