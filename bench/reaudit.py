"""Re-audits at the cost of what changed (a11ycheck/reuse.py): a generated municipal site crawled and audited,
crawled again unchanged, then again after 10% of its pages and the shared stylesheet changed; and a full
audit (--full) of the changed site to hold the re-audit's findings against.

Prints each re-audit's cost as a ratio of the first audit's, in CPU time (a11ycheck's process and every
browser process, measured as bench/compare.py does) and in wall time, how many pages were carried forward,
and whether the findings are exactly a full audit's. Everything runs in this one invocation, so the ratios
hold on a shared machine even when its speed drifts.

    .venv/bin/python -m bench.reaudit --pages 200
"""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from bench.compare import ROOT, measure
from bench.site_generator import MunicipalSite, SiteServer

CHANGED_SHARE = 0.10
NEW_IMAGE = '<p><img src="/beelden/nieuw.png"></p></main>'  # an image without alternative text
# The shared stylesheet: embedded frames (a map, a video: on about one page in seven) get a border.
STYLE_CHANGE = "\niframe{border:1px solid #767676}"


class ChangingSite(MunicipalSite):
    """The generated site, with some pages and the shared stylesheet changed once `change()` is called."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.changed: set[str] = set()
        self.style_changed = False

    def change(self) -> int:
        paths = [path for path in self.paths() if path != "/"]
        step = max(1, round(1 / CHANGED_SHARE))
        self.changed = set(paths[::step])
        self.style_changed = True
        return len(self.changed)

    def render(self, path: str, base_url: str) -> tuple[int, str, bytes]:
        status, content_type, body = super().render(path, base_url)
        if path in self.changed:
            body = body.replace(b"</main>", NEW_IMAGE.encode(), 1)
        if path == "/static/gemeente.css" and self.style_changed:
            body += STYLE_CHANGE.encode()
        return status, content_type, body


def findings(db: str, env: dict) -> tuple[dict[str, list], dict]:
    """Per page path, the rule and element of every violation and needs-review node; and the run's dict."""
    import subprocess  # noqa: PLC0415 - only here

    exported = subprocess.run(
        [sys.executable, "-m", "a11ycheck", "export", "latest"],
        capture_output=True,
        text=True,
        env=dict(env, A11YCHECK_DB=db),
        cwd=ROOT,
        check=True,
    )
    data = json.loads(exported.stdout)
    found = {}
    for page in data["pages"]:
        path = "/" + page["url"].split("/", 3)[-1]
        found[path] = sorted(
            (kind, v["rule"], json.dumps(n["target"]))
            for kind in ("violations", "needs_review")
            for v in page[kind]
            for n in v["nodes"]
        )
    return found, data["run"]


def crawl_command(base_url: str, pages: int, browsers: int) -> list[str]:
    """`a11ycheck crawl` of a generated site on loopback, browser-bound (no delay between requests)."""
    options = ["--max-pages", str(pages), "--browsers", str(browsers), "--delay", "0", "--allow-private"]
    return [sys.executable, "-m", "a11ycheck", "crawl", base_url + "/", *options]


def crawl_bench_arguments(argv: list[str] | None, name: str, doc: str) -> tuple[argparse.Namespace, Path]:
    """The options of a bench that crawls a generated site again and again (--pages, --browsers, --keep),
    and the folder its databases and logs go to."""
    parser = argparse.ArgumentParser(prog=f"python -m bench.{name}", description=doc.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--browsers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the databases and logs in this folder")
    args = parser.parse_args(argv)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix=f"{name}-"))
    workdir.mkdir(parents=True, exist_ok=True)
    return args, workdir


def main(argv: list[str] | None = None) -> int:
    args, workdir = crawl_bench_arguments(argv, "reaudit", __doc__)
    db = f"sqlite:///{workdir / 'reaudit.db'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
    env["A11YCHECK_DB"] = db
    site = ChangingSite(args.pages, seed=1)
    results = []
    with SiteServer(site) as server:
        command = crawl_command(server.base_url, args.pages, args.browsers)
        steps = [("first audit", []), ("unchanged", []), ("changed", []), ("full, changed", ["--full"])]
        for number, (name, extra) in enumerate(steps, start=1):
            if name == "changed":
                print(f"changing {site.change()} pages and the shared stylesheet", flush=True)
            run, _, _ = measure(
                name.replace(" ", "-").replace(",", ""), number, command + extra, env, workdir, 0
            )
            pages, summary = findings(db, env)
            cpu = run.tool_cpu_seconds + run.browser_cpu_seconds
            results.append((name, run, cpu, pages, summary))
            print(
                f"{name:<14} wall {run.wall_seconds:7.1f} s  cpu {cpu:7.1f} s "
                f"(a11ycheck {run.tool_cpu_seconds:5.1f}, browsers {run.browser_cpu_seconds:5.1f})  "
                f"pages {summary['pages']:>5}  "
                f"reused {summary['pages_reused']:>5}  exit {run.exit_code}",
                flush=True,
            )
    (_, first, first_cpu, first_pages, _) = results[0]
    print()
    for name, run, cpu, pages, summary in results[1:3]:
        against = results[0][3] if name == "unchanged" else results[3][3]
        same = "identical" if pages == against else "DIFFERENT"
        print(
            f"{name:<10} cost: cpu {cpu / first_cpu:.2f}x, wall {run.wall_seconds / first.wall_seconds:.2f}x "
            f"the first audit; {summary['pages_reused']} of {summary['pages']} pages reused; findings {same} "
            f"to a full audit's"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
