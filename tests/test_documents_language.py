"""The language check's BCP 47 validation: well formed exactly as written, and registered."""

import pytest

from a11ycheck.documents.language_tags import language_tag_problem


@pytest.mark.parametrize(
    "tag",
    [
        "nl",
        "nl-BE",
        "NL-be",
        "fr-BE",
        "de-DE-1996",
        "sr-Latn-RS",
        "en-GB-oed",
        "nl-BE-x-gent",
        "nl\x00",
        " nl ",
    ],
)
def test_valid_tags(tag):
    assert language_tag_problem(tag) is None


@pytest.mark.parametrize(
    ("tag", "problem"),
    [
        ("nl_BE", '"nl_BE" is not a valid BCP 47 language tag (like nl or nl-BE)'),
        ("Nederlands", '"Nederlands" is not a valid BCP 47 language tag (like nl or nl-BE)'),
        ("nl--BE", '"nl--BE" is not a valid BCP 47 language tag (like nl or nl-BE)'),
        ("xx", '"xx" is not a registered BCP 47 language tag (like nl or nl-BE)'),
        ("nl-Xxxx", '"nl-Xxxx" is not a registered BCP 47 language tag (like nl or nl-BE)'),
        ("nl-BE-BE", '"nl-BE-BE" is not a valid BCP 47 language tag (like nl or nl-BE)'),
        ("und", '"und" names no language'),
        ("zxx", '"zxx" names no language'),
        ("", "the language is empty"),
        (None, "no language is set"),
    ],
)
def test_invalid_tags_say_why(tag, problem):
    assert language_tag_problem(tag) == problem


def test_a_hostile_tag_is_shown_short_and_printable():
    shown = "nl?BE" + "x" * 32 + "..."  # 40 characters at most
    assert language_tag_problem("nl\nBE" + "x" * 200) == (
        f'"{shown}" is not a valid BCP 47 language tag (like nl or nl-BE)'
    )
