"""What every command group shares: options whose defaults and help come from Settings, and one-line errors
with exit code 2."""

import functools
from pathlib import Path

import click

from a11ycheck.errors import UserError
from a11ycheck.settings import Settings, option_help


class InputError(click.ClickException):
    """One line on stderr, exit code 2, no traceback."""

    exit_code = 2


def user_errors(command):
    """Library errors (UserError) become a one-line message and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except UserError as exc:
            raise InputError(str(exc)) from None

    return wrapper


def settings_from(**flags) -> Settings:
    """The settings: defaults, A11YCHECK_* variables, then the flags given (None: not given).

    Flags carry their Settings field names, except `tags` (comma-separated text) and `page_timeout`.
    """
    tags = flags.pop("tags", None)
    if tags is not None:
        flags["tags"] = tuple(t.strip() for t in tags.split(",") if t.strip())
    if "page_timeout" in flags:
        flags["page_load_timeout"] = flags.pop("page_timeout")
    return Settings.from_env().with_flags(**flags)


def option_group(*options):
    def decorate(command):
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def db_option(command):
    return click.option("--db", "db", metavar="URL", help=option_help("db"))(command)


def charters_option(command):
    return click.option(
        "--charters",
        "charters",
        metavar="DIR",
        type=click.Path(path_type=Path),
        help=option_help("charters"),
    )(command)


audit_options = option_group(
    click.option("--browsers", type=int, help=option_help("browsers")),
    click.option("--allow-private", is_flag=True, default=None, help=option_help("allow_private")),
    click.option("--tags", help=option_help("tags")),
    click.option("--wcag22", is_flag=True, default=None, help=option_help("wcag22")),
    click.option("--language/--no-language", default=None, help=option_help("language")),
    click.option("--page-timeout", type=float, help=option_help("page_load_timeout")),
    click.option("--axe-timeout", type=float, help=option_help("axe_timeout")),
)


document_options = option_group(
    click.option("--max-documents", type=int, help=option_help("max_documents")),
    click.option(
        "--documents/--no-documents",
        "documents",
        default=None,
        help=option_help("documents", "Download the documents found and check them, or only record them"),
    ),
)


def browser_url_option(command):
    return click.option("--browser-url", metavar="URL", help=option_help("browser_url"))(command)


def broker_option(command):
    return click.option("--broker", metavar="URL", help=option_help("broker"))(command)


def queue_option(command):
    return click.option("--queue", metavar="NAME", help=option_help("queue"))(command)


def charters_folder(settings: Settings, required: bool = True) -> Path | None:
    """The charters folder; a missing one is an error when asked for (flag or variable) or `required`,
    else None (the report and the demo go on without charters)."""
    folder = settings.charters
    if folder.is_dir():
        return folder
    if required or settings.is_given("charters"):
        raise UserError(f"no charters folder {folder}: pass --charters DIR or set A11YCHECK_CHARTERS")
    return None


def echo_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Aligned columns, the last one left ragged."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, str(row[-1])]).rstrip())
