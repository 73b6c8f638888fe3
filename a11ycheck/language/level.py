"""Douma's bands for the Flesch-Douma score, and an estimated CEFR level (A2, B1, B2, C1) from the figures.

The level is a vote of five measures, each placed on the CEFR scale by thresholds calibrated on Dutch texts of
known level written for the tests (tests/language_texts/, docs/language.md): two about sentences (average
sentence length, share of sentences over 20 words), two about words (share of long words, share of rare
words) and the Flesch-Douma score, which mixes both. The level is the median vote. These formulas indicate,
they do not prove: they see the length of sentences and words and how common the words are, not structure,
coherence, the active or passive voice, or what a reader already knows.
"""

from dataclasses import dataclass

LEVELS = ("A2", "B1", "B2", "C1")

# Douma's norm table for his adaptation of Flesch's formula: (lowest score of the band, the band's name).
DOUMA_BANDS = (
    (90.0, "zeer gemakkelijk"),
    (80.0, "gemakkelijk"),
    (70.0, "tamelijk gemakkelijk"),
    (60.0, "normaal"),
    (45.0, "tamelijk moeilijk"),
    (30.0, "moeilijk"),
    (float("-inf"), "zeer moeilijk"),
)


@dataclass(frozen=True)
class LevelThresholds:
    """Where each measure crosses from one level to the next: (A2|B1, B1|B2, B2|C1). A value above a cut
    (below it, for Flesch-Douma, where lower is harder) votes for the harder level."""

    avg_sentence_length: tuple[float, float, float]  # words per sentence
    long_sentences: tuple[float, float, float]  # fraction of sentences over 20 words
    flesch_douma: tuple[float, float, float]  # Douma's own band limits: 90 (zeer gemakkelijk), 60, 30
    long_words: tuple[float, float, float]  # fraction of words of 3 syllables or more
    rare_words: tuple[float, float, float]  # fraction of words below Zipf 4 in wordfreq's Dutch list


THRESHOLDS = LevelThresholds(
    avg_sentence_length=(8.0, 14.0, 21.0),
    long_sentences=(0.02, 0.15, 0.50),
    flesch_douma=(90.0, 60.0, 30.0),
    long_words=(0.08, 0.20, 0.30),
    rare_words=(0.07, 0.13, 0.20),
)


def douma_band(score: float | None) -> str | None:
    """The band of Douma's table a Flesch-Douma score falls in ("normaal", "moeilijk"...), None for None."""
    if score is None:
        return None
    return next(name for lowest, name in DOUMA_BANDS if score >= lowest)


def _harder_above(value: float, cuts: tuple[float, float, float]) -> int:
    return sum(1 for cut in cuts if value > cut)


def _harder_below(value: float, cuts: tuple[float, float, float]) -> int:
    return sum(1 for cut in cuts if value < cut)


def level_votes(
    avg_sentence_length: float,
    long_sentences: float,
    flesch_douma: float,
    long_words: float,
    rare_words: float,
    thresholds: LevelThresholds = THRESHOLDS,
) -> tuple[str, ...]:
    """Each measure's level, in the order of the arguments."""
    indexes = (
        _harder_above(avg_sentence_length, thresholds.avg_sentence_length),
        _harder_above(long_sentences, thresholds.long_sentences),
        _harder_below(flesch_douma, thresholds.flesch_douma),
        _harder_above(long_words, thresholds.long_words),
        _harder_above(rare_words, thresholds.rare_words),
    )
    return tuple(LEVELS[index] for index in indexes)


def estimate_level(
    avg_sentence_length: float,
    long_sentences: float,
    flesch_douma: float,
    long_words: float,
    rare_words: float,
    thresholds: LevelThresholds = THRESHOLDS,
) -> str:
    """The median of the five measures' levels."""
    votes = level_votes(avg_sentence_length, long_sentences, flesch_douma, long_words, rare_words, thresholds)
    return sorted(votes, key=LEVELS.index)[2]
