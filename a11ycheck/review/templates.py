"""Page templates: a cheap structure signature per page, and pages grouped by it.

Two pages share a template when their pages are built the same way around their content: the same landmarks
and heading levels outside the main content, the same repeated blocks (a breadcrumb trail), and the same
kind of main content. Words, the number of paragraphs and the menu's items do not count, so every news item
of a site falls in one template and its search page, contact form and listing pages in others.
The grouping is exact on the signature, so it is deterministic and explainable: the signature is the reason.
"""

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# The landmarks a skeleton is made of; anything else a page puts in a role attribute is ignored.
LANDMARK_ROLES = ("banner", "navigation", "search", "complementary", "form", "region", "contentinfo", "main")
# The kinds of main content, in the order that decides a page's one kind: a page with a form is a form page
# even when it also has a list, a listing with articles is a list.
MAIN_KINDS = ("form", "table", "map", "list", "article")
TEXT = "text"  # main content with none of MAIN_KINDS: a plain content page


def structure_signature(structure: object) -> str:
    """The signature of a page from the `structure` part of its script facts (facts_script.py), e.g.
    "banner,contentinfo,navigation,search|h2|breadcrumb|main:form".

    Sets, not counts or order: a second menu or a footer with one heading more is the same template.
    Malformed input gives the signature of an empty page, never an error.
    """
    data = structure if isinstance(structure, dict) else {}
    outside = sorted({role for role in _strings(data.get("outside")) if role in LANDMARK_ROLES} - {"main"})
    levels = sorted({level for level in _ints(data.get("headings")) if 1 <= level <= 6})
    kinds = [kind for kind in MAIN_KINDS if kind in set(_strings(data.get("main")))]
    main_kind = kinds[0] if kinds else TEXT
    parts = [
        ",".join(outside) or "-",
        ",".join(f"h{level}" for level in levels) or "-",
        "breadcrumb" if data.get("breadcrumb") is True else "-",
        f"{'main' if data.get('hasMain') is True else 'body'}:{main_kind}",
    ]
    return "|".join(parts)


def template_id(signature: str) -> str:
    """A short id for a signature, the same in every run: "t" and 7 hex digits."""
    return "t" + hashlib.sha256(signature.encode("utf-8", "replace")).hexdigest()[:7]


@dataclass(frozen=True)
class Template:
    """Pages built alike: `pages` sorted by how close to the site's root they are, then by URL."""

    id: str
    signature: str
    pages: tuple[str, ...]


def cluster_pages(pages: Iterable[tuple[str, str]]) -> list[Template]:
    """Templates from (url, signature) pairs, largest first (then by id): the same input, in any order,
    gives the same templates. A page without a signature ("") is left out: its structure is unknown."""
    groups: dict[str, set[str]] = {}
    for url, signature in pages:
        if signature:
            groups.setdefault(signature, set()).add(url)
    templates = [
        Template(template_id(signature), signature, tuple(sorted(urls, key=url_depth_key)))
        for signature, urls in groups.items()
    ]
    return sorted(templates, key=lambda template: (-len(template.pages), template.id, template.signature))


def url_depth_key(url: str) -> tuple[int, int, str]:
    """Pages nearer the root first (fewer path segments), then shorter, then alphabetical: the hub pages
    of a template before its leaves, deterministically."""
    path = url.split("://", 1)[-1].partition("/")[2].split("?")[0].split("#")[0]
    return (len([segment for segment in path.split("/") if segment]), len(url), url)


def _strings(value: object) -> Sequence[str]:
    return [item for item in value if isinstance(item, str)][:100] if isinstance(value, list) else []


def _ints(value: object) -> Sequence[int]:
    if not isinstance(value, list):
        return []
    return [item for item in value[:100] if isinstance(item, int) and not isinstance(item, bool)]
