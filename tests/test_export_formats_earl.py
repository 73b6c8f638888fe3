"""EARL export: JSON-LD with the W3C ACT rules' context that a JSON-LD processor (pyld, offline, the context
served from the vendored copy) reads back to the same findings as the JSON export."""

import hashlib
import json
from collections import Counter
from importlib import resources

import pytest
from export_sample import (
    FAILED_NODES,
    HOSTILE_HTML,
    HOSTILE_SUMMARY,
    HOSTILE_TITLE,
    INAPPLICABLE_RULES,
    PASSED_RULES,
    REVIEW_NODES,
    sample_export,
)
from pyld import jsonld

from a11ycheck.engine import RuleCatalog, RuleInfo
from a11ycheck.export_formats import EARL_CONTEXT_URL, earl_context, earl_document, render_earl

EARL = "http://www.w3.org/ns/earl#"
DCT = "http://purl.org/dc/terms/"
PTR = "http://www.w3.org/2009/pointers#"


def offline_loader(url, options=None):
    """Serves the vendored context for its URL and refuses anything else: no test reaches the internet."""
    if url != EARL_CONTEXT_URL:
        raise AssertionError(f"the JSON-LD processor asked for {url}")
    return {"contextUrl": None, "documentUrl": url, "document": earl_context()}


def flattened(document: dict) -> dict[str, dict]:
    """Every node of the document, expanded and flattened by pyld, by @id."""
    text = json.dumps(document, ensure_ascii=False)  # what a file holds, read back as a consumer would
    nodes = jsonld.flatten(json.loads(text), None, {"documentLoader": offline_loader})
    return {node["@id"]: node for node in nodes}


def value(node: dict, predicate: str):
    values = node.get(predicate, [])
    assert len(values) <= 1, (predicate, values)
    return (values[0].get("@value", values[0].get("@id"))) if values else None


def assertions(nodes: dict[str, dict]) -> list[dict]:
    return [node for node in nodes.values() if EARL + "Assertion" in node.get("@type", [])]


def outcome(nodes: dict[str, dict], assertion: dict) -> str:
    return value(nodes[value(assertion, EARL + "result")], EARL + "outcome").removeprefix(EARL)


def test_the_vendored_context_is_the_published_file():
    data = resources.files("a11ycheck.export_formats").joinpath("vendor/earl-context.json").read_bytes()
    assert (
        hashlib.sha256(data).hexdigest() == "de98dc537a102df85c309cf207abd3ad23b924e65b119964d24e041241ac564e"
    )
    assert earl_context()["@context"]["assertions"] == {"@reverse": "subject"}


def test_assertions_read_back_to_the_json_exports_counts():
    export = sample_export()
    document = earl_document(export)
    assert document["@context"] == EARL_CONTEXT_URL
    nodes = flattened(document)
    found = assertions(nodes)
    assert Counter(outcome(nodes, a) for a in found) == {
        "failed": FAILED_NODES,
        "cantTell": REVIEW_NODES,
        "passed": PASSED_RULES,
        "inapplicable": INAPPLICABLE_RULES,
    }
    # Page by page, rule by rule: the same (page, rule, outcome) multiset as the export.
    expected = Counter()
    for page in export["pages"]:
        for key, verdict in (("violations", "failed"), ("needs_review", "cantTell")):
            for rule in page[key]:
                expected[(page["url"], rule["rule"], verdict)] += len(rule["nodes"])
        expected.update((page["url"], rule, "passed") for rule in page["passed_rules"])
        expected.update((page["url"], rule, "inapplicable") for rule in page["inapplicable_rules"])
    seen = Counter(
        (
            value(nodes[value(a, EARL + "subject")], DCT + "source"),
            value(nodes[value(a, EARL + "test")], DCT + "title"),
            outcome(nodes, a),
        )
        for a in found
    )
    assert seen == expected


def test_subjects_tests_and_assertor_say_what_the_export_says():
    nodes = flattened(earl_document(sample_export()))
    subjects = [n for n in nodes.values() if EARL + "TestSubject" in n.get("@type", [])]
    assert [value(s, DCT + "source") for s in subjects] == [
        "https://www.gemeente-voorbeeld.be/",
        "https://www.gemeente-voorbeeld.be/afval/kalender?wijk=centrum&jaar=2026",
        "https://www.gemeente-voorbeeld.be/contact",
        "https://www.gemeente-voorbeeld.be/nieuws/2026/dorpsfeest",
    ]
    assert all("https://schema.org/WebPage" in s["@type"] for s in subjects)
    image_alt = nodes["https://dequeuniversity.com/rules/axe/4.14/image-alt?application=axeAPI"]
    assert image_alt["@type"] == [EARL + "TestCase"]
    assert value(image_alt, DCT + "title") == "image-alt"
    assert image_alt[DCT + "isPartOf"] == [{"@id": "https://act-rules.github.io/rules/23a2a8"}]
    contrast = nodes["https://dequeuniversity.com/rules/axe/4.14/color-contrast?application=axeAPI"]
    assert contrast[DCT + "isPartOf"] == [
        {"@id": "https://act-rules.github.io/rules/afw4f7"},
        {"@id": "https://act-rules.github.io/rules/09o5cg"},
    ]
    # Passed rules the export only names get their help URL and ACT ids from the 4.14.1 rule table.
    title = nodes["https://dequeuniversity.com/rules/axe/4.14/document-title?application=axeAPI"]
    assert title[DCT + "isPartOf"] == [{"@id": "https://act-rules.github.io/rules/2779a5"}]
    assertor = nodes["https://www.npmjs.com/package/axe-core/v/4.14.1"]
    assert set(assertor["@type"]) == {EARL + "Assertor", EARL + "Software"}
    assert value(assertor, "http://usefulinc.com/ns/doap#name") == "axe-core"
    release = nodes[value(assertor, "http://usefulinc.com/ns/doap#release")]
    assert value(release, "http://usefulinc.com/ns/doap#revision") == "4.14.1"
    for a in assertions(nodes):
        assert value(a, EARL + "assertedBy") == "https://www.npmjs.com/package/axe-core/v/4.14.1"
        assert value(a, EARL + "mode") == EARL + "automatic"


def test_each_failed_element_is_pointed_at_through_its_frames_and_shadow_roots():
    nodes = flattened(earl_document(sample_export()))
    pointers = sorted(
        value(nodes[value(a, EARL + "result")], EARL + "pointer")
        for a in assertions(nodes)
        if outcome(nodes, a) == "failed"
    )
    assert pointers == [
        ".openingsuren > p",
        "gem-zoekvak >> input#q",
        'iframe[title="Kaart van de gemeente"] >>> img.marker',
        "main > .banner > img",
    ]
    result = next(
        nodes[value(a, EARL + "result")]
        for a in assertions(nodes)
        if value(nodes[value(a, EARL + "result")], EARL + "pointer") == "main > .banner > img"
    )
    assert result[EARL + "pointer"] == [
        {"@value": "main > .banner > img", "@type": PTR + "CSSSelectorPointer"}
    ]
    assert value(result, EARL + "info") == "Los één van de volgende op:\n  Element heeft geen alt-attribuut"
    assert result[DCT + "date"] == [
        {"@value": "2026-11-30T08:00:05.250000Z", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}
    ]


def test_hostile_strings_stay_literals_exactly_as_the_site_wrote_them():
    text = render_earl(sample_export())
    assert HOSTILE_HTML not in text  # the element's HTML is not part of EARL; only its selector and message
    nodes = flattened(json.loads(text))
    subject = next(n for n in nodes.values() if value(n, DCT + "title") == HOSTILE_TITLE)
    assert subject["@id"].startswith("_:")  # the page is a blank node, whatever its title says
    infos = {value(nodes[value(a, EARL + "result")], EARL + "info") for a in assertions(nodes)}
    assert HOSTILE_SUMMARY in infos
    assert len([n for n in nodes.values() if EARL + "TestSubject" in n.get("@type", [])]) == 4


def test_a_run_of_an_unknown_release_or_rules_outside_the_table_are_blank_nodes():
    export = sample_export()
    export["run"]["axe_version"] = "4.10.2"  # the shipped table is 4.14.1's: not used for this run
    export["pages"][0]["violations"][1]["help_url"] = "javascript:alert(1)"
    document = earl_document(export)
    assertor = document["@graph"][0]
    assert assertor["@id"] == "https://www.npmjs.com/package/axe-core/v/4.10.2"
    tests = {node["title"]: node for node in document["@graph"] if node.get("@type") == "TestCase"}
    assert tests["image-alt"]["@id"].startswith("_:rule-")
    assert tests["document-title"]["@id"].startswith("_:rule-") and "isPartOf" not in tests["document-title"]
    export["run"]["axe_version"] = "onbekend <b>"
    assert earl_document(export)["@graph"][0]["@id"] == "_:axe-core"
    nodes = flattened(earl_document(export))
    assert Counter(outcome(nodes, a) for a in assertions(nodes))["passed"] == PASSED_RULES


def test_a_catalog_of_the_runs_version_fills_in_rules_the_export_only_names():
    catalog = RuleCatalog(
        "4.14.1",
        {
            "region": RuleInfo(
                "region",
                ("best-practice",),
                ("abc123",),
                True,
                "Inhoud in regio's",
                "https://r.example/region",
            )
        },
    )
    export = {
        "run": {"axe_version": "4.14.1"},
        "pages": [{"url": "https://a.example/", "passed_rules": ["region"]}],
    }
    tests = [n for n in earl_document(export, catalog)["@graph"] if n.get("@type") == "TestCase"]
    assert tests == [
        {
            "@id": "https://r.example/region",
            "@type": "TestCase",
            "title": "region",
            "dct:description": "Inhoud in regio's",
            "isPartOf": ["https://act-rules.github.io/rules/abc123"],
        }
    ]


@pytest.mark.parametrize(
    "export",
    [
        {},
        {"run": None, "pages": None},
        {"pages": [None, 3, "x", {"violations": "geen lijst", "passed_rules": [None, {"a": 1}, "region"]}]},
        {
            "pages": [
                {"violations": [{"rule": "image-alt", "nodes": [{"target": None}, None, {"target": "img"}]}]}
            ]
        },
    ],
)
def test_a_malformed_export_gives_a_document_that_still_parses(export):
    document = earl_document(export)
    nodes = flattened(document)
    assert all(outcome(nodes, a) in {"failed", "passed"} for a in assertions(nodes))
