"""What an audit found beyond violations, stored and exported: "needs review", the rules that passed and did
not apply, and pages that sent the browser elsewhere. Written the way a run writes (Store.save_pages)."""

import csv
import io
import json

import pytest

from a11ycheck.export import CSV_COLUMNS, render
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import NodeResult, PageResult, RuleResult
from a11ycheck.vocabulary.statuses import REDIRECTED

SITE = "https://www.voorbeeld.be"


def rule(rule_id: str, tags: str, impact: str, *targets: str, summary: str = "Fix it") -> RuleResult:
    return RuleResult(
        rule=rule_id,
        impact=impact,
        tags=tags.split(","),
        help=f"Help for {rule_id}",
        description="d",
        help_url=f"https://dequeuniversity.com/rules/axe/4.14/{rule_id}",
        nodes=[NodeResult(target=[t], html=f"<p id='{t}'>x</p>", failure_summary=summary) for t in targets],
    )


@pytest.fixture
def stored(db_url):
    store = Store(db_url)
    run = store.start_run("audit", None, {}, "4.14.1")
    page = PageResult(
        url=f"{SITE}/nieuws",
        status="ok",
        title="Nieuws",
        violations=[rule("image-alt", "wcag2a,wcag111", "critical", "img")],
        needs_review=[
            rule(
                "color-contrast",
                "wcag2aa,wcag143",
                "serious",
                "#banner",
                "#foto",
                summary="Element's background color could not be determined due to a background image",
            )
        ],
        passed_rules=["html-has-lang", "document-title"],
        inapplicable_rules=["video-caption"],
    )
    away = PageResult(url=f"{SITE}/oud", status=REDIRECTED, redirect_to="https://www.elders.be/nieuw")
    store.save_pages(run.id, [(PageRecord(url=page.url), page), (PageRecord(url=away.url), away)])
    store.finish_run(run.id, "completed")
    return store, run.id


def test_needs_review_is_kept_apart_from_violations_and_never_counted_as_one(stored):
    store, run_id = stored
    summary = store.run_summary(run_id)
    assert (
        summary.audited,
        summary.violations,
        summary.needs_review,
        summary.redirected,
        summary.failed,
    ) == (
        1,
        1,
        1,
        1,
        0,
    )
    exported = json.loads(render(store, run_id, "json"))
    assert exported["run"]["pages_redirected"] == 1
    pages = {page["url"]: page for page in exported["pages"]}
    news = pages[f"{SITE}/nieuws"]
    assert [v["rule"] for v in news["violations"]] == ["image-alt"]
    (unsure,) = news["needs_review"]
    assert (unsure["rule"], unsure["level"], unsure["wcag"], unsure["impact"]) == (
        "color-contrast",
        "AA",
        ["1.4.3"],
        "serious",
    )
    assert [n["target"] for n in unsure["nodes"]] == [["#banner"], ["#foto"]]
    assert unsure["nodes"][0]["failure_summary"].startswith(
        "Element's background color could not be determined"
    )
    assert len(unsure["nodes"][0]["fingerprint"]) == 40
    assert news["passed_rules"] == ["document-title", "html-has-lang"]
    assert news["inapplicable_rules"] == ["video-caption"]
    assert news["redirect_to"] is None


def test_a_redirected_page_keeps_where_it_went_and_has_no_findings(stored):
    store, run_id = stored
    pages = {page["url"]: page for page in json.loads(render(store, run_id, "json"))["pages"]}
    away = pages[f"{SITE}/oud"]
    assert (away["status"], away["redirect_to"]) == ("redirected", "https://www.elders.be/nieuw")
    assert away["violations"] == away["needs_review"] == away["passed_rules"] == []


def test_csv_rows_say_whether_they_are_a_violation_or_need_review(stored):
    store, run_id = stored
    rows = list(csv.DictReader(io.StringIO(render(store, run_id, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    found = [(row["page_url"], row["result"], row["rule"], row["target"]) for row in rows]
    assert found == [
        (f"{SITE}/nieuws", "violation", "image-alt", "img"),
        (f"{SITE}/nieuws", "needs-review", "color-contrast", "#banner"),
        (f"{SITE}/nieuws", "needs-review", "color-contrast", "#foto"),
        (f"{SITE}/oud", "", "", ""),
    ]
