"""The report tests' sample (tests/report_sample.py) says what those tests assume: a report test failing is
never a sample that does not say it."""

from report_sample import GENT, build_sample, fingerprints

from a11ycheck.statements import queries as statement_queries
from a11ycheck.store import Store


def test_sample_statements_say_what_the_report_tests_assume(tmp_path):
    url = f"sqlite:///{tmp_path / 'sample.db'}"
    ids = build_sample(url, tmp_path / "charters")
    store = Store(url)
    gent = statement_queries.statement_of_run(store, ids["gent_2"])
    assert (gent.is_statement, gent.status, gent.grade, gent.linked_from_home) == (True, "full", "A", True)
    assert gent.pages_linking == 1 and gent.pages_audited == 5
    assert "meldt volledige naleving; 4 pagina's met WCAG 2.1 A/AA-fouten" in gent.contradictions
    assert statement_queries.statement_of_run(store, ids["gent_1"]) is None  # crawled before the check


def test_sample_has_two_new_and_three_fixed_elements_for_gent(tmp_path):
    url = f"sqlite:///{tmp_path / 'sample.db'}"
    ids = build_sample(url, tmp_path / "charters")
    store = Store(url)
    before, after = fingerprints(store, ids["gent_1"]), fingerprints(store, ids["gent_2"])
    new = sorted(after[f] for f in set(after) - set(before))
    gone = sorted(before[f] for f in set(before) - set(after))
    assert new == [("image-alt", f"{GENT}/nieuw"), ("link-name", f"{GENT}/contact")]
    assert gone == [
        ("color-contrast", f"{GENT}/contact"),
        ("color-contrast", f"{GENT}/wonen"),
        ("image-alt", f"{GENT}/"),
    ]
