"""The statement in the report: per organisation the grade, the fields, the problems and the contradictions
with the measurement, in Dutch and English, and the grade on the overview; crawled text stays text."""

import lxml.html
import pytest
from report_sample import PAYLOAD, TODAY, build_sample

from a11ycheck.report.build import ReportRequest, build_report
from a11ycheck.store import Store


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("statement-report")
    url = f"sqlite:///{folder / 'a11ycheck.db'}"
    build_sample(url, folder / "charters")
    store = Store(url)
    for lang in ("nl", "en"):
        build_report(store, ReportRequest(out=folder / lang, lang=lang, today=TODAY))
    store.close()
    return folder


def section(path) -> lxml.html.HtmlElement:
    page = lxml.html.fromstring(path.read_bytes())
    (heading,) = page.xpath("//h2[@id='statement']")
    return page, heading


def words(element) -> str:
    return " ".join(element.text_content().split())


def test_the_organisation_page_shows_the_statement_its_latest_crawl_found(sample):
    page, _ = section(sample / "nl" / "org" / "gent" / "index.html")
    (site,) = page.xpath("//section[h3[@id='statement-site-1']]")
    assert words(site.xpath("h3")[0]) == "www.gent.be: score A"
    facts = dict(
        zip((words(dt) for dt in site.xpath(".//dt")), (words(dd) for dd in site.xpath(".//dd")), strict=True)
    )
    assert facts == {
        "Adres": "https://www.gent.be/toegankelijkheid",
        "Gelezen als verklaring": "ja",
        "Nalevingsstatus": "volledig in overeenstemming",
        "Norm": "WCAG 2.1 AA",
        "Opgesteld op": "14 januari 2026",
        "Laatst herzien op": "onbekend",
        "Methode": "zelfevaluatie",
        "Feedback": "mailto:webteam@stad.gent.example",
        "Klachtenprocedure beschreven": "ja",
        "Niet-toegankelijke inhoud opgesomd": "nee",
        "Gelinkt vanaf de startpagina": "ja",
        "Gelinkt vanaf": "1 van de 5 geauditeerde pagina's (20,0%)",
    }
    assert site.xpath(".//dd/a/@href") == ["https://www.gent.be/toegankelijkheid"]
    assert [
        words(li)
        for li in site.xpath(
            ".//h4[starts-with(@id, 'statement-contradictions')]/following-sibling::ul[1]/li"
        )
    ] == ["meldt volledige naleving; 4 pagina's met WCAG 2.1 A/AA-fouten"]
    assert "Geen problemen gevonden." in words(site)
    assert page.xpath("//nav[@class='toc']//a[@href='#statement']")


def test_english_wording_and_the_overview_column(sample):
    page, _ = section(sample / "en" / "org" / "gent" / "index.html")
    assert "claims full compliance; 4 pages with WCAG 2.1 A/AA failures" in words(page)
    assert "fully compliant" in words(page)
    overview = lxml.html.fromstring((sample / "nl" / "index.html").read_bytes())
    headers = [words(th) for th in overview.xpath("//thead//th")]
    assert "Verklaring" in headers  # the statement's grade has a column of its own, wherever it stands
    column = headers.index("Verklaring") - 1  # the first header names the row's <th>, the rest its <td>s
    rows = overview.xpath("//tbody/tr")
    grades = {words(row.xpath("th")[0]): words(row.xpath("td")[column]) for row in rows}
    assert grades["Gent"] == "A" and grades["Antwerpen"] == "D"
    assert grades["demo.example"] == "–"  # crawled without a statement check


def test_hostile_statement_text_stays_text(sample):
    source = (sample / "nl" / "org" / "antwerpen" / "index.html").read_text()
    page, _ = section(sample / "nl" / "org" / "antwerpen" / "index.html")
    (site,) = page.xpath("//section[h3[@id='statement-site-1']]")
    assert not site.xpath(".//a")  # javascript: and mailto: addresses are never links
    assert f"{PAYLOAD} geen klachten" in words(site) and f"{PAYLOAD} tegenspraak" in words(site)
    assert "<script>window.__pwned" not in source
