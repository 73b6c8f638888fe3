"""The review file: a CSV an advisor opens in a spreadsheet, one row per sampled page and WCAG 2.1 A/AA
criterion, pre-filled from the automated audit, filled in by hand, and read back with every problem of the
file listed at once as FILE:LINE. Nothing of a file with a problem is accepted. Format: docs/review.md.
"""

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from a11ycheck.errors import UserError
from a11ycheck.review.sample import Sample
from a11ycheck.review.verdicts import (
    FAILED,
    MANUAL_VERDICTS,
    NEEDS_REVIEW,
    NOT_APPLICABLE,
    PASSED,
    AutomatedResult,
    ManualVerdict,
)
from a11ycheck.vocabulary.criteria import WCAG21_AA, criterion

REVIEW_COLUMNS = (
    "sample",
    "site",
    "page_url",
    "page_reasons",
    "criterion",
    "level",
    "criterion_name",
    "automated",
    "rules",
    "verdict",
    "note",
)
REQUIRED_COLUMNS = ("sample", "site", "page_url", "criterion", "verdict", "note")
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ROWS = 200_000
# Verdicts written another way, for the hint in a problem: the file must say it as MANUAL_VERDICTS do.
_SAID_OTHERWISE = {
    PASSED: (
        "geslaagd", "voldoet", "voldaan", "ok", "oké", "ja", "goed", "conform", "in orde", "pass", "yes",
        "réussi", "reussi", "conforme",
    ),
    FAILED: (
        "gefaald", "faalt", "voldoet niet", "niet voldaan", "niet geslaagd", "niet conform", "nee", "fout",
        "fail", "no", "échoué", "echoue", "non conforme",
    ),
    NOT_APPLICABLE: (
        "niet van toepassing", "nvt", "n.v.t.", "n.v.t", "n/a", "na", "not applicable", "non applicable",
        "sans objet", "notapplicable", "not_applicable",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class ReviewFileProblem:
    """A problem at a line of a file; line 0 for a file without lines worth giving (a JSON report)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class ReviewFileProblems(UserError):
    """A review file that cannot be imported; `problems` has every one, the message the first."""

    def __init__(self, problems: Iterable[ReviewFileProblem]):
        self.problems = tuple(sorted(problems, key=lambda problem: problem.line))
        more = len(self.problems) - 1
        super().__init__(
            f"{self.problems[0]}" + (f" (and {more} more)" if more else "") + ": nothing imported"
        )


def review_rows(
    sample: Sample, automated: Mapping[tuple[str, str], AutomatedResult], *, site: str, sample_id: int | str
) -> list[dict[str, str]]:
    """The review file's rows: every page of the sample (in its order) times the 50 criteria (in numeric
    order), with axe's verdict and rules, and the verdict pre-filled with axe's (failed, needs-review)."""
    rows = []
    for page in sample.pages:
        for item in WCAG21_AA:
            found = automated.get((page.url, item.number))
            rows.append(
                {
                    "sample": str(sample_id),
                    "site": site,
                    "page_url": page.url,
                    "page_reasons": " ".join(page.reasons),
                    "criterion": item.number,
                    "level": item.level,
                    "criterion_name": item.name_nl,
                    "automated": found.verdict if found else "",
                    "rules": " ".join(found.rules) if found else "",
                    "verdict": found.verdict if found else "",
                    "note": "",
                }
            )
    return rows


def review_csv(
    sample: Sample, automated: Mapping[tuple[str, str], AutomatedResult], *, site: str, sample_id: int | str
) -> str:
    """The review file's text (without the byte-order mark write_review_file adds for spreadsheets)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REVIEW_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(review_rows(sample, automated, site=site, sample_id=sample_id))
    return out.getvalue()


def write_review_file(
    path: Path,
    sample: Sample,
    automated: Mapping[tuple[str, str], AutomatedResult],
    *,
    site: str,
    sample_id: int | str,
) -> int:
    """Write the review file atomically (a spreadsheet finds it whole or not at all); returns its rows.

    UTF-8 with a byte-order mark, so that a spreadsheet shows "é" as "é"; commas, CRLF line ends."""
    text = review_csv(sample, automated, site=site, sample_id=sample_id)
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(sample.pages) * len(WCAG21_AA)


def read_review_file(
    path: Path,
    expected_sample: Sample,
    *,
    sample_id: int | str,
    site: str,
    automated: Mapping[tuple[str, str], AutomatedResult] | None = None,
) -> list[ManualVerdict]:
    """The verdicts of a filled-in review file, one per row, in file order; None for a row not tested
    (empty or needs-review). ReviewFileProblems listing every problem when anything is wrong.

    `automated`, when given, is what axe found (else the file's own `automated` column is used): a row axe
    failed that the advisor sets to passed or not-applicable needs a note saying why."""
    reader = _ReviewReader(Path(path), expected_sample, str(sample_id), site, automated)
    verdicts = reader.read()
    if reader.problems:
        raise ReviewFileProblems(reader.problems)
    return verdicts


class _ReviewReader:
    def __init__(
        self,
        path: Path,
        sample: Sample,
        sample_id: str,
        site: str,
        automated: Mapping[tuple[str, str], AutomatedResult] | None,
    ):
        self.path = path
        self.sample_urls = set(sample.urls)
        self.sample_id = sample_id
        self.site = site
        self.automated = automated
        self.problems: list[ReviewFileProblem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(ReviewFileProblem(str(self.path), line, message))

    def read(self) -> list[ManualVerdict]:
        text = self._text()
        if text is None:
            return []
        header_line, rows = self._records(text)
        if header_line is None:
            self.problem(1, f"the file is empty: expected a header with {', '.join(REQUIRED_COLUMNS)}")
            return []
        columns = self._columns(header_line)
        if columns is None:
            return []
        return self._rows(columns, rows)

    def _text(self) -> str | None:
        """The file's text; None (and a problem per line) when it is not UTF-8."""
        try:
            size = self.path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.problem(1, f"the file is {size:,} bytes, more than a review file can be")
                return None
            data = self.path.read_bytes()
        except OSError as exc:
            raise UserError(f"{self.path}: cannot read the review file: {exc.strerror or exc}") from None
        data = data.removeprefix(b"\xef\xbb\xbf")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            for number, line in enumerate(data.split(b"\n"), start=1):
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError as exc:
                    byte = line[exc.start]
                    self.problem(
                        number,
                        f"not UTF-8 (byte 0x{byte:02x}): save the file as CSV UTF-8 and import it again",
                    )
            return None

    def _records(self, text: str) -> tuple[list[str] | None, list[tuple[int, list[str]]]]:
        """The header and the rows, each with the line it starts on."""
        header: list[str] | None = None
        records: list[tuple[int, list[str]]] = []
        try:
            for start, record in csv_records(text):
                if header is None:
                    header = record
                    continue
                records.append((start, record))
                if len(records) > MAX_ROWS:
                    self.problem(start, f"more than {MAX_ROWS:,} rows: this is not a review file")
                    break
        except UnreadableCsv as exc:
            self.problem(exc.line, f"not a readable CSV file: {exc.reason}")
        return header, records

    def _columns(self, header: list[str]) -> dict[str, int] | None:
        names = [cell.strip().lower() for cell in header]
        columns: dict[str, int] = {}
        for index, name in enumerate(names):
            if name in columns and name in REVIEW_COLUMNS:
                self.problem(1, f"column {name!r} appears twice in the header")
            columns.setdefault(name, index)
        missing = [name for name in REQUIRED_COLUMNS if name not in columns]
        if missing:
            self.problem(
                1,
                f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}: a review file has "
                f"{', '.join(REQUIRED_COLUMNS)} (start one with `a11ycheck review start`)",
            )
        return None if missing or self.problems else columns

    def _rows(self, columns: dict[str, int], records: list[tuple[int, list[str]]]) -> list[ManualVerdict]:
        verdicts: list[ManualVerdict] = []
        first_line: dict[tuple[str, str], int] = {}
        other_files: set[tuple[str, str]] = set()
        stray_pages: dict[str, list[int]] = {}
        for line, record in records:

            def cell(name: str, record: list[str] = record) -> str:
                index = columns.get(name)
                return record[index].strip() if index is not None and index < len(record) else ""

            if len(record) > len(columns) and any(cell.strip() for cell in record[len(columns) :]):
                self.problem(line, f"{len(record)} cells where the header has {len(columns)}")
            belongs = (cell("sample"), cell("site"))
            if belongs != (self.sample_id, self.site) and belongs not in other_files:
                other_files.add(belongs)
                self.problem(
                    line,
                    f"this row is for sample {belongs[0] or '(none)'} of {belongs[1] or '(no site)'}, "
                    f"but the file should be for sample {self.sample_id} of {self.site}",
                )
            page_url, number = cell("page_url"), cell("criterion")
            if page_url not in self.sample_urls:
                stray_pages.setdefault(page_url, []).append(line)
            if criterion(number) is None:
                self.problem(
                    line,
                    f"unknown success criterion {number!r}: a review has the 50 WCAG 2.1 A and AA criteria",
                )
            verdict = self._verdict(line, cell("verdict"))
            key = (page_url, number)
            if key in first_line:
                self.problem(
                    line, f"a second row for {page_url} and {number} (the first is on line {first_line[key]})"
                )
            else:
                first_line[key] = line
            note = cell("note")
            if verdict in (PASSED, NOT_APPLICABLE) and not note and self._axe_failed(key, cell("automated")):
                self.problem(
                    line,
                    f"axe found a failure of {number} on this page: "
                    f"a verdict of {verdict} needs a note saying why",
                )
            verdicts.append(ManualVerdict(page_url, number, verdict, note, line))
        for page_url, lines in stray_pages.items():
            rows = f" ({len(lines)} rows)" if len(lines) > 1 else ""
            self.problem(lines[0], f"page {page_url or '(empty)'} is not in sample {self.sample_id}{rows}")
        return verdicts

    def _verdict(self, line: int, said: str) -> str | None:
        if said in MANUAL_VERDICTS:
            return said
        if said in ("", NEEDS_REVIEW):
            return None
        lowered = " ".join(said.lower().split())
        if lowered in MANUAL_VERDICTS or lowered == NEEDS_REVIEW:
            self.problem(line, f"verdict {said!r} must be written in lowercase: {lowered}")
            return None
        meant = next((verdict for verdict, words in _SAID_OTHERWISE.items() if lowered in words), None)
        hint = f": write {meant}" if meant else " (empty or needs-review: not tested)"
        self.problem(line, f"verdict {said!r} is not one of {', '.join(MANUAL_VERDICTS)}{hint}")
        return None

    def _axe_failed(self, key: tuple[str, str], said: str) -> bool:
        if self.automated is not None:
            found = self.automated.get(key)
            return found is not None and found.verdict == FAILED
        return said == FAILED


class UnreadableCsv(ValueError):
    """The CSV reader gave up at `line`."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """The records of a review file that are not blank, each with the line it starts on; comma or semicolon
    separated (a spreadsheet in a Belgian locale saves with semicolons). UnreadableCsv where it breaks."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if any(cell.strip() for cell in record):
                yield start, record
    except csv.Error as exc:
        raise UnreadableCsv(line, str(exc)) from exc
