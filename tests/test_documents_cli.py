"""`a11ycheck document check FILE_OR_URL`: the object of issue 16, and its exit codes: 0 accessible, 1 a
check failed or the document could not be checked (a finding), 2 bad usage. URLs are fetched on loopback
through the address check and the egress guard."""

import json

import pytest
from helpers import respond, run_cli

from a11ycheck.document_source import USER_AGENT
from a11ycheck.documents import CORPUS, DEMO
from a11ycheck.documents.samples_hostile_pdf import many_pages

ISSUE_KEYS = ["source", "type", "pages", "status", "possibly_exempt", "checks", "accessible", "message"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for name in ("accessible.pdf", "figure-without-alt.pdf", "damaged.pdf", "html-named.pdf", "no-title.odt"):
        (folder / name).write_bytes(CORPUS[name]())
    return folder


def check(*args: str, env: dict | None = None):
    result = run_cli("document", "check", *args, env=env, timeout=120)
    return result, (json.loads(result.stdout) if result.stdout.startswith("{") else None)


def test_an_accessible_file_exits_0_with_the_issue_object(corpus):
    result, found = check(str(corpus / "accessible.pdf"))
    assert result.code == 0, result.stderr
    assert list(found) == ISSUE_KEYS
    assert (found["type"], found["pages"], found["status"]) == ("pdf", 4, "checked")
    assert (found["possibly_exempt"], found["accessible"], found["message"]) == (False, True, None)
    assert found["source"] == str(corpus / "accessible.pdf")
    assert [list(c) for c in found["checks"]] == [["id", "outcome", "detail", "wcag"]] * 12
    assert found["checks"][0] == {
        "id": "tagged",
        "outcome": "passed",
        "detail": "tagged: 38 structure elements",
        "wcag": ["1.3.1", "1.3.2"],
    }


def test_a_failed_check_exits_1(corpus):
    result, found = check(str(corpus / "figure-without-alt.pdf"))
    assert result.code == 1 and found["accessible"] is False
    assert [c["id"] for c in found["checks"] if c["outcome"] == "failed"] == ["figure-alt"]
    result, found = check(str(corpus / "no-title.odt"))
    assert (result.code, found["type"], found["accessible"]) == (1, "odt", False)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("damaged.pdf", "damaged PDF: unable to find trailer dictionary while recovering damaged file"),
        ("html-named.pdf", "named .pdf but is an HTML page"),
    ],
)
def test_a_damaged_or_mislabelled_file_is_a_finding(corpus, name, message):
    result, found = check(str(corpus / name))
    assert result.code == 1, result.stderr
    assert (found["status"], found["accessible"], found["checks"], found["message"]) == (
        "unreadable",
        None,
        [],
        message,
    )


def test_text_for_a_person(corpus):
    result, _ = check(str(corpus / "figure-without-alt.pdf"), "--format", "text")
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == f"{corpus / 'figure-without-alt.pdf'}: pdf, 4 pages, checked: not accessible (possibly exempt: no)"
    )
    assert lines[1].split()[:2] == ["failed", "figure-alt"]  # failed checks first
    assert lines[-2].split()[:3] == ["not-applicable", "bookmarks", "4"]
    assert lines[-1].split()[:3] == ["passed", "(advisory)", "pdfua"]  # advisory checks last


@pytest.mark.parametrize(
    ("argument", "error"),
    [
        ("/nergens/verslag.pdf", "Error: no such file: /nergens/verslag.pdf"),
        ("http://[::1/verslag.pdf", "Error: refused http://[::1/verslag.pdf: not a valid URL"),
        (
            "ftp://ftp.voorbeeld.be/verslag.pdf",
            "Error: refused ftp://ftp.voorbeeld.be/verslag.pdf: ftp: is not",
        ),
        (
            "http://127.0.0.1:9/verslag.pdf",
            "Error: refused http://127.0.0.1:9/verslag.pdf: 127.0.0.1 is a loopback",
        ),
        (
            "http://geen-host.invalid/verslag.pdf",
            "Error: refused http://geen-host.invalid/verslag.pdf: cannot resolve",
        ),
    ],
)
def test_bad_usage_exits_2_with_one_line(argument, error):
    result, found = check(argument)
    assert result.code == 2 and found is None
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(error), result.stderr


def test_an_unreachable_host_is_bad_usage(page_server):
    closed = page_server.base_url.rsplit(":", 1)[0] + ":9"  # nothing listens on the discard port
    result, _ = check(f"{closed}/verslag.pdf", "--allow-private")
    assert result.code == 2
    assert (
        result.stderr.strip()
        == "Error: cannot reach 127.0.0.1:9: no connection; check the URL and the network"
    )


def test_a_url_is_fetched_through_the_egress_guard_and_checked(page_server):
    seen = []

    def annual_report(handler):
        seen.append((handler.headers.get("User-Agent"), handler.headers.get("Via")))
        respond(
            handler,
            DEMO["jaarverslag-2025.pdf"](),
            content_type="application/pdf",
            headers=(("Last-Modified", "Tue, 14 Jun 2016 09:20:00 GMT"),),
        )

    page_server.routes["/verslag"] = annual_report
    result, found = check(page_server.url("/verslag"), "--allow-private")
    assert result.code == 1, result.stderr
    assert (found["source"], found["type"], found["pages"]) == (page_server.url("/verslag"), "pdf", 24)
    assert [c["id"] for c in found["checks"] if c["outcome"] == "failed"] == ["figure-alt", "bookmarks"]
    assert found["possibly_exempt"] is False  # the file says 2026, whatever the server says
    assert seen == [(USER_AGENT, "1.1 a11ycheck-egress-guard")]


def test_what_a_url_gives_instead_of_a_document_is_a_finding(page_server):
    page_server.add("/groot.pdf", b"%PDF-1.7\n" + b"0" * 300_000, content_type="application/pdf")
    for path, location in (
        ("/naar-metadata.pdf", "http://169.254.169.254/latest/"),
        ("/naar-ftp.pdf", "ftp://x/y"),
    ):
        page_server.routes[path] = lambda handler, location=location: respond(
            handler, b"", 302, headers=(("Location", location),)
        )
    small = {"A11YCHECK_MAX_DOCUMENT_BYTES": "100000"}
    for path, status, env in [
        ("/weg.pdf", "http-404", None),
        ("https-to-plain-http", "tls-error", None),
        ("/groot.pdf", "too-large", small),
        ("/naar-metadata.pdf", "refused", None),
        ("/naar-ftp.pdf", "refused", None),
    ]:
        url = (
            page_server.url(path)
            if path.startswith("/")
            else page_server.url("/x.pdf").replace("http:", "https:")
        )
        result, found = check(url, "--allow-private", env=env)
        assert result.code == 1, (path, result.stderr)
        assert (found["status"], found["accessible"], found["checks"]) == (status, None, []), path
        assert found["message"], path
    assert [m for m, p in page_server.requests if p == "/groot.pdf"] == ["GET"]


def test_a_check_over_the_time_limit_is_a_timeout(tmp_path):
    # 1,500 pages, within the page caps: about 40 ms to check, 40 times the limit (accessible.pdf, 1.7 ms, was
    # once checked within the millisecond on an idle machine)
    slow = tmp_path / "register.pdf"
    slow.write_bytes(many_pages(1500))
    result, found = check(str(slow), env={"A11YCHECK_DOCUMENT_TIMEOUT": "0.001"})
    assert result.code == 1
    assert (found["status"], found["accessible"]) == ("timeout", None)
    assert found["message"] == "checking took longer than 0.001 s: stopped"


def test_the_user_agent_is_the_crawls():
    from a11ycheck.spiders.settings import USER_AGENT as CRAWL_USER_AGENT

    assert USER_AGENT == CRAWL_USER_AGENT
