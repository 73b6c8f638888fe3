"""A campaign of many small sites against the same pages as one big site, audited end to end in one run.

    .venv/bin/python -m bench.campaign                          # 24 sites, 2,000 pages (issue 20's scale)
    .venv/bin/python -m bench.campaign --sites 12 --pages 400   # smaller: 12 sites of 28 to 200 pages

`--sites` generated municipal sites (`bench/site_generator.py`, one seed each) of 28 (the generator's
smallest) to 200 pages, `--pages` in all, each served on its own loopback address (127.0.0.2, 127.0.0.3,
...: a site is a host, and a host is an address), are configured in a fresh PostgreSQL database as
`a11ycheck sites add` leaves them, and audited three ways, one after the other:

- `monitor`: `a11ycheck monitor` (one `a11ycheck crawl` process per site, one site after the other);
- `campaign`: `a11ycheck campaign start` with two `a11ycheck worker` processes on this machine (Redis
  database 9 and a queue of this run's own, removed afterwards), from the start until every site is done;
  the workers are started and ready before the clock starts, as standing workers would be;
- `baseline`: one generated site of the same number of pages on 127.0.0.1, one `a11ycheck crawl`.

The same number of browsers works in each (`--browsers`, 2: the campaign's two workers get half each),
with no delay between requests (`A11YCHECK_DOWNLOAD_DELAY=0`, as in bench/compare.py). Each server holds
every answer back `--server-delay` seconds (20 ms), so that requests sent together overlap on the server.

Printed: pages audited per minute for each, the per-site overhead in seconds (wall time minus the time the
baseline would take for the same pages, divided by the sites), the ratio campaign / baseline (issue 20's
target: 0.8 or more), and, counted on the server side, the most requests any host answered at once against
the crawl's per-host concurrency: the crawl's own requests (pages, robots.txt, sitemaps, documents) and
all of them (the browsers' images, styles and frames too, which no crawl slot governs). Each way is bounded
by `--timeout` seconds; its process groups are stopped (SIGTERM, then SIGKILL) on every way out.
"""

import argparse
import inspect
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis
from a11ycheck.spiders.settings import crawl_settings
from sqlalchemy import create_engine, text

from a11ycheck.audit.config import installed_chromium
from a11ycheck.models import Site
from a11ycheck.store import Store
from bench.compare import ROOT
from bench.proctree import TreeMemory, stop_process_groups
from bench.site_generator import MIN_PAGES, MunicipalSite, SiteServer

LARGEST = 200  # pages of the largest site
TARGET = 0.8  # campaign / baseline pages per minute
PER_HOST = inspect.signature(crawl_settings).parameters["concurrent_per_host"].default
PG_ADMIN = os.environ.get("A11YCHECK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
BROKER = "redis://127.0.0.1:6379/9"
WORKERS = 2
CHROMIUM, CHROMEDRIVER = installed_chromium(), "/usr/bin/chromedriver"


def site_sizes(sites: int, pages: int, seed: int = 1) -> list[int]:
    """`sites` sizes of MIN_PAGES to LARGEST pages summing to `pages`: many small sites and a few large
    ones, the same for the same arguments."""
    if not 1 <= sites <= 250:
        raise ValueError("between 1 and 250 sites (one loopback address each)")
    if not MIN_PAGES * sites <= pages <= LARGEST * sites:
        raise ValueError(f"{sites} sites need {MIN_PAGES * sites} to {LARGEST * sites} pages")
    rng = random.Random(seed)
    extra = [rng.random() ** 2 + 0.01 for _ in range(sites)]
    room, budget = LARGEST - MIN_PAGES, pages - MIN_PAGES * sites
    for _ in range(50):  # scale to the budget; the sites that reach LARGEST stay there
        if not budget:
            break
        scale = budget / sum(extra)
        extra = [min(room, share * scale) for share in extra]
    sizes = [MIN_PAGES + int(share) for share in extra]
    position = 0
    while sum(sizes) < pages:  # what rounding down left out
        if sizes[position % sites] < LARGEST:
            sizes[position % sites] += 1
        position += 1
    return sizes


def loopback_address(number: int) -> str:
    """The address of site `number` (from 0): 127.0.0.2, 127.0.0.3, ... (127.0.0.1 is the baseline's)."""
    return f"127.0.{(number + 2) // 256}.{(number + 2) % 256}"


@dataclass
class WayRun:
    way: str
    sites: int
    pages: int  # pages asked for
    audited: int  # pages stored with status ok
    wall_seconds: float
    cpu_seconds: float  # the processes' own and their descendants'
    peak_crawl: int  # most crawl requests one host answered at once
    peak_all: int  # most requests of any kind one host answered at once
    note: str = ""

    @property
    def pages_per_minute(self) -> float:
        return self.audited * 60 / self.wall_seconds if self.wall_seconds else 0.0

    def overhead_per_site(self, baseline: "WayRun") -> float:
        """Seconds a site costs beyond its pages at the baseline's rate."""
        rate = baseline.audited / baseline.wall_seconds if baseline.wall_seconds else 0.0
        return (self.wall_seconds - self.audited / rate) / self.sites if rate else 0.0


@contextmanager
def fresh_database():
    """A new, empty PostgreSQL database (migrated by Store), dropped afterwards."""
    name = f"a11ycheck_bench_campaign_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    try:
        Store(url).close()
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def configure(db: str, servers: list[SiteServer]) -> None:
    """The sites as `a11ycheck sites add` leaves them, each counted for an organisation of its own."""
    store = Store(db)
    with store.session() as session:
        for number, server in enumerate(servers):
            host = server.base_url.split("//", 1)[1]
            session.add(Site(host=host, start_url=server.base_url + "/", organisation=f"bench-{number:03d}"))
        session.commit()
    store.close()


def audited_pages(db: str) -> int:
    engine = create_engine(db)
    with engine.connect() as connection:
        count = connection.execute(text("select count(*) from page where status = 'ok'")).scalar_one()
    engine.dispose()
    return count


class ProcessGroups:
    """Processes in groups of their own, their CPU sampled; every group stopped on every way out."""

    def __init__(self, folder: Path, env: dict):
        self.folder, self.env = folder, env
        self.started: list[tuple[subprocess.Popen, TreeMemory]] = []

    def start(self, name: str, command: list[str], **extra_env: str) -> subprocess.Popen:
        with open(self.folder / f"{name}.log", "wb") as log:
            process = subprocess.Popen(
                command,
                env=dict(self.env, **extra_env),
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        memory = TreeMemory(process.pid, interval=0.5, pss_every=10**9).start()
        self.started.append((process, memory))
        return process

    def cpu_seconds(self) -> float:
        return sum(m.root_cpu_seconds + m.descendants_cpu_seconds for _, m in self.started)

    def stop(self, grace: float = 40.0) -> None:
        stop_process_groups((process for process, _ in self.started), grace)
        for _, memory in self.started:
            memory.stop()

    def __enter__(self) -> "ProcessGroups":
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def wait_for(condition, timeout: float, poll: float = 1.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(poll)
    return True


def run_command(
    way: str, command: list[str], env: dict, folder: Path, timeout: float
) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, note) of one command run to its end or stopped at `timeout`."""
    with ProcessGroups(folder, env) as groups:
        started = time.monotonic()
        process = groups.start(way, command)
        try:
            code = process.wait(timeout=timeout)
            note = f"exit {code}"
        except subprocess.TimeoutExpired:
            note = f"STOPPED after {timeout:.0f} s"
        wall = time.monotonic() - started
        groups.stop()
    return wall, groups.cpu_seconds(), note


def run_campaign(args, db: str, env: dict, folder: Path, sites: int) -> tuple[float, float, str]:
    """Two workers started and ready, then `campaign start` until every site is completed or failed."""
    queue = f"a11ycheck-bench-{uuid.uuid4().hex[:8]}"
    env = dict(env, A11YCHECK_BROKER=BROKER, A11YCHECK_QUEUE=queue, A11YCHECK_REDELIVERY_AFTER="86400")
    browsers = str(max(1, args.browsers // WORKERS))
    try:
        with ProcessGroups(folder, env) as groups:
            for number in range(1, WORKERS + 1):
                command = [sys.executable, "-m", "a11ycheck", "worker", "--concurrency", "1"]
                groups.start(
                    f"worker-{number}", command + ["--browsers", browsers, "--name", f"bench{number}@%h"]
                )
            logs = [folder / f"worker-{n}.log" for n in range(1, WORKERS + 1)]
            if not wait_for(lambda: all(b" ready." in log.read_bytes() for log in logs), 120, 0.5):
                return 0.0, 0.0, "workers not ready within 120 s"
            cpu_before = groups.cpu_seconds()
            started = time.monotonic()
            start = [sys.executable, "-m", "a11ycheck", "campaign", "start", "--allow-private"]
            subprocess.run(
                start + ["--max-pages", str(LARGEST)], env=env, cwd=ROOT, check=True, capture_output=True
            )
            engine = create_engine(db)

            def finished() -> bool:
                with engine.connect() as connection:
                    done = connection.execute(
                        text("select count(*) from campaignsite where status in ('completed', 'failed')")
                    ).scalar_one()
                return done == sites

            note = "ok" if wait_for(finished, args.timeout) else f"STOPPED after {args.timeout:.0f} s"
            wall = time.monotonic() - started
            with engine.connect() as connection:
                failed = connection.execute(
                    text("select count(*) from campaignsite where status <> 'completed'")
                ).scalar_one()
            engine.dispose()
            if failed:
                note += f", {failed} sites not completed"
            groups.stop()
        return wall, groups.cpu_seconds() - cpu_before, note
    finally:
        _purge_queue(queue)


def _purge_queue(queue: str) -> None:
    """Remove this run's queue and anything of it kombu left unacknowledged in Redis database 9."""
    client = redis.Redis.from_url(BROKER)
    try:
        keys = client.keys(f"{queue}*")
        client.delete(*keys, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
        for tag, raw in client.hgetall("unacked").items():
            if json.loads(raw)[2] == queue:
                client.hdel("unacked", tag)
                client.zrem("unacked_index", tag)
    finally:
        client.close()


def peaks(servers: list[SiteServer]) -> tuple[int, int]:
    """The most crawl requests, and requests of any kind, one of these hosts answered at once; reset."""
    crawl = max(s.counter.peak_crawl for s in servers)
    every = max(s.counter.peak for s in servers)
    for server in servers:
        server.counter.peak_crawl = server.counter.peak = 0
    return crawl, every


def _exit_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C: every server, worker, crawl and database is cleaned up on the way out."""
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.campaign", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=24, help="generated sites (default 24)")
    parser.add_argument("--pages", type=int, default=2000, help="pages over all sites (default 2000)")
    parser.add_argument("--browsers", type=int, default=2, help="browsers in each way (default 2)")
    parser.add_argument("--server-delay", type=float, default=0.02, help="seconds each answer is held back")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds each way may take at most")
    parser.add_argument("--ways", default="monitor,baseline,campaign", help="which, in this order")
    parser.add_argument("--keep", type=Path, help="keep the logs in this folder")
    args = parser.parse_args(argv)
    ways = [w for w in args.ways.split(",") if w]
    if unknown := set(ways) - {"monitor", "campaign", "baseline"}:
        parser.error(f"unknown ways: {', '.join(sorted(unknown))}")
    try:
        sizes = site_sizes(args.sites, args.pages)
    except ValueError as exc:
        parser.error(str(exc))
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    env = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
    env.update(
        PYTHONPATH=str(ROOT),
        A11YCHECK_DOWNLOAD_DELAY="0",
        A11YCHECK_CHROMIUM=CHROMIUM,
        A11YCHECK_CHROMEDRIVER=CHROMEDRIVER,
    )
    runs: list[WayRun] = []
    with ExitStack() as stack:
        folder = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-campaign-")))
        folder.mkdir(parents=True, exist_ok=True)
        servers = [
            stack.enter_context(
                SiteServer(MunicipalSite(size, seed=n + 1), loopback_address(n), delay=args.server_delay)
            )
            for n, size in enumerate(sizes)
        ]
        big = stack.enter_context(
            SiteServer(MunicipalSite(args.pages, seed=1), "127.0.0.1", delay=args.server_delay)
        )
        print(
            f"{args.sites} sites of {min(sizes)} to {max(sizes)} pages ({args.pages} in all) on "
            f"{servers[0].base_url} ... {servers[-1].base_url}; baseline: one site of {args.pages} pages on "
            f"{big.base_url}; {args.browsers} browsers each way; server delay {args.server_delay} s",
            flush=True,
        )
        for way in ways:
            with fresh_database() as db:
                env_db = dict(env, A11YCHECK_DB=db)
                if way == "baseline":
                    command = [sys.executable, "-m", "a11ycheck", "crawl", big.base_url + "/", "--delay", "0"]
                    command += [
                        "--max-pages",
                        str(args.pages),
                        "--browsers",
                        str(args.browsers),
                        "--allow-private",
                    ]
                    wall, cpu, note = run_command(way, command, env_db, folder, args.timeout)
                    crawl, every = peaks([big])
                    sites = 1
                else:
                    configure(db, servers)
                    if way == "monitor":
                        command = [sys.executable, "-m", "a11ycheck", "monitor", "--allow-private"]
                        command += ["--max-pages", str(LARGEST), "--browsers", str(args.browsers)]
                        wall, cpu, note = run_command(way, command, env_db, folder, args.timeout)
                    else:
                        wall, cpu, note = run_campaign(args, db, env_db, folder, len(servers))
                    crawl, every = peaks(servers)
                    sites = len(servers)
                run = WayRun(
                    way,
                    sites,
                    args.pages,
                    audited_pages(db),
                    round(wall, 1),
                    round(cpu, 1),
                    crawl,
                    every,
                    note,
                )
            runs.append(run)
            print(
                f"{way:<9} {run.audited} of {run.pages} pages in {run.wall_seconds:.1f} s "
                f"({run.pages_per_minute:.1f} pages/min), CPU {run.cpu_seconds:.0f} s, {note}; most "
                f"requests one host answered at once: {crawl} of the crawl's (allowed {PER_HOST}), "
                f"{every} of any kind",
                flush=True,
            )
    report(runs)
    return 0


def report(runs: list[WayRun]) -> None:
    print()
    baseline = next((r for r in runs if r.way == "baseline"), None)
    for run in runs:
        line = f"{run.way:<9} {run.pages_per_minute:7.1f} pages/min"
        if baseline and run is not baseline and baseline.audited:
            ratio = run.pages_per_minute / baseline.pages_per_minute
            line += f", {run.overhead_per_site(baseline):5.1f} s overhead per site, {ratio:.2f}x the baseline"
            if run.way == "campaign":
                line += f" (target >= {TARGET}: {'met' if ratio >= TARGET else 'NOT met'})"
        print(line)
    worst = max((r.peak_crawl for r in runs), default=0)
    verdict = "within" if worst <= PER_HOST else "ABOVE"
    every = max((r.peak_all for r in runs), default=0)
    print(
        f"most crawl requests one host answered at once: {worst}, {verdict} the per-host concurrency of "
        f"{PER_HOST}; requests of any kind (with the browsers' images, styles, frames): {every}"
    )


if __name__ == "__main__":
    sys.exit(main())
