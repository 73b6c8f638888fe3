"""The compliance status a statement claims (full, partial, none) and the standard it names.

A status is read from the generator's `conformance-status` first, then from the sentences of the status
section, then (when the page has no status heading) from the first sentence anywhere outside the other model
sections that claims one. A claim is a compliance phrase ("in overeenstemming met", "voldoet aan",
"conform", "compliant", "conforme", "vereinbar") with a degree next to it: full ("volledig", "fully",
"totalement", "vollständig"), partial ("gedeeltelijk", "partially", "partiellement", "teilweise", and "not
fully", "niet aan alle"), or none ("niet", "not", "non", "nicht"); the Dutch register's "voldoet
gedeeltelijk" needs no "aan". A phrase without a degree ("is in overeenstemming met WCAG 2.1") counts as full
only in the status section, after "verklaart dat", or when its sentence names a standard, and never as an
aim or after a modal ("streeft ernaar te voldoen aan", "moet voldoen aan", "will comply"). A sentence
offering the model's alternatives ("volledig/gedeeltelijk/niet") and a status section claiming all three are
template text: unknown. The standard is the first one named where the status was read, normalised to
"WCAG 2.1 AA", "WCAG 2.2", "EN 301 549 v3.2.1"; other standards (BITV, RGAA) are not normalised: None.
"""

import re
from collections.abc import Iterable, Sequence

from a11ycheck.statements.folding import fold, split_sentences
from a11ycheck.statements.sections import (
    ALTERNATIVES,
    ENFORCEMENT,
    FEEDBACK,
    NON_ACCESSIBLE,
    PREPARATION,
    STATUS,
    PlacedBlock,
)

FULL, PARTIAL, NONE, UNKNOWN = "full", "partial", "none", "unknown"

_PARTIAL_WORDS = {
    "gedeeltelijk", "gedeeltelijke", "deels", "grotendeels", "deel", "partieel", "partiellement", "partiel",
    "partielle", "partially", "partly", "partial", "teilweise", "weitgehend",
}  # fmt: skip
_NEGATIONS = {"niet", "not", "non", "nicht", "pas", "geen", "no", "kein", "keine", "never", "nooit"}
_FULL_WORDS = {"volledig", "geheel", "helemaal", "volkomen", "fully", "full", "totally", "completely"}
_FULL_WORDS |= {"entirely", "totalement", "entierement", "pleinement", "totale", "integralement", "complete"}
_FULL_WORDS |= {"vollstandig", "voll", "uneingeschrankt", "ganz", "volle"}
_NOT_ASSESSED = re.compile(r"niet beoordeeld|not assessed|non evalue|nicht bewertet|not evaluated")

_WORDS = r"((?:[\w'-]{1,40} ){0,4})"  # words bounded in length: no quadratic scan of a long run of letters
# How a claim without a degree counts, in the status section only: "is" when "is/zijn/est/ist" stands right
# before the phrase ("is in overeenstemming met"), "verb" when the phrase is a finite verb ("voldoet aan",
# "complies with", not "te voldoen aan"), "window" when "ist/sind" is among the words before ("ist mit der
# BITV vereinbar"), None when it never counts.
_CLAIMS = (
    (re.compile(_WORDS + r"(?:in overeenstemming|conform|conformes?|compliant|conformant)\b"), "is"),
    (re.compile(_WORDS + r"(?:in (?:compliance|conformance|conformite|conformiteit)|en conformite)\b"), "is"),
    (re.compile(r"\bvoldo(?:et|en|e)\b((?: [\w'-]{1,40}){0,4}?) aan\b"), "verb"),
    (re.compile(_WORDS + r"voldo(?:et|en|e) aan\b"), "verb"),
    (re.compile(_WORDS + r"(?:conforms?|complies|comply)\b"), "verb"),
    (re.compile(r"\bconformite (totale|partielle|complete|integrale)\b"), None),
    # "Nalevingsstatus: voldoet gedeeltelijk", "B - voldoet gedeeltelijk": the degree after the verb, no "aan"
    (
        re.compile(
            r"\bvoldoe[tn] ((?:nog )?(?:niet )?(?:volledig|gedeeltelijk|deels|grotendeels|niet))\b"
            r"(?! alleen| enkel)"
        ),
        None,
    ),
    (re.compile(r"\bin (full|partial) (?:compliance|conformance|conformity)\b"), None),
    (re.compile(r"((?:\S{1,40} ){0,10})(?:vereinbar|konform)\b"), "window"),
)
_BARRIERFREI = (re.compile(_WORDS + r"barrierefrei\b"), "is")  # a claim in the status section only
_IS_BEFORE = re.compile(r"\b(?:is|zijn|est|sont|ist|sind)\s*$")
# A verb that is not a claim: an infinitive or after a modal ("te laten voldoen aan", "moet voldoen aan",
# "will comply with"), looked for among the three words before it.
_NOT_FINITE_BEFORE = re.compile(
    r"\b(?:te|to|om|zu|laten|moet|moeten|zal|zullen|zou|zouden|kan|kunnen|wil|willen|will|would|should|must"
    r"|shall|can|could|may|might|doit|doivent|devra|soll|muss|wird)\b(?:\s+\S+){0,2}\s*$"
)
_ASPIRATION = re.compile(
    r"\b(?:streeft|streven|ernaar|doel|wil|willen|aim|aims|strive|strives|goal|want|s'efforce|objectif"
    r"|vise|bemuht|bemuhen|ziel|will)\b"
)
_VERB = re.compile(r"voldo|conform|compl")
_TEMPLATE = re.compile(
    r"(?:volledig|gedeeltelijk|niet|fully|partially|not|totalement|partiellement|non|vollstandig|teilweise"
    r"|nicht)\s*(?:/|\bof\b|\bor\b|\bou\b|\boder\b)\s*(?:volledig|gedeeltelijk|niet|fully|partially|not|"
    r"totalement|partiellement|non|vollstandig|teilweise|nicht)\b"
)
_W3C_CLASSES = {"total": "full", "full": "full", "partial": "partial", "none": "none"}
_NOT_ALL = re.compile(r"\s*(?:(?:aan|met|with|avec|mit|a|aux?) )?(?:alle|all|tous|toutes|allen)\b")
_NOT_ONLY = {"alleen", "enkel", "only", "seulement", "nur"}  # "voldoet niet alleen aan X": no degree
_NON_HYPHEN = re.compile(r"\bnon-(?=compl|conform)")
_OTHER_SECTIONS = (NON_ACCESSIBLE, ALTERNATIVES, FEEDBACK, ENFORCEMENT, PREPARATION)

_WCAG = re.compile(
    r"(?:\bwcag\)?|web content accessibility guidelines,?(?: \(wcag\))?"
    r"|richtlijnen voor (?:de )?toegankelijkheid van webinhoud(?: \(wcag\))?)"
    r"\s*[-,]?\s*(?:(?:versie|version|v\.?)\s*)?(2\.[012])(?!\.\d)"
)
_LEVEL_AFTER = re.compile(
    r"^\s*[-(]?\s*(aaa|aa|a)\b|^[^.;]{0,40}?\b(?:niveaus?|levels?|stufe|niveaux?|conformiteitsniveau|conformance)"
    r"\s+((?:aaa|aa|a|double[- ]a|dubbel[- ]a)(?:\s*(?:en|and|et|und|,|/|&)\s*(?:aaa|aa|a)\b)*)"
)
_DOUBLE_A = re.compile(r"(?:double|dubbel)[- ]a")
_EN_301_549 = re.compile(r"\ben\s*301\s*549(?:\s*,?\s*(?:v|versie|version)?\s*\.?\s*(\d+\.\d+\.\d+))?")


def status_of(degree_words: str) -> str | None:
    """The status a few words of degree give: "gedeeltelijk" partial, "niet volledig" partial, "niet" none."""
    words = set(degree_words.replace("n'", "n' ").replace("'", " ").split())
    if words & _NOT_ONLY and words & _NEGATIONS:
        return None
    if words & _PARTIAL_WORDS:
        return PARTIAL
    negated = bool(words & _NEGATIONS)
    if negated and words & _FULL_WORDS:
        return PARTIAL
    if negated:
        return NONE
    if words & _FULL_WORDS:
        return FULL
    return None


def _bare_claim(mode: str | None, sentence: str, match: re.Match[str]) -> bool:
    """Whether a compliance phrase without a degree is a claim of full compliance (see _CLAIMS)."""
    if _ASPIRATION.search(sentence):
        return False
    if mode == "is":
        return bool(_IS_BEFORE.search(sentence[: match.end(1)]))
    if mode == "verb":
        verb = _VERB.search(sentence, match.start(), match.end())
        return verb is not None and not _NOT_FINITE_BEFORE.search(sentence[: verb.start()])
    if mode == "window":
        return bool({"ist", "sind"} & set(match.group(1).split()))
    return False


def sentence_status(sentence: str, in_status_section: bool) -> str | None:
    """The status one folded sentence claims, or None when it claims none or several (template text).

    Outside the status section a claim without a degree counts only after "verklaart dat" or when the
    sentence names a standard ("is in overeenstemming met WCAG 2.1").
    """
    if _TEMPLATE.search(sentence) or _NOT_ASSESSED.search(sentence):
        return None
    sentence = _NON_HYPHEN.sub("non ", sentence)
    found, bare = set(), False
    bare_allowed = in_status_section or "verklaart dat" in sentence or standard_in(sentence) is not None
    for pattern, bare_mode in _CLAIMS + ((_BARRIERFREI,) if in_status_section else ()):
        for match in pattern.finditer(sentence):
            status = status_of(match.group(1))
            if status == NONE and _NOT_ALL.match(sentence, match.end()):
                status = PARTIAL  # "voldoet niet aan alle criteria", "does not meet all": partly
            if status:
                found.add(status)
            elif bare_allowed and _bare_claim(bare_mode, sentence, match):
                bare = True
    if not found and bare:
        return FULL
    return found.pop() if len(found) == 1 else None


def w3c_status(texts: Iterable[str]) -> str | None:
    """The status the generator's conformance-status says (its text or a class such as "partial")."""
    statuses = set()
    for text in texts:
        folded = _NON_HYPHEN.sub("non ", fold(text))
        classes = {_W3C_CLASSES[word] for word in folded.split() if word in _W3C_CLASSES}
        if _NOT_ASSESSED.search(folded):
            statuses.add(UNKNOWN)
        elif status := status_of(folded) or (classes.pop() if len(classes) == 1 else None):
            statuses.add(status)
        elif re.search(r"\b(?:conformant|conform|compliant)\b", folded):
            statuses.add(FULL)
    return statuses.pop() if len(statuses) == 1 else None


def read_status(placed: Sequence[PlacedBlock]) -> tuple[str, str | None]:
    """(status, the folded sentence it was read from): the status section's first claim, else the page's."""
    section = [block for block in placed if block.is_in(STATUS) and not block.block.is_heading]
    claims = [
        (status, sentence)
        for block in section
        for sentence in split_sentences(block.block.folded)
        if (status := sentence_status(sentence, in_status_section=True))
    ]
    if claims:
        if {status for status, _ in claims} >= {FULL, PARTIAL, NONE}:
            return UNKNOWN, None
        return claims[0]
    for block in placed:
        if block.block.is_heading or block.is_in(*_OTHER_SECTIONS):
            continue
        for sentence in split_sentences(block.block.folded):
            status = sentence_status(sentence, in_status_section=False)
            if status:
                return status, sentence
    return UNKNOWN, None


def standard_in(folded: str) -> str | None:
    """The first standard a folded text names, normalised: "WCAG 2.1 AA", "WCAG 2.2", "EN 301 549 v3.2.1"."""
    found = []
    for match in _WCAG.finditer(folded):
        level = _LEVEL_AFTER.search(folded[match.end() : match.end() + 80])
        levels = _DOUBLE_A.sub("aa", (level.group(1) or level.group(2)) if level else "")
        best = max(re.findall(r"\ba+\b", levels), key=len, default="")
        found.append((match.start(), f"WCAG {match.group(1)}" + (f" {best.upper()}" if best else "")))
    for match in _EN_301_549.finditer(folded):
        found.append((match.start(), "EN 301 549" + (f" v{match.group(1)}" if match.group(1) else "")))
    return min(found)[1] if found else None


def read_standard(placed: Sequence[PlacedBlock], status_sentence: str | None) -> str | None:
    """The standard named in the status sentence, else in the status section, else first on the page."""
    if status_sentence and (standard := standard_in(status_sentence)):
        return standard
    section = " ".join(block.block.folded for block in placed if block.is_in(STATUS))
    if standard := standard_in(section):
        return standard
    rest = " ".join(block.block.folded for block in placed if not block.is_in(NON_ACCESSIBLE, ALTERNATIVES))
    return standard_in(rest)
