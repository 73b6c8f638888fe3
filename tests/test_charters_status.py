"""Commitment statuses: every rule with fixed dates, measured KPIs from runs built in the database (SQLite
and PostgreSQL), and reported progress with its history."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from charter_sample import (
    CHARTER,
    CONTRAST,
    CONTRAST_AAA,
    IMAGE_ALT,
    LABEL,
    LINK_NAME,
    REGION,
    TARGET_SIZE,
    crawl,
)
from sqlmodel import select

from a11ycheck.charters.kpis import HIGHER, LOWER
from a11ycheck.charters.loader import load_charter
from a11ycheck.charters.status import (
    AT_RISK,
    BEHIND,
    MET,
    NO_DATA,
    ON_TRACK,
    OVERDUE,
    STALE,
    evaluate_all,
    evaluate_charter,
    judge,
    judge_done,
    trajectory_value,
)
from a11ycheck.charters.updates import UpdateRecord, record_update, update_history
from a11ycheck.errors import UserError
from a11ycheck.models import ReportedUpdate
from a11ycheck.register import Register
from a11ycheck.sites import add_site
from a11ycheck.store import Store

SIGNED = date(2025, 1, 1)
DEADLINE = date(2025, 1, 11)  # ten days: the trajectory moves by a tenth of the way each day
MIDWAY = date(2025, 1, 6)


# --- the rules, with dates injected ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2024, 12, 1), 10.0),  # before signing: the baseline
        (SIGNED, 10.0),
        (date(2025, 1, 2), 9.0),
        (MIDWAY, 5.0),
        (DEADLINE, 0.0),
        (date(2026, 1, 1), 0.0),  # after the deadline: the target
    ],
)
def test_trajectory_runs_straight_from_baseline_to_target(today, expected):
    assert trajectory_value(10, 0, SIGNED, DEADLINE, today) == pytest.approx(expected)


def lower_is_better(current, today):
    """Baseline 10 on the signing day, target 0 on the deadline: 5 is the trajectory midway."""
    trajectory = trajectory_value(10, 0, SIGNED, DEADLINE, today)
    return judge(
        current, baseline=10, target=0, trajectory=trajectory, direction=LOWER, deadline=DEADLINE, today=today
    )


def higher_is_better(current, today):
    """Baseline 20 on the signing day, target 80 on the deadline: 50 is the trajectory midway."""
    trajectory = trajectory_value(20, 80, SIGNED, DEADLINE, today)
    return judge(
        current,
        baseline=20,
        target=80,
        trajectory=trajectory,
        direction=HIGHER,
        deadline=DEADLINE,
        today=today,
    )


@pytest.mark.parametrize(
    ("current", "today", "expected"),
    [
        (None, MIDWAY, NO_DATA),
        (None, date(2026, 1, 1), NO_DATA),  # never a guess, even after the deadline
        (0, MIDWAY, MET),  # exactly at the target
        (0, date(2026, 1, 1), MET),  # met stays met after the deadline
        (-1, MIDWAY, MET),
        (5, MIDWAY, ON_TRACK),  # exactly on the trajectory
        (4, MIDWAY, ON_TRACK),
        (6, MIDWAY, AT_RISK),  # short by exactly 10% of |target - baseline|
        (6.01, MIDWAY, BEHIND),
        (10, SIGNED, ON_TRACK),  # at the baseline on the signing day
        (10, date(2024, 6, 1), ON_TRACK),  # before signing the trajectory is the baseline
        (11, SIGNED, AT_RISK),
        (0.5, DEADLINE, AT_RISK),  # deadline day: the trajectory is the target, and it is not late yet
        (1, DEADLINE, AT_RISK),
        (1.5, DEADLINE, BEHIND),
        (0.5, date(2025, 1, 12), OVERDUE),  # the day after the deadline
        (10, date(2027, 1, 1), OVERDUE),
    ],
)
def test_status_when_lower_is_better(current, today, expected):
    assert lower_is_better(current, today) == expected


@pytest.mark.parametrize(
    ("current", "today", "expected"),
    [
        (None, MIDWAY, NO_DATA),
        (80, MIDWAY, MET),
        (81, date(2030, 1, 1), MET),
        (50, MIDWAY, ON_TRACK),
        (60, MIDWAY, ON_TRACK),
        (44, MIDWAY, AT_RISK),  # 6 short = 10% of 60
        (43.9, MIDWAY, BEHIND),
        (79.9, DEADLINE, AT_RISK),
        (79.9, date(2025, 1, 12), OVERDUE),
        (20, SIGNED, ON_TRACK),
    ],
)
def test_status_when_higher_is_better(current, today, expected):
    assert higher_is_better(current, today) == expected


def test_a_target_equal_to_the_baseline_is_kept_or_not():
    def keep(current):
        return judge(
            current, baseline=90, target=90, trajectory=90, direction=HIGHER, deadline=DEADLINE, today=MIDWAY
        )

    assert (keep(90), keep(95), keep(89.9)) == (MET, MET, BEHIND)


def update(done: bool | None = None, value: float | None = None) -> UpdateRecord:
    return UpdateRecord(
        0, "voorbeeld", "x", value, done, "note", None, "els", datetime(2025, 1, 2, tzinfo=UTC)
    )


@pytest.mark.parametrize(
    ("updates", "today", "expected"),
    [
        ((), MIDWAY, NO_DATA),
        ((), DEADLINE, NO_DATA),  # nothing reported yet, the deadline day still in time
        ((), date(2026, 1, 1), OVERDUE),  # nothing reported by the deadline: overdue, not "no data"
        ((update(done=True),), MIDWAY, MET),
        ((update(done=False), update(done=True)), date(2026, 1, 1), MET),
        ((update(done=False),), MIDWAY, ON_TRACK),
        ((update(done=False),), DEADLINE, ON_TRACK),
        ((update(done=False),), date(2025, 1, 12), OVERDUE),
        ((update(done=True), update(done=False)), MIDWAY, ON_TRACK),  # the latest report counts
    ],
)
def test_status_of_done_commitments(updates, today, expected):
    assert judge_done(updates, DEADLINE, today) == expected


def test_an_old_report_is_stale_until_the_deadline_and_done_stays_met():
    long_deadline = date(2027, 1, 1)
    not_done = (update(done=False),)  # reported on 2025-01-02
    assert judge_done(not_done, long_deadline, date(2025, 7, 1), stale_after=180) == ON_TRACK  # 180 days
    assert judge_done(not_done, long_deadline, date(2025, 7, 2), stale_after=180) == STALE  # 181 days
    assert judge_done(not_done, long_deadline, date(2025, 3, 1), stale_after=30) == STALE
    assert judge_done(not_done, long_deadline, date(2027, 1, 2), stale_after=180) == OVERDUE
    assert judge_done((update(done=True),), long_deadline, date(2026, 12, 1), stale_after=180) == MET


# --- measured KPIs from stored runs -------------------------------------------------------------------------


@pytest.fixture
def charters_dir(tmp_path) -> Path:
    folder = tmp_path / "charters"
    folder.mkdir()
    (folder / "voorbeeld.yaml").write_text(CHARTER)
    return folder


def by_id(statuses) -> dict:
    return {status.commitment.id: status for status in statuses}


def test_measured_kpis_come_from_the_latest_crawl_and_change_with_a_new_one(db_url, charters_dir):
    store = Store(db_url)
    register = Register.load()
    add_site(store, register.get("voorbeeld"), "https://www.voorbeeld.be/")
    charter = load_charter(charters_dir, "voorbeeld", register)
    first = crawl(
        store,
        "https://www.voorbeeld.be/",
        [
            ("/", "Home", [IMAGE_ALT, REGION]),
            ("/nieuws", "Nieuws", [CONTRAST, TARGET_SIZE]),
            ("/toegankelijkheid", "Toegankelijkheidsverklaring", []),
            ("/contact", "Contact", [LABEL, LINK_NAME, CONTRAST_AAA]),
            ("/traag", "timeout"),  # not audited: does not count
            ("/weg", "http-404"),
        ],
        finished=datetime(2025, 3, 1, 12, 0, tzinfo=UTC),
        statement=(True, "B"),
    )
    statuses = by_id(evaluate_charter(store, charter, date(2025, 3, 1)))
    values = {key: status.current for key, status in statuses.items() if status.commitment.is_measured}
    assert values == {
        "wcag": 1.0,  # image-alt, color-contrast, label, link-name on 4 pages (not target-size, region, AAA)
        "ernstig": 25.0,  # only the statement page has nothing serious or critical
        "contrast": 1.0,
        "naam-rol-waarde": 1.0,  # label and link-name, both on /contact
        "verklaring": 1.0,
        "score": 90.5,  # (88 + 90 + 100 + 84) / 4
    }
    assert statuses["wcag"].source_run_ids == (first,)
    assert statuses["wcag"].audited_pages == 4
    assert statuses["verklaring"].status == MET
    assert statuses["wcag"].status == ON_TRACK  # trajectory on 1 March: 2 - 1.8 * 59/364 = 1.71

    # A later crawl that fails, one still running and another organisation's crawl change nothing.
    crawl(store, "https://www.voorbeeld.be/", [("/", "Home", [])], datetime(2025, 5, 2, tzinfo=UTC), "failed")
    crawl(
        store, "https://www.voorbeeld.be/", [("/", "Home", [])], datetime(2025, 5, 2, tzinfo=UTC), "running"
    )
    crawl(store, "https://www.gent.be/", [("/", "Home", [])], datetime(2025, 5, 2, tzinfo=UTC))
    assert by_id(evaluate_charter(store, charter, date(2025, 6, 1)))["wcag"].current == 1.0

    second = crawl(
        store,
        "https://www.voorbeeld.be/",
        [("/", "Home", []), ("/nieuws", "Nieuws", [CONTRAST]), ("/contact", "Contact", [])],
        finished=datetime(2025, 6, 2, 8, 0, tzinfo=UTC),
        statement=(False, None),  # no link to a statement found any more
    )
    statuses = by_id(evaluate_charter(store, charter, date(2025, 6, 2)))
    values = {key: status.current for key, status in statuses.items() if status.commitment.is_measured}
    assert values == {
        "wcag": 0.33,
        "ernstig": 66.7,
        "contrast": 1.0,
        "naam-rol-waarde": 0.0,
        "verklaring": 0.0,
        "score": 98.3,
    }
    assert statuses["wcag"].source_run_ids == (second,)
    # A 0/1 KPI's trajectory rounds to 0 for the first half of the way and to 1 from halfway (2 July).
    assert (statuses["verklaring"].trajectory, statuses["verklaring"].status) == (0.0, ON_TRACK)
    july = by_id(evaluate_charter(store, charter, date(2025, 7, 2)))["verklaring"]
    assert (july.current, july.trajectory, july.status) == (0.0, 1.0, BEHIND)
    assert statuses["naam-rol-waarde"].status == MET

    # As of the day before the second crawl, the first one counts: output for a past day is stable.
    assert by_id(evaluate_charter(store, charter, date(2025, 6, 1)))["wcag"].source_run_ids == (first,)
    assert by_id(evaluate_charter(store, charter, date(2025, 2, 28)))["wcag"].status == NO_DATA


def test_pages_of_all_the_organisations_sites_are_pooled(db_url, charters_dir):
    store = Store(db_url)
    register = Register.load()
    add_site(store, register.get("voorbeeld"), "https://www.voorbeeld.be/")
    add_site(store, register.get("voorbeeld"), "https://loket.voorbeeld.be/")
    www = crawl(
        store,
        "https://www.voorbeeld.be/",
        [("/", "Home", [IMAGE_ALT])],
        datetime(2025, 3, 1, tzinfo=UTC),
        statement=(True, "A"),
    )
    loket = crawl(
        store,
        "https://loket.voorbeeld.be/",
        [("/", "Loket", []), ("/formulier", "Formulier", [LABEL, CONTRAST])],
        datetime(2025, 3, 2, tzinfo=UTC),
        statement=(False, "E"),  # a candidate that is not a statement: the KPI needs one on every site
    )
    statuses = by_id(
        evaluate_charter(store, load_charter(charters_dir, "voorbeeld", register), date(2025, 3, 2))
    )
    assert statuses["wcag"].source_run_ids == (www, loket)
    assert statuses["wcag"].audited_pages == 3
    assert statuses["wcag"].current == 1.0
    assert statuses["verklaring"].current == 0.0
    assert statuses["wcag"].measured_at == datetime(2025, 3, 2, tzinfo=UTC)


def test_without_sites_or_crawls_every_measured_kpi_has_no_data(sqlite_url, charters_dir):
    store = Store(sqlite_url)
    statuses = evaluate_charter(
        store, load_charter(charters_dir, "voorbeeld", Register.load()), date(2025, 6, 1)
    )
    assert {s.status for s in statuses} == {NO_DATA}
    assert all(s.current is None and s.source_run_ids == () for s in statuses)


# --- reported KPIs --------------------------------------------------------------------------------------


def test_reported_updates_are_kept_in_order_with_author_and_date(db_url, charters_dir):
    store = Store(db_url)
    charter = load_charter(charters_dir, "voorbeeld", Register.load())
    record_update(
        store,
        charter,
        "toiletten",
        value=4,
        note="bib",
        author="els",
        recorded_at=datetime(2025, 3, 1, tzinfo=UTC),
    )
    record_update(
        store,
        charter,
        "TOILETTEN",
        value=9,
        note="sporthal en zwembad",
        author="jan",
        evidence_url="https://www.voorbeeld.be/verslag",
        recorded_at=datetime(2025, 9, 1, tzinfo=UTC),
    )
    record_update(
        store,
        charter,
        "ingang",
        done=False,
        note="plannen",
        author="els",
        recorded_at=datetime(2025, 4, 1, tzinfo=UTC),
    )
    history = update_history(store, "voorbeeld", "toiletten")
    assert [(u.value, u.author, u.note, u.recorded_at.date()) for u in history] == [
        (4.0, "els", "bib", date(2025, 3, 1)),
        (9.0, "jan", "sporthal en zwembad", date(2025, 9, 1)),
    ]
    assert history[1].evidence_url == "https://www.voorbeeld.be/verslag"
    assert history[1].commitment == "toiletten"  # stored under the charter's id
    assert [u.commitment for u in update_history(store, "voorbeeld")] == ["toiletten", "ingang", "toiletten"]

    # toiletten: 2 -> 12 over 2025. On 1 July the trajectory is 6.97; 4 is 2.97 short (> 10% of 10): behind.
    july = by_id(evaluate_charter(store, charter, date(2025, 7, 1)))
    assert (july["toiletten"].current, july["toiletten"].trajectory, july["toiletten"].status) == (
        4.0,
        6.97,
        BEHIND,
    )
    assert [u.value for u in july["toiletten"].updates] == [4.0]
    assert july["ingang"].status == ON_TRACK and july["ingang"].current == 0.0
    assert july["voetpaden"].status == NO_DATA
    september = by_id(evaluate_charter(store, charter, date(2025, 9, 1)))
    assert (september["toiletten"].current, september["toiletten"].status) == (9.0, ON_TRACK)
    assert september["toiletten"].latest_update.author == "jan"
    january = by_id(evaluate_charter(store, charter, date(2026, 1, 1)))
    assert (january["toiletten"].status, january["ingang"].status) == (OVERDUE, OVERDUE)
    record_update(
        store,
        charter,
        "ingang",
        done=True,
        note="klaar",
        author="els",
        recorded_at=datetime(2026, 1, 5, tzinfo=UTC),
    )
    assert by_id(evaluate_charter(store, charter, date(2026, 1, 5)))["ingang"].status == MET


def test_an_old_reported_number_is_stale_and_nothing_reported_by_the_deadline_is_overdue(
    sqlite_url, charters_dir
):
    store = Store(sqlite_url)
    charter = load_charter(charters_dir, "voorbeeld", Register.load())
    record_update(
        store,
        charter,
        "toiletten",
        value=7,
        note="bib",
        author="els",
        recorded_at=datetime(2025, 3, 1, tzinfo=UTC),
    )
    # toiletten: 2 -> 12 over 2025; 7 on 1 March is ahead of the trajectory, so on track while it is fresh
    assert by_id(evaluate_charter(store, charter, date(2025, 4, 1)))["toiletten"].status == ON_TRACK
    stale = by_id(evaluate_charter(store, charter, date(2025, 4, 1), stale_after=30))["toiletten"]
    assert (stale.status, stale.latest_update.recorded_at.date()) == (STALE, date(2025, 3, 1))
    after = by_id(evaluate_charter(store, charter, date(2026, 1, 1), stale_after=30))
    assert after["toiletten"].status == OVERDUE  # past the deadline, not met: overdue, not stale
    assert after["voetpaden"].status == OVERDUE  # nothing reported by its deadline (2025-12-31)
    assert by_id(evaluate_charter(store, charter, date(2025, 12, 31)))["voetpaden"].status == NO_DATA


@pytest.mark.parametrize(
    ("commitment", "kwargs", "message"),
    [
        ("wcag", {"value": 1}, r"commitment wcag is measured from the audits \(wcag_violations_per_page\)"),
        ("ingang", {"value": 1}, "commitment ingang is done / not done: give --done or --not-done"),
        ("toiletten", {"done": True}, "commitment toiletten is a number: give --value"),
        ("voetpaden", {"value": 101}, "--value must be from 0 to 100, not 101"),
        ("voetpaden", {"value": 50, "note": "  "}, "--note is empty"),
        ("voetpaden", {"value": 50, "evidence_url": "javascript:alert(1)"}, "is not a web address"),
        ("voetpaden", {"value": 50, "author": ""}, "--author is empty"),
        ("voetpad", {"value": 50}, "no commitment 'voetpad' in .*: did you mean voetpaden\\?"),
    ],
)
def test_bad_updates_are_refused_and_write_nothing(sqlite_url, charters_dir, commitment, kwargs, message):
    store = Store(sqlite_url)
    charter = load_charter(charters_dir, "voorbeeld", Register.load())
    arguments = {"note": "n", "author": "els", **kwargs}
    with pytest.raises(UserError, match=message):
        record_update(store, charter, commitment, **arguments)
    with store.session() as session:
        assert session.exec(select(ReportedUpdate)).all() == []


def test_evaluate_all_covers_every_charter(sqlite_url, charters_dir):
    (charters_dir / "gent.yaml").write_text(CHARTER)
    statuses = evaluate_all(Store(sqlite_url), charters_dir, date(2025, 6, 1))
    assert sorted(statuses) == ["gent", "voorbeeld"]
    assert all(len(items) == 9 for items in statuses.values())
    assert {s.organisation for s in statuses["gent"]} == {"gent"}
