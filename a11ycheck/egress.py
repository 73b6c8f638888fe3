"""The forward proxy every local browser of a run must use: the address check applied to the browser.

The crawler checks each URL it fetches (netguard), but a browser fetches what the page asks for: its
frames, images and scripts, the redirects of the page itself, a `location = ...` after load. A hostile or
hacked public page could so send an auditing browser to an intranet host or the cloud metadata service,
and axe's element snippets would carry what it found there into the database and the reports. So the
browsers get `--proxy-server` pointing here, loopback included (`--proxy-bypass-list=<-loopback>`), and
this proxy refuses any host netguard refuses, before connecting, then connects to the very address it
checked: a DNS answer that changes between the check and the connection (rebinding) is not followed.

A small asyncio proxy in a thread of the run's process: `CONNECT host:port` for https and websockets,
absolute-URI requests for plain http (one request per connection, `Connection: close` both ways, so no
response needs parsing). A refusal is a `403` whose body says why; Chromium shows it as the frame's
content or fails the tunnel, and the audit goes on with what the page has left.
"""

import asyncio
import html
import ipaddress
import logging
import socket
import threading
from collections import deque
from urllib.parse import urlsplit

from a11ycheck.netguard import RefusedAddress, Resolver, checked_addresses

log = logging.getLogger(__name__)

VIA = "Via: 1.1 a11ycheck-egress-guard"  # a proxy says so (RFC 9110); tests tell forwarded requests by it
REFUSAL_TITLE = "a11ycheck: refused by the address check"
MAX_HEAD = 64 * 1024  # bytes of request line and headers; Chromium's are a few hundred
CONNECT_TIMEOUT = 20.0
_HOP_BY_HOP = frozenset({"connection", "proxy-connection", "keep-alive", "proxy-authorization", "te", "via"})


class EgressGuard:
    """`with EgressGuard(allow_private=False) as guard:` then give browsers `guard.address`."""

    def __init__(self, *, allow_private: bool, resolve: Resolver = socket.getaddrinfo):
        self.allow_private = allow_private
        self.resolve = resolve
        self.forwarded = 0  # requests and tunnels let through
        self.refused: deque[str] = deque(maxlen=100)  # the latest refusals, for the log and the tests
        self.address = ""  # "127.0.0.1:PORT" once started
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.base_events.Server | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="egress-guard", daemon=True)

    def __enter__(self) -> "EgressGuard":
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def start(self) -> str:
        self._thread.start()
        started = asyncio.run_coroutine_threadsafe(self._listen(), self._loop)
        port = started.result(timeout=10)
        self.address = f"127.0.0.1:{port}"
        return self.address

    def close(self) -> None:
        if not self._thread.is_alive():
            return
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    async def _listen(self) -> int:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, limit=MAX_HEAD)
        return self._server.sockets[0].getsockname()[1]

    async def _stop(self) -> None:
        if self._server is not None:
            self._server.close()
        tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in tasks:  # connections still open: a browser's idle or speculative sockets
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _serve(self, client: asyncio.StreamReader, to_client: asyncio.StreamWriter) -> None:
        upstream_writer = None
        try:
            head = await client.readuntil(b"\r\n\r\n")
            method, target, version, headers = _parse_head(head)
            url, host, port = _destination(method, target)
            try:
                address = await self._check(url, host)
            except RefusedAddress as exc:
                self.refused.append(str(exc))
                log.warning("browser request %s", exc)
                await _reply(to_client, 403, str(exc))
                return
            self.forwarded += 1
            try:
                upstream, upstream_writer = await asyncio.wait_for(
                    asyncio.open_connection(address, port), CONNECT_TIMEOUT
                )
            except (OSError, TimeoutError) as exc:  # refused, unreachable, or no answer in time
                await _reply(
                    to_client, 502, f"cannot connect to {host}:{port}: {exc.strerror or 'no answer'}"
                )
                return
            if method == "CONNECT":
                to_client.write(b"HTTP/1.1 200 Connection Established\r\n\r\n")
            else:
                upstream_writer.write(_origin_request(method, target, version, headers))
            await asyncio.gather(_pipe(client, upstream_writer), _pipe(upstream, to_client))
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, TimeoutError):
            pass
        except asyncio.CancelledError:  # the guard closes with a transfer still open (a stalled download)
            pass
        except _BadRequest as exc:
            await _reply(to_client, 400, str(exc))
        finally:
            for writer in (upstream_writer, to_client):
                if writer is not None:
                    writer.close()

    async def _check(self, url: str, host: str) -> str:
        """The address to connect to, among those netguard checked; RefusedAddress otherwise."""
        addresses = await asyncio.get_running_loop().run_in_executor(
            None, lambda: checked_addresses(url, allow_private=self.allow_private, resolve=self.resolve)
        )
        return str(addresses[0])


class _BadRequest(ValueError):
    pass


def _parse_head(head: bytes) -> tuple[str, str, str, list[tuple[str, str]]]:
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3:
        raise _BadRequest("not an HTTP request line")
    headers = []
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            headers.append((name.strip(), value.strip()))
    return parts[0], parts[1], parts[2], headers


def _destination(method: str, target: str) -> tuple[str, str, int]:
    """(URL to check, host, port) of a proxy request."""
    if method == "CONNECT":
        host, _, port = target.rpartition(":")
        host = host.strip("[]")
        if not host or not port.isdigit():
            raise _BadRequest(f"bad CONNECT target {target}")
        shown = f"[{host}]" if _is_ipv6(host) else host
        return f"https://{shown}:{port}/", host, int(port)
    parts = urlsplit(target)
    if parts.scheme != "http" or not parts.hostname:
        raise _BadRequest(f"not an absolute http URL: {target[:200]}")
    return target, parts.hostname, parts.port or 80


def _is_ipv6(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).version == 6
    except ValueError:
        return False


def _origin_request(method: str, target: str, version: str, headers: list[tuple[str, str]]) -> bytes:
    parts = urlsplit(target)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    kept = [(name, value) for name, value in headers if name.lower() not in _HOP_BY_HOP]
    lines = [f"{method} {path} {version}", *(f"{n}: {v}" for n, v in kept), VIA, "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1")


async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    try:
        while chunk := await source.read(65536):
            sink.write(chunk)
            await sink.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        if sink.can_write_eof() and not sink.is_closing():
            try:
                sink.write_eof()
            except OSError:
                pass


async def _reply(writer: asyncio.StreamWriter, status: int, message: str) -> None:
    """An HTML page (the browser may show it in place of the page it was sent to), titled so that the
    audit tells a refusal from a site's own 403 (page_audit)."""
    reasons = {400: "Bad Request", 403: "Forbidden", 502: "Bad Gateway"}
    title = REFUSAL_TITLE if status == 403 else f"a11ycheck: {reasons[status]}"
    body = f"<!doctype html><title>{title}</title><p>{html.escape(message)}</p>\n".encode()
    writer.write(
        f"HTTP/1.1 {status} {reasons[status]}\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        + body
    )
    try:
        await writer.drain()
    except ConnectionError:
        pass
