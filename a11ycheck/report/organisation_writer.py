"""Writing every organisation's pages, in this process or in a pool of worker processes (one per core).

One organisation's pages (its page, its run pages, its per-page pages, its charter) depend on nothing but its
own rows, so they are written in parallel without coordination; each worker has its own database
connection and Jinja environment, and the pool is shut down on every way out.
"""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from a11ycheck.charters.charter import Charter
from a11ycheck.charters.status import STALE_AFTER_DAYS
from a11ycheck.charters.tallies import RunCounts
from a11ycheck.report.charter_view import CharterView, charter_view, evaluate_charter_statuses
from a11ycheck.report.i18n import Messages
from a11ycheck.report.organisation_pages import organisation_view
from a11ycheck.report.organisations import OrganisationAudits
from a11ycheck.report.paths import OutputFolder
from a11ycheck.report.peers import PeerComparison
from a11ycheck.report.render import PageWriter, make_environment
from a11ycheck.store import Store


@dataclass(frozen=True)
class WriterSetup:
    """What every process writing pages shares."""

    database_url: str
    out: Path
    lang: str
    today: date
    stale_after: int = STALE_AFTER_DAYS  # days after which a reported commitment's report is stale


@dataclass(frozen=True)
class OrganisationTask:
    organisation: OrganisationAudits
    counts: dict[int, RunCounts]  # of this organisation's runs
    charter: Charter | None
    peers: list[PeerComparison] = field(default_factory=list)  # its headline figures beside the medians


@dataclass(frozen=True)
class OrganisationDone:
    files: int
    charter_counts: tuple[tuple[str, int], ...]  # for the overview
    statement_grade: str | None = None  # for the overview


class OrganisationWriter:
    """Writes organisations' pages; one per process."""

    def __init__(self, setup: WriterSetup, store: Store | None = None):
        self.setup = setup
        self.store = store or Store(setup.database_url)
        self.messages = Messages(setup.lang)
        self.writer = PageWriter(OutputFolder(setup.out), make_environment(setup.lang, setup.today))

    def charter(self, organisation: OrganisationAudits, charter: Charter | None) -> CharterView | None:
        if charter is None:
            return None
        evaluated = evaluate_charter_statuses(self.store, charter, self.setup.today, self.setup.stale_after)
        return charter_view(evaluated, organisation.snapshots, self.messages)

    def write(self, task: OrganisationTask) -> OrganisationDone:
        organisation = task.organisation
        charter = self.charter(organisation, task.charter)
        before = self.writer.written
        with self.store.engine.connect() as connection:
            view = organisation_view(
                connection, organisation, task.counts, self.messages, self.writer, charter, task.peers
            )
        self.writer.write(("org", organisation.info.slug, "index.html"), "organisation.html", org=view)
        return OrganisationDone(
            self.writer.written - before, charter.counts if charter else (), view.statement_grade
        )


_worker: OrganisationWriter | None = None  # the writer of a pool's worker process


def _start_worker(setup: WriterSetup) -> None:
    global _worker
    _worker = OrganisationWriter(setup)


def _write_in_worker(task: OrganisationTask) -> OrganisationDone:
    return _worker.write(task)


def write_organisations(
    tasks: list[OrganisationTask], setup: WriterSetup, store: Store, workers: int
) -> list[OrganisationDone]:
    """Write every task's pages, in task order, with `workers` processes (1: in this process)."""
    if workers <= 1 or len(tasks) < 2:
        writer = OrganisationWriter(setup, store)
        return [writer.write(task) for task in tasks]
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no inherited connections
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(setup,)
    ) as pool:
        try:
            return list(pool.map(_write_in_worker, tasks))
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
