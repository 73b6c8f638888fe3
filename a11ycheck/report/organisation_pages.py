"""One organisation's part of the report: its page, a page per run, and a page per audited page of the
latest completed run of each of its sites. Everything is read for this organisation only, so memory stays
bounded by the largest organisation, not the database.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy.engine import Connection

from a11ycheck.charters.document_tallies import DocumentCounts, document_counts
from a11ycheck.charters.tallies import RunCounts
from a11ycheck.finding_groups import FoundNode, group_findings
from a11ycheck.report import queries
from a11ycheck.report.charter_view import CharterView
from a11ycheck.report.context import (
    OrganisationView,
    PageView,
    RunListItem,
    RunView,
    SiteStatementView,
    change_between,
    distribution_chart,
    impact_chart,
    principle_chart,
    trend_charts,
)
from a11ycheck.report.downloads import (
    DOCUMENTS_CSV,
    FINDINGS_CSV,
    CsvTable,
    Download,
    add_finding,
    documents_csv,
    findings_table,
)
from a11ycheck.report.findings import (
    ElementChanges,
    Example,
    by_impact,
    by_principle,
    examples_by_rule,
    findings_distribution,
    findings_per_page,
    fix_group_view,
    group_rules,
    summarise_rules,
    worst_pages,
)
from a11ycheck.report.i18n import Messages
from a11ycheck.report.language_view import language_view
from a11ycheck.report.organisations import OrganisationAudits
from a11ycheck.report.peers import PeerComparison
from a11ycheck.report.queries import WCAG_LEVELS, DocumentRow, FingerprintRow, NodeRow, PageCount, RunRow
from a11ycheck.report.render import PageWriter
from a11ycheck.report.summary import organisation_summary
from a11ycheck.review.site_review import site_reviews

TOP_RULES = 10
FIX_GROUPS = 10  # fix-once groups listed under "what to fix first", the most pages first
DOCUMENTS_LISTED = 500


@dataclass
class _LatestRunFindings:
    """What the per-page stream of the latest runs leaves behind for the organisation page."""

    pages: list[PageCount]
    examples: dict[str, list[Example]]
    changes: ElementChanges
    findings: CsvTable | None = None  # findings.csv, when the organisation's files are written
    wcag_nodes: list[FoundNode] = field(default_factory=list)  # what the fix-once groups are made of


def organisation_view(
    connection: Connection,
    organisation: OrganisationAudits,
    counts: dict[int, RunCounts],
    messages: Messages,
    writer: PageWriter | None,
    charter: CharterView | None = None,
    peers: list[PeerComparison] | None = None,
) -> OrganisationView:
    """Build the organisation's view; with a writer, also write its run pages and per-page pages."""
    slug = organisation.info.slug
    hosts = {site.id: site for site in organisation.sites}
    run_ids = [run.id for run in organisation.runs]
    rule_rows = queries.rule_counts(connection, run_ids) if run_ids else []
    latest_ids = organisation.latest_run_ids
    latest = _LatestRunFindings([], {}, ElementChanges(), findings_table() if writer is not None else None)
    wanted = [run.id for run in organisation.runs if writer is not None or run.id in latest_ids]
    pages_by_run = queries.page_counts(connection, wanted) if wanted else {}
    for run in organisation.runs:
        detailed = run.id in latest_ids
        if run.id not in pages_by_run:
            continue  # a single-file report needs only the latest runs' pages
        pages = pages_by_run[run.id]
        if detailed:
            latest.pages.extend(pages)
            _, previous = organisation.latest_and_previous(run.site_id)
            _page_pages(connection, organisation, run, previous, pages, latest, writer, messages)
        if writer is not None:
            wcag, advice = group_rules(summarise_rules(rule_rows, [run.id]))
            site = hosts[run.site_id]
            view = RunView(
                organisation.info,
                run,
                site.host,
                site.start_url,
                counts.get(run.id, RunCounts()),
                wcag,
                advice,
                pages,
                detailed,
            )
            writer.write(("org", slug, f"run-{run.id}.html"), "run.html", view=view)

    view = OrganisationView(
        info=organisation.info,
        sites=organisation.sites,
        snapshots=organisation.snapshots,
        runs=[
            RunListItem(run, hosts[run.site_id].host, counts.get(run.id, RunCounts()))
            for run in reversed(organisation.runs)
        ],
        change=change_between(organisation.previous, organisation.latest),
        charter=charter,
        peers=peers or [],
    )
    view.findings_chart, view.share_chart = trend_charts(organisation.snapshots, messages)
    if organisation.latest:
        rules = summarise_rules(rule_rows, latest_ids)
        view.wcag_rules, view.advice_rules = group_rules(rules)
        for rule in view.wcag_rules[:TOP_RULES]:
            rule.examples = latest.examples.get(rule.rule, [])
        view.top_rules = view.wcag_rules[:TOP_RULES]
        view.fix_groups = [fix_group_view(group) for group in group_findings(latest.wcag_nodes)[:FIX_GROUPS]]
        view.principles = by_principle(rules)
        view.principle_chart = principle_chart(view.principles, messages)
        view.impacts = by_impact(rules)
        view.impact_chart = impact_chart(view.impacts, messages)
        view.distribution = findings_distribution(latest.pages)
        view.distribution_chart = distribution_chart(view.distribution, messages)
        view.worst_pages = worst_pages(latest.pages)
        view.changes = latest.changes
        documents, view.documents_total = queries.documents(
            connection, sorted(latest_ids), None if writer is not None else DOCUMENTS_LISTED
        )
        view.documents = documents[:DOCUMENTS_LISTED]
        if writer is not None and latest.findings is not None:
            view.downloads = _write_downloads(writer, slug, latest.findings, documents)
        found = queries.statements(connection, sorted(latest_ids))
        view.statements = [
            SiteStatementView(hosts[run.site_id].host, found.get(run.id))
            for run in organisation.runs
            if run.id in latest_ids
        ]
        found_documents = document_counts(connection, sorted(latest_ids)).values()
        view.document_counts = sum(found_documents, DocumentCounts())
        view.language = language_view(connection, organisation.snapshots, messages)
    view.conformance = site_reviews(connection, organisation.sites)
    statuses = charter.statuses if charter else []
    view.summary = organisation_summary(statuses, view.wcag_rules, view.changes, view.fix_groups)
    return view


def _write_downloads(
    writer: PageWriter, slug: str, findings: CsvTable, documents: list[DocumentRow]
) -> list[Download]:
    """findings.csv and documents.csv beside the organisation's page."""
    writer.write_file(("org", slug, FINDINGS_CSV), findings.text())
    writer.write_file(("org", slug, DOCUMENTS_CSV), documents_csv(documents))
    return [
        Download("findings", FINDINGS_CSV, findings.rows),
        Download("documents", DOCUMENTS_CSV, len(documents)),
    ]


def _page_pages(
    connection: Connection,
    organisation: OrganisationAudits,
    run: RunRow,
    previous_run: RunRow | None,
    pages: list[PageCount],
    latest: _LatestRunFindings,
    writer: PageWriter | None,
    messages: Messages,
) -> None:
    """Stream the run's failing elements page by page: write each page's page, keep examples, and compare
    fingerprints with the previous run of the site for "new" and "fixed"."""
    previous = queries.fingerprint_set(connection, previous_run.id) if previous_run is not None else None
    url_of = {page.id: page.url for page in pages}
    title_of = {page.id: page.title for page in pages}
    current: set[str] = set()
    changes = latest.changes

    def recorded(nodes: Iterator[NodeRow]) -> Iterator[NodeRow]:
        for node in nodes:
            page_url = url_of.get(node.page_id, "")
            if node.fingerprint and node.fingerprint not in current:
                current.add(node.fingerprint)
                if previous is not None and node.fingerprint not in previous:
                    changes.record_new(
                        FingerprintRow(
                            node.fingerprint, node.rule, node.level, node.impact, page_url, node.html
                        )
                    )
            if node.level in WCAG_LEVELS:
                examples_by_rule(latest.examples, node, page_url)
                found = (node.rule, node.impact, node.level, node.help, node.selector_parts, node.html)
                latest.wcag_nodes.append(FoundNode(page_url, *found))
            if latest.findings is not None:
                add_finding(latest.findings, node, page_url, title_of.get(node.page_id), messages.lang)
            yield node

    stream = findings_per_page(recorded(queries.nodes_of_run(connection, run.id)), previous)
    host = next(site.host for site in organisation.sites if site.id == run.site_id)
    heading = messages("run_heading", host=host, date=messages.day(run.started_at))  # on each of its pages
    pending = next(stream, None)
    for page in pages:
        findings = []
        if pending is not None and pending[0] == page.id:
            findings, pending = pending[1], next(stream, None)
        if writer is not None:
            wcag = [f for f in findings if f.is_wcag]
            advice = [f for f in findings if not f.is_wcag]
            view = PageView(organisation.info, run, host, page, wcag, advice, heading)
            writer.write(("org", organisation.info.slug, f"page-{page.id}.html"), "page.html", view=view)
    for _ in stream:  # keeps `current` complete even if the page list and the stream ever disagree
        pass
    if previous is not None and previous_run is not None:
        changes.compared_sites += 1
        audited = {page.url for page in pages if page.status == "ok"}
        for row in queries.fingerprints_of_run(connection, previous_run.id):
            if row.fingerprint not in current and row.page_url in audited:
                current.add(row.fingerprint)  # count an element once, even if listed twice
                changes.record_fixed(row)
