"""The review file: written from a sample and the audit, filled in as an advisor does in a spreadsheet, read
back; every bad input reported as FILE:LINE, all at once, nothing accepted."""

import csv
from pathlib import Path

import pytest

from a11ycheck.errors import UserError
from a11ycheck.review.conformance import conformance_table
from a11ycheck.review.review_file import (
    REVIEW_COLUMNS,
    ReviewFileProblems,
    read_review_file,
    review_csv,
    write_review_file,
)
from a11ycheck.review.sample import Sample, SampledPage
from a11ycheck.review.verdicts import AutomatedResult, ManualVerdict
from a11ycheck.vocabulary.criteria import CRITERION_NUMBERS

SITE = "https://www.lindegem.be/"
HOME = "https://www.lindegem.be/"
CONTACT = "https://www.lindegem.be/contact"
SAMPLE = Sample(
    seed=7,
    per_template=1,
    pages=(
        SampledPage(HOME, ("home",), "t4275159"),
        SampledPage(CONTACT, ("contact", "feedback"), "tb8dbfd7"),
    ),
    missing=(),
)
AUTOMATED = {
    (HOME, "1.1.1"): AutomatedResult("failed", ("image-alt",)),
    (CONTACT, "1.3.1"): AutomatedResult("needs-review", ("label",)),
    (CONTACT, "4.1.2"): AutomatedResult("failed", ("button-name", "select-name")),
}


def line_of(page: int, number: str) -> int:
    """The line of a page's row for a criterion: the header is line 1, then 50 rows per page."""
    return 2 + page * 50 + CRITERION_NUMBERS.index(number)


@pytest.fixture
def review_path(tmp_path) -> Path:
    path = tmp_path / "review-lindegem.csv"
    assert write_review_file(path, SAMPLE, AUTOMATED, site=SITE, sample_id=12) == 100
    return path


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(
    path: Path, rows: list[dict[str, str]], delimiter: str = ",", encoding: str = "utf-8-sig"
) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


def fill(path: Path, changes: dict[tuple[int, str], dict[str, str]], **options) -> None:
    rows = read_rows(path)
    for (page, number), values in changes.items():
        rows[line_of(page, number) - 2].update(values)
    write_rows(path, rows, **options)


def problems_of(path: Path, **options) -> list[str]:
    with pytest.raises(ReviewFileProblems) as raised:
        read_review_file(path, SAMPLE, sample_id=12, site=SITE, **options)
    return [str(problem) for problem in raised.value.problems]


def test_the_written_file_has_a_row_per_page_and_criterion_prefilled_from_axe(review_path):
    raw = review_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsample,site,page_url,")
    rows = read_rows(review_path)
    assert list(rows[0]) == list(REVIEW_COLUMNS)
    assert len(rows) == 100
    assert rows[0] == {
        "sample": "12",
        "site": SITE,
        "page_url": HOME,
        "page_reasons": "home",
        "criterion": "1.1.1",
        "level": "A",
        "criterion_name": "Niet-tekstuele content",
        "automated": "failed",
        "rules": "image-alt",
        "verdict": "failed",
        "note": "",
    }
    contact_131 = rows[line_of(1, "1.3.1") - 2]
    assert (contact_131["automated"], contact_131["verdict"], contact_131["page_reasons"]) == (
        "needs-review",
        "needs-review",
        "contact feedback",
    )
    assert rows[line_of(1, "4.1.2") - 2]["rules"] == "button-name select-name"
    assert rows[line_of(1, "1.4.3") - 2]["automated"] == rows[line_of(1, "1.4.3") - 2]["verdict"] == ""
    assert [row["criterion"] for row in rows[:50]] == list(CRITERION_NUMBERS)
    assert review_csv(SAMPLE, AUTOMATED, site=SITE, sample_id=12).encode() == raw[3:]


def test_round_trip_write_fill_read_and_the_conformance_table(review_path):
    fill(
        review_path,
        {
            (0, "1.1.1"): {"verdict": "failed", "note": "Logo zonder alt"},
            (0, "1.4.3"): {"verdict": "passed"},
            (1, "1.3.1"): {"verdict": "passed", "note": "Labels gecontroleerd"},
            (1, "4.1.2"): {
                "verdict": "not-applicable",
                "note": "De knop is decoratief en verborgen voor iedereen",
            },
            (0, "1.2.1"): {"verdict": "not-applicable"},
            (1, "1.2.1"): {"verdict": "not-applicable"},
        },
    )
    verdicts = read_review_file(review_path, SAMPLE, sample_id=12, site=SITE, automated=AUTOMATED)
    assert len(verdicts) == 100
    said = [v for v in verdicts if v.verdict]
    assert said == [
        ManualVerdict(HOME, "1.1.1", "failed", "Logo zonder alt", 2),
        ManualVerdict(HOME, "1.2.1", "not-applicable", "", 3),
        ManualVerdict(HOME, "1.4.3", "passed", "", line_of(0, "1.4.3")),
        ManualVerdict(CONTACT, "1.2.1", "not-applicable", "", line_of(1, "1.2.1")),
        ManualVerdict(CONTACT, "1.3.1", "passed", "Labels gecontroleerd", line_of(1, "1.3.1")),
        ManualVerdict(
            CONTACT,
            "4.1.2",
            "not-applicable",
            "De knop is decoratief en verborgen voor iedereen",
            line_of(1, "4.1.2"),
        ),
    ]
    table = conformance_table(SAMPLE.urls, AUTOMATED, verdicts)
    outcome = {row.criterion.number: row.outcome for row in table.criteria}
    assert outcome["1.1.1"] == "not-conformant"
    assert outcome["1.2.1"] == "not-applicable"
    assert outcome["1.4.3"] == "not-tested"  # passed on the home page, not tested on the contact page
    assert outcome["4.1.2"] == "not-tested"  # axe's failure overridden with a note; the home page not tested
    assert outcome["2.4.2"] == "not-tested"
    assert table.failing == {"1.1.1": (HOME,)}
    assert table.all_evaluated is False


def test_a_semicolon_file_saved_by_a_belgian_spreadsheet_reads_the_same(review_path):
    fill(
        review_path,
        {(0, "2.4.2"): {"verdict": "passed", "note": "Titel: ‘Gemeente Lindegem’; duidelijk"}},
        delimiter=";",
    )
    assert review_path.read_text(encoding="utf-8-sig").startswith("sample;site;page_url;")
    verdicts = read_review_file(review_path, SAMPLE, sample_id=12, site=SITE)
    assert [v for v in verdicts if v.criterion == "2.4.2" and v.verdict] == [
        ManualVerdict(HOME, "2.4.2", "passed", "Titel: ‘Gemeente Lindegem’; duidelijk", line_of(0, "2.4.2"))
    ]


def test_a_note_over_several_lines_keeps_the_line_numbers_right(review_path):
    fill(
        review_path,
        {
            (0, "1.1.1"): {"verdict": "Failed", "note": "Eerste regel\nTweede regel"},
            (0, "1.2.1"): {"verdict": "Passed"},
        },
    )
    # the note's row starts on line 2 and takes two lines, so the next row starts on line 4
    assert problems_of(review_path) == [
        f"{review_path}:2: verdict 'Failed' must be written in lowercase: failed",
        f"{review_path}:4: verdict 'Passed' must be written in lowercase: passed",
    ]


def test_every_bad_input_of_the_issue_at_once_with_file_and_line(review_path):
    rows = read_rows(review_path)
    rows[line_of(0, "1.4.4") - 2]["criterion"] = "1.4.99"
    rows[line_of(0, "1.4.5") - 2]["verdict"] = "Passed"
    rows[line_of(0, "2.1.1") - 2]["verdict"] = "geslaagd"
    rows[line_of(0, "2.1.2") - 2]["verdict"] = "voldoet"
    rows[line_of(0, "2.2.1") - 2]["verdict"] = "niet van toepassing"
    rows[line_of(0, "2.2.2") - 2]["verdict"] = "misschien"
    rows[line_of(0, "1.1.1") - 2]["verdict"] = "passed"  # axe failed it, and no note says why
    rows[line_of(1, "3.1.1") - 2]["page_url"] = "https://www.lindegem.be/nieuws"
    rows.append(dict(rows[line_of(1, "2.4.2") - 2]))  # a duplicated row, last line
    write_rows(review_path, rows)
    f, last = review_path, len(rows) + 1

    def at(page: int, number: str) -> str:
        return f"{f}:{line_of(page, number)}"

    assert problems_of(review_path) == [
        f"{f}:2: axe found a failure of 1.1.1 on this page: a verdict of passed needs a note saying why",
        f"{at(0, '1.4.4')}: unknown success criterion '1.4.99': "
        "a review has the 50 WCAG 2.1 A and AA criteria",
        f"{at(0, '1.4.5')}: verdict 'Passed' must be written in lowercase: passed",
        f"{at(0, '2.1.1')}: verdict 'geslaagd' is not one of passed, failed, not-applicable: write passed",
        f"{at(0, '2.1.2')}: verdict 'voldoet' is not one of passed, failed, not-applicable: write passed",
        f"{at(0, '2.2.1')}: verdict 'niet van toepassing' is not one of passed, failed, not-applicable: "
        "write not-applicable",
        f"{at(0, '2.2.2')}: verdict 'misschien' is not one of passed, failed, not-applicable "
        "(empty or needs-review: not tested)",
        f"{at(1, '3.1.1')}: page https://www.lindegem.be/nieuws is not in sample 12",
        f"{f}:{last}: a second row for {CONTACT} and 2.4.2 (the first is on line {line_of(1, '2.4.2')})",
    ]
    with pytest.raises(ReviewFileProblems) as raised:
        read_review_file(review_path, SAMPLE, sample_id=12, site=SITE)
    assert str(raised.value) == (
        f"{f}:2: axe found a failure of 1.1.1 on this page: a verdict of passed needs a note saying why "
        "(and 8 more): nothing imported"
    )
    assert isinstance(raised.value, UserError)


def test_a_file_for_another_sample_or_site(review_path):
    with pytest.raises(ReviewFileProblems) as raised:
        read_review_file(review_path, SAMPLE, sample_id=13, site=SITE)
    assert [str(p) for p in raised.value.problems] == [
        f"{review_path}:2: this row is for sample 12 of {SITE}, "
        f"but the file should be for sample 13 of {SITE}"
    ]
    with pytest.raises(ReviewFileProblems) as raised:
        read_review_file(review_path, SAMPLE, sample_id=12, site="https://www.anderegemeente.be/")
    assert [str(p) for p in raised.value.problems] == [
        f"{review_path}:2: this row is for sample 12 of {SITE}, "
        "but the file should be for sample 12 of https://www.anderegemeente.be/"
    ]


def test_missing_columns(review_path):
    rows = [
        {k: v for k, v in row.items() if k not in ("verdict", "sample")} for row in read_rows(review_path)
    ]
    write_rows(review_path, rows)
    assert problems_of(review_path) == [
        f"{review_path}:1: missing columns sample, verdict: a review file has sample, site, page_url, "
        "criterion, verdict, note (start one with `a11ycheck review start`)"
    ]


def test_not_utf8(review_path):
    rows = read_rows(review_path)
    rows[line_of(0, "1.3.1") - 2].update(
        verdict="failed", note="Koppen ontbreken op de pagina 'Gemeentehuis – café'"
    )
    write_rows(review_path, rows, encoding="cp1252")
    assert problems_of(review_path) == [
        f"{review_path}:{line_of(0, '1.3.1')}: not UTF-8 (byte 0x96): "
        "save the file as CSV UTF-8 and import it again"
    ]


def test_an_empty_file_and_a_missing_file(tmp_path):
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"\xef\xbb\xbf\r\n  \r\n")
    assert problems_of(empty) == [
        f"{empty}:1: the file is empty: "
        "expected a header with sample, site, page_url, criterion, verdict, note"
    ]
    with pytest.raises(UserError, match="cannot read the review file"):
        read_review_file(tmp_path / "nergens.csv", SAMPLE, sample_id=12, site=SITE)


def test_rows_left_empty_or_at_needs_review_are_not_tested(review_path):
    verdicts = read_review_file(review_path, SAMPLE, sample_id=12, site=SITE)
    by_key = {(v.page_url, v.criterion): v.verdict for v in verdicts}
    assert by_key[(CONTACT, "1.3.1")] is None  # needs-review as written
    assert by_key[(HOME, "1.4.3")] is None  # empty
    assert by_key[(HOME, "1.1.1")] == "failed"  # axe's failure, pre-filled and left as it was


def test_a_cell_too_large_for_a_csv_reader_is_a_problem_at_its_line(review_path):
    fill(review_path, {(0, "1.3.1"): {"verdict": "failed", "note": "x" * 140_000}})
    assert problems_of(review_path) == [
        f"{review_path}:{line_of(0, '1.3.1')}: "
        "not a readable CSV file: field larger than field limit (131072)"
    ]
