"""What an audit of one page produces, independent of how it is stored."""

from dataclasses import dataclass, field

from a11ycheck.vocabulary.statuses import OK
from a11ycheck.vocabulary.wcag import wcag_criteria, wcag_level


@dataclass(slots=True)
class NodeResult:
    """One element that fails a rule. `target` is axe's selector path (one entry per frame level)."""

    target: list
    html: str
    failure_summary: str = ""


@dataclass(slots=True)
class RuleResult:
    """One axe rule's outcome on a page with its elements: failing ones (a violation), or ones axe could not
    decide on (needs review, axe's "incomplete"); `failure_summary` of each node says what to fix or check."""

    rule: str
    impact: str | None
    tags: list[str]
    help: str
    description: str
    help_url: str
    nodes: list[NodeResult] = field(default_factory=list)

    @property
    def wcag(self) -> list[str]:
        return wcag_criteria(self.tags)

    @property
    def level(self) -> str:
        return wcag_level(self.tags)[0]

    @property
    def wcag_version(self) -> str | None:
        return wcag_level(self.tags)[1]


@dataclass(slots=True)
class PageResult:
    """The outcome of auditing one URL: status "ok" with violations, or why it could not be audited."""

    url: str
    status: str
    final_url: str | None = None
    title: str | None = None
    violations: list[RuleResult] = field(default_factory=list)
    needs_review: list[RuleResult] = field(default_factory=list)
    passed_rules: list[str] = field(default_factory=list)  # rule ids; what was tested, with the others
    inapplicable_rules: list[str] = field(default_factory=list)
    redirect_to: str | None = None  # status "redirected": where the page sent the browser
    error: str | None = None
    duration_ms: int = 0
    attempts: int = 1
    browser_unusable: bool = False  # not stored: tells the pool to replace the browser (stuck on the page)
    # Read from the loaded document, for a crawl whose browsers fetch the pages (spiders/browser_fetch.py):
    # its HTTP status, and its links when asked for (None: the audit script never ran to the end)
    http_status: int | None = None
    links: list[str] | None = None
    # What the run's page observers collected in the page (a11ycheck/page_observers.py), by observer name
    collected: dict = field(default_factory=dict)
    # What axe saw, as a fingerprint (None: it could not be computed or the page did not hold still), and
    # whether it was what axe saw last time, so the previous findings stand (a11ycheck/reuse.py fills them in)
    fingerprint: str | None = None
    reused: bool = False
    reused_from: int | None = None  # the run the findings were carried forward from

    @classmethod
    def from_axe(cls, url: str, payload: dict, duration_ms: int) -> "PageResult":
        """Build from the trimmed payload our axe run script returns (see axe.py)."""
        return cls(
            url=url,
            status=OK,
            final_url=payload.get("url"),
            title=payload.get("title"),
            violations=_rule_results(payload.get("violations")),
            needs_review=_rule_results(payload.get("incomplete")),
            passed_rules=sorted(set(payload.get("passes") or [])),
            inapplicable_rules=sorted(set(payload.get("inapplicable") or [])),
            duration_ms=duration_ms,
        )


def _rule_results(found: list | None) -> list[RuleResult]:
    return [
        RuleResult(
            rule=v["id"],
            impact=v.get("impact"),
            tags=list(v.get("tags") or []),
            help=v.get("help") or "",
            description=v.get("description") or "",
            help_url=v.get("helpUrl") or "",
            nodes=[
                NodeResult(
                    target=n.get("target") or [],
                    html=n.get("html") or "",
                    failure_summary=n.get("summary") or "",
                )
                for n in v.get("nodes") or []
            ],
        )
        for v in found or []
    ]


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """A page as a browser rendered it, for reading rather than auditing (a statement, say)."""

    url: str
    status: str  # a page status: "ok", "http-404", "timeout", "refused", ...
    final_url: str | None
    html: str
    error: str | None = None
