"""What checking a document produces: one outcome per check, a status for the whole document.

Plain dataclasses with a `to_dict()` that is the JSON contract of issue 16 (`source`, `type`, `pages`,
`status`, `possibly_exempt`, `checks`, `accessible`) plus a few extra keys; `from_dict()` reads it back,
which is also how results cross from the worker processes to the caller.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """Whether a document could be checked, and if not, why."""

    CHECKED = "checked"
    TOO_LARGE = "too-large"  # over a size, page, object or memory limit
    TIMEOUT = "timeout"  # the check did not finish within the time limit
    UNREADABLE = "unreadable"  # damaged, cut short, or not what its name or content type says
    PASSWORD_PROTECTED = "password-protected"  # needs a password to open
    NOT_CHECKED = "not-checked"  # a type without checks (XLSX, ODS, PPTX, ODP, DOC, XLS, PPT, RTF, EPUB)


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True)
class CheckResult:
    """One check on one document.

    `wcag` lists WCAG 2.1 success criteria, `techniques` W3C's PDF technique ids (PDF1..PDF23), and
    `en_301_549` the clauses of EN 301 549 V3.2.1 chapter 10 (non-web documents). An `advisory` check is
    reported but does not make a document inaccessible (pdfua: WCAG does not require PDF/UA).
    """

    id: str
    outcome: Outcome
    detail: str
    wcag: tuple[str, ...] = ()
    techniques: tuple[str, ...] = ()
    en_301_549: tuple[str, ...] = ()
    advisory: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outcome": self.outcome.value,
            "detail": self.detail,
            "wcag": list(self.wcag),
            "techniques": list(self.techniques),
            "en_301_549": list(self.en_301_549),
            "advisory": self.advisory,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "CheckResult":
        return cls(
            id=data["id"],
            outcome=Outcome(data["outcome"]),
            detail=data["detail"],
            wcag=tuple(data.get("wcag", ())),
            techniques=tuple(data.get("techniques", ())),
            en_301_549=tuple(data.get("en_301_549", ())),
            advisory=bool(data.get("advisory", False)),
        )


@dataclass(frozen=True)
class DocumentResult:
    """The outcome of checking one file.

    `source` is what the caller named the document (its URL) or the file's path; `type` is the type its
    bytes show (pdf, docx, odt, xlsx, ods, pptx, odp, doc, xls, ppt, rtf, epub), else the type its name or
    content type claims, else None. `message` says in plain words why a document was not checked (or what
    was odd about it). `modified` is the latest plausible modification date found, from which
    `possibly_exempt` follows (None when no date is known).
    """

    source: str
    type: str | None
    status: Status
    pages: int | None = None
    possibly_exempt: bool | None = None
    checks: tuple[CheckResult, ...] = ()
    message: str | None = None
    modified: datetime | None = None
    sha256: str | None = None
    size: int | None = None

    @property
    def accessible(self) -> bool | None:
        """True when checked and no (non-advisory) check failed, False when one failed, None otherwise."""
        if self.status is not Status.CHECKED:
            return None
        return not any(c.outcome is Outcome.FAILED and not c.advisory for c in self.checks)

    def check(self, check_id: str) -> CheckResult | None:
        """The result of one check by its id, or None when it was not run."""
        return next((c for c in self.checks if c.id == check_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "type": self.type,
            "pages": self.pages,
            "status": self.status.value,
            "possibly_exempt": self.possibly_exempt,
            "checks": [c.to_dict() for c in self.checks],
            "accessible": self.accessible,
            "message": self.message,
            "modified": self.modified.isoformat() if self.modified else None,
            "sha256": self.sha256,
            "size": self.size,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DocumentResult":
        modified = data.get("modified")
        return cls(
            source=data["source"],
            type=data.get("type"),
            status=Status(data["status"]),
            pages=data.get("pages"),
            possibly_exempt=data.get("possibly_exempt"),
            checks=tuple(CheckResult.from_dict(c) for c in data.get("checks", ())),
            message=data.get("message"),
            modified=datetime.fromisoformat(modified) if modified else None,
            sha256=data.get("sha256"),
            size=data.get("size"),
        )
