"""What a worker does with one campaign site: crawl it, or resume the run a worker that died left behind.

The site is the unit of work, so per-host politeness holds however many workers run. Whatever happens to
a worker, the database says how far the site got: its run (linked by the crawl itself, see `run_link`)
keeps every page written, and `a11ycheck resume` audits only the pages that are not.
"""

import json
import os
import sys
from dataclasses import dataclass

from a11ycheck.crawl_request import CrawlRequest
from a11ycheck.distributed import claims, queries
from a11ycheck.distributed.child import ChildExit, run_child
from a11ycheck.distributed.queries import SiteState
from a11ycheck.models import Site
from a11ycheck.settings import Settings, env_name
from a11ycheck.store import Store, owner_is_dead

FINAL = ("completed", "failed")
MAX_DELIVERIES = 5  # a site whose crawl keeps dying is given up after this many workers tried it
SOON = 1.0  # seconds before a site handed back is sent again


@dataclass(frozen=True)
class SiteWorkOutcome:
    """What became of the site; `send_again_in` is set when it is not finished and must be sent again."""

    detail: str
    send_again_in: float | None = None


def heartbeat_every(settings: Settings) -> float:
    return max(0.5, min(10.0, settings.takeover_after / 6))


def recheck_every(settings: Settings) -> float:
    """How soon a site another worker holds is looked at again; below Redis's visibility timeout."""
    return max(1.0, min(settings.takeover_after, settings.redelivery_after) / 4)


def work_on_site(store: Store, settings: Settings, campaign_site_id: int, worker: str) -> SiteWorkOutcome:
    """Audit one campaign site to its end, unless a live worker already has it or it is finished."""
    state = queries.site_state(store, campaign_site_id)
    if state is None:
        return SiteWorkOutcome(f"no campaign site {campaign_site_id} in {store.display_url}: nothing to do")
    if state.campaign_site.status in FINAL:
        return SiteWorkOutcome(f"site {state.site.start_url} is already {state.campaign_site.status}")
    busy = _live_holder(state, settings.takeover_after)
    if busy:
        return SiteWorkOutcome(f"{busy} is on {state.site.start_url}", send_again_in=recheck_every(settings))
    held = claims.claim(store, state.campaign_site, worker)
    if held is None:
        return SiteWorkOutcome("another worker took it first", send_again_in=recheck_every(settings))
    try:
        return _work(store, settings, state, held)
    finally:
        claims.release(store, held)  # a no-op once the site is finished


def _live_holder(state: SiteState, takeover_after: float) -> str | None:
    site, run = state.campaign_site, state.run
    if claims.holder_is_alive(site.holder, site.heartbeat, takeover_after):
        return site.holder
    if run and run.status == "running" and claims.on_this_machine(run.owner) and not owner_is_dead(run.owner):
        return run.owner  # the crawl of a worker that died is still writing what it audited
    return None


def _work(store: Store, settings: Settings, state: SiteState, held: claims.Claim) -> SiteWorkOutcome:
    run = state.run
    if run is not None and run.status == "completed":
        claims.finish(store, held, "completed")
        return SiteWorkOutcome(f"run {run.id} of {state.site.start_url} had completed")
    if held.delivery > MAX_DELIVERIES:
        reason = f"the crawl stopped {held.delivery - 1} times without finishing"
        claims.finish(store, held, "failed", f"{reason}: {run.error}" if run and run.error else reason)
        return SiteWorkOutcome(f"gave up {state.site.start_url}: {reason}")
    if run is not None and run.status == "running" and not claims.on_this_machine(run.owner):
        # its machine stopped sending heartbeats: nobody there will finish the run, so it can be resumed
        store.finish_run(run.id, "interrupted", f"{run.owner} stopped; taken over by {held.holder}")
    if run is None:
        site_settings = settings.with_flags(**json.loads(state.campaign.options))
        command = CrawlRequest.for_site(state.site.start_url, site_settings, held.site_id).command()
    else:
        command = [sys.executable, "-m", "a11ycheck", "resume", str(run.id)]
    done = run_child(
        command,
        _child_environment(store, settings),
        still_wanted=lambda: claims.beat(store, held),
        every=heartbeat_every(settings),
    )
    if done is None:
        return SiteWorkOutcome(f"{state.site.start_url} was taken over by another worker: stopped")
    return _record(store, held, state.site, done)


def _record(store: Store, held: claims.Claim, site: Site, done: ChildExit) -> SiteWorkOutcome:
    run_id = queries.linked_run_id(store, held.site_id)
    if run_id is None:
        if done.code == 2:  # refused or bad input: another try cannot help
            claims.finish(store, held, "failed", done.last_error_line or "the crawl refused the site")
            return SiteWorkOutcome(f"{site.start_url} failed: {done.last_error_line}")
        return SiteWorkOutcome(
            f"the crawl of {site.start_url} exited with {done.code} before its run started", SOON
        )
    summary = store.run_summary(run_id)
    if summary.status == "completed":
        claims.finish(store, held, "completed")
        return SiteWorkOutcome(
            f"run {run_id} of {site.start_url} completed: {summary.audited} audited, {summary.failed} failed"
        )
    # interrupted (this worker is stopping), killed or failed: the next delivery resumes the run
    return SiteWorkOutcome(
        f"run {run_id} of {site.start_url} {summary.status}: sent again to be resumed", SOON
    )


def _child_environment(store: Store, settings: Settings) -> dict[str, str]:
    """The worker's environment for the crawl, with its database and browsers, without the broker."""
    broker = (env_name("broker"), env_name("queue"))
    environment = {k: v for k, v in os.environ.items() if k not in broker}
    environment[env_name("db")] = store.url
    for name in ("browser_url", "chromium", "chromedriver"):
        value = getattr(settings, name)
        if value:
            environment[env_name(name)] = value
    return environment
