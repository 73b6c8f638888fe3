"""The Celery app: acknowledged late, one site per worker process at a time, no result backend.

A site's message is acknowledged only when its work is done, so a worker that dies has its site sent to
another: at once on RabbitMQ (the connection drops), after `redelivery_after` seconds on Redis (its
visibility timeout). Everything else, progress included, lives in the database.
"""

from urllib.parse import urlsplit

from celery import Celery
from kombu import Connection

from a11ycheck.errors import UserError
from a11ycheck.settings import Settings, broker_display

app = Celery("a11ycheck", include=["a11ycheck.distributed.tasks"])


def configure(settings: Settings) -> Celery:
    """Point the app at the settings' broker and queue (Settings checked the URL)."""
    app.conf.update(
        broker_url=settings.broker,
        broker_connection_retry_on_startup=True,
        broker_transport_options=_transport_options(settings),
        task_default_queue=settings.queue,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        # a crawl goes on through a broker blip; its site, if sent again meanwhile, is left to it
        worker_cancel_long_running_tasks_on_connection_loss=False,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
    )
    return app


def _transport_options(settings: Settings) -> dict:
    if not urlsplit(settings.broker).scheme.startswith("redis"):
        return {}
    # Redis re-delivers an unacknowledged message once it is older than the visibility timeout; the sweep
    # that finds such messages must run often enough for that timeout to mean something.
    return {
        "visibility_timeout": settings.redelivery_after,
        "unacked_restore_interval": max(1, min(10, int(settings.redelivery_after / 10))),
        "unacked_restore_throttle": 1,
    }


def check_broker(settings: Settings) -> None:
    """A one-line UserError when the broker cannot be reached, before anything is written or started."""
    configure(settings)
    try:
        with Connection(settings.broker, connect_timeout=5) as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=5)
    except Exception as exc:  # noqa: BLE001 - every transport has its own errors; all mean "unreachable"
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0].rstrip(".")
        raise UserError(
            f"cannot reach the broker {broker_display(settings.broker)}: {reason}; "
            "start it or set A11YCHECK_BROKER / --broker"
        ) from None
