"""Putting axe-core into a page and every frame in it, and running it with a trimmed result.

axe only audits a frame's content when its own copy runs inside that frame; the stock
`axe_selenium_python.Axe.inject()` only reaches the top document. We register the axe source once per
browser with the DevTools protocol (`Page.addScriptToEvaluateOnNewDocument`, which runs it in every new
document of the page's process), then walk the frame tree and inject into any frame still without it
(cross-site frames living in another renderer process, frames created before registration).
"""

from functools import cache
from pathlib import Path

import axe_selenium_python
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

MAX_FRAME_DEPTH = 4
# axe only talks to frames of its own origin unless told otherwise; a municipal site embeds maps and
# forms from other origins, and their defects are the site's defects too.
_ALLOW_ALL_ORIGINS = "window.axe.configure({allowedOrigins: ['<unsafe_all_origins>']});"
# axe-core 4.10 turns every computed color it reads into numbers through colorjs.io, thousands of times a
# page for a few dozen distinct strings; that parsing was about a quarter of a page's time
# (bench/README.md, "Where the time goes"). With the page's built-ins unchanged, the result depends on the
# string alone, so each document's copy of axe keeps what it parsed: the same numbers, set through the
# same setters, without parsing again. Each string is parsed into a color of axe's own, so a caller with
# an object of its own cannot put other numbers in the cache. Failures are not kept (they throw again, as
# before). An axe without this method is left as it is.
_PARSE_COLORS_ONCE = """
(() => {
  const Color = ((window.axe || {}).commons || {}).color && window.axe.commons.color.Color;
  if (!Color || typeof Color.prototype.parseString !== 'function') return;
  const parse = Color.prototype.parseString;
  const parsed = new Map();
  Color.prototype.parseString = function parseStringOnce(colorString) {
    let known = parsed.get(colorString);
    if (known === undefined) {
      const color = parse.call(new Color(), colorString);
      known = [color.r, color.g, color.b, color.alpha];
      if (parsed.size < 10000) parsed.set(colorString, known);
    }
    this.r = known[0]; this.g = known[1]; this.b = known[2]; this.alpha = known[3];
    return this;
  };
})();
"""
MAX_SNIPPET = 600  # characters of element HTML and failure summary kept per node

# The loaded document's HTTP status (Chromium's navigation timing), content type, URL, Chromium's network
# error code on its error page, and its size in elements.
_FACTS_FUNCTION = """
function pageFacts() {
  const nav = performance.getEntriesByType('navigation')[0];
  const errorCode = document.querySelector('.error-code');
  const netError = location.protocol === 'chrome-error:' && errorCode ? errorCode.textContent.trim() : '';
  return {status: nav && nav.responseStatus ? nav.responseStatus : null,
          contentType: String(document.contentType || ''), url: String(location.href), netError: netError,
          elements: document.getElementsByTagName('*').length, title: String(document.title || ''),
          size: nav ? nav.decodedBodySize : null};
}
"""

# part: "all" rules, "without-contrast" (all but color-contrast) or "contrast" (color-contrast alone, if
# the tags select it), so that a very large page can be audited in two runs (see page_audit.py).
_RUN_FUNCTION = """
function runAxe(tags, frameWait, maxSnippet, part, done) {
  const options = {resultTypes: ['violations'], iframes: true, frameWaitTime: frameWait};
  if (tags && tags.length) options.runOnly = {type: 'tag', values: tags};
  if (part === 'without-contrast') options.rules = {'color-contrast': {enabled: false}};
  if (part === 'contrast') {
    options.rules = Object.fromEntries(window.axe.getRules()
      .filter((rule) => rule.ruleId !== 'color-contrast').map((rule) => [rule.ruleId, {enabled: false}]));
  }
  const cut = (s) => (s || '').slice(0, maxSnippet);
  window.axe.run(document, options).then((r) => done({
    ok: true, url: String(location.href), title: String(document.title || ''),
    violations: r.violations.map((v) => ({
      id: v.id, impact: v.impact, tags: v.tags, help: v.help, description: v.description,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({target: n.target, html: cut(n.html), summary: cut(n.failureSummary)})),
    })),
  }), (e) => done({ok: false, error: window.__a11ycheckLeaving
    ? 'the page navigated away during the audit' : String(e && e.message || e)}));
}
"""
_RUN_SCRIPT = (
    _RUN_FUNCTION
    + "runAxe(arguments[0], arguments[1], arguments[2], arguments[3], arguments[arguments.length - 1]);"
)

SHORT_TIMER_MS = 250  # a timer this short, set by the page, is let run before axe starts
SETTLE_MS = 250  # but axe waits for such timers at most this long

# Registered to run before any page script (prepare_browser): counts the page's pending short timers, so
# the audit can let them run first, and notes when the page starts navigating away. Content a page adds
# just after load (a banner, a menu) is audited as a visitor sees it, and a page that hangs just after
# load is a timeout of its own, not of the next page.
SETTLE_TRACKER = """
(() => {
  if (window.__a11ycheckSettled) return;  // registered twice (a retried registration): once is enough
  const setTimer = window.setTimeout.bind(window), clearTimer = window.clearTimeout.bind(window);
  const pending = new Set();
  window.setTimeout = function (handler, delay, ...rest) {
    if (typeof handler !== 'function' || delay > SHORT_TIMER_MS) return setTimer(handler, delay, ...rest);
    const id = setTimer(function () { pending.delete(id); return handler.apply(this, rest); }, delay);
    pending.add(id);
    return id;
  };
  window.clearTimeout = function (id) { pending.delete(id); return clearTimer(id); };
  let leaving = false;  // the page is navigating away: an axe error then is that, not a defect of axe's
  addEventListener('beforeunload', () => { leaving = true; }, {capture: true});
  Object.defineProperty(window, '__a11ycheckLeaving', {get: () => leaving});
  Object.defineProperty(window, '__a11ycheckSettled', {value: (then, until) => {
    const check = () => (pending.size && performance.now() < until ? setTimer(check, 5) : then());
    check();
  }});
})();
""".replace("SHORT_TIMER_MS", str(SHORT_TIMER_MS))

# The common case in one round trip: the facts, then axe's results when the document looks auditable and
# axe is already in it and in every frame (registered for new documents; a frame of another site lives in
# another renderer process, is not reachable from here and needs inject_axe_into_frames).
_AUDIT_SCRIPT = (
    _FACTS_FUNCTION
    + _RUN_FUNCTION
    + """
const [tags, frameWait, maxSnippet, splitAt, maxDepth, settleMs, requested, maxLinks, maxBytes] = arguments;
const done = arguments[arguments.length - 1];
const axeEverywhere = (win, depth) => {
  try {
    if (!(win.axe && win.axe.run)) return false;
    if (depth >= maxDepth) return true;
    for (const frame of win.document.querySelectorAll('iframe, frame')) {
      if (!frame.contentWindow || !axeEverywhere(frame.contentWindow, depth + 1)) return false;
    }
    return true;
  } catch (e) {
    return false;  // a frame of another origin
  }
};
const withoutFragment = (url) => String(url).split('#')[0];
const audit = () => {
  try {
    const facts = pageFacts();
    // This document was audited before and the requested URL did not replace it: it started a download.
    facts.stale = window.__a11ycheckAudited === true
      && withoutFragment(facts.url) !== withoutFragment(requested);
    window.__a11ycheckAudited = true;
    if (maxLinks > 0) {  // a crawl's browser fetch: the links to follow, as the browser resolved them
      const hrefs = Array.from(document.links, (a) => a.href).filter((h) => typeof h === 'string');
      facts.links = [...new Set(hrefs.filter((h) => /^https?:/i.test(h)))].slice(0, maxLinks);
    }
    facts.tooLarge = maxBytes > 0 && facts.size > maxBytes;
    const auditable = !facts.stale && /^https?:/.test(facts.url) && !(facts.status >= 400)
      && /html/.test(facts.contentType) && !facts.tooLarge;
    const part = facts.elements >= splitAt ? 'without-contrast' : 'all';
    const finish = (axe) => done({facts: facts, axe: axe, part: part});
    if (auditable && axeEverywhere(window, 0)) runAxe(tags, frameWait, maxSnippet, part, finish);
    else finish(null);
  } catch (e) {  // run from a timer, an error here would otherwise surface as a timeout
    done({facts: {}, axe: {ok: false, error: String(e && e.message || e)}, part: 'all'});
  }
};
const settleThenAudit = () => {
  // From now, not from the load event: on a busy machine this script may start well after the load event,
  // and the page's timers may be late by as much.
  const until = performance.now() + settleMs;
  if (typeof window.__a11ycheckSettled === 'function') window.__a11ycheckSettled(audit, until); else audit();
};
// A page that sent itself elsewhere just after load: the driver runs this in the next document, which
// may still be loading; it is audited once loaded, as a visitor would see it (final_url says where).
if (document.readyState === 'complete') settleThenAudit();
else addEventListener('load', () => setTimeout(settleThenAudit, 0), {once: true});
"""
)


@cache
def axe_source() -> str:
    """The axe-core script shipped with axe-selenium-python (axe-core 4.10.x), configured for frames of
    any origin and parsing each color once."""
    return stock_axe_source() + "\n" + _ALLOW_ALL_ORIGINS + "\n" + _PARSE_COLORS_ONCE


@cache
def stock_axe_source() -> str:
    """axe-core as shipped, untouched: what the plain loop and the agreement tests run."""
    path = Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
    return path.read_text(encoding="utf-8")


def axe_version() -> str:
    first_line = axe_source()[:40]  # "/*! axe v4.10.2"
    return first_line.split("axe v", 1)[1].split()[0] if "axe v" in first_line else "unknown"


def inject_axe_into_frames(driver: WebDriver, depth: int = 0) -> int:
    """Make sure axe is present in the current document and its frames; returns how many injections."""
    injected = 0
    if not driver.execute_script("return typeof window.axe === 'object' && !!window.axe.run"):
        driver.execute_script(axe_source())
        injected += 1
    if depth >= MAX_FRAME_DEPTH:
        return injected
    frames = driver.find_elements(By.CSS_SELECTOR, "iframe, frame")
    for frame in frames:
        try:
            driver.switch_to.frame(frame)
        except WebDriverException:
            continue  # detached or not yet loaded: axe reports it as unreachable
        try:
            injected += inject_axe_into_frames(driver, depth + 1)
        except WebDriverException:
            pass
        finally:
            driver.switch_to.parent_frame()
    return injected


def audit_document(
    driver: WebDriver,
    url: str,
    tags: list[str] | None,
    frame_wait_ms: int,
    split_at: int,
    max_links: int = 0,
    max_bytes: int = 0,
) -> dict:
    """One round trip after `driver.get(url)`: {"facts": what _FACTS_FUNCTION reads plus "stale" (and
    "links", the page's http(s) links, at most `max_links`, when that is above 0; "tooLarge" when its
    HTML is over `max_bytes`, which is not audited), "axe": run_axe's payload or None, "part": the rules
    run}.

    "stale" is true when the document is one this script audited before and `url` did not replace it:
    the URL started a download (the caller makes sure every document before a `get` was marked so).

    It first lets the page's short timers run (SETTLE_TRACKER), for at most SETTLE_MS.
    On a page of `split_at` elements or more, color-contrast is left out ("part": "without-contrast"),
    for `run_axe(..., part="contrast")` to do separately. "axe" is None when the document is not one to
    audit (an error page, an HTTP error, not HTML) or when axe is missing from one of its frames; then
    the caller injects it (`inject_axe_into_frames`) and runs axe itself.
    """
    arguments = (
        list(tags or []),
        frame_wait_ms,
        MAX_SNIPPET,
        split_at,
        MAX_FRAME_DEPTH,
        SETTLE_MS,
        url,
        max_links,
        max_bytes,
    )
    return driver.execute_async_script(_AUDIT_SCRIPT, *arguments) or {}


def run_axe(driver: WebDriver, tags: list[str] | None, frame_wait_ms: int, part: str = "all") -> dict:
    """Run axe in the top document (it collects frames' results itself); returns the trimmed payload."""
    return driver.execute_async_script(_RUN_SCRIPT, list(tags or []), frame_wait_ms, MAX_SNIPPET, part)
