"""One small HTTP server for everything a11ycheck serves itself: the demo site, a built report, the
benchmarks' generated sites and the tests' pages.

`ServedSite` runs a request handler on a background thread and is stopped on every way out (a context
manager); `serve_until_interrupted` runs one in the foreground until Ctrl-C. Threads are daemons and a
client hanging up mid-response is not worth a traceback.
"""

import signal
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from a11ycheck.errors import UserError


class QuietHTTPServer(ThreadingHTTPServer):
    """A threading server on IPv4 or IPv6 that does not print a traceback when a client hangs up."""

    daemon_threads = True
    request_queue_size = 128  # two browsers and Scrapy open many connections at once

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, handler)

    @property
    def base_url(self) -> str:
        """http://HOST:PORT of the address it listens on (IPv6 hosts in brackets)."""
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}"

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser hanging up mid-response is normal, not worth a traceback."""


def bind(handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1", port: int = 0) -> QuietHTTPServer:
    """A server listening on host:port (0: any free port); a UserError when the port cannot be had."""
    try:
        return QuietHTTPServer((host, port), handler)
    except OSError as exc:
        raise UserError(f"cannot serve on {host}:{port}: {exc.strerror}; try another --port") from None


class ServedSite:
    """A handler served on a background thread until `stop()` or the end of the `with` block."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1", port: int = 0):
        self.handler, self.host, self.port = handler, host, port
        self.httpd: QuietHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return self.httpd.base_url if self.httpd is not None else ""

    def start(self) -> "ServedSite":
        if self.httpd is None:
            self.httpd = self.bind()
            self._thread = threading.Thread(
                target=self.httpd.serve_forever,
                kwargs={"poll_interval": 0.05},
                name="served-site",
                daemon=True,
            )
            self._thread.start()
        return self

    def bind(self) -> QuietHTTPServer:
        """The listening server (a subclass may give it more attributes its handler reads)."""
        return bind(self.handler, self.host, self.port)

    def stop(self) -> None:
        httpd, thread = self.httpd, self._thread
        self.httpd = self._thread = None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        if thread is not None:
            thread.join()

    def __enter__(self):
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def serve_until_interrupted(httpd: QuietHTTPServer, what: str) -> None:
    """Serve in the foreground until Ctrl-C or SIGTERM, then close the server and say so.

    SIGINT keeps the disposition the process inherited: a background job of a non-interactive shell is
    started with it ignored, on purpose, and then only SIGTERM stops it.
    """
    previous = signal.getsignal(signal.SIGTERM)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    print(f"{what} served at {httpd.base_url}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        httpd.server_close()
        signal.signal(signal.SIGTERM, previous)
