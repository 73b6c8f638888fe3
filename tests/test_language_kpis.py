"""The plain-language charter KPIs, from runs written as the crawler writes them (SQLite and PostgreSQL):
plain_language_b1_share and flesch_douma_median on the latest completed crawl of each of an organisation's
sites, audited pages only, over the Dutch pages that have a level."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from charter_sample import crawl

from a11ycheck.charters.kpis import FLESCH_DOUMA_MEDIAN, KPIS, PLAIN_LANGUAGE_B1_SHARE
from a11ycheck.charters.loader import load_charter, load_charters
from a11ycheck.charters.status import AT_RISK, MET, NO_DATA, ON_TRACK, evaluate_charter
from a11ycheck.errors import UserError
from a11ycheck.language import score_text, score_text_file
from a11ycheck.language.observer import language_row
from a11ycheck.language.score import LanguageScore
from a11ycheck.register import Register
from a11ycheck.sites import add_site
from a11ycheck.store import Store

TEXTS = Path(__file__).parent / "language_texts"
REPO = Path(__file__).resolve().parent.parent
SITE = "https://www.voorbeeld.be"

CHARTER = """\
signed: 2025-01-01
commitments:
  - id: klare-taal
    title: Webteksten in klare taal
    domain: communication
    deadline: 2025-12-31
    measured: {kpi: plain_language_b1_share, baseline: 20, target: 80}
  - id: leesbaarheid
    title: Vlot leesbare webteksten
    domain: communication
    deadline: 2025-12-31
    measured: {kpi: flesch_douma_median, baseline: 0, target: 60}
"""

ENGLISH = (
    "The municipality collects household waste every two weeks. Please put your bin out the evening "
    "before collection and bring it back in the same day. Bulky waste can be taken to the recycling park, "
    "which is open from Tuesday to Saturday. Residents who have questions can call the environment desk "
    "on working days between nine and twelve. " * 3
)


def scores() -> dict[str, LanguageScore]:
    """Texts of known level, scored by the core: A2 93.6, B1 71.2, C1 -3.4 (docs/language.md)."""
    return {
        "/afval": score_text_file(TEXTS / "a2_afval_buitenzetten.txt", "nl"),
        "/nieuws": score_text_file(TEXTS / "b1_nieuws_restafval.txt", "nl"),
        "/reglement": score_text_file(TEXTS / "c1_retributiereglement.txt", "nl"),
        "/english": score_text(ENGLISH, "en"),
        "/kort": score_text("Het gemeentehuis is gesloten op maandag. Bel ons gerust.", "nl"),
    }


def add_scores(store: Store, run_id: int, by_path: dict[str, LanguageScore]) -> None:
    with store.session() as session:
        session.add_all(language_row(run_id, SITE + path, score) for path, score in by_path.items())
        session.commit()


@pytest.fixture
def charter(tmp_path):
    folder = tmp_path / "charters"
    folder.mkdir()
    (folder / "voorbeeld.yaml").write_text(CHARTER)
    return load_charter(folder, "voorbeeld", Register.load())


def test_the_texts_have_the_levels_the_kpis_below_assume():
    found = {
        path: (score.level, score.flesch_douma, score.no_level_reason) for path, score in scores().items()
    }
    assert found == {
        "/afval": ("A2", 93.6, None),
        "/nieuws": ("B1", 71.2, None),
        "/reglement": ("C1", -3.4, None),
        "/english": (None, None, "not-dutch"),
        "/kort": (None, found["/kort"][1], "too-short"),
    }


def test_the_kpis_count_audited_dutch_pages_with_a_level_of_the_latest_crawl(db_url, charter):
    store = Store(db_url)
    add_site(store, Register.load().get("voorbeeld"), SITE + "/")
    texts = scores()
    pages = [(path, path.strip("/"), []) for path in texts] + [("/traag", "partial")]
    first = crawl(store, SITE + "/", pages, finished=datetime(2025, 3, 1, 12, tzinfo=UTC))
    # The partial page's text reads as a regulation, but like the WCAG KPIs only "ok" pages count.
    add_scores(store, first, texts | {"/traag": texts["/reglement"]})
    statuses = {s.commitment.id: s for s in evaluate_charter(store, charter, date(2025, 3, 1))}
    # A2 and B1 of A2, B1 and C1: the English and the short page have no level and count in neither.
    assert statuses["klare-taal"].current == 66.7
    assert statuses["leesbaarheid"].current == 71.2  # the median of 93.6, 71.2 and -3.4
    assert statuses["klare-taal"].status == ON_TRACK  # trajectory on 1 March: 20 + 60 * 59/364 = 29.7
    assert statuses["klare-taal"].source_run_ids == (first,)

    # A later crawl where the plain news page was rewritten as a regulation: the newest crawl counts.
    second = crawl(
        store,
        SITE + "/",
        [("/nieuws", "Nieuws", []), ("/reglement", "R", [])],
        datetime(2025, 9, 1, tzinfo=UTC),
    )
    add_scores(store, second, {"/nieuws": texts["/reglement"], "/reglement": texts["/reglement"]})
    statuses = {s.commitment.id: s for s in evaluate_charter(store, charter, date(2025, 9, 1))}
    assert (statuses["klare-taal"].current, statuses["leesbaarheid"].current) == (0.0, -3.4)
    assert statuses["klare-taal"].source_run_ids == (second,)
    # As of the day of the first crawl, the first crawl still counts.
    assert {s.commitment.id: s.current for s in evaluate_charter(store, charter, date(2025, 3, 2))} == {
        "klare-taal": 66.7,
        "leesbaarheid": 71.2,
    }
    store.close()


def test_without_scored_pages_the_kpis_have_no_data(sqlite_url, charter):
    """A crawl with --no-language stores no scores; a crawl of short or English pages has no level."""
    store = Store(sqlite_url)
    add_site(store, Register.load().get("voorbeeld"), SITE + "/")
    crawl(store, SITE + "/", [("/", "Home", [])], finished=datetime(2025, 3, 1, tzinfo=UTC))
    statuses = evaluate_charter(store, charter, date(2025, 3, 1))
    assert [(s.current, s.status) for s in statuses] == [(None, NO_DATA), (None, NO_DATA)]
    texts = scores()
    run = crawl(
        store, SITE + "/", [("/english", "E", []), ("/kort", "K", [])], datetime(2025, 3, 2, tzinfo=UTC)
    )
    add_scores(store, run, {"/english": texts["/english"], "/kort": texts["/kort"]})
    statuses = evaluate_charter(store, charter, date(2025, 3, 2))
    assert [(s.current, s.status) for s in statuses] == [(None, NO_DATA), (None, NO_DATA)]


def test_a_target_reached_is_met_and_a_share_just_short_of_the_trajectory_is_at_risk(sqlite_url, charter):
    store = Store(sqlite_url)
    add_site(store, Register.load().get("voorbeeld"), SITE + "/")
    texts = scores()
    run = crawl(
        store, SITE + "/", [("/afval", "A", []), ("/nieuws", "N", [])], datetime(2025, 3, 1, tzinfo=UTC)
    )
    add_scores(store, run, {"/afval": texts["/afval"], "/nieuws": texts["/nieuws"]})
    statuses = {s.commitment.id: s for s in evaluate_charter(store, charter, date(2025, 3, 1))}
    assert (statuses["klare-taal"].current, statuses["klare-taal"].status) == (100.0, MET)
    assert (statuses["leesbaarheid"].current, statuses["leesbaarheid"].status) == (82.4, MET)  # (93.6+71.2)/2

    later = crawl(
        store,
        SITE + "/",
        [("/afval", "A", []), ("/nieuws", "N", []), ("/reglement", "R", [])],
        datetime(2025, 7, 1, tzinfo=UTC),
    )
    add_scores(store, later, {path: texts[path] for path in ("/afval", "/nieuws", "/reglement")})
    klare_taal = {s.commitment.id: s for s in evaluate_charter(store, charter, date(2025, 7, 1))}[
        "klare-taal"
    ]
    # 66.7 against a trajectory of 20 + 60 * 181/364 = 49.8: on track; by 1 October (64.9) still on track,
    # by 15 November (72.3) short by 5.6, within 10% of the way (6): at risk.
    assert (klare_taal.current, klare_taal.status) == (66.7, ON_TRACK)
    november = {s.commitment.id: s for s in evaluate_charter(store, charter, date(2025, 11, 15))}
    assert november["klare-taal"].status == AT_RISK


@pytest.mark.parametrize(
    ("measured", "message"),
    [
        ("{kpi: flesch_douma_median, baseline: -5, target: 60}", "it must be from 0 to 130"),
        ("{kpi: flesch_douma_median, baseline: 60, target: 40}", "is better when higher"),
        ("{kpi: plain_language_b1_share, baseline: 20, target: 120}", "it must be from 0 to 100"),
        ("{kpi: plain_language_b1_share, rule: region, baseline: 0, target: 50}", "takes no rule"),
    ],
)
def test_the_loader_checks_the_new_kpis(tmp_path, measured, message):
    folder = tmp_path / "charters"
    folder.mkdir()
    (folder / "voorbeeld.yaml").write_text(
        CHARTER.split("  - id: leesbaarheid")[0].replace(
            "{kpi: plain_language_b1_share, baseline: 20, target: 80}", measured
        )
    )
    with pytest.raises(UserError, match=message):
        load_charter(folder, "voorbeeld", Register.load())


def test_the_kpis_are_known_and_the_demo_charter_measures_its_plain_language_commitments():
    assert (KPIS[PLAIN_LANGUAGE_B1_SHARE].direction, KPIS[PLAIN_LANGUAGE_B1_SHARE].unit) == ("higher", "%")
    assert (KPIS[FLESCH_DOUMA_MEDIAN].direction, KPIS[FLESCH_DOUMA_MEDIAN].decimals) == ("higher", 1)
    (demo,) = load_charters([REPO / "charters"], Register.load())
    communication = {c.id: c for c in demo.commitments if c.domain == "communication"}
    assert {c.measured.kpi for c in communication.values() if c.measured} == {
        PLAIN_LANGUAGE_B1_SHARE,
        FLESCH_DOUMA_MEDIAN,
    }
    assert not [c for c in communication.values() if c.reported]
