"""Which section of the model statement each block of a page is in, from the headings above it.

The EU model (Implementing Decision 2018/1523) and the statements made from it (Flemish, Dutch, Belgian
French and German, the W3C generator's) are organised under headings: compliance status, non-accessible
content (with its reasons: non-compliance, disproportionate burden, out of scope), accessible alternatives,
preparation of the statement, feedback and contact, enforcement or complaints. A heading names its section
for everything under it down to the next heading of the same or a higher level; a heading we do not know
keeps the section of the one above it. A bold line or a <dt> counts as a heading below every real one, and a
paragraph that starts with a section's name and a colon ("Nalevingsstatus: ...") is in that section itself
(not a list item or a paragraph in the non-accessible content: "Contactformulier: ..." there is an item).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from a11ycheck.statements.page_text import PSEUDO_HEADING_LEVEL, Block

STATEMENT = "statement"  # the statement's own title: "Toegankelijkheidsverklaring", "Accessibility statement"
STATUS = "status"
NON_ACCESSIBLE = "non-accessible"
ALTERNATIVES = "alternatives"
PREPARATION = "preparation"
FEEDBACK = "feedback"
ENFORCEMENT = "enforcement"
MODEL_SECTIONS = (STATUS, NON_ACCESSIBLE, PREPARATION, FEEDBACK, ENFORCEMENT)

STATEMENT_NAME = re.compile(
    r"toegankelijkheidsverklaring"
    r"|verklaring (?:inzake|over|van|betreffende|m\.b\.t\.) (?:de )?toegankelijkheid"
    r"|accessibility statement|statement (?:on|of) accessibility|declaration d'accessibilite"
    r"|declaration (?:relative a|sur) l'accessibilite|erklarung zur barrierefreiheit"
    r"|barrierefreiheitserklarung|erklarung uber die barrierefreiheit"
)
# The last segment of a statement's address, folded: /toegankelijkheidsverklaring, /accessibility-statement
STATEMENT_SLUG = re.compile(
    r"toegankelijkheids-?verklaring|verklaring-(?:inzake-)?toegankelijkheid|accessibility-?statement"
    r"|declaration-(?:d-)?accessibilite|erkl(?:ae|a)rung-zur-barrierefreiheit|barrierefreiheitserkl(?:ae|a)rung"
)
_REASONS = (
    r"niet[- ]naleving|onevenredige last|buiten (?:de )?(?:werkingssfeer|toepassingsgebied)|uitzondering"
    r"|non[- ]?compliance|disproportionate burden|(?:not )?(?:with)?in (?:the )?scope|exemption"
    r"|non[- ]conformite|charge disproportionnee|hors (?:du )?champ|derogation|non soumis"
    r"|unvereinbarkeit|unverhaltnismassige belastung|anwendungsbereich|ausnahme"
)
_HEADING_PATTERNS = (
    (STATEMENT, STATEMENT_NAME),
    (
        STATUS,
        re.compile(
            r"nalevingsstatus|status van (?:de )?naleving|(?<!non-)(?<!non )(?<!niet-)conformiteit"
            r"|nalevingsniveau"
            r"|compliance (?:status|level)|conformance (?:status|level)|(?:status|level) of compliance"
            r"|(?<!non-)(?<!non )\bconformite\b"
            r"|stand der vereinbarkeit|vereinbarkeit mit|konformitatsstatus|^status$|^conformance$"
        ),
    ),
    (
        NON_ACCESSIBLE,
        re.compile(
            r"niet[- ]toegankelijke? inhoud|niet toegankelijk|ontoegankelijk|toegankelijkheidsbeperking"
            r"|(?:bekende|gekende) (?:problemen|knelpunten|beperkingen|drempels|tekortkomingen)|beperkingen"
            r"|onderzoeksresultaten|bevindingen|knelpunten|tekortkomingen|onvolkomenheden"
            r"|wat (?:werkt|is) (?:nog )?niet|nog niet (?:in orde|goed)|wat kan (?:nog )?beter"
            r"|what (?:doesn't|does not|isn't|is not) (?:yet )?(?:work|accessible)"
            r"|ce qui ne (?:fonctionne|marche) pas"
            r"|was (?:noch )?nicht (?:funktioniert|barrierefrei)"
            r"|toelichting op de nalevingsstatus|non[- ]accessible|inaccessible|not accessible"
            r"|known (?:issues|limitations)|limitations|contenus? non accessibles?|non accessibles?"
            r"|nicht barrierefrei"
            r"|einschrankungen|bekannte (?:probleme|mangel)|" + _REASONS
        ),
    ),
    (ALTERNATIVES, re.compile(r"alternatie(?:f|ve|ven)|alternatives?\b|alternative (?:zugangswege|inhalte)")),
    (
        PREPARATION,
        re.compile(
            r"opstel|opgesteld|opmaak van|totstandkoming|over deze verklaring|^datum|methode"
            r"|wijze van auditen"
            r"|evaluat|preparation of|about this statement|^date\b|assessment approach|method|etablissement"
            r"|elaboration|redaction|erstellung|^stand$|prufverfahren|bewertungsmethode"
        ),
    ),
    (
        FEEDBACK,
        re.compile(
            r"feedback|contact|terugkoppeling|meld(?:en|ing)? (?:een |uw )?(?:probleem|drempel)"
            r"|vragen|questions?\b|retour d'information|coordonnees|nous contacter|signaler|kontakt"
            r"|ruckmeldung|ansprechpartner|help us|let us know|hulp nodig"
        ),
    ),
    (
        ENFORCEMENT,
        re.compile(
            r"handhaving|klacht|ombuds|niet tevreden|enforcement|complain|escalat|procedure d'application"
            r"|procedure de mise en oeuvre|voies? de recours|recours|mediat|reclamation|plainte|durchsetzung"
            r"|schlichtung|beschwerde"
        ),
    ),
)
_LABEL = re.compile(r"^([^:\n]{3,60}):\s*\S")
MAX_LABEL_LINE_CHARS = 80
MAX_HEADING_CHARS = 150


@dataclass(frozen=True)
class PlacedBlock:
    """A block and the model sections it is in (empty when no heading above it is one we know)."""

    block: Block
    sections: frozenset[str]

    def is_in(self, *sections: str) -> bool:
        return bool(self.sections.intersection(sections))


def heading_sections(folded_heading: str) -> frozenset[str]:
    """The model sections a (folded) heading names; a heading about non-compliances is not the status one."""
    if len(folded_heading) > MAX_HEADING_CHARS:
        return frozenset()
    text = folded_heading.strip(" :.?!")
    found = {section for section, pattern in _HEADING_PATTERNS if pattern.search(text)}
    if NON_ACCESSIBLE in found:
        found.discard(STATUS)
    if len(found) > 1:
        found.discard(STATEMENT)  # "Opstelling van deze toegankelijkheidsverklaring" is the preparation
    return frozenset(found)


def _leading_label(block: Block, sections: frozenset[str]) -> frozenset[str]:
    """The sections a paragraph's leading label names: "Nalevingsstatus: ..." or a first line of its own
    ("Feedback<br>Mail ons..."); none for list items, table rows and paragraphs of the content listed."""
    if (
        block.heading_level is not None
        or block.tag in ("li", "tr")
        or sections & {NON_ACCESSIBLE, ALTERNATIVES}
    ):
        return frozenset()
    first_line, _, rest = block.folded.partition("\n")
    if rest and len(first_line) <= MAX_LABEL_LINE_CHARS and not first_line.endswith((".", "!", ";", ",")):
        return heading_sections(first_line) - {STATEMENT}
    label = _LABEL.match(block.folded)
    return heading_sections(label.group(1)) - {STATEMENT} if label else frozenset()


def place_blocks(blocks: Iterable[Block]) -> list[PlacedBlock]:
    """Each block with the sections of the innermost known heading above it. A paragraph that starts with
    a section's label opens that section, as a bold line would."""
    open_headings: list[tuple[int, frozenset[str]]] = []
    placed = []
    for block in blocks:
        if block.heading_level is not None:
            while open_headings and open_headings[-1][0] >= block.heading_level:
                open_headings.pop()
            open_headings.append((block.heading_level, heading_sections(block.folded)))
        sections = next((known for _, known in reversed(open_headings) if known), frozenset())
        if label_sections := _leading_label(block, sections):
            while open_headings and open_headings[-1][0] >= PSEUDO_HEADING_LEVEL:
                open_headings.pop()
            open_headings.append((PSEUDO_HEADING_LEVEL, label_sections))
            sections = label_sections
        placed.append(PlacedBlock(block, sections))
    return placed


REASON_PATTERN = re.compile(_REASONS)
