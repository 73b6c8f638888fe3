"""The `a11ycheck charter` and `a11ycheck sites` commands: parse, call a11ycheck.charters, print.

cli.py registers the two groups; the options and error handling they share with it are in cli_options.py.
"""

from datetime import date
from pathlib import Path

import click

from a11ycheck.charters.charter import DONE
from a11ycheck.charters.loader import CharterProblems, charter_files, load_charter, load_charters
from a11ycheck.charters.sites import (
    Change,
    SiteImportProblems,
    add_site,
    import_sites,
    list_sites,
    remove_site,
)
from a11ycheck.charters.status import (
    AT_RISK,
    BEHIND,
    MET,
    NO_DATA,
    ON_TRACK,
    OVERDUE,
    evaluate_all,
    evaluate_charter,
)
from a11ycheck.charters.status_output import statuses_csv, statuses_json, statuses_table
from a11ycheck.charters.updates import (
    default_author,
    find_commitment,
    parse_value,
    record_update,
    update_history,
)
from a11ycheck.cli_options import InputError, db_option, user_errors
from a11ycheck.errors import UserError
from a11ycheck.register import Register
from a11ycheck.settings import Settings
from a11ycheck.store import Store

STATUS_STYLES = {
    MET: {"fg": "green", "bold": True},
    ON_TRACK: {"fg": "green"},
    AT_RISK: {"fg": "yellow"},
    BEHIND: {"fg": "red"},
    OVERDUE: {"fg": "red", "bold": True},
    NO_DATA: {"dim": True},
}


def _charters_option(command):
    return click.option(
        "--charters",
        "charters_dir",
        metavar="DIR",
        type=click.Path(path_type=Path),
        envvar="A11YCHECK_CHARTERS",
        default="charters",
        show_default=True,
        help="Folder of charter files (<slug>.yaml). Env: A11YCHECK_CHARTERS.",
    )(command)


def _store(db: str | None) -> Store:
    return Store(Settings.from_env().with_flags(db=db).db)


def _charters_dir(charters_dir: Path) -> Path:
    if not charters_dir.is_dir():
        raise UserError(f"no charters folder {charters_dir}: pass --charters DIR or set A11YCHECK_CHARTERS")
    return charters_dir


# --- charter -------------------------------------------------------------------------------------------


@click.group()
def charter() -> None:
    """Accessibility charters: commitments with deadlines, measured against the audits or reported.

    Example: a11ycheck charter status voorbeeld
    """


@charter.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_charters_option
@user_errors
def validate(paths: tuple[Path, ...], charters_dir: Path) -> None:
    """Check charter files (default: every file in the charters folder); list every problem as FILE:LINE.

    Exit code 2 when a file has a problem.

    Example: a11ycheck charter validate charters/voorbeeld.yaml
    """
    files = charter_files(paths or [_charters_dir(charters_dir)])
    if not files:
        raise UserError(f"no charter files (*.yaml) in {', '.join(map(str, paths or [charters_dir]))}")
    try:
        charters = load_charters(files, Register.load())
    except CharterProblems as exc:
        for problem in exc.problems:
            click.echo(str(problem))
        broken = len({problem.path for problem in exc.problems})
        count = len(exc.problems)
        raise InputError(
            f"{count} problem{'s' if count != 1 else ''} in {broken} of {len(files)} charter files"
        ) from None
    commitments = sum(len(c.commitments) for c in charters)
    click.echo(f"{len(charters)} charter files OK, {commitments} commitments")


@charter.command("list")
@_charters_option
@db_option
@user_errors
def list_charters(charters_dir: Path, db: str | None) -> None:
    """List the charters: municipality, signing date, commitments, configured sites.

    Example: a11ycheck charter list
    """
    register = Register.load()
    charters = load_charters([_charters_dir(charters_dir)], register)
    if not charters:
        click.echo(f"no charters in {charters_dir} yet: see charters/README.md for the format", err=True)
        return
    store = _store(db)
    rows = []
    for item in charters:
        measured = sum(c.is_measured for c in item.commitments)
        rows.append(
            (
                item.slug,
                register.get(item.slug).name,
                item.signed.isoformat(),
                f"{len(item.commitments)} ({measured} measured, {len(item.commitments) - measured} reported)",
                str(len(list_sites(store, item.slug))),
            )
        )
    _echo_table(("municipality", "name", "signed", "commitments", "sites"), rows)


@charter.command()
@click.argument("municipality")
@_charters_option
@db_option
@user_errors
def show(municipality: str, charters_dir: Path, db: str | None) -> None:
    """Show a municipality's charter: partners, sites and every commitment with its KPI.

    Example: a11ycheck charter show "Sint-Niklaas"
    """
    register = Register.load()
    organisation = register.get(municipality)
    item = load_charter(_charters_dir(charters_dir), organisation.slug, register)
    sites = list_sites(_store(db), organisation.slug)
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
@_charters_option
@db_option
@user_errors
def status(municipality: str | None, fmt: str, today, charters_dir: Path, db: str | None) -> None:
    """Where every commitment stands: current value, trajectory, target and status.

    Statuses: met, on track, at risk, behind, overdue, no data (rules in charters/README.md). The table
    has one line per commitment with the municipality on each, so it can be piped to grep.

    Example: a11ycheck charter status voorbeeld --format json
    """
    day = today.date() if today else date.today()
    register = Register.load()
    store = _store(db)
    folder = _charters_dir(charters_dir)
    if municipality:
        organisation = register.get(municipality)
        statuses = {
            organisation.slug: evaluate_charter(store, load_charter(folder, organisation.slug, register), day)
        }
    else:
        statuses = evaluate_all(store, folder, day, register)
        if not statuses:
            raise UserError(
                f"no charters in {folder}: write <slug>.yaml files there (see charters/README.md)"
            )
    if fmt == "json":
        click.echo(statuses_json(statuses, day), nl=False)
    elif fmt == "csv":
        click.echo(statuses_csv(statuses), nl=False)
    else:
        for line in statuses_table(statuses, lambda s, text: click.style(text, **STATUS_STYLES.get(s, {}))):
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
@click.option("--author", default=default_author, show_default="$USER", help="Who reports this.")
@_charters_option
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
    charters_dir: Path,
    db: str | None,
) -> None:
    """Record progress on a reported commitment; every update is kept with its date and author.

    Example: a11ycheck charter update voorbeeld aangepaste-toiletten --value 4 --note "Toilet in de bib"
    """
    register = Register.load()
    organisation = register.get(municipality)
    item = load_charter(_charters_dir(charters_dir), organisation.slug, register)
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
@_charters_option
@db_option
@user_errors
def history(municipality: str, commitment: str | None, charters_dir: Path, db: str | None) -> None:
    """Every reported update of a municipality (or one commitment), oldest first.

    Example: a11ycheck charter history voorbeeld voetpaden
    """
    register = Register.load()
    organisation = register.get(municipality)
    if commitment is not None and (charters_dir / f"{organisation.slug}.yaml").is_file():
        commitment = find_commitment(load_charter(charters_dir, organisation.slug, register), commitment).id
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
    _echo_table(("recorded (UTC)", "municipality", "commitment", "value", "author", "note"), rows)


# --- sites ---------------------------------------------------------------------------------------------


@click.group()
def sites() -> None:
    """Which websites belong to which organisation, so their crawls count for its charter.

    Example: a11ycheck sites add sint-niklaas https://www.sint-niklaas.be/
    """


@sites.command("add")
@click.argument("organisation")
@click.argument("url")
@db_option
@user_errors
def add(organisation: str, url: str, db: str | None) -> None:
    """Attribute the site of URL (its host) to ORGANISATION (name, slug or NIS code).

    Example: a11ycheck sites add "Beveren-Kruibeke-Zwijndrecht" https://www.bkz.be/
    """
    owner = Register.load().get(organisation)
    site, change = add_site(_store(db), owner, url)
    messages = {
        Change.ADDED: f"added {site.host} for {owner.slug} (crawls start at {site.start_url})",
        Change.CLAIMED: f"added {site.host} for {owner.slug}; its earlier crawls now count for it too",
        Change.UNCHANGED: f"{site.host} is already a site of {owner.slug}: nothing changed",
    }
    click.echo(messages[change])


@sites.command("list")
@click.argument("organisation", required=False)
@db_option
@user_errors
def list_(organisation: str | None, db: str | None) -> None:
    """List configured sites, of every organisation or of one.

    Example: a11ycheck sites list antwerpen
    """
    slug = Register.load().get(organisation).slug if organisation else None
    found = list_sites(_store(db), slug)
    if not found:
        click.echo(
            f"no sites configured{' for ' + slug if slug else ''}: add one with `a11ycheck sites add`",
            err=True,
        )
        return
    _echo_table(("organisation", "host", "start url"), [(s.organisation, s.host, s.start_url) for s in found])


@sites.command()
@click.argument("url")
@db_option
@user_errors
def remove(url: str, db: str | None) -> None:
    """Stop attributing the site of URL to its organisation; its crawls are kept.

    Example: a11ycheck sites remove https://www.oude-site.be/
    """
    site, runs = remove_site(_store(db), url)
    click.echo(
        f"removed {site.host}; its {runs} run{'s' if runs != 1 else ''} are kept, attributed to nobody"
    )


@sites.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@user_errors
def import_(file: Path, db: str | None) -> None:
    """Add the sites of a CSV file with the columns organisation,url: all rows or, if one is bad, none.

    Example: a11ycheck sites import sites.csv
    """
    try:
        counts = import_sites(_store(db), Register.load(), file)
    except SiteImportProblems as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise
    click.echo(
        f"imported {file}: {counts[Change.ADDED] + counts[Change.CLAIMED]} sites added, "
        f"{counts[Change.UNCHANGED]} already there"
    )


def _echo_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Aligned columns, the last one left ragged."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, str(row[-1])]).rstrip())
