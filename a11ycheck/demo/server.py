"""A tiny loopback web server for the bundled demo municipality "Gemeente Voorbeeld".

The demo and the tests need a real HTTP site with known defects, robots.txt and a sitemap, without touching
the network. `robots.txt` and `sitemap.xml` need absolute URLs, which depend on the port we get, so the
literal `{{BASE}}` in `.txt` and `.xml` files is replaced by the server's base URL when served.
"""

from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

from a11ycheck.http_serving import QuietHTTPServer, ServedSite, serve_until_interrupted

SITE_ROOT = Path(__file__).parent / "site"
BASE_PLACEHOLDER = b"{{BASE}}"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
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


class _DemoHandler(BaseHTTPRequestHandler):
    server: QuietHTTPServer  # with `root`, the site folder (DemoServer.bind)
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


class DemoServer(ServedSite):
    """The demo site on a background thread; use as a context manager or call start() and stop()."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, root: Path | None = None) -> None:
        super().__init__(_DemoHandler, host, port)
        self.root = Path(root) if root is not None else SITE_ROOT

    def bind(self) -> QuietHTTPServer:
        httpd = super().bind()
        httpd.root = self.root.resolve()
        return httpd


def serve_forever(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the demo site in the foreground until Ctrl-C."""
    serve_until_interrupted(DemoServer(host, port).bind(), "demo site")
