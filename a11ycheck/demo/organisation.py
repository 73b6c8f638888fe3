"""The demo site belongs to the fictitious municipality `voorbeeld`, so the demo shows charter progress too.

The demo is served on whatever loopback port is free, so each demo is a new host; earlier demo hosts are
unassigned first, so the charter is measured on the latest demo only.
"""

from urllib.parse import urlsplit

from a11ycheck.register import DEMO_ORGANISATION
from a11ycheck.sites import add_site, release_loopback_sites
from a11ycheck.store import Store

DEMO_SLUG = DEMO_ORGANISATION.slug


def attach_demo_site(store: Store, base_url: str) -> None:
    release_loopback_sites(store, DEMO_SLUG, keep_host=urlsplit(base_url).netloc)
    add_site(store, DEMO_ORGANISATION, base_url + "/")
