"""What detail a database keeps for how long, so that years of weekly monitoring fit a modest server.

The rule (docs/retention.md): everything the reports, the charters and the trends count is kept forever
(runs, pages and their statuses, every finding with its rule, impact and WCAG criteria, each failing element's
selector and fingerprint, documents, statements, language scores, reviews). What only a person fixing one
element reads, the element's HTML snippet and axe's failure summary, is emptied once its run is older than
`keep_detail_days`, except in the runs still read in full: each site's latest completed run and latest
completed crawl (by id and by the time they finished), its latest interrupted run, runs still running, and
the runs that running or interrupted runs carry findings forward from. A pruned run's pages lose their
fingerprint too, so that no later re-audit carries forward findings that no longer hold their detail.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, or_, select, text, update
from sqlalchemy.engine import make_url

from a11ycheck.models import NeedsReview, NeedsReviewNode, Page, Run, Violation, ViolationNode, as_utc
from a11ycheck.store import Store
from a11ycheck.vocabulary.statuses import COMPLETED, INTERRUPTED, RUNNING


@dataclass(frozen=True)
class PruneOutcome:
    runs: int  # runs whose element detail was (or would be) emptied
    elements: int  # failing and needs-review elements whose HTML and failure summary were emptied
    kept_runs: int  # runs older than the limit kept in full because they are still read


def runs_to_prune(store: Store, keep_detail_days: int, now: datetime | None = None) -> tuple[list[int], int]:
    """Ids of the runs whose element detail may go, oldest first, and how many old runs are kept in full."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=keep_detail_days)
    columns = (Run.id, Run.site_id, Run.kind, Run.status, Run.started_at, Run.finished_at, Run.reuse_base)
    with store.session() as session:
        rows = session.exec(select(*columns)).all()
    still_read: set[int] = set()
    # Each site's latest completed run and crawl, by id and by the time it finished (the report and the
    # charters read the crawl that finished last), and its latest interrupted run (a resume finishes it).
    latest: dict[tuple, tuple] = {}
    for run_id, site_id, kind, status, _started, finished, reuse_base in rows:
        if status == RUNNING:
            still_read.add(run_id)
        if status != COMPLETED and reuse_base is not None:  # a resume of an interrupted run reuses it too
            still_read.add(reuse_base)
        if status == COMPLETED:
            moment = as_utc(finished) if finished else None
            for key in ((site_id, None), (site_id, kind)):
                newest, last_finished = latest.get(key, (run_id, (moment, run_id)))
                latest[key] = (max(newest, run_id), max(last_finished, (moment, run_id), key=_by_time))
        elif status == INTERRUPTED:
            newest = max(latest.get((site_id, status), (run_id,))[0], run_id)
            latest[(site_id, status)] = (newest, (None, newest))
    for newest, (_moment, finished_last) in latest.values():
        still_read.update((newest, finished_last))
    old = [row[0] for row in rows if as_utc(row[4]) < cutoff]
    prune = sorted(run_id for run_id in old if run_id not in still_read)
    return prune, len(old) - len(prune)


def prune_detail(store: Store, keep_detail_days: int, *, dry_run: bool = False) -> PruneOutcome:
    """Empty the element detail of the runs `runs_to_prune` names, one transaction per run, so that an
    interruption leaves every run either pruned or whole."""
    run_ids, kept = runs_to_prune(store, keep_detail_days)
    if run_ids and store.engine.dialect.name == "postgresql":
        _refresh_statistics(store)
    pruned_runs = elements = 0
    for run_id in run_ids:
        changed = 0
        with store.session() as session:
            for node, finding in ((ViolationNode, Violation), (NeedsReviewNode, NeedsReview)):
                owner = node.violation_id if node is ViolationNode else node.needs_review_id
                in_run = owner.in_(
                    select(finding.id).join(Page, finding.page_id == Page.id).where(Page.run_id == run_id)
                )
                with_detail = or_(node.html != "", node.failure_summary != "")
                if dry_run:
                    changed += session.exec(
                        select(func.count()).select_from(node).where(in_run, with_detail)
                    ).one()[0]
                else:
                    changed += session.exec(
                        update(node).where(in_run, with_detail).values(html="", failure_summary="")
                    ).rowcount
            if not dry_run:
                session.exec(
                    update(Page)
                    .where(Page.run_id == run_id, Page.fingerprint.is_not(None))
                    .values(fingerprint=None)
                )
                session.commit()
        if changed:
            pruned_runs += 1
            elements += changed
    return PruneOutcome(runs=pruned_runs, elements=elements, kept_runs=kept)


def _refresh_statistics(store: Store) -> None:
    """PostgreSQL plans each run's update from its statistics; after a bulk load (an import, a restore) that
    autovacuum has not analysed yet, it would scan every element once per run instead of using the indexes."""
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for table in (Page, Violation, ViolationNode, NeedsReview, NeedsReviewNode):
            connection.execute(text(f"ANALYZE {table.__tablename__}"))


def database_bytes(store: Store) -> int | None:
    """The database's size on disk: the SQLite file, or PostgreSQL's pg_database_size; None if unknown."""
    url = make_url(store.url)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return None
        path = Path(url.database).expanduser()
        return path.stat().st_size if path.exists() else None
    with store.engine.connect() as connection:
        return connection.execute(text("SELECT pg_database_size(current_database())")).scalar()


def compact(store: Store) -> None:
    """Give the emptied space back: VACUUM (SQLite rewrites the file; PostgreSQL makes the space reusable
    and, with ANALYZE, refreshes the planner's statistics of tables that changed this much)."""
    statement = "VACUUM" if store.engine.dialect.name == "sqlite" else "VACUUM (ANALYZE)"
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(statement))


def _by_time(entry: tuple[datetime | None, int]) -> tuple[datetime, int]:
    moment, run_id = entry
    return (moment or datetime.min.replace(tzinfo=UTC), run_id)
