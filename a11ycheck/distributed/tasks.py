"""The Celery task a worker runs for one campaign site, and sending sites to it; the work is `site_work`'s."""

from collections.abc import Iterable

from sqlalchemy.exc import OperationalError

from a11ycheck.distributed.celery_app import app, configure
from a11ycheck.distributed.site_work import work_on_site
from a11ycheck.errors import UserError
from a11ycheck.settings import Settings
from a11ycheck.store import Store

_worker_settings: Settings | None = None
_stores: dict[str, Store] = {}


def use_settings(settings: Settings) -> None:
    """The worker's own settings (browsers, Grid URL, database), set before its processes start."""
    global _worker_settings
    _worker_settings = settings


def _settings() -> Settings:
    return _worker_settings or Settings.from_env()


def _store(url: str) -> Store:
    """One Store per worker process, opened in that process: connections never cross a fork."""
    if url not in _stores:
        _stores[url] = Store(url)
    return _stores[url]


@app.task(
    name="a11ycheck.audit_site",
    bind=True,
    acks_late=True,  # with the next line: a worker that dies has its site sent to another (celery_app)
    reject_on_worker_lost=True,
    max_retries=None,
    autoretry_for=(OperationalError, UserError),  # the database is away for a while: try again later
    retry_backoff=5,
    retry_backoff_max=300,
)
def audit_site(self, campaign_site_id: int) -> str:
    """Audit one campaign site; if it is not finished here, send it again (acknowledging this message)."""
    settings = _settings()
    outcome = work_on_site(_store(settings.db), settings, campaign_site_id, self.request.hostname or "")
    if outcome.send_again_in is not None:
        raise self.retry(countdown=outcome.send_again_in)
    return outcome.detail


def send_sites(settings: Settings, campaign_site_ids: Iterable[int], queue: str) -> None:
    """One message per campaign site on `queue`, over one broker connection."""
    configure(settings)
    with app.producer_or_acquire() as producer:
        for campaign_site_id in campaign_site_ids:
            audit_site.apply_async(args=[campaign_site_id], queue=queue, producer=producer)
