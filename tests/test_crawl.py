"""Crawling and auditing whole sites end to end: the bundled demo municipality, and pages built to fail."""

import json
import os
import signal
import subprocess
import sys
import threading
from urllib.parse import urlsplit

import pytest
from helpers import exported_pages, respond, run_cli, stalls_after

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from bench.plain_loop import plain_axe_loop, rule_counts  # noqa: E402
from bench.proctree import is_chromium  # noqa: E402

pytestmark = pytest.mark.browser  # crawls or audits through the CLI, in a child process


def path_of(url: str) -> str:
    path = urlsplit(url).path
    return path + "index.html" if path.endswith("/") else path


@pytest.fixture(scope="module")
def demo_crawl_sqlite(demo_site, tmp_path_factory):
    db = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    result = run_cli("crawl", demo_site + "/", "--allow-private", "--browsers", "2", "--delay", "0", db=db)
    exported = json.loads(run_cli("export", "latest", db=db).stdout)
    return result, exported


def check_demo_findings(exported: dict, manifest: dict, base_url: str) -> None:
    found = {}
    for page in exported["pages"]:
        assert page["status"] == "ok", page
        found.setdefault(path_of(page["url"]), set()).update(v["rule"] for v in page["violations"])
    expected_pages = set(manifest["pages"]) - set(manifest["robots_disallowed"])
    assert set(found) == expected_pages
    for path in expected_pages:
        assert found[path] == set(manifest["pages"][path]), path
    frame = manifest["iframe_defect"]
    embedding = next(p for p in exported["pages"] if path_of(p["url"]) == frame["page"])
    rule = next(v for v in embedding["violations"] if v["rule"] == frame["rule"])
    assert all(node["target"][0].startswith("iframe") for node in rule["nodes"]), "found inside the frame"
    documents = {urlsplit(d["url"]).path: d for d in exported["documents"]}
    assert set(documents) == set(manifest["documents"])
    for path, expected in manifest["documents"].items():
        found = documents[path]
        failed = [c["id"] for c in found["checks"] if c["outcome"] == "failed"]
        assert (found["content_type"], found["type"], found["status"]) == (
            expected["content_type"],
            expected["type"],
            expected["status"],
        ), path
        assert (failed, found["accessible"], found["possibly_exempt"]) == (
            expected["failed_checks"],
            expected["accessible"],
            expected["possibly_exempt"],
        ), path
    assert not any(urlsplit(p["url"]).netloc != urlsplit(base_url).netloc for p in exported["pages"])


def test_demo_crawl_finds_every_deliberate_defect_on_its_page(demo_crawl_sqlite, demo_manifest, demo_site):
    result, exported = demo_crawl_sqlite
    assert result.code == 0, result.stderr
    assert "completed" in result.stdout
    check_demo_findings(exported, demo_manifest, demo_site)
    assert path_of(demo_site + demo_manifest["sitemap_only"][0]) in {
        path_of(p["url"]) for p in exported["pages"]
    }


@pytest.mark.postgres
def test_demo_crawl_into_postgresql(demo_site, demo_manifest, postgres_url):
    result = run_cli(
        "crawl", demo_site + "/", "--allow-private", "--browsers", "2", "--delay", "0", db=postgres_url
    )
    assert result.code == 0, result.stderr
    exported = json.loads(run_cli("export", "latest", db=postgres_url).stdout)
    check_demo_findings(exported, demo_manifest, demo_site)


def test_results_agree_rule_for_rule_with_a_plain_selenium_axe_loop(demo_crawl_sqlite):
    _, exported = demo_crawl_sqlite
    urls = [page["url"] for page in exported["pages"]]
    baseline = plain_axe_loop(urls, browsers=2)
    for page in exported["pages"]:
        ours = {v["rule"]: len(v["nodes"]) for v in page["violations"]}
        assert ours == rule_counts(baseline[page["url"]]), page["url"]


def test_max_pages_and_depth_bound_the_crawl(demo_site, sqlite_url):
    result = run_cli(
        "crawl", demo_site + "/", "--allow-private", "--max-pages", "5", "--delay", "0", db=sqlite_url
    )
    assert result.code == 0, result.stderr
    assert len(json.loads(run_cli("export", "latest", db=sqlite_url).stdout)["pages"]) == 5
    shallow = run_cli(
        "crawl", demo_site + "/", "--allow-private", "--max-depth", "0", "--delay", "0", db=sqlite_url
    )
    assert shallow.code == 0, shallow.stderr
    pages = json.loads(run_cli("export", "latest", db=sqlite_url).stdout)["pages"]
    assert {p["depth"] for p in pages} == {0}


PAGE = '<!doctype html><html lang="nl"><title>{0}</title><body><main><h1>{0}</h1>{1}</main></body></html>'


def image_never_finishes(seconds: float):
    """An image route that sends its first bytes and then nothing: the page showing it never loads."""
    return stalls_after("image/png", b"\x89PNG\r\n\x1a\n", seconds, length=100_000)


def test_hanging_pages_are_timeouts_and_the_run_completes(page_server, sqlite_url):
    page_server.routes["/traag-html"] = stalls_after(
        "text/html", b"<!doctype html><html lang=nl><title>Traag</title><body>", 12
    )
    page_server.routes["/traag-beeld.png"] = image_never_finishes(12)
    page_server.add(
        "/",
        PAGE.format(
            "Start", '<a href="/traag-html">html</a> <a href="/beeld">beeld</a> <a href="/goed">goed</a>'
        ),
    )
    page_server.add("/beeld", PAGE.format("Beeld", '<img src="/traag-beeld.png" alt="kaart">'))
    page_server.add("/goed", PAGE.format("Goed", ""))
    result = run_cli(
        "crawl",
        page_server.url("/"),
        "--allow-private",
        "--page-timeout",
        "3",
        "--delay",
        "0",
        db=sqlite_url,
        env={"A11YCHECK_DOWNLOAD_TIMEOUT": "3"},
    )
    assert result.code == 1, result.stderr  # pages that could not be audited are worth attention
    statuses = {path: p["status"] for path, p in exported_pages(sqlite_url).items()}
    assert statuses == {"/": "ok", "/traag-html": "timeout", "/beeld": "timeout", "/goed": "ok"}


def test_each_page_is_loaded_once_by_the_browser_that_audits_it(page_server, sqlite_url):
    # The crawl's browsers fetch the pages they audit and hand their links to the spider: the site serves
    # each HTML page once. Scrapy fetches a page itself only when the browser could not give its links:
    # here a URL that turns out to be a PDF, and a page whose image never loads (its audit times out,
    # and the page it links to must still be found).
    links = (
        '<a href="/a">a</a> <a href="/b?x=1#top">b</a> <a href="/verslag">verslag</a> <a href="/traag">t</a>'
    )
    page_server.add("/", PAGE.format("Start", links))
    page_server.add("/a", PAGE.format("A", '<a href="/c">c</a> <a href="/">start</a>'))
    page_server.add("/b?x=1", PAGE.format("B", '<a href="/a">a</a>'))
    page_server.add(
        "/c",
        PAGE.format(
            "C",
            "<script>document.querySelector('main').insertAdjacentHTML("
            "'beforeend', '<a href=\"/js-link\">js</a>')</script>",
        ),
    )
    page_server.add("/js-link", PAGE.format("Found through a link a script added", ""))
    page_server.add("/verslag", b"%PDF-1.4 report", content_type="application/pdf")
    page_server.routes["/traag-beeld.png"] = image_never_finishes(8)
    page_server.add("/traag", PAGE.format("Traag", '<img src="/traag-beeld.png" alt="x"> <a href="/d">d</a>'))
    page_server.add("/d", PAGE.format("D", ""))
    robots_via = []

    def robots(handler):  # Scrapy's own requests go through the egress guard too
        robots_via.append(handler.headers.get("Via"))
        handler.send_response(404)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    page_server.routes["/robots.txt"] = robots
    result = run_cli(
        "crawl", page_server.url("/"), "--allow-private", "--page-timeout", "3", "--delay", "0", db=sqlite_url
    )
    assert result.code == 1, result.stderr  # the slow page is a timeout
    exported = json.loads(run_cli("export", "latest", db=sqlite_url).stdout)
    statuses = {urlsplit(p["url"]).path: p["status"] for p in exported["pages"]}
    assert statuses == {
        "/": "ok",
        "/a": "ok",
        "/b": "ok",
        "/c": "ok",
        "/js-link": "ok",
        "/traag": "timeout",
        "/d": "ok",
    }
    assert [urlsplit(d["url"]).path for d in exported["documents"]] == ["/verslag"]
    gets = [path for method, path in page_server.requests if method == "GET"]
    for path in ("/", "/a", "/b?x=1", "/c", "/js-link", "/d"):
        assert gets.count(path) == 1, (path, gets)
    assert gets.count("/traag") == 2  # the browser's, then Scrapy's to find its links
    assert gets.count("/verslag") == 2  # the browser saw a download; Scrapy then recorded the document
    assert not [p for m, p in page_server.requests if m == "HEAD" and p in ("/", "/a", "/c", "/d")]
    assert robots_via and set(robots_via) == {"1.1 a11ycheck-egress-guard"}


def _chromium_descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    head, rest = handle.read().rsplit(")", 1)
                names[int(entry)] = head.split("(", 1)[1]
                children.setdefault(int(rest.split()[1]), []).append(int(entry))
            except OSError:
                continue
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        for child in children.get(current, []):
            todo.append(child)
            if is_chromium(names.get(child, "")):
                found.append(child)
    return found


def test_a_browser_killed_mid_run_is_replaced_and_the_run_completes(page_server, sqlite_url):
    crawler: dict[str, subprocess.Popen] = {}
    killed = threading.Event()

    def kill_browser_then_answer(handler):
        if not killed.is_set():
            killed.set()
            for pid in _chromium_descendants(crawler["process"].pid):
                os.kill(pid, signal.SIGKILL)
        respond(handler, PAGE.format("Na de crash", '<img src="/x.png">').encode())

    page_server.add("/", PAGE.format("Start", '<a href="/crash">crash</a> <a href="/goed">goed</a>'))
    page_server.add("/goed", PAGE.format("Goed", ""))
    page_server.routes["/crash"] = kill_browser_then_answer
    env = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")} | {
        "A11YCHECK_DB": sqlite_url
    }
    crawler["process"] = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "a11ycheck",
            "crawl",
            page_server.url("/"),
            "--allow-private",
            "--browsers",
            "1",
            "--delay",
            "0",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stdout, stderr = crawler["process"].communicate(timeout=180)
    assert killed.is_set()
    assert crawler["process"].returncode == 0, stderr
    pages = exported_pages(sqlite_url)
    assert {path: p["status"] for path, p in pages.items()} == {"/": "ok", "/crash": "ok", "/goed": "ok"}
    assert [v["rule"] for v in pages["/crash"]["violations"]] == ["image-alt"]
