"""The report in real Chromium: every generated page passes the project's own axe audit (any rule, best
practice included), and crawled payloads never run, even with the report's Content-Security-Policy removed."""

import re
import shutil

import pytest
from helpers import CHROMIUM
from report_sample import PAYLOAD, TODAY, build_sample

from a11ycheck.audit.chromium import ChromiumBrowser
from a11ycheck.audit.config import AuditLimits, BrowserConfig
from a11ycheck.audit.pool import BrowserPool
from a11ycheck.report.build import ReportRequest, build_report
from a11ycheck.report.serve import ReportServer
from a11ycheck.store import Store

CONFIG = BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", page_load_timeout=15, script_timeout=60)
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')

# Runs before any page script: counts dialogs instead of letting the driver accept them silently.
RECORD_DIALOGS = (
    "window.__dialogs = 0; window.alert = window.confirm = window.prompt = () => { window.__dialogs++; };"
)
FOREIGN_ELEMENTS = (
    "script, iframe, frame, object, embed, img, [onerror], [onload], [onclick], [onmouseover], "
    "a[href^='javascript:' i], a[href^='data:' i]"
)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The sample report in Dutch (every page) and one municipality as a single English file."""
    folder = tmp_path_factory.mktemp("report-browser")
    url = f"sqlite:///{folder / 'a11ycheck.db'}"
    build_sample(url, folder / "charters")
    store = Store(url)
    build_report(store, ReportRequest(out=folder / "site", charters_dir=folder / "charters", today=TODAY))
    build_report(
        store,
        ReportRequest(
            out=folder / "site" / "mail",
            municipality="gent",
            single_file=True,
            lang="en",
            charters_dir=folder / "charters",
            today=TODAY,
        ),
    )
    store.close()
    return folder


def pages(folder) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*.html"))


def test_every_report_page_passes_its_own_audit(reports):
    site = reports / "site"
    paths = pages(site)
    assert len(paths) > 40 and "mail/gent.en.html" in paths
    limits = AuditLimits(page_load_timeout=15, axe_timeout=60, frame_wait_ms=1000)
    failures = {}
    with ReportServer(site) as server, BrowserPool(1, CONFIG, limits) as pool:
        for path in paths:
            result = pool.audit(f"{server.base_url}/{path}")
            if result.status != "ok" or result.violations:
                failures[path] = result.error or [
                    (v.rule, [n.target for n in v.nodes]) for v in result.violations
                ]
    assert failures == {}


def test_crawled_payloads_never_run(reports):
    """With and without the CSP (defence in depth): no payload runs, no dialog opens, no foreign element is
    in any page, and the payload is there as visible text."""
    unprotected = reports / "no-csp"
    shutil.rmtree(unprotected, ignore_errors=True)
    shutil.copytree(reports / "site", unprotected)
    for path in unprotected.rglob("*.html"):
        path.write_text(CSP.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")
    assert "Content-Security-Policy" not in (unprotected / "index.html").read_text()

    browser = ChromiumBrowser(CONFIG)
    try:
        browser.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_DIALOGS})
        shown = 0
        for folder in (reports / "site", unprotected):
            with ReportServer(folder) as server:
                for path in pages(folder):
                    browser.driver.get(f"{server.base_url}/{path}")
                    state = browser.driver.execute_script(
                        "return [typeof window.__pwned, window.__dialogs, "
                        "document.querySelectorAll(arguments[0]).length, document.body.innerText];",
                        FOREIGN_ELEMENTS,
                    )
                    assert state[:3] == ["undefined", 0, 0], (folder.name, path, state[:3])
                    shown += PAYLOAD in state[3]
        assert shown >= 8  # the payload is shown as text on the hostile pages, in both copies
    finally:
        browser.close()


def overflowing(driver, width: int) -> list[str]:
    """What sticks out past the viewport: the first few elements wider than the page, by tag and class."""
    return driver.execute_script(
        "const w = arguments[0]; return [...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > w + 0.5 && !e.closest('.table-wrap'))"
        ".slice(0, 5)"
        ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));",
        width,
    )


MIN_CHART_TEXT_PX = 10  # a chart's labels at 320 px, as drawn: never the 5 px of a 640-wide chart shrunk

# Every text of every chart as drawn: [its text, its font size in CSS px on screen, whether it stays inside
# its chart and clear of the chart's other texts].
CHART_TEXTS = """
const out = [];
for (const svg of document.querySelectorAll('svg.chart')) {
  const frame = svg.getBoundingClientRect(), scale = svg.getScreenCTM().a;
  const texts = [...svg.querySelectorAll('text')], boxes = texts.map((t) => t.getBoundingClientRect());
  texts.forEach((text, i) => {
    const box = boxes[i];
    const inside = box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5
      && box.top >= frame.top - 0.5 && box.bottom <= frame.bottom + 0.5;
    const clear = boxes.every((other, j) => j === i || other.right <= box.left || other.left >= box.right
      || other.bottom <= box.top || other.top >= box.bottom);
    out.push([text.textContent, parseFloat(getComputedStyle(text).fontSize) * scale, inside && clear]);
  });
}
return out;
"""


def test_no_page_scrolls_sideways_at_320_css_pixels(reports):
    """WCAG 1.4.10 (reflow): at 320 CSS px wide nothing but a table's own focusable region scrolls, and
    the charts' labels stay readable: at least MIN_CHART_TEXT_PX, inside the chart, not on each other."""
    site = reports / "site"
    browser = ChromiumBrowser(CONFIG)
    try:
        browser.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": False},
        )
        wide, small, charts = {}, {}, 0
        with ReportServer(site) as server:
            for path in pages(site):
                browser.driver.get(f"{server.base_url}/{path}")
                width = browser.driver.execute_script("return document.documentElement.scrollWidth;")
                if width > 320:
                    wide[path] = (width, overflowing(browser.driver, 320))
                texts = browser.driver.execute_script(CHART_TEXTS)
                charts += bool(texts)
                unreadable = [text for text in texts if text[1] < MIN_CHART_TEXT_PX or not text[2]]
                if unreadable:
                    small[path] = unreadable[:3]
        assert wide == {}
        assert charts > 5 and small == {}
    finally:
        browser.close()


A4_PRINTABLE_PX = 703  # 210 mm less the print stylesheet's 2 x 12 mm margins, at 96 CSS px per inch


def test_printed_on_a4_tables_wrap_instead_of_scrolling(reports):
    """In print, no table keeps a scrolling region and nothing is wider than an A4 page: every column is on
    paper."""
    site = reports / "site"
    printed = [p for p in pages(site) if "page-" not in p]  # the widest tables; a page's page has none
    browser = ChromiumBrowser(CONFIG)
    try:
        browser.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": A4_PRINTABLE_PX, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
        )
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        wide = {}
        with ReportServer(site) as server:
            for path in printed:
                browser.driver.get(f"{server.base_url}/{path}")
                state = browser.driver.execute_script(
                    "const wraps = [...document.querySelectorAll('.table-wrap')];"
                    "return [document.documentElement.scrollWidth,"
                    " wraps.filter(w => getComputedStyle(w).overflowX !== 'visible').length,"
                    " wraps.filter(w => w.scrollWidth > w.clientWidth + 1).length];"
                )
                if state != [A4_PRINTABLE_PX, 0, 0]:
                    wide[path] = state
        assert len(printed) > 10 and wide == {}
    finally:
        browser.close()
