"""The `a11ycheck statement` commands: check one page as an accessibility statement, or show what the crawls
found for an organisation. Parse, call a11ycheck.statements (and runs.render_one), print.
"""

import json
import sys
from datetime import date

import click

from a11ycheck.cli_options import db_option, settings_from, user_errors
from a11ycheck.errors import UserError
from a11ycheck.register import Register
from a11ycheck.settings import option_help

FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="json (the export's statement object) or text (one field a line).",
)


@click.group()
def statement() -> None:
    """Accessibility statements: check one page, or show what the crawls found for an organisation.

    Example: a11ycheck statement check https://www.voorbeeld.be/toegankelijkheidsverklaring
    """


@statement.command()
@click.argument("url")
@FORMAT
@click.option("--allow-private", is_flag=True, default=None, help=option_help("allow_private"))
@click.option("--page-timeout", type=float, help=option_help("page_load_timeout"))
@user_errors
def check(url: str, fmt: str, allow_private: bool | None, page_timeout: float | None) -> None:
    """Read URL as an accessibility statement and grade it (A-E) as of today.

    The page is loaded by a browser through the same address guard, time limits and size cap as a crawl.
    Alone, it is not known whether the site links to it from its home page: linked_from_home is null and
    link placement does not count in the grade. Exit code 0 when the page is a statement, 1 when it is not
    (the result is still printed), 2 when the address is refused or the page cannot be loaded.

    Example: a11ycheck statement check https://www.voorbeeld.be/toegankelijkheid --format text
    """
    from a11ycheck.targets import plan_audit

    settings = settings_from(allow_private=allow_private, page_timeout=page_timeout, browsers=1)
    plan = plan_audit([url], settings)
    from a11ycheck.runs import render_one  # the browser's stack loads once the address is accepted
    from a11ycheck.statements.page_check import check_rendered_page, statement_lines

    page = render_one(plan)
    checked = check_rendered_page(page, date.today())
    if fmt == "json":
        click.echo(json.dumps(checked, indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(statement_lines(checked)))
    sys.exit(0 if checked["is_statement"] else 1)


@statement.command()
@click.argument("organisation")
@FORMAT
@db_option
@user_errors
def show(organisation: str, fmt: str, db: str | None) -> None:
    """The latest statement found for each site of ORGANISATION (name, slug or NIS code).

    Example: a11ycheck statement show gent --format text
    """
    from a11ycheck.statements.page_check import statement_lines
    from a11ycheck.statements.queries import latest_site_statements
    from a11ycheck.statements.stored import statement_details, statement_object
    from a11ycheck.store import Store

    owner = Register.load().get(organisation)
    found = latest_site_statements(Store(settings_from(db=db).db), owner.slug)
    if not found:
        raise UserError(f"{owner.slug} has no sites: add one with `a11ycheck sites add {owner.slug} URL`")
    if fmt == "json":
        sites = [
            {
                "host": site.host,
                "run": row.run_id if row else None,
                "statement": statement_object(row),
                "statement_details": statement_details(row),
            }
            for site, row in found
        ]
        click.echo(json.dumps({"organisation": owner.slug, "sites": sites}, indent=2, ensure_ascii=False))
        return
    for index, (site, row) in enumerate(found):
        if index:
            click.echo("")
        if row is None:
            click.echo(f"{site.host}: not checked yet; crawl it with `a11ycheck crawl {site.start_url}`")
            continue
        when = row.checked_at.date().isoformat()
        exported = statement_object(row)
        if exported is None:
            click.echo(f"{site.host} (run {row.run_id}, {when}): no link to a statement found")
            continue
        details = statement_details(row)
        click.echo(f"{site.host} (run {row.run_id}, {when})")
        click.echo("\n".join(statement_lines(exported)))
        click.echo(
            f"{'linked from:':<24}{details['pages_linking']} of {details['pages_audited']} audited pages"
        )
        for contradiction in details["contradictions"]:
            click.echo(f"contradiction: {contradiction['text']}")
