"""Two runs writing to one database at once both succeed: SQLite (WAL, busy timeout) and PostgreSQL."""

import json
import os
import sqlite3
import subprocess
import sys
import threading

import pytest
from helpers import wait_until
from sqlalchemy.exc import OperationalError

from a11ycheck import store
from a11ycheck.errors import UserError
from a11ycheck.store import Store


@pytest.mark.browser
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


def test_opening_a_sqlite_file_another_process_is_committing_to_waits_instead_of_failing(
    tmp_path, monkeypatch
):
    # The race behind a failed CI run: our connection holds a read lock and wants to switch the file to
    # WAL while another holds the write lock and wants to commit. SQLite answers ours "database is
    # locked" at once (waiting would deadlock); the store tries again once the other has committed.
    path = tmp_path / "shared.db"
    other = sqlite3.connect(path, timeout=30, isolation_level=None)
    other.execute("CREATE TABLE t (a)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO t VALUES (1)")
    opened: list[str] = []
    locked: list[OperationalError] = []

    def migrate(engine) -> None:
        try:
            real_migrate(engine)
        except OperationalError as exc:
            locked.append(exc)
            raise

    real_migrate = store.migrate
    monkeypatch.setattr(store, "migrate", migrate)

    def open_store() -> None:
        try:
            Store(f"sqlite:///{path}").close()
            opened.append("ok")
        except UserError as exc:
            opened.append(str(exc))

    thread = threading.Thread(target=open_store)
    thread.start()
    wait_until(lambda: locked, 30, "the store never met the other connection's write lock")
    assert "database is locked" in str(locked[0])
    other.execute("COMMIT")
    other.close()
    thread.join(timeout=60)
    assert opened == ["ok"]
