"""What one page costs the browser, each way a page can be handled: a full audit, a re-audit that finds the
page unchanged and carries its findings forward (a11ycheck/reuse.py), and loading it with nothing else, in a
browser prepared as the pool prepares it for such a re-audit (axe not registered for new documents,
page_audit.axe_in_new_documents) and in a bare one.

The load is the floor of a re-audit that loads every page as usual: the ratio of the prepared load to a full
audit is the least an unchanged re-audit can cost in browser CPU, whatever the fingerprint costs. A load
followed at once by the next one cuts short what the browser does after the load event (painting, its
window's updates); "load, held" lets that finish, as a re-audit does while it watches an unchanged page for
REUSE_RECHECK_MS, and is the truer floor. One browser, the generated municipal site's leaf pages, each way
twice in turn so a drift of the machine shows.

    .venv/bin/python -m bench.page_costs --pages 40
"""

import argparse
import time

from a11ycheck.audit.audit_script import REUSE_RECHECK_MS
from a11ycheck.audit.chromium import ChromiumBrowser
from a11ycheck.audit.config import AuditLimits, BrowserConfig, installed_chromium
from a11ycheck.audit.page_audit import audit_page, axe_in_new_documents, prepare_browser
from bench.proctree import tree_cpu_seconds
from bench.site_generator import MunicipalSite, SiteServer

WARM_UP = 5
CONFIG = BrowserConfig(installed_chromium(), "/usr/bin/chromedriver")


def per_page(browser: ChromiumBrowser, urls: list[str], visit) -> tuple[float, float]:
    """(browser CPU ms, wall ms) per page of `visit(url)` over `urls`."""
    root = browser.driver.service.process.pid
    cpu, wall = tree_cpu_seconds(root), time.perf_counter()
    for url in urls:
        visit(url)
    return 1000 * (tree_cpu_seconds(root) - cpu) / len(urls), 1000 * (time.perf_counter() - wall) / len(urls)


def measure(pages: int, rounds: int) -> dict[str, list[tuple[float, float]]]:
    site = MunicipalSite(max(200, pages + WARM_UP + 12))
    limits = AuditLimits()
    costs: dict[str, list[tuple[float, float]]] = {
        "full": [],
        "unchanged": [],
        "load": [],
        "load, held": [],
        "bare load": [],
    }
    with SiteServer(site) as server:
        urls = site.urls(server.base_url)[12 : 12 + WARM_UP + pages]  # leaf and archive pages
        warm, urls = urls[:WARM_UP], urls[WARM_UP:]
        fingerprints: dict[str, str | None] = {}

        def full(url: str) -> None:
            fingerprints[url] = audit_page(browser, url, limits).fingerprint

        def unchanged(url: str) -> None:
            result = audit_page(browser, url, limits, previous=fingerprints[url])
            if not result.reused:
                raise RuntimeError(f"{url} was audited again: its fingerprint changed between two loads")

        def load(url: str) -> None:
            axe_in_new_documents(browser, wanted=False)  # as for a page with an earlier fingerprint
            browser.driver.get(url)
            browser.document_marked = False  # the audit script did not run in it

        def load_held(url: str) -> None:
            load(url)
            time.sleep(REUSE_RECHECK_MS / 1000)

        browser = ChromiumBrowser(CONFIG)
        try:
            prepare_browser(browser)
            for url in warm:
                audit_page(browser, url, limits)
            for _ in range(rounds):
                ways = (("full", full), ("unchanged", unchanged), ("load", load), ("load, held", load_held))
                for name, visit in ways:
                    costs[name].append(per_page(browser, urls, visit))
        finally:
            browser.close()
        browser = ChromiumBrowser(CONFIG)  # nothing registered for new documents
        try:
            for url in warm:
                browser.driver.get(url)
            for _ in range(rounds):
                costs["bare load"].append(per_page(browser, urls, browser.driver.get))
        finally:
            browser.close()
    return costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    costs = measure(args.pages, args.rounds)
    full_cpu = sum(cpu for cpu, _ in costs["full"]) / len(costs["full"])
    for name, rounds in costs.items():
        cpus = ", ".join(f"{cpu:.0f}" for cpu, _ in rounds)
        walls = ", ".join(f"{wall:.0f}" for _, wall in rounds)
        mean = sum(cpu for cpu, _ in rounds) / len(rounds)
        print(
            f"{name:11s} browser CPU {cpus} ms/page, wall {walls} ms/page; "
            f"{mean / full_cpu:.2f}x a full audit"
        )


if __name__ == "__main__":
    main()
