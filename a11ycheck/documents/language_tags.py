"""Is a document language a valid BCP 47 tag?

Two steps: the tag must be well formed by RFC 5646's syntax exactly as written (hyphens, ASCII letters and
digits: `nl_BE` and `Nederlands` are not), and every subtag must be registered, which `langcodes` checks
against the IANA registry. `und` (undetermined) and `zxx` (no linguistic content) name no language.
Extended language subtags (`zh-yue`) are accepted when well formed; their registry prefixes are not
checked.
"""

import re

import langcodes

_ALPHANUM = "[A-Za-z0-9]"
_WELL_FORMED = re.compile(
    r"^(?:"
    r"(?P<langtag>[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4}|[A-Za-z]{5,8})"  # language, extlangs
    r"(?:-[A-Za-z]{4})?"  # script
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"  # region
    rf"(?:-(?:{_ALPHANUM}{{5,8}}|[0-9]{_ALPHANUM}{{3}}))*"  # variants
    rf"(?:-[0-9A-WY-Za-wy-z](?:-{_ALPHANUM}{{2,8}})+)*"  # extensions
    rf"(?:-x(?:-{_ALPHANUM}{{1,8}})+)?"  # private use
    rf"|x(?:-{_ALPHANUM}{{1,8}})+"  # a private-use tag on its own
    r")$"
)
GRANDFATHERED = frozenset(
    "en-gb-oed i-ami i-bnn i-default i-enochian i-hak i-klingon i-lux i-mingo i-navajo i-pwn i-tao i-tay "
    "i-tsu sgn-be-fr sgn-be-nl sgn-ch-de art-lojban cel-gaulish no-bok no-nyn zh-guoyu zh-hakka zh-min "
    "zh-min-nan zh-xiang".split()
)
NO_LANGUAGE = frozenset({"und", "zxx"})


def language_tag_problem(tag: str | None) -> str | None:
    """None when `tag` is a valid BCP 47 tag naming a language, else what is wrong, in plain words."""
    if tag is None:
        return "no language is set"
    if not tag.strip(" \t\r\n\x00"):
        return "the language is empty"
    tag = tag.strip(" \t\r\n\x00")  # padding some producers leave around the tag
    if len(tag) > 100 or not (_WELL_FORMED.match(tag) or tag.lower() in GRANDFATHERED):
        return f'"{_shown(tag)}" is not a valid BCP 47 language tag (like nl or nl-BE)'
    if not langcodes.tag_is_valid(tag):
        return f'"{_shown(tag)}" is not a registered BCP 47 language tag (like nl or nl-BE)'
    if tag.split("-")[0].lower() in NO_LANGUAGE:
        return f'"{_shown(tag)}" names no language'
    return None


def _shown(text: str) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 40 else text[:37] + "..."
