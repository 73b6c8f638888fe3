"""Serving a built report on loopback with the standard library's http.server, for a look in a browser.

The report is static and works from the file system too; serving it is for people who prefer a URL, and for
the tests, which audit it the way a site is audited.
"""

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from a11ycheck.errors import UserError


class _QuietHandler(SimpleHTTPRequestHandler):
    """Files below the report folder only (http.server refuses paths outside it); no request log."""

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser hanging up mid-response is normal, not worth a traceback."""


def _server(folder: Path, host: str, port: int) -> _Server:
    if not (folder / "index.html").is_file() and not any(folder.glob("*.html")):
        raise UserError(f"no report in {folder}: build one with `a11ycheck report build --out {folder}`")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    try:
        return _Server((host, port), handler)
    except OSError as exc:
        raise UserError(f"cannot serve on {host}:{port}: {exc.strerror}; try another --port") from None


class ReportServer:
    """A report folder served on a background thread; a context manager, stopped on every way out."""

    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int = 0):
        self.folder, self.host, self.port = Path(folder), host, port
        self.base_url = ""
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "ReportServer":
        self._httpd = _server(self.folder, self.host, self.port)
        self.base_url = f"http://{self.host}:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join()
        self._httpd = self._thread = None


def serve_forever(folder: Path, port: int = 8000, host: str = "127.0.0.1") -> None:
    """Serve in the foreground until Ctrl-C, which stops the server cleanly."""
    httpd = _server(Path(folder), host, port)
    print(
        f"report served at http://{host}:{httpd.server_address[1]}/ (Ctrl-C to stop)",
        file=sys.stderr,
        flush=True,
    )
    try:
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        httpd.server_close()
