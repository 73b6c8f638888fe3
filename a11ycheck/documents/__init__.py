"""The documents wing's core: check one PDF or office document for what can be checked automatically.

    from a11ycheck.documents import DocumentChecker

    with DocumentChecker(workers=2, timeout=60) as checker:
        result = checker.check(path, name=url, content_type=content_type, last_modified=header)
    result.to_dict()  # {"source", "type", "pages", "status", "possibly_exempt", "checks", "accessible", ...}

`check_document` does the same in this process, without limits on time and memory (tests, trusted files).
No crawl, browser, database or CLI here: callers wire those.
"""

from a11ycheck.documents.catalogue import CHECKS_REVISION, OFFICE_CHECKS, PDF_CHECKS, CheckDefinition
from a11ycheck.documents.check import check_document, file_sha256
from a11ycheck.documents.checker import DocumentChecker, DocumentCheckerError
from a11ycheck.documents.dates import EXEMPTION_CUTOFF
from a11ycheck.documents.limits import DEFAULT_MAX_DOCUMENT_BYTES, DocumentLimits
from a11ycheck.documents.results import CheckResult, DocumentResult, Outcome, Status
from a11ycheck.documents.samples import CORPUS, DEMO, write_samples

__all__ = [
    "CHECKS_REVISION",
    "CORPUS",
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "DEMO",
    "EXEMPTION_CUTOFF",
    "OFFICE_CHECKS",
    "PDF_CHECKS",
    "CheckDefinition",
    "CheckResult",
    "DocumentChecker",
    "DocumentCheckerError",
    "DocumentLimits",
    "DocumentResult",
    "Outcome",
    "Status",
    "check_document",
    "file_sha256",
    "write_samples",
]
