"""The protocol between whoever starts a crawl process (`monitor`, a campaign worker) and `a11ycheck crawl`.

Both sides use `CrawlRequest`: the starter turns it into the command line (`argv`), the `crawl` command turns
its parsed options back into one (`for_site`). tests/test_crawl_request.py parses `argv` with the real
`crawl` command, so renaming a flag breaks that test, not the workers.
"""

import sys
from dataclasses import dataclass

from a11ycheck.settings import Settings


@dataclass(frozen=True)
class CrawlRequest:
    """One site's crawl as a scheduler asks for it; the rest of the settings come from the environment."""

    start_url: str
    max_pages: int
    browsers: int
    download_delay: float
    allow_private: bool = False
    tags: tuple[str, ...] = ()
    wcag22: bool = False
    full: bool = False  # every page through axe, no findings carried forward
    campaign_site: int | None = None  # the campaign site whose run this crawl is (a worker's crawl)
    sample_only: bool = False  # audit the site's latest sample instead of crawling (review/reaudit.py)
    max_documents: int = 200
    documents: bool = True  # download and check the documents found

    @classmethod
    def for_site(cls, start_url: str, settings: Settings, campaign_site: int | None = None) -> "CrawlRequest":
        return cls(
            start_url=start_url,
            max_pages=settings.max_pages,
            browsers=settings.browsers,
            download_delay=settings.download_delay,
            allow_private=settings.allow_private,
            tags=settings.tags,
            wcag22=settings.wcag22,
            full=settings.full,
            campaign_site=campaign_site,
            sample_only=settings.sample_only,
            max_documents=settings.max_documents,
            documents=settings.documents,
        )

    def argv(self) -> list[str]:
        """The arguments of `a11ycheck crawl` that carry this request."""
        arguments = [
            "crawl",
            self.start_url,
            "--max-pages",
            str(self.max_pages),
            "--browsers",
            str(self.browsers),
            "--delay",
            repr(self.download_delay),
            "--max-documents",
            str(self.max_documents),
            "--documents" if self.documents else "--no-documents",
        ]
        if self.allow_private:
            arguments.append("--allow-private")
        if self.tags:
            arguments += ["--tags", ",".join(self.tags)]
        if self.wcag22:
            arguments.append("--wcag22")
        if self.full:
            arguments.append("--full")
        if self.campaign_site is not None:
            arguments += ["--campaign-site", str(self.campaign_site)]
        if self.sample_only:
            arguments.append("--sample-only")
        return arguments

    def command(self) -> list[str]:
        """The whole command line: this Python running `a11ycheck crawl ...`."""
        return [sys.executable, "-m", "a11ycheck", *self.argv()]
