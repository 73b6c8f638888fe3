"""Shared fixtures: loopback pages, real SQLite and PostgreSQL databases, the CLI run as a user would."""

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import CHROMIUM, PageServer, run_cli, serving_pages
from sqlalchemy import create_engine, text

PG_ADMIN_URL = os.environ.get("A11YCHECK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")

# The tiers (`make test-fast` leaves out browser, postgres and services). A test is marked by the fixtures
# it uses, by the browser classes its module drives itself, or by hand (a CLI crawl or audit in a child).
BROWSER_FIXTURES = {"pool", "webdriver_server", "driver"}  # driver: one Chromium for a wing's script
POSTGRES_FIXTURES = {"postgres_url"}
SERVICES_FIXTURES = {"broker", "queue"}
BROWSER_CLASSES = ("BrowserPool", "BrowserConfig", "ChromiumBrowser")
NOT_CHROMIUM = """#!/bin/sh
echo "$0 $*" >> {log}
echo "this test is not marked browser, yet it started $0: mark it @pytest.mark.browser" >&2
exit 127
"""
NOT_CHROMIUM_DIR = pytest.StashKey[Path]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        module = getattr(item, "module", None)
        if fixtures & BROWSER_FIXTURES or any(hasattr(module, name) for name in BROWSER_CLASSES):
            item.add_marker(pytest.mark.browser)
        if fixtures & POSTGRES_FIXTURES:
            item.add_marker(pytest.mark.postgres)
        if fixtures & SERVICES_FIXTURES:
            item.add_marker(pytest.mark.services)


def pytest_configure(config: pytest.Config) -> None:
    """Stand-ins for chromium and chromedriver that log being started and fail. A run that leaves browser
    tests out (`make test-fast`) puts them first on PATH for everything, fixtures of any scope included."""
    folder = Path(tempfile.mkdtemp(prefix="a11ycheck-not-chromium-"))
    for name in ("chromium-headless-shell", "chromium", "chromedriver"):
        script = folder / name
        script.write_text(NOT_CHROMIUM.format(log=folder / "started.log"))
        script.chmod(0o755)
    config.stash[NOT_CHROMIUM_DIR] = folder
    if "not browser" in (config.option.markexpr or ""):
        os.environ["PATH"] = f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"
        os.environ["A11YCHECK_CHROMIUM"] = str(folder / "chromium")
        os.environ["A11YCHECK_CHROMEDRIVER"] = str(folder / "chromedriver")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(config.stash.get(NOT_CHROMIUM_DIR, ""), ignore_errors=True)


@pytest.fixture(autouse=True)
def _unmarked_tests_start_no_browser(request, monkeypatch) -> Iterator[None]:
    """A test not marked browser that reaches for Chromium (on PATH or through A11YCHECK_CHROMIUM in a child,
    or any ChromiumBrowser in this process) gets stand-ins, and fails saying so, instead of quietly needing
    a browser."""
    if request.node.get_closest_marker("browser"):
        yield
        return
    folder = request.config.stash[NOT_CHROMIUM_DIR]
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("A11YCHECK_CHROMIUM", str(folder / "chromium"))
    monkeypatch.setenv("A11YCHECK_CHROMEDRIVER", str(folder / "chromedriver"))
    log = folder / "started.log"

    def no_browser_here(browser, config) -> None:  # in this process, a path given in the test included
        with log.open("a") as started:
            started.write(f"ChromiumBrowser({config.chromium_path or config.remote_url})\n")
        raise RuntimeError("this test is not marked browser, yet it started Chromium")

    monkeypatch.setattr("a11ycheck.audit.chromium.ChromiumBrowser.__init__", no_browser_here)
    yield
    if log.exists():
        started = log.read_text().strip()
        log.unlink()
        pytest.fail(f"not marked browser, yet started {started!r}: mark it @pytest.mark.browser")


@pytest.fixture(scope="module")
def driver():
    """A Selenium driver of one Chromium started as the audit starts it (a11ycheck/audit/chromium.py), for
    tests that run one of the wings' scripts in pages of their own."""
    from a11ycheck.audit.chromium import ChromiumBrowser
    from a11ycheck.audit.config import BrowserConfig

    browser = ChromiumBrowser(BrowserConfig(CHROMIUM, "/usr/bin/chromedriver", script_timeout=10))
    try:
        yield browser.driver
    finally:
        browser.close()


@pytest.fixture
def page_server() -> Iterator[PageServer]:
    with serving_pages() as server:
        yield server


@pytest.fixture(scope="session")
def demo_site() -> Iterator[str]:
    """The bundled demo municipality, served on loopback for the whole session."""
    from a11ycheck.demo.server import DemoServer

    with DemoServer() as server:
        yield server.base_url


@pytest.fixture(scope="session")
def demo_manifest() -> dict:
    import json
    from pathlib import Path

    import a11ycheck.demo

    return json.loads((Path(a11ycheck.demo.__file__).parent / "defects.json").read_text())


def _postgres_database() -> Iterator[str]:
    name = f"a11ycheck_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def sample_reports(tmp_path_factory) -> Path:
    """tests/report_sample.py's database and its report in Dutch and English (and Gent's single file in
    `mail/`), built once per test process for the modules that only read them: never write in it."""
    from report_sample import build_sample_reports

    return build_sample_reports(tmp_path_factory.mktemp("sample-reports"), mail="gent")


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """An empty SQLite database at the newest revision, migrated once per test process from nothing."""
    from a11ycheck.store import Store

    path = tmp_path_factory.mktemp("migrated") / "a11ycheck.db"
    Store(f"sqlite:///{path}").close()
    assert not path.with_name("a11ycheck.db-wal").exists(), "the template must be one file"
    return path


def _empty_sqlite(tmp_path: Path, template: Path) -> str:
    """A fresh, empty SQLite database of the test's own: a copy of the migrated template (a test of the
    migrations themselves uses new_db_url)."""
    path = tmp_path / "a11ycheck.db"
    shutil.copyfile(template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def sqlite_url(tmp_path, migrated_sqlite) -> str:
    return _empty_sqlite(tmp_path, migrated_sqlite)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    yield from _postgres_database()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path, migrated_sqlite) -> Iterator[str]:
    """Each test using it runs twice: on a fresh SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield _empty_sqlite(tmp_path, migrated_sqlite)
    else:
        yield from _postgres_database()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def new_db_url(request, tmp_path) -> Iterator[str]:
    """As db_url, but a SQLite file that does not exist yet: for the tests of migrating from nothing."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'a11ycheck.db'}"
    else:
        yield from _postgres_database()


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def webdriver_server(tmp_path) -> Iterator[str]:
    """chromedriver serving the W3C WebDriver protocol on loopback: a Selenium Grid of one, as far as a
    remote client can tell."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = open(tmp_path / "chromedriver.log", "wb")  # noqa: SIM115 - the child writes it
    server = subprocess.Popen(
        ["chromedriver", f"--port={port}"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    log.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(f"{url}/status", timeout=2) as answer:
                if json.load(answer)["value"]["ready"]:
                    break
        except OSError:
            pass
        assert server.poll() is None and time.monotonic() < deadline, "chromedriver did not start"
        time.sleep(0.2)
    try:
        yield url
    finally:
        for signum in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(server.pid, signum)
                server.wait(timeout=10)
                break
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
