"""a11ycheck against a plain Selenium + axe loop and pa11y-ci, on the same generated pages, in one run.

    .venv/bin/python -m bench.compare                       # 300 pages, 2 browsers, one round
    .venv/bin/python -m bench.compare --pages 300 --rounds 2 --out bench/results/compare.json

A generated municipal site of exactly `--pages` HTML pages (`bench/site_generator.py`) is served on
loopback, and each tool audits all of it with the same number of browsers, one tool at a time, each in its
own process tree:

- `a11ycheck audit --urls-file` (the page list) and `a11ycheck crawl` (the site, `--max-pages N`,
  `--delay 0` unless `--crawl-delay` says otherwise); on request the same with `--no-language`
  (`a11ycheck-audit-no-language`, `a11ycheck-crawl-no-language`), for the cost of plain-language scoring;
- the plain loop (`bench/plain_loop.py`): one page at a time per browser, axe sent with every page;
- pa11y-ci 4 with its axe runner (`bench/node/`), `concurrency` = browsers: pa11y-ci drives one Chromium
  with that many tabs, each in its own browser context, axe injected into every page.

For each: pages per minute (pages audited / wall time from process start to exit), lost pages (pages
without a result), peak RSS of the process tree (sampled every 0.2 s through /proc), and whether each
audited page shows exactly the defects the generator planted. Then the ratios, per round; rounds run the
tools in a rotated order, since the machine is shared and its speed drifts. Last, two in-process
a11ycheck runs through the library API (`bench/instrumented_run.py`) give the browsers' busy share and
where the rest of the time goes.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from a11ycheck.audit.chromium import CHROMIUM_ARGS
from bench.proctree import MB, TreeMemory
from bench.site_generator import MunicipalSite, SiteServer

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
A11YCHECK = str(Path(PYTHON).with_name("a11ycheck"))
PA11Y_CI = ROOT / "bench" / "node" / "node_modules" / "pa11y-ci" / "bin" / "pa11y-ci.js"
# Every tool in Debian's chromium (`--headless=new`): pa11y-ci 4 (Puppeteer) loses most of its pages in
# chromium-headless-shell (38 of 40 on 2026-12-04, "Target.closeTarget: No target found for targetId", an
# error it also has in chromium, less often), and a comparison of tools is one of the same browser;
# bench/engines.py measures what the shell, a11ycheck's default, changes.
CHROMIUM = "/usr/bin/chromium"
# the rendering flags of a11ycheck's browsers (and the plain loop's), V8 as it comes (see ENGINE_ARGS)
CHROMIUM_FLAGS = list(CHROMIUM_ARGS)
TOOLS = ("a11ycheck-audit", "a11ycheck-crawl", "plain-loop", "pa11y-ci")
# on request: the plain loop in browsers with a11ycheck's ENGINE_ARGS, to tell what those flags give apart
# from what the loop itself saves; a11ycheck with plain-language scoring off, to tell what scoring costs
NO_LANGUAGE = "-no-language"
EXTRA_TOOLS = ("plain-loop-tuned", "a11ycheck-audit" + NO_LANGUAGE, "a11ycheck-crawl" + NO_LANGUAGE)


@dataclass
class ToolRun:
    tool: str
    round: int
    wall_seconds: float
    pages: int  # pages asked for
    audited: int  # pages with a result
    lost: int
    peak_mb: float  # summed RSS
    peak_pss_mb: float
    peak_browser_pss_mb: float  # the largest PSS of one browser with its renderers and helpers
    processes_at_peak: int
    tool_cpu_seconds: float  # the root process: Python or Node
    browser_cpu_seconds: float  # every descendant: drivers and browsers
    exit_code: int
    planted_defects_match: int  # audited pages whose failing rules are exactly the planted ones
    statuses: dict[str, int] = field(default_factory=dict)
    note: str = ""

    @property
    def pages_per_minute(self) -> float:
        return self.audited * 60 / self.wall_seconds if self.wall_seconds else 0.0


def measure(tool: str, round_number: int, command: list[str], env: dict, workdir: Path, pages: int) -> tuple:
    """Run `command` to its end, sampling its process tree; (ToolRun without results, stdout path)."""
    out, err = workdir / f"{tool}.{round_number}.out", workdir / f"{tool}.{round_number}.err"
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        started = time.monotonic()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env, cwd=ROOT)
        with TreeMemory(process.pid) as memory:
            # wait4: the CPU time of the tool and of every descendant its tree reaped, short-lived ones too
            _, status, usage = os.wait4(process.pid, 0)
        process.returncode = code = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - started
    total_cpu = usage.ru_utime + usage.ru_stime
    peak = max(memory.samples, key=lambda sample: sample[1], default=(0, 0, 0))
    run = ToolRun(
        tool=tool,
        round=round_number,
        wall_seconds=round(wall, 2),
        pages=pages,
        audited=0,
        lost=pages,
        peak_mb=round(peak[1] / MB),
        peak_pss_mb=round(memory.peak_pss_bytes / MB),
        peak_browser_pss_mb=round(memory.peak_browser_pss_bytes / MB),
        processes_at_peak=peak[2],
        tool_cpu_seconds=round(memory.root_cpu_seconds, 1),
        browser_cpu_seconds=round(
            max(total_cpu - memory.root_cpu_seconds, memory.descendants_cpu_seconds), 1
        ),
        exit_code=code,
        planted_defects_match=0,
    )
    return run, out, err


def a11ycheck_results(db: str, site: MunicipalSite) -> tuple[dict[str, list[str]], dict[str, int]]:
    """{url: failing rules} of the audited pages of the latest run, and the count of each status."""
    exported = subprocess.run(
        [A11YCHECK, "export", "latest", "--format", "json", "--db", db], capture_output=True, check=True
    )
    pages = json.loads(exported.stdout)["pages"]
    statuses: dict[str, int] = {}
    for page in pages:
        statuses[page["status"]] = statuses.get(page["status"], 0) + 1
    return {p["url"]: [v["rule"] for v in p["violations"]] for p in pages if p["status"] == "ok"}, statuses


def plain_results(path: Path) -> tuple[dict[str, list[str]], dict[str, int]]:
    summary = json.loads(path.read_text()) if path.exists() else {}
    audited = {url: list(r["violations"]) for url, r in summary.items() if "violations" in r}
    return audited, {"ok": len(audited), "error": len(summary) - len(audited)}


def pa11y_results(path: Path) -> tuple[dict[str, list[str]], dict[str, int]]:
    """pa11y-ci's JSON report: a page's issues, or a single {message} when pa11y could not test it."""
    report = json.loads(path.read_text()) if path.exists() else {"results": {}}
    audited, failed = {}, 0
    for url, issues in report["results"].items():
        if any("code" not in issue for issue in issues):
            failed += 1
            continue
        audited[url] = sorted({issue["code"] for issue in issues})
    return audited, {"ok": len(audited), "error": failed}


def complete(
    run: ToolRun, audited: dict[str, list[str]], statuses: dict, site: MunicipalSite, urls: list[str]
):
    wanted = set(urls)
    run.audited = len(wanted & audited.keys())
    run.lost = len(urls) - run.audited
    run.statuses = statuses
    run.planted_defects_match = sum(
        1 for url in wanted & audited.keys() if set(audited[url]) == site.defects(urlsplit(url).path)
    )


def run_tool(
    tool: str, round_number: int, args, site: MunicipalSite, base: str, urls_file: Path, workdir: Path
):
    urls = site.urls(base)
    env = dict(os.environ, PYTHONPATH=str(ROOT), A11YCHECK_CHROMIUM=CHROMIUM)
    if tool.startswith("a11ycheck"):
        db = f"sqlite:///{workdir / f'{tool}.{round_number}.db'}"
        common = ["--browsers", str(args.browsers), "--allow-private", "--db", db]
        if tool.endswith(NO_LANGUAGE):
            common.append("--no-language")
        if tool.removesuffix(NO_LANGUAGE) == "a11ycheck-audit":
            command = [A11YCHECK, "audit", "--urls-file", str(urls_file), *common]
        else:
            command = [A11YCHECK, "crawl", base + "/", "--max-pages", str(len(urls)), *common]
            command += ["--delay", str(args.crawl_delay)]
        run, _, _ = measure(tool, round_number, command, env, workdir, len(urls))
        complete(run, *a11ycheck_results(db, site), site, urls)
    elif tool.startswith("plain-loop"):
        result = workdir / f"{tool}.{round_number}.json"
        command = [
            PYTHON,
            "-m",
            "bench.plain_loop",
            "--urls-file",
            str(urls_file),
            "--browsers",
            str(args.browsers),
            *(["--tuned"] if tool == "plain-loop-tuned" else []),
        ]
        run, _, _ = measure(tool, round_number, [*command, "--out", str(result)], env, workdir, len(urls))
        complete(run, *plain_results(result), site, urls)
    else:
        result = workdir / f"pa11y.{round_number}.json"
        config = {
            "defaults": {
                "runners": ["axe"],
                "concurrency": args.browsers,
                "timeout": 30000,
                "chromeLaunchConfig": {"executablePath": CHROMIUM, "args": CHROMIUM_FLAGS},
                "reporters": [["json", {"fileName": str(result)}]],
            },
            "urls": urls,
        }
        config_file = workdir / "pa11y-ci.json"
        config_file.write_text(json.dumps(config))
        command = ["node", str(PA11Y_CI), "--config", str(config_file)]
        run, _, _ = measure(tool, round_number, command, env, workdir, len(urls))
        complete(run, *pa11y_results(result), site, urls)
        run.note = "one Chromium, one tab per concurrent page; axe-core 4.11, WCAG2AA + best-practice tags"
    return run


def instrumented(mode: str, args, base: str, urls_file: Path, workdir: Path, pages: int) -> dict:
    command = [PYTHON, "-m", "bench.instrumented_run", mode]
    if mode == "audit":
        command += ["--urls-file", str(urls_file)]
    else:
        command += [base + "/", "--max-pages", str(pages), "--delay", str(args.crawl_delay)]
    command += ["--browsers", str(args.browsers)]
    env = dict(os.environ, PYTHONPATH=str(ROOT), A11YCHECK_CHROMIUM=CHROMIUM)
    done = subprocess.run(command, capture_output=True, env=env, cwd=ROOT, check=False)
    if done.returncode:
        return {"mode": mode, "error": done.stderr.decode(errors="replace")[-2000:]}
    return json.loads(done.stdout)


def ratio(runs: list[ToolRun], ours: str, theirs: str, round_number: int) -> float | None:
    a = next((r for r in runs if r.tool == ours and r.round == round_number), None)
    b = next((r for r in runs if r.tool == theirs and r.round == round_number), None)
    if not a or not b or not b.pages_per_minute:
        return None
    return round(a.pages_per_minute / b.pages_per_minute, 2)


def print_table(runs: list[ToolRun]) -> None:
    print(f"{'tool':<16} {'round':>5} {'wall s':>8} {'pages/min':>9} {'audited':>8} {'lost':>5} "
          f"{'RSS MB':>7} {'PSS MB':>7} {'1 browser':>9} {'procs':>5} {'CPU s own/browsers':>18} "
          f"{'planted ok':>10}  "
          "statuses")  # fmt: skip
    for r in runs:
        print(
            f"{r.tool:<16} {r.round:>5} {r.wall_seconds:>8.1f} {r.pages_per_minute:>9.1f} {r.audited:>8} "
            f"{r.lost:>5} {r.peak_mb:>7.0f} {r.peak_pss_mb:>7.0f} {r.peak_browser_pss_mb:>9.0f} "
            f"{r.processes_at_peak:>5} "
            f"{f'{r.tool_cpu_seconds:.0f} / {r.browser_cpu_seconds:.0f}':>18} "
            f"{r.planted_defects_match:>10}  "
            f"{r.statuses}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="pages audited by each tool (default 300)")
    parser.add_argument("--browsers", type=int, default=2, help="browsers per tool (default 2)")
    parser.add_argument("--rounds", type=int, default=1, help="repeat all tools, in a rotated order")
    parser.add_argument(
        "--tools",
        default=",".join(TOOLS),
        help=f"comma-separated, of {','.join(TOOLS + EXTRA_TOOLS)} (default: all but the last)",
    )
    parser.add_argument(
        "--crawl-delay",
        type=float,
        default=0.0,
        help="a11ycheck crawl --delay (default 0: the other tools do not throttle; a11ycheck: 0.5)",
    )
    parser.add_argument("--no-instrumented", action="store_true", help="skip the in-process busy-share runs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", help="also write every measurement to this JSON file")
    parser.add_argument("--keep", help="keep the tools' databases, outputs and logs in this folder")
    args = parser.parse_args(argv)
    tools = [t for t in args.tools.split(",") if t]
    if unknown := set(tools) - set(TOOLS + EXTRA_TOOLS):
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    if "pa11y-ci" in tools and not PA11Y_CI.exists():
        parser.error("pa11y-ci is not installed: cd bench/node && PUPPETEER_SKIP_DOWNLOAD=1 npm ci")
    site = MunicipalSite(args.pages, seed=args.seed)
    runs: list[ToolRun] = []
    busy: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="a11ycheck-compare-") as folder, SiteServer(site) as server:
        workdir = Path(args.keep or folder)
        workdir.mkdir(parents=True, exist_ok=True)
        urls_file = workdir / "urls.txt"
        urls_file.write_text("\n".join(site.urls(server.base_url)) + "\n")
        print(
            f"site: {args.pages} pages at {server.base_url}/, {args.browsers} browsers per tool", flush=True
        )
        for round_number in range(1, args.rounds + 1):
            shift = (round_number - 1) % len(tools)
            for tool in tools[shift:] + tools[:shift]:
                run = run_tool(tool, round_number, args, site, server.base_url, urls_file, workdir)
                runs.append(run)
                print(f"  round {round_number} {tool}: {run.pages_per_minute:.1f} pages/min, "
                      f"{run.lost} lost, peak RSS {run.peak_mb:.0f} MB, PSS {run.peak_pss_mb:.0f} MB, "
                      f"one browser {run.peak_browser_pss_mb:.0f} MB",
                      flush=True)  # fmt: skip
        if not args.no_instrumented:
            for mode in ("audit", "crawl"):
                busy.append(instrumented(mode, args, server.base_url, urls_file, workdir, args.pages))
                print(f"  instrumented {mode}: busy share {busy[-1].get('busy_share')}", flush=True)
    print()
    print_table(runs)
    ratios = {}
    for ours in ("a11ycheck-audit", "a11ycheck-crawl"):
        for theirs in ("plain-loop", "plain-loop-tuned", "pa11y-ci"):
            values = [ratio(runs, ours, theirs, n) for n in range(1, args.rounds + 1)]
            values = [v for v in values if v is not None]
            if values:
                ratios[f"{ours} / {theirs}"] = {"per_round": values, "median": statistics.median(values)}
        values = [ratio(runs, ours, ours + NO_LANGUAGE, n) for n in range(1, args.rounds + 1)]
        values = [v for v in values if v is not None]
        if values:  # plain-language scoring on / off: the target is 0.95 or more
            ratios[f"{ours} / {ours}{NO_LANGUAGE}"] = {
                "per_round": values,
                "median": statistics.median(values),
            }
    print()
    for name, value in ratios.items():
        per_round = ", ".join(f"{v:.2f}" for v in value["per_round"])
        print(f"{name:<48} {value['median']:>5.2f}x   (per round: {per_round})")
    for report in busy:
        if "error" in report:
            print(f"instrumented {report['mode']} failed: {report['error']}")
            continue
        print(
            f"\nin-process a11ycheck {report['mode']}: busy share {report['busy_share']:.1%} "
            f"({report['busy_seconds']:.1f} s busy / {report['browsers']} x {report['wall_seconds']:.1f} s), "
            f"{report['pages_per_minute']} pages/min, browser starts {report['browser_start_seconds']} s, "
            f"Python CPU {report['python_cpu_seconds']} s"
        )
        print("  WebDriver ms per page:", report["webdriver_ms_per_page"])
        print("  thread time:")
        for what, share in report["thread_time_share"].items():
            print(f"    {share:>7.1%}  {what}")
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "date": time.strftime("%Y-%m-%d %H:%M"),
            "pages": args.pages,
            "browsers": args.browsers,
            "runs": [asdict(r) | {"pages_per_minute": round(r.pages_per_minute, 1)} for r in runs],
            "ratios": ratios,
            "instrumented": busy,
        }
        Path(args.out).write_text(json.dumps(payload, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
