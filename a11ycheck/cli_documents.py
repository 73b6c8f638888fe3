"""The `a11ycheck document` commands: check one PDF or office document, a file or a URL.

cli.py registers the group; the work is a11ycheck/document_source.py's, the limits come from settings.py.
"""

import json
import sys

import click

from a11ycheck.cli_options import settings_from, user_errors
from a11ycheck.settings import option_help


@click.group()
def document() -> None:
    """Documents (PDF, DOCX, ODT, ...): what can be checked automatically.

    Example: a11ycheck document check https://www.voorbeeld.be/documenten/reglement.pdf
    """


@document.command("check")
@click.argument("source", metavar="FILE_OR_URL")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--allow-private", is_flag=True, default=None, help=option_help("allow_private"))
@user_errors
def document_check(source: str, fmt: str, allow_private: bool | None) -> None:
    """Check one document, a file or an http(s) URL, and print what was found.

    Exit code 0 when it is accessible (checked, no check failed), 1 when a check failed or it could not
    be checked (damaged, mislabelled, too large, an HTTP error), 2 on bad usage (no such file, a malformed
    URL, a host that cannot be reached).

    Example: a11ycheck document check jaarverslag.pdf --format text
    """
    from a11ycheck.document_source import as_text, check_source, issue_object

    found = check_source(source, settings_from(allow_private=allow_private))
    if fmt == "json":
        click.echo(json.dumps(issue_object(found), indent=2, ensure_ascii=False))
    else:
        click.echo(as_text(found), nl=False)
    if found["accessible"] is not True:
        sys.exit(1)
