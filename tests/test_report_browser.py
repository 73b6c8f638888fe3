"""The report in real Chromium: every generated page passes the project's own axe audit (any rule, best
practice included), and crawled payloads never run, even with the report's Content-Security-Policy removed."""

import re
import shutil

import pytest
from test_report_data import PAYLOAD, TODAY, build_sample

from a11ycheck.audit.chromium import BrowserConfig, ChromiumBrowser
from a11ycheck.audit.page_audit import AuditLimits
from a11ycheck.audit.pool import BrowserPool
from a11ycheck.report.build import ReportRequest, build_report
from a11ycheck.report.serve import ReportServer
from a11ycheck.store import Store

CONFIG = BrowserConfig("/usr/bin/chromium", "/usr/bin/chromedriver", page_load_timeout=15, script_timeout=60)
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
