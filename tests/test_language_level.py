"""The estimated CEFR level, on Dutch texts of known level written for these tests (tests/language_texts/):
three or more per level used to set the thresholds, and one per level written afterwards and never tuned on
(holdout/). Douma's bands and the vote between the five measures."""

from pathlib import Path

import pytest

from a11ycheck.language import score_text
from a11ycheck.language.level import LEVELS, THRESHOLDS, douma_band, estimate_level, level_votes

TEXTS = Path(__file__).parent / "language_texts"
CALIBRATION = sorted(TEXTS.glob("*.txt"))
HOLDOUT = sorted((TEXTS / "holdout").glob("*.txt"))


def known_level(path: Path) -> str:
    return path.stem.split("_", 1)[0].upper()


def test_there_are_at_least_three_calibration_texts_per_level_of_a_hundred_words():
    per_level = {level: [p for p in CALIBRATION if known_level(p) == level] for level in LEVELS}
    assert {level: len(paths) >= 3 for level, paths in per_level.items()} == dict.fromkeys(LEVELS, True)
    assert {known_level(p) for p in HOLDOUT} == set(LEVELS)
    for path in CALIBRATION + HOLDOUT:
        assert score_text(path.read_text(encoding="utf-8"), "nl").words >= 100, path.name


@pytest.mark.parametrize("path", CALIBRATION + HOLDOUT, ids=lambda path: path.stem)
def test_each_text_gets_its_known_level(path):
    score = score_text(path.read_text(encoding="utf-8"), "nl")
    assert score.level == known_level(path)


def test_a_plain_news_item_and_a_regulation_order_as_a_reader_would():
    news = score_text((TEXTS / "b1_nieuws_restafval.txt").read_text(encoding="utf-8"), "nl")
    regulation = score_text((TEXTS / "c1_retributiereglement.txt").read_text(encoding="utf-8"), "nl")
    assert LEVELS.index(news.level) < LEVELS.index(regulation.level)
    assert news.flesch_douma > regulation.flesch_douma
    assert news.avg_sentence_length < regulation.avg_sentence_length
    assert news.rare_words < regulation.rare_words


def test_every_measure_orders_the_levels_on_average():
    scores = {level: [] for level in LEVELS}
    for path in CALIBRATION:
        scores[known_level(path)].append(score_text(path.read_text(encoding="utf-8"), "nl"))

    def mean(level, name):
        return sum(getattr(score, name) for score in scores[level]) / len(scores[level])

    for name in ("avg_sentence_length", "long_sentences", "long_words", "rare_words"):
        means = [mean(level, name) for level in LEVELS]
        assert means == sorted(means), name
    flesch = [mean(level, "flesch_douma") for level in LEVELS]
    assert flesch == sorted(flesch, reverse=True)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (100.0, "zeer gemakkelijk"),
        (90.0, "zeer gemakkelijk"),
        (89.9, "gemakkelijk"),
        (70.0, "tamelijk gemakkelijk"),
        (60.0, "normaal"),
        (59.9, "tamelijk moeilijk"),
        (45.0, "tamelijk moeilijk"),
        (30.0, "moeilijk"),
        (29.9, "zeer moeilijk"),
        (-12.0, "zeer moeilijk"),
        (None, None),
    ],
)
def test_douma_bands(score, band):
    assert douma_band(score) == band


def test_the_level_is_the_median_of_five_votes():
    # avg sentence length 10 (B1), long sentences 0.3 (B2), Flesch-Douma 95 (A2), long words 0.35 (C1),
    # rare words 0.10 (B1): sorted A2 B1 B1 B2 C1, median B1.
    assert level_votes(10, 0.3, 95, 0.35, 0.10) == ("B1", "B2", "A2", "C1", "B1")
    assert estimate_level(10, 0.3, 95, 0.35, 0.10) == "B1"
    assert estimate_level(25, 0.6, 20, 0.35, 0.25) == "C1"
    assert estimate_level(6, 0.0, 95, 0.05, 0.03) == "A2"


def test_a_value_on_a_threshold_votes_for_the_easier_level():
    low, middle, high = THRESHOLDS.avg_sentence_length
    assert level_votes(low, 0, 100, 0, 0)[0] == "A2"
    assert level_votes(middle, 0, 100, 0, 0)[0] == "B1"
    assert level_votes(high + 0.1, 0, 100, 0, 0)[0] == "C1"
    assert level_votes(0, 0, THRESHOLDS.flesch_douma[1], 0, 0)[2] == "B1"
