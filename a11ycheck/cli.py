"""The `a11ycheck` command: parse, call the library, print. No logic lives here.

The command groups live beside it (cli_campaigns, cli_charters, cli_documents, cli_language, cli_report,
cli_retention, cli_review, cli_sites, cli_statements); the options and the error handling they share are in
cli_options.py, their defaults and help texts in settings.py.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from a11ycheck.cli_options import (
    audit_options,
    charters_folder,
    charters_option,
    db_option,
    document_options,
    echo_table,
    settings_from,
    user_errors,
)
from a11ycheck.engine import declared_version
from a11ycheck.errors import UserError
from a11ycheck.settings import Settings, option_help

if TYPE_CHECKING:  # the store (SQLAlchemy, alembic) and the progress bar (rich) load when a command runs,
    # so `a11ycheck --help` and input refused before any work start quickly (tests/test_imports.py)
    from a11ycheck.store import RunSummary, Store


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    package_name="a11ycheck", message=f"%(package)s %(version)s, axe-core {declared_version()}"
)
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
@click.option("--max-pages", type=int, help=option_help("max_pages"))
@click.option("--max-depth", type=int, help=option_help("max_depth"))
@click.option(
    "--include",
    multiple=True,
    metavar="REGEX",
    help=option_help("include", "Only crawl URLs matching (repeatable)"),
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="REGEX",
    help=option_help("exclude", "Never crawl URLs matching (repeatable)"),
)
@click.option("--delay", "download_delay", type=float, help=option_help("download_delay"))
@click.option("--full", is_flag=True, default=None, help=option_help("full"))
@document_options
@audit_options
@click.option("--sample-only", is_flag=True, default=None, help=option_help("sample_only"))
@click.option("--campaign-site", type=int, hidden=True)  # set by a campaign worker (crawl_request.py)
@db_option
@user_errors
def crawl(start_url: str, campaign_site: int | None = None, **flags) -> None:
    """Crawl START_URL's site (robots.txt, sitemaps, links) and audit every HTML page.

    With --sample-only, audit only the pages of the site's latest sample (`a11ycheck sample`), as a list
    audit recorded against the site: simplified monitoring without a full crawl.

    Example: a11ycheck crawl https://www.voorbeeld.be/ --max-pages 100 --browsers 2
    """
    from a11ycheck.targets import plan_crawl

    settings = settings_from(**flags)
    if settings.sample_only:
        _audit_sample(start_url, settings, campaign_site)
        return
    plan = plan_crawl(start_url, settings)
    from a11ycheck.progress import RunProgress  # the crawl's stack loads once the input is accepted
    from a11ycheck.runs import crawl_site

    store = _run_store(settings, campaign_site)
    with RunProgress() as progress:
        summary = crawl_site(plan, store, progress)
    _finish(summary, store)


def _run_store(settings: Settings, campaign_site: int | None) -> Store:
    """The database; a campaign worker's crawl links its run to its campaign site."""
    from a11ycheck.store import Store

    if campaign_site is None:
        return Store(settings.db)
    from a11ycheck.distributed.run_link import CampaignRunStore

    return CampaignRunStore(settings.db, campaign_site)


def _audit_sample(start_url: str, settings: Settings, campaign_site: int | None) -> None:
    """`crawl --sample-only`: the site's latest sample audited again, recorded against the site."""
    from a11ycheck.progress import RunProgress
    from a11ycheck.review.reaudit import sample_audit
    from a11ycheck.runs import audit_urls
    from a11ycheck.targets import plan_audit

    store = _run_store(settings, campaign_site)
    target = sample_audit(store, start_url)
    plan = plan_audit(target.urls, settings)
    click.echo(
        f"auditing the {len(target.urls)} pages of sample {target.sample_id} of {target.site_url}", err=True
    )
    with RunProgress() as progress:
        summary = audit_urls(plan, store, progress, site_url=target.site_url, sample=target.sample_id)
    _finish(summary, store)


@cli.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--urls-file",
    type=click.File("r", encoding="utf-8"),
    help="A file with one URL per line (- for standard input); lines starting with # are skipped.",
)
@audit_options
@db_option
@user_errors
def audit(urls: tuple[str, ...], urls_file, **flags) -> None:
    """Audit exactly these pages, following no links.

    Example: a11ycheck audit https://www.voorbeeld.be/ https://www.voorbeeld.be/contact
    """
    from a11ycheck.targets import plan_audit

    targets = list(urls)
    if urls_file is not None:
        targets += [line.strip() for line in urls_file if line.strip() and not line.lstrip().startswith("#")]
    if not targets:
        raise UserError("no URLs given: pass URLs as arguments or --urls-file FILE")
    settings = settings_from(**flags)
    plan = plan_audit(targets, settings)
    from a11ycheck.progress import RunProgress  # the audit's stack loads once the input is accepted
    from a11ycheck.runs import audit_urls
    from a11ycheck.store import Store

    store = Store(settings.db)
    with RunProgress() as progress:
        summary = audit_urls(plan, store, progress)
    _finish(summary, store)


@cli.command()
@click.option("--limit", type=int, default=20, show_default=True, help="Show at most this many runs.")
@db_option
@user_errors
def runs(db: str | None, limit: int) -> None:
    """List runs, newest first: id, start, site, status, pages audited/failed.

    Example: a11ycheck runs --limit 5
    """
    from a11ycheck.store import Store

    store = Store(settings_from(db=db).db)
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
    from a11ycheck.progress import RunProgress
    from a11ycheck.runs import resume_run
    from a11ycheck.store import Store

    store = Store(settings_from(db=db).db)
    with RunProgress() as progress:
        summary = resume_run(run, store, progress)
    _finish(summary, store)


@cli.command()
@click.argument("run")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "earl", "sarif"]),
    default="json",
    show_default=True,
    help="json (nested), csv (one row per element), earl (JSON-LD, W3C ACT) or sarif (SARIF 2.1.0).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--documents",
    is_flag=True,
    help="Export the run's documents and their checks instead (csv: one row per document and check).",
)
@click.option(
    "--language",
    is_flag=True,
    help="With --format csv: one row per page with its plain-language figures (docs/language.md).",
)
@db_option
@user_errors
def export(
    run: str,
    fmt: str,
    output: Path | None,
    db: str | None,
    documents: bool = False,
    language: bool = False,
) -> None:
    """Export a run's findings; RUN is a run id or `latest`.

    Example: a11ycheck export latest --format csv -o findings.csv
    """
    from a11ycheck.export import render, write_atomically
    from a11ycheck.store import Store

    store = Store(settings_from(db=db).db)
    content = render(store, store.resolve_run(run), fmt, documents=documents, language=language)
    if output is None:
        sys.stdout.write(content)
        return
    if not output.expanduser().parent.is_dir():
        raise UserError(f"cannot write {output}: its folder does not exist")
    write_atomically(output, content)
    click.echo(f"wrote {output}", err=True)


@cli.command()
@click.argument("run")
@click.option("--group", is_flag=True, help="One line per element failing on several pages (fix once).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
@user_errors
def findings(run: str, group: bool, fmt: str, db: str | None) -> None:
    """A run's failing elements (RUN: an id or `latest`); with --group, those that repeat on several pages
    because they come from a shared template, each once, with its pages: fix it once.

    Example: a11ycheck findings latest --group
    """
    from a11ycheck.finding_groups import group_findings
    from a11ycheck.store import Store

    store = Store(settings_from(db=db).db)
    nodes = store.failing_nodes(store.resolve_run(run))
    if group:
        rows = [g.to_dict() for g in group_findings(nodes)]
    else:
        rows = [
            {
                "page": n.page_url,
                "rule": n.rule,
                "impact": n.impact,
                "level": n.level,
                "target": list(n.target),
            }
            for n in nodes
        ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif group:
        echo_table(
            ("pages", "rule", "impact", "element"),
            [
                (len(r["pages"]), r["rule"], r["impact"] or "", " >>> ".join(r["element"]["target"]))
                for r in rows
            ],
        )
    else:
        echo_table(
            ("rule", "impact", "page", "element"),
            [(r["rule"], r["impact"] or "", r["page"], " >>> ".join(r["target"])) for r in rows],
        )


@cli.command()
@click.option("--serve", is_flag=True, help="Only serve the demo site on loopback until Ctrl-C.")
@click.option(
    "--port",
    type=int,
    default=0,
    help="Port for the demo site (default: 8000 with --serve, else any free port).",
)
@click.option("--browsers", type=int, help=option_help("browsers"))
@charters_option
@click.option(
    "--report-dir", "reports", type=click.Path(file_okay=False, path_type=Path), help=option_help("reports")
)
@db_option
@user_errors
def demo(serve: bool, port: int, **flags) -> None:
    """Serve the bundled demo on loopback, crawl and audit it, show its charter, build the HTML report.

    Example: a11ycheck demo
    """
    from a11ycheck.demo.organisation import DEMO_SLUG, attach_demo_site
    from a11ycheck.demo.server import DemoServer, serve_forever
    from a11ycheck.progress import RunProgress
    from a11ycheck.runs import crawl_site
    from a11ycheck.store import Store
    from a11ycheck.targets import plan_crawl

    if serve:
        serve_forever(port=port or 8000)
        return
    settings = settings_from(allow_private=True, download_delay=0.0, **flags)
    charters = charters_folder(settings, required=False)
    if charters is not None and not (charters / f"{DEMO_SLUG}.yaml").is_file():
        charters = None
    store = Store(settings.db)
    with DemoServer(port=port) as server:
        click.echo(f"demo site served at {server.base_url}/", err=True)
        plan = plan_crawl(server.base_url + "/", settings)
        attach_demo_site(store, server.base_url)
        with RunProgress() as progress:
            summary = crawl_site(plan, store, progress)
    if charters is not None:
        from a11ycheck.cli_charters import print_statuses

        click.echo(f"\ncharter of {DEMO_SLUG} ({charters / DEMO_SLUG}.yaml):")
        print_statuses(store, charters, DEMO_SLUG, "table", None)
    from a11ycheck.report.build import ReportRequest, build_report

    stale_after = settings.stale_after_days
    request = ReportRequest(out=settings.reports, charters_dir=charters, stale_after=stale_after)
    built = build_report(store, request)
    click.echo(
        f"report written to {built.path} ({built.files} files); "
        f"serve it with: a11ycheck report serve --dir {settings.reports}"
    )
    _finish(summary, store)


def _finish(summary: RunSummary, store: Store) -> None:
    """Print what the run did and where it is, then exit 0 (done), 1 (pages failed, or no page answered at
    all) or 130 (interrupted). An HTTP error or a redirect is the site's answer, not a failure."""
    click.echo(
        f"run {summary.id} {summary.status}: {summary.pages} pages, {summary.audited} audited, "
        f"{summary.failed} failed, {summary.http_errors} HTTP errors, {summary.redirected} redirected, "
        f"{summary.violations} violations, {summary.needs_review} needs review, {summary.documents} documents"
        + (f", {summary.reused} unchanged since run {summary.reuse_base}" if summary.reuse_base else "")
    )
    click.echo(f"results in {store.display_url}; export with: a11ycheck export {summary.id} --format json")
    if summary.status == "interrupted":
        click.echo(
            f"interrupted: run {summary.id} keeps the pages audited so far; "
            f"finish it with: a11ycheck resume {summary.id}",
            err=True,
        )
        sys.exit(130)
    if summary.failed or summary.audited + summary.http_errors + summary.redirected == 0:
        sys.exit(1)


# The command groups, registered after the core commands.
from a11ycheck.cli_campaigns import campaign, monitor, worker  # noqa: E402
from a11ycheck.cli_charters import charter  # noqa: E402
from a11ycheck.cli_documents import document  # noqa: E402
from a11ycheck.cli_language import language  # noqa: E402
from a11ycheck.cli_report import report  # noqa: E402
from a11ycheck.cli_retention import prune  # noqa: E402
from a11ycheck.cli_review import review, sample, sites_contact, statement_draft  # noqa: E402
from a11ycheck.cli_sites import sites  # noqa: E402
from a11ycheck.cli_statements import statement  # noqa: E402

statement.add_command(statement_draft)  # check and show (statements wing), draft (review wing)
sites.add_command(sites_contact)  # an organisation's contact details for its statement (review wing)
groups = (
    monitor,
    campaign,
    worker,
    charter,
    sites,
    report,
    statement,
    sample,
    review,
    document,
    language,
    prune,
)
for group in groups:
    cli.add_command(group)


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
