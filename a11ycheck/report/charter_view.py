"""The charter part of the report: each commitment's status as a11ycheck.charters evaluates it, with its
trajectory drawn against the values measured (by the audits) or reported (by the municipality) over time.

Nothing is judged here: statuses, current values and trajectories come from `evaluate_charter`.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path

from markupsafe import Markup, escape

from a11ycheck.charters.charter import Charter
from a11ycheck.charters.kpis import round_half_up
from a11ycheck.charters.loader import load_charters
from a11ycheck.charters.status import STALE_AFTER_DAYS, STATUSES, CommitmentStatus, evaluate_charter
from a11ycheck.charters.tallies import counted_kpi_value, is_counted_kpi
from a11ycheck.register import Register
from a11ycheck.report.charts import LineChart, concluded, line_chart
from a11ycheck.report.i18n import Messages
from a11ycheck.report.organisations import Snapshot
from a11ycheck.report.summary import by_urgency
from a11ycheck.store import Store

CHARTER_LANGUAGE = "nl"  # charters are written in Dutch, whatever the report's language

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


def evaluate_charter_statuses(
    store: Store, charter: Charter, today: date, stale_after: int = STALE_AFTER_DAYS
) -> CharterStatuses:
    return CharterStatuses(charter, evaluate_charter(store, charter, today, stale_after))


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
    commitments: list[CommitmentView]  # most urgent first (summary.URGENCY)
    counts: tuple[tuple[str, int], ...]

    @property
    def statuses(self) -> list[CommitmentStatus]:
        return [view.status for view in self.commitments]


def charter_view(evaluated: CharterStatuses, snapshots: list[Snapshot], messages: Messages) -> CharterView:
    views = []
    for status in by_urgency(evaluated.statuses):
        history = _history(status, snapshots)
        views.append(CommitmentView(status, history, _trajectory_chart(status, history, messages)))
    return CharterView(evaluated.charter, views, evaluated.counts())


def commitment_value_text(
    value: float | None,
    status: CommitmentStatus,
    messages: Messages,
    computed: bool = False,
    markup: bool = False,
) -> str:
    """A KPI value as people read it: "0,45 fouten per pagina", "87,5%", "gedaan". `computed`: a value
    a11ycheck worked out (the trajectory, a chart's scale) rather than one measured or reported. With
    `markup` (HTML, not a chart's SVG text), a unit the charter wrote itself ("gebouwen") is marked as the
    charter's language in a report in another language (WCAG 3.1.2)."""
    if value is None:
        return "–"
    if status.direction is None:  # done / not done
        return messages("done") if value else messages("not_done")
    decimals = status.commitment.kpi.decimals
    if status.commitment.reported and status.unit not in ("%", "score", "grade"):
        # "6 gebouwen" on the trajectory, never "5,72 gebouwen"; a reported "12,5 km" as it was reported
        shown = -Decimal(repr(float(value))).normalize().as_tuple().exponent
        decimals = 0 if computed else max(0, min(decimals, shown))
    if status.unit == "%":
        return messages.percent(value, min(decimals, 1))  # "95,7%", not "95,67%"
    if status.unit == "present":
        return messages("present_yes") if value else messages("present_no")
    if status.unit == "grade" and 1 <= value <= 5:  # statement_grade: A=5 ... E=1
        return f"{'EDCBA'[round(value) - 1]} ({messages.number(value)})"
    number = messages.number(value, decimals)
    if status.unit in UNIT_LABELS or not status.unit:
        return f"{number} {UNIT_LABELS.get(status.unit, {}).get(messages.lang, '')}".strip()
    if markup and messages.lang != CHARTER_LANGUAGE:
        return Markup(f'{escape(number)} <span lang="{CHARTER_LANGUAGE}">{escape(status.unit)}</span>')
    return f"{number} {status.unit}"


def _history(status: CommitmentStatus, snapshots: list[Snapshot]) -> tuple[tuple[date, float], ...]:
    """Past values: per audit for the two KPIs the snapshots carry, per report for reported numbers, else
    just the current value."""
    commitment = status.commitment
    if commitment.measured and is_counted_kpi(commitment.measured.kpi):
        decimals = commitment.measured.decimals
        values = []
        for snapshot in snapshots:
            if snapshot.day > status.today:
                continue
            value = counted_kpi_value(commitment.measured.kpi, snapshot.counts)
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
    if status.direction is None or status.baseline is None or status.target is None or not history:
        return None  # a yes/no commitment, or no values yet: a sentence says so instead of a bare plan
    planned = [(status.signed, status.baseline), (status.deadline, status.target)]
    values = [status.baseline, status.target, *(v for _, v in history)]
    chart = line_chart(
        [
            (messages("series_planned"), "planned", planned),
            (messages("series_actual"), "actual", list(history)),
        ],
        lambda v: commitment_value_text(v, status, messages, computed=True),
        messages.short_day,
        messages.percent if status.unit == "%" else messages.number,
        y_max=100.0 if status.unit == "%" else max(values),
        marker=(status.today, messages("today")),
    )
    value = partial(commitment_value_text, status=status, messages=messages)
    verdict = messages.label("charter_status", status.status)
    conclusion = messages(
        "chart_trajectory_conclusion",
        status=verdict[:1].upper() + verdict[1:],  # the sentence begins with it
        current=value(status.current),
        trajectory=value(status.trajectory, computed=True),
        target=value(status.target),
        deadline=messages.day(status.deadline),
    )
    return concluded(chart, conclusion)
