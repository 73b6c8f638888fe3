"""The counts behind the documents KPIs, computed by the database for many runs at once: documents found,
checked, passing every check, untagged PDFs. The charter KPIs documents_accessible_share and untagged_pdfs
are formulas on these counts (`DocumentCounts`), and the report shows the same counts: one definition.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.engine import Connection

from a11ycheck.charters.kpis import DOCUMENTS_ACCESSIBLE_SHARE, UNTAGGED_PDFS
from a11ycheck.models import Document, DocumentCheck

CHECKED = "checked"  # a11ycheck.documents.Status.CHECKED
IS_CHECKED = Document.status == CHECKED
IS_ACCESSIBLE = and_(IS_CHECKED, DocumentCheck.accessible.is_(True))
IS_UNTAGGED_PDF = and_(IS_CHECKED, DocumentCheck.type == "pdf", DocumentCheck.tagged.is_(False))


@dataclass(frozen=True)
class DocumentCounts:
    """Documents of one run, or summed over several (an organisation's sites)."""

    found: int = 0  # document rows, whatever became of them
    checked: int = 0  # status "checked": the checks ran
    accessible: int = 0  # checked, and no check failed
    untagged_pdfs: int = 0  # checked PDFs whose check `tagged` failed

    def __add__(self, other: "DocumentCounts") -> "DocumentCounts":
        return DocumentCounts(
            self.found + other.found,
            self.checked + other.checked,
            self.accessible + other.accessible,
            self.untagged_pdfs + other.untagged_pdfs,
        )

    @property
    def accessible_share(self) -> float | None:
        """The KPI documents_accessible_share: 0-100, None without a checked document."""
        return 100 * self.accessible / self.checked if self.checked else None


def document_counts(
    connection: Connection, run_ids: Sequence[int] | None = None
) -> dict[int, DocumentCounts]:
    """Counts per run in one grouped scan, for all runs or the ones given."""
    query = (
        select(
            Document.run_id,
            func.count(),
            func.sum(case((IS_CHECKED, 1), else_=0)),
            func.sum(case((IS_ACCESSIBLE, 1), else_=0)),
            func.sum(case((IS_UNTAGGED_PDF, 1), else_=0)),
        )
        .outerjoin(DocumentCheck, DocumentCheck.id == Document.check_id)
        .group_by(Document.run_id)
    )
    if run_ids is not None:
        query = query.where(Document.run_id.in_(list(run_ids)))
    return {
        run_id: DocumentCounts(found, checked or 0, accessible or 0, untagged or 0)
        for run_id, found, checked, accessible, untagged in connection.execute(query)
    }


def document_kpi_value(kpi: str, counts: DocumentCounts | None) -> float | None:
    """The value of a documents KPI; None for other KPIs, or when no run checked documents (counts is None),
    or, for the share, when no document could be checked."""
    if counts is None:
        return None
    if kpi == DOCUMENTS_ACCESSIBLE_SHARE:
        return counts.accessible_share
    if kpi == UNTAGGED_PDFS:
        return float(counts.untagged_pdfs)
    return None


def is_document_kpi(kpi: str) -> bool:
    return kpi in (DOCUMENTS_ACCESSIBLE_SHARE, UNTAGGED_PDFS)
