"""The small database the report tests build from, written the way the crawler writes (Store.start_run,
save_pages, finish_run with the audit result dataclasses), with hostile titles, URLs and snippets.

test_report.py and test_report_browser.py import `build_sample`; the tests here check the sample itself,
so a report test failing is never a sample that does not say what the test assumes.
"""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update

from a11ycheck.audit.results import NodeResult, PageResult, ViolationResult
from a11ycheck.models import Document, ReportedUpdate, Run, Site, Violation, ViolationNode
from a11ycheck.store import PageRecord, Store

TODAY = date(2026, 3, 1)
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
    return ViolationResult(
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
    assign(store, "www.antwerpen.be", "antwerpen")

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


def test_sample_has_two_new_and_three_fixed_elements_for_gent(tmp_path):
    url = f"sqlite:///{tmp_path / 'sample.db'}"
    ids = build_sample(url, tmp_path / "charters")
    store = Store(url)
    before, after = fingerprints(store, ids["gent_1"]), fingerprints(store, ids["gent_2"])
    new = sorted(after[f] for f in set(after) - set(before))
    gone = sorted(before[f] for f in set(before) - set(after))
    assert new == [("image-alt", f"{GENT}/nieuw"), ("link-name", f"{GENT}/contact")]
    assert gone == [
        ("color-contrast", f"{GENT}/contact"),
        ("color-contrast", f"{GENT}/wonen"),
        ("image-alt", f"{GENT}/"),
    ]
