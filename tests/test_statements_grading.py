"""The grade A to E and its problems, from a reading and a day (no clock), and the export's object."""

from dataclasses import replace
from datetime import date

import pytest

from a11ycheck.statements import SENTENCES, StatementReading, assess_statement, grade_statement
from a11ycheck.statements.grading import months_before

TODAY = date(2026, 3, 1)
COMPLETE = StatementReading(
    url="https://www.lindeveld.be/toegankelijkheidsverklaring",
    is_statement=True,
    status="full",
    standard="WCAG 2.1 AA",
    prepared_on=date(2020, 9, 22),
    reviewed_on=date(2025, 10, 14),
    method="self-assessment",
    feedback=("mailto:toegankelijkheid@lindeveld.be",),
    enforcement=True,
    non_accessible_content=False,
)
LISTED = dict(non_accessible_content=True, reasons_given=True, alternatives=True)


def _grade(reading: StatementReading, linked_from_home: bool | None = True) -> tuple[str, list[str]]:
    graded = grade_statement(reading, TODAY, linked_from_home)
    return graded.grade, [found.code for found in graded.problems]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, ("A", [])),
        ({"status": "partial", **LISTED}, ("B", [])),
        ({"status": "none", **LISTED}, ("D", [])),
        ({"reviewed_on": date(2024, 1, 5)}, ("B", ["not-reviewed-12-months"])),
        ({"status": "partial"}, ("C", ["no-non-accessible-content"])),
        ({"status": "unknown", **LISTED}, ("C", ["no-status"])),
        ({"feedback": ()}, ("C", ["no-feedback"])),
        ({"enforcement": False}, ("C", ["no-enforcement"])),
        ({"feedback": (), "enforcement": False}, ("D", ["no-feedback", "no-enforcement"])),
        (
            {"status": "unknown", "feedback": (), "enforcement": False},
            ("E", ["no-status", "no-non-accessible-content", "no-feedback", "no-enforcement"]),
        ),
        ({"prepared_on": None, "reviewed_on": None}, ("B", ["no-dates"])),
        ({"reviewed_on": date(2027, 1, 1)}, ("B", ["date-in-future"])),
        ({"non_accessible_content": True}, ("C", ["no-reasons", "no-alternatives"])),
        (
            {"status": "partial", "non_accessible_content": True, "reasons_given": True, "reviewed_on": None},
            ("C", ["not-reviewed-12-months", "no-alternatives"]),
        ),
    ],
)
def test_grade_is_the_worst_of_status_minimum_content_and_upkeep(changes, expected):
    assert _grade(replace(COMPLETE, **changes)) == expected


def test_not_linked_from_home_counts_and_unknown_placement_does_not():
    assert _grade(COMPLETE, linked_from_home=False) == ("B", ["not-linked-from-home"])
    graded = grade_statement(COMPLETE, TODAY, None)
    assert (graded.grade, graded.problems, [note.code for note in graded.notes]) == (
        "A",
        (),
        ["link-placement-unknown"],
    )


def test_a_page_that_is_not_a_statement_is_graded_e_with_the_reason():
    reading = StatementReading(
        url="https://www.lindeveld.be/zoeken?q=toegankelijkheid",
        is_statement=False,
        problems=("not-a-statement", "search-results-page"),
    )
    graded = grade_statement(reading, TODAY, True)
    assert (graded.grade, [found.english for found in graded.problems]) == (
        "E",
        [
            "This page is not an accessibility statement.",
            "It is a page of search results, not the statement itself.",
        ],
    )


def test_review_is_due_after_twelve_calendar_months_to_the_day():
    assert _grade(replace(COMPLETE, reviewed_on=date(2025, 3, 1))) == ("A", [])
    assert _grade(replace(COMPLETE, reviewed_on=date(2025, 2, 28))) == ("B", ["not-reviewed-12-months"])
    assert months_before(date(2025, 2, 28), 12) == date(2024, 2, 28)
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert months_before(date(2026, 1, 31), 13) == date(2024, 12, 31)


def test_a_month_without_a_day_counts_as_its_last_day_and_is_a_date():
    reading = replace(COMPLETE, prepared_on=None, reviewed_on=None, reviewed_month="2025-03")
    assert _grade(reading) == ("A", [])
    assert _grade(replace(reading, reviewed_month="2025-02")) == ("B", ["not-reviewed-12-months"])


def test_problem_sentences_name_the_date_in_both_languages():
    graded = grade_statement(replace(COMPLETE, reviewed_on=date(2024, 1, 5)), TODAY, True)
    (found,) = graded.problems
    assert (found.english, found.dutch) == (
        "The statement was last reviewed more than 12 months ago (2024-01-05).",
        "De verklaring werd langer dan 12 maanden geleden voor het laatst herzien (2024-01-05).",
    )


def test_every_problem_code_has_an_english_and_a_dutch_sentence():
    assert all(english and dutch and english != dutch for english, dutch in SENTENCES.values())
    assert len(SENTENCES) == 19  # with unreachable-page, which only the crawl's statement search gives


def test_to_dict_is_exactly_the_issues_object():
    assessment = assess_statement(replace(COMPLETE, enforcement=False), TODAY, linked_from_home=True)
    assert assessment.to_dict() == {
        "url": "https://www.lindeveld.be/toegankelijkheidsverklaring",
        "is_statement": True,
        "status": "full",
        "standard": "WCAG 2.1 AA",
        "prepared_on": "2020-09-22",
        "reviewed_on": "2025-10-14",
        "method": "self-assessment",
        "feedback": ["mailto:toegankelijkheid@lindeveld.be"],
        "enforcement": False,
        "non_accessible_content": False,
        "linked_from_home": True,
        "grade": "C",
        "problems": [
            "The statement does not say where to complain (complaint procedure, Vlaamse Ombudsdienst)."
        ],
    }


def test_details_are_kept_under_one_separate_key():
    assessment = assess_statement(replace(COMPLETE, non_accessible_criteria=("1.1.1",)), TODAY, None)
    exported = assessment.to_dict(details=True)
    assert set(exported) - set(assessment.to_dict()) == {"details"}
    details = exported["details"]
    assert (details["non_accessible_criteria"], details["notes"], exported["linked_from_home"]) == (
        ["1.1.1"],
        [SENTENCES["link-placement-unknown"][0]],
        None,
    )
