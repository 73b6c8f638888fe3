"""Each headline figure of an organisation beside the median of the municipalities of its province and of
all municipalities in the database (each at its latest audit), so that a number reads as good or bad.

The figures are the two charter KPIs the audits count (`RunCounts`): one definition, as everywhere else.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

from a11ycheck.charters.tallies import RunCounts
from a11ycheck.report.organisations import OrganisationAudits

MUNICIPALITY = "municipality"
HEADLINE = ("findings_per_page", "percent_without_serious")  # RunCounts properties, lower / higher is better


@dataclass(frozen=True)
class PeerMedian:
    value: float | None  # None: no municipality with an audit
    organisations: int  # how many municipalities it is the median of


@dataclass(frozen=True)
class PeerComparison:
    """One headline figure: the organisation's own value, its province's median and the overall median."""

    figure: str  # one of HEADLINE
    own: float | None
    province: PeerMedian | None  # None: the organisation has no province
    overall: PeerMedian


def _median(values: list[float]) -> PeerMedian:
    return PeerMedian(median(values) if values else None, len(values))


@dataclass(frozen=True)
class PeerMedians:
    """The medians per province and over every municipality, of each headline figure."""

    by_province: dict[str, dict[str, PeerMedian]]
    overall: dict[str, PeerMedian]

    def compare(self, organisation: OrganisationAudits) -> list[PeerComparison]:
        """The organisation's headline figures beside the medians; empty without an audit."""
        if organisation.latest is None:
            return []
        province = self.by_province.get(organisation.info.province or "")
        return [
            PeerComparison(
                figure,
                getattr(organisation.latest.counts, figure),
                province.get(figure) if province else None,
                self.overall[figure],
            )
            for figure in HEADLINE
        ]


def peer_medians(organisations: Iterable[OrganisationAudits]) -> PeerMedians:
    """Medians over the municipalities (not regional bodies, demos or unassigned sites) with an audit."""
    latest: dict[str | None, list[RunCounts]] = {}
    for organisation in organisations:
        if organisation.info.kind == MUNICIPALITY and organisation.latest is not None:
            latest.setdefault(organisation.info.province, []).append(organisation.latest.counts)

    def medians(counts: list[RunCounts]) -> dict[str, PeerMedian]:
        return {
            figure: _median([v for c in counts if (v := getattr(c, figure)) is not None])
            for figure in HEADLINE
        }

    everyone = [counts for group in latest.values() for counts in group]
    by_province = {province: medians(group) for province, group in latest.items() if province}
    return PeerMedians(by_province, medians(everyone))
