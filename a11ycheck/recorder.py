"""Writing a run's results as pages complete, in batches, so a killed run keeps what it audited."""

import threading
import time

from sqlmodel import SQLModel

from a11ycheck.models import Document
from a11ycheck.page_observers import PageObserver, rows_for
from a11ycheck.progress import RunProgress
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import PageResult


class RunRecorder:
    """Buffers finished pages and documents; flushes every `batch_size` pages or `max_delay` seconds."""

    def __init__(
        self,
        store: Store,
        run_id: int,
        progress: RunProgress | None = None,
        batch_size: int = 20,
        max_delay: float = 2.0,
        pages_done: set[str] = frozenset(),
        documents_done: set[str] = frozenset(),
        max_pages: int | None = None,
        observers: list[PageObserver] = (),
    ):
        self.store = store
        self.run_id = run_id
        self.progress = progress
        self.batch_size = batch_size
        self.max_delay = max_delay
        self._pages: list[tuple[PageRecord, PageResult | None]] = []
        self.observers = list(observers)
        self._rows: list[SQLModel] = []  # what the observers store with the pages
        self._documents: list[Document] = []
        self._seen: set[str] = set(pages_done)  # pages claimed, by this process or the run before a resume
        self._documents_seen: set[str] = set(documents_done)
        self.max_pages = max_pages
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._last_flush = time.monotonic()
        self._accepting = True

    def claim(self, url: str) -> bool:
        """True the first time a page URL is offered in this run, within max_pages: none audited twice."""
        with self._lock:
            if not self._would_accept(url):
                return False
            self._seen.add(url)
        if self.progress:
            self.progress.page_found()
        return True

    def wants(self, url: str) -> bool:
        """Whether `claim(url)` would succeed now (it claims nothing): worth auditing before it is offered."""
        with self._lock:
            return self._would_accept(url)

    def _would_accept(self, url: str) -> bool:
        """New to this run and within max_pages; the caller holds the lock."""
        return url not in self._seen and (self.max_pages is None or len(self._seen) < self.max_pages)

    def stop_accepting(self) -> None:
        """After an interruption: pages still finishing were cut short, so they are left for a resume."""
        with self._lock:
            self._accepting = False

    def page(self, record: PageRecord, result: PageResult | None) -> None:
        status = result.status if result else record.status
        rows = rows_for(self.observers, self.run_id, record, result) if self.observers else []
        with self._lock:
            if not self._accepting:
                return
            self._pages.append((record, result))
            self._rows += rows
            due = len(self._pages) >= self.batch_size or time.monotonic() - self._last_flush >= self.max_delay
        if self.progress:
            self.progress.page_done(status)
        if due:
            self.flush()

    def wants_document(self, url: str) -> bool:
        """Whether a document is still to be recorded in this run (not before a resume, nor twice)."""
        with self._lock:
            return url not in self._documents_seen

    def document(self, document: Document) -> None:
        with self._lock:
            if document.url in self._documents_seen:
                return
            self._documents_seen.add(document.url)
            self._documents.append(document)

    def flush(self) -> None:
        with self._write_lock:
            with self._lock:
                pages, self._pages = self._pages, []
                rows, self._rows = self._rows, []
                documents, self._documents = self._documents, []
                self._last_flush = time.monotonic()
            if pages:
                self.store.save_pages(self.run_id, pages, rows)
            if documents:
                self.store.save_documents(self.run_id, documents)
