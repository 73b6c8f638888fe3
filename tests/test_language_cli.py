"""`a11ycheck language check URL_OR_FILE`: the figures of one page (read in Chromium as in a crawl) or one
text file, and its exit codes: 0 scored, 1 nothing to score, 2 bad usage or a page that cannot be read."""

import json
import socket
from pathlib import Path

import pytest
from helpers import run_cli

from a11ycheck.language import score_text, score_text_file
from a11ycheck.language.blocks import blocks_from_plain_text

TEXTS = Path(__file__).parent / "language_texts"
ENGLISH = (
    "The town hall is open on weekdays from nine until noon. Residents who move house register their new "
    "address at the front desk, with their identity card. Waste is collected every two weeks. "
) * 4


def check(*args: str):
    return run_cli("language", "check", *args)


def test_a_text_file_in_json_is_the_export_language_object(tmp_path):
    path = TEXTS / "b1_nieuws_restafval.txt"
    done = check(str(path), "--format", "json")
    assert done.code == 0, done.stderr
    assert json.loads(done.stdout) == score_text_file(path).to_dict()
    assert json.loads(done.stdout)["level"] == "B1"


def test_a_text_file_as_text_says_each_figure_in_a_line():
    done = check(str(TEXTS / "c1_retributiereglement.txt"))
    assert done.code == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == str(TEXTS / "c1_retributiereglement.txt")
    assert lines[1:9] == [
        "language          nl (declared none, detected nl)",
        "level             C1 (estimated: see docs/language.md)",
        "words             176 of running text in 4 sentences, 11 more in headings, lists and tables",
        "sentence length   44.0 words on average",
        "long sentences    100.0 % of sentences have more than 20 words",
        "long words        34.1 % of words have 3 syllables or more",
        "rare words        27.4 % of words are outside the most common Dutch words",
        "Flesch-Douma      -3.4 (zeer moeilijk)",
    ]
    assert lines[9] == "longest sentences:" and len(lines) == 13
    assert all(line.startswith("  - Artikel") or line.startswith("  - ") for line in lines[10:])


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (ENGLISH, "none: the text is not Dutch"),
        (
            "Het gemeentehuis is gesloten op maandag.\n\nBel ons gerust op werkdagen.",
            "none: fewer than 100 words",
        ),
        ("", "none: no text was read"),
    ],
)
def test_nothing_to_score_is_exit_code_1(tmp_path, text, reason):
    path = tmp_path / "tekst.txt"
    path.write_text(text, encoding="utf-8")
    done = check(str(path))
    assert done.code == 1, done.stderr
    assert f"level             {reason}" in done.stdout.splitlines()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("/nergens/tekst.txt",),
            "Error: /nergens/tekst.txt: no such file; give an http(s):// URL or the path",
        ),
        (
            ("ftp://example.org/tekst.txt",),
            "Error: cannot check ftp://example.org/tekst.txt: give an http(s)://",
        ),
        (("{tests}",), "is a folder; give the path of a text file"),
        (("{binary}",), "looks like a binary file, not text"),
        (("{text}", "--format", "xml"), "Invalid value for '--format'"),
        ((), "Missing argument 'URL_OR_FILE'"),
    ],
)
def test_bad_usage_is_exit_code_2_in_one_line(tmp_path, args, message):
    binary = tmp_path / "foto.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    names = {"tests": str(TEXTS), "binary": str(binary), "text": str(TEXTS / "a2_verhuizen.txt")}
    done = check(*(arg.format(**names) for arg in args))
    assert done.code == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


def page(body: str, lang: str = "nl") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Test</title></head><body>'
        '<header><nav><a href="/">Home</a> <a href="/nieuws">Nieuws</a> <a href="/contact">Contact</a></nav>'
        "</header>"
        f"<main>{body}</main><footer><p>Gemeente Testdorp, Kerkplein 1</p></footer></body></html>"
    )


def html_of(name: str) -> str:
    blocks = blocks_from_plain_text((TEXTS / name).read_text(encoding="utf-8"))
    return "".join(f"<h2>{b.text}</h2>" if b.kind == "heading" else f"<p>{b.text}</p>" for b in blocks)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.browser
def test_a_page_is_read_in_a_browser_as_in_a_crawl(page_server):
    page_server.add("/nieuws", page(html_of("b1_wegenwerken.txt")))
    page_server.add("/english", page("".join(f"<p>{s}.</p>" for s in ENGLISH.split(". ") if s.strip()), "en"))
    page_server.add("/weg", page("<p>Niet gevonden.</p>"), status=404)
    page_server.add(
        "/verhuisd", '<meta http-equiv="refresh" content="0; url=/nieuws"><title>Verhuisd</title>'
    )

    done = check(page_server.url("/nieuws"), "--allow-private", "--format", "json")
    assert done.code == 0, done.stderr
    blocks = blocks_from_plain_text((TEXTS / "b1_wegenwerken.txt").read_text(encoding="utf-8"))
    assert json.loads(done.stdout) == score_text(blocks, "nl").to_dict()
    text = check(page_server.url("/nieuws"), "--allow-private")
    assert (
        text.code == 0
        and text.stdout.splitlines()[0] == f"{page_server.url('/nieuws')} (text read from: main)"
    )

    english = check(page_server.url("/english"), "--allow-private", "--format", "json")
    assert english.code == 1, english.stderr
    assert (json.loads(english.stdout)["lang"], json.loads(english.stdout)["level"]) == ("en", None)

    missing = check(page_server.url("/weg"), "--allow-private")
    assert (missing.code, missing.stderr.strip()) == (
        2,
        f"Error: cannot read {page_server.url('/weg')}: the page answered HTTP 404",
    )
    moved = check(page_server.url("/verhuisd"), "--allow-private")
    assert moved.code == 2
    assert moved.stderr.strip() == (
        f"Error: {page_server.url('/verhuisd')} sends the browser to {page_server.url('/nieuws')}: "
        "check that address instead"
    )


def test_a_page_on_a_private_address_needs_allow_private_and_an_unreachable_one_is_exit_2(page_server):
    url = page_server.add("/nieuws", page(html_of("b1_wegenwerken.txt")))
    refused = check(url)
    assert refused.code == 2 and "--allow-private" in refused.stderr, refused.stderr
    assert page_server.paths_requested() == []  # refused before anything was sent
    down = check(f"http://127.0.0.1:{free_port()}/nieuws", "--allow-private")
    assert down.code == 2 and "cannot reach 127.0.0.1" in down.stderr, down.stderr
