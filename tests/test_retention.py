"""The retention rule (a11ycheck/retention.py) on SQLite and PostgreSQL: old element detail goes, every count,
selector and fingerprint stays, and the runs still read keep everything."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from helpers import run_cli
from sqlalchemy import select, update

from a11ycheck.models import NeedsReview, NeedsReviewNode, Page, Run, Violation, ViolationNode
from a11ycheck.retention import prune_detail
from a11ycheck.reuse import load_reuse_base
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import NodeResult, PageResult, RuleResult

SNIPPET = '<img src="/beelden/{n}.png" class="' + "x" * 2000 + '">'


def rule(name: str, count: int) -> RuleResult:
    return RuleResult(
        rule=name,
        impact="critical",
        tags=["wcag2a", "wcag111"],
        help="Images need alt",
        description="d",
        help_url="https://dequeuniversity.com/rules/axe/4.14/image-alt",
        nodes=[
            NodeResult(target=[f"#i{n}"], html=SNIPPET.format(n=n), failure_summary=f"Fix any {n}")
            for n in range(count)
        ],
    )


def audited_run(store: Store, host: str, days_ago: int, status: str = "completed", reuse_base=None) -> int:
    """A run of `host` started `days_ago` days ago: two pages, each with failing and needs-review elements."""
    run = store.start_run("crawl", f"https://{host}/", {}, "4.14.1", reuse_base=reuse_base)
    pages = [
        (
            PageRecord(url=f"https://{host}/{name}"),
            PageResult(
                url=f"https://{host}/{name}",
                status="ok",
                violations=[rule("image-alt", 3)],
                needs_review=[rule("color-contrast", 2)],
                fingerprint=f"{name}-{run.id}".ljust(40, "0"),
            ),
        )
        for name in ("a", "b")
    ]
    store.save_pages(run.id, pages)
    if status != "running":
        store.finish_run(run.id, status)
    with store.session() as session:
        started = datetime.now(UTC) - timedelta(days=days_ago)
        session.exec(update(Run).where(Run.id == run.id).values(started_at=started))
        session.commit()
    return run.id


def elements(store: Store, run_id: int) -> list[tuple]:
    """Every element of a run: (kind, target, fingerprint, html, failure summary), in a stable order."""
    findings = (
        (ViolationNode, ViolationNode.violation_id, Violation),
        (NeedsReviewNode, NeedsReviewNode.needs_review_id, NeedsReview),
    )
    rows = []
    with store.session() as session:
        for node, owner, finding in findings:
            query = (
                select(node.target, node.fingerprint, node.html, node.failure_summary)
                .join(finding, owner == finding.id)
                .join(Page, finding.page_id == Page.id)
                .where(Page.run_id == run_id)
            )
            rows += [(node.__name__, *row) for row in session.exec(query).all()]
    return sorted(rows)


def test_old_detail_goes_and_everything_counted_stays(db_url):
    store = Store(db_url)
    oldest = audited_run(store, "www.a.be", 400)
    reused_from = audited_run(store, "www.a.be", 200)
    recent = audited_run(store, "www.a.be", 10)
    audited_run(store, "www.a.be", 1, status="running", reuse_base=reused_from)
    only_run_of_b = audited_run(store, "www.b.be", 300)
    base_of_a_resume = audited_run(store, "www.c.be", 400)
    earlier_interrupted = audited_run(store, "www.c.be", 350, status="interrupted")
    latest_of_c = audited_run(store, "www.c.be", 300)
    interrupted = audited_run(store, "www.c.be", 250, status="interrupted", reuse_base=base_of_a_resume)
    finished_last = audited_run(store, "www.d.be", 320)  # the report's latest audit of d: finished last
    newest_of_d = audited_run(store, "www.d.be", 310)
    with store.session() as session:
        later = datetime.now(UTC) + timedelta(hours=1)
        session.exec(update(Run).where(Run.id == finished_last).values(finished_at=later))
        session.commit()
    kept = (reused_from, recent, only_run_of_b, base_of_a_resume, latest_of_c, interrupted)
    kept += (finished_last, newest_of_d)
    before = {run: (store.run_summary(run), elements(store, run)) for run in (oldest, *kept)}

    outcome = prune_detail(store, 180)

    # two runs of 2 pages x (3 + 2) elements; kept though old: all the others but `recent`
    assert (outcome.runs, outcome.elements, outcome.kept_runs) == (2, 20, 7)
    assert {row[3:] for row in elements(store, earlier_interrupted)} == {("", "")}
    pruned = elements(store, oldest)
    assert [row[:3] for row in pruned] == [row[:3] for row in before[oldest][1]]  # selectors, fingerprints
    assert {row[3:] for row in pruned} == {("", "")}
    assert store.run_summary(oldest) == before[oldest][0]  # every count the reports and charters read
    assert load_reuse_base(store, oldest).fingerprints == {}  # never carried forward again
    with pytest.raises(LookupError):  # not even by a re-audit that read the fingerprints before the prune
        store.page_findings(store.run_pages(oldest)[0].id)
    for run in kept:
        assert (store.run_summary(run), elements(store, run)) == before[run]
        assert len(load_reuse_base(store, run).fingerprints) == 2
    assert prune_detail(store, 180).runs == 0  # nothing left to do


def test_a_dry_run_counts_and_changes_nothing(db_url):
    store = Store(db_url)
    old = [audited_run(store, "www.a.be", days) for days in (500, 400)]
    audited_run(store, "www.a.be", 3)
    kept = {run: elements(store, run) for run in old}

    outcome = prune_detail(store, 90, dry_run=True)

    assert (outcome.runs, outcome.elements, outcome.kept_runs) == (2, 20, 0)
    assert {run: elements(store, run) for run in old} == kept
    assert prune_detail(store, 90).elements == 20


def test_the_command_prunes_compacts_and_refuses_bad_input(tmp_path):
    db = f"sqlite:///{tmp_path / 'a11ycheck.db'}"
    store = Store(db)
    for days in (400, 300, 200):
        audited_run(store, "www.a.be", days)
    audited_run(store, "www.a.be", 5)
    store.close()
    size = (tmp_path / "a11ycheck.db").stat().st_size

    dry = run_cli("prune", "--dry-run", db=db)
    assert dry.code == 0, dry.stderr
    assert dry.stdout.startswith(
        "would empty the element detail of 3 runs (30 elements) older than 180 days;"
    )
    done = run_cli("prune", "--vacuum", db=db)
    assert done.code == 0, done.stderr
    assert done.stdout.startswith("emptied the element detail of 3 runs (30 elements) older than 180 days;")
    assert "database compacted: " in done.stdout
    assert (tmp_path / "a11ycheck.db").stat().st_size < size - 3 * 10 * 2000  # the snippets' bytes are gone

    for args, message in (
        (("--keep-days", "0"), "Error: --keep-days (A11YCHECK_KEEP_DETAIL_DAYS) must be at least 1, not 0\n"),
        (("--keep-days", "soon"), "Error: Invalid value for '--keep-days': 'soon' is not a valid integer."),
    ):
        refused = run_cli("prune", *args, db=db)
        assert refused.code == 2 and "Traceback" not in refused.stderr
        assert refused.stderr.startswith(message) and refused.stderr.count("\n") == 1
    with Store(db).session() as session:  # the refusals wrote nothing: the recent run still has its detail
        summaries = session.exec(select(ViolationNode.failure_summary)).scalars().all()
    assert sorted(set(summaries)) == ["", "Fix any 0", "Fix any 1", "Fix any 2"]
    assert json.loads(Store(db).run_pages(4)[0].violations[0].nodes[0].target) == ["#i0"]
