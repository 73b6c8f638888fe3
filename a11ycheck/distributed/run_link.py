"""Linking the run a campaign's crawl starts to its campaign site, the moment the run row exists.

A re-delivered site must find the run that was started for it, to resume that run rather than start
another; so the crawl process links it itself, before auditing its first page.
"""

from a11ycheck.distributed import queries
from a11ycheck.errors import UserError
from a11ycheck.models import Run
from a11ycheck.store import Store


class CampaignRunStore(Store):
    """A Store whose `start_run` also records the new run on campaign site `campaign_site_id`."""

    def __init__(self, url: str | None, campaign_site_id: int):
        super().__init__(url)
        self.campaign_site_id = campaign_site_id

    def start_run(
        self, kind: str, start_url: str | None, options: dict, axe_version: str, *args, **kwargs
    ) -> Run:
        run = super().start_run(kind, start_url, options, axe_version, *args, **kwargs)
        if not queries.link_run(self, self.campaign_site_id, run.id):
            message = f"campaign site {self.campaign_site_id} is unknown or has its run already"
            self.finish_run(run.id, "failed", message)
            raise UserError(f"{message}: resume that run instead")
        return run
