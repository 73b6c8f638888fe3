"""The `charter` commands as a person runs them: aligned tables, greppable when piped, JSON and CSV, updates
and their history, and one-line errors with exit code 2."""

import csv
import io
import json
import re
from datetime import UTC, datetime

import pytest
from charter_sample import CHARTER, CONTRAST, IMAGE_ALT, crawl
from click.testing import CliRunner

from a11ycheck.charters.updates import update_history
from a11ycheck.cli import cli as main_cli
from a11ycheck.cli_charters import charter
from a11ycheck.cli_sites import sites
from a11ycheck.register import Register
from a11ycheck.sites import add_site
from a11ycheck.store import Store

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def setup(tmp_path, db_url):
    """A charter for voorbeeld and one crawl of its site, finished on 1 March 2025."""
    folder = tmp_path / "charters"
    folder.mkdir()
    (folder / "voorbeeld.yaml").write_text(CHARTER)
    store = Store(db_url)
    add_site(store, Register.load().get("voorbeeld"), "https://www.voorbeeld.be/")
    crawl(
        store,
        "https://www.voorbeeld.be/",
        [("/", "Home", [IMAGE_ALT]), ("/toegankelijkheid", "Toegankelijkheid", []), ("/x", "X", [CONTRAST])],
        datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
        statement=(True, "B"),
    )
    env = {"A11YCHECK_DB": db_url, "A11YCHECK_CHARTERS": str(folder), "USER": "els"}
    return CliRunner(env=env), folder


def test_status_table_is_aligned_and_greppable(setup):
    runner, _ = setup
    result = runner.invoke(charter, ["status", "--today", "2025-03-01"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == [
        "municipality",
        "commitment",
        "domain",
        "deadline",
        "current",
        "trajectory",
        "target",
        "unit",
        "status",
        "title",
    ]
    assert len(lines) == 1 + 9
    assert all(line.startswith("voorbeeld  ") for line in lines[1:])
    assert not ANSI.search(result.output)  # not a terminal: no colours
    assert len({line.index("digital") for line in lines if " digital " in line}) == 1  # aligned columns
    wcag = next(line for line in lines if " wcag " in line)
    assert re.search(r"2025-12-31\s+0\.67\s+1\.71\s+0\.20\s+violations/page\s+on track\s+WCAG-fouten", wcag)
    ingang = next(line for line in lines if " ingang " in line)
    assert re.search(r"\s-\s+-\s+-\s+done\s+no data\s", ingang)


def test_status_is_coloured_on_a_terminal(setup):
    runner, _ = setup
    plain = runner.invoke(charter, ["status", "voorbeeld", "--today", "2025-03-01"]).output
    coloured = runner.invoke(charter, ["status", "voorbeeld", "--today", "2025-03-01"], color=True).output
    assert "\x1b[32m" in coloured  # on track in green
    assert ANSI.sub("", coloured) == plain


def test_status_as_json_and_csv(setup):
    runner, _ = setup
    data = json.loads(runner.invoke(charter, ["status", "--format", "json", "--today", "2025-03-01"]).output)
    assert data["today"] == "2025-03-01"
    records = {record["commitment"]: record for record in data["commitments"]}
    assert records["wcag"] | {"source_run_ids": None} == records["wcag"] | {
        "municipality": "voorbeeld",
        "kind": "measured",
        "kpi": "wcag_violations_per_page",
        "current": 0.67,
        "trajectory": 1.71,
        "status": "on track",
        "audited_pages": 3,
        "source_run_ids": None,
    }
    assert records["wcag"]["source_run_ids"] == [1]
    assert records["verklaring"]["status"] == "met"
    assert records["ingang"]["latest_update"] is None

    table = runner.invoke(charter, ["status", "voorbeeld", "--format", "csv", "--today", "2025-03-01"]).output
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [row["commitment"] for row in rows][:2] == ["wcag", "ernstig"]
    assert rows[0]["status"] == "on track" and rows[0]["source_run_ids"] == "1"


def test_today_makes_the_output_reproducible(setup):
    runner, _ = setup
    first = runner.invoke(charter, ["status", "--format", "json", "--today", "2025-02-01"]).output
    assert {r["status"] for r in json.loads(first)["commitments"]} == {"no data"}  # before the crawl finished
    assert runner.invoke(charter, ["status", "--format", "json", "--today", "2025-02-01"]).output == first


def test_update_and_history(setup):
    runner, _ = setup
    recorded = runner.invoke(
        charter, ["update", "voorbeeld", "toiletten", "--value", "4", "--note", "Toilet bib"]
    )
    assert recorded.exit_code == 0, recorded.output
    assert re.fullmatch(
        r"recorded voorbeeld toiletten: 4 gebouwen \(by els, \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\n",
        recorded.output,
    )
    runner.invoke(
        charter,
        [
            "update",
            "Voorbeeld",
            "voetpaden",
            "--value",
            "45,5%",
            "--note",
            "Meting",
            "--evidence",
            "https://v.be/m",
            "--author",
            "Jan",
        ],
    )
    runner.invoke(charter, ["update", "voorbeeld", "ingang", "--not-done", "--note", "Plannen klaar"])
    lines = runner.invoke(charter, ["history", "voorbeeld"]).output.splitlines()
    assert lines[0].split() == ["recorded", "(UTC)", "municipality", "commitment", "value", "author", "note"]
    assert [line.split()[3:6] for line in lines[1:]] == [
        ["toiletten", "4", "els"],
        ["voetpaden", "45.5", "Jan"],
        ["ingang", "not", "done"],
    ]
    assert lines[2].endswith("Meting (https://v.be/m)")
    one = runner.invoke(charter, ["history", "voorbeeld", "VOETPADEN"]).output.splitlines()
    assert len(one) == 2 and "45.5" in one[1]
    nothing = runner.invoke(charter, ["history", "voorbeeld", "brieven"])
    assert nothing.exit_code == 2 and "no commitment 'brieven'" in nothing.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["status", "Atlantis"], "Error: unknown municipality 'Atlantis': give the name, slug or NIS code"),
        (["status", "gent"], "Error: no charter for gent in "),
        (["status", "--today", "1-3-2025"], "Invalid value for '--today'"),
        (
            ["update", "voorbeeld", "wcag", "--value", "1", "--note", "n"],
            "Error: commitment wcag is measured from",
        ),
        (
            ["update", "voorbeeld", "toiletten", "--value", "veel", "--note", "n"],
            "Error: --value 'veel' is not a number",
        ),
        (
            ["update", "voorbeeld", "voetpaden", "--value", "120", "--note", "n"],
            "Error: commitment voetpaden is a percentage",
        ),
        (["update", "voorbeeld", "ingang", "--done"], "Missing option '--note'"),
        (
            ["update", "voorbeeld", "ingang", "--done", "--note", "n", "--evidence", "www.x.be"],
            "is not a web address",
        ),
        (["show", "voorbeeld", "--charters", "/nonexistent"], "Error: no charters folder /nonexistent"),
    ],
)
def test_bad_input_is_one_line_with_exit_code_2(setup, arguments, message):
    runner, _ = setup
    result = runner.invoke(charter, arguments)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    if message.startswith("Error: "):
        assert result.output.count("\n") == 1


def test_nothing_is_written_by_a_refused_update(setup, db_url):
    runner, _ = setup
    refused = runner.invoke(charter, ["update", "voorbeeld", "voetpaden", "--value", "120", "--note", "n"])
    assert refused.exit_code == 2
    assert refused.output == (
        "Error: commitment voetpaden is a percentage: --value must be from 0 to 100, not 120\n"
    )
    assert update_history(Store(db_url), "voorbeeld") == []
    history = runner.invoke(charter, ["history", "voorbeeld"])
    assert history.exit_code == 0 and "no updates recorded for voorbeeld yet" in history.output


def test_a_broken_charter_stops_status_with_one_line(setup):
    runner, folder = setup
    (folder / "gent.yaml").write_text(CHARTER.replace("domain: buildings", "domain: gebouwen"))
    result = runner.invoke(charter, ["status"])
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {folder / 'gent.yaml'}:")
    assert result.output.rstrip().endswith("(and 1 more: run `a11ycheck charter validate`)")
    assert runner.invoke(charter, ["status", "voorbeeld", "--today", "2025-03-01"]).exit_code == 0


def test_list_and_show(setup):
    runner, _ = setup
    listing = runner.invoke(charter, ["list"]).output.splitlines()
    assert listing[1].split()[:4] == ["voorbeeld", "Gemeente", "Voorbeeld", "2025-01-01"]
    assert "9 (6 measured, 3 reported)" in listing[1] and listing[1].endswith("1")
    shown = runner.invoke(charter, ["show", "Gemeente Voorbeeld"]).output
    assert "sites: https://www.voorbeeld.be/" in shown
    assert (
        "contrast: Contrast\n  domain digital, deadline 2025-12-31\n"
        "  audited pages failing axe rule color-contrast: 4 -> 0 pages (lower is better)" in shown
    )
    assert (
        "ingang: Toegankelijke ingang\n  domain buildings, deadline 2025-12-31\n  reported: done or not done"
        in shown
    )


@pytest.mark.skipif(
    "charter" not in main_cli.commands, reason="cli.py does not register the charter commands yet"
)
def test_through_the_installed_command(cli, setup, db_url):
    _, folder = setup
    assert "sites" in main_cli.commands
    env = {"A11YCHECK_CHARTERS": str(folder)}
    result = cli("charter", "status", "--today", "2025-03-01", db=db_url, env=env, spawn=True)
    assert result.code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 10 and "\x1b[" not in result.stdout
    bad = cli("charter", "status", "Atlantis", db=db_url, env=env, spawn=True)
    assert (bad.code, bad.stdout) == (2, "")
    assert bad.stderr.startswith("Error: unknown municipality 'Atlantis'") and bad.stderr.count("\n") == 1
    assert cli("sites", "list", db=db_url).stdout.splitlines()[1].split() == [
        "voorbeeld",
        "www.voorbeeld.be",
        "https://www.voorbeeld.be/",
    ]
    invalid = cli(
        "charter", "validate", str(folder / "voorbeeld.yaml"), "--charters", "/nonexistent", db=db_url
    )
    assert invalid.code == 0, invalid.stderr


def test_sites_group_is_exported(setup):
    runner, _ = setup
    listing = runner.invoke(sites, ["list", "voorbeeld"]).output.splitlines()
    assert listing[1].split() == ["voorbeeld", "www.voorbeeld.be", "https://www.voorbeeld.be/"]
