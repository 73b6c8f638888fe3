"""The browser side against real Chromium: axe in frames, time limits, dialogs, crashes, statuses."""

import json
import os
import signal
import threading
import time
from urllib.parse import urlsplit

import pytest
from helpers import CHROMIUM, ENGINES, respond, stalls_after, wait_until

from a11ycheck.audit import pool as pool_module
from a11ycheck.audit.chromium import (
    ENGINE_ARGS,
    BrowserStartError,
    ChromiumBrowser,
    live_group_members,
)
from a11ycheck.audit.config import AuditLimits, BrowserConfig
from a11ycheck.audit.page_audit import prepare_browser
from a11ycheck.audit.pool import BrowserPool
from a11ycheck.vocabulary.wcag import wcag_criteria, wcag_level

CLEAN = """<!doctype html><html lang="nl"><head><title>{title}</title></head>
<body><main><h1>{title}</h1>{body}</main></body></html>"""


def page(title: str, body: str = "") -> str:
    return CLEAN.format(title=title, body=body)


@pytest.fixture
def pool():
    config = BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", page_load_timeout=4, script_timeout=10)
    with BrowserPool(1, config, AuditLimits(page_load_timeout=4, axe_timeout=10, frame_wait_ms=3000)) as p:
        yield p


def rules(result) -> set[str]:
    return {v.rule for v in result.violations}


def test_clean_page_has_no_violations_and_defects_are_found(pool, page_server):
    clean = page_server.add("/clean", page("Schoon"))
    broken = page_server.add(
        "/broken", page("Stuk", '<img src="/x.png"><input type="text"><a href="/a"></a>')
    )
    assert pool.audit(clean).violations == []
    result = pool.audit(broken)
    assert result.status == "ok"
    assert {"image-alt", "label", "link-name"} <= rules(result)
    image_alt = next(v for v in result.violations if v.rule == "image-alt")
    assert image_alt.wcag == ["1.1.1"] and image_alt.level == "A"
    assert image_alt.nodes[0].target == ["img"]
    assert '<img src="/x.png">' in image_alt.nodes[0].html


def test_violation_inside_same_origin_and_cross_origin_iframes(pool, page_server):
    page_server.add("/frame", page("Kaart", '<img src="/kaart.png">'))
    frame_url = page_server.url("/frame")
    cross_origin = frame_url.replace("127.0.0.1", "localhost")
    outer = page_server.add(
        "/outer",
        page(
            "Bereikbaarheid",
            f'<iframe src="/frame" title="a"></iframe><iframe src="{cross_origin}" title="b"></iframe>',
        ),
    )
    result = pool.audit(outer)
    image_alt = next(v for v in result.violations if v.rule == "image-alt")
    targets = sorted(node.target for node in image_alt.nodes)
    assert len(targets) == 2, targets
    assert all(len(target) == 2 and target[1] == "img" for target in targets)


def test_page_that_never_finishes_loading_is_a_timeout_and_the_browser_goes_on(pool, page_server):
    page_server.routes["/hang"] = stalls_after(
        "text/html", b"<!doctype html><html lang=nl><title>Traag</title><body>", 15
    )
    ok = page_server.add("/after", page("Daarna"))
    result = pool.audit(page_server.url("/hang"))
    assert result.status == "timeout"
    assert "did not load within 4 s" in result.error
    assert pool.audit(ok).status == "ok"


def test_http_error_pages_are_recorded_with_their_status(pool, page_server):
    missing = page_server.url("/missing")
    result = pool.audit(missing)
    assert result.status == "http-404"
    assert result.violations == []


def test_dialogs_do_not_block_the_audit(pool, page_server):
    url = page_server.add(
        "/alert", page("Melding", "<script>alert('hallo'); confirm('zeker?');</script><img src=\"/x.png\">")
    )
    result = pool.audit(url)
    assert result.status == "ok"
    assert "image-alt" in rules(result)


def test_browser_killed_mid_page_is_replaced_and_the_page_retried(pool, page_server):
    loading = threading.Event()

    def slow(handler):
        loading.set()
        time.sleep(2)  # the scenario: a page slow enough for its browser to be killed while loading it
        respond(handler, page("Traag maar goed", '<img src="/x.png">').encode())

    page_server.routes["/slow"] = slow
    pool.audit(page_server.add("/warm", page("Opwarmen")))
    (browser,) = pool.live_browsers()
    group = browser.process_group

    def kill_while_loading() -> None:
        if loading.wait(60):
            os.killpg(group, signal.SIGKILL)

    killer = threading.Thread(target=kill_while_loading, daemon=True)
    killer.start()
    result = pool.audit(page_server.url("/slow"))
    killer.join()
    assert result.status == "ok" and result.attempts == 2
    assert "image-alt" in rules(result)
    assert pool.stats.browsers_replaced == 1
    (replacement,) = pool.live_browsers()
    assert replacement is not browser
    assert live_group_members(group) == []  # nothing of the killed browser's process group is left


def test_tags_narrow_the_rules(page_server):
    url = page_server.add(
        "/mixed",
        '<!doctype html><html lang="nl"><title>x</title><body><img src="/x.png">'
        "<p>zonder landmark</p></body></html>",
    )
    config = BrowserConfig(CHROMIUM, "/usr/bin/chromedriver")
    with BrowserPool(1, config, AuditLimits(tags=("wcag2a", "wcag2aa"))) as narrow:
        result = narrow.audit(url)
    assert "image-alt" in rules(result)
    assert "region" not in rules(result)  # best practice, not a WCAG tag


def test_closing_the_pool_leaves_no_browser_processes(page_server):
    config = BrowserConfig(CHROMIUM, "/usr/bin/chromedriver")
    pool = BrowserPool(2, config, AuditLimits())
    url = page_server.add("/a", page("A"))
    threads = [threading.Thread(target=pool.audit, args=(url,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    groups = [b.process_group for b in pool.live_browsers()]
    assert len(groups) == 2 and all(live_group_members(g) for g in groups)
    pool.close()
    for group in groups:
        assert live_group_members(group) == []


def test_a_browser_is_recycled_with_its_replacement_started_ahead(page_server):
    config = BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", page_load_timeout=10)
    pool = BrowserPool(1, config, AuditLimits(page_load_timeout=10, axe_timeout=20), recycle_after=8)
    urls = [page_server.add(f"/p{n}", page(f"P{n}", '<img src="/x.png">')) for n in range(5)]
    groups = set()
    try:
        results = [pool.audit(url) for url in urls[:3]]  # after page 3 (8 - 5) the replacement starts
        (first,) = pool.live_browsers()
        first_group = first.process_group
        groups.add(first_group)
        wait_until(lambda: first not in pool.live_browsers(), 60, "the replacement never took over")
        # ready: it took the place of the first browser, which was free and is closed, five pages early
        (replacement,) = pool.live_browsers()
        assert replacement is not first
        groups.add(replacement.process_group)
        wait_until(lambda: not live_group_members(first_group), 60, "the first browser's processes remain")
        results += [pool.audit(url) for url in urls[3:]]
        assert all(r.status == "ok" and rules(r) == {"image-alt"} for r in results), results
        assert pool.live_browsers() == [replacement] and (first.pages, replacement.pages) == (3, 2)
        assert pool.stats.browsers_started == 2 and pool.stats.browsers_replaced == 0
    finally:
        pool.close()
    for group in groups:
        assert live_group_members(group) == []


def test_a_browser_whose_replacement_is_late_goes_on_auditing_up_to_twice_its_recycling_point(page_server):
    # The replacement's start is held back (as on a busy machine, where a start takes seconds): the old
    # browser keeps auditing past `recycle_after` instead of leaving its thread waiting for the start,
    # and is retired at twice `recycle_after` even then.
    config = BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", page_load_timeout=10)
    pool = BrowserPool(1, config, AuditLimits(page_load_timeout=10, axe_timeout=20), recycle_after=3)
    urls = [page_server.add(f"/late{n}", page(f"L{n}", '<img src="/x.png">')) for n in range(7)]
    spare_may_start = threading.Event()
    safety_net = threading.Timer(90, spare_may_start.set)  # a regression must fail, not hang
    start = pool._start

    def start_held_back_in_the_background():
        if threading.current_thread().name == "browser-pool":  # the spare's start, not the first one
            spare_may_start.wait()
        return start()

    pool._start = start_held_back_in_the_background
    safety_net.start()
    try:
        results = [pool.audit(url) for url in urls[:5]]
        (first,) = pool.live_browsers()
        assert first.pages == 5  # past its recycling point (3), its replacement still starting
        results.append(pool.audit(urls[5]))
        assert first.pages == 6 and first not in pool.live_browsers()  # retired at 2 x 3 all the same
        spare_may_start.set()
        results.append(pool.audit(urls[6]))
        (replacement,) = pool.live_browsers()
        assert replacement is not first and replacement.pages == 1
        assert all(r.status == "ok" and rules(r) == {"image-alt"} for r in results), results
        assert pool.stats.browsers_started == 2 and pool.stats.browsers_replaced == 0
    finally:
        safety_net.cancel()
        spare_may_start.set()
        pool.close()


def test_a_browser_gets_a_fresh_tab_every_new_tab_after_pages_prepared_like_the_first(page_server):
    # A fresh tab is a new renderer process (the old one exits with its tab), in the same browser; the
    # scripts registered for new documents (tamed dialogs, axe) are registered in it again.
    config = BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", page_load_timeout=10)
    limits = AuditLimits(page_load_timeout=10, axe_timeout=20)
    probe = (
        "<script>document.title = (typeof window.axe === 'object' ? 'axe' : 'no-axe') + '/' + "
        "(String(window.alert).includes('[native code]') ? 'wild' : 'tame');</script>"
    )
    urls = [page_server.add(f"/tab{n}", page(f"T{n}", '<img src="/x.png">' + probe)) for n in range(5)]
    with BrowserPool(1, config, limits, recycle_after=100, new_tab_after=2) as pool:
        results = [pool.audit(urls[0])]
        (browser,) = pool.live_browsers()
        group = browser.process_group
        renderers_of_first_tab = _renderers(group)
        results += [pool.audit(url) for url in urls[1:]]  # a fresh tab after pages 2 and 4
        wait_until(  # the first tab's renderer is gone (a spare stays)
            lambda: renderers_of_first_tab - _renderers(group), 10, "the first tab's renderer is still there"
        )
        assert pool.live_browsers() == [browser] and browser.process_group == group
        assert (browser.pages, browser.tab_pages) == (5, 1) and len(browser.driver.window_handles) == 1
        assert pool.stats.browsers_started == 1 and pool.stats.browsers_replaced == 0
    assert all(r.status == "ok" and rules(r) == {"image-alt"} for r in results), results
    assert [r.title for r in results] == ["axe/tame"] * 5


def _renderers(group: int) -> set[int]:
    return {pid for pid in live_group_members(group) if "--type=renderer" in _command_line(pid)}


def test_a_browser_that_dies_while_getting_a_fresh_tab_is_replaced(page_server, monkeypatch):
    # Chromium is killed just as its fresh tab is due: the pool discards that browser (no process left)
    # and the next page is audited in a new one, as after a crash between pages.
    config = BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", page_load_timeout=10)
    urls = [page_server.add(f"/dies{n}", page(f"D{n}", '<img src="/x.png">')) for n in range(3)]
    renew_tab = pool_module.renew_tab

    def renew_a_dead_browser(browser):
        os.kill(_browser_pid(browser), signal.SIGKILL)
        renew_tab(browser)

    monkeypatch.setattr(pool_module, "renew_tab", renew_a_dead_browser)
    with BrowserPool(1, config, AuditLimits(page_load_timeout=10, axe_timeout=20), new_tab_after=2) as pool:
        results = [pool.audit(urls[0])]
        (first,) = pool.live_browsers()
        first_group = first.process_group
        results.append(pool.audit(urls[1]))  # the fresh tab is due after this page: Chromium is gone
        assert pool.live_browsers() == [] and pool.stats.browsers_replaced == 1
        results.append(pool.audit(urls[2]))
        (second,) = pool.live_browsers()
        assert second is not first and second.pages == 1
    assert live_group_members(first_group) == []
    assert all(r.status == "ok" and rules(r) == {"image-alt"} for r in results), results


def test_renderers_run_with_the_engine_flags(pool, page_server):
    # ENGINE_ARGS (no optimising compilers) save ~20 % CPU a page; Chromium hands --js-flags to renderers
    pool.audit(page_server.add("/flags", page("F")))
    browser = pool.live_browsers()[0]
    renderers = [
        arguments
        for pid in live_group_members(browser.process_group)
        if "--type=renderer" in (arguments := _command_line(pid))
    ]
    (js_flags,) = [arg for arg in ENGINE_ARGS if arg.startswith("--js-flags=")]
    assert renderers and all(js_flags in arguments for arguments in renderers), renderers
    # chromedriver merges the features switched off into one switch: RenderDocument's (ENGINE_ARGS) with
    # the calls home's (CHROMIUM_ARGS); were they two, Chromium would take only the last
    (disabled,) = [
        arg for arg in _browser_command_line(browser).split() if arg.startswith("--disable-features=")
    ]
    assert {"RenderDocument", "Translate", "NetworkTimeServiceQuerying"} <= set(
        disabled.split("=", 1)[1].split(",")
    ), disabled


@pytest.mark.parametrize("chromium", ENGINES)
def test_a_new_browser_opens_an_empty_page_and_nothing_else(chromium):
    # Debian's Chromium would open its new tab page, which loads start.duckduckgo.com: a request to the
    # internet at every start, and a first command held until that navigation gave up; the headless shell
    # would open no tab at all, and chromedriver would find no page to drive
    browser = ChromiumBrowser(BrowserConfig(chromium, "/usr/bin/chromedriver"))
    try:
        driver = browser.driver
        assert len(driver.window_handles) == 1
        assert driver.current_url == "data:,"
        assert driver.execute_script("return history.length") == 1
        # chromedriver drives it over a pipe: no DevTools port for other local processes to connect to
        main = _browser_command_line(browser)
        assert "--remote-debugging-pipe" in main and "--remote-debugging-port" not in main, main
    finally:
        browser.kill()


def test_the_browser_asks_no_host_but_the_audited_one(page_server, tmp_path):
    # Chromium calls home on its own (account list, component updates, autofill, network time) and
    # prefetches the DNS of links; a monitoring run must ask nothing of anyone but the site it audits.
    # The browser's net log shows every request and lookup it starts; the resolver rule makes sure this
    # test itself sends no DNS query even when it fails.
    net_log = tmp_path / "net-log.json"
    config = BrowserConfig(
        CHROMIUM,
        "/usr/bin/chromedriver",
        extra_args=(f"--log-net-log={net_log}", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
    )
    links = "".join(f'<a href="https://www.{name}.com/gemeente">{name}</a> ' for name in ("facebook", "x"))
    form = '<form><label>E-mail <input type="email" name="email" autocomplete="email"></label></form>'
    url = page_server.add("/links", page("Links", links + form))
    with BrowserPool(1, config, AuditLimits()) as pool:
        started = time.monotonic()
        for _ in range(3):
            assert pool.audit(url).status == "ok"
        # the scenario: a window to watch in, not a wait for something to happen; the calls home come in
        # the browser's first seconds, and the test must see that none does
        time.sleep(max(0.0, 4 - (time.monotonic() - started)))
    hosts = _hosts_in_net_log(net_log)
    assert "127.0.0.1" in hosts  # the log is read right
    assert hosts == {"127.0.0.1"}, hosts


def _hosts_in_net_log(path) -> set[str]:
    """Every host a URL or a host lookup in Chromium's net log names (the log may lack its closing)."""
    text = path.read_text()
    try:
        events = json.loads(text)["events"]
    except json.JSONDecodeError:  # the browser was killed before it closed the log
        events = json.loads(text.rstrip().rstrip(",") + "]}")["events"]
    hosts = set()
    for event in events:
        params = event.get("params") or {}
        for key in ("url", "host"):
            value = params.get(key)
            if isinstance(value, str) and value:
                host = urlsplit(value if "://" in value else f"//{value}").hostname
                if host:
                    hosts.add(host)
    return hosts


def _browser_command_line(browser: ChromiumBrowser) -> str:
    """The command line of the browser's main Chromium process (not its helpers, not chromedriver)."""
    return _command_line(_browser_pid(browser))


def _browser_pid(browser: ChromiumBrowser) -> int:
    """The browser's main Chromium process: not its helpers, not chromedriver, not the wrapper script Debian
    starts chromium-headless-shell with."""
    (main,) = [
        pid
        for pid in live_group_members(browser.process_group)
        if "--user-data-dir=" in (line := _command_line(pid))
        and "--type=" not in line
        and not line.startswith("/bin/sh ")
    ]
    return main


def _command_line(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def test_a_new_browser_that_dies_before_it_is_prepared_is_not_used():
    # Chromium dies right after start, before the scripts that tame dialogs and bring axe are registered:
    # the pool gets a BrowserStartError (and starts another), never a browser without them.
    browser = ChromiumBrowser(BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", page_load_timeout=5))
    group = browser.process_group
    try:
        os.kill(_browser_pid(browser), signal.SIGKILL)  # the browser process; its helpers go with it
        with pytest.raises(BrowserStartError, match="could not be prepared|did not answer"):
            prepare_browser(browser)
        assert live_group_members(group) == []
    finally:
        browser.kill()


@pytest.mark.parametrize(
    ("tags", "criteria", "level"),
    [
        (["cat.text-alternatives", "wcag2a", "wcag111", "section508"], ["1.1.1"], ("A", "2.0")),
        (["wcag2aa", "wcag143"], ["1.4.3"], ("AA", "2.0")),
        (["wcag21aa", "wcag1412"], ["1.4.12"], ("AA", "2.1")),
        (["wcag22aa", "wcag258"], ["2.5.8"], ("AA", "2.2")),
        (["wcag2aaa", "wcag146"], ["1.4.6"], ("AAA", "2.0")),
        (["best-practice", "cat.keyboard"], [], ("best-practice", None)),
        (["experimental", "cat.aria"], [], ("experimental", None)),
    ],
)
def test_wcag_criteria_and_level_from_axe_tags(tags, criteria, level):
    assert wcag_criteria(tags) == criteria
    assert wcag_level(tags) == level


def test_a_page_over_the_size_limit_is_too_large_and_not_audited(page_server):
    config = BrowserConfig(CHROMIUM, "/usr/bin/chromedriver")
    big = page_server.add("/groot", page("Groot", '<img src="/x.png">' + "<p>tekst</p>" * 2_000))
    small = page_server.add("/klein", page("Klein", '<img src="/x.png">'))
    with BrowserPool(1, config, AuditLimits(max_page_bytes=20_000)) as limited:
        too_large, fine = limited.audit(big), limited.audit(small)
    assert too_large.status == "too-large" and too_large.violations == []
    assert "over A11YCHECK_MAX_PAGE_BYTES" in too_large.error
    assert fine.status == "ok" and rules(fine) == {"image-alt"}


def test_links_and_status_are_read_only_when_asked_for(pool, page_server):
    url = page_server.add(
        "/links",
        page(
            "Links",
            '<a href="/a#x">a</a> <a href="/a">a</a> <a href="mailto:x@y.be">m</a> <map name=m>'
            '<area href="/b" alt="b"></map> <a href="javascript:void(0)">j</a>',
        ),
    )
    assert pool.audit(url).links is None
    result = pool.audit(url, max_links=10)
    base = page_server.base_url
    assert result.links == [f"{base}/a#x", f"{base}/a", f"{base}/b"]
    assert result.http_status == 200
    assert pool.audit(url, max_links=1).links == [f"{base}/a#x"]


def test_the_headless_shell_finds_what_debians_chromium_finds(page_server):
    # Audits run in chromium-headless-shell where it is installed (a11ycheck/audit/config.py), in chromium
    # where not: one Blink, so one set of findings, frames and content below the fold included (the shell's
    # page is the whole window; chromium's is the window less its toolbar)
    below = '<div style="height:1500px"></div><p style="color:#999;background:#fff">Onder de vouw</p>'
    framed = page_server.add("/kader", page("Kader", '<img src="/k.png"><input type="text">'))
    urls = [
        page_server.add("/fouten", page("Fouten", '<img src="/x.png"><p style="color:#aaa">Vaag</p>')),
        page_server.add("/lang", page("Lang", below + '<a href="/x"></a>')),
        page_server.add("/frames", page("Frames", f'<iframe src="{framed}" title="kader"></iframe>')),
        page_server.add("/schoon", page("Schoon", "<p>Niets mis.</p>")),
    ]

    def findings(chromium: str) -> dict[str, list]:
        config = BrowserConfig(chromium, "/usr/bin/chromedriver", page_load_timeout=10)
        with BrowserPool(1, config, AuditLimits(page_load_timeout=10, axe_timeout=20)) as engine:
            results = [engine.audit(url) for url in urls]
        assert all(result.status == "ok" for result in results), results
        return {
            result.url: sorted(
                (kind, rule.rule, json.dumps(node.target))
                for kind, found in (("violation", result.violations), ("review", result.needs_review))
                for rule in found
                for node in rule.nodes
            )
            for result in results
        }

    shell, chromium = findings(CHROMIUM), findings("/usr/bin/chromium")
    assert {rule for _, rule, _ in shell[urls[0]]} >= {"image-alt", "color-contrast"}  # the pages are read
    assert any(rule == "link-name" for _, rule, _ in shell[urls[1]])
    assert shell == chromium
