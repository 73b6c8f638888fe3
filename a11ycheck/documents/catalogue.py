"""Every check's id and what it maps to: WCAG 2.1 success criteria, W3C PDF techniques, EN 301 549 clauses.

The ids are a contract with the store, the export and the report (issue 16). EN 301 549 V3.2.1 chapter 10
applies WCAG to non-web documents; its clause 10.2.4.5 (Multiple ways) is void for a single document, so
`bookmarks` maps to WCAG 2.4.5 and technique PDF2 but to no EN clause. W3C's techniques cover PDF only, so
the office checks name no technique.
"""

from dataclasses import dataclass

from a11ycheck.documents.results import CheckResult, Outcome

# Raise it whenever a check's outcome on some file can change (a check added, a rule or a threshold
# changed): results stored with an older revision are then not reused, the file is checked again.
CHECKS_REVISION = 1


@dataclass(frozen=True)
class CheckDefinition:
    id: str
    wcag: tuple[str, ...]
    techniques: tuple[str, ...]
    en_301_549: tuple[str, ...]
    advisory: bool = False

    def result(self, outcome: Outcome, detail: str) -> CheckResult:
        return CheckResult(
            id=self.id,
            outcome=outcome,
            detail=detail,
            wcag=self.wcag,
            techniques=self.techniques,
            en_301_549=self.en_301_549,
            advisory=self.advisory,
        )


PDF_CHECKS: dict[str, CheckDefinition] = {
    d.id: d
    for d in (
        CheckDefinition(
            "tagged", ("1.3.1", "1.3.2"), ("PDF3", "PDF6", "PDF9", "PDF21"), ("10.1.3.1", "10.1.3.2")
        ),
        CheckDefinition("title", ("2.4.2",), ("PDF18",), ("10.2.4.2",)),
        CheckDefinition("language", ("3.1.1",), ("PDF16",), ("10.3.1.1",)),
        CheckDefinition("text", ("1.1.1", "1.4.5"), ("PDF7",), ("10.1.1.1", "10.1.4.5")),
        CheckDefinition("figure-alt", ("1.1.1",), ("PDF1",), ("10.1.1.1",)),
        CheckDefinition("bookmarks", ("2.4.5",), ("PDF2",), ()),
        CheckDefinition("permissions", ("1.3.1", "4.1.2"), (), ("10.1.3.1", "10.4.1.2")),
        CheckDefinition("headings", ("1.3.1", "2.4.6"), ("PDF9",), ("10.1.3.1", "10.2.4.6")),
        CheckDefinition("tables", ("1.3.1",), ("PDF6",), ("10.1.3.1",)),
        CheckDefinition(
            "form-fields",
            ("1.3.1", "3.3.2", "4.1.2"),
            ("PDF10", "PDF12"),
            ("10.1.3.1", "10.3.3.2", "10.4.1.2"),
        ),
        CheckDefinition("link-annotations", ("1.3.1", "2.4.4"), ("PDF11", "PDF13"), ("10.1.3.1", "10.2.4.4")),
        CheckDefinition("pdfua", (), (), (), advisory=True),
    )
}

OFFICE_CHECKS: dict[str, CheckDefinition] = {
    d.id: d
    for d in (
        CheckDefinition("title", ("2.4.2",), (), ("10.2.4.2",)),
        CheckDefinition("language", ("3.1.1",), (), ("10.3.1.1",)),
        CheckDefinition("image-alt", ("1.1.1",), (), ("10.1.1.1",)),
    )
}
