"""What the audit keeps besides violations, in real Chromium on loopback pages: "needs review", the rules that
passed and did not apply, pages that send the browser elsewhere, content a page defers below the fold, the
WCAG 2.2 rules on demand, and the EARL and SARIF exports of a real run."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from pyld import jsonld

from a11ycheck.export_formats import EARL_CONTEXT_URL, earl_context

pytestmark = pytest.mark.browser  # crawls or audits through the CLI, in a child process

PAGE = """<!doctype html><html lang="nl"><head><title>{title}</title>{head}</head>
<body><main><h1>{title}</h1>{body}</main></body></html>"""
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


def page(title: str, body: str = "<p>Tekst.</p>", head: str = "") -> str:
    return PAGE.format(title=title, body=body, head=head)


def audit(cli, db, *urls, extra=()):
    result = cli("audit", *urls, "--allow-private", "--browsers", "1", *extra, db=db)
    return result, {p["url"]: p for p in json.loads(cli("export", "latest", db=db).stdout)["pages"]}


def test_needs_review_passed_and_inapplicable_rules_are_kept(cli, page_server, sqlite_url):
    # text over a background image: axe cannot tell the contrast, a person must look
    body = '<p style="background:url(/foto.png) #777;color:#888">Op een foto</p><img src="/foto.png">'
    url = page_server.add("/", page("Foto", body))
    result, pages = audit(cli, sqlite_url, url)
    assert result.code == 0, result.stderr
    found = pages[url]
    assert "color-contrast" in {r["rule"] for r in found["needs_review"]}
    unsure = next(r for r in found["needs_review"] if r["rule"] == "color-contrast")
    assert unsure["level"] == "AA" and unsure["wcag"] == ["1.4.3"]
    assert unsure["nodes"][0]["target"] == ["p"] and "background" in unsure["nodes"][0]["failure_summary"]
    assert "image-alt" in {v["rule"] for v in found["violations"]}
    assert {"document-title", "html-has-lang"} <= set(found["passed_rules"])
    assert "video-caption" in found["inapplicable_rules"]
    assert not set(found["passed_rules"]) & set(found["inapplicable_rules"])
    assert "needs review" in result.stdout


@pytest.mark.parametrize(
    ("name", "head", "body"),
    [
        ("refresh", '<meta http-equiv="refresh" content="0; URL=\'{target}\'">', ""),
        ("script", "", "<script>location.replace({target_js})</script>"),
        (
            "script-after-load",
            "",
            "<script>addEventListener('load', () => location.assign({target_js}))</script>",
        ),
    ],
)
def test_a_page_that_sends_the_browser_elsewhere_is_redirected_not_audited(
    cli, page_server, sqlite_url, name, head, body
):
    target = page_server.add("/nieuw", page("Nieuw", '<img src="/x.png">'))
    values = {"target": target, "target_js": json.dumps(target)}
    url = page_server.add(f"/{name}", page("Oud", body.format(**values), head.format(**values)))
    result, pages = audit(cli, sqlite_url, url)
    assert result.code == 0, result.stderr  # an answer of the site's, not a failure of the run
    assert (pages[url]["status"], pages[url]["redirect_to"]) == ("redirected", target)
    assert pages[url]["violations"] == [] and pages[url]["needs_review"] == []  # never the target's findings
    assert "1 redirected" in result.stdout


def test_a_refresh_after_a_delay_is_audited_as_the_page_it_is(cli, page_server, sqlite_url):
    target = page_server.add("/nieuw", page("Nieuw"))
    url = page_server.add(
        "/traag", page("Traag", head=f'<meta http-equiv="refresh" content="30; url={target}">')
    )
    result, pages = audit(cli, sqlite_url, url)
    assert result.code == 0, result.stderr
    assert pages[url]["status"] == "ok"
    assert "meta-refresh" in {v["rule"] for v in pages[url]["violations"]}


def test_an_http_redirect_off_the_site_is_redirected_one_on_the_site_is_followed(
    cli, page_server, sqlite_url, demo_site
):
    here = page_server.add("/hier", page("Hier"))
    off_site = f"{demo_site}/contact.html"  # another port: another site

    def redirect(location):
        def route(handler):
            handler.send_response(302)
            handler.send_header("Location", location)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        return route

    page_server.routes["/weg"] = redirect(off_site)
    page_server.routes["/binnen"] = redirect(here)
    result, pages = audit(cli, sqlite_url, page_server.url("/weg"), page_server.url("/binnen"))
    assert result.code == 0, result.stderr
    away = pages[page_server.url("/weg")]
    assert (away["status"], away["redirect_to"], away["violations"]) == ("redirected", off_site, [])
    assert pages[page_server.url("/binnen")]["status"] == "ok"


def test_a_lazy_frame_far_below_the_fold_is_loaded_and_audited(cli, page_server, sqlite_url):
    page_server.add("/kaart", page("Kaart", '<img src="/kaart.png">'))
    spacer = '<div style="height:6000px">Lange inleiding.</div>'
    body = spacer + '<iframe title="Kaart" loading="lazy" src="/kaart"></iframe>'
    url = page_server.add("/", page("Bereikbaarheid", body))
    for _ in range(3):  # every time, not by chance
        result, pages = audit(cli, sqlite_url, url)
        assert result.code == 0, result.stderr
        image_alt = [v for v in pages[url]["violations"] if v["rule"] == "image-alt"]
        assert image_alt and image_alt[0]["nodes"][0]["target"] == ["iframe", "img"]


def test_wcag22_rules_run_only_when_asked_and_are_stored_as_wcag_2_2(cli, page_server, sqlite_url):
    body = '<a href="/a" style="font-size:8px;display:inline-block;width:8px;height:8px">a</a>' + (
        '<a href="/b" style="font-size:8px;display:inline-block;width:8px;height:8px">b</a>'
    )
    url = page_server.add("/", page("Klein", body))
    _, pages = audit(cli, sqlite_url, url)
    assert "target-size" not in {v["rule"] for v in pages[url]["violations"] + pages[url]["needs_review"]}
    _, pages = audit(cli, sqlite_url, url, extra=("--wcag22",))
    found = [v for v in pages[url]["violations"] + pages[url]["needs_review"] if v["rule"] == "target-size"]
    assert found and found[0]["wcag_version"] == "2.2" and found[0]["wcag"] == ["2.5.8"]


def test_a_real_run_exports_as_earl_and_sarif(cli, page_server, sqlite_url):
    body = '<p style="background:url(/foto.png) #777;color:#888">Op een foto</p><img src="/foto.png">'
    url = page_server.add("/", page("Foto", body))
    audit(cli, sqlite_url, url)
    exported = json.loads(cli("export", "latest", db=sqlite_url).stdout)
    found = exported["pages"][0]
    failed = sum(len(v["nodes"]) for v in found["violations"])
    unsure = sum(len(v["nodes"]) for v in found["needs_review"])

    earl = cli("export", "latest", "--format", "earl", db=sqlite_url)
    assert earl.code == 0, earl.stderr

    def loader(requested, options=None):
        assert requested == EARL_CONTEXT_URL
        return {"contextUrl": None, "documentUrl": requested, "document": earl_context()}

    nodes = jsonld.flatten(json.loads(earl.stdout), None, {"documentLoader": loader})
    outcomes = [
        n.get("http://www.w3.org/ns/earl#outcome", [{}])[0].get("@id", "").rsplit("#", 1)[-1]
        for n in nodes
        if "http://www.w3.org/ns/earl#outcome" in n
    ]
    assert outcomes.count("failed") == failed and outcomes.count("cantTell") == unsure
    assert outcomes.count("passed") == len(found["passed_rules"])
    assert outcomes.count("inapplicable") == len(found["inapplicable_rules"])

    sarif = cli("export", "latest", "--format", "sarif", db=sqlite_url)
    assert sarif.code == 0, sarif.stderr
    log = json.loads(sarif.stdout)
    assert sorted(e.message for e in Draft4Validator(SARIF_SCHEMA).iter_errors(log)) == []
    kinds = [r["kind"] for r in log["runs"][0]["results"]]
    assert kinds.count("fail") == failed and kinds.count("open") == unsure

    refused = cli("export", "latest", "--format", "xml", db=sqlite_url)
    assert refused.code == 2 and "Error:" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
