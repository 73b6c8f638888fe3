"""The PDF checks: each judges the facts read from one PDF and gives passed, failed or not-applicable.

What each check proves, and what it does not, is in docs/documents.md. The thresholds are here:
bookmarks apply to documents of more than 20 pages, headings to tagged documents with text on more than 3.
"""

import re

from a11ycheck.documents.catalogue import PDF_CHECKS
from a11ycheck.documents.language_tags import language_tag_problem
from a11ycheck.documents.pdf_facts import PdfFacts
from a11ycheck.documents.results import CheckResult, Outcome

BOOKMARKS_FROM_PAGES = 21  # "more than 20 pages"
HEADINGS_FROM_TEXT_PAGES = 4  # "more than 3 pages of text"
FILE_NAME_TITLE = re.compile(r"\.(pdf|docx?|odt|rtf|xlsx?|ods|pptx?|odp|indd|txt|tiff?|jpe?g|png)\s*$", re.I)

PASSED, FAILED, NOT_APPLICABLE = Outcome.PASSED, Outcome.FAILED, Outcome.NOT_APPLICABLE


def pdf_checks(facts: PdfFacts) -> list[CheckResult]:
    """Every PDF check, in the catalogue's order."""
    judged = {
        "tagged": _tagged,
        "title": _title,
        "language": _language,
        "text": _text,
        "figure-alt": _figure_alt,
        "bookmarks": _bookmarks,
        "permissions": _permissions,
        "headings": _headings,
        "tables": _tables,
        "form-fields": _form_fields,
        "link-annotations": _link_annotations,
        "pdfua": _pdfua,
    }
    return [PDF_CHECKS[check_id].result(*judge(facts)) for check_id, judge in judged.items()]


def _is_tagged(facts: PdfFacts) -> bool:
    return facts.structure.present and facts.structure.elements > 0


def _tagged(facts: PdfFacts) -> tuple[Outcome, str]:
    structure = facts.structure
    if not structure.present and not facts.marked:
        return FAILED, "not tagged: no structure tree (StructTreeRoot) and no /MarkInfo /Marked true"
    if not structure.present:
        return FAILED, "/MarkInfo says the document is tagged, but it has no structure tree (StructTreeRoot)"
    if structure.elements == 0:
        return FAILED, "the structure tree is empty: no content is tagged"
    if structure.loops:
        return FAILED, f"the structure tree is damaged: {structure.loops} element(s) contain themselves"
    if not facts.marked:
        return FAILED, "has a structure tree, but /MarkInfo /Marked is not true"
    return PASSED, f"tagged: {structure.elements} structure elements"


def _title(facts: PdfFacts) -> tuple[Outcome, str]:
    title = next((t.strip() for t in (facts.xmp_title, facts.info_title) if t and t.strip()), None)
    if title is None:
        return FAILED, "no title: neither the XMP dc:title nor the Info /Title is set"
    shown = _quote(title)
    if FILE_NAME_TITLE.search(title):
        return FAILED, f"the title {shown} is a file name, not a description of the document"
    if not facts.display_doc_title:
        return FAILED, (
            f"the title {shown} is set, but /ViewerPreferences /DisplayDocTitle is not true: "
            "viewers show the file name instead"
        )
    return PASSED, f"the title {shown} is shown by viewers"


def _language(facts: PdfFacts) -> tuple[Outcome, str]:
    if facts.lang_not_text:
        return FAILED, "the document language (/Lang) is not a text string"
    if facts.lang is None:
        return FAILED, "no document language: the catalog has no /Lang"
    problem = language_tag_problem(facts.lang)
    if problem:
        return FAILED, f"the document language is wrong: {problem}"
    return PASSED, f"the document language is {_quote(facts.lang.strip())}"


def _text(facts: PdfFacts) -> tuple[Outcome, str]:
    if facts.pages == 0:
        return FAILED, "the document has no pages"
    read = facts.pages_read
    scope = f" (the first {read} of {facts.pages} pages read)" if read < facts.pages else ""
    scans = facts.image_only_pages
    if facts.text_pages == 0:
        if scans:
            return FAILED, f"no page has real text, only images: the document looks scanned{scope}"
        return FAILED, f"no page has real text (no text-showing operators){scope}"
    detail = f"text on {facts.text_pages} of {read} pages{scope}"
    if scans:
        detail += f"; {_count(len(scans), 'page')} with images but no text ({_pages(scans)}): scans?"
    return PASSED, detail


def _figure_alt(facts: PdfFacts) -> tuple[Outcome, str]:
    structure = facts.structure
    if not _is_tagged(facts):
        return NOT_APPLICABLE, "not tagged, so there are no tagged figures (see the tagged check)"
    if structure.figures == 0:
        return NOT_APPLICABLE, "no Figure elements"
    missing = structure.figures_without_alt
    if missing:
        where = [p for p in missing if p]
        at = f" ({_pages(where)})" if where else ""
        return FAILED, f"{len(missing)} of {structure.figures} figures have no /Alt or /ActualText{at}"
    return PASSED, f"{_all(structure.figures, 'figure')} alternative text"


def _bookmarks(facts: PdfFacts) -> tuple[Outcome, str]:
    if facts.pages < BOOKMARKS_FROM_PAGES:
        return NOT_APPLICABLE, f"{_count(facts.pages, 'page')}: bookmarks are needed from 21 pages on"
    if facts.has_outline:
        return PASSED, f"{facts.pages} pages, with bookmarks"
    return FAILED, f"{facts.pages} pages, but no bookmarks (outline) to navigate them"


def _permissions(facts: PdfFacts) -> tuple[Outcome, str]:
    if not facts.encrypted:
        return PASSED, "not encrypted: assistive technology may read the content"
    if facts.accessibility_allowed:
        return PASSED, "encrypted, but content extraction for accessibility is allowed"
    return FAILED, (
        "encrypted without the permission to extract content for accessibility (bit 10): "
        "screen readers may be refused the text"
    )


def _headings(facts: PdfFacts) -> tuple[Outcome, str]:
    if not _is_tagged(facts):
        return NOT_APPLICABLE, "not tagged (see the tagged check)"
    if facts.text_pages < HEADINGS_FROM_TEXT_PAGES:
        return NOT_APPLICABLE, f"text on {_count(facts.text_pages, 'page')}: headings are expected from 4 on"
    if facts.structure.headings:
        return PASSED, f"{_count(facts.structure.headings, 'heading')} tagged (H, H1-H6)"
    return FAILED, f"text on {facts.text_pages} pages, but no heading is tagged (H, H1-H6)"


def _tables(facts: PdfFacts) -> tuple[Outcome, str]:
    structure = facts.structure
    if not _is_tagged(facts):
        return NOT_APPLICABLE, "not tagged (see the tagged check)"
    if structure.tables == 0:
        return NOT_APPLICABLE, "no Table elements"
    without = structure.tables - structure.tables_with_header
    if without:
        return FAILED, f"{without} of {structure.tables} tables have no header cells (TH)"
    return PASSED, f"{_all(structure.tables, 'table')} header cells (TH)"


def _form_fields(facts: PdfFacts) -> tuple[Outcome, str]:
    if not facts.widgets:
        return NOT_APPLICABLE, "no form fields"
    unnamed = [w.page for w in facts.widgets if not w.ok]
    if unnamed:
        return FAILED, (
            f"{len(unnamed)} of {len(facts.widgets)} form fields have no accessible name "
            f"(/TU tooltip) ({_pages(unnamed)})"
        )
    return PASSED, f"{_all(len(facts.widgets), 'form field')} an accessible name"


def _link_annotations(facts: PdfFacts) -> tuple[Outcome, str]:
    if not facts.links:
        return NOT_APPLICABLE, "no links"
    bad = [link.page for link in facts.links if not link.ok]
    if bad:
        return FAILED, (
            f"{len(bad)} of {len(facts.links)} links are neither tagged in a /Link element "
            f"nor described by /Contents ({_pages(bad)})"
        )
    links = "the link is" if len(facts.links) == 1 else f"all {len(facts.links)} links are"
    return PASSED, f"{links} tagged or described"


def _pdfua(facts: PdfFacts) -> tuple[Outcome, str]:
    if facts.pdfua_part:
        return PASSED, f"claims PDF/UA-{facts.pdfua_part} (pdfuaid:part in the XMP metadata); not verified"
    return FAILED, "no PDF/UA identifier (pdfuaid:part) in the XMP metadata"


def _all(n: int, noun: str) -> str:
    """ "the figure has" or "all 3 figures have" """
    return f"the {noun} has" if n == 1 else f"all {n} {noun}s have"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _pages(numbers: list[int], shown: int = 10) -> str:
    unique = sorted(set(numbers))
    listed = ", ".join(str(n) for n in unique[:shown])
    more = f" and {len(unique) - shown} more" if len(unique) > shown else ""
    return f"page {listed}" if len(unique) == 1 else f"pages {listed}{more}"


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[: limit - 3] + "..."}"'
