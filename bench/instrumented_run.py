"""One a11ycheck run in-process, through the library API, instrumented: how busy the browsers were and
where the rest of the time went.

    .venv/bin/python -m bench.instrumented_run audit --urls-file urls.txt --browsers 2
    .venv/bin/python -m bench.instrumented_run crawl http://127.0.0.1:8800/ --max-pages 300 --browsers 2

It calls `a11ycheck.runs.audit_urls` or `crawl_site` with a plan (a11ycheck.targets), as the CLI does, and
keeps hold of the BrowserPool the run makes (by wrapping `a11ycheck.runs._browsers`) to read
`stats.busy_seconds`: the time browsers spent inside `BrowserPool.audit`. Busy share = busy seconds /
(browsers x wall). It also times every WebDriver command (wrapping selenium's `WebDriver.execute`) and
samples the stacks of all Python threads every 20 ms, so the time that is not the browser's can be named.
cProfile does not fit here: on Python 3.12 one profiler sees every thread's calls as one interleaved stack.
Prints a JSON report on standard output.
"""

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from selenium.webdriver.remote.webdriver import WebDriver

from a11ycheck import runs
from a11ycheck.settings import Settings
from a11ycheck.store import Store
from a11ycheck.targets import plan_audit, plan_crawl

SAMPLE_EVERY = 0.02  # 50 samples a second: enough, and cheap for the process measured
_BLOCKING_FUNCTIONS = {"readinto", "recv", "recv_into", "select", "poll", "wait", "get", "sleep", "accept"}


class CommandTimer:
    """Wall time of every WebDriver command, by command name (a round trip to chromedriver and Chromium)."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self._lock = threading.Lock()

    @contextmanager
    def installed(self):
        original = WebDriver.execute

        def timed(driver, driver_command, params=None):
            started = time.perf_counter()
            try:
                return original(driver, driver_command, params)
            finally:
                elapsed = time.perf_counter() - started
                with self._lock:
                    self.seconds[driver_command] += elapsed
                    self.calls[driver_command] += 1

        WebDriver.execute = timed
        try:
            yield self
        finally:
            WebDriver.execute = original


class StackSampler:
    """Wall-clock sampling of every Python thread's stack: what each thread was doing, 50 times a second."""

    def __init__(self, interval: float = SAMPLE_EVERY) -> None:
        self.interval = interval
        self.activities: Counter[str] = Counter()  # what a thread was doing, over all samples
        self.running: Counter[str] = Counter()  # innermost frame while running Python (not waiting)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stack-sampler", daemon=True)

    def __enter__(self) -> "StackSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = threading.get_ident()
        names = {}
        while not self._stop.wait(self.interval):
            for thread in threading.enumerate():
                names[thread.ident] = thread.name
            for ident, frame in sys._current_frames().items():
                name = names.get(ident, "")
                if ident == me or name.startswith(("Thread-", "tree-memory")) and "audit" not in name:
                    continue  # watchdog timers and helpers that only sleep
                self._classify(name, frame)

    def _classify(self, thread_name: str, frame) -> None:
        stack = []
        while frame is not None:
            stack.append((frame.f_code.co_filename, frame.f_code.co_name, frame.f_lineno))
            frame = frame.f_back
        files = " ".join(filename for filename, _, _ in stack)
        innermost_file, innermost_name, _ = stack[0]
        if "audit" in thread_name:
            role = "audit thread"
        elif thread_name.startswith("browser-pool"):
            role = "pool background thread"
        else:
            role = "main thread"
        blocked = innermost_name in _BLOCKING_FUNCTIONS and innermost_file.endswith(
            (
                "socket.py",
                "threading.py",
                "queue.py",
                "selectors.py",
                "client.py",
                "pollreactor.py",
                "epollreactor.py",
            )
        )
        if blocked:
            if "remote_connection.py" in files:
                what = "waiting for the browser (WebDriver command)"
            elif (
                "concurrent/futures/thread.py" in files or "threadpool.py" in files and "_audit" not in files
            ):
                what = "idle: no page to audit"
            elif "/audit/pool.py" in files and "_acquire" in {n for _, n, _ in stack}:
                what = "waiting for a free browser"
            elif "reactor" in files or "selectors.py" in files:
                what = "reactor waiting for events"
            else:
                what = f"waiting in {Path(innermost_file).name}:{innermost_name}"
        else:
            if "remote_connection.py" in files and "chromium.py" in files:
                what = "starting a browser"
            else:
                what = f"running Python: {_package(innermost_file)}"
            ours = next((s for s in stack if "/a11ycheck/" in s[0] or "/spiders/" in s[0]), None)
            where = f"{_short(innermost_file)}:{innermost_name}"
            if ours and ours[0] != innermost_file:
                where += f" <- {_short(ours[0])}:{ours[1]}"
            self.running[f"{role}: {where}"] += 1
        self.activities[f"{role}: {what}"] += 1


def _package(filename: str) -> str:
    for package in (
        "a11ycheck",
        "spiders",
        "selenium",
        "sqlalchemy",
        "sqlmodel",
        "scrapy",
        "twisted",
        "urllib3",
    ):
        if f"/{package}/" in filename:
            return package
    return "standard library" if "/lib/python3" in filename else "other"


def _short(filename: str) -> str:
    parts = Path(filename).parts
    for anchor in ("site-packages", "a11ycheck", "spiders", "python3.12"):
        if anchor in parts:
            index = parts.index(anchor)
            return "/".join(parts[index + (1 if anchor in ("site-packages", "python3.12") else 0) :])
    return Path(filename).name


def run(mode: str, target: str, settings: Settings) -> dict:
    """One run with the pool, WebDriver commands and thread stacks watched; a dictionary of what was seen."""
    pools = []
    make_pool = runs._browsers

    @contextmanager
    def keep_pool(*args, **kwargs):
        with make_pool(*args, **kwargs) as pool:
            start = pool._start

            def timed_start():
                started = time.perf_counter()
                try:
                    return start()
                finally:
                    pool.start_seconds = getattr(pool, "start_seconds", 0.0) + time.perf_counter() - started

            pool._start = timed_start
            pools.append(pool)
            yield pool

    runs._browsers = keep_pool
    store = Store(settings.db)
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    try:
        with CommandTimer().installed() as commands, StackSampler() as sampler:
            started = time.perf_counter()
            if mode == "audit":
                urls = [line.strip() for line in Path(target).read_text().splitlines() if line.strip()]
                summary = runs.audit_urls(plan_audit(urls, settings), store)
            else:
                summary = runs.crawl_site(plan_crawl(target, settings), store)
            wall = time.perf_counter() - started
    finally:
        runs._browsers = make_pool
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    (pool,) = pools
    pages = summary.audited + summary.failed
    samples = sum(sampler.activities.values()) or 1
    return {
        "mode": mode,
        "browsers": settings.browsers,
        "wall_seconds": round(wall, 2),
        "pages": summary.pages,
        "pages_audited": summary.audited,
        "pages_failed": summary.failed,
        "pages_per_minute": round(pages * 60 / wall, 1),
        "busy_seconds": round(pool.stats.busy_seconds, 2),
        "busy_share": round(pool.stats.busy_seconds / (settings.browsers * wall), 3),
        "browsers_started": pool.stats.browsers_started,
        "browser_start_seconds": round(getattr(pool, "start_seconds", 0.0), 2),
        "python_cpu_seconds": round(
            cpu_after.ru_utime + cpu_after.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime, 2
        ),
        "webdriver_ms_per_page": {
            name: round(seconds * 1000 / max(pages, 1), 1) for name, seconds in commands.seconds.most_common()
        },
        "webdriver_calls_per_page": {
            name: round(calls / max(pages, 1), 2) for name, calls in commands.calls.most_common()
        },
        "thread_time_share": {k: round(v / samples, 4) for k, v in sampler.activities.most_common(20)},
        "python_hotspots_share": {k: round(v / samples, 4) for k, v in sampler.running.most_common(20)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.instrumented_run", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("mode", choices=("audit", "crawl"))
    parser.add_argument("target", nargs="?", help="crawl: the start URL")
    parser.add_argument("--urls-file", help="audit: the URLs, one a line")
    parser.add_argument("--browsers", type=int, default=2)
    parser.add_argument("--max-pages", type=int, default=300)
    parser.add_argument("--delay", type=float, help="crawl: seconds between requests (default a11ycheck's)")
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args(argv)
    target = args.urls_file if args.mode == "audit" else args.target
    if not target:
        parser.error("audit needs --urls-file, crawl a start URL")
    with tempfile.TemporaryDirectory(prefix="a11ycheck-bench-") as folder:
        settings = Settings.from_env().with_flags(
            db=args.db or f"sqlite:///{os.path.join(folder, 'bench.db')}",
            browsers=args.browsers,
            max_pages=args.max_pages,
            allow_private=True,
            download_delay=args.delay,
        )
        report = run(args.mode, target, settings)
    json.dump(report, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
