"""The documents wing's reads and writes: check results by file (sha256 and checker version), and a run's
documents with the results they link to.

A check result is written once and never changed, so every run that found the same file shows the same
result; a run's document rows go through the RunRecorder with its pages.
"""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from a11ycheck.models import Document, DocumentCheck
from a11ycheck.store import Store


def find_check(store: Store, sha256: str, checker_version: str) -> DocumentCheck | None:
    """The stored result of checking this file with this checker version, if any."""
    with store.session() as session:
        query = select(DocumentCheck).where(
            DocumentCheck.sha256 == sha256, DocumentCheck.checker_version == checker_version
        )
        return session.exec(query).scalars().first()


def save_check(store: Store, row: DocumentCheck) -> DocumentCheck:
    """Store a check result; when another process stored the same file's first, that one is kept and
    returned (both checked the same bytes with the same checker)."""
    try:
        with store.session() as session:
            session.add(row)
            session.commit()
            return row
    except IntegrityError:
        found = find_check(store, row.sha256, row.checker_version)
        if found is None:
            raise
        return found


def run_documents(store: Store, run_id: int) -> list[tuple[Document, DocumentCheck | None]]:
    """A run's documents in the order they were recorded, each with its check result (None when it has
    none: not downloaded, not fetched, or a check that timed out)."""
    with store.session() as session:
        query = (
            select(Document, DocumentCheck)
            .outerjoin(DocumentCheck, DocumentCheck.id == Document.check_id)
            .where(Document.run_id == run_id)
            .order_by(Document.id)
        )
        return [(document, check) for document, check in session.exec(query).all()]
