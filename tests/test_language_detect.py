"""The text's language: the declared `lang`, normalised, checked by the detector."""

import pytest

from a11ycheck.language.detect import choose_language, detect_language, normalise_lang

DUTCH = "Wij halen uw afval op maandag op. Zet de zak buiten voor zeven uur. Bedankt voor uw hulp."
ENGLISH = "We collect your waste on Monday. Please put the bag outside before seven. Thank you for helping."
FRENCH = "Nous collectons vos déchets le lundi. Mettez le sac dehors avant sept heures. Merci de votre aide."
SWEDISH = "Vi hämtar ditt avfall på måndag. Ställ ut påsen före klockan sju på morgonen. Tack för hjälpen."


@pytest.mark.parametrize(
    ("tag", "lang"),
    [
        ("nl", "nl"),
        ("nl-BE", "nl"),
        ("NL", "nl"),
        ("nl_BE", "nl"),
        ("nld", "nl"),
        ("dut", "nl"),
        (" fr-be ", "fr"),
        ("en-GB", "en"),
        ("", None),
        ("   ", None),
        (None, None),
        ("x-klingon", None),
        ("123", None),
        ("n" * 40, None),
        ("nl-" + "a" * 300, None),
    ],
)
def test_normalise_lang(tag, lang):
    assert normalise_lang(tag) == lang


def test_detection():
    assert detect_language(DUTCH)[0] == "nl"
    assert detect_language(ENGLISH)[0] == "en"
    assert detect_language(FRENCH)[0] == "fr"
    assert detect_language("Afval") == (None, 0.0)  # too few letters to tell
    assert detect_language("1.250,50 — 12/03/2024 " * 20) == (None, 0.0)


def test_declared_and_detected_agree():
    choice = choose_language(DUTCH, "nl-BE")
    assert (choice.lang, choice.declared, choice.detected, choice.source) == ("nl", "nl", "nl", "declared")


def test_missing_lang_is_detected():
    choice = choose_language(FRENCH, None)
    assert (choice.lang, choice.declared, choice.detected, choice.source) == ("fr", None, "fr", "detected")


def test_a_wrong_lang_is_overruled_when_the_detector_is_sure():
    assert choose_language(DUTCH, "en").lang == "nl"
    assert choose_language(ENGLISH, "nl").lang == "en"


def test_too_little_text_keeps_the_declared_lang():
    choice = choose_language("Afval", "nl")
    assert (choice.lang, choice.detected, choice.source) == ("nl", None, "declared")
    assert choose_language("Afval", None).lang is None


def test_a_declared_language_the_detector_does_not_know_stands():
    # Swedish is not among the detector's languages: whatever it guesses, it cannot say "sv".
    choice = choose_language(SWEDISH, "sv")
    assert choice.lang == "sv" and choice.detected != "sv"


def test_an_unsure_disagreement_is_no_language():
    # Names only: the detector leans to French (0.78 against Italian) without being sure, so the text is not
    # taken for the declared Dutch on a guess, nor for French.
    text = "Bistro Louis, Place Royale 12, Bruxelles en Gent centrum"
    assert detect_language(text)[0] == "fr" and detect_language(text)[1] < 0.9
    choice = choose_language(text, "nl")
    assert (choice.lang, choice.declared, choice.detected, choice.source) == (None, "nl", "fr", None)


def test_without_lang_a_leaning_detector_decides_and_a_wavering_one_does_not():
    assert choose_language("Bistro Louis, Place Royale 12, Bruxelles en Gent centrum", None).lang == "fr"
    text = "Info Contact Home Nieuws Agenda Login Menu Search"  # Dutch 0.68, French 0.32
    assert choose_language(text, None).lang == "nl"
    wavering = "Taxi Hotel Radio Cola Pizza Pasta Salsa Tapas Sushi Kebab"  # Romanian 0.48, English 0.24...
    choice = choose_language(wavering, None)
    assert (choice.lang, choice.detected, choice.source) == (None, "ro", None)
