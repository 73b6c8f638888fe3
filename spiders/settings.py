"""Scrapy settings for a polite crawl of one public website.

Government sites are shared infrastructure: the crawl obeys robots.txt, adapts its pace to the
server's response times, keeps few connections open and says who it is in its User-Agent.
"""

from typing import Any

from a11ycheck.spiders.middlewares import ALLOW_PRIVATE_SETTING

from a11ycheck import __version__

USER_AGENT = f"a11ycheck/{__version__} (accessibility monitoring of public-sector websites, WCAG 2.1 AA)"
MEGABYTE = 1024 * 1024


def crawl_settings(
    *,
    allow_private: bool,
    max_depth: int,
    download_timeout: float,
    download_delay: float,
    max_page_bytes: int,
    concurrent_per_host: int = 2,
    user_agent: str = USER_AGENT,
) -> dict[str, Any]:
    """The Scrapy settings for a crawl, from the values of a11ycheck's Settings (the one home of defaults);
    the caller adds ITEM_PIPELINES and the download handlers."""
    return {
        "USER_AGENT": user_agent,
        "ROBOTSTXT_OBEY": True,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": download_delay,
        "DOWNLOAD_DELAY": download_delay,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrent_per_host,
        "DOWNLOAD_TIMEOUT": download_timeout,
        "DOWNLOAD_MAXSIZE": max_page_bytes,
        "DOWNLOAD_WARNSIZE": min(5 * MEGABYTE, max_page_bytes),
        "REDIRECT_MAX_TIMES": 10,
        "RETRY_TIMES": 1,
        "DEPTH_LIMIT": max_depth,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        # Scrapy reads the source of a generator callback and parses it, for a warning meant for spider
        # authors, on every response: its cache is keyed by the bound method, a new object each time.
        # About 4 ms of the reactor thread a page (py-spy, 2026-12-03); the spider's callbacks are ours.
        "WARN_ON_GENERATOR_RETURN_VALUE": False,
        # Before OffsiteMiddleware (50) and RobotsTxtMiddleware (100): nothing is sent, not even
        # a robots.txt request, to a host that leaves the site or the public internet.
        "DOWNLOADER_MIDDLEWARES": {
            "a11ycheck.spiders.middlewares.ScopeGuardMiddleware": 30,
            "a11ycheck.spiders.middlewares.AddressGuardMiddleware": 40,
            # before HttpProxyMiddleware (750), which turns meta["proxy"] into the proxy connection
            "a11ycheck.spiders.middlewares.EgressProxyMiddleware": 740,
        },
        ALLOW_PRIVATE_SETTING: allow_private,
    }
