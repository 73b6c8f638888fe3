"""Report build benchmark: 300 organisations x 12 runs x 200 pages, built into a static site.

    .venv/bin/python -m bench.report_bench                 # generate, measure, clean up
    .venv/bin/python -m bench.report_bench --keep /tmp/b   # keep the database and the report there

The database is generated with bulk inserts through SQLAlchemy core on the project's tables, into a temporary
SQLite file: one site per organisation (the register's 293 organisations, plus made-up ones up to 300), a
monthly crawl, and a violation mix drawn from what municipal sites show (template-wide contrast and link
problems, images without alternatives here and there, best-practice landmarks), improving a little each run.
Municipalities also get a charter with measured and reported commitments, so the build evaluates charters too.

Each measurement runs in a fresh process, which reports its own wall time and peak RSS (resource.getrusage,
children included), so the baseline and the build do not share a peak. The baseline is reading every row of
pages, violations and nodes once, streamed: the least any report over all findings has to do.
"""

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import resource
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from queue import Empty

from sqlalchemy import insert, select

from a11ycheck.models import Document, Page, Run, Site, Violation, ViolationNode
from a11ycheck.register import MUNICIPALITY, Register
from a11ycheck.store import Store

# rule, tags, impact, chance per page, most elements per page, template-wide (same elements on every page)
RULES = (
    ("color-contrast", "wcag2aa,wcag143", "serious", 0.55, 8, True),
    ("link-name", "wcag2a,wcag244,wcag412", "serious", 0.30, 3, True),
    ("image-alt", "wcag2a,wcag111", "critical", 0.25, 3, False),
    ("button-name", "wcag2a,wcag412", "critical", 0.10, 2, True),
    ("label", "wcag2a,wcag412,wcag131", "critical", 0.08, 2, False),
    ("list", "wcag2a,wcag131", "serious", 0.08, 1, False),
    ("frame-title", "wcag2a,wcag412", "serious", 0.04, 1, False),
    ("html-has-lang", "wcag2a,wcag311", "serious", 0.02, 1, True),
    ("aria-allowed-attr", "wcag2a,wcag412", "critical", 0.04, 2, False),
    ("target-size", "wcag22aa,wcag258", "serious", 0.10, 3, True),
    ("region", "best-practice", "moderate", 0.45, 4, True),
    ("landmark-one-main", "best-practice", "moderate", 0.15, 1, True),
    ("heading-order", "best-practice", "moderate", 0.25, 1, False),
    ("empty-heading", "best-practice", "minor", 0.08, 1, False),
)
LEVELS = {"wcag2a": ("A", "2.0"), "wcag2aa": ("AA", "2.0"), "wcag22aa": ("AA", "2.2")}
FIRST_RUN = datetime(2025, 1, 6, 2, 0, tzinfo=UTC)


def organisation_slugs(count: int) -> list[str]:
    slugs = [organisation.slug for organisation in Register.load().all()]
    return (slugs + [f"bench-organisatie-{i}" for i in range(count)])[:count]


def generate(
    url: str,
    organisations: int,
    runs: int,
    pages: int,
    seed: int = 1,
    *,
    every_days: int = 30,
    first_run: datetime = FIRST_RUN,
) -> dict[str, int]:
    """Fill a new database with a crawl of each site every `every_days` days from `first_run`; returns how
    many rows of each kind it holds."""
    store = Store(url)
    rng = random.Random(seed)
    totals = {"pages": 0, "violations": 0, "nodes": 0}
    ids = {"page": 0, "violation": 0, "node": 0, "run": 0}
    with store.engine.begin() as connection:
        for number, slug in enumerate(organisation_slugs(organisations), start=1):
            host = f"www.{slug}.be"
            connection.execute(
                insert(Site.__table__),
                [
                    {
                        "id": number,
                        "host": host,
                        "start_url": f"https://{host}/",
                        "organisation": slug,
                        "created_at": first_run,
                    }
                ],
            )
            quality = rng.uniform(0.4, 1.6)  # some sites are much worse than others
            for run_index in range(runs):
                ids["run"] += 1
                started = first_run + timedelta(days=every_days * run_index, minutes=number)
                connection.execute(
                    insert(Run.__table__),
                    [
                        {
                            "id": ids["run"],
                            "site_id": number,
                            "kind": "crawl",
                            "start_url": f"https://{host}/",
                            "status": "completed",
                            "started_at": started,
                            "finished_at": started + timedelta(minutes=25),
                            "axe_version": "4.10.2",
                            "options": "{}",
                        }
                    ],
                )
                improvement = 1.0 - 0.04 * run_index * rng.random()
                rows = _run_rows(rng, ids, ids["run"], host, pages, quality * improvement, started)
                for table, batch in zip((Page, Violation, ViolationNode), rows, strict=True):
                    if batch:  # an empty list would insert one row of defaults
                        connection.execute(insert(table.__table__), batch)
                totals["pages"] += len(rows[0])
                totals["violations"] += len(rows[1])
                totals["nodes"] += len(rows[2])
                connection.execute(
                    insert(Document.__table__),
                    [
                        {
                            "run_id": ids["run"],
                            "url": f"https://{host}/documenten/verslag-{k}.pdf",
                            "content_type": "application/pdf",
                            "size": 100_000 * (k + 1),
                            "http_status": 200,
                            "referrer": f"https://{host}/",
                            "found_at": started,
                        }
                        for k in range(5)
                    ],
                )
    store.close()
    return totals


def _run_rows(rng, ids, run_id, host, pages, badness, started) -> tuple[list, list, list]:
    page_rows, violation_rows, node_rows = [], [], []
    for j in range(pages):
        ids["page"] += 1
        page_id = ids["page"]
        status = "ok" if rng.random() > 0.02 else rng.choice(("http-404", "timeout"))
        url = f"https://{host}/pagina/{j}"
        page_rows.append(
            {
                "id": page_id,
                "run_id": run_id,
                "url": url,
                "status": status,
                "http_status": 404 if status == "http-404" else 200,
                "title": f"Pagina {j} | Gemeente",
                "depth": j % 5,
                "duration_ms": 1200,
                "attempts": 1,
                "audited_at": started,
            }
        )
        if status != "ok":
            continue
        for rule, tags, impact, chance, most, template in RULES:
            if rng.random() > min(chance * badness, 0.95):
                continue
            ids["violation"] += 1
            level, version = next(
                (LEVELS[t] for t in tags.split(",") if t in LEVELS), ("best-practice", None)
            )
            criteria = [f"{t[4]}.{t[5]}.{t[6:]}" for t in tags.split(",") if t[4:].isdigit()]
            violation_rows.append(
                {
                    "id": ids["violation"],
                    "page_id": page_id,
                    "rule": rule,
                    "impact": impact,
                    "level": level,
                    "wcag_version": version,
                    "wcag": ",".join(criteria),
                    "tags": tags,
                    "help": f"Elements must pass the {rule} rule",
                    "description": f"Ensures {rule}",
                    "help_url": f"https://dequeuniversity.com/rules/axe/4.10/{rule}",
                }
            )
            for k in range(rng.randint(1, most)):
                ids["node"] += 1
                selector = f"#{'header' if template else 'main'} > .blok:nth-child({k + 1}) > a"
                node_rows.append(
                    {
                        "id": ids["node"],
                        "violation_id": ids["violation"],
                        "target": json.dumps([selector]),
                        "html": f'<a href="/pagina/{j}/{k}" class="knop">Lees meer over onderwerp {k}</a>',
                        "failure_summary": "Fix any of the following:\n  Element has insufficient contrast",
                        "fingerprint": hashlib.sha1(f"{rule}\0/pagina/{j}\0{selector}".encode()).hexdigest(),
                    }
                )
    return page_rows, violation_rows, node_rows


def write_charters(folder: Path, slugs: list[str]) -> int:
    """A charter for every municipality among the organisations: three measured commitments, two reported."""
    register = Register.load()
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for slug in slugs:
        organisation = register.find(slug)
        if organisation is None or organisation.kind != MUNICIPALITY:
            continue
        (folder / f"{slug}.yaml").write_text(CHARTER.format(name=organisation.name), encoding="utf-8")
        written += 1
    return written


CHARTER = """title: Toegankelijkheidscharter {name}
signed: 2025-01-01
partners: [Inter, {name}]
commitments:
  - id: web-wcag
    title: Minder WCAG-fouten per pagina
    domain: digital
    deadline: 2026-12-31
    measured: {{kpi: wcag_violations_per_page, baseline: 2.5, target: 0.5}}
  - id: web-ernstig
    title: Pagina's zonder ernstige fouten
    domain: digital
    deadline: 2027-06-30
    measured: {{kpi: pages_without_serious_share, baseline: 30, target: 90}}
  - id: web-contrast
    title: Geen contrastfouten
    domain: digital
    deadline: 2026-06-30
    measured: {{kpi: pages_failing_rule, rule: color-contrast, baseline: 120, target: 0}}
  - id: ingang
    title: Drempelvrije ingang gemeentehuis
    domain: buildings
    deadline: 2026-12-31
    reported: {{type: done}}
  - id: loketten
    title: Toegankelijke loketten
    domain: services
    deadline: 2027-12-31
    reported: {{type: number, baseline: 0, target: 10, unit: loketten}}
"""


def read_every_row(url: str) -> int:
    """The baseline: stream every page, violation and node row once."""
    store = Store(url)
    count = 0
    with store.engine.connect() as connection:
        for table in (Page, Violation, ViolationNode):
            result = connection.execution_options(stream_results=True, yield_per=5000).execute(select(table))
            for _ in result:
                count += 1
    store.close()
    return count


def build(
    url: str, out: str, charters: str | None, workers: int | None, today: date = date(2026, 1, 15)
) -> int:
    from a11ycheck.report.build import ReportRequest, build_report

    store = Store(url)
    charters_dir = Path(charters) if charters else None
    request = ReportRequest(out=Path(out), charters_dir=charters_dir, today=today, workers=workers)
    result = build_report(store, request)
    store.close()
    return result.files


@dataclass(frozen=True)
class Measurement:
    value: object
    seconds: float  # wall clock
    cpu_seconds: float  # user + system, of the process and its workers: stable when the machine is busy
    rss_mib: float  # peak RSS of the process itself
    worker_rss_mib: float  # peak RSS of its largest worker process (0 without workers)


def _measured_child(queue, function, args) -> None:
    started = time.perf_counter()
    value = function(*args)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    queue.put(Measurement(value, seconds, cpu, own.ru_maxrss / 1024, children.ru_maxrss / 1024))


def measure(function, *args) -> Measurement:
    """Run `function(*args)` in a fresh process and measure it there."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_measured_child, args=(queue, function, args))
    process.start()
    try:
        while True:
            try:
                return queue.get(timeout=1)
            except Empty:
                if not process.is_alive():
                    raise RuntimeError(
                        f"the measured process failed (exit code {process.exitcode})"
                    ) from None
    finally:
        process.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=300)
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--no-charters", action="store_true", help="Build without charters.")
    parser.add_argument("--workers", type=int, help="Processes writing pages (default: one per core).")
    parser.add_argument("--keep", type=Path, help="Keep the database and the report in this folder.")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="a11ycheck-report-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder / 'bench.db'}"
    try:
        if not (folder / "bench.db").exists():
            started = time.perf_counter()
            totals = generate(url, args.organisations, args.runs, args.pages)
            print(
                f"generated {totals['pages']:,} pages, {totals['violations']:,} violations, "
                f"{totals['nodes']:,} nodes in {time.perf_counter() - started:.0f} s"
            )
        charters = None
        if not args.no_charters:
            charters = folder / "charters"
            shutil.rmtree(charters, ignore_errors=True)
            count = write_charters(charters, organisation_slugs(args.organisations))
            print(f"wrote {count} charters")
        base = measure(read_every_row, url)
        print(
            f"baseline, read {base.value:,} rows once: {base.seconds:.1f} s "
            f"(CPU {base.cpu_seconds:.1f} s), peak RSS {base.rss_mib:.0f} MiB"
        )
        out = folder / "report"
        shutil.rmtree(out, ignore_errors=True)
        run = measure(build, url, str(out), str(charters) if charters else None, args.workers)
        print(
            f"report build, {run.value:,} files: {run.seconds:.1f} s (CPU {run.cpu_seconds:.1f} s), "
            f"peak RSS {run.rss_mib:.0f} MiB, largest worker {run.worker_rss_mib:.0f} MiB"
        )
        print(
            f"ratios to the baseline: time {run.seconds / base.seconds:.1f}x, "
            f"CPU {run.cpu_seconds / base.cpu_seconds:.1f}x, "
            f"memory {max(run.rss_mib, run.worker_rss_mib) / base.rss_mib:.1f}x per process"
        )
        print(f"target, full build under 60 s: {'met' if run.seconds < 60 else 'NOT met'}")
        print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
