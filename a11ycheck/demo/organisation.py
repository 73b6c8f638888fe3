"""The demo site belongs to the fictitious municipality `voorbeeld`, so the demo shows charter progress too.

The demo is served on whatever loopback port is free, so each demo is a new host; earlier demo hosts are
unassigned first, so the charter is measured on the latest demo only.
"""

from ipaddress import ip_address
from urllib.parse import urlsplit

from sqlalchemy import select

from a11ycheck.charters.sites import add_site
from a11ycheck.models import Site
from a11ycheck.register import Register
from a11ycheck.store import Store

DEMO_ORGANISATION = "voorbeeld"


def attach_demo_site(store: Store, base_url: str) -> None:
    host = urlsplit(base_url).netloc
    with store.session() as session:
        earlier = session.exec(select(Site).where(Site.organisation == DEMO_ORGANISATION)).scalars().all()
        for site in earlier:
            if site.host != host and _is_loopback(site.host):
                site.organisation = None
        session.commit()
    add_site(store, Register.load().get(DEMO_ORGANISATION), base_url + "/")


def _is_loopback(host: str) -> bool:
    name = urlsplit(f"//{host}").hostname or ""
    try:
        return ip_address(name).is_loopback
    except ValueError:
        return name == "localhost"
