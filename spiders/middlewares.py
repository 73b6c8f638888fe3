"""Downloader middlewares that decide whether a request may leave the machine at all.

Scrapy sends every request through the downloader middlewares, including the requests that
RedirectMiddleware builds from a 3xx and the robots.txt fetches of RobotsTxtMiddleware, so a check
here also covers every redirect hop. Both middlewares run before RobotsTxtMiddleware, so a refused
host does not even get its robots.txt requested.
"""

import logging
import socket
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.asyncio import run_in_thread

from a11ycheck.netguard import RefusedAddress, Resolver, check_url
from a11ycheck.urls import SiteScope

logger = logging.getLogger(__name__)

ALLOW_PRIVATE_SETTING = "A11YCHECK_ALLOW_PRIVATE"
EGRESS_PROXY_SETTING = "A11YCHECK_EGRESS_PROXY"  # "127.0.0.1:PORT" of the run's egress guard


class AddressRefused(IgnoreRequest):
    """A request dropped by the address check; `reason` is the RefusedAddress (or UnresolvableHost)."""

    def __init__(self, reason: RefusedAddress):
        super().__init__(str(reason))
        self.reason = reason


class OutOfScope(IgnoreRequest):
    """A request (usually a redirect) that would leave the crawled site."""


class AddressGuardMiddleware:
    """Runs `check_url` on every request before download, honouring A11YCHECK_ALLOW_PRIVATE.

    The DNS lookup runs in a thread (Scrapy's `run_in_thread`: asyncio's or the reactor's pool), so a
    slow resolver does not stall the crawl. Hosts that passed are remembered for the crawl. Scrapy
    resolves the host again to connect, so a resolver that answers the two lookups differently (DNS
    rebinding within seconds) is not caught here; EgressProxyMiddleware closes that gap in a11ycheck runs.
    """

    def __init__(self, *, allow_private: bool, resolve: Resolver = socket.getaddrinfo):
        self.allow_private = allow_private
        self.resolve = resolve
        self._passed: set[tuple[str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "AddressGuardMiddleware":
        return cls(allow_private=crawler.settings.getbool(ALLOW_PRIVATE_SETTING))

    async def process_request(self, request: Request) -> None:
        key = _scheme_and_host(request.url)
        if key in self._passed:
            return
        try:
            await run_in_thread(self.check, request.url)
        except RefusedAddress as exc:
            logger.warning("%s", exc)
            raise AddressRefused(exc) from None
        self._passed.add(key)

    def check(self, url: str) -> None:
        """Raise RefusedAddress if the crawl may not fetch `url` (blocking: resolves the host)."""
        check_url(url, allow_private=self.allow_private, resolve=self.resolve)


class ScopeGuardMiddleware:
    """Drops requests that leave the spider's site (its `scope`), so redirects cannot lead off-site.

    Only the site (host, its www twin, port) is checked, not the include/exclude patterns: sitemaps
    and robots.txt live outside them. Robots.txt fetches are let through, as robots.txt may redirect.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ScopeGuardMiddleware":
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        scope = getattr(self.crawler.spider, "scope", None)
        if not isinstance(scope, SiteScope) or request.meta.get("dont_obey_robotstxt"):
            return
        if not scope.same_site(request.url):
            logger.info("Not following %s: outside %s", request.url, scope.start_url)
            raise OutOfScope(f"{request.url} is outside the crawled site {scope.start_url}")


def _scheme_and_host(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").rstrip(".")


class EgressProxyMiddleware:
    """Sends every request through the run's egress guard (a11ycheck/egress.py), which checks the address
    again and connects to the very address it checked, so a DNS answer that changes after
    AddressGuardMiddleware's lookup is not followed. Off unless EGRESS_PROXY_SETTING names the guard."""

    def __init__(self, proxy: str | None):
        self.proxy = f"http://{proxy}" if proxy else None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "EgressProxyMiddleware":
        return cls(crawler.settings.get(EGRESS_PROXY_SETTING))

    def process_request(self, request: Request) -> None:
        if self.proxy:
            request.meta["proxy"] = self.proxy
