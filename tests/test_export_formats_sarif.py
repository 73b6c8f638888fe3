"""SARIF export: valid against the official SARIF 2.1.0 schema (vendored in tests/data), one result per
failing or needs-review element, rules with their WCAG taxa, pages as artifacts, selectors as logical
locations."""

import json
from collections import Counter
from pathlib import Path

import pytest
from export_sample import (
    FAILED_NODES,
    HOSTILE_HTML,
    HOSTILE_SUMMARY,
    HOSTILE_TITLE,
    REVIEW_NODES,
    sample_export,
)
from jsonschema import Draft4Validator

from a11ycheck.export_formats import SARIF_SCHEMA_URL, render_sarif, sarif_log

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = Draft4Validator(SCHEMA)


def schema_errors(log: dict) -> list[str]:
    return [f"{list(error.absolute_path)}: {error.message}" for error in VALIDATOR.iter_errors(log)]


def read_back(log: dict) -> dict:
    return json.loads(json.dumps(log, ensure_ascii=False))


def test_the_vendored_schema_is_the_official_one_and_it_catches_errors():
    assert SCHEMA["id"] == SARIF_SCHEMA_URL
    Draft4Validator.check_schema(SCHEMA)
    broken = sarif_log(sample_export(), tool_version="0.1.0")
    del broken["runs"][0]["results"][0]["message"]
    broken["runs"][0]["results"][1]["kind"] = "broken"
    assert len(schema_errors(broken)) == 2


def test_the_log_is_valid_sarif_2_1_0():
    log = read_back(json.loads(render_sarif(sample_export(), tool_version="0.1.0")))
    assert schema_errors(log) == []
    assert (log["$schema"], log["version"], len(log["runs"])) == (SARIF_SCHEMA_URL, "2.1.0", 1)


def test_one_result_per_failing_or_needs_review_element():
    log = sarif_log(sample_export(), tool_version="0.1.0")
    results = log["runs"][0]["results"]
    assert Counter((r["kind"], r["level"]) for r in results) == {
        ("fail", "error"): FAILED_NODES,
        ("open", "none"): REVIEW_NODES,
    }
    assert [
        (r["ruleId"], r["kind"], r["locations"][0]["physicalLocation"]["artifactLocation"]["index"])
        for r in results
    ] == [
        ("color-contrast", "fail", 0),
        ("image-alt", "fail", 0),
        ("image-alt", "fail", 0),
        ("color-contrast", "open", 0),
        ("color-contrast", "open", 0),
        ("label", "fail", 1),
        ("frame-tested", "open", 1),
    ]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_the_driver_its_rules_and_the_wcag_taxonomy():
    run = sarif_log(sample_export(), tool_version="0.1.0")["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("a11ycheck", "0.1.0")
    assert run["tool"]["extensions"] == [
        {"name": "axe-core", "informationUri": "https://github.com/dequelabs/axe-core", "version": "4.14.1"}
    ]
    assert [rule["id"] for rule in driver["rules"]] == [
        "color-contrast",
        "frame-tested",
        "image-alt",
        "label",
    ]
    image_alt = driver["rules"][2]
    assert image_alt["name"] == "ImageAlt"
    assert image_alt["shortDescription"] == {"text": "Afbeeldingen moeten een alternatieve tekst hebben"}
    assert image_alt["helpUri"] == "https://dequeuniversity.com/rules/axe/4.14/image-alt?application=axeAPI"
    assert image_alt["properties"]["level"] == "A"
    assert image_alt["properties"]["actRuleIds"] == ["23a2a8"]  # from the 4.14.1 rule table
    taxonomy = run["taxonomies"][0]
    assert taxonomy["name"] == "WCAG" and driver["supportedTaxonomies"] == [{"name": "WCAG", "index": 0}]
    assert [taxon["id"] for taxon in taxonomy["taxa"]] == ["1.1.1", "1.4.3", "4.1.2"]
    assert image_alt["relationships"] == [
        {
            "target": {"id": "1.1.1", "index": 0, "toolComponent": {"name": "WCAG", "index": 0}},
            "kinds": ["relevant"],
        }
    ]
    label = driver["rules"][3]
    assert label["relationships"][0]["target"]["id"] == "4.1.2"
    assert label["relationships"][0]["target"]["index"] == 2
    assert label["properties"]["tags"] == ["cat.forms", "wcag2a", "wcag412", "EN-301-549", "ACT"]
    assert "relationships" not in driver["rules"][1]  # frame-tested: best practice, no criterion
    assert run["automationDetails"] == {"id": "a11ycheck/run/7"}


def test_pages_are_artifacts_and_selectors_logical_locations():
    run = sarif_log(sample_export(), tool_version="0.1.0")["runs"][0]
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        "https://www.gemeente-voorbeeld.be/",
        "https://www.gemeente-voorbeeld.be/afval/kalender?wijk=centrum&jaar=2026",
        "https://www.gemeente-voorbeeld.be/contact",
        "https://www.gemeente-voorbeeld.be/nieuws/2026/dorpsfeest",
    ]
    framed = run["results"][2]
    assert framed["locations"][0]["logicalLocations"] == [
        {
            "name": "img.marker",
            "fullyQualifiedName": 'iframe[title="Kaart van de gemeente"] >>> img.marker',
            "kind": "element",
        }
    ]
    assert framed["partialFingerprints"] == {"a11ycheckNode/v1": "a41e77b09c2d5f10"}
    assert framed["properties"] == {
        "impact": "critical",
        "html": '<img class="marker" src="pin.png">',
        "target": ['iframe[title="Kaart van de gemeente"]', "img.marker"],
    }
    shadow = run["results"][5]["locations"][0]["logicalLocations"][0]
    assert (shadow["name"], shadow["fullyQualifiedName"]) == ("input#q", "gem-zoekvak >> input#q")
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is True
    assert (invocation["startTimeUtc"], invocation["endTimeUtc"]) == (
        "2026-11-30T08:00:00.123456Z",
        "2026-11-30T08:04:10.500000Z",
    )
    assert invocation["toolExecutionNotifications"] == [
        {
            "level": "warning",
            "message": {"text": "timeout: de pagina laadde niet binnen 30 s"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "https://www.gemeente-voorbeeld.be/contact", "index": 2}
                    }
                }
            ],
        }
    ]


def test_hostile_strings_are_kept_as_data():
    export = sample_export()
    export["pages"][1]["url"] = 'https://www.gemeente-voorbeeld.be/zoek?q=<script> "x"&é'
    log = read_back(json.loads(render_sarif(export, tool_version="0.1.0")))
    assert schema_errors(log) == []
    run = log["runs"][0]
    label = run["results"][5]
    assert label["message"]["text"] == HOSTILE_SUMMARY
    assert label["properties"]["html"] == HOSTILE_HTML
    assert run["artifacts"][1]["description"]["text"] == HOSTILE_TITLE
    assert run["artifacts"][1]["location"]["uri"] == (
        "https://www.gemeente-voorbeeld.be/zoek?q=%3Cscript%3E%20%22x%22&%C3%A9"
    )


def test_criterion_names_describe_the_taxa():
    names = {"1.1.1": "Non-text Content", "1.4.3": "Contrast (Minimum)"}
    taxa = sarif_log(sample_export(), criterion_names=names, tool_version="0.1.0")["runs"][0]["taxonomies"][
        0
    ]["taxa"]
    assert taxa == [
        {"id": "1.1.1", "shortDescription": {"text": "Non-text Content"}},
        {"id": "1.4.3", "shortDescription": {"text": "Contrast (Minimum)"}},
        {"id": "4.1.2"},
    ]


@pytest.mark.parametrize(
    "export",
    [
        {},
        {"run": None, "pages": None},
        {"pages": [None, 3, {"violations": "geen lijst", "needs_review": [None, {"nodes": [None]}]}]},
        {
            "pages": [
                {
                    "url": "",
                    "violations": [
                        {"rule": "image-alt", "wcag": ["1.1.1", "x.y", 3], "nodes": [{"target": None}]}
                    ],
                }
            ]
        },
    ],
)
def test_a_malformed_export_still_gives_a_valid_log(export):
    log = read_back(sarif_log(export, tool_version="0.1.0"))
    assert schema_errors(log) == []


def test_a_page_listed_twice_is_one_artifact():
    export = sample_export()
    export["pages"].append(sample_export()["pages"][0])
    run = sarif_log(export, tool_version="0.1.0")["runs"][0]
    assert len(run["artifacts"]) == 4
    indexes = [r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] for r in run["results"]]
    assert indexes == [0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
    assert schema_errors(read_back({"version": "2.1.0", "runs": [run]})) == []
