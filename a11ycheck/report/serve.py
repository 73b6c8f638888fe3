"""Serving a built report on loopback with the standard library's http.server, for a look in a browser.

The report is static and works from the file system too; serving it is for people who prefer a URL, and for
the tests, which audit it the way a site is audited.
"""

import functools
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from a11ycheck.errors import UserError
from a11ycheck.http_serving import ServedSite, bind, serve_until_interrupted


class _QuietHandler(SimpleHTTPRequestHandler):
    """Files below the report folder only (http.server refuses paths outside it); no request log."""

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def _handler(folder: Path):
    if not (folder / "index.html").is_file() and not any(folder.glob("*.html")):
        raise UserError(f"no report in {folder}: build one with `a11ycheck report build --out {folder}`")
    return functools.partial(_QuietHandler, directory=str(folder))


class ReportServer(ServedSite):
    """A report folder served on a background thread; a context manager, stopped on every way out."""

    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int = 0):
        super().__init__(_handler(Path(folder)), host, port)
        self.folder = Path(folder)


def serve_forever(folder: Path, port: int = 8000, host: str = "127.0.0.1") -> None:
    """Serve in the foreground until Ctrl-C, which stops the server cleanly."""
    serve_until_interrupted(bind(_handler(Path(folder)), host, port), "report")
