"""The database on SQLite and PostgreSQL alike: schema, batched writes, queries, fingerprints."""

import json

import pytest
from sqlalchemy import inspect

from a11ycheck.errors import UserError
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.fingerprints import node_fingerprint
from a11ycheck.vocabulary.results import NodeResult, PageResult, RuleResult


def image_alt(target=("img",)) -> RuleResult:
    return RuleResult(
        rule="image-alt",
        impact="critical",
        tags=["wcag2a", "wcag111"],
        help="Images need alt",
        description="d",
        help_url="https://dequeuniversity.com/rules/axe/4.10/image-alt",
        nodes=[NodeResult(target=list(target), html='<img src="x.png">', failure_summary="Fix")],
    )


def test_schema_is_created_by_migrations(new_db_url):
    store = Store(new_db_url)
    tables = set(inspect(store.engine).get_table_names())
    assert {"site", "run", "page", "violation", "violationnode", "document", "alembic_version"} <= tables
    Store(new_db_url)  # a second open finds the schema current and changes nothing


def test_pages_with_violations_are_written_and_read_back(db_url):
    store = Store(db_url)
    run = store.start_run("crawl", "https://www.voorbeeld.be/", {"browsers": 2}, "4.10.2")
    ok = PageResult(
        url="https://www.voorbeeld.be/nieuws",
        status="ok",
        title="Nieuws",
        violations=[image_alt(), image_alt(("iframe", "img"))],
    )
    store.save_pages(
        run.id,
        [
            (PageRecord(url="https://www.voorbeeld.be/nieuws", depth=1), ok),
            (PageRecord(url="https://www.voorbeeld.be/weg", status="http-404", http_status=404), None),
            (
                PageRecord(url="https://www.voorbeeld.be/traag"),
                PageResult(url="https://www.voorbeeld.be/traag", status="timeout", error="too slow"),
            ),
        ],
    )
    store.finish_run(run.id, "completed")

    summary = store.run_summary(run.id)
    assert (summary.pages, summary.audited, summary.failed, summary.http_errors, summary.violations) == (
        3,
        1,
        1,
        1,
        2,
    )
    assert summary.status == "completed" and summary.finished_at is not None
    pages = {p.url: p for p in store.run_pages(run.id)}
    nieuws = pages["https://www.voorbeeld.be/nieuws"]
    assert nieuws.title == "Nieuws" and nieuws.depth == 1
    violation = nieuws.violations[0]
    assert (violation.rule, violation.level, violation.wcag, violation.impact) == (
        "image-alt",
        "A",
        "1.1.1",
        "critical",
    )
    assert json.loads(violation.nodes[0].target) == ["img"]
    assert pages["https://www.voorbeeld.be/traag"].error == "too slow"
    assert store.run_summaries()[0].id == run.id
    assert store.ensure_site("https://www.voorbeeld.be/x").id == run.site_id


def test_fingerprint_is_stable_across_runs_and_hosts_but_not_elements():
    same = node_fingerprint("image-alt", "https://a.be/nieuws?p=2", ["img"])
    assert same == node_fingerprint("image-alt", "https://a.be/nieuws?p=2", ["img"])
    assert same == node_fingerprint("image-alt", "http://www.a.be/nieuws?p=2", ["img"])
    assert same != node_fingerprint("image-alt", "https://a.be/nieuws?p=2", ["iframe", "img"])
    assert same != node_fingerprint("label", "https://a.be/nieuws?p=2", ["img"])


def test_resolve_run_names_what_to_do(sqlite_url):
    store = Store(sqlite_url)
    with pytest.raises(UserError, match="no runs yet"):
        store.resolve_run("latest")
    first = store.start_run("audit", None, {}, "4.10.2")
    second = store.start_run("audit", None, {}, "4.10.2")
    assert store.resolve_run("latest") == second.id
    assert store.resolve_run(str(first.id)) == first.id
    for bad in ("999", "abc", "-1"):
        with pytest.raises(UserError, match="see `a11ycheck runs`"):
            store.resolve_run(bad)


@pytest.mark.parametrize("url", ["mysql://root@localhost/x", "not a url", "sqlite+nope:///x"])
def test_bad_database_urls_are_user_errors(url):
    with pytest.raises(UserError):
        Store(url)


def test_sqlite_uses_write_ahead_logging(sqlite_url):
    store = Store(sqlite_url)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
