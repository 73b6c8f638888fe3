"""A run killed (SIGKILL) or interrupted (Ctrl-C) is finished by `a11ycheck resume`: none twice, none lost."""

import json
import os
import signal
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from helpers import default_sigint, run_cli, wait_until
from sqlalchemy import create_engine, text

from a11ycheck.audit.chromium import PROFILE_PREFIX
from a11ycheck.runs import browser_profile_tag


def pages_written(db_url: str) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM page")).scalar() or 0
    except Exception:  # noqa: BLE001 - the schema may not exist yet
        return 0
    finally:
        engine.dispose()


def browsers_of_run(db_url: str, run_id: int) -> list[int]:
    marker = f"{PROFILE_PREFIX}{browser_profile_tag(db_url, run_id)}-"
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
        if marker in cmdline and state != "Z":
            found.append(int(entry))
    return found


def start_crawl(site: str, db_url: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
    env.update(A11YCHECK_DB=db_url, A11YCHECK_BATCH_SIZE="1")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "a11ycheck",
            "crawl",
            site + "/",
            "--allow-private",
            "--browsers",
            "1",
            "--delay",
            "0.2",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,  # the Ctrl-C test needs SIGINT's default, whatever this run inherited
    )


def wait_for_pages(db_url: str, count: int, process: subprocess.Popen, timeout: float = 90) -> None:
    def written() -> bool:
        assert process.poll() is None, process.communicate()
        return pages_written(db_url) >= count

    wait_until(written, timeout, f"the crawl wrote fewer than {count} pages", interval=0.2)


def expected_paths(manifest: dict) -> set[str]:
    return set(manifest["pages"]) - set(manifest["robots_disallowed"])


def audited_paths(db_url: str) -> list[str]:
    pages = json.loads(run_cli("export", "latest", db=db_url).stdout)["pages"]
    paths = []
    for page in pages:
        path = urlsplit(page["url"]).path
        paths.append(path + "index.html" if path.endswith("/") else path)
    return paths


@pytest.mark.browser
@pytest.mark.parametrize("db", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_sigkilled_crawl_is_resumed_without_loss_or_repeats(
    demo_site, demo_manifest, db, sqlite_url, request
):
    db_url = sqlite_url if db == "sqlite" else request.getfixturevalue("postgres_url")
    crawl = start_crawl(demo_site, db_url)
    wait_for_pages(db_url, 6, crawl)
    crawl.send_signal(signal.SIGKILL)
    crawl.wait(timeout=10)
    before = pages_written(db_url)
    assert 6 <= before < 38

    listing = run_cli("runs", db=db_url)
    assert " killed " in listing.stdout, listing.stdout
    assert browsers_of_run(db_url, 1), (
        "a SIGKILLed crawl leaves its browsers running: resume must clean them up"
    )

    resumed = run_cli("resume", "latest", db=db_url)
    assert resumed.code == 0, resumed.stderr
    assert "run 1 completed" in resumed.stdout
    assert browsers_of_run(db_url, 1) == []
    paths = audited_paths(db_url)
    assert len(paths) == len(set(paths)), "a page was audited twice"
    assert set(paths) >= expected_paths(demo_manifest) - {"/index.html"}
    documents = json.loads(run_cli("export", "latest", "--documents", db=db_url).stdout)["documents"]
    assert sorted(urlsplit(d["url"]).path for d in documents) == sorted(demo_manifest["documents"])
    assert {d["status"] for d in documents} == {"checked"}


@pytest.mark.browser
def test_ctrl_c_stops_cleanly_says_how_to_resume_and_resume_finishes(demo_site, demo_manifest, sqlite_url):
    crawl = start_crawl(demo_site, sqlite_url)
    wait_for_pages(sqlite_url, 4, crawl)
    crawl.send_signal(signal.SIGINT)
    stdout, stderr = crawl.communicate(timeout=120)
    assert crawl.returncode == 130, stderr
    assert "a11ycheck resume 1" in stderr
    assert "Traceback" not in stderr
    assert "run 1 interrupted" in stdout
    assert browsers_of_run(sqlite_url, 1) == []

    resumed = run_cli("resume", "1", db=sqlite_url)
    assert resumed.code == 0, resumed.stderr
    paths = audited_paths(sqlite_url)
    assert len(paths) == len(set(paths))
    assert set(paths) >= expected_paths(demo_manifest) - {"/index.html"}
    again = run_cli("resume", "1", db=sqlite_url)
    assert again.code == 2 and "already complete" in again.stderr


def test_resume_of_an_unknown_run_is_a_one_line_error(sqlite_url):
    result = run_cli("resume", "7", db=sqlite_url)
    assert result.code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: no run '7' in {sqlite_url}: see `a11ycheck runs` for the run ids"
    ]
