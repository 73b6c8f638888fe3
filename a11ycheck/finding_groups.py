"""Fix-once groups: findings that repeat on many pages because they come from a shared template (the same
rule failing on the same element of the header, footer or navigation) are one problem with one fix.

An element is recognised across pages by its selector and its HTML, with what legitimately differs from page
to page left out: the marks of the current page in a menu (`aria-current`, `aria-selected`, classes such as
`active`, `current`, `selected`, `is-open`). An element inside a frame whose document was also audited as a
page of its own (the map a contact page embeds) is one element: grouped by its selector and HTML within the
frame, listed under the frame's own URL with the pages that embed it.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_PAGE_MARKS = re.compile(r'\s(?:aria-current|aria-selected)="[^"]*"', re.IGNORECASE)
_CLASS = re.compile(r'\sclass="([^"]*)"', re.IGNORECASE)
_MARK_CLASSES = re.compile(r"^(?:is-)?(?:active|current|selected|open|expanded)$", re.IGNORECASE)


@dataclass(frozen=True)
class FoundNode:
    """One failing element as stored: the page it was found on, its rule and axe's selector path."""

    page_url: str
    rule: str
    impact: str | None
    level: str
    help: str
    target: tuple[str, ...]  # one selector per frame level
    html: str

    def to_dict(self) -> dict:
        return {
            "page": self.page_url,
            "rule": self.rule,
            "impact": self.impact,
            "level": self.level,
            "element": {"target": list(self.target), "html": self.html},
        }

    def row(self) -> tuple[str, ...]:
        """rule, impact, page, element: a line of `a11ycheck findings`."""
        return (self.rule, self.impact or "", self.page_url, selector_text(self.target))


@dataclass
class FindingGroup:
    """One element failing one rule on several pages: fix it once, in the template."""

    rule: str
    impact: str | None
    level: str
    help: str
    target: tuple[str, ...]  # the element as a page of its own shows it (the frame's page, for a frame)
    html: str
    pages: list[str] = field(default_factory=list)  # every page it fails on, embedding pages included
    frame_url: str | None = None  # the frame's own URL, when the element is in a frame audited on its own

    def row(self) -> tuple[str, ...]:
        """pages, rule, impact, element: a line of `a11ycheck findings --group`."""
        return (str(len(self.pages)), self.rule, self.impact or "", selector_text(self.target))

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "impact": self.impact,
            "level": self.level,
            "help": self.help,
            "element": {"target": list(self.target), "html": self.html},
            "frame_url": self.frame_url,
            "pages": self.pages,
        }


def selector_text(target: tuple[str, ...]) -> str:
    """axe's selector path as one line, frames joined by " >>> " as in the CSV export."""
    return " >>> ".join(target)


def element_key(html: str) -> str:
    """The element's HTML without the marks of the page it is on."""
    text = _PAGE_MARKS.sub("", html)

    def without_marks(match: re.Match) -> str:
        kept = [token for token in match.group(1).split() if not _MARK_CLASSES.match(token)]
        return f' class="{" ".join(kept)}"' if kept else ""

    return _CLASS.sub(without_marks, text)


def group_findings(nodes: Iterable[FoundNode], minimum_pages: int = 2) -> list[FindingGroup]:
    """The groups of elements failing the same rule on at least `minimum_pages` pages, the largest first."""
    groups: dict[tuple, FindingGroup] = {}
    own_pages: dict[tuple, list[str]] = {}  # where the element was found in the top document
    embedded: set[tuple] = set()  # groups with an occurrence inside a frame
    for node in nodes:
        key = (node.rule, node.target[-1] if node.target else "", element_key(node.html))
        group = groups.get(key)
        if group is None:
            group = groups[key] = FindingGroup(
                node.rule, node.impact, node.level, node.help, node.target, node.html
            )
        if len(node.target) > 1:
            embedded.add(key)
        else:
            own_pages.setdefault(key, []).append(node.page_url)
            group.target, group.html = node.target, node.html  # as its own page shows it
        if node.page_url not in group.pages:
            group.pages.append(node.page_url)
    found = []
    for key, group in groups.items():
        if len(group.pages) < minimum_pages:
            continue
        if key in embedded and key in own_pages:  # a frame's document, audited as a page of its own too
            group.frame_url = sorted(own_pages[key])[0]
        group.pages.sort()
        found.append(group)
    found.sort(key=lambda g: (-len(g.pages), g.rule, g.target))
    return found
