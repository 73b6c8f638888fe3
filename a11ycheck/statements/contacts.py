"""The feedback contacts a statement gives: e-mail (mailto:), phone (tel:) and form or contact pages.

Read from the generator's feedback h-card, then from the feedback section; a page without a feedback
heading is read in the blocks that speak of feedback or contact (and the list right after one ending in a
colon). Never from the complaint section, and never a contact of an enforcement body (an ombudsman's
address is the complaint procedure, not the feedback mechanism). Phone numbers become tel: URIs of digits:
"+32 (0)9 123 45 67" and "0032 9 123 45 67" give tel:+3291234567; a national number ("09 123 45 67") gets
the country code of the site's domain (.be, .vlaanderen, .brussels, .gent: 32; .nl 31; .fr 33; .de 49; .lu
352; .at 43; .ch 41) and stays as written without one (tel:091234567). A phone number in running text is
read only within PHONE_REACH characters after a phone word ("tel.", "telefoon", "bel", "phone", "téléphone",
"Telefon"), and only when diallable (not "9.00-17.00"). A web address counts when its words or path speak of
contact, a form, a report or feedback, written out or linked.
"""

import re
from collections.abc import Iterable, Sequence
from urllib.parse import unquote, urlsplit

from a11ycheck.statements.folding import fold, split_sentences
from a11ycheck.statements.page_text import Link
from a11ycheck.statements.sections import ALTERNATIVES, ENFORCEMENT, FEEDBACK, NON_ACCESSIBLE, PlacedBlock
from a11ycheck.statements.w3c_markup import W3cMarkup

MAX_CONTACTS = 20
_COUNTRY_CODES = {"be": "32", "vlaanderen": "32", "brussels": "32", "gent": "32", "nl": "31", "fr": "33"}
_COUNTRY_CODES |= {"de": "49", "lu": "352", "at": "43", "ch": "41"}
_EMAIL = re.compile(r"[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,24}\b")
_AT = re.compile(r"\s*[\[({]\s*(?:at|apestaart|arobase)\s*[\])}]\s*")
_DOT = re.compile(r"\s*[\[({]\s*(?:dot|punt|point)\s*[\])}]\s*")
_PHONE_CUE = re.compile(
    r"\b(?:tel|telefoon|telefonisch|telefoonnummer|bel|bellen|phone|telephone|call|appelez|telefon|gsm|fon)\b"
)
PHONE_REACH = 60  # a number is read up to this many characters after its phone word
_PHONE = re.compile(r"(?<![\d.,])(?:\+|00)?\(?\d[\d ./()-]{2,20}\d(?![\d])")
# A phone number as written in Belgium and around: international (+32, 0032), national (0 and the area
# code), a short number (1700), or a Dutch municipal 14 number (14 0123); not a time (9.00-17.00).
_DIALLABLE = re.compile(r"(?:\+|00|0)\d{6,}|1\d{3}|140\d{2,3}")
_WRITTEN_URL = re.compile(r"https?://[^\s<>\"'()\[\]]{3,300}")
_CONTACTISH = re.compile(
    r"contact|formulier|\bform|melding|meld|feedback|kontakt|signal|klantendienst|loket|vraag|vragen|question"
    r"|reageer|reactie|probleem|problem|support|hulp|help|aanvraag|ecrivez|schreiben"
)
_FEEDBACK_CUE = re.compile(
    r"feedback|contact|opmerking|vragen|vraag|meld|probleem|laat (?:het )?ons weten|mail|\bbel\b|signal"
    r"|ecrivez|let us know|kontakt|melden sie|schreiben sie|problem|question|write to us|telefo|phone"
)
_ENFORCEMENT_BODY = re.compile(
    r"ombuds|mediat|schlichtung|defenseur|equality advisory|equalityhumanrights|klachtencommissie|unia\b"
)


def _country_code(page_url: str) -> str | None:
    try:
        host = urlsplit(page_url).hostname or ""
    except ValueError:
        return None
    return _COUNTRY_CODES.get(host.rsplit(".", 1)[-1])


def normalise_phone(raw: str, country_code: str | None = None) -> str | None:
    """A tel: URI of the number's digits ("+" and the country code when known), or None when not a number."""
    text = unquote(raw.strip())
    text = re.sub(r"^tel:", "", text, flags=re.I).strip()
    international = text.startswith(("+", "00"))
    text = re.sub(r"(?<=\d)\s*\(0\)", "", text)  # "+32 (0)9": the trunk 0 is not dialled from abroad
    digits = re.sub(r"\D", "", text)
    if international and text.startswith("00"):
        digits = digits[2:]
    if not 3 <= len(digits) <= 15:
        return None
    if international:
        return f"tel:+{digits}"
    if digits.startswith("0") and country_code:
        return f"tel:+{country_code}{digits[1:]}"
    return f"tel:{digits}"


def normalise_email(raw: str) -> str | None:
    """mailto: and the address in lower case, without ?subject= or other parameters; None if not one."""
    address = unquote(re.sub(r"^mailto:", "", raw.strip(), flags=re.I)).split("?")[0].strip().lower()
    match = _EMAIL.fullmatch(address)
    return f"mailto:{address}" if match else None


def _web_link(link: Link, page_url: str) -> str | None:
    try:
        parts = urlsplit(link.href)
        page = urlsplit(page_url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if (parts.netloc, parts.path, parts.query) == (page.netloc, page.path, page.query):
        return None  # a link to a place on the statement itself
    if not _CONTACTISH.search(fold(f"{link.text} {parts.path} {parts.query}")):
        return None
    return link.href


def _from_link(link: Link, page_url: str, country: str | None) -> str | None:
    if _ENFORCEMENT_BODY.search(fold(f"{link.text} {link.href}")):
        return None
    scheme = link.href.split(":", 1)[0].lower()
    if scheme == "mailto":
        return normalise_email(link.href)
    if scheme == "tel":
        return normalise_phone(link.href, country)
    return _web_link(link, page_url)


def _from_text(text: str, country: str | None, page_url: str = "") -> list[str]:
    found = []
    for address in _WRITTEN_URL.findall(text):  # an address written out, not linked
        if not _ENFORCEMENT_BODY.search(fold(address)):
            found.append(_web_link(Link("", address.rstrip(".,;:!?")), page_url))
    for sentence in split_sentences(fold(text)):
        if _ENFORCEMENT_BODY.search(sentence):
            continue
        plain = _DOT.sub(".", _AT.sub("@", sentence))
        found.extend(filter(None, (normalise_email(match.group()) for match in _EMAIL.finditer(plain))))
        for cue in _PHONE_CUE.finditer(sentence):
            for number in _PHONE.finditer(sentence, cue.end(), cue.end() + PHONE_REACH):
                written = re.sub(r"[^\d+]", "", re.sub(r"\(0\)", "", number.group()))
                if _DIALLABLE.fullmatch(written):
                    found.append(normalise_phone(number.group(), country))
                    break
    return [contact for contact in found if contact]


def _feedback_blocks(placed: Sequence[PlacedBlock]) -> list[PlacedBlock]:
    """The feedback section's blocks, or (without one) the blocks that speak of feedback or contact."""
    section = [block for block in placed if block.is_in(FEEDBACK)]
    if section:
        return section
    chosen, follows_cue = [], False
    for block in placed:
        if block.is_in(ENFORCEMENT, NON_ACCESSIBLE, ALTERNATIVES) or block.block.is_heading:
            follows_cue = False
            continue
        has_cue = bool(_FEEDBACK_CUE.search(block.block.folded))
        if has_cue or (follows_cue and block.block.tag == "li"):
            chosen.append(block)
        if has_cue:
            follows_cue = block.block.folded.rstrip().endswith(":")
        elif block.block.tag != "li":
            follows_cue = False
    return chosen


def read_feedback(placed: Sequence[PlacedBlock], w3c: W3cMarkup, page_url: str) -> tuple[str, ...]:
    """The feedback contacts as URIs (mailto:, tel:, https:), in the order written, each once."""
    country = _country_code(page_url)
    found: list[str | None] = [
        _from_link(Link(text, href), page_url, country) for text, href in w3c.feedback_links
    ]
    found += [normalise_phone(phone, country) for phone in w3c.feedback_phones]
    found += [normalise_email(email) for email in w3c.feedback_emails]
    for block in _feedback_blocks(placed):
        found += [_from_link(link, page_url, country) for link in block.block.links]
        found += _from_text(block.block.text, country, page_url)
    return _unique(found)[:MAX_CONTACTS]


def _unique(contacts: Iterable[str | None]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for contact in contacts:
        if contact:
            seen.setdefault(contact, None)
    return tuple(seen)
