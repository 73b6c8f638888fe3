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
NO_DATA = "no data"
STATUSES = (MET, ON_TRACK, AT_RISK, BEHIND, OVERDUE, NO_DATA)

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


def judge_done(updates: tuple[UpdateRecord, ...], deadline: date, today: date) -> str:
    """The status of a done / not done commitment: no data (nothing reported), met (the latest report says
    done), overdue (not done after the deadline day), else on track (progress reported, deadline ahead)."""
    if not updates:
        return NO_DATA
    if updates[-1].done:
        return MET
    if today > deadline:
        return OVERDUE
    return ON_TRACK


def evaluate_charter(store: Store, charter: Charter, today: date) -> list[CommitmentStatus]:
    """The status of each commitment of `charter`, from the data recorded up to the end of `today`."""
    needs_audits = any(c.is_measured for c in charter.commitments)
    snapshot = audit_snapshot(store, charter.slug, today) if needs_audits else AuditSnapshot((), (), None)
    updates: dict[str, list[UpdateRecord]] = {}
    for update in update_history(store, charter.slug, as_of=today):
        updates.setdefault(update.commitment.lower(), []).append(update)
    return [
        _status(charter, commitment, today, snapshot, tuple(updates.get(commitment.id.lower(), ())))
        for commitment in charter.commitments
    ]


def evaluate_all(
    store: Store, charters_dir: Path, today: date, register: Register | None = None
) -> dict[str, list[CommitmentStatus]]:
    """Every charter in `charters_dir`, by organisation slug; CharterProblems if a file is broken."""
    charters = load_charters([charters_dir], register or Register.load())
    return {charter.slug: evaluate_charter(store, charter, today) for charter in charters}


def _status(
    charter: Charter,
    commitment: Commitment,
    today: date,
    snapshot: AuditSnapshot,
    updates: tuple[UpdateRecord, ...],
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
        return replace(status, status=judge_done(updates, commitment.deadline, today), current=current)
    if commitment.measured:
        current = kpi_value(snapshot, kpi)
        status = replace(
            status,
            source_run_ids=snapshot.run_ids,
            audited_pages=len(snapshot.pages),
            measured_at=snapshot.measured_at,
        )
    else:
        values = [u for u in updates if u.value is not None]
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
    return replace(
        status,
        status=verdict,
        current=current,
        trajectory=trajectory,
        baseline=kpi.baseline,
        target=kpi.target,
        direction=kpi.direction,
    )
