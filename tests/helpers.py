"""What many test files share that is not a fixture: loopback pages, the CLI run as a user would, waiting.

Fixtures live in conftest.py; test files import these with `from helpers import ...` (pytest puts tests/ on
the path: `pythonpath` in pyproject.toml).
"""

import atexit
import functools
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from a11ycheck.audit.config import installed_chromium

CHROMIUM = installed_chromium()  # the tests run the Chromium users get by default
# The engines an audit can run in, for tests that hold one against the other: the default (Debian's
# chromium-headless-shell where installed) and Debian's chromium.
ENGINES = sorted({CHROMIUM, "/usr/bin/chromium"})

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


def _route_handler(server: PageServer) -> type[BaseHTTPRequestHandler]:
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


@contextmanager
def serving_pages() -> Iterator[PageServer]:
    """A PageServer on a free loopback port for the length of the `with`, stopped on the way out."""
    server = PageServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _route_handler(server))
    httpd.daemon_threads = True
    server.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()


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
        time.sleep(seconds)  # the scenario: a server that stalls

    return route


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str


def run_cli(
    *args: str, db: str | None = None, timeout: float = 240, env: dict | None = None, spawn: bool = False
) -> CliResult:
    """Run `a11ycheck` in its own process, as cron or a person would (Scrapy's reactor needs one anyway).

    The process is forked from tests/cli_forkserver.py, which has the CLI and the store imported already;
    `spawn=True` (or A11YCHECK_TEST_SPAWN_CLI=1) starts a new interpreter, for a test of startup itself."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
    environment.update(env or {})
    if db:
        environment["A11YCHECK_DB"] = db
    if spawn or os.environ.get("A11YCHECK_TEST_SPAWN_CLI") == "1":
        done = subprocess.run(
            [sys.executable, "-m", "a11ycheck", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=environment,
            stdin=subprocess.DEVNULL,
        )
        return CliResult(done.returncode, done.stdout, done.stderr)
    return _fork_server().run({"args": list(args)}, environment, timeout)


def run_python(code: str, *args: str, timeout: float = 240, cwd: Path | None = None) -> CliResult:
    """Run `python -c code args...` in its own process, forked like `run_cli` (a Scrapy crawl of a test)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
    return _fork_server().run({"code": code, "args": list(args)}, environment, timeout, cwd)


class _ForkServer:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("cli_forkserver.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")},
        )
        ready = self.process.stdout.readline()
        if not ready.startswith(b'{"ready"'):
            raise RuntimeError(f"tests/cli_forkserver.py did not start (exit {self.process.wait()})")
        self.lock = threading.Lock()

    def run(self, command: dict, environment: dict, timeout: float, cwd: Path | None = None) -> CliResult:
        with self.lock, tempfile.TemporaryDirectory(prefix="a11ycheck-cli-") as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            out.touch()
            err.touch()
            request = command | {"env": environment, "cwd": str(cwd or os.getcwd()), "timeout": timeout}
            request |= {"stdout": str(out), "stderr": str(err)}
            self.process.stdin.write((json.dumps(request) + "\n").encode())
            self.process.stdin.flush()
            answer = json.loads(self.process.stdout.readline())
            if answer.get("timeout"):
                program = ["python", "-c", command["code"]] if "code" in command else ["a11ycheck"]
                raise subprocess.TimeoutExpired([*program, *command["args"]], timeout)
            return CliResult(answer["code"], out.read_text(), err.read_text())  # decoded as subprocess.run

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@functools.cache
def _fork_server() -> _ForkServer:
    server = _ForkServer()
    atexit.register(server.close)
    return server


def exported_pages(db: str) -> dict[str, dict]:
    """The latest run's pages as `a11ycheck export` writes them, by URL path."""
    pages = json.loads(run_cli("export", "latest", db=db).stdout)["pages"]
    return {urlsplit(page["url"]).path: page for page in pages}


def wait_until[T](predicate: Callable[[], T], timeout: float, message: str, interval: float = 0.05) -> T:
    """Poll `predicate` until it returns something truthy, and return that; fail with `message` if it has
    not after `timeout` seconds. For a test that must see a state, not guess how long reaching it takes."""
    deadline = time.monotonic() + timeout
    while True:
        outcome = predicate()
        if outcome:
            return outcome
        if time.monotonic() > deadline:
            raise AssertionError(f"{message} (waited {timeout:g} s)")
        time.sleep(interval)


def default_sigint() -> None:
    """preexec_fn for a child a test will send SIGINT: Ctrl-C's default action, whatever the test run
    inherited (a background job of a non-interactive shell starts with SIGINT ignored, and so would the
    child, which would then never stop). Python then installs its KeyboardInterrupt handler as usual."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
