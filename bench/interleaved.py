"""Per-page browser time of a11ycheck's audit against the plain loop's, page by page, interleaved.

    .venv/bin/python -m bench.interleaved --pages 100

On a shared machine two runs minutes apart see different neighbours; this puts both audits of a page
next to each other instead. One browser each (a11ycheck's `ChromiumBrowser` prepared as the pool does, and
`bench/plain_loop.py`'s), both kept for the whole run, and for every page of a generated site: a11ycheck's
`audit_page`, then the plain loop's `audit_one` (the order alternates page by page). Every WebDriver
command is timed, so the table says where each spends a page: loading it, sending axe, running axe.
It measures the browsers' work only, not pools, threads, crawling or writing results.
"""

import argparse
import statistics
import time
from collections import defaultdict

from selenium.webdriver.remote.webdriver import WebDriver

from a11ycheck.audit.chromium import ChromiumBrowser
from a11ycheck.audit.config import AuditLimits, BrowserConfig
from a11ycheck.audit.page_audit import audit_page, prepare_browser
from bench import plain_loop
from bench.site_generator import MunicipalSite, SiteServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.interleaved", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100, help="pages audited by each (default 100)")
    args = parser.parse_args(argv)
    site = MunicipalSite(max(args.pages, 300))
    commands: dict[tuple[str, str], list[float]] = defaultdict(list)
    totals: dict[str, list[float]] = defaultdict(list)
    original = WebDriver.execute
    with SiteServer(site) as server:
        # the plain loop's browser (bench/compare.py tells why): one engine, two ways of auditing
        ours = ChromiumBrowser(BrowserConfig("/usr/bin/chromium", "/usr/bin/chromedriver"))
        plain = None
        try:
            prepare_browser(ours)
            plain = plain_loop._browser()
            who = {id(ours.driver): "a11ycheck", id(plain): "plain loop"}

            def timed(driver, command, params=None):
                started = time.perf_counter()
                try:
                    return original(driver, command, params)
                finally:
                    commands[(who.get(id(driver), "?"), command)].append(time.perf_counter() - started)

            WebDriver.execute = timed
            urls = site.urls(server.base_url)[12 : 12 + args.pages]  # leaf and archive pages
            for number, url in enumerate(urls):
                for tool in ("a11ycheck", "plain loop") if number % 2 else ("plain loop", "a11ycheck"):
                    started = time.perf_counter()
                    if tool == "a11ycheck":
                        result = audit_page(ours, url, AuditLimits())
                        assert result.status == "ok", result
                    else:
                        assert "violations" in plain_loop.audit_one(plain, url)
                    totals[tool].append(time.perf_counter() - started)
        finally:
            WebDriver.execute = original
            ours.close()
            if plain is not None:
                plain.quit()
    pages = len(totals["a11ycheck"])
    print(f"{pages} pages each, one browser each, interleaved page by page; ms per page (mean)")
    for tool in ("a11ycheck", "plain loop"):
        parts = ", ".join(
            f"{command} {sum(times) * 1000 / pages:.0f}"
            for (name, command), times in sorted(commands.items(), key=lambda item: -sum(item[1]))
            if name == tool
        )
        mean, median = statistics.mean(totals[tool]) * 1000, statistics.median(totals[tool]) * 1000
        print(f"{tool:<11} {mean:>5.0f} (median {median:.0f}): {parts}")
    ratio = statistics.mean(totals["plain loop"]) / statistics.mean(totals["a11ycheck"])
    print(f"plain loop / a11ycheck: {ratio:.2f}x the time per page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
