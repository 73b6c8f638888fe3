"""Per-word facts: syllables from the Dutch hyphenation dictionary, long words, rare words, names."""

import pytest

from a11ycheck.language import wordstats
from a11ycheck.language.wordstats import is_common, is_long, is_name, syllables


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("de", 1),
        ("gemeente", 3),
        ("Vergadering", 4),
        ("omgevingsvergunning", 6),
        ("afvalophaling", 5),  # the dictionary cuts "af-va-l-op-ha-ling": the vowel-less "l" is no syllable
        ("OCMW-raad", 2),  # an acronym without vowels counts as one
        ("geïnteresseerd", 5),
        ("o.a", 2),
        ("2de", 1),
        ("idee", 1),  # a limit of hyphenation dictionaries: no single letter at a word's edge
    ],
)
def test_syllables(word, count):
    assert syllables(word) == count


def test_long_words_have_three_syllables_or_more():
    assert [is_long(word) for word in ("afval", "gemeente", "burgemeester")] == [False, True, True]


def test_common_words_are_those_at_zipf_four_or_more():
    assert [is_common(word) for word in ("gemeente", "Afval", "kermis", "desgevallend")] == [
        True,
        True,
        False,  # Zipf 3.86
        False,
    ]
    assert is_common("e-mail") is True  # each part of a hyphenated word is looked up: "e" and "mail"
    assert is_common("pmd-zak") is False and is_common("zak-afval") is True


def test_names_are_capitalised_inside_a_sentence_or_acronyms():
    assert is_name("Peeters", first_in_sentence=False) is True
    assert is_name("Peeters", first_in_sentence=True) is False
    assert is_name("OCMW", first_in_sentence=True) is True
    assert is_name("afval", first_in_sentence=False) is False


def test_pyphens_own_cache_is_kept_within_bounds(monkeypatch):
    monkeypatch.setattr(wordstats, "_PYPHEN_CACHE_LIMIT", 10)
    for number in range(20):
        wordstats._run_syllables.cache_clear()
        syllables("testwoord" + "a" * number)
    wordstats.trim_caches()
    assert len(wordstats._hyphenator().hd.cache) == 0
