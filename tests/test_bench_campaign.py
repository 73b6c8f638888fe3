"""The campaign bench's own parts, without a browser: the sites it generates, and the server-side count of
requests answered at once that its politeness verdict rests on."""

import threading
import urllib.request

import pytest

from bench.campaign import LARGEST, loopback_address, site_sizes
from bench.site_generator import MIN_PAGES, MunicipalSite, SiteServer


@pytest.mark.parametrize(("sites", "pages"), [(24, 2000), (12, 500), (24, MIN_PAGES * 24), (2, 400)])
def test_site_sizes_add_up_within_the_bounds(sites, pages):
    sizes = site_sizes(sites, pages)
    assert len(sizes) == sites and sum(sizes) == pages
    assert all(MIN_PAGES <= size <= LARGEST for size in sizes)
    assert site_sizes(sites, pages) == sizes  # the same sites every run


def test_site_sizes_refuse_what_cannot_be_generated():
    with pytest.raises(ValueError, match="24 sites need"):
        site_sizes(24, 400)


def test_every_site_has_its_own_loopback_address():
    addresses = [loopback_address(n) for n in range(250)]
    assert addresses[:2] == ["127.0.0.2", "127.0.0.3"] and addresses[-1] == "127.0.0.251"
    assert len(set(addresses)) == 250 and "127.0.0.1" not in addresses
    assert all(address.startswith("127.") for address in addresses)


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()
        return response.status


def test_the_server_counts_the_requests_it_answers_at_once_per_host():
    site = MunicipalSite(MIN_PAGES, seed=1)
    with (
        SiteServer(site, loopback_address(0), delay=0.3) as busy,
        SiteServer(site, loopback_address(1), delay=0.3) as quiet,
    ):
        paths = site.paths()[:3] + ["/static/gemeente.css"]
        threads = [threading.Thread(target=_get, args=(busy.base_url + path,)) for path in paths]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert _get(quiet.base_url + "/") == 200
        assert _get(quiet.base_url + "/contact") == 200

        assert busy.base_url.startswith("http://127.0.0.2:")
        assert (busy.counter.peak_crawl, busy.counter.peak, busy.counter.requests) == (3, 4, 4)
        assert (quiet.counter.peak_crawl, quiet.counter.peak, quiet.counter.requests) == (1, 1, 2)
        assert busy.counter.active == quiet.counter.active == 0
