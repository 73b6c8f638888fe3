"""A page too large for axe within its limit is audited in two runs (every rule but color-contrast, then
color-contrast alone) and, when color-contrast does not finish, recorded as partial: never dropped."""

import json
import time

from conftest import run_cli

from a11ycheck.audit.axe import run_axe
from a11ycheck.audit.chromium import BrowserConfig, ChromiumBrowser
from a11ycheck.audit.page_audit import AuditLimits, prepare_browser
from a11ycheck.audit.pool import BrowserPool

SMALL = (
    '<!doctype html><html lang="nl"><title>Klein</title><body><main><h1>Klein</h1><img src="/k.png"></main>'
)


def decisions_page(rows: int) -> str:
    """A council's decision list, four elements a row: color-contrast costs ten times all other rules."""
    cells = "".join(f"<tr><td>Punt {i}</td><td>Besluit</td><td>Goedgekeurd</td></tr>" for i in range(rows))
    return (
        '<!doctype html><html lang="nl"><head><title>Besluitenlijst</title></head><body><main>'
        '<h1>Besluitenlijst</h1><img src="/zaal.png"><p style="color:#aaa">Laatst bijgewerkt gisteren</p>'
        f"<table><caption>Besluiten</caption><tbody>{cells}</tbody></table></main></body></html>"
    )


def pool_with(axe_timeout: float, split_at: int) -> BrowserPool:
    config = BrowserConfig(
        "/usr/bin/chromium", "/usr/bin/chromedriver", page_load_timeout=20, script_timeout=axe_timeout
    )
    limits = AuditLimits(
        page_load_timeout=20, axe_timeout=axe_timeout, frame_wait_ms=2000, split_at_elements=split_at
    )
    return BrowserPool(1, config, limits)


def limit_between_the_two_runs(url: str) -> float:
    """An axe time limit that the first run on `url` (every rule but color-contrast) keeps with room to
    spare and color-contrast alone does not: three times the first run's time, measured here and now, so
    the test holds on a fast machine and on a loaded one (color-contrast takes 7-10 times as long)."""
    browser = ChromiumBrowser(BrowserConfig("/usr/bin/chromium", "/usr/bin/chromedriver", 60, 300))
    try:
        prepare_browser(browser)
        browser.driver.get(url)
        started = time.monotonic()
        assert run_axe(browser.driver, [], 2000, part="without-contrast")["ok"]
        return max(3.0, 3 * (time.monotonic() - started))
    finally:
        browser.close()


def counts(result) -> dict[str, int]:
    return {v.rule: len(v.nodes) for v in result.violations}


def test_a_large_page_audited_in_two_runs_finds_what_one_run_finds(page_server):
    url = page_server.add("/besluiten", decisions_page(rows=500))  # about 2,000 elements
    with (
        pool_with(axe_timeout=60, split_at=1000) as split,
        pool_with(axe_timeout=60, split_at=100_000) as whole,
    ):
        two_runs, one_run = split.audit(url), whole.audit(url)
    assert two_runs.status == one_run.status == "ok", (two_runs, one_run)
    assert counts(two_runs) == counts(one_run) == {"image-alt": 1, "color-contrast": 1}


def test_color_contrast_that_does_not_finish_leaves_a_partial_audit(page_server):
    # 3,000 rows (12,0xx elements): color-contrast alone takes 7-10 times as long as all other rules
    url = page_server.add("/besluiten", decisions_page(rows=3000))
    with pool_with(axe_timeout=limit_between_the_two_runs(url), split_at=2000) as pool:
        result = pool.audit(url)
        after = pool.audit(page_server.add("/daarna", SMALL))
    assert result.status == "partial", result
    assert counts(result) == {"image-alt": 1}
    assert "color-contrast not checked" in result.error and "12" in result.error  # 12,0xx elements
    assert after.status == "ok" and counts(after) == {"image-alt": 1}, after
    assert pool.stats.browsers_replaced == 1  # still busy with color-contrast: replaced, not reused


def test_partial_page_is_stored_with_its_findings_and_fails_the_run(page_server, sqlite_url):
    # 2,600 rows: over 10,000 elements, the default size from which color-contrast runs on its own
    url = page_server.add("/besluiten", decisions_page(rows=2600))
    limit = f"{limit_between_the_two_runs(url):.1f}"
    result = run_cli("audit", url, "--allow-private", "--axe-timeout", limit, db=sqlite_url)
    assert result.code == 1, result.stderr  # not every rule could be checked: like a timeout, worth a look
    (page,) = json.loads(run_cli("export", "latest", db=sqlite_url).stdout)["pages"]
    assert page["status"] == "partial"
    assert [v["rule"] for v in page["violations"]] == ["image-alt"]
    assert page["error"].startswith("color-contrast not checked")
