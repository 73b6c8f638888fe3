"""Campaigns: every configured site sent to the workers as one message, with its progress in the database."""

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from a11ycheck.distributed import claims, queries
from a11ycheck.distributed.celery_app import check_broker
from a11ycheck.distributed.site_work import FINAL
from a11ycheck.distributed.tasks import send_sites
from a11ycheck.errors import UserError
from a11ycheck.models import Campaign
from a11ycheck.settings import Settings
from a11ycheck.sites import configured_sites
from a11ycheck.store import Store

STATES = ("queued", "running", "waiting", "completed", "failed")


@dataclass(frozen=True)
class SiteProgress:
    organisation: str | None
    start_url: str
    state: str  # one of STATES; "waiting": started, no live worker on it now, sent again to be resumed
    run_id: int | None
    audited: int
    failed: int
    deliveries: int
    worker: str | None
    error: str | None


@dataclass(frozen=True)
class CampaignProgress:
    id: int
    created_at: datetime
    queue: str
    organisations: str
    sites: list[SiteProgress]

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(site.state for site in self.sites)
        return {state: found[state] for state in STATES if found[state]}

    @property
    def finished(self) -> bool:
        return all(site.state in FINAL for site in self.sites)


def start_campaign(
    store: Store, settings: Settings, organisations: tuple[str, ...] = ()
) -> tuple[Campaign, int]:
    """Record a campaign of every configured site (or these organisations') and send one message per site.

    The broker is checked first, so nothing is written when it is unreachable. Returns it and its site count.
    """
    sites = configured_sites(store, organisations)
    check_broker(settings)
    options = {
        "max_pages": settings.max_pages,
        "allow_private": settings.allow_private,
        "tags": settings.tags,
        "wcag22": settings.wcag22,
        "full": settings.full,
        "sample_only": settings.sample_only,
        "max_documents": settings.max_documents,
        "documents": settings.documents,
    }
    campaign = Campaign(
        organisations=",".join(organisations), options=json.dumps(options, default=list), queue=settings.queue
    )
    ids = queries.create_campaign(store, campaign, [site.id for site in sites])
    _send(settings, ids, campaign)
    return campaign, len(ids)


def resend_unfinished(store: Store, settings: Settings, ref: str) -> tuple[Campaign, int]:
    """Send again every unfinished site no live worker holds (after a broker lost its messages, say).

    Safe to repeat: a worker that gets a site a live worker has, or a finished one, leaves it be.
    """
    campaign = queries.find_campaign(store, ref)
    ids = [
        row.id
        for row in queries.unfinished_sites(store, campaign.id)
        if not claims.holder_is_alive(row.holder, row.heartbeat, settings.takeover_after)
    ]
    if ids:
        check_broker(settings)
        _send(settings, ids, campaign)
    return campaign, len(ids)


def campaign_progress(store: Store, ref: str, takeover_after: float) -> CampaignProgress:
    """Where a campaign (an id or `latest`) stands, site by site, read from the database."""
    campaign = queries.find_campaign(store, ref)
    sites = []
    for row, site in queries.campaign_sites(store, campaign.id):
        summary = store.run_summary(row.run_id) if row.run_id else None
        state = row.status
        if state == "running" and not claims.holder_is_alive(row.holder, row.heartbeat, takeover_after):
            state = "waiting"
        sites.append(
            SiteProgress(
                organisation=site.organisation,
                start_url=site.start_url,
                state=state,
                run_id=row.run_id,
                audited=summary.audited if summary else 0,
                failed=summary.failed if summary else 0,
                deliveries=row.deliveries,
                worker=row.worker,
                error=row.error,
            )
        )
    return CampaignProgress(campaign.id, campaign.created_at, campaign.queue, campaign.organisations, sites)


def _send(settings: Settings, ids: list[int], campaign: Campaign) -> None:
    try:
        send_sites(settings, ids, campaign.queue)
    except Exception as exc:  # noqa: BLE001 - the broker went away between the check and the sending
        raise UserError(
            f"campaign {campaign.id}: sending its sites failed ({type(exc).__name__}: {exc}); "
            f"when the broker is back: a11ycheck campaign resume {campaign.id}"
        ) from None
