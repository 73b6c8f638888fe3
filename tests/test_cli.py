"""The CLI as ICT teams run it: real processes, real Chromium, real databases, and every bad input."""

import csv
import hashlib
import io
import json
import os

import pytest
from helpers import stalls_after

PAGE = """<!doctype html><html lang="nl"><head><title>{title}</title></head>
<body><main><h1>Pagina</h1>{body}</main></body></html>"""

# What axe 4.14 says of an <img> with no alt, from the messages of image-alt's checks (axe.min.js)
IMG_WITHOUT_ALT_SUMMARY = "\n  ".join(
    [
        "Fix any of the following:",
        "Element does not have an alt attribute",
        "aria-label attribute does not exist or is empty",
        "aria-labelledby attribute does not exist, references elements that do not exist or references "
        "elements that are empty",
        "Element has no title attribute",
        'Element\'s default semantics were not overridden with role="none" or role="presentation"',
    ]
)


@pytest.mark.browser
def test_audit_then_runs_then_export_json(cli, page_server, db_url):
    good = page_server.add("/goed", PAGE.format(title="Goed", body="<p>Alles in orde.</p>"))
    bad = page_server.add("/slecht", PAGE.format(title="Slecht <script>", body='<img src="/x.png">'))
    result = cli("audit", good, bad, page_server.url("/weg"), "--allow-private", "--browsers", "2", db=db_url)
    assert result.code == 0, result.stderr
    assert "run 1 completed: 3 pages, 2 audited, 0 failed, 1 HTTP errors" in result.stdout

    listing = cli("runs", db=db_url)
    assert listing.code == 0
    assert "completed" in listing.stdout and "(list audit)" in listing.stdout

    exported = cli("export", "latest", "--format", "json", db=db_url)
    assert exported.code == 0, exported.stderr
    data = json.loads(exported.stdout)
    pages = {page["url"]: page for page in data["pages"]}
    assert set(pages) == {good, bad, page_server.url("/weg")}
    assert pages[good]["status"] == "ok" and pages[good]["violations"] == []
    assert pages[page_server.url("/weg")]["status"] == "http-404"
    slecht = pages[bad]
    assert slecht["title"] == "Slecht <script>"
    violation = next(v for v in slecht["violations"] if v["rule"] == "image-alt")
    assert violation["impact"] == "critical"
    assert violation["wcag"] == ["1.1.1"]
    assert violation["help_url"].startswith("https://dequeuniversity.com/rules/axe/4.14/image-alt")
    assert violation["nodes"] == [
        {
            "target": ["img"],
            "html": '<img src="/x.png">',
            "failure_summary": IMG_WITHOUT_ALT_SUMMARY,
            # the rule, the page's path (not its host: http/https and www twins match) and the target
            "fingerprint": hashlib.sha1(b'["image-alt","/slecht",["img"]]').hexdigest(),
        }
    ]
    assert data["run"]["axe_version"] == "4.14.1"


@pytest.mark.browser
def test_export_csv_to_a_file(cli, page_server, sqlite_url, tmp_path):
    bad = page_server.add("/slecht", PAGE.format(title="Slecht", body='<img src="/x.png"><input>'))
    assert cli("audit", bad, "--allow-private", "--browsers", "1", db=sqlite_url).code == 0
    out = tmp_path / "findings.csv"
    result = cli("export", "1", "--format", "csv", "-o", str(out), db=sqlite_url)
    assert result.code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert {row["rule"] for row in rows} >= {"image-alt", "label"}
    assert all(row["page_url"] == bad and row["page_status"] == "ok" for row in rows)
    assert [f for f in os.listdir(tmp_path) if f.endswith(".tmp")] == []


@pytest.mark.browser
def test_urls_file_and_exit_code_1_when_a_page_cannot_be_audited(cli, page_server, sqlite_url, tmp_path):
    page_server.routes["/hangt"] = stalls_after("text/html", b"<html><title>traag</title>", 10)
    ok = page_server.add("/ok", PAGE.format(title="OK", body=""))
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# pagina's\n{ok}\n\n{page_server.url('/hangt')}\n")
    result = cli("audit", "--urls-file", str(urls), "--allow-private", "--page-timeout", "3", db=sqlite_url)
    assert result.code == 1, result.stderr
    assert "2 pages, 1 audited, 1 failed" in result.stdout
    exported = json.loads(cli("export", "latest", db=sqlite_url).stdout)
    assert {p["url"]: p["status"] for p in exported["pages"]} == {
        ok: "ok",
        page_server.url("/hangt"): "timeout",
    }


BAD_INPUTS = [
    (["audit", "file:///etc/passwd"], "only http and https"),
    (["audit", "data:text/html,<p>x"], "only http and https"),
    (["audit", "javascript:alert(1)"], "only http and https"),
    (["audit", "http://"], "no host"),
    (["audit", "not a url"], ""),
    (["audit", "http://127.0.0.1:9/"], "--allow-private"),
    (["audit", "http://10.1.2.3/"], "private"),
    (["audit", "http://169.254.169.254/latest/meta-data/", "--allow-private"], "metadata address"),
    (["audit", "http://[::1]/"], "--allow-private"),
    (["audit"], "no URLs given"),
    (["audit", "--urls-file", "/nonexistent/urls.txt"], "No such file"),
    (["crawl"], "Missing argument 'START_URL'"),
    (["crawl", "https://www.vlaanderen.be/", "--max-pages", "many"], "'many' is not a valid integer"),
    (["audit", "https://www.vlaanderen.be/", "--browsers", "0"], "--browsers"),
    (["crawl", "ftp://example.org/"], "only http and https"),
    (["crawl", "http://127.0.0.1:9/", "--allow-private"], "cannot reach 127.0.0.1:9 (connection refused)"),
    (["audit", "http://127.0.0.1:9/x", "--allow-private"], "cannot reach 127.0.0.1:9"),
    (["crawl", "http://192.168.1.1/"], "private"),
    (["crawl", "http://127.0.0.1:9/", "--allow-private", "--include", "("], "bad regular expression"),
    (["export", "42"], "no run '42'"),
    (["export", "latest", "--format", "xml"], "xml"),
    (["runs", "--db", "mysql://root@localhost/x"], "unsupported database"),
    (["runs", "--db", "postgresql://nobody@127.0.0.1:1/x"], "cannot open database"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUTS, ids=[" ".join(a) for a, _ in BAD_INPUTS])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(cli, tmp_path, args, message):
    db_file = tmp_path / "a11ycheck.db"
    result = cli(*args, db=f"sqlite:///{db_file}", spawn=True)  # a new interpreter, as a user starts it
    assert result.code == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], lines
    if args[0] in ("audit", "crawl"):
        assert not db_file.exists(), "a refused input must not create the database"
    assert result.stdout == ""


@pytest.mark.parametrize("variable", ["A11YCHECK_NEW_TAB_AFTER", "A11YCHECK_RECYCLE_AFTER"])
def test_recycling_settings_below_one_page_are_refused(cli, tmp_path, variable):
    db_file = tmp_path / "a11ycheck.db"
    result = cli(
        "audit", "http://127.0.0.1:9/x", "--allow-private", db=f"sqlite:///{db_file}", env={variable: "0"}
    )
    lines = result.stderr.strip().splitlines()
    assert result.code == 2 and len(lines) == 1 and variable in lines[0], result
    assert not db_file.exists()
