"""A run's findings as JSON (nested, one entry per page) or CSV (flat, one row per failing element)."""

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from a11ycheck.models import Page
from a11ycheck.store import Store

CSV_COLUMNS = (
    "run",
    "page_url",
    "page_status",
    "page_title",
    "rule",
    "impact",
    "level",
    "wcag",
    "help",
    "help_url",
    "target",
    "html",
)


def run_as_dict(store: Store, run_id: int) -> dict:
    summary = store.run_summary(run_id)
    run = store.get_run(run_id)
    return {
        "run": {
            "id": summary.id,
            "kind": summary.kind,
            "start_url": summary.start_url,
            "status": summary.status,
            "started_at": summary.started_at.isoformat(),
            "finished_at": summary.finished_at.isoformat() if summary.finished_at else None,
            "axe_version": run.axe_version,
            "pages": summary.pages,
            "pages_audited": summary.audited,
            "pages_failed": summary.failed,
        },
        "pages": [_page_dict(page) for page in store.run_pages(run_id)],
        "documents": [
            {
                "url": d.url,
                "content_type": d.content_type,
                "size": d.size,
                "http_status": d.http_status,
                "referrer": d.referrer,
            }
            for d in store.run_documents(run_id)
        ],
    }


def _page_dict(page: Page) -> dict:
    return {
        "url": page.url,
        "status": page.status,
        "http_status": page.http_status,
        "title": page.title,
        "error": page.error,
        "depth": page.depth,
        "audited_at": page.audited_at.isoformat(),
        "violations": [
            {
                "rule": v.rule,
                "impact": v.impact,
                "level": v.level,
                "wcag": [c for c in v.wcag.split(",") if c],
                "wcag_version": v.wcag_version,
                "tags": [t for t in v.tags.split(",") if t],
                "help": v.help,
                "help_url": v.help_url,
                "nodes": [
                    {
                        "target": json.loads(n.target),
                        "html": n.html,
                        "failure_summary": n.failure_summary,
                        "fingerprint": n.fingerprint,
                    }
                    for n in v.nodes
                ],
            }
            for v in page.violations
        ],
    }


def csv_rows(store: Store, run_id: int) -> Iterator[tuple]:
    """One row per failing element; a page without violations still gets one row, so its status shows."""
    for page in store.run_pages(run_id):
        base = (run_id, page.url, page.status, page.title or "")
        if not page.violations:
            yield base + ("",) * 8
        for v in page.violations:
            for node in v.nodes or [None]:
                target = " >>> ".join(map(str, json.loads(node.target))) if node else ""
                yield base + (
                    v.rule,
                    v.impact or "",
                    v.level,
                    " ".join(v.wcag.split(",")),
                    v.help,
                    v.help_url,
                    target,
                    node.html if node else "",
                )


def render(store: Store, run_id: int, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(run_as_dict(store, run_id), indent=2, ensure_ascii=False) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(store, run_id))
    return buffer.getvalue()


def write_atomically(path: Path, content: str) -> None:
    """Write next to the target and rename: a reader never sees half a file, a failure leaves none."""
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
