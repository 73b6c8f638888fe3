"""Whether a page is an accessibility statement: it must have the shape of one, not merely its words.

The model's parts are: a compliance status, the non-accessible content, the preparation (dates, method),
feedback and contact, and the complaint procedure. A part is present "by structure" when the page has its
heading with text under it (or the generator's class names), and "by text" when its content was read
without such a heading. A page is a statement when
  1. it names itself one (its h1 or a part of its <title> starts with "Toegankelijkheidsverklaring",
     "Verklaring inzake toegankelijkheid", "Accessibility statement", "Déclaration d'accessibilité",
     "Erklärung zur Barrierefreiheit"... but not "Toegankelijkheidsverklaring opstellen"; or an h2 is that
     name and nothing more; or its address ends in /toegankelijkheidsverklaring, /accessibility-statement...)
     and has at least two of the five parts, by structure or by text; or
  2. it claims a compliance status and has at least two of the other four parts by structure.
A search results page, the model's template with its blanks ("[datum]") not filled in (four blanks or more),
an empty or unreadable page is never one. News items, pages about the accessibility of buildings and policy
pages name no statement and have no statement sections, so rule 2 keeps them out even when they quote a
compliance sentence: when unsure, a page is not a statement.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from a11ycheck.statements.folding import fold
from a11ycheck.statements.page_text import PageText
from a11ycheck.statements.problems import (
    EMPTY_PAGE,
    NO_STATEMENT_SHAPE,
    NOT_A_STATEMENT,
    SEARCH_RESULTS_PAGE,
    TEMPLATE_PAGE,
    UNREADABLE_PAGE,
    UNSUPPORTED_LANGUAGE,
)
from a11ycheck.statements.sections import (
    ENFORCEMENT,
    FEEDBACK,
    MODEL_SECTIONS,
    NON_ACCESSIBLE,
    PREPARATION,
    STATEMENT_NAME,
    STATEMENT_SLUG,
    STATUS,
    PlacedBlock,
)
from a11ycheck.statements.w3c_markup import W3cMarkup

MIN_TEXT_CHARS = 40
PARTS_WHEN_NAMED = 2
OTHER_PARTS_WHEN_UNNAMED = 2

_SEARCH_TITLE = re.compile(
    r"zoekresultat|^zoek(?:en)?\b|search results?|^search\b|resultats? de (?:la )?recherche|^recherche\b"
    r"|suchergebnis|^suche\b|results? for\b|resultaten voor"
)
_SEARCH_KEYS = {
    "q", "query", "s", "search", "zoek", "zoekterm", "keyword", "keywords", "keys", "term", "text",
    "searchterm", "search_api_fulltext", "zoekopdracht", "recherche", "suche", "fulltext",
}  # fmt: skip
_SEARCH_PATHS = {"zoek", "zoeken", "search", "recherche", "suche", "zoekresultaten", "searchresults"}
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·:»]\s+")
# "Toegankelijkheidsverklaring opstellen", "... model", "... vernieuwd": a page about writing one, or news
# about one, not a statement
_GUIDE_WORDS = {
    "opstellen", "opmaken", "maken", "schrijven", "invullen", "model", "modelverklaring", "sjabloon",
    "template", "generator", "writing", "write", "create", "creating", "rediger", "redaction", "modele",
    "erstellen", "muster", "vorlage", "generieren", "checklist", "handleiding", "guide", "tool",
    "vernieuwd", "aangepast", "gepubliceerd", "updated", "published", "publiee", "aktualisiert",
    "veroffentlicht",
}  # fmt: skip
# A blank of the model left to fill in: "[datum]", "[naam van de organisatie]", "[...]" (not "[1]", "[at]")
_BLANK = re.compile(r"\[(?!\s*(?:at|dot|punt|\d+)\s*\])[^\]\n]{1,80}\]")
TEMPLATE_BLANKS = 4
_OWNERS = re.compile(r"^(?:onze|de|our|the|notre|la|unsere|die)\s+")
_EXTENSION = re.compile(r"\.(?:html?|php|aspx?|jsp)$")


@dataclass(frozen=True)
class Shape:
    """The verdict, the problem codes behind a "no", and which model parts were seen and how."""

    is_statement: bool
    problems: tuple[str, ...]
    names_itself: bool
    parts_by_structure: frozenset[str]
    parts_by_text: frozenset[str]


def _starts_with_name(text: str) -> bool:
    """A statement's name, as a whole word, not followed by what a guide about statements says."""
    name = STATEMENT_NAME.match(text)
    if name is None:
        return False
    rest = text[name.end() :]
    if rest[:1].isalnum():
        return False  # "toegankelijkheidsverklaringen": the plural names statements in general
    following = rest.split()[:1]
    return not (following and following[0].strip(":,.") in _GUIDE_WORDS)


def names_itself(page: PageText) -> bool:
    """Whether the page's h1 or one part of its <title> starts with a statement's name, an h2 is that name
    and nothing more, or its address ends in one (/toegankelijkheidsverklaring, /accessibility-statement)."""
    candidates = [fold(h1) for h1 in page.h1s]
    candidates += [piece for piece in _TITLE_SEPARATORS.split(fold(page.title)) if piece]
    if any(_starts_with_name(_OWNERS.sub("", candidate.strip())) for candidate in candidates):
        return True
    h2s = (block.folded.strip(" :.") for block in page.blocks if block.tag == "h2")
    if any(STATEMENT_NAME.fullmatch(_OWNERS.sub("", h2)) for h2 in h2s):
        return True
    try:
        path = urlsplit(page.url).path
    except ValueError:
        return False
    slug = fold(unquote(path.rstrip("/").rsplit("/", 1)[-1]))
    return bool(STATEMENT_SLUG.fullmatch(_EXTENSION.sub("", slug)))


def is_search_page(page: PageText) -> bool:
    """A search results page: by its title or h1, or by its address (a search path or query)."""
    if any(_SEARCH_TITLE.search(fold(text)) for text in (page.title, *page.h1s)):
        return True
    try:
        parts = urlsplit(page.url)
    except ValueError:
        return False
    keys = {key.lower() for key, value in parse_qsl(parts.query) if value}
    segments = {segment.lower() for segment in parts.path.split("/") if segment}
    return bool(keys & _SEARCH_KEYS or segments & _SEARCH_PATHS)


def structural_parts(placed: Sequence[PlacedBlock], w3c: W3cMarkup) -> frozenset[str]:
    """The model parts whose heading has text under it on this page, or whose generator classes are there."""
    parts = {section for block in placed if not block.block.is_heading for section in block.sections}
    parts &= set(MODEL_SECTIONS)
    if w3c.statuses:
        parts.add(STATUS)
    if w3c.limitations:
        parts.add(NON_ACCESSIBLE)
    if w3c.created or w3c.renewed or w3c.approaches:
        parts.add(PREPARATION)
    if w3c.feedback_links or w3c.feedback_phones or w3c.feedback_emails:
        parts.add(FEEDBACK)
    if w3c.complaints:
        parts.add(ENFORCEMENT)
    return frozenset(parts)


def judge_shape(
    page: PageText,
    placed: Sequence[PlacedBlock],
    w3c: W3cMarkup,
    parts_by_text: frozenset[str],
    language: str | None,
) -> Shape:
    """The verdict of the module's rules, with the problem codes that say why a page is not a statement."""
    by_structure = structural_parts(placed, w3c)
    named = names_itself(page) if page.blocks else False
    text_length = sum(len(block.block.text) for block in placed)

    def verdict(is_statement: bool, *problems: str) -> Shape:
        return Shape(is_statement, problems, named, by_structure, parts_by_text)

    if page.unreadable:
        return verdict(False, NOT_A_STATEMENT, UNREADABLE_PAGE)
    if text_length < MIN_TEXT_CHARS:
        return verdict(False, NOT_A_STATEMENT, EMPTY_PAGE)
    if is_search_page(page):
        return verdict(False, NOT_A_STATEMENT, SEARCH_RESULTS_PAGE)
    if sum(len(_BLANK.findall(block.block.text)) for block in placed) >= TEMPLATE_BLANKS:
        return verdict(False, NOT_A_STATEMENT, TEMPLATE_PAGE)
    all_parts = by_structure | parts_by_text
    if named and len(all_parts) >= PARTS_WHEN_NAMED:
        return verdict(True)
    if STATUS in parts_by_text and len(by_structure - {STATUS}) >= OTHER_PARTS_WHEN_UNNAMED:
        return verdict(True)
    if language is None:
        return verdict(False, NOT_A_STATEMENT, UNSUPPORTED_LANGUAGE)
    return verdict(False, NOT_A_STATEMENT, NO_STATEMENT_SHAPE)
