"""Starting a Celery worker that audits campaign sites: N sites at a time, each with its own browsers."""

import logging

from a11ycheck.distributed.celery_app import check_broker, configure
from a11ycheck.distributed.tasks import use_settings
from a11ycheck.errors import UserError
from a11ycheck.settings import Settings
from a11ycheck.store import Store


def worker_arguments(settings: Settings, concurrency: int, name: str | None) -> list[str]:
    """`celery worker` arguments: prefork processes (a crawl child dies with its process), one queue."""
    arguments = [
        "worker",
        "--pool=prefork",
        f"--concurrency={concurrency}",
        f"--queues={settings.queue}",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    if name:
        arguments.append(f"--hostname={name}")
    return arguments


def run_worker(settings: Settings, concurrency: int = 1, name: str | None = None) -> None:
    """Check the browsers, the database and the broker, then work until stopped (Ctrl-C or SIGTERM)."""
    if concurrency < 1:
        raise UserError(f"--concurrency must be at least 1, not {concurrency}")
    check_broker(settings)
    settings.browser_config()
    Store(settings.db).close()  # migrated and reachable; each worker process opens its own
    logging.getLogger("alembic").setLevel(logging.WARNING)  # no migration chatter in the worker's log
    use_settings(settings)
    configure(settings).worker_main(worker_arguments(settings, concurrency, name))
