"""The statement's grade, A to E, and the problems behind it (the rules are in docs/statements.md).

Inspired by the Dutch government's A-E statement grades, adapted to the Flemish minimum content. The grade
is the worst of three marks:
  - the status claimed: full A, partial B, none D (unknown is a missing minimum element, below);
  - the Flemish minimum content: a status, the non-accessible content (unless full compliance is claimed),
    a feedback contact and the complaint procedure; none missing A, one C, two D, three or four E;
  - upkeep, placement and detail: no date at all, a last review more than 12 months before `today`, a date
    in the future, not linked from the home page, no reasons or no accessible alternatives for the content
    listed; none A, one B, two or more C.
A page that is not a statement is E. `today` is given, never read from a clock; `linked_from_home` None
means unknown (a single page checked on its own): link placement then does not count, and a note says so.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from a11ycheck.statements.compliance import FULL, NONE, PARTIAL, UNKNOWN
from a11ycheck.statements.problems import (
    DATE_IN_FUTURE,
    LINK_PLACEMENT_UNKNOWN,
    NO_ALTERNATIVES,
    NO_DATES,
    NO_ENFORCEMENT,
    NO_FEEDBACK,
    NO_NON_ACCESSIBLE_CONTENT,
    NO_REASONS,
    NO_STATUS,
    NOT_LINKED_FROM_HOME,
    NOT_REVIEWED_12_MONTHS,
    Problem,
    problem,
)
from a11ycheck.statements.reading import StatementReading

GRADES = ("A", "B", "C", "D", "E")
REVIEW_MONTHS = 12
_STATUS_MARK = {FULL: "A", PARTIAL: "B", NONE: "D", UNKNOWN: "A"}
_MINIMUM_MARK = ("A", "C", "D", "E", "E")
_UPKEEP_MARK = ("A", "B")  # two or more: C


@dataclass(frozen=True)
class StatementGrade:
    """A grade, the problems that lowered it (minimum content first), and notes on how it was given."""

    grade: str
    problems: tuple[Problem, ...]
    notes: tuple[Problem, ...] = ()


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month_index + 1, min(day.day, calendar.monthrange(year, month_index + 1)[1]))


def _last_day(year_month: str | None) -> date | None:
    if not year_month:
        return None
    year, month = (int(part) for part in year_month.split("-"))
    return date(year, month, calendar.monthrange(year, month)[1])


def latest_date(reading: StatementReading) -> date | None:
    """The statement's most recent date: review or preparation, a month alone counting as its last day."""
    candidates = [reading.reviewed_on, reading.prepared_on]
    candidates += [_last_day(reading.reviewed_month), _last_day(reading.prepared_month)]
    known = [day for day in candidates if day]
    return max(known) if known else None


def _minimum_problems(reading: StatementReading) -> list[Problem]:
    found = []
    if reading.status == UNKNOWN:
        found.append(problem(NO_STATUS))
    if reading.status != FULL and not reading.non_accessible_content:
        found.append(problem(NO_NON_ACCESSIBLE_CONTENT))
    if not reading.feedback:
        found.append(problem(NO_FEEDBACK))
    if not reading.enforcement:
        found.append(problem(NO_ENFORCEMENT))
    return found


def _upkeep_problems(reading: StatementReading, today: date, linked_from_home: bool | None) -> list[Problem]:
    found = []
    latest = latest_date(reading)
    if latest is None:
        found.append(problem(NO_DATES))
    elif latest > today:
        found.append(problem(DATE_IN_FUTURE, date=latest.isoformat()))
    elif latest < months_before(today, REVIEW_MONTHS):
        found.append(problem(NOT_REVIEWED_12_MONTHS, date=latest.isoformat()))
    if linked_from_home is False:
        found.append(problem(NOT_LINKED_FROM_HOME))
    if reading.non_accessible_content and not reading.reasons_given:
        found.append(problem(NO_REASONS))
    if reading.non_accessible_content and not reading.alternatives:
        found.append(problem(NO_ALTERNATIVES))
    return found


def grade_statement(reading: StatementReading, today: date, linked_from_home: bool | None) -> StatementGrade:
    """The grade of a reading as of `today` (see the module's docstring for the rules)."""
    notes = (problem(LINK_PLACEMENT_UNKNOWN),) if linked_from_home is None else ()
    if not reading.is_statement:
        return StatementGrade("E", tuple(problem(code) for code in reading.problems), notes)
    minimum = _minimum_problems(reading)
    upkeep = _upkeep_problems(reading, today, linked_from_home)
    marks = (
        _STATUS_MARK[reading.status],
        _MINIMUM_MARK[len(minimum)],
        _UPKEEP_MARK[len(upkeep)] if len(upkeep) < len(_UPKEEP_MARK) else "C",
    )
    return StatementGrade(max(marks), tuple(minimum + upkeep), notes)
