"""The manual review end to end with the CLI, as an advisor runs it: draw the sample, start the review
file, fill it in, import it, show the conformance table, draft the statement. On Gemeente Lindegem's
synthetic crawl (no browser); the demo crawl test does the same on a real crawl."""

import csv
import json
from pathlib import Path

import pytest
from review_site import SITE
from review_store import store_crawl
from sqlalchemy import select

from a11ycheck.errors import UserError
from a11ycheck.models import ReviewImport, ReviewVerdict
from a11ycheck.register import Register
from a11ycheck.report.queries import sites as report_sites
from a11ycheck.review.reviews import import_review, start_review
from a11ycheck.review.sampling import draw_sample
from a11ycheck.review.site_review import review_of_site, site_reviews, statement_draft
from a11ycheck.sites import add_site, list_sites
from a11ycheck.store import Store

HOME, CONTACT = SITE + "/", SITE + "/contact"
ROADWORKS = SITE + "/nieuws/wegenwerken-kerkstraat"
DUMPING = SITE + "/afval/sluikstort-melden"
MEDIA = ("1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5")


@pytest.fixture
def lindegem(sqlite_url):
    """The crawl stored, its sample 1 drawn with seed 7 and its site given to the demo organisation."""
    store = Store(sqlite_url)
    store_crawl(store)
    store.close()
    return sqlite_url


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def fill_in(rows: list[dict]) -> list[dict]:
    """An advisor's complete review: media criteria do not apply, the home page's banner fails contrast
    (axe was unsure), the contact page's icon link is fine after all (axe is overruled, with a note), axe's
    other failures stand, and everything else passes."""
    for row in rows:
        page, criterion = row["page_url"], row["criterion"]
        if criterion in MEDIA:
            row["verdict"] = "not-applicable"
        elif (page, criterion) == (HOME, "1.4.3"):
            row["verdict"], row["note"] = "failed", 'Witte tekst op geel in de banner; "Nieuws" <leesbaar?>'
        elif (page, criterion) == (CONTACT, "2.4.4"):
            row["verdict"], row["note"] = "passed", "Het pictogram heeft een verborgen tekst: 'Route'"
        elif row["automated"] != "failed":
            row["verdict"] = "passed"
    return rows


def test_a_review_from_start_to_statement(lindegem, cli, tmp_path):
    drawn = cli("sample", "latest", "--seed", "7", db=lindegem)
    assert drawn.code == 0, drawn.stderr
    sample = json.loads(drawn.stdout)
    assert (sample["sample"], sample["run"], sample["seed"], len(sample["pages"])) == (1, 1, 7, 24)

    review = tmp_path / "review.csv"
    started = cli("review", "start", "1", "-o", str(review), db=lindegem)
    assert started.code == 0, started.stderr
    assert started.stdout.startswith(f"wrote {review}: 1,200 rows (24 pages x 50 criteria) of sample 1 of ")
    rows = read_rows(review)
    prefilled = {(r["page_url"], r["criterion"]): (r["automated"], r["rules"], r["verdict"]) for r in rows}
    assert {key: value for key, value in prefilled.items() if value[0]} == {
        (HOME, "1.4.3"): ("needs-review", "color-contrast", "needs-review"),
        (CONTACT, "2.4.4"): ("failed", "link-name", "failed"),
        (CONTACT, "4.1.2"): ("failed", "link-name", "failed"),
        (ROADWORKS, "1.1.1"): ("failed", "image-alt", "failed"),
        (DUMPING, "4.1.2"): ("failed", "label", "failed"),
    }
    assert {r["sample"] for r in rows} == {"1"} and {r["site"] for r in rows} == {SITE + "/"}

    write_rows(review, fill_in(rows))
    imported = cli("review", "import", str(review), "--author", "An Peeters", db=lindegem)
    assert imported.code == 0, imported.stderr
    assert imported.stdout.startswith(
        f"imported {review} into sample 1 of {SITE}/: 1,200 rows, 1,076 passed, 4 failed, "
        "120 not-applicable, 0 not-tested (by An Peeters)"
    )

    shown = cli("review", "show", SITE + "/", "--format", "json", db=lindegem)
    assert shown.code == 0, shown.stderr
    table = json.loads(shown.stdout)
    assert (table["sample"], table["run"], table["automated_run"], table["all_evaluated"]) == (1, 1, 1, True)
    assert table["counts"] == {"conformant": 42, "not-conformant": 3, "not-applicable": 5, "not-tested": 0}
    assert [(r["author"], r["rows"], r["verdicts"]) for r in table["reviews"]] == [("An Peeters", 1200, 1200)]
    failing = {
        r["criterion"]: [p["url"] for p in r["failing_pages"]]
        for r in table["criteria"]
        if r["failing_pages"]
    }
    assert failing == {"1.1.1": [ROADWORKS], "1.4.3": [HOME], "4.1.2": [CONTACT, DUMPING]}
    by_number = {row["criterion"]: row for row in table["criteria"]}
    assert (by_number["2.4.4"]["automated"], by_number["2.4.4"]["manual"], by_number["2.4.4"]["outcome"]) == (
        "failed",
        "passed",
        "conformant",
    )
    assert (by_number["1.4.3"]["automated"], by_number["1.4.3"]["manual"]) == ("needs-review", "failed")

    as_csv = cli("review", "show", SITE + "/", "--format", "csv", db=lindegem)
    csv_rows = list(csv.DictReader(as_csv.stdout.splitlines()))
    assert len(csv_rows) == 50
    assert csv_rows[0] | {"name_nl": "", "name_en": ""} == {
        "criterion": "1.1.1",
        "level": "A",
        "name_nl": "",
        "name_en": "",
        "automated": "failed",
        "manual": "failed",
        "outcome": "not-conformant",
        "pages_tested": "24",
        "pages": "24",
        "failing_pages": ROADWORKS,
    }
    as_table = cli("review", "show", SITE + "/", db=lindegem)
    assert (
        "all 50 criteria evaluated: yes; 42 conformant, 3 not-conformant, 5 not-applicable, 0 not-tested"
        in (as_table.stdout)
    )
    line = next(line for line in as_table.stdout.splitlines() if line.startswith("1.4.3 "))
    assert line.split(maxsplit=6) == [
        "1.4.3",
        "AA",
        "needs-review",
        "failed",
        "not-conformant",
        "24/24",
        "Contrast (Minimum)",
    ]
    assert f"4.1.2 Name, Role, Value:\n  {CONTACT}  (link-name)\n  {DUMPING}  (label)\n" in as_table.stdout

    assert cli("sites", "add", "voorbeeld", SITE + "/", db=lindegem).code == 0
    contact = cli(
        "sites",
        "contact",
        "voorbeeld",
        "--feedback-email",
        "toegankelijkheid@lindegem.be",
        "--complaints",
        "https://www.lindegem.be/klachten",
        "--method",
        "third-party",
        "--evaluator",
        "Toegankelijk Wonen vzw",
        db=lindegem,
    )
    assert contact.code == 0, contact.stderr
    draft = tmp_path / "verklaring.html"
    drafted = cli("statement", "draft", SITE + "/", "-o", str(draft), db=lindegem)
    assert drafted.code == 0, drafted.stderr
    assert drafted.stdout.startswith(
        f"wrote {draft}: draft statement for {SITE}/, status partial (3 criteria fail, 0 not evaluated)"
    )
    html = draft.read_text(encoding="utf-8")
    assert "ONTWERP – niet publiceren zonder nazicht." in html
    assert "Deze website is gedeeltelijk conform" in html
    assert '<a href="mailto:toegankelijkheid@lindegem.be">' in html
    assert '<a href="https://www.lindegem.be/klachten">' in html
    assert "De beoordeling werd uitgevoerd door Toegankelijk Wonen vzw." in html
    assert "Witte tekst op geel in de banner; &#34;Nieuws&#34; &lt;leesbaar?&gt;" in html
    assert "<leesbaar?>" not in html
    assert "Gemeente Voorbeeld" in html
    english = tmp_path / "statement.html"
    assert cli("statement", "draft", SITE + "/", "--lang", "en", "-o", str(english), db=lindegem).code == 0
    assert '<html lang="en">' in english.read_text(encoding="utf-8")


def test_a_later_import_overrides_only_what_it_says(lindegem, cli, tmp_path):
    assert cli("sample", "latest", "--seed", "7", db=lindegem).code == 0
    review = tmp_path / "review.csv"
    assert cli("review", "start", "run:latest", "-o", str(review), db=lindegem).code == 0
    rows = fill_in(read_rows(review))
    write_rows(review, rows)
    assert cli("review", "import", str(review), db=lindegem).code == 0
    # a week later: the photo got its alt text; only that row is filled in, the others are left empty
    fix = tmp_path / "herstel.csv"
    later = [dict(row, verdict="", note="") for row in rows]
    for row in later:
        if (row["page_url"], row["criterion"]) == (ROADWORKS, "1.1.1"):
            row["verdict"], row["note"] = "passed", "Alt-tekst toegevoegd op 3 december"
        if (row["page_url"], row["criterion"]) == (HOME, "1.4.3"):
            row["note"] = "Nog eens nakijken na de nieuwe huisstijl"  # a note, no verdict: not tested
    write_rows(fix, later)
    imported = cli("review", "import", str(fix), "--author", "Jan De Smet", db=lindegem)
    assert imported.code == 0, imported.stderr
    assert "1 passed, 0 failed, 0 not-applicable, 1,199 not-tested" in imported.stdout
    table = json.loads(cli("review", "show", SITE + "/", "--format", "json", db=lindegem).stdout)
    assert table["all_evaluated"] is True  # rows left empty later undo nothing
    assert table["counts"] == {"conformant": 43, "not-conformant": 2, "not-applicable": 5, "not-tested": 0}
    assert [(r["author"], r["verdicts"]) for r in table["reviews"]] == [(None, 1200), ("Jan De Smet", 1)]
    store = Store(lindegem)
    with store.session() as db:
        stored = db.exec(
            select(ReviewVerdict.verdict, ReviewVerdict.note).where(ReviewVerdict.import_id == 2)
        )
        assert sorted(stored.all(), key=lambda row: row[1]) == [
            ("passed", "Alt-tekst toegevoegd op 3 december"),
            (None, "Nog eens nakijken na de nieuwe huisstijl"),
        ]


def test_a_wcag_em_report_is_imported_for_the_sample_it_names(lindegem, cli, tmp_path):
    assert cli("sample", "latest", db=lindegem).code == 0
    report = tmp_path / "wcag-em.json"
    report.write_text(
        json.dumps(
            {
                "@context": "https://raw.githack.com/w3c/wcag-em-report-tool/master/src/data/jsonld/context.json",
                "type": "Evaluation",
                "selectSample": {"structuredSample": [{"id": "_:p1", "description": HOME}]},
                "auditSample": [
                    {
                        "type": "Assertion",
                        "test": "WCAG21:contrast-minimum",
                        "subject": "_:p1",
                        "result": {"outcome": "earl:failed", "description": "Banner: 2,1 op 1"},
                    },
                    {
                        "type": "Assertion",
                        "test": "WCAG21:page-titled",
                        "subject": "_:p1",
                        "result": {"outcome": "earl:passed"},
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    refused = cli("review", "import", str(report), db=lindegem)
    assert (refused.code, refused.stderr.strip().splitlines()[-1]) == (
        2,
        f"Error: {report}: a WCAG-EM report does not say which sample it evaluated: pass --sample ID",
    )
    imported = cli("review", "import", str(report), "--sample", "1", "--author", "WCAG-EM", db=lindegem)
    assert imported.code == 0, imported.stderr
    assert "2 rows, 1 passed, 1 failed, 0 not-applicable, 0 not-tested" in imported.stdout
    table = json.loads(cli("review", "show", SITE + "/", "--format", "json", db=lindegem).stdout)
    by_number = {row["criterion"]: row for row in table["criteria"]}
    assert by_number["1.4.3"]["failing_pages"] == [
        {"url": HOME, "rules": ["color-contrast"], "note": "Banner: 2,1 op 1"}
    ]
    assert (by_number["2.4.2"]["manual"], by_number["2.4.2"]["outcome"]) == ("passed", "not-tested")
    store = Store(lindegem)
    with store.session() as db:
        assert db.exec(select(ReviewImport.kind, ReviewImport.source)).all() == [("wcag-em", "wcag-em.json")]


def test_the_round_trip_in_python_on_both_databases(db_url, tmp_path):
    """The same steps through the library the CLI calls, on SQLite and PostgreSQL, with the report's view."""

    store = Store(db_url)
    store_crawl(store)
    assert draw_sample(store, "latest", seed=7).id == 1
    review = tmp_path / "review.csv"
    started = start_review(store, "run:1", review)
    assert (started.sample.id, started.rows, started.automated_run) == (1, 1200, 1)
    write_rows(review, fill_in(read_rows(review)))
    done = import_review(store, review, author="An Peeters")
    assert (done.import_id, done.kind, done.counts["failed"], done.counts["not-tested"]) == (
        1,
        "review-file",
        4,
        0,
    )
    found = review_of_site(store, SITE + "/")
    assert (found.table.all_evaluated, found.table.counts()["not-conformant"], found.reviews[0].verdicts) == (
        True,
        3,
        1200,
    )
    with store.engine.connect() as connection:
        in_report = site_reviews(connection, report_sites(connection))
    assert [(r.host, r.sample.id, r.table.counts()) for r in in_report] == [
        ("www.lindegem.be", 1, found.table.counts())
    ]
    assert list_sites(store) == []  # the site belongs to nobody yet: the draft is refused until it does
    with pytest.raises(UserError, match="belongs to no organisation"):
        statement_draft(store, SITE + "/")
    add_site(store, Register.load().get("voorbeeld"), SITE + "/")
    assert "Deze website is gedeeltelijk conform" in statement_draft(store, SITE + "/")
    store.close()
