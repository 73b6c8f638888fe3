"""The WCAG 2.1 A/AA table every review and conformance table is built on."""

from a11ycheck.vocabulary.criteria import (
    CRITERION_NUMBERS,
    WCAG21_AA,
    criterion,
    criterion_by_slug,
    criterion_sort_key,
    is_criterion,
)


def test_fifty_criteria_thirty_a_twenty_aa_in_numeric_order():
    assert len(WCAG21_AA) == 50
    assert len(set(CRITERION_NUMBERS)) == 50
    assert sum(c.level == "A" for c in WCAG21_AA) == 30
    assert sum(c.level == "AA" for c in WCAG21_AA) == 20
    assert list(CRITERION_NUMBERS) == sorted(CRITERION_NUMBERS, key=criterion_sort_key)
    assert CRITERION_NUMBERS[0] == "1.1.1" and CRITERION_NUMBERS[-1] == "4.1.3"


def test_the_twelve_criteria_new_in_21_at_a_and_aa():
    new = sorted((c.number for c in WCAG21_AA if c.version == "2.1"), key=criterion_sort_key)
    assert new == [
        "1.3.4", "1.3.5", "1.4.10", "1.4.11", "1.4.12", "1.4.13", "2.1.4",
        "2.5.1", "2.5.2", "2.5.3", "2.5.4", "4.1.3",
    ]  # fmt: skip
    assert {c.version for c in WCAG21_AA} == {"2.0", "2.1"}


def test_lookup_names_and_levels():
    contrast = criterion("1.4.3")
    assert (contrast.level, contrast.name_en, contrast.name_nl) == (
        "AA",
        "Contrast (Minimum)",
        "Contrast (minimum)",
    )
    assert contrast.label("nl") == "1.4.3 Contrast (minimum)"
    assert contrast.label("en") == "1.4.3 Contrast (Minimum)"
    assert contrast.principle == 1
    assert criterion("4.1.1").name_nl == "Parsen" and criterion("4.1.1").level == "A"
    assert criterion("2.1.4").name_nl == "Enkel teken sneltoetsen"
    assert criterion("3.3.4").slug == "error-prevention-legal-financial-data"
    assert criterion_by_slug("contrast-minimum") is contrast
    assert criterion_by_slug("contrast-enhanced") is None  # AAA
    assert len({c.slug for c in WCAG21_AA}) == 50


def test_unknown_and_out_of_scope_numbers_are_not_criteria():
    for number in ("1.4.99", "2.4.9", "1.4.6", "2.5.8", "1.4.03", " 1.4.3", "SC 1.4.3", "", None, 143):
        assert criterion(number) is None
        assert not is_criterion(number)
    assert is_criterion("1.4.10")
