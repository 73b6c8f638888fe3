"""The KPIs a charter can measure from the audits: what each counts, which way is better, its unit.

The formulas themselves live in `measures.py`; this is what the loader checks charter files against and what
the status rules need to know (direction, rounding).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

HIGHER = "higher"  # higher is better
LOWER = "lower"  # lower is better


@dataclass(frozen=True)
class KpiSpec:
    name: str
    direction: str  # HIGHER or LOWER
    unit: str
    decimals: int  # values are rounded to this many decimals, before comparing and when shown
    minimum: float = 0.0
    maximum: float | None = None
    param: str | None = None  # the extra key the KPI needs: "rule" or "criterion"
    description: str = ""


WCAG_VIOLATIONS_PER_PAGE = "wcag_violations_per_page"
PAGES_WITHOUT_SERIOUS_SHARE = "pages_without_serious_share"
PAGES_FAILING_RULE = "pages_failing_rule"
PAGES_FAILING_CRITERION = "pages_failing_criterion"
ACCESSIBILITY_STATEMENT = "accessibility_statement"
ACCESSIBILITY_SCORE = "accessibility_score"
STATEMENT_GRADE = "statement_grade"
DOCUMENTS_ACCESSIBLE_SHARE = "documents_accessible_share"
UNTAGGED_PDFS = "untagged_pdfs"
PLAIN_LANGUAGE_B1_SHARE = "plain_language_b1_share"
FLESCH_DOUMA_MEDIAN = "flesch_douma_median"

KPIS: dict[str, KpiSpec] = {
    spec.name: spec
    for spec in (
        KpiSpec(
            WCAG_VIOLATIONS_PER_PAGE,
            LOWER,
            "violations/page",
            2,
            description="WCAG 2.1 A/AA rule violations per audited page",
        ),
        KpiSpec(
            PAGES_WITHOUT_SERIOUS_SHARE,
            HIGHER,
            "%",
            1,
            maximum=100,
            description="share of audited pages without serious or critical violations",
        ),
        KpiSpec(
            PAGES_FAILING_RULE,
            LOWER,
            "pages",
            0,
            param="rule",
            description="audited pages failing axe rule {rule}",
        ),
        KpiSpec(
            PAGES_FAILING_CRITERION,
            LOWER,
            "pages",
            0,
            param="criterion",
            description="audited pages failing WCAG success criterion {criterion}",
        ),
        KpiSpec(
            ACCESSIBILITY_STATEMENT,
            HIGHER,
            "present",
            0,
            maximum=1,
            description="an accessibility statement found and read as one on every site (1) or not (0)",
        ),
        KpiSpec(
            STATEMENT_GRADE,
            HIGHER,
            "grade",
            0,
            minimum=1,
            maximum=5,
            description="grade of the accessibility statement, A=5 to E=1 (the worst of the sites)",
        ),
        KpiSpec(
            ACCESSIBILITY_SCORE,
            HIGHER,
            "score",
            1,
            maximum=100,
            description="accessibility score (0-100, see charters/README.md)",
        ),
        KpiSpec(
            DOCUMENTS_ACCESSIBLE_SHARE,
            HIGHER,
            "%",
            1,
            maximum=100,
            description="share of checked documents (PDF, DOCX, ODT) that pass every check",
        ),
        KpiSpec(UNTAGGED_PDFS, LOWER, "PDFs", 0, description="checked PDFs without tags (a structure tree)"),
        KpiSpec(
            PLAIN_LANGUAGE_B1_SHARE,
            HIGHER,
            "%",
            1,
            maximum=100,
            description="share of audited Dutch pages with enough text whose estimated level is B1 or easier",
        ),
        KpiSpec(
            FLESCH_DOUMA_MEDIAN,
            HIGHER,
            "score",
            1,
            maximum=130,  # one-syllable words in one-word sentences: 128.9 (very long sentences go below 0)
            description="median Flesch-Douma reading ease of the audited Dutch pages with enough text",
        ),
    )
}


def round_half_up(value: float, decimals: int) -> float:
    """Rounded as people round (2.5 -> 3), not as Python's round() does (2.5 -> 2)."""
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))
