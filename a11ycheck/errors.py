"""Errors a person can act on: the CLI prints their message as one line and exits with code 2."""


class UserError(Exception):
    """Bad input or configuration; the message says what is wrong and what to do."""
