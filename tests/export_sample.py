"""A JSON export (a11ycheck.export.run_as_dict, with needs_review, passed_rules and inapplicable_rules per
page) of a fictitious municipality, written by hand for the EARL and SARIF tests: four pages, a failure
inside an iframe and one inside a shadow root, elements that need review, a page that timed out, and
strings a hostile site could put in a title, a selector or an element."""

import copy

HELP = "https://dequeuniversity.com/rules/axe/4.14/{}?application=axeAPI"

HOSTILE_TITLE = 'Afvalkalender "2026" <script>alert(\'x\')</script> & {"@id": "_:page-1"} \u2028 ü'
HOSTILE_HTML = '<input id="q" placeholder="Zoek &amp; vind" onfocus="alert(1)" data-x="{{7*7}}">'
HOSTILE_SUMMARY = 'Los één van de volgende op:\n  Formulierelement heeft geen label "zichtbaar" <b>'


def _rule(rule, impact, level, wcag, version, tags, help_text, nodes):
    return {
        "rule": rule,
        "impact": impact,
        "level": level,
        "wcag": wcag,
        "wcag_version": version,
        "tags": tags,
        "help": help_text,
        "help_url": HELP.format(rule),
        "nodes": [
            {"target": target, "html": html, "failure_summary": summary, "fingerprint": fingerprint}
            for target, html, summary, fingerprint in nodes
        ],
    }


IMAGE_ALT = _rule(
    "image-alt",
    "critical",
    "A",
    ["1.1.1"],
    "2.0",
    ["cat.text-alternatives", "wcag2a", "wcag111", "section508", "EN-301-549", "ACT"],
    "Afbeeldingen moeten een alternatieve tekst hebben",
    [
        (
            ["main > .banner > img"],
            '<img src="/beelden/markt.jpg">',
            "Los één van de volgende op:\n  Element heeft geen alt-attribuut",
            "6f1c0a9e2b7d4c3a",
        ),
        (
            ['iframe[title="Kaart van de gemeente"]', "img.marker"],
            '<img class="marker" src="pin.png">',
            "Los één van de volgende op:\n  Element heeft geen alt-attribuut",
            "a41e77b09c2d5f10",
        ),
    ],
)
CONTRAST = _rule(
    "color-contrast",
    "serious",
    "AA",
    ["1.4.3"],
    "2.0",
    ["cat.color", "wcag2aa", "wcag143", "EN-301-549", "ACT"],
    "Elementen moeten voldoende kleurcontrast hebben",
    [
        (
            [".openingsuren > p"],
            '<p style="color:#999">Open van 9 tot 12 uur</p>',
            "Los op:\n  Contrast 2.85 (voorgrond #999999, achtergrond #ffffff)",
            "0b8d3e5512aa6c71",
        )
    ],
)
CONTRAST_REVIEW = _rule(
    "color-contrast",
    "serious",
    "AA",
    ["1.4.3"],
    "2.0",
    ["cat.color", "wcag2aa", "wcag143", "EN-301-549", "ACT"],
    "Elementen moeten voldoende kleurcontrast hebben",
    [
        (
            [".hero h1"],
            "<h1>Welkom in Voorbeeld</h1>",
            "Los op:\n  De achtergrond is een afbeelding: bepaal het contrast zelf",
            "c2f0aa19d8e4b3e6",
        ),
        (
            [".hero .ondertitel"],
            '<p class="ondertitel">Samen maken we de gemeente</p>',
            "Los op:\n  De achtergrond is een afbeelding: bepaal het contrast zelf",
            "d91b04c6e7a25f38",
        ),
    ],
)
LABEL = _rule(
    "label",
    "critical",
    "A",
    ["4.1.2"],
    "2.0",
    ["cat.forms", "wcag2a", "wcag412", "EN-301-549", "ACT", "ACT"],  # a tag twice, as a hostile export might
    "Formulierelementen moeten een label hebben",
    [([["gem-zoekvak", "input#q"]], HOSTILE_HTML, HOSTILE_SUMMARY, "5e0f9d2c8b1a7e44")],
)
FRAME_TESTED = _rule(
    "frame-tested",
    "critical",
    "best-practice",
    [],
    None,
    ["cat.structure", "best-practice", "review-item"],
    "Frames moeten met axe-core getest worden",
    [
        (
            ['iframe[src*="formulieren.extern.example"]'],
            '<iframe src="https://formulieren.extern.example/melding"></iframe>',
            "Los op:\n  axe kon dit frame niet bereiken",
            "17c3b8e0f2d94a65",
        )
    ],
)

SAMPLE_EXPORT = {
    "run": {
        "id": 7,
        "kind": "crawl",
        "start_url": "https://www.gemeente-voorbeeld.be/",
        "status": "completed",
        "started_at": "2026-11-30T08:00:00.123456",
        "finished_at": "2026-11-30T08:04:10.500000+00:00",
        "axe_version": "4.14.1",
        "pages": 4,
        "pages_audited": 3,
        "pages_failed": 1,
    },
    "pages": [
        {
            "url": "https://www.gemeente-voorbeeld.be/",
            "status": "ok",
            "http_status": 200,
            "title": "Gemeente Voorbeeld – Welkom",
            "error": None,
            "depth": 0,
            "audited_at": "2026-11-30T08:00:05.250000",
            "violations": [CONTRAST, IMAGE_ALT],
            "needs_review": [CONTRAST_REVIEW],
            "passed_rules": ["document-title", "html-has-lang", "link-name"],
            "inapplicable_rules": ["video-caption", "area-alt"],
        },
        {
            "url": "https://www.gemeente-voorbeeld.be/afval/kalender?wijk=centrum&jaar=2026",
            "status": "ok",
            "http_status": 200,
            "title": HOSTILE_TITLE,
            "error": None,
            "depth": 1,
            "audited_at": "2026-11-30T08:01:12.000000",
            "violations": [LABEL],
            "needs_review": [FRAME_TESTED],
            "passed_rules": ["document-title", "html-has-lang"],
            "inapplicable_rules": ["video-caption"],
        },
        {
            "url": "https://www.gemeente-voorbeeld.be/contact",
            "status": "timeout",
            "http_status": None,
            "title": None,
            "error": "de pagina laadde niet binnen 30 s",
            "depth": 1,
            "audited_at": "2026-11-30T08:01:45.000000",
            "violations": [],
            "needs_review": [],
            "passed_rules": [],
            "inapplicable_rules": [],
        },
        {
            "url": "https://www.gemeente-voorbeeld.be/nieuws/2026/dorpsfeest",
            "status": "ok",
            "http_status": 200,
            "title": "Dorpsfeest op het marktplein",
            "error": None,
            "depth": 2,
            "audited_at": "2026-11-30T08:02:30.000000",
            "violations": [],
            "needs_review": [],
            "passed_rules": ["document-title", "html-has-lang", "image-alt", "link-name"],
            "inapplicable_rules": ["video-caption", "area-alt", "label"],
        },
    ],
    "documents": [],
}

# What the export says, counted the way each format must count it.
FAILED_NODES = 4  # image-alt 2 + color-contrast 1 on the home page, label 1 on the calendar
REVIEW_NODES = 3  # color-contrast 2 on the home page, frame-tested 1 on the calendar
PASSED_RULES = 9
INAPPLICABLE_RULES = 6


def sample_export() -> dict:
    """A fresh copy, so a test may change it."""
    return copy.deepcopy(SAMPLE_EXPORT)
