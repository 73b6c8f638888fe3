"""Crawl runs written straight into a store, and a charter with a commitment of every kind: what the charter
tests (test_charters_status.py, test_charters_cli.py, test_language_kpis.py) measure."""

from datetime import datetime

from a11ycheck.models import Run, Statement
from a11ycheck.statements.queries import save_statement
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import NodeResult, PageResult, RuleResult


def violation(rule: str, impact: str, *tags: str) -> RuleResult:
    return RuleResult(
        rule=rule,
        impact=impact,
        tags=list(tags),
        help="",
        description="",
        help_url="",
        nodes=[NodeResult(target=[rule], html="<x>")],
    )


IMAGE_ALT = violation("image-alt", "critical", "wcag2a", "wcag111")
REGION = violation("region", "moderate", "best-practice")
CONTRAST = violation("color-contrast", "serious", "wcag2aa", "wcag143")
TARGET_SIZE = violation("target-size", "serious", "wcag22aa", "wcag258")  # WCAG 2.2 only
LABEL = violation("label", "critical", "wcag2a", "wcag412")
LINK_NAME = violation("link-name", "serious", "wcag2a", "wcag244", "wcag412")
CONTRAST_AAA = violation("color-contrast-enhanced", "minor", "wcag2aaa", "wcag146")


def crawl(
    store: Store,
    start_url: str,
    pages: list[tuple[str, str | None, list[RuleResult]] | tuple[str, str]],
    finished: datetime,
    status: str = "completed",
    statement: tuple[bool, str | None] | None = None,
) -> int:
    """A crawl run written directly: (path, title, violations) for audited pages, (path, status) otherwise;
    `statement`, (read as one, grade), the statement its end found (a11ycheck/statements/)."""
    run = store.start_run("crawl", start_url, {}, "4.10.2")
    batch = []
    for page in pages:
        url = start_url.rstrip("/") + page[0]
        if len(page) == 2:
            batch.append((PageRecord(url=url), PageResult(url=url, status=page[1])))
        else:
            batch.append(
                (PageRecord(url=url), PageResult(url=url, status="ok", title=page[1], violations=page[2]))
            )
    store.save_pages(run.id, batch)
    if status != "running":
        store.finish_run(run.id, status)
    with store.session() as session:
        row = session.get(Run, run.id)
        row.finished_at = finished if status != "running" else None
        session.commit()
    if statement is not None:
        found, grade = statement
        url = f"{start_url.rstrip('/')}/toegankelijkheid" if grade else None
        save_statement(
            store, Statement(run_id=run.id, site_id=run.site_id, url=url, is_statement=found, grade=grade)
        )
    return run.id


CHARTER = """\
signed: 2025-01-01
commitments:
  - id: wcag
    title: WCAG-fouten per pagina
    domain: digital
    deadline: 2025-12-31
    measured: {kpi: wcag_violations_per_page, baseline: 2, target: 0.2}
  - id: ernstig
    title: Pagina's zonder ernstige fouten
    domain: digital
    deadline: 2025-12-31
    measured: {kpi: pages_without_serious_share, baseline: 0, target: 90}
  - id: contrast
    title: Contrast
    domain: digital
    deadline: 2025-12-31
    measured: {kpi: pages_failing_rule, rule: color-contrast, baseline: 4, target: 0}
  - id: naam-rol-waarde
    title: 4.1.2
    domain: digital
    deadline: 2025-12-31
    measured: {kpi: pages_failing_criterion, criterion: "4.1.2", baseline: 4, target: 0}
  - id: verklaring
    title: Toegankelijkheidsverklaring
    domain: digital
    deadline: 2025-12-31
    measured: {kpi: accessibility_statement}
  - id: score
    title: Score
    domain: digital
    deadline: 2025-12-31
    measured: {kpi: accessibility_score, baseline: 80, target: 99}
  - id: ingang
    title: Toegankelijke ingang
    domain: buildings
    deadline: 2025-12-31
    reported: {type: done}
  - id: toiletten
    title: Toegankelijke toiletten
    domain: buildings
    deadline: 2025-12-31
    reported: {type: number, baseline: 2, target: 12, unit: gebouwen}
  - id: voetpaden
    title: Vrije voetpaden
    domain: public-space
    deadline: 2025-12-31
    reported: {type: percentage, baseline: 40, target: 90}
"""
