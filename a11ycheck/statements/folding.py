"""Text folded for matching (lower case, accents removed, one kind of apostrophe and space), and cut into
sentences.

Every pattern of this wing is written against folded text, so "Déclaration d’accessibilité" and
"declaration d'accessibilite" match the same pattern, and "März" the same as "marz".
"""

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_SPACES = re.compile(r"[^\S\n]+")
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d"})


def clean_space(text: str) -> str:
    """Runs of spaces (non-breaking ones too) become one space; line breaks are kept, trimmed."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    """All whitespace, line breaks included, as single spaces."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower case without accents, with plain apostrophes and single spaces (line breaks kept)."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return clean_space(plain.translate(_APOSTROPHES))


# A full stop ends a sentence unless it follows a day number before a month ("22. september"), a version
# number ("2.1.") or an abbreviation ("bv.", "tel.").
_STOP = re.compile(r"[.!?;](?=\s)|\n")
_ABBREVIATION_BEFORE = re.compile(
    r"(?:^|[\s(])(?:\d+\.\d+|bv|bijv|nr|tel|art|o\.a|e\.g|i\.e|z\.b|st|dr|mr|ca|vb|cf|etc|ggf|evtl|vgl|usw)$"
)
_DAY_BEFORE = re.compile(r"(?:^|\s)\d{1,2}$")
_MONTH_AFTER = re.compile(
    r"\s+(?:januar|februar|marz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|jan|feb"
    r"|mar|apr|jun|jul|aug|sep|sept|okt|nov|dez)"
)


def split_sentences(text: str) -> list[str]:
    """Sentences of a (folded) text: cut at . ! ? ; and line breaks, not after "bv." or in "22. september"."""
    sentences, start = [], 0
    for stop in _STOP.finditer(text):
        if stop.group() == ".":
            before = text[max(start, stop.start() - 12) : stop.start()]
            if _ABBREVIATION_BEFORE.search(before):
                continue
            if _DAY_BEFORE.search(before) and _MONTH_AFTER.match(text, stop.end()):
                continue
        sentence = text[start : stop.end()].strip()
        if sentence:
            sentences.append(sentence)
        start = stop.end()
    if text[start:].strip():
        sentences.append(text[start:].strip())
    return sentences
