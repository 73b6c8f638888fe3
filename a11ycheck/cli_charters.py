"""The `a11ycheck charter` commands: parse, call a11ycheck.charters, print.

cli.py registers the group; the options and error handling they share with it are in cli_options.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from a11ycheck.cli_options import (
    InputError,
    charters_folder,
    charters_option,
    db_option,
    echo_table,
    settings_from,
    user_errors,
)
from a11ycheck.errors import UserError

if TYPE_CHECKING:
    from a11ycheck.store import Store

# The charters, the register and the store load inside the commands: `a11ycheck --help`, and every command
# but the one run, need none of them (SQLAlchemy, alembic, wordfreq).


def _status_style(status: str) -> dict:
    from a11ycheck.charters.status import AT_RISK, BEHIND, MET, NO_DATA, ON_TRACK, OVERDUE, STALE

    styles = {
        MET: {"fg": "green", "bold": True},
        ON_TRACK: {"fg": "green"},
        AT_RISK: {"fg": "yellow"},
        BEHIND: {"fg": "red"},
        OVERDUE: {"fg": "red", "bold": True},
        STALE: {"fg": "magenta"},
        NO_DATA: {"dim": True},
    }
    return styles.get(status, {})


def _default_author() -> str:
    from a11ycheck.charters.updates import default_author

    return default_author()


def _store(db: str | None) -> Store:
    from a11ycheck.store import Store

    return Store(settings_from(db=db).db)


def _charters(charters: Path | None) -> Path:
    """The charters folder from --charters, A11YCHECK_CHARTERS or the default; a UserError if missing."""
    return charters_folder(settings_from(charters=charters))


# --- charter -------------------------------------------------------------------------------------------


@click.group()
def charter() -> None:
    """Accessibility charters: commitments with deadlines, measured against the audits or reported.

    Example: a11ycheck charter status voorbeeld
    """


@charter.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@charters_option
@user_errors
def validate(paths: tuple[Path, ...], charters: Path | None) -> None:
    """Check charter files (default: every file in the charters folder); list every problem as FILE:LINE.

    Exit code 2 when a file has a problem.

    Example: a11ycheck charter validate charters/voorbeeld.yaml
    """
    from a11ycheck.charters.loader import CharterProblems, charter_files, load_charters
    from a11ycheck.register import Register

    folders = paths or (_charters(charters),)
    files = charter_files(folders)
    if not files:
        raise UserError(f"no charter files (*.yaml) in {', '.join(map(str, folders))}")
    try:
        loaded = load_charters(files, Register.load())
    except CharterProblems as exc:
        for problem in exc.problems:
            click.echo(str(problem))
        broken = len({problem.path for problem in exc.problems})
        count = len(exc.problems)
        raise InputError(
            f"{count} problem{'s' if count != 1 else ''} in {broken} of {len(files)} charter files"
        ) from None
    commitments = sum(len(c.commitments) for c in loaded)
    click.echo(f"{len(loaded)} charter files OK, {commitments} commitments")


@charter.command("list")
@charters_option
@db_option
@user_errors
def list_charters(charters: Path | None, db: str | None) -> None:
    """List the charters: municipality, signing date, commitments, configured sites.

    Example: a11ycheck charter list
    """
    from a11ycheck.charters.loader import load_charters
    from a11ycheck.register import Register
    from a11ycheck.sites import list_sites

    register = Register.load()
    folder = _charters(charters)
    loaded = load_charters([folder], register)
    if not loaded:
        click.echo(f"no charters in {folder} yet: see charters/README.md for the format", err=True)
        return
    store = _store(db)
    rows = []
    for item in loaded:
        measured = sum(c.is_measured for c in item.commitments)
        rows.append(
            (
                item.slug,
                register.get(item.slug).name,
                item.signed.isoformat(),
                f"{len(item.commitments)} ({measured} measured, {len(item.commitments) - measured} reported)",
                str(len(list_sites(store, [item.slug]))),
            )
        )
    echo_table(("municipality", "name", "signed", "commitments", "sites"), rows)


@charter.command()
@click.argument("municipality")
@charters_option
@db_option
@user_errors
def show(municipality: str, charters: Path | None, db: str | None) -> None:
    """Show a municipality's charter: partners, sites and every commitment with its KPI.

    Example: a11ycheck charter show "Sint-Niklaas"
    """
    from a11ycheck.charters.charter import DONE
    from a11ycheck.charters.loader import load_charter
    from a11ycheck.register import Register
    from a11ycheck.sites import list_sites

    register = Register.load()
    organisation = register.get(municipality)
    item = load_charter(_charters(charters), organisation.slug, register)
    sites = list_sites(_store(db), [organisation.slug])
    click.echo(f"{organisation.name} ({organisation.slug}), charter {item.path}")
    if item.title:
        click.echo(f"title: {item.title}")
    click.echo(f"signed: {item.signed}")
    click.echo(f"partners: {', '.join(item.partners) or '-'}")
    if sites:
        click.echo(f"sites: {', '.join(site.start_url for site in sites)}")
    else:
        click.echo(f"sites: none yet (add one with `a11ycheck sites add {organisation.slug} URL`)")
    for commitment in item.commitments:
        kpi = commitment.kpi
        click.echo(f"\n{commitment.id}: {commitment.title}")
        click.echo(f"  domain {commitment.domain}, deadline {commitment.deadline}")
        if commitment.description:
            click.echo(f"  {commitment.description}")
        if commitment.reported and commitment.reported.type == DONE:
            click.echo(f"  {kpi.describe()}")
        else:
            better = f"{kpi.direction} is better"
            click.echo(f"  {kpi.describe()}: {kpi.baseline:g} -> {kpi.target:g} {commitment.unit} ({better})")


@charter.command()
@click.argument("municipality", required=False)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Evaluate as of this day (YYYY-MM-DD), with the data recorded up to then. Default: today.",
)
@charters_option
@db_option
@user_errors
def status(municipality: str | None, fmt: str, today, charters: Path | None, db: str | None) -> None:
    """Where every commitment stands: current value, trajectory, target and status.

    Statuses: met, on track, at risk, behind, overdue, stale, no data (rules in charters/README.md). The table
    has one line per commitment with the municipality on each, so it can be piped to grep.

    Example: a11ycheck charter status voorbeeld --format json
    """
    from a11ycheck.store import Store

    settings = settings_from(db=db, charters=charters)
    print_statuses(
        Store(settings.db), charters_folder(settings), municipality, fmt, today.date() if today else None
    )


def print_statuses(store: Store, folder: Path, municipality: str | None, fmt: str, day: date | None) -> None:
    """Print the statuses of one municipality's charter (or of every charter in `folder`) as `fmt`."""
    from a11ycheck.charters.loader import load_charter
    from a11ycheck.charters.status import evaluate_all, evaluate_charter
    from a11ycheck.charters.status_output import statuses_csv, statuses_json, statuses_table
    from a11ycheck.register import Register

    day = day or date.today()
    stale_after = settings_from().stale_after_days
    register = Register.load()
    if municipality:
        organisation = register.get(municipality)
        statuses = {
            organisation.slug: evaluate_charter(
                store, load_charter(folder, organisation.slug, register), day, stale_after
            )
        }
    else:
        statuses = evaluate_all(store, folder, day, register, stale_after)
        if not statuses:
            raise UserError(
                f"no charters in {folder}: write <slug>.yaml files there (see charters/README.md)"
            )
    if fmt == "json":
        click.echo(statuses_json(statuses, day), nl=False)
    elif fmt == "csv":
        click.echo(statuses_csv(statuses), nl=False)
    else:
        for line in statuses_table(statuses, lambda s, text: click.style(text, **_status_style(s))):
            click.echo(line)  # click drops the colours when stdout is not a terminal


@charter.command()
@click.argument("municipality")
@click.argument("commitment")
@click.option(
    "--value", metavar="V", help="The new value of a number or percentage commitment (12, 12,5, 45%)."
)
@click.option("--done/--not-done", "done", default=None, help="For a done / not done commitment.")
@click.option("--note", required=True, help="What changed; kept with the update.")
@click.option("--evidence", metavar="URL", help="A web page that shows it (an http(s) URL).")
@click.option("--author", default=_default_author, show_default="$USER", help="Who reports this.")
@charters_option
@db_option
@user_errors
def update(
    municipality: str,
    commitment: str,
    value: str | None,
    done: bool | None,
    note: str,
    evidence: str | None,
    author: str,
    charters: Path | None,
    db: str | None,
) -> None:
    """Record progress on a reported commitment; every update is kept with its date and author.

    Example: a11ycheck charter update voorbeeld aangepaste-toiletten --value 4 --note "Toilet in de bib"
    """
    from a11ycheck.charters.loader import load_charter
    from a11ycheck.charters.updates import parse_value, record_update
    from a11ycheck.register import Register

    register = Register.load()
    organisation = register.get(municipality)
    item = load_charter(_charters(charters), organisation.slug, register)
    number = parse_value(value) if value is not None else None
    record = record_update(
        _store(db), item, commitment, value=number, done=done, note=note, evidence_url=evidence, author=author
    )
    target = item.find(record.commitment)
    shown = (
        "done"
        if record.done
        else "not done"
        if record.done is not None
        else f"{record.value:g} {target.unit}"
    )
    click.echo(
        f"recorded {organisation.slug} {record.commitment}: {shown.strip()} "
        f"(by {record.author}, {record.recorded_at:%Y-%m-%d %H:%M} UTC)"
    )


@charter.command()
@click.argument("municipality")
@click.argument("commitment", required=False)
@charters_option
@db_option
@user_errors
def history(municipality: str, commitment: str | None, charters: Path | None, db: str | None) -> None:
    """Every reported update of a municipality (or one commitment), oldest first.

    Example: a11ycheck charter history voorbeeld voetpaden
    """
    from a11ycheck.charters.loader import load_charter
    from a11ycheck.charters.updates import find_commitment, update_history
    from a11ycheck.register import Register

    register = Register.load()
    organisation = register.get(municipality)
    folder = settings_from(charters=charters).charters
    if commitment is not None and (folder / f"{organisation.slug}.yaml").is_file():
        commitment = find_commitment(load_charter(folder, organisation.slug, register), commitment).id
    records = update_history(_store(db), organisation.slug, commitment)
    if not records:
        click.echo(
            f"no updates recorded for {organisation.slug} {commitment or ''}".rstrip()
            + f" yet: record one with `a11ycheck charter update {organisation.slug} COMMITMENT ...`",
            err=True,
        )
        return
    rows = [
        (
            f"{r.recorded_at:%Y-%m-%d %H:%M}",
            organisation.slug,
            r.commitment,
            ("done" if r.done else "not done") if r.done is not None else f"{r.value:g}",
            r.author,
            r.note + (f" ({r.evidence_url})" if r.evidence_url else ""),
        )
        for r in records
    ]
    echo_table(("recorded (UTC)", "municipality", "commitment", "value", "author", "note"), rows)
