"""Modification dates from documents and HTTP headers, and the directive's exemption date.

The EU directive (2016/2102, art. 1(4)(a)) exempts office documents published before 23 September 2018.
A document counts as last modified at the latest plausible date any source gives (its own metadata, the
server's Last-Modified): any sign of a later change means it is not exempt.
"""

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from pikepdf.models.metadata import decode_pdf_date

# Midnight in Brussels (summer time, UTC+2) on the day the directive's deadline for older documents fell.
EXEMPTION_CUTOFF = datetime(2018, 9, 23, tzinfo=timezone(timedelta(hours=2)))
# Dates before this are a producer's placeholder (D:00000101, 1601-01-01), not a real modification.
EARLIEST_PLAUSIBLE = datetime(1990, 1, 1, tzinfo=UTC)

_PARTIAL_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def parse_pdf_date(text: str | None) -> datetime | None:
    """A PDF date string (D:YYYYMMDDHHmmSS+HH'mm'), or None when it is missing or malformed."""
    if not text:
        return None
    try:
        return _aware(decode_pdf_date(text.strip()))
    except (ValueError, TypeError, OverflowError):
        return None


def parse_iso_date(text: str | None) -> datetime | None:
    """An ISO 8601 date as XMP, OOXML and ODF write it (also just a year or year-month), or None."""
    if not text:
        return None
    text = text.strip()
    partial = _PARTIAL_ISO.match(text)
    try:
        if partial:
            return datetime(int(partial[1]), int(partial[2] or 1), 1, tzinfo=UTC)
        return _aware(datetime.fromisoformat(text))
    except ValueError:
        return None


def parse_http_date(value: str | datetime | None) -> datetime | None:
    """An HTTP Last-Modified value (RFC 9110 date, or an ISO 8601 string, or a datetime), or None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _aware(value)
    try:
        return _aware(parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        return parse_iso_date(value)


def plausible(value: datetime | None, now: datetime | None = None) -> datetime | None:
    """The date, unless it is a placeholder before 1990 or more than a day in the future."""
    if value is None:
        return None
    now = now or datetime.now(UTC)
    if value < EARLIEST_PLAUSIBLE or value > now + timedelta(days=1):
        return None
    return value


def last_modified(*candidates: datetime | None) -> datetime | None:
    """The latest plausible date among the candidates, or None when none is known."""
    known = [d for d in (plausible(c) for c in candidates) if d is not None]
    return max(known) if known else None


def possibly_exempt(modified: datetime | None) -> bool | None:
    """True when last modified before 23 September 2018, False after, None when unknown."""
    if modified is None:
        return None
    return modified < EXEMPTION_CUTOFF
