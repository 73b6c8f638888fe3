"""The language a page is written in, among the four this wing reads: nl, fr, en, de (else None).

Counted from frequent short words of each language in the page's text; the page's lang attribute only
breaks a tie. A page with too few of them (under MIN_WORDS), or with more of Italian's or Spanish's, is in no
language we read.
"""

import re
from collections import Counter

LANGUAGES = ("nl", "fr", "en", "de")
MIN_WORDS = 5
_MARKERS = {
    "nl": "het een van deze niet voor zijn wij uw naar ook worden wordt kunt onze bij heeft dat als zodat "
    "ons op te met aan om nog dit geen maar hebben kan elk",
    "fr": "le la les des est une pour dans du cette nous vous pas sont sur avec qui au aux",
    "en": "the and of this we for with are not our you be on that is it by",
    "de": "der das und ist nicht mit fur wir sie diese auf eine wird sind dem den zur uber",
    # counted so that a page in these is not taken for one of ours for the words they share (la, die, en)
    "it": "il di che non per sono della delle degli dei questo questa gli alla nel sito",
    "es": "el los las que por para con del esta este al como sitio",
}
_WORDS = {language: set(words.split()) for language, words in _MARKERS.items()}
_TOKEN = re.compile(r"[a-z]+")


def detect_language(folded_text: str, lang_attribute: str | None = None) -> str | None:
    """nl, fr, en or de: the language whose frequent words the (folded) text uses most; None if none."""
    counts: Counter[str] = Counter()
    for token in _TOKEN.findall(folded_text[:200_000]):
        for language, words in _WORDS.items():
            if token in words:
                counts[language] += 1
    if not counts:
        return None
    ranked = counts.most_common()
    best, best_count = ranked[0]
    if best_count < MIN_WORDS:
        return None
    declared = (lang_attribute or "").split("-")[0].lower()
    tied = [language for language, count in ranked if count == best_count]
    if len(tied) > 1:
        return declared if declared in tied and declared in LANGUAGES else None
    return best if best in LANGUAGES else None
