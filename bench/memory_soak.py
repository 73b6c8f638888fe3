"""Memory of a long a11ycheck crawl: the whole process tree's RSS and PSS over time, page by page.

    .venv/bin/python -m bench.memory_soak                        # crawl a generated 5,000-page site
    .venv/bin/python -m bench.memory_soak --pages 2000 --csv /tmp/soak.csv

Serves a generated municipal site (`bench/site_generator.py`) of `--pages` pages, runs `a11ycheck crawl`
on it with `--max-pages` the same, and samples the process tree every 0.2 s (RSS summed over the
processes; PSS every second, see `bench/proctree.py`), printing one line per `--report-every` seconds with
the pages written so far (read from the run's SQLite database). At the end: the peaks, per browser, and
whether memory is flat after warm-up: the PSS trend over the run's second half, in MB per 1,000 pages.
Each browser gets a fresh tab every 30 pages (A11YCHECK_NEW_TAB_AFTER) and is restarted every 300
(A11YCHECK_RECYCLE_AFTER): that is what keeps it flat.
"""

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.proctree import MB, TreeMemory
from bench.site_generator import MunicipalSite, SiteServer

ROOT = Path(__file__).resolve().parent.parent
A11YCHECK = str(Path(sys.executable).with_name("a11ycheck"))


def pages_written(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM page").fetchone()[0]
    except sqlite3.Error:
        return 0


def status_counts(db_path: Path) -> dict[str, int]:
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5) as connection:
            return dict(connection.execute("SELECT status, count(*) FROM page GROUP BY status").fetchall())
    except sqlite3.Error:
        return {}


def trend_per_thousand(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of memory (MB) against pages written, per 1,000 pages."""
    if len(points) < 3 or len({p for p, _ in points}) < 2:
        return 0.0
    slope = statistics.linear_regression([p for p, _ in points], [m for _, m in points]).slope
    return slope * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory_soak", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages", type=int, default=5000, help="pages in the site and to crawl (default 5000)"
    )
    parser.add_argument("--browsers", type=int, default=2)
    parser.add_argument("--delay", type=float, default=0.0, help="crawl --delay (default 0: browser-bound)")
    parser.add_argument("--huge-pages", type=int, default=0, help="pages of ~30,000 elements in the site")
    parser.add_argument("--report-every", type=float, default=30.0, help="seconds between printed lines")
    parser.add_argument("--csv", help="write every sample (seconds, pages, RSS MB, processes) to this file")
    args = parser.parse_args(argv)
    site = MunicipalSite(args.pages, huge_pages=args.huge_pages)
    with tempfile.TemporaryDirectory(prefix="a11ycheck-soak-") as folder, SiteServer(site) as server:
        db_path = Path(folder) / "soak.db"
        command = [
            A11YCHECK, "crawl", server.base_url + "/", "--max-pages", str(args.pages),
            "--browsers", str(args.browsers), "--delay", str(args.delay), "--allow-private",
            "--db", f"sqlite:///{db_path}",
        ]  # fmt: skip
        print(f"site: {args.pages} pages at {server.base_url}/; {' '.join(command[1:])}", flush=True)
        print(f"{'seconds':>8} {'pages':>6} {'RSS MB':>7} {'PSS MB':>7} {'procs':>5}", flush=True)
        progress: list[tuple[float, int]] = []  # (seconds, pages written)
        with open(Path(folder) / "crawl.log", "wb") as log:
            started = time.monotonic()
            process = subprocess.Popen(command, stdout=log, stderr=log, cwd=ROOT, env=dict(os.environ))
            with TreeMemory(process.pid) as memory:
                next_report = 0.0
                while process.poll() is None:
                    time.sleep(1.0)
                    now = time.monotonic() - started
                    progress.append((now, pages_written(db_path)))
                    if now >= next_report and memory.samples:
                        _, rss, count = memory.samples[-1]
                        pss = memory.pss_samples[-1][1] if memory.pss_samples else 0
                        print(
                            f"{now:>8.0f} {progress[-1][1]:>6} {rss / MB:>7.0f} {pss / MB:>7.0f} {count:>5}",
                            flush=True,
                        )
                        next_report = now + args.report_every
            wall = time.monotonic() - started
        progress.append((wall, pages_written(db_path)))
        statuses = status_counts(db_path)
        crawl_log = (Path(folder) / "crawl.log").read_text(errors="replace").strip().splitlines()
    done = progress[-1][1]

    def pages_at(seconds: float) -> int:
        return next((pages for t, pages in progress if t >= seconds), done)

    # Samples after the last page was written (browsers closing, the process exiting) say nothing about
    # memory per page and would pull the trend down: left out.
    last_write = next((t for t, pages in reversed(progress) if pages < done), 0.0)
    last_write = next((t for t, pages in progress if t > last_write and pages == done), wall)
    pss_points = [(pages_at(t), pss / MB) for t, pss in memory.pss_samples if t <= last_write]
    second_half = [(p, m) for p, m in pss_points if p >= done / 2]
    first_half_peak = max((m for p, m in pss_points if p < done / 2), default=0)
    second_half_peak = max((m for _, m in second_half), default=0)
    print()
    rate = done * 60 / wall
    print(f"exit code {process.returncode}, {done} pages written in {wall:.0f} s ({rate:.0f} pages/min)")
    print("\n".join(crawl_log[-2:]))  # the run's summary and where its results are
    print(f"page statuses: {statuses}")
    print(
        f"peak RSS (sum over processes) {memory.peak_bytes / MB:.0f} MB, "
        f"{memory.peak_bytes / MB / args.browsers:.0f} MB per browser slot (whole tree / browsers)"
    )
    peak_pss = memory.peak_pss_bytes / MB
    print(
        f"peak PSS {peak_pss:.0f} MB, {peak_pss / args.browsers:.0f} MB per browser slot; "
        f"first half peak {first_half_peak:.0f} MB, second half peak {second_half_peak:.0f} MB"
    )
    print(f"largest PSS of one browser (with its renderers): {memory.peak_browser_pss_bytes / MB:.0f} MB")
    print(f"PSS trend over the second half: {trend_per_thousand(second_half):+.1f} MB per 1,000 pages")
    if args.csv:
        with open(args.csv, "w", encoding="utf-8") as handle:
            handle.write("seconds,pages,rss_mb,processes\n")
            for t, rss, count in memory.samples:
                handle.write(f"{t:.1f},{pages_at(t)},{rss / MB:.1f},{count}\n")
    return 0 if process.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
