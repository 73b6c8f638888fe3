"""WCAG success criteria by number, with their names in Dutch (W3C's authorised translation) and English, so
a report can say "1.1.1 Niet-tekstuele content" instead of a bare number."""

from a11ycheck.vocabulary.criteria import criterion, criterion_sort_key

__all__ = ["criterion_name", "criterion_sort_key", "principle_name", "PRINCIPLES"]

PRINCIPLES: dict[int, dict[str, str]] = {
    1: {"nl": "Waarneembaar", "en": "Perceivable"},
    2: {"nl": "Bedienbaar", "en": "Operable"},
    3: {"nl": "Begrijpelijk", "en": "Understandable"},
    4: {"nl": "Robuust", "en": "Robust"},
}

# The criteria beyond the 50 of WCAG 2.1 A/AA (those are a11ycheck.vocabulary.criteria's): AAA and WCAG
# 2.2, which axe also tags. number: (Dutch, English)
OTHER_CRITERIA: dict[str, tuple[str, str]] = {
    "1.4.6": ("Contrast (versterkt)", "Contrast (Enhanced)"),
    "2.2.4": ("Onderbrekingen", "Interruptions"),
    "2.4.9": ("Linkdoel (alleen link)", "Link Purpose (Link Only)"),
    "2.4.11": ("Focus niet bedekt (minimum)", "Focus Not Obscured (Minimum)"),
    "2.5.7": ("Sleepbewegingen", "Dragging Movements"),
    "2.5.8": ("Grootte van het aanwijsgebied (minimum)", "Target Size (Minimum)"),
    "3.2.6": ("Consistente hulp", "Consistent Help"),
    "3.3.7": ("Overbodige invoer", "Redundant Entry"),
    "3.3.8": ("Toegankelijke authenticatie (minimum)", "Accessible Authentication (Minimum)"),
}


def criterion_name(number: str, lang: str) -> str:
    """The criterion's name in the report's language; "" for a number WCAG does not have."""
    known = criterion(number)
    if known is not None:
        return known.name(lang)
    names = OTHER_CRITERIA.get(number)
    if names is None:
        return ""
    return names[0] if lang == "nl" else names[1]


def principle_name(number: int, lang: str) -> str:
    return PRINCIPLES[number][lang]
