"""The one script a page's audit runs in the page, after `driver.get`: one round trip in the common case.

In order: wait for the document to be loaded; let its short timers run (SETTLE_TRACKER); read its facts
(HTTP status, type, URL, size); notice a page that sends the browser elsewhere at once (a refresh with
delay 0, a script navigating away) and stop there; load the frames and images it defers (`loading=lazy`),
so what is below the fold is audited as surely as what is above it; run the run's collectors (the wings'
page observers); then run axe when it is in the document and every frame.
"""

import json
from functools import cache

from selenium.webdriver.remote.webdriver import WebDriver

from a11ycheck.audit.axe import AXE_IS_OURS, MAX_FRAME_DEPTH, RUN_FUNCTION

SHORT_TIMER_MS = 250  # a timer this short, set by the page, is let run before axe starts
SETTLE_MS = 250  # but axe waits for such timers at most this long
LAZY_WAIT_MS = 5000  # deferred frames and images this long at most to load, within the page's time limit
MAX_FINGERPRINT_ELEMENTS = 50_000  # a larger document gets no fingerprint: it is always audited in full
REUSE_RECHECK_MS = 150  # a page that matches its last fingerprint is watched this long for changes

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
  Object.defineProperty(window, '__a11ycheckTimer', {value: setTimer});
  Object.defineProperty(window, '__a11ycheckSettled', {value: (then, until) => {
    const check = () => (pending.size && performance.now() < until ? setTimer(check, 5) : then());
    check();
  }});
})();
""".replace("SHORT_TIMER_MS", str(SHORT_TIMER_MS))

# The loaded document's HTTP status (Chromium's navigation timing), content type, URL, Chromium's network
# error code on its error page, its size in elements, and where it came from (a document the page sent the
# browser to has the sending page as referrer; the first document of a `driver.get` has none).
FACTS_FUNCTION = """
function pageFacts() {
  const nav = performance.getEntriesByType('navigation')[0];
  const errorCode = document.querySelector('.error-code');
  const netError = location.protocol === 'chrome-error:' && errorCode ? errorCode.textContent.trim() : '';
  return {status: nav && nav.responseStatus ? nav.responseStatus : null,
          contentType: String(document.contentType || ''), url: String(location.href), netError: netError,
          elements: document.getElementsByTagName('*').length, title: String(document.title || ''),
          size: nav ? nav.decodedBodySize : null, referrer: String(document.referrer || '')};
}
"""

# A <meta http-equiv="refresh"> with delay 0 and a URL other than the page's own: the page is a redirect.
# A delay above 0 is a page of its own (and axe's meta-refresh rule judges it).
_REFRESH_FUNCTION = """
function refreshTarget() {
  const meta = document.querySelector('meta[http-equiv="refresh" i]');
  if (!meta) return null;
  const pattern = /^\\s*(\\d+)(?:\\.[\\d.]*)?\\s*(?:[;,]\\s*(?:url\\s*=\\s*)?(.*))?$/i;
  const found = pattern.exec(meta.getAttribute('content') || '');
  if (!found || Number(found[1]) > 0 || !found[2]) return null;
  let target = found[2].trim();
  if (/^['"]/.test(target)) target = target.slice(1).split(target[0])[0];
  let resolved;
  try { resolved = new URL(target, document.baseURI).href; } catch (e) { return null; }
  return resolved.split('#')[0] === String(location.href).split('#')[0] ? null : resolved;
}
"""

# Frames and images the page defers (loading="lazy") are loaded now, as a visitor scrolling down would see
# them; waits for them at most until `until`. Scripts that load images on scrolling are not triggered.
_LAZY_FUNCTION = """
function loadDeferred(until, then) {
  const timer = window.__a11ycheckTimer || setTimeout;
  let pending = 0, finished = false;
  const finish = () => { if (!finished) { finished = true; then(); } };
  const requested = new Set(performance.getEntriesByType('resource').map((entry) => entry.name));
  for (const element of document.querySelectorAll('iframe[loading], img[loading]')) {
    if (String(element.getAttribute('loading')).toLowerCase() !== 'lazy') continue;
    const loaded = element.tagName === 'IMG' ? element.complete : requested.has(element.src);
    const one = () => { pending -= 1; if (pending <= 0) finish(); };
    if (!loaded && /^https?:/i.test(element.src || '')) {
      pending += 1;
      element.addEventListener('load', one, {once: true});
      element.addEventListener('error', one, {once: true});
    }
    element.loading = 'eager';
  }
  if (!pending) return finish();
  const tick = () => { if (!finished) { if (performance.now() >= until) finish(); else timer(tick, 20); } };
  tick();
}
"""

# A fingerprint of what axe would see (a11ycheck/reuse.py), in three parts, "DOCUMENT.SHEETS.STYLES":
# - DOCUMENT, a canonical walk of the rendered document, its open shadow roots and same-origin frames:
#   elements with their attributes, form controls' state, text, and the box axe's rules read;
# - SHEETS, the text of every style sheet of each of them ("-" when one cannot be read: another origin's,
#   served without CORS);
# - STYLES, every element's computed styles (the ones axe's rules read) and pseudo-elements' content.
# Two looks match when DOCUMENT and STYLES match. STYLES follows from DOCUMENT and SHEETS (the same engine,
# viewport and settings give the same cascade), so when both equal the previous look's, STYLES is carried
# over without reading it: an unchanged page costs about 7 ms of the browser instead of 24 (bench/README.md).
# When only SHEETS differs (a shared style sheet changed), STYLES is read and decides, so a page the change
# does not touch is still unchanged. Left out as what changes on every load without changing what axe
# sees: script, noscript and template contents, nonce attributes, hidden inputs' values (CSRF tokens), csrf
# meta tags, and the query strings of the resources a page and its style sheets load (cache-busting:
# ?v=123). null when it cannot be computed: a frame of another origin (its content is out of reach), or a
# document of more than MAX_FINGERPRINT_ELEMENTS elements.
_FINGERPRINT_FUNCTION = r"""
function sameView(one, other) {
  const a = String(one || '').split('.'), b = String(other || '').split('.');
  return a.length === 3 && b.length === 3 && a[0] === b[0] && a[2] === b[2];
}

// The style sheets of a document or shadow root: its own and those set by script.
function ownSheets(root) {
  return Array.from(root.styleSheets || []).concat(Array.from(root.adoptedStyleSheets || []));
}

// Whether a sheet is switched off, and its media.
function sheetState(sheet) {
  return `${sheet.disabled}|${sheet.media ? sheet.media.mediaText : ''}`;
}

// A sheet's state, rules and the sheets it imports; null when one of them belongs to another origin.
function sheetText(sheet) {
  let rules;
  try { rules = Array.from(sheet.cssRules); } catch (e) { return null; }
  const texts = [sheetState(sheet)];
  for (const rule of rules) {
    if (rule.styleSheet) {
      const imported = sheetText(rule.styleSheet);
      if (imported === null) return null;
      texts.push(imported);
    }
    texts.push(rule.cssText);
  }
  return texts.join('\n');
}

function pageFingerprint(roots, previous) {
  let elements = 0, ok = true;
  let parts = [];  // of the part being built, hashed when it is complete
  const walked = [], visited = [];
  const add = (text) => { parts.push(String(text)); };
  const hashParts = () => {
    let h1 = 0x9e3779b9, h2 = 0x7f4a7c15;
    const value = parts.join('\u001f');
    parts = [];
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
  };
  const STYLES = ['display', 'visibility', 'opacity', 'color', 'background-color', 'background-image',
    'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'word-spacing',
    'text-decoration-line', 'text-shadow', 'text-indent', 'text-transform', 'position', 'z-index',
    'overflow-x', 'overflow-y', 'clip', 'clip-path', 'filter', 'mix-blend-mode', 'transform',
    'border-bottom-style', 'border-bottom-color', 'outline-style', 'pointer-events', 'content'];
  const SKIP = new Set(['SCRIPT', 'NOSCRIPT', 'TEMPLATE']);
  const RESOURCE = new Set(['src', 'srcset', 'poster', 'data']);
  const CONTROLS = new Set(['INPUT', 'SELECT', 'OPTION', 'TEXTAREA']);
  const withoutQueries = (text) => text.replace(/(url\(\s*["']?[^"')?#\s]*)\?[^"')#\s]*/g, '$1');
  const canonicalAttribute = (element, name, value) => {
    if (name === 'nonce') return null;
    if (name === 'value' && element.tagName === 'INPUT' && String(element.type).toLowerCase() === 'hidden') {
      return null;
    }
    const meta = element.tagName === 'META' ? element.getAttribute('name') || '' : '';
    if (name === 'content' && /csrf|token/i.test(meta)) return null;
    if (RESOURCE.has(name) || (name === 'href' && element.tagName === 'LINK')) {
      return value.replace(/\?[^\s,#]*/g, '');
    }
    return value;
  };
  // What a script may change without an attribute, and a style sheet can select (:checked, :invalid,
  // :placeholder-shown) or axe reads.
  const controlState = (node) => [node.checked, node.selected, node.indeterminate, node.value === '',
    node.validity ? node.validity.valid : ''].join(',');
  const walk = (root, view, depth) => {
    if (root.nodeType !== 1) walked.push(root);  // a document or a shadow root
    for (let node = root.firstChild; node && ok; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const text = node.nodeValue.replace(/\s+/g, ' ');
        if (text !== ' ') add(text);
        continue;
      }
      if (node.nodeType !== 1 || SKIP.has(node.tagName)) continue;
      elements += 1;
      if (elements > MAX_FINGERPRINT_ELEMENTS) { ok = false; return; }
      visited.push([node, view]);
      add('<' + node.tagName);
      for (const attribute of Array.from(node.attributes).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const value = canonicalAttribute(node, attribute.name, attribute.value);
        if (value !== null) add(attribute.name + '=' + value);
      }
      if (CONTROLS.has(node.tagName)) add(controlState(node));
      const box = node.getBoundingClientRect();
      add([Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)].join(','));
      if (node.shadowRoot) walk(node.shadowRoot, view, depth);
      if (node.tagName === 'IFRAME' || node.tagName === 'FRAME') {
        let inner = null;
        try { inner = node.contentDocument; } catch (e) { inner = null; }
        if (!inner || depth >= MAX_FRAME_DEPTH) { ok = false; return; }
        walk(inner, inner.defaultView, depth + 1);
      }
      walk(node, view, depth);
      add('>');
    }
  };
  walk(document, window, 0);
  if (!ok) return null;
  if (roots) roots.push(...walked);
  const documentPart = hashParts() + elements.toString(16);
  let readable = true;
  for (const root of walked) {
    for (const sheet of ownSheets(root)) {
      const text = sheetText(sheet);
      if (text === null) readable = false; else add(withoutQueries(text));
    }
    add('\u001e');
  }
  const sheetsPart = readable ? hashParts() : '-';
  const [lastDocument, lastSheets, lastStyles] = String(previous || '').split('.');
  if (readable && lastDocument === documentPart && lastSheets === sheetsPart && lastStyles) return previous;
  parts = [];
  const styleIds = new Map();  // a style tuple seen before is its number
  for (const [node, view] of visited) {
    const style = view.getComputedStyle(node);
    let styles = '';
    for (const name of STYLES) styles += style.getPropertyValue(name) + '|';
    styles = withoutQueries(styles);
    let styleId = styleIds.get(styles);
    if (styleId === undefined) { styleId = styleIds.size; styleIds.set(styles, styleId); add(styles); }
    add(styleId);
    for (const pseudo of ['::before', '::after']) {
      const content = view.getComputedStyle(node, pseudo).getPropertyValue('content');
      if (content && content !== 'none' && content !== 'normal') add(pseudo + content);
    }
  }
  return `${documentPart}.${sheetsPart}.${hashParts()}`;
}
""".replace("MAX_FINGERPRINT_ELEMENTS", str(MAX_FINGERPRINT_ELEMENTS)).replace(
    "MAX_FRAME_DEPTH", str(MAX_FRAME_DEPTH)
)

# Whether the document changed since its fingerprint was taken (while axe ran, or while a page that matches
# its last fingerprint is watched to see that it holds still): a mutation of the DOM under any of the roots
# the fingerprint walked (the document, its open shadow roots, its same-origin frames), or a style sheet
# added, removed or changed by script (its rules' text; another origin's sheets cannot be changed by the
# page's scripts, only replaced, which is a mutation). Much cheaper than a second fingerprint, which reads
# every element's computed style (the first costs more than axe's rules but color-contrast on 12,000
# elements; on an unchanged page, half of what the re-audit costs beyond loading it).
_CHANGE_WATCH_FUNCTION = """
function watchChanges(roots) {
  let changed = false;
  const observer = new MutationObserver(() => { changed = true; });
  const sheets = () => roots
    .map((root) => ownSheets(root).map((sheet) => sheetText(sheet) ?? sheetState(sheet)).join('\\f'))
    .join(';');
  const before = sheets();
  for (const root of roots) {
    observer.observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
  }
  // What changes the computed style without a mutation: a running animation or transition, a font still
  // loading. A page that shows either is not holding still.
  const moving = () => roots.some((root) => {
    try {
      if (root.fonts && root.fonts.status === 'loading') return true;
      return (root.getAnimations ? root.getAnimations() : []).some((a) => a.playState === 'running');
    } catch (e) { return true; }
  });
  return () => {
    const pending = observer.takeRecords().length > 0;
    observer.disconnect();
    return changed || pending || sheets() !== before || moving();
  };
}
"""

_AUDIT_BODY = """
const [options, requested, splitAt, settleMs, lazyMs, maxLinks, maxBytes, previous] = arguments;
const done = arguments[arguments.length - 1];
const axeEverywhere = (win, depth) => {
  try {
    if (!(AXE_IS_OURS)(win)) return false;
    if (depth >= MAX_FRAME_DEPTH) return true;
    for (const frame of win.document.querySelectorAll('iframe, frame')) {
      if (!frame.contentWindow || !axeEverywhere(frame.contentWindow, depth + 1)) return false;
    }
    return true;
  } catch (e) {
    return false;  // a frame of another origin
  }
};
const withoutFragment = (url) => String(url).split('#')[0];
const collect = () => {
  const found = {};
  for (const [name, collector] of COLLECTORS) {
    try { found[name] = collector(); } catch (e) { found[name] = {error: String(e && e.message || e)}; }
  }
  return found;
};
const failed = (facts, part, e) => {
  done({facts: facts, axe: {ok: false, error: String(e && e.message || e)}, part: part});
};
const audit = (facts, part) => {
  try {
    const finish = (axe) => done({facts: facts, axe: axe, part: part});
    if (window.__a11ycheckLeaving) { facts.leaving = true; return finish(null); }
    facts.collected = collect();
    const roots = [];
    const first = pageFingerprint(roots, previous);
    // axe runs on the page as `fingerprint` (walking `walked`) describes it: when nothing changes while axe
    // runs, that fingerprint stands for what axe saw. When axe still has work after this script (it is not
    // in every frame yet, or color-contrast runs on its own), the watch goes on until the caller has run
    // it all and asks (WATCH_RESULT).
    const axeThen = (fingerprint, walked) => {
      const changed = fingerprint === null ? () => true : watchChanges(walked);
      const everywhere = axeEverywhere(window, 0);
      const afterAxe = (axe) => {
        if (everywhere && part === 'all') {
          try { facts.fingerprint = changed() ? null : fingerprint; } catch (e) { facts.fingerprint = null; }
        } else {
          facts.fingerprint = fingerprint;
          facts.watching = true;
          Object.defineProperty(window, '__a11ycheckChanged', {value: changed, configurable: true});
        }
        finish(axe);
      };
      return everywhere ? runAxe(options, part, afterAxe) : afterAxe(null);
    };
    if (!previous || first === null || !sameView(first, previous)) return axeThen(first, roots);
    // What axe would see is what it saw last time: make sure the page holds still, and reuse its findings.
    const changed = watchChanges(roots);
    (window.__a11ycheckTimer || setTimeout)(() => {
      try {
        if (window.__a11ycheckLeaving) { facts.leaving = true; return finish(null); }
        if (!changed()) {
          facts.fingerprint = first;
          facts.reusable = true;
          return finish(null);
        }
        const now = [];
        axeThen(pageFingerprint(now), now);
      } catch (e) { failed(facts, part, e); }
    }, REUSE_RECHECK_MS);
  } catch (e) {
    failed(facts, part, e);
  }
};
const look = () => {
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
    facts.refreshTo = refreshTarget();
    facts.leaving = !!window.__a11ycheckLeaving;
    const auditable = !facts.stale && /^https?:/.test(facts.url) && !(facts.status >= 400)
      && /html/.test(facts.contentType) && !facts.tooLarge && !facts.refreshTo && !facts.leaving;
    const part = facts.elements >= splitAt ? 'without-contrast' : 'all';
    if (!auditable) return done({facts: facts, axe: null, part: part});
    loadDeferred(performance.now() + lazyMs, () => audit(facts, part));
  } catch (e) {  // run from a timer, an error here would otherwise surface as a timeout
    done({facts: {}, axe: {ok: false, error: String(e && e.message || e)}, part: 'all'});
  }
};
const settleThenLook = () => {
  // From now, not from the load event: on a busy machine this script may start well after the load event,
  // and the page's timers may be late by as much.
  const until = performance.now() + settleMs;
  if (typeof window.__a11ycheckSettled === 'function') window.__a11ycheckSettled(look, until); else look();
};
// A page that sent itself elsewhere just after load: the driver runs this in the next document, which
// may still be loading; it is looked at once loaded.
if (document.readyState === 'complete') settleThenLook();
else addEventListener('load', () => setTimeout(settleThenLook, 0), {once: true});
"""
for _name, _value in (
    ("MAX_FRAME_DEPTH", MAX_FRAME_DEPTH),
    ("REUSE_RECHECK_MS", REUSE_RECHECK_MS),
    ("AXE_IS_OURS", AXE_IS_OURS),
):
    _AUDIT_BODY = _AUDIT_BODY.replace(_name, str(_value))


def same_view(fingerprint: str | None, other: str | None) -> bool:
    """Whether two fingerprints (see pageFingerprint) say axe sees the same: document and computed styles."""
    one, two = str(fingerprint or "").split("."), str(other or "").split(".")
    return len(one) == 3 and len(two) == 3 and one[0] == two[0] and one[2] == two[2]


# Asked once the caller has run what axe had left (see `axeThen`): whether the page changed since its
# fingerprint was taken; true also when the watch is gone (the document was replaced).
WATCH_RESULT = """
const changed = window.__a11ycheckChanged;
if (typeof changed !== 'function') return true;
try { return changed() !== false; } catch (e) { return true; }
"""


@cache
def audit_script(collectors: tuple[tuple[str, str], ...] = ()) -> str:
    """The script, with the run's collectors (name, JavaScript expression of a function) built in: they
    are part of the script's text, never evaluated from strings in the page (a page's CSP may forbid that)."""
    entries = ",\n".join(f"[{json.dumps(name)}, ({expression})]" for name, expression in collectors)
    return (
        FACTS_FUNCTION
        + _REFRESH_FUNCTION
        + _LAZY_FUNCTION
        + _FINGERPRINT_FUNCTION
        + _CHANGE_WATCH_FUNCTION
        + RUN_FUNCTION
        + f"const COLLECTORS = [{entries}];\n"
        + _AUDIT_BODY
    )


def audit_document(
    driver: WebDriver,
    url: str,
    options: dict,
    split_at: int,
    max_links: int = 0,
    max_bytes: int = 0,
    collectors: tuple[tuple[str, str], ...] = (),
    lazy_wait_ms: int = LAZY_WAIT_MS,
    previous_fingerprint: str | None = None,
) -> dict:
    """One round trip after `driver.get(url)`: {"facts": what FACTS_FUNCTION reads plus "stale" (and
    "links", the page's http(s) links, at most `max_links`, when that is above 0; "tooLarge" when its
    HTML is over `max_bytes`, which is not audited; "refreshTo" and "leaving" when the page sends the
    browser elsewhere at once; "collected", the collectors' results by name; "fingerprint", what axe saw,
    or None; "watching" when axe has work left for the caller, who asks WATCH_RESULT once it is done
    whether the fingerprint still stands; "reusable" when it shows what `previous_fingerprint` showed
    (`same_view`), held still, and axe was not run), "axe":
    run_axe's payload or None, "part": the rules run}. `options` is `axe.axe_options(...)`.

    "stale" is true when the document is one this script audited before and `url` did not replace it:
    the URL started a download (the caller makes sure every document before a `get` was marked so).

    On a page of `split_at` elements or more, color-contrast is left out ("part": "without-contrast"),
    for `run_axe(..., part="contrast")` to do separately. "axe" is None when the document is not one to
    audit (an error page, an HTTP error, not HTML, a redirect) or when axe is missing from one of its frames;
    then the caller injects it (`inject_axe_into_frames`) and runs axe itself.
    """
    arguments = (options, url, split_at, SETTLE_MS, lazy_wait_ms, max_links, max_bytes, previous_fingerprint)
    return driver.execute_async_script(audit_script(collectors), *arguments) or {}
