"""The demo municipality is served correctly and its manifest matches the files (no browser needed)."""

import json
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from a11ycheck.demo.server import SITE_ROOT, DemoServer

MANIFEST = json.loads((Path(SITE_ROOT).parent / "defects.json").read_text(encoding="utf-8"))
PAGES = sorted(MANIFEST["pages"])
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class _Fetched:
    def __init__(self, status: int, content_type: str, body: bytes, url: str) -> None:
        self.status, self.content_type, self.body, self.url = status, content_type, body, url

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class _References(HTMLParser):
    """Collects the URLs a page points at: links, and the resources a browser would load."""

    ATTRS = {"a": "href", "link": "href", "img": "src", "iframe": "src", "script": "src", "form": "action"}

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = self.ATTRS.get(tag)
        value = dict(attrs).get(wanted) if wanted else None
        if value is None:
            return
        (self.links if tag == "a" else self.resources).append(value)


def fetch(url: str) -> _Fetched:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return _Fetched(response.status, response.headers["Content-Type"], response.read(), response.url)
    except urllib.error.HTTPError as err:
        return _Fetched(err.code, err.headers["Content-Type"], err.read(), url)


def page_url(base_url: str, page: str) -> str:
    return base_url + page


def canonical_page(base_url: str, url: str) -> str | None:
    """The manifest key for an internal URL (`/nieuws/` -> `/nieuws/index.html`); None when external."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != base_url:
        return None
    path = parts.path or "/"
    return path + "index.html" if path.endswith("/") else path


def references(base_url: str, page: str) -> _References:
    parser = _References()
    parser.feed(fetch(page_url(base_url, page)).text)
    return parser


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    demo = DemoServer(port=0).start()
    try:
        yield demo
    finally:
        demo.stop()


def test_manifest_lists_every_html_file() -> None:
    on_disk = sorted("/" + p.relative_to(SITE_ROOT).as_posix() for p in Path(SITE_ROOT).rglob("*.html"))
    assert on_disk == PAGES
    assert len(PAGES) >= 25
    for key in ("robots_disallowed", "sitemap_only", "documents", "external_links"):
        assert MANIFEST[key], key
    frame = MANIFEST["iframe_defect"]
    assert frame["rule"] in MANIFEST["pages"][frame["page"]]
    assert frame["rule"] in MANIFEST["pages"][frame["frame"]]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_served_as_html(server: DemoServer, page: str) -> None:
    got = fetch(page_url(server.base_url, page))
    assert got.status == 200
    assert got.content_type == "text/html; charset=utf-8"
    assert got.text.lstrip().lower().startswith("<!doctype html>")


def test_base_url_has_no_trailing_slash_and_is_loopback(server: DemoServer) -> None:
    assert server.base_url.startswith("http://127.0.0.1:")
    assert not server.base_url.endswith("/")


def test_directory_urls_serve_their_index(server: DemoServer) -> None:
    assert fetch(server.base_url + "/").body == fetch(server.base_url + "/index.html").body
    redirected = fetch(server.base_url + "/nieuws")
    assert redirected.status == 200
    assert redirected.url == server.base_url + "/nieuws/"


def test_missing_and_escaping_paths_are_404(server: DemoServer) -> None:
    assert fetch(server.base_url + "/bestaat-niet.html").status == 404
    assert fetch(server.base_url + "/../server.py").status == 404
    assert fetch(server.base_url + "/%2e%2e/server.py").status == 404


def test_robots_txt_carries_real_base_url(server: DemoServer) -> None:
    got = fetch(server.base_url + "/robots.txt")
    assert got.status == 200
    assert got.content_type == "text/plain; charset=utf-8"
    assert "{{BASE}}" not in got.text
    assert f"Sitemap: {server.base_url}/sitemap.xml" in got.text.splitlines()
    assert "Disallow: /intern/" in got.text.splitlines()
    for page in MANIFEST["robots_disallowed"]:
        assert page.startswith("/intern/")


def sitemap_pages(base_url: str) -> list[str]:
    got = fetch(base_url + "/sitemap.xml")
    assert got.status == 200
    assert got.content_type == "application/xml; charset=utf-8"
    assert b"{{BASE}}" not in got.body
    locs = [loc.text or "" for loc in ET.fromstring(got.body).findall("sm:url/sm:loc", SITEMAP_NS)]
    assert all(loc.startswith(base_url + "/") for loc in locs)
    return [page for loc in locs if (page := canonical_page(base_url, loc)) is not None]


def test_sitemap_lists_absolute_urls_of_known_pages(server: DemoServer) -> None:
    listed = sitemap_pages(server.base_url)
    assert len(listed) == len(set(listed))
    assert set(listed) <= set(PAGES)
    assert set(MANIFEST["sitemap_only"]) <= set(listed)
    assert not set(MANIFEST["robots_disallowed"]) & set(listed)


def test_sitemap_only_page_is_linked_from_no_page(server: DemoServer) -> None:
    hidden = set(MANIFEST["sitemap_only"])
    for page in PAGES:
        base = page_url(server.base_url, page)
        for href in references(server.base_url, page).links:
            target = canonical_page(server.base_url, urldefrag(urljoin(base, href)).url)
            if target != page:  # the skip link `#inhoud` points at the page itself
                assert target not in hidden, f"{page} links to {target}"


def test_every_page_except_sitemap_only_is_reachable_by_links(server: DemoServer) -> None:
    seen, queue = {"/index.html"}, ["/index.html"]
    while queue:
        page = queue.pop()
        base = page_url(server.base_url, page)
        for href in references(server.base_url, page).links:
            target = canonical_page(server.base_url, urldefrag(urljoin(base, href)).url)
            if target in MANIFEST["pages"] and target not in seen:
                seen.add(target)
                queue.append(target)
    assert seen == set(PAGES) - set(MANIFEST["sitemap_only"])


def test_robots_disallowed_page_is_linked_from_home(server: DemoServer) -> None:
    home = references(server.base_url, "/index.html").links
    linked = {canonical_page(server.base_url, urljoin(server.base_url + "/", href)) for href in home}
    assert set(MANIFEST["robots_disallowed"]) <= linked


def test_every_internal_reference_resolves(server: DemoServer) -> None:
    broken = []
    checked: set[str] = set()
    for page in PAGES:
        base = page_url(server.base_url, page)
        found = references(server.base_url, page)
        for ref in found.links + found.resources:
            url = urldefrag(urljoin(base, ref)).url
            if urlsplit(url).scheme not in ("http", "https") or canonical_page(server.base_url, url) is None:
                continue
            if url in checked:
                continue
            checked.add(url)
            if fetch(url).status != 200:
                broken.append(f"{page} -> {ref}")
    assert not broken
    assert len(checked) > len(PAGES)


def test_external_links_are_exactly_the_manifest_ones(server: DemoServer) -> None:
    external = set()
    for page in PAGES:
        base = page_url(server.base_url, page)
        found = references(server.base_url, page)
        for ref in found.links + found.resources:
            url = urljoin(base, ref)
            if urlsplit(url).scheme in ("http", "https") and canonical_page(server.base_url, url) is None:
                external.add(url)
    assert external == set(MANIFEST["external_links"])
    home = {urljoin(server.base_url + "/", href) for href in references(server.base_url, "/index.html").links}
    assert set(MANIFEST["external_links"]) <= home


@pytest.mark.parametrize("document", MANIFEST["documents"])
def test_documents_are_served_with_their_type_and_linked(server: DemoServer, document: str) -> None:
    expected = MANIFEST["documents"][document]
    got = fetch(server.base_url + document)
    assert got.status == 200
    assert got.content_type == expected["content_type"]
    assert got.body.startswith(b"%PDF-" if expected["type"] == "pdf" else b"PK\x03\x04")
    assert len(got.body) < 50_000
    linked = any(
        canonical_page(server.base_url, urljoin(page_url(server.base_url, page), href)) == document
        for page in PAGES
        for href in references(server.base_url, page).links
    )
    assert linked


def test_the_published_documents_are_the_generated_ones_with_their_outcomes() -> None:
    """site/documenten/ holds exactly the files of generated_documents/, whose outcomes.json (kept true by
    tests/test_documents_demo.py) is what defects.json promises for each."""
    generated = Path(SITE_ROOT).parent / "generated_documents"
    published = sorted(p.name for p in (Path(SITE_ROOT) / "documenten").iterdir())
    assert published == sorted(path.rsplit("/", 1)[1] for path in MANIFEST["documents"])
    outcomes = json.loads((generated / "outcomes.json").read_text(encoding="utf-8"))
    for name in published:
        assert (Path(SITE_ROOT) / "documenten" / name).read_bytes() == (generated / name).read_bytes(), name
        outcome, expected = outcomes[name], MANIFEST["documents"][f"/documenten/{name}"]
        failed = [check["id"] for check in outcome["checks"] if check["outcome"] == "failed"]
        assert (outcome["type"], outcome["status"], outcome["accessible"]) == (
            expected["type"],
            expected["status"],
            expected["accessible"],
        )
        assert (failed, outcome["possibly_exempt"]) == (
            expected["failed_checks"],
            expected["possibly_exempt"],
        )


def test_iframe_page_embeds_the_frame(server: DemoServer) -> None:
    frame = MANIFEST["iframe_defect"]
    page_html = fetch(page_url(server.base_url, frame["page"])).text
    assert f'<iframe class="kaart" src="{frame["frame"]}" title="Kaart"' in page_html


def test_static_assets_have_content_types(server: DemoServer) -> None:
    assert fetch(server.base_url + "/static/stijl.css").content_type == "text/css; charset=utf-8"
    assert fetch(server.base_url + "/static/speeltuin.png").content_type == "image/png"
    assert fetch(server.base_url + "/static/kaart.svg").content_type == "image/svg+xml"


def test_html_has_lang_defect_is_the_only_page_without_lang() -> None:
    without_lang = {
        page for page in PAGES if '<html lang="nl">' not in (Path(SITE_ROOT) / page.lstrip("/")).read_text()
    }
    assert without_lang == {page for page, rules in MANIFEST["pages"].items() if "html-has-lang" in rules}


def test_server_stops_and_frees_its_port() -> None:
    demo = DemoServer().start()
    url = demo.base_url + "/"
    assert fetch(url).status == 200
    demo.stop()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)
    demo.stop()  # idempotent
