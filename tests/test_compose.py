"""docker-compose.yml runs the whole campaign stack; no Docker engine runs here, so Debian's docker-compose
validates the file and the test checks what each service is and how they are wired together."""

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from a11ycheck.cli import campaign, worker

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    shutil.which("docker-compose") is None,
    reason="docker-compose is not installed (apt-get install docker-compose; scripts/setup.sh does it)",
)


def compose_config(**env: str) -> dict:
    """The file as docker-compose reads it, variables interpolated; fails on any invalid key or value."""
    environment = {k: v for k, v in os.environ.items() if k not in ("A11YCHECK_BROKER", "POSTGRES_PASSWORD")}
    environment.update(env)
    command = ["docker-compose", "-f", str(ROOT / "docker-compose.yml")]
    checked = subprocess.run(
        [*command, "config", "-q"], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    shown = subprocess.run([*command, "config"], cwd=ROOT, env=environment, capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    return yaml.safe_load(shown.stdout)


@pytest.fixture(scope="module")
def services() -> dict:
    return compose_config()["services"]


def test_the_stack_has_every_part(services):
    assert set(services) == {
        "postgres",
        "redis",
        "rabbitmq",
        "selenium-hub",
        "chromium",
        "worker",
        "cli",
        "reports",
    }
    assert services["postgres"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    assert services["selenium-hub"]["image"].startswith("selenium/hub:")
    assert services["chromium"]["image"].startswith("selenium/node-chromium:")
    hub_version = services["selenium-hub"]["image"].split(":")[1]
    assert services["chromium"]["image"].split(":")[1] == hub_version, "hub and nodes of one Grid version"
    assert services["rabbitmq"]["profiles"] == ["rabbitmq"], (
        "RabbitMQ is the alternative, not started by default"
    )
    assert services["cli"]["profiles"] == ["tools"]


def test_workers_scale_and_reach_the_database_the_broker_and_the_grid(services):
    workers = services["worker"]
    assert workers["deploy"]["replicas"] >= 2
    assert services["chromium"]["deploy"]["replicas"] >= 2
    assert workers["build"]["context"] == str(ROOT)
    arguments = workers["command"]
    worker.make_context("worker", list(arguments[1:]))  # options `a11ycheck worker` really has
    assert arguments[0] == "worker" and "--browser-url=http://selenium-hub:4444" in arguments

    database = urlsplit(workers["environment"]["A11YCHECK_DB"])
    postgres = services["postgres"]["environment"]
    assert (database.scheme, database.hostname, database.port) == ("postgresql", "postgres", 5432)
    assert (database.username, database.password, database.path) == (
        postgres["POSTGRES_USER"],
        postgres["POSTGRES_PASSWORD"],
        "/" + postgres["POSTGRES_DB"],
    )
    assert urlsplit(workers["environment"]["A11YCHECK_BROKER"]).hostname == "redis"
    assert workers["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert workers["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "selenium-hub" in workers["depends_on"]
    assert services["chromium"]["environment"]["SE_EVENT_BUS_HOST"] == "selenium-hub"
    assert services["cli"]["environment"] == workers["environment"], "the CLI sees what the workers see"


def mount(volume: str | dict) -> dict:
    """A volume in docker-compose's long form, whichever form it printed ("reports:/reports:rw")."""
    if isinstance(volume, dict):
        return {"read_only": False, **volume}
    source, target, *mode = volume.split(":")
    return {"source": source, "target": target, "read_only": mode == ["ro"]}


def test_the_grid_browsers_share_no_network_with_the_database_or_the_broker(services):
    def networks(name: str) -> set[str]:
        return set(services[name].get("networks") or {"default": None})

    browsers = networks("chromium") | networks("selenium-hub")
    for name in ("postgres", "redis", "rabbitmq"):
        assert not browsers & networks(name), name
    assert networks("worker") & networks("postgres") and networks("worker") & networks("selenium-hub")
    assert networks("cli") & networks("postgres")


def test_the_report_site_serves_what_the_cli_builds(services):
    campaign.make_context("campaign", list(services["cli"]["command"]))
    (built,) = [v for v in map(mount, services["cli"]["volumes"]) if v["target"] == "/reports"]
    (served,) = map(mount, services["reports"]["volumes"])
    assert built["source"] == served["source"] == "reports"
    assert served["read_only"] and not built["read_only"]
    assert services["reports"]["ports"][0]["target"] == 80


def test_one_variable_switches_the_workers_to_rabbitmq():
    services = compose_config(A11YCHECK_BROKER="amqp://a11ycheck:a11ycheck@rabbitmq:5672//")["services"]
    broker = urlsplit(services["worker"]["environment"]["A11YCHECK_BROKER"])
    assert (broker.scheme, broker.hostname, broker.port) == ("amqp", "rabbitmq", 5672)
    rabbitmq = services["rabbitmq"]["environment"]
    assert (broker.username, broker.password) == (
        rabbitmq["RABBITMQ_DEFAULT_USER"],
        rabbitmq["RABBITMQ_DEFAULT_PASS"],
    )


def test_the_image_installs_the_package_with_debians_chromium():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.12-slim" in dockerfile
    assert (
        "chromium-headless-shell chromium-driver" in dockerfile
        and "pip install --no-cache-dir ." in dockerfile
    )
    assert "A11YCHECK_CHROMIUM=/usr/bin/chromium-headless-shell" in dockerfile
    assert 'ENTRYPOINT ["a11ycheck"]' in dockerfile
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "tests"} <= set(ignored)
