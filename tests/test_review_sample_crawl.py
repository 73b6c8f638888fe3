"""A real crawl of a municipal site that has every role of the EU method (Chromium, SQLite): the sample names
its home, login, sitemap, contact, help, legal, search, statement, feedback and service pages, one page per
template, at least 10% random pages, and its documents; nothing is missing. The site is served on loopback."""

import hashlib
import json
import math
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser  # crawls or audits through the CLI, in a child process

TEMPLATE = """<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>{title}</title></head>
<body>
<header>
<a href="/">Gemeente Heidebeek</a>
<search><form action="/zoeken"><label for="q">Zoekterm</label> <input type="search" id="q" name="q">
<button>Zoek</button></form></search>
<nav aria-label="Hoofdmenu"><ul><li><a href="/e-loket/">E-loket</a></li><li><a href="/nieuws/">Nieuws</a></li>
<li><a href="/contact">Contact</a></li><li><a href="/aanmelden">Mijn Heidebeek</a></li></ul></nav>
</header>
{crumbs}
<main>
<h1>{heading}</h1>
{main}
</main>
<footer>
<h2>Gemeente Heidebeek</h2>
<p>Markt 1, 9999 Heidebeek</p>
<nav aria-label="Voettekst"><ul><li><a href="/toegankelijkheid">Toegankelijkheid</a></li>
<li><a href="/privacy">Privacy</a></li><li><a href="/sitemap">Sitemap</a></li>
<li><a href="/hulp">Hulp</a></li></ul></nav>
</footer>
</body>
</html>
"""
CRUMBS = '<nav aria-label="Kruimelpad"><ol><li><a href="/">Home</a></li><li>{heading}</li></ol></nav>'
FORM = """<form method="post" action="{action}">
<p><label for="naam">Naam</label> <input id="naam" name="naam"></p>
<p><label for="mail">E-mailadres</label> <input id="mail" name="mail" type="email"></p>
<p><label for="vraag">{question}</label> <textarea id="vraag" name="vraag"></textarea></p>
<p><button>Verzenden</button></p>
</form>"""
HOME = """<h2>Nieuws</h2>
<ul><li><a href="/nieuws/kermis">Kermis op de Markt</a></li>
<li><a href="/nieuws/wegenwerken">Wegenwerken in de Stationsstraat</a></li></ul>"""
LOGIN = """<form method="post">
<p><label for="gebruiker">Gebruikersnaam</label> <input id="gebruiker" name="gebruiker"></p>
<p><label for="wachtwoord">Wachtwoord</label> <input id="wachtwoord" name="wachtwoord" type="password"></p>
<p><button>Aanmelden</button></p></form>"""
SITEMAP = """<ul>
<li><a href="/">Startpagina</a></li><li><a href="/e-loket/">E-loket</a></li>
<li><a href="/e-loket/bewonerskaart-aanvragen">Bewonerskaart aanvragen</a></li>
<li><a href="/nieuws/">Nieuws</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/hulp">Veelgestelde vragen</a></li><li><a href="/zoeken">Zoeken</a></li>
<li><a href="/privacy">Privacyverklaring</a></li>
<li><a href="/toegankelijkheid">Toegankelijkheidsverklaring</a></li>
<li><a href="/aanmelden">Aanmelden</a></li>
</ul>"""
HELP = """<h2>Hoe vraag ik een bewonerskaart aan?</h2><p>Dat doet u in het e-loket.</p>
<h2>Waar vind ik de openingsuren?</h2><p>Op de contactpagina.</p>"""
RESIDENT_CARD = FORM.format(action="/e-loket/", question="Nummerplaat") + (
    '<p>Lees eerst het <a href="/documenten/reglement-bewonerskaart.pdf">reglement (PDF)</a>.</p>'
)
NEWS = """<ul><li><a href="/nieuws/kermis">Kermis op de Markt</a></li>
<li><a href="/nieuws/wegenwerken">Wegenwerken</a></li></ul>"""
SUFFIX = " | Gemeente Heidebeek"

# path: (title, h1, with a breadcrumb trail, main content)
PAGES = {
    "/": ("Gemeente Heidebeek", "Welkom in Heidebeek", False, HOME),
    "/aanmelden": ("Aanmelden" + SUFFIX, "Aanmelden bij Mijn Heidebeek", True, LOGIN),
    "/sitemap": ("Sitemap" + SUFFIX, "Sitemap", True, SITEMAP),
    "/contact": (
        "Contact" + SUFFIX,
        "Contacteer ons",
        True,
        FORM.format(action="/contact", question="Uw vraag"),
    ),
    "/hulp": ("Hulp" + SUFFIX, "Veelgestelde vragen", True, HELP),
    "/privacy": ("Privacyverklaring" + SUFFIX, "Privacyverklaring", True, "<p>Uw gegevens blijven hier.</p>"),
    "/zoeken": (
        "Zoekresultaten" + SUFFIX,
        "Zoeken",
        True,
        "<p>Geef een zoekterm in het zoekveld bovenaan.</p>",
    ),
    "/toegankelijkheid": (
        "Toegankelijkheidsverklaring" + SUFFIX,
        "Toegankelijkheidsverklaring",
        True,
        "<p>Gemeente Heidebeek wil haar website voor iedereen toegankelijk maken.</p>",
    ),
    "/e-loket/": (
        "E-loket" + SUFFIX,
        "E-loket",
        True,
        NEWS.replace("nieuws/kermis", "e-loket/bewonerskaart-aanvragen"),
    ),
    "/e-loket/bewonerskaart-aanvragen": (
        "Bewonerskaart aanvragen" + SUFFIX,
        "Bewonerskaart aanvragen",
        True,
        RESIDENT_CARD,
    ),
    "/nieuws/": ("Nieuws" + SUFFIX, "Nieuws", True, NEWS),
    "/nieuws/kermis": (
        "Kermis op de Markt" + SUFFIX,
        "Kermis op de Markt",
        True,
        "<article><p>Van 4 tot 12 juli staat de kermis op de Markt.</p></article>",
    ),
    "/nieuws/wegenwerken": (
        "Wegenwerken in de Stationsstraat" + SUFFIX,
        "Wegenwerken",
        True,
        "<article><p>De Stationsstraat is afgesloten tot eind augustus.</p></article>",
    ),
}
KINDS = ("text", "form", "article", "list")
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def test_the_sample_of_a_crawled_municipal_site_names_every_part(page_server, sqlite_url, cli):
    for path, (title, heading, crumbs, main) in PAGES.items():
        crumb = CRUMBS.format(heading=heading) if crumbs else ""
        page_server.add(path, TEMPLATE.format(title=title, heading=heading, crumbs=crumb, main=main))
    page_server.add("/documenten/reglement-bewonerskaart.pdf", PDF, content_type="application/pdf")
    crawled = cli("crawl", page_server.url("/"), "--allow-private", "--delay", "0", db=sqlite_url)
    assert crawled.code == 0, crawled.stderr
    assert crawled.stdout.startswith("run 1 completed: 13 pages, 13 audited, 0 failed")

    drawn = cli("sample", "latest", db=sqlite_url)
    assert drawn.code == 0, drawn.stderr
    sample = json.loads(drawn.stdout)
    reasons = {urlsplit(page["url"]).path: page["reasons"] for page in sample["pages"]}
    structured = {path: said for path, said in reasons.items() if said != ["random"]}
    assert structured == {
        "/": ["home"],
        "/aanmelden": ["login"],
        "/sitemap": ["sitemap"],
        "/contact": ["contact", "feedback"],
        "/hulp": ["help"],
        "/privacy": ["legal"],
        "/zoeken": ["search"],
        "/e-loket/": ["service"],
        "/e-loket/bewonerskaart-aanvragen": ["service"],
        "/toegankelijkheid": ["statement"],
        "/nieuws/kermis": ["template"],
        "/documenten/reglement-bewonerskaart.pdf": ["document"],
    }
    randoms = [path for path, said in reasons.items() if said == ["random"]]
    assert len(randoms) == math.ceil(len(structured) / 10) == 2
    assert set(randoms) <= {"/nieuws/", "/nieuws/wegenwerken"}
    assert sample["missing"] == []
    # one page of each structure: the home page, and with a breadcrumb trail text, forms, articles, a list
    chrome = "banner,contentinfo,navigation,search|h2"
    structures = [f"{chrome}|-|main:text"] + [f"{chrome}|breadcrumb|main:{kind}" for kind in KINDS]
    expected = {"t" + hashlib.sha256(structure.encode()).hexdigest()[:7] for structure in structures}
    assert {page["template"] for page in sample["pages"] if page["template"]} == expected
