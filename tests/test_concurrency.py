"""Two runs writing to one database at once both succeed: SQLite (WAL, busy timeout) and PostgreSQL."""

import json
import os
import subprocess
import sys


def test_two_runs_at_once_into_one_fresh_database(page_server, db_url):
    urls = [
        page_server.add(
            f"/p{i}",
            f'<!doctype html><html lang="nl"><title>p{i}</title><body><main>'
            f'<h1>p{i}</h1><img src="/x{i}.png"></main></body></html>',
        )
        for i in range(6)
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
    env.update(A11YCHECK_DB=db_url, A11YCHECK_BATCH_SIZE="1")
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "a11ycheck", "audit", *half, "--allow-private", "--browsers", "1"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for half in (urls[:3], urls[3:])
    ]
    for process in processes:
        stdout, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, stderr
        assert "3 pages, 3 audited, 0 failed" in stdout
    for run_id, half in ((1, urls[:3]), (2, urls[3:])):
        exported = subprocess.run(
            [sys.executable, "-m", "a11ycheck", "export", str(run_id)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages = json.loads(exported)["pages"]
        assert sorted(p["url"] for p in pages) == sorted(half) or sorted(p["url"] for p in pages) == sorted(
            urls[3:] if half == urls[:3] else urls[:3]
        )
        assert all(v["rule"] == "image-alt" for p in pages for v in p["violations"])
