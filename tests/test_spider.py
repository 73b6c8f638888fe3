"""Real Scrapy crawls of sites served on 127.0.0.1, checked from both sides: items out, requests in.

Scrapy's reactor cannot restart in one process, so each crawl runs in a process of its own (forked by
helpers.run_python); the sites are served from this process by ThreadingHTTPServer, which logs every request
it gets.
"""

import gzip
import json
import mimetypes
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from helpers import run_python

REPO = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).resolve().parent / "spider_pages"
CRAWL_TIMEOUT = 60

CRAWL_SCRIPT = """
import json, sys
from scrapy.crawler import CrawlerProcess
from a11ycheck.spiders.items import DocumentItem, PageItem
from a11ycheck.spiders.settings import crawl_settings
from a11ycheck.spiders.site_spider import SiteSpider

config = json.loads(sys.argv[1])
settings = crawl_settings(**config["settings"]) | config["extra"] | {
    "FEEDS": {
        config["pages"]: {"format": "jsonlines", "item_classes": [PageItem]},
        config["documents"]: {"format": "jsonlines", "item_classes": [DocumentItem]},
    },
}
process = CrawlerProcess(settings)
process.crawl(SiteSpider, **config["spider"])
process.start()
"""


# -- the sites --------------------------------------------------------------------------------


@dataclass
class Site:
    """A site on 127.0.0.1: files from spider_pages/<name>/ plus the dynamic routes of SiteHandler."""

    name: str
    server: ThreadingHTTPServer | None = None
    other: "Site | None" = None  # the base URL of this site replaces {{OTHER}} in pages
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path with query)
    release: threading.Event = field(default_factory=threading.Event)

    @property
    def base(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def paths(self, method: str | None = None) -> list[str]:
        return [path for seen, path in self.requests if method in (None, seen)]


class SiteHandler(BaseHTTPRequestHandler):
    site: Site  # set on the subclass made per server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def do_HEAD(self) -> None:
        self.respond(head=True)

    def do_GET(self) -> None:
        self.respond(head=False)

    def respond(self, *, head: bool) -> None:
        self.site.requests.append((self.command, self.path))
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        other = self.site.other.base if self.site.other else "http://127.0.0.1:9"
        redirects = {"/redirect-to-about": "/about.html", "/to-other": f"{other}/offsite.html"}
        redirects |= {"/loop-a": "/loop-b", "/loop-b": "/loop-a"}
        if path in redirects:
            self.send_response(302)
            self.send_header("Location", redirects[path])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/no-head.pdf" and head:
            self.send_body(b"", "text/plain", 405, head=head)
        elif path in ("/download", "/no-head.pdf"):
            self.send_body(b"%PDF-1.4\n%%EOF\n", "application/pdf", head=head)
        elif path == "/slow":
            self.hang()
        elif path == "/agenda":
            month = int(query.get("maand", ["1"])[0])
            self.send_page(f"Agenda {month}", [f"/agenda?maand={month + 1}"], head=head)
        elif match := re.fullmatch(r"/chain/(\d+)", path):
            step = int(match[1])
            self.send_page(f"Stap {step}", [f"/chain/{step + 1}"], head=head)
        elif path == "/fan":
            self.send_page("Waaier", [f"/fan/{number}" for number in range(30)], head=head)
        elif path.startswith("/fan/"):
            self.send_page(f"Blad {path}", [], head=head)
        elif path == "/slow-start":
            self.send_page("Traag", ["/slow", "/chain/1"], head=head)
        else:
            self.send_file(path, head=head)

    def send_file(self, path: str, *, head: bool) -> None:
        relative = path.lstrip("/")
        if not relative or relative.endswith("/"):
            relative += "index.html"
        gzipped = relative.endswith(".xml.gz")
        file = PAGES / self.site.name / relative.removesuffix(".gz" if gzipped else "")
        if ".." in Path(relative).parts or not file.is_file():
            self.send_body(
                b"<html><head><title>Niet gevonden</title></head></html>", "text/html", 404, head=head
            )
            return
        body = file.read_bytes()
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith("xml"):
            other = self.site.other.base if self.site.other else "http://127.0.0.1:9"
            body = body.replace(b"{{BASE}}", self.site.base.encode()).replace(b"{{OTHER}}", other.encode())
        if gzipped:
            body, content_type = gzip.compress(body), "application/gzip"
        self.send_body(body, content_type, head=head)

    def send_page(self, title: str, links: list[str], *, head: bool) -> None:
        anchors = "".join(f'<a href="{link}">{link}</a>' for link in links)
        html = f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{anchors}</body></html>"
        self.send_body(html.encode(), "text/html; charset=utf-8", head=head)

    def send_body(self, body: bytes, content_type: str, status: int = 200, *, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def hang(self) -> None:
        """Headers, a first bit of the body, then nothing until the test ends."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"<html><head><title>Traag</title>")
        self.wfile.flush()
        self.site.release.wait(30)


def serve(site: Site) -> Site:
    handler = type("Handler", (SiteHandler,), {"site": site})
    site.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=site.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return site


def stop(*sites: Site) -> None:
    for site in sites:
        site.release.set()
        assert site.server is not None
        site.server.shutdown()
        site.server.server_close()


@contextmanager
def running_sites() -> Iterator[dict[str, Site]]:
    """Every fixture site on its own port; each links to `other` as its off-site neighbour."""
    other = serve(Site("other"))
    served = {name: serve(Site(name, other=other)) for name in ("basic", "sitemap-only", "scoped")}
    try:
        yield served | {"other": other}
    finally:
        stop(other, *served.values())


@pytest.fixture
def sites() -> Iterator[dict[str, Site]]:
    with running_sites() as served:
        yield served


# -- running a crawl --------------------------------------------------------------------------


@dataclass
class Crawl:
    pages: list[dict[str, Any]]
    documents: list[dict[str, Any]]
    log: str

    def page(self, url: str) -> dict[str, Any]:
        found = [page for page in self.pages if page["url"] == url]
        assert len(found) == 1, f"{url}: {len(found)} items in {self.urls()}\n{self.log}"
        return found[0]

    def urls(self) -> list[str]:
        return sorted(page["url"] for page in self.pages)


def crawl(
    tmp_path: Path,
    start_url: str,
    *,
    allow_private: bool = True,
    max_depth: int = 10,
    download_timeout: float = 10.0,
    extra: dict[str, Any] | None = None,
    **spider: Any,
) -> Crawl:
    pages, documents = tmp_path / "pages.jl", tmp_path / "documents.jl"
    config = {
        "settings": {
            "allow_private": allow_private,
            "max_depth": max_depth,
            "download_timeout": download_timeout,
            "download_delay": 0.0,
            "max_page_bytes": 20 * 1024 * 1024,
        },
        "extra": extra or {},
        "spider": {"start_url": start_url, "max_depth": max_depth, **spider},
        "pages": pages.as_uri(),
        "documents": documents.as_uri(),
    }
    result = run_python(CRAWL_SCRIPT, json.dumps(config), cwd=REPO, timeout=CRAWL_TIMEOUT)
    assert result.code == 0, result.stderr
    return Crawl(_read_lines(pages), _read_lines(documents), result.stderr)


def _read_lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


# -- one crawl of the basic site, many checks -------------------------------------------------


@pytest.fixture(scope="module")
def basic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Crawl, dict[str, Site]]]:
    """One crawl of the basic site, shared by the tests that only read its items and request logs."""
    with running_sites() as sites:
        yield crawl(tmp_path_factory.mktemp("basic"), sites["basic"].base + "/"), sites


def test_links_are_followed_within_scope(basic):
    result, sites = basic
    base = sites["basic"].base
    start = result.page(f"{base}/")
    assert start["status"] == "ok" and start["http_status"] == 200 and start["depth"] == 0
    assert start["title"] == "Welkom bij de testsite" and start["referrer"] is None
    about = result.page(f"{base}/about.html")
    assert about["status"] == "ok" and about["depth"] == 1 and about["referrer"] == f"{base}/"
    assert result.page(f"{base}/area-target.html")["title"] == "Kaartdeel"


def test_tracking_parameters_and_fragments_do_not_make_new_pages(basic):
    result, sites = basic
    assert {path for path in sites["basic"].paths() if path.startswith("/about")} == {"/about.html"}
    assert result.urls().count(f"{sites['basic'].base}/about.html") == 1


def test_out_of_scope_links_redirects_and_sitemap_entries_are_never_requested(basic):
    result, sites = basic
    assert sites["other"].requests == []
    assert not [url for url in result.urls() if url.startswith(sites["other"].base)]
    assert "/to-other" in sites["basic"].paths()  # the redirect itself is on the site; its target is not


def test_a_redirect_off_the_site_is_reported_with_its_target(basic):
    result, sites = basic
    page = result.page(f"{sites['basic'].base}/to-other")
    assert (page["status"], page["redirect_to"]) == ("redirected", f"{sites['other'].base}/offsite.html")


def test_robots_txt_disallowed_page_is_not_requested(basic):
    result, sites = basic
    assert "/robots.txt" in sites["basic"].paths()
    assert not [path for path in sites["basic"].paths() if path.startswith("/private/")]
    assert not [url for url in result.urls() if "/private/" in url]


def test_page_found_only_through_robots_sitemap_line(basic):
    result, sites = basic
    base = sites["basic"].base
    page = result.page(f"{base}/only-in-sitemap.html")
    assert page["status"] == "ok" and page["depth"] == 1
    assert page["referrer"] == f"{base}/sitemap-from-robots.xml"


def test_broken_link_gives_http_404_item(basic):
    result, sites = basic
    page = result.page(f"{sites['basic'].base}/missing.html")
    assert page["status"] == "http-404" and page["http_status"] == 404


def test_document_links_are_checked_with_head_only(basic):
    result, sites = basic
    base = sites["basic"].base
    [report] = [document for document in result.documents if document["url"] == f"{base}/files/report.pdf"]
    assert report["content_type"] == "application/pdf"
    assert report["size"] == (PAGES / "basic/files/report.pdf").stat().st_size
    assert report["http_status"] == 200 and report["referrer"] == f"{base}/"
    assert ("HEAD", "/files/report.pdf") in sites["basic"].requests
    assert ("GET", "/files/report.pdf") not in sites["basic"].requests
    assert sites["basic"].paths().count("/files/report.pdf") == 1  # linked twice, requested once


def test_document_falls_back_to_get_when_head_is_refused(basic):
    result, sites = basic
    [document] = [document for document in result.documents if document["url"].endswith("/no-head.pdf")]
    assert document["content_type"] == "application/pdf" and document["http_status"] == 200
    assert [method for method, path in sites["basic"].requests if path == "/no-head.pdf"] == ["HEAD", "GET"]


def test_document_recognised_by_content_type(basic):
    result, sites = basic
    base = sites["basic"].base
    [form] = [document for document in result.documents if document["url"] == f"{base}/download?id=3"]
    assert form["content_type"] == "application/pdf" and form["size"] == 15
    assert f"{base}/download?id=3" not in result.urls()


def test_non_page_files_are_not_requested(basic):
    result, sites = basic
    assert "/logo.png" not in sites["basic"].paths()


def test_redirect_to_a_page_already_seen_yields_one_item(basic):
    result, sites = basic
    base = sites["basic"].base
    assert result.urls().count(f"{base}/about.html") == 1
    assert f"{base}/redirect-to-about" not in result.urls()
    assert "/redirect-to-about" in sites["basic"].paths()


def test_redirect_loop_is_reported(basic):
    result, sites = basic
    page = result.page(f"{sites['basic'].base}/loop-a")
    assert page["status"] == "redirect-loop" and page["error"].startswith("gave up after 10 redirects")


def test_every_page_item_is_unique(basic):
    result, _ = basic
    assert len(result.urls()) == len(set(result.urls()))
    assert len(result.documents) == len({document["url"] for document in result.documents})


# -- crawls of their own ----------------------------------------------------------------------


def test_sitemap_xml_without_robots_line_and_gzipped_sitemap_index(sites, tmp_path):
    site = sites["sitemap-only"]
    result = crawl(tmp_path, site.base + "/")
    assert result.urls() == [f"{site.base}/", f"{site.base}/hidden.html"]
    assert "/sitemap-pages.xml.gz" in site.paths()


def test_max_pages_is_honoured(sites, tmp_path):
    site = sites["basic"]
    result = crawl(tmp_path, site.base + "/fan", max_pages=5)
    assert len(result.pages) == 5
    assert len([path for path in site.paths("GET") if path.startswith("/fan")]) < 31


def test_max_depth_is_honoured(sites, tmp_path):
    site = sites["basic"]
    result = crawl(tmp_path, site.base + "/chain/0", max_depth=3)
    chain = sorted(
        (page for page in result.pages if "/chain/" in page["url"]), key=lambda page: page["depth"]
    )
    assert [(page["url"], page["depth"]) for page in chain] == [
        (f"{site.base}/chain/{n}", n) for n in range(4)
    ]
    assert "/chain/4" not in site.paths()


def test_calendar_trap_is_bounded_by_the_pattern_limit(sites, tmp_path):
    site = sites["basic"]
    result = crawl(tmp_path, site.base + "/agenda?maand=1", max_depth=1000)
    agenda = [page for page in result.pages if "/agenda" in page["url"]]
    assert len(agenda) == 50  # TrapGuard's default: 50 URLs per pattern
    assert len([path for path in site.paths("GET") if path.startswith("/agenda")]) == 50


def test_page_that_never_finishes_times_out_and_the_crawl_completes(sites, tmp_path):
    site = sites["basic"]
    result = crawl(tmp_path, site.base + "/slow-start", download_timeout=2, extra={"RETRY_TIMES": 0})
    slow = result.page(f"{site.base}/slow")
    assert slow["status"] == "timeout" and slow["error"]
    assert result.page(f"{site.base}/chain/3")["status"] == "ok"


def test_private_start_url_is_refused_before_any_request(sites, tmp_path):
    site = sites["basic"]
    result = crawl(tmp_path, site.base + "/", allow_private=False)
    [page] = result.pages
    assert page["url"] == f"{site.base}/" and page["status"] == "refused"
    assert page["error"] == (
        f"refused {site.base}/: 127.0.0.1 is a loopback address; "
        "pass --allow-private to audit internal or loopback sites"
    )
    assert site.requests == []


def test_include_and_exclude_patterns(sites, tmp_path):
    site = sites["scoped"]
    result = crawl(tmp_path, site.base + "/nl/index.html", include=[r"/nl/"], exclude=[r"/archief/"])
    assert result.urls() == [f"{site.base}/nl/diensten.html", f"{site.base}/nl/index.html"]
    assert "/en/index.html" not in site.paths()
    assert "/nl/archief/2019.html" not in site.paths()
