"""The JavaScript that reads a rendered page's facts for the sample, in one pass over the document.

It is meant to run inside the audit's own script call (one round trip a page), so it is cheap: a few
`querySelectorAll` calls, no layout (`textContent`, never `innerText`), every list and text capped. It never
throws: a part that fails is left empty and named in `errors`. What it returns is raw and comes from a
hostile page; `facts.page_facts_from_script` checks and cuts it again before anything uses it.

Returned object:
  title        document.title
  h1, h2       texts of h1 and h2 headings (role=heading with aria-level 1 or 2 too)
  links        [href, accessible name] of the page's http(s) links, fragment removed (for the link texts
               pointing to each page, which the caller aggregates over the site)
  password     an <input type=password> is on the page
  search       a search field: input type=search, a role=search or <search> landmark, or a form with an
               input named q, query, zoek, search, s (and a few CMS names: keys, zoekterm, ...)
  forms        forms that are not search forms
  landmarks    the landmark skeleton: roles in document order (banner, navigation, main, ...)
  structure    {outside: landmark roles outside main, headings: heading levels outside main,
               breadcrumb: a breadcrumb trail is there, main: the kinds of content in main (form, table,
               map, list, article), hasMain}
  contentType  document.contentType
"""

# Limits on what the script returns; facts.py applies the same ones again on the Python side.
MAX_TEXT = 200
MAX_HEADINGS = 30
MAX_LINKS = 1000
MAX_LANDMARKS = 60

PAGE_FACTS_FUNCTION = (
    """
function a11ycheckPageFacts() {
  const MAX_TEXT = __MAX_TEXT__, MAX_HEADINGS = __MAX_HEADINGS__, MAX_LINKS = __MAX_LINKS__,
        MAX_LANDMARKS = __MAX_LANDMARKS__;
  const SEARCH_NAMES = ['q', 'query', 'zoek', 'search', 's', 'keys', 'zoekterm', 'zoekopdracht',
                        'searchterm', 'search_api_fulltext', 'recherche', 'keyword', 'keywords'];
  const facts = {title: '', h1: [], h2: [], links: [], password: false, search: false, forms: 0,
                 landmarks: [], structure: {outside: [], headings: [], breadcrumb: false, main: [],
                 hasMain: false}, contentType: '', errors: []};
  const clean = (text) => String(text == null ? '' : text).replace(/\\s+/g, ' ').trim().slice(0, MAX_TEXT);
  const part = (name, read) => {
    try { read(); } catch (e) { facts.errors.push(name); }
  };
  const doc = document;
  part('title', () => { facts.title = clean(doc.title); facts.contentType = clean(doc.contentType); });
  const labelledBy = (el) => (el.getAttribute('aria-labelledby') || '').split(/\\s+/).slice(0, 5)
    .map((id) => { const ref = id && doc.getElementById(id); return ref ? ref.textContent : ''; }).join(' ');
  const nameOf = (el) => {
    const label = clean(el.getAttribute('aria-label'));
    if (label) return label;
    const by = clean(labelledBy(el));
    if (by) return by;
    const text = clean(el.textContent);
    if (text) return text;
    const img = el.querySelector('img[alt]');
    if (img && clean(img.getAttribute('alt'))) return clean(img.getAttribute('alt'));
    return clean(el.getAttribute('title'));
  };
  const hasName = (el) => !!(clean(el.getAttribute('aria-label')) || clean(labelledBy(el)));
  // An element's landmark role, explicit or implicit (header and footer only at the top level).
  const SCOPING = 'article, aside, main, nav, section, [role=article], [role=complementary], [role=main], '
    + '[role=navigation], [role=region]';
  const LANDMARKS = ['banner', 'navigation', 'main', 'complementary', 'contentinfo', 'search', 'form',
                     'region'];
  const roleOf = (el) => {
    const explicit = (el.getAttribute('role') || '').trim().split(/\\s+/)[0].toLowerCase();
    if (explicit) return LANDMARKS.includes(explicit) ? explicit : '';
    const tag = el.localName;
    if (tag === 'nav') return 'navigation';
    if (tag === 'main') return 'main';
    if (tag === 'aside') return 'complementary';
    if (tag === 'search') return 'search';
    if (tag === 'header') return el.parentElement && el.parentElement.closest(SCOPING) ? '' : 'banner';
    if (tag === 'footer') return el.parentElement && el.parentElement.closest(SCOPING) ? '' : 'contentinfo';
    if (tag === 'form') return hasName(el) ? 'form' : '';
    if (tag === 'section') return hasName(el) ? 'region' : '';
    return '';
  };
  let main = null;
  part('landmarks', () => {
    const candidates = doc.querySelectorAll(
      'header, nav, main, aside, footer, search, form, section, [role]');
    for (const el of candidates) {
      const role = roleOf(el);
      if (!role) continue;
      if (role === 'main' && !main) main = el;
      if (facts.landmarks.length < MAX_LANDMARKS) facts.landmarks.push(role);
    }
    facts.structure.hasMain = !!main;
    for (const el of candidates) {
      const role = roleOf(el);
      if (role && role !== 'main' && !(main && main.contains(el)) && !(el.contains(main) && main)
          && facts.structure.outside.length < MAX_LANDMARKS) facts.structure.outside.push(role);
    }
  });
  part('headings', () => {
    const levels = new Set();
    for (const el of doc.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')) {
      const level = el.getAttribute('role') === 'heading'
        ? parseInt(el.getAttribute('aria-level') || '2', 10) : parseInt(el.localName.slice(1), 10);
      if (level === 1 && facts.h1.length < MAX_HEADINGS) facts.h1.push(nameOf(el));
      if (level === 2 && facts.h2.length < MAX_HEADINGS) facts.h2.push(nameOf(el));
      if (!(main && main.contains(el)) && level >= 1 && level <= 6) levels.add(level);
    }
    facts.structure.headings = Array.from(levels).sort();
  });
  part('links', () => {
    const seen = new Set();
    for (const a of doc.links) {
      if (facts.links.length >= MAX_LINKS) break;
      const href = typeof a.href === 'string' ? a.href.split('#')[0] : '';
      if (!/^https?:/i.test(href) || href.length > 2048) continue;
      const name = nameOf(a);
      const key = href + '\\n' + name;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.links.push([href, name]);
    }
  });
  const isSearchForm = (form) => {
    if (form.matches('[role=search], search form, [role=search] form')) return true;
    if (form.closest('search, [role=search]')) return true;
    for (const input of form.querySelectorAll('input')) {
      const type = (input.getAttribute('type') || 'text').toLowerCase();
      if (type === 'search') return true;
      if (SEARCH_NAMES.includes((input.getAttribute('name') || '').toLowerCase())) return true;
    }
    return false;
  };
  part('forms', () => {
    facts.password = !!doc.querySelector('input[type=password i]');
    facts.search = !!doc.querySelector('input[type=search i], [role=search], search');
    for (const form of doc.forms) {
      if (isSearchForm(form)) facts.search = true; else facts.forms += 1;
    }
  });
  part('breadcrumb', () => {
    facts.structure.breadcrumb = Array.from(doc.querySelectorAll('nav, [role=navigation], ol, ul'))
      .slice(0, 200).some((el) => !(main && main.contains(el))
        && /breadcrumb|kruimel|fil.d.ariane/i.test((el.getAttribute('aria-label') || '') + ' '
          + (el.getAttribute('class') || '') + ' ' + (el.id || '')));
  });
  part('main', () => {
    const scope = main || doc.body;
    if (!scope) return;
    const kinds = facts.structure.main;
    const forms = Array.from(scope.querySelectorAll('form')).filter((f) => !isSearchForm(f));
    if (forms.some((f) => f.querySelectorAll('input:not([type=hidden i]):not([type=submit i]), select, '
      + 'textarea').length >= 2)) kinds.push('form');
    if (scope.querySelector('table th, table [role=columnheader]')) kinds.push('table');
    if (scope.querySelector('.leaflet-container, .ol-viewport, .gm-style, .maplibregl-map, .mapboxgl-map, '
      + 'iframe[src*="map" i]')) kinds.push('map');
    const lists = Array.from(scope.querySelectorAll('ul, ol')).slice(0, 200);
    if (scope.querySelectorAll('article').length >= 3
        || lists.some((l) => !l.closest('nav') && l.querySelectorAll(':scope > li a[href]').length >= 6)) {
      kinds.push('list');
    }
    if (scope.querySelector('article')) kinds.push('article');
  });
  return facts;
}
""".replace("__MAX_TEXT__", str(MAX_TEXT))
    .replace("__MAX_HEADINGS__", str(MAX_HEADINGS))
    .replace("__MAX_LINKS__", str(MAX_LINKS))
    .replace("__MAX_LANDMARKS__", str(MAX_LANDMARKS))
)

# For `driver.execute_script`: the facts of the current document.
PAGE_FACTS_SCRIPT = PAGE_FACTS_FUNCTION + "\nreturn a11ycheckPageFacts();"
