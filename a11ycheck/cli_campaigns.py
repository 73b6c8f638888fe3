"""The `a11ycheck monitor`, `campaign` and `worker` commands: every configured site, in turn or over workers.

cli.py registers them; options and errors come from cli_options.py, defaults and help from settings.py.
"""

import sys
from dataclasses import replace

import click

from a11ycheck.cli_options import (
    broker_option,
    browser_url_option,
    db_option,
    document_options,
    option_group,
    queue_option,
    settings_from,
    user_errors,
)
from a11ycheck.register import Register
from a11ycheck.settings import SITE_MAX_PAGES, Settings, broker_display, option_help

site_selection_options = option_group(
    click.option(
        "--organisation",
        "organisations",
        multiple=True,
        metavar="SLUG",
        help="Only the sites of this organisation: name, slug or NIS code (repeatable).",
    ),
    click.option(
        "--max-pages",
        type=int,
        help=f"Pages per site at most (default {SITE_MAX_PAGES}; env A11YCHECK_MAX_PAGES).",
    ),
    click.option("--allow-private", is_flag=True, default=None, help=option_help("allow_private")),
    click.option("--tags", help=option_help("tags")),
    click.option("--wcag22", is_flag=True, default=None, help=option_help("wcag22")),
    click.option("--full", is_flag=True, default=None, help=option_help("full")),
    click.option("--sample-only", is_flag=True, default=None, help=option_help("sample_only")),
    document_options,
)


def _site_settings(**flags) -> Settings:
    """The settings of a scheduled audit: SITE_MAX_PAGES per site unless told otherwise."""
    settings = settings_from(**flags)
    return settings if settings.is_given("max_pages") else replace(settings, max_pages=SITE_MAX_PAGES)


def _slugs(organisations: tuple[str, ...]) -> tuple[str, ...]:
    """The register slugs of organisations given by name, slug or NIS code; a UserError for an unknown."""
    if not organisations:
        return ()
    register = Register.load()
    return tuple(register.get(organisation).slug for organisation in organisations)


@click.command()
@site_selection_options
@click.option("--browsers", type=int, help=option_help("browsers"))
@db_option
@user_errors
def monitor(organisations: tuple[str, ...], **flags) -> None:
    """Audit every configured site in turn, for cron or a systemd timer; a failing site never stops the rest.

    Exit code 0 when every site was audited completely, 1 when some site failed (the summary names it).

    Example: a11ycheck monitor --max-pages 200
    """
    from a11ycheck.monitor import monitor_sites
    from a11ycheck.sites import configured_sites
    from a11ycheck.store import Store

    settings = _site_settings(**flags)
    store = Store(settings.db)
    sites = configured_sites(store, _slugs(organisations))
    outcomes = monitor_sites(
        store,
        settings,
        sites,
        on_site=lambda site, n, total: click.echo(
            f"[{n}/{total}] {site.organisation} {site.start_url}", err=True
        ),
    )
    for outcome in outcomes:
        mark = "FAILED" if outcome.failed else "ok"
        click.echo(f"{mark:<6}  {outcome.organisation}  {outcome.start_url}  {outcome.detail}")
    failed = [o for o in outcomes if o.failed]
    skipped = len(sites) - len(outcomes)
    click.echo(
        f"monitor: {len(outcomes) - len(failed)} of {len(sites)} sites audited completely"
        + (f", {len(failed)} failed: " + ", ".join(o.start_url for o in failed) if failed else "")
        + (f", {skipped} not started (interrupted)" if skipped else ""),
        err=True,
    )
    if skipped or any(o.exit_code == 130 for o in outcomes):
        sys.exit(130)
    if failed:
        sys.exit(1)


@click.group()
def campaign() -> None:
    """A monitoring campaign spread over `a11ycheck worker` processes on any number of machines.

    Example: a11ycheck campaign start --max-pages 200, then a11ycheck campaign status
    """


@campaign.command("start")
@site_selection_options
@broker_option
@queue_option
@db_option
@user_errors
def campaign_start(organisations: tuple[str, ...], **flags) -> None:
    """Send every configured site (`a11ycheck sites add`) to the workers, one message per site.

    Example: a11ycheck campaign start --organisation gent --max-pages 200
    """
    from a11ycheck.distributed.campaigns import start_campaign
    from a11ycheck.store import Store

    settings = _site_settings(**flags)
    started, count = start_campaign(Store(settings.db), settings, _slugs(organisations))
    click.echo(
        f"campaign {started.id}: {count} sites sent to {broker_display(settings.broker)} (queue "
        f"{started.queue}); follow it with: a11ycheck campaign status {started.id}"
    )


@campaign.command("status")
@click.argument("campaign_ref", metavar="[CAMPAIGN]", default="latest")
@db_option
@user_errors
def campaign_status(campaign_ref: str, db: str | None) -> None:
    """Where a campaign (an id or `latest`) stands, site by site: state, run, pages, worker.

    Example: a11ycheck campaign status 3
    """
    from a11ycheck.distributed.campaigns import campaign_progress
    from a11ycheck.store import Store

    settings = settings_from(db=db)
    progress = campaign_progress(Store(settings.db), campaign_ref, settings.takeover_after)
    counts = ", ".join(f"{count} {state}" for state, count in progress.counts.items())
    click.echo(
        f"campaign {progress.id} (started {progress.created_at:%Y-%m-%d %H:%M:%S} UTC, queue "
        f"{progress.queue}): {len(progress.sites)} sites, {counts}"
    )
    click.echo(
        f"{'state':<9}  {'run':>5}  {'audited':>7}  {'failed':>6}  {'tries':>5}  {'worker':<24}  "
        "organisation  site"
    )
    for site in progress.sites:
        click.echo(
            f"{site.state:<9}  {site.run_id or '-':>5}  {site.audited:>7}  {site.failed:>6}  "
            f"{site.deliveries:>5}  {site.worker or '-':<24}  {site.organisation}  {site.start_url}"
            + (f"  ({site.error})" if site.error else "")
        )


@campaign.command("resume")
@click.argument("campaign_ref", metavar="CAMPAIGN")
@broker_option
@db_option
@user_errors
def campaign_resume(campaign_ref: str, **flags) -> None:
    """Send again a campaign's unfinished sites that no live worker has (a broker restart lost them, say).

    Safe to repeat: a site a live worker has, or a finished one, is left alone.

    Example: a11ycheck campaign resume 3
    """
    from a11ycheck.distributed.campaigns import resend_unfinished
    from a11ycheck.store import Store

    settings = settings_from(**flags)
    resent, count = resend_unfinished(Store(settings.db), settings, campaign_ref)
    click.echo(f"campaign {resent.id}: {count} unfinished sites sent again (queue {resent.queue})")


@click.command()
@click.option(
    "--concurrency", type=int, default=1, show_default=True, help="Sites audited at once, one process each."
)
@click.option("--browsers", type=int, help=option_help("browsers", "Headless browsers per site"))
@browser_url_option
@click.option(
    "--name", metavar="NAME", help="Worker name, e.g. audit1@%h (%h: host name); default celery@HOST."
)
@broker_option
@queue_option
@db_option
@user_errors
def worker(concurrency: int, name: str | None, **flags) -> None:
    """Audit the campaign sites the broker hands out, until Ctrl-C or SIGTERM.

    A site whose worker dies is sent to another and resumed from the pages already written.

    Example: a11ycheck worker --concurrency 2 --browsers 2 --browser-url http://selenium-hub:4444
    """
    from a11ycheck.distributed.worker import run_worker

    run_worker(settings_from(**flags), concurrency, name)
