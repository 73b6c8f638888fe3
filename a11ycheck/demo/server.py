"""A tiny loopback web server for the bundled demo municipality "Gemeente Voorbeeld".

The demo and the tests need a real HTTP site with known defects, robots.txt and a sitemap, without touching
the network. `robots.txt` and `sitemap.xml` need absolute URLs, which depend on the port we get, so the
literal `{{BASE}}` in `.txt` and `.xml` files is replaced by the server's base URL when served.
"""

import socket
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

SITE_ROOT = Path(__file__).parent / "site"
BASE_PLACEHOLDER = b"{{BASE}}"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".pdf": "application/pdf",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
}
TEMPLATED_SUFFIXES = {".txt", ".xml"}

NOT_FOUND_PAGE = b"""<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>Pagina niet gevonden | Gemeente Voorbeeld</title></head>
<body><main><h1>Pagina niet gevonden</h1><p><a href="/">Naar de startpagina</a></p></main></body>
</html>
"""


class _DemoHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], root: Path) -> None:
        self.root = root.resolve()
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _DemoHandler)
        host, port = self.server_address[:2]
        self.base_url = f"http://{_url_host(str(host))}:{port}"

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet: a browser hanging up mid-response is normal, not worth a traceback."""


class _DemoHandler(BaseHTTPRequestHandler):
    server: _DemoHTTPServer
    server_version = "GemeenteVoorbeeld/1.0"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """No request logging: the demo runs inside tests and the CLI's progress display."""

    def _respond(self, send_body: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        target = self._resolve(url_path)
        if target is None:
            self._send(HTTPStatus.NOT_FOUND, NOT_FOUND_PAGE, CONTENT_TYPES[".html"], send_body)
            return
        if target.is_dir():
            if not url_path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
            if not target.is_file():
                self._send(HTTPStatus.NOT_FOUND, NOT_FOUND_PAGE, CONTENT_TYPES[".html"], send_body)
                return
        suffix = target.suffix.lower()
        body = target.read_bytes()
        if suffix in TEMPLATED_SUFFIXES:
            body = body.replace(BASE_PLACEHOLDER, self._base_url().encode("ascii"))
        self._send(HTTPStatus.OK, body, CONTENT_TYPES.get(suffix, "application/octet-stream"), send_body)

    def _resolve(self, url_path: str) -> Path | None:
        """The file or folder under the site root for a URL path; None when missing or outside the root."""
        root = self.server.root
        try:
            candidate = (root / url_path.lstrip("/")).resolve()
            found = candidate.exists()
        except (OSError, ValueError):
            return None
        if candidate != root and root not in candidate.parents:
            return None
        return candidate if found else None

    def _base_url(self) -> str:
        """The server's own base URL; the Host header only when bound to a wildcard address."""
        host = self.server.server_address[0]
        if host in ("0.0.0.0", "::") and self.headers.get("Host"):
            return f"http://{self.headers['Host']}"
        return self.server.base_url

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if send_body:
            self.wfile.write(body)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class DemoServer:
    """The demo site on a background thread; use as a context manager or call start() and stop()."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, root: Path | None = None) -> None:
        self.host = host
        self.port = port
        self.root = Path(root) if root is not None else SITE_ROOT
        self.base_url = ""
        self._httpd: _DemoHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> "DemoServer":
        if self._httpd is not None:
            return self
        self._httpd = _DemoHTTPServer((self.host, self.port), self.root)
        self.base_url = self._httpd.base_url
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, name="demo-site", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, thread = self._httpd, self._thread
        self._httpd = self._thread = None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        if thread is not None:
            thread.join()

    def __enter__(self) -> "DemoServer":
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve_forever(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the demo site in the foreground until Ctrl-C."""
    httpd = _DemoHTTPServer((host, port), SITE_ROOT)
    print(f"demo site served at {httpd.base_url}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
