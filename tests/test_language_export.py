"""The plain-language part of the export: a `language` object per page in the JSON (null when the page was
not scored) and `export --format csv --language`, one row per page (SQLite and PostgreSQL)."""

import csv
import io
import json
from pathlib import Path

import pytest
from helpers import run_cli

from a11ycheck.errors import UserError
from a11ycheck.export import LANGUAGE_CSV_COLUMNS, render, run_as_dict
from a11ycheck.language import score_text, score_text_file
from a11ycheck.language.observer import language_row
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import PageResult

TEXTS = Path(__file__).parent / "language_texts"
SITE = "https://www.voorbeeld.be"
SEVEN_KEYS = ["lang", "words", "sentences", "flesch_douma", "long_sentences", "rare_words", "level"]


@pytest.fixture
def stored(db_url):
    """A run of four pages: a scored regulation, a scored English page, an audited page without a score
    (crawled with scoring off), and a 404."""
    store = Store(db_url)
    run = store.start_run("crawl", SITE + "/", {}, "4.14.1")
    paths = ("/reglement", "/english", "/zonder", "/weg")
    batch = [(PageRecord(url=SITE + p), PageResult(url=SITE + p, status="ok")) for p in paths[:3]]
    batch.append((PageRecord(url=SITE + "/weg", status="http-404", http_status=404), None))
    regulation = score_text_file(TEXTS / "c1_retributiereglement.txt", "nl")
    english = score_text("The town hall is closed on Mondays and on public holidays. " * 10, "en")
    rows = [
        language_row(run.id, SITE + "/reglement", regulation),
        language_row(run.id, SITE + "/english", english),
    ]
    store.save_pages(run.id, batch, rows)
    store.finish_run(run.id, "completed")
    yield store, run.id, regulation
    store.close()


def test_the_json_has_a_language_object_per_page_and_null_where_not_scored(stored):
    store, run_id, regulation = stored
    pages = {page["url"].removeprefix(SITE): page for page in run_as_dict(store, run_id)["pages"]}
    language = pages["/reglement"]["language"]
    assert list(language)[:7] == SEVEN_KEYS
    assert language == regulation.to_dict()
    assert {k: language[k] for k in SEVEN_KEYS} == {
        "lang": "nl",
        "words": 176,
        "sentences": 4,
        "flesch_douma": -3.4,
        "long_sentences": 1.0,
        "rare_words": 0.274,
        "level": "C1",
    }
    assert {k: pages["/english"]["language"][k] for k in ("lang", "words", "level", "no_level_reason")} == {
        "lang": "en",
        "words": None,
        "level": None,
        "no_level_reason": "not-dutch",
    }
    assert (pages["/zonder"]["language"], pages["/weg"]["language"]) == (None, None)
    json.dumps(run_as_dict(store, run_id))  # plain JSON, nothing left over from the dataclasses


def test_the_language_csv_has_one_row_per_page(stored):
    store, run_id, regulation = stored
    rows = list(csv.reader(io.StringIO(render(store, run_id, "csv", language=True))))
    assert rows[0] == list(LANGUAGE_CSV_COLUMNS)
    assert rows[0][:10] == ["run", "page_url", "page_status", *SEVEN_KEYS]
    by_url = {row[1].removeprefix(SITE): dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert sorted(by_url) == ["/english", "/reglement", "/weg", "/zonder"]
    reglement = by_url["/reglement"]
    assert [reglement[k] for k in SEVEN_KEYS] == ["nl", "176", "4", "-3.4", "1.0", "0.274", "C1"]
    assert (reglement["truncated"], reglement["no_level_reason"], reglement["flesch_douma_band"]) == (
        "false",
        "",
        "zeer moeilijk",
    )
    assert by_url["/weg"]["page_status"] == "http-404"
    assert {k for k, v in by_url["/weg"].items() if v} == {"run", "page_url", "page_status"}
    assert {k for k, v in by_url["/zonder"].items() if v} == {"run", "page_url", "page_status"}
    # The findings CSV is unchanged by it.
    assert (
        render(store, run_id, "csv").splitlines()[0].startswith("run,page_url,page_status,page_title,result")
    )


def test_language_goes_with_csv_only(stored):
    store, run_id, _ = stored
    with pytest.raises(UserError, match="--language goes with --format csv"):
        render(store, run_id, "json", language=True)


def test_the_cli_export_language_flag(stored, db_url):
    done = run_cli("export", "latest", "--format", "csv", "--language", db=db_url)
    assert done.code == 0, done.stderr
    assert done.stdout.splitlines()[0] == ",".join(LANGUAGE_CSV_COLUMNS)
    assert len(done.stdout.splitlines()) == 5
    wrong = run_cli("export", "latest", "--language", db=db_url)
    assert wrong.code == 2
    assert wrong.stderr.strip() == (
        "Error: --language goes with --format csv; the JSON export has a language object per page"
    )
