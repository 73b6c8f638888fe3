"""Pages and crawls the statement tests share: a Dutch statement after the Flemish model in our own words,
pages that only talk about accessibility, and a crawl written the way the recorder writes it (pages with the
statement observer's rows), so the observer's end-of-run step can be run on it without a browser."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from a11ycheck.page_observers import RunContext
from a11ycheck.statements.observer import NAME, StatementObserver
from a11ycheck.store import PageRecord, Store
from a11ycheck.vocabulary.results import PageResult, RenderedPage, RuleResult

FOOTER = (
    '<footer><nav aria-label="Voettekst"><ul><li><a href="/toegankelijkheidsverklaring">'
    'Toegankelijkheidsverklaring</a></li><li><a href="/privacy">Privacy</a></li></ul></nav></footer>'
)


def statement_html(
    *,
    status: str = "gedeeltelijk in overeenstemming met",
    prepared: str = "12 januari 2026",
    reviewed: str | None = None,
    feedback: bool = True,
    enforcement: bool = True,
    listed: bool = True,
    footer: str = "",
) -> str:
    """A statement of the fictitious Gemeente Proefdorp: parts can be left out to plant problems."""
    parts = [
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">',
        "<title>Toegankelijkheidsverklaring | Gemeente Proefdorp</title></head><body>",
        "<main><h1>Toegankelijkheidsverklaring</h1><p>Gemeente Proefdorp wil dat iedereen haar website "
        "vlot kan gebruiken, ook wie met een beperking leeft.</p>",
        f"<h2>Nalevingsstatus</h2><p>Deze website is {status} de WCAG 2.1, niveau AA.</p>",
    ]
    if listed:
        parts.append(
            "<h2>Niet-toegankelijke inhoud</h2><p>De inhoud hieronder is om de volgende redenen niet "
            "toegankelijk.</p><h3>Niet-naleving van de toegankelijkheidsvoorschriften</h3><ul>"
            "<li>Sommige foto's in de nieuwsberichten hebben geen tekstalternatief (WCAG 1.1.1).</li>"
            "<li>Het zoekveld heeft geen zichtbaar label (WCAG 4.1.2).</li></ul>"
            "<h2>Toegankelijke alternatieven</h2><p>Vraag de inhoud aan de balie; wij sturen ze u als gewone "
            "tekst.</p>"
        )
    dates = f"Deze verklaring werd opgesteld op {prepared} na een zelfevaluatie door de dienst communicatie."
    if reviewed:
        dates += f" Ze werd het laatst herzien op {reviewed}."
    parts.append(f"<h2>Opstelling van deze toegankelijkheidsverklaring</h2><p>{dates}</p>")
    if feedback:
        parts.append(
            "<h2>Feedback en contactgegevens</h2><p>Botst u op een probleem? Mail ons via "
            '<a href="mailto:digitaal@proefdorp.example">digitaal@proefdorp.example</a>.</p>'
        )
    if enforcement:
        parts.append(
            "<h2>Handhavingsprocedure</h2><p>Bent u niet tevreden met ons antwoord, dan kunt u een klacht "
            "indienen bij de Vlaamse Ombudsdienst.</p>"
        )
    parts.append(f"</main>{footer}</body></html>")
    return "".join(parts)


def plain_page(title: str, body: str = "", footer: str = FOOTER) -> str:
    return (
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<main><h1>{title}</h1>{body}</main>{footer}</body></html>"
    )


# A page that talks about accessibility (of buildings) and is no statement.
BUILDINGS_PAGE = plain_page(
    "Toegankelijkheid",
    "<p>Het gemeentehuis heeft een hellend vlak aan de zij-ingang en een lift naar de raadzaal.</p>"
    "<p>Parkeerplaatsen voor mensen met een handicap vindt u op het Marktplein.</p>"
    "<p>Vragen? Bel het onthaal op 050 12 34 56.</p>",
)


@dataclass
class CrawledPage:
    """A page as the crawl audited it: its links as the collector gave them."""

    path: str
    title: str = "Pagina"
    links: list[tuple[str, str, str]] = field(default_factory=list)
    depth: int = 1
    status: str = "ok"
    violations: list[RuleResult] = field(default_factory=list)
    redirect_to: str | None = None


def record_crawl(store: Store, base: str, pages: Iterable[CrawledPage], observer=None) -> int:
    """A crawl of `base` written as the recorder writes it: each page with the observer's rows."""
    observer = observer or StatementObserver()
    run = store.start_run("crawl", f"{base}/", {}, "4.14.1")
    batch, rows = [], []
    for page in pages:
        url = f"{base}{page.path}"
        record = PageRecord(url=url, depth=page.depth, redirect_to=page.redirect_to)
        result = PageResult(
            url=url,
            status=page.status,
            title=page.title,
            violations=page.violations,
            collected={NAME: {"links": [list(link) for link in page.links], "scanned": len(page.links)}},
        )
        batch.append((record, result))
        rows += observer.rows(run.id, record, result)
    store.save_pages(run.id, batch, rows)
    store.finish_run(run.id, "completed")
    return run.id


@dataclass
class FakeBrowser:
    """Renders pages from a dict (path -> html, or a RenderedPage for a failure) and notes what it loaded."""

    base: str
    pages: dict[str, str | RenderedPage]
    loaded: list[str] = field(default_factory=list)

    def render(self, url: str) -> RenderedPage:
        self.loaded.append(url)
        found = self.pages.get(url.removeprefix(self.base))
        if isinstance(found, RenderedPage):
            return found
        if found is None:
            return RenderedPage(url, "http-404", url, "", "the page answered HTTP 404")
        return RenderedPage(url, "ok", url, found)


def finish_crawl(
    store: Store, run_id: int, base: str, render: Callable[[str], RenderedPage], kind: str = "crawl"
) -> None:
    """The observer's end-of-run step, as runs.py calls it after a completed crawl."""
    pages, _ = store.recorded_urls(run_id)
    context = RunContext(
        run_id, kind, f"{base}/" if kind == "crawl" else None, store, render, frozenset(pages)
    )
    StatementObserver().finish(context)


def footer_link(base: str, path: str = "/toegankelijkheidsverklaring") -> tuple[str, str, str]:
    return ("Toegankelijkheidsverklaring", "Toegankelijkheidsverklaring", f"{base}{path}")
