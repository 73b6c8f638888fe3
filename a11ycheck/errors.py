"""Errors a person can act on: the CLI prints their message as one line and exits with code 2."""


class UserError(Exception):
    """Bad input or configuration; the message says what is wrong and what to do."""


def first_line(exc: Exception) -> str:
    """The first line of an error's message (WebDriver's carry a stack trace after it), or its type."""
    text = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0][:500]
