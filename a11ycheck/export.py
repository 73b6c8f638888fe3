"""A run's findings as JSON (nested, one entry per page) or CSV (flat, one row per failing or undecided
element, or with `language` one row per page with its plain-language figures); EARL and SARIF are made from
the JSON (a11ycheck/export_formats/). With `documents`, the run's documents alone: JSON, or CSV with one row
per document and check."""

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

from a11ycheck.document_queries import run_documents
from a11ycheck.errors import UserError
from a11ycheck.export_formats.earl import render_earl
from a11ycheck.export_formats.sarif import render_sarif
from a11ycheck.finding_groups import group_findings
from a11ycheck.language.queries import run_scores
from a11ycheck.language.score import LanguageScore
from a11ycheck.models import Document, DocumentCheck, NeedsReview, Page, Violation
from a11ycheck.review.sampling import exported as review_export
from a11ycheck.statements.queries import statement_of_run
from a11ycheck.statements.stored import statement_details, statement_object
from a11ycheck.store import Store
from a11ycheck.vocabulary.criteria import WCAG21_AA

CSV_COLUMNS = (
    "run",
    "page_url",
    "page_status",
    "page_title",
    "result",  # violation or needs-review; empty on the row of a page without either
    "rule",
    "impact",
    "level",
    "wcag",
    "help",
    "help_url",
    "target",
    "html",
)


DOCUMENT_CSV_COLUMNS = (
    "run",
    "document_url",
    "referrer",
    "status",  # checked, or why not: too-large, unreadable, http-404, ...
    "type",
    "pages",
    "possibly_exempt",
    "accessible",
    "check",  # empty on the row of a document without checks
    "outcome",
    "wcag",
    "detail",
    "message",
    "sha256",
)
DOCUMENT_FORMATS = ("json", "csv")


def run_as_dict(store: Store, run_id: int, pages: bool = True) -> dict:
    """The run with its pages, groups, documents, statement and samples; without `pages`, the run and its
    documents only."""
    summary = store.run_summary(run_id)
    run = store.get_run(run_id)
    exported: dict = {
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
            "pages_redirected": summary.redirected,
            "pages_reused": summary.reused,
            "full_audit": summary.reuse_base is None,
            "reused_from_run": summary.reuse_base,
        },
    }
    documents = [_document_dict(d, check) for d, check in run_documents(store, run_id)]
    if not pages:
        exported["documents"] = documents
        return exported
    languages = run_scores(store, run_id)
    exported["pages"] = [_page_dict(page, languages.get(page.url)) for page in store.run_pages(run_id)]
    exported["groups"] = [group.to_dict() for group in group_findings(store.failing_nodes(run_id))]
    exported["documents"] = documents
    exported.update(_statement_part(store, run_id))
    exported.update(review_export(store, run_id))  # the EU sample: samples drawn from the run
    return exported


def _statement_part(store: Store, run_id: int) -> dict:
    """The site's accessibility statement as the crawl found it (a11ycheck/statements/): `statement` is null
    when no candidate page was found, and for list audits, which do not look for one."""
    row = statement_of_run(store, run_id)
    return {"statement": statement_object(row), "statement_details": statement_details(row)}


def _document_dict(document: Document, check: DocumentCheck | None) -> dict:
    """A document as found, and what became of it: `status`, `checks`, `accessible` (true: checked and
    no check failed; false: one failed; null: not checked), `possibly_exempt` (issue 16's contract)."""
    return {
        "url": document.url,
        "content_type": document.content_type,
        "size": document.size,
        "http_status": document.http_status,
        "referrer": document.referrer,
        "status": document.status,
        "message": document.message,
        "type": check.type if check else None,
        "pages": check.pages if check else None,
        "possibly_exempt": document.possibly_exempt,
        "last_modified": document.last_modified,
        "sha256": document.sha256,
        "checks": json.loads(check.checks) if check else [],
        "accessible": check.accessible if check else None,
    }


def _page_dict(page: Page, language: LanguageScore | None = None) -> dict:
    return {
        "url": page.url,
        "status": page.status,
        "http_status": page.http_status,
        "title": page.title,
        "error": page.error,
        "depth": page.depth,
        "redirect_to": page.redirect_to,
        "reused_from": page.reused_from,
        "audited_at": page.audited_at.isoformat(),
        "violations": [_rule_dict(v) for v in page.violations],
        "needs_review": [_rule_dict(v) for v in page.needs_review],
        "passed_rules": _ids(page.passed_rules),
        "inapplicable_rules": _ids(page.inapplicable_rules),
        "language": language.to_dict() if language is not None else None,  # None: not scored
    }


def _rule_dict(found: Violation | NeedsReview) -> dict:
    return {
        "rule": found.rule,
        "impact": found.impact,
        "level": found.level,
        "wcag": _ids(found.wcag),
        "wcag_version": found.wcag_version,
        "tags": _ids(found.tags),
        "help": found.help,
        "help_url": found.help_url,
        "nodes": [
            {
                "target": json.loads(n.target),
                "html": n.html,
                "failure_summary": n.failure_summary,
                "fingerprint": n.fingerprint,
            }
            for n in found.nodes
        ],
    }


def _ids(text: str) -> list[str]:
    return [part for part in text.split(",") if part]


def csv_rows(store: Store, run_id: int) -> Iterator[tuple]:
    """One row per failing or undecided element; a page without either still gets one row, so its status
    shows."""
    for page in store.run_pages(run_id):
        base = (run_id, page.url, page.status, page.title or "")
        if not page.violations and not page.needs_review:
            yield base + ("",) * 9
        for result, found in [("violation", v) for v in page.violations] + [
            ("needs-review", v) for v in page.needs_review
        ]:
            for node in found.nodes or [None]:
                target = " >>> ".join(map(str, json.loads(node.target))) if node else ""
                yield base + (
                    result,
                    found.rule,
                    found.impact or "",
                    found.level,
                    " ".join(_ids(found.wcag)),
                    found.help,
                    found.help_url,
                    target,
                    node.html if node else "",
                )


def document_csv_rows(store: Store, run_id: int) -> Iterator[tuple]:
    """One row per document and check; a document without checks (not checked, or not fetched) gets one
    row with the check columns empty, so its status shows."""
    for document, check in run_documents(store, run_id):
        base = (
            run_id,
            document.url,
            document.referrer or "",
            document.status or "",
            check.type if check else "",
            "" if check is None or check.pages is None else check.pages,
            _csv_bool(document.possibly_exempt),
            _csv_bool(check.accessible if check else None),
        )
        tail = (document.message or "", document.sha256 or "")
        results = json.loads(check.checks) if check else []
        if not results:
            yield base + ("", "", "", "") + tail
        for result in results:
            yield base + (result["id"], result["outcome"], " ".join(result["wcag"]), result["detail"]) + tail


def _csv_bool(value: bool | None) -> str:
    return "" if value is None else "true" if value else "false"


# The plain-language CSV: one row per page, the `language` object's keys as columns (empty: not scored).
LANGUAGE_CSV_COLUMNS = ("run", "page_url", "page_status", *LanguageScore(lang=None).to_dict())


def language_csv_rows(store: Store, run_id: int) -> Iterator[tuple]:
    """One row per page of the run with its plain-language figures; a page that was not scored (not
    audited, or scoring off) has empty figures."""
    languages = run_scores(store, run_id)
    for page in store.run_pages(run_id):
        score = languages.get(page.url)
        figures = score.to_dict().values() if score is not None else [None] * (len(LANGUAGE_CSV_COLUMNS) - 3)
        yield (run_id, page.url, page.status, *(_cell(value) for value in figures))


def _cell(value: object) -> object:
    """A CSV cell as the JSON has it: empty for null, true/false for a flag."""
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else value


FORMATS = ("json", "csv", "earl", "sarif")


def render(store: Store, run_id: int, fmt: str, documents: bool = False, language: bool = False) -> str:
    """The run in `fmt`: json, csv, earl (JSON-LD, W3C ACT EARL) or sarif (SARIF 2.1.0); with `documents`,
    its documents alone, as json or csv; with `language`, a CSV of one row per page with its plain-language
    figures instead of one per element (a UserError for another format)."""
    if fmt not in FORMATS:
        raise UserError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if documents and fmt not in DOCUMENT_FORMATS:
        raise UserError(f"--documents exports as csv or json, not {fmt}: use --format csv or --format json")
    if language and fmt != "csv":
        raise UserError("--language goes with --format csv; the JSON export has a language object per page")
    if fmt == "json":
        exported = run_as_dict(store, run_id, pages=not documents)
        return json.dumps(exported, indent=2, ensure_ascii=False) + "\n"
    if fmt == "earl":
        return render_earl(run_as_dict(store, run_id))
    if fmt == "sarif":
        names = {c.number: c.label("en") for c in WCAG21_AA}
        return render_sarif(
            run_as_dict(store, run_id), criterion_names=names, tool_version=version("a11ycheck")
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if documents:
        writer.writerow(DOCUMENT_CSV_COLUMNS)
        writer.writerows(document_csv_rows(store, run_id))
    elif language:
        writer.writerow(LANGUAGE_CSV_COLUMNS)
        writer.writerows(language_csv_rows(store, run_id))
    else:
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
