"""The problems a statement can have: a stable code each, with a plain English and a plain Dutch sentence.

The codes are a contract (the store and the charters keep them); the JSON export carries the English
sentences, the Dutch report the Dutch ones. Sentences with {date} are filled in by problem().
"""

from dataclasses import dataclass

# Why a page is not a statement (shape.py)
NOT_A_STATEMENT = "not-a-statement"
UNREADABLE_PAGE = "unreadable-page"
EMPTY_PAGE = "empty-page"
SEARCH_RESULTS_PAGE = "search-results-page"
TEMPLATE_PAGE = "template-page"
UNSUPPORTED_LANGUAGE = "unsupported-language"
NO_STATEMENT_SHAPE = "no-statement-shape"
UNREACHABLE_PAGE = "unreachable-page"  # the crawl's statement search could not load the candidate page
# The Flemish minimum content (grading.py: each one missing lowers the grade by a step or more)
NO_STATUS = "no-status"
NO_NON_ACCESSIBLE_CONTENT = "no-non-accessible-content"
NO_FEEDBACK = "no-feedback"
NO_ENFORCEMENT = "no-enforcement"
# Upkeep, placement and detail
NO_DATES = "no-dates"
NOT_REVIEWED_12_MONTHS = "not-reviewed-12-months"
DATE_IN_FUTURE = "date-in-future"
NOT_LINKED_FROM_HOME = "not-linked-from-home"
NO_REASONS = "no-reasons"
NO_ALTERNATIVES = "no-alternatives"
# Notes: said with the grade, not problems of the statement
LINK_PLACEMENT_UNKNOWN = "link-placement-unknown"

SENTENCES: dict[str, tuple[str, str]] = {
    NOT_A_STATEMENT: (
        "This page is not an accessibility statement.",
        "Deze pagina is geen toegankelijkheidsverklaring.",
    ),
    UNREADABLE_PAGE: (
        "The page is not readable HTML (binary or garbled content).",
        "De pagina is geen leesbare HTML (binaire of verminkte inhoud).",
    ),
    EMPTY_PAGE: ("The page has no text.", "De pagina bevat geen tekst."),
    SEARCH_RESULTS_PAGE: (
        "It is a page of search results, not the statement itself.",
        "Het is een pagina met zoekresultaten, niet de verklaring zelf.",
    ),
    TEMPLATE_PAGE: (
        "It is the model statement with its blanks not filled in, or a page explaining how to write one.",
        "Het is de modelverklaring met lege invulvelden, of een pagina die uitlegt hoe u er een opstelt.",
    ),
    UNSUPPORTED_LANGUAGE: (
        "It is not in a language this check reads (Dutch, French, English or German).",
        "Ze is niet in een taal die deze controle leest (Nederlands, Frans, Engels of Duits).",
    ),
    NO_STATEMENT_SHAPE: (
        "It does not have the shape of a statement: it neither carries a statement's title with two of its "
        "parts, nor a compliance status with two of the model's sections (non-accessible content, "
        "preparation, feedback, complaint procedure).",
        "Ze heeft niet de vorm van een verklaring: geen titel van een verklaring met twee van haar "
        "onderdelen, en geen nalevingsstatus met twee rubrieken van het model (niet-toegankelijke inhoud, "
        "opstelling, feedback, klachtenprocedure).",
    ),
    UNREACHABLE_PAGE: (
        "The page could not be loaded (an HTTP error, a time-out, a refused address or no HTML).",
        "De pagina kon niet geladen worden (een HTTP-fout, een time-out, een geweigerd adres of geen HTML).",
    ),
    NO_STATUS: (
        "The statement gives no compliance status (fully, partially or not compliant).",
        "De verklaring vermeldt geen nalevingsstatus (volledig, gedeeltelijk of niet in overeenstemming).",
    ),
    NO_NON_ACCESSIBLE_CONTENT: (
        "The statement lists no non-accessible content, yet it does not claim full compliance.",
        "De verklaring somt geen niet-toegankelijke inhoud op, maar meldt ook geen volledige naleving.",
    ),
    NO_FEEDBACK: (
        "The statement gives no way to report an accessibility problem (e-mail, phone or form).",
        "De verklaring geeft geen manier om een toegankelijkheidsprobleem te melden (e-mail, telefoon of "
        "formulier).",
    ),
    NO_ENFORCEMENT: (
        "The statement does not say where to complain (complaint procedure, Vlaamse Ombudsdienst).",
        "De verklaring zegt niet waar u klacht kunt indienen (klachtenbehandeling, Vlaamse Ombudsdienst).",
    ),
    NO_DATES: (
        "The statement has no date of preparation or review.",
        "De verklaring heeft geen datum van opstelling of herziening.",
    ),
    NOT_REVIEWED_12_MONTHS: (
        "The statement was last reviewed more than 12 months ago ({date}).",
        "De verklaring werd langer dan 12 maanden geleden voor het laatst herzien ({date}).",
    ),
    DATE_IN_FUTURE: (
        "The statement's date lies in the future ({date}).",
        "De datum van de verklaring ligt in de toekomst ({date}).",
    ),
    NOT_LINKED_FROM_HOME: (
        "The statement is not linked from the home page.",
        "De verklaring is niet gelinkt vanaf de startpagina.",
    ),
    NO_REASONS: (
        "The statement does not say why the content it lists is not accessible.",
        "De verklaring zegt niet waarom de opgesomde inhoud niet toegankelijk is.",
    ),
    NO_ALTERNATIVES: (
        "The statement offers no accessible alternatives for the content it lists.",
        "De verklaring biedt geen toegankelijke alternatieven voor de opgesomde inhoud.",
    ),
    LINK_PLACEMENT_UNKNOWN: (
        "Whether the statement is linked from the home page is not known here; link placement did not count "
        "in the grade.",
        "Of de verklaring gelinkt is vanaf de startpagina, is hier niet bekend; de plaats van de link telde "
        "niet mee voor de score.",
    ),
}


@dataclass(frozen=True)
class Problem:
    """A problem (or a note) of a statement: its stable code and its sentence in English and Dutch."""

    code: str
    english: str
    dutch: str


def problem(code: str, **values: str) -> Problem:
    """The problem of that code, its sentences filled in with `values` ({date})."""
    english, dutch = SENTENCES[code]
    return Problem(code, english.format(**values), dutch.format(**values))
