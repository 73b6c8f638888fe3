"""Scoring a text file as `a11ycheck language check FILE` will: decoding with a documented fallback, errors a
person can act on, and the same figures as the text itself."""

import codecs
from pathlib import Path

import pytest

from a11ycheck.errors import UserError
from a11ycheck.language import score_text, textfile
from a11ycheck.language.textfile import TextFileError, decode_text, read_text_file, score_text_file

TEXTS = Path(__file__).parent / "language_texts"
LINE = "Eén aanvraag voor een premie van 1.250,50 € kost u niets."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (LINE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + LINE.encode("utf-8"), "utf-8"),
        (LINE.encode("utf-16"), "utf-16"),  # with its byte order mark
        (LINE.encode("utf-32"), "utf-32"),
        (LINE.encode("cp1252"), "windows-1252"),  # not UTF-8: the legacy encoding of Dutch text
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-32", "windows-1252"],
)
def test_decoding(data, encoding):
    assert decode_text(data) == (LINE, encoding)


def test_a_character_cut_at_the_end_of_a_cut_file_is_dropped():
    data = "Eén premie".encode()
    assert decode_text(data[:2], complete=False) == ("E", "utf-8")  # "é" is two bytes, the first kept
    assert decode_text(data[:2]) == ("EÃ", "windows-1252")  # a whole file ending so is not UTF-8


def test_a_file_scores_as_its_text(tmp_path):
    source = TEXTS / "b1_premie_isolatie.txt"
    copy = tmp_path / "premie.txt"
    copy.write_bytes(source.read_text(encoding="utf-8").encode("cp1252"))
    from_file = score_text_file(copy, "nl")
    assert from_file == score_text(source.read_text(encoding="utf-8"), "nl")
    assert from_file.level == "B1"


def test_a_file_with_mojibake_is_repaired(tmp_path):
    path = tmp_path / "mojibake.txt"
    path.write_text("Voor Ã©Ã©n aanvraag betaalt u niets. Het loket is open op maandag.", encoding="utf-8")
    assert score_text_file(path, "nl").longest_sentences[0] == "Voor één aanvraag betaalt u niets."


def test_a_file_over_the_cap_is_read_in_part(tmp_path, monkeypatch):
    monkeypatch.setattr(textfile, "MAX_FILE_BYTES", 52)
    path = tmp_path / "lang.txt"
    path.write_text("Eén " * 100, encoding="utf-8")  # 5 bytes each: byte 52 is the first of an "é"
    text, encoding, cut = read_text_file(path)
    assert (encoding, cut) == ("utf-8", True)
    assert text == "Eén " * 10 + "E"
    assert score_text_file(path, "nl").truncated is True


def test_errors_are_one_line_a_person_can_act_on(tmp_path):
    with pytest.raises(TextFileError, match=r"^.*missing\.txt: no such file; give the path of a text file$"):
        score_text_file(tmp_path / "missing.txt")
    with pytest.raises(TextFileError, match=r"is a folder; give the path of a text file$"):
        score_text_file(tmp_path)
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    with pytest.raises(TextFileError, match=r"looks like a binary file, not text; give a plain text file$"):
        score_text_file(binary)
    assert issubclass(TextFileError, UserError)  # the CLI's user_errors turns it into one line and exit 2


def test_an_empty_file_has_nothing_to_score(tmp_path):
    path = tmp_path / "leeg.txt"
    path.write_bytes(b"")
    score = score_text_file(path, "nl")
    assert (score.words, score.level, score.no_level_reason) == (None, None, "no-text")
