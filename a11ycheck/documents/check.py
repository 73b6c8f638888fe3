"""Checking one file in this process: sniff its type, run the checks its type has, never raise on a bad
file (every failure becomes a status with a plain message).

`check_document` is what each worker process runs; tests call it directly. Use DocumentChecker
(checker.py) for files from the web: it adds the time and memory limits that a hostile file needs.
"""

import hashlib
import warnings
from datetime import datetime
from pathlib import Path

import pikepdf

from a11ycheck.documents import dates
from a11ycheck.documents.limits import DocumentLimits
from a11ycheck.documents.office_checks import (
    office_checks,
    read_docx,
    read_odf_metadata,
    read_odt,
    read_ooxml_metadata,
)
from a11ycheck.documents.office_zip import ContainerError, ContainerTooLarge, OfficeContainer
from a11ycheck.documents.pdf_checks import pdf_checks
from a11ycheck.documents.pdf_facts import read_pdf_facts
from a11ycheck.documents.pdf_objects import PdfDamaged, PdfTooLarge
from a11ycheck.documents.results import CheckResult, DocumentResult, Status
from a11ycheck.documents.sniff import claimed_type, mismatch, sniff_file
from a11ycheck.errors import UserError

CHECKED_TYPES = ("pdf", "docx", "odt")
ZIP_TYPES = ("docx", "odt", "xlsx", "pptx", "ods", "odp", "epub")
DEFAULT_LIMITS = DocumentLimits()
PDF_TAIL_BYTES = 1024  # readers look for %%EOF this close to the end


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_size(path: str | Path) -> int:
    """The size of a regular file; UserError when there is none at `path`."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise UserError(f"no such file: {path}") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None
    if not path.is_file():
        raise UserError(f"not a regular file: {path}")
    return stat.st_size


def unchecked_result(
    path: str | Path,
    status: Status,
    message: str,
    name: str | None = None,
    content_type: str | None = None,
    last_modified_header: str | datetime | None = None,
    sha256: str | None = None,
    size: int | None = None,
    document_type: str | None = None,
) -> DocumentResult:
    """A result for a document that could not be checked (also used by the checker for timeouts)."""
    claim = claimed_type(name or Path(path).name, content_type)
    modified = dates.last_modified(dates.parse_http_date(last_modified_header))
    return DocumentResult(
        source=name or str(path),
        type=document_type or (claim.type if claim else None),
        status=status,
        message=message,
        modified=modified,
        possibly_exempt=dates.possibly_exempt(modified),
        sha256=sha256,
        size=size,
    )


def check_document(
    path: str | Path,
    name: str | None = None,
    content_type: str | None = None,
    last_modified: str | datetime | None = None,
    limits: DocumentLimits = DEFAULT_LIMITS,
    sha256: str | None = None,
) -> DocumentResult:
    """Check one file in this process. `name` is the document's URL or file name (its extension is the
    type it claims, with `content_type`); `last_modified` is the HTTP Last-Modified header, if any.
    UserError when there is no file at `path`; every problem with the file itself is a status."""
    path = Path(path)
    size = file_size(path)
    claim = claimed_type(name or path.name, content_type)

    def unchecked(status: Status, message: str, document_type: str | None = None) -> DocumentResult:
        return unchecked_result(
            path, status, message, name, content_type, last_modified, sha256, size, document_type
        )

    if size > limits.max_bytes:
        return unchecked(Status.TOO_LARGE, f"the file is {size} bytes (limit {limits.max_bytes})")
    sha256 = sha256 or file_sha256(path)
    if size == 0:
        return unchecked(Status.UNREADABLE, "the file is empty")
    try:
        sniffed = sniff_file(path, limits.max_bytes)
    except Exception as exc:  # a hostile file must never end the caller
        return unchecked(
            Status.UNREADABLE, f"the file cannot be read ({type(exc).__name__}: {_first_line(exc)})"
        )
    problem = mismatch(claim, sniffed)
    if problem:
        return unchecked(Status.UNREADABLE, problem, sniffed.type)
    document_type = sniffed.type or (claim.type if claim else None)
    if sniffed.encrypted:
        return unchecked(
            Status.PASSWORD_PROTECTED, f"{sniffed.kind}: it needs a password to open", document_type
        )
    if sniffed.type is None:
        return unchecked(Status.NOT_CHECKED, f"not a document type that is checked: it is {sniffed.kind}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if sniffed.type == "pdf":
                pages, checks, found_dates = _check_pdf(path, limits)
            elif sniffed.type in ZIP_TYPES:
                pages, checks, found_dates = _check_office(path, sniffed.type, limits)
            else:
                pages, checks, found_dates = None, [], []
    except (PdfTooLarge, ContainerTooLarge) as exc:
        return unchecked(Status.TOO_LARGE, str(exc), document_type)
    except MemoryError:
        return unchecked(Status.TOO_LARGE, "checking it needed more memory than allowed", document_type)
    except pikepdf.PasswordError:
        return unchecked(Status.PASSWORD_PROTECTED, "the PDF needs a password to open", document_type)
    except (PdfDamaged, ContainerError) as exc:
        return unchecked(Status.UNREADABLE, f"damaged {sniffed.type.upper()}: {exc}", document_type)
    except _Unreadable as exc:
        return unchecked(Status.UNREADABLE, str(exc), document_type)
    except (pikepdf.PdfError, pikepdf.QpdfRuntimeError) as exc:
        reason = _first_line(exc).replace(f"{path}: ", "").replace(f"{path} ", "")  # qpdf names the file
        return unchecked(Status.UNREADABLE, f"damaged PDF: {reason}", document_type)
    except RecursionError:
        return unchecked(Status.UNREADABLE, "damaged: its objects nest without end", document_type)
    except Exception as exc:  # a hostile file must never end the caller: say what broke, in one line
        return unchecked(
            Status.UNREADABLE,
            f"the checker could not read it ({type(exc).__name__}: {_first_line(exc)})",
            document_type,
        )
    modified = dates.last_modified(dates.parse_http_date(last_modified), *found_dates)
    return DocumentResult(
        source=name or str(path),
        type=document_type,
        status=Status.CHECKED if checks else Status.NOT_CHECKED,
        pages=pages,
        possibly_exempt=dates.possibly_exempt(modified),
        checks=tuple(checks),
        message=None
        if checks
        else f"{document_type.upper()} documents are not checked: only PDF, DOCX and ODT",
        modified=modified,
        sha256=sha256,
        size=size,
    )


class _Unreadable(Exception):
    pass


def _check_pdf(path: Path, limits: DocumentLimits) -> tuple[int, list[CheckResult], list[datetime]]:
    with open(path, "rb") as f:
        f.seek(max(0, path.stat().st_size - PDF_TAIL_BYTES))
        if b"%%EOF" not in f.read():
            raise _Unreadable(
                "the PDF ends without %%EOF: it is cut short (an interrupted download?) or damaged"
            )
    with pikepdf.open(path, password="", suppress_warnings=True) as pdf:
        facts = read_pdf_facts(pdf, limits)
        return facts.pages, pdf_checks(facts), facts.modified_dates


def _check_office(
    path: Path, document_type: str, limits: DocumentLimits
) -> tuple[int | None, list[CheckResult], list[datetime]]:
    with OfficeContainer(path, limits) as container:
        if document_type == "docx":
            facts = read_docx(container)
        elif document_type == "odt":
            facts = read_odt(container)
        elif document_type in ("xlsx", "pptx"):
            facts = read_ooxml_metadata(container)
            return None, [], [facts.modified] if facts.modified else []
        elif document_type in ("ods", "odp"):
            facts = read_odf_metadata(container)
            return None, [], [facts.modified] if facts.modified else []
        else:
            return None, [], []  # EPUB: opened to see that it is a sound container, not checked
    return facts.pages, office_checks(facts), [facts.modified] if facts.modified else []


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
