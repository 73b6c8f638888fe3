"""Which crawled page is the home page, the login, the sitemap, the contact page, ... and why.

Each role has keywords in Dutch, French and English (docs/sample.md lists them and the rules). A page is a
candidate for a role when its URL path, its title, its main heading (h1) or the name of a link pointing to
it from elsewhere on the site holds one of the role's keywords, or when a form on it shows it (a password
field: a login). Second-level headings only add weight. Texts that repeat on many pages (the site's name in
every title, a "Contact" heading in every footer) say nothing about one page and are ignored. The best
candidate of a role has the highest score, then is nearest the root, then comes first alphabetically. A role
without a candidate is missing: it is never guessed.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from a11ycheck.review.facts import PageFacts, usable_page
from a11ycheck.review.templates import url_depth_key
from a11ycheck.review.words import Keywords, path_segments, title_parts, words
from a11ycheck.urls import normalize_url

HOME = "home"
LOGIN = "login"
SITEMAP = "sitemap"
CONTACT = "contact"
HELP = "help"
LEGAL = "legal"
SEARCH = "search"
SERVICE = "service"
STATEMENT = "statement"
FEEDBACK = "feedback"
# (a), (b) and (c) of the EU method, in the order a sample lists them.
ROLES = (HOME, LOGIN, SITEMAP, CONTACT, HELP, LEGAL, SEARCH, SERVICE, STATEMENT, FEEDBACK)


ROLE_KEYWORDS: dict[str, Keywords] = {
    HOME: Keywords(
        "=home", "=startpagina", "=homepage", "=start", "=accueil", "page d accueil", "=home page"
    ),
    LOGIN: Keywords(
        "aanmelden",
        "inloggen",
        "=login",
        "log in",
        "sign in",
        "=signin",
        "mijn profiel",
        "mijn account",
        "se connecter",
        "=connexion",
        "mon compte",
        "mon profil",
        "my account",
        "my profile",
    ),
    SITEMAP: Keywords("sitemap", "sitekaart", "site map", "plan du site", "plan van de site"),
    CONTACT: Keywords("contact*"),
    HELP: Keywords(
        "help*",
        "=hulp",
        "hulp nodig",
        "veelgestelde vragen",
        "faq*",
        "=aide",
        "besoin d aide",
        "questions frequentes",
        "frequently asked questions",
    ),
    LEGAL: Keywords(
        "privacy*",
        "cookie*",
        "disclaimer",
        "gebruiksvoorwaarden",
        "juridische informatie",
        "wettelijke vermeldingen",
        "mentions legales",
        "legal*",
        "vie privee",
        "conditions d utilisation",
        "conditions generales",
        "protection des donnees",
        "terms of use",
        "terms and conditions",
        "gdpr",
    ),
    SEARCH: Keywords(
        "=zoeken",
        "=zoek",
        "zoekresultat*",
        "=search",
        "search results",
        "=recherche",
        "=rechercher",
        "resultats de recherche",
    ),
    STATEMENT: Keywords(
        "toegankelijkheid*",
        "=toegankelijk",
        "accessibility*",
        "accessibilite*",
        "declaration d accessibilite",
    ),
    FEEDBACK: Keywords(
        "feedback",
        "meld een probleem",
        "*probleem melden",
        "meld een toegankelijkheidsprobleem",
        "signaler un probleme",
        "report a problem",
        "report an accessibility problem",
        "klacht*",
        "*klacht",
        "plainte*",
        "complaint*",
        "uw mening",
        "votre avis",
    ),
}
# Types of service, each with its keywords: a sample takes one page of each type the site has.
SERVICE_TYPES: dict[str, Keywords] = {
    "e-loket": Keywords("e loket", "*loket", "e guichet", "guichet*", "online services", "mijn dossier"),
    "aanvraag": Keywords("aanvra*", "*aanvraag", "*aanvragen", "demande*", "=apply", "apply for"),
    "afspraak": Keywords("afspra*", "*afspraak", "rendez vous", "appointment*"),
    "melding": Keywords("meld*", "*melding", "signalement", "signaler*"),
    "formulier": Keywords("formulier*", "*formulier", "formulaire*", "=form", "=forms", "online form"),
    "attest": Keywords(
        "attest*",
        "*attest",
        "uittreksel*",
        "*uittreksel",
        "*akte",
        "akten",
        "certificaat",
        "certificat*",
        "extrait*",
        "certificate*",
    ),
    "vergunning": Keywords("*vergunning*", "permis", "permit*"),
    "premie": Keywords("*premie", "*premies", "*subsidie*", "*toelage*", "prime*", "subside*", "grant*"),
    "inschrijving": Keywords(
        "inschrij*", "*inschrijving", "inscri*", "s inscrire", "registr*", "sign up", "enrol*"
    ),
}

# How much each kind of evidence weighs; a role needs at least one of QUALIFYING.
WEIGHTS = {"path": 3, "title": 2, "h1": 3, "link": 3, "h2": 1, "field": 1, "form": 4, "root": 8, "start": 10}
QUALIFYING = ("path", "title", "h1", "link", "form", "root", "start")
ROOT_PATHS = frozenset({(), ("index",), ("home",), ("start",), ("nl",), ("fr",), ("en",), ("de",)})
BOILERPLATE_SHARE = 1 / 3  # a text on more than this share of the pages (and on 3 or more) is ignored


@dataclass(frozen=True)
class RoleMatch:
    """A page that is a candidate for a role: its score and the evidence a person can check."""

    role: str
    url: str
    score: int
    evidence: tuple[str, ...]
    service_type: str | None = None


@dataclass(frozen=True)
class RoleFindings:
    """Every candidate of every role, best first; `services` is one list per service type found."""

    candidates: dict[str, tuple[RoleMatch, ...]]
    services: dict[str, tuple[RoleMatch, ...]] = field(default_factory=dict)

    def best(self, role: str) -> RoleMatch | None:
        found = self.candidates.get(role, ())
        return found[0] if found else None

    @property
    def missing(self) -> tuple[str, ...]:
        """Roles no page was found for (a service counts as found when any type was)."""
        found = {role for role, matches in self.candidates.items() if matches}
        if self.services:
            found.add(SERVICE)
        return tuple(role for role in ROLES if role not in found)


def is_html_page(page: PageFacts) -> bool:
    """A page the sample can take for a role or a template: HTML, or of an unknown type, not a document."""
    return not page.is_document and (page.content_type is None or "html" in page.content_type.lower())


def find_roles(pages: Sequence[PageFacts], start_url: str | None = None) -> RoleFindings:
    """The candidates for every role among `pages` (HTML pages only; give each URL once)."""
    usable = (usable_page(page) for page in pages)
    pages = sorted((page for page in usable if page and is_html_page(page)), key=lambda page: page.url)
    boilerplate = _boilerplate(pages)
    start = _normalised(start_url) if start_url else None
    candidates: dict[str, list[RoleMatch]] = {role: [] for role in ROLES if role != SERVICE}
    services: dict[str, list[RoleMatch]] = {}
    for page in pages:
        texts = _page_texts(page, boilerplate)
        for role in candidates:
            match = _match_role(role, page, texts, start)
            if match:
                candidates[role].append(match)
        for service_type, keywords in SERVICE_TYPES.items():
            match = _match(SERVICE, page, texts, keywords, service_type=service_type)
            if match:
                services.setdefault(service_type, []).append(match)
    search = candidates[SEARCH]
    if not search:  # no page is named for search: a page with a search field offers it
        search.extend(
            RoleMatch(SEARCH, page.url, 1, ("search field on the page",))
            for page in pages
            if page.has_search_field
        )
    ranked = {role: _ranked(matches) for role, matches in candidates.items()}
    taken = {matches[0].url for matches in ranked.values() if matches}
    return RoleFindings(
        candidates=ranked,
        services={kind: _ranked(matches, taken) for kind, matches in sorted(services.items())},
    )


def _ranked(
    matches: Iterable[RoleMatch], taken: frozenset[str] | set[str] = frozenset()
) -> tuple[RoleMatch, ...]:
    """Best first: pages not already taken for another role, then score, then nearest the root."""
    return tuple(
        sorted(matches, key=lambda match: (match.url in taken, -match.score, url_depth_key(match.url)))
    )


# (kind of evidence, what a person reads, the words) of a page
_Text = tuple[str, str, str]


def _page_texts(page: PageFacts, boilerplate: dict[str, set[str]]) -> list[_Text]:
    texts: list[_Text] = [("path", segment, _joined(segment)) for segment in path_segments(page.url)]
    texts += [
        ("title", part, _joined(part)) for part in title_parts(page.title) if part not in boilerplate["title"]
    ]
    texts += [("h1", text, _joined(text)) for text in page.h1 if text not in boilerplate["h1"]]
    texts += [("h2", text, _joined(text)) for text in page.h2 if text not in boilerplate["h2"]]
    texts += [("link", text, _joined(text)) for text in page.link_texts]
    return texts


def _joined(text: str) -> str:
    return " ".join(words(text))


_EVIDENCE = {"path": "URL path", "title": "title", "h1": "heading", "h2": "heading", "link": "link text"}


def _match(
    role: str,
    page: PageFacts,
    texts: list[_Text],
    keywords: Keywords,
    extra: Iterable[tuple[str, str]] = (),
    service_type: str | None = None,
) -> RoleMatch | None:
    """A RoleMatch when the page qualifies: evidence of a qualifying kind, each kind and text counted once."""
    evidence: dict[tuple[str, str], str] = {}
    for kind, shown, joined in texts:
        found = keywords.first_match(joined)
        if found and (kind, shown) not in evidence:
            evidence[(kind, shown)] = f"{_EVIDENCE[kind]} '{shown[:80]}' ({found.text})"
    for kind, said in extra:
        evidence[(kind, said)] = said
    kinds = {kind for kind, _ in evidence}
    if not kinds & set(QUALIFYING):
        return None
    score = sum(WEIGHTS[kind] for kind, _ in evidence)
    return RoleMatch(role, page.url, score, tuple(evidence.values()), service_type)


def _match_role(role: str, page: PageFacts, texts: list[_Text], start: str | None) -> RoleMatch | None:
    extra: list[tuple[str, str]] = []
    if role == HOME:
        if start and _normalised(page.url) == start:
            extra.append(("start", "the crawl's start URL"))
        if tuple(segment.lower() for segment in path_segments(page.url)) in ROOT_PATHS:
            extra.append(("root", "the root of the site"))
    elif role == LOGIN and page.has_password_field:
        extra.append(("form", "password field"))
    elif role == FEEDBACK:
        return _feedback(page, texts)
    elif role == SEARCH and page.has_search_field:
        extra.append(("field", "search field on the page"))  # supports a page named for search
    return _match(role, page, texts, ROLE_KEYWORDS[role], extra)


def _feedback(page: PageFacts, texts: list[_Text]) -> RoleMatch | None:
    """A page named for feedback (its words weigh double), or a form on a page named for contact: a
    contact form is a feedback mechanism too, a contact page without a form is not."""
    own = _match(FEEDBACK, page, texts, ROLE_KEYWORDS[FEEDBACK])
    contact = _match(FEEDBACK, page, texts, ROLE_KEYWORDS[CONTACT]) if page.form_count > 0 else None
    if own is None and contact is None:
        return None
    score = 2 * (own.score if own else 0) + (contact.score if contact else 0)
    evidence = (own.evidence if own else ()) + (contact.evidence if contact else ())
    if page.form_count > 0:
        score += WEIGHTS["form"]
        evidence += ("a form on the page",)
    return RoleMatch(FEEDBACK, page.url, score, evidence)


def _boilerplate(pages: Sequence[PageFacts]) -> dict[str, set[str]]:
    """By kind (title, h1, h2): the texts found on more than a third of the pages (and on 3 or more)."""
    seen: dict[str, Counter[str]] = {"title": Counter(), "h1": Counter(), "h2": Counter()}
    for page in pages:
        seen["title"].update(set(title_parts(page.title)))
        seen["h1"].update(set(page.h1))
        seen["h2"].update(set(page.h2))
    limit = max(2, int(len(pages) * BOILERPLATE_SHARE))
    return {kind: {text for text, count in counts.items() if count > limit} for kind, counts in seen.items()}


def _normalised(url: str) -> str:
    try:
        return normalize_url(url)
    except ValueError:
        return url
