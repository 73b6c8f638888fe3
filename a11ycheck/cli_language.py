"""The `a11ycheck language` commands: how readable Dutch text is (klare taal), outside a crawl. Parse, call
a11ycheck.language.check, print."""

import json
import sys

import click

from a11ycheck.cli_options import settings_from, user_errors
from a11ycheck.settings import option_help


@click.group()
def language() -> None:
    """How readable a page's or a file's Dutch text is: the figures a crawl stores for every page.

    Example: a11ycheck language check https://www.voorbeeld.be/nieuws/afvalkalender
    """


@language.command("check")
@click.argument("target", metavar="URL_OR_FILE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text (for a person) or json (the export's `language` object).",
)
@click.option("--allow-private", is_flag=True, default=None, help=option_help("allow_private"))
@user_errors
def check(target: str, fmt: str, allow_private: bool | None) -> None:
    """Score one page's main text (read in a browser, as in a crawl) or a plain text file.

    Exit code 0 when the text got a level, 1 when there is nothing to score (too short, not Dutch),
    2 when the page cannot be read or the file is missing.

    Example: a11ycheck language check bericht.txt --format json
    """
    from a11ycheck.language.check import check as check_target
    from a11ycheck.language.check import text_report

    checked = check_target(target, settings_from(allow_private=allow_private))
    if fmt == "json":
        click.echo(json.dumps(checked.score.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(text_report(checked), nl=False)
    sys.exit(checked.exit_code)
