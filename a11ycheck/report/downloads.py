"""The data behind an organisation's page, as CSV files to download beside it: every failing element of its
latest audits (findings.csv) and every document they found (documents.csv).

Crawled text goes into a spreadsheet here, so it is made inert: a cell that a spreadsheet would read as a
formula (starting with = + - @, a tab or a carriage return, also after spaces) gets an apostrophe in
front, as OWASP advises against CSV injection. Numbers and flags stay what they are.
"""

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache

from a11ycheck.report.queries import DocumentRow, NodeRow
from a11ycheck.report.rule_texts import rule_title

FINDINGS_CSV = "findings.csv"
DOCUMENTS_CSV = "documents.csv"
FINDINGS_COLUMNS = (
    "page_url",
    "page_title",
    "rule",
    "rule_title",
    "impact",
    "level",
    "wcag",
    "selector",
    "html",
    "failure_summary",
)
DOCUMENTS_COLUMNS = (
    "url",
    "found_on",
    "type",
    "content_type",
    "size",
    "http_status",
    "status",
    "accessible",
    "possibly_exempt",
    "failed_checks",
    "message",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A spreadsheet set to Dutch or Belgian conventions splits a CSV line on ";" (quotes or not, as this file is
# comma-separated): what follows a ";" inside a cell would start a cell of its own.
AFTER_SEMICOLON = re.compile(r";(\s*[=+\-@\t\r])")


def spreadsheet_safe(value: object) -> object:
    """A cell that no spreadsheet runs: text that would start a formula is prefixed with "'"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = str(value)
    if ";" in text:  # most cells have none: the test is much cheaper than the substitution
        text = AFTER_SEMICOLON.sub(r";'\1", text)
    return f"'{text}" if text.lstrip(" ").startswith(FORMULA_STARTS) else text


class CsvTable:
    """A CSV file built in memory, every cell made safe on the way in."""

    def __init__(self, columns: tuple[str, ...]):
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer)
        self._writer.writerow(columns)
        self.rows = 0

    def add(self, *cells: object) -> None:
        self._writer.writerow([spreadsheet_safe(cell) for cell in cells])
        self.rows += 1

    def text(self) -> str:
        return self._buffer.getvalue()


@dataclass(frozen=True)
class Download:
    """A file linked from an organisation's page: which data (`kind`), its file name, how many rows."""

    kind: str  # "findings" or "documents"
    name: str
    rows: int


def findings_table() -> CsvTable:
    return CsvTable(FINDINGS_COLUMNS)


def add_finding(table: CsvTable, node: NodeRow, page_url: str, page_title: str | None, lang: str) -> None:
    """One failing element (a rule without elements is one row with the element columns empty)."""
    table.add(
        page_url,
        page_title,
        node.rule,
        rule_title(node.rule, lang, node.help),
        node.impact,
        node.level,
        _criteria_cell(node.wcag),
        node.selector,
        node.html,
        node.failure_summary,
    )


@lru_cache(maxsize=1024)  # one call per failing element, a few dozen distinct tag lists
def _criteria_cell(wcag: str) -> str:
    """axe's comma-separated WCAG tags as the cell shows them, space-separated."""
    return " ".join(part for part in wcag.split(",") if part)


def documents_csv(documents: list[DocumentRow]) -> str:
    table = CsvTable(DOCUMENTS_COLUMNS)
    for document in documents:
        table.add(
            document.url,
            document.referrer,
            document.type,
            document.content_type,
            document.size,
            document.http_status,
            document.status,
            document.accessible,
            document.possibly_exempt,
            "; ".join(f"{check.id}: {check.detail}" for check in document.failed),
            document.message,
        )
    return table.text()
