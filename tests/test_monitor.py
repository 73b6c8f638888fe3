"""`a11ycheck monitor`: every configured site in turn, a failing one never stopping the rest."""

import json
import socket

import pytest
from helpers import run_cli

from a11ycheck.models import Site
from a11ycheck.store import Store


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.browser  # audits through the CLI, in a child process
def test_monitor_audits_every_site_and_names_the_one_that_failed(demo_site, page_server, sqlite_url):
    page_server.add(
        "/",
        '<!doctype html><html lang="nl"><title>Dienst</title><body><main><h1>Dienst</h1>'
        '<img src="/x.png"></main></body></html>',
    )
    dead = f"http://127.0.0.1:{unused_port()}/"
    store = Store(sqlite_url)
    with store.session() as session:
        session.add(Site(host=dead.split("/")[2], start_url=dead, organisation="aalst"))
        session.add(Site(host=demo_site.split("/")[2], start_url=demo_site + "/", organisation="voorbeeld"))
        session.add(
            Site(
                host=page_server.base_url.split("/")[2], start_url=page_server.url("/"), organisation="zwalm"
            )
        )
        session.add(Site(host="www.niet-geconfigureerd.be", start_url="https://www.niet-geconfigureerd.be/"))
        session.commit()

    result = run_cli("monitor", "--allow-private", "--max-pages", "5", db=sqlite_url, timeout=300)
    assert result.code == 1, result.stderr
    lines = result.stdout.strip().splitlines()
    assert [line.split()[0:2] for line in lines] == [
        ["FAILED", "aalst"],
        ["ok", "voorbeeld"],
        ["ok", "zwalm"],
    ]
    assert "monitor: 2 of 3 sites audited completely, 1 failed: " + dead in result.stderr
    assert "niet-geconfigureerd" not in result.stdout + result.stderr

    runs = {s.start_url: s for s in store.run_summaries()}
    assert runs[demo_site + "/"].audited == 5 and runs[demo_site + "/"].status == "completed"
    assert runs[page_server.url("/")].violations >= 1
    exported = json.loads(run_cli("export", str(runs[page_server.url("/")].id), db=sqlite_url).stdout)
    assert exported["pages"][0]["url"] == page_server.url("/")


def test_monitor_only_named_organisations_and_nothing_configured(sqlite_url, demo_site):
    empty = run_cli("monitor", db=sqlite_url)
    assert empty.code == 2
    assert "no sites configured" in empty.stderr
    store = Store(sqlite_url)
    with store.session() as session:
        session.add(Site(host=demo_site.split("/")[2], start_url=demo_site + "/", organisation="voorbeeld"))
        session.commit()
    other = run_cli("monitor", "--organisation", "gent", db=sqlite_url)
    assert other.code == 2 and "no sites configured" in other.stderr
