"""The JSON export's dict (a11ycheck.export.run_as_dict, with `needs_review`, `passed_rules` and
`inapplicable_rules` per page) read into typed findings, tolerant of anything missing or malformed: an
export may have been edited or cut, and its strings come from crawled pages. Unknown stays empty or None.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from a11ycheck.engine import RuleCatalog

# An absolute http(s) URL that is safe as a JSON-LD @id or a SARIF helpUri as it stands.
_PLAIN_URL = re.compile(r"^https?://[^\s\"<>\\^`{|}]+$")
_CRITERION = re.compile(r"^\d+\.\d+\.\d+$")


@dataclass(frozen=True, slots=True)
class NodeFinding:
    """One element: `target` is axe's selector path (one entry per frame level; a list inside it is a
    shadow-DOM path)."""

    target: tuple
    html: str
    failure_summary: str
    fingerprint: str


@dataclass(frozen=True, slots=True)
class RuleFinding:
    """One rule that failed (or needs review) on one page, with its elements."""

    rule: str
    impact: str | None
    level: str
    wcag: tuple[str, ...]
    wcag_version: str | None
    tags: tuple[str, ...]
    help: str
    help_url: str
    act_ids: tuple[str, ...] | None  # None: the export does not say
    nodes: tuple[NodeFinding, ...]


@dataclass(frozen=True, slots=True)
class PageFindings:
    url: str
    status: str
    title: str
    error: str
    audited_at: str | None  # ISO 8601 in UTC ("...Z"), None when unknown
    violations: tuple[RuleFinding, ...]
    needs_review: tuple[RuleFinding, ...]
    passed_rules: tuple[str, ...]
    inapplicable_rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RunFindings:
    id: str
    kind: str
    start_url: str
    status: str
    started_at: str | None
    finished_at: str | None
    axe_version: str
    pages: tuple[PageFindings, ...]


@dataclass(frozen=True, slots=True)
class RuleFacts:
    """What is known of a rule across the run: from the export's findings first, the engine's rule table
    (only when it is the table of the run's axe version) for what they do not say. A rule the run only
    names (passed, inapplicable) has no WCAG criteria or level here: no export needs them for those."""

    rule: str
    help: str
    help_url: str
    wcag: tuple[str, ...]
    tags: tuple[str, ...]
    level: str
    wcag_version: str | None
    act_ids: tuple[str, ...]


def read_run(export: Mapping) -> RunFindings:
    run = _mapping(export.get("run")) if isinstance(export, Mapping) else {}
    pages = export.get("pages") if isinstance(export, Mapping) else None
    return RunFindings(
        id=_text(run.get("id")),
        kind=_text(run.get("kind")),
        start_url=_text(run.get("start_url")),
        status=_text(run.get("status")),
        started_at=utc_timestamp(run.get("started_at")),
        finished_at=utc_timestamp(run.get("finished_at")),
        axe_version=_text(run.get("axe_version")),
        pages=tuple(_page(_mapping(page)) for page in _list(pages)),
    )


def _page(page: Mapping) -> PageFindings:
    return PageFindings(
        url=_text(page.get("url")),
        status=_text(page.get("status")),
        title=_text(page.get("title")),
        error=_text(page.get("error")),
        audited_at=utc_timestamp(page.get("audited_at")),
        violations=tuple(_rule(_mapping(rule)) for rule in _list(page.get("violations"))),
        needs_review=tuple(_rule(_mapping(rule)) for rule in _list(page.get("needs_review"))),
        passed_rules=_texts(page.get("passed_rules")),
        inapplicable_rules=_texts(page.get("inapplicable_rules")),
    )


def _rule(rule: Mapping) -> RuleFinding:
    act_ids = rule.get("act_ids")
    return RuleFinding(
        rule=_text(rule.get("rule")),
        impact=_text(rule.get("impact")) or None,
        level=_text(rule.get("level")),
        wcag=tuple(c for c in _texts(rule.get("wcag")) if _CRITERION.match(c)),
        wcag_version=_text(rule.get("wcag_version")) or None,
        tags=_texts(rule.get("tags")),
        help=_text(rule.get("help")),
        help_url=_text(rule.get("help_url")),
        act_ids=_texts(act_ids) if isinstance(act_ids, list) else None,
        nodes=tuple(_node(_mapping(node)) for node in _list(rule.get("nodes"))),
    )


def _node(node: Mapping) -> NodeFinding:
    target = node.get("target")
    return NodeFinding(
        target=tuple(target) if isinstance(target, list) else ((target,) if isinstance(target, str) else ()),
        html=_text(node.get("html")),
        failure_summary=_text(node.get("failure_summary")),
        fingerprint=_text(node.get("fingerprint")),
    )


def rule_facts(run: RunFindings, catalog: RuleCatalog | None) -> dict[str, RuleFacts]:
    """Every rule id the run mentions (findings, passed, inapplicable), described as far as known."""
    table = catalog if catalog is not None and catalog.axe_version == run.axe_version else None
    seen: dict[str, RuleFinding] = {}
    ids: list[str] = []
    for page in run.pages:
        for finding in page.violations + page.needs_review:
            seen.setdefault(finding.rule, finding)
            ids.append(finding.rule)
        ids.extend(page.passed_rules + page.inapplicable_rules)
    facts = {}
    for rule in dict.fromkeys(ids):
        finding, info = seen.get(rule), table.get(rule) if table else None
        act_ids = finding.act_ids if finding and finding.act_ids is not None else None
        facts[rule] = RuleFacts(
            rule=rule,
            help=(finding.help if finding else "") or (info.help if info else ""),
            help_url=(finding.help_url if finding else "") or (info.help_url if info else ""),
            wcag=finding.wcag if finding else (),
            tags=finding.tags if finding else (info.tags if info else ()),
            level=finding.level if finding else "",
            wcag_version=finding.wcag_version if finding else None,
            act_ids=act_ids if act_ids is not None else (info.act_ids if info else ()),
        )
    return facts


def plain_url(value: str) -> str | None:
    """`value` when it is an absolute http(s) URL usable as an identifier as it stands, else None."""
    return value if _PLAIN_URL.match(value) else None


def selector_path(target: tuple) -> str:
    """axe's target as one line: frame levels joined by " >>> " (as the CSV export does), the parts of a
    shadow-DOM path within a level by " >> "."""
    return " >>> ".join(
        " >> ".join(str(part) for part in level) if isinstance(level, list) else str(level)
        for level in target
    )


def innermost_selector(target: tuple) -> str:
    """The selector of the element within its own document (the last frame level, the last shadow part)."""
    if not target:
        return ""
    last = target[-1]
    return str(last[-1]) if isinstance(last, list) and last else str(last)


def utc_timestamp(value: object) -> str | None:
    """An ISO 8601 time as "YYYY-MM-DDTHH:MM:SS.ffffffZ"; a time without offset is taken as UTC (the store
    writes UTC; SQLite returns it without the offset). None when not a time."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _mapping(value: object) -> Mapping:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _text(value: object) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value)


def _texts(value: object) -> tuple[str, ...]:
    return tuple(str(item) for item in _list(value) if isinstance(item, str | int | float))
