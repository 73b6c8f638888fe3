"""WCAG 2.2 success criteria by number, with their names in Dutch (W3C's authorised translation) and
English, so a report can say "1.1.1 Niet-tekstuele content" instead of a bare number."""

PRINCIPLES: dict[int, dict[str, str]] = {
    1: {"nl": "Waarneembaar", "en": "Perceivable"},
    2: {"nl": "Bedienbaar", "en": "Operable"},
    3: {"nl": "Begrijpelijk", "en": "Understandable"},
    4: {"nl": "Robuust", "en": "Robust"},
}

# number: (Dutch, English)
CRITERIA: dict[str, tuple[str, str]] = {
    "1.1.1": ("Niet-tekstuele content", "Non-text Content"),
    "1.2.1": ("Louter-geluid en louter-video (vooraf opgenomen)", "Audio-only and Video-only (Prerecorded)"),
    "1.2.2": ("Ondertitels voor doven en slechthorenden (vooraf opgenomen)", "Captions (Prerecorded)"),
    "1.2.3": (
        "Audiodescriptie of media-alternatief (vooraf opgenomen)",
        "Audio Description or Media Alternative (Prerecorded)",
    ),
    "1.2.4": ("Ondertitels voor doven en slechthorenden (live)", "Captions (Live)"),
    "1.2.5": ("Audiodescriptie (vooraf opgenomen)", "Audio Description (Prerecorded)"),
    "1.3.1": ("Info en relaties", "Info and Relationships"),
    "1.3.2": ("Betekenisvolle volgorde", "Meaningful Sequence"),
    "1.3.3": ("Zintuiglijke eigenschappen", "Sensory Characteristics"),
    "1.3.4": ("Weergavestand", "Orientation"),
    "1.3.5": ("Identificeer het doel van de input", "Identify Input Purpose"),
    "1.4.1": ("Gebruik van kleur", "Use of Color"),
    "1.4.2": ("Geluidsbediening", "Audio Control"),
    "1.4.3": ("Contrast (minimum)", "Contrast (Minimum)"),
    "1.4.4": ("Herschalen van tekst", "Resize Text"),
    "1.4.5": ("Afbeeldingen van tekst", "Images of Text"),
    "1.4.6": ("Contrast (versterkt)", "Contrast (Enhanced)"),
    "1.4.10": ("Reflow", "Reflow"),
    "1.4.11": ("Contrast van niet-tekstuele content", "Non-text Contrast"),
    "1.4.12": ("Tekstafstand", "Text Spacing"),
    "1.4.13": ("Content bij hover of focus", "Content on Hover or Focus"),
    "2.1.1": ("Toetsenbord", "Keyboard"),
    "2.1.2": ("Geen toetsenbordval", "No Keyboard Trap"),
    "2.1.4": ("Enkel teken sneltoetsen", "Character Key Shortcuts"),
    "2.2.1": ("Timing aanpasbaar", "Timing Adjustable"),
    "2.2.2": ("Pauzeren, stoppen, verbergen", "Pause, Stop, Hide"),
    "2.2.4": ("Onderbrekingen", "Interruptions"),
    "2.3.1": ("Drie flitsen of beneden drempelwaarde", "Three Flashes or Below Threshold"),
    "2.4.1": ("Blokken omzeilen", "Bypass Blocks"),
    "2.4.2": ("Paginatitel", "Page Titled"),
    "2.4.3": ("Focusvolgorde", "Focus Order"),
    "2.4.4": ("Linkdoel (in context)", "Link Purpose (In Context)"),
    "2.4.5": ("Meerdere manieren", "Multiple Ways"),
    "2.4.6": ("Koppen en labels", "Headings and Labels"),
    "2.4.7": ("Focus zichtbaar", "Focus Visible"),
    "2.4.9": ("Linkdoel (alleen link)", "Link Purpose (Link Only)"),
    "2.4.11": ("Focus niet bedekt (minimum)", "Focus Not Obscured (Minimum)"),
    "2.5.1": ("Aanwijzergebaren", "Pointer Gestures"),
    "2.5.2": ("Aanwijzerannulering", "Pointer Cancellation"),
    "2.5.3": ("Label in naam", "Label in Name"),
    "2.5.4": ("Bewegingsactivering", "Motion Actuation"),
    "2.5.7": ("Sleepbewegingen", "Dragging Movements"),
    "2.5.8": ("Grootte van het aanwijsgebied (minimum)", "Target Size (Minimum)"),
    "3.1.1": ("Taal van de pagina", "Language of Page"),
    "3.1.2": ("Taal van onderdelen", "Language of Parts"),
    "3.2.1": ("Bij focus", "On Focus"),
    "3.2.2": ("Bij input", "On Input"),
    "3.2.3": ("Consistente navigatie", "Consistent Navigation"),
    "3.2.4": ("Consistente identificatie", "Consistent Identification"),
    "3.2.6": ("Consistente hulp", "Consistent Help"),
    "3.3.1": ("Foutidentificatie", "Error Identification"),
    "3.3.2": ("Labels of instructies", "Labels or Instructions"),
    "3.3.3": ("Foutsuggestie", "Error Suggestion"),
    "3.3.4": ("Foutpreventie (juridisch, financieel, gegevens)", "Error Prevention (Legal, Financial, Data)"),
    "3.3.7": ("Overbodige invoer", "Redundant Entry"),
    "3.3.8": ("Toegankelijke authenticatie (minimum)", "Accessible Authentication (Minimum)"),
    "4.1.1": ("Parsen (vervallen in WCAG 2.2)", "Parsing (obsolete in WCAG 2.2)"),
    "4.1.2": ("Naam, rol, waarde", "Name, Role, Value"),
    "4.1.3": ("Statusberichten", "Status Messages"),
}


def criterion_sort_key(criterion: str) -> tuple[int, ...]:
    """Numeric order, so 1.4.10 sorts after 1.4.4; anything unparsable sorts last."""
    try:
        return tuple(int(part) for part in criterion.split("."))
    except ValueError:
        return (99,)


def criterion_name(criterion: str, lang: str) -> str:
    names = CRITERIA.get(criterion)
    if names is None:
        return ""
    return names[0] if lang == "nl" else names[1]


def principle_name(number: int, lang: str) -> str:
    return PRINCIPLES[number][lang]
