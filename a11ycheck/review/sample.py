"""The sample of the EU monitoring method (Implementing Decision (EU) 2018/1524, in-depth monitoring):

(a) the home, login, sitemap, contact, help and legal-information pages; (b) a page of each type of service
and search; (c) the accessibility statement and the feedback mechanism; (d) a page of each template (a
substantially different appearance or type of content); (e) a document of each type of service whose pages
link to documents; and (g) random pages, at least 10% of (a) to (f) and at least one.
(f), the pages the monitoring body adds by hand, is left to whoever holds the sample.

The same pages, documents, seed and per_template always give the same sample: inputs are sorted first and
the random pages are drawn with `random.Random(seed)`. docs/sample.md says how each part is chosen.
"""

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from a11ycheck.review.facts import DocumentFacts, PageFacts, usable_document, usable_page
from a11ycheck.review.roles import ROLES, SERVICE, RoleMatch, find_roles, is_html_page
from a11ycheck.review.templates import Template, cluster_pages, url_depth_key
from a11ycheck.urls import normalize_url

TEMPLATE = "template"
DOCUMENT = "document"
RANDOM = "random"
REASONS = (*ROLES, TEMPLATE, DOCUMENT, RANDOM)
RANDOM_SHARE = 0.10
SAMPLE_CSV_COLUMNS = ("sample", "run", "seed", "url", "reasons", "template")


@dataclass(frozen=True)
class SampledPage:
    """A page (or document) of the sample, the reasons it was chosen (in REASONS order), its template id
    (None for a document or a page of unknown structure) and the evidence for each reason."""

    url: str
    reasons: tuple[str, ...]
    template: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sample:
    """A sample: its pages in REASONS order, the roles not found, and how it was drawn."""

    seed: int
    per_template: int
    pages: tuple[SampledPage, ...]
    missing: tuple[str, ...]
    templates: tuple[Template, ...] = ()

    @property
    def urls(self) -> tuple[str, ...]:
        return tuple(page.url for page in self.pages)

    def page(self, url: str) -> SampledPage | None:
        return next((page for page in self.pages if page.url == url), None)

    def to_dict(
        self, sample_id: int | str | None = None, run_id: int | str | None = None, evidence: bool = False
    ) -> dict:
        """{"sample", "run", "seed", "pages": [{"url", "reasons", "template"}], "missing"}; the sample's id
        and run come from where it is stored. `evidence` adds each page's evidence (for a person)."""
        pages = []
        for page in self.pages:
            entry: dict = {"url": page.url, "reasons": list(page.reasons), "template": page.template}
            if evidence:
                entry["evidence"] = list(page.evidence)
            pages.append(entry)
        return {
            "sample": sample_id,
            "run": run_id,
            "seed": self.seed,
            "pages": pages,
            "missing": list(self.missing),
        }

    def csv_rows(
        self, sample_id: int | str | None = None, run_id: int | str | None = None
    ) -> list[dict[str, str]]:
        """One row per page with SAMPLE_CSV_COLUMNS; reasons separated by spaces."""
        return [
            {
                "sample": "" if sample_id is None else str(sample_id),
                "run": "" if run_id is None else str(run_id),
                "seed": str(self.seed),
                "url": page.url,
                "reasons": " ".join(page.reasons),
                "template": page.template or "",
            }
            for page in self.pages
        ]

    @classmethod
    def from_dict(cls, data: Mapping, per_template: int = 1) -> "Sample":
        """A sample back from `to_dict()` (as stored); ValueError when it is not one."""
        try:
            pages = tuple(
                SampledPage(
                    url=str(entry["url"]),
                    reasons=tuple(reason for reason in REASONS if reason in entry["reasons"]),
                    template=entry.get("template"),
                    evidence=tuple(entry.get("evidence") or ()),
                )
                for entry in data["pages"]
            )
            return cls(int(data["seed"]), per_template, pages, tuple(data.get("missing") or ()))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a stored sample: {exc}") from None


def build_sample(
    pages: Iterable[PageFacts],
    documents: Iterable[DocumentFacts],
    seed: int,
    per_template: int = 1,
    *,
    start_url: str | None = None,
) -> Sample:
    """The sample of a crawl's pages and documents (see the module's docstring). `start_url`, when given, is
    the home page's strongest evidence. ValueError when per_template is below 1."""
    if per_template < 1:
        raise ValueError(f"per_template must be 1 or more, not {per_template}")
    html = [page for page in _one_per_url(pages) if is_html_page(page)]
    documents = [document for document in map(usable_document, documents) if document]
    findings = find_roles(html, start_url)
    chosen = _Chosen()
    for role in ROLES:
        best = findings.best(role)
        if best:
            chosen.add(best.url, role, _said(best))
    for matches in findings.services.values():
        chosen.add(matches[0].url, SERVICE, _said(matches[0]))
    templates = cluster_pages((page.url, page.signature) for page in html)
    for template in templates:
        have = sum(url in chosen for url in template.pages)
        for url in template.pages:
            if have >= per_template:
                break
            if url not in chosen:
                chosen.add(
                    url,
                    TEMPLATE,
                    f"{TEMPLATE}: one of {len(template.pages)} pages built as {template.signature}",
                )
                have += 1
    _add_documents(chosen, findings.services, documents)
    wanted = max(1, math.ceil(len(chosen) * RANDOM_SHARE))
    pool = sorted((page.url for page in html if page.url not in chosen), key=url_depth_key)
    for url in sorted(random.Random(seed).sample(pool, min(wanted, len(pool))), key=url_depth_key):
        chosen.add(url, RANDOM, f"{RANDOM}: drawn with seed {seed}")
    missing = findings.missing + ((RANDOM,) if len(pool) < wanted else ())
    template_of = {url: template.id for template in templates for url in template.pages}
    return Sample(seed, per_template, chosen.pages(template_of), missing, tuple(templates))


class _Chosen:
    """Pages chosen so far, with their reasons and evidence, in the order they were first chosen."""

    def __init__(self) -> None:
        self._reasons: dict[str, list[str]] = {}
        self._evidence: dict[str, list[str]] = {}

    def __contains__(self, url: str) -> bool:
        return url in self._reasons

    def __len__(self) -> int:
        return len(self._reasons)

    def add(self, url: str, reason: str, evidence: str) -> None:
        reasons = self._reasons.setdefault(url, [])
        if reason not in reasons:
            reasons.append(reason)
        self._evidence.setdefault(url, []).append(evidence)

    def pages(self, template_of: Mapping[str, str]) -> tuple[SampledPage, ...]:
        pages = [
            SampledPage(
                url,
                tuple(reason for reason in REASONS if reason in reasons),
                template_of.get(url),
                tuple(self._evidence[url]),
            )
            for url, reasons in self._reasons.items()
        ]
        return tuple(
            sorted(pages, key=lambda page: (REASONS.index(page.reasons[0]), url_depth_key(page.url)))
        )


def _said(match: RoleMatch) -> str:
    kind = f"{match.role} ({match.service_type})" if match.service_type else match.role
    return f"{kind}: {'; '.join(match.evidence)}"


def _add_documents(
    chosen: _Chosen, services: Mapping[str, Sequence[RoleMatch]], documents: Iterable[DocumentFacts]
) -> None:
    """A document of each type of service whose pages link to documents: one linked from the service page
    in the sample when there is one, otherwise from another page of that type; the first by URL."""
    linked: dict[str, set[str]] = {}  # page -> documents it links to
    for document in sorted(documents, key=lambda document: document.url):
        for page in document.linked_from:
            linked.setdefault(_normalised(page), set()).add(document.url)
    for service_type, matches in services.items():
        sampled, others = matches[0].url, [match.url for match in matches[1:]]
        for page in (sampled, *sorted(others, key=url_depth_key)):
            found = sorted(linked.get(_normalised(page), ()))
            if not found:
                continue
            document = next((url for url in found if url in chosen), found[0])
            chosen.add(document, DOCUMENT, f"{DOCUMENT}: linked from {page} ({SERVICE}: {service_type})")
            break


def _one_per_url(pages: Iterable[PageFacts]) -> list[PageFacts]:
    """One PageFacts per URL, whatever the input's order: the first of each URL's facts in a total order."""
    unique: dict[str, PageFacts] = {}
    usable = (usable_page(page) for page in pages)
    for page in sorted((page for page in usable if page), key=lambda page: (page.url, repr(page))):
        unique.setdefault(page.url, page)
    return list(unique.values())


def _normalised(url: str) -> str:
    try:
        return normalize_url(url)
    except ValueError:
        return url
