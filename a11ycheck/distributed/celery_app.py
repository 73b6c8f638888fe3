"""The Celery app: acknowledged late, one site per worker process at a time, no result backend.

A site's message is acknowledged only when its work is done, so a worker that dies has its site sent to
another: at once on RabbitMQ (the connection drops), after `redelivery_after` seconds on Redis (its
visibility timeout). Everything else, progress included, lives in the database.
"""

from urllib.parse import urlsplit

from celery import Celery
from kombu import Connection

from a11ycheck.errors import UserError
from a11ycheck.settings import Settings

BROKER_SCHEMES = ("redis", "rediss", "amqp", "amqps", "pyamqp")

app = Celery("a11ycheck", include=["a11ycheck.distributed.tasks"])


def configure(settings: Settings) -> Celery:
    """Point the app at the settings' broker and queue; a UserError for a broker URL it cannot use."""
    scheme = urlsplit(settings.broker).scheme
    if scheme not in BROKER_SCHEMES:
        raise UserError(
            f"unsupported broker {broker_display(settings.broker)!r}: use redis://host:6379/0 "
            "or amqp://user:password@host:5672// (A11YCHECK_BROKER or --broker)"
        )
    if settings.takeover_after <= 0 or settings.redelivery_after <= 0:
        raise UserError("A11YCHECK_TAKEOVER_AFTER and A11YCHECK_REDELIVERY_AFTER must be positive seconds")
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


def broker_display(url: str) -> str:
    """The broker URL without its password, for messages a person reads."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)).geturl()


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
