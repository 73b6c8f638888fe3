"""The EU monitoring method's sample and manual review, as a library: no browser, no crawl, no database.

- `facts.py`: PageFacts and DocumentFacts, what the sample is chosen from; `facts_script.py`: the
  JavaScript that reads a page's facts in the audit's script call
- `words.py`: matching role keywords in titles, headings, link texts and URL paths
- `roles.py`: which page is the home, login, sitemap, contact, help, legal, search, service, statement or
  feedback page, with evidence
- `templates.py`: structure signatures and the grouping of pages into templates
- `sample.py`: `build_sample`, the sample with its reasons, reproducible with its seed
- `verdicts.py`: the words of a review (passed, failed, ...) and axe's results per page and criterion
- `review_file.py`: the CSV an advisor fills in, written and read back with every problem as FILE:LINE;
  `wcag_em.py`: the same verdicts from a W3C WCAG-EM Report Tool report
- `conformance.py`: the conformance table per criterion; `statement.py` (with `plain_words.py` and
  `templates/`): the draft accessibility statement
docs/sample.md and docs/review.md describe the rules and formats.
"""

from a11ycheck.review.conformance import (
    ConformanceTable,
    CriterionConformance,
    PageOutcome,
    conformance_table,
)
from a11ycheck.review.facts import (
    DocumentFacts,
    PageFacts,
    link_texts_by_target,
    links_from_script,
    page_facts_from_script,
)
from a11ycheck.review.facts_script import PAGE_FACTS_FUNCTION, PAGE_FACTS_SCRIPT
from a11ycheck.review.review_file import (
    REVIEW_COLUMNS,
    ReviewFileProblem,
    ReviewFileProblems,
    read_review_file,
    review_csv,
    write_review_file,
)
from a11ycheck.review.roles import ROLES, RoleFindings, RoleMatch, find_roles
from a11ycheck.review.sample import REASONS, SAMPLE_CSV_COLUMNS, Sample, SampledPage, build_sample
from a11ycheck.review.statement import (
    OrganisationContact,
    StatementStatus,
    render_statement_draft,
    statement_status,
)
from a11ycheck.review.templates import Template, cluster_pages, structure_signature
from a11ycheck.review.verdicts import AutomatedResult, ManualVerdict, automated_results
from a11ycheck.review.wcag_em import read_wcag_em_report

__all__ = [
    "PAGE_FACTS_FUNCTION",
    "PAGE_FACTS_SCRIPT",
    "REASONS",
    "REVIEW_COLUMNS",
    "ROLES",
    "SAMPLE_CSV_COLUMNS",
    "AutomatedResult",
    "ConformanceTable",
    "CriterionConformance",
    "DocumentFacts",
    "ManualVerdict",
    "OrganisationContact",
    "PageFacts",
    "PageOutcome",
    "ReviewFileProblem",
    "ReviewFileProblems",
    "RoleFindings",
    "RoleMatch",
    "Sample",
    "SampledPage",
    "StatementStatus",
    "Template",
    "automated_results",
    "build_sample",
    "cluster_pages",
    "conformance_table",
    "find_roles",
    "link_texts_by_target",
    "links_from_script",
    "page_facts_from_script",
    "read_review_file",
    "read_wcag_em_report",
    "render_statement_draft",
    "review_csv",
    "statement_status",
    "structure_signature",
    "write_review_file",
]
