"""The page-facts script in real Debian Chromium, on pages served on loopback: what it reads from a
rendered municipal page, a login form, a search page, and pages built to break it."""

from a11ycheck.review.facts import links_from_script, page_facts_from_script
from a11ycheck.review.facts_script import MAX_LINKS, MAX_TEXT, PAGE_FACTS_SCRIPT


def facts_of(driver, url: str) -> dict:
    driver.get(url)
    return driver.execute_script(PAGE_FACTS_SCRIPT)


NEWS_ITEM = """<!doctype html><html lang="nl"><head>
<title>Nieuwe openingsuren recyclagepark | Gemeente Lindegem</title></head>
<body>
<header>
  <a href="/"><img src="/logo.svg" alt="Gemeente Lindegem, naar de startpagina"></a>
  <form role="search" action="/zoeken"><label>Zoek <input name="q"></label><button>Zoek</button></form>
</header>
<nav aria-label="Hoofdmenu"><ul>
  <li><a href="/wonen">Wonen &amp; verbouwen</a></li>
  <li><a href="/nieuws/openingsuren-recyclagepark">Nieuws</a></li>
  <li><a href="/contact" aria-label="Contacteer ons">Contact</a></li>
</ul></nav>
<nav aria-label="Kruimelpad"><ol><li><a href="/">Home</a></li><li><a href="/nieuws">Nieuws</a></li></ol></nav>
<main>
  <article>
    <header><p>Gepubliceerd op 3 maart</p></header>
    <h1>Nieuwe   openingsuren
      recyclagepark</h1>
    <p>Vanaf maart is het recyclagepark ook op zaterdagnamiddag open.</p>
    <h2>Wat verandert er?</h2>
    <h3>Tarieven</h3>
    <a href="#top">Naar boven</a>
    <a href="/afval/recyclagepark#uren"><span>Alle uren</span> van het park</a>
    <footer>Deel dit bericht</footer>
  </article>
</main>
<aside><h2>Meer nieuws</h2><a href="/nieuws">Nieuwsoverzicht</a></aside>
<footer><h2>Contact</h2>
  <a href="/toegankelijkheid">Toegankelijkheid</a> <a href="/privacy">Privacy</a>
  <a href="mailto:info@lindegem.be">Mail ons</a> <a href="javascript:void(0)">Niets</a>
</footer>
</body></html>"""


def test_a_news_item_of_a_municipal_site(driver, page_server):
    url = page_server.add("/nieuws/openingsuren-recyclagepark", NEWS_ITEM)
    raw = facts_of(driver, url)
    base = page_server.base_url
    assert raw["errors"] == []
    facts = page_facts_from_script(url, raw)
    assert facts.title == "Nieuwe openingsuren recyclagepark | Gemeente Lindegem"
    assert facts.h1 == ("Nieuwe openingsuren recyclagepark",)
    assert facts.h2 == ("Wat verandert er?", "Meer nieuws", "Contact")
    assert facts.has_search_field is True
    assert facts.has_password_field is False
    assert facts.form_count == 0  # the search form is not counted
    assert facts.landmarks == (
        "banner", "search", "navigation", "navigation", "main", "complementary", "contentinfo",
    )  # fmt: skip
    assert facts.signature == "banner,complementary,contentinfo,navigation,search|h2|breadcrumb|main:article"
    assert facts.is_document is False and facts.content_type == "text/html"
    assert links_from_script(raw) == (
        (f"{base}/", "Gemeente Lindegem, naar de startpagina"),
        (f"{base}/wonen", "Wonen & verbouwen"),
        (f"{base}/nieuws/openingsuren-recyclagepark", "Nieuws"),
        (f"{base}/contact", "Contacteer ons"),
        (f"{base}/", "Home"),
        (f"{base}/nieuws", "Nieuws"),
        (f"{base}/nieuws/openingsuren-recyclagepark", "Naar boven"),
        (f"{base}/afval/recyclagepark", "Alle uren van het park"),
        (f"{base}/nieuws", "Nieuwsoverzicht"),
        (f"{base}/toegankelijkheid", "Toegankelijkheid"),
        (f"{base}/privacy", "Privacy"),
    )


LOGIN = """<!doctype html><html lang="fr"><head><title>Se connecter - Commune de Lindegem</title></head>
<body><header><search><form action="/recherche"><input type="search" name="terme"></form></search></header>
<div id="inhoud"><h1>Se connecter</h1>
<form action="/connexion" method="post" aria-label="Connexion">
  <label>Identifiant <input name="login" autocomplete="username"></label>
  <label>Mot de passe <input type="PASSWORD" name="pw"></label>
  <input type="hidden" name="token" value="x"><button>Se connecter</button>
</form>
<table><tr><th>Service</th><th>Heures</th></tr><tr><td>Accueil</td><td>9-12</td></tr></table>
</div></body></html>"""


def test_a_login_page_without_a_main_landmark(driver, page_server):
    url = page_server.add("/fr/connexion", LOGIN)
    facts = page_facts_from_script(url, facts_of(driver, url))
    assert facts.has_password_field is True
    assert facts.has_search_field is True  # <search> and input type=search
    assert facts.form_count == 1
    assert facts.landmarks == ("banner", "search", "form")
    assert facts.h1 == ("Se connecter",) and facts.h2 == ()
    # no main: the body is the content, and its headings are all outside a main
    assert facts.signature == "banner,form,search|h1|-|body:form"


SEARCH_RESULTS = (
    """<!doctype html><html><head><title>Zoeken</title></head><body>
<div role="banner"><a href="/">Start</a></div>
<div role="main"><h1>Zoekresultaten</h1>
<form action="/zoeken"><input name="keys" value="afval"><button>Zoek</button></form>
<ul>"""
    + "".join(f'<li><a href="/resultaat-{i}">Resultaat {i}</a></li>' for i in range(8))
    + """</ul>
</div><div role="contentinfo"><div role="heading" aria-level="2">Volg ons</div></div></body></html>"""
)


def test_a_search_results_page_with_aria_roles(driver, page_server):
    url = page_server.add("/zoeken", SEARCH_RESULTS)
    facts = page_facts_from_script(url, facts_of(driver, url))
    assert facts.has_search_field is True  # a form whose input is named "keys" (Drupal)
    assert facts.form_count == 0
    assert facts.landmarks == ("banner", "main", "contentinfo")
    assert facts.h1 == ("Zoekresultaten",) and facts.h2 == ("Volg ons",)
    assert facts.signature == "banner,contentinfo|h2|-|main:list"


HOSTILE = (
    """<!doctype html><html><head><title>"""
    + "T" * 5000
    + """</title>
<script>
  // a page that breaks what it can: document.querySelector throws
  Document.prototype.querySelector = function () { throw new Error('nope'); };
</script></head><body><main><h1>"""
    + "Lange titel " * 2000
    + "</h1>"
    + "".join(f'<a href="/p{i}">Link {i}</a>' for i in range(MAX_LINKS + 300))
    + """<a href="data:text/html,hi">data</a><a href="ftp://x/y">ftp</a></main></body></html>"""
)


def test_a_hostile_page_gets_capped_facts_and_no_exception(driver, page_server):
    url = page_server.add("/vijandig", HOSTILE)
    raw = facts_of(driver, url)
    assert raw["errors"] == ["forms"]  # the part that used document.querySelector; the rest was read
    facts = page_facts_from_script(url, raw)
    assert len(facts.title) == MAX_TEXT and facts.title == "T" * MAX_TEXT
    assert len(facts.h1) == 1 and len(facts.h1[0]) == MAX_TEXT
    links = links_from_script(raw)
    assert len(links) == MAX_LINKS
    assert links[-1] == (f"{page_server.base_url}/p{MAX_LINKS - 1}", f"Link {MAX_LINKS - 1}")
    assert facts.has_search_field is False and facts.form_count == 0


def test_garbage_from_a_script_gives_empty_facts():
    for raw in (None, "facts", 42, [], {"title": 7, "h1": "not a list", "forms": "3", "password": "true"}):
        facts = page_facts_from_script("https://www.lindegem.be/x", raw)
        assert facts.title == "" and facts.h1 == () and facts.form_count == 0
        assert facts.has_password_field is False and facts.signature == ""
    assert page_facts_from_script("u", {"forms": float("inf")}).form_count == 10_000
    assert page_facts_from_script("u", {"forms": -3}).form_count == 0
    assert page_facts_from_script("u", {"structure": "x"}).signature == "-|-|-|body:text"
    assert links_from_script(
        {"links": [["javascript:alert(1)", "x"], ["https://a.be/", 3], "x", ["https://a.be/b", " B "]]}
    ) == (("https://a.be/b", "B"),)
