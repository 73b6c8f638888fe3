"""Sites as configuration: which host belongs to which organisation, and crawls attributed through it."""

from datetime import date

import pytest
from click.testing import CliRunner

from a11ycheck.charters.measures import latest_completed_runs
from a11ycheck.cli_sites import sites
from a11ycheck.errors import UserError
from a11ycheck.register import Register
from a11ycheck.sites import (
    SiteChange,
    SiteImportProblems,
    add_site,
    import_sites,
    list_sites,
    remove_site,
    site_target,
)
from a11ycheck.store import Store
from a11ycheck.urls import normalize_url


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.load()


def test_add_list_and_remove(db_url, register):
    store = Store(db_url)
    site, change = add_site(
        store, register.get("Sint-Niklaas"), "https://www.sint-niklaas.be/nl?utm_source=x"
    )
    assert change == SiteChange.ADDED
    assert (site.host, site.start_url, site.organisation) == (
        "www.sint-niklaas.be",
        "https://www.sint-niklaas.be/nl",
        "sint-niklaas",
    )
    add_site(store, register.get("Kruibeke"), "https://www.bkz.be/")
    add_site(store, register.get("Kruibeke"), "http://loket.bkz.be:8080/")
    assert [(s.organisation, s.host) for s in list_sites(store)] == [
        ("beveren-kruibeke-zwijndrecht", "loket.bkz.be:8080"),
        ("beveren-kruibeke-zwijndrecht", "www.bkz.be"),
        ("sint-niklaas", "www.sint-niklaas.be"),
    ]
    assert [s.host for s in list_sites(store, ["sint-niklaas"])] == ["www.sint-niklaas.be"]

    removed, runs = remove_site(store, "https://WWW.SINT-NIKLAAS.BE/anything")
    assert (removed.host, runs) == ("www.sint-niklaas.be", 0)
    assert list_sites(store, ["sint-niklaas"]) == []
    with pytest.raises(UserError, match="www.sint-niklaas.be is not a configured site"):
        remove_site(store, "https://www.sint-niklaas.be/")


def test_adding_the_same_site_again_changes_nothing(sqlite_url, register):
    store = Store(sqlite_url)
    add_site(store, register.get("gent"), "https://stad.gent/")
    site, change = add_site(store, register.get("Gent"), "https://stad.gent/nl/contact")
    assert change == SiteChange.UNCHANGED
    assert site.start_url == "https://stad.gent/"
    assert len(list_sites(store)) == 1


def test_a_host_of_another_organisation_is_refused(sqlite_url, register):
    store = Store(sqlite_url)
    add_site(store, register.get("gent"), "https://stad.gent/")
    with pytest.raises(
        UserError, match=r"stad.gent already belongs to gent: remove it first with `a11ycheck sites"
    ):
        add_site(store, register.get("antwerpen"), "https://stad.gent/")
    assert [s.organisation for s in list_sites(store)] == ["gent"]


def test_a_crawl_of_a_configured_site_is_attributed_to_its_organisation(db_url, register):
    store = Store(db_url)
    site, _ = add_site(store, register.get("Borsbeek"), "https://www.antwerpen.be")
    run = store.start_run("crawl", normalize_url("https://www.antwerpen.be/"), {}, "4.10.2")
    store.finish_run(run.id, "completed")
    assert run.site_id == site.id
    assert [r.id for r in latest_completed_runs(store, "antwerpen", date.today())] == [run.id]
    assert latest_completed_runs(store, "gent", date.today()) == []


def test_a_site_crawled_before_it_was_configured_is_claimed_with_its_runs(db_url, register):
    store = Store(db_url)
    run = store.start_run("crawl", "https://www.gent.be/", {}, "4.10.2")
    store.finish_run(run.id, "completed")
    site, change = add_site(store, register.get("gent"), "https://www.gent.be/")
    assert change == SiteChange.CLAIMED and site.id == run.site_id
    assert [r.id for r in latest_completed_runs(store, "gent", date.today())] == [run.id]
    removed, runs = remove_site(store, "https://www.gent.be/")
    assert runs == 1
    assert store.get_run(run.id).site_id == removed.id  # the run stays, attributed to nobody
    assert latest_completed_runs(store, "gent", date.today()) == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://www.gent.be/", "only http and https"),
        ("www.gent.be", "not a full URL"),
        ("https://", "no host"),
        ("http://169.254.169.254/latest", "cloud metadata"),
        ("https://user:secret@www.gent.be/", "user name or password"),
        ("http://[::1/", "not a valid URL"),
    ],
)
def test_bad_site_urls(url, message):
    with pytest.raises(UserError, match=message):
        site_target(url)


def test_site_addresses_are_checked_without_dns():
    assert site_target("https://intranet.gemeente.invalid/").host == "intranet.gemeente.invalid"
    assert site_target("http://127.0.0.1:8000/").host == "127.0.0.1:8000"


def test_import_writes_every_row_in_one_go(db_url, register, tmp_path):
    store = Store(db_url)
    add_site(store, register.get("gent"), "https://stad.gent/")
    store.finish_run(store.start_run("crawl", "https://www.aalst.be/", {}, "").id, "completed")
    csv_file = tmp_path / "sites.csv"
    csv_file.write_text(
        "\ufefforganisation,url\n"
        "Sint-Niklaas,https://www.sint-niklaas.be/\n"
        "\n"
        "11007,https://www.antwerpen.be/\n"
        "gent,https://stad.gent/\n"
        "aalst,https://www.aalst.be/\n"
        "sint-niklaas,https://www.sint-niklaas.be/nl\n",
        encoding="utf-8",
    )
    counts = import_sites(store, register, csv_file)
    assert counts == {SiteChange.ADDED: 2, SiteChange.CLAIMED: 1, SiteChange.UNCHANGED: 2}
    assert {s.host: s.organisation for s in list_sites(store)} == {
        "www.sint-niklaas.be": "sint-niklaas",
        "www.antwerpen.be": "antwerpen",
        "stad.gent": "gent",
        "www.aalst.be": "aalst",
    }


def test_import_with_a_bad_row_writes_nothing_and_names_every_bad_line(db_url, register, tmp_path):
    store = Store(db_url)
    add_site(store, register.get("gent"), "https://stad.gent/")
    csv_file = tmp_path / "sites.csv"
    csv_file.write_text(
        "organisation,url\n"
        "sint-niklaas,https://www.sint-niklaas.be/\n"  # 2: fine
        "Atlantis,https://www.atlantis.be/\n"  # 3: unknown municipality
        "aalst,ftp://www.aalst.be/\n"  # 4: not http(s)
        "antwerpen,https://stad.gent/\n"  # 5: belongs to gent
        "hasselt,https://www.hasselt.be/\n"  # 6: fine
        "genk,https://www.hasselt.be/\n",  # 7: given to hasselt on line 6
        encoding="utf-8",
    )
    with pytest.raises(SiteImportProblems) as raised:
        import_sites(store, register, csv_file)
    problems = raised.value.problems
    assert [p.line for p in problems] == [3, 4, 5, 7]
    assert "unknown municipality 'Atlantis'" in problems[0].message
    assert "only http and https" in problems[1].message
    assert "stad.gent already belongs to gent" in problems[2].message
    assert "www.hasselt.be is given to hasselt on line 6 already" in problems[3].message
    assert str(problems[0]).startswith(f"{csv_file}:3: ")
    assert str(raised.value) == f"4 bad rows in {csv_file}: nothing imported"
    assert [s.host for s in list_sites(store)] == ["stad.gent"]


def test_import_needs_the_two_columns(sqlite_url, register, tmp_path):
    csv_file = tmp_path / "sites.csv"
    csv_file.write_text("gemeente,website\ngent,https://stad.gent/\n")
    with pytest.raises(UserError, match="needs a header line with the columns organisation,url"):
        import_sites(Store(sqlite_url), register, csv_file)


def test_sites_commands(sqlite_url, tmp_path):
    runner = CliRunner()
    env = {"A11YCHECK_DB": sqlite_url}
    added = runner.invoke(sites, ["add", "Kruibeke", "https://www.bkz.be/"], env=env)
    assert added.exit_code == 0, added.output
    assert (
        added.output
        == "added www.bkz.be for beveren-kruibeke-zwijndrecht (crawls start at https://www.bkz.be/)\n"
    )
    again = runner.invoke(sites, ["add", "beveren-kruibeke-zwijndrecht", "https://www.bkz.be/"], env=env)
    assert "already a site of beveren-kruibeke-zwijndrecht: nothing changed" in again.output

    taken = runner.invoke(sites, ["add", "gent", "https://www.bkz.be/"], env=env)
    assert taken.exit_code == 2
    assert taken.output.startswith("Error: www.bkz.be already belongs to beveren-kruibeke-zwijndrecht")
    assert "Traceback" not in taken.output

    listing = runner.invoke(sites, ["list"], env=env)
    assert listing.output.splitlines() == [
        "organisation                  host        start url",
        "beveren-kruibeke-zwijndrecht  www.bkz.be  https://www.bkz.be/",
    ]

    bad = tmp_path / "bad.csv"
    bad.write_text("organisation,url\ngent,https://stad.gent/\nAtlantis,https://x.be/\n")
    imported = runner.invoke(sites, ["import", str(bad)], env=env)
    assert imported.exit_code == 2
    assert f"{bad}:3: unknown municipality 'Atlantis'" in imported.output
    assert imported.output.splitlines()[-1] == f"Error: 1 bad row in {bad}: nothing imported"
    assert "stad.gent" not in runner.invoke(sites, ["list"], env=env).output

    removed = runner.invoke(sites, ["remove", "https://www.bkz.be/"], env=env)
    assert removed.output == "removed www.bkz.be; its 0 runs are kept, attributed to nobody\n"
