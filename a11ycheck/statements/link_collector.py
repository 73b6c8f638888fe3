"""What each audited page hands the statement search: its links that may lead to the statement.

COLLECTOR is the page observer's script (a11ycheck/page_observers.py): a JavaScript expression whose value is
a function the audit script calls in every auditable page, beside axe. It goes over the page's links (every
one, up to MAX_SCANNED, so a footer after a large menu is still reached) and keeps, as [text, accessible
name, absolute href], only those whose words or address say "toegankelijk", "accessib" or "barrierefrei"
(accents folded): every link find_statement_links could score says one of them, so nothing it would keep is
left out, and a page costs a few kilobytes at most. It never throws; what it returns comes from a hostile
page, and `collected_links` checks and cuts it again.
"""

MAX_SCANNED = 20_000  # links looked at per page
MAX_KEPT = 100  # links kept per page
MAX_TEXT = 300  # characters of a link's text or name
MAX_HREF = 2048  # longer addresses are not followed by the crawl either

COLLECTOR = (
    """
(() => {
  const MAX_SCANNED = __MAX_SCANNED__, MAX_KEPT = __MAX_KEPT__, MAX_TEXT = __MAX_TEXT__,
        MAX_HREF = __MAX_HREF__;
  const WORDS = /toegankelijk|accessib|barrierefrei/;
  const clean = (text) => String(text == null ? '' : text).replace(/\\s+/g, ' ').trim().slice(0, MAX_TEXT);
  const fold = (text) => text.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
  const decoded = (href) => { try { return decodeURIComponent(href); } catch (e) { return href; } };
  const labelledBy = (el) => (el.getAttribute('aria-labelledby') || '').split(/\\s+/).slice(0, 5)
    .map((id) => { const ref = id && document.getElementById(id); return ref ? ref.textContent : ''; })
    .join(' ');
  const nameOf = (el, text) => {
    const by = clean(labelledBy(el));
    if (by) return by;
    const label = clean(el.getAttribute('aria-label'));
    if (label) return label;
    if (text) return text;
    const img = el.querySelector('img[alt]');
    if (img && clean(img.getAttribute('alt'))) return clean(img.getAttribute('alt'));
    return clean(el.getAttribute('title'));
  };
  return () => {
    const found = {links: [], scanned: 0};
    const links = document.links;
    const count = Math.min(links.length, MAX_SCANNED);
    for (let i = 0; i < count && found.links.length < MAX_KEPT; i++) {
      try {
        const a = links[i];
        const href = typeof a.href === 'string' ? a.href : '';
        if (!/^https?:/i.test(href) || href.length > MAX_HREF) continue;
        const text = clean(a.textContent);
        const name = nameOf(a, text);
        if (!WORDS.test(fold(text + ' ' + name + ' ' + decoded(href)))) continue;
        found.links.push([text, name, href]);
      } catch (e) {
        // one odd link (a detached or foreign element) must not cost the page its other links
      }
    }
    found.scanned = count;
    return found;
  };
})()
""".replace("__MAX_SCANNED__", str(MAX_SCANNED))
    .replace("__MAX_KEPT__", str(MAX_KEPT))
    .replace("__MAX_TEXT__", str(MAX_TEXT))
    .replace("__MAX_HREF__", str(MAX_HREF))
)


def collected_links(collected: object) -> list[tuple[str, str, str]]:
    """The (text, accessible name, href) triples of what COLLECTOR returned, checked and cut again: anything
    that is not the expected shape is left out, never raised on."""
    if not isinstance(collected, dict) or not isinstance(collected.get("links"), list):
        return []
    links = []
    for item in collected["links"][:MAX_KEPT]:
        if not isinstance(item, list) or len(item) != 3 or not all(isinstance(part, str) for part in item):
            continue
        text, name, href = item
        if len(href) > MAX_HREF:
            continue
        links.append((text[:MAX_TEXT], name[:MAX_TEXT], href))
    return links
