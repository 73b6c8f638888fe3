"""Scoring Dutch text: figures counted by hand, running text against headings, lists and cells, the export's
`language` object, the longest sentences, and what is not scored (other languages, too little text)."""

from pathlib import Path

import pytest

from a11ycheck.language import PageText, TextBlock, score_text

TEXTS = Path(__file__).parent / "language_texts"

# De(1) gemeente(3) haalt(1) het(1) afval(2) op(1) maandag(2) op(1) | Zet(1) uw(1) zak(1) buiten(2) voor(1)
# zeven(2) uur(1): 15 words, 2 sentences, 21 syllables, one word of 3 syllables (gemeente), none rare.
SHORT = "De gemeente haalt het afval op maandag op. Zet uw zak buiten voor zeven uur."


def test_a_short_text_counted_by_hand():
    score = score_text(SHORT, "nl-BE")
    assert (score.lang, score.words, score.sentences, score.syllables) == ("nl", 15, 2, 21)
    assert score.avg_sentence_length == 7.5
    # 206.84 - 0.77 x (100 x 21 / 15) - 0.93 x 7.5 = 206.84 - 107.8 - 6.975 = 92.065
    assert score.flesch_douma == 92.1
    assert score.flesch_douma_band == "zeer gemakkelijk"
    assert score.long_words == round(1 / 15, 3) == 0.067
    assert score.long_sentences == 0.0
    assert score.rare_words == 0.0
    assert score.level is None and score.no_level_reason == "too-short"


def test_rare_and_long_words_leave_names_out_of_rarity():
    # Rare (Zipf below 4 in wordfreq's Dutch list): kermis, desgevallend, verleent, omgevingsvergunning.
    # Peeters is a name (a capital inside the sentence) and is left out of the rarity count: 4 of 12.
    # Long (3+ syllables): burgemeester, desgevallend, college, omgevingsvergunning: 4 of 13.
    score = score_text(
        "De burgemeester opende de kermis. "
        "Desgevallend verleent het college een omgevingsvergunning aan Peeters.",
        "nl",
    )
    assert (score.words, score.sentences, score.syllables) == (13, 2, 30)
    assert score.rare_words == 0.333
    assert score.long_words == 0.308


def test_long_sentences_are_those_over_twenty_words():
    twenty = (
        "Wie een premie wil aanvragen voor het isoleren van het dak "
        "moet de facturen en foto's bij de aanvraag voegen."
    )
    twenty_one = twenty.replace("en foto's", "en de foto's")
    score = score_text(f"{twenty} {twenty_one} Dat is alles.", "nl")
    assert score.words == 20 + 21 + 3
    assert score.sentences == 3
    assert score.long_sentences == round(1 / 3, 3)
    assert score.longest_sentences == (twenty_one, twenty, "Dat is alles.")


def test_headings_short_list_items_and_cells_are_not_running_text():
    blocks = [
        TextBlock("heading", "Afval sorteren"),
        TextBlock("paragraph", SHORT),
        TextBlock("list-item", "Glas"),
        TextBlock("list-item", "Papier en karton"),
        TextBlock("list-item", "Zet de container aan de straat."),  # a sentence: running text
        TextBlock("cell", "maandag"),
        TextBlock("cell", "Restafval gaat om de twee weken mee."),  # a sentence: running text
        TextBlock("other", "Deel deze pagina"),
        TextBlock("other", "Laatst bijgewerkt op 3 maart 2025"),
    ]
    score = score_text(blocks, "nl")
    assert (score.words, score.sentences, score.syllables) == (15 + 6 + 7, 4, 21 + 8 + 10)
    # Afval sorteren (2), Glas (1), Papier en karton (3), maandag (1), Deel deze pagina (3),
    # Laatst bijgewerkt op 3 maart 2025 (4: the number is no word)
    assert score.fragment_words == 14


def test_a_block_without_sentence_marks_is_running_text_from_twelve_words():
    eleven = "Inwoners die verhuizen melden hun nieuwe adres binnen de acht dagen"
    twelve = eleven + " zelf"
    assert score_text([TextBlock("list-item", eleven)], "nl").fragment_words == 11
    assert score_text([TextBlock("list-item", twelve)], "nl").sentences == 1
    assert score_text([TextBlock("heading", twelve + " vandaag.")], "nl").words == 0


def test_blank_lines_and_line_breaks():
    text = (
        "Afval\n\nDe gemeente haalt het afval op maandag op\nZet uw zak buiten voor zeven uur.\n\n"
        "Bedankt voor uw hulp."
    )
    score = score_text(text, "nl")
    # "Afval" is a title; a single line break joins lines, a blank line ends a paragraph (and its sentence).
    assert score.fragment_words == 1
    assert score.sentences == 2
    assert (
        score.longest_sentences[0]
        == "De gemeente haalt het afval op maandag op Zet uw zak buiten voor zeven uur."
    )


def test_to_dict_is_the_exports_language_object_with_extras_after_it():
    data = score_text(SHORT, "nl").to_dict()
    assert list(data)[:7] == [
        "lang",
        "words",
        "sentences",
        "flesch_douma",
        "long_sentences",
        "rare_words",
        "level",
    ]
    assert data == {
        "lang": "nl",
        "words": 15,
        "sentences": 2,
        "flesch_douma": 92.1,
        "long_sentences": 0.0,
        "rare_words": 0.0,
        "level": None,
        "avg_sentence_length": 7.5,
        "long_words": 0.067,
        "flesch_douma_band": "zeer gemakkelijk",
        "no_level_reason": "too-short",
        "lang_declared": "nl",
        "lang_detected": "nl",
        "fragment_words": 0,
        "truncated": False,
    }


def test_a_b1_news_item_gets_its_level_and_quotes():
    score = score_text((TEXTS / "b1_nieuws_restafval.txt").read_text(encoding="utf-8"), "nl")
    assert score.level == "B1" and score.no_level_reason is None
    assert score.words >= 100
    assert score.longest_sentences[0] == (
        "Uit cijfers van vorig jaar blijkt dat bijna de helft van wat in de restafvalzak zit, eigenlijk in "
        "de gft-bak of de pmd-zak hoort."
    )
    assert len(score.longest_sentences) == 3


def test_a_long_sentence_is_quoted_cut_at_a_word():
    regulation = (TEXTS / "c1_subsidiereglement.txt").read_text(encoding="utf-8")
    quote = score_text(regulation, "nl").longest_sentences[0]
    assert quote.startswith("Om in aanmerking te komen voor de toelage dient de aanvrager")
    assert quote.endswith(" …") and len(quote) <= 302
    assert quote[:-2] in regulation


def test_an_english_page_is_recorded_as_english_without_figures():
    english = (
        "Waste collection changes from March. From the first of March, the municipality collects residual "
        "waste every two weeks instead of every week. Sort your waste well and you will pay less. The new "
        "collection days are on the waste calendar, which you will find in your letterbox in February."
    )
    score = score_text(english, "en")
    assert score.lang == "en" and score.lang_detected == "en"
    assert (score.words, score.sentences, score.flesch_douma, score.level) == (None, None, None, None)
    assert score.no_level_reason == "not-dutch"
    assert not score.scored
    assert score.to_dict()["lang"] == "en"


def test_dutch_text_declared_english_is_scored_as_dutch():
    text = (TEXTS / "a2_verhuizen.txt").read_text(encoding="utf-8")
    score = score_text(text, "en")
    assert (score.lang, score.lang_declared, score.lang_detected) == ("nl", "en", "nl")
    assert score.level == "A2"


def test_the_extractors_lang_is_used_when_none_is_given():
    page = PageText(blocks=(TextBlock("paragraph", SHORT),), lang="nl-BE", region="main")
    score = score_text(page)
    assert score.lang_declared == "nl" and score.words == 15


def test_a_page_of_navigation_only_gets_no_level():
    menu = ["Home", "Wonen en verhuizen", "Afval", "Vrije tijd", "Bestuur", "Contact", "Zoeken", "Menu"]
    blocks = [TextBlock("list-item", item) for item in menu] + [TextBlock("other", "Gemeente Voorbeeld")]
    score = score_text(blocks, "nl")
    assert (score.lang, score.words, score.sentences) == ("nl", 0, 0)
    assert score.flesch_douma is None and score.level is None
    assert score.no_level_reason == "too-short"
    assert score.fragment_words == 11 + 2


def test_a_page_of_lists_and_tables_only_gets_no_level():
    streets = ["Kerkstraat", "Molenlaan", "Stationsstraat", "Hoogstraat", "Marktplein", "Dorpsstraat"]
    days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]
    blocks = [TextBlock("heading", "Ophaaldagen per straat")]
    for street in streets:
        for day in days:
            blocks += [TextBlock("cell", street), TextBlock("cell", f"{day} restafval en pmd")]
    score = score_text(blocks, "nl")
    assert score.lang == "nl"
    assert score.words == 0 and score.level is None
    assert score.fragment_words == 3 + 30 * (1 + 4)
    assert score.no_level_reason == "too-little-running-text"


def test_under_a_hundred_words_gets_figures_but_no_level():
    text = " ".join([SHORT] * 6)  # 90 words
    score = score_text(text, "nl")
    assert score.words == 90 and score.flesch_douma == 92.1
    assert score.level is None and score.no_level_reason == "too-short"
    assert score_text(" ".join([SHORT] * 7), "nl").level == "A2"  # 105 words


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\x00\x01\x02"])
def test_no_text(text):
    score = score_text(text, "nl")
    assert (score.lang, score.words, score.level, score.no_level_reason) == ("nl", None, None, "no-text")
