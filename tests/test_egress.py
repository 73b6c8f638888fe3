"""The egress guard: the browsers' proxy refuses what netguard refuses, before connecting anywhere.

Refusals are tested with private and metadata addresses that are never connected to: the guard decides
before it opens a connection, and `no_connections` fails the test if it tries. Names are resolved by a
fake resolver, so no test sends a DNS query.
"""

import socket

import pytest
from a11ycheck.spiders import browser_fetch
from helpers import CHROMIUM, exported_pages, respond, run_cli, wait_until

from a11ycheck import egress
from a11ycheck.audit.config import AuditLimits, BrowserConfig
from a11ycheck.audit.pool import BrowserPool
from a11ycheck.egress import EgressGuard
from a11ycheck.runs import audit_urls
from a11ycheck.settings import Settings
from a11ycheck.store import Store
from a11ycheck.targets import plan_audit
from a11ycheck.vocabulary.results import PageResult


def fake_resolver(names: dict[str, str]):
    def resolve(host, port, *args, **kwargs):
        if host not in names:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (names[host], 0))]

    return resolve


@pytest.fixture
def no_connections(monkeypatch):
    """Fails any connection the guard tries to open; yields the list of attempts."""
    attempts = []

    async def refuse(host, port, *args, **kwargs):
        attempts.append((host, port))
        raise AssertionError(f"the guard tried to connect to {host}:{port}")

    monkeypatch.setattr(egress.asyncio, "open_connection", refuse)
    return attempts


def guarded_pool(guard: EgressGuard) -> BrowserPool:
    """One browser behind `guard`. The resolver rule is the safety net: were the guard bypassed, the
    browser's lookups of other names would fail on this machine instead of asking a DNS server."""
    config = BrowserConfig(
        CHROMIUM,
        "/usr/bin/chromedriver",
        extra_args=("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",),
        egress_proxy=guard.address,
    )
    return BrowserPool(1, config, AuditLimits())


def redirect_to_metadata(handler) -> None:
    """A page route that redirects to a cloud metadata host."""
    handler.send_response(302)
    handler.send_header("Location", "http://metadata.google.internal/computeMetadata/v1/")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def proxy_exchange(guard: EgressGuard, request: bytes) -> bytes:
    """Send one raw request to the guard and read until it closes the connection."""
    host, port = guard.address.rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(request)
        received = b""
        while chunk := conn.recv(65536):
            received += chunk
    return received


REFUSED_WITHOUT_ALLOW_PRIVATE = [
    (b"CONNECT 10.1.2.3:443 HTTP/1.1\r\nHost: 10.1.2.3:443\r\n\r\n", "private"),
    (b"GET http://192.168.1.20/admin HTTP/1.1\r\nHost: 192.168.1.20\r\n\r\n", "private"),
    (b"GET http://127.0.0.1:8080/ HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n", "loopback"),
    (b"GET http://[::1]:8080/ HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", "loopback"),
    (b"CONNECT [fd12::1]:443 HTTP/1.1\r\nHost: [fd12::1]:443\r\n\r\n", "private"),
    (b"GET http://intranet.test/ HTTP/1.1\r\nHost: intranet.test\r\n\r\n", "resolves to 10.0.0.7"),
    (b"GET http://nowhere.test/ HTTP/1.1\r\nHost: nowhere.test\r\n\r\n", "cannot resolve"),
]


@pytest.mark.parametrize(("request_bytes", "reason"), REFUSED_WITHOUT_ALLOW_PRIVATE)
def test_non_public_destinations_are_refused_before_any_connection(request_bytes, reason, no_connections):
    with EgressGuard(allow_private=False, resolve=fake_resolver({"intranet.test": "10.0.0.7"})) as guard:
        answer = proxy_exchange(guard, request_bytes)
    assert answer.startswith(b"HTTP/1.1 403 Forbidden\r\n")
    assert reason.encode() in answer
    assert no_connections == []
    assert guard.forwarded == 0 and len(guard.refused) == 1


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"CONNECT 169.254.169.254:80 HTTP/1.1\r\nHost: 169.254.169.254:80\r\n\r\n",
        b"GET http://metadata.google.internal/computeMetadata/v1/ HTTP/1.1\r\nHost: m\r\n\r\n",
        b"GET http://cloud.test/latest/meta-data/ HTTP/1.1\r\nHost: cloud.test\r\n\r\n",
    ],
)
def test_cloud_metadata_is_refused_even_with_allow_private(request_bytes, no_connections):
    with EgressGuard(allow_private=True, resolve=fake_resolver({"cloud.test": "169.254.169.254"})) as guard:
        answer = proxy_exchange(guard, request_bytes)
    assert answer.startswith(b"HTTP/1.1 403 Forbidden\r\n")
    assert b"metadata" in answer
    assert no_connections == []


@pytest.mark.parametrize(
    "request_bytes",
    [b"GARBAGE\r\n\r\n", b"GET ftp://127.0.0.1/ HTTP/1.1\r\n\r\n", b"CONNECT nowhere HTTP/1.1\r\n\r\n"],
)
def test_malformed_requests_get_400(request_bytes, no_connections):
    with EgressGuard(allow_private=True) as guard:
        assert proxy_exchange(guard, request_bytes).startswith(b"HTTP/1.1 400 Bad Request\r\n")
    assert no_connections == []


def test_plain_http_is_forwarded_with_its_headers_and_the_connection_closed(page_server):
    seen = {}

    def echo(handler):
        seen.update(handler.headers.items())
        respond(handler, f"path={handler.path}".encode(), content_type=None)

    page_server.routes["/echo?x=1"] = echo
    with EgressGuard(allow_private=True) as guard:
        request = (
            f"GET {page_server.url('/echo?x=1')} HTTP/1.1\r\nHost: {page_server.base_url[7:]}\r\n"
            "Accept-Language: nl-BE\r\nProxy-Connection: keep-alive\r\n\r\n"
        )
        answer = proxy_exchange(guard, request.encode())
    assert answer.startswith(b"HTTP/1.1 200 ")
    assert answer.endswith(b"path=/echo?x=1")  # origin-form request line, the whole body
    assert seen["Accept-Language"] == "nl-BE" and seen["Connection"] == "close"
    assert seen["Via"] == "1.1 a11ycheck-egress-guard"
    assert "Proxy-Connection" not in seen
    assert guard.forwarded == 1


def test_a_tunnel_carries_bytes_both_ways(page_server):
    page_server.add("/tunnelled", "through the tunnel")
    port = page_server.base_url.rsplit(":", 1)[1]
    with EgressGuard(allow_private=True) as guard:
        request = (
            f"CONNECT 127.0.0.1:{port} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
            f"GET /tunnelled HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        answer = proxy_exchange(guard, request.encode())
    assert answer.startswith(b"HTTP/1.1 200 Connection Established\r\n\r\nHTTP/1.1 200 ")
    assert answer.endswith(b"through the tunnel")


def test_the_guard_connects_to_the_address_it_checked(page_server):
    # "site.test" exists only in the fake resolver: had the guard looked the name up again to connect
    # (the DNS rebinding gap), the request would fail.
    page_server.add("/checked", "checked address")
    port = page_server.base_url.rsplit(":", 1)[1]
    with EgressGuard(allow_private=True, resolve=fake_resolver({"site.test": "127.0.0.1"})) as guard:
        answer = proxy_exchange(guard, f"GET http://site.test:{port}/checked HTTP/1.1\r\n\r\n".encode())
    assert answer.endswith(b"checked address")


def test_an_unreachable_destination_is_a_502(page_server):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # bound, not listening: the connection is refused
        with EgressGuard(allow_private=True) as guard:
            answer = proxy_exchange(guard, f"GET http://127.0.0.1:{port}/ HTTP/1.1\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 502 Bad Gateway\r\n")


def test_an_audited_page_cannot_send_the_browser_to_refused_hosts(page_server):
    # A page on loopback (allowed with allow_private) pulls an image and a frame from cloud metadata
    # hosts and moves a frame there after load: the browser asks the guard, which refuses them before
    # connecting. The page is still audited, its same-site frame included.
    page_server.add("/pic.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    page_server.add("/frame", "<!doctype html><html lang='nl'><title>f</title><img src='/pic.png'></html>")
    url = page_server.add(
        "/hostile",
        "<!doctype html><html lang='nl'><head><title>Hostile</title></head><body><main><h1>Nieuws</h1>"
        "<img src='http://metadata.goog/latest/x.png' alt='x'>"
        "<iframe title='meta' src='http://metadata.google.internal/computeMetadata/v1/'></iframe>"
        "<iframe title='same' src='/frame'></iframe>"
        "<iframe title='moved' id='moved' src='/frame'></iframe>"
        "<script>addEventListener('load', () => { document.getElementById('moved').src ="
        " 'https://instance-data/latest/meta-data/'; });</script></main></body></html>",
    )
    with EgressGuard(allow_private=True) as guard:
        with guarded_pool(guard) as pool:
            result = pool.audit(url)
            # the frame moved after load asks the guard when it asks; the audit need not wait for it
            wait_until(
                lambda: any("https://instance-data:443/" in m for m in guard.refused),
                30,
                f"the moved frame's request did not reach the guard: {guard.refused}",
            )
        refused = list(guard.refused)
    assert result.status == "ok"
    assert [v.rule for v in result.violations] == ["image-alt"]  # the same-site frame's image
    assert any("http://metadata.goog/latest/x.png" in m for m in refused), refused
    assert any("metadata.google.internal" in m for m in refused), refused
    assert any("https://instance-data:443/" in m for m in refused), refused
    assert guard.forwarded >= 3  # the page, its frame and the frame's image came through the guard


def test_a_page_that_redirects_the_browser_to_a_refused_host_is_refused_not_audited(page_server):
    page_server.routes["/weg"] = redirect_to_metadata
    with EgressGuard(allow_private=True) as guard:
        with guarded_pool(guard) as pool:
            result = pool.audit(page_server.url("/weg"))
    assert result.status == "refused", result
    assert "metadata.google.internal" in result.error and not result.violations


def test_a_run_sends_its_browsers_through_the_guard(page_server, tmp_path):
    # The guard adds a Via header to what it forwards: the page's request says which way it came.
    connections = []

    def page_route(handler):
        connections.append(handler.headers.get("Via"))
        respond(
            handler,
            b"<!doctype html><html lang='nl'><head><title>P</title></head><body><main><h1>P</h1></main>",
        )

    page_server.routes["/page"] = page_route
    settings = Settings.from_env().with_flags(db=f"sqlite:///{tmp_path / 'a.db'}", allow_private=True)
    summary = audit_urls(plan_audit([page_server.url("/page")], settings), Store(settings.db))
    assert summary.audited == 1
    assert connections == ["1.1 a11ycheck-egress-guard"]


def test_closing_stops_listening_and_twice_is_harmless():
    guard = EgressGuard(allow_private=True)
    host, port = guard.start().rsplit(":", 1)
    socket.create_connection((host, int(port)), timeout=5).close()
    guard.close()
    guard.close()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((host, int(port)), timeout=5)


def test_a_crawled_page_that_redirects_to_a_metadata_host_is_refused(page_server, tmp_path):
    # The crawl's browser fetches the page, follows its redirect through the guard, and is refused.
    # The browser runs through a wrapper that adds the resolver rule, the safety net should the guard
    # ever be bypassed: then the name would fail to resolve here instead of reaching a DNS server.
    wrapper = tmp_path / "chromium"
    wrapper.write_text(
        f'#!/bin/sh\nexec {CHROMIUM} "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" "$@"\n'
    )
    wrapper.chmod(0o755)

    page_server.routes["/weg"] = redirect_to_metadata
    page_server.add(
        "/", "<!doctype html><html lang=nl><title>Start</title><main><a href='/weg'>weg</a></main>"
    )
    db = f"sqlite:///{tmp_path / 'crawl.db'}"
    result = run_cli(
        "crawl",
        page_server.url("/"),
        "--allow-private",
        "--delay",
        "0",
        db=db,
        env={"A11YCHECK_CHROMIUM": str(wrapper)},
    )
    assert result.code == 0, result.stderr
    pages = exported_pages(db)
    assert pages["/"]["status"] == "ok"
    assert pages["/weg"]["status"] == "refused" and not pages["/weg"]["violations"]
    assert "metadata.google.internal" in pages["/weg"]["error"]
    assert [m for m, p in page_server.requests if p == "/weg"] == ["GET"]  # the browser's, once


@pytest.mark.parametrize(
    ("status", "http_status", "expected"),
    [
        ("ok", 200, 200),
        ("ok", 203, 203),
        ("http-404", 404, 404),
        ("http-401", None, 401),
        ("refused", 403, 200),
        ("too-large", 200, 200),
        ("redirect-loop", None, 200),
        ("ok", None, 200),
    ],
)
def test_the_spider_gets_the_sites_http_status_and_a_2xx_for_every_other_outcome(
    status, http_status, expected
):
    result = PageResult(url="http://gemeente.test/", status=status, http_status=http_status)
    assert browser_fetch._http_status(result) == expected
