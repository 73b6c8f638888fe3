"""Browsers behind a remote WebDriver (`--browser-url`, a Selenium Grid): axe registered once through the
DevTools commands the Grid passes on, and the page-by-page path when a Grid does not pass them on.

chromedriver on loopback stands in for the Grid (the `webdriver_server` fixture); a small front that
forwards every WebDriver command to it but answers Chromium's DevTools command with W3C's
"unknown command" stands in for a Grid that does not pass such commands on.
"""

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from a11ycheck.audit.chromium import BrowserStartError, ChromiumBrowser
from a11ycheck.audit.config import AuditLimits, BrowserConfig
from a11ycheck.audit.page_audit import audit_page, prepare_browser

PAGE = """<!doctype html><html lang="nl"><head><title>Op afstand</title></head>
<body><main><h1>Op afstand</h1><img src="/x.png">
<iframe src="/frame" title="Kader"></iframe></main></body></html>"""
FRAME = """<!doctype html><html lang="nl"><head><title>Kader</title></head>
<body><input type="text"></body></html>"""
AXE_REGISTERED = "return !!(window.axe && window.axe.run)"


@dataclass
class GridFront:
    """A front to `webdriver_server` that answers Chromium's DevTools command itself: "refuse" (W3C's
    unknown command, the session goes on) or "lose" (the session ends first, as when a node dies)."""

    url: str
    asked: list[str] = field(default_factory=list)
    devtools: str = "refuse"


@pytest.fixture
def grid_front(webdriver_server) -> Iterator[GridFront]:
    grid = GridFront(url="")

    def call(method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
        request = urllib.request.Request(webdriver_server + path, data=body, method=method)
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as failed:
            return failed.code, failed.read()

    class Front(BaseHTTPRequestHandler):
        def _forward(self) -> None:
            grid.asked.append(self.path)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path.endswith("/goog/cdp/execute"):
                session = self.path.removesuffix("/goog/cdp/execute")
                if grid.devtools == "lose":
                    call("DELETE", session, None)
                    error = {"error": "invalid session id", "message": "session deleted"}
                else:
                    error = {
                        "error": "unknown command",
                        "message": f"Unable to find handler for (POST) {self.path}",
                    }
                self._answer(404, json.dumps({"value": error}).encode())
                return
            self._answer(*call(self.command, self.path, body if self.command == "POST" else None))

        def _answer(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_DELETE = _forward

        def log_message(self, *args) -> None:
            pass

    front = ThreadingHTTPServer(("127.0.0.1", 0), Front)
    front.daemon_threads = True
    threading.Thread(target=front.serve_forever, daemon=True).start()
    grid.url = f"http://127.0.0.1:{front.server_address[1]}"
    yield grid
    front.shutdown()
    front.server_close()


def _audit_remotely(remote_url: str, page_server) -> tuple[bool, object]:
    """(axe already in a new document after prepare_browser, the audit of a page with a frame)."""
    page_server.add("/frame", FRAME)
    url = page_server.add("/page", PAGE)
    browser = ChromiumBrowser(
        BrowserConfig("", "", page_load_timeout=10, script_timeout=20, remote_url=remote_url)
    )
    try:
        prepare_browser(browser)
        browser.driver.get(page_server.url("/frame"))
        registered = browser.driver.execute_script(AXE_REGISTERED)
        return registered, audit_page(browser, url, AuditLimits(page_load_timeout=10, axe_timeout=20))
    finally:
        browser.close()


def _rules(result) -> set[str]:
    return {violation.rule for violation in result.violations}


def test_a_remote_browser_gets_axe_once_for_every_document_through_the_grid(webdriver_server, page_server):
    registered, result = _audit_remotely(webdriver_server, page_server)
    assert registered  # before any injection: the DevTools registration reached the remote browser
    assert result.status == "ok" and {"image-alt", "label"} <= _rules(result)  # "label" is in the frame


def test_a_grid_that_refuses_devtools_commands_gets_axe_injected_page_by_page(grid_front, page_server):
    registered, result = _audit_remotely(grid_front.url, page_server)
    assert any(path.endswith("/goog/cdp/execute") for path in grid_front.asked)  # it was asked, and refused
    assert not registered
    assert result.status == "ok" and {"image-alt", "label"} <= _rules(result)


def test_a_remote_session_lost_while_being_prepared_is_a_failed_start(grid_front):
    grid_front.devtools = "lose"
    browser = ChromiumBrowser(BrowserConfig("", "", remote_url=grid_front.url))
    with pytest.raises(BrowserStartError, match="could not be prepared: .*session deleted"):
        prepare_browser(browser)
