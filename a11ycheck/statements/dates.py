"""Dates as statements write them, read strictly: a date that does not exist is None, never a neighbour.

Written forms (in folded text, see folding.py): ISO "2020-09-14"; numeric "14-09-2020", "14/09/2020",
"14.09.2020", always day first as in Belgium (never month first, even when the day is over 12); "22 september
2020", "1er mars 2021", "22. September 2020", "22nd of September 2020"; "September 22, 2020"; and a month
without a day, "september 2020", which is kept as a (year, month) and never turned into a day. Month names in
Dutch, French, English and German, in full or abbreviated. Two-digit years are not read. Years outside
1990-2099 are not dates of a statement and read as None.
"""

import re
from dataclasses import dataclass
from datetime import date

from a11ycheck.statements.folding import fold

_MONTH_NAMES = {
    1: "januari jan janvier janv january januar janner jaenner",
    2: "februari feb febr fevrier fev fevr february februar",
    3: "maart mrt mars march mar marz maerz",
    4: "april apr avril avr",
    5: "mei mai may",
    6: "juni jun juin june",
    7: "juli jul juillet juil july",
    8: "augustus aug aout august",
    9: "september sep sept septembre",
    10: "oktober okt octobre oct october",
    11: "november nov novembre",
    12: "december dec decembre dezember dez",
}
MONTHS: dict[str, int] = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:\s?(?:er|ere|e|ste|de|st|nd|rd|th))?"
_PATTERNS = (
    ("ymd", re.compile(r"(?<![\d.\-/])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d\-/]|\.\d)")),
    ("dmy", re.compile(r"(?<![\d.\-/])(\d{1,2}) ?([-/.]) ?(\d{1,2}) ?\2 ?(\d{4})(?![\d\-/]|\.\d)")),
    (
        "d_month_y",
        re.compile(rf"(?<![\d.])(\d{{1,2}}){_ORDINAL}\.? (?:of )?({_MONTH})\b\.?,? (\d{{4}})(?!\d)"),
    ),
    ("month_d_y", re.compile(rf"\b({_MONTH})\b\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})(?!\d)")),
    ("month_y", re.compile(rf"\b({_MONTH})\b\.?,? (\d{{4}})(?!\d)")),
)
FIRST_YEAR, LAST_YEAR = 1990, 2099


@dataclass(frozen=True)
class DateMention:
    """A date written in a text: `value` when it exists, `month` when only a month and year were given."""

    start: int
    end: int
    text: str
    value: date | None
    month: tuple[int, int] | None = None

    @property
    def does_not_exist(self) -> bool:
        """Written as a full date, but no such day (31 februari) or a year no statement can have."""
        return self.value is None and self.month is None


def _make_date(year: int, month: int, day: int) -> date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _mention(kind: str, match: re.Match[str]) -> DateMention:
    groups = match.groups()
    month_only = None
    if kind == "ymd":
        value = _make_date(int(groups[0]), int(groups[1]), int(groups[2]))
    elif kind == "dmy":
        value = _make_date(int(groups[3]), int(groups[2]), int(groups[0]))
    elif kind == "d_month_y":
        value = _make_date(int(groups[2]), MONTHS[groups[1]], int(groups[0]))
    elif kind == "month_d_y":
        value = _make_date(int(groups[2]), MONTHS[groups[0]], int(groups[1]))
    else:
        value, year = None, int(groups[1])
        month_only = (year, MONTHS[groups[0]]) if FIRST_YEAR <= year <= LAST_YEAR else None
    return DateMention(match.start(), match.end(), match.group(0), value, month_only)


def find_dates(folded: str) -> list[DateMention]:
    """Every date written in a folded text, in text order; longer forms win over the shorter ones inside."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            found.append(_mention(kind, match))
    return sorted(found, key=lambda mention: mention.start)


def parse_date(text: str) -> date | None:
    """The date a short text is, or None: "22 september 2020", "14/09/2020", "1er mars 2021"...

    The text must be one date and nothing more than punctuation around it; a month without a day is None.
    """
    folded = fold(text).strip(" .,;:()[]")
    mentions = find_dates(folded)
    if len(mentions) != 1 or mentions[0].text.strip(" .,") != folded.strip(" .,"):
        return None
    return mentions[0].value
