"""A stored sample as the `sample` command prints it: JSON, CSV, or a small HTML page for a person (every
crawled text escaped by Jinja2, no script)."""

import csv
import io
import json

from a11ycheck.review.html_output import environment
from a11ycheck.review.sample import SAMPLE_CSV_COLUMNS
from a11ycheck.review.sampling import StoredSample
from a11ycheck.review.statement import is_http_url

FORMATS = ("json", "csv", "html")
LANGUAGES = ("nl", "en")
_WORDS = {
    "nl": {
        "title": "Steekproef",
        "site": "Website",
        "run": "Crawl",
        "seed": "Seed",
        "per_template": "Pagina's per sjabloon",
        "drawn": "Getrokken op",
        "unknown": "onbekend",
        "reasons_intro": "Elke pagina staat in de steekproef om de redenen ernaast (EU-monitoringmethode, "
        "uitvoeringsbesluit 2018/1524): home, login, sitemap, contact, help, legal, search, service, "
        "statement, feedback, template (een sjabloon), document en random (willekeurig).",
        "caption": "De {n} pagina's en documenten van de steekproef",
        "page": "Pagina",
        "reasons": "Redenen",
        "template": "Sjabloon",
        "evidence": "Waarom",
        "missing": "Niet gevonden",
        "missing_intro": "Geen enkele gecrawlde pagina toonde deze rollen; ze zijn niet geraden. Voeg ze "
        "zelf toe als de site ze toch heeft.",
        "none_missing": "Elke rol werd gevonden.",
    },
    "en": {
        "title": "Sample",
        "site": "Website",
        "run": "Crawl",
        "seed": "Seed",
        "per_template": "Pages per template",
        "drawn": "Drawn on",
        "unknown": "unknown",
        "reasons_intro": "Each page is in the sample for the reasons beside it (EU monitoring method, "
        "Implementing Decision 2018/1524): home, login, sitemap, contact, help, legal, search, service, "
        "statement, feedback, template, document and random.",
        "caption": "The {n} pages and documents of the sample",
        "page": "Page",
        "reasons": "Reasons",
        "template": "Template",
        "evidence": "Why",
        "missing": "Not found",
        "missing_intro": "No crawled page showed these roles; they were not guessed. Add them by hand if the "
        "site has them after all.",
        "none_missing": "Every role was found.",
    },
}


def render_sample(stored: StoredSample, fmt: str, *, evidence: bool = False, lang: str = "nl") -> str:
    """The sample as `fmt`: json (`evidence` adds each page's evidence), csv, or html (in `lang`)."""
    if fmt == "json":
        return json.dumps(stored.to_dict(evidence=evidence), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=SAMPLE_CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(stored.csv_rows())
        return out.getvalue()
    if fmt == "html":
        return sample_html(stored, lang)
    raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")


def sample_html(stored: StoredSample, lang: str = "nl") -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}: expected nl or en")
    pages = [
        {
            "url": page.url,
            "link": is_http_url(page.url),
            "reasons": page.reasons,
            "template": page.template,
            "evidence": page.evidence,
        }
        for page in stored.sample.pages
    ]
    return (
        environment()
        .get_template("sample.html")
        .render(
            lang=lang,
            t=_WORDS[lang],
            sample=stored,
            site=stored.site_url,
            drawn=f"{stored.created_at:%Y-%m-%d %H:%M} UTC",
            pages=pages,
            missing=stored.sample.missing,
        )
    )
