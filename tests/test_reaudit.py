"""Re-audits at the cost of what changed (a11ycheck/reuse.py), with real crawls in real Chromium: an unchanged
page keeps its findings without axe, any change that axe could see (a stylesheet colour, an alt removed,
content a script adds after load) is audited again, and the findings of a re-audit equal a full audit's."""

import json

import pytest
from helpers import CHROMIUM

PAGE = """<!doctype html><html lang="nl"><head><title>{title}</title>
<link rel="stylesheet" href="/stijl.css?v={version}"></head>
<body><header><a href="/">Home</a> <a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a></header>
<main><h1>{title}</h1>{body}</main></body></html>"""
GOOD_CSS = "body { color: #111; background: #fff; } .zacht { color: #222; }"
PALE_CSS = "body { color: #111; background: #fff; } .zacht { color: #ccc; }"  # contrast 1.6:1


@pytest.fixture
def site(page_server):
    """Four pages and a stylesheet; `site.set(path, body)` changes a page, `site.css(text)` the stylesheet."""

    class Site:
        version = 1

        def set(self, path: str, body: str, title: str | None = None) -> None:
            html = PAGE.format(title=title or f"Pagina {path}", body=body, version=self.version)
            page_server.add(path, html)

        def css(self, text: str) -> None:  # the test server matches a path with its query
            page_server.add(f"/stijl.css?v={self.version}", text, content_type="text/css")

    built = Site()
    built.css(GOOD_CSS)
    built.set("/", '<p class="zacht">Welkom.</p>', "Home")
    built.set("/a", '<img src="/foto.png" alt="Het gemeentehuis">')
    built.set("/b", '<p class="zacht">Openingsuren.</p>')
    built.set("/c", "<p>Contact.</p>")
    page_server.add("/foto.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    built.url = page_server.url("/")
    return built


def crawl(cli, db: str, url: str, *extra: str, env: dict | None = None) -> dict:
    result = cli(
        "crawl",
        url,
        "--allow-private",
        "--delay",
        "0",
        "--browsers",
        "1",
        "--max-pages",
        "10",
        *extra,
        db=db,
        env=env,
    )
    assert result.code == 0, result.stderr
    return json.loads(cli("export", "latest", db=db).stdout)


def findings(export: dict) -> dict[str, list]:
    """Per page path: the violations and needs review, rule and element, as a full audit would list them."""
    found = {}
    for page in export["pages"]:
        path = page["url"].split("/", 3)[-1]
        found[path] = sorted(
            (kind, v["rule"], json.dumps(n["target"]))
            for kind in ("violations", "needs_review")
            for v in page[kind]
            for n in v["nodes"]
        ) + [("passed", tuple(page["passed_rules"]))]
    return found


def rules(export: dict, path: str) -> set[str]:
    return {v["rule"] for p in export["pages"] if p["url"].split("/", 3)[-1] == path for v in p["violations"]}


def reused(export: dict) -> set[str]:
    return {p["url"].split("/", 3)[-1] for p in export["pages"] if p["reused_from"] is not None}


@pytest.mark.browser  # audits through the CLI, in a child process
def test_an_unchanged_site_keeps_its_findings_and_a_change_is_audited_again(cli, site, sqlite_url):
    first = crawl(cli, sqlite_url, site.url)
    assert first["run"]["full_audit"] and reused(first) == set()
    again = crawl(cli, sqlite_url, site.url)
    assert again["run"]["full_audit"] is False and again["run"]["reused_from_run"] == 1
    assert reused(again) == {"", "a", "b", "c"} and again["run"]["pages_reused"] == 4
    assert findings(again) == findings(first)

    site.css(PALE_CSS)  # only a stylesheet colour changes, under the same URL
    site.set("/a", '<img src="/foto.png">')  # an alt removed
    site.set(
        "/c",
        "<p>Contact.</p><script>setTimeout(() => document.querySelector('main')"
        ".insertAdjacentHTML('beforeend', '<img src=\"/foto.png\">'), 50)</script>",
    )  # added after load
    changed = crawl(cli, sqlite_url, site.url)
    assert reused(changed) == set()  # the stylesheet is every page's: nothing may be reused
    assert "image-alt" in {
        v["rule"] for p in changed["pages"] if p["url"].endswith("/a") for v in p["violations"]
    }
    assert "image-alt" in {
        v["rule"] for p in changed["pages"] if p["url"].endswith("/c") for v in p["violations"]
    }
    full = crawl(cli, sqlite_url, site.url, "--full")
    assert full["run"]["full_audit"] and reused(full) == set()
    assert findings(changed) == findings(full)
    assert any(v["rule"] == "color-contrast" for p in full["pages"] for v in p["violations"])


@pytest.mark.browser  # audits through the CLI, in a child process
def test_a_partly_changed_site_reuses_only_the_unchanged_pages(cli, site, sqlite_url):
    crawl(cli, sqlite_url, site.url)
    site.set("/b", '<p class="zacht">Openingsuren.</p><input type="text">')  # an unlabelled field
    incremental = crawl(cli, sqlite_url, site.url)
    assert reused(incremental) == {"", "a", "c"}
    full = crawl(cli, sqlite_url, site.url, "--full")
    assert findings(incremental) == findings(full)


@pytest.mark.browser  # audits through the CLI, in a child process
def test_every_nth_audit_is_full_and_another_rule_set_is_never_reused(cli, site, sqlite_url):
    every_second = {"A11YCHECK_FULL_AUDIT_EVERY": "2"}
    runs = [crawl(cli, sqlite_url, site.url, env=every_second)["run"] for _ in range(3)]
    assert [run["full_audit"] for run in runs] == [True, False, True]
    other_rules = crawl(cli, sqlite_url, site.url, "--tags", "wcag2a,wcag2aa")["run"]
    assert other_rules["full_audit"] is True  # the earlier runs used axe's default rule set


@pytest.mark.browser  # audits through the CLI, in a child process
def test_pages_that_do_not_hold_still_or_cannot_be_seen_whole_are_always_audited(
    cli, page_server, sqlite_url, demo_site
):
    ticking = "<p id=t>0</p><script>setInterval(() => { t.textContent = Date.now(); }, 30)</script>"
    links = '<a href="/kaart">Kaart</a> <a href="/rust">Rust</a>'
    page_server.add("/", PAGE.format(title="Klok", body=ticking + links, version=1))
    frame = f'<iframe title="Kaart" src="{demo_site}/kaart/embed.html"></iframe>'  # another origin
    page_server.add("/kaart", PAGE.format(title="Kaart", body=frame, version=1))
    page_server.add("/rust", PAGE.format(title="Rust", body="<p>Niets beweegt.</p>", version=1))
    crawl(cli, sqlite_url, page_server.url("/"))
    again = crawl(cli, sqlite_url, page_server.url("/"))
    assert reused(again) == {"rust"}  # a ticking clock and another site's frame: audited every time


def test_only_a_completed_run_with_the_same_engine_rules_and_code_is_a_reuse_base(sqlite_url):
    from a11ycheck.audit.axe import axe_version
    from a11ycheck.reuse import audit_code, choose_reuse_base
    from a11ycheck.settings import Settings
    from a11ycheck.store import Store

    store = Store(sqlite_url)
    site = store.ensure_site("https://www.voorbeeld.be/")
    settings = Settings(db=sqlite_url)
    version, code = axe_version(), audit_code()

    def run(status="completed", axe=version, audit=code, options=None, base=None):
        started = store.start_run("crawl", "https://www.voorbeeld.be/", options or {}, axe, audit, base)
        store.finish_run(started.id, status)
        return started.id

    assert choose_reuse_base(store, site.id, settings, version) is None  # nothing before
    run(axe="4.10.2")
    run(audit="an older audit")
    run(options={"tags": ["wcag2a"]})
    run(options={"wcag22": True})
    run(status="interrupted")
    assert choose_reuse_base(store, site.id, settings, version) is None  # none of them is comparable
    good = run()
    assert choose_reuse_base(store, site.id, settings, version) == good
    assert choose_reuse_base(store, site.id, Settings(db=sqlite_url, full=True), version) is None
    second = run(base=good)
    third = run(base=second)
    run(status="interrupted", base=third)  # not counted, and no base
    assert choose_reuse_base(store, site.id, settings, version) == third  # the latest comparable one
    run(base=third)
    assert choose_reuse_base(store, site.id, settings, version) is None  # three in a row: the 4th is full
    patient = Settings(db=sqlite_url, full_audit_every=10)
    assert choose_reuse_base(store, site.id, patient, version) is not None


WATCHED = """<!doctype html><html lang="nl"><head><title>Gevolgd</title>
<style>p { color: #111; }</style></head><body><main><p id=tekst>Tekst</p><div id=gastheer></div>
<iframe id=kader srcdoc="<p id=binnen>In</p>" title="Kader"></iframe></main><script>
gastheer.attachShadow({mode: 'open'}).innerHTML = '<span id=schaduw>S</span>';
</script></body></html>"""

CHANGES = {  # what a page may do while axe runs, and whether the fingerprint may still stand for it
    "nothing": ("", False),
    "text": ("tekst.firstChild.nodeValue = 'Anders';", True),
    "attribute": ("tekst.setAttribute('class', 'zacht');", True),
    "shadow root": ("gastheer.shadowRoot.getElementById('schaduw').textContent = 'T';", True),
    "frame": ("kader.contentDocument.getElementById('binnen').remove();", True),
    "style rule": ("document.styleSheets[0].insertRule('p { color: #ccc; }', 1);", True),
    "style edit": ("document.styleSheets[0].cssRules[0].style.color = '#ccc';", True),
    "sheet off": ("document.styleSheets[0].disabled = true;", True),
    "animation": ("tekst.animate([{opacity: 0}, {opacity: 1}], 10000);", True),
    "style sheet": ("document.adoptedStyleSheets = [new CSSStyleSheet()];", True),
}


@pytest.mark.browser  # starts Chromium itself, by its path
@pytest.mark.parametrize("change", CHANGES)
def test_a_change_while_axe_runs_is_noticed_wherever_it_is(page_server, change):
    """The audit script watches the roots its fingerprint walked instead of walking them again after axe
    (a11ycheck/audit/audit_script.py): a change in any of them, or in the style sheets, is noticed."""
    from a11ycheck.audit.audit_script import audit_script
    from a11ycheck.audit.chromium import ChromiumBrowser
    from a11ycheck.audit.config import BrowserConfig

    script, noticed = CHANGES[change]
    browser = ChromiumBrowser(BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", 20, 20))
    try:
        browser.driver.get(page_server.add("/", WATCHED))
        watched = browser.driver.execute_script(
            audit_script().split("const COLLECTORS")[0]  # the functions, not the audit itself
            + "const roots = []; const fingerprint = pageFingerprint(roots);"
            + f"const changed = watchChanges(roots); {script}"
            + "return [fingerprint !== null, roots.length, changed()];"
        )
    finally:
        browser.close()
    assert watched == [True, 3, noticed]  # the document, the shadow root, the frame's document


# A page that changes while the axe the audit could not run in the page script runs after it: axe injected
# by the caller (here the page took the registered copy away), or color-contrast run on its own.
AXE_TAKEN = """<!doctype html><html lang="nl"><head><title>Later</title></head>
<body><main><p id=tekst>Tekst</p><script>
let injected;  // the registered axe is replaced by a slot: axe has to be injected after the page loaded
Object.defineProperty(window, 'axe', {configurable: true, get: () => injected,
  set: (value) => { injected = value; CHANGE }});
</script></main></body></html>"""
SECOND_RUN = """<!doctype html><html lang="nl"><head><title>Later</title></head>
<body><main><p id=tekst>Tekst</p><script>
const run = axe.run.bind(axe);
let runs = 0;
axe.run = (...args) => { runs += 1; if (runs === 2) { CHANGE } return run(...args); };
</script></main></body></html>"""


@pytest.mark.browser  # starts Chromium itself, by its path
@pytest.mark.parametrize("page", ["axe injected later", "color-contrast on its own"])
@pytest.mark.parametrize("changes", [False, True])
def test_a_change_while_the_rest_of_axe_runs_leaves_no_fingerprint(page_server, page, changes):
    """The fingerprint is kept only when the page held still until every axe run of its audit was done."""
    from a11ycheck.audit.chromium import ChromiumBrowser
    from a11ycheck.audit.config import AuditLimits, BrowserConfig
    from a11ycheck.audit.page_audit import audit_page, prepare_browser

    change = "document.getElementById('tekst').textContent = 'Anders';" if changes else ""
    html = AXE_TAKEN if page == "axe injected later" else SECOND_RUN
    limits = AuditLimits(split_at_elements=1 if page == "color-contrast on its own" else 10_000)
    browser = ChromiumBrowser(BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", 20, 20))
    try:
        prepare_browser(browser)
        result = audit_page(browser, page_server.add("/", html.replace("CHANGE", change)), limits)
        text = browser.driver.execute_script("return document.getElementById('tekst').textContent")
    finally:
        browser.close()
    assert result.status == "ok", result.error
    assert text == ("Anders" if changes else "Tekst")  # the change happened, during the audit
    assert (result.fingerprint is None) == changes


@pytest.mark.browser  # starts Chromium itself, by its path
def test_a_page_expected_unchanged_loads_without_axe_and_gets_it_when_it_changed(page_server):
    """A page with an earlier fingerprint is loaded without axe registered (it would not run); if the page
    changed after all, axe is injected and finds what it finds in a full audit, and the next page without
    an earlier fingerprint has axe registered again."""
    from a11ycheck.audit.chromium import ChromiumBrowser
    from a11ycheck.audit.config import AuditLimits, BrowserConfig
    from a11ycheck.audit.page_audit import audit_page, prepare_browser

    url = page_server.add("/", PAGE.format(title="Foto", body='<img src="/foto.png">', version=1))
    page_server.add("/stijl.css?v=1", GOOD_CSS, content_type="text/css")
    axe_here = "return typeof window.axe"
    limits = AuditLimits()
    browser = ChromiumBrowser(BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", 20, 20))
    try:
        prepare_browser(browser)
        full = audit_page(browser, url, limits)
        assert browser.driver.execute_script(axe_here) == "object"  # registered for every new document
        same = audit_page(browser, url, limits, previous=full.fingerprint)
        assert same.reused and browser.driver.execute_script(axe_here) == "undefined"
        changed = audit_page(browser, url, limits, previous="0" * 17)  # another page's fingerprint
        assert not changed.reused and changed.fingerprint == full.fingerprint
        assert browser.driver.execute_script(axe_here) == "object"  # injected after the audit script
        assert [v.rule for v in changed.violations] == [v.rule for v in full.violations] == ["image-alt"]
        at_parse = "<title>?</title><p>Nieuw</p><script>document.title = typeof window.axe</script>"
        new = audit_page(browser, page_server.add("/nieuw", at_parse), limits)
        assert (new.status, new.title) == ("ok", "object")  # axe was there before the page's own script
    finally:
        browser.close()


# What the fingerprint must tell apart (True) or take as the same (False), page and style sheets before and
# after: {path: body}, served again between the two looks. "OTHER" is another origin (no CORS: its sheet
# cannot be read, so the computed styles are walked instead).
STYLED = """<!doctype html><html lang="nl"><head><title>Stijl</title>
<link rel="stylesheet" href="HREF"></head><body><main><p class="zacht">Tekst</p>
<label><input type="checkbox" id=vink> Vink</label>SCRIPT</main></body></html>"""
CASCADE = {
    "nothing changes": ({"/s.css": "p { color: #111; }"}, {}, False),
    "a colour in the sheet": ({"/s.css": "p { color: #111; }"}, {"/s.css": "p { color: #ccc; }"}, True),
    "a colour in an imported sheet": (
        {"/s.css": "@import url(/i.css);", "/i.css": "p { color: #111; }"},
        {"/i.css": "p { color: #ccc; }"},
        True,
    ),
    "a colour in another origin's sheet": (
        {"OTHER/s.css": "p { color: #111; }"},
        {"OTHER/s.css": "p { color: #ccc; }"},
        True,
    ),
    "pseudo content in another origin's sheet": (
        {"OTHER/s.css": "p::after { content: 'a'; }"},
        {"OTHER/s.css": "p::after { content: 'b'; }"},
        True,
    ),
    "a cache-busting query in the sheet": (
        {"/s.css": "main { background: url(/b.png?v=1); }"},
        {"/s.css": "main { background: url(/b.png?v=2); }"},
        False,
    ),
    "a rule for what the page does not have": (
        {"/s.css": "p { color: #111; }"},
        {"/s.css": "p { color: #111; } iframe { border: 1px solid #767676; }"},
        False,
    ),
    "a box checked by script": (
        {"/s.css": "p { color: #111; }"},
        {"SCRIPT": "<script>vink.checked = true</script>"},
        True,
    ),
}


@pytest.mark.browser  # starts Chromium itself, by its path
def test_the_fingerprint_tells_apart_what_the_cascade_gives_and_nothing_else(page_server):
    """Two looks at a page match when what axe reads is the same: a changed rule that the page's elements do
    not use leaves it so, a cache-busting query too; another origin's sheet, which a page cannot read, is
    seen through the computed styles. With the previous look's document and sheets unchanged, its computed
    styles are carried over without reading them again."""
    from helpers import serving_pages

    from a11ycheck.audit.audit_script import audit_script
    from a11ycheck.audit.chromium import ChromiumBrowser
    from a11ycheck.audit.config import BrowserConfig

    functions = audit_script().split("const COLLECTORS")[0]
    fingerprint = functions + "return pageFingerprint(null, arguments[0]);"
    same = functions + "return sameView(arguments[0], arguments[1]);"
    wrong = []
    browser = ChromiumBrowser(BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", 20, 20))
    try:
        with serving_pages() as other:

            def serve(files: dict[str, str]) -> str:
                html = STYLED.replace("SCRIPT", files.get("SCRIPT", ""))
                html = html.replace("HREF", other.url("/s.css") if "OTHER/s.css" in files else "/s.css")
                for path, body in files.items():
                    if path != "SCRIPT":
                        server, path = (other, path[5:]) if path.startswith("OTHER") else (page_server, path)
                        server.add(path, body, content_type="text/css")
                return page_server.add("/", html)

            for case, (before, after, differs) in CASCADE.items():
                looks = []
                for files in (before, {**before, **after}):
                    browser.driver.get(serve(files))
                    looks.append(browser.driver.execute_script(fingerprint, None))
                if None in looks or browser.driver.execute_script(same, *looks) == differs:
                    wrong.append((case, looks))
            browser.driver.get(serve(CASCADE["nothing changes"][0]))
            document, sheets, _ = looks[0].split(".")
            carried = browser.driver.execute_script(fingerprint, f"{document}.{sheets}.carried")
            read_again = browser.driver.execute_script(fingerprint, f"{document}.other.carried")
    finally:
        browser.close()
    assert wrong == []
    assert carried == f"{document}.{sheets}.carried"  # the computed styles were not read again
    assert read_again == looks[0]


def test_two_fingerprints_show_the_same_when_document_and_computed_styles_match():
    from a11ycheck.audit.audit_script import same_view

    assert same_view("d1.s1.c1", "d1.s2.c1")  # a shared sheet changed where this page does not use it
    assert not same_view("d1.s1.c1", "d1.s1.c2")
    assert not same_view("d1.s1.c1", "d2.s1.c1")
    assert not same_view("d1.s1.c1", None) and not same_view(None, None)
    assert not same_view("d1s1c1", "d1s1c1")  # an earlier format, never compared


@pytest.mark.browser  # starts Chromium itself, by its path
def test_pages_carried_forward_wear_a_tab_a_third_as_much(page_server):
    """A tab is renewed after `new_tab_after` pages audited with axe; three pages carried forward without it
    count as one (a renderer grows about a third as fast with them: chromium.REUSED_PAGES_PER_PAGE)."""
    from a11ycheck.audit.config import AuditLimits, BrowserConfig
    from a11ycheck.audit.pool import BrowserPool

    url = page_server.add("/", PAGE.format(title="Slijtage", version=1, body="<p>Tekst.</p>"))
    page_server.add("/stijl.css", GOOD_CSS, content_type="text/css")
    config = BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", 20, 20)
    with BrowserPool(1, config, AuditLimits(page_load_timeout=20, axe_timeout=20), new_tab_after=2) as pool:
        fingerprint = pool.audit(url).fingerprint
        (browser,) = pool.live_browsers()
        first_tab = browser.driver.current_window_handle
        for _ in range(2):
            assert pool.audit(url, 0, fingerprint).reused
        assert browser.tab_wear == pytest.approx(1 + 2 / 3)
        assert browser.driver.current_window_handle == first_tab  # not due yet
        assert pool.audit(url, 0, fingerprint).reused  # the third: a wear of 2, a fresh tab after it
        assert browser.driver.current_window_handle != first_tab
        assert (browser.tab_pages, browser.tab_reused, browser.tab_wear) == (0, 0, 0)
        assert not pool.audit(url).reused  # the first page of the fresh tab, audited in full, wears it by 1
        assert browser.tab_wear == 1
