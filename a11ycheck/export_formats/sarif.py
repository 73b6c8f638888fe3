"""A run as a SARIF 2.1.0 log, the form code-scanning dashboards (GitHub, GitLab, Azure DevOps) read: one
SARIF run for the audit, the axe rules that have results as the driver's rules, each related to its WCAG
success criteria (a WCAG taxonomy), and a result per element that fails (kind "fail", level "error") or
needs review (kind "open", level "none": SARIF 2.1.0 section 3.27.10 allows no other level for a result
that is not a failure). The page is the artifact; the element's selector path is its logical location.

Strings from pages stay data: JSON-encoded by the caller's json.dumps, never parsed or interpreted. A page
URL that is not a valid URI reference as it stands is percent-encoded for `uri`.
"""

import json
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import quote

from a11ycheck.engine import RuleCatalog, rule_catalog
from a11ycheck.export_formats.findings import (
    PageFindings,
    RuleFacts,
    RunFindings,
    innermost_selector,
    plain_url,
    read_run,
    rule_facts,
    selector_path,
)

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URL = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
WCAG_TAXONOMY = "WCAG"
FINGERPRINT_KEY = "a11ycheckNode/v1"  # the node fingerprint of the store, stable across runs
# Characters kept as they are when a URL is made a URI reference: RFC 3986's reserved and unreserved ones.
_URI_SAFE = ":/?#[]@!$&'()*+,;=-._~%"


def sarif_log(
    export: Mapping,
    catalog: RuleCatalog | None = None,
    criterion_names: Mapping[str, str] | None = None,
    tool_version: str | None = None,
) -> dict:
    """The SARIF log for the export's dict (a11ycheck.export.run_as_dict shape).

    `catalog`: ACT rule ids and help URLs the export does not carry (default: the shipped engine's rule
    table, used only when it is the table of the run's axe version). `criterion_names`: "1.1.1" ->
    "Non-text Content", for the taxa's descriptions (none by default). `tool_version`: a11ycheck's version
    (default: the installed package's).
    """
    run = read_run(export)
    facts = rule_facts(run, catalog if catalog is not None else rule_catalog())
    used = sorted({f.rule for page in run.pages for f in page.violations + page.needs_review})
    rule_index = {rule: index for index, rule in enumerate(used)}
    criteria = sorted({c for rule in used for c in facts[rule].wcag}, key=_criterion_order)
    taxon_index = {criterion: index for index, criterion in enumerate(criteria)}
    driver = {
        "name": "a11ycheck",
        "rules": [_rule(facts[rule], taxon_index) for rule in used],
        "supportedTaxonomies": [{"name": WCAG_TAXONOMY, "index": 0}],
    }
    driver_version = tool_version if tool_version is not None else _installed_version()
    if driver_version:
        driver["version"] = driver_version
    # One artifact per distinct URL (SARIF wants them unique; a cut or edited export may repeat a page).
    firsts: dict[str, PageFindings] = {}
    for page in run.pages:
        firsts.setdefault(_uri(page.url), page)
    artifact_index = {uri: index for index, uri in enumerate(firsts)}
    sarif_run = {
        "tool": {"driver": driver, "extensions": [_axe_component(run.axe_version)]},
        "taxonomies": [_wcag_taxonomy(criteria, criterion_names or {})],
        "invocations": [_invocation(run, artifact_index)],
        "artifacts": [_artifact(uri, firsts[uri]) for uri in artifact_index],
        "results": [
            result
            for page in run.pages
            for result in _results(page, artifact_index[_uri(page.url)], rule_index, facts)
        ],
        "columnKind": "unicodeCodePoints",
        "properties": {"a11ycheckRun": run.id, "runKind": run.kind, "startUrl": run.start_url},
    }
    if run.id:
        sarif_run["automationDetails"] = {"id": f"a11ycheck/run/{run.id}"}
    return {"$schema": SARIF_SCHEMA_URL, "version": SARIF_VERSION, "runs": [sarif_run]}


def render_sarif(
    export: Mapping,
    catalog: RuleCatalog | None = None,
    criterion_names: Mapping[str, str] | None = None,
    tool_version: str | None = None,
) -> str:
    """sarif_log as JSON text (UTF-8, indented like the JSON export)."""
    log = sarif_log(export, catalog, criterion_names, tool_version)
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(fact: RuleFacts, taxon_index: dict[str, int]) -> dict:
    rule: dict = {
        "id": fact.rule,
        "name": "".join(part.capitalize() for part in fact.rule.split("-")) or fact.rule,
        "shortDescription": {"text": fact.help or fact.rule},
        "defaultConfiguration": {"level": "error"},
    }
    if plain_url(fact.help_url):
        rule["helpUri"] = fact.help_url
    relationships = [
        {
            "target": {
                "id": criterion,
                "index": taxon_index[criterion],
                "toolComponent": {"name": WCAG_TAXONOMY, "index": 0},
            },
            "kinds": ["relevant"],
        }
        for criterion in dict.fromkeys(fact.wcag)
    ]
    if relationships:
        rule["relationships"] = relationships
    properties: dict = {"tags": list(dict.fromkeys(fact.tags))}  # SARIF wants each tag once
    if fact.level:
        properties["level"] = fact.level
    if fact.wcag_version:
        properties["wcagVersion"] = fact.wcag_version
    if fact.act_ids:
        properties["actRuleIds"] = list(fact.act_ids)
    rule["properties"] = properties
    return rule


def _wcag_taxonomy(criteria: list[str], names: Mapping[str, str]) -> dict:
    taxa = []
    for criterion in criteria:
        taxon: dict = {"id": criterion}
        if names.get(criterion):
            taxon["shortDescription"] = {"text": str(names[criterion])}
        taxa.append(taxon)
    return {
        "name": WCAG_TAXONOMY,
        "fullName": "Web Content Accessibility Guidelines (WCAG) 2.2",
        "version": "2.2",
        "organization": "W3C",
        "informationUri": "https://www.w3.org/TR/WCAG22/",
        "shortDescription": {"text": "WCAG 2 success criteria (2.0 and 2.1 criteria keep their numbers)"},
        "taxa": taxa,
    }


def _axe_component(axe_version: str) -> dict:
    component = {"name": "axe-core", "informationUri": "https://github.com/dequelabs/axe-core"}
    if axe_version:
        component["version"] = axe_version
    return component


def _invocation(run: RunFindings, artifact_index: dict[str, int]) -> dict:
    invocation: dict = {"executionSuccessful": run.status == "completed"}
    if run.started_at:
        invocation["startTimeUtc"] = run.started_at
    if run.finished_at:
        invocation["endTimeUtc"] = run.finished_at
    notifications = [
        {
            "level": "warning",
            "message": {"text": f"{page.status}: {page.error}" if page.error else page.status or "no status"},
            "locations": [{"physicalLocation": {"artifactLocation": _location(page.url, artifact_index)}}],
        }
        for page in run.pages
        if page.status != "ok"  # not audited, or not wholly: the export's status says why
    ]
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    invocation["properties"] = {"runStatus": run.status}
    return invocation


def _location(url: str, artifact_index: dict[str, int]) -> dict:
    uri = _uri(url)
    return {"uri": uri, "index": artifact_index[uri]}


def _artifact(uri: str, page: PageFindings) -> dict:
    artifact: dict = {"location": {"uri": uri}, "roles": ["analysisTarget"]}
    if page.title:
        artifact["description"] = {"text": page.title}
    artifact["properties"] = {"status": page.status}
    return artifact


def _results(page: PageFindings, page_index: int, rule_index: dict[str, int], facts: dict[str, RuleFacts]):
    for kind, level, findings in (("fail", "error", page.violations), ("open", "none", page.needs_review)):
        for finding in findings:
            for node in finding.nodes or (None,):
                message = (node.failure_summary if node else "") or facts[finding.rule].help or finding.rule
                location: dict = {
                    "physicalLocation": {"artifactLocation": {"uri": _uri(page.url), "index": page_index}}
                }
                if node is not None and node.target:
                    location["logicalLocations"] = [
                        {
                            "name": innermost_selector(node.target),
                            "fullyQualifiedName": selector_path(node.target),
                            "kind": "element",
                        }
                    ]
                result: dict = {
                    "ruleId": finding.rule,
                    "ruleIndex": rule_index[finding.rule],
                    "kind": kind,
                    "level": level,
                    "message": {"text": message},
                    "locations": [location],
                }
                if node is not None and node.fingerprint:
                    result["partialFingerprints"] = {FINGERPRINT_KEY: node.fingerprint}
                properties: dict = {}
                if finding.impact:
                    properties["impact"] = finding.impact
                if node is not None:
                    properties["html"] = node.html
                    properties["target"] = list(node.target)
                result["properties"] = properties
                yield result


def _uri(url: str) -> str:
    return quote(url, safe=_URI_SAFE)


def _criterion_order(criterion: str) -> tuple[int, ...]:
    return tuple(int(part) for part in criterion.split("."))


def _installed_version() -> str | None:
    try:
        return version("a11ycheck")
    except PackageNotFoundError:
        return None
