"""What a charter file says, once loaded and checked: the charter, its commitments and their KPIs."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from a11ycheck.charters.kpis import HIGHER, KPIS, LOWER, KpiSpec

DOMAINS = ("digital", "buildings", "public-space", "services", "events", "communication")
NUMBER, PERCENTAGE, DONE = "number", "percentage", "done"
REPORTED_TYPES = (NUMBER, PERCENTAGE, DONE)


@dataclass(frozen=True)
class MeasuredKpi:
    """A KPI computed from the latest audits of the organisation's sites."""

    kpi: str
    baseline: float
    target: float
    rule: str | None = None  # for pages_failing_rule
    criterion: str | None = None  # for pages_failing_criterion

    @property
    def spec(self) -> KpiSpec:
        return KPIS[self.kpi]

    @property
    def direction(self) -> str:
        return self.spec.direction

    @property
    def unit(self) -> str:
        return self.spec.unit

    @property
    def decimals(self) -> int:
        return self.spec.decimals

    def describe(self) -> str:
        return self.spec.description.format(rule=self.rule, criterion=self.criterion)


@dataclass(frozen=True)
class ReportedKpi:
    """Progress the organisation reports itself: a number, a percentage, or done / not done."""

    type: str  # number | percentage | done
    baseline: float | None = None  # None for done
    target: float | None = None
    unit: str = ""

    @property
    def direction(self) -> str | None:
        """Which way is better, from baseline to target; None for done/not done."""
        if self.type == DONE or self.baseline is None or self.target is None:
            return None
        return HIGHER if self.target >= self.baseline else LOWER

    @property
    def decimals(self) -> int:
        return 2

    def describe(self) -> str:
        if self.type == DONE:
            return "reported: done or not done"
        return f"reported {self.type}" + (f" ({self.unit})" if self.unit else "")


@dataclass(frozen=True)
class Commitment:
    id: str
    title: str
    domain: str
    deadline: date
    measured: MeasuredKpi | None = None
    reported: ReportedKpi | None = None
    description: str = ""
    line: int = 0  # where it starts in its file

    @property
    def kpi(self) -> MeasuredKpi | ReportedKpi:
        return self.measured or self.reported

    @property
    def is_measured(self) -> bool:
        return self.measured is not None

    @property
    def unit(self) -> str:
        if self.measured:
            return self.measured.unit
        if self.reported.type == DONE:
            return "done"
        return "%" if self.reported.type == PERCENTAGE else self.reported.unit


@dataclass(frozen=True)
class Charter:
    """One organisation's charter: `slug` is its file name and its register slug."""

    slug: str
    path: Path
    signed: date
    commitments: tuple[Commitment, ...]
    partners: tuple[str, ...] = ()
    title: str = ""

    def find(self, commitment_id: str) -> Commitment | None:
        return next((c for c in self.commitments if c.id.lower() == commitment_id.strip().lower()), None)
