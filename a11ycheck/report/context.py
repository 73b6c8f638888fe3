"""What each report page shows, as plain dataclasses built from the query results: the templates only lay
them out. Charts are computed here too, in the page's language, each next to the numbers it draws.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from a11ycheck.charters.document_tallies import DocumentCounts
from a11ycheck.charters.status import AT_RISK, BEHIND, OVERDUE
from a11ycheck.charters.tallies import RunCounts
from a11ycheck.language.queries import LanguageCounts
from a11ycheck.report.chart_texts import bar_conclusion, trend_conclusion
from a11ycheck.report.charter_view import CharterView
from a11ycheck.report.charts import (
    BarChart,
    LineChart,
    Sparkline,
    bar_chart,
    concluded,
    line_chart,
    sparkline,
)
from a11ycheck.report.downloads import Download
from a11ycheck.report.findings import (
    ElementChanges,
    FixGroupView,
    ImpactSummary,
    PageRuleFinding,
    PagesBin,
    PrincipleSummary,
    RuleSummary,
)
from a11ycheck.report.i18n import Messages
from a11ycheck.report.language_view import LanguageView
from a11ycheck.report.organisations import OrganisationAudits, OrganisationInfo, Snapshot
from a11ycheck.report.paths import file_slug
from a11ycheck.report.peers import PeerComparison
from a11ycheck.report.queries import DocumentRow, PageCount, RunRow, SiteRow, StatementRow
from a11ycheck.report.summary import OrganisationSummary
from a11ycheck.report.wcag import principle_name
from a11ycheck.review.site_review import SiteReview

TREND_POINTS = 12  # snapshots drawn in the overview's sparklines
TROUBLE = (AT_RISK, BEHIND, OVERDUE)  # charter statuses that need attention, for sorting
SORTS = ("name", "findings", "clean", "trend", "date")
ALL, NO_PROVINCE = "all", "none"


@dataclass(frozen=True)
class TrendChange:
    """WCAG failures per page at the previous snapshot and now; lower is better."""

    before: float
    after: float
    since: date

    @property
    def direction(self) -> str:
        before, after = round(self.before, 2), round(self.after, 2)
        return "better" if after < before else "worse" if after > before else "same"


def change_between(previous: Snapshot | None, latest: Snapshot | None) -> TrendChange | None:
    if previous is None or latest is None:
        return None
    before, after = previous.counts.findings_per_page, latest.counts.findings_per_page
    if before is None or after is None:
        return None
    return TrendChange(before, after, previous.day)


@dataclass(frozen=True)
class OverviewRow:
    slug: str
    name: str
    province: str | None
    latest_day: date | None
    pages_audited: int
    findings_per_page: float | None
    percent_without_serious: float | None
    change: TrendChange | None
    sparkline: Sparkline | None
    charter_counts: tuple[tuple[str, int], ...]  # (status, count), in the order of the status list
    statement_grade: str | None = None  # the worst statement grade of its sites (SiteStatementView)
    documents_accessible_share: float | None = None  # of the latest runs' checked documents, 0-100
    plain_language_share: float | None = None  # the latest audits' pages at B1 or easier, 0-100

    @property
    def trouble(self) -> int:
        return sum(count for status, count in self.charter_counts if status in TROUBLE)


def overview_row(
    organisation: OrganisationAudits,
    charter_counts: tuple[tuple[str, int], ...],
    statement_grade: str | None = None,
    documents: DocumentCounts | None = None,
    language: dict[int, LanguageCounts] | None = None,
) -> OverviewRow:
    latest = organisation.latest
    read = sum(
        ((language or {}).get(i, LanguageCounts()) for i in (latest.run_ids if latest else ())),
        LanguageCounts(),
    )
    counts = latest.counts if latest else RunCounts()
    series = [s.counts.findings_per_page for s in organisation.snapshots[-TREND_POINTS:]]
    return OverviewRow(
        slug=organisation.info.slug,
        name=organisation.info.name,
        province=organisation.info.province,
        latest_day=latest.day if latest else None,
        pages_audited=counts.audited,
        findings_per_page=counts.findings_per_page,
        percent_without_serious=counts.percent_without_serious,
        change=change_between(organisation.previous, latest),
        sparkline=sparkline([v for v in series if v is not None]),
        charter_counts=charter_counts,
        statement_grade=statement_grade,
        documents_accessible_share=documents.accessible_share if documents else None,
        plain_language_share=read.percent_b1_or_easier,
    )


_SORT_KEYS: dict[str, Callable[[OverviewRow], tuple]] = {
    "name": lambda r: (r.name.casefold(), r.slug),
    "findings": lambda r: (r.findings_per_page is None, -(r.findings_per_page or 0), r.name.casefold()),
    "clean": lambda r: (r.percent_without_serious is None, r.percent_without_serious or 0, r.name.casefold()),
    "trend": lambda r: (r.change is None, -((r.change.after - r.change.before) if r.change else 0), r.name),
    "date": lambda r: (r.latest_day is None, r.latest_day or date.min, r.name.casefold()),
    "charter": lambda r: (-r.trouble, r.name.casefold()),
}


@dataclass(frozen=True)
class OverviewTotals:
    organisations: int
    audited_organisations: int
    pages_audited: int
    findings_per_page: float | None
    percent_without_serious: float | None


@dataclass(frozen=True)
class OverviewView:
    """One overview page: a scope (all, a province, none) in one sort order."""

    scope_key: str
    sort_key: str
    heading: str
    caption: str
    rows: list[OverviewRow]
    totals: OverviewTotals
    scopes: list[tuple[str, str, bool]]  # (label, href, current)
    sorts: list[tuple[str, str, bool]]


def overview_path(scope: str, sort: str) -> tuple[str, ...]:
    """Where the overview of a scope in a sort order lives; the default one is the report's index."""
    if scope == ALL and sort == "name":
        return ("index.html",)
    return ("overview", f"{scope}-{sort}.html")


def scope_of(province: str | None) -> str:
    return f"p-{file_slug(province)}" if province and file_slug(province) else NO_PROVINCE


def overview_views(
    organisations: list[OrganisationAudits],
    rows: list[OverviewRow],
    messages: Messages,
    sorts: tuple[str, ...],
) -> list[tuple[tuple[str, ...], OverviewView]]:
    """Every overview page: all organisations and each province, in every sort order, without JavaScript."""
    totals = sum((o.latest.counts for o in organisations if o.latest), RunCounts())
    provinces = sorted({r.province for r in rows if r.province}, key=str.casefold)
    scopes = [(ALL, messages("all_organisations"))]
    scopes += [(scope_of(p), messages("overview_heading_province", province=p)) for p in provinces]
    if any(not r.province for r in rows):
        scopes.append((NO_PROVINCE, messages("overview_heading_none")))
    views = []
    for scope, scope_label in scopes:
        members = [r for r in rows if scope == ALL or scope_of(r.province) == scope]
        audited = [
            o for o in organisations if o.latest and (scope == ALL or scope_of(o.info.province) == scope)
        ]
        scope_totals = sum((o.latest.counts for o in audited), RunCounts()) if scope != ALL else totals
        for sort in sorts:
            path = overview_path(scope, sort)
            root = "../" * (len(path) - 1)
            views.append(
                (
                    path,
                    OverviewView(
                        scope_key=scope,
                        sort_key=sort,
                        heading=messages("overview_heading") if scope == ALL else scope_label,
                        caption=messages(
                            "overview_caption", scope=scope_label, sort=messages(f"sort_{sort}")
                        ),
                        rows=sorted(members, key=_SORT_KEYS[sort]),
                        totals=OverviewTotals(
                            organisations=len(members),
                            audited_organisations=len(audited),
                            pages_audited=scope_totals.audited,
                            findings_per_page=scope_totals.findings_per_page,
                            percent_without_serious=scope_totals.percent_without_serious,
                        ),
                        scopes=[
                            (label, root + "/".join(overview_path(key, sort)), key == scope)
                            for key, label in scopes
                        ],
                        sorts=[
                            (messages(f"sort_{key}"), root + "/".join(overview_path(scope, key)), key == sort)
                            for key in sorts
                        ],
                    ),
                )
            )
    return views


@dataclass(frozen=True)
class RunListItem:
    run: RunRow
    host: str
    counts: RunCounts


@dataclass(frozen=True)
class SiteStatementView:
    """A site's accessibility statement as its latest completed crawl found it (None: not checked)."""

    host: str
    statement: StatementRow | None

    @property
    def grade(self) -> str | None:
        """Its grade; a site where no statement was found counts as E, as in the statement_grade KPI."""
        if self.statement is None:
            return None
        return self.statement.grade if self.statement.is_statement and self.statement.grade else "E"


def worst_statement_grade(statements: list[SiteStatementView]) -> str | None:
    """The worst grade of the sites checked (E worst), or None when none was checked."""
    grades = [found.grade for found in statements if found.grade]
    return max(grades) if grades else None


@dataclass
class OrganisationView:
    """The page of one organisation (municipality): charter, trend, results of its latest audits."""

    info: OrganisationInfo
    sites: list[SiteRow]
    snapshots: list[Snapshot]
    runs: list[RunListItem]
    change: TrendChange | None = None
    findings_chart: LineChart | None = None
    share_chart: LineChart | None = None
    principles: list[PrincipleSummary] = field(default_factory=list)
    principle_chart: BarChart | None = None
    impacts: list[ImpactSummary] = field(default_factory=list)
    impact_chart: BarChart | None = None
    distribution: list[PagesBin] = field(default_factory=list)
    distribution_chart: BarChart | None = None
    top_rules: list[RuleSummary] = field(default_factory=list)
    fix_groups: list[FixGroupView] = field(default_factory=list)  # one element failing on several pages
    wcag_rules: list[RuleSummary] = field(default_factory=list)
    advice_rules: list[RuleSummary] = field(default_factory=list)
    worst_pages: list[PageCount] = field(default_factory=list)
    changes: ElementChanges | None = None
    documents: list[DocumentRow] = field(default_factory=list)  # worst first
    documents_total: int = 0
    document_counts: DocumentCounts = field(default_factory=DocumentCounts)
    charter: CharterView | None = None  # when the organisation has a charter
    statements: list[SiteStatementView] = field(default_factory=list)  # per site of the latest crawls

    @property
    def statement_grade(self) -> str | None:
        return worst_statement_grade(self.statements)

    conformance: list[SiteReview] = field(default_factory=list)  # the sites with an EU-method sample
    language: LanguageView | None = None  # plain language: None when no page was scored
    summary: OrganisationSummary | None = None  # the block at the top of the page
    peers: list[PeerComparison] = field(default_factory=list)  # headline figures beside the medians
    downloads: list[Download] = field(default_factory=list)  # CSV files beside it; none in a single file

    @property
    def latest(self) -> Snapshot | None:
        return self.snapshots[-1] if self.snapshots else None


def trend_charts(snapshots: list[Snapshot], messages: Messages) -> tuple[LineChart | None, LineChart | None]:
    """WCAG failures per page, and the share of pages without serious problems, over the snapshots."""
    findings = [
        (s.day, s.counts.findings_per_page) for s in snapshots if s.counts.findings_per_page is not None
    ]
    shares = [(s.day, s.counts.percent_without_serious) for s in snapshots if s.counts.audited]
    if len(findings) < 2:  # one audit is no trend: the page says so in a sentence, the table has the number
        return None, None
    per_page = lambda v: messages.number(v, 2)  # noqa: E731
    findings_chart = line_chart(
        [(messages("series_findings"), "actual", findings)], per_page, messages.short_day, messages.number
    )
    share_chart = line_chart(
        [(messages("series_share"), "second", shares)],
        messages.percent,
        messages.short_day,
        messages.percent,
        y_max=100.0,
    )
    return (
        concluded(findings_chart, trend_conclusion(findings, per_page, messages)),
        concluded(share_chart, trend_conclusion(shares, messages.percent, messages)),
    )


def principle_chart(principles: list[PrincipleSummary], messages: Messages) -> BarChart | None:
    items = [
        (f"{p.number}. {principle_name(p.number, messages.lang)}", p.findings, "wcag") for p in principles
    ]
    return bar_conclusion(bar_chart(items, messages.number), messages)


def impact_chart(impacts: list[ImpactSummary], messages: Messages) -> BarChart | None:
    items = [(messages.label("impact", row.impact), row.wcag_findings, "wcag") for row in impacts]
    return bar_conclusion(bar_chart(items, messages.number), messages)


def bin_label(pages_bin: PagesBin, messages: Messages) -> str:
    if pages_bin.high is None:
        return messages("bin_open", low=pages_bin.low)
    if pages_bin.high == pages_bin.low:
        return messages("bin_exact", low=pages_bin.low)
    return messages("bin_range", low=pages_bin.low, high=pages_bin.high)


def document_status_text(document: DocumentRow, messages: Messages) -> str:
    """What became of a document, in words: passes every check, not accessible, or why it was not checked."""
    if document.status is None:
        return messages.label("document_status", "not-downloaded")
    if document.status == "checked":
        return messages.label("document_status", "accessible" if document.accessible else "failing")
    if document.status.startswith("http-"):
        return messages.page_status(document.status)
    return messages.label("document_status", document.status)


def distribution_chart(distribution: list[PagesBin], messages: Messages) -> BarChart | None:
    items = [(bin_label(b, messages), b.pages, "actual") for b in distribution]
    return bar_conclusion(bar_chart(items, messages.number, label_width=120), messages, "chart_most_pages")


@dataclass(frozen=True)
class RunView:
    org: OrganisationInfo
    run: RunRow
    host: str
    start_url: str
    counts: RunCounts
    wcag_rules: list[RuleSummary]
    advice_rules: list[RuleSummary]
    pages: list[PageCount]
    detailed: bool  # True when each page has its own page (the site's latest completed run)


@dataclass(frozen=True)
class PageView:
    org: OrganisationInfo
    run: RunRow
    host: str
    page: PageCount
    wcag: list[PageRuleFinding]
    advice: list[PageRuleFinding]
    run_heading: str  # the run's heading, linked from the page: translated once per run, not per page
