"""The plain-language wing's reads: a run's stored scores (the export), and how the audited pages of a set
of runs read (the charter KPIs and the report, so that a figure in the report and a charter status never
disagree: there is one definition of each).

Like the WCAG KPIs, only pages with status "ok" (actually audited) count. A page's row is found by run and
URL, the way the observer keyed it.
"""

import json
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from a11ycheck.language.level import LEVELS
from a11ycheck.language.score import LanguageScore
from a11ycheck.models import Page, PageLanguage
from a11ycheck.store import Store
from a11ycheck.vocabulary.statuses import OK

EASY_LEVELS = ("A2", "B1")  # "B1 or easier": the level Flemish and Dutch government texts aim at
DUTCH = "nl"
_OF_ITS_PAGE = and_(PageLanguage.run_id == Page.run_id, PageLanguage.url == Page.url)
# "Its page was audited", as a lookup on the page's unique (run, URL) rather than a join filtered on the
# page's status: without ANALYZE statistics SQLite takes `page.status = 'ok'` for a selective index and
# reads every audited page of the database for each query (a third of a second per organisation at 720,000
# pages); this way it reads only the asked runs' scores. (run_id, url) is unique, so the counts are the same.
_AUDITED_PAGE = aliased(Page)
_ITS_PAGE_AUDITED = exists().where(
    _AUDITED_PAGE.run_id == PageLanguage.run_id,
    _AUDITED_PAGE.url == PageLanguage.url,
    _AUDITED_PAGE.status == OK,
)


def score_of_row(row: PageLanguage) -> LanguageScore:
    """A stored row as the LanguageScore it was made from: the export's `language` object is its to_dict()."""
    try:
        quotes = json.loads(row.longest_sentences or "[]")
    except ValueError:
        quotes = []
    return LanguageScore(
        lang=row.lang,
        lang_declared=row.lang_declared,
        lang_detected=row.lang_detected,
        words=row.words,
        sentences=row.sentences,
        syllables=row.syllables,
        avg_sentence_length=row.avg_sentence_length,
        long_sentences=row.long_sentences,
        long_words=row.long_words,
        rare_words=row.rare_words,
        flesch_douma=row.flesch_douma,
        level=row.level,
        no_level_reason=row.no_level_reason,
        fragment_words=row.fragment_words or 0,
        truncated=bool(row.truncated),
        longest_sentences=_quotes(quotes),
    )


def _quotes(value: object) -> tuple[str, ...]:
    return tuple(q for q in value if isinstance(q, str)) if isinstance(value, list) else ()


def run_scores(store: Store, run_id: int) -> dict[str, LanguageScore]:
    """The scores of a run's pages by page URL; a page without one was not scored."""
    with store.session() as session:
        rows = session.exec(select(PageLanguage).where(PageLanguage.run_id == run_id)).scalars().all()
    return {row.url: score_of_row(row) for row in rows}


@dataclass(frozen=True)
class LanguageCounts:
    """How the audited pages of one run, or of several summed, read: pages per estimated level, Dutch pages
    without a level (too little running text), pages in another language or in one that could not be told."""

    a2: int = 0
    b1: int = 0
    b2: int = 0
    c1: int = 0
    dutch_without_level: int = 0
    other_language: int = 0
    unknown_language: int = 0

    def __add__(self, other: "LanguageCounts") -> "LanguageCounts":
        return LanguageCounts(*(a + b for a, b in zip(self._values(), other._values(), strict=True)))

    def _values(self) -> tuple[int, ...]:
        return (
            self.a2,
            self.b1,
            self.b2,
            self.c1,
            self.dutch_without_level,
            self.other_language,
            self.unknown_language,
        )

    @property
    def by_level(self) -> tuple[tuple[str, int], ...]:
        """(level, pages) from the easiest level to the hardest."""
        return tuple(zip(LEVELS, (self.a2, self.b1, self.b2, self.c1), strict=True))

    @property
    def leveled(self) -> int:
        """Dutch pages with enough running text to get a level: what the KPIs are computed on."""
        return self.a2 + self.b1 + self.b2 + self.c1

    @property
    def read(self) -> int:
        """Audited pages whose text was read and scored."""
        return sum(self._values())

    @property
    def percent_b1_or_easier(self) -> float | None:
        """The KPI plain_language_b1_share: 0-100, the share of pages with a level at B1 or easier."""
        return 100 * (self.a2 + self.b1) / self.leveled if self.leveled else None


def _count_into(counts: dict, run_id: int, level: str | None, lang: str | None, pages: int) -> None:
    fields = dict(zip(LEVELS, ("a2", "b1", "b2", "c1"), strict=True))
    if level in fields:
        name = fields[level]
    elif lang == DUTCH:
        name = "dutch_without_level"
    else:
        name = "other_language" if lang else "unknown_language"
    current = counts.get(run_id, LanguageCounts())
    counts[run_id] = current + LanguageCounts(**{name: pages})


def language_counts(
    connection: Connection, run_ids: Sequence[int] | None = None
) -> dict[int, LanguageCounts]:
    """Counts per run in one grouped scan, for all runs or the ones given; a run without scores has none."""
    query = (
        select(PageLanguage.run_id, PageLanguage.level, PageLanguage.lang, func.count())
        .where(_ITS_PAGE_AUDITED)
        .group_by(PageLanguage.run_id, PageLanguage.level, PageLanguage.lang)
    )
    if run_ids is not None:
        query = query.where(PageLanguage.run_id.in_(list(run_ids)))
    counts: dict[int, LanguageCounts] = {}
    for run_id, level, lang, pages in connection.execute(query):
        _count_into(counts, run_id, level, lang, pages)
    return counts


def flesch_douma_scores(connection: Connection, run_ids: Sequence[int]) -> dict[int, list[float]]:
    """The Flesch-Douma scores of the pages with a level, per run: what the median is taken of."""
    query = select(PageLanguage.run_id, PageLanguage.flesch_douma).where(
        _ITS_PAGE_AUDITED,
        PageLanguage.run_id.in_(list(run_ids)),
        PageLanguage.level.is_not(None),
        PageLanguage.flesch_douma.is_not(None),
    )
    scores: dict[int, list[float]] = {}
    for run_id, score in connection.execute(query):
        scores.setdefault(run_id, []).append(score)
    return scores


@dataclass(frozen=True)
class Readability:
    """How the audited pages of a set of runs (an organisation's latest crawls) read."""

    counts: LanguageCounts = LanguageCounts()
    flesch_douma_median: float | None = None  # the KPI flesch_douma_median, over the pages with a level

    @property
    def percent_b1_or_easier(self) -> float | None:
        return self.counts.percent_b1_or_easier


def combined(
    run_ids: Iterable[int], counts: dict[int, LanguageCounts], scores: dict[int, list[float]]
) -> Readability:
    """The readability of these runs' pages pooled, from per-run counts and scores read once."""
    run_ids = list(run_ids)
    pooled = [score for run_id in run_ids for score in scores.get(run_id, ())]
    return Readability(
        sum((counts.get(run_id, LanguageCounts()) for run_id in run_ids), LanguageCounts()),
        statistics.median(pooled) if pooled else None,
    )


def readability(connection: Connection, run_ids: Sequence[int]) -> Readability:
    """The readability of these runs' audited pages, pooled."""
    if not run_ids:
        return Readability()
    return combined(run_ids, language_counts(connection, run_ids), flesch_douma_scores(connection, run_ids))


@dataclass(frozen=True)
class HardPage:
    """A page among the hardest to read of a run, with its longest sentences as they stand on the page."""

    id: int  # the page's id (Page.id)
    run_id: int
    url: str
    title: str | None
    level: str
    flesch_douma: float | None
    avg_sentence_length: float | None
    long_sentences: float | None
    words: int | None
    longest_sentences: tuple[str, ...]

    @property
    def label(self) -> str:
        """What a person calls the page: its title, or its URL when it has none."""
        return self.title.strip() if self.title and self.title.strip() else self.url


def hardest_pages(connection: Connection, run_ids: Sequence[int], limit: int = 10) -> list[HardPage]:
    """The pages with a level of these runs, hardest first: by level, then by Flesch-Douma, lowest first."""
    if not run_ids:
        return []
    hardness = case({level: rank for rank, level in enumerate(reversed(LEVELS))}, value=PageLanguage.level)
    query = (
        select(
            Page.id,
            Page.run_id,
            Page.url,
            Page.title,
            PageLanguage.level,
            PageLanguage.flesch_douma,
            PageLanguage.avg_sentence_length,
            PageLanguage.long_sentences,
            PageLanguage.words,
            PageLanguage.longest_sentences,
        )
        .select_from(PageLanguage)
        .join(Page, _OF_ITS_PAGE)  # for its id and title; whether it was audited: _ITS_PAGE_AUDITED
        .where(_ITS_PAGE_AUDITED, PageLanguage.run_id.in_(list(run_ids)), PageLanguage.level.is_not(None))
        .order_by(hardness, PageLanguage.flesch_douma, Page.id)
        .limit(limit)
    )
    pages = []
    for *row, quotes in connection.execute(query):
        try:
            parsed = json.loads(quotes or "[]")
        except ValueError:
            parsed = []
        pages.append(HardPage(*row, longest_sentences=_quotes(parsed)))
    return pages
