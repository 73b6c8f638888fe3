"""The protocol between a crawl's starter (monitor, campaign worker) and `a11ycheck crawl`: what one sends,
the other parses back to the same request. Fast: the command line is parsed, nothing is crawled."""

import pytest

from a11ycheck.cli import crawl
from a11ycheck.cli_options import settings_from
from a11ycheck.crawl_request import CrawlRequest
from a11ycheck.settings import Settings

REQUESTS = [
    CrawlRequest("https://www.gent.be/", max_pages=200, browsers=2, download_delay=0.5),
    CrawlRequest(
        "http://127.0.0.1:8000/",
        max_pages=7,
        browsers=3,
        download_delay=0.25,
        allow_private=True,
        tags=("wcag2a", "wcag2aa"),
        wcag22=True,
        full=True,
        campaign_site=42,
        sample_only=True,
    ),
    CrawlRequest("https://www.gent.be/", 50, 2, 0.5, max_documents=7, documents=False),
]


def _parsed(request: CrawlRequest) -> CrawlRequest:
    """What the `crawl` command makes of `request.argv()`, as it does when it runs."""
    arguments = request.argv()
    assert arguments[0] == "crawl"
    context = crawl.make_context("crawl", arguments[1:])
    params = dict(context.params)
    start_url, campaign_site = params.pop("start_url"), params.pop("campaign_site")
    return CrawlRequest.for_site(start_url, settings_from(**params), campaign_site)


@pytest.mark.parametrize("request_", REQUESTS, ids=["plain", "campaign", "documents"])
def test_a_crawl_request_survives_the_command_line(request_, monkeypatch):
    names = ("MAX_PAGES", "BROWSERS", "TAGS", "ALLOW_PRIVATE", "WCAG22", "FULL", "DOWNLOAD_DELAY")
    names += ("SAMPLE_ONLY", "MAX_DOCUMENTS", "DOCUMENTS")
    for name in names:
        name = f"A11YCHECK_{name}"
        monkeypatch.delenv(name, raising=False)
    assert _parsed(request_) == request_


def test_a_request_for_a_site_takes_the_settings_of_the_scheduler():
    settings = Settings(max_pages=12, browsers=1, download_delay=2.0, allow_private=True, tags=("wcag2a",))
    request = CrawlRequest.for_site("https://a.be/", settings, campaign_site=3)
    assert request == CrawlRequest("https://a.be/", 12, 1, 2.0, True, ("wcag2a",), False, False, 3)
    assert request.command()[-2:] == ["--campaign-site", "3"]
    assert request.argv()[8:11] == ["--max-documents", "200", "--documents"]
    quiet = CrawlRequest.for_site("https://a.be/", Settings(max_documents=0, documents=False))
    assert (quiet.max_documents, quiet.documents) == (0, False)
    assert quiet.argv()[8:11] == ["--max-documents", "0", "--no-documents"]
