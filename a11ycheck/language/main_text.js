// The page's main text as blocks of a kind, read in the browser (a11ycheck/language/extract.py, docs/language.md).
//
// readMainText(maxChars) returns {lang, region, blocks: [{kind, text}], truncated, chars, error}:
//   region: the `main` landmark ("main"), else the largest visible content region ("article", "#content"...),
//           else "body";
//   kind: "heading" (h1-h6, role=heading), "list-item" (li, dt, dd), "cell" (td, th), "paragraph" (p,
//         blockquote, figcaption) or "other" (text in any other block);
//   lang: the `lang` that applies to the region (its own or its nearest ancestor's), "" when none.
// Left out: navigation, page header and footer, asides, search, dialogs and cookie or consent banners,
// hidden elements (display:none, visibility:hidden, hidden, aria-hidden), form controls, scripts, styles,
// frames and media. Reading stops at maxChars characters (truncated: true). It never throws: on an error
// it returns what it read so far, with `error` set.
function readMainText(maxChars) {
  const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'SVG', 'MATH',
    'CANVAS', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'PICTURE', 'IMG', 'MAP',
    'NAV', 'ASIDE', 'FOOTER', 'DIALOG', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'LABEL', 'SEARCH']);
  const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog',
    'alertdialog', 'menu', 'menubar', 'toolbar', 'tooltip', 'button']);
  const KIND_OF_TAG = {H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading',
    H6: 'heading', LI: 'list-item', DT: 'list-item', DD: 'list-item', TD: 'cell', TH: 'cell',
    P: 'paragraph', BLOCKQUOTE: 'paragraph', FIGCAPTION: 'paragraph'};
  const BANNER = /cookie|consent|gdpr|cookiebar|cookiewall|cc-window|cc-banner|onetrust|cookiebot|tarteaucitron|didomi|privacy-?banner/i;
  const CONTENT_REGIONS = ['article', '[role="article"]', '[itemprop="articleBody"]', '#content', '#main',
    '#main-content', '#maincontent', '#primary', '#inhoud', '#hoofdinhoud', '.main-content', '.content',
    '.inhoud', '.main'];
  const MAX_DEPTH = 256;
  const MAX_CANDIDATES = 50;  // elements looked at per region selector (".content" can match hundreds)
  const blocks = [];
  let chars = 0;
  let truncated = false;
  let buffer = [];
  let buffered = 0;  // characters in buffer
  let bufferKind = 'other';
  let region = 'body';
  let lang = '';

  const attribute = (el, name) => {
    const value = el.getAttribute(name);
    return typeof value === 'string' ? value : '';
  };
  const isBanner = (el) => BANNER.test(attribute(el, 'id')) || BANNER.test(attribute(el, 'class'))
    || BANNER.test(attribute(el, 'aria-label'));
  const isHiddenByStyle = (style) => !style || style.display === 'none' || style.visibility === 'hidden'
    || style.visibility === 'collapse' || style.contentVisibility === 'hidden';
  const skipped = (el) => {
    const tag = el.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) return true;
    if (el.hidden || attribute(el, 'aria-hidden') === 'true' || attribute(el, 'aria-modal') === 'true') return true;
    if (SKIPPED_ROLES.has(attribute(el, 'role').trim().toLowerCase())) return true;
    // A page-level header is the banner; a header inside the content (an article's title) is kept.
    if (tag === 'HEADER' && !(el.parentElement && el.parentElement.closest('main, article, section, [role="main"]'))) {
      return true;
    }
    return isBanner(el);
  };
  const visible = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      if (node.hidden || attribute(node, 'aria-hidden') === 'true') return false;
      if (isHiddenByStyle(getComputedStyle(node))) return false;
    }
    return true;
  };
  const flush = () => {
    if (!buffer.length) return;
    let text = buffer.join('').replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    buffer = [];
    buffered = 0;
    if (!text) return;
    if (chars + text.length > maxChars) {
      text = text.slice(0, Math.max(0, maxChars - chars));
      truncated = true;
    }
    if (text) blocks.push({kind: bufferKind, text: text});
    chars += text.length;
  };
  const walk = (el, kind, depth) => {
    if (truncated || depth > MAX_DEPTH) return;
    for (let child = el.firstChild; child && !truncated; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (!buffer.length) bufferKind = kind;
        const data = child.data.slice(0, Math.max(0, maxChars - chars - buffered + 1)).replace(/\s+/g, ' ');
        buffer.push(data);
        buffered += data.length;
        if (chars + buffered > maxChars) flush();
        continue;
      }
      if (child.nodeType !== 1 || skipped(child)) continue;
      const tag = child.tagName.toUpperCase();
      if (tag === 'BR') {
        buffer.push('\n');
        continue;
      }
      const style = getComputedStyle(child);
      if (isHiddenByStyle(style)) continue;
      const role = attribute(child, 'role').trim().toLowerCase();
      const own = role === 'heading' ? 'heading' : KIND_OF_TAG[tag];
      const block = own || !String(style.display).startsWith('inline');
      if (!block) {
        walk(child, kind, depth + 1);
        continue;
      }
      flush();
      if (tag === 'DETAILS' && !child.open) {
        const summary = Array.from(child.children).find((c) => c.tagName.toUpperCase() === 'SUMMARY');
        if (summary) walk(summary, own || kind, depth + 1);
      } else {
        walk(child, own || kind, depth + 1);
      }
      flush();
    }
  };
  const textSize = (el) => (el.textContent || '').length;
  const largest = (elements) => {
    let best = null;
    let bestSize = 0;
    for (const el of Array.prototype.slice.call(elements, 0, MAX_CANDIDATES)) {
      if (!visible(el) || skipped(el) || el.closest('nav, aside, footer, [role="navigation"], [role="complementary"], [role="contentinfo"]')) continue;
      const size = textSize(el);
      if (size > bestSize) {
        best = el;
        bestSize = size;
      }
    }
    return best;
  };

  try {
    lang = attribute(document.documentElement, 'lang');
    let root = largest(document.querySelectorAll('main, [role="main"]'));
    if (root) {
      region = 'main';
    } else {
      for (const selector of CONTENT_REGIONS) {
        const found = largest(document.querySelectorAll(selector));
        if (found && (!root || textSize(found) > textSize(root) * 1.5)) {
          root = found;
          region = selector.replace(/^\[(?:role|itemprop)="(.*)"\]$/, '$1');
        }
      }
    }
    root = root || document.body;
    const withLang = root && root.closest('[lang]');
    if (withLang) lang = attribute(withLang, 'lang');
    if (root) walk(root, 'other', 0);
    flush();
    return {lang: lang, region: region, blocks: blocks, truncated: truncated, chars: chars, error: null};
  } catch (e) {
    return {lang: lang, region: region, blocks: blocks, truncated: truncated, chars: chars,
      error: String(e && e.message || e)};
  }
}
