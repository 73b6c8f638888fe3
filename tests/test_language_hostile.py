"""Bad input from crawled pages and files: mojibake, control characters, enormous text, endless sentences,
payloads of the wrong shape. Never a crash, never a hang, never a figure that cannot be measured honestly."""

import time

import pytest

from a11ycheck.language import PageText, TextBlock, page_text_from_payload, score_text
from a11ycheck.language.blocks import MAX_BLOCKS, MAX_CHARS
from a11ycheck.language.score import MAX_WORDS

SHORT = "De gemeente haalt het afval op maandag op. Zet uw zak buiten voor zeven uur."  # 8 + 7 words


def test_mojibake_and_invisible_characters_are_repaired_before_counting():
    text = (
        "Voor Ã©Ã©n aanvraag betaalt u â‚¬ 25 aan het loket.\x07 "
        "De omgevings\u00advergunning\u200b komt binnen dertig dagen.\x00"
    )
    score = score_text(text, "nl")
    assert score.longest_sentences == (
        "Voor één aanvraag betaalt u € 25 aan het loket.",
        "De omgevingsvergunning komt binnen dertig dagen.",
    )
    # Voor(1) één(1) aanvraag(2) betaalt(2) u(1) aan(1) het(1) loket(2) | De(1) omgevingsvergunning(6) komt(1)
    # binnen(2) dertig(2) dagen(2)
    assert (score.words, score.sentences, score.syllables) == (14, 2, 25)


def test_an_enormous_text_is_scored_up_to_the_cap():
    text = " ".join([SHORT] * 1700)  # 25,500 words
    started = time.monotonic()
    score = score_text(text, "nl")
    assert time.monotonic() - started < 10
    # Whole sentences are taken while they fit: 1,333 times 15 words, then the next 8 would pass 20,000.
    assert score.words == 19_995 and score.sentences == 2 * 1333
    assert score.truncated is True
    assert score.level == "A2"


def test_text_beyond_the_character_cap_is_cut():
    text = "Afval.\n\n" + ("x" * 100 + " ") * (MAX_CHARS // 100)
    score = score_text(text, "nl")
    assert score.truncated is True


def test_one_endless_sentence_is_scored_up_to_the_cap():
    score = score_text("woord " * 50_000, "nl")
    assert (score.words, score.sentences, score.long_sentences) == (MAX_WORDS, 1, 1.0)
    assert score.truncated is True
    assert len(score.longest_sentences[0]) <= 302


@pytest.mark.parametrize(
    "text",
    [
        bytes(range(256)).decode("latin-1"),
        "🙂" * 5000,
        "مرحبا بكم في موقع البلدية. يتم جمع النفايات يوم الاثنين.",
        "\ud800 ongepaarde surrogaat",
        "a" * 100_000,
        "." * 100_000,
        "<script>alert(1)</script> {color: red;} " * 100,
    ],
    ids=["all-bytes", "emoji", "arabic", "surrogate", "one-long-token", "periods", "markup"],
)
def test_odd_text_never_crashes_and_gets_no_level(text):
    score = score_text(text, "nl")
    assert score.level is None
    assert score.to_dict()["level"] is None


def test_a_flood_of_abbreviations_is_one_long_sentence_quickly():
    started = time.monotonic()
    score = score_text("De dienst is open bij dhr. " * 6_000, "nl")  # "dhr." never ends a sentence
    assert time.monotonic() - started < 5
    assert (score.words, score.sentences) == (MAX_WORDS, 1)


def test_blocks_of_the_wrong_type_are_ignored():
    blocks = [TextBlock("paragraph", SHORT), "een string", None, TextBlock("paragraph", 12345), 7]
    score = score_text(blocks, "nl")  # type: ignore[arg-type]
    assert (score.words, score.sentences) == (15, 2)


def test_a_garbage_lang_is_no_language():
    score = score_text(SHORT, "<script>alert(1)</script>")
    assert (score.lang_declared, score.lang) == (None, "nl")


@pytest.mark.parametrize("payload", [None, [], "blocks", 42, {"blocks": "x"}, {"blocks": None, "lang": 5}])
def test_a_payload_of_the_wrong_shape_is_an_empty_page(payload):
    assert page_text_from_payload(payload) == PageText(blocks=())


def test_a_payload_is_taken_field_by_field():
    page = page_text_from_payload(
        {
            "lang": "nl-BE",
            "region": "main",
            "blocks": [
                1,
                None,
                {"kind": 5, "text": 7},
                {"kind": "heading", "text": "Afval"},
                {"kind": "sidebar", "text": "Onbekende soort"},
                {"kind": "paragraph", "text": "   "},
                {"text": SHORT},
            ],
            "truncated": "yes",
        }
    )
    assert page == PageText(
        blocks=(
            TextBlock("heading", "Afval"),
            TextBlock("other", "Onbekende soort"),
            TextBlock("other", SHORT),
        ),
        lang="nl-BE",
        region="main",
        truncated=False,
    )


def test_a_payload_is_capped_in_blocks_and_characters():
    many = page_text_from_payload({"blocks": [{"kind": "other", "text": "Ja."}] * (MAX_BLOCKS + 5)})
    assert len(many.blocks) == MAX_BLOCKS
    huge = page_text_from_payload({"blocks": [{"kind": "paragraph", "text": "x" * 150_000}] * 3})
    assert [len(block.text) for block in huge.blocks] == [150_000, MAX_CHARS - 150_000]
    assert huge.truncated is True
