"""Scoring a page's main text for plain Dutch: the figures of the export's `language` object and a level.

Only running text is measured: paragraphs, and list items and table cells that read as sentences. Headings,
menu-like fragments, short list items and table cells are not sentences of running text; their words are
counted apart (fragment_words) and they take no part in any figure. See docs/language.md.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from a11ycheck.language import wordstats
from a11ycheck.language.blocks import (
    HEADING,
    MAX_CHARS,
    PageText,
    TextBlock,
    TextBlocks,
    blocks_from_plain_text,
    clean_text,
)
from a11ycheck.language.detect import choose_language
from a11ycheck.language.level import douma_band, estimate_level
from a11ycheck.language.sentences import sentences_and_words, words_of

MAX_WORDS = 20_000  # words of running text scored per page; the rest is left out (truncated=True)
MIN_WORDS_FOR_LEVEL = 100  # fewer words of running text get figures but no level
LONG_SENTENCE_WORDS = 20  # a sentence of more words than this is long
MIN_SENTENCE_WORDS = 4  # a block with a sentence mark but fewer words is a fragment ("Lees meer.")
MIN_UNMARKED_WORDS = 12  # a block without any sentence mark is running text from this many words on
MAX_QUOTES = 3
MAX_QUOTE_CHARS = 300

# The reasons a score has no level.
NO_TEXT = "no-text"
LANGUAGE_UNKNOWN = "language-unknown"
NOT_DUTCH = "not-dutch"
TOO_SHORT = "too-short"  # under MIN_WORDS_FOR_LEVEL words in all
TOO_LITTLE_RUNNING_TEXT = "too-little-running-text"  # enough words, but mostly headings, lists and tables

_SENTENCE_MARK = re.compile(r"[.!?…](?=[\s\"'’”)\]]|$)")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class LanguageScore:
    """How readable a page's main text is. Figures are None when they are not measured (not Dutch, no
    running text); `level` is None with `no_level_reason` saying why. Shares are fractions from 0 to 1."""

    lang: str | None
    lang_declared: str | None = None
    lang_detected: str | None = None
    words: int | None = None
    sentences: int | None = None
    syllables: int | None = None
    avg_sentence_length: float | None = None
    long_sentences: float | None = None
    long_words: float | None = None
    rare_words: float | None = None
    flesch_douma: float | None = None
    level: str | None = None
    no_level_reason: str | None = None
    fragment_words: int = 0
    truncated: bool = False
    longest_sentences: tuple[str, ...] = field(default=())

    @property
    def scored(self) -> bool:
        """True when the text was measured (Dutch, with running text); a level may still be missing."""
        return self.flesch_douma is not None

    @property
    def flesch_douma_band(self) -> str | None:
        return douma_band(self.flesch_douma)

    def to_dict(self) -> dict:
        """The export's `language` object: its seven keys, then the extra figures under their own names."""
        return {
            "lang": self.lang,
            "words": self.words,
            "sentences": self.sentences,
            "flesch_douma": self.flesch_douma,
            "long_sentences": self.long_sentences,
            "rare_words": self.rare_words,
            "level": self.level,
            "avg_sentence_length": self.avg_sentence_length,
            "long_words": self.long_words,
            "flesch_douma_band": self.flesch_douma_band,
            "no_level_reason": self.no_level_reason,
            "lang_declared": self.lang_declared,
            "lang_detected": self.lang_detected,
            "fragment_words": self.fragment_words,
            "truncated": self.truncated,
        }


@dataclass
class _Tally:
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    long_words: int = 0
    long_sentences: int = 0
    rarity_counted: int = 0  # words that are not names
    rare: int = 0
    truncated: bool = False
    quotes: list[tuple[int, int, str]] = field(default_factory=list)  # (-words, order, sentence)

    def add_sentence(self, sentence: str, words: list[str]) -> None:
        self.sentences += 1
        self.words += len(words)
        if len(words) > LONG_SENTENCE_WORDS:
            self.long_sentences += 1
        for position, word in enumerate(words):
            syllables = wordstats.syllables(word)
            self.syllables += syllables
            self.long_words += syllables >= wordstats.LONG_WORD_SYLLABLES
            if not wordstats.is_name(word, first_in_sentence=position == 0):
                self.rarity_counted += 1
                self.rare += not wordstats.is_common(word)
        self.quotes.append((-len(words), self.sentences, sentence))


def _is_running_text(block: TextBlock, words: int) -> bool:
    if block.kind == HEADING:
        return False
    if _SENTENCE_MARK.search(block.text):
        return words >= MIN_SENTENCE_WORDS
    return words >= MIN_UNMARKED_WORDS


def _blocks_of(text: str | TextBlocks | PageText) -> tuple[tuple[TextBlock, ...], bool]:
    """Clean blocks within MAX_CHARS, and whether anything was cut."""
    if isinstance(text, str):
        return blocks_from_plain_text(text[:MAX_CHARS]), len(text) > MAX_CHARS
    truncated = isinstance(text, PageText) and text.truncated
    source: Iterable = text.blocks if isinstance(text, PageText) else text
    blocks, total = [], 0
    for block in source:
        if not isinstance(block, TextBlock) or not isinstance(block.text, str):
            continue
        if total >= MAX_CHARS:
            truncated = True
            break
        cleaned = clean_text(block.text[: MAX_CHARS - total])
        if cleaned:
            blocks.append(TextBlock(block.kind, cleaned))
            total += len(cleaned)
    return tuple(blocks), truncated


def _sentences(running: list[str]) -> Iterable[tuple[str, list[str]]]:
    for paragraph in running:
        for part in _PARAGRAPH_BREAK.split(paragraph):
            yield from sentences_and_words(part)


def _quote(sentence: str) -> str:
    if len(sentence) <= MAX_QUOTE_CHARS:
        return sentence
    cut = sentence[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + " …"


def score_text(text: str | TextBlocks | PageText, declared_lang: str | None = None) -> LanguageScore:
    """Score a text: a plain string (paragraphs separated by blank lines), blocks of a page, or what the
    in-browser extractor read (its `lang` is used when `declared_lang` is None). Never raises on odd text."""
    if isinstance(text, PageText) and declared_lang is None:
        declared_lang = text.lang
    blocks, truncated = _blocks_of(text)
    running: list[str] = []
    fragment_words = 0
    for block in blocks:
        count = len(words_of(block.text))
        if _is_running_text(block, count):
            running.append(block.text)
        else:
            fragment_words += count
    sample = "\n".join(running) or "\n".join(block.text for block in blocks)
    choice = choose_language(sample, declared_lang)
    base = {"lang": choice.lang, "lang_declared": choice.declared, "lang_detected": choice.detected}
    if not blocks:
        return LanguageScore(**base, no_level_reason=NO_TEXT, truncated=truncated)
    if choice.lang != "nl":
        reason = NOT_DUTCH if choice.lang else LANGUAGE_UNKNOWN
        return LanguageScore(**base, no_level_reason=reason, truncated=truncated)

    tally = _Tally(truncated=truncated)
    for sentence, words in _sentences(running):
        if tally.words + len(words) > MAX_WORDS:
            tally.truncated = True
            if not tally.sentences:  # one endless "sentence": its first MAX_WORDS words are scored
                tally.add_sentence(sentence, words[:MAX_WORDS])
            break
        tally.add_sentence(sentence, words)
    wordstats.trim_caches()
    return _figures(tally, base, fragment_words)


def _figures(tally: _Tally, base: dict, fragment_words: int) -> LanguageScore:
    reason = TOO_SHORT if tally.words + fragment_words < MIN_WORDS_FOR_LEVEL else TOO_LITTLE_RUNNING_TEXT
    if not tally.words:
        return LanguageScore(
            **base,
            words=0,
            sentences=0,
            syllables=0,
            no_level_reason=reason,
            fragment_words=fragment_words,
            truncated=tally.truncated,
        )
    average = tally.words / tally.sentences
    flesch_douma = 206.84 - 0.77 * (100 * tally.syllables / tally.words) - 0.93 * average
    long_words = tally.long_words / tally.words
    rare_words = tally.rare / tally.rarity_counted if tally.rarity_counted else None
    level = None
    if tally.words >= MIN_WORDS_FOR_LEVEL and rare_words is not None:
        long_sentences = tally.long_sentences / tally.sentences
        level, reason = estimate_level(average, long_sentences, flesch_douma, long_words, rare_words), None
    quotes = tuple(_quote(sentence) for _, _, sentence in sorted(tally.quotes)[:MAX_QUOTES])
    return LanguageScore(
        **base,
        words=tally.words,
        sentences=tally.sentences,
        syllables=tally.syllables,
        avg_sentence_length=round(average, 1),
        long_sentences=round(tally.long_sentences / tally.sentences, 3),
        long_words=round(long_words, 3),
        rare_words=round(rare_words, 3) if rare_words is not None else None,
        flesch_douma=round(flesch_douma, 1),
        level=level,
        no_level_reason=reason,
        fragment_words=fragment_words,
        truncated=tally.truncated,
        longest_sentences=quotes,
    )
