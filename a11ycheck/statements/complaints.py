"""Whether a statement describes the complaint or enforcement procedure.

It does when its complaint section (Handhavingsprocedure, Klachtenprocedure, Enforcement procedure, Voies
de recours, Durchsetzungsverfahren, the generator's `complaints`) has text of its own, or when a sentence
outside the non-accessible content names the procedure or the body to turn to: in Flanders the Vlaamse
Ombudsdienst or the organisation's klachtenbehandeling; in the Dutch model the Nationale ombudsman; in
French a médiateur; in German a Schlichtungsstelle or Ombudsdienst.
"""

import re
from collections.abc import Sequence

from a11ycheck.statements.folding import fold
from a11ycheck.statements.sections import ALTERNATIVES, ENFORCEMENT, NON_ACCESSIBLE, PlacedBlock
from a11ycheck.statements.w3c_markup import W3cMarkup

MIN_SECTION_CHARS = 30  # a complaint heading over a line of placeholder text describes nothing

_PROCEDURE = re.compile(
    r"ombudsdienst|ombudsman|ombudsvrouw|klachtenbehandeling|klachtenprocedure|klachtenregeling"
    r"|klachtendienst|klachtenformulier|klachtenmanagement|klachtenloket|klachtencoordinator|klachtenbeheer"
    r"|klacht (?:in)?dienen|klacht (?:neerleggen|formuleren|melden|bezorgen)|handhavingsprocedure"
    r"|(?:service|gestion) des plaintes|(?:introduire|deposer|porter) (?:une )?plainte"
    r"|mediateur|mediatrice|defenseur des droits|voies? de recours|(?:introduire|deposer|adresser) une "
    r"(?:plainte|reclamation)|procedure d'application|enforcement procedure|complaints? (?:procedure|process)"
    r"|(?:make|file|submit|lodge) a (?:formal )?complaint|ombudsperson|equality advisory|schlichtungsstelle"
    r"|schlichtungsverfahren|durchsetzungsverfahren|beschwerdestelle|ombudsstelle|beschwerde einreichen"
)
_PLACEHOLDER = re.compile(r"\[[^\]]{0,200}\]")


def describes_enforcement(placed: Sequence[PlacedBlock], w3c: W3cMarkup) -> bool:
    """Whether the page describes how to complain or escalate (see the module's docstring)."""
    if any(len(_PLACEHOLDER.sub("", text).strip()) >= MIN_SECTION_CHARS for text in w3c.complaints):
        return True
    section_text = " ".join(
        block.block.text for block in placed if block.is_in(ENFORCEMENT) and not block.block.is_heading
    )
    if len(_PLACEHOLDER.sub("", section_text).strip()) >= MIN_SECTION_CHARS:
        return True
    return any(
        _PROCEDURE.search(block.block.folded)
        for block in placed
        if not block.is_in(NON_ACCESSIBLE, ALTERNATIVES) and not block.block.is_heading
    ) or any(_PROCEDURE.search(fold(text)) for text in w3c.complaints)


def mentions_enforcement(folded: str) -> bool:
    """Whether a folded text names a complaint procedure or body."""
    return bool(_PROCEDURE.search(folded))
