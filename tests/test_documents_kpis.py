"""The documents KPIs of charters: documents_accessible_share and untagged_pdfs, from the latest completed
crawl of each of the organisation's sites that checked documents (SQLite and PostgreSQL)."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from a11ycheck.charters.kpis import HIGHER, KPIS, LOWER
from a11ycheck.charters.loader import CharterProblems, load_charter, load_charters
from a11ycheck.charters.status import BEHIND, MET, NO_DATA, ON_TRACK, evaluate_charter
from a11ycheck.document_queries import save_check
from a11ycheck.models import Document, DocumentCheck, Run
from a11ycheck.register import Register
from a11ycheck.sites import add_site
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import PageResult

CHARTER = """\
signed: 2025-01-01
commitments:
  - id: documenten
    title: Toegankelijke documenten
    domain: digital
    deadline: 2025-12-31
    measured: {kpi: documents_accessible_share, baseline: 0, target: 80}
  - id: tags
    title: PDF's met tags
    domain: digital
    deadline: 2025-12-31
    measured: {kpi: untagged_pdfs, baseline: 10, target: 0}
"""
TODAY = date(2025, 7, 2)  # halfway: trajectories 40 % and 5 PDFs


def stored_check(store: Store, sha: str, type_: str, failed: tuple[str, ...]) -> int:
    row = DocumentCheck(
        sha256=sha * 64,
        checker_version="test",
        type=type_,
        status="checked",
        accessible=not failed,
        tagged=("tagged" not in failed) if type_ == "pdf" else None,
        failed_checks=",".join(failed),
        checks="[]",
    )
    return save_check(store, row).id


def crawl(store: Store, start_url: str, finished: datetime, documents: list[Document], checked: bool) -> int:
    """A completed crawl with one audited page and these documents; `checked`: its settings say it
    downloaded and checked documents."""
    run = store.start_run("crawl", start_url, {"documents": checked, "max_pages": 10}, "4.10.2")
    store.save_pages(run.id, [(PageRecord(url=start_url), PageResult(url=start_url, status="ok"))])
    store.save_documents(run.id, documents)
    store.finish_run(run.id, "completed")
    with store.session() as session:
        session.get(Run, run.id).finished_at = finished
        session.commit()
    return run.id


@pytest.fixture
def charters_dir(tmp_path) -> Path:
    folder = tmp_path / "charters"
    folder.mkdir()
    (folder / "voorbeeld.yaml").write_text(CHARTER)
    return folder


def statuses(store: Store, charters_dir: Path, today: date = TODAY) -> dict:
    charter = load_charter(charters_dir, "voorbeeld", Register.load())
    return {status.commitment.id: status for status in evaluate_charter(store, charter, today)}


def test_the_kpis_are_known_with_their_direction():
    share, untagged = KPIS["documents_accessible_share"], KPIS["untagged_pdfs"]
    assert (share.direction, share.unit, share.decimals, share.maximum) == (HIGHER, "%", 1, 100)
    assert (untagged.direction, untagged.unit, untagged.decimals) == (LOWER, "PDFs", 0)


def test_documents_of_the_latest_crawls_that_checked_them(db_url, charters_dir):
    store = Store(db_url)
    register = Register.load()
    add_site(store, register.get("voorbeeld"), "https://www.voorbeeld.be/")
    add_site(store, register.get("voorbeeld"), "https://loket.voorbeeld.be/")
    good, scan, office = (
        stored_check(store, "a", "pdf", ()),
        stored_check(store, "b", "pdf", ("tagged", "text")),
        stored_check(store, "c", "odt", ("title",)),
    )
    site = "https://www.voorbeeld.be"
    crawl(  # an older crawl of the same site: replaced by the next one
        store,
        f"{site}/",
        datetime(2025, 3, 1, tzinfo=UTC),
        [Document(url=f"{site}/oud-{n}.pdf", status="checked", check_id=scan) for n in range(4)],
        checked=True,
    )
    crawl(
        store,
        f"{site}/",
        datetime(2025, 6, 1, tzinfo=UTC),
        [
            Document(url=f"{site}/a.pdf", status="checked", check_id=good),
            Document(url=f"{site}/b.pdf", status="checked", check_id=scan),
            Document(url=f"{site}/c.odt", status="checked", check_id=office),
            Document(url=f"{site}/d.pdf", status="unreadable", message="damaged"),  # not counted
            Document(url=f"{site}/e.xlsx", status="not-checked"),  # not counted
            Document(url=f"{site}/f.pdf", status="http-404"),  # not counted
        ],
        checked=True,
    )
    loket = "https://loket.voorbeeld.be"
    crawl(
        store,
        f"{loket}/",
        datetime(2025, 6, 2, tzinfo=UTC),
        [
            Document(url=f"{loket}/formulier.pdf", status="checked", check_id=good),
            Document(url=f"{loket}/scan.pdf", status="checked", check_id=scan),
        ],
        checked=True,
    )
    found = statuses(store, charters_dir)
    # 2 of 5 checked documents pass every check; 2 untagged PDFs (one per site)
    assert (found["documenten"].current, found["documenten"].status) == (40.0, ON_TRACK)
    assert (found["tags"].current, found["tags"].status) == (2.0, ON_TRACK)
    before = statuses(store, charters_dir, date(2025, 3, 31))  # only the older crawl then
    assert (before["documenten"].current, before["tags"].current) == (0.0, 4.0)
    store.close()


def test_crawls_that_did_not_check_documents_give_no_data(sqlite_url, charters_dir):
    store = Store(sqlite_url)
    add_site(store, Register.load().get("voorbeeld"), "https://www.voorbeeld.be/")
    site = "https://www.voorbeeld.be"
    crawl(
        store,
        f"{site}/",
        datetime(2025, 6, 1, tzinfo=UTC),
        [Document(url=f"{site}/a.pdf"), Document(url=f"{site}/b.pdf")],  # recorded from a HEAD request
        checked=False,
    )
    found = statuses(store, charters_dir)
    assert (found["documenten"].current, found["documenten"].status) == (None, NO_DATA)
    assert (found["tags"].current, found["tags"].status) == (None, NO_DATA)


def test_a_site_without_documents_has_no_untagged_pdfs_and_no_share(sqlite_url, charters_dir):
    store = Store(sqlite_url)
    add_site(store, Register.load().get("voorbeeld"), "https://www.voorbeeld.be/")
    crawl(store, "https://www.voorbeeld.be/", datetime(2025, 6, 1, tzinfo=UTC), [], checked=True)
    found = statuses(store, charters_dir)
    assert (found["tags"].current, found["tags"].status) == (0.0, MET)
    assert found["documenten"].status == NO_DATA  # nothing checked: no share to give


def test_all_documents_failing_is_behind(sqlite_url, charters_dir):
    store = Store(sqlite_url)
    add_site(store, Register.load().get("voorbeeld"), "https://www.voorbeeld.be/")
    scan = stored_check(store, "b", "pdf", ("tagged",))
    documents = [
        Document(url=f"https://www.voorbeeld.be/{n}.pdf", status="checked", check_id=scan) for n in range(7)
    ]
    crawl(store, "https://www.voorbeeld.be/", datetime(2025, 6, 1, tzinfo=UTC), documents, checked=True)
    found = statuses(store, charters_dir)
    assert (found["documenten"].current, found["documenten"].status) == (0.0, BEHIND)
    assert (found["tags"].current, found["tags"].status) == (7.0, BEHIND)


def test_the_loader_validates_the_documents_kpis(tmp_path):
    folder = tmp_path / "charters"
    folder.mkdir()
    (folder / "voorbeeld.yaml").write_text(
        CHARTER.replace("baseline: 0, target: 80", "baseline: 0, target: 120").replace(
            "kpi: untagged_pdfs, baseline: 10, target: 0", "kpi: untagged_pdfs, baseline: 1, target: 3"
        )
    )
    with pytest.raises(CharterProblems) as refused:
        load_charters([folder], Register.load())
    problems = [str(problem).split(": ", 1)[1] for problem in refused.value.problems]
    assert problems == [
        "target 120 of commitment 'documenten' is out of range: it must be from 0 to 100",
        "the target 3 of commitment 'tags' is worse than its baseline 1: untagged_pdfs is better when lower",
    ]


def test_the_demo_charter_measures_its_documents():
    repo = Path(__file__).resolve().parent.parent
    charter = load_charter(repo / "charters", "voorbeeld", Register.load())
    kpis = {c.id: c.measured.kpi for c in charter.commitments if c.measured}
    assert kpis["documenten-toegankelijk"] == "documents_accessible_share"
    assert kpis["pdf-getagd"] == "untagged_pdfs"
