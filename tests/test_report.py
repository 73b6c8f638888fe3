"""The HTML report on a small database: what it says matches the database and the charters, the words are
Dutch unless asked otherwise, crawled text stays text, and no file lands outside the report folder."""

import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from helpers import default_sigint
from report_sample import GENT, HOSTILE_ORGANISATION, PAYLOAD, TODAY, build_sample

from a11ycheck.charters.loader import load_charters
from a11ycheck.charters.status import evaluate_charter
from a11ycheck.cli_report import report
from a11ycheck.errors import UserError
from a11ycheck.register import Register
from a11ycheck.report.build import MARKER, ReportRequest, build_report
from a11ycheck.report.i18n import LANGUAGES
from a11ycheck.report.messages import LABELS, MESSAGES
from a11ycheck.report.paths import OutputFolder, file_slug
from a11ycheck.report.render import is_http_url, make_environment
from a11ycheck.report.rule_texts import rule_title
from a11ycheck.report.serve import ReportServer
from a11ycheck.store import Store


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    url = f"sqlite:///{folder / 'a11ycheck.db'}"
    ids = build_sample(url, folder / "charters")
    store = Store(url)
    request = ReportRequest(out=folder / "nl", charters_dir=folder / "charters", today=TODAY)
    build_report(store, request)
    build_report(
        store, ReportRequest(out=folder / "en", lang="en", charters_dir=folder / "charters", today=TODAY)
    )
    single = ReportRequest(
        out=folder / "mail",
        municipality="gent",
        single_file=True,
        charters_dir=folder / "charters",
        today=TODAY,
    )
    build_report(store, single)
    return {"folder": folder, "url": url, "store": store, "ids": ids}


def html(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def text(element) -> str:
    return " ".join(element.text_content().split())


def row_of(document, href_part: str) -> list[str]:
    (row,) = document.xpath(f"//tbody/tr[th/a[contains(@href, '{href_part}')]]")
    return [text(cell) for cell in row.xpath("th|td")]


def test_overview_numbers_match_the_database(sample):
    """Gent's latest crawl, counted here from the stored pages: 5 audited pages, 5 WCAG 2.1 A/AA rule
    failures (target-size is WCAG 2.2, so not counted), 4 pages with a serious or critical failure."""
    pages = sample["store"].run_pages(sample["ids"]["gent_2"])
    audited = [p for p in pages if p.status == "ok"]
    wcag = sum(
        v.level in ("A", "AA") and v.wcag_version in ("2.0", "2.1") for p in audited for v in p.violations
    )
    serious = sum(any(v.impact in ("serious", "critical") for v in p.violations) for p in audited)
    assert (len(audited), wcag, serious) == (5, 5, 4)

    cells = row_of(html(sample["folder"] / "nl" / "index.html"), "org/gent/")
    name, province, latest, audited_cell, per_page, clean, trend, documents, charter, statement = cells[:10]
    assert len(cells) == 11
    plain_language = cells[10]
    assert documents == "33,3%"  # of 3 checked documents, 1 passes every check
    assert (name, province, latest) == ("Gent", "Oost-Vlaanderen", "10 februari 2026")
    assert audited_cell == "5"
    assert per_page == "1,00"  # 5 / 5
    assert clean == "20,0%"  # 1 of 5
    assert trend == "beter (was 1,25)"  # run 1: 5 failures on 4 pages
    assert "1 over tijd" not in charter and "geen gegevens" not in charter
    assert re.search(r"\d+ (op schema|achter|in gevaar|behaald)", charter)
    assert statement == "A"
    assert plain_language == "66,7%"  # A2, B1 and C1 on the pages with a level (report_sample.py)


def test_overview_agrees_with_the_charter_kpis(sample):
    """The headline numbers are the charter KPIs: both computations give the same values."""
    register = Register.load()
    (charter,) = load_charters([sample["folder"] / "charters"], register)
    statuses = {s.commitment.id: s for s in evaluate_charter(sample["store"], charter, TODAY)}
    assert statuses["web-wcag"].current == 1.0
    assert statuses["web-ernstig"].current == 20.0
    page = html(sample["folder"] / "nl" / "org" / "gent" / "index.html")
    table = text(page.xpath("//h2[@id='charter']/following::table[1]")[0])
    assert "1,00 fouten per pagina" in table and "20,0%" in table


def test_sorting_and_province_pages_need_no_javascript(sample):
    out = sample["folder"] / "nl"
    assert not list(out.rglob("*.js"))
    names = [text(th) for th in html(out / "overview" / "all-findings.html").xpath("//tbody/tr/th")]
    assert names[:2] == ["Gent", "Antwerpen"]  # 1,00 and 0,50 WCAG failures per page; the others none
    per_province = html(out / "overview" / "p-oost-vlaanderen-name.html")
    assert [text(th) for th in per_province.xpath("//tbody/tr/th")] == ["Gent"]
    sort_links = html(out / "index.html").xpath("//nav[@class='choices']//a/@href")
    assert "overview/all-findings.html" in sort_links and "overview/p-antwerpen-name.html" in sort_links


def test_new_and_fixed_since_the_previous_run_use_fingerprints(sample):
    page = html(sample["folder"] / "nl" / "org" / "gent" / "index.html")
    intro = text(page.xpath("//h2[@id='changes']/following-sibling::p[1]")[0])
    assert intro.startswith("Nieuw: 2 elementen met een fout; opgelost: 3 elementen met een fout.")
    rows = {
        text(tr.xpath("th")[0]): [text(td) for td in tr.xpath("td")]
        for tr in page.xpath("//caption[@id='changes-caption']/../tbody/tr")
    }
    # rules by their Dutch title now (issue 19: no rule ids as the only name)
    assert rows == {
        rule_title("color-contrast", "nl", ""): ["0", "2"],
        rule_title("image-alt", "nl", ""): ["1", "1"],
        rule_title("link-name", "nl", ""): ["1", "0"],
    }
    new_page = next(
        p
        for p in (sample["folder"] / "nl" / "org" / "gent").glob("page-*.html")
        if "Nieuwe pagina" in p.read_text()
    )
    assert "Nieuw" in text(html(new_page).xpath("//ol[@class='elements']/li")[0])


def test_best_practice_is_kept_apart_from_wcag_failures(sample):
    page = html(sample["folder"] / "nl" / "org" / "gent" / "index.html")
    advice = text(page.xpath("//h2[@id='advice']/following::table[1]")[0])
    frequent = " ".join(text(h) for h in page.xpath("//section[contains(@class,'finding')]/h3"))
    criteria = " ".join(text(t) for t in page.xpath("//h2[@id='criteria']/following::table[position()<=4]"))
    assert "region" in advice and "region" not in frequent and "region" not in criteria
    assert "image-alt" in frequent and "color-contrast" not in advice
    assert "2.5.8" in criteria  # WCAG 2.2's target-size: a WCAG failure, listed by its criterion
    impact_rows = {
        text(tr.xpath("th")[0]): [text(td) for td in tr.xpath("td")]
        for tr in page.xpath("//caption[@id='impact-caption']/../tbody/tr")
    }
    assert impact_rows["matig"] == ["0", "0", "3", "3"]  # region: advice on 3 pages, 3 elements


def test_worst_pages_and_documents(sample):
    gent = html(sample["folder"] / "nl" / "org" / "gent" / "index.html")
    worst = [text(th) for th in gent.xpath("//h2[@id='worst']/following::table[1]/tbody/tr/th")]
    assert worst[0].startswith("Stad Gent")  # two serious failures, two WCAG failures
    antwerpen = html(sample["folder"] / "nl" / "org" / "antwerpen" / "index.html")
    documents = antwerpen.xpath("//h2[@id='documents']/following::table[1]/tbody/tr/th")
    assert [text(d) for d in documents] == ["https://www.antwerpen.be/verslag.pdf", "javascript:alert(1)"]
    assert documents[0].xpath(".//a/@href") == ["https://www.antwerpen.be/verslag.pdf"]
    assert documents[1].xpath(".//a") == []  # a crawled javascript: URL is never a link


def test_per_run_and_per_page_pages(sample):
    out = sample["folder"] / "nl" / "org" / "gent"
    latest, older = (
        html(out / f"run-{sample['ids']['gent_2']}.html"),
        html(out / f"run-{sample['ids']['gent_1']}.html"),
    )
    assert len(latest.xpath("//h2[@id='pages']/following::tbody[1]/tr//a[starts-with(@href,'page-')]")) == 5
    assert older.xpath("//h2[@id='pages']/following::tbody[1]//a") == []  # counts only for older runs
    assert len(list(out.glob("page-*.html"))) == 5  # the latest completed crawl of the site
    home = next(p for p in out.glob("page-*.html") if "<h1>Stad Gent</h1>" in p.read_text())
    elements = [text(c) for c in html(home).xpath("//section[h3[contains(., 'image-alt')]]//li/code")]
    assert elements == ["img.b"]


def test_dutch_by_default_and_english_on_request(sample):
    nl, en = html(sample["folder"] / "nl" / "index.html"), html(sample["folder"] / "en" / "index.html")
    assert nl.get("lang") == "nl" and en.get("lang") == "en"
    assert "Toegankelijkheidsrapport" in text(nl) and "Pagina's geauditeerd" in text(nl)
    assert "Accessibility report" in text(en) and "Pages audited" in text(en)
    assert "Toegankelijkheidsrapport" not in text(en)
    gent_en = text(html(sample["folder"] / "en" / "org" / "gent" / "index.html"))
    assert "Charter progress" in gent_en and "10 February 2026" in gent_en


def test_every_message_and_label_has_both_languages():
    for key, translations in MESSAGES.items():
        assert set(translations) == set(LANGUAGES), key
    for group in LABELS.values():
        for key, translations in group.items():
            assert set(translations) == set(LANGUAGES), key


def test_single_file_has_no_external_references(sample):
    path = sample["folder"] / "mail" / "gent.html"
    source = path.read_text()
    page = lxml.html.fromstring(source)
    assert page.xpath("//link|//script|//img|//iframe|//object|//@src") == []
    assert "url(" not in source and "@import" not in source
    assert ".csv" not in source  # no CSV downloads beside a single file (issue 19)
    assert [p.name for p in path.parent.iterdir()] == ["gent.html"]
    assert page.xpath("//style") and page.xpath("//svg")
    for href in page.xpath("//a/@href"):
        assert href.startswith("#") or is_http_url(href), href
    assert "Drempelvrije ingang van het stadhuis" in text(page)


def test_relative_links_all_resolve_inside_the_report(sample):
    out = (sample["folder"] / "nl").resolve()
    for path in out.rglob("*.html"):
        page = html(path)
        for href in page.xpath("//a/@href") + page.xpath("//link/@href"):
            if href.startswith(("http://", "https://", "#")):
                continue
            target = (path.parent / href.split("#")[0]).resolve()
            assert target.is_relative_to(out) and target.is_file(), f"{path.relative_to(out)} -> {href}"


def test_crawled_text_is_escaped_everywhere(sample):
    """Payloads in titles, URLs, selectors, snippets, help texts, documents and reported updates come out as
    text: no script, no event handler, no javascript: link in any file (the browser test runs them too)."""
    seen_payload = 0
    for path in (sample["folder"] / "nl").rglob("*.html"):
        source = path.read_text()
        page = lxml.html.fromstring(source)
        assert page.xpath("//script|//img|//iframe|//object|//embed|//@onerror|//@onload") == [], path
        assert not [h for h in page.xpath("//@href") if h.strip().lower().startswith(("javascript", "data:"))]
        seen_payload += PAYLOAD in text(page)
        assert "window.__pwned=1</script>" not in source.replace("&lt;/script&gt;", "")
    assert seen_payload >= 4


def test_autoescaping_covers_html_svg_and_strings():
    environment = make_environment("nl", TODAY)
    assert environment.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    assert all(environment.autoescape(name) for name in ("page.html", "chart.svg", "other.txt", None))


def test_chart_labels_are_escaped_in_the_svg(sample):
    """A charter title (edited by people, so not trusted either) is in the chart's SVG title, as text."""
    page = (sample["folder"] / "nl" / "org" / "gent" / "index.html").read_text()
    svg_titles = re.findall(r"<title id=\"chart-commitment-\d+-title\">(.*?)</title>", page)
    assert any("&lt;script&gt;window.__pwned=1&lt;/script&gt;" in title for title in svg_titles)


def test_hostile_organisation_names_stay_inside_the_output_folder(sample):
    folder = sample["folder"]
    out = folder / "nl"
    assert (out / "org" / "etc-evil" / "index.html").is_file()
    assert HOSTILE_ORGANISATION in text(html(out / "org" / "etc-evil" / "index.html").xpath("//h1")[0])
    assert sorted(p.name for p in folder.iterdir() if "a11ycheck.db" not in p.name) == [
        "charters",
        "en",
        "mail",
        "nl",
    ]
    assert sorted(p.name for p in (out / "org").iterdir()) == sorted(
        ["antwerpen", "etc-evil", "gent", "script-window-pwned-1-script-gemeente", "site-demo-example"]
    )


@pytest.mark.parametrize(
    "parts", [("..", "x.html"), ("/etc", "passwd"), ("org/../..", "x"), ("",), ("a\\b",)]
)
def test_output_folder_refuses_paths_that_escape(tmp_path, parts):
    with pytest.raises(UserError, match="outside the report folder"):
        OutputFolder(tmp_path).path(*parts)


def test_output_folder_refuses_a_symlink_out(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "org").symlink_to(tmp_path)
    with pytest.raises(UserError, match="outside the report folder"):
        OutputFolder(tmp_path / "out").path("org", "x.html")


def test_slugs_are_file_safe():
    assert file_slug("../../etc/passwd") == "etc-passwd"
    assert file_slug("Sint-Niklaas (Stad)") == "sint-niklaas-stad"
    assert file_slug("Rhode-Saint-Genèse") == "rhode-saint-genese"
    assert file_slug("..") == "" and file_slug("/") == ""


def test_unknown_municipality_and_foreign_folders_are_one_line_errors(sample, tmp_path):
    store = sample["store"]
    with pytest.raises(UserError, match="unknown municipality"):
        build_report(store, ReportRequest(out=tmp_path / "x", municipality="../../etc"))
    with pytest.raises(UserError, match="no audited sites for 'Brugge'"):
        build_report(store, ReportRequest(out=tmp_path / "x", municipality="brugge"))
    with pytest.raises(UserError, match="--single-file needs --municipality"):
        build_report(store, ReportRequest(out=tmp_path / "x", single_file=True))
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.txt").write_text("keep me")
    with pytest.raises(UserError, match="not empty and holds no a11ycheck report"):
        build_report(store, ReportRequest(out=tmp_path / "mine"))
    assert (tmp_path / "mine" / "thesis.txt").read_text() == "keep me"


def test_rebuild_replaces_the_earlier_report(sample, tmp_path):
    out = tmp_path / "r"
    build_report(sample["store"], ReportRequest(out=out, today=TODAY))
    (out / "org" / "stale.html").write_text("old")
    build_report(sample["store"], ReportRequest(out=out, municipality="gent", today=TODAY))
    assert (out / MARKER).is_file() and not (out / "org" / "stale.html").exists()
    assert sorted(p.name for p in (out / "org").iterdir()) == ["gent"]


def test_cli_build_and_errors(sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / ".gitkeep").touch()
    runner = CliRunner()
    done = runner.invoke(
        report, ["build", "--db", sample["url"], "--charters", str(sample["folder"] / "charters")]
    )
    assert done.exit_code == 0, done.output
    assert (tmp_path / "reports" / "index.html").is_file() and "reports/index.html" in done.output
    assert (tmp_path / "reports" / ".gitkeep").is_file()  # the repository's placeholder is left alone
    single = runner.invoke(
        report, ["build", "--db", sample["url"], "--municipality", "Gent", "--single-file", "--lang", "en"]
    )
    assert single.exit_code == 0 and (tmp_path / "reports" / "gent.en.html").is_file()
    missing = runner.invoke(report, ["build", "--db", sample["url"], "--municipality", "gnet"])
    assert missing.exit_code == 2 and "did you mean Gent?" in missing.output
    assert missing.output.strip().splitlines()[-1].startswith("Error: ") and "Traceback" not in missing.output
    no_charters = runner.invoke(report, ["build", "--db", sample["url"], "--charters", "nowhere"])
    assert no_charters.exit_code == 2 and "no charters folder nowhere" in no_charters.output


def test_server_serves_the_report_and_nothing_outside_it(sample):
    with ReportServer(sample["folder"] / "nl") as server:
        with urllib.request.urlopen(f"{server.base_url}/index.html") as response:
            assert response.status == 200 and b"Toegankelijkheidsrapport" in response.read()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{server.base_url}/../a11ycheck.db")
        assert refused.value.code == 404
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"{server.base_url}/%2e%2e/a11ycheck.db")


def test_serving_a_folder_without_report_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="no report in"):
        with ReportServer(tmp_path):
            pass


def test_report_for_a_charter_without_sites_yet(tmp_path, sample):
    charters = tmp_path / "charters"
    charters.mkdir()
    (charters / "brugge.yaml").write_text(
        "signed: 2025-01-01\ncommitments:\n  - id: lift\n    title: Lift in het stadhuis\n"
        "    domain: buildings\n    deadline: 2025-12-31\n    reported: {type: done}\n"
    )
    build_report(sample["store"], ReportRequest(out=tmp_path / "r", charters_dir=charters, today=TODAY))
    page = text(html(tmp_path / "r" / "org" / "brugge" / "index.html"))
    # nothing reported by its deadline (2025-12-31): overdue, not "no data" (issue 19)
    assert "Lift in het stadhuis" in page and "over tijd" in page and "nog geen afgeronde audit" in page
    assert GENT not in page


def test_serve_stops_cleanly_on_ctrl_c(sample):
    """`report serve` in its own process, as a person runs it: it answers, and Ctrl-C ends it with exit 0."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = str(sample["folder"] / "nl")
    command = "from a11ycheck.cli_report import report; report()"
    server = subprocess.Popen(
        [sys.executable, "-c", command, "serve", "--dir", folder, "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,  # Ctrl-C's default, even when this run was started with SIGINT ignored
    )
    try:
        deadline = time.monotonic() + 60  # a new Python process importing the report code, on a busy machine
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5) as response:
                    assert response.status == 200
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"the report server exited with {server.returncode}: {server.stderr.read()}")
                if time.monotonic() > deadline:
                    pytest.fail("the report server did not answer within 60 s")
                time.sleep(0.1)
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
        assert "stopped" in server.stderr.read()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_worker_processes_write_the_same_report(sample, tmp_path):
    """The pool of worker processes (used for large databases) writes exactly what one process writes."""
    charters = sample["folder"] / "charters"
    serial = tmp_path / "serial"
    parallel = tmp_path / "parallel"
    build_report(sample["store"], ReportRequest(out=serial, charters_dir=charters, today=TODAY, workers=1))
    result = build_report(
        sample["store"], ReportRequest(out=parallel, charters_dir=charters, today=TODAY, workers=2)
    )
    files = sorted(p.relative_to(serial) for p in serial.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(parallel) for p in parallel.rglob("*") if p.is_file())
    assert result.files == len([f for f in files if f.suffix == ".html"])
    for name in files:
        assert (serial / name).read_bytes() == (parallel / name).read_bytes(), name


@pytest.mark.postgres
def test_report_on_postgresql(postgres_url, tmp_path):
    build_sample(postgres_url, tmp_path / "charters")
    store = Store(postgres_url)
    try:
        build_report(
            store, ReportRequest(out=tmp_path / "out", charters_dir=tmp_path / "charters", today=TODAY)
        )
    finally:
        store.close()
    cells = row_of(html(tmp_path / "out" / "index.html"), "org/gent/")
    assert cells[2:7] == ["10 februari 2026", "5", "1,00", "20,0%", "beter (was 1,25)"]
    gent = html(tmp_path / "out" / "org" / "gent" / "index.html")
    intro = text(gent.xpath("//h2[@id='changes']/following-sibling::p[1]")[0])
    assert intro.startswith("Nieuw: 2 elementen met een fout; opgelost: 3 elementen met een fout.")
