"""The report's reads: aggregates computed by the database (GROUP BY), details streamed one run at a time.

Nothing here loads every page of the database: the whole-database queries return one row per run, and
the per-page queries are bounded by one organisation's runs.
"""

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy import and_, bindparam, case, func, literal, select
from sqlalchemy.engine import Connection
from sqlmodel import Session

from a11ycheck.charters.document_tallies import CHECKED
from a11ycheck.charters.tallies import IS_ADVICE, IS_SERIOUS, IS_WCAG
from a11ycheck.models import Document, DocumentCheck, Page, Run, Site, Statement, Violation, ViolationNode
from a11ycheck.statements.stored import contradictions as contradictions_of
from a11ycheck.statements.stored import details_of
from a11ycheck.vocabulary.wcag import WCAG_21_LEVELS

# What counts as a WCAG 2.1 A/AA finding, advice, serious: one definition, a11ycheck.charters.tallies'.
WCAG_LEVELS = tuple(sorted(WCAG_21_LEVELS))


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
        return " >>> ".join(self.selector_parts)

    @property
    def selector_parts(self) -> tuple[str, ...]:
        """axe's selector path: one selector per frame level, the element's own last."""
        return selector_parts(self.target)


@lru_cache(maxsize=4096)  # template-wide elements repeat their target on every page of a site
def selector_parts(target: str) -> tuple[str, ...]:
    """A stored target (JSON list of selectors, one per frame level, the element's own last) as a tuple."""
    try:
        parts = json.loads(target)
    except (ValueError, TypeError):
        return (target,)
    return tuple(map(str, parts)) if isinstance(parts, list) and parts else (target,)


@dataclass(slots=True)  # built by the hundred thousand: slots, not frozen, is what keeps that cheap
class FingerprintRow:
    fingerprint: str
    rule: str
    level: str
    impact: str | None
    page_url: str
    html: str


@dataclass(frozen=True)
class FailedCheck:
    """A document check that failed: its id, what it found (the checker's English), its criteria."""

    id: str
    detail: str
    wcag: tuple[str, ...]


@dataclass(frozen=True)
class DocumentRow:
    """A document of the latest runs with what its check found; `status` None: not downloaded."""

    url: str
    content_type: str | None
    size: int | None
    http_status: int | None
    referrer: str | None
    status: str | None = None
    message: str | None = None
    type: str | None = None
    accessible: bool | None = None
    possibly_exempt: bool | None = None
    failed: tuple[FailedCheck, ...] = ()


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
        func.coalesce(func.sum(case((IS_WCAG, 1), else_=0)), 0),
        func.coalesce(func.sum(case((IS_ADVICE, 1), else_=0)), 0),
        func.coalesce(func.sum(case((IS_SERIOUS, 1), else_=0)), 0),
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


# Worst first: failing documents (most failed checks first), then those that could not be checked, then
# types without checks, then documents not downloaded, then the ones that pass every check.
_FAILING = and_(Document.status == CHECKED, DocumentCheck.accessible.is_(False))
_FAILED_IDS = func.coalesce(DocumentCheck.failed_checks, literal(""))
_FAILED_COUNT = func.length(_FAILED_IDS) - func.length(func.replace(_FAILED_IDS, ",", "")) + 1
_WORST_FIRST = (
    case(
        (_FAILING, 0),
        (Document.status.is_(None), 3),
        (Document.status == "not-checked", 2),
        (Document.status == CHECKED, 4),
        else_=1,
    ),
    case((_FAILING, _FAILED_COUNT), else_=0).desc(),
    Document.url,
)


def documents(
    connection: Connection, run_ids: Sequence[int], limit: int | None
) -> tuple[list[DocumentRow], int]:
    """Documents found by these runs, worst first (at most `limit`; None: all), and how many in all."""
    where = Document.run_id.in_(list(run_ids))
    total = connection.execute(select(func.count()).select_from(Document).where(where)).scalar() or 0
    query = (
        select(
            Document.url,
            Document.content_type,
            Document.size,
            Document.http_status,
            Document.referrer,
            Document.status,
            Document.message,
            DocumentCheck.type,
            DocumentCheck.accessible,
            Document.possibly_exempt,
            DocumentCheck.checks,
        )
        .outerjoin(DocumentCheck, DocumentCheck.id == Document.check_id)
        .where(where)
        .order_by(*_WORST_FIRST)
        .limit(limit)
    )
    return [
        DocumentRow(*row[:-1], failed=_failed_checks(row[-1])) for row in connection.execute(query)
    ], total


def _failed_checks(checks: str | None) -> tuple[FailedCheck, ...]:
    """The failed, not advisory checks in a stored result (JSON written by a11ycheck.document_checks)."""
    try:
        results = json.loads(checks) if checks else []
    except ValueError:
        return ()
    return tuple(
        FailedCheck(str(r.get("id", "")), str(r.get("detail", "")), tuple(map(str, r.get("wcag", ()))))
        for r in results
        if isinstance(r, dict) and r.get("outcome") == "failed" and not r.get("advisory")
    )


# --- Accessibility statements (a11ycheck/statements/) -----------------------------------------------------


@dataclass(frozen=True)
class StatementRow:
    """The statement a crawl found for its site, as the report shows it. `url` None: no candidate found."""

    run_id: int
    url: str | None
    is_statement: bool
    status: str
    standard: str | None
    prepared_on: date | None
    reviewed_on: date | None
    method: str
    feedback: tuple[str, ...]
    enforcement: bool
    non_accessible_content: bool
    linked_from_home: bool | None
    pages_linking: int
    pages_audited: int
    grade: str | None
    problems: dict[str, tuple[str, ...]]  # by language: the sentences
    contradictions: dict[str, tuple[str, ...]]  # by language

    @property
    def share_linking(self) -> float | None:
        return 100 * self.pages_linking / self.pages_audited if self.pages_audited else None


def statements(connection: Connection, run_ids: Sequence[int]) -> dict[int, StatementRow]:
    """The statements these runs found, by run id; a run without one (crawled before statements were read)
    is left out."""
    if not run_ids:
        return {}
    found = {}
    with Session(bind=connection) as session:
        rows = session.exec(select(Statement).where(Statement.run_id.in_(list(run_ids)))).scalars().all()
    for row in rows:
        details = details_of(row)
        said = contradictions_of(row)
        found[row.run_id] = StatementRow(
            run_id=row.run_id,
            url=row.url,
            is_statement=row.is_statement,
            status=row.status,
            standard=row.standard,
            prepared_on=row.prepared_on,
            reviewed_on=row.reviewed_on,
            method=row.method,
            feedback=tuple(str(uri) for uri in json.loads(row.feedback or "[]")),
            enforcement=row.enforcement,
            non_accessible_content=row.non_accessible_content,
            linked_from_home=row.linked_from_home,
            pages_linking=row.pages_linking,
            pages_audited=row.pages_audited,
            grade=row.grade,
            problems={
                "en": tuple(str(text) for text in details.get("problems", [])),
                "nl": tuple(str(text) for text in details.get("problems_nl", [])),
            },
            contradictions={
                "en": tuple(str(item.get("english", "")) for item in said),
                "nl": tuple(str(item.get("dutch", "")) for item in said),
            },
        )
    return found
