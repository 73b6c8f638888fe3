"""Findings shaped for reading: per rule, per WCAG success criterion and principle, per impact, per page,
and what changed between two runs of a site. Pure functions over the rows `queries` returns.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

from a11ycheck.finding_groups import FindingGroup
from a11ycheck.report.queries import WCAG_LEVELS, FingerprintRow, NodeRow, PageCount, RuleCount
from a11ycheck.report.wcag import PRINCIPLES, criterion_sort_key

IMPACTS = ("critical", "serious", "moderate", "minor")
_IMPACT_RANK = {impact: rank for rank, impact in enumerate(IMPACTS)}
EXAMPLES_PER_RULE = 3
CHANGES_LISTED = 50  # new and fixed elements listed by name; the totals count all of them
PAGES_PER_BIN = ((0, 0), (1, 1), (2, 3), (4, 6), (7, 10), (11, None))


def impact_rank(impact: str | None) -> int:
    return _IMPACT_RANK.get(impact or "", len(IMPACTS))


@lru_cache(maxsize=1024)  # called per finding; a run has a few dozen distinct tag lists
def criteria_of(wcag: str) -> tuple[str, ...]:
    return tuple(sorted({c for c in wcag.split(",") if c}, key=criterion_sort_key))


@dataclass(frozen=True)
class Example:
    """A failing element shown as evidence, with the page it is on."""

    page_id: int
    page_url: str
    selector: str  # the element's own selector, in its frame's document when it is in a frame
    html: str
    frames: tuple[str, ...] = ()  # the frames it is in, innermost first: "img in the frame iframe#map"


def element_location(parts: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """(the element's own selector, its frames innermost first) from axe's selector path, which lists the
    outermost frame first: the report says "img in the frame iframe#map", never axe's "iframe >>> img"."""
    return parts[-1], tuple(reversed(parts[:-1]))


@dataclass
class RuleSummary:
    """An axe rule over a set of runs: on how many pages it fails, on how many elements, how badly."""

    rule: str
    level: str
    wcag_version: str | None
    criteria: tuple[str, ...]
    impact: str | None
    help: str
    help_url: str
    findings: int = 0
    elements: int = 0
    examples: list[Example] = field(default_factory=list)

    @property
    def is_wcag(self) -> bool:
        """A WCAG failure of any level and version; best practice and experimental rules are advice."""
        return self.level in WCAG_LEVELS or self.level == "AAA"


def summarise_rules(rows: Iterable[RuleCount], run_ids: Iterable[int]) -> list[RuleSummary]:
    """Rules failing in these runs, most findings first; the worst impact seen is the rule's impact."""
    wanted = set(run_ids)
    by_rule: dict[str, RuleSummary] = {}
    for row in rows:
        if row.run_id not in wanted:
            continue
        summary = by_rule.get(row.rule)
        if summary is None:
            summary = by_rule[row.rule] = RuleSummary(
                row.rule,
                row.level,
                row.wcag_version,
                criteria_of(row.wcag),
                row.impact,
                row.help,
                row.help_url,
            )
        elif impact_rank(row.impact) < impact_rank(summary.impact):
            summary.impact = row.impact
        if summary.criteria != criteria_of(row.wcag):  # axe versions may map a rule differently
            summary.criteria = tuple(
                sorted({*summary.criteria, *criteria_of(row.wcag)}, key=criterion_sort_key)
            )
        summary.findings += row.findings
        summary.elements += row.elements
    return sorted(by_rule.values(), key=lambda r: (-r.findings, -r.elements, impact_rank(r.impact), r.rule))


@dataclass
class CriterionSummary:
    criterion: str
    level: str
    rules: list[str] = field(default_factory=list)
    findings: int = 0
    elements: int = 0


@dataclass
class PrincipleSummary:
    number: int
    criteria: list[CriterionSummary] = field(default_factory=list)

    @property
    def findings(self) -> int:
        return sum(c.findings for c in self.criteria)

    @property
    def elements(self) -> int:
        return sum(c.elements for c in self.criteria)


def by_principle(rules: Iterable[RuleSummary]) -> list[PrincipleSummary]:
    """WCAG failures per success criterion, under its principle; a rule counts for each of its criteria."""
    criteria: dict[str, CriterionSummary] = {}
    for rule in rules:
        if not rule.is_wcag:
            continue
        for criterion in rule.criteria:
            summary = criteria.setdefault(criterion, CriterionSummary(criterion, rule.level))
            summary.rules.append(rule.rule)
            summary.findings += rule.findings
            summary.elements += rule.elements
    principles = {number: PrincipleSummary(number) for number in PRINCIPLES}
    for criterion in sorted(criteria, key=criterion_sort_key):
        number = int(criterion.split(".", 1)[0])
        if number in principles:
            principles[number].criteria.append(criteria[criterion])
    return list(principles.values())


@dataclass(frozen=True)
class ImpactSummary:
    impact: str
    wcag_findings: int
    wcag_elements: int
    advice_findings: int
    advice_elements: int


def by_impact(rules: Iterable[RuleSummary]) -> list[ImpactSummary]:
    """Findings and elements per impact, WCAG failures and best-practice advice counted apart."""
    totals: dict[str, list[int]] = {impact: [0, 0, 0, 0] for impact in IMPACTS}
    for rule in rules:
        slot = totals.get(rule.impact or "minor", totals["minor"])
        offset = 0 if rule.is_wcag else 2
        slot[offset] += rule.findings
        slot[offset + 1] += rule.elements
    return [ImpactSummary(impact, *values) for impact, values in totals.items()]


SERIOUS_EXTRA = 2  # a serious or critical failure counts this much more: a WCAG one three times in all


def page_priority(page: PageCount) -> int:
    """How urgently a page needs fixing: its WCAG failures, serious and critical ones counting triple (a
    serious problem outside WCAG, best-practice advice, counts twice)."""
    return page.wcag_findings + SERIOUS_EXTRA * page.serious_findings


def worst_pages(pages: Iterable[PageCount], limit: int = 10) -> list[PageCount]:
    """The pages to fix first: highest priority, then the most WCAG failures, then the most advice, then
    by address, so that equal pages always come in the same order."""
    failing = [p for p in pages if p.wcag_findings]
    failing.sort(key=lambda p: (-page_priority(p), -p.wcag_findings, -p.advice_findings, p.url))
    return failing[:limit]


@dataclass(frozen=True)
class PagesBin:
    low: int
    high: int | None
    pages: int


def findings_distribution(pages: Iterable[PageCount]) -> list[PagesBin]:
    """How many audited pages have 0, 1, 2-3, 4-6, 7-10 and more than 10 WCAG findings."""
    counts: Counter[int] = Counter()
    for page in pages:
        if page.status != "ok":
            continue
        for index, (low, high) in enumerate(PAGES_PER_BIN):
            if page.wcag_findings >= low and (high is None or page.wcag_findings <= high):
                counts[index] += 1
                break
    return [PagesBin(low, high, counts[index]) for index, (low, high) in enumerate(PAGES_PER_BIN)]


@dataclass(frozen=True)
class FixGroupView:
    """A fix-once group as the report shows it: the rule, the element (in its frames), on how many pages."""

    rule: str
    help: str
    impact: str | None
    selector: str
    frames: tuple[str, ...]  # innermost first, as findings.element_location gives them
    html: str
    pages: int


def fix_group_view(group: FindingGroup) -> FixGroupView:
    selector, frames = element_location(group.target or ("",))
    return FixGroupView(group.rule, group.help, group.impact, selector, frames, group.html, len(group.pages))


@dataclass(frozen=True)
class ElementFinding:
    selector: str  # as Example's
    html: str
    failure_summary: str
    is_new: bool
    frames: tuple[str, ...] = ()  # as Example's


@dataclass
class PageRuleFinding:
    """A rule failing on one page, with every failing element."""

    rule: str
    level: str
    wcag_version: str | None
    criteria: tuple[str, ...]
    impact: str | None
    help: str
    help_url: str
    elements: list[ElementFinding] = field(default_factory=list)

    @property
    def is_wcag(self) -> bool:
        return self.level in WCAG_LEVELS or self.level == "AAA"


def findings_per_page(nodes: Iterator[NodeRow], previous: set[str] | None) -> Iterator[tuple[int, list]]:
    """(page id, rule findings) for each page with findings, from a stream ordered by page; `previous`
    holds the fingerprints of the site's run before, to mark elements that are new (None: no such run)."""
    for page_id, page_nodes in groupby(nodes, key=lambda node: node.page_id):
        findings: list[PageRuleFinding] = []
        for _, rule_nodes in groupby(page_nodes, key=lambda node: node.violation_id):
            rows = list(rule_nodes)
            first = rows[0]
            finding = PageRuleFinding(
                first.rule,
                first.level,
                first.wcag_version,
                criteria_of(first.wcag),
                first.impact,
                first.help,
                first.help_url,
            )
            for row in rows:
                if row.fingerprint:
                    is_new = previous is not None and row.fingerprint not in previous
                    selector, frames = element_location(row.selector_parts)
                    finding.elements.append(
                        ElementFinding(selector, row.html, row.failure_summary, is_new, frames)
                    )
            findings.append(finding)
        findings.sort(key=lambda f: (not f.is_wcag, impact_rank(f.impact), f.rule))
        yield page_id, findings


@dataclass(frozen=True)
class ChangedElement:
    """A failing element that is new since the previous run, or fixed since then."""

    rule: str
    impact: str | None
    page_url: str
    html: str


@dataclass
class ElementChanges:
    """Failing elements new since the previous run of each site, and elements fixed since then.

    An element counts as fixed only when its page was audited again: a page the crawl did not reach this
    time proves nothing. Only the first few are kept by name; the totals count all of them.
    """

    compared_sites: int = 0
    new_total: int = 0
    fixed_total: int = 0
    new: list[ChangedElement] = field(default_factory=list)
    fixed: list[ChangedElement] = field(default_factory=list)
    new_by_rule: Counter = field(default_factory=Counter)
    fixed_by_rule: Counter = field(default_factory=Counter)

    def record_new(self, row: FingerprintRow) -> None:
        self.new_total += 1
        self._record(row, self.new, self.new_by_rule)

    def record_fixed(self, row: FingerprintRow) -> None:
        self.fixed_total += 1
        self._record(row, self.fixed, self.fixed_by_rule)

    def rule_table(self) -> list[tuple[str, int, int]]:
        rules = set(self.new_by_rule) | set(self.fixed_by_rule)
        rows = [(rule, self.new_by_rule[rule], self.fixed_by_rule[rule]) for rule in rules]
        return sorted(rows, key=lambda row: (-(row[1] + row[2]), row[0]))

    @staticmethod
    def _record(row: FingerprintRow, listed: list[ChangedElement], by_rule: Counter) -> None:
        by_rule[row.rule] += 1
        if len(listed) < CHANGES_LISTED:
            listed.append(ChangedElement(row.rule, row.impact, row.page_url, row.html))


def examples_by_rule(examples: dict[str, list[Example]], node: NodeRow, page_url: str) -> None:
    """Keep the first few failing elements of each rule as examples."""
    kept = examples.setdefault(node.rule, [])
    if len(kept) < EXAMPLES_PER_RULE and node.fingerprint:
        selector, frames = element_location(node.selector_parts)
        kept.append(Example(node.page_id, page_url, selector, node.html, frames))


def group_rules(rules: Iterable[RuleSummary]) -> tuple[list[RuleSummary], list[RuleSummary]]:
    """(WCAG failures, best-practice advice): kept apart, as the issue asks."""
    grouped: dict[bool, list[RuleSummary]] = defaultdict(list)
    for rule in rules:
        grouped[rule.is_wcag].append(rule)
    return grouped[True], grouped[False]
