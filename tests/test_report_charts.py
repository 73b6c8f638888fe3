"""Charts only where they say something (issue 19): one audit gets a sentence instead of a one-point trend,
a commitment without values a sentence instead of a bare plan, and every chart's text alternative states
its conclusion; the tables stay."""

import lxml.html
import pytest
from report_sample import GENT_CHARTER, TODAY, build_sample

from a11ycheck.report.build import ReportRequest, build_report
from a11ycheck.store import Store

NO_VALUES = """  - id: toiletten
    title: Toegankelijke toiletten
    domain: buildings
    deadline: 2027-06-30
    reported: {type: number, baseline: 2, target: 12, unit: gebouwen}
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("charts")
    url = f"sqlite:///{folder / 'a11ycheck.db'}"
    build_sample(url, folder / "charters")
    (folder / "charters" / "gent.yaml").write_text(GENT_CHARTER + NO_VALUES, encoding="utf-8")
    store = Store(url)
    try:
        build_report(store, ReportRequest(out=folder / "nl", charters_dir=folder / "charters", today=TODAY))
    finally:
        store.close()
    return folder / "nl" / "org"


def page(path):
    return lxml.html.fromstring(path.read_bytes())


def words(element) -> str:
    return " ".join(element.text_content().split())


def svg_titles(document) -> dict[str, str]:
    return {t.get("id"): words(t) for t in document.xpath("//*[local-name()='svg']/*[local-name()='title']")}


def test_one_audit_is_a_sentence_not_a_one_point_chart(report):
    antwerpen = page(report / "antwerpen" / "index.html")
    assert "chart-findings-title" not in svg_titles(antwerpen) and "chart-share-title" not in svg_titles(
        antwerpen
    )
    summary = words(antwerpen.xpath("//h2[@id='summary']/..")[0])
    assert "Er is nog maar één audit" in summary
    assert antwerpen.xpath("//caption[@id='trend-caption']")  # the table stays


def test_every_chart_states_its_conclusion(report):
    titles = svg_titles(page(report / "gent" / "index.html"))
    assert "Van 1,25 op 10 januari 2026 naar 1,00 op 10 februari 2026." in titles["chart-findings-title"]
    assert "Van 0,0% op 10 januari 2026 naar 20,0% op 10 februari 2026." in titles["chart-share-title"]
    assert "Het meest: ernstig (4)." in titles["chart-impact-title"]
    assert (
        "Het vaakst voorkomende aantal WCAG-fouten op een pagina: 1 (bij 3"
        in titles["chart-distribution-title"]
    )
    trajectories = [title for key, title in titles.items() if key.startswith("chart-commitment-")]
    assert len(trajectories) == 2 and all(t.split(". ")[1][0].isupper() for t in trajectories)
    assert any("Op schema: nu 1,00 fouten per pagina, volgens het traject 1,57" in t for t in trajectories)
    assert all(title.endswith("De cijfers staan in de tabel.") for title in titles.values())


def test_a_commitment_without_values_gets_a_sentence_not_an_empty_chart(report):
    gent = page(report / "gent" / "index.html")
    (section,) = gent.xpath("//section[h3[@id='commitment-toiletten']]")
    assert not section.xpath(".//*[local-name()='svg']")
    assert "Nog geen gemeten of gemelde waarden" in words(section)
    (done,) = gent.xpath("//section[h3[@id='commitment-ingang']]")  # yes/no: never a 0-to-1 chart
    assert not done.xpath(".//*[local-name()='svg']") and "Nog geen gemeten" not in words(done)
