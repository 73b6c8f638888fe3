"""What every command group shares: the `--db` option and one-line errors with exit code 2."""

import functools

import click

from a11ycheck.errors import UserError


class InputError(click.ClickException):
    """One line on stderr, exit code 2, no traceback."""

    exit_code = 2


def db_option(command):
    return click.option(
        "--db",
        "db",
        metavar="URL",
        envvar="A11YCHECK_DB",
        help="Database URL (sqlite:///file.db or postgresql://...). Env: A11YCHECK_DB. "
        "Default: ~/.local/share/a11ycheck/a11ycheck.db",
    )(command)


def user_errors(command):
    """Library errors (UserError) become a one-line message and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except UserError as exc:
            raise InputError(str(exc)) from None

    return wrapper
