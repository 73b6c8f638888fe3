"""The charter KPIs measured by the statement reader, on SQLite and PostgreSQL: accessibility_statement (1
when the latest completed crawl of every site of the organisation found a statement and read it as one) and
statement_grade (A=5 ... E=1, the worst site; no statement counts as E), from crawls whose end found, read
and graded the statement."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import update
from statement_pages import (
    BUILDINGS_PAGE,
    CrawledPage,
    FakeBrowser,
    finish_crawl,
    footer_link,
    record_crawl,
    statement_html,
)

from a11ycheck.charters.charter import MeasuredKpi
from a11ycheck.charters.kpis import KPIS, STATEMENT_GRADE
from a11ycheck.charters.loader import load_charter, read_charter
from a11ycheck.charters.measures import AuditSnapshot, SiteStatement, kpi_value
from a11ycheck.charters.status import BEHIND, MET, NO_DATA, ON_TRACK, evaluate_charter
from a11ycheck.models import Run
from a11ycheck.register import Register
from a11ycheck.report.charter_view import commitment_value_text
from a11ycheck.report.i18n import Messages
from a11ycheck.sites import add_site
from a11ycheck.store import Store

WWW, LOKET = "https://www.proefdorp.example", "https://loket.proefdorp.example"
CHARTER = """\
signed: 2026-01-01
commitments:
  - id: verklaring
    title: Een toegankelijkheidsverklaring
    domain: digital
    deadline: 2026-06-30
    measured: {kpi: accessibility_statement}
  - id: verklaring-score
    title: Een verklaring met minstens score B
    domain: digital
    deadline: 2027-12-31
    measured: {kpi: statement_grade, baseline: 1, target: 4}
"""
YEAR = datetime.now(UTC).year
STATEMENTS = {
    "B": statement_html(prepared=f"2 januari {YEAR}"),  # partial, everything there: B
    "C": statement_html(prepared=f"2 januari {YEAR}", enforcement=False),  # no complaint procedure: C
}


@pytest.fixture
def setup(db_url, tmp_path):
    store = Store(db_url)
    register = Register.load()
    for site in (WWW, LOKET):
        add_site(store, register.get("voorbeeld"), f"{site}/")
    (tmp_path / "voorbeeld.yaml").write_text(CHARTER, encoding="utf-8")
    return store, load_charter(tmp_path, "voorbeeld", register)


def crawl(store: Store, base: str, finished: date, statement: str | None, checked: bool = True) -> int:
    """A completed crawl whose end found the statement of grade `statement` (None: a page that is not one)."""
    run_id = record_crawl(store, base, [CrawledPage("/", "Welkom", [footer_link(base)], 0)])
    if checked:
        page = STATEMENTS[statement] if statement else BUILDINGS_PAGE
        finish_crawl(store, run_id, base, FakeBrowser(base, {"/toegankelijkheidsverklaring": page}).render)
    with store.session() as session:
        moment = datetime(finished.year, finished.month, finished.day, 12, tzinfo=UTC)
        session.execute(update(Run).where(Run.id == run_id).values(finished_at=moment))
        session.commit()
    return run_id


def values(store: Store, charter, day: date) -> dict:
    return {s.commitment.id: (s.current, s.status) for s in evaluate_charter(store, charter, day)}


def test_the_statement_kpis_follow_the_latest_crawl_of_every_site(setup):
    store, charter = setup
    assert values(store, charter, date(2026, 3, 1)) == {
        "verklaring": (None, NO_DATA),
        "verklaring-score": (None, NO_DATA),
    }
    crawl(store, WWW, date(2026, 3, 1), "C")
    # the trajectory of statement_grade on 1 March 2026 is 1 + 3 * 59/729 = 1.24, rounded to 1: C is beyond it
    assert values(store, charter, date(2026, 3, 1)) == {
        "verklaring": (1.0, MET),
        "verklaring-score": (3.0, ON_TRACK),
    }
    crawl(store, LOKET, date(2026, 3, 2), None)  # the second site links to a page that is no statement
    assert values(store, charter, date(2026, 3, 2)) == {
        "verklaring": (0.0, ON_TRACK),  # 60 of the 180 days: the 0/1 trajectory is 0.33, rounded to 0
        "verklaring-score": (1.0, ON_TRACK),
    }
    crawl(store, LOKET, date(2026, 3, 3), "B")
    assert values(store, charter, date(2026, 3, 3)) == {
        "verklaring": (1.0, MET),
        "verklaring-score": (3.0, ON_TRACK),  # the worst site: www's C
    }
    assert values(store, charter, date(2026, 3, 2))["verklaring"] == (0.0, ON_TRACK)  # a past day is stable
    assert values(store, charter, date(2026, 4, 1))["verklaring"] == (1.0, MET)
    crawl(store, WWW, date(2026, 5, 1), None)  # www's statement gone: 0, and the trajectory is 1 by now
    assert values(store, charter, date(2026, 5, 1))["verklaring"] == (0.0, BEHIND)


def test_crawls_made_before_statements_were_read_give_no_data(setup):
    store, charter = setup
    crawl(store, WWW, date(2026, 3, 1), "B", checked=False)
    assert values(store, charter, date(2026, 3, 1)) == {
        "verklaring": (None, NO_DATA),
        "verklaring-score": (None, NO_DATA),
    }


def test_the_worst_site_sets_the_grade_and_a_site_without_statement_counts_as_e():
    grade = MeasuredKpi(kpi=STATEMENT_GRADE, baseline=1, target=4)
    assert (
        kpi_value(
            AuditSnapshot(
                (1, 2), (), None, statements=(SiteStatement(1, True, "A"), SiteStatement(2, True, "D"))
            ),
            grade,
        )
        == 2.0
    )
    none_found = AuditSnapshot(
        (1, 2), (), None, statements=(SiteStatement(1, True, "B"), SiteStatement(2, False, None))
    )
    assert kpi_value(none_found, grade) == 1.0
    assert kpi_value(AuditSnapshot((1,), (), None), grade) is None


@pytest.mark.parametrize(
    ("values_given", "message"),
    [
        (
            "baseline: 0, target: 4",
            "baseline 0 of commitment 'verklaring-score' is out of range: it must be from 1 to 5",
        ),
        (
            "baseline: 1, target: 6",
            "target 6 of commitment 'verklaring-score' is out of range: it must be from 1 to 5",
        ),
        (
            "baseline: 4, target: 2",
            "the target 2 of commitment 'verklaring-score' is worse than its baseline 4",
        ),
    ],
)
def test_the_loader_checks_statement_grade_values(tmp_path, values_given, message):
    path = tmp_path / "voorbeeld.yaml"
    path.write_text(CHARTER.replace("baseline: 1, target: 4", values_given), encoding="utf-8")
    charter, problems = read_charter(path, Register.load())
    assert charter is None
    assert any(message in problem.message for problem in problems), [p.message for p in problems]


def test_the_report_writes_the_grade_as_a_letter(setup):
    store, charter = setup
    crawl(store, WWW, date(2026, 3, 1), "C")
    (grade,) = [
        s for s in evaluate_charter(store, charter, date(2026, 3, 1)) if s.commitment.id == "verklaring-score"
    ]
    assert commitment_value_text(grade.current, grade, Messages("nl")) == "C (3)"
    assert commitment_value_text(grade.target, grade, Messages("en")) == "B (4)"
    assert KPIS[STATEMENT_GRADE].direction == "higher"
