"""Soak test (by hand, not CI): a long crawl with faults injected at random intervals.

    .venv/bin/python -m bench.soak --pages 1000 --minutes 20

Crawls a generated site (bench/site_generator.py) with `a11ycheck crawl`, and at random intervals either
SIGKILLs one of its Chromium processes (the pool must replace the browser and retry the page) or SIGKILLs
the whole crawl process (then `a11ycheck resume latest` must finish the run). At the end it prints pages
lost (pages of the site with no row in the run: must be 0), pages audited twice (must be 0), browser
processes left running (must be 0), and the memory of the crawl's process tree over time.
"""

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from a11ycheck.audit.chromium import PROFILE_PREFIX
from a11ycheck.urls import normalize_url
from bench.proctree import tree_members, tree_rss
from bench.site_generator import MunicipalSite, SiteServer


def chromium_pids(folder: Path) -> list[int]:
    """Live Chromium processes of this soak's crawls: their profiles are in its own temporary folder."""
    marker = f"--user-data-dir={folder}/{PROFILE_PREFIX}"
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                cmdline = handle.read().decode(errors="replace")
            with open(f"/proc/{entry}/stat") as handle:
                state = handle.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in cmdline and state not in ("Z", "X"):
            found.append(int(entry))
    return found


def start(command: list[str], db: str, folder: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
    env.update(A11YCHECK_DB=db, A11YCHECK_BATCH_SIZE="5", TMPDIR=str(folder))
    return subprocess.Popen(
        [sys.executable, "-m", "a11ycheck", *command],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--minutes", type=float, default=20, help="stop injecting faults after this long")
    parser.add_argument("--browsers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--mean-interval", type=float, default=20.0, help="seconds between faults, on average"
    )
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="a11ycheck-soak-"))
    db = f"sqlite:///{folder / 'soak.db'}"
    site = MunicipalSite(pages=args.pages)
    memory: list[tuple[float, int, int]] = []
    faults = {"browser killed": 0, "crawl killed": 0}
    with SiteServer(site) as server:
        crawl_args = [
            "crawl",
            server.base_url + "/",
            "--allow-private",
            "--delay",
            "0",
            "--browsers",
            str(args.browsers),
            "--max-pages",
            str(args.pages + 50),
        ]
        process = start(crawl_args, db, folder)
        began = time.monotonic()
        next_fault = began + rng.expovariate(1 / args.mean_interval)
        while True:
            now = time.monotonic()
            if process.poll() is not None:
                if process.returncode in (0, 1):
                    break
                process = start(["resume", "latest"], db, folder)  # after a kill: finish the run
                continue
            rss, count = tree_rss(process.pid)
            memory.append((now - began, rss, count))
            if now >= next_fault and now - began < args.minutes * 60:
                if rng.random() < 0.75:
                    browsers = [pid for pid in tree_members(process.pid) if pid in set(chromium_pids(folder))]
                    if browsers:
                        os.kill(rng.choice(browsers), signal.SIGKILL)
                        faults["browser killed"] += 1
                else:
                    process.send_signal(signal.SIGKILL)
                    process.wait()
                    faults["crawl killed"] += 1
                next_fault = now + rng.expovariate(1 / args.mean_interval)
            time.sleep(1.0)
        elapsed = time.monotonic() - began
    time.sleep(1)
    engine = create_engine(db)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT url, status FROM page")).all()
    urls = [url for url, _ in rows]
    expected = {normalize_url(url) for url in site.urls(server.base_url)}
    lost = expected - set(urls)
    twice = len(urls) - len(set(urls))
    statuses: dict[str, int] = {}
    for _, status in rows:
        statuses[status] = statuses.get(status, 0) + 1
    print(f"soak: {elapsed / 60:.1f} min, site of {len(expected)} pages, faults injected: {faults}")
    print(f"pages recorded {len(set(urls))}, statuses {statuses}")
    print(f"pages lost: {len(lost)}  (must be 0)")
    print(f"pages audited twice: {twice}  (must be 0)")
    print(f"browser processes left: {len(chromium_pids(folder))}  (must be 0)")
    print("memory of the crawl's process tree (minute, MiB, processes):")
    step = max(1, len(memory) // 20)
    for seconds, rss, count in memory[::step]:
        print(f"  {seconds / 60:6.1f}  {rss / 2**20:8.0f}  {count:4d}")
    return 0 if not lost and not twice and not chromium_pids(folder) else 1


if __name__ == "__main__":
    sys.exit(main())
