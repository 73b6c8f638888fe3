"""Where a page's audit spends the renderer's time: V8's sampling profiler around a11ycheck's `audit_page`.

    .venv/bin/python -m bench.profile_page --pages 30
    .venv/bin/python -m bench.profile_page --pages 30 --stock          # axe-core as shipped, for contrast
    .venv/bin/python -m bench.profile_page --pages 30 --unchanged      # a re-audit of unchanged pages
    (cd /tmp && npm pack axe-core@4.14.1 && tar xzf axe-core-4.14.1.tgz)
    .venv/bin/python -m bench.profile_page --axe-file /tmp/package/axe.js   # readable function names

One browser, prepared as the pool prepares it, audits leaf pages of a generated site (5 first to warm up)
with the DevTools Profiler running; it prints the wall time per page and the self time per page of the
top functions. "(program)" is native work outside JavaScript (parsing, style, layout). The unminified
axe.js of the same version only renames functions; check its version line against the shipped one.
"""

import argparse
import collections
import time
from pathlib import Path

from a11ycheck.audit import axe, page_audit
from a11ycheck.audit.chromium import ChromiumBrowser
from a11ycheck.audit.config import AuditLimits, BrowserConfig, installed_chromium
from a11ycheck.audit.page_audit import audit_page, prepare_browser
from bench.site_generator import MunicipalSite, SiteServer

WARM_UP = 5


def axe_under_test(stock: bool, axe_file: str | None) -> str:
    """The script registered in every document: a11ycheck's (axe plus its color memo) or stock axe."""
    source = Path(axe_file).read_text(encoding="utf-8") if axe_file else axe.stock_axe_source()
    return axe.marked_axe(source, axe._ALLOW_ALL_ORIGINS, *([] if stock else [axe._PARSE_COLORS_ONCE]))


def profile(pages: int, source: str, top: int, unchanged: bool = False) -> None:
    # what prepare_browser registers, and what inject_axe_into_frames sends where it is missing
    axe.axe_source = page_audit.axe_source = lambda: source
    site = MunicipalSite(max(300, pages + WARM_UP + 12))
    self_time: collections.Counter = collections.Counter()
    with SiteServer(site) as server:
        browser = ChromiumBrowser(BrowserConfig(installed_chromium(), "/usr/bin/chromedriver"))
        try:
            prepare_browser(browser)
            urls = site.urls(server.base_url)[12 : 12 + WARM_UP + pages]  # leaf and archive pages
            for url in urls[:WARM_UP]:
                audit_page(browser, url, AuditLimits())
            cdp = browser.devtools
            cdp("Profiler.enable", {})
            cdp("Profiler.setSamplingInterval", {"interval": 200})
            wall = 0.0
            for url in urls[WARM_UP:]:
                previous = audit_page(browser, url, AuditLimits()).fingerprint if unchanged else None
                cdp("Profiler.start", {})
                started = time.perf_counter()
                result = audit_page(browser, url, AuditLimits(), previous=previous)
                wall += time.perf_counter() - started
                assert result.status == "ok" and result.reused == unchanged, result
                recorded = cdp("Profiler.stop", {})["profile"]
                frames = {node["id"]: node["callFrame"] for node in recorded["nodes"]}
                for node_id, delta in zip(recorded["samples"], recorded["timeDeltas"], strict=True):
                    frame = frames[node_id]
                    self_time[f"{frame['functionName'] or '(anonymous)'} :{frame['lineNumber']}"] += delta
        finally:
            browser.close()
    sampled = sum(self_time.values()) / pages / 1000
    print(f"wall time per page: {wall / pages * 1000:.1f} ms; sampled: {sampled:.1f} ms")
    for name, micros in self_time.most_common(top):
        print(f"{micros / pages / 1000:8.1f} ms  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.profile_page", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--pages", type=int, default=30, help="pages profiled after the warm-up (default 30)")
    parser.add_argument("--stock", action="store_true", help="axe-core as shipped, without a11ycheck's memo")
    parser.add_argument("--axe-file", help="another build of the same axe-core (axe.js: readable names)")
    parser.add_argument("--top", type=int, default=30, help="functions listed (default 30)")
    parser.add_argument(
        "--unchanged",
        action="store_true",
        help="profile a re-audit that finds each page unchanged (each page is audited once before)",
    )
    args = parser.parse_args(argv)
    profile(args.pages, axe_under_test(args.stock, args.axe_file), args.top, args.unchanged)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
