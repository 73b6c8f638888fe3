"""The demo municipality's statement: a crawl of the demo finds it in every footer, reads and grades it with
exactly the problems planted (defects.json's `statement`), holds it against the planted defects, and the
demo charter's statement KPIs follow."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import run_cli

from a11ycheck.charters.loader import load_charter
from a11ycheck.charters.status import evaluate_charter
from a11ycheck.demo.organisation import attach_demo_site
from a11ycheck.register import Register
from a11ycheck.store import Store

pytestmark = pytest.mark.browser  # crawls or audits through the CLI, in a child process

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo_crawl(demo_site, tmp_path_factory):
    db = f"sqlite:///{tmp_path_factory.mktemp('statement-demo') / 'demo.db'}"
    attach_demo_site(Store(db), demo_site)
    result = run_cli("crawl", demo_site + "/", "--allow-private", "--browsers", "2", "--delay", "0", db=db)
    assert result.code == 0, result.stderr
    return db, json.loads(run_cli("export", "latest", db=db).stdout)


def test_the_demo_statement_is_found_and_graded_as_planted(demo_crawl, demo_manifest, demo_site):
    _, exported = demo_crawl
    planted = demo_manifest["statement"]
    statement, details = exported["statement"], exported["statement_details"]
    assert statement["url"] == demo_site + planted["page"]
    for field in (
        "is_statement",
        "status",
        "standard",
        "prepared_on",
        "reviewed_on",
        "method",
        "enforcement",
        "non_accessible_content",
        "linked_from_home",
        "grade",
    ):
        assert statement[field] == planted[field], field
    assert statement["feedback"] == ["mailto:toegankelijkheid@voorbeeld.example", f"{demo_site}/contact.html"]
    assert details["problem_codes"] == planted["problems"]
    assert {c["code"]: c["criteria"] for c in details["contradictions"]} == planted["contradictions"]
    audited = {page["url"].removeprefix(demo_site) for page in exported["pages"] if page["status"] == "ok"}
    not_linking = {"/kaart/embed.html"}
    assert set(planted["linked_from_every_page_but"]) == not_linking
    assert (details["pages_linking"], details["pages_audited"]) == (len(audited - not_linking), len(audited))


def test_the_demo_charter_measures_the_statement(demo_crawl):
    db, _ = demo_crawl
    charter = load_charter(REPO / "charters", "voorbeeld", Register.load())
    statuses = {s.commitment.id: s for s in evaluate_charter(Store(db), charter, datetime.now(UTC).date())}
    assert statuses["web-toegankelijkheidsverklaring"].current == 1.0
    assert statuses["web-verklaring-score"].current == 3.0  # C


def test_show_prints_the_demo_statement(demo_crawl):
    db, _ = demo_crawl
    result = run_cli("statement", "show", "voorbeeld", "--format", "text", db=db)
    assert result.code == 0, result.stderr
    assert "grade:                  C" in result.stdout.splitlines()
    assert (
        "contradiction: failing success criteria not listed as non-accessible content: 1.4.3" in result.stdout
    )
