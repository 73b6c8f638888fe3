"""What the sample is chosen from: the facts the crawl saw on each page, and the documents it found.

The crawl runs `facts_script.PAGE_FACTS_FUNCTION` in each page; `page_facts_from_script` turns what it
returned (hostile input: any type, any size) into a PageFacts, and `link_texts_by_target` gathers, over the
whole site, the names of the links pointing to each page: a site's own words for its pages ("Contact",
"Toegankelijkheid") are the strongest hint of what a page is.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from a11ycheck.review.facts_script import MAX_HEADINGS, MAX_LANDMARKS, MAX_LINKS, MAX_TEXT
from a11ycheck.review.templates import LANDMARK_ROLES, structure_signature
from a11ycheck.urls import normalize_url

MAX_LINK_TEXTS = 50  # distinct names kept per target page
MAX_URL = 2048
DOCUMENT_TYPES = (
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument",
    "application/vnd.oasis.opendocument",
    "application/vnd.ms-",
    "application/rtf",
    "text/rtf",
    "application/epub",
)


@dataclass(frozen=True)
class PageFacts:
    """One crawled page as the sample sees it. Texts are cut at MAX_TEXT characters.

    `link_texts`: the accessible names of the links on other pages of the site that point to this page.
    `form_count`: forms that are not search forms. `landmarks`: landmark roles in document order.
    `signature`: its structure signature (templates.structure_signature), "" when unknown.
    """

    url: str
    title: str = ""
    h1: tuple[str, ...] = ()
    h2: tuple[str, ...] = ()
    link_texts: tuple[str, ...] = ()
    has_password_field: bool = False
    has_search_field: bool = False
    form_count: int = 0
    landmarks: tuple[str, ...] = ()
    signature: str = ""
    is_document: bool = False
    content_type: str | None = None


@dataclass(frozen=True)
class DocumentFacts:
    """A downloadable document the crawl found (PDF, office file), with the pages that link to it."""

    url: str
    content_type: str | None = None
    linked_from: tuple[str, ...] = ()


def page_facts_from_script(url: str, raw: object, link_texts: Iterable[str] = ()) -> PageFacts:
    """A PageFacts from what PAGE_FACTS_FUNCTION returned in `url`'s document; anything malformed is left
    at its default (empty, False, 0, unknown), never an error."""
    data = raw if isinstance(raw, dict) else {}
    content_type = _text(data.get("contentType")) or None
    return PageFacts(
        url=url,
        title=_text(data.get("title")),
        h1=_texts(data.get("h1"), MAX_HEADINGS),
        h2=_texts(data.get("h2"), MAX_HEADINGS),
        link_texts=_texts(list(link_texts), MAX_LINK_TEXTS),
        has_password_field=data.get("password") is True,
        has_search_field=data.get("search") is True,
        form_count=_count(data.get("forms")),
        landmarks=tuple(
            role for role in _texts(data.get("landmarks"), MAX_LANDMARKS) if role in LANDMARK_ROLES
        ),
        signature=structure_signature(data.get("structure")) if "structure" in data else "",
        is_document=is_document_type(content_type),
        content_type=content_type,
    )


def links_from_script(raw: object) -> tuple[tuple[str, str], ...]:
    """The (href, accessible name) pairs of a page's links, from PAGE_FACTS_FUNCTION's result."""
    links = raw.get("links") if isinstance(raw, dict) else None
    if not isinstance(links, list):
        return ()
    pairs = []
    for item in links[:MAX_LINKS]:
        if isinstance(item, list) and len(item) == 2 and all(isinstance(part, str) for part in item):
            href, name = item
            if href.startswith(("http://", "https://")) and len(href) <= MAX_URL:
                pairs.append((href, _text(name)))
    return tuple(pairs)


def link_texts_by_target(
    links_by_page: Mapping[str, Iterable[tuple[str, str]]],
) -> dict[str, tuple[str, ...]]:
    """For each linked URL (normalised as the crawl stores URLs), the distinct non-empty names of the links
    pointing to it from other pages, most frequent first, then alphabetically; a page's links to itself are
    not counted (a page names itself in its own menu, which says nothing about what it is)."""
    counts: dict[str, dict[str, int]] = {}
    for page_url, links in links_by_page.items():
        source = _normalised(page_url)
        for href, name in links:
            target = _normalised(href)
            if not target or target == source or not name.strip():
                continue
            names = counts.setdefault(target, {})
            names[name.strip()] = names.get(name.strip(), 0) + 1
    return {
        target: tuple(sorted(names, key=lambda name: (-names[name], name))[:MAX_LINK_TEXTS])
        for target, names in sorted(counts.items())
    }


def usable_page(page: PageFacts) -> PageFacts | None:
    """The page with every field of the expected type (texts that are not strings dropped, ...), or None
    when its URL is not an http(s) URL: facts may come from a database or a caller as well as the script."""
    if not isinstance(page, PageFacts) or not _is_web_url(page.url):
        return None
    return PageFacts(
        url=page.url,
        title=_text(page.title),
        h1=_texts(list(page.h1) if isinstance(page.h1, tuple | list) else None, MAX_HEADINGS),
        h2=_texts(list(page.h2) if isinstance(page.h2, tuple | list) else None, MAX_HEADINGS),
        link_texts=_texts(
            list(page.link_texts) if isinstance(page.link_texts, tuple | list) else None, MAX_LINK_TEXTS
        ),
        has_password_field=page.has_password_field is True,
        has_search_field=page.has_search_field is True,
        form_count=_count(page.form_count),
        landmarks=tuple(role for role in page.landmarks if role in LANDMARK_ROLES)
        if isinstance(page.landmarks, tuple | list)
        else (),
        signature=page.signature if isinstance(page.signature, str) else "",
        is_document=page.is_document is True,
        content_type=page.content_type if isinstance(page.content_type, str) else None,
    )


def usable_document(document: DocumentFacts) -> DocumentFacts | None:
    """The document with only http(s) URLs among the pages that link to it; None when its own URL is not
    one."""
    if not isinstance(document, DocumentFacts) or not _is_web_url(document.url):
        return None
    linked = document.linked_from if isinstance(document.linked_from, tuple | list) else ()
    content_type = document.content_type if isinstance(document.content_type, str) else None
    return DocumentFacts(document.url, content_type, tuple(url for url in linked if _is_web_url(url)))


def is_document_type(content_type: str | None) -> bool:
    """Whether a content type is one of a downloadable document (PDF, office formats, RTF, EPUB)."""
    kind = (content_type or "").split(";")[0].strip().lower()
    return bool(kind) and kind.startswith(DOCUMENT_TYPES)


def _is_web_url(url: object) -> bool:
    """An http(s) URL with a host that parses."""
    if not isinstance(url, str) or len(url) > MAX_URL or not url.lower().startswith(("http://", "https://")):
        return False
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:
        return False


def _normalised(url: str) -> str:
    """The URL as the crawl stores it; "" for anything that is not an http(s) URL."""
    if not _is_web_url(url):
        return ""
    try:
        return normalize_url(url)
    except ValueError:
        return ""


def _text(value: object) -> str:
    return " ".join(value.split())[:MAX_TEXT] if isinstance(value, str) else ""


def _texts(value: object, limit: int) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(text for text in (_text(item) for item in value[:limit]) if text)


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return 0
    return int(max(0, min(value, 10_000)))
