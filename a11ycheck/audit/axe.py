"""Putting axe-core into a page and every frame in it, and running it with a trimmed result.

axe only audits a frame's content when its own copy runs inside that frame; injecting it into the top
document alone (as axe-selenium-python's `Axe.inject()` does) misses them. We register the axe source once per
browser with the DevTools protocol (`Page.addScriptToEvaluateOnNewDocument`, which runs it in every new
document of the page's process), then walk the frame tree and inject into any frame still without it
(cross-site frames living in another renderer process, frames created before registration).
"""

from functools import cache

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from a11ycheck.engine import axe_min_js

MAX_FRAME_DEPTH = 4
# axe only talks to frames of its own origin unless told otherwise; a municipal site embeds maps and
# forms from other origins, and their defects are the site's defects too.
_ALLOW_ALL_ORIGINS = "window.axe.configure({allowedOrigins: ['<unsafe_all_origins>']});"
# axe-core turns every computed color it reads into numbers through colorjs.io. 4.10 did so on every read,
# thousands of times a page for a few dozen distinct strings, about a quarter of a page's time
# (bench/README.md, "Where the time goes"); 4.14 keeps what it parsed for the length of one axe.run and
# parses again in the next run. With the page's built-ins unchanged, the result depends on the string
# alone, so each document's copy of axe keeps what it parsed across runs (a very large page's separate
# color-contrast run, page_audit.py): the same numbers, set through the same setters, without parsing
# again. Each string is parsed into a color of axe's own, so a caller with an object of its own cannot put
# other numbers in the cache. Failures are not kept (they throw again, as before). An axe without this
# method is left as it is.
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
# a11ycheck's copy of axe carries this mark, so that a `window.axe` of the page's own (a site that ships
# axe-core, or a page faking a clean result) is never the one run: where the mark is missing, a11ycheck's
# axe is put in its place. A page's script can still tamper with anything in its own world; this keeps
# out an accidental or naive substitute.
_MARK = "if (window.axe !== before) Object.defineProperty(window.axe, '__a11ycheck', {value: true});"
AXE_IS_OURS = "(w) => !!(w.axe && w.axe.run && w.axe.__a11ycheck === true)"

# part: "all" rules, "without-contrast" (all but color-contrast) or "contrast" (color-contrast alone, if
# the tags select it), so that a very large page can be audited in two runs (see page_audit.py).
RUN_FUNCTION = """
function runAxe(options, part, done) {
  if (!(AXE_IS_OURS)(window)) {
    return done({ok: false, error: "the page's own window.axe could not be replaced by a11ycheck's"});
  }
  const run = {resultTypes: ['violations', 'incomplete'], iframes: true, frameWaitTime: options.frameWait};
  const rules = {};
  let tags = options.tags || [];
  if (options.wcag22) {  // the WCAG 2.2 rules axe leaves off by default (target-size), on
    if (tags.length) tags = tags.concat(['wcag22a', 'wcag22aa']);
    for (const rule of window.axe.getRules(['wcag22a', 'wcag22aa'])) rules[rule.ruleId] = {enabled: true};
  }
  if (tags.length) run.runOnly = {type: 'tag', values: tags};
  if (part === 'without-contrast') rules['color-contrast'] = {enabled: false};
  if (part === 'contrast') {
    for (const rule of window.axe.getRules()) {
      if (rule.ruleId !== 'color-contrast') rules[rule.ruleId] = {enabled: false};
    }
  }
  run.rules = rules;
  const cut = (s) => (s || '').slice(0, options.maxSnippet);
  const ruleResult = (v) => ({
    id: v.id, impact: v.impact, tags: v.tags, help: v.help, description: v.description, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target, html: cut(n.html), summary: cut(n.failureSummary)})),
  });
  window.axe.run(document, run).then((r) => done({
    ok: true, url: String(location.href), title: String(document.title || ''),
    violations: r.violations.map(ruleResult), incomplete: r.incomplete.map(ruleResult),
    passes: r.passes.map((v) => v.id), inapplicable: r.inapplicable.map((v) => v.id),
  }), (e) => done({ok: false, error: window.__a11ycheckLeaving
    ? 'the page navigated away during the audit' : String(e && e.message || e)}));
}
""".replace("AXE_IS_OURS", AXE_IS_OURS)
# What one axe run returns per kind of result: two runs of a very large page (page_audit.py) add up.
RULE_RESULT_KEYS = ("violations", "incomplete", "passes", "inapplicable")
_RUN_SCRIPT = RUN_FUNCTION + "runAxe(arguments[0], arguments[1], arguments[arguments.length - 1]);"


def axe_options(tags: tuple[str, ...] | list[str], frame_wait_ms: int, wcag22: bool = False) -> dict:
    """How axe runs in a page: which tags (none: axe's default set, WCAG 2.0/2.1 A/AA and best practices),
    the WCAG 2.2 rules axe leaves off by default or not, the wait for frames, how much HTML is kept."""
    return {"tags": list(tags), "frameWait": frame_wait_ms, "wcag22": wcag22, "maxSnippet": MAX_SNIPPET}


@cache
def axe_source() -> str:
    """The shipped axe-core (a11ycheck/engine/axe/), configured for frames of any origin and parsing each
    color once per document, with a11ycheck's mark."""
    return marked_axe(stock_axe_source(), _ALLOW_ALL_ORIGINS, _PARSE_COLORS_ONCE)


def marked_axe(source: str, *then: str) -> str:
    """axe-core's `source` with a11ycheck's mark on the `window.axe` it makes, then the scripts `then`, run
    only when it did make one. In a function of its own, so that it can run twice in one document."""
    return "\n".join(
        (
            "(() => {",
            "const before = window.axe;",
            source,
            _MARK,
            f"if (({AXE_IS_OURS})(window)) {{",
            *then,
            "}",
            "})();",
        )
    )


@cache
def stock_axe_source() -> str:
    """axe-core as released, untouched: what the plain loop and the agreement tests run."""
    return axe_min_js()


def axe_version() -> str:
    first_line = stock_axe_source()[:40]  # "/*! axe v4.14.1"
    return first_line.split("axe v", 1)[1].split()[0] if "axe v" in first_line else "unknown"


def inject_axe_into_frames(driver: WebDriver, depth: int = 0) -> int:
    """Make sure axe is present in the current document and its frames; returns how many injections."""
    injected = 0
    if not driver.execute_script(f"return ({AXE_IS_OURS})(window)"):
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


def run_axe(driver: WebDriver, options: dict, part: str = "all") -> dict:
    """Run axe in the top document (it collects frames' results itself); returns the trimmed payload:
    violations and needs review ("incomplete") with their elements, the ids of the rules that passed and
    that did not apply. `options`: `axe_options(...)`."""
    return driver.execute_async_script(_RUN_SCRIPT, options, part)
