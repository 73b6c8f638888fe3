"""The accessibility engine a11ycheck ships: axe-core, pinned in `axe/` with its licences, its record
(version, sha256 of every file, the npm tarball's integrity) and its rule table (tags, ACT rule ids).

Imports nothing of the browser, the crawl or the store, so exports and reports can read the rule table
too. `scripts/update_axe.py VERSION` replaces the release (a11ycheck.engine.update).
"""

from a11ycheck.engine.shipped import (
    AXE_DIR,
    EngineError,
    EngineRecord,
    RuleCatalog,
    RuleInfo,
    axe_min_js,
    declared_version,
    engine_version,
    read_record,
    read_rule_catalog,
    rule_catalog,
    shipped_record,
    verify_folder,
)

__all__ = [
    "AXE_DIR",
    "EngineError",
    "EngineRecord",
    "RuleCatalog",
    "RuleInfo",
    "axe_min_js",
    "declared_version",
    "engine_version",
    "read_record",
    "read_rule_catalog",
    "rule_catalog",
    "shipped_record",
    "verify_folder",
]
