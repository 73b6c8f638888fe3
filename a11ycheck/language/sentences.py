"""Dutch sentences and words of running text.

sentencex (a multilingual sentence segmenter) proposes the boundaries; a thin Dutch layer corrects them, since
its Dutch rules miss common cases of government text: it never splits after the pronoun "u" ("Wij helpen u.
Bel ons.") or after "enz." before a capital, and it does split after "mevr." and "o.a.". The corrections:

- split after a period that is followed by a capital, unless the word before it is an abbreviation that never
  ends a sentence (NEVER_FINAL: dhr., mevr., bv., o.a., i.p.v., m.b.t., nr., art., ...) or an initial ("J.");
- join a boundary back when the piece before it ends in such an abbreviation or an initial, when the next
  piece starts with a lower-case letter ("enz. en", "excl. btw"), or when a month abbreviation is followed by
  a number ("3 jan. 2025").

Numbers (1.250,50 euro), dates (12.03.2024), times (19.30 u) and URLs never hold a boundary: sentencex keeps
them whole, and the split above needs a space and a capital after the period.

A word is a whitespace-separated token with at least one letter once its leading and trailing punctuation is
gone; numbers, URLs, e-mail addresses, markup or code (a token with <, >, {, =...) and tokens of more than
MAX_WORD_LETTERS letters (hashes) are not words.
"""

import re

import sentencex

MAX_WORD_LETTERS = 45  # Dutch compounds stay well under this ("arbeidsongeschiktheidsverzekering" has 33)

# Abbreviations (lower case, without their final period) that are not found at the end of a Dutch sentence.
NEVER_FINAL = frozenset(
    """
    dhr mevr mr mw mej dr drs ir ing prof st sint burg schep ere lic
    art artt nr nrs blz p pag hfdst par al lid tel fax gsm vb vgl zie
    bv bijv o.a i.p.v m.b.t t.a.v t.o.v m.a.w d.w.z i.v.m o.b.v a.d.h.v t.e.m t/m vs ca ong
    excl incl evt resp max min cf zgn zg vnl nl mbt tav tov ivm ipv
    """.split()
)
MONTHS = frozenset("jan feb febr mrt apr jun jul aug sep sept okt nov dec".split())

_CAPITAL_AFTER_PERIOD = re.compile(r"\.[\"'’”)\]]*\s+(?=[\"'‘“„(\[]*[A-ZÀ-ÖØ-Þ])")
_LAST_TOKEN = re.compile(r"(\S+)\s*$")
_TAIL = 200  # characters: longer than any token that is looked up
_EDGE_PUNCTUATION = "\"'‘’“”„«»‹›()[]{}<>.,;:!?¿¡…*•·–—-_/\\|~^`´°#%&+=@§"
_HAS_LETTER = re.compile(r"[^\W\d_]")
# URLs, e-mail addresses, and markup or code (a token with <, >, {, =...): not words of running text
_NOT_A_WORD = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://|www\.)|@\w|\.(?:be|nl|eu|com|org|net|vlaanderen)(?:/|$)|[<>{}\[\]=|\\^~$]",
    re.IGNORECASE,
)
_INITIAL = re.compile(r"^[\"'‘“„(\[]*[A-ZÀ-ÖØ-Þ]\.$")


def _abbreviation(token: str) -> str:
    """The token before a period as looked up in NEVER_FINAL: lower case, opening brackets and quotes off."""
    return token.lstrip("\"'‘“„([").rstrip(".").lower()


def _last_token(text: str) -> str:
    """The last whitespace-separated token of a text, looked for in its tail only: pieces can be huge."""
    last = _LAST_TOKEN.search(text[-_TAIL:])
    return last.group(1) if last else ""


def _split_after_periods(piece: str) -> list[str]:
    parts, start = [], 0
    for match in _CAPITAL_AFTER_PERIOD.finditer(piece):
        token = _last_token(piece[max(start, match.start() - _TAIL) : match.start() + 1])
        if _abbreviation(token) in NEVER_FINAL or _INITIAL.match(token):
            continue
        parts.append(piece[start : match.end()])
        start = match.end()
    parts.append(piece[start:])
    return parts


def _joins(previous: str, following: str) -> bool:
    token = _last_token(previous)
    head = following.lstrip("\"'‘“„([ ")
    if not head:
        return True
    if token.endswith(".") and (_abbreviation(token) in NEVER_FINAL or _INITIAL.match(token)):
        return True
    if head[0].islower():
        return True
    return token.endswith(".") and _abbreviation(token) in MONTHS and head[0].isdigit()


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph of running text, each as it stands (spaces collapsed), in order."""
    return [sentence for sentence, _ in sentences_and_words(paragraph)]


def sentences_and_words(paragraph: str) -> list[tuple[str, list[str]]]:
    """split_sentences with each sentence's words; a piece without words (a number alone) is no sentence."""
    paragraph = " ".join(paragraph.split())
    if not paragraph:
        return []
    pieces: list[str] = []
    for piece in sentencex.segment("nl", paragraph):
        pieces.extend(_split_after_periods(piece))
    sentences: list[list[str]] = []  # each a list of pieces as they stand, spaces included
    for piece in pieces:
        if sentences and _joins(sentences[-1][-1], piece):
            sentences[-1].append(piece)
        elif piece.strip():
            sentences.append([piece])
    joined = ("".join(parts).strip() for parts in sentences)
    return [(sentence, words) for sentence in joined if (words := words_of(sentence))]


def words_of(text: str) -> list[str]:
    """The words of a text, without their surrounding punctuation (see the module's docstring)."""
    words = []
    for token in text.split():
        word = token.strip(_EDGE_PUNCTUATION)
        if not _HAS_LETTER.search(word) or _NOT_A_WORD.search(word):
            continue
        if len(word) > MAX_WORD_LETTERS and sum(map(str.isalpha, word)) > MAX_WORD_LETTERS:
            continue
        words.append(word)
    return words
