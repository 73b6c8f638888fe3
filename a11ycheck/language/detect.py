"""Which language a text is in: the page's declared `lang`, checked by a language detector (lingua).

The detector is built once per process for a small set of languages in lingua's low-accuracy mode (trigram
models only), which keeps it at about 15 MB and a few milliseconds a page; page texts are long enough for it.
The rules, in order:
- the detector cannot tell (too few letters): the declared language, if any;
- nothing declared: the detector's language, when it leans to one (confidence LEANS or more), else unknown;
- both agree: that language;
- they disagree and the detector is sure (confidence SURE or more): the detector's, except that a declared
  language the detector does not know stands unless the detector is sure of Dutch;
- they disagree and the detector is not sure: unknown (None), or the declared language when the detector does
  not know it. Nothing is scored as Dutch on a guess.
"""

from dataclasses import dataclass
from functools import cache, lru_cache

import langcodes
from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

DETECTED_LANGUAGES = (
    Language.DUTCH,
    Language.FRENCH,
    Language.ENGLISH,
    Language.GERMAN,
    Language.SPANISH,
    Language.ITALIAN,
    Language.PORTUGUESE,
    Language.POLISH,
    Language.TURKISH,
    Language.ARABIC,
    Language.ROMANIAN,
    Language.RUSSIAN,
    Language.UKRAINIAN,
)
SURE = 0.9  # the detector's confidence (0..1, relative to the other languages) needed to overrule `lang`
LEANS = 0.5  # the confidence needed to take the detector's word when nothing is declared
MIN_LETTERS = 40  # fewer letters than this: too little to detect anything
SAMPLE_CHARS = 1_000  # the detector reads this much of a text: enough to tell, cheap on a huge page


@dataclass(frozen=True)
class LanguageChoice:
    """The language decided for a text (ISO 639-1, e.g. "nl", or None), what the page declared, what the
    detector found (None when it could not tell) and which of the two decided ("declared" or "detected")."""

    lang: str | None
    declared: str | None
    detected: str | None
    source: str | None


@lru_cache(maxsize=256)
def normalise_lang(tag: str | None) -> str | None:
    """The primary language of a BCP 47 tag, lower case: "nl-BE" and "NLD" give "nl"; nonsense gives None."""
    if not isinstance(tag, str) or not tag.strip() or len(tag) > 35:
        return None
    try:
        language = langcodes.Language.get(langcodes.standardize_tag(tag.strip())).language
    except (ValueError, LookupError):
        return None
    return language if language and language.isalpha() and 2 <= len(language) <= 3 else None


@cache
def _detector():
    return LanguageDetectorBuilder.from_languages(*DETECTED_LANGUAGES).with_low_accuracy_mode().build()


@cache
def _known_codes() -> frozenset[str]:
    return frozenset(language.iso_code_639_1.name.lower() for language in DETECTED_LANGUAGES)


def detect_language(text: str) -> tuple[str | None, float]:
    """The detector's best language for the text (ISO 639-1) and its confidence, or (None, 0.0) when the text
    has too few letters to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for character in sample if character.isalpha()) < MIN_LETTERS:
        return None, 0.0
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value <= 0:
        return None, 0.0
    best = values[0]
    code = best.language.iso_code_639_1
    return (code.name.lower() if isinstance(code, IsoCode639_1) else None), float(best.value)


def choose_language(text: str, declared_tag: str | None) -> LanguageChoice:
    """Decide the text's language from its declared tag and the detector (see the module's docstring)."""
    declared = normalise_lang(declared_tag)
    detected, confidence = detect_language(text)
    if detected is None:
        return LanguageChoice(declared, declared, None, "declared" if declared else None)
    if declared == detected:
        return LanguageChoice(declared, declared, detected, "declared")
    if declared is None:
        if confidence >= LEANS:
            return LanguageChoice(detected, None, detected, "detected")
        return LanguageChoice(None, None, detected, None)
    known = declared in _known_codes()
    if confidence >= SURE and (known or detected == "nl"):
        return LanguageChoice(detected, declared, detected, "detected")
    if not known:
        return LanguageChoice(declared, declared, detected, "declared")
    return LanguageChoice(None, declared, detected, None)


def warm_up() -> None:
    """Build the detector and load its models now rather than on the first page."""
    detect_language("Dit is een korte Nederlandse zin om het model te laden en te controleren. " * 2)
