"""Building the report: read what the database and the charters say, and write a static site (or, for one
municipality, a single self-contained HTML file). The CLI's `report build` is a thin call to `build_report`.
"""

import os
import shutil
from dataclasses import dataclass
from datetime import date
from importlib.resources import as_file, files
from pathlib import Path

from sqlalchemy.engine import make_url

from a11ycheck.charters.charter import Charter
from a11ycheck.charters.document_tallies import DocumentCounts, document_counts
from a11ycheck.charters.status import STALE_AFTER_DAYS
from a11ycheck.charters.tallies import RunCounts, run_counts
from a11ycheck.errors import UserError
from a11ycheck.language.queries import language_counts
from a11ycheck.register import Register
from a11ycheck.report import queries
from a11ycheck.report.charter_view import charters_by_slug
from a11ycheck.report.context import SORTS, overview_row, overview_views
from a11ycheck.report.i18n import LANGUAGES, Messages
from a11ycheck.report.organisation_pages import organisation_view
from a11ycheck.report.organisation_writer import (
    OrganisationTask,
    OrganisationWriter,
    WriterSetup,
    write_organisations,
)
from a11ycheck.report.organisations import (
    Describe,
    OrganisationAudits,
    OrganisationInfo,
    attach_snapshots,
    group_by_organisation,
)
from a11ycheck.report.paths import OutputFolder, file_slug
from a11ycheck.report.peers import PeerMedians, peer_medians
from a11ycheck.report.render import PageWriter, make_environment
from a11ycheck.store import Store

MARKER = ".a11ycheck-report"  # marks a folder as ours, so a rebuild may replace what it wrote before
OWN_ENTRIES = ("index.html", "overview", "org", "static")
PARALLEL_FROM_PAGES = (
    20_000  # below this many stored pages, starting worker processes costs more than it saves
)


@dataclass(frozen=True)
class ReportRequest:
    out: Path = Path("reports")
    lang: str = "nl"
    municipality: str | None = None
    single_file: bool = False
    today: date | None = None  # the day the charter statuses are evaluated for; default: today
    charters_dir: Path | None = None  # charter files (<slug>.yaml); None: a report without charters
    workers: int | None = None  # processes writing pages; None: one per core for a large database
    stale_after: int = STALE_AFTER_DAYS  # days after which a reported commitment's report is stale


@dataclass(frozen=True)
class BuildResult:
    path: Path  # the index page, or the single file
    files: int
    organisations: int


def build_report(store: Store, request: ReportRequest) -> BuildResult:
    """Write the report the request asks for; UserError for anything a person can fix."""
    if request.lang not in LANGUAGES:
        raise UserError(f"unsupported language {request.lang!r}: use one of {', '.join(LANGUAGES)}")
    if request.single_file and not request.municipality:
        raise UserError("--single-file needs --municipality SLUG: a single file holds one municipality")
    today = request.today or date.today()
    register = Register.load()
    describe = describer(register)
    charters = charters_by_slug(request.charters_dir, register) if _charters_dir(request) else {}
    with store.engine.connect() as connection:
        organisations = group_by_organisation(queries.sites(connection), queries.runs(connection), describe)
        # every organisation's counts, also for one municipality: its figures are compared with its peers'
        counts = run_counts(connection) if any(o.runs for o in organisations) else {}
    _add_organisations_with_only_a_charter(organisations, charters, describe)
    attach_snapshots(organisations, counts)
    peers = peer_medians(organisations)
    if request.municipality:
        organisations = [_find_organisation(organisations, request.municipality, register)]
    run_ids = [run.id for organisation in organisations for run in organisation.runs]
    with store.engine.connect() as connection:
        documents = document_counts(connection, run_ids if request.municipality else None) if run_ids else {}
        language = language_counts(connection, run_ids if request.municipality else None) if run_ids else {}
    setup = WriterSetup(store.url, request.out.expanduser(), request.lang, today, request.stale_after)
    if request.single_file:
        return _single_file(store, organisations[0], counts, charters, setup, peers)

    folder = prepare_output(request.out)
    tasks = [
        OrganisationTask(
            o,
            {r.id: counts[r.id] for r in o.runs if r.id in counts},
            charters.get(o.info.key),
            peers.compare(o),
        )
        for o in organisations
    ]
    done = write_organisations(tasks, setup, store, _workers(request, store, counts))
    messages = Messages(request.lang)
    rows = [
        overview_row(o, d.charter_counts, d.statement_grade, _latest_documents(o, documents), language)
        for o, d in zip(organisations, done, strict=True)
    ]
    writer = PageWriter(folder, make_environment(request.lang, today))
    sorts = (*SORTS, "charter") if charters else SORTS
    for path, view in overview_views(organisations, rows, messages, sorts):
        writer.write(path, "overview.html", view=view)
    _copy_static(folder)
    folder.root.joinpath(MARKER).write_text("a11ycheck report\n", encoding="utf-8")
    written = writer.written + sum(d.files for d in done)
    return BuildResult(folder.path("index.html"), written, len(organisations))


def _latest_documents(
    organisation: OrganisationAudits, documents: dict[int, DocumentCounts]
) -> DocumentCounts | None:
    """The documents of the organisation's latest completed crawls, summed; None without a crawl."""
    if organisation.latest is None:
        return None
    return sum(
        (documents.get(run_id, DocumentCounts()) for run_id in organisation.latest.run_ids), DocumentCounts()
    )


def describer(register: Register) -> Describe:
    """Names and provinces from the register; a slug it does not know is shown as it is."""

    def describe(key: str) -> OrganisationInfo:
        found = register.find(key)
        if found is None:
            return OrganisationInfo(key=key, slug=file_slug(key) or "organisation", name=key, kind="unknown")
        return OrganisationInfo(found.slug, file_slug(found.slug), found.name, found.province, found.kind)

    return describe


def _charters_dir(request: ReportRequest) -> Path | None:
    if request.charters_dir is not None and not request.charters_dir.is_dir():
        raise UserError(f"no charters folder {request.charters_dir}: pass --charters DIR or leave it out")
    return request.charters_dir


def _workers(request: ReportRequest, store: Store, counts: dict[int, RunCounts]) -> int:
    if request.workers is not None:
        return max(1, request.workers)
    in_memory = make_url(store.url).get_backend_name() == "sqlite" and make_url(store.url).database in (
        None,
        "",
        ":memory:",
    )
    if in_memory or sum(c.pages for c in counts.values()) < PARALLEL_FROM_PAGES:
        return 1
    return os.cpu_count() or 1


def _add_organisations_with_only_a_charter(
    organisations: list[OrganisationAudits], charters: dict[str, Charter], describe: Describe
) -> None:
    """A municipality with a charter but no site yet still gets its page: its other commitments count."""
    present = {organisation.info.key for organisation in organisations}
    taken = {organisation.info.slug for organisation in organisations}
    for slug in charters:
        if slug not in present:
            info = describe(slug)
            if info.slug not in taken:
                organisations.append(OrganisationAudits(info=info))
    organisations.sort(key=lambda org: (org.info.name.casefold(), org.info.key))


def _find_organisation(
    organisations: list[OrganisationAudits], ref: str, register: Register
) -> OrganisationAudits:
    known = register.find(ref)
    for organisation in organisations:
        info = organisation.info
        if ref in (info.slug, info.key) or (known is not None and known.slug == info.key):
            return organisation
    if known is None and not any(file_slug(ref) == o.info.slug for o in organisations):
        register.get(ref)  # raises the register's message, with close names
    name = known.name if known else ref
    raise UserError(f"no audited sites for {name!r} in the database: add one with `a11ycheck sites add`")


def prepare_output(out: Path) -> OutputFolder:
    """The output folder, emptied of an earlier report; a non-empty folder that is not a report is refused."""
    root = out.expanduser()
    if root.exists() and not root.is_dir():
        raise UserError(f"cannot write the report to {out}: it is a file, not a folder")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create the report folder {out}: {exc.strerror}") from None
    visible = [entry for entry in root.iterdir() if not entry.name.startswith(".")]  # .gitkeep is fine
    if visible and not (root / MARKER).is_file():
        raise UserError(f"{out} is not empty and holds no a11ycheck report: choose a new or empty folder")
    for name in OWN_ENTRIES:
        entry = root / name
        if entry.is_symlink() or entry.is_file():
            entry.unlink()
        elif entry.is_dir():
            shutil.rmtree(entry)
    return OutputFolder(root)


def _copy_static(folder: OutputFolder) -> None:
    with as_file(files("a11ycheck.report") / "static") as static:
        for source in Path(static).iterdir():
            if source.is_file():
                folder.write_text(("static", source.name), source.read_text(encoding="utf-8"))


def _single_file(
    store: Store,
    organisation: OrganisationAudits,
    counts: dict[int, RunCounts],
    charters: dict[str, Charter],
    setup: WriterSetup,
    peers: PeerMedians,
) -> BuildResult:
    """One HTML file for one municipality, stylesheet inlined and charts inline, for sending by mail."""
    out = setup.out
    if out.exists() and not out.is_dir():
        raise UserError(f"cannot write the report to {out}: it is a file, not a folder")
    writer = OrganisationWriter(setup, store)
    charter = writer.charter(organisation, charters.get(organisation.info.key))
    with store.engine.connect() as connection:
        view = organisation_view(
            connection, organisation, counts, writer.messages, None, charter, peers.compare(organisation)
        )
    environment = make_environment(setup.lang, setup.today, single_file=True)
    html = environment.get_template("organisation.html").render(root="", org=view)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if setup.lang == "nl" else f".{setup.lang}"
    path = OutputFolder(out).write_text((f"{organisation.info.slug}{suffix}.html",), html)
    return BuildResult(path, 1, 1)
