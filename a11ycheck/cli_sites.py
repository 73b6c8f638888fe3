"""The `a11ycheck sites` commands: which websites belong to which organisation. Parse, call a11ycheck.sites,
print."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from a11ycheck.cli_options import db_option, echo_table, settings_from, user_errors
from a11ycheck.register import Register

if TYPE_CHECKING:
    from a11ycheck.store import Store


def _store(db: str | None) -> Store:
    from a11ycheck.store import Store

    return Store(settings_from(db=db).db)


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
    from a11ycheck.sites import SiteChange, add_site

    owner = Register.load().get(organisation)
    site, change = add_site(_store(db), owner, url)
    messages = {
        SiteChange.ADDED: f"added {site.host} for {owner.slug} (crawls start at {site.start_url})",
        SiteChange.CLAIMED: f"added {site.host} for {owner.slug}; its earlier crawls now count for it too",
        SiteChange.UNCHANGED: f"{site.host} is already a site of {owner.slug}: nothing changed",
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
    from a11ycheck.sites import list_sites

    slug = Register.load().get(organisation).slug if organisation else None
    found = list_sites(_store(db), [slug] if slug else [])
    if not found:
        click.echo(
            f"no sites configured{' for ' + slug if slug else ''}: add one with `a11ycheck sites add`",
            err=True,
        )
        return
    echo_table(("organisation", "host", "start url"), [(s.organisation, s.host, s.start_url) for s in found])


@sites.command()
@click.argument("url")
@db_option
@user_errors
def remove(url: str, db: str | None) -> None:
    """Stop attributing the site of URL to its organisation; its crawls are kept.

    Example: a11ycheck sites remove https://www.oude-site.be/
    """
    from a11ycheck.sites import remove_site

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
    from a11ycheck.sites import SiteChange, SiteImportProblems, import_sites

    try:
        counts = import_sites(_store(db), Register.load(), file)
    except SiteImportProblems as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise
    click.echo(
        f"imported {file}: {counts[SiteChange.ADDED] + counts[SiteChange.CLAIMED]} sites added, "
        f"{counts[SiteChange.UNCHANGED]} already there"
    )
