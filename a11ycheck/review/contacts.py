"""An organisation's details for its accessibility statement: how visitors give feedback (an e-mail
address, a form), where its complaints procedure is, and how its sites are evaluated. Configuration, kept
in the database (`a11ycheck sites contact`), read by the statement draft.
"""

from dataclasses import dataclass

from sqlmodel import Session

from a11ycheck.errors import UserError
from a11ycheck.models import OrganisationContactDetails, utcnow
from a11ycheck.review import queries
from a11ycheck.review.statement import EVALUATION_METHODS, OrganisationContact, is_http_url, looks_like_email
from a11ycheck.store import Store

MAX_EMAIL = 320
MAX_URL = 2048
MAX_EVALUATOR = 200
FIELDS = ("feedback_email", "feedback_form_url", "complaints_url", "evaluation_method", "evaluator")


@dataclass(frozen=True)
class ContactChange:
    """What to change: a field left None stays as it is; an empty string clears it."""

    feedback_email: str | None = None
    feedback_form_url: str | None = None
    complaints_url: str | None = None
    evaluation_method: str | None = None
    evaluator: str | None = None

    def checked(self) -> dict[str, str | None]:
        """The fields to set (None: clear), each checked; a UserError naming the first bad one."""
        values: dict[str, str | None] = {}
        for name in FIELDS:
            given = getattr(self, name)
            if given is None:
                continue
            value = " ".join(given.split())
            values[name] = value or None
            if value:
                _check(name, value)
        return values


def set_contact(store: Store, organisation: str, change: ContactChange) -> OrganisationContactDetails:
    """Set an organisation's details (its register slug); the fields not given keep their value."""
    values = change.checked()
    with store.session() as db:
        row = queries.contact_details(db, organisation) or OrganisationContactDetails(
            organisation=organisation
        )
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_at = utcnow()
        db.add(row)
        db.commit()
        return row


def contact_row(store: Store, organisation: str) -> OrganisationContactDetails | None:
    with store.session() as db:
        return queries.contact_details(db, organisation)


def organisation_contact(db: Session, organisation: str, name: str) -> OrganisationContact:
    """What the statement says about the organisation; details never set are None (to complete)."""
    row = queries.contact_details(db, organisation)
    if row is None:
        return OrganisationContact(name)
    return OrganisationContact(
        name,
        feedback_email=row.feedback_email,
        feedback_form_url=row.feedback_form_url,
        complaints_url=row.complaints_url,
        evaluation_method=row.evaluation_method,
        evaluator=row.evaluator,
    )


def _check(name: str, value: str) -> None:
    if name == "feedback_email" and (len(value) > MAX_EMAIL or not looks_like_email(value)):
        raise UserError(
            f"--feedback-email {value[:80]!r} is not an e-mail address (like toegankelijkheid@gemeente.be)"
        )
    if name in ("feedback_form_url", "complaints_url") and (len(value) > MAX_URL or not is_http_url(value)):
        flag = "--feedback-form" if name == "feedback_form_url" else "--complaints"
        raise UserError(f"{flag} {value[:80]!r} is not an http(s) address: give the page's full URL")
    if name == "evaluation_method" and value not in EVALUATION_METHODS:
        raise UserError(f"--method must be one of {', '.join(EVALUATION_METHODS)}, not {value[:80]!r}")
    if name == "evaluator" and len(value) > MAX_EVALUATOR:
        raise UserError(f"--evaluator is at most {MAX_EVALUATOR} characters")
