"""Documents in real crawls on loopback: downloaded through the crawl, checked, recorded with their status;
the bad inputs of issue 16 each get theirs and the crawl completes; the size cap, --max-documents,
--no-documents; the same file on two sites checked once (by its sha256); the export's shape."""

import csv
import io
import json
import time
from urllib.parse import urlsplit

import pytest
from helpers import run_cli, serving_pages
from sqlalchemy import create_engine, text

from a11ycheck.documents import CORPUS, DEMO

PAGE = (
    '<!doctype html><html lang="nl"><head><title>{}</title></head><body><main><h1>{}</h1>{}</main></body>'
    "</html>"
)

pytestmark = pytest.mark.browser  # crawls or audits through the CLI, in a child process
MIB = 1024 * 1024
CAP = 4 * MIB  # A11YCHECK_MAX_DOCUMENT_BYTES in the bad-input crawl: the bombs fit, "groot" does not

# path: (bytes, content type, expected status); None: a route of its own below
BAD_INPUTS = {
    "/docs/goed.pdf": (CORPUS["accessible.pdf"](), "application/pdf", "checked"),
    "/docs/afgekapt.pdf": (CORPUS["truncated.pdf"](), "application/pdf", "unreadable"),
    "/docs/beschadigd.pdf": (CORPUS["damaged.pdf"](), "application/pdf", "unreadable"),
    "/docs/wachtwoord.pdf": (CORPUS["password.pdf"](), "application/pdf", "password-protected"),
    "/docs/leeg.pdf": (b"", "application/pdf", "unreadable"),
    "/docs/bom.pdf": (CORPUS["compression-bomb.pdf"](), "application/pdf", "too-large"),
    "/docs/veel-paginas.pdf": (CORPUS["many-pages.pdf"](), "application/pdf", "too-large"),
    "/docs/eigenlijk-html.pdf": (CORPUS["html-named.pdf"](), "application/pdf", "unreadable"),
    "/docs/zip-bom.docx": (CORPUS["zip-bomb.docx"](), "application/octet-stream", "too-large"),
    "/docs/cijfers.xlsx": (CORPUS["workbook.xlsx"](), "application/octet-stream", "not-checked"),
    "/docs/groot.pdf": (b"%PDF-1.7\n" + b"0" * (5 * MIB), "application/pdf", "too-large"),
    "/docs/stroom.pdf": (None, None, "too-large"),  # 5 MiB without Content-Length
    "/docs/traag.pdf": (None, None, "timeout"),  # never finishes
    "/docs/weg.pdf": (None, None, "http-404"),
    "/docs/elders.pdf": (None, None, "redirected"),  # sent off the site
}


def links(paths) -> str:
    return (
        "<ul>"
        + "".join(f'<li><a href="{path}">{path.rsplit("/", 1)[1]}</a></li>' for path in paths)
        + "</ul>"
    )


def streamed_without_length(handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/pdf")
    handler.send_header("Connection", "close")
    handler.end_headers()
    for _ in range(5):
        handler.wfile.write(b"0" * MIB)
    handler.close_connection = True


def never_finishes(handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/pdf")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    handler.wfile.write(b"%PDF-1.7\n")
    handler.wfile.flush()
    time.sleep(8)  # the scenario: a download that never finishes


def off_site(handler) -> None:
    handler.send_response(302)
    handler.send_header("Location", "https://www.vlaanderen.be/reglement.pdf")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def exported(db: str, *extra: str) -> dict:
    result = run_cli("export", "latest", *extra, db=db)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def documents_by_path(db: str) -> dict[str, dict]:
    return {urlsplit(d["url"]).path: d for d in exported(db, "--documents")["documents"]}


def document_gets(page_server) -> list[str]:
    return [path for method, path in page_server.requests if method == "GET" and path.startswith("/docs/")]


def table(db: str, query: str) -> list[tuple]:
    engine = create_engine(db)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def bad_input_crawl(tmp_path_factory):
    """One crawl of a site linking every bad input of issue 16; the server, the CLI result, the database."""
    with serving_pages() as server:
        for path, (body, content_type, _) in BAD_INPUTS.items():
            if body is not None:
                server.add(path, body, content_type=content_type)
        server.routes["/docs/stroom.pdf"] = streamed_without_length
        server.routes["/docs/traag.pdf"] = never_finishes
        server.routes["/docs/elders.pdf"] = off_site
        # TLS to a plain HTTP server
        secure = server.base_url.replace("http://", "https://") + "/docs/tls.pdf"
        extra = f'<a href="{secure}">tls</a> <a href="/meer">meer</a>'
        server.add("/", PAGE.format("Start", "Documenten", links(BAD_INPUTS) + extra))
        server.add("/meer", PAGE.format("Meer", "Nog een pagina", "<p>Geen documenten hier.</p>"))
        db = f"sqlite:///{tmp_path_factory.mktemp('documents') / 'a11ycheck.db'}"
        result = run_cli(
            "crawl",
            server.url("/"),
            "--allow-private",
            "--delay",
            "0",
            db=db,
            env={"A11YCHECK_MAX_DOCUMENT_BYTES": str(CAP), "A11YCHECK_DOWNLOAD_TIMEOUT": "4"},
        )
        yield server, result, db


def test_every_bad_input_gets_its_status_and_the_crawl_completes(bad_input_crawl):
    server, result, db = bad_input_crawl
    assert result.code == 0, result.stderr
    assert "run 1 completed: 2 pages, 2 audited" in result.stdout
    assert "Traceback" not in result.stderr
    found = documents_by_path(db)
    assert {path: d["status"] for path, d in found.items()} == {
        path: status for path, (_, _, status) in BAD_INPUTS.items()
    } | {"/docs/tls.pdf": "tls-error"}
    for path, document in found.items():
        if document["status"] != "checked":
            assert document["message"] and "\n" not in document["message"], path
            assert document["accessible"] is None and document["checks"] == [], path
    assert found["/docs/goed.pdf"]["accessible"] is True
    assert found["/docs/leeg.pdf"]["message"] == "the file is empty"
    assert found["/docs/eigenlijk-html.pdf"]["message"] == "named .pdf but is an HTML page"
    assert found["/docs/veel-paginas.pdf"]["message"] == "the document declares 20000 pages (limit 10000)"
    assert found["/docs/weg.pdf"]["http_status"] == 404


def test_the_size_cap_stops_a_download_without_reading_it_whole(bad_input_crawl):
    server, _, db = bad_input_crawl
    found = documents_by_path(db)
    assert found["/docs/groot.pdf"]["size"] == 9 + 5 * MIB  # announced, never read
    assert found["/docs/groot.pdf"]["sha256"] is None
    assert found["/docs/stroom.pdf"]["size"] is None  # cut off once past the cap
    assert "4194304 bytes" in found["/docs/groot.pdf"]["message"]
    assert found["/docs/bom.pdf"]["size"] == len(CORPUS["compression-bomb.pdf"]())  # under the cap: checked
    assert found["/docs/bom.pdf"]["sha256"]


def test_documents_are_fetched_once_through_the_crawl(bad_input_crawl):
    server, _, db = bad_input_crawl
    gets = document_gets(server)
    assert sorted(set(gets)) == sorted(BAD_INPUTS)
    assert all(gets.count(path) == 1 for path in BAD_INPUTS if path != "/docs/traag.pdf")
    assert not [path for method, path in server.requests if method == "HEAD"]  # a GET, not HEAD + GET
    assert table(db, "select count(*) from documentcheck") == [(10,)]  # fetched whole, not timed out


def test_the_export_carries_each_documents_status_and_checks(bad_input_crawl):
    _, _, db = bad_input_crawl
    whole = exported(db)
    assert {"pages", "documents"} <= set(whole)
    good = next(d for d in whole["documents"] if d["url"].endswith("/docs/goed.pdf"))
    assert list(good) == [
        "url",
        "content_type",
        "size",
        "http_status",
        "referrer",
        "status",
        "message",
        "type",
        "pages",
        "possibly_exempt",
        "last_modified",
        "sha256",
        "checks",
        "accessible",
    ]
    assert (good["type"], good["pages"], good["possibly_exempt"]) == ("pdf", 4, False)
    assert [c["id"] for c in good["checks"]][:3] == ["tagged", "title", "language"]
    assert set(good["checks"][0]) >= {"id", "outcome", "detail", "wcag"}
    only_documents = exported(db, "--documents")
    assert set(only_documents) == {"run", "documents"}
    assert only_documents["documents"] == whole["documents"]

    csv_text = run_cli("export", "latest", "--format", "csv", "--documents", db=db).stdout
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    good_rows = [row for row in rows if row["document_url"].endswith("/docs/goed.pdf")]
    assert [row["check"] for row in good_rows] == [c["id"] for c in good["checks"]]
    assert {row["accessible"] for row in good_rows} == {"true"}
    [gone] = [row for row in rows if row["document_url"].endswith("/docs/weg.pdf")]
    assert (gone["status"], gone["check"], gone["accessible"]) == ("http-404", "", "")
    assert len(rows) == len(good["checks"]) + len(BAD_INPUTS)  # the TLS failure too, less goed.pdf's row


def test_documents_with_another_format_is_a_one_line_error(bad_input_crawl):
    _, _, db = bad_input_crawl
    refused = run_cli("export", "latest", "--format", "sarif", "--documents", db=db)
    assert refused.code == 2
    assert len(refused.stderr.strip().splitlines()) == 1 and refused.stdout == ""


def test_max_documents_and_no_documents(page_server, sqlite_url):
    documents = {f"/docs/verslag-{n}.pdf": DEMO["afvalkalender-2026.pdf"]() for n in range(5)}
    for path, body in documents.items():
        page_server.add(path, body, content_type="application/pdf")
    page_server.add("/", PAGE.format("Start", "Verslagen", links(documents)))
    result = run_cli(
        "crawl",
        page_server.url("/"),
        "--allow-private",
        "--delay",
        "0",
        "--max-documents",
        "2",
        db=sqlite_url,
    )
    assert result.code == 0, result.stderr
    found = documents_by_path(sqlite_url)
    assert len(document_gets(page_server)) == 2
    statuses = sorted(d["status"] for d in found.values())
    assert statuses == ["checked", "checked", "not-checked", "not-checked", "not-checked"]
    skipped = next(d for d in found.values() if d["status"] == "not-checked")
    assert skipped["message"] == (
        "not downloaded: the crawl had fetched 2 documents of this site already (--max-documents)"
    )
    assert table(sqlite_url, "select count(*) from documentcheck") == [(1,)]  # five copies of one file

    page_server.requests.clear()
    quiet = run_cli(
        "crawl", page_server.url("/"), "--allow-private", "--delay", "0", "--no-documents", db=sqlite_url
    )
    assert quiet.code == 0, quiet.stderr
    assert document_gets(page_server) == []  # recorded from a HEAD request only
    assert {method for method, path in page_server.requests if path.startswith("/docs/")} == {"HEAD"}
    assert {d["status"] for d in documents_by_path(sqlite_url).values()} == {None}


def test_the_same_file_on_two_sites_is_checked_once(page_server, demo_site, sqlite_url):
    report = (demo_site.rstrip("/") + "/documenten/jaarverslag-2025.pdf", DEMO["jaarverslag-2025.pdf"]())
    page_server.add("/jaarverslag.pdf", report[1], content_type="application/pdf")
    page_server.add("/", PAGE.format("Start", "Jaarverslag", links(["/jaarverslag.pdf"])))
    for start in (demo_site + "/", page_server.url("/")):
        result = run_cli("crawl", start, "--allow-private", "--delay", "0", db=sqlite_url)
        assert result.code == 0, result.stderr
    rows = table(
        sqlite_url,
        "select d.run_id, d.url, d.check_id, c.failed_checks from document d join documentcheck c "
        "on c.id = d.check_id where d.url like '%jaarverslag%' order by d.run_id",
    )
    assert [(run, url.endswith("pdf")) for run, url, _, _ in rows] == [(1, True), (2, True)]
    assert rows[0][2] == rows[1][2]  # one stored result for both sites' copies
    assert rows[0][3] == "figure-alt,bookmarks"
    assert table(sqlite_url, "select count(*) from documentcheck") == [(len(DEMO),)]


def test_a_resumed_crawl_does_not_fetch_a_recorded_document_again(page_server, sqlite_url):
    import os
    import signal
    import subprocess
    import sys

    pages = [f"/p{n}" for n in range(30)]  # with --delay 0.5, a crawl of half a minute or more
    for n, path in enumerate(pages):
        page_server.add(path, PAGE.format(f"P{n}", f"Pagina {n}", links([f"/docs/d{n}.pdf"])))
        page_server.add(f"/docs/d{n}.pdf", DEMO["afvalkalender-2026.pdf"](), content_type="application/pdf")
    page_server.add("/", PAGE.format("Start", "Start", "".join(f'<a href="{p}">{p}</a> ' for p in pages)))
    env = {k: v for k, v in os.environ.items() if not k.startswith("A11YCHECK_")}
    env.update(A11YCHECK_DB=sqlite_url, A11YCHECK_BATCH_SIZE="1")
    crawl = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "a11ycheck",
            "crawl",
            page_server.url("/"),
            "--allow-private",
            "--browsers",
            "1",
        ]
        + ["--delay", "0.5"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    recorded: list[str] = []
    while len(recorded) < 3:
        assert crawl.poll() is None and time.monotonic() < deadline, crawl.communicate()
        time.sleep(0.2)
        try:
            recorded = [url for (url,) in table(sqlite_url, "select url from document")]
        except Exception:  # noqa: BLE001 - the schema may not be there yet
            recorded = []
    crawl.send_signal(signal.SIGKILL)
    crawl.wait(timeout=10)

    resumed = run_cli("resume", "latest", db=sqlite_url)
    assert resumed.code == 0, resumed.stderr
    found = documents_by_path(sqlite_url)
    assert sorted(found) == sorted(f"/docs/d{n}.pdf" for n in range(30))
    assert {d["status"] for d in found.values()} == {"checked"}
    gets = document_gets(page_server)
    for url in recorded:
        assert gets.count(urlsplit(url).path) == 1, (url, gets)
