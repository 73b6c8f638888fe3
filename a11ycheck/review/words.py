"""Matching the words that name a page's role in texts written by anyone: titles, headings, link texts and
URL paths, in Dutch, French and English, without regard to case, accents or punctuation.

A keyword is written as a phrase of plain words with these marks:
  `contact*`     the last word is a prefix: contact, contacteer, contactformulier, contactez
  `*vergunning`  the first word is a suffix: Dutch compounds end in their head noun (omgevingsvergunning)
  `*premie*`     both
  `=hulp`        the whole text (one part of a title, one path segment) is exactly this phrase
"""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

MAX_WORDS = 60  # a text longer than this is cut: names and titles are short, anything longer is noise
_NOT_WORD = re.compile(r"[^0-9a-z]+")
# What separates a title's parts ("Contact | Gemeente Lindegem", "Zoeken - Stad Lindegem").
_TITLE_PARTS = re.compile(r"\s+[|\-–—·:»>/]+\s+|\s*[|·»]\s*")
_EXTENSION = re.compile(r"\.(html?|php\d?|aspx?|jsp|cfm)$", re.IGNORECASE)


def words(text: str) -> tuple[str, ...]:
    """Lowercase ASCII words: "Déclaration d'accessibilité" -> ("declaration", "d", "accessibilite")."""
    folded = unicodedata.normalize("NFKD", text[:2000].lower())
    ascii_text = "".join(char for char in folded if not unicodedata.combining(char))
    return tuple(word for word in _NOT_WORD.split(ascii_text) if word)[:MAX_WORDS]


def title_parts(title: str) -> tuple[str, ...]:
    """A title split at its separators: "Contact | Gemeente Lindegem" -> ("Contact", "Gemeente Lindegem")."""
    return tuple(part.strip() for part in _TITLE_PARTS.split(title[:500]) if part.strip())


def path_segments(url: str) -> tuple[str, ...]:
    """A URL's path segments, decoded, without a page extension: "/nl/contacteer-ons.html" ->
    ("nl", "contacteer-ons")."""
    try:
        path = unquote(urlsplit(url[:2048]).path)
    except ValueError:
        return ()
    return tuple(_EXTENSION.sub("", segment) for segment in path.split("/") if segment)[:20]


@dataclass(frozen=True)
class Keyword:
    """A parsed keyword; `text` is how it was written, for the evidence a person reads."""

    text: str
    words: tuple[str, ...]
    prefix: bool = False
    suffix: bool = False
    whole: bool = False

    @property
    def pattern(self) -> str:
        """A regular expression for the keyword in a text's words joined by single spaces."""
        parts = [re.escape(word) for word in self.words]
        if self.suffix:
            parts[0] = "[0-9a-z]*" + parts[0]
        if self.prefix:
            parts[-1] += "[0-9a-z]*"
        body = " ".join(parts)
        return f"^{body}$" if self.whole else f"(?<![0-9a-z]){body}(?![0-9a-z])"

    def found_in(self, text_words: tuple[str, ...]) -> bool:
        return re.search(self.pattern, " ".join(text_words)) is not None


def keyword(spec: str) -> Keyword:
    """Parse a keyword written as in this module's docstring."""
    whole = spec.startswith("=")
    body = spec.removeprefix("=")
    suffix = body.startswith("*")
    prefix = body.endswith("*")
    return Keyword(spec, words(body.strip("*")), prefix=prefix, suffix=suffix, whole=whole)


class Keywords:
    """Keywords looked for together, in one regular expression; what a text matched is remembered, since
    the same link texts, headings and path segments come back on page after page."""

    MAX_REMEMBERED = 50_000

    def __init__(self, *specs: str):
        self.keywords = tuple(keyword(spec) for spec in specs)
        self._regex = re.compile("|".join(f"({item.pattern})" for item in self.keywords))
        self._seen: dict[str, Keyword | None] = {}

    def __iter__(self):
        return iter(self.keywords)

    def __add__(self, other: "Keywords") -> "Keywords":
        return Keywords(*(item.text for item in (*self.keywords, *other.keywords)))

    def first_match(self, joined_words: str) -> Keyword | None:
        """The keyword found first (leftmost) in a text's words joined by single spaces, or None."""
        if joined_words in self._seen:
            return self._seen[joined_words]
        found = self._regex.search(joined_words)
        result = self.keywords[found.lastindex - 1] if found and found.lastindex else None
        if len(self._seen) < self.MAX_REMEMBERED:
            self._seen[joined_words] = result
        return result
