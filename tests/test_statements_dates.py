"""Dates as statements write them: read strictly, and placed as preparation or review date by their words."""

from datetime import date

import pytest

from a11ycheck.statements import parse_date, read_statement
from a11ycheck.statements.dates import find_dates
from a11ycheck.statements.folding import fold


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("22 september 2020", date(2020, 9, 22)),
        ("14-09-2020", date(2020, 9, 14)),
        ("14/09/2020", date(2020, 9, 14)),
        ("14.09.2020", date(2020, 9, 14)),
        ("2020-09-14", date(2020, 9, 14)),
        ("22 septembre 2020", date(2020, 9, 22)),
        ("1er mars 2021", date(2021, 3, 1)),
        ("22 September 2020", date(2020, 9, 22)),
        ("September 22, 2020", date(2020, 9, 22)),
        ("22nd of September 2020", date(2020, 9, 22)),
        ("22. September 2020", date(2020, 9, 22)),
        ("3. März 2025", date(2025, 3, 3)),
        ("1 août 2022", date(2022, 8, 1)),
        ("5 déc. 2023", date(2023, 12, 5)),
        ("3 mrt 2024", date(2024, 3, 3)),
        ("Sept. 3, 2021", date(2021, 9, 3)),
        ("29 februari 2024", date(2024, 2, 29)),
        ("1/2/2021", date(2021, 2, 1)),  # day first, as in Belgium
    ],
)
def test_written_dates_are_read(written, expected):
    assert parse_date(written) == expected


@pytest.mark.parametrize(
    "written",
    [
        "31 februari 2021",  # does not exist: None, never 28 februari or 3 maart
        "29 februari 2023",
        "31/04/2022",
        "09/14/2020",  # month first is not read, even when the day cannot be a month
        "14/09/20",  # two-digit years are not read
        "september 2020",  # a month without a day is not a day
        "22 september 1850",  # no statement is that old
        "",
        "binnenkort",
        "22 september 2020 en 3 maart 2021",  # two dates are not one
    ],
)
def test_what_is_not_one_existing_date_is_none(written):
    assert parse_date(written) is None


def test_a_month_without_a_day_is_kept_as_a_month():
    (mention,) = find_dates(fold("Deze verklaring werd herzien in mei 2023."))
    assert (mention.value, mention.month, mention.does_not_exist) == (None, (2023, 5), False)


def test_version_numbers_and_criteria_are_not_dates():
    assert find_dates(fold("WCAG 2.1, EN 301 549 v3.2.1 en succescriterium 1.4.10")) == []


def _statement(preparation: str, extra: str = "") -> str:
    return f"""<html lang="nl"><head><title>Toegankelijkheidsverklaring</title></head><body><main>
    <h1>Toegankelijkheidsverklaring</h1>
    <h2>Nalevingsstatus</h2><p>Deze website is gedeeltelijk in overeenstemming met WCAG 2.1 niveau AA.</p>
    <h2>Niet-toegankelijke inhoud</h2><ul><li>De agenda wordt tegen 31 december 2026 aangepast aan het
    toetsenbord.</li></ul>
    <h2>Opstelling van deze verklaring</h2>{preparation}
    <h2>Feedback en contactgegevens</h2><p>Mail naar <a href="mailto:web@gemeente.be">web@gemeente.be</a>.
    We antwoorden ten laatste op 10 januari 2026.</p>
    <h2>Handhavingsprocedure</h2><p>Daarna kunt u terecht bij de Vlaamse Ombudsdienst.</p>{extra}
    </main></body></html>"""


def _dates(preparation: str, extra: str = "") -> tuple[date | None, date | None]:
    reading = read_statement(
        _statement(preparation, extra), "https://www.gemeente.be/toegankelijkheidsverklaring"
    )
    assert reading.is_statement
    return reading.prepared_on, reading.reviewed_on


def test_preparation_and_review_dates_come_from_the_words_before_them():
    assert _dates(
        "<p>Deze verklaring werd opgesteld op 22 september 2020 en laatst herzien op 14-10-2025.</p>"
    ) == (
        date(2020, 9, 22),
        date(2025, 10, 14),
    )


def test_german_puts_the_verb_after_the_date():
    german = (
        "<p>Diese Erklärung wurde am 22. September 2020 erstellt und zuletzt am 3. März 2025 überprüft.</p>"
    )
    assert _dates(german) == (date(2020, 9, 22), date(2025, 3, 3))


def test_the_latest_review_date_counts():
    text = "<p>Opgesteld op 3 maart 2021.</p><p>Herzien op 1 april 2023 en opnieuw herzien op 2 mei 2025.</p>"
    assert _dates(text) == (date(2021, 3, 3), date(2025, 5, 2))


def test_dates_of_an_audit_of_fixes_or_of_answers_are_not_the_statements():
    text = "<p>Laatste audit: 3 mei 2024.</p><p>Deze verklaring werd opgesteld op 5 juni 2024.</p>"
    assert _dates(text) == (date(2024, 6, 5), None)


def test_a_date_without_words_that_place_it_is_not_read():
    assert _dates("<p>Deze verklaring dateert van 22 september 2020.</p>") == (None, None)


def test_a_date_that_does_not_exist_is_none_and_reported_apart():
    reading = read_statement(
        _statement("<p>Deze verklaring werd opgesteld op 31 februari 2021.</p>"),
        "https://www.gemeente.be/toegankelijkheidsverklaring",
    )
    assert (reading.prepared_on, reading.dates_that_do_not_exist) == (None, ("31 februari 2021",))


def test_a_month_without_a_day_is_read_as_a_month_only():
    reading = read_statement(
        _statement("<p>Deze verklaring werd opgesteld in september 2020.</p>"),
        "https://www.gemeente.be/toegankelijkheidsverklaring",
    )
    assert (reading.prepared_on, reading.prepared_month) == (None, "2020-09")


def test_generator_class_names_come_before_sentences():
    markup = (
        '<p>Gemaakt op <span class="statement-created-date">3 maart 2023</span>, herzien op '
        '<span class="statement-renewal-date">12 maart 2025</span>.</p>'
    )
    assert _dates("<p>Deze verklaring werd opgesteld op 1 januari 2022.</p>", markup) == (
        date(2023, 3, 3),
        date(2025, 3, 12),
    )
