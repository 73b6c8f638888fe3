"""The seam the wings plug into a run: what they collect in each audited page and what they do at the end.

A wing that needs something of every page (its main text, its structure, its links) gives a PageObserver:
a JavaScript function the audit script runs in the page beside axe, in the same round trip (its result
comes back in `PageResult.collected[name]`); `rows`, the rows it stores with the page, in the page's own
transaction; and `finish`, called once after the last page while the run's browsers are still open (to
fetch and read an accessibility statement, say). runs.py asks the enabled wings for their observers; the
audit and the store know nothing of the wings.

An observer's failure on one page is logged and never stops the run: the page and its findings are kept.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import SQLModel

from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import PageResult, RenderedPage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunContext:
    """What an observer's `finish` may use: the run, its database and a browser to render a page with."""

    run_id: int
    kind: str  # "crawl" or "audit"
    start_url: str | None
    store: Store
    render: Callable[[str], RenderedPage]
    audited_urls: frozenset[str]


class PageObserver:
    """The protocol (with do-nothing defaults). `script` is a JavaScript expression whose value is a function
    taking no argument and returning JSON data; it runs in each page to be audited, never throws out."""

    name: str = ""
    script: str = ""

    def rows(self, run_id: int, record: PageRecord, result: PageResult | None) -> list[SQLModel]:
        return []

    def finish(self, run: RunContext) -> None:
        return None


def collectors(observers: list[PageObserver]) -> tuple[tuple[str, str], ...]:
    """The (name, script) pairs the audit runs in every page."""
    return tuple((observer.name, observer.script) for observer in observers if observer.script)


def rows_for(
    observers: list[PageObserver], run_id: int, record: PageRecord, result: PageResult | None
) -> list[SQLModel]:
    """Every observer's rows for one page; an observer that fails is logged and skipped."""
    found: list[SQLModel] = []
    for observer in observers:
        try:
            found += observer.rows(run_id, record, result)
        except Exception:  # noqa: BLE001 - a wing's bug must not cost the page its audit
            log.exception("%s could not read %s", observer.name, record.url)
    return found


def finish_all(observers: list[PageObserver], run: RunContext) -> None:
    for observer in observers:
        try:
            observer.finish(run)
        except Exception:  # noqa: BLE001 - a wing's bug must not fail the run
            log.exception("%s could not finish run %s", observer.name, run.run_id)
