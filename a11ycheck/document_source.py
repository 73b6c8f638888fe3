"""Checking one document named by a person: a local file, or a URL fetched as the crawl would fetch it.

`check_source` gives what was found (DocumentResult.to_dict()); `issue_object` cuts it to the object of
issue 16 (`source`, `type`, `pages`, `status`, `possibly_exempt`, `checks` with `id`, `outcome`, `detail`
and `wcag`, `accessible`) plus the plain `message` of a document that was not checked, which
`a11ycheck document check` prints; `as_text` is the same for a person.
A file that cannot be checked (damaged, mislabelled, too large) and a URL that gives no document (an HTTP
error, a refused redirect) are findings, with `accessible` null; bad usage (no such file, a malformed URL,
an unreachable host) is a UserError.
"""

import os
from typing import Any

from a11ycheck import __version__
from a11ycheck.document_fetch import fetch_document
from a11ycheck.documents import DocumentChecker, DocumentLimits
from a11ycheck.documents.sniff import claimed_type
from a11ycheck.settings import Settings

# The crawl's User-Agent (a11ycheck.spiders.settings), written out so that this command loads no Scrapy.
USER_AGENT = f"a11ycheck/{__version__} (accessibility monitoring of public-sector websites, WCAG 2.1 AA)"
CHECK_KEYS = ("id", "outcome", "detail", "wcag")


def is_url(source: str) -> bool:
    """A URL (anything with a scheme, so that ftp:// is refused as such), else a file path."""
    return "://" in source


def check_source(source: str, settings: Settings) -> dict[str, Any]:
    """Check the file or URL `source` in a worker process, within the settings' time, memory and size
    limits (URLs also within the address check, the egress guard and the download time limit)."""
    checker = DocumentChecker(
        workers=1,
        timeout=settings.document_timeout,
        memory_bytes=settings.document_memory,
        limits=DocumentLimits(max_bytes=settings.max_document_bytes),
    )
    with checker:
        if not is_url(source):
            return checker.check(source, name=source).to_dict()
        fetched = fetch_document(
            source,
            allow_private=settings.allow_private,
            timeout=settings.download_timeout,
            max_bytes=settings.max_document_bytes,
            user_agent=USER_AGENT,
        )
        if fetched.path is None:
            claim = claimed_type(source, fetched.content_type)
            return {
                "source": source,
                "type": claim.type if claim else None,
                "pages": None,
                "status": fetched.status,
                "possibly_exempt": None,
                "checks": [],
                "accessible": None,
                "message": fetched.message,
                "modified": None,
                "sha256": None,
                "size": fetched.size,
            }
        try:
            result = checker.check(
                fetched.path,
                name=source,
                content_type=fetched.content_type,
                last_modified=fetched.last_modified,
            )
        finally:
            os.unlink(fetched.path)
        return result.to_dict()


def issue_object(result: dict[str, Any]) -> dict[str, Any]:
    """A DocumentResult's dict cut to issue 16's keys, with `message` (why it was not checked) kept."""
    return {
        "source": result["source"],
        "type": result["type"],
        "pages": result["pages"],
        "status": result["status"],
        "possibly_exempt": result["possibly_exempt"],
        "checks": [{key: check[key] for key in CHECK_KEYS} for check in result["checks"]],
        "accessible": result["accessible"],
        "message": result["message"],
    }


def as_text(found: dict[str, Any]) -> str:
    """What was found, for a person: a summary line, then one line per check, failed ones first."""
    pages = f", {found['pages']} pages" if found["pages"] is not None else ""
    verdict = {True: "accessible", False: "not accessible", None: "not checked"}[found["accessible"]]
    exempt = {True: "yes", False: "no", None: "unknown"}[found["possibly_exempt"]]
    lines = [
        f"{found['source']}: {found['type'] or 'unknown type'}{pages}, {found['status']}: {verdict} "
        f"(possibly exempt: {exempt})"
    ]
    if found.get("message"):
        lines.append(f"  {found['message']}")
    order = {"failed": 0, "passed": 1, "not-applicable": 2}
    checks = sorted(
        found["checks"], key=lambda check: (check.get("advisory", False), order[check["outcome"]])
    )
    outcomes = [check["outcome"] + (" (advisory)" if check.get("advisory") else "") for check in checks]
    width = max((len(check["id"]) for check in checks), default=0)
    outcome_width = max((len(outcome) for outcome in outcomes), default=0)
    for check, outcome in zip(checks, outcomes, strict=True):
        criteria = f" (WCAG {', '.join(check['wcag'])})" if check["wcag"] else ""
        lines.append(f"  {outcome:<{outcome_width}}  {check['id']:<{width}}  {check['detail']}{criteria}")
    return "\n".join(lines) + "\n"
