"""Commitment statuses as text: an aligned table (one line per commitment, greppable), JSON and CSV."""

import csv
import io
import json
from collections.abc import Callable
from datetime import date

from a11ycheck.charters.charter import DONE
from a11ycheck.charters.status import STALE, CommitmentStatus

TABLE_COLUMNS = (
    "municipality",
    "commitment",
    "domain",
    "deadline",
    "current",
    "trajectory",
    "target",
    "unit",
    "status",
    "title",
)
CSV_COLUMNS = (
    "municipality",
    "commitment",
    "title",
    "domain",
    "kind",
    "kpi",
    "unit",
    "direction",
    "baseline",
    "target",
    "signed",
    "deadline",
    "today",
    "current",
    "trajectory",
    "status",
    "audited_pages",
    "source_run_ids",
    "measured_at",
    "latest_update_at",
    "latest_update_author",
    "latest_update_note",
    "latest_update_evidence",
)
TITLE_WIDTH = 60


def status_record(status: CommitmentStatus) -> dict:
    """Everything about one status as JSON-ready values."""
    commitment = status.commitment
    measured = commitment.measured
    latest = status.latest_update
    return {
        "municipality": status.organisation,
        "commitment": commitment.id,
        "title": commitment.title,
        "domain": commitment.domain,
        "kind": "measured" if measured else "reported",
        "kpi": measured.kpi if measured else commitment.reported.type,
        "rule": measured.rule if measured else None,
        "criterion": measured.criterion if measured else None,
        "unit": status.unit,
        "direction": status.direction,
        "baseline": status.baseline,
        "target": status.target,
        "signed": status.signed.isoformat(),
        "deadline": status.deadline.isoformat(),
        "today": status.today.isoformat(),
        "current": status.current,
        "trajectory": status.trajectory,
        "status": status.status,
        "audited_pages": status.audited_pages if measured else None,
        "source_run_ids": list(status.source_run_ids),
        "measured_at": status.measured_at.isoformat() if status.measured_at else None,
        "updates": len(status.updates),
        "latest_update": None
        if latest is None
        else {
            "recorded_at": latest.recorded_at.isoformat(),
            "author": latest.author,
            "value": latest.value,
            "done": latest.done,
            "note": latest.note,
            "evidence_url": latest.evidence_url,
        },
    }


def statuses_json(statuses: dict[str, list[CommitmentStatus]], today: date) -> str:
    records = [status_record(s) for slug in sorted(statuses) for s in statuses[slug]]
    return (
        json.dumps({"today": today.isoformat(), "commitments": records}, indent=2, ensure_ascii=False) + "\n"
    )


def statuses_csv(statuses: dict[str, list[CommitmentStatus]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for slug in sorted(statuses):
        for status in statuses[slug]:
            record = status_record(status)
            latest = record.pop("latest_update") or {}
            record["source_run_ids"] = " ".join(str(run_id) for run_id in record["source_run_ids"])
            record["latest_update_at"] = latest.get("recorded_at")
            record["latest_update_author"] = latest.get("author")
            record["latest_update_note"] = latest.get("note")
            record["latest_update_evidence"] = latest.get("evidence_url")
            writer.writerow(record)
    return out.getvalue()


def statuses_table(
    statuses: dict[str, list[CommitmentStatus]],
    style_status: Callable[[str, str], str] = lambda _s, text: text,
) -> list[str]:
    """Aligned lines, a header first; `style_status(status, padded_text)` may colour the status cell."""
    rows = [
        [
            status.organisation,
            status.commitment.id,
            status.commitment.domain,
            status.deadline.isoformat(),
            format_value(status, status.current),
            format_value(status, status.trajectory),
            format_value(status, status.target),
            status.unit,
            _status_text(status),
            _shorten(status.commitment.title),
        ]
        for slug in sorted(statuses)
        for status in statuses[slug]
    ]
    verdicts = [status.status for slug in sorted(statuses) for status in statuses[slug]]
    widths = [max(len(row[i]) for row in [list(TABLE_COLUMNS), *rows]) for i in range(len(TABLE_COLUMNS))]
    status_column = TABLE_COLUMNS.index("status")
    numeric = {TABLE_COLUMNS.index(name) for name in ("current", "trajectory", "target")}

    def line(row: list[str], verdict: str | None) -> str:
        cells = []
        for i, cell in enumerate(row):
            padded = cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            if i == len(row) - 1:
                padded = cell
            cells.append(style_status(verdict, padded) if verdict and i == status_column else padded)
        return "  ".join(cells).rstrip()

    return [line(list(TABLE_COLUMNS), None), *(line(row, v) for row, v in zip(rows, verdicts, strict=True))]


def _status_text(status: CommitmentStatus) -> str:
    """The status, with the date of the report a stale one rests on."""
    if status.status == STALE and status.latest_update is not None:
        return f"{STALE} (reported {status.latest_update.recorded_at:%Y-%m-%d})"
    return status.status


def format_value(status: CommitmentStatus, value: float | None) -> str:
    """A value as the table shows it: the KPI's decimals, "done" / "not done", or "-" for none."""
    if value is None:
        return "-"
    commitment = status.commitment
    if commitment.reported and commitment.reported.type == DONE:
        return "done" if value else "not done"
    if commitment.measured:
        return f"{value:.{commitment.measured.decimals}f}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _shorten(text: str) -> str:
    return text if len(text) <= TITLE_WIDTH else text[: TITLE_WIDTH - 1] + "…"
