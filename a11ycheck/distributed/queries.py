"""The campaign tables, read and written: every query of the distributed wing is here.

The claim protocol (`claims.py`) decides who may work on a site; these are the atomic updates it relies on.
"""

import time
from dataclasses import dataclass

from sqlalchemy import func, select, update

from a11ycheck.errors import UserError
from a11ycheck.models import Campaign, CampaignSite, Run, Site, utcnow
from a11ycheck.store import Store

UNFINISHED = ("queued", "running")


@dataclass(frozen=True)
class SiteState:
    """A campaign site with its campaign, its site and the run started for it (if any), as read now."""

    campaign_site: CampaignSite
    campaign: Campaign
    site: Site
    run: Run | None


def create_campaign(store: Store, campaign: Campaign, site_ids: list[int]) -> list[int]:
    """Write the campaign and one row per site; the campaign site ids, in the order given."""
    with store.session() as session:
        session.add(campaign)
        session.flush()
        rows = [CampaignSite(campaign_id=campaign.id, site_id=site_id) for site_id in site_ids]
        session.add_all(rows)
        session.commit()
        return [row.id for row in rows]


def find_campaign(store: Store, ref: str) -> Campaign:
    """A campaign by id or `latest`; a UserError naming what to do otherwise."""
    with store.session() as session:
        if ref == "latest":
            campaign_id = session.exec(select(func.max(Campaign.id))).scalar()
            if campaign_id is None:
                raise UserError("there are no campaigns yet: start one with `a11ycheck campaign start`")
        elif ref.isdigit():
            campaign_id = int(ref)
        else:
            campaign_id = None
        campaign = session.get(Campaign, campaign_id) if campaign_id is not None else None
    if campaign is None:
        raise UserError(
            f"no campaign {ref!r} in {store.display_url}: `a11ycheck campaign status` shows the latest"
        )
    return campaign


def unfinished_sites(store: Store, campaign_id: int) -> list[CampaignSite]:
    with store.session() as session:
        return list(
            session.exec(
                select(CampaignSite).where(
                    CampaignSite.campaign_id == campaign_id, CampaignSite.status.in_(UNFINISHED)
                )
            ).scalars()
        )


def campaign_sites(store: Store, campaign_id: int) -> list[tuple[CampaignSite, Site]]:
    """Every site of a campaign with its row, by organisation and host."""
    with store.session() as session:
        return [
            tuple(row)
            for row in session.exec(
                select(CampaignSite, Site)
                .join(Site, Site.id == CampaignSite.site_id)
                .where(CampaignSite.campaign_id == campaign_id)
                .order_by(Site.organisation, Site.host)
            ).all()
        ]


def site_state(store: Store, campaign_site_id: int) -> SiteState | None:
    with store.session() as session:
        campaign_site = session.get(CampaignSite, campaign_site_id)
        if campaign_site is None:
            return None
        return SiteState(
            campaign_site,
            session.get(Campaign, campaign_site.campaign_id),
            session.get(Site, campaign_site.site_id),
            session.get(Run, campaign_site.run_id) if campaign_site.run_id else None,
        )


def linked_run_id(store: Store, campaign_site_id: int) -> int | None:
    with store.session() as session:
        return session.get(CampaignSite, campaign_site_id).run_id


def link_run(store: Store, campaign_site_id: int, run_id: int) -> bool:
    """Record the run started for a campaign site; False when it is unknown or has its run already."""
    with store.session() as session:
        linked = session.exec(
            update(CampaignSite)
            .where(CampaignSite.id == campaign_site_id, CampaignSite.run_id.is_(None))
            .values(run_id=run_id)
        ).rowcount
        session.commit()
    return linked == 1


def take_site(store: Store, site: CampaignSite, holder: str, worker: str) -> bool:
    """Atomically take an unfinished site nobody took since `site` was read (same delivery count)."""
    with store.session() as session:
        taken = session.exec(
            update(CampaignSite)
            .where(
                CampaignSite.id == site.id,
                CampaignSite.deliveries == site.deliveries,
                CampaignSite.status.in_(UNFINISHED),
            )
            .values(
                holder=holder,
                heartbeat=time.time(),
                deliveries=CampaignSite.deliveries + 1,
                status="running",
                worker=worker,
                started_at=site.started_at or utcnow(),
            )
        ).rowcount
        session.commit()
    return taken == 1


def update_held_site(store: Store, campaign_site_id: int, held_by: str, **values) -> bool:
    """Change a site only while `held_by` still holds it; False when another has taken it over. `values` may
    set the holder itself (None: let it go)."""
    with store.session() as session:
        changed = session.exec(
            update(CampaignSite)
            .where(CampaignSite.id == campaign_site_id, CampaignSite.holder == held_by)
            .values(**values)
        ).rowcount
        session.commit()
    return changed == 1
