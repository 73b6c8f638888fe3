"""The two Chromium builds an audit can run in, on one generated site: Debian's chromium (`--headless=new`:
the browser with its window, toolbar and tab strip drawn off screen) and Debian's chromium-headless-shell
(the same Chromium built without them), which a11ycheck takes when it is installed
(a11ycheck/audit/config.py).

Each engine crawls and audits the site in full, then once more unchanged (a re-audit, a11ycheck/reuse.py), in
turn and in one invocation; prints the CPU time (a11ycheck's process and every browser process, as
bench/compare.py measures it) and wall time of each, the shell's as a ratio of chromium's, and whether the two
engines' findings are identical.

    .venv/bin/python -m bench.engines --pages 200
"""

import os
import sys

from bench.compare import measure
from bench.reaudit import crawl_bench_arguments, crawl_command, findings
from bench.site_generator import MunicipalSite, SiteServer

ENGINES = (("chromium", "/usr/bin/chromium"), ("headless-shell", "/usr/bin/chromium-headless-shell"))


def main(argv: list[str] | None = None) -> int:
    args, workdir = crawl_bench_arguments(argv, "engines", __doc__)
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
    site = MunicipalSite(args.pages, seed=1)
    costs: dict[tuple[str, str], tuple[float, float]] = {}
    found: dict[str, dict] = {}
    with SiteServer(site) as server:
        command = crawl_command(server.base_url, args.pages, args.browsers)
        for number, (engine, path) in enumerate(ENGINES, start=1):
            env = dict(base_env, A11YCHECK_CHROMIUM=path, A11YCHECK_DB=f"sqlite:///{workdir / engine}.db")
            for way in ("full", "unchanged"):
                run, _, _ = measure(f"{engine}-{way}", number, command, env, workdir, 0)
                cpu = run.tool_cpu_seconds + run.browser_cpu_seconds
                costs[engine, way] = (cpu, run.wall_seconds)
                pages, summary = findings(env["A11YCHECK_DB"], env)
                if way == "full":
                    found[engine] = pages
                print(
                    f"{engine:<15} {way:<10} wall {run.wall_seconds:6.1f} s  cpu {cpu:6.1f} s "
                    f"(a11ycheck {run.tool_cpu_seconds:4.1f}, browsers {run.browser_cpu_seconds:5.1f})  "
                    f"pages {summary['pages']}  reused {summary['pages_reused']}  exit {run.exit_code}",
                    flush=True,
                )
    print()
    for way in ("full", "unchanged"):
        (shell_cpu, shell_wall), (cpu, wall) = costs["headless-shell", way], costs["chromium", way]
        print(
            f"{way:<10} headless shell: cpu {shell_cpu / cpu:.2f}x, wall {shell_wall / wall:.2f}x chromium's"
        )
    for engine, _ in ENGINES:
        (unchanged, _), (full, _) = costs[engine, "unchanged"], costs[engine, "full"]
        print(f"{engine:<15} an unchanged re-audit costs {unchanged / full:.2f}x the full audit's cpu")
    same = "identical" if found["chromium"] == found["headless-shell"] else "DIFFERENT"
    print(f"findings of the two engines: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
