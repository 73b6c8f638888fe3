"""The small database the report tests build from, written the way the crawler writes (Store.start_run,
save_pages, finish_run with the audit result dataclasses), with hostile titles, URLs and snippets.

The report tests import `build_sample` or use conftest's `sample_reports`; test_report_data.py checks the
sample itself, so a report test failing is never a sample that does not say what the test assumes.
"""

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update

from a11ycheck.document_queries import save_check
from a11ycheck.language.observer import language_row
from a11ycheck.language.score import LanguageScore
from a11ycheck.models import (
    Document,
    DocumentCheck,
    ReportedUpdate,
    ReviewImport,
    ReviewSample,
    ReviewVerdict,
    Run,
    Site,
    Statement,
    Violation,
    ViolationNode,
)
from a11ycheck.report.build import ReportRequest, build_report
from a11ycheck.statements import queries as statement_queries
from a11ycheck.statements.site_check import FoundLink, check_site_statement
from a11ycheck.statements.stored import statement_row
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import NodeResult, PageResult, RenderedPage, RuleResult

TODAY = date(2026, 3, 1)
IDS_FILE = "ids.json"  # build_sample's ids, next to the database build_sample_reports makes
PAYLOAD = "<script>window.__pwned=1</script>"
IMG_PAYLOAD = '"><img src=x onerror=window.__pwned=1>'
HOSTILE_ORGANISATION = "../../../etc/evil"
SCRIPT_ORGANISATION = f"{PAYLOAD}gemeente"

GENT_CHARTER = """title: Charter toegankelijk Gent
signed: 2025-06-01
partners: [Inter, Stad Gent]
commitments:
  - id: web-wcag
    title: Minder WCAG-fouten per pagina
    domain: digital
    deadline: 2027-12-31
    measured: {kpi: wcag_violations_per_page, baseline: 2, target: 0.5}
  - id: web-ernstig
    title: "Pagina's zonder ernstige fouten <script>window.__pwned=1</script>"
    domain: digital
    deadline: 2027-12-31
    measured: {kpi: pages_without_serious_share, baseline: 10, target: 90}
  - id: ingang
    title: Drempelvrije ingang van het stadhuis
    domain: buildings
    deadline: 2026-12-31
    reported: {type: done}
"""


def violation(rule: str, tags: str, impact: str, *targets: str, html: str | None = None, **extra):
    return RuleResult(
        rule=rule,
        impact=impact,
        tags=tags.split(","),
        help=extra.get("help", f"Help for {rule}"),
        description=f"Ensures {rule}",
        help_url=extra.get("help_url", f"https://dequeuniversity.com/rules/axe/4.10/{rule}"),
        nodes=[
            NodeResult(
                target=[target], html=html or f'<span class="{rule}">{target}</span>', failure_summary="Fix"
            )
            for target in targets
        ],
    )


def image_alt(*targets: str, **extra):
    return violation("image-alt", "cat.text-alternatives,wcag2a,wcag111", "critical", *targets, **extra)


def contrast(*targets: str):
    return violation("color-contrast", "cat.color,wcag2aa,wcag143", "serious", *targets)


def region(*targets: str):
    return violation("region", "cat.keyboard,best-practice", "moderate", *targets)


def target_size(*targets: str):  # WCAG 2.2 AA: listed under 2.5.8, not counted in the 2.1 A/AA figures
    return violation("target-size", "wcag22aa,wcag258", "serious", *targets)


def link_name(*targets: str):
    return violation("link-name", "cat.name-role-value,wcag2a,wcag244,wcag412", "serious", *targets)


def ok(url: str, title: str, *violations) -> tuple[PageRecord, PageResult]:
    return PageRecord(url=url, depth=1), PageResult(
        url=url, status="ok", title=title, violations=list(violations)
    )


def add_run(store: Store, start_url: str, day: date, pages: list, status: str = "completed") -> int:
    """A crawl written as the crawler writes it, then moved to `day` (runs in tests all happen today)."""
    run = store.start_run("crawl", start_url, {}, "4.10.2")
    store.save_pages(run.id, pages)
    store.finish_run(run.id, status)
    started = datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)
    with store.session() as session:
        session.execute(
            update(Run)
            .where(Run.id == run.id)
            .values(started_at=started, finished_at=started + timedelta(minutes=30))
        )
        session.commit()
    return run.id


def assign(store: Store, host: str, organisation: str) -> None:
    with store.session() as session:
        session.execute(update(Site).where(Site.host == host).values(organisation=organisation))
        session.commit()


GENT = "https://www.gent.be"


# Gent's statement: it claims full compliance, which its crawl contradicts (WCAG 2.1 A/AA failures on 4
# pages).
GENT_STATEMENT = """<!doctype html><html lang="nl"><head>
<title>Toegankelijkheidsverklaring | Stad Gent</title></head><body><main><h1>Toegankelijkheidsverklaring</h1>
<p>De stad wil dat iedereen haar website kan gebruiken, ook met een beperking.</p>
<h2>Nalevingsstatus</h2>
<p>Deze website is volledig in overeenstemming met de WCAG 2.1, niveau AA.</p>
<h2>Opstelling van deze verklaring</h2>
<p>Deze verklaring werd opgesteld op 14 januari 2026, na een zelfevaluatie door de webredactie.</p>
<h2>Feedback en contactgegevens</h2>
<p>Loopt u vast op onze website? Mail naar <a href="mailto:webteam@stad.gent.example">het webteam</a>.</p>
<h2>Handhavingsprocedure</h2>
<p>Bent u niet tevreden met ons antwoord, dan kunt u klacht indienen bij de Vlaamse Ombudsdienst.</p>
</main></body></html>"""


def add_statement(store: Store, run_id: int, start_url: str, day: date) -> None:
    """The statement the end of the crawl finds: the home page links to it, rendered from GENT_STATEMENT."""
    href = f"{start_url}toegankelijkheid"
    found = check_site_statement(
        [FoundLink(start_url, href, "Toegankelijkheidsverklaring", 100)],
        statement_queries.crawled_pages(store, run_id),
        start_url,
        lambda url: RenderedPage(url, "ok", url, GENT_STATEMENT),
        day,
        *statement_queries.wcag_failures(store, run_id),
    )
    run = store.get_run(run_id)
    statement_queries.save_statement(store, statement_row(run_id, run.site_id, found, datetime.now(UTC)))


def checked_file(store: Store, sha: str, type_: str, failed: dict[str, str], passed: tuple[str, ...]) -> int:
    """A stored check result (as a11ycheck.document_checks writes it) failing the checks of `failed`."""
    checks = [
        {"id": i, "outcome": "failed", "detail": d, "wcag": ["1.1.1"], "advisory": False}
        for i, d in failed.items()
    ]
    checks += [{"id": i, "outcome": "passed", "detail": "ok", "wcag": [], "advisory": False} for i in passed]
    row = DocumentCheck(
        sha256=sha * 64,
        checker_version="sample",
        type=type_,
        pages=3,
        status="checked",
        accessible=not failed,
        tagged=None if type_ != "pdf" else "tagged" not in failed,
        failed_checks=",".join(failed),
        checks=json.dumps(checks),
    )
    return save_check(store, row).id


def gent_documents(store: Store, run_id: int) -> None:
    """Gent's latest crawl found five documents: two failing checks (one untagged, possibly exempt), one
    passing every check, one damaged, one gone; a check's detail carries crawled text (a PDF's title)."""
    failing = checked_file(
        store, "a", "pdf", {"figure-alt": f"1 of 1 figures {PAYLOAD}", "bookmarks": "b"}, ()
    )
    untagged = checked_file(store, "b", "pdf", {"tagged": "not tagged", "title": "no title"}, ("language",))
    passing = checked_file(store, "c", "docx", {}, ("title", "language", "image-alt"))
    store.save_documents(
        run_id,
        [
            Document(url=f"{GENT}/jaarverslag.pdf", status="checked", check_id=failing, referrer=f"{GENT}/"),
            Document(url=f"{GENT}/oud.pdf", status="checked", check_id=untagged, possibly_exempt=True),
            Document(url=f"{GENT}/aanvraag.docx", status="checked", check_id=passing),
            Document(url=f"{GENT}/kapot.pdf", status="unreadable", message=f"damaged PDF {PAYLOAD}"),
            Document(url=f"{GENT}/weg.odt", status="http-404", http_status=404),
        ],
    )


def build_sample(url: str, charters_dir: Path) -> dict[str, int]:
    """The sample database and charters; returns the ids tests refer to."""
    store = Store(url)
    ids = {}
    ids["gent_1"] = add_run(
        store,
        f"{GENT}/",
        date(2026, 1, 10),
        [
            ok(f"{GENT}/", "Stad Gent", image_alt("img.a", "img.b"), contrast("p.x"), region("div.r")),
            ok(f"{GENT}/nieuws", "Nieuws", contrast("p.x"), target_size("a.t"), region("div.r")),
            ok(f"{GENT}/contact", "Contact", contrast("p.x"), region("div.r")),
            ok(f"{GENT}/wonen", "Wonen", contrast("p.x")),
            (PageRecord(url=f"{GENT}/weg", status="http-404", http_status=404), None),
        ],
    )
    ids["gent_2"] = add_run(
        store,
        f"{GENT}/",
        date(2026, 2, 10),
        [
            ok(f"{GENT}/", "Stad Gent", image_alt("img.b"), contrast("p.x"), region("div.r")),
            ok(f"{GENT}/nieuws", "Nieuws", contrast("p.x"), target_size("a.t"), region("div.r")),
            ok(f"{GENT}/contact", "Contact", link_name("a.leeg"), region("div.r")),
            ok(f"{GENT}/wonen", "Wonen"),
            ok(f"{GENT}/nieuw", "Nieuwe pagina", image_alt("img.c")),
        ],
    )
    add_statement(store, ids["gent_2"], f"{GENT}/", date(2026, 2, 10))
    gent_documents(store, ids["gent_2"])
    assign(store, "www.gent.be", "gent")

    hostile = "https://www.antwerpen.be"
    ids["antwerpen"] = add_run(
        store,
        f"{hostile}/",
        date(2026, 2, 12),
        [
            ok(
                f"{hostile}/{IMG_PAYLOAD}",
                f"{PAYLOAD}Nieuws",
                image_alt(
                    f'img[src="x"]</code>{PAYLOAD}',
                    html='<img src=x onerror="window.__pwned=1">',
                    help=f"{PAYLOAD} Images need alt",
                    help_url="javascript:window.__pwned=1",
                ),
                region("div.r"),
            ),
            ok("javascript:window.__pwned=1//", '"><svg onload=window.__pwned=1>'),
            (PageRecord(url=f"{hostile}/{PAYLOAD}", status="http-500", http_status=500, title=PAYLOAD), None),
        ],
    )
    store.save_documents(
        ids["antwerpen"],
        [
            Document(url="javascript:alert(1)", content_type=PAYLOAD, size=10),
            Document(
                url=f"{hostile}/verslag.pdf", content_type="application/pdf", size=123_456, http_status=200
            ),
        ],
    )
    statement_queries.save_statement(
        store,
        Statement(
            run_id=ids["antwerpen"],
            site_id=store.get_run(ids["antwerpen"]).site_id,
            url="javascript:window.__pwned=1//",
            is_statement=True,
            status="partial",
            standard="WCAG 2.1 AA",
            feedback=f'["javascript:window.__pwned=1", "mailto:{PAYLOAD}"]',
            grade="D",
            details=f'{{"problems_nl": ["{PAYLOAD} geen klachten"], "problems": ["{PAYLOAD}"]}}',
            contradictions=f'[{{"dutch": "{PAYLOAD} tegenspraak", "english": "{PAYLOAD}"}}]',
        ),
    )
    assign(store, "www.antwerpen.be", "antwerpen")
    add_reviewed_sample(
        store, ids["antwerpen"], [f"{hostile}/{IMG_PAYLOAD}", "javascript:window.__pwned=1//"]
    )

    ids["evil"] = add_run(
        store, "https://www.evil.example/", date(2026, 2, 1), [ok("https://www.evil.example/", "E")]
    )
    assign(store, "www.evil.example", HOSTILE_ORGANISATION)
    ids["script"] = add_run(
        store, "https://script.example/", date(2026, 2, 2), [ok("https://script.example/", "S")]
    )
    assign(store, "script.example", SCRIPT_ORGANISATION)
    ids["unassigned"] = add_run(
        store, "https://demo.example/", date(2026, 2, 3), [ok("https://demo.example/", "D")]
    )
    ids["interrupted"] = add_run(
        store, "https://demo.example/", date(2026, 2, 20), [ok("https://demo.example/x", "X")], "interrupted"
    )

    add_language_scores(store, ids)
    charters_dir.mkdir(parents=True, exist_ok=True)
    (charters_dir / "gent.yaml").write_text(GENT_CHARTER, encoding="utf-8")
    with store.session() as session:
        session.add(
            ReportedUpdate(
                organisation="gent",
                commitment="ingang",
                done=False,
                note=f"Werken gestart {PAYLOAD}",
                evidence_url="javascript:window.__pwned=1",
                author=IMG_PAYLOAD,
                recorded_at=datetime(2026, 2, 15, tzinfo=UTC),
            )
        )
        session.commit()
    store.close()
    return ids


def build_sample_reports(
    folder: Path, langs: tuple[str, ...] = ("nl", "en"), mail: str | None = None
) -> Path:
    """The sample database in `folder`, its report in each language in `folder / lang`, and with `mail`
    that municipality's single Dutch file in `folder / "mail"`."""
    url = f"sqlite:///{folder / 'a11ycheck.db'}"
    ids = build_sample(url, folder / "charters")
    (folder / IDS_FILE).write_text(json.dumps(ids), encoding="utf-8")
    store = Store(url)
    charters = folder / "charters"
    requests = [ReportRequest(folder / lang, lang, charters_dir=charters, today=TODAY) for lang in langs]
    if mail:
        requests.append(ReportRequest(folder / "mail", "nl", mail, True, TODAY, charters))
    try:
        for request in requests:
            build_report(store, request)
    finally:
        store.close()
    return folder


def sample_ids(folder: Path) -> dict[str, int]:
    """The ids `build_sample` returned for the database build_sample_reports made in `folder`."""
    return json.loads((folder / IDS_FILE).read_text(encoding="utf-8"))


def add_reviewed_sample(store: Store, run_id: int, pages: list[str]) -> None:
    """A sample of the run (a11ycheck/review) whose hostile pages an advisor found failing 1.1.1: the
    organisation page's conformance section, with crawled text in it."""
    content = {
        "seed": 0,
        "pages": [{"url": url, "reasons": ["home"], "template": PAYLOAD} for url in pages],
        "missing": [PAYLOAD],
    }
    with store.session() as session:
        sample = ReviewSample(
            run_id=run_id, site_id=session.get(Run, run_id).site_id, seed=0, content=json.dumps(content)
        )
        session.add(sample)
        session.flush()
        review = ReviewImport(sample_id=sample.id, author=PAYLOAD, source=IMG_PAYLOAD, rows=len(pages))
        session.add(review)
        session.flush()
        session.add_all(
            ReviewVerdict(
                import_id=review.id, page_url=url, criterion="1.1.1", verdict="failed", note=PAYLOAD
            )
            for url in pages
        )
        session.commit()


# --- plain language: scores as the page observer stores them (a11ycheck/language/observer.py) ---------------


def leveled(level: str, flesch_douma: float, *longest: str) -> LanguageScore:
    return LanguageScore(
        lang="nl",
        lang_declared="nl",
        lang_detected="nl",
        words=180,
        sentences=9,
        avg_sentence_length=20.0,
        long_sentences=0.444,
        long_words=0.2,
        rare_words=0.1,
        flesch_douma=flesch_douma,
        level=level,
        longest_sentences=longest,
    )


TOO_SHORT = LanguageScore(lang="nl", words=40, sentences=4, flesch_douma=70.0, no_level_reason="too-short")
ENGLISH = LanguageScore(lang="en", lang_declared="en", lang_detected="en", no_level_reason="not-dutch")
LONG_SENTENCE = (
    "Overeenkomstig het reglement wordt de aanvraag, samen met de bewijsstukken, "
    "binnen dertig dagen ingediend."
)


def add_language_scores(store: Store, ids: dict[str, int]) -> None:
    """Gent: B1 or easier on 1 of 3 pages with a level in January, 2 of 3 in February (33,3% -> 66,7%); the
    hardest page's longest sentence is hostile in Antwerpen."""
    scores = {
        ids["gent_1"]: {
            f"{GENT}/": leveled("B2", 45.0),
            f"{GENT}/nieuws": leveled("B1", 70.0),
            f"{GENT}/contact": TOO_SHORT,
            f"{GENT}/wonen": leveled("C1", 15.0, LONG_SENTENCE),
        },
        ids["gent_2"]: {
            f"{GENT}/": leveled("B1", 65.0),
            f"{GENT}/nieuws": leveled("A2", 85.0),
            f"{GENT}/contact": TOO_SHORT,
            f"{GENT}/wonen": leveled("C1", 20.5, LONG_SENTENCE, "Kort."),
            f"{GENT}/nieuw": ENGLISH,
        },
        ids["antwerpen"]: {
            f"https://www.antwerpen.be/{IMG_PAYLOAD}": leveled(
                "C1", -3.5, f"{PAYLOAD} staat hier", IMG_PAYLOAD
            ),
        },
    }
    with store.session() as session:
        for run_id, pages in scores.items():
            session.add_all(language_row(run_id, url, score, "main") for url, score in pages.items())
        session.commit()


def fingerprints(store: Store, run_id: int) -> dict[str, tuple[str, str]]:
    from a11ycheck.models import Page

    with store.session() as session:
        rows = session.execute(
            select(ViolationNode.fingerprint, Violation.rule, Page.url)
            .join(Violation, Violation.id == ViolationNode.violation_id)
            .join(Page, Page.id == Violation.page_id)
            .where(Page.run_id == run_id)
        ).all()
    return {fingerprint: (rule, url) for fingerprint, rule, url in rows}
