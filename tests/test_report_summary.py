"""Issue 19's page order: an organisation's page opens with "In het kort" (the charter's verdict, the urgent
commitments, the top fixes, new and fixed), then what to fix first, the worst pages in a meaningful order,
what changed, and only then the details; commitments come most urgent first."""

from types import SimpleNamespace

import lxml.html
import pytest

from a11ycheck.charters.status import AT_RISK, BEHIND, MET, NO_DATA, ON_TRACK, OVERDUE, STALE
from a11ycheck.report.findings import worst_pages
from a11ycheck.report.queries import PageCount
from a11ycheck.report.summary import URGENCY, by_urgency, charter_verdict


@pytest.fixture(scope="module")
def gent(sample_reports):
    folder = sample_reports
    return {
        lang: lxml.html.fromstring((folder / lang / "org" / "gent" / "index.html").read_bytes())
        for lang in ("nl", "en")
    }


def text(element) -> str:
    return " ".join(element.text_content().split())


def glance(page) -> dict[str, str]:
    (block,) = page.xpath("//section[@class='glance']/dl")
    return {text(dt): text(dt.getnext()) for dt in block.xpath("dt")}


def test_the_page_opens_with_the_summary_then_what_to_fix(gent):
    headings = [h.get("id") for h in gent["nl"].xpath("//main//h2")]
    assert headings[0] == "at-a-glance"
    order = ["at-a-glance", "frequent", "worst", "changes", "summary", "criteria", "charter", "runs"]
    assert [h for h in headings if h in order] == order


def test_the_summary_answers_the_three_questions(gent):
    nl = glance(gent["nl"])
    assert nl["Charter"].startswith("niet op schema")
    assert "2 op schema, 1 achter op schema" in nl["Charter"]
    assert "achter op schema (deadline 31 december 2027)" in nl["Dringend"]
    assert nl["Volgende deadline"] == "31 december 2026: Drempelvrije ingang van het stadhuis (op schema)"
    fixes = nl["Eerst oplossen"]
    assert "op 2 pagina's" in fixes and "op 1 pagina" in fixes and "1 pagina's" not in fixes
    listed = [
        text(li).split(":")[0]
        for li in gent["nl"].xpath(
            "//section[@class='glance']//dt[.='Eerst oplossen']/following-sibling::dd[1]//li"
        )
    ]
    below = [
        text(h).split(". ", 1)[1].rsplit(" (", 1)[0]
        for h in gent["nl"].xpath("//h3[starts-with(@id, 'rule-')]")
    ]
    assert listed == below[:3]  # the same fixes, in the same order, as "Wat eerst oplossen"
    assert nl["Sinds de vorige audit"] == "2 elementen met een fout nieuw, 3 opgelost"
    en = glance(gent["en"])
    assert (
        en["Charter"].startswith("off track")
        and en["Since the previous audit"] == "2 failing elements new, 3 fixed"
    )
    assert "on 1 page" in en["Fix first"]
    (urgent,) = gent["nl"].xpath("//section[@class='glance']//dd//a")
    assert gent["nl"].xpath(f"//h3[@id='{urgent.get('href')[1:]}']")  # links to the commitment's details


def test_commitments_are_listed_most_urgent_first(gent):
    rows = gent["nl"].xpath("//caption[@id='charter-caption']/../tbody/tr")
    assert [text(row.xpath("td[1]")[0]) for row in rows] == ["achter op schema", "op schema", "op schema"]


def status(name: str, deadline: str, title: str = "x"):
    return SimpleNamespace(status=name, deadline=deadline, commitment=SimpleNamespace(title=title))


def test_urgency_order_and_overall_verdict():
    statuses = [status(s, "2027") for s in (MET, NO_DATA, ON_TRACK, AT_RISK, STALE, BEHIND, OVERDUE)]
    assert [s.status for s in by_urgency(statuses)] == [
        OVERDUE,
        BEHIND,
        STALE,
        AT_RISK,
        NO_DATA,
        ON_TRACK,
        MET,
    ]
    assert URGENCY[-1] == MET
    soon, late = status(BEHIND, "2026", "b"), status(BEHIND, "2028", "a")
    assert by_urgency([late, soon]) == [soon, late]  # same status: nearest deadline first
    assert charter_verdict([status(MET, "2027"), status(OVERDUE, "2027")]) == "off-track"
    assert charter_verdict([status(MET, "2027"), status(STALE, "2027")]) == "attention"
    assert charter_verdict([status(MET, "2027"), status(ON_TRACK, "2027")]) == "on-track"
    assert charter_verdict([status(NO_DATA, "2027")]) == "no-data"
    assert charter_verdict([status(MET, "2027"), status(NO_DATA, "2027")]) == "attention"  # not all known
    assert charter_verdict([]) is None


def page(url: str, wcag: int, serious: int, advice: int = 0) -> PageCount:
    return PageCount(1, 1, url, None, "ok", 200, None, wcag, advice, serious)


def test_worst_pages_weigh_serious_failures_then_count():
    pages = [
        page("https://a/1", 3, 0),
        page("https://a/2", 2, 1),
        page("https://a/3", 1, 1),
        page("https://a/0", 1, 1),
    ]
    # priority 3, 4, 3, 3: a serious failure weighs as much as three ordinary ones; at equal priority the most
    # WCAG failures first, then by address
    assert [p.url for p in worst_pages(pages)] == ["https://a/2", "https://a/1", "https://a/0", "https://a/3"]
    one_serious, two_ordinary = page("https://a/4", 1, 1), page("https://a/5", 2, 0)  # priority 3 and 2
    assert [p.url for p in worst_pages([two_ordinary, one_serious])] == ["https://a/4", "https://a/5"]
    assert worst_pages([page("https://a/6", 0, 1)]) == []  # serious advice alone: no WCAG failure to fix


def test_a_fix_once_group_is_one_fix_with_its_pages(gent):
    """The sample's p.x fails color-contrast on two pages of Gent's latest audit, the same element: one fix
    in the summary and at the top of "Wat eerst oplossen"; images that differ per page (img.b, img.c) are
    no group."""
    assert (
        glance(gent["nl"])["Eén keer oplossen"]
        == "Te weinig contrast tussen tekst en achtergrond: p.x, op 2 pagina's"
    )
    assert glance(gent["en"])["Fix once"].endswith(": p.x, on 2 pages")
    (table,) = gent["nl"].xpath("//table[caption[@id='fix-once-caption']]")
    rows = [[text(cell) for cell in row.xpath("th|td")] for row in table.xpath("tbody/tr")]
    assert rows == [["Te weinig contrast tussen tekst en achtergrond", "p.x", "2"]]
    headings = [h.get("id") for h in gent["nl"].xpath("//main//h2|//main//h3")]
    assert headings.index("frequent") < headings.index("fix-once") < headings.index("rule-1")
