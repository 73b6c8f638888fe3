"""Dutch rule titles and advice: every WCAG A/AA rule of the axe release in axe_rules.json has one, none is
axe's own text, each has the form the report needs; and the loader gives the report what it asks for."""

import importlib.util
import json
import re
from pathlib import Path

import pytest

from a11ycheck.report import rule_texts
from a11ycheck.report.rule_texts import (
    RuleText,
    help_link_note,
    help_link_text,
    parse_rule_texts,
    rule_advice,
    rule_ids_with_texts,
    rule_text,
    rule_title,
    title_language,
)

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "a11ycheck" / "report"
AXE_RULES = json.loads((REPORT / "axe_rules.json").read_text(encoding="utf-8"))
DUTCH = parse_rule_texts((REPORT / "rule_texts_nl.yaml").read_text(encoding="utf-8"))

WCAG_A_AA = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}
# Best-practice rules that municipal sites fail most, and WCAG 2.2's target size: the report needs these too.
FREQUENT_OTHERS = {
    "region",
    "landmark-one-main",
    "page-has-heading-one",
    "heading-order",
    "landmark-unique",
    "skip-link",
    "empty-table-header",
    "empty-heading",
    "image-redundant-alt",
    "target-size",
}
# Rules an older axe had and a newer one dropped keep their text for older runs; list them here then.
RETIRED_RULES: frozenset[str] = frozenset()


def _script():
    spec = importlib.util.spec_from_file_location("axe_rule_list", ROOT / "scripts" / "axe_rule_list.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fingerprint = _script().fingerprint


def wcag_a_aa_rules() -> set[str]:
    return {rule for rule, entry in AXE_RULES["rules"].items() if WCAG_A_AA & set(entry["tags"])}


def test_the_rule_list_is_axe_4_14_1_and_its_wcag_a_aa_rules_are_the_known_ones():
    assert AXE_RULES["axe_version"] == "4.14.1"
    assert len(AXE_RULES["rules"]) == 105
    required = wcag_a_aa_rules()
    # WCAG 2.0 A, 2.0 AA, 2.1 A and 2.1 AA each counted; best-practice, AAA and 2.2 rules not
    assert {"image-alt", "color-contrast", "label-content-name-mismatch", "autocomplete-valid"} <= required
    assert not {"region", "heading-order", "color-contrast-enhanced", "target-size"} & required
    assert len(required) == 69


def test_every_wcag_a_aa_rule_has_a_dutch_title_and_advice():
    missing = sorted(wcag_a_aa_rules() - set(DUTCH))
    assert missing == [], f"rules without a Dutch text in rule_texts_nl.yaml: {', '.join(missing)}"


def test_the_frequent_best_practice_rules_and_target_size_have_dutch_texts_too():
    assert sorted(FREQUENT_OTHERS - set(DUTCH)) == []
    assert len(DUTCH) >= 40


def test_every_text_is_for_a_rule_axe_has():
    assert sorted(set(DUTCH) - set(AXE_RULES["rules"]) - RETIRED_RULES) == []


def _pieces(text: str) -> list[str]:
    """The whole text and each of its sentences and clauses, so that one copied sentence is found too."""
    return [text, *(piece for piece in re.split(r"(?<=[.;:])\s+", text) if piece)]


def test_no_dutch_text_is_axes_help_or_description_in_english_or_its_dutch_locale():
    axe_texts = {sha for entry in AXE_RULES["rules"].values() for sha in entry["axe_text_sha1"]}
    assert len(axe_texts) >= 2 * len(AXE_RULES["rules"])  # help and description of every rule at least
    copied = [
        (rule, piece)
        for rule, text in DUTCH.items()
        for piece in [*_pieces(text.title), *_pieces(text.advice)]
        if fingerprint(piece) in axe_texts
    ]
    assert copied == []


def test_the_fingerprint_ignores_case_spacing_and_a_final_full_stop():
    assert fingerprint("  Images must have\n alternative   text. ") == fingerprint(
        "images must have alternative text"
    )
    assert fingerprint("Images must have alternative text") != fingerprint("Images must have alt text")
    # axe 4.14.1's English help of image-alt is one of the fingerprints recorded for that rule
    assert (
        fingerprint("Images must have alternative text") in AXE_RULES["rules"]["image-alt"]["axe_text_sha1"]
    )


@pytest.mark.parametrize("rule", sorted(DUTCH))
def test_each_text_has_the_form_the_report_needs(rule):
    title, advice = DUTCH[rule].title, DUTCH[rule].advice
    assert 0 < len(title) <= 70
    assert 0 < len(advice) <= 300
    for text in (title, advice):
        assert text == text.strip()
        assert "\n" not in text and "  " not in text
        assert not re.search(r"[<>]|&#?\w+;", text), "no HTML: the report escapes it anyway"
    assert title[0].isupper() and not title.endswith(".")
    assert advice[0].isupper() and advice.endswith(".")
    assert advice.count(". ") <= 1, "one or two sentences"


def test_the_shipped_yaml_is_the_one_the_loader_reads():
    assert rule_ids_with_texts("nl") == frozenset(DUTCH)
    assert rule_text("image-alt", "nl") == DUTCH["image-alt"]


def test_a_dutch_report_gets_our_title_and_advice():
    help_en = "Images must have alternative text"
    assert rule_title("image-alt", "nl", fallback=help_en) == "Afbeelding zonder tekstalternatief"
    assert rule_advice("image-alt", "nl") == (
        "Geef elke informatieve afbeelding een alt-tekst die zegt wat ze toont of betekent. Een afbeelding "
        'die alleen versiert, krijgt een lege alt-tekst (alt="").'
    )
    assert title_language("image-alt", "nl") == "nl"


def test_an_english_report_keeps_axes_help_and_gets_no_advice():
    help_en = "Images must have alternative text"
    assert rule_title("image-alt", "en", fallback=help_en) == help_en
    assert rule_advice("image-alt", "en") is None
    assert rule_text("image-alt", "en") is None
    assert title_language("image-alt", "en") == "en"
    assert rule_ids_with_texts("en") == frozenset()


def test_a_rule_without_dutch_text_falls_back_to_axes_english_help_marked_english():
    help_en = "Some rule a future axe adds"
    assert rule_title("some-future-rule", "nl", fallback=help_en) == help_en
    assert rule_advice("some-future-rule", "nl") is None
    assert title_language("some-future-rule", "nl") == "en"


@pytest.mark.parametrize("rule_id", [None, 42, ["image-alt"], "", "IMAGE-ALT", "image-alt "])
def test_a_malformed_rule_id_from_the_store_gets_the_fallback(rule_id):
    assert rule_title(rule_id, "nl", fallback="axe help") == "axe help"
    assert rule_advice(rule_id, "nl") is None
    assert title_language(rule_id, "nl") == "en"


def test_an_unsupported_language_is_refused_in_one_line():
    with pytest.raises(ValueError, match="^unsupported language 'de'$"):
        rule_title("image-alt", "de", fallback="x")
    with pytest.raises(ValueError, match="^unsupported language 'fr'$"):
        help_link_note("fr")


def test_help_links_say_in_dutch_that_deques_page_is_english():
    assert help_link_note("nl") == "(Engelstalig)"
    assert help_link_note("en") == ""
    assert help_link_text("image-alt", "nl") == "Uitleg van Deque over image-alt (Engelstalig)"
    assert help_link_text("image-alt", "en") == "Deque's explanation of image-alt"
    assert rule_texts.HELP_LINK_HREFLANG == "en"


def test_parse_rule_texts_reads_a_well_formed_file():
    text = "label:\n  title: Veld zonder label\n  advice: >-\n    Koppel een label\n    aan het veld.\n"
    assert parse_rule_texts(text) == {
        "label": RuleText(title="Veld zonder label", advice="Koppel een label aan het veld.")
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- label\n- link-name\n", "expected a mapping of rule ids"),
        ("label: Veld zonder label\n", "'label' needs a title and an advice"),
        (
            "label:\n  title: Veld zonder label\n",
            r"label needs exactly a title and an advice, has \['title'\]",
        ),
        ("label:\n  title: T\n  advice: A.\n  extra: x\n", "label needs exactly a title and an advice"),
        ("label:\n  title: ' '\n  advice: A.\n", "label has an empty or non-text title or advice"),
        ("label:\n  title: [T]\n  advice: A.\n", "label has an empty or non-text title or advice"),
        ("label:\n  title: T\n  advice: A.\nlabel:\n  title: U\n  advice: B.\n", "'label' given twice"),
        ("label:\n  title: T\n  advice: [A.\n", "not valid YAML"),
    ],
)
def test_parse_rule_texts_names_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=f"^rule_texts_nl.yaml: .*{message}"):
        parse_rule_texts(text)


def test_the_script_keeps_level_tags_and_fingerprints_help_in_both_languages():
    axe = {
        "version": "9.9.9",
        "rules": [
            {
                "id": "zeta-rule",
                "tags": ["cat.text-alternatives", "wcag2a", "wcag111", "TTv5", "EN-301-549", "best-practice"],
                "enabled": True,
                "impact": "critical",
                "help": "Zeta help",
                "description": "Zeta description",
            },
            {
                "id": "alpha-rule",
                "tags": ["experimental", "ACT"],
                "enabled": False,
                "impact": None,
                "help": "Alpha help",
                "description": "",
            },
        ],
    }
    dutch = {"zeta-rule": {"description": "Zeta beschrijving", "help": "Zeta hulp"}}
    script = _script()
    listing = script.rule_list(axe, dutch)
    assert listing["axe_version"] == "9.9.9"
    assert list(listing["rules"]) == ["alpha-rule", "zeta-rule"]
    assert listing["rules"]["alpha-rule"] == {
        "impact": None,
        "enabled": False,
        "tags": ["experimental"],
        "axe_text_sha1": [fingerprint("Alpha help")],
    }
    zeta = listing["rules"]["zeta-rule"]
    assert zeta["tags"] == ["wcag2a", "wcag111", "best-practice"]
    expected = ["Zeta help", "Zeta description", "Zeta beschrijving", "Zeta hulp"]
    assert zeta["axe_text_sha1"] == sorted(fingerprint(text) for text in expected)
    assert json.loads(script.to_json(listing)) == listing
