"""axe parses each color string once per document (a11ycheck/audit/axe.py, _PARSE_COLORS_ONCE): the same
numbers and the same findings as axe-core as shipped, against real Chromium."""

import itertools
from collections.abc import Iterator

import pytest
from helpers import CHROMIUM

from a11ycheck.audit.axe import axe_source, stock_axe_source
from a11ycheck.audit.chromium import ChromiumBrowser
from a11ycheck.audit.config import BrowserConfig
from a11ycheck.audit.page_audit import prepare_browser

# Every way a page or a computed style can spell a color, and strings that are not colors.
COLOR_STRINGS = [
    "rgb(0, 0, 0)",
    "rgb(255, 255, 255)",
    "rgb(119, 119, 119)",
    "rgba(0, 0, 0, 0)",
    "rgba(10, 20, 30, 0.5)",
    "rgba(255, 0, 0, 0.333)",
    "rgb(10 20 30 / 40%)",
    "rgb(12.5, 99.9, 200.1)",
    "#000",
    "#fff8",
    "#777777",
    "#12345678",
    "red",
    "rebeccapurple",
    "transparent",
    "hsl(120, 50%, 50%)",
    "hsl(0.25turn 60% 40%)",
    "hsl(1.2rad, 30%, 70%)",
    "hsla(200, 100%, 50%, 0.2)",
    "hwb(90 10% 20%)",
    "lab(50% 40 -20)",
    "lch(60% 40 120)",
    "oklch(0.7 0.1 200)",
    "oklab(0.5 0.1 -0.1 / 0.5)",
    "color(display-p3 1 0 0)",
    "color(srgb 0.2 0.4 0.6 / 0.7)",
    "not a color",
    "",
    "rgb(",
    "#12",
]

PARSE_ALL = """
const [strings, times] = arguments;
return strings.map((s) => {
  const seen = [];
  for (let i = 0; i < times; i++) {
    try {
      const c = new axe.commons.color.Color().parseString(s);
      seen.push({r: c.r, g: c.g, b: c.b, alpha: c.alpha, red: c.red, green: c.green, blue: c.blue,
                 hex: c.toHexString(), luminance: c.getRelativeLuminance()});
    } catch (e) {
      seen.push({error: String(e.message)});
    }
  }
  return seen;
});
"""

RUN_AXE = """
const done = arguments[arguments.length - 1];
const summary = (rule) => ({
  id: rule.id,
  nodes: rule.nodes.map((n) => ({target: n.target, html: n.html, failureSummary: n.failureSummary,
                                 any: n.any, all: n.all, none: n.none})),
});
const kinds = ['violations', 'incomplete', 'passes'];
axe.run(document).then(
  (r) => done(JSON.parse(JSON.stringify(kinds.map((kind) => r[kind].map(summary))))),
  (e) => done({error: String(e)}));
"""


def many_colors_page() -> str:
    """Text in many foreground and background spellings, plain, translucent and nested: contrast
    failures, passes and cases axe cannot decide."""
    foregrounds = [
        "#777",
        "rgb(119 119 119)",
        "hsl(0 0% 47%)",
        "rgba(0, 0, 0, 0.4)",
        "oklch(0.6 0 0)",
        "#000",
        "navy",
        "color(srgb 0.5 0.5 0.5)",
        "hsl(0.5turn 100% 25%)",
    ]
    backgrounds = [
        "#fff",
        "white",
        "rgb(238, 238, 238)",
        "rgba(0, 0, 128, 0.5)",
        "hsl(60 100% 90%)",
        "lab(90% 0 0)",
        "transparent",
    ]
    cells = []
    for number, (fg, bg) in enumerate(itertools.product(foregrounds, backgrounds)):
        cells.append(
            f'<div style="background: {bg}"><p style="color: {fg}; opacity: {1 if number % 3 else 0.8}">'
            f'Tekst {number} <span style="color: {foregrounds[-1 - number % len(foregrounds)]}">'
            f"en meer</span></p></div>"
        )
    return (
        '<!doctype html><html lang="nl"><head><title>Kleuren</title></head><body><main><h1>Kleuren</h1>'
        f'<div style="background: rgb(200, 220, 240)">{"".join(cells)}</div></main></body></html>'
    )


@pytest.fixture(scope="module")
def bare_browser() -> Iterator[ChromiumBrowser]:
    """A browser with nothing registered, so each test decides which axe a document gets."""
    browser = ChromiumBrowser(BrowserConfig(CHROMIUM, "/usr/bin/chromedriver"))
    yield browser
    browser.close()


def _in_fresh_document(browser: ChromiumBrowser, url: str, axe: str) -> None:
    browser.driver.get(url)
    browser.driver.execute_script(axe)


def test_every_color_string_parses_to_what_stock_axe_gives_the_first_time_and_after(
    bare_browser, page_server
):
    url = page_server.add("/blank", "<!doctype html><title>Leeg</title>")
    _in_fresh_document(bare_browser, url, stock_axe_source())
    stock = bare_browser.driver.execute_script(PARSE_ALL, COLOR_STRINGS, 1)
    _in_fresh_document(bare_browser, url, axe_source())
    ours = bare_browser.driver.execute_script(PARSE_ALL, COLOR_STRINGS, 3)
    assert any("error" in seen[0] for seen in stock) and any("error" not in seen[0] for seen in stock)
    for string, expected, seen in zip(COLOR_STRINGS, stock, ours, strict=True):
        assert seen == expected * 3, string


def test_a_page_of_many_colors_gets_exactly_stock_axes_findings(bare_browser, page_server):
    url = page_server.add("/colors", many_colors_page())
    _in_fresh_document(bare_browser, url, stock_axe_source())
    stock = bare_browser.driver.execute_async_script(RUN_AXE)
    _in_fresh_document(bare_browser, url, axe_source())
    ours = bare_browser.driver.execute_async_script(RUN_AXE)
    violations, incomplete, passes = stock
    contrast = [rule for rule in violations if rule["id"] == "color-contrast"]
    assert contrast and len(contrast[0]["nodes"]) > 20  # the page exercises the parsing it is meant to
    assert any(rule["id"] == "color-contrast" for rule in incomplete + passes)
    assert ours == stock


COUNT_PARSES = (
    "<script>window.__parses = 0; Object.defineProperty(window, 'Prototype', "
    "{get() { window.__parses += 1; return {}; }});</script>"
)
RUN_CONTRAST_COUNTING = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: ['color-contrast']}).then(() => done(window.__parses), (e) => done(String(e)));
"""


def test_a_document_of_an_audit_browser_parses_each_color_string_once_across_axe_runs(
    bare_browser, page_server
):
    """Stock axe looks up window.Prototype on each real parse (a workaround for Prototype.js); a getter
    counts them. axe-core 4.14 keeps what it parsed for one axe.run and parses again in the next one (a
    very large page's separate color-contrast run); a document of an audit browser parses each string once."""
    url = page_server.add("/counted", many_colors_page().replace("<head>", "<head>" + COUNT_PARSES))
    _in_fresh_document(bare_browser, url, stock_axe_source())
    stock = [bare_browser.driver.execute_async_script(RUN_CONTRAST_COUNTING) for _ in range(2)]
    assert stock[0] >= 10 and stock[1] == 2 * stock[0]  # each distinct string once per run
    browser = ChromiumBrowser(BrowserConfig(CHROMIUM, "/usr/bin/chromedriver"))
    try:
        prepare_browser(browser)  # registers axe for every new document, as the pool does
        browser.driver.get(url)
        ours = [browser.driver.execute_async_script(RUN_CONTRAST_COUNTING) for _ in range(2)]
        assert ours == [stock[0], stock[0]]
        strings = ["rgb(1, 2, 3)", "#abc"]
        results = browser.driver.execute_script(PARSE_ALL, strings, 50)
        assert all(seen == seen[:1] * 50 and "error" not in seen[0] for seen in results)
        assert browser.driver.execute_script("return window.__parses") == stock[0] + 2
    finally:
        browser.close()


def test_a_call_with_an_object_of_its_own_puts_no_numbers_in_the_cache(bare_browser, page_server):
    """A page script that calls the parser on an object whose getters lie gets what it asked for; the
    next real parse of that string still gets the real numbers."""
    url = page_server.add("/forged", "<!doctype html><title>Vervalst</title>")
    _in_fresh_document(bare_browser, url, axe_source())
    numbers = bare_browser.driver.execute_script("""
        const lying = {alpha: 0.5};
        for (const key of ['r', 'g', 'b']) Object.defineProperty(lying, key, {get: () => 1, set: () => {}});
        axe.commons.color.Color.prototype.parseString.call(lying, 'rgb(0, 0, 0)');
        const color = new axe.commons.color.Color().parseString('rgb(0, 0, 0)');
        return [color.red, color.green, color.blue, color.alpha];
    """)
    assert numbers == [0, 0, 0, 1]
