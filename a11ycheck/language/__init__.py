"""Plain language ("klare taal"): how readable a page's Dutch main text is.

A pure library: the audit runs MAIN_TEXT_FUNCTION's `readMainText(maxChars)` in the page and hands its result
to page_text_from_payload; score_text measures it. Nothing here imports the browser, the crawl, the store or
the CLI. See docs/language.md.
"""

from a11ycheck.language import detect, wordstats
from a11ycheck.language.blocks import (
    CELL,
    HEADING,
    KINDS,
    LIST_ITEM,
    MAX_CHARS,
    OTHER,
    PARAGRAPH,
    PageText,
    TextBlock,
    TextBlocks,
    blocks_from_plain_text,
    page_text_from_payload,
)
from a11ycheck.language.extract import MAIN_TEXT_FUNCTION, MAIN_TEXT_SCRIPT, read_main_text
from a11ycheck.language.score import LanguageScore, score_text
from a11ycheck.language.textfile import TextFileError, read_text_file, score_text_file


def warm_up() -> None:
    """Load the language detector, the hyphenation dictionary and the word list now (about 0.2 s and 35 MB)
    rather than during the first page."""
    detect.warm_up()
    wordstats.warm_up()


__all__ = [
    "CELL",
    "HEADING",
    "KINDS",
    "LIST_ITEM",
    "MAIN_TEXT_FUNCTION",
    "MAIN_TEXT_SCRIPT",
    "MAX_CHARS",
    "OTHER",
    "PARAGRAPH",
    "LanguageScore",
    "PageText",
    "TextBlock",
    "TextBlocks",
    "TextFileError",
    "blocks_from_plain_text",
    "page_text_from_payload",
    "read_main_text",
    "read_text_file",
    "score_text",
    "score_text_file",
    "warm_up",
]
