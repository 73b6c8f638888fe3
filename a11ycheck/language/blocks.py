"""A page's main text as blocks of a kind (heading, paragraph, list item, table cell, other), safe to score.

Text comes from crawled pages and files, so everything here is defensive: payloads from the browser are
checked field by field, control characters and mojibake are repaired (ftfy), and sizes are capped first.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

import ftfy

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list-item"
CELL = "cell"
OTHER = "other"
KINDS = (HEADING, PARAGRAPH, LIST_ITEM, CELL, OTHER)

MAX_CHARS = 200_000  # characters of text read from a page or file; the rest is not scored (truncated=True)
MAX_BLOCKS = 20_000  # blocks taken from a browser payload

# Characters that are not text: zero-width spaces and joiners, soft hyphens (hyphenation hints inside words),
# word joiners and byte order marks. Removed before anything is counted.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…:;]['\"’”)\]]*$")


@dataclass(frozen=True)
class TextBlock:
    """One block of a page's text: `kind` is one of KINDS, `text` as the page shows it."""

    kind: str
    text: str


TextBlocks = Sequence[TextBlock]


@dataclass(frozen=True)
class PageText:
    """What the in-browser extractor read: the main text's blocks, the document's declared `lang`, the region
    read ("main", "article", "body"...) and whether the text was cut at the extractor's cap."""

    blocks: tuple[TextBlock, ...]
    lang: str | None = None
    region: str | None = None
    truncated: bool = False


def clean_text(text: str) -> str:
    """Repair mojibake and odd encodings (ftfy), drop control and invisible characters, NFC-normalise, and
    collapse runs of spaces; line breaks are kept (a blank line separates paragraphs)."""
    text = ftfy.fix_text(text[: MAX_CHARS * 2], normalization="NFC")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _SPACES.sub(" ", text).strip()


def blocks_from_plain_text(text: str) -> tuple[TextBlock, ...]:
    """Blocks of a plain text: paragraphs are separated by blank lines. A paragraph of one short line (at most
    12 words) that does not end like a sentence is taken for a heading, as in a text file's titles."""
    blocks = []
    for paragraph in _BLANK_LINE.split(clean_text(text)):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        one_line = "\n" not in paragraph
        if one_line and len(paragraph.split()) <= 12 and not _SENTENCE_END.search(paragraph):
            blocks.append(TextBlock(HEADING, paragraph))
        else:
            blocks.append(TextBlock(PARAGRAPH, paragraph))
    return tuple(blocks)


def page_text_from_payload(payload: object) -> PageText:
    """The extractor's result as a PageText. The payload comes from a page's own JavaScript realm, which the
    page could have tampered with: anything not of the expected shape is dropped, never trusted."""
    if not isinstance(payload, dict):
        return PageText(blocks=())
    blocks = []
    total = 0
    truncated = payload.get("truncated") is True
    raw_blocks = payload.get("blocks")
    for item in raw_blocks[:MAX_BLOCKS] if isinstance(raw_blocks, list) else ():
        if not isinstance(item, dict):
            continue
        kind, text = item.get("kind"), item.get("text")
        if not isinstance(text, str) or not text.strip():
            continue
        if total + len(text) > MAX_CHARS:
            text = text[: MAX_CHARS - total]
            truncated = True
        blocks.append(TextBlock(kind if kind in KINDS else OTHER, text))
        total += len(text)
        if total >= MAX_CHARS:
            truncated = True
            break
    lang = payload.get("lang")
    region = payload.get("region")
    return PageText(
        blocks=tuple(blocks),
        lang=lang[:35] if isinstance(lang, str) and lang.strip() else None,
        region=region[:20] if isinstance(region, str) and region else None,
        truncated=truncated,
    )
