"""Linking the run a campaign's crawl starts to its campaign site, the moment the run row exists.

A re-delivered site must find the run that was started for it, to resume that run rather than start
another; so the crawl process links it itself, before auditing its first page.
"""

from sqlalchemy import update

from a11ycheck.errors import UserError
from a11ycheck.models import CampaignSite, Run
from a11ycheck.store import Store


class CampaignRunStore(Store):
    """A Store whose `start_run` also records the new run on campaign site `campaign_site_id`."""

    def __init__(self, url: str | None, campaign_site_id: int):
        super().__init__(url)
        self.campaign_site_id = campaign_site_id

    def start_run(self, kind: str, start_url: str | None, options: dict, axe_version: str) -> Run:
        run = super().start_run(kind, start_url, options, axe_version)
        with self.session() as session:
            linked = session.exec(
                update(CampaignSite)
                .where(CampaignSite.id == self.campaign_site_id, CampaignSite.run_id.is_(None))
                .values(run_id=run.id)
            ).rowcount
            session.commit()
        if linked != 1:
            message = f"campaign site {self.campaign_site_id} is unknown or has its run already"
            self.finish_run(run.id, "failed", message)
            raise UserError(f"{message}: resume that run instead")
        return run
