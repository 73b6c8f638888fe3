"""What plain-language scoring costs a page: each page audited with the language collector and without, next
to each other, plus the Python scoring of what the collector read.

    .venv/bin/python -m bench.language_cost --pages 100

On a shared machine two runs minutes apart see different neighbours (bench.compare's crawls with
`a11ycheck-crawl-no-language` beside `a11ycheck-crawl` measure the whole crawl, but its rounds drift by more
than the few percent sought); this puts both audits of a page next to each other instead. One browser,
prepared as the pool prepares it, and for every page of a generated site: `audit_page` with the run's
collectors (scoring on) and without (off), the order alternating page by page; the "on" page also pays for
`LanguageObserver.rows`, timed on the same thread, as the recorder runs it. The ratio is the pages per minute
with scoring on over the pages per minute with it off (target: 0.95 or more).
"""

import argparse
import statistics
import time
from dataclasses import replace

from a11ycheck.audit.chromium import ChromiumBrowser
from a11ycheck.audit.config import AuditLimits, BrowserConfig, installed_chromium
from a11ycheck.audit.page_audit import audit_page, prepare_browser
from a11ycheck.language.observer import LanguageObserver
from a11ycheck.page_observers import collectors
from a11ycheck.store import PageRecord
from bench.site_generator import MunicipalSite, SiteServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.language_cost", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--pages", type=int, default=100, help="pages audited twice each (default 100)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    observer = LanguageObserver()  # warms up the detector, the dictionary and the word list
    warm_up = time.perf_counter() - started
    site = MunicipalSite(max(args.pages, 300))
    off = AuditLimits()
    on = replace(off, collectors=collectors([observer]))
    times: dict[str, list[float]] = {"on": [], "off": [], "scoring": []}
    levels: dict[str | None, int] = {}
    with SiteServer(site) as server:
        browser = ChromiumBrowser(BrowserConfig(installed_chromium(), "/usr/bin/chromedriver"))
        try:
            prepare_browser(browser)
            urls = site.urls(server.base_url)[: args.pages]
            for number, url in enumerate(urls):
                for mode in ("on", "off") if number % 2 else ("off", "on"):
                    began = time.perf_counter()
                    result = audit_page(browser, url, on if mode == "on" else off)
                    assert result.status == "ok", result
                    if mode == "on":
                        scoring = time.perf_counter()
                        rows = observer.rows(1, PageRecord(url=url), result)
                        times["scoring"].append(time.perf_counter() - scoring)
                        level = rows[0].level if rows else "not read"
                        levels[level] = levels.get(level, 0) + 1
                    times[mode].append(time.perf_counter() - began)
        finally:
            browser.close()
    pages = len(times["on"])
    print(f"{pages} pages, each audited with and without the language collector, one browser, interleaved")
    print(f"warm-up (detector, dictionary, word list): {warm_up * 1000:.0f} ms, once per process")
    for mode in ("off", "on", "scoring"):
        values = [t * 1000 for t in times[mode]]
        mean, median = statistics.mean(values), statistics.median(values)
        print(f"{mode:<8} mean {mean:7.1f} ms, median {median:7.1f} ms a page")
    print("levels of the pages:", ", ".join(f"{level}: {n}" for level, n in sorted(levels.items(), key=str)))
    ratio = sum(times["off"]) / sum(times["on"])
    print(f"pages/min with scoring on / off: {ratio:.3f} (target 0.95 or more)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
