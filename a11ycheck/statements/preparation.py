"""When a statement was prepared and last reviewed, and by which method (self-assessment or third party).

A date is the preparation date or the review date only when the words around it say so: the nearest cue
before it in its sentence ("opgesteld op", "herzien op", "laatst bijgewerkt", "établie le", "révisée le",
"prepared on", "last reviewed", "zuletzt ... überprüft"), or, when there is none before it, the first cue
after it (German puts the verb last: "am 22. September 2020 erstellt"). A date with no cue, a date in the
non-accessible content, feedback or complaint sections (dates of fixes and answers), a date whose cue is
about an audit ("laatste audit: ...") and a date in a sentence that is not about the statement or the page
(a short label line "Laatst bijgewerkt: ..." is) are not read. The generator's `statement-created-date` and
`statement-renewal-date` come first. Of several preparation dates the first counts, of review dates the
latest. A month without a day is kept apart as a month (dates.py) and never becomes a day.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from a11ycheck.statements.dates import DateMention, find_dates
from a11ycheck.statements.folding import fold, split_sentences
from a11ycheck.statements.sections import (
    ALTERNATIVES,
    ENFORCEMENT,
    FEEDBACK,
    NON_ACCESSIBLE,
    PREPARATION,
    PlacedBlock,
)

SELF_ASSESSMENT, THIRD_PARTY, UNKNOWN_METHOD = "self-assessment", "third-party", "unknown"
PREPARED, REVIEWED = "prepared", "reviewed"

_PREPARED_CUES = (
    r"opgesteld|opgemaakt|aangemaakt|gemaakt|gepubliceerd|publicatiedatum|opstelling|etablie|redigee|elaboree"
    r"|getekend|ondertekend|preparee|datum van (?:de|deze) verklaring|date de (?:la|cette) declaration"
    r"|statement date|date of (?:the|this) statement|written"
    r"|publiee|date de publication|date d'etablissement|prepared|created|drawn up|published|erstellt"
    r"|veroffentlicht|verfasst|erstellungsdatum"
)
_REVIEWED_CUES = (
    r"herzien|herziening|bijgewerkt|geactualiseerd|geupdatet|geupdated|update|gewijzigd|aangepast|vernieuwd"
    r"|laatst|revisee|revise|revision|revue|mise a jour|mis a jour|actualisee|derniere?\b|reviewed|revised"
    r"|update[ds]?\b|last\b|renewed|uberpruft|ueberprueft|gepruft|aktualisiert|zuletzt|letzte[nr]?\b"
    r"|uberarbeitet"
)
_CUE = re.compile(rf"\b(?:(?P<prepared>{_PREPARED_CUES})|(?P<reviewed>{_REVIEWED_CUES}))")
_AUDIT = re.compile(
    r"\b(?:audit|onderzoek|test|toets|evaluatie|evaluation|controle|bewertung|prufung|meting)"
)
_ABOUT_STATEMENT = re.compile(
    r"verklaring|statement|declaration|erklarung|deze pagina|this page|cette page|diese seite|pagina"
)
SHORT_LABEL_WORDS = 8

_SELF = re.compile(
    r"zelf-?beoordeling|zelf-?evaluatie|zelftest|eigen (?:beoordeling|evaluatie|controle|onderzoek)"
    r"|interne? (?:audit|beoordeling|evaluatie|controle|test|toetsing)|door (?:de overheidsinstantie|de "
    r"organisatie|onze organisatie|onszelf|onze (?:eigen )?medewerkers|de eigen|het eigen)|eigen organisatie"
    r"|intern (?:onderzoek|getest|uitgevoerd)|auto-?evaluation|evaluation interne|audit interne"
    r"|self-?(?:assessment|evaluation)|internal (?:audit|assessment|evaluation|review)|in-house"
    r"|selbstbewertung|selbstevaluierung|selbsteinschatzung|eigene (?:prufung|bewertung)"
    r"|interne (?:prufung|bewertung)"
)
_THIRD = re.compile(
    r"derde partij|derden|anysurfer|in opdracht van"
    r"|externe? (?:partij|organisatie|expert|deskundige|audit|evaluatie|beoordeling|specialist|firma"
    r"|dienstverlener|bureau|bedrijf|onderzoek|auditor)"
    r"|onafhankelijke (?:partij|expert|organisatie|auditor|audit)"
    r"|\btiers\b|tierce|evaluation externe|audit externe|prestataire externe"
    r"|organisme (?:externe|independant)"
    r"|third[- ]party|external (?:audit|evaluation|assessment|party|auditor|expert|organisation|organization"
    r"|company)|independent (?:audit|auditor|evaluation|assessment|expert)"
    r"|durch dritte|\bdritten?\b|externe (?:prufung|prufstelle|bewertung|gutachter)"
    r"|unabhangige (?:prufung|prufstelle)"
)
_METHOD_CONTEXT = re.compile(
    r"method|beoordeling|evaluat|assessment|audit|onderzoek|getest|\btest|toets|bewertung|prufung|gepruft"
    r"|beruht|gebaseerd|basee|based|uitgevoerd|realisee|effectuee|carried out|conducted|durchgefuhrt"
    r"|approach|aanpak"
)
_NOT_DATE_SECTIONS = (NON_ACCESSIBLE, ALTERNATIVES, FEEDBACK, ENFORCEMENT)


@dataclass(frozen=True)
class Preparation:
    """The statement's dates as read; a month without a day goes in the *_month fields."""

    prepared_on: date | None = None
    reviewed_on: date | None = None
    prepared_month: tuple[int, int] | None = None
    reviewed_month: tuple[int, int] | None = None
    dates_that_do_not_exist: tuple[str, ...] = ()


def _cue_kind(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    return PREPARED if match.group("prepared") else REVIEWED


def _kind_of(sentence: str, mention: DateMention, previous_end: int, next_start: int) -> str | None:
    """Which date a mention is, from the nearest cue before it, else the first cue after it."""
    before = sentence[previous_end : mention.start]
    cues_before = list(_CUE.finditer(before))
    if cues_before:
        if _AUDIT.search(before[cues_before[-1].end() :]):
            return None
        return _cue_kind(cues_before[-1])
    after = sentence[mention.end : next_start]
    return _cue_kind(_CUE.search(after))


def dated_mentions(sentence: str, in_preparation: bool) -> list[tuple[str, DateMention]]:
    """(prepared|reviewed, mention) for each date of a folded sentence that its cue words place."""
    about = in_preparation or _ABOUT_STATEMENT.search(sentence) or len(sentence.split()) <= SHORT_LABEL_WORDS
    mentions = find_dates(sentence) if about else []
    placed = []
    for index, mention in enumerate(mentions):
        previous_end = mentions[index - 1].end if index else 0
        next_start = mentions[index + 1].start if index + 1 < len(mentions) else len(sentence)
        kind = _kind_of(sentence, mention, previous_end, next_start)
        if kind:
            placed.append((kind, mention))
    return placed


def _method(texts: Iterable[str], need_context: bool) -> str | None:
    self_found = third_found = False
    for text in texts:
        for sentence in split_sentences(text):
            if need_context and not _METHOD_CONTEXT.search(sentence):
                continue
            self_found = self_found or bool(_SELF.search(sentence))
            third_found = third_found or bool(_THIRD.search(sentence))
    if self_found and third_found:
        return UNKNOWN_METHOD  # both named (often the model's alternatives left in): never a guess
    if self_found:
        return SELF_ASSESSMENT
    if third_found:
        return THIRD_PARTY
    return None


def read_method(placed: Sequence[PlacedBlock], w3c_approaches: Sequence[str]) -> str:
    """self-assessment, third-party or unknown: the generator's approaches, else the preparation section's
    sentences, else any sentence about an assessment outside the non-accessible content."""
    if w3c_approaches and (method := _method((fold(text) for text in w3c_approaches), need_context=False)):
        return method
    section = [block.block.folded for block in placed if block.is_in(PREPARATION)]
    if section and (method := _method(section, need_context=False)):
        return method
    rest = [block.block.folded for block in placed if not block.is_in(*_NOT_DATE_SECTIONS, PREPARATION)]
    return _method(rest, need_context=True) or UNKNOWN_METHOD


def read_preparation(
    placed: Sequence[PlacedBlock], w3c_created: Sequence[str], w3c_renewed: Sequence[str]
) -> Preparation:
    """The dates of the generator's class names, else of the sentences (see the module's docstring)."""
    found: dict[str, list[DateMention]] = {PREPARED: [], REVIEWED: []}
    for kind, texts in ((PREPARED, w3c_created), (REVIEWED, w3c_renewed)):
        for text in texts:
            found[kind].extend(find_dates(fold(text))[:1])
    if not found[PREPARED] and not found[REVIEWED]:
        for block in placed:
            if block.is_in(*_NOT_DATE_SECTIONS) and not block.is_in(PREPARATION):
                continue
            for sentence in split_sentences(block.block.folded):
                for kind, mention in dated_mentions(sentence, block.is_in(PREPARATION)):
                    found[kind].append(mention)
    prepared = [mention.value for mention in found[PREPARED] if mention.value]
    reviewed = [mention.value for mention in found[REVIEWED] if mention.value]
    prepared_months = [mention.month for mention in found[PREPARED] if mention.month]
    reviewed_months = [mention.month for mention in found[REVIEWED] if mention.month]
    missing = tuple(mention.text for kind in found for mention in found[kind] if mention.does_not_exist)
    return Preparation(
        prepared_on=prepared[0] if prepared else None,
        reviewed_on=max(reviewed) if reviewed else None,
        prepared_month=prepared_months[0] if prepared_months and not prepared else None,
        reviewed_month=max(reviewed_months) if reviewed_months and not reviewed else None,
        dates_that_do_not_exist=missing,
    )
