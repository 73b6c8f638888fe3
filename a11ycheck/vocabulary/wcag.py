"""WCAG levels and versions as axe tags name them, and the findings the EU directive (WCAG 2.1 AA) counts."""

import re

WCAG_21_LEVELS = frozenset({"A", "AA"})
WCAG_21_VERSIONS = frozenset({"2.0", "2.1"})  # 2.2-only rules are not required by the EU directive
SERIOUS_IMPACTS = frozenset({"serious", "critical"})
ADVICE_LEVELS = ("best-practice", "experimental")

_CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")
_LEVEL_TAG = re.compile(r"^wcag(2|21|22)(a{1,3})$")


def wcag_criteria(tags: list[str]) -> list[str]:
    """Success criteria named by axe tags: "wcag111" -> "1.1.1", "wcag1412" -> "1.4.12"."""
    found = []
    for tag in tags:
        match = _CRITERION_TAG.match(tag)
        if match:
            found.append(".".join(match.groups()))
    return found


def wcag_level(tags: list[str]) -> tuple[str, str | None]:
    """(level, version) of a rule: ("AA", "2.1"), or ("best-practice", None) when no WCAG level tag.

    The lowest level and earliest version win: a rule tagged wcag2a is an A failure under WCAG 2.0, 2.1
    and 2.2 alike, which is what the EU Web Accessibility Directive (WCAG 2.1 AA) cares about.
    """
    best: tuple[int, str, str] | None = None
    for tag in tags:
        match = _LEVEL_TAG.match(tag)
        if not match:
            continue
        version = {"2": "2.0", "21": "2.1", "22": "2.2"}[match.group(1)]
        level = match.group(2).upper()
        rank = (len(level), version)
        if best is None or rank < best[:2]:
            best = (len(level), version, level)
    if best is None:
        return ("experimental" if "experimental" in tags else "best-practice", None)
    return best[2], best[1]


def is_wcag21_a_or_aa(level: str, wcag_version: str | None) -> bool:
    """A finding the EU directive counts: a WCAG 2.0 or 2.1 rule of level A or AA."""
    return level in WCAG_21_LEVELS and wcag_version in WCAG_21_VERSIONS
