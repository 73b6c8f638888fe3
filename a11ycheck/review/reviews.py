"""A manual review of a sample, from the file an advisor fills in to the verdicts stored: `start_review`
writes the review file pre-filled from axe's findings, `import_review` reads it back (or a WCAG-EM Report
Tool report) and stores its verdicts with the author and the date. Nothing of a file with a problem is
stored. docs/review.md describes the file and the rules.
"""

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from a11ycheck.errors import UserError
from a11ycheck.models import ReviewImport
from a11ycheck.review import queries
from a11ycheck.review.review_file import (
    MAX_FILE_BYTES,
    REQUIRED_COLUMNS,
    ReviewFileProblem,
    ReviewFileProblems,
    UnreadableCsv,
    csv_records,
    read_review_file,
    write_review_file,
)
from a11ycheck.review.sample import Sample
from a11ycheck.review.sampling import StoredSample, crawl_id, draw_sample, stored_sample
from a11ycheck.review.verdicts import MANUAL_VERDICTS, AutomatedResults, automated_results
from a11ycheck.review.wcag_em import read_wcag_em_report
from a11ycheck.store import Store
from a11ycheck.vocabulary.statuses import COMPLETED

REVIEW_FILE = "review-file"
WCAG_EM = "wcag-em"
MAX_AUTHOR = 200


@dataclass(frozen=True)
class ReviewStarted:
    sample: StoredSample
    path: Path
    rows: int
    automated_run: int  # the run axe's verdicts in the file come from


@dataclass(frozen=True)
class ReviewImported:
    import_id: int
    sample: StoredSample
    kind: str  # REVIEW_FILE or WCAG_EM
    rows: int
    counts: dict[str, int]  # verdict -> rows, MANUAL_VERDICTS and "not-tested"


def resolve_sample(store: Store, ref: str) -> StoredSample:
    """A sample by id (`12`), or a run's latest sample (`run:40`, `run:latest`, or `latest`), drawn with the
    default seed when the run has none yet; a re-audit of a sample (`crawl --sample-only`) gives that one."""
    ref = ref.strip()
    if ref.isdigit():
        with store.session() as db:
            row = queries.sample_by_id(db, int(ref))
            if row is None:
                raise UserError(
                    f"no sample {ref} in {store.display_url}: draw one with `a11ycheck sample RUN` "
                    "(or give run:ID for a run's latest sample)"
                )
            return stored_sample(db, row)
    run_ref = ref.removeprefix("run:")
    if run_ref != "latest" and ref == run_ref:
        raise UserError(f"{ref!r} is not a sample: give a sample id, run:ID, run:latest or latest")
    if run_ref != "latest":
        run_id = store.resolve_run(run_ref)
        reaudited = queries.reaudited_sample(store.get_run(run_id))
        if reaudited is not None:
            return resolve_sample(store, str(reaudited))
    run_id = crawl_id(store, run_ref)
    with store.session() as db:
        row = queries.latest_sample_of_run(db, run_id)
        if row is not None:
            return stored_sample(db, row)
    return draw_sample(store, str(run_id))


def automated_run(db: Session, sample: StoredSample) -> int:
    """The run axe's verdicts on the sample come from: the newest completed one of the crawl it was drawn
    from and the re-audits of its pages (`crawl --sample-only`)."""
    newest = sample.run_id
    if sample.site_id is not None:
        for run in queries.runs_of_site(db, sample.site_id):
            if run.status == COMPLETED and queries.reaudited_sample(run) == sample.id:
                newest = max(newest, run.id)
    return newest


def automated_of(db: Session, run_id: int, sample: Sample) -> AutomatedResults:
    """axe's failures and needs-review per page and criterion, on the sample's pages in that run."""
    violations, unsure = queries.findings(db, run_id, sample.urls)
    return automated_results(violations, unsure)


def start_review(store: Store, ref: str, path: Path, force: bool = False) -> ReviewStarted:
    """Write the review file of sample `ref` (see resolve_sample) to `path`; an existing file is kept unless
    `force`: it may hold an advisor's work."""
    path = Path(path).expanduser()
    if path.exists() and not force:
        raise UserError(f"{path} exists and may hold a review: choose another file or pass --force")
    if not path.parent.is_dir():
        raise UserError(f"cannot write {path}: its folder does not exist")
    stored = resolve_sample(store, ref)
    if stored.site_url is None:
        raise UserError(f"sample {stored.id} belongs to no site: draw a sample from a crawl")
    with store.session() as db:
        run_id = automated_run(db, stored)
        automated = automated_of(db, run_id, stored.sample)
    try:
        rows = write_review_file(path, stored.sample, automated, site=stored.site_url, sample_id=stored.id)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    return ReviewStarted(stored, path, rows, run_id)


def import_review(
    store: Store, path: Path, author: str | None = None, sample_ref: str | None = None
) -> ReviewImported:
    """Store the verdicts of a filled-in review file, or of a WCAG-EM Report Tool report (JSON), with its
    author and today's date. ReviewFileProblems (every problem as FILE:LINE) and nothing stored when the
    file has a problem. A review file says its own sample; a WCAG-EM report does not: `sample_ref` names it.
    """
    path = Path(path).expanduser()
    author = " ".join((author or "").split()) or None
    if author and len(author) > MAX_AUTHOR:
        raise UserError(f"--author is at most {MAX_AUTHOR} characters")
    if not path.is_file():
        raise UserError(f"{path}: no such file: give the review file to import")
    kind = WCAG_EM if _is_json(path) else REVIEW_FILE
    if kind == WCAG_EM:
        if sample_ref is None:
            raise UserError(
                f"{path}: a WCAG-EM report does not say which sample it evaluated: pass --sample ID"
            )
        stored = resolve_sample(store, sample_ref)
        verdicts = read_wcag_em_report(path, stored.sample, sample_id=stored.id)
    else:
        stored = resolve_sample(store, sample_ref) if sample_ref else _sample_of_file(store, path)
        if stored is None:  # the file cannot say: the reader names its problems against no sample
            verdicts = read_review_file(path, Sample(0, 1, (), ()), sample_id="?", site="?")
        else:
            with store.session() as db:
                automated = automated_of(db, automated_run(db, stored), stored.sample)
            verdicts = read_review_file(
                path, stored.sample, sample_id=stored.id, site=stored.site_url or "", automated=automated
            )
    if not verdicts or stored is None:
        raise ReviewFileProblems([ReviewFileProblem(str(path), 0, "no review rows in the file")])
    counts = {verdict: 0 for verdict in (*MANUAL_VERDICTS, "not-tested")}
    for verdict in verdicts:
        counts[verdict.verdict or "not-tested"] += 1
    review = ReviewImport(sample_id=stored.id, author=author, source=path.name, kind=kind, rows=len(verdicts))
    with store.session() as db:
        queries.add_review(db, review, verdicts)
    return ReviewImported(review.id, stored, kind, len(verdicts), counts)


def _sample_of_file(store: Store, path: Path) -> StoredSample | None:
    """The sample a review file's first row names; None when the file cannot say (the reader then reports
    why: not UTF-8, no header, missing columns, no rows)."""
    said = _first_sample_cell(path)
    if said is None:
        return None
    line, value = said
    if not value.isdigit():
        raise ReviewFileProblems(
            [
                ReviewFileProblem(
                    str(path),
                    line,
                    f"sample {value or '(empty)'!r} is not a sample id: "
                    "a review file comes from `a11ycheck review start`",
                )
            ]
        )
    with store.session() as db:
        row = queries.sample_by_id(db, int(value))
        if row is None:
            raise ReviewFileProblems(
                [
                    ReviewFileProblem(
                        str(path),
                        line,
                        f"there is no sample {value} in {store.display_url}",
                    )
                ]
            )
        return stored_sample(db, row)


def _first_sample_cell(path: Path) -> tuple[int, str] | None:
    """(line, sample cell) of the first row of a review file, read as review_file reads it."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        text = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    column: int | None = None
    try:
        for start, record in csv_records(text):
            if column is None:
                names = [cell.strip().lower() for cell in record]
                if not set(REQUIRED_COLUMNS) <= set(names):
                    return None  # the reader says which columns are missing
                column = names.index("sample")
                continue
            return start, record[column].strip() if column < len(record) else ""
    except UnreadableCsv:
        return None
    return None


def _is_json(path: Path) -> bool:
    """A WCAG-EM report: a .json file, or a file whose first character opens a JSON object."""
    if path.suffix.lower() in (".json", ".jsonld"):
        return True
    try:
        with path.open("rb") as handle:
            start = handle.read(64).removeprefix(b"\xef\xbb\xbf").lstrip()
    except OSError:
        return False
    return start.startswith(b"{")
