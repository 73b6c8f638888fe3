"""Shared fixtures: loopback pages, real SQLite and PostgreSQL databases, the CLI run as a user would."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from sqlalchemy import create_engine, text

PG_ADMIN_URL = os.environ.get("A11YCHECK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class PageServer:
    """A loopback HTTP server whose pages a test defines; it logs every request it gets."""

    routes: dict[str, tuple[int, str, bytes] | Handler] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)
    base_url: str = ""

    def add(
        self, path: str, body: str | bytes, status: int = 200, content_type: str = "text/html; charset=utf-8"
    ):
        self.routes[path] = (status, content_type, body.encode() if isinstance(body, str) else body)
        return f"{self.base_url}{path}"

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def paths_requested(self) -> list[str]:
        return [path for _, path in self.requests]


def _make_handler(server: PageServer):
    class RouteHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self, with_body: bool) -> None:
            server.requests.append((self.command, self.path))
            route = server.routes.get(self.path.split("#")[0])
            if callable(route):
                route(self)
                return
            status, content_type, body = route or (404, "text/html", b"<title>Not found</title>")
            respond(self, body, status, content_type, with_body=with_body)

        def do_GET(self) -> None:
            self._serve(True)

        def do_HEAD(self) -> None:
            self._serve(False)

        def log_message(self, *args) -> None:
            pass

    return RouteHandler


@pytest.fixture
def page_server() -> Iterator[PageServer]:
    server = PageServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(server))
    httpd.daemon_threads = True
    server.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield server
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def demo_site() -> Iterator[str]:
    """The bundled demo municipality, served on loopback for the whole session."""
    from a11ycheck.demo.server import DemoServer

    with DemoServer() as server:
        yield server.base_url


@pytest.fixture(scope="session")
def demo_manifest() -> dict:
    import json
    from pathlib import Path

    import a11ycheck.demo

    return json.loads((Path(a11ycheck.demo.__file__).parent / "defects.json").read_text())


def _postgres_database() -> Iterator[str]:
    name = f"a11ycheck_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'a11ycheck.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    yield from _postgres_database()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> Iterator[str]:
    """Each test using it runs twice: on a fresh SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'a11ycheck.db'}"
    else:
        yield from _postgres_database()


def respond(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    status: int = 200,
    content_type: str | None = "text/html",
    headers: tuple[tuple[str, str], ...] = (),
    with_body: bool = True,
) -> None:
    """A whole response with its Content-Length, from a route of PageServer's (or any request handler)."""
    handler.send_response(status)
    if content_type is not None:
        handler.send_header("Content-Type", content_type)
    for name, value in headers:
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if with_body:
        handler.wfile.write(body)


def stalls_after(content_type: str, first_bytes: bytes, seconds: float, length: int | None = None) -> Handler:
    """A route that sends a response's headers and `first_bytes`, then nothing for `seconds`: a page or
    image that never finishes loading. `length` announces a Content-Length the body never reaches."""

    def route(handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        if length is not None:
            handler.send_header("Content-Length", str(length))
        handler.end_headers()
        handler.wfile.write(first_bytes)
        handler.wfile.flush()
        time.sleep(seconds)

    return route


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, db: str | None = None, timeout: float = 240, env: dict | None = None) -> CliResult:
    """Run `a11ycheck` in its own process, as cron or a person would (Scrapy's reactor needs one anyway)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
    environment.update(env or {})
    if db:
        environment["A11YCHECK_DB"] = db
    done = subprocess.run(
        [sys.executable, "-m", "a11ycheck", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        stdin=subprocess.DEVNULL,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def exported_pages(db: str) -> dict[str, dict]:
    """The latest run's pages as `a11ycheck export` writes them, by URL path."""
    pages = json.loads(run_cli("export", "latest", db=db).stdout)["pages"]
    return {urlsplit(page["url"]).path: page for page in pages}


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def webdriver_server(tmp_path) -> Iterator[str]:
    """chromedriver serving the W3C WebDriver protocol on loopback: a Selenium Grid of one, as far as a
    remote client can tell."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = open(tmp_path / "chromedriver.log", "wb")  # noqa: SIM115 - the child writes it
    server = subprocess.Popen(
        ["chromedriver", f"--port={port}"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    log.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(f"{url}/status", timeout=2) as answer:
                if json.load(answer)["value"]["ready"]:
                    break
        except OSError:
            pass
        assert server.poll() is None and time.monotonic() < deadline, "chromedriver did not start"
        time.sleep(0.2)
    try:
        yield url
    finally:
        for signum in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(server.pid, signum)
                server.wait(timeout=10)
                break
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
