"""Reported KPIs: progress an organisation reports on a commitment, kept with date and author, never
overwritten, so the history of a commitment can always be shown.
"""

import difflib
import getpass
import math
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from a11ycheck.charters.charter import DONE, PERCENTAGE, Charter, Commitment
from a11ycheck.charters.queries import add_update, updates_of
from a11ycheck.errors import UserError
from a11ycheck.models import ReportedUpdate
from a11ycheck.store import Store


@dataclass(frozen=True)
class UpdateRecord:
    """One reported update, as stored."""

    id: int
    organisation: str
    commitment: str
    value: float | None
    done: bool | None
    note: str
    evidence_url: str | None
    author: str
    recorded_at: datetime


def find_commitment(charter: Charter, commitment_id: str) -> Commitment:
    """The commitment with this id; a UserError listing the ids there are otherwise."""
    commitment = charter.find(commitment_id)
    if commitment is None:
        ids = [c.id for c in charter.commitments]
        close = difflib.get_close_matches(commitment_id, ids, n=3, cutoff=0.5)
        hint = f"did you mean {' or '.join(close)}?" if close else f"its commitments are {', '.join(ids)}"
        raise UserError(f"no commitment {commitment_id!r} in {charter.path}: {hint}")
    return commitment


def parse_value(text: str) -> float:
    """A reported number as people type it: "12", "12.5", "12,5" (Flemish decimal comma) or "45%"."""
    cleaned = text.strip().removesuffix("%").strip().replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise UserError(f"--value {text!r} is not a number: give one like 12 or 12.5") from None
    if not math.isfinite(value):
        raise UserError(f"--value {text!r} is not a number: give one like 12 or 12.5")
    return value


def default_author() -> str:
    """Who is recording: $USER, else the login name."""
    try:
        return os.environ.get("USER") or getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return "unknown"


def record_update(
    store: Store,
    charter: Charter,
    commitment_id: str,
    *,
    note: str,
    author: str,
    value: float | None = None,
    done: bool | None = None,
    evidence_url: str | None = None,
    recorded_at: datetime | None = None,
) -> UpdateRecord:
    """Check an update against the commitment (reported, right type, in range) and store it."""
    commitment = find_commitment(charter, commitment_id)
    if commitment.reported is None:
        raise UserError(
            f"commitment {commitment.id} is measured from the audits ({commitment.measured.kpi}): "
            "only reported commitments take updates"
        )
    kind = commitment.reported.type
    if kind == DONE:
        if value is not None or done is None:
            raise UserError(
                f"commitment {commitment.id} is done / not done: give --done or --not-done, not --value"
            )
    else:
        if done is not None or value is None:
            raise UserError(f"commitment {commitment.id} is a {kind}: give --value, not --done")
        if kind == PERCENTAGE and not 0 <= value <= 100:
            raise UserError(
                f"commitment {commitment.id} is a percentage: --value must be from 0 to 100, not {value:g}"
            )
    if not note.strip():
        raise UserError("--note is empty: say what changed, e.g. --note 'ramp at the library finished'")
    if evidence_url is not None:
        evidence_url = _checked_evidence(evidence_url)
    if not author.strip():
        raise UserError("--author is empty: give the name of who reports this")
    row = ReportedUpdate(
        organisation=charter.slug,
        commitment=commitment.id,
        value=value,
        done=done,
        note=note.strip(),
        evidence_url=evidence_url,
        author=author.strip(),
        recorded_at=recorded_at or datetime.now(UTC),
    )
    return _record(add_update(store, row))


def update_history(
    store: Store, organisation: str, commitment_id: str | None = None, as_of: date | None = None
) -> list[UpdateRecord]:
    """Every update of an organisation (or one commitment of it), oldest first; up to the end of `as_of`."""
    records = [_record(row) for row in updates_of(store, organisation)]
    if commitment_id is not None:
        records = [r for r in records if r.commitment.lower() == commitment_id.strip().lower()]
    if as_of is not None:
        records = [r for r in records if r.recorded_at.date() <= as_of]
    return records


def _checked_evidence(url: str) -> str:
    url = url.strip()
    try:
        parts = urlsplit(url)
        valid = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        valid = False
    if not valid:
        raise UserError(
            f"--evidence {url!r} is not a web address: give an http(s) URL such as https://www.gemeente.be/verslag"
        )
    return url


def _record(row: ReportedUpdate) -> UpdateRecord:
    recorded_at = row.recorded_at
    recorded_at = (
        recorded_at.replace(tzinfo=UTC) if recorded_at.tzinfo is None else recorded_at.astimezone(UTC)
    )
    return UpdateRecord(
        id=row.id,
        organisation=row.organisation,
        commitment=row.commitment,
        value=row.value,
        done=row.done,
        note=row.note,
        evidence_url=row.evidence_url,
        author=row.author,
        recorded_at=recorded_at,
    )
