"""What checking documents costs page auditing: a crawl with documents on against one with them off, on the
same generated site, in the same run.

    .venv/bin/python -m bench.documents_bench                    # 200 pages, one document per ten, 1 round
    .venv/bin/python -m bench.documents_bench --pages 300 --rounds 2 --out /tmp/documents.json

The generated municipal site (`bench/site_generator.py`) serves real PDFs (`real_documents`: 2 to 30 pages,
tagged or not), one distinct file per `--pages-per-document` pages, linked from the leaf pages. Each round
runs `a11ycheck crawl --max-pages N --delay 0` twice, `--documents` and `--no-documents`, in a rotated
order, each in its own process tree and with a fresh database (so no document is known by its sha256).

Measured for each: pages audited per minute over the whole run (until the process exits, document checks
included), and until the last page was written (page auditing alone), the documents downloaded and checked,
and CPU time; then the ratio documents on / off per round. Issue 16's target: page auditing no more than
10% slower, a ratio of 0.90 or more.
"""

import argparse
import json
import os
import sqlite3
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from bench.compare import A11YCHECK, ROOT, a11ycheck_results, complete, measure
from bench.site_generator import MunicipalSite, SiteServer

TARGET = 0.90
MODES = ("documents", "no-documents")


@dataclass
class CrawlRun:
    mode: str
    round: int
    wall_seconds: float
    pages_seconds: float  # from the run's start to its last page written
    audited: int
    documents: int
    documents_checked: int
    tool_cpu_seconds: float
    browser_cpu_seconds: float  # every descendant: drivers, browsers and document checker workers
    exit_code: int

    @property
    def pages_per_minute(self) -> float:
        return self.audited * 60 / self.wall_seconds if self.wall_seconds else 0.0

    @property
    def pages_per_minute_until_last_page(self) -> float:
        return self.audited * 60 / self.pages_seconds if self.pages_seconds else 0.0


def crawl(mode: str, round_number: int, args, site: MunicipalSite, base: str, workdir: Path) -> CrawlRun:
    db_file = workdir / f"{mode}.{round_number}.db"
    db = f"sqlite:///{db_file}"
    urls = site.urls(base)
    command = [A11YCHECK, "crawl", base + "/", "--max-pages", str(len(urls)), "--delay", "0"]
    command += ["--browsers", str(args.browsers), "--allow-private", "--db", db, f"--{mode}"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run, _, _ = measure(f"crawl-{mode}", round_number, command, env, workdir, len(urls))
    complete(run, *a11ycheck_results(db, site), site, urls)
    with sqlite3.connect(db_file) as connection:
        started, last_page = connection.execute(
            "select r.started_at, max(p.audited_at) from run r join page p on p.run_id = r.id group by r.id"
        ).fetchone()
        documents, checked = connection.execute(
            "select count(*), sum(status = 'checked') from document"
        ).fetchone()
    pages_seconds = (_moment(last_page) - _moment(started)).total_seconds()
    return CrawlRun(
        mode=mode,
        round=round_number,
        wall_seconds=run.wall_seconds,
        pages_seconds=round(pages_seconds, 2),
        audited=run.audited,
        documents=documents,
        documents_checked=checked or 0,
        tool_cpu_seconds=run.tool_cpu_seconds,
        browser_cpu_seconds=run.browser_cpu_seconds,
        exit_code=run.exit_code,
    )


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.documents_bench", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--pages-per-document", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--browsers", type=int, default=2)
    parser.add_argument("--out", type=Path, help="write every run and the ratios as JSON here")
    args = parser.parse_args(argv)
    site = MunicipalSite(args.pages, pages_per_document=args.pages_per_document, real_documents=True)
    runs: list[CrawlRun] = []
    with (
        tempfile.TemporaryDirectory(prefix="a11ycheck-documents-bench-") as folder,
        SiteServer(site) as server,
    ):
        for round_number in range(1, args.rounds + 1):
            order = MODES if round_number % 2 else tuple(reversed(MODES))
            for mode in order:
                run = crawl(mode, round_number, args, site, server.base_url, Path(folder))
                runs.append(run)
                print(
                    f"round {round_number} {mode:<13} {run.audited} pages in {run.wall_seconds:.1f} s "
                    f"({run.pages_per_minute:.1f} pages/min; last page at {run.pages_seconds:.1f} s, "
                    f"{run.pages_per_minute_until_last_page:.1f} pages/min), {run.documents} documents, "
                    f"{run.documents_checked} checked, CPU {run.tool_cpu_seconds:.0f} s a11ycheck + "
                    f"{run.browser_cpu_seconds:.0f} s children, exit {run.exit_code}",
                    flush=True,
                )
    ratios = []
    for round_number in range(1, args.rounds + 1):
        on, off = (next(r for r in runs if r.round == round_number and r.mode == m) for m in MODES)
        ratio = on.pages_per_minute / off.pages_per_minute if off.pages_per_minute else 0.0
        until_last = (
            on.pages_per_minute_until_last_page / off.pages_per_minute_until_last_page
            if off.pages_per_minute_until_last_page
            else 0.0
        )
        ratios.append(
            {"round": round_number, "whole_run": round(ratio, 3), "until_last_page": round(until_last, 3)}
        )
        verdict = "met" if ratio >= TARGET else "NOT met"
        print(
            f"round {round_number}: documents on / off = {ratio:.3f} (whole run), {until_last:.3f} "
            f"(until the last page); target >= {TARGET:.2f}: {verdict}"
        )
    if args.out:
        args.out.write_text(json.dumps({"runs": [asdict(r) for r in runs], "ratios": ratios}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
