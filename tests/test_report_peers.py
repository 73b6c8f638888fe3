"""Each headline figure beside the median of the province's and of all municipalities (issue 19), at their
latest audits; also in a report of one municipality, which still compares it with all the others."""

from types import SimpleNamespace

import lxml.html
import pytest

from a11ycheck.report.peers import peer_medians


def organisation(kind: str, province: str | None, per_page: float | None, share: float | None = 50.0):
    counts = SimpleNamespace(findings_per_page=per_page, percent_without_serious=share)
    latest = None if per_page is None and share is None else SimpleNamespace(counts=counts)
    return SimpleNamespace(info=SimpleNamespace(kind=kind, province=province), latest=latest)


def test_medians_are_over_municipalities_with_an_audit():
    found = peer_medians(
        [
            organisation("municipality", "Antwerpen", 1.0, 10.0),
            organisation("municipality", "Antwerpen", 3.0, 30.0),
            organisation("municipality", "Limburg", 8.0, 80.0),
            organisation("municipality", "Limburg", None, None),  # no audit yet: not counted
            organisation("regional", "Limburg", 100.0, 0.0),  # not a municipality
            organisation("demo", None, 100.0, 0.0),
        ]
    )
    assert (found.overall["findings_per_page"].value, found.overall["findings_per_page"].organisations) == (
        3.0,
        3,
    )
    assert found.by_province["Antwerpen"]["findings_per_page"].value == 2.0
    assert found.by_province["Limburg"]["percent_without_serious"].organisations == 1
    mine = organisation("municipality", "Antwerpen", 5.0, 60.0)
    rows = {row.figure: row for row in found.compare(mine)}
    assert (rows["percent_without_serious"].own, rows["percent_without_serious"].province.value) == (
        60.0,
        20.0,
    )
    assert found.compare(organisation("municipality", "Antwerpen", None, None)) == []
    assert found.compare(organisation("unknown", None, 1.0))[0].province is None


@pytest.fixture
def report(sample_reports):
    return sample_reports


def peer_rows(path) -> dict[str, list[str]]:
    page = lxml.html.fromstring(path.read_bytes())
    (table,) = page.xpath("//caption[@id='peers-caption']/..")
    return {
        " ".join(tr[0].text_content().split()): [" ".join(td.text_content().split()) for td in tr[1:]]
        for tr in table.xpath("tbody/tr")
    }


def test_gent_beside_its_province_and_all_municipalities(report):
    """Gent: 1,00 failures per page, 20% clean pages; Antwerpen: 0,50 and 50%; the only municipalities."""
    expected = {
        "WCAG 2.1 A/AA-fouten per pagina": ["1,00", "1,00 (van 1 gemeente)", "0,75 (van 2 gemeenten)"],
        "Pagina's zonder ernstige problemen": ["20,0%", "20,0% (van 1 gemeente)", "35,0% (van 2 gemeenten)"],
    }
    assert peer_rows(report / "nl" / "org" / "gent" / "index.html") == expected
    assert peer_rows(report / "mail" / "gent.html") == expected  # one municipality's report compares too
