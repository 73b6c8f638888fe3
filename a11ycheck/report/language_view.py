"""The plain-language part of an organisation's page: how the pages of its latest audits read, the hardest
ones with their longest sentences, and the trend between audits. The figures are the charter KPIs' own
(a11ycheck/language/queries.py), so the report and a charter status never disagree."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Connection

from a11ycheck.language.queries import (
    HardPage,
    LanguageCounts,
    Readability,
    combined,
    flesch_douma_scores,
    hardest_pages,
    language_counts,
)
from a11ycheck.report.chart_texts import bar_conclusion
from a11ycheck.report.charts import BarChart, bar_chart
from a11ycheck.report.i18n import Messages
from a11ycheck.report.organisations import Snapshot

HARDEST_PAGES = 5


@dataclass(frozen=True)
class ReadabilityChange:
    """The share of pages at B1 or easier at the previous audit with levels and now; higher is better."""

    before: float
    after: float
    since: date

    @property
    def direction(self) -> str:
        before, after = round(self.before, 1), round(self.after, 1)
        return "better" if after > before else "worse" if after < before else "same"


@dataclass(frozen=True)
class LanguageView:
    latest: Readability
    trend: list[tuple[date, Readability]]  # one per audit whose pages were read, oldest first
    hardest: list[HardPage]
    level_rows: list[tuple[str, int]]  # (what, pages) of the latest audits, for the table beside the chart
    level_chart: BarChart | None
    change: ReadabilityChange | None


def language_view(
    connection: Connection, snapshots: Sequence[Snapshot], messages: Messages
) -> LanguageView | None:
    """The organisation's plain-language figures; None when no page of its audits was scored."""
    if not snapshots:
        return None
    run_ids = sorted({run_id for snapshot in snapshots for run_id in snapshot.run_ids})
    counts = language_counts(connection, run_ids)
    scores = flesch_douma_scores(connection, run_ids)
    trend = [(snapshot.day, combined(snapshot.run_ids, counts, scores)) for snapshot in snapshots]
    trend = [(day, read) for day, read in trend if read.counts.read]
    latest = combined(snapshots[-1].run_ids, counts, scores)
    if not latest.counts.read:
        return None
    return LanguageView(
        latest=latest,
        trend=trend,
        hardest=hardest_pages(connection, snapshots[-1].run_ids, HARDEST_PAGES),
        level_rows=level_rows(latest.counts, messages),
        level_chart=level_chart(latest.counts, messages),
        change=_change(trend),
    )


def level_rows(counts: LanguageCounts, messages: Messages) -> list[tuple[str, int]]:
    """(what, pages) for the table: each level, then the pages without one, by why."""
    rows = [(messages(f"language_level_{level}"), pages) for level, pages in counts.by_level]
    return rows + [
        (messages("language_dutch_without_level"), counts.dutch_without_level),
        (messages("language_other"), counts.other_language),
        (messages("language_unknown"), counts.unknown_language),
    ]


def level_chart(counts: LanguageCounts, messages: Messages) -> BarChart | None:
    items = [(messages(f"language_level_{level}"), pages, "actual") for level, pages in counts.by_level]
    return bar_conclusion(bar_chart(items, messages.number, label_width=160), messages, "chart_most_level")


def _change(trend: list[tuple[date, Readability]]) -> ReadabilityChange | None:
    leveled = [
        (day, read.percent_b1_or_easier) for day, read in trend if read.percent_b1_or_easier is not None
    ]
    if len(leveled) < 2:
        return None
    (since, before), (_, after) = leveled[-2], leveled[-1]
    return ReadabilityChange(before, after, since)
