"""The `a11ycheck report` commands: parse, call a11ycheck.report, print.

cli.py registers the group (`cli.add_command(report)`), so this module does not import cli.py; like
cli_charters.py it has its own two small helpers following cli.py's (`--db`, one-line errors with exit 2).
"""

from pathlib import Path

import click
from click.core import ParameterSource

from a11ycheck.cli_options import user_errors
from a11ycheck.errors import UserError
from a11ycheck.settings import Settings
from a11ycheck.store import Store


@click.group()
def report() -> None:
    """Static HTML reports: overview, municipalities, runs and pages, in Dutch or English.

    Example: a11ycheck report build && a11ycheck report serve
    """


@report.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default="reports",
    show_default=True,
    help="Folder to write the report to (a new, empty or earlier report folder).",
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
@click.option(
    "--charters",
    "charters_dir",
    metavar="DIR",
    type=click.Path(path_type=Path),
    envvar="A11YCHECK_CHARTERS",
    default="charters",
    show_default=True,
    help="Folder of charter files (<slug>.yaml); without it the report shows no charter progress. "
    "Env: A11YCHECK_CHARTERS.",
)
@click.option(
    "--db",
    "db",
    metavar="URL",
    envvar="A11YCHECK_DB",
    help="Database URL (sqlite:///file.db or postgresql://...). Env: A11YCHECK_DB. "
    "Default: ~/.local/share/a11ycheck/a11ycheck.db",
)
@click.pass_context
@user_errors
def build(
    ctx: click.Context,
    out: Path,
    municipality: str | None,
    lang: str,
    single_file: bool,
    charters_dir: Path,
    db: str | None,
) -> None:
    """Write the report as a static site (or one file) that works from disk or any web server.

    Example: a11ycheck report build --out reports --lang nl
    """
    from a11ycheck.report.build import ReportRequest, build_report

    if not charters_dir.is_dir():
        if ctx.get_parameter_source("charters_dir") != ParameterSource.DEFAULT:
            raise UserError(
                f"no charters folder {charters_dir}: pass --charters DIR or set A11YCHECK_CHARTERS"
            )
        click.echo(f"no charters folder {charters_dir}: the report shows no charter progress", err=True)
        charters_dir = None
    store = Store(Settings.from_env().with_flags(db=db).db)
    request = ReportRequest(
        out=out, lang=lang, municipality=municipality, single_file=single_file, charters_dir=charters_dir
    )
    result = build_report(store, request)
    organisations = f"{result.organisations} organisation{'' if result.organisations == 1 else 's'}"
    click.echo(f"report written: {result.path} ({result.files} pages, {organisations})")


@report.command()
@click.option(
    "--dir",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    default="reports",
    show_default=True,
    help="The report folder to serve.",
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port on 127.0.0.1."
)
@user_errors
def serve(folder: Path, port: int) -> None:
    """Serve a built report on http://127.0.0.1:PORT/ until Ctrl-C.

    Example: a11ycheck report serve --dir reports --port 8000
    """
    from a11ycheck.report.serve import serve_forever

    serve_forever(folder, port)
