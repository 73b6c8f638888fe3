"""A draft accessibility statement following the EU model (Implementing Decision (EU) 2018/1523), in
Flemish Dutch or English, filled in from the conformance table and the organisation's contact details.

It is a draft: what cannot be known from the audit (disproportionate burden, content out of scope, the
enforcement body, the last review) is marked to be completed, and so is any contact detail not set. The
compliance status follows the table: full only when all 50 criteria were evaluated and none fails,
partial when some fail, left open (with the reason) when the evaluation is incomplete and nothing failed.
Everything is rendered with Jinja2 autoescaping: URLs, titles and notes may come from hostile pages.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from a11ycheck.review.conformance import ConformanceTable
from a11ycheck.review.html_output import environment
from a11ycheck.review.plain_words import PLAIN_WORDS
from a11ycheck.review.verdicts import NOT_CONFORMANT, NOT_TESTED

LANGUAGES = ("nl", "en")
SELF_ASSESSMENT = "self-assessment"
THIRD_PARTY = "third-party"
EVALUATION_METHODS = (SELF_ASSESSMENT, THIRD_PARTY)
FULL = "full"
PARTIAL = "partial"
OPEN = "open"
_MONTHS = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ),
}  # fmt: skip
_EMAIL = re.compile(r"^[^@\s<>\"'(),;:\\\[\]]+@[^@\s<>\"'(),;:\\\[\]]+\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class OrganisationContact:
    """What the statement says about the organisation: its name, how to give feedback (an e-mail address,
    a form), where its complaints procedure is, and how the site was evaluated (SELF_ASSESSMENT or
    THIRD_PARTY, by `evaluator`). Anything left None is marked in the draft as to be completed."""

    name: str
    feedback_email: str | None = None
    feedback_form_url: str | None = None
    complaints_url: str | None = None
    evaluation_method: str | None = None
    evaluator: str | None = None


@dataclass(frozen=True)
class StatementStatus:
    """The compliance status (FULL, PARTIAL or OPEN) and the criteria behind it."""

    status: str
    failing: tuple[str, ...]
    not_tested: tuple[str, ...]


def statement_status(table: ConformanceTable) -> StatementStatus:
    """FULL when all 50 criteria were evaluated and none fails; PARTIAL when one fails (evaluated or not);
    OPEN when nothing fails but some criteria are not tested: the status cannot be said yet."""
    failing = tuple(row.criterion.number for row in table.with_outcome(NOT_CONFORMANT))
    not_tested = tuple(row.criterion.number for row in table.with_outcome(NOT_TESTED))
    if failing:
        return StatementStatus(PARTIAL, failing, not_tested)
    if not_tested:
        return StatementStatus(OPEN, failing, not_tested)
    return StatementStatus(FULL, failing, not_tested)


def render_statement_draft(
    table: ConformanceTable,
    organisation: OrganisationContact,
    *,
    site_url: str,
    prepared_on: date,
    lang: str = "nl",
    evaluated_on: date | None = None,
    page_titles: Mapping[str, str] | None = None,
) -> str:
    """The draft as a complete HTML document. `page_titles` (URL -> title) names the failing pages."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}: expected nl or en")
    status = statement_status(table)
    titles = page_titles or {}
    index = 0 if lang == "nl" else 1
    problems = [
        {
            "label": f"{row.criterion.number} {row.criterion.name(lang)}",
            "level": row.criterion.level,
            "plain": PLAIN_WORDS[row.criterion.number][index],
            "pages": [
                {
                    "url": page.url,
                    "link": is_http_url(page.url),
                    "title": " ".join(str(titles.get(page.url) or "").split())[:200],
                    "note": page.note,
                }
                for page in row.failing_pages
            ],
        }
        for row in table.with_outcome(NOT_CONFORMANT)
    ]
    not_tested = [row.criterion.label(lang) for row in table.with_outcome(NOT_TESTED)]
    email = organisation.feedback_email.strip() if organisation.feedback_email else None
    return (
        environment()
        .get_template(f"statement_{lang}.html")
        .render(
            lang=lang,
            organisation=organisation,
            site_url=site_url,
            site_link=is_http_url(site_url),
            status=status.status,
            problems=problems,
            not_tested=not_tested,
            pages_count=len(table.pages),
            prepared_on=_day(prepared_on, lang),
            evaluated_on=_day(evaluated_on, lang) if evaluated_on else None,
            method=organisation.evaluation_method
            if organisation.evaluation_method in EVALUATION_METHODS
            else None,
            feedback_email=email,
            email_link=looks_like_email(email),
            feedback_form_url=organisation.feedback_form_url,
            feedback_form_link=is_http_url(organisation.feedback_form_url),
            complaints_url=organisation.complaints_url,
            complaints_link=is_http_url(organisation.complaints_url),
        )
    )


def is_http_url(value: object) -> bool:
    """Only http(s) URLs with a host become links: never javascript:, data: or anything else."""
    if not isinstance(value, str) or value != value.strip():
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def looks_like_email(value: object) -> bool:
    """An e-mail address that may become a mailto: link: one @, a dotted domain, no spaces or markup."""
    return isinstance(value, str) and bool(_EMAIL.match(value))


def _day(value: date, lang: str) -> str:
    return f"{value.day} {_MONTHS[lang][value.month - 1]} {value.year}"
