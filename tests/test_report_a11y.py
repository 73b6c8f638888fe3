"""The report's own accessibility beyond axe (issue 19): every table has a caption that names its scrolling
region, and text in the other language is marked with `lang` (the Dutch charter in an English report).
Reflow at 320 px and print are proved in Chromium (tests/test_report_browser.py)."""

import lxml.html
import pytest


@pytest.fixture
def report(sample_reports):
    return sample_reports


def documents(folder):
    for path in sorted(folder.rglob("*.html")):
        yield path, lxml.html.fromstring(path.read_bytes())


def test_every_table_has_a_caption_naming_its_region(report):
    tables = 0
    for lang in ("nl", "en"):
        for path, document in documents(report / lang):
            for table in document.xpath("//table"):
                tables += 1
                (caption,) = table.xpath("caption")
                assert " ".join(caption.text_content().split()), path
                region = table.getparent()
                assert region.get("role") == "region" and region.get("tabindex") == "0", path
                assert region.get("aria-labelledby") == caption.get("id"), path
    assert tables > 100


def test_dutch_charter_text_is_marked_in_an_english_report(report):
    english = lxml.html.fromstring((report / "en" / "org" / "gent" / "index.html").read_bytes())
    dutch = lxml.html.fromstring((report / "nl" / "org" / "gent" / "index.html").read_bytes())
    titles = {
        " ".join(h.text_content().split())
        for h in dutch.xpath("//h3[starts-with(@id, 'commitment-')]/span[1]")
    }
    assert len(titles) == 3
    marked = 0
    for element in english.xpath("//main//*[not(*)]|//main//span"):
        words = " ".join(element.text_content().split())
        if words in titles:
            assert element.xpath("ancestor-or-self::*[@lang][1]/@lang") == ["nl"], words
            marked += 1
    assert marked >= 3 * 3  # each title in the summary or table, its heading and its values caption
    in_dutch = [e for e in dutch.xpath("//main//span") if " ".join(e.text_content().split()) in titles]
    assert in_dutch and not [e for e in in_dutch if e.get("lang")]  # in a Dutch report they need no mark
