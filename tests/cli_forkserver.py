"""A fork server for tests/helpers.py `run_cli`: one process per test worker imports the CLI and the store
once, then forks a child for each command a test runs. The child is its own process, as with
`python -m a11ycheck`: its arguments, environment, folder, standard streams, exit status and interpreter
exit (threads joined, atexit run) are the command's own; only the imports were done before the fork, which
saves a second or more of CPU per command. `run_cli(..., spawn=True)`, or A11YCHECK_TEST_SPAWN_CLI=1 for a
whole run, starts a fresh interpreter instead (tests/test_imports.py does, for what startup loads).

The same server runs a test's own Python script the same way (`run_python`, as `python -c CODE ARGS...`):
the Scrapy crawls of tests/test_spider.py, which need a process of their own for Scrapy's reactor.

Protocol, one JSON object a line: requests on standard input ({args, env, cwd, stdout, stderr, timeout},
and {code} for a script: stdout and stderr are paths the child writes), answers on standard output ({code}
or {timeout: true}).
"""

import gc
import json
import os
import select
import signal
import sys
import threading

PRELOAD = (  # what most commands load; none of it starts a thread (main() checks)
    "a11ycheck.cli",
    "a11ycheck.store",
    "a11ycheck.models",
    "alembic.command",
    "alembic.config",
    "alembic.runtime.migration",
    "sqlalchemy.dialects.sqlite",
    "a11ycheck.charters.status",
    "a11ycheck.document_source",
    "a11ycheck.export",
    "a11ycheck.language.check",
    "a11ycheck.report.build",
    "a11ycheck.retention",
    "a11ycheck.review.reviews",
    "a11ycheck.review.site_review",
    "a11ycheck.sites",
    "scrapy.crawler",  # imported, not started: the reactor is installed by the child's own crawl
    "a11ycheck.spiders.site_spider",
    "a11ycheck.spiders.settings",
)


def _answer(message: dict) -> None:
    os.write(1, (json.dumps(message) + "\n").encode())  # unbuffered: nothing left for a child to flush


def _child(request: dict) -> None:
    """In the forked child: become the command's process, run `python -m a11ycheck`, exit as it exits."""
    os.setpgid(0, 0)  # a timeout stops the command and whatever it started
    signal.signal(signal.SIGINT, signal.default_int_handler)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    for fd, path, flags in (
        (0, os.devnull, os.O_RDONLY),
        (1, request["stdout"], os.O_WRONLY | os.O_TRUNC),
        (2, request["stderr"], os.O_WRONLY | os.O_TRUNC),
    ):
        opened = os.open(path, flags)
        os.dup2(opened, fd)
        os.close(opened)
    sys.path[0] = os.getcwd()  # as `python -m` and `python -c` put it
    if "code" in request:
        sys.argv = ["-c", *request["args"]]
        exec(compile(request["code"], "<string>", "exec"), {"__name__": "__main__"})
    else:
        sys.argv = ["a11ycheck", *request["args"]]
        import runpy

        runpy.run_module("a11ycheck", run_name="__main__", alter_sys=True)
    raise SystemExit(0)  # the interpreter's own exit from here: threads joined, atexit run, streams flushed


def main() -> None:
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    if threading.active_count() != 1:  # forking a process with threads is not safe
        raise SystemExit(f"a preloaded module started a thread: {threading.enumerate()}")
    # The imported objects move to a generation the collector never scans: a child's exit then frees them
    # without first touching (and so copying) every page the fork shares; 0.35 s less per command, measured.
    gc.freeze()
    sys.stdout.flush()
    sys.stderr.flush()
    _answer({"ready": os.getpid()})
    for line in sys.stdin.buffer:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request)
        exited = os.pidfd_open(pid)
        finished, _, _ = select.select([exited], [], [], request["timeout"])
        os.close(exited)
        if not finished:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, status = os.waitpid(pid, 0)
        _answer({"code": os.waitstatus_to_exitcode(status)} if finished else {"timeout": True})


if __name__ == "__main__":
    main()
