"""Every bad input of the review wing is one clear line (review files: every problem as FILE:LINE), exit
code 2, and nothing written. The CLI runs in its own process, on synthetic crawls (no browser)."""

import csv
from pathlib import Path

import pytest
from review_site import SITE
from review_store import store_crawl
from sqlalchemy import func, select

from a11ycheck.models import OrganisationContactDetails, Page, ReviewImport, ReviewSample
from a11ycheck.review.reviews import start_review
from a11ycheck.review.sampling import draw_sample
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import PageResult

OTHER = "https://www.heidebeek.be"


def count(url: str, table) -> int:
    store = Store(url)
    with store.session() as db:
        found = db.exec(select(func.count(table.id))).scalar()
    store.close()
    return found


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


# --- drawing a sample --------------------------------------------------------------------------------------


def no_runs(store: Store) -> str:
    return "latest"


def without_pages(store: Store) -> str:
    run = store.start_run("crawl", SITE + "/", {}, "4.14.1")
    store.finish_run(run.id, "completed")
    return str(run.id)


def still_running(store: Store) -> str:
    return str(store.start_run("crawl", SITE + "/", {}, "4.14.1").id)


def interrupted(store: Store) -> str:
    return str(store_crawl(store, status="interrupted"))


def list_audit(store: Store) -> str:
    run = store.start_run("audit", None, {"urls": [SITE + "/"]}, "4.14.1")
    store.save_pages(run.id, [(PageRecord(url=SITE + "/"), PageResult(SITE + "/", "ok"))])
    store.finish_run(run.id, "completed")
    return str(run.id)


def without_facts(store: Store) -> str:
    run = store.start_run("crawl", SITE + "/", {}, "4.14.1")
    store.save_pages(run.id, [(PageRecord(url=SITE + "/"), PageResult(SITE + "/", "ok", title="Lindegem"))])
    store.finish_run(run.id, "completed")
    return str(run.id)


def nothing_audited(store: Store) -> str:
    run = store.start_run("crawl", SITE + "/", {}, "4.14.1")
    store.save_pages(run.id, [(PageRecord(url=SITE + "/"), PageResult(SITE + "/", "timeout"))])
    store.finish_run(run.id, "completed")
    return str(run.id)


@pytest.mark.parametrize(
    ("make_run", "message"),
    [
        (no_runs, "there are no crawls yet: crawl a site with `a11ycheck crawl URL` first"),
        (without_pages, "run 1 has no pages: there is nothing to draw a sample from"),
        (still_running, "run 1 is still running: draw its sample once it has completed"),
        (
            interrupted,
            "run 1 is not finished (interrupted): finish it with `a11ycheck resume 1` and draw the sample "
            "then",
        ),
        (list_audit, "run 1 is a list audit: a sample is drawn from a crawl's pages (`a11ycheck crawl URL`)"),
        (
            without_facts,
            "run 1 has no page facts (it was crawled before a11ycheck collected them): crawl the site again "
            "to draw a sample",
        ),
        (nothing_audited, "run 1 audited none of its 1 pages: there is nothing to draw a sample from"),
    ],
    ids=lambda value: value.__name__ if callable(value) else "",
)
def test_a_run_that_cannot_give_a_sample(sqlite_url, cli, make_run, message):
    store = Store(sqlite_url)
    ref = make_run(store)
    store.close()
    done = cli("sample", ref, db=sqlite_url)
    assert (done.code, done.stdout, last_line(done.stderr)) == (2, "", f"Error: {message}")
    assert count(sqlite_url, ReviewSample) == 0


def test_a_seed_that_is_not_a_number_or_too_large(sqlite_url, cli):
    store = Store(sqlite_url)
    store_crawl(store)
    store.close()
    for seed in ("zeven", "2147483648"):
        done = cli("sample", "1", "--seed", seed, db=sqlite_url)
        assert done.code == 2 and "Invalid value for '--seed'" in done.stderr
    assert count(sqlite_url, ReviewSample) == 0


# --- importing a review file -----------------------------------------------------------------------------


@pytest.fixture
def two_sites(sqlite_url, tmp_path) -> tuple[str, Path]:
    """Lindegem (run 1, sample 1) and Heidebeek (run 2, sample 2), and the review file of sample 1."""
    store = Store(sqlite_url)
    store_crawl(store)
    store_crawl(store, site=OTHER)
    draw_sample(store, "1")
    draw_sample(store, "2")
    path = tmp_path / "review.csv"
    start_review(store, "1", path)
    store.close()
    return sqlite_url, path


def edited(path: Path, change, extra: list[dict] = ()) -> Path:
    """The review file with `change(row)` applied to its rows (in place), and extra rows at the end."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        change(row)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows + [dict(rows[index]) for index in extra])
    return path


def on(page: str, number: str, **values):
    """Changes the row of that page and criterion."""

    def change(row: dict) -> None:
        if (row["page_url"], row["criterion"]) == (SITE + page, number):
            row.update(values)

    return change


@pytest.mark.parametrize(
    ("change", "extra", "line", "message"),
    [
        (
            lambda row: row.update(site=OTHER + "/"),
            [],
            2,
            f"this row is for sample 1 of {OTHER}/, but the file should be for sample 1 of {SITE}/",
        ),
        (
            on("/", "1.1.1", verdict="passed"),
            [0],
            1202,
            f"a second row for {SITE}/ and 1.1.1 (the first is on line 2)",
        ),
        (
            on("/", "1.4.4", criterion="1.4.99"),
            [],
            16,
            "unknown success criterion '1.4.99': a review has the 50 WCAG 2.1 A and AA criteria",
        ),
        (on("/", "2.4.2", verdict="Passed"), [], 29, "verdict 'Passed' must be written in lowercase: passed"),
        (
            on("/", "2.4.2", verdict="geslaagd"),
            [],
            29,
            "verdict 'geslaagd' is not one of passed, failed, not-applicable: write passed",
        ),
        (
            on("/", "2.4.2", verdict="voldoet niet"),
            [],
            29,
            "verdict 'voldoet niet' is not one of passed, failed, not-applicable: write failed",
        ),
        (
            on("/", "2.4.2", verdict="N.V.T."),
            [],
            29,
            "verdict 'N.V.T.' is not one of passed, failed, not-applicable: write not-applicable",
        ),
        (
            on("/", "3.1.1", page_url=SITE + "/nergens"),
            [],
            39,
            f"page {SITE}/nergens is not in sample 1",
        ),
        (
            on("/contact", "2.4.4", verdict="passed", automated=""),
            [],
            181,
            "axe found a failure of 2.4.4 on this page: a verdict of passed needs a note saying why",
        ),
        (
            lambda row: row.update(sample="99"),
            [],
            2,
            "there is no sample 99 in sqlite:///",
        ),
    ],
    ids=["other-site", "duplicated", "unknown-criterion", "case", "dutch", "dutch-failed", "abbreviation",
         "page-outside", "override-without-note", "unknown-sample"],
)  # fmt: skip
def test_a_bad_review_file_names_its_line_and_nothing_is_imported(
    two_sites, cli, change, extra, line, message
):
    url, path = two_sites
    edited(path, change, extra)
    done = cli("review", "import", str(path), "--author", "An Peeters", db=url)
    assert done.code == 2, done.stdout
    assert done.stderr.startswith(f"{path}:{line}: {message}")
    assert last_line(done.stderr).startswith(f"Error: {path}:{line}: {message}")
    assert last_line(done.stderr).endswith(": nothing imported")
    assert count(url, ReviewImport) == 0


def test_a_review_file_for_another_sample(two_sites, cli):
    url, path = two_sites
    done = cli("review", "import", str(path), "--sample", "2", db=url)
    assert done.code == 2
    assert done.stderr.startswith(
        f"{path}:2: this row is for sample 1 of {SITE}/, but the file should be for sample 2 of {OTHER}/\n"
        f"{path}:2: page {SITE}/ is not in sample 2 (50 rows)\n"
    )
    assert count(url, ReviewImport) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"",
            "1: the file is empty: expected a header with sample, site, page_url, criterion, verdict, note",
        ),
        (b"sample,site,page_url,criterion,verdict,note\r\n", ": no review rows in the file"),
        (
            b"sample,site,page_url,criterion,verdict,note\r\n1,x,y,1.1.1,ge\x96slaagd,\r\n",
            "2: not UTF-8 (byte 0x96): save the file as CSV UTF-8 and import it again",
        ),
        (
            b"sample;pagina;criterion;oordeel\r\n1;x;1.1.1;ok\r\n",
            "1: missing columns site, page_url, verdict, note: a review file has sample, site, "
            "page_url, criterion, verdict, note (start one with `a11ycheck review start`)",
        ),
    ],
    ids=["empty", "header-only", "not-utf8", "not-a-review-file"],
)
def test_a_file_that_is_not_a_review_file(sqlite_url, cli, tmp_path, content, message):
    store = Store(sqlite_url)
    store.close()
    path = tmp_path / "review.csv"
    path.write_bytes(content)
    done = cli("review", "import", str(path), db=sqlite_url)
    assert (done.code, done.stderr.splitlines()[0]) == (2, f"{path}:{message}".replace(":: ", ": "))
    assert count(sqlite_url, ReviewImport) == 0


# --- the other commands -------------------------------------------------------------------------------------


def test_start_keeps_an_existing_file_and_names_unknown_samples(two_sites, cli):
    url, path = two_sites
    before = path.read_bytes()
    kept = cli("review", "start", "1", "-o", str(path), db=url)
    assert (kept.code, last_line(kept.stderr)) == (
        2,
        f"Error: {path} exists and may hold a review: choose another file or pass --force",
    )
    assert path.read_bytes() == before
    unknown = cli("review", "start", "7", "-o", str(path.with_name("x.csv")), db=url)
    assert last_line(unknown.stderr).startswith("Error: no sample 7 in sqlite:///")
    word = cli("review", "start", "steekproef", "-o", str(path.with_name("x.csv")), db=url)
    assert last_line(word.stderr) == (
        "Error: 'steekproef' is not a sample: give a sample id, run:ID, run:latest or latest"
    )
    assert not path.with_name("x.csv").exists()


def test_show_and_draft_name_what_is_missing(two_sites, cli, tmp_path):
    url, _ = two_sites
    store = Store(url)
    store.start_run("crawl", "https://www.zonder-steekproef.be/", {}, "4.14.1")
    store.close()
    unknown = cli("review", "show", "https://www.nergens.be/", db=url)
    assert last_line(unknown.stderr).startswith("Error: no site www.nergens.be in sqlite:///")
    unsampled = cli("review", "show", "https://www.zonder-steekproef.be/", db=url)
    assert last_line(unsampled.stderr) == (
        "Error: no sample of www.zonder-steekproef.be yet: draw one with `a11ycheck sample RUN` from a crawl "
        "of the site"
    )
    draft = tmp_path / "verklaring.html"
    orphan = cli("statement", "draft", SITE + "/", "-o", str(draft), db=url)
    assert (orphan.code, last_line(orphan.stderr)) == (
        2,
        f"Error: www.lindegem.be belongs to no organisation: add it with `a11ycheck sites add ORGANISATION "
        f"{SITE}/`, the statement is the organisation's",
    )
    assert not draft.exists()
    assert all(code == 2 for code in (unknown.code, unsampled.code))


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        (
            "--feedback-email",
            "toegankelijkheid at lindegem.be",
            "--feedback-email 'toegankelijkheid at lindegem.be' is not an e-mail address "
            "(like toegankelijkheid@gemeente.be)",
        ),
        (
            "--complaints",
            "javascript:alert(1)",
            "--complaints 'javascript:alert(1)' is not an http(s) address: give the page's full URL",
        ),
        (
            "--feedback-form",
            "www.lindegem.be/meld",
            "--feedback-form 'www.lindegem.be/meld' is not an http(s) address: give the page's full URL",
        ),
        (
            "--method",
            "zelfevaluatie",
            "--method must be one of self-assessment, third-party, not 'zelfevaluatie'",
        ),
    ],
    ids=["email", "complaints", "form", "method"],
)
def test_bad_contact_details_are_refused(sqlite_url, cli, flag, value, message):
    done = cli("sites", "contact", "voorbeeld", "--feedback-email", "a@b.be", flag, value, db=sqlite_url)
    assert (done.code, last_line(done.stderr)) == (2, f"Error: {message}")
    assert count(sqlite_url, OrganisationContactDetails) == 0


def test_a_sample_only_audit_of_a_site_never_crawled(sqlite_url, cli):
    done = cli("crawl", "https://www.nooit-gecrawld.be/", "--sample-only", db=sqlite_url)
    assert (done.code, last_line(done.stderr)) == (
        2,
        "Error: www.nooit-gecrawld.be has not been crawled yet: crawl it once without --sample-only to draw "
        "its sample",
    )
    assert count(sqlite_url, Page) == 0
