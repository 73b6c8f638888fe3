"""The `a11ycheck` command: parse, call the library, print. No logic lives here."""

import logging
import sys
from pathlib import Path

import click

from a11ycheck.cli_options import db_option, user_errors
from a11ycheck.errors import UserError
from a11ycheck.progress import RunProgress
from a11ycheck.settings import Settings
from a11ycheck.store import RunSummary, Store


def _audit_options(command):
    options = [
        click.option(
            "--browsers", type=int, help="Headless Chromium browsers working in parallel (default 2)."
        ),
        click.option(
            "--allow-private",
            is_flag=True,
            default=None,
            help="Allow loopback and private-network targets (refused by default).",
        ),
        click.option(
            "--tags", help="Only run axe rules with these tags, comma-separated, e.g. wcag2a,wcag2aa."
        ),
        click.option("--page-timeout", type=float, help="Seconds a page may take to load (default 30)."),
        click.option("--axe-timeout", type=float, help="Seconds the axe run may take (default 60)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _site_selection_options(command):
    """What `monitor` and `campaign start` share: which configured sites, and how each is audited."""
    options = [
        click.option(
            "--organisation",
            "organisations",
            multiple=True,
            metavar="SLUG",
            help="Only the sites of this organisation (repeatable).",
        ),
        click.option("--max-pages", type=int, default=200, show_default=True, help="Pages per site at most."),
        click.option(
            "--allow-private", is_flag=True, default=None, help="Allow loopback and private-network sites."
        ),
        click.option("--tags", help="Only run axe rules with these tags, comma-separated."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _settings(db: str | None, **flags) -> Settings:
    tags = flags.pop("tags", None)
    if tags is not None:
        flags["tags"] = tuple(t.strip() for t in tags.split(",") if t.strip())
    flags["page_load_timeout"] = flags.pop("page_timeout", None)
    return Settings.from_env().with_flags(db=db, **flags)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="a11ycheck")
@click.option("-v", "--verbose", is_flag=True, help="Log what the crawler and browsers do.")
def cli(verbose: bool) -> None:
    """Crawl websites, audit every page with axe-core in headless Chromium, keep every finding.

    Example: a11ycheck crawl https://www.gemeente.be/ --max-pages 200
    """
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    for handler in logging.root.handlers:
        handler.setLevel(level)  # Scrapy resets logger levels; the handler's level still holds


@cli.command()
@click.argument("start_url")
@click.option("--max-pages", type=int, help="Stop after this many pages (default 500).")
@click.option(
    "--max-depth", type=int, help="Follow links at most this deep from the start page (default 10)."
)
@click.option("--include", multiple=True, metavar="REGEX", help="Only crawl URLs matching (repeatable).")
@click.option("--exclude", multiple=True, metavar="REGEX", help="Never crawl URLs matching (repeatable).")
@click.option(
    "--delay",
    "download_delay",
    type=float,
    help="Seconds between requests to the site; AutoThrottle adapts from here (default 0.5).",
)
@_audit_options
@click.option("--campaign-site", type=int, hidden=True)  # set by `a11ycheck worker`: links the run to it
@db_option
@user_errors
def crawl(start_url: str, db: str | None, campaign_site: int | None = None, **flags) -> None:
    """Crawl START_URL's site (robots.txt, sitemaps, links) and audit every HTML page.

    Example: a11ycheck crawl https://www.voorbeeld.be/ --max-pages 100 --browsers 2
    """
    from a11ycheck.runs import crawl_site, crawl_target

    settings = _settings(db, **flags)
    crawl_target(start_url, settings)
    settings.browser_config()
    if campaign_site is None:
        store = Store(settings.db)
    else:
        from a11ycheck.distributed.run_link import CampaignRunStore

        store = CampaignRunStore(settings.db, campaign_site)
    with RunProgress() as progress:
        summary = crawl_site(start_url, settings, store, progress)
    _finish(summary, store)


@cli.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--urls-file",
    type=click.File("r", encoding="utf-8"),
    help="A file with one URL per line (- for standard input); # starts a comment.",
)
@_audit_options
@db_option
@user_errors
def audit(urls: tuple[str, ...], urls_file, db: str | None, **flags) -> None:
    """Audit exactly these pages, following no links.

    Example: a11ycheck audit https://www.voorbeeld.be/ https://www.voorbeeld.be/contact
    """
    from a11ycheck.runs import audit_targets, audit_urls

    targets = list(urls)
    if urls_file is not None:
        targets += [line.strip() for line in urls_file if line.strip() and not line.lstrip().startswith("#")]
    if not targets:
        raise UserError("no URLs given: pass URLs as arguments or --urls-file FILE")
    settings = _settings(db, **flags)
    targets = audit_targets(targets, settings)
    settings.browser_config()
    store = Store(settings.db)
    with RunProgress() as progress:
        summary = audit_urls(targets, settings, store, progress)
    _finish(summary, store)


@cli.command()
@click.option("--limit", type=int, default=20, show_default=True, help="Show at most this many runs.")
@db_option
@user_errors
def runs(db: str | None, limit: int) -> None:
    """List runs, newest first: id, start, site, status, pages audited/failed.

    Example: a11ycheck runs --limit 5
    """
    store = Store(_settings(db).db)
    summaries = store.run_summaries(limit)
    if not summaries:
        click.echo("no runs yet: start one with `a11ycheck crawl URL`", err=True)
        return
    click.echo(
        f"{'id':>5}  {'started (UTC)':<19}  {'status':<11}  {'audited':>7}  {'failed':>6}  "
        f"{'http-err':>8}  {'violations':>10}  site"
    )
    for s in summaries:
        click.echo(
            f"{s.id:>5}  {s.started_at:%Y-%m-%d %H:%M:%S}  {s.status:<11}  {s.audited:>7}  "
            f"{s.failed:>6}  {s.http_errors:>8}  {s.violations:>10}  {s.start_url or '(list audit)'}"
        )


@cli.command()
@click.argument("run")
@db_option
@user_errors
def resume(run: str, db: str | None) -> None:
    """Finish a killed or interrupted run (RUN: an id or `latest`) with the settings it started with.

    Pages already written are not audited again; browsers the killed run left behind are stopped.

    Example: a11ycheck resume latest
    """
    from a11ycheck.runs import resume_run

    store = Store(_settings(db).db)
    with RunProgress() as progress:
        summary = resume_run(run, store, progress)
    _finish(summary, store)


@cli.command()
@click.argument("run")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file instead of standard output.",
)
@db_option
@user_errors
def export(run: str, fmt: str, output: Path | None, db: str | None) -> None:
    """Export a run's findings; RUN is a run id or `latest`.

    Example: a11ycheck export latest --format csv -o findings.csv
    """
    from a11ycheck.export import render, write_atomically

    store = Store(_settings(db).db)
    content = render(store, store.resolve_run(run), fmt)
    if output is None:
        sys.stdout.write(content)
        return
    if not output.expanduser().parent.is_dir():
        raise UserError(f"cannot write {output}: its folder does not exist")
    write_atomically(output, content)
    click.echo(f"wrote {output}", err=True)


@cli.command()
@click.option("--serve", is_flag=True, help="Only serve the demo site on loopback until Ctrl-C.")
@click.option(
    "--port",
    type=int,
    default=0,
    help="Port for the demo site (default: 8000 with --serve, else any free port).",
)
@click.option("--browsers", type=int, help="Headless browsers (default 2).")
@click.option(
    "--charters",
    "charters_dir",
    type=click.Path(path_type=Path),
    envvar="A11YCHECK_CHARTERS",
    default="charters",
    help="Folder with voorbeeld.yaml, the demo municipality's charter (default ./charters).",
)
@click.option(
    "--report-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default="reports",
    show_default=True,
    help="Where the HTML report is written.",
)
@db_option
@user_errors
def demo(
    serve: bool, port: int, browsers: int | None, charters_dir: Path, report_dir: Path, db: str | None
) -> None:
    """Serve the bundled demo on loopback, crawl and audit it, show its charter, build the HTML report.

    Example: a11ycheck demo
    """
    from a11ycheck.demo.organisation import DEMO_ORGANISATION, attach_demo_site
    from a11ycheck.demo.server import DemoServer, serve_forever
    from a11ycheck.runs import crawl_site

    if serve:
        serve_forever(port=port or 8000)
        return
    settings = _settings(db, browsers=browsers, allow_private=True, download_delay=0.0)
    store = Store(settings.db)
    with DemoServer(port=port) as server:
        click.echo(f"demo site served at {server.base_url}/", err=True)
        attach_demo_site(store, server.base_url)
        with RunProgress() as progress:
            summary = crawl_site(server.base_url + "/", settings, store, progress)
    charters = charters_dir if (charters_dir / f"{DEMO_ORGANISATION}.yaml").is_file() else None
    if charters is not None:
        from a11ycheck.cli_charters import status as charter_status

        click.echo(f"\ncharter of {DEMO_ORGANISATION} ({charters_dir / DEMO_ORGANISATION}.yaml):")
        click.get_current_context().invoke(
            charter_status,
            municipality=DEMO_ORGANISATION,
            fmt="table",
            today=None,
            charters_dir=charters_dir,
            db=settings.db,
        )
    from a11ycheck.report.build import ReportRequest, build_report

    built = build_report(store, ReportRequest(out=report_dir, charters_dir=charters))
    click.echo(
        f"report written to {built.path} ({built.files} files); "
        f"serve it with: a11ycheck report serve --dir {report_dir}"
    )
    _finish(summary, store)


@cli.command()
@_site_selection_options
@click.option("--browsers", type=int, help="Headless browsers per site crawl (default 2).")
@db_option
@user_errors
def monitor(organisations: tuple[str, ...], db: str | None, **flags) -> None:
    """Audit every configured site in turn, for cron or a systemd timer; a failing site never stops the rest.

    Exit code 0 when every site was audited completely, 1 when some site failed (the summary names it).

    Example: a11ycheck monitor --max-pages 200
    """
    from a11ycheck.monitor import configured_sites, monitor_sites

    settings = _settings(db, **flags)
    store = Store(settings.db)
    sites = configured_sites(store, organisations)
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


def _broker_option(command):
    return click.option(
        "--broker",
        metavar="URL",
        help="Celery broker: redis://HOST:6379/0 or amqp://USER:PASSWORD@HOST:5672// "
        "(env A11YCHECK_BROKER; default redis://127.0.0.1:6379/0).",
    )(command)


def _queue_option(command):
    return click.option(
        "--queue",
        metavar="NAME",
        help="Broker queue of campaign sites (env A11YCHECK_QUEUE; default a11ycheck).",
    )(command)


@cli.group()
def campaign() -> None:
    """A monitoring campaign spread over `a11ycheck worker` processes on any number of machines.

    Example: a11ycheck campaign start --max-pages 200, then a11ycheck campaign status
    """


@campaign.command("start")
@_site_selection_options
@_broker_option
@_queue_option
@db_option
@user_errors
def campaign_start(organisations: tuple[str, ...], db: str | None, **flags) -> None:
    """Send every configured site (`a11ycheck sites add`) to the workers, one message per site.

    Example: a11ycheck campaign start --organisation gent --max-pages 200
    """
    from a11ycheck.distributed.campaigns import start_campaign
    from a11ycheck.distributed.celery_app import broker_display

    settings = _settings(db, **flags)
    started, count = start_campaign(Store(settings.db), settings, organisations)
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

    settings = _settings(db)
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
@_broker_option
@db_option
@user_errors
def campaign_resume(campaign_ref: str, db: str | None, **flags) -> None:
    """Send again a campaign's unfinished sites that no live worker has (a broker restart lost them, say).

    Safe to repeat: a site a live worker has, or a finished one, is left alone.

    Example: a11ycheck campaign resume 3
    """
    from a11ycheck.distributed.campaigns import resend_unfinished

    settings = _settings(db, **flags)
    resent, count = resend_unfinished(Store(settings.db), settings, campaign_ref)
    click.echo(f"campaign {resent.id}: {count} unfinished sites sent again (queue {resent.queue})")


@cli.command()
@click.option(
    "--concurrency", type=int, default=1, show_default=True, help="Sites audited at once, one process each."
)
@click.option("--browsers", type=int, help="Headless browsers per site (default 2).")
@click.option(
    "--browser-url",
    metavar="URL",
    help="Use a Selenium Grid (remote WebDriver) instead of local Chromium, e.g. http://selenium-hub:4444 "
    "(env A11YCHECK_BROWSER_URL).",
)
@click.option(
    "--name", metavar="NAME", help="Worker name, e.g. audit1@%h (%h: host name); default celery@HOST."
)
@_broker_option
@_queue_option
@db_option
@user_errors
def worker(concurrency: int, name: str | None, db: str | None, **flags) -> None:
    """Audit the campaign sites the broker hands out, until Ctrl-C or SIGTERM.

    A site whose worker dies is sent to another and resumed from the pages already written.

    Example: a11ycheck worker --concurrency 2 --browsers 2 --browser-url http://selenium-hub:4444
    """
    from a11ycheck.distributed.worker import run_worker

    run_worker(_settings(db, **flags), concurrency, name)


def _finish(summary: RunSummary, store: Store) -> None:
    """Print what the run did and where it is, then exit 0 (done), 1 (pages failed) or 130 (interrupted)."""
    click.echo(
        f"run {summary.id} {summary.status}: {summary.pages} pages, {summary.audited} audited, "
        f"{summary.failed} failed, {summary.http_errors} HTTP errors, {summary.violations} violations, "
        f"{summary.documents} documents"
    )
    click.echo(f"results in {store.display_url}; export with: a11ycheck export {summary.id} --format json")
    if summary.status == "interrupted":
        click.echo(
            f"interrupted: run {summary.id} keeps the pages audited so far; "
            f"finish it with: a11ycheck resume {summary.id}",
            err=True,
        )
        sys.exit(130)
    if summary.failed or summary.audited == 0:
        sys.exit(1)


from a11ycheck.cli_charters import charter, sites  # noqa: E402 - groups registered after the core commands
from a11ycheck.cli_report import report  # noqa: E402

cli.add_command(charter)
cli.add_command(sites)
cli.add_command(report)


def main() -> None:
    """Run the CLI; every usage or input error is one line on stderr with exit code 2."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.UsageError as exc:
        path = exc.ctx.command_path if exc.ctx else "a11ycheck"
        click.echo(f"Error: {exc.format_message()} (see '{path} --help')", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
