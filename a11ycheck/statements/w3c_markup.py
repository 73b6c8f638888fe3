"""The class names the W3C statement generator (and generators compatible with it) put in a statement.

`conformance-status`, `conformance-standard`, `statement-created-date`, `statement-renewal-date`, the
feedback `h-card` (`p-tel`, `u-email`), `accessibility-limitations` (and the `non-compliant`,
`disproportionate-burden`, `exception` items of the Luxembourg generator), `assessment-approaches` and
`complaints`. Where they are present they are read before any sentence: they say exactly what is what.
"""

from dataclasses import dataclass

from lxml import html

from a11ycheck.statements.folding import one_line

MAX_ITEMS = 100


@dataclass(frozen=True)
class W3cMarkup:
    """The texts found under the generator's class names; empty tuples where a class is absent."""

    statuses: tuple[str, ...] = ()  # each conformance-status's text and its other class names
    standards: tuple[str, ...] = ()
    created: tuple[str, ...] = ()
    renewed: tuple[str, ...] = ()
    feedback_links: tuple[tuple[str, str], ...] = ()  # (text, href) of the links in the feedback h-card
    feedback_phones: tuple[str, ...] = ()
    feedback_emails: tuple[str, ...] = ()  # e-mail addresses written as text (no mailto: link)
    limitations: tuple[str, ...] = ()
    approaches: tuple[str, ...] = ()
    complaints: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        """Whether the page carries the generator's markup at all."""
        return bool(
            self.statuses or self.created or self.limitations or self.feedback_links or self.approaches
        )


_CLASSES = (
    "conformance-status", "conformance-standard", "statement-created-date", "statement-renewal-date",
    "h-card", "p-tel", "u-email", "accessibility-limitations", "non-compliant", "disproportionate-burden",
    "exception", "assessment-approaches", "assessment-approach", "complaints",
)  # fmt: skip


# Elements whose class attribute may hold one of _CLASSES, found by libxml2 before Python looks at each.
_CANDIDATES = "descendant-or-self::*[{}]".format(
    " or ".join(f"contains(@class, '{name}')" for name in _CLASSES)
)


def _by_class(root: html.HtmlElement) -> dict[str, list[html.HtmlElement]]:
    """The elements under `root` (itself included) carrying each of the generator's class names."""
    found: dict[str, list[html.HtmlElement]] = {name: [] for name in _CLASSES}
    for element in root.xpath(_CANDIDATES):
        classes = element.get("class")
        if classes:
            for name in classes.split()[:50]:
                if name in found and len(found[name]) < MAX_ITEMS:
                    found[name].append(element)
    return found


def _texts(elements: list[html.HtmlElement]) -> tuple[str, ...]:
    texts = (one_line(" ".join(element.itertext()))[:1000] for element in elements[:MAX_ITEMS])
    return tuple(text for text in texts if text)


def _items(containers: list[html.HtmlElement]) -> list[html.HtmlElement]:
    items = []
    for container in containers:
        items.extend(container.findall("li") or [container])
    return items


def read_w3c_markup(document: html.HtmlElement | None) -> W3cMarkup:
    """What the generator's class names say in this page's tree."""
    if document is None:
        return W3cMarkup()
    found = _by_class(document)
    statuses = []
    for element in found["conformance-status"]:
        classes = " ".join(
            name for name in element.get("class", "").split()[:50] if name != "conformance-status"
        )
        statuses.append(one_line(f"{' '.join(element.itertext())[:500]} {classes}"))
    links, phones, emails = [], [], []
    for card in [card for card in found["h-card"] if "feedback" in card.get("class", "").split()]:
        links.extend((one_line(a.text_content()), a.get("href", "").strip()) for a in card.iter("a"))
        card_classes = _by_class(card)
        phones.extend(_texts(card_classes["p-tel"]))
        emails.extend(text for text in _texts(card_classes["u-email"]) if "@" in text)
    limitations = _items(found["accessibility-limitations"])
    for name in ("non-compliant", "disproportionate-burden", "exception"):
        limitations.extend(_items(found[name]))
    return W3cMarkup(
        statuses=tuple(text for text in statuses if text),
        standards=_texts(found["conformance-standard"]),
        created=_texts(found["statement-created-date"]),
        renewed=_texts(found["statement-renewal-date"]),
        feedback_links=tuple(link for link in links if link[1])[:MAX_ITEMS],
        feedback_phones=tuple(phones)[:MAX_ITEMS],
        feedback_emails=tuple(emails)[:MAX_ITEMS],
        limitations=_texts(limitations),
        approaches=_texts(_items(found["assessment-approaches"] + found["assessment-approach"])),
        complaints=_texts(found["complaints"]),
    )
