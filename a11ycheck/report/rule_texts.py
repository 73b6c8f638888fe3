"""Dutch titles and fix advice for axe's rules, in our own words (rule_texts_nl.yaml), because axe's Dutch
locale translates almost none of its help. An English report keeps axe's own help, and so does a Dutch report
for a rule we have no text for yet: the caller then marks that title lang="en" (`title_language` says when).

Deque's pages behind axe's help links are in English; `help_link_note` and `help_link_text` say so.
"""

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from a11ycheck.report.i18n import LANGUAGES

TEXTS_FILE = "rule_texts_nl.yaml"
HELP_LINK_HREFLANG = "en"  # the language of Deque's rule pages, for the link's hreflang

_HELP_LINK_NOTE = {"nl": "(Engelstalig)", "en": ""}
_HELP_LINK_TEXT = {"nl": "Uitleg van Deque over {rule} (Engelstalig)", "en": "Deque's explanation of {rule}"}


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a key given twice, which PyYAML would let the last one win."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        for index, key in enumerate(keys):
            if key in keys[:index]:
                raise yaml.constructor.ConstructorError(None, None, f"{key!r} given twice", node.start_mark)
        return super().construct_mapping(node, deep)


@dataclass(frozen=True)
class RuleText:
    """One rule's text in one language: what is wrong, and what to do about it."""

    title: str
    advice: str


def parse_rule_texts(text: str, source: str = TEXTS_FILE) -> dict[str, RuleText]:
    """Rule id -> RuleText from a YAML mapping of `rule-id: {title: ..., advice: ...}`.

    Raises ValueError naming the source and the rule when the file is not that shape.
    """
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as error:
        raise ValueError(f"{source}: not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{source}: expected a mapping of rule ids to a title and advice")
    texts = {}
    for rule_id, entry in data.items():
        if not isinstance(rule_id, str) or not isinstance(entry, dict):
            raise ValueError(f"{source}: {rule_id!r} needs a title and an advice")
        if set(entry) != {"title", "advice"}:
            raise ValueError(f"{source}: {rule_id} needs exactly a title and an advice, has {sorted(entry)}")
        title, advice = entry["title"], entry["advice"]
        if not all(isinstance(value, str) and value.strip() for value in (title, advice)):
            raise ValueError(f"{source}: {rule_id} has an empty or non-text title or advice")
        texts[rule_id] = RuleText(title=title, advice=advice)
    return texts


@cache
def _texts(lang: str) -> dict[str, RuleText]:
    """The shipped texts of one language; English has none (axe's own help is English)."""
    if lang != "nl":
        return {}
    return parse_rule_texts((files("a11ycheck.report") / TEXTS_FILE).read_text(encoding="utf-8"))


def _check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")


def rule_text(rule_id: str, lang: str) -> RuleText | None:
    """Our title and advice for an axe rule in this language, or None (English, or a rule without text)."""
    _check_language(lang)
    return _texts(lang).get(rule_id) if isinstance(rule_id, str) else None


def rule_title(rule_id: str, lang: str, fallback: str) -> str:
    """The rule's title in this language; `fallback` (axe's English help) when there is none."""
    text = rule_text(rule_id, lang)
    return text.title if text else fallback


def rule_advice(rule_id: str, lang: str) -> str | None:
    """Our short fix advice in this language, or None: the report then shows only axe's help and link."""
    text = rule_text(rule_id, lang)
    return text.advice if text else None


def title_language(rule_id: str, lang: str) -> str:
    """The language of what `rule_title` returns: `lang` for our own text, "en" for axe's help."""
    return lang if rule_text(rule_id, lang) else "en"


def rule_ids_with_texts(lang: str) -> frozenset[str]:
    """The rules that have our own text in this language (none in English)."""
    _check_language(lang)
    return frozenset(_texts(lang))


def help_link_note(lang: str) -> str:
    """What to put after the text of a link to Deque's rule page: "(Engelstalig)" in Dutch, "" in English."""
    _check_language(lang)
    return _HELP_LINK_NOTE[lang]


def help_link_text(rule_id: str, lang: str) -> str:
    """The whole text of a link to Deque's page about a rule, saying in Dutch that the page is in English."""
    _check_language(lang)
    return _HELP_LINK_TEXT[lang].format(rule=rule_id)
