"""Verdicts from a WCAG-EM Report Tool report (JSON-LD, EARL), in both shapes the tool has saved."""

import json

import pytest

from a11ycheck.review.review_file import ReviewFileProblems
from a11ycheck.review.sample import Sample, SampledPage
from a11ycheck.review.verdicts import ManualVerdict
from a11ycheck.review.wcag_em import read_wcag_em_report

HOME = "https://www.lindegem.be/"
CONTACT = "https://www.lindegem.be/contact"
NEWS = "https://www.lindegem.be/nieuws/zomerfeest-op-het-dorpsplein"
SAMPLE = Sample(
    seed=3,
    per_template=1,
    pages=(
        SampledPage(HOME, ("home",)),
        SampledPage(CONTACT, ("contact",)),
        SampledPage(NEWS, ("random",)),
    ),
    missing=(),
)


def assertion(
    test: str, outcome: str, note: str = "", parts: list | None = None, subject="_:website"
) -> dict:
    return {
        "type": "Assertion",
        "test": test,
        "subject": subject,
        "result": {"type": "TestResult", "outcome": outcome, "description": note},
        "mode": "earl:manual",
        "hasPart": parts or [],
    }


def page_part(subject: str, outcome: str, note: str = "") -> dict:
    return {"type": "Assertion", "subject": [subject], "result": {"outcome": outcome, "description": note}}


def report_v2(results: list[dict]) -> dict:
    """The 2.x/3.x shape: an @graph whose evaluation has auditResult and the sample's web pages."""
    return {
        "@graph": [
            {
                "type": "Evaluation",
                "auditResult": results,
                "structuredSample": {
                    "webpage": [
                        {
                            "type": ["TestSubject", "WebPage"],
                            "id": "_:struct_0",
                            "description": HOME,
                            "title": "Start",
                        },
                        {
                            "type": ["TestSubject", "WebPage"],
                            "id": "_:struct_1",
                            "description": CONTACT,
                            "title": "Contact",
                        },
                    ]
                },
                "randomSample": {"webpage": [{"id": "_:rand_0", "description": NEWS, "title": "Zomerfeest"}]},
            },
            {"id": "_:evaluator", "type": "Person", "name": "Advisor"},
        ]
    }


def write(tmp_path, data) -> object:
    path = tmp_path / "wcag-em-rapport.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_page_verdicts_and_whole_site_verdicts_of_a_v2_report(tmp_path):
    path = write(
        tmp_path,
        report_v2(
            [
                assertion(
                    "WCAG2:non-text-content",
                    "earl:failed",
                    "Logo zonder tekstalternatief",
                    parts=[
                        page_part("_:struct_0", "earl:failed", "Logo zonder alt"),
                        page_part("_:struct_1", "earl:passed"),
                        page_part("_:rand_0", "earl:cantTell", "Twijfel bij de foto's"),
                    ],
                ),
                assertion("WCAG2:audio-only-and-video-only-prerecorded", "earl:inapplicable"),  # whole site
                assertion("WCAG2:captions-prerecorded", "earl:untested"),
                assertion("WCAG2:contrast-enhanced", "earl:failed"),  # AAA: not among the 50
                assertion(
                    "WCAG21:status-messages", "earl:passed", parts=[page_part("_:struct_1", "earl:passed")]
                ),
            ]
        ),
    )
    assert read_wcag_em_report(path, SAMPLE, sample_id=4) == [
        ManualVerdict(HOME, "1.1.1", "failed", "Logo zonder alt"),
        ManualVerdict(HOME, "1.2.1", "not-applicable", ""),
        ManualVerdict(CONTACT, "1.1.1", "passed", ""),
        ManualVerdict(CONTACT, "1.2.1", "not-applicable", ""),
        ManualVerdict(CONTACT, "4.1.3", "passed", ""),
        ManualVerdict(NEWS, "1.1.1", None, "Twijfel bij de foto's"),  # cannot tell: not tested, the note kept
        ManualVerdict(NEWS, "1.2.1", "not-applicable", ""),
    ]


def test_the_later_shape_with_audit_sample(tmp_path):
    report = {
        "type": "Evaluation",
        "selectSample": {
            "structuredSample": [{"id": "_:subject_2", "description": HOME}],
            "randomSample": [{"id": "_:subject_3", "description": NEWS}],
        },
        "auditSample": [
            {
                "type": "Assertion",
                "test": {"id": "WCAG21:page-titled", "type": "TestRequirement"},
                "subject": {"id": "_:subject_2", "type": ["TestSubject", "WebPage"]},
                "result": {
                    "outcome": {"id": "earl:passed", "type": ["OutcomeValue", "Pass"]},
                    "description": "",
                },
            },
            {
                "type": "Assertion",
                "test": {"id": "WCAG21:focus-visible"},
                "subject": {"id": "_:subject_3"},
                "result": {"outcome": {"id": "earl:failed"}, "description": "Geen focusrand op de knoppen"},
            },
            {
                "type": "Assertion",
                "test": {"id": "WCAG22:target-size-minimum"},  # WCAG 2.2: not among the 50
                "subject": {"id": "_:subject_3"},
                "result": {"outcome": {"id": "earl:failed"}},
            },
        ],
    }
    assert read_wcag_em_report(write(tmp_path, report), SAMPLE, sample_id=4) == [
        ManualVerdict(HOME, "2.4.2", "passed", ""),
        ManualVerdict(NEWS, "2.4.7", "failed", "Geen focusrand op de knoppen"),
    ]


def test_every_problem_at_once_nothing_taken(tmp_path):
    report = report_v2(
        [
            assertion(
                "WCAG2:non-text-content", "earl:failed", parts=[page_part("_:struct_9", "earl:failed")]
            ),
            assertion("WCAG2:keyboard", "earl:geslaagd"),
            assertion("nonsense", "earl:passed"),
        ]
    )
    report["@graph"][0]["randomSample"]["webpage"][0]["description"] = "https://www.lindegem.be/elders"
    report["@graph"][0]["auditResult"].append(
        assertion("WCAG2:page-titled", "earl:failed", parts=[page_part("_:rand_0", "earl:failed")])
    )
    path = write(tmp_path, report)
    with pytest.raises(ReviewFileProblems) as raised:
        read_wcag_em_report(path, SAMPLE, sample_id=4)
    assert [str(p) for p in raised.value.problems] == [
        f"{path}: auditResult[0].hasPart[0]: a page the report does not describe ('_:struct_9')",
        f"{path}: auditResult[1]: unknown outcome 'earl:geslaagd': expected one of earl:passed, earl:failed, "
        "earl:inapplicable, earl:cantTell, earl:untested",
        f"{path}: auditResult[2]: no success criterion (test 'nonsense')",
        f"{path}: auditResult[3].hasPart[0]: page https://www.lindegem.be/elders is not in sample 4",
    ]


def test_not_a_report(tmp_path):
    for content, message in [
        (
            "{not json",
            "not a JSON file: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        (
            '{"type": "Evaluation"}',
            "no evaluation results (auditResult or auditSample): not a WCAG-EM Report Tool report",
        ),
    ]:
        path = write(tmp_path, content)
        with pytest.raises(ReviewFileProblems) as raised:
            read_wcag_em_report(path, SAMPLE, sample_id=4)
        assert [str(p) for p in raised.value.problems] == [f"{path}: {message}"]
    path.write_bytes(b'{"x": "caf\xe9"}')
    with pytest.raises(ReviewFileProblems, match="not UTF-8"):
        read_wcag_em_report(path, SAMPLE, sample_id=4)
