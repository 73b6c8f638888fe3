"""`a11ycheck prune`: apply the retention rule of a11ycheck/retention.py to a database."""

import click

from a11ycheck.cli_options import db_option, settings_from, user_errors
from a11ycheck.settings import option_help


@click.command()
@click.option("--keep-days", "keep_detail_days", type=int, help=option_help("keep_detail_days"))
@click.option("--dry-run", is_flag=True, help="Say what would be emptied; change nothing.")
@click.option("--vacuum", is_flag=True, help="Then give the space back to the disk (VACUUM; takes a while).")
@db_option
@user_errors
def prune(keep_detail_days: int | None, dry_run: bool, vacuum: bool, db: str | None) -> None:
    """Empty the HTML snippets and failure summaries of failing elements in audits older than --keep-days.

    Every count, status, rule, selector and fingerprint stays, so reports, charters and trends are unchanged;
    each site's latest audit keeps its detail whatever its age. Run it from cron after the weekly audits.

    Example: a11ycheck prune --keep-days 180 --vacuum
    """
    from a11ycheck.retention import compact, database_bytes, prune_detail
    from a11ycheck.store import Store

    settings = settings_from(db=db, keep_detail_days=keep_detail_days)
    store = Store(settings.db)
    before = database_bytes(store)
    outcome = prune_detail(store, settings.keep_detail_days, dry_run=dry_run)
    verb = "would empty" if dry_run else "emptied"
    click.echo(
        f"{verb} the element detail of {outcome.runs} runs ({outcome.elements} elements) older than "
        f"{settings.keep_detail_days} days; {outcome.kept_runs} older runs kept in full (each site's latest "
        "audit, and runs still running or reused from)"
    )
    if vacuum and not dry_run:
        compact(store)
        after = database_bytes(store)
        if before is not None and after is not None:
            click.echo(f"database compacted: {_mib(before)} -> {_mib(after)}")


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB"
