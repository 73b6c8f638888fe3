"""A run's findings in the standard formats other tools read: EARL (JSON-LD, for ACT implementation
reports and WCAG-EM tooling) and SARIF 2.1.0 (for code-scanning dashboards).

Pure functions of the JSON export's dict (a11ycheck.export.run_as_dict, with each page's `needs_review`,
`passed_rules` and `inapplicable_rules`): they import nothing of the browser, the crawl or the store.
"""

from a11ycheck.export_formats.earl import EARL_CONTEXT_URL, earl_context, earl_document, render_earl
from a11ycheck.export_formats.sarif import SARIF_SCHEMA_URL, render_sarif, sarif_log

__all__ = [
    "EARL_CONTEXT_URL",
    "SARIF_SCHEMA_URL",
    "earl_context",
    "earl_document",
    "render_earl",
    "render_sarif",
    "sarif_log",
]
