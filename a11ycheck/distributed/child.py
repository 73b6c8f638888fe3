"""Running one `a11ycheck crawl` or `resume` in its own process, which dies with the worker that started it.

Scrapy's reactor runs once per process, so every site gets a fresh one. The child asks the kernel for
SIGTERM when its parent dies (PR_SET_PDEATHSIG): a worker process killed mid-site never leaves a crawl
running on, so the run can be resumed elsewhere; SIGTERM lets the crawl write what it audited and close
its browsers.
"""

import ctypes
import os
import signal
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

_PR_SET_PDEATHSIG = 1
_libc = ctypes.CDLL(None, use_errno=True)


@dataclass(frozen=True)
class ChildExit:
    code: int
    last_error_line: str


def run_child(
    command: list[str], env: dict[str, str], still_wanted: Callable[[], bool], every: float
) -> ChildExit | None:
    """Run `command` to its end, calling `still_wanted` every `every` seconds; None when it said no.

    The child's standard output goes to the worker's log; its standard error is kept for the last line.
    """
    parent = os.getpid()

    def die_with_parent() -> None:  # between fork and exec, in the child
        _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, stderr=errors, preexec_fn=die_with_parent
        )
        try:
            while True:
                try:
                    code = process.wait(timeout=every)
                    break
                except subprocess.TimeoutExpired:
                    if not still_wanted():
                        stop(process)
                        return None
        except BaseException:
            stop(process)
            raise
        errors.seek(0)
        lines = [line for line in errors.read().decode(errors="replace").splitlines() if line.strip()]
    return ChildExit(code, lines[-1].strip() if lines else "")


def stop(process: subprocess.Popen, grace: float = 30.0) -> None:
    """SIGTERM (the crawl writes what it has and closes its browsers), then SIGKILL after `grace` s."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
