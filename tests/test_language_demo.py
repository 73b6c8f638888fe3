"""The demo municipality shows plain language end to end: its pages get every level, its charter's
plain-language commitments are measured, and its report names the regulation as the hardest page."""

from pathlib import Path

import lxml.html
import pytest
from helpers import exported_pages, run_cli

pytestmark = pytest.mark.browser  # crawls or audits through the CLI, in a child process

REPO = Path(__file__).resolve().parent.parent


def test_the_demo_shows_levels_measured_commitments_and_the_hardest_page(sqlite_url, tmp_path):
    reports = tmp_path / "reports"
    done = run_cli("demo", "--charters", str(REPO / "charters"), "--report-dir", str(reports), db=sqlite_url)
    assert done.code == 0, done.stderr

    levels = {path: page["language"]["level"] for path, page in exported_pages(sqlite_url).items()}
    # Written to read in this order: a short plain notice, plain news, an administrative page, a regulation.
    assert levels["/nieuws/bibliotheek-openingsuren.html"] == "A2"
    assert levels["/nieuws/afvalkalender-2026.html"] == "B1"
    assert levels["/nieuws/kerstmarkt-2025.html"] == "B1"
    assert levels["/nieuws/premie-zonnepanelen.html"] == "B2"
    assert levels["/bestuur/gemeenteraad.html"] == "C1"
    leveled = sorted(level for level in levels.values() if level)
    assert levels["/toegankelijkheid.html"] == "B1"  # short sentences, long official words
    assert leveled == ["A2", "B1", "B1", "B1", "B1", "B2", "C1"]
    # The page without a lang attribute (its planted defect) is still read as Dutch, by the detector.
    assert exported_pages(sqlite_url)["/wonen/bouwen-en-verbouwen.html"]["language"]["lang"] == "nl"

    table = {
        line.split()[1]: line.split() for line in done.stdout.splitlines() if line.startswith("voorbeeld ")
    }
    assert table["web-klare-taal"][4] == "71.4"  # A2 and four B1 of seven pages with a level
    assert table["web-leesbaarheid"][4] == "71.9"  # the median Flesch-Douma of those seven pages
    assert "met" in table["web-leesbaarheid"]  # target 65: met on any day

    page = lxml.html.fromstring((reports / "org" / "voorbeeld" / "index.html").read_bytes())
    (first,) = page.xpath("//h3[@id='language-hardest']/following-sibling::section[1]")
    assert first.xpath("h4/span/text()")[0].endswith("/bestuur/gemeenteraad.html")
    quotes = first.xpath(".//blockquote/p/text()")
    assert len(quotes) == 3 and quotes[0].startswith("Met ingang van 1 april 2026")
