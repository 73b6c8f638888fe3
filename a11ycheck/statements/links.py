"""Which of a page's links leads to its accessibility statement: candidates with a score, best first.

The crawl gives each link as (text, accessible name, absolute href). The score (0-100) adds what the words
say and what the address says, and takes off for addresses of news, agenda and search pages:
  - the text or the accessible name (the better of the two) names a statement ("Toegankelijkheidsverklaring",
    "Verklaring inzake toegankelijkheid", "Accessibility statement", "Déclaration d'accessibilité",
    "Erklärung zur Barrierefreiheit"): 60 when that is all it says, 50 in a short text (up to 6 words), 25
    in a longer one;
  - it only names accessibility ("Toegankelijkheid", "Accessibility", "Accessibilité", "Barrierefreiheit"):
    30 in up to 3 words, 15 in up to 6, 5 beyond;
  - the last segment of the address names a statement (/toegankelijkheidsverklaring, /accessibility-statement,
    /declaration-accessibilite, /erklaerung-zur-barrierefreiheit): 40; is accessibility itself
    (/toegankelijkheid, /accessibility, /accessibilite, /barrierefreiheit): 25; has the word elsewhere: 5;
  - the address is under news, agenda, blog, press or search (/nieuws/, /actueel/, /news/, /zoeken...): -40;
    it carries a search query: -60; the text speaks of a generator or tool: -40.
So the footer's "Toegankelijkheidsverklaring" to /toegankelijkheidsverklaring scores 100, a footer's
"Toegankelijkheid" to /toegankelijkheid 55, and a news item "Toegankelijkheid: nieuw speelplein" under
/nieuws/ 0. Candidates under MIN_SCORE are left out; links that are not http(s) are never candidates.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from a11ycheck.statements.folding import fold
from a11ycheck.statements.sections import STATEMENT_NAME, STATEMENT_SLUG

MIN_SCORE = 30
_LINK_NAME = re.compile(STATEMENT_NAME.pattern + r"|verklaring toegankelijkheid|toegankelijkheids?verklaring")
_GENERIC = re.compile(
    r"\b(?:digitale |web)?toegankelijkheid\b|\baccessibility\b|\baccessibilite\b|\bbarrierefreiheit\b"
    r"|\bbarrierefrei\b|\btoegankelijk\b"
)
_SLUG_GENERIC = re.compile(
    r"^(?:digitale-|web-?)?(?:toegankelijkheid|accessibility|accessibilite|barrierefreiheit)(?:-website)?$"
)
_SLUG_WORD = re.compile(r"toegankelijk|accessib|barrierefrei")
_AWAY = {"nieuws", "news", "actueel", "actualiteit", "actualites", "aktuelles", "blog", "pers", "press"}
_AWAY |= {"persberichten", "agenda", "evenementen", "events", "zoek", "zoeken", "search", "recherche"}
_AWAY |= {"suche", "tag", "tags", "categorie", "category", "archief", "archive"}
_SEARCH_KEYS = {"q", "query", "s", "search", "zoek", "zoekterm", "keyword", "keys", "term", "text"}
_TOOLS = re.compile(r"generator|\btool\b|checker|validator")
_EXTENSION = re.compile(r"\.(?:html?|php|aspx?|jsp|cfm)$")


@dataclass(frozen=True)
class StatementLinkCandidate:
    """A link that may lead to the statement: its address, the words that scored, the score and why."""

    href: str
    text: str
    score: int
    reasons: tuple[str, ...]


def _words_score(text: str) -> tuple[int, str | None]:
    folded = re.sub(r"[^\w' ]+", " ", fold(text)).strip()
    words = len(folded.split())
    if not words:
        return 0, None
    name = _LINK_NAME.search(folded)
    if name:
        if name.group(0) == folded:
            return 60, "its words are a statement's name"
        return (50, "its words name a statement") if words <= 6 else (25, "a long text names a statement")
    if _GENERIC.search(folded):
        if words <= 3:
            return 30, "its words name accessibility"
        return (15, "its words name accessibility") if words <= 6 else (5, "a long text names accessibility")
    return 0, None


def _address_score(href: str) -> tuple[int, list[str]]:
    parts = urlsplit(href)
    segments = [
        fold(unquote(segment)).replace("_", "-").replace(" ", "-") for segment in parts.path.split("/")
    ]
    segments = [segment for segment in segments if segment]
    slug = _EXTENSION.sub("", segments[-1]) if segments else ""
    score, reasons = 0, []
    if STATEMENT_SLUG.search(slug):
        score, reasons = 40, ["its address names a statement"]
    elif _SLUG_GENERIC.match(slug):
        score, reasons = 25, ["its address is the accessibility page"]
    elif any(_SLUG_WORD.search(segment) for segment in segments):
        score, reasons = 5, ["its address names accessibility"]
    if set(segments[:-1]) & _AWAY or slug in _AWAY:
        score -= 40
        reasons.append("its address is under news, agenda or search")
    if {key.lower() for key, _ in parse_qsl(parts.query)} & _SEARCH_KEYS:
        score -= 60
        reasons.append("its address is a search")
    return score, reasons


def _candidate(text: str | None, name: str | None, href: str | None) -> StatementLinkCandidate | None:
    href = (href or "").strip()
    try:
        parts = urlsplit(href)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
    except ValueError:
        return None
    (words, why), label = max(
        ((_words_score(value or ""), value or "") for value in (text, name)), key=lambda scored: scored[0][0]
    )
    address, address_reasons = _address_score(href)
    score, reasons = words + address, ([why] if why else []) + address_reasons
    if _TOOLS.search(fold(f"{text or ''} {name or ''}")):
        score -= 40
        reasons.append("its words speak of a tool")
    clean_href = urlunsplit(parts._replace(fragment=""))
    return StatementLinkCandidate(clean_href, label.strip()[:300], max(0, min(100, score)), tuple(reasons))


def find_statement_links(
    links: Iterable[tuple[str | None, str | None, str | None]],
) -> list[StatementLinkCandidate]:
    """The links that may lead to the statement, best first (ties in page order), each address once.

    `links` are (text, accessible name, absolute href) as the crawl collected them from the rendered page.
    """
    best: dict[str, StatementLinkCandidate] = {}
    for text, name, href in links:
        candidate = _candidate(text, name, href)
        if candidate is None or candidate.score < MIN_SCORE:
            continue
        if candidate.href not in best or candidate.score > best[candidate.href].score:
            best[candidate.href] = candidate
    order = {href: index for index, href in enumerate(best)}
    return sorted(best.values(), key=lambda candidate: (-candidate.score, order[candidate.href]))


def best_statement_link(
    links: Iterable[tuple[str | None, str | None, str | None]],
) -> StatementLinkCandidate | None:
    """The best candidate of find_statement_links, or None when no link scores MIN_SCORE."""
    candidates = find_statement_links(links)
    return candidates[0] if candidates else None
