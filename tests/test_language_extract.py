"""The in-browser main text extractor, in real headless Debian Chromium, on pages served on loopback."""

from pathlib import Path

from a11ycheck.language import PageText, TextBlock, score_text
from a11ycheck.language.extract import MAIN_TEXT_FUNCTION, MAIN_TEXT_SCRIPT, read_main_text

TEXTS = Path(__file__).parent / "language_texts"
CHROME = """
<header class="site-header"><a href="/">Gemeente Voorbeeld</a>
  <nav><ul><li><a href="/wonen">Wonen</a></li><li><a href="/afval">Afval</a></li></ul></nav></header>
<div id="cookie-banner"><p>Wij gebruiken cookies om de site te verbeteren.</p><button>Akkoord</button></div>
<div class="cc-window" role="dialog"><p>Cookievoorkeuren</p></div>
<div aria-label="Cookie consent"><p>Toestemming voor statistieken.</p></div>
<div class="gdpr-notice"><p>Privacyverklaring lezen.</p></div>
"""
FOOTER = """<aside><h2>Zie ook</h2><p>Containerpark</p></aside>
<footer><p>Gemeente Voorbeeld, Kerkstraat 1, 9999 Voorbeeld.</p></footer>"""


def page(body: str, lang: str = "nl-BE", head: str = "") -> str:
    head = f'<meta charset="utf-8"><title>Test</title>{head}'
    return f'<!doctype html><html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


def read(driver, page_server, html: str, max_chars: int = 200_000) -> dict:
    driver.get(page_server.add("/page", html))
    return driver.execute_script(MAIN_TEXT_SCRIPT, max_chars)


def blocks(payload: dict) -> list[tuple[str, str]]:
    return [(block["kind"], block["text"]) for block in payload["blocks"]]


def test_the_main_landmark_without_navigation_banners_or_hidden_text(driver, page_server):
    html = page(
        CHROME
        + """<main>
  <header><h1>Restafval om de <em>twee</em> weken</h1><p class="date">12 februari</p></header>
  <p>Vanaf 1 maart haalt de gemeente het <a href="/afval">restafval</a> om de twee weken op.<br><br>Zo
     sorteren we   meer.</p>
  <p class="verborgen">Deze zin is verborgen met een stijlregel.</p>
  <p style="visibility:hidden">Deze zin is onzichtbaar.</p>
  <p hidden>Deze zin heeft het hidden-attribuut.</p>
  <p aria-hidden="true">Deze zin is verborgen voor hulpmiddelen.</p>
  <script>document.write('')</script><style>p{}</style><noscript>Zet JavaScript aan.</noscript>
  <template><p>Sjabloon</p></template>
  <ul><li>Glas</li><li>Papier en <b>karton</b></li></ul>
  <table><tr><th>Dag</th><td>maandag</td></tr></table>
  <div>Losse tekst in een div. <span>Met een span erin.</span></div>
  <details><summary>Meer uitleg</summary><p>Dichtgeklapte uitleg.</p></details>
  <details open><summary>Open uitleg</summary><p>Opengeklapte uitleg.</p></details>
  <form><label for="q">Zoek</label><input id="q" value="zoekterm"><button>Zoeken</button></form>
  <dialog><p>Een dialoogvenster.</p></dialog>
  <div role="dialog" aria-modal="true"><p>Nog een dialoog.</p></div>
  <footer><p>Deel deze pagina</p></footer>
  <div class="cookiebar"><p>Deze site gebruikt cookies.</p></div>
  <section aria-label="Toestemming (consent)"><p>Kies uw voorkeuren.</p></section>
</main>"""
        + FOOTER,
        head="<style>.verborgen{display:none}</style>",
    )
    payload = read(driver, page_server, html)
    assert payload["region"] == "main" and payload["lang"] == "nl-BE"
    assert payload["error"] is None and payload["truncated"] is False
    assert blocks(payload) == [
        ("heading", "Restafval om de twee weken"),
        ("paragraph", "12 februari"),
        (
            "paragraph",
            "Vanaf 1 maart haalt de gemeente het restafval om de twee weken op.\n\nZo sorteren we meer.",
        ),
        ("list-item", "Glas"),
        ("list-item", "Papier en karton"),
        ("cell", "Dag"),
        ("cell", "maandag"),
        ("other", "Losse tekst in een div. Met een span erin."),
        ("other", "Meer uitleg"),
        ("other", "Open uitleg"),
        ("paragraph", "Opengeklapte uitleg."),
    ]
    assert payload["chars"] == sum(len(text) for _, text in blocks(payload))


def test_role_main_and_the_lang_that_applies_to_it(driver, page_server):
    html = page(CHROME + '<div role="main" lang="fr-BE"><p>Bienvenue à la commune.</p></div>' + FOOTER)
    payload = read(driver, page_server, html)
    assert (payload["region"], payload["lang"]) == ("main", "fr-BE")
    assert blocks(payload) == [("paragraph", "Bienvenue à la commune.")]


def test_a_hidden_main_is_passed_over_for_a_visible_one(driver, page_server):
    html = page("<main hidden><p>Oude inhoud.</p></main><main><p>Nieuwe inhoud.</p></main>")
    assert blocks(read(driver, page_server, html)) == [("paragraph", "Nieuwe inhoud.")]


def test_without_main_the_largest_content_region(driver, page_server):
    html = page(
        CHROME
        + """<div class="layout">
  <div class="content"><p>Korte teaser.</p></div>
  <article><h1>Premie voor isolatie</h1>
    <p>Wilt u uw dak isoleren? Dan kunt u een premie krijgen.</p></article>
  <div class="sidebar"><p>Snel naar</p></div>
</div>"""
        + FOOTER
    )
    payload = read(driver, page_server, html)
    assert payload["region"] == "article"
    assert blocks(payload) == [
        ("heading", "Premie voor isolatie"),
        ("paragraph", "Wilt u uw dak isoleren? Dan kunt u een premie krijgen."),
    ]


def test_a_content_region_by_id(driver, page_server):
    html = page(CHROME + '<div id="content"><h2>Openingsuren</h2><p>Het loket is open.</p></div>' + FOOTER)
    payload = read(driver, page_server, html)
    assert payload["region"] == "#content"
    assert blocks(payload) == [("heading", "Openingsuren"), ("paragraph", "Het loket is open.")]


def test_without_any_region_the_body_without_header_nav_and_footer(driver, page_server):
    html = page(CHROME + "<div><p>Tekst in de body.</p></div>" + FOOTER)
    payload = read(driver, page_server, html)
    assert payload["region"] == "body"
    assert blocks(payload) == [("paragraph", "Tekst in de body.")]


def test_a_page_of_navigation_only_has_no_main_text(driver, page_server):
    payload = read(driver, page_server, page(CHROME + FOOTER))
    assert payload["blocks"] == []
    score = score_text(read_main_text(driver))
    assert (score.lang, score.words, score.level, score.no_level_reason) == ("nl", None, None, "no-text")


def test_the_text_is_capped(driver, page_server):
    paragraphs = "".join(f"<p>Dit is alinea {n} van een heel lange pagina.</p>" for n in range(5000))
    payload = read(driver, page_server, page(f"<main>{paragraphs}</main>"), max_chars=10_000)
    assert payload["truncated"] is True
    assert payload["chars"] == 10_000 == sum(len(text) for _, text in blocks(payload))
    assert read_main_text(driver, 10_000).truncated is True


def test_a_page_of_ten_thousand_elements_is_read_quickly(driver, page_server):
    cards = "".join(
        f'<div class="card"><h3>Bericht {n}</h3><p>De dienst <b>burgerzaken</b> meldt nieuws {n}.</p></div>'
        for n in range(2500)
    )
    driver.get(page_server.add("/large", page(f"<main>{cards}</main>")))
    assert driver.execute_script("return document.getElementsByTagName('*').length") >= 10_000
    timing = (
        MAIN_TEXT_FUNCTION
        + """
const started = performance.now();
const result = readMainText(arguments[0]);
return {ms: performance.now() - started, blocks: result.blocks.length};"""
    )
    runs = [driver.execute_script(timing, 200_000) for _ in range(3)]
    assert all(run["blocks"] == 5000 for run in runs)
    assert min(run["ms"] for run in runs) < 1000  # measured: tens of milliseconds (docs/language.md)


def test_it_runs_inside_another_script_call(driver, page_server):
    driver.get(page_server.add("/page", page("<main><p>Het loket is open.</p></main>")))
    combined = MAIN_TEXT_FUNCTION + "\nconst done = arguments[arguments.length - 1];\n"
    combined += "setTimeout(() => done({facts: {ok: true}, text: readMainText(arguments[0])}), 0);"
    result = driver.execute_async_script(combined, 200_000)
    assert result["facts"] == {"ok": True}
    assert blocks(result["text"]) == [("paragraph", "Het loket is open.")]


def test_a_hostile_page_cannot_make_it_throw(driver, page_server):
    html = page(
        "<main><p>Het loket is open.</p></main>"
        "<script>window.getComputedStyle = () => { throw new Error('geen stijl'); };</script>"
    )
    payload = read(driver, page_server, html)
    assert payload["error"] == "geen stijl"
    assert payload["blocks"] == [] and payload["region"] == "body"
    assert read_main_text(driver) == PageText(blocks=(), lang="nl-BE", region="body", truncated=False)


def test_a_b1_news_page_is_read_and_scored_as_b1(driver, page_server):
    title, *paragraphs = (TEXTS / "b1_nieuws_restafval.txt").read_text(encoding="utf-8").split("\n\n")
    body = "".join(f"<p>{paragraph.strip()}</p>" for paragraph in paragraphs)
    html = page(
        CHROME
        + f"<main><h1>{title}</h1>{body}<ul><li>Afvalkalender</li><li>Contact</li></ul></main>"
        + FOOTER
    )
    driver.get(page_server.add("/nieuws", html))
    text = read_main_text(driver)
    assert text.region == "main" and text.blocks[0] == TextBlock("heading", title)
    score = score_text(text)
    plain = score_text((TEXTS / "b1_nieuws_restafval.txt").read_text(encoding="utf-8"), "nl")
    assert (score.lang, score.level) == ("nl", "B1")
    assert (score.words, score.sentences, score.flesch_douma) == (
        plain.words,
        plain.sentences,
        plain.flesch_douma,
    )
    assert score.fragment_words == plain.fragment_words + 2  # the two list items


def test_an_english_page_is_recorded_as_english(driver, page_server):
    html = page(
        "<main><h1>Waste collection</h1><p>From March the municipality collects residual waste every two "
        "weeks instead of every week. Sort your waste well and you will pay less.</p></main>",
        lang="en",
    )
    driver.get(page_server.add("/en", html))
    score = score_text(read_main_text(driver))
    assert (score.lang, score.lang_declared, score.level, score.no_level_reason) == (
        "en",
        "en",
        None,
        "not-dutch",
    )


def test_a_small_article_does_not_win_over_a_much_larger_content_region(driver, page_server):
    html = page(
        CHROME
        + """<div class="content"><h1>Afvalkalender</h1>
  <p>De gemeente haalt het restafval om de twee weken op. Zet uw zak voor zeven uur buiten.</p>
  <p>Glas brengt u naar de glasbak op het plein. Oude kleren gaan naar het containerpark.</p></div>
<div class="related"><article><p>Lees ook: kermis</p></article></div>"""
        + FOOTER
    )
    payload = read(driver, page_server, html)
    assert payload["region"] == ".content"
    assert [kind for kind, _ in blocks(payload)] == ["heading", "paragraph", "paragraph"]
