"""The run's document checks (a11ycheck/document_checks.py): each file checked once by its sha256, across
runs and sites; results kept, files not; a time-out checked again later; the exemption from the file's own
dates and the server's Last-Modified. Fast: the checks run in this process (check_document), on SQLite."""

import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from a11ycheck.document_checks import RunDocumentChecks, check_row, checker_version
from a11ycheck.document_queries import find_check, run_documents
from a11ycheck.documents import DEMO, DocumentCheckerError, Status, check_document
from a11ycheck.documents.check import unchecked_result
from a11ycheck.models import Document, DocumentCheck
from a11ycheck.recorder import RunRecorder
from a11ycheck.store import Store

ANNUAL_REPORT = DEMO["jaarverslag-2025.pdf"]()  # fails figure-alt and bookmarks
REGULATIONS = DEMO["reglement-evenementen.pdf"]()  # untagged scan, modified 2016
CALENDAR = DEMO["afvalkalender-2026.pdf"]()  # passes every check


class InProcessChecker:
    """Stands in for DocumentChecker: checks in this process, remembers what it was asked, and can be
    told to time out or to be closed."""

    def __init__(self, timeout: bool = False):
        self.timeout = timeout
        self.closed = False
        self.paths: list[Path] = []
        self.lock = threading.Lock()

    def check(self, path, name=None, content_type=None, last_modified=None):
        if self.closed:
            raise DocumentCheckerError("the document checker is closed")
        with self.lock:
            self.paths.append(Path(path))
        assert Path(path).read_bytes()  # the file is there while it is checked
        if self.timeout:
            return unchecked_result(path, Status.TIMEOUT, "checking took longer than 0.1 s: stopped", name)
        return check_document(path, name=name, content_type=content_type, last_modified=last_modified)

    def close(self):
        self.closed = True


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'a11ycheck.db'}")
    yield store
    store.close()


def new_run(store: Store, site: str) -> int:
    return store.start_run("crawl", site, {"documents": True}, "4.10.2").id


def checks_for(store, run_id, checker, temp_dir) -> tuple[RunDocumentChecks, RunRecorder]:
    recorder = RunRecorder(store, run_id)
    return RunDocumentChecks(store, recorder, checker, temp_dir=str(temp_dir)), recorder


def test_the_same_file_is_checked_once_across_runs_and_sites(store, tmp_path):
    checker = InProcessChecker()
    first, recorder = checks_for(store, new_run(store, "https://www.gent.be/"), checker, tmp_path)
    assert first.record(Document(url="https://www.gent.be/jaarverslag.pdf"), ANNUAL_REPORT)
    assert first.record(Document(url="https://www.gent.be/kopie/jaarverslag.pdf"), ANNUAL_REPORT)
    recorder.flush()
    assert len(checker.paths) == 1 and first.checked == 1  # the copy at another URL: known by its sha256

    run_id = new_run(store, "https://www.brugge.be/")
    second, recorder = checks_for(store, run_id, checker, tmp_path)
    assert second.record(Document(url="https://www.brugge.be/verslag-gent.pdf"), ANNUAL_REPORT)
    assert second.record(Document(url="https://www.brugge.be/kalender.pdf"), CALENDAR)
    recorder.flush()
    assert len(checker.paths) == 2 and second.checked == 1  # only the calendar was new

    rows = run_documents(store, run_id)
    (report, report_check), (calendar, calendar_check) = rows
    assert (report.status, report_check.failed_checks, report_check.accessible) == (
        "checked",
        "figure-alt,bookmarks",
        False,
    )
    assert (calendar.status, calendar_check.accessible, calendar_check.tagged) == ("checked", True, True)
    with store.session() as session:
        assert session.exec(select(func.count()).select_from(DocumentCheck)).scalar() == 2
    gent_rows = run_documents(store, 1)
    assert {check.id for _, check in gent_rows} == {report.check_id}  # one result for every copy
    assert list(tmp_path.glob("a11ycheck-document-*")) == []  # no file is kept
    assert all(not path.exists() for path in checker.paths)


def test_a_check_that_timed_out_is_not_kept_and_is_done_again(store, tmp_path):
    slow = InProcessChecker(timeout=True)
    checks, recorder = checks_for(store, new_run(store, "https://www.gent.be/"), slow, tmp_path)
    checks.record(Document(url="https://www.gent.be/jaarverslag.pdf"), ANNUAL_REPORT)
    recorder.flush()
    [(document, check)] = run_documents(store, 1)
    assert (document.status, document.check_id, check) == ("timeout", None, None)
    assert document.sha256 and document.message == "checking took longer than 0.1 s: stopped"

    fast = InProcessChecker()
    later, recorder = checks_for(store, new_run(store, "https://www.gent.be/"), fast, tmp_path)
    later.record(Document(url="https://www.gent.be/jaarverslag.pdf"), ANNUAL_REPORT)
    recorder.flush()
    assert len(fast.paths) == 1
    [(document, check)] = run_documents(store, 2)
    assert document.status == "checked" and check.sha256 == document.sha256


def test_possibly_exempt_from_the_file_and_the_server(store, tmp_path):
    checks, recorder = checks_for(store, new_run(store, "https://www.gent.be/"), InProcessChecker(), tmp_path)
    old_server = "Tue, 14 Jun 2016 09:20:00 GMT"
    checks.record(Document(url="https://www.gent.be/a.pdf", last_modified=old_server), REGULATIONS)
    checks.record(Document(url="https://www.gent.be/b.pdf", last_modified=None), REGULATIONS)
    newer = "Mon, 02 Mar 2026 10:00:00 GMT"
    checks.record(Document(url="https://www.gent.be/c.pdf", last_modified=newer), REGULATIONS)
    checks.record(Document(url="https://www.gent.be/d.pdf", last_modified=old_server), CALENDAR)
    recorder.flush()
    found = {document.url.rsplit("/", 1)[1]: document for document, _ in run_documents(store, 1)}
    assert found["a.pdf"].possibly_exempt is True  # file and server: 2016
    assert found["b.pdf"].possibly_exempt is True  # the file's own date, 14 June 2016
    assert found["c.pdf"].possibly_exempt is False  # the server says it changed in 2026
    assert found["d.pdf"].possibly_exempt is False  # the file itself says 2026
    assert found["c.pdf"].last_modified == newer
    stored = find_check(store, found["b.pdf"].sha256, checker_version())
    assert stored.possibly_exempt is True  # the file's dates alone, whatever the server said


def test_a_document_without_its_file_is_recorded_as_it_came(store, tmp_path):
    checker = InProcessChecker()
    checks, recorder = checks_for(store, new_run(store, "https://www.gent.be/"), checker, tmp_path)
    gone = Document(url="https://www.gent.be/weg.pdf", status="http-404", http_status=404, message="HTTP 404")
    assert checks.record(gone, None)
    assert not checks.record(Document(url="https://www.gent.be/weg.pdf"), ANNUAL_REPORT)  # once per run
    recorder.flush()
    [(document, check)] = run_documents(store, 1)
    assert (document.status, document.sha256, check, checker.paths) == ("http-404", None, None, [])


def test_an_interrupted_check_is_not_recorded(store, tmp_path):
    checker = InProcessChecker()
    checks, recorder = checks_for(store, new_run(store, "https://www.gent.be/"), checker, tmp_path)
    checks.cancel()
    with pytest.raises(DocumentCheckerError):
        checks.record(Document(url="https://www.gent.be/jaarverslag.pdf"), ANNUAL_REPORT)
    recorder.flush()
    assert run_documents(store, 1) == []
    assert list(tmp_path.glob("a11ycheck-document-*")) == []


def test_the_stored_row_keeps_every_check_and_the_version():
    result = check_document_bytes(ANNUAL_REPORT)
    row = check_row(result, "v")
    assert row.checker_version == "v" and row.sha256 == result.sha256
    assert [c["id"] for c in json.loads(row.checks)] == [c.id for c in result.checks]
    assert (row.type, row.pages, row.status, row.tagged) == ("pdf", 24, "checked", True)
    assert checker_version().startswith("checks 1; pikepdf ")


def check_document_bytes(data: bytes):
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        return check_document(file.name)
