"""Scoring a text file the way a page is scored: the core of `a11ycheck language check FILE`.

Decoding, in this order: a byte order mark (UTF-8, UTF-16, UTF-32) decides; else strict UTF-8; else
Windows-1252, the usual legacy encoding of Dutch text, with any undefined byte replaced. Mojibake (UTF-8 read
as Windows-1252 somewhere upstream: "CafÃ©") is then repaired by ftfy, as for pages. At most MAX_FILE_BYTES
are read; the rest is not scored.
"""

import codecs
from dataclasses import replace
from pathlib import Path

from a11ycheck.errors import UserError
from a11ycheck.language.score import LanguageScore, score_text

MAX_FILE_BYTES = 2_000_000  # far more than the 200,000 characters that are scored
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class TextFileError(UserError):
    """The file cannot be read; the message says which and why, in one line."""


def decode_text(data: bytes, complete: bool = True) -> tuple[str, str]:
    """The text of `data` and the encoding it was read with (see the module's docstring). With
    complete=False the data was cut: a character cut in two at its end is dropped, not a decoding error."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
            return decoder.decode(data, final=complete), encoding.removesuffix("-sig")
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(data, final=complete), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


def read_text_file(path: str | Path) -> tuple[str, str, bool]:
    """A text file's text, the encoding it was read with, and whether it was cut at MAX_FILE_BYTES."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise TextFileError(f"{path}: no such file; give the path of a text file") from None
    except IsADirectoryError:
        raise TextFileError(f"{path} is a folder; give the path of a text file") from None
    except OSError as exc:
        raise TextFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    cut = len(data) > MAX_FILE_BYTES
    if b"\x00" in data[:4096] and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        raise TextFileError(f"{path} looks like a binary file, not text; give a plain text file")
    text, encoding = decode_text(data[:MAX_FILE_BYTES], complete=not cut)
    return text, encoding, cut


def score_text_file(path: str | Path, declared_lang: str | None = None) -> LanguageScore:
    """Score a plain text file (paragraphs separated by blank lines) as a page's main text. The language is
    `declared_lang` checked by the detector, or the detector's alone. TextFileError when it cannot be read."""
    text, _, cut = read_text_file(path)
    score = score_text(text, declared_lang)
    return replace(score, truncated=True) if cut else score
