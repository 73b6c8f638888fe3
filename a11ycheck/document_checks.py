"""Checking the documents a crawl downloads: each file once, by its sha256, in the run's DocumentChecker.

The crawl's pipeline hands over a document row and the file's bytes. A file checked before (in any run,
of any site, by the same checker version) is not checked again: its stored result is linked. Otherwise
the bytes go to a temporary file for a checker worker, and the file is deleted right after: the store
keeps results, not files. Blocking; the pipeline calls `record` from a thread pool, off the reactor.
"""

import hashlib
import json
import os
import tempfile
import threading

import pikepdf

from a11ycheck.document_queries import find_check, save_check
from a11ycheck.documents import CHECKS_REVISION, DocumentChecker, DocumentResult, Outcome, Status
from a11ycheck.documents.dates import last_modified, parse_http_date, possibly_exempt
from a11ycheck.models import Document, DocumentCheck
from a11ycheck.recorder import RunRecorder
from a11ycheck.store import Store

# Statuses that say more about the machine at that moment than about the file: not kept, so a later run
# checks the file again.
TRANSIENT = frozenset({Status.TIMEOUT})


def checker_version() -> str:
    """What a stored result was made with: the checks' revision and the PDF library underneath."""
    return f"checks {CHECKS_REVISION}; pikepdf {pikepdf.__version__}; qpdf {pikepdf.__libqpdf_version__}"


def check_row(result: DocumentResult, version: str) -> DocumentCheck:
    """The stored form of a check result (the file's own dates only: a server's Last-Modified belongs to
    the document row, since the same file may be served with different ones)."""
    tagged = result.check("tagged")
    return DocumentCheck(
        sha256=result.sha256,
        checker_version=version,
        type=result.type,
        pages=result.pages,
        size=result.size,
        status=result.status.value,
        message=result.message,
        modified=result.modified,
        possibly_exempt=result.possibly_exempt,
        accessible=result.accessible,
        tagged=None if tagged is None else tagged.outcome is Outcome.PASSED,
        failed_checks=",".join(c.id for c in result.checks if c.outcome is Outcome.FAILED and not c.advisory),
        checks=json.dumps([c.to_dict() for c in result.checks], ensure_ascii=False),
    )


class RunDocumentChecks:
    """The documents of one run: checked in `checker` (owned by the run), written through `recorder`."""

    def __init__(
        self,
        store: Store,
        recorder: RunRecorder,
        checker: DocumentChecker,
        version: str | None = None,
        temp_dir: str | None = None,
    ):
        self.store = store
        self.recorder = recorder
        self.checker = checker
        self.version = version or checker_version()
        self.temp_dir = temp_dir
        self.checked = 0  # files this run checked itself (the others had a stored result)
        self._locks: dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()

    def record(self, document: Document, body: bytes | None) -> bool:
        """Check the file (unless its result is stored) and record the document with what it is; False
        when the run has it already. DocumentCheckerError when the checker was closed (an interruption):
        the document is then left for a resume."""
        if not self.recorder.wants_document(document.url):
            return False
        if body is None:  # not fetched: its status says why
            self.recorder.document(document)
            return True
        sha256 = hashlib.sha256(body).hexdigest()
        with self._lock_for(sha256):  # the same file at two URLs of this run is checked once
            stored = find_check(self.store, sha256, self.version)
            result = None
            if stored is None:
                result = self._check(body, document)
                if result.status not in TRANSIENT:
                    stored = save_check(self.store, check_row(result, self.version))
        self.recorder.document(_linked(document, sha256, len(body), stored, result))
        return True

    def cancel(self) -> None:
        """Stop checking (Ctrl-C): running checks end at once and are not recorded."""
        self.checker.close()

    def _check(self, body: bytes, document: Document) -> DocumentResult:
        handle, path = tempfile.mkstemp(prefix="a11ycheck-document-", dir=self.temp_dir)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(body)
            result = self.checker.check(path, name=document.url, content_type=document.content_type)
            self.checked += 1
            return result
        finally:
            os.unlink(path)

    def _lock_for(self, sha256: str) -> threading.Lock:
        with self._locks_lock:
            return self._locks.setdefault(sha256, threading.Lock())


def _linked(
    document: Document, sha256: str, size: int, stored: DocumentCheck | None, result: DocumentResult | None
) -> Document:
    """The document row with its file's sha256, the check's status and the exemption from both the file's
    dates and the server's Last-Modified."""
    document.sha256 = sha256
    document.size = size
    if stored is not None:
        document.check_id = stored.id
        document.status, document.message, modified = stored.status, stored.message, stored.modified
    else:
        assert result is not None
        document.status, document.message, modified = result.status.value, result.message, result.modified
    document.possibly_exempt = possibly_exempt(
        last_modified(parse_http_date(document.last_modified), modified)
    )
    return document
