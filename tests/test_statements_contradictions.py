"""A statement held against the audit: what it claims that the measured failures contradict."""

from dataclasses import replace

from a11ycheck.statements import StatementReading, contradictions, read_statement

STATEMENT = StatementReading(
    url="https://www.lindeveld.be/toegankelijkheidsverklaring",
    is_statement=True,
    status="partial",
    non_accessible_content=True,
    non_accessible_criteria=("1.1.1", "1.4.3"),
)


def _said(found):
    return [(contradiction.code, contradiction.english, contradiction.criteria) for contradiction in found]


def test_full_compliance_claimed_while_pages_fail():
    found = contradictions(replace(STATEMENT, status="full", non_accessible_criteria=()), 37, {"1.1.1"})
    assert _said(found) == [
        (
            "full-compliance-claimed",
            "claims full compliance; 37 pages with WCAG 2.1 A/AA failures",
            ("1.1.1",),
        )
    ]
    assert found[0].dutch == "meldt volledige naleving; 37 pagina's met WCAG 2.1 A/AA-fouten"


def test_one_failing_page_is_said_in_the_singular():
    (found,) = contradictions(replace(STATEMENT, status="full", non_accessible_criteria=()), 1, set())
    assert (found.english, found.dutch) == (
        "claims full compliance; 1 page with WCAG 2.1 A/AA failures",
        "meldt volledige naleving; 1 pagina met WCAG 2.1 A/AA-fouten",
    )


def test_full_compliance_without_failures_is_no_contradiction():
    assert contradictions(replace(STATEMENT, status="full", non_accessible_criteria=()), 0, set()) == []


def test_failing_criteria_the_statement_does_not_list_are_named_in_wcag_order():
    found = contradictions(
        STATEMENT, 12, {"4.1.2", "1.4.10", "1.1.1", "1.4.3", "2.4.4", "9.9.9", "not a criterion"}
    )
    assert _said(found) == [
        (
            "criteria-not-listed",
            "failing success criteria not listed as non-accessible content: 1.4.10, 2.4.4, 4.1.2",
            ("1.4.10", "2.4.4", "4.1.2"),
        )
    ]


def test_nothing_listed_while_pages_fail():
    reading = replace(STATEMENT, non_accessible_content=False, non_accessible_criteria=())
    assert _said(contradictions(reading, 3, ["1.3.1"])) == [
        ("nothing-listed", "lists no non-accessible content; 3 pages with WCAG 2.1 A/AA failures", ("1.3.1",))
    ]


def test_content_listed_without_criteria_and_criteria_listed_but_passing_are_not_compared():
    assert contradictions(replace(STATEMENT, non_accessible_criteria=()), 5, {"2.4.4"}) == []
    assert contradictions(STATEMENT, 5, {"1.1.1"}) == []


def test_a_page_that_is_not_a_statement_contradicts_nothing():
    assert contradictions(StatementReading(url="https://x.be/", is_statement=False), 50, {"1.1.1"}) == []


def test_a_read_statement_is_held_against_the_audit():
    html = """<html lang="en"><head><title>Accessibility statement</title></head><body><main>
    <h1>Accessibility statement</h1>
    <h2>Compliance status</h2><p>This website is partially compliant with WCAG 2.1 AA.</p>
    <h2>Non-accessible content</h2><ul><li>Some charts have no text alternative (1.1.1), because they are
    drawn by a third-party tool.</li></ul>
    <h2>Feedback and contact information</h2><p>Mail <a href="mailto:web@port.be">web@port.be</a>.</p>
    </main></body></html>"""
    reading = read_statement(html, "https://www.port.be/en/accessibility-statement")
    assert _said(contradictions(reading, 8, {"1.1.1", "1.4.3"})) == [
        (
            "criteria-not-listed",
            "failing success criteria not listed as non-accessible content: 1.4.3",
            ("1.4.3",),
        )
    ]
