"""A run as EARL in JSON-LD with the W3C ACT rules' context, the form ACT implementation reports and the
WCAG-EM tooling read: a test subject per page, one assertion per (page, rule, element) that failed
(earl:failed) or needs review (earl:cantTell), one per (page, rule) that passed (earl:passed) or did not
apply (earl:inapplicable), each asserted by the axe-core release that ran.

Every string from a page (URL, title, selector, message) is a JSON-LD literal, never an identifier, so
nothing a site writes can make a node of its own. Rules are identified by their help URL when it is a
plain http(s) URL, else by a blank node.
"""

import json
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources

from a11ycheck.engine import RuleCatalog, rule_catalog
from a11ycheck.export_formats.findings import (
    NodeFinding,
    PageFindings,
    RuleFacts,
    plain_url,
    read_run,
    rule_facts,
    selector_path,
)

EARL_CONTEXT_URL = "https://www.w3.org/WAI/content-assets/wcag-act-rules/earl-context.json"
ACT_RULE_URL = "https://act-rules.github.io/rules/{}"  # the ACT Rules Community Group's page of a rule
AXE_RELEASE_URL = "https://www.npmjs.com/package/axe-core/v/{}"  # where the shipped release comes from
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
_VERSION = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$")
_ACT_ID = re.compile(r"^[0-9a-z]{6}$")

FAILED, CANT_TELL, PASSED, INAPPLICABLE = "earl:failed", "earl:cantTell", "earl:passed", "earl:inapplicable"


@cache
def earl_context() -> dict:
    """The vendored copy of EARL_CONTEXT_URL (see vendor/SOURCES.md), for JSON-LD processors offline."""
    text = resources.files("a11ycheck.export_formats").joinpath("vendor/earl-context.json").read_text("utf-8")
    return json.loads(text)


def earl_document(export: Mapping, catalog: RuleCatalog | None = None) -> dict:
    """The JSON-LD document for the export's dict (a11ycheck.export.run_as_dict shape). `catalog` gives the
    help URL and ACT rule ids of rules the export only names; by default the shipped engine's rule table,
    used only when it is the table of the run's axe version."""
    run = read_run(export)
    facts = rule_facts(run, catalog if catalog is not None else rule_catalog())
    assertor = _assertor(run.axe_version)
    tests = {fact.rule: _test_node(number, fact) for number, fact in enumerate(facts.values(), start=1)}
    subjects = [
        _subject(number, page, assertor["@id"], tests) for number, page in enumerate(run.pages, start=1)
    ]
    return {"@context": EARL_CONTEXT_URL, "@graph": [assertor, *tests.values(), *subjects]}


def render_earl(export: Mapping, catalog: RuleCatalog | None = None) -> str:
    """earl_document as JSON text (UTF-8, indented like the JSON export)."""
    return json.dumps(earl_document(export, catalog), indent=2, ensure_ascii=False) + "\n"


def _assertor(axe_version: str) -> dict:
    node = {
        "@type": ["Assertor", "Software"],
        "name": "axe-core",
        "homepage": "https://github.com/dequelabs/axe-core",
    }
    if _VERSION.match(axe_version):
        return {
            "@id": AXE_RELEASE_URL.format(axe_version),
            **node,
            "release": {"@type": "Version", "revision": axe_version},
        }
    return {"@id": "_:axe-core", **node}  # the run does not say which release


def _test_node(number: int, fact: RuleFacts) -> dict:
    node = {
        "@id": plain_url(fact.help_url) or f"_:rule-{number}",
        "@type": "TestCase",
        "title": fact.rule,
    }
    if fact.help:
        node["dct:description"] = fact.help
    act_rules = [ACT_RULE_URL.format(act) for act in fact.act_ids if _ACT_ID.match(act)]
    if act_rules:
        node["isPartOf"] = act_rules
    return node


def _subject(number: int, page: PageFindings, assertor: str, tests: dict[str, dict]) -> dict:
    def assertion(rule: str, outcome: str, node: NodeFinding | None = None) -> dict:
        result: dict = {"@type": "TestResult", "outcome": outcome}
        if node is not None and node.target:
            result["pointer"] = selector_path(node.target)
        if node is not None and node.failure_summary:
            result["info"] = node.failure_summary
        if page.audited_at:
            result["dct:date"] = {"@value": page.audited_at, "@type": XSD_DATETIME}
        return {
            "@type": "Assertion",
            "assertedBy": assertor,
            "mode": "earl:automatic",
            "test": {"@id": tests[rule]["@id"]},
            "result": result,
        }

    assertions = []
    for outcome, findings in ((FAILED, page.violations), (CANT_TELL, page.needs_review)):
        for finding in findings:
            # A finding without elements (a page-level failure) is still one assertion, without a pointer.
            for node in finding.nodes or (None,):
                assertions.append(assertion(finding.rule, outcome, node))
    assertions += [assertion(rule, PASSED) for rule in page.passed_rules]
    assertions += [assertion(rule, INAPPLICABLE) for rule in page.inapplicable_rules]
    subject = {"@id": f"_:page-{number}", "@type": ["TestSubject", "WebPage"], "source": page.url}
    if page.title:
        subject["title"] = page.title
    subject["assertions"] = assertions
    return subject
