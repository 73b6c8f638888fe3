"""The report's words in Dutch (the default: its readers are Flemish) or English, from the catalogue in
messages.py, and how numbers and dates are written in each. No gettext: a dictionary lookup is all it takes.

Messages are plain text; templates print them with autoescaping like anything else.
"""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from a11ycheck.models import as_utc
from a11ycheck.report.messages import LABELS, MESSAGES, MONTHS, MONTHS_SHORT, NOUNS

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LOCAL_TIME = ZoneInfo("Europe/Brussels")  # the readers' clock; times are stored in UTC


class Messages:
    """Words and number formats for one language; templates call `t("key", name=value)`."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE):
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        text = MESSAGES[key][self.lang]
        return text.format(**values) if values else text

    def label(self, group: str, value: str | None) -> str:
        """A translated label for a known value (impact, status, ...); unknown values as they are."""
        if value is None:
            return ""
        known = LABELS[group].get(value)
        return known[self.lang] if known else value

    def kpi(self, name: str, **params: object) -> str:
        """What a measured KPI counts, in this language; an unknown KPI by its name."""
        key = f"kpi_{name}"
        return self(key, **params) if key in MESSAGES else name

    def page_status(self, status: str) -> str:
        if status.startswith("http-"):
            return f"HTTP {status[5:]}"
        return self.label("page_status", status)

    def count(self, value: int, noun: str) -> str:
        """A number with its noun in singular or plural: "1 pagina", "2 pagina's", "1.200 fouten"."""
        one, other = NOUNS[noun][self.lang]
        return f"{self.number(value)} {one if value == 1 else other}"

    def number(self, value: float | int | None, decimals: int = 0) -> str:
        """1234.5 -> "1.234,5" in Dutch, "1,234.5" in English; None -> "–"."""
        if value is None:
            return "–"
        # half up, like the charter KPIs (a11ycheck.charters.kpis.round_half_up): 0.125 -> 0.13, not 0.12
        rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        text = f"{rounded:,.{decimals}f}"
        if self.lang == "nl":
            text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return text

    def percent(self, value: float | None, decimals: int = 1) -> str:
        """A percentage (87.5) as "87,5%"."""
        return "–" if value is None else f"{self.number(value, decimals)}%"

    def day(self, value: date | datetime | None) -> str:
        """3 March 2026 / 3 maart 2026; a stored time (UTC; naive means UTC) on the readers' clock."""
        if value is None:
            return "–"
        if isinstance(value, datetime):
            value = as_utc(value).astimezone(LOCAL_TIME)
        return f"{value.day} {MONTHS[self.lang][value.month - 1]} {value.year}"

    def short_day(self, value: date) -> str:
        """Chart ticks: 3 mrt 2026 / 3 Mar 2026."""
        return f"{value.day} {MONTHS_SHORT[self.lang][value.month - 1]} {value.year}"

    def moment(self, value: datetime | None) -> str:
        """A stored time (UTC; naive means UTC) on the readers' clock: "3 maart 2026 14:05"."""
        if value is None:
            return "–"
        local = as_utc(value).astimezone(LOCAL_TIME)
        return f"{self.day(local)} {local:%H:%M}"

    def size(self, size: int | None) -> str:
        if size is None:
            return ""
        for unit, factor in (("MB", 1_000_000), ("kB", 1_000)):
            if size >= factor:
                return f"{self.number(size / factor, 1)} {unit}"
        return f"{self.number(size)} B"
