"""What an audit of one page produces, independent of how it is stored."""

import re
from dataclasses import dataclass, field

# Page statuses besides HTTP ones ("http-404"): kept short because they are a contract of the export.
OK = "ok"
TIMEOUT = "timeout"
ERROR = "error"
BROWSER_CRASH = "browser-crash"
NOT_HTML = "not-html"
TLS_ERROR = "tls-error"
TOO_LARGE = "too-large"  # HTML over A11YCHECK_MAX_PAGE_BYTES
REFUSED = "refused"  # the address check refused the URL, or where the page sent the browser
# Audited with every rule but color-contrast, which did not finish within the axe limit on a very large page.
PARTIAL = "partial"
# Statuses that mean the audit itself failed, in whole or in part (worth exit code 1); HTTP errors are
# findings about the site.
AUDIT_FAILURES = (TIMEOUT, ERROR, BROWSER_CRASH, PARTIAL)

_CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")
_LEVEL_TAG = re.compile(r"^wcag(2|21|22)(a{1,3})$")


def wcag_criteria(tags: list[str]) -> list[str]:
    """Success criteria named by axe tags: "wcag111" -> "1.1.1", "wcag1412" -> "1.4.12"."""
    found = []
    for tag in tags:
        match = _CRITERION_TAG.match(tag)
        if match:
            found.append(".".join(match.groups()))
    return found


def wcag_level(tags: list[str]) -> tuple[str, str | None]:
    """(level, version) of a rule: ("AA", "2.1"), or ("best-practice", None) when no WCAG level tag.

    The lowest level and earliest version win: a rule tagged wcag2a is an A failure under WCAG 2.0, 2.1
    and 2.2 alike, which is what the EU Web Accessibility Directive (WCAG 2.1 AA) cares about.
    """
    best: tuple[int, str, str] | None = None
    for tag in tags:
        match = _LEVEL_TAG.match(tag)
        if not match:
            continue
        version = {"2": "2.0", "21": "2.1", "22": "2.2"}[match.group(1)]
        level = match.group(2).upper()
        rank = (len(level), version)
        if best is None or rank < best[:2]:
            best = (len(level), version, level)
    if best is None:
        return ("experimental" if "experimental" in tags else "best-practice", None)
    return best[2], best[1]


@dataclass(slots=True)
class NodeResult:
    """One element that fails a rule. `target` is axe's selector path (one entry per frame level)."""

    target: list
    html: str
    failure_summary: str = ""


@dataclass(slots=True)
class ViolationResult:
    """One axe rule that fails on a page, with the elements that fail it."""

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
    violations: list[ViolationResult] = field(default_factory=list)
    error: str | None = None
    duration_ms: int = 0
    attempts: int = 1
    browser_unusable: bool = False  # not stored: tells the pool to replace the browser (stuck on the page)
    # Read from the loaded document, for a crawl whose browsers fetch the pages (a11ycheck/browser_fetch.py):
    # its HTTP status, and its links when asked for (None: the audit script never ran to the end)
    http_status: int | None = None
    links: list[str] | None = None

    @classmethod
    def from_axe(cls, url: str, payload: dict, duration_ms: int) -> "PageResult":
        """Build from the trimmed payload our axe run script returns (see axe.py)."""
        violations = [
            ViolationResult(
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
            for v in payload.get("violations") or []
        ]
        return cls(
            url=url,
            status=OK,
            final_url=payload.get("url"),
            title=payload.get("title"),
            violations=violations,
            duration_ms=duration_ms,
        )
