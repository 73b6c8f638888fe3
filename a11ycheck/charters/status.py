"""The status of every commitment of a charter on a given day: its current value, the value it should have
by now (the trajectory), and a verdict. The rules are in `judge` and `judge_done` and documented in
charters/README.md; `today` is always passed in, never read from the clock.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from a11ycheck.charters.charter import DONE, Charter, Commitment
from a11ycheck.charters.kpis import HIGHER, round_half_up
from a11ycheck.charters.loader import load_charters
from a11ycheck.charters.measures import AuditSnapshot, audit_snapshot, kpi_value
from a11ycheck.charters.updates import UpdateRecord, update_history
from a11ycheck.register import Register
from a11ycheck.store import Store

MET = "met"
ON_TRACK = "on track"
AT_RISK = "at risk"
BEHIND = "behind"
OVERDUE = "overdue"
STALE = "stale"  # a reported commitment whose latest report is too old to say where it stands now
NO_DATA = "no data"
STATUSES = (MET, ON_TRACK, AT_RISK, BEHIND, OVERDUE, STALE, NO_DATA)
STALE_AFTER_DAYS = 180  # a report older than this says nothing about today (A11YCHECK_STALE_AFTER_DAYS)

AT_RISK_MARGIN = 0.10  # "at risk": short of the trajectory by at most 10% of the whole way to go
_EPSILON = 1e-9


@dataclass(frozen=True)
class CommitmentStatus:
    """Where one commitment stands on `today`, with what the verdict is based on."""

    organisation: str  # register slug
    commitment: Commitment
    status: str  # one of STATUSES
    current: float | None  # None: no data
    trajectory: float | None  # None for done / not done commitments
    baseline: float | None
    target: float | None
    signed: date
    deadline: date
    today: date
    unit: str
    direction: str | None  # "higher" or "lower" is better; None for done / not done
    source_run_ids: tuple[int, ...] = ()  # the crawls a measured value comes from
    audited_pages: int = 0
    measured_at: datetime | None = None
    updates: tuple[UpdateRecord, ...] = ()  # reported updates up to `today`, oldest first

    @property
    def latest_update(self) -> UpdateRecord | None:
        return self.updates[-1] if self.updates else None


def trajectory_value(baseline: float, target: float, signed: date, deadline: date, today: date) -> float:
    """The straight line from baseline on the signing day to target on the deadline, read at `today`;
    the baseline before signing, the target from the deadline on."""
    if today <= signed:
        return baseline
    if today >= deadline:
        return target
    return baseline + (target - baseline) * (today - signed).days / (deadline - signed).days


def judge(
    current: float | None,
    *,
    baseline: float,
    target: float,
    trajectory: float,
    direction: str,
    deadline: date,
    today: date,
) -> str:
    """The status of a number or percentage, in this order: no data (no value), met (at or beyond the
    target, on any day), overdue (not met after the deadline day), on track (at or beyond the trajectory),
    at risk (short of it by at most 10% of |target - baseline|), behind (further short)."""
    if current is None:
        return NO_DATA
    sign = 1 if direction == HIGHER else -1
    if sign * (current - target) >= -_EPSILON:
        return MET
    if today > deadline:
        return OVERDUE
    shortfall = sign * (trajectory - current)
    if shortfall <= _EPSILON:
        return ON_TRACK
    if shortfall <= AT_RISK_MARGIN * abs(target - baseline) + _EPSILON:
        return AT_RISK
    return BEHIND


def judge_done(
    updates: tuple[UpdateRecord, ...], deadline: date, today: date, stale_after: int = STALE_AFTER_DAYS
) -> str:
    """The status of a done / not done commitment, in this order: met (the latest report says done),
    overdue (not done, or nothing reported, after the deadline day), no data (nothing reported yet),
    stale (the latest report, not done, is older than `stale_after` days), else on track."""
    if updates and updates[-1].done:
        return MET
    if today > deadline:
        return OVERDUE
    if not updates:
        return NO_DATA
    if _is_stale(updates[-1], today, stale_after):
        return STALE
    return ON_TRACK


def _is_stale(update: UpdateRecord, today: date, stale_after: int) -> bool:
    return (today - update.recorded_at.date()).days > stale_after


def evaluate_charter(
    store: Store, charter: Charter, today: date, stale_after: int = STALE_AFTER_DAYS
) -> list[CommitmentStatus]:
    """The status of each commitment of `charter`, from the data recorded up to the end of `today`; a report
    older than `stale_after` days makes a reported commitment `stale`."""
    needs_audits = any(c.is_measured for c in charter.commitments)
    snapshot = audit_snapshot(store, charter.slug, today) if needs_audits else AuditSnapshot((), (), None)
    updates: dict[str, list[UpdateRecord]] = {}
    for update in update_history(store, charter.slug, as_of=today):
        updates.setdefault(update.commitment.lower(), []).append(update)
    return [
        _status(
            charter, commitment, today, snapshot, tuple(updates.get(commitment.id.lower(), ())), stale_after
        )
        for commitment in charter.commitments
    ]


def evaluate_all(
    store: Store,
    charters_dir: Path,
    today: date,
    register: Register | None = None,
    stale_after: int = STALE_AFTER_DAYS,
) -> dict[str, list[CommitmentStatus]]:
    """Every charter in `charters_dir`, by organisation slug; CharterProblems if a file is broken."""
    charters = load_charters([charters_dir], register or Register.load())
    return {charter.slug: evaluate_charter(store, charter, today, stale_after) for charter in charters}


def _status(
    charter: Charter,
    commitment: Commitment,
    today: date,
    snapshot: AuditSnapshot,
    updates: tuple[UpdateRecord, ...],
    stale_after: int,
) -> CommitmentStatus:
    status = CommitmentStatus(
        organisation=charter.slug,
        commitment=commitment,
        status=NO_DATA,
        current=None,
        trajectory=None,
        baseline=None,
        target=None,
        signed=charter.signed,
        deadline=commitment.deadline,
        today=today,
        unit=commitment.unit,
        direction=None,
        updates=updates,
    )
    kpi = commitment.kpi
    if commitment.reported and kpi.type == DONE:
        current = float(bool(updates[-1].done)) if updates else None
        verdict = judge_done(updates, commitment.deadline, today, stale_after)
        return replace(status, status=verdict, current=current)
    values = [u for u in updates if u.value is not None] if commitment.reported else []
    if commitment.measured:
        current = kpi_value(snapshot, kpi)
        status = replace(
            status,
            source_run_ids=snapshot.run_ids,
            audited_pages=len(snapshot.pages),
            measured_at=snapshot.measured_at,
        )
    else:
        current = round_half_up(values[-1].value, kpi.decimals) if values else None
        status = replace(status, measured_at=values[-1].recorded_at if values else None)
    # Rounded like the value it is compared with, so that the verdict agrees with the numbers shown.
    trajectory = round_half_up(
        trajectory_value(kpi.baseline, kpi.target, charter.signed, commitment.deadline, today), kpi.decimals
    )
    verdict = judge(
        current,
        baseline=kpi.baseline,
        target=kpi.target,
        trajectory=trajectory,
        direction=kpi.direction,
        deadline=commitment.deadline,
        today=today,
    )
    if commitment.reported:
        verdict = _reported_verdict(verdict, values, commitment.deadline, today, stale_after)
    return replace(
        status,
        status=verdict,
        current=current,
        trajectory=trajectory,
        baseline=kpi.baseline,
        target=kpi.target,
        direction=kpi.direction,
    )


def _reported_verdict(
    verdict: str, values: list[UpdateRecord], deadline: date, today: date, stale_after: int
) -> str:
    """A reported number's verdict made true: nothing reported by the deadline is overdue (not "no data"),
    and a verdict on the way (on track, at risk, behind) from a report older than `stale_after` days is
    stale: the municipality has to report again. Met and overdue stand."""
    if verdict == NO_DATA and today > deadline:
        return OVERDUE
    if verdict in (ON_TRACK, AT_RISK, BEHIND) and values and _is_stale(values[-1], today, stale_after):
        return STALE
    return verdict
