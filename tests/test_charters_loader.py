"""Charter files: the shipped ones load, and every broken one is reported with file and line."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from a11ycheck.charters.kpis import KPIS
from a11ycheck.charters.loader import CharterProblems, load_charter, load_charters, read_charter
from a11ycheck.cli_charters import charter
from a11ycheck.errors import UserError
from a11ycheck.register import Register

CHARTERS = Path(__file__).parents[1] / "charters"

VALID = """\
title: Testcharter
signed: 2025-01-01
partners:
  - Inter
commitments:
  - id: web-1
    title: Minder fouten
    domain: digital
    deadline: 2026-01-01
    measured:
      kpi: wcag_violations_per_page
      baseline: 2
      target: 0.5
  - id: toiletten
    title: Toegankelijke toiletten
    domain: buildings
    deadline: 2027-01-01
    reported:
      type: number
      target: 8
"""


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.load()


def problems_in(tmp_path: Path, text: str, name: str = "voorbeeld.yaml") -> list[tuple[int, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    charter_, problems = read_charter(path, Register.load())
    assert (charter_ is None) == bool(problems)
    assert all(problem.path == path for problem in problems)
    return [(problem.line, problem.message) for problem in problems]


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing `fragment`."""
    lines = [number for number, line in enumerate(text.splitlines(), 1) if fragment in line]
    return lines[occurrence - 1]


def test_the_shipped_charters_are_valid(register):
    charters = load_charters([CHARTERS, CHARTERS / "examples"], register)
    assert {c.slug for c in charters} == {"voorbeeld", "gent", "beveren-kruibeke-zwijndrecht"}
    demo = next(c for c in charters if c.slug == "voorbeeld")
    assert {c.measured.kpi for c in demo.commitments if c.measured} == set(KPIS)
    assert {c.reported.type for c in demo.commitments if c.reported} == {"number", "percentage", "done"}
    assert {c.domain for c in demo.commitments} == {
        "digital",
        "buildings",
        "public-space",
        "services",
        "events",
        "communication",
    }


def test_a_valid_charter_reads_into_commitments(tmp_path):
    assert problems_in(tmp_path, VALID) == []
    loaded = load_charter(tmp_path, "voorbeeld", Register.load())
    web, toilets = loaded.commitments
    assert (loaded.title, str(loaded.signed), loaded.partners) == ("Testcharter", "2025-01-01", ("Inter",))
    assert (web.id, web.measured.kpi, web.measured.baseline, web.measured.target, web.line) == (
        "web-1",
        "wcag_violations_per_page",
        2.0,
        0.5,
        6,
    )
    assert (toilets.reported.type, toilets.reported.baseline, toilets.reported.target) == ("number", 0.0, 8.0)
    assert loaded.find("WEB-1") is web


def replaced(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new, 1)


BROKEN = [
    # (name, charter text, fragment of the line the problem is on, expected message fragment)
    (
        "yaml syntax",
        replaced("  - Inter\n", "  - Inter\n  [broken\n"),
        "commitments:",
        "YAML syntax error: could not find expected ':' (while scanning a simple key on line 5)",
    ),
    (
        "unknown kpi",
        replaced("wcag_violations_per_page", "wcag_errors"),
        "wcag_errors",
        "unknown KPI 'wcag_errors'",
    ),
    (
        "unknown domain",
        replaced("domain: buildings", "domain: gebouwen"),
        "gebouwen",
        "unknown domain 'gebouwen'",
    ),
    (
        "close domain",
        replaced("domain: buildings", "domain: building"),
        "domain: building",
        "did you mean buildings?",
    ),
    (
        "bad date",
        replaced("deadline: 2026-01-01", "deadline: 2026-02-30"),
        "2026-02-30",
        "bad date '2026-02-30'",
    ),
    ("date as words", replaced("deadline: 2026-01-01", "deadline: eind 2026"), "eind 2026", "use YYYY-MM-DD"),
    (
        "date with time",
        replaced("signed: 2025-01-01", "signed: 2025-01-01 10:00:00"),
        "signed",
        "without a time",
    ),
    (
        "deadline before signing",
        replaced("deadline: 2026-01-01", "deadline: 2024-06-30"),
        "2024-06-30",
        "deadline 2024-06-30 of commitment 'web-1' is not after the signing date 2025-01-01",
    ),
    (
        "deadline on signing day",
        replaced("deadline: 2026-01-01", "deadline: 2025-01-01"),
        "deadline: 2025-01-01",
        "is not after the signing date",
    ),
    (
        "duplicate id",
        replaced("id: toiletten", "id: web-1"),
        "id: web-1",
        "duplicate commitment id 'web-1' (first on line 6)",
    ),
    ("bad id", replaced("id: toiletten", "id: twee woorden"), "twee woorden", "must be letters, digits"),
    (
        "missing rule",
        replaced("kpi: wcag_violations_per_page", "kpi: pages_failing_rule"),
        "kpi: pages_failing_rule",
        "pages_failing_rule needs rule:",
    ),
    (
        "bad criterion",
        replaced("kpi: wcag_violations_per_page", "kpi: pages_failing_criterion\n      criterion: 1.4"),
        "criterion: 1.4",
        "criterion 1.4 of commitment 'web-1' is not valid",
    ),
    (
        "param the kpi does not take",
        replaced("kpi: wcag_violations_per_page", "kpi: wcag_violations_per_page\n      rule: label"),
        "rule: label",
        "wcag_violations_per_page takes no rule:",
    ),
    (
        "both measured and reported",
        replaced("      target: 8\n", "      target: 8\n    measured:\n      kpi: accessibility_statement\n"),
        "id: toiletten",
        "has both measured: and reported:",
    ),
    (
        "neither measured nor reported",
        replaced("    reported:\n      type: number\n      target: 8\n", ""),
        "id: toiletten",
        "needs measured: (a KPI from the audits) or reported:",
    ),
    (
        "text instead of number",
        replaced("baseline: 2", "baseline: twee"),
        "baseline: twee",
        "baseline of commitment 'web-1' must be a number, not 'twee'",
    ),
    (
        "number instead of text",
        replaced("title: Minder fouten", "title: 12"),
        "title: 12",
        "title of commitment 'web-1' must be text",
    ),
    (
        "partners not a list",
        replaced("partners:\n  - Inter", "partners: Inter"),
        "partners",
        "partners must be a list",
    ),
    (
        "misspelt key",
        replaced("deadline: 2027-01-01", "deadlne: 2027-01-01"),
        "deadlne",
        "unknown key 'deadlne' in commitment 'toiletten': did you mean deadline?",
    ),
    (
        "missing key",
        replaced("    deadline: 2027-01-01\n", ""),
        "id: toiletten",
        "commitment 'toiletten' has no deadline:",
    ),
    (
        "key given twice",
        replaced("    title: Toegankelijke toiletten\n", "    title: A\n    title: B\n"),
        "title: B",
        "key 'title' is given twice",
    ),
    (
        "target worse than baseline",
        replaced("target: 0.5", "target: 3"),
        "target: 3",
        "is worse than its baseline 2",
    ),
    (
        "percentage out of range",
        replaced("type: number", "type: percentage").replace("target: 8", "target: 120"),
        "target: 120",
        "out of range: it must be from 0 to 100",
    ),
    ("done with a target", replaced("type: number", "type: done"), "target: 8", "takes no target:"),
    (
        "target equals baseline",
        replaced("target: 8", "baseline: 8\n      target: 8"),
        "target: 8",
        "equals its baseline (8): nothing to reach",
    ),
    ("reported number without target", replaced("      target: 8\n", ""), "type: number", "has no target:"),
    (
        "unknown reported type",
        replaced("type: number", "type: count"),
        "type: count",
        "unknown reported type 'count'",
    ),
    (
        "no signing date",
        replaced("signed: 2025-01-01\n", ""),
        "title: Testcharter",
        "the charter has no signed: date",
    ),
    (
        "empty commitments",
        VALID.split("commitments:")[0] + "commitments: []\n",
        "commitments",
        "commitments must be a list",
    ),
    (
        "commitment not a mapping",
        replaced("  - id: toiletten", "  - toiletten\n  - id: toiletten"),
        "- toiletten",
        "a commitment is a mapping",
    ),
    ("top level is a list", "- signed: 2025-01-01\n", "signed", "a charter is a mapping"),
]


@pytest.mark.parametrize(
    ("text", "fragment", "message"), [case[1:] for case in BROKEN], ids=[c[0] for c in BROKEN]
)
def test_each_broken_case_names_its_line(tmp_path, text, fragment, message):
    found = problems_in(tmp_path, text)
    expected_line = line_of(text, fragment, occurrence=2 if fragment == "id: web-1" else 1)
    assert any(line == expected_line and message in text_ for line, text_ in found), found


def test_an_empty_file(tmp_path):
    assert problems_in(tmp_path, "") == [
        (1, "the file is empty: a charter needs signed: and commitments: (see charters/README.md)")
    ]


def test_the_file_name_must_be_a_register_slug(tmp_path):
    unknown = problems_in(tmp_path, VALID, name="atlantis.yaml")
    assert unknown == [
        (
            1,
            "unknown municipality 'atlantis': give the name, slug or NIS code of a Flemish municipality "
            "(as since the 2025 mergers), e.g. sint-niklaas or 46021 (the file name must be the "
            "municipality's register slug)",
        )
    ]
    assert problems_in(tmp_path, VALID, name="borsbeek.yaml") == [
        (1, "the file name 'borsbeek' is not a register slug: rename it to antwerpen.yaml")
    ]
    assert problems_in(tmp_path, VALID, name="Gent.yaml") == [
        (1, "the file name 'Gent' is not a register slug: rename it to gent.yaml")
    ]
    close = problems_in(tmp_path, VALID, name="antwerpn.yaml")
    assert "did you mean Antwerpen?" in close[0][1]


def test_every_problem_of_every_file_is_listed(tmp_path, register):
    (tmp_path / "gent.yaml").write_text(VALID)
    (tmp_path / "voorbeeld.yaml").write_text(
        replaced("kpi: wcag_violations_per_page", "kpi: nope").replace("domain: buildings", "domain: x")
    )
    (tmp_path / "atlantis.yaml").write_text("signed: [\n")
    (tmp_path / "notes.txt").write_text("not a charter")
    with pytest.raises(CharterProblems) as raised:
        load_charters([tmp_path], register)
    found = [(p.path.name, p.line) for p in raised.value.problems]
    assert found == [
        ("atlantis.yaml", 1),
        ("atlantis.yaml", 2),
        ("voorbeeld.yaml", 11),
        ("voorbeeld.yaml", 16),
    ]
    assert str(raised.value).startswith(f"{tmp_path / 'atlantis.yaml'}:1: unknown municipality 'atlantis'")
    assert str(raised.value).endswith("(and 3 more: run `a11ycheck charter validate`)")


def test_a_missing_charter_says_where_to_write_it(tmp_path, register):
    with pytest.raises(
        UserError, match=r"no charter for gent in .*: write .*gent.yaml \(see charters/README.md\)"
    ):
        load_charter(tmp_path, "gent", register)


def test_validate_command(tmp_path):
    (tmp_path / "gent.yaml").write_text(VALID)
    runner = CliRunner()
    ok = runner.invoke(charter, ["validate", "--charters", str(tmp_path)])
    assert (ok.exit_code, ok.output) == (0, "1 charter files OK, 2 commitments\n")

    broken = replaced("domain: buildings", "domain: x").replace(
        "deadline: 2026-01-01", "deadline: 2026-02-30"
    )
    path = tmp_path / "voorbeeld.yaml"
    path.write_text(broken)
    result = runner.invoke(charter, ["validate", "--charters", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"{path}:9: bad date '2026-02-30' for deadline of commitment 'web-1': "
        "use YYYY-MM-DD, e.g. 2026-12-31",
        f"{path}:16: unknown domain 'x' in commitment 'toiletten': "
        "use one of digital, buildings, public-space, services, events, communication",
        "Error: 2 problems in 1 of 2 charter files",
    ]

    single = runner.invoke(charter, ["validate", str(tmp_path / "gent.yaml")])
    assert single.exit_code == 0
    missing = runner.invoke(charter, ["validate", str(tmp_path / "nope.yaml")])
    assert (missing.exit_code, missing.output) == (
        2,
        f"Error: no charter file or folder {tmp_path / 'nope.yaml'}: check the path\n",
    )
