"""A site's statement at the end of a crawl: which candidate to read, where it is linked from, and what it
says, graded and held against what the crawl measured.

Candidates are the links the crawl's pages gave (link_collector.py, scored by links.py) and the audited pages
whose own address or title names a statement. They are ranked by score, then by how many pages link to
them, then by when they were first seen. The best is rendered (`render`: a browser of the run, through its
egress guard and limits, so a statement beyond the page limit, or never audited, is read too); when it is
not a statement, the next one or two are tried. Nothing here touches the database: the observer
(observer.py) reads what the crawl stored and writes what this returns.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from a11ycheck.statements.assessment import StatementAssessment, assess_statement
from a11ycheck.statements.contradictions import Contradiction, contradictions
from a11ycheck.statements.links import MIN_SCORE, find_statement_links
from a11ycheck.statements.problems import NOT_A_STATEMENT, UNREACHABLE_PAGE
from a11ycheck.statements.reading import StatementReading, read_statement
from a11ycheck.vocabulary.results import RenderedPage
from a11ycheck.vocabulary.statuses import OK

MAX_TRIES = 3  # candidates rendered at most: the best, and the next two when it is not a statement


@dataclass(frozen=True)
class FoundLink:
    """A link an audited page gave, as stored: the page, the address, the words that scored, the score."""

    page_url: str
    href: str
    text: str
    score: int


@dataclass(frozen=True)
class CrawledPage:
    """What the crawl stored of a page that the search needs."""

    url: str
    title: str | None
    status: str
    depth: int | None
    redirect_to: str | None = None


@dataclass(frozen=True)
class SiteCandidate:
    """An address that may be the statement, with its best score and the audited pages linking to it."""

    href: str
    text: str
    score: int
    linking_pages: frozenset[str]
    names_itself: bool = False  # an audited page whose own address or title names a statement


@dataclass(frozen=True)
class RenderAttempt:
    """A candidate rendered: its status ("ok", "http-404", "timeout"...), whether it read as a statement."""

    href: str
    status: str
    final_url: str | None
    error: str | None
    is_statement: bool


@dataclass(frozen=True)
class SiteStatement:
    """The outcome of the search: the candidate read (None: no candidate at all), its assessment, the
    contradictions with what was measured, and the counts behind `linked_from_home` and the share."""

    candidate: SiteCandidate | None
    assessment: StatementAssessment | None
    contradictions: tuple[Contradiction, ...]
    pages_linking: int
    pages_audited: int
    attempts: tuple[RenderAttempt, ...] = ()
    candidates: int = 0


def site_candidates(links: Iterable[FoundLink], pages: Iterable[CrawledPage]) -> list[SiteCandidate]:
    """Every address that may be the statement, best first (see the module's docstring)."""
    best: dict[str, tuple[int, str]] = {}
    linking: dict[str, set[str]] = {}
    named: set[str] = set()
    for link in links:
        if link.score > best.get(link.href, (-1, ""))[0]:
            best[link.href] = (link.score, link.text)
        linking.setdefault(link.href, set()).add(link.page_url)
    for page in pages:
        if page.status != OK:
            continue
        for candidate in find_statement_links([(page.title, None, page.url)]):
            named.add(candidate.href)
            if candidate.score > best.get(candidate.href, (-1, ""))[0]:
                best[candidate.href] = (candidate.score, candidate.text)
    order = {href: index for index, href in enumerate(best)}
    found = [
        SiteCandidate(href, text, score, frozenset(linking.get(href, ())), href in named)
        for href, (score, text) in best.items()
        if score >= MIN_SCORE
    ]
    return sorted(found, key=lambda c: (-c.score, -len(c.linking_pages), order[c.href]))


def home_pages(pages: Iterable[CrawledPage], start_url: str | None) -> set[str]:
    """The home page's addresses: the start URL and the crawl's depth-0 pages, and where they redirect."""
    pages = list(pages)
    home = {page.url for page in pages if page.depth == 0}
    if start_url:
        home.add(start_url)
    by_url = {page.url: page for page in pages}
    for _ in range(5):  # a redirect chain of the home page, a few steps at most
        more = {by_url[url].redirect_to for url in home if url in by_url and by_url[url].redirect_to}
        if more <= home:
            break
        home |= more
    return home


def check_site_statement(
    links: list[FoundLink],
    pages: list[CrawledPage],
    start_url: str | None,
    render: Callable[[str], RenderedPage],
    today: date,
    wcag_failing_pages: int,
    failing_criteria: Iterable[str],
) -> SiteStatement:
    """Find, render, read and grade the site's statement (see the module's docstring).

    `today` is the day the grade is given for (the run's day); `wcag_failing_pages` and `failing_criteria`
    are the crawl's own measure (pages with WCAG 2.1 A/AA failures, and those criteria).
    """
    audited = {page.url for page in pages if page.status == OK}
    candidates = site_candidates(links, pages)
    if not candidates:
        return SiteStatement(None, None, (), 0, len(audited))
    attempts: list[RenderAttempt] = []
    chosen: tuple[SiteCandidate, StatementReading, str | None] | None = None
    fallback: tuple[SiteCandidate, StatementReading, str | None] | None = None
    for candidate in candidates[:MAX_TRIES]:
        page = render(candidate.href)
        final_url = page.final_url if _is_http(page.final_url) else None
        if page.status != OK:
            attempts.append(RenderAttempt(candidate.href, page.status, final_url, page.error, False))
            continue
        reading = read_statement(page.html, final_url or candidate.href)
        attempts.append(RenderAttempt(candidate.href, page.status, final_url, None, reading.is_statement))
        if reading.is_statement:
            chosen = (candidate, reading, final_url)
            break
        fallback = fallback or (candidate, reading, final_url)
    if chosen is None:
        chosen = fallback or (
            candidates[0],
            StatementReading(candidates[0].href, False, problems=(NOT_A_STATEMENT, UNREACHABLE_PAGE)),
            None,
        )
    candidate, reading, final_url = chosen
    addresses = {candidate.href} | ({final_url} if final_url else set())
    linking = {link.page_url for link in links if link.href in addresses and link.page_url in audited}
    home = home_pages(pages, start_url) & audited
    linked_from_home = bool(home & linking) if home else None
    assessment = assess_statement(reading, today, linked_from_home)
    found = contradictions(reading, wcag_failing_pages, failing_criteria)
    return SiteStatement(
        candidate, assessment, tuple(found), len(linking), len(audited), tuple(attempts), len(candidates)
    )


def _is_http(url: str | None) -> bool:
    try:
        return bool(url) and urlsplit(url).scheme in ("http", "https")
    except ValueError:
        return False
