"""The EU sample and the manual review on the demo municipality, crawled for real (Chromium, SQLite): the
sample names the demo's roles, templates, random pages and documents and what it lacks; the review round
trip with the CLI; the statement draft; the report's conformance section; monitoring by the sample only."""

import csv
import hashlib
import json
import math
import sqlite3
from contextlib import closing
from urllib.parse import urlsplit

import pytest
from helpers import run_cli

from a11ycheck.review.sample import SAMPLE_CSV_COLUMNS

pytestmark = pytest.mark.browser  # crawls or audits through the CLI, in a child process

# The criteria of the demo's planted defects (a11ycheck/demo/DEFECTS.md).
RULE_CRITERIA = {
    "image-alt": {"1.1.1"},
    "label": {"4.1.2"},
    "color-contrast": {"1.4.3"},
    "link-name": {"2.4.4", "4.1.2"},
    "button-name": {"4.1.2"},
    "html-has-lang": {"3.1.1"},
}
# The statement links to the contact page as its "contactformulier": the demo's only `formulier` service,
# taken although it is the contact page already (docs/sample.md, types of service).
SERVICES = {
    "/contact.html",
    "/e-loket/",
    "/e-loket/afspraak.html",
    "/e-loket/melding-openbaar-domein.html",
    "/e-loket/uittreksel-bevolkingsregister.html",
    "/nieuws/premie-zonnepanelen.html",
    "/nieuws/zomerfeest-dorpsplein.html",
}


@pytest.fixture(scope="module")
def demo_crawl(demo_site, tmp_path_factory):
    """The demo crawled once, its site given to the demo municipality; each test works on a copy."""
    folder = tmp_path_factory.mktemp("review-demo")
    db = f"sqlite:///{folder / 'crawl.db'}"
    done = run_cli("crawl", demo_site + "/", "--allow-private", "--browsers", "2", "--delay", "0", db=db)
    assert done.code == 0, done.stderr
    assert run_cli("sites", "add", "voorbeeld", demo_site + "/", db=db).code == 0
    return folder / "crawl.db"


@pytest.fixture
def demo_db(demo_crawl, tmp_path) -> str:
    copy = tmp_path / "demo.db"
    with closing(sqlite3.connect(demo_crawl)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    return f"sqlite:///{copy}"


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_the_demo_sample_names_what_the_demo_has_and_what_it_lacks(demo_db, demo_site, cli):
    drawn = cli("sample", "latest", "--evidence", db=demo_db)
    assert drawn.code == 0, drawn.stderr
    sample = json.loads(drawn.stdout)
    assert (sample["sample"], sample["run"], sample["seed"]) == (1, 1, 0)
    reasons = {path_of(page["url"]): page["reasons"] for page in sample["pages"]}
    having = lambda reason: {path for path, said in reasons.items() if reason in said}  # noqa: E731
    assert (having("home"), having("contact"), having("legal"), having("statement")) == (
        {"/"},
        {"/contact.html"},
        {"/privacy.html"},
        {"/toegankelijkheid.html"},
    )
    assert having("service") == SERVICES
    assert having("document") == {"/documenten/reglement-evenementen.pdf"}
    assert sample["missing"] == ["login", "sitemap", "help", "search", "feedback"]
    # one page of every template: the structures of every audited page of the crawl are in the sample
    with closing(sqlite3.connect(demo_db.removeprefix("sqlite:///"))) as connection:
        stored = connection.execute("select facts from reviewpagefacts").fetchall()
    signatures = {json.loads(facts)["signature"] for (facts,) in stored}
    assert len(signatures) > 3
    expected = {"t" + hashlib.sha256(signature.encode()).hexdigest()[:7] for signature in signatures}
    assert {page["template"] for page in sample["pages"] if page["template"]} == expected
    # random pages: at least 10% of the rest, none of them chosen for another reason
    randoms = having("random")
    structured = len(reasons) - len(randoms)
    assert len(randoms) == math.ceil(structured / 10) and all(reasons[path] == ["random"] for path in randoms)
    assert all(page["evidence"] for page in sample["pages"])

    again = cli("sample", "latest", "--format", "csv", db=demo_db)
    rows = list(csv.DictReader(again.stdout.splitlines()))
    assert tuple(rows[0]) == SAMPLE_CSV_COLUMNS and len(rows) == len(reasons)
    assert "stored earlier" in again.stderr
    page = cli("sample", "1", "--format", "html", "--lang", "en", db=demo_db)
    assert page.code == 0
    assert '<html lang="en">' in page.stdout and "<script" not in page.stdout
    assert "<li><code>login</code></li>" in page.stdout


def fill_in(rows: list[dict]) -> list[dict]:
    """The advisor: media do not apply anywhere, every page has a title (2.4.2), and the appointment form
    cannot be used with a keyboard (2.1.1); the rest is left as it was."""
    for row in rows:
        if row["criterion"].startswith("1.2."):
            row["verdict"] = "not-applicable"
        elif row["criterion"] == "2.4.2":
            row["verdict"] = "passed"
        elif row["criterion"] == "2.1.1" and row["page_url"].endswith("/e-loket/afspraak.html"):
            row["verdict"], row["note"] = "failed", "De datumkiezer opent enkel met de muis."
    return rows


def test_the_review_round_trip_on_the_demo(demo_db, demo_site, demo_manifest, cli, tmp_path):
    review = tmp_path / "review.csv"
    started = cli("review", "start", "latest", "-o", str(review), db=demo_db)
    assert started.code == 0, started.stderr
    with review.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    pages = sorted({row["page_url"] for row in rows})
    # what axe failed on the sampled pages is exactly the demo's planted defects there
    planted = {}
    for url in pages:
        key = path_of(url) + ("index.html" if url.endswith("/") else "")
        for rule in demo_manifest["pages"].get(key, []):
            for criterion in RULE_CRITERIA[rule]:
                planted.setdefault(criterion, set()).add(url)
    prefilled = {}
    for row in rows:
        if row["automated"] == "failed":
            prefilled.setdefault(row["criterion"], set()).add(row["page_url"])
    assert prefilled == planted and planted

    with review.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(fill_in(rows))
    imported = cli("review", "import", str(review), "--author", "An Peeters", db=demo_db)
    assert imported.code == 0, imported.stderr
    shown = json.loads(cli("review", "show", demo_site + "/", "--format", "json", db=demo_db).stdout)
    failing = {row["criterion"]: {p["url"] for p in row["failing_pages"]} for row in shown["criteria"]}
    assert {number: urls for number, urls in failing.items() if urls} == planted | {
        "2.1.1": {demo_site + "/e-loket/afspraak.html"}
    }
    outcomes = {row["criterion"]: row["outcome"] for row in shown["criteria"]}
    assert {number for number, outcome in outcomes.items() if outcome == "not-conformant"} == set(planted) | {
        "2.1.1"
    }
    assert {number for number, outcome in outcomes.items() if outcome == "not-applicable"} == {
        "1.2.1",
        "1.2.2",
        "1.2.3",
        "1.2.4",
        "1.2.5",
    }
    assert outcomes["2.4.2"] == "conformant" and shown["all_evaluated"] is False
    assert [review["author"] for review in shown["reviews"]] == ["An Peeters"]

    contact = cli(
        "sites", "contact", "voorbeeld", "--feedback-email", "toegankelijkheid@voorbeeld.example", db=demo_db
    )
    assert contact.code == 0, contact.stderr
    draft = tmp_path / "verklaring.html"
    drafted = cli("statement", "draft", demo_site + "/", "-o", str(draft), db=demo_db)
    assert drafted.code == 0, drafted.stderr
    html = draft.read_text(encoding="utf-8")
    assert "Gemeente Voorbeeld" in html and "Deze website is gedeeltelijk conform" in html
    assert "De datumkiezer opent enkel met de muis." in html
    assert "2.1.1 Toetsenbord" in html
    assert '<a href="mailto:toegankelijkheid@voorbeeld.example">' in html
    assert "[Aan te vullen: zelfbeoordeling, of beoordeling door een derde (met diens naam)]" in html

    report = tmp_path / "rapport"
    built = cli("report", "build", "--out", str(report), db=demo_db)
    assert built.code == 0, built.stderr
    page = (report / "org" / "voorbeeld" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="conformance">Conformiteit per succescriterium</h2>' in page
    assert "Handmatig beoordeeld, laatst op" in page


def test_monitoring_by_the_sample_only(demo_db, demo_site, cli):
    """`monitor --sample-only` audits the pages of the site's sample (drawn now: the site has none yet) as a
    list audit recorded against the site; the conformance table then takes axe's verdicts from it."""
    monitored = cli("monitor", "--sample-only", "--allow-private", "--organisation", "voorbeeld", db=demo_db)
    assert monitored.code == 0, monitored.stderr
    sample = json.loads(cli("sample", "1", db=demo_db).stdout)
    html_pages = {page["url"] for page in sample["pages"] if "document" not in page["reasons"]}
    run = json.loads(cli("export", "2", db=demo_db).stdout)
    assert (run["run"]["kind"], run["run"]["start_url"], run["audited_sample"]) == (
        "audit",
        demo_site + "/",
        1,
    )
    assert {page["url"] for page in run["pages"]} == html_pages
    assert {page["status"] for page in run["pages"]} == {"ok"}
    shown = json.loads(cli("review", "show", demo_site + "/", "--format", "json", db=demo_db).stdout)
    assert (shown["sample"], shown["run"], shown["automated_run"]) == (1, 1, 2)
    listed = cli("runs", db=demo_db).stdout.splitlines()
    assert listed[1].split()[0] == "2" and listed[1].endswith(demo_site + "/")
