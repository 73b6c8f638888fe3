"""Per-word facts for Dutch: syllables (pyphen's Dutch hyphenation dictionary), long words, and whether a word
is among the most frequent Dutch words (wordfreq's Dutch list).

Both lookups are cached per word, with bounded caches: a crawl meets the same few thousand words on every
page, while a hostile page can bring millions of made-up ones.
"""

import re
from functools import cache, lru_cache

import pyphen
import wordfreq

LONG_WORD_SYLLABLES = 3  # a word of 3 syllables or more is "long", as in SMOG's and Gunning's "polysyllables"
RARE_BELOW_ZIPF = 4.0  # a word with a Zipf frequency below this (10 per million words) is "rare"
_CACHE_WORDS = 65_536
_PYPHEN_CACHE_LIMIT = 100_000  # pyphen keeps every word it hyphenated: its cache is emptied past this

_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouyáàâäéèêëíìîïóòôöúùûüýÿæœ")


@cache
def _hyphenator() -> pyphen.Pyphen:
    # left=1, right=1: for counting syllables, not for breaking lines, single letters at a word's edge count
    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


@lru_cache(maxsize=_CACHE_WORDS)
def _run_syllables(run: str) -> int:
    hyphenator = _hyphenator()
    cuts = [0, *hyphenator.positions(run), len(run)]
    # The dictionary's nonstandard hyphenations ("afval-op" as "afva-l-op") can leave a piece without a vowel;
    # such a piece is not a syllable of its own. A run without vowels at all (an acronym) counts as one.
    pieces = (run[start:end] for start, end in zip(cuts, cuts[1:], strict=False))
    return max(1, sum(1 for piece in pieces if _VOWELS.intersection(piece)))


@lru_cache(maxsize=_CACHE_WORDS)
def syllables(word: str) -> int:
    """Syllables of a word as the Dutch hyphenation dictionary cuts it; each run of letters counts apart
    ("OCMW-raad" is OCMW + raad), and every run has at least one."""
    return sum(_run_syllables(run) for run in _LETTER_RUNS.findall(word.lower()))


def letters(word: str) -> int:
    return sum(1 for character in word if character.isalpha())


def is_long(word: str) -> bool:
    return syllables(word) >= LONG_WORD_SYLLABLES


@cache
def _common_words() -> frozenset[str]:
    """Dutch words at or above RARE_BELOW_ZIPF in wordfreq's small Dutch list (which holds every word down to
    Zipf 3, about 29,000 words)."""
    minimum = 10 ** (RARE_BELOW_ZIPF - 9)
    frequencies = wordfreq.get_frequency_dict("nl", wordlist="small")
    return frozenset(word for word, frequency in frequencies.items() if frequency >= minimum)


@lru_cache(maxsize=_CACHE_WORDS)
def is_common(word: str) -> bool:
    """True when the word is among the most frequent Dutch words; a compound written with a hyphen or slash is
    common when each of its parts is."""
    common = _common_words()
    return all(run in common for run in _LETTER_RUNS.findall(word.casefold()))


@lru_cache(maxsize=_CACHE_WORDS)
def is_name(word: str, first_in_sentence: bool) -> bool:
    """A capitalised word inside a sentence, or an acronym anywhere: Dutch capitalises only names there, and
    a name says nothing about how common the text's words are."""
    upper = sum(1 for character in word if character.isupper())
    if upper >= 2 and upper * 2 >= letters(word):
        return True
    return not first_in_sentence and word[:1].isupper()


def trim_caches() -> None:
    """Keep pyphen's own cache (a dict that never forgets) within bounds; call it after each text."""
    hyphenation = getattr(_hyphenator(), "hd", None)
    cache_dict = getattr(hyphenation, "cache", None)
    if isinstance(cache_dict, dict) and len(cache_dict) > _PYPHEN_CACHE_LIMIT:
        cache_dict.clear()


def warm_up() -> None:
    """Load the hyphenation dictionary and the word list now rather than on the first page."""
    _hyphenator()
    _common_words()
