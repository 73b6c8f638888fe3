"""The `a11ycheck report` commands: parse, call a11ycheck.report, print.

cli.py registers the group; options and errors come from cli_options.py, defaults and help from settings.py.
"""

from pathlib import Path

import click

from a11ycheck.cli_options import charters_folder, charters_option, db_option, settings_from, user_errors
from a11ycheck.settings import option_help


@click.group()
def report() -> None:
    """Static HTML reports: overview, municipalities, runs and pages, in Dutch or English.

    Example: a11ycheck report build && a11ycheck report serve
    """


@report.command()
@click.option(
    "--out", "reports", type=click.Path(path_type=Path, file_okay=False), help=option_help("reports")
)
@click.option("--municipality", metavar="SLUG", help="Only this organisation (slug, name or NIS code).")
@click.option(
    "--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of the report."
)
@click.option(
    "--single-file",
    is_flag=True,
    help="With --municipality: one self-contained HTML file (styles and charts inline), to send by mail.",
)
@charters_option
@db_option
@user_errors
def build(municipality: str | None, lang: str, single_file: bool, **flags) -> None:
    """Write the report as a static site (or one file) that works from disk or any web server.

    Without a charters folder (the default ./charters missing) the report shows no charter progress.

    Example: a11ycheck report build --out reports --lang nl
    """
    from a11ycheck.report.build import ReportRequest, build_report
    from a11ycheck.store import Store

    settings = settings_from(**flags)
    charters = charters_folder(settings, required=False)
    if charters is None:
        click.echo(f"no charters folder {settings.charters}: the report shows no charter progress", err=True)
    request = ReportRequest(
        out=settings.reports,
        lang=lang,
        municipality=municipality,
        single_file=single_file,
        charters_dir=charters,
        stale_after=settings.stale_after_days,
    )
    result = build_report(Store(settings.db), request)
    organisations = f"{result.organisations} organisation{'' if result.organisations == 1 else 's'}"
    click.echo(f"report written: {result.path} ({result.files} pages, {organisations})")


@report.command()
@click.option(
    "--dir",
    "reports",
    type=click.Path(path_type=Path, file_okay=False),
    help=option_help("reports", "The report folder to serve"),
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port on 127.0.0.1."
)
@user_errors
def serve(reports: Path | None, port: int) -> None:
    """Serve a built report on http://127.0.0.1:PORT/ until Ctrl-C.

    Example: a11ycheck report serve --dir reports --port 8000
    """
    from a11ycheck.report.serve import serve_forever

    serve_forever(settings_from(reports=reports).reports, port)
