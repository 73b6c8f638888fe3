"""A generated municipal website of any size (30 to 50,000+ pages), served on loopback, for benchmarks.

    .venv/bin/python -m bench.site_generator --pages 5000 --port 8800
    .venv/bin/python -m bench.site_generator --pages 300 --urls-file /tmp/urls.txt   # list the pages, exit

The site is a pure function of (pages, seed, defect rates): every page is generated when requested and is
the same bytes every time. It looks like a Flemish municipality's site: a home page, contact,
accessibility statement and privacy pages, eight sections (news, housing, e-loket forms, leisure events,
council decisions, mobility maps, welfare, education) with an index, archive pages of 40 links and the
leaf pages. Leaves carry images, tables, forms, PDF links and iframes (a map or a video, served at
`/ingesloten/...`, not linked, so not pages). A crawler finds every page within depth 3 from the home page
(home -> section -> archive -> page), and all of them in `/sitemap.xml` (a sitemap index).

Documents: one distinct PDF per `pages_per_document` pages (20 by default), each leaf linking up to two; by
default a few bytes that are no real PDF, with `real_documents` a real one (the documents wing's generator:
2 to 30 pages, tagged or not, seeded by its number), for the documents benchmark.

URLs carry no digits (a leaf is `/nieuws/heraanleg-kerkstraat-baac`), so a11ycheck's trap guard (50 URLs
per digit pattern) does not cut the crawl short. Each page gets each defect of `DEFAULT_DEFECT_RATES` with
that probability (seeded by its path); `MunicipalSite.defects(path)` says which, so an audit can be checked
against what was planted. `--huge-pages K` turns K council-decision pages into tables of about 30,000
elements, the pages axe cannot finish within its time limit.
"""

import argparse
import random
import string
import struct
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

from a11ycheck.http_serving import QuietHTTPServer, ServedSite, serve_until_interrupted
from bench import site_pages as html

SITE_NAME = "Gemeente Voorbeeld"
# (slug, title, kind, share of the leaf pages)
SECTIONS = (
    ("nieuws", "Nieuws", "news", 0.30),
    ("wonen", "Wonen en verbouwen", "service", 0.12),
    ("e-loket", "E-loket", "form", 0.10),
    ("vrije-tijd", "Vrije tijd", "event", 0.14),
    ("bestuur", "Bestuur en beleid", "decisions", 0.10),
    ("mobiliteit", "Mobiliteit en openbaar domein", "map", 0.08),
    ("welzijn", "Welzijn en gezondheid", "service", 0.08),
    ("onderwijs", "Onderwijs en kinderopvang", "service", 0.08),
)
FIXED_PAGES = (
    ("/contact", "Contact"),
    ("/toegankelijkheid", "Toegankelijkheidsverklaring"),
    ("/privacy", "Privacyverklaring"),
)
# Defects planted per page, with their probability; the axe rule each one breaks is its key.
DEFAULT_DEFECT_RATES = {
    "image-alt": 0.15,  # a content image without alt (pages with an image)
    "label": 0.10,  # a form field without label (the newsletter box, or one e-loket field)
    "color-contrast": 0.20,  # a grey notice on white
    "link-name": 0.08,  # an icon-only link in the footer
    "button-name": 0.05,  # the search button without text
    "frame-title": 0.30,  # an iframe without title (pages with an iframe)
    "html-has-lang": 0.01,  # no lang on <html>
    "list": 0.05,  # a <div> directly inside a <ul>
}
LIST_SIZE = 40  # links on an archive page
MENU_LINKS = 8  # pages of each section in the mega menu and the footer
MIN_PAGES = 12 + 2 * len(SECTIONS)
HUGE_ROWS = 5000  # rows of a huge council-decision table: ~30,000 elements
DOCUMENTS_PER_PAGE = 20  # one distinct PDF per this many pages


def letters(number: int, width: int = 4) -> str:
    """`number` in base 26 with letters only, so URLs carry no digit runs."""
    out = []
    for _ in range(width):
        number, digit = divmod(number, 26)
        out.append(string.ascii_lowercase[digit])
    if number:
        raise ValueError("number too large for its width")
    return "".join(reversed(out))


@dataclass(frozen=True, slots=True)
class PageRef:
    path: str
    kind: str  # home, fixed, section, archive, or a section's leaf kind
    title: str
    section: int = -1
    index: int = 0  # archive number or leaf number within its section


@dataclass
class MunicipalSite:
    """Every page of one generated site: paths, titles, planted defects, and the HTML of each page."""

    pages: int
    seed: int = 1
    defect_rates: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_DEFECT_RATES))
    huge_pages: int = 0
    pages_per_document: int = DOCUMENTS_PER_PAGE
    real_documents: bool = False

    def __post_init__(self) -> None:
        if self.pages < MIN_PAGES:
            raise ValueError(f"a generated site has at least {MIN_PAGES} pages")
        self._refs: list[PageRef] = [PageRef("/", "home", SITE_NAME)]
        self._refs += [PageRef(path, "fixed", title) for path, title in FIXED_PAGES]
        self._refs += [
            PageRef(f"/{slug}/", "section", title, s) for s, (slug, title, _, _) in enumerate(SECTIONS)
        ]
        self.leaves: list[list[PageRef]] = []
        self.archives: list[list[PageRef]] = []
        for s, share in enumerate(self._section_sizes(self.pages - len(self._refs))):
            slug, title, kind, _ = SECTIONS[s]
            archive_count = -(-share // (LIST_SIZE + 1))
            archives = [
                PageRef(f"/{slug}/archief-{letters(a, 2)}", "archive", f"{title}: overzicht {a + 1}", s, a)
                for a in range(archive_count)
            ]
            leaves = [self._leaf(s, i) for i in range(share - archive_count)]
            self.archives.append(archives)
            self.leaves.append(leaves)
            self._refs += archives + leaves
        self._by_path = {ref.path: ref for ref in self._refs}
        self._menu = [
            ((f"/{slug}/", title), [(leaf.path, leaf.title) for leaf in self.leaves[s][:MENU_LINKS]])
            for s, (slug, title, _, _) in enumerate(SECTIONS)
        ]
        decisions = self.leaves[[kind for _, _, kind, _ in SECTIONS].index("decisions")]
        step = max(1, len(decisions) // max(1, self.huge_pages))
        self.huge = {decisions[i].path for i in range(0, len(decisions), step)[: self.huge_pages]}

    def _section_sizes(self, remaining: int) -> list[int]:
        sizes = [int(remaining * share) for *_, share in SECTIONS]
        for s in range(remaining - sum(sizes)):
            sizes[s % len(sizes)] += 1
        return sizes

    def _leaf(self, section: int, index: int) -> PageRef:
        slug, _, kind, _ = SECTIONS[section]
        rng = random.Random(f"{self.seed}:{slug}:{index}")
        subject, place = html.title_words(rng)
        title = f"{subject.capitalize()} {place.capitalize()}"
        return PageRef(f"/{slug}/{subject}-{place}-{letters(index)}", kind, title, section, index)

    # -- what is there ------------------------------------------------------------------------

    def paths(self) -> list[str]:
        """Every HTML page, home first, then by depth: what a complete crawl finds."""
        return [ref.path for ref in self._refs]

    def urls(self, base_url: str) -> list[str]:
        return [base_url.rstrip("/") + path for path in self.paths()]

    def defects(self, path: str) -> frozenset[str]:
        """The axe rules this page was made to fail (empty for a clean page)."""
        ref = self._by_path[path]
        rng = random.Random(f"{self.seed}:defects:{path}")
        planted = {rule for rule, rate in self.defect_rates.items() if rng.random() < rate}
        if not self._has_image(ref):
            planted.discard("image-alt")
        if not self._has_iframe(ref):
            planted.discard("frame-title")
        return frozenset(planted)

    def documents(self) -> list[str]:
        return [f"/documenten/{self._document(i)[0]}" for i in range(self._document_count())]

    def _has_image(self, ref: PageRef) -> bool:
        return ref.kind in ("home", "news", "event", "service")

    def _has_iframe(self, ref: PageRef) -> bool:
        return ref.kind == "map" or (ref.kind in ("news", "event") and ref.index % 5 == 0)

    def _document_count(self) -> int:
        return max(4, self.pages // self.pages_per_document)

    def _document(self, number: int) -> tuple[str, str]:
        rng = random.Random(f"{self.seed}:document:{number}")
        subject, place = html.title_words(rng)
        return f"{subject}-{place}-{letters(number)}.pdf", f"{subject.capitalize()} {place.capitalize()}"

    # -- rendering ----------------------------------------------------------------------------

    def render(self, path: str, base_url: str) -> tuple[int, str, bytes]:
        """(HTTP status, content type, body) for any path of the site served at `base_url`."""
        sitemap = self._sitemap(path, base_url)
        if sitemap is not None:
            return 200, "application/xml; charset=utf-8", sitemap
        if path == "/robots.txt":
            robots = f"User-agent: *\nDisallow: /zoeken\nSitemap: {base_url}/sitemap.xml\n"
            return 200, "text/plain; charset=utf-8", robots.encode()
        if path == "/static/gemeente.css":
            return 200, "text/css; charset=utf-8", html.CSS.encode()
        if path == "/static/gemeente.js":
            return 200, "text/javascript; charset=utf-8", html.JS.encode()
        if path.startswith("/beelden/") and path.endswith(".png"):
            return 200, "image/png", _png(sum(path.encode()) % 8)
        if path.startswith("/documenten/") and path.endswith(".pdf"):
            if self.real_documents:
                return _real_pdf(self.seed, path)
            return 200, "application/pdf", b"%PDF-1.4\n% generated\n%%EOF\n"
        if path.startswith("/ingesloten/"):
            kind = "kaart" if path.startswith("/ingesloten/kaart-") else "video"
            return 200, "text/html; charset=utf-8", html.embed_document(kind, random.Random(path)).encode()
        ref = self._by_path.get(path)
        if ref is None:
            return (
                404,
                "text/html; charset=utf-8",
                b'<!DOCTYPE html><html lang="nl"><title>Niet gevonden</title>',
            )
        return 200, "text/html; charset=utf-8", self._page(ref).encode()

    def _sitemap(self, path: str, base_url: str) -> bytes | None:
        """`/sitemap.xml` (an index) and its parts `/sitemap-xxxx.xml` of 5,000 URLs each."""
        chunk = 5000
        paths = self.paths()
        if path == "/sitemap.xml":
            parts = "".join(
                f"<sitemap><loc>{base_url}/sitemap-{letters(n)}.xml</loc></sitemap>"
                for n in range(-(-len(paths) // chunk))
            )
            return f'{_XML}<sitemapindex xmlns="{_SITEMAP_NS}">{parts}</sitemapindex>'.encode()
        if path.startswith("/sitemap-") and path.endswith(".xml"):
            try:
                number = _from_letters(path[len("/sitemap-") : -len(".xml")])
            except ValueError:
                return None
            locs = "".join(
                f"<url><loc>{base_url}{p}</loc></url>" for p in paths[number * chunk : (number + 1) * chunk]
            )
            if not locs:
                return None
            return f'{_XML}<urlset xmlns="{_SITEMAP_NS}">{locs}</urlset>'.encode()
        return None

    def _page(self, ref: PageRef) -> str:
        rng = random.Random(f"{self.seed}:page:{ref.path}")
        defects = self.defects(ref.path)
        breadcrumb = [("/", "Home")]
        if ref.section >= 0:
            breadcrumb.append((f"/{SECTIONS[ref.section][0]}/", SECTIONS[ref.section][1]))
        if ref.kind not in ("home", "fixed", "section", "archive"):
            archive = self.archives[ref.section][ref.index // LIST_SIZE]
            breadcrumb.append((archive.path, archive.title))
        body = self._body(ref, rng, defects)
        aside = self._aside(ref, rng, defects)
        return html.page(
            title=ref.title,
            site_name=SITE_NAME,
            menu=self._menu,
            breadcrumb=breadcrumb,
            body=body,
            aside=aside,
            defects=defects,
        )

    def _aside(self, ref: PageRef, rng: random.Random, defects: frozenset[str]) -> str:
        section = ref.section if ref.section >= 0 else 0
        related = rng.sample(self.leaves[section], min(5, len(self.leaves[section])))
        items = "".join(f'<li><a href="{leaf.path}">{leaf.title}</a></li>' for leaf in related)
        return (
            f"<section><h2>Lees ook</h2>{html.heading_list(defects, items)}</section>"
            + html.newsletter_form(defects)
        )

    def _body(self, ref: PageRef, rng: random.Random, defects: frozenset[str]) -> str:
        top = f"<h1>{ref.title}</h1>" + html.contrast_notice(rng, defects)
        if ref.kind == "home":
            return top + self._home(rng, defects)
        if ref.kind == "fixed":
            return top + "".join(
                f"<h2>{html.sentence(rng)}</h2><p>{html.paragraph(rng)}</p>" for _ in range(4)
            )
        if ref.kind == "section":
            return top + self._section_index(ref, rng, defects)
        if ref.kind == "archive":
            return top + self._archive(ref, rng, defects)
        return top + self._leaf_body(ref, rng, defects)

    def _home(self, rng: random.Random, defects: frozenset[str]) -> str:
        tiles = "".join(
            f'<li><a href="{leaves[0].path}">{leaves[0].title}</a></li>' for leaves in self.leaves if leaves
        )
        news = "".join(
            f'<li><h3><a href="{leaf.path}">{leaf.title}</a></h3><p>{html.sentence(rng)}</p></li>'
            for leaf in self.leaves[0][:8]
        )
        return (
            html.figure(rng, "/beelden/dorpsplein.png", defects, "Het dorpsplein")
            + f'<section><h2>Snel naar</h2><ul class="tegels">{tiles}</ul></section>'
            + f"<section><h2>Laatste nieuws</h2><ul>{news}</ul></section>"
        )

    def _section_index(self, ref: PageRef, rng: random.Random, defects: frozenset[str]) -> str:
        archives = "".join(f'<li><a href="{a.path}">{a.title}</a></li>' for a in self.archives[ref.section])
        featured = "".join(
            f'<li><a href="{leaf.path}">{leaf.title}</a></li>' for leaf in self.leaves[ref.section][:6]
        )
        return (
            f"<p>{html.paragraph(rng)}</p><h2>In de kijker</h2><ul>{featured}</ul>"
            f"<h2>Alle pagina's</h2><ul>{archives}</ul>"
        )

    def _archive(self, ref: PageRef, rng: random.Random, defects: frozenset[str]) -> str:
        leaves = self.leaves[ref.section][ref.index * LIST_SIZE : (ref.index + 1) * LIST_SIZE]
        items = "".join(
            f'<li><h2><a href="{leaf.path}">{leaf.title}</a></h2><p class="meta">{html.date_text(rng)[1]}</p>'
            f"<p>{html.sentence(rng)}</p></li>"
            for leaf in leaves
        )
        archives = self.archives[ref.section]
        pager = "".join(
            f'<li><a href="{archives[a].path}">{a + 1}</a></li>'
            for a in sorted({0, ref.index - 1, ref.index + 1, len(archives) - 1})
            if 0 <= a < len(archives) and a != ref.index
        )
        return f'<ul>{items}</ul><nav aria-label="Paginering"><ul class="pager">{pager}</ul></nav>'

    def _leaf_body(self, ref: PageRef, rng: random.Random, defects: frozenset[str]) -> str:
        iso, written = html.date_text(rng)
        parts = [f'<p class="meta">Gepubliceerd op <time datetime="{iso}">{written}</time></p>']
        if self._has_image(ref):
            parts.append(html.figure(rng, f"/beelden/{ref.path.rsplit('/', 1)[1]}.png", defects, ref.title))
        for _ in range(rng.randrange(3, 7)):
            other = rng.choice(self.leaves[ref.section])
            parts.append(f'<p>{html.paragraph(rng)} Lees ook <a href="{other.path}">{other.title}</a>.</p>')
        if self._has_iframe(ref):
            kind = "kaart" if ref.kind in ("map", "event") else "video"
            parts.append(
                html.iframe(f"/ingesloten/{kind}-{letters(ref.index)}", defects, f"{kind} bij {ref.title}")
            )
        steps = "".join(f"<li>{html.sentence(rng)}</li>" for _ in range(4))
        if ref.kind == "service":
            rows = [[html.sentence(rng)[:40], f"{rng.randrange(5, 150)} euro"] for _ in range(6)]
            parts += [
                f"<h2>Wat moet je doen?</h2><ol>{steps}</ol>",
                html.table(rows, ["Wat", "Kostprijs"], "Tarieven"),
            ]
        elif ref.kind == "form":
            parts.append(html.application_form(rng, defects))
        elif ref.kind == "event":
            rows = [
                ["Datum", written],
                ["Locatie", rng.choice(html.PLACES).capitalize()],
                ["Prijs", "gratis"],
            ]
            parts.append(html.table(rows, ["Wat", "Praktisch"], "Praktische informatie"))
        elif ref.kind == "decisions":
            count = HUGE_ROWS if ref.path in self.huge else rng.randrange(15, 40)
            rows = [
                [
                    letters(r, 3).upper(),
                    html.sentence(rng),
                    rng.choice(("goedgekeurd", "uitgesteld")),
                    "<a href='#'>besluit</a>",
                ]
                for r in range(count)
            ]
            parts.append(html.table(rows, ["Punt", "Onderwerp", "Beslissing", "Tekst"], "Besluitenlijst"))
        documents = [
            self._document(rng.randrange(self._document_count())) for _ in range(rng.randrange(0, 3))
        ]
        if documents:
            parts.append(html.documents_list([(f"/documenten/{name}", text) for name, text in documents]))
        return "".join(parts)


_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XML = '<?xml version="1.0" encoding="UTF-8"?>'


def _from_letters(text: str) -> int:
    if not text or any(c not in string.ascii_lowercase for c in text):
        raise ValueError(text)
    number = 0
    for c in text:
        number = number * 26 + string.ascii_lowercase.index(c)
    return number


@cache
def _real_pdf(seed: int, path: str) -> tuple[int, str, bytes]:
    """A real PDF for a document path: 2 to 30 pages, tagged or not (the checks have work to do)."""
    from a11ycheck.documents.samples_pdf import PdfSpec, build_pdf

    rng = random.Random(f"{seed}:pdf:{path}")
    title = path.rsplit("/", 1)[1].removesuffix(".pdf").replace("-", " ").capitalize()
    pages = rng.randrange(2, 31)
    spec = PdfSpec(title=title, heading=title, pages=pages, tagged=rng.random() < 0.6, outline=pages > 20)
    return 200, "application/pdf", build_pdf(spec)


@cache
def _png(shade: int) -> bytes:
    """A small solid-colour PNG (64x36), one of eight shades."""
    width, height = 64, 36
    colour = bytes((90 + shade * 20, 140, 200 - shade * 15))
    raw = b"".join(b"\x00" + colour * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


# What a page's browser fetches beside the page; everything else (pages, robots.txt, sitemaps, documents)
# is fetched through the crawl's per-host slot.
SUBRESOURCES = ("/static/", "/beelden/", "/ingesloten/")


class RequestCounter:
    """Requests the server is answering at this moment, and the most it ever answered at once: all of them,
    and those outside SUBRESOURCES (what a crawl's per-host concurrency limits). A request counts from its
    arrival until its answer is ready to send, not until it is sent: a client may send its next request as
    soon as it has read the last byte, before the server's thread has returned from writing it. Each answer
    can be held back `delay` seconds, so that requests sent together overlap on the server."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.requests = 0
        self.active = self.peak = 0
        self.active_crawl = self.peak_crawl = 0
        self._lock = threading.Lock()

    @contextmanager
    def answering(self, path: str) -> Iterator[None]:
        crawl = not path.startswith(SUBRESOURCES)
        with self._lock:
            self.requests += 1
            self.active += 1
            self.peak = max(self.peak, self.active)
            if crawl:
                self.active_crawl += 1
                self.peak_crawl = max(self.peak_crawl, self.active_crawl)
        try:
            if self.delay:
                time.sleep(self.delay)
            yield
        finally:
            with self._lock:
                self.active -= 1
                self.active_crawl -= crawl


class _SiteHandler(BaseHTTPRequestHandler):
    server: QuietHTTPServer  # with `site` and `counter` (SiteServer.bind)
    protocol_version = "HTTP/1.1"
    server_version = "GeneratedMunicipality/1.0"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: benchmarks make thousands of requests."""

    def _respond(self, send_body: bool) -> None:
        path = urlsplit(self.path).path
        with self.server.counter.answering(path):
            status, content_type, body = self.server.site.render(path, self.server.base_url)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if path.startswith(("/static/", "/beelden/")):
            self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class SiteServer(ServedSite):
    """A generated site on a background thread; a context manager, like the demo's DemoServer. `counter`
    tells how many requests it answered at once (RequestCounter)."""

    def __init__(self, site: MunicipalSite, host: str = "127.0.0.1", port: int = 0, delay: float = 0.0):
        super().__init__(_SiteHandler, host, port)
        self.site = site
        self.counter = RequestCounter(delay)

    def bind(self) -> QuietHTTPServer:
        httpd = super().bind()
        httpd.site = self.site
        httpd.counter = self.counter
        return httpd


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.site_generator", description=__doc__.split("\n\n")[0].strip()
    )
    parser.add_argument("--pages", type=int, default=5000, help="HTML pages in the site (default 5000)")
    parser.add_argument("--port", type=int, default=8800, help="loopback port (0: any free port)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--huge-pages", type=int, default=0, help="council pages with ~30,000 elements")
    parser.add_argument("--urls-file", help="write the page URLs (for this port) to this file and exit")
    args = parser.parse_args(argv)
    try:
        site = MunicipalSite(args.pages, seed=args.seed, huge_pages=args.huge_pages)
    except ValueError as exc:
        parser.error(str(exc))
    if args.urls_file:
        with open(args.urls_file, "w", encoding="utf-8") as handle:
            handle.writelines(url + "\n" for url in site.urls(f"http://127.0.0.1:{args.port}"))
        return 0
    serve_until_interrupted(SiteServer(site, port=args.port).bind(), f"{len(site.paths())} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
