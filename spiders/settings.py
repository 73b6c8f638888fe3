"""Scrapy settings for a polite crawl of one public website.

Government sites are shared infrastructure: the crawl obeys robots.txt, adapts its pace to the
server's response times, keeps few connections open and says who it is in its User-Agent.
"""

from typing import Any

from a11ycheck import __version__
from spiders.middlewares import ALLOW_PRIVATE_SETTING

USER_AGENT = f"a11ycheck/{__version__} (accessibility monitoring of public-sector websites, WCAG 2.1 AA)"
MEGABYTE = 1024 * 1024


def crawl_settings(
    *,
    allow_private: bool,
    max_depth: int,
    download_timeout: float = 20.0,
    download_delay: float = 0.0,
    concurrent_per_host: int = 2,
    user_agent: str = USER_AGENT,
    max_page_bytes: int = 20 * MEGABYTE,
) -> dict[str, Any]:
    """The Scrapy settings for a crawl; the caller adds ITEM_PIPELINES (and FEEDS, if it wants any)."""
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
        # Before OffsiteMiddleware (50) and RobotsTxtMiddleware (100): nothing is sent, not even
        # a robots.txt request, to a host that leaves the site or the public internet.
        "DOWNLOADER_MIDDLEWARES": {
            "spiders.middlewares.ScopeGuardMiddleware": 30,
            "spiders.middlewares.AddressGuardMiddleware": 40,
            # before HttpProxyMiddleware (750), which turns meta["proxy"] into the proxy connection
            "spiders.middlewares.EgressProxyMiddleware": 740,
        },
        ALLOW_PRIVATE_SETTING: allow_private,
    }
