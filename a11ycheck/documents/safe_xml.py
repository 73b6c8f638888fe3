"""Parsing XML from hostile files (OOXML and ODF parts, PDF XMP metadata) without entity tricks.

lxml with entity resolution, DTD loading and network access off; and XML that declares a DTD is refused
outright: these formats never need one, and a DTD is how entity bombs ("billion laughs") and external
entities get in.
"""

from lxml import etree


class XmlRefused(Exception):
    """Not well-formed, or declares a DTD; the message says which part."""


_PARSER = etree.XMLParser(
    resolve_entities=False,
    load_dtd=False,
    no_network=True,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)


def parse_xml(data: bytes, what: str) -> etree._Element:
    """The root element of `data`; XmlRefused when it is not well-formed XML or declares a DTD."""
    if any(marker in data for marker in _DTD_MARKERS):
        raise XmlRefused(f"{what} declares a DTD, which these documents never need (refused)")
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        reason = (str(exc).splitlines() or ["syntax error"])[0][:120]
        raise XmlRefused(f"{what} is not well-formed XML ({reason})") from None
    if root is None:
        raise XmlRefused(f"{what} is empty")
    return root


def element_text(element: etree._Element | None) -> str | None:
    """All the text inside an element, stripped; None when there is none."""
    if element is None:
        return None
    value = "".join(element.itertext()).strip()
    return value or None
