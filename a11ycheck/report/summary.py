"""The block at the top of an organisation's page ("In het kort"): the charter's overall verdict, the
commitments that most need attention, the fixes that reach the most pages, and what changed since the
previous audit. It only picks from what the organisation's view already holds; nothing is computed twice.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from a11ycheck.charters.status import (
    AT_RISK,
    BEHIND,
    MET,
    NO_DATA,
    ON_TRACK,
    OVERDUE,
    STALE,
    CommitmentStatus,
)
from a11ycheck.report.findings import ElementChanges, FixGroupView, RuleSummary

# Most urgent first: what an advisor raises first in a meeting; a commitment met comes last.
URGENCY = (OVERDUE, BEHIND, STALE, AT_RISK, NO_DATA, ON_TRACK, MET)
URGENT = (OVERDUE, BEHIND)
TOP_FIXES = 3

# The overall verdict of a charter, from the most urgent status among its commitments.
OFF_TRACK = "off-track"  # something is overdue or behind
NEEDS_ATTENTION = "attention"  # at risk, a report too old to judge, or some commitments without data
ALL_ON_TRACK = "on-track"  # every commitment met or on track
NOTHING_KNOWN = "no-data"  # nothing measured or reported yet


def urgency_key(status: CommitmentStatus) -> tuple[int, date, str]:
    """Sort key: most urgent status first, then the nearest deadline, then the title."""
    return (URGENCY.index(status.status), status.deadline, status.commitment.title)


def by_urgency(statuses: Iterable[CommitmentStatus]) -> list[CommitmentStatus]:
    return sorted(statuses, key=urgency_key)


def charter_verdict(statuses: Sequence[CommitmentStatus]) -> str | None:
    """One word for the whole charter (OFF_TRACK, NEEDS_ATTENTION, ALL_ON_TRACK or NOTHING_KNOWN); None
    without commitments."""
    found = {status.status for status in statuses}
    if not found:
        return None
    if found & set(URGENT):
        return OFF_TRACK
    if found <= {NO_DATA}:
        return NOTHING_KNOWN
    if found & {AT_RISK, STALE, NO_DATA}:  # "on track" only when every commitment is known to be
        return NEEDS_ATTENTION
    return ALL_ON_TRACK


@dataclass(frozen=True)
class OrganisationSummary:
    """What the first screen of an organisation's page answers."""

    verdict: str | None  # see charter_verdict; None without a charter
    urgent: list[CommitmentStatus]  # overdue and behind, most urgent first
    next_deadline: CommitmentStatus | None  # the nearest deadline still to come of a commitment not yet met
    top_fixes: list[RuleSummary]  # the first of "what to fix first": the WCAG failures on the most pages
    changes: ElementChanges | None  # None or not compared: no previous audit to compare with
    fix_once: list[FixGroupView] = field(default_factory=list)  # the largest fix-once groups


def organisation_summary(
    statuses: Sequence[CommitmentStatus],
    wcag_rules: Sequence[RuleSummary],
    changes: ElementChanges | None,
    fix_groups: Sequence[FixGroupView] = (),
) -> OrganisationSummary:
    ordered = by_urgency(statuses)
    coming = [s for s in statuses if s.status != MET and s.deadline >= s.today]
    return OrganisationSummary(
        verdict=charter_verdict(statuses),
        urgent=[s for s in ordered if s.status in URGENT],
        next_deadline=min(coming, key=lambda s: (s.deadline, s.commitment.title), default=None),
        top_fixes=list(wcag_rules[:TOP_FIXES]),  # in the order of the section below (summarise_rules)
        changes=changes if changes is not None and changes.compared_sites else None,
        fix_once=list(fix_groups[:TOP_FIXES]),  # one change in a template each: the cheapest fixes
    )
