"""read_statement: what an accessibility statement page says, field by field, read from its HTML alone.

Nothing here fetches, stores or prints: the crawl gives the HTML and the address, the store keeps the
reading. A page that is not a statement gives a reading with is_statement False, every field empty, and the
problem codes that say why (shape.py); a field that could not be read is "unknown", None or empty, never a
guess.
"""

from dataclasses import dataclass
from datetime import date

from a11ycheck.statements.complaints import describes_enforcement
from a11ycheck.statements.compliance import UNKNOWN, read_standard, read_status, standard_in, w3c_status
from a11ycheck.statements.contacts import read_feedback
from a11ycheck.statements.folding import fold
from a11ycheck.statements.language import detect_language
from a11ycheck.statements.non_accessible import read_non_accessible
from a11ycheck.statements.page_text import read_page
from a11ycheck.statements.preparation import UNKNOWN_METHOD, read_method, read_preparation
from a11ycheck.statements.sections import (
    ENFORCEMENT,
    FEEDBACK,
    NON_ACCESSIBLE,
    PREPARATION,
    STATUS,
    place_blocks,
)
from a11ycheck.statements.shape import judge_shape
from a11ycheck.statements.w3c_markup import read_w3c_markup


@dataclass(frozen=True)
class StatementReading:
    """One page read as an accessibility statement.

    The first fields are those of the export's `statement` object; the rest are kept for the report and for
    holding the statement against the audit (contradictions.py).
    """

    url: str
    is_statement: bool
    status: str = UNKNOWN  # full, partial, none, unknown
    standard: str | None = None  # "WCAG 2.1 AA", "WCAG 2.2 AA", "EN 301 549 v3.2.1"
    prepared_on: date | None = None
    reviewed_on: date | None = None
    method: str = UNKNOWN_METHOD  # self-assessment, third-party, unknown
    feedback: tuple[str, ...] = ()  # mailto:, tel: and https: URIs
    enforcement: bool = False
    non_accessible_content: bool = False
    problems: tuple[str, ...] = ()  # codes: why the page is not a statement (problems.py has the words)
    language: str | None = None  # nl, fr, en, de, or None
    non_accessible_items: tuple[str, ...] = ()
    non_accessible_criteria: tuple[str, ...] = ()  # WCAG success criteria named there: ("1.1.1", "1.4.3")
    reasons_given: bool = False  # why the content is not accessible (the model's reasons, or "because")
    alternatives: bool = False  # accessible alternatives offered
    prepared_month: str | None = None  # "2020-09" when only a month was written (prepared_on is then None)
    reviewed_month: str | None = None
    dates_that_do_not_exist: tuple[str, ...] = ()  # "31 februari 2021": read as no date
    title: str = ""
    names_itself: bool = False  # its h1 or title is a statement's name
    parts: tuple[str, ...] = ()  # the model parts seen: status, non-accessible, preparation, feedback, ...
    w3c_markup: bool = False  # made with the W3C generator (or one using its class names)
    truncated: bool = False  # the page was longer than what is read (page_text.MAX_READ_BYTES)


def _month(value: tuple[int, int] | None) -> str | None:
    return f"{value[0]:04d}-{value[1]:02d}" if value else None


def read_statement(html: str | bytes, url: str) -> StatementReading:
    """Read a page as an accessibility statement (see the module docstrings for each field's rules).

    `html` is the page as fetched (bytes are decoded by their BOM or meta charset, else as UTF-8) and `url`
    its address, against which its links are resolved. Never raises on the page's content.
    """
    page = read_page(html, url)
    placed = place_blocks(page.blocks)
    w3c = read_w3c_markup(page.document)
    language = detect_language(" ".join(block.folded for block in page.blocks), page.lang)

    status, status_sentence = read_status(placed)
    if w3c.statuses and (from_markup := w3c_status(w3c.statuses)):
        status, status_sentence = from_markup, None
    standard = read_standard(placed, status_sentence)
    if w3c.standards:
        standard = standard_in(fold(" ".join(w3c.standards))) or standard
    method = read_method(placed, w3c.approaches)
    preparation = read_preparation(placed, w3c.created, w3c.renewed)
    feedback = read_feedback(placed, w3c, url)
    enforcement = describes_enforcement(placed, w3c)
    content = read_non_accessible(placed, w3c)

    by_text = {
        STATUS: status != UNKNOWN,
        NON_ACCESSIBLE: content.listed,
        PREPARATION: bool(preparation.prepared_on or preparation.reviewed_on or method != UNKNOWN_METHOD),
        FEEDBACK: bool(feedback),
        ENFORCEMENT: enforcement,
    }
    shape = judge_shape(
        page, placed, w3c, frozenset(part for part, seen in by_text.items() if seen), language
    )
    common = dict(
        url=url,
        language=language,
        title=page.title,
        names_itself=shape.names_itself,
        parts=tuple(part for part in by_text if part in shape.parts_by_structure | shape.parts_by_text),
        w3c_markup=w3c.found,
        truncated=page.truncated,
    )
    if not shape.is_statement:
        return StatementReading(is_statement=False, problems=shape.problems, **common)
    return StatementReading(
        is_statement=True,
        status=status,
        standard=standard,
        prepared_on=preparation.prepared_on,
        reviewed_on=preparation.reviewed_on,
        method=method,
        feedback=feedback,
        enforcement=enforcement,
        non_accessible_content=content.listed,
        non_accessible_items=content.items,
        non_accessible_criteria=content.criteria,
        reasons_given=content.reasons_given,
        alternatives=content.alternatives,
        prepared_month=_month(preparation.prepared_month),
        reviewed_month=_month(preparation.reviewed_month),
        dates_that_do_not_exist=preparation.dates_that_do_not_exist,
        **common,
    )
