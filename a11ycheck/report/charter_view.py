"""The charter part of the report: each commitment's status as a11ycheck.charters evaluates it, with its
trajectory drawn against the values measured (by the audits) or reported (by the municipality) over time.

Nothing is judged here: statuses, current values and trajectories come from `evaluate_charter`.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from a11ycheck.charters.charter import Charter
from a11ycheck.charters.kpis import PAGES_WITHOUT_SERIOUS_SHARE, WCAG_VIOLATIONS_PER_PAGE, round_half_up
from a11ycheck.charters.loader import load_charters
from a11ycheck.charters.status import STATUSES, CommitmentStatus, evaluate_charter
from a11ycheck.register import Register
from a11ycheck.report.charts import LineChart, line_chart
from a11ycheck.report.i18n import Messages
from a11ycheck.report.organisations import Snapshot
from a11ycheck.store import Store

UNIT_LABELS = {
    "violations/page": {"nl": "fouten per pagina", "en": "failures per page"},
    "pages": {"nl": "pagina's", "en": "pages"},
    "score": {"nl": "punten", "en": "points"},
}


@dataclass(frozen=True)
class CharterStatuses:
    """A charter and the status of each of its commitments on the report's day."""

    charter: Charter
    statuses: list[CommitmentStatus]

    def counts(self) -> tuple[tuple[str, int], ...]:
        """(status, number of commitments), in the order of the status list, leaving out zeros."""
        found = Counter(status.status for status in self.statuses)
        return tuple((status, found[status]) for status in STATUSES if found[status])


def charters_by_slug(charters_dir: Path, register: Register) -> dict[str, Charter]:
    """Every charter in the folder, checked (CharterProblems, a UserError, names each broken file)."""
    return {charter.slug: charter for charter in load_charters([charters_dir], register)}


def evaluate_charter_statuses(store: Store, charter: Charter, today: date) -> CharterStatuses:
    return CharterStatuses(charter, evaluate_charter(store, charter, today))


@dataclass(frozen=True)
class CommitmentView:
    status: CommitmentStatus
    history: tuple[tuple[date, float], ...]  # values over time: what the chart draws, as a table
    chart: LineChart | None

    @property
    def commitment(self):
        return self.status.commitment


@dataclass(frozen=True)
class CharterView:
    charter: Charter
    commitments: list[CommitmentView]
    counts: tuple[tuple[str, int], ...]


def charter_view(evaluated: CharterStatuses, snapshots: list[Snapshot], messages: Messages) -> CharterView:
    views = []
    for status in evaluated.statuses:
        history = _history(status, snapshots)
        views.append(CommitmentView(status, history, _trajectory_chart(status, history, messages)))
    return CharterView(evaluated.charter, views, evaluated.counts())


def value_text(value: float | None, status: CommitmentStatus, messages: Messages) -> str:
    """A KPI value as people read it: "0,45 fouten per pagina", "87,5%", "gedaan"."""
    if value is None:
        return "–"
    if status.direction is None:  # done / not done
        return messages("done") if value else messages("not_done")
    decimals = status.commitment.kpi.decimals
    if status.commitment.reported and float(value).is_integer():
        decimals = 0  # a reported count reads "4 loketten", not "4,00 loketten"
    if status.unit == "%":
        return messages.percent(value, decimals)
    if status.unit == "present":
        return messages("present_yes") if value else messages("present_no")
    unit = UNIT_LABELS.get(status.unit, {}).get(messages.lang, status.unit)
    return f"{messages.number(value, decimals)} {unit}".strip()


def _history(status: CommitmentStatus, snapshots: list[Snapshot]) -> tuple[tuple[date, float], ...]:
    """Past values: per audit for the two KPIs the snapshots carry, per report for reported numbers, else
    just the current value."""
    commitment = status.commitment
    if commitment.measured and commitment.measured.kpi in (
        WCAG_VIOLATIONS_PER_PAGE,
        PAGES_WITHOUT_SERIOUS_SHARE,
    ):
        decimals = commitment.measured.decimals
        values = []
        for snapshot in snapshots:
            if snapshot.day > status.today:
                continue
            counts = snapshot.counts
            value = (
                counts.findings_per_page
                if commitment.measured.kpi == WCAG_VIOLATIONS_PER_PAGE
                else counts.percent_without_serious
            )
            if value is not None:
                values.append((snapshot.day, round_half_up(value, decimals)))
        return tuple(values)
    if commitment.reported and status.direction is not None:
        return tuple((u.recorded_at.date(), u.value) for u in status.updates if u.value is not None)
    if status.current is not None and status.direction is not None:
        when = status.measured_at.date() if status.measured_at else status.today
        return ((when, status.current),)
    return ()


def _trajectory_chart(
    status: CommitmentStatus, history: tuple[tuple[date, float], ...], messages: Messages
) -> LineChart | None:
    """The planned line from baseline (signing) to target (deadline), the values so far, and today."""
    if status.direction is None or status.baseline is None or status.target is None:
        return None
    planned = [(status.signed, status.baseline), (status.deadline, status.target)]
    values = [status.baseline, status.target, *(v for _, v in history)]
    return line_chart(
        [
            (messages("series_planned"), "planned", planned),
            (messages("series_actual"), "actual", list(history)),
        ],
        lambda v: value_text(v, status, messages),
        messages.short_day,
        messages.percent if status.unit == "%" else messages.number,
        y_max=100.0 if status.unit == "%" else max(values),
        marker=(status.today, messages("today")),
    )
