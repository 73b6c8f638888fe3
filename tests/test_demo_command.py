"""`a11ycheck demo`, the main job of the README: serve, crawl, audit, attribute, show the charter."""

from pathlib import Path

import pytest
from helpers import run_cli

pytestmark = pytest.mark.browser  # crawls or audits through the CLI, in a child process

REPO = Path(__file__).resolve().parent.parent


def test_demo_crawls_the_demo_site_and_shows_the_voorbeeld_charter(sqlite_url, demo_manifest, tmp_path):
    reports = tmp_path / "reports"
    result = run_cli(
        "demo", "--charters", str(REPO / "charters"), "--report-dir", str(reports), db=sqlite_url
    )
    assert result.code == 0, result.stderr
    expected = len(set(demo_manifest["pages"]) - set(demo_manifest["robots_disallowed"]))
    assert f"run 1 completed: {expected} pages, {expected} audited, 0 failed, 0 HTTP errors" in result.stdout
    assert f"{len(demo_manifest['documents'])} documents" in result.stdout
    table = [line for line in result.stdout.splitlines() if line.startswith("voorbeeld ")]
    commitments = {line.split()[1]: line for line in table}
    assert "web-toegankelijkheidsverklaring" in commitments
    assert " met " in commitments["web-toegankelijkheidsverklaring"]
    # 2 of the 5 demo documents pass every check; 1 PDF is untagged
    assert commitments["documenten-toegankelijk"].split()[4] == "40.0"
    assert commitments["pdf-getagd"].split()[4] == "1"

    assert f"report written to {reports / 'index.html'}" in result.stdout
    assert (reports / "index.html").is_file()
    assert "Voorbeeld" in (reports / "index.html").read_text()

    again = run_cli("demo", "--charters", str(REPO / "charters"), "--report-dir", str(reports), db=sqlite_url)
    assert again.code == 0, again.stderr
    sites = run_cli("sites", "list", "voorbeeld", db=sqlite_url)
    assert sites.code == 0
    assert len([line for line in sites.stdout.splitlines() if "127.0.0.1" in line]) == 1, sites.stdout
