"""Re-audits at the cost of what changed: a page whose fingerprint (what axe would see: the rendered document,
its frames and the computed styles and boxes axe reads, see audit/audit_script.py) equals the one of the
site's previous comparable audit, and that holds still, keeps that audit's findings without running axe.

Safety first: a run reuses nothing when asked for a full audit (--full), when it would be the
`full_audit_every`-th audit of the site in a row without a full one, or when there is no previous run of the
site that completed with the same axe-core version, the same rule set (tags, WCAG 2.2 rules) and the same
audit code of a11ycheck's own. A page whose fingerprint cannot be computed (a frame of another site, a page
that changes while it settles) is always audited.
"""

import hashlib
import json
from dataclasses import dataclass
from functools import cache

from a11ycheck.audit.audit_script import audit_script
from a11ycheck.audit.axe import axe_source
from a11ycheck.models import Run
from a11ycheck.settings import Settings
from a11ycheck.store import Store
from a11ycheck.vocabulary.results import PageResult
from a11ycheck.vocabulary.statuses import COMPLETED

# Raised by hand when the audit's meaning changes without its code text changing (a new status rule, say).
AUDIT_RULES_VERSION = 1


@cache
def audit_code() -> str:
    """A version of the audit as code: axe as injected and the page script (collectors, which do not change
    what axe finds, left out). Any change to either makes earlier fingerprints incomparable."""
    text = f"{AUDIT_RULES_VERSION}\n{axe_source()}\n{audit_script(())}"
    return hashlib.sha1(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class ReuseBase:
    """The earlier run unchanged pages may carry their findings forward from, with its fingerprints."""

    run_id: int
    fingerprints: dict[str, tuple[str, int]]  # url -> (fingerprint, page id)


def choose_reuse_base(store: Store, site_id: int | None, settings: Settings, axe_version: str) -> int | None:
    """The run a new audit of the site may reuse findings from, or None for a full audit (see module doc)."""
    if settings.full or site_id is None:
        return None
    runs = store.site_runs(site_id)
    in_a_row = 0  # audits since the last full one, this one included
    crawls = [run for run in runs if run.kind == "crawl"]  # a sample-only list audit is not a crawl
    for run in crawls:
        if run.status != COMPLETED:
            continue
        if run.reuse_base is None:
            break
        in_a_row += 1
    if in_a_row + 1 >= settings.full_audit_every:
        return None
    for run in crawls:
        if run.status == COMPLETED and _comparable(run, settings, axe_version):
            return run.id
    return None


def load_reuse_base(store: Store, run_id: int | None) -> ReuseBase | None:
    if run_id is None:
        return None
    return ReuseBase(run_id, store.page_fingerprints(run_id))


def _comparable(run: Run, settings: Settings, axe_version: str) -> bool:
    """Findings of `run` would be the findings of this audit on an unchanged page."""
    if run.axe_version != axe_version or run.audit_code != audit_code():
        return False
    options = json.loads(run.options or "{}")
    return tuple(options.get("tags") or ()) == tuple(settings.tags) and bool(options.get("wcag22")) == bool(
        settings.wcag22
    )


class PageAuditor:
    """Audits pages with a browser pool, carrying the findings of unchanged pages forward from `base`."""

    def __init__(self, pool, store: Store, base: ReuseBase | None):
        self.pool = pool
        self.store = store
        self.base = base

    @property
    def size(self) -> int:
        return self.pool.size

    def audit(self, url: str, max_links: int = 0) -> PageResult:
        known = self.base.fingerprints.get(url) if self.base else None
        result = self.pool.audit(url, max_links, known[0] if known else None)
        if not result.reused:
            return result
        try:
            earlier = self.store.page_findings(known[1])
        except LookupError:  # the earlier page was deleted meanwhile: audit it in full after all
            return self.pool.audit(url, max_links)
        result.violations, result.needs_review = earlier.violations, earlier.needs_review
        result.passed_rules, result.inapplicable_rules = earlier.passed_rules, earlier.inapplicable_rules
        result.reused_from = self.base.run_id
        return result
