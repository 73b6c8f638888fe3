"""Plain language in a real crawl on loopback (Chromium, SQLite and PostgreSQL): every audited page's main
text is read in the browser, scored, stored and exported as the page's `language` object; pages that cannot
be scored honestly get no level, and nothing crashes or hangs on odd pages."""

import html
from pathlib import Path

import pytest
from helpers import exported_pages, run_cli

from a11ycheck.language import PARAGRAPH, TextBlock, blocks_from_plain_text, score_text
from a11ycheck.language.observer import NAME, collected_text

pytestmark = pytest.mark.browser  # crawls or audits through the CLI, in a child process

TEXTS = Path(__file__).parent / "language_texts"
CHROME = """<header><a href="/">Gemeente Testdorp</a><nav aria-label="Hoofdmenu"><ul>
<li><a href="/nieuws.html">Nieuws</a></li><li><a href="/reglement.html">Reglementen</a></li>
<li><a href="/english.html">English</a></li><li><a href="/menu.html">Menu</a></li>
<li><a href="/lijsten.html">Afvalkalender</a></li><li><a href="/groot.html">Archief</a></li>
<li><a href="/latin1.html">Café</a></li><li><a href="/mojibake.html">Oud bericht</a></li>
<li><a href="/zonder-lang.html">Bericht</a></li><li><a href="/vermomd.html">Info</a></li>
</ul></nav></header>"""
FOOTER = """<footer><p>Gemeente Testdorp, Kerkplein 1, 9999 Testdorp. Dit is een verzonnen gemeente voor de
tests van a11ycheck, en deze voettekst hoort niet bij de hoofdtekst van een pagina.</p></footer>"""
COOKIES = """<div class="cookie-banner"><p>Deze website gebruikt cookies om het gebruik te meten en om u een
betere ervaring te bieden. Door verder te surfen gaat u akkoord met ons cookiebeleid en met alles wat daarbij
hoort, ook de zaken die u niet gelezen hebt.</p></div>"""

ENGLISH = [
    "The town hall is open on weekdays from nine in the morning until noon, and on Tuesday evenings as well.",
    "Residents who want to register a new address can make an appointment online or call the front desk.",
    "Please bring your identity card and, if you rent, a copy of the rental agreement with you.",
    "Waste is collected every two weeks, and the recycling park is open from Tuesday to Saturday.",
    "The library lends books, films and games, and children under twelve pay no membership fee at all.",
    "For questions about building permits, contact the planning department by e-mail or by phone.",
]


def page(title: str, body: str, lang: str | None = "nl", head: str = '<meta charset="utf-8">') -> str:
    lang_attribute = f' lang="{lang}"' if lang else ""
    return (
        f"<!DOCTYPE html><html{lang_attribute}><head>{head}<title>{html.escape(title)}</title></head>"
        f"<body>{CHROME}{COOKIES}<main>{body}</main>{FOOTER}</body></html>"
    )


def text_file_blocks(name: str) -> tuple[TextBlock, ...]:
    return blocks_from_plain_text((TEXTS / name).read_text(encoding="utf-8"))


def as_html(blocks: tuple[TextBlock, ...]) -> str:
    """A text file's blocks as a page would have them: its headings as h2, its paragraphs as p."""
    return "".join(
        f"<p>{html.escape(b.text)}</p>" if b.kind == PARAGRAPH else f"<h2>{html.escape(b.text)}</h2>"
        for b in blocks
    )


def expected(blocks: tuple[TextBlock, ...], lang: str | None = "nl") -> dict:
    """What the core gives for these blocks: what the crawl must store for a page made of them."""
    return score_text(blocks, lang).to_dict()


NEWS = text_file_blocks("b1_nieuws_restafval.txt")
REGULATION = text_file_blocks("c1_retributiereglement.txt")
ZONDER_LANG = text_file_blocks("b1_wegenwerken.txt")
CAFE = tuple(
    TextBlock(PARAGRAPH, paragraph)
    for paragraph in (
        "Het café op het Dorpsplein krijgt een nieuwe uitbater. Vanaf maart kunt u er opnieuw terecht "
        "voor een koffie, een drankje of een eenvoudige maaltijd.",
        "De gemeente is eigenaar van het gebouw. Zij zocht één jaar lang een uitbater die het café elke "
        "dag wil openhouden. Drie kandidaten stelden zich voor. Het college koos voor een jong koppel uit "
        "het dorp.",
        "Het café krijgt ook een terras aan de kant van de kerk. Daar is plaats voor twintig tafels. Het "
        "terras is open van april tot oktober.",
        "Wilt u de nieuwe uitbaters leren kennen? Op zaterdag 7 maart is er een opening met gratis koffie "
        "en taart. Iedereen is welkom, ook met de kinderen en de hond.",
    )
)


def mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252 somewhere upstream: "één" becomes "Ã©Ã©n"."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


@pytest.fixture
def site(page_server):
    news = as_html(NEWS)
    page_server.add("/", page("Home", "<h1>Welkom</h1><p>Welkom op de website van Testdorp.</p>"))
    page_server.add("/nieuws.html", page("Restafval om de twee weken", f"<article>{news}</article>"))
    page_server.add("/reglement.html", page("Retributiereglement", as_html(REGULATION)))
    english = "".join(f"<p>{s}</p>" for s in ENGLISH)
    page_server.add(
        "/english.html", page("Living in Testdorp", f"<h1>Living in Testdorp</h1>{english}", "en")
    )
    # Declared Dutch but written in English: the detector is sure, so it is not scored as Dutch.
    page_server.add("/vermomd.html", page("Info", f"<h1>Info</h1>{english}", "nl"))
    # Navigation only: no main region with text, only the site's menu, header, banner and footer.
    page_server.add(
        "/menu.html",
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Menu</title></head>"
        f"<body>{CHROME}{COOKIES}<nav aria-label='Alles'><ul>"
        + "".join(f"<li><a href='/nieuws.html'>Onderwerp {n}</a></li>" for n in range(60))
        + f"</ul></nav>{FOOTER}</body></html>",
    )
    items = "".join(f"<li>{day}: {kind}</li>" for day in ("maandag", "dinsdag", "woensdag", "donderdag")
                    for kind in ("restafval", "gft", "pmd", "papier en karton", "glas"))  # fmt: skip
    cells = "".join(
        f"<tr><td>Straat {n}</td><td>week {n % 4 + 1}</td><td>{n * 3} euro</td></tr>" for n in range(20)
    )
    page_server.add(
        "/lijsten.html",
        page("Afvalkalender", f"<h1>Afvalkalender</h1><ul>{items}</ul><table>{cells}</table>"),
    )
    # 300,000 characters of plain news text: read up to the cap, scored up to the word cap.
    huge = "".join(f"<p>{html.escape(b.text)}</p>" for b in NEWS if b.kind == PARAGRAPH) * 320
    page_server.add("/groot.html", page("Archief", f"<h1>Archief</h1>{huge}"))
    cafe = "".join(f"<p>{html.escape(b.text)}</p>" for b in CAFE)
    page_server.add(
        "/latin1.html",
        page("Café", cafe, head="").encode("cp1252"),
        content_type="text/html; charset=windows-1252",
    )
    garbled = "".join(f"<p>{html.escape(mojibake(b.text))}</p>" for b in CAFE)
    page_server.add("/mojibake.html", page("Oud bericht", garbled))
    page_server.add("/zonder-lang.html", page("Wegenwerken", as_html(ZONDER_LANG), lang=None))
    return page_server


def crawl(site, db: str, *flags: str) -> dict[str, dict]:
    done = run_cli(
        "crawl", site.url("/"), "--allow-private", "--delay", "0", "--browsers", "2", *flags, db=db
    )
    assert done.code == 0, done.stderr
    return exported_pages(db)


def test_each_page_is_scored_as_the_core_scores_its_main_text(site, db_url):
    pages = crawl(site, db_url)
    assert len(pages) == 11 and all(p["status"] == "ok" for p in pages.values())
    language = {path: p["language"] for path, p in pages.items()}

    # The main text alone is scored: no menu, header, cookie banner or footer.
    assert language["/nieuws.html"] == expected(NEWS)
    assert language["/reglement.html"] == expected(REGULATION)
    assert (language["/nieuws.html"]["level"], language["/reglement.html"]["level"]) == ("B1", "C1")
    # A plain news item reads easier than a regulation by every figure, as a reader would find.
    news, regulation = language["/nieuws.html"], language["/reglement.html"]
    assert news["flesch_douma"] > regulation["flesch_douma"]
    assert news["long_sentences"] < regulation["long_sentences"]
    assert news["rare_words"] < regulation["rare_words"]

    # English, declared so or declared Dutch: recorded as English, no figures, no level.
    for path in ("/english.html", "/vermomd.html"):
        assert {
            k: language[path][k] for k in ("lang", "words", "flesch_douma", "level", "no_level_reason")
        } == {
            "lang": "en",
            "words": None,
            "flesch_douma": None,
            "level": None,
            "no_level_reason": "not-dutch",
        }
    assert (language["/vermomd.html"]["lang_declared"], language["/vermomd.html"]["lang_detected"]) == (
        "nl",
        "en",
    )

    # Navigation only: nothing to read.
    assert language["/menu.html"]["no_level_reason"] == "no-text"
    assert (language["/menu.html"]["words"], language["/menu.html"]["level"]) == (None, None)
    # Lists and a table only: over 100 words, none of them running text, so no level and no figures.
    lists = language["/lijsten.html"]
    assert (lists["words"], lists["sentences"], lists["level"]) == (0, 0, None)
    assert lists["no_level_reason"] == "too-little-running-text" and lists["fragment_words"] > 100
    assert lists["flesch_douma"] is None
    # A huge page: read up to the cap, scored within the word cap, still a plain text.
    huge = language["/groot.html"]
    assert huge["truncated"] is True and 10_000 < huge["words"] <= 20_000 and huge["level"] == "B1"
    # Served as windows-1252, and shown as mojibake: both read as the same Dutch text.
    assert language["/latin1.html"] == expected(CAFE) and language["/latin1.html"]["level"] is not None
    assert language["/mojibake.html"] == language["/latin1.html"]
    # No lang attribute: the detector decides.
    assert language["/zonder-lang.html"] == expected(ZONDER_LANG, None)
    assert (language["/zonder-lang.html"]["lang_declared"], language["/zonder-lang.html"]["lang"]) == (
        None,
        "nl",
    )
    assert language["/"]["no_level_reason"] == "too-short" and language["/"]["level"] is None


def test_with_scoring_off_no_page_has_a_language_object(site, sqlite_url):
    pages = crawl(site, sqlite_url, "--no-language")
    assert len(pages) == 11 and {p["status"] for p in pages.values()} == {"ok"}
    assert [path for path, p in pages.items() if p["language"] is not None] == []


def test_a_list_audit_scores_too_and_the_variable_switches_it_off(site, sqlite_url):
    urls = [site.url("/nieuws.html"), site.url("/english.html")]
    done = run_cli("audit", *urls, "--allow-private", db=sqlite_url)
    assert done.code == 0, done.stderr
    pages = exported_pages(sqlite_url)
    assert pages["/nieuws.html"]["language"] == expected(NEWS)
    assert pages["/english.html"]["language"]["lang"] == "en"
    off = run_cli("audit", *urls, "--allow-private", db=sqlite_url, env={"A11YCHECK_LANGUAGE": "0"})
    assert off.code == 0, off.stderr
    assert [p["language"] for p in exported_pages(sqlite_url).values()] == [None, None]


def test_the_collector_result_is_named_after_the_observer():
    """The audit script puts each collector's result under its observer's name: what rows() reads."""
    assert NAME == "language"
    assert collected_text(None) is None
