"""A year of weekly monitoring: the report bench's database at 52 weekly crawls of 300 organisations, in
SQLite and in PostgreSQL, before and after the retention rule (a11ycheck/retention.py, docs/retention.md).

For each database: the size on disk per audited page, the report build (and its baseline, reading every row
once), the status of every charter, then `prune` with the default detail period and VACUUM, and the size
again. The year ends today, so the retention rule keeps the detail of the last `--keep-days` days.

    .venv/bin/python -m bench.year_bench --pages 20                 # 300 x 52 x 20 = 312,000 pages
    .venv/bin/python -m bench.year_bench --pages 20 --no-postgres    # or --no-sqlite

Pages per crawl are reduced from the report bench's 200 to fit a shared two-core machine; sizes are given
per audited page, so they scale.
"""

import argparse
import os
import shutil
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text

from a11ycheck.retention import compact, database_bytes, prune_detail
from a11ycheck.settings import Settings
from a11ycheck.store import Store
from bench.report_bench import build, generate, measure, organisation_slugs, read_every_row, write_charters

PG_ADMIN_URL = os.environ.get("A11YCHECK_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
WEEKS = 52


def charter_statuses(url: str, charters: str) -> int:
    """Every charter evaluated as `a11ycheck charter status` does; returns the number of commitments."""
    from a11ycheck.charters.status import evaluate_all
    from a11ycheck.register import Register

    store = Store(url)
    statuses = evaluate_all(store, Path(charters), date.today(), Register.load(), Settings().stale_after_days)
    store.close()
    return sum(len(rows) for rows in statuses.values())


def one_database(label: str, url: str, folder: Path, args) -> None:
    first_run = datetime.now(UTC) - timedelta(weeks=WEEKS - 1, hours=1)
    started = time.perf_counter()
    totals = generate(url, args.organisations, WEEKS, args.pages, every_days=7, first_run=first_run)
    print(
        f"[{label}] generated {totals['pages']:,} pages, {totals['violations']:,} violations, "
        f"{totals['nodes']:,} elements in {time.perf_counter() - started:.0f} s"
    )
    store = Store(url)
    _vacuum_full(store)  # measure the data, not the free pages left by the bulk load
    size = database_bytes(store)
    print(f"[{label}] size {size / 2**20:,.0f} MiB, {size / totals['pages']:,.0f} bytes per audited page")
    charters = folder / "charters"
    write_charters(charters, organisation_slugs(args.organisations))
    base = measure(read_every_row, url)
    report = measure(build, url, str(folder / f"report-{label}"), str(charters), None, date.today())
    print(
        f"[{label}] baseline (read every row once) {base.seconds:.1f} s (CPU {base.cpu_seconds:.1f} s); "
        f"report build {report.value:,} files in {report.seconds:.1f} s (CPU {report.cpu_seconds:.1f} s), "
        f"peak RSS {max(report.rss_mib, report.worker_rss_mib):.0f} MiB; "
        f"ratio {report.seconds / base.seconds:.1f}x time, {report.cpu_seconds / base.cpu_seconds:.1f}x CPU"
    )
    shutil.rmtree(folder / f"report-{label}", ignore_errors=True)
    status = measure(charter_statuses, url, str(charters))
    print(
        f"[{label}] charter status, {status.value:,} commitments: {status.seconds:.1f} s "
        f"(CPU {status.cpu_seconds:.1f} s)"
    )
    started = time.perf_counter()
    outcome = prune_detail(store, args.keep_days)
    _vacuum_full(store)
    pruned = database_bytes(store)
    print(
        f"[{label}] prune --keep-days {args.keep_days}, then VACUUM: {outcome.elements:,} elements of "
        f"{outcome.runs:,} runs emptied in {time.perf_counter() - started:.0f} s; "
        f"size {pruned / 2**20:,.0f} MiB "
        f"({pruned / totals['pages']:,.0f} bytes per audited page, {pruned / size:.0%} of before)"
    )
    store.close()


def _vacuum_full(store: Store) -> None:
    """The size the data takes: SQLite's VACUUM rewrites the file; PostgreSQL needs VACUUM FULL for that
    (`prune --vacuum` runs a plain VACUUM there, so that later audits reuse the space; after weekly prunes the
    database stays near this size)."""
    if store.engine.dialect.name == "sqlite":
        compact(store)
        return
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(
            text("VACUUM (FULL, ANALYZE)")
        )  # and the planner's statistics, as autovacuum would


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=300)
    parser.add_argument("--pages", type=int, default=20, help="Pages per crawl (the report bench has 200).")
    parser.add_argument("--keep-days", type=int, default=Settings().keep_detail_days)
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    folder = Path(tempfile.mkdtemp(prefix="a11ycheck-year-bench-"))
    try:
        if not args.no_sqlite:
            one_database("sqlite", f"sqlite:///{folder / 'year.db'}", folder, args)
        if not args.no_postgres:
            name = f"a11ycheck_year_{uuid.uuid4().hex[:8]}"
            admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                one_database("postgresql", PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", folder, args)
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
