"""Campaigns over Celery workers: every page audited once over two workers, a killed worker's site resumed
by the other with no page lost or repeated, a worker that starts late taking its share.

Real brokers (Redis and RabbitMQ on loopback), a real PostgreSQL database, workers started as a person
would (`a11ycheck worker`), sites served on loopback.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from helpers import run_cli
from sqlalchemy import func, select

from a11ycheck.models import Campaign, CampaignSite, Page, Run, Site
from a11ycheck.store import Store
from bench.proctree import stop_process_groups

# Redis database 14: what these tests leave unacknowledged never mixes with a local worker's on database 0
BROKERS = {"redis": "redis://127.0.0.1:6379/14", "rabbitmq": "amqp://guest:guest@127.0.0.1:5672//"}

pytestmark = [pytest.mark.postgres, pytest.mark.services, pytest.mark.browser]  # workers crawl in Chromium


class LoopbackSite:
    """A small site on its own loopback port: a home page linking to `pages - 1` others, each page slowed
    down by `delay` seconds so a test can act mid-site."""

    def __init__(self, pages: int, delay: float = 0.0):
        self.paths = ["/"] + [f"/pagina-{n}.html" for n in range(1, pages)]
        self.delay = delay
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                self._answer(with_body=True)

            def do_HEAD(self) -> None:
                self._answer(with_body=False)

            def _answer(self, with_body: bool) -> None:
                path = self.path.split("?")[0]
                if path not in site.paths:
                    status, body = 404, b"<!doctype html><title>Niet gevonden</title>"
                else:
                    if with_body and site.delay:
                        time.sleep(site.delay)  # the scenario: a slow site
                    status, body = 200, site.page(path).encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if with_body:
                    self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.host = f"127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def page(self, path: str) -> str:
        links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in self.paths)
        return (
            f'<!doctype html><html lang="nl"><head><title>{path}</title></head><body><main>'
            f'<h1>Gemeente {path}</h1><img src="/logo.png"><ul>{links}</ul></main></body></html>'
        )

    def urls(self) -> set[str]:
        return {self.base_url + path for path in self.paths}

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def loopback_sites() -> Iterator[Callable[..., LoopbackSite]]:
    started: list[LoopbackSite] = []

    def make(pages: int, delay: float = 0.0) -> LoopbackSite:
        started.append(LoopbackSite(pages, delay))
        return started[-1]

    yield make
    for site in started:
        site.stop()


@pytest.fixture(params=list(BROKERS))
def broker(request) -> str:
    return BROKERS[request.param]


@pytest.fixture
def queue(broker) -> Iterator[str]:
    """A queue of this test's own, removed afterwards with whatever is left in it."""
    name = f"a11ycheck-test-{uuid.uuid4().hex[:10]}"
    yield name
    if broker.startswith("redis"):
        _purge_redis(broker, name)
    else:
        _purge_rabbitmq(broker, name)


def _purge_redis(url: str, name: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    try:
        client.delete(*client.keys(f"{name}*"), f"_kombu.binding.{name}")
        for tag, raw in client.hgetall("unacked").items():  # kombu's not-yet-acknowledged messages
            if json.loads(raw)[2] == name:
                client.hdel("unacked", tag)
                client.zrem("unacked_index", tag)
    finally:
        client.close()


def _purge_rabbitmq(url: str, name: str) -> None:
    from kombu import Connection

    with Connection(url) as connection:
        channel = connection.default_channel
        channel.queue_delete(name)
        channel.exchange_delete(name)


class Workers:
    """`a11ycheck worker` processes, each in its own process group (its crawls and their browsers' drivers
    with it), stopped on every way out of the test."""

    def __init__(self, folder: Path, db: str, broker: str, queue: str):
        self.folder, self.db, self.broker, self.queue = folder, db, broker, queue
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self, name: str, *arguments: str, **extra_env: str) -> None:
        environment = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
        environment.update(
            A11YCHECK_DB=self.db,
            A11YCHECK_BROKER=self.broker,
            A11YCHECK_QUEUE=self.queue,
            A11YCHECK_DOWNLOAD_DELAY="0.1",
            A11YCHECK_BATCH_SIZE="1",
            **extra_env,
        )
        log = open(self.folder / f"worker-{name}.log", "wb")  # noqa: SIM115 - the child writes it
        self.processes[name] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "a11ycheck",
                "worker",
                "--browsers",
                "1",
                "--name",
                f"{name}@%h",
                *arguments,
            ],
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def kill(self, name: str) -> None:
        """SIGKILL the worker's whole process group: worker, its pool, the crawl it runs."""
        process = self.processes[name]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def logs(self) -> str:
        return "\n".join(
            f"--- worker {name}:\n" + (self.folder / f"worker-{name}.log").read_text(errors="replace")[-3000:]
            for name in self.processes
        )

    def stop_all(self) -> None:
        """SIGTERM every group (crawls stop cleanly and close their browsers), SIGKILL what is left."""
        stop_process_groups(self.processes.values(), grace=40)


@pytest.fixture
def workers(tmp_path, postgres_url, broker, queue) -> Iterator[Workers]:
    started = Workers(tmp_path, postgres_url, broker, queue)
    try:
        yield started
    finally:
        started.stop_all()


def configure(db: str, sites: list[LoopbackSite]) -> None:
    """The sites as `a11ycheck sites add` leaves them: each assigned to a municipality."""
    store = Store(db)
    with store.session() as session:
        for number, site in enumerate(sites):
            session.add(
                Site(host=site.host, start_url=site.base_url + "/", organisation=f"gemeente-{number}")
            )
        session.commit()
    store.close()


def start_campaign(workers: Workers, *options: str) -> int:
    started = run_cli(
        "campaign",
        "start",
        "--allow-private",
        *options,
        db=workers.db,
        env={"A11YCHECK_BROKER": workers.broker, "A11YCHECK_QUEUE": workers.queue},
    )
    assert started.code == 0, started.stderr
    return int(started.stdout.split()[1].rstrip(":"))


def campaign_sites(db: str) -> list[CampaignSite]:
    store = Store(db)
    try:
        with store.session() as session:
            return list(session.exec(select(CampaignSite).order_by(CampaignSite.id)).scalars())
    finally:
        store.close()


def wait_until(condition: Callable[[], bool], timeout: float, what: str, workers: Workers) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}\n{workers.logs()}"
        time.sleep(0.5)


def all_finished(db: str) -> bool:
    return all(site.status in ("completed", "failed") for site in campaign_sites(db))


def pages_of(db: str, run_id: int) -> list[str]:
    store = Store(db)
    try:
        with store.session() as session:
            return list(session.exec(select(Page.url).where(Page.run_id == run_id)).scalars())
    finally:
        store.close()


def test_a_campaign_over_two_workers_audits_every_page_exactly_once(loopback_sites, workers):
    sites = [loopback_sites(pages) for pages in (3, 4, 5)]
    configure(workers.db, sites)
    workers.start("een")
    workers.start("twee")
    campaign_id = start_campaign(workers, "--max-pages", "20")
    wait_until(lambda: all_finished(workers.db), 240, "every site of the campaign is finished", workers)

    status = run_cli("campaign", "status", db=workers.db)
    assert status.code == 0, status.stderr
    assert f"campaign {campaign_id} " in status.stdout and "3 sites, 3 completed" in status.stdout
    store = Store(workers.db)
    with store.session() as session:
        assert session.exec(select(func.count(Campaign.id))).scalar() == 1
        assert session.exec(select(func.count(Run.id))).scalar() == 3, "one run per site, none repeated"
        hosts = {row.id: row.host for row in session.exec(select(Site)).scalars()}
    by_host = {site.host: site for site in sites}
    for row in campaign_sites(workers.db):
        assert row.status == "completed" and row.campaign_id == campaign_id, row
        site = by_host[hosts[row.site_id]]
        summary = store.run_summary(row.run_id)
        assert summary.status == "completed" and summary.audited == len(site.paths)
        urls = pages_of(workers.db, row.run_id)
        assert len(urls) == len(set(urls)), "a page was audited twice"
        assert set(urls) == site.urls(), "the run holds exactly its own site's pages"
    store.close()


@pytest.mark.parametrize("broker", ["rabbitmq", "redis"], indirect=True)
def test_a_worker_killed_mid_site_has_its_site_resumed_by_the_other_with_no_page_lost(
    loopback_sites, workers, broker
):
    slow = loopback_sites(10, delay=1.0)
    configure(workers.db, [slow])
    # Redis re-delivers what a dead worker held once its visibility timeout has passed: keep it short here
    workers.start("een", A11YCHECK_REDELIVERY_AFTER="6")
    workers.start("twee", A11YCHECK_REDELIVERY_AFTER="6")
    start_campaign(workers, "--max-pages", "20")

    def some_pages_written() -> bool:
        (row,) = campaign_sites(workers.db)
        return row.run_id is not None and len(pages_of(workers.db, row.run_id)) >= 3

    wait_until(some_pages_written, 120, "the site's crawl has written a few pages", workers)
    (before,) = campaign_sites(workers.db)
    killed = before.worker.split("@")[0]
    workers.kill(killed)
    written_before = len(pages_of(workers.db, before.run_id))
    assert written_before < len(slow.paths), "the kill must land mid-site"

    wait_until(lambda: all_finished(workers.db), 240, "the site is finished by the other worker", workers)
    (after,) = campaign_sites(workers.db)
    assert after.status == "completed", after
    assert after.run_id == before.run_id, "the run was resumed, not started again"
    assert after.deliveries == 2 and after.worker.split("@")[0] != killed
    urls = pages_of(workers.db, after.run_id)
    assert len(urls) == len(set(urls)) and set(urls) == slow.urls()
    store = Store(workers.db)
    assert store.run_summary(after.run_id).status == "completed"
    with store.session() as session:
        assert session.exec(select(func.count(Run.id))).scalar() == 1
    store.close()


@pytest.mark.parametrize("broker", ["rabbitmq"], indirect=True)
def test_a_worker_that_starts_late_takes_its_share(loopback_sites, workers):
    sites = [loopback_sites(2, delay=0.5) for _ in range(6)]
    configure(workers.db, sites)
    workers.start("een")
    start_campaign(workers, "--max-pages", "5")

    def completed() -> list[CampaignSite]:
        return [row for row in campaign_sites(workers.db) if row.status == "completed"]

    wait_until(lambda: len(completed()) >= 1, 120, "the first worker has finished a site", workers)
    workers.start("twee")
    wait_until(lambda: len(completed()) == len(sites), 240, "every site is completed", workers)
    took = {row.worker.split("@")[0] for row in completed()}
    assert took == {"een", "twee"}, took


@pytest.mark.parametrize("broker", ["redis"], indirect=True)
def test_campaign_resume_sends_again_what_the_broker_lost(loopback_sites, workers, queue):
    site = loopback_sites(2)
    configure(workers.db, [site])
    campaign_id = start_campaign(workers, "--max-pages", "5")
    _purge_redis(workers.broker, queue)  # a broker restart without persistence: the message is gone

    status = run_cli("campaign", "status", str(campaign_id), db=workers.db)
    assert "1 sites, 1 queued" in status.stdout
    resent = run_cli(
        "campaign", "resume", str(campaign_id), db=workers.db, env={"A11YCHECK_BROKER": workers.broker}
    )
    assert resent.code == 0, resent.stderr
    assert resent.stdout.strip() == f"campaign {campaign_id}: 1 unfinished sites sent again (queue {queue})"
    workers.start("een")
    wait_until(lambda: all_finished(workers.db), 120, "the site sent again is finished", workers)
    (row,) = campaign_sites(workers.db)
    assert row.status == "completed" and set(pages_of(workers.db, row.run_id)) == site.urls()


def test_bad_broker_unknown_campaign_and_no_sites_are_one_line_errors(postgres_url, loopback_sites):
    empty = run_cli("campaign", "start", db=postgres_url)
    assert empty.code == 2 and "no sites configured" in empty.stderr
    configure(postgres_url, [loopback_sites(1)])
    unreachable = run_cli(
        "campaign", "start", "--allow-private", "--broker", "redis://127.0.0.1:1/0", db=postgres_url
    )
    assert unreachable.code == 2
    assert unreachable.stderr.strip().splitlines() == [
        "Error: cannot reach the broker redis://127.0.0.1:1/0: Error 111 connecting to 127.0.0.1:1. "
        "Connection refused; start it or set A11YCHECK_BROKER / --broker"
    ]
    nothing = run_cli("campaign", "status", db=postgres_url)
    assert nothing.code == 2 and "no campaigns yet" in nothing.stderr, "nothing was written"
    unknown = run_cli("campaign", "status", "7", db=postgres_url)
    assert unknown.code == 2 and "no campaign '7'" in unknown.stderr
    bad = run_cli("worker", "--broker", "http://127.0.0.1/", db=postgres_url)
    assert bad.code == 2 and bad.stderr.startswith("Error: unsupported broker 'http://127.0.0.1/'")


@pytest.mark.parametrize("broker", ["redis"], indirect=True)
def test_a_worker_audits_with_remote_browsers_through_browser_url(loopback_sites, workers, webdriver_server):
    site = loopback_sites(3)
    configure(workers.db, [site])
    # no local browser could start: every page must go through the remote WebDriver
    workers.start(
        "een",
        "--browser-url",
        webdriver_server,
        A11YCHECK_CHROMIUM="/nonexistent/chromium",
        A11YCHECK_CHROMEDRIVER="/nonexistent/chromedriver",
    )
    start_campaign(workers, "--max-pages", "5")
    wait_until(lambda: all_finished(workers.db), 120, "the site is audited remotely", workers)
    (row,) = campaign_sites(workers.db)
    assert row.status == "completed", row
    store = Store(workers.db)
    summary = store.run_summary(row.run_id)
    store.close()
    assert summary.audited == 3 and summary.violations >= 3  # each page has an image without alt text


# --- the site work itself, in this process: what a worker on another machine would see ------------------


def campaign_of(db: str, site: LoopbackSite, allow_private: bool = True) -> int:
    """A campaign of one configured site, written as `campaign start` writes it (no broker needed here)."""
    configure(db, [site])
    store = Store(db)
    with store.session() as session:
        (site_id,) = session.exec(select(Site.id)).scalars()
        campaign = Campaign(options=json.dumps({"max_pages": 20, "allow_private": allow_private}), queue="q")
        session.add(campaign)
        session.flush()
        row = CampaignSite(campaign_id=campaign.id, site_id=site_id)
        session.add(row)
        session.commit()
        return row.id


def test_a_site_whose_machine_went_silent_is_taken_over_and_its_run_resumed(postgres_url, loopback_sites):
    from a11ycheck.distributed.site_work import work_on_site
    from a11ycheck.settings import Settings

    slow = loopback_sites(8, delay=0.5)
    campaign_site_id = campaign_of(postgres_url, slow)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
    environment.update(A11YCHECK_DB=postgres_url, A11YCHECK_BATCH_SIZE="1")
    crawl = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "a11ycheck",
            "crawl",
            slow.base_url + "/",
            "--allow-private",
            "--browsers",
            "1",
        ]
        + ["--delay", "0.1", "--campaign-site", str(campaign_site_id)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not (
            (row := campaign_sites(postgres_url)[0]).run_id and len(pages_of(postgres_url, row.run_id)) >= 3
        ):
            assert crawl.poll() is None and time.monotonic() < deadline, "the crawl wrote too few pages"
            time.sleep(0.3)
    finally:
        os.killpg(crawl.pid, signal.SIGKILL)
        crawl.wait(timeout=10)
    run_id = row.run_id
    # as if the crawl and its worker ran on another machine: its process cannot be checked from here
    store = Store(postgres_url)
    with store.session() as session:
        session.get(Run, run_id).owner = "elsewhere:4242"
        held = session.get(CampaignSite, campaign_site_id)
        held.holder, held.heartbeat, held.status, held.deliveries = (
            "elsewhere:4243",
            time.time(),
            "running",
            1,
        )
        session.commit()
    settings = Settings(db=postgres_url, browsers=1, download_delay=0.1, takeover_after=30)

    left_alone = work_on_site(store, settings, campaign_site_id, "here@test")
    assert left_alone.send_again_in is not None and "elsewhere:4243 is on" in left_alone.detail
    assert store.get_run(run_id).status == "running"

    with store.session() as session:
        session.get(CampaignSite, campaign_site_id).heartbeat = time.time() - 31  # silent for too long
        session.commit()
    taken_over = work_on_site(store, settings, campaign_site_id, "here@test")
    assert taken_over.send_again_in is None and "completed" in taken_over.detail, taken_over
    (row,) = campaign_sites(postgres_url)
    assert (row.status, row.run_id, row.deliveries, row.worker, row.holder) == (
        "completed",
        run_id,
        2,
        "here@test",
        None,
    )
    urls = pages_of(postgres_url, run_id)
    assert len(urls) == len(set(urls)) and set(urls) == slow.urls()
    assert store.run_summary(run_id).status == "completed"
    store.close()


def test_a_site_the_crawl_refuses_fails_at_once_with_the_reason(postgres_url, loopback_sites):
    from a11ycheck.distributed.site_work import work_on_site
    from a11ycheck.settings import Settings

    campaign_site_id = campaign_of(postgres_url, loopback_sites(1), allow_private=False)
    store = Store(postgres_url)
    outcome = work_on_site(store, Settings(db=postgres_url, browsers=1), campaign_site_id, "here@test")
    assert outcome.send_again_in is None
    (row,) = campaign_sites(postgres_url)
    assert row.status == "failed" and row.run_id is None and row.holder is None
    assert "loopback address; pass --allow-private" in row.error
    again = work_on_site(store, Settings(db=postgres_url, browsers=1), campaign_site_id, "here@test")
    assert again.send_again_in is None and "already failed" in again.detail
    store.close()
