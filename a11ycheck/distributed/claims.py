"""Who works on a campaign site right now: one live worker process at a time, proven by heartbeats.

A message can reach a second worker while the first still works on its site (Redis's visibility timeout
ran out, RabbitMQ's connection dropped). So a worker first claims the site in the database, atomically, and
only when the previous holder is gone: its process is dead (same machine) or it has not sent a heartbeat
for `takeover_after` seconds (another machine). A holder whose heartbeat finds the site claimed by someone
else stops at once.
"""

import socket
import time
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from a11ycheck.distributed import queries
from a11ycheck.models import CampaignSite, utcnow
from a11ycheck.store import Store, owner_is_dead, this_process


@dataclass(frozen=True)
class Claim:
    """This process holds campaign site `site_id`; `delivery` counts the times a worker took it."""

    site_id: int
    holder: str
    delivery: int


def on_this_machine(owner: str | None) -> bool:
    return bool(owner) and owner.rpartition(":")[0] == socket.gethostname()


def holder_is_alive(holder: str | None, heartbeat: float | None, takeover_after: float) -> bool:
    """A holder is alive while its heartbeat is fresh and, on this machine, its process still exists."""
    if not holder or heartbeat is None or time.time() - heartbeat > takeover_after:
        return False
    return not (on_this_machine(holder) and owner_is_dead(holder))


def claim(store: Store, site: CampaignSite, worker: str) -> Claim | None:
    """Take the site if nobody took it since `site` was read; None when another worker was quicker."""
    me = this_process()
    if not queries.take_site(store, site, me, worker):
        return None
    return Claim(site.id, me, site.deliveries + 1)


def beat(store: Store, held: Claim) -> bool:
    """Record a sign of life; False when the site was taken over, so this holder must stop.

    A database that does not answer for a moment is no reason to stop a crawl: the next beat will tell.
    """
    try:
        return _update_held(store, held, heartbeat=time.time())
    except SQLAlchemyError:
        return True


def release(store: Store, held: Claim) -> None:
    """Let the site go unfinished (handed back to the queue): the next worker need not wait for us."""
    _update_held(store, held, holder=None)


def finish(store: Store, held: Claim, status: str, error: str | None = None) -> None:
    _update_held(store, held, status=status, error=error, finished_at=utcnow(), holder=None)


def _update_held(store: Store, held: Claim, **values) -> bool:
    return queries.update_held_site(store, held.site_id, held.holder, **values)
