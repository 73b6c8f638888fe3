"""Issue 19's wording: plurals that agree with the number, Dutch month abbreviations, the column names an
advisor uses, times on the Brussels clock, no internal ids or file paths in the text, links to Deque's
English pages marked as such, and rounding that suits the unit."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

import lxml.html
import pytest
from report_sample import GENT, TODAY, add_run, assign, image_alt, ok

from a11ycheck.report.build import ReportRequest, build_report
from a11ycheck.report.charter_view import commitment_value_text
from a11ycheck.report.i18n import Messages
from a11ycheck.store import Store
from a11ycheck.vocabulary.results import NodeResult

NL, EN = Messages("nl"), Messages("en")


@pytest.fixture
def report(sample_reports):
    return sample_reports


def page(path):
    return lxml.html.fromstring(path.read_bytes())


def visible_words(document) -> str:
    """The report's own words: crawled snippets (code, pre) and addresses left out."""
    for element in document.xpath("//code|//pre|//*[contains(@class, 'url')]|//head"):
        element.drop_tree()
    return " ".join(document.text_content().split())


def test_plurals_agree_with_the_number():
    assert [NL.count(n, "page") for n in (0, 1, 2)] == ["0 pagina's", "1 pagina", "2 pagina's"]
    assert [NL.count(n, "failure") for n in (1, 1200)] == ["1 fout", "1.200 fouten"]
    assert (
        NL.count(1, "element") == "1 element" and NL.count(3, "failing_element") == "3 elementen met een fout"
    )
    assert [EN.count(n, "page") for n in (1, 2)] == ["1 page", "2 pages"]


def test_month_abbreviations_are_the_usual_ones():
    months = [NL.short_day(date(2026, month, 1)).split()[1] for month in range(1, 13)]
    assert months == "jan feb mrt apr mei jun jul aug sep okt nov dec".split()
    assert EN.short_day(date(2026, 3, 1)) == "1 Mar 2026"


def test_times_are_on_the_brussels_clock():
    assert NL.moment(datetime(2026, 3, 1, 8, 0, tzinfo=UTC)) == "1 maart 2026 09:00"  # winter: UTC+1
    assert NL.moment(datetime(2026, 7, 1, 8, 0, tzinfo=UTC)) == "1 juli 2026 10:00"  # summer: UTC+2
    assert EN.moment(datetime(2026, 12, 31, 23, 30)) == "1 January 2027 00:30"  # naive is UTC: next day here


def status(unit: str, decimals: int = 2, reported: bool = True):
    kpi = SimpleNamespace(decimals=decimals)
    return SimpleNamespace(
        unit=unit, direction="higher", commitment=SimpleNamespace(kpi=kpi, reported=reported or None)
    )


def test_rounding_suits_the_unit():
    assert commitment_value_text(5.72, status("gebouwen"), NL, computed=True) == "6 gebouwen"  # a trajectory
    assert commitment_value_text(6.0, status("gebouwen"), NL) == "6 gebouwen"
    assert (
        commitment_value_text(12.5, status("km"), NL) == "12,5 km"
    )  # as reported (charter update --value 12,5)
    assert commitment_value_text(95.666, status("%"), NL) == "95,7%"
    assert (
        commitment_value_text(0.456, status("violations/page", reported=False), NL)
        == "0,46 fouten per pagina"
    )


def test_a_unit_the_charter_wrote_is_marked_dutch_in_an_english_report():
    marked = commitment_value_text(6.0, status("<b>gebouwen</b>"), EN, markup=True)
    assert str(marked) == '6 <span lang="nl">&lt;b&gt;gebouwen&lt;/b&gt;</span>'
    assert (
        commitment_value_text(6.0, status("gebouwen"), NL, markup=True) == "6 gebouwen"
    )  # the same language
    assert commitment_value_text(6.0, status("gebouwen"), EN) == "6 gebouwen"  # a chart's SVG text: no markup
    assert (
        commitment_value_text(3.0, status("pages"), EN, markup=True) == "3 pages"
    )  # our own unit, translated


def test_report_pages_use_the_new_words(report):
    gent = page(report / "nl" / "org" / "gent" / "index.html")
    headers = [
        " ".join(th.text_content().split())
        for th in gent.xpath("//caption[@id='charter-caption']/../thead//th")
    ]
    assert "Deadline" in headers and "Status" in headers and "Tegen" not in headers and "Stand" not in headers
    assert "achter op schema" in visible_words(page(report / "nl" / "org" / "gent" / "index.html"))
    run = next((report / "nl" / "org" / "gent").glob("run-*.html"))
    started = " ".join(
        page(run).xpath("//dt[.='Gestart']/following-sibling::dd[1]")[0].text_content().split()
    )
    assert started.endswith("09:00")  # the sample's crawls start at 08:00 UTC in winter


def test_no_internal_ids_paths_or_utc_in_the_text(report):
    for lang in ("nl", "en"):
        for path in [report / lang / "index.html", *(report / lang / "org" / "gent").glob("*.html")]:
            words = visible_words(page(path))
            for leak in ("README", "_share", "wcag_violations_per_page", "application/", "UTC", "(#"):
                assert leak not in words, (lang, path.name, leak)


def test_links_to_deque_say_they_are_in_english(report):
    for lang, note in (("nl", "(Engelstalig)"), ("en", None)):
        links = page(report / lang / "org" / "gent" / "index.html").xpath(
            "//a[contains(@href, 'dequeuniversity')]"
        )
        links += page(next((report / lang / "org" / "gent").glob("page-*.html"))).xpath(
            "//a[contains(@href, 'dequeuniversity')]"
        )
        assert links and all(link.get("hreflang") == "en" for link in links)
        texts = [" ".join(link.text_content().split()) for link in links]
        assert (
            all(text.endswith(note) for text in texts) if note else not any("Engelstalig" in t for t in texts)
        )


def test_an_element_in_a_frame_is_named_by_its_frame_not_by_axes_path(tmp_path):
    """axe's selector path "iframe#kaart >>> img.pin" is internal notation: the report says "img.pin in het
    frame iframe#kaart" on the organisation page and the page's page; per-page titles are ours in Dutch."""
    framed = image_alt("img.los")
    framed.nodes.append(NodeResult(target=["iframe#kaart", "img.pin"], html='<img class="pin">'))
    store = Store(f"sqlite:///{tmp_path / 'a11ycheck.db'}")
    add_run(store, f"{GENT}/", date(2026, 2, 10), [ok(f"{GENT}/", "Stad Gent", framed)])
    assign(store, "www.gent.be", "gent")
    build_report(store, ReportRequest(tmp_path / "nl", "nl", today=TODAY))
    store.close()
    folder = tmp_path / "nl" / "org" / "gent"
    for path in (folder / "index.html", next(folder.glob("page-*.html"))):
        document = page(path)
        text = " ".join(document.text_content().split())
        assert "img.pin in het frame iframe#kaart" in text, path.name
        assert ">>>" not in text, path.name
    per_page = page(next(folder.glob("page-*.html")))
    (title,) = per_page.xpath("//h3[@id='wcag-1']/span[1]")
    assert title.text_content() == "Afbeelding zonder tekstalternatief" and title.get("lang") is None
