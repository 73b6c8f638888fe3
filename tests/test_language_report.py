"""The report's plain-language section, on the sample database of the report tests (report_sample.py):
the levels of the latest audits, the hardest pages with their longest sentences quoted and escaped, the trend
between audits, the overview column, in Dutch and English. (test_report_browser.py audits every page of the
same report, this section included, with axe and checks that no payload runs.)"""

import pytest
from report_sample import GENT, IMG_PAYLOAD, LONG_SENTENCE, PAYLOAD, TODAY, build_sample
from test_report import html, text

from a11ycheck.charters.loader import load_charters
from a11ycheck.charters.status import evaluate_charter
from a11ycheck.register import Register
from a11ycheck.report.build import ReportRequest, build_report
from a11ycheck.report.paths import file_slug
from a11ycheck.store import Store

GENT_CHARTER = """signed: 2025-06-01
commitments:
  - id: web-klare-taal
    title: Klare taal
    domain: communication
    deadline: 2027-12-31
    measured: {kpi: plain_language_b1_share, baseline: 20, target: 80}
  - id: web-leesbaarheid
    title: Leesbaarheid
    domain: communication
    deadline: 2027-12-31
    measured: {kpi: flesch_douma_median, baseline: 40, target: 70}
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("language-report")
    url = f"sqlite:///{folder / 'a11ycheck.db'}"
    build_sample(url, folder / "charters")
    (folder / "charters" / "gent.yaml").write_text(GENT_CHARTER, encoding="utf-8")
    store = Store(url)
    for lang in ("nl", "en"):
        build_report(
            store, ReportRequest(out=folder / lang, lang=lang, charters_dir=folder / "charters", today=TODAY)
        )
    yield folder, store
    store.close()


def section(page) -> list:
    """The elements from the plain-language heading to the next h2."""
    (heading,) = page.xpath("//h2[@id='plain-language']")
    found = []
    for element in heading.itersiblings():
        if element.tag == "h2":
            break
        found.append(element)
    return found


def table(page, caption_id: str) -> list[list[str]]:
    return [
        [text(cell) for cell in row.xpath("th|td")]
        for row in page.xpath(f"//caption[@id='{caption_id}']/../tbody/tr")
    ]


def test_gent_shows_its_levels_figures_and_trend(report):
    folder, _ = report
    page = html(folder / "nl" / "org" / "gent" / "index.html")
    assert page.xpath("//nav[@class='toc']//a[@href='#plain-language']/text()") == ["Klare taal"]
    intro, figures_list, trend_line = section(page)[:3]
    assert text(intro).startswith("Hoe leesbaar de Nederlandse hoofdtekst van de geauditeerde pagina's is.")
    figures = [(text(div.xpath("dt")[0]), text(div.xpath("dd")[0])) for div in figures_list.xpath("div")]
    assert figures == [
        ("Pagina's met een taalniveau", "3"),
        ("Op B1-niveau of eenvoudiger", "66,7%"),
        ("Flesch-Douma (mediaan, hoger is makkelijker)", "65,0"),
    ]
    assert text(trend_line) == (
        "Evolutie: beter van 33,3% naar 66,7% van de pagina's op B1-niveau of eenvoudiger "
        "sinds 10 januari 2026"
    )
    assert table(page, "language-levels-caption") == [
        ["A2: eenvoudig", "1"],
        ["B1: klare taal", "1"],
        ["B2: moeilijker", "0"],
        ["C1: moeilijk", "1"],
        ["Nederlands, maar te weinig lopende tekst voor een niveau", "1"],
        ["In een andere taal", "1"],
        ["Taal niet te bepalen", "0"],
    ]
    assert table(page, "language-trend-caption") == [
        ["10 februari 2026", "3", "66,7%", "65,0"],
        ["10 januari 2026", "3", "33,3%", "45,0"],
    ]
    assert page.xpath("//svg[@aria-labelledby='chart-language-levels-title']")


def test_the_hardest_pages_come_first_with_their_longest_sentences_as_they_stand(report):
    folder, _ = report
    page = html(folder / "nl" / "org" / "gent" / "index.html")
    hardest = page.xpath("//section[h4[starts-with(@id, 'hard-')]]")
    titles = [(text(s.xpath("h4/a")[0]), text(s.xpath("h4/span")[0])) for s in hardest]
    # C1 first, then B1 (65,0), then A2: the pages of the latest crawl that have a level.
    assert titles == [("Wonen", f"{GENT}/wonen"), ("Stad Gent", f"{GENT}/"), ("Nieuws", f"{GENT}/nieuws")]
    (link,) = hardest[0].xpath("h4/a/@href")
    assert link.startswith("page-") and (folder / "nl" / "org" / "gent" / link).is_file()
    figures = text(hardest[0].xpath("p")[0])
    assert figures == (
        "Taalniveau C1 · Flesch-Douma 20,5 · zinnen van meer dan 20 woorden: 44% · "
        "gemiddeld 20,0 woorden per zin · 180 woorden lopende tekst"
    )
    quotes = hardest[0].xpath(".//blockquote")
    assert [q.get("lang") for q in quotes] == ["nl", "nl"]
    assert [text(q) for q in quotes] == [LONG_SENTENCE, "Kort."]
    assert hardest[1].xpath(".//blockquote") == []  # no sentences stored: nothing quoted


def test_a_hostile_sentence_is_quoted_as_text(report):
    folder, _ = report
    slug = file_slug("antwerpen")
    raw = (folder / "nl" / "org" / slug / "index.html").read_text(encoding="utf-8")
    page = html(folder / "nl" / "org" / slug / "index.html")
    quotes = [
        text(q) for q in page.xpath("//h3[@id='language-hardest']/following-sibling::section//blockquote")
    ]
    assert quotes == [f"{PAYLOAD} staat hier", IMG_PAYLOAD]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt; staat hier" in raw
    assert not page.xpath("//script | //img")


def test_without_scores_the_section_says_so(report):
    folder, _ = report
    page = html(folder / "nl" / "org" / "site-demo-example" / "index.html")
    assert [text(e) for e in section(page)][1:] == [
        "Geen cijfers over klare taal: bij deze audits werd de tekst van de pagina's niet gelezen "
        "(a11ycheck crawl --no-language)."
    ]


def test_the_english_report_keeps_the_quotes_marked_as_dutch(report):
    folder, _ = report
    page = html(folder / "en" / "org" / "gent" / "index.html")
    assert text(page.xpath("//h2[@id='plain-language']")[0]) == "Plain language"
    assert [q.get("lang") for q in page.xpath("//blockquote")] == ["nl", "nl"]
    assert table(page, "language-levels-caption")[0] == ["A2: simple", "1"]


def test_the_overview_column_and_the_charter_agree(report):
    folder, store = report
    overview = html(folder / "nl" / "index.html")
    headers = [text(th) for th in overview.xpath("//thead/tr/th")]
    assert headers[-1] == "Klare taal (B1 of eenvoudiger)"
    cells = {text(row.xpath("th")[0]): text(row.xpath("td")[-1]) for row in overview.xpath("//tbody/tr")}
    assert (cells["Gent"], cells["Antwerpen"], cells["demo.example"]) == ("66,7%", "0,0%", "–")
    (charter,) = [c for c in load_charters([folder / "charters"], Register.load()) if c.slug == "gent"]
    statuses = {s.commitment.id: s.current for s in evaluate_charter(store, charter, TODAY)}
    assert statuses == {"web-klare-taal": 66.7, "web-leesbaarheid": 65.0}
    charter_table = text(
        html(folder / "nl" / "org" / "gent" / "index.html").xpath("//h2[@id='charter']/following::table[1]")[
            0
        ]
    )
    assert "66,7%" in charter_table and "65,0 punten" in charter_table
