"""The non-accessible content a statement lists, the WCAG success criteria it names, and whether it says
why (the model's reasons) and what the accessible alternatives are.

Items are the generator's `accessibility-limitations` list items, else the list items, table rows and
paragraphs of the non-accessible content section, without the model's own lines (its introduction "De
onderstaande inhoud is niet toegankelijk om de volgende redenen", the reason labels, "niet van toepassing",
template placeholders). A page without such a section lists content only in a list right after a sentence
that announces non-accessible content and ends in a colon. Criteria are success criterion numbers written
in that content ("1.1.1", "SC 1.4.3", EN 301 549's "9.1.4.3"), checked against the WCAG 2.x list.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from a11ycheck.statements.folding import fold
from a11ycheck.statements.sections import ALTERNATIVES, NON_ACCESSIBLE, REASON_PATTERN, PlacedBlock
from a11ycheck.statements.w3c_markup import W3cMarkup
from a11ycheck.statements.wcag import SUCCESS_CRITERIA, criterion_order

MAX_ITEMS = 100
MAX_ITEM_CHARS = 200
MIN_ITEM_CHARS = 12

_INTRO = re.compile(
    r"(?:onderstaande|volgende|hieronder (?:vermelde|beschreven)) (?:inhoud|onderdelen|content|problemen)"
    r"|om (?:de|een) (?:volgende )?reden|volgende reden|content (?:listed )?below|for the following reasons?"
    r"|contenus? (?:liste|listes|ci-dessous)|pour les raisons suivantes|nachstehend|folgenden grunden"
    r"|aus (?:den )?folgenden"
)
_NOTHING = re.compile(
    r"^(?:geen|niet van toepassing|n\.?v\.?t\.?|none|not applicable|n/a|neant|sans objet|keine|entfallt"
    r"|nicht zutreffend|er is geen|er zijn geen|there is no|there are no|no known|il n'y a pas|aucun"
    r"|es gibt keine|es sind keine)\b"
)
_NOTHING_SAID = re.compile(  # a short paragraph that says there is nothing to list
    r"\b(?:er (?:is|zijn) (?:momenteel |op dit moment |nog )?geen|geen (?:gekende|bekende)|no known"
    r"|there (?:is|are) no|il n'y a (?:pas|aucun)|aucun (?:contenu|probleme)|es (?:gibt|sind) keine"
    r"|keine bekannten|volledig toegankelijk|fully accessible|entierement accessible"
    r"|vollstandig barrierefrei)\b"
)
MAX_NOTHING_CHARS = 200
_PLACEHOLDER = re.compile(r"\[[^\]]{0,200}\]|\.\.\.|…|<[^>]{0,80}>")
_ANNOUNCES = re.compile(
    r"niet (?:volledig )?toegankelijk|ontoegankelijk|not (?:fully )?accessible|non accessibles?"
    r"|pas accessibles?"
    r"|nicht (?:vollstandig )?barrierefrei|voldoen (?:nog )?niet|do not (?:yet )?(?:meet|conform|comply)"
    r"|ne sont pas conformes|known (?:issues|limitations)|bekende (?:problemen|knelpunten)"
)
_ALTERNATIVE = re.compile(
    r"alternatie(?:f|ve|ven)|alternative|op (?:aanvraag|verzoek|vraag)|on request|upon request|sur demande"
    r"|auf anfrage|auf nachfrage|in een toegankelijk formaat|in an accessible format"
    r"|dans un format accessible"
    r"|in einem barrierefreien format|op papier|on paper|sur papier|auf papier"
)
_BECAUSE = re.compile(r"\b(?:omdat|doordat|aangezien|because|due to|parce que|car|en raison|weil|da\b|wegen)")
_CRITERION = re.compile(r"(?<![\d.,])(?:9\.)?([1-4])\.(\d{1,2})\.(\d{1,2})(?![\d]|\.\d)")
_VERSION_BEFORE = re.compile(r"(?:\bv|versie|version|en 301 549|en301549)\s*\.?\s*$")


@dataclass(frozen=True)
class NonAccessibleContent:
    """What the statement lists as not accessible, and what it says about it."""

    items: tuple[str, ...] = ()  # each item's text, cut at MAX_ITEM_CHARS
    criteria: tuple[str, ...] = ()  # success criteria named there, in WCAG order
    reasons_given: bool = False  # the model's reasons, or a "because" in the items
    alternatives: bool = False  # accessible alternatives are offered

    @property
    def listed(self) -> bool:
        return bool(self.items)


def _cut(text: str) -> str:
    if len(text) <= MAX_ITEM_CHARS:
        return text
    return text[: MAX_ITEM_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _is_item(block: PlacedBlock) -> bool:
    folded = block.block.folded.strip(" -*•:.;")
    if block.block.is_heading or block.block.tag == "th-row" or len(folded) < MIN_ITEM_CHARS:
        return False
    if _NOTHING.search(folded) or not _PLACEHOLDER.sub("", folded).strip(" .,;:"):
        return False
    if len(folded) <= MAX_NOTHING_CHARS and _NOTHING_SAID.search(folded):
        return False
    if block.block.tag not in ("li", "tr") and block.block.folded.rstrip().endswith(":"):
        return False  # a paragraph that announces the list that follows
    is_label = len(folded) < 120 and REASON_PATTERN.search(folded) and block.block.tag != "tr"
    return not (_INTRO.search(folded) and len(folded) < 300) and not is_label


def criteria_in(folded: str) -> set[str]:
    """The WCAG success criteria a text names: "1.4.3", and EN 301 549's "9.1.4.3" as 1.4.3."""
    found = set()
    for match in _CRITERION.finditer(folded):
        if _VERSION_BEFORE.search(folded[max(0, match.start() - 12) : match.start()]):
            continue
        principle, guideline, criterion = match.groups()
        if guideline.startswith("0") or criterion.startswith("0"):
            continue
        number = f"{principle}.{guideline}.{criterion}"
        if number in SUCCESS_CRITERIA:
            found.add(number)
    return found


def _listed_after_announcement(placed: Sequence[PlacedBlock]) -> list[PlacedBlock]:
    items, collecting = [], False
    for block in placed:
        if block.block.tag in ("li", "tr") and collecting:
            items.append(block)
            continue
        folded = block.block.folded.rstrip()
        collecting = folded.endswith(":") and bool(_ANNOUNCES.search(folded))
    return items


def read_non_accessible(placed: Sequence[PlacedBlock], w3c: W3cMarkup) -> NonAccessibleContent:
    """The non-accessible content section as read (see the module's docstring)."""
    section = [block for block in placed if block.is_in(NON_ACCESSIBLE)]
    texts = list(dict.fromkeys(w3c.limitations))
    if not texts:
        blocks = section or _listed_after_announcement(placed)
        texts = list(dict.fromkeys(block.block.text for block in blocks if _is_item(block)))
    items = tuple(_cut(text) for text in texts[:MAX_ITEMS])
    folded_all = " ".join([fold(text) for text in texts] + [block.block.folded for block in section])
    criteria = tuple(sorted(criteria_in(folded_all), key=criterion_order))
    reasons = bool(REASON_PATTERN.search(folded_all) or _BECAUSE.search(folded_all))
    alternatives = any(block.is_in(ALTERNATIVES) and not block.block.is_heading for block in placed)
    alternatives = alternatives or bool(_ALTERNATIVE.search(folded_all))
    return NonAccessibleContent(items, criteria if items else (), reasons and bool(items), alternatives)
