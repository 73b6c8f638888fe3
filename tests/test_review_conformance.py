"""The conformance table: how axe's and the advisor's verdicts combine per page and per criterion."""

import pytest

from a11ycheck.review.conformance import CONFORMANCE_CSV_COLUMNS, conformance_table
from a11ycheck.review.verdicts import AutomatedResult, ManualVerdict, automated_results
from a11ycheck.vocabulary.criteria import CRITERION_NUMBERS

HOME = "https://www.lindegem.be/"
CONTACT = "https://www.lindegem.be/contact"
PAGES = (HOME, CONTACT)


def everything(verdict: str, note: str = "") -> list[ManualVerdict]:
    return [ManualVerdict(page, number, verdict, note) for page in PAGES for number in CRITERION_NUMBERS]


def row(table, number: str):
    return next(r for r in table.criteria if r.criterion.number == number)


@pytest.mark.parametrize(
    "axe, said, note, result",
    [
        (None, None, "", "not-tested"),  # axe found nothing: that proves nothing
        ("needs-review", None, "", "not-tested"),
        ("failed", None, "", "failed"),
        ("failed", "passed", "", "failed"),  # overriding axe needs a note
        ("failed", "passed", "Vals alarm: de afbeelding is decoratief", "passed"),
        ("failed", "not-applicable", "   ", "failed"),
        ("failed", "not-applicable", "Geen formulier op deze pagina", "not-applicable"),
        (None, "failed", "", "failed"),
        ("needs-review", "passed", "", "passed"),
        (None, "not-applicable", "", "not-applicable"),
    ],
)
def test_a_pages_result(axe, said, note, result):
    automated = {(HOME, "1.1.1"): AutomatedResult(axe, ("image-alt",))} if axe else {}
    manual = [ManualVerdict(HOME, "1.1.1", said, note)] if said else []
    table = conformance_table([HOME], automated, manual)
    page = row(table, "1.1.1").pages[0]
    assert page.result == result
    assert (page.automated, page.manual) == (axe, said)


def test_outcomes_over_the_pages():
    manual = everything("passed")
    manual += [
        ManualVerdict(CONTACT, "1.4.3", "failed", "Grijze tekst op wit"),
        ManualVerdict(HOME, "1.2.1", "not-applicable"),
        ManualVerdict(CONTACT, "1.2.1", "not-applicable"),
        ManualVerdict(HOME, "1.2.2", "not-applicable"),
        ManualVerdict(CONTACT, "2.4.2", None),
        ManualVerdict(CONTACT, "3.2.2", None),
        ManualVerdict(HOME, "3.2.2", "failed", "Kiezen in de keuzelijst laadt meteen een andere pagina"),
    ]
    automated = {(HOME, "4.1.2"): AutomatedResult("failed", ("button-name",))}
    table = conformance_table(PAGES, automated, manual)
    assert row(table, "1.4.3").outcome == "not-conformant"
    assert row(table, "1.4.3").manual == "failed"
    assert row(table, "1.2.1").outcome == "not-applicable"
    assert row(table, "1.2.2").outcome == "conformant"  # not applicable on one page, passed on the other
    assert row(table, "2.4.2").outcome == "not-tested"
    assert row(table, "2.4.2").pages_tested == 1
    assert (
        row(table, "4.1.2").outcome == "not-conformant"
    )  # axe's failure, the advisor's passed without a note
    assert row(table, "4.1.2").automated == "failed"
    assert row(table, "3.2.2").outcome == "not-conformant"  # failed on one page, not tested on the other
    assert table.failing == {"1.4.3": (CONTACT,), "3.2.2": (HOME,), "4.1.2": (HOME,)}
    assert table.counts() == {"conformant": 45, "not-conformant": 3, "not-applicable": 1, "not-tested": 1}
    assert table.all_evaluated is False


def test_all_evaluated_when_every_criterion_has_an_outcome():
    table = conformance_table(PAGES, {}, everything("passed"))
    assert table.all_evaluated is True
    assert table.counts() == {"conformant": 50, "not-conformant": 0, "not-applicable": 0, "not-tested": 0}
    assert conformance_table([], {}, []).all_evaluated is False


def test_the_latest_verdict_wins_and_other_pages_are_ignored():
    manual = [
        ManualVerdict(HOME, "3.1.1", "failed"),
        ManualVerdict(HOME, "3.1.1", "passed"),
        ManualVerdict("https://www.lindegem.be/elders", "3.1.1", "failed"),
    ]
    assert row(conformance_table([HOME], {}, manual), "3.1.1").outcome == "conformant"


def test_json_and_csv():
    automated = {(HOME, "1.1.1"): AutomatedResult("failed", ("image-alt", "role-img-alt"))}
    manual = [
        ManualVerdict(HOME, "1.1.1", "failed", "Logo zonder alt"),
        ManualVerdict(CONTACT, "1.1.1", "passed"),
    ]
    table = conformance_table(PAGES, automated, manual)
    data = table.to_dict()
    assert data["all_evaluated"] is False and data["pages"] == list(PAGES)
    assert data["criteria"][0] == {
        "criterion": "1.1.1",
        "level": "A",
        "name": {"nl": "Niet-tekstuele content", "en": "Non-text Content"},
        "automated": "failed",
        "manual": "failed",
        "outcome": "not-conformant",
        "pages_tested": 2,
        "failing_pages": [{"url": HOME, "rules": ["image-alt", "role-img-alt"], "note": "Logo zonder alt"}],
    }
    rows = table.csv_rows()
    assert len(rows) == 50 and list(rows[0]) == list(CONFORMANCE_CSV_COLUMNS)
    assert rows[0]["failing_pages"] == HOME and rows[0]["pages_tested"] == "2" and rows[0]["pages"] == "2"
    assert rows[1] == {
        "criterion": "1.2.1",
        "level": "A",
        "name_nl": "Louter-geluid en louter-videobeeld (vooraf opgenomen)",
        "name_en": "Audio-only and Video-only (Prerecorded)",
        "automated": "",
        "manual": "",
        "outcome": "not-tested",
        "pages_tested": "0",
        "pages": "2",
        "failing_pages": "",
    }


def test_automated_results_from_axe_findings():
    results = automated_results(
        violations=[
            (HOME, "image-alt", ["1.1.1"]),
            (HOME, "role-img-alt", ["1.1.1"]),
            (HOME, "region", []),  # a best practice: no criterion
            (HOME, "target-size", ["2.5.8"]),  # WCAG 2.2: not among the 50
        ],
        needs_review=[(HOME, "color-contrast", ["1.4.3"]), (HOME, "image-alt", ["1.1.1"])],
    )
    assert results == {
        (HOME, "1.1.1"): AutomatedResult("failed", ("image-alt", "role-img-alt")),
        (HOME, "1.4.3"): AutomatedResult("needs-review", ("color-contrast",)),
    }
