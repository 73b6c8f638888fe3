"""DocumentChecker: checks documents in worker processes, each check under a time and a memory limit.

A PDF parser can hang or balloon on a hostile file. Each check runs in a worker process that limits its
own memory (RLIMIT_AS); the checker kills a worker that takes longer than the time limit and starts a
fresh one for the next document. The caller gets a DocumentResult every time (`timeout`, `too-large`,
...), never a hang. Like the browser pool, the checker owns its processes: each runs in its own process
group and is killed as a whole on every way out (close, the end of a `with` block, Ctrl-C, garbage
collection, interpreter exit). `check` may be called from several threads; each call takes a worker of
its own, waiting for one to be free.
"""

import json
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time
import weakref
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from a11ycheck.documents.check import DEFAULT_LIMITS, file_sha256, file_size, unchecked_result
from a11ycheck.documents.limits import DocumentLimits
from a11ycheck.documents.results import DocumentResult, Status
from a11ycheck.errors import UserError

STARTUP_SECONDS = 30.0
STOP_GRACE_SECONDS = 1.0
MAX_REPLY_BYTES = 16 * 1024 * 1024
DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY_BYTES = 1024 * 1024 * 1024
PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # so the worker imports this same a11ycheck


class DocumentCheckerError(Exception):
    """The checker itself cannot go on: a worker cannot start, or the checker was closed."""


class _WorkerDied(Exception):
    def __init__(self, returncode: int | None):
        super().__init__(f"the worker exited with {returncode}")
        self.returncode = returncode


class _Worker:
    """One worker process, started when first needed and stopped (its whole process group) on demand."""

    def __init__(self, command: list[str]):
        self.command = command
        self.process: subprocess.Popen | None = None
        self._buffer = b""

    def ensure_started(self) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        self.stop()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
        try:
            self.process = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                env=env,
            )
        except OSError as exc:
            raise DocumentCheckerError(f"a document checker worker could not start: {exc}") from None
        try:
            reply = self._read_reply(time.monotonic() + STARTUP_SECONDS)
        except _WorkerDied as died:
            reply = {"error": f"it exited with code {died.returncode}"}
        if not reply or not reply.get("ready"):
            self.stop()
            reason = (reply or {}).get("error", f"no answer within {STARTUP_SECONDS:g} s")
            raise DocumentCheckerError(f"a document checker worker could not start: {reason}")

    def run(self, job: dict, timeout: float) -> dict | None:
        """The worker's reply to `job`, or None when it gave none within `timeout` seconds."""
        assert self.process is not None and self.process.stdin is not None
        # The time limit runs from before the job is sent: if this thread waits for a core after sending it,
        # the worker's time spent meanwhile counts (it once let a 0.001 s limit pass on a loaded machine).
        deadline = time.monotonic() + timeout
        try:
            self.process.stdin.write(json.dumps(job).encode() + b"\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            raise _WorkerDied(self.process.poll()) from None
        return self._read_reply(deadline)

    def _read_reply(self, deadline: float) -> dict | None:
        assert self.process is not None and self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk or len(self._buffer) > MAX_REPLY_BYTES:
                raise _WorkerDied(self._wait(STOP_GRACE_SECONDS))
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return json.loads(line)

    def _wait(self, seconds: float) -> int | None:
        assert self.process is not None
        try:
            return self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        """Kill the process group now (safe from another thread: touches no pipe)."""
        process = self.process
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def stop(self) -> None:
        """Ask the worker to end (SIGTERM to its group), kill what is left, and close the pipes."""
        process, self.process, self._buffer = self.process, None, b""
        if process is None:
            return
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                process.wait(STOP_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
                process.wait()
        for pipe in (process.stdin, process.stdout):
            try:
                if pipe:
                    pipe.close()
            except OSError:
                pass


def _stop_all(workers: list[_Worker]) -> None:
    for worker in workers:
        worker.kill()
        worker.stop()


class DocumentChecker:
    """Checks documents in `workers` processes, each check within `timeout` seconds and `memory_bytes`
    of address space (None: no memory limit), with the caps of `limits`; the workers run `python`.

        with DocumentChecker(workers=2) as checker:
            result = checker.check("/tmp/download.pdf", name="https://www.gemeente.be/reglement.pdf")
    """

    def __init__(
        self,
        workers: int = 1,
        timeout: float = DEFAULT_TIMEOUT,
        memory_bytes: int | None = DEFAULT_MEMORY_BYTES,
        limits: DocumentLimits = DEFAULT_LIMITS,
        python: str = sys.executable,
    ):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.timeout = timeout
        self.memory_bytes = memory_bytes
        self.limits = limits
        command = [python, "-m", "a11ycheck.documents.worker", "--memory", str(memory_bytes or 0)]
        self._workers = [_Worker(command) for _ in range(workers)]
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        for worker in self._workers:
            self._idle.put(worker)
        self._busy: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._finalizer = weakref.finalize(self, _stop_all, self._workers)

    def __enter__(self) -> "DocumentChecker":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker; a check still running in another thread raises DocumentCheckerError."""
        with self._lock:
            self._closed = True
            busy = set(self._busy)
        for worker in self._workers:
            if worker in busy:
                worker.kill()  # its thread sees the end of the pipe and cleans up
            else:
                worker.stop()
        self._finalizer.detach()

    def check(
        self,
        path: str | Path,
        name: str | None = None,
        content_type: str | None = None,
        last_modified: str | datetime | None = None,
    ) -> DocumentResult:
        """Check one file. `name` is the document's URL or file name, `content_type` the server's
        Content-Type, `last_modified` its Last-Modified header. UserError when there is no such file."""
        path = Path(path).absolute()
        size = file_size(path)
        if size > self.limits.max_bytes:
            message = f"the file is {size} bytes (limit {self.limits.max_bytes})"
            return unchecked_result(
                path, Status.TOO_LARGE, message, name, content_type, last_modified, size=size
            )
        sha256 = file_sha256(path)
        job = {
            "path": str(path),
            "name": name,
            "content_type": content_type,
            "last_modified": last_modified.isoformat()
            if isinstance(last_modified, datetime)
            else last_modified,
            "limits": asdict(self.limits),
            "sha256": sha256,
            "timeout": self.timeout,
        }
        worker = self._acquire()
        keep = False
        try:
            worker.ensure_started()
            try:
                reply = worker.run(job, self.timeout)
            except _WorkerDied as died:
                if self._closed:
                    raise DocumentCheckerError("the document checker was closed during a check") from None
                status, message = _death(died.returncode, self.memory_bytes)
                return unchecked_result(
                    path, status, message, name, content_type, last_modified, sha256, size
                )
            if reply is None:
                message = f"checking took longer than {self.timeout:g} s: stopped"
                return unchecked_result(
                    path, Status.TIMEOUT, message, name, content_type, last_modified, sha256, size
                )
            if "error" in reply:
                keep = True
                raise UserError(reply["error"])
            keep = not reply.get("retire")
            return DocumentResult.from_dict(reply["result"])
        finally:
            if not keep or self._closed:
                worker.stop()
            self._release(worker)

    def _acquire(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise DocumentCheckerError("the document checker is closed")
        worker = self._idle.get()
        with self._lock:
            if self._closed:
                self._idle.put(worker)
                raise DocumentCheckerError("the document checker is closed")
            self._busy.add(worker)
        return worker

    def _release(self, worker: _Worker) -> None:
        with self._lock:
            self._busy.discard(worker)
        self._idle.put(worker)


def _death(returncode: int | None, memory_bytes: int | None) -> tuple[Status, str]:
    """What a worker's death without an answer most likely means."""
    if returncode == -signal.SIGXCPU:
        return Status.TIMEOUT, "checking used more CPU time than allowed: stopped"
    if returncode in (-signal.SIGKILL, -signal.SIGABRT) or returncode is None:
        limit = f" of {memory_bytes // (1024 * 1024)} MiB" if memory_bytes else ""
        return Status.TOO_LARGE, f"the checker ran out of memory on this file (limit{limit}) and was stopped"
    name = (
        signal.Signals(-returncode).name if returncode < 0 and -returncode in signal.valid_signals() else None
    )
    how = f"signal {name}" if name else f"exit code {returncode}"
    return Status.UNREADABLE, f"the checker crashed on this file ({how})"
