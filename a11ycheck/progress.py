"""Showing a run's progress: a live bar on a terminal, plain log lines otherwise (cron, CI, pipes)."""

import sys
import threading
import time
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from a11ycheck.vocabulary.statuses import AUDIT_FAILURES, OK


class RunProgress:
    """Counts pages found, audited and failed; thread-safe, since audits finish on many threads."""

    def __init__(self, stream: TextIO | None = None, live: bool | None = None, log_every: float = 10.0):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.found = self.audited = self.failed = 0
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._last_log = self._started
        self._log_every = log_every
        self._bar: Progress | None = None
        self._task = None

    def __enter__(self) -> "RunProgress":
        if self.live:
            self._bar = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                TextColumn("{task.fields[counts]}"),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task("auditing", total=None, counts="")
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._bar:
            self._refresh()
            self._bar.stop()
        elif exc_type is None or exc_type is KeyboardInterrupt:
            self._log(force=True)

    def page_found(self) -> None:
        with self._lock:
            self.found += 1
        self._refresh()

    def page_done(self, status: str) -> None:
        """Audited pages, pages whose audit failed; HTTP errors and refusals count as found only."""
        with self._lock:
            if status == OK:
                self.audited += 1
            elif status in AUDIT_FAILURES:
                self.failed += 1
        self._refresh()

    @property
    def pages_per_minute(self) -> float:
        elapsed = max(time.monotonic() - self._started, 1e-6)
        return (self.audited + self.failed) * 60.0 / elapsed

    def counts(self) -> str:
        return (
            f"found {self.found}  audited {self.audited}  failed {self.failed}  "
            f"{self.pages_per_minute:.0f} pages/min"
        )

    def _refresh(self) -> None:
        if self._bar is not None:
            done = self.audited + self.failed
            self._bar.update(
                self._task, total=max(self.found, done) or None, completed=done, counts=self.counts()
            )
        else:
            self._log()

    def _log(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last_log >= self._log_every:
            self._last_log = now
            print(f"a11ycheck: {self.counts()}", file=self.stream, flush=True)
